/* liaison-store-sync-write.c: the server's record written as this replica's
 * copy: the upsert of each kind, stand-ins for records referred to and
 * not yet here, a reception's visitors and deputies (written by
 * liaison-store-visitors.c, as for the station's own receptions). */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-points-rules.h"
#include "liaison-store-reception-files.h"
#include "liaison-store-sync-private.h"
#include "liaison-validate.h"

/* Finds the local row of @uuid; FALSE with @row->id 0 if none, FALSE with
 * @error set if the query failed. */
gboolean
liaison_store_sync_find_local (LiaisonStore  *self,
                               Kind           kind,
                               const char    *uuid,
                               LocalRow      *row,
                               GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, version, server_version, sync_state FROM %s"
                                          " WHERE uuid = ?", liaison_store_sync_kinds[kind].table);
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
static char *
sync_id_key (Kind        kind,
             const char *uuid)
{
  return g_strdup_printf ("%d:%s", (int) kind, uuid);
}

/* While a page is written, the ids it found are kept: a page of
 * receptions names the same station, categories and deputies again and
 * again (four lookups a reception). */
static void
remember_id (LiaisonStore *self,
             Kind          kind,
             const char   *uuid,
             gint64        id)
{
  GHashTable *ids = liaison_store_get_sync_ids (self);

  if (ids != NULL && id > 0)
    g_hash_table_insert (ids, sync_id_key (kind, uuid), g_memdup2 (&id, sizeof id));
}

static gint64
resolve (LiaisonStore *self,
         Kind          kind,
         const char   *uuid)
{
  GHashTable *ids = liaison_store_get_sync_ids (self);
  LocalRow row;

  if (uuid == NULL)
    return 0;
  if (ids != NULL)
    {
      g_autofree char *key = sync_id_key (kind, uuid);
      gint64 *known = g_hash_table_lookup (ids, key);

      if (known != NULL)
        return *known;
    }
  liaison_store_sync_find_local (self, kind, uuid, &row, NULL);
  remember_id (self, kind, uuid, row.id);
  return row.id;
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
  id = sqlite3_last_insert_rowid (liaison_store_get_handle (self));
  remember_id (self, kind, uuid, id);
  return id;
}

gint64
liaison_store_sync_resolve_or_stand_in (LiaisonStore  *self,
                                        Kind           kind,
                                        const char    *uuid,
                                        GError       **error)
{
  g_return_val_if_fail (kind != KIND_RECEPTION, -1);
  return resolve_or_stand_in (self, kind, uuid, 0, 0, error);
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
  [KIND_POINTS_RULES] = "INSERT INTO points_rules (" UPSERT_META_COLUMNS ", effective_from, data)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7)" UPSERT_META_UPDATE
    ", effective_from = excluded.effective_from, data = excluded.data",
  [KIND_STATION] = "INSERT INTO stations (" UPSERT_META_COLUMNS ", name, kind, district, address)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9)" UPSERT_META_UPDATE
    ", name = excluded.name, kind = excluded.kind, district = excluded.district, address = excluded.address",
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
    " channel, category_id, summary, handled_on_spot, handling, visitors_text, place, occasion, search_held)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" UPSERT_META_UPDATE
    ", received_at = excluded.received_at, station_id = excluded.station_id,"
    " channel = excluded.channel, category_id = excluded.category_id, summary = excluded.summary,"
    " handled_on_spot = excluded.handled_on_spot, handling = excluded.handling,"
    " visitors_text = excluded.visitors_text, place = excluded.place, occasion = excluded.occasion",
  /* A sender's status, if any, is not read (?12 is unused): the loop
   * columns are this replica's replay of the events, by
   * liaison_store_refresh_loop_cache (). */
  [KIND_SUGGESTION] = "INSERT INTO suggestions (" UPSERT_META_COLUMNS ", reception_id, station_id,"
    " category_id, title, content, raised_by, status, created_at, kind, deputy_id, co_signers, motion)"
    " VALUES (" UPSERT_META_VALUES ", ?6, ?7, ?8, ?9, ?10, ?11, 'registered', ?13, ?14, ?15, ?16, ?17)"
    UPSERT_META_UPDATE
    ", reception_id = excluded.reception_id, station_id = excluded.station_id,"
    " category_id = excluded.category_id, title = excluded.title, content = excluded.content,"
    " raised_by = excluded.raised_by, created_at = excluded.created_at, kind = excluded.kind,"
    " deputy_id = excluded.deputy_id, co_signers = excluded.co_signers, motion = excluded.motion",
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

/* A suggestion's kind, filing deputy, co-signers and whether it is a
 * motion: ?14, ?15, ?16, ?17. */
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
  liaison_store_bind_id_or_null (stmt, 15, deputy_id);
  sqlite3_bind_text (stmt, 16, co_signers_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 17, json_object_get_boolean_member_with_default (data, "motion", FALSE) ? 1 : 0);
  return TRUE;
}

