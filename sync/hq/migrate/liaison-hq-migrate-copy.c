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

gboolean
liaison_hq_migrate_copy_table (LiaisonHqDb            *source,
                               LiaisonHqDb            *target,
                               LiaisonHqMigrateTable  *table,
                               GError                **error)
{
  g_autofree char *select = select_all (table);
  g_autofree char *columns = column_list (table);
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(LiaisonHqStmt) rows = liaison_hq_db_prepare (source, select, READ_FAILED, error);
  LiaisonHqStmt *put;   /* kept by @target, prepared once */
  LiaisonHqDbStep step;

  g_string_printf (insert, "INSERT INTO \"%s\" (%s) VALUES (", table->name, columns);
  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (insert, ')');
  if (rows == NULL)
    return FALSE;
  put = liaison_hq_db_prepare_cached (target, insert->str, WRITE_FAILED, error);
  if (put == NULL)
    return FALSE;
  /* Every value goes as the text SQLite gives it; PostgreSQL reads it as
   * its column's type, and refuses what that type cannot hold. */
  while ((step = liaison_hq_stmt_step (rows)) == LIAISON_HQ_DB_ROW)
    {
      for (guint i = 0; i < table->columns->len; i++)
        liaison_hq_stmt_bind_text (put, i + 1, liaison_hq_stmt_column_text (rows, i));
      if (!liaison_hq_db_step_done (put, WRITE_FAILED, error))
        return FALSE;
    }
  if (step == LIAISON_HQ_DB_FAILED)
    return liaison_hq_db_set_error (source, error, READ_FAILED);
  return move_identities (target, table, error);
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
      g_autofree char *select = select_all (table);
      g_autoptr(LiaisonHqStmt) rows = liaison_hq_db_prepare (db, select, failed, error);
      int by_kind = kind_column (table);
      LiaisonHqDbStep step;

      if (rows == NULL)
        return NULL;
      /* A table with no rows is still there, counted 0. */
      if (by_kind < 0)
        tally_of (tallies, kept, table->name);
      while ((step = liaison_hq_stmt_step (rows)) == LIAISON_HQ_DB_ROW)
        {
          g_autofree char *name = NULL;

          if (by_kind >= 0)
            name = g_strdup_printf ("records (%s)", liaison_hq_stmt_column_text (rows, by_kind));
          tally_row (tally_of (tallies, kept, name != NULL ? name : table->name), rows, table->columns->len);
        }
      if (step == LIAISON_HQ_DB_FAILED)
        {
          liaison_hq_db_set_error (db, error, failed);
          return NULL;
        }
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
