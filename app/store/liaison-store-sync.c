/* liaison-store-sync.c: enrollment, pending records, push results and pull
 * pages, written to the station's SQLite file. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

/* The kinds, in reference order: a record refers only to kinds before it
 * (an event names its suggestion, which comes before it in a page). */
typedef enum {
  KIND_LOOP_RULES,
  KIND_STATION,
  KIND_DEPUTY_GROUP,
  KIND_UNIT,
  KIND_CATEGORY,
  KIND_DEPUTY,
  KIND_RECEPTION,
  KIND_SUGGESTION,
  KIND_SUGGESTION_EVENT,
  N_KINDS
} Kind;

/* Columns every kind's SELECT starts with (the table is aliased t). */
#define META_SELECT "t.id, t.uuid, t.version, t.updated_at, t.origin_station_uuid, t.deleted, t.server_version"
#define META_COLUMNS 7

typedef struct {
  const char      *name;
  const char      *table;
  /* NONE: each record belongs to the replica that recorded it (events) */
  LiaisonSyncRole  owner;
  /* SELECT META_SELECT, data columns ... FROM table t ... (no WHERE) */
  const char      *select;
} KindInfo;

static const KindInfo kinds[N_KINDS] = {
  [KIND_LOOP_RULES] = { "loop_rules", "loop_rules", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.data FROM loop_rules t" },
  [KIND_STATION] = { "station", "stations", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.kind, t.district FROM stations t" },
  [KIND_DEPUTY_GROUP] = { "deputy_group", "deputy_groups", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name FROM deputy_groups t" },
  [KIND_UNIT] = { "unit", "units", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.kind FROM units t" },
  [KIND_CATEGORY] = { "category", "categories", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.code, t.name, t.name_zh, t.position FROM categories t" },
  [KIND_DEPUTY] = { "deputy", "deputies", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.level, g.uuid, s.uuid, t.specialty, t.phone FROM deputies t"
    " LEFT JOIN deputy_groups g ON g.id = t.group_id LEFT JOIN stations s ON s.id = t.station_id" },
  [KIND_RECEPTION] = { "reception", "receptions", LIAISON_SYNC_ROLE_STATION,
    "SELECT " META_SELECT ", t.received_at, s.uuid, t.channel, c.uuid, t.summary, t.handled_on_spot,"
    " t.handling FROM receptions t JOIN stations s ON s.id = t.station_id"
    " JOIN categories c ON c.id = t.category_id" },
  [KIND_SUGGESTION] = { "suggestion", "suggestions", LIAISON_SYNC_ROLE_STATION,
    "SELECT " META_SELECT ", r.uuid, s.uuid, c.uuid, t.title, t.content, t.raised_by,"
    " t.created_at, t.kind, d.uuid, t.co_signers FROM suggestions t JOIN stations s ON s.id = t.station_id"
    " JOIN categories c ON c.id = t.category_id LEFT JOIN receptions r ON r.id = t.reception_id"
    " LEFT JOIN deputies d ON d.id = t.deputy_id" },
  /* Immutable: always version 1 on base 0, updated_at its time, from the
   * station of its suggestion (the one recorded, should that be gone). */
  [KIND_SUGGESTION_EVENT] = { "suggestion_event", "suggestion_events", LIAISON_SYNC_ROLE_NONE,
    "SELECT t.id, t.uuid, 1, t.at, coalesce (s.uuid, t.origin_station_uuid), 0, 0, t.data"
    " FROM suggestion_events t LEFT JOIN suggestions g ON g.uuid = t.suggestion_uuid"
    " LEFT JOIN stations s ON s.id = g.station_id" },
};

#define SETTING_ROLE       "sync_role"
#define SETTING_SERVER_URL "server_url"
#define SETTING_SERVER_ID  "server_id"
#define SETTING_CHECKPOINT "checkpoint"
#define SETTING_STATION    "station_uuid"

static gboolean
kind_from_name (const char *name,
                Kind       *kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (name, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Which kinds a role pushes (and counts as unsynced). A replica not yet
 * enrolled is treated as the station it will become. Every replica pushes
 * the events it recorded, whatever its role. */
static gboolean
role_pushes (LiaisonSyncRole role,
             Kind            kind)
{
  if (kinds[kind].owner == LIAISON_SYNC_ROLE_NONE)
    return TRUE;
  if (role == LIAISON_SYNC_ROLE_NONE)
    role = LIAISON_SYNC_ROLE_STATION;
  return kinds[kind].owner == role;
}

void
liaison_conflict_free (LiaisonConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->local_json);
  g_free (conflict->server_json);
  g_free (conflict->rule);
  g_free (conflict->created_at);
  g_free (conflict);
}

void
liaison_unit_free (LiaisonUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->meta.uuid);
  g_free (unit->meta.updated_at);
  g_free (unit->meta.origin_station_uuid);
  g_free (unit->meta.sync_error);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit);
}

const char *
liaison_sync_role_to_code (LiaisonSyncRole role)
{
  switch (role)
    {
    case LIAISON_SYNC_ROLE_STATION:
      return "station";
    case LIAISON_SYNC_ROLE_HQ:
      return "hq";
    case LIAISON_SYNC_ROLE_NONE:
    default:
      return NULL;
    }
}

gboolean
liaison_sync_role_from_code (const char      *code,
                             LiaisonSyncRole *role)
{
  if (g_strcmp0 (code, "station") == 0)
    *role = LIAISON_SYNC_ROLE_STATION;
  else if (g_strcmp0 (code, "hq") == 0)
    *role = LIAISON_SYNC_ROLE_HQ;
  else
    return FALSE;
  return TRUE;
}

const char *
liaison_conflict_rule_label (const char *rule)
{
  if (g_strcmp0 (rule, LIAISON_CONFLICT_RULE_KEPT_LOCAL) == 0)
    return _("This replica owns the record: its value was kept and sent again; the server’s value is kept here.");
  if (g_strcmp0 (rule, LIAISON_CONFLICT_RULE_TOOK_SERVER) == 0)
    return _("Headquarters or the owning station has the last word: the server’s value replaced the one made here, which is kept here.");
  return rule;
}

LiaisonSyncRole
liaison_store_get_sync_role (LiaisonStore *store)
{
  g_autofree char *code = NULL;
  LiaisonSyncRole role = LIAISON_SYNC_ROLE_NONE;

  g_return_val_if_fail (LIAISON_IS_STORE (store), LIAISON_SYNC_ROLE_NONE);

  code = liaison_store_get_setting (store, SETTING_ROLE);
  if (!liaison_sync_role_from_code (code, &role))
    return LIAISON_SYNC_ROLE_NONE;
  return role;
}

gboolean
liaison_store_is_enrolled (LiaisonStore *store)
{
  g_autofree char *server_url = NULL;

  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_NONE)
    return FALSE;
  server_url = liaison_store_get_server_url (store);
  return server_url != NULL;
}

char *
liaison_store_get_server_url (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  return liaison_store_get_setting (store, SETTING_SERVER_URL);
}

char *
liaison_store_get_server_id (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  return liaison_store_get_setting (store, SETTING_SERVER_ID);
}

gint64
liaison_store_get_checkpoint (LiaisonStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), 0);

  value = liaison_store_get_setting (store, SETTING_CHECKPOINT);
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
set_checkpoint (LiaisonStore  *self,
                gint64         seq,
                GError       **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  return liaison_store_set_setting (self, SETTING_CHECKPOINT, value, error);
}

guint
liaison_store_count_unsynced (LiaisonStore  *store,
                              GError       **error)
{
  LiaisonSyncRole role;
  guint count = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), 0);

  role = liaison_store_get_sync_role (store);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (!role_pushes (role, k))
        continue;
      /* Spelled like the partial indexes' WHERE, so that they are used. */
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE sync_state <> 0", kinds[k].table);
      stmt = liaison_store_prepare (store, sql, error);
      if (stmt == NULL)
        return 0;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          liaison_store_set_error (store, error, _("Could not count the records not yet synced"));
          sqlite3_reset (stmt);
          return 0;
        }
      count += (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return count;
}

