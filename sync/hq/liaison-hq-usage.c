/* liaison-hq-usage.c: what liaison-hq says about its commands, with
 * --help and after a wrong command line (liaison-hq-usage.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "liaison-hq-usage.h"

void
liaison_hq_print_usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage:\n"
             "  liaison-hq init --data-dir DIR\n"
             "  liaison-hq serve --data-dir DIR [--listen 127.0.0.1:8600] [--tls-cert FILE --tls-key FILE]\n"
             "  liaison-hq station add --data-dir DIR NAME [--kind station|point|home|studio] [--district DISTRICT] [--address ADDRESS]\n"
             "  liaison-hq user add --data-dir DIR --role hq NAME\n"
             "  liaison-hq token list --data-dir DIR\n"
             "  liaison-hq token revoke --data-dir DIR TOKEN-ID\n"
             "  liaison-hq reports --data-dir DIR\n"
             "  liaison-hq import deputies|groups|units|stations --data-dir DIR FILE.csv\n"
             "  liaison-hq import holidays --data-dir DIR FILE\n"
             "  liaison-hq import activities --data-dir DIR FILE.csv\n"
             "  liaison-hq quarter close --data-dir DIR [--by NAME] 2025Q1\n"
             "  liaison-hq quarter list --data-dir DIR\n"
             "  liaison-hq rules --data-dir DIR\n"
             "  liaison-hq rules set --data-dir DIR [--public-opinion-days N] [--deputy-suggestion-months N]\n"
             "  liaison-hq rules import --data-dir DIR FILE.json\n"
             "  liaison-hq rules list --data-dir DIR\n"
             "  liaison-hq check --data-dir DIR [--quarantine]\n"
             "  liaison-hq audit --data-dir DIR [--from DATE --to DATE] FILE.csv\n"
             "  liaison-hq retention --data-dir DIR\n"
             "  liaison-hq retention set --data-dir DIR --years N\n"
             "  liaison-hq purge --data-dir DIR\n"
             "  liaison-hq migrate --from DIR --to postgresql://…\n"
             "\n"
             "--data-dir defaults to $LIAISON_HQ_DATA_DIR; serve also reads $LIAISON_HQ_LISTEN,\n"
             "$LIAISON_HQ_TLS_CERT and $LIAISON_HQ_TLS_KEY. “liaison-hq COMMAND --help” describes\n"
             "a command; docs/hq.md describes them all.\n"));
}

const char *
liaison_hq_command_summary (const char *command)
{
  static const struct { const char *command; const char *summary; } summaries[] = {
    { "init", N_("Creates the data directory and its headquarters database.") },
    { "serve", N_("Serves the sync protocol to the stations until SIGTERM or SIGINT.") },
    { "station add", N_("Adds a station (or finds it by name) and prints a one-time enrollment code for it.") },
    { "user add", N_("Prints a one-time enrollment code for a headquarters desktop.") },
    { "token list", N_("Lists the tokens: id, role, station, name, created, active or revoked.") },
    { "token revoke", N_("Revokes a token: its next sync is refused.") },
    { "import", N_("Imports deputies, groups, units or stations from a CSV file. All or nothing:\n"
                   "a bad row and nothing is imported.") },
    { "import holidays", N_("Sets the holiday and make-up workday list from FILE, one day a line:\n"
                            "“2025-10-01,holiday,National Day” or “2025-09-28,workday” (a Saturday or Sunday\n"
                            "worked in exchange); 节假日, 休 or 放假 and 调休, 班 or 上班 are read too, as in\n"
                            "“2026-10-01,休,国庆节”. Blank lines and lines starting with # are skipped. The file\n"
                            "is the whole list: it replaces the one stations have (a new headquarters starts\n"
                            "with the State Council’s for 2024 to 2026; keep those years in the file to keep\n"
                            "them); the time limits are kept. All or nothing: a bad line and nothing is imported.") },
    { "import activities", N_("Imports headquarters’ duty activities from a CSV file, one a row: 日期/date,\n"
                              "结束日期/end_date, 类型/kind (the Chinese or the code), 名称/title, 地点/place and\n"
                              "参加代表/deputies (names separated by 、 or commas, each optionally followed by\n"
                              "（请假） or （缺席）); 主办单位/organiser and 备注/note may be added. An activity\n"
                              "already imported with the same kind, date and title is updated, not added again.\n"
                              "Stations receive the activities of their deputies. All or nothing: a bad row\n"
                              "and nothing is imported.") },
    { "check", N_("Finds the stored records that desks would refuse (written before today’s checks)\n"
                  "and says what is wrong with each. With --quarantine, moves them out of the feed\n"
                  "into the quarantine table, so that desks stop receiving them; nothing is deleted.\n"
                  "Exits with 1 while such records are still in the feed.") },
    { "rules", N_("Shows the time limits of the closed loop and the size of the holiday list.") },
    { "rules set", N_("Sets the default time limits that referrals get: for a public-opinion item in\n"
                      "working days after the referral day, for a deputy’s suggestion in calendar months.\n"
                      "Stations get them at their next sync. Due dates already set do not change.") },
    { "rules import", N_("Sets the duty points rules from a JSON file: one rule set, or an array of them, in\n"
                         "the form of docs/duty-record.md (effective_from, reception_cap_per_quarter, points).\n"
                         "A set replaces the one with the same effective date. A quarter is scored with the\n"
                         "set in force on its first day. Every station gets them at its next sync. All or\n"
                         "nothing: a bad set and nothing is stored.") },
    { "rules list", N_("Lists the duty points rule sets headquarters has set, by effective date.") },
    { "retention", N_("Shows how long visitors’ names, phones and communities are kept.") },
    { "retention set", N_("Sets how many years visitors’ names, phones and communities are kept after a\n"
                          "reception’s matters end (1 to 30; 3 until set). Every desk gets it at its next\n"
                          "sync; the server purges with it at its next run.") },
    { "migrate", N_("Copies the SQLite headquarters in DIR (its hq.db) into an empty PostgreSQL database, in one\n"
                    "transaction, and checks every table and every kind of record by count and digest on both\n"
                    "sides before committing; a difference and nothing is committed. Then DIR/database names\n"
                    "the PostgreSQL database, so that “liaison-hq serve --data-dir DIR” uses it; hq.db is only\n"
                    "read, and kept. Stop the server first.") },
    { "purge", N_("Purges now what the retention period says is due, as “liaison-hq serve” does at\n"
                  "start-up and once a day: the visitors’ names, phones and communities become\n"
                  "“(已按期删除)” at the server, and every desk holding them purges them at its next sync.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    if (g_str_equal (summaries[i].command, command))
      return _(summaries[i].summary);
  return NULL;
}

int
liaison_hq_usage_error (const char *format,
                        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "liaison-hq: %s\n\n", message);
  liaison_hq_print_usage (stderr);
  return LIAISON_HQ_EXIT_USAGE;
}

int
liaison_hq_fail (const GError *error)
{
  fprintf (stderr, "liaison-hq: %s\n", error->message);
  return EXIT_FAILURE;
}

GOptionContext *
liaison_hq_command_context (const char *command)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, liaison_hq_command_summary (command));
  return context;
}

GStrv
liaison_hq_command_args (const char  *command,
                         int          argc,
                         char       **argv,
                         int          first)
{
  GStrv args = g_new0 (char *, argc - first + 2);

  args[0] = g_strdup_printf ("liaison-hq %s", command);
  for (int i = first; i < argc; i++)
    args[i - first + 1] = g_strdup (argv[i]);
  return args;
}

gboolean
liaison_hq_command_data_dir (char       **data_dir,
                             const char  *command,
                             GError     **error)
{
  const char *env = g_getenv ("LIAISON_HQ_DATA_DIR");

  if (*data_dir == NULL && env != NULL && *env != '\0')
    *data_dir = g_strdup (env);
  if (*data_dir == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("“liaison-hq %s” needs --data-dir DIR (or $LIAISON_HQ_DATA_DIR)."), command);
      return FALSE;
    }
  return TRUE;
}
