/* liaison-store-loop.c: the closed loop in the store (see liaison-store-loop.h
 * and docs/closed-loop.md): a suggestion's timeline, its replay, the moves
 * not yet sent, and the cached loop columns rewritten from the replay. */
#define G_LOG_DOMAIN "liaison-store-loop"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"

JsonObject *
liaison_store_parse_object (JsonParser  *parser,
                            const char  *text,
                            GError     **error)
{
  JsonNode *root;

  /* Came over sync: checked for depth before json-glib recurses into it. */
  if (!liaison_json_load (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "not a JSON object");
      return NULL;
    }
  return json_node_get_object (root);
}

/* Timelines */

void
liaison_store_loop_head_free (LiaisonLoopHead *head)
{
  if (head == NULL)
    return;
  g_free (head->uuid);
  g_free (head->station_uuid);
  g_free (head->raised_by);
  g_free (head->created_at);
  g_free (head->co_signers);
  g_free (head->filer_name);
  g_free (head->station_name);
  g_free (head);
}

#define HEAD_SELECT                                                             \
  "SELECT g.id, g.uuid, st.uuid, g.kind, g.raised_by, g.created_at, g.co_signers," \
  " fd.name, st.name FROM suggestions g"                                        \
  " LEFT JOIN stations st ON st.id = g.station_id"                              \
  " LEFT JOIN deputies fd ON fd.id = g.deputy_id"

static LiaisonLoopHead *
read_head (sqlite3_stmt *stmt)
{
  LiaisonLoopHead *head = g_new0 (LiaisonLoopHead, 1);

  head->id = sqlite3_column_int64 (stmt, 0);
  head->uuid = liaison_db_column_text (stmt, 1);
  head->station_uuid = liaison_db_column_text (stmt, 2);
  if (!liaison_loop_kind_from_code ((const char *) sqlite3_column_text (stmt, 3), &head->kind))
    head->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  head->raised_by = liaison_db_column_text (stmt, 4);
  head->created_at = liaison_db_column_text (stmt, 5);
  head->co_signers = liaison_db_column_text (stmt, 6);
  head->filer_name = liaison_db_column_text (stmt, 7);
  head->station_name = liaison_db_column_text (stmt, 8);
  return head;
}

/* The live suggestion @id, or with @uuid (any, tombstones too); NULL and
 * @error NOT_FOUND when there is none, or FAILED. */
LiaisonLoopHead *
liaison_store_load_loop_head (LiaisonStore  *self,
                              gint64         id,
                              const char    *uuid,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  LiaisonLoopHead *head = NULL;
  int rc;

  if (uuid != NULL)
    stmt = liaison_store_prepare (self, HEAD_SELECT " WHERE g.uuid = ?", error);
  else
    stmt = liaison_store_prepare (self, HEAD_SELECT " WHERE g.id = ? AND g.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    head = read_head (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return head;
  if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _("There is no suggestion number %lld."), (long long) id);
  else
    liaison_store_set_error (self, error, _("Could not read the suggestion"));
  return NULL;
}

static GStrv
parse_uuid_array (JsonParser *parser,
                  const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  /* Nearly every suggestion has none: skip the parser then. */
  if (text == NULL || strcmp (text, "[]") == 0 || !liaison_json_load (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *uuid = json_array_get_string_element (array, i);

      if (uuid != NULL)
        g_strv_builder_add (builder, uuid);
    }
  return g_strv_builder_end (builder);
}

static GDateTime *
parse_created_at (const char *text)
{
  GDateTime *at = liaison_loop_parse_at (text);
  g_autoptr(GTimeZone) utc = NULL;

  if (at != NULL || text == NULL)
    return at;
  /* Older rows may carry fractions or an offset. */
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

/* The register move, made from the suggestion record. */
static LiaisonLoopEvent *
register_event (const LiaisonLoopHead *head,
                JsonParser *parser)
{
  LiaisonLoopRole role = head->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION ? LIAISON_LOOP_ROLE_DEPUTY
                                                                          : LIAISON_LOOP_ROLE_STATION;
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REGISTER, role);
  /* The station registered a citizen's item (raised_by is the citizen,
   * not who recorded it); a deputy files their own. */
  const char *registrar = head->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION ? head->filer_name
                                                                          : head->station_name;

  event->uuid = g_strdup (head->uuid);
  event->suggestion_uuid = g_strdup (head->uuid);
  event->at = parse_created_at (head->created_at);
  if (registrar != NULL && *registrar != '\0')
    event->actor_name = g_strdup (registrar);
  else
    event->actor_name = g_strdup (head->raised_by);
  event->kind = head->kind;
  event->co_signers = parse_uuid_array (parser, head->co_signers);
  return event;
}

/* One stored event; NULL (and a warning) for a row that cannot be read,
 * which then stays out of the replay rather than hide the whole timeline. */
static LiaisonLoopEvent *
read_event_row (JsonParser *parser,
                const char *uuid,
                const char *data)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = liaison_store_parse_object (parser, data, &error);
  LiaisonLoopEvent *event = object != NULL ? liaison_loop_event_from_json (uuid, object, &error) : NULL;

  if (event == NULL)
    g_warning ("Suggestion event %s cannot be read: %s", uuid, error->message);
  return event;
}

