/* liaison-test-hq.c: a real liaison-hq on loopback, and replicas syncing
 * with it, for the sync tests. */
#define G_LOG_DOMAIN "liaison-test-hq"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "liaison-csv.h"
#include "liaison-protocol.h"
#include "liaison-test-hq.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

#define WAIT_SECONDS 120
#define LISTENING "liaison-hq listening on "
#define PUBLIC_SITE "liaison-hq public site on "

/* Runs liaison-hq with @args (after the program's name); returns its exit
 * status, and its output in @out and @err where they are not NULL. */
static int
run_hq_argv (GPtrArray  *args,
             char      **out,
             char      **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_assert_nonnull (g_getenv ("LIAISON_HQ_BIN"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_HQ_BIN"));
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/**
 * liaison_test_run_hq:
 * @out: (out) (optional): its stdout
 * @err: (out) (optional): its stderr
 * @first: the first argument, then the others, NULL-terminated
 *
 * Runs liaison-hq with exactly these arguments.
 *
 * Returns: its exit status
 */
int
liaison_test_run_hq (char       **out,
                     char       **err,
                     const char  *first,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  return run_hq_argv (args, out, err);
}

/**
 * liaison_test_hq_init:
 * @hq: (out caller-allocates): zeroed
 * @tmpl: a g_dir_make_tmp() template for its folder
 *
 * Makes a temporary folder and runs `liaison-hq init` in it; the server
 * is not started.
 */
void
liaison_test_hq_init (LiaisonTestHq *hq,
                      const char    *tmpl)
{
  g_autofree char *out = NULL;

  hq->dir = liaison_test_make_tmp_dir (tmpl);
  hq->data_dir = g_build_filename (hq->dir, "hq", NULL);
  hq->log_path = g_build_filename (hq->dir, "hq.log", NULL);
  if (liaison_test_pg_wanted ())
    {
      g_autofree char *database = liaison_test_pg_new_database ();

      out = liaison_test_hq_run (hq, "init", "--database", database, NULL);
      g_assert_nonnull (strstr (out, "postgresql://"));
    }
  else
    {
      out = liaison_test_hq_run (hq, "init", NULL);
      g_assert_nonnull (strstr (out, "hq.db"));
    }
}

/**
 * liaison_test_hq_clear:
 *
 * Stops the server if it runs, asserts that it reported no memory error
 * or undefined behaviour, and deletes its folder.
 */
void
liaison_test_hq_clear (LiaisonTestHq *hq)
{
  g_autofree char *log = NULL;

  liaison_test_hq_stop (hq);
  g_clear_pointer (&hq->pg_db, liaison_hq_db_free);
  /* Under ASan/UBSan the server reports to its log, not to the test. */
  if (g_file_get_contents (hq->log_path, &log, NULL, NULL))
    {
      g_assert_null (strstr (log, "runtime error:"));
      g_assert_null (strstr (log, "AddressSanitizer"));
    }
  liaison_test_remove_tree (hq->dir);
  g_clear_pointer (&hq->dir, g_free);
  g_clear_pointer (&hq->data_dir, g_free);
  g_clear_pointer (&hq->log_path, g_free);
  g_clear_pointer (&hq->url, g_free);
  g_clear_pointer (&hq->public_url, g_free);
  g_clear_pointer (&hq->tls_cert, g_free);
  g_clear_pointer (&hq->tls_key, g_free);
  g_clear_pointer (&hq->serve_args, g_strfreev);
}

/**
 * liaison_test_hq_run:
 * @command: liaison-hq's command words, space-separated ("station add")
 * @...: more arguments, NULL-terminated
 *
 * Runs liaison-hq @command on the server's data and asserts exit 0.
 *
 * Returns: (transfer full): its stdout
 */
char *
liaison_test_hq_run (LiaisonTestHq *hq,
                     const char    *command,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) words = g_strsplit (command, " ", -1);
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;
  const char *arg;

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (args, words[i]);
  g_ptr_array_add (args, "--data-dir");
  g_ptr_array_add (args, hq->data_dir);
  va_start (ap, command);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  if (run_hq_argv (args, &out, &err) != 0)
    g_error ("liaison-hq %s failed: %s%s", command, out, err);
  return out;
}

/* In the server's process, between fork and exec. */
static void
limit_fds (gpointer user_data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (user_data), GPOINTER_TO_UINT (user_data) };

  setrlimit (RLIMIT_NOFILE, &limit);
}

/**
 * liaison_test_hq_start:
 *
 * Starts `liaison-hq serve` on 127.0.0.1 at @hq's port (any free one if 0),
 * over HTTPS when @hq has a certificate; blocks until it says where it
 * listens, and keeps that in @hq's url and port. With @hq's public_site,
 * the public site listens on a free port of 127.0.0.1 too: public_url.
 */
void
liaison_test_hq_start (LiaisonTestHq *hq)
{
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", hq->port);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = NULL;
  const char *prefix = hq->tls_cert != NULL ? LISTENING "https://127.0.0.1:" : LISTENING "http://127.0.0.1:";

  g_assert_null (hq->server);
  g_subprocess_launcher_set_stderr_file_path (launcher, hq->log_path);
  if (hq->fd_limit > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_fds, GUINT_TO_POINTER (hq->fd_limit), NULL);
  g_ptr_array_add (argv, (gpointer) g_getenv ("LIAISON_HQ_BIN"));
  g_ptr_array_add (argv, "serve");
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, hq->data_dir);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, listen);
  if (hq->tls_cert != NULL)
    {
      g_ptr_array_add (argv, "--tls-cert");
      g_ptr_array_add (argv, hq->tls_cert);
      g_ptr_array_add (argv, "--tls-key");
      g_ptr_array_add (argv, hq->tls_key);
    }
  if (hq->public_site)
    {
      g_ptr_array_add (argv, "--public-listen");
      g_ptr_array_add (argv, "127.0.0.1:0");
    }
  for (guint i = 0; hq->serve_args != NULL && hq->serve_args[i] != NULL; i++)
    g_ptr_array_add (argv, hq->serve_args[i]);
  g_ptr_array_add (argv, NULL);
  hq->server = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  hq->server_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hq->server));

  /* Blocks until the server says where it listens (or dies: NULL). */
  line = g_data_input_stream_read_line_utf8 (hq->server_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  g_free (hq->url);
  hq->url = g_strstrip (g_strdup (line + strlen (LISTENING)));
  hq->port = (guint) g_ascii_strtoull (strrchr (hq->url, ':') + 1, NULL, 10);
  g_assert_cmpuint (hq->port, >, 0);
  if (hq->public_site)
    {
      g_autofree char *public_line = g_data_input_stream_read_line_utf8 (hq->server_out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (public_line);
      g_assert_true (g_str_has_prefix (public_line, PUBLIC_SITE "http://127.0.0.1:") ||
                     g_str_has_prefix (public_line, PUBLIC_SITE "https://127.0.0.1:"));
      g_free (hq->public_url);
      hq->public_url = g_strstrip (g_strdup (public_line + strlen (PUBLIC_SITE)));
    }
}

/**
 * liaison_test_hq_stop:
 *
 * Stops the server, if it runs, with SIGTERM; it must exit 0.
 */
void
liaison_test_hq_stop (LiaisonTestHq *hq)
{
  g_autoptr(GError) error = NULL;

  if (hq->server == NULL)
    return;
  g_subprocess_send_signal (hq->server, SIGTERM);
  g_subprocess_wait (hq->server, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (hq->server));
  g_assert_cmpint (g_subprocess_get_exit_status (hq->server), ==, 0);
  g_clear_object (&hq->server_out);
  g_clear_object (&hq->server);
}

/**
 * liaison_test_hq_station_code:
 * @name: a new station of 相山区
 *
 * Returns: (transfer full): its enrollment code, from `station add`
 */
char *
liaison_test_hq_station_code (LiaisonTestHq *hq,
                              const char    *name)
{
  g_autofree char *out = liaison_test_hq_run (hq, "station add", name, "--district", "相山区", NULL);

  return liaison_test_last_line (out);
}

/**
 * liaison_test_hq_user_code:
 * @name: a new headquarters user
 *
 * Returns: (transfer full): their enrollment code, from `user add --role hq`
 */
char *
liaison_test_hq_user_code (LiaisonTestHq *hq,
                           const char    *name)
{
  g_autofree char *out = liaison_test_hq_run (hq, "user add", "--role", "hq", name, NULL);

  return liaison_test_last_line (out);
}

/**
 * liaison_test_hq_import_roster:
 *
 * Imports three deputies at the server: 张伟 and 李娜 of the agriculture
 * group, and 王强.
 */
void
liaison_test_hq_import_roster (LiaisonTestHq *hq)
{
  g_autofree char *csv = g_build_filename (hq->dir, "deputies.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_file_set_contents (csv,
                                      "姓名,层级,代表小组,专业\n"
                                      "张伟,市,农业代表小组,农业\n"
                                      "李娜,县,农业代表小组,教育\n"
                                      "王强,省,,法律\n",
                                      -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (hq, "import deputies", csv, NULL);
}

/* Engines, run to completion on the default main context. */

typedef struct {
  GAsyncResult *result;
  gboolean timed_out;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Wait *wait)
{
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout, wait);

  while (wait->result == NULL && !wait->timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (wait->timed_out);
  g_source_remove (timeout_id);
}

/**
 * liaison_test_sync:
 *
 * Runs one sync of @engine to its end.
 *
 * Returns: what liaison_sync_engine_sync_finish() returned
 */
gboolean
liaison_test_sync (LiaisonSyncEngine  *engine,
                   LiaisonSyncCounts  *counts,
                   GError            **error)
{
  Wait wait = { 0 };
  gboolean ok;

  liaison_sync_engine_sync_async (engine, NULL, on_done, &wait);
  wait_for (&wait);
  ok = liaison_sync_engine_sync_finish (engine, wait.result, counts, error);
  g_object_unref (wait.result);
  return ok;
}

/**
 * liaison_test_request_contacts:
 *
 * Runs one request of @replica's engine for reception @uuid's full
 * contacts, for @reason, to its end.
 *
 * Returns: what liaison_sync_engine_request_contacts_finish() returned
 */
GPtrArray *
liaison_test_request_contacts (LiaisonTestReplica  *replica,
                               const char          *uuid,
                               const char          *reason,
                               GError             **error)
{
  Wait wait = { 0 };
  GPtrArray *visitors;

  liaison_sync_engine_request_contacts_async (replica->engine, uuid, reason, NULL, on_done, &wait);
  wait_for (&wait);
  visitors = liaison_sync_engine_request_contacts_finish (replica->engine, wait.result, error);
  g_object_unref (wait.result);
  return visitors;
}

/**
 * liaison_test_sync_ok:
 *
 * Runs one sync of @engine, which must succeed and leave no error.
 *
 * Returns: what moved
 */
LiaisonSyncCounts
liaison_test_sync_ok (LiaisonSyncEngine *engine)
{
  LiaisonSyncCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok = liaison_test_sync (engine, &counts, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_null (liaison_sync_engine_get_last_error (engine));
  g_assert_nonnull (liaison_sync_engine_get_last_sync (engine));
  return counts;
}

/**
 * liaison_test_enroll:
 *
 * Runs one enrollment of @engine with @url and @code to its end.
 *
 * Returns: what liaison_sync_engine_enroll_finish() returned
 */
gboolean
liaison_test_enroll (LiaisonSyncEngine  *engine,
                     const char         *url,
                     const char         *code,
                     GError            **error)
{
  Wait wait = { 0 };
  gboolean ok;

  liaison_sync_engine_enroll_async (engine, url, code, NULL, on_done, &wait);
  wait_for (&wait);
  ok = liaison_sync_engine_enroll_finish (engine, wait.result, error);
  g_object_unref (wait.result);
  return ok;
}

/* Kills the server as soon as the engine reports progress. */
typedef struct {
  LiaisonTestHq *hq;
  const char *property;
  gboolean killed;
} Killer;

static void
on_progress (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Killer *killer = user_data;
  guint value = 0;

  g_object_get (object, killer->property, &value, NULL);
  if (killer->killed || value == 0)
    return;
  killer->killed = TRUE;
  /* SIGKILL: no clean stop, the socket just drops. Waited for, so that
   * the engine's next request finds it gone: the signal is only sent
   * here, and on a loaded machine the server could still answer the
   * request for a page the engine asks for while it writes this one. */
  g_subprocess_force_exit (killer->hq->server);
  g_subprocess_wait (killer->hq->server, NULL, NULL);
}

/**
 * liaison_test_hq_sync_until_killed:
 * @property: the engine's counter ("sent", "received") whose first step
 *   kills the server
 *
 * Syncs @engine and kills the server in the middle: the sync must fail
 * with a transient error. Then starts the server again on the same data
 * and port (the store knows the address).
 */
void
liaison_test_hq_sync_until_killed (LiaisonTestHq     *hq,
                                   LiaisonSyncEngine *engine,
                                   const char        *property)
{
  Killer killer = { hq, property, FALSE };
  g_autofree char *signal_name = g_strconcat ("notify::", property, NULL);
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  gulong handler;
  guint port;

  handler = g_signal_connect (engine, signal_name, G_CALLBACK (on_progress), &killer);
  g_assert_false (liaison_test_sync (engine, &counts, &error));
  g_signal_handler_disconnect (engine, handler);
  g_assert_true (killer.killed);
  g_assert_true (liaison_sync_error_is_transient (error));

  port = hq->port;
  g_subprocess_wait (hq->server, NULL, NULL);
  g_clear_object (&hq->server_out);
  g_clear_object (&hq->server);
  liaison_test_hq_start (hq);
  g_assert_cmpuint (hq->port, ==, port);
}

/* Replicas. */

/**
 * liaison_test_replica_new:
 * @file: the database's name in @hq's folder
 *
 * Returns: a store, set up as nothing yet, and its engine
 */
/* The tests trust the self-signed certificate they made. */
static gboolean
accept_any_certificate (SoupMessage          *msg,
                        GTlsCertificate      *certificate,
                        GTlsCertificateFlags  errors,
                        gpointer              user_data)
{
  return TRUE;
}

GBytes *
liaison_test_hq_send (LiaisonTestHq       *hq,
                      SoupSession         *session,
                      const char          *method,
                      const char          *path,
                      const char          *token,
                      gboolean             no_protocol,
                      const char          *content_type,
                      const void          *body,
                      gsize                length,
                      const char          *content_range,
                      guint               *status,
                      SoupMessageHeaders **headers)
{
  g_autofree char *url = g_strconcat (hq->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *request_headers;
  GBytes *answer;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);
  if (!no_protocol)
    soup_message_headers_replace (request_headers, LIAISON_PROTOCOL_HEADER, "1");
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", auth);
    }
  if (content_range != NULL)
    soup_message_headers_replace (request_headers, "Content-Range", content_range);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  if (g_str_has_prefix (url, "https:"))
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_certificate), NULL);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return answer;
}

