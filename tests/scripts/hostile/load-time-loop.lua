while true do end
return {
  name = "load-time-loop", summary = "loops at load time", categories = { "safe" },
  run = function() end,
}
