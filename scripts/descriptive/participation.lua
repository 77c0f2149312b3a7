--- Utterances, words, share of talk and turns, per participant and per document.
---
--- Counts what each participant says: utterances, words (the corpus's
--- tokens), the share of all words they speak, their turns (a turn is a
--- maximal run of one speaker's utterances in a segment) and the mean
--- length of a turn in words. An utterance with several speakers counts
--- for each of them. The first table gives the whole corpus, the second
--- each document; shares are of the corpus's words and of the document's
--- words. Participants who never speak are left out.
---
--- @usage praxis run participation corpora/alinsu
--- @usage praxis run participation corpora/alinsu -p speakers=priya,marta --mode csv
--- @output
--- by_participant
--- participant  name              utterances  words   share  turns  mean_turn_words  documents
--- -----------  ----------------  ----------  -----  ------  -----  ---------------  ---------
--- marta        Marta Okafor             284  3,182  0.1453    275            11.57         10
--- …
--- @see Wenger 1998, ch. 3 (mutual engagement); Lave & Wenger 1991 (legitimate peripheral participation)
--- @see docs/methods.md, section 1 (participation)
local turns = require("turns")

return {
  name = "participation",
  summary = "Utterances, words, share of talk and turns per participant and document",
  categories = { "descriptive", "safe" },
  outputs = { "by_participant", "by_document_participant" },
  requires = "praxis >= 0.1",
  params = {
    speakers = { type = { type = "list", of = "participant" }, optional = true,
      doc = "only these participants (ids, comma-separated)" },
    min_utterances = { type = "integer", default = 1, choices = { { 0, math.huge } },
      doc = "leave out participants with fewer utterances in the corpus" },
  },
  run = function(corpus, params)
    local only
    if params.speakers then
      only = {}
      for _, p in ipairs(params.speakers) do only[p.id] = true end
    end
    local function new() return { utterances = 0, words = 0, turns = 0, documents = 0 } end
    local total, all = 0, {}
    local per_document = {}
    for d in corpus.documents:each() do
      local dstats, dtotal = {}, 0
      turns.each_utterance(d, function(u, ids, previous)
        local w = u.word_count
        dtotal = dtotal + w
        for _, id in ipairs(ids) do
          local s = dstats[id]
          if not s then s = new(); dstats[id] = s end
          s.utterances = s.utterances + 1
          s.words = s.words + w
          if not previous[id] then s.turns = s.turns + 1 end
        end
      end)
      total = total + dtotal
      per_document[#per_document + 1] = { document = d, stats = dstats, words = dtotal }
      for id, s in pairs(dstats) do
        local a = all[id]
        if not a then a = new(); all[id] = a end
        a.utterances = a.utterances + s.utterances
        a.words = a.words + s.words
        a.turns = a.turns + s.turns
        a.documents = a.documents + 1
      end
    end

    local function keep(id)
      local a = all[id]
      return a and a.utterances >= params.min_utterances and (not only or only[id])
    end
    local function share(words, of) return of > 0 and turns.round(words / of, 4) or nil end
    local function mean(s) return s.turns > 0 and turns.round(s.words / s.turns, 2) or nil end

    local rows, drows = {}, {}
    for p in corpus.participants:each() do
      local a = all[p.id]
      if keep(p.id) then
        rows[#rows + 1] = { p.id, p.name, a.utterances, a.words, share(a.words, total), a.turns,
          mean(a), a.documents }
      end
    end
    for _, pd in ipairs(per_document) do
      for p in corpus.participants:each() do
        local s = pd.stats[p.id]
        if s and keep(p.id) then
          drows[#drows + 1] = { pd.document.id, p.id, s.utterances, s.words, share(s.words, pd.words),
            s.turns, mean(s) }
        end
      end
    end
    if #rows == 0 then
      local why = next(all) == nil and "the corpus has no utterances"
        or "no participant has the utterances asked for"
      return { by_participant = turns.not_applicable(why), by_document_participant = turns.not_applicable(why) }
    end
    return {
      by_participant = praxis.table.new({ "participant", "name", "utterances", "words", "share", "turns",
        "mean_turn_words", "documents" }, rows),
      by_document_participant = praxis.table.new({ "document", "participant", "utterances", "words",
        "share", "turns", "mean_turn_words" }, drows),
    }
  end,
}
