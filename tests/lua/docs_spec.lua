-- docs_spec.lua - the documentation in lua/meta/*.lua: every public
-- function has an entry, every entry names something that exists, and
-- every @usage example runs on the bundled corpus.

describe("documentation coverage", function()
  it("documents every C method, table method and praxis field", function()
    local missing = praxis.help.missing()
    if #missing > 0 then error("no documentation (lua/meta/*.lua) for: " .. table.concat(missing, ", "), 0) end
  end)
  it("documents nothing that does not exist", function()
    local stale = praxis.help.stale()
    if #stale > 0 then error("documented but missing: " .. table.concat(stale, ", "), 0) end
  end)
  it("finds entries by value and by name", function()
    expect(praxis.help.name_of(praxis.open)).to_be("praxis.open")
    expect(praxis.help.class_of(corpus.utterances)).to_be("praxis.Selection")
    expect(praxis.help.class_of(corpus.documents:table())).to_be("praxis.Table")
    expect(praxis.help.class_of(praxis.plot)).to_be("praxis.plot")
  end)
end)

describe("generated documentation", function()
  GENDOC_LIBRARY = true
  local gendoc = dofile("tools/gendoc.lua")
  GENDOC_LIBRARY = nil
  local function read(p) local f = assert(io.open(p, "rb")); local s = f:read("a"); f:close(); return s end
  it("docs/api.md is what lua/meta/*.lua says (make doc)", function()
    if read("docs/api.md") ~= gendoc.api() then
      error("docs/api.md is out of date: run make doc", 0)
    end
  end)
  it("the reference in docs/manual.md is too (make doc)", function()
    local current = read("docs/manual.md")
    if gendoc.manual(current) ~= current then
      error("docs/manual.md's reference is out of date: run make doc", 0)
    end
  end)
end)

-- The examples write into a temporary folder, not the working tree.
local tmp = os.tmpname()
os.remove(tmp)
local written = {}
local function redirect(path, mode)
  local p = tmp .. "-" .. path:gsub("[/\\]", "_")
  written[#written + 1] = p
  return io.open(p, mode)
end

local function run_example(name, code)
  local fn = load("return " .. code, "=" .. name, "t") or load(code, "=" .. name, "t")
  if not fn then error("does not compile: " .. code, 0) end
  local saved_output, saved_write, saved_print = praxis.output_open, io.write, print
  praxis.output_open = redirect
  io.write = function() return io.stdout end   -- what the examples print is not the point
  print = function() end
  local ok, err = pcall(fn)
  praxis.output_open, io.write, print = saved_output, saved_write, saved_print
  if not ok then error(code .. "\n      " .. tostring(err), 0) end
end

describe("every @usage example runs", function()
  for _, e in ipairs(praxis.help.entries()) do
    for i, code in ipairs(e.usage) do
      it(e.full .. (i > 1 and " #" .. i or ""), function() run_example(e.full, code) end)
    end
  end
  for _, c in ipairs(praxis.help.classes()) do
    for _, code in ipairs(c.usage) do
      it(c.name, function() run_example(c.name, code) end)
    end
  end
  it("cleans up", function()
    for _, p in ipairs(written) do os.remove(p) end
  end)
end)
