/* tei.h - the importer's entry and its file-source interface (internal). */
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

/* How the importer opens the files that xi:include names. href is a
 * relative path (the importer has refused URIs, absolute paths, xpointer
 * and parse="text", applied xml:base and decoded %XX), to be resolved
 * against the folder of `from`, the including file's path as the corpus
 * names it. On success open fills *src (closed with close) and writes the
 * included file's path, as the corpus will name it, into path[0..n).
 * Failures: PX_ENOTFOUND (no such file: an xi:fallback applies), PX_EIO
 * (cannot be read: a fallback applies too), PX_EDATA (refused: it lies
 * outside the corpus folder or is no regular file), with err->msg saying
 * why. */
typedef struct px_tei_fs {
    void *ud;
    px_status (*open)(void *ud, const char *from, const char *href,
                      px_tei_source *src, char *path, size_t n, px_error *err);
    void (*close)(void *ud, px_tei_source *src);
    int counted;   /* 1: the files it opens are in c->bytes_total already (a
                    * folder's files); 0: each included file read adds its
                    * size there, so that progress stays within the total */
} px_tei_fs;

/* Imports one file as one transaction: on refusal the corpus is left as it
 * was, the file is recorded as refused with the reason (c->refusals), and
 * PX_OK is returned. Returns an error only for PX_ENOMEM and PX_EINTR.
 * Includes are opened through fs (NULL: every xi:include is an error).
 * An included file is a transaction of its own inside its includer's: a
 * refused include is recorded as refused and its includer goes on. */
px_status px_tei_import(px_corpus *c, const px_tei_source *src, const char *path,
                        const px_tei_fs *fs, px_error *err);

/* Frees what the importer keeps in c->import_cache between files (the
 * word table, scratch memory); NULL is allowed. */
void px_tei_cache_free(void *cache);

/* Whether the file begins with a teiCorpus root that uses xi:include (the
 * pre-scan of "roots first"). Reads the source to its end at most. */
int px_tei_is_include_root(const px_tei_source *src);

/* Lexically joins the folder of `from` and the relative path `rel` into
 * out ("a/b.xml" + "../c.xml" -> "c.xml", "x.xml" + "../c.xml" ->
 * "../c.xml"), dropping "." and resolving "..". Returns 0, or -1 when out
 * is too small. */
int px_path_join(const char *from, const char *rel, char *out, size_t n);

/* Whether name is the name of a TEI P5 element (core/tei_names.c), and
 * the sorted list itself. */
int px_tei_is_element(const char *name);
size_t px_tei_element_count(void);
/* Whether the importer gives name a meaning (posting, annotatedU are read
 * though they are no TEI P5 elements). */
int px_tei_reads_element(const char *name);
const char *px_tei_element_name(size_t i);

/* An in-memory file table that includes resolve against (tests, the
 * fuzzer). The table keeps the names (copied) and points at the data
 * (which must outlive every load through it). */
#define PX_TEI_MEMFS 1
typedef struct px_tei_memfs px_tei_memfs;
px_tei_memfs *px_tei_memfs_new(void);
px_status px_tei_memfs_add(px_tei_memfs *fs, const char *name, const char *data, size_t len);
/* Loads the file `root` of the table and what it includes (includes may
 * not climb above the folder of root). */
px_status px_tei_memfs_load(px_corpus *c, px_tei_memfs *fs, const char *root, px_error *err);
void px_tei_memfs_free(px_tei_memfs *fs);

#endif
