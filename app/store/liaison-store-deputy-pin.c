/* liaison-store-deputy-pin.c: a deputy's PIN at this desk
 * (liaison-store-deputy-pin.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-pin.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-store-desk.h"
#include "liaison-store-sync-private.h"
#include "liaison-wire-schema.h"

/* Settings keys, each followed by the deputy's uuid: this desk's own
 * count of wrong tries and lock, which never sync. The hash is the
 * deputy_pins record's, which does. */
#define TRIES_KEY "pin-tries-"
#define UNTIL_KEY "pin-locked-until-"

static char *
get_deputy_setting (LiaisonStore *self,
                    const char   *prefix,
                    const char   *deputy_uuid)
{
  g_autofree char *key = g_strconcat (prefix, deputy_uuid, NULL);

  return liaison_store_get_setting (self, key);
}

static gboolean
set_deputy_setting (LiaisonStore  *self,
                    const char    *prefix,
                    const char    *deputy_uuid,
                    const char    *value,
                    GError       **error)
{
  g_autofree char *key = g_strconcat (prefix, deputy_uuid, NULL);

  return liaison_store_set_setting (self, key, value, error);
}

static gint64
get_deputy_number (LiaisonStore *self,
                   const char   *prefix,
                   const char   *deputy_uuid)
{
  g_autofree char *text = get_deputy_setting (self, prefix, deputy_uuid);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static GDateTime *
now_or_clock (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

/* The deputy's hash here, or NULL: none yet, or reset by headquarters. */
static char *
get_pin_hash (LiaisonStore *self,
              const char   *deputy_uuid)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, "SELECT hash FROM deputy_pins"
                                                    " WHERE deputy_uuid = ?1 AND deleted = 0", NULL);
  char *hash = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, deputy_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = liaison_db_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return hash;
}

/* The deputy's station here (NULL: none, or not on this roster), and
 * whether their PIN is shared: the deputy came from headquarters' server
 * and is at this desk's station, or this is headquarters' desk. Any other
 * PIN stays at this desk: the server would refuse it (a deputy it does
 * not have, or another station's). */
static void
deputy_pin_route (LiaisonStore  *self,
                  const char    *deputy_uuid,
                  char         **station,
                  gboolean      *shared)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT s.uuid, d.server_version > 0 FROM deputies d LEFT JOIN stations s ON s.id = d.station_id"
    " WHERE d.uuid = ?1 AND d.deleted = 0", NULL);
  gboolean known = FALSE;

  *station = NULL;
  *shared = FALSE;
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, deputy_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *station = liaison_db_column_text (stmt, 0);
      known = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (known && liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
    *shared = TRUE;
  else if (known && *station != NULL)
    {
      g_autofree char *local = liaison_store_get_setting (self, SETTING_STATION);

      *shared = g_strcmp0 (local, *station) == 0;
    }
}

/* Writes the deputy's PIN record: a new one, or the next version of the
 * one here, to be pushed if it is shared (deputy_pin_route ()). @hash
 * NULL is headquarters' reset, by @reset_by. The record names the
 * deputy's station, whose feed it goes to. */
static gboolean
write_pin (LiaisonStore  *self,
           const char    *deputy_uuid,
           const char    *hash,
           const char    *reset_by,
           GError       **error)
{
  g_autofree char *uuid = liaison_wire_deputy_pin_uuid (deputy_uuid);
  g_autofree char *now = liaison_store_now_utc ();
  g_autofree char *station = NULL;
  gboolean shared;
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO deputy_pins (uuid, version, updated_at, origin_station_uuid, sync_state, deputy_uuid,"
    " station_uuid, hash, set_at, reset_by) VALUES (?1, 1, ?2, ?6, ?7, ?5, ?6, ?3, ?2, ?4)"
    " ON CONFLICT (uuid) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at,"
    " origin_station_uuid = excluded.origin_station_uuid, station_uuid = excluded.station_uuid,"
    " hash = excluded.hash, set_at = excluded.set_at, reset_by = excluded.reset_by, deleted = 0,"
    " sync_state = excluded.sync_state, sync_error = NULL", error);

  if (stmt == NULL)
    return FALSE;
  deputy_pin_route (self, deputy_uuid, &station, &shared);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  liaison_store_bind_text_or_null (stmt, 3, hash);
  liaison_store_bind_text_or_null (stmt, 4, reset_by);
  sqlite3_bind_text (stmt, 5, deputy_uuid, -1, SQLITE_TRANSIENT);
  liaison_store_bind_text_or_null (stmt, 6, station);
  sqlite3_bind_int (stmt, 7, shared ? LIAISON_SYNC_STATE_PENDING : LIAISON_SYNC_STATE_SYNCED);
  return liaison_store_step_done (self, stmt, _("Could not save the deputy’s PIN"), error);
}

