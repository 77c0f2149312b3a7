local c = praxis.open("/etc")
print(c)
