/*
 * px_graph.h - interactions derived from utterances, and graphs of
 * participants built on igraph (core/interact.c, core/graph*.c).
 *
 * An interaction is a directed (or, for copresence, undirected) event
 * between two participants, with the utterances and the time behind it.
 * A graph aggregates interactions into weighted edges between the
 * participants that take part; its measures come from igraph where igraph
 * has them, and are written here where it does not (Borgatti-Everett
 * core-periphery, Gould-Fernandez brokerage, Burt's effective size, tie
 * persistence). See docs/networks.md for the conventions.
 *
 * Every call into igraph goes through core/graph.c; igraph's process-wide
 * handlers and random generator live in core/runtime.c. Calls into igraph
 * are not thread-safe (Debian's igraph is built without thread-local
 * state): serialise them.
 *
 * Praxis is free software: GPL-3.0-or-later (see LICENSE).
 */
#ifndef PX_GRAPH_H
#define PX_GRAPH_H

#include "px.h"

/* ------------------------------------------------------------------ */
/* Interactions (core/interact.c)                                      */
/* ------------------------------------------------------------------ */

typedef struct px_interaction {
    uint32_t source, target;    /* participants */
    uint32_t from, to;          /* utterances; to is PX_NONE when the rule has none */
    double time;                /* absolute time of `from` (u.time), NAN when unknown */
} px_interaction;

typedef struct px_interactions {
    PX_VEC(px_interaction) items;
    PX_VEC(uint32_t) nodes;     /* participants that take part without an edge
                                   (copresence: lone speakers), sorted, unique */
    int directed;               /* 0 for copresence */
} px_interactions;

void px_interactions_init(px_interactions *ia, int directed);
void px_interactions_destroy(px_interactions *ia);
/* Adds one interaction; drops it when source or target is the unknown
 * participant, PX_NONE, or when source == target. PX_OK or PX_ENOMEM. */
px_status px_interactions_add(px_interactions *ia, const px_corpus *c, uint32_t source,
                              uint32_t target, uint32_t from, uint32_t to);

typedef struct px_next_options {
    double max_gap;             /* seconds; <= 0 or NAN: no limit. Ignored when untimed */
    const uint8_t *skip;        /* per utterance index: 1 = not a turn (may be NULL) */
} px_next_options;

/* The rules. utts lists the utterance indices considered (any order; each
 * rule follows document order). out is caller-initialised; interactions
 * are appended. All return PX_OK, PX_ENOMEM or PX_EINTR.
 *
 * next: within a segment (else the document), the next turn by someone
 *   else; runs of the same first speaker collapse into their last
 *   utterance; edge prev speaker -> next speaker. O(n). */
px_status px_interact_next(const px_corpus *c, const uint32_t *utts, size_t n,
                           const px_next_options *opt, px_interactions *out, px_error *err);
/* reply: u.reply_to (explicit @replyTo): speaker(u) -> speaker(reply_to). O(n). */
px_status px_interact_reply(const px_corpus *c, const uint32_t *utts, size_t n,
                            px_interactions *out, px_error *err);
/* address: speaker(u) -> each of u.addressees. O(n). */
px_status px_interact_address(const px_corpus *c, const uint32_t *utts, size_t n,
                              px_interactions *out, px_error *err);
/* mention: speaker(u) -> p when a token of u equals p's folded id or a
 * folded part of p's name (a token of it of at least two characters);
 * each participant once per utterance. O(tokens + participants). */
px_status px_interact_mention(const px_corpus *c, const uint32_t *utts, size_t n,
                              px_interactions *out, px_error *err);
/* copresence: undirected; for every segment, one interaction per pair of
 * distinct speakers (from/to: their first utterances there); lone
 * speakers become nodes. Weighted by count, this is DraCor's co-occurrence
 * network. O(n + sum of speakers^2 per segment). */
px_status px_interact_copresence(const px_corpus *c, const uint32_t *utts, size_t n,
                                 px_interactions *out, px_error *err);

/* ------------------------------------------------------------------ */
/* Graphs (core/graph.c; what igraph lacks: core/graph_extra.c)       */
/* ------------------------------------------------------------------ */

typedef struct px_graph px_graph;   /* opaque: wraps an igraph_t */

typedef enum px_weight { PX_WEIGHT_COUNT = 0, PX_WEIGHT_NONE } px_weight;
typedef enum px_mode { PX_MODE_ALL = 0, PX_MODE_OUT, PX_MODE_IN } px_mode;

/* Builds a graph from interactions: nodes are the participants that take
 * part (ascending participant index), one edge per ordered (directed) or
 * unordered pair, weight = number of interactions (or 1). directed < 0
 * follows the interactions. Returns NULL and fills err on failure
 * (PX_EINVAL: a directed graph from undirected interactions). O(m log m). */
px_graph *px_graph_open(const px_interactions *ia, px_weight weight, int directed,
                        px_error *err);
