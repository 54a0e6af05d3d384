/* liaison-store-visitors.c: a reception's visitors and deputies, read and
 * written for the station's own receptions and for those pulled from the
 * server (liaison-store-sync.c). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

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

void
liaison_store_mask_visitor_phones (GPtrArray *visitors)
{
  for (guint i = 0; i < visitors->len; i++)
    {
      LiaisonVisitor *visitor = g_ptr_array_index (visitors, i);
      char *masked;

      if (visitor->phone == NULL || *visitor->phone == '\0' || liaison_privacy_is_masked (visitor->phone))
        continue;
      masked = liaison_privacy_mask_phone (visitor->phone);
      g_free (visitor->phone);
      visitor->phone = masked;
    }
}

#define HQ_PHONES_MASKED "hq_phones_masked"

gboolean
liaison_store_mask_hq_phones (LiaisonStore  *self,
                              GError       **error)
{
  g_autofree char *done = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    return TRUE;
  done = liaison_store_get_setting (self, HQ_PHONES_MASKED);
  if (done != NULL)
    return TRUE;

  /* Freed space is zeroed, so the old text does not stay in the pages. */
  if (!liaison_store_exec (self, "PRAGMA secure_delete = ON", error) ||
      !liaison_store_begin (self, error))
    return FALSE;
  stmt = liaison_store_prepare (self, "SELECT reception_id, position, phone FROM reception_visitors"
                                      " WHERE phone IS NOT NULL AND phone <> '' AND instr (phone, '*') = 0", error);
  if (stmt == NULL)
    goto failed;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  phones = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 position = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (positions, position);
      g_ptr_array_add (phones, liaison_privacy_mask_phone ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not mask the visitors’ phones at headquarters"));
      goto failed;
    }
  stmt = liaison_store_prepare (self, "UPDATE reception_visitors SET phone = ?3"
                                      " WHERE reception_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, g_array_index (positions, gint64, i));
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (phones, i), -1, SQLITE_STATIC);
      if (!liaison_store_step_done (self, stmt, _("Could not mask the visitors’ phones at headquarters"), error))
        goto failed;
    }
  /* The search index drops what it held of them. */
  if ((ids->len > 0 && !liaison_store_exec (self, "INSERT INTO reception_search (reception_search) VALUES ('optimize')", error)) ||
      !liaison_store_set_setting (self, HQ_PHONES_MASKED, "1", error) ||
      !liaison_store_commit (self, error))
    goto failed;
  return liaison_store_exec (self, "PRAGMA wal_checkpoint (TRUNCATE)", error);

failed:
  liaison_store_rollback (self);
  return FALSE;
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
  return liaison_store_insert_visitors (self, reception_id, visitors, error);

failed:
  liaison_store_set_error (self, error, _("Could not save the reception"));
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
liaison_store_insert_visitors (LiaisonStore  *self,
                               gint64         reception_id,
                               GPtrArray     *visitors,
                               GError       **error)
{
  sqlite3_stmt *stmt;

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
