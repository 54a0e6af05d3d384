/* liaison-sync-cli.c: the headless sync commands.
 *
 *   liaison enroll [--database PATH] --server URL --code CODE
 *   liaison sync [--database PATH]
 *   liaison leave [--database PATH]
 *
 * They run the sync engine on a main loop of their own, before GTK starts.
 * Exit status: 0 done, 1 failed (the message says why), 2 the command was
 * not understood, 75 a transient failure (network, server): try later.
 */
#define G_LOG_DOMAIN "liaison-sync-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-store-sync.h"
#include "liaison-sync-cli.h"
#include "liaison-sync-engine.h"
#include "liaison-token-store.h"

#define EXIT_FAILED    1
#define EXIT_USAGE     2
#define EXIT_TEMPFAIL 75

typedef struct {
  GMainLoop *loop;
  LiaisonSyncCounts counts;
  GError *error;
} Waiter;

gboolean
liaison_sync_cli_is_command (int    argc,
                             char **argv)
{
  return argc >= 2 && argv[1] != NULL &&
         (strcmp (argv[1], "enroll") == 0 || strcmp (argv[1], "sync") == 0 ||
          strcmp (argv[1], "leave") == 0);
}

static int
failure_status (const GError *error)
{
  return liaison_sync_error_is_transient (error) ? EXIT_TEMPFAIL : EXIT_FAILED;
}

static void
enroll_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiter *waiter = user_data;

  liaison_sync_engine_enroll_finish (LIAISON_SYNC_ENGINE (source), result, &waiter->error);
  g_main_loop_quit (waiter->loop);
}

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, &waiter->counts, &waiter->error);
  g_main_loop_quit (waiter->loop);
}

static int
run_enroll (char ***args)
{
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *code = NULL;
  g_autofree char *key_place = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonSyncEngine) engine = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Waiter waiter = { 0 };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The station database (default: the app's own)"), N_("PATH") },
    { "server", 's', 0, G_OPTION_ARG_STRING, &server, N_("The headquarters address, such as https://hq.example.cn"), N_("URL") },
    { "code", 'c', 0, G_OPTION_ARG_STRING, &code, N_("The enrollment code headquarters gave this station"), N_("CODE") },
    { NULL }
  };

  context = liaison_cli_option_context_new (NULL, N_("Connects this station to headquarters with a one-time enrollment code."), entries);
  if (!g_option_context_parse_strv (context, args, &error))
    return liaison_cli_usage_error ("enroll", error->message);
  if (g_strv_length (*args) > 1)
    return liaison_cli_usage_error ("enroll", _("This command takes no file names."));
  if (server == NULL)
    return liaison_cli_usage_error ("enroll", _("Give the headquarters address with --server."));
  if (code == NULL)
    return liaison_cli_usage_error ("enroll", _("Give the enrollment code with --code."));
  store = liaison_cli_open_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  engine = liaison_sync_engine_new (store);
  loop = g_main_loop_new (NULL, FALSE);
  waiter.loop = loop;
  liaison_sync_engine_enroll_async (engine, server, code, NULL, enroll_done, &waiter);
  g_main_loop_run (loop);

  if (waiter.error != NULL)
    {
      int status = failure_status (waiter.error);

      /* Translators: %s says why, in words. */
      g_printerr (_("Enrollment failed: %s\n"), waiter.error->message);
      g_clear_error (&waiter.error);
      return status;
    }

  key_place = liaison_sync_engine_describe_key_place (engine);
  station = liaison_store_get_local_station (store);
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ || station == NULL)
    /* Translators: %s is the headquarters address. */
    g_print (_("Enrolled this desktop as headquarters with %s.\n"), server);
  else
    /* Translators: the first %s is a station name, the second the headquarters address. */
    g_print (_("Enrolled %s with %s.\n"), station->name, server);
  g_print ("%s\n", key_place);
  g_print (_("Run “liaison sync --database %s” to send and receive records.\n"), database);
  return EXIT_SUCCESS;
}

/* Opens the database at *@database (the default one when NULL), which must
 * exist: syncing or leaving must not make an empty database by mistake.
 * Says why on stderr and returns NULL when it cannot. */
static LiaisonStore *
open_existing_store (char **database)
{
  if (*database == NULL)
    *database = liaison_store_default_path ();
  if (!g_file_test (*database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("There is no database at %s.\n"), *database);
      return NULL;
    }
  return liaison_cli_open_store (database);
}