/* Builds a graph from explicit nodes (participant indices, unique) and
 * edges (pairs of positions in nodes) with weights (NULL: all 1). Multiple
 * edges are summed. O(m log m). */
px_graph *px_graph_open_edges(const uint32_t *nodes, size_t n, const uint32_t *edges,
                              const double *weights, size_t m, int directed, px_error *err);
void px_graph_free(px_graph *g);

size_t px_graph_node_count(const px_graph *g);
size_t px_graph_edge_count(const px_graph *g);
int px_graph_directed(const px_graph *g);
/* Participant of node i; nodes of edge e and its weight. */
uint32_t px_graph_participant(const px_graph *g, size_t i);
void px_graph_edge(const px_graph *g, size_t e, size_t *from, size_t *to, double *weight);
/* Node of participant p, or PX_NONE. O(log n). */
uint32_t px_graph_find(const px_graph *g, uint32_t participant);

/* Whole-graph measures. NAN when undefined (fewer than two nodes). */
/* L / (N(N-1)), doubled when undirected. O(1). */
double px_graph_density(const px_graph *g);
/* Share of directed edges that are reciprocated (1 when undirected). O(m). */
px_status px_graph_reciprocity(const px_graph *g, double *res, px_error *err);
/* Longest finite shortest path (unweighted), over reachable pairs. O(nm). */
px_status px_graph_diameter(const px_graph *g, double *res, px_error *err);
/* Mean shortest path length (unweighted) over reachable pairs. O(nm). */
px_status px_graph_average_path_length(const px_graph *g, double *res, px_error *err);
/* Mean local clustering, zero for nodes of degree < 2 (undirected view). */
px_status px_graph_average_clustering(const px_graph *g, double *res, px_error *err);
/* Weakly connected components: membership per node (0-based, numbered in
 * order of their first node) when membership != NULL; count. O(n + m). */
px_status px_graph_components(const px_graph *g, uint32_t *membership, size_t *count,
                              px_error *err);

/* Per-node measures: res has node_count elements. */
px_status px_graph_degree(const px_graph *g, px_mode mode, double *res, px_error *err);
px_status px_graph_strength(const px_graph *g, px_mode mode, double *res, px_error *err);
/* Betweenness: directed on directed graphs; normalised by (n-1)(n-2)
 * (directed) or (n-1)(n-2)/2 (undirected) unless raw; weighted (weights
 * as distances) when weighted. O(nm) (O(nm + n^2 log n) weighted). */
px_status px_graph_betweenness(const px_graph *g, int normalized, int weighted, double *res,
                               px_error *err);
/* Closeness with Wasserman-Faust scaling: ((r-1)/(n-1)) * ((r-1)/sum d),
 * r the nodes reachable (mode OUT follows edges: mode IN as networkx's
 * default on directed graphs). 0 for nodes that reach nobody. O(nm). */
px_status px_graph_closeness(const px_graph *g, px_mode mode, double *res, px_error *err);
/* Eigenvector centrality (undirected view, unweighted unless weighted),
 * scaled to unit Euclidean norm. O(m) per iteration. */
px_status px_graph_eigenvector(const px_graph *g, int weighted, double *res, px_error *err);
/* PageRank, damping 0.85, weighted unless !weighted. */
px_status px_graph_pagerank(const px_graph *g, double damping, int weighted, double *res,
                            px_error *err);
/* Local clustering (undirected view), 0 for degree < 2. */
px_status px_graph_clustering(const px_graph *g, double *res, px_error *err);
/* k-core number (Batagelj-Zaversnik), degree counted in mode. O(m). */
px_status px_graph_coreness(const px_graph *g, px_mode mode, double *res, px_error *err);
/* Communities of the undirected version (weights summed), optimising
 * modularity: method 0 Louvain (multilevel), 1 Leiden. membership is
 * 0-based, numbered by first node; modularity may be NULL. seed seeds
 * igraph's generator. */
px_status px_graph_communities(const px_graph *g, int method, uint64_t seed,
                               uint32_t *membership, double *modularity, px_error *err);
/* Burt's constraint (igraph), weighted. */
px_status px_graph_constraint(const px_graph *g, double *res, px_error *err);
/* Burt's effective size, weighted (a_ij + a_ji mutual weights), NAN for
 * isolates; equals networkx's effective_size(G, weight="weight"). O(sum
 * over nodes of neighbours' degrees). */
px_status px_graph_effective_size(const px_graph *g, double *res, px_error *err);

/* Borgatti-Everett discrete core-periphery on the binary undirected view.
 * variant 0: core-periphery pairs excluded ("missing"); 1: ideal 1 for
 * them. Greedy: best cut of the degree order, then single-node moves
 * while the fit improves. core[i] = 1 for core nodes; *fit = Pearson
 * correlation of the pattern (NAN when undefined). O(n^2) worst. */
px_status px_graph_core_periphery(const px_graph *g, int variant, uint8_t *core, double *fit,
                                  px_error *err);

