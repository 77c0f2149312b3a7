---@meta

---@class praxis.Participant
--- A person or group who takes part: one identity across the corpus's
--- documents, except in plays, whose ids are each play's own unless a
--- listPerson outside the plays declares them (docs/semantics.md).
---@field id string the xml:id
---@field name string the name
---@field role string the role, when declared
---@field sex string normalised: "female", "male", "other" or nil
---@field age number the age, when declared
---@field group boolean a group (personGrp) rather than one person
---@field declared boolean declared in a header (not only named by @who)
---@field index integer position in the corpus (1-based)
---@field attributes table every declared attribute, raw, as key/values
---@field affiliations table affiliations with org, role, from, to
---@field utterances praxis.Selection what they say
---@field documents praxis.Selection the documents they speak in
---@field source string "file:line:col" of their declaration
---@usage corpus.participants["priya"].role
local Participant = {}

--- The affiliations that hold on a date (ParlaMint style: party,
--- government role...), optionally only those of a role.
---@param date string an ISO 8601 date
---@param opts? table {role = ..., org_role = ...}
---@return table
---@usage corpus.participants["priya"]:affiliation_at("2024-03-01")
function Participant:affiliation_at(date, opts) end
