/* liaison-hq-store.c: headquarters' own store (DATA_DIR/hq.db). */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-categories.h"
#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-protocol.h"
#include "liaison-seq-ranges.h"

G_DEFINE_QUARK (liaison-hq-store-error-quark, liaison_hq_store_error)

#define HQ_SCHEMA_VERSION 1

struct _LiaisonHqStore
{
  GObject parent_instance;

  /* owned */
  LiaisonDb  *db;
  char       *data_dir;
  char       *server_id;
};

G_DEFINE_FINAL_TYPE (LiaisonHqStore, liaison_hq_store, G_TYPE_OBJECT)

/* A station's pull reads the shared records and its own, in feed order. */
#define FEED_INDEXES \
  "CREATE INDEX IF NOT EXISTS records_hq_feed ON records (hq_owned, seq);\n" \
  "CREATE INDEX IF NOT EXISTS records_station_feed ON records (origin_station, seq);\n" \
  "CREATE INDEX IF NOT EXISTS records_by_uuid ON records (uuid);\n" \
  LIAISON_HQ_QUARANTINE_TABLE

static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  /* The latest version of every record, as on the wire. seq orders the
   * feed: a change takes the next seq, so a record changed twice appears
   * once, at its latest change. */
  "CREATE TABLE records (\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  version INTEGER NOT NULL,\n"
  "  origin_station TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT NOT NULL,\n"
  "  data TEXT NOT NULL,\n"
  "  digest TEXT NOT NULL,\n"
  "  seq INTEGER NOT NULL UNIQUE,\n"
  "  hq_owned INTEGER NOT NULL,\n"
  "  PRIMARY KEY (kind, uuid)\n"
  ");\n"
  FEED_INDEXES
  "CREATE TABLE tokens (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  hash TEXT NOT NULL UNIQUE,\n"
  "  role INTEGER NOT NULL,\n"
  "  station_uuid TEXT,\n"
  "  name TEXT NOT NULL,\n"
  "  created TEXT NOT NULL,\n"
  "  revoked TEXT\n"
  ");\n"
  "CREATE TABLE codes (\n"
  "  hash TEXT PRIMARY KEY,\n"
  "  role INTEGER NOT NULL,\n"
  "  station_uuid TEXT,\n"
  "  name TEXT NOT NULL,\n"
  "  created TEXT NOT NULL,\n"
  "  used TEXT\n"
  ");\n";

const char *
liaison_hq_role_to_string (LiaisonHqRole role)
{
  return role == LIAISON_HQ_ROLE_HQ ? "hq" : "station";
}

void
liaison_hq_token_free (LiaisonHqToken *token)
{
  if (token == NULL)
    return;
  g_free (token->id);
  g_free (token->station_uuid);
  g_free (token->name);
  g_free (token->created);
  g_free (token);
}

static void
liaison_hq_store_finalize (GObject *object)
{
  LiaisonHqStore *self = LIAISON_HQ_STORE (object);

  liaison_hq_store_close (self);
  g_clear_pointer (&self->db, liaison_db_free);
  g_free (self->data_dir);
  g_free (self->server_id);

  G_OBJECT_CLASS (liaison_hq_store_parent_class)->finalize (object);
}

static void
liaison_hq_store_class_init (LiaisonHqStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_hq_store_finalize;
}

static void
liaison_hq_store_init (LiaisonHqStore *self)
{
  self->db = liaison_db_new (LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED);
}

static gboolean
set_error (LiaisonHqStore  *self,
           GError         **error,
           const char      *what)
{
  return liaison_db_set_error (self->db, error, what);
}

static sqlite3_stmt *
prepare (LiaisonHqStore  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3 *handle = liaison_db_get_handle (self->db);
  sqlite3_stmt *stmt = NULL;

  if (handle == NULL || sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error (self, error, _("The headquarters database could not be read"));
      return NULL;
    }
  return stmt;
}

