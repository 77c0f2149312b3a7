local s = "x"
while true do s = table.concat({ s, s, s, s }) end
