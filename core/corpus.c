/* corpus.c - the corpus, the model the importer fills: making and freeing
 * one, its problems and positions, resolving speakers when it is
 * finished, building the indexes that make selections cheap, and finding
 * things in it. Loading files is core/source.c's, reading them
 * core/tei.c's. */
#include "tei.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void px_options_init(px_options *o)
{
    memset(o, 0, sizeof *o);
    o->identity = PX_IDENTITY_CORPUS;
    o->max_depth = 512;
    o->max_utterance_text = 4u << 20;
    o->max_names = 2000;
    o->max_text_node = 64ull << 20;
}

const char *px_kind_name(px_kind k)
{
    switch (k) {
    case PX_KIND_SPOKEN: return "spoken";
    case PX_KIND_DRAMA: return "drama";
    case PX_KIND_CMC: return "cmc";
    case PX_KIND_DEBATE: return "debate";
    default: return "none";
    }
}

const char *px_sex_name(px_sex s)
{
    switch (s) {
    case PX_SEX_FEMALE: return "female";
    case PX_SEX_MALE: return "male";
    case PX_SEX_OTHER: return "other";
    default: return NULL;
    }
}

const char *px_event_type_name(px_event_type t)
{
    static const char *names[] = {"pause", "vocal", "kinesic", "incident", "shift", "anchor"};
    return t <= PX_EVENT_ANCHOR ? names[t] : "event";
}

px_corpus *px_corpus_new(const px_options *opt)
{
    px_corpus *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->refcount = 1;
    if (opt) c->opt = *opt;
    else px_options_init(&c->opt);
    c->unknown = PX_NONE;
    if (px_strtab_init(&c->strings) || px_strtab_init(&c->terms) ||
        px_map_init(&c->participant_by_id) ||
        px_map_init(&c->document_by_id) || px_map_init(&c->org_by_id) ||
        PX_VEC_PUSH(c->uid_text, '\0') /* offset 0: no id */) {
        px_corpus_unref(c);
        return NULL;
    }
    return c;
}

px_corpus *px_corpus_ref(px_corpus *c)
{
    if (c) c->refcount++;
    return c;
}

void px_corpus_unref(px_corpus *c)
{
    if (!c || --c->refcount > 0) return;
    if (c->import_cache_free) c->import_cache_free(c->import_cache);
    px_strtab_destroy(&c->strings);
    px_strtab_destroy(&c->terms);
    PX_VEC_FREE(c->files);
    PX_VEC_FREE(c->documents);
    PX_VEC_FREE(c->participants);
    PX_VEC_FREE(c->orgs);
    PX_VEC_FREE(c->affiliations);
    PX_VEC_FREE(c->utterances);
    PX_VEC_FREE(c->segments);
    PX_VEC_FREE(c->events);
    PX_VEC_FREE(c->annotations);
    PX_VEC_FREE(c->kvs);
    PX_VEC_FREE(c->refs);
    PX_VEC_FREE(c->tokens);
    PX_VEC_FREE(c->text);
    PX_VEC_FREE(c->seg_utts);
    PX_VEC_FREE(c->part_utts);
    PX_VEC_FREE(c->part_utt_first);
    PX_VEC_FREE(c->part_docs);
    PX_VEC_FREE(c->part_doc_first);
    PX_VEC_FREE(c->doc_parts);
    PX_VEC_FREE(c->doc_part_first);
    PX_VEC_FREE(c->term_counts);
    PX_VEC_FREE(c->problems);
    PX_VEC_FREE(c->refusals);
    px_map_destroy(&c->participant_by_id);
    PX_VEC_FREE(c->uid_text);
    PX_VEC_FREE(c->uid_index);
    px_map_destroy(&c->document_by_id);
    px_map_destroy(&c->org_by_id);
    free(c);
}

px_status px_corpus_problem(px_corpus *c, px_severity sev, const char *code,
                            px_pos pos, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_problem p;
    p.severity = (uint8_t)sev;
    p.code = px_strtab_intern(&c->strings, code, strlen(code));
    p.message = px_strtab_intern(&c->strings, msg, strlen(msg));
    p.pos = pos;
    p.subject = 0;
    p.count = 1;
    if (p.code == PX_STR_ERR || p.message == PX_STR_ERR || PX_VEC_PUSH(c->problems, p))
        return PX_ENOMEM;
    return PX_OK;
}

