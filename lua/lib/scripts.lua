-- scripts.lua - shared scripts: finding them, reading their documentation
-- and spec, checking parameters, the sandbox they run in, and the runner
-- that prints or writes their results with a manifest. The limits, the
-- output folder and SHA-256 are C (lua/host/sandbox.c, lua/host/run.c, through the
-- private praxis._run); docs/scripts.md describes the whole.
local praxis = ...
local R = praxis._run

-- the host's own functions, kept before any script runs
local rawgetmt, host_load, host_setmetatable = debug.getmetatable, load, setmetatable
local io_open, io_write, io_stderr = io.open, io.write, io.stderr
local sformat, concat, sort, unpack, pack = string.format, table.concat, table.sort, table.unpack, table.pack

local M = {}

local LOAD_BUDGET = 1.0        -- seconds to read a shared script's spec
local MB = 1024 * 1024

M.categories = { "descriptive", "engagement", "enterprise", "repertoire", "trajectories",
  "network", "export", "report", "safe", "slow" }
local CATEGORY = {}
for _, c in ipairs(M.categories) do CATEGORY[c] = true end

---------------------------------------------------------------------------
-- errors of the runner: {exit = status, msg = text}

local RunError = {}
RunError.__tostring = function(e) return e.msg end

local function fail(code, fmt, ...)
  error(host_setmetatable({ exit = code, msg = sformat(fmt, ...) }, RunError), 0)
end

local VIOLATION = "sandbox violation: "
local HINT = " (docs/scripts.md lists what a sandboxed script may use; --trust lifts the sandbox)"

-- raises a sandbox violation; level as error's, counted from the caller
local function violation(what, level)
  error(VIOLATION .. what, (level or 1) + 1)
end

---------------------------------------------------------------------------
-- where scripts are

local function add_dir(list, seen, d)
  if d and d ~= "" and R.isdir(d) then
    local real = R.realpath(d)
    if real and not seen[real] then
      seen[real] = true
      list[#list + 1] = d
    end
  end
end

--- The folders searched for scripts, in order: PRAXIS_PATH
--- (colon-separated), the user's folder ($XDG_DATA_HOME/praxis/scripts,
--- default ~/.local/share/praxis/scripts), the project's scripts/ (beside
--- the executable, or PRAXIS_HOME), and the installed share folder.
function M.path()
  local dirs, seen = {}, {}
  for d in (os.getenv("PRAXIS_PATH") or ""):gmatch("[^:]+") do add_dir(dirs, seen, d) end
  local data = os.getenv("XDG_DATA_HOME")
  if not data or data == "" then
    local home = os.getenv("HOME")
    data = home and home .. "/.local/share"
  end
  if data then add_dir(dirs, seen, data .. "/praxis/scripts") end
  local home = R.home()
  if home then add_dir(dirs, seen, home .. "/scripts") end
  add_dir(dirs, seen, R.share_dir .. "/scripts")
  return dirs
end

