/* sax_baseline: the bare libxml2 SAX2 parse, the speed ceiling of the
 * Praxis importer.
 *
 * Usage: sax_baseline FILE|DIR...
 *
 * Parses every FILE and every *.xml under each DIR (walked recursively,
 * paths sorted) with the same parser set-up as the Praxis importer: a
 * zeroed xmlSAXHandler marked XML_SAX2_MAGIC, empty element and text
 * callbacks, a structured error callback that keeps the first error,
 * refusing DTD/entity callbacks, a push parser with XML_PARSE_NONET fed in
 * 256 KiB read() chunks.  Nothing is built: the time measured is libxml2's
 * tokenising, UTF-8 checking, namespace and attribute handling, and I/O.
 *
 * Prints "bytes N files M" on stdout.  Exit 0 when every file parsed, 1 on
 * the first parse or I/O error (reported on stderr), 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#define CHUNK_SIZE (256u * 1024u)

typedef struct {
    xmlParserCtxtPtr ctxt;
    const char *path;
    int failed;      /* an error has been recorded */
    char msg[512];   /* the first error */
} State;

static void fail(State *st, const char *fmt, const char *arg)
{
    if (st->failed)
        return;
    st->failed = 1;
    snprintf(st->msg, sizeof st->msg, fmt, arg ? arg : "");
    if (st->ctxt)
        xmlStopParser(st->ctxt);
}

/* ---- content callbacks: deliberately empty ---- */

static void on_start(void *ctx, const xmlChar *localname,
                     const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes)
{
    (void)ctx; (void)localname; (void)prefix; (void)uri;
    (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
}

static void on_end(void *ctx, const xmlChar *localname,
                   const xmlChar *prefix, const xmlChar *uri)
{
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    (void)ctx; (void)ch; (void)len;
}

/* ---- errors ---- */

static void on_serror(void *ctx, xmlErrorPtr err)
{
    State *st = ctx;
    if (!err || err->level < XML_ERR_ERROR || st->failed)
        return;
    char buf[400];
    const char *m = err->message ? err->message : "parse error";
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == '\r'))
        n--;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, m, n);
    buf[n] = '\0';
    st->failed = 1;
    snprintf(st->msg, sizeof st->msg, "line %d: %s", err->line, buf);
}

/* ---- safety: no DTDs, no entities beyond the predefined five ---- */

static void on_internal_subset(void *ctx, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id)
{
    (void)external_id; (void)system_id;
    fail(ctx, "DOCTYPE refused (%s)", (const char *)name);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
                           const xmlChar *public_id, const xmlChar *system_id,
                           xmlChar *content)
{
    (void)type; (void)public_id; (void)system_id; (void)content;
    fail(ctx, "entity declaration refused (%s)", (const char *)name);
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
    (void)ctx; (void)name;
    return NULL;   /* predefined entities are resolved before this */
}

static xmlEntityPtr on_get_parameter_entity(void *ctx, const xmlChar *name)
{
    (void)ctx; (void)name;
    return NULL;
}

static xmlParserInputPtr on_resolve_entity(void *ctx,
                                           const xmlChar *public_id,
                                           const xmlChar *system_id)
{
    (void)public_id;
    fail(ctx, "external entity refused (%s)", (const char *)system_id);
    return NULL;
}

static void on_reference(void *ctx, const xmlChar *name)
{
    fail(ctx, "entity reference refused (&%s;)", (const char *)name);
}

static xmlSAXHandler make_handler(void)
{
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_chars;
    h.ignorableWhitespace = on_chars;
    h.cdataBlock = on_chars;
    h.serror = on_serror;
    h.internalSubset = on_internal_subset;
    h.entityDecl = on_entity_decl;
    h.getEntity = on_get_entity;
    h.getParameterEntity = on_get_parameter_entity;
    h.resolveEntity = on_resolve_entity;
    h.reference = on_reference;
    return h;
}