void px_pos_format(const px_corpus *c, px_pos p, char *out, size_t n)
{
    if (!n) return;
    out[0] = '\0';
    size_t o = 0;
    if (p.file < c->files.n && c->files.v[p.file].incl.file) {
        /* the chain of includes first: "root.xml:40:3 > " */
        px_pos at = c->files.v[p.file].incl;
        at.file--;
        if (at.file < p.file) {
            px_pos_format(c, at, out, n);
            o = strlen(out);
            if (o + 3 < n) { memcpy(out + o, " > ", 4); o += 3; }
        }
    }
    const char *f = p.file < c->files.n ? px_str_get(c, c->files.v[p.file].path) : "?";
    if (p.line && p.col) snprintf(out + o, n - o, "%s:%u:%u", f, p.line, p.col);
    else if (p.line) snprintf(out + o, n - o, "%s:%u", f, p.line);
    else snprintf(out + o, n - o, "%s", f);
}

/* ------------------------------------------------------------------ */
/* Finishing                                                           */
/* ------------------------------------------------------------------ */

static uint64_t part_key(px_str id, uint32_t doc)
{
    return (uint64_t)id | ((uint64_t)(doc == PX_NONE ? 0xFFFFFFFFu : doc) << 32);
}

uint32_t px_participant_find(const px_corpus *c, const char *id, uint32_t document)
{
    px_str s = px_strtab_find(&c->strings, id, strlen(id));
    if (s == PX_NONE) return PX_NONE;
    if (document != PX_NONE) {
        uint32_t p = px_map_get(&c->participant_by_id, part_key(s, document));
        if (p != PX_NONE) return p;
    }
    return px_map_get(&c->participant_by_id, part_key(s, PX_NONE));
}

void px_utterance_terms(const px_corpus *c, const px_utterance *u, uint32_t *out)
{
    const uint8_t *p = px_utterance_tokens(c, u);
    for (uint32_t k = 0; k < u->tok_count; k++) out[k] = px_token_next(&p);
}

uint32_t px_utterance_find(const px_corpus *c, const char *id)
{
    if (!c->uid_index.n) return PX_NONE;
    uint32_t h = px_hash_bytes(id, strlen(id));
    uint32_t mask = (uint32_t)c->uid_index.n - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = c->uid_index.v[i];
        if (!e) return PX_NONE;
        uint32_t off = c->utterances.v[e - 1].id;
        if (px_uid_hash(c, off) == h && strcmp(c->uid_text.v + off, id) == 0) return e - 1;
    }
}

/* The index by utterance id: open addressing over utterance indices, the
 * first utterance of an id wins. */
static int build_uid_index(px_corpus *c)
{
    size_t size = 16;
    while (size < c->utterances.n * 2) size *= 2;
    if (PX_VEC_RESERVE(c->uid_index, size)) return -1;
    c->uid_index.n = size;
    px_prefault_all(c->uid_index.v, size * sizeof(uint32_t));
    memset(c->uid_index.v, 0, size * sizeof(uint32_t));
    uint32_t mask = (uint32_t)size - 1;
    for (size_t u = 0; u < c->utterances.n; u++) {
        uint32_t off = c->utterances.v[u].id, h = px_uid_hash(c, off);
        const char *id = c->uid_text.v + off;
        uint32_t i = h & mask;
        int dup = 0;
        while (c->uid_index.v[i]) {
            uint32_t other = c->utterances.v[c->uid_index.v[i] - 1].id;
            if (px_uid_hash(c, other) == h && strcmp(c->uid_text.v + other, id) == 0) { dup = 1; break; }
            i = (i + 1) & mask;
        }
        if (!dup) c->uid_index.v[i] = (uint32_t)u + 1;
    }
    return 0;
}

uint32_t px_document_find(const px_corpus *c, const char *id)
{
    px_str s = px_strtab_find(&c->strings, id, strlen(id));
    return s == PX_NONE ? PX_NONE : px_map_get(&c->document_by_id, s);
}

