/* liaison-cli.h: the headless commands of the station app. */
#pragma once

#include <glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* TRUE when argv[1] names a headless command (import, export, demo). */
gboolean liaison_cli_is_command (int    argc,
                                 char **argv);
/* Runs it; returns the exit status. Prints what it did, or why it failed. */
int      liaison_cli_main       (int    argc,
                                 char **argv);

/* For every headless command, here and in sync/: an option context whose
 * strings are msgids of Liaison's domain, and a usage error that points to
 * “liaison COMMAND --help” (returns the exit status 2). */
GOptionContext *liaison_cli_option_context_new (const char         *parameters,
                                                const char         *summary,
                                                const GOptionEntry *entries);
int             liaison_cli_usage_error        (const char         *command,
                                                const char         *message);
/* Opens the database at *@database, set first to the app's own when NULL;
 * says why on stderr and returns NULL when it cannot. */
LiaisonStore   *liaison_cli_open_store         (char              **database);

G_END_DECLS
