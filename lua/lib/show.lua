-- show.lua - how values print in the REPL and in `praxis -e`.
-- Handles print as sentences, selections as a count and their first rows,
-- plain tables nested and truncated: never "table: 0x...".
local praxis = ...

local show = {}

local MAX_ROWS = 10      -- rows of a selection or list shown
local MAX_ITEMS = 20     -- fields of a table shown
local MAX_DEPTH = 3

local function is_praxis(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and type(mt.__name) == "string" and mt.__name:match("^praxis%.")
end

local function quote(s)
  return string.format("%q", s):gsub("\\\n", "\\n")
end

local function key_repr(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  return "[" .. (type(k) == "string" and quote(k) or tostring(k)) .. "]"
end

local function repr(v, depth, seen)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t ~= "table" then
    if t == "userdata" and not is_praxis(v) then return "<userdata>" end
    if t == "function" then return "<function>" end
    if t == "thread" then return "<coroutine>" end
    return tostring(v)
  end
  if is_praxis(v) then return tostring(v) end
  local mt = getmetatable(v)
  if mt and mt.__tostring then return tostring(v) end
  if seen[v] then return "{...cycle...}" end
  if depth >= MAX_DEPTH then return "{...}" end
  seen[v] = true
  local parts, n = {}, 0
  local len = #v
  for i = 1, len do
    n = n + 1
    if n > MAX_ITEMS then parts[#parts + 1] = "... (" .. len .. " items)"; break end
    parts[#parts + 1] = repr(v[i], depth + 1, seen)
  end
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= len) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "string" or type(a) == "number") then return a < b end
    return type(a) < type(b)
  end)
  for _, k in ipairs(keys) do
    n = n + 1
    if n > MAX_ITEMS then parts[#parts + 1] = "..."; break end
    parts[#parts + 1] = key_repr(k) .. " = " .. repr(v[k], depth + 1, seen)
  end
  seen[v] = nil
  local one = "{" .. table.concat(parts, ", ") .. "}"
  if #one <= 78 then return one end
  local ind = string.rep("  ", depth + 1)
  return "{\n" .. ind .. table.concat(parts, ",\n" .. ind) .. "\n" .. string.rep("  ", depth) .. "}"
end

--- Returns the text a value prints as.
function show.format(v)
  local mt = getmetatable(v)
  if type(v) == "userdata" and mt and mt.__name == "praxis.Selection" then
    local n = #v
    local lines = { string.format("%d %s", n, n == 1 and v:kind():gsub("s$", "") or v:kind()) }
    for i = 1, math.min(n, MAX_ROWS) do lines[#lines + 1] = "  " .. tostring(v[i]) end
    if n > MAX_ROWS then lines[#lines + 1] = string.format("  ... %d more", n - MAX_ROWS) end
    return table.concat(lines, "\n")
  end
  if type(v) == "table" and mt and mt.__name == "praxis.Groups" then
    local lines = {}
    for k, sel in pairs(v) do
      lines[#lines + 1] = string.format("  %s: %d %s", tostring(k), #sel, sel:kind())
      if #lines > MAX_ITEMS then lines[#lines + 1] = "  ..."; break end
    end
    return "groups\n" .. table.concat(lines, "\n")
  end
  return repr(v, 0, {})
end

--- Prints each value on its own line (the REPL's printer).
function show.print(...)
  for i = 1, select("#", ...) do
    io.write(show.format((select(i, ...))), "\n")
  end
end

praxis.show = show.print
praxis.format = show.format
return show
