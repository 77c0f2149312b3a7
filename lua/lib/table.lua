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

--- Row r (negative counts from the end) as a table whose fields are the
--- column names; nil past the end.
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

--- The table as aligned text, fitted to a width (the terminal's, else
--- COLUMNS, else 100): at most
--- max_rows rows (20 by default), then how many there are; cells cut at
--- cell_width characters (40 by default).
function Table:format(opts)
  opts = opts or {}
  local max_rows = opts.max_rows or 20
  local width = opts.width or (praxis._term and praxis._term.width())
    or tonumber(os.getenv("COLUMNS")) or 100
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
      s = truncate(s, opts.cell_width or 40)
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
        local v = self._cols[name][r]
        -- NaN (a value that could not be computed) as an empty field: R and
        -- pandas read it as missing, as read_table does
        local s = v ~= v and "" or cell_text(v, true)
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

-- ---------------------------------------------------------------- group, join

-- a value as a grouping key: handles by id, nil apart
local function key_of(v)
  if v == nil then return "\0nil" end
  if type(v) == "userdata" then
    -- a handle matches its id
    local ok, id = pcall(function() return v.id end)
    if ok and id ~= nil then return "s" .. tostring(id) end
  end
  return type(v):sub(1, 1) .. tostring(v)
end

local function numbers_of(t, col, rows, fn)
  local out = {}
  local values = t._cols[col]
  for _, r in ipairs(rows) do
    local v = values[r]
    if v ~= nil then
      if type(v) ~= "number" then
        error(string.format("group_by: %s of '%s' needs numbers, but row %d holds %s",
          fn, col, r, type(v) == "string" and string.format("%q", v) or type(v)), 4)
      end
      out[#out + 1] = v
    end
  end
  return out
end

local aggregates = {
  count = function(t, col, rows)
    if not col then return #rows end
    local n, values = 0, t._cols[col]
    for _, r in ipairs(rows) do if values[r] ~= nil then n = n + 1 end end
    return n
  end,
  sum = function(t, col, rows)
    local s = 0
    for _, v in ipairs(numbers_of(t, col, rows, "sum")) do s = s + v end
    return s
  end,
  mean = function(t, col, rows)
    local xs = numbers_of(t, col, rows, "mean")
    if #xs == 0 then return nil end
    local s = 0
    for _, v in ipairs(xs) do s = s + v end
    return s / #xs
  end,
  min = function(t, col, rows)
    local m
    for _, r in ipairs(rows) do
      local v = t._cols[col][r]
      if v ~= nil and (m == nil or compare_values(v, m)) then m = v end
    end
    return m
  end,
  max = function(t, col, rows)
    local m
    for _, r in ipairs(rows) do
      local v = t._cols[col][r]
      if v ~= nil and (m == nil or compare_values(m, v)) then m = v end
    end
    return m
  end,
  median = function(t, col, rows)
    local xs = numbers_of(t, col, rows, "median")
    if #xs == 0 then return nil end
    table.sort(xs)
    local n = #xs
    if n % 2 == 1 then return xs[(n + 1) // 2] end
    return (xs[n // 2] + xs[n // 2 + 1]) / 2
  end,
  sd = function(t, col, rows)
    local xs = numbers_of(t, col, rows, "sd")
    if #xs < 2 then return nil end
    local s = 0
    for _, v in ipairs(xs) do s = s + v end
    local mean, ss = s / #xs, 0
    for _, v in ipairs(xs) do ss = ss + (v - mean) ^ 2 end
    return math.sqrt(ss / (#xs - 1))
  end,
}

--- Groups rows by one or more columns and computes aggregates per group:
--- t:group_by("speaker", {turns = {"count"}, words = {"sum", "words"}}).
--- Aggregates: count, sum, mean, min, max, median, sd (sample). Groups
--- keep the order in which they first appear; aggregate columns follow
--- in the order of their names.
function Table:group_by(cols, aggs)
  if type(cols) == "string" then cols = { cols } end
  if type(cols) ~= "table" or #cols == 0 then
    error("group_by: expected a column name or a list of them", 2)
  end
  for _, c in ipairs(cols) do check_column(self, c, "group_by") end
  aggs = aggs or { count = { "count" } }
  if type(aggs) ~= "table" then
    error("group_by: aggregates are a table {name = {\"count\"|\"sum\"|..., column}}", 2)
  end
  local names = {}
  for name, spec in pairs(aggs) do
    if type(name) ~= "string" then
      error("group_by: aggregates are named: {turns = {\"count\"}}", 2)
    end
    if type(spec) == "string" then spec = { spec } aggs[name] = spec end
    if type(spec) ~= "table" or not aggregates[spec[1]] then
      error(string.format("group_by: aggregate '%s' must be {\"count\"|\"sum\"|\"mean\"|\"min\"|" ..
        "\"max\"|\"median\"|\"sd\", column}, not %s", name, tostring(spec[1] or spec)), 2)
    end
    if spec[1] ~= "count" and spec[2] == nil then
      error(string.format("group_by: aggregate '%s' (%s) needs a column: {\"%s\", \"column\"}",
        name, spec[1], spec[1]), 2)
    end
    if spec[2] ~= nil then check_column(self, spec[2], "group_by") end
    for _, c in ipairs(cols) do
      if c == name then error("group_by: the aggregate '" .. name .. "' has the name of a key column", 2) end
    end
    names[#names + 1] = name
  end
  table.sort(names)
  local groups, order = {}, {}
  for r = 1, self._n do
    local parts = {}
    for i, c in ipairs(cols) do parts[i] = key_of(self._cols[c][r]) end
    local k = table.concat(parts, "\0")
    local g = groups[k]
    if not g then
      g = { first = r, rows = {} }
      groups[k] = g
      order[#order + 1] = g
    end
    g.rows[#g.rows + 1] = r
  end
  local out_names, out_cols = {}, {}
  for i, c in ipairs(cols) do
    out_names[i] = c
    local src, dst = self._cols[c], {}
    for gi, g in ipairs(order) do dst[gi] = src[g.first] end
    out_cols[c] = dst
  end
  for _, name in ipairs(names) do
    out_names[#out_names + 1] = name
    local spec, dst = aggs[name], {}
    for gi, g in ipairs(order) do dst[gi] = aggregates[spec[1]](self, spec[2], g.rows) end
    out_cols[name] = dst
  end
  return new(out_names, out_cols, #order)
end

--- Joins another table on one or more columns: t:join(other, "speaker"),
--- t:join(other, {"speaker", "document"}), or with other names in other:
--- t:join(other, {speaker = "id"}). "inner" (the default) keeps rows with
--- a match; "left" keeps every row of t. A handle matches its id. Columns
--- of other with a name already in t get the suffix "_2".
function Table:join(other, on, opts)
  if not is_table(other) then error("join: expected a praxis table to join with", 2) end
  if type(on) == "string" then on = { on } end
  if type(on) ~= "table" then error("join: on which column(s)?", 2) end
  local lkeys, rkeys = {}, {}
  for _, c in ipairs(on) do lkeys[#lkeys + 1] = c; rkeys[#rkeys + 1] = c end
  local named = {}
  for l, r in pairs(on) do
    if type(l) == "string" then named[#named + 1] = l end
  end
  table.sort(named)
  for _, l in ipairs(named) do lkeys[#lkeys + 1] = l; rkeys[#rkeys + 1] = on[l] end
  if #lkeys == 0 then error("join: on which column(s)?", 2) end
  opts = opts or {}
  local how = opts.how or "inner"
  if how ~= "inner" and how ~= "left" then
    error("join: how must be \"inner\" or \"left\", not " .. tostring(how), 2)
  end
  local is_key = {}
  for i = 1, #lkeys do
    check_column(self, lkeys[i], "join")
    check_column(other, rkeys[i], "join")
    is_key[rkeys[i]] = true
  end
  local function key(t, keys, r)
    local parts = {}
    for i, c in ipairs(keys) do parts[i] = key_of(t._cols[c][r]) end
    return table.concat(parts, "\0")
  end
  local index = {}
  for r = 1, other._n do
    local k = key(other, rkeys, r)
    index[k] = index[k] or {}
    table.insert(index[k], r)
  end
  local names, from = {}, {}
  local taken = {}
  for _, c in ipairs(self._names) do names[#names + 1] = c; from[#names] = { self, c }; taken[c] = true end
  for _, c in ipairs(other._names) do
    if not is_key[c] then
      local name = c
      while taken[name] do name = name .. "_2" end
      taken[name] = true
      names[#names + 1] = name
      from[#names] = { other, c }
    end
  end
  local pairs_ = {}
  for r = 1, self._n do
    local matches = index[key(self, lkeys, r)]
    if matches then
      for _, r2 in ipairs(matches) do pairs_[#pairs_ + 1] = { r, r2 } end
    elseif how == "left" then
      pairs_[#pairs_ + 1] = { r, nil }
    end
  end
  local cols = {}
  for i, name in ipairs(names) do
    local src_t, src_c = from[i][1], from[i][2]
    local src, dst = src_t._cols[src_c], {}
    local side = src_t == self and 1 or 2
    for p, pr in ipairs(pairs_) do
      local r = pr[side]
      if r then dst[p] = src[r] end
    end
    cols[name] = dst
  end
  return new(names, cols, #pairs_)
end

--- A copy with one more column (or a column replaced): values as a list
--- of #t values, or a function(row) computing each.
--- @usage t:add_column("minutes", function(row) return row.start_time / 60 end)
function Table:add_column(name, values)
  if type(name) ~= "string" then error("add_column: the first argument is the column's name", 2) end
  local dst = {}
  if type(values) == "function" then
    for r = 1, self._n do dst[r] = values(self:row(r)) end
  elseif type(values) == "table" and not is_table(values) then
    local len = #values
    if len ~= self._n then
      error(string.format("add_column: %d values for a table of %d rows", len, self._n), 2)
    end
    for r = 1, len do dst[r] = values[r] end
  else
    error("add_column: expected a list of values or a function(row)", 2)
  end
  local names, cols = {}, {}
  local replaced = false
  for i, c in ipairs(self._names) do
    names[i] = c
    cols[c] = c == name and dst or self._cols[c]
    if c == name then replaced = true end
  end
  if not replaced then names[#names + 1] = name; cols[name] = dst end
  local copy = {}
  for _, c in ipairs(names) do
    if cols[c] == dst then copy[c] = dst
    else
      local col = {}
      for r = 1, self._n do col[r] = cols[c][r] end
      copy[c] = col
    end
  end
  return new(names, copy, self._n)
end

--- Plots the table: in the terminal (text bars, sparklines) or to an SVG
--- or PNG file (to = "x.svg"). See help(praxis.plot).
function Table:plot(opts)
  return praxis.plot.plot(self, opts)
end

-- ---------------------------------------------------------------- read

-- cells from text files: numbers when every value of a column is one
local function infer(cols, names, n, opts)
  if opts.types == false then return end
  for _, name in ipairs(names) do
    local col = cols[name]
    local all_int, all_num, all_bool, any = true, true, true, false
    for r = 1, n do
      local v = col[r]
      if v ~= nil then
        any = true
        if not v:match("^%s*[-+]?%d+%s*$") then all_int = false end
        if not tonumber(v) or v:match("^%s*0[xX]") or v:lower():match("inf") or v:lower():match("nan") then
          all_num = false
        end
        if v ~= "true" and v ~= "false" then all_bool = false end
      end
    end
    if any and (all_int or all_num or all_bool) then
      for r = 1, n do
        local v = col[r]
        if v ~= nil then
          if all_int then col[r] = math.tointeger(tonumber(v)) or tonumber(v)
          elseif all_num then col[r] = tonumber(v) + 0.0
          else col[r] = v == "true" end
        end
      end
    end
  end
end

local function parse_csv(text, sep)
  local rows, row, field = {}, {}, {}
  local i, n = 1, #text
  local quoted_field = false
  local function end_field()
    row[#row + 1] = table.concat(field)
    field = {}
    quoted_field = false
  end
  local function end_row()
    end_field()
    rows[#rows + 1] = row
    row = {}
  end
  while i <= n do
    local c = text:sub(i, i)
    if c == '"' and #field == 0 and not quoted_field then
      -- a quoted field: up to the closing quote; "" is one quote
      local j = i + 1
      quoted_field = true
      while true do
        local q = text:find('"', j, true)
        if not q then error("read_table: a quoted field is not closed (from byte " .. i .. ")", 3) end
        field[#field + 1] = text:sub(j, q - 1)
        if text:sub(q + 1, q + 1) == '"' then
          field[#field + 1] = '"'
          j = q + 2
        else
          i = q + 1
          break
        end
      end
    elseif c == sep then
      end_field()
      i = i + 1
    elseif c == "\r" and text:sub(i + 1, i + 1) == "\n" then
      end_row()
      i = i + 2
    elseif c == "\n" then
      end_row()
      i = i + 1
    else
      local j = text:find("[" .. sep .. '\r\n"]', i)
      if j == i then j = i + 1 end
      j = j or n + 1
      field[#field + 1] = text:sub(i, j - 1)
      i = j
    end
  end
  if #field > 0 or #row > 0 or quoted_field then end_row() end
  return rows
end

local function rows_to_table(rows, where, opts)
  local header = table.remove(rows, 1)
  if not header then error(where .. ": the file is empty (no header row)", 3) end
  local cols, names = {}, {}
  for i, name in ipairs(header) do
    if name == "" then name = "column" .. i end
    while cols[name] do name = name .. "_" .. i end
    names[i] = name
    cols[name] = {}
  end
  for r, row in ipairs(rows) do
    if #row > #names then
      error(string.format("%s: row %d has %d fields, the header %d", where, r + 1, #row, #names), 3)
    end
    for i, name in ipairs(names) do
      local v = row[i]
      if v == "" then v = nil end
      cols[name][r] = v
    end
  end
  infer(cols, names, #rows, opts)
  return new(names, cols, #rows)
end

-- JSON: enough of RFC 8259 to read arrays of objects back. Objects keep
-- the order of their keys in key_order; null inside arrays is NULL.
local NULL = setmetatable({}, { __name = "null" })
local key_order = setmetatable({}, { __mode = "k" })
local function json_decode(text)
  local i = 1
  local function ws() i = text:find("[^ \t\r\n]", i) or #text + 1 end
  local function fail(what) error(string.format("read_table: bad JSON at byte %d: %s", i, what), 0) end
  local value
  local function str()
    local out = {}
    i = i + 1
    while true do
      local j = text:find('["\\]', i)
      if not j then fail("a string is not closed") end
      out[#out + 1] = text:sub(i, j - 1)
      if text:sub(j, j) == '"' then i = j + 1 break end
      local e = text:sub(j + 1, j + 1)
      local map = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
      if map[e] then
        out[#out + 1] = map[e]
        i = j + 2
      elseif e == "u" then
        local cp = tonumber(text:sub(j + 2, j + 5), 16)
        if not cp then fail("bad \\u escape") end
        i = j + 6
        if cp >= 0xD800 and cp <= 0xDBFF and text:sub(i, i + 1) == "\\u" then
          local lo = tonumber(text:sub(i + 2, i + 5), 16)
          if lo and lo >= 0xDC00 and lo <= 0xDFFF then
            cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
            i = i + 6
          end
        end
        out[#out + 1] = utf8.char(cp)
      else
        fail("bad escape")
      end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = text:sub(i, i)
    if c == "{" then
      local obj, keys = {}, {}
      i = i + 1
      ws()
      if text:sub(i, i) == "}" then i = i + 1 return obj, keys end
      while true do
        ws()
        if text:sub(i, i) ~= '"' then fail("expected a key") end
        local k = str()
        ws()
        if text:sub(i, i) ~= ":" then fail("expected ':'") end
        i = i + 1
        obj[k] = value()
        keys[#keys + 1] = k
        ws()
        local d = text:sub(i, i)
        i = i + 1
        if d == "}" then return obj, keys end
        if d ~= "," then fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      local arr = {}
      i = i + 1
      ws()
      if text:sub(i, i) == "]" then i = i + 1 return arr end
      while true do
        local v, keys = value()
        arr[#arr + 1] = v == nil and NULL or v
        if keys then key_order[v] = keys end
        ws()
        local d = text:sub(i, i)
        i = i + 1
        if d == "]" then return arr end
        if d ~= "," then fail("expected ',' or ']'") end
      end
    elseif c == '"' then return str()
    elseif text:sub(i, i + 3) == "true" then i = i + 4 return true
    elseif text:sub(i, i + 4) == "false" then i = i + 5 return false
    elseif text:sub(i, i + 3) == "null" then i = i + 4 return nil
    else
      local num = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
      if not num or num == "" then fail("unexpected '" .. c .. "'") end
      i = i + #num
      if num:match("^-?%d+$") then return math.tointeger(tonumber(num)) or tonumber(num) end
      return tonumber(num) + 0.0
    end
  end
  local v = value()
  ws()
  if i <= #text then fail("text after the end") end
  return v
end

local function json_table(text, where)
  local ok, arr = pcall(json_decode, text)
  if not ok then error(arr, 3) end
  if type(arr) ~= "table" then error(where .. ": expected a JSON array of objects", 3) end
  local names, cols, seen = {}, {}, {}
  local n = #arr
  for r = 1, n do
    local obj = arr[r]
    if obj == NULL then obj = {} end
    local keys = key_order[obj] or {}
    if type(obj) ~= "table" then error(string.format("%s: item %d is not an object", where, r), 3) end
    for _, k in ipairs(keys) do
      if not seen[k] then seen[k] = true; names[#names + 1] = k; cols[k] = {} end
      cols[k][r] = obj[k]
    end
  end
  if #names == 0 then error(where .. ": no columns (an empty array, or objects without keys)", 3) end
  return new(names, cols, n)
end

local function markdown_table(text, where, opts)
  local rows = {}
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    local body = line:match("^%s*|(.*)|%s*$")
    if body then
      if not body:match("^[%s|:%-]+$") then
        local cells, cur = {}, {}
        local i = 1
        while i <= #body do
          local c = body:sub(i, i)
          if c == "\\" and body:sub(i + 1, i + 1) == "|" then cur[#cur + 1] = "|"; i = i + 2
          elseif c == "|" then cells[#cells + 1] = table.concat(cur); cur = {}; i = i + 1
          else cur[#cur + 1] = c; i = i + 1 end
        end
        cells[#cells + 1] = table.concat(cur)
        for k, v in ipairs(cells) do
          v = v:match("^%s*(.-)%s*$")
          if v:match("^-?%d%d?%d?,%d%d%d[,%d]*$") then v = v:gsub(",", "") end
          cells[k] = v
        end
        rows[#rows + 1] = cells
      end
    end
  end
  return rows_to_table(rows, where, opts)
end

--- Reads a table from a file: csv (RFC 4180), tsv, json (an array of
--- objects) or markdown, by extension or opts.format. Columns whose every
--- value is a number become numbers (opts.types = false keeps text).
--- Returns nil and a message when the file cannot be opened.
function M.read(path, opts)
  opts = opts or {}
  if type(path) ~= "string" then error("read_table: expected a path", 2) end
  local fmt = opts.format or formats[(path:match("%.(%w+)$") or ""):lower()]
  if not fmt then
    error("read_table: cannot tell the format of '" .. path .. "' (name it .csv, .tsv, .json or .md)", 2)
  end
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local text = f:read("a")
  f:close()
  if text:sub(1, 3) == "\239\187\191" then text = text:sub(4) end
  local where = "read_table(" .. path .. ")"
  if fmt == "csv" then return rows_to_table(parse_csv(text, ","), where, opts) end
  if fmt == "tsv" then
    local rows = {}
    for line in text:gmatch("([^\n]*)\n?") do
      line = line:gsub("\r$", "")
      if line ~= "" then
        local row = {}
        for cell in (line .. "\t"):gmatch("([^\t]*)\t") do row[#row + 1] = cell end
        rows[#rows + 1] = row
      end
    end
    return rows_to_table(rows, where, opts)
  end
  if fmt == "json" then return json_table(text, where) end
  return markdown_table(text, where, opts)
end
M.decode_json = json_decode

-- ---------------------------------------------------------------- selections

local default_fields = {
  utterances = { "id", "document", "speaker", "start_time", "text" },
  participants = { "id", "name", "role", "sex" },
  documents = { "id", "title", "date", "kind" },
  segments = { "id", "type", "document" },
}

local function cell_of(v)
  if type(v) == "userdata" then
    local mt = getmetatable(v)
    if mt and mt.__name == "praxis.Selection" then return #v end
    return v
  end
  if type(v) == "table" and not is_table(v) then return praxis.format(v) end
  return v
end

--- selection:table{fields}: a praxis table with one row per item and one
--- column per property; handles stay handles (written as their ids),
--- selections become counts. A field may also be name = function(item).
local function selection_table(s, fields)
  fields = fields or default_fields[s:kind()] or { "id" }
  if type(fields) == "string" then fields = { fields } end
  local names, getters = {}, {}
  for i, f in ipairs(fields) do
    if type(f) ~= "string" then error("table: field " .. i .. " is not a property name", 3) end
    names[#names + 1] = f
    getters[#names] = function(x) return x[f] end
  end
  local extra = {}
  for k, f in pairs(fields) do
    if type(k) == "string" then
      if type(f) ~= "function" then error("table: field " .. k .. " must be a function(item)", 3) end
      extra[#extra + 1] = k
    end
  end
  table.sort(extra)
  for _, k in ipairs(extra) do names[#names + 1] = k; getters[#names] = fields[k] end
  if #names == 0 then error("table: which properties? s:table{\"id\", \"text\"}", 3) end
  local cols = {}
  for _, name in ipairs(names) do cols[name] = {} end
  local r = 0
  local n = #s
  for x in s:each() do
    r = r + 1
    for c, name in ipairs(names) do
      local ok, v = pcall(getters[c], x)
      if not ok then error("table: " .. tostring(v):gsub("^.-:%d+: ", ""), 4) end
      cols[name][r] = cell_of(v)
    end
    if r % 4096 == 0 and praxis.progress then praxis.progress(r, n, "table") end
  end
  if praxis.progress then praxis.progress(n, n, "table") end
  check_names(names, "table")
  return new(names, cols, r)
end

local function install_selection_methods()
  local reg = debug.getregistry()
  local mt = reg["praxis.Selection"]
  if type(mt) ~= "table" or type(mt.__methods) ~= "table" then return end
  mt.__methods.table = function(s, fields) return selection_table(s, fields) end
  mt.__methods.write = function(s, path, opts)
    if type(path) ~= "string" then error("write: expected a file name", 2) end
    return selection_table(s, opts and opts.fields):write(path, opts)
  end
end
install_selection_methods()

praxis.table = setmetatable(M, {
  __call = function(_, names, rows) return M.new(names, rows) end,
})
praxis.Table = Table
praxis.read_table = function(path, opts) return M.read(path, opts) end
return M
