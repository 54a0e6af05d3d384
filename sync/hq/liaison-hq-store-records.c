/* liaison-hq-store-records.c: headquarters' records and the change feed's
 * writes: saving a record as the feed's next change, finding one, the
 * feed's figures, and the loop's rules. */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-protocol.h"

gint64
liaison_hq_store_last_seq (LiaisonHqStore  *self,
                           GError         **error)
{
  /* A quarantined record keeps its seq: a desk may have pulled up to it,
   * and the next change must still come after. */
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT COALESCE((SELECT MAX(seq) FROM records), 0), COALESCE((SELECT MAX(seq) FROM quarantine), 0)",
    error);

  if (stmt == NULL)
    return -1;
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    {
      liaison_hq_store_db_error (self, error, _("The change feed could not be read"));
      return -1;
    }
  return MAX (liaison_hq_stmt_column_int64 (stmt, 0), liaison_hq_stmt_column_int64 (stmt, 1));
}

/* Writes one record as the feed's next change. @data_json is canonical. */
gboolean
liaison_hq_store_write_record (LiaisonHqStore  *self,
                               const char      *kind,
                               const char      *uuid,
                               gint64           version,
                               const char      *origin_station,
                               gboolean         deleted,
                               const char      *updated_at,
                               const char      *data_json,
                               const char      *digest,
                               gint64           seq,
                               GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (kind, uuid) DO UPDATE SET version = ?3, origin_station = ?4, deleted = ?5,"
    " updated_at = ?6, data = ?7, digest = ?8, seq = ?9", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, kind);
  liaison_hq_stmt_bind_text (stmt, 2, uuid);
  liaison_hq_stmt_bind_int64 (stmt, 3, version);
  if (origin_station != NULL)
    liaison_hq_stmt_bind_text (stmt, 4, origin_station);
  liaison_hq_stmt_bind_int64 (stmt, 5, deleted ? 1 : 0);
  liaison_hq_stmt_bind_text (stmt, 6, updated_at);
  liaison_hq_stmt_bind_text (stmt, 7, data_json);
  liaison_hq_stmt_bind_text (stmt, 8, digest);
  liaison_hq_stmt_bind_int64 (stmt, 9, seq);
  liaison_hq_stmt_bind_int64 (stmt, 10, liaison_protocol_kind_is_hq_owned (kind) ? 1 : 0);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (self, error, _("The record could not be saved"));
  return TRUE;
}

/* The digest of a record as liaison_protocol_record_digest() makes it. */
char *
liaison_hq_store_digest_of (JsonObject *data,
                            gboolean    deleted,
                            gint64      version)
{
  g_autofree char *canonical = liaison_hq_store_canonical_data (data);

  return liaison_protocol_digest_of_canonical (canonical, deleted, version);
}

char *
liaison_hq_store_canonical_data (JsonObject *data)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), data);

  return liaison_protocol_canonical_json (node);
}

gboolean
liaison_hq_store_save_record (LiaisonHqStore  *self,
                              const char      *kind,
                              const char      *uuid,
                              const char      *origin_station,
                              JsonObject      *data,
                              char           **out_uuid,
                              gboolean        *changed,
                              GError         **error)
{
  g_autofree char *new_uuid = NULL;
  g_autofree char *data_json = liaison_hq_store_canonical_data (data);
  g_autofree char *digest = NULL;
  g_autofree char *now = liaison_db_now_utc ();
  gint64 version = 1;
  gint64 seq;

  if (changed != NULL)
    *changed = FALSE;

  if (uuid != NULL)
    {
      g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
        "SELECT version, data, deleted FROM records WHERE kind = ? AND uuid = ?", error);

      if (stmt == NULL)
        return FALSE;
      if (liaison_hq_store_step_record (self, stmt, kind, uuid, NULL))
        {
          if (g_strcmp0 (liaison_hq_stmt_column_text (stmt, 1), data_json) == 0 &&
              liaison_hq_stmt_column_int64 (stmt, 2) == 0)
            {
              if (out_uuid != NULL)
                *out_uuid = g_strdup (uuid);
              return TRUE;
            }
          version = liaison_hq_stmt_column_int64 (stmt, 0) + 1;
        }
      new_uuid = g_strdup (uuid);
    }
  else
    new_uuid = g_uuid_string_random ();

  seq = liaison_hq_store_last_seq (self, error);
  if (seq < 0)
    return FALSE;
  digest = liaison_hq_store_digest_of (data, FALSE, version);
  seq += 1;
  if (!liaison_hq_store_write_record (self, kind, new_uuid, version, origin_station, FALSE, now,
                                      data_json, digest, seq, error) ||
      !liaison_hq_store_route_written (self, kind, new_uuid, FALSE, data, &seq, error))
    return FALSE;
  if (changed != NULL)
    *changed = TRUE;
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&new_uuid);
  return TRUE;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? liaison_json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

