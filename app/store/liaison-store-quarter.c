/* liaison-store-quarter.c: a quarter scored for the whole city, closed,
 * and the rule that a closed quarter's activities change only as
 * corrections (liaison-store-quarter.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-desk.h"
#include "liaison-store-duty-private.h"
#include "liaison-store-points-rules.h"
#include "liaison-store-quarter.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"

void
liaison_quarter_close_free (LiaisonQuarterClose *close)
{
  if (close == NULL)
    return;
  liaison_record_meta_clear (&close->meta);
  g_free (close->closed_at);
  g_free (close->closed_by);
  g_clear_pointer (&close->snapshot, liaison_quarter_snapshot_free);
  g_free (close);
}

LiaisonPointsScore *
liaison_store_score_quarter (LiaisonStore    *self,
                             LiaisonQuarter   quarter,
                             gboolean         in_groups_only,
                             const char      *group,
                             GError         **error)
{
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (liaison_quarter_is_valid (quarter), NULL);

  deputies = liaison_store_list_deputies (self, NULL, error);
  if (deputies == NULL)
    return NULL;
  for (guint i = 0; i < deputies->len; i++)
    {
      LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);
      gboolean grouped = deputy->group_name != NULL && deputy->group_name[0] != '\0';

      if ((in_groups_only || group != NULL) && !grouped)
        continue;
      if (group != NULL && strcmp (deputy->group_name, group) != 0)
        continue;
      if (grouped)
        g_hash_table_insert (groups, deputy->meta.uuid, deputy->group_name);
      g_hash_table_insert (names, deputy->meta.uuid, deputy->name);
    }

  /* The whole city in six queries; per deputy, 330 of them took seconds. */
  from = liaison_quarter_first_iso (quarter);
  to = liaison_quarter_last_iso (quarter);
  all = liaison_store_gather_all_duty_items (self, from, to, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      LiaisonDutyItem *item = g_ptr_array_index (all, i);

      /* The engine scores every deputy with an item: only those asked for
       * (a take-up may name a deputy no longer on the roster). */
      if (g_hash_table_contains (names, item->deputy_uuid))
        g_ptr_array_add (items, liaison_duty_item_copy (item));
    }

  /* The quarter is scored with the set in force on its first day. */
  rule_sets = liaison_store_list_points_rules (self, error);
  if (rule_sets == NULL)
    return NULL;
  return liaison_points_score_quarter (items, rule_sets, quarter, groups, names, error);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

static char *
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

#define CLOSE_SELECT                                                          \
  "SELECT " LIAISON_RECORD_SELECT ("c") ", c.quarter, c.closed_at, c.closed_by, c.snapshot" \
  " FROM quarter_closes c WHERE c.deleted = 0"

/* One part, as stored: its snapshot holds some of the quarter's deputies.
 * A stored snapshot that no longer reads (a file edited by hand) leaves
 * the part without one: the quarter stays closed. */
static gpointer
read_close (sqlite3_stmt *stmt)
{
  LiaisonQuarterClose *close = g_new0 (LiaisonQuarterClose, 1);
  const int c = LIAISON_RECORD_SELECT_COLUMNS;
  const char *snapshot = (const char *) sqlite3_column_text (stmt, c + 3);
  g_autoptr(GError) error = NULL;

  liaison_store_read_record_meta (stmt, 0, &close->meta);
  liaison_quarter_parse ((const char *) sqlite3_column_text (stmt, c), &close->quarter, NULL);
  close->closed_at = liaison_db_column_text (stmt, c + 1);
  close->closed_by = liaison_db_column_text (stmt, c + 2);
  close->snapshot = liaison_quarter_snapshot_from_string (snapshot != NULL ? snapshot : "", &error);
  if (close->snapshot == NULL)
    g_warning ("The snapshot of %s does not read: %s", close->meta.uuid, error->message);
  return close;
}

/* The closes, one a quarter, each with the deputies of all its parts in
 * the order they were written. */
