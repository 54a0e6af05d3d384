/* liaison-hq-migrate-copy.c: an SQLite headquarters' tables copied into
 * PostgreSQL, and both sides counted and digested alike
 * (liaison-hq-migrate-copy.h). */
#define G_LOG_DOMAIN "liaison-hq-migrate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-hq-migrate-copy.h"
#include "liaison-hq-store.h"

#define READ_FAILED _("The SQLite headquarters could not be read")
#define WRITE_FAILED _("The PostgreSQL database could not be written")

/* Values a batch of inserted rows holds: 1,000 (some 100 records), well
 * under PostgreSQL's 65,535 parameters a statement. */
#define BATCH_VALUES 1000

static void
table_free (gpointer data)
{
  LiaisonHqMigrateTable *table = data;

  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

static void
tally_free (gpointer data)
{
  LiaisonHqMigrateTally *tally = data;

  g_free (tally->name);
  g_free (tally);
}

/* Names liaison-hq writes: letters, digits and underscores, so that they
 * go into SQL quoted and as they are. */
static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || *name == '\0' || g_ascii_isdigit (*name))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* A type as information_schema names it: "bigint", "character varying". */
static gboolean
is_plain_name_or_words (const char *type)
{
  g_auto(GStrv) words = g_strsplit (type, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (!is_plain_name (words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
plain_or_fail (const char  *name,
               GError     **error)
{
  if (is_plain_name (name))
    return TRUE;
  g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID,
               _("The SQLite headquarters holds a table or column “%s” that liaison-hq does not write. "
                 "Nothing was changed."), name);
  return FALSE;
}

GPtrArray *
liaison_hq_migrate_tables (LiaisonHqDb  *source,
                           GError      **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (source,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY name", READ_FAILED, error);

  if (stmt == NULL ||
      !liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, names, READ_FAILED, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      LiaisonHqMigrateTable *table = g_new0 (LiaisonHqMigrateTable, 1);
      g_autofree char *sql = NULL;
      g_autoptr(LiaisonHqStmt) columns = NULL;
      LiaisonHqDbStep step;

      table->name = g_strdup (g_ptr_array_index (names, i));
      table->columns = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tables, table);
      if (!plain_or_fail (table->name, error))
        return NULL;
      sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", table->name);
      columns = liaison_hq_db_prepare (source, sql, READ_FAILED, error);
      if (columns == NULL)
        return NULL;
      while ((step = liaison_hq_stmt_step (columns)) == LIAISON_HQ_DB_ROW)
        {
          if (!plain_or_fail (liaison_hq_stmt_column_text (columns, 1), error))
            return NULL;
          g_ptr_array_add (table->columns, liaison_hq_stmt_dup_text (columns, 1));
        }
      if (step == LIAISON_HQ_DB_FAILED)
        {
          liaison_hq_db_set_error (source, error, READ_FAILED);
          return NULL;
        }
    }
  return g_steal_pointer (&tables);
}

/* "CREATE TABLE x (…)" as SQLite keeps it, made "CREATE TABLE IF NOT
 * EXISTS x (…)"; the PostgreSQL backend turns its words into PostgreSQL's
 * as it does the store's own schema. */
static char *
if_not_exists (const char *sql)
{
  static GRegex *create;

  if (g_once_init_enter (&create))
    g_once_init_leave (&create, g_regex_new ("^\\s*CREATE\\s+(TABLE|INDEX|UNIQUE\\s+INDEX)\\s+"
                                                     "(IF\\s+NOT\\s+EXISTS\\s+)?",
                                                     G_REGEX_CASELESS, 0, NULL));
  return g_regex_replace (create, sql, -1, 0, "CREATE \\1 IF NOT EXISTS ", 0, NULL);
}

gboolean
liaison_hq_migrate_make_schema (LiaisonHqDb  *source,
                                LiaisonHqDb  *target,
                                GError      **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  /* Tables first, then their indexes; SQLite's own indexes have no SQL. */
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (source,
    "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'index', name", READ_FAILED, error);

  if (stmt == NULL ||
      !liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, statements, READ_FAILED, error))
    return FALSE;
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = if_not_exists (g_ptr_array_index (statements, i));

      if (sql == NULL || !liaison_hq_db_exec (target, sql, WRITE_FAILED, error))
        return FALSE;
    }
  return TRUE;
}

/* "\"a\", \"b\"": @table's columns, quoted. */
static char *
column_list (LiaisonHqMigrateTable *table)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "", (const char *) g_ptr_array_index (table->columns, i));
  return g_string_free (list, FALSE);
}

static char *
select_all (LiaisonHqMigrateTable *table)
{
  g_autofree char *columns = column_list (table);

  return g_strdup_printf ("SELECT %s FROM \"%s\"", columns, table->name);
}

