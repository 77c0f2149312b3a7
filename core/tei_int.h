/* tei_int.h - what the importer's files share (internal to core/tei*.c).
 *
 * The importer reads one TEI file in one pass of libxml2's SAX2 push
 * parser, straight into the corpus's flat arrays. Its files, by concern,
 * each calling only those listed before it (and the model, corpus.c; the
 * order is checked by tools/callgraph.sh, which refuses any cycle):
 *
 *   tei_names.c     element names: TEI P5's, and those the importer reads
 *   tei_xml.c       XML safety (entity policy), errors and positions,
 *                   strings and attributes
 *   tei_txn.c       transactions: snapshot, rollback, refusals, file records
 *   tei_text.c      text capture, word tables, tokens
 *   tei_time.c      timelines, when, pointers to them
 *   tei_people.c    person, personGrp, org and what they hold; speaker tiers
 *   tei_docs.c      documents: header metadata, divisions, segments, the
 *                   end of a document
 *   tei_units.c     units (u, sp, post, annotationBlock), events, spans
 *   tei_xinclude.c  xi:include and xi:fallback: what an include names
 *   tei.c           the entry point, the SAX start/end callbacks and the
 *                   table of element handlers, the driver of one file and
 *                   of an included file (a transaction inside its includer's)
 *
 * Everything the importer knows about the file it reads lives in one
 * `imp` (and its `pstate`, one per parser); nothing is global, so that
 * files can be read by importers of their own.
 */
#ifndef PX_TEI_INT_H
#define PX_TEI_INT_H

#define _GNU_SOURCE 1   /* memrchr */
#include "tei.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"
#define XML_NS "http://www.w3.org/XML/1998/namespace"
#define XI_NS "http://www.w3.org/2001/XInclude"
#define XI_NS_OLD "http://www.w3.org/2003/XInclude"   /* as long as XI_NS */

/* ------------------------------------------------------------------ */
/* Element names                                                       */
/* ------------------------------------------------------------------ */

enum elem {
    E_OTHER = 0,
    E_TEI, E_TEICORPUS, E_TEIHEADER, E_TEXT, E_BODY, E_FRONT, E_BACK, E_GROUP,
    E_DIV, E_DIV1, E_DIV2, E_DIV3, E_DIV4, E_DIV5, E_DIV6, E_DIV7,
    E_U, E_SP, E_POST, E_POSTING, E_ABLOCK,
    E_SPEAKER, E_STAGE, E_NOTE, E_GAP, E_DESC, E_HEAD, E_SPANGRP, E_SPAN,
    E_INTERPGRP, E_INTERP, E_FS, E_CASTLIST,
    E_PAUSE, E_VOCAL, E_KINESIC, E_INCIDENT, E_SHIFT, E_ANCHOR,
    E_W, E_SEG, E_P, E_L, E_AB, E_LG, E_S, E_LB,
    E_TIMELINE, E_WHEN,
    E_LISTPERSON, E_PERSON, E_PERSONGRP, E_PERSNAME, E_NAME, E_SEX, E_AGE,
    E_AFFILIATION, E_ALT, E_BIRTH, E_LISTORG, E_ORG, E_ORGNAME,
    E_TITLE, E_TITLESTMT, E_FILEDESC, E_DATE, E_SETTING, E_RECORDING, E_CREATION,
    E_STANDOFF, E_LISTEVENT, E_EVENT, E_ADDRESSEE, E_STRUCT,
    E_XINCLUDE, E_XFALLBACK,    /* XInclude's elements (never in elem_names) */
    E_COUNT
};

static inline int is_div(enum elem e) { return e >= E_DIV && e <= E_DIV7; }
static inline int is_unit(enum elem e)
{
    return e == E_U || e == E_SP || e == E_POST || e == E_POSTING || e == E_ABLOCK;
}

/* Attribute names we read, looked up once per parser in its dictionary so
 * that matching is a pointer comparison. */