static GPtrArray *
select_closes (LiaisonStore    *self,
               const char      *quarter,
               GError         **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  GPtrArray *closes;
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    CLOSE_SELECT " AND (?1 IS NULL OR c.quarter = ?1) ORDER BY c.quarter DESC, c.id", error);

  if (stmt == NULL)
    return NULL;
  liaison_store_duty_bind_bound (stmt, 1, quarter);
  parts = liaison_store_collect_rows (self, stmt, read_close, (GDestroyNotify) liaison_quarter_close_free,
                                      _("Could not read the closed quarters"), error);
  if (parts == NULL)
    return NULL;
  closes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_quarter_close_free);
  for (guint i = 0; i < parts->len; i++)
    {
      LiaisonQuarterClose *part = g_ptr_array_index (parts, i);
      LiaisonQuarterClose *close = closes->len > 0 ? g_ptr_array_index (closes, closes->len - 1) : NULL;

      if (close == NULL || liaison_quarter_compare (close->quarter, part->quarter) != 0)
        {
          g_ptr_array_add (closes, g_ptr_array_steal_index (parts, i));
          g_ptr_array_insert (parts, (gint) i, NULL);
          close = g_ptr_array_index (closes, closes->len - 1);
          if (close->snapshot == NULL)
            close->snapshot = liaison_quarter_snapshot_new_empty (close->quarter);
          continue;
        }
      /* Two desks closing it at once: each deputy's first part stands. */
      for (guint d = 0; part->snapshot != NULL && d < part->snapshot->deputies->len; d++)
        {
          LiaisonSnapshotDeputy *deputy = g_ptr_array_index (part->snapshot->deputies, d);

          if (liaison_quarter_snapshot_find (close->snapshot, deputy->deputy_uuid) == NULL)
            g_ptr_array_add (close->snapshot->deputies, g_steal_pointer (&part->snapshot->deputies->pdata[d]));
        }
    }
  return closes;
}

LiaisonQuarterClose *
liaison_store_get_quarter_close (LiaisonStore    *self,
                                 LiaisonQuarter   quarter,
                                 GError         **error)
{
  g_autofree char *code = liaison_quarter_format (quarter);
  g_autoptr(GPtrArray) closes = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  closes = select_closes (self, code, error);
  if (closes == NULL)
    return NULL;
  if (closes->len == 0)
    {
      g_autofree char *label = liaison_quarter_label (quarter);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a quarter, such as "2025, first quarter" */
                   _("%s is not closed."), label);
      return NULL;
    }
  return g_ptr_array_steal_index (closes, 0);
}

GPtrArray *
liaison_store_list_quarter_closes (LiaisonStore  *self,
                                   GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return select_closes (self, NULL, error);
}