/* Encoding: rows to wire records */

static void
set_text_or_null (JsonObject   *object,
                  const char   *member,
                  sqlite3_stmt *stmt,
                  int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_object_set_null_member (object, member);
  else
    json_object_set_string_member (object, member, (const char *) sqlite3_column_text (stmt, column));
}

static JsonObject *
data_of_record (JsonObject *record)
{
  return json_object_get_object_member (record, "data");
}

static void
set_text (JsonObject   *object,
          const char   *member,
          sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  json_object_set_string_member (object, member, text != NULL ? text : "");
}

static gboolean
encode_reception_children (LiaisonStore  *self,
                           gint64         id,
                           JsonObject    *data,
                           GError       **error)
{
  g_autoptr(JsonArray) visitors = json_array_new ();
  g_autoptr(JsonArray) deputies = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = liaison_store_prepare (self,
    "SELECT name, phone, community, party_size, consent FROM reception_visitors"
    " WHERE reception_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *visitor = json_object_new ();

      set_text (visitor, "name", stmt, 0);
      set_text (visitor, "phone", stmt, 1);
      set_text (visitor, "community", stmt, 2);
      json_object_set_int_member (visitor, "party_size", sqlite3_column_int64 (stmt, 3));
      json_object_set_boolean_member (visitor, "consent", sqlite3_column_int (stmt, 4) != 0);
      json_array_add_object_element (visitors, visitor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = liaison_store_prepare (self,
    "SELECT d.uuid FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id"
    " WHERE rd.reception_id = ? ORDER BY d.uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    json_array_add_string_element (deputies, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  json_object_set_array_member (data, "deputies", g_steal_pointer (&deputies));
  json_object_set_array_member (data, "visitors", g_steal_pointer (&visitors));
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not read the reception"));
  return FALSE;
}

/* JSON kept as text in a column (an event's or the rules' data, a
 * suggestion's co-signers); NULL if it does not parse. */
static JsonNode *
column_json (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? liaison_json_from_string (text, NULL) : NULL;
}

static gboolean
set_data_from_column (JsonObject    *record,
                      sqlite3_stmt  *stmt,
                      int           column,
                      GError       **error)
{
  g_autoptr(JsonNode) node = column_json (stmt, column);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                   /* Translators: %s is a record's ID */
                   _("Could not read the records to sync: record %s is damaged."),
                   json_object_get_string_member (record, "uuid"));
      return FALSE;
    }
  json_object_set_object_member (record, "data", json_object_ref (json_node_get_object (node)));
  return TRUE;
}

static void
set_co_signers (JsonObject   *data,
                sqlite3_stmt *stmt,
                int           column)
{
  g_autoptr(JsonNode) node = column_json (stmt, column);
  JsonArray *co_signers = json_array_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *stored = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (stored); i++)
        {
          JsonNode *element = json_array_get_element (stored, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            json_array_add_string_element (co_signers, json_node_get_string (element));
        }
    }
  json_object_set_array_member (data, "co_signers", co_signers);
}

/* The wire record of the row @stmt is on, selected by kinds[kind].select. */
static JsonObject *
encode_row (LiaisonStore  *self,
            Kind           kind,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(JsonObject) record = json_object_new ();
  JsonObject *data = json_object_new ();
  const int c = META_COLUMNS;

  json_object_set_string_member (record, "kind", kinds[kind].name);
  set_text (record, "uuid", stmt, 1);
  json_object_set_int_member (record, "version", sqlite3_column_int64 (stmt, 2));
  json_object_set_int_member (record, "base_version", sqlite3_column_int64 (stmt, 6));
  set_text (record, "updated_at", stmt, 3);
  set_text_or_null (record, "origin_station", stmt, 4);
  json_object_set_boolean_member (record, "deleted", sqlite3_column_int (stmt, 5) != 0);
  json_object_set_object_member (record, "data", data);

  switch (kind)
    {
    case KIND_LOOP_RULES:
      if (!set_data_from_column (record, stmt, c, error))
        return NULL;
      break;
    case KIND_STATION:
      set_text (data, "name", stmt, c);
      set_text (data, "kind", stmt, c + 1);
      set_text (data, "district", stmt, c + 2);
      break;
    case KIND_DEPUTY_GROUP:
      set_text (data, "name", stmt, c);
      break;
    case KIND_UNIT:
      set_text (data, "name", stmt, c);
      set_text (data, "kind", stmt, c + 1);
      break;
    case KIND_CATEGORY:
      set_text (data, "code", stmt, c);
      set_text (data, "name", stmt, c + 1);
      set_text (data, "name_zh", stmt, c + 2);
      json_object_set_int_member (data, "position", sqlite3_column_int64 (stmt, c + 3));
      break;
    case KIND_DEPUTY:
      set_text (data, "name", stmt, c);
      set_text (data, "level", stmt, c + 1);
      set_text_or_null (data, "group", stmt, c + 2);
      set_text_or_null (data, "station", stmt, c + 3);
      set_text (data, "specialty", stmt, c + 4);
      set_text (data, "phone", stmt, c + 5);
      break;
    case KIND_RECEPTION:
      set_text (data, "received_at", stmt, c);
      set_text (data, "station", stmt, c + 1);
      set_text (data, "channel", stmt, c + 2);
      set_text (data, "category", stmt, c + 3);
      set_text (data, "summary", stmt, c + 4);
      json_object_set_boolean_member (data, "handled_on_spot", sqlite3_column_int (stmt, c + 5) != 0);
      set_text (data, "handling", stmt, c + 6);
      if (!encode_reception_children (self, sqlite3_column_int64 (stmt, 0), data, error))
        return NULL;
      break;
    case KIND_SUGGESTION:
      set_text_or_null (data, "reception", stmt, c);
      set_text (data, "station", stmt, c + 1);
      set_text (data, "category", stmt, c + 2);
      set_text (data, "title", stmt, c + 3);
      set_text (data, "content", stmt, c + 4);
      set_text (data, "raised_by", stmt, c + 5);
      /* No "status": the loop columns are a cache of the events, and a
       * resend after a move must be the same record as the first send. */
      set_text (data, "created_at", stmt, c + 6);
      set_text (data, "kind", stmt, c + 7);
      set_text_or_null (data, "deputy", stmt, c + 8);
      set_co_signers (data, stmt, c + 9);
      break;
    case KIND_SUGGESTION_EVENT:
      /* The stored data is the event as recorded; the station says whose
       * feed it goes to. */
      if (!set_data_from_column (record, stmt, c, error))
        return NULL;
      set_text_or_null (data_of_record (record), "station", stmt, 4);
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&record);
}