enum attr {
    A_ID, A_WHO, A_START, A_END, A_SYNCH, A_WHEN, A_WHEN_ISO, A_REPLYTO,
    A_TOWHOM, A_LANG, A_TYPE, A_ROLE, A_SEX, A_GENDER, A_AGE, A_VALUE, A_REF,
    A_FROM, A_TO, A_ANA, A_FULL, A_ABSOLUTE, A_INTERVAL, A_SINCE, A_UNIT,
    A_ORIGIN, A_DUR, A_FEATURE, A_NEW, A_N, A_NOTBEFORE, A_INDENT,
    A_HREF, A_PARSE, A_XPOINTER, A_BASE, A_TARGET, A_COUNT
};

/* ------------------------------------------------------------------ */
/* Importer state                                                      */
/* ------------------------------------------------------------------ */

enum inc_state { INC_NONE = 0, INC_DONE, INC_FAILED, INC_FALLBACK };

typedef struct frame {
    uint8_t e;
    uint8_t boundary;
    uint8_t inc;            /* xi:include: enum inc_state */
    uint8_t base_bad;       /* an xml:base in effect that is no relative path */
    uint32_t div;           /* innermost div record in effect */
    px_str lang;
    px_str base;            /* xml:base in effect, as a folder ("sub/"), 0 none */
    px_str incmsg;          /* xi:include that failed: the error, unless a fallback */
    px_pos pos;             /* xi:include: where it stands */
    uint32_t line;          /* where its start tag ends (for messages) */
    const xmlChar *name;    /* local name, owned by the parser's dictionary */
} frame;

/* An open spanGrp (ann PX_NONE) or span inside a unit. */
typedef struct spanframe {
    uint32_t depth, ann;
    px_str type;
    uint32_t buf_start;
} spanframe;

typedef struct divrec {
    uint32_t parent;        /* PX_NONE for the body */
    uint8_t level;          /* 0 div, 1..7 divN, 100 body */
    px_str type, xmlid;
    uint32_t direct_units, units_below;
    uint8_t has_div2, marked;
    uint32_t segment;
    px_pos pos;
} divrec;

typedef struct whenrec {
    uint32_t id;            /* offset in wtext */
    uint32_t since;         /* offset in wtext, 0 none */
    uint8_t abs_kind;       /* 0 none, 1 seconds, 2 clock, 3 datetime */
    double abs, interval, unit;
    double value;           /* resolved seconds, NAN */
    uint8_t state;          /* 0 todo, 1 in progress, 2 done */
    px_pos pos;
} whenrec;

typedef struct pendref {
    uint8_t what;           /* 0 utt start, 1 utt end, 2 event start, 3 event end */
    uint32_t idx;
    uint32_t ref;           /* offset in wtext */
    px_pos pos;
} pendref;

enum capture { CAP_NONE = 0, CAP_TITLE, CAP_DATE, CAP_PERSNAME, CAP_NAME, CAP_SEX,
               CAP_AGE, CAP_ORGNAME, CAP_ORGABBR, CAP_DESC, CAP_ROLENAME, CAP_TIERCODE,
               CAP_TIERPARENT };

/* Tiers a TEI-CORPO header declares (notesStmt/note[@type="TEMPLATE_DESC"]:
 * one note per tier, with note[@type="code"] and note[@type="parent"]);
 * the first MAX_TIERS of a document are kept. */
#define MAX_TIERS 128

typedef struct snapshot {
    size_t files, documents, participants, orgs, affiliations, utterances,
           segments, events, kvs, refs, tokens, text, problems, annotations, refusals;
    uint32_t strings, terms;
    size_t uid_text;
    uint64_t token_count;
    px_str name, title;     /* the corpus's, which a teiCorpus may set */
} snapshot;

/* Raw word forms of up to 16 bytes -> terms: an open-addressing table,
 * kept across the files of a corpus (import_cache). h0 and h1 are the
 * form's bytes, zero-padded; term 0 marks an empty slot. */
