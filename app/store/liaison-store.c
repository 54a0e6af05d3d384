/* liaison-store.c: the station's SQLite file: schema, migrations, queries. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-categories.h"
#include "liaison-loop-wire.h"
#include "liaison-reception-item.h"
#include "liaison-store-private.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-search.h"
#include "liaison-suggestion-item.h"
#include "liaison-validate.h"

struct _LiaisonStore
{
  GObject parent_instance;

  char       *path;
  LiaisonDb  *db;
  /* interned table names written by the open transaction */
  GPtrArray  *changed_tables;
};

G_DEFINE_FINAL_TYPE (LiaisonStore, liaison_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (liaison-store-error-quark, liaison_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Columns every synced record has (see docs/architecture.md). */
#define RECORD_COLUMNS                                              \
  "  id INTEGER PRIMARY KEY,\n"                                     \
  "  uuid TEXT NOT NULL UNIQUE,\n"                                  \
  "  version INTEGER NOT NULL DEFAULT 1,\n"                         \
  "  updated_at TEXT NOT NULL,\n"                                   \
  "  origin_station_uuid TEXT,\n"                                   \
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),\n" \
  "  sync_state INTEGER NOT NULL DEFAULT 1,\n"                      \
  "  sync_error TEXT,\n"

static const char migration_1[] =
  "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  "CREATE TABLE stations (\n" RECORD_COLUMNS
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('home', 'studio', 'station', 'point')),\n"
  "  district TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE deputy_groups (\n" RECORD_COLUMNS
  "  name TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE deputies (\n" RECORD_COLUMNS
  "  name TEXT NOT NULL,\n"
  "  level TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'county', 'township')),\n"
  "  group_id INTEGER REFERENCES deputy_groups (id),\n"
  "  station_id INTEGER REFERENCES stations (id),\n"
  "  specialty TEXT NOT NULL DEFAULT '',\n"
  "  phone TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX deputies_by_name ON deputies (name);\n"
  "CREATE TABLE categories (\n" RECORD_COLUMNS
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  name_zh TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE receptions (\n" RECORD_COLUMNS
  "  received_at TEXT NOT NULL,\n"
  "  station_id INTEGER NOT NULL REFERENCES stations (id),\n"
  "  channel TEXT NOT NULL CHECK (channel IN ('walk_in', 'phone', 'online', 'mobile_desk')),\n"
  "  category_id INTEGER NOT NULL REFERENCES categories (id),\n"
  "  summary TEXT NOT NULL,\n"
  "  handled_on_spot INTEGER NOT NULL DEFAULT 0,\n"
  "  handling TEXT NOT NULL DEFAULT '',\n"
  /* Visitors' names and communities, kept here for search and the list. */
  "  visitors_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX receptions_by_time ON receptions (received_at, id) WHERE deleted = 0;\n"
  "CREATE INDEX receptions_by_category ON receptions (category_id, received_at);\n"
  "CREATE INDEX receptions_by_sync_state ON receptions (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TABLE reception_visitors (\n"
  "  reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL DEFAULT '',\n"
  "  phone TEXT NOT NULL DEFAULT '',\n"
  "  community TEXT NOT NULL DEFAULT '',\n"
  "  party_size INTEGER NOT NULL DEFAULT 1 CHECK (party_size >= 1),\n"
  "  consent INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (reception_id, position)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE reception_deputies (\n"
  "  reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,\n"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id),\n"
  "  PRIMARY KEY (reception_id, deputy_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX reception_deputies_by_deputy ON reception_deputies (deputy_id, reception_id);\n"
  "CREATE TABLE suggestions (\n" RECORD_COLUMNS
  "  reception_id INTEGER REFERENCES receptions (id),\n"
  "  station_id INTEGER NOT NULL REFERENCES stations (id),\n"
  "  category_id INTEGER NOT NULL REFERENCES categories (id),\n"
  "  title TEXT NOT NULL,\n"
  "  content TEXT NOT NULL,\n"
  "  raised_by TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'registered',\n"
  "  created_at TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX suggestions_by_time ON suggestions (created_at, id) WHERE deleted = 0;\n"
  "CREATE INDEX suggestions_by_reception ON suggestions (reception_id);\n"
  /* Trigram full-text indexes, so that Chinese needs no word splitting. */
  "CREATE VIRTUAL TABLE reception_search USING fts5 (\n"
  "  summary, handling, visitors_text,\n"
  "  content = 'receptions', content_rowid = 'id', tokenize = 'trigram');\n"
  "CREATE TRIGGER receptions_search_insert AFTER INSERT ON receptions BEGIN\n"
  "  INSERT INTO reception_search (rowid, summary, handling, visitors_text)\n"
  "    VALUES (new.id, new.summary, new.handling, new.visitors_text);\n"
  "END;\n"
  "CREATE TRIGGER receptions_search_delete AFTER DELETE ON receptions BEGIN\n"
  "  INSERT INTO reception_search (reception_search, rowid, summary, handling, visitors_text)\n"
  "    VALUES ('delete', old.id, old.summary, old.handling, old.visitors_text);\n"
  "END;\n"
  "CREATE TRIGGER receptions_search_update AFTER UPDATE OF summary, handling, visitors_text ON receptions BEGIN\n"
  "  INSERT INTO reception_search (reception_search, rowid, summary, handling, visitors_text)\n"
  "    VALUES ('delete', old.id, old.summary, old.handling, old.visitors_text);\n"
  "  INSERT INTO reception_search (rowid, summary, handling, visitors_text)\n"
  "    VALUES (new.id, new.summary, new.handling, new.visitors_text);\n"
  "END;\n"
  "CREATE VIRTUAL TABLE suggestion_search USING fts5 (\n"
  "  title, content, raised_by,\n"
  "  content = 'suggestions', content_rowid = 'id', tokenize = 'trigram');\n"
  "CREATE TRIGGER suggestions_search_insert AFTER INSERT ON suggestions BEGIN\n"
  "  INSERT INTO suggestion_search (rowid, title, content, raised_by)\n"
  "    VALUES (new.id, new.title, new.content, new.raised_by);\n"
  "END;\n"
  "CREATE TRIGGER suggestions_search_delete AFTER DELETE ON suggestions BEGIN\n"
  "  INSERT INTO suggestion_search (suggestion_search, rowid, title, content, raised_by)\n"
  "    VALUES ('delete', old.id, old.title, old.content, old.raised_by);\n"
  "END;\n"
  "CREATE TRIGGER suggestions_search_update AFTER UPDATE OF title, content, raised_by ON suggestions BEGIN\n"
  "  INSERT INTO suggestion_search (suggestion_search, rowid, title, content, raised_by)\n"
  "    VALUES ('delete', old.id, old.title, old.content, old.raised_by);\n"
  "  INSERT INTO suggestion_search (rowid, title, content, raised_by)\n"
  "    VALUES (new.id, new.title, new.content, new.raised_by);\n"
  "END;\n";

/* Tombstones leave the search index, and a counter kept by triggers holds
 * the number of live receptions: the list's first page and a search then
 * count without reading a million rows. */
static const char migration_2[] =
  "DROP TRIGGER receptions_search_insert;\n"
  "DROP TRIGGER receptions_search_delete;\n"
  "DROP TRIGGER receptions_search_update;\n"
  "INSERT INTO reception_search (reception_search, rowid, summary, handling, visitors_text)\n"
  "  SELECT 'delete', id, summary, handling, visitors_text FROM receptions WHERE deleted = 1;\n"
  "CREATE TRIGGER receptions_search_insert AFTER INSERT ON receptions WHEN new.deleted = 0 BEGIN\n"
  "  INSERT INTO reception_search (rowid, summary, handling, visitors_text)\n"
  "    VALUES (new.id, new.summary, new.handling, new.visitors_text);\n"
  "END;\n"
  "CREATE TRIGGER receptions_search_delete AFTER DELETE ON receptions WHEN old.deleted = 0 BEGIN\n"
  "  INSERT INTO reception_search (reception_search, rowid, summary, handling, visitors_text)\n"
  "    VALUES ('delete', old.id, old.summary, old.handling, old.visitors_text);\n"
  "END;\n"
  "CREATE TRIGGER receptions_search_update\n"
  "  AFTER UPDATE OF summary, handling, visitors_text, deleted ON receptions BEGIN\n"
  "  INSERT INTO reception_search (reception_search, rowid, summary, handling, visitors_text)\n"
  "    SELECT 'delete', old.id, old.summary, old.handling, old.visitors_text WHERE old.deleted = 0;\n"
  "  INSERT INTO reception_search (rowid, summary, handling, visitors_text)\n"
  "    SELECT new.id, new.summary, new.handling, new.visitors_text WHERE new.deleted = 0;\n"
  "END;\n"
  "CREATE TABLE reception_totals (id INTEGER PRIMARY KEY CHECK (id = 1), live INTEGER NOT NULL);\n"
  "INSERT INTO reception_totals (id, live) SELECT 1, count(*) FROM receptions WHERE deleted = 0;\n"
  "CREATE TRIGGER receptions_total_insert AFTER INSERT ON receptions WHEN new.deleted = 0 BEGIN\n"
  "  UPDATE reception_totals SET live = live + 1;\n"
  "END;\n"
  "CREATE TRIGGER receptions_total_delete AFTER DELETE ON receptions WHEN old.deleted = 0 BEGIN\n"
  "  UPDATE reception_totals SET live = live - 1;\n"
  "END;\n"
  "CREATE TRIGGER receptions_total_update AFTER UPDATE OF deleted ON receptions\n"
  "  WHEN old.deleted <> new.deleted BEGIN\n"
  "  UPDATE reception_totals SET live = live + old.deleted - new.deleted;\n"
  "END;\n";

/* Sync (docs/sync-protocol.md): the version the server last acknowledged
 * on every synced table (seeded categories are the server's too), handling
 * units, the conflict log, and an index of the suggestions waiting to be
 * pushed. */
static const char migration_3[] =
  "ALTER TABLE stations ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE deputy_groups ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE deputies ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE categories ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE receptions ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE suggestions ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE categories SET server_version = version WHERE sync_state = 0;\n"
  "CREATE TABLE units (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('government', 'department', 'supervision', 'court',"
  " 'procuratorate', 'other'))\n"
  ");\n"
  "CREATE INDEX suggestions_by_sync_state ON suggestions (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TABLE sync_conflicts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  local_version INTEGER NOT NULL,\n"
  "  server_version INTEGER NOT NULL,\n"
  "  local_json TEXT NOT NULL,\n"
  "  server_json TEXT NOT NULL,\n"
  "  rule TEXT NOT NULL,\n"
  "  created_at TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX sync_conflicts_by_record ON sync_conflicts (kind, uuid, id);\n";

/* The closed loop (docs/closed-loop.md): a suggestion's kind and filer,
 * the loop's cached columns (rewritten from the replay of the events
 * whenever one is added, never edited on their own), the insert-only
 * event table, and headquarters' rules (holidays, time limits). */
static const char migration_4[] =
  "ALTER TABLE suggestions ADD COLUMN kind TEXT NOT NULL DEFAULT 'public_opinion'"
  " CHECK (kind IN ('public_opinion', 'deputy_suggestion'));\n"
  "ALTER TABLE suggestions ADD COLUMN deputy_id INTEGER REFERENCES deputies (id);\n"
  /* The co-signing deputies' uuids, as a JSON array. */
  "ALTER TABLE suggestions ADD COLUMN co_signers TEXT NOT NULL DEFAULT '[]';\n"
  "ALTER TABLE suggestions ADD COLUMN loop_round INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE suggestions ADD COLUMN due_date TEXT;\n"
  "ALTER TABLE suggestions ADD COLUMN key_supervision INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE suggestions ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE suggestions ADD COLUMN taken_up_by_id INTEGER REFERENCES deputies (id);\n"
  "ALTER TABLE suggestions ADD COLUMN reply_unseen INTEGER NOT NULL DEFAULT 0;\n"
  /* More of the cache, for the figures (docs/closed-loop.md): the local
   * date of the register move, the latest rating's code (NULL: never
   * rated), the replies over all rounds and those after their round's due
   * date. Rows from before the loop have no events; their day is read the
   * way SQLite reads local time, which is the C library's, as GLib's. */
  "ALTER TABLE suggestions ADD COLUMN registered_on TEXT;\n"
  "ALTER TABLE suggestions ADD COLUMN last_rating TEXT;\n"
  "ALTER TABLE suggestions ADD COLUMN n_replies INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE suggestions ADD COLUMN n_late_replies INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE suggestions SET registered_on = date (created_at, 'localtime');\n"
  "CREATE INDEX suggestions_by_deputy ON suggestions (deputy_id) WHERE deputy_id IS NOT NULL;\n"
  /* The figures count the groups of this index in its order, with no
   * sort (liaison_store_compute_figures). Its "registered_on IS NOT NULL"
   * keeps it for queries on a period: a list that tests status alone would
   * take it and read the rows of every status it names. Here and below,
   * the columns after the key are those the query tests: SQLite 3.40 reads
   * them from the row, even when the index's WHERE settles them, unless
   * the index holds them too. */
  "CREATE INDEX suggestions_for_figures ON suggestions (status, last_rating, key_supervision,"
  " n_replies, n_late_replies, registered_on, deleted) WHERE deleted = 0 AND registered_on IS NOT NULL;\n"
  /* One index per follow-up list (liaison-store-loop.c), its WHERE the
   * list's own words, so that a page and its count read only the list's
   * rows, in the list's order. */
  "CREATE INDEX suggestions_to_refer ON suggestions (created_at, id, deleted, status, kind) WHERE deleted = 0"
  " AND status IN ('taken_up', 'registered') AND (status = 'taken_up' OR kind = 'deputy_suggestion');\n"
  "CREATE INDEX suggestions_awaiting_reply ON suggestions (due_date, id, deleted, status, registered_on) WHERE deleted = 0"
  " AND status IN ('referred', 'in_progress');\n"
  "CREATE INDEX suggestions_under_key_supervision ON suggestions (created_at, id, deleted, key_supervision, status) WHERE deleted = 0"
  " AND key_supervision = 1 AND status NOT IN ('none', 'closed', 'withdrawn');\n"
  "CREATE INDEX suggestions_rated_unsatisfied ON suggestions (created_at, id, deleted, last_rating, status) WHERE deleted = 0"
  " AND last_rating = 'unsatisfied' AND status NOT IN ('none', 'closed', 'withdrawn');\n"
  "CREATE INDEX suggestions_to_take_up ON suggestions (created_at, id, deleted, status, kind) WHERE deleted = 0"
  " AND status = 'registered' AND kind = 'public_opinion';\n"
  "CREATE INDEX suggestions_to_tell_citizen ON suggestions (created_at, id, deleted, status, kind) WHERE deleted = 0"
  " AND status IN ('replied', 'answered_on_spot') AND kind = 'public_opinion';\n"
  "CREATE INDEX suggestions_by_taker ON suggestions (taken_up_by_id, created_at, id, deleted, status) WHERE deleted = 0"
  " AND taken_up_by_id IS NOT NULL AND status NOT IN ('closed', 'withdrawn');\n"
  "CREATE INDEX suggestions_of_deputies ON suggestions (deputy_id, created_at, id) WHERE deleted = 0"
  " AND kind = 'deputy_suggestion';\n"
  /* The station's badge (liaison_store_count_unseen_replies), counted at
   * every change: only the few suggestions with a reply nobody has opened
   * yet are read, not the table. */
  "CREATE INDEX suggestions_reply_unseen ON suggestions (id) WHERE reply_unseen = 1;\n"
  /* Who co-signed what, kept from co_signers by triggers whoever writes
   * the row (a save, a pull), so that "filed by" is an index lookup. */
  "CREATE TABLE suggestion_co_signers (\n"
  "  deputy_uuid TEXT NOT NULL,\n"
  "  suggestion_id INTEGER NOT NULL,\n"
  "  PRIMARY KEY (deputy_uuid, suggestion_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX suggestion_co_signers_by_suggestion ON suggestion_co_signers (suggestion_id);\n"
  "CREATE TRIGGER suggestions_co_signers_insert AFTER INSERT ON suggestions"
  " WHEN new.co_signers <> '[]' BEGIN\n"
  "  INSERT OR IGNORE INTO suggestion_co_signers (deputy_uuid, suggestion_id)\n"
  "    SELECT value, new.id FROM json_each (CASE WHEN json_valid (new.co_signers) THEN new.co_signers ELSE '[]' END)\n"
  "    WHERE type = 'text';\n"
  "END;\n"
  "CREATE TRIGGER suggestions_co_signers_update AFTER UPDATE OF co_signers ON suggestions"
  " WHEN new.co_signers IS NOT old.co_signers BEGIN\n"
  "  DELETE FROM suggestion_co_signers WHERE suggestion_id = old.id;\n"
  "  INSERT OR IGNORE INTO suggestion_co_signers (deputy_uuid, suggestion_id)\n"
  "    SELECT value, new.id FROM json_each (CASE WHEN json_valid (new.co_signers) THEN new.co_signers ELSE '[]' END)\n"
  "    WHERE type = 'text';\n"
  "END;\n"
  "CREATE TRIGGER suggestions_co_signers_delete AFTER DELETE ON suggestions"
  " WHEN old.co_signers <> '[]' BEGIN\n"
  "  DELETE FROM suggestion_co_signers WHERE suggestion_id = old.id;\n"
  "END;\n"
  "CREATE TABLE suggestion_events (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  uuid TEXT NOT NULL UNIQUE,\n"
  "  suggestion_uuid TEXT NOT NULL,\n"
  "  move TEXT NOT NULL,\n"
  "  role TEXT NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  /* liaison_loop_event_to_json(), as canonical JSON: the wire's data. */
  "  data TEXT NOT NULL,\n"
  "  origin_station_uuid TEXT,\n"
  "  sync_state INTEGER NOT NULL DEFAULT 1,\n"
  "  sync_error TEXT,\n"
  "  server_version INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX suggestion_events_by_suggestion ON suggestion_events (suggestion_uuid, at, uuid);\n"
  "CREATE INDEX suggestion_events_by_sync_state ON suggestion_events (sync_state) WHERE sync_state <> 0;\n"
  /* Events are kept forever as recorded; only their sync bookkeeping moves. */
  "CREATE TRIGGER suggestion_events_never_changed\n"
  "  BEFORE UPDATE OF uuid, suggestion_uuid, move, role, at, data ON suggestion_events BEGIN\n"
  "  SELECT RAISE (ABORT, 'suggestion events are never changed');\n"
  "END;\n"
  "CREATE TRIGGER suggestion_events_never_deleted BEFORE DELETE ON suggestion_events BEGIN\n"
  "  SELECT RAISE (ABORT, 'suggestion events are never deleted');\n"
  "END;\n"
  /* One row, uuid LIAISON_LOOP_RULES_UUID; data is liaison_loop_rules_to_json(). */
  "CREATE TABLE loop_rules (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  data TEXT NOT NULL\n"
  ");\n";

/* Reply attachments (app/liaison-store-attachments.h): the files here, and
 * the files the moves list, kept from every inserted reply by a trigger
 * so that "what to fetch" is one anti-join; and the key supervision
 * list's order. */
static const char migration_5[] =
  "CREATE TABLE attachments (\n"
  "  sha256 TEXT PRIMARY KEY,\n"
  "  size INTEGER NOT NULL,\n"
  "  added_at TEXT NOT NULL,\n"
  "  at_server INTEGER NOT NULL DEFAULT 0\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX attachments_to_send ON attachments (sha256) WHERE at_server = 0;\n"
  "CREATE TABLE attachment_refs (\n"
  "  sha256 TEXT NOT NULL,\n"
  "  event_uuid TEXT NOT NULL,\n"
  "  PRIMARY KEY (sha256, event_uuid)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TRIGGER suggestion_events_attachments AFTER INSERT ON suggestion_events"
  " WHEN new.move = 'reply' BEGIN\n"
  "  INSERT OR IGNORE INTO attachment_refs (sha256, event_uuid)\n"
  "    SELECT value, new.uuid FROM json_each (new.data, '$.attachments') WHERE type = 'text';\n"
  "END;\n"
  "INSERT OR IGNORE INTO attachment_refs (sha256, event_uuid)\n"
  "  SELECT j.value, e.uuid FROM suggestion_events e, json_each (e.data, '$.attachments') j\n"
  "  WHERE e.move = 'reply' AND j.type = 'text';\n"
  /* Key supervision lists what awaits a reply first, soonest due first
   * (liaison-store-loop.c): the page walks this in that order. */
  "CREATE INDEX suggestions_key_supervision_by_due ON suggestions"
  " (due_date IS NULL, due_date, created_at DESC, id DESC)"
  " WHERE deleted = 0 AND key_supervision = 1 AND status NOT IN ('none', 'closed', 'withdrawn');\n";

/* Headquarters' station filter on the receptions page: its count and its
 * newest-first pages read one station's rows from the index alone (with
 * "deleted" in it: SQLite 3.40 would read it from the row otherwise). */
static const char migration_6[] =
  "CREATE INDEX receptions_by_station ON receptions (station_id, received_at, id, deleted) WHERE deleted = 0;\n";

/* The migrations, in order: migrations[i] takes user_version i to i + 1. */
static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  liaison_store_search_migration,
  liaison_store_quarantine_migration,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIAISON_STORE_SCHEMA_VERSION);

