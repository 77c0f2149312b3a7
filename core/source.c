/* source.c - the loader: where the files of a corpus come from, and in
 * what order they are read. A path (a file, or a folder walked for *.xml,
 * links confined to it), a buffer in memory, a table of named buffers;
 * roots that include first. Each file goes to the importer (tei.h), which
 * reports each xi:include it meets; the loader opens the file it names
 * (confined to the corpus folder, each file once, loops and nesting
 * refused) and has the importer read it where the include stands. */
#include "source.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fd_src { int fd; } fd_src;

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

/* How a loader opens what an include names: the disk, or a memory file
 * table. open resolves href against the folder of `from` (the including
 * file's path as the corpus names it), fills *src (closed with close) and
 * writes the included file's path, as the corpus will name it, into
 * path[0..n). Failures: PX_ENOTFOUND (no such file), PX_EIO (cannot be
 * read), PX_EDATA (refused: outside the corpus folder, no regular file),
 * with err->msg saying why. */
typedef struct opener {
    void *ud;
    px_status (*open)(void *ud, const char *from, const char *href,
                      px_tei_source *src, char *path, size_t n, px_error *err);
    void (*close)(void *ud, px_tei_source *src);
    int counted;   /* 1: the files it opens are in c->bytes_total already (a
                    * folder's files); 0: each included file read adds its
                    * size there, so that progress stays within the total */
} opener;

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

/* ---- includes ---- */

/* One root file being loaded, with what it includes. */
typedef struct loader {
    px_corpus *c;
    opener op;
    PX_VEC(uint64_t) reading;   /* dev, ino of each file being read (pairs), the root first */
} loader;

#define MAX_INCLUDE_NESTING 8

/* An include the importer met (px_tei_loader): opened, checked (nesting,
 * confinement, loops, each file once) and read where it stands. */
static px_status include_file(void *ud, px_tei_include *inc, px_error *err)
{
    loader *l = ud;
    px_corpus *c = l->c;
    if (l->reading.n / 2 > MAX_INCLUDE_NESTING) {
        inc->code = "include-depth";
        return px_error_set(err, PX_EDATA, "is nested more than %d includes deep, the limit "
                            "of Praxis", MAX_INCLUDE_NESTING);
    }
    px_tei_source src;
    memset(&src, 0, sizeof src);
    char path[1024];
    px_error e;
    px_error_clear(&e);
    px_status st = l->op.open(l->op.ud, inc->from, inc->href, &src, path, sizeof path, &e);
    if (st == PX_ENOTFOUND || st == PX_EIO || st == PX_ENOMEM) { *err = e; return st; }
    if (st != PX_OK) {
        inc->code = "include-escape";
        return px_error_set(err, PX_EDATA, "is refused: %s", e.msg);
    }
    int known = src.dev || src.ino;
    for (size_t i = 0; known && i + 1 < l->reading.n; i += 2) {
        if (l->reading.v[i] == src.dev && l->reading.v[i + 1] == src.ino) {
            l->op.close(l->op.ud, &src);
            inc->code = "include-loop";
            return px_error_set(err, PX_EDATA, "loops: that file is already being read (it "
                                "includes this one)");
        }
    }
    /* each file once: one already in the corpus is not read again */
    for (size_t i = 0; known && i < c->files.n; i++) {
        if (c->files.v[i].dev == src.dev && c->files.v[i].ino == src.ino) {
            l->op.close(l->op.ud, &src);
            return PX_OK;
        }
    }
    if (PX_VEC_PUSH(l->reading, src.dev) || PX_VEC_PUSH(l->reading, src.ino)) {
        l->op.close(l->op.ud, &src);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    if (!l->op.counted) c->bytes_total += src.size;   /* progress */
    px_tei_read_include(inc, &src, path);
    l->reading.n -= 2;
    l->op.close(l->op.ud, &src);
    return PX_OK;
}

/* Imports a root file, its includes opened by op. */
static px_status load_root(px_corpus *c, const px_tei_source *src, const char *path,
                           const opener *op, px_error *err)
{
    loader l;
    memset(&l, 0, sizeof l);
    l.c = c;
    l.op = *op;
    if (PX_VEC_PUSH(l.reading, src->dev) || PX_VEC_PUSH(l.reading, src->ino)) {
        PX_VEC_FREE(l.reading);
        return px_error_set(err, PX_ENOMEM, "out of memory");
    }
    px_tei_loader ld = {&l, include_file};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, src, path, &ld, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = src->size;
    PX_VEC_FREE(l.reading);
    return s;
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
    opener op = {dfs, disk_open, disk_close, root != NULL};
    fd_src fsrc = {fd};
    px_tei_source src = {&fsrc, fd_read, (uint64_t)st.st_dev, (uint64_t)st.st_ino,
                         (uint64_t)st.st_size};
    px_status s = load_root(c, &src, path, &op, err);
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
    opener op = {fs, memfs_open, memfs_close, 0};
    return load_root(c, &src, name, &op, err);
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
