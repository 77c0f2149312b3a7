local p = io.popen("id")
print(p:read("a"))
