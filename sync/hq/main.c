/* main.c: liaison-hq, the headquarters server, and its commands (docs/hq.md
 * describes each). Commands print what they did on stdout and a clear message
 * on stderr when they fail (exit 1); a wrong command line exits 2. */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "liaison-hq-audit.h"
#include "liaison-hq-check.h"
#include "liaison-hq-import.h"
#include "liaison-hq-migrate.h"
#include "liaison-hq-points-rules.h"
#include "liaison-hq-retention.h"
#include "liaison-hq-quarter.h"
#include "liaison-hq-server.h"
#include "liaison-hq-serving.h"
#include "liaison-hq-station.h"
#include "liaison-hq-store.h"
#include "liaison-hq-usage.h"
#include "liaison-hq-web.h"
#include "liaison-locale.h"
#include "liaison-hq-reports.h"
#include "liaison-protocol.h"
#include "liaison-records.h"
#include "liaison-loop-rules.h"

/* Undoes what the command began and says why it failed. */
static int
fail_rollback (LiaisonHqStore *store,
               GError         *error)
{
  liaison_hq_store_rollback (store);
  return liaison_hq_fail (error);
}

typedef struct {
  char *data_dir;
  char *database;                /* a postgresql:// URI, or NULL */
  char *listen;
  char *tls_cert;
  char *tls_key;
  char *kind;
  char *district;
  char *address;
  char *role;
  int public_opinion_days;       /* NOT_GIVEN or what was typed */
  int deputy_suggestion_months;
  gboolean quarantine;
  gint64 files_per_day;          /* -1 when not given */
  gint64 mib_per_day;
  gboolean no_compression;
  LiaisonHqWebConfig web;        /* the public site (sync/hq/web/) */
  char **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_free (options->database);
  g_free (options->listen);
  g_free (options->tls_cert);
  g_free (options->tls_key);
  g_free (options->kind);
  g_free (options->district);
  g_free (options->address);
  g_free (options->role);
  liaison_hq_web_config_clear (&options->web);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

#define NOT_GIVEN G_MININT

typedef enum {
  OPTIONS_COMMON  = 0,
  OPTIONS_SERVE   = 1 << 0,
  OPTIONS_STATION = 1 << 1,
  OPTIONS_USER    = 1 << 2,
  OPTIONS_RULES   = 1 << 3,
  OPTIONS_CHECK   = 1 << 4,
} OptionSet;

/* Parses the options after the command words. Returns FALSE on a usage
 * error (already printed). */
static gboolean
parse_options (int          argc,
               char       **argv,
               const char  *command,
               OptionSet    sets,
               Options     *options)
{
  GOptionEntry common[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir, N_("The data directory (holds hq.db)"), N_("DIR") },
    { "database", 0, 0, G_OPTION_ARG_STRING, &options->database, N_("A PostgreSQL database to keep the store in, not DIR/hq.db"), N_("postgresql://…") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };
  GOptionEntry serve_entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options->listen, N_("Address and port to listen on"), N_("HOST:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_cert, N_("TLS certificate (PEM) for HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_key, N_("TLS private key (PEM) for HTTPS"), N_("FILE") },
    { "attachment-files-per-day", 0, 0, G_OPTION_ARG_INT64, &options->files_per_day,
      N_("Attachment files a station may upload a day (0: no limit)"), N_("N") },
    { "attachment-mib-per-day", 0, 0, G_OPTION_ARG_INT64, &options->mib_per_day,
      N_("Attachment megabytes (MiB) a station may upload a day (0: no limit)"), N_("N") },
    { "no-compression", 0, 0, G_OPTION_ARG_NONE, &options->no_compression,
      N_("Answer without gzip, and do not offer it for requests"), NULL },
    { NULL }
  };
  GOptionEntry station_entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, N_("station, point, home or studio"), N_("KIND") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &options->district, N_("The district or county"), N_("DISTRICT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &options->address, N_("The station’s address"), N_("ADDRESS") },
    { NULL }
  };
  GOptionEntry user_entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &options->role, N_("The role: hq"), N_("ROLE") },
    { NULL }
  };
  GOptionEntry rules_entries[] = {
    { "public-opinion-days", 0, 0, G_OPTION_ARG_INT, &options->public_opinion_days,
      N_("Time limit of a public-opinion item, in working days"), N_("N") },
    { "deputy-suggestion-months", 0, 0, G_OPTION_ARG_INT, &options->deputy_suggestion_months,
      N_("Time limit of a deputy’s suggestion, in months"), N_("N") },
    { NULL }
  };
  GOptionEntry check_entries[] = {
    { "quarantine", 0, 0, G_OPTION_ARG_NONE, &options->quarantine,
      N_("Move the records found out of the feed, into the quarantine table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = liaison_hq_command_context (command);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = liaison_hq_command_args (command, argc, argv, 0);

  options->public_opinion_days = NOT_GIVEN;
  options->deputy_suggestion_months = NOT_GIVEN;
  options->files_per_day = -1;
  options->mib_per_day = -1;

  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (sets & OPTIONS_SERVE)
    {
      g_option_context_add_main_entries (context, serve_entries, GETTEXT_PACKAGE);
      g_option_context_add_main_entries (context, liaison_hq_web_config_entries (&options->web), GETTEXT_PACKAGE);
    }
  if (sets & OPTIONS_STATION)
    g_option_context_add_main_entries (context, station_entries, GETTEXT_PACKAGE);
  if (sets & OPTIONS_USER)
    g_option_context_add_main_entries (context, user_entries, GETTEXT_PACKAGE);
  if (sets & OPTIONS_RULES)
    g_option_context_add_main_entries (context, rules_entries, GETTEXT_PACKAGE);
  if (sets & OPTIONS_CHECK)
    g_option_context_add_main_entries (context, check_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      liaison_hq_usage_error ("%s", error->message);
      return FALSE;
    }
  if (!liaison_hq_command_data_dir (&options->data_dir, command, &error))
    {
      liaison_hq_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static guint
n_rest (const Options *options)
{
  return options->rest != NULL ? g_strv_length (options->rest) : 0;
}

/* Opens the database the options name; NULL, having said why, if it cannot. */
static LiaisonHqStore *
open_store (const Options *options)
{
  g_autoptr(GError) error = NULL;
  LiaisonHqStore *store = liaison_hq_store_open_in (options->data_dir, options->database, &error);

  if (store == NULL)
    liaison_hq_fail (error);
  return store;
}

/* "12 holidays", "3 make-up workdays": the size of a holiday list. */
static void
count_calendar_days (guint   n_holidays,
                     guint   n_workdays,
                     char  **holidays,
                     char  **workdays)
{
  *holidays = g_strdup_printf (ngettext ("%u holiday", "%u holidays", n_holidays), n_holidays);
  *workdays = g_strdup_printf (ngettext ("%u make-up workday", "%u make-up workdays", n_workdays), n_workdays);
}

static int
command_init (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (argc, argv, "init", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq init” takes no argument “%s”."), options.rest[0]);

  store = liaison_hq_store_create_in (options.data_dir, options.database, &error);
  if (store == NULL)
    return liaison_hq_fail (error);
  printf (_("Created the headquarters database %s with the 10 standard categories.\n"),
          liaison_hq_store_describe (store));
  {
    g_autoptr(LiaisonCalendar) official = liaison_calendar_new_official ();

    /* Translators: the years are those of resources/holidays-cn.txt */
    printf (_("Holidays: the State Council’s published holidays and make-up workdays (%u and %u days, 2024 to 2026); "
              "change them with “liaison-hq import holidays”.\n"),
            official->holidays->len, official->workdays->len);
  }
  printf (_("Server id: %s\n"), liaison_hq_store_get_server_id (store));
  printf (_("Next: add stations with “liaison-hq station add”, then start the server with “liaison-hq serve”.\n"));
  return EXIT_SUCCESS;
}

static GMainLoop *serve_loop;

static gboolean
on_signal (gpointer user_data)
{
  fprintf (stderr, _("liaison-hq: %s received, stopping.\n"), (const char *) user_data);
  g_main_loop_quit (serve_loop);
  return G_SOURCE_CONTINUE;
}

static const char *
env_or (const char *value,
        const char *variable)
{
  const char *env = g_getenv (variable);

  if (value != NULL)
    return value;
  return env != NULL && *env != '\0' ? env : NULL;
}

static int
command_serve (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(LiaisonHqServing) serving = NULL;  /* the mark that this process serves */
  g_autoptr(LiaisonHqServer) server = NULL;
  g_autoptr(LiaisonHqWeb) web = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  LiaisonHqQuota quota = { 0 };
  const char *listen;
  guint term_id, int_id;

  if (!parse_options (argc, argv, "serve", OPTIONS_SERVE, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq serve” takes no argument “%s”."), options.rest[0]);
  if (!liaison_hq_quota_from_options (options.files_per_day, options.mib_per_day, &quota, &error))
    return liaison_hq_usage_error ("%s", error->message);
  listen = env_or (options.listen, "LIAISON_HQ_LISTEN");
  if (listen == NULL)
    listen = "127.0.0.1:8600";

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  serving = liaison_hq_serving_hold (options.data_dir, liaison_hq_store_get_db (store), &error);
  if (serving == NULL)
    return liaison_hq_fail (error);
  server = liaison_hq_server_new (store);
  liaison_hq_server_set_quota (server, &quota);
  liaison_hq_server_set_compression (server, !options.no_compression &&
                                     g_strcmp0 (g_getenv ("LIAISON_HQ_COMPRESSION"), "off") != 0);
  url = liaison_hq_server_listen (server, listen,
                                  env_or (options.tls_cert, "LIAISON_HQ_TLS_CERT"),
                                  env_or (options.tls_key, "LIAISON_HQ_TLS_KEY"),
                                  &error);
  if (url == NULL)
    {
      g_autoptr(GError) wrapped = g_error_new (error->domain, error->code,
                                               _("Could not listen on %s: %s"), listen, error->message);
      return liaison_hq_fail (wrapped);
    }
  web = liaison_hq_web_start (store, &options.web, &error);  /* NULL: no public site */
  if (error != NULL)
    return liaison_hq_fail (error);

  serve_loop = g_main_loop_new (NULL, FALSE);
  term_id = g_unix_signal_add (SIGTERM, on_signal, (gpointer) "SIGTERM");
  int_id = g_unix_signal_add (SIGINT, on_signal, (gpointer) "SIGINT");
  liaison_hq_purge_schedule (store);  /* now, then daily (docs/privacy.md) */
  g_printerr ("liaison-hq: room for %u connections at once\n", liaison_hq_server_get_max_connections (server));
  /* Not translated: scripts and tests read this line. */
  printf ("liaison-hq listening on %s\n", url);
  if (web != NULL)
    printf ("liaison-hq public site on %s\n", liaison_hq_web_get_url (web));
  fflush (stdout);

  g_main_loop_run (serve_loop);

  g_source_remove (term_id);
  g_source_remove (int_id);
  liaison_hq_server_stop (server);
  g_clear_object (&server);
  g_clear_object (&web);
  liaison_hq_store_close (store);
  g_clear_pointer (&serve_loop, g_main_loop_unref);
  fprintf (stderr, _("liaison-hq: stopped; the database is closed.\n"));
  return EXIT_SUCCESS;
}

static int
command_station_add (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  LiaisonStationKind kind = LIAISON_STATION_KIND_STATION;
  gboolean exists;

  if (!parse_options (argc, argv, "station add", OPTIONS_STATION, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) != 1)
    return liaison_hq_usage_error (_("“liaison-hq station add” needs the station’s name, once (quote a name with spaces)."));
  name = g_strstrip (g_strdup (options.rest[0]));
  if (*name == '\0')
    return liaison_hq_usage_error (_("The station’s name cannot be empty."));
  if (options.kind != NULL && !liaison_station_kind_parse (options.kind, &kind))
    return liaison_hq_usage_error (_("“%s” is not a kind of station: use station, point, home or studio."), options.kind);
  problem = liaison_hq_station_address_problem (options.address != NULL ? g_strstrip (options.address) : NULL);
  if (problem != NULL)
    return liaison_hq_usage_error ("%s", problem);

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  if (!liaison_hq_store_begin (store, &error))
    return liaison_hq_fail (error);

  exists = liaison_hq_store_find_by_name (store, LIAISON_KIND_STATION, name, &uuid, &data, &error);
  if (error != NULL)
      return fail_rollback (store, error);
  if (!exists)
    {
      data = json_object_new ();
      json_object_set_string_member (data, "name", name);
      /* A station is its own origin. */
      uuid = g_uuid_string_random ();
    }
  /* On a station already there, what is given changes it (docs/hq.md). */
  if (!exists || options.kind != NULL || options.district != NULL || options.address != NULL)
    {
      liaison_hq_station_set (data, options.kind != NULL ? liaison_station_kind_to_code (kind) : NULL,
                              options.district, options.address);
      if (!liaison_hq_store_save_record (store, LIAISON_KIND_STATION, uuid, uuid, data, NULL, NULL, &error))
          return fail_rollback (store, error);
    }

  code = liaison_hq_store_add_code (store, LIAISON_HQ_ROLE_STATION, uuid, name, &error);
  if (code == NULL || !liaison_hq_store_commit (store, &error))
      return fail_rollback (store, error);

  if (exists)
    printf (_("Station “%s” (%s) was already there: a new enrollment code for it follows.\n"), name, uuid);
  else
    printf (_("Added station “%s” (%s).\n"), name, uuid);
  printf (_("Give this one-time enrollment code to the station; it enrolls with “liaison enroll” or in the app:\n"));
  printf ("%s\n", code);
  return EXIT_SUCCESS;
}

static int
command_user_add (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (!parse_options (argc, argv, "user add", OPTIONS_USER, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (options.role == NULL || !g_str_equal (options.role, "hq"))
    return liaison_hq_usage_error (_("“liaison-hq user add” needs --role hq (stations get their codes from “liaison-hq station add”)."));
  if (n_rest (&options) != 1)
    return liaison_hq_usage_error (_("“liaison-hq user add” needs the user’s name, once (quote a name with spaces)."));
  name = g_strstrip (g_strdup (options.rest[0]));
  if (*name == '\0')
    return liaison_hq_usage_error (_("The user’s name cannot be empty."));

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  code = liaison_hq_store_add_code (store, LIAISON_HQ_ROLE_HQ, NULL, name, &error);
  if (code == NULL)
    return liaison_hq_fail (error);
  printf (_("Added headquarters user “%s”.\n"), name);
  printf (_("Give this one-time enrollment code to the user; a headquarters desktop enrolls with it:\n"));
  printf ("%s\n", code);
  return EXIT_SUCCESS;
}

static int
command_token_list (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = NULL;

  if (!parse_options (argc, argv, "token list", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq token list” takes no argument “%s”."), options.rest[0]);
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  tokens = liaison_hq_store_list_tokens (store, &error);
  if (tokens == NULL)
    return liaison_hq_fail (error);
  if (tokens->len == 0)
    {
      printf (_("No tokens yet: nothing has enrolled.\n"));
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < tokens->len; i++)
    {
      const LiaisonHqToken *token = g_ptr_array_index (tokens, i);

      /* id, role, station uuid or -, name, created, revoked? (tab-separated) */
      printf ("%s\t%s\t%s\t%s\t%s\t%s\n", token->id, liaison_hq_role_to_string (token->role),
              token->station_uuid != NULL ? token->station_uuid : "-",
              token->name, token->created,
              /* Translators: the state of a token in "liaison-hq token list" */
              token->revoked ? _("revoked") : _("active"));
    }
  return EXIT_SUCCESS;
}

/* What desks set aside from their pulls and reported (liaison-hq-reports.h). */
static int
command_reports (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  if (!parse_options (argc, argv, "reports", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq reports” takes no argument “%s”."), options.rest[0]);
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  reports = liaison_hq_reports_list (store, &error);
  if (reports == NULL)
    return liaison_hq_fail (error);
  if (reports->len == 0)
    printf (_("No desk has reported a record set aside.\n"));
  for (guint i = 0; i < reports->len; i++)
    {
      const LiaisonHqReport *report = g_ptr_array_index (reports, i);

      /* received, who, kind, uuid, version, seq, set aside at, reason, then the text (tab-separated) */
      printf ("%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
              report->received, report->token_name, report->kind, report->uuid, report->version,
              report->seq, report->set_aside_at, report->reason, report->text);
    }
  return EXIT_SUCCESS;
}

static int
command_token_revoke (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqToken) token = NULL;
  gboolean already = FALSE;

  if (!parse_options (argc, argv, "token revoke", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) != 1)
    return liaison_hq_usage_error (_("“liaison-hq token revoke” needs one token id (see “liaison-hq token list”)."));
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  token = liaison_hq_store_revoke_token (store, options.rest[0], &already, &error);
  if (token == NULL)
    return liaison_hq_fail (error);
  if (already)
    printf (_("Token %s (%s, “%s”) was already revoked.\n"), token->id,
            liaison_hq_role_to_string (token->role), token->name);
  else
    printf (_("Revoked token %s (%s, “%s”): its next sync is refused. To enroll again, make a new code.\n"),
            token->id, liaison_hq_role_to_string (token->role), token->name);
  return EXIT_SUCCESS;
}

static int
command_import_holidays (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *holidays = NULL;
  g_autofree char *workdays = NULL;
  LiaisonHqHolidayCounts counts;

  if (!parse_options (argc, argv, "import holidays", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) != 1)
    return liaison_hq_usage_error (_("“liaison-hq import holidays” needs one file of holidays and make-up workdays."));

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  file = g_file_new_for_commandline_arg (options.rest[0]);
  if (!liaison_hq_import_holidays (store, file, &counts, &error))
    return liaison_hq_fail (error);

  count_calendar_days (counts.holidays, counts.workdays, &holidays, &workdays);
  if (counts.changed)
    /* Translators: "Holidays: 12 holidays and 3 make-up workdays; …" */
    printf (_("Holidays: %s and %s; stations get them at their next sync.\n"), holidays, workdays);
  else
    printf (_("Holidays: the server already has this list (%s and %s); nothing was changed.\n"),
            holidays, workdays);
  return EXIT_SUCCESS;
}

static void
print_limits (const LiaisonLoopRules *rules)
{
  for (guint kind = 0; kind < LIAISON_N_LOOP_KINDS; kind++)
    {
      g_autofree char *limit = liaison_time_limit_describe (&rules->limits[kind]);

      /* Translators: "  Public opinion: 15 working days" */
      printf (_("  %s: %s\n"), liaison_loop_kind_label (kind), limit);
    }
}

static int
command_rules_show (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autofree char *holidays = NULL;
  g_autofree char *workdays = NULL;
  gint64 version = 0;

  if (!parse_options (argc, argv, "rules", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq rules” takes no argument “%s” (to change the limits: “liaison-hq rules set”)."),
                                   options.rest[0]);
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  rules = liaison_hq_store_get_loop_rules (store, &version, &error);
  if (rules == NULL)
    return liaison_hq_fail (error);

  printf (_("Time limits, counted from the referral day:\n"));
  print_limits (rules);
  count_calendar_days (rules->calendar->holidays->len, rules->calendar->workdays->len, &holidays, &workdays);
  /* Translators: "Calendar: 12 holidays and 3 make-up workdays." */
  printf (_("Calendar: %s and %s.\n"), holidays, workdays);
  if (version == 0)
    printf (_("These are the defaults: headquarters has not set any rules yet.\n"));
  else
    printf (_("Rules version %d; every station gets them at its next sync.\n"), (int) version);
  return EXIT_SUCCESS;
}

/* Working days beyond a year or months beyond five years are typing mistakes. */
#define MAX_LIMIT_DAYS 250
#define MAX_LIMIT_MONTHS 60

static int
command_rules_set (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  gboolean changed = FALSE;

  if (!parse_options (argc, argv, "rules set", OPTIONS_RULES, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq rules set” takes no argument “%s”."), options.rest[0]);
  if (options.public_opinion_days == NOT_GIVEN && options.deputy_suggestion_months == NOT_GIVEN)
    return liaison_hq_usage_error (_("“liaison-hq rules set” needs --public-opinion-days N, --deputy-suggestion-months N or both."));

  if (options.public_opinion_days != NOT_GIVEN &&
      (options.public_opinion_days < 1 || options.public_opinion_days > MAX_LIMIT_DAYS))
    {
      fprintf (stderr, _("liaison-hq: A public-opinion item’s time limit must be 1 to %d working days. Nothing was changed.\n"),
               MAX_LIMIT_DAYS);
      return EXIT_FAILURE;
    }
  if (options.deputy_suggestion_months != NOT_GIVEN &&
      (options.deputy_suggestion_months < 1 || options.deputy_suggestion_months > MAX_LIMIT_MONTHS))
    {
      fprintf (stderr, _("liaison-hq: A deputy’s suggestion’s time limit must be 1 to %d months. Nothing was changed.\n"),
               MAX_LIMIT_MONTHS);
      return EXIT_FAILURE;
    }

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  /* Read and write under one lock: the holiday list kept is the latest. */
  if (!liaison_hq_store_begin (store, &error))
    return liaison_hq_fail (error);
  rules = liaison_hq_store_get_loop_rules (store, NULL, &error);
  if (rules == NULL)
      return fail_rollback (store, error);
  if (options.public_opinion_days != NOT_GIVEN)
    rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION] = (LiaisonTimeLimit) { (guint) options.public_opinion_days, 0 };
  if (options.deputy_suggestion_months != NOT_GIVEN)
    rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION] = (LiaisonTimeLimit) { 0, (guint) options.deputy_suggestion_months };
  if (!liaison_hq_store_save_loop_rules (store, rules, &changed, &error) ||
      !liaison_hq_store_commit (store, &error))
      return fail_rollback (store, error);

  if (changed)
    printf (_("Time limits set; stations get them at their next sync. Due dates already set do not change.\n"));
  else
    printf (_("The time limits were already these; nothing was changed.\n"));
  print_limits (rules);
  return EXIT_SUCCESS;
}

static int
command_import (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  LiaisonHqImportCounts counts;
  LiaisonHqImportKind kind;

  if (argc >= 1 && g_str_equal (argv[0], "holidays"))
    return command_import_holidays (argc - 1, argv + 1);
  if (argc < 1 || !liaison_hq_import_kind_parse (argv[0], &kind))
    return liaison_hq_usage_error (_("“liaison-hq import” needs what to import: deputies, groups, units, stations, activities or holidays."));
  if (!parse_options (argc - 1, argv + 1, kind == LIAISON_HQ_IMPORT_ACTIVITIES ? "import activities" : "import",
                      OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) != 1)
    return liaison_hq_usage_error (_("“liaison-hq import %s” needs one CSV file."), argv[0]);

  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  file = g_file_new_for_commandline_arg (options.rest[0]);
  if (!liaison_hq_import (store, kind, file, &counts, &error))
    return liaison_hq_fail (error);

  printf (_("Imported %s from %s: %u added, %u updated, %u unchanged.\n"),
          argv[0], options.rest[0], counts.added, counts.updated, counts.unchanged);
  if (counts.groups_added > 0)
    printf (ngettext ("Added %u deputy group named in the file.\n",
                      "Added %u deputy groups named in the file.\n", counts.groups_added),
            counts.groups_added);
  printf (_("Stations receive the changes at their next sync.\n"));
  return EXIT_SUCCESS;
}

/* `rules import FILE.json` and `rules list`: the points rule sets. */
static int
command_points_rules (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;
  gboolean import = g_str_equal (argv[0], "import");

  if (!parse_options (argc - 1, argv + 1, import ? "rules import" : "rules list", OPTIONS_COMMON, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) != (import ? 1u : 0u))
    return liaison_hq_usage_error (import ? _("“liaison-hq rules import” needs one JSON file of points rules.")
                                          : _("“liaison-hq rules list” takes no argument."));
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  return liaison_hq_points_rules_command (store, import ? options.rest[0] : NULL);
}

static int
command_check (int argc, char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(LiaisonHqStore) store = NULL;

  if (!parse_options (argc, argv, "check", OPTIONS_CHECK, &options))
    return LIAISON_HQ_EXIT_USAGE;
  if (n_rest (&options) > 0)
    return liaison_hq_usage_error (_("“liaison-hq check” takes no argument “%s”."), options.rest[0]);
  store = open_store (&options);
  if (store == NULL)
    return EXIT_FAILURE;
  return liaison_hq_check_run (store, options.quarantine);
}

int
main (int   argc,
      char *argv[])
{
  const char *command;

  /* GLib's g_dgettext() decides at its first call, by the locale then, whether to
   * translate at all (never under C.UTF-8): asked before setlocale(), it always
   * will, so the public site's pages follow each request's language (docs/online.md). */
  g_dgettext (GETTEXT_PACKAGE, "");
  liaison_locale_init ();
  /* A client that goes away mid-answer must not kill the server. */
  signal (SIGPIPE, SIG_IGN);

  if (argc < 2)
    return liaison_hq_usage_error (_("Which command?"));
  command = argv[1];

  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      liaison_hq_print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (command, "--version"))
    return printf ("liaison-hq %s (protocol %d)\n", PACKAGE_VERSION, LIAISON_PROTOCOL_VERSION) < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
  if (g_str_equal (command, "init"))
    return command_init (argc - 2, argv + 2);
  if (g_str_equal (command, "serve"))
    return command_serve (argc - 2, argv + 2);
  if (g_str_equal (command, "import"))
    return command_import (argc - 2, argv + 2);
  if (g_str_equal (command, "rules") && argc >= 3 && (g_str_equal (argv[2], "import") || g_str_equal (argv[2], "list")))
    return command_points_rules (argc - 2, argv + 2);
  if (g_str_equal (command, "rules") && argc >= 3 && g_str_equal (argv[2], "set"))
    return command_rules_set (argc - 3, argv + 3);
  if (g_str_equal (command, "rules"))
    return command_rules_show (argc - 2, argv + 2);
  if (g_str_equal (command, "quarter"))
    return liaison_hq_quarter_command (argc - 1, argv + 1);
  if (g_str_equal (command, "migrate"))
    return liaison_hq_migrate_command (argc - 1, argv + 1);
  if (g_str_equal (command, "audit"))
    return liaison_hq_audit_command (argc - 1, argv + 1);
  if (g_str_equal (command, "retention") || g_str_equal (command, "purge"))
    return liaison_hq_retention_command (argc - 1, argv + 1);
  if (g_str_equal (command, "check"))
    return command_check (argc - 2, argv + 2);
  if (g_str_equal (command, "station") && argc >= 3 && g_str_equal (argv[2], "add"))
    return command_station_add (argc - 3, argv + 3);
  if (g_str_equal (command, "user") && argc >= 3 && g_str_equal (argv[2], "add"))
    return command_user_add (argc - 3, argv + 3);
  if (g_str_equal (command, "token") && argc >= 3 && g_str_equal (argv[2], "list"))
    return command_token_list (argc - 3, argv + 3);
  if (g_str_equal (command, "reports"))
    return command_reports (argc - 2, argv + 2);
  if (g_str_equal (command, "token") && argc >= 3 && g_str_equal (argv[2], "revoke"))
    return command_token_revoke (argc - 3, argv + 3);
  {
    g_autofree char *words = argc >= 3 && !g_str_has_prefix (argv[2], "-")
                             ? g_strdup_printf ("%s %s", command, argv[2]) : g_strdup (command);

    return liaison_hq_usage_error (_("Unknown command “%s”."), words);
  }
}