/* Collects into @records the rows of @kind that @where selects (binding
 * ?1 = @limit, ?2 = @uuid when given). */
static gboolean
encode_rows (LiaisonStore  *self,
             Kind           kind,
             const char    *where,
             guint          limit,
             const char    *uuid,
             GPtrArray     *records,
             GError       **error)
{
  g_autofree char *sql = g_strconcat (kinds[kind].select, where, NULL);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  /* A reception's children are read by other cached statements while
   * this one is on its row. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      JsonObject *record = encode_row (self, kind, stmt, &local_error);

      if (record == NULL)
        {
          sqlite3_reset (stmt);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_ptr_array_add (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read the records to sync"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
liaison_store_collect_pending (LiaisonStore  *store,
                               guint          limit,
                               GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  LiaisonSyncRole role;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  role = liaison_store_get_sync_role (store);
  if (role == LIAISON_SYNC_ROLE_NONE)
    return g_steal_pointer (&records);

  for (guint k = 0; k < N_KINDS && records->len < limit; k++)
    {
      if (!role_pushes (role, k))
        continue;
      /* "sync_state <> 0" matches the partial index; "= 1" leaves out the
       * rejected records. */
      if (!encode_rows (store, k, " WHERE t.sync_state <> 0 AND t.sync_state = 1 ORDER BY t.id LIMIT ?1",
                        limit - records->len, NULL, records, error))
        return NULL;
    }
  return g_steal_pointer (&records);
}

/* The local record @uuid of @kind as a wire record, or NULL (no error) if
 * there is none. */
static JsonObject *
encode_local (LiaisonStore  *self,
              Kind           kind,
              const char    *uuid,
              GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!encode_rows (self, kind, " WHERE t.uuid = ?2 LIMIT ?1", 1, uuid, records, error))
    return NULL;
  if (records->len == 0)
    return NULL;
  return json_object_ref (g_ptr_array_index (records, 0));
}

char *
liaison_store_json_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (object != NULL, NULL);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/* Decoding: wire records checked before anything is written */

/* A wire record that passed the checks. Borrows from its JsonObject. */
typedef struct {
  Kind        kind;
  JsonObject *object;
  const char *uuid;
  gint64      version;
  const char *updated_at;
  const char *origin;    /* NULL if none */
  gboolean    deleted;
  JsonObject *data;      /* NULL for a tombstone without data */
  guint       position;  /* in its page, from 1, for messages */
} Incoming;

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

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
static gboolean
check_incoming (JsonNode  *node,
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
  if (!kind_from_name (json_object_get_string_member (object, "kind"), &incoming->kind))
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

/* Writing */

typedef struct {
  gint64 id;
  gint64 version;
  gint64 server_version;
  int    sync_state;
} LocalRow;

/* Finds the local row of @uuid; FALSE with @row->id 0 if none, FALSE with
 * @error set if the query failed. */
static gboolean
find_local (LiaisonStore  *self,
            Kind           kind,
            const char    *uuid,
            LocalRow      *row,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, version, server_version, sync_state FROM %s"
                                          " WHERE uuid = ?", kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);
  int rc;

  memset (row, 0, sizeof *row);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      row->version = sqlite3_column_int64 (stmt, 1);
      row->server_version = sqlite3_column_int64 (stmt, 2);
      row->sync_state = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    liaison_store_set_error (self, error, _("Could not read the records to sync"));
  return rc == SQLITE_ROW;
}

/* The local id of @uuid in @kind's table; 0 if none (@uuid NULL too). */
static gint64
resolve (LiaisonStore *self,
         Kind          kind,
         const char   *uuid)
{
  LocalRow row;

  if (uuid == NULL)
    return 0;
  find_local (self, kind, uuid, &row, NULL);
  return row.id;
}

