/* tei_fuzz.c - libFuzzer target for the TEI importer (see README.md).
 *
 * One input is up to four "files" separated by the byte sequence
 * FUZZ_SEP ("\n@@FILE@@\n"): the first is root.xml, then a.xml, b.xml and
 * sub/c.xml, so that an xi:include in one of them can name another
 * (href="a.xml", "sub/c.xml", "../root.xml", a loop, a missing file). When
 * the core offers an in-memory file table for includes (PX_TEI_MEMFS in
 * core/source.h), the files are registered there and loaded through it, root
 * first; without it every file is loaded on its own with
 * px_corpus_add_memory.
 * Then the corpus is finished, summarised (both formats, written to
 * /dev/null) and freed. Any crash, leak, sanitizer report or hang is a bug.
 *
 * Two bits of the input's length pick options, so the limit paths are
 * reachable with small inputs: bit 0 per-document identity, bit 1 small
 * limits (depth 64, 8 KiB per utterance, 16 KiB per text node, 300 names).
 */
#include "source.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_SEP "\n@@FILE@@\n"
#define FUZZ_MAX_FILES 4

static const char *const fuzz_names[FUZZ_MAX_FILES] = {
    "fuzz/root.xml", "fuzz/a.xml", "fuzz/b.xml", "fuzz/sub/c.xml"
};

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    px_runtime_init();
    devnull = fopen("/dev/null", "w");
    return 0;
}

/* Splits data into at most FUZZ_MAX_FILES parts at FUZZ_SEP; the last part
 * keeps any further separators. Returns the number of parts. */
static size_t split(const uint8_t *data, size_t size, const char **p, size_t *n)
{
    const size_t sl = sizeof FUZZ_SEP - 1;
    size_t k = 0, start = 0, i = 0;
    while (k + 1 < FUZZ_MAX_FILES && i + sl <= size) {
        if (memcmp(data + i, FUZZ_SEP, sl) == 0) {
            p[k] = (const char *)data + start;
            n[k++] = i - start;
            i += sl;
            start = i;
        } else {
            i++;
        }
    }
    p[k] = (const char *)data + start;
    n[k++] = size - start;
    return k;
}

/* Checks invariants that every finished corpus must hold; a violation
 * aborts, so the fuzzer keeps the input. */
static void check_corpus(const px_corpus *c)
{
    for (size_t i = 0; i < c->utterances.n; i++) {
        const px_utterance *u = &c->utterances.v[i];
        if (u->document >= c->documents.n) abort();
        if ((size_t)u->text_off + u->text_len >= c->text.n) abort();   /* and its NUL */
        if ((size_t)u->tok_first + u->tok_count > c->tokens.n) abort();
        if ((size_t)u->spk_first + u->spk_count > c->refs.n) abort();
        for (uint32_t k = 0; k < u->spk_count; k++)
            if (c->refs.v[u->spk_first + k] >= c->participants.n) abort();
        if (u->reply_to != PX_NONE && u->reply_to >= c->utterances.n) abort();
        if (u->id >= c->uid_text.n) abort();
    }
    for (size_t i = 0; i < c->documents.n; i++) {
        const px_document *d = &c->documents.v[i];
        if ((size_t)d->utt_first + d->utt_count > c->utterances.n) abort();
        if (d->file >= c->files.n) abort();
    }
    for (size_t i = 0; i < c->tokens.n; i++)
        if (c->tokens.v[i] >= c->terms.count) abort();
    for (size_t i = 0; i < c->refusals.n; i++) {
        char buf[1400];
        px_error_format(&c->refusals.v[i].error, buf, sizeof buf);
        if (!buf[0]) abort();
    }
    for (size_t i = 0; i < c->problems.n; i++) {
        char where[700];
        px_pos_format(c, c->problems.v[i].pos, where, sizeof where);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[FUZZ_MAX_FILES];
    size_t len[FUZZ_MAX_FILES];
    size_t nparts = split(data, size, part, len);

    px_options opt;
    px_options_init(&opt);
    if (size & 1) opt.identity = PX_IDENTITY_DOCUMENT;
    if (size & 2) {
        opt.max_depth = 64;
        opt.max_utterance_text = 8192;
        opt.max_text_node = 16384;
        opt.max_names = 300;
    }
    px_corpus *c = px_corpus_new(&opt);
    if (!c) return 0;
    px_error err;
    px_error_clear(&err);
    px_status s = PX_OK;
#ifdef PX_TEI_MEMFS
    /* the in-memory file table: includes between the parts resolve */
    px_tei_memfs *fs = px_tei_memfs_new();
    for (size_t i = 0; fs && i < nparts; i++)
        if (px_tei_memfs_add(fs, fuzz_names[i], part[i], len[i]) != PX_OK) break;
    /* every part in turn, as a folder's files are: one included by an
     * earlier part is read once, through its includer */
    for (size_t i = 0; fs && i < nparts && s == PX_OK; i++)
        s = px_tei_memfs_load(c, fs, fuzz_names[i], &err);
    px_tei_memfs_free(fs);
#else
    for (size_t i = 0; i < nparts && s == PX_OK; i++)
        s = px_corpus_add_memory(c, fuzz_names[i], part[i], len[i], &err);
#endif
    /* only running out of memory may fail an add (no interrupts here) */
    if (s != PX_OK && s != PX_ENOMEM) abort();
    if (s == PX_OK && px_corpus_finish(c, &err) == PX_OK) {
        check_corpus(c);
        px_summary sum;
        px_corpus_summary(c, &sum);
        if (sum.documents != c->documents.n || sum.utterances != c->utterances.n) abort();
        if (devnull) {
            px_summary_write(c, &sum, devnull, 0);
            px_summary_write(c, &sum, devnull, 1);
        }
        (void)px_corpus_speaking_count(c);
        if (c->utterances.n) (void)px_utterance_find(c, px_utterance_id(c, 0));
    }
    px_corpus_unref(c);
    return 0;
}