/* A statement of a hot path (push, attachment scope), prepared once: a
 * push runs a few per record, and parsing them each time cost more than
 * running them. @sql is a string literal. Borrowed; reset it after use. */
static sqlite3_stmt *
prepare_cached (LiaisonHqStore  *self,
                const char      *sql,
                GError         **error)
{
  return liaison_db_prepare (self->db, sql, _("The headquarters database could not be read"), error);
}

sqlite3_stmt *
liaison_hq_store_prepare_cached (LiaisonHqStore  *self,
                                 const char      *sql,
                                 GError         **error)
{
  return prepare_cached (self, sql, error);
}

gboolean
liaison_hq_store_db_error (LiaisonHqStore  *self,
                           GError         **error,
                           const char      *what)
{
  return set_error (self, error, what);
}

/* Runs a cached statement that returns no rows. */
static gboolean
exec_cached (LiaisonHqStore  *self,
             const char      *sql,
             GError         **error)
{
  sqlite3_stmt *stmt = prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return liaison_db_step_done (self->db, stmt, _("The headquarters database could not be changed"), error);
}

static gboolean
exec (LiaisonHqStore  *self,
      const char      *sql,
      GError         **error)
{
  return liaison_db_exec (self->db, sql, _("The headquarters database could not be changed"), error);
}

gboolean
liaison_hq_store_begin (LiaisonHqStore  *self,
                        GError         **error)
{
  return liaison_db_begin (self->db, _("The headquarters database could not be changed"), error);
}

gboolean
liaison_hq_store_commit (LiaisonHqStore  *self,
                         GError         **error)
{
  return liaison_db_commit (self->db, _("The headquarters database could not be changed"), error);
}

void
liaison_hq_store_rollback (LiaisonHqStore *self)
{
  liaison_db_rollback (self->db);
}

static gboolean
open_db (LiaisonHqStore  *self,
         const char      *path,
         int              flags,
         GError         **error)
{
  if (liaison_db_open (self->db, path, flags | SQLITE_OPEN_NOMUTEX) != SQLITE_OK)
    {
      set_error (self, error, _("The headquarters database could not be opened"));
      liaison_db_close (self->db);
      return FALSE;
    }
  sqlite3_busy_timeout (liaison_db_get_handle (self->db), 10000);
  /* WAL for readers beside the writer; FULL so that a commit, which comes
   * before every answer, survives a power cut too. */
  return exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error);
}

static gint64
last_seq (LiaisonHqStore  *self,
          GError         **error)
{
  /* A quarantined record keeps its seq: a desk may have pulled up to it,
   * and the next change must still come after. */
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT max (COALESCE((SELECT MAX(seq) FROM records), 0), COALESCE((SELECT MAX(seq) FROM quarantine), 0))",
    error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error (self, error, _("The change feed could not be read"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Writes one record as the feed's next change. @data_json is canonical. */
static gboolean
write_record (LiaisonHqStore  *self,
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
  sqlite3_stmt *stmt = prepare_cached (self,
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (kind, uuid) DO UPDATE SET version = ?3, origin_station = ?4, deleted = ?5,"
    " updated_at = ?6, data = ?7, digest = ?8, seq = ?9", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, version);
  if (origin_station != NULL)
    sqlite3_bind_text (stmt, 4, origin_station, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 6, updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, data_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, digest, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, seq);
  sqlite3_bind_int (stmt, 10, liaison_protocol_kind_is_hq_owned (kind) ? 1 : 0);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, error, _("The record could not be saved"));
  return TRUE;
}

/* The digest of a record as liaison_protocol_record_digest() makes it. */
static char *
digest_of (JsonObject *data,
           gboolean    deleted,
           gint64      version)
{
  g_autoptr(JsonObject) record = json_object_new ();

  json_object_set_object_member (record, "data", json_object_ref (data));
  json_object_set_boolean_member (record, "deleted", deleted);
  json_object_set_int_member (record, "version", version);
  return liaison_protocol_record_digest (record);
}

static char *
canonical_data (JsonObject *data)
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
  g_autofree char *data_json = canonical_data (data);
  g_autofree char *digest = NULL;
  g_autofree char *now = liaison_db_now_utc ();
  gint64 version = 1;
  gint64 seq;

  if (changed != NULL)
    *changed = FALSE;

  if (uuid != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self,
        "SELECT version, data, deleted FROM records WHERE kind = ? AND uuid = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), data_json) == 0 &&
              sqlite3_column_int (stmt, 2) == 0)
            {
              if (out_uuid != NULL)
                *out_uuid = g_strdup (uuid);
              return TRUE;
            }
          version = sqlite3_column_int64 (stmt, 0) + 1;
        }
      new_uuid = g_strdup (uuid);
    }
  else
    new_uuid = g_uuid_string_random ();

  seq = last_seq (self, error);
  if (seq < 0)
    return FALSE;
  digest = digest_of (data, FALSE, version);
  if (!write_record (self, kind, new_uuid, version, origin_station, FALSE, now,
                     data_json, digest, seq + 1, error))
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
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT uuid, data FROM records WHERE kind = ? AND deleted = 0"
    " AND json_extract (data, '$.name') = ? ORDER BY seq LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (uuid != NULL)
        *uuid = liaison_db_column_text (stmt, 0);
      if (data != NULL)
        *data = parse_object ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    set_error (self, error, _("The records could not be read"));
  return FALSE;
}

