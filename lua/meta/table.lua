---@meta

---@class praxis.table
--- Making and reading praxis tables: praxis.table.new(names, rows),
--- praxis.table.from_columns(names, lists), praxis.table.read(path).
---@usage praxis.table.new({"speaker", "turns"}, {{"priya", 12}, {"felix", 30}})
local tablemod = {}

--- Makes a table from column names and rows (each row a list in column
--- order, or a table keyed by column name). praxis.table(names, rows) too.
---@param names table the column names
---@param rows table the rows
---@return praxis.Table
---@usage praxis.table.new({"speaker", "turns"}, {{"ariel", 12}, {"nancy", 30}})
function tablemod.new(names, rows) end

--- Makes a table from column names and one list of values per column.
---@param names table the column names
---@param lists table one list per column (by position or by name)
---@return praxis.Table
---@usage praxis.table.from_columns({"x", "y"}, {{1, 2, 3}, {4, 5, 6}})
function tablemod.from_columns(names, lists) end

--- Is v a praxis table?
---@param v any
---@return boolean
---@usage praxis.table.is(corpus.documents:table())
function tablemod.is(v) end

--- Reads a csv, tsv, json or markdown file (praxis.read_table), by its
--- extension or opts.format. A column whose every value is a number
--- becomes numbers (types = false keeps text). Returns nil and a message
--- when the file cannot be opened.
---@param path string the file
---@param opts? table {format =, types = false}
---@return praxis.Table|nil
---@usage praxis.table.read("tests/lua/fixtures/turns.csv")
function tablemod.read(path, opts) end

--- How a cell reads: integers with thousands separators, numbers with
--- four significant decimals, handles by id; plain = true gives the
--- shortest exact form, as files hold it.
---@param v any
---@param plain? boolean
---@return string
---@usage praxis.table.cell_text(1234567)
function tablemod.cell_text(v, plain) end

--- A JSON string literal of s.
---@param s string
---@return string
---@usage praxis.table.json_string('say "hi"')
function tablemod.json_string(s) end

--- Decodes JSON text into Lua values (null inside arrays is a sentinel).
---@param text string
---@return any
---@usage praxis.table.decode_json('[{"a": 1}]')
function tablemod.decode_json(text) end

---@class praxis.Table
--- The result of every analysis: named, typed columns. #t counts rows,
--- t:each() iterates rows (tables keyed by column name). The REPL prints
--- tables aligned to the terminal's width. Methods that change rows or
--- columns return a new table.
---@usage corpus.utterances:table{"speaker", "start_time"}:group_by("speaker", {turns = {"count"}})
local Table = {}

--- The column names, in order.
---@return table
---@usage corpus.documents:table():columns()
function Table:columns() end

--- The kind of a column: "integer", "number", "string", "boolean" or "any".
---@param name string the column
---@return string
---@usage corpus.utterances:table{"id", "start_time"}:kind("start_time")
function Table:kind(name) end

--- The values of one column, as a list.
---@param name string the column
---@return table
---@usage corpus.documents:table():column("date")
function Table:column(name) end

--- Row r (negative counts from the end) as a table keyed by column name.
---@param r integer the row
---@return table|nil
---@usage corpus.documents:table():row(1)
function Table:row(r) end

--- Iterates over the rows: for row in t:each() do print(row.speaker) end
---@return function
---@usage for row in corpus.documents:table():each() do print(row.id, row.date) end
function Table:each() end

--- The first n rows (10 by default).
---@param n? integer
---@return praxis.Table
---@usage corpus.utterances:table():head(5)
function Table:head(n) end

--- A copy sorted by a column, "asc" (the default) or "desc"; stable,
--- missing values last.
---@param name string the column
---@param order? string "asc" or "desc"
---@return praxis.Table
---@usage corpus.utterances:table{"id", "speaker", "word_count"}:sort("word_count", "desc")
function Table:sort(name, order) end

--- The rows that pass: a function(row), or {column = value, ...}.
---@param cond table|function
---@return praxis.Table
---@usage corpus.utterances:table():where{speaker = "priya"}
function Table:where(cond) end

--- A table of some columns, in the order given.
---@param ... string column names (or one list of them)
---@return praxis.Table
---@usage corpus.utterances:table():select("speaker", "text")
function Table:select(...) end

--- Groups rows by one or more columns and computes aggregates per group:
--- {name = {"count"}} or {name = {"sum"|"mean"|"min"|"max"|"median"|"sd", column}}.
--- Groups keep the order they first appear in; aggregate columns follow
--- the key columns in the order of their names. sd is the sample
--- standard deviation.
---@param cols string|table the key column(s)
---@param aggs? table the aggregates (default {count = {"count"}})
---@return praxis.Table
---@usage corpus.utterances:table{"speaker", "word_count"}:group_by("speaker", {turns = {"count"}, mean_words = {"mean", "word_count"}})
function Table:group_by(cols, aggs) end

--- Joins another table on columns: t:join(other, "speaker"), a list of
--- columns both have, or {speaker = "id"} when other names it otherwise.
--- "inner" (the default) keeps rows with a match, "left" keeps every row
--- of t. A handle matches its id. Clashing column names of other get the
--- suffix "_2".
---@param other praxis.Table
---@param on string|table the column(s) to match
---@param opts? table {how = "inner"|"left"}
---@return praxis.Table
---@usage corpus.utterances:table{"id", "speaker"}:join(corpus.participants:table{"id", "role"}, {speaker = "id"})
function Table:join(other, on, opts) end

--- A copy with one more column, or a column replaced: a list of #t values
--- or a function(row).
---@param name string the new column
---@param values table|function
---@return praxis.Table
---@usage corpus.utterances:table{"id", "start_time"}:add_column("minute", function(row) return row.start_time and row.start_time // 60 end)
function Table:add_column(name, values) end

--- The table as aligned text fitted to a width (the terminal's, else
--- COLUMNS, else 100): at most max_rows rows, then how many there are;
--- cells cut at cell_width characters.
---@param opts? table {max_rows = 20, width = the terminal's, cell_width = 40}
---@return string
---@usage corpus.documents:table():format{max_rows = 3}
function Table:format(opts) end

--- Prints every row aligned (print{max_rows = n} to cut).
---@param opts? table {max_rows =, width =}
---@usage corpus.documents:table():print()
function Table:print(opts) end

--- The table as text: "csv" (RFC 4180), "tsv", "json" (an array of
--- objects) or "markdown". A value that could not be computed (NaN) is an
--- empty field in csv and tsv and null in json: missing, to R and pandas.
---@param fmt string
---@return string
---@usage corpus.documents:table():head(2):encode("csv")
function Table:encode(fmt) end

--- Writes the table to a file; the format comes from the extension
--- (.csv, .tsv, .json, .md) or opts.format. Handles are written as ids.
---@param path string the file
---@param opts? table {format =}
---@return string the path
---@usage corpus.documents:table():write("documents.csv")
function Table:write(path, opts) end

--- Plots the table: text bars and sparklines in the terminal, or an SVG
--- or PNG file with to = "x.svg". kind = "line", "bar", "scatter" or
--- "heatmap"; x =, y =, group = columns; title =; units = "s" (for y) or
--- {x =, y =}; value = a column to sum in heatmap cells (else counts).
---@param opts table
---@return string|nil the file written
---@usage corpus.utterances:table{"speaker"}:group_by("speaker", {turns = {"count"}}):plot{kind = "bar", x = "speaker", y = "turns", title = "Turns"}
function Table:plot(opts) end
