-- code at load time, before the spec is returned
local f = praxis.output("early.txt")
f:write("written before the spec")
f:close()
return {
  name = "load-time", summary = "writes at load time", categories = { "safe" },
  run = function() end,
}