uint32_t px_org_find(const px_corpus *c, const char *id)
{
    px_str s = px_strtab_find(&c->strings, id, strlen(id));
    return s == PX_NONE ? PX_NONE : px_map_get(&c->org_by_id, s);
}

static uint32_t new_participant(px_corpus *c, px_str id, uint32_t doc, px_pos pos)
{
    px_participant p;
    memset(&p, 0, sizeof p);
    p.id = id;
    p.age = NAN;
    p.document = doc;
    p.pos = pos;
    p.attr_first = (uint32_t)c->kvs.n;
    p.aff_first = (uint32_t)c->affiliations.n;
    if (PX_VEC_PUSH(c->participants, p)) return PX_NONE;
    uint32_t ix = (uint32_t)c->participants.n - 1;
    if (px_map_put(&c->participant_by_id, part_key(id, doc), ix)) return PX_NONE;
    return ix;
}

/* Whether the ids of document d are its own: in per-document identity,
 * and for a play (DraCor's plays of one folder are by different authors:
 * two Maries are two people). */
static int ids_per_document(const px_corpus *c, uint32_t d)
{
    return c->opt.identity == PX_IDENTITY_DOCUMENT ||
           (d < c->documents.n && c->documents.v[d].kind == PX_KIND_DRAMA);
}

/* Warns that the person declared at participant `drop` is taken for the
 * one declared at `keep` though their names differ. */
static px_status warn_names_differ(px_corpus *c, uint32_t keep, uint32_t drop)
{
    const px_participant *k = &c->participants.v[keep], *d = &c->participants.v[drop];
    char where[600];
    px_pos_format(c, k->pos, where, sizeof where);
    return px_corpus_problem(c, PX_WARNING, "id-names-differ", d->pos,
                             "the person '%s' is named '%s' here and '%s' at %s; one id is "
                             "one participant across the corpus, so both are taken for '%s' "
                             "(give different people different ids)",
                             px_str_get(c, d->id), px_str_get(c, d->name), px_str_get(c, k->name),
                             where, px_str_get(c, k->name));
}

/* Persons declared inside a document were keyed by it while loading. A
 * play keeps its own, unless a declaration outside any document (a corpus
 * header, a listPerson file) names the id: then that one is the person.
 * Other documents' persons are one per id corpus-wide, the first
 * declaration winning. The dropped declarations leave the array. */
static px_status settle_identities(px_corpus *c)
{
    if (c->opt.identity == PX_IDENTITY_DOCUMENT) return PX_OK;
    size_t n = c->participants.n;
    uint32_t *to = malloc((n + 1) * sizeof *to);   /* PX_NONE: kept */
    if (!to) return PX_ENOMEM;
    px_status st = PX_OK;
    /* corpus-level ids first: only those are in the map under PX_NONE now */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            px_participant *p = &c->participants.v[i];
            if (pass == 0) to[i] = PX_NONE;
            if (p->document == PX_NONE || (pass == 0) != ids_per_document(c, p->document)) continue;
            uint32_t k = px_map_get(&c->participant_by_id, part_key(p->id, PX_NONE));
            if (k != PX_NONE) {
                to[i] = k;
                if (p->name && c->participants.v[k].name && p->name != c->participants.v[k].name &&
                    (st = warn_names_differ(c, k, (uint32_t)i)) != PX_OK)
                    goto done;
            } else if (pass == 1) {
                if (px_map_put(&c->participant_by_id, part_key(p->id, PX_NONE), (uint32_t)i)) {
                    st = PX_ENOMEM;
                    goto done;
                }
                p->document = PX_NONE;
            }
        }
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (to[i] == PX_NONE) c->participants.v[o++] = c->participants.v[i];
    if (o == n) goto done;
    c->participants.n = o;
    px_map_clear(&c->participant_by_id);
    for (size_t i = 0; i < o; i++) {
        const px_participant *p = &c->participants.v[i];
        if (px_map_put(&c->participant_by_id, part_key(p->id, p->document), (uint32_t)i)) {
            st = PX_ENOMEM;
            goto done;
        }
    }
done:
    free(to);
    return st;
}

