/* liaison-store-sync-pull.c: a pull page written in one transaction: each
 * change decoded (and checked against the wire schema unless the caller
 * did), then applied in reference order. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-search.h"
#include "liaison-store-sync-private.h"
#include "liaison-wire-schema.h"

/* Decoding: wire records checked before anything is written */

static gboolean
bad_change (GError     **error,
            guint        position,
            const char  *uuid,
            const char  *member)
{
  if (uuid != NULL)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 /* Translators: why a change from the server was set aside; %u is the change's place in its page,
                  * %s its ID, the last %s a field name */
                 _("Change %u of its page (%s) has a missing or wrong “%s”."),
                 position, uuid, member);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 /* Translators: why a change from the server was set aside; %u is the change's place in its page,
                  * %s a field name */
                 _("Change %u of its page has a missing or wrong “%s”."),
                 position, member);
  return FALSE;
}

/* The one check every end runs on a wire record (the server ran it on
 * the push too), unless @wire_checked says the caller ran it and
 * normalized the record already (the engine, on a pull page: each record
 * is checked once); then the pieces this replica writes from, and what
 * only this replica asks of them. */
gboolean
liaison_store_sync_check_incoming (JsonNode  *node,
                                   guint      position,
                                   gboolean   wire_checked,
                                   Incoming  *incoming,
                                   GError   **error)
{
  g_autoptr(GError) wire_error = NULL;
  JsonObject *object;
  JsonNode *member;

  memset (incoming, 0, sizeof *incoming);
  incoming->position = position;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_change (error, position, NULL, "record");
  object = incoming->object = json_node_get_object (node);

  if (!wire_checked)
    liaison_wire_normalize_record (object);
  if (!wire_checked && !liaison_wire_check_record (object, &wire_error))
    {
      member = json_object_get_member (object, "uuid");
      if (node_is (member, G_TYPE_STRING) && g_uuid_string_is_valid (json_node_get_string (member)))
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                     /* Translators: why a change from the server was set aside; %u is the change's place in
                      * its page, the first %s its ID, the last the reason, in English */
                     _("Change %u of its page (%s) is not valid (%s)."),
                     position, json_node_get_string (member), wire_error->message);
      else
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                     /* Translators: why a change from the server was set aside; %u is the change's place in
                      * its page, %s the reason, in English */
                     _("Change %u of its page is not valid (%s)."),
                     position, wire_error->message);
      return FALSE;
    }

  incoming->uuid = json_object_get_string_member (object, "uuid");
  if (!liaison_store_sync_kind_from_name (json_object_get_string_member (object, "kind"), &incoming->kind))
    return bad_change (error, position, incoming->uuid, "kind");
  incoming->version = json_object_get_int_member (object, "version");
  incoming->updated_at = json_object_get_string_member (object, "updated_at");
  member = json_object_get_member (object, "origin_station");
  if (node_is (member, G_TYPE_STRING))
    incoming->origin = json_node_get_string (member);
  /* Optional in a push, always there in a page. */
  member = json_object_get_member (object, "deleted");
  if (!node_is (member, G_TYPE_BOOLEAN))
    return bad_change (error, position, incoming->uuid, "deleted");
  incoming->deleted = json_node_get_boolean (member);

  member = json_object_get_member (object, "data");
  if (incoming->deleted &&
      (node_is_null (member) ||
       (JSON_NODE_HOLDS_OBJECT (member) && json_object_get_size (json_node_get_object (member)) == 0)))
    return TRUE;
  incoming->data = json_node_get_object (member);
  return TRUE;
}

/* Pull */

static int
compare_incoming (gconstpointer a,
                  gconstpointer b)
{
  const Incoming *x = a;
  const Incoming *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->position < y->position ? -1 : (x->position > y->position);
}

/* A pulled event: stored once, as it was recorded, synced; one already
 * here (pulled before, or recorded here) is left as it is. A reply that
 * reaches a station counts, and flags its suggestion if it is this
 * station's. */
