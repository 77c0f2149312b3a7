/* corpus.c - the corpus: loading files and folders, resolving speakers,
 * building the indexes that make selections cheap. */
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
    px_tei_cache_free(c->import_cache);
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
/* Reading files                                                       */
/* ------------------------------------------------------------------ */

typedef struct fd_src { int fd; } fd_src;

int px_path_join(const char *from, const char *rel, char *out, size_t n)
{
    /* the folder of from, then rel, one component at a time */
    const char *slash = strrchr(from, '/');
    size_t fl = slash ? (size_t)(slash - from) : 0;
    size_t o = 0;
    int absolute = from[0] == '/' && slash;
    if (n < 2) return -1;
    if (absolute) out[o++] = '/';
    size_t floor = o;   /* ".." never climbs above this */
    for (int part = 0; part < 2; part++) {
        const char *p = part ? rel : from + (absolute ? 1 : 0);
        const char *end = part ? rel + strlen(rel) : from + fl;
        while (p < end) {
            const char *q = p;
            while (q < end && *q != '/') q++;
            size_t len = (size_t)(q - p);
            if (len == 0 || (len == 1 && p[0] == '.')) {
                /* nothing */
            } else if (len == 2 && p[0] == '.' && p[1] == '.') {
                /* drop the last component, unless there is none (or it is "..") */
                size_t k = o;
                while (k > floor && out[k - 1] == '/') k--;
                size_t start = k;
                while (start > floor && out[start - 1] != '/') start--;
                if (k > start && !(k - start == 2 && out[start] == '.' && out[start + 1] == '.')) {
                    o = start;
                } else if (!absolute) {
                    if (o + 3 >= n) return -1;
                    memcpy(out + o, "../", 3);
                    o += 3;
                    floor = o;
                }
            } else {
                if (o + len + 1 >= n) return -1;
                memcpy(out + o, p, len);
                o += len;
                out[o++] = '/';
            }
            p = q < end ? q + 1 : q;
        }
    }
    /* the last component is a file, not a folder */
    if (o > (absolute ? 1u : 0u) && out[o - 1] == '/' && rel[0] && rel[strlen(rel) - 1] != '/') o--;
    out[o] = '\0';
    return 0;
}

static long fd_read(void *ud, char *buf, size_t cap)
{
    fd_src *f = ud;
    for (;;) {
        ssize_t n = read(f->fd, buf, cap);
        if (n < 0 && errno == EINTR) {
            if (px_runtime_interrupted()) return -1;
            continue;
        }
        return (long)n;
    }
}

typedef struct mem_src { const char *p; size_t left; } mem_src;

static long mem_read(void *ud, char *buf, size_t cap)
{
    mem_src *m = ud;
    size_t n = m->left < cap ? m->left : cap;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (long)n;
}

static px_status refuse_file(px_corpus *c, const char *path, px_status code,
                             const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static px_status refuse_file(px_corpus *c, const char *path, px_status code,
                             const char *fmt, ...)
{
    px_refusal r;
    memset(&r, 0, sizeof r);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r.error.msg, sizeof r.error.msg, fmt, ap);
    va_end(ap);
    r.error.code = code;
    snprintf(r.error.file, sizeof r.error.file, "%s", path);
    r.path = px_strtab_intern(&c->strings, path, strlen(path));
    px_file f;
    memset(&f, 0, sizeof f);
    f.path = r.path;
    f.refused = 1;
    if (r.path == PX_STR_ERR || PX_VEC_PUSH(c->refusals, r) || PX_VEC_PUSH(c->files, f))
        return PX_ENOMEM;
    return PX_OK;
}

/* Opens a regular file for reading without hanging on a FIFO. Returns the
 * descriptor, or -1 with *why set. */
static int open_regular(const char *path, struct stat *st, const char **why)
{
    /* O_NONBLOCK: a FIFO must not hang the open; reads are made blocking
     * again below only for regular files */
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) { *why = strerror(errno); return -1; }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        *why = S_ISDIR(st->st_mode) ? "is a folder, not a file" :
               "is not a regular file (a FIFO, socket or device); Praxis reads regular files only";
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

