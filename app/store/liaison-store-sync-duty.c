/* liaison-store-sync-duty.c: the duty record's kinds on the wire
 * (docs/duty-record.md, "Storage and sync"): an activity with its
 * attendees inside, a duty shift and a closed quarter with its snapshot;
 * encoded for a push, and a pulled one written as this replica's copy. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-activity.h"
#include "liaison-json-depth.h"
#include "liaison-quarter-snapshot.h"
#include "liaison-store-sync-private.h"

static void
set_column (JsonObject   *data,
            const char   *member,
            sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  json_object_set_string_member (data, member, text != NULL ? text : "");
}

static void
add_attendee (sqlite3_stmt *stmt,
              gpointer      attendees)
{
  JsonObject *attendee = json_object_new ();

  set_column (attendee, "deputy", stmt, 0);
  set_column (attendee, "attendance", stmt, 1);
  json_array_add_object_element (attendees, attendee);
}

static gboolean
encode_attendees (LiaisonStore  *self,
                  gint64         activity_id,
                  JsonObject    *data,
                  GError       **error)
{
  g_autoptr(JsonArray) attendees = json_array_new ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT d.uuid, t.attendance FROM activity_attendees t JOIN deputies d ON d.id = t.deputy_id"
    " WHERE t.activity_id = ? ORDER BY t.position", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!liaison_store_step_rows (self, stmt, add_attendee, attendees, _("Could not read the records to sync"), error))
    return FALSE;
  json_object_set_array_member (data, "attendees", g_steal_pointer (&attendees));
  return TRUE;
}

/* @data of the row @stmt is on, selected by the kind's select. */
gboolean
liaison_store_sync_encode_duty (LiaisonStore  *self,
                                Kind           kind,
                                sqlite3_stmt  *stmt,
                                JsonObject    *data,
                                GError       **error)
{
  static const char *const activity_columns[] = {
    "kind", "title", "date", "end_date", "place", "organiser", "note",
    "correction_reason", "corrected_by", "corrected_at",
  };
  static const char *const shift_columns[] = { "station", "deputy", "date", "note" };
  static const char *const close_columns[] = { "quarter", "closed_at", "closed_by" };
  const int c = META_COLUMNS;

  if (kind == KIND_QUARTER_CLOSE)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, c + 3);
      JsonNode *snapshot;

      for (guint i = 0; i < G_N_ELEMENTS (close_columns); i++)
        set_column (data, close_columns[i], stmt, c + (int) i);
      /* Kept as the store wrote it; checked again, as any stored JSON. */
      snapshot = liaison_json_from_string (text != NULL ? text : "", error);
      if (snapshot == NULL)
        {
          g_prefix_error (error, _("Could not read the records to sync: "));
          return FALSE;
        }
      json_object_set_member (data, "snapshot", snapshot);
      return TRUE;
    }
  if (kind == KIND_DUTY_SHIFT)
    {
      for (guint i = 0; i < G_N_ELEMENTS (shift_columns); i++)
        set_column (data, shift_columns[i], stmt, c + (int) i);
      return TRUE;
    }
  g_return_val_if_fail (kind == KIND_ACTIVITY, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (activity_columns); i++)
    set_column (data, activity_columns[i], stmt, c + (int) i);
  return encode_attendees (self, sqlite3_column_int64 (stmt, 0), data, error);
}

/* The upserts: ?1 uuid, ?2 version (also server_version), ?3 updated_at,
 * ?4 origin, ?5 deleted, then the kind's columns. */
#define META_COLUMNS_SQL "uuid, version, server_version, updated_at, origin_station_uuid, deleted, sync_state, sync_error"
#define META_VALUES_SQL "?1, ?2, ?2, ?3, ?4, ?5, 0, NULL"
#define META_UPDATE_SQL " ON CONFLICT (uuid) DO UPDATE SET version = excluded.version," \
  " server_version = excluded.server_version, updated_at = excluded.updated_at," \
  " origin_station_uuid = excluded.origin_station_uuid, deleted = excluded.deleted," \
  " sync_state = 0, sync_error = NULL"

static const char activity_upsert[] =
  "INSERT INTO activities (" META_COLUMNS_SQL ", kind, title, date, end_date, place, organiser, note,"
  " correction_reason, corrected_by, corrected_at)"
  " VALUES (" META_VALUES_SQL ", ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)" META_UPDATE_SQL
  ", kind = excluded.kind, title = excluded.title, date = excluded.date, end_date = excluded.end_date,"
  " place = excluded.place, organiser = excluded.organiser, note = excluded.note,"
  " correction_reason = excluded.correction_reason, corrected_by = excluded.corrected_by,"
  " corrected_at = excluded.corrected_at";

static const char close_upsert[] =
  "INSERT INTO quarter_closes (" META_COLUMNS_SQL ", quarter, closed_at, closed_by, snapshot)"
  " VALUES (" META_VALUES_SQL ", ?6, ?7, ?8, ?9)" META_UPDATE_SQL
  ", quarter = excluded.quarter, closed_at = excluded.closed_at, closed_by = excluded.closed_by,"
  " snapshot = excluded.snapshot";

