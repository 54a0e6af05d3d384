/* liaison-hq-db-tally.c: a headquarters database's tables, counted and
 * digested alike on either engine (liaison-hq-db-tally.h). */
#define G_LOG_DOMAIN "liaison-hq-db"

#include "config.h"

#include <string.h>

#include "liaison-hq-db-tally.h"

static void
table_free (gpointer data)
{
  LiaisonHqDbTable *table = data;

  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static void
tally_free (gpointer data)
{
  LiaisonHqDbTally *tally = data;

  g_free (tally->name);
  g_free (tally);
}

/* @name as an SQL identifier, its quotes doubled. */
static void
append_quoted (GString    *sql,
               const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

/* The table named @name in @tables, added at its end if it is not the
 * last one there. */
static LiaisonHqDbTable *
table_named (GPtrArray  *tables,
             const char *name)
{
  LiaisonHqDbTable *table = tables->len > 0 ? g_ptr_array_index (tables, tables->len - 1) : NULL;

  if (table != NULL && g_str_equal (table->name, name))
    return table;
  table = g_new0 (LiaisonHqDbTable, 1);
  table->name = g_strdup (name);
  table->columns = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (tables, table);
  return table;
}

/* PostgreSQL's: the tables of the current schema, each column in its
 * place. From pg_catalog, which answers in a millisecond where
 * information_schema's views took some 60. */
static gboolean
postgresql_tables (LiaisonHqDb  *db,
                   GPtrArray    *tables,
                   const char   *failed,
                   GError      **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db,
    "SELECT c.relname, a.attname FROM pg_catalog.pg_class c"
    " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
    " WHERE c.relnamespace = current_schema ()::regnamespace AND c.relkind = 'r'"
    " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum", failed, error);
  LiaisonHqDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    g_ptr_array_add (table_named (tables, liaison_hq_stmt_column_text (stmt, 0))->columns,
                     liaison_hq_stmt_dup_text (stmt, 1));
  return step == LIAISON_HQ_DB_DONE || liaison_hq_db_set_error (db, error, failed);
}

/* SQLite's: its own tables but SQLite's, each column from table_info. */
static gboolean
sqlite_tables (LiaisonHqDb  *db,
               GPtrArray    *tables,
               const char   *failed,
               GError      **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY name", failed, error);

  if (stmt == NULL || !liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, names, failed, error))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      LiaisonHqDbTable *table = table_named (tables, g_ptr_array_index (names, i));
      g_autoptr(GString) sql = g_string_new ("PRAGMA table_info (");
      g_autoptr(LiaisonHqStmt) columns = NULL;
      LiaisonHqDbStep step;

      append_quoted (sql, table->name);
      g_string_append_c (sql, ')');
      columns = liaison_hq_db_prepare (db, sql->str, failed, error);
      if (columns == NULL)
        return FALSE;
      while ((step = liaison_hq_stmt_step (columns)) == LIAISON_HQ_DB_ROW)
        g_ptr_array_add (table->columns, liaison_hq_stmt_dup_text (columns, 1));
      if (step == LIAISON_HQ_DB_FAILED)
        return liaison_hq_db_set_error (db, error, failed);
    }
  return TRUE;
}

GPtrArray *
liaison_hq_db_tables (LiaisonHqDb  *db,
                      const char   *failed,
                      GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_free);

  if (!(liaison_hq_db_is_postgresql (db) ? postgresql_tables : sqlite_tables) (db, tables, failed, error))
    return NULL;
  return g_steal_pointer (&tables);
}

/* "SELECT \"a\", \"b\" FROM \"t\"". */
static char *
select_all (LiaisonHqDbTable *table)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < table->columns->len; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_quoted (sql, g_ptr_array_index (table->columns, i));
    }
  g_string_append (sql, " FROM ");
  append_quoted (sql, table->name);
  return g_string_free (sql, FALSE);
}

/* @name's tally, made (and kept in @kept) when it is the first. */
static LiaisonHqDbTally *
tally_of (GHashTable *tallies,
          GPtrArray  *kept,
          const char *name)
{
  LiaisonHqDbTally *tally = g_hash_table_lookup (tallies, name);

  if (tally == NULL)
    {
      tally = g_new0 (LiaisonHqDbTally, 1);
      tally->name = g_strdup (name);
      g_hash_table_insert (tallies, tally->name, tally);
      g_ptr_array_add (kept, tally);
    }
  return tally;
}

/* Adds the row @stmt is on to @tally: its SHA-256 over every column's
 * text and a NUL after it (0xFF, never in UTF-8, for NULL). */
