/* error.c - px_error: what went wrong, where, and what to do. */
#include "px.h"

#include <stdarg.h>
#include <string.h>

void px_error_clear(px_error *e)
{
    if (!e) return;
    e->code = PX_OK;
    e->msg[0] = e->file[0] = '\0';
    e->line = e->col = 0;
}

px_status px_error_set(px_error *e, px_status code, const char *fmt, ...)
{
    if (!e) return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->code = code;
    return code;
}

px_status px_error_at(px_error *e, px_status code, const char *file, int line,
                      int col, const char *fmt, ...)
{
    if (!e) return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->code = code;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    e->col = col;
    return code;
}

void px_error_format(const px_error *e, char *out, size_t n)
{
    if (e->file[0] && e->line > 0 && e->col > 0)
        snprintf(out, n, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
    else if (e->file[0] && e->line > 0)
        snprintf(out, n, "%s:%d: %s", e->file, e->line, e->msg);
    else if (e->file[0])
        snprintf(out, n, "%s: %s", e->file, e->msg);
    else
        snprintf(out, n, "%s", e->msg);
}

const char *px_status_name(px_status s)
{
    switch (s) {
    case PX_OK: return "ok";
    case PX_ENOMEM: return "out of memory";
    case PX_EINVAL: return "invalid argument";
    case PX_EIO: return "input/output error";
    case PX_EDATA: return "bad data";
    case PX_ELIMIT: return "limit exceeded";
    case PX_EINTR: return "interrupted";
    case PX_ENOTFOUND: return "not found";
    }
    return "unknown status";
}