char *
liaison_store_now_utc (void)
{
  return liaison_db_now_utc ();
}

sqlite3 *
liaison_store_get_handle (LiaisonStore *self)
{
  return liaison_db_get_handle (self->db);
}

void
liaison_store_set_error (LiaisonStore  *self,
                         GError       **error,
                         const char    *what)
{
  liaison_db_set_error (self->db, error, what);
}

gboolean
liaison_store_step_done (LiaisonStore  *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  return liaison_db_step_done (self->db, stmt, what, error);
}

guint
liaison_store_step_count (LiaisonStore  *self,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  return liaison_db_step_count (self->db, stmt, what, error);
}

sqlite3_stmt *
liaison_store_prepare (LiaisonStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = liaison_db_prepare (self->db, sql, _("The database could not prepare a query"), error);

  if (stmt == NULL)
    g_critical ("Bad SQL: %s: %s", sqlite3_errmsg (liaison_db_get_handle (self->db)), sql);
  return stmt;
}

GPtrArray *
liaison_store_collect_rows (LiaisonStore      *self,
                            sqlite3_stmt      *stmt,
                            LiaisonRowReader   read,
                            GDestroyNotify     free_func,
                            const char        *failed,
                            GError           **error)
{
  return liaison_db_collect_rows (self->db, stmt, read, free_func, failed, error);
}

