---@meta

---@class praxis.repl
--- What the REPL does, as Lua functions: each dot-command is the sugar of
--- one of them, so scripts and .read files can do the same.
---@usage praxis.repl.mode()
local repl = {}

--- Runs a chunk as typed at the prompt: a bare expression prints its
--- value (so does =expr); an error prints the message and the line of
--- the code. Returns true when it ran.
---@param chunk string Lua code
---@param name? string the chunk's name for messages ("=stdin")
---@return boolean
---@usage praxis.repl.eval("1 + 1")
function repl.eval(chunk, name) end

--- .read FILE: runs a file of Lua and dot-commands as if typed (files may
--- read others, 16 deep at most).
---@param path string
---@usage praxis.repl.read("tests/repl/session.praxis")
function repl.read(path) end

--- .mode: how results print, "table" (aligned), "csv", "tsv", "json" or
--- "markdown"; without an argument, the current mode.
---@param mode? string
---@return string
---@usage praxis.repl.mode("table")
function repl.mode(mode) end

--- .output FILE: results go to the file from now on; .output alone (or
--- nil): back to the screen.
---@param path? string
---@usage praxis.repl.output()
function repl.output(path) end

--- .once FILE: the results of the next chunk go to the file.
---@param path string
---@usage praxis.repl.once("/dev/null")
function repl.once(path) end

--- .timer on|off: print how long each chunk took (on stderr).
---@param on? string|boolean
---@return boolean
---@usage praxis.repl.timer("off")
function repl.timer(on) end

--- .traceback on|off: errors show the whole traceback, or the message and
--- the line of your code (the default).
---@param on? string|boolean
---@return boolean
---@usage praxis.repl.traceback("off")
function repl.traceback(on) end

--- .open CORPUS...: loads a corpus and makes it the global `corpus`.
---@param ... string files or folders
---@return praxis.Corpus
---@usage praxis.repl.open("corpora/alinsu")
function repl.open(...) end

--- Runs one dot-command line; returns true for .quit.
---@param line string
---@return boolean
---@usage praxis.repl.dot(".mode table")
function repl.dot(line) end

--- Tab completion: the candidates for the word before the cursor, from
--- the same documentation as help: fields after ".", methods after ":",
--- keys inside where{...}; "files" for a path (inside a string, or after
--- .open, .read, .output, .once).
---@param line string the whole line
---@param start integer where readline's word starts (0-based)
---@param stop integer the cursor (0-based)
---@param text string readline's word
---@return table|string
---@usage praxis.repl.complete("corpus.par", 0, 10, "corpus.par")
function repl.complete(line, start, stop, text) end

--- The names completion offers after "." or ":" on a value. On a value of
--- a praxis type, "." offers its fields (properties) and ":" its methods;
--- on a module or another table, "." offers every key and ":" its
--- functions.
---@param v any
---@param sep string "." or ":"
---@return table
---@usage praxis.repl.members(corpus.utterances, ":")
function repl.members(v, sep) end

--- Is the end of `before` in a file path: inside a string, or in the
--- argument of .open, .read, .output or .once? Then Tab completes the
--- whole path, "/" included.
---@param before string the line up to the cursor
---@return boolean
---@usage praxis.repl.path_at('.open corpora/al')
function repl.path_at(before) end
