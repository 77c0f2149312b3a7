/* tei.c - streaming TEI import (libxml2 SAX2, push parser).
 *
 * One pass over the XML, straight into the corpus's flat arrays. The
 * parser is set up as ../docs/DESIGN.md ("Reading hostile XML") says: a
 * zeroed handler with only our callbacks, XML_PARSE_NONET and nothing else,
 * a DOCTYPE that never loads anything, every entity declaration or
 * reference to an undeclared entity refused, our own limits on depth, text
 * and names. Each file is one transaction: a refused file leaves nothing
 * behind in the corpus.
 */
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
#define MAX_INCLUDE_NESTING 8

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

static const struct { const char *name; enum elem e; } elem_names[] = {
    {"TEI", E_TEI}, {"ab", E_AB}, {"addressee", E_ADDRESSEE},
    {"affiliation", E_AFFILIATION}, {"age", E_AGE}, {"alt", E_ALT},
    {"anchor", E_ANCHOR}, {"annotatedU", E_ABLOCK},
    {"annotationBlock", E_ABLOCK}, {"annotationGrp", E_ABLOCK}, {"back", E_BACK},
    {"birth", E_BIRTH}, {"body", E_BODY}, {"castList", E_CASTLIST},
    {"creation", E_CREATION}, {"date", E_DATE}, {"desc", E_DESC}, {"div", E_DIV},
    {"div1", E_DIV1}, {"div2", E_DIV2}, {"div3", E_DIV3}, {"div4", E_DIV4},
    {"div5", E_DIV5}, {"div6", E_DIV6}, {"div7", E_DIV7}, {"event", E_EVENT},
    {"fileDesc", E_FILEDESC}, {"front", E_FRONT}, {"fs", E_FS}, {"gap", E_GAP},
    {"group", E_GROUP}, {"head", E_HEAD}, {"incident", E_INCIDENT},
    {"interp", E_INTERP}, {"interpGrp", E_INTERPGRP}, {"kinesic", E_KINESIC},
    {"l", E_L}, {"lb", E_LB}, {"lg", E_LG}, {"listEvent", E_LISTEVENT},
    {"listOrg", E_LISTORG}, {"listPerson", E_LISTPERSON}, {"name", E_NAME},
    {"note", E_NOTE}, {"org", E_ORG}, {"orgName", E_ORGNAME}, {"p", E_P},
    {"pause", E_PAUSE}, {"persName", E_PERSNAME}, {"person", E_PERSON},
    {"personGrp", E_PERSONGRP}, {"post", E_POST}, {"posting", E_POSTING},
    {"recording", E_RECORDING}, {"s", E_S}, {"seg", E_SEG},
    {"setting", E_SETTING}, {"sex", E_SEX}, {"shift", E_SHIFT}, {"sp", E_SP},
    {"span", E_SPAN}, {"spanGrp", E_SPANGRP}, {"speaker", E_SPEAKER},
    {"stage", E_STAGE}, {"standOff", E_STANDOFF}, {"teiCorpus", E_TEICORPUS},
    {"teiHeader", E_TEIHEADER}, {"text", E_TEXT}, {"timeline", E_TIMELINE},
    {"title", E_TITLE}, {"titleStmt", E_TITLESTMT}, {"u", E_U}, {"vocal", E_VOCAL},
    {"w", E_W}, {"when", E_WHEN},
};

static int cmp_name(const void *a, const void *b)
{
    return strcmp((const char *)a, *(const char *const *)b);
}

static enum elem lookup_elem(const char *name)
{
    size_t n = sizeof elem_names / sizeof elem_names[0];
    const void *r = bsearch(name, elem_names, n, sizeof elem_names[0], cmp_name);
    return r ? ((const __typeof__(elem_names[0]) *)r)->e : E_OTHER;
}

int px_tei_reads_element(const char *name) { return lookup_elem(name) != E_OTHER; }

