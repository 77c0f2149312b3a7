/* tei.h - the importer's entry and its file-source interface (internal). */
#ifndef PX_TEI_H
#define PX_TEI_H

#include "px.h"

/* Where the importer reads one file from: a disk file, or memory (tests,
 * the fuzzer). read returns bytes read, 0 at the end, -1 on error (errno
 * set). dev/ino identify the file (0 for memory). */
typedef struct px_tei_source {
    void *ud;
    long (*read)(void *ud, char *buf, size_t cap);
    uint64_t dev, ino;
} px_tei_source;

/* Imports one file as one transaction: on refusal the corpus is left as it
 * was, the file is recorded as refused with the reason (c->refusals), and
 * PX_OK is returned. Returns an error only for PX_ENOMEM and PX_EINTR. */
px_status px_tei_import(px_corpus *c, const px_tei_source *src, const char *path,
                        px_error *err);

#endif
