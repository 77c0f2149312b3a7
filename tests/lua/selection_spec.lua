-- selection_spec.lua - selections: indexing, iteration, where, by.
--
-- spoken.xml utterances, in order:
--   u1 ana 10:00:00 "Good morning everyone"           segment greet, en
--   u2 ben 10:00:02.5 "Morning Ana the Straße was busy" greet, to ana
--   u3 ana+ben 10:00:06 "yes indeed"                   greet
--   talk.u4 zed 10:01:05 "who is this"                 talk.s2
--   talk.u5 unknown, untimed "hello again"             talk.s2
--   u6 cleo, untimed, de "Guten Tag alle"              talk.s2
-- Untimed utterances fall back to the document date 2023-05-10 (midnight).

describe("indexing", function()
  local c = fixture("spoken.xml")
  local s = c.utterances

  it("has a length", function()
    expect(#s).to_be(6)
  end)

  it("gives handles by position from 1", function()
    expect(s[1].id).to_be("u1")
    expect(s[6].id).to_be("u6")
  end)

  it("counts negative positions from the end", function()
    expect(s[-1].id).to_be("u6")
    expect(s[-6].id).to_be("u1")
  end)

  it("gives nil out of range", function()
    expect(s[0]).to_be_nil()
    expect(s[7]).to_be_nil()
    expect(s[-7]).to_be_nil()
  end)

  it("gives handles by id", function()
    expect(s.u2.text).to_be("Morning Ana the Straße was busy")
    expect(s["talk.u4"].speaker.id).to_be("zed")
  end)

  it("gives nil for an unknown id", function()
    expect(s.nope).to_be_nil()
  end)

  it("gives nil for an id that is not in the selection", function()
    local ana = c.participants.ana.utterances
    expect(ana.u3.id).to_be("u3")
    expect(ana.u2).to_be_nil()
  end)

  it("prints its size and kind", function()
    expect(tostring(s)).to_be("selection of 6 utterances")
    expect(tostring(s:head(1))).to_be("selection of 1 utterance")
    expect(tostring(c.participants)).to_be("selection of 6 participants")
  end)

  it("is a praxis.Selection", function()
    expect(s).to_be_a("praxis.Selection")
  end)
end)

describe("each, list, ids, head", function()
  local c = fixture("spoken.xml")
  local s = c.utterances

  it("iterates in order with each()", function()
    local got = {}
    for u in s:each() do got[#got + 1] = u.id end
    expect(table.concat(got, ",")).to_be("u1,u2,u3,talk.u4,talk.u5,u6")
  end)

  it("iterates nothing over an empty selection", function()
    local n = 0
    for _ in s:where { text = "zebra" }:each() do n = n + 1 end
    expect(n).to_be(0)
  end)

  it("makes a plain list of handles", function()
    local l = s:list()
    expect(type(l)).to_be("table")
    expect(#l).to_be(6)
    expect(l[3] == s[3]).to_be(true)
  end)

  it("makes a plain list of ids", function()
    expect(s:ids()).to_equal({ "u1", "u2", "u3", "talk.u4", "talk.u5", "u6" })
    expect(c.participants:ids()).to_equal({ "ana", "ben", "cleo", "dora", "zed", "unknown" })
  end)

  it("takes the first n with head(n)", function()
    expect(ids(s:head(2))).to_be("u1,u2")
  end)

  it("takes at most what there is", function()
    expect(#s:head(100)).to_be(6)
    expect(#s:head()).to_be(6)      -- default 10
  end)

  it("takes nothing with head(0) or a negative n", function()
    expect(#s:head(0)).to_be(0)
    expect(#s:head(-3)).to_be(0)
  end)

  it("has a kind", function()
    expect(s:head(2):kind()).to_be("utterances")
  end)
end)

describe("where on utterances", function()
  local c = fixture("spoken.xml")
  local s = c.utterances

  it("filters by a speaker handle, crediting both speakers of u3", function()
    expect(ids(s:where { speaker = c.participants.ben })).to_be("u2,u3")
  end)

  it("filters by a speaker id", function()
    expect(ids(s:where { speaker = "ana" })).to_be("u1,u3")
  end)

  it("filters by a list of speakers", function()
    expect(ids(s:where { speaker = { "zed", c.participants.cleo } })).to_be("talk.u4,u6")
  end)

  it("filters by a selection of speakers", function()
    local hosts = c.participants:where { role = "host" }
    expect(ids(s:where { speaker = hosts })).to_be("u1,u3")
  end)

  it("filters by the unknown speaker", function()
    expect(ids(s:where { speaker = "unknown" })).to_be("talk.u5")
  end)

  it("filters by document", function()
    local both = praxis.open({ FIXTURES .. "spoken.xml", FIXTURES .. "drama.xml" })
    expect(#both.utterances:where { document = "quarrel" }).to_be(5)
    expect(#both.utterances:where { document = both.documents.talk }).to_be(6)
    expect(#both.utterances:where { document = { "talk", "quarrel" } }).to_be(11)
  end)

  it("filters by segment id and handle", function()
    expect(ids(s:where { segment = "greet" })).to_be("u1,u2,u3")
    expect(#s:where { segment = c.segments[2] }).to_be(3)
  end)

  it("filters by a phrase of folded tokens", function()
    expect(ids(s:where { text = "good morning" })).to_be("u1")
    expect(ids(s:where { text = "MORNING" })).to_be("u1,u2")
  end)

  it("finds Straße by STRASSE", function()
    expect(ids(s:where { text = "STRASSE" })).to_be("u2")
    expect(ids(s:where { text = "the straße" })).to_be("u2")
  end)

  it("matches a phrase only in order", function()
    expect(#s:where { text = "morning good" }).to_be(0)
  end)

  it("matches nothing for a word the corpus lacks", function()
    expect(#s:where { text = "zebra" }).to_be(0)
    expect(#s:where { text = "good zebra" }).to_be(0)
  end)

  it("ignores punctuation in the phrase", function()
    expect(ids(s:where { text = "Yes, indeed!" })).to_be("u3")
  end)

  it("takes a Lua pattern over the text", function()
    expect(ids(s:where { pattern = "^Good" })).to_be("u1")
    expect(ids(s:where { pattern = "is" })).to_be("talk.u4")   -- "who is this"
    expect(#s:where { pattern = "^good" }).to_be(0)             -- case matters
  end)

  it("keeps after= inclusive", function()
    expect(ids(s:where { after = "2023-05-10T10:00:06" })).to_be("u3,talk.u4")
  end)

  it("keeps before= exclusive, untimed ones at the document date", function()
    expect(ids(s:where { before = "2023-05-10T10:00:02.5" })).to_be("u1,talk.u5,u6")
  end)

  it("combines after and before", function()
    expect(ids(s:where { after = "2023-05-10T10:00:01", before = "2023-05-10T10:01:00" })).to_be("u2,u3")
  end)

  it("takes a partial date as its first instant", function()
    expect(#s:where { after = "2023-05-10" }).to_be(6)
    expect(#s:where { after = "2023-05-11" }).to_be(0)
    expect(#s:where { before = "2023-05" }).to_be(0)
    expect(#s:where { before = "2024" }).to_be(6)
  end)

  it("compares documents' partial dates for untimed utterances", function()
    local m = fixture("community")
    -- m1 2021-03-04 (3 u), m2 2022-02 (2 u)
    expect(#m.utterances:where { after = "2022" }).to_be(2)
    expect(#m.utterances:where { after = "2022-02" }).to_be(2)
    expect(#m.utterances:where { after = "2022-02-02" }).to_be(0)
    expect(#m.utterances:where { before = "2022" }).to_be(3)
    expect(#m.utterances:where { before = "2021-03-04" }).to_be(0)
  end)

  it("filters documents by date", function()
    local m = fixture("community")
    expect(ids(m.documents:where { after = "2022" })).to_be("m2")
    expect(ids(m.documents:where { before = "2021-03-05" })).to_be("m1")
  end)

  it("combines conditions with and", function()
    expect(ids(s:where { speaker = "ana", text = "indeed" })).to_be("u3")
    expect(#s:where { speaker = "ben", segment = "talk.s2" }).to_be(0)
  end)

  it("chains", function()
    expect(ids(s:where { segment = "greet" }:where { speaker = "ben" })).to_be("u2,u3")
  end)

  it("compares any other key with the property of that name", function()
    expect(ids(s:where { lang = "de" })).to_be("u6")
    expect(ids(s:where { index = 2 })).to_be("u2")
  end)

  it("takes a list of values for another key", function()
    expect(#s:where { lang = { "de", "fr" } }).to_be(1)
  end)

  it("filters with a function", function()
    expect(ids(s:where(function(u) return #u.speakers > 1 end))).to_be("u3")
    expect(#s:where(function(u) return u.start_time == nil end)).to_be(2)
  end)

  it("passes an error inside the function through", function()
    expect_error(function() s:where(function() error("inner trouble") end) end, "inner trouble")
  end)
end)

describe("where on participants and documents", function()
  local c = fixture("spoken.xml")

  it("keeps the speaking with speaking = true", function()
    expect(ids(c.participants:where { speaking = true })).to_be("ana,ben,cleo,zed,unknown")
  end)

  it("keeps the silent with speaking = false", function()
    expect(ids(c.participants:where { speaking = false })).to_be("dora")
  end)

  it("compares role, sex and declared", function()
    expect(ids(c.participants:where { role = "host" })).to_be("ana")
    expect(ids(c.participants:where { sex = "female" })).to_be("ana,cleo")
    expect(ids(c.participants:where { declared = false })).to_be("zed,unknown")
  end)

  it("compares numbers", function()
    expect(ids(c.participants:where { age = 40 })).to_be("ben")
  end)

  it("compares documents by kind", function()
    local both = praxis.open({ FIXTURES .. "spoken.xml", FIXTURES .. "drama.xml" })
    expect(ids(both.documents:where { kind = "drama" })).to_be("quarrel")
    expect(ids(both.documents:where { kind = "spoken" })).to_be("talk")
  end)
end)

describe("where errors", function()
  local c = fixture("spoken.xml")
  local s = c.utterances

  it("names an unknown speaker id", function()
    expect_error(function() s:where { speaker = "nobody" } end,
      'where{speaker = "nobody"}: no participant has that id')
  end)

  it("names an unknown document id", function()
    expect_error(function() s:where { document = "nope" } end,
      'where{document = "nope"}: no document has that id')
  end)

  it("names an unknown segment id", function()
    expect_error(function() s:where { segment = "act9" } end,
      'where{segment = "act9"}: no segment has that id')
  end)

  it("refuses a value of the wrong type", function()
    expect_error(function() s:where { speaker = 42 } end,
      "where{speaker = ...}: expected a participant, its id or a list of them, got number")
  end)

  it("refuses a selection of the wrong kind", function()
    expect_error(function() s:where { speaker = c.documents } end,
      "where{speaker = ...}: expected participants, got a selection of documents")
  end)

  it("refuses a participant of another corpus", function()
    local other = fixture("spoken.xml")
    expect_error(function() s:where { speaker = other.participants.ana } end,
      "where{speaker = ...}: that participant belongs to another corpus")
  end)

  it("refuses a selection of another corpus", function()
    local big = praxis.open("corpora/alinsu")
    expect_error(function() s:where { speaker = big.participants } end,
      "where{speaker = ...}: those participants belong to another corpus")
  end)

  it("refuses a non-date for after", function()
    expect_error(function() s:where { after = "yesterday" } end,
      'where{after = "yesterday"}: not a date; write it as ISO 8601 ' ..
      '("2024", "2024-03", "2024-03-15", "2024-03-15T09:30")')
  end)

  it("refuses a non-date for before", function()
    expect_error(function() s:where { before = "10/05/2023" } end,
      'where{before = "10/05/2023"}: not a date')
  end)

  it("refuses positional conditions", function()
    expect_error(function() s:where { "ana" } end,
      "where{...}: conditions are named (where{speaker = p}), not positional")
  end)

  it("refuses a string instead of conditions", function()
    expect_error(function() s:where("ana") end,
      "bad argument #1 to 'where' (table of conditions or function expected, got string)")
  end)

  it("names the fields on an unknown key", function()
    expect_error(function() s:where { colour = "red" } end,
      "an utterance has no field or method 'colour'")
  end)
end)

describe("by", function()
  local c = fixture("spoken.xml")
  local s = c.utterances

  local function keys(groups)
    local out = {}
    for k, v in pairs(groups) do out[#out + 1] = k .. "=" .. #v end
    return table.concat(out, ",")
  end

  it("groups by the first speaker, in first-appearance order", function()
    expect(keys(s:by("speaker"))).to_be("ana=2,ben=1,zed=1,unknown=1,cleo=1")
  end)

  it("indexes groups by value", function()
    local g = s:by("speaker")
    expect(ids(g.ana)).to_be("u1,u3")
    expect(g.dora).to_be_nil()
  end)

  it("groups by document", function()
    local m = fixture("community")
    expect(keys(m.utterances:by("document"))).to_be("m1=3,m2=2")
  end)

  it("groups by segment", function()
    expect(keys(s:by("segment"))).to_be("greet=3,talk.s2=3")
  end)

  it("groups by a function's result, skipping nil", function()
    expect(keys(s:by(function(u) return u.lang end))).to_be("en=5,de=1")
    expect(keys(s:by(function(u) return u.start_time and "timed" or nil end))).to_be("timed=4")
  end)

  it("groups by a function returning a handle, keyed by its id", function()
    expect(keys(s:by(function(u) return u.speakers[-1] end))).to_be("ana=1,ben=2,zed=1,unknown=1,cleo=1")
  end)

  it("groups participants by a property, leaving out nil", function()
    expect(keys(c.participants:by("sex"))).to_be("female=2,male=1")
  end)

  it("gives selections as groups", function()
    local g = s:by("document")
    expect(g.talk).to_be_a("praxis.Selection")
    expect(g.talk:kind()).to_be("utterances")
  end)

  it("wants a field name or a function", function()
    expect_error(function() s:by() end, "bad argument #1 to 'by' (string expected, got no value)")
  end)
end)
