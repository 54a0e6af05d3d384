/* liaison-store-loop.c: the closed loop in the store (see the header and
 * docs/closed-loop.md): timelines, moves, the cached loop columns, the
 * follow-up lists, headquarters' rules and the figures. */
#define G_LOG_DOMAIN "liaison-store-loop"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

static JsonObject *
parse_object (JsonParser  *parser,
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

LiaisonLoopRules *
liaison_store_get_loop_rules (LiaisonStore  *self,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  LiaisonLoopRules *rules;
  JsonObject *object;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, "SELECT data FROM loop_rules WHERE uuid = ? AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read headquarters’ rules"));
      return NULL;
    }
  if (data == NULL)
    {
      /* No rules from headquarters yet: the published holidays, not
       * weekends alone, so that a first referral's due date is right. */
      rules = liaison_loop_rules_new ();
      liaison_calendar_free (rules->calendar);
      rules->calendar = liaison_calendar_new_official ();
      return rules;
    }

  parser = json_parser_new ();
  object = parse_object (parser, data, &local_error);
  rules = object != NULL ? liaison_loop_rules_from_json (object, &local_error) : NULL;
  if (rules == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                   _("Headquarters’ rules on this computer cannot be read: %s"), local_error->message);
      return NULL;
    }
  return rules;
}

gboolean
liaison_store_set_loop_rules (LiaisonStore            *self,
                              const LiaisonLoopRules  *rules,
                              GError                 **error)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *data = NULL;
  g_autofree char *now = NULL;
  g_autofree char *origin = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (liaison_store_get_sync_role (self) != LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Only headquarters can change the holidays and time limits."));
      return FALSE;
    }
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    if (rules->limits[k].working_days == 0 && rules->limits[k].months == 0)
      {
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                     /* Translators: %s is a kind of suggestion, "Public opinion" */
                     _("Give a time limit for “%s”: a number of working days or of months."),
                     liaison_loop_kind_label ((LiaisonLoopKind) k));
        return FALSE;
      }

  object = liaison_loop_rules_to_json (rules);
  data = liaison_store_json_text (object);
  now = liaison_store_now_utc ();
  origin = liaison_store_get_setting (self, "station_uuid");

  stmt = liaison_store_prepare (self,
    "INSERT INTO loop_rules (uuid, version, updated_at, origin_station_uuid, sync_state, data)"
    " VALUES (?1, 1, ?2, ?3, 1, ?4)"
    " ON CONFLICT (uuid) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at,"
    " deleted = 0, sync_state = 1, sync_error = NULL, data = excluded.data", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, LIAISON_LOOP_RULES_UUID, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (origin != NULL)
    sqlite3_bind_text (stmt, 3, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, data, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, _("Could not save the holidays and time limits"), error))
    return FALSE;
  liaison_store_emit_changed (self, "loop_rules");
  return TRUE;
}

void
liaison_store_default_due_date (LiaisonStore    *self,
                                LiaisonLoopKind  kind,
                                const GDate     *referral_day,
                                GDate           *due)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;

  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail ((guint) kind < LIAISON_N_LOOP_KINDS);
  g_return_if_fail (referral_day != NULL && due != NULL);

  /* Unreadable rules must not stop a referral: the defaults still apply. */
  rules = liaison_store_get_loop_rules (self, NULL);
  if (rules == NULL)
    rules = liaison_loop_rules_new ();
  liaison_calendar_due_date (rules->calendar, referral_day, &rules->limits[kind], due);
}

/* Timelines */

/* What the register move is made of: the suggestion record itself. */
typedef struct {
  gint64           id;
  char            *uuid;
  char            *station_uuid;
  LiaisonLoopKind  kind;
  char            *raised_by;
  char            *created_at;
  char            *co_signers;   /* JSON array of uuids */
  char            *filer_name;
  char            *station_name;
} Head;

static void
head_free (Head *head)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Head, head_free)

