-- segment_spec.lua - segment handles (scenes, topics, the body).

local SPOKEN = FIXTURES .. "spoken.xml"
local DRAMA = FIXTURES .. "drama.xml"

describe("segments of a spoken document", function()
  local c = fixture("spoken.xml")
  local g1, g2 = c.segments[1], c.segments[2]

  it("are praxis.Segment handles", function()
    expect(g1).to_be_a("praxis.Segment")
  end)

  it("take the div's xml:id, else DOCID.sN", function()
    expect(g1.id).to_be("greet")
    expect(g2.id).to_be("talk.s2")
  end)

  it("take the div's type", function()
    expect(g1.type).to_be("topic")
    expect(g2.type).to_be("topic")
  end)

  it("count index from 1 within the document", function()
    expect(g1.index).to_be(1)
    expect(g2.index).to_be(2)
  end)

  it("hold their utterances", function()
    expect(ids(g1.utterances)).to_be("u1,u2,u3")
    expect(ids(g2.utterances)).to_be("talk.u4,talk.u5,u6")
  end)

  it("give their document", function()
    expect(g2.document.id).to_be("talk")
  end)

  it("point their source at the div", function()
    expect(g1.source).to_be(SPOKEN .. ":31:7")
    expect(g2.source).to_be(SPOKEN .. ":37:7")
  end)

  it("print as a sentence", function()
    expect(tostring(g1)).to_be("segment greet (topic) of talk, 3 utterances")
  end)

  it("are equal to the segment of their utterances", function()
    expect(g1 == c.utterances[2].segment).to_be(true)
    expect(g1 == g2).to_be(false)
  end)

  it("can be found by id in a selection", function()
    expect(c.segments.greet == g1).to_be(true)
    expect(c.segments["talk.s2"] == g2).to_be(true)
  end)

  it("name their fields on an unknown one", function()
    expect_error(function() return g1.nope end,
      "a segment has no field or method 'nope' (fields: id, type, index, document, utterances, source)")
  end)
end)

describe("segments of a play", function()
  local c = fixture("drama.xml")

  it("are the scenes, not the acts", function()
    expect(#c.segments).to_be(3)
    for g in c.segments:each() do expect(g.type).to_be("scene") end
  end)

  it("hold the sp of their scene", function()
    expect(ids(c.segments[1].utterances)).to_be("quarrel.u1,quarrel.u2")
    expect(ids(c.segments[2].utterances)).to_be("quarrel.u3,quarrel.u4")
    expect(ids(c.segments[3].utterances)).to_be("quarrel.u5")
  end)

  it("print one utterance in the singular", function()
    expect(tostring(c.segments[3])).to_be("segment quarrel.s3 (scene) of quarrel, 1 utterance")
  end)

  it("point at the scene div", function()
    expect(c.segments.a1s1.source).to_be(DRAMA .. ":37:9")
  end)
end)

describe("body segments", function()
  local c = fixture("community")

  it("are one per document without typed divs", function()
    expect(ids(c.segments)).to_be("m1.body,m2.body")
  end)

  it("have type body and hold every utterance", function()
    expect(c.segments[1].type).to_be("body")
    expect(#c.segments[1].utterances).to_be(3)
    expect(#c.segments[2].utterances).to_be(2)
  end)

  it("filter by document", function()
    expect(ids(c.segments:where { document = "m2" })).to_be("m2.body")
    expect(#c.segments:where { document = c.documents.m1 }).to_be(1)
  end)
end)