typedef struct wc_entry { uint64_t h0, h1; uint32_t len, term; } wc_entry;
typedef struct wordmap {
    uint32_t shift;      /* 64 - log2(slots) */
    uint32_t mask, count;
    wc_entry e[];
} wordmap;
#define WORDMAP_BITS0 14

/* An element name that is no TEI P5 element: how often, and where first. */
typedef struct unkrec { const xmlChar *name; uint32_t count; px_pos first; } unkrec;

/* What belongs to one parser, i.e. to one file: an included file gets its
 * own, and its includer's is put back when it ends. */
typedef struct pstate {
    const char *path;       /* for positions */
    uint32_t file;
    xmlParserCtxtPtr ctxt;
    const xmlChar *an[A_COUNT];
    struct { const xmlChar *p; uint8_t e; uint16_t unk; } cache[512];
    struct { const xmlChar *p; int8_t k; } acache[256];   /* attribute name -> A_*, -1 other */
    struct { const xmlChar *p, *prefix; px_str key; } kcache[64];   /* raw attribute keys */
    struct { uint64_t h0, h1; uint32_t len; px_str id; } vcache[512];   /* short values (who...) */
    const xmlChar *tei_uri, *xml_uri, *xi_uri;   /* namespace pointers seen (dictionary strings) */
    px_map names_seen;
    uint32_t names;
    px_map unknown_seen;    /* element name -> index + 1 in unknown, 0 for TEI names */
    PX_VEC(unkrec) unknown;
    uint64_t bytes_in;      /* bytes handed to the parser so far */
    int root;               /* 0 not yet, else the root elem */
    uint32_t base_depth;    /* depth of the file's root element */
} pstate;

/* The importer of one file (and of what it includes): a px_tei_import
 * call owns one. Its fields by concern, with the file that keeps them. */