/* Gould-Fernandez brokerage: for each node v, the open two-paths a->v->b
 * (a != b, no edge a->b) counted by role from groups (one int per node):
 * res[5*i + r], r = coordinator, itinerant, representative, gatekeeper,
 * liaison. Undirected edges count both ways. O(sum in*out). */
enum { PX_BROKER_COORDINATOR = 0, PX_BROKER_ITINERANT, PX_BROKER_REPRESENTATIVE,
       PX_BROKER_GATEKEEPER, PX_BROKER_LIAISON, PX_BROKER_ROLES };
px_status px_graph_brokerage(const px_graph *g, const int *groups, double *res, px_error *err);
/* The same counts under a null model: the open two-paths kept, the group
 * labels shuffled among the nodes (so every group keeps its size) `rounds`
 * times by a generator seeded with `seed`. Writes the mean and the
 * standard deviation (n - 1 in the denominator) of each node's count in
 * each role, mean[5*i + r] and sd[5*i + r], so that z = (count - mean) /
 * sd says how far a node brokers beyond what its position alone gives
 * (Gould & Fernandez 1989 compare with such expected values; raw counts
 * scale with degree: docs/methods.md, section 8). rounds >= 2.
 * O(rounds * sum in*out). */
px_status px_graph_brokerage_null(const px_graph *g, const int *groups, unsigned rounds,
                                  uint64_t seed, double *mean, double *sd, px_error *err);

/* Layout: method 0 Fruchterman-Reingold, 1 Kamada-Kawai, 2 DrL; xy has
 * 2 * node_count elements. seed seeds igraph's generator. */
px_status px_graph_layout(const px_graph *g, int method, uint64_t seed, double *xy,
                          px_error *err);

/* Tie persistence over k graphs (docs/methods.md, section 9). For every dyad that is
 * a tie in at least one graph (ordered pairs when all graphs are
 * directed, else unordered with source < target by participant index):
 * present = graphs with the tie, both = graphs holding both participants.
 * jaccard[t] (k-1 values) = |E_t & E_t+1| / |E_t | E_t+1| (NAN when both
 * empty). Output arrays are malloc'd; free them with free(). */
typedef struct px_persistence {
    uint32_t *source, *target, *present, *both;
    size_t n;
    double *jaccard;
} px_persistence;
px_status px_graph_persistence(const px_graph *const *graphs, size_t k, px_persistence *out,
                               px_error *err);
void px_persistence_destroy(px_persistence *p);

/* Writing (core/graph_write.c) and drawing (core/graph_draw.c). The core
 * opens no file: both write onto a stream the caller opened, so that a
 * script's files go through the host's sandbox. */
typedef enum px_graph_format {
    PX_GRAPH_GRAPHML, PX_GRAPH_DOT, PX_GRAPH_JSON, PX_GRAPH_EDGES_CSV, PX_GRAPH_NODES_CSV
} px_graph_format;
/* Writes the graph in one format onto f (left open): GraphML, DOT,
 * node-link JSON, the edges or the nodes as CSV. O(n + m). */
px_status px_graph_write_stream(const px_graph *g, const px_corpus *c, px_graph_format fmt,
                                FILE *f, px_error *err);

/* Draws the graph as SVG onto f (left open): layout from igraph (method as
 * px_graph_layout), node area by strength, colour by Louvain community
 * (same seed), edge width by weight, labels (names, else ids) and a
 * legend. Directed edges end in an arrowhead at the target's rim; the two
 * edges of a reciprocated pair are drawn side by side, each offset to its
 * own right, so both stay visible. The drawing grows beyond width x height
 * when its title, node labels or legend need the room: nothing is cut.
 * One <circle> per node and one <line> per edge, nothing else drawn with
 * those elements. */
typedef struct px_draw_options {
    int layout;                 /* 0 fr, 1 kk, 2 drl */
    uint64_t seed;
    double width, height;       /* pixels, at least; <= 0: 800 x 600 */
    const char *title;          /* may be NULL */
} px_draw_options;
px_status px_graph_draw_file(const px_graph *g, const px_corpus *c, FILE *f,
                             const px_draw_options *opt, px_error *err);

/* ------------------------------------------------------------------ */
/* igraph's process-wide state (core/runtime.c)                        */
/* ------------------------------------------------------------------ */

/* Installs igraph's error, warning, fatal and interruption handlers once.
 * Idempotent (px_runtime_init calls it too). */
void px_runtime_graph_init(void);
/* Seeds igraph's default generator. */
void px_runtime_graph_seed(uint64_t seed);
/* The message of igraph's last error (and clears it); "" when none. */
const char *px_runtime_graph_error(void);
/* A deadline (CLOCK_MONOTONIC seconds; 0 = none) after which igraph's
 * long computations are interrupted. */
void px_runtime_set_deadline(double monotonic_seconds);

#endif
