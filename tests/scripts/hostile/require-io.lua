local io = require("io")
io.open("pwned", "w")