static void
tally_row (LiaisonHqDbTally *tally,
           LiaisonHqStmt    *stmt,
           guint             n_columns)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  for (guint i = 0; i < n_columns; i++)
    {
      const char *text = liaison_hq_stmt_column_text (stmt, i);

      g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "\xff"), -1);
      g_checksum_update (checksum, (const guchar *) "", 1);
    }
  g_checksum_get_digest (checksum, digest, &length);
  for (guint lane = 0; lane < 4; lane++)
    {
      guint64 value = 0;

      for (guint b = 0; b < 8; b++)
        value = (value << 8) | digest[lane * 8 + b];
      tally->lanes[lane] += value;
    }
  tally->rows++;
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const LiaisonHqDbTally *x = *(LiaisonHqDbTally *const *) a;
  const LiaisonHqDbTally *y = *(LiaisonHqDbTally *const *) b;

  return strcmp (x->name, y->name);
}

/* Which of @table's columns is the records' kind; -1 for another table. */
static int
kind_column (LiaisonHqDbTable *table)
{
  if (!g_str_equal (table->name, "records"))
    return -1;
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (g_ptr_array_index (table->columns, i), "kind"))
      return i;
  return -1;
}

/* Adds every row @rows (stepped from its start) gives to its tally; the
 * number of rows, or -1 when the query failed. */
static gint64
tally_rows (GHashTable       *tallies,
            GPtrArray        *kept,
            LiaisonHqDbTable *table,
            LiaisonHqStmt    *rows)
{
  int by_kind = kind_column (table);
  LiaisonHqDbStep step;
  gint64 n_rows = 0;

  while ((step = liaison_hq_stmt_step (rows)) == LIAISON_HQ_DB_ROW)
    {
      g_autofree char *name = NULL;

      if (by_kind >= 0)
        name = g_strdup_printf ("records (%s)", liaison_hq_stmt_column_text (rows, by_kind));
      tally_row (tally_of (tallies, kept, name != NULL ? name : table->name), rows, table->columns->len);
      n_rows++;
    }
  return step == LIAISON_HQ_DB_FAILED ? -1 : n_rows;
}

/* @table's rows into their tallies. libpq holds a whole result in memory,
 * so PostgreSQL's are read through a cursor, a page at a time, in the
 * transaction open. */
static gboolean
tally_table (LiaisonHqDb       *db,
             GHashTable        *tallies,
             GPtrArray         *kept,
             LiaisonHqDbTable  *table,
             const char        *failed,
             GError           **error)
{
  g_autofree char *select = select_all (table);
  g_autofree char *declare = NULL;
  g_autoptr(LiaisonHqStmt) rows = NULL;
  gint64 n_rows;

  if (table->columns->len == 0)
    return TRUE;
  if (!liaison_hq_db_is_postgresql (db))
    {
      rows = liaison_hq_db_prepare (db, select, failed, error);
      return rows != NULL && (tally_rows (tallies, kept, table, rows) >= 0 ||
                              liaison_hq_db_set_error (db, error, failed));
    }
  declare = g_strdup_printf ("DECLARE tally_rows NO SCROLL CURSOR FOR %s", select);
  rows = liaison_hq_db_prepare (db, "FETCH 1000 FROM tally_rows", failed, error);
  if (rows == NULL || !liaison_hq_db_exec (db, declare, failed, error))
    return FALSE;
  do
    {
      liaison_hq_stmt_reset (rows);
      n_rows = tally_rows (tallies, kept, table, rows);
    }
  while (n_rows > 0);
  if (n_rows < 0)
    return liaison_hq_db_set_error (db, error, failed);
  return liaison_hq_db_exec (db, "CLOSE tally_rows", failed, error);
}

GPtrArray *
liaison_hq_db_tally (LiaisonHqDb  *db,
                     GPtrArray    *tables,
                     const char   *failed,
                     GError      **error)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (tally_free);

  for (guint i = 0; i < tables->len; i++)
    {
      LiaisonHqDbTable *table = g_ptr_array_index (tables, i);

      /* A table with no rows is still there, counted 0. */
      if (kind_column (table) < 0)
        tally_of (tallies, kept, table->name);
      if (!tally_table (db, tallies, kept, table, failed, error))
        return NULL;
    }
  g_ptr_array_sort (kept, compare_tallies);
  return g_steal_pointer (&kept);
}

GPtrArray *
liaison_hq_db_tally_all (LiaisonHqDb  *db,
                         const char   *failed,
                         GError      **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  GPtrArray *tallies = NULL;

  if (!liaison_hq_db_begin_read (db, failed, error))
    return NULL;
  tables = liaison_hq_db_tables (db, failed, error);
  if (tables != NULL)
    tallies = liaison_hq_db_tally (db, tables, failed, error);
  liaison_hq_db_rollback (db);
  return tallies;
}

char *
liaison_hq_db_tally_digest (const LiaisonHqDbTally *tally)
{
  return g_strdup_printf ("%012" G_GINT64_MODIFIER "x", tally->lanes[0] >> 16);
}

gboolean
liaison_hq_db_tally_equal (const LiaisonHqDbTally *a,
                           const LiaisonHqDbTally *b)
{
  return a != NULL && b != NULL && g_str_equal (a->name, b->name) && a->rows == b->rows &&
         memcmp (a->lanes, b->lanes, sizeof a->lanes) == 0;
}
