/* liaison-store-duty-roster.c: the duty roster (值班安排): planned duty
 * days, and who is on duty at a station today. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-duty-private.h"

/* @station_uuid's id, this station's when NULL; 0 with @error if none. */
static gint64
resolve_station (LiaisonStore  *self,
                 const char    *station_uuid,
                 GError       **error)
{
  gint64 id = 0;

  if (station_uuid == NULL)
    return liaison_store_resolve_station (self, &id, error) ? id : 0;
  id = liaison_store_find_station_by_uuid (self, station_uuid);
  if (id == 0)
    g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                         _("The duty day’s station is not known here."));
  return id;
}

static gboolean
already_on_duty (LiaisonStore     *self,
                 LiaisonDutyShift *shift,
                 gint64            station_id,
                 gint64            deputy_id)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT count(*) FROM duty_shifts WHERE station_id = ? AND date = ? AND deputy_id = ? AND deleted = 0"
    " AND id <> ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, station_id);
  sqlite3_bind_text (stmt, 2, shift->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, deputy_id);
  sqlite3_bind_int64 (stmt, 4, shift->meta.id);
  return liaison_store_step_count (self, stmt, "", NULL) > 0;
}

gboolean
liaison_store_save_duty_shift (LiaisonStore      *self,
                               LiaisonDutyShift  *shift,
                               GError           **error)
{
  LiaisonRecordMeta saved;
  gint64 station_id, deputy_id;
  gboolean is_new;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (shift != NULL, FALSE);

  station_id = resolve_station (self, shift->station_uuid, error);
  if (station_id == 0)
    return FALSE;
  deputy_id = shift->deputy_uuid != NULL ? liaison_store_find_deputy_by_uuid (self, shift->deputy_uuid) : 0;
  if (deputy_id == 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The deputy on duty is not on the roster."));
      return FALSE;
    }
  if (!liaison_store_duty_is_date (shift->date))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The duty day must be a real day, written YYYY-MM-DD."));
      return FALSE;
    }
  if (shift->note != NULL && g_utf8_strlen (shift->note, -1) > 2000)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The duty day’s note may have at most 2000 characters."));
      return FALSE;
    }
  if (already_on_duty (self, shift, station_id, deputy_id))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy is already on duty at this station that day."));
      return FALSE;
    }

  liaison_record_meta_copy (&saved, &shift->meta);
  is_new = shift->meta.id == 0;
  stmt = liaison_store_begin_record_write (self, &shift->meta,
    "INSERT INTO duty_shifts (uuid, version, updated_at, origin_station_uuid, sync_state, station_id,"
    " deputy_id, date, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "UPDATE duty_shifts SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " station_id = ?6, deputy_id = ?7, date = ?8, note = ?9 WHERE id = ?10 AND uuid = ?1 AND deleted = 0", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 6, station_id);
      sqlite3_bind_int64 (stmt, 7, deputy_id);
      sqlite3_bind_text (stmt, 8, shift->date, -1, SQLITE_TRANSIENT);
      liaison_store_bind_text (stmt, 9, shift->note);
      if (!is_new)
        sqlite3_bind_int64 (stmt, 10, shift->meta.id);
    }
  if (stmt == NULL ||
      !liaison_store_end_record_write (self, stmt, &shift->meta, is_new, _("Could not save the duty day"),
                                       _("The duty day was deleted meanwhile."), NULL, error))
    {
      liaison_record_meta_clear (&shift->meta);
      shift->meta = saved;
      return FALSE;
    }
  liaison_record_meta_clear (&saved);
  if (shift->station_uuid == NULL)
    {
      g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self);

      shift->station_uuid = g_strdup (station->meta.uuid);
    }
  liaison_store_emit_changed (self, "duty_shifts");
  return TRUE;
}

static gpointer
read_shift (sqlite3_stmt *stmt)
{
  LiaisonDutyShift *shift = liaison_duty_shift_new ();
  const int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &shift->meta);
  shift->station_uuid = liaison_db_column_text (stmt, c);
  shift->deputy_uuid = liaison_db_column_text (stmt, c + 1);
  shift->date = liaison_db_column_text (stmt, c + 2);
  shift->note = liaison_db_column_text (stmt, c + 3);
  return shift;
}

