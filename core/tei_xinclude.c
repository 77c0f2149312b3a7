/* tei_xinclude.c - xi:include and xi:fallback (see ../docs/DESIGN.md,
 * "XInclude (ParlaMint roots)").
 *
 * What an include names is read here: @href %XX-decoded, xml:base applied,
 * URIs, absolute paths, fragments, @xpointer and parse="text" refused. The
 * include is then reported to the loader, which opens the file (confined
 * to the corpus folder, each file once, loops and nesting refused) and has
 * it read where the include stands. A file that is missing or cannot be
 * read takes the xi:fallback when there is one. */
#include "tei_int.h"

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

void tei_apply_base(imp *s, frame *f, const xmlChar *v, const xmlChar *end)
{
    char raw[1024], joined[2048];
    if (uri_decode(v, end, raw, sizeof raw) || bad_reference(raw)) { f->base_bad = 1; return; }
    const char *from = f->base ? px_str_get(s->c, f->base) : "";
    if (px_path_join(from, raw, joined, sizeof joined)) { f->base_bad = 1; return; }
    /* a base names a file or a folder: its folder is what counts */
    char *slash = strrchr(joined, '/');
    size_t n = slash ? (size_t)(slash - joined) + 1 : 0;
    f->base = n ? tei_intern(s, joined, n) : 0;
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
    tei_problem(s, PX_ERROR, code, pos, "%s", msg);
}

void tei_xinclude_start(imp *s, const xmlChar *localname, attrs *at, frame *f)
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
    f->pos = tei_elem_pos(s);
    f->inc = INC_DONE;   /* unless it fails in a way a fallback answers */
    char href[1024], b[64];
    if (HAS(*at, A_XPOINTER)) {
        include_error(s, "include-refused", f->pos, "xi:include with @xpointer is not "
                      "supported; include the whole file");
        return;
    }
    if (HAS(*at, A_PARSE) &&
        strcmp(tei_attr_cstr(at->v[A_PARSE], at->end[A_PARSE], b, sizeof b), "xml") != 0) {
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
    if (!s->ld) {
        include_error(s, "include-refused", f->pos, "xi:include href=\"%s\": this source "
                      "cannot include files", rel);
        return;
    }
    /* the loader opens it and, unless it is not to be read, has it read
     * here (px_tei_read_include) */
    px_tei_include inc = {s->p.path, rel, f->pos, s, NULL};
    px_error e;
    px_error_clear(&e);
    px_status st = s->ld->include(s->ld->ud, &inc, &e);
    if (st == PX_ENOMEM) { tei_oom(s); return; }
    if (st == PX_ENOTFOUND || st == PX_EIO) {
        char msg[900];
        snprintf(msg, sizeof msg, "xi:include href=\"%.300s\": %.500s", rel, e.msg);
        f->inc = INC_FAILED;
        f->incmsg = tei_intern(s, msg, strlen(msg));
        return;
    }
    if (st != PX_OK)
        include_error(s, inc.code ? inc.code : "include-refused", f->pos,
                      "xi:include href=\"%s\" %s", rel, e.msg);
}

/* The end of an xi:include or xi:fallback element. */
void tei_xinclude_end(imp *s, const frame *f, uint32_t d)
{
    if (f->e != E_XINCLUDE) return;
    if (s->skip_from == d) s->skip_from = 0;
    if (f->inc == INC_FAILED)   /* no fallback: the include's failure is an error */
        tei_problem(s, PX_ERROR, "include-missing", f->pos, "%s", px_str_get(s->c, f->incmsg));
}
