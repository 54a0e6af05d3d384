/* liaison-store-schema.c: the station's schema and its migrations, and the
 * seeding of the categories. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-categories.h"
#include "liaison-store-private.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-search.h"

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
  /* One index per follow-up list (liaison-store-loop-lists.c), its WHERE the
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
   * (liaison-store-loop-lists.c): the page walks this in that order. */
  "CREATE INDEX suggestions_key_supervision_by_due ON suggestions"
  " (due_date IS NULL, due_date, created_at DESC, id DESC)"
  " WHERE deleted = 0 AND key_supervision = 1 AND status NOT IN ('none', 'closed', 'withdrawn');\n";

/* Headquarters' station filter on the receptions page: its count and its
 * newest-first pages read one station's rows from the index alone (with
 * "deleted" in it: SQLite 3.40 would read it from the row otherwise). */
static const char migration_6[] =
  "CREATE INDEX receptions_by_station ON receptions (station_id, received_at, id, deleted) WHERE deleted = 0;\n";

/* The duty record (docs/duty-record.md): activities with each deputy's
 * attendance (one row per deputy, in the order given), and the duty
 * roster. The indexes answer "a deputy's activities in a period" (by
 * deputy, then each activity's date) and "who is on duty at station S on
 * day D". Empty texts are '' (an optional end date, a plain record's
 * correction), as the wire's nulls are stored. The take-ups' index finds
 * a deputy's take-up moves for their record. */
static const char migration_9[] =
  "CREATE TABLE activities (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('congress_session', 'standing_committee', 'research',"
  " 'inspection', 'law_enforcement_inspection', 'theme_activity', 'group_activity', 'training',"
  " 'station_duty', 'other')),\n"
  "  title TEXT NOT NULL,\n"
  "  date TEXT NOT NULL,\n"
  "  end_date TEXT NOT NULL DEFAULT '',\n"
  "  place TEXT NOT NULL DEFAULT '',\n"
  "  organiser TEXT NOT NULL DEFAULT '',\n"
  "  note TEXT NOT NULL DEFAULT '',\n"
  "  correction_reason TEXT NOT NULL DEFAULT '',\n"
  "  corrected_by TEXT NOT NULL DEFAULT '',\n"
  "  corrected_at TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX activities_by_date ON activities (date, id) WHERE deleted = 0;\n"
  "CREATE INDEX activities_by_sync_state ON activities (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TABLE activity_attendees (\n"
  "  activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,\n"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id),\n"
  "  position INTEGER NOT NULL,\n"
  "  attendance TEXT NOT NULL CHECK (attendance IN ('attended', 'leave', 'absent')),\n"
  "  PRIMARY KEY (activity_id, deputy_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX activity_attendees_by_deputy ON activity_attendees (deputy_id, activity_id, attendance);\n"
  "CREATE TABLE duty_shifts (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  station_id INTEGER NOT NULL REFERENCES stations (id),\n"
  "  deputy_id INTEGER NOT NULL REFERENCES deputies (id),\n"
  "  date TEXT NOT NULL,\n"
  "  note TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX duty_shifts_by_station_day ON duty_shifts (station_id, date, deputy_id, deleted)"
  " WHERE deleted = 0;\n"
  "CREATE INDEX duty_shifts_by_deputy ON duty_shifts (deputy_id, date, deleted) WHERE deleted = 0;\n"
  "CREATE INDEX duty_shifts_by_sync_state ON duty_shifts (sync_state) WHERE sync_state <> 0;\n"
  /* A deputy's take-up moves, for their record (liaison-store-duty-items.c). */
  "CREATE INDEX suggestion_events_take_ups ON suggestion_events (json_extract (data, '$.deputy'), at)"
  " WHERE move = 'take_up';\n";

/* Headquarters' points rule sets (docs/duty-record.md, "Versioned rule
 * sets"): each a synced record, its data the engine's JSON
 * (liaison_points_rules_to_json()), its effective date beside it for
 * the order. And whether a deputy's suggestion is a motion (议案). */
static const char migration_10[] =
  "CREATE TABLE points_rules (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  effective_from TEXT NOT NULL,\n"
  "  data TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX points_rules_by_sync_state ON points_rules (sync_state) WHERE sync_state <> 0;\n"
  "ALTER TABLE suggestions ADD COLUMN motion INTEGER NOT NULL DEFAULT 0 CHECK (motion IN (0, 1));\n";
/* Closed quarters (docs/duty-record.md, "Closing a quarter"): a
 * headquarters record each (schema 11), synced to every desk, with the frozen
 * snapshot as JSON (app/duty/liaison-quarter-snapshot.h). Not unique on
 * the quarter: two headquarters desks closing one quarter at once must
 * not stop a pull; the server keeps one, and the first stands. */
