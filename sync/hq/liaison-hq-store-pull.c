/* liaison-hq-store-pull.c: a page of the change feed, as the pull answer's
 * JSON, written straight from the stored rows. */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"

void
liaison_hq_store_append_record (GString              *out,
                                LiaisonHqStmt        *stmt,
                                const LiaisonHqToken *reader)
{
  const char *origin = liaison_hq_stmt_column_text (stmt, 3);
  const char *kind = liaison_hq_stmt_column_text (stmt, 0);

  g_string_append (out, "{\"kind\":");
  liaison_protocol_append_json_string (out, liaison_hq_stmt_column_text (stmt, 0));
  g_string_append (out, ",\"uuid\":");
  liaison_protocol_append_json_string (out, liaison_hq_stmt_column_text (stmt, 1));
  g_string_append_printf (out, ",\"version\":%" G_GINT64_FORMAT, (gint64) liaison_hq_stmt_column_int64 (stmt, 2));
  g_string_append (out, ",\"updated_at\":");
  liaison_protocol_append_json_string (out, liaison_hq_stmt_column_text (stmt, 5));
  g_string_append (out, ",\"origin_station\":");
  if (origin != NULL)
    liaison_protocol_append_json_string (out, origin);
  else
    g_string_append (out, "null");
  g_string_append (out, liaison_hq_stmt_column_int64 (stmt, 4) ? ",\"deleted\":true" : ",\"deleted\":false");
  /* data is canonical JSON written by this server. Headquarters' desks
   * get visitors' phones masked; the server keeps them in full
   * (liaison-hq-store-contacts.c). */
  g_string_append (out, ",\"data\":");
  if (reader->role == LIAISON_HQ_ROLE_HQ &&
      (g_strcmp0 (kind, LIAISON_KIND_RECEPTION) == 0 || g_strcmp0 (kind, LIAISON_KIND_ONLINE_SUBMISSION) == 0))
    {
      g_autofree char *masked = liaison_hq_store_mask_reception_data (liaison_hq_stmt_column_text (stmt, 6));

      g_string_append (out, masked);
    }
  else
    g_string_append (out, liaison_hq_stmt_column_text (stmt, 6));
  g_string_append_printf (out, ",\"seq\":%" G_GINT64_FORMAT "}", (gint64) liaison_hq_stmt_column_int64 (stmt, 7));
}

#define SKIP_SCAN_CAP 100000

char *
liaison_hq_store_pull (LiaisonHqStore       *self,
                       const LiaisonHqToken *token,
                       gint64                since,
                       guint                 limit,
                       GArray               *skip,
                       guint                *n_changes,
                       guint                *n_skipped,
                       GError              **error)
{
  g_autoptr(GString) out = g_string_new ("{\"changes\":[");
  g_autoptr(LiaisonHqStmt) stmt = NULL;
  gint64 last = since;
  gint64 feed_end;
  gint64 scan;
  gint64 scanned = 0;
  gboolean more = FALSE;
  guint n = 0;
  int rc;

  *n_changes = 0;
  *n_skipped = 0;
  /* One read transaction: the feed's end and the page agree. */
  if (!liaison_hq_db_begin_read (liaison_hq_store_get_db (self), _("The change feed could not be read"), error))
    return NULL;
  feed_end = liaison_hq_store_last_seq (self, error);
  if (feed_end < 0)
    goto fail;

  if (token->role == LIAISON_HQ_ROLE_HQ)
    stmt = liaison_hq_store_prepare (self, "SELECT " LIAISON_HQ_RECORD_COLUMNS " FROM records WHERE seq > ?1"
                                           " ORDER BY seq LIMIT ?2", error);
  else
    /* Two ordered index walks, merged: a station's page costs its own
     * changes, not a scan past every other station's (FEED_INDEXES in
     * liaison-hq-store.c). The third part is the activities of its
     * deputies that another station or headquarters recorded
     * (liaison-hq-store-routes.c). */
    stmt = liaison_hq_store_prepare (self, "SELECT " LIAISON_HQ_RECORD_COLUMNS " FROM records WHERE hq_owned = 1 AND seq > ?1"
                                           " UNION ALL SELECT " LIAISON_HQ_RECORD_COLUMNS " FROM records"
                                           " WHERE origin_station = ?3 AND +hq_owned = 0 AND seq > ?1"
                                           " UNION ALL SELECT " LIAISON_HQ_RECORD_COLUMNS " FROM activity_routes"
                                           " JOIN records ON kind = '" LIAISON_KIND_ACTIVITY "' AND uuid = activity_uuid"
                                           " WHERE station_uuid = ?3 AND seq > ?1 AND origin_station IS DISTINCT FROM ?3"
                                           " ORDER BY seq LIMIT ?2", error);
  if (stmt == NULL)
    goto fail;
  liaison_hq_stmt_bind_int64 (stmt, 1, since);
  /* The rows skipped do not count towards the page, but a page reads at
   * most SKIP_SCAN_CAP of them (a client could name the whole feed). */
  scan = (gint64) limit + 1 + liaison_seq_ranges_count_above (skip, since, SKIP_SCAN_CAP);
  liaison_hq_stmt_bind_int64 (stmt, 2, scan);
  if (token->role != LIAISON_HQ_ROLE_HQ)
    liaison_hq_stmt_bind_text (stmt, 3, token->station_uuid);

  while ((rc = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    {
      gsize mark = out->len;

      scanned++;
      /* A change the caller's own push wrote: it has it; pass it by. */
      if (liaison_seq_ranges_contains (skip, liaison_hq_stmt_column_int64 (stmt, 7)))
        {
          last = liaison_hq_stmt_column_int64 (stmt, 7);
          (*n_skipped)++;
          continue;
        }
      if (n == limit)
        {
          more = TRUE;
          break;
        }
      if (n > 0)
        g_string_append_c (out, ',');
      liaison_hq_store_append_record (out, stmt, token);
      /* A page stays under the byte cap too, with at least one record
       * (one record is at most LIAISON_MAX_RECORD_DATA_BYTES and a bit). */
      if (n > 0 && out->len > LIAISON_MAX_PULL_BYTES)
        {
          g_string_truncate (out, mark);
          more = TRUE;
          break;
        }
      last = liaison_hq_stmt_column_int64 (stmt, 7);
      n++;
    }
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    {
      liaison_hq_store_db_error (self, error, _("The change feed could not be read"));
      goto fail;
    }
  /* The scan stopped at its cap: what lies after it was not looked at. */
  if (!more && scanned == scan)
    more = TRUE;
  /* Everything up to the feed's end was looked at: a station need not
   * look at other stations' changes again. */
  if (!more && feed_end > last)
    last = feed_end;
  g_clear_pointer (&stmt, liaison_hq_stmt_free);
  liaison_hq_store_exec (self, "COMMIT", NULL);

  g_string_append_printf (out, "],\"last_seq\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          last, more ? "true" : "false");
  *n_changes = n;
  return g_string_free (g_steal_pointer (&out), FALSE);

fail:
  g_clear_pointer (&stmt, liaison_hq_stmt_free);
  liaison_hq_store_rollback (self);
  return NULL;
}
