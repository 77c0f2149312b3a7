-- repl.lua - what the REPL does with a chunk or a dot-command, in Lua so
-- that scripts can do the same: praxis.repl.eval, .dot, .read, .mode,
-- .output, .once, .open, .timer, .traceback, and tab completion.
local praxis = ...

local R = {}
R.settings = { mode = "table", timer = false, traceback = false }

local MAX_READ_DEPTH = 16
local read_depth = 0
local output, once        -- open files for .output and .once

local function now() return praxis._term.now() end

local function stderr(...)
  io.stdout:flush()
  io.stderr:write(...)
  io.stderr:flush()
end

-- ---------------------------------------------------------------- eval

local function handler(msg)
  if type(msg) ~= "string" then
    local mt = getmetatable(msg)
    if mt and mt.__tostring then msg = tostring(msg)
    else msg = string.format("(error object is a %s value)", type(msg)) end
  end
  return debug.traceback(msg, 2)
end

local function escape(s) return (s:gsub("%p", "%%%0")) end

-- The message and the line of the user's code; the whole traceback with
-- .traceback on.
local function report(tb, chunk, name)
  if R.settings.traceback then
    -- the frames below the user's chunk are the REPL's own
    stderr((tb:gsub("\n\t%[C%]: in function 'xpcall'.*$", "")), "\n")
    return
  end
  local msg, trace = tb:match("^(.-)\nstack traceback:\n(.*)$")
  msg = msg or tb
  if msg:match("interrupted$") then
    -- the terminal echoed ^C: start a line of our own
    stderr(praxis._term.isatty(2) and "\ninterrupted\n" or "interrupted\n")
    return
  end
  local cname = name:gsub("^[=@]", "")
  local line = msg:match("^" .. escape(cname) .. ":(%d+):")
  if not line and trace then
    line = trace:match("\t" .. escape(cname) .. ":(%d+):")
    if line then msg = cname .. ":" .. line .. ": " .. msg end
  end
  stderr(msg, "\n")
  if line and chunk:find("\n") then
    local n = 0
    for text in (chunk .. "\n"):gmatch("(.-)\n") do
      n = n + 1
      if n == tonumber(line) then stderr(string.format("%5d | %s\n", n, text)) break end
    end
  end
end

local function target()
  return once or output or io.stdout
end

local function print_results(res)
  if res.n < 2 then return end
  local out = target()
  for i = 2, res.n do
    local text = praxis.format(res[i], R.settings.mode)
    if out == io.stdout then io.write(text, "\n") else out:write(text, "\n") end
  end
  out:flush()
end

