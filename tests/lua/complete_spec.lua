-- complete_spec.lua - what Tab offers (praxis.repl.complete), without a
-- terminal: tests/repl/complete_*.sh drive the same through readline.

local R = praxis.repl

-- the candidates for a line with the cursor at its end, readline's word
-- starting at `start` (0-based)
local function complete(line, start)
  local out = R.complete(line, start or 0, #line, line:sub((start or 0) + 1))
  if type(out) == "table" then table.sort(out) return table.concat(out, " ") end
  return out
end

describe("completion", function()
  rawset(_G, "spec_u", corpus.utterances[1])
  rawset(_G, "spec_s", corpus.utterances)

  it("offers fields after '.' and methods after ':' on a handle", function()
    expect(complete("spec_u.te")).to_be("spec_u.text")
    expect(complete("spec_u:te")).to_be("")
    expect(complete("corpus:su")).to_be("corpus:summary")
    expect(complete("corpus.su")).to_be("")
  end)

  it("offers methods after ':' and no methods after '.' on a selection", function()
    expect(complete("spec_s:whe")).to_be("spec_s:where")
    expect(complete("spec_s.whe")).to_be("")
  end)

  it("offers every key of a module after '.'", function()
    expect(complete("praxis.table.ne")).to_be("praxis.table.new")
  end)

  it("offers where{}'s own keys and the items' fields inside where{", function()
    -- readline's word starts after "{"
    local line = "corpus.utterances:where{spe"
    expect(complete(line, #line - 3)).to_be("speaker speakers")
    line = 'corpus.utterances:where{speaker = "priya", af'
    expect(complete(line, #line - 2)).to_be("after")
    line = "corpus.participants:where{spe"
    expect(complete(line, #line - 3)).to_be("speaking")
    line = "corpus.documents:where{ki"
    expect(complete(line, #line - 2)).to_be("kind")
  end)

  it("completes no key where a value is typed", function()
    local line = "corpus.utterances:where{speaker = spe"
    expect(complete(line, #line - 3)).not_to_be("speaker speakers")
  end)

  it("leaves paths to readline: in a string and after .open, .read, .output, .once", function()
    expect(complete('p = "/usr/sh', 5)).to_be("files")
    expect(complete(".open corp", 6)).to_be("files")
    expect(complete(".read /tmp/x", 6)).to_be("files")
    expect(R.path_at(".output /tmp/")).to_be(true)
    expect(R.path_at("corpus.par")).to_be(false)
  end)

  it("offers the values of .mode and .timer", function()
    expect(complete(".mode cs", 6)).to_be("csv")
    expect(complete(".timer o", 7)).to_be("off on")
  end)

  rawset(_G, "spec_u", nil)
  rawset(_G, "spec_s", nil)
end)
