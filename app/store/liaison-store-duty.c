/* liaison-store-duty.c: activities and each deputy's attendance, saved in
 * one transaction, read back, listed for a deputy and deleted. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-quarter.h"
#include "liaison-store-duty-private.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"

gboolean
liaison_store_duty_is_date (const char *text)
{
  LiaisonQuarter quarter;

  return text != NULL && strlen (text) == 10 && liaison_quarter_from_date (text, &quarter);
}

void
liaison_store_duty_bind_bound (sqlite3_stmt *stmt,
                               int           index,
                               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
too_long (const char *text,
          glong       max_chars)
{
  return text != NULL && g_utf8_strlen (text, -1) > max_chars;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* A station desk records only the kinds a station owns. */
static gboolean
desk_may_record (LiaisonStore        *self,
                 LiaisonActivityKind  kind,
                 GError             **error)
{
  if (liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ ||
      liaison_activity_kind_owner (kind) != LIAISON_ACTIVITY_OWNER_HEADQUARTERS)
    return TRUE;
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %s is an activity kind, such as "Congress session" */
               _("Headquarters records activities of the kind “%s”; a station cannot."),
               liaison_activity_kind_label (kind));
  return FALSE;
}

/* The rules a saved activity keeps (the wire's caps too, so that what is
 * saved can always be pushed); the deputies' ids into @deputy_ids. */
static gboolean
check_activity (LiaisonStore     *self,
                LiaisonActivity  *activity,
                GArray           *deputy_ids,
                GError          **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if ((guint) activity->kind >= LIAISON_N_ACTIVITY_KINDS)
    return invalid (error, _("The activity has no kind."));
  if (liaison_text_is_blank (activity->title))
    return invalid (error, _("The activity needs a title."));
  if (too_long (activity->title, LIAISON_MAX_TITLE_CHARS) ||
      too_long (activity->place, LIAISON_MAX_TITLE_CHARS) ||
      too_long (activity->organiser, LIAISON_MAX_TITLE_CHARS))
    return invalid (error, _("The activity’s title, place and organiser may each have at most 100 characters."));
  if (too_long (activity->note, LIAISON_MAX_CONTENT_CHARS))
    return invalid (error, _("The activity’s note may have at most 4000 characters."));
  if (!liaison_store_duty_is_date (activity->date))
    return invalid (error, _("The activity’s date must be a real day, written YYYY-MM-DD."));
  if (!is_empty (activity->end_date) && !liaison_store_duty_is_date (activity->end_date))
    return invalid (error, _("The activity’s end date must be a real day, written YYYY-MM-DD."));
  if (!is_empty (activity->end_date) && strcmp (activity->end_date, activity->date) < 0)
    return invalid (error, _("The activity cannot end before it begins."));
  if (too_long (activity->correction_reason, LIAISON_MAX_HANDLING_CHARS) ||
      too_long (activity->corrected_by, LIAISON_MAX_NAME_CHARS))
    return invalid (error, _("The correction’s reason or the name of who made it is too long."));
  if (liaison_text_is_blank (activity->correction_reason) && !is_empty (activity->corrected_at))
    return invalid (error, _("A correction needs its reason."));
  if (!is_empty (activity->corrected_at))
    {
      g_autoptr(GDateTime) at = liaison_loop_parse_at (activity->corrected_at);

      /* The wire's time, so that the record can be pushed. */
      if (at == NULL)
        return invalid (error, _("The correction’s time must be written YYYY-MM-DDTHH:MM:SSZ."));
    }

  for (guint i = 0; i < activity->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (activity->attendees, i);
      gint64 deputy_id;

      if ((guint) attendee->attendance >= LIAISON_N_ATTENDANCES)
        return invalid (error, _("A deputy of the activity has no attendance."));
      deputy_id = attendee->deputy_uuid != NULL ? liaison_store_find_deputy_by_uuid (self, attendee->deputy_uuid) : 0;
      if (deputy_id == 0)
        return invalid (error, _("A deputy of the activity is not on the roster."));
      if (!g_hash_table_add (seen, attendee->deputy_uuid))
        return invalid (error, _("A deputy is listed twice in the activity."));
      g_array_append_val (deputy_ids, deputy_id);
    }
  return desk_may_record (self, activity->kind, error);
}