static const char migration_11[] =
  "CREATE TABLE quarter_closes (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  quarter TEXT NOT NULL,\n"
  "  closed_at TEXT NOT NULL,\n"
  "  closed_by TEXT NOT NULL DEFAULT '',\n"
  "  snapshot TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX quarter_closes_by_quarter ON quarter_closes (quarter, deleted);\n"
  "CREATE INDEX quarter_closes_by_sync_state ON quarter_closes (sync_state) WHERE sync_state <> 0;\n";

/* Published reports (docs/reports.md, "Published reports"): a head each
 * (schema 12), sent to every desk, and the parts of it, one or more a
 * station, each sent to its station; the frozen figures as the JSON the
 * record's data is (app/model/liaison-published-snapshot.h). A
 * publication is never changed or deleted here: only its sync
 * bookkeeping moves. Publishing a period again is another head. */
static const char migration_12[] =
  "CREATE TABLE published_reports (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  period TEXT NOT NULL,\n"
  "  published_at TEXT NOT NULL,\n"
  "  published_by TEXT NOT NULL DEFAULT '',\n"
  "  data TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX published_reports_by_period ON published_reports (period, published_at);\n"
  "CREATE INDEX published_reports_by_sync_state ON published_reports (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TABLE published_report_parts (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  report_uuid TEXT NOT NULL,\n"
  "  station_uuid TEXT NOT NULL,\n"
  "  part INTEGER NOT NULL,\n"
  "  data TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX published_report_parts_by_report ON published_report_parts (report_uuid, station_uuid, part);\n"
  "CREATE INDEX published_report_parts_by_sync_state ON published_report_parts (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TRIGGER published_reports_never_changed\n"
  "  BEFORE UPDATE OF uuid, deleted, period, published_at, published_by, data ON published_reports BEGIN\n"
  "  SELECT RAISE (ABORT, 'a published report is never changed');\n"
  "END;\n"
  "CREATE TRIGGER published_reports_never_deleted BEFORE DELETE ON published_reports BEGIN\n"
  "  SELECT RAISE (ABORT, 'a published report is never deleted');\n"
  "END;\n"
  "CREATE TRIGGER published_report_parts_never_changed\n"
  "  BEFORE UPDATE OF uuid, deleted, report_uuid, station_uuid, part, data ON published_report_parts BEGIN\n"
  "  SELECT RAISE (ABORT, 'a published report is never changed');\n"
  "END;\n"
  "CREATE TRIGGER published_report_parts_never_deleted BEFORE DELETE ON published_report_parts BEGIN\n"
  "  SELECT RAISE (ABORT, 'a published report is never deleted');\n"
  "END;\n";

/* Files kept with a reception (schema 13, liaison-store-reception-files.h): listed
 * by hash, in order, their bytes the replica's attachments. Triggers list
 * each in attachment_refs under the reception's uuid (its event_uuid
 * column names a move or a reception), so the sync sends and fetches
 * them as it does reply files. */
static const char migration_13[] =
  "CREATE TABLE reception_files (\n"
  "  reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  sha256 TEXT NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  content_type TEXT NOT NULL,\n"
  "  size INTEGER NOT NULL,\n"
  "  PRIMARY KEY (reception_id, sha256)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX reception_files_by_sha256 ON reception_files (sha256);\n"
  "CREATE TRIGGER reception_files_listed AFTER INSERT ON reception_files BEGIN\n"
  "  INSERT OR IGNORE INTO attachment_refs (sha256, event_uuid)\n"
  "    SELECT new.sha256, uuid FROM receptions WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_files_unlisted AFTER DELETE ON reception_files BEGIN\n"
  "  DELETE FROM attachment_refs WHERE sha256 = old.sha256\n"
  "    AND event_uuid = (SELECT uuid FROM receptions WHERE id = old.reception_id);\n"
  "END;\n";

/* The dashboard (schema 14, docs/reports.md, "In the store"): each reception keeps the
 * sum of its visitors' party sizes (visitors_total, kept by triggers on
 * reception_visitors, so that every writer keeps it), and covering indexes
 * let a period's suggestions and receptions be read from an index alone,
 * the suggestions' channel from a narrow index of the receptions'. */
static const char migration_14[] =
  "ALTER TABLE receptions ADD COLUMN visitors_total INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE receptions SET visitors_total ="
  " (SELECT coalesce (sum (v.party_size), 0) FROM reception_visitors v WHERE v.reception_id = receptions.id);\n"
  "CREATE TRIGGER reception_visitors_total_insert AFTER INSERT ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET visitors_total = visitors_total + new.party_size WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_total_delete AFTER DELETE ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET visitors_total = visitors_total - old.party_size WHERE id = old.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_total_update AFTER UPDATE OF reception_id, party_size ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET visitors_total = visitors_total - old.party_size WHERE id = old.reception_id;\n"
  "  UPDATE receptions SET visitors_total = visitors_total + new.party_size WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE INDEX suggestions_for_dashboard ON suggestions (registered_on, status, last_rating, key_supervision,"
  " n_replies, n_late_replies, category_id, station_id, kind, reception_id, due_date, deleted) WHERE deleted = 0;\n"
  "CREATE INDEX receptions_for_dashboard ON receptions (received_at, category_id, channel, station_id,"
  " visitors_total, deleted) WHERE deleted = 0;\n"
  "CREATE INDEX receptions_channel ON receptions (id, channel);\n";

