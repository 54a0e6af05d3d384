/* liaison-hq-usage.h: what liaison-hq says about its commands. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* liaison-hq's exit status for a wrong command line. */
#define LIAISON_HQ_EXIT_USAGE 2

/* Every command line liaison-hq takes, translated, on @out. */
void        liaison_hq_print_usage     (FILE       *out);
/* What “liaison-hq COMMAND --help” says above the options, translated;
 * NULL for a command it does not know. */
const char *liaison_hq_command_summary (const char *command);
/* A wrong command line: the message, then the usage, on stderr; returns
 * LIAISON_HQ_EXIT_USAGE. */
int         liaison_hq_usage_error     (const char *format,
                                        ...) G_GNUC_PRINTF (1, 2);
/* A command that failed: @error's message on stderr; returns EXIT_FAILURE. */
int         liaison_hq_fail            (const GError *error);

G_END_DECLS