static gboolean
write_attendees (LiaisonStore     *self,
                 LiaisonActivity  *activity,
                 GArray           *deputy_ids,
                 GError          **error)
{
  const char *failed = _("Could not save the activity’s deputies");
  sqlite3_stmt *stmt = liaison_store_prepare (self, "DELETE FROM activity_attendees WHERE activity_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity->meta.id);
  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  for (guint i = 0; i < activity->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (activity->attendees, i);

      stmt = liaison_store_prepare (self,
        "INSERT INTO activity_attendees (activity_id, deputy_id, position, attendance) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity->meta.id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (deputy_ids, gint64, i));
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, liaison_attendance_to_code (attendee->attendance), -1, SQLITE_STATIC);
      if (!liaison_store_step_done (self, stmt, failed, error))
        return FALSE;
    }
  return TRUE;
}

/* The stored date and correction reason of the activity @id, into
 * @date and @reason (NULL if there is no live row). */
static gboolean
read_stored (LiaisonStore  *self,
             gint64         id,
             char         **date,
             char         **reason,
             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT date, correction_reason FROM activities WHERE id = ? AND deleted = 0", error);
  int rc;

  *date = *reason = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *date = liaison_db_column_text (stmt, 0);
      *reason = liaison_db_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read the activity"));
      return FALSE;
    }
  return TRUE;
}

gboolean
liaison_store_save_activity (LiaisonStore     *self,
                             LiaisonActivity  *activity,
                             GError          **error)
{
  g_autoptr(GArray) deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *old_date = NULL;
  g_autofree char *old_reason = NULL;
  LiaisonRecordMeta saved;
  gboolean is_new;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);

  if (!check_activity (self, activity, deputy_ids, error))
    return FALSE;
  /* A closed quarter's figures change only by a correction. */
  if ((activity->meta.id != 0 && !read_stored (self, activity->meta.id, &old_date, &old_reason, error)) ||
      !liaison_store_duty_check_correction (self, activity, old_date, old_reason, error))
    return FALSE;
  if (!liaison_text_is_blank (activity->correction_reason) && is_empty (activity->corrected_at))
    {
      g_free (activity->corrected_at);
      activity->corrected_at = liaison_store_now_utc ();
    }

  /* The meta as it was, should the write fail and leave the caller's
   * record as it came. */
  saved = activity->meta;
  saved.uuid = g_strdup (saved.uuid);
  saved.updated_at = g_strdup (saved.updated_at);
  saved.origin_station_uuid = g_strdup (saved.origin_station_uuid);
  saved.sync_error = g_strdup (saved.sync_error);

  is_new = activity->meta.id == 0;
  if (!liaison_store_begin (self, error))
    goto failed_meta;
  stmt = liaison_store_begin_record_write (self, &activity->meta,
    "INSERT INTO activities (uuid, version, updated_at, origin_station_uuid, sync_state, kind, title, date,"
    " end_date, place, organiser, note, correction_reason, corrected_by, corrected_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    "UPDATE activities SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL, kind = ?6,"
    " title = ?7, date = ?8, end_date = ?9, place = ?10, organiser = ?11, note = ?12,"
    " correction_reason = ?13, corrected_by = ?14, corrected_at = ?15"
    " WHERE id = ?16 AND uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 6, liaison_activity_kind_to_code (activity->kind), -1, SQLITE_STATIC);
  liaison_store_bind_text (stmt, 7, activity->title);
  liaison_store_bind_text (stmt, 8, activity->date);
  liaison_store_bind_text (stmt, 9, activity->end_date);
  liaison_store_bind_text (stmt, 10, activity->place);
  liaison_store_bind_text (stmt, 11, activity->organiser);
  liaison_store_bind_text (stmt, 12, activity->note);
  liaison_store_bind_text (stmt, 13, activity->correction_reason);
  liaison_store_bind_text (stmt, 14, activity->corrected_by);
  liaison_store_bind_text (stmt, 15, activity->corrected_at);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 16, activity->meta.id);
  if (!liaison_store_end_record_write (self, stmt, &activity->meta, is_new, _("Could not save the activity"),
                                       _("The activity was deleted meanwhile."), NULL, error) ||
      !write_attendees (self, activity, deputy_ids, error))
    goto failed;
  liaison_store_emit_changed (self, "activities");
  if (!liaison_store_commit (self, error))
    goto failed_meta;
  liaison_record_meta_clear (&saved);
  return TRUE;

