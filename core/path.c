/* path.c - lexical path joins, shared by the importer (xml:base, href)
 * and the loader (what an include names, against the including file). */
#include "tei.h"

#include <string.h>

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
