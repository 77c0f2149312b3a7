-- utterance_spec.lua - utterance handles.
--
-- spoken.xml timeline: T0 = 10:00:00 (origin), T1 +2.5 s, T2 +6, T3 +9,
-- T4 +65, T5 +70.5. u1 T0-T1, u2 T1-T2, u3 T2-T3, u4 T4-T5; u5, u6 untimed.

local SPOKEN = FIXTURES .. "spoken.xml"
local DRAMA = FIXTURES .. "drama.xml"

describe("utterance ids", function()
  local c = fixture("spoken.xml")

  it("take xml:id", function()
    expect(c.utterances[1].id).to_be("u1")
    expect(c.utterances[6].id).to_be("u6")
  end)

  it("fall back to DOCID.uINDEX", function()
    expect(c.utterances[4].id).to_be("talk.u4")
    expect(c.utterances[5].id).to_be("talk.u5")
  end)

  it("fall back for every sp of a play without ids", function()
    expect(ids(fixture("drama.xml").utterances)).to_be(
      "quarrel.u1,quarrel.u2,quarrel.u3,quarrel.u4,quarrel.u5")
  end)
end)

describe("utterance text and tokens", function()
  local c = fixture("spoken.xml")
  local u = c.utterances

  it("leaves out pauses, keeps the words around them", function()
    expect(u[1].text).to_be("Good morning everyone")
  end)

  it("leaves out vocal and its desc", function()
    expect(u[2].text).to_be("Morning Ana the Straße was busy")
  end)

  it("leaves out kinesic and its desc", function()
    expect(u[3].text).to_be("yes indeed")
  end)

  it("leaves out note", function()
    expect(u[4].text).to_be("who is this")
  end)

  it("leaves out an incident inside the utterance", function()
    expect(u[5].text).to_be("hello again")
  end)

  it("joins adjacent w with a space and reads seg", function()
    expect(u[6].text).to_be("Guten Tag alle")
  end)

  it("folds tokens to lower case", function()
    expect(u[1].tokens).to_equal({ "good", "morning", "everyone" })
  end)

  it("case-folds ß to ss in tokens, keeps the text as written", function()
    expect(u[2].tokens).to_equal({ "morning", "ana", "the", "strasse", "was", "busy" })
  end)

  it("counts words", function()
    expect(u[2].word_count).to_be(6)
    expect(u[6].word_count).to_be(3)
  end)

  describe("in drama", function()
    local d = fixture("drama.xml").utterances

    it("leaves out speaker", function()
      expect(d[1].text).to_be("Wo ist mein Hut?")
    end)

    it("leaves out stage inside sp", function()
      expect(d[2].text).to_be("Auf dem Kopf!")
    end)

    it("reads verse lines l, whitespace collapsed", function()
      expect(d[3].text).to_be("Wir gehen nun nach Haus")
    end)

    it("drops punctuation from tokens", function()
      expect(d[5].tokens).to_equal({ "gute", "nacht", "hans" })
    end)
  end)
end)

