local mt = getmetatable(corpus)
mt.__index = function() return "pwned" end
