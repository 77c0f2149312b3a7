-- fields_spec.lua - one field table per type (lua/bind) drives __index,
-- the "no field" error, completion and help: lua/meta documents exactly
-- the fields each table has, with the same types.

local classes = { "praxis.Corpus", "praxis.Document", "praxis.Participant",
                  "praxis.Utterance", "praxis.Segment", "praxis.Interactions" }

local function set(list)
  local s = {}
  for _, k in ipairs(list) do s[k] = true end
  return s
end

local function missing_from(a, b)   -- names in a that b lacks, sorted
  local out, sb = {}, set(b)
  for _, k in ipairs(a) do if not sb[k] then out[#out + 1] = k end end
  table.sort(out)
  return table.concat(out, ", ")
end

describe("field tables and lua/meta", function()
  for _, cname in ipairs(classes) do
    it(cname .. ": lua/meta documents every field of the table and no other", function()
      local names, types = praxis._fields(cname)
      expect(type(names)).to_be("table")
      local documented = praxis.help.members(cname, "fields")
      expect(missing_from(names, documented)).to_be("")   -- undocumented fields
      expect(missing_from(documented, names)).to_be("")   -- documented, not in the table
      expect(#names).to_be(#documented)
      for _, f in ipairs(names) do expect(type(types[f])).to_be("string") end
    end)
  end

  it("gives each field the type lua/meta documents", function()
    local wrong = {}
    for _, e in ipairs(praxis.help.entries()) do
      if e.kind == "field" then
        local names, types = praxis._fields(e.class)
        if names and types[e.name] ~= e.type then
          wrong[#wrong + 1] = e.full .. ": meta says " .. tostring(e.type) ..
            ", the table " .. tostring(types[e.name])
        end
      end
    end
    expect(table.concat(wrong, "; ")).to_be("")
  end)
end)

describe("the field table at run time", function()
  local c = fixture("spoken.xml")

  it("is what a handle answers: every listed field can be read", function()
    local values = { c, c.documents[1], c.participants.ana, c.utterances.u2, c.segments[1],
                     c.utterances:interactions("next") }
    for _, v in ipairs(values) do
      for _, f in ipairs(praxis._fields(v)) do
        local ok, err = pcall(function() return v[f] end)
        if not ok then error(tostring(v) .. "." .. f .. ": " .. tostring(err), 0) end
      end
    end
  end)

  it("is found by value as by class name, as copies", function()
    local a = praxis._fields(c.utterances[1])
    local b = praxis._fields("praxis.Utterance")
    expect(table.concat(a, ",")).to_be(table.concat(b, ","))
    a[1] = "changed"
    expect(praxis._fields("praxis.Utterance")[1]).to_be("id")
  end)

  it("is nil for what has no field table", function()
    expect(praxis._fields("praxis.Graph")).to_be_nil()
    expect(praxis._fields(42)).to_be_nil()
    expect(praxis._fields(c.utterances)).to_be_nil()
  end)

  it("lists the fields in the error, and hints at a near name", function()
    expect_error(function() return c.utterances.u1.speeker end,
      "(fields: id, text, speaker, speakers, addressees, document, segment, index, " ..
      "reply_to, start_time, end_time, duration, time, lang, tokens, word_count, events, " ..
      "annotations, attributes, indent_level, source); did you mean 'speaker'?")
    expect_error(function() return c.titel end, "did you mean 'title'?")
    -- methods are names too: summery is one edit from summary
    expect_error(function() return c.summery end, "did you mean 'summary'?")
  end)

  it("gives no hint when nothing is near", function()
    local ok, err = pcall(function() return c.utterances.u1.nope end)
    expect(ok).to_be(false)
    expect(tostring(err):find("did you mean", 1, true)).to_be_nil()
  end)
end)