static int is_div(enum elem e) { return e >= E_DIV && e <= E_DIV7; }
static int is_unit(enum elem e)
{
    return e == E_U || e == E_SP || e == E_POST || e == E_POSTING || e == E_ABLOCK;
}
/* Elements whose content is never part of an utterance's text. */
static int is_suppressed(enum elem e)
{
    switch (e) {
    case E_SPEAKER: case E_STAGE: case E_NOTE: case E_GAP: case E_DESC: case E_HEAD:
    case E_SPANGRP: case E_SPAN: case E_INTERPGRP: case E_INTERP: case E_FS:
    case E_PAUSE: case E_VOCAL: case E_KINESIC: case E_INCIDENT: case E_SHIFT:
    case E_ANCHOR: case E_ADDRESSEE: case E_TIMELINE:
        return 1;
    default:
        return 0;
    }
}
/* Elements whose edges separate words. */
static int is_boundary(enum elem e)
{
    switch (e) {
    case E_W: case E_SEG: case E_P: case E_L: case E_AB: case E_LG: case E_S:
    case E_LB: case E_U: case E_PAUSE: case E_VOCAL: case E_KINESIC:
    case E_INCIDENT: case E_SHIFT: case E_ANCHOR: case E_SPEAKER: case E_STAGE:
    case E_NOTE: case E_GAP: case E_HEAD: case E_DESC:
        return 1;
    default:
        return 0;
    }
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
static const char *attr_names[A_COUNT] = {
    "id", "who", "start", "end", "synch", "when", "when-iso", "replyTo",
    "toWhom", "lang", "type", "role", "sex", "gender", "age", "value", "ref",
    "from", "to", "ana", "full", "absolute", "interval", "since", "unit",
    "origin", "dur", "feature", "new", "n", "notBefore", "indentLevel",
    "href", "parse", "xpointer", "base", "target",
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

typedef struct imp {
    px_corpus *c;
    pstate p;
    const px_tei_fs *fs;
    PX_VEC(uint64_t) incstack;   /* dev, ino of each file being read (pairs) */
    uint32_t skip_from, skip_extra;   /* inside a done xi:include: its content is skipped */
    int stop;
    px_error err;
    uint32_t depth;
    PX_VEC(frame) frames;

    /* document */
    uint32_t doc;           /* PX_NONE outside a TEI */
    uint32_t doc_start_utt, doc_start_seg, doc_count_in_file;
    uint32_t header_depth, text_depth, body_depth, castlist_depth, standoff_depth;
    uint32_t titlestmt_depth, setting_depth, recording_depth, creation_depth;
    uint32_t unit_counts[5];
    px_str date_cand[3];
    int dracor_print, dracor_premiere, dracor_written;
    int have_title;
    uint32_t tiers_depth;   /* the TEMPLATE_DESC note, 0 outside */
    uint32_t ntiers, doc_part0;   /* doc_part0: participants before the document */
    px_str tier_code[MAX_TIERS], tier_parent[MAX_TIERS];   /* parent 0: none */
    double origin_clock;
    double origin_datetime; /* epoch of the earliest (or named) dateTime when */
    PX_VEC(divrec) divs;
    uint32_t body_div;

    /* timeline */
    PX_VEC(char) wtext;         /* when ids and pointers to them, NUL-terminated */
    PX_VEC(uint32_t) widx;      /* hash index over whens, built on demand */
    uint32_t wlast;             /* the when resolved last (pointers run in order) */
    PX_VEC(whenrec) whens;
    PX_VEC(pendref) pend;
    double tl_unit;
    uint32_t tl_origin;     /* offset in wtext, 0 none */

    /* utterance */
    uint32_t utt;           /* PX_NONE when not inside one */
    uint32_t utt_depth;
    uint32_t suppress_depth;  /* depth where suppression started, 0 none */
    int block;              /* the unit is an ISO block */
    uint32_t inner_u_depth;
    int pending_space;
    uint32_t text_start;
    int seg_lang_taken, utt_own_lang;
    PX_VEC(uint64_t) wspans;
    PX_VEC(uint32_t) tbuf;      /* the terms of the words cut in one go, before encoding */
    PX_VEC(uint32_t) deferred;  /* utterances whose words are cut at the document's end */
    PX_VEC(spanframe) spans; /* open spanGrp/span of the unit */
    PX_VEC(char) spanbuf;    /* text of the open spans */
    int span_pending;
    int in_w;
    uint32_t w_start;
    int debate_section;     /* depth of the innermost debateSection div, 0 none */
    uint32_t debate_depth;

    /* people */
    uint32_t person, person_depth;
    size_t person_kvs0, person_affs0;
    int person_has_name, person_sex_from_value;
    px_str alt_code, person_n;
    uint32_t org, org_depth;
    uint32_t aff;           /* affiliation being read */

    /* capture */
    enum capture cap;
    uint32_t cap_depth;
    PX_VEC(char) capbuf;
    int cap_pending;
    uint32_t event;         /* event whose desc is captured */

    uint64_t run_text;
    px_tokenizer tok;
    wordmap *words;             /* short raw forms -> terms (c->import_cache) */
    px_prefault_state pf_utt, pf_ev, pf_text, pf_tok;   /* the model's big arrays */
    px_strtab raw;              /* longer raw word forms of this file */
    PX_VEC(uint64_t) docidx;    /* the current document's utterance ids:
                                 * uid offset << 32 | first utterance + 1 */
    PX_VEC(uint32_t) raw_term;  /* raw form id -> term id */
    snapshot snap;
} imp;

/* What the importer keeps from one file to the next (c->import_cache,
 * freed by px_tei_cache_free when the corpus is finished): the word table,
 * and the memory of its scratch arrays, so that each file does not grow
 * them again from nothing (copying them on every doubling). */
#define SCRATCH(X) X(wtext) X(widx) X(docidx) X(raw_term) X(frames) X(divs) X(whens) \
    X(pend) X(wspans) X(deferred) X(tbuf) X(spans) X(spanbuf) X(capbuf) X(incstack)
typedef struct import_cache {
    wordmap *words;
    int have;          /* kept holds arrays, raw and tok of an earlier file */
    imp kept;          /* only its scratch arrays (emptied), raw and tok */
} import_cache;

void px_tei_cache_free(void *cache)
{
    import_cache *ic = cache;
    if (!ic) return;
    free(ic->words);
    if (ic->have) {
#define FREE_KEPT(f) PX_VEC_FREE(ic->kept.f);
        SCRATCH(FREE_KEPT)
#undef FREE_KEPT
        px_strtab_destroy(&ic->kept.raw);
        px_tokenizer_destroy(&ic->kept.tok);
    }
    free(ic);
}

/* ------------------------------------------------------------------ */
/* Errors and positions                                                */
/* ------------------------------------------------------------------ */

/* Position of the nearest `open` (followed by `mark`) before the parser's
 * current position: the '<' that starts the element just reported, the
 * '<' of "<!ENTITY", the '&' of a reference. The parser's own position,
 * when it is not found in the buffer. */
static px_pos back_pos(imp *s, char open, const char *mark)
{
    px_pos p = {s->p.file, 0, 0};
    xmlParserInputPtr in = s->p.ctxt ? s->p.ctxt->input : NULL;
    if (!in || !in->cur || !in->base) return p;
    int line = in->line, col = in->col;
    const xmlChar *q = in->cur;
    size_t ml = strlen(mark);
    int nl = 0, chars = 0, found = 0;
    while (q > in->base) {
        q--;
        if ((*q & 0xC0) != 0x80) chars++;
        if (*q == '\n') nl++;
        if (*q == (xmlChar)open && (size_t)(in->end - q) > ml &&
            memcmp(q + 1, mark, ml) == 0) { found = 1; break; }
    }
    if (!found) {
        p.line = (uint32_t)(line > 0 ? line : 0);
        p.col = (uint32_t)(col > 0 ? col : 0);
        return p;
    }
    p.line = (uint32_t)(line - nl > 0 ? line - nl : 1);
    if (nl == 0) {
        p.col = (uint32_t)(col - chars > 0 ? col - chars : 1);
    } else {
        int c = 1;
        const xmlChar *r = q;
        while (r > in->base && r[-1] != '\n') {
            r--;
            if ((*r & 0xC0) != 0x80) c++;
        }
        p.col = (uint32_t)c;
    }
    return p;
}

/* Position of the '<' that starts the element just reported: memrchr to
 * it (attribute values cannot hold '<'), then count what lies between. */
static px_pos elem_pos(imp *s)
{
    xmlParserInputPtr in = s->p.ctxt ? s->p.ctxt->input : NULL;
    if (!in || !in->cur || !in->base || in->cur <= in->base) return back_pos(s, '<', "");
    const xmlChar *q = memrchr(in->base, '<', (size_t)(in->cur - in->base));
    if (!q) return back_pos(s, '<', "");
    size_t len = (size_t)(in->cur - q);
    if (memchr(q, '\n', len)) return back_pos(s, '<', "");
    /* characters = bytes less UTF-8 continuation bytes (10xxxxxx), counted
     * eight bytes at a time */
    int chars = (int)len;
    const xmlChar *r = q;
    for (; r + 8 <= in->cur; r += 8) {
        uint64_t w;
        memcpy(&w, r, 8);
        uint64_t m = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;   /* 1 per continuation byte */
        chars -= (int)((m * 0x0101010101010101ULL) >> 56);
    }
    for (; r < in->cur; r++) chars -= (*r & 0xC0) == 0x80;
    px_pos p = {s->p.file, (uint32_t)(in->line > 0 ? in->line : 0),
                (uint32_t)(in->col - chars > 0 ? in->col - chars : 1)};
    return p;
}

static void refuse(imp *s, px_status code, px_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void refuse(imp *s, px_status code, px_pos pos, const char *fmt, ...)
{
    if (s->stop) return;
    s->stop = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err.msg, sizeof s->err.msg, fmt, ap);
    va_end(ap);
    s->err.code = code;
    snprintf(s->err.file, sizeof s->err.file, "%s", s->p.path);
    s->err.line = (int)pos.line;
    s->err.col = (int)pos.col;
    if (s->p.ctxt) xmlStopParser(s->p.ctxt);
}

static px_pos cur_pos(imp *s)
{
    px_pos p = {s->p.file, 0, 0};
    if (s->p.ctxt && s->p.ctxt->input) {
        p.line = (uint32_t)(s->p.ctxt->input->line > 0 ? s->p.ctxt->input->line : 0);
        p.col = (uint32_t)(s->p.ctxt->input->col > 0 ? s->p.ctxt->input->col : 0);
    }
    return p;
}

static void oom(imp *s) { refuse(s, PX_ENOMEM, cur_pos(s), "out of memory"); }

static px_str intern(imp *s, const char *v, size_t n)
{
    px_str id = px_strtab_intern(&s->c->strings, v, n);
    if (id == PX_STR_ERR) { oom(s); return 0; }
    return id;
}

/* Attribute values arrive with '&' kept as "&#38;" (the parser does not
 * replace entities): decode that one form. */
static inline uint64_t word8(const char *s, size_t n);

/* The slot of a parser dictionary string in a pointer-keyed cache of
 * 2^bits entries. The dictionary packs short names a few bytes apart, so
 * the pointer is multiplied (Fibonacci hashing) rather than shifted. */
static inline size_t ptr_slot(const void *p, unsigned bits)
{
    return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

static px_str intern_attr(imp *s, const xmlChar *v, const xmlChar *end)
{
    size_t n = (size_t)(end - v);
    if (!memchr(v, '&', n)) {
        if (n > 16 || n == 0) return intern(s, (const char *)v, n);
        /* attribute values repeat (speakers, types): a direct-mapped cache
         * of this parser's short values spares the string table */
        const char *w = (const char *)v;
        uint64_t h0 = word8(w, n < 8 ? n : 8), h1 = n > 8 ? word8(w + 8, n - 8) : 0;
        uint64_t key = (h0 ^ (h1 * 0xff51afd7ed558ccdULL) ^ n) * 0x9E3779B97F4A7C15ULL;
        size_t slot = key >> (64 - 9);
        if (s->p.vcache[slot].len == n && s->p.vcache[slot].h0 == h0 && s->p.vcache[slot].h1 == h1)
            return s->p.vcache[slot].id;
        px_str id = intern(s, w, n);
        if (!s->stop) {
            s->p.vcache[slot].h0 = h0;
            s->p.vcache[slot].h1 = h1;
            s->p.vcache[slot].len = (uint32_t)n;
            s->p.vcache[slot].id = id;
        }
        return id;
    }
    char small[256] = {0};
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) { oom(s); return 0; }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (i + 5 <= n && memcmp(v + i, "&#38;", 5) == 0) { buf[o++] = '&'; i += 5; }
        else buf[o++] = (char)v[i++];
    }
    px_str id = intern(s, buf, o);
    if (buf != small) free(buf);
    return id;
}

/* An utterance id: appended to the corpus's id text after its 4-byte hash
 * (px_uid_hash), and its offset returned (ids are many and unique: hashing
 * them all into one big table now would cost a cache miss each; the index
 * by id is built once, in px_corpus_finish). */
static uint32_t append_uid(imp *s, const char *v, size_t n)
{
    px_corpus *c = s->c;
    if (c->uid_text.n + n + 5 >= UINT32_MAX) { oom(s); return 0; }
    if (PX_VEC_RESERVE(c->uid_text, c->uid_text.n + n + 5)) { oom(s); return 0; }
    uint32_t h = px_hash_bytes(v, n);
    memcpy(c->uid_text.v + c->uid_text.n, &h, 4);
    uint32_t off = (uint32_t)c->uid_text.n + 4;
    memcpy(c->uid_text.v + off, v, n);
    c->uid_text.v[off + n] = '\0';
    c->uid_text.n = off + n + 1;
    return off;
}

static uint32_t intern_uid(imp *s, const xmlChar *v, const xmlChar *end)
{
    return append_uid(s, (const char *)v, (size_t)(end - v));
}

/* Copies an attribute value into a NUL-terminated stack buffer. */
static const char *attr_cstr(const xmlChar *v, const xmlChar *end, char *buf, size_t n)
{
    size_t len = (size_t)(end - v);
    if (len >= n) len = n - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return buf;
}

static void problem(imp *s, px_severity sev, const char *code, px_pos pos,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void problem(imp *s, px_severity sev, const char *code, px_pos pos,
                    const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (px_corpus_problem(s->c, sev, code, pos, "%s", msg) != PX_OK) oom(s);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

static inline int is_xml_space(unsigned char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* The high bit of each byte of x that is zero, exactly (no carries
 * between bytes). */
static inline uint64_t zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((x & low7) + low7) | x) & ~low7;
}

/* Is p[0..n) free of tabs, line breaks and runs of spaces, i.e. already
 * collapsed? Eight bytes at a time, reading only p[0..n): a byte below
 * 0x20 can only be a tab or a line break in XML text. */
static int is_collapsed(const unsigned char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL;
    if (n < 8) {
        unsigned bad = 0, prev = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned sp = p[i] == ' ';
            bad |= (p[i] < 0x20) | (sp & prev);
            prev = sp;
        }
        return !bad;
    }
    uint64_t carry = 0;   /* the high bit of byte 0: the byte before was a space */
    size_t i = 0;
    for (;; i += 8) {
        if (i + 8 > n) { i = n - 8; carry = 0; }   /* the last 8 bytes, overlapping */
        uint64_t x;
        memcpy(&x, p + i, 8);
        uint64_t ctl = zero_bytes(x & (0xE0 * ones));
        uint64_t sp = zero_bytes(x ^ (0x20 * ones));
        if (ctl | (sp & ((sp << 8) | carry))) return 0;
        if (i + 8 >= n) return 1;
        carry = sp >> 56;
    }
}

/* Appends with whitespace collapsed; *pending carries a space to emit
 * before the next non-space byte (never at the start). */
static int append_collapsed(void *vecp, size_t start, int *pending,
                            const unsigned char *p, size_t n)
{
    PX_VEC(char) *v = vecp;
    if (PX_VEC_RESERVE(*v, v->n + n + 2)) return -1;
    /* the usual run of words, perhaps with a space at either end: the
     * inside copied whole */
    size_t a = 0, b = n;
    while (a < b && is_xml_space(p[a])) a++;
    while (b > a && is_xml_space(p[b - 1])) b--;
    if (a == b) {
        if (n) *pending = 1;
        return 0;
    }
    if (is_collapsed(p + a, b - a)) {
        if ((*pending || a) && v->n > start) v->v[v->n++] = ' ';
        memcpy(v->v + v->n, p + a, b - a);
        v->n += b - a;
        *pending = b < n;
        return 0;
    }
    size_t i = 0;
    while (i < n) {
        if (is_xml_space(p[i])) {
            *pending = 1;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_xml_space(p[j])) j++;
        if (*pending && v->n > start) v->v[v->n++] = ' ';
        *pending = 0;
        memcpy(v->v + v->n, p + i, j - i);
        v->n += j - i;
        i = j;
    }
    return 0;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    imp *s = ctx;
    if (s->stop || len <= 0 || s->skip_from) return;
    s->run_text += (uint64_t)len;
    if (s->run_text > s->c->opt.max_text_node) {
        refuse(s, PX_ELIMIT, cur_pos(s),
               "a text node is longer than %llu bytes, the limit of Praxis; "
               "a transcript's text is broken up by elements (turns, paragraphs): "
               "split this text into several elements",
               (unsigned long long)s->c->opt.max_text_node);
        return;
    }
    if (s->cap) {
        if (s->capbuf.n + (size_t)len > 65536) return;   /* metadata stays small */
        if (append_collapsed(&s->capbuf, 0, &s->cap_pending, ch, (size_t)len)) oom(s);
        return;
    }
    if (s->utt == PX_NONE) return;
    if (s->spans.n && s->spans.v[s->spans.n - 1].ann != PX_NONE) {
        /* the text of an annotation span (metadata-sized) */
        if (s->spanbuf.n + (size_t)len <= 65536 &&
            append_collapsed(&s->spanbuf, s->spans.v[s->spans.n - 1].buf_start,
                             &s->span_pending, ch, (size_t)len))
            oom(s);
        return;
    }
    if (s->suppress_depth) return;
    if (s->block && !s->inner_u_depth) return;
    if (append_collapsed(&s->c->text, s->text_start, &s->pending_space, ch, (size_t)len)) {
        oom(s);
        return;
    }
    px_prefault(&s->pf_text, s->c->text.v, s->c->text.n + PX_WORD_SLACK + 1, s->c->text.cap);
    if (s->c->text.n - s->text_start > s->c->opt.max_utterance_text)
        refuse(s, PX_ELIMIT, s->c->utterances.v[s->utt].pos,
               "the text of one utterance is longer than %u bytes, the limit of "
               "Praxis; this is usually a whole text without turn markup: split it "
               "into several utterances, one element per turn",
               s->c->opt.max_utterance_text);
}

static void start_capture(imp *s, enum capture what)
{
    s->cap = what;
    s->cap_depth = s->depth;
    s->capbuf.n = 0;
    s->cap_pending = 0;
}

/* ------------------------------------------------------------------ */
/* Speakers and references                                             */
/* ------------------------------------------------------------------ */

/* Pushes each pointer of a space-separated list ("#a #b", "a",
 * "file.xml#a") as an interned id onto refs. Returns how many. */
static uint32_t push_refs(imp *s, const xmlChar *v, const xmlChar *end)
{
    uint32_t n = 0;
    const xmlChar *p = v;
    while (p < end) {
        while (p < end && is_xml_space(*p)) p++;
        const xmlChar *q = p;
        while (q < end && !is_xml_space(*q)) q++;
        if (q > p) {
            const xmlChar *h = q;
            while (h > p && h[-1] != '#') h--;
            if (h == p) {
                /* "prefix:id" (a prefixDef): an xml:id holds no colon, so
                 * the id is what follows the last one */
                const xmlChar *k = q;
                while (k > p && k[-1] != ':') k--;
                h = k;
            }
            if (h < q) {
                px_str id = intern_attr(s, h, q);
                if (s->stop) return n;
                if (PX_VEC_PUSH(s->c->refs, id)) { oom(s); return n; }
                n++;
            }
        }
        p = q;
    }
    return n;
}

/* An id of the document's timeline (a when's, or one a pointer names),
 * kept in wtext after its 4-byte hash; returns its offset. */
static uint32_t wtext_add(imp *s, const char *v, size_t n)
{
    if (s->wtext.n + n + 5 >= UINT32_MAX || PX_VEC_RESERVE(s->wtext, s->wtext.n + n + 5)) {
        oom(s);
        return 0;
    }
    uint32_t h = px_hash_bytes(v, n);
    memcpy(s->wtext.v + s->wtext.n, &h, 4);
    uint32_t off = (uint32_t)s->wtext.n + 4;
    memcpy(s->wtext.v + off, v, n);
    s->wtext.v[off + n] = '\0';
    s->wtext.n = off + n + 1;
    return off;
}

/* The hash stored before a wtext id (0 for offset 0, "none"). */
static inline uint32_t wtext_hash(const imp *s, uint32_t off)
{
    uint32_t h = 0;
    if (off >= 4) memcpy(&h, s->wtext.v + off - 4, 4);
    return h;
}

/* One pointer ("#T1") to a when of the document's timeline, kept as text
 * until the document ends (pointers may come before their when). */
static uint32_t when_ref(imp *s, const xmlChar *v, const xmlChar *end)
{
    while (v < end && is_xml_space(*v)) v++;
    while (end > v && is_xml_space(end[-1])) end--;
    const xmlChar *h = end;
    while (h > v && h[-1] != '#') h--;
    if (h == end) return 0;
    return wtext_add(s, (const char *)h, (size_t)(end - h));
}
static void add_pending(imp *s, int what, uint32_t idx, uint32_t ref, px_pos pos)
{
    if (!ref) return;
    pendref r = {(uint8_t)what, idx, ref, pos};
    if (PX_VEC_PUSH(s->pend, r)) oom(s);
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

static int note_name(imp *s, const xmlChar *name);

/* Which attribute of interest a name is: a pointer-keyed cache in front of
 * a scan; a name seen for the first time is counted (note_name). */
static int attr_kind(imp *s, const xmlChar *name)
{
    size_t h = ptr_slot(name, 8);
    if (s->p.acache[h].p == name) return s->p.acache[h].k;
    int k = -1;
    for (int i = 0; i < A_COUNT; i++) if (name == s->p.an[i]) { k = i; break; }
    if (k < 0 && note_name(s, name)) return -2;
    s->p.acache[h].p = name;
    s->p.acache[h].k = (int8_t)k;
    return k;
}

static int is_xml_ns(imp *s, const xmlChar *uri)
{
    if (!uri) return 0;
    if (uri == s->p.xml_uri) return 1;
    if (strcmp((const char *)uri, XML_NS) != 0) return 0;
    s->p.xml_uri = uri;
    return 1;
}

/* Reads the attributes of interest; -1 when the file was refused. */
static int read_attrs(imp *s, int nb, int nb_defaulted, const xmlChar **a, attrs *out)
{
    out->present = 0;
    int n = nb - nb_defaulted;
    for (int i = 0; i < n; i++) {
        const xmlChar *name = a[i * 5];
        int k = attr_kind(s, name);
        if (k == -2) return -1;
        if (k < 0) continue;
        /* xml:id and xml:lang only in the XML namespace */
        if ((k == A_ID || k == A_LANG) && !is_xml_ns(s, a[i * 5 + 2])) continue;
        out->v[k] = a[i * 5 + 3];
        out->end[k] = a[i * 5 + 4];
        out->present |= (uint64_t)1 << k;
    }
    return 0;
}

#define HAS(at, k) (((at).present >> (k)) & 1)

static px_str attr_str(imp *s, attrs *at, int k)
{
    if (!HAS(*at, k)) return 0;
    return intern_attr(s, at->v[k], at->end[k]);
}

static void add_kv(imp *s, const char *key, px_str value)
{
    px_str k = intern(s, key, strlen(key));
    px_kv kv = {k, value};
    if (PX_VEC_PUSH(s->c->kvs, kv)) oom(s);
}

/* ------------------------------------------------------------------ */
/* Participants                                                        */
/* ------------------------------------------------------------------ */

static uint8_t normalise_sex(const char *v)
{
    char low[32];
    size_t n = 0;
    while (*v && isspace((unsigned char)*v)) v++;
    for (; *v && n < sizeof low - 1; v++) low[n++] = (char)tolower((unsigned char)*v);
    while (n && isspace((unsigned char)low[n - 1])) n--;
    low[n] = '\0';
    if (!n) return PX_SEX_NONE;
    static const char *fem[] = {"f", "female", "2", "w", "woman", "fem", "weiblich", NULL};
    static const char *mal[] = {"m", "male", "1", "man", "masc", "männlich", NULL};
    static const char *none[] = {"0", "9", "u", "unknown", "unk", "?", "na", "n/a", "x", NULL};
    for (int i = 0; fem[i]; i++) if (!strcmp(low, fem[i])) return PX_SEX_FEMALE;
    for (int i = 0; mal[i]; i++) if (!strcmp(low, mal[i])) return PX_SEX_MALE;
    for (int i = 0; none[i]; i++) if (!strcmp(low, none[i])) return PX_SEX_NONE;
    return PX_SEX_OTHER;
}

static double parse_age(const char *v)
{
    while (*v && isspace((unsigned char)*v)) v++;
    if (!isdigit((unsigned char)*v)) return NAN;
    char *end;
    double a = strtod(v, &end);
    /* CHAT writes "3;06.12" (years;months.days) */
    if (*end == ';') {
        int months = atoi(end + 1);
        a += months / 12.0;
    }
    return a;
}

static void start_person(imp *s, enum elem e, attrs *at, px_pos pos, int nb,
                         int nb_defaulted, const xmlChar **a)
{
    px_participant p;
    memset(&p, 0, sizeof p);
    p.group = e == E_PERSONGRP;
    p.declared = 1;
    p.age = NAN;
    /* declared inside a document: keyed by it until the corpus's finish
     * knows the document's kind (plays keep their own ids) */
    p.document = s->doc;
    p.pos = pos;
    s->person_kvs0 = s->c->kvs.n;
    s->person_affs0 = s->c->affiliations.n;
    p.attr_first = (uint32_t)s->c->kvs.n;
    p.aff_first = (uint32_t)s->c->affiliations.n;
    p.id = attr_str(s, at, A_ID);
    p.role = attr_str(s, at, A_ROLE);
    s->person_n = attr_str(s, at, A_N);
    /* every attribute, raw */
    for (int i = 0; i < nb - nb_defaulted; i++) {
        const char *name = (const char *)a[i * 5];
        px_str v = intern_attr(s, a[i * 5 + 3], a[i * 5 + 4]);
        add_kv(s, name, v);
    }
    char buf[64];
    if (HAS(*at, A_SEX)) p.sex = normalise_sex(attr_cstr(at->v[A_SEX], at->end[A_SEX], buf, sizeof buf));
    else if (HAS(*at, A_GENDER)) p.sex = normalise_sex(attr_cstr(at->v[A_GENDER], at->end[A_GENDER], buf, sizeof buf));
    if (HAS(*at, A_AGE)) p.age = parse_age(attr_cstr(at->v[A_AGE], at->end[A_AGE], buf, sizeof buf));
    if (PX_VEC_PUSH(s->c->participants, p)) { oom(s); return; }
    s->person = (uint32_t)s->c->participants.n - 1;
    s->person_depth = s->depth;
    s->person_has_name = 0;
    s->person_sex_from_value = 0;
    s->alt_code = 0;
}

static void end_person(imp *s)
{
    px_corpus *c = s->c;
    px_participant *p = &c->participants.v[s->person];
    p->attr_count = (uint32_t)(c->kvs.n - p->attr_first);
    p->aff_count = (uint32_t)(c->affiliations.n - p->aff_first);
    if (!p->id && s->alt_code) p->id = s->alt_code;
    if (!p->name && s->person_n) p->name = s->person_n;   /* else the id, at finish */
    if (!p->id) {
        char gen[48];
        snprintf(gen, sizeof gen, "person-%zu", c->participants.n);
        p->id = intern(s, gen, strlen(gen));
    }
    /* one id, one participant: a repeated declaration adds nothing */
    uint64_t key = (uint64_t)p->id | ((uint64_t)(p->document == PX_NONE ? 0xFFFFFFFFu : p->document) << 32);
    uint32_t prev = px_map_get(&c->participant_by_id, key);
    if (prev != PX_NONE) {
        c->kvs.n = s->person_kvs0;
        c->affiliations.n = s->person_affs0;
        c->participants.n--;
    } else if (px_map_put(&c->participant_by_id, key, s->person)) {
        oom(s);
    }
    s->person = PX_NONE;
}

/* A note of a document's header: TEI-CORPO's list of tiers, a tier in it,
 * or a tier's code or parent. */
static void tier_note(imp *s, attrs *at)
{
    char tb[32];
    const char *t = HAS(*at, A_TYPE) ? attr_cstr(at->v[A_TYPE], at->end[A_TYPE], tb, sizeof tb) : "";
    if (!s->tiers_depth) {
        if (!strcmp(t, "TEMPLATE_DESC")) s->tiers_depth = s->depth + 1;
    } else if (s->depth == s->tiers_depth && s->ntiers < MAX_TIERS) {
        s->tier_code[s->ntiers] = s->tier_parent[s->ntiers] = 0;   /* a tier begins */
    } else if (s->depth == s->tiers_depth + 1) {
        if (!strcmp(t, "code")) start_capture(s, CAP_TIERCODE);
        else if (!strcmp(t, "parent")) start_capture(s, CAP_TIERPARENT);
    }
}

/* The speaker's tier that tier `id` annotates: its parent's, up the chain
 * of declared tiers (a parent that is no declared tier ends it: CLAN's
 * "annotationBlock"); id itself for a top tier or no tier. */
static px_str tier_root(const imp *s, px_str id)
{
    for (int hops = 0; hops < MAX_TIERS; hops++) {
        uint32_t k = 0;
        while (k < s->ntiers && s->tier_code[k] != id) k++;
        if (k == s->ntiers || !s->tier_parent[k]) return id;
        uint32_t j = 0;
        while (j < s->ntiers && s->tier_code[j] != s->tier_parent[k]) j++;
        if (j == s->ntiers) return id;
        id = s->tier_parent[k];
    }
    return id;   /* a loop of parents: left as it is */
}

/* Annotation layers belong to their speaker: at the document's end, a
 * @who or @toWhom that names a dependent tier names the speaker's tier
 * instead, and a person the header declares for a dependent tier is no
 * participant of its own (its name goes to the speaker's tier when that
 * has none). */
static void apply_tiers(imp *s)
{
    px_corpus *c = s->c;
    if (!s->ntiers) return;
    px_map layer;   /* a layer's code -> its top tier's */
    if (px_map_init(&layer)) { oom(s); return; }
    for (uint32_t k = 0; k < s->ntiers; k++) {
        px_str root = tier_root(s, s->tier_code[k]);
        if (root != s->tier_code[k] && px_map_put(&layer, s->tier_code[k], root)) {
            px_map_destroy(&layer);
            oom(s);
            return;
        }
    }
    px_document *d = &c->documents.v[s->doc];
    for (uint32_t u = d->utt_first; layer.count && u < c->utterances.n; u++) {
        const px_utterance *ut = &c->utterances.v[u];
        for (uint32_t k = 0; k < ut->spk_count + ut->adr_count; k++) {
            uint32_t *r = &c->refs.v[k < ut->spk_count ? ut->spk_first + k
                                                        : ut->adr_first + k - ut->spk_count];
            uint32_t root = *r == PX_NONE ? PX_NONE : px_map_get(&layer, *r);
            if (root != PX_NONE) *r = root;
        }
    }
    size_t o = s->doc_part0;
    for (size_t i = s->doc_part0; layer.count && i < c->participants.n; i++) {
        px_participant p = c->participants.v[i];
        uint64_t key = (uint64_t)p.id | ((uint64_t)(p.document == PX_NONE ? 0xFFFFFFFFu : p.document) << 32);
        uint32_t root = px_map_get(&layer, p.id);
        if (root != PX_NONE) {
            if (px_map_get(&c->participant_by_id, key) == i) px_map_del(&c->participant_by_id, key);
            uint32_t r = px_map_get(&c->participant_by_id, root | (key & 0xFFFFFFFF00000000ull));
            if (r != PX_NONE && !c->participants.v[r].name) c->participants.v[r].name = p.name;
            continue;
        }
        if (o != i) {
            if (px_map_get(&c->participant_by_id, key) == i) px_map_del(&c->participant_by_id, key);
            if (px_map_put(&c->participant_by_id, key, (uint32_t)o)) { oom(s); break; }
        }
        c->participants.v[o++] = p;
    }
    if (layer.count) c->participants.n = o;
    px_map_destroy(&layer);
}

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

/* "12.34", "-0.5", "7": the common forms of @interval, without strtod's
 * locale and generality. Returns -1 for anything else (the caller falls
 * back to strtod). */
static int parse_decimal(const xmlChar *p, const xmlChar *end, double *out)
{
    int neg = 0;
    if (p < end && *p == '-') { neg = 1; p++; }
    if (p == end || *p < '0' || *p > '9') return -1;
    uint64_t whole = 0, frac = 0, scale = 1;
    int digits = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        whole = whole * 10 + (uint64_t)(*p++ - '0');
        if (++digits > 15) return -1;
    }
    if (p < end && *p == '.') {
        p++;
        while (p < end && *p >= '0' && *p <= '9') {
            frac = frac * 10 + (uint64_t)(*p++ - '0');
            scale *= 10;
            if (++digits > 15) return -1;
        }
    }
    if (p != end) return -1;
    double v = (double)whole + (double)frac / (double)scale;
    *out = neg ? -v : v;
    return 0;
}

/* The when a pointer names, or PX_NONE. Pointers mostly run in timeline
 * order, and @since mostly names the first when, so the one after the last
 * found, the first, the last and the one after next are tried first; else
 * a hash index over the document's whens (built once, on the first miss). */
static uint32_t when_find(imp *s, uint32_t ref)
{
    const char *id = s->wtext.v + ref;
    uint32_t h = wtext_hash(s, ref);
    size_t n = s->whens.n;
    uint32_t cand[4] = {s->wlast + 1, 0, s->wlast, s->wlast + 2};
    for (int k = 0; k < 4; k++) {
        if (cand[k] >= n) continue;
        uint32_t wid = s->whens.v[cand[k]].id;
        if (wtext_hash(s, wid) == h && strcmp(s->wtext.v + wid, id) == 0) return s->wlast = cand[k];
    }
    if (!n) return PX_NONE;
    if (!s->widx.n) {
        size_t size = 16;
        while (size < n * 2) size *= 2;
        if (PX_VEC_RESERVE(s->widx, size)) { oom(s); return PX_NONE; }
        s->widx.n = size;
        memset(s->widx.v, 0, size * sizeof(uint32_t));
        uint32_t mask = (uint32_t)size - 1;
        for (size_t w = 0; w < n; w++) {
            uint32_t wid = s->whens.v[w].id, wh = wtext_hash(s, wid);
            uint32_t i = wh & mask;
            int dup = 0;
            while (s->widx.v[i]) {
                uint32_t oid = s->whens.v[s->widx.v[i] - 1].id;
                if (wtext_hash(s, oid) == wh && !strcmp(s->wtext.v + oid, s->wtext.v + wid)) {
                    dup = 1;
                    break;
                }
                i = (i + 1) & mask;
            }
            if (!dup) s->widx.v[i] = (uint32_t)w + 1;   /* the first of an id wins */
        }
    }
    uint32_t mask = (uint32_t)s->widx.n - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t e = s->widx.v[i];
        if (!e) return PX_NONE;
        uint32_t wid = s->whens.v[e - 1].id;
        if (wtext_hash(s, wid) == h && !strcmp(s->wtext.v + wid, id)) return s->wlast = e - 1;
    }
}

