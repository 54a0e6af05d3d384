/* liaison-hq-retention.c: `liaison-hq retention [set --years N]` and
 * `liaison-hq purge`: headquarters' retention period, kept in the loop
 * rules and synced with them, and the purge run by hand
 * (liaison-hq-retention.h, docs/hq.md). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "liaison-calendar.h"
#include "liaison-hq-purge.h"
#include "liaison-hq-retention.h"
#include "liaison-hq-store.h"
#include "liaison-hq-usage.h"
#include "liaison-loop-rules.h"
#include "liaison-retention.h"

typedef struct {
  char  *data_dir;
  int    years;
  char **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse (int         argc,
       char      **argv,
       const char *command,
       gboolean    with_years,
       Options    *options,
       GError    **error)
{
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir, N_("The data directory (holds hq.db)"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };
  GOptionEntry years_entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &options->years,
      N_("Years a visitor’s name, phone and community are kept after the matter ends"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = liaison_hq_command_context (command);
  g_auto(GStrv) args = liaison_hq_command_args (command, argc, argv, 0);

  options->years = G_MININT;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (with_years)
    g_option_context_add_main_entries (context, years_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  if (!liaison_hq_command_data_dir (&options->data_dir, command, error))
    return FALSE;
  if (options->rest != NULL && options->rest[0] != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("“liaison-hq %s” takes no argument “%s”."), command, options->rest[0]);
      return FALSE;
    }
  return TRUE;
}

static void
print_period (guint years)
{
  printf (ngettext ("Visitors’ names, phones and communities are kept %u year after a reception’s matters "
                    "end (every suggestion under it closed or withdrawn; the reception’s day if it has none), "
                    "then purged at headquarters and at every desk.\n",
                    "Visitors’ names, phones and communities are kept %u years after a reception’s matters "
                    "end (every suggestion under it closed or withdrawn; the reception’s day if it has none), "
                    "then purged at headquarters and at every desk.\n", years),
          years);
}

static int
command_show (LiaisonHqStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = liaison_hq_store_get_loop_rules (store, NULL, &error);

  if (rules == NULL)
    return liaison_hq_fail (error);
  print_period (rules->retention_years);
  return EXIT_SUCCESS;
}

static int
command_set (LiaisonHqStore *store,
             int             years)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  gboolean changed = FALSE;

  /* Read and write under one lock: the rest of the rules kept is the latest. */
  if (!liaison_hq_store_begin (store, &error))
    return liaison_hq_fail (error);
  rules = liaison_hq_store_get_loop_rules (store, NULL, &error);
  if (rules == NULL)
    goto failed;
  rules->retention_years = (guint) years;
  if (!liaison_hq_store_save_loop_rules (store, rules, &changed, &error) ||
      !liaison_hq_store_commit (store, &error))
    goto failed;
  if (changed)
    printf (_("Retention period set; every desk gets it at its next sync, and the server purges with it from its next run.\n"));
  else
    printf (_("The retention period was already this; nothing was changed.\n"));
  print_period (rules->retention_years);
  return EXIT_SUCCESS;

failed:
  liaison_hq_store_rollback (store);
  return liaison_hq_fail (error);
}

static int
command_purge (LiaisonHqStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *cutoff = NULL;
  g_autofree char *said = NULL;
  LiaisonHqPurgeReport report;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!liaison_hq_purge_run (store, &today, &report, &error))
    return liaison_hq_fail (error);
  cutoff = liaison_date_to_iso (&report.cutoff);
  said = liaison_hq_purge_describe (&report);
  /* Translators: %s is a day, 2023-12-05 */
  printf (_("Matters that ended on or before %s are due.\n"), cutoff);
  printf ("%s\n", said);
  return EXIT_SUCCESS;
}

int
liaison_hq_retention_command (int    argc,
                              char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStore) store = NULL;
  gboolean purge = g_str_equal (argv[0], "purge");
  gboolean set = !purge && argc >= 2 && g_str_equal (argv[1], "set");
  const char *command = purge ? "purge" : set ? "retention set" : "retention";

  if (!parse (argc - (set ? 2 : 1), argv + (set ? 2 : 1), command, set, &options, &error))
    return liaison_hq_usage_error ("%s", error->message);
  if (set && options.years == G_MININT)
    return liaison_hq_usage_error (_("“liaison-hq retention set” needs --years N."));
  if (set && (options.years < LIAISON_RETENTION_MIN_YEARS || options.years > LIAISON_RETENTION_MAX_YEARS))
    {
      fprintf (stderr, _("liaison-hq: The retention period must be %d to %d years. Nothing was changed.\n"),
               LIAISON_RETENTION_MIN_YEARS, LIAISON_RETENTION_MAX_YEARS);
      return EXIT_FAILURE;
    }

  store = liaison_hq_store_open (options.data_dir, &error);
  if (store == NULL)
    return liaison_hq_fail (error);
  if (purge)
    return command_purge (store);
  if (set)
    return command_set (store, options.years);
  return command_show (store);
}
