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