void
liaison_store_emit_changed (LiaisonStore *self,
                            const char   *table)
{
  const char *interned = g_intern_string (table);

  /* Inside a transaction, models would read half a change: the outermost
   * commit tells them instead. */
  if (!liaison_db_in_transaction (self->db))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (interned), interned);
  else if (!g_ptr_array_find (self->changed_tables, interned, NULL))
    g_ptr_array_add (self->changed_tables, (gpointer) interned);
}

gboolean
liaison_store_exec (LiaisonStore  *self,
                    const char    *sql,
                    GError       **error)
{
  return liaison_db_exec (self->db, sql, NULL, error);
}

gint64
liaison_store_query_int (LiaisonStore  *self,
                         const char    *sql,
                         GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);
  gint64 value;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, _("The database could not answer a query"));
      sqlite3_reset (stmt);
      return -1;
    }
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
liaison_store_begin (LiaisonStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  return liaison_db_begin (self->db, NULL, error);
}

gboolean
liaison_store_commit (LiaisonStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (liaison_db_in_transaction (self->db), FALSE);

  if (!liaison_db_commit (self->db, NULL, error))
    {
      g_ptr_array_set_size (self->changed_tables, 0);
      return FALSE;
    }
  if (liaison_db_in_transaction (self->db))
    return TRUE;
  {
    g_autoptr(GPtrArray) tables = g_steal_pointer (&self->changed_tables);

    self->changed_tables = g_ptr_array_new ();
    for (guint i = 0; i < tables->len; i++)
      liaison_store_emit_changed (self, g_ptr_array_index (tables, i));
  }
  return TRUE;
}

void
liaison_store_rollback (LiaisonStore *self)
{
  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail (liaison_db_in_transaction (self->db));

  liaison_db_rollback (self->db);
  if (!liaison_db_in_transaction (self->db))
    g_ptr_array_set_size (self->changed_tables, 0);
}

/* Compares by the user's locale, so that zh_CN sorts names by pinyin. */
static int
locale_collate (void       *user_data,
                int         a_length,
                const void *a,
                int         b_length,
                const void *b)
{
  g_autofree char *a_text = g_strndup (a, a_length);
  g_autofree char *b_text = g_strndup (b, b_length);

  return g_utf8_collate (a_text, b_text);
}

