-- lifetime_spec.lua - handles and selections keep their corpus alive.

local function full_gc()
  for _ = 1, 4 do collectgarbage("collect") end
end

-- Opens a corpus in a function of its own so that no local keeps it.
local function keep(f)
  return f(fixture("spoken.xml"))
end

describe("dropping the corpus", function()
  it("keeps a participant usable", function()
    local p = keep(function(c) return c.participants.ana end)
    full_gc()
    expect(p.name).to_be("Ana Silva")
    expect(#p.utterances).to_be(2)
    expect(tostring(p)).to_be('participant ana "Ana Silva" (spoken)')
  end)

  it("keeps an utterance usable, with its speaker and document", function()
    local u = keep(function(c) return c.utterances.u2 end)
    full_gc()
    expect(u.text).to_be("Morning Ana the Straße was busy")
    expect(u.speaker.id).to_be("ben")
    expect(u.document.title).to_be("Kitchen talk")
    expect(u.segment.id).to_be("greet")
  end)

  it("keeps a selection usable", function()
    local s = keep(function(c) return c.utterances:where { speaker = "ana" } end)
    full_gc()
    expect(#s).to_be(2)
    expect(ids(s)).to_be("u1,u3")
    expect(ids(s:where { text = "indeed" })).to_be("u3")
  end)

  it("keeps a selection that points into the corpus's arrays usable", function()
    local s = keep(function(c) return c.participants.ben.utterances end)
    full_gc()
    expect(ids(s)).to_be("u2,u3")
  end)

  it("keeps groups from by() usable", function()
    local g = keep(function(c) return c.utterances:by("speaker") end)
    full_gc()
    expect(#g.ana).to_be(2)
    expect(g.cleo[1].text).to_be("Guten Tag alle")
  end)

  it("keeps an each() iterator usable after the selection is dropped", function()
    local it = keep(function(c) return c.documents[1].utterances:each() end)
    full_gc()
    expect(it().id).to_be("u1")
    expect(it().id).to_be("u2")
  end)

  it("keeps handles in a list() usable", function()
    local l = keep(function(c) return c.segments:list() end)
    full_gc()
    expect(l[2].id).to_be("talk.s2")
    expect(#l[2].utterances).to_be(3)
  end)

  it("keeps a handle usable through many collections while others are made", function()
    local p = keep(function(c) return c.participants.zed end)
    for _ = 1, 5 do
      keep(function(c) return c.utterances:list() end)
      full_gc()
    end
    expect(ids(p.utterances)).to_be("talk.u4")
  end)

  it("keeps handles of two dropped corpora apart", function()
    local a = keep(function(c) return c.participants.ana end)
    local b = keep(function(c) return c.participants.ana end)
    full_gc()
    expect(a.id).to_be(b.id)
    expect(a == b).to_be(false)
  end)
end)

describe("handles of two corpora", function()
  local c1, c2 = fixture("spoken.xml"), fixture("spoken.xml")

  it("are not equal even with the same index", function()
    expect(c1.participants.ana == c2.participants.ana).to_be(false)
    expect(c1.utterances[1] == c2.utterances[1]).to_be(false)
    expect(c1.documents[1] == c2.documents[1]).to_be(false)
    expect(c1.segments[1] == c2.segments[1]).to_be(false)
  end)

  it("are equal within one corpus", function()
    expect(c1.participants.ana == c1.participants.ana).to_be(true)
    expect(c2.utterances[1] == c2.utterances.u1).to_be(true)
  end)
end)

describe("closing under a running iteration", function()
  it("makes an each() iterator raise once the corpus is closed", function()
    local c = fixture("spoken.xml")
    local it = c.participants.ana.utterances:each()
    expect(it().id).to_be("u1")
    c:close()
    expect_error(function() it() end, "attempt to use a closed corpus")
  end)

  it("makes where() raise when its function closes the corpus", function()
    local c = fixture("spoken.xml")
    expect_error(function()
      c.participants.ben.utterances:where(function() c:close() return true end)
    end, "attempt to use a closed corpus")
  end)

  it("makes by() raise when its function closes the corpus", function()
    local c = fixture("spoken.xml")
    expect_error(function()
      c.participants.ben.utterances:by(function() c:close() return "x" end)
    end, "attempt to use a closed corpus")
  end)
end)