gboolean
liaison_store_deputy_has_pin (LiaisonStore *self,
                              const char   *deputy_uuid)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  hash = get_pin_hash (self, deputy_uuid);
  return hash != NULL;
}

gboolean
liaison_store_deputy_is_verified (LiaisonStore *self,
                                  const char   *deputy_uuid)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  return deputy_uuid != NULL && g_strcmp0 (liaison_store_get_verified_deputy (self), deputy_uuid) == 0;
}

gboolean
liaison_store_set_deputy_pin (LiaisonStore  *self,
                              const char    *deputy_uuid,
                              const char    *pin,
                              GError       **error)
{
  g_autoptr(GError) form_error = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  if (liaison_store_deputy_has_pin (self, deputy_uuid))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy already has a PIN; headquarters can reset it."));
      return FALSE;
    }
  if (!liaison_pin_check_form (pin, &form_error))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, form_error->message);
      return FALSE;
    }
  hash = liaison_pin_hash (pin, error);
  if (hash == NULL)
    return FALSE;

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!write_pin (self, deputy_uuid, hash, NULL, error) ||
      !set_deputy_setting (self, TRIES_KEY, deputy_uuid, NULL, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, NULL, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  liaison_store_set_verified_deputy (self, deputy_uuid);
  liaison_store_emit_changed (self, "deputy_pins");
  return TRUE;
}

GDateTime *
liaison_store_deputy_pin_locked_until (LiaisonStore *self,
                                       const char   *deputy_uuid,
                                       GDateTime    *now)
{
  g_autoptr(GDateTime) at = NULL;
  gint64 until;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (deputy_uuid != NULL, NULL);

  until = get_deputy_number (self, UNTIL_KEY, deputy_uuid);
  at = now_or_clock (now);
  if (until <= g_date_time_to_unix (at))
    return NULL;
  return g_date_time_new_from_unix_utc (until);
}

static void
set_locked_error (GDateTime  *until,
                  GError    **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (until);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %s is a local date and time, such as 2026-12-05 14:05 */
               _("Too many wrong PINs: this deputy can try again at this desk from %s."), when);
}

/* Counts one wrong try at @now, locking the deputy out at the fifth. */
static gboolean
count_wrong_try (LiaisonStore  *self,
                 const char    *deputy_uuid,
                 GDateTime     *now,
                 GError       **error)
{
  gint64 tries = get_deputy_number (self, TRIES_KEY, deputy_uuid) + 1;
  g_autofree char *tries_text = NULL;
  g_autofree char *until_text = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (tries >= LIAISON_PIN_MAX_TRIES)
    {
      until = g_date_time_add_minutes (now, LIAISON_PIN_LOCK_MINUTES);
      until_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (until));
      tries = 0;
    }
  else
    tries_text = g_strdup_printf ("%" G_GINT64_FORMAT, tries);

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!set_deputy_setting (self, TRIES_KEY, deputy_uuid, tries_text, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, until_text, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }

  if (until != NULL)
    set_locked_error (until, error);
  else
    {
      guint left = (guint) (LIAISON_PIN_MAX_TRIES - tries);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Wrong PIN. %u try left before this deputy is locked out for 15 minutes.",
                                "Wrong PIN. %u tries left before this deputy is locked out for 15 minutes.", left),
                   left);
    }
  return FALSE;
}

gboolean
liaison_store_verify_deputy_pin (LiaisonStore  *self,
                                 const char    *deputy_uuid,
                                 const char    *pin,
                                 GDateTime     *now,
                                 GError       **error)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) locked = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  at = now_or_clock (now);
  locked = liaison_store_deputy_pin_locked_until (self, deputy_uuid, at);
  if (locked != NULL)
    {
      set_locked_error (locked, error);
      return FALSE;
    }
  hash = get_pin_hash (self, deputy_uuid);
  if (hash == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy has no PIN yet; set one first."));
      return FALSE;
    }
  if (!liaison_pin_verify (pin, hash))
    return count_wrong_try (self, deputy_uuid, at, error);

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!set_deputy_setting (self, TRIES_KEY, deputy_uuid, NULL, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, NULL, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  liaison_store_set_verified_deputy (self, deputy_uuid);
  return TRUE;
}

