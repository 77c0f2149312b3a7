/* tei.c - streaming TEI import (libxml2 SAX2, push parser): the entry
 * point, the start and end of elements, and the driver of one file.
 *
 * One pass over the XML, straight into the corpus's flat arrays. The
 * parser is set up as ../docs/DESIGN.md ("Reading hostile XML") says: a
 * zeroed handler with only our callbacks, XML_PARSE_NONET and nothing else,
 * a DOCTYPE that never loads anything, every entity declaration or
 * reference to an undeclared entity refused, our own limits on depth, text
 * and names. Each file is one transaction: a refused file leaves nothing
 * behind in the corpus. The importer's files and what each reads are
 * listed in tei_int.h; an element's start goes to its handler through the
 * table on_open.
 */
#include "tei_int.h"

#include <stddef.h>

/* Attribute names we read (enum attr), looked up once per parser in its
 * dictionary so that matching is a pointer comparison. */
static const char *attr_names[A_COUNT] = {
    "id", "who", "start", "end", "synch", "when", "when-iso", "replyTo",
    "toWhom", "lang", "type", "role", "sex", "gender", "age", "value", "ref",
    "from", "to", "ana", "full", "absolute", "interval", "since", "unit",
    "origin", "dur", "feature", "new", "n", "notBefore", "indentLevel",
    "href", "parse", "xpointer", "base", "target",
};

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

/* Counts distinct element and attribute names (libxml2 slows down
 * superlinearly with very many; real TEI uses a few hundred). */
static int note_name(imp *s, const xmlChar *name)
{
    uint64_t key = (uint64_t)(uintptr_t)name;
    if (px_map_get(&s->p.names_seen, key) != PX_NONE) return 0;
    if (px_map_put(&s->p.names_seen, key, 1)) { tei_oom(s); return -1; }
    if (++s->p.names > s->c->opt.max_names) {
        tei_refuse(s, PX_ELIMIT, tei_elem_pos(s),
               "more than %u distinct element and attribute names in one file, the "
               "limit of Praxis (TEI has about 600); this is not a TEI transcript",
               s->c->opt.max_names);
        return -1;
    }
    return 0;
}

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
    enum elem e = tei_lookup_elem((const char *)name);
    /* is it a TEI P5 element? (posting, annotatedU are read, yet are not) */
    uint32_t unk = px_map_get(&s->p.unknown_seen, (uint64_t)(uintptr_t)name);
    if (unk == PX_NONE) {
        unk = 0;
        if (!px_tei_is_element((const char *)name) && s->p.unknown.n < 60000) {
            unkrec r = {name, 0, tei_elem_pos(s)};
            if (PX_VEC_PUSH(s->p.unknown, r)) { tei_oom(s); return e; }
            unk = (uint32_t)s->p.unknown.n;
        }
        if (px_map_put(&s->p.unknown_seen, (uint64_t)(uintptr_t)name, unk)) { tei_oom(s); return e; }
    }
    s->p.cache[h].p = name;
    s->p.cache[h].e = (uint8_t)e;
    s->p.cache[h].unk = (uint16_t)unk;
    if (unk) s->p.unknown.v[unk - 1].count++;
    return e;
}

/* The elements whose extent matters to what is inside them: the importer
 * keeps the depth (1-based) of the outermost one open, 0 outside. By
 * element, the offset + 1 of that field in imp (0: none). */
#define MARKER(e, field) [e] = offsetof(imp, field) + 1
static const uint32_t marker[E_COUNT] = {
    MARKER(E_TEIHEADER, header_depth), MARKER(E_TEXT, text_depth),
    MARKER(E_CASTLIST, castlist_depth), MARKER(E_STANDOFF, standoff_depth),
    MARKER(E_TITLESTMT, titlestmt_depth), MARKER(E_SETTING, setting_depth),
    MARKER(E_RECORDING, recording_depth), MARKER(E_CREATION, creation_depth),
};
#undef MARKER

/* <teiHeader>, <text>, <castList>, <standOff>, <titleStmt>, <setting>,
 * <recording>, <creation>. */
