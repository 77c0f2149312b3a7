local u = corpus.utterances[1]
getmetatable(u).__tostring = function() return "pwned" end
