local os = require("os")
os.remove("x")