static int
run_leave (char ***args)
{
  g_autofree char *database = NULL;
  g_autofree char *server_url = NULL;
  g_autofree char *server_id = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The station database (default: the app's own)"), N_("PATH") },
    { NULL }
  };

  context = liaison_cli_option_context_new (NULL, N_("Stops syncing this database with headquarters and forgets its key. Its records stay here. Refused while records wait to be sent."), entries);
  if (!g_option_context_parse_strv (context, args, &error))
    return liaison_cli_usage_error ("leave", error->message);
  if (g_strv_length (*args) > 1)
    return liaison_cli_usage_error ("leave", _("This command takes no file names."));
  store = open_existing_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  server_url = liaison_store_get_server_url (store);
  server_id = liaison_store_get_server_id (store);
  if (server_url == NULL)
    {
      g_printerr (_("This database does not sync with any headquarters.\n"));
      return EXIT_FAILED;
    }
  if (!liaison_store_leave_server (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  /* The key is useless now; a failure to forget it changes nothing else. */
  if (server_id != NULL && !liaison_token_store_delete (server_id, database, &error))
    g_printerr (_("The key could not be forgotten: %s\n"), error->message);
  g_print (_("This database no longer syncs with %s. Its records stay here.\n"), server_url);
  return EXIT_SUCCESS;
}

static int
run_sync (char ***args)
{
  g_autofree char *database = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonSyncEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Waiter waiter = { 0 };
  guint unsynced;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The station database (default: the app's own)"), N_("PATH") },
    { NULL }
  };

  context = liaison_cli_option_context_new (NULL, N_("Sends this station's new records to headquarters and receives what changed there."), entries);
  if (!g_option_context_parse_strv (context, args, &error))
    return liaison_cli_usage_error ("sync", error->message);
  if (g_strv_length (*args) > 1)
    return liaison_cli_usage_error ("sync", _("This command takes no file names."));
  store = open_existing_store (&database);
  if (store == NULL)
    return EXIT_FAILED;

  engine = liaison_sync_engine_new (store);
  loop = g_main_loop_new (NULL, FALSE);
  waiter.loop = loop;
  liaison_sync_engine_sync_async (engine, NULL, sync_done, &waiter);
  g_main_loop_run (loop);

  if (waiter.error != NULL)
    {
      int status = failure_status (waiter.error);

      /* Translators: %s says why, in words. */
      g_printerr (_("Sync failed: %s\n"), waiter.error->message);
      if (liaison_sync_engine_get_sent (engine) > 0)
        g_printerr (ngettext ("Before that, %u record was sent; headquarters has it.\n",
                              "Before that, %u records were sent; headquarters has them.\n",
                              liaison_sync_engine_get_sent (engine)),
                    liaison_sync_engine_get_sent (engine));
      if (liaison_sync_engine_get_received (engine) > 0)
        g_printerr (ngettext ("Before that, %u record was received; it is kept.\n",
                              "Before that, %u records were received; they are kept.\n",
                              liaison_sync_engine_get_received (engine)),
                    liaison_sync_engine_get_received (engine));
      g_clear_error (&waiter.error);
      return status;
    }

  /* One line a count, so that each gets its plural. */
  g_print (ngettext ("Sent %u record.\n", "Sent %u records.\n", waiter.counts.sent), waiter.counts.sent);
  g_print (ngettext ("Received %u record.\n", "Received %u records.\n", waiter.counts.received),
           waiter.counts.received);
  if (waiter.counts.conflicts > 0)
    g_print (ngettext ("%u conflict was settled; the record’s page shows both values.\n",
                       "%u conflicts were settled; the records’ pages show both values.\n",
                       waiter.counts.conflicts),
             waiter.counts.conflicts);
  if (waiter.counts.rejected > 0)
    g_print (ngettext ("Headquarters refused %u record.\n", "Headquarters refused %u records.\n",
                       waiter.counts.rejected),
             waiter.counts.rejected);
  if (waiter.counts.attachments_sent > 0 || waiter.counts.attachments_received > 0)
    /* Translators: each %u is a number of files attached to replies. */
    g_print (_("Attachments: %u sent, %u received.\n"),
             waiter.counts.attachments_sent, waiter.counts.attachments_received);
  if (waiter.counts.set_aside > 0)
    g_print (ngettext ("%u record from headquarters could not be used and was set aside; the main menu's "
                       "Records Set Aside lists it, and headquarters is told at the next sync.\n",
                       "%u records from headquarters could not be used and were set aside; the main menu's "
                       "Records Set Aside lists them, and headquarters is told at the next sync.\n",
                       waiter.counts.set_aside),
             waiter.counts.set_aside);
  unsynced = liaison_store_count_unsynced (store, NULL);
  if (waiter.counts.rejected > 0 || unsynced > 0)
    g_print (ngettext ("%u record is not accepted by headquarters yet; its page says why.\n",
                       "%u records are not accepted by headquarters yet; their pages say why.\n",
                       unsynced),
             unsynced);
  return EXIT_SUCCESS;
}

int
liaison_sync_cli_main (int    argc,
                       char **argv)
{
  g_autofree char *prgname = NULL;
  g_auto(GStrv) args = NULL;
  int status;

  g_return_val_if_fail (liaison_sync_cli_is_command (argc, argv), EXIT_USAGE);

  prgname = g_strdup_printf ("liaison %s", argv[1]);
  g_set_prgname (prgname);
  /* A strv of our own: option parsing frees what it removes. */
  args = g_new0 (char *, argc);
  args[0] = g_strdup (prgname);
  for (int a = 2; a < argc; a++)
    args[a - 1] = g_strdup (argv[a]);

  if (strcmp (argv[1], "enroll") == 0)
    status = run_enroll (&args);
  else if (strcmp (argv[1], "leave") == 0)
    status = run_leave (&args);
  else
    status = run_sync (&args);
  return status;
}
