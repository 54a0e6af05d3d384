/* liaison-hq-store-push.c: a push: each record checked (the wire schema,
 * headquarters' rules, who owns it), then applied, taken as a duplicate,
 * or answered with a conflict or a refusal, in one transaction. */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-store.h"
#include "liaison-hq-purge.h"
#include "liaison-hq-store-private.h"
#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-protocol.h"

static JsonObject *
result_new (JsonObject *record,
            const char *status)
{
  JsonObject *result = json_object_new ();
  JsonNode *uuid = record != NULL ? json_object_get_member (record, "uuid") : NULL;
  JsonNode *kind = record != NULL ? json_object_get_member (record, "kind") : NULL;

  if (uuid != NULL && JSON_NODE_HOLDS_VALUE (uuid) && json_node_get_value_type (uuid) == G_TYPE_STRING)
    json_object_set_string_member (result, "uuid", json_node_get_string (uuid));
  else
    json_object_set_null_member (result, "uuid");
  if (kind != NULL && JSON_NODE_HOLDS_VALUE (kind) && json_node_get_value_type (kind) == G_TYPE_STRING)
    json_object_set_string_member (result, "kind", json_node_get_string (kind));
  else
    json_object_set_null_member (result, "kind");
  json_object_set_string_member (result, "status", status);
  return result;
}

JsonObject *
liaison_hq_push_rejected (JsonObject *record,
                          const char *code,
                          const char *reason)
{
  JsonObject *result = result_new (record, LIAISON_PUSH_REJECTED);

  json_object_set_string_member (result, "code", code);
  json_object_set_string_member (result, "reason", reason);
  return result;
}

/* Who may push a suggestion_event is decided by the event's role, not by
 * its kind: a station token records the station's and its deputies' moves
 * on its own suggestions, a headquarters token headquarters' moves on any.
 * Sets *refusal to the push result when the event is refused; FALSE with
 * @error when the database failed. The server does not replay the loop:
 * every replica does (docs/sync-protocol.md). */
static gboolean
check_event_owner (LiaisonHqStore        *self,
                   const LiaisonHqToken  *token,
                   JsonObject            *record,
                   const char            *data_station,
                   JsonObject           **refusal,
                   GError               **error)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  const char *suggestion = json_object_get_string_member_with_default (data, "suggestion", NULL);
  LiaisonLoopRole role = LIAISON_LOOP_ROLE_STATION;
  LiaisonHqStmt *stmt;
  int rc;

  *refusal = NULL;
  /* The shape check accepted the event, so its role is a role code. */
  liaison_loop_role_from_code (json_object_get_string_member_with_default (data, "role", NULL), &role);

  if (token->role == LIAISON_HQ_ROLE_STATION)
    {
      if (role == LIAISON_LOOP_ROLE_HQ)
        {
          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                               "Only headquarters may record a headquarters move (role hq).");
          return TRUE;
        }
      if (g_strcmp0 (data_station, token->station_uuid) != 0)
        {
          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                               "The event's suggestion belongs to another station.");
          return TRUE;
        }
    }
  else if (role != LIAISON_LOOP_ROLE_HQ)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                           "Headquarters may record only its own moves (role hq); "
                           "stations and deputies record theirs.");
      return TRUE;
    }

  /* An event must go where its suggestion is, or a reply would reach the
   * wrong station; and its suggestion must be here to say where that is
   * (a station could otherwise file a withdrawal under another station's
   * suggestion not sent yet). Clients push suggestions before their
   * events, in the same batch too, where the earlier record is already
   * written under its savepoint. */
  stmt = liaison_hq_store_prepare_cached (self,
    "SELECT origin_station FROM records WHERE kind = '" LIAISON_KIND_SUGGESTION "' AND uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, suggestion);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_DONE)
    *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, LIAISON_LOOP_WIRE_REASON_NO_SUGGESTION);
  else if (rc == LIAISON_HQ_DB_ROW &&
           g_strcmp0 (liaison_hq_stmt_column_text (stmt, 0), data_station) != 0)
    *refusal = token->role == LIAISON_HQ_ROLE_STATION
               ? liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                           "The event's suggestion belongs to another station.")
               : liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID,
                           "data.station is not the station of the event's suggestion.");
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (self, error, _("The records could not be read"));
  return TRUE;
}

