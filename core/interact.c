/* interact.c - rules that derive interactions from utterances.
 *
 * Each rule reads a set of utterances (indices into the corpus) and
 * appends interactions: who engages whom, through which utterances, when.
 * The unknown participant takes part in none. */
#include "px_graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void px_interactions_init(px_interactions *ia, int directed)
{
    memset(ia, 0, sizeof *ia);
    ia->directed = directed;
}

void px_interactions_destroy(px_interactions *ia)
{
    PX_VEC_FREE(ia->items);
    PX_VEC_FREE(ia->nodes);
}

static double when_of(const px_corpus *c, uint32_t u)
{
    if (u == PX_NONE) return NAN;
    return c->utterances.v[u].time;
}

static int takes_part(const px_corpus *c, uint32_t p)
{
    return p != PX_NONE && p < c->participants.n && p != c->unknown;
}

px_status px_interactions_add(px_interactions *ia, const px_corpus *c, uint32_t source,
                              uint32_t target, uint32_t from, uint32_t to)
{
    if (!takes_part(c, source) || !takes_part(c, target) || source == target) return PX_OK;
    px_interaction it = {source, target, from, to, when_of(c, from)};
    return PX_VEC_PUSH(ia->items, it) ? PX_ENOMEM : PX_OK;
}

static px_status nomem(px_error *err)
{
    return px_error_set(err, PX_ENOMEM, "out of memory while deriving interactions");
}

/* The utterances of utts in corpus order (utterance indices are in
 * document order), without repeats. Returns NULL when out of memory. */
static uint32_t *sorted_unique(const px_corpus *c, const uint32_t *utts, size_t n, size_t *outn)
{
    uint8_t *mark = calloc(c->utterances.n + 1, 1);
    uint32_t *v = malloc((n + 1) * sizeof *v);
    if (!mark || !v) { free(mark); free(v); return NULL; }
    for (size_t i = 0; i < n; i++) if (utts[i] < c->utterances.n) mark[utts[i]] = 1;
    size_t k = 0;
    for (uint32_t u = 0; u < c->utterances.n; u++) if (mark[u]) v[k++] = u;
    free(mark);
    *outn = k;
    return v;
}

static uint32_t first_speaker(const px_corpus *c, uint32_t u)
{
    const px_utterance *ut = &c->utterances.v[u];
    return ut->spk_count ? c->refs.v[ut->spk_first] : PX_NONE;
}

/* ---- next ---------------------------------------------------------- */

/* Edges from every speaker of a to every speaker of b. */
static px_status link_speakers(const px_corpus *c, px_interactions *out, uint32_t a, uint32_t b)
{
    const px_utterance *ua = &c->utterances.v[a], *ub = &c->utterances.v[b];
    for (uint32_t i = 0; i < ua->spk_count; i++)
        for (uint32_t j = 0; j < ub->spk_count; j++)
            if (px_interactions_add(out, c, c->refs.v[ua->spk_first + i],
                                    c->refs.v[ub->spk_first + j], a, b))
                return PX_ENOMEM;
    return PX_OK;
}

/* Walks one sequence of turns (a segment's utterances, in order). */
static px_status next_walk(const px_corpus *c, const uint32_t *seq, size_t n, const uint8_t *in,
                           const px_next_options *opt, px_interactions *out)
{
    uint32_t prev = PX_NONE;
    double gap = opt && opt->max_gap > 0 ? opt->max_gap : INFINITY;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = seq[i];
        if (in && !in[u]) continue;
        if (opt && opt->skip && opt->skip[u]) continue;
        if (prev != PX_NONE && first_speaker(c, prev) == first_speaker(c, u)) {
            prev = u;            /* same-speaker run: keep its last utterance */
            continue;
        }
        if (prev != PX_NONE) {
            const px_utterance *a = &c->utterances.v[prev], *b = &c->utterances.v[u];
            double end = !isnan(a->end) ? a->end : a->start;
            int far = !isnan(end) && !isnan(b->start) && b->start - end > gap;
            if (!far && link_speakers(c, out, prev, u)) return PX_ENOMEM;
        }
        prev = u;
    }
    return PX_OK;
}