static gboolean
seed_categories (LiaisonStore  *self,
                 GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  guint n_category_seeds;
  const LiaisonCategorySeed *category_seeds = liaison_category_seeds (&n_category_seeds);

  for (guint i = 0; i < n_category_seeds; i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (self,
        "INSERT INTO categories (uuid, updated_at, sync_state, code, name, name_zh, position)"
        " VALUES (?, ?, 0, ?, ?, ?, ?)", error);
      /* Fixed UUIDs, so that every station and headquarters agree. */
      g_autofree char *uuid = liaison_category_seed_uuid (i);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, category_seeds[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, category_seeds[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, category_seeds[i].name_zh, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          liaison_store_set_error (self, error, _("Could not add the categories"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate (LiaisonStore  *self,
         GError       **error)
{
  int version = liaison_store_get_schema_version (self);

  if (version > LIAISON_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Liaison (database version %d; this program knows up to %d). Update Liaison to open it."),
                   self->path, version, LIAISON_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == LIAISON_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!liaison_store_begin (self, error))
    return FALSE;

  for (int i = version; i < LIAISON_STORE_SCHEMA_VERSION; i++)
    {
      g_autofree char *set_version = NULL;

      if (!liaison_store_exec (self, migrations[i], error))
        goto failed;
      if (i == 0 && !seed_categories (self, error))
        goto failed;
      set_version = g_strdup_printf ("PRAGMA user_version = %d", i + 1);
      if (!liaison_store_exec (self, set_version, error))
        goto failed;
    }

  return liaison_store_commit (self, error);

failed:
  liaison_store_rollback (self);
  g_prefix_error (error, _("Could not upgrade the database: "));
  return FALSE;
}

int
liaison_store_get_schema_version (LiaisonStore *self)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), -1);
  return (int) liaison_store_query_int (self, "PRAGMA user_version", NULL);
}

char *
liaison_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "station.db", NULL);
}

static gboolean
check_readable_version (LiaisonStore  *self,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (liaison_db_get_handle (self->db), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version < 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("“%s” is not a Liaison database: %s"), self->path,
                   sqlite3_errmsg (liaison_db_get_handle (self->db)));
      return FALSE;
    }
  if (version > LIAISON_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Liaison (database version %d; this program knows up to %d). Update Liaison to open it."),
                   self->path, version, LIAISON_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

LiaisonStore *
liaison_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(LiaisonStore) self = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (LIAISON_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (liaison_db_open (self->db, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != SQLITE_OK)
    {
      handle = liaison_db_get_handle (self->db);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path,
                   handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      return NULL;
    }

  handle = liaison_db_get_handle (self->db);
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  sqlite3_create_collation_v2 (handle, "LOCALE", SQLITE_UTF8, NULL, locale_collate, NULL);

  /* Switching to WAL rewrites the header: a file this program cannot use
   * (not a database, or a newer Liaison's) must be refused before that. */
  if (!check_readable_version (self, error))
    return NULL;

  /* WAL keeps readers and the writer apart; synchronous=FULL makes each
   * commit survive a power cut, not only a crash. */
  if (!liaison_store_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !liaison_store_exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !liaison_store_exec (self, "PRAGMA foreign_keys = ON", &local_error))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("“%s” is not a Liaison database: %s"), path, local_error->message);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
liaison_store_get_path (LiaisonStore *self)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return self->path;
}

static void
liaison_store_finalize (GObject *object)
{
  LiaisonStore *self = LIAISON_STORE (object);

  g_clear_pointer (&self->db, liaison_db_free);
  g_clear_pointer (&self->changed_tables, g_ptr_array_unref);
  g_free (self->path);

  G_OBJECT_CLASS (liaison_store_parent_class)->finalize (object);
}

static void
liaison_store_class_init (LiaisonStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_store_finalize;

  /**
   * LiaisonStore::changed:
   * @table: the table written
   *
   * Emitted once per table after a write is committed. The detail is the
   * table name.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
liaison_store_init (LiaisonStore *self)
{
  self->db = liaison_db_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED);
  self->changed_tables = g_ptr_array_new ();
}

/* Binding and reading helpers */

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
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

char *
liaison_store_get_setting (LiaisonStore *self,
                           const char   *key)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = liaison_db_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
liaison_store_set_setting (LiaisonStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = liaison_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = liaison_store_prepare (self,
      "INSERT INTO settings (key, value) VALUES (?1, ?2)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a setting"), error);
}

void
liaison_store_read_record_meta (sqlite3_stmt      *stmt,
                                int                column,
                                LiaisonRecordMeta *meta)
{
  meta->id = sqlite3_column_int64 (stmt, column);
  meta->uuid = liaison_db_column_text (stmt, column + 1);
  meta->version = sqlite3_column_int64 (stmt, column + 2);
  meta->updated_at = liaison_db_column_text (stmt, column + 3);
  meta->origin_station_uuid = liaison_db_column_text (stmt, column + 4);
  meta->deleted = sqlite3_column_int (stmt, column + 5) != 0;
  meta->sync_state = sqlite3_column_int (stmt, column + 6);
  meta->sync_error = liaison_db_column_text (stmt, column + 7);
}

/* A new record's meta: a fresh UUID, version 1, from this station. */
static void
prepare_new_meta (LiaisonStore      *self,
                  LiaisonRecordMeta *meta)
{
  if (meta->uuid == NULL)
    meta->uuid = g_uuid_string_random ();
  meta->version = 1;
  g_free (meta->updated_at);
  meta->updated_at = liaison_store_now_utc ();
  if (meta->origin_station_uuid == NULL)
    meta->origin_station_uuid = liaison_store_get_setting (self, "station_uuid");
  meta->sync_state = LIAISON_SYNC_STATE_PENDING;
}

static void
prepare_edited_meta (LiaisonRecordMeta *meta)
{
  meta->version++;
  g_free (meta->updated_at);
  meta->updated_at = liaison_store_now_utc ();
  meta->sync_state = LIAISON_SYNC_STATE_PENDING;
  g_clear_pointer (&meta->sync_error, g_free);
}

/* Starts writing a record: a new one (id 0) gets its meta and @insert_sql,
 * an existing one a new version and @update_sql. Both statements take the
 * meta as ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, ?5 sync_state; the
 * caller binds its own columns after them, and the id for an update. */
static sqlite3_stmt *
begin_record_write (LiaisonStore       *self,
                    LiaisonRecordMeta  *meta,
                    const char         *insert_sql,
                    const char         *update_sql,
                    GError            **error)
{
  gboolean is_new = meta->id == 0;
  sqlite3_stmt *stmt;

  if (is_new)
    prepare_new_meta (self, meta);
  else
    prepare_edited_meta (meta);
  stmt = liaison_store_prepare (self, is_new ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, meta->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, meta->version);
  sqlite3_bind_text (stmt, 3, meta->updated_at, -1, SQLITE_TRANSIENT);
  if (meta->origin_station_uuid != NULL)
    sqlite3_bind_text (stmt, 4, meta->origin_station_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, meta->sync_state);
  return stmt;
}

/* Runs the write begun above. A new record learns its id; an update must
 * have found its live row, or the record was deleted meanwhile (@gone). A
 * broken reference is reported as @bad_reference when given. */
static gboolean
end_record_write (LiaisonStore       *self,
                  sqlite3_stmt       *stmt,
                  LiaisonRecordMeta  *meta,
                  gboolean            is_new,
                  const char         *failed,
                  const char         *gone,
                  const char         *bad_reference,
                  GError            **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (bad_reference != NULL && sqlite3_extended_errcode (liaison_db_get_handle (self->db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, bad_reference);
      else
        liaison_store_set_error (self, error, failed);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (is_new)
    meta->id = sqlite3_last_insert_rowid (liaison_db_get_handle (self->db));
  else if (sqlite3_changes (liaison_db_get_handle (self->db)) != 1)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  return TRUE;
}

/* Stations */

static gpointer
read_station (sqlite3_stmt *stmt)
{
  LiaisonStation *station = liaison_station_new ();

  liaison_store_read_record_meta (stmt, 0, &station->meta);
  station->name = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  liaison_station_kind_from_code ((const char *) sqlite3_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 1),
                                  &station->kind);
  station->district = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 2);
  return station;
}

#define STATION_SELECT "SELECT " LIAISON_RECORD_SELECT ("s") ", s.name, s.kind, s.district FROM stations s"

LiaisonStation *
liaison_store_get_local_station (LiaisonStore *self)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  LiaisonStation *station = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  uuid = liaison_store_get_setting (self, "station_uuid");
  if (uuid == NULL)
    return NULL;
  stmt = liaison_store_prepare (self, STATION_SELECT " WHERE s.uuid = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    station = read_station (stmt);
  sqlite3_reset (stmt);
  return station;
}

gboolean
liaison_store_save_station (LiaisonStore    *self,
                            LiaisonStation  *station,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean is_new = station->meta.id == 0;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (station->name == NULL || *g_strstrip (station->name) == '\0')
    {
      g_set_error_literal (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                           _("Enter the station’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (station->name, -1) > LIAISON_MAX_TITLE_CHARS)
    {
      g_set_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                   _("A station’s name may be at most %d characters long."), LIAISON_MAX_TITLE_CHARS);
      return FALSE;
    }

  stmt = begin_record_write (self, &station->meta,
    "INSERT INTO stations (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " name, kind, district) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "UPDATE stations SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " name = ?6, kind = ?7, district = ?8 WHERE id = ?9 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 6, station->name);
  sqlite3_bind_text (stmt, 7, liaison_station_kind_to_code (station->kind), -1, SQLITE_STATIC);
  bind_text (stmt, 8, station->district);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 9, station->meta.id);
  if (!end_record_write (self, stmt, &station->meta, is_new, _("Could not save the station"),
                         _("The station was deleted meanwhile; it was not saved."), NULL, error))
    return FALSE;
  liaison_store_emit_changed (self, "stations");
  return TRUE;
}

gboolean
liaison_store_set_local_station (LiaisonStore        *self,
                                 const char          *name,
                                 LiaisonStationKind   kind,
                                 const char          *district,
                                 GError             **error)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self);

  if (!liaison_store_begin (self, error))
    return FALSE;

  if (station == NULL)
    {
      station = liaison_station_new ();
      station->meta.uuid = g_uuid_string_random ();
      /* A station is its own origin. */
      station->meta.origin_station_uuid = g_strdup (station->meta.uuid);
    }
  g_free (station->name);
  station->name = g_strdup (name);
  station->kind = kind;
  g_free (station->district);
  station->district = g_strdup (district);

  if (!liaison_store_save_station (self, station, error) ||
      !liaison_store_set_setting (self, "station_uuid", station->meta.uuid, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  return liaison_store_commit (self, error);
}

GPtrArray *
liaison_store_list_stations (LiaisonStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    STATION_SELECT " WHERE s.deleted = 0 ORDER BY s.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) read_station, (GDestroyNotify) liaison_station_free,
                                     _("Could not read the stations"), error);
}

/* Deputy groups */

gboolean
liaison_store_save_deputy_group (LiaisonStore        *self,
                                 LiaisonDeputyGroup  *group,
                                 GError             **error)
{
  gboolean is_new = group->meta.id == 0;
  sqlite3_stmt *stmt;

  if (group->name == NULL || *g_strstrip (group->name) == '\0')
    {
      g_set_error_literal (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                           _("Enter the group’s name."));
      return FALSE;
    }

  stmt = begin_record_write (self, &group->meta,
    "INSERT INTO deputy_groups (uuid, version, updated_at, origin_station_uuid, sync_state, name)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "UPDATE deputy_groups SET version = ?2, updated_at = ?3, sync_state = ?5,"
    " sync_error = NULL, name = ?6 WHERE id = ?7 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 6, group->name);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 7, group->meta.id);
  if (!end_record_write (self, stmt, &group->meta, is_new, _("Could not save the deputy group"),
                         _("The deputy group was deleted meanwhile; it was not saved."), NULL, error))
    return FALSE;
  liaison_store_emit_changed (self, "deputy_groups");
  return TRUE;
}

static gpointer
read_deputy_group (sqlite3_stmt *stmt)
{
  LiaisonDeputyGroup *group = liaison_deputy_group_new ();

  liaison_store_read_record_meta (stmt, 0, &group->meta);
  group->name = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  return group;
}

GPtrArray *
liaison_store_list_deputy_groups (LiaisonStore  *self,
                                  GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT " LIAISON_RECORD_SELECT ("g") ", g.name FROM deputy_groups g"
    " WHERE g.deleted = 0 ORDER BY g.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, read_deputy_group, (GDestroyNotify) liaison_deputy_group_free,
                                     _("Could not read the deputy groups"), error);
}

gint64
liaison_store_ensure_deputy_group (LiaisonStore  *self,
                                   const char    *name,
                                   GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id FROM deputy_groups WHERE name = ? AND deleted = 0 LIMIT 1", error);
  g_autoptr(LiaisonDeputyGroup) group = NULL;
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  group = liaison_deputy_group_new ();
  group->name = g_strdup (name);
  if (!liaison_store_save_deputy_group (self, group, error))
    return 0;
  return group->meta.id;
}

/* Deputies */

#define DEPUTY_SELECT                                                          \
  "SELECT " LIAISON_RECORD_SELECT ("d") ", d.name, d.level, d.group_id, d.station_id," \
  " d.specialty, d.phone, g.name, s.name FROM deputies d"                      \
  " LEFT JOIN deputy_groups g ON g.id = d.group_id"                            \
  " LEFT JOIN stations s ON s.id = d.station_id"

static gpointer
read_deputy (sqlite3_stmt *stmt)
{
  LiaisonDeputy *deputy = liaison_deputy_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &deputy->meta);
  deputy->name = liaison_db_column_text (stmt, c);
  liaison_deputy_level_from_code ((const char *) sqlite3_column_text (stmt, c + 1), &deputy->level);
  deputy->group_id = sqlite3_column_int64 (stmt, c + 2);
  deputy->station_id = sqlite3_column_int64 (stmt, c + 3);
  deputy->specialty = liaison_db_column_text (stmt, c + 4);
  deputy->phone = liaison_db_column_text (stmt, c + 5);
  deputy->group_name = liaison_db_column_text (stmt, c + 6);
  deputy->station_name = liaison_db_column_text (stmt, c + 7);
  return deputy;
}

