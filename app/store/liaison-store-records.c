/* liaison-store-records.c: the columns every synced record has: binding values,
 * reading a record's meta, writing a new version of a record, and the
 * station a record belongs to. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"

void
liaison_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
liaison_store_bind_text_or_null (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
liaison_store_bind_id_or_null (sqlite3_stmt *stmt,
                               int           index,
                               gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
liaison_store_read_record_meta (sqlite3_stmt      *stmt,
                                int                column,
                                LiaisonRecordMeta *meta)
{
  meta->id = sqlite3_column_int64 (stmt, column);
  meta->uuid = liaison_db_column_text (stmt, column + 1);
  meta->version = sqlite3_column_int64 (stmt, column + 2);
  meta->updated_at = liaison_db_column_text (stmt, column + 3);
  meta->origin_station_uuid = liaison_db_column_text (stmt, column + 4);
  meta->deleted = sqlite3_column_int (stmt, column + 5) != 0;
  meta->sync_state = sqlite3_column_int (stmt, column + 6);
  meta->sync_error = liaison_db_column_text (stmt, column + 7);
}

/* A new record's meta: a fresh UUID, version 1, from this station. */
static void
prepare_new_meta (LiaisonStore      *self,
                  LiaisonRecordMeta *meta)
{
  if (meta->uuid == NULL)
    meta->uuid = g_uuid_string_random ();
  meta->version = 1;
  g_free (meta->updated_at);
  meta->updated_at = liaison_store_now_utc ();
  if (meta->origin_station_uuid == NULL)
    meta->origin_station_uuid = liaison_store_get_setting (self, "station_uuid");
  meta->sync_state = LIAISON_SYNC_STATE_PENDING;
}

static void
prepare_edited_meta (LiaisonRecordMeta *meta)
{
  meta->version++;
  g_free (meta->updated_at);
  meta->updated_at = liaison_store_now_utc ();
  meta->sync_state = LIAISON_SYNC_STATE_PENDING;
  g_clear_pointer (&meta->sync_error, g_free);
}

/* Starts writing a record: a new one (id 0) gets its meta and @insert_sql,
 * an existing one a new version and @update_sql. Both statements take the
 * meta as ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, ?5 sync_state; the
 * caller binds its own columns after them, and the id for an update. */
sqlite3_stmt *
liaison_store_begin_record_write (LiaisonStore       *self,
                                  LiaisonRecordMeta  *meta,
                                  const char         *insert_sql,
                                  const char         *update_sql,
                                  GError            **error)
{
  gboolean is_new = meta->id == 0;
  sqlite3_stmt *stmt;

  if (is_new)
    prepare_new_meta (self, meta);
  else
    prepare_edited_meta (meta);
  stmt = liaison_store_prepare (self, is_new ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, meta->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, meta->version);
  sqlite3_bind_text (stmt, 3, meta->updated_at, -1, SQLITE_TRANSIENT);
  if (meta->origin_station_uuid != NULL)
    sqlite3_bind_text (stmt, 4, meta->origin_station_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, meta->sync_state);
  return stmt;
}

/* Runs the write begun above. A new record learns its id; an update must
 * have found its live row, or the record was deleted meanwhile (@gone). A
 * broken reference is reported as @bad_reference when given. */
gboolean
liaison_store_end_record_write (LiaisonStore       *self,
                                sqlite3_stmt       *stmt,
                                LiaisonRecordMeta  *meta,
                                gboolean            is_new,
                                const char         *failed,
                                const char         *gone,
                                const char         *bad_reference,
                                GError            **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (bad_reference != NULL && sqlite3_extended_errcode (liaison_store_get_handle (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, bad_reference);
      else
        liaison_store_set_error (self, error, failed);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (is_new)
    meta->id = sqlite3_last_insert_rowid (liaison_store_get_handle (self));
  else if (sqlite3_changes (liaison_store_get_handle (self)) != 1)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  return TRUE;
}

/* Fills in the station a record belongs to: this one, unless it says. */
gboolean
liaison_store_resolve_station (LiaisonStore  *self,
                               gint64        *station_id,
                               GError       **error)
{
  g_autoptr(LiaisonStation) station = NULL;

  if (*station_id > 0)
    return TRUE;
  station = liaison_store_get_local_station (self);
  if (station == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION,
                           _("This station has not been set up yet: give its name first."));
      return FALSE;
    }
  *station_id = station->meta.id;
  return TRUE;
}
