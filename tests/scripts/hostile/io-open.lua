local f = io.open("pwned", "w")
f:write("x")