typedef struct
{
  GPtrArray  *events;
  JsonParser *parser;
  GPtrArray  *refused;
} Timeline;

static void
add_timeline_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  Timeline *timeline = data;
  const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
  LiaisonLoopEvent *event = read_event_row (timeline->parser, uuid, (const char *) sqlite3_column_text (stmt, 1));

  if (event != NULL)
    g_ptr_array_add (timeline->events, event);
  if (timeline->refused != NULL && sqlite3_column_int (stmt, 2) == LIAISON_SYNC_STATE_ERROR)
    g_ptr_array_add (timeline->refused, g_strdup (uuid));
}

/* The timeline, register move first; @refused (may be NULL) gets the uuids
 * of the moves made here that the server refused, read in the same pass. */
GPtrArray *
liaison_store_load_timeline (LiaisonStore           *self,
                             const LiaisonLoopHead  *head,
                             GPtrArray              *refused,
                             GError                **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  Timeline timeline = { events, parser, refused };
  sqlite3_stmt *stmt;

  g_ptr_array_add (events, register_event (head, parser));

  stmt = liaison_store_prepare (self,
    "SELECT uuid, data, sync_state FROM suggestion_events WHERE suggestion_uuid = ? ORDER BY at, uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, head->uuid, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_rows (self, stmt, add_timeline_row, &timeline,
                                _("Could not read the suggestion’s timeline"), error))
    return NULL;
  return g_steal_pointer (&events);
}

/* liaison_loop_replay() of @events without the moves in @refused, which
 * go to ->rejected (liaison_store_replay_timeline()). */
LiaisonLoopState *
liaison_store_replay_without (GPtrArray *events,
                              GPtrArray *refused)
{
  g_autoptr(GPtrArray) kept = NULL;
  LiaisonLoopState *state;

  if (refused->len == 0)
    return liaison_loop_replay (events);

  kept = g_ptr_array_new ();
  for (guint i = 0; i < events->len; i++)
    {
      LiaisonLoopEvent *event = g_ptr_array_index (events, i);

      if (!g_ptr_array_find_with_equal_func (refused, event->uuid, g_str_equal, NULL))
        g_ptr_array_add (kept, event);
    }
  state = liaison_loop_replay (kept);
  for (guint i = 0; i < refused->len; i++)
    g_ptr_array_add (state->rejected, g_strdup (g_ptr_array_index (refused, i)));
  return state;
}

GPtrArray *
liaison_store_list_suggestion_events (LiaisonStore  *self,
                                      gint64         suggestion_id,
                                      GError       **error)
{
  g_autoptr(LiaisonLoopHead) head = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  head = liaison_store_load_loop_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    return NULL;
  return liaison_store_load_timeline (self, head, NULL, error);
}

LiaisonLoopState *
liaison_store_replay_timeline (LiaisonStore *self,
                               GPtrArray    *events)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  const LiaisonLoopEvent *registration;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (events != NULL && events->len > 0, NULL);

  /* The register move's uuid is the suggestion's. */
  registration = g_ptr_array_index (events, 0);
  stmt = liaison_store_prepare (self,
    "SELECT uuid FROM suggestion_events WHERE suggestion_uuid = ?1 AND sync_state = ?2", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, registration->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, LIAISON_SYNC_STATE_ERROR);
      liaison_store_step_rows (self, stmt, liaison_db_row_add_text, refused,
                               _("Could not read the suggestion’s timeline"), NULL);
    }
  return liaison_store_replay_without (events, refused);
}

LiaisonLoopState *
liaison_store_get_loop_state (LiaisonStore  *self,
                              gint64         suggestion_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(LiaisonLoopHead) head = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  head = liaison_store_load_loop_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    return NULL;
  events = liaison_store_load_timeline (self, head, refused, error);
  if (events == NULL)
    return NULL;
  return liaison_store_replay_without (events, refused);
}