px_status px_interact_next(const px_corpus *c, const uint32_t *utts, size_t n,
                           const px_next_options *opt, px_interactions *out, px_error *err)
{
    size_t k;
    uint32_t *v = sorted_unique(c, utts, n, &k);
    uint8_t *in = calloc(c->utterances.n + 1, 1);
    uint8_t *seen = calloc(c->segments.n + 1, 1);
    px_status st = PX_OK;
    if (!v || !in || !seen) { st = nomem(err); goto done; }
    for (size_t i = 0; i < k; i++) in[v[i]] = 1;
    /* segments in the order of their first selected utterance; utterances
     * outside any segment follow their document's order */
    size_t i = 0;
    while (i < k) {
        if (px_runtime_interrupted()) { st = px_error_set(err, PX_EINTR, "interrupted"); goto done; }
        uint32_t u = v[i];
        uint32_t g = c->utterances.v[u].segment;
        if (g == PX_NONE || g >= c->segments.n) {
            /* a run of segment-less utterances of one document */
            size_t j = i;
            uint32_t d = c->utterances.v[u].document;
            while (j < k && c->utterances.v[v[j]].segment == PX_NONE &&
                   c->utterances.v[v[j]].document == d) j++;
            if (next_walk(c, v + i, j - i, NULL, opt, out)) { st = nomem(err); goto done; }
            i = j;
            continue;
        }
        if (!seen[g]) {
            seen[g] = 1;
            const px_segment *s = &c->segments.v[g];
            if (next_walk(c, c->seg_utts.v + s->utt_first, s->utt_count, in, opt, out)) {
                st = nomem(err);
                goto done;
            }
        }
        i++;
    }
done:
    free(v); free(in); free(seen);
    return st;
}

/* ---- reply, address -------------------------------------------------- */

/* Without @replyTo, inside a thread (a segment of type "thread"), a post
 * replies to the nearest earlier post of lower @indentLevel; elsewhere, or
 * without indentation, to nothing (no guessing). O(log n + distance). */
static uint32_t indent_parent(const px_corpus *c, uint32_t u)
{
    const px_utterance *a = &c->utterances.v[u];
    if (a->indent < 0 || a->segment == PX_NONE || a->segment >= c->segments.n) return PX_NONE;
    const px_segment *g = &c->segments.v[a->segment];
    if (!g->type || strcmp(px_str_get(c, g->type), "thread") != 0) return PX_NONE;
    const uint32_t *list = c->seg_utts.v + g->utt_first;
    size_t lo = 0, hi = g->utt_count;          /* u's place: utterances are in order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list[mid] < u) lo = mid + 1;
        else hi = mid;
    }
    while (lo-- > 0) {
        const px_utterance *b = &c->utterances.v[list[lo]];
        if (b->indent >= 0 && b->indent < a->indent) return list[lo];
    }
    return PX_NONE;
}

px_status px_interact_reply(const px_corpus *c, const uint32_t *utts, size_t n,
                            px_interactions *out, px_error *err)
{
    size_t k;
    uint32_t *v = sorted_unique(c, utts, n, &k);
    if (!v) return nomem(err);
    px_status st = PX_OK;
    for (size_t i = 0; i < k && !st; i++) {
        uint32_t u = v[i], r = c->utterances.v[u].reply_to;
        if (r == PX_NONE) r = indent_parent(c, u);
        if (r == PX_NONE || r >= c->utterances.n) continue;
        /* i replies to j: edge i -> j, from i's utterance to j's */
        const px_utterance *a = &c->utterances.v[u], *b = &c->utterances.v[r];
        for (uint32_t x = 0; x < a->spk_count && !st; x++)
            for (uint32_t y = 0; y < b->spk_count && !st; y++)
                if (px_interactions_add(out, c, c->refs.v[a->spk_first + x],
                                        c->refs.v[b->spk_first + y], u, r))
                    st = nomem(err);
    }
    free(v);
    return st;
}

