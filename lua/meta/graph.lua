---@meta
-- Interactions and graphs (lua/bind/l_graph.c, core/interact.c, core/graph.c).
-- Conventions and formulas: docs/networks.md.

---@class praxis.Interactions
--- Who engages whom: a list of interactions derived from utterances by a
--- rule. #ia counts, ia[i] is one interaction as a table {source, target
--- (participants), from, to (utterances; to is nil for address and
--- mention), time (u.time of from, or nil)}. ia.directed is false for
--- copresence. The unknown participant takes part in none.
---@field directed boolean false for copresence (pairs without a direction), true for the other rules
---@usage corpus.utterances:interactions("next")
local Interactions = {}

--- Derives interactions from the utterances of a selection.
--- Rules: "next" (the next turn by someone else in the same segment; runs
--- of one speaker collapse; opts.max_gap seconds drops slower answers when
--- both are timed; opts.skip = function(u) takes turns out, such as the
--- chair's), "reply" (@replyTo: the reply's speaker -> the replied-to
--- speaker; without it, inside a thread, the nearest earlier post of lower
--- @indentLevel; else nothing), "address" (u.addressees), "mention" (an utterance token equals
--- a participant's id or a part of their name of two or more letters, both
--- case-folded; oneself excluded), "copresence" (undirected: both speak in
--- the same segment; weighted by count this is DraCor's network, lone
--- speakers included), or a function from an utterance to the participants
--- or utterances it engages (handles, ids, lists, selections or nil).
---@param rule string|function "next", "reply", "address", "mention", "copresence" or function(u)
---@param opts? table max_gap = seconds, skip = function(u) (rule "next")
---@return praxis.Interactions
---@usage corpus.utterances:interactions("next", {skip = function(u) return u.speaker.id == "marta" end})
function Selection:interactions(rule, opts) end

--- Iterates over the interactions: for i in ia:each() do ... end
---@return function
---@usage for i in corpus.utterances:head(5):interactions("next"):each() do print(i.source.id, i.target.id) end
function Interactions:each() end

--- Keeps the interactions for which fn(i) is true.
---@param fn function function(i) returning true to keep i
---@return praxis.Interactions
---@usage corpus.utterances:interactions("address"):where(function(i) return i.target.id == "priya" end)
function Interactions:where(fn) end

--- The interactions as a praxis table: source, target, from, to, time.
---@return praxis.Table
---@usage corpus.utterances:interactions("reply"):table()
function Interactions:table() end

--- Builds the graph of the participants that take part: one edge per
--- ordered pair (undirected pair for copresence or directed = false),
--- weight = number of interactions (weight = "none": 1).
---@param opts? table weight = "count"|"none", directed = true|false
---@return praxis.Graph
---@usage corpus.utterances:interactions("next"):graph{weight = "count"}
function Interactions:graph(opts) end

