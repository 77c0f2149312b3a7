local f = praxis.output("planted.txt")
f:write("pwned")
f:close()
