-- corpus_spec.lua - praxis.open and the corpus userdata.
--
-- Fixture counts (by hand):
--   spoken.xml  1 document (talk); 4 declared persons (ana, ben, cleo, dora)
--               + zed (undeclared @who) + unknown (blank @who) = 6 participants;
--               6 utterances; 2 typed divs = 2 segments; 19 tokens; 5 events
--               (pause, vocal, kinesic, incident in u5, incident between u).
--   drama.xml   1 document (quarrel); hans, grete, personGrp wachen = 3;
--               5 sp; 3 scenes.
--   community/  corpus.xml (header-only teiCorpus: 2 orgs, lea, max),
--               meet1.xml (m1: 3 u), meet2.xml (m2: 2 u, declares kim)
--               = 2 documents, 3 participants, 5 utterances.
--   broken/     one file that is not well-formed.

local SPOKEN = FIXTURES .. "spoken.xml"
local DRAMA = FIXTURES .. "drama.xml"
local COMMUNITY = FIXTURES .. "community"

describe("praxis module", function()
  it("has a version string like 0.1.0", function()
    expect(praxis.version).to_match("^%d+%.%d+%.%d+")
  end)

  it("sets the global corpus to the bundled alinsu corpus", function()
    expect(corpus).to_be_a("praxis.Corpus")
    expect(corpus.name).to_be("alinsu")
  end)

  it("exposes praxis.format, which prints a corpus as its sentence", function()
    local c = fixture("spoken.xml")
    expect(praxis.format(c)).to_be("corpus spoken: 1 document, 6 participants, 6 utterances")
  end)
end)