gboolean
liaison_hq_store_find_by_name (LiaisonHqStore  *self,
                               const char      *kind,
                               const char      *name,
                               char           **uuid,
                               JsonObject     **data,
                               GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT uuid, data FROM records WHERE kind = ? AND deleted = 0"
    " AND json_extract (data, '$.name') = ? ORDER BY seq LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  if (!liaison_hq_store_step_record (self, stmt, kind, name, error))
    return FALSE;
  if (uuid != NULL)
    *uuid = liaison_hq_stmt_dup_text (stmt, 0);
  if (data != NULL)
    *data = parse_object (liaison_hq_stmt_column_text (stmt, 1));
  return TRUE;
}

static void
add_live_row (LiaisonHqStmt *stmt,
              gpointer      records)
{
  JsonObject *data = parse_object (liaison_hq_stmt_column_text (stmt, 1));

  if (data != NULL)
    g_hash_table_insert (records, liaison_hq_stmt_dup_text (stmt, 0), data);
}

GHashTable *
liaison_hq_store_list_live (LiaisonHqStore  *self,
                            const char      *kind,
                            gboolean         hq_recorded_only,
                            GError         **error)
{
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) json_object_unref);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT uuid, data FROM records WHERE kind = ?1 AND deleted = 0"
    " AND (?2 = 0 OR origin_station IS NULL)", error);

  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, kind);
  liaison_hq_stmt_bind_int64 (stmt, 2, hq_recorded_only ? 1 : 0);
  if (!liaison_hq_db_step_rows (stmt, add_live_row, records,
                             _("The records could not be read"), error))
    return NULL;
  return g_steal_pointer (&records);
}

JsonObject *
liaison_hq_store_get_data (LiaisonHqStore  *self,
                           const char      *kind,
                           const char      *uuid,
                           GError         **error)
{
  /* Prepared once: a push asks it for every reception (is it purged?). */
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
    "SELECT data FROM records WHERE kind = ? AND uuid = ? AND deleted = 0", error);
  JsonObject *data = NULL;

  if (stmt == NULL)
    return NULL;
  if (liaison_hq_store_step_record (self, stmt, kind, uuid, error))
    data = parse_object (liaison_hq_stmt_column_text (stmt, 0));
  liaison_hq_stmt_reset (stmt);
  return data;
}

gboolean
liaison_hq_store_feed_stats (LiaisonHqStore  *self,
                             gint64          *n_records,
                             gint64          *last,
                             GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM records", error);

  if (stmt == NULL)
    return FALSE;
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    return liaison_hq_store_db_error (self, error, _("The change feed could not be read"));
  *n_records = liaison_hq_stmt_column_int64 (stmt, 0);
  *last = liaison_hq_stmt_column_int64 (stmt, 1);
  return TRUE;
}

LiaisonLoopRules *
liaison_hq_store_get_loop_rules (LiaisonHqStore  *self,
                                 gint64          *version,
                                 GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT version, data FROM records WHERE kind = '" LIAISON_KIND_LOOP_RULES "' AND uuid = ?"
    " AND deleted = 0", error);
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) wire_error = NULL;
  LiaisonLoopRules *rules;
  int rc;

  if (version != NULL)
    *version = 0;
  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_DONE)
    {
      /* A data directory from before init seeded the rules. */
      rules = liaison_loop_rules_new ();
      liaison_calendar_free (rules->calendar);
      rules->calendar = liaison_calendar_new_official ();
      return rules;
    }
  if (rc != LIAISON_HQ_DB_ROW)
    {
      liaison_hq_store_db_error (self, error, _("The rules could not be read"));
      return NULL;
    }
  data = parse_object (liaison_hq_stmt_column_text (stmt, 1));
  rules = data != NULL ? liaison_loop_rules_from_json (data, &wire_error) : NULL;
  if (rules == NULL)
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                   _("The stored rules cannot be read (%s)."),
                   wire_error != NULL ? wire_error->message : _("not a JSON object"));
      return NULL;
    }
  if (version != NULL)
    *version = liaison_hq_stmt_column_int64 (stmt, 0);
  return rules;
}

gboolean
liaison_hq_store_save_loop_rules (LiaisonHqStore          *self,
                                  const LiaisonLoopRules  *rules,
                                  gboolean                *changed,
                                  GError                 **error)
{
  g_autoptr(JsonObject) data = NULL;

  for (guint kind = 0; kind < LIAISON_N_LOOP_KINDS; kind++)
    {
      const LiaisonTimeLimit *limit = &rules->limits[kind];

      if ((limit->working_days == 0) == (limit->months == 0))
        {
          g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID,
                       _("The time limit for “%s” must be a number of working days or of months, more than 0."),
                       liaison_loop_kind_label (kind));
          return FALSE;
        }
    }
  data = liaison_loop_rules_to_json (rules);
  return liaison_hq_store_save_record (self, LIAISON_KIND_LOOP_RULES, LIAISON_LOOP_RULES_UUID, NULL,
                                       data, NULL, changed, error);
}
