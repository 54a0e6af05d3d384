/* liaison-store-sync-published.c: a published report's head and parts as
 * they arrive from the server (docs/reports.md, "Published reports"),
 * written once and never changed: a copy already here only learns that
 * the server has it. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-published-snapshot.h"
#include "liaison-store-sync-private.h"

/* ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, then the kind's columns.
 * On a uuid here already only the sync bookkeeping moves: the triggers of
 * schema 12 refuse anything else. */
#define PUBLISHED_META_COLUMNS "uuid, version, server_version, updated_at, origin_station_uuid, deleted," \
  " sync_state, sync_error"
#define PUBLISHED_META_VALUES "?1, ?2, ?2, ?3, ?4, 0, 0, NULL"
#define PUBLISHED_ON_CONFLICT " ON CONFLICT (uuid) DO UPDATE SET server_version = excluded.server_version," \
  " sync_state = 0, sync_error = NULL"

static const char head_insert[] =
  "INSERT INTO published_reports (" PUBLISHED_META_COLUMNS ", period, published_at, published_by, data)"
  " VALUES (" PUBLISHED_META_VALUES ", ?5, ?6, ?7, ?8)" PUBLISHED_ON_CONFLICT;

static const char part_insert[] =
  "INSERT INTO published_report_parts (" PUBLISHED_META_COLUMNS ", report_uuid, station_uuid, part, data)"
  " VALUES (" PUBLISHED_META_VALUES ", ?5, ?6, ?7, ?8)" PUBLISHED_ON_CONFLICT;

gboolean
liaison_store_sync_write_published (LiaisonStore    *self,
                                    const Incoming  *incoming,
                                    GError         **error)
{
  const char *failed = _("Could not save a record received from the server");
  g_autoptr(LiaisonPublishedHead) head = NULL;
  g_autoptr(LiaisonPublishedPart) part = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  /* The wire's check read it already (liaison_wire_check_record ()); it
   * is kept as every desk writes it, so that each holds the same bytes. */
  if (incoming->kind == KIND_PUBLISHED_REPORT)
    {
      head = liaison_published_head_from_json (incoming->data, &local_error);
      text = head != NULL ? liaison_published_head_to_string (head) : NULL;
    }
  else
    {
      part = liaison_published_part_from_json (incoming->data, &local_error);
      text = part != NULL ? liaison_published_part_to_string (part) : NULL;
    }
  if (text == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, "%s: %s", failed, local_error->message);
      return FALSE;
    }

  stmt = liaison_store_prepare (self, head != NULL ? head_insert : part_insert, error);
  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  if (head != NULL)
    {
      sqlite3_bind_text (stmt, 5, head->period, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, head->published_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, head->published_by, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_text (stmt, 5, part->report, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, part->station, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, (int) part->part);
    }
  sqlite3_bind_text (stmt, 8, text, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, failed, error);
}
