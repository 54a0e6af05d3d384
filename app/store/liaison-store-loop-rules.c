/* liaison-store-loop-rules.c: headquarters' loop rules as this replica keeps them (the
 * loop_rules record), and the due date they give. */
#define G_LOG_DOMAIN "liaison-store-loop"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

LiaisonLoopRules *
liaison_store_get_loop_rules (LiaisonStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  LiaisonLoopRules *rules;
  JsonObject *object;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, "SELECT data FROM loop_rules WHERE uuid = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data = liaison_db_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read headquarters’ rules"));
      return NULL;
    }
  if (data == NULL)
    {
      /* No rules from headquarters yet: the published holidays, not
       * weekends alone, so that a first referral's due date is right. */
      rules = liaison_loop_rules_new ();
      liaison_calendar_free (rules->calendar);
      rules->calendar = liaison_calendar_new_official ();
      return rules;
    }

  parser = json_parser_new ();
  object = liaison_store_parse_object (parser, data, &local_error);
  rules = object != NULL ? liaison_loop_rules_from_json (object, &local_error) : NULL;
  if (rules == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                   _("Headquarters’ rules on this computer cannot be read: %s"), local_error->message);
      return NULL;
    }
  return rules;
}

gboolean
liaison_store_set_loop_rules (LiaisonStore            *self,
                              const LiaisonLoopRules  *rules,
                              GError                 **error)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *data = NULL;
  g_autofree char *now = NULL;
  g_autofree char *origin = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Only headquarters can change the holidays and time limits."));
      return FALSE;
    }
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    if (rules->limits[k].working_days == 0 && rules->limits[k].months == 0)
      {
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                     /* Translators: %s is a kind of suggestion, "Public opinion" */
                     _("Give a time limit for “%s”: a number of working days or of months."),
                     liaison_loop_kind_label ((LiaisonLoopKind) k));
        return FALSE;
      }

  object = liaison_loop_rules_to_json (rules);
  data = liaison_store_json_text (object);
  now = liaison_store_now_utc ();
  origin = liaison_store_get_setting (self, "station_uuid");

  stmt = liaison_store_prepare (self,
    "INSERT INTO loop_rules (uuid, version, updated_at, origin_station_uuid, sync_state, data)"
    " VALUES (?1, 1, ?2, ?3, 1, ?4)"
    " ON CONFLICT (uuid) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at,"
    " deleted = 0, sync_state = 1, sync_error = NULL, data = excluded.data", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (origin != NULL)
    sqlite3_bind_text (stmt, 3, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, data, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, _("Could not save the holidays and time limits"), error))
    return FALSE;
  liaison_store_emit_changed (self, "loop_rules");
  return TRUE;
}

void
liaison_store_default_due_date (LiaisonStore    *self,
                                LiaisonLoopKind  kind,
                                const GDate     *referral_day,
                                GDate           *due)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;

  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail ((guint) kind < LIAISON_N_LOOP_KINDS);
  g_return_if_fail (referral_day != NULL && due != NULL);

  /* Unreadable rules must not stop a referral: the defaults still apply. */
  rules = liaison_store_get_loop_rules (self, NULL);
  if (rules == NULL)
    rules = liaison_loop_rules_new ();
  liaison_calendar_due_date (rules->calendar, referral_day, &rules->limits[kind], due);
}
