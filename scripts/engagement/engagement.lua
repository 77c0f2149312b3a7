--- Mutual engagement: the interaction network of a corpus and how it changes.
---
--- Builds the network of who engages whom (explicit addressees when the
--- corpus has them, else replies, else the next speaker), and reports its
--- density and reciprocity, communities (Louvain), the Borgatti-Everett
--- core and periphery, the brokers between groups (Gould-Fernandez, groups
--- from a participant attribute, with z-scores against the groups shuffled
--- among the participants), the persistence of ties from one
--- document to the next, each participant's coreness per document, and a
--- drawing of the network. See docs/networks.md for the measures.
---
--- @usage praxis run engagement corpora/alinsu
--- @usage praxis run engagement corpora/alinsu --param rule=next --param groups=role
--- @output engagement.svg the network: node area by strength, colour by community
--- @output engagement.graphml the network with participant ids, names and weights
--- @output summary, communities, core_periphery, brokers, persistence, jaccard, coreness (tables)
--- @see docs/networks.md
return {
  name = "engagement",
  summary = "Mutual engagement: interaction network, core and periphery, brokers, tie persistence",
  categories = {"engagement", "network"},
  params = {
    rule = {type = "string", default = "auto",
            choices = {"auto", "next", "reply", "address", "mention", "copresence"},
            doc = "interaction rule: auto, next, reply, address, mention, copresence"},
    groups = {type = "attribute", default = "affiliation",
              doc = "participant attribute that names the groups for brokerage"},
    by = {type = "string", default = "document", choices = {"document", "segment", "month"},
          doc = "time slices for persistence and coreness: document, segment, month"},
    null = {type = "integer", default = 1000, choices = {0, {2, 1000000}},
            doc = "rounds of shuffled groups for the brokerage z-scores: 0 (none) or 2 to 1000000"},
    seed = {type = "integer", default = 1, doc = "seed of community detection, layout and the null"},
    layout = {type = "string", default = "fr", choices = {"fr", "kk", "drl"},
              doc = "layout of the drawing: fr, kk, drl"},
  },
  run = function(corpus, params)
    params = params or {}
    local utts = corpus.utterances
    local rule = params.rule or "auto"
    if rule == "auto" then
      rule = "next"
      local adr, rep = 0, 0
      for u in utts:each() do
        if #u.addressees > 0 then adr = adr + 1 end
        if u.reply_to then rep = rep + 1 end
        if adr > 0 then break end
      end
      if adr > 0 then rule = "address" elseif rep > 0 then rule = "reply" end
    end
    local seed = tonumber(params.seed) or 1
    local groups = params.groups or "affiliation"
    local by = params.by or "document"

    local g = utts:interactions(rule):graph()
    local communities, modularity = g:communities{seed = seed}
    local cp, fit = g:core_periphery()

    local rounds = tonumber(params.null) or 1000
    local brokers = g:brokerage(groups, rounds > 0 and {null = rounds, seed = seed} or nil)
    local between = {}
    for row in brokers:each() do
      between[#between + 1] = row.representative + row.gatekeeper + row.liaison
    end
    brokers = brokers:add_column("between", between):sort("between", "desc")

    local slices = utts:graphs_by(by, rule)
    local persistence, jaccard = praxis.graph.persistence(slices)
    persistence = persistence:sort("persistence", "desc")

    local rows = {}
    for _, s in ipairs(slices) do
      local k, max = s.graph:coreness(), 0
      for row in k:each() do if row.coreness > max then max = row.coreness end end
      for row in k:each() do
        rows[#rows + 1] = {s.label, row.participant, row.coreness,
                           max > 0 and row.coreness / max or 0}
      end
    end
    local coreness = praxis.table.new({"slice", "participant", "coreness", "relative"}, rows)

    local summary = praxis.table.new({"measure", "value"}, {
      {"rule", rule},
      {"nodes", g:node_count()},
      {"edges", g:edge_count()},
      {"density", g:density()},
      {"reciprocity", g:reciprocity()},
      {"modularity", modularity},
      {"core-periphery fit", fit},
      {"slices", #slices},
    })

    -- the network, for Gephi or igraph, and a drawing (into the run's
    -- output folder when run with praxis run)
    g:write("engagement.graphml")
    g:draw("engagement.svg", {layout = params.layout or "fr", seed = seed,
                              title = "Interaction network (" .. rule .. ")"})

    return {
      summary = summary,
      communities = communities,
      core_periphery = cp,
      brokers = brokers,
      persistence = persistence,
      jaccard = jaccard,
      coreness = coreness,
    }
  end,
}
