/* liaison-store-sync-enroll.c: enrollment adopted (the server's station becomes
 * this station) and the server left. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-sync-private.h"

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Runs @sql with ?1 and ?2 bound to @a and @b (texts, or ids if NULL). */
static gboolean
run_update (LiaisonStore  *self,
            const char    *sql,
            const char    *a,
            const char    *b,
            gint64         a_id,
            gint64         b_id,
            GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, a_id);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b_id);
  return liaison_store_step_done (self, stmt, _("Could not adopt the enrollment"), error);
}

/* Makes the server's station this station. */
static gboolean
adopt_station (LiaisonStore  *self,
               JsonObject    *station,
               GError       **error)
{
  const char *uuid = json_object_get_string_member (station, "uuid");
  const char *name = json_object_get_string_member (station, "name");
  const char *district = data_string (station, "district");
  const char *address = data_string (station, "address");
  LiaisonStationKind kind;
  g_autofree char *old_uuid = liaison_store_get_setting (self, SETTING_STATION);
  LocalRow old_row = { 0 };
  LocalRow new_row = { 0 };
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  liaison_station_kind_from_code (json_object_get_string_member (station, "kind"), &kind);
  if (old_uuid != NULL)
    liaison_store_sync_find_local (self, KIND_STATION, old_uuid, &old_row, NULL);
  liaison_store_sync_find_local (self, KIND_STATION, uuid, &new_row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (old_row.id != 0 && new_row.id != 0 && old_row.id != new_row.id)
    {
      /* The server's station is here already (pulled earlier): this
       * station's records move to it and the local row goes. */
      static const char *const moves[] = {
        "UPDATE receptions SET station_id = ?2 WHERE station_id = ?1",
        "UPDATE suggestions SET station_id = ?2 WHERE station_id = ?1",
        "UPDATE deputies SET station_id = ?2 WHERE station_id = ?1",
        "DELETE FROM stations WHERE id = ?1",
      };

      for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
        if (!run_update (self, moves[i], NULL, NULL, old_row.id, new_row.id, error))
          return FALSE;
    }

  if (new_row.id == 0 && old_row.id != 0)
    new_row.id = old_row.id;

  if (new_row.id != 0)
    stmt = liaison_store_prepare (self,
      "UPDATE stations SET uuid = ?1, name = ?2, kind = ?3, district = ?4, address = ?7, origin_station_uuid = ?1,"
      " deleted = 0, version = CASE WHEN uuid = ?1 THEN version ELSE 0 END,"
      " server_version = CASE WHEN uuid = ?1 THEN server_version ELSE 0 END,"
      " sync_state = CASE WHEN uuid = ?1 THEN sync_state ELSE 0 END,"
      " sync_error = CASE WHEN uuid = ?1 THEN sync_error ELSE NULL END WHERE id = ?5", error);
  else
    stmt = liaison_store_prepare (self,
      "INSERT INTO stations (uuid, version, server_version, updated_at, origin_station_uuid,"
      " sync_state, name, kind, district, address) VALUES (?1, 0, 0, ?6, ?1, 0, ?2, ?3, ?4, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, liaison_station_kind_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, district != NULL ? district : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, address != NULL ? address : "", -1, SQLITE_TRANSIENT);
  if (new_row.id != 0)
    sqlite3_bind_int64 (stmt, 5, new_row.id);
  else
    {
      g_autofree char *now = liaison_store_now_utc ();
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
    }
  if (!liaison_store_step_done (self, stmt, _("Could not adopt the station"), error))
    return FALSE;

  if (old_uuid != NULL && strcmp (old_uuid, uuid) != 0)
    for (guint k = 0; k < N_KINDS; k++)
      {
        g_autofree char *sql = g_strdup_printf ("UPDATE %s SET origin_station_uuid = ?2"
                                                " WHERE origin_station_uuid = ?1", liaison_store_sync_kinds[k].table);

        if (!run_update (self, sql, old_uuid, uuid, 0, 0, error))
          return FALSE;
      }
  return liaison_store_set_setting (self, SETTING_STATION, uuid, error);
}

gboolean
liaison_store_adopt_enrollment (LiaisonStore  *store,
                                const char    *server_url,
                                JsonObject    *enroll_answer,
                                GError       **error)
{
  LiaisonSyncRole role;
  LiaisonSyncRole old_role;
  LiaisonStationKind kind;
  g_autofree char *old_server_id = NULL;
  g_autofree char *old_station = NULL;
  const char *server_id;
  const char *station_uuid = NULL;
  JsonObject *station = NULL;
  JsonNode *member;
  gboolean same_place;
  guint unsynced;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (server_url != NULL, FALSE);

  if (enroll_answer == NULL ||
      !node_is (json_object_get_member (enroll_answer, "role"), G_TYPE_STRING) ||
      !liaison_sync_role_from_code (json_object_get_string_member (enroll_answer, "role"), &role) ||
      !node_is (json_object_get_member (enroll_answer, "server_id"), G_TYPE_STRING) ||
      *json_object_get_string_member (enroll_answer, "server_id") == '\0')
    return refuse (error, _("The server’s answer to the enrollment cannot be used: it does not say which server it is or what this computer may do."));
  server_id = json_object_get_string_member (enroll_answer, "server_id");

  member = json_object_get_member (enroll_answer, "station");
  if (role == LIAISON_SYNC_ROLE_STATION)
    {
      if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
        return refuse (error, _("The server’s answer to the enrollment cannot be used: it does not say which station this is."));
      station = json_node_get_object (member);
      if (!node_is (json_object_get_member (station, "uuid"), G_TYPE_STRING) ||
          *json_object_get_string_member (station, "uuid") == '\0' ||
          !node_is (json_object_get_member (station, "name"), G_TYPE_STRING) ||
          *json_object_get_string_member (station, "name") == '\0' ||
          !node_is (json_object_get_member (station, "kind"), G_TYPE_STRING) ||
          !liaison_station_kind_from_code (json_object_get_string_member (station, "kind"), &kind) ||
          !(node_is_null (json_object_get_member (station, "district")) ||
            node_is (json_object_get_member (station, "district"), G_TYPE_STRING)) ||
          !(node_is_null (json_object_get_member (station, "address")) ||
            node_is (json_object_get_member (station, "address"), G_TYPE_STRING)))
        return refuse (error, _("The server’s answer to the enrollment cannot be used: the station in it is incomplete."));
      station_uuid = json_object_get_string_member (station, "uuid");
    }

  if (!liaison_store_begin (store, error))
    return FALSE;

  old_role = liaison_store_get_sync_role (store);
  old_server_id = liaison_store_get_setting (store, SETTING_SERVER_ID);
  old_station = liaison_store_get_setting (store, SETTING_STATION);
  same_place = old_role == role && g_strcmp0 (old_server_id, server_id) == 0 &&
               (role != LIAISON_SYNC_ROLE_STATION || g_strcmp0 (old_station, station_uuid) == 0);
  if (old_role != LIAISON_SYNC_ROLE_NONE && !same_place)
    {
      g_autoptr(GError) local_error = NULL;

      unsynced = liaison_store_count_unsynced (store, &local_error);
      if (local_error != NULL)
        {
          liaison_store_rollback (store);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (unsynced > 0)
        {
          liaison_store_rollback (store);
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       ngettext ("This computer is enrolled with another server or station and %u record has not been synced yet. Sync it before enrolling again.",
                                 "This computer is enrolled with another server or station and %u records have not been synced yet. Sync them before enrolling again.",
                                 unsynced),
                       unsynced);
          return FALSE;
        }
    }

  if ((g_strcmp0 (old_server_id, server_id) != 0 || old_role != role) &&
      !liaison_store_sync_set_checkpoint (store, 0, error))
    goto failed;
  if (!liaison_store_set_setting (store, SETTING_ROLE, liaison_sync_role_to_code (role), error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_URL, server_url, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_ID, server_id, error))
    goto failed;
  if (station != NULL && !adopt_station (store, station, error))
    goto failed;

  for (guint k = 0; k < N_KINDS; k++)
    liaison_store_emit_changed (store, liaison_store_sync_kinds[k].table);
  return liaison_store_commit (store, error);

failed:
  liaison_store_rollback (store);
  return FALSE;
}

gboolean
liaison_store_leave_server (LiaisonStore  *store,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint unsynced;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  if (!liaison_store_begin (store, error))
    return FALSE;
  unsynced = liaison_store_count_unsynced (store, &local_error);
  if (local_error != NULL)
    {
      liaison_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (unsynced > 0 && liaison_store_get_sync_role (store) != LIAISON_SYNC_ROLE_NONE)
    {
      liaison_store_rollback (store);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   ngettext ("%u record has not been synced yet. Sync it before leaving the server.",
                             "%u records have not been synced yet. Sync them before leaving the server.",
                             unsynced),
                   unsynced);
      return FALSE;
    }
  if (!liaison_store_set_setting (store, SETTING_ROLE, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_URL, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_ID, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_CHECKPOINT, NULL, error))
    {
      liaison_store_rollback (store);
      return FALSE;
    }
  return liaison_store_commit (store, error);
}
