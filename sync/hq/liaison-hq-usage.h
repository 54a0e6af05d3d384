/* liaison-hq-usage.h: what liaison-hq says about its commands. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Every command line liaison-hq takes, translated, on @out. */
void        liaison_hq_print_usage     (FILE       *out);
/* What “liaison-hq COMMAND --help” says above the options, translated;
 * NULL for a command it does not know. */
const char *liaison_hq_command_summary (const char *command);

G_END_DECLS