/* An identity column (SQLite's INTEGER PRIMARY KEY, made BIGINT GENERATED
 * BY DEFAULT AS IDENTITY) hands out its next id from a sequence that the
 * copied ids did not move: move it past them, or the next row would take
 * an id the copy holds. */
static gboolean
move_identities (LiaisonHqDb            *target,
                 LiaisonHqMigrateTable  *table,
                 GError                **error)
{
  g_autoptr(GPtrArray) identities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (target,
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema ()"
    " AND table_name = ?1 AND is_identity = 'YES'", WRITE_FAILED, error);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, table->name);
  if (!liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, identities, WRITE_FAILED, error))
    return FALSE;
  for (guint i = 0; i < identities->len; i++)
    {
      const char *column = g_ptr_array_index (identities, i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT setval (pg_get_serial_sequence ('\"%s\"', '%s'),"
        " (SELECT COALESCE (MAX (\"%s\"), 0) + 1 FROM \"%s\"), false)",
        table->name, column, column, table->name);
      g_autoptr(LiaisonHqStmt) moved = liaison_hq_db_prepare (target, sql, WRITE_FAILED, error);

      if (moved == NULL || liaison_hq_stmt_step (moved) != LIAISON_HQ_DB_ROW)
        return moved != NULL && liaison_hq_db_set_error (target, error, WRITE_FAILED);
    }
  return TRUE;
}

/* @table's columns' types in @target, in the source's order ("bigint",
 * "text"); "" for a column the target lacks, whose insert then fails with
 * PostgreSQL's own message. */
static GPtrArray *
target_types (LiaisonHqDb            *target,
              LiaisonHqMigrateTable  *table,
              GError                **error)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (target,
    "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema ()"
    " AND table_name = ?1 AND column_name = ?2", WRITE_FAILED, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *type;
      LiaisonHqDbStep step;

      liaison_hq_stmt_reset (stmt);
      liaison_hq_stmt_bind_text (stmt, 1, table->name);
      liaison_hq_stmt_bind_text (stmt, 2, g_ptr_array_index (table->columns, i));
      step = liaison_hq_stmt_step (stmt);
      if (step == LIAISON_HQ_DB_FAILED)
        {
          liaison_hq_db_set_error (target, error, WRITE_FAILED);
          return NULL;
        }
      type = step == LIAISON_HQ_DB_ROW ? liaison_hq_stmt_column_text (stmt, 0) : NULL;
      g_ptr_array_add (types, g_strdup (type != NULL && is_plain_name_or_words (type) ? type : ""));
    }
  return g_steal_pointer (&types);
}

/* "INSERT INTO t (a, b) VALUES (CAST (?1 AS text), CAST (?2 AS bigint)),
 * (…)": @n_rows rows. A parameter in a list of several rows has no type of
 * its own for PostgreSQL to infer, so each is cast to its column's. */
static char *
insert_sql (LiaisonHqMigrateTable *table,
            GPtrArray             *types,
            guint                  n_rows)
{
  g_autofree char *columns = column_list (table);
  GString *sql = g_string_new (NULL);
  guint n = 0;

  g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES ", table->name, columns);
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint i = 0; i < types->len; i++)
        {
          const char *type = g_ptr_array_index (types, i);

          g_string_append (sql, i > 0 ? ", " : "");
          if (*type != '\0')
            g_string_append_printf (sql, "CAST (?%u AS %s)", ++n, type);
          else
            g_string_append_printf (sql, "?%u", ++n);
        }
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

/* Inserts the rows whose texts @values holds (NULL for NULL), then empties
 * it. */
