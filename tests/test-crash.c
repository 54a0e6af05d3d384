/* test-crash.c: a writer killed mid-write loses nothing it reported.
 *
 * The test runs itself again as a child ("--writer PATH") that saves
 * receptions in a loop and prints each one's uuid once its save returned.
 * The parent kills it with SIGKILL at some point, then opens the file
 * again: every reported reception must be there once, whole, and SQLite
 * and the full-text index must find nothing wrong.
 */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "liaison-store.h"
#include "liaison-test-util.h"

static char *self_path;

#define N_VISITORS 2
#define N_DEPUTIES 2

static const char *summaries[] = {
  "反映小区道路积水严重，希望尽快修复排水管网",
  "咨询城乡居民医保缴费标准和报销比例",
  "学校门口接送车辆拥堵，建议错峰放学",
  "老旧小区加装电梯意见不一，请求协调",
};

/* The child: writes until it is killed. */
static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr(GPtrArray) deputies = NULL;
  gint64 category;

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  deputies = liaison_store_list_deputies (store, NULL, &error);
  category = liaison_store_find_category (store, "urban_construction");
  if (deputies == NULL || deputies->len < N_DEPUTIES || category == 0)
    {
      g_printerr ("writer: the database was not set up\n");
      return 1;
    }

  for (guint i = 0; ; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();
      LiaisonSuggestion *suggestion = liaison_suggestion_new ();

      reception->received_at = g_strdup_printf ("2024-%02u-%02u %02u:%02u",
                                                1 + i % 12, 1 + i % 28, 8 + i % 10, i % 60);
      reception->channel = i % LIAISON_N_CHANNELS;
      reception->category_id = category;
      reception->summary = g_strdup_printf ("%s（第%u次）", summaries[i % G_N_ELEMENTS (summaries)], i);
      for (guint d = 0; d < N_DEPUTIES; d++)
        {
          const LiaisonDeputy *deputy = g_ptr_array_index (deputies, (i + d) % deputies->len);
          g_array_append_val (reception->deputy_ids, deputy->meta.id);
        }
      for (guint v = 0; v < N_VISITORS; v++)
        {
          LiaisonVisitor *visitor = liaison_visitor_new ();

          visitor->name = g_strdup_printf ("来访群众%u-%u", i, v);
          visitor->community = g_strdup ("翠竹园社区");
          visitor->party_size = 1 + v;
          g_ptr_array_add (reception->visitors, visitor);
        }
      suggestion->category_id = category;
      suggestion->title = g_strdup_printf ("建议第%u条", i);
      suggestion->content = g_strdup ("建议汛期前疏通雨水管网");
      g_ptr_array_add (reception->suggestions, suggestion);

      if (!liaison_store_save_reception (store, reception, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      /* Reported only once the save has returned. */
      printf ("%s\n", reception->meta.uuid);
      fflush (stdout);
    }
}

static void
set_up_database (const char *path)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store_with_station (path, "相山区东山街道代表联络站");
  const char *names[] = { "张伟", "李秀兰", "王建国" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    liaison_test_add_deputy (store, names[i], LIAISON_DEPUTY_LEVEL_CITY);
}

/* Runs a writer, kills it after @kill_after reported receptions (and a
 * random few hundred microseconds more, to land anywhere in a write), and
 * adds every uuid it reported to @reported. */
static void
run_round (const char *path,
           guint       kill_after,
           GPtrArray  *reported)
{
  const char *argv[] = { self_path, "--writer", path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd = -1;
  int status = 0;
  FILE *out;
  char line[128];
  guint n = 0;
  gboolean killed = FALSE;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (out);

  while (fgets (line, sizeof line, out) != NULL)
    {
      g_strchomp (line);
      g_assert_true (g_uuid_string_is_valid (line));
      g_ptr_array_add (reported, g_strdup (line));
      if (++n == kill_after)
        {
          g_usleep (g_test_rand_int_range (0, 3000));
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          killed = TRUE;
        }
    }
  /* What it printed between the last read and the kill counts too. */
  fclose (out);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_test_message ("round: kill after %u, %u reported", kill_after, n);
  g_assert_true (killed);
  g_assert_cmpuint (n, >=, kill_after);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static void
check_database (const char *path,
                GPtrArray  *reported,
                guint       n_rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 n_rows;

  /* Every reported reception is there, once. */
  rows = liaison_store_list_receptions (store, NULL, 0, G_MAXINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const LiaisonReception *row = g_ptr_array_index (rows, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (present, row->meta.uuid));

      g_hash_table_replace (present, g_strdup (row->meta.uuid), GUINT_TO_POINTER (count + 1));
    }
  for (guint i = 0; i < reported->len; i++)
    {
      const char *uuid = g_ptr_array_index (reported, i);

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (present, uuid)), ==, 1);
    }
  /* At most one unreported save per round: committed, killed before it
   * could print. */
  n_rows = liaison_test_query_int (store, "SELECT count(*) FROM receptions");
  g_assert_cmpint (n_rows, ==, rows->len);
  g_assert_cmpint (n_rows, >=, reported->len);
  g_assert_cmpint (n_rows, <=, reported->len + n_rounds);

  /* Each reception is whole: its visitors, deputies and suggestion. */
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM receptions r WHERE"
                                 " (SELECT count(*) FROM reception_visitors v WHERE v.reception_id = r.id) <> 2"
                                 " OR (SELECT count(*) FROM reception_deputies d WHERE d.reception_id = r.id) <> 2"
                                 " OR (SELECT count(*) FROM suggestions g WHERE g.reception_id = r.id) <> 1"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestions"), ==, n_rows);

  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_true (liaison_store_exec (store, "INSERT INTO reception_search (reception_search) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (store, "INSERT INTO suggestion_search (suggestion_search) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  {
    LiaisonReceptionFilter filter = { .search = (char *) "道路积水严重" };
    gint64 expected = liaison_test_query_int (store, "SELECT count(*) FROM receptions WHERE summary LIKE '%道路积水严重%'");

    g_assert_cmpint (expected, >, 0);
    g_assert_cmpuint (liaison_store_count_receptions (store, &filter, &error), ==, expected);
  }

  /* A separate connection sees a sound file. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    guint n_lines = 0;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
        n_lines++;
      }
    g_assert_cmpuint (n_lines, ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_crash (void)
{
  const guint kill_points[] = { 50, 200, 333 };
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);

  set_up_database (path);

  /* Rounds on the same file: each starts from what the last crash left. */
  for (guint round = 0; round < G_N_ELEMENTS (kill_points); round++)
    {
      run_round (path, kill_points[round], reported);
      check_database (path, reported, round + 1);
    }

  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2]);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-writer", test_crash);

  return g_test_run ();
}
