/* liaison-cli.c: the headless commands of the station app.
 *
 *   liaison import [--roster] [--database PATH] FILE.xlsx|FILE.xls|FILE.csv
 *   liaison export [--format xlsx|csv] [--database PATH] --from DATE --to DATE FILE.xlsx|FILE.csv
 *   liaison export [--format xlsx|csv] [--database PATH] --list overdue FILE.xlsx|FILE.csv
 *   liaison points [--database PATH] --quarter 2025Q1 [--group NAME] FILE.pdf|FILE.xlsx|FILE.csv
 *   liaison archive [--database PATH] --deputy NAME-or-UUID [--year YYYY | --from DATE --to DATE] FILE.pdf
 *   liaison report [--database PATH] --period 2025-03|2025Q1|2025|FROM..TO FILE.xlsx|FILE.pdf
 *   liaison print form|blank|ledger [--database PATH] [--reception UUID] [--from DATE --to DATE] FILE.pdf
 *   liaison online list|accept|decline [--database PATH] … (liaison-cli-online.c)
 *
 * A --database PATH may also come before the command (`liaison --database
 * DB online list`), as the window takes it.
 *   liaison demo [--database PATH] [--receptions N] [--seed N] [--days N] [--hq]
 *
 * They run before GTK starts, so they need no display. Exit status: 0 done,
 * 1 failed (the message says why), 2 the command was not understood.
 */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli-private.h"
#include "liaison-demo.h"
#include "liaison-follow-up-export.h"
#include "liaison-ledger.h"
#include "liaison-points-report.h"
#include "liaison-privacy.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-store.h"
#include "liaison-validate.h"

#define EXIT_FAILED LIAISON_CLI_EXIT_FAILED
#define EXIT_USAGE  LIAISON_CLI_EXIT_USAGE

typedef int (*CommandFunc) (char **args);

typedef struct {
  const char  *name;
  CommandFunc  run;
} Command;

static int run_import (char **args);
static int run_export (char **args);
static int run_points (char **args);
static int run_demo (char **args);

static const Command commands[] = {
  { "import", run_import },
  { "export", run_export },
  { "points", run_points },
  { "archive", liaison_cli_run_archive },
  { "report", liaison_cli_run_report },
  { "print",  liaison_cli_run_print },
  { "online", liaison_cli_run_online },
  { "demo",   run_demo },
};

/* Where the command is in @argv: 1, or after a --database PATH (or
 * --database=PATH, -d PATH) given first, as the window takes it
 * (`liaison --database DB online list`); 0 if there is none. */
static int
command_at (int    argc,
            char **argv)
{
  int at = 1;

  if (argc >= 2 && argv[1] != NULL && g_str_has_prefix (argv[1], "--database="))
    at = 2;
  else if (argc >= 2 && argv[1] != NULL && (strcmp (argv[1], "--database") == 0 || strcmp (argv[1], "-d") == 0))
    at = 3;
  if (at >= argc || argv[at] == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[at], commands[i].name) == 0)
      return at;
  return 0;
}

gboolean
liaison_cli_is_command (int    argc,
                        char **argv)
{
  return command_at (argc, argv) > 0;
}

