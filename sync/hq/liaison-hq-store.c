/* liaison-hq-store.c: headquarters' own store (DATA_DIR/hq.db): its
 * database, schema, creation and opening. The records and the feed are in
 * liaison-hq-store-records.c, tokens and enrollment in
 * liaison-hq-store-tokens.c, a push in liaison-hq-store-push.c and a pull
 * in liaison-hq-store-pull.c. */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "liaison-categories.h"
#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-protocol.h"

G_DEFINE_QUARK (liaison-hq-store-error-quark, liaison_hq_store_error)

#define HQ_SCHEMA_VERSION 1

struct _LiaisonHqStore
{
  GObject parent_instance;

  /* owned; NULL once closed */
  LiaisonHqDb *db;
  char       *data_dir;
  char       *server_id;
  char       *database;   /* the PostgreSQL URI, NULL for hq.db */
  char       *shown;      /* liaison_hq_store_describe()'s */
};

G_DEFINE_FINAL_TYPE (LiaisonHqStore, liaison_hq_store, G_TYPE_OBJECT)

/* A station's pull reads the shared records and its own, in feed order. */
#define FEED_INDEXES \
  "CREATE INDEX IF NOT EXISTS records_hq_feed ON records (hq_owned, seq);\n" \
  "CREATE INDEX IF NOT EXISTS records_station_feed ON records (origin_station, seq);\n" \
  "CREATE INDEX IF NOT EXISTS records_by_uuid ON records (uuid);\n" \
  LIAISON_HQ_QUARANTINE_TABLE \
  LIAISON_HQ_ROUTE_TABLES \
  LIAISON_HQ_ONLINE_TABLES

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

static void
liaison_hq_store_finalize (GObject *object)
{
  LiaisonHqStore *self = LIAISON_HQ_STORE (object);

  liaison_hq_store_close (self);
  g_free (self->data_dir);
  g_free (self->server_id);
  g_free (self->database);
  g_free (self->shown);

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
}

/* The database (liaison-hq-store-private.h) */

#define READ_FAILED _("The headquarters database could not be read")
#define WRITE_FAILED _("The headquarters database could not be changed")

/* FALSE, with @error, once the store is closed. */
static gboolean
is_open (LiaisonHqStore  *self,
         GError         **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                       _("The headquarters database is closed"));
  return FALSE;
}

gboolean
liaison_hq_store_db_error (LiaisonHqStore  *self,
                           GError         **error,
                           const char      *what)
{
  if (!is_open (self, error))
    return FALSE;
  return liaison_hq_db_set_error (self->db, error, what);
}

gboolean
liaison_hq_store_step_record (LiaisonHqStore  *self,
                              LiaisonHqStmt   *stmt,
                              const char      *kind,
                              const char      *key,
                              GError         **error)
{
  LiaisonHqDbStep step;

  liaison_hq_stmt_bind_text (stmt, 1, kind);
  liaison_hq_stmt_bind_text (stmt, 2, key);
  step = liaison_hq_stmt_step (stmt);
  if (step == LIAISON_HQ_DB_ROW)
    return TRUE;
  if (step != LIAISON_HQ_DB_DONE)
    liaison_hq_store_db_error (self, error, _("The records could not be read"));
  return FALSE;
}

LiaisonHqDb *
liaison_hq_store_get_db (LiaisonHqStore *self)
{
  return self->db;
}

LiaisonHqStmt *
liaison_hq_store_prepare (LiaisonHqStore  *self,
                          const char      *sql,
                          GError         **error)
{
  if (!is_open (self, error))
    return NULL;
  return liaison_hq_db_prepare (self->db, sql, READ_FAILED, error);
}

/* A statement of a hot path (push, attachment scope), prepared once: a
 * push runs a few per record, and parsing them each time cost more than
 * running them. @sql is a string literal. Borrowed; reset it after use. */
LiaisonHqStmt *
liaison_hq_store_prepare_cached (LiaisonHqStore  *self,
                                 const char      *sql,
                                 GError         **error)
{
  if (!is_open (self, error))
    return NULL;
  return liaison_hq_db_prepare_cached (self->db, sql, READ_FAILED, error);
}

/* Runs a cached statement that returns no rows. */
gboolean
liaison_hq_store_exec_cached (LiaisonHqStore  *self,
                              const char      *sql,
                              GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return liaison_hq_db_step_done (stmt, WRITE_FAILED, error);
}