/* The disk: includes resolve against the including file and must stay
 * inside the corpus folder (realpath). */
typedef struct disk_fs { char root[PATH_MAX]; } disk_fs;

static px_status disk_open(void *ud, const char *from, const char *href, px_tei_source *src,
                           char *path, size_t n, px_error *err)
{
    disk_fs *d = ud;
    if (px_path_join(from, href, path, n))
        return px_error_set(err, PX_EDATA, "the path is too long");
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        int e = errno;
        return px_error_set(err, e == ENOENT || e == ENOTDIR ? PX_ENOTFOUND : PX_EIO,
                            "%s: %s", path, strerror(e));
    }
    size_t rl = strlen(d->root);
    if (!(rl == 1 && d->root[0] == '/') &&
        (strncmp(real, d->root, rl) != 0 || (real[rl] != '/' && real[rl] != '\0')))
        return px_error_set(err, PX_EDATA, "%s lies outside the corpus folder %s", path, d->root);
    struct stat st;
    const char *why = NULL;
    int fd = open_regular(path, &st, &why);
    if (fd < 0) return px_error_set(err, PX_EIO, "%s: %s", path, why);
    fd_src *f = malloc(sizeof *f);
    if (!f) { close(fd); return px_error_set(err, PX_ENOMEM, "out of memory"); }
    f->fd = fd;
    src->ud = f;
    src->read = fd_read;
    src->dev = (uint64_t)st.st_dev;
    src->ino = (uint64_t)st.st_ino;
    src->size = (uint64_t)st.st_size;
    return PX_OK;
}

static void disk_close(void *ud, px_tei_source *src)
{
    (void)ud;
    fd_src *f = src->ud;
    if (!f) return;
    close(f->fd);
    free(f);
    src->ud = NULL;
}

static int already_read(const px_corpus *c, uint64_t dev, uint64_t ino)
{
    for (size_t i = 0; i < c->files.n; i++)
        if (c->files.v[i].ino && c->files.v[i].dev == dev && c->files.v[i].ino == ino) return 1;
    return 0;
}

/* Reads one file; its includes stay inside root (a real path), or inside
 * the file's own folder when root is NULL. */
static px_status import_file(px_corpus *c, const char *path, const char *root, px_error *err)
{
    struct stat st;
    const char *why = NULL;
    int fd = open_regular(path, &st, &why);
    if (fd < 0) {
        if (!why) why = "cannot open the file";
        return refuse_file(c, path, PX_EIO, "%s%s", strcmp(why, "is a folder, not a file") &&
                           strncmp(why, "is not", 6) ? "cannot open the file: " : "", why);
    }
    /* a file already read (same device and inode) is read once */
    if (already_read(c, (uint64_t)st.st_dev, (uint64_t)st.st_ino)) {
        close(fd);
        return PX_OK;
    }
    disk_fs *dfs = malloc(sizeof *dfs);
    if (!dfs) { close(fd); return px_error_set(err, PX_ENOMEM, "out of memory"); }
    char real[PATH_MAX];
    if (root) snprintf(dfs->root, sizeof dfs->root, "%s", root);
    else if (realpath(path, real)) {
        char *slash = strrchr(real, '/');
        if (slash == real) slash[1] = '\0';
        else if (slash) *slash = '\0';
        snprintf(dfs->root, sizeof dfs->root, "%s", real);
    } else {
        snprintf(dfs->root, sizeof dfs->root, "%s", ".");
    }
    px_tei_fs fs = {dfs, disk_open, disk_close, root != NULL};
    fd_src fsrc = {fd};
    px_tei_source src = {&fsrc, fd_read, (uint64_t)st.st_dev, (uint64_t)st.st_ino,
                         (uint64_t)st.st_size};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, &src, path, &fs, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = (uint64_t)st.st_size;
    close(fd);
    free(dfs);
    return s;
}