static const char shift_upsert[] =
  "INSERT INTO duty_shifts (" META_COLUMNS_SQL ", station_id, deputy_id, date, note)"
  " VALUES (" META_VALUES_SQL ", ?6, ?7, ?8, ?9)" META_UPDATE_SQL
  ", station_id = excluded.station_id, deputy_id = excluded.deputy_id, date = excluded.date,"
  " note = excluded.note";

/* Optional text may be missing as well as null or "": all are "" here. */
static void
bind_member (sqlite3_stmt *stmt,
             int           index,
             JsonObject   *data,
             const char   *member)
{
  const char *text = data_string (data, member);

  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* Replaces the activity's attendees with the wire's, in their order; a
 * deputy not here yet gets a stand-in. */
static gboolean
write_attendees (LiaisonStore  *self,
                 gint64         activity_id,
                 JsonObject    *data,
                 GError       **error)
{
  const char *failed = _("Could not save a record received from the server");
  JsonNode *node = json_object_get_member (data, "attendees");
  JsonArray *attendees = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  sqlite3_stmt *stmt = liaison_store_prepare (self, "DELETE FROM activity_attendees WHERE activity_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  for (guint i = 0; attendees != NULL && i < json_array_get_length (attendees); i++)
    {
      JsonObject *attendee = json_array_get_object_element (attendees, i);
      LiaisonAttendance attendance = LIAISON_ATTENDANCE_ATTENDED;
      gint64 deputy_id;

      liaison_attendance_from_code (data_string (attendee, "attendance"), &attendance);
      deputy_id = liaison_store_sync_resolve_or_stand_in (self, KIND_DEPUTY, data_string (attendee, "deputy"), error);
      if (deputy_id <= 0)
        return FALSE;
      stmt = liaison_store_prepare (self,
        "INSERT OR IGNORE INTO activity_attendees (activity_id, deputy_id, position, attendance)"
        " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_int64 (stmt, 2, deputy_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, liaison_attendance_to_code (attendance), -1, SQLITE_STATIC);
      if (!liaison_store_step_done (self, stmt, failed, error))
        return FALSE;
    }
  return TRUE;
}

/* A closed quarter, its snapshot kept as this replica writes it. */
static gboolean
write_quarter_close (LiaisonStore    *self,
                     const Incoming  *incoming,
                     GError         **error)
{
  JsonNode *node = json_object_get_member (incoming->data, "snapshot");
  g_autoptr(LiaisonQuarterSnapshot) snapshot = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  /* The wire's check read it already (liaison_wire_check_record ()). */
  snapshot = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
             ? liaison_quarter_snapshot_from_json (json_node_get_object (node), error) : NULL;
  if (snapshot == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                             _("Could not save a record received from the server"));
      return FALSE;
    }
  text = liaison_quarter_snapshot_to_string (snapshot);
  stmt = liaison_store_prepare (self, close_upsert, error);
  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  sqlite3_bind_int (stmt, 5, incoming->deleted ? 1 : 0);
  bind_member (stmt, 6, incoming->data, "quarter");
  bind_member (stmt, 7, incoming->data, "closed_at");
  bind_member (stmt, 8, incoming->data, "closed_by");
  sqlite3_bind_text (stmt, 9, text, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a record received from the server"), error);
}

/* Writes the server's activity or duty shift, with data (a tombstone
 * without data is written by the caller), as this replica's copy: its
 * version both version and server_version, synced. @local_id: the row,
 * or 0. */
gboolean
liaison_store_sync_write_duty (LiaisonStore    *self,
                               const Incoming  *incoming,
                               gint64           local_id,
                               GError         **error)
{
  const char *failed = _("Could not save a record received from the server");
  JsonObject *data = incoming->data;
  gboolean activity = incoming->kind == KIND_ACTIVITY;
  gint64 station_id = 0, deputy_id = 0, id;
  sqlite3_stmt *stmt;

  if (incoming->kind == KIND_QUARTER_CLOSE)
    return write_quarter_close (self, incoming, error);

  /* A duty shift's station and deputy first: a stand-in is a write. */
  if (!activity)
    {
      station_id = liaison_store_sync_resolve_or_stand_in (self, KIND_STATION, data_string (data, "station"), error);
      if (station_id <= 0)
        return FALSE;
      deputy_id = liaison_store_sync_resolve_or_stand_in (self, KIND_DEPUTY, data_string (data, "deputy"), error);
      if (deputy_id <= 0)
        return FALSE;
    }
  stmt = liaison_store_prepare (self, activity ? activity_upsert : shift_upsert, error);
  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  sqlite3_bind_int (stmt, 5, incoming->deleted ? 1 : 0);
  if (activity)
    {
      static const char *const members[] = {
        "kind", "title", "date", "end_date", "place", "organiser", "note",
        "correction_reason", "corrected_by", "corrected_at",
      };

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        bind_member (stmt, 6 + (int) i, data, members[i]);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 6, station_id);
      sqlite3_bind_int64 (stmt, 7, deputy_id);
      bind_member (stmt, 8, data, "date");
      bind_member (stmt, 9, data, "note");
    }
  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  if (!activity)
    return TRUE;
  id = local_id > 0 ? local_id : sqlite3_last_insert_rowid (liaison_store_get_handle (self));
  return write_attendees (self, id, data, error);
}