static const char *
data_string (JsonObject *data,
             const char *member)
{
  JsonNode *node = json_object_get_member (data, member);

  return node_is (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/* A record referred to but not received yet gets an invisible stand-in: a
 * tombstone at version 0, which its real version replaces when it comes,
 * whatever order the feed brings them in (the feed lists each record at
 * its latest change, so a station edited after its receptions comes after
 * them). @station_id and @category_id fill a reception's stand-in. Returns
 * the local id, 0 for a NULL @uuid, or -1 on error. */
static const char *const stand_in_sql[N_KINDS] = {
  [KIND_STATION] = "INSERT INTO stations (uuid, version, updated_at, deleted, sync_state, name, kind)"
                   " VALUES (?1, 0, '', 1, 0, '', 'station')",
  [KIND_DEPUTY_GROUP] = "INSERT INTO deputy_groups (uuid, version, updated_at, deleted, sync_state, name)"
                        " VALUES (?1, 0, '', 1, 0, '')",
  [KIND_DEPUTY] = "INSERT INTO deputies (uuid, version, updated_at, deleted, sync_state, name, level)"
                  " VALUES (?1, 0, '', 1, 0, '', 'city')",
  [KIND_CATEGORY] = "INSERT INTO categories (uuid, version, updated_at, deleted, sync_state, code, name, name_zh)"
                    " VALUES (?1, 0, '', 1, 0, ?1, '', '')",
  [KIND_RECEPTION] = "INSERT INTO receptions (uuid, version, updated_at, deleted, sync_state, received_at,"
                     " station_id, channel, category_id, summary) VALUES (?1, 0, '', 1, 0, '', ?2, 'walk_in', ?3, '')",
};

static gint64
resolve_or_stand_in (LiaisonStore  *self,
                     Kind           kind,
                     const char    *uuid,
                     gint64         station_id,
                     gint64         category_id,
                     GError       **error)
{
  gint64 id = resolve (self, kind, uuid);
  sqlite3_stmt *stmt;

  if (id > 0 || uuid == NULL)
    return id;
  g_return_val_if_fail (stand_in_sql[kind] != NULL, -1);
  stmt = liaison_store_prepare (self, stand_in_sql[kind], error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (kind == KIND_RECEPTION)
    {
      sqlite3_bind_int64 (stmt, 2, station_id);
      sqlite3_bind_int64 (stmt, 3, category_id);
    }
  if (!liaison_store_step_done (self, stmt, _("Could not save a record received from the server"), error))
    return -1;
  return sqlite3_last_insert_rowid (liaison_store_get_handle (self));
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* The upsert of each kind: ?1 uuid, ?2 version (also server_version),
 * ?3 updated_at, ?4 origin, ?5 deleted, then the kind's columns. */
#define UPSERT_META_COLUMNS "uuid, version, server_version, updated_at, origin_station_uuid, deleted," \
  " sync_state, sync_error"
#define UPSERT_META_VALUES "?1, ?2, ?2, ?3, ?4, ?5, 0, NULL"
#define UPSERT_META_UPDATE " ON CONFLICT (uuid) DO UPDATE SET version = excluded.version," \
  " server_version = excluded.server_version, updated_at = excluded.updated_at," \
  " origin_station_uuid = excluded.origin_station_uuid, deleted = excluded.deleted," \
  " sync_state = 0, sync_error = NULL"

static const char *const upserts[N_KINDS] = {
  [KIND_LOOP_RULES] = "INSERT INTO loop_rules (" UPSERT_META_COLUMNS ", data)"
    " VALUES (" UPSERT_META_VALUES ", ?6)" UPSERT_META_UPDATE ", data = excluded.data",
  [KIND_STATION] = "INSERT INTO stations (" UPSERT_META_COLUMNS ", name, kind, district)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8)" UPSERT_META_UPDATE
    ", name = excluded.name, kind = excluded.kind, district = excluded.district",
  [KIND_DEPUTY_GROUP] = "INSERT INTO deputy_groups (" UPSERT_META_COLUMNS ", name)"
    " VALUES (" UPSERT_META_VALUES ", ?6)" UPSERT_META_UPDATE ", name = excluded.name",
  [KIND_UNIT] = "INSERT INTO units (" UPSERT_META_COLUMNS ", name, kind)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7)" UPSERT_META_UPDATE
    ", name = excluded.name, kind = excluded.kind",
  [KIND_CATEGORY] = "INSERT INTO categories (" UPSERT_META_COLUMNS ", code, name, name_zh, position)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9)" UPSERT_META_UPDATE
    ", code = excluded.code, name = excluded.name, name_zh = excluded.name_zh,"
    " position = excluded.position",
  [KIND_DEPUTY] = "INSERT INTO deputies (" UPSERT_META_COLUMNS ", name, level, group_id, station_id,"
    " specialty, phone) VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9, ?10, ?11)" UPSERT_META_UPDATE
    ", name = excluded.name, level = excluded.level, group_id = excluded.group_id,"
    " station_id = excluded.station_id, specialty = excluded.specialty, phone = excluded.phone",
  [KIND_RECEPTION] = "INSERT INTO receptions (" UPSERT_META_COLUMNS ", received_at, station_id,"
    " channel, category_id, summary, handled_on_spot, handling, visitors_text)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" UPSERT_META_UPDATE
    ", received_at = excluded.received_at, station_id = excluded.station_id,"
    " channel = excluded.channel, category_id = excluded.category_id, summary = excluded.summary,"
    " handled_on_spot = excluded.handled_on_spot, handling = excluded.handling,"
    " visitors_text = excluded.visitors_text",
  /* A sender's status, if any, is not read (?12 is unused): the loop
   * columns are this replica's replay of the events, by
   * liaison_store_refresh_loop_cache (). */
  [KIND_SUGGESTION] = "INSERT INTO suggestions (" UPSERT_META_COLUMNS ", reception_id, station_id,"
    " category_id, title, content, raised_by, status, created_at, kind, deputy_id, co_signers)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9, ?10, ?11, 'registered', ?13, ?14, ?15, ?16)"
    UPSERT_META_UPDATE
    ", reception_id = excluded.reception_id, station_id = excluded.station_id,"
    " category_id = excluded.category_id, title = excluded.title, content = excluded.content,"
    " raised_by = excluded.raised_by, created_at = excluded.created_at, kind = excluded.kind,"
    " deputy_id = excluded.deputy_id, co_signers = excluded.co_signers",
};

static void
bind_data_text (sqlite3_stmt *stmt,
                int           index,
                JsonObject   *data,
                const char   *member)
{
  /* The schema lets optional text be missing as well as null or "": all
   * three are "" here (json_object_get_string_member () would warn). */
  sqlite3_bind_text (stmt, index, json_object_get_string_member_with_default (data, member, ""), -1,
                     SQLITE_TRANSIENT);
}

/* Decodes the visitors into a reception, for its visitors_text. */
static LiaisonReception *
reception_with_visitors (JsonObject *data)
{
  LiaisonReception *reception = liaison_reception_new ();
  JsonArray *visitors = json_object_get_array_member (data, "visitors");

  for (guint i = 0; i < json_array_get_length (visitors); i++)
    {
      JsonObject *object = json_array_get_object_element (visitors, i);
      LiaisonVisitor *visitor = liaison_visitor_new ();

      visitor->name = g_strdup (json_object_get_string_member (object, "name"));
      visitor->phone = g_strdup (json_object_get_string_member (object, "phone"));
      visitor->community = g_strdup (json_object_get_string_member (object, "community"));
      visitor->party_size = (int) MIN (json_object_get_int_member (object, "party_size"), G_MAXINT);
      visitor->consent = json_object_get_boolean_member (object, "consent");
      g_ptr_array_add (reception->visitors, visitor);
    }
  return reception;
}

/* A suggestion's kind, filing deputy and co-signers: ?14, ?15, ?16. */
static gboolean
bind_loop_columns (LiaisonStore  *self,
                   sqlite3_stmt  *stmt,
                   JsonObject    *data,
                   GError       **error)
{
  LiaisonLoopKind kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_autoptr(JsonArray) co_signers = json_array_new ();
  g_autoptr(JsonNode) co_signers_node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *co_signers_text = NULL;
  JsonNode *node = json_object_get_member (data, "co_signers");
  gint64 deputy_id;

  if (data_string (data, "kind") != NULL)
    liaison_loop_kind_from_code (data_string (data, "kind"), &kind);
  deputy_id = resolve_or_stand_in (self, KIND_DEPUTY, data_string (data, "deputy"), 0, 0, error);
  if (deputy_id < 0)
    return FALSE;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_string_element (co_signers, json_array_get_string_element (array, i));
    }
  json_node_set_array (co_signers_node, co_signers);
  co_signers_text = json_to_string (co_signers_node, FALSE);

  sqlite3_bind_text (stmt, 14, liaison_loop_kind_to_code (kind), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 15, deputy_id);
  sqlite3_bind_text (stmt, 16, co_signers_text, -1, SQLITE_TRANSIENT);
  return TRUE;
}

static gboolean
write_reception_children (LiaisonStore      *self,
                          gint64             id,
                          LiaisonReception  *reception,
                          JsonObject        *data,
                          GError           **error)
{
  const char *failed = _("Could not save a reception received from the server");
  JsonArray *deputies = json_object_get_array_member (data, "deputies");
  sqlite3_stmt *stmt;

  if (!liaison_store_replace_visitors (self, id, reception->visitors, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (deputies); i++)
    {
      gint64 deputy_id = resolve_or_stand_in (self, KIND_DEPUTY, json_array_get_string_element (deputies, i),
                                              0, 0, error);

      if (deputy_id <= 0)
        return FALSE;
      stmt = liaison_store_prepare (self,
        "INSERT OR IGNORE INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, deputy_id);
      if (!liaison_store_step_done (self, stmt, failed, error))
        return FALSE;
    }
  return TRUE;
}

/* A new loop_touched: suggestion uuids whose loop cache is refreshed once
 * the page is written, each with the reply moves it received (NULL or a
 * GPtrArray of event uuids), which count only if the replay takes them. */
static void
replies_free (gpointer replies)
{
  if (replies != NULL)
    g_ptr_array_unref (replies);
}

static GHashTable *
loop_touched_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, replies_free);
}

/* Adds @uuid to @loop_touched. */
static void
touch_loop (GHashTable *loop_touched,
            const char *uuid)
{
  if (loop_touched != NULL && uuid != NULL && !g_hash_table_contains (loop_touched, uuid))
    g_hash_table_insert (loop_touched, g_strdup (uuid), NULL);
}

/* Adds @suggestion_uuid to @loop_touched with the reply @event_uuid it received. */
static void
touch_loop_reply (GHashTable *loop_touched,
                  const char *suggestion_uuid,
                  const char *event_uuid)
{
  GPtrArray *replies = g_hash_table_lookup (loop_touched, suggestion_uuid);

  if (replies == NULL)
    {
      replies = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (loop_touched, g_strdup (suggestion_uuid), replies);
    }
  g_ptr_array_add (replies, g_strdup (event_uuid));
}

/* Writes the server's record as this replica's copy: its version is both
 * version and server_version, synced. @local_id is the row, or 0. A
 * suggestion's uuid goes into @loop_touched.
 *
 * With @revive, a new live reception is written as a tombstone and its id
 * added to @revive, for revive_receptions() to bring to life at the end of
 * the page in one statement: SQLite 3.40's FTS5 writes its pending index
 * to disk at the end of every statement that touches it, so indexing a
 * page's receptions one statement each cost a third of the pull. */
static gboolean
write_incoming (LiaisonStore    *self,
                const Incoming  *incoming,
                gint64           local_id,
                GArray          *revive,
                GHashTable      *loop_touched,
                GError         **error)
{
  gboolean later = revive != NULL && incoming->kind == KIND_RECEPTION && local_id == 0 &&
                   !incoming->deleted;
  const char *failed = _("Could not save a record received from the server");
  JsonObject *data = incoming->data;
  g_autoptr(LiaisonReception) reception = NULL;
  sqlite3_stmt *stmt;
  LiaisonStationKind station_kind;
  LiaisonDeputyLevel level;
  LiaisonChannel channel;

  if (data == NULL)
    {
      g_autofree char *sql = NULL;

      /* A tombstone without data: only a record here can be deleted. */
      if (local_id == 0)
        return TRUE;
      sql = g_strdup_printf ("UPDATE %s SET deleted = 1, version = ?1, server_version = ?1,"
                             " updated_at = ?2, sync_state = 0, sync_error = NULL WHERE id = ?3",
                             kinds[incoming->kind].table);
      stmt = liaison_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, incoming->version);
      sqlite3_bind_text (stmt, 2, incoming->updated_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, local_id);
      return liaison_store_step_done (self, stmt, failed, error);
    }

  stmt = liaison_store_prepare (self, upserts[incoming->kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, incoming->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, incoming->version);
  sqlite3_bind_text (stmt, 3, incoming->updated_at, -1, SQLITE_TRANSIENT);
  if (incoming->origin != NULL)
    sqlite3_bind_text (stmt, 4, incoming->origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, incoming->deleted || later ? 1 : 0);

  switch (incoming->kind)
    {
    case KIND_LOOP_RULES:
      {
        /* Kept as this replica writes the rules, whatever the sender's spelling. */
        g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_from_json (data, NULL);
        g_autoptr(JsonObject) canonical = NULL;
        g_autofree char *text = NULL;

        g_return_val_if_fail (rules != NULL, FALSE);
        canonical = liaison_loop_rules_to_json (rules);
        text = liaison_store_json_text (canonical);
        sqlite3_bind_text (stmt, 6, text, -1, SQLITE_TRANSIENT);
      }
      break;
    case KIND_STATION:
      liaison_station_kind_from_code (json_object_get_string_member (data, "kind"), &station_kind);
      bind_data_text (stmt, 6, data, "name");
      sqlite3_bind_text (stmt, 7, liaison_station_kind_to_code (station_kind), -1, SQLITE_STATIC);
      bind_data_text (stmt, 8, data, "district");
      break;
    case KIND_DEPUTY_GROUP:
      bind_data_text (stmt, 6, data, "name");
      break;
    case KIND_UNIT:
      bind_data_text (stmt, 6, data, "name");
      bind_data_text (stmt, 7, data, "kind");
      break;
    case KIND_CATEGORY:
      bind_data_text (stmt, 6, data, "code");
      bind_data_text (stmt, 7, data, "name");
      bind_data_text (stmt, 8, data, "name_zh");
      sqlite3_bind_int64 (stmt, 9, json_object_get_int_member_with_default (data, "position", 0));
      break;
    case KIND_DEPUTY:
      liaison_deputy_level_from_code (json_object_get_string_member (data, "level"), &level);
      bind_data_text (stmt, 6, data, "name");
      sqlite3_bind_text (stmt, 7, liaison_deputy_level_to_code (level), -1, SQLITE_STATIC);
      {
        gint64 group_id = resolve_or_stand_in (self, KIND_DEPUTY_GROUP, data_string (data, "group"), 0, 0, error);
        gint64 station_id = resolve_or_stand_in (self, KIND_STATION, data_string (data, "station"), 0, 0, error);

        if (group_id < 0 || station_id < 0)
          return FALSE;
        bind_id_or_null (stmt, 8, group_id);
        bind_id_or_null (stmt, 9, station_id);
      }
      bind_data_text (stmt, 10, data, "specialty");
      bind_data_text (stmt, 11, data, "phone");
      break;
    case KIND_RECEPTION:
      {
        g_autofree char *received_at =
          liaison_normalize_datetime (json_object_get_string_member (data, "received_at"));
        g_autofree char *people = NULL;
        gint64 station_id = resolve_or_stand_in (self, KIND_STATION, data_string (data, "station"), 0, 0, error);
        gint64 category_id = resolve_or_stand_in (self, KIND_CATEGORY, data_string (data, "category"), 0, 0, error);

        if (station_id <= 0 || category_id <= 0)
          return FALSE;
        liaison_channel_from_code (json_object_get_string_member (data, "channel"), &channel);
        reception = reception_with_visitors (data);
        people = liaison_store_visitors_text (reception);
        sqlite3_bind_text (stmt, 6, received_at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 7, station_id);
        sqlite3_bind_text (stmt, 8, liaison_channel_to_code (channel), -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 9, category_id);
        bind_data_text (stmt, 10, data, "summary");
        sqlite3_bind_int (stmt, 11, json_object_get_boolean_member (data, "handled_on_spot") ? 1 : 0);
        bind_data_text (stmt, 12, data, "handling");
        sqlite3_bind_text (stmt, 13, people, -1, SQLITE_TRANSIENT);
      }
      break;
    case KIND_SUGGESTION:
      {
        gint64 station_id = resolve_or_stand_in (self, KIND_STATION, data_string (data, "station"), 0, 0, error);
        gint64 category_id = resolve_or_stand_in (self, KIND_CATEGORY, data_string (data, "category"), 0, 0, error);
        gint64 reception_id = 0;

        if (station_id <= 0 || category_id <= 0)
          return FALSE;
        reception_id = resolve_or_stand_in (self, KIND_RECEPTION, data_string (data, "reception"),
                                            station_id, category_id, error);
        if (reception_id < 0)
          return FALSE;
        bind_id_or_null (stmt, 6, reception_id);
        sqlite3_bind_int64 (stmt, 7, station_id);
        sqlite3_bind_int64 (stmt, 8, category_id);
        bind_data_text (stmt, 9, data, "title");
        bind_data_text (stmt, 10, data, "content");
        bind_data_text (stmt, 11, data, "raised_by");
        bind_data_text (stmt, 13, data, "created_at");
        if (!bind_loop_columns (self, stmt, data, error))
          return FALSE;
        touch_loop (loop_touched, incoming->uuid);
      }
      break;
    case KIND_SUGGESTION_EVENT:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  if (incoming->kind == KIND_RECEPTION)
    {
      gint64 id = local_id > 0 ? local_id : sqlite3_last_insert_rowid (liaison_store_get_handle (self));

      if (!write_reception_children (self, id, reception, data, error))
        return FALSE;
      if (later)
        g_array_append_val (revive, id);
    }
  return TRUE;
}

/* Brings the receptions that write_incoming() wrote as tombstones to life,
 * in one statement: their search index and the live total follow by
 * trigger. */
static gboolean
revive_receptions (LiaisonStore  *self,
                   GArray        *revive,
                   GError       **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;

  if (revive->len == 0)
    return TRUE;
  for (guint i = 0; i < revive->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (revive, gint64, i));
  g_string_append_c (ids, ']');
  stmt = liaison_store_prepare (self, "UPDATE receptions SET deleted = 0"
                                      " WHERE id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a reception received from the server"), error);
}

static gboolean
log_conflict (LiaisonStore  *self,
              Kind           kind,
              const char    *uuid,
              gint64         local_version,
              gint64         server_version,
              JsonObject    *local,
              JsonObject    *server,
              const char    *rule,
              GError       **error)
{
  g_autofree char *local_json = local != NULL ? liaison_store_json_text (local) : g_strdup ("null");
  g_autofree char *server_json = liaison_store_json_text (server);
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO sync_conflicts (kind, uuid, local_version, server_version, local_json,"
    " server_json, rule, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kinds[kind].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, local_version);
  sqlite3_bind_int64 (stmt, 4, server_version);
  sqlite3_bind_text (stmt, 5, local_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, server_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not log a sync conflict"), error);
}

/* The owner keeps its data: the server's version becomes the base, and
 * the record stays pending with a version above the server's. */
static gboolean
keep_local (LiaisonStore  *self,
            Kind           kind,
            gint64         id,
            gint64         server_version,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET server_version = ?1,"
                                          " version = max(version, ?1 + 1), sync_state = 1,"
                                          " sync_error = NULL WHERE id = ?2", kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, server_version);
  sqlite3_bind_int64 (stmt, 2, id);
  return liaison_store_step_done (self, stmt, _("Could not settle a sync conflict"), error);
}

/* Settles a record both sides changed, by who owns its kind, and logs the
 * losing value. @local is the local record as sent or as it is now.
 *
 * The loop rules are the exception: headquarters owns them, but the server
 * is where `liaison-hq import holidays` and `liaison-hq rules set` write
 * them, so a desk that changed them at the same time (or that had stale
 * ones) must not overwrite that list: the server's value wins at every
 * replica, and the desk's is kept in the conflict log. */
static gboolean
settle_conflict (LiaisonStore     *self,
                 LiaisonSyncRole   role,
                 const Incoming   *server,
                 const LocalRow   *row,
                 JsonObject       *local,
                 GHashTable       *loop_touched,
                 GError          **error)
{
  if (kinds[server->kind].owner == role && server->kind != KIND_LOOP_RULES)
    return keep_local (self, server->kind, row->id, server->version, error) &&
           log_conflict (self, server->kind, server->uuid, row->version, server->version,
                         local, server->object, LIAISON_CONFLICT_RULE_KEPT_LOCAL, error);

  return log_conflict (self, server->kind, server->uuid, row->version, server->version,
                       local, server->object, LIAISON_CONFLICT_RULE_TOOK_SERVER, error) &&
         write_incoming (self, server, row->id, NULL, loop_touched, error);
}

static void
emit_touched (LiaisonStore   *self,
              const gboolean  touched[N_KINDS])
{
  for (guint k = 0; k < N_KINDS; k++)
    if (touched[k])
      liaison_store_emit_changed (self, kinds[k].table);
}

static void
add_counts (LiaisonSyncCounts       *counts,
            const LiaisonSyncCounts *more)
{
  if (counts == NULL)
    return;
  counts->sent += more->sent;
  counts->received += more->received;
  counts->conflicts += more->conflicts;
  counts->rejected += more->rejected;
  counts->replies += more->replies;
  counts->set_aside += more->set_aside;
}

/* Counts the replies a station received for @suggestion_uuid that its
 * replay took (one that lost to a move made here first is no news), and
 * flags the suggestion if it is this station's. */
static gboolean
count_replies (LiaisonStore            *self,
               const char              *suggestion_uuid,
               GPtrArray               *replies,
               const LiaisonLoopState  *state,
               const char              *this_station,
               LiaisonSyncCounts       *counts,
               GError                 **error)
{
  guint n = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < replies->len; i++)
    n += state == NULL || !g_ptr_array_find_with_equal_func (state->rejected, g_ptr_array_index (replies, i),
                                                             g_str_equal, NULL);
  if (n == 0)
    return TRUE;
  counts->replies += n;
  stmt = liaison_store_prepare (self,
    "UPDATE suggestions SET reply_unseen = 1 WHERE uuid = ?1"
    " AND station_id = (SELECT id FROM stations WHERE uuid = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, suggestion_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, this_station, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a suggestion event received from the server"), error);
}

/* Rewrites the loop cache of every suggestion a page or an answer touched
 * (its record, or events of it), now that all of them are written, and
 * counts the replies received (@counts may be NULL when none can be). */
static gboolean
refresh_loop_caches (LiaisonStore       *self,
                     GHashTable         *loop_touched,
                     const char         *this_station,
                     LiaisonSyncCounts  *counts,
                     gboolean            touched[N_KINDS],
                     GError            **error)
{
  GHashTableIter iter;
  gpointer uuid, replies;

  g_hash_table_iter_init (&iter, loop_touched);
  while (g_hash_table_iter_next (&iter, &uuid, &replies))
    {
      g_autoptr(LiaisonLoopState) state = NULL;

      if (!liaison_store_refresh_loop_cache_full (self, uuid, &state, error))
        return FALSE;
      if (replies != NULL && counts != NULL &&
          !count_replies (self, uuid, replies, state, this_station, counts, error))
        return FALSE;
      touched[KIND_SUGGESTION] = TRUE;
    }
  return TRUE;
}

/* Push results */

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
                       " WHERE uuid = ?2", kinds[kind].table);
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
                       " WHERE uuid = ?2 AND version = ?1", kinds[kind].table);
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
      !kind_from_name (json_object_get_string_member (sent, "kind"), &kind) ||
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
      strcmp (json_object_get_string_member (result, "kind"), kinds[kind].name) != 0)
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
        if (!check_incoming (current_node, position, FALSE, &current, &local_error))
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
        if (!find_local (self, kind, uuid, &row, &local_error))
          {
            if (local_error != NULL)
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            break;
          }
        if (!settle_conflict (self, role, &current, &row, sent, loop_touched, error))
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
          touch_loop (loop_touched, data_string (json_object_get_object_member (sent, "data"), "suggestion"));
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
  g_autoptr(GHashTable) loop_touched = loop_touched_new ();
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
  if (!refresh_loop_caches (store, loop_touched, NULL, NULL, touched, error))
    {
      liaison_store_rollback (store);
      return FALSE;
    }
  emit_touched (store, touched);
  if (!liaison_store_commit (store, error))
    return FALSE;
  add_counts (counts, &these);
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
    touch_loop_reply (loop_touched, event->suggestion_uuid, event->uuid);
  else
    touch_loop (loop_touched, event->suggestion_uuid);
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

  if (!find_local (self, incoming->kind, incoming->uuid, &row, &local_error) && local_error != NULL)
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
      if (!write_incoming (self, incoming, row.id, revive, loop_touched, error))
        return FALSE;
      counts->received++;
      touched[incoming->kind] = TRUE;
      return TRUE;
    }

  /* Unsent local edits. A version the server had as our base is no news. */
  if (incoming->version <= row.server_version)
    return TRUE;
  local = encode_local (self, incoming->kind, incoming->uuid, error);
  if (local == NULL)
    return FALSE;
  if (!settle_conflict (self, role, incoming, &row, local, loop_touched, error))
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

      if (check_incoming (node, i + 1, wire_checked, &g_array_index (incoming, Incoming, n_good), &error))
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

      if (!liaison_store_quarantine_replaced (self, kinds[change->kind].name, change->uuid, change->version,
                                              error))
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
  g_autoptr(GHashTable) loop_touched = loop_touched_new ();
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
  if (!revive_receptions (store, revive, error) ||
      !refresh_loop_caches (store, loop_touched, this_station, &these, touched, error) ||
      !replace_quarantined (store, incoming, error) ||
      !set_checkpoint (store, last_seq, error))
    goto failed;
  emit_touched (store, touched);
  if (!liaison_store_commit (store, error))
    return FALSE;
  add_counts (counts, &these);
  return TRUE;

