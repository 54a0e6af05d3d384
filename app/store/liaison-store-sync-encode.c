/* liaison-store-sync-encode.c: this replica's rows as wire records, for a push
 * and for a conflict's local side. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-json-depth.h"
#include "liaison-store-reception-files.h"
#include "liaison-store-sync-private.h"

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

/* An optional member, left out when empty, as an older sender did. */
static void
set_text_if_set (JsonObject   *object,
                 const char   *member,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, member, text);
}

static gboolean
encode_reception_children (LiaisonStore  *self,
                           gint64         id,
                           JsonObject    *data,
                           GError       **error)
{
  g_autoptr(GPtrArray) read_visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_visitor_free);
  g_autoptr(GPtrArray) deputy_uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) read_files = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  g_autoptr(JsonArray) visitors = json_array_new ();
  g_autoptr(JsonArray) deputies = json_array_new ();

  if (!liaison_store_read_reception_visitors (self, id, read_visitors, error) ||
      !liaison_store_read_reception_deputy_uuids (self, id, deputy_uuids, error) ||
      !liaison_store_read_reception_files (self, id, read_files, error))
    return FALSE;
  for (guint i = 0; i < read_visitors->len; i++)
    {
      const LiaisonVisitor *read = g_ptr_array_index (read_visitors, i);
      JsonObject *visitor = json_object_new ();

      json_object_set_string_member (visitor, "name", read->name != NULL ? read->name : "");
      json_object_set_string_member (visitor, "phone", read->phone != NULL ? read->phone : "");
      json_object_set_string_member (visitor, "community", read->community != NULL ? read->community : "");
      json_object_set_int_member (visitor, "party_size", read->party_size);
      json_object_set_boolean_member (visitor, "consent", read->consent);
      json_array_add_object_element (visitors, visitor);
    }
  for (guint i = 0; i < deputy_uuids->len; i++)
    json_array_add_string_element (deputies, g_ptr_array_index (deputy_uuids, i));

  json_object_set_array_member (data, "deputies", g_steal_pointer (&deputies));
  json_object_set_array_member (data, "visitors", g_steal_pointer (&visitors));
  /* None: no member, as before files, so that a server that knows no
   * files still takes the reception. */
  if (read_files->len > 0)
    {
      JsonArray *files = json_array_new ();

      for (guint i = 0; i < read_files->len; i++)
        {
          const LiaisonReceptionFile *read = g_ptr_array_index (read_files, i);
          JsonObject *file = json_object_new ();

          json_object_set_string_member (file, "sha256", read->sha256);
          json_object_set_string_member (file, "name", read->name);
          json_object_set_string_member (file, "content_type", read->content_type);
          json_object_set_int_member (file, "size", read->size);
          json_array_add_object_element (files, file);
        }
      json_object_set_array_member (data, "files", files);
    }
  return TRUE;
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

/* The wire record of the row @stmt is on, selected by its kind's select. */
static JsonObject *
encode_row (LiaisonStore  *self,
            Kind           kind,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(JsonObject) record = json_object_new ();
  JsonObject *data = json_object_new ();
  const int c = META_COLUMNS;

  json_object_set_string_member (record, "kind", liaison_store_sync_kinds[kind].name);
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
    case KIND_POINTS_RULES:
    case KIND_PUBLISHED_REPORT:
    case KIND_PUBLISHED_REPORT_PART:
      if (!set_data_from_column (record, stmt, c, error))
        return NULL;
      break;
    case KIND_STATION:
      set_text (data, "name", stmt, c);
      set_text (data, "kind", stmt, c + 1);
      set_text (data, "district", stmt, c + 2);
      /* Sent only when there is one, so that a station without one is the
       * same record an older desk sent. */
      if (sqlite3_column_bytes (stmt, c + 3) > 0)
        set_text (data, "address", stmt, c + 3);
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
      /* Only when set: a reception without them is sent as before. */
      set_text_if_set (data, "place", stmt, c + 7);
      set_text_if_set (data, "occasion", stmt, c + 8);
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
      /* Sent only when true: a suggestion is as older desks sent it. */
      if (sqlite3_column_int (stmt, c + 10) != 0)
        json_object_set_boolean_member (data, "motion", TRUE);
      break;
    case KIND_SUGGESTION_EVENT:
      /* The stored data is the event as recorded; the station says whose
       * feed it goes to. */
      if (!set_data_from_column (record, stmt, c, error))
        return NULL;
      set_text_or_null (data_of_record (record), "station", stmt, 4);
      break;
    case KIND_ACCESS_LOG:
      set_text (data, "kind", stmt, c);
      set_text (data, "at", stmt, c + 1);
      set_text (data, "role", stmt, c + 2);
      set_text (data, "actor", stmt, c + 3);
      set_text (data, "desk", stmt, c + 4);
      set_text (data, "what", stmt, c + 5);
      json_object_set_int_member (data, "n_contacts", sqlite3_column_int64 (stmt, c + 6));
      set_text (data, "reason", stmt, c + 7);
      break;
    case KIND_PURGE:
      set_text (data, "reception", stmt, c);
      set_text (data, "station", stmt, c + 1);
      set_text (data, "purged_at", stmt, c + 2);
      break;
    case KIND_DEPUTY_PIN:
      set_text (data, "deputy", stmt, c);
      set_text_or_null (data, "station", stmt, c + 1);
      set_text_or_null (data, "hash", stmt, c + 2);
      set_text (data, "set_at", stmt, c + 3);
      set_text_or_null (data, "reset_by", stmt, c + 4);
      break;
    case KIND_ONLINE_SUBMISSION:
      set_text (data, "station", stmt, c);
      set_text (data, "category", stmt, c + 1);
      set_text (data, "title", stmt, c + 2);
      set_text (data, "content", stmt, c + 3);
      set_text_or_null (data, "name", stmt, c + 4);
      set_text_or_null (data, "phone", stmt, c + 5);
      set_text_or_null (data, "community", stmt, c + 6);
      json_object_set_boolean_member (data, "consent", sqlite3_column_int (stmt, c + 7) != 0);
      set_text (data, "submitted_at", stmt, c + 8);
      break;
    case KIND_ONLINE_DECISION:
      set_text (data, "submission", stmt, c);
      set_text (data, "station", stmt, c + 1);
      set_text (data, "decision", stmt, c + 2);
      set_text_or_null (data, "reason", stmt, c + 3);
      set_text_or_null (data, "note", stmt, c + 4);
      set_text_or_null (data, "reception", stmt, c + 5);
      set_text_or_null (data, "suggestion", stmt, c + 6);
      set_text (data, "decided_at", stmt, c + 7);
      set_text_or_null (data, "decided_by", stmt, c + 8);
      break;
    case KIND_ACTIVITY:
    case KIND_DUTY_SHIFT:
    case KIND_QUARTER_CLOSE:
      if (!liaison_store_sync_encode_duty (self, kind, stmt, data, error))
        return NULL;
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&record);
}