GOptionContext *
liaison_cli_option_context_new (const char         *parameters,
                                const char         *summary,
                                const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  /* Strings given here are msgids: GOptionContext translates them. */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

int
liaison_cli_usage_error (const char *command,
                         const char *message)
{
  g_printerr ("%s\n", message);
  g_printerr (_("Run “liaison %s --help” to see how to use it.\n"), command);
  return EXIT_USAGE;
}

gboolean
liaison_cli_parse_options (GOptionContext   *context,
                           const char       *command,
                           char           ***args,
                           int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = liaison_cli_usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The one FILE argument, or a usage error. */
static const char *
single_file (char       **args,
             const char  *command,
             int         *status)
{
  guint n = g_strv_length (args);

  if (n < 2)
    {
      *status = liaison_cli_usage_error (command, _("Name the CSV file."));
      return NULL;
    }
  if (n > 2)
    {
      *status = liaison_cli_usage_error (command, _("Name only one CSV file."));
      return NULL;
    }
  return args[1];
}

LiaisonStore *
liaison_cli_open_store (char **database)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store;

  if (*database == NULL)
    *database = liaison_store_default_path ();
  store = liaison_store_open (*database, &error);
  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

LiaisonStore *
liaison_cli_open_existing_store (char **database)
{
  if (*database == NULL)
    *database = liaison_store_default_path ();
  if (!g_file_test (*database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("There is no database at %s. Open Liaison once to set up the station, or make a demo database with “liaison demo”.\n"),
                  *database);
      return NULL;
    }
  return liaison_cli_open_store (database);
}

static int
run_import (char **argv)
{
  g_autofree char *database = NULL;
  gboolean roster = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The station database to import into (default: the app’s own)"), N_("PATH") },
    { "roster", 'r', 0, G_OPTION_ARG_NONE, &roster,
      N_("The file is the deputy roster (姓名, 层级, 代表小组, 联络站, 专业, 电话), not receptions"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) already = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  const char *path;
  guint n = 0;
  int status = 0;

  context = liaison_cli_option_context_new (N_("FILE.xlsx|FILE.xls|FILE.csv"),
                             N_("Adds the receptions of a station ledger (台账): an Excel or WPS workbook (.xlsx, or .xls from Excel 97–2003), its first sheet, "
                                "or a CSV file saved by Excel or WPS, in UTF-8 or GB18030. "
                                "A row names the columns: 接待日期, 接待代表, 来访人, 联系电话, 人数, 所在社区, 类别, 反映内容, 办理情况, "
                                "and optionally 接待方式, 同意联系, 当场办结; in a workbook, title rows above it are skipped and dates may be dates or text. "
                                "If any row has a problem, nothing is imported and every bad row is listed by line (a workbook's row number). "
                                "A row this station already holds (the same date and time, visitors and content) is listed by line and not imported again."),
                             entries);
  if (!liaison_cli_parse_options (context, "import", &args, &status))
    return status;
  if ((path = single_file (args, "import", &status)) == NULL)
    return status;
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  file = g_file_new_for_commandline_arg (path);
  already = g_array_new (FALSE, FALSE, sizeof (guint));
  if (roster ? !liaison_ledger_import_deputies (store, file, &n, &error)
             : !liaison_ledger_import_receptions_full (store, file, &n, already, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  if (roster)
    g_print (ngettext ("Imported %u deputy from %s into the roster in %s.\n",
                       "Imported %u deputies from %s into the roster in %s.\n", n),
             n, path, database);
  else
    g_print (ngettext ("Imported %u reception from %s into %s.\n",
                       "Imported %u receptions from %s into %s.\n", n),
             n, path, database);
  if (already->len > 0)
    {
      g_autofree char *text = liaison_ledger_already_imported_text (already);

      g_print ("%s\n", text);
    }
  return 0;
}

gboolean
liaison_cli_contacts_reason (const char   *command,
                             gboolean      with_contacts,
                             const char   *reason_text,
                             const char  **contacts_reason,
                             int          *status)
{
  g_autoptr(GError) error = NULL;

  *contacts_reason = NULL;
  if (!with_contacts && reason_text != NULL)
    {
      *status = liaison_cli_usage_error (command, _("--reason says why full contacts are needed: give it with --with-contacts."));
      return FALSE;
    }
  if (!with_contacts)
    return TRUE;
  if (!liaison_privacy_check_reason (reason_text, &error))
    {
      g_printerr ("%s\n", error->message);
      *status = LIAISON_CLI_EXIT_FAILED;
      return FALSE;
    }
  *contacts_reason = reason_text;
  return TRUE;
}

char *
liaison_cli_date_only (const char *text)
{
  char *normalized = liaison_normalize_datetime (text);

  if (normalized != NULL)
    normalized[10] = '\0';
  return normalized;
}

/* liaison export --list NAME FILE: a list of the Follow-up page, as the
 * page reads it today. */
static int
export_list (const char  *name,
             gboolean     dated,
             const char  *format_name,
             const char  *contacts_reason,
             char       **database,
             const char  *path)
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonLedgerFormat format;
  LiaisonLoopList list;
  guint n = 0;

  if (dated)
    return liaison_cli_usage_error ("export", _("A list is exported as it stands today: give --list without --from and --to."));
  if (!liaison_follow_up_list_from_name (name, &list))
    {
      /* Translators: %s is the name given, the second %s the names known */
      g_printerr (_("“%s” is not a list of the Follow-up page: use one of %s.\n"), name, liaison_follow_up_list_names ());
      return EXIT_FAILED;
    }
  /* Checked before the database is opened, so that nothing is written. */
  if (!liaison_ledger_format_for_path (path, format_name, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  store = liaison_cli_open_existing_store (database);
  if (store == NULL)
    return EXIT_FAILED;
  file = g_file_new_for_commandline_arg (path);
  if (!liaison_follow_up_export (store, list, 0, NULL, file, format, contacts_reason, &n, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  /* Translators: %s is the list's title, the second %s the file */
  g_print (ngettext ("Exported %u suggestion (%s) to %s.\n", "Exported %u suggestions (%s) to %s.\n", n),
           n, liaison_follow_up_list_title (list), path);
  return 0;
}

static int
run_export (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *list_name = NULL;
  g_autofree char *reason_text = NULL;
  gboolean with_contacts = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("xlsx (a workbook) or csv (default: the file’s extension)"), N_("FORMAT") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The station database to export from (default: the app’s own)"), N_("PATH") },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from,
      N_("The first day to export, as 2024-01-01"), N_("DATE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The last day to export, as 2024-12-31"), N_("DATE") },
    { "list", 'l', 0, G_OPTION_ARG_STRING, &list_name,
      N_("Export a list of the Follow-up page instead: tell-citizen, to-take-up, to-refer, overdue, due-soon, key-supervision or unsatisfied"), N_("LIST") },
    LIAISON_CLI_CONTACTS_OPTIONS (&with_contacts, &reason_text),
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  LiaisonLedgerFormat format;
  const char *path;
  const char *contacts_reason = NULL;
  guint n = 0;
  int status = 0;

  context = liaison_cli_option_context_new (N_("FILE.xlsx|FILE.csv"),
                             N_("Writes the receptions received between two dates (both included) as a ledger that Excel and WPS open, "
                                "with the same columns that “liaison import” reads: FILE.xlsx is a workbook, its dates dates and its "
                                "party sizes numbers; FILE.csv is UTF-8 with a BOM. With --list, writes every suggestion of that list "
                                "of the Follow-up page instead, as it stands today. Phones are masked (138****5678); with --with-contacts "
                                "--reason TEXT, a visitor who agreed to be contacted has theirs in full, and the access log says why."),
                             entries);
  if (!liaison_cli_parse_options (context, "export", &args, &status))
    return status;
  if ((path = single_file (args, "export", &status)) == NULL)
    return status;
  if (!liaison_cli_contacts_reason ("export", with_contacts, reason_text, &contacts_reason, &status))
    return status;
  if (list_name != NULL)
    return export_list (list_name, from != NULL || to != NULL, format_name, contacts_reason, &database, path);
  if (from == NULL || to == NULL)
    return liaison_cli_usage_error ("export", _("Give the first and the last day to export with --from and --to, such as --from 2024-01-01 --to 2024-12-31."));

  /* Checked before the database is opened, so that nothing is written. */
  if (!liaison_ledger_format_for_path (path, format_name, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  from_day = liaison_cli_date_only (from);
  to_day = liaison_cli_date_only (to);
  if (from_day == NULL || to_day == NULL)
    {
      g_printerr (_("“%s” is not a date; write it as 2024-03-05.\n"), from_day == NULL ? from : to);
      return EXIT_FAILED;
    }
  if (strcmp (from_day, to_day) > 0)
    {
      g_printerr (_("The first day, %s, is after the last day, %s: nothing was exported.\n"),
                  from_day, to_day);
      return EXIT_FAILED;
    }
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  file = g_file_new_for_commandline_arg (path);
  if (!liaison_ledger_export_receptions_as (store, from_day, to_day, file, format, contacts_reason, &n, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  g_print (ngettext ("Exported %u reception (%s to %s) to %s.\n",
                     "Exported %u receptions (%s to %s) to %s.\n", n),
           n, from_day, to_day, path);
  return 0;
}

static int
run_points (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *quarter_text = NULL;
  g_autofree char *group = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database to report from (default: the app’s own)"), N_("PATH") },
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &quarter_text,
      N_("The quarter to report, as 2025Q1"), N_("QUARTER") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_("Only this deputy group (default: every group)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonPointsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quarter_name = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  LiaisonPointsReportFormat format;
  LiaisonQuarter quarter;
  const char *path;
  guint n_deputies = 0;
  int status = 0;

  context = liaison_cli_option_context_new (N_("FILE.pdf|FILE.xlsx|FILE.csv"),
                             N_("Writes the quarterly points report (季度积分通报): each deputy group’s deputies ranked by their points, "
                                "with their duty days and main items, and the group’s total and average, scored with the default points rules. "
                                "FILE.pdf is an A4 document to print; FILE.xlsx is a workbook for Excel and WPS; FILE.csv is UTF-8 with a BOM."),
                             entries);
  if (!liaison_cli_parse_options (context, "points", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return liaison_cli_usage_error ("points", _("Name one report file, FILE.pdf, FILE.xlsx or FILE.csv."));
  path = args[1];
  if (quarter_text == NULL)
    return liaison_cli_usage_error ("points", _("Give the quarter to report with --quarter, such as --quarter 2025Q1."));

  /* Checked before the database is opened, so that nothing is written. */
  if (!liaison_quarter_parse (quarter_text, &quarter, &error) ||
      !liaison_points_report_format_for_path (path, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  report = liaison_points_report_build (store, quarter, group, &error);
  if (report == NULL || !liaison_points_report_write (report, path, format, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }

  quarter_name = liaison_quarter_format (quarter);
  for (guint g = 0; g < report->groups->len; g++)
    n_deputies += ((LiaisonPointsReportGroup *) g_ptr_array_index (report->groups, g))->rows->len;
  g_print (ngettext ("Wrote the points of %u deputy for %s to %s.\n",
                     "Wrote the points of %u deputies for %s to %s.\n", n_deputies),
           n_deputies, quarter_name, path);
  return 0;
}

static int
run_demo (char **argv)
{
  g_autofree char *database = NULL;
  int n_receptions = 1000;
  int seed = 1;
  int n_days = 365;
  gboolean hq = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database to fill; it is made if missing (default: the app’s own)"), N_("PATH") },
    { "receptions", 'n', 0, G_OPTION_ARG_INT, &n_receptions,
      N_("How many receptions to add (default: 1000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed,
      N_("The same seed makes the same data (default: 1)"), N_("N") },
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days,
      N_("Spread the receptions over this many days up to today (default: 365)"), N_("N") },
    { "hq", 0, 0, G_OPTION_ARG_NONE, &hq,
      N_("Make the database a headquarters replica with no server, with receptions from a dozen stations, "
         "to show headquarters’ screens"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  LiaisonDemoOptions options = { 0, };
  LiaisonFigures figures = { 0, };
  GDate today;
  guint n_before, n_after, n_suggestions;
  int status = 0;

  context = liaison_cli_option_context_new (NULL,
                             N_("Fills a database with a realistic demo city: its stations, deputy groups, deputies and "
                                "handling units, and receptions at this station whose suggestions have been taken up, referred, "
                                "replied to and rated. Sets the station up first if needed."),
                             entries);
  if (!liaison_cli_parse_options (context, "demo", &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return liaison_cli_usage_error ("demo", _("The demo command takes no file."));
  if (n_receptions < 0 || seed < 0 || n_days < 1)
    return liaison_cli_usage_error ("demo", _("--receptions and --seed cannot be negative, and --days must be at least 1."));
  store = liaison_cli_open_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  options.n_receptions = (guint) n_receptions;
  options.seed = (guint32) seed;
  options.n_days = (guint) n_days;
  options.hq = hq;
  options.loop_histories = TRUE;
  n_before = liaison_store_count_receptions (store, NULL, NULL);
  timer = g_timer_new ();
  if (!liaison_demo_generate (store, &options, &error))
    {
      g_printerr (_("The demo data could not be made: %s\n"), error->message);
      return EXIT_FAILED;
    }
  g_timer_stop (timer);

  station = liaison_store_get_local_station (store);
  stations = liaison_store_list_stations (store, NULL);
  deputies = liaison_store_list_deputies (store, NULL, NULL);
  groups = liaison_store_list_deputy_groups (store, NULL);
  n_after = liaison_store_count_receptions (store, NULL, NULL);
  n_suggestions = liaison_store_count_suggestions (store, NULL, NULL);

  g_print (ngettext ("Added %u reception at %s to %s in %.1f seconds.\n",
                     "Added %u receptions at %s to %s in %.1f seconds.\n", n_after - n_before),
           n_after - n_before, station ? station->name : "?", database, g_timer_elapsed (timer, NULL));
  g_print (_("The database now holds %u stations, %u deputies in %u groups, %u receptions and %u suggestions.\n"),
           stations ? stations->len : 0, deputies ? deputies->len : 0, groups ? groups->len : 0,
           n_after, n_suggestions);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  }
  if (liaison_store_compute_figures (store, NULL, NULL, &today, &figures, NULL))
    g_print (_("Of the suggestions, %u are resolved, %u are overdue now and %u are under key supervision.\n"),
             figures.resolved, figures.overdue, figures.key_supervision);
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ)
    g_print (_("The database is a headquarters replica with no server: open it with “liaison --database %s”.\n"),
             database);
  return 0;
}

int
liaison_cli_main (int    argc,
                  char **argv)
{
  int at = command_at (argc, argv);

  g_return_val_if_fail (at > 0, EXIT_USAGE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[at], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("liaison %s", commands[i].name);
        g_autoptr(GPtrArray) args = g_ptr_array_new ();

        /* "liaison import" in usage lines and messages; a --database
         * given before the command goes with its options. */
        g_set_prgname (prgname);
        g_ptr_array_add (args, prgname);
        for (int a = 1; a < at; a++)
          g_ptr_array_add (args, argv[a]);
        for (int a = at + 1; a < argc; a++)
          g_ptr_array_add (args, argv[a]);
        g_ptr_array_add (args, NULL);
        return commands[i].run ((char **) args->pdata);
      }
  return EXIT_USAGE;
}
