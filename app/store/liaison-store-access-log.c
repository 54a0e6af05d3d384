/* liaison-store-access-log.c: the access log kept and listed
 * (liaison-store-access-log.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-access-log.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-store-sync-private.h"
#include "liaison-validate.h"

void
liaison_access_entry_free (LiaisonAccessEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->at);
  g_free (entry->role);
  g_free (entry->actor_name);
  g_free (entry->desk_uuid);
  g_free (entry->what);
  g_free (entry->reason);
  g_free (entry);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* This desk: its station's uuid, or at a desk without one (headquarters)
 * a uuid of its own, made the first time and kept in the file. */
static char *
own_desk (LiaisonStore  *self,
          GError       **error)
{
  char *desk = liaison_store_get_setting (self, "station_uuid");

  if (desk != NULL)
    return desk;
  desk = liaison_store_get_setting (self, "access_desk_uuid");
  if (desk != NULL)
    return desk;
  desk = g_uuid_string_random ();
  if (!liaison_store_set_setting (self, "access_desk_uuid", desk, error))
    g_clear_pointer (&desk, g_free);
  return desk;
}

char *
liaison_store_dup_access_desk (LiaisonStore  *self,
                               GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return own_desk (self, error);
}

static char *
own_role (LiaisonStore *self)
{
  char *role = liaison_store_get_desk_setting (self, "role");
  const char *sync_role;

  if (role != NULL && *role != '\0')
    return role;
  g_free (role);
  sync_role = liaison_sync_role_to_code (liaison_store_get_sync_role (self));
  return g_strdup (sync_role != NULL ? sync_role : "station");
}

gboolean
liaison_store_log_access (LiaisonStore              *self,
                          const LiaisonAccessEntry  *entry,
                          GError                   **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *at = NULL;
  g_autofree char *role = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *desk = NULL;
  LiaisonRecordMeta meta = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if ((guint) entry->kind >= LIAISON_N_ACCESS_KINDS)
    return invalid (error, _("The access log has no such kind of entry."));
  if (entry->reason != NULL && !g_utf8_validate (entry->reason, -1, NULL))
    return invalid (error, _("The reason is not valid text."));
  if (liaison_text_is_blank (entry->reason))
    return invalid (error, _("Say why the contacts are needed: the reason is written in the access log."));
  reason = g_strstrip (g_strdup (entry->reason));
  if (g_utf8_strlen (reason, -1) > LIAISON_ACCESS_MAX_REASON_CHARS)
    return invalid (error, _("The reason is too long for the access log (500 characters at most)."));

  at = entry->at != NULL ? g_strdup (entry->at) : liaison_store_now_utc ();
  role = entry->role != NULL ? g_strdup (entry->role) : own_role (self);
  actor = entry->actor_name != NULL ? g_strdup (entry->actor_name)
                                    : liaison_store_get_desk_setting (self, "name");
  if (!liaison_store_begin (self, error))
    return FALSE;
  desk = entry->desk_uuid != NULL ? g_strdup (entry->desk_uuid) : own_desk (self, error);
  if (desk == NULL)
    goto failed;

  meta.uuid = g_strdup (entry->uuid);
  stmt = liaison_store_begin_record_write (self, &meta,
    "INSERT INTO access_log (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " kind, at, role, actor_name, desk_uuid, what, n_contacts, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", NULL, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 6, liaison_access_kind_to_code (entry->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
  liaison_store_bind_text (stmt, 8, role);
  liaison_store_bind_text (stmt, 9, actor);
  sqlite3_bind_text (stmt, 10, desk, -1, SQLITE_TRANSIENT);
  liaison_store_bind_text (stmt, 11, entry->what);
  sqlite3_bind_int64 (stmt, 12, entry->n_contacts);
  sqlite3_bind_text (stmt, 13, reason, -1, SQLITE_TRANSIENT);
  if (!liaison_store_end_record_write (self, stmt, &meta, TRUE, _("Could not write the access log"),
                                       NULL, NULL, error))
    goto failed;
  liaison_record_meta_clear (&meta);
  liaison_store_emit_changed (self, "access_log");
  return liaison_store_commit (self, error);

failed:
  liaison_record_meta_clear (&meta);
  liaison_store_rollback (self);
  return FALSE;
}

#define ENTRY_SELECT \
  "SELECT uuid, kind, at, role, actor_name, desk_uuid, what, n_contacts, reason FROM access_log"

static gpointer
read_entry (sqlite3_stmt *stmt)
{
  LiaisonAccessEntry *entry = g_new0 (LiaisonAccessEntry, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);

  entry->uuid = liaison_db_column_text (stmt, 0);
  if (!liaison_access_kind_from_code (kind, &entry->kind))
    g_warning ("The access log entry %s has an unknown kind “%s”", entry->uuid, kind);
  entry->at = liaison_db_column_text (stmt, 2);
  entry->role = liaison_db_column_text (stmt, 3);
  entry->actor_name = liaison_db_column_text (stmt, 4);
  entry->desk_uuid = liaison_db_column_text (stmt, 5);
  entry->what = liaison_db_column_text (stmt, 6);
  entry->n_contacts = (guint) CLAMP (sqlite3_column_int64 (stmt, 7), 0, G_MAXUINT);
  entry->reason = liaison_db_column_text (stmt, 8);
  return entry;
}

GPtrArray *
liaison_store_list_access_log (LiaisonStore  *self,
                               const GDate   *from,
                               const GDate   *to,
                               int            kind,
                               GError       **error)
{
  g_autofree char *from_at = NULL;
  g_autofree char *to_at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);

  stmt = liaison_store_prepare (self, ENTRY_SELECT
    " WHERE deleted = 0 AND (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2)"
    " AND (?3 IS NULL OR kind = ?3) ORDER BY at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    {
      from_at = liaison_access_day_start_utc (from, 0);
      sqlite3_bind_text (stmt, 1, from_at, -1, SQLITE_TRANSIENT);
    }
  if (to != NULL)
    {
      to_at = liaison_access_day_start_utc (to, 1);
      sqlite3_bind_text (stmt, 2, to_at, -1, SQLITE_TRANSIENT);
    }
  if (kind >= 0 && kind < LIAISON_N_ACCESS_KINDS)
    sqlite3_bind_text (stmt, 3, liaison_access_kind_to_code (kind), -1, SQLITE_STATIC);
  return liaison_store_collect_rows (self, stmt, read_entry, (GDestroyNotify) liaison_access_entry_free,
                                     _("Could not read the access log"), error);
}

