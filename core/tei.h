/* tei.h - the importer's entry, and what it asks of the loader (internal). */
#ifndef PX_TEI_H
#define PX_TEI_H

#include "px.h"

/* Where the importer reads one file from: a disk file, or memory (tests,
 * the fuzzer). read returns bytes read, 0 at the end, -1 on error (errno
 * set). dev/ino identify the file (0 for a memory source of its own; a
 * memory file table gives each entry an identity); size is its length in
 * bytes when known. */
typedef struct px_tei_source {
    void *ud;
    long (*read)(void *ud, char *buf, size_t cap);
    uint64_t dev, ino;
    uint64_t size;
} px_tei_source;

/* An xi:include the importer met, reported to the loader. href is a
 * relative path (the importer has refused URIs, absolute paths, xpointer
 * and parse="text", applied xml:base and decoded %XX), to be resolved
 * against the folder of `from`, the including file's path as the corpus
 * names it; at is where the include stands. `reader` is the importer that
 * met it, to read the file with (px_tei_read_include). */
typedef struct px_tei_include {
    const char *from;
    const char *href;
    px_pos at;
    void *reader;
    const char *code;   /* set by the loader with PX_EDATA: the problem's code */
} px_tei_include;

/* The loader's side of includes. include resolves inc->href, opens the
 * file and, unless it is not to be read, reads it where the include stands
 * with px_tei_read_include. Returns PX_OK (read, or not read because it is
 * in the corpus already), PX_ENOTFOUND (no such file: an xi:fallback
 * applies), PX_EIO (cannot be read: a fallback applies too), PX_EDATA
 * (refused: outside the corpus folder, no regular file, a loop, nested too
 * deep; inc->code names it: "include-escape", "include-loop",
 * "include-depth"), PX_ENOMEM; err->msg says why. */
typedef struct px_tei_loader {
    void *ud;
    px_status (*include)(void *ud, px_tei_include *inc, px_error *err);
} px_tei_loader;

/* Imports one file as one transaction: on refusal the corpus is left as it
 * was, the file is recorded as refused with the reason (c->refusals), and
 * PX_OK is returned. Returns an error only for PX_ENOMEM and PX_EINTR.
 * Includes are reported to ld (NULL: every xi:include is an error).
 * An included file is a transaction of its own inside its includer's: a
 * refused include is recorded as refused and its includer goes on. */
px_status px_tei_import(px_corpus *c, const px_tei_source *src, const char *path,
                        const px_tei_loader *ld, px_error *err);

/* Reads an included file where its include stands, as a transaction of
 * its own inside its includer's (called by the loader's include). */
void px_tei_read_include(px_tei_include *inc, const px_tei_source *src, const char *path);

/* Frees what the importer keeps in c->import_cache between files (the
 * word table, scratch memory); NULL is allowed. */
void px_tei_cache_free(void *cache);

/* Whether the file begins with a teiCorpus root that uses xi:include (the
 * pre-scan of "roots first"). Reads the source to its end at most. */
int px_tei_is_include_root(const px_tei_source *src);

/* Lexically joins the folder of `from` and the relative path `rel` into
 * out ("a/b.xml" + "../c.xml" -> "c.xml", "x.xml" + "../c.xml" ->
 * "../c.xml"), dropping "." and resolving "..". Returns 0, or -1 when out
 * is too small. (core/path.c: the importer joins xml:base and href with
 * it, the loader a path and an href.) */
int px_path_join(const char *from, const char *rel, char *out, size_t n);

/* Whether name is the name of a TEI P5 element (core/tei_names.c), and
 * the sorted list itself. */
int px_tei_is_element(const char *name);
size_t px_tei_element_count(void);
/* Whether the importer gives name a meaning (posting, annotatedU are read
 * though they are no TEI P5 elements). */
int px_tei_reads_element(const char *name);
const char *px_tei_element_name(size_t i);

#endif