typedef struct imp {
    px_corpus *c;                /* what it writes into */
    pstate p;                    /* the parser of the file being read (tei.c) */
    const px_tei_loader *ld;     /* where includes are reported, NULL none */
    uint32_t skip_from, skip_extra;   /* inside a done xi:include: its content is
                                       * skipped (tei_xinclude.c) */
    int stop;                    /* the file is refused: err says why (tei_xml.c) */
    px_error err;
    uint32_t depth;              /* open elements and their frames (tei.c) */
    PX_VEC(frame) frames;

    /* the document (tei_docs.c) */
    uint32_t doc;           /* PX_NONE outside a TEI */
    uint32_t header_depth, text_depth, body_depth, castlist_depth, standoff_depth;
    uint32_t titlestmt_depth, setting_depth, recording_depth, creation_depth;
    uint32_t debate_depth;  /* the outermost debateSection div, 0 none */
    uint32_t unit_counts[5];
    px_str date_cand[3];
    int dracor_print, dracor_premiere, dracor_written;
    int have_title;
    uint32_t doc_part0;     /* participants before the document */
    double origin_clock;
    double origin_datetime; /* epoch of the earliest (or named) dateTime when */
    PX_VEC(divrec) divs;
    uint32_t body_div;
    PX_VEC(uint64_t) docidx;    /* the document's utterance ids:
                                 * uid offset << 32 | first utterance + 1 */

    /* the timeline (tei_time.c) */
    PX_VEC(char) wtext;         /* when ids and pointers to them, NUL-terminated */
    PX_VEC(uint32_t) widx;      /* hash index over whens, built on demand */
    uint32_t wlast;             /* the when resolved last (pointers run in order) */
    PX_VEC(whenrec) whens;
    PX_VEC(pendref) pend;
    double tl_unit;
    uint32_t tl_origin;     /* offset in wtext, 0 none */

    /* the unit (tei_units.c) and its text (tei_text.c) */
    uint32_t utt;           /* PX_NONE when not inside one */
    uint32_t utt_depth;
    uint32_t suppress_depth;  /* depth where suppression started, 0 none */
    int block;              /* the unit is an ISO block */
    uint32_t inner_u_depth;
    int pending_space;
    uint32_t text_start;
    int seg_lang_taken, utt_own_lang;
    PX_VEC(uint64_t) wspans;    /* the unit's <w>: offset << 32 | length */
    int in_w;
    uint32_t w_start;
    PX_VEC(spanframe) spans; /* open spanGrp/span of the unit */
    PX_VEC(char) spanbuf;    /* text of the open spans */
    int span_pending;
    uint32_t event;         /* the event open (its desc is captured), PX_NONE */
    uint64_t run_text;      /* bytes of the text node being read (the limit) */

    /* people (tei_people.c), and the speaker tiers a header declares */
    uint32_t person, person_depth;
    size_t person_kvs0, person_affs0;
    int person_has_name;
    px_str alt_code, person_n;
    uint32_t org, org_depth;
    uint32_t tiers_depth;   /* the TEMPLATE_DESC note, 0 outside */
    uint32_t ntiers;
    px_str tier_code[MAX_TIERS], tier_parent[MAX_TIERS];   /* parent 0: none */

    /* metadata text being captured: a title, a name, a date... */
    enum capture cap;
    uint32_t cap_depth;
    PX_VEC(char) capbuf;
    int cap_pending;

    /* words and tokens (tei_text.c) */
    px_tokenizer tok;
    wordmap *words;             /* short raw forms -> terms (c->import_cache) */
    px_strtab raw;              /* longer raw word forms of this file */
    PX_VEC(uint32_t) raw_term;  /* raw form id -> term id */
    PX_VEC(uint32_t) tbuf;      /* the terms of the words cut in one go, before encoding */
    PX_VEC(uint32_t) deferred;  /* utterances whose words are cut at the document's end */
    px_prefault_state pf_utt, pf_ev, pf_text, pf_tok;   /* the model's big arrays */

    snapshot snap;              /* the corpus before the file (tei_txn.c) */
} imp;

/* What the importer keeps from one file to the next (c->import_cache,
 * freed by px_tei_cache_free when the corpus is finished): the word table,
 * and the memory of its scratch arrays, so that each file does not grow
 * them again from nothing (copying them on every doubling). */
#define SCRATCH(X) X(wtext) X(widx) X(docidx) X(raw_term) X(frames) X(divs) X(whens) \
    X(pend) X(wspans) X(deferred) X(tbuf) X(spans) X(spanbuf) X(capbuf)
typedef struct import_cache {
    wordmap *words;
    int have;          /* kept holds arrays, raw and tok of an earlier file */
    imp kept;          /* only its scratch arrays (emptied), raw and tok */
} import_cache;

/* The slot of a parser dictionary string in a pointer-keyed cache of
 * 2^bits entries. The dictionary packs short names a few bytes apart, so
 * the pointer is multiplied (Fibonacci hashing) rather than shifted. */