JsonObject *
liaison_hq_store_get_data (LiaisonHqStore  *self,
                           const char      *kind,
                           const char      *uuid,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT data FROM records WHERE kind = ? AND uuid = ? AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return parse_object ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    set_error (self, error, _("The records could not be read"));
  return NULL;
}

gboolean
liaison_hq_store_feed_stats (LiaisonHqStore  *self,
                             gint64          *n_records,
                             gint64          *last,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM records", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_error (self, error, _("The change feed could not be read"));
  *n_records = sqlite3_column_int64 (stmt, 0);
  *last = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

LiaisonLoopRules *
liaison_hq_store_get_loop_rules (LiaisonHqStore  *self,
                                 gint64          *version,
                                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
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
  sqlite3_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* A data directory from before init seeded the rules. */
      rules = liaison_loop_rules_new ();
      liaison_calendar_free (rules->calendar);
      rules->calendar = liaison_calendar_new_official ();
      return rules;
    }
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, _("The rules could not be read"));
      return NULL;
    }
  data = parse_object ((const char *) sqlite3_column_text (stmt, 1));
  rules = data != NULL ? liaison_loop_rules_from_json (data, &wire_error) : NULL;
  if (rules == NULL)
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                   _("The stored rules cannot be read (%s)."),
                   wire_error != NULL ? wire_error->message : _("not a JSON object"));
      return NULL;
    }
  if (version != NULL)
    *version = sqlite3_column_int64 (stmt, 0);
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

static gboolean
seed (LiaisonHqStore  *self,
      GError         **error)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO meta (key, value) VALUES ('server_id', '%s'), ('schema_version', '%d')",
    self->server_id, HQ_SCHEMA_VERSION);
  guint n_category_seeds;
  const LiaisonCategorySeed *category_seeds = liaison_category_seeds (&n_category_seeds);

  if (!exec (self, sql, error))
    return FALSE;

  /* The same categories, codes and fixed UUIDs as a station's store, so
   * that both sides agree from the start. */
  for (guint i = 0; i < n_category_seeds; i++)
    {
      g_autofree char *uuid = liaison_category_seed_uuid (i);
      g_autoptr(JsonObject) data = json_object_new ();

      json_object_set_string_member (data, "code", category_seeds[i].code);
      json_object_set_string_member (data, "name", category_seeds[i].name);
      json_object_set_string_member (data, "name_zh", category_seeds[i].name_zh);
      json_object_set_int_member (data, "position", i);
      if (!liaison_hq_store_save_record (self, LIAISON_KIND_CATEGORY, uuid, NULL, data,
                                         NULL, NULL, error))
        return FALSE;
    }

  /* The default time limits and the State Council's published holidays:
   * stations get them at their first sync, and headquarters edits them. */
  {
    g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();

    liaison_calendar_free (rules->calendar);
    rules->calendar = liaison_calendar_new_official ();
    if (!liaison_hq_store_save_loop_rules (self, rules, NULL, error))
      return FALSE;
  }
  return TRUE;
}