static void open_marker(imp *s, opening *o)
{
    uint32_t *depth = (uint32_t *)((char *)s + marker[o->e] - 1);
    if (!*depth) *depth = s->depth + 1;
}

/* The end of an element at depth d: the extents it closes. */
static void close_markers(imp *s, uint32_t d)
{
    if (s->header_depth == d) s->header_depth = 0;
    if (s->text_depth == d) s->text_depth = 0;
    if (s->body_depth == d) s->body_depth = 0;
    if (s->castlist_depth == d) s->castlist_depth = 0;
    if (s->standoff_depth == d) s->standoff_depth = 0;
    if (s->titlestmt_depth == d) s->titlestmt_depth = 0;
    if (s->setting_depth == d) s->setting_depth = 0;
    if (s->recording_depth == d) s->recording_depth = 0;
    if (s->creation_depth == d) s->creation_depth = 0;
    if (s->debate_depth == d) s->debate_depth = 0;
}

/* The handlers of element starts, by element (tei_int.h, "Element
 * handlers"); what every element gets is in on_start. */
static const open_fn on_open[E_COUNT] = {
    [E_TEI] = tei_open_tei, [E_TEICORPUS] = tei_open_teicorpus,
    [E_TEIHEADER] = open_marker, [E_TEXT] = open_marker,
    [E_CASTLIST] = open_marker, [E_STANDOFF] = open_marker,
    [E_TITLESTMT] = open_marker, [E_SETTING] = open_marker,
    [E_RECORDING] = open_marker, [E_CREATION] = open_marker,
    [E_BODY] = tei_open_body, [E_TITLE] = tei_open_title, [E_DATE] = tei_open_date,
    [E_EVENT] = tei_open_play_event,
    [E_DIV] = tei_open_div, [E_DIV1] = tei_open_div, [E_DIV2] = tei_open_div,
    [E_DIV3] = tei_open_div, [E_DIV4] = tei_open_div, [E_DIV5] = tei_open_div,
    [E_DIV6] = tei_open_div, [E_DIV7] = tei_open_div,
    [E_NOTE] = tei_open_note,
    [E_PERSON] = tei_open_person, [E_PERSONGRP] = tei_open_person,
    [E_PERSNAME] = tei_open_persname, [E_NAME] = tei_open_name, [E_SEX] = tei_open_sex,
    [E_AGE] = tei_open_age, [E_BIRTH] = tei_open_birth, [E_ALT] = tei_open_alt,
    [E_AFFILIATION] = tei_open_affiliation, [E_ORG] = tei_open_org,
    [E_ORGNAME] = tei_open_orgname,
    [E_TIMELINE] = tei_open_timeline, [E_WHEN] = tei_open_when,
    [E_U] = tei_open_unit, [E_SP] = tei_open_unit, [E_POST] = tei_open_unit,
    [E_POSTING] = tei_open_unit, [E_ABLOCK] = tei_open_unit,
    [E_PAUSE] = tei_open_event, [E_VOCAL] = tei_open_event, [E_KINESIC] = tei_open_event,
    [E_INCIDENT] = tei_open_event, [E_SHIFT] = tei_open_event, [E_ANCHOR] = tei_open_event,
    [E_DESC] = tei_open_desc,
};

/* The root element of a file: TEI, teiCorpus, or a listPerson/listOrg
 * component; that of an included file lands where its include stood.
 * -1 when the file is refused. */
static int check_root(imp *s, enum elem e, const xmlChar *localname, const xmlChar *uri,
                      px_pos pos)
{
    if (s->depth == s->p.base_depth && s->p.base_depth > 0) {
        /* the root of an included file: whatever TEI element it is lands
         * where the include stood */
        s->p.root = e == E_OTHER ? -1 : (int)e;
        if (uri && uri != s->p.tei_uri) {
            tei_refuse(s, PX_EDATA, pos,
                       "not TEI: the included file's root element <%s> is in namespace %s",
                       (const char *)localname, (const char *)uri);
            return -1;
        }
        if (e != E_TEI) s->c->files.v[s->p.file].component = 1;
    } else if (s->depth == 0) {
        s->p.root = e == E_OTHER ? -1 : (int)e;
        if (e != E_TEI && e != E_TEICORPUS && e != E_LISTPERSON && e != E_LISTORG) {
            tei_refuse(s, PX_EDATA, pos,
                       "not a TEI document: the root element is <%s>%s%s%s; Praxis reads "
                       "TEI (root TEI or teiCorpus, or a listPerson/listOrg component)",
                       (const char *)localname, uri ? " in namespace " : "",
                       uri ? (const char *)uri : "", "");
            return -1;
        }
        if (e != E_TEI) s->c->files.v[s->p.file].component = 1;
    }
    return 0;
}