/* The files the record lists (none when it lists none); their bytes come
 * with the sync's fetch of missing attachments. */
static gboolean
write_reception_files (LiaisonStore  *self,
                       gint64         id,
                       JsonObject    *data,
                       GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  JsonArray *listed = json_object_has_member (data, "files") ? json_object_get_array_member (data, "files") : NULL;

  for (guint i = 0; listed != NULL && i < json_array_get_length (listed); i++)
    {
      JsonObject *object = json_array_get_object_element (listed, i);
      LiaisonReceptionFile *file = liaison_reception_file_new ();

      file->sha256 = g_strdup (json_object_get_string_member (object, "sha256"));
      file->name = g_strdup (json_object_get_string_member (object, "name"));
      file->content_type = g_strdup (json_object_get_string_member (object, "content_type"));
      file->size = json_object_get_int_member (object, "size");
      g_ptr_array_add (files, file);
    }
  return liaison_store_write_reception_files (self, id, files, NULL, error);
}

/* A reception's visitors, deputies and files; @is_new: it was just
 * inserted, so it has none to take away (three statements a reception
 * fewer on a first pull). */
static gboolean
write_reception_children (LiaisonStore      *self,
                          gint64             id,
                          gboolean           is_new,
                          LiaisonReception  *reception,
                          JsonObject        *data,
                          GError           **error)
{
  const char *failed = _("Could not save a reception received from the server");
  JsonArray *deputies = json_object_get_array_member (data, "deputies");
  g_autoptr(GArray) deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (is_new ? !liaison_store_insert_visitors (self, id, reception->visitors, error)
             : !liaison_store_replace_visitors (self, id, reception->visitors, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (deputies); i++)
    {
      gint64 deputy_id = resolve_or_stand_in (self, KIND_DEPUTY, json_array_get_string_element (deputies, i),
                                              0, 0, error);

      if (deputy_id <= 0)
        return FALSE;
      g_array_append_val (deputy_ids, deputy_id);
    }
  if (!liaison_store_add_reception_deputies (self, id, deputy_ids, failed, error))
    return FALSE;
  if (is_new)
    {
      JsonArray *files = json_object_has_member (data, "files") ? json_object_get_array_member (data, "files") : NULL;

      if (files == NULL || json_array_get_length (files) == 0)
        return TRUE;
    }
  return write_reception_files (self, id, data, error);
}

/* Writes the server's record as this replica's copy: its version is both
 * version and server_version, synced. @local_id is the row, or 0. A
 * suggestion's uuid goes into @loop_touched.
 *
 * With @revive, a new live reception is written as a held tombstone and
 * its id added to @revive, for liaison_store_search_release_pulled() to
 * bring to life at the end of the page in one statement: SQLite 3.40's
 * FTS5 writes its pending index to disk at the end of every statement that
 * touches it, so indexing a page's receptions one statement each cost a
 * third of the pull; and held, its visitors and deputies fire no trigger
 * on it (liaison-store-search.c). */
gboolean
liaison_store_sync_write_incoming (LiaisonStore    *self,
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
                             liaison_store_sync_kinds[incoming->kind].table);
      stmt = liaison_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, incoming->version);
      sqlite3_bind_text (stmt, 2, incoming->updated_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, local_id);
      return liaison_store_step_done (self, stmt, failed, error);
    }

  if (incoming->kind == KIND_ACTIVITY || incoming->kind == KIND_DUTY_SHIFT ||
      incoming->kind == KIND_QUARTER_CLOSE)
    return liaison_store_sync_write_duty (self, incoming, local_id, error);
  if (incoming->kind == KIND_PUBLISHED_REPORT || incoming->kind == KIND_PUBLISHED_REPORT_PART)
    return liaison_store_sync_write_published (self, incoming, error);
  if (incoming->kind == KIND_ACCESS_LOG)
    return liaison_store_sync_write_access (self, incoming, error);
  if (incoming->kind == KIND_PURGE)
    return liaison_store_sync_write_purge (self, incoming, error);
  if (incoming->kind == KIND_DEPUTY_PIN)
    return liaison_store_sync_write_deputy_pin (self, incoming, error);
  if (incoming->kind == KIND_ONLINE_SUBMISSION || incoming->kind == KIND_ONLINE_DECISION)
    return liaison_store_sync_write_online (self, incoming, error);

  stmt = liaison_store_prepare (self, upserts[incoming->kind], error);
  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
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
    case KIND_POINTS_RULES:
      {
        /* Kept as the engine writes a rule set, whatever the sender's spelling. */
        g_autofree char *json = json_to_string (json_object_get_member (incoming->object, "data"), FALSE);
        g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_from_json (json, -1, NULL);
        g_autofree char *text = NULL;

        g_return_val_if_fail (rules != NULL, FALSE);
        text = liaison_points_rules_to_json (rules);
        sqlite3_bind_text (stmt, 6, rules->effective_from, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 7, text, -1, SQLITE_TRANSIENT);
      }
      break;
    case KIND_STATION:
      liaison_station_kind_from_code (json_object_get_string_member (data, "kind"), &station_kind);
      bind_data_text (stmt, 6, data, "name");
      sqlite3_bind_text (stmt, 7, liaison_station_kind_to_code (station_kind), -1, SQLITE_STATIC);
      bind_data_text (stmt, 8, data, "district");
      bind_data_text (stmt, 9, data, "address");
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
        liaison_store_bind_id_or_null (stmt, 8, group_id);
        liaison_store_bind_id_or_null (stmt, 9, station_id);
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
        /* A headquarters desk keeps visitors' phones masked, whatever a
         * server sends (liaison-hq masks them; an older one did not). */
        if (liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
          liaison_store_mask_visitor_phones (reception->visitors);
        people = liaison_store_visitors_text (reception);
        sqlite3_bind_text (stmt, 6, received_at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 7, station_id);
        sqlite3_bind_text (stmt, 8, liaison_channel_to_code (channel), -1, SQLITE_STATIC);
        sqlite3_bind_int64 (stmt, 9, category_id);
        bind_data_text (stmt, 10, data, "summary");
        sqlite3_bind_int (stmt, 11, json_object_get_boolean_member (data, "handled_on_spot") ? 1 : 0);
        bind_data_text (stmt, 12, data, "handling");
        sqlite3_bind_text (stmt, 13, people, -1, SQLITE_TRANSIENT);
        bind_data_text (stmt, 14, data, "place");
        bind_data_text (stmt, 15, data, "occasion");
        sqlite3_bind_int (stmt, 16, later ? 1 : 0);
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
        liaison_store_bind_id_or_null (stmt, 6, reception_id);
        sqlite3_bind_int64 (stmt, 7, station_id);
        sqlite3_bind_int64 (stmt, 8, category_id);
        bind_data_text (stmt, 9, data, "title");
        bind_data_text (stmt, 10, data, "content");
        bind_data_text (stmt, 11, data, "raised_by");
        bind_data_text (stmt, 13, data, "created_at");
        if (!bind_loop_columns (self, stmt, data, error))
          return FALSE;
        liaison_store_sync_touch_loop (loop_touched, incoming->uuid);
      }
      break;
    case KIND_SUGGESTION_EVENT:
    case KIND_ACTIVITY:
    case KIND_DUTY_SHIFT:
    case KIND_QUARTER_CLOSE:
    case KIND_PUBLISHED_REPORT:
    case KIND_PUBLISHED_REPORT_PART:
    case KIND_ACCESS_LOG:
    case KIND_PURGE:
    case KIND_DEPUTY_PIN:
    case KIND_ONLINE_SUBMISSION:
    case KIND_ONLINE_DECISION:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;
  if (incoming->kind == KIND_RECEPTION)
    {
      gint64 id = local_id > 0 ? local_id : sqlite3_last_insert_rowid (liaison_store_get_handle (self));

      if (!write_reception_children (self, id, local_id == 0, reception, data, error))
        return FALSE;
      if (later)
        g_array_append_val (revive, id);
    }
  return TRUE;
}