LiaisonHqStore *
liaison_hq_store_create (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(LiaisonHqStore) self = g_object_new (LIAISON_TYPE_HQ_STORE, NULL);
  g_autofree char *path = g_build_filename (data_dir, "hq.db", NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                   _("Could not create the data directory “%s”: %s"), data_dir, g_strerror (saved));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_EXISTS,
                   _("“%s” already holds a headquarters database (%s). Nothing was changed."),
                   data_dir, path);
      return NULL;
    }

  self->data_dir = g_strdup (data_dir);
  self->server_id = g_uuid_string_random ();
  if (!open_db (self, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;
  if (!liaison_hq_store_begin (self, error))
    return NULL;
  if (!exec (self, schema, error) ||
      !exec (self, "PRAGMA user_version = 1", error) ||
      !seed (self, error) ||
      !liaison_hq_store_commit (self, error) ||
      !liaison_hq_store_open_attachments (self, error))
    {
      liaison_hq_store_rollback (self);
      liaison_hq_store_close (self);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

LiaisonHqStore *
liaison_hq_store_open (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(LiaisonHqStore) self = g_object_new (LIAISON_TYPE_HQ_STORE, NULL);
  g_autofree char *path = g_build_filename (data_dir, "hq.db", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NO_STORE,
                   _("There is no headquarters database in “%s”. Create one with “liaison-hq init --data-dir %s”."),
                   data_dir, data_dir);
      return NULL;
    }
  self->data_dir = g_strdup (data_dir);
  if (!open_db (self, path, SQLITE_OPEN_READWRITE, error))
    return NULL;
  /* Databases made before the indexes get them once. */
  if (!exec (self, FEED_INDEXES, error))
    return NULL;
  stmt = prepare (self, "SELECT value FROM meta WHERE key = 'server_id'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NO_STORE,
                   _("“%s” is not a headquarters database."), path);
      return NULL;
    }
  self->server_id = liaison_db_column_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!liaison_hq_store_open_attachments (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
liaison_hq_store_get_server_id (LiaisonHqStore *self)
{
  return self->server_id;
}

sqlite3 *
liaison_hq_store_get_handle (LiaisonHqStore *self)
{
  return liaison_db_get_handle (self->db);
}

const char *
liaison_hq_store_get_data_dir (LiaisonHqStore *self)
{
  return self->data_dir;
}

void
liaison_hq_store_close (LiaisonHqStore *self)
{
  sqlite3 *handle = liaison_db_get_handle (self->db);

  if (handle == NULL)
    return;
  liaison_hq_store_rollback (self);
  sqlite3_wal_checkpoint_v2 (handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  liaison_db_close (self->db);
}

/* Enrollment codes and tokens */

/* Codes are typed by people: no 0/O, 1/I/L; dashes and case do not count. */
static const char code_alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

static char *
normalize_code (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static char *
hash_code (const char *code)
{
  g_autofree char *normal = normalize_code (code);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, normal, -1);
}

static char *
new_code (void)
{
  /* 43 random base64url characters: 6 bits each, so each maps evenly
   * onto… not quite 31 letters; rejection keeps it uniform. */
  GString *code = g_string_new (NULL);
  guint n = 0;

  while (n < 16)
    {
      g_autofree char *random = liaison_protocol_new_token ();

      for (const char *p = random; *p && n < 16; p++)
        {
          const char *b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
          guint value = (guint) (strchr (b64, *p) - b64);

          if (value >= 62)
            continue;
          value %= 31;
          if (n > 0 && n % 4 == 0)
            g_string_append_c (code, '-');
          g_string_append_c (code, code_alphabet[value]);
          n++;
        }
    }
  return g_string_free (code, FALSE);
}

char *
liaison_hq_store_add_code (LiaisonHqStore  *self,
                           LiaisonHqRole    role,
                           const char      *station_uuid,
                           const char      *name,
                           GError         **error)
{
  g_autofree char *code = new_code ();
  g_autofree char *hash = hash_code (code);
  g_autofree char *now = liaison_db_now_utc ();
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "INSERT INTO codes (hash, role, station_uuid, name, created) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, role);
  if (station_uuid != NULL)
    sqlite3_bind_text (stmt, 3, station_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_error (self, error, _("The enrollment code could not be saved"));
      return NULL;
    }
  return g_steal_pointer (&code);
}

static LiaisonHqToken *
token_from_row (sqlite3_stmt *stmt)
{
  LiaisonHqToken *token = g_new0 (LiaisonHqToken, 1);

  /* id, role, station_uuid, name, created, revoked */
  token->id = liaison_db_column_text (stmt, 0);
  token->role = sqlite3_column_int (stmt, 1) == LIAISON_HQ_ROLE_HQ ? LIAISON_HQ_ROLE_HQ : LIAISON_HQ_ROLE_STATION;
  token->station_uuid = liaison_db_column_text (stmt, 2);
  token->name = liaison_db_column_text (stmt, 3);
  token->created = liaison_db_column_text (stmt, 4);
  token->revoked = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  return token;
}

char *
liaison_hq_store_enroll (LiaisonHqStore   *self,
                         const char       *code,
                         LiaisonHqToken  **info,
                         GError          **error)
{
  g_autofree char *hash = hash_code (code);
  g_autofree char *now = liaison_db_now_utc ();
  g_autofree char *token = NULL;
  g_autoptr(LiaisonHqToken) result = NULL;

  if (!liaison_hq_store_begin (self, error))
    return NULL;

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (self,
      "SELECT role, station_uuid, name FROM codes WHERE hash = ? AND used IS NULL", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                             "The enrollment code is not known or was already used.");
        goto fail;
      }
    result = g_new0 (LiaisonHqToken, 1);
    result->role = sqlite3_column_int (stmt, 0) == LIAISON_HQ_ROLE_HQ ? LIAISON_HQ_ROLE_HQ : LIAISON_HQ_ROLE_STATION;
    result->station_uuid = liaison_db_column_text (stmt, 1);
    result->name = liaison_db_column_text (stmt, 2);
    result->created = g_strdup (now);
  }

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE codes SET used = ? WHERE hash = ?", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        set_error (self, error, _("The enrollment code could not be used"));
        goto fail;
      }
  }

  /* The id is the hash's first 8 digits; on the rare clash, draw again. */
  for (guint attempt = 0; attempt < 8 && token == NULL; attempt++)
    {
      g_autofree char *candidate = liaison_protocol_new_token ();
      g_autofree char *token_hash = liaison_protocol_hash_token (candidate);
      g_autofree char *id = g_strndup (token_hash, 8);
      g_autoptr(sqlite3_stmt) stmt = prepare (self,
        "INSERT INTO tokens (id, hash, role, station_uuid, name, created) VALUES (?, ?, ?, ?, ?, ?)", error);
      int rc;

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, token_hash, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, result->role);
      if (result->station_uuid != NULL)
        sqlite3_bind_text (stmt, 4, result->station_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, result->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          token = g_steal_pointer (&candidate);
          result->id = g_steal_pointer (&id);
        }
      else if (rc != SQLITE_CONSTRAINT)
        {
          set_error (self, error, _("The token could not be saved"));
          goto fail;
        }
    }
  if (token == NULL)
    {
      set_error (self, error, _("The token could not be saved"));
      goto fail;
    }
  if (!liaison_hq_store_commit (self, error))
    return NULL;
  if (info != NULL)
    *info = g_steal_pointer (&result);
  return g_steal_pointer (&token);

