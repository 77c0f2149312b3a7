/* tei_xml.c - the importer's dealings with the XML itself: the parser's
 * safety callbacks (nothing is ever declared, expanded or loaded; see
 * ../docs/DESIGN.md, "Reading hostile XML"), its errors turned into
 * refusals that name file, line and column, positions, and the strings
 * and attributes every handler reads.
 */
#include "tei_int.h"

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
px_pos tei_elem_pos(imp *s)
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

void tei_refuse(imp *s, px_status code, px_pos pos, const char *fmt, ...)
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

px_pos tei_cur_pos(imp *s)
{
    px_pos p = {s->p.file, 0, 0};
    if (s->p.ctxt && s->p.ctxt->input) {
        p.line = (uint32_t)(s->p.ctxt->input->line > 0 ? s->p.ctxt->input->line : 0);
        p.col = (uint32_t)(s->p.ctxt->input->col > 0 ? s->p.ctxt->input->col : 0);
    }
    return p;
}

void tei_oom(imp *s) { tei_refuse(s, PX_ENOMEM, tei_cur_pos(s), "out of memory"); }

px_str tei_intern(imp *s, const char *v, size_t n)
{
    px_str id = px_strtab_intern(&s->c->strings, v, n);
    if (id == PX_STR_ERR) { tei_oom(s); return 0; }
    return id;
}

/* Attribute values arrive with '&' kept as "&#38;" (the parser does not
 * replace entities): decode that one form. */
px_str tei_intern_attr(imp *s, const xmlChar *v, const xmlChar *end)
{
    size_t n = (size_t)(end - v);
    if (!memchr(v, '&', n)) {
        if (n > 16 || n == 0) return tei_intern(s, (const char *)v, n);
        /* attribute values repeat (speakers, types): a direct-mapped cache
         * of this parser's short values spares the string table */
        const char *w = (const char *)v;
        uint64_t h0 = word8(w, n < 8 ? n : 8), h1 = n > 8 ? word8(w + 8, n - 8) : 0;
        uint64_t key = (h0 ^ (h1 * 0xff51afd7ed558ccdULL) ^ n) * 0x9E3779B97F4A7C15ULL;
        size_t slot = key >> (64 - 9);
        if (s->p.vcache[slot].len == n && s->p.vcache[slot].h0 == h0 && s->p.vcache[slot].h1 == h1)
            return s->p.vcache[slot].id;
        px_str id = tei_intern(s, w, n);
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
    if (!buf) { tei_oom(s); return 0; }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (i + 5 <= n && memcmp(v + i, "&#38;", 5) == 0) { buf[o++] = '&'; i += 5; }
        else buf[o++] = (char)v[i++];
    }
    px_str id = tei_intern(s, buf, o);
    if (buf != small) free(buf);
    return id;
}

/* An utterance id: appended to the corpus's id text after its 4-byte hash
 * (px_uid_hash), and its offset returned (ids are many and unique: hashing
 * them all into one big table now would cost a cache miss each; the index
 * by id is built once, in px_corpus_finish). */
uint32_t tei_append_uid(imp *s, const char *v, size_t n)
{
    px_corpus *c = s->c;
    if (c->uid_text.n + n + 5 >= UINT32_MAX) { tei_oom(s); return 0; }
    if (PX_VEC_RESERVE(c->uid_text, c->uid_text.n + n + 5)) { tei_oom(s); return 0; }
    uint32_t h = px_hash_bytes(v, n);
    memcpy(c->uid_text.v + c->uid_text.n, &h, 4);
    uint32_t off = (uint32_t)c->uid_text.n + 4;
    memcpy(c->uid_text.v + off, v, n);
    c->uid_text.v[off + n] = '\0';
    c->uid_text.n = off + n + 1;
    return off;
}

uint32_t tei_intern_uid(imp *s, const xmlChar *v, const xmlChar *end)
{
    return tei_append_uid(s, (const char *)v, (size_t)(end - v));
}

/* Copies an attribute value into a NUL-terminated stack buffer. */
const char *tei_attr_cstr(const xmlChar *v, const xmlChar *end, char *buf, size_t n)
{
    size_t len = (size_t)(end - v);
    if (len >= n) len = n - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return buf;
}

void tei_problem(imp *s, px_severity sev, const char *code, px_pos pos,
                    const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (px_corpus_problem(s->c, sev, code, pos, "%s", msg) != PX_OK) tei_oom(s);
}

px_str tei_attr_str(imp *s, attrs *at, int k)
{
    if (!HAS(*at, k)) return 0;
    return tei_intern_attr(s, at->v[k], at->end[k]);
}

void tei_add_kv(imp *s, const char *key, px_str value)
{
    px_str k = tei_intern(s, key, strlen(key));
    px_kv kv = {k, value};
    if (PX_VEC_PUSH(s->c->kvs, kv)) tei_oom(s);
}

/* ---- the safety callbacks: nothing is ever declared or loaded ---- */