static void reset_timeline(imp *s)
{
    s->wtext.n = 1;             /* offset 0: no pointer */
    if (!s->wtext.v && PX_VEC_RESERVE(s->wtext, 4096)) oom(s);
    if (s->wtext.v) s->wtext.v[0] = '\0';
    s->widx.n = 0;
    s->wlast = 0;
    s->whens.n = 0;
    s->pend.n = 0;
    s->tl_unit = 1;
    s->tl_origin = 0;
}

static void start_document(imp *s, attrs *at, px_pos pos, px_str lang)
{
    px_document d;
    memset(&d, 0, sizeof d);
    d.id = attr_str(s, at, A_ID);
    d.file = s->p.file;
    d.utt_first = (uint32_t)s->c->utterances.n;
    d.seg_first = (uint32_t)s->c->segments.n;
    d.meta_first = (uint32_t)s->c->kvs.n;
    d.lang = lang;
    d.date_epoch = NAN;
    d.pos = pos;
    if (PX_VEC_PUSH(s->c->documents, d)) { oom(s); return; }
    s->doc = (uint32_t)s->c->documents.n - 1;
    s->doc_count_in_file++;
    memset(s->unit_counts, 0, sizeof s->unit_counts);
    memset(s->date_cand, 0, sizeof s->date_cand);
    s->dracor_print = s->dracor_premiere = s->dracor_written = 0;
    s->have_title = 0;
    s->ntiers = 0;
    s->doc_part0 = (uint32_t)s->c->participants.n;
    s->origin_clock = NAN;
    s->origin_datetime = NAN;
    s->divs.n = 0;
    s->body_div = PX_NONE;
    reset_timeline(s);
}

static double unit_factor(const char *u)
{
    if (!strcmp(u, "ms")) return 0.001;
    if (!strcmp(u, "min")) return 60;
    if (!strcmp(u, "h")) return 3600;
    if (!strcmp(u, "d")) return 86400;
    return 1;
}

static double resolve_when(imp *s, uint32_t i, int depth)
{
    whenrec *w = &s->whens.v[i];
    if (w->state == 2) return w->value;
    if (w->state == 1 || depth > 10000) return NAN;   /* a @since loop */
    w->state = 1;
    double v = NAN;
    if (w->abs_kind == 1) v = w->abs;
    else if (w->abs_kind >= 2) v = w->abs;   /* made relative below */
    else if (w->since && !isnan(w->interval)) {
        uint32_t j = when_find(s, w->since);
        if (j != PX_NONE) {
            double base = resolve_when(s, j, depth + 1);
            w = &s->whens.v[i];
            if (!isnan(base)) v = base + w->interval * w->unit;
        }
    }
    w->value = v;
    w->state = 2;
    return v;
}

static void resolve_times(imp *s)
{
    px_corpus *c = s->c;
    /* origins of clock times and date-times: the named origin, else the
     * earliest of each kind */
    double origin[4] = {0, 0, NAN, NAN};
    uint32_t named = s->tl_origin ? when_find(s, s->tl_origin) : PX_NONE;
    for (size_t i = 0; i < s->whens.n; i++) {
        whenrec *w = &s->whens.v[i];
        if (w->abs_kind >= 2 && (isnan(origin[w->abs_kind]) || w->abs < origin[w->abs_kind]))
            origin[w->abs_kind] = w->abs;
    }
    if (named != PX_NONE && s->whens.v[named].abs_kind >= 2)
        origin[s->whens.v[named].abs_kind] = s->whens.v[named].abs;
    if (!isnan(origin[2])) s->origin_clock = origin[2];
    if (!isnan(origin[3])) s->origin_datetime = origin[3];
    for (size_t i = 0; i < s->whens.n; i++) {
        whenrec *w = &s->whens.v[i];
        if (w->abs_kind >= 2) w->abs -= origin[w->abs_kind];
    }
    for (size_t i = 0; i < s->whens.n; i++) resolve_when(s, (uint32_t)i, 0);
    for (size_t i = 0; i < s->pend.n; i++) {
        pendref *r = &s->pend.v[i];
        uint32_t j = when_find(s, r->ref);
        if (j == PX_NONE) {
            problem(s, PX_ERROR, "dangling-time", r->pos,
                    "@%s names '#%s', which is no <when> of this document's timeline; "
                    "the %s stays untimed",
                    (r->what & 1) ? "end" : "start", s->wtext.v + r->ref,
                    r->what < 2 ? "utterance" : "event");
            continue;
        }
        double v = s->whens.v[j].value;
        switch (r->what) {
        case 0: c->utterances.v[r->idx].start = v; break;
        case 1: c->utterances.v[r->idx].end = v; break;
        case 2: c->events.v[r->idx].start = v; break;
        case 3: c->events.v[r->idx].end = v; break;
        }
    }
}

static int dracor_year(const xmlChar *v, const xmlChar *end)
{
    char buf[32];
    const char *t = attr_cstr(v, end, buf, sizeof buf);
    int neg = *t == '-';
    int y = atoi(t + neg);
    if (!y) return 0;
    return neg ? -y : y;
}

static void mark_drama_segments(imp *s)
{
    divrec *d = s->divs.v;
    size_t n = s->divs.n;
    int any_div = 0, any_div2_scene = 0, any_div1 = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i].level == 100) continue;
        if (d[i].level == 0 || d[i].level == 1) any_div = 1;
        if (d[i].level == 1) any_div1 = 1;
        if (d[i].level == 2 && d[i].type &&
            !strcmp(px_str_get(s->c, d[i].type), "scene")) any_div2_scene = 1;
    }
    for (size_t i = 0; i < n; i++) {
        divrec *r = &d[i];
        if (r->level == 100) continue;
        const char *type = r->type ? px_str_get(s->c, r->type) : "";
        if (!any_div) r->marked = 0;
        else if (any_div2_scene)
            r->marked = (r->level == 2 && !strcmp(type, "scene")) ||
                        (r->level == 1 && r->direct_units && !r->has_div2);
        else if (any_div1)
            r->marked = r->level == 1;
        else
            r->marked = r->level == 0 &&
                        (r->direct_units || (!strcmp(type, "scene") && !r->units_below));
    }
}

static void mark_typed_segments(imp *s)
{
    for (size_t i = 0; i < s->divs.n; i++) {
        divrec *r = &s->divs.v[i];
        r->marked = r->level != 100 && r->type != 0;
    }
}

static px_str make_segment_id(imp *s, divrec *r, uint32_t nth)
{
    if (r->xmlid) return r->xmlid;
    char buf[600];
    snprintf(buf, sizeof buf, "%s.s%u", px_str_get(s->c, s->c->documents.v[s->doc].id), nth);
    return intern(s, buf, strlen(buf));
}

static void build_segments(imp *s, int drama)
{
    px_corpus *c = s->c;
    px_document *doc = &c->documents.v[s->doc];
    if (drama) mark_drama_segments(s);
    else mark_typed_segments(s);
    for (size_t i = 0; i < s->divs.n; i++) s->divs.v[i].segment = PX_NONE;
    uint32_t nth = 0;
    /* drama: marked divs are segments even when empty (DraCor counts them) */
    if (drama) {
        for (size_t i = 0; i < s->divs.n; i++) {
            divrec *r = &s->divs.v[i];
            if (!r->marked) continue;
            px_segment g = {make_segment_id(s, r, ++nth), r->type, s->doc, 0, 0, r->pos};
            if (PX_VEC_PUSH(c->segments, g)) { oom(s); return; }
            r->segment = (uint32_t)c->segments.n - 1;
        }
    }
    for (uint32_t u = doc->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        uint32_t dv = ut->segment;
        while (dv != PX_NONE && !s->divs.v[dv].marked && s->divs.v[dv].level != 100)
            dv = s->divs.v[dv].parent;
        if (dv == PX_NONE) dv = s->body_div;
        if (dv == PX_NONE) { ut->segment = PX_NONE; continue; }
        divrec *r = &s->divs.v[dv];
        if (r->segment == PX_NONE) {
            px_str type = r->level == 100 ? intern(s, "body", 4) : r->type;
            px_segment g = {r->level == 100 ? 0 : make_segment_id(s, r, ++nth), type,
                            s->doc, 0, 0, r->pos};
            if (r->level == 100) {
                char buf[600];
                snprintf(buf, sizeof buf, "%s.body", px_str_get(c, c->documents.v[s->doc].id));
                g.id = intern(s, buf, strlen(buf));
            }
            if (PX_VEC_PUSH(c->segments, g)) { oom(s); return; }
            r->segment = (uint32_t)c->segments.n - 1;
        }
        ut->segment = r->segment;
    }
}

/* Start times going backwards within a segment: an utterance that starts
 * before the one before it (overlap starts later than its predecessor's
 * start; this is beyond it). One warning per such utterance. */
static void check_time_order(imp *s, px_document *d)
{
    px_corpus *c = s->c;
    uint32_t ns = d->seg_count, first = d->seg_first;
    if (!ns) return;
    double *last = malloc(ns * sizeof *last);
    if (!last) { oom(s); return; }
    for (uint32_t g = 0; g < ns; g++) last[g] = NAN;
    uint32_t ufirst = d->utt_first, ucount = d->utt_count;
    for (uint32_t u = ufirst; u < ufirst + ucount && !s->stop; u++) {
        px_utterance *ut = &c->utterances.v[u];
        if (ut->segment == PX_NONE || ut->segment < first || isnan(ut->start)) continue;
        uint32_t g = ut->segment - first;
        if (g >= ns) continue;
        if (!isnan(last[g]) && ut->start < last[g] - 1e-6) {
            char a[32], b[32];
            px_format_clock(ut->start, a, sizeof a, 1);
            px_format_clock(last[g], b, sizeof b, 1);
            problem(s, PX_WARNING, "time-backwards", ut->pos,
                    "this utterance starts at %s, before the utterance before it in its "
                    "segment (%s); check the order or the timeline", a, b);
        }
        last[g] = ut->start;
    }
    free(last);
}

/* Room in the token stream for k more term ids (five bytes at most each);
 * -1 when there is none (the import stops). */
static int tok_reserve(imp *s, size_t k)
{
    px_corpus *c = s->c;
    if (c->tokens.n + 5 * k > UINT32_MAX) {
        refuse(s, PX_ELIMIT, cur_pos(s), "the corpus holds more than 4 GiB of tokens, "
               "the limit of Praxis; load fewer files at a time");
        return -1;
    }
    if (PX_VEC_RESERVE(c->tokens, c->tokens.n + 5 * k)) { oom(s); return -1; }
    px_prefault(&s->pf_tok, c->tokens.v, c->tokens.n + 5 * k, c->tokens.cap);
    /* a count for every term there is (the tokens name no other) */
    if (c->term_counts.n < c->terms.count) {
        if (PX_VEC_RESERVE(c->term_counts, c->terms.count)) { oom(s); return -1; }
        memset(c->term_counts.v + c->term_counts.n, 0,
               (c->terms.count - c->term_counts.n) * sizeof(uint32_t));
        c->term_counts.n = c->terms.count;
    }
    return 0;
}

/* Appends term ids to the token stream (LEB128); room was reserved. Ids
 * below 2^14 (nearly all tokens) take one or two bytes, written without a
 * branch: two bytes are stored and the cursor moves by one or two. */
static void tok_put_all(px_corpus *c, const uint32_t *t, size_t m)
{
    if (!m) return;
    uint32_t *counts = c->term_counts.v;   /* room for every term: tok_reserve */
    uint8_t *q = c->tokens.v + c->tokens.n;
    for (size_t i = 0; i < m; i++) {
        uint32_t v = t[i];
        counts[v]++;
        if (v < 0x4000) {
            uint32_t more = v >= 0x80;
            q[0] = (uint8_t)((v & 0x7F) | (more << 7));
            q[1] = (uint8_t)(v >> 7);
            q += 1 + more;
            continue;
        }
        while (v >= 0x80) { *q++ = (uint8_t)(v | 0x80); v >>= 7; }
        *q++ = (uint8_t)v;
    }
    c->tokens.n = (size_t)(q - c->tokens.v);
    c->token_count += m;
}