/* xi:include and xi:fallback: never a root, never TEI. */
static void open_xinclude(imp *s, const xmlChar *localname, attrs *at, frame *f)
{
    if (s->depth == s->p.base_depth) {
        tei_refuse(s, PX_EDATA, tei_elem_pos(s), "not a TEI document: the root element is an "
                   "XInclude element <%s>", (const char *)localname);
        return;
    }
    tei_xinclude_start(s, localname, at, f);
    if (s->stop) return;
    if (PX_VEC_RESERVE(s->frames, (size_t)s->depth + 1)) { tei_oom(s); return; }
    s->frames.v[s->depth] = *f;
    s->depth++;
    if (f->e == E_XINCLUDE && f->inc == INC_DONE) s->skip_from = s->depth;
}

/* Whether the handlers of e need where it starts (finding it costs a
 * scan back through the parser's buffer). */
static int needs_pos(const imp *s, enum elem e)
{
    return e == E_TEI || e == E_TEICORPUS || is_unit(e) || is_div(e) || e == E_BODY ||
           e == E_PERSON || e == E_PERSONGRP || e == E_ORG || (e >= E_PAUSE && e <= E_ANCHOR) ||
           s->depth == s->p.base_depth;
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
        tei_refuse(s, PX_ELIMIT, tei_elem_pos(s),
                   "elements are nested deeper than %u levels, the limit of Praxis; "
                   "real transcripts nest a few dozen levels", s->c->opt.max_depth);
        return;
    }
    enum elem e = classify(s, localname, uri);
    attrs at;
    if (read_attrs(s, nb_attrs, nb_defaulted, attributes, &at)) return;
    px_pos pos = {0, 0, 0};
    if (needs_pos(s, e)) pos = tei_elem_pos(s);

    frame parent = s->depth ? s->frames.v[s->depth - 1] : (frame){.div = PX_NONE};
    frame f = {.e = (uint8_t)e, .div = parent.div, .lang = parent.lang,
               .base = parent.base, .base_bad = parent.base_bad,
               .line = (uint32_t)(s->p.ctxt->input ? s->p.ctxt->input->line : 0),
               .name = localname};
    if (s->depth == s->p.base_depth) { f.base = 0; f.base_bad = 0; }   /* a new file */
    if (HAS(at, A_LANG)) f.lang = tei_attr_str(s, &at, A_LANG);
    if (HAS(at, A_BASE)) tei_apply_base(s, &f, at.v[A_BASE], at.end[A_BASE]);
    if (uri && is_xi_ns(s, uri)) {
        open_xinclude(s, localname, &at, &f);
        return;
    }
    if (check_root(s, e, localname, uri, pos)) return;

    opening o = {e, &at, pos, &f, &parent, nb_attrs, nb_defaulted, attributes};
    if (s->utt != PX_NONE) tei_inside_unit(s, &o);
    open_fn handler = on_open[e];
    if (handler && !s->stop) handler(s, &o);
    if (s->cap == CAP_PERSNAME && s->depth >= s->cap_depth) s->cap_pending = 1;

    if (s->stop) return;
    if (PX_VEC_RESERVE(s->frames, (size_t)s->depth + 1)) { tei_oom(s); return; }
    s->frames.v[s->depth] = f;
    s->depth++;
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
    if (e == E_XINCLUDE || e == E_XFALLBACK) {
        tei_xinclude_end(s, &f, d);
        s->depth--;
        return;
    }
    if (s->spans.n && s->spans.v[s->spans.n - 1].depth == d) tei_end_span(s);

    if (s->cap && d == s->cap_depth + 1) tei_finish_capture(s);
    else if (s->cap == CAP_PERSNAME) s->cap_pending = 1;   /* forename | surname */

    if (s->utt != PX_NONE || (e >= E_PAUSE && e <= E_ANCHOR)) tei_units_close(s, &f, d);
    if (s->person != PX_NONE || s->org != PX_NONE) tei_close_people(s, d);
    if (s->tiers_depth) tei_close_tiers(s, e, d);
    close_markers(s, d);
    if (e == E_TEI && s->doc != PX_NONE) tei_end_document(s);
    s->depth--;
}