static void
add_unsent_row (sqlite3_stmt *stmt,
                gpointer      unsent)
{
  const char *reason = (const char *) sqlite3_column_text (stmt, 2);
  gboolean refused = sqlite3_column_int (stmt, 1) == LIAISON_SYNC_STATE_ERROR;

  g_hash_table_replace (unsent, liaison_db_column_text (stmt, 0),
                        refused ? g_strdup (reason != NULL ? reason : "") : NULL);
}

GHashTable *
liaison_store_list_unsent_events (LiaisonStore  *self,
                                  gint64         suggestion_id,
                                  GError       **error)
{
  g_autoptr(GHashTable) unsent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  /* Pulled moves are synced: whatever is not was recorded here. */
  stmt = liaison_store_prepare (self,
    "SELECT e.uuid, e.sync_state, e.sync_error FROM suggestions g"
    " JOIN suggestion_events e ON e.suggestion_uuid = g.uuid"
    " WHERE g.id = ? AND e.sync_state <> 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (!liaison_store_step_rows (self, stmt, add_unsent_row, unsent,
                                _("Could not read the suggestion’s timeline"), error))
    return NULL;
  return g_steal_pointer (&unsent);
}

/* The cache */

static gboolean
write_cache (LiaisonStore            *self,
             const char              *suggestion_uuid,
             const LiaisonLoopState  *state,
             GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean awaits_reply = liaison_loop_state_awaits_reply (state);
  gboolean reopened = state->rated && state->last_rating == LIAISON_LOOP_RATING_UNSATISFIED &&
                      state->status == LIAISON_LOOP_STATUS_TAKEN_UP;

  /* Not an edit: version, updated_at and sync_state stay as they are. */
  stmt = liaison_store_prepare (self,
    "UPDATE suggestions SET status = ?2, loop_round = ?3, due_date = ?4, key_supervision = ?5,"
    " reopened = ?6, taken_up_by_id = (SELECT id FROM deputies WHERE uuid = ?7 AND deleted = 0),"
    " registered_on = ?8, last_rating = ?9, n_replies = ?10, n_late_replies = ?11"
    " WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, suggestion_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, liaison_loop_status_to_code (state->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MAX (state->round, 1));
  if (awaits_reply && g_date_valid (&state->due_date))
    sqlite3_bind_text (stmt, 4, liaison_date_to_iso (&state->due_date), -1, g_free);
  sqlite3_bind_int (stmt, 5, state->key_supervision);
  sqlite3_bind_int (stmt, 6, reopened);
  if (state->deputy_uuid != NULL)
    sqlite3_bind_text (stmt, 7, state->deputy_uuid, -1, SQLITE_TRANSIENT);
  /* The figures' columns: what liaison_figures_compute() reads of the state. */
  if (g_date_valid (&state->registered_on))
    sqlite3_bind_text (stmt, 8, liaison_date_to_iso (&state->registered_on), -1, g_free);
  if (state->rated)
    sqlite3_bind_text (stmt, 9, liaison_loop_rating_to_code (state->last_rating), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, state->n_replies);
  sqlite3_bind_int64 (stmt, 11, state->n_late_replies);
  return liaison_store_step_done (self, stmt, _("Could not update the suggestion’s state"), error);
}

gboolean
liaison_store_refresh_loop_cache (LiaisonStore  *self,
                                  const char    *suggestion_uuid,
                                  GError       **error)
{
  g_autoptr(LiaisonLoopState) state = NULL;

  return liaison_store_refresh_loop_cache_full (self, suggestion_uuid, &state, error);
}

gboolean
liaison_store_refresh_loop_cache_full (LiaisonStore      *self,
                                       const char        *suggestion_uuid,
                                       LiaisonLoopState **state_out,
                                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaisonLoopHead) head = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonLoopState) state = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (suggestion_uuid != NULL, FALSE);
  g_return_val_if_fail (state_out != NULL && *state_out == NULL, FALSE);

  head = liaison_store_load_loop_head (self, 0, suggestion_uuid, &local_error);
  if (head == NULL)
    {
      /* Its events came first: the suggestion's arrival refreshes it. */
      if (g_error_matches (local_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  events = liaison_store_load_timeline (self, head, refused, error);
  if (events == NULL)
    return FALSE;
  state = liaison_store_replay_without (events, refused);
  if (!write_cache (self, head->uuid, state, error))
    return FALSE;
  *state_out = g_steal_pointer (&state);
  return TRUE;
}