failed:
  liaison_store_rollback (store);
  return FALSE;
}

/* Enrollment */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Runs @sql with ?1 and ?2 bound to @a and @b (texts, or ids if NULL). */
static gboolean
run_update (LiaisonStore  *self,
            const char    *sql,
            const char    *a,
            const char    *b,
            gint64         a_id,
            gint64         b_id,
            GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (a != NULL)
    sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, a_id);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b_id);
  return liaison_store_step_done (self, stmt, _("Could not adopt the enrollment"), error);
}

/* Makes the server's station this station. */
static gboolean
adopt_station (LiaisonStore  *self,
               JsonObject    *station,
               GError       **error)
{
  const char *uuid = json_object_get_string_member (station, "uuid");
  const char *name = json_object_get_string_member (station, "name");
  const char *district = data_string (station, "district");
  LiaisonStationKind kind;
  g_autofree char *old_uuid = liaison_store_get_setting (self, SETTING_STATION);
  LocalRow old_row = { 0 };
  LocalRow new_row = { 0 };
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  liaison_station_kind_from_code (json_object_get_string_member (station, "kind"), &kind);
  if (old_uuid != NULL)
    find_local (self, KIND_STATION, old_uuid, &old_row, NULL);
  find_local (self, KIND_STATION, uuid, &new_row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (old_row.id != 0 && new_row.id != 0 && old_row.id != new_row.id)
    {
      /* The server's station is here already (pulled earlier): this
       * station's records move to it and the local row goes. */
      static const char *const moves[] = {
        "UPDATE receptions SET station_id = ?2 WHERE station_id = ?1",
        "UPDATE suggestions SET station_id = ?2 WHERE station_id = ?1",
        "UPDATE deputies SET station_id = ?2 WHERE station_id = ?1",
        "DELETE FROM stations WHERE id = ?1",
      };

      for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
        if (!run_update (self, moves[i], NULL, NULL, old_row.id, new_row.id, error))
          return FALSE;
    }

  if (new_row.id == 0 && old_row.id != 0)
    new_row.id = old_row.id;

  if (new_row.id != 0)
    stmt = liaison_store_prepare (self,
      "UPDATE stations SET uuid = ?1, name = ?2, kind = ?3, district = ?4, origin_station_uuid = ?1,"
      " deleted = 0, version = CASE WHEN uuid = ?1 THEN version ELSE 0 END,"
      " server_version = CASE WHEN uuid = ?1 THEN server_version ELSE 0 END,"
      " sync_state = CASE WHEN uuid = ?1 THEN sync_state ELSE 0 END,"
      " sync_error = CASE WHEN uuid = ?1 THEN sync_error ELSE NULL END WHERE id = ?5", error);
  else
    stmt = liaison_store_prepare (self,
      "INSERT INTO stations (uuid, version, server_version, updated_at, origin_station_uuid,"
      " sync_state, name, kind, district) VALUES (?1, 0, 0, ?6, ?1, 0, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, liaison_station_kind_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, district != NULL ? district : "", -1, SQLITE_TRANSIENT);
  if (new_row.id != 0)
    sqlite3_bind_int64 (stmt, 5, new_row.id);
  else
    {
      g_autofree char *now = liaison_store_now_utc ();
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
    }
  if (!liaison_store_step_done (self, stmt, _("Could not adopt the station"), error))
    return FALSE;

  if (old_uuid != NULL && strcmp (old_uuid, uuid) != 0)
    for (guint k = 0; k < N_KINDS; k++)
      {
        g_autofree char *sql = g_strdup_printf ("UPDATE %s SET origin_station_uuid = ?2"
                                                " WHERE origin_station_uuid = ?1", kinds[k].table);

        if (!run_update (self, sql, old_uuid, uuid, 0, 0, error))
          return FALSE;
      }
  return liaison_store_set_setting (self, SETTING_STATION, uuid, error);
}

gboolean
liaison_store_adopt_enrollment (LiaisonStore  *store,
                                const char    *server_url,
                                JsonObject    *enroll_answer,
                                GError       **error)
{
  LiaisonSyncRole role;
  LiaisonSyncRole old_role;
  LiaisonStationKind kind;
  g_autofree char *old_server_id = NULL;
  g_autofree char *old_station = NULL;
  const char *server_id;
  const char *station_uuid = NULL;
  JsonObject *station = NULL;
  JsonNode *member;
  gboolean same_place;
  guint unsynced;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (server_url != NULL, FALSE);

  if (enroll_answer == NULL ||
      !node_is (json_object_get_member (enroll_answer, "role"), G_TYPE_STRING) ||
      !liaison_sync_role_from_code (json_object_get_string_member (enroll_answer, "role"), &role) ||
      !node_is (json_object_get_member (enroll_answer, "server_id"), G_TYPE_STRING) ||
      *json_object_get_string_member (enroll_answer, "server_id") == '\0')
    return refuse (error, _("The server’s answer to the enrollment cannot be used: it does not say which server it is or what this computer may do."));
  server_id = json_object_get_string_member (enroll_answer, "server_id");

  member = json_object_get_member (enroll_answer, "station");
  if (role == LIAISON_SYNC_ROLE_STATION)
    {
      if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
        return refuse (error, _("The server’s answer to the enrollment cannot be used: it does not say which station this is."));
      station = json_node_get_object (member);
      if (!node_is (json_object_get_member (station, "uuid"), G_TYPE_STRING) ||
          *json_object_get_string_member (station, "uuid") == '\0' ||
          !node_is (json_object_get_member (station, "name"), G_TYPE_STRING) ||
          *json_object_get_string_member (station, "name") == '\0' ||
          !node_is (json_object_get_member (station, "kind"), G_TYPE_STRING) ||
          !liaison_station_kind_from_code (json_object_get_string_member (station, "kind"), &kind) ||
          !(node_is_null (json_object_get_member (station, "district")) ||
            node_is (json_object_get_member (station, "district"), G_TYPE_STRING)))
        return refuse (error, _("The server’s answer to the enrollment cannot be used: the station in it is incomplete."));
      station_uuid = json_object_get_string_member (station, "uuid");
    }

  if (!liaison_store_begin (store, error))
    return FALSE;

  old_role = liaison_store_get_sync_role (store);
  old_server_id = liaison_store_get_setting (store, SETTING_SERVER_ID);
  old_station = liaison_store_get_setting (store, SETTING_STATION);
  same_place = old_role == role && g_strcmp0 (old_server_id, server_id) == 0 &&
               (role != LIAISON_SYNC_ROLE_STATION || g_strcmp0 (old_station, station_uuid) == 0);
  if (old_role != LIAISON_SYNC_ROLE_NONE && !same_place)
    {
      g_autoptr(GError) local_error = NULL;

      unsynced = liaison_store_count_unsynced (store, &local_error);
      if (local_error != NULL)
        {
          liaison_store_rollback (store);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (unsynced > 0)
        {
          liaison_store_rollback (store);
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       ngettext ("This computer is enrolled with another server or station and %u record has not been synced yet. Sync it before enrolling again.",
                                 "This computer is enrolled with another server or station and %u records have not been synced yet. Sync them before enrolling again.",
                                 unsynced),
                       unsynced);
          return FALSE;
        }
    }

  if ((g_strcmp0 (old_server_id, server_id) != 0 || old_role != role) &&
      !set_checkpoint (store, 0, error))
    goto failed;
  if (!liaison_store_set_setting (store, SETTING_ROLE, liaison_sync_role_to_code (role), error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_URL, server_url, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_ID, server_id, error))
    goto failed;
  if (station != NULL && !adopt_station (store, station, error))
    goto failed;

  for (guint k = 0; k < N_KINDS; k++)
    liaison_store_emit_changed (store, kinds[k].table);
  return liaison_store_commit (store, error);

failed:
  liaison_store_rollback (store);
  return FALSE;
}

gboolean
liaison_store_leave_server (LiaisonStore  *store,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint unsynced;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  if (!liaison_store_begin (store, error))
    return FALSE;
  unsynced = liaison_store_count_unsynced (store, &local_error);
  if (local_error != NULL)
    {
      liaison_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (unsynced > 0 && liaison_store_get_sync_role (store) != LIAISON_SYNC_ROLE_NONE)
    {
      liaison_store_rollback (store);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   ngettext ("%u record has not been synced yet. Sync it before leaving the server.",
                             "%u records have not been synced yet. Sync them before leaving the server.",
                             unsynced),
                   unsynced);
      return FALSE;
    }
  if (!liaison_store_set_setting (store, SETTING_ROLE, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_URL, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_SERVER_ID, NULL, error) ||
      !liaison_store_set_setting (store, SETTING_CHECKPOINT, NULL, error))
    {
      liaison_store_rollback (store);
      return FALSE;
    }
  return liaison_store_commit (store, error);
}

/* Conflict log and units */

static gpointer
read_conflict (sqlite3_stmt *stmt)
{
  LiaisonConflict *conflict = g_new0 (LiaisonConflict, 1);

  conflict->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  conflict->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  conflict->local_version = sqlite3_column_int64 (stmt, 2);
  conflict->server_version = sqlite3_column_int64 (stmt, 3);
  conflict->local_json = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  conflict->server_json = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  conflict->rule = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  conflict->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return conflict;
}

GPtrArray *
liaison_store_list_conflicts (LiaisonStore  *store,
                              const char    *kind,
                              const char    *uuid,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  stmt = liaison_store_prepare (store,
    "SELECT kind, uuid, local_version, server_version, local_json, server_json, rule, created_at"
    " FROM sync_conflicts WHERE kind = ? AND uuid = ? ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  return liaison_store_collect_rows (store, stmt, read_conflict, (GDestroyNotify) liaison_conflict_free,
                                     _("Could not read the sync conflicts"), error);
}

static gpointer
read_unit (sqlite3_stmt *stmt)
{
  LiaisonUnit *unit = g_new0 (LiaisonUnit, 1);

  liaison_store_read_record_meta (stmt, 0, &unit->meta);
  unit->name = g_strdup ((const char *) sqlite3_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS));
  unit->kind = g_strdup ((const char *) sqlite3_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 1));
  return unit;
}

GPtrArray *
liaison_store_list_units (LiaisonStore  *store,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  stmt = liaison_store_prepare (store,
    "SELECT " LIAISON_RECORD_SELECT ("u") ", u.name, u.kind FROM units u"
    " WHERE u.deleted = 0 ORDER BY u.name COLLATE LOCALE, u.id", error);
  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (store, stmt, read_unit, (GDestroyNotify) liaison_unit_free,
                                     _("Could not read the handling units"), error);
}
