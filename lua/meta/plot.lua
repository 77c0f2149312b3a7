---@meta

---@class praxis.plot
--- Plots of praxis tables, written as SVG by Praxis itself (PNG through
--- rsvg-convert), or drawn in the terminal as text bars, sparklines and
--- character grids. praxis.plot(t, opts) is t:plot(opts).
---@usage praxis.plot.sparkline({3, 1, 4, 1, 5, 9, 2, 6})
local plot = {}

--- Plots a table (see help("Table:plot") for the options): in the
--- terminal without `to`, else to the file, whose name it returns.
---@param t praxis.Table
---@param opts table
---@return string|nil
---@usage praxis.plot.plot(praxis.table.new({"x", "y"}, {{1, 2}, {2, 4}, {3, 3}}), {kind = "line", x = "x", y = "y"})
function plot.plot(t, opts) end

--- A line plot: one line per group, a mark per point.
---@param t praxis.Table
---@param opts table
---@usage praxis.plot.line(praxis.table.new({"x", "y"}, {{1, 2}, {2, 4}, {3, 3}}), {x = "x", y = "y"})
function plot.line(t, opts) end

--- A bar plot: a bar per row, side by side by group.
---@param t praxis.Table
---@param opts table
---@usage praxis.plot.bar(praxis.table.new({"who", "n"}, {{"priya", 5}, {"felix", 3}}), {x = "who", y = "n"})
function plot.bar(t, opts) end

--- A scatter plot: a mark per row, coloured by group.
---@param t praxis.Table
---@param opts table
---@usage praxis.plot.scatter(praxis.table.new({"x", "y"}, {{1, 2}, {2, 4}, {3, 3}}), {x = "x", y = "y"})
function plot.scatter(t, opts) end

--- A heatmap: x and y categories, cells shaded by the sum of `value`
--- (or the count of rows).
---@param t praxis.Table
---@param opts table
---@usage praxis.plot.heatmap(corpus.utterances:table{"speaker", "document"}, {x = "document", y = "speaker"})
function plot.heatmap(t, opts) end

--- The SVG text of a plot.
---@param t praxis.Table
---@param opts table
---@return string
---@usage #praxis.plot.svg(praxis.table.new({"x", "y"}, {{1, 2}, {2, 4}}), {kind = "scatter", x = "x", y = "y"})
function plot.svg(t, opts) end

--- The text of a plot for the terminal.
---@param t praxis.Table
---@param opts table
---@return string
---@usage praxis.plot.text(praxis.table.new({"x", "y"}, {{1, 2}, {2, 4}}), {kind = "line", x = "x", y = "y"})
function plot.text(t, opts) end

--- A sparkline of numbers: ▁▂▄█▆ (nil values as spaces); lists longer
--- than `width` are averaged into `width` characters.
---@param values table numbers
---@param width? integer
---@return string
---@usage praxis.plot.sparkline({1, 5, 2, 8, 3})
function plot.sparkline(values, width) end

--- Is rsvg-convert installed (needed for PNG)?
---@return boolean
---@usage praxis.plot.can_png()
function plot.can_png() end