/* Whether a file on disk is a teiCorpus root that uses xi:include. */
static int is_include_root_path(const char *path)
{
    struct stat st;
    const char *why;
    int fd = open_regular(path, &st, &why);
    if (fd < 0) return 0;
    fd_src fsrc = {fd};
    px_tei_source src = {&fsrc, fd_read, 0, 0, 0};
    int r = px_tei_is_include_root(&src);
    close(fd);
    return r;
}

px_status px_corpus_add_memory(px_corpus *c, const char *name, const char *data,
                               size_t len, px_error *err)
{
    if (c->finished) return px_error_set(err, PX_EINVAL, "the corpus is already finished");
    mem_src m = {data, len};
    px_tei_source src = {&m, mem_read, 0, 0, len};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, &src, name, NULL, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = len;
    return s;
}

/* ---- an in-memory file table ---- */

struct px_tei_memfs {
    struct { char *name; const char *data; size_t len; } *v;
    size_t n, cap;
    char folder[1024];      /* includes stay below it ("" for the top) */
};

px_tei_memfs *px_tei_memfs_new(void)
{
    return calloc(1, sizeof(px_tei_memfs));
}

px_status px_tei_memfs_add(px_tei_memfs *fs, const char *name, const char *data, size_t len)
{
    if (!fs || !name) return PX_EINVAL;
    if (fs->n == fs->cap) {
        size_t nc = fs->cap ? fs->cap * 2 : 8;
        void *nv = realloc(fs->v, nc * sizeof *fs->v);
        if (!nv) return PX_ENOMEM;
        fs->v = nv;
        fs->cap = nc;
    }
    char *copy = strdup(name);
    if (!copy) return PX_ENOMEM;
    fs->v[fs->n].name = copy;
    fs->v[fs->n].data = data ? data : "";
    fs->v[fs->n].len = data ? len : 0;
    fs->n++;
    return PX_OK;
}

void px_tei_memfs_free(px_tei_memfs *fs)
{
    if (!fs) return;
    for (size_t i = 0; i < fs->n; i++) free(fs->v[i].name);
    free(fs->v);
    free(fs);
}

static size_t memfs_find(const px_tei_memfs *fs, const char *name)
{
    for (size_t i = 0; i < fs->n; i++) if (!strcmp(fs->v[i].name, name)) return i;
    return (size_t)-1;
}

static void memfs_source(const px_tei_memfs *fs, size_t i, mem_src *m, px_tei_source *src)
{
    m->p = fs->v[i].data;
    m->left = fs->v[i].len;
    src->ud = m;
    src->read = mem_read;
    /* identity: the table entry's bytes */
    src->dev = UINT64_MAX;
    src->ino = (uint64_t)(uintptr_t)fs->v[i].data ^ ((uint64_t)i << 48);
    src->size = fs->v[i].len;
}

static px_status memfs_open(void *ud, const char *from, const char *href, px_tei_source *src,
                            char *path, size_t n, px_error *err)
{
    px_tei_memfs *fs = ud;
    if (px_path_join(from, href, path, n))
        return px_error_set(err, PX_EDATA, "the path is too long");
    size_t fl = strlen(fs->folder);
    if (!strncmp(path, "../", 3) || strncmp(path, fs->folder, fl) != 0)
        return px_error_set(err, PX_EDATA, "%s lies outside the corpus folder%s%s", path,
                            fl ? " " : "", fs->folder);
    size_t i = memfs_find(fs, path);
    if (i == (size_t)-1) return px_error_set(err, PX_ENOTFOUND, "%s: no such file", path);
    mem_src *m = malloc(sizeof *m);
    if (!m) return px_error_set(err, PX_ENOMEM, "out of memory");
    memfs_source(fs, i, m, src);
    return PX_OK;
}

static void memfs_close(void *ud, px_tei_source *src)
{
    (void)ud;
    free(src->ud);
    src->ud = NULL;
}

