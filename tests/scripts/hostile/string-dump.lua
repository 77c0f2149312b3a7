local s = string.dump(function() return 1 end)
print(#s)