static inline void tok_put(px_corpus *c, uint32_t t) { tok_put_all(c, &t, 1); }

static uint32_t raw_term(imp *s, const char *w, size_t n);
static inline uint64_t wc_load(const char *w, size_t n, uint64_t *h0, uint64_t *h1);
static uint32_t word_term(imp *s, const char *w, size_t n, uint64_t h0, uint64_t h1, uint64_t key);

/* Cuts the words of the utterances whose tokens were left for later. Their
 * texts lie one after the other in c->text, each ended by a NUL, so the
 * words of many are found in one call (px_word_spans), up to TOK_CHUNK
 * bytes at a time; the table slot of the word TOK_AHEAD places on is
 * fetched while a word is looked up, so a word seen before costs one
 * compare. */
#define TOK_CHUNK (256u * 1024u)
#define TOK_AHEAD 16
static void tokenize_deferred(imp *s)
{
    px_corpus *c = s->c;
    const uint32_t *dv = s->deferred.v;
    size_t i = 0;
    while (i < s->deferred.n && !s->stop) {
        uint32_t from = c->utterances.v[dv[i]].text_off;
        uint32_t to = from + c->utterances.v[dv[i]].text_len;
        size_t end = i + 1;
        for (; end < s->deferred.n; end++) {
            const px_utterance *u = &c->utterances.v[dv[end]];
            if (u->text_off + u->text_len - from > TOK_CHUNK) break;
            to = u->text_off + u->text_len;
        }
        const char *base = c->text.v + from;
        const uint32_t *sp;
        size_t k = px_word_spans(&s->tok, base, to - from, &sp);
        if (k == (size_t)-1 || PX_VEC_RESERVE(s->tbuf, k + 1)) { oom(s); return; }
        uint32_t *terms = s->tbuf.v;
        uint64_t h0, h1;
        for (size_t j = 0; j < k && j < TOK_AHEAD; j++)
            if (sp[2 * j + 1] <= 16)
                __builtin_prefetch(&s->words->e[wc_load(base + sp[2 * j], sp[2 * j + 1], &h0, &h1) >>
                                                s->words->shift]);
        for (size_t j = 0; j < k && !s->stop; j++) {
            size_t a = j + TOK_AHEAD;
            if (a < k && sp[2 * a + 1] <= 16)
                __builtin_prefetch(&s->words->e[wc_load(base + sp[2 * a], sp[2 * a + 1], &h0, &h1) >>
                                                s->words->shift]);
            const char *w = base + sp[2 * j];
            uint32_t n = sp[2 * j + 1];
            uint32_t t;
            if (n > 16) {
                t = raw_term(s, w, n);
            } else {
                uint64_t key = wc_load(w, n, &h0, &h1);
                const wc_entry *e = &s->words->e[key >> s->words->shift];
                t = e->term;
                if (!(t && e->h0 == h0 && e->h1 == h1 && e->len == n))
                    t = word_term(s, w, n, h0, h1, key);   /* further along, or new */
            }
            terms[j] = t;
        }
        /* hand the words to their utterances (skipping those of any
         * utterance in between whose tokens were its <w>) */
        size_t j = 0;
        for (; i < end && !s->stop; i++) {
            px_utterance *u = &c->utterances.v[dv[i]];
            uint32_t ufrom = u->text_off - from, uto = ufrom + u->text_len;
            while (j < k && sp[2 * j] < ufrom) j++;
            uint32_t *out = terms + j, m = 0;
            for (; j < k && sp[2 * j] < uto; j++)
                if (terms[j] != PX_NONE) out[m++] = terms[j];
            if (tok_reserve(s, m)) return;
            u = &c->utterances.v[dv[i]];
            u->tok_first = (uint32_t)c->tokens.n;
            u->tok_count = m;
            tok_put_all(c, out, m);
        }
    }
    s->deferred.n = 0;
}

static void end_document(imp *s)
{
    tokenize_deferred(s);
    px_corpus *c = s->c;
    px_document *d = &c->documents.v[s->doc];
    d->utt_count = (uint32_t)c->utterances.n - d->utt_first;
    /* kind by the units it holds */
    uint32_t best = 0;
    int kind = PX_KIND_NONE;
    static const int order[] = {PX_KIND_DRAMA, PX_KIND_DEBATE, PX_KIND_CMC, PX_KIND_SPOKEN};
    for (int i = 0; i < 4; i++)
        if (s->unit_counts[order[i]] > best) { best = s->unit_counts[order[i]]; kind = order[i]; }
    d->kind = (uint8_t)kind;
    /* an id for the document: xml:id, else the file name (fixed at file end) */
    if (!d->id) {
        const char *base = strrchr(s->p.path, '/');
        base = base ? base + 1 : s->p.path;
        size_t n = strlen(base);
        if (n > 4 && !strcmp(base + n - 4, ".xml")) n -= 4;
        d->id = intern(s, base, n);
    }
    /* date */
    px_str date = 0;
    if (kind == PX_KIND_DRAMA && (s->dracor_print || s->dracor_premiere || s->dracor_written)) {
        int y = 0;
        if (s->dracor_print && s->dracor_premiere) y = s->dracor_print < s->dracor_premiere ? s->dracor_print : s->dracor_premiere;
        else y = s->dracor_print ? s->dracor_print : s->dracor_premiere;
        if (s->dracor_written && (!y || s->dracor_written < y - 10)) y = s->dracor_written;
        char buf[16];
        if (y < 0) snprintf(buf, sizeof buf, "-%04d", -y);
        else snprintf(buf, sizeof buf, "%04d", y);
        date = intern(s, buf, strlen(buf));
    }
    for (int i = 0; i < 3 && !date; i++) date = s->date_cand[i];
    d = &c->documents.v[s->doc];
    d->date = date;
    if (date) {
        double t;
        if (px_parse_datetime(px_str_get(c, date), &t) == 0) d->date_epoch = t;
    } else {
        problem(s, PX_WARNING, "no-date", d->pos,
                "document '%s' has no date (settingDesc/setting/date, "
                "recordingStmt/recording/date or creation/date); analyses over time "
                "will not place it", px_str_get(c, d->id));
    }
    apply_tiers(s);
    if (s->stop) return;
    /* the document's own key/values start here (persons declared in its
     * header wrote theirs before) */
    d->meta_first = (uint32_t)c->kvs.n;
    if (d->title) { add_kv(s, "title", d->title); }
    if (date) add_kv(s, "date", date);
    d = &c->documents.v[s->doc];
    d->meta_count = (uint32_t)c->kvs.n - d->meta_first;
    resolve_times(s);
    /* absolute times from the document date and the timeline */
    d = &c->documents.v[s->doc];
    int full_date = d->date && strlen(px_str_get(c, d->date)) >= 10;
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        /* a timeline of dateTimes (and no clock times) places utterances
         * by itself */
        if (isnan(ut->time) && !isnan(ut->start) && !isnan(s->origin_datetime) &&
            isnan(s->origin_clock)) {
            ut->time = s->origin_datetime + ut->start;
            continue;
        }
        if (isnan(ut->time) && full_date && !isnan(ut->start) && !isnan(d->date_epoch)) {
            double day = floor(d->date_epoch / 86400.0) * 86400.0;
            ut->time = day + (isnan(s->origin_clock) ? 0 : s->origin_clock) + ut->start;
        }
    }
    build_segments(s, kind == PX_KIND_DRAMA);
    d = &c->documents.v[s->doc];
    d->seg_count = (uint32_t)c->segments.n - d->seg_first;
    check_time_order(s, d);
    d = &c->documents.v[s->doc];
    /* repeated xml:id values: those utterances get DOCID.uINDEX */
    size_t size = 16;
    while (size < (size_t)d->utt_count * 2) size *= 2;
    if (PX_VEC_RESERVE(s->docidx, size)) { oom(s); return; }
    memset(s->docidx.v, 0, size * sizeof(uint64_t));
    uint32_t mask = (uint32_t)size - 1;
    int repeated = 0;
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        uint32_t off = ut->id;
        if (!off) continue;
        if (!c->uid_text.v[off]) {   /* xml:id="": counted as a repeat, renamed */
            repeated++;
            ut->id = 0;
            continue;
        }
        uint32_t h = px_uid_hash(c, off);
        for (uint32_t i = h & mask;; i = (i + 1) & mask) {
            uint64_t e = s->docidx.v[i];
            if (!e) { s->docidx.v[i] = ((uint64_t)off << 32) | (u + 1); break; }
            uint32_t eoff = (uint32_t)(e >> 32), first = (uint32_t)e;
            if (px_uid_hash(c, eoff) != h || strcmp(c->uid_text.v + eoff, c->uid_text.v + off))
                continue;
            /* a repeat: it and the first of its id lose the id */
            repeated++;
            ut->id = 0;
            if (first) {
                c->utterances.v[first - 1].id = 0;
                s->docidx.v[i] = (uint64_t)eoff << 32;
            }
            break;
        }
    }
    if (repeated)
        problem(s, PX_WARNING, "repeated-id", d->pos,
                "%d utterance%s repeat%s an xml:id of this document; %s named "
                "DOCID.uN instead", repeated, repeated == 1 ? "" : "s", repeated == 1 ? "s" : "",
                repeated == 1 ? "it is" : "they are");
    for (uint32_t u = d->utt_first; u < c->utterances.n; u++) {
        px_utterance *ut = &c->utterances.v[u];
        if (ut->id) continue;
        char buf[600];
        int n = snprintf(buf, sizeof buf, "%s.u%u", px_str_get(c, d->id), ut->index + 1);
        ut->id = append_uid(s, buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1));
        d = &c->documents.v[s->doc];
    }
    s->doc = PX_NONE;
}

/* ------------------------------------------------------------------ */
/* Utterances                                                          */
/* ------------------------------------------------------------------ */

/* The raw attributes of a unit, as key/values: "ana", "trans", "xml:lang",
 * "indentLevel", "when-iso"... Those whose meaning the model holds in
 * fields of its own, and whose values are mostly unique (xml:id, @start,
 * @end, @synch: u.id, u.start_time, u.end_time) stay out: interning a
 * unique value per utterance would cost a hash-table entry each. */
/* The key of a raw attribute ("ana", "xml:lang"), interned once per name
 * (names are the parser's dictionary strings: a pointer-keyed cache). */
static px_str raw_key(imp *s, const xmlChar *name, const xmlChar *prefix)
{
    size_t h = ptr_slot(name, 6);
    if (s->p.kcache[h].p == name && s->p.kcache[h].prefix == prefix) return s->p.kcache[h].key;
    char key[160];
    size_t n = 0, pl = prefix ? strlen((const char *)prefix) : 0, ll = strlen((const char *)name);
    if (pl + ll + 2 > sizeof key) return 0;
    if (pl) { memcpy(key, prefix, pl); key[pl] = ':'; n = pl + 1; }
    memcpy(key + n, name, ll);
    px_str k = intern(s, key, n + ll);
    s->p.kcache[h].p = name;
    s->p.kcache[h].prefix = prefix;
    s->p.kcache[h].key = k;
    return k;
}

static void push_raw_attrs(imp *s, int nb, int nb_defaulted, const xmlChar **a)
{
    for (int i = 0; i < nb - nb_defaulted && !s->stop; i++) {
        const xmlChar *name = a[i * 5];
        if (name == s->p.an[A_START] || name == s->p.an[A_END] || name == s->p.an[A_SYNCH]) continue;
        if (name == s->p.an[A_ID] && is_xml_ns(s, a[i * 5 + 2])) continue;
        px_str key = raw_key(s, name, a[i * 5 + 1]);
        px_str v = intern_attr(s, a[i * 5 + 3], a[i * 5 + 4]);
        px_kv kv = {key, v};
        if (PX_VEC_PUSH(s->c->kvs, kv)) oom(s);
    }
}

static void start_unit(imp *s, enum elem e, attrs *at, px_pos pos, px_str lang,
                       int nb, int nb_defaulted, const xmlChar **raw)
{
    px_corpus *c = s->c;
    if (s->doc == PX_NONE) return;
    if (PX_VEC_RESERVE(c->utterances, c->utterances.n + 1)) { oom(s); return; }
    px_prefault(&s->pf_utt, c->utterances.v, (c->utterances.n + 1) * sizeof(px_utterance),
                c->utterances.cap * sizeof(px_utterance));
    px_utterance *u = &c->utterances.v[c->utterances.n];   /* built in place */
    memset(u, 0, sizeof *u);
    px_document *d = &c->documents.v[s->doc];
    u->document = s->doc;
    u->index = (uint32_t)c->utterances.n - d->utt_first;
    u->segment = s->frames.v[s->depth - 1].div;
    u->reply_to = PX_NONE;
    if (HAS(*at, A_ID)) u->id = intern_uid(s, at->v[A_ID], at->end[A_ID]);
    u->lang = lang;
    u->start = u->end = u->time = NAN;
    u->pos = pos;
    u->spk_first = (uint32_t)c->refs.n;
    if (HAS(*at, A_WHO)) u->spk_count = push_refs(s, at->v[A_WHO], at->end[A_WHO]);
    if (!u->spk_count) {
        if (PX_VEC_PUSH(c->refs, PX_NONE)) { oom(s); return; }
        u->spk_count = 1;
    }
    u->adr_first = (uint32_t)c->refs.n;
    if (HAS(*at, A_TOWHOM)) u->adr_count = push_refs(s, at->v[A_TOWHOM], at->end[A_TOWHOM]);
    if (HAS(*at, A_REPLYTO)) {
        /* the first pointer; resolved when the corpus is finished */
        const xmlChar *v = at->v[A_REPLYTO], *end = at->end[A_REPLYTO];
        while (v < end && is_xml_space(*v)) v++;
        const xmlChar *q = v;
        while (q < end && !is_xml_space(*q)) q++;
        const xmlChar *h = q;
        while (h > v && h[-1] != '#') h--;
        if (h < q) u->reply_to = intern_uid(s, h, q);
    }
    char buf[80];
    if (HAS(*at, A_WHEN_ISO) || HAS(*at, A_WHEN)) {
        int k = HAS(*at, A_WHEN_ISO) ? A_WHEN_ISO : A_WHEN;
        double t;
        if (px_parse_datetime(attr_cstr(at->v[k], at->end[k], buf, sizeof buf), &t) == 0)
            u->time = t;
    }
    u->ev_first = (uint32_t)c->events.n;
    u->ann_first = (uint32_t)c->annotations.n;
    u->attr_first = (uint32_t)c->kvs.n;
    u->indent = -1;
    if (HAS(*at, A_INDENT)) {
        double x;
        if (parse_decimal(at->v[A_INDENT], at->end[A_INDENT], &x) == 0 && x >= 0 && x < 1e6)
            u->indent = (int32_t)x;
    }
    u->text_off = (uint32_t)c->text.n;
    if (c->text.n > UINT32_MAX - (uint64_t)c->opt.max_utterance_text - 16) {
        refuse(s, PX_ELIMIT, pos, "the corpus holds more than 4 GiB of text, the limit of Praxis");
        return;
    }
    c->utterances.n++;
    s->utt = (uint32_t)c->utterances.n - 1;
    s->utt_depth = s->depth + 1;
    push_raw_attrs(s, nb, nb_defaulted, raw);
    s->spans.n = 0;
    s->spanbuf.n = 0;
    s->block = e == E_ABLOCK;
    s->inner_u_depth = 0;
    s->pending_space = 0;
    s->text_start = (uint32_t)c->text.n;
    s->seg_lang_taken = 0;
    s->utt_own_lang = HAS(*at, A_LANG);
    s->wspans.n = 0;
    s->in_w = 0;
    uint32_t ix = s->utt;
    if (HAS(*at, A_SYNCH)) {
        /* "#start #end" on u; one point on post */
        const xmlChar *v = at->v[A_SYNCH], *end = at->end[A_SYNCH];
        const xmlChar *p = v;
        int k = 0;
        while (p < end && k < 2) {
            while (p < end && is_xml_space(*p)) p++;
            const xmlChar *q = p;
            while (q < end && !is_xml_space(*q)) q++;
            if (q > p) add_pending(s, k, ix, when_ref(s, p, q), pos);
            k++;
            p = q;
        }
    }
    if (HAS(*at, A_START)) add_pending(s, 0, ix, when_ref(s, at->v[A_START], at->end[A_START]), pos);
    if (HAS(*at, A_END)) add_pending(s, 1, ix, when_ref(s, at->v[A_END], at->end[A_END]), pos);
    /* kind of unit */
    int kind = PX_KIND_SPOKEN;
    if (e == E_SP) kind = PX_KIND_DRAMA;
    else if (e == E_POST || e == E_POSTING) kind = PX_KIND_CMC;
    else if (e == E_U) {
        if (s->debate_depth) kind = PX_KIND_DEBATE;
        else if (HAS(*at, A_ANA)) {
            char ab[256];
            const char *ana = attr_cstr(at->v[A_ANA], at->end[A_ANA], ab, sizeof ab);
            if (strstr(ana, "#chair") || strstr(ana, "#regular") || strstr(ana, "#guest"))
                kind = PX_KIND_DEBATE;
        }
    }
    s->unit_counts[kind]++;
    /* divs: count units for DraCor's rule */
    uint32_t dv = c->utterances.v[ix].segment;
    if (dv != PX_NONE) {
        s->divs.v[dv].direct_units++;
        for (uint32_t p = dv; p != PX_NONE; p = s->divs.v[p].parent) s->divs.v[p].units_below++;
    }
}

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