gboolean
liaison_store_save_deputy (LiaisonStore   *self,
                           LiaisonDeputy  *deputy,
                           GError        **error)
{
  g_autoptr(GPtrArray) problems = liaison_deputy_check (deputy);
  gboolean is_new = deputy->meta.id == 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_field_errors_to_error (problems, error))
    return FALSE;

  stmt = begin_record_write (self, &deputy->meta,
    "INSERT INTO deputies (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " name, level, group_id, station_id, specialty, phone)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    "UPDATE deputies SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " name = ?6, level = ?7, group_id = ?8, station_id = ?9, specialty = ?10, phone = ?11"
    " WHERE id = ?12 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 6, g_strstrip (deputy->name));
  sqlite3_bind_text (stmt, 7, liaison_deputy_level_to_code (deputy->level), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 8, deputy->group_id);
  bind_id_or_null (stmt, 9, deputy->station_id);
  bind_text (stmt, 10, deputy->specialty);
  bind_text (stmt, 11, deputy->phone);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 12, deputy->meta.id);
  if (!end_record_write (self, stmt, &deputy->meta, is_new, _("Could not save the deputy"),
                         _("The deputy was removed from the roster meanwhile; the changes were not saved."),
                         _("The deputy’s group or station does not exist."), error))
    return FALSE;
  liaison_store_emit_changed (self, "deputies");
  return TRUE;
}

LiaisonDeputy *
liaison_store_get_deputy (LiaisonStore  *self,
                          gint64         id,
                          GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, DEPUTY_SELECT " WHERE d.id = ?", error);
  LiaisonDeputy *deputy = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    deputy = read_deputy (stmt);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _("There is no deputy number %lld."), (long long) id);
  sqlite3_reset (stmt);
  return deputy;
}

char *
liaison_store_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
liaison_store_list_deputies (LiaisonStore  *self,
                             const char    *search,
                             GError       **error)
{
  gboolean searching = search != NULL && *search != '\0';
  sqlite3_stmt *stmt = liaison_store_prepare (self, searching
    ? DEPUTY_SELECT " WHERE d.deleted = 0 AND (d.name LIKE ?1 ESCAPE '\\' OR d.specialty LIKE ?1 ESCAPE '\\')"
      " ORDER BY d.name COLLATE LOCALE"
    : DEPUTY_SELECT " WHERE d.deleted = 0 ORDER BY d.name COLLATE LOCALE", error);

  if (stmt == NULL)
    return NULL;
  if (searching)
    {
      g_autofree char *pattern = liaison_store_like_pattern (search);
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) read_deputy, (GDestroyNotify) liaison_deputy_free,
                                     _("Could not read the deputies"), error);
}

gint64
liaison_store_find_deputy (LiaisonStore *self,
                           const char   *name)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id FROM deputies WHERE name = ? AND deleted = 0 ORDER BY id LIMIT 1", NULL);
  g_autofree char *stripped = NULL;
  gint64 id = 0;

  if (stmt == NULL || name == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (name));
  bind_text (stmt, 1, stripped);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
liaison_store_find_deputy_by_uuid (LiaisonStore *self,
                                   const char   *uuid)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id FROM deputies WHERE uuid = ? AND deleted = 0", NULL);
  gint64 id = 0;

  if (stmt == NULL || uuid == NULL)
    return 0;
  bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Categories */

static gpointer
read_category (sqlite3_stmt *stmt)
{
  LiaisonCategory *category = liaison_category_new ();

  category->id = sqlite3_column_int64 (stmt, 0);
  category->code = liaison_db_column_text (stmt, 1);
  category->name = liaison_db_column_text (stmt, 2);
  category->name_zh = liaison_db_column_text (stmt, 3);
  return category;
}

GPtrArray *
liaison_store_list_categories (LiaisonStore  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT id, code, name, name_zh FROM categories WHERE deleted = 0 ORDER BY position, id", error);

  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (self, stmt, read_category, (GDestroyNotify) liaison_category_free,
                                     _("Could not read the categories"), error);
}

gint64
liaison_store_find_category (LiaisonStore *self,
                             const char   *text)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (self, NULL);
  g_autofree char *stripped = NULL;

  if (categories == NULL || text == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < categories->len; i++)
    {
      const LiaisonCategory *category = g_ptr_array_index (categories, i);

      if (g_ascii_strcasecmp (stripped, category->code) == 0 ||
          g_ascii_strcasecmp (stripped, category->name) == 0 ||
          strcmp (stripped, category->name_zh) == 0 ||
          strcmp (stripped, g_dgettext (GETTEXT_PACKAGE, category->name)) == 0)
        return category->id;
    }
  return 0;
}

/* Suggestions */

/* "3,5,7" (group_concat) into @ids. */
static void
read_id_list (const char *text,
              GArray     *ids)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
}

gpointer
liaison_store_read_suggestion (sqlite3_stmt *stmt)
{
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;
  const char *due_date;

  liaison_store_read_record_meta (stmt, 0, &suggestion->meta);
  suggestion->reception_id = sqlite3_column_int64 (stmt, c);
  suggestion->station_id = sqlite3_column_int64 (stmt, c + 1);
  suggestion->category_id = sqlite3_column_int64 (stmt, c + 2);
  suggestion->title = liaison_db_column_text (stmt, c + 3);
  suggestion->content = liaison_db_column_text (stmt, c + 4);
  suggestion->raised_by = liaison_db_column_text (stmt, c + 5);
  suggestion->created_at = liaison_db_column_text (stmt, c + 6);
  suggestion->category_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                                    (const char *) sqlite3_column_text (stmt, c + 7)));
  suggestion->reception_received_at = liaison_db_column_text (stmt, c + 8);
  liaison_loop_kind_from_code ((const char *) sqlite3_column_text (stmt, c + 9), &suggestion->kind);
  suggestion->deputy_id = sqlite3_column_int64 (stmt, c + 10);
  read_id_list ((const char *) sqlite3_column_text (stmt, c + 11), suggestion->co_signer_ids);
  suggestion->station_name = liaison_db_column_text (stmt, c + 12);
  suggestion->deputy_name = liaison_db_column_text (stmt, c + 13);
  if (!liaison_loop_status_from_code ((const char *) sqlite3_column_text (stmt, c + 14), &suggestion->status))
    suggestion->status = LIAISON_LOOP_STATUS_REGISTERED;
  suggestion->round = MAX (1, sqlite3_column_int (stmt, c + 15));
  due_date = (const char *) sqlite3_column_text (stmt, c + 16);
  if (due_date == NULL || !liaison_date_parse_iso (due_date, &suggestion->due_date))
    g_date_clear (&suggestion->due_date, 1);
  suggestion->key_supervision = sqlite3_column_int (stmt, c + 17) != 0;
  suggestion->reopened = sqlite3_column_int (stmt, c + 18) != 0;
  suggestion->reply_unseen = sqlite3_column_int (stmt, c + 19) != 0;
  suggestion->taken_up_by = liaison_db_column_text (stmt, c + 20);
  suggestion->contact = liaison_db_column_text (stmt, c + 21);
  return suggestion;
}