--- Runs a chunk as the REPL does: a bare expression prints its value,
--- `=expr` too; errors print the message and the line of the code.
--- Returns true when the chunk ran.
function R.eval(chunk, name)
  name = name or "=stdin"
  local lead = chunk:match("^\n*")
  local body = chunk:sub(#lead + 1)
  if body:sub(1, 1) == "=" then body = body:sub(2) end
  local fn = load(lead .. "return " .. body .. ";", name, "t")
  local err
  if not fn then
    fn, err = load(lead .. body, name, "t")
  end
  if not fn then
    stderr(err, "\n")
    return false
  end
  local t0 = now()
  local res = table.pack(xpcall(fn, handler))
  local elapsed = now() - t0
  if res[1] then print_results(res) end
  if once then once:close(); once = nil end
  if not res[1] then report(res[2], chunk, name) end
  if R.settings.timer then stderr(string.format("time: %.3f s\n", elapsed)) end
  return res[1]
end

-- ---------------------------------------------------------------- files

local function complete_chunk(chunk)
  local fn, err = load(chunk, "=x", "t")
  if fn then return true end
  return not (err and err:match("<eof>$"))
end

--- Runs a file line by line as if typed at the prompt (dot-commands
--- included); files may .read others, 16 deep at most.
--- @usage praxis.repl.read("tests/repl/session.praxis")
function R.read(path)
  if read_depth >= MAX_READ_DEPTH then
    error(string.format(".read: files nested more than %d deep (does %s read itself?)",
      MAX_READ_DEPTH, path), 2)
  end
  local f, err = io.open(path, "r")
  if not f then error(".read: " .. err, 2) end
  local text = f:read("a")
  f:close()
  read_depth = read_depth + 1
  local ok, e = pcall(function()
    local chunk, first, n = nil, 1, 0
    for line in (text:gsub("\r\n", "\n") .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("(.-)\n") do
      n = n + 1
      if not chunk and line:match("^%s*%.%a") then
        if R.dot(line) then break end
      elseif chunk or line:match("%S") then
        if not chunk then chunk, first = line, n else chunk = chunk .. "\n" .. line end
        local code = chunk:sub(1, 1) == "=" and "return " .. chunk:sub(2) or chunk
        if complete_chunk(code) then
          R.eval(string.rep("\n", first - 1) .. chunk, "@" .. path)
          chunk = nil
        end
      end
    end
    if chunk then R.eval(string.rep("\n", first - 1) .. chunk, "@" .. path) end
  end)
  read_depth = read_depth - 1
  if not ok then error(e, 0) end
end

--- How results print: "table" (aligned, the default), "csv", "tsv",
--- "json" or "markdown". Without an argument, the current mode.
--- @usage praxis.repl.mode("table")
function R.mode(m)
  if m == nil then return R.settings.mode end
  local ok = { table = true, csv = true, tsv = true, json = true, markdown = true, md = true }
  if not ok[m] then
    error("mode: one of table, csv, tsv, json, markdown (not " .. tostring(m) .. ")", 2)
  end
  R.settings.mode = m == "md" and "markdown" or m
  return R.settings.mode
end

--- Sends results to a file from now on; without a path, back to stdout.
function R.output(path)
  if output then output:close(); output = nil end
  if path == nil or path == "" or path == "stdout" then return end
  local f, err = io.open(path, "w")
  if not f then error("output: " .. err, 2) end
  output = f
end

--- Sends the results of the next chunk only to a file.
function R.once(path)
  if type(path) ~= "string" or path == "" then error("once: which file?", 2) end
  local f, err = io.open(path, "w")
  if not f then error("once: " .. err, 2) end
  if once then once:close() end
  once = f
end

local function onoff(v, what)
  if v == nil then return nil end
  if v == true or v == "on" or v == "1" or v == "yes" then return true end
  if v == false or v == "off" or v == "0" or v == "no" then return false end
  error(what .. ": on or off, not " .. tostring(v), 3)
end

--- Prints how long each chunk took ("on"/"off", or true/false).
function R.timer(v)
  local b = onoff(v, "timer")
  if b ~= nil then R.settings.timer = b end
  return R.settings.timer
end

--- Errors show the whole traceback ("on") or the message and the line of
--- your code ("off", the default).
function R.traceback(v)
  local b = onoff(v, "traceback")
  if b ~= nil then R.settings.traceback = b end
  return R.settings.traceback
end

--- Opens a corpus and makes it the global `corpus` (replacing the one
--- loaded); returns it.
--- @usage praxis.repl.open("corpora/alinsu")
function R.open(...)
  local paths = { ... }
  if #paths == 0 then error("open: which corpus? (a TEI file or a folder)", 2) end
  local c = praxis.open(#paths == 1 and paths[1] or paths)
  _G.corpus = c
  return c
end

-- ---------------------------------------------------------------- dot

local function words(s)
  local out = {}
  local i = 1
  while i <= #s do
    local c = s:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c == '"' or c == "'" then
      local j = s:find(c, i + 1, true) or #s + 1
      out[#out + 1] = s:sub(i + 1, j - 1)
      i = j + 1
    else
      local j = s:find("%s", i) or #s + 1
      out[#out + 1] = s:sub(i, j - 1)
      i = j
    end
  end
  return out
end

local function value(v)
  if v == "true" then return true elseif v == "false" then return false end
  return math.tointeger(tonumber(v)) or tonumber(v) or v
end

R.commands = {
  { "help", "[pattern]", "the tour, or the documentation matching a pattern",
    function(a) praxis.help.search(a[1]) end },
  { "open", "CORPUS...", "load a corpus as `corpus` (files or folders)",
    function(a) io.write(tostring(R.open(table.unpack(a))), "\n") end },
  { "read", "FILE", "run a file of Lua and dot-commands as if typed",
    function(a)
      if not a[1] then error(".read: which file?", 0) end
      R.read(a[1])
    end },
  { "mode", "table|csv|tsv|json|markdown", "how results print",
    function(a)
      if a[1] then R.mode(a[1]) else io.write("mode ", R.mode(), "\n") end
    end },
  { "output", "[FILE]", "send results to FILE; without one, back to the screen",
    function(a) R.output(a[1]) end },
  { "once", "FILE", "send the next result to FILE",
    function(a) R.once(a[1]) end },
  { "timer", "on|off", "show how long each chunk takes",
    function(a) io.write("timer ", R.timer(a[1]) and "on" or "off", "\n") end },
  { "traceback", "on|off", "show the whole traceback of errors",
    function(a) io.write("traceback ", R.traceback(a[1]) and "on" or "off", "\n") end },
  { "scripts", "[pattern]", "list the shared analysis scripts",
    function(a)
      local r = praxis.scripts(a[1])
      if r ~= nil then io.write(praxis.format(r, R.settings.mode), "\n") end
    end },
  { "run", "NAME k=v...", "run a shared script with parameters",
    function(a)
      if not a[1] then error(".run: which script? (.scripts lists them)", 0) end
      local params = {}
      for i = 2, #a do
        local k, v = a[i]:match("^([%w_%.%-]+)=(.*)$")
        if not k then error(".run: parameters are k=v, not " .. a[i], 0) end
        params[k] = value(v)
      end
      local res = table.pack(praxis.run(a[1], params))
      for i = 1, res.n do
        if res[i] ~= nil then target():write(praxis.format(res[i], R.settings.mode), "\n") end
      end
    end },
  { "quit", "", "leave Praxis (Ctrl-D too)", function() return true end },
}
local by_name = {}
for _, c in ipairs(R.commands) do by_name[c[1]] = c end
by_name.exit = by_name.quit

-- The command a name or a unique prefix of one stands for (.tr for
-- .traceback); nil when none or several.
local function command_named(name)
  if by_name[name] then return by_name[name] end
  local found
  for _, c in ipairs(R.commands) do
    if c[1]:sub(1, #name) == name then
      if found then return nil end
      found = c
    end
  end
  return found
end

--- Runs a dot-command line (".mode csv"); returns true for .quit.
--- @usage praxis.repl.dot(".timer off")
function R.dot(line)
  local name, rest = line:match("^%s*%.(%a+)%s*(.-)%s*$")
  local cmd = name and command_named(name)
  if not cmd then
    stderr(string.format("unknown command %s; .help lists them\n", line:match("^%s*(%S*)")))
    return false
  end
  local ok, quit = xpcall(cmd[4], handler, words(rest))
  if not ok then
    local msg = quit:match("^(.-)\nstack traceback:") or quit
    stderr((msg:gsub("^%[praxis [%w_]+%]:%d+: ", "")), "\n")
    return false
  end
  return quit == true
end

-- ---------------------------------------------------------------- completion

local keywords = { "and", "break", "do", "else", "elseif", "end", "false", "for",
  "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
  "then", "true", "until", "while" }

-- Is the end of s inside a string literal?
local function in_string(s)
  local q, i = nil, 1
  while i <= #s do
    local c = s:sub(i, i)
    if q then
      if c == "\\" then i = i + 1 elseif c == q then q = nil end
    elseif c == '"' or c == "'" then q = c
    elseif c == "-" and s:sub(i, i + 1) == "--" then return false
    end
    i = i + 1
  end
  return q ~= nil
end

-- The expression the cursor ends: names, dots, colons and [index] parts.
local function trailing_expr(s)
  local i = #s
  while i >= 1 do
    local c = s:sub(i, i)
    if c:match("[%w_%.:]") then
      i = i - 1
    elseif c == "]" then
      local depth, j = 0, i
      while j >= 1 do
        local d = s:sub(j, j)
        if d == "]" then depth = depth + 1 elseif d == "[" then depth = depth - 1 end
        if depth == 0 then break end
        j = j - 1
      end
      if j < 1 then break end
      i = j - 1
    else
      break
    end
  end
  return s:sub(i + 1), i + 1
end

-- Evaluates a chain like corpus.participants["priya"] without calling
-- anything but indexing.
local function resolve(chain)
  local v
  local pos = 1
  local name = chain:match("^[%a_][%w_]*", pos)
  if not name then return nil end
  v = _G[name]
  pos = pos + #name
  while pos <= #chain do
    if v == nil then return nil end
    local key
    local dot = chain:match("^%.([%a_][%w_]*)", pos)
    if dot then
      key, pos = dot, pos + 1 + #dot
    else
      local inner = chain:match("^(%b[])", pos)
      if not inner then return nil end
      pos = pos + #inner
      local k = inner:sub(2, -2)
      key = tonumber(k) or k:match('^%s*"(.*)"%s*$') or k:match("^%s*'(.*)'%s*$")
      if key == nil then return nil end
    end
    local ok, r = pcall(function() return v[key] end)
    if not ok then return nil end
    v = r
  end
  return v
end

local function identifier(k) return type(k) == "string" and k:match("^[%a_][%w_]*$") end

-- The conditions where{} handles itself for the items of a class; any
-- other key compares the property of that name (lua/bind/l_selection.c).
local WHERE_KEYS = {
  ["praxis.Utterance"] = { "speaker", "document", "segment", "after", "before", "text", "pattern" },
  ["praxis.Participant"] = { "speaking" },
  ["praxis.Document"] = { "after", "before" },
  ["praxis.Segment"] = { "document" },
}

-- The names that complete on a value of a documented class: after "."
-- its fields (properties), after ":" its methods, after "where" the keys
-- of where{...} for items of that class. The one place completion takes
-- names from: a binding's own field table where the class has one
-- (praxis._fields, the table that drives __index), else lua/meta through
-- praxis.help; a test holds the two to the same names.
local function names_of(class, after)
  local help = praxis.help
  if after == ":" then return help.members(class, "methods") end
  local out, seen = {}, {}
  local function add(k) if not seen[k] then seen[k] = true; out[#out + 1] = k end end
  if after == "where" then
    for _, k in ipairs(WHERE_KEYS[class] or {}) do add(k) end
  end
  local fields = praxis._fields and praxis._fields(class)
  for _, k in ipairs(fields or help.members(class, "fields")) do add(k) end
  return out
end

-- A class of values (praxis.Selection), not a module (praxis.table).
local function is_instance_class(cname)
  return cname ~= nil and cname:match("%.%u[%w_]*$") ~= nil
end

-- The names after "." or ":" on a value. On a value of a praxis type,
-- "." offers its fields (and a table's own keys: the groups of s:by),
-- ":" its methods; on a module or any other table, "." offers every key
-- and ":" its functions.
function R.members(v, sep)
  local out, seen = {}, {}
  local function add(k)
    if identifier(k) and not k:match("^_") and not seen[k] then
      seen[k] = true
      out[#out + 1] = k
    end
  end
  local help = praxis.help
  local cname = help and help.class_of(v)
  if is_instance_class(cname) then
    for _, k in ipairs(names_of(cname, sep)) do add(k) end
    if type(v) == "table" and sep == "." then
      for k, x in pairs(v) do if type(x) ~= "function" then add(k) end end
    end
  elseif type(v) == "table" then
    if cname then
      for _, k in ipairs(help.members(cname, sep == ":" and "methods" or "all")) do add(k) end
    end
    for k, x in pairs(v) do
      if sep ~= ":" or type(x) == "function" then add(k) end
    end
    local mt = getmetatable(v)
    if type(mt) == "table" and type(mt.__index) == "table" then
      for k, x in pairs(mt.__index) do
        if sep ~= ":" or type(x) == "function" then add(k) end
      end
    end
  elseif type(v) == "string" and sep == ":" then
    for k in pairs(string) do add(k) end
  end
  table.sort(out)
  return out
end

-- The class of the items of a selection.
local ITEM_CLASS = { utterances = "praxis.Utterance", participants = "praxis.Participant",
  documents = "praxis.Document", segments = "praxis.Segment" }

-- Inside EXPR:where{..., key<cursor>: the selection and the key typed so
-- far; nil elsewhere.
local function where_key(before)
  -- the last "{" not closed yet
  local depth, open = 0, nil
  for i = #before, 1, -1 do
    local c = before:sub(i, i)
    if c == "}" then depth = depth + 1
    elseif c == "{" then
      if depth == 0 then open = i break end
      depth = depth - 1
    end
  end
  if not open then return nil end
  local head = before:sub(1, open - 1)
  local expr = head:match("([%w_%.%[%]\"']+):where%s*%(?%s*$")
  if not expr then return nil end
  -- a key comes first or after a comma (after "=" is a value)
  local inside = before:sub(open + 1)
  local partial = inside:match("^%s*([%w_]*)$") or inside:match(",%s*([%w_]*)$")
  if not partial or partial:match("^%d") then return nil end
  return expr, partial
end

local DOT_ARGS = {
  open = "files", read = "files", output = "files", once = "files",
  mode = { "table", "csv", "tsv", "json", "markdown" },
  timer = { "on", "off" }, traceback = { "on", "off" },
}

-- What a dot-command's argument completes to: "files", a list, or nil.
local function dot_argument(before)
  local name = before:match("^%s*%.(%a+)%s")
  if not name then return nil end
  local cmd = command_named(name)
  return cmd and DOT_ARGS[cmd[1]] or {}
end

--- Is the cursor (the end of `before`) in a file path: inside a string,
--- or in the argument of .open, .read, .output or .once? Then the whole
--- path is the word readline completes, "/" and "." included.
function R.path_at(before)
  return in_string(before) or dot_argument(before) == "files"
end

--- Tab completion: the candidates for the word that ends at `stop` in
--- `line`. Returns a list of replacements for readline's word `text`
--- (which starts at `start`, 0-based) and whether to add a space; or
--- "files" for a path (readline completes it).
function R.complete(line, start, stop, text)
  local before = line:sub(1, stop)
  if R.path_at(before) then return "files" end
  local out = {}
  if before:match("^%s*%.[%a]*$") then
    local partial = before:match("%.(%a*)$")
    for _, c in ipairs(R.commands) do
      if c[1]:sub(1, #partial) == partial then out[#out + 1] = "." .. c[1] end
    end
    return out, true
  end
  local args = dot_argument(before)
  if args then
    for _, a in ipairs(args) do
      if a:sub(1, #text) == text then out[#out + 1] = a end
    end
    return out, true
  end
  local full, at = {}, nil
  local sel, key = where_key(before)
  if sel then
    local v = resolve(sel)
    local ok, kind = pcall(function() return v:kind() end)
    local class = ok and ITEM_CLASS[kind]
    if not class then return out end
    for _, k in ipairs(names_of(class, "where")) do
      if k:sub(1, #key) == key then full[#full + 1] = k end
    end
    at = #before - #key + 1
  else
    local expr
    expr, at = trailing_expr(before)
    local prefix, sep, partial = expr:match("^(.*)([%.:])([%w_]*)$")
    if prefix and prefix ~= "" then
      local v = resolve(prefix)
      if v == nil then return out end
      for _, k in ipairs(R.members(v, sep)) do
        if k:sub(1, #partial) == partial then full[#full + 1] = prefix .. sep .. k end
      end
    else
      partial = expr
      if not partial:match("^[%a_]") then return out end
      local names = {}
      for k in pairs(_G) do if identifier(k) then names[#names + 1] = k end end
      for _, k in ipairs(keywords) do names[#names + 1] = k end
      table.sort(names)
      for _, k in ipairs(names) do
        if k:sub(1, #partial) == partial then full[#full + 1] = k end
      end
    end
  end
  -- readline replaces text (from start); the expression began at `at`
  local skip = start + 1 - at
  for i, f in ipairs(full) do out[i] = skip > 0 and f:sub(skip + 1) or f end
  return out, false
end

praxis.repl = R
return R
