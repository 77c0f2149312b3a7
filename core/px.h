/*
 * px.h - the Praxis core: data model, TEI import, text, errors.
 *
 * The core knows nothing of Lua. A corpus owns everything; every other
 * object (document, participant, utterance, segment, event) is an index
 * into one of its flat arrays. Strings (ids, names, attribute values) live
 * in one interning table per corpus; words (terms) in a second one, so that
 * term ids are dense. The corpus is filled by px_corpus_add_* and frozen by
 * px_corpus_finish; after that it is immutable and may be shared
 * (px_corpus_ref / px_corpus_unref).
 *
 * Errors: fallible functions return px_status and fill a caller-owned
 * px_error. Nothing here aborts on bad input.
 *
 * Praxis is free software: GPL-3.0-or-later (see LICENSE).
 */
#ifndef PX_H
#define PX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PX_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

typedef enum px_status {
    PX_OK = 0,
    PX_ENOMEM,     /* out of memory */
    PX_EINVAL,     /* bad argument (a programming or usage error) */
    PX_EIO,        /* a file could not be read */
    PX_EDATA,      /* the data is not acceptable (not well-formed, hostile, not TEI) */
    PX_ELIMIT,     /* a limit of Praxis was exceeded (depth, text size, names) */
    PX_EINTR,      /* interrupted by the user */
    PX_ENOTFOUND   /* something looked up does not exist */
} px_status;

typedef struct px_error {
    px_status code;
    char msg[768];        /* one or two sentences: what, and what to do */
    char file[512];       /* data position, "" when none */
    int line, col;        /* 1-based; 0 when unknown */
} px_error;

