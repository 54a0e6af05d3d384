/* liaison-store-sync-push.c: the server's answer to a push, one result per
 * record sent, written in one transaction. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-store-sync-private.h"

static gboolean
bad_result (GError     **error,
            guint        position,
            const char  *member)
{
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %u is the result's place in the server's answer, %s a field name */
               _("The server’s answer to the records sent cannot be used, so nothing was saved: result %u has a missing or wrong “%s”."),
               position, member);
  return FALSE;
}

typedef enum {
  RESULT_APPLIED,
  RESULT_CONFLICT,
  RESULT_REJECTED,
} ResultStatus;

/* Acknowledges @version: the base of the next edit, and synced unless the
 * record was edited since it was collected. */
static gboolean
acknowledge (LiaisonStore  *self,
             Kind           kind,
             const char    *uuid,
             gint64         version,
             GError       **error)
{
  /* An event has one version, never edited: acknowledged is synced. */
  g_autofree char *sql = kind == KIND_SUGGESTION_EVENT
    ? g_strdup ("UPDATE suggestion_events SET server_version = ?1, sync_state = 0, sync_error = NULL"
                " WHERE uuid = ?2")
    : g_strdup_printf ("UPDATE %s SET server_version = max(server_version, ?1),"
                       " sync_state = CASE WHEN version = ?1 THEN 0 ELSE sync_state END,"
                       " sync_error = CASE WHEN version = ?1 THEN NULL ELSE sync_error END"
                       " WHERE uuid = ?2", liaison_store_sync_kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not mark a record as synced"), error);
}

/* The record stays in error, not collected again, until it is edited (an
 * edit makes a new version, which this leaves pending). An event is never
 * edited: it stays in error, on the timeline, with the server's reason. */
static gboolean
mark_rejected (LiaisonStore  *self,
               Kind           kind,
               const char    *uuid,
               gint64         version,
               const char    *reason,
               GError       **error)
{
  g_autofree char *sql = kind == KIND_SUGGESTION_EVENT
    ? g_strdup ("UPDATE suggestion_events SET sync_state = 2, sync_error = ?3 WHERE uuid = ?2")
    : g_strdup_printf ("UPDATE %s SET sync_state = 2, sync_error = ?3"
                       " WHERE uuid = ?2 AND version = ?1", liaison_store_sync_kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not record the server’s refusal"), error);
}

/* The server's refusal in the user's words: its reason is English, for
 * logs; the known ones and the codes have their own translated sentence,
 * and anything else keeps the server's words after a translated lead. */
static char *
describe_refusal (const char *code,
                  const char *reason)
{
  static const struct {
    const char *reason;
    const char *words;
  } reasons[] = {
    { LIAISON_LOOP_WIRE_REASON_FUTURE,
      N_("Headquarters’ clock says this step is dated in the future. Check this computer’s date and time, then make the step again.") },
    { LIAISON_LOOP_WIRE_REASON_NO_SUGGESTION,
      N_("Headquarters does not have this suggestion.") },
    { LIAISON_LOOP_WIRE_REASON_CHANGED,
      N_("Headquarters holds this step with other contents.") },
  };
  static const struct {
    const char *code;
    const char *words;
  } codes[] = {
    { "read_only",        N_("Headquarters does not let this computer record this.") },
    { "not_your_station", N_("This belongs to another station.") },
    { "unknown_kind",     N_("Headquarters does not know this kind of record; Liaison or the server needs updating.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reason, reasons[i].reason) == 0)
      return g_strdup (_(reasons[i].words));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (code, codes[i].code) == 0)
      return g_strdup (_(codes[i].words));
  /* Translators: %s is the server's reason, in English. */
  return g_strdup_printf (_("Headquarters found it invalid (%s)"), reason);
}

static gboolean
apply_one_result (LiaisonStore       *self,
                  LiaisonSyncRole     role,
                  guint               position,
                  JsonObject         *sent,
                  JsonNode           *result_node,
                  LiaisonSyncCounts  *counts,
                  gboolean            touched[N_KINDS],
                  GHashTable         *loop_touched,
                  GError            **error)
{
  JsonObject *result;
  const char *uuid;
  const char *status;
  Kind kind;
  gint64 sent_version;
  ResultStatus result_status;

  /* The records sent are this store's own: checked all the same, since a
   * caller could pass anything. */
  if (sent == NULL ||
      !node_is (json_object_get_member (sent, "uuid"), G_TYPE_STRING) ||
      !node_is (json_object_get_member (sent, "kind"), G_TYPE_STRING) ||
      !liaison_store_sync_kind_from_name (json_object_get_string_member (sent, "kind"), &kind) ||
      !node_is (json_object_get_member (sent, "version"), G_TYPE_INT64))
    return bad_result (error, position, "record");
  uuid = json_object_get_string_member (sent, "uuid");
  sent_version = json_object_get_int_member (sent, "version");

  if (result_node == NULL || !JSON_NODE_HOLDS_OBJECT (result_node))
    return bad_result (error, position, "result");
  result = json_node_get_object (result_node);
  if (!node_is (json_object_get_member (result, "uuid"), G_TYPE_STRING) ||
      strcmp (json_object_get_string_member (result, "uuid"), uuid) != 0)
    return bad_result (error, position, "uuid");
  if (!node_is (json_object_get_member (result, "kind"), G_TYPE_STRING) ||
      strcmp (json_object_get_string_member (result, "kind"), liaison_store_sync_kinds[kind].name) != 0)
    return bad_result (error, position, "kind");
  if (!node_is (json_object_get_member (result, "status"), G_TYPE_STRING))
    return bad_result (error, position, "status");
  status = json_object_get_string_member (result, "status");
  if (strcmp (status, "applied") == 0 || strcmp (status, "duplicate") == 0)
    result_status = RESULT_APPLIED;
  else if (strcmp (status, "conflict") == 0)
    result_status = RESULT_CONFLICT;
  else if (strcmp (status, "rejected") == 0)
    result_status = RESULT_REJECTED;
  else
    return bad_result (error, position, "status");

  switch (result_status)
    {
    case RESULT_APPLIED:
      if (!node_is (json_object_get_member (result, "version"), G_TYPE_INT64) ||
          json_object_get_int_member (result, "version") != sent_version)
        return bad_result (error, position, "version");
      if (!acknowledge (self, kind, uuid, sent_version, error))
        return FALSE;
      counts->sent++;
      break;

    case RESULT_CONFLICT:
      {
        Incoming current;
        LocalRow row;
        g_autoptr(GError) local_error = NULL;

        JsonNode *current_node = json_object_get_member (result, "current");

        if (!node_is (json_object_get_member (result, "version"), G_TYPE_INT64))
          return bad_result (error, position, "version");
        if (current_node == NULL || !JSON_NODE_HOLDS_OBJECT (current_node))
          return bad_result (error, position, "current");
        if (!liaison_store_sync_check_incoming (current_node, position, FALSE, &current, &local_error))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        if (current.kind != kind || strcmp (current.uuid, uuid) != 0)
          return bad_result (error, position, "current");
        if (kind == KIND_SUGGESTION_EVENT)
          {
            /* Another event under this event's uuid: neither is ever
             * changed, so this one cannot be sent. */
            if (!mark_rejected (self, kind, uuid, sent_version,
                                _("The server holds another event under the same ID."), error))
              return FALSE;
            counts->rejected++;
            break;
          }
        if (!liaison_store_sync_find_local (self, kind, uuid, &row, &local_error))
          {
            if (local_error != NULL)
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            break;
          }
        if (!liaison_store_sync_settle_conflict (self, role, &current, &row, sent, loop_touched, error))
          return FALSE;
        counts->conflicts++;
      }
      break;

    case RESULT_REJECTED:
      {
        JsonNode *code = json_object_get_member (result, "code");
        g_autofree char *words = NULL;

        if (!node_is (json_object_get_member (result, "reason"), G_TYPE_STRING))
          return bad_result (error, position, "reason");
        if (!node_is_null (code) && !node_is (code, G_TYPE_STRING))
          return bad_result (error, position, "code");
        words = describe_refusal (node_is_null (code) ? NULL : json_node_get_string (code),
                                  json_object_get_string_member (result, "reason"));
        if (!mark_rejected (self, kind, uuid, sent_version, words, error))
          return FALSE;
        counts->rejected++;
        /* A refused move leaves this replica's replay as it leaves everyone's. */
        if (kind == KIND_SUGGESTION_EVENT && json_object_get_member (sent, "data") != NULL &&
            JSON_NODE_HOLDS_OBJECT (json_object_get_member (sent, "data")))
          liaison_store_sync_touch_loop (loop_touched,
                                         data_string (json_object_get_object_member (sent, "data"), "suggestion"));
      }
      break;

    default:
      g_assert_not_reached ();
    }
  touched[kind] = TRUE;
  return TRUE;
}

gboolean
liaison_store_apply_push_results (LiaisonStore       *store,
                                  GPtrArray          *pushed,
                                  JsonArray          *results,
                                  LiaisonSyncCounts  *counts,
                                  GError            **error)
{
  g_autoptr(GHashTable) loop_touched = liaison_store_sync_loop_touched_new ();
  LiaisonSyncCounts these = { 0 };
  gboolean touched[N_KINDS] = { FALSE };
  LiaisonSyncRole role;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (pushed != NULL, FALSE);

  if (results == NULL || json_array_get_length (results) != pushed->len)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: both numbers count records; the plural follows the first */
                   ngettext ("The server’s answer to the records sent cannot be used, so nothing was saved: %u record was sent and it answered for %u.",
                             "The server’s answer to the records sent cannot be used, so nothing was saved: %u records were sent and it answered for %u.",
                             pushed->len),
                   pushed->len, results != NULL ? json_array_get_length (results) : 0);
      return FALSE;
    }

  role = liaison_store_get_sync_role (store);
  if (!liaison_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < pushed->len; i++)
    if (!apply_one_result (store, role, i + 1, g_ptr_array_index (pushed, i),
                           json_array_get_element (results, i), &these, touched, loop_touched, error))
      {
        liaison_store_rollback (store);
        return FALSE;
      }
  if (!liaison_store_sync_refresh_loop_caches (store, loop_touched, NULL, NULL, touched, error))
    {
      liaison_store_rollback (store);
      return FALSE;
    }
  liaison_store_sync_emit_touched (store, touched);
  if (!liaison_store_commit (store, error))
    return FALSE;
  liaison_store_sync_add_counts (counts, &these);
  return TRUE;
}