LiaisonTestReplica
liaison_test_replica_new (LiaisonTestHq *hq,
                          const char    *file)
{
  g_autofree char *path = g_build_filename (hq->dir, file, NULL);
  LiaisonTestReplica replica;

  replica.store = liaison_test_open_store (path);
  replica.engine = liaison_sync_engine_new (replica.store);
  return replica;
}

LiaisonTestReplica
liaison_test_replica_new_station (LiaisonTestHq *hq,
                                  const char    *file,
                                  const char    *name)
{
  g_autofree char *path = g_build_filename (hq->dir, file, NULL);
  LiaisonTestReplica replica;

  replica.store = liaison_test_open_store_with_station (path, name);
  replica.engine = liaison_sync_engine_new (replica.store);
  return replica;
}

LiaisonTestReplica
liaison_test_replica_new_synced_station (LiaisonTestHq *hq,
                                         const char    *file,
                                         const char    *name)
{
  LiaisonTestReplica replica = liaison_test_replica_new_station (hq, file, name);
  LiaisonSyncCounts counts;

  liaison_test_replica_enroll_station (hq, &replica, name);
  counts = liaison_test_sync_ok (replica.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&replica), ==, 0);
  return replica;
}

void
liaison_test_replica_clear (LiaisonTestReplica *replica)
{
  g_clear_object (&replica->engine);
  g_clear_object (&replica->store);
}

