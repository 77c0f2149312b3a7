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

-- tostring that never fails (a handle of a closed corpus cannot print)
local function safe_tostring(v)
  local ok, s = pcall(tostring, v)
  if ok and type(s) == "string" then return s end
  local mt = getmetatable(v)
  local name = type(mt) == "table" and type(mt.__name) == "string" and mt.__name or type(v)
  return "<" .. name:gsub("^praxis%.", ""):lower() .. ": " .. tostring(s):gsub("^.-:%d+: ", "") .. ">"
end

--- How a function reads: <function praxis.open> when help knows its name.
function show.function_name(f)
  local help = praxis.help
  local name = help and help.name_of and help.name_of(f)
  if name then return "<function " .. name .. ">" end
  -- Lua's own functions: print, string.format...
  for _, lib in ipairs({ "_G", "string", "table", "math", "io", "os", "coroutine", "utf8", "debug" }) do
    local t = lib == "_G" and _G or _G[lib]
    if type(t) == "table" then
      for k, x in pairs(t) do
        if x == f and type(k) == "string" then return "<function " .. (lib == "_G" and "" or lib .. ".") .. k .. ">" end
      end
    end
  end
  local info = debug.getinfo(f, "S")
  if info and info.what == "Lua" and info.short_src ~= "?" then
    return string.format("<function %s:%d>", info.short_src, info.linedefined)
  end
  return "<function>"
end

local function is_ptable(v)
  return praxis.Table ~= nil and getmetatable(v) == praxis.Table
end

local function repr(v, depth, seen)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t ~= "table" then
    if t == "userdata" and not is_praxis(v) then
      local mt = getmetatable(v)
      if type(mt) == "table" and mt.__name == "FILE*" then return "<file>" end
      return "<userdata>"
    end
    if t == "function" then return show.function_name(v) end
    if t == "thread" then return "<coroutine>" end
    if t == "userdata" then return safe_tostring(v) end
    return tostring(v)
  end
  if is_ptable(v) then
    return string.format("<table: %d row%s; %s>", #v, #v == 1 and "" or "s", table.concat(v:columns(), ", "))
  end
  if is_praxis(v) then return safe_tostring(v) end
  local mt = getmetatable(v)
  if mt and mt.__tostring then return safe_tostring(v) end
  if mt and mt.__name == "praxis.Groups" then return "<groups>" end
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

--- Returns the text a value prints as. `mode` ("table", the default,
--- "csv", "tsv", "json" or "markdown") applies to praxis tables and
--- selections, as the REPL's .mode sets it.
function show.format(v, mode)
  local mt = getmetatable(v)
  if mode and mode ~= "table" then
    if type(v) == "userdata" and mt and mt.__name == "praxis.Selection" and v.table then
      v = v:table()
      mt = getmetatable(v)
    end
    if is_ptable(v) then return (v:encode(mode):gsub("\r\n", "\n"):gsub("\n$", "")) end
  end
  if is_ptable(v) then
    return v:format({ width = praxis._term and praxis._term.width() or nil })
  end
  if type(v) == "userdata" and mt and mt.__name == "praxis.Selection" then
    local ok, n = pcall(function() return #v end)
    if not ok then return safe_tostring(v) end
    local lines = { string.format("%d %s", n, n == 1 and v:kind():gsub("s$", "") or v:kind()) }
    for i = 1, math.min(n, MAX_ROWS) do lines[#lines + 1] = "  " .. safe_tostring(v[i]) end
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
--- @usage praxis.show(corpus.participants["priya"], {1, 2, 3})
function show.print(...)
  for i = 1, select("#", ...) do
    io.write(show.format((select(i, ...))), "\n")
  end
end

praxis.show = show.print
praxis.format = show.format
return show