static gboolean
apply_event (LiaisonStore       *self,
             LiaisonSyncRole     role,
             const Incoming     *incoming,
             const char         *this_station,
             LiaisonSyncCounts  *counts,
             gboolean            touched[N_KINDS],
             GHashTable         *loop_touched,
             GError            **error)
{
  const char *failed = _("Could not save a suggestion event received from the server");
  g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_from_json (incoming->uuid, incoming->data, NULL);
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (event != NULL, FALSE);  /* check_loop_record () passed it */

  data = liaison_loop_event_to_json (event);
  text = liaison_store_json_text (data);
  at = liaison_loop_format_at (event->at);
  stmt = liaison_store_prepare (self,
    "INSERT INTO suggestion_events (uuid, suggestion_uuid, move, role, at, data, origin_station_uuid,"
    " sync_state, sync_error, server_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, NULL, ?8)"
    " ON CONFLICT (uuid) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, event->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, event->suggestion_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, liaison_loop_move_to_code (event->move), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, liaison_loop_role_to_code (event->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, data_string (incoming->data, "station"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, incoming->version);
  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (self)) == 0)
    return TRUE;

  counts->received++;
  touched[KIND_SUGGESTION_EVENT] = TRUE;
  if (role == LIAISON_SYNC_ROLE_STATION && event->move == LIAISON_LOOP_MOVE_REPLY)
    liaison_store_sync_touch_loop_reply (loop_touched, event->suggestion_uuid, event->uuid);
  else
    liaison_store_sync_touch_loop (loop_touched, event->suggestion_uuid);
  return TRUE;
}

static gboolean
apply_incoming (LiaisonStore       *self,
                LiaisonSyncRole     role,
                const Incoming     *incoming,
                const char         *this_station,
                LiaisonSyncCounts  *counts,
                gboolean            touched[N_KINDS],
                GArray             *revive,
                GHashTable         *loop_touched,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) local = NULL;
  LocalRow row;

  if (incoming->kind == KIND_SUGGESTION_EVENT)
    return apply_event (self, role, incoming, this_station, counts, touched, loop_touched, error);

  if (!liaison_store_sync_find_local (self, incoming->kind, incoming->uuid, &row, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (row.id == 0 || row.sync_state == LIAISON_SYNC_STATE_SYNCED)
    {
      /* Older or equal: this replica has it already (maybe its own push). */
      if (row.id != 0 && incoming->version <= row.version)
        return TRUE;
      if (row.id == 0 && incoming->data == NULL)
        return TRUE;
      if (!liaison_store_sync_write_incoming (self, incoming, row.id, revive, loop_touched, error))
        return FALSE;
      counts->received++;
      touched[incoming->kind] = TRUE;
      return TRUE;
    }

  /* Unsent local edits. A version the server had as our base is no news. */
  if (incoming->version <= row.server_version)
    return TRUE;
  local = liaison_store_sync_encode_local (self, incoming->kind, incoming->uuid, error);
  if (local == NULL)
    return FALSE;
  if (!liaison_store_sync_settle_conflict (self, role, incoming, &row, local, loop_touched, error))
    return FALSE;
  counts->conflicts++;
  touched[incoming->kind] = TRUE;
  return TRUE;
}

/* Sets aside the changes that fail the schema (unless @wire_checked) or
 * this replica's own demands (into @set_aside), and leaves in @incoming
 * the ones that pass, in reference order. */
static gboolean
check_page (JsonArray  *changes,
            gboolean    wire_checked,
            GArray     *incoming,
            GPtrArray  *set_aside)
{
  guint n_changes = json_array_get_length (changes);
  guint n_good = 0;

  g_array_set_size (incoming, n_changes);
  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_array_get_element (changes, i);

      if (liaison_store_sync_check_incoming (node, i + 1, wire_checked, &g_array_index (incoming, Incoming, n_good),
                                             &error))
        n_good++;
      else
        g_ptr_array_add (set_aside, liaison_quarantined_new_node (node, error->message));
    }
  g_array_set_size (incoming, n_good);
  g_array_sort (incoming, compare_incoming);
  return TRUE;
}