gboolean
liaison_store_reset_deputy_pin (LiaisonStore  *self,
                                const char    *deputy_uuid,
                                GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                           _("Only headquarters can reset a deputy’s PIN."));
      return FALSE;
    }
  if (!liaison_store_deputy_has_pin (self, deputy_uuid))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy has no PIN to reset."));
      return FALSE;
    }
  name = liaison_store_get_desk_setting (self, "name");

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!write_pin (self, deputy_uuid, NULL, name, error) ||
      !set_deputy_setting (self, TRIES_KEY, deputy_uuid, NULL, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, NULL, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  if (liaison_store_deputy_is_verified (self, deputy_uuid))
    liaison_store_set_verified_deputy (self, NULL);
  liaison_store_emit_changed (self, "deputy_pins");
  return TRUE;
}

gboolean
liaison_store_get_deputy_pin_record (LiaisonStore  *self,
                                     const char    *deputy_uuid,
                                     gboolean      *has_hash,
                                     char         **set_at,
                                     char         **reset_by)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  *has_hash = FALSE;
  *set_at = *reset_by = NULL;
  stmt = liaison_store_prepare (self, "SELECT hash IS NOT NULL, set_at, reset_by FROM deputy_pins"
                                      " WHERE deputy_uuid = ?1 AND deleted = 0", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, deputy_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *has_hash = sqlite3_column_int (stmt, 0) != 0;
      *set_at = liaison_db_column_text (stmt, 1);
      *reset_by = liaison_db_column_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

/* ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, then the record's. */
static const char pin_upsert[] =
  "INSERT INTO deputy_pins (uuid, version, server_version, updated_at, origin_station_uuid, deleted, sync_state,"
  " sync_error, deputy_uuid, station_uuid, hash, set_at, reset_by)"
  " VALUES (?1, ?2, ?2, ?3, ?4, 0, 0, NULL, ?5, ?6, ?7, ?8, ?9)"
  " ON CONFLICT (uuid) DO UPDATE SET version = excluded.version, server_version = excluded.server_version,"
  " updated_at = excluded.updated_at, origin_station_uuid = excluded.origin_station_uuid, deleted = 0,"
  " sync_state = 0, sync_error = NULL, deputy_uuid = excluded.deputy_uuid, station_uuid = excluded.station_uuid,"
  " hash = excluded.hash, set_at = excluded.set_at, reset_by = excluded.reset_by";

gboolean
liaison_store_sync_write_deputy_pin (LiaisonStore    *self,
                                     const Incoming  *incoming,
                                     GError         **error)
{
  static const char *const members[] = { "deputy", "station", "hash", "set_at", "reset_by" };
  sqlite3_stmt *stmt = liaison_store_prepare (self, pin_upsert, error);

  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  /* The wire's check let it in: every member is there, of its type; its
   * normalising made a null text "" (liaison_wire_normalize_record ()),
   * which is none here: a reset's hash, a PIN set's reset_by. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *text = data_string (incoming->data, members[i]);

      liaison_store_bind_text_or_null (stmt, 5 + i, text != NULL && *text != '\0' ? text : NULL);
    }
  if (!liaison_store_step_done (self, stmt, _("Could not save a record received from the server"), error))
    return FALSE;
  liaison_store_emit_changed (self, "deputy_pins");
  return TRUE;
}

gboolean
liaison_store_sync_pin_is_newer (JsonObject *local,
                                 JsonObject *server)
{
  JsonObject *local_data = local != NULL ? json_object_get_object_member (local, "data") : NULL;
  JsonObject *server_data = json_object_get_object_member (server, "data");
  const char *local_at = local_data != NULL ? data_string (local_data, "set_at") : NULL;
  const char *server_at = server_data != NULL ? data_string (server_data, "set_at") : NULL;

  return local_at != NULL && g_strcmp0 (local_at, server_at) > 0;
}
