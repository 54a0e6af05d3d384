/* liaison-hq-migrate-copy.c: an SQLite headquarters' tables copied into
 * PostgreSQL (liaison-hq-migrate-copy.h). */
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
  g_autoptr(GPtrArray) tables = liaison_hq_db_tables (source, READ_FAILED, error);

  if (tables == NULL)
    return NULL;
  for (guint i = 0; i < tables->len; i++)
    {
      LiaisonHqDbTable *table = g_ptr_array_index (tables, i);

      if (!plain_or_fail (table->name, error))
        return NULL;
      for (guint c = 0; c < table->columns->len; c++)
        if (!plain_or_fail (g_ptr_array_index (table->columns, c), error))
          return NULL;
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
column_list (LiaisonHqDbTable *table)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ", " : "", (const char *) g_ptr_array_index (table->columns, i));
  return g_string_free (list, FALSE);
}

static char *
select_all (LiaisonHqDbTable *table)
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
                 LiaisonHqDbTable       *table,
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
              LiaisonHqDbTable       *table,
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
insert_sql (LiaisonHqDbTable *table,
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
          LiaisonHqDbTable       *table,
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
                               LiaisonHqDbTable       *table,
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
