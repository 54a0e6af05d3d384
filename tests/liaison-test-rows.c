/* liaison-test-rows.c: database rows, every column of them. */
#define G_LOG_DOMAIN "liaison-test"
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-test-rows.h"

static char *
describe_value (sqlite3_stmt *stmt,
                int           column)
{
  g_autofree char *escaped = NULL;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return g_strdup ("NULL");
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return g_strdup_printf ("%.17g", sqlite3_column_double (stmt, column));
    case SQLITE_BLOB:
      return g_strdup_printf ("blob of %d bytes", sqlite3_column_bytes (stmt, column));
    default:
      /* Escaped with the exceptions kept as UTF-8, so that Chinese reads. */
      escaped = g_strescape ((const char *) sqlite3_column_text (stmt, column), "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f"
                             "\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f"
                             "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
                             "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
                             "\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
                             "\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
                             "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
                             "\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7");
      return g_strdup_printf ("\"%s\"", escaped);
    }
}

/**
 * liaison_test_rows_read:
 *
 * Returns: (transfer full): the rows, each a GPtrArray of "column = value"
 */
GPtrArray *
liaison_test_rows_read (LiaisonStore *store,
                        const char   *sql)
{
  sqlite3 *db = liaison_store_get_handle (store);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_autofree char *value = describe_value (stmt, i);

          g_ptr_array_add (row, g_strdup_printf ("%s = %s", sqlite3_column_name (stmt, i), value));
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rows;
}

static char *
column_of (const char *cell)
{
  const char *end = strstr (cell, " = ");

  return g_strndup (cell, end != NULL ? (gsize) (end - cell) : strlen (cell));
}

void
liaison_test_rows_assert_only_changed (GPtrArray          *before,
                                  GPtrArray          *after,
                                  const char * const *may_change)
{
  g_autoptr(GHashTable) differing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean failed = FALSE;

  g_assert_cmpuint (before->len, ==, after->len);
  for (guint r = 0; r < before->len; r++)
    {
      GPtrArray *old_row = g_ptr_array_index (before, r);
      GPtrArray *new_row = g_ptr_array_index (after, r);

      g_assert_cmpuint (old_row->len, ==, new_row->len);
      for (guint c = 0; c < old_row->len; c++)
        {
          const char *old_cell = g_ptr_array_index (old_row, c);
          const char *new_cell = g_ptr_array_index (new_row, c);
          char *column;

          if (strcmp (old_cell, new_cell) == 0)
            continue;
          column = column_of (old_cell);
          if (may_change == NULL || !g_strv_contains (may_change, column))
            {
              g_test_message ("row %u changed: %s  ->  %s", r, old_cell, new_cell);
              failed = TRUE;
            }
          g_hash_table_add (differing, column);
        }
    }
  if (failed)
    g_error ("columns changed that should not have; the test's messages say which");
}

void
liaison_test_rows_assert_same (GPtrArray *before,
                               GPtrArray *after)
{
  liaison_test_rows_assert_only_changed (before, after, NULL);
}
