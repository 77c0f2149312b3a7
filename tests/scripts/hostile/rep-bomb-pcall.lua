-- string.rep of 1 GiB, caught, and again: the memory limit still ends it
while true do pcall(string.rep, "x", 1 << 30) end
