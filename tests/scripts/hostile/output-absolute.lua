local f = praxis.output("/tmp/escaped.txt")
f:write("x")
f:close()
