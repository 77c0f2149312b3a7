local d = ("").dump
print(d(function() end))