/* The co-signers as stored: a JSON array of the deputies' uuids, so that
 * it means the same at every replica. */
static char *
co_signers_json (LiaisonStore  *self,
                 GArray        *ids,
                 GError       **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (self,
        "SELECT uuid FROM deputies WHERE id = ? AND deleted = 0", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                               _("One of the co-signing deputies is not on the roster."));
          return NULL;
        }
      json_array_add_string_element (array, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static gboolean
write_suggestion (LiaisonStore       *self,
                  LiaisonSuggestion  *suggestion,
                  GError            **error)
{
  gboolean is_new = suggestion->meta.id == 0;
  g_autofree char *co_signers = NULL;
  sqlite3_stmt *stmt;

  co_signers = co_signers_json (self, suggestion->co_signer_ids, error);
  if (co_signers == NULL)
    return FALSE;

  /* The loop columns are a cache of the events: a new suggestion is
   * registered, and an edit leaves them to liaison_store_refresh_loop_cache(). */
  stmt = begin_record_write (self, &suggestion->meta,
    "INSERT INTO suggestions (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " reception_id, station_id, category_id, title, content, raised_by, status, created_at,"
    " kind, deputy_id, co_signers)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'registered', ?13, ?15, ?16, ?17)",
    "UPDATE suggestions SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " reception_id = ?6, station_id = ?7, category_id = ?8, title = ?9, content = ?10,"
    " raised_by = ?11, kind = ?15, deputy_id = ?16, co_signers = ?17"
    " WHERE id = ?14 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  if (is_new)
    {
      g_autoptr(GDateTime) given = liaison_loop_parse_at (suggestion->created_at);

      /* One logged after the fact (an old ledger, the demo) keeps the time
       * it was raised, if that is a real time and not after now. */
      if (given == NULL || strcmp (suggestion->created_at, suggestion->meta.updated_at) > 0)
        {
          g_free (suggestion->created_at);
          suggestion->created_at = g_strdup (suggestion->meta.updated_at);
        }
      sqlite3_bind_text (stmt, 13, suggestion->created_at, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 14, suggestion->meta.id);
  bind_id_or_null (stmt, 6, suggestion->reception_id);
  sqlite3_bind_int64 (stmt, 7, suggestion->station_id);
  sqlite3_bind_int64 (stmt, 8, suggestion->category_id);
  bind_text (stmt, 9, suggestion->title);
  bind_text (stmt, 10, suggestion->content);
  bind_text (stmt, 11, suggestion->raised_by);
  sqlite3_bind_text (stmt, 15, liaison_loop_kind_to_code (suggestion->kind), -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 16, suggestion->deputy_id);
  sqlite3_bind_text (stmt, 17, co_signers, -1, SQLITE_TRANSIENT);
  if (!end_record_write (self, stmt, &suggestion->meta, is_new, _("Could not save the suggestion"),
                         _("The suggestion was deleted meanwhile; it was not saved."),
                         _("The suggestion’s category, station, reception or deputy does not exist."), error))
    return FALSE;
  /* Who filed it and when is the register move: the cache follows. */
  return liaison_store_refresh_loop_cache (self, suggestion->meta.uuid, error);
}

/* Fills in the station a record belongs to: this one, unless it says. */
static gboolean
resolve_station (LiaisonStore  *self,
                 gint64        *station_id,
                 GError       **error)
{
  g_autoptr(LiaisonStation) station = NULL;

  if (*station_id > 0)
    return TRUE;
  station = liaison_store_get_local_station (self);
  if (station == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION,
                           _("This station has not been set up yet: give its name first."));
      return FALSE;
    }
  *station_id = station->meta.id;
  return TRUE;
}

gboolean
liaison_store_save_suggestion (LiaisonStore       *self,
                               LiaisonSuggestion  *suggestion,
                               GError            **error)
{
  g_autoptr(GPtrArray) problems = liaison_suggestion_check (suggestion, NULL);
  gint64 id = suggestion->meta.id;
  gint64 version = suggestion->meta.version;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_field_errors_to_error (problems, error) ||
      !resolve_station (self, &suggestion->station_id, error))
    return FALSE;
  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!write_suggestion (self, suggestion, error))
    {
      liaison_store_rollback (self);
      /* Nothing was written: the record is as new (or as old) as it was. */
      suggestion->meta.id = id;
      suggestion->meta.version = version;
      return FALSE;
    }
  liaison_store_emit_changed (self, "suggestions");
  return liaison_store_commit (self, error);
}

LiaisonSuggestion *
liaison_store_get_suggestion (LiaisonStore  *self,
                              gint64         id,
                              GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, LIAISON_SUGGESTION_SELECT " WHERE g.id = ?", error);
  LiaisonSuggestion *suggestion = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    suggestion = liaison_store_read_suggestion (stmt);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _("There is no suggestion number %lld."), (long long) id);
  sqlite3_reset (stmt);
  return suggestion;
}

static GPtrArray *
list_suggestions_of_reception (LiaisonStore  *self,
                               gint64         reception_id,
                               GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    LIAISON_SUGGESTION_SELECT " WHERE g.reception_id = ? AND g.deleted = 0 ORDER BY g.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) liaison_store_read_suggestion, (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}

/* Receptions */

static char *
visitors_text (const LiaisonReception *reception)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      if (text->len > 0)
        g_string_append (text, " ");
      if (visitor->name != NULL && *visitor->name)
        g_string_append_printf (text, "%s ", visitor->name);
      if (visitor->community != NULL)
        g_string_append (text, visitor->community);
    }
  return g_string_free (text, FALSE);
}

char *
liaison_store_visitors_text (const LiaisonReception *reception)
{
  return visitors_text (reception);
}

gboolean
liaison_store_replace_visitors (LiaisonStore  *self,
                                gint64         reception_id,
                                GPtrArray     *visitors,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = liaison_store_prepare (self, "DELETE FROM reception_visitors WHERE reception_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  stmt = liaison_store_prepare (self, "DELETE FROM reception_deputies WHERE reception_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (visitors, i);

      stmt = liaison_store_prepare (self,
        "INSERT INTO reception_visitors (reception_id, position, name, phone, community,"
        " party_size, consent) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, reception_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, visitor->name);
      bind_text (stmt, 4, visitor->phone);
      bind_text (stmt, 5, visitor->community);
      sqlite3_bind_int (stmt, 6, visitor->party_size);
      sqlite3_bind_int (stmt, 7, visitor->consent ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;
    }
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not save the reception"));
  sqlite3_reset (stmt);
  return FALSE;
}

static gboolean
write_reception_children (LiaisonStore      *self,
                          LiaisonReception  *reception,
                          GError           **error)
{
  sqlite3_stmt *stmt;

  if (!liaison_store_replace_visitors (self, reception->meta.id, reception->visitors, error))
    return FALSE;

  for (guint i = 0; i < reception->deputy_ids->len; i++)
    {
      stmt = liaison_store_prepare (self,
        "INSERT OR IGNORE INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, reception->meta.id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (reception->deputy_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          if (sqlite3_extended_errcode (liaison_db_get_handle (self->db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
            {
              sqlite3_reset (stmt);
              g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                                   _("One of the deputies is not on the roster."));
              return FALSE;
            }
          goto failed;
        }
    }

  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);

      suggestion->reception_id = reception->meta.id;
      if (suggestion->station_id == 0)
        suggestion->station_id = reception->station_id;
      if (!write_suggestion (self, suggestion, error))
        return FALSE;
    }
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not save the reception"));
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
liaison_store_save_reception (LiaisonStore      *self,
                              LiaisonReception  *reception,
                              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *people = NULL;
  g_autofree char *received_at = NULL;
  LiaisonRecordMeta saved_meta = reception->meta;
  g_autoptr(GArray) saved_suggestions = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gboolean is_new = reception->meta.id == 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!resolve_station (self, &reception->station_id, error))
    return FALSE;
  problems = liaison_reception_check (reception, now);
  if (!liaison_field_errors_to_error (problems, error))
    return FALSE;

  /* Store one spelling of the time, so that ranges and sorting agree. */
  received_at = liaison_normalize_datetime (reception->received_at);
  g_free (reception->received_at);
  reception->received_at = g_steal_pointer (&received_at);
  people = visitors_text (reception);
  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
      gint64 id_and_version[2] = { suggestion->meta.id, suggestion->meta.version };

      g_array_append_vals (saved_suggestions, id_and_version, 1);
    }

  if (!liaison_store_begin (self, error))
    return FALSE;

  /* The meta is rewritten only once the write has succeeded. */
  reception->meta.uuid = g_strdup (saved_meta.uuid);
  reception->meta.updated_at = g_strdup (saved_meta.updated_at);
  reception->meta.origin_station_uuid = g_strdup (saved_meta.origin_station_uuid);
  reception->meta.sync_error = g_strdup (saved_meta.sync_error);
  stmt = begin_record_write (self, &reception->meta,
    "INSERT INTO receptions (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " received_at, station_id, channel, category_id, summary, handled_on_spot, handling,"
    " visitors_text, search_held) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1)",
    "UPDATE receptions SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " received_at = ?6, station_id = ?7, channel = ?8, category_id = ?9, summary = ?10,"
    " handled_on_spot = ?11, handling = ?12, visitors_text = ?13, search_held = 1"
    " WHERE id = ?14 AND deleted = 0", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 6, reception->received_at);
  sqlite3_bind_int64 (stmt, 7, reception->station_id);
  sqlite3_bind_text (stmt, 8, liaison_channel_to_code (reception->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, reception->category_id);
  bind_text (stmt, 10, reception->summary);
  sqlite3_bind_int (stmt, 11, reception->handled_on_spot ? 1 : 0);
  bind_text (stmt, 12, reception->handling);
  bind_text (stmt, 13, people);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 14, reception->meta.id);
  if (!end_record_write (self, stmt, &reception->meta, is_new, _("Could not save the reception"),
                         _("The reception was deleted meanwhile; it was not saved."),
                         _("The category or the station of the reception does not exist."), error))
    goto failed;

  /* Indexed once, with its visitors and deputies (liaison-store-search.c). */
  if (!write_reception_children (self, reception, error) ||
      !liaison_store_search_release (self, reception->meta.id, error))
    goto failed;

  if (!liaison_store_commit (self, error))
    goto restore;

  g_free (saved_meta.uuid);
  g_free (saved_meta.updated_at);
  g_free (saved_meta.origin_station_uuid);
  g_free (saved_meta.sync_error);
  liaison_store_emit_changed (self, "receptions");
  return TRUE;

