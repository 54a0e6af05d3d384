/* liaison-sync-cli.h: `liaison enroll`, `sync` and `leave`, headless. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv[1] is enroll, sync or leave. */
gboolean liaison_sync_cli_is_command (int    argc,
                                      char **argv);
/* Runs it; returns the exit status. Prints a summary, or why it failed. */
int      liaison_sync_cli_main       (int    argc,
                                      char **argv);

G_END_DECLS