/* The same words as word8 on both halves, for a form inside the text
 * arena: it reads 16 bytes from w (PX_WORD_SLACK lie past every text) and
 * masks off what lies past n, without a branch. Returns the hash. */
static inline uint64_t wc_load(const char *w, size_t n, uint64_t *h0, uint64_t *h1)
{
    static const uint64_t lo[17] = {
        0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL, 0xffffffffffffULL,
        0xffffffffffffffULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL };
    static const uint64_t hi[17] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL,
        0xffffffffffffULL, 0xffffffffffffffULL, ~0ULL };
    uint64_t a, b;
    memcpy(&a, w, 8);
    memcpy(&b, w + 8, 8);
    *h0 = a & lo[n];
    *h1 = b & hi[n];
    return wc_key(*h0, *h1, n);
}

static wordmap *wordmap_new(uint32_t bits)
{
    size_t bytes = sizeof(wordmap) + ((size_t)1 << bits) * sizeof(wc_entry);
    wordmap *m = calloc(1, bytes);
    if (!m) return NULL;
    px_prefault_all(m, bytes);   /* written all over, at random */
    m->shift = 64 - bits;
    m->mask = (uint32_t)(((size_t)1 << bits) - 1);
    return m;
}

/* Doubles the table once it is half full. 0, or -1 out of memory. */
static int wordmap_grow(imp *s)
{
    wordmap *old = s->words;
    wordmap *m = wordmap_new(64 - old->shift + 1);
    if (!m) return -1;
    for (size_t i = 0; i <= old->mask; i++) {
        const wc_entry *e = &old->e[i];
        if (!e->term) continue;
        size_t j = wc_key(e->h0, e->h1, e->len) >> m->shift;
        while (m->e[j].term) j = (j + 1) & m->mask;
        m->e[j] = *e;
    }
    m->count = old->count;
    free(old);
    s->words = m;
    ((import_cache *)s->c->import_cache)->words = m;
    return 0;
}

/* The term of a raw form of n <= 16 bytes (h0, h1: its bytes; key: their
 * hash): from the table, else folded, interned and remembered. PX_NONE
 * when the form folds to nothing; every failure stops the import. */
static uint32_t word_term(imp *s, const char *w, size_t n, uint64_t h0, uint64_t h1, uint64_t key)
{
    wordmap *m = s->words;
    size_t i = key >> m->shift;
    for (; m->e[i].term; i = (i + 1) & m->mask) {
        const wc_entry *e = &m->e[i];
        if (e->h0 == h0 && e->h1 == h1 && e->len == n) return e->term;
    }
    size_t fl;
    const char *f = px_fold(&s->tok, w, n, &fl);
    if (!f) { f = w; fl = n; }
    if (!fl) return PX_NONE;
    px_str t = px_strtab_intern(&s->c->terms, f, fl);
    if (t == PX_STR_ERR) { oom(s); return PX_NONE; }
    if ((size_t)(m->count + 1) * 2 > (size_t)m->mask + 1) {
        if (wordmap_grow(s)) { oom(s); return PX_NONE; }
        m = s->words;
        for (i = key >> m->shift; m->e[i].term; i = (i + 1) & m->mask) {}
    }
    m->e[i] = (wc_entry){h0, h1, (uint32_t)n, t};
    m->count++;
    return t;
}

/* Raw word forms repeat (Zipf). Forms of up to 16 bytes (nearly all words)
 * go through a table from their bytes to the folded term; longer ones
 * through a per-file string table. Either way a form seen before skips
 * normalisation and the corpus-wide term table. */
static uint32_t raw_term(imp *s, const char *w, size_t n)
{
    if (n <= 16) {
        uint64_t h0 = word8(w, n < 8 ? n : 8), h1 = n > 8 ? word8(w + 8, n - 8) : 0;
        return word_term(s, w, n, h0, h1, wc_key(h0, h1, n));
    }
    px_str raw = px_strtab_intern(&s->raw, w, n);
    if (raw == PX_STR_ERR) { oom(s); return PX_NONE; }
    if (raw < s->raw_term.n) return s->raw_term.v[raw];
    size_t fl;
    const char *f = px_fold(&s->tok, w, n, &fl);
    if (!f) { f = w; fl = n; }
    uint32_t t = fl ? px_strtab_intern(&s->c->terms, f, fl) : PX_NONE;
    if (t == PX_STR_ERR || PX_VEC_PUSH(s->raw_term, t)) { oom(s); return PX_NONE; }
    return t;
}

/* Appends the token of one raw form (a <w>). */
static void tok_push(imp *s, const char *w, size_t n)
{
    uint32_t t = raw_term(s, w, n);
    if (t != PX_NONE && !tok_reserve(s, 1)) tok_put(s->c, t);
}

static void end_unit(imp *s)
{
    px_corpus *c = s->c;
    px_utterance *u = &c->utterances.v[s->utt];
    /* finish the text: drop a pending space, terminate, and keep
     * PX_WORD_SLACK initialised bytes after it for the word scanner */
    if (PX_VEC_RESERVE(c->text, c->text.n + 1 + PX_WORD_SLACK)) { oom(s); return; }
    c->text.v[c->text.n++] = '\0';
    memset(c->text.v + c->text.n, 0, PX_WORD_SLACK);
    u->text_len = (uint32_t)(c->text.n - 1 - u->text_off);
    u->tok_first = (uint32_t)c->tokens.n;
    uint64_t count0 = c->token_count;
    const char *text = c->text.v + u->text_off;
    if (s->wspans.n) {
        for (size_t i = 0; i < s->wspans.n && !s->stop; i++) {
            uint32_t off = (uint32_t)(s->wspans.v[i] >> 32), len = (uint32_t)s->wspans.v[i];
            tok_push(s, c->text.v + off, len);
        }
    } else if (u->text_len) {
        /* words are cut at the end of the document, all in one go: the
         * word cache and the term table then have the cache to themselves
         * instead of fighting the parser for it */
        if (PX_VEC_PUSH(s->deferred, s->utt)) { oom(s); return; }
    }
    (void)text;
    u = &c->utterances.v[s->utt];
    u->tok_count = (uint32_t)(c->token_count - count0);
    u->ev_count = (uint32_t)(c->events.n - u->ev_first);
    u->ann_count = (uint32_t)(c->annotations.n - u->ann_first);
    u->attr_count = (uint32_t)(c->kvs.n - u->attr_first);
    s->spans.n = 0;
    if (!u->text_len && !u->ev_count)
        problem(s, PX_WARNING, "empty-utterance", u->pos, "empty utterance (no words, no events)");
    s->utt = PX_NONE;
    s->suppress_depth = 0;
}

