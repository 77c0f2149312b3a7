/* runtime.c - the one place for process-wide state.
 *
 * Libraries make some state process-wide; Praxis keeps all of it here and
 * nowhere else:
 *   - libxml2's external entity loader: replaced once by one that refuses
 *     every load, so no entity, DTD or XInclude is ever fetched by libxml2
 *     (Praxis opens files itself and resolves includes itself);
 *   - libxml2's global initialisation (xmlInitParser);
 *   - the interrupt flag, set by the SIGINT handler of the host and read by
 *     long loops in the core (the importer checks it between chunks).
 * igraph's handlers and random generator join this module when networks
 * arrive. */
#include "px.h"

#include <signal.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

static volatile sig_atomic_t interrupted;
static int initialised;

static xmlParserInputPtr refuse_loader(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

void px_runtime_init(void)
{
    if (initialised) return;
    initialised = 1;
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_loader);
}

void px_runtime_interrupt(void) { interrupted = 1; }
int px_runtime_interrupted(void) { return interrupted != 0; }
void px_runtime_clear_interrupt(void) { interrupted = 0; }