/* How far ahead of the server's clock an event may be dated: a station
 * whose clock runs fast would otherwise place its moves (and, by the
 * replay order, headquarters' answers to them) in the future. */
#define MAX_EVENT_AHEAD (10 * G_TIME_SPAN_MINUTE)

static gboolean
event_is_dated_ahead (JsonObject *record)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  g_autoptr(GDateTime) at = liaison_loop_parse_at (json_object_get_string_member_with_default (data, "at", NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* The shape check accepted the event, so "at" is a time. */
  return at != NULL && g_date_time_difference (at, now) > MAX_EVENT_AHEAD;
}

/* Decides and applies one record; NULL with @error when the database failed. */
static JsonObject *
push_one (LiaisonHqStore       *self,
          const LiaisonHqToken *token,
          JsonNode             *node,
          gint64               *seq,
          gboolean             *applied,
          GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *record;
  JsonObject *data;
  g_autoptr(JsonObject) empty_data = NULL;
  const char *kind;
  const char *uuid;
  const char *origin = NULL;
  const char *data_station = NULL;
  gboolean is_event;
  gboolean is_activity;
  gboolean is_access;
  gboolean is_pin;
  gint64 version;
  gint64 base_version = 0;
  gboolean deleted = FALSE;
  gboolean exists = FALSE;
  gint64 current_version = 0;
  gint64 current_seq = 0;
  g_autofree char *current_digest = NULL;
  g_autofree char *current_origin = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *data_json = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return liaison_hq_push_rejected (NULL, LIAISON_REJECT_INVALID, "The record is not a JSON object.");
  record = json_node_get_object (node);

  if (json_object_has_member (record, "kind"))
    {
      JsonNode *kind_node = json_object_get_member (record, "kind");

      if (JSON_NODE_HOLDS_VALUE (kind_node) && json_node_get_value_type (kind_node) == G_TYPE_STRING &&
          !liaison_protocol_kind_is_known (json_node_get_string (kind_node)))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_UNKNOWN_KIND, "This server does not know the record's kind.");
    }
  if (!liaison_wire_check_record (record, &local_error))
    return liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, local_error->message);

  kind = json_object_get_string_member (record, "kind");
  if (g_str_equal (kind, LIAISON_KIND_PURGE))
    return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, "Only the server writes a purge.");
  if (g_str_equal (kind, LIAISON_KIND_ONLINE_SUBMISSION))
    return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                     "Only the server writes an online submission, from the citizen's form.");
  is_event = g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT);
  is_activity = g_str_equal (kind, LIAISON_KIND_ACTIVITY);
  is_access = g_str_equal (kind, LIAISON_KIND_ACCESS_LOG);
  is_pin = g_str_equal (kind, LIAISON_KIND_DEPUTY_PIN);
  uuid = json_object_get_string_member (record, "uuid");
  version = json_object_get_int_member (record, "version");
  if (json_object_has_member (record, "base_version"))
    base_version = json_object_get_int_member (record, "base_version");
  if (json_object_has_member (record, "deleted"))
    deleted = json_object_get_boolean_member (record, "deleted");
  /* A tombstone may come with no data at all, or a null one: it is kept
   * as an empty object, as the feed sends a tombstone. */
  data = json_object_has_member (record, "data") ? json_object_get_object_member (record, "data") : NULL;
  if (data == NULL)
    data = empty_data = json_object_new ();
  if (json_object_has_member (data, "station") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (data, "station")))
    data_station = json_object_get_string_member (data, "station");

  if (version <= base_version)
    return liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, "version must be greater than base_version.");
  {
    JsonObject *refusal = NULL;

    /* The data's canonical text is what is stored, what the size rule
     * measures and what the digest is made from: one canonicalization
     * per record (again only if a purge below changes the data). */
    data_json = liaison_hq_store_canonical_data (data);
    if (!liaison_hq_push_rules_check (self, token, record, data == empty_data ? NULL : data_json, &refusal,
                                      error))
      return NULL;
    if (refusal != NULL)
      return refusal;
  }

  if (is_event)
    {
      JsonObject *refusal = NULL;

      if (!check_event_owner (self, token, record, data_station, &refusal, error))
        return NULL;
      if (refusal != NULL)
        return refusal;
      if (event_is_dated_ahead (record))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, LIAISON_LOOP_WIRE_REASON_FUTURE);
      /* The suggestion's station, for headquarters' moves too: a reply
       * goes to the feed of the station where the citizen was received. */
      origin = data_station;
    }
  else if (is_activity || is_access)
    /* An activity names no station: who may push which kind of activity
     * is the push rules'; a station's is its token's, headquarters' has
     * none. So with an access log entry, which any desk writes: a
     * station's goes to its own feed only, headquarters' to none. */
    origin = token->role == LIAISON_HQ_ROLE_STATION ? token->station_uuid : NULL;
  else if (is_pin)
    /* The deputy's station, as the push rules checked: its feed alone,
     * and headquarters'. A tombstone has no station: none. */
    origin = data_station;
  else if (token->role == LIAISON_HQ_ROLE_STATION)
    {
      if (g_str_equal (kind, LIAISON_KIND_DEPUTY))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                         "Headquarters owns the roster: a station may not change a deputy.");
      if (liaison_protocol_kind_is_hq_written (kind))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                         "Only headquarters may change this kind of record.");
      if (data_station != NULL && g_strcmp0 (data_station, token->station_uuid) != 0)
        return liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                         "The record belongs to another station.");
      if (data_station == NULL && !deleted)
        return liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                         "The record names no station.");
      /* The station comes from the token, whatever the record says. */
      origin = token->station_uuid;
    }
  else
    {
      if (!liaison_protocol_kind_is_hq_written (kind))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                         "Stations own this kind of record; headquarters may not change it.");
      if (!liaison_protocol_kind_is_hq_owned (kind))
        /* A published report's station part: that station's feed. */
        origin = data_station;
      else if (json_object_has_member (record, "origin_station") &&
               !JSON_NODE_HOLDS_NULL (json_object_get_member (record, "origin_station")))
        origin = json_object_get_string_member (record, "origin_station");
    }

  {
    LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
      "SELECT version, digest, origin_station, seq FROM records WHERE kind = ? AND uuid = ?", error);
    g_autoptr(GError) read_error = NULL;

    if (stmt == NULL)
      return NULL;
    exists = liaison_hq_store_step_record (self, stmt, kind, uuid, &read_error);
    if (exists)
      {
        current_version = liaison_hq_stmt_column_int64 (stmt, 0);
        current_digest = liaison_hq_stmt_dup_text (stmt, 1);
        current_origin = liaison_hq_stmt_dup_text (stmt, 2);
        current_seq = liaison_hq_stmt_column_int64 (stmt, 3);
      }
    liaison_hq_stmt_reset (stmt);
    if (read_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return NULL;
      }
  }

  if (token->role == LIAISON_HQ_ROLE_STATION &&
      ((exists && g_strcmp0 (current_origin, token->station_uuid) != 0) ||
       (!exists && data_station == NULL && !is_activity && !is_access)))
    return liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION, "The record belongs to another station.");

  /* A purged reception stays purged (liaison-hq-purge.h). */
  {
    gboolean purged = FALSE;

    if (!liaison_hq_purge_keep (self, kind, uuid, data, &purged, error))
      return NULL;
    if (purged)
      {
        g_free (data_json);
        data_json = liaison_hq_store_canonical_data (data);
      }
  }
  /* The wire check let data be an object, null or missing; the digest
   * says "null" for the last two. */
  digest = liaison_protocol_digest_of_canonical (data == empty_data ? NULL : data_json, deleted, version);

  if (exists && current_version == version && g_strcmp0 (current_digest, digest) == 0)
    {
      JsonObject *result = result_new (record, LIAISON_PUSH_DUPLICATE);

      json_object_set_int_member (result, "version", version);
      /* The feed holds what the pusher has: it may skip this seq. */
      json_object_set_int_member (result, "seq", current_seq);
      return result;
    }

  /* Insert-only: the same event with other content is not a new version. */
  if (is_event && exists)
    return liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, LIAISON_LOOP_WIRE_REASON_CHANGED);
  if (is_access && exists)
    return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, "An access log entry is never changed once logged.");

  /* A record the server never saw is taken whatever its base: the
   * client's copy is all there is (a server restored from an old backup). */
  if (exists && current_version != base_version)
    {
      JsonObject *result = result_new (record, LIAISON_PUSH_CONFLICT);
      g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
        "SELECT " LIAISON_HQ_RECORD_COLUMNS " FROM records WHERE kind = ? AND uuid = ?", error);
      g_autoptr(GString) text = g_string_new (NULL);
      JsonNode *current;

      json_object_set_int_member (result, "version", current_version);
      if (stmt == NULL)
        {
          json_object_unref (result);
          return NULL;
        }
      liaison_hq_stmt_bind_text (stmt, 1, kind);
      liaison_hq_stmt_bind_text (stmt, 2, uuid);
      if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
        {
          json_object_unref (result);
          liaison_hq_store_db_error (self, error, _("The records could not be read"));
          return NULL;
        }
      liaison_hq_store_append_record (text, stmt, token);
      current = liaison_json_from_string (text->str, NULL);
      if (current != NULL)
        {
          /* The feed's seq means nothing to a push result. */
          json_object_remove_member (json_node_get_object (current), "seq");
          json_object_set_member (result, "current", current);
        }
      return result;
    }

  if (!liaison_hq_store_write_record (self, kind, uuid, version, origin, deleted,
                                      json_object_get_string_member (record, "updated_at"),
                                      data_json, digest, *seq + 1, error))
    return NULL;
  *seq += 1;
  if (!liaison_hq_store_route_written (self, kind, uuid, deleted, data, seq, error))
    return NULL;
  *applied = TRUE;

  {
    JsonObject *result = result_new (record, LIAISON_PUSH_APPLIED);

    json_object_set_int_member (result, "version", version);
    json_object_set_int_member (result, "seq", *seq);
    return result;
  }
}

JsonArray *
liaison_hq_store_push (LiaisonHqStore       *self,
                       const LiaisonHqToken *token,
                       JsonArray            *records,
                       guint                *n_applied,
                       GError              **error)
{
  g_autoptr(JsonArray) results = json_array_new ();
  guint n = json_array_get_length (records);
  gint64 seq;

  *n_applied = 0;
  if (!liaison_hq_store_begin (self, error))
    return NULL;
  seq = liaison_hq_store_last_seq (self, error);
  if (seq < 0)
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *result;
      gboolean applied = FALSE;

      if (!liaison_hq_store_exec_cached (self, "SAVEPOINT record", error))
        goto fail;
      result = push_one (self, token, json_array_get_element (records, i), &seq, &applied, error);
      if (result == NULL)
        {
          /* The database failed on this record: undo it alone? No: a
           * failing database fails the batch, and nothing is acknowledged. */
          goto fail;
        }
      if (!liaison_hq_store_exec_cached (self, "RELEASE record", error))
        {
          json_object_unref (result);
          goto fail;
        }
      if (applied)
        (*n_applied)++;
      json_array_add_object_element (results, result);
    }

  if (!liaison_hq_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&results);

fail:
  liaison_hq_store_rollback (self);
  return NULL;
}