/* After the speakers are resolved: a play's person whose id no other
 * document uses is found by that id alone too (px_participant_find with
 * PX_NONE), as when the play is loaded by itself. */
static int alias_unique_ids(px_corpus *c)
{
    if (c->opt.identity == PX_IDENTITY_DOCUMENT) return 0;
    px_map seen;   /* id -> the one participant of it, or PX_NONE - 1: several */
    if (px_map_init(&seen)) return -1;
    for (size_t i = 0; i < c->participants.n; i++) {
        const px_participant *p = &c->participants.v[i];
        if (p->document == PX_NONE) continue;
        uint32_t v = px_map_get(&seen, p->id) == PX_NONE ? (uint32_t)i : PX_NONE - 1;
        if (px_map_put(&seen, p->id, v)) { px_map_destroy(&seen); return -1; }
    }
    for (size_t i = 0; i < c->participants.n; i++) {
        const px_participant *p = &c->participants.v[i];
        if (p->document == PX_NONE || px_map_get(&seen, p->id) != (uint32_t)i) continue;
        uint64_t key = part_key(p->id, PX_NONE);
        if (px_map_get(&c->participant_by_id, key) == PX_NONE &&
            px_map_put(&c->participant_by_id, key, (uint32_t)i)) {
            px_map_destroy(&seen);
            return -1;
        }
    }
    px_map_destroy(&seen);
    return 0;
}

/* Resolves one raw reference to a participant; creates the undeclared
 * ones (and `unknown` for a blank @who). */
static uint32_t resolve_who(px_corpus *c, uint32_t raw, const px_utterance *u,
                            int create, px_status *st)
{
    uint32_t doc = ids_per_document(c, u->document) ? u->document : PX_NONE;
    if (raw == PX_NONE) {
        if (c->unknown == PX_NONE) {
            px_str id = px_strtab_intern(&c->strings, "unknown", 7);
            uint32_t p = id == PX_STR_ERR ? PX_NONE : px_map_get(&c->participant_by_id, part_key(id, PX_NONE));
            if (p == PX_NONE && id != PX_STR_ERR) p = new_participant(c, id, PX_NONE, u->pos);
            if (p == PX_NONE) { *st = PX_ENOMEM; return PX_NONE; }
            c->unknown = p;
        }
        return c->unknown;
    }
    uint32_t p = PX_NONE;
    if (doc != PX_NONE) p = px_map_get(&c->participant_by_id, part_key(raw, doc));
    if (p == PX_NONE) p = px_map_get(&c->participant_by_id, part_key(raw, PX_NONE));
    if (p != PX_NONE || !create) return p;
    p = new_participant(c, raw, doc, u->pos);
    if (p == PX_NONE) { *st = PX_ENOMEM; return PX_NONE; }
    if (px_corpus_problem(c, PX_WARNING, "undeclared-who", u->pos,
                          "@who names '%s', who is declared in no listPerson or particDesc; "
                          "Praxis adds a participant '%s' with no attributes (declare a "
                          "<person xml:id=\"%s\"> to give a name and attributes)",
                          px_str_get(c, raw), px_str_get(c, raw), px_str_get(c, raw)) != PX_OK)
        *st = PX_ENOMEM;
    return p;
}

/* One unknown-element warning per element name for the whole corpus: the
 * first position, the count summed, the count in the message. */