LiaisonAccessEntry *
liaison_store_get_access_entry (LiaisonStore  *self,
                                const char    *uuid,
                                GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = liaison_store_prepare (self, ENTRY_SELECT " WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rows = liaison_store_collect_rows (self, stmt, read_entry, (GDestroyNotify) liaison_access_entry_free,
                                     _("Could not read the access log"), error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                           _("The access log entry is not here."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, then the entry. On a
 * uuid here already only the sync bookkeeping moves: schema 15's
 * triggers refuse anything else. */
static const char access_insert[] =
  "INSERT INTO access_log (uuid, version, server_version, updated_at, origin_station_uuid, deleted, sync_state,"
  " sync_error, kind, at, role, actor_name, desk_uuid, what, n_contacts, reason)"
  " VALUES (?1, ?2, ?2, ?3, ?4, 0, 0, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
  " ON CONFLICT (uuid) DO UPDATE SET server_version = excluded.server_version, sync_state = 0, sync_error = NULL";

gboolean
liaison_store_sync_write_access (LiaisonStore    *self,
                                 const Incoming  *incoming,
                                 GError         **error)
{
  static const char *const members[] = { "kind", "at", "role", "actor", "desk", "what" };
  sqlite3_stmt *stmt = liaison_store_prepare (self, access_insert, error);

  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  /* The wire's check let it in (liaison_wire_check_record ()): every
   * member is there, of its type. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    liaison_store_bind_text (stmt, 5 + i, data_string (incoming->data, members[i]));
  sqlite3_bind_int64 (stmt, 11, json_object_get_int_member (incoming->data, "n_contacts"));
  liaison_store_bind_text (stmt, 12, data_string (incoming->data, "reason"));
  return liaison_store_step_done (self, stmt, _("Could not save a record received from the server"), error);
}