px_status px_interact_address(const px_corpus *c, const uint32_t *utts, size_t n,
                              px_interactions *out, px_error *err)
{
    size_t k;
    uint32_t *v = sorted_unique(c, utts, n, &k);
    if (!v) return nomem(err);
    px_status st = PX_OK;
    for (size_t i = 0; i < k && !st; i++) {
        const px_utterance *a = &c->utterances.v[v[i]];
        for (uint32_t x = 0; x < a->spk_count && !st; x++)
            for (uint32_t y = 0; y < a->adr_count && !st; y++)
                if (px_interactions_add(out, c, c->refs.v[a->spk_first + x],
                                        c->refs.v[a->adr_first + y], v[i], PX_NONE))
                    st = nomem(err);
    }
    free(v);
    return st;
}

/* ---- mention ---------------------------------------------------------- */

typedef struct name_index {
    const px_corpus *c;
    px_tokenizer tok;
    uint32_t *head;          /* term id -> first link + 1 (0 = none) */
    PX_VEC(uint32_t) next;   /* link -> next link + 1 */
    PX_VEC(uint32_t) part;   /* link -> participant */
    uint32_t current;
    int oom;
} name_index;

static void index_term(name_index *x, const char *w, size_t len)
{
    size_t fl;
    const char *f = px_fold(&x->tok, w, len, &fl);
    if (!f || fl == 0) return;
    px_str t = px_strtab_find(&x->c->terms, f, fl);
    if (t == PX_NONE) return;    /* no utterance has this word */
    /* once per participant and term */
    for (uint32_t l = x->head[t]; l; l = x->next.v[l - 1])
        if (x->part.v[l - 1] == x->current) return;
    if (PX_VEC_PUSH(x->part, x->current) || PX_VEC_PUSH(x->next, x->head[t])) {
        x->oom = 1;
        return;
    }
    x->head[t] = (uint32_t)x->part.n;
}

static void name_part_cb(void *ud, const char *w, size_t len)
{
    /* parts of one character ("J", "&") would match too much */
    size_t chars = 0;
    for (size_t i = 0; i < len; i++) if (((unsigned char)w[i] & 0xC0) != 0x80) chars++;
    if (chars >= 2) index_term(ud, w, len);
}

px_status px_interact_mention(const px_corpus *c, const uint32_t *utts, size_t n,
                              px_interactions *out, px_error *err)
{
    name_index x;
    memset(&x, 0, sizeof x);
    x.c = c;
    px_tokenizer_init(&x.tok);
    size_t k = 0;
    uint32_t *v = sorted_unique(c, utts, n, &k);
    uint32_t *stamp = calloc(c->participants.n + 1, sizeof *stamp);
    x.head = calloc((size_t)c->terms.count + 1, sizeof *x.head);
    px_status st = PX_OK;
    if (!v || !stamp || !x.head) { st = nomem(err); goto done; }
    for (uint32_t p = 0; p < c->participants.n; p++) {
        if (!takes_part(c, p)) continue;
        const px_participant *pp = &c->participants.v[p];
        x.current = p;
        const char *id = px_str_get(c, pp->id);
        index_term(&x, id, strlen(id));
        if (pp->name) {
            const char *name = px_str_get(c, pp->name);
            px_tokenize(name, strlen(name), name_part_cb, &x);
        }
        if (x.oom) { st = nomem(err); goto done; }
    }
    for (size_t i = 0; i < k && !st; i++) {
        uint32_t u = v[i];
        const px_utterance *ut = &c->utterances.v[u];
        const uint8_t *tp = px_utterance_tokens(c, ut);
        for (uint32_t t = 0; t < ut->tok_count && !st; t++) {
            uint32_t term = px_token_next(&tp);
            if (term >= c->terms.count) continue;
            for (uint32_t l = x.head[term]; l && !st; l = x.next.v[l - 1]) {
                uint32_t p = x.part.v[l - 1];
                if (stamp[p] == u + 1) continue;         /* once per utterance */
                stamp[p] = u + 1;
                const px_participant *pp = &c->participants.v[p];
                if (pp->document != PX_NONE && pp->document != ut->document) continue;
                for (uint32_t s = 0; s < ut->spk_count && !st; s++)
                    if (px_interactions_add(out, c, c->refs.v[ut->spk_first + s], p, u, PX_NONE))
                        st = nomem(err);
            }
        }
    }
done:
    px_tokenizer_destroy(&x.tok);
    PX_VEC_FREE(x.next);
    PX_VEC_FREE(x.part);
    free(x.head); free(v); free(stamp);
    return st;
}