static int merge_unknown_elements(px_corpus *c)
{
    px_str code = px_strtab_find(&c->strings, "unknown-element", 15);
    if (code == PX_NONE) return 0;
    px_map first;
    if (px_map_init(&first)) return -1;
    size_t o = 0;
    for (size_t i = 0; i < c->problems.n; i++) {
        px_problem p = c->problems.v[i];
        if (p.code == code && p.subject) {
            uint32_t k = px_map_get(&first, p.subject);
            if (k != PX_NONE) { c->problems.v[k].count += p.count; continue; }
            if (px_map_put(&first, p.subject, (uint32_t)o)) { px_map_destroy(&first); return -1; }
        }
        c->problems.v[o++] = p;
    }
    c->problems.n = o;
    px_map_destroy(&first);
    for (size_t i = 0; i < c->problems.n; i++) {
        px_problem *p = &c->problems.v[i];
        if (p->code != code || !p->subject) continue;
        char msg[400];
        const char *name = px_str_get(c, p->subject);
        snprintf(msg, sizeof msg, "<%.200s> is not a TEI P5 element (%u time%s); %s", name,
                 p->count, p->count == 1 ? "" : "s", px_tei_reads_element(name) ?
                 "Praxis reads it as the older form it is" :
                 "its content is read as if the tags were not there");
        px_str m = px_strtab_intern(&c->strings, msg, strlen(msg));
        if (m == PX_STR_ERR) return -1;
        c->problems.v[i].message = m;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The utterance of u's own document that u's @replyTo names (a pointer is
 * a reference inside its document), PX_NONE when there is none. The
 * corpus's index holds the first utterance of each id; when that one is in
 * another document, the document's own index (*local, of document
 * *local_doc, built on first need) answers. *oom is set when out of memory. */
static uint32_t reply_target(const px_corpus *c, const px_utterance *u, px_map *local,
                             uint32_t *local_doc, int *oom)
{
    const char *id = c->uid_text.v + u->reply_to;
    uint32_t t = px_utterance_find(c, id);
    if (t == PX_NONE || c->utterances.v[t].document == u->document) return t;
    const px_document *d = &c->documents.v[u->document];
    uint32_t first = d->utt_first, end = d->utt_first + d->utt_count;
    if (*local_doc != u->document) {
        if ((size_t)local->mask + 1 > 4 * (size_t)d->utt_count + 64) {
            /* a big document's table: not cleared again for each small one */
            px_map_destroy(local);
            if (px_map_init(local)) { *oom = 1; return PX_NONE; }
        }
        px_map_clear(local);
        for (uint32_t i = end; i-- > first;) {   /* backwards: the first of an id wins */
            uint32_t off = c->utterances.v[i].id;
            if (off && px_map_put(local, px_uid_hash(c, off), i)) { *oom = 1; return PX_NONE; }
        }
        *local_doc = u->document;
    }
    uint32_t k = px_map_get(local, px_uid_hash(c, u->reply_to));
    if (k == PX_NONE) return PX_NONE;
    if (!strcmp(c->uid_text.v + c->utterances.v[k].id, id)) return k;
    for (uint32_t i = first; i < end; i++)   /* two ids of one hash: rare */
        if (c->utterances.v[i].id && !strcmp(c->uid_text.v + c->utterances.v[i].id, id)) return i;
    return PX_NONE;
}

/* Replies, and the indexes by participant, document and segment: two
 * passes over the utterances in order (one counts, one fills) instead of
 * one pass each. Utterances of a document are contiguous and documents in
 * order, so a participant's documents come in order of first use.
 * Returns 0, or -1 when out of memory (problems may fail only so). */
static int build_indexes(px_corpus *c)
{
    size_t np = c->participants.n, nd = c->documents.n, ns = c->segments.n;
    size_t nu = c->utterances.n;
    int rc = -1, oom = 0;
    px_map local;                                           /* one document's ids */
    uint32_t local_doc = PX_NONE;
    if (px_map_init(&local)) return -1;
    uint32_t *stamp = malloc((np + 1) * sizeof *stamp);     /* last document listed */
    uint32_t *fill = calloc(np + 1, sizeof *fill);          /* utterances placed */
    uint32_t *dfill = calloc(np + 1, sizeof *dfill);        /* documents placed */
    uint32_t *sfill = calloc(ns + 1, sizeof *sfill);        /* segment utterances placed */
    if (!stamp || !fill || !dfill || !sfill) goto done;
    if (PX_VEC_RESERVE(c->part_utt_first, np + 1) || PX_VEC_RESERVE(c->part_doc_first, np + 1) ||
        PX_VEC_RESERVE(c->doc_part_first, nd + 1))
        goto done;
    memset(c->part_utt_first.v, 0, (np + 1) * sizeof(uint32_t));
    memset(c->part_doc_first.v, 0, (np + 1) * sizeof(uint32_t));
    c->part_utt_first.n = c->part_doc_first.n = np + 1;
    c->doc_part_first.n = nd + 1;
    c->doc_parts.n = 0;
    for (size_t g = 0; g < ns; g++) c->segments.v[g].utt_count = 0;
    for (size_t p = 0; p < np; p++) stamp[p] = PX_NONE;

    /* 1: count; resolve replies; list each document's participants */
    size_t utt_total = 0, doc_total = 0;
    for (size_t d = 0; d < nd; d++) {
        const px_document *doc = &c->documents.v[d];
        c->doc_part_first.v[d] = (uint32_t)c->doc_parts.n;
        for (uint32_t i = doc->utt_first; i < doc->utt_first + doc->utt_count && i < nu; i++) {
            px_utterance *u = &c->utterances.v[i];
            if (u->reply_to != PX_NONE) {
                uint32_t raw = u->reply_to;   /* an offset in uid_text until now */
                uint32_t t = reply_target(c, u, &local, &local_doc, &oom);
                if (oom) goto done;
                u->reply_to = t;
                if (t == PX_NONE &&
                    px_corpus_problem(c, PX_WARNING, "dangling-reply", u->pos,
                                      "@replyTo names '%s', which is no utterance of this "
                                      "document (a pointer never leaves its document)",
                                      c->uid_text.v + raw) != PX_OK)
                    goto done;
            }
            if (u->segment != PX_NONE) c->segments.v[u->segment].utt_count++;
            for (uint32_t k = 0; k < u->spk_count; k++) {
                uint32_t p = c->refs.v[u->spk_first + k];
                int dup = 0;
                for (uint32_t j = 0; j < k; j++) if (c->refs.v[u->spk_first + j] == p) dup = 1;
                if (dup) continue;
                c->part_utt_first.v[p + 1]++;
                utt_total++;
                if (stamp[p] != (uint32_t)d) {
                    stamp[p] = (uint32_t)d;
                    c->part_doc_first.v[p + 1]++;
                    doc_total++;
                    if (PX_VEC_PUSH(c->doc_parts, p)) goto done;
                }
            }
        }
        size_t first = c->doc_part_first.v[d];
        if (c->doc_parts.n - first > 1)
            qsort(c->doc_parts.v + first, c->doc_parts.n - first, sizeof(uint32_t), cmp_u32);
    }
    c->doc_part_first.v[nd] = (uint32_t)c->doc_parts.n;
    for (size_t p = 0; p < np; p++) {
        c->part_utt_first.v[p + 1] += c->part_utt_first.v[p];
        c->part_doc_first.v[p + 1] += c->part_doc_first.v[p];
    }
    uint32_t off = 0;
    for (size_t g = 0; g < ns; g++) {
        c->segments.v[g].utt_first = off;
        off += c->segments.v[g].utt_count;
    }
    if (PX_VEC_RESERVE(c->part_utts, utt_total + 1) || PX_VEC_RESERVE(c->part_docs, doc_total + 1) ||
        PX_VEC_RESERVE(c->seg_utts, (size_t)off + 1))
        goto done;
    c->part_utts.n = utt_total;
    c->part_docs.n = doc_total;
    c->seg_utts.n = off;

    /* 2: fill, in the same order */
    for (size_t p = 0; p < np; p++) stamp[p] = PX_NONE;
    for (size_t d = 0; d < nd; d++) {
        const px_document *doc = &c->documents.v[d];
        for (uint32_t i = doc->utt_first; i < doc->utt_first + doc->utt_count && i < nu; i++) {
            const px_utterance *u = &c->utterances.v[i];
            uint32_t g = u->segment;
            if (g != PX_NONE) c->seg_utts.v[c->segments.v[g].utt_first + sfill[g]++] = i;
            for (uint32_t k = 0; k < u->spk_count; k++) {
                uint32_t p = c->refs.v[u->spk_first + k];
                int dup = 0;
                for (uint32_t j = 0; j < k; j++) if (c->refs.v[u->spk_first + j] == p) dup = 1;
                if (dup) continue;
                c->part_utts.v[c->part_utt_first.v[p] + fill[p]++] = i;
                if (stamp[p] != (uint32_t)d) {
                    stamp[p] = (uint32_t)d;
                    c->part_docs.v[c->part_doc_first.v[p] + dfill[p]++] = (uint32_t)d;
                }
            }
        }
    }
    rc = 0;
done:
    px_map_destroy(&local);
    free(stamp);
    free(fill);
    free(dfill);
    free(sfill);
    return rc;
}

px_status px_corpus_finish(px_corpus *c, px_error *err)
{
    if (c->finished) return PX_OK;
    px_status st = PX_OK;
    if (merge_unknown_elements(c)) goto nomem;
    /* organisations */
    for (size_t i = 0; i < c->orgs.n; i++)
        if (c->orgs.v[i].id && px_map_get(&c->org_by_id, c->orgs.v[i].id) == PX_NONE &&
            px_map_put(&c->org_by_id, c->orgs.v[i].id, (uint32_t)i))
            goto nomem;
    st = settle_identities(c);
    if (st != PX_OK) goto nomem;
    /* speakers */
    uint32_t blank_docs = PX_NONE;
    for (size_t i = 0; i < c->utterances.n; i++) {
        px_utterance *u = &c->utterances.v[i];
        for (uint32_t k = 0; k < u->spk_count; k++) {
            uint32_t raw = c->refs.v[u->spk_first + k];
            if (raw == PX_NONE && blank_docs != u->document) {
                blank_docs = u->document;
                if (px_corpus_problem(c, PX_WARNING, "blank-who", u->pos,
                                      "an utterance has no @who (or a blank one); it is "
                                      "credited to the participant 'unknown'") != PX_OK)
                    goto nomem;
            }
            uint32_t p = resolve_who(c, raw, u, 1, &st);
            if (st != PX_OK) goto nomem;
            u = &c->utterances.v[i];
            c->refs.v[u->spk_first + k] = p;
        }
        /* addressees: dangling ones are dropped with a warning */
        uint32_t kept = 0;
        for (uint32_t k = 0; k < u->adr_count; k++) {
            uint32_t raw = c->refs.v[u->adr_first + k];
            uint32_t p = resolve_who(c, raw, u, 0, &st);
            if (p == PX_NONE) {
                if (px_corpus_problem(c, PX_WARNING, "dangling-addressee", u->pos,
                                      "the addressee '%s' is no participant; it is left out",
                                      raw == PX_NONE ? "" : px_str_get(c, raw)) != PX_OK)
                    goto nomem;
                u = &c->utterances.v[i];
                continue;
            }
            c->refs.v[u->adr_first + kept++] = p;
        }
        u->adr_count = kept;
    }
    if (alias_unique_ids(c)) goto nomem;
    /* names default to ids */
    for (size_t i = 0; i < c->participants.n; i++)
        if (!c->participants.v[i].name) c->participants.v[i].name = c->participants.v[i].id;
    /* ids of utterances and documents */
    if (build_uid_index(c)) goto nomem;
    for (size_t i = 0; i < c->documents.n; i++) {
        px_str id = c->documents.v[i].id;
        if (px_map_get(&c->document_by_id, id) == PX_NONE &&
            px_map_put(&c->document_by_id, id, (uint32_t)i))
            goto nomem;
    }
    if (build_indexes(c)) goto nomem;
    /* term counts: kept by the importer as tokens were added; every term
     * has its slot (those only seen in refused files count 0) */
    if (PX_VEC_RESERVE(c->term_counts, (size_t)c->terms.count + 1)) goto nomem;
    while (c->term_counts.n < c->terms.count) c->term_counts.v[c->term_counts.n++] = 0;
    if (!c->name) c->name = px_strtab_intern(&c->strings, "corpus", 6);
    if (c->import_cache_free) c->import_cache_free(c->import_cache);
    c->import_cache = NULL;
    c->finished = 1;
    return PX_OK;
nomem:
    return px_error_set(err, PX_ENOMEM, "out of memory while finishing the corpus");
}

uint32_t px_corpus_speaking_count(const px_corpus *c)
{
    uint32_t n = 0;
    for (size_t p = 0; p < c->participants.n; p++)
        if (c->part_utt_first.v[p + 1] > c->part_utt_first.v[p]) n++;
    return n;
}