static void start_event(imp *s, enum elem e, attrs *at, px_pos pos)
{
    px_corpus *c = s->c;
    if (s->doc == PX_NONE) return;
    /* built in place: the record is large, a copy would cost more than
     * filling it */
    if (PX_VEC_RESERVE(c->events, c->events.n + 1)) { oom(s); return; }
    px_prefault(&s->pf_ev, c->events.v, (c->events.n + 1) * sizeof(px_event),
                c->events.cap * sizeof(px_event));
    px_event *ev = &c->events.v[c->events.n];
    memset(ev, 0, sizeof *ev);
    static const uint8_t map[] = {
        [E_PAUSE] = PX_EVENT_PAUSE, [E_VOCAL] = PX_EVENT_VOCAL, [E_KINESIC] = PX_EVENT_KINESIC,
        [E_INCIDENT] = PX_EVENT_INCIDENT, [E_SHIFT] = PX_EVENT_SHIFT, [E_ANCHOR] = PX_EVENT_ANCHOR,
    };
    ev->type = map[e];
    ev->document = s->doc;
    ev->utterance = s->utt;
    ev->start = ev->end = ev->dur = NAN;
    ev->pos = pos;
    if (HAS(*at, A_WHO)) {
        const xmlChar *v = at->v[A_WHO], *end = at->end[A_WHO];
        const xmlChar *h = end;
        while (h > v && h[-1] != '#') h--;
        ev->who = intern_attr(s, h, end);
    }
    ev->feature = attr_str(s, at, A_FEATURE);
    ev->value = e == E_SHIFT ? attr_str(s, at, A_NEW) : attr_str(s, at, A_TYPE);
    char buf[64];
    if (HAS(*at, A_DUR)) {
        double d;
        const xmlChar *v = at->v[A_DUR], *end = at->end[A_DUR];
        /* "PT0.4S", the usual form, without strtod */
        if (end - v > 3 && v[0] == 'P' && v[1] == 'T' && end[-1] == 'S' &&
            parse_decimal(v + 2, end - 1, &d) == 0)
            ev->dur = d;
        else if (px_parse_duration(attr_cstr(v, end, buf, sizeof buf), &d) == 0)
            ev->dur = d;
    }
    uint32_t ix = (uint32_t)c->events.n++;
    if (HAS(*at, A_SYNCH)) add_pending(s, 2, ix, when_ref(s, at->v[A_SYNCH], at->end[A_SYNCH]), pos);
    if (HAS(*at, A_START)) add_pending(s, 2, ix, when_ref(s, at->v[A_START], at->end[A_START]), pos);
    if (HAS(*at, A_END)) add_pending(s, 3, ix, when_ref(s, at->v[A_END], at->end[A_END]), pos);
    s->event = ix;
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                       */
/* ------------------------------------------------------------------ */

static enum elem classify(imp *s, const xmlChar *name, const xmlChar *uri)
{
    /* TEI's namespace or none (P4 and hand-written files) */
    if (uri && uri != s->p.tei_uri) {
        if (strcmp((const char *)uri, TEI_NS) != 0) return E_OTHER;
        s->p.tei_uri = uri;
    }
    size_t h = ptr_slot(name, 9);
    if (s->p.cache[h].p == name) {
        if (s->p.cache[h].unk) s->p.unknown.v[s->p.cache[h].unk - 1].count++;
        return (enum elem)s->p.cache[h].e;
    }
    enum elem e = lookup_elem((const char *)name);
    /* is it a TEI P5 element? (posting, annotatedU are read, yet are not) */
    uint32_t unk = px_map_get(&s->p.unknown_seen, (uint64_t)(uintptr_t)name);
    if (unk == PX_NONE) {
        unk = 0;
        if (!px_tei_is_element((const char *)name) && s->p.unknown.n < 60000) {
            unkrec r = {name, 0, elem_pos(s)};
            if (PX_VEC_PUSH(s->p.unknown, r)) { oom(s); return e; }
            unk = (uint32_t)s->p.unknown.n;
        }
        if (px_map_put(&s->p.unknown_seen, (uint64_t)(uintptr_t)name, unk)) { oom(s); return e; }
    }
    s->p.cache[h].p = name;
    s->p.cache[h].e = (uint8_t)e;
    s->p.cache[h].unk = (uint16_t)unk;
    if (unk) s->p.unknown.v[unk - 1].count++;
    return e;
}

/* Counts distinct element and attribute names (libxml2 slows down
 * superlinearly with very many; real TEI uses a few hundred). */
static int note_name(imp *s, const xmlChar *name)
{
    uint64_t key = (uint64_t)(uintptr_t)name;
    if (px_map_get(&s->p.names_seen, key) != PX_NONE) return 0;
    if (px_map_put(&s->p.names_seen, key, 1)) { oom(s); return -1; }
    if (++s->p.names > s->c->opt.max_names) {
        refuse(s, PX_ELIMIT, elem_pos(s),
               "more than %u distinct element and attribute names in one file, the "
               "limit of Praxis (TEI has about 600); this is not a TEI transcript",
               s->c->opt.max_names);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Annotation tiers (spanGrp/span inside a unit)                       */
/* ------------------------------------------------------------------ */

/* The id a pointer names ("#w1" -> "w1"); the first or last of a list. */
static px_str pointer_id(imp *s, const xmlChar *v, const xmlChar *end, int last)
{
    while (v < end && is_xml_space(*v)) v++;
    while (end > v && is_xml_space(end[-1])) end--;
    const xmlChar *p = v, *q = end;
    if (last) { while (p < q && !is_xml_space(q[-1])) q--; p = q; q = end; }
    else { q = v; while (q < end && !is_xml_space(*q)) q++; }
    if (p < q && *p == '#') p++;
    return p < q ? intern_attr(s, p, q) : 0;
}

static void start_span(imp *s, enum elem e, attrs *at)
{
    spanframe f = {s->depth + 1, PX_NONE, attr_str(s, at, A_TYPE), (uint32_t)s->spanbuf.n};
    if (e == E_SPAN) {
        /* the tier is the nearest spanGrp's @type, else the span's own */
        px_str type = 0;
        for (size_t i = s->spans.n; i-- > 0;)
            if (s->spans.v[i].ann == PX_NONE) { type = s->spans.v[i].type; break; }
        if (!type) type = f.type;
        px_annotation a = {type, 0, 0, 0};
        if (HAS(*at, A_FROM)) a.from = pointer_id(s, at->v[A_FROM], at->end[A_FROM], 0);
        else if (HAS(*at, A_TARGET)) a.from = pointer_id(s, at->v[A_TARGET], at->end[A_TARGET], 0);
        if (HAS(*at, A_TO)) a.to = pointer_id(s, at->v[A_TO], at->end[A_TO], 0);
        else if (HAS(*at, A_TARGET)) a.to = pointer_id(s, at->v[A_TARGET], at->end[A_TARGET], 1);
        if (PX_VEC_PUSH(s->c->annotations, a)) { oom(s); return; }
        f.ann = (uint32_t)s->c->annotations.n - 1;
        f.type = type;
        s->span_pending = 0;
    }
    if (PX_VEC_PUSH(s->spans, f)) oom(s);
}

static void end_span(imp *s)
{
    spanframe f = s->spans.v[--s->spans.n];
    if (f.ann == PX_NONE) return;
    size_t n = s->spanbuf.n - f.buf_start;
    s->c->annotations.v[f.ann].text = n ? intern(s, s->spanbuf.v + f.buf_start, n) : 0;
    s->spanbuf.n = f.buf_start;
    /* the enclosing span's text goes on after a space */
    s->span_pending = s->spanbuf.n > 0;
}

/* ------------------------------------------------------------------ */
/* XInclude                                                            */
/* ------------------------------------------------------------------ */

static int is_xi_ns(imp *s, const xmlChar *uri)
{
    if (uri == s->p.xi_uri) return 1;
    if (!uri || uri == s->p.tei_uri) return 0;   /* the common case, no strcmp */
    if (strcmp((const char *)uri, XI_NS) != 0 && strcmp((const char *)uri, XI_NS_OLD) != 0)
        return 0;
    s->p.xi_uri = uri;
    return 1;
}

/* %XX-decodes an href or xml:base into out; -1 when too long or when it
 * decodes to a NUL. */
static int uri_decode(const xmlChar *v, const xmlChar *end, char *out, size_t n)
{
    size_t o = 0;
    while (v < end && is_xml_space(*v)) v++;
    while (end > v && is_xml_space(end[-1])) end--;
    for (; v < end; v++) {
        int ch = *v;
        if (ch == '%' && end - v >= 3 && isxdigit(v[1]) && isxdigit(v[2])) {
            char hex[3] = {(char)v[1], (char)v[2], 0};
            ch = (int)strtol(hex, NULL, 16);
            v += 2;
            if (!ch) return -1;
        }
        if (o + 1 >= n) return -1;
        out[o++] = (char)ch;
    }
    out[o] = '\0';
    return 0;
}

/* Why a reference cannot name a file inside the corpus folder, or NULL.
 * A "file:" scheme before a relative path is dropped. */
static const char *bad_reference(char *ref)
{
    if (!ref[0]) return "it is empty";
    const char *p = ref;
    if (isalpha((unsigned char)*p)) {
        while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.') p++;
        if (*p == ':') {
            if (p - ref == 4 && strncasecmp(ref, "file", 4) == 0 && p[1] != '/') {
                memmove(ref, p + 1, strlen(p + 1) + 1);
            } else {
                return "it is a URI; Praxis includes only files inside the corpus folder, "
                       "named by a relative path";
            }
        }
    }
    if (ref[0] == '/')
        return "it is an absolute path; name the file relative to the including file";
    if (strchr(ref, '#')) return "a fragment (#...) is not supported";
    return NULL;
}

static void apply_base(imp *s, frame *f, const xmlChar *v, const xmlChar *end)
{
    char raw[1024], joined[2048];
    if (uri_decode(v, end, raw, sizeof raw) || bad_reference(raw)) { f->base_bad = 1; return; }
    const char *from = f->base ? px_str_get(s->c, f->base) : "";
    if (px_path_join(from, raw, joined, sizeof joined)) { f->base_bad = 1; return; }
    /* a base names a file or a folder: its folder is what counts */
    char *slash = strrchr(joined, '/');
    size_t n = slash ? (size_t)(slash - joined) + 1 : 0;
    f->base = n ? intern(s, joined, n) : 0;
}

static void include_error(imp *s, const char *code, px_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void include_error(imp *s, const char *code, px_pos pos, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    problem(s, PX_ERROR, code, pos, "%s", msg);
}

static void run_include(imp *s, const px_tei_source *src, const char *path, px_pos at);

static void xinclude_start(imp *s, const xmlChar *localname, attrs *at, frame *f)
{
    px_corpus *c = s->c;
    if (!strcmp((const char *)localname, "fallback")) {
        f->e = E_XFALLBACK;
        frame *inc = s->depth ? &s->frames.v[s->depth - 1] : NULL;
        if (inc && inc->e == E_XINCLUDE && inc->inc == INC_FAILED) inc->inc = INC_FALLBACK;
        return;
    }
    if (strcmp((const char *)localname, "include") != 0) return;   /* transparent */
    f->e = E_XINCLUDE;
    f->pos = elem_pos(s);
    f->inc = INC_DONE;   /* unless it fails in a way a fallback answers */
    char href[1024], b[64];
    if (HAS(*at, A_XPOINTER)) {
        include_error(s, "include-refused", f->pos, "xi:include with @xpointer is not "
                      "supported; include the whole file");
        return;
    }
    if (HAS(*at, A_PARSE) &&
        strcmp(attr_cstr(at->v[A_PARSE], at->end[A_PARSE], b, sizeof b), "xml") != 0) {
        include_error(s, "include-refused", f->pos, "xi:include with parse=\"%s\" is not "
                      "supported; Praxis includes XML files only", b);
        return;
    }
    if (!HAS(*at, A_HREF) || uri_decode(at->v[A_HREF], at->end[A_HREF], href, sizeof href)) {
        include_error(s, "include-refused", f->pos, "xi:include without a usable @href "
                      "(an include of the document itself is not supported)");
        return;
    }
    const char *why = bad_reference(href);
    if (why) {
        include_error(s, "include-refused", f->pos, "xi:include href=\"%s\" is refused: %s",
                      href, why);
        return;
    }
    if (f->base_bad) {
        include_error(s, "include-refused", f->pos, "xi:include href=\"%s\" is refused: the "
                      "xml:base in effect is no relative path", href);
        return;
    }
    char rel[2048];
    if (px_path_join(f->base ? px_str_get(c, f->base) : "", href, rel, sizeof rel)) {
        include_error(s, "include-refused", f->pos, "xi:include href is too long");
        return;
    }
    if (!s->fs) {
        include_error(s, "include-refused", f->pos, "xi:include href=\"%s\": this source "
                      "cannot include files", rel);
        return;
    }
    if (s->incstack.n / 2 > MAX_INCLUDE_NESTING) {
        include_error(s, "include-depth", f->pos, "xi:include href=\"%s\" is nested more than "
                      "%d includes deep, the limit of Praxis", rel, MAX_INCLUDE_NESTING);
        return;
    }
    px_tei_source src;
    memset(&src, 0, sizeof src);
    char path[1024];
    px_error e;
    px_error_clear(&e);
    px_status st = s->fs->open(s->fs->ud, s->p.path, rel, &src, path, sizeof path, &e);
    if (st == PX_ENOMEM) { oom(s); return; }
    if (st == PX_ENOTFOUND || st == PX_EIO) {
        char msg[900];
        snprintf(msg, sizeof msg, "xi:include href=\"%.300s\": %.500s", rel, e.msg);
        f->inc = INC_FAILED;
        f->incmsg = intern(s, msg, strlen(msg));
        return;
    }
    if (st != PX_OK) {
        include_error(s, "include-escape", f->pos, "xi:include href=\"%s\" is refused: %s",
                      rel, e.msg);
        return;
    }
    for (size_t i = 0; i + 1 < s->incstack.n; i += 2) {
        if ((src.dev || src.ino) && s->incstack.v[i] == src.dev && s->incstack.v[i + 1] == src.ino) {
            include_error(s, "include-loop", f->pos, "xi:include href=\"%s\" loops: that file "
                          "is already being read (it includes this one)", rel);
            s->fs->close(s->fs->ud, &src);
            return;
        }
    }
    /* each file once: one already in the corpus is not read again */
    for (size_t i = 0; i < c->files.n; i++) {
        if ((src.dev || src.ino) && c->files.v[i].dev == src.dev && c->files.v[i].ino == src.ino) {
            s->fs->close(s->fs->ud, &src);
            return;
        }
    }
    run_include(s, &src, path, f->pos);
    s->fs->close(s->fs->ud, &src);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_attrs,
                     int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix; (void)nb_ns; (void)ns;
    imp *s = ctx;
    if (s->stop) return;
    if (s->skip_from) { s->skip_extra++; return; }
    s->run_text = 0;
    size_t hc = ptr_slot(localname, 9);   /* the slot classify() uses */
    if (s->p.cache[hc].p != localname && note_name(s, localname)) return;
    if (s->depth + 1 > s->c->opt.max_depth) {
        refuse(s, PX_ELIMIT, elem_pos(s),
               "elements are nested deeper than %u levels, the limit of Praxis; "
               "real transcripts nest a few dozen levels", s->c->opt.max_depth);
        return;
    }
    enum elem e = classify(s, localname, uri);
    attrs at;
    if (read_attrs(s, nb_attrs, nb_defaulted, attributes, &at)) return;
    px_pos pos = {0, 0, 0};
    int need_pos = (e == E_TEI || e == E_TEICORPUS || is_unit(e) || is_div(e) ||
                    e == E_BODY || e == E_PERSON || e == E_PERSONGRP || e == E_ORG ||
                    (e >= E_PAUSE && e <= E_ANCHOR) || s->depth == s->p.base_depth);
    if (need_pos) pos = elem_pos(s);

    frame parent = s->depth ? s->frames.v[s->depth - 1] : (frame){.div = PX_NONE};
    frame f = {.e = (uint8_t)e, .div = parent.div, .lang = parent.lang,
               .base = parent.base, .base_bad = parent.base_bad,
               .line = (uint32_t)(s->p.ctxt->input ? s->p.ctxt->input->line : 0),
               .name = localname};
    if (s->depth == s->p.base_depth) { f.base = 0; f.base_bad = 0; }   /* a new file */
    if (HAS(at, A_LANG)) f.lang = attr_str(s, &at, A_LANG);
    if (HAS(at, A_BASE)) apply_base(s, &f, at.v[A_BASE], at.end[A_BASE]);

    if (uri && is_xi_ns(s, uri)) {
        /* xi:include and xi:fallback: never a root, never TEI */
        if (s->depth == s->p.base_depth) {
            refuse(s, PX_EDATA, elem_pos(s), "not a TEI document: the root element is an "
                   "XInclude element <%s>", (const char *)localname);
            return;
        }
        xinclude_start(s, localname, &at, &f);
        if (s->stop) return;
        if (PX_VEC_RESERVE(s->frames, (size_t)s->depth + 1)) { oom(s); return; }
        s->frames.v[s->depth] = f;
        s->depth++;
        if (f.e == E_XINCLUDE && f.inc == INC_DONE) s->skip_from = s->depth;
        return;
    }

    if (s->depth == s->p.base_depth && s->p.base_depth > 0) {
        /* the root of an included file: whatever TEI element it is lands
         * where the include stood */
        s->p.root = e == E_OTHER ? -1 : (int)e;
        if (uri && uri != s->p.tei_uri) {
            refuse(s, PX_EDATA, pos,
                   "not TEI: the included file's root element <%s> is in namespace %s",
                   (const char *)localname, (const char *)uri);
            return;
        }
        if (e != E_TEI) s->c->files.v[s->p.file].component = 1;
    } else if (s->depth == 0) {
        s->p.root = e == E_OTHER ? -1 : (int)e;
        if (e != E_TEI && e != E_TEICORPUS && e != E_LISTPERSON && e != E_LISTORG) {
            refuse(s, PX_EDATA, pos,
                   "not a TEI document: the root element is <%s>%s%s%s; Praxis reads "
                   "TEI (root TEI or teiCorpus, or a listPerson/listOrg component)",
                   (const char *)localname, uri ? " in namespace " : "",
                   uri ? (const char *)uri : "", "");
            return;
        }
        if (e != E_TEI) s->c->files.v[s->p.file].component = 1;
    }

    switch (e) {
    case E_TEI:
        if (s->doc == PX_NONE) {
            start_document(s, &at, pos, f.lang);
            /* div records are numbered per document: those of the open
             * elements belong to an earlier one (a TEI nested in a body) */
            f.div = PX_NONE;
            for (uint32_t i = 0; i < s->depth; i++) s->frames.v[i].div = PX_NONE;
        }
        break;
    case E_TEICORPUS:
        if (s->depth == 0 && HAS(at, A_ID) && !s->c->name)
            s->c->name = attr_str(s, &at, A_ID);
        break;
    case E_TEIHEADER:
        if (!s->header_depth) s->header_depth = s->depth + 1;
        break;
    case E_TEXT:
        if (!s->text_depth) s->text_depth = s->depth + 1;
        break;
    case E_BODY:
        if (s->doc != PX_NONE && !s->body_depth) {
            s->body_depth = s->depth + 1;
            divrec r = {PX_NONE, 100, 0, 0, 0, 0, 0, 0, PX_NONE, pos};
            if (PX_VEC_PUSH(s->divs, r)) { oom(s); return; }
            s->body_div = (uint32_t)s->divs.n - 1;
            f.div = s->body_div;
        }
        break;
    case E_CASTLIST:
        if (!s->castlist_depth) s->castlist_depth = s->depth + 1;
        break;
    case E_STANDOFF:
        if (!s->standoff_depth) s->standoff_depth = s->depth + 1;
        break;
    case E_TITLESTMT:
        if (!s->titlestmt_depth) s->titlestmt_depth = s->depth + 1;
        break;
    case E_SETTING: if (!s->setting_depth) s->setting_depth = s->depth + 1; break;
    case E_RECORDING: if (!s->recording_depth) s->recording_depth = s->depth + 1; break;
    case E_CREATION: if (!s->creation_depth) s->creation_depth = s->depth + 1; break;
    case E_TITLE:
        if (s->header_depth && s->titlestmt_depth && !s->cap) {
            if ((s->doc != PX_NONE && !s->have_title) || (s->doc == PX_NONE && !s->c->title))
                start_capture(s, CAP_TITLE);
        }
        break;
    case E_DATE:
        if (s->doc != PX_NONE && s->header_depth && !s->cap) {
            int prio = s->setting_depth ? 0 : s->recording_depth ? 1 : s->creation_depth ? 2 : -1;
            if (prio >= 0 && !s->date_cand[prio]) {
                int k = HAS(at, A_WHEN) ? A_WHEN : HAS(at, A_NOTBEFORE) ? A_NOTBEFORE :
                        HAS(at, A_FROM) ? A_FROM : -1;
                if (k >= 0) s->date_cand[prio] = attr_str(s, &at, k);
                else { start_capture(s, CAP_DATE); s->cap_pending = prio; }
            }
        }
        break;
    case E_EVENT:
        if (s->standoff_depth && s->doc != PX_NONE && HAS(at, A_TYPE) && HAS(at, A_WHEN)) {
            char tb[32];
            const char *t = attr_cstr(at.v[A_TYPE], at.end[A_TYPE], tb, sizeof tb);
            int y = dracor_year(at.v[A_WHEN], at.end[A_WHEN]);
            if (!strcmp(t, "print")) s->dracor_print = y;
            else if (!strcmp(t, "premiere")) s->dracor_premiere = y;
            else if (!strcmp(t, "written")) s->dracor_written = y;
        }
        break;
    case E_NOTE:
        if (s->header_depth && s->doc != PX_NONE && !s->cap) tier_note(s, &at);
        break;
    case E_PERSON: case E_PERSONGRP:
        if (!s->castlist_depth && s->person == PX_NONE && s->utt == PX_NONE)
            start_person(s, e, &at, pos, nb_attrs, nb_defaulted, attributes);
        break;
    case E_PERSNAME:
        if (s->person != PX_NONE && !s->person_has_name && !s->cap) start_capture(s, CAP_PERSNAME);
        else if (s->cap == CAP_PERSNAME) s->cap_pending = 1;
        break;
    case E_NAME:
        if (s->person != PX_NONE && !s->person_has_name && !s->cap) start_capture(s, CAP_NAME);
        break;
    case E_SEX:
        if (s->person != PX_NONE) {
            if (HAS(at, A_VALUE)) {
                char b[64];
                px_participant *p = &s->c->participants.v[s->person];
                p->sex = normalise_sex(attr_cstr(at.v[A_VALUE], at.end[A_VALUE], b, sizeof b));
                add_kv(s, "sex", attr_str(s, &at, A_VALUE));
            } else if (!s->cap) start_capture(s, CAP_SEX);
        }
        break;
    case E_AGE:
        if (s->person != PX_NONE) {
            if (HAS(at, A_VALUE)) {
                char b[64];
                s->c->participants.v[s->person].age =
                    parse_age(attr_cstr(at.v[A_VALUE], at.end[A_VALUE], b, sizeof b));
                add_kv(s, "age", attr_str(s, &at, A_VALUE));
            } else if (!s->cap) start_capture(s, CAP_AGE);
        }
        break;
    case E_BIRTH:
        if (s->person != PX_NONE && HAS(at, A_WHEN)) add_kv(s, "birth", attr_str(s, &at, A_WHEN));
        break;
    case E_ALT:
        if (s->person != PX_NONE && HAS(at, A_TYPE) && !s->alt_code) s->alt_code = attr_str(s, &at, A_TYPE);
        break;
    case E_AFFILIATION:
        if (s->person != PX_NONE) {
            px_affiliation a;
            memset(&a, 0, sizeof a);
            if (HAS(at, A_REF)) {
                const xmlChar *v = at.v[A_REF], *end = at.end[A_REF];
                const xmlChar *h = end;
                while (h > v && h[-1] != '#') h--;
                a.ref = intern_attr(s, h, end);
            }
            a.role = attr_str(s, &at, A_ROLE);
            a.from = attr_str(s, &at, A_FROM);
            a.to = attr_str(s, &at, A_TO);
            a.ana = attr_str(s, &at, A_ANA);
            if (PX_VEC_PUSH(s->c->affiliations, a)) { oom(s); return; }
        }
        break;
    case E_ORG:
        if (s->org == PX_NONE && s->utt == PX_NONE) {
            px_org o;
            memset(&o, 0, sizeof o);
            o.id = attr_str(s, &at, A_ID);
            o.role = attr_str(s, &at, A_ROLE);
            o.pos = pos;
            if (PX_VEC_PUSH(s->c->orgs, o)) { oom(s); return; }
            s->org = (uint32_t)s->c->orgs.n - 1;
            s->org_depth = s->depth + 1;
        }
        break;
    case E_ORGNAME:
        if (s->org != PX_NONE && !s->cap) {
            char b[16];
            int abb = HAS(at, A_FULL) &&
                      !strcmp(attr_cstr(at.v[A_FULL], at.end[A_FULL], b, sizeof b), "abb");
            px_org *o = &s->c->orgs.v[s->org];
            if (abb && !o->abbr) start_capture(s, CAP_ORGABBR);
            else if (!abb && !o->name) start_capture(s, CAP_ORGNAME);
        }
        break;
    case E_TIMELINE:
        if (s->doc != PX_NONE) {
            char b[16];
            if (HAS(at, A_UNIT)) s->tl_unit = unit_factor(attr_cstr(at.v[A_UNIT], at.end[A_UNIT], b, sizeof b));
            if (HAS(at, A_ORIGIN) && !s->tl_origin) s->tl_origin = when_ref(s, at.v[A_ORIGIN], at.end[A_ORIGIN]);
        }
        break;
    case E_WHEN:
        if (s->doc != PX_NONE && HAS(at, A_ID)) {
            if (PX_VEC_RESERVE(s->whens, s->whens.n + 1)) { oom(s); return; }
            whenrec *w = &s->whens.v[s->whens.n];   /* built in place */
            memset(w, 0, sizeof *w);
            uint32_t id = wtext_add(s, (const char *)at.v[A_ID],
                                    (size_t)(at.end[A_ID] - at.v[A_ID]));
            w->id = id;
            w->interval = NAN;
            w->value = NAN;
            w->unit = s->tl_unit;
            w->pos = pos;
            char b[80];
            if (HAS(at, A_UNIT)) w->unit = unit_factor(attr_cstr(at.v[A_UNIT], at.end[A_UNIT], b, sizeof b));
            if (HAS(at, A_ABSOLUTE)) {
                const char *v = attr_cstr(at.v[A_ABSOLUTE], at.end[A_ABSOLUTE], b, sizeof b);
                char *end;
                double x = strtod(v, &end);
                while (*end == ' ') end++;
                if (end != v && (*end == '\0' || (*end == 's' && end[1] == '\0'))) { w->abs_kind = 1; w->abs = x; }
                else if (px_parse_clock(v, &x) == 0) { w->abs_kind = 2; w->abs = x; }
                else if (px_parse_datetime(v, &x) == 0) { w->abs_kind = 3; w->abs = x; }
                else problem(s, PX_WARNING, "bad-time", cur_pos(s),
                             "@absolute=\"%s\" is neither seconds, a clock time nor a date-time", v);
            }
            if (HAS(at, A_INTERVAL)) {
                double x;
                if (parse_decimal(at.v[A_INTERVAL], at.end[A_INTERVAL], &x) == 0) w->interval = x;
                else {
                    const char *v = attr_cstr(at.v[A_INTERVAL], at.end[A_INTERVAL], b, sizeof b);
                    char *end;
                    x = strtod(v, &end);
                    if (end != v) w->interval = x;
                }
            }
            if (HAS(at, A_SINCE)) w->since = when_ref(s, at.v[A_SINCE], at.end[A_SINCE]);
            s->whens.n++;
        }
        break;
    default:
        break;
    }

    if (is_div(e) && s->doc != PX_NONE && s->body_depth && s->utt == PX_NONE) {
        divrec r;
        memset(&r, 0, sizeof r);
        r.parent = parent.div;
        r.level = e == E_DIV ? 0 : (uint8_t)(e - E_DIV1 + 1);
        r.type = attr_str(s, &at, A_TYPE);
        r.xmlid = attr_str(s, &at, A_ID);
        r.segment = PX_NONE;
        r.pos = pos;
        if (e == E_DIV2 && parent.div != PX_NONE) s->divs.v[parent.div].has_div2 = 1;
        if (PX_VEC_PUSH(s->divs, r)) { oom(s); return; }
        f.div = (uint32_t)s->divs.n - 1;
        if (r.type && !strcmp(px_str_get(s->c, r.type), "debateSection") && !s->debate_depth)
            s->debate_depth = s->depth + 1;
    }

    if (is_unit(e) && s->utt == PX_NONE && s->body_depth && !s->castlist_depth) {
        start_unit(s, e, &at, pos, f.lang, nb_attrs, nb_defaulted, attributes);
    } else if (s->utt != PX_NONE) {
        /* inside an utterance */
        if (e == E_U && s->block && !s->inner_u_depth) {
            s->inner_u_depth = s->depth + 1;
            if (HAS(at, A_LANG)) s->c->utterances.v[s->utt].lang = f.lang;
            push_raw_attrs(s, nb_attrs, nb_defaulted, attributes);
        }
        if (e == E_SPANGRP || e == E_SPAN) start_span(s, e, &at);
        if (e == E_SEG && HAS(at, A_LANG) && !s->seg_lang_taken) {
            /* the unit's own xml:lang wins over its text part's */
            if (!s->utt_own_lang) s->c->utterances.v[s->utt].lang = f.lang;
            s->seg_lang_taken = 1;
        }
        /* an event inside a word (<w>Ar<anchor/>beit</w>) does not split it */
        if (is_boundary(e) && !(s->in_w && e != E_W)) { s->pending_space = 1; f.boundary = 1; }
        if (e == E_W && !s->suppress_depth) {
            s->in_w = 1;
            s->w_start = (uint32_t)s->c->text.n +
                         ((s->pending_space && s->c->text.n > s->text_start) ? 1 : 0);
        }
        if (e == E_ADDRESSEE && HAS(at, A_WHO)) {
            /* posting/addressingTerm/addressee: addressees of a posting */
            px_utterance *u = &s->c->utterances.v[s->utt];
            if (u->adr_count == 0) u->adr_first = (uint32_t)s->c->refs.n;
            if (u->adr_first + u->adr_count == s->c->refs.n)
                u->adr_count += push_refs(s, at.v[A_WHO], at.end[A_WHO]);
        }
        if (is_suppressed(e) && !s->suppress_depth) s->suppress_depth = s->depth + 1;
    }

    if (e >= E_PAUSE && e <= E_ANCHOR && s->body_depth) {
        start_event(s, e, &at, pos);
    }
    if (e == E_DESC && s->event != PX_NONE && !s->cap) start_capture(s, CAP_DESC);
    if (s->cap == CAP_PERSNAME && s->depth >= s->cap_depth) s->cap_pending = 1;

    if (s->stop) return;
    if (PX_VEC_RESERVE(s->frames, (size_t)s->depth + 1)) { oom(s); return; }
    s->frames.v[s->depth] = f;
    s->depth++;
}

static void finish_capture(imp *s)
{
    px_corpus *c = s->c;
    size_t n = s->capbuf.n;
    px_str v = intern(s, s->capbuf.v ? s->capbuf.v : "", n);
    switch (s->cap) {
    case CAP_TITLE:
        if (s->doc != PX_NONE) { c->documents.v[s->doc].title = v; s->have_title = 1; }
        else if (!c->title) c->title = v;
        break;
    case CAP_DATE: {
        int prio = s->cap_pending;
        (void)prio;
        char iso[40];
        char raw[64];
        snprintf(raw, sizeof raw, "%.*s", (int)(n < 63 ? n : 63), s->capbuf.v ? s->capbuf.v : "");
        int p = s->setting_depth ? 0 : s->recording_depth ? 1 : 2;
        if (n && px_parse_loose_date(raw, iso, sizeof iso) == 0) {
            if (!s->date_cand[p]) s->date_cand[p] = intern(s, iso, strlen(iso));
        } else if (n) {
            problem(s, PX_WARNING, "bad-date", cur_pos(s),
                    "the date \"%s\" is in no form Praxis reads (ISO 8601, "
                    "\"14 October 1993\", \"14-OCT-1993\"); give it a @when", raw);
        }
        break;
    }
    case CAP_PERSNAME: case CAP_NAME:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].name = v;
            s->person_has_name = 1;
        }
        break;
    case CAP_SEX:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].sex = normalise_sex(px_str_get(c, v));
            add_kv(s, "sex", v);
        }
        break;
    case CAP_AGE:
        if (s->person != PX_NONE && n) {
            c->participants.v[s->person].age = parse_age(px_str_get(c, v));
            add_kv(s, "age", v);
        }
        break;
    case CAP_ORGNAME: if (s->org != PX_NONE) c->orgs.v[s->org].name = v; break;
    case CAP_ORGABBR: if (s->org != PX_NONE) c->orgs.v[s->org].abbr = v; break;
    case CAP_DESC: if (s->event != PX_NONE) c->events.v[s->event].desc = v; break;
    case CAP_TIERCODE:
        if (s->ntiers < MAX_TIERS) s->tier_code[s->ntiers] = v;
        break;
    case CAP_TIERPARENT:
        if (s->ntiers < MAX_TIERS && n && strcmp(px_str_get(c, v), "-")) s->tier_parent[s->ntiers] = v;
        break;
    default: break;
    }
    s->cap = CAP_NONE;
    s->cap_pending = 0;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    (void)localname; (void)prefix; (void)uri;
    imp *s = ctx;
    if (s->stop || !s->depth) return;
    if (s->skip_extra) { s->skip_extra--; return; }
    s->run_text = 0;
    frame f = s->frames.v[s->depth - 1];
    enum elem e = (enum elem)f.e;
    uint32_t d = s->depth;   /* depth of this element, 1-based */
    if (e == E_XINCLUDE) {
        if (s->skip_from == d) s->skip_from = 0;
        if (f.inc == INC_FAILED)   /* no fallback: the include's failure is an error */
            problem(s, PX_ERROR, "include-missing", f.pos, "%s", px_str_get(s->c, f.incmsg));
        s->depth--;
        return;
    }
    if (e == E_XFALLBACK) { s->depth--; return; }
    if (s->spans.n && s->spans.v[s->spans.n - 1].depth == d) end_span(s);

    if (s->cap && d == s->cap_depth + 1) finish_capture(s);
    else if (s->cap == CAP_PERSNAME) s->cap_pending = 1;   /* forename | surname */

    if (s->utt != PX_NONE) {
        if (f.boundary) s->pending_space = 1;
        if (e == E_W && s->in_w && !s->suppress_depth) {
            uint32_t end = (uint32_t)s->c->text.n;
            if (end > s->w_start) {
                uint64_t span = ((uint64_t)s->w_start << 32) | (end - s->w_start);
                if (PX_VEC_PUSH(s->wspans, span)) oom(s);
            }
            s->in_w = 0;
        }
        if (s->suppress_depth == d) s->suppress_depth = 0;
        if (s->inner_u_depth == d) s->inner_u_depth = 0;
        if (d == s->utt_depth) end_unit(s);
    }
    if (e >= E_PAUSE && e <= E_ANCHOR) s->event = PX_NONE;
    if (s->person != PX_NONE && d == s->person_depth + 1) end_person(s);
    if (s->org != PX_NONE && d == s->org_depth) s->org = PX_NONE;

    if (s->header_depth == d) s->header_depth = 0;
    if (s->text_depth == d) s->text_depth = 0;
    if (s->body_depth == d) s->body_depth = 0;
    if (s->castlist_depth == d) s->castlist_depth = 0;
    if (e == E_NOTE && s->tiers_depth && d == s->tiers_depth + 1 && s->ntiers < MAX_TIERS &&
        s->tier_code[s->ntiers])
        s->ntiers++;   /* a tier read whole */
    if (s->tiers_depth == d) s->tiers_depth = 0;
    if (s->standoff_depth == d) s->standoff_depth = 0;
    if (s->titlestmt_depth == d) s->titlestmt_depth = 0;
    if (s->setting_depth == d) s->setting_depth = 0;
    if (s->recording_depth == d) s->recording_depth = 0;
    if (s->creation_depth == d) s->creation_depth = 0;
    if (s->debate_depth == d) s->debate_depth = 0;
    if (e == E_TEI && s->doc != PX_NONE) end_document(s);
    s->depth--;
}

