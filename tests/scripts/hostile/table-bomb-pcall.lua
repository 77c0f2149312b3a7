local t = {}
while true do pcall(function() for i = 1, math.huge do t[#t + 1] = {i} end end) end