fail:
  liaison_hq_store_rollback (self);
  return NULL;
}

LiaisonHqToken *
liaison_hq_store_lookup_token (LiaisonHqStore  *self,
                               const char      *hash,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT id, role, station_uuid, name, created, revoked FROM tokens WHERE hash = ?", error);
  LiaisonHqToken *token;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                           "The token is not known to this server.");
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, _("The tokens could not be read"));
      return NULL;
    }
  token = token_from_row (stmt);
  if (token->revoked)
    {
      liaison_hq_token_free (token);
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_REVOKED,
                           "The token was revoked at headquarters. Ask headquarters for a new enrollment code.");
      return NULL;
    }
  return token;
}

GPtrArray *
liaison_hq_store_list_tokens (LiaisonHqStore  *self,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
    "SELECT id, role, station_uuid, name, created, revoked FROM tokens ORDER BY created, id", error);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_hq_token_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tokens, token_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, _("The tokens could not be read"));
      return NULL;
    }
  return g_steal_pointer (&tokens);
}

LiaisonHqToken *
liaison_hq_store_revoke_token (LiaisonHqStore  *self,
                               const char      *id,
                               gboolean        *already,
                               GError         **error)
{
  g_autoptr(LiaisonHqToken) token = NULL;
  g_autofree char *now = liaison_db_now_utc ();
  g_autofree char *pattern = NULL;
  int rc;

  *already = FALSE;
  if (strlen (id) < 8 || strspn (id, "0123456789abcdef") != strlen (id))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a token id: “liaison-hq token list” shows them (8 letters and digits)."), id);
      return NULL;
    }
  pattern = g_strdup_printf ("%s*", id);

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (self,
      "SELECT id, role, station_uuid, name, created, revoked FROM tokens"
      " WHERE id = substr (?1, 1, 8) AND hash GLOB ?2", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                     _("There is no token “%s”. “liaison-hq token list” shows the tokens."), id);
        return NULL;
      }
    if (rc != SQLITE_ROW)
      {
        set_error (self, error, _("The tokens could not be read"));
        return NULL;
      }
    token = token_from_row (stmt);
  }

  if (token->revoked)
    {
      *already = TRUE;
      return g_steal_pointer (&token);
    }

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE tokens SET revoked = ? WHERE id = ?", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, token->id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        set_error (self, error, _("The token could not be revoked"));
        return NULL;
      }
  }
  token->revoked = TRUE;
  return g_steal_pointer (&token);
}

