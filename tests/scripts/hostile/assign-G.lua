_G.leak = true