/**
 * liaison_test_replica_unsynced:
 *
 * Returns: how many records wait to be sent
 */
gint64
liaison_test_replica_receptions (LiaisonTestReplica *replica)
{
  return liaison_test_query_int (replica->store, "SELECT count(*) FROM receptions WHERE NOT deleted");
}

gint64
liaison_test_replica_distinct_receptions (LiaisonTestReplica *replica)
{
  return liaison_test_query_int (replica->store, "SELECT count(DISTINCT uuid) FROM receptions");
}

guint
liaison_test_replica_unsynced (LiaisonTestReplica *replica)
{
  g_autoptr(GError) error = NULL;
  guint n = liaison_store_count_unsynced (replica->store, &error);

  g_assert_no_error (error);
  return n;
}

LiaisonSyncCounts
liaison_test_replica_sync_clean (LiaisonTestReplica *replica)
{
  LiaisonSyncCounts counts = liaison_test_sync_ok (replica->engine);

  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (replica), ==, 0);
  return counts;
}

/**
 * liaison_test_replica_enroll:
 *
 * Enrolls @replica with @hq using @code, which must work.
 */
void
liaison_test_replica_enroll (LiaisonTestHq      *hq,
                             LiaisonTestReplica *replica,
                             const char         *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_test_enroll (replica->engine, hq->url, code, &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_replica_enroll_station:
 * @name: a new station of 相山区
 *
 * Adds the station @name at @hq and enrolls @replica as that station.
 */
void
liaison_test_replica_enroll_station (LiaisonTestHq      *hq,
                                     LiaisonTestReplica *replica,
                                     const char         *name)
{
  g_autofree char *code = liaison_test_hq_station_code (hq, name);
  g_autoptr(LiaisonStation) station = NULL;

  liaison_test_replica_enroll (hq, replica, code);
  g_assert_cmpint (liaison_store_get_sync_role (replica->store), ==, LIAISON_SYNC_ROLE_STATION);
  station = liaison_store_get_local_station (replica->store);
  g_assert_nonnull (station);
  g_assert_cmpstr (station->name, ==, name);
}

/**
 * liaison_test_replica_enroll_hq:
 * @name: a new headquarters user
 *
 * Adds the user @name at @hq and enrolls @replica as a headquarters desktop.
 */
void
liaison_test_replica_enroll_hq (LiaisonTestHq      *hq,
                                LiaisonTestReplica *replica,
                                const char         *name)
{
  g_autofree char *code = liaison_test_hq_user_code (hq, name);

  liaison_test_replica_enroll (hq, replica, code);
  g_assert_cmpint (liaison_store_get_sync_role (replica->store), ==, LIAISON_SYNC_ROLE_HQ);
}

GPtrArray *
liaison_test_hq_read_csv (const char *path)
{
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (memcmp (bytes, "\xEF\xBB\xBF", 3), ==, 0);
  g_assert_nonnull (strstr (bytes, "\r\n"));
  rows = liaison_csv_parse (bytes + 3, length - 3, &error);
  g_assert_no_error (error);
  return rows;
}

const char *
liaison_test_csv_cell (GPtrArray *rows,
                       guint      row,
                       guint      column)
{
  return g_ptr_array_index (((LiaisonCsvRow *) g_ptr_array_index (rows, row))->fields, column);
}
