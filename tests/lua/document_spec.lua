-- document_spec.lua - document handles.

local SPOKEN = FIXTURES .. "spoken.xml"

describe("a spoken document", function()
  local c = fixture("spoken.xml")
  local d = c.documents[1]

  it("is a praxis.Document", function()
    expect(d).to_be_a("praxis.Document")
  end)

  it("takes its id from TEI/@xml:id", function()
    expect(d.id).to_be("talk")
  end)

  it("takes its title from titleStmt", function()
    expect(d.title).to_be("Kitchen talk")
  end)

  it("takes its date from settingDesc/setting/date", function()
    expect(d.date).to_be("2023-05-10")
  end)

  it("is of kind spoken", function()
    expect(d.kind).to_be("spoken")
  end)

  it("knows the path it was loaded from", function()
    expect(d.path).to_be(SPOKEN)
  end)

  it("takes lang from TEI/@xml:lang", function()
    expect(d.lang).to_be("en")
  end)

  it("points its source at the TEI element", function()
    expect(d.source).to_be(SPOKEN .. ":2:1")
  end)

  it("has its six utterances in document order", function()
    expect(#d.utterances).to_be(6)
    expect(ids(d.utterances)).to_be("u1,u2,u3,talk.u4,talk.u5,u6")
  end)

  it("lists its speaking participants, not the silent dora", function()
    expect(ids(d.participants)).to_be("ana,ben,cleo,zed,unknown")
  end)

  it("has two segments", function()
    expect(#d.segments).to_be(2)
    expect(ids(d.segments)).to_be("greet,talk.s2")
  end)

  it("keeps title and date in meta", function()
    expect(d.meta.title).to_be("Kitchen talk")
    expect(d.meta.date).to_be("2023-05-10")
  end)

  it("has only its own keys in meta, none of a person's attributes", function()
      expect(d.meta.sex).to_be_nil()
      expect(d.meta.age).to_be_nil()
      expect(d.meta.id).to_be_nil()
    end)

  it("prints as a sentence", function()
    expect(tostring(d)).to_be('document talk "Kitchen talk" (spoken, 2023-05-10, 6 utterances)')
  end)

  it("is equal to the same document reached another way", function()
    expect(d == c.documents.talk).to_be(true)
    expect(d == c.utterances[4].document).to_be(true)
    expect(d == c.segments[2].document).to_be(true)
  end)

  it("names its fields on an unknown one", function()
    expect_error(function() return d.nope end,
      "a document has no field or method 'nope' (fields: id, title, date, kind, path, lang, " ..
      "index, meta, utterances, participants, segments, source)")
  end)
end)

describe("a drama document", function()
  local c = fixture("drama.xml")
  local d = c.documents.quarrel

  it("is of kind drama", function()
    expect(d.kind).to_be("drama")
  end)

  it("takes DraCor's year: the earlier of print (1822) and premiere (1821)", function()
    -- written (1815) is only 6 years earlier than 1821, so it does not win
    expect(d.date).to_be("1821")
  end)

  it("has five sp and three scenes", function()
    expect(#d.utterances).to_be(5)
    expect(#d.segments).to_be(3)
  end)

  it("lists the three speaking characters", function()
    expect(ids(d.participants)).to_be("hans,grete,wachen")
  end)

  it("has no lang", function()
    expect(d.lang).to_be_nil()
  end)

  it("prints as a sentence", function()
    expect(tostring(d)).to_be('document quarrel "Der Hut" (drama, 1821, 5 utterances)')
  end)

  it("is not equal to a document of another corpus", function()
    local spoken = fixture("spoken.xml").documents[1]
    expect(d == spoken).to_be(false)
    expect(d ~= spoken).to_be(true)
  end)
end)

describe("documents of the community corpus", function()
  local c = fixture("community")

  it("are the two meetings, not the header-only corpus.xml", function()
    expect(ids(c.documents)).to_be("m1,m2")
  end)

  it("keep a partial date as written", function()
    expect(c.documents.m2.date).to_be("2022-02")
  end)

  it("have their own utterance ranges", function()
    expect(ids(c.documents.m1.utterances)).to_be("m1.a,m1.b,m1.c")
    expect(ids(c.documents.m2.utterances)).to_be("m2.a,m2.b")
  end)

  it("share the participant lea", function()
    expect(ids(c.documents.m1.participants)).to_be("lea,max")
    expect(ids(c.documents.m2.participants)).to_be("lea,kim")
    expect(c.documents.m1.participants.lea == c.documents.m2.participants.lea).to_be(true)
  end)

  it("are not equal to each other", function()
    expect(c.documents.m1 == c.documents.m2).to_be(false)
    expect(c.documents[1] == c.documents.m1).to_be(true)
  end)
end)