/* ---- the safety callbacks: nothing is ever declared or loaded ---- */

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
                               const xmlChar *sid)
{
    /* A DOCTYPE that only names a DTD is accepted; the DTD is never read
     * (externalSubset is not set, and the entity loader refuses). */
    (void)ctx; (void)name; (void)eid; (void)sid;
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
                           const xmlChar *pid, const xmlChar *sid, xmlChar *content)
{
    (void)pid; (void)content;
    imp *s = ctx;
    const char *kind = (type == XML_INTERNAL_PARAMETER_ENTITY ||
                        type == XML_EXTERNAL_PARAMETER_ENTITY) ? "parameter entity" :
                       sid ? "external entity" : "entity";
    refuse(s, PX_EDATA, back_pos(s, '<', "!ENTITY"),
           "the DOCTYPE declares the %s '%s'; Praxis never expands entities (they "
           "can read files or explode in size). TEI P5 needs none: replace each "
           "reference with the character itself (e.g. a TEI P4 file with "
           "character entities: convert it to P5, or on a copy you trust run "
           "`xmllint --noent --dropdtd FILE > FILE.p5.xml`)", kind, (const char *)name);
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
    xmlEntityPtr e = xmlGetPredefinedEntity(name);
    if (e) return e;
    imp *s = ctx;
    refuse(s, PX_EDATA, back_pos(s, '&', (const char *)name),
           "the entity '&%s;' is not declared, and Praxis never expands entities; "
           "replace it with the character it stands for", (const char *)name);
    return NULL;
}

static xmlEntityPtr on_get_param_entity(void *ctx, const xmlChar *name)
{
    imp *s = ctx;
    refuse(s, PX_EDATA, back_pos(s, '%', (const char *)name),
           "the parameter entity '%%%s;' is refused: Praxis never reads DTDs", (const char *)name);
    return NULL;
}

static xmlParserInputPtr on_resolve_entity(void *ctx, const xmlChar *pid, const xmlChar *sid)
{
    (void)pid;
    imp *s = ctx;
    refuse(s, PX_EDATA, cur_pos(s),
           "the document asks to load '%s'; Praxis never loads external entities",
           sid ? (const char *)sid : "?");
    return NULL;
}

static void on_reference(void *ctx, const xmlChar *name)
{
    imp *s = ctx;
    refuse(s, PX_EDATA, back_pos(s, '&', (const char *)name),
           "the entity reference '&%s;' is refused", (const char *)name);
}

/* Did the parser stop converting the input to UTF-8 (a byte the declared
 * encoding cannot hold), leaving raw bytes behind? */
static int stopped_on_encoding(const imp *s)
{
    xmlParserCtxtPtr x = s->p.ctxt;
    return x && x->input && x->input->buf && x->input->buf->encoder && x->input->buf->raw &&
           xmlBufUse(x->input->buf->raw) > 0;
}

