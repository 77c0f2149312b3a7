-- one call of Lua's own C library that runs for many seconds without a
-- Lua instruction: table.sort of 20 million numbers with no comparator
-- (no hook runs inside it, and nothing polls the interrupt flag). The
-- numbers are made a million at a time by C calls, so that the script
-- reaches the sort within its first second.
local chunk = {}
for i = 1, 1000000 do chunk[i] = (i * 7919) % 1000003 end
local t = {}
for k = 0, 19 do table.move(chunk, 1, #chunk, k * #chunk + 1, t) end
table.sort(t)
print(t[1])