gboolean
liaison_store_quarter_is_closed (LiaisonStore    *self,
                                 LiaisonQuarter   quarter,
                                 GError         **error)
{
  g_autofree char *code = liaison_quarter_format (quarter);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  stmt = liaison_store_prepare (self, "SELECT count(*) FROM quarter_closes WHERE quarter = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return liaison_store_step_count (self, stmt, _("Could not read the closed quarters"), error) > 0;
}

LiaisonQuarterClose *
liaison_store_close_quarter (LiaisonStore    *self,
                             LiaisonQuarter   quarter,
                             const char      *closed_by,
                             const char      *today,
                             GError         **error)
{
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *last = NULL;
  g_autofree char *local_today = NULL;
  g_autofree char *code = liaison_quarter_format (quarter);

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (liaison_quarter_is_valid (quarter), NULL);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    return invalid (error, _("Only headquarters closes a quarter.")), NULL;
  label = liaison_quarter_label (quarter);
  last = liaison_quarter_last_iso (quarter);
  if (today == NULL)
    today = local_today = today_local ();
  if (strcmp (last, today) >= 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %s is a quarter, such as "2025, first quarter"; the date is its last day */
                   _("%s is not over yet: it can be closed after %s."), label, last);
      return NULL;
    }
  if (liaison_store_quarter_is_closed (self, quarter, &local_error))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %s is a quarter, such as "2025, first quarter" */
                   _("%s is already closed."), label);
      return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  score = liaison_store_score_quarter (self, quarter, FALSE, NULL, error);
  if (score == NULL)
    return NULL;

  close = g_new0 (LiaisonQuarterClose, 1);
  close->quarter = quarter;
  close->closed_at = liaison_store_now_utc ();
  close->closed_by = closed_by != NULL ? g_strdup (closed_by) : liaison_store_get_desk_setting (self, "name");
  if (close->closed_by == NULL)
    close->closed_by = g_strdup ("");
  if (g_utf8_strlen (close->closed_by, -1) > LIAISON_MAX_NAME_CHARS)
    return invalid (error, _("The name of who closes the quarter is too long.")), NULL;
  close->snapshot = liaison_quarter_snapshot_new_from_score (score, quarter);

  /* One record a deputy, so that each stays within what a record may
   * carry on the wire, however many deputies a city has; a quarter with
   * no deputy still gets one, empty. */
  if (!liaison_store_begin (self, error))
    return NULL;
  for (guint d = 0; d == 0 || d < close->snapshot->deputies->len; d++)
    {
      g_autoptr(LiaisonQuarterSnapshot) part = liaison_quarter_snapshot_new_empty (quarter);
      g_autofree char *text = NULL;
      LiaisonRecordMeta meta = { 0 };
      gboolean written;
      sqlite3_stmt *stmt;

      if (d < close->snapshot->deputies->len)
        g_ptr_array_add (part->deputies, g_ptr_array_index (close->snapshot->deputies, d));
      text = liaison_quarter_snapshot_to_string (part);
      /* Borrowed from the whole snapshot: not freed with the part. */
      g_ptr_array_set_free_func (part->deputies, NULL);
      stmt = liaison_store_begin_record_write (self, &meta,
        "INSERT INTO quarter_closes (uuid, version, updated_at, origin_station_uuid, sync_state, quarter,"
        " closed_at, closed_by, snapshot) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", NULL, error);
      if (stmt == NULL)
        {
          liaison_store_rollback (self);
          return NULL;
        }
      sqlite3_bind_text (stmt, 6, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, close->closed_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, close->closed_by, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, text, -1, SQLITE_TRANSIENT);
      written = liaison_store_end_record_write (self, stmt, &meta, TRUE, _("Could not close the quarter"),
                                                NULL, NULL, error);
      if (d == 0)
        close->meta = meta;
      else
        liaison_record_meta_clear (&meta);
      if (!written)
        {
          liaison_store_rollback (self);
          return NULL;
        }
    }
  liaison_store_emit_changed (self, "quarter_closes");
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&close);
}

/* The closed quarter among @date's and @old_date's, or FALSE. */
static gboolean
touched_closed_quarter (LiaisonStore    *self,
                        const char      *date,
                        const char      *old_date,
                        LiaisonQuarter  *closed,
                        GError         **error)
{
  const char *dates[] = { date, old_date };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      LiaisonQuarter quarter;

      if (dates[i] == NULL || !liaison_quarter_from_date (dates[i], &quarter))
        continue;
      if (liaison_store_quarter_is_closed (self, quarter, error))
        {
          *closed = quarter;
          return TRUE;
        }
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  return FALSE;
}

gboolean
liaison_store_duty_check_correction (LiaisonStore     *self,
                                     LiaisonActivity  *activity,
                                     const char       *old_date,
                                     const char       *old_reason,
                                     GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *by = NULL;
  LiaisonQuarter closed;

  if (!touched_closed_quarter (self, activity->date, old_date, &closed, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The reason the record already had speaks for an earlier correction,
   * not for this change. */
  if (liaison_text_is_blank (activity->correction_reason) ||
      (old_reason != NULL && old_reason[0] != '\0' && strcmp (activity->correction_reason, old_reason) == 0))
    {
      label = liaison_quarter_label (closed);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %s is a quarter, such as "2025, first quarter" */
                   _("%s is closed: a change to its activities is a correction and needs a reason of its own."),
                   label);
      return FALSE;
    }
  /* Who and when: the desk, now. */
  by = liaison_store_get_desk_setting (self, "name");
  if (by != NULL && *by != '\0')
    {
      g_free (activity->corrected_by);
      activity->corrected_by = g_steal_pointer (&by);
    }
  g_free (activity->corrected_at);
  activity->corrected_at = liaison_store_now_utc ();
  return TRUE;
}