#define HEAD_SELECT                                                             \
  "SELECT g.id, g.uuid, st.uuid, g.kind, g.raised_by, g.created_at, g.co_signers," \
  " fd.name, st.name FROM suggestions g"                                        \
  " LEFT JOIN stations st ON st.id = g.station_id"                              \
  " LEFT JOIN deputies fd ON fd.id = g.deputy_id"

static Head *
read_head (sqlite3_stmt *stmt)
{
  Head *head = g_new0 (Head, 1);

  head->id = sqlite3_column_int64 (stmt, 0);
  head->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  head->station_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  if (!liaison_loop_kind_from_code ((const char *) sqlite3_column_text (stmt, 3), &head->kind))
    head->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  head->raised_by = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  head->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  head->co_signers = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  head->filer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  head->station_name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return head;
}

/* The live suggestion @id, or with @uuid (any, tombstones too); NULL and
 * @error NOT_FOUND when there is none, or FAILED. */
static Head *
load_head (LiaisonStore  *self,
           gint64         id,
           const char    *uuid,
           GError       **error)
{
  sqlite3_stmt *stmt;
  Head *head = NULL;
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
register_event (const Head *head,
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
  JsonObject *object = parse_object (parser, data, &error);
  LiaisonLoopEvent *event = object != NULL ? liaison_loop_event_from_json (uuid, object, &error) : NULL;

  if (event == NULL)
    g_warning ("Suggestion event %s cannot be read: %s", uuid, error->message);
  return event;
}

/* The timeline, register move first; @refused (may be NULL) gets the uuids
 * of the moves made here that the server refused, read in the same pass. */
static GPtrArray *
load_timeline (LiaisonStore  *self,
               const Head    *head,
               GPtrArray     *refused,
               GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_ptr_array_add (events, register_event (head, parser));

  stmt = liaison_store_prepare (self,
    "SELECT uuid, data, sync_state FROM suggestion_events WHERE suggestion_uuid = ? ORDER BY at, uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, head->uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      LiaisonLoopEvent *event = read_event_row (parser, uuid, (const char *) sqlite3_column_text (stmt, 1));

      if (event != NULL)
        g_ptr_array_add (events, event);
      if (refused != NULL && sqlite3_column_int (stmt, 2) == LIAISON_SYNC_STATE_ERROR)
        g_ptr_array_add (refused, g_strdup (uuid));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read the suggestion’s timeline"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* liaison_loop_replay() of @events without the moves in @refused, which
 * go to ->rejected (liaison_store_replay_timeline()). */
static LiaisonLoopState *
replay_without (GPtrArray *events,
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
  g_autoptr(Head) head = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  head = load_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    return NULL;
  return load_timeline (self, head, NULL, error);
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
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (refused, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  return replay_without (events, refused);
}

LiaisonLoopState *
liaison_store_get_loop_state (LiaisonStore  *self,
                              gint64         suggestion_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(Head) head = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  head = load_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    return NULL;
  events = load_timeline (self, head, refused, error);
  if (events == NULL)
    return NULL;
  return replay_without (events, refused);
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
  g_autoptr(Head) head = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonLoopState) state = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (suggestion_uuid != NULL, FALSE);
  g_return_val_if_fail (state_out != NULL && *state_out == NULL, FALSE);

  head = load_head (self, 0, suggestion_uuid, &local_error);
  if (head == NULL)
    {
      /* Its events came first: the suggestion's arrival refreshes it. */
      if (g_error_matches (local_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  events = load_timeline (self, head, refused, error);
  if (events == NULL)
    return FALSE;
  state = replay_without (events, refused);
  if (!write_cache (self, head->uuid, state, error))
    return FALSE;
  *state_out = g_steal_pointer (&state);
  return TRUE;
}

/* Adding a move */

/* Whether @uuid is a live row of the list @sql reads; if not, @missing
 * says so. NULL names nothing and passes. */
static gboolean
check_listed (LiaisonStore  *self,
              const char    *sql,
              const char    *uuid,
              const char    *missing,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (uuid == NULL)
    return TRUE;
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not check the suggestion’s move"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, missing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_unit (LiaisonStore  *self,
            const char    *uuid,
            GError       **error)
{
  return check_listed (self, "SELECT 1 FROM units WHERE uuid = ? AND deleted = 0", uuid,
                       _("That handling unit is not on the list of units; sync and choose it again."),
                       error);
}

/* The deputies and units a move names must be on this replica's lists. */
static gboolean
check_references (LiaisonStore            *self,
                  const LiaisonLoopEvent  *event,
                  GError                 **error)
{
  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      return check_listed (self, "SELECT 1 FROM deputies WHERE uuid = ? AND deleted = 0",
                           event->deputy_uuid, _("That deputy is not on the roster."), error);
    case LIAISON_LOOP_MOVE_REFER:
      if (!check_unit (self, event->lead_unit_uuid, error))
        return FALSE;
      for (guint i = 0; event->co_unit_uuids != NULL && event->co_unit_uuids[i] != NULL; i++)
        if (!check_unit (self, event->co_unit_uuids[i], error))
          return FALSE;
      return TRUE;
    case LIAISON_LOOP_MOVE_REPLY:
      return check_unit (self, event->replying_unit_uuid, error);
    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_RATE:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_LOOP_MOVE_WITHDRAW:
    case LIAISON_LOOP_MOVE_SUPERVISE:
    case LIAISON_N_LOOP_MOVES:
    default:
      return TRUE;
    }
}

/* The latest time on the timeline, so that a new move is always placed
 * after the moves it follows: replay orders by (at, uuid), and a station's
 * clock a little behind headquarters', or two moves in the same second,
 * would otherwise put a rating before its reply. */
static GDateTime *
latest_at (GPtrArray *events)
{
  GDateTime *latest = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (events, i);

      if (event->at != NULL && (latest == NULL || g_date_time_compare (event->at, latest) > 0))
        latest = event->at;
    }
  return latest;
}

/* Whole seconds in UTC, as the event is stored and synced. */
static void
settle_at (LiaisonLoopEvent *event,
           GPtrArray        *timeline)
{
  GDateTime *latest = latest_at (timeline);
  g_autoptr(GDateTime) at = NULL;

  if (event->at == NULL)
    at = g_date_time_new_now_utc ();
  else
    at = g_date_time_to_utc (event->at);
  g_clear_pointer (&event->at, g_date_time_unref);
  event->at = g_date_time_new_utc (g_date_time_get_year (at), g_date_time_get_month (at),
                                   g_date_time_get_day_of_month (at), g_date_time_get_hour (at),
                                   g_date_time_get_minute (at), g_date_time_get_second (at));
  if (latest != NULL && g_date_time_compare (event->at, latest) <= 0)
    {
      g_date_time_unref (event->at);
      event->at = g_date_time_add_seconds (latest, 1);
    }
}

static gboolean
insert_event (LiaisonStore            *self,
              const Head              *head,
              const LiaisonLoopEvent  *event,
              gboolean                 received,
              GError                 **error)
{
  g_autoptr(JsonObject) object = liaison_loop_event_to_json (event);
  g_autofree char *data = liaison_store_json_text (object);
  g_autofree char *at = liaison_loop_format_at (event->at);
  sqlite3_stmt *stmt;

  /* A received move is stored as a pulled one: synced, version 1. */
  stmt = liaison_store_prepare (self,
    "INSERT INTO suggestion_events (uuid, suggestion_uuid, move, role, at, data,"
    " origin_station_uuid, sync_state, server_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, event->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, head->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, liaison_loop_move_to_code (event->move), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, liaison_loop_role_to_code (event->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data, -1, SQLITE_TRANSIENT);
  if (head->station_uuid != NULL)
    sqlite3_bind_text (stmt, 7, head->station_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, received ? LIAISON_SYNC_STATE_SYNCED : LIAISON_SYNC_STATE_PENDING);
  sqlite3_bind_int (stmt, 9, received ? 1 : 0);
  return liaison_store_step_done (self, stmt, _("Could not record the move"), error);
}

/* Each replica pushes only its own side's moves (the server refuses the
 * others): a station's staff and deputies at a station, headquarters' at
 * headquarters. A replica not yet enrolled is the station it will be. */
static gboolean
check_owner (LiaisonStore            *self,
             const LiaisonLoopEvent  *event,
             GError                 **error)
{
  gboolean at_hq = liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ;

  if (at_hq == (event->role == LIAISON_LOOP_ROLE_HQ))
    return TRUE;
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       /* Translators: a step of a suggestion's follow-up (taking it up, a
                        * rating...) tried on headquarters' computer; the station records it */
                       at_hq ? _("This step is recorded at the station.")
                             /* Translators: a step (referral, reply...) tried at a station's
                              * computer; only headquarters' computer may record it */
                             : _("Only headquarters’ desk can record this step."));
  return FALSE;
}

/* How far ahead of this computer's clock a move may be dated: the server
 * refuses more (docs/sync-protocol.md), so such a move could never be sent. */
#define MAX_AHEAD (10 * G_TIME_SPAN_MINUTE)

static gboolean
is_too_far_ahead (GDateTime *at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return at != NULL && g_date_time_difference (at, now) > MAX_AHEAD;
}

static gboolean
add_event (LiaisonStore      *self,
           gint64             suggestion_id,
           LiaisonLoopEvent  *event,
           gboolean           received,
           GError           **error)
{
  g_autoptr(Head) head = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonLoopState) state = NULL;

  if (event->move == LIAISON_LOOP_MOVE_REGISTER)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("A suggestion is registered when it is saved, not as a separate step."));
      return FALSE;
    }
  if (!received && !check_owner (self, event, error))
    return FALSE;
  if (is_too_far_ahead (event->at))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This step is dated in the future; check this computer’s clock."));
      return FALSE;
    }

  if (!liaison_store_begin (self, error))
    return FALSE;

  head = load_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    goto failed;
  timeline = load_timeline (self, head, refused, error);
  if (timeline == NULL)
    goto failed;
  state = replay_without (timeline, refused);

  if (event->uuid == NULL)
    event->uuid = g_uuid_string_random ();
  g_free (event->suggestion_uuid);
  event->suggestion_uuid = g_strdup (head->uuid);
  settle_at (event, timeline);
  /* Placed after a move dated ahead of the clock, this one would be too,
   * and headquarters would refuse it. */
  if (is_too_far_ahead (event->at))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The suggestion’s timeline has a step dated in the future, so no step can follow it yet; "
                             "check the clock of the computer that recorded it."));
      goto failed;
    }

  /* The rule's own message is already in words for the user. */
  if (!liaison_loop_check_move (state, event->move, event->role, event, error) ||
      !check_references (self, event, error) ||
      !insert_event (self, head, event, received, error) ||
      !liaison_store_refresh_loop_cache (self, head->uuid, error))
    goto failed;

  liaison_store_emit_changed (self, "suggestions");
  liaison_store_emit_changed (self, "suggestion_events");
  return liaison_store_commit (self, error);

