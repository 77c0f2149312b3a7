---@meta

---@class praxis.Document
--- One transcript, play, thread or debate day (one TEI text).
---@field id string the document's id
---@field title string its title
---@field date string its date, ISO 8601, when the header gives one
---@field kind string "spoken", "drama", "cmc" or "debate"
---@field path string the file it came from
---@field lang string its language, when declared
---@field index integer its position in the corpus (1-based)
---@field meta table key/values from its header
---@field utterances praxis.Selection its utterances, in order
---@field segments praxis.Selection its segments
---@field participants praxis.Selection the participants who speak in it
---@field source string "file:line:col" of its TEI element
---@usage corpus.documents["s01"].date
local Document = {}
