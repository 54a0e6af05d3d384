/* liaison-store-points-rules.c: headquarters' points rule sets, kept as
 * synced records (liaison-store-points-rules.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-points-rules.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

static gpointer
read_rules (sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;
  const char *json = (const char *) sqlite3_column_text (stmt, 0);
  LiaisonPointsRules *rules = liaison_points_rules_from_json (json != NULL ? json : "", -1, &error);

  /* The wire's check took only sets the engine reads. */
  if (rules == NULL)
    g_warning ("A stored points rule set is damaged: %s", error->message);
  return rules;
}

GPtrArray *
liaison_store_list_points_rules (LiaisonStore  *self,
                                 GError       **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  GPtrArray *rule_sets;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self,
    "SELECT data FROM points_rules WHERE deleted = 0 ORDER BY effective_from, updated_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  stored = liaison_store_collect_rows (self, stmt, read_rules, (GDestroyNotify) liaison_points_rules_free,
                                       _("Could not read the points rules"), error);
  if (stored == NULL)
    return NULL;
  rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_ptr_array_add (rule_sets, liaison_points_rules_new_default ());
  for (guint i = 0; i < stored->len; i++)
    if (g_ptr_array_index (stored, i) != NULL)
      g_ptr_array_add (rule_sets, g_steal_pointer (&g_ptr_array_index (stored, i)));
  return rule_sets;
}

gboolean
liaison_store_save_points_rules (LiaisonStore  *self,
                                 const char    *json,
                                 GError       **error)
{
  g_autoptr(GError) rules_error = NULL;
  g_autoptr(LiaisonPointsRules) rules = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Only headquarters can change the points rules."));
      return FALSE;
    }
  rules = liaison_points_rules_from_json (json, -1, &rules_error);
  if (rules == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, rules_error->message);
      return FALSE;
    }
  text = liaison_points_rules_to_json (rules);
  now = liaison_store_now_utc ();
  origin = liaison_store_get_setting (self, "station_uuid");

  /* One set a date: a second save on that date is its next version. */
  stmt = liaison_store_prepare (self,
    "SELECT uuid FROM points_rules WHERE effective_from = ? AND deleted = 0 ORDER BY updated_at DESC, uuid DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rules->effective_from, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (uuid == NULL)
    uuid = g_uuid_string_random ();

  stmt = liaison_store_prepare (self,
    "INSERT INTO points_rules (uuid, version, updated_at, origin_station_uuid, sync_state, effective_from, data)"
    " VALUES (?1, 1, ?2, ?3, 1, ?4, ?5)"
    " ON CONFLICT (uuid) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at,"
    " deleted = 0, sync_state = 1, sync_error = NULL, effective_from = excluded.effective_from,"
    " data = excluded.data", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (origin != NULL)
    sqlite3_bind_text (stmt, 3, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rules->effective_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, _("Could not save the points rules"), error))
    return FALSE;
  liaison_store_emit_changed (self, "points_rules");
  return TRUE;
}