static void init_handler(xmlSAXHandler *h)
{
    memset(h, 0, sizeof *h);
    h->initialized = XML_SAX2_MAGIC;
    h->startElementNs = on_start;
    h->endElementNs = on_end;
    h->characters = tei_on_chars;
    h->ignorableWhitespace = tei_on_chars;
    h->cdataBlock = tei_on_chars;
    h->serror = tei_on_serror;
    h->internalSubset = tei_on_internal_subset;
    h->entityDecl = tei_on_entity_decl;
    h->getEntity = tei_on_get_entity;
    h->getParameterEntity = tei_on_get_param_entity;
    h->resolveEntity = tei_on_resolve_entity;
    h->reference = tei_on_reference;
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
        tei_refuse(s, PX_EIO, nowhere, "cannot read the file: %s", strerror(errno));
        return;
    }
    s->p.bytes_in = (uint64_t)n0;
    c->bytes_done += (uint64_t)n0;
    s->p.ctxt = xmlCreatePushParserCtxt(&h, s, first, (int)n0, s->p.path);
    if (!s->p.ctxt) {
        px_pos nowhere = {s->p.file, 0, 0};
        tei_refuse(s, PX_ENOMEM, nowhere, "cannot create an XML parser (out of memory)");
        return;
    }
    xmlCtxtUseOptions(s->p.ctxt, XML_PARSE_NONET);
    for (int k = 0; k < A_COUNT; k++)
        s->p.an[k] = xmlDictLookup(s->p.ctxt->dict, (const xmlChar *)attr_names[k], -1);
    enum { CHUNK = 256 * 1024 };
    char *chunk = malloc(CHUNK);
    if (!chunk) tei_oom(s);
    while (!s->stop) {
        long n = src->read(src->ud, chunk, CHUNK);
        if (n < 0) {
            tei_refuse(s, PX_EIO, tei_cur_pos(s), "cannot read the file: %s", strerror(errno));
            break;
        }
        if (px_runtime_interrupted()) {
            tei_refuse(s, PX_EINTR, tei_cur_pos(s), "interrupted");
            break;
        }
        c->bytes_done += (uint64_t)n;
        s->p.bytes_in += (uint64_t)n;
        if (c->opt.progress && n)
            c->opt.progress(c->opt.progress_ud, c->bytes_done, c->bytes_total,
                            (uint32_t)c->files.n - 1, 0);
        int r = xmlParseChunk(s->p.ctxt, chunk, (int)n, n == 0);
        if (r == XML_ERR_INVALID_ENCODING && !s->stop)
            tei_refuse(s, PX_EDATA, tei_cur_pos(s), "the bytes do not match the file's declared "
                   "encoding (libxml2 error %d); the file must be UTF-8 (or declare its "
                   "encoding): convert it with `iconv`", r);
        else if (r != 0 && !s->stop)
            tei_refuse(s, PX_EDATA, tei_cur_pos(s), "not well-formed XML (libxml2 error %d)", r);
        if (n == 0) break;
    }
    free(chunk);
    if (!s->stop && (!s->p.ctxt->wellFormed || s->p.ctxt->errNo != 0))
        tei_refuse(s, PX_EDATA, tei_cur_pos(s), "not well-formed XML (libxml2 error %d)", s->p.ctxt->errNo);
    if (!s->stop && !s->p.root)
        tei_refuse(s, PX_EDATA, tei_cur_pos(s), "the file holds no XML element");
    /* before the parser goes: the names live in its dictionary */
    if (!s->stop) tei_emit_unknowns(s);
    xmlFreeDoc(s->p.ctxt->myDoc);
    xmlFreeParserCtxt(s->p.ctxt);
    s->p.ctxt = NULL;
}