/* Push */

/* Columns: kind, uuid, version, origin_station, deleted, updated_at, data, seq */
#define RECORD_COLUMNS "kind, uuid, version, origin_station, deleted, updated_at, data, seq"

static void
append_record (GString      *out,
               sqlite3_stmt *stmt)
{
  const char *origin = (const char *) sqlite3_column_text (stmt, 3);

  g_string_append (out, "{\"kind\":");
  liaison_protocol_append_json_string (out, (const char *) sqlite3_column_text (stmt, 0));
  g_string_append (out, ",\"uuid\":");
  liaison_protocol_append_json_string (out, (const char *) sqlite3_column_text (stmt, 1));
  g_string_append_printf (out, ",\"version\":%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 2));
  g_string_append (out, ",\"updated_at\":");
  liaison_protocol_append_json_string (out, (const char *) sqlite3_column_text (stmt, 5));
  g_string_append (out, ",\"origin_station\":");
  if (origin != NULL)
    liaison_protocol_append_json_string (out, origin);
  else
    g_string_append (out, "null");
  g_string_append (out, sqlite3_column_int (stmt, 4) ? ",\"deleted\":true" : ",\"deleted\":false");
  /* data is canonical JSON written by this server. */
  g_string_append (out, ",\"data\":");
  g_string_append (out, (const char *) sqlite3_column_text (stmt, 6));
  g_string_append_printf (out, ",\"seq\":%" G_GINT64_FORMAT "}", (gint64) sqlite3_column_int64 (stmt, 7));
}

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
  sqlite3_stmt *stmt;
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
  stmt = prepare_cached (self,
    "SELECT origin_station FROM records WHERE kind = '" LIAISON_KIND_SUGGESTION "' AND uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, suggestion, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, LIAISON_LOOP_WIRE_REASON_NO_SUGGESTION);
  else if (rc == SQLITE_ROW &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), data_station) != 0)
    *refusal = token->role == LIAISON_HQ_ROLE_STATION
               ? liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                           "The event's suggestion belongs to another station.")
               : liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID,
                           "data.station is not the station of the event's suggestion.");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error (self, error, _("The records could not be read"));
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
  const char *kind;
  const char *uuid;
  const char *origin = NULL;
  const char *data_station = NULL;
  gboolean is_event;
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
  is_event = g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT);
  uuid = json_object_get_string_member (record, "uuid");
  version = json_object_get_int_member (record, "version");
  if (json_object_has_member (record, "base_version"))
    base_version = json_object_get_int_member (record, "base_version");
  if (json_object_has_member (record, "deleted"))
    deleted = json_object_get_boolean_member (record, "deleted");
  data = json_object_get_object_member (record, "data");
  if (json_object_has_member (data, "station") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (data, "station")))
    data_station = json_object_get_string_member (data, "station");

  if (version <= base_version)
    return liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, "version must be greater than base_version.");
  {
    JsonObject *refusal = NULL;

    if (!liaison_hq_push_rules_check (self, token, record, &refusal, error))
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
  else if (token->role == LIAISON_HQ_ROLE_STATION)
    {
      if (liaison_protocol_kind_is_hq_owned (kind))
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
      if (!liaison_protocol_kind_is_hq_owned (kind))
        return liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                         "Stations own this kind of record; headquarters may not change it.");
      if (json_object_has_member (record, "origin_station") &&
          !JSON_NODE_HOLDS_NULL (json_object_get_member (record, "origin_station")))
        origin = json_object_get_string_member (record, "origin_station");
    }

  {
    sqlite3_stmt *stmt = prepare_cached (self,
      "SELECT version, digest, origin_station, seq FROM records WHERE kind = ? AND uuid = ?", error);
    int rc;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        exists = TRUE;
        current_version = sqlite3_column_int64 (stmt, 0);
        current_digest = liaison_db_column_text (stmt, 1);
        current_origin = liaison_db_column_text (stmt, 2);
        current_seq = sqlite3_column_int64 (stmt, 3);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      {
        set_error (self, error, _("The records could not be read"));
        return NULL;
      }
  }

  if (token->role == LIAISON_HQ_ROLE_STATION &&
      ((exists && g_strcmp0 (current_origin, token->station_uuid) != 0) ||
       (!exists && data_station == NULL)))
    return liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION, "The record belongs to another station.");

  digest = liaison_protocol_record_digest (record);

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

  /* A record the server never saw is taken whatever its base: the
   * client's copy is all there is (a server restored from an old backup). */
  if (exists && current_version != base_version)
    {
      JsonObject *result = result_new (record, LIAISON_PUSH_CONFLICT);
      g_autoptr(sqlite3_stmt) stmt = prepare (self,
        "SELECT " RECORD_COLUMNS " FROM records WHERE kind = ? AND uuid = ?", error);
      g_autoptr(GString) text = g_string_new (NULL);
      JsonNode *current;

      json_object_set_int_member (result, "version", current_version);
      if (stmt == NULL)
        {
          json_object_unref (result);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          json_object_unref (result);
          set_error (self, error, _("The records could not be read"));
          return NULL;
        }
      append_record (text, stmt);
      current = liaison_json_from_string (text->str, NULL);
      if (current != NULL)
        {
          /* The feed's seq means nothing to a push result. */
          json_object_remove_member (json_node_get_object (current), "seq");
          json_object_set_member (result, "current", current);
        }
      return result;
    }

  data_json = canonical_data (data);
  if (!write_record (self, kind, uuid, version, origin, deleted,
                     json_object_get_string_member (record, "updated_at"),
                     data_json, digest, *seq + 1, error))
    return NULL;
  *seq += 1;
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
  seq = last_seq (self, error);
  if (seq < 0)
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *result;
      gboolean applied = FALSE;

      if (!exec_cached (self, "SAVEPOINT record", error))
        goto fail;
      result = push_one (self, token, json_array_get_element (records, i), &seq, &applied, error);
      if (result == NULL)
        {
          /* The database failed on this record: undo it alone? No: a
           * failing database fails the batch, and nothing is acknowledged. */
          goto fail;
        }
      if (!exec_cached (self, "RELEASE record", error))
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

