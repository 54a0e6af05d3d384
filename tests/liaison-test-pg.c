/* liaison-test-pg.c: a throwaway PostgreSQL cluster for the tests
 * (liaison-test-pg.h). */
#define G_LOG_DOMAIN "liaison-test-pg"

#include "config.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "liaison-test-pg.h"

#define PG_BIN "/usr/lib/postgresql/15/bin"
#define PG_USER "liaison"

static char *cluster_dir;
static guint n_databases;

gboolean
liaison_test_pg_wanted (void)
{
  return g_strcmp0 (g_getenv ("LIAISON_TEST_HQ_BACKEND"), "postgresql") == 0;
}

/* "runuser -u nobody -- " when root, since PostgreSQL will not run as root. */
static const char *
as_user (void)
{
  return geteuid () == 0 ? "runuser -u nobody -- " : "";
}

static void
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", command, out, err);
}

/* Stops the cluster at once and removes it. */
static void
stop_cluster (void)
{
  g_autofree char *command = NULL;

  if (cluster_dir == NULL)
    return;
  command = g_strdup_printf ("sh -c '%s" PG_BIN "/pg_ctl -D %s/data -m immediate stop >/dev/null 2>&1;"
                             " rm -rf %s'", as_user (), cluster_dir, cluster_dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_clear_pointer (&cluster_dir, g_free);
}

/* A watchdog in a session of its own: once this process is gone (an
 * assertion aborts without atexit, a timeout kills), it stops and removes
 * the cluster. */
static void
start_watchdog (void)
{
  g_autofree char *script = g_strdup_printf (
    "while kill -0 %d 2>/dev/null; do sleep 1; done; %s" PG_BIN "/pg_ctl -D %s/data -m immediate stop"
    " >/dev/null 2>&1; rm -rf %s", (int) getpid (), as_user (), cluster_dir, cluster_dir);
  const char *argv[] = { "setsid", "sh", "-c", script, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
start_cluster (void)
{
  g_autofree char *initdb = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GError) error = NULL;

  /* Short: a unix socket's path is at most 107 bytes. */
  cluster_dir = g_mkdtemp (g_strdup ("/tmp/liaison-pg-XXXXXX"));
  g_assert_nonnull (cluster_dir);
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (chown (cluster_dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
    }
  start_watchdog ();
  atexit (stop_cluster);
  /* No fsync: a test's database need not survive a power cut. */
  initdb = g_strdup_printf ("%s" PG_BIN "/initdb -D %s/data -A trust -U " PG_USER " -N -E UTF8 --locale=C",
                            as_user (), cluster_dir);
  run (initdb);
  start = g_strdup_printf ("%s" PG_BIN "/pg_ctl -D %s/data -l %s/log -w -o \"-c listen_addresses=''"
                           " -c unix_socket_directories=%s -c fsync=off -c synchronous_commit=off"
                           " -c full_page_writes=off\" start", as_user (), cluster_dir, cluster_dir, cluster_dir);
  run (start);
}

char *
liaison_test_pg_new_database (void)
{
  g_autofree char *admin = NULL;
  g_autofree char *create = NULL;
  g_autofree char *name = NULL;
  PGconn *conn;
  PGresult *result;

  if (cluster_dir == NULL)
    start_cluster ();
  name = g_strdup_printf ("hq%u", ++n_databases);
  admin = g_strdup_printf ("postgresql:///postgres?host=%s&user=" PG_USER, cluster_dir);
  conn = PQconnectdb (admin);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  /* A schema is made in milliseconds, a database in a second or two. */
  create = g_strdup_printf ("CREATE SCHEMA %s", name);
  result = PQexec (conn, create);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", create, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("postgresql:///postgres?host=%s&user=" PG_USER "&options=-csearch_path%%3D%s",
                          cluster_dir, name);
}