gboolean
liaison_hq_store_exec (LiaisonHqStore  *self,
                       const char      *sql,
                       GError         **error)
{
  return is_open (self, error) && liaison_hq_db_exec (self->db, sql, WRITE_FAILED, error);
}

gboolean
liaison_hq_store_begin (LiaisonHqStore  *self,
                        GError         **error)
{
  return is_open (self, error) && liaison_hq_db_begin (self->db, WRITE_FAILED, error);
}

gboolean
liaison_hq_store_commit (LiaisonHqStore  *self,
                         GError         **error)
{
  return is_open (self, error) && liaison_hq_db_commit (self->db, WRITE_FAILED, error);
}

void
liaison_hq_store_rollback (LiaisonHqStore *self)
{
  if (self->db != NULL)
    liaison_hq_db_rollback (self->db);
}

/* DATA_DIR/database: the PostgreSQL database `init --database` made the
 * store in, so that every command given the data directory finds it. */
#define DATABASE_FILE LIAISON_HQ_STORE_DATABASE_FILE

/* Where the store is: @database, or $LIAISON_HQ_DATABASE, or (to open)
 * what DATA_DIR/database says; NULL for DATA_DIR/hq.db. */
static char *
database_of (const char *data_dir,
             const char *database,
             gboolean    create)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (database != NULL && *database != '\0')
    return g_strdup (database);
  if (g_getenv ("LIAISON_HQ_DATABASE") != NULL && *g_getenv ("LIAISON_HQ_DATABASE") != '\0')
    return g_strdup (g_getenv ("LIAISON_HQ_DATABASE"));
  path = g_build_filename (data_dir, DATABASE_FILE, NULL);
  if (create || !g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return g_strdup (g_strstrip (text));
}

char *
liaison_hq_store_shown_database (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD, NULL);

  return parsed != NULL ? g_uri_to_string_partial (parsed, G_URI_HIDE_PASSWORD) : g_strdup ("postgresql://…");
}

static gboolean
open_db (LiaisonHqStore  *self,
         const char      *path,
         const char      *database,
         gboolean         create,
         GError         **error)
{
  const char *failed = _("The headquarters database could not be opened");

  if (database != NULL)
    self->db = liaison_hq_db_open_postgresql (database, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                                              failed, error);
  else
    self->db = liaison_hq_db_open_sqlite (path, create, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                                          failed, error);
  return self->db != NULL;
}

/* Whether the PostgreSQL database already holds a store (its meta table). */
static gboolean
holds_store (LiaisonHqStore  *self,
             gboolean        *holds,
             GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema () AND table_name = 'meta'", error);
  LiaisonHqDbStep step;

  if (stmt == NULL)
    return FALSE;
  step = liaison_hq_stmt_step (stmt);
  *holds = step == LIAISON_HQ_DB_ROW;
  return step != LIAISON_HQ_DB_FAILED || liaison_hq_store_db_error (self, error, READ_FAILED);
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

  if (!liaison_hq_store_exec (self, sql, error))
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
  return liaison_hq_store_create_in (data_dir, NULL, error);
}

