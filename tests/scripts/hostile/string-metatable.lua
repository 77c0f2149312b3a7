getmetatable("").__index.upper = function() return "pwned" end
print(("x"):upper())
