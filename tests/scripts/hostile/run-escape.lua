return {
  name = "run-escape", summary = "tries io inside run", categories = { "safe" },
  run = function(corpus) io.open("pwned", "w") end,
}
