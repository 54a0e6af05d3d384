/* liaison-store-sync-online.c: the online channel's records in a sync
 * (liaison-store-online.h): a submission or a decision as it arrives from
 * the server, what an accepting made held back from the push until its
 * decision is acknowledged, and taken back when the decision lost. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-online-wire.h"
#include "liaison-privacy.h"
#include "liaison-store-sync-private.h"

/* A text member, NULL for null and "" (the wire's two spellings of none). */
static void
bind_member_or_null (sqlite3_stmt *stmt,
                   int           index,
                   JsonObject   *data,
                   const char   *member)
{
  const char *text = data_string (data, member);

  liaison_store_bind_text_or_null (stmt, index, text != NULL && *text != '\0' ? text : NULL);
}

static gboolean
write_submission (LiaisonStore    *self,
                  const Incoming  *incoming,
                  GError         **error)
{
  JsonObject *data = incoming->data;
  const char *phone = data_string (data, "phone");
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO online_submissions (uuid, version, server_version, updated_at, origin_station_uuid, deleted,"
    " sync_state, sync_error, id, station, category, title, content, name, phone, community, consent,"
    " submitted_at) VALUES (?1, ?2, ?2, ?3, ?4, 0, 0, NULL,"
    " (SELECT coalesce (max (id), 0) + 1 FROM online_submissions), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (uuid) DO UPDATE SET version = excluded.version, server_version = excluded.server_version,"
    " updated_at = excluded.updated_at, origin_station_uuid = excluded.origin_station_uuid, deleted = 0,"
    " sync_state = 0, sync_error = NULL, station = excluded.station, category = excluded.category,"
    " title = excluded.title, content = excluded.content, name = excluded.name, phone = excluded.phone,"
    " community = excluded.community, consent = excluded.consent, submitted_at = excluded.submitted_at", error);

  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  sqlite3_bind_text (stmt, 5, data_string (data, "station"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data_string (data, "category"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, data_string (data, "title"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, json_object_get_string_member_with_default (data, "content", ""), -1,
                     SQLITE_TRANSIENT);
  bind_member_or_null (stmt, 9, data, "name");
  /* A headquarters desk keeps the phone masked, whatever a server sends,
   * as it keeps a visitor's (liaison-hq masks it in the pull). */
  if (phone != NULL && *phone != '\0' && liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
    {
      g_autofree char *masked = liaison_privacy_mask_phone (phone);

      sqlite3_bind_text (stmt, 10, masked, -1, SQLITE_TRANSIENT);
    }
  else
    bind_member_or_null (stmt, 10, data, "phone");
  bind_member_or_null (stmt, 11, data, "community");
  sqlite3_bind_int (stmt, 12, json_object_get_boolean_member_with_default (data, "consent", FALSE) ? 1 : 0);
  sqlite3_bind_text (stmt, 13, data_string (data, "submitted_at"), -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save an online submission received from the server"),
                                  error);
}

/* A decision from the server: another desk's of this station, or this
 * desk's own that won. Its submission's row follows by trigger. */
static gboolean
write_decision (LiaisonStore    *self,
                const Incoming  *incoming,
                GError         **error)
{
  JsonObject *data = incoming->data;
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO online_decisions (uuid, version, server_version, updated_at, origin_station_uuid, deleted,"
    " sync_state, sync_error, submission, station, decision, reason, note, reception, suggestion, decided_at,"
    " decided_by) VALUES (?1, ?2, ?2, ?3, ?4, 0, 0, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (uuid) DO UPDATE SET version = excluded.version, server_version = excluded.server_version,"
    " updated_at = excluded.updated_at, origin_station_uuid = excluded.origin_station_uuid, deleted = 0,"
    " sync_state = 0, sync_error = NULL, submission = excluded.submission, station = excluded.station,"
    " decision = excluded.decision, reason = excluded.reason, note = excluded.note,"
    " reception = excluded.reception, suggestion = excluded.suggestion, decided_at = excluded.decided_at,"
    " decided_by = excluded.decided_by", error);

  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  sqlite3_bind_text (stmt, 5, data_string (data, "submission"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data_string (data, "station"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, data_string (data, "decision"), -1, SQLITE_TRANSIENT);
  bind_member_or_null (stmt, 8, data, "reason");
  bind_member_or_null (stmt, 9, data, "note");
  bind_member_or_null (stmt, 10, data, "reception");
  bind_member_or_null (stmt, 11, data, "suggestion");
  sqlite3_bind_text (stmt, 12, data_string (data, "decided_at"), -1, SQLITE_TRANSIENT);
  bind_member_or_null (stmt, 13, data, "decided_by");
  return liaison_store_step_done (self, stmt, _("Could not save a decision on an online submission received from the server"),
                                  error);
}

gboolean
liaison_store_sync_write_online (LiaisonStore    *self,
                                 const Incoming  *incoming,
                                 GError         **error)
{
  /* Never deleted (the wire's check): a tombstone is not written. */
  if (incoming->data == NULL || incoming->deleted)
    return TRUE;
  liaison_store_emit_changed (self, "online");
  if (incoming->kind == KIND_ONLINE_SUBMISSION)
    return write_submission (self, incoming, error);
  return write_decision (self, incoming, error);
}

/* A reception or suggestion this desk's accepting made, taken back: a
 * tombstone, pushed only if the server ever had the record. */
static gboolean
take_back (LiaisonStore  *self,
           Kind           kind,
           const char    *uuid,
           GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = 1, version = version + 1, updated_at = ?1,"
                                          " sync_state = CASE WHEN server_version > 0 THEN 1 ELSE 0 END,"
                                          " sync_error = NULL WHERE uuid = ?2 AND deleted = 0",
                                          liaison_store_sync_kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, _("Could not take back what accepting an online submission made"),
                                error))
    return FALSE;
  liaison_store_emit_changed (self, liaison_store_sync_kinds[kind].table);
  return TRUE;
}

static JsonObject *
data_of (JsonObject *record)
{
  JsonNode *node = record != NULL ? json_object_get_member (record, "data") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
liaison_store_sync_online_lost (LiaisonStore  *self,
                                JsonObject    *local,
                                JsonObject    *server,
                                GError       **error)
{
  static const struct {
    const char *member;
    Kind        kind;
  } made[] = {
    { "suggestion", KIND_SUGGESTION },
    { "reception", KIND_RECEPTION },
  };
  JsonObject *local_data = data_of (local);
  JsonObject *server_data = data_of (server);

  for (guint i = 0; local_data != NULL && i < G_N_ELEMENTS (made); i++)
    {
      const char *mine = data_string (local_data, made[i].member);
      const char *theirs = server_data != NULL ? data_string (server_data, made[i].member) : NULL;

      if (mine != NULL && *mine != '\0' && g_strcmp0 (mine, theirs) != 0 &&
          !take_back (self, made[i].kind, mine, error))
        return FALSE;
    }
  return TRUE;
}

/* Held while the decision waits for the server's answer (sync_state 1;
 * "<> 0" for the partial index). Acknowledged, they go; lost, they were
 * taken back (liaison_store_sync_online_lost()); rejected (sync_state 2),
 * they go too: a decision is never edited, so a rejected one would hold
 * them for ever, unsent and shown pending, and no other decision is
 * there for them to lose to (docs/online.md, "The store and the sync"). */
const char *
liaison_store_sync_online_held (Kind kind)
{
  switch (kind)
    {
    case KIND_RECEPTION:
      return " AND t.uuid NOT IN (SELECT reception FROM online_decisions"
             " WHERE sync_state <> 0 AND sync_state = 1 AND reception IS NOT NULL)";
    case KIND_SUGGESTION:
      return " AND t.uuid NOT IN (SELECT suggestion FROM online_decisions"
             " WHERE sync_state <> 0 AND sync_state = 1 AND suggestion IS NOT NULL)";
    case KIND_SUGGESTION_EVENT:
      return " AND t.suggestion_uuid NOT IN (SELECT suggestion FROM online_decisions"
             " WHERE sync_state <> 0 AND sync_state = 1 AND suggestion IS NOT NULL)";
    default:
      return "";
    }
}
