local f = praxis.output("../escaped.txt")
f:write("x")
f:close()
