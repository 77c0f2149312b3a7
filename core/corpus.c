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
    free(c->import_cache);
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
    if (p.code == PX_STR_ERR || p.message == PX_STR_ERR || PX_VEC_PUSH(c->problems, p))
        return PX_ENOMEM;
    return PX_OK;
}

void px_pos_format(const px_corpus *c, px_pos p, char *out, size_t n)
{
    const char *f = p.file < c->files.n ? px_str_get(c, c->files.v[p.file].path) : "?";
    if (p.line && p.col) snprintf(out, n, "%s:%u:%u", f, p.line, p.col);
    else if (p.line) snprintf(out, n, "%s:%u", f, p.line);
    else snprintf(out, n, "%s", f);
}

/* ------------------------------------------------------------------ */
/* Reading files                                                       */
/* ------------------------------------------------------------------ */

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

static px_status import_file(px_corpus *c, const char *path, px_error *err)
{
    /* O_NONBLOCK: a FIFO must not hang the open; reads are made blocking
     * again below only for regular files */
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return refuse_file(c, path, PX_EIO, "cannot open the file: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int dir = S_ISDIR(st.st_mode);
        close(fd);
        return refuse_file(c, path, PX_EIO, "%s", dir ? "is a folder, not a file" :
                           "is not a regular file (a FIFO, socket or device); "
                           "Praxis reads regular files only");
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    /* a file already read (same device and inode) is read once */
    for (size_t i = 0; i < c->files.n; i++) {
        if (c->files.v[i].ino && c->files.v[i].dev == (uint64_t)st.st_dev &&
            c->files.v[i].ino == (uint64_t)st.st_ino) {
            close(fd);
            return PX_OK;
        }
    }
    fd_src fs = {fd};
    px_tei_source src = {&fs, fd_read, (uint64_t)st.st_dev, (uint64_t)st.st_ino};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, &src, path, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = (uint64_t)st.st_size;
    close(fd);
    return s;
}

px_status px_corpus_add_memory(px_corpus *c, const char *name, const char *data,
                               size_t len, px_error *err)
{
    if (c->finished) return px_error_set(err, PX_EINVAL, "the corpus is already finished");
    mem_src m = {data, len};
    px_tei_source src = {&m, mem_read, 0, 0};
    size_t nfiles = c->files.n;
    px_status s = px_tei_import(c, &src, name, err);
    if (c->files.n > nfiles) c->files.v[nfiles].bytes = len;
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
    PX_VEC(uint64_t) dirs;     /* dev ^ ino of folders on the current path */
    int oom;
} walk;

/* Collects *.xml below dir. Links are followed only when their target
 * stays inside the root and is not a folder already on the path (loops). */
static void walk_dir(walk *w, const char *dir, int depth)
{
    if (depth > 64) return;
    DIR *d = opendir(dir);
    if (!d) {
        refuse_file(w->c, dir, PX_EIO, "cannot open the folder: %s", strerror(errno));
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
            if (!realpath(p, real) || strncmp(real, w->root_real, rl) != 0 ||
                (real[rl] != '/' && real[rl] != '\0')) {
                if (has_xml_suffix(e->d_name) || realpath(p, real) == NULL)
                    refuse_file(w->c, p, PX_EIO,
                                "a symbolic link that leads outside the folder (or nowhere) is not followed");
                free(p);
                continue;
            }
        }
        if (stat(p, &st) != 0) {
            if (has_xml_suffix(e->d_name))
                refuse_file(w->c, p, PX_EIO, "cannot read: %s", strerror(errno));
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            uint64_t key = ((uint64_t)st.st_dev << 40) ^ (uint64_t)st.st_ino;
            int loop = 0;
            for (size_t i = 0; i < w->dirs.n; i++) if (w->dirs.v[i] == key) loop = 1;
            if (!loop && !PX_VEC_PUSH(w->dirs, key)) {
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
        return import_file(c, path, err);
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
    qsort(w.files.v, w.files.n, sizeof *w.files.v, cmp_path);
    for (size_t i = 0; i < w.files.n; i++) {
        struct stat fst;
        if (stat(w.files.v[i], &fst) == 0) c->bytes_total += (uint64_t)fst.st_size;
    }
    for (size_t i = 0; i < w.files.n && s == PX_OK; i++) {
        if (px_runtime_interrupted()) {
            s = px_error_set(err, PX_EINTR, "interrupted");
            break;
        }
        s = import_file(c, w.files.v[i], err);
        if (c->opt.progress)
            c->opt.progress(c->opt.progress_ud, c->bytes_done, c->bytes_total,
                            (uint32_t)(i + 1), (uint32_t)w.files.n);
    }
done:
    for (size_t i = 0; i < w.files.n; i++) free(w.files.v[i]);
    free(w.files.v);
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

uint32_t px_utterance_find(const px_corpus *c, const char *id)
{
    if (!c->uid_index.n) return PX_NONE;
    size_t n = strlen(id);
    uint32_t mask = (uint32_t)c->uid_index.n - 1;
    for (uint32_t i = px_hash_bytes(id, n) & mask;; i = (i + 1) & mask) {
        uint32_t e = c->uid_index.v[i];
        if (!e) return PX_NONE;
        if (strcmp(c->uid_text.v + c->utterances.v[e - 1].id, id) == 0) return e - 1;
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
    memset(c->uid_index.v, 0, size * sizeof(uint32_t));
    uint32_t mask = (uint32_t)size - 1;
    for (size_t u = 0; u < c->utterances.n; u++) {
        const char *id = c->uid_text.v + c->utterances.v[u].id;
        uint32_t i = px_hash_bytes(id, strlen(id)) & mask;
        int dup = 0;
        while (c->uid_index.v[i]) {
            if (strcmp(c->uid_text.v + c->utterances.v[c->uid_index.v[i] - 1].id, id) == 0) { dup = 1; break; }
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

/* Resolves one raw reference to a participant; creates the undeclared
 * ones (and `unknown` for a blank @who). */
static uint32_t resolve_who(px_corpus *c, uint32_t raw, const px_utterance *u,
                            int create, px_status *st)
{
    uint32_t doc = c->opt.identity == PX_IDENTITY_DOCUMENT ? u->document : PX_NONE;
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
    char where[600];
    px_pos_format(c, u->pos, where, sizeof where);
    if (px_corpus_problem(c, PX_WARNING, "undeclared-who", u->pos,
                          "@who names '%s', who is declared in no listPerson or particDesc; "
                          "Praxis adds a participant '%s' with no attributes",
                          px_str_get(c, raw), px_str_get(c, raw)) != PX_OK)
        *st = PX_ENOMEM;
    return p;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

px_status px_corpus_finish(px_corpus *c, px_error *err)
{
    if (c->finished) return PX_OK;
    px_status st = PX_OK;
    /* organisations */
    for (size_t i = 0; i < c->orgs.n; i++)
        if (c->orgs.v[i].id && px_map_get(&c->org_by_id, c->orgs.v[i].id) == PX_NONE &&
            px_map_put(&c->org_by_id, c->orgs.v[i].id, (uint32_t)i))
            goto nomem;
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
    /* replies */
    for (size_t i = 0; i < c->utterances.n; i++) {
        px_utterance *u = &c->utterances.v[i];
        if (u->reply_to == PX_NONE) continue;
        uint32_t raw = u->reply_to;   /* an offset in uid_text until now */
        uint32_t t = px_utterance_find(c, c->uid_text.v + raw);
        u->reply_to = t;
        if (t == PX_NONE &&
            px_corpus_problem(c, PX_WARNING, "dangling-reply", u->pos,
                              "@replyTo names '%s', which is no utterance of the corpus",
                              c->uid_text.v + raw) != PX_OK)
            goto nomem;
    }
    /* participant -> utterances, participant <-> documents */
    size_t np = c->participants.n;
    if (PX_VEC_RESERVE(c->part_utt_first, np + 1) || PX_VEC_RESERVE(c->part_doc_first, np + 1))
        goto nomem;
    memset(c->part_utt_first.v, 0, (np + 1) * sizeof(uint32_t));
    c->part_utt_first.n = np + 1;
    size_t total = 0;
    for (size_t i = 0; i < c->utterances.n; i++) {
        px_utterance *u = &c->utterances.v[i];
        for (uint32_t k = 0; k < u->spk_count; k++) {
            uint32_t p = c->refs.v[u->spk_first + k];
            int dup = 0;
            for (uint32_t j = 0; j < k; j++) if (c->refs.v[u->spk_first + j] == p) dup = 1;
            if (!dup) { c->part_utt_first.v[p + 1]++; total++; }
        }
    }
    for (size_t p = 0; p < np; p++) c->part_utt_first.v[p + 1] += c->part_utt_first.v[p];
    if (PX_VEC_RESERVE(c->part_utts, total + 1)) goto nomem;
    c->part_utts.n = total;
    {
        uint32_t *fill = calloc(np + 1, sizeof *fill);
        if (!fill) goto nomem;
        for (size_t i = 0; i < c->utterances.n; i++) {
            px_utterance *u = &c->utterances.v[i];
            for (uint32_t k = 0; k < u->spk_count; k++) {
                uint32_t p = c->refs.v[u->spk_first + k];
                int dup = 0;
                for (uint32_t j = 0; j < k; j++) if (c->refs.v[u->spk_first + j] == p) dup = 1;
                if (!dup) c->part_utts.v[c->part_utt_first.v[p] + fill[p]++] = (uint32_t)i;
            }
        }
        free(fill);
    }
    /* documents of each participant: from its utterances (in order) */
    memset(c->part_doc_first.v, 0, (np + 1) * sizeof(uint32_t));
    c->part_doc_first.n = np + 1;
    c->part_docs.n = 0;
    for (size_t p = 0; p < np; p++) {
        uint32_t last = PX_NONE;
        for (uint32_t k = c->part_utt_first.v[p]; k < c->part_utt_first.v[p + 1]; k++) {
            uint32_t d = c->utterances.v[c->part_utts.v[k]].document;
            if (d != last) {
                if (PX_VEC_PUSH(c->part_docs, d)) goto nomem;
                last = d;
            }
        }
        c->part_doc_first.v[p + 1] = (uint32_t)c->part_docs.n;
    }
    /* participants of each document (sorted by participant index): a stamp
     * per participant marks the document that listed it last */
    size_t nd = c->documents.n;
    if (PX_VEC_RESERVE(c->doc_part_first, nd + 1)) goto nomem;
    c->doc_part_first.n = nd + 1;
    c->doc_parts.n = 0;
    {
        uint32_t *stamp = malloc((np + 1) * sizeof *stamp);
        if (!stamp) goto nomem;
        for (size_t p = 0; p < np; p++) stamp[p] = PX_NONE;
        for (size_t d = 0; d < nd; d++) {
            c->doc_part_first.v[d] = (uint32_t)c->doc_parts.n;
            px_document *doc = &c->documents.v[d];
            for (uint32_t u = doc->utt_first; u < doc->utt_first + doc->utt_count; u++) {
                px_utterance *ut = &c->utterances.v[u];
                for (uint32_t k = 0; k < ut->spk_count; k++) {
                    uint32_t p = c->refs.v[ut->spk_first + k];
                    if (stamp[p] == (uint32_t)d) continue;
                    stamp[p] = (uint32_t)d;
                    if (PX_VEC_PUSH(c->doc_parts, p)) { free(stamp); goto nomem; }
                }
            }
            size_t first = c->doc_part_first.v[d];
            if (c->doc_parts.n - first > 1)
                qsort(c->doc_parts.v + first, c->doc_parts.n - first, sizeof(uint32_t), cmp_u32);
        }
        c->doc_part_first.v[nd] = (uint32_t)c->doc_parts.n;
        free(stamp);
    }
    /* segment -> utterances (counting sort; utterances stay in order) */
    {
        size_t ns = c->segments.n;
        for (size_t g = 0; g < ns; g++) c->segments.v[g].utt_count = 0;
        for (size_t i = 0; i < c->utterances.n; i++) {
            uint32_t g = c->utterances.v[i].segment;
            if (g != PX_NONE) c->segments.v[g].utt_count++;
        }
        uint32_t off = 0;
        for (size_t g = 0; g < ns; g++) {
            c->segments.v[g].utt_first = off;
            off += c->segments.v[g].utt_count;
        }
        if (PX_VEC_RESERVE(c->seg_utts, (size_t)off + 1)) goto nomem;
        c->seg_utts.n = off;
        uint32_t *fill = calloc(ns + 1, sizeof *fill);
        if (!fill) goto nomem;
        for (size_t i = 0; i < c->utterances.n; i++) {
            uint32_t g = c->utterances.v[i].segment;
            if (g != PX_NONE) c->seg_utts.v[c->segments.v[g].utt_first + fill[g]++] = (uint32_t)i;
        }
        free(fill);
    }
    /* term counts */
    if (PX_VEC_RESERVE(c->term_counts, (size_t)c->terms.count + 1)) goto nomem;
    c->term_counts.n = c->terms.count;
    memset(c->term_counts.v, 0, (size_t)c->terms.count * sizeof(uint32_t));
    for (size_t i = 0; i < c->tokens.n; i++) c->term_counts.v[c->tokens.v[i]]++;
    if (!c->name) c->name = px_strtab_intern(&c->strings, "corpus", 6);
    free(c->import_cache);
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
