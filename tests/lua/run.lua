-- run.lua - the Lua specs of Praxis: describe/it groups, expectations,
-- one summary line.
--
--   ./praxis run tests/lua/run.lua            every tests/lua/*_spec.lua
--   SPEC=selection ./praxis run tests/lua/run.lua   only specs whose path has "selection"
--
-- Specs see these globals:
--   describe(name, fn)          a group; groups nest
--   it(name, fn)                one case
--   xit(name, reason, fn)       a case that is skipped (a known bug, with why);
--                               fn still runs, and the report says when it passes now
--   expect(v).to_be(w)          v == w
--   expect(v).to_equal(w)       deep equality of plain tables
--   expect(v).not_to_be(w)      v ~= w
--   expect(v).to_be_nil() / .to_be_truthy() / .to_be_falsy()
--   expect(v).to_be_a(typename) type(v), or the __name of its metatable
--   expect(v).to_contain(s)     a plain substring of the string v
--   expect(v).to_match(pat)     a Lua pattern
--   expect(v).to_have_length(n) #v == n
--   expect(v).to_be_near(w, eps)
--   expect(v).to_be_at_least(w)
--   expect_error(fn, substring) fn raises an error whose message has substring
--   FIXTURES                    "tests/lua/fixtures/"
--   fixture(name, opts)         praxis.open(FIXTURES .. name, opts)
--   ids(selection_or_list)      the ids, joined by ","

local SPEC_DIR = "tests/lua/"

FIXTURES = SPEC_DIR .. "fixtures/"

function fixture(name, opts)
  return praxis.open(FIXTURES .. name, opts)
end

function ids(x)
  local out = {}
  if type(x) == "table" then
    for i, h in ipairs(x) do out[i] = h.id end
  else
    for h in x:each() do out[#out + 1] = h.id end
  end
  return table.concat(out, ",")
end

---------------------------------------------------------------------------
-- expectations

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  local ok, s = pcall(tostring, v)
  return ok and s or "<" .. type(v) .. ">"
end

local Failure = {}
Failure.__index = Failure
Failure.__tostring = function(f) return f.message end

local function fail(msg)
  error(setmetatable({ message = msg }, Failure), 0)
end

local function deep_equal(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do
    if not deep_equal(v, b[k], seen) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local function dump(v, depth)
  depth = depth or 0
  if type(v) ~= "table" or getmetatable(v) or depth > 3 then return show(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. dump(v[k], depth + 1) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function type_of(v)
  local mt = getmetatable(v)
  if type(mt) == "table" and type(mt.__name) == "string" then return mt.__name end
  return type(v)
end

function expect(v)
  local e = {}
  function e.to_be(w)
    if not (v == w) then fail("expected " .. show(w) .. ", got " .. show(v)) end
  end
  function e.not_to_be(w)
    if v == w then fail("expected anything but " .. show(w)) end
  end
  function e.to_equal(w)
    if not deep_equal(v, w) then fail("expected " .. dump(w) .. ", got " .. dump(v)) end
  end
  function e.to_be_nil()
    if v ~= nil then fail("expected nil, got " .. show(v)) end
  end
  function e.to_be_truthy()
    if not v then fail("expected a true value, got " .. show(v)) end
  end
  function e.to_be_falsy()
    if v then fail("expected false or nil, got " .. show(v)) end
  end
  function e.to_be_a(t)
    if type_of(v) ~= t then fail("expected a " .. t .. ", got a " .. type_of(v)) end
  end
  function e.to_contain(s)
    if type(v) ~= "string" or not v:find(s, 1, true) then
      fail("expected " .. show(v) .. " to contain " .. show(s))
    end
  end
  function e.to_match(p)
    if type(v) ~= "string" or not v:match(p) then
      fail("expected " .. show(v) .. " to match " .. show(p))
    end
  end
  function e.to_have_length(n)
    local len = #v
    if len ~= n then fail("expected length " .. n .. ", got " .. len) end
  end
  function e.to_be_near(w, eps)
    eps = eps or 1e-9
    if type(v) ~= "number" or math.abs(v - w) > eps then
      fail("expected " .. show(w) .. " (within " .. eps .. "), got " .. show(v))
    end
  end
  function e.to_be_at_least(w)
    if type(v) ~= "number" or v < w then fail("expected at least " .. show(w) .. ", got " .. show(v)) end
  end
  return e
end

function expect_error(fn, substring)
  local ok, err = pcall(fn)
  if ok then fail("expected an error containing " .. show(substring) .. ", but none was raised") end
  local msg = tostring(err)
  if substring and not msg:find(substring, 1, true) then
    fail("expected an error containing " .. show(substring) .. ", got " .. show(msg))
  end
  return msg
end

---------------------------------------------------------------------------
-- groups and cases

local passed, failed, skipped = 0, 0, 0
local reports = {}
local current_spec = nil          -- path of the spec being loaded
local group_stack = {}

local function full_name(name)
  local parts = {}
  for _, g in ipairs(group_stack) do parts[#parts + 1] = g end
  parts[#parts + 1] = name
  return table.concat(parts, " > ")
end

-- The line of the spec file that was running when an error was raised.
local function spec_line()
  for level = 2, 60 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source == "@" .. current_spec then return info.currentline end
  end
  return nil
end

local function run_case(fn)
  local line
  local ok, err = xpcall(fn, function(e)
    line = spec_line()
    if getmetatable(e) == Failure then return e.message end
    -- the traceback down to the runner's own frames
    local lines = {}
    for l in debug.traceback(tostring(e), 2):gmatch("[^\n]+") do
      if l:find("in function 'xpcall'", 1, true) then break end
      lines[#lines + 1] = l
    end
    return table.concat(lines, "\n  ")
  end)
  return ok, err, line
end

function describe(name, fn)
  group_stack[#group_stack + 1] = name
  local ok, err, line = run_case(fn)
  if not ok then
    failed = failed + 1
    reports[#reports + 1] = string.format("FAIL %s:%s: %s (in the group itself)\n  %s",
      current_spec, tostring(line or "?"), full_name(""), err)
  end
  group_stack[#group_stack] = nil
end

function it(name, fn)
  local ok, err, line = run_case(fn)
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
    reports[#reports + 1] = string.format("FAIL %s:%s: %s\n  %s", current_spec,
      tostring(line or "?"), full_name(name), err)
  end
end

function xit(name, reason, fn)
  skipped = skipped + 1
  local note = ""
  if fn then
    local ok = run_case(fn)
    if ok then note = " [passes now: remove the skip]" end
  end
  reports[#reports + 1] = string.format("SKIP %s: %s (%s)%s", current_spec, full_name(name),
    reason or "skipped", note)
end

---------------------------------------------------------------------------
-- loading the specs

local function spec_files()
  local files = {}
  local p = io.popen("ls " .. SPEC_DIR .. " 2>/dev/null")
  if p then
    for name in p:lines() do
      if name:match("_spec%.lua$") then files[#files + 1] = SPEC_DIR .. name end
    end
    p:close()
  end
  table.sort(files)
  return files
end

local only = os.getenv("SPEC")
if only == "" then only = nil end
local files = spec_files()
if #files == 0 then
  io.stderr:write("run.lua: no *_spec.lua in " .. SPEC_DIR .. " (run from the repository root)\n")
  os.exit(1)
end

for _, path in ipairs(files) do
  if not only or path:find(only, 1, true) then
    current_spec = path
    group_stack = {}
    local chunk, err = loadfile(path, "t")
    if not chunk then
      failed = failed + 1
      reports[#reports + 1] = "FAIL " .. path .. ": cannot load: " .. err
    else
      local ok, msg, line = run_case(chunk)
      if not ok then
        failed = failed + 1
        reports[#reports + 1] = string.format("FAIL %s:%s: error outside any case\n  %s", path,
          tostring(line or "?"), msg)
      end
    end
    collectgarbage("collect")
  end
end

for _, r in ipairs(reports) do print(r) end
print(string.format("%d passed, %d failed, %d skipped", passed, failed, skipped))
if failed > 0 then os.exit(1) end
