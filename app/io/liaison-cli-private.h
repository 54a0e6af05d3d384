/* liaison-cli-private.h: what the headless commands' files share
 * (liaison-cli.c, liaison-cli-archive.c, liaison-cli-report.c, liaison-cli-print.c,
 * liaison-cli-online.c). */
#pragma once

#include "liaison-cli.h"

G_BEGIN_DECLS

#define LIAISON_CLI_EXIT_FAILED 1
#define LIAISON_CLI_EXIT_USAGE  2

/* Parses @args (args[0] is the command); on success *args holds the
 * command and the remaining arguments, else *@status is the exit status. */
gboolean      liaison_cli_parse_options       (GOptionContext   *context,
                                               const char       *command,
                                               char           ***args,
                                               int              *status);
/* Opens an existing database (the app's own when *@database is NULL):
 * a command must not make an empty one by mistake. */
LiaisonStore *liaison_cli_open_existing_store (char            **database);
/* "YYYY-MM-DD" of any date liaison_normalize_datetime() reads; NULL if
 * @text is not one. */
char         *liaison_cli_date_only           (const char       *text);
/* The options of an export or print with full contacts. */
#define LIAISON_CLI_CONTACTS_OPTIONS(with_contacts, reason) \
    { "with-contacts", 0, 0, G_OPTION_ARG_NONE, (with_contacts), \
      N_("Show the phones of visitors who agreed to be contacted in full (the others stay masked); needs --reason"), NULL }, \
    { "reason", 0, 0, G_OPTION_ARG_STRING, (reason), \
      N_("Why the full contacts are needed, written to the access log"), N_("TEXT") }
/* Checks --with-contacts and --reason before the database is opened:
 * TRUE with *@contacts_reason NULL (masked) or @reason_text; FALSE with
 * *@status, said on stderr, when --with-contacts has no reason or --reason
 * comes without --with-contacts. */
gboolean      liaison_cli_contacts_reason     (const char       *command,
                                               gboolean          with_contacts,
                                               const char       *reason_text,
                                               const char      **contacts_reason,
                                               int              *status);

/* liaison archive (liaison-cli-archive.c). */
int           liaison_cli_run_archive         (char            **args);
/* liaison report (liaison-cli-report.c). */
int           liaison_cli_run_report          (char            **args);
/* TRUE when @path's name ends in .pdf (in any case). */
gboolean      liaison_cli_is_pdf_path         (const char       *path);
/* The period asked for, as two days "YYYY-MM-DD": the calendar year
 * @year_text, or @from_text to @to_text, or this year when all are NULL;
 * prints why and returns FALSE if it is not one. */
gboolean      liaison_cli_read_period         (const char       *year_text,
                                               const char       *from_text,
                                               const char       *to_text,
                                               char            **from,
                                               char            **to);

/* liaison online (liaison-cli-online.c). */
int           liaison_cli_run_online          (char            **args);

/* liaison print (liaison-cli-print.c). */
int           liaison_cli_run_print           (char            **args);

G_END_DECLS