static px_status memfs_load_index(px_corpus *c, px_tei_memfs *fs, size_t i, px_error *err)
{
    mem_src m;
    px_tei_source src;
    memfs_source(fs, i, &m, &src);
    if (already_read(c, src.dev, src.ino)) return PX_OK;
    const char *name = fs->v[i].name;
    const char *slash = strrchr(name, '/');
    size_t fl = slash ? (size_t)(slash - name) + 1 : 0;
    if (fl >= sizeof fs->folder) fl = 0;
    memcpy(fs->folder, name, fl);
    fs->folder[fl] = '\0';
    px_tei_fs vt = {fs, memfs_open, memfs_close, 0};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, &src, name, &vt, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = fs->v[i].len;
    return s;
}

px_status px_tei_memfs_load(px_corpus *c, px_tei_memfs *fs, const char *root, px_error *err)
{
    if (c->finished) return px_error_set(err, PX_EINVAL, "the corpus is already finished");
    size_t i = fs ? memfs_find(fs, root) : (size_t)-1;
    if (i == (size_t)-1) return px_error_set(err, PX_EIO, "%s: no such file in the table", root);
    return memfs_load_index(c, fs, i, err);
}

px_status px_corpus_add_memory_set(px_corpus *c, const char *const *names,
                                   const char *const *datas, const size_t *lens,
                                   size_t n, size_t root, px_error *err)
{
    if (c->finished) return px_error_set(err, PX_EINVAL, "the corpus is already finished");
    px_tei_memfs *fs = px_tei_memfs_new();
    if (!fs) return px_error_set(err, PX_ENOMEM, "out of memory");
    px_status s = PX_OK;
    for (size_t i = 0; i < n && s == PX_OK; i++)
        if (px_tei_memfs_add(fs, names[i], datas[i], lens[i]) != PX_OK)
            s = px_error_set(err, PX_ENOMEM, "out of memory");
    /* roots first: the one named, else every teiCorpus that includes */
    if (s == PX_OK && root != PX_NONE && root < n) s = memfs_load_index(c, fs, root, err);
    for (size_t i = 0; i < n && s == PX_OK && root == PX_NONE; i++) {
        mem_src m;
        px_tei_source src;
        memfs_source(fs, i, &m, &src);
        if (px_tei_is_include_root(&src)) s = memfs_load_index(c, fs, i, err);
    }
    for (size_t i = 0; i < n && s == PX_OK; i++) s = memfs_load_index(c, fs, i, err);
    px_tei_memfs_free(fs);
    return s;
}

typedef struct pathlist { char **v; size_t n, cap; } pathlist;

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_xml_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

typedef struct walk {
    px_corpus *c;
    char root_real[PATH_MAX];
    pathlist files;
    pathlist bad;              /* "path\0why": refused while walking, reported in path order */
    PX_VEC(uint64_t) dirs;     /* dev ^ ino of folders on the current path */
    int oom;
} walk;

/* Notes a path refused while walking; it is reported in the byte order of
 * paths among the files (readdir's order differs between file systems). */
static void walk_refuse(walk *w, const char *path, const char *why)
{
    size_t pl = strlen(path), wl = strlen(why);
    char *e = malloc(pl + wl + 2);
    if (!e) { w->oom = 1; return; }
    memcpy(e, path, pl + 1);
    memcpy(e + pl + 1, why, wl + 1);
    if (w->bad.n == w->bad.cap) {
        size_t nc = w->bad.cap ? w->bad.cap * 2 : 16;
        char **nv = realloc(w->bad.v, nc * sizeof *nv);
        if (!nv) { free(e); w->oom = 1; return; }
        w->bad.v = nv;
        w->bad.cap = nc;
    }
    w->bad.v[w->bad.n++] = e;
}

/* Collects *.xml below dir. Links are followed only when their target
 * stays inside the root and is not a folder already on the path (loops). */