--- Time slices of a selection of utterances, as a list of {label =,
--- utterances = selection}: by document, segment, month (u.time, else the
--- document's date; "undated" otherwise) or n consecutive utterances.
---@param opts table by = "document"|"segment"|"month"|n
---@return table
---@usage corpus.utterances:windows{by = "month"}
function Selection:windows(opts) end

--- One graph per time slice: {label =, utterances =, graph =} per slice.
---@param by string|integer|table as windows' by (or the windows options)
---@param rule? string|function an interaction rule (default "next")
---@param opts? table the rule's and the graph's options
---@return table
---@usage corpus.utterances:graphs_by("document", "address")
function Selection:graphs_by(by, rule, opts) end

---@class praxis.Graph
--- A graph of participants (igraph inside): nodes are participants,
--- edges carry weights. Per-node measures return praxis tables with a
--- participant column and a column named like the method.
---@usage corpus.utterances:interactions("address"):graph()
local Graph = {}

--- The number of nodes (participants).
---@return integer
---@usage corpus.utterances:interactions("next"):graph():node_count()
function Graph:node_count() end

--- The number of edges.
---@return integer
---@usage corpus.utterances:interactions("next"):graph():edge_count()
function Graph:edge_count() end

--- Is the graph directed?
---@return boolean
---@usage corpus.utterances:interactions("copresence"):graph():directed()
function Graph:directed() end

--- Density: L / (N(N-1)) directed, 2L / (N(N-1)) undirected.
---@return number
---@usage corpus.utterances:interactions("next"):graph():density()
function Graph:density() end

--- Reciprocity: the share of directed edges whose reverse exists.
---@return number
---@usage corpus.utterances:interactions("address"):graph():reciprocity()
function Graph:reciprocity() end

--- The longest shortest path (unweighted), over the reachable pairs.
---@return number
---@usage corpus.utterances:interactions("copresence"):graph():diameter()
function Graph:diameter() end

--- The mean shortest path length (unweighted) over the reachable pairs.
---@return number
---@usage corpus.utterances:interactions("copresence"):graph():average_path_length()
function Graph:average_path_length() end

--- Mean local clustering of the undirected view, counting 0 for nodes of
--- degree below 2 (as networkx and DraCor).
---@return number
---@usage corpus.utterances:interactions("copresence"):graph():average_clustering()
function Graph:average_clustering() end

--- The number of (weakly) connected components.
---@return integer
---@usage corpus.utterances:interactions("next"):graph():component_count()
function Graph:component_count() end

--- The component of each node (numbered from 1 in node order).
---@return praxis.Table participant, component
---@usage corpus.utterances:interactions("next"):graph():components()
function Graph:components() end

--- Degree: number of neighbours; mode "all" (default), "out" or "in".
---@param opts? table mode = "all"|"out"|"in"
---@return praxis.Table participant, degree
---@usage corpus.utterances:interactions("next"):graph():degree{mode = "in"}
function Graph:degree(opts) end

--- Strength: the sum of the weights of a node's edges (weighted degree).
---@param opts? table mode = "all"|"out"|"in"
---@return praxis.Table participant, strength
---@usage corpus.utterances:interactions("next"):graph():strength{mode = "out"}
function Graph:strength(opts) end

--- Betweenness: the share of shortest paths through a node, normalised
--- by (n-1)(n-2) (directed) or (n-1)(n-2)/2, unweighted by default (as
--- networkx and DraCor); weighted = true takes weights as distances.
---@param opts? table normalized = true, weighted = false
---@return praxis.Table participant, betweenness
---@usage corpus.utterances:interactions("next"):graph():betweenness()
function Graph:betweenness(opts) end

--- Closeness with Wasserman-Faust scaling for disconnected graphs:
--- ((r-1)/(n-1)) * ((r-1)/sum of distances), r the nodes reached; 0 for
--- nodes that reach no one. mode "in" (default: distances towards the
--- node, as networkx), "out" or "all"; undirected graphs ignore it.
---@param opts? table mode = "in"|"out"|"all"
---@return praxis.Table participant, closeness
---@usage corpus.utterances:interactions("copresence"):graph():closeness()
function Graph:closeness(opts) end

--- Eigenvector centrality of the undirected view, unit Euclidean norm (as
--- networkx), unweighted unless weighted = true.
---@param opts? table weighted = false
---@return praxis.Table participant, eigenvector
---@usage corpus.utterances:interactions("copresence"):graph():eigenvector()
function Graph:eigenvector(opts) end

--- PageRank (damping 0.85, weighted by default).
---@param opts? table damping = 0.85, weighted = true
---@return praxis.Table participant, pagerank
---@usage corpus.utterances:interactions("address"):graph():pagerank()
function Graph:pagerank(opts) end

--- Local clustering coefficient of the undirected view (0 below degree 2).
---@return praxis.Table participant, clustering
---@usage corpus.utterances:interactions("next"):graph():clustering()
function Graph:clustering() end

--- k-core number (Seidman 1983; Batagelj-Zaversnik): the largest k such
--- that the node is in the k-core; degree in mode (default "all").
---@param opts? table mode = "all"|"out"|"in"
---@return praxis.Table participant, coreness
---@usage corpus.utterances:interactions("address"):graph():coreness()
function Graph:coreness(opts) end

--- Communities of the undirected version (weights summed), maximising
--- modularity: Louvain (default) or Leiden (on modularity, not igraph's
--- CPM default). The same seed gives the same partition; the seed
--- defaults to the run's --seed. Returns the table and the modularity.
---@param opts? table method = "louvain"|"leiden", seed = integer
---@return praxis.Table participant, community
---@return number modularity
---@usage corpus.utterances:interactions("next"):graph():communities{method = "leiden", seed = 1}
function Graph:communities(opts) end

--- Borgatti-Everett discrete core-periphery on the binary undirected
--- view: the split whose ideal pattern (core-core ties, no
--- periphery-periphery ties) correlates best with the ties; pairs =
--- "missing" (default) leaves core-periphery pairs out, "ones" expects
--- ties there. Returns the table (core, degree) and the fit (Pearson r).
---@param opts? table pairs = "missing"|"ones"
---@return praxis.Table participant, core, degree
---@return number fit
---@usage corpus.utterances:interactions("address"):graph():core_periphery()
function Graph:core_periphery(opts) end

--- Gould-Fernandez brokerage: open two-paths a -> v -> b (no edge a -> b)
--- counted by role from groups: coordinator (all one group), itinerant
--- (a, b in one group, v in another), representative (a with v), gatekeeper
--- (v with b), liaison (all differ); brokerage is their sum. groups is a
--- participant property or attribute name ("affiliation": the latest unit
--- when several are listed; "role") or function(p) returning the group.
--- Raw counts grow with degree; with opts.null = rounds, each role also
--- gets a z-score against a null that keeps the open two-paths and shuffles
--- the groups among the participants (group sizes kept), rounds times,
--- seeded (opts.seed, else the run's seed): z = (count - mean) / sd, NaN
--- where the null never varies (Gould & Fernandez 1989; docs/methods.md,
--- section 8). 1000 rounds is usual.
---@param groups string|function attribute name, or function(participant)
---@param opts? table null (rounds, 2 to 1000000), seed
---@return praxis.Table participant, group, coordinator, itinerant, representative, gatekeeper, liaison, brokerage; with null also z_coordinator, z_itinerant, z_representative, z_gatekeeper, z_liaison
---@usage corpus.utterances:interactions("address"):graph():brokerage("affiliation")
---@usage corpus.utterances:interactions("address"):graph():brokerage("affiliation", {null = 1000}):select("participant", "representative", "z_representative")
function Graph:brokerage(groups, opts) end

--- Burt's effective size with mutual weights (equals networkx's
--- effective_size(G, weight = "weight")); NaN for isolates.
---@return praxis.Table participant, effective_size
---@usage corpus.utterances:interactions("next"):graph():effective_size()
function Graph:effective_size() end

--- Burt's constraint (igraph, weighted). Low constraint marks a candidate broker.
---@return praxis.Table participant, constraint
---@usage corpus.utterances:interactions("next"):graph():constraint()
function Graph:constraint() end

--- The nodes as a list of participants.
---@return table
---@usage corpus.utterances:interactions("next"):graph():nodes()
function Graph:nodes() end

--- The edges as a praxis table: source, target, weight.
---@return praxis.Table
---@usage corpus.utterances:interactions("next"):graph():edges()
function Graph:edges() end

--- Writes the graph; the format follows the extension: .graphml (ids,
--- names as labels, weights; Gephi, igraph, networkx read it), .dot/.gv,
--- .json (networkx node-link), .csv (edges; nodes to NAME_nodes.csv).
---@param path string
---@return praxis.Graph
---@usage corpus.utterances:interactions("next"):graph():write(os.tmpname() .. ".graphml")
function Graph:write(path) end

--- Draws the graph as SVG: igraph layout ("fr", "kk" or "drl", seeded),
--- node area by strength, colour by Louvain community, edge width by
--- weight, labels and a legend. Without a path, returns the SVG text.
---@param path? string where to write; nil returns the SVG as a string
---@param opts? table layout = "fr"|"kk"|"drl", seed =, width =, height =, title =
---@return praxis.Graph|string
---@usage #corpus.utterances:interactions("address"):graph():draw(nil, {layout = "kk"})
function Graph:draw(path, opts) end

---@class praxis.graph
--- Functions over several graphs (a graph itself is made by
--- s:interactions(rule):graph()).
---@usage praxis.graph.persistence(corpus.utterances:graphs_by("document", "next"))
local graph = {}

--- Tie persistence per dyad (present / both: sessions with the tie over
--- sessions where both take part) and edge-set Jaccard between
--- consecutive graphs, over a list of graphs or what graphs_by returns.
---@param graphs table list of graphs, or of {label =, graph =}
---@return praxis.Table source, target, present, both, persistence
---@return praxis.Table from, to, jaccard
---@usage praxis.graph.persistence(corpus.utterances:graphs_by("document", "address"))
function praxis.graph.persistence(graphs) end