/* The access log (schema 15, liaison-store-access-log.h, docs/privacy.md):
 * every look at a visitor's contact beyond the masked view, with who,
 * when, at which desk, what and why. Like a published report, an entry is
 * never changed or deleted here: only its sync bookkeeping moves. */
static const char migration_15[] =
  "CREATE TABLE access_log (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  kind TEXT NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  "  role TEXT NOT NULL DEFAULT '',\n"
  "  actor_name TEXT NOT NULL DEFAULT '',\n"
  "  desk_uuid TEXT NOT NULL,\n"
  "  what TEXT NOT NULL DEFAULT '',\n"
  "  n_contacts INTEGER NOT NULL CHECK (n_contacts >= 0),\n"
  "  reason TEXT NOT NULL CHECK (trim (reason) <> '')\n"
  ");\n"
  "CREATE INDEX access_log_by_at ON access_log (at, kind);\n"
  "CREATE INDEX access_log_by_sync_state ON access_log (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TRIGGER access_log_never_changed\n"
  "  BEFORE UPDATE OF uuid, deleted, origin_station_uuid, kind, at, role, actor_name, desk_uuid, what,"
  " n_contacts, reason ON access_log BEGIN\n"
  "  SELECT RAISE (ABORT, 'an access log entry is never changed');\n"
  "END;\n"
  "CREATE TRIGGER access_log_never_deleted BEFORE DELETE ON access_log BEGIN\n"
  "  SELECT RAISE (ABORT, 'an access log entry is never deleted');\n"
  "END;\n";

/* Retention purges (schema 16, liaison-store-purge.h, docs/privacy.md):
 * the server's record of each reception it purged, kept so that a copy of
 * the reception pulled later is purged too. IF NOT EXISTS: a test's
 * store taken back to an older schema keeps it. */
static const char migration_16[] =
  "CREATE TABLE IF NOT EXISTS purges (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  reception_uuid TEXT NOT NULL,\n"
  "  station_uuid TEXT NOT NULL,\n"
  "  purged_at TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS purges_by_reception ON purges (reception_uuid);\n";

/* A deputy's PIN as a synced record (schema 17, docs/privacy.md, "The
 * deputy's PIN"): its hash, or NULL once headquarters reset it, sent to the
 * deputy's station and headquarters. The hashes the settings held move
 * here, each under liaison_wire_deputy_pin_uuid ()'s uuid, to be pushed
 * as liaison-store-deputy-pin.c's write_pin () would; the wrong
 * tries and the lock stay in the settings, this desk's own. */
static const char migration_17[] =
  "CREATE TABLE deputy_pins (\n" RECORD_COLUMNS
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  deputy_uuid TEXT NOT NULL UNIQUE,\n"
  "  station_uuid TEXT,\n"
  "  hash TEXT,\n"
  "  set_at TEXT NOT NULL,\n"
  "  reset_by TEXT\n"
  ");\n"
  "INSERT INTO deputy_pins (uuid, updated_at, origin_station_uuid, sync_state, deputy_uuid, station_uuid, hash,"
  " set_at)"
  " SELECT lower (substr (d.uuid, 1, 14) || '8' || substr (d.uuid, 16)), strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
  " s.uuid, d.server_version > 0 AND (s.uuid = (SELECT value FROM settings WHERE key = 'station_uuid')"
  "  OR (SELECT value FROM settings WHERE key = 'sync_role') = 'hq'),"
  " d.uuid, s.uuid, p.value, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
  " FROM settings p JOIN deputies d ON d.uuid = substr (p.key, 10) LEFT JOIN stations s ON s.id = d.station_id"
  " WHERE p.key LIKE 'pin-hash-%';\n"
  "DELETE FROM settings WHERE key LIKE 'pin-hash-%';\n";

/* A station's address (地址), "" when none: the station record's optional
 * address (docs/sync-protocol.md). */
static const char migration_20[] =
  "ALTER TABLE stations ADD COLUMN address TEXT NOT NULL DEFAULT '';\n";

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
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  migration_14,
  migration_15,
  migration_16,
  migration_17,
  liaison_store_online_migration,
  liaison_store_place_migration,
  migration_20,
  liaison_store_held_migration,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIAISON_STORE_SCHEMA_VERSION);

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

gboolean
liaison_store_migrate (LiaisonStore  *self,
                       GError       **error)
{
  int version = liaison_store_get_schema_version (self);

  if (version > LIAISON_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Liaison (database version %d; this program knows up to %d). Update Liaison to open it."),
                   liaison_store_get_path (self), version, LIAISON_STORE_SCHEMA_VERSION);
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
