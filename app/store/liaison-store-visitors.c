/* liaison-store-visitors.c: a reception's visitors and deputies, read and
 * written for the station's own receptions and for those pulled from the
 * server (liaison-store-sync.c). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"

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

void
liaison_store_row_add_visitor (sqlite3_stmt *stmt,
                               gpointer      visitors)
{
  g_ptr_array_add (visitors, liaison_store_read_visitor (stmt, 0));
}

static void
add_id_row (sqlite3_stmt *stmt,
            gpointer      ids)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) ids, id);
}

gboolean
liaison_store_add_reception_deputies (LiaisonStore  *self,
                                      gint64         reception_id,
                                      GArray        *deputy_ids,
                                      const char    *failed,
                                      GError       **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < deputy_ids->len; i++)
    {
      stmt = liaison_store_prepare (self,
        "INSERT OR IGNORE INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, reception_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (deputy_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          if (sqlite3_extended_errcode (liaison_store_get_handle (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
            {
              sqlite3_reset (stmt);
              g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                                   _("One of the deputies is not on the roster."));
              return FALSE;
            }
          liaison_store_set_error (self, error, failed);
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
liaison_store_read_reception_visitors (LiaisonStore  *self,
                                       gint64         reception_id,
                                       GPtrArray     *visitors,
                                       GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = liaison_store_prepare (self,
    "SELECT name, phone, community, party_size, consent FROM reception_visitors"
    " WHERE reception_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_step_rows (self, stmt, liaison_store_row_add_visitor, visitors,
                                  _("Could not read the reception"), error);
}

gboolean
liaison_store_read_reception_deputy_ids (LiaisonStore  *self,
                                         gint64         reception_id,
                                         GArray        *deputy_ids,
                                         GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = liaison_store_prepare (self,
    "SELECT rd.deputy_id FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id"
    " WHERE rd.reception_id = ? ORDER BY d.name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_step_rows (self, stmt, add_id_row, deputy_ids,
                                  _("Could not read the reception"), error);
}

gboolean
liaison_store_read_reception_deputy_uuids (LiaisonStore  *self,
                                           gint64         reception_id,
                                           GPtrArray     *deputy_uuids,
                                           GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = liaison_store_prepare (self,
    "SELECT d.uuid FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id"
    " WHERE rd.reception_id = ? ORDER BY d.uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_step_rows (self, stmt, liaison_db_row_add_text, deputy_uuids,
                                  _("Could not read the reception"), error);
}