static void walk_dir(walk *w, const char *dir, int depth)
{
    if (depth > 64) return;
    DIR *d = opendir(dir);
    if (!d) {
        char why[300];
        snprintf(why, sizeof why, "cannot open the folder: %s", strerror(errno));
        walk_refuse(w, dir, why);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) && !w->oom) {
        if (e->d_name[0] == '.') continue;   /* ., .., hidden files */
        size_t need = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(need);
        if (!p) { w->oom = 1; break; }
        snprintf(p, need, "%s/%s", dir, e->d_name);
        struct stat lst, st;
        if (lstat(p, &lst) != 0) { free(p); continue; }
        if (S_ISLNK(lst.st_mode)) {
            char real[PATH_MAX];
            size_t rl = strlen(w->root_real);
            if (!realpath(p, real)) {
                /* a loop of links (ELOOP) or a missing target */
                walk_refuse(w, p, "a symbolic link that leads nowhere (a loop of links, or "
                                  "a missing target) is not followed");
                free(p);
                continue;
            }
            if (strncmp(real, w->root_real, rl) != 0 || (real[rl] != '/' && real[rl] != '\0')) {
                /* reported when it could have held TEI: a *.xml or a folder */
                if (has_xml_suffix(e->d_name) || (stat(p, &st) == 0 && S_ISDIR(st.st_mode)))
                    walk_refuse(w, p, "a symbolic link that leads outside the folder is not followed");
                free(p);
                continue;
            }
        }
        if (stat(p, &st) != 0) {
            if (has_xml_suffix(e->d_name)) {
                char why[300];
                snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
                walk_refuse(w, p, why);
            }
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            uint64_t key = ((uint64_t)st.st_dev << 40) ^ (uint64_t)st.st_ino;
            int loop = 0;
            for (size_t i = 0; i < w->dirs.n; i++) if (w->dirs.v[i] == key) loop = 1;
            if (loop)
                walk_refuse(w, p, "a symbolic link back to a folder that holds it (a loop) "
                                  "is not followed");
            else if (!PX_VEC_PUSH(w->dirs, key)) {
                walk_dir(w, p, depth + 1);
                w->dirs.n--;
            }
            free(p);
            continue;
        }
        if (!has_xml_suffix(e->d_name)) { free(p); continue; }
        if (w->files.n == w->files.cap) {
            size_t nc = w->files.cap ? w->files.cap * 2 : 64;
            char **nv = realloc(w->files.v, nc * sizeof *nv);
            if (!nv) { free(p); w->oom = 1; break; }
            w->files.v = nv;
            w->files.cap = nc;
        }
        w->files.v[w->files.n++] = p;
    }
    closedir(d);
}