GPtrArray *
liaison_store_list_duty_shifts (LiaisonStore  *self,
                                const char    *station_uuid,
                                const char    *from,
                                const char    *to,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self,
    "SELECT " LIAISON_RECORD_SELECT ("t") ", s.uuid, d.uuid, t.date, t.note FROM duty_shifts t"
    " JOIN stations s ON s.id = t.station_id JOIN deputies d ON d.id = t.deputy_id"
    " WHERE t.deleted = 0 AND (?1 IS NULL OR s.uuid = ?1) AND (?2 IS NULL OR t.date >= ?2)"
    " AND (?3 IS NULL OR t.date <= ?3) ORDER BY t.date, d.name COLLATE LOCALE, t.id", error);
  if (stmt == NULL)
    return NULL;
  liaison_store_duty_bind_bound (stmt, 1, station_uuid);
  liaison_store_duty_bind_bound (stmt, 2, from);
  liaison_store_duty_bind_bound (stmt, 3, to);
  return liaison_store_collect_rows (self, stmt, read_shift, (GDestroyNotify) liaison_duty_shift_free,
                                     _("Could not read the duty roster"), error);
}

gboolean
liaison_store_delete_duty_shift (LiaisonStore  *self,
                                 const char    *uuid,
                                 GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  stmt = liaison_store_prepare (self,
    "UPDATE duty_shifts SET deleted = 1, version = version + 1, updated_at = ?,"
    " sync_state = 1, sync_error = NULL WHERE uuid = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  liaison_store_bind_text (stmt, 2, uuid);
  if (!liaison_store_step_done (self, stmt, _("Could not delete the duty day"), error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (self)) != 1)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                           _("There is no such duty day."));
      return FALSE;
    }
  liaison_store_emit_changed (self, "duty_shifts");
  return TRUE;
}

static void
add_uuid (sqlite3_stmt *stmt,
          gpointer      uuids)
{
  g_ptr_array_add (uuids, liaison_db_column_text (stmt, 0));
}

GPtrArray *
liaison_store_list_on_duty (LiaisonStore  *self,
                            const char    *station_uuid,
                            const char    *date,
                            GError       **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = NULL;
  gint64 station_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  station_id = resolve_station (self, station_uuid, error);
  if (station_id == 0)
    return NULL;
  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  /* duty_shifts_by_station_day */
  stmt = liaison_store_prepare (self,
    "SELECT d.uuid FROM duty_shifts t JOIN deputies d ON d.id = t.deputy_id"
    " WHERE t.station_id = ? AND t.date = ? AND t.deleted = 0 AND d.deleted = 0"
    " ORDER BY d.name COLLATE LOCALE, d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, station_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_rows (self, stmt, add_uuid, uuids, _("Could not read who is on duty"), error))
    return NULL;
  return g_steal_pointer (&uuids);
}

/* The one rule for "was this planned duty day done" (docs/duty-record.md,
 * "The duty roster"): the deputy was present at a live reception at the
 * shift's station on its day, or attended a live station_duty activity
 * that station recorded (or one whose station is not known) covering
 * that day. The reception is found by its station's day
 * (receptions_by_station), not among all the deputy's. */
gboolean
liaison_store_duty_shift_done (LiaisonStore            *self,
                               const LiaisonDutyShift  *shift,
                               gboolean                *done,
                               GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (shift != NULL && done != NULL, FALSE);

  stmt = liaison_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM receptions r JOIN reception_deputies rd ON rd.reception_id = r.id"
    "   JOIN deputies d ON d.id = rd.deputy_id JOIN stations s ON s.id = r.station_id"
    "   WHERE r.deleted = 0 AND d.uuid = ?1 AND s.uuid = ?2"
    "   AND r.received_at >= ?3 AND r.received_at < date (?3, '+1 day'))"
    " OR EXISTS (SELECT 1 FROM activities a JOIN activity_attendees t ON t.activity_id = a.id"
    "   JOIN deputies d ON d.id = t.deputy_id"
    "   WHERE a.deleted = 0 AND a.kind = 'station_duty' AND t.attendance = 'attended' AND d.uuid = ?1"
    "   AND (a.origin_station_uuid = ?2 OR coalesce (a.origin_station_uuid, '') = '')"
    "   AND a.date <= ?3 AND coalesce (nullif (a.end_date, ''), a.date) >= ?3)", error);
  if (stmt == NULL)
    return FALSE;
  liaison_store_bind_text (stmt, 1, shift->deputy_uuid);
  liaison_store_bind_text (stmt, 2, shift->station_uuid);
  liaison_store_bind_text (stmt, 3, shift->date);
  *done = liaison_store_step_count (self, stmt, _("Could not read whether the duty day was done"),
                                    &local_error) > 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
