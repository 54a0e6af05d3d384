/* liaison-test-hq-db.c: the sync tests' look into a liaison-hq's own
 * database, on SQLite or PostgreSQL, through headquarters' own interface
 * (liaison-hq-db.h): a test's SQL is written as the store's is. */
#define G_LOG_DOMAIN "liaison-test-hq"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-hq-db-tally.h"
#include "liaison-test-hq.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-util.h"

LiaisonHqDb *
liaison_test_hq_open_db (LiaisonTestHq *hq)
{
  g_autofree char *path = g_build_filename (hq->data_dir, "hq.db", NULL);
  g_autofree char *database_file = g_build_filename (hq->data_dir, "database", NULL);
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonHqDb *db;

  if (g_file_get_contents (database_file, &database, NULL, NULL))
    db = liaison_hq_db_open_postgresql (g_strstrip (database), G_IO_ERROR, G_IO_ERROR_FAILED, "open", &error);
  else
    db = liaison_hq_db_open_sqlite (path, FALSE, G_IO_ERROR, G_IO_ERROR_FAILED, "open", &error);
  g_assert_no_error (error);
  return db;
}

/* @sql's first row, stepped to; asserts it ran. */
static LiaisonHqStmt *
query_hq (LiaisonHqDb *db,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;
  LiaisonHqStmt *stmt = liaison_hq_db_prepare (db, sql, sql, &error);

  g_assert_no_error (error);
  if (liaison_hq_stmt_step (stmt) == LIAISON_HQ_DB_FAILED)
    {
      liaison_hq_db_set_error (db, &error, sql);
      g_error ("%s", error->message);
    }
  return stmt;
}

/**
 * liaison_test_hq_store_copy:
 * @from_summary: (nullable): the summary of the reception copied; NULL: the
 *   first one in the feed
 *
 * Writes straight into the server's database a copy of a reception, as
 * an older server would have stored it from a push it did not check:
 * @uuid, @version, its data changed by @sql_data (an SQL expression on the
 * column "data"), at the end of the feed.
 */
void
liaison_test_hq_store_copy (LiaisonTestHq *hq,
                            const char    *from_summary,
                            const char    *uuid,
                            int            version,
                            const char    *sql_data)
{
  g_autoptr(LiaisonHqDb) db = liaison_test_hq_open_db (hq);
  g_autoptr(GError) error = NULL;
  g_autofree char *which = from_summary != NULL
    ? g_strdup_printf ("json_extract (data, '$.summary') = '%s'", from_summary) : g_strdup ("1 = 1");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest,"
    " seq, hq_owned) SELECT kind, '%s', %d, origin_station, 0, updated_at, %s, 'old-server',"
    " (SELECT max (seq) + 1 FROM records), 0 FROM records"
    " WHERE kind = 'reception' AND digest <> 'old-server' AND %s ORDER BY seq LIMIT 1"
    " ON CONFLICT (kind, uuid) DO UPDATE SET version = excluded.version, deleted = 0, data = excluded.data,"
    " digest = excluded.digest, seq = excluded.seq",
    uuid, version, sql_data, which);

  if (!liaison_hq_db_exec (db, sql, sql, &error))
    g_error ("%s", error->message);
  g_assert_cmpint (liaison_hq_db_changes (db), ==, 1);
}

/* The last seq of the server's feed, read from its database. */
gint64
liaison_test_hq_feed_end (LiaisonTestHq *hq)
{
  g_autoptr(LiaisonHqDb) db = liaison_test_hq_open_db (hq);
  g_autoptr(LiaisonHqStmt) stmt = query_hq (db, "SELECT max (seq) FROM records");

  return liaison_hq_stmt_column_int64 (stmt, 0);
}

/* The text of the first column of @sql's first row in the server's own
 * database; "" for no row or NULL. */
char *
liaison_test_hq_text (LiaisonTestHq *hq,
                      const char    *sql)
{
  g_autoptr(LiaisonHqDb) db = liaison_test_hq_open_db (hq);
  g_autoptr(LiaisonHqStmt) stmt = query_hq (db, sql);
  const char *text = liaison_hq_stmt_column_text (stmt, 0);

  return g_strdup (text != NULL ? text : "");
}

/* The integer in the first column of @sql's first row in the server's
 * own database. */
