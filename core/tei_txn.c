/* tei_txn.c - each file is one transaction: what the corpus held before
 * it (a snapshot), and everything it added undone when it is refused
 * (rollback), with the refusal recorded; an included file is a
 * transaction of its own inside its includer's. Also the records of the
 * files read, and of their documents once read. */
#include "tei_int.h"

void tei_take_snapshot(px_corpus *c, snapshot *sn)
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
void tei_rollback(px_corpus *c, const snapshot *sn)
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

int tei_pstate_init(pstate *p)
{
    memset(p, 0, sizeof *p);
    return px_map_init(&p->names_seen) || px_map_init(&p->unknown_seen) ? -1 : 0;
}

void tei_pstate_free(pstate *p)
{
    px_map_destroy(&p->names_seen);
    px_map_destroy(&p->unknown_seen);
    PX_VEC_FREE(p->unknown);
}

/* Pushes the record of a file about to be read; -1 when out of memory. */
int tei_push_file(px_corpus *c, const px_tei_source *src, const char *path, px_pos incl)
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
int tei_record_refusal(imp *s, uint32_t file)
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
px_status tei_finish_files(px_corpus *c, size_t first, size_t first_doc)
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
