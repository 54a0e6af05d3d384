/* liaison-store-published.c: published reports kept, listed and read
 * back (liaison-store-published.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-store-published.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"

void
liaison_published_report_free (LiaisonPublishedReport *report)
{
  if (report == NULL)
    return;
  liaison_record_meta_clear (&report->meta);
  g_free (report->data);
  liaison_published_head_free (report->head);
  g_free (report);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

#define REPORT_SELECT \
  "SELECT " LIAISON_RECORD_SELECT ("r") ", r.data FROM published_reports r WHERE r.deleted = 0"

static gpointer
read_report (sqlite3_stmt *stmt)
{
  LiaisonPublishedReport *report = g_new0 (LiaisonPublishedReport, 1);
  g_autoptr(GError) error = NULL;

  liaison_store_read_record_meta (stmt, 0, &report->meta);
  report->data = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  report->head = liaison_published_head_from_string (report->data != NULL ? report->data : "", &error);
  if (report->head == NULL)
    g_warning ("The published report %s does not read: %s", report->meta.uuid, error->message);
  return report;
}

static GPtrArray *
select_reports (LiaisonStore  *self,
                const char    *uuid,
                GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    REPORT_SELECT " AND (?1 IS NULL OR r.uuid = ?1) ORDER BY r.published_at DESC, r.id DESC", error);

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  return liaison_store_collect_rows (self, stmt, read_report, (GDestroyNotify) liaison_published_report_free,
                                     _("Could not read the published reports"), error);
}

GPtrArray *
liaison_store_list_published_reports (LiaisonStore  *self,
                                      GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return select_reports (self, NULL, error);
}

LiaisonPublishedReport *
liaison_store_get_published_report (LiaisonStore  *self,
                                    const char    *uuid,
                                    GError       **error)
{
  g_autoptr(GPtrArray) reports = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  reports = select_reports (self, uuid, error);
  if (reports == NULL)
    return NULL;
  if (reports->len == 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                           _("The published report is not here."));
      return NULL;
    }
  return g_ptr_array_steal_index (reports, 0);
}

static gpointer
read_part (sqlite3_stmt *stmt)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 1);
  g_autoptr(GError) error = NULL;
  LiaisonPublishedPart *part = liaison_published_part_from_string (text != NULL ? text : "", &error);

  if (part == NULL)
    g_warning ("The published report's part %s does not read: %s", sqlite3_column_text (stmt, 0), error->message);
  return part;
}

GPtrArray *
liaison_store_list_published_parts (LiaisonStore  *self,
                                    const char    *report,
                                    const char    *station,
                                    GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *parts;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  stmt = liaison_store_prepare (self,
    "SELECT uuid, data FROM published_report_parts WHERE report_uuid = ?1 AND deleted = 0"
    " AND (?2 IS NULL OR station_uuid = ?2) ORDER BY station_uuid, part, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, report, -1, SQLITE_TRANSIENT);
  if (station != NULL)
    sqlite3_bind_text (stmt, 2, station, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  rows = liaison_store_collect_rows (self, stmt, read_part, (GDestroyNotify) liaison_published_part_free,
                                     _("Could not read the published reports"), error);
  if (rows == NULL)
    return NULL;
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_part_free);
  for (guint i = 0; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) != NULL)
      g_ptr_array_add (parts, g_steal_pointer (&rows->pdata[i]));
  return parts;
}

static gboolean
insert (LiaisonStore       *self,
        LiaisonRecordMeta  *meta,
        const char         *sql,
        const char         *first,
        const char         *second,
        const char         *third,
        gint64              part,
        const char         *data,
        GError            **error)
{
  sqlite3_stmt *stmt = liaison_store_begin_record_write (self, meta, sql, NULL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 6, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, second, -1, SQLITE_TRANSIENT);
  if (third != NULL)
    sqlite3_bind_text (stmt, 8, third, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 8, part);
  sqlite3_bind_text (stmt, 9, data, -1, SQLITE_TRANSIENT);
  return liaison_store_end_record_write (self, stmt, meta, TRUE, _("Could not publish the report"), NULL, NULL, error);
}

LiaisonPublishedReport *
liaison_store_save_published_report (LiaisonStore          *self,
                                     LiaisonPublishedHead  *head,
                                     GPtrArray             *parts,
                                     GError               **error)
{
  g_autofree char *text = NULL;
  LiaisonRecordMeta meta = { 0 };

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (head != NULL && head->total != NULL && parts != NULL, NULL);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    return invalid (error, _("Only headquarters publishes a report.")), NULL;
  if (!liaison_published_period_is_valid (head->period))
    return invalid (error, _("The period to publish is not a month, quarter, year or range of days.")), NULL;

  g_free (head->published_at);
  head->published_at = liaison_store_now_utc ();
  g_free (head->published_by);
  head->published_by = liaison_store_get_desk_setting (self, "name");
  if (head->published_by == NULL)
    head->published_by = g_strdup ("");
  if (g_utf8_strlen (head->published_by, -1) > LIAISON_MAX_NAME_CHARS)
    return invalid (error, _("The name of who publishes the report is too long.")), NULL;
  head->parts = parts->len;
  text = liaison_published_head_to_string (head);

  if (!liaison_store_begin (self, error))
    return NULL;
  if (!insert (self, &meta,
               "INSERT INTO published_reports (uuid, version, updated_at, origin_station_uuid, sync_state,"
               " period, published_at, published_by, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
               head->period, head->published_at, head->published_by, 0, text, error))
    goto failed;
  for (guint i = 0; i < parts->len; i++)
    {
      LiaisonPublishedPart *part = g_ptr_array_index (parts, i);
      LiaisonRecordMeta part_meta = { 0 };
      g_autofree char *part_text = NULL;
      gboolean written;

      g_free (part->report);
      part->report = g_strdup (meta.uuid);
      g_free (part->period);
      part->period = g_strdup (head->period);
      g_free (part->published_at);
      part->published_at = g_strdup (head->published_at);
      part_text = liaison_published_part_to_string (part);
      written = insert (self, &part_meta,
                        "INSERT INTO published_report_parts (uuid, version, updated_at, origin_station_uuid,"
                        " sync_state, report_uuid, station_uuid, part, data)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        part->report, part->station, NULL, part->part, part_text, error);
      liaison_record_meta_clear (&part_meta);
      if (!written)
        goto failed;
    }
  liaison_store_emit_changed (self, "published_reports");
  liaison_store_emit_changed (self, "published_report_parts");
  if (!liaison_store_commit (self, error))
    {
      liaison_record_meta_clear (&meta);
      return NULL;
    }
  {
    LiaisonPublishedReport *report = liaison_store_get_published_report (self, meta.uuid, error);

    liaison_record_meta_clear (&meta);
    return report;
  }

failed:
  liaison_record_meta_clear (&meta);
  liaison_store_rollback (self);
  return NULL;
}

char *
liaison_store_published_own_station (LiaisonStore *self)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
    return NULL;
  return liaison_store_get_setting (self, "station_uuid");
}

gboolean
liaison_store_published_find_suggestion (LiaisonStore  *self,
                                         const char    *uuid,
                                         gint64        *id,
                                         char         **title,
                                         char         **station,
                                         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  stmt = liaison_store_prepare (self,
    "SELECT g.id, g.title, s.uuid FROM suggestions g JOIN stations s ON s.id = g.station_id"
    " WHERE g.uuid = ? AND g.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (title != NULL)
        *title = liaison_db_column_text (stmt, 1);
      if (station != NULL)
        *station = liaison_db_column_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    liaison_store_set_error (self, error, _("Could not read the published reports"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