/* Parse one file; returns bytes read, or -1 after printing the error. */
static long long parse_file(const char *path, unsigned char *buf)
{
    xmlSAXHandler h = make_handler();
    State st;
    memset(&st, 0, sizeof st);
    st.path = path;

    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "sax_baseline: %s: %s\n", path, strerror(errno));
        return -1;
    }
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&h, &st, NULL, 0, path);
    if (!ctxt) {
        fprintf(stderr, "sax_baseline: %s: cannot create parser\n", path);
        close(fd);
        return -1;
    }
    st.ctxt = ctxt;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);

    long long total = 0;
    int rc = 0;
    for (;;) {
        ssize_t n = read(fd, buf, CHUNK_SIZE);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(&st, "read: %s", strerror(errno));
            break;
        }
        if (n == 0)
            break;
        total += n;
        rc = xmlParseChunk(ctxt, (const char *)buf, (int)n, 0);
        if (rc != 0 || st.failed)
            break;
    }
    if (rc == 0 && !st.failed)
        rc = xmlParseChunk(ctxt, NULL, 0, 1);
    if (!st.failed && (rc != 0 || !ctxt->wellFormed))
        fail(&st, "not well-formed%s", "");
    close(fd);
    xmlFreeParserCtxt(ctxt);
    if (st.failed) {
        fprintf(stderr, "sax_baseline: %s: %s\n", path, st.msg);
        return -1;
    }
    return total;
}

/* ---- argument expansion: files as given, directories walked ---- */

typedef struct {
    char **v;
    size_t n, cap;
} PathList;

static void push_path(PathList *l, const char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) {
            perror("sax_baseline");
            exit(2);
        }
    }
    l->v[l->n] = strdup(p);
    if (!l->v[l->n]) {
        perror("sax_baseline");
        exit(2);
    }
    l->n++;
}

static int has_xml_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static int walk(const char *dir, PathList *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "sax_baseline: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;   /* ".", "..", hidden files */
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(len);
        if (!p) {
            perror("sax_baseline");
            exit(2);
        }
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(p, &sb) != 0) {
            fprintf(stderr, "sax_baseline: %s: %s\n", p, strerror(errno));
            rc = -1;
        } else if (S_ISDIR(sb.st_mode)) {
            if (walk(p, out) != 0)
                rc = -1;
        } else if (S_ISREG(sb.st_mode) && has_xml_suffix(e->d_name)) {
            push_path(out, p);
        }
        free(p);
    }
    closedir(d);
    return rc;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: sax_baseline FILE|DIR...\n");
        return 2;
    }
    PathList files = {0};
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "sax_baseline: %s: %s\n", argv[i],
                    strerror(errno));
            return 1;
        }
        if (S_ISDIR(sb.st_mode)) {
            PathList sub = {0};
            if (walk(argv[i], &sub) != 0)
                return 1;
            qsort(sub.v, sub.n, sizeof *sub.v, cmp_path);
            for (size_t k = 0; k < sub.n; k++) {
                push_path(&files, sub.v[k]);
                free(sub.v[k]);
            }
            free(sub.v);
        } else {
            push_path(&files, argv[i]);
        }
    }
    if (files.n == 0) {
        fprintf(stderr, "sax_baseline: no .xml files found\n");
        return 1;
    }

    xmlInitParser();
    unsigned char *buf = malloc(CHUNK_SIZE);
    if (!buf) {
        perror("sax_baseline");
        return 2;
    }
    long long bytes = 0;
    int status = 0;
    size_t done = 0;
    for (size_t i = 0; i < files.n; i++) {
        long long n = parse_file(files.v[i], buf);
        if (n < 0) {
            status = 1;
            break;
        }
        bytes += n;
        done++;
    }
    free(buf);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    xmlCleanupParser();
    if (status == 0)
        printf("bytes %lld files %zu\n", bytes, done);
    return status;
}
