--- Draws random numbers from math.random and praxis.random (a test of --seed).
---
--- @usage praxis run tests/scripts/random-draws.lua corpora/samples/spoken.xml --seed 7
return {
  name = "random-draws",
  summary = "Ten draws from math.random and praxis.random",
  categories = { "descriptive", "safe" },
  params = {
    n = { type = "integer", default = 10, doc = "how many draws" },
  },
  run = function(corpus, params)
    local rows = {}
    for i = 1, params.n do
      rows[i] = { i, math.random(1000000), praxis.random(1000000), praxis.random() < 0.5 }
    end
    return praxis.table.new({ "draw", "math_random", "praxis_random", "coin" }, rows)
  end,
}