-- every script file: {name =, path =}, the first of a name winning
local function all_files()
  local out, seen = {}, {}
  local function add(name, path)
    if not seen[name] then
      seen[name] = true
      out[#out + 1] = { name = name, path = path }
    end
  end
  for _, dir in ipairs(M.path()) do
    for _, e in ipairs(R.listdir(dir) or {}) do
      if not e.dir and e.name:match("%.lua$") then
        add(e.name:sub(1, -5), dir .. "/" .. e.name)
      elseif e.dir and e.name ~= "lib" then
        for _, f in ipairs(R.listdir(dir .. "/" .. e.name) or {}) do
          if not f.dir and f.name:match("%.lua$") then
            add(f.name:sub(1, -5), dir .. "/" .. e.name .. "/" .. f.name)
          end
        end
      end
    end
  end
  sort(out, function(a, b) return a.name < b.name end)
  return out
end

local function is_file(path)
  local f = io_open(path, "rb")
  if f then f:close() return not R.isdir(path) end
  return false
end

-- NAME (or CATEGORY/NAME) in the search path -> path, or nil
local function find_named(name)
  if name:find("/", 1, true) then
    for _, dir in ipairs(M.path()) do
      local p = dir .. "/" .. name .. ".lua"
      if is_file(p) then return p end
    end
    return nil
  end
  for _, f in ipairs(all_files()) do
    if f.name == name then return f.path end
  end
  return nil
end

-- what `praxis run TARGET` names: {path =, named = bool}; fails 1 or 2
local function resolve(target)
  if target:match("%.lua$") or target:sub(1, 1) == "/" or target:sub(1, 2) == "./" then
    if R.isdir(target) then fail(1, "cannot open %s: it is a folder", target) end
    local f, err = io_open(target, "rb")
    if not f then fail(1, "cannot open %s", err) end
    f:close()
    return { path = target, named = false }
  end
  local p = find_named(target)
  if p then return { path = p, named = true } end
  if is_file(target) then return { path = target, named = false } end
  fail(2, "no script named '%s' (`praxis scripts` lists them; a file's name ends in .lua)", target)
end

local looks_like_spec

local function read_file(path)
  local f, err = io_open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

local function basename(path) return (path:match("([^/]+)$") or path):gsub("%.lua$", "") end
local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end

---------------------------------------------------------------------------
-- the documentation comment

--- Reads the leading `---` comment of a script: summary, description,
--- usage (list), output, see.
function M.parse_doc(src)
  local doc = { description = {}, usage = {}, output = {}, see = {} }
  local lines = {}
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    if #lines == 0 and (line:match("^#!") or line:match("^%s*$")) then
      -- a shebang or blank lines before the block
    elseif line:match("^%-%-%-") then
      lines[#lines + 1] = line:gsub("^%-%-%- ?", "")
    else
      break
    end
  end
  local section = "description"
  for _, line in ipairs(lines) do
    local tag, rest = line:match("^@(%a+)%s*(.*)$")
    if tag and doc[tag] then
      section = tag
      if rest ~= "" then doc[tag][#doc[tag] + 1] = rest end
    elseif not doc.summary and section == "description" then
      if not line:match("^%s*$") then doc.summary = line end
    else
      doc[section][#doc[section] + 1] = line
    end
  end
  for _, k in ipairs({ "description", "usage", "output", "see" }) do
    local t = doc[k]
    while #t > 0 and t[#t]:match("^%s*$") do t[#t] = nil end
    while #t > 0 and t[1]:match("^%s*$") do table.remove(t, 1) end
    if k == "usage" then
      local keep = {}
      for _, l in ipairs(t) do if not l:match("^%s*$") then keep[#keep + 1] = l end end
      doc[k] = keep
    end
  end
  return doc
end

---------------------------------------------------------------------------
-- parameter types

local SCALAR = { string = true, integer = true, number = true, boolean = true, path = true,
  participant = true, attribute = true }

-- a param's type as {kind =, of =}, or nil and why
local function param_type(p)
  local t = p.type
  if t == "list" then
    if not SCALAR[p.of] then return nil, "a list needs `of` = one of string, integer, number, boolean, path, participant, attribute" end
    return { kind = "list", of = p.of }
  end
  if type(t) == "table" and t.type == "list" then
    if not SCALAR[t.of] then return nil, "a list needs `of` = one of string, integer, number, boolean, path, participant, attribute" end
    return { kind = "list", of = t.of }
  end
  if SCALAR[t] then return { kind = t } end
  return nil, sformat("unknown type %s (string, integer, number, boolean, path, participant, attribute, or {type = \"list\", of = ...})",
    type(t) == "string" and "'" .. t .. "'" or tostring(t))
end

local function type_name(pt)
  if pt.kind == "list" then return "list of " .. pt.of end
  return pt.kind
end

local ARTICLE = { integer = "an integer", ["list of integer"] = "a list of integers" }
local function a_type(pt)
  local n = type_name(pt)
  return ARTICLE[n] or ((n:match("^[aeiou]") and "an " or "a ") .. n)
end

local BOOL = { ["true"] = true, yes = true, on = true, ["1"] = true,
  ["false"] = false, no = false, off = false, ["0"] = false }

-- one scalar value -> converted value, or nil (participants stay ids
-- until the corpus is open)
local function convert_scalar(kind, v)
  local tv = type(v)
  if kind == "string" then
    if tv == "string" then return v end
    if tv == "number" then return tostring(v) end
  elseif kind == "integer" then
    if tv == "string" then v = tonumber(v) end
    if type(v) == "number" then return math.tointeger(v) end
  elseif kind == "number" then
    if tv == "string" then return tonumber(v) end
    if tv == "number" then return v end
  elseif kind == "boolean" then
    if tv == "boolean" then return v end
    if tv == "string" then return BOOL[v:lower()] end
  elseif kind == "path" then
    if tv == "string" and v ~= "" then return v end
  elseif kind == "attribute" then
    if tv == "string" and v ~= "" then return v end
  elseif kind == "participant" then
    if tv == "string" and v ~= "" then return v end
    if tv == "userdata" then
      local mt = rawgetmt(v)
      if mt and mt.__name == "praxis.Participant" then return v end
    end
  end
  return nil
end

local function convert(pt, v)
  if pt.kind ~= "list" then return convert_scalar(pt.kind, v) end
  local items = {}
  if type(v) == "string" then
    if v:match("^%s*$") then return {} end
    for item in (v .. ","):gmatch("([^,]*),") do items[#items + 1] = item:match("^%s*(.-)%s*$") end
  elseif type(v) == "table" and rawgetmt(v) == nil then
    for i = 1, #v do items[i] = v[i] end
  else
    local one = convert_scalar(pt.of, v)
    if one == nil then return nil end
    return { one }
  end
  for i, item in ipairs(items) do
    local c = convert_scalar(pt.of, item)
    if c == nil then return nil end
    items[i] = c
  end
  return items
end

---------------------------------------------------------------------------
-- choices: the values a parameter allows, each a value or an inclusive
-- range {min, max} (math.huge for no upper end)

local function is_range(c) return type(c) == "table" and #c == 2 end

local function num_text(x)
  if math.type(x) == "float" and x == math.floor(x) and x > -2^53 and x < 2^53 then
    return sformat("%d", x)
  end
  return tostring(x)
end

-- "a, b or 2 to 1000000"
local function choices_text(choices)
  local parts = {}
  for i, c in ipairs(choices) do
    if is_range(c) then
      parts[i] = c[2] == math.huge and num_text(c[1]) .. " or more" or num_text(c[1]) .. " to " .. num_text(c[2])
    else
      parts[i] = tostring(c)
    end
  end
  if #parts <= 1 then return parts[1] or "" end
  return concat(parts, ", ", 1, #parts - 1) .. " or " .. parts[#parts]
end

local function allowed(choices, v)
  for _, c in ipairs(choices) do
    if is_range(c) then
      if type(v) == "number" and v >= c[1] and v <= c[2] then return true end
    elseif c == v then
      return true
    end
  end
  return false
end

-- checks a spec's choices for a parameter of type pt; nil or why not
local function check_choices(choices, pt)
  if type(choices) ~= "table" or #choices == 0 then
    return "`choices` is a list of values, or {min, max} ranges"
  end
  local kind = pt.kind == "list" and pt.of or pt.kind
  for _, c in ipairs(choices) do
    if is_range(c) then
      if (kind ~= "integer" and kind ~= "number") or type(c[1]) ~= "number" or type(c[2]) ~= "number" or c[1] > c[2] then
        return "a range in `choices` is {min, max}, numbers, for an integer or number parameter"
      end
    elseif convert_scalar(kind, c) ~= c then
      return sformat("the choice %s is not %s", tostring(c), kind)
    end
  end
  return nil
end

---------------------------------------------------------------------------
-- the spec

local function spec_error(path, fmt, ...)
  fail(1, "script %s: %s", path, sformat(fmt, ...))
end

-- Checks a returned spec (NSE's rules); returns it with `types` added.
local function check_spec(spec, path, named)
  if type(spec) ~= "table" then
    spec_error(path, "it returns %s, not a spec table {name =, summary =, categories =, params =, run =}",
      spec == nil and "nothing" or "a " .. type(spec))
  end
  for _, k in ipairs({ "name", "summary" }) do
    if type(rawget(spec, k)) ~= "string" or rawget(spec, k) == "" then
      spec_error(path, "the spec needs `%s`, a string", k)
    end
  end
  if named and spec.name ~= basename(path) then
    spec_error(path, "the spec's name '%s' is not the file's name '%s'", spec.name, basename(path))
  end
  if type(rawget(spec, "run")) ~= "function" then spec_error(path, "the spec needs `run`, a function(corpus, params)") end
  local cats = rawget(spec, "categories")
  if type(cats) ~= "table" or #cats == 0 then
    spec_error(path, "the spec needs `categories`, a list from: %s", concat(M.categories, ", "))
  end
  for _, c in ipairs(cats) do
    if not CATEGORY[c] then
      spec_error(path, "'%s' is not a category (%s; scripts/README.md)", tostring(c), concat(M.categories, ", "))
    end
  end
  local params = rawget(spec, "params") or {}
  if type(params) ~= "table" then spec_error(path, "`params` must be a table of name = {type =, ...}") end
  local types, names = {}, {}
  for name, p in pairs(params) do
    if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
      spec_error(path, "parameter %s: a name is a word of letters, digits and _", tostring(name))
    end
    if type(p) ~= "table" then spec_error(path, "parameter '%s' must be a table {type =, default =, doc =}", name) end
    local pt, why = param_type(p)
    if not pt then spec_error(path, "parameter '%s': %s", name, why) end
    if type(p.doc) ~= "string" then spec_error(path, "parameter '%s' needs `doc`, one line saying what it does", name) end
    if p.default == nil and p.optional ~= true then
      spec_error(path, "parameter '%s' needs a default or optional = true", name)
    end
    if p.default ~= nil and pt.of ~= "participant" and pt.kind ~= "participant" and convert(pt, p.default) == nil then
      spec_error(path, "parameter '%s': the default %s is not %s", name, tostring(p.default), a_type(pt))
    end
    if p.choices ~= nil then
      local cwhy = check_choices(p.choices, pt)
      if cwhy then spec_error(path, "parameter '%s': %s", name, cwhy) end
      if p.default ~= nil then
        for _, v in ipairs(pt.kind == "list" and convert(pt, p.default) or { convert(pt, p.default) }) do
          if not allowed(p.choices, v) then
            spec_error(path, "parameter '%s': the default %s is not one of its choices (%s)", name,
              tostring(v), choices_text(p.choices))
          end
        end
      end
    end
    types[name] = pt
    names[#names + 1] = name
  end
  sort(names)
  spec.params = params
  local limits = rawget(spec, "limits")
  if limits ~= nil then
    if type(limits) ~= "table" then spec_error(path, "`limits` is a table {timeout = seconds, max_memory = MB}") end
    for k, v in pairs(limits) do
      if (k ~= "timeout" and k ~= "max_memory") or type(v) ~= "number" or not (v > 0) then
        spec_error(path, "`limits` holds timeout (seconds) and max_memory (MB), numbers above 0; not %s = %s",
          tostring(k), tostring(v))
      end
    end
  end
  return spec, types, names
end

---------------------------------------------------------------------------
-- the sandbox

local decoys = host_setmetatable({}, { __mode = "k" })

local function what_of(v, mt)
  if type(v) == "string" then return "strings" end
  local name = rawget(mt, "__name")
  if type(name) == "string" then return name end
  return type(v) .. "s"
end

-- metatables that belong to the host: every one of a non-table value
-- (strings, userdata: only C sets those) and Praxis's own
local function is_host_mt(v, mt)
  if type(v) ~= "table" then return true end
  local name = rawget(mt, "__name")
  return type(name) == "string" and name:sub(1, 7) == "praxis."
end

-- what getmetatable returns in a sandbox for a host metatable: a table
-- with its __name (so printing and type checks work) that refuses every
-- other read and every write
local function decoy_for(mt, what)
  local d = decoys[mt]
  if not d then
    local name = rawget(mt, "__name")
    d = host_setmetatable({ __name = type(name) == "string" and name or nil }, {
      __index = function(_, k)
        violation(sformat("the metatable of %s is protected (reading '%s')", what, tostring(k)), 2)
      end,
      __newindex = function(_, k)
        violation(sformat("the metatable of %s is protected (changing '%s')", what, tostring(k)), 2)
      end,
      __metatable = false,
    })
    decoys[mt] = d
  end
  return d
end

local function sb_getmetatable(v)
  local mt = rawgetmt(v)
  if mt == nil then return nil end
  local p = rawget(mt, "__metatable")
  if p ~= nil then return p end
  if is_host_mt(v, mt) then return decoy_for(mt, what_of(v, mt)) end
  return mt
end

local function sb_setmetatable(t, mt)
  if type(t) ~= "table" then
    error(sformat("bad argument #1 to 'setmetatable' (table expected, got %s)", type(t)), 2)
  end
  local cur = rawgetmt(t)
  if cur ~= nil and rawget(cur, "__metatable") == nil and is_host_mt(t, cur) then
    violation("cannot change the metatable of a " .. what_of(t, cur), 2)
  end
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    violation("__gc metamethods are not allowed (they would run outside the script's limits)", 2)
  end
  return host_setmetatable(t, mt)
end

local function sb_collectgarbage(opt)
  if opt == "count" then return collectgarbage("count") end
  violation(sformat('collectgarbage("%s") is not allowed (only "count")', tostring(opt or "collect")), 2)
end

-- a copy of a library; names of the original that are left out raise a
-- violation when read
local function lib_copy(src, libname, only, without)
  local t = {}
  for k, v in pairs(src) do
    if (only == nil or only[k]) and not (without and without[k]) then t[k] = v end
  end
  return host_setmetatable(t, {
    __index = function(_, k)
      if src[k] ~= nil then
        violation(sformat("%s.%s is not available in a sandboxed script%s", libname, tostring(k), HINT), 2)
      end
      return nil
    end,
    __metatable = false,
  })
end

-- globals of the host that a sandboxed script does not get, with why
local ABSENT = {
  io = "io",   -- (io.write is there; the rest is named by lib_copy)
  debug = "debug is not available in a sandboxed script",
  package = "package is not available in a sandboxed script (require finds Praxis's library and scripts/lib)",
  dofile = "dofile is not available in a sandboxed script (scripts read only the corpora given and the files named by path parameters)",
  loadfile = "loadfile is not available in a sandboxed script (scripts read only the corpora given and the files named by path parameters)",
}

local BASE = { "assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "select",
  "tonumber", "tostring", "type", "print", "rawequal", "rawlen", "rawget", "_VERSION" }

local STD_MODULES = { string = true, table = true, math = true, utf8 = true, coroutine = true }
local FORBIDDEN_MODULES = { io = true, os = true, debug = true, package = true }

local function under(real, root)
  return real == root or real:sub(1, #root + 1) == root .. "/"
end

-- may a script of this run read path?
local function check_read(ctx, paths, fname)
  local list = type(paths) == "table" and paths or { paths }
  for _, p in ipairs(list) do
    if type(p) == "string" then
      local real, ok = R.realpath(p), false
      if real then
        for _, root in ipairs(ctx.read_roots) do
          if under(real, root) then ok = true break end
        end
      end
      if not ok then
        violation(sformat("%s(\"%s\"): a sandboxed script reads only the corpora given and the files named by path parameters", fname, p), 3)
      end
    end
  end
end

local function praxis_copy(ctx)
  local P = {}
  local DENY = { output_open = true, run = true, scripts = true, Table = true }
  for k, v in pairs(praxis) do
    if type(k) == "string" and k:sub(1, 1) ~= "_" and not DENY[k] then
      if type(v) == "table" then
        local c = {}
        for k2, v2 in pairs(v) do c[k2] = v2 end
        local mt = rawgetmt(v)
        if mt then
          local m2 = {}
          for k2, v2 in pairs(mt) do m2[k2] = v2 end
          host_setmetatable(c, m2)
        end
        v = c
      end
      P[k] = v
    end
  end
  P.open = function(paths, opts)
    check_read(ctx, paths, "praxis.open")
    return praxis.open(paths, opts)
  end
  if praxis.read_table then
    P.read_table = function(path, ...)
      check_read(ctx, path, "praxis.read_table")
      return praxis.read_table(path, ...)
    end
  end
  P.output = function(name, mode)
    local f = ctx.output(name, mode)   -- not a tail call: errors name the script's line
    return f
  end
  return P
end

local function make_require(ctx, allowed, E)
  local loaded = {}
  return function(name)
    if type(name) ~= "string" then
      error(sformat("bad argument #1 to 'require' (string expected, got %s)", type(name)), 2)
    end
    if loaded[name] ~= nil then return loaded[name] end
    if name == "praxis" then return allowed.praxis end
    if STD_MODULES[name] then return allowed[name] end
    local sub = name:match("^praxis%.([%w_]+)$")
    if sub and type(allowed.praxis[sub]) == "table" then return allowed.praxis[sub] end
    if FORBIDDEN_MODULES[name] or not name:match("^[%w_][%w_%-%.]*$") then
      violation(sformat("require '%s' is not allowed: a sandboxed script requires only Praxis's library and scripts/lib", name), 2)
    end
    local rel = name:gsub("%.", "/"):gsub("^lib/", "")
    local tried = {}
    for _, dir in ipairs(ctx.lib_dirs) do
      local p = dir .. "/lib/" .. rel .. ".lua"
      tried[#tried + 1] = p
      local src = read_file(p)
      if src then
        local chunk, err = host_load(src, "@" .. p, "t", E)
        if not chunk then error(err, 2) end
        local v = chunk(name, p)
        if v == nil then v = true end
        loaded[name] = v
        return v
      end
    end
    error(sformat("module '%s' not found in the scripts' lib folders:\n\t%s", name, concat(tried, "\n\t")), 2)
  end
end

local function coroutine_copy()
  local co = lib_copy(coroutine, "coroutine")
  local create, resume = coroutine.create, coroutine.resume
  rawset(co, "create", function(f)
    local th = create(f)
    R.hook_thread(th)
    return th
  end)
  rawset(co, "wrap", function(f)
    local th = create(f)
    R.hook_thread(th)
    return function(...)
      local r = pack(resume(th, ...))
      if not r[1] then error(r[2], 0) end
      return unpack(r, 2, r.n)
    end
  end)
  return co
end

--- The environment of a sandboxed script: built from an allow list,
--- strict (reading an undefined global or assigning any global is an
--- error), its libraries copies.
local function new_env(ctx)
  local allowed, E = {}, {}
  for _, k in ipairs(BASE) do allowed[k] = _G[k] end
  allowed.getmetatable = sb_getmetatable
  allowed.setmetatable = sb_setmetatable
  allowed.collectgarbage = sb_collectgarbage
  allowed.rawset = function(t, k, v)
    if t == E or t == allowed then violation("rawset on the global environment", 2) end
    return rawset(t, k, v)
  end
  allowed.load = function(chunk, name, mode, env)
    if mode ~= nil and mode ~= "t" then
      violation(sformat("load with mode \"%s\": a sandboxed script loads text chunks only", tostring(mode)), 2)
    end
    local f, err = host_load(chunk, name, "t", env == nil and E or env)
    if not f and type(err) == "string" and err:find("binary chunk", 1, true) then
      violation("load of a binary chunk (bytecode): a sandboxed script loads text chunks only", 2)
    end
    return f, err
  end
  allowed.require = make_require(ctx, allowed, E)
  allowed.string = lib_copy(string, "string", nil, { dump = true })
  allowed.table = lib_copy(table, "table")
  allowed.math = lib_copy(math, "math")
  allowed.utf8 = lib_copy(utf8, "utf8")
  allowed.coroutine = coroutine_copy()
  allowed.os = lib_copy(os, "os", { clock = true, time = true, date = true, difftime = true })
  allowed.io = lib_copy(io, "io", { write = true })
  allowed.praxis = praxis_copy(ctx)
  if ctx.globals then
    for k, v in pairs(ctx.globals) do allowed[k] = v end
  end
  if _G.help ~= nil then allowed.help = _G.help end
  allowed._G = E
  host_setmetatable(allowed, {
    __index = function(_, k)
      local why = ABSENT[k]
      if why and why ~= "io" then violation(why .. HINT, 2) end
      if _G[k] ~= nil then
        violation(sformat("'%s' is not available in a sandboxed script%s", tostring(k), HINT), 2)
      end
      error(sformat("undefined variable '%s'", tostring(k)), 2)
    end,
    __metatable = false,
  })
  host_setmetatable(E, {
    __index = allowed,
    __newindex = function(_, k)
      error(sformat("assignment to global '%s': a sandboxed script cannot create or change globals (declare it local)",
        tostring(k)), 2)
    end,
    __metatable = "the environment of a sandboxed script",
  })
  return E
end

-- The host side of a sandboxed call: strings' metatable protected, its
-- __index without string.dump, and praxis.output_open confined (table
-- writers call it instead of io.open). Returns the function that undoes it.
local safe_string
local function enter_sandbox(ctx)
  local smt = rawgetmt("")
  if not safe_string then
    safe_string = lib_copy(string, "string", nil, { dump = true })
  end
  local old_index, old_protect = smt.__index, rawget(smt, "__metatable")
  smt.__index = safe_string
  smt.__metatable = decoy_for(smt, "strings")
  local old_open = praxis.output_open
  praxis.output_open = function(path, mode)
    local f = ctx.output(path, mode)
    return f
  end
  return function()
    smt.__index = old_index
    smt.__metatable = old_protect
    praxis.output_open = old_open
  end
end

---------------------------------------------------------------------------
-- running: one context per run

local current   -- the run in progress (praxis.output outside a sandbox)

function praxis.output(name, mode)
  if current then
    local f = current.output(name, mode)
    return f
  end
  if praxis.output_open then
    if type(name) ~= "string" then error("praxis.output: expected a file name (a string)", 2) end
    local f, err = praxis.output_open(name, mode or "w")
    if not f then error("praxis.output: " .. tostring(err), 2) end
    return f
  end
  error("praxis.output: only a script run by `praxis run` or praxis.run() has an output folder", 2)
end

local function new_context(o)
  local ctx = { read_roots = {}, lib_dirs = {}, globals = o.globals or {}, phase = "run" }
  local stamp = os.date("%Y%m%d-%H%M%S")
  if o.out then ctx.outdir = R.outdir(o.out, false)
  else ctx.outdir = R.outdir(sformat("%s-%s", o.stem, stamp), true) end
  ctx.output = function(name, mode)
    if ctx.phase == "load" then
      violation("praxis.output while the spec is read: a shared script writes only inside run()", 3)
    end
    if type(name) ~= "string" then error("praxis.output: expected a file name (a string)", 3) end
    local ok, f = pcall(ctx.outdir.open, ctx.outdir, name, mode)
    if not ok then error(f, 3) end
    return f
  end
  return ctx
end

local function add_root(ctx, p)
  local real = R.realpath(p)
  if real then ctx.read_roots[#ctx.read_roots + 1] = real end
end

-- The message of a limit that was reached: the limit, what set it, and
-- how to raise it. timeout is the one the call ran under (the load budget
-- when it is not the run's).
local function limit_message(ctx, status, timeout)
  local lim = ctx.limits or {}
  local flags = lim.flags or { timeout = "--timeout", max_memory = "--max-memory" }
  local by, value, flag, unit
  if status == "time" then
    by = timeout == lim.timeout and lim.timeout_by or "load"
    value, flag, unit = timeout, flags.timeout, "SECONDS"
  else
    by, value, flag, unit = lim.memory_by, ctx.max_memory, flags.max_memory, "MB"
  end
  local note
  if by == "default" then
    note = sformat("the default for a script not installed with Praxis: %s %s raises it, %s 0 lifts it",
      flag, unit, flag)
  elseif by == "spec" then
    note = sformat("the script's own limit, limits.%s in its spec", status == "time" and "timeout" or "max_memory")
  elseif by == "load" then
    note = "the time allowed to read a shared script's spec"
  else
    note = sformat("%s %s raises it", flag, unit)
  end
  if status == "time" then
    return sformat("time limit reached: the script ran for more than %s s (%s)", num_text(value), note)
  end
  return sformat("memory limit reached: Praxis used more than %s MB (%s)", num_text(value), note)
end

-- Runs fn(...) under the run's limits, sandboxed or not; returns the
-- values or fails with the right exit status.
local function limited(ctx, what, timeout, fn, ...)
  local leave = ctx.trust and function() end or enter_sandbox(ctx)
  local before = current
  current = ctx
  local r = pack(R.call(fn, timeout or 0, math.floor((ctx.max_memory or 0) * MB), ...))
  current = before
  leave()
  local status = r[1]
  if status == "ok" then return unpack(r, 2, r.n) end
  local msg = tostring(r[2])
  if status == "interrupted" then fail(130, "%s: interrupted", what) end
  if status == "memory" and (ctx.max_memory or 0) <= 0 then fail(1, "%s: %s", what, msg) end
  if status == "time" or status == "memory" then fail(1, "%s: %s", what, limit_message(ctx, status, timeout)) end
  -- the traceback without the runner's own frames
  local lines = {}
  for line in msg:gmatch("[^\n]+") do
    if not (line:find("[praxis ", 1, true) or line:find("[C]: in ?", 1, true)
        or line:find("[C]: in field 'call'", 1, true) or line:find("[C]: in function 'error'", 1, true)
        or line:find("in function 'praxis._run.call'", 1, true)) then
      lines[#lines + 1] = line
    end
  end
  if #lines >= 1 and lines[1]:find(VIOLATION, 1, true) then lines = { lines[1] } end
  if lines[#lines] == "stack traceback:" then lines[#lines] = nil end
  fail(1, "%s", concat(lines, "\n"))
end

-- Loads the file's chunk in the run's environment.
local function load_chunk(ctx, path)
  local src, err = read_file(path)
  if not src then fail(1, "cannot open %s", err) end
  if src:sub(1, 1) == "#" then src = src:gsub("^[^\n]*", "", 1) end
  local env = ctx.trust and _G or new_env(ctx)
  ctx.env = env
  local chunk, lerr = host_load(src, "@" .. path, "t", env)
  if not chunk then fail(1, "%s", lerr) end
  return chunk, src
end

-- a file that returns its spec as a table constructor at the start of a
-- line, with a run function, is read as a shared script (its spec first,
-- with the load budget); any other file runs as a plain script
function looks_like_spec(src)
  return (src:find("^return%s*{") or src:find("\nreturn%s*{")) ~= nil
    and src:find("run%s*=%s*function") ~= nil
end

local function is_spec(v)
  return type(v) == "table" and rawgetmt(v) == nil and type(rawget(v, "run")) == "function"
end

-- given "k=v" strings or a table -> {name = raw value}; unknown names fail 2
local function gather_params(spec, names, types, given)
  local raw = {}
  for _, item in ipairs(given.list or {}) do
    local k, v = item:match("^([^=]+)=(.*)$")
    raw[k] = v
  end
  for k, v in pairs(given.map or {}) do raw[k] = v end
  local out = {}
  for k, v in pairs(raw) do
    local short = k:match("^" .. spec.name:gsub("%p", "%%%0") .. "%.(.+)$") or k
    if not types[short] then
      fail(2, "script '%s' has no parameter '%s' (%s)", spec.name, short,
        #names > 0 and "parameters: " .. concat(names, ", ") or "it takes no parameters")
    end
    local c = convert(types[short], v)
    if c == nil then
      fail(2, "parameter '%s' of script '%s' expects %s, not '%s'", short, spec.name,
        a_type(types[short]), tostring(v))
    end
    local choices = spec.params[short].choices
    if choices then
      for _, item in ipairs(types[short].kind == "list" and c or { c }) do
        if not allowed(choices, item) then
          fail(2, "parameter '%s' of script '%s' allows %s, not '%s'", short, spec.name, choices_text(choices),
            tostring(item))
        end
      end
    end
    out[short] = c
  end
  for _, name in ipairs(names) do
    if out[name] == nil and spec.params[name].default ~= nil then
      out[name] = convert(types[name], spec.params[name].default)
    end
  end
  for _, name in ipairs(names) do
    local pt = types[name]
    if (pt.kind == "path" or pt.of == "path") and out[name] ~= nil then
      for _, p in ipairs(pt.kind == "list" and out[name] or { out[name] }) do
        if not is_file(p) then
          fail(2, "parameter '%s' of script '%s': cannot read the file %s", name, spec.name, p)
        end
      end
    end
  end
  return out
end

-- participant ids -> handles, once the corpus is open
local function resolve_participants(spec, names, types, params, corpus)
  for _, name in ipairs(names) do
    local pt, v = types[name], params[name]
    if v ~= nil and (pt.kind == "participant" or pt.of == "participant") then
      local list = pt.kind == "list" and v or { v }
      for i, id in ipairs(list) do
        if type(id) == "string" then
          local ok, p = pcall(function() return corpus.participants[id] end)
          if not ok or p == nil then
            fail(2, "parameter '%s' of script '%s': no participant '%s' in the corpus", name, spec.name, id)
          end
          list[i] = p
        end
      end
      if pt.kind ~= "list" then params[name] = list[1] end
    end
  end
end

-- the names a participant attribute parameter may take in this corpus:
-- properties (role, sex, name, id, age) that some participant has, and
-- every declared attribute
local PROPERTIES = { "role", "sex", "name", "id", "age" }
local function attribute_names(corpus)
  local have, list = {}, {}
  local ok = pcall(function()
    for p in corpus.participants:each() do
      for _, k in ipairs(PROPERTIES) do
        if not have[k] and p[k] ~= nil then have[k] = true list[#list + 1] = k end
      end
      for k in pairs(p.attributes) do
        if not have[k] then have[k] = true list[#list + 1] = k end
      end
    end
  end)
  sort(list)
  return ok and have or {}, list
end

-- attribute names -> checked against the corpus, before the run
local function check_attributes(spec, names, types, params, corpus)
  local have, list
  for _, name in ipairs(names) do
    local pt, v = types[name], params[name]
    if v ~= nil and (pt.kind == "attribute" or pt.of == "attribute") then
      if not have then have, list = attribute_names(corpus) end
      for _, a in ipairs(pt.kind == "list" and v or { v }) do
        if not have[a] then
          fail(2, "parameter '%s' of script '%s': no participant in the corpus has the attribute '%s' (%s)",
            name, spec.name, a, #list > 0 and "attributes in this corpus: " .. concat(list, ", ") or "its participants have none")
        end
      end
    end
  end
end

---------------------------------------------------------------------------
-- results

local is_table = praxis.table and praxis.table.is

-- the returned value as a list of {name =, t =}, or nil; in the order of
-- the spec's `outputs` list, then by name
local function result_tables(v, order)
  is_table = is_table or praxis.table.is
  if is_table(v) then return { { name = "result", t = v } } end
  if type(v) ~= "table" or rawgetmt(v) ~= nil then return nil end
  local list = {}
  for k, t in next, v do
    if type(k) ~= "string" or not is_table(t) then return nil end
    list[#list + 1] = { name = k, t = t }
  end
  if #list == 0 then return nil end
  local rank = {}
  for i, name in ipairs(type(order) == "table" and order or {}) do rank[name] = i end
  sort(list, function(a, b)
    local ra, rb = rank[a.name] or math.huge, rank[b.name] or math.huge
    if ra ~= rb then return ra < rb end
    return a.name < b.name
  end)
  return list
end

-- text of the tables for a mode
local function render(list, mode)
  local parts = {}
  if mode == "json" then
    if #list == 1 then return list[1].t:encode("json") end
    for i, r in ipairs(list) do
      parts[i] = praxis.table.json_string(r.name) .. ": " .. r.t:encode("json"):gsub("\n$", "")
    end
    return "{\n" .. concat(parts, ",\n") .. "\n}\n"
  end
  for i, r in ipairs(list) do
    local body
    if mode == "table" then body = r.t:format({ max_rows = math.huge, width = math.huge, cell_width = 200 }) .. "\n"
    else body = r.t:encode(mode) end
    if #list > 1 then
      local head = mode == "markdown" and "## " .. r.name .. "\n\n"
        or (mode == "csv" or mode == "tsv") and "# " .. r.name .. "\n" or r.name .. "\n"
      body = head .. body
    end
    parts[i] = body
  end
  return concat(parts, "\n")
end

-- the returned values -> what to print and write (runs under the limits:
-- cells and metamethods may be the script's own code)
local function prepare(values, mode, write, plain, order)
  local first = values[1]
  local list = values.n >= 1 and result_tables(first, order) or nil
  if not list then
    if not plain then
      if first == nil then return { text = "", empty = true } end
      error(sformat("a script returns a praxis table or a table of them, not a %s", type(first)), 0)
    end
    local lines = {}
    for i = 1, values.n do lines[i] = praxis.format(values[i]) end
    return { text = #lines > 0 and concat(lines, "\n") .. "\n" or "" }
  end
  local out = { text = render(list, mode or "table"), files = {}, tables = list, value = first }
  if write then
    for _, r in ipairs(list) do
      out.files[#out.files + 1] = { name = r.name .. ".csv", data = r.t:encode("csv") }
      out.files[#out.files + 1] = { name = r.name .. ".json", data = r.t:encode("json") }
    end
  end
  return out
end

---------------------------------------------------------------------------
-- the manifest

local function jstr(s) return praxis.table.json_string(tostring(s)) end

local function jvalue(v)
  if v == nil then return "null" end
  local t = type(v)
  if t == "boolean" then return tostring(v) end
  if math.type(v) == "integer" then return tostring(v) end
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    return sformat("%.17g", v)
  end
  if t == "table" and rawgetmt(v) == nil then
    local parts = {}
    for i = 1, #v do parts[i] = jvalue(v[i]) end
    return "[" .. concat(parts, ", ") .. "]"
  end
  if t == "userdata" then
    local ok, id = pcall(function() return v.id end)
    if ok and id then return jstr(id) end
  end
  return jstr(tostring(v))
end

local function write_manifest(run)
  local ctx, L = run.ctx, {}
  local function add(s) L[#L + 1] = s end
  add("{")
  add(sformat('  "script": {"name": %s, "file": %s, "sha256": %s},', jstr(run.name), jstr(run.path),
    jstr(run.sha256)))
  add(sformat('  "praxis_version": %s,', jstr(praxis.version)))
  local ps = {}
  for _, name in ipairs(run.param_names or {}) do
    ps[#ps + 1] = sformat("    %s: %s", jstr(name), jvalue(run.params[name]))
  end
  add('  "parameters": {' .. (#ps > 0 and "\n" .. concat(ps, ",\n") .. "\n  " or "") .. "},")
  add(sformat('  "seed": %d,', run.seed))
  add(sformat('  "sandbox": %s,', ctx.trust and "false" or "true"))
  add(sformat('  "limits": {"timeout_seconds": %s, "max_memory_mb": %s%s},',
    jvalue(run.timeout ~= 0 and run.timeout or nil), jvalue(ctx.max_memory ~= 0 and ctx.max_memory or nil),
    ctx.max_memory ~= 0 and ', "memory_backstop": ' .. jstr(R.backstop) or ""))
  local cs = {}
  for _, f in ipairs(run.corpus_files) do
    cs[#cs + 1] = sformat('    {"path": %s, "bytes": %s, "sha256": %s%s}', jstr(f.path), jvalue(f.bytes),
      jvalue((R.sha256_file(f.path))), f.refused and ', "refused": true' or "")
  end
  add('  "corpus": [' .. (#cs > 0 and "\n" .. concat(cs, ",\n") .. "\n  " or "") .. "],")
  local ins = {}
  for _, f in ipairs(run.inputs or {}) do
    ins[#ins + 1] = sformat('    {"parameter": %s, "path": %s, "sha256": %s}', jstr(f.param), jstr(f.path),
      jvalue(f.sha256))
  end
  add('  "inputs": [' .. (#ins > 0 and "\n" .. concat(ins, ",\n") .. "\n  " or "") .. "],")
  local outs = {}
  for _, name in ipairs(ctx.outdir:files()) do
    if name ~= "manifest.json" then
      local hex, bytes = ctx.outdir:sha256(name)
      outs[#outs + 1] = sformat('    {"file": %s, "bytes": %d, "sha256": %s}', jstr(name), bytes, jstr(hex))
    end
  end
  add('  "outputs": [' .. (#outs > 0 and "\n" .. concat(outs, ",\n") .. "\n  " or "") .. "],")
  add(sformat('  "started": %s,', jstr(run.started)))
  add(sformat('  "finished": %s', jstr(os.date("!%Y-%m-%dT%H:%M:%SZ"))))
  add("}")
  local f = ctx.outdir:open("manifest.json", "w")
  f:write(concat(L, "\n"), "\n")
  f:close()
end

local function corpus_files(corpus)
  local files = {}
  local ok, list = pcall(function() return corpus.files end)
  if ok and type(list) == "table" then
    for _, f in ipairs(list) do
      files[#files + 1] = { path = f.path, bytes = f.bytes, refused = f.refused or nil }
    end
  end
  return files
end

---------------------------------------------------------------------------
-- the limits of a run

-- is path a script installed with Praxis (under its scripts/ folder)?
local function installed(path)
  local real = R.realpath(path)
  if not real then return false end
  local dirs = { R.share_dir .. "/scripts" }
  local home = R.home()
  if home then dirs[#dirs + 1] = home .. "/scripts" end
  for _, d in ipairs(dirs) do
    local rd = R.realpath(d)
    if rd and under(real, rd) then return true end
  end
  return false
end

-- {timeout =, max_memory =, timeout_by =, memory_by =, flags =}: the
-- flags given (0 lifts a limit), else the defaults for a script that is
-- neither installed with Praxis nor trusted, else none
local function choose_limits(o, path)
  local lim = { flags = o.flags }
  local defaults = o.default_timeout ~= nil and not o.trust and not installed(path)
  for _, k in ipairs({ "timeout", "max_memory" }) do
    local by = k == "timeout" and "timeout_by" or "memory_by"
    if o[k] ~= nil then
      lim[k] = o[k]
      if o[k] > 0 then lim[by] = "flag" end
    elseif defaults then
      lim[k], lim[by] = o["default_" .. k], "default"
    else
      lim[k] = 0
    end
  end
  return lim
end

-- a spec's limits lower the run's, never raise them
local function spec_limits(ctx, run, spec)
  local sl, lim = rawget(spec, "limits"), ctx.limits
  if type(sl) ~= "table" then return end
  if sl.timeout and (lim.timeout == 0 or sl.timeout < lim.timeout) then
    lim.timeout, lim.timeout_by, run.timeout = sl.timeout, "spec", sl.timeout
  end
  if sl.max_memory and (lim.max_memory == 0 or sl.max_memory < lim.max_memory) then
    lim.max_memory, lim.memory_by, ctx.max_memory = sl.max_memory, "spec", sl.max_memory
  end
end

local function has_params(p)
  return p ~= nil and ((p.list and #p.list > 0) or next(p.map or {}) ~= nil)
end

---------------------------------------------------------------------------
-- one run, for the command line and for praxis.run

--[[ o: target (a name or a file), params = {list = {"k=v"...}} or {map =
  {...}}, out, mode, timeout, max_memory, seed, trust, paths (the corpus
  given), open_corpus (a function -> true | false, status) or corpus,
  print (true on the command line). Returns the results (praxis.run) and
  fails with RunError. ]]
-- the start of a run: the script found, -p refused on a plain file before
-- it runs, the limits chosen, the context made -> where, run, ctx
local function start_run(o)
  local where = resolve(o.target)
  local path = where.path
  if not where.named then
    local src = read_file(path)
    where.spec_file = src and looks_like_spec(src)
  end
  if not where.named and not where.spec_file and has_params(o.params) then
    fail(2, "%s takes no parameters: it returns no spec (a shared script has a line starting with `return {` "
      .. "and a `run = function`; docs/scripts.md)", path)
  end
  local limits = choose_limits(o, path)
  local run = { path = path, seed = o.seed or 1, timeout = limits.timeout,
    started = os.date("!%Y-%m-%dT%H:%M:%SZ") }
  local ctx = new_context({ out = o.out, stem = basename(path) })
  ctx.trust, ctx.max_memory, ctx.limits = o.trust, limits.max_memory, limits
  run.ctx = ctx
  ctx.lib_dirs = { dirname(path), dirname(dirname(path)) }
  for _, d in ipairs(M.path()) do ctx.lib_dirs[#ctx.lib_dirs + 1] = d end
  run.sha256 = R.sha256_file(path)
  return where, run, ctx
end

local function run(o)
  local where, run, ctx = start_run(o)
  local path = where.path
  local ok, err = pcall(function()
    local spec, types, names, params
    local chunk
    if where.named or where.spec_file then
      -- a shared script: its spec first, with a short budget and no
      -- corpus, so that a wrong parameter costs no load
      ctx.phase = "load"
      chunk = load_chunk(ctx, path)
      local budget = LOAD_BUDGET
      if run.timeout > 0 and run.timeout < budget then budget = run.timeout end
      local v = limited(ctx, basename(path), budget, chunk)
      ctx.phase = "run"
      spec, types, names = check_spec(v, path, where.named)
      spec_limits(ctx, run, spec)
      params = gather_params(spec, names, types, o.params or {})
    end
    -- the corpus
    local corpus
    if o.open_corpus then
      local opened, code = o.open_corpus()
      if not opened then fail(code, "") end
      corpus = _G.corpus
      if o.paths and #o.paths > 0 then
        for _, p in ipairs(o.paths) do add_root(ctx, p) end
      else
        local home = R.home()
        if home then add_root(ctx, home .. "/corpora/alinsu") end
      end
    else
      corpus = o.corpus
      if corpus == nil then fail(1, "praxis.run: no corpus (give opts.corpus or load one as `corpus`)") end
    end
    run.corpus_files = corpus_files(corpus)
    for _, f in ipairs(run.corpus_files) do add_root(ctx, f.path) end
    local script_corpus = R.corpus_box(corpus)
    math.randomseed(run.seed)
    R.set_seed(run.seed)
    local values, plain
    if not spec then
      -- a file: its top level runs now, with the corpus as a global
      ctx.globals.corpus = script_corpus
      if _G.arg ~= nil then
        local a = {}
        for k, v in pairs(_G.arg) do a[k] = v end
        ctx.globals.arg = a
      end
      chunk = load_chunk(ctx, path)
      values = pack(limited(ctx, basename(path), run.timeout, chunk))
      if values.n >= 1 and is_spec(values[1]) then
        spec, types, names = check_spec(values[1], path, false)
        spec_limits(ctx, run, spec)
        params = gather_params(spec, names, types, o.params or {})
      else
        plain = true
      end
    end
    run.name = spec and spec.name or basename(path)
    for _, name in ipairs(names or {}) do
      local pt = types[name]
      if (pt.kind == "path" or pt.of == "path") and params[name] ~= nil then
        for _, p in ipairs(pt.kind == "list" and params[name] or { params[name] }) do
          add_root(ctx, p)
          run.inputs = run.inputs or {}
          run.inputs[#run.inputs + 1] = { param = name, path = p, sha256 = (R.sha256_file(p)) }
        end
      end
    end
    local write = o.out ~= nil
    local prepared
    if spec then
      resolve_participants(spec, names, types, params, script_corpus)
      check_attributes(spec, names, types, params, script_corpus)
      run.params, run.param_names = params, names
      prepared = limited(ctx, spec.name, run.timeout, function()
        local r = pack(spec.run(script_corpus, params))
        return prepare(r, o.mode, write, false, rawget(spec, "outputs"))
      end)
    else
      prepared = limited(ctx, run.name, run.timeout, prepare, values, o.mode, write, true)
    end
    -- results: written, printed or returned
    for _, f in ipairs(prepared.files or {}) do
      local fh = ctx.outdir:open(f.name, "w")
      fh:write(f.data)
      fh:close()
    end
    if ctx.outdir:path() then write_manifest(run) end
    if o.print then
      if prepared.empty then io_stderr:write(sformat("praxis: %s returned no results\n", run.name)) end
      if not write then io_write(prepared.text) end
      io.stdout:flush()
      for _, r in ipairs(prepared.tables or {}) do
        if #r.t == 0 then
          io_stderr:write(sformat("praxis: %s: the table '%s' has no rows\n", run.name, r.name))
        end
      end
      if ctx.outdir:path() then
        io_stderr:write(sformat("praxis: %s: results and manifest in %s\n", run.name, ctx.outdir:path()))
      end
    end
    run.value = prepared.value
    if plain and not o.print then run.value = values[1] end
  end)
  if not ok then
    -- a run that fails leaves nothing behind
    pcall(ctx.outdir.cleanup, ctx.outdir)
    error(err, 0)
  end
  return run.value
end

---------------------------------------------------------------------------
-- reading specs for listing and help

-- {name, path, spec?, doc, error?} of one script file (the spec read in
-- the sandbox, with the load budget)
local function describe(name, path)
  local d = { name = name, path = path }
  local src = read_file(path)
  if not src then d.error = "cannot read the file" return d end
  d.doc = M.parse_doc(src)
  local ctx = new_context({ stem = name })
  ctx.phase = "load"
  ctx.lib_dirs = { dirname(path), dirname(dirname(path)) }
  for _, dir in ipairs(M.path()) do ctx.lib_dirs[#ctx.lib_dirs + 1] = dir end
  local ok, err = pcall(function()
    local chunk = load_chunk(ctx, path)
    local v = limited(ctx, name, LOAD_BUDGET, chunk)
    local spec, types, names = check_spec(v, path, true)
    d.spec, d.types, d.names = spec, types, names
  end)
  if not ok then d.error = tostring(err) end
  return d
end

-- a glob (* and ?) as an anchored Lua pattern
local function glob(s)
  return "^" .. s:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
end

-- does script d match the selection (a category, a name, a glob, or an
-- expression of them with and, or, not and parentheses)?
local function matcher(expr)
  if not expr or expr == "" then return function() return true end end
  local tokens = {}
  for tok in expr:gsub("[()]", " %0 "):gmatch("%S+") do tokens[#tokens + 1] = tok end
  local pos = 1
  local parse_or
  local function word_test(w)
    return function(d)
      local cats = d.spec and d.spec.categories or {}
      for _, c in ipairs(cats) do if c == w then return true end end
      if w:find("[*?]") then return d.name:match(glob(w)) ~= nil end
      return d.name:find(w, 1, true) ~= nil
    end
  end
  local function parse_atom()
    local t = tokens[pos]
    if t == nil then fail(2, "the selection '%s' ends too early", expr) end
    pos = pos + 1
    if t == "not" then
      local a = parse_atom()
      return function(d) return not a(d) end
    elseif t == "(" then
      local e = parse_or()
      if tokens[pos] ~= ")" then fail(2, "a ')' is missing in '%s'", expr) end
      pos = pos + 1
      return e
    end
    return word_test(t)
  end
  local function parse_and()
    local a = parse_atom()
    while tokens[pos] == "and" do
      pos = pos + 1
      local l, r = a, parse_atom()
      a = function(d) return l(d) and r(d) end
    end
    return a
  end
  parse_or = function()
    local a = parse_and()
    while tokens[pos] == "or" do
      pos = pos + 1
      local l, r = a, parse_and()
      a = function(d) return l(d) or r(d) end
    end
    return a
  end
  local e = parse_or()
  if pos <= #tokens then fail(2, "cannot read the selection '%s' at '%s'", expr, tokens[pos]) end
  return e
end

local function list_scripts(pattern)
  local test = matcher(pattern)
  local out = {}
  for _, f in ipairs(all_files()) do
    local d = describe(f.name, f.path)
    if test(d) then out[#out + 1] = d end
  end
  return out
end

--- The shared scripts, as a praxis table (name, categories, summary,
--- path): all of them, or those of a category, a name, a glob, or an
--- expression ("network and not slow").
--- @usage praxis.scripts("descriptive")
function praxis.scripts(pattern)
  local ok, list = pcall(list_scripts, pattern)
  if not ok then error(tostring(list), 2) end
  local rows = {}
  for _, d in ipairs(list) do
    rows[#rows + 1] = {
      d.name,
      d.spec and concat(d.spec.categories, ", ") or "",
      d.spec and d.spec.summary or ("(cannot read the spec: " .. tostring(d.error) .. ")"),
      d.path,
    }
  end
  return praxis.table.new({ "name", "categories", "summary", "path" }, rows)
end

--- Runs a shared script (by name, or a file) on a corpus and returns its
--- results. params: name = value (strings are converted as on the command
--- line). opts: corpus (default the global corpus), out (a folder for the
--- results and manifest), timeout (seconds), max_memory (MB), seed
--- (default 1), trust (no sandbox).
--- @usage praxis.run("participation", {min_utterances = 5})
function praxis.run(name, params, opts)
  if type(name) ~= "string" then error("praxis.run: expected a script name or file", 2) end
  opts = opts or {}
  local ok, res = pcall(run, {
    target = name, params = { map = params or {} }, out = opts.out, timeout = opts.timeout,
    max_memory = opts.max_memory, seed = opts.seed, trust = opts.trust,
    flags = { timeout = "opts.timeout", max_memory = "opts.max_memory" },
    corpus = opts.corpus or rawget(_G, "corpus"),
  })
  if not ok then
    if getmetatable(res) == RunError then error(res.msg, 2) end
    error(res, 0)
  end
  return res
end

---------------------------------------------------------------------------
-- the command line

local function report(err)
  if getmetatable(err) == RunError then
    if err.msg ~= "" then io_stderr:write("praxis: ", err.msg, "\n") end
    return err.exit
  end
  io_stderr:write("praxis: ", tostring(err), "\n")
  return 1
end

function R.cli_run(o)
  local ok, err = pcall(run, {
    target = o.target, params = { list = o.params }, out = o.out, mode = o.mode,
    timeout = o.timeout, max_memory = o.max_memory, seed = o.seed, trust = o.trust,
    default_timeout = o.default_timeout, default_max_memory = o.default_max_memory,
    paths = o.paths, open_corpus = o.open_corpus, print = true,
  })
  io.stdout:flush()
  if ok then return 0 end
  return report(err)
end

local function pad(s, n) return s .. string.rep(" ", n - utf8.len(s)) end

local function print_list(list)
  local w1, w2 = 4, 10
  for _, d in ipairs(list) do
    w1 = math.max(w1, utf8.len(d.name))
    if d.spec then w2 = math.max(w2, utf8.len(concat(d.spec.categories, ", "))) end
  end
  for _, d in ipairs(list) do
    if d.spec then
      io_write(pad(d.name, w1), "  ", pad(concat(d.spec.categories, ", "), w2), "  ", d.spec.summary, "\n")
    else
      io_write(pad(d.name, w1), "  ", pad("?", w2), "  (cannot read the spec)\n")
      io_stderr:write("praxis: ", tostring(d.error), "\n")
    end
  end
end

local function print_help(d)
  local s = d.spec
  local lines = {}
  local function add(x) lines[#lines + 1] = x end
  add(s.name .. " - " .. (d.doc.summary or s.summary))
  if #d.doc.description > 0 then
    add("")
    for _, l in ipairs(d.doc.description) do add(l) end
  end
  add("")
  add("usage:")
  if #d.doc.usage > 0 then
    for _, l in ipairs(d.doc.usage) do add("  " .. l) end
  else
    add("  praxis run " .. s.name .. " CORPUS... [--param NAME=VALUE]...")
  end
  add("")
  if #d.names == 0 then
    add("parameters: none")
  else
    add("parameters:")
    local rows, w = {}, { 0, 0, 0 }
    for _, name in ipairs(d.names) do
      local p = s.params[name]
      local def
      if p.default ~= nil then
        def = "default " .. (type(p.default) == "table" and concat(p.default, ",") or tostring(p.default))
      else
        def = "optional"
      end
      local row = { name, type_name(d.types[name]), def, p.doc }
      for i = 1, 3 do w[i] = math.max(w[i], utf8.len(row[i])) end
      rows[#rows + 1] = row
    end
    for _, r in ipairs(rows) do
      add("  " .. pad(r[1], w[1]) .. "  " .. pad(r[2], w[2]) .. "  " .. pad(r[3], w[3]) .. "  " .. r[4])
    end
  end
  add("")
  add("categories: " .. concat(s.categories, ", "))
  if #d.doc.output > 0 then
    add("")
    add("output:")
    for _, l in ipairs(d.doc.output) do add("  " .. l) end
  end
  if #d.doc.see > 0 then
    add("")
    add("see:")
    for _, l in ipairs(d.doc.see) do add("  " .. l) end
  end
  add("")
  add("file: " .. d.path)
  io_write(concat(lines, "\n"), "\n")
end

function R.cli_command(argv)
  local cmd = argv[1]
  local ok, err = pcall(function()
    if cmd == "scripts" then
      local pattern = #argv >= 2 and concat(argv, " ", 2) or nil
      local list = list_scripts(pattern)
      if #list == 0 then
        io_stderr:write(sformat("praxis: no script matches '%s' (categories: %s)\n", pattern or "",
          concat(M.categories, ", ")))
        return
      end
      print_list(list)
      return
    end
    -- help SCRIPT
    local target = argv[2]
    if not target or #argv > 2 then fail(2, "usage: praxis help SCRIPT (`praxis scripts` lists them)") end
    local where = resolve(target)
    local d = describe(basename(where.path), where.path)
    if not d.spec then
      if getmetatable(d.error) == RunError then error(d.error, 0) end
      fail(1, "%s", tostring(d.error))
    end
    print_help(d)
  end)
  io.stdout:flush()
  if ok then return 0 end
  return report(err)
end

M.describe = describe
praxis._scripts = M
return M