static gboolean
put_rows (LiaisonHqDb            *target,
          LiaisonHqMigrateTable  *table,
          GPtrArray              *types,
          GPtrArray              *values,
          GError                **error)
{
  guint n_rows = values->len / table->columns->len;
  g_autofree char *sql = NULL;
  LiaisonHqStmt *put;   /* kept by @target: a full batch's is prepared once */

  if (n_rows == 0)
    return TRUE;
  sql = insert_sql (table, types, n_rows);
  put = liaison_hq_db_prepare_cached (target, sql, WRITE_FAILED, error);
  if (put == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    liaison_hq_stmt_bind_text (put, i + 1, g_ptr_array_index (values, i));
  if (!liaison_hq_db_step_done (put, WRITE_FAILED, error))
    return FALSE;
  g_ptr_array_set_size (values, 0);
  return TRUE;
}

gboolean
liaison_hq_migrate_copy_table (LiaisonHqDb            *source,
                               LiaisonHqDb            *target,
                               LiaisonHqMigrateTable  *table,
                               GError                **error)
{
  g_autofree char *select = select_all (table);
  g_autoptr(LiaisonHqStmt) rows = liaison_hq_db_prepare (source, select, READ_FAILED, error);
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint batch = MAX (1, BATCH_VALUES / MAX (table->columns->len, 1));
  LiaisonHqDbStep step;

  if (rows == NULL || table->columns->len == 0)
    return rows != NULL;
  types = target_types (target, table, error);
  if (types == NULL)
    return FALSE;
  /* Every value goes as the text SQLite gives it; PostgreSQL reads it as
   * its column's type, and refuses what that type cannot hold. */
  while ((step = liaison_hq_stmt_step (rows)) == LIAISON_HQ_DB_ROW)
    {
      for (guint i = 0; i < table->columns->len; i++)
        g_ptr_array_add (values, liaison_hq_stmt_dup_text (rows, i));
      if (values->len >= batch * table->columns->len && !put_rows (target, table, types, values, error))
        return FALSE;
    }
  if (step == LIAISON_HQ_DB_FAILED)
    return liaison_hq_db_set_error (source, error, READ_FAILED);
  return put_rows (target, table, types, values, error) && move_identities (target, table, error);
}

/* @name's tally, made (and kept in @kept) when it is the first. */
static LiaisonHqMigrateTally *
tally_of (GHashTable *tallies,
          GPtrArray  *kept,
          const char *name)
{
  LiaisonHqMigrateTally *tally = g_hash_table_lookup (tallies, name);

  if (tally == NULL)
    {
      tally = g_new0 (LiaisonHqMigrateTally, 1);
      tally->name = g_strdup (name);
      g_hash_table_insert (tallies, tally->name, tally);
      g_ptr_array_add (kept, tally);
    }
  return tally;
}

/* Adds the row @stmt is on to @tally: its SHA-256 over every column's
 * text and a NUL after it (0xFF, never in UTF-8, for NULL). */
static void
tally_row (LiaisonHqMigrateTally *tally,
           LiaisonHqStmt         *stmt,
           guint                  n_columns)
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
  const LiaisonHqMigrateTally *x = *(LiaisonHqMigrateTally *const *) a;
  const LiaisonHqMigrateTally *y = *(LiaisonHqMigrateTally *const *) b;

  return strcmp (x->name, y->name);
}

/* Which of @table's columns is the records' kind; -1 for another table. */
static int
kind_column (LiaisonHqMigrateTable *table)
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
tally_rows (GHashTable            *tallies,
            GPtrArray             *kept,
            LiaisonHqMigrateTable *table,
            LiaisonHqStmt         *rows)
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
 * transaction the copy is in. */
static gboolean
tally_table (LiaisonHqDb            *db,
             GHashTable             *tallies,
             GPtrArray              *kept,
             LiaisonHqMigrateTable  *table,
             const char             *failed,
             GError                **error)
{
  g_autofree char *select = select_all (table);
  g_autofree char *declare = NULL;
  g_autoptr(LiaisonHqStmt) rows = NULL;
  gint64 n_rows;

  if (!liaison_hq_db_is_postgresql (db))
    {
      rows = liaison_hq_db_prepare (db, select, failed, error);
      return rows != NULL && (tally_rows (tallies, kept, table, rows) >= 0 ||
                              liaison_hq_db_set_error (db, error, failed));
    }
  declare = g_strdup_printf ("DECLARE migrate_rows NO SCROLL CURSOR FOR %s", select);
  rows = liaison_hq_db_prepare (db, "FETCH 1000 FROM migrate_rows", failed, error);
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
  return liaison_hq_db_exec (db, "CLOSE migrate_rows", failed, error);
}

GPtrArray *
liaison_hq_migrate_tally (LiaisonHqDb  *db,
                          GPtrArray    *tables,
                          GError      **error)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (tally_free);
  const char *failed = liaison_hq_db_is_postgresql (db) ? WRITE_FAILED : READ_FAILED;

  for (guint i = 0; i < tables->len; i++)
    {
      LiaisonHqMigrateTable *table = g_ptr_array_index (tables, i);

      /* A table with no rows is still there, counted 0. */
      if (kind_column (table) < 0)
        tally_of (tallies, kept, table->name);
      if (!tally_table (db, tallies, kept, table, failed, error))
        return NULL;
    }
  g_ptr_array_sort (kept, compare_tallies);
  return g_steal_pointer (&kept);
}

char *
liaison_hq_migrate_tally_digest (const LiaisonHqMigrateTally *tally)
{
  return g_strdup_printf ("%012" G_GINT64_MODIFIER "x", tally->lanes[0] >> 16);
}

gboolean
liaison_hq_migrate_tally_equal (const LiaisonHqMigrateTally *a,
                                const LiaisonHqMigrateTally *b)
{
  return a != NULL && b != NULL && g_str_equal (a->name, b->name) && a->rows == b->rows &&
         memcmp (a->lanes, b->lanes, sizeof a->lanes) == 0;
}