/* A good version of a record set aside before supersedes it. */
static gboolean
replace_quarantined (LiaisonStore  *self,
                     GArray        *incoming,
                     GError       **error)
{
  if (liaison_store_count_quarantined (self) == 0)
    return TRUE;
  for (guint i = 0; i < incoming->len; i++)
    {
      const Incoming *change = &g_array_index (incoming, Incoming, i);

      if (!liaison_store_quarantine_replaced (self, liaison_store_sync_kinds[change->kind].name, change->uuid,
                                              change->version, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean apply_page (LiaisonStore       *store,
                            JsonArray          *changes,
                            GPtrArray          *set_aside,
                            gboolean            wire_checked,
                            gint64              last_seq,
                            LiaisonSyncCounts  *counts,
                            GError            **error);

gboolean
liaison_store_apply_pulled (LiaisonStore       *store,
                            JsonArray          *changes,
                            gint64              last_seq,
                            LiaisonSyncCounts  *counts,
                            GError            **error)
{
  return apply_page (store, changes, NULL, FALSE, last_seq, counts, error);
}

gboolean
liaison_store_apply_pulled_page (LiaisonStore       *store,
                                 JsonArray          *changes,
                                 GPtrArray          *set_aside,
                                 gint64              last_seq,
                                 LiaisonSyncCounts  *counts,
                                 GError            **error)
{
  return apply_page (store, changes, set_aside, TRUE, last_seq, counts, error);
}

static gboolean
apply_page (LiaisonStore       *store,
            JsonArray          *changes,
            GPtrArray          *set_aside,
            gboolean            wire_checked,
            gint64              last_seq,
            LiaisonSyncCounts  *counts,
            GError            **error)
{
  g_autoptr(GArray) incoming = g_array_new (FALSE, TRUE, sizeof (Incoming));
  g_autoptr(GArray) revive = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) loop_touched = liaison_store_sync_loop_touched_new ();
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_quarantined_free);
  g_autofree char *this_station = NULL;
  LiaisonSyncCounts these = { 0 };
  gboolean touched[N_KINDS] = { FALSE };
  LiaisonSyncRole role;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  if (changes == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The server sent no list of changes, so nothing was saved."));
      return FALSE;
    }
  if (last_seq < 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The server sent a negative position in its list of changes, so nothing was saved."));
      return FALSE;
    }

  /* Every change is checked before anything is written; one that fails is
   * set aside, and never sinks its page (DESIGN.md, sync principle 2). */
  check_page (changes, wire_checked, incoming, refused);

  role = liaison_store_get_sync_role (store);
  this_station = liaison_store_get_setting (store, SETTING_STATION);
  if (!liaison_store_begin (store, error))
    return FALSE;
  liaison_store_set_sync_ids (store, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
  for (guint i = 0; set_aside != NULL && i < set_aside->len; i++)
    if (!liaison_store_quarantine_add (store, g_ptr_array_index (set_aside, i), error))
      goto failed;
  for (guint i = 0; i < refused->len; i++)
    if (!liaison_store_quarantine_add (store, g_ptr_array_index (refused, i), error))
      goto failed;
  these.set_aside = refused->len + (set_aside != NULL ? set_aside->len : 0);
  for (guint i = 0; i < incoming->len; i++)
    if (!apply_incoming (store, role, &g_array_index (incoming, Incoming, i), this_station, &these, touched,
                         revive, loop_touched, error))
      goto failed;
  if (!liaison_store_search_release_pulled (store, revive, error) ||
      !liaison_store_sync_refresh_loop_caches (store, loop_touched, this_station, &these, touched, error) ||
      !replace_quarantined (store, incoming, error) ||
      !liaison_store_sync_set_checkpoint (store, last_seq, error))
    goto failed;
  liaison_store_set_sync_ids (store, NULL);
  liaison_store_sync_emit_touched (store, touched);
  if (!liaison_store_commit (store, error))
    return FALSE;
  liaison_store_sync_add_counts (counts, &these);
  return TRUE;

failed:
  liaison_store_set_sync_ids (store, NULL);
  liaison_store_rollback (store);
  return FALSE;
}