failed:
  liaison_store_rollback (self);
restore:
  g_free (reception->meta.uuid);
  g_free (reception->meta.updated_at);
  g_free (reception->meta.origin_station_uuid);
  g_free (reception->meta.sync_error);
  reception->meta = saved_meta;
  /* Nothing was written, so inline suggestions are as new as they were. */
  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
      const gint64 *id_and_version = &g_array_index (saved_suggestions, gint64, 2 * i);

      suggestion->meta.id = id_and_version[0];
      suggestion->meta.version = id_and_version[1];
    }
  return FALSE;
}

#define RECEPTION_SELECT                                                       \
  "SELECT " LIAISON_RECORD_SELECT ("r") ", r.received_at, r.station_id, r.channel,"     \
  " r.category_id, r.summary, r.handled_on_spot, r.handling, c.name, s.name,"   \
  " (SELECT group_concat(name, '、') FROM (SELECT d.name FROM reception_deputies rd" \
  "   JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = r.id ORDER BY d.name))," \
  " v.name, v.phone, v.community, v.party_size, v.consent"                      \
  " FROM receptions r"                                                         \
  " JOIN categories c ON c.id = r.category_id"                                 \
  " LEFT JOIN stations s ON s.id = r.station_id"                               \
  " LEFT JOIN reception_visitors v ON v.reception_id = r.id AND v.position = 0"

static LiaisonVisitor *
read_visitor (sqlite3_stmt *stmt,
              int           c)
{
  LiaisonVisitor *visitor = liaison_visitor_new ();

  visitor->name = liaison_db_column_text (stmt, c);
  visitor->phone = liaison_db_column_text (stmt, c + 1);
  visitor->community = liaison_db_column_text (stmt, c + 2);
  visitor->party_size = sqlite3_column_int (stmt, c + 3);
  visitor->consent = sqlite3_column_int (stmt, c + 4) != 0;
  return visitor;
}

static gpointer
read_reception (sqlite3_stmt *stmt)
{
  LiaisonReception *reception = liaison_reception_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &reception->meta);
  reception->received_at = liaison_db_column_text (stmt, c);
  reception->station_id = sqlite3_column_int64 (stmt, c + 1);
  liaison_channel_from_code ((const char *) sqlite3_column_text (stmt, c + 2), &reception->channel);
  reception->category_id = sqlite3_column_int64 (stmt, c + 3);
  reception->summary = liaison_db_column_text (stmt, c + 4);
  reception->handled_on_spot = sqlite3_column_int (stmt, c + 5) != 0;
  reception->handling = liaison_db_column_text (stmt, c + 6);
  reception->category_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                                   (const char *) sqlite3_column_text (stmt, c + 7)));
  reception->station_name = liaison_db_column_text (stmt, c + 8);
  reception->deputy_names = liaison_db_column_text (stmt, c + 9);
  if (sqlite3_column_type (stmt, c + 10) != SQLITE_NULL)
    g_ptr_array_add (reception->visitors, read_visitor (stmt, c + 10));
  return reception;
}

static gboolean
read_reception_children (LiaisonStore      *self,
                         LiaisonReception  *reception,
                         GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_ptr_array_set_size (reception->visitors, 0);
  stmt = liaison_store_prepare (self,
    "SELECT name, phone, community, party_size, consent FROM reception_visitors"
    " WHERE reception_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception->meta.id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reception->visitors, read_visitor (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = liaison_store_prepare (self,
    "SELECT rd.deputy_id FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id"
    " WHERE rd.reception_id = ? ORDER BY d.name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception->meta.id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deputy_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (reception->deputy_ids, deputy_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  {
    g_autoptr(GPtrArray) suggestions = list_suggestions_of_reception (self, reception->meta.id, error);

    if (suggestions == NULL)
      return FALSE;
    g_ptr_array_unref (reception->suggestions);
    reception->suggestions = g_steal_pointer (&suggestions);
  }
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not read the reception"));
  return FALSE;
}

LiaisonReception *
liaison_store_get_reception (LiaisonStore  *self,
                             gint64         id,
                             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, RECEPTION_SELECT " WHERE r.id = ?", error);
  g_autoptr(LiaisonReception) reception = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reception = read_reception (stmt);
  sqlite3_reset (stmt);
  if (reception == NULL || reception->meta.deleted)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no reception number %lld."), (long long) id);
      return NULL;
    }
  if (!read_reception_children (self, reception, error))
    return NULL;
  return g_steal_pointer (&reception);
}

gboolean
liaison_store_delete_reception (LiaisonStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "UPDATE receptions SET deleted = 1, version = version + 1, updated_at = ?,"
    " sync_state = 1, sync_error = NULL WHERE id = ? AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not delete the reception"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (liaison_db_get_handle (self->db)) != 1)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no reception number %lld."), (long long) id);
      return FALSE;
    }
  liaison_store_emit_changed (self, "receptions");
  return TRUE;
}

void
liaison_reception_filter_clear (LiaisonReceptionFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->from_date, g_free);
  g_clear_pointer (&filter->to_date, g_free);
  filter->deputy_id = 0;
  filter->category_id = 0;
  filter->station_id = 0;
}

/* The WHERE clause for @filter. It is made only of fixed pieces; every
 * value is bound by name (:search, :from, :to, :deputy, :category, :station). */
static char *
reception_where (const LiaisonReceptionFilter *filter,
                 const char                   *search)
{
  GString *where = g_string_new (" WHERE r.deleted = 0");

  if (filter != NULL && filter->from_date != NULL && *filter->from_date)
    g_string_append (where, " AND r.received_at >= :from");
  if (filter != NULL && filter->to_date != NULL && *filter->to_date)
    g_string_append (where, " AND r.received_at < :to");
  if (filter != NULL && filter->category_id > 0)
    g_string_append (where, " AND r.category_id = :category");
  if (filter != NULL && filter->station_id > 0)
    g_string_append (where, " AND r.station_id = :station");
  if (filter != NULL && filter->deputy_id > 0)
    g_string_append (where, " AND r.id IN (SELECT reception_id FROM reception_deputies"
                            " WHERE deputy_id = :deputy)");
  if (search != NULL && *search)
    liaison_store_search_append_receptions (where, search);
  return g_string_free (where, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_reception_filter (sqlite3_stmt                 *stmt,
                       const LiaisonReceptionFilter *filter,
                       const char                   *search)
{
  if (filter == NULL)
    return;
  if (filter->from_date != NULL && *filter->from_date)
    bind_named (stmt, ":from", filter->from_date);
  if (filter->to_date != NULL && *filter->to_date)
    {
      /* Inclusive: everything before the next day. */
      g_autofree char *to = g_strconcat (filter->to_date, "\x7f", NULL);
      bind_named (stmt, ":to", to);
    }
  bind_named_int (stmt, ":category", filter->category_id);
  bind_named_int (stmt, ":deputy", filter->deputy_id);
  bind_named_int (stmt, ":station", filter->station_id);
  if (search != NULL && *search)
    liaison_store_search_bind_receptions (stmt, search);
}

static gboolean
filter_is_search_only (const LiaisonReceptionFilter *filter)
{
  return filter == NULL ||
         ((filter->from_date == NULL || *filter->from_date == '\0') &&
          (filter->to_date == NULL || *filter->to_date == '\0') &&
          filter->category_id <= 0 && filter->deputy_id <= 0 && filter->station_id <= 0);
}

guint
liaison_store_count_receptions (LiaisonStore                 *self,
                                const LiaisonReceptionFilter *filter,
                                GError                      **error)
{
  g_autofree char *search = liaison_store_search_normalize (filter ? filter->search : NULL);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  /* The two counts a clerk waits for most, the whole list and a plain
   * search, come from the trigger-kept total and the search index alone. */
  if (filter_is_search_only (filter) && (search == NULL || *search == '\0'))
    sql = g_strdup ("SELECT live FROM reception_totals");
  else if (filter_is_search_only (filter) && liaison_store_search_index_only (search))
    sql = g_strdup (LIAISON_STORE_SEARCH_COUNT_RECEPTIONS);
  else
    {
      where = reception_where (filter, search);
      sql = g_strconcat ("SELECT count(*) FROM receptions r", where, NULL);
    }

  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  bind_reception_filter (stmt, filter, search);
  return liaison_store_step_count (self, stmt, _("Could not count the receptions"), error);
}

/* With this many matches or more, a search page is found faster by walking
 * the time index newest first and keeping the matches than by sorting every
 * match: at a few percent of a million rows the first page is ~10 ms either
 * way round, instead of ~50 ms for the sort. */
#define DENSE_SEARCH_MATCHES 2000

/* @n_matches: how many rows the filter matches, when the caller knows
 * (0 if not); it only chooses the query plan. */
static GPtrArray *
list_receptions (LiaisonStore                 *self,
                 const LiaisonReceptionFilter *filter,
                 guint                         offset,
                 guint                         limit,
                 gboolean                      oldest_first,
                 guint                         n_matches,
                 GError                      **error)
{
  g_autofree char *search = liaison_store_search_normalize (filter ? filter->search : NULL);
  g_autofree char *where = reception_where (filter, search);
  const char *order = oldest_first
                        ? " ORDER BY r.received_at, r.id"
                        : " ORDER BY r.received_at DESC, r.id DESC";
  /* The page's ids first, from the index alone; the joins and the
   * deputies' names are then read for the page's rows only, not for every
   * row sorted or skipped by the OFFSET (seconds on a million rows). */
  gboolean walk_time_index = search != NULL && liaison_store_search_uses_index (search) &&
                             n_matches >= DENSE_SEARCH_MATCHES;
  g_autofree char *sql = g_strconcat (RECEPTION_SELECT,
                                      " WHERE r.id IN (SELECT r.id FROM receptions r",
                                      walk_time_index ? " INDEXED BY receptions_by_time" : "",
                                      where, order,
                                      " LIMIT :limit OFFSET :offset)", order, NULL);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  bind_reception_filter (stmt, filter, search);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);

  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) read_reception, (GDestroyNotify) liaison_reception_free,
                                     _("Could not read the receptions"), error);
}

