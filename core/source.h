/* source.h - the loader: where files come from (internal).
 *
 * core/source.c reads files from disk (a file, a folder walked), from
 * memory (one buffer, or a table of named buffers), opens what xi:include
 * names, and hands each file to the importer (tei.h). */
#ifndef PX_SOURCE_H
#define PX_SOURCE_H

#include "tei.h"

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