/* Puts the importer back as it was at an include (saved) once the included
 * file was refused, keeping the memory its vectors hold now. */
static void restore_importer(imp *s, imp *saved)
{
#define KEEP(f) saved->f.v = s->f.v; saved->f.cap = s->f.cap;
    SCRATCH(KEEP)
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
}

void px_tei_read_include(px_tei_include *inc, const px_tei_source *src, const char *path)
{
    imp *s = inc->reader;
    px_corpus *c = s->c;
    /* the importer as it stands, to put back if the included file is refused */
    imp *saved = malloc(sizeof *saved);
    char *mypath = strdup(path);
    snapshot sn;
    tei_take_snapshot(c, &sn);
    px_pos incl = inc->at;
    incl.file = inc->at.file + 1;
    if (!saved || !mypath || tei_push_file(c, src, path, incl)) {
        free(saved);
        free(mypath);
        tei_oom(s);
        return;
    }
    sn.strings = c->strings.count;   /* the path stays */
    *saved = *s;
    pstate outer = s->p;
    if (tei_pstate_init(&s->p)) {
        tei_pstate_free(&s->p);
        s->p = outer;
        free(saved);
        free(mypath);
        tei_oom(s);
        return;
    }
    s->p.path = mypath;
    s->p.file = (uint32_t)c->files.n - 1;
    s->p.base_depth = s->depth;
    uint32_t file = s->p.file;
    parse_source(s, src);
    tei_pstate_free(&s->p);
    s->p = outer;
    if (s->stop) {
        if (s->err.code == PX_EINTR || s->err.code == PX_ENOMEM) {
            /* the whole load stops: the includer is refused with it */
            if (s->p.ctxt) xmlStopParser(s->p.ctxt);
        } else {
            tei_rollback(c, &sn);
            int bad = tei_record_refusal(s, file);
            restore_importer(s, saved);
            if (bad) tei_oom(s);
        }
    }
    free(saved);
    free(mypath);
}

px_status px_tei_import(px_corpus *c, const px_tei_source *src, const char *path,
                        const px_tei_loader *ld, px_error *err)
{
    px_runtime_init();
    imp *s = calloc(1, sizeof *s);
    if (!s) return px_error_set(err, PX_ENOMEM, "out of memory");
    px_status st = PX_OK;
    s->c = c;
    s->ld = ld;
    s->doc = s->utt = s->person = s->org = s->event = PX_NONE;
    /* the word table outlives one file: a corpus's files share words */
    if (!c->import_cache) {
        import_cache *ic = calloc(1, sizeof *ic);
        if (ic && !(ic->words = tei_wordmap_new(WORDMAP_BITS0))) { free(ic); ic = NULL; }
        c->import_cache = ic;
        c->import_cache_free = px_tei_cache_free;
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
    if (tei_pstate_init(&s->p) || raw_ok || PX_VEC_PUSH(s->raw_term, PX_NONE) /* id 0 is "" */) {
        st = px_error_set(err, PX_ENOMEM, "out of memory");
        goto done;
    }
    tei_take_snapshot(c, &s->snap);
    {
        px_pos none = {0, 0, 0};
        if (tei_push_file(c, src, path, none)) {
            st = px_error_set(err, PX_ENOMEM, "out of memory");
            goto done;
        }
        s->p.file = (uint32_t)c->files.n - 1;
        s->p.path = path;
        s->snap.strings = c->strings.count;   /* the path stays */
    }
    parse_source(s, src);
    if (s->stop) {
        tei_rollback(c, &s->snap);
        if (tei_record_refusal(s, s->p.file)) { st = px_error_set(err, PX_ENOMEM, "out of memory"); goto done; }
        if (s->err.code == PX_EINTR || s->err.code == PX_ENOMEM) {
            *err = s->err;
            st = s->err.code;
        }
        goto done;
    }
    st = tei_finish_files(c, s->snap.files, s->snap.documents);
    if (st != PX_OK) px_error_set(err, st, "out of memory");
done:
    tei_pstate_free(&s->p);
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
