-- first-analysis.lua: how much each participant talks, session by session.
-- Run: praxis run docs/examples/first-analysis.lua corpora/alinsu
local sessions = corpus.documents
io.write(string.format("%-10s", "speaker"))
for d in sessions:each() do io.write(string.format("%6s", d.id)) end
io.write("\n")
for p in corpus.participants:where{speaking = true}:each() do
  io.write(string.format("%-10s", p.id))
  for d in sessions:each() do
    io.write(string.format("%6d", #d.utterances:where{speaker = p}))
  end
  io.write("\n")
end