describe("speakers and addressees", function()
  local c = fixture("spoken.xml")
  local u = c.utterances

  it("give the speaker as a participant", function()
    expect(u[1].speaker).to_be_a("praxis.Participant")
    expect(u[1].speaker.id).to_be("ana")
  end)

  it("give the first of two speakers as speaker, both as speakers", function()
    expect(u[3].speaker.id).to_be("ana")
    expect(ids(u[3].speakers)).to_be("ana,ben")
    expect(#u[1].speakers).to_be(1)
  end)

  it("give the undeclared speaker", function()
    expect(u[4].speaker.id).to_be("zed")
  end)

  it("give unknown for a blank @who", function()
    expect(u[5].speaker.id).to_be("unknown")
  end)

  it("take addressees from @toWhom", function()
    expect(ids(u[2].addressees)).to_be("ana")
    expect(#u[1].addressees).to_be(0)
  end)

  it("give two speakers of a drama sp", function()
    expect(ids(fixture("drama.xml").utterances[3].speakers)).to_be("hans,grete")
  end)
end)

describe("document, segment, index", function()
  local c = fixture("spoken.xml")

  it("give the document", function()
    expect(c.utterances[5].document.id).to_be("talk")
  end)

  it("give the nearest typed div as segment", function()
    expect(c.utterances[1].segment.id).to_be("greet")
    expect(c.utterances[4].segment.id).to_be("talk.s2")
  end)

  it("give the body as segment when there is no div", function()
    local m = fixture("community").utterances[1]
    expect(m.segment.id).to_be("m1.body")
    expect(m.segment.type).to_be("body")
  end)

  it("count index from 1 within the document", function()
    local m = fixture("community")
    expect(c.utterances[6].index).to_be(6)
    expect(m.utterances["m2.a"].index).to_be(1)
    expect(m.utterances["m2.b"].index).to_be(2)
  end)

  it("have no reply_to without @replyTo", function()
    for u in c.utterances:each() do expect(u.reply_to).to_be_nil() end
  end)

  it("have empty annotations in a file without tiers", function()
    expect(next(c.utterances[1].annotations)).to_be_nil()
  end)
end)

describe("times", function()
  local c = fixture("spoken.xml")
  local u = c.utterances

  it("count start_time from the timeline origin", function()
    expect(u[1].start_time).to_be(0)
    expect(u[2].start_time).to_be(2.5)
    expect(u[4].start_time).to_be(65)
  end)

  it("take end_time from @end", function()
    expect(u[1].end_time).to_be(2.5)
    expect(u[4].end_time).to_be(70.5)
  end)

  it("compute duration", function()
    expect(u[2].duration).to_be_near(3.5)
    expect(u[4].duration).to_be_near(5.5)
  end)

  it("are nil for an untimed utterance", function()
    expect(u[5].start_time).to_be_nil()
    expect(u[5].end_time).to_be_nil()
    expect(u[5].duration).to_be_nil()
    expect(u[5].time).to_be_nil()
  end)

  it("give time from the document date and the clock", function()
    expect(u[1].time).to_be("2023-05-10T10:00:00")
    expect(u[3].time).to_be("2023-05-10T10:00:06")
    expect(u[4].time).to_be("2023-05-10T10:01:05")
  end)

  it("give time with fractions of a second", function()
    expect(u[2].time).to_be("2023-05-10T10:00:02.500")
  end)

  it("are nil in an untimed play", function()
    local d = fixture("drama.xml").utterances[1]
    expect(d.start_time).to_be_nil()
    expect(d.time).to_be_nil()
  end)
end)

describe("lang", function()
  local c = fixture("spoken.xml")

  it("is inherited from TEI", function()
    expect(c.utterances[1].lang).to_be("en")
  end)

  it("is the utterance's own xml:lang", function()
    expect(c.utterances[6].lang).to_be("de")
  end)

  it("is nil when nothing declares one", function()
    expect(fixture("drama.xml").utterances[1].lang).to_be_nil()
  end)
end)

describe("events", function()
  local c = fixture("spoken.xml")
  local u = c.utterances

  it("list a pause with its duration", function()
    local e = u[1].events
    expect(#e).to_be(1)
    expect(e[1].type).to_be("pause")
    expect(e[1].duration).to_be_near(0.8)
    expect(e[1].desc).to_be_nil()
  end)

  it("list a vocal with desc and who", function()
    local e = u[2].events
    expect(#e).to_be(1)
    expect(e[1].type).to_be("vocal")
    expect(e[1].desc).to_be("laughs")
    expect(e[1].who).to_be("ben")
  end)

  it("list a kinesic", function()
    local e = u[3].events[1]
    expect(e.type).to_be("kinesic")
    expect(e.desc).to_be("nods")
  end)

  it("list an incident inside the utterance", function()
    local e = u[5].events
    expect(#e).to_be(1)
    expect(e[1].type).to_be("incident")
    expect(e[1].desc).to_be("door slams")
    expect(e[1].who).to_be_nil()
  end)

  it("do not give an utterance the incident between utterances", function()
    local n = 0
    for x in c.utterances:each() do n = n + #x.events end
    expect(n).to_be(4)      -- 5 events in the file, one between utterances
    expect(#u[4].events).to_be(0)
  end)
end)

describe("source", function()
  it("points at the < of the u, as file:line:col", function()
    local c = fixture("spoken.xml")
    expect(c.utterances[1].source).to_be(SPOKEN .. ":32:9")
    expect(c.utterances[6].source).to_be(SPOKEN .. ":40:9")
  end)

  it("points at the < of the sp", function()
    local d = fixture("drama.xml")
    expect(d.utterances[1].source).to_be(DRAMA .. ":39:11")
    expect(d.utterances[3].source).to_be(DRAMA .. ":43:11")
  end)
end)

describe("printing and equality", function()
  local c = fixture("spoken.xml")
  local u = c.utterances

  it("prints as a sentence with the start time", function()
    expect(tostring(u[1])).to_be('utterance 1 of talk by ana at 00:00:00: "Good morning everyone"')
    expect(tostring(u[4])).to_be('utterance 4 of talk by zed at 00:01:05: "who is this"')
  end)

  it("names both speakers", function()
    expect(tostring(u[3])).to_be('utterance 3 of talk by ana and ben at 00:00:06: "yes indeed"')
  end)

  it("leaves out the time when untimed", function()
    expect(tostring(u[5])).to_be('utterance 5 of talk by unknown: "hello again"')
  end)

  it("cuts a long text at about 60 characters", function()
    local long
    for x in corpus.utterances:each() do
      if #x.text > 80 then long = x break end
    end
    expect(long).to_be_truthy()
    local s = tostring(long)
    expect(s).to_match('%.%.%."$')
    expect(s).to_contain(long.text:sub(1, 40))
    expect(#s < #long.text + 60).to_be(true)
  end)

  it("compares by corpus and index", function()
    expect(u[2] == u.u2).to_be(true)
    expect(u[2] == c.participants.ben.utterances[1]).to_be(true)
    expect(u[2] == u[3]).to_be(false)
  end)

  it("is never equal to another kind of handle", function()
    expect(u[1] == c.documents[1]).to_be(false)
    expect(u[1] == c.participants[1]).to_be(false)
  end)

  it("names its fields on an unknown one", function()
    expect_error(function() return u[1].nope end,
      "an utterance has no field or method 'nope' (fields: id, text, speaker, speakers, " ..
      "addressees, document, segment, index, reply_to, start_time, end_time, duration, time, " ..
      "lang, tokens, word_count, events, annotations, attributes, indent_level, source)")
  end)
end)
