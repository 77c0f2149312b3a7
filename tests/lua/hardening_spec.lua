-- hardening_spec.lua - handles are one object per entity, methods called
-- with a dot say so, text= refuses what it does not understand, and a
-- corpus closed by user code in the middle of a where stops it.

describe("one handle per entity", function()
  local c = fixture("spoken.xml")

  it("gives the same userdata for the same speaker reached two ways", function()
    local a, b = c.utterances.u1.speaker, c.participants.ana
    expect(rawequal(a, b)).to_be(true)
    expect(rawequal(c.utterances.u2, c.participants.ben.utterances[1])).to_be(true)
  end)

  it("makes handles work as table keys", function()
    -- u1 and u3 are Ana's, u2 and u3 Ben's (u3 has both): counting by the
    -- speaker handle gives ana 2, ben 1 (u.speaker is the first speaker)
    local count = {}
    for u in c.documents.talk.utterances:each() do
      local p = u.speaker
      if p then count[p] = (count[p] or 0) + 1 end
    end
    expect(count[c.participants.ana]).to_be(2)
    expect(count[c.participants.ben]).to_be(1)
  end)

  it("keeps the same handle across a garbage collection while it is held", function()
    local d = c.documents[1]
    collectgarbage("collect")
    expect(rawequal(d, c.documents.talk)).to_be(true)
  end)

  it("keeps kinds apart: a document and a segment of the same index differ", function()
    expect(rawequal(c.documents[1], c.segments[1])).to_be(false)
    expect(c.documents[1] == c.segments[1]).to_be(false)
  end)
end)

describe("a method called with a dot", function()
  local c = fixture("spoken.xml")

  it("says to use a colon for a selection", function()
    expect_error(function() return c.utterances.where {} end,
      "where: call it with a colon, as in x:where(...); called with a dot it gets no selection")
  end)

  it("says so for the corpus, a handle and a graph too", function()
    expect_error(function() return c.summary() end, "summary: call it with a colon")
    expect_error(function() return c.participants.ana.affiliation_at("2020") end,
      "affiliation_at: call it with a colon")
    local g = c.utterances:interactions("next"):graph()
    expect_error(function() return g.degree() end, "degree: call it with a colon")
  end)
end)

describe("where{text=} refuses what it does not understand", function()
  local s = fixture("spoken.xml").utterances

  it("refuses a wildcard, saying what text= accepts", function()
    expect_error(function() s:where { text = "cobweb*" } end,
      "where{text = \"cobweb*\"}: text= finds words and phrases as they are written")
    expect_error(function() s:where { text = "cobweb*" } end, "'*' is not understood")
    expect_error(function() s:where { text = "cobweb*" } end, "use pattern=")
  end)

  it("refuses regular expression characters and a ? inside a word", function()
    expect_error(function() s:where { text = "morn.*" } end, "'*' is not understood")
    expect_error(function() s:where { text = "[Mm]orning" } end, "'[' is not understood")
    expect_error(function() s:where { text = "good|morning" } end, "'|' is not understood")
    expect_error(function() s:where { text = "colo?r" } end, "'?' is not understood")
  end)

  it("still takes punctuation of ordinary text and a question mark that ends a word", function()
    expect(ids(s:where { text = "Yes, indeed!" })).to_be("u3")
    expect(ids(s:where { text = "indeed?" })).to_be("u3")
  end)
end)

describe("closing the corpus inside a where", function()
  it("stops with an error when a compared value's metamethod closes it", function()
    local c = fixture("spoken.xml")
    local closer = setmetatable({}, { __len = function() c:close(); return 0 end })
    expect_error(function() return c.utterances:where { speaker = "ana", lang = closer } end,
      "attempt to use a closed corpus")
  end)

  it("stops with an error when the pattern search closes it", function()
    local c = fixture("spoken.xml")
    local find = string.find
    string.find = function() c:close(); return nil end
    local ok, err = pcall(function() return c.participants.ben.utterances:where { pattern = "x" } end)
    string.find = find
    expect(ok).to_be(false)
    expect(tostring(err)).to_contain("attempt to use a closed corpus")
  end)

  it("stops with an error when a custom interaction rule's list closes it", function()
    local c = fixture("spoken.xml")
    local rule = function()
      return setmetatable({}, { __len = function() c:close(); return 1 end,
                                __index = function() return "ana" end })
    end
    expect_error(function() return c.utterances:interactions(rule) end,
      "attempt to use a closed corpus")
  end)
end)
