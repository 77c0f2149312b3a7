-- table.lua - praxis tables: the result type of every analysis.
-- Named, typed columns stored column by column; rows are read as tables
-- whose fields are the column names. Printed aligned, written as CSV, TSV,
-- JSON (an array of objects) or Markdown.
local praxis = ...

local Table = {}
Table.__index = Table
Table.__name = "praxis.Table"

local function is_table(v) return getmetatable(v) == Table end

-- the kind of a column, from its values: integer, number, string, boolean, any
local function kind_of(values, n)
  local kind
  for i = 1, n do
    local v = values[i]
    if v ~= nil then
      local k = math.type(v) or type(v)
      if k == "float" then k = "number" end
      if k == "userdata" or k == "table" then k = "any" end
      if kind == nil then kind = k
      elseif kind ~= k then
        if (kind == "integer" and k == "number") or (kind == "number" and k == "integer") then
          kind = "number"
        else
          return "any"
        end
      end
    end
  end
  return kind or "any"
end

local function new(names, cols, n)
  local t = setmetatable({ _names = names, _cols = cols, _n = n, _kinds = {} }, Table)
  for _, name in ipairs(names) do t._kinds[name] = kind_of(cols[name], n) end
  return t
end

local function check_names(names, where)
  if type(names) ~= "table" or #names == 0 then
    error(where .. ": expected a list of column names", 3)
  end
  local seen = {}
  for i, name in ipairs(names) do
    if type(name) ~= "string" then
      error(string.format("%s: column %d has a %s for a name, not a string", where, i, type(name)), 3)
    end
    if seen[name] then error(where .. ": the column '" .. name .. "' is named twice", 3) end
    seen[name] = true
  end
end

local M = {}