GPtrArray *
liaison_store_list_receptions (LiaisonStore                 *self,
                               const LiaisonReceptionFilter *filter,
                               guint                         offset,
                               guint                         limit,
                               GError                      **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return list_receptions (self, filter, offset, limit, FALSE, 0, error);
}

GPtrArray *
liaison_store_list_receptions_between (LiaisonStore  *self,
                                       const char    *from_date,
                                       const char    *to_date,
                                       GError       **error)
{
  LiaisonReceptionFilter filter = {
    .from_date = (char *) from_date,
    .to_date = (char *) to_date,
  };
  g_autoptr(GPtrArray) receptions = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  receptions = list_receptions (self, &filter, 0, G_MAXINT, TRUE, 0, error);
  if (receptions == NULL)
    return NULL;
  for (guint i = 0; i < receptions->len; i++)
    if (!read_reception_children (self, g_ptr_array_index (receptions, i), error))
      return NULL;
  return g_steal_pointer (&receptions);
}

/* The list models */

typedef struct {
  LiaisonStore           *store;
  LiaisonReceptionFilter  filter;
} ReceptionSource;

static void
reception_source_free (gpointer data)
{
  ReceptionSource *source = data;

  g_object_unref (source->store);
  liaison_reception_filter_clear (&source->filter);
  g_free (source);
}

static guint
reception_source_count (gpointer   user_data,
                        GError   **error)
{
  ReceptionSource *source = user_data;

  return liaison_store_count_receptions (source->store, &source->filter, error);
}

static GPtrArray *
wrap_receptions (GPtrArray  *receptions,
                 gboolean    reverse,
                 const char *search)
{
  GPtrArray *items = g_ptr_array_new_full (receptions->len, g_object_unref);

  /* Hand each record over to its item. */
  g_ptr_array_set_free_func (receptions, NULL);
  for (guint i = 0; i < receptions->len; i++)
    {
      guint from = reverse ? receptions->len - 1 - i : i;
      LiaisonReceptionItem *item = liaison_reception_item_new (g_ptr_array_index (receptions, from));

      liaison_reception_item_set_search (item, search);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_unref (receptions);
  return items;
}

static GPtrArray *
reception_source_fetch (gpointer   user_data,
                        guint      offset,
                        guint      limit,
                        guint      n_items,
                        GError   **error)
{
  ReceptionSource *source = user_data;
  GPtrArray *receptions;
  gboolean from_end = offset > n_items / 2;

  if (from_end)
    {
      /* Read the far half of the list backwards: an OFFSET near the end of
       * a million rows would step over nearly all of them. */
      guint end = MIN (offset + limit, n_items);
      receptions = list_receptions (source->store, &source->filter,
                                    n_items - end, end - offset, TRUE, n_items, error);
    }
  else
    receptions = list_receptions (source->store, &source->filter, offset, limit, FALSE, n_items, error);

  if (receptions == NULL)
    return NULL;
  /* A search may have found any visitor: the row says which. */
  if (source->filter.search != NULL && *source->filter.search &&
      !liaison_store_search_read_visitors (source->store, receptions, error))
    {
      g_ptr_array_unref (receptions);
      return NULL;
    }
  return wrap_receptions (receptions, from_end, source->filter.search);
}

static void
reload_model (LiaisonStore     *store,
              const char       *table,
              LiaisonPagedList *model)
{
  liaison_paged_list_reload (model);
}

LiaisonPagedList *
liaison_store_new_reception_model (LiaisonStore                 *self,
                                   const LiaisonReceptionFilter *filter)
{
  ReceptionSource *source = g_new0 (ReceptionSource, 1);
  LiaisonPagedList *model;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  source->store = g_object_ref (self);
  if (filter != NULL)
    {
      source->filter.search = g_strdup (filter->search);
      source->filter.from_date = g_strdup (filter->from_date);
      source->filter.to_date = g_strdup (filter->to_date);
      source->filter.deputy_id = filter->deputy_id;
      source->filter.category_id = filter->category_id;
      source->filter.station_id = filter->station_id;
    }
  model = liaison_paged_list_new (LIAISON_TYPE_RECEPTION_ITEM,
                                  reception_source_count, reception_source_fetch,
                                  source, reception_source_free);
  g_signal_connect_object (self, "changed::receptions", G_CALLBACK (reload_model), model, 0);
  g_signal_connect_object (self, "changed::deputies", G_CALLBACK (reload_model), model, 0);
  return model;
}

typedef struct {
  LiaisonStore *store;
  char         *search;
} SuggestionSource;

static void
suggestion_source_free (gpointer data)
{
  SuggestionSource *source = data;

  g_object_unref (source->store);
  g_free (source->search);
  g_free (source);
}

static guint
suggestion_source_count (gpointer   user_data,
                         GError   **error)
{
  SuggestionSource *source = user_data;

  return liaison_store_count_suggestions (source->store, source->search, error);
}

static GPtrArray *
suggestion_source_fetch (gpointer   user_data,
                         guint      offset,
                         guint      limit,
                         guint      n_items,
                         GError   **error)
{
  SuggestionSource *source = user_data;
  g_autoptr(GPtrArray) suggestions = liaison_store_list_suggestions (source->store, source->search,
                                                                     offset, limit, error);
  GPtrArray *items;

  if (suggestions == NULL)
    return NULL;
  items = g_ptr_array_new_full (suggestions->len, g_object_unref);
  g_ptr_array_set_free_func (suggestions, NULL);
  for (guint i = 0; i < suggestions->len; i++)
    {
      LiaisonSuggestionItem *item = liaison_suggestion_item_new (g_ptr_array_index (suggestions, i));

      liaison_suggestion_item_set_search (item, source->search);
      g_ptr_array_add (items, item);
    }
  return items;
}

guint
liaison_store_suggestion_position (LiaisonStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  sqlite3_stmt *stmt;
  guint position = G_MAXUINT;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), G_MAXUINT);

  /* The rows before it in the list's own order, counted on its index. */
  stmt = liaison_store_prepare (self,
    "SELECT (SELECT count(*) FROM suggestions g WHERE g.deleted = 0 AND"
    " (g.created_at > s.created_at OR (g.created_at = s.created_at AND g.id > s.id)))"
    " FROM suggestions s WHERE s.id = ?1 AND s.deleted = 0", error);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = (guint) sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    liaison_store_set_error (self, error, _("Could not find the suggestion in the list"));
  sqlite3_reset (stmt);
  return position;
}

LiaisonPagedList *
liaison_store_new_suggestion_model (LiaisonStore *self,
                                    const char   *search)
{
  SuggestionSource *source = g_new0 (SuggestionSource, 1);
  LiaisonPagedList *model;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  source->store = g_object_ref (self);
  source->search = g_strdup (search);
  model = liaison_paged_list_new (LIAISON_TYPE_SUGGESTION_ITEM,
                                  suggestion_source_count, suggestion_source_fetch,
                                  source, suggestion_source_free);
  g_signal_connect_object (self, "changed::suggestions", G_CALLBACK (reload_model), model, 0);
  g_signal_connect_object (self, "changed::receptions", G_CALLBACK (reload_model), model, 0);
  return model;
}