failed:
  liaison_store_rollback (self);
failed_meta:
  liaison_record_meta_clear (&activity->meta);
  activity->meta = saved;
  return FALSE;
}

#define ACTIVITY_SELECT                                                        \
  "SELECT " LIAISON_RECORD_SELECT ("a") ", a.kind, a.title, a.date, a.end_date, a.place," \
  " a.organiser, a.note, a.correction_reason, a.corrected_by, a.corrected_at FROM activities a"

static gpointer
read_activity (sqlite3_stmt *stmt)
{
  LiaisonActivity *activity = liaison_activity_new ();
  const int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &activity->meta);
  liaison_activity_kind_from_code ((const char *) sqlite3_column_text (stmt, c), &activity->kind);
  activity->title = liaison_db_column_text (stmt, c + 1);
  activity->date = liaison_db_column_text (stmt, c + 2);
  activity->end_date = liaison_db_column_text_or_null (stmt, c + 3);
  activity->place = liaison_db_column_text (stmt, c + 4);
  activity->organiser = liaison_db_column_text (stmt, c + 5);
  activity->note = liaison_db_column_text (stmt, c + 6);
  activity->correction_reason = liaison_db_column_text_or_null (stmt, c + 7);
  activity->corrected_by = liaison_db_column_text_or_null (stmt, c + 8);
  activity->corrected_at = liaison_db_column_text_or_null (stmt, c + 9);
  return activity;
}

static void
add_attendee (sqlite3_stmt *stmt,
              gpointer      attendees)
{
  LiaisonAttendance attendance = LIAISON_ATTENDANCE_ATTENDED;
  LiaisonAttendee *attendee;

  liaison_attendance_from_code ((const char *) sqlite3_column_text (stmt, 1), &attendance);
  attendee = liaison_attendee_new ((const char *) sqlite3_column_text (stmt, 0), attendance);
  attendee->deputy_name = liaison_db_column_text (stmt, 2);
  g_ptr_array_add (attendees, attendee);
}

static gboolean
read_attendees (LiaisonStore     *self,
                LiaisonActivity  *activity,
                GError          **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT d.uuid, t.attendance, d.name FROM activity_attendees t JOIN deputies d ON d.id = t.deputy_id"
    " WHERE t.activity_id = ? ORDER BY t.position", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity->meta.id);
  return liaison_store_step_rows (self, stmt, add_attendee, activity->attendees,
                                  _("Could not read the activity’s deputies"), error);
}

/* Steps @stmt (ACTIVITY_SELECT's, bound) into activities, each with its
 * attendees; NULL, with @error saying @failed and why. */
static GPtrArray *
collect_activities (LiaisonStore  *self,
                    sqlite3_stmt  *stmt,
                    const char    *failed,
                    GError       **error)
{
  g_autoptr(GPtrArray) activities = NULL;

  activities = liaison_store_collect_rows (self, stmt, read_activity, (GDestroyNotify) liaison_activity_free,
                                           failed, error);
  if (activities == NULL)
    return NULL;
  for (guint i = 0; i < activities->len; i++)
    if (!read_attendees (self, g_ptr_array_index (activities, i), error))
      return NULL;
  return g_steal_pointer (&activities);
}

