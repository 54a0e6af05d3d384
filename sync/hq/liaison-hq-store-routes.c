/* liaison-hq-store-routes.c: which stations an activity goes to.
 *
 * A station receives, besides its own records, every activity in which a
 * deputy assigned to it (the deputy record's "station") takes part, so
 * that a deputy's own station can show their whole duty record offline.
 * Two tables, kept as records are written, say which:
 *
 * - activity_deputies: each live activity's attendees, so that a deputy
 *   moved to another station finds their activities without reading every
 *   activity's JSON;
 * - activity_routes: every station an activity has been sent to. It only
 *   grows: a station that had an activity goes on receiving its changes
 *   (an attendee taken off, a deletion), or its copy would go stale.
 *
 * When headquarters assigns a deputy to another station, the deputy's
 * activities that station has not had are put into the feed again (a new
 * seq, the same version), so that it receives them even below its
 * checkpoint; a replica that holds that version already ignores it.
 */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-store-private.h"
#include "liaison-protocol.h"

static gboolean
step_done (LiaisonHqStore  *self,
           LiaisonHqStmt   *stmt,
           GError         **error)
{
  return liaison_hq_db_step_done (stmt, _("The record could not be saved"), error);
}

/* Notes @data's attendees of the activity @uuid, and routes it to their
 * stations. A deleted activity has none, but keeps its routes. */
static gboolean
route_activity (LiaisonHqStore  *self,
                const char      *uuid,
                gboolean         deleted,
                JsonObject      *data,
                GError         **error)
{
  JsonNode *node = data != NULL ? json_object_get_member (data, "attendees") : NULL;
  LiaisonHqStmt *stmt;

  stmt = liaison_hq_store_prepare_cached (self, "DELETE FROM activity_deputies WHERE activity_uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (deleted || node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO activity_deputies (activity_uuid, deputy_uuid) VALUES (?1, ?2) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *deputy;

      /* The wire schema let it in, so each is {"deputy": uuid, …}. */
      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      deputy = json_object_get_string_member_with_default (json_node_get_object (element), "deputy", NULL);
      if (deputy == NULL)
        continue;
      liaison_hq_stmt_bind_text (stmt, 1, uuid);
      liaison_hq_stmt_bind_text (stmt, 2, deputy);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO activity_routes (station_uuid, activity_uuid)"
    " SELECT json_extract (d.data, '$.station'), ?1 FROM activity_deputies a"
    " JOIN records d ON d.kind = '" LIAISON_KIND_DEPUTY "' AND d.uuid = a.deputy_uuid"
    " WHERE a.activity_uuid = ?1 AND d.deleted = 0 AND json_extract (d.data, '$.station') IS NOT NULL"
    " ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  return step_done (self, stmt, error);
}

/* The deputy @uuid is at @station now: the activities they take part in
 * that @station has not had go into the feed again, after *@seq. */
static gboolean
route_deputy (LiaisonHqStore  *self,
              const char      *uuid,
              const char      *station,
              gint64          *seq,
              GError         **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_free);
  LiaisonHqStmt *stmt;

  stmt = liaison_hq_store_prepare_cached (self,
    "SELECT a.activity_uuid FROM activity_deputies a WHERE a.deputy_uuid = ?1"
    " AND NOT EXISTS (SELECT 1 FROM activity_routes r WHERE r.station_uuid = ?2"
    "                 AND r.activity_uuid = a.activity_uuid)"
    " ORDER BY a.activity_uuid", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  liaison_hq_stmt_bind_text (stmt, 2, station);
  if (!liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, activities,
                             _("The records could not be read"), error))
    return FALSE;

  for (guint i = 0; i < activities->len; i++)
    {
      const char *activity = g_ptr_array_index (activities, i);

      stmt = liaison_hq_store_prepare_cached (self,
        "INSERT INTO activity_routes (station_uuid, activity_uuid) VALUES (?1, ?2) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      liaison_hq_stmt_bind_text (stmt, 1, station);
      liaison_hq_stmt_bind_text (stmt, 2, activity);
      if (!step_done (self, stmt, error))
        return FALSE;

      stmt = liaison_hq_store_prepare_cached (self,
        "UPDATE records SET seq = ?1 WHERE kind = '" LIAISON_KIND_ACTIVITY "' AND uuid = ?2", error);
      if (stmt == NULL)
        return FALSE;
      liaison_hq_stmt_bind_int64 (stmt, 1, *seq + 1);
      liaison_hq_stmt_bind_text (stmt, 2, activity);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (liaison_hq_db_changes (liaison_hq_store_get_db (self)) > 0)
        *seq += 1;
    }
  return TRUE;
}

gboolean
liaison_hq_store_route_written (LiaisonHqStore  *self,
                                const char      *kind,
                                const char      *uuid,
                                gboolean         deleted,
                                JsonObject      *data,
                                gint64          *seq,
                                GError         **error)
{
  if (g_str_equal (kind, LIAISON_KIND_ACTIVITY))
    return route_activity (self, uuid, deleted, data, error);
  if (g_str_equal (kind, LIAISON_KIND_DEPUTY) && !deleted && data != NULL)
    {
      const char *station = json_object_get_string_member_with_default (data, "station", NULL);

      if (station != NULL && *station != '\0')
        return route_deputy (self, uuid, station, seq, error);
    }
  return TRUE;
}