describe("praxis.open of a file", function()
  local c = praxis.open(SPOKEN)

  it("returns a corpus userdata", function()
    expect(c).to_be_a("praxis.Corpus")
  end)

  it("counts documents, participants, utterances, segments", function()
    expect(#c.documents).to_be(1)
    expect(#c.participants).to_be(6)
    expect(#c.utterances).to_be(6)
    expect(#c.segments).to_be(2)
  end)

  it("gives selections of the right kind", function()
    expect(c.documents:kind()).to_be("documents")
    expect(c.participants:kind()).to_be("participants")
    expect(c.utterances:kind()).to_be("utterances")
    expect(c.segments:kind()).to_be("segments")
  end)

  it("is named after the file, without .xml", function()
    expect(c.name).to_be("spoken")
  end)

  it("has no corpus title when the file is a single TEI", function()
    expect(c.title).to_be_nil()
  end)

  it("has meta with name, title and the number of files", function()
    expect(c.meta.name).to_be("spoken")
    expect(c.meta.title).to_be_nil()
    expect(c.meta.files).to_be(1)
  end)

  it("lists its file with size and flags", function()
    local f = c.files
    expect(#f).to_be(1)
    expect(f[1].path).to_be(SPOKEN)
    expect(f[1].refused).to_be(false)
    expect(f[1].component).to_be(false)
    expect(f[1].bytes).to_be_at_least(2000)
  end)

  it("has no refusals", function()
    expect(#c.refusals).to_be(0)
  end)

  it("reports the undeclared and the blank @who as warnings, with positions", function()
    local w = c.warnings
    expect(#w).to_be(2)
    expect(w[1].severity).to_be("warning")
    expect(w[1].code).to_be("undeclared-who")
    expect(w[1].message).to_contain("'zed'")
    expect(w[1].source).to_be(SPOKEN .. ":38:9")
    expect(w[2].code).to_be("blank-who")
    expect(w[2].source).to_be(SPOKEN .. ":39:9")
  end)

  it("has no organisations", function()
    expect(#c.organisations).to_be(0)
  end)

  it("summarises tokens, events and speaking participants", function()
    local s = c:summary()
    expect(s.documents).to_be(1)
    expect(s.tokens).to_be(19)
    expect(s.types).to_be(18)
    expect(s.events).to_be(5)
    expect(s.participants).to_be(6)
    expect(s.speaking_participants).to_be(5)
    expect(s.warnings).to_be(2)
  end)
end)

describe("praxis.open of a folder", function()
  local c = praxis.open(COMMUNITY)

  it("loads every xml file, the header-only teiCorpus as a component", function()
    expect(#c.documents).to_be(2)
    expect(#c.participants).to_be(3)
    expect(#c.utterances).to_be(5)
    expect(#c.files).to_be(3)
    local component = {}
    for _, f in ipairs(c.files) do component[f.path:match("[^/]+$")] = f.component end
    expect(component["corpus.xml"]).to_be(true)
    expect(component["meet1.xml"]).to_be(false)
    expect(component["meet2.xml"]).to_be(false)
  end)

  it("lists files in byte order of their paths", function()
    local paths = {}
    for i, f in ipairs(c.files) do paths[i] = f.path end
    expect(paths).to_equal({ COMMUNITY .. "/corpus.xml", COMMUNITY .. "/meet1.xml",
      COMMUNITY .. "/meet2.xml" })
  end)

  it("is named after the folder and titled by the teiCorpus header", function()
    expect(c.name).to_be("community")
    expect(c.title).to_be("Guild meetings")
    expect(c.meta.title).to_be("Guild meetings")
    expect(c.meta.files).to_be(3)
  end)

  it("takes organisations from the listOrg, in order and by id", function()
    local o = c.organisations
    expect(#o).to_be(2)
    expect(o[1].id).to_be("north")
    expect(o[1].role).to_be("unit")
    expect(o[1].name).to_be("North Chapter")
    expect(o[1].abbreviation).to_be("NC")
    expect(o.board.name).to_be("The Board")
    expect(o.board.role).to_be("committee")
    expect(o.board.abbreviation).to_be_nil()
  end)

  it("accepts a trailing slash", function()
    local c2 = praxis.open(COMMUNITY .. "/")
    expect(#c2.documents).to_be(2)
    expect(c2.name).to_be("community")
  end)

  it("has no warnings", function()
    expect(#c.warnings).to_be(0)
  end)

  it("loads recursively and refuses only the broken file", function()
    local all = praxis.open(FIXTURES)
    expect(ids(all.documents)).to_be("m1,m2,quarrel,talk")
    expect(#all.participants).to_be(12)
    expect(#all.utterances).to_be(16)
    expect(#all.files).to_be(6)
    expect(#all.refusals).to_be(1)
    expect(all.refusals[1]).to_contain(FIXTURES .. "broken/broken.xml:3:35: not well-formed XML")
    expect(all.files[1].refused).to_be(true)
  end)
end)

describe("praxis.open of a list", function()
  it("loads every path in the list", function()
    local c = praxis.open({ SPOKEN, DRAMA })
    expect(#c.documents).to_be(2)
    expect(#c.participants).to_be(9)
    expect(#c.utterances).to_be(11)
    expect(#c.segments).to_be(5)
    expect(ids(c.documents)).to_be("talk,quarrel")
  end)

  it("is named after the first path", function()
    expect(praxis.open({ DRAMA, SPOKEN }).name).to_be("drama")
  end)

  it("does not change the participants with the order of the inputs", function()
    local a = praxis.open({ COMMUNITY .. "/meet1.xml", COMMUNITY .. "/meet2.xml", COMMUNITY .. "/corpus.xml" })
    local b = praxis.open({ COMMUNITY .. "/corpus.xml", COMMUNITY .. "/meet2.xml", COMMUNITY .. "/meet1.xml" })
    expect(#a.participants).to_be(3)
    expect(#b.participants).to_be(3)
    expect(a.participants.lea.name).to_be("Lea Berg")
    expect(b.participants.lea.name).to_be("Lea Berg")
    expect(#a.participants.lea.utterances).to_be(3)
    expect(#b.participants.lea.utterances).to_be(3)
  end)

  it("keeps ids apart per document with participants = \"per_document\"", function()
    local paths = { COMMUNITY .. "/meet1.xml", COMMUNITY .. "/meet2.xml" }
    local shared = praxis.open(paths)
    local apart = praxis.open(paths, { participants = "per_document" })
    -- lea speaks in both meetings: one participant, or one per document
    expect(#shared.participants).to_be(3)
    expect(#apart.participants).to_be(4)
    expect(#apart.participants:where { id = "lea" }).to_be(2)
    for p in apart.participants:where { id = "lea" }:each() do
      expect(#p.documents).to_be(1)
    end
    expect(#shared.participants.lea.documents).to_be(2)
  end)

  it("accepts participants = \"corpus\" explicitly", function()
    local c = praxis.open({ COMMUNITY .. "/meet1.xml", COMMUNITY .. "/meet2.xml" }, { participants = "corpus" })
    expect(#c.participants).to_be(3)
  end)
end)

describe("praxis.open errors", function()
  it("names a missing path", function()
    local msg = expect_error(function() praxis.open(FIXTURES .. "nope.xml") end,
      FIXTURES .. "nope.xml: No such file or directory; give a TEI file or a folder of them")
    -- luaL_error adds the position of the calling line
    expect(msg).to_match("^tests/lua/corpus_spec%.lua:%d+: ")
  end)

  it("names a missing path anywhere in a list", function()
    expect_error(function() praxis.open({ SPOKEN, FIXTURES .. "gone" }) end,
      FIXTURES .. "gone: No such file or directory")
  end)

  it("raises when nothing could be loaded", function()
    expect_error(function() praxis.open(FIXTURES .. "broken") end,
      "praxis.open: nothing could be loaded (1 file refused)")
  end)

  it("refuses an empty list", function()
    expect_error(function() praxis.open({}) end, "praxis.open: the list of paths is empty")
  end)

  it("names a path that is not a string", function()
    expect_error(function() praxis.open({ SPOKEN, 3 }) end,
      "praxis.open: path 2 is a number, not a string")
  end)

  it("refuses a number as the path", function()
    expect_error(function() praxis.open(42) end,
      "bad argument #1 to 'open' (path or list of paths expected, got number)")
  end)

  it("refuses an unknown participants option", function()
    expect_error(function() praxis.open(SPOKEN, { participants = "global" }) end,
      'option participants must be "corpus" or "per_document", not "global"')
  end)

  it("names the fields on an unknown field", function()
    local c = praxis.open(SPOKEN)
    expect_error(function() return c.nope end,
      "a corpus has no field or method 'nope' (fields: documents, participants, utterances, " ..
      "segments, organisations, name, title, meta, warnings, files, refusals)")
  end)
end)

describe("corpus printing and equality", function()
  it("prints as a sentence", function()
    expect(tostring(praxis.open(SPOKEN))).to_be("corpus spoken: 1 document, 6 participants, 6 utterances")
    expect(tostring(praxis.open(COMMUNITY))).to_be("corpus community: 2 documents, 3 participants, 5 utterances")
  end)

  it("prints 1 participant in the singular", function()
    expect(tostring(praxis.open(COMMUNITY .. "/meet1.xml"))).to_be(
      "corpus meet1: 1 document, 2 participants, 3 utterances")
  end)

  it("is equal to itself and not to another load of the same file", function()
    local a, b = praxis.open(SPOKEN), praxis.open(SPOKEN)
    local a2 = a
    expect(a == a2).to_be(true)
    expect(a == b).to_be(false)
    expect(a ~= b).to_be(true)
  end)
end)

describe("closing", function()
  it("makes every accessor raise after close()", function()
    local c = praxis.open(SPOKEN)
    c:close()
    expect_error(function() return c.documents end, "attempt to use a closed corpus")
    expect_error(function() return c.name end, "attempt to use a closed corpus")
    expect_error(function() return c:summary() end, "attempt to use a closed corpus")
  end)

  it("prints a closed corpus as closed", function()
    local c = praxis.open(SPOKEN)
    c:close()
    expect(tostring(c)).to_be("corpus (closed)")
  end)

  it("raises on a second close(), as a closed Lua file does", function()
    local c = praxis.open(SPOKEN)
    c:close()
    expect_error(function() c:close() end, "attempt to use a closed corpus")
  end)

  it("lets a <close> variable be closed early by hand", function()
    local ok, err = pcall(function()
      local c <close> = praxis.open(SPOKEN)
      c:close()
    end)
    expect(err).to_be_nil()
    expect(ok).to_be(true)
  end)

  it("makes handles and selections of a closed corpus raise", function()
    local c = praxis.open(SPOKEN)
    local p, u, s = c.participants.ana, c.utterances[1], c.utterances
    c:close()
    expect_error(function() return p.name end, "attempt to use a closed corpus")
    expect_error(function() return u.text end, "attempt to use a closed corpus")
    expect_error(function() return #s end, "attempt to use a closed corpus")
    expect_error(function() return tostring(u) end, "attempt to use a closed corpus")
  end)

  it("closes a <close> variable at the end of its block", function()
    local kept
    do
      local c <close> = praxis.open(SPOKEN)
      expect(#c.utterances).to_be(6)
      kept = c
    end
    expect(tostring(kept)).to_be("corpus (closed)")
    expect_error(function() return kept.utterances end, "attempt to use a closed corpus")
  end)

  it("closes a <close> variable when the block raises", function()
    local kept
    local ok = pcall(function()
      local c <close> = praxis.open(SPOKEN)
      kept = c
      error("boom")
    end)
    expect(ok).to_be(false)
    expect(tostring(kept)).to_be("corpus (closed)")
  end)

  it("leaves another corpus of the same file open", function()
    local a, b = praxis.open(SPOKEN), praxis.open(SPOKEN)
    a:close()
    expect(#b.utterances).to_be(6)
  end)
end)

describe("the bundled corpus", function()
  local c = praxis.open("corpora/alinsu")

  it("has at least 8 documents, 8 participants, 1,500 utterances", function()
    expect(#c.documents).to_be_at_least(8)
    expect(#c.participants).to_be_at_least(8)
    expect(#c.utterances).to_be_at_least(1500)
  end)

  it("prints its counts with thousands separators", function()
    expect(tostring(c)).to_match("^corpus alinsu: %d+ documents, %d+ participants, %d,%d%d%d utterances$")
  end)

  it("gives every participant a unit in attributes.affiliation", function()
    local units = {}
    for _, o in ipairs(c.organisations) do
      if o.role == "unit" then units[o.id] = true end
    end
    expect(next(units) ~= nil).to_be(true)
    for p in c.participants:each() do
      local aff = p.attributes.affiliation
      if aff == nil then error("participant " .. p.id .. " has no attributes.affiliation") end
      local found = false
      for id in aff:gmatch("%S+") do
        if units[id] then found = true end
      end
      if not found then error("participant " .. p.id .. " has no unit in '" .. aff .. "'") end
    end
  end)

  it("is the same data as the global corpus", function()
    expect(#c.utterances).to_be(#corpus.utterances)
    expect(c == corpus).to_be(false)
  end)
end)
