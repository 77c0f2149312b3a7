--- Echoes its parameters, one row each, with their Lua types (a test of parameter checking).
---
--- @usage praxis run tests/scripts/params.lua corpora/samples/spoken.xml -p count=3
--- @see docs/scripts.md (parameter types)
return {
  name = "params",
  summary = "Echoes its parameters with their types",
  categories = { "report", "safe" },
  params = {
    count = { type = "integer", default = 1, doc = "an integer" },
    ratio = { type = "number", default = 0.5, doc = "a number" },
    label = { type = "string", default = "none", doc = "a string" },
    strict = { type = "boolean", default = false, doc = "a boolean" },
    codebook = { type = "path", optional = true, doc = "a file to read" },
    who = { type = "participant", optional = true, doc = "a participant" },
    group = { type = { type = "list", of = "participant" }, optional = true, doc = "participants" },
    sizes = { type = "list", of = "integer", default = { 1, 2 }, doc = "integers" },
  },
  run = function(corpus, params)
    local names = {}
    for k in pairs(params) do names[#names + 1] = k end
    table.sort(names)
    local rows = {}
    for _, k in ipairs(names) do
      local v = params[k]
      local shown
      if type(v) == "table" then
        local parts = {}
        for i, x in ipairs(v) do parts[i] = type(x) == "userdata" and x.id or tostring(x) end
        shown = table.concat(parts, ",")
      elseif type(v) == "userdata" then
        shown = v.id
      else
        shown = tostring(v)
      end
      rows[#rows + 1] = { k, math.type(v) or type(v), shown }
    end
    if params.codebook then
      local t = praxis.read_table and praxis.read_table(params.codebook)
      rows[#rows + 1] = { "codebook_rows", "integer", tostring(t and #t or -1) }
    end
    return praxis.table.new({ "name", "type", "value" }, rows)
  end,
}
