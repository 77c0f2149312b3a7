-- participant_spec.lua - participant handles.
--
-- spoken.xml: ana (F, 34, host, persName forename+surname), ben (sex 1 =
-- ISO 5218 male, 40), cleo (sex "female", no name), dora (n="Dory", sex
-- "x", age "old", never speaks); zed is only used in @who; one u has a
-- blank @who (-> unknown). u3 is spoken by ana and ben together.

local SPOKEN = FIXTURES .. "spoken.xml"

describe("declared persons", function()
  local c = fixture("spoken.xml")
  local ana, ben, cleo, dora = c.participants.ana, c.participants.ben, c.participants.cleo,
      c.participants.dora

  it("are praxis.Participant handles", function()
    expect(ana).to_be_a("praxis.Participant")
  end)

  it("have their xml:id as id", function()
    expect(ana.id).to_be("ana")
    expect(dora.id).to_be("dora")
  end)

  it("join forename and surname of persName into name", function()
    expect(ana.name).to_be("Ana Silva")
  end)

  it("take a plain persName as name", function()
    expect(ben.name).to_be("Ben Low")
  end)

  it("fall back to the id for name", function()
    expect(cleo.name).to_be("cleo")
  end)

  it("take @n as name when there is no persName", function()
      expect(dora.name).to_be("Dory")
    end)

  it("have a role from @role, nil without one", function()
    expect(ana.role).to_be("host")
    expect(ben.role).to_be_nil()
  end)

  it("normalise sex F to female", function()
    expect(ana.sex).to_be("female")
  end)

  it("normalise ISO 5218 sex 1 to male", function()
    expect(ben.sex).to_be("male")
  end)

  it("keep sex female as female", function()
    expect(cleo.sex).to_be("female")
  end)

  it("give nil for an unusable sex", function()
    expect(dora.sex).to_be_nil()
  end)

  it("have age in years", function()
    expect(ana.age).to_be(34)
    expect(ben.age).to_be(40)
  end)

  it("give nil for a missing or unparsable age", function()
    expect(cleo.age).to_be_nil()
    expect(dora.age).to_be_nil()
  end)

  it("keep the raw attributes", function()
    expect(ana.attributes.sex).to_be("F")
    expect(ana.attributes.age).to_be("34")
    expect(ana.attributes.role).to_be("host")
    expect(ben.attributes.sex).to_be("1")
    expect(dora.attributes.age).to_be("old")
    expect(dora.attributes.n).to_be("Dory")
    expect(dora.attributes.sex).to_be("x")
  end)

  it("have no affiliation attribute without affiliations", function()
    expect(ana.attributes.affiliation).to_be_nil()
    expect(#ana.affiliations).to_be(0)
  end)

  it("are declared", function()
    expect(ana.declared).to_be(true)
    expect(ana.group).to_be(false)
  end)

  it("point their source at the person element", function()
    expect(ana.source).to_be(SPOKEN .. ":13:11")
    expect(dora.source).to_be(SPOKEN .. ":16:11")
  end)

  it("credit an utterance of two speakers to both", function()
    expect(ids(ana.utterances)).to_be("u1,u3")
    expect(ids(ben.utterances)).to_be("u2,u3")
  end)

  it("have no utterances and no documents when silent", function()
    expect(#dora.utterances).to_be(0)
    expect(#dora.documents).to_be(0)
  end)

  it("list the documents they speak in", function()
    expect(ids(ana.documents)).to_be("talk")
  end)

  it("print with id, name and corpus", function()
    expect(tostring(ana)).to_be('participant ana "Ana Silva" (spoken)')
  end)

  it("print without a name when the name is the id", function()
    expect(tostring(cleo)).to_be("participant cleo (spoken)")
  end)

  it("are equal when they are the same participant", function()
    expect(ana == c.utterances[1].speaker).to_be(true)
    expect(ana == c.participants[1]).to_be(true)
    expect(ana == ben).to_be(false)
  end)

  it("name their fields on an unknown one", function()
    expect_error(function() return ana.nope end,
      "a participant has no field or method 'nope' (fields: id, name, role, sex, age, group, " ..
      "declared, index, attributes, affiliations, utterances, documents, source)")
  end)

  it("are listed in declaration order, then undeclared, then unknown", function()
    expect(ids(c.participants)).to_be("ana,ben,cleo,dora,zed,unknown")
  end)
end)

describe("undeclared and unknown participants", function()
  local c = fixture("spoken.xml")
  local zed, unknown = c.participants.zed, c.participants.unknown

  it("add a participant for an id used only in @who", function()
    expect(zed).to_be_a("praxis.Participant")
    expect(zed.declared).to_be(false)
    expect(zed.name).to_be("zed")
    expect(zed.sex).to_be_nil()
  end)

  it("credit the undeclared speaker's utterance", function()
    expect(ids(zed.utterances)).to_be("talk.u4")
  end)

  it("point an undeclared participant's source at the utterance that names it", function()
    expect(zed.source).to_be(SPOKEN .. ":38:9")
  end)

  it("add one participant 'unknown' for a blank @who", function()
    expect(unknown.id).to_be("unknown")
    expect(unknown.declared).to_be(false)
    expect(ids(unknown.utterances)).to_be("talk.u5")
    expect(c.utterances["talk.u5"].speaker == unknown).to_be(true)
  end)

  it("has no 'unknown' participant when every @who is filled", function()
    expect(fixture("drama.xml").participants.unknown).to_be_nil()
  end)
end)

describe("drama characters", function()
  local c = fixture("drama.xml")

  it("normalise DraCor's MALE and FEMALE", function()
    expect(c.participants.hans.sex).to_be("male")
    expect(c.participants.grete.sex).to_be("female")
    expect(c.participants.hans.attributes.sex).to_be("MALE")
  end)

  it("include a personGrp as a group, named by its name", function()
    local w = c.participants.wachen
    expect(w.group).to_be(true)
    expect(w.name).to_be("Die Wachen")
    expect(w.attributes.size).to_be("3")
  end)

  it("credit a two-speaker sp to both, counted once in the corpus", function()
    expect(#c.participants.hans.utterances).to_be(2)
    expect(#c.participants.grete.utterances).to_be(3)
    expect(#c.participants.wachen.utterances).to_be(1)
    expect(#c.utterances).to_be(5)
  end)

  it("are not taken from the castList a second time", function()
    expect(#c.participants).to_be(3)
  end)
end)

describe("affiliations", function()
  local c = fixture("community")
  local lea, max, kim = c.participants.lea, c.participants.max, c.participants.kim

  it("come from the header-only corpus file", function()
    expect(lea.name).to_be("Lea Berg")
    expect(lea.sex).to_be("female")      -- ISO 5218: 2
    expect(lea.age).to_be(29)
    expect(lea.source).to_be(FIXTURES .. "community/corpus.xml:16:11")
  end)

  it("are listed with org, role, dates and the org's role and name", function()
    local a = lea.affiliations
    expect(#a).to_be(2)
    expect(a[1].org).to_be("north")
    expect(a[1].role).to_be("member")
    expect(a[1].from).to_be("2019-01-01")
    expect(a[1].to).to_be("2021-06-30")
    expect(a[1].org_role).to_be("unit")
    expect(a[1].org_name).to_be("North Chapter")
    expect(a[2].org).to_be("board")
    expect(a[2].role).to_be("chair")
    expect(a[2].to).to_be_nil()
  end)

  it("are joined into attributes.affiliation", function()
    expect(lea.attributes.affiliation).to_be("north board")
    expect(max.attributes.affiliation).to_be("north")
    expect(kim.attributes.affiliation).to_be_nil()
  end)

  local function at(p, date, opts)
    local out = {}
    for _, a in ipairs(p:affiliation_at(date, opts)) do out[#out + 1] = a.org .. "/" .. a.role end
    return table.concat(out, ",")
  end

  it("hold from their first day", function()
    expect(at(lea, "2019-01-01")).to_be("north/member")
    expect(at(lea, "2021-07-01")).to_be("board/chair")
  end)

  it("do not hold before they begin", function()
    expect(at(lea, "2018-12-31")).to_be("")
  end)

  it("hold on their last day, the to date", function()
    expect(at(lea, "2021-06-30")).to_be("north/member")
  end)

  it("hold without an end ever after", function()
    expect(at(lea, "2030-01-01")).to_be("board/chair")
  end)

  it("all overlap a partial date that covers both", function()
    expect(at(lea, "2021")).to_be("north/member,board/chair")
    expect(at(lea, "2021-06")).to_be("north/member")
  end)

  it("compare a partial from date as its year", function()
    expect(at(max, "2019-12-31")).to_be("")
    expect(at(max, "2020-01-01")).to_be("north/member")
  end)

  it("filter by the person's role", function()
    expect(at(lea, "2021", { role = "chair" })).to_be("board/chair")
    expect(at(lea, "2022", { role = "member" })).to_be("")
  end)

  it("filter by the organisation's role", function()
    expect(at(lea, "2021", { org_role = "unit" })).to_be("north/member")
    expect(at(lea, "2020", { org_role = "committee" })).to_be("")
  end)

  it("are empty for a person without affiliations", function()
    expect(at(kim, "2022")).to_be("")
  end)

  it("want a date", function()
    expect_error(function() lea:affiliation_at() end,
      "bad argument #1 to 'affiliation_at' (string expected, got no value)")
  end)

  it("want an options table", function()
    expect_error(function() lea:affiliation_at("2020", "chair") end,
      "bad argument #2 to 'affiliation_at' (table expected, got string)")
  end)
end)

describe("one person across documents", function()
  local c = fixture("community")

  it("is one participant with the utterances of both meetings", function()
    expect(ids(c.participants.lea.utterances)).to_be("m1.a,m1.c,m2.a")
    expect(ids(c.participants.lea.documents)).to_be("m1,m2")
  end)

  it("is declared in the component file, others in a document", function()
    expect(c.participants.kim.source).to_be(FIXTURES .. "community/meet2.xml:13:11")
    expect(ids(c.participants.kim.documents)).to_be("m2")
  end)
end)