static inline size_t ptr_slot(const void *p, unsigned bits)
{
    return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

static inline int is_xml_space(unsigned char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

static inline void start_capture(imp *s, enum capture what)
{
    s->cap = what;
    s->cap_depth = s->depth;
    s->capbuf.n = 0;
    s->cap_pending = 0;
}

/* The hash stored before a wtext id (0 for offset 0, "none"). */
static inline uint32_t wtext_hash(const imp *s, uint32_t off)
{
    uint32_t h = 0;
    if (off >= 4) memcpy(&h, s->wtext.v + off - 4, 4);
    return h;
}

/* ------------------------------------------------------------------ */
/* Attributes helper                                                   */
/* ------------------------------------------------------------------ */

/* The attributes of interest of one element: v[k] is valid only when bit
 * k of `present` is set (no clearing per element). */
typedef struct attrs {
    uint64_t present;
    const xmlChar *v[A_COUNT], *end[A_COUNT];
} attrs;

static inline int is_xml_ns(imp *s, const xmlChar *uri)
{
    if (!uri) return 0;
    if (uri == s->p.xml_uri) return 1;
    if (strcmp((const char *)uri, XML_NS) != 0) return 0;
    s->p.xml_uri = uri;
    return 1;
}

/* Whether uri is XInclude's namespace (2001, or the 2003 draft's). */
static inline int is_xi_ns(imp *s, const xmlChar *uri)
{
    if (uri == s->p.xi_uri) return 1;
    if (!uri || uri == s->p.tei_uri) return 0;   /* the common case, no strcmp */
    if (strcmp((const char *)uri, XI_NS) != 0 && strcmp((const char *)uri, XI_NS_OLD) != 0)
        return 0;
    s->p.xi_uri = uri;
    return 1;
}

#define HAS(at, k) (((at).present >> (k)) & 1)

/* Up to 8 bytes of s as one word (zero-padded), without a byte loop. */
static inline uint64_t word8(const char *s, size_t n)
{
    uint64_t w;
    if (n >= 8) { memcpy(&w, s, 8); return w; }
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        /* b overlaps a; shift it so the word is the bytes in order */
        return (uint64_t)a | ((uint64_t)b << (8 * (n - 4)));
    }
    w = 0;
    if (n > 0) w = (unsigned char)s[0];
    if (n > 1) w |= (uint64_t)(unsigned char)s[1] << 8;
    if (n > 2) w |= (uint64_t)(unsigned char)s[2] << 16;
    return w;
}

/* The hash of a raw form of n <= 16 bytes given as two words; a slot is
 * its top bits. */
static inline uint64_t wc_key(uint64_t h0, uint64_t h1, size_t n)
{
    return (h0 ^ (h1 * 0xff51afd7ed558ccdULL) ^ n) * 0x9E3779B97F4A7C15ULL;
}

/* ------------------------------------------------------------------ */
/* Element handlers                                                    */
/* ------------------------------------------------------------------ */

/* An element being opened, as its handler sees it: the attributes of
 * interest, where it starts (only for the elements that need it), its
 * frame (pushed once the handlers are done) and its parent's, and the raw
 * attributes as libxml2 gives them (five pointers each). */
typedef struct opening {
    enum elem e;
    attrs *at;
    px_pos pos;
    frame *f;
    const frame *parent;
    int nb, nb_defaulted;
    const xmlChar **raw;
} opening;

/* What an element's start means to the importer; tei.c holds the table
 * from element to handler (NULL: nothing beyond the generic steps). */
typedef void (*open_fn)(imp *s, opening *o);

/* tei_names.c: the element an importer-read name is, E_OTHER for others */
enum elem tei_lookup_elem(const char *name);

/* ---- tei_xml.c: errors, positions, strings, attributes, safety ---- */
px_pos tei_elem_pos(imp *s);
px_pos tei_cur_pos(imp *s);
void tei_refuse(imp *s, px_status code, px_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void tei_problem(imp *s, px_severity sev, const char *code, px_pos pos,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void tei_oom(imp *s);
px_str tei_intern(imp *s, const char *v, size_t n);
px_str tei_intern_attr(imp *s, const xmlChar *v, const xmlChar *end);
uint32_t tei_append_uid(imp *s, const char *v, size_t n);
uint32_t tei_intern_uid(imp *s, const xmlChar *v, const xmlChar *end);
const char *tei_attr_cstr(const xmlChar *v, const xmlChar *end, char *buf, size_t n);
px_str tei_attr_str(imp *s, attrs *at, int k);
void tei_add_kv(imp *s, const char *key, px_str value);
void tei_emit_unknowns(imp *s);
void tei_on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
                            const xmlChar *sid);
void tei_on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pid,
                        const xmlChar *sid, xmlChar *content);
xmlEntityPtr tei_on_get_entity(void *ctx, const xmlChar *name);
xmlEntityPtr tei_on_get_param_entity(void *ctx, const xmlChar *name);
xmlParserInputPtr tei_on_resolve_entity(void *ctx, const xmlChar *pid, const xmlChar *sid);
void tei_on_reference(void *ctx, const xmlChar *name);
void tei_on_serror(void *ctx, xmlErrorPtr error);

/* ---- tei_txn.c: transactions ---- */
void tei_take_snapshot(px_corpus *c, snapshot *sn);
void tei_rollback(px_corpus *c, const snapshot *sn);
int tei_pstate_init(pstate *p);
void tei_pstate_free(pstate *p);
int tei_push_file(px_corpus *c, const px_tei_source *src, const char *path, px_pos incl);
int tei_record_refusal(imp *s, uint32_t file);
px_status tei_finish_files(px_corpus *c, size_t first, size_t first_doc);

/* ---- tei_text.c: text, words, tokens ---- */
void tei_on_chars(void *ctx, const xmlChar *ch, int len);
wordmap *tei_wordmap_new(uint32_t bits);
void tei_tok_push(imp *s, const char *w, size_t n);
void tei_tokenize_deferred(imp *s);

/* ---- tei_time.c: timelines ---- */
uint32_t tei_when_ref(imp *s, const xmlChar *v, const xmlChar *end);
void tei_add_pending(imp *s, int what, uint32_t idx, uint32_t ref, px_pos pos);
int tei_parse_decimal(const xmlChar *p, const xmlChar *end, double *out);
void tei_reset_timeline(imp *s);
void tei_resolve_times(imp *s);
void tei_check_time_order(imp *s, px_document *d);
void tei_open_timeline(imp *s, opening *o);
void tei_open_when(imp *s, opening *o);

/* ---- tei_people.c: people and organisations ---- */
uint8_t tei_normalise_sex(const char *v);
double tei_parse_age(const char *v);
void tei_close_people(imp *s, uint32_t d);
void tei_apply_tiers(imp *s);
void tei_open_note(imp *s, opening *o);
void tei_close_tiers(imp *s, enum elem e, uint32_t d);
void tei_open_person(imp *s, opening *o);
void tei_open_persname(imp *s, opening *o);
void tei_open_name(imp *s, opening *o);
void tei_open_sex(imp *s, opening *o);
void tei_open_age(imp *s, opening *o);
void tei_open_birth(imp *s, opening *o);
void tei_open_alt(imp *s, opening *o);
void tei_open_affiliation(imp *s, opening *o);
void tei_open_org(imp *s, opening *o);
void tei_open_orgname(imp *s, opening *o);

/* ---- tei_docs.c: documents ---- */
void tei_finish_capture(imp *s);
void tei_end_document(imp *s);
void tei_open_tei(imp *s, opening *o);
void tei_open_teicorpus(imp *s, opening *o);
void tei_open_body(imp *s, opening *o);
void tei_open_title(imp *s, opening *o);
void tei_open_date(imp *s, opening *o);
void tei_open_play_event(imp *s, opening *o);
void tei_open_div(imp *s, opening *o);

/* ---- tei_units.c: units, events, spans ---- */
void tei_inside_unit(imp *s, opening *o);
void tei_units_close(imp *s, const frame *f, uint32_t d);
void tei_end_span(imp *s);
void tei_open_unit(imp *s, opening *o);
void tei_open_event(imp *s, opening *o);
void tei_open_desc(imp *s, opening *o);

/* ---- tei_xinclude.c: xi:include, xi:fallback, xml:base ---- */
void tei_apply_base(imp *s, frame *f, const xmlChar *v, const xmlChar *end);
void tei_xinclude_start(imp *s, const xmlChar *localname, attrs *at, frame *f);
void tei_xinclude_end(imp *s, const frame *f, uint32_t d);

#endif