LiaisonActivity *
liaison_store_get_activity (LiaisonStore  *self,
                            const char    *uuid,
                            GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, ACTIVITY_SELECT " WHERE a.uuid = ? AND a.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  liaison_store_bind_text (stmt, 1, uuid);
  rows = collect_activities (self, stmt, _("Could not read the activity"), error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                           _("There is no such activity."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
liaison_store_list_deputy_activities (LiaisonStore  *self,
                                      const char    *deputy_uuid,
                                      const char    *from,
                                      const char    *to,
                                      GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  /* By the deputy's attendance rows (activity_attendees_by_deputy), then
   * each activity by its id. */
  stmt = liaison_store_prepare (self, ACTIVITY_SELECT
    " JOIN activity_attendees t ON t.activity_id = a.id JOIN deputies d ON d.id = t.deputy_id"
    " WHERE d.uuid = ?1 AND a.deleted = 0 AND (?2 IS NULL OR a.date >= ?2) AND (?3 IS NULL OR a.date <= ?3)"
    " ORDER BY a.date, a.id", error);
  if (stmt == NULL)
    return NULL;
  liaison_store_bind_text (stmt, 1, deputy_uuid);
  liaison_store_duty_bind_bound (stmt, 2, from);
  liaison_store_duty_bind_bound (stmt, 3, to);
  return collect_activities (self, stmt, _("Could not read the deputy’s activities"), error);
}

/* Every live activity that began from @from to @to, by date, with its
 * attendees: the activities list of the desk (ui/duty/). */
GPtrArray *
liaison_store_list_activities (LiaisonStore  *self,
                               const char    *from,
                               const char    *to,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, ACTIVITY_SELECT
    " WHERE a.deleted = 0 AND (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)"
    " ORDER BY a.date, a.title COLLATE LOCALE, a.id", error);
  if (stmt == NULL)
    return NULL;
  liaison_store_duty_bind_bound (stmt, 1, from);
  liaison_store_duty_bind_bound (stmt, 2, to);
  return collect_activities (self, stmt, _("Could not read the activities"), error);
}

GPtrArray *
liaison_store_list_corrections (LiaisonStore  *self,
                                const char    *from,
                                const char    *to,
                                const char    *since,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  /* Deleted ones too: a deletion in a closed quarter is a correction. */
  stmt = liaison_store_prepare (self, ACTIVITY_SELECT
    " WHERE a.correction_reason <> '' AND a.date >= ?1 AND a.date <= ?2 AND a.corrected_at >= ?3"
    " ORDER BY a.corrected_at, a.date, a.uuid", error);
  if (stmt == NULL)
    return NULL;
  liaison_store_bind_text (stmt, 1, from);
  liaison_store_bind_text (stmt, 2, to);
  liaison_store_bind_text (stmt, 3, since);
  return liaison_store_collect_rows (self, stmt, read_activity, (GDestroyNotify) liaison_activity_free,
                                     _("Could not read the corrections"), error);
}

gboolean
liaison_store_delete_activity (LiaisonStore  *self,
                               const char    *uuid,
                               GError       **error)
{
  return liaison_store_correct_delete_activity (self, uuid, NULL, error);
}

gboolean
liaison_store_correct_delete_activity (LiaisonStore  *self,
                                       const char    *uuid,
                                       const char    *reason,
                                       GError       **error)
{
  g_autoptr(LiaisonActivity) activity = NULL;
  g_autofree char *now = NULL;
  g_autofree char *old_reason = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  activity = liaison_store_get_activity (self, uuid, error);
  if (activity == NULL || !desk_may_record (self, activity->kind, error))
    return FALSE;
  /* A tombstone in a closed quarter carries its correction, which syncs. */
  old_reason = g_steal_pointer (&activity->correction_reason);
  activity->correction_reason = g_strdup (reason);
  if (too_long (reason, LIAISON_MAX_HANDLING_CHARS))
    return invalid (error, _("The correction’s reason or the name of who made it is too long."));
  if (!liaison_store_duty_check_correction (self, activity, activity->date, old_reason, error))
    return FALSE;
  if (liaison_text_is_blank (reason))
    {
      g_free (activity->correction_reason);
      activity->correction_reason = g_steal_pointer (&old_reason);
    }
  else if (is_empty (activity->corrected_at) || g_strcmp0 (activity->correction_reason, old_reason) != 0)
    {
      /* A reason given outside a closed quarter: stamped all the same, as
       * a correction carries its time with its reason. */
      g_free (activity->corrected_at);
      activity->corrected_at = liaison_store_now_utc ();
    }
  now = liaison_store_now_utc ();
  stmt = liaison_store_prepare (self,
    "UPDATE activities SET deleted = 1, version = version + 1, updated_at = ?,"
    " sync_state = 1, sync_error = NULL, correction_reason = ?3, corrected_by = ?4, corrected_at = ?5"
    " WHERE id = ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, activity->meta.id);
  liaison_store_bind_text (stmt, 3, activity->correction_reason);
  liaison_store_bind_text (stmt, 4, activity->corrected_by);
  liaison_store_bind_text (stmt, 5, activity->corrected_at);
  if (!liaison_store_step_done (self, stmt, _("Could not delete the activity"), error))
    return FALSE;
  liaison_store_emit_changed (self, "activities");
  return TRUE;
}
