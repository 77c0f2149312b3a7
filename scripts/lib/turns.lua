--- turns.lua - walking a corpus turn by turn, for shared scripts.
---
--- A turn is a maximal run of one speaker's utterances in a segment
--- (docs/semantics.md, "Segments": a segment's utterances in document order). An
--- utterance with several speakers (`sp who="#a #b"`) belongs to a turn
--- of each of them.
local M = {}

--- The ids of an utterance's speakers, as a list and as a set.
function M.speakers(u)
  local list, set = {}, {}
  for p in u.speakers:each() do
    list[#list + 1] = p.id
    set[p.id] = true
  end
  return list, set
end

--- Calls fn(u, ids, previous, segment) for every utterance of document d,
--- segment by segment, in document order: ids lists u's speakers,
--- previous is the set of speakers of the utterance before u in the same
--- segment (empty at a segment's start), so an id of ids that is not in
--- previous starts a turn.
function M.each_utterance(d, fn)
  for seg in d.segments:each() do
    local previous = {}
    for u in seg.utterances:each() do
      local ids, set = M.speakers(u)
      fn(u, ids, previous, seg)
      previous = set
    end
  end
end

--- x rounded to n decimals (nil stays nil).
function M.round(x, n)
  if x == nil then return nil end
  local f = 10 ^ (n or 4)
  return math.floor(x * f + 0.5) / f
end

--- The median of a list of numbers (nil when empty); sorts the list.
function M.median(xs)
  local n = #xs
  if n == 0 then return nil end
  table.sort(xs)
  if n % 2 == 1 then return xs[(n + 1) // 2] end
  return (xs[n // 2] + xs[n // 2 + 1]) / 2
end

--- A table of one row and one column, `note`: how a script says that it
--- does not apply, rather than returning nothing.
function M.not_applicable(reason)
  return praxis.table.new({ "note" }, { { "not applicable: " .. reason } })
end

return M
