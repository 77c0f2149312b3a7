---@meta

---@class praxis.help
--- The documentation behind help(), .help and tab completion, read from
--- the LuaCATS files lua/meta/*.lua compiled into Praxis. Calling
--- praxis.help(x) is help(x).
---@usage praxis.help("where")
local helpmod = {}

--- Prints documentation: the tour, a value's or function's, or a name's.
---@param x? any
---@usage praxis.help.help("Selection")
function helpmod.help(x) end

--- .help PATTERN: lists the dot-commands and documented names whose name
--- or text contains the pattern (names starting with it first).
---@param pattern? string
---@usage praxis.help.search("csv")
function helpmod.search(pattern) end

--- The entries whose name or text contains a pattern (plain text, any
--- case); names that start with it come first.
---@param pattern string
---@return table
---@usage #praxis.help.search_entries("table")
function helpmod.search_entries(pattern) end

--- The documented name of a function ("selection:where"), or nil.
---@param f function
---@return string|nil
---@usage praxis.help.name_of(praxis.open)
function helpmod.name_of(f) end

--- The class name of a value ("praxis.Selection"), or nil.
---@param v any
---@return string|nil
---@usage praxis.help.class_of(corpus.utterances)
function helpmod.class_of(v) end

--- The documented members of a class: which = "methods", "fields" or "all".
---@param class string
---@param which? string
---@return table
---@usage praxis.help.members("praxis.Utterance", "fields")
function helpmod.members(class, which) end

--- Every documented entry (functions, fields, values) in file order.
---@return table
---@usage #praxis.help.entries()
function helpmod.entries() end

--- Every documented class: the module and the core types first, then the
--- others in the order of the meta files.
---@return table
---@usage #praxis.help.classes()
function helpmod.classes() end

--- The function a documented name stands for, when it exists.
---@param full string a full name such as "praxis.Selection:where"
---@return any
---@usage praxis.help.resolve("praxis.open")
function helpmod.resolve(full) end

--- How an entry is called, e.g. "selection:where(cond)".
---@param entry table
---@return string
---@usage praxis.help.signature(praxis.help.entries()[1])
function helpmod.signature(entry) end

--- The help text of one entry.
---@param entry table
---@return string
---@usage praxis.help.entry_text(praxis.help.entries()[1])
function helpmod.entry_text(entry) end

--- The help text of a class.
---@param class table
---@return string
---@usage praxis.help.class_text(praxis.help.classes()[1])
function helpmod.class_text(class) end

--- Public functions without documentation: every C method of a praxis
--- type, every function of praxis tables, every field of praxis.
---@return table names
---@usage praxis.help.missing()
function helpmod.missing() end

--- Documented functions that do not exist.
---@return table names
---@usage praxis.help.stale()
function helpmod.stale() end

--- Adds documentation in the meta format (for extensions).
---@param src string the text of a meta file
---@param file? string its name
---@usage praxis.help.add("---@class my.Thing\n--- A thing.\nlocal Thing = {}\n", "thing")
function helpmod.add(src, file) end
