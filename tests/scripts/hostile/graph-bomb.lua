-- keeps every interaction network it builds: their memory is the core's
-- and igraph's (malloc), outside the Lua heap
local keep = {}
while true do
  keep[#keep + 1] = corpus.utterances:interactions("copresence"):graph()
end
