---@meta
-- The praxis module and the globals of the REPL, -e and scripts.

---@class praxis
--- The Praxis module: open corpora, read tables, plot, get help.
---@field version string the version of Praxis, "0.1.0"
---@field table praxis.table making and reading praxis tables
---@field Table praxis.Table the methods every praxis table has
---@field plot praxis.plot plots of tables (SVG, PNG, terminal)
---@field graph praxis.graph functions over several interaction graphs
---@field help praxis.help the documentation behind help()
---@field repl praxis.repl what the REPL's dot-commands call
---@usage praxis.version
praxis = {}

--- Loads TEI files, folders (read recursively) or a list of them.
--- Files that cannot be read safely are refused with their
--- file:line:column on stderr and the rest loads; it is an error when
--- nothing could be loaded.
---@param path string|table a file, a folder, or a list of them
---@param opts? table {participants = "corpus"|"per_document"}: how ids are matched across documents
---@return praxis.Corpus
---@usage praxis.open("corpora/alinsu")
function praxis.open(path, opts) end

--- Prints each value as the REPL does: handles as sentences, selections
--- as a count and their first rows, tables aligned, plain tables nested.
---@param ... any the values
---@usage praxis.show(corpus.participants["priya"], {1, 2, 3})
function praxis.show(...) end

--- The text a value prints as in the REPL.
---@param v any the value
---@param mode? string "table" (aligned, the default), "csv", "tsv", "json" or "markdown"
---@return string
---@usage praxis.format(corpus.documents:head(3))
function praxis.format(v, mode) end

--- Reads a csv (RFC 4180), tsv, json (an array of objects) or markdown
--- file into a praxis table; the format comes from the extension or
--- opts.format. Columns whose every value is a number become numbers.
--- Returns nil and a message when the file cannot be opened.
---@param path string the file
---@param opts? table {format = "csv"|"tsv"|"json"|"markdown", types = false to keep text}
---@return praxis.Table|nil
---@usage praxis.read_table("tests/lua/fixtures/turns.csv")
function praxis.read_table(path, opts) end

--- Shows a progress bar on stderr for a long analysis, when stderr is a
--- terminal (silent otherwise); call it as the work goes on, and with
--- done = total at the end to clear the bar.
---@param done number how much is done
---@param total number how much there is
---@param label? string what is being done
---@usage for i = 1, 100 do praxis.progress(i, 100, "counting") end
function praxis.progress(done, total, label) end

---@type praxis.Corpus
--- The loaded corpus: the bundled sample `alinsu` unless you name
--- others on the command line; `.open` replaces it.
---@usage corpus
corpus = nil

--- Documentation: help() gives a tour, help(x) documents any praxis value
--- or function, help("name") looks a name up.
---@param x? any a value, a function, or a name
---@usage help(corpus.utterances)
function help(x) end