/* Collects into @records the rows of @kind that @where selects (binding
 * ?1 = @limit, ?2 = @uuid when given, ?3 = @except when given). */
static gboolean
encode_rows (LiaisonStore  *self,
             Kind           kind,
             const char    *where,
             guint          limit,
             const char    *uuid,
             const char    *except,
             GPtrArray     *records,
             GError       **error)
{
  g_autofree char *sql = g_strconcat (liaison_store_sync_kinds[kind].select, where, NULL);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (except != NULL)
    sqlite3_bind_text (stmt, 3, except, -1, SQLITE_TRANSIENT);
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

/* The uuids of @in_flight's records of @kind as a JSON array, or NULL if
 * there are none. */
static char *
uuids_of_kind (GPtrArray *in_flight,
               Kind       kind)
{
  g_autoptr(GString) text = NULL;

  for (guint i = 0; in_flight != NULL && i < in_flight->len; i++)
    {
      JsonObject *record = g_ptr_array_index (in_flight, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "kind", NULL),
                     liaison_store_sync_kinds[kind].name) != 0)
        continue;
      if (text == NULL)
        text = g_string_new ("[");
      else
        g_string_append_c (text, ',');
      /* A uuid is hex digits and dashes: nothing to escape. */
      g_string_append_printf (text, "\"%s\"", json_object_get_string_member_with_default (record, "uuid", ""));
    }
  if (text == NULL)
    return NULL;
  g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GPtrArray *
liaison_store_collect_pending_except (LiaisonStore  *store,
                                      guint          limit,
                                      GPtrArray     *in_flight,
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
      g_autofree char *where = NULL;
      g_autofree char *except = NULL;

      if (!liaison_store_sync_role_pushes (role, k))
        continue;
      except = uuids_of_kind (in_flight, k);
      /* "sync_state <> 0" matches the partial index; "= 1" leaves out the
       * rejected records. */
      where = g_strconcat (" WHERE t.sync_state <> 0 AND t.sync_state = 1", liaison_store_sync_online_held (k),
                           except != NULL ? " AND t.uuid NOT IN (SELECT value FROM json_each (?3))" : "",
                           " ORDER BY t.id LIMIT ?1", NULL);
      if (!encode_rows (store, k, where, limit - records->len, NULL, except, records, error))
        return NULL;
    }
  return g_steal_pointer (&records);
}

GPtrArray *
liaison_store_collect_pending (LiaisonStore  *store,
                               guint          limit,
                               GError       **error)
{
  return liaison_store_collect_pending_except (store, limit, NULL, error);
}

/* The local record @uuid of @kind as a wire record, or NULL (no error) if
 * there is none. */
JsonObject *
liaison_store_sync_encode_local (LiaisonStore  *self,
                                 Kind           kind,
                                 const char    *uuid,
                                 GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!encode_rows (self, kind, " WHERE t.uuid = ?2 LIMIT ?1", 1, uuid, NULL, records, error))
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