LiaisonHqStore *
liaison_hq_store_create_in (const char  *data_dir,
                            const char  *database,
                            GError     **error)
{
  g_autoptr(LiaisonHqStore) self = g_object_new (LIAISON_TYPE_HQ_STORE, NULL);
  g_autofree char *path = g_build_filename (data_dir, "hq.db", NULL);
  g_autofree char *location = database_of (data_dir, database, TRUE);
  g_autofree char *database_file = g_build_filename (data_dir, DATABASE_FILE, NULL);
  gboolean exists = FALSE;

  if (location != NULL && !liaison_hq_db_location_is_postgresql (location))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID,
                   _("“%s” is not a PostgreSQL database: give a postgresql:// address. Nothing was changed."),
                   location);
      return NULL;
    }
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                   _("Could not create the data directory “%s”: %s"), data_dir, g_strerror (saved));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (database_file, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_EXISTS,
                   _("“%s” already holds a headquarters database (%s). Nothing was changed."), data_dir,
                   g_file_test (path, G_FILE_TEST_EXISTS) ? path : database_file);
      return NULL;
    }

  self->data_dir = g_strdup (data_dir);
  self->database = g_strdup (location);
  self->server_id = g_uuid_string_random ();
  if (!open_db (self, path, location, TRUE, error))
    return NULL;
  if (location != NULL && (!holds_store (self, &exists, error) || exists))
    {
      g_autofree char *shown = liaison_hq_store_shown_database (location);

      if (exists)
        g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_EXISTS,
                     _("“%s” already holds a headquarters database. Nothing was changed."), shown);
      return NULL;
    }
  if (!liaison_hq_store_begin (self, error))
    return NULL;
  if (!liaison_hq_store_exec (self, schema, error) ||
      (location == NULL && !liaison_hq_store_exec (self, "PRAGMA user_version = 1", error)) ||
      !seed (self, error) ||
      !liaison_hq_store_commit (self, error) ||
      !liaison_hq_store_open_attachments (self, error) ||
      (location != NULL && !liaison_hq_store_write_database_file (data_dir, location, error)))
    {
      liaison_hq_store_rollback (self);
      if (location == NULL)
        {
          liaison_hq_store_close (self);
          g_unlink (path);
        }
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
liaison_hq_store_write_database_file (const char  *data_dir,
                                      const char  *uri,
                                      GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, DATABASE_FILE, NULL);

  return g_file_set_contents_full (path, uri, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

LiaisonHqStore *
liaison_hq_store_open (const char  *data_dir,
                       GError     **error)
{
  return liaison_hq_store_open_in (data_dir, NULL, error);
}

LiaisonHqStore *
liaison_hq_store_open_in (const char  *data_dir,
                          const char  *database,
                          GError     **error)
{
  g_autoptr(LiaisonHqStore) self = g_object_new (LIAISON_TYPE_HQ_STORE, NULL);
  g_autofree char *path = g_build_filename (data_dir, "hq.db", NULL);
  g_autofree char *location = database_of (data_dir, database, FALSE);
  g_autofree char *shown = location != NULL ? liaison_hq_store_shown_database (location) : g_strdup (path);
  g_autoptr(LiaisonHqStmt) stmt = NULL;
  gboolean exists = TRUE;

  if (location == NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NO_STORE,
                   _("There is no headquarters database in “%s”. Create one with “liaison-hq init --data-dir %s”."),
                   data_dir, data_dir);
      return NULL;
    }
  self->data_dir = g_strdup (data_dir);
  self->database = g_strdup (location);
  if (!open_db (self, path, location, FALSE, error) ||
      (location != NULL && !holds_store (self, &exists, error)))
    return NULL;
  if (!exists)
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NO_STORE,
                   _("There is no headquarters database in %s. Create one with “liaison-hq init --database”."),
                   shown);
      return NULL;
    }
  /* Databases made before the indexes get them once (under the write
   * lock, for servers starting at once on one PostgreSQL). */
  if (!liaison_hq_store_begin (self, error))
    return NULL;
  if (!liaison_hq_store_exec (self, FEED_INDEXES, error) || !liaison_hq_store_commit (self, error))
    {
      liaison_hq_store_rollback (self);
      return NULL;
    }
  stmt = liaison_hq_store_prepare (self, "SELECT value FROM meta WHERE key = 'server_id'", error);
  if (stmt == NULL)
    return NULL;
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NO_STORE,
                   _("“%s” is not a headquarters database."), shown);
      return NULL;
    }
  self->server_id = liaison_hq_stmt_dup_text (stmt, 0);
  g_clear_pointer (&stmt, liaison_hq_stmt_free);
  if (!liaison_hq_store_open_attachments (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
liaison_hq_store_describe (LiaisonHqStore *self)
{
  if (self->shown == NULL)
    self->shown = self->database != NULL ? liaison_hq_store_shown_database (self->database)
                                         : g_build_filename (self->data_dir, "hq.db", NULL);
  return self->shown;
}

const char *
liaison_hq_store_get_server_id (LiaisonHqStore *self)
{
  return self->server_id;
}

const char *
liaison_hq_store_get_data_dir (LiaisonHqStore *self)
{
  return self->data_dir;
}

void
liaison_hq_store_close (LiaisonHqStore *self)
{
  g_clear_pointer (&self->db, liaison_hq_db_free);
}