void px_error_clear(px_error *e);
/* Sets code and a printf-style message; keeps any position already set. */
px_status px_error_set(px_error *e, px_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Writes "FILE:LINE:COL: message" (position parts only when known). */
void px_error_format(const px_error *e, char *out, size_t n);

/* ------------------------------------------------------------------ */
/* Growable arrays and string tables (internal building blocks)        */
/* ------------------------------------------------------------------ */

/* Grows *v (elements of size elsz) so that it holds at least need
 * elements. Returns 0, or -1 when out of memory (then *v is unchanged). */
int px_grow(void **v, size_t *cap, size_t need, size_t elsz);

#define PX_VEC(T) struct { T *v; size_t n, cap; }

/* Faulting in the pages of a big array ahead of its writes: one
 * madvise(MADV_POPULATE_WRITE) per PX_PREFAULT_STEP bytes instead of a page
 * fault per page (a fault costs more than clearing its page). Where the
 * system has no such call, nothing happens. The state belongs to one array
 * and starts zeroed. */
typedef struct px_prefault_state { const void *base; size_t upto; size_t page; } px_prefault_state;
#define PX_PREFAULT_STEP ((size_t)1 << 20)
void px_prefault_more(px_prefault_state *pf, void *v, size_t used, size_t cap);
/* Faults in the whole of v[0..bytes), which is about to be written all
 * over (a hash table, an index). */
void px_prefault_all(void *v, size_t bytes);
/* Call before writing up to byte `used` of the array v of cap bytes. */
static inline void px_prefault(px_prefault_state *pf, void *v, size_t used, size_t cap)
{
    if (v != pf->base || used >= pf->upto) px_prefault_more(pf, v, used, cap);
}

#define PX_VEC_RESERVE(vec, need) \
    ((need) <= (vec).cap ? 0 : px_grow((void **)&(vec).v, &(vec).cap, (need), sizeof *(vec).v))
#define PX_VEC_PUSH(vec, val) \
    (PX_VEC_RESERVE(vec, (vec).n + 1) ? -1 : ((vec).v[(vec).n++] = (val), 0))
#define PX_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

typedef uint32_t px_str;          /* id in a string table; 0 is "" */
#define PX_STR_ERR UINT32_MAX     /* returned by intern when out of memory */
#define PX_NONE UINT32_MAX        /* no index */

/* An interning table: each distinct byte string gets one id, ids dense
 * from 0 ("" is id 0). Strings are NUL-terminated in one buffer and stay
 * valid until the table is destroyed (pointers may move while it grows:
 * take them after loading). */
typedef struct px_strtab {
    char *bytes; size_t len, cap;
    uint64_t *offs;               /* id -> offset in bytes */
    uint32_t *hashes;             /* id -> hash */
    uint32_t *lens;               /* id -> length */
    uint32_t count, ocap;
    uint32_t *slots;              /* open addressing: id + 1, 0 = empty */
    uint32_t mask;
} px_strtab;

int px_strtab_init(px_strtab *t);
void px_strtab_destroy(px_strtab *t);
/* Interns s[0..len) and returns its id, or PX_STR_ERR when out of memory.
 * Amortised O(len). */
px_str px_strtab_intern(px_strtab *t, const char *s, size_t len);
/* Finds s without adding it; PX_NONE when absent. */
px_str px_strtab_find(const px_strtab *t, const char *s, size_t len);
static inline const char *px_strtab_get(const px_strtab *t, px_str id)
{
    return t->bytes + t->offs[id];
}
static inline uint32_t px_strtab_len(const px_strtab *t, px_str id) { return t->lens[id]; }
/* Forgets every string (ids start again from 1; "" stays 0), keeping the
 * memory for reuse. */
void px_strtab_clear(px_strtab *t);
/* The hash the tables use (32 bits, never 0). */
uint32_t px_hash_bytes(const char *s, size_t n);
/* Forgets every id >= count (used to roll back a refused file). */
void px_strtab_truncate(px_strtab *t, uint32_t count);

/* A hash map from a 64-bit key to a 32-bit value, with deletion. */
typedef struct px_map {
    uint64_t *keys; uint32_t *vals; uint8_t *used;
    uint32_t mask, count;
} px_map;
int px_map_init(px_map *m);
void px_map_destroy(px_map *m);
int px_map_put(px_map *m, uint64_t key, uint32_t val);   /* 0 or -1 (no memory) */
uint32_t px_map_get(const px_map *m, uint64_t key);      /* PX_NONE when absent */
void px_map_del(px_map *m, uint64_t key);
void px_map_clear(px_map *m);

/* ------------------------------------------------------------------ */
/* The data model                                                      */
/* ------------------------------------------------------------------ */

typedef enum px_kind {
    PX_KIND_NONE = 0, PX_KIND_SPOKEN, PX_KIND_DRAMA, PX_KIND_CMC, PX_KIND_DEBATE
} px_kind;
const char *px_kind_name(px_kind k);

typedef enum px_sex { PX_SEX_NONE = 0, PX_SEX_FEMALE, PX_SEX_MALE, PX_SEX_OTHER } px_sex;
const char *px_sex_name(px_sex s);   /* NULL for PX_SEX_NONE */

typedef enum px_event_type {
    PX_EVENT_PAUSE = 0, PX_EVENT_VOCAL, PX_EVENT_KINESIC, PX_EVENT_INCIDENT,
    PX_EVENT_SHIFT, PX_EVENT_ANCHOR
} px_event_type;
const char *px_event_type_name(px_event_type t);

typedef struct px_kv { px_str key, value; } px_kv;

/* A position in the data: file (index into corpus->files), line, column. */
typedef struct px_pos { uint32_t file, line, col; } px_pos;

typedef struct px_file {
    px_str path;          /* as given or found (relative paths stay relative) */
    uint64_t dev, ino;    /* identity, 0 for memory sources */
    uint64_t bytes;
    uint8_t refused;
    uint8_t component;    /* listPerson/listOrg/header-only teiCorpus */
    uint32_t documents;   /* documents it holds */
    /* where an xi:include pulled it in: incl.file is the including file's
     * index + 1 (0 for a file loaded on its own), line and column those of
     * the include element */
    px_pos incl;
} px_file;

typedef struct px_document {
    px_str id, title, date;   /* date as written, ISO 8601 (partial allowed) */
    uint8_t kind;             /* px_kind */
    uint32_t file;
    uint32_t utt_first, utt_count;   /* contiguous range of utterances */
    uint32_t seg_first, seg_count;   /* contiguous range of segments */
    uint32_t meta_first, meta_count; /* into corpus->kvs */
    px_str lang;
    double date_epoch;        /* first instant of the date, NAN when none */
    px_pos pos;
} px_document;

typedef struct px_affiliation {
    px_str ref, role, from, to, ana, name;  /* ref without '#' */
} px_affiliation;

typedef struct px_participant {
    px_str id, name, role;
    uint8_t sex;              /* px_sex */
    uint8_t group;            /* personGrp */
    uint8_t declared;         /* declared by person/personGrp (else only used in @who) */
    double age;               /* years, NAN when unknown */
    uint32_t attr_first, attr_count;  /* raw attributes, into corpus->kvs */
    uint32_t aff_first, aff_count;    /* into corpus->affiliations */
    uint32_t document;        /* per-document identity, or a play's own person
                               * (docs/DESIGN.md "Participant identity"): its
                               * document; else PX_NONE */
    px_pos pos;
} px_participant;

typedef struct px_org {
    px_str id, role, name, abbr;
    px_pos pos;
} px_org;

typedef struct px_utterance {
    uint32_t document, segment, index;     /* index: position in its document, from 0 */
    uint32_t spk_first, spk_count;         /* into corpus->refs: participant indices */
    uint32_t adr_first, adr_count;         /* addressees, into corpus->refs */
    uint32_t reply_to;                     /* utterance index or PX_NONE */
    uint32_t id;                           /* offset in corpus->uid_text */
    px_str lang;
    double start, end;                     /* seconds, NAN when untimed */
    double time;                           /* absolute, seconds since 1970 UTC, NAN */
    uint32_t text_off, text_len;           /* into corpus->text */
    uint32_t tok_first, tok_count;         /* byte offset into corpus->tokens, and how
                                            * many tokens (px_token_next reads them) */
    uint32_t ev_first, ev_count;           /* events inside it, into corpus->events */
    uint32_t attr_first, attr_count;       /* raw attributes of the unit, into corpus->kvs */
    uint32_t ann_first, ann_count;         /* annotation spans, into corpus->annotations */
    int32_t indent;                        /* @indentLevel, -1 when absent */
    px_pos pos;
} px_utterance;

/* One span of an annotation tier (ISO spanGrp/span): the tier's @type,
 * the span's text and its @from/@to (or first/last @target), without '#'. */
typedef struct px_annotation {
    px_str type, text, from, to;
} px_annotation;

typedef struct px_segment {
    px_str id, type;
    uint32_t document;
    uint32_t utt_first, utt_count;         /* into corpus->seg_utts (index set) */
    px_pos pos;
} px_segment;

typedef struct px_event {
    uint32_t document, utterance;          /* utterance PX_NONE when between */
    px_str who, desc, feature, value;      /* value: shift's @new, pause's @type */
    double start, end, dur;                /* NAN when unknown */
    px_pos pos;
    uint8_t type;                          /* px_event_type (last: 64 bytes in all) */
} px_event;

typedef enum px_severity { PX_WARNING = 0, PX_ERROR = 1 } px_severity;

typedef struct px_problem {
    uint8_t severity;
    px_str code;                           /* fixed short code, e.g. "undeclared-who" */
    px_str message;
    px_pos pos;
    px_str subject;                        /* what it is about (unknown-element: the name), 0 */
    uint32_t count;                        /* occurrences it stands for (1) */
} px_problem;

typedef struct px_refusal {
    px_str path;                           /* the file */
    px_error error;
} px_refusal;

typedef enum px_identity { PX_IDENTITY_CORPUS = 0, PX_IDENTITY_DOCUMENT } px_identity;

typedef struct px_options {
    px_identity identity;     /* one id = one participant corpus-wide (default) */
    uint32_t max_depth;       /* element nesting (default 512) */
    uint32_t max_utterance_text;  /* bytes of one utterance's text (default 4 MiB) */
    uint32_t max_names;       /* distinct element+attribute names per file (default 2000) */
    uint64_t max_text_node;   /* bytes of text between two tags (default 64 MiB) */
    /* progress: called between files and every few MB; may be NULL */
    void (*progress)(void *ud, uint64_t bytes_done, uint64_t bytes_total,
                     uint32_t files_done, uint32_t files_total);
    void *progress_ud;
} px_options;

void px_options_init(px_options *o);

typedef struct px_corpus {
    int refcount;
    px_options opt;
    px_str name, title;
    px_strtab strings;                     /* ids, names, values */
    px_strtab terms;                       /* folded word forms; term id = string id */
    PX_VEC(char) uid_text;                 /* utterance ids, NUL-terminated, each after its
                                            * 4-byte hash; u.id is an offset (0: none) */
    PX_VEC(uint32_t) uid_index;            /* open addressing by id: utterance index + 1 */
    PX_VEC(px_file) files;
    PX_VEC(px_document) documents;
    PX_VEC(px_participant) participants;
    PX_VEC(px_org) orgs;
    PX_VEC(px_affiliation) affiliations;
    PX_VEC(px_utterance) utterances;
    PX_VEC(px_segment) segments;
    PX_VEC(px_event) events;
    PX_VEC(px_annotation) annotations;
    PX_VEC(px_kv) kvs;
    PX_VEC(uint32_t) refs;                 /* speaker/addressee lists */
    PX_VEC(uint8_t) tokens;                /* term ids, utterance by utterance, each in
                                            * LEB128 (7 bits a byte, high bit: more);
                                            * ids follow first use, so frequent words
                                            * take one or two bytes */
    uint64_t token_count;                  /* tokens in the stream */
    PX_VEC(char) text;                     /* utterance texts, each NUL-terminated */
    PX_VEC(uint32_t) seg_utts;             /* segment -> utterances (CSR) */
    PX_VEC(uint32_t) part_utts;            /* participant -> utterances (CSR) */
    PX_VEC(uint32_t) part_utt_first;       /* participants.n + 1 offsets */
    PX_VEC(uint32_t) part_docs;            /* participant -> documents (CSR) */
    PX_VEC(uint32_t) part_doc_first;
    PX_VEC(uint32_t) doc_parts;            /* document -> participants (CSR) */
    PX_VEC(uint32_t) doc_part_first;
    PX_VEC(uint32_t) term_counts;          /* term id -> occurrences */
    PX_VEC(px_problem) problems;
    PX_VEC(px_refusal) refusals;
    px_map participant_by_id;              /* key: px_str (| doc << 32 for a document's own) */
    px_map document_by_id;
    px_map org_by_id;
    uint32_t unknown;                      /* the `unknown` participant or PX_NONE */
    int finished;
    uint64_t bytes_total, bytes_done;      /* progress accounting */
    void *import_cache;                    /* what the importer keeps between files,
                                            * freed at finish with: */
    void (*import_cache_free)(void *cache);
} px_corpus;

/* The hash (px_hash_bytes) stored before the utterance id at offset off
 * of uid_text; 0 for offset 0, no id. */
static inline uint32_t px_uid_hash(const px_corpus *c, uint32_t off)
{
    uint32_t h = 0;
    if (off >= 4) memcpy(&h, c->uid_text.v + off - 4, 4);
    return h;
}

/* Reads the term id at *p in the token stream and moves *p past it. */
static inline uint32_t px_token_next(const uint8_t **p)
{
    const uint8_t *q = *p;
    uint32_t more = q[0] >> 7, b1 = q[more];   /* q[1] only when there is one */
    if (!(more & (b1 >> 7))) {                 /* one or two bytes: no branch on which */
        *p = q + 1 + more;
        return (q[0] & 0x7Fu) | ((b1 << 7) & (0u - more));
    }
    uint32_t v = 0;
    unsigned sh = 0;
    do { v |= (uint32_t)(*q & 0x7F) << sh; sh += 7; } while (*q++ & 0x80);
    *p = q;
    return v;
}

/* Where utterance u's tokens begin in the stream (read them with
 * px_token_next, u->tok_count of them); NULL when it has none. */
static inline const uint8_t *px_utterance_tokens(const px_corpus *c, const px_utterance *u)
{
    return u->tok_count ? c->tokens.v + u->tok_first : NULL;
}

/* Writes the term ids of utterance u into out (u->tok_count of them). */
void px_utterance_terms(const px_corpus *c, const px_utterance *u, uint32_t *out);

/* Creates an empty corpus (options may be NULL for defaults). NULL when
 * out of memory. Free with px_corpus_unref. */
px_corpus *px_corpus_new(const px_options *opt);
px_corpus *px_corpus_ref(px_corpus *c);
void px_corpus_unref(px_corpus *c);

/* Adds a file or a folder (its *.xml files, recursively, in byte order of
 * their paths). A file that cannot be read safely is refused as a whole
 * and recorded in c->refusals; that is not a failure of this call.
 * Returns PX_EIO when the path does not exist, PX_EINTR when interrupted,
 * PX_ENOMEM. O(bytes). */
px_status px_corpus_add_path(px_corpus *c, const char *path, px_error *err);

/* Adds one document source from memory (tests, fuzzing). name is used in
 * positions. Same refusal rules as px_corpus_add_path. */
px_status px_corpus_add_memory(px_corpus *c, const char *name,
                               const char *data, size_t len, px_error *err);

/* Adds a set of in-memory files (tests, fuzzing) as a folder would be
 * added: xi:include between them resolves by name (relative to the
 * including file's name, never above the folder of names[root]), roots
 * first, each file once. root is the index of the root to load first, or
 * PX_NONE to pre-scan for teiCorpus roots that use xi:include. The data
 * must stay valid during the call only. */
px_status px_corpus_add_memory_set(px_corpus *c, const char *const *names,
                                   const char *const *datas, const size_t *lens,
                                   size_t n, size_t root, px_error *err);

/* Resolves speakers, addressees and replies, creates undeclared and
 * unknown participants, builds the per-participant and per-segment
 * indexes and term counts. Call once, after the last add. O(n log n). */
px_status px_corpus_finish(px_corpus *c, px_error *err);

/* Loads paths (files or folders) into a new finished corpus. Refusals are
 * in the corpus; returns NULL only on a hard failure (err says why). */
px_corpus *px_corpus_open(const char *const *paths, size_t n,
                          const px_options *opt, px_error *err);

/* Accessors (valid for the corpus's lifetime). */
static inline const char *px_str_get(const px_corpus *c, px_str s)
{
    return px_strtab_get(&c->strings, s);
}
static inline const char *px_term_get(const px_corpus *c, uint32_t t)
{
    return px_strtab_get(&c->terms, t);
}
static inline const char *px_utterance_text(const px_corpus *c, uint32_t u)
{
    return c->text.v + c->utterances.v[u].text_off;
}
static inline const char *px_utterance_id(const px_corpus *c, uint32_t u)
{
    return c->uid_text.v + c->utterances.v[u].id;
}
uint32_t px_participant_find(const px_corpus *c, const char *id, uint32_t document);
uint32_t px_utterance_find(const px_corpus *c, const char *id);
uint32_t px_document_find(const px_corpus *c, const char *id);
uint32_t px_org_find(const px_corpus *c, const char *id);
/* Number of participants with at least one utterance. */
uint32_t px_corpus_speaking_count(const px_corpus *c);
/* Formats a position "file:line:col" into out; inside an included file
 * the chain of includes comes first: "root.xml:40:3 > sitting.xml:12:5". */
void px_pos_format(const px_corpus *c, px_pos p, char *out, size_t n);
/* Records a problem (used by the importer and by checks). */
px_status px_corpus_problem(px_corpus *c, px_severity sev, const char *code,
                            px_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Word rule: a token is a maximal run of letters, digits and combining
 * marks (Unicode categories L*, N*, M*), in which an apostrophe (U+0027,
 * U+2019) or a hyphen (U+002D, U+2010, U+2011) joins two such runs when
 * it stands between them. Tokens are normalised to NFC and case-folded
 * (utf8proc). */
typedef struct px_tokenizer {
    int32_t *cps; size_t cps_cap;      /* scratch, reused */
    char *buf; size_t buf_cap;
    uint32_t *spans; size_t spans_cap; /* px_word_spans: offset, length pairs */
    uint64_t *bits; size_t bits_cap;   /* px_word_spans: byte classes, 64 per word */
    uint32_t *joins; size_t joins_cap; /* px_word_spans: non-ASCII joiners (offset, length) */
    uint64_t two_byte[32];             /* word characters among U+0000..U+07FF */
    int have_two_byte;
} px_tokenizer;
void px_tokenizer_init(px_tokenizer *t);
void px_tokenizer_destroy(px_tokenizer *t);
/* Normalises one word (NFC + case fold) into t's scratch buffer;
 * returns it (valid until the next call) and its length, or NULL when
 * the bytes are not valid UTF-8 or memory runs out. */
const char *px_fold(px_tokenizer *t, const char *s, size_t len, size_t *outlen);
/* Calls fn for each token of text[0..len) (raw bytes, not folded).
 * Returns the number of tokens. */
size_t px_tokenize(const char *text, size_t len,
                   void (*fn)(void *ud, const char *tok, size_t toklen), void *ud);
/* The same words as px_tokenize, found many bytes at a time: writes each
 * word's offset and length (a pair of uint32_t) into t's scratch, sets
 * *spans to it (valid until the next call) and returns the number of
 * words, or (size_t)-1 when out of memory. text must be readable, and
 * initialised, for PX_WORD_SLACK bytes past len: the scanner reads whole
 * blocks, and ignores what lies past len. len < 2^32. A NUL byte is no
 * word character, so several texts can be cut in one call. */
#define PX_WORD_SLACK 16
size_t px_word_spans(px_tokenizer *t, const char *text, size_t len, const uint32_t **spans);

/* ------------------------------------------------------------------ */
/* Time                                                                */
/* ------------------------------------------------------------------ */

/* Parses an ISO 8601 date or date-time ("2024", "2024-01", "2024-01-15",
 * "2024-01-15T09:02:00(.fff)(Z|+hh:mm)", "-0442") into seconds since
 * 1970-01-01 UTC of its first instant. Returns 0 on success. */
int px_parse_datetime(const char *s, double *out);
/* Parses "hh:mm:ss(.fff)" or "mm:ss" into seconds. 0 on success. */
int px_parse_clock(const char *s, double *out);
/* Parses an xs:duration ("PT0.8S", "PT1M2.5S", "P1DT2H") into seconds. */
int px_parse_duration(const char *s, double *out);
/* Parses a date written in a common form ("14-OCT-1993", "14 October
 * 1993", "October 14, 1993") into ISO "1993-10-14". 0 on success. */
int px_parse_loose_date(const char *s, char *iso, size_t n);
/* Formats epoch seconds as "YYYY-MM-DDThh:mm:ss" (or with .fff). */
void px_format_datetime(double t, char *out, size_t n);
/* Formats seconds as "hh:mm:ss" (or "hh:mm:ss.f" when frac). */
void px_format_clock(double s, char *out, size_t n, int frac);

/* ------------------------------------------------------------------ */
/* Summaries                                                           */
/* ------------------------------------------------------------------ */

typedef struct px_summary {
    uint32_t files, refused, components, documents, participants, speaking,
             utterances, segments, events, warnings, errors;
    uint64_t tokens, types, bytes;
    uint32_t kinds[5];
    double first_time, last_time;          /* NAN when unknown */
    char first_date[40], last_date[40];    /* document dates, "" when none */
    double timed_seconds;                  /* sum of document timed spans */
    uint32_t timed_utterances;
} px_summary;

void px_corpus_summary(const px_corpus *c, px_summary *s);
/* Writes the summary for people (aligned, thousands separators) or as
 * one JSON object (json != 0). */
void px_summary_write(const px_corpus *c, const px_summary *s, FILE *out, int json);

/* ------------------------------------------------------------------ */
/* Runtime: what libraries make process-wide (core/runtime.c)          */
/* ------------------------------------------------------------------ */

/* Installs libxml2's refuse-everything external entity loader and
 * initialises the parser once. Idempotent; call before any import. */
void px_runtime_init(void);
/* The interrupt flag, set from a signal handler, read by long loops. */
void px_runtime_interrupt(void);
int px_runtime_interrupted(void);
void px_runtime_clear_interrupt(void);

#endif