static void on_serror(void *ctx, xmlErrorPtr error)
{
    imp *s = ctx;
    if (!error || error->level < XML_ERR_ERROR || s->stop) return;
    /* libxml2's message on one line: its newlines become spaces */
    char msg[400];
    size_t n = 0;
    for (const char *m = error->message ? error->message : "parse error"; *m && n + 1 < sizeof msg; m++) {
        char ch = *m == '\n' ? ' ' : *m;
        if (ch == ' ' && (n == 0 || msg[n - 1] == ' ')) continue;
        msg[n++] = ch;
    }
    while (n && msg[n - 1] == ' ') n--;
    msg[n] = '\0';
    px_pos pos = {s->p.file, (uint32_t)(error->line > 0 ? error->line : 0),
                  (uint32_t)(error->int2 > 0 ? error->int2 : 0)};
    switch (error->code) {
    case XML_ERR_DOCUMENT_EMPTY:
        if (s->p.bytes_in == 0) {
            refuse(s, PX_EDATA, pos, "the file is empty");
            return;
        }
        refuse(s, PX_EDATA, pos,
               "not XML: the file does not start with '<' (an XML declaration or "
               "an element); Praxis reads TEI XML, not plain-text transcripts");
        return;
    case XML_ERR_DOCUMENT_END:
        /* the push parser says "Extra content" also when the file ends
         * inside an element or is empty */
        if (s->p.bytes_in == 0) {
            refuse(s, PX_EDATA, pos, "the file is empty");
            return;
        }
        if (s->depth > s->p.base_depth && stopped_on_encoding(s)) {
            /* libxml2 stops converting at a byte its encoder cannot take,
             * and then sees the end of the input: no error of its own */
            const xmlChar *enc = s->p.ctxt->encoding;
            refuse(s, PX_EDATA, pos,
                   "the bytes after this point are not %s, the encoding the file "
                   "declares; convert the file to UTF-8 (iconv -f ENCODING -t UTF-8) or "
                   "declare the encoding it is written in",
                   enc ? (const char *)enc : "in the encoding");
            return;
        }
        if (s->depth > s->p.base_depth) {
            /* the elements of this file (an included one sits below its
             * includer's) */
            frame *f = &s->frames.v[s->depth - 1];
            uint32_t open = s->depth - s->p.base_depth;
            refuse(s, PX_EDATA, pos,
                   "the file ends inside the document: %u element%s still open (the "
                   "innermost is <%s>, opened on line %u); is the file cut short?",
                   open, open == 1 ? " is" : "s are",
                   f->name ? (const char *)f->name : "?", f->line);
            return;
        }
        if (!s->p.root) {
            refuse(s, PX_EDATA, pos,
                   "the file holds no element (only an XML declaration, comments "
                   "or white space)");
            return;
        }
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        /* point at the end tag, not past it */
        refuse(s, PX_EDATA, elem_pos(s),
               "not well-formed XML: the end tag </%s> does not match the open "
               "element <%s> (opened on line %d) (libxml2 error %d); check it "
               "with `xmllint --noout FILE`",
               error->str2 ? error->str2 : "?", error->str1 ? error->str1 : "?",
               error->int1, error->code);
        return;
    default:
        break;
    }
    const char *hint = "; check it with `xmllint --noout FILE`";
    if (error->code == XML_ERR_INVALID_CHAR || error->code == XML_ERR_INVALID_ENCODING)
        hint = "; the file must be UTF-8 (or declare its encoding): convert it with `iconv`";
    refuse(s, PX_EDATA, pos, "not well-formed XML: %s (libxml2 error %d)%s", msg,
           error->code, hint);
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

static void take_snapshot(px_corpus *c, snapshot *sn)
{
    sn->files = c->files.n;
    sn->documents = c->documents.n;
    sn->participants = c->participants.n;
    sn->orgs = c->orgs.n;
    sn->affiliations = c->affiliations.n;
    sn->utterances = c->utterances.n;
    sn->segments = c->segments.n;
    sn->events = c->events.n;
    sn->annotations = c->annotations.n;
    sn->kvs = c->kvs.n;
    sn->refs = c->refs.n;
    sn->tokens = c->tokens.n;
    sn->token_count = c->token_count;
    sn->text = c->text.n;
    sn->problems = c->problems.n;
    sn->refusals = c->refusals.n;
    sn->strings = c->strings.count;
    sn->terms = c->terms.count;
    sn->uid_text = c->uid_text.n;
    sn->name = c->name;
    sn->title = c->title;
}

/* Undoes everything since the snapshot but the file record that was
 * pushed right after it (it is marked refused); files that it included
 * and their refusals go too. */
static void rollback(px_corpus *c, const snapshot *sn)
{
    for (size_t i = sn->participants; i < c->participants.n; i++) {
        px_participant *p = &c->participants.v[i];
        uint64_t key = (uint64_t)p->id | ((uint64_t)(p->document == PX_NONE ? 0xFFFFFFFFu : p->document) << 32);
        if (px_map_get(&c->participant_by_id, key) == i) px_map_del(&c->participant_by_id, key);
    }
    for (size_t i = sn->orgs; i < c->orgs.n; i++) {
        uint64_t key = c->orgs.v[i].id;
        if (px_map_get(&c->org_by_id, key) == i) px_map_del(&c->org_by_id, key);
    }
    if (c->files.n > sn->files + 1) c->files.n = sn->files + 1;
    c->refusals.n = sn->refusals;
    c->documents.n = sn->documents;
    c->participants.n = sn->participants;
    c->orgs.n = sn->orgs;
    c->affiliations.n = sn->affiliations;
    c->utterances.n = sn->utterances;
    c->segments.n = sn->segments;
    c->events.n = sn->events;
    c->annotations.n = sn->annotations;
    c->kvs.n = sn->kvs;
    c->refs.n = sn->refs;
    /* the refused file's tokens leave the term counts */
    if (c->tokens.n > sn->tokens)
        for (const uint8_t *p = c->tokens.v + sn->tokens, *end = c->tokens.v + c->tokens.n; p < end;) {
            uint32_t t = px_token_next(&p);
            if (t < c->term_counts.n) c->term_counts.v[t]--;
        }
    c->tokens.n = sn->tokens;
    c->token_count = sn->token_count;
    c->text.n = sn->text;
    c->problems.n = sn->problems;
    if (c->terms.count > sn->terms && c->import_cache) {
        /* the refused file's words may name terms about to be forgotten */
        wordmap *m = ((import_cache *)c->import_cache)->words;
        memset(m->e, 0, ((size_t)m->mask + 1) * sizeof(wc_entry));
        m->count = 0;
    }
    px_strtab_truncate(&c->terms, sn->terms);
    if (c->term_counts.n > sn->terms) c->term_counts.n = sn->terms;
    c->uid_text.n = sn->uid_text;
    c->name = sn->name;
    c->title = sn->title;
    /* the file's path must survive: the snapshot's string count is taken
     * after the path was interned */
    px_strtab_truncate(&c->strings, sn->strings);
}

static void init_handler(xmlSAXHandler *h)
{
    memset(h, 0, sizeof *h);
    h->initialized = XML_SAX2_MAGIC;
    h->startElementNs = on_start;
    h->endElementNs = on_end;
    h->characters = on_chars;
    h->ignorableWhitespace = on_chars;
    h->cdataBlock = on_chars;
    h->serror = on_serror;
    h->internalSubset = on_internal_subset;
    h->entityDecl = on_entity_decl;
    h->getEntity = on_get_entity;
    h->getParameterEntity = on_get_param_entity;
    h->resolveEntity = on_resolve_entity;
    h->reference = on_reference;
}

/* One warning per element name that is no TEI P5 element, at its first
 * occurrence, with how often it occurs (merged across files at finish). */
static void emit_unknowns(imp *s)
{
    for (size_t i = 0; i < s->p.unknown.n && !s->stop; i++) {
        unkrec *r = &s->p.unknown.v[i];
        const char *name = (const char *)r->name;
        problem(s, PX_WARNING, "unknown-element", r->first,
                "<%s> is not a TEI P5 element; its content is read as if the tags were "
                "not there", name);
        if (s->stop) return;
        px_problem *pr = &s->c->problems.v[s->c->problems.n - 1];
        pr->subject = intern(s, name, strlen(name));
        pr->count = r->count;
    }
}

/* Parses one file with the parser state s->p prepared (path, file,
 * base_depth, maps). Leaves s->stop set when the file was refused. */
static void parse_source(imp *s, const px_tei_source *src)
{
    px_corpus *c = s->c;
    xmlSAXHandler h;
    init_handler(&h);
    char first[4];
    long n0 = src->read(src->ud, first, sizeof first);
    if (n0 < 0) {
        px_pos nowhere = {s->p.file, 0, 0};
        refuse(s, PX_EIO, nowhere, "cannot read the file: %s", strerror(errno));
        return;
    }
    s->p.bytes_in = (uint64_t)n0;
    c->bytes_done += (uint64_t)n0;
    s->p.ctxt = xmlCreatePushParserCtxt(&h, s, first, (int)n0, s->p.path);
    if (!s->p.ctxt) {
        px_pos nowhere = {s->p.file, 0, 0};
        refuse(s, PX_ENOMEM, nowhere, "cannot create an XML parser (out of memory)");
        return;
    }
    xmlCtxtUseOptions(s->p.ctxt, XML_PARSE_NONET);
    for (int k = 0; k < A_COUNT; k++)
        s->p.an[k] = xmlDictLookup(s->p.ctxt->dict, (const xmlChar *)attr_names[k], -1);
    enum { CHUNK = 256 * 1024 };
    char *chunk = malloc(CHUNK);
    if (!chunk) oom(s);
    while (!s->stop) {
        long n = src->read(src->ud, chunk, CHUNK);
        if (n < 0) {
            refuse(s, PX_EIO, cur_pos(s), "cannot read the file: %s", strerror(errno));
            break;
        }
        if (px_runtime_interrupted()) {
            refuse(s, PX_EINTR, cur_pos(s), "interrupted");
            break;
        }
        c->bytes_done += (uint64_t)n;
        s->p.bytes_in += (uint64_t)n;
        if (c->opt.progress && n)
            c->opt.progress(c->opt.progress_ud, c->bytes_done, c->bytes_total,
                            (uint32_t)c->files.n - 1, 0);
        int r = xmlParseChunk(s->p.ctxt, chunk, (int)n, n == 0);
        if (r == XML_ERR_INVALID_ENCODING && !s->stop)
            refuse(s, PX_EDATA, cur_pos(s), "the bytes do not match the file's declared "
                   "encoding (libxml2 error %d); the file must be UTF-8 (or declare its "
                   "encoding): convert it with `iconv`", r);
        else if (r != 0 && !s->stop)
            refuse(s, PX_EDATA, cur_pos(s), "not well-formed XML (libxml2 error %d)", r);
        if (n == 0) break;
    }
    free(chunk);
    if (!s->stop && (!s->p.ctxt->wellFormed || s->p.ctxt->errNo != 0))
        refuse(s, PX_EDATA, cur_pos(s), "not well-formed XML (libxml2 error %d)", s->p.ctxt->errNo);
    if (!s->stop && !s->p.root)
        refuse(s, PX_EDATA, cur_pos(s), "the file holds no XML element");
    /* before the parser goes: the names live in its dictionary */
    if (!s->stop) emit_unknowns(s);
    xmlFreeDoc(s->p.ctxt->myDoc);
    xmlFreeParserCtxt(s->p.ctxt);
    s->p.ctxt = NULL;
}

static int pstate_init(pstate *p)
{
    memset(p, 0, sizeof *p);
    return px_map_init(&p->names_seen) || px_map_init(&p->unknown_seen) ? -1 : 0;
}

static void pstate_free(pstate *p)
{
    px_map_destroy(&p->names_seen);
    px_map_destroy(&p->unknown_seen);
    PX_VEC_FREE(p->unknown);
}

/* Pushes the record of a file about to be read; -1 when out of memory. */
static int push_file(px_corpus *c, const px_tei_source *src, const char *path, px_pos incl)
{
    px_str pid = px_strtab_intern(&c->strings, path, strlen(path));
    px_file f;
    memset(&f, 0, sizeof f);
    f.path = pid;
    f.dev = src->dev;
    f.ino = src->ino;
    f.bytes = src->size;
    f.incl = incl;
    if (pid == PX_STR_ERR || PX_VEC_PUSH(c->files, f)) return -1;
    return 0;
}

/* Records the refusal of file `file` with the error in s->err; inside an
 * included file the error's file is the chain "root.xml:40:3 > path". */
static int record_refusal(imp *s, uint32_t file)
{
    px_corpus *c = s->c;
    px_file *fr = &c->files.v[file];
    fr->refused = 1;
    px_refusal r;
    r.path = fr->path;
    r.error = s->err;
    if (fr->incl.file) {
        px_pos at = fr->incl;
        at.file--;
        char chain[512];
        px_pos_format(c, at, chain, sizeof chain);
        snprintf(r.error.file, sizeof r.error.file, "%.*s > %s", 300, chain,
                 px_str_get(c, fr->path));
    }
    return PX_VEC_PUSH(c->refusals, r);
}

/* Document ids and counts of the files read since `first`: with several
 * documents in a file, FILE#N. */
static px_status finish_files(px_corpus *c, size_t first, size_t first_doc)
{
    for (size_t fi = first; fi < c->files.n; fi++) {
        px_file *fr = &c->files.v[fi];
        if (fr->refused) continue;
        uint32_t n = 0;
        for (size_t i = first_doc; i < c->documents.n; i++) n += c->documents.v[i].file == fi;
        fr->documents = n;
        if (!n) fr->component = 1;
        if (n < 2) continue;
        const char *path = px_str_get(c, fr->path);
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        size_t bl = strlen(base);
        if (bl > 4 && !strcmp(base + bl - 4, ".xml")) bl -= 4;
        uint32_t k = 0;
        for (size_t i = first_doc; i < c->documents.n; i++) {
            px_document *d = &c->documents.v[i];
            if (d->file != fi) continue;
            k++;
            const char *id = px_str_get(c, d->id);
            if (strlen(id) == bl && !strncmp(id, base, bl)) {
                char nb[600];
                snprintf(nb, sizeof nb, "%.*s#%u", (int)bl, base, k);
                px_str nid = px_strtab_intern(&c->strings, nb, strlen(nb));
                if (nid == PX_STR_ERR) return PX_ENOMEM;
                c->documents.v[i].id = nid;
            }
            path = px_str_get(c, c->files.v[fi].path);
            base = strrchr(path, '/');
            base = base ? base + 1 : path;
        }
    }
    return PX_OK;
}

static void run_include(imp *s, const px_tei_source *src, const char *path, px_pos at)
{
    px_corpus *c = s->c;
    /* the importer as it stands, to put back if the included file is refused */
    imp *saved = malloc(sizeof *saved);
    char *mypath = strdup(path);
    snapshot sn;
    take_snapshot(c, &sn);
    px_pos incl = at;
    incl.file = at.file + 1;
    if (!saved || !mypath || push_file(c, src, path, incl)) {
        free(saved);
        free(mypath);
        oom(s);
        return;
    }
    sn.strings = c->strings.count;   /* the path stays */
    if (s->fs && !s->fs->counted) c->bytes_total += src->size;   /* progress */
    *saved = *s;
    pstate outer = s->p;
    if (pstate_init(&s->p) || PX_VEC_PUSH(s->incstack, src->dev) ||
        PX_VEC_PUSH(s->incstack, src->ino)) {
        pstate_free(&s->p);
        s->p = outer;
        free(saved);
        free(mypath);
        oom(s);
        return;
    }
    s->p.path = mypath;
    s->p.file = (uint32_t)c->files.n - 1;
    s->p.base_depth = s->depth;
    uint32_t file = s->p.file;
    parse_source(s, src);
    s->incstack.n -= 2;
    pstate_free(&s->p);
    s->p = outer;
    if (s->stop) {
        if (s->err.code == PX_EINTR || s->err.code == PX_ENOMEM) {
            /* the whole load stops: the includer is refused with it */
            if (s->p.ctxt) xmlStopParser(s->p.ctxt);
        } else {
            rollback(c, &sn);
            int bad = record_refusal(s, file);
            /* put the importer back as it was at the include, keeping the
             * memory its vectors hold now */
#define KEEP(f) do { saved->f.v = s->f.v; saved->f.cap = s->f.cap; } while (0)
            KEEP(frames); KEEP(divs); KEEP(wtext); KEEP(widx); KEEP(whens); KEEP(pend);
            KEEP(wspans); KEEP(deferred); KEEP(tbuf); KEEP(spans); KEEP(spanbuf); KEEP(capbuf);
            KEEP(docidx);
            KEEP(raw_term); KEEP(incstack);
#undef KEEP
            saved->widx.n = 0;
            saved->wlast = 0;
            saved->p = s->p;
            saved->tok = s->tok;
            saved->raw = s->raw;
            saved->words = s->words;   /* it may have grown (moved) meanwhile */
            *s = *saved;
            /* raw word forms may name terms that were rolled back */
            px_strtab_clear(&s->raw);
            s->raw_term.n = 1;
            s->stop = 0;
            px_error_clear(&s->err);
            if (bad) oom(s);
        }
    }
    free(saved);
    free(mypath);
}

px_status px_tei_import(px_corpus *c, const px_tei_source *src, const char *path,
                        const px_tei_fs *fs, px_error *err)
{
    px_runtime_init();
    imp *s = calloc(1, sizeof *s);
    if (!s) return px_error_set(err, PX_ENOMEM, "out of memory");
    px_status st = PX_OK;
    s->c = c;
    s->fs = fs;
    s->doc = s->utt = s->person = s->org = s->event = PX_NONE;
    /* the word table outlives one file: a corpus's files share words */
    if (!c->import_cache) {
        import_cache *ic = calloc(1, sizeof *ic);
        if (ic && !(ic->words = wordmap_new(WORDMAP_BITS0))) { free(ic); ic = NULL; }
        c->import_cache = ic;
    }
    import_cache *ic = c->import_cache;
    if (!ic) {
        free(s);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    s->words = ic->words;
    int raw_ok;
    if (ic->have) {
        /* the arrays of the file before, empty, with their memory */
#define TAKE(f) s->f = ic->kept.f;
        SCRATCH(TAKE)
#undef TAKE
        s->tok = ic->kept.tok;
        s->raw = ic->kept.raw;
        px_strtab_clear(&s->raw);   /* long raw forms are per file */
        ic->have = 0;
        raw_ok = 0;
    } else {
        px_tokenizer_init(&s->tok);
        raw_ok = px_strtab_init(&s->raw);
    }
    if (pstate_init(&s->p) || raw_ok || PX_VEC_PUSH(s->raw_term, PX_NONE) /* id 0 is "" */ ||
        PX_VEC_PUSH(s->incstack, src->dev) || PX_VEC_PUSH(s->incstack, src->ino)) {
        st = px_error_set(err, PX_ENOMEM, "out of memory");
        goto done;
    }
    take_snapshot(c, &s->snap);
    {
        px_pos none = {0, 0, 0};
        if (push_file(c, src, path, none)) {
            st = px_error_set(err, PX_ENOMEM, "out of memory");
            goto done;
        }
        s->p.file = (uint32_t)c->files.n - 1;
        s->p.path = path;
        s->snap.strings = c->strings.count;   /* the path stays */
    }
    parse_source(s, src);
    if (s->stop) {
        rollback(c, &s->snap);
        if (record_refusal(s, s->p.file)) { st = px_error_set(err, PX_ENOMEM, "out of memory"); goto done; }
        if (s->err.code == PX_EINTR || s->err.code == PX_ENOMEM) {
            *err = s->err;
            st = s->err.code;
        }
        goto done;
    }
    st = finish_files(c, s->snap.files, s->snap.documents);
    if (st != PX_OK) px_error_set(err, st, "out of memory");
done:
    pstate_free(&s->p);
    /* the scratch arrays go back to the corpus's cache, emptied */
#define GIVE(f) s->f.n = 0; ic->kept.f = s->f;
    SCRATCH(GIVE)
#undef GIVE
    ic->kept.tok = s->tok;
    ic->kept.raw = s->raw;
    ic->have = 1;
    free(s);
    return st;
}

/* ------------------------------------------------------------------ */
/* The pre-scan of "roots first"                                       */
/* ------------------------------------------------------------------ */

int px_tei_is_include_root(const px_tei_source *src)
{
    enum { HEAD = 65536 };
    char *buf = malloc(HEAD + 64);
    if (!buf) return 0;
    size_t n = 0;
    long r;
    while (n < HEAD && (r = src->read(src->ud, buf + n, HEAD - n)) > 0) n += (size_t)r;
    buf[n] = '\0';
    /* the root element: past a BOM, the XML declaration, processing
     * instructions, comments and a DOCTYPE */
    size_t i = 0;
    if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;
    int root = 0;
    while (i < n) {
        if (is_xml_space((unsigned char)buf[i])) { i++; continue; }
        if (buf[i] != '<') break;
        if (buf[i + 1] == '?') {
            char *e = strstr(buf + i, "?>");
            if (!e) break;
            i = (size_t)(e - buf) + 2;
        } else if (!strncmp(buf + i, "<!--", 4)) {
            char *e = strstr(buf + i + 4, "-->");
            if (!e) break;
            i = (size_t)(e - buf) + 3;
        } else if (buf[i + 1] == '!') {
            int bracket = 0;
            for (i += 2; i < n; i++) {
                if (buf[i] == '[') bracket++;
                else if (buf[i] == ']') bracket--;
                else if (buf[i] == '>' && bracket <= 0) { i++; break; }
            }
        } else {
            size_t j = i + 1;
            while (j < n && !is_xml_space((unsigned char)buf[j]) && buf[j] != '>' && buf[j] != '/') j++;
            const char *name = buf + i + 1;
            size_t len = j - i - 1;
            const char *colon = memchr(name, ':', len);
            if (colon) { len -= (size_t)(colon + 1 - name); name = colon + 1; }
            root = len == 9 && !memcmp(name, "teiCorpus", 9);
            break;
        }
    }
    int found = 0;
    if (root) {
        /* does it use XInclude's namespace, either of the two? (read on,
         * keeping an overlap; both names are as long) */
        static const char ns[] = XI_NS;
        const size_t keep = sizeof ns - 2;
        for (;;) {
            if (strstr(buf, ns) || strstr(buf, XI_NS_OLD)) { found = 1; break; }
            if (n < keep) break;
            memmove(buf, buf + n - keep, keep);
            n = keep;
            r = src->read(src->ud, buf + n, HEAD - n);
            if (r <= 0) break;
            n += (size_t)r;
            buf[n] = '\0';
            /* a NUL in the data would end strstr early: harmless here */
        }
    }
    free(buf);
    return found;
}