/* Pull */

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
  g_autoptr(sqlite3_stmt) stmt = NULL;
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
  if (!exec (self, "BEGIN", error))
    return NULL;
  feed_end = last_seq (self, error);
  if (feed_end < 0)
    goto fail;

  if (token->role == LIAISON_HQ_ROLE_HQ)
    stmt = prepare (self, "SELECT " RECORD_COLUMNS " FROM records WHERE seq > ?1"
                          " ORDER BY seq LIMIT ?2", error);
  else
    /* Two ordered index walks, merged: a station's page costs its own
     * changes, not a scan past every other station's (FEED_INDEXES). */
    stmt = prepare (self, "SELECT " RECORD_COLUMNS " FROM records WHERE hq_owned = 1 AND seq > ?1"
                          " UNION ALL SELECT " RECORD_COLUMNS " FROM records"
                          " WHERE origin_station = ?3 AND +hq_owned = 0 AND seq > ?1"
                          " ORDER BY seq LIMIT ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, since);
  /* The rows skipped do not count towards the page, but a page reads at
   * most SKIP_SCAN_CAP of them (a client could name the whole feed). */
  scan = (gint64) limit + 1 + liaison_seq_ranges_count_above (skip, since, SKIP_SCAN_CAP);
  sqlite3_bind_int64 (stmt, 2, scan);
  if (token->role != LIAISON_HQ_ROLE_HQ)
    sqlite3_bind_text (stmt, 3, token->station_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gsize mark = out->len;

      scanned++;
      /* A change the caller's own push wrote: it has it; pass it by. */
      if (liaison_seq_ranges_contains (skip, sqlite3_column_int64 (stmt, 7)))
        {
          last = sqlite3_column_int64 (stmt, 7);
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
      append_record (out, stmt);
      /* A page stays under the byte cap too, with at least one record
       * (one record is at most LIAISON_MAX_RECORD_DATA_BYTES and a bit). */
      if (n > 0 && out->len > LIAISON_MAX_PULL_BYTES)
        {
          g_string_truncate (out, mark);
          more = TRUE;
          break;
        }
      last = sqlite3_column_int64 (stmt, 7);
      n++;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_error (self, error, _("The change feed could not be read"));
      goto fail;
    }
  /* The scan stopped at its cap: what lies after it was not looked at. */
  if (!more && scanned == scan)
    more = TRUE;
  /* Everything up to the feed's end was looked at: a station need not
   * look at other stations' changes again. */
  if (!more && feed_end > last)
    last = feed_end;
  g_clear_pointer (&stmt, sqlite3_finalize);
  exec (self, "COMMIT", NULL);

  g_string_append_printf (out, "],\"last_seq\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          last, more ? "true" : "false");
  *n_changes = n;
  return g_string_free (g_steal_pointer (&out), FALSE);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  liaison_hq_store_rollback (self);
  return NULL;
}

/* For liaison-hq-store-attachments.c (liaison-hq-store-private.h). */

gboolean
liaison_hq_store_exec (LiaisonHqStore  *self,
                       const char      *sql,
                       GError         **error)
{
  return exec (self, sql, error);
}