void tei_on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
                               const xmlChar *sid)
{
    /* A DOCTYPE that only names a DTD is accepted; the DTD is never read
     * (externalSubset is not set, and the entity loader refuses). */
    (void)ctx; (void)name; (void)eid; (void)sid;
}

void tei_on_entity_decl(void *ctx, const xmlChar *name, int type,
                           const xmlChar *pid, const xmlChar *sid, xmlChar *content)
{
    (void)pid; (void)content;
    imp *s = ctx;
    const char *kind = (type == XML_INTERNAL_PARAMETER_ENTITY ||
                        type == XML_EXTERNAL_PARAMETER_ENTITY) ? "parameter entity" :
                       sid ? "external entity" : "entity";
    tei_refuse(s, PX_EDATA, back_pos(s, '<', "!ENTITY"),
           "the DOCTYPE declares the %s '%s'; Praxis never expands entities (they "
           "can read files or explode in size). TEI P5 needs none: replace each "
           "reference with the character itself (e.g. a TEI P4 file with "
           "character entities: convert it to P5, or on a copy you trust run "
           "`xmllint --noent --dropdtd FILE > FILE.p5.xml`)", kind, (const char *)name);
}

xmlEntityPtr tei_on_get_entity(void *ctx, const xmlChar *name)
{
    xmlEntityPtr e = xmlGetPredefinedEntity(name);
    if (e) return e;
    imp *s = ctx;
    tei_refuse(s, PX_EDATA, back_pos(s, '&', (const char *)name),
           "the entity '&%s;' is not declared, and Praxis never expands entities; "
           "replace it with the character it stands for", (const char *)name);
    return NULL;
}

xmlEntityPtr tei_on_get_param_entity(void *ctx, const xmlChar *name)
{
    imp *s = ctx;
    tei_refuse(s, PX_EDATA, back_pos(s, '%', (const char *)name),
           "the parameter entity '%%%s;' is refused: Praxis never reads DTDs", (const char *)name);
    return NULL;
}

xmlParserInputPtr tei_on_resolve_entity(void *ctx, const xmlChar *pid, const xmlChar *sid)
{
    (void)pid;
    imp *s = ctx;
    tei_refuse(s, PX_EDATA, tei_cur_pos(s),
           "the document asks to load '%s'; Praxis never loads external entities",
           sid ? (const char *)sid : "?");
    return NULL;
}

void tei_on_reference(void *ctx, const xmlChar *name)
{
    imp *s = ctx;
    tei_refuse(s, PX_EDATA, back_pos(s, '&', (const char *)name),
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

void tei_on_serror(void *ctx, xmlErrorPtr error)
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
            tei_refuse(s, PX_EDATA, pos, "the file is empty");
            return;
        }
        tei_refuse(s, PX_EDATA, pos,
               "not XML: the file does not start with '<' (an XML declaration or "
               "an element); Praxis reads TEI XML, not plain-text transcripts");
        return;
    case XML_ERR_DOCUMENT_END:
        /* the push parser says "Extra content" also when the file ends
         * inside an element or is empty */
        if (s->p.bytes_in == 0) {
            tei_refuse(s, PX_EDATA, pos, "the file is empty");
            return;
        }
        if (s->depth > s->p.base_depth && stopped_on_encoding(s)) {
            /* libxml2 stops converting at a byte its encoder cannot take,
             * and then sees the end of the input: no error of its own */
            const xmlChar *enc = s->p.ctxt->encoding;
            tei_refuse(s, PX_EDATA, pos,
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
            tei_refuse(s, PX_EDATA, pos,
                   "the file ends inside the document: %u element%s still open (the "
                   "innermost is <%s>, opened on line %u); is the file cut short?",
                   open, open == 1 ? " is" : "s are",
                   f->name ? (const char *)f->name : "?", f->line);
            return;
        }
        if (!s->p.root) {
            tei_refuse(s, PX_EDATA, pos,
                   "the file holds no element (only an XML declaration, comments "
                   "or white space)");
            return;
        }
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        /* point at the end tag, not past it */
        tei_refuse(s, PX_EDATA, tei_elem_pos(s),
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
    tei_refuse(s, PX_EDATA, pos, "not well-formed XML: %s (libxml2 error %d)%s", msg,
           error->code, hint);
}

/* One warning per element name that is no TEI P5 element, at its first
 * occurrence, with how often it occurs (merged across files at finish). */
void tei_emit_unknowns(imp *s)
{
    for (size_t i = 0; i < s->p.unknown.n && !s->stop; i++) {
        unkrec *r = &s->p.unknown.v[i];
        const char *name = (const char *)r->name;
        tei_problem(s, PX_WARNING, "unknown-element", r->first,
                "<%s> is not a TEI P5 element; its content is read as if the tags were "
                "not there", name);
        if (s->stop) return;
        px_problem *pr = &s->c->problems.v[s->c->problems.n - 1];
        pr->subject = tei_intern(s, name, strlen(name));
        pr->count = r->count;
    }
}