gint64
liaison_test_hq_count (LiaisonTestHq *hq,
                       const char    *sql)
{
  g_autoptr(LiaisonHqDb) db = liaison_test_hq_open_db (hq);
  g_autoptr(LiaisonHqStmt) stmt = query_hq (db, sql);

  return liaison_hq_stmt_column_int64 (stmt, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table of hq.db, each value with its type, in a
 * stable order. */
static void
checksum_sqlite (GChecksum  *checksum,
                 const char *path)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  /* Opened read-write, used only to read: a read-only connection to a WAL
   * file cannot build its -shm index itself, and once failed with
   * SQLITE_CANTOPEN while other tests ran beside this one. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (sql);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (row, "\x1f%d:", sqlite3_column_type (stmt, c));
              if (text != NULL)
                g_string_append_len (row, text, sqlite3_column_bytes (stmt, c));
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_checksum_update (checksum, g_ptr_array_index (rows, i), -1);
}

/* Every table's (and every kind's) count and digest, as `liaison-hq
 * migrate` checks its copy (liaison-hq-db-tally.h). */
static void
checksum_tallies (GChecksum     *checksum,
                  LiaisonTestHq *hq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tallies = NULL;

  /* One connection for every call: a new one reads the catalogue afresh,
   * some 30 ms a time, and test-hostile calls this twice a case. */
  if (hq->pg_db == NULL)
    hq->pg_db = liaison_test_hq_open_db (hq);
  tallies = liaison_hq_db_tally_all (hq->pg_db, "tally", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tallies->len, >, 5);
  for (guint i = 0; i < tallies->len; i++)
    {
      const LiaisonHqDbTally *tally = g_ptr_array_index (tallies, i);
      g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %016" G_GINT64_MODIFIER "x%016"
                                               G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x%016"
                                               G_GINT64_MODIFIER "x\n", tally->name, tally->rows,
                                               tally->lanes[0], tally->lanes[1], tally->lanes[2], tally->lanes[3]);

      g_checksum_update (checksum, (const guchar *) line, -1);
    }
}

char *
liaison_test_hq_contents (LiaisonTestHq *hq)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *path = g_build_filename (hq->data_dir, "hq.db", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    checksum_sqlite (checksum, path);
  else
    checksum_tallies (checksum, hq);
  return g_strdup (g_checksum_get_string (checksum));
}

/* How many of @table's rows, as PostgreSQL writes a row out as text,
 * hold @needle. */
static gint64
rows_holding (LiaisonHqDb *db,
              const char  *table,
              const char  *needle)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\" t WHERE strpos (CAST (t AS text), ?1) > 0",
                                          table);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db, sql, sql, &error);

  g_assert_no_error (error);
  liaison_hq_stmt_bind_text (stmt, 1, needle);
  g_assert_cmpint (liaison_hq_stmt_step (stmt), ==, LIAISON_HQ_DB_ROW);
  return liaison_hq_stmt_column_int64 (stmt, 0);
}

/* How many row versions in @table's pages, live or dead (an old version
 * an UPDATE left until VACUUM), hold @needle: read by pageinspect. */
static gint64
versions_holding (LiaisonHqDb *db,
                  const char  *table,
                  const char  *needle)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count (*) FROM generate_series (0, pg_relation_size ('\"%s\"')"
    " / current_setting ('block_size')::integer - 1) AS b,"
    " public.heap_page_items (public.get_raw_page ('\"%s\"', b::integer)) AS i"
    " WHERE i.t_data IS NOT NULL AND position (convert_to (?1, 'UTF8') IN i.t_data) > 0", table, table);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db, sql, sql, &error);

  g_assert_no_error (error);
  liaison_hq_stmt_bind_text (stmt, 1, needle);
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    {
      liaison_hq_db_set_error (db, &error, sql);
      g_error ("%s", error->message);
    }
  return liaison_hq_stmt_column_int64 (stmt, 0);
}

gboolean
liaison_test_hq_holds (LiaisonTestHq *hq,
                       const char    *needle)
{
  g_autofree char *path = g_build_filename (hq->data_dir, "hq.db", NULL);
  g_autoptr(LiaisonHqDb) db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  gboolean holds = FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return liaison_test_database_holds (path, needle);
  db = liaison_test_hq_open_db (hq);
  /* The test's cluster is its own, and its user a superuser. */
  if (!liaison_hq_db_exec (db, "CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public", "pageinspect", &error))
    g_error ("%s", error->message);
  tables = liaison_hq_db_tables (db, "tables", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tables->len && !holds; i++)
    {
      const char *table = ((LiaisonHqDbTable *) g_ptr_array_index (tables, i))->name;

      holds = rows_holding (db, table, needle) > 0 || versions_holding (db, table, needle) > 0;
    }
  return holds;
}