failed:
  liaison_store_rollback (self);
  return FALSE;
}

gboolean
liaison_store_add_suggestion_event (LiaisonStore      *self,
                                    gint64             suggestion_id,
                                    LiaisonLoopEvent  *event,
                                    GError           **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return add_event (self, suggestion_id, event, FALSE, error);
}

gboolean
liaison_store_add_received_event (LiaisonStore      *self,
                                  gint64             suggestion_id,
                                  LiaisonLoopEvent  *event,
                                  GError           **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return add_event (self, suggestion_id, event, TRUE, error);
}

GHashTable *
liaison_store_list_unsent_events (LiaisonStore  *self,
                                  gint64         suggestion_id,
                                  GError       **error)
{
  g_autoptr(GHashTable) unsent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  /* Pulled moves are synced: whatever is not was recorded here. */
  stmt = liaison_store_prepare (self,
    "SELECT e.uuid, e.sync_state, e.sync_error FROM suggestions g"
    " JOIN suggestion_events e ON e.suggestion_uuid = g.uuid"
    " WHERE g.id = ? AND e.sync_state <> 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (stmt, 2);
      gboolean refused = sqlite3_column_int (stmt, 1) == LIAISON_SYNC_STATE_ERROR;

      g_hash_table_replace (unsent, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                            refused ? g_strdup (reason != NULL ? reason : "") : NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not read the suggestion’s timeline"));
      return NULL;
    }
  return g_steal_pointer (&unsent);
}

/* The follow-up lists */

/* Each list's WHERE is word for word the WHERE of its partial index in
 * migration_4 or migration_5 (liaison-store.c): SQLite uses a partial
 * index only for a query whose terms include the index's own. */
#define OPEN_STATUS " g.status NOT IN ('none', 'closed', 'withdrawn')"
#define AWAITING_REPLY " g.status IN ('referred', 'in_progress')"
#define NEWEST_FIRST " ORDER BY g.created_at DESC, g.id DESC"

typedef struct {
  const char *where;  /* after "g.deleted = 0 AND"; ?1 today, ?2 today + 3, ?3 deputy id */
  const char *order;
} ListQuery;

static const ListQuery list_queries[LIAISON_N_LOOP_LISTS] = {
  [LIAISON_LOOP_LIST_TO_REFER] = {
    " g.status IN ('taken_up', 'registered') AND (g.status = 'taken_up' OR g.kind = 'deputy_suggestion')",
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_OVERDUE] = {
    AWAITING_REPLY " AND g.due_date < ?1",
    " ORDER BY g.due_date, g.id" },
  [LIAISON_LOOP_LIST_DUE_SOON] = {
    AWAITING_REPLY " AND g.due_date >= ?1 AND g.due_date <= ?2",
    " ORDER BY g.due_date, g.id" },
  /* Those awaiting a reply first, soonest due (the most overdue) at the
   * top; the others after them, newest first: the order of
   * suggestions_key_supervision_by_due (migration_5). */
  [LIAISON_LOOP_LIST_KEY_SUPERVISION] = {
    " g.key_supervision = 1 AND" OPEN_STATUS,
    " ORDER BY g.due_date IS NULL, g.due_date, g.created_at DESC, g.id DESC" },
  /* The latest rating is unsatisfied while the suggestion is open, until
   * it is rated again (docs/closed-loop.md): it stays on the list once it
   * is referred again, as the figures count it. */
  [LIAISON_LOOP_LIST_UNSATISFIED] = {
    " g.last_rating = 'unsatisfied' AND" OPEN_STATUS,
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_TO_TAKE_UP] = {
    " g.status = 'registered' AND g.kind = 'public_opinion'",
    NEWEST_FIRST },
  /* A deputy rates their own suggestion: there is no citizen to call. */
  [LIAISON_LOOP_LIST_TELL_CITIZEN] = {
    " g.status IN ('replied', 'answered_on_spot') AND g.kind = 'public_opinion'",
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_TAKEN_UP_BY] = {
    " g.taken_up_by_id = ?3 AND g.status NOT IN ('closed', 'withdrawn')",
    NEWEST_FIRST },
  /* The filer's own, and those co-signed (suggestion_co_signers, kept from
   * co_signers by triggers), each found by an index. */
  [LIAISON_LOOP_LIST_FILED_BY] = {
    " g.kind = 'deputy_suggestion' AND g.id IN (SELECT s.id FROM suggestions s"
    " WHERE s.deputy_id = ?3 AND s.deleted = 0 AND s.kind = 'deputy_suggestion'"
    " UNION ALL SELECT c.suggestion_id FROM suggestion_co_signers c"
    " WHERE c.deputy_uuid = (SELECT uuid FROM deputies WHERE id = ?3))",
    NEWEST_FIRST },
};

static void
resolve_today (const GDate *today,
               GDate       *day)
{
  if (today != NULL && g_date_valid (today))
    *day = *today;
  else
    liaison_date_set_today (day);
}

/* Binds today and today + 3 (ISO dates compare as text in date order) to
 * parameters @first and @first + 1. */
static void
bind_days (sqlite3_stmt *stmt,
           int           first,
           const GDate  *today)
{
  GDate day;
  GDate soon;

  resolve_today (today, &day);
  soon = day;
  g_date_add_days (&soon, 3);
  sqlite3_bind_text (stmt, first, liaison_date_to_iso (&day), -1, g_free);
  sqlite3_bind_text (stmt, first + 1, liaison_date_to_iso (&soon), -1, g_free);
}

static void
bind_list (sqlite3_stmt *stmt,
           gint64        deputy_id,
           const GDate  *today)
{
  bind_days (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 3, deputy_id);
}

GPtrArray *
liaison_store_list_loop (LiaisonStore     *self,
                         LiaisonLoopList   list,
                         gint64            deputy_id,
                         const GDate      *today,
                         guint             limit,
                         GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) list < LIAISON_N_LOOP_LISTS, NULL);

  sql = g_strconcat (LIAISON_SUGGESTION_SELECT " WHERE g.deleted = 0 AND", list_queries[list].where,
                     list_queries[list].order, " LIMIT ?4", NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_list (stmt, deputy_id, today);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  return liaison_store_collect_rows (self, stmt, liaison_store_read_suggestion,
                                     (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}

guint
liaison_store_count_loop (LiaisonStore     *self,
                          LiaisonLoopList   list,
                          gint64            deputy_id,
                          const GDate      *today,
                          GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) list < LIAISON_N_LOOP_LISTS, 0);

  sql = g_strconcat ("SELECT count(*) FROM suggestions g WHERE g.deleted = 0 AND",
                     list_queries[list].where, NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  bind_list (stmt, deputy_id, today);
  return liaison_store_step_count (self, stmt, _("Could not count the suggestions"), error);
}

/* Replies that arrived */

guint
liaison_store_count_unseen_replies (LiaisonStore  *self,
                                    GError       **error)
{
  gint64 count;

  g_return_val_if_fail (LIAISON_IS_STORE (self), 0);

  count = liaison_store_query_int (self,
    "SELECT count(*) FROM suggestions WHERE reply_unseen = 1 AND deleted = 0", error);
  return count > 0 ? (guint) count : 0;
}

gboolean
liaison_store_mark_reply_seen (LiaisonStore  *self,
                               gint64         suggestion_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  /* Bookkeeping of this computer, not an edit: nothing to sync. */
  stmt = liaison_store_prepare (self,
    "UPDATE suggestions SET reply_unseen = 0 WHERE id = ? AND reply_unseen = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (!liaison_store_step_done (self, stmt, _("Could not mark the reply as seen"), error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (self)) > 0)
    liaison_store_emit_changed (self, "suggestions");
  return TRUE;
}

/* The figures */

/* The figures come from the cached columns, which
 * liaison_store_refresh_loop_cache() writes from each replay, in two
 * queries: the suggestions of the period grouped by what the figures tell
 * apart but the deadline (a few dozen groups, read in the order of
 * suggestions_for_figures), and the deadlines of those awaiting a reply.
 * test-store-loop checks them against liaison_figures_compute() over the
 * replayed timelines. */
#define FIGURES_GROUPS_SELECT                                                          \
  "SELECT status, last_rating, key_supervision, n_replies, n_late_replies, count(*)"   \
  " FROM suggestions WHERE deleted = 0 AND status <> 'none'"                          \
  " AND registered_on >= ?1 AND registered_on <= ?2"                                  \
  " GROUP BY status, last_rating, key_supervision, n_replies, n_late_replies"
/* Named: without statistics SQLite would rather take suggestions_for_figures
 * by status and read every row awaiting a reply. */
#define FIGURES_DEADLINES_SELECT                                                       \
  "SELECT sum (g.due_date < ?3), sum (g.due_date >= ?3)"                              \
  " FROM suggestions g INDEXED BY suggestions_awaiting_reply"                         \
  " WHERE g.deleted = 0 AND" AWAITING_REPLY " AND g.due_date <= ?4"                   \
  " AND g.registered_on >= ?1 AND g.registered_on <= ?2"

/* Binds the period (?1, ?2) and the day (?3, ?4) of a figures query. */
static void
bind_figures (sqlite3_stmt *stmt,
              const GDate  *from,
              const GDate  *to,
              const GDate  *today)
{
  /* Every ISO date sorts after "" and before "~". */
  if (from != NULL && g_date_valid (from))
    sqlite3_bind_text (stmt, 1, liaison_date_to_iso (from), -1, g_free);
  else
    sqlite3_bind_text (stmt, 1, "", -1, SQLITE_STATIC);
  if (to != NULL && g_date_valid (to))
    sqlite3_bind_text (stmt, 2, liaison_date_to_iso (to), -1, g_free);
  else
    sqlite3_bind_text (stmt, 2, "~", -1, SQLITE_STATIC);
  bind_days (stmt, 3, today);
}

/* Adds @count suggestions alike to @figures, by the figures' own rules
 * (liaison_figures_compute() on one state standing for them). Their
 * deadline is left out: the deadlines query counts it. */
static void
add_figures_group (LiaisonFigures *figures,
                   sqlite3_stmt   *stmt,
                   const GDate    *day)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  LiaisonLoopState state = { 0, };
  LiaisonFigures group;
  guint count = (guint) sqlite3_column_int64 (stmt, 5);

  if (!liaison_loop_status_from_code ((const char *) sqlite3_column_text (stmt, 0), &state.status))
    return;
  state.rated = liaison_loop_rating_from_code ((const char *) sqlite3_column_text (stmt, 1), &state.last_rating);
  state.key_supervision = sqlite3_column_int (stmt, 2) != 0;
  state.n_replies = (guint) sqlite3_column_int (stmt, 3);
  state.n_late_replies = (guint) sqlite3_column_int (stmt, 4);
  state.registered_on = *day;
  g_date_clear (&state.due_date, 1);
  g_ptr_array_add (one, &state);
  liaison_figures_compute (&group, one, NULL, NULL, day);

  figures->collected += group.collected * count;
  figures->withdrawn += group.withdrawn * count;
  figures->resolved += group.resolved * count;
  figures->rated += group.rated * count;
  figures->satisfied += group.satisfied * count;
  figures->basically_satisfied += group.basically_satisfied * count;
  figures->replied += group.replied * count;
  figures->replied_in_time += group.replied_in_time * count;
  figures->key_supervision += group.key_supervision * count;
  figures->unsatisfied_open += group.unsatisfied_open * count;
}

gboolean
liaison_store_compute_figures (LiaisonStore    *self,
                               const GDate     *from,
                               const GDate     *to,
                               const GDate     *today,
                               LiaisonFigures  *figures,
                               GError         **error)
{
  sqlite3_stmt *stmt;
  GDate day;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  resolve_today (today, &day);

  stmt = liaison_store_prepare (self, FIGURES_GROUPS_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  bind_figures (stmt, from, to, &day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_figures_group (figures, stmt, &day);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = liaison_store_prepare (self, FIGURES_DEADLINES_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  bind_figures (stmt, from, to, &day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* sum() of no rows is NULL, read as 0. */
      figures->overdue = (guint) sqlite3_column_int64 (stmt, 0);
      figures->due_soon = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    goto failed;
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not read the suggestions for the figures"));
  return FALSE;
}
