--- Gaps and overlaps at speaker changes, and floor holding, for timed corpora.
---
--- At every change of speaker between two timed utterances that follow
--- each other in a segment, the floor-transfer offset is the start of the
--- new speaker's utterance minus the end of the previous one: a gap when
--- it is zero or more, an overlap when it is negative (Heldner & Edlund
--- 2010). The offset is credited to the participant who takes the floor.
--- Floor holding is measured by turns (maximal runs of one speaker's
--- utterances in a segment): their count, mean and longest duration, and
--- each participant's share of the talk time. Seconds throughout.
---
--- A corpus without timed utterances (start and end times) gives one row:
--- "not applicable: the corpus has no timed utterances".
---
--- @usage praxis run turn-timing corpora/alinsu
--- @usage praxis run turn-timing corpora/alinsu -p long_gap=2 --mode csv
--- @output
--- by_participant
--- participant  transitions  gaps  overlaps  median_offset  mean_gap  mean_overlap  long_gaps  turns  …
--- @see Heldner & Edlund 2010, J. Phonetics 38(4):555-568 (pauses, gaps and overlaps)
--- @see Levinson & Torreira 2015, Front. Psychol. 6:731 (gaps of about 200 ms)
--- @see docs/methods.md, section 2 (turn timing)
local turns = require("turns")

local round = turns.round

-- the statistics of a list of floor-transfer offsets
local function offsets(list, long_gap)
  local gaps, overlaps, long = {}, {}, 0
  for _, x in ipairs(list) do
    if x >= 0 then
      gaps[#gaps + 1] = x
      if x > long_gap then long = long + 1 end
    else
      overlaps[#overlaps + 1] = -x
    end
  end
  local function mean(xs)
    if #xs == 0 then return nil end
    local s = 0
    for _, x in ipairs(xs) do s = s + x end
    return s / #xs
  end
  local copy = {}
  for i, x in ipairs(list) do copy[i] = x end
  return {
    transitions = #list, gaps = #gaps, overlaps = #overlaps,
    median = round(turns.median(copy), 3), mean_gap = round(mean(gaps), 3),
    mean_overlap = round(mean(overlaps), 3), long = long,
    long_share = #list > 0 and round(long / #list, 4) or nil,
  }
end

return {
  name = "turn-timing",
  summary = "Gaps, overlaps and floor holding at speaker changes (timed corpora)",
  categories = { "engagement", "descriptive", "safe" },
  outputs = { "by_participant", "by_document" },
  params = {
    long_gap = { type = "number", default = 1.0, choices = { { 0, math.huge } }, doc = "a gap longer than this many seconds counts as long" },
  },
  run = function(corpus, params)
    local timed = 0
    for u in corpus.utterances:each() do
      if u.start_time and u.end_time then timed = timed + 1 end
    end
    if timed == 0 then return turns.not_applicable("the corpus has no timed utterances") end

    local P = {}           -- participant id -> {fto = {}, turns = {}, talk = seconds}
    local function of(id)
      local s = P[id]
      if not s then s = { fto = {}, turns = {}, talk = 0 }; P[id] = s end
      return s
    end
    local drows, total_talk = {}, 0
    for d in corpus.documents:each() do
      local fto, dturns = {}, {}
      local first_start, last_end, overlaps = nil, nil, 0
      local prev                       -- previous utterance in the segment
      local open = {}                  -- speaker id -> start of their current turn
      local last_end_of = {}           -- speaker id -> end of their latest utterance
      local function close_turn(id)
        if open[id] and last_end_of[id] then
          local dur = last_end_of[id] - open[id]
          of(id).turns[#of(id).turns + 1] = dur
          dturns[#dturns + 1] = dur
        end
        open[id] = nil
      end
      local current_seg
      turns.each_utterance(d, function(u, ids, previous, seg)
        if seg ~= current_seg then
          for id in pairs(open) do close_turn(id) end
          current_seg, prev = seg, nil
        end
        local s, e = u.start_time, u.end_time
        local is_timed = s ~= nil and e ~= nil
        if is_timed then
          first_start = first_start and math.min(first_start, s) or s
          last_end = last_end and math.max(last_end, e) or e
        end
        -- turns: a speaker of the previous utterance who is not one of
        -- this one's ends a turn
        for id in pairs(previous) do
          local still = false
          for _, x in ipairs(ids) do if x == id then still = true end end
          if not still then close_turn(id) end
        end
        for _, id in ipairs(ids) do
          if is_timed then
            of(id).talk = of(id).talk + (e - s)
            total_talk = total_talk + (e - s)
            if not previous[id] or open[id] == nil then open[id] = open[id] or s end
            last_end_of[id] = e
          else
            open[id] = nil
          end
        end
        -- the floor-transfer offset at a change of speaker
        if prev and is_timed and prev.e ~= nil then
          local changed = true
          for _, id in ipairs(ids) do if prev.set[id] then changed = false end end
          if changed then
            local x = s - prev.e
            fto[#fto + 1] = x
            if x < 0 then overlaps = overlaps + 1 end
            for _, id in ipairs(ids) do table.insert(of(id).fto, x) end
          end
        end
        local set = {}
        for _, id in ipairs(ids) do set[id] = true end
        prev = { e = is_timed and e or nil, set = set }
      end)
      for id in pairs(open) do close_turn(id) end
      if first_start then
        local o = offsets(fto, params.long_gap)
        local minutes = (last_end - first_start) / 60
        local sum = 0
        for _, x in ipairs(dturns) do sum = sum + x end
        drows[#drows + 1] = { d.id, o.transitions, o.gaps, o.overlaps, o.median, o.mean_gap, o.mean_overlap,
          o.long, o.long_share, minutes > 0 and round(overlaps / minutes, 3) or nil, #dturns,
          #dturns > 0 and round(sum / #dturns, 3) or nil, round(minutes, 3) }
      end
    end
    local prows = {}
    for p in corpus.participants:each() do
      local s = P[p.id]
      if s and (#s.turns > 0 or #s.fto > 0) then
        local o = offsets(s.fto, params.long_gap)
        local sum, longest = 0, nil
        for _, x in ipairs(s.turns) do
          sum = sum + x
          longest = longest and math.max(longest, x) or x
        end
        prows[#prows + 1] = { p.id, o.transitions, o.gaps, o.overlaps, o.median, o.mean_gap, o.mean_overlap,
          o.long, #s.turns, #s.turns > 0 and round(sum / #s.turns, 3) or nil, round(longest, 3),
          round(s.talk, 3), total_talk > 0 and round(s.talk / total_talk, 4) or nil }
      end
    end
    return {
      by_participant = praxis.table.new({ "participant", "transitions", "gaps", "overlaps", "median_offset",
        "mean_gap", "mean_overlap", "long_gaps", "turns", "mean_turn_seconds", "longest_turn_seconds",
        "talk_seconds", "talk_share" }, prows),
      by_document = praxis.table.new({ "document", "transitions", "gaps", "overlaps", "median_offset",
        "mean_gap", "mean_overlap", "long_gaps", "long_gap_share", "overlaps_per_minute", "turns",
        "mean_turn_seconds", "minutes" }, drows),
    }
  end,
}