px_status px_corpus_add_path(px_corpus *c, const char *path, px_error *err)
{
    if (c->finished) return px_error_set(err, PX_EINVAL, "the corpus is already finished");
    struct stat st;
    if (stat(path, &st) != 0) {
        px_error_set(err, PX_EIO, "%s: %s; give a TEI file or a folder of them", path,
                     strerror(errno));
        snprintf(err->file, sizeof err->file, "%s", path);
        return PX_EIO;
    }
    if (!S_ISDIR(st.st_mode)) {
        c->bytes_total += (uint64_t)st.st_size;
        return import_file(c, path, NULL, err);
    }
    walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    if (!realpath(path, w.root_real)) snprintf(w.root_real, sizeof w.root_real, "%s", path);
    uint64_t key = ((uint64_t)st.st_dev << 40) ^ (uint64_t)st.st_ino;
    px_status s = PX_OK;
    if (PX_VEC_PUSH(w.dirs, key)) w.oom = 1;
    /* strip trailing slashes for tidy paths */
    char *root = strdup(path);
    if (!root) w.oom = 1;
    else {
        size_t rl = strlen(root);
        while (rl > 1 && root[rl - 1] == '/') root[--rl] = '\0';
        walk_dir(&w, root, 0);
    }
    if (w.oom) {
        s = px_error_set(err, PX_ENOMEM, "out of memory while listing %s", path);
        goto done;
    }
    /* qsort wants a pointer even for nothing (UBSan) */
    if (w.files.n) qsort(w.files.v, w.files.n, sizeof *w.files.v, cmp_path);
    if (w.bad.n) qsort(w.bad.v, w.bad.n, sizeof *w.bad.v, cmp_path);
    for (size_t i = 0; i < w.files.n; i++) {
        struct stat fst;
        if (stat(w.files.v[i], &fst) == 0) c->bytes_total += (uint64_t)fst.st_size;
    }
    /* roots first: teiCorpus files that use xi:include load before the
     * rest, so that what they include is read through them, once (the
     * loop below skips them as read) */
    for (size_t i = 0; i < w.files.n && s == PX_OK; i++)
        if (is_include_root_path(w.files.v[i])) s = import_file(c, w.files.v[i], w.root_real, err);
    size_t nbad = 0;
    for (size_t i = 0; i <= w.files.n && s == PX_OK; i++) {
        /* the paths refused while walking that sort before this file */
        while (nbad < w.bad.n && s == PX_OK &&
               (i == w.files.n || strcmp(w.bad.v[nbad], w.files.v[i]) < 0)) {
            const char *bp = w.bad.v[nbad++];
            s = refuse_file(c, bp, PX_EIO, "%s", bp + strlen(bp) + 1);
            if (s != PX_OK) px_error_set(err, s, "out of memory");
        }
        if (i == w.files.n || s != PX_OK) break;
        if (px_runtime_interrupted()) {
            s = px_error_set(err, PX_EINTR, "interrupted");
            break;
        }
        s = import_file(c, w.files.v[i], w.root_real, err);
        if (c->opt.progress)
            c->opt.progress(c->opt.progress_ud, c->bytes_done, c->bytes_total,
                            (uint32_t)(i + 1), (uint32_t)w.files.n);
    }
done:
    for (size_t i = 0; i < w.files.n; i++) free(w.files.v[i]);
    free(w.files.v);
    for (size_t i = 0; i < w.bad.n; i++) free(w.bad.v[i]);
    free(w.bad.v);
    PX_VEC_FREE(w.dirs);
    free(root);
    return s;
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
    px_tei_cache_free(c->import_cache);
    c->import_cache = NULL;
    c->finished = 1;
    return PX_OK;
nomem:
    return px_error_set(err, PX_ENOMEM, "out of memory while finishing the corpus");
}

px_corpus *px_corpus_open(const char *const *paths, size_t n, const px_options *opt,
                          px_error *err)
{
    px_corpus *c = px_corpus_new(opt);
    if (!c) {
        px_error_set(err, PX_ENOMEM, "out of memory");
        return NULL;
    }
    /* the corpus is named after its first path (a folder or a file) */
    if (n > 0) {
        const char *p = paths[0];
        size_t len = strlen(p);
        while (len > 1 && p[len - 1] == '/') len--;
        const char *b = p + len;
        while (b > p && b[-1] != '/') b--;
        size_t bl = (size_t)(p + len - b);
        if (bl > 4 && !strncmp(b + bl - 4, ".xml", 4)) bl -= 4;
        c->name = px_strtab_intern(&c->strings, b, bl);
    }
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0) continue;
        px_error_set(err, PX_EIO, "%s: %s; give a TEI file or a folder of them",
                     paths[i], strerror(errno));
        px_corpus_unref(c);
        return NULL;
    }
    /* roots first among the files named (folders order their own) */
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode) || !is_include_root_path(paths[i]))
            continue;
        px_status s = px_corpus_add_path(c, paths[i], err);
        if (s != PX_OK) {
            px_corpus_unref(c);
            return NULL;
        }
    }
    for (size_t i = 0; i < n; i++) {
        px_status s = px_corpus_add_path(c, paths[i], err);
        if (s != PX_OK) {
            px_corpus_unref(c);
            return NULL;
        }
    }
    if (px_corpus_finish(c, err) != PX_OK) {
        px_corpus_unref(c);
        return NULL;
    }
    return c;
}

uint32_t px_corpus_speaking_count(const px_corpus *c)
{
    uint32_t n = 0;
    for (size_t p = 0; p < c->participants.n; p++)
        if (c->part_utt_first.v[p + 1] > c->part_utt_first.v[p]) n++;
    return n;
}
