/* liaison-store-duty-record.c: what a deputy's duty record
 * (app/record/liaison-duty-record.h) reads besides the gathered items:
 * the visitors of the receptions they hosted, and what became of a
 * suggestion they took up or filed. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-duty-private.h"

/* The receptions of the gathering's receptions query (a live reception at
 * which the deputy was present, on its day), with their visitors' party
 * sizes added up. */
static const char visitors_sql[] =
  "SELECT count(*), coalesce (sum ((SELECT coalesce (sum (v.party_size), 0) FROM reception_visitors v"
  "  WHERE v.reception_id = r.id)), 0)"
  " FROM deputies d JOIN reception_deputies rd ON rd.deputy_id = d.id JOIN receptions r ON r.id = rd.reception_id"
  " WHERE d.uuid = ?1 AND r.deleted = 0"
  " AND (?2 IS NULL OR substr (r.received_at, 1, 10) >= ?2) AND (?3 IS NULL OR substr (r.received_at, 1, 10) <= ?3)";

gboolean
liaison_store_count_deputy_visitors (LiaisonStore  *self,
                                     const char    *deputy_uuid,
                                     const char    *from,
                                     const char    *to,
                                     guint         *receptions,
                                     guint         *visitors,
                                     GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  stmt = liaison_store_prepare (self, visitors_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, deputy_uuid, -1, SQLITE_TRANSIENT);
  liaison_store_duty_bind_bound (stmt, 2, from);
  liaison_store_duty_bind_bound (stmt, 3, to);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, _("Could not count the deputy’s visitors"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (receptions != NULL)
    *receptions = (guint) sqlite3_column_int64 (stmt, 0);
  if (visitors != NULL)
    *visitors = (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
liaison_store_get_suggestion_outcome (LiaisonStore              *self,
                                      const char                *uuid,
                                      LiaisonSuggestionOutcome  *outcome,
                                      GError                   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  stmt = liaison_store_prepare (self,
    "SELECT kind, status, reopened, last_rating, motion FROM suggestions WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no suggestion %s."), uuid);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, _("Could not read the suggestion"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *outcome = (LiaisonSuggestionOutcome) { 0, };
  if (!liaison_loop_kind_from_code ((const char *) sqlite3_column_text (stmt, 0), &outcome->kind))
    outcome->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  if (!liaison_loop_status_from_code ((const char *) sqlite3_column_text (stmt, 1), &outcome->status))
    outcome->status = LIAISON_LOOP_STATUS_NONE;
  outcome->reopened = sqlite3_column_int (stmt, 2) != 0;
  outcome->motion = sqlite3_column_int (stmt, 4) != 0;
  outcome->rated = sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
                   liaison_loop_rating_from_code ((const char *) sqlite3_column_text (stmt, 3),
                                                  &outcome->last_rating);
  sqlite3_reset (stmt);
  return TRUE;
}
