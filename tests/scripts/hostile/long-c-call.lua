-- one call into the core that runs for a long time without returning to
-- Lua: a million rounds of the brokerage null model
local g = corpus.utterances:interactions("next"):graph()
return g:brokerage("sex", { null = 1000000 })
