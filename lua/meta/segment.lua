---@meta

---@class praxis.Segment
--- A scene, thread or agenda item: the div that holds utterances.
---@field id string its id
---@field type string its type (@type of the div), e.g. "scene"
---@field index integer its position in its document (1-based)
---@field document praxis.Document the document it is in
---@field utterances praxis.Selection its utterances
---@field source string "file:line:col" of its element
---@usage corpus.segments[1].type
local Segment = {}
