/* liaison-cli.h: the headless commands of the station app. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv[1] names a headless command (import, export, demo). */
gboolean liaison_cli_is_command (int    argc,
                                 char **argv);
/* Runs it; returns the exit status. Prints what it did, or why it failed. */
int      liaison_cli_main       (int    argc,
                                 char **argv);

G_END_DECLS
