/* liaison-store-visitors.c: a reception's visitors and deputies, read and written
 * for the station's own receptions and for those pulled from the server. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"

/* Receptions */

char *
liaison_store_visitors_text (const LiaisonReception *reception)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      if (text->len > 0)
        g_string_append (text, " ");
      if (visitor->name != NULL && *visitor->name)
        g_string_append_printf (text, "%s ", visitor->name);
      if (visitor->community != NULL)
        g_string_append (text, visitor->community);
    }
  return g_string_free (text, FALSE);
}

gboolean
liaison_store_replace_visitors (LiaisonStore  *self,
                                gint64         reception_id,
                                GPtrArray     *visitors,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = liaison_store_prepare (self, "DELETE FROM reception_visitors WHERE reception_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  stmt = liaison_store_prepare (self, "DELETE FROM reception_deputies WHERE reception_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (visitors, i);

      stmt = liaison_store_prepare (self,
        "INSERT INTO reception_visitors (reception_id, position, name, phone, community,"
        " party_size, consent) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, reception_id);
      sqlite3_bind_int (stmt, 2, i);
      liaison_store_bind_text (stmt, 3, visitor->name);
      liaison_store_bind_text (stmt, 4, visitor->phone);
      liaison_store_bind_text (stmt, 5, visitor->community);
      sqlite3_bind_int (stmt, 6, visitor->party_size);
      sqlite3_bind_int (stmt, 7, visitor->consent ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;
    }
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not save the reception"));
  sqlite3_reset (stmt);
  return FALSE;
}

LiaisonVisitor *
liaison_store_read_visitor (sqlite3_stmt *stmt,
                            int           c)
{
  LiaisonVisitor *visitor = liaison_visitor_new ();

  visitor->name = liaison_db_column_text (stmt, c);
  visitor->phone = liaison_db_column_text (stmt, c + 1);
  visitor->community = liaison_db_column_text (stmt, c + 2);
  visitor->party_size = sqlite3_column_int (stmt, c + 3);
  visitor->consent = sqlite3_column_int (stmt, c + 4) != 0;
  return visitor;
}
