/* liaison-hq-usage.h: what liaison-hq says about its commands, and the
 * reading of a command's options that every command shares. */
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

/* The options of “liaison-hq @command”: translated, with the command's
 * summary above them. */
GOptionContext *liaison_hq_command_context (const char  *command);
/* "liaison-hq @command", then @argv from @argv[@first] on: the arguments
 * for g_option_context_parse_strv(), so that --help names the command. */
GStrv       liaison_hq_command_args    (const char  *command,
                                        int          argc,
                                        char       **argv,
                                        int          first);
/* Fills a @data_dir not given from $LIAISON_HQ_DATA_DIR; FALSE, with
 * @error saying that “liaison-hq @command” needs one, when neither is. */
gboolean    liaison_hq_command_data_dir (char       **data_dir,
                                         const char  *command,
                                         GError     **error);

G_END_DECLS
