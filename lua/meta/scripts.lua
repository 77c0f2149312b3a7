---@meta

--- Runs a shared script (a name from `praxis scripts`, or a .lua file)
--- on a corpus and returns its results: a praxis table or a table of
--- them. Sandboxed unless opts.trust (docs/scripts.md); parameters are
--- checked against the script's spec before it runs (strings are
--- converted as on the command line). The `.run NAME k=v` dot-command
--- calls it.
---@param name string a script's name or file
---@param params? table name = value
---@param opts? table {corpus =, out = folder for the results and manifest.json, timeout = seconds, max_memory = MB, seed = 1, trust = false}
---@return any
---@usage praxis.run("participation", {min_utterances = 100}).by_participant
function praxis.run(name, params, opts) end

--- The shared scripts found in PRAXIS_PATH, the user's scripts folder,
--- the project's scripts/ and the installed share folder: a praxis table
--- of name, categories, summary and path. pattern selects by category,
--- name (a substring or a glob) or an expression ("network and not
--- slow"). The `.scripts` dot-command calls it.
---@param pattern? string a category, a name, a glob or an expression
---@return praxis.Table
---@usage praxis.scripts("descriptive")
function praxis.scripts(pattern) end

--- In a script run by `praxis run` or praxis.run: a file handle opened
--- for writing inside the run's output folder (--out, or a new folder
--- named after the script and the time). Names are relative, without
--- "..", and never follow a symbolic link. Elsewhere it writes through
--- praxis.output_open when the host has one, and is an error otherwise.
---@param name string a file name inside the output folder ("codes/counts.csv")
---@return file
---@usage praxis.output("counts.csv"):write("term,count\n")
function praxis.output(name) end

--- A random number from Praxis's own generator (xoshiro256**), which
--- `praxis run` seeds from --seed (1 by default) as it seeds
--- math.random: as math.random, a float in [0, 1), an integer in [1, m]
--- or one in [m, n].
---@param m? integer
---@param n? integer
---@return number
---@usage praxis.random(6)
function praxis.random(m, n) end

--- Restarts Praxis's random generator from a seed.
---@param seed integer
---@usage praxis.randomseed(42)
function praxis.randomseed(seed) end

--- The SHA-256 digest (FIPS 180-4) of a string, as 64 hex digits.
---@param s string
---@return string
---@usage praxis.sha256("abc")
function praxis.sha256(s) end