--- Makes a table from column names and rows (each row a list in column
--- order, or a table keyed by column name).
--- @usage praxis.table.new({"speaker", "turns"}, {{"ariel", 12}, {"nancy", 30}})
function M.new(names, rows)
  check_names(names, "praxis.table.new")
  rows = rows or {}
  local cols = {}
  for _, name in ipairs(names) do cols[name] = {} end
  for r, row in ipairs(rows) do
    if type(row) ~= "table" then
      error(string.format("praxis.table.new: row %d is a %s, not a table", r, type(row)), 2)
    end
    for i, name in ipairs(names) do
      local v = row[name]
      if v == nil then v = row[i] end
      cols[name][r] = v
    end
  end
  return new(names, cols, #rows)
end

--- Makes a table from column names and one list of values per column.
--- @usage praxis.table.from_columns({"x", "y"}, {{1, 2, 3}, {4, 5, 6}})
function M.from_columns(names, lists)
  check_names(names, "praxis.table.from_columns")
  local cols, n = {}, nil
  for i, name in ipairs(names) do
    local list = lists[i] or lists[name]
    if type(list) ~= "table" then
      error("praxis.table.from_columns: no list of values for column '" .. name .. "'", 2)
    end
    local len = #list
    if n and len ~= n then
      error(string.format("praxis.table.from_columns: column '%s' has %d values, '%s' has %d",
        name, len, names[1], n), 2)
    end
    n = len
    local copy = {}
    for r = 1, len do copy[r] = list[r] end
    cols[name] = copy
  end
  return new(names, cols, n or 0)
end

--- Is v a praxis table?
function M.is(v) return is_table(v) end

function Table.__len(t) return t._n end

--- The column names, in order.
function Table:columns()
  local out = {}
  for i, name in ipairs(self._names) do out[i] = name end
  return out
end

--- The kind of a column: "integer", "number", "string", "boolean" or "any".
function Table:kind(name)
  return self._kinds[name]
end

local function check_column(t, name, where)
  if t._cols[name] == nil then
    error(string.format("%s: no column '%s' (columns: %s)", where, tostring(name),
      table.concat(t._names, ", ")), 3)
  end
end

--- The values of one column, as a list.
function Table:column(name)
  check_column(self, name, "column")
  local out, col = {}, self._cols[name]
  for r = 1, self._n do out[r] = col[r] end
  return out
end

--- Row r as a table whose fields are the column names.
function Table:row(r)
  if r < 0 then r = self._n + r + 1 end
  if r < 1 or r > self._n then return nil end
  local row = {}
  for _, name in ipairs(self._names) do row[name] = self._cols[name][r] end
  return row
end

--- Iterates over the rows: for row in t:each() do print(row.speaker) end
function Table:each()
  local r = 0
  return function()
    r = r + 1
    if r <= self._n then return self:row(r) end
  end
end

local function take(t, indices)
  local cols = {}
  for _, name in ipairs(t._names) do
    local src, dst = t._cols[name], {}
    for i, r in ipairs(indices) do dst[i] = src[r] end
    cols[name] = dst
  end
  local out = setmetatable({ _names = t:columns(), _cols = cols, _n = #indices, _kinds = {} }, Table)
  for _, name in ipairs(t._names) do out._kinds[name] = t._kinds[name] end
  return out
end

--- The first n rows (10 by default).
function Table:head(n)
  n = math.min(n or 10, self._n)
  local idx = {}
  for r = 1, n do idx[r] = r end
  return take(self, idx)
end

local function compare_values(a, b)
  if a == nil then return false end
  if b == nil then return true end
  local ta, tb = type(a), type(b)
  if ta == "number" and tb == "number" then return a < b end
  if ta == "userdata" and a.id then a = a.id end
  if tb == "userdata" and b.id then b = b.id end
  return tostring(a) < tostring(b)
end

--- A copy sorted by a column ("asc" by default, or "desc"); stable, nils last.
--- @usage t:sort("turns", "desc")
function Table:sort(name, order)
  check_column(self, name, "sort")
  if order ~= nil and order ~= "asc" and order ~= "desc" then
    error("sort: order must be \"asc\" or \"desc\", not " .. tostring(order), 2)
  end
  local col, idx = self._cols[name], {}
  for r = 1, self._n do idx[r] = r end
  local desc = order == "desc"
  table.sort(idx, function(x, y)
    local a, b = col[x], col[y]
    if a == b or (a ~= nil and b ~= nil and not compare_values(a, b) and not compare_values(b, a)) then
      return x < y
    end
    if a == nil then return false end
    if b == nil then return true end
    if desc then return compare_values(b, a) end
    return compare_values(a, b)
  end)
  return take(self, idx)
end

--- The rows that pass: t:where(function(row) return row.turns > 5 end) or
--- t:where{column = value}.
function Table:where(cond)
  local idx = {}
  if type(cond) == "function" then
    for r = 1, self._n do if cond(self:row(r)) then idx[#idx + 1] = r end end
  elseif type(cond) == "table" then
    for name in pairs(cond) do check_column(self, name, "where") end
    for r = 1, self._n do
      local ok = true
      for name, want in pairs(cond) do
        local v = self._cols[name][r]
        if type(v) == "userdata" and type(want) == "string" then v = v.id end
        if v ~= want then ok = false break end
      end
      if ok then idx[#idx + 1] = r end
    end
  else
    error("where: expected a function or a table of column = value", 2)
  end
  return take(self, idx)
end

--- A table of some columns: t:select("speaker", "turns") or t:select{...}.
function Table:select(...)
  local names = select("#", ...) == 1 and type(...) == "table" and ... or { ... }
  local cols = {}
  for _, name in ipairs(names) do
    check_column(self, name, "select")
    cols[name] = self._cols[name]
  end
  local out = setmetatable({ _names = {}, _cols = {}, _n = self._n, _kinds = {} }, Table)
  for i, name in ipairs(names) do
    out._names[i] = name
    local src, dst = cols[name], {}
    for r = 1, self._n do dst[r] = src[r] end
    out._cols[name] = dst
    out._kinds[name] = self._kinds[name]
  end
  return out
end

-- ---------------------------------------------------------------- format

local function thousands(n)
  local s = tostring(math.abs(n))
  local out = s:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", "")
  return (n < 0 and "-" or "") .. out
end

--- How a cell reads for people: integers with thousands separators,
--- numbers with up to 4 significant decimals, handles by id.
local function cell_text(v, plain)
  if v == nil then return "" end
  local mt = math.type(v)
  if mt == "integer" then return plain and tostring(v) or thousands(v) end
  if mt == "float" then
    if v ~= v then return "nan" end
    if v == math.huge then return "inf" end
    if v == -math.huge then return "-inf" end
    if plain then
      for digits = 15, 16 do
        local short = string.format("%." .. digits .. "g", v)
        if tonumber(short) == v then return short end
      end
      return string.format("%.17g", v)
    end
    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%.1f", v) end
    local s = string.format("%.4g", v)
    if not s:find("e") then
      local digits = 4 - math.max(0, math.floor(math.log(math.abs(v), 10)) + 1)
      s = string.format("%." .. math.max(digits, 1) .. "f", v)
      s = s:gsub("(%..-)0+$", "%1"):gsub("%.$", ".0")
    end
    return s
  end
  if type(v) == "userdata" then
    local ok, id = pcall(function() return v.id end)
    if ok and id then return tostring(id) end
  end
  if type(v) == "boolean" then return tostring(v) end
  return tostring(v)
end
M.cell_text = cell_text

local function utf8_width(s)
  local ok, n = pcall(utf8.len, s)
  return ok and n or #s
end

local function pad(s, width, right)
  local fill = string.rep(" ", math.max(0, width - utf8_width(s)))
  return right and fill .. s or s .. fill
end

local function truncate(s, width)
  if utf8_width(s) <= width then return s end
  local cut = utf8.offset(s, width) or #s + 1
  return s:sub(1, cut - 1) .. "…"
end

--- The table as aligned text, fitted to a width (COLUMNS or 100): at most
--- max_rows rows (20 by default), then how many there are.
function Table:format(opts)
  opts = opts or {}
  local max_rows = opts.max_rows or 20
  local width = opts.width or tonumber(os.getenv("COLUMNS")) or 100
  local shown = math.min(self._n, max_rows)
  local cells, widths, right = {}, {}, {}
  for c, name in ipairs(self._names) do
    widths[c] = utf8_width(name)
    local k = self._kinds[name]
    right[c] = k == "integer" or k == "number"
  end
  for r = 1, shown do
    cells[r] = {}
    for c, name in ipairs(self._names) do
      local s = cell_text(self._cols[name][r]):gsub("[\n\t]", " ")
      s = truncate(s, 40)
      cells[r][c] = s
      widths[c] = math.max(widths[c], utf8_width(s))
    end
  end
  -- fit to the width: drop trailing columns that do not fit
  local ncols, used = 0, 0
  for c = 1, #self._names do
    local need = widths[c] + (c > 1 and 2 or 0)
    if used + need > width and ncols > 0 then break end
    used = used + need
    ncols = c
  end
  local lines = {}
  local head = {}
  for c = 1, ncols do head[c] = pad(self._names[c], widths[c], right[c]) end
  lines[1] = table.concat(head, "  "):gsub("%s+$", "")
  local rule = {}
  for c = 1, ncols do rule[c] = string.rep("-", widths[c]) end
  lines[2] = table.concat(rule, "  ")
  for r = 1, shown do
    local row = {}
    for c = 1, ncols do row[c] = pad(cells[r][c], widths[c], right[c]) end
    lines[#lines + 1] = table.concat(row, "  "):gsub("%s+$", "")
  end
  local foot = string.format("(%s row%s", thousands(self._n), self._n == 1 and "" or "s")
  if shown < self._n then foot = foot .. string.format(", %d shown", shown) end
  if ncols < #self._names then
    foot = foot .. string.format("; %d of %d columns shown", ncols, #self._names)
  end
  lines[#lines + 1] = foot .. ")"
  return table.concat(lines, "\n")
end

Table.__tostring = function(t) return t:format() end

--- Prints the table aligned (all rows: print{max_rows = n} to cut).
function Table:print(opts)
  opts = opts or {}
  if opts.max_rows == nil then opts.max_rows = math.huge end
  io.write(self:format(opts), "\n")
end

-- ---------------------------------------------------------------- write

local function csv_field(s, sep)
  if s:find('[' .. sep .. '"\r\n]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(ch)
    local map = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
    return map[ch] or string.format("\\u%04x", ch:byte())
  end) .. '"'
end
M.json_string = json_string

local function json_value(v)
  if v == nil then return "null" end
  local mt = math.type(v)
  if mt == "integer" then return tostring(v) end
  if mt == "float" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    return cell_text(v, true)
  end
  if type(v) == "boolean" then return tostring(v) end
  return json_string(cell_text(v, true))
end

--- The table as text in a format: "csv", "tsv", "json" or "markdown".
function Table:encode(fmt)
  local out = {}
  if fmt == "csv" or fmt == "tsv" then
    local sep = fmt == "csv" and "," or "\t"
    local row = {}
    for c, name in ipairs(self._names) do
      row[c] = fmt == "csv" and csv_field(name, sep) or name
    end
    out[1] = table.concat(row, sep)
    for r = 1, self._n do
      row = {}
      for c, name in ipairs(self._names) do
        local s = cell_text(self._cols[name][r], true)
        if fmt == "tsv" then s = s:gsub("[\t\r\n]", " ") else s = csv_field(s, sep) end
        row[c] = s
      end
      out[#out + 1] = table.concat(row, sep)
    end
    return table.concat(out, fmt == "csv" and "\r\n" or "\n") .. (fmt == "csv" and "\r\n" or "\n")
  elseif fmt == "json" then
    for r = 1, self._n do
      local fields = {}
      for c, name in ipairs(self._names) do
        fields[c] = json_string(name) .. ":" .. json_value(self._cols[name][r])
      end
      out[r] = "{" .. table.concat(fields, ",") .. "}"
    end
    return "[" .. table.concat(out, ",\n") .. "]\n"
  elseif fmt == "markdown" then
    local esc = function(s) return (s:gsub("|", "\\|"):gsub("\n", " ")) end
    local row = {}
    for c, name in ipairs(self._names) do row[c] = esc(name) end
    out[1] = "| " .. table.concat(row, " | ") .. " |"
    for c, name in ipairs(self._names) do
      local k = self._kinds[name]
      row[c] = (k == "integer" or k == "number") and "---:" or "---"
    end
    out[2] = "| " .. table.concat(row, " | ") .. " |"
    for r = 1, self._n do
      for c, name in ipairs(self._names) do row[c] = esc(cell_text(self._cols[name][r])) end
      out[#out + 1] = "| " .. table.concat(row, " | ") .. " |"
    end
    return table.concat(out, "\n") .. "\n"
  end
  error("encode: unknown format '" .. tostring(fmt) .. "' (csv, tsv, json, markdown)", 2)
end

local formats = { csv = "csv", tsv = "tsv", json = "json", md = "markdown", markdown = "markdown" }

--- Writes the table to a file; the format comes from the extension
--- (.csv, .tsv, .json, .md) or from opts.format.
--- @usage t:write("turns.csv")
function Table:write(path, opts)
  opts = opts or {}
  local fmt = opts.format or formats[(path:match("%.(%w+)$") or ""):lower()]
  if not fmt then
    error("write: cannot tell the format of '" .. path .. "' (name it .csv, .tsv, .json or .md)", 2)
  end
  local open = praxis.output_open or io.open
  local f, err = open(path, "wb")
  if not f then error("write: " .. tostring(err), 2) end
  f:write(self:encode(fmt))
  f:close()
  return path
end

praxis.table = setmetatable(M, {
  __call = function(_, names, rows) return M.new(names, rows) end,
})
praxis.Table = Table
return M
