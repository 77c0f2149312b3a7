---@meta

---@class praxis.Corpus
--- A loaded corpus: documents, participants, utterances and segments,
--- read-only and kept in memory. Handles and selections keep it alive.
---@field name string the corpus's name (its folder or file name)
---@field title string the title from the TEI header, when there is one
---@field documents praxis.Selection every document, in load order
---@field participants praxis.Selection every participant, in order of declaration
---@field utterances praxis.Selection every utterance, in document order
---@field segments praxis.Selection every segment (scene, thread, agenda item)
---@field organisations table the organisations declared (ParlaMint listOrg)
---@field meta table key/values of the corpus header
---@field warnings table the problems found while importing, with file:line:col
---@field files table the files read
---@field refusals table the files refused, with why
---@usage corpus.participants["priya"]
local Corpus = {}

--- Releases the corpus; any later use of it, its handles or its
--- selections raises "attempt to use a closed corpus". Also runs at the
--- end of a `local c <close> = praxis.open(...)` block.
---@usage local c <close> = praxis.open("corpora/samples/spoken.xml"); c:close()
function Corpus:close() end

--- The counts `praxis info` prints: files, documents, participants,
--- speaking participants, utterances, tokens, types, segments, events,
--- warnings and errors.
---@return table
---@usage corpus:summary().tokens
function Corpus:summary() end
