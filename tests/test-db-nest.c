/* test-db-nest.c: nested transactions (app/db/liaison-db-nest.c), the one
 * piece both stores' database helpers use, on real SQLite files through
 * each helper: the station's liaison-db.c and headquarters' liaison-hq-db.c. */
#define G_LOG_DOMAIN "test-db-nest"

#include "config.h"

#include "liaison-db.h"
#include "liaison-hq-db.h"
#include "liaison-test-util.h"

#define TEST_ERROR (g_quark_from_static_string ("test-db-nest-error"))
#define TEST_FAILED 7
#define INSERT "INSERT INTO t VALUES (1)"

/* One helper's connection, whichever helper it is. */
typedef struct
{
  gpointer db;
  gboolean hq;
} Helper;

static gboolean
helper_begin (Helper  *helper,
              GError **error)
{
  return helper->hq ? liaison_hq_db_begin (helper->db, "begin", error)
                    : liaison_db_begin (helper->db, "begin", error);
}

static gboolean
helper_commit (Helper  *helper,
               GError **error)
{
  return helper->hq ? liaison_hq_db_commit (helper->db, "commit", error)
                    : liaison_db_commit (helper->db, "commit", error);
}

static void
helper_rollback (Helper *helper)
{
  if (helper->hq)
    liaison_hq_db_rollback (helper->db);
  else
    liaison_db_rollback (helper->db);
}

static gboolean
helper_in_transaction (Helper *helper)
{
  return helper->hq ? liaison_hq_db_in_transaction (helper->db)
                    : liaison_db_in_transaction (helper->db);
}

static void
helper_exec (Helper     *helper,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (helper->hq)
    liaison_hq_db_exec (helper->db, sql, "exec", &error);
  else
    liaison_db_exec (helper->db, sql, "exec", &error);
  g_assert_no_error (error);
}

static void
helper_free (Helper *helper)
{
  if (helper->hq)
    liaison_hq_db_free (helper->db);
  else
    liaison_db_free (helper->db);
}

static Helper
open_helper (const char *path,
             gboolean    hq)
{
  g_autoptr(GError) error = NULL;
  Helper helper = { NULL, hq };

  if (hq)
    helper.db = liaison_hq_db_open_sqlite (path, TRUE, TEST_ERROR, TEST_FAILED, "open", &error);
  else
    {
      helper.db = liaison_db_new (TEST_ERROR, TEST_FAILED);
      g_assert_cmpint (liaison_db_open (helper.db, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), ==, SQLITE_OK);
    }
  g_assert_no_error (error);
  g_assert_nonnull (helper.db);
  helper_exec (&helper, "CREATE TABLE t (n INTEGER)");
  return helper;
}

/* The rows of t, read from a connection of its own: what was committed. */
static int
committed_rows (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int rows;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM t", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return rows;
}

static void
test_nesting (gconstpointer data)
{
  gboolean hq = GPOINTER_TO_INT (data);
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-db-nest-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nest.db", NULL);
  Helper helper = open_helper (path, hq);
  g_autoptr(GError) error = NULL;

  /* Inner levels commit nothing; the outermost commits all. */
  g_assert_false (helper_in_transaction (&helper));
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  g_assert_true (helper_commit (&helper, &error));
  g_assert_no_error (error);
  g_assert_true (helper_in_transaction (&helper));
  g_assert_cmpint (committed_rows (path), ==, 0);
  g_assert_true (helper_commit (&helper, &error));
  g_assert_no_error (error);
  g_assert_false (helper_in_transaction (&helper));
  g_assert_cmpint (committed_rows (path), ==, 2);

  /* An inner rollback fails the outermost commit, which saves nothing. */
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  helper_rollback (&helper);
  g_assert_true (helper_in_transaction (&helper));
  g_assert_false (helper_commit (&helper, &error));
  g_assert_error (error, TEST_ERROR, TEST_FAILED);
  g_clear_error (&error);
  g_assert_false (helper_in_transaction (&helper));
  g_assert_cmpint (committed_rows (path), ==, 2);

  /* The next transaction starts afresh, and one level rolls back alone. */
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  helper_rollback (&helper);
  g_assert_false (helper_in_transaction (&helper));
  g_assert_cmpint (committed_rows (path), ==, 2);
  g_assert_true (helper_begin (&helper, &error));
  helper_exec (&helper, INSERT);
  g_assert_true (helper_commit (&helper, &error));
  g_assert_no_error (error);
  g_assert_cmpint (committed_rows (path), ==, 3);

  helper_free (&helper);
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/db-nest/station", GINT_TO_POINTER (FALSE), test_nesting);
  g_test_add_data_func ("/db-nest/hq-sqlite", GINT_TO_POINTER (TRUE), test_nesting);
  return g_test_run ();
}
