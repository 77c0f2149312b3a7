---@meta

---@class praxis.Selection
--- A list of documents, participants, utterances or segments of one
--- corpus, filtered in C. #s counts, s[i] is the i-th (s[-1] the last),
--- s["id"] finds by id, s:each() iterates.
---@usage corpus.utterances:where{speaker = "priya"}
local Selection = {}

--- Iterates over the items: for u in s:each() do ... end
---@return function
---@usage for d in corpus.documents:each() do print(d.id, d.date) end
function Selection:each() end

--- Keeps the items that pass: conditions by name, or a test function.
--- Utterances: speaker=, document=, segment= (a handle, an id or a list),
--- after=, before= (ISO 8601 dates), text= (a phrase of words),
--- pattern= (a Lua pattern). Participants: speaking=. Documents: after=,
--- before=. Segments: document=. Any other key compares the items'
--- property of that name (participants:where{role = "newcomer"},
--- documents:where{kind = "spoken"}); a key the items do not have is an
--- error.
--- after= is inclusive and before= exclusive, each from the first instant
--- of the date written: after = "2024-06", before = "2024-07" is June;
--- after = "2024-06-12", before = "2024-06-13" is that one day. An
--- utterance is dated by u.time, else by its document's date; with
--- after= or before=, undated items are left out (docs/semantics.md,
--- "Time").
--- text= takes words as they are written: a wildcard or a pattern
--- character ("cobweb*", "[Cc]obweb") is refused; use pattern= for those.
---@param cond table|function conditions, or function(item) returning true to keep it
---@return praxis.Selection
---@usage corpus.utterances:where{speaker = "priya", after = "2024-06"}
function Selection:where(cond) end

--- Groups the items by a property (or a function of the item), in the
--- order the values first appear: {value = selection, ...}.
---@param field string|function a property name, or function(item) returning the key
---@return table groups whose values are selections
---@usage corpus.utterances:by("speaker")
function Selection:by(field) end

--- The items as a Lua list of handles.
---@return table
---@usage #corpus.documents:list()
function Selection:list() end

--- The ids of the items, as a Lua list.
---@return table
---@usage corpus.participants:ids()
function Selection:ids() end

--- The first n items (10 by default), as a selection.
---@param n? integer how many
---@return praxis.Selection
---@usage corpus.utterances:head(3)
function Selection:head(n) end

--- What the selection holds: "documents", "participants", "utterances"
--- or "segments".
---@return string
---@usage corpus.segments:kind()
function Selection:kind() end

--- A praxis table with one row per item and one column per property
--- (any property names; a field may also be name = function(item)).
--- Handles stay handles and are written as their ids; selections become
--- counts. Without fields: id, document, speaker, start_time and text
--- for utterances; id, name, role and sex for participants; id, title,
--- date and kind for documents.
---@param fields? table property names, in column order
---@return praxis.Table
---@usage corpus.utterances:table{"id", "speaker", "start_time", "text"}
function Selection:table(fields) end

--- Writes the selection as a table (csv, tsv, json or md by the
--- extension): s:table(opts.fields):write(path).
---@param path string the file
---@param opts? table {fields = {...}, format = ...}
---@return string the path
---@usage corpus.participants:write("participants.csv")
function Selection:write(path, opts) end

---@class praxis.Groups
--- What s:by() returns: a table from each value to the selection of the
--- items that have it; pairs() walks it in order of first appearance.
---@usage corpus.utterances:by("document")["s01"]
local Groups = {}