/* ---- copresence --------------------------------------------------------- */

px_status px_interact_copresence(const px_corpus *c, const uint32_t *utts, size_t n,
                                 px_interactions *out, px_error *err)
{
    size_t k;
    uint32_t *v = sorted_unique(c, utts, n, &k);
    uint32_t *first = malloc((c->participants.n + 1) * sizeof *first);
    uint8_t *node = calloc(c->participants.n + 1, 1);
    uint8_t *seen = calloc(c->segments.n + 1, 1);
    PX_VEC(uint32_t) present = {0};
    px_status st = PX_OK;
    out->directed = 0;
    if (!v || !first || !node || !seen) { st = nomem(err); goto done; }
    for (size_t i = 0; i < out->nodes.n; i++) node[out->nodes.v[i]] = 1;
    out->nodes.n = 0;
    for (size_t i = 0; i < c->participants.n; i++) first[i] = PX_NONE;
    size_t i = 0;
    while (i < k) {
        if (px_runtime_interrupted()) { st = px_error_set(err, PX_EINTR, "interrupted"); goto done; }
        /* one segment (or, outside segments, one document) at a time; the
         * utterances of a segment are not contiguous when it has child
         * segments, so a segment is collected through its index set */
        uint32_t g = c->utterances.v[v[i]].segment;
        present.n = 0;
        size_t j = i;
        if (g == PX_NONE || g >= c->segments.n) {
            uint32_t d = c->utterances.v[v[i]].document;
            while (j < k && c->utterances.v[v[j]].segment == PX_NONE &&
                   c->utterances.v[v[j]].document == d) j++;
        } else {
            while (j < k && c->utterances.v[v[j]].segment == g) j++;
            /* skip segments already counted (interrupted by a child segment) */
            if (seen[g]) { i = j; continue; }
            seen[g] = 1;
            /* every selected utterance of this segment */
            const px_segment *s = &c->segments.v[g];
            for (uint32_t x = 0; x < s->utt_count; x++) {
                uint32_t u = c->seg_utts.v[s->utt_first + x];
                /* binary search: is u selected? */
                size_t lo = 0, hi = k;
                while (lo < hi) { size_t mid = (lo + hi) / 2; if (v[mid] < u) lo = mid + 1; else hi = mid; }
                if (lo == k || v[lo] != u) continue;
                const px_utterance *ut = &c->utterances.v[u];
                for (uint32_t y = 0; y < ut->spk_count; y++) {
                    uint32_t p = c->refs.v[ut->spk_first + y];
                    if (!takes_part(c, p) || first[p] != PX_NONE) continue;
                    first[p] = u;
                    if (PX_VEC_PUSH(present, p)) { st = nomem(err); goto done; }
                }
            }
            goto pairs;
        }
        for (size_t b = i; b < j; b++) {
            const px_utterance *ut = &c->utterances.v[v[b]];
            for (uint32_t y = 0; y < ut->spk_count; y++) {
                uint32_t p = c->refs.v[ut->spk_first + y];
                if (!takes_part(c, p) || first[p] != PX_NONE) continue;
                first[p] = v[b];
                if (PX_VEC_PUSH(present, p)) { st = nomem(err); goto done; }
            }
        }
    pairs:
        for (size_t a = 0; a < present.n; a++) {
            node[present.v[a]] = 1;
            for (size_t b = a + 1; b < present.n; b++) {
                uint32_t p = present.v[a], q = present.v[b];
                uint32_t lo = p < q ? p : q, hi = p < q ? q : p;
                if (px_interactions_add(out, c, lo, hi, first[lo], first[hi])) {
                    st = nomem(err);
                    goto done;
                }
            }
        }
        for (size_t a = 0; a < present.n; a++) first[present.v[a]] = PX_NONE;
        i = j;
    }
    for (uint32_t p = 0; p < c->participants.n; p++)
        if (node[p] && PX_VEC_PUSH(out->nodes, p)) { st = nomem(err); goto done; }
done:
    PX_VEC_FREE(present);
    free(v); free(first); free(node); free(seen);
    return st;
}
