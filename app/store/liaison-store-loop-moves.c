/* liaison-store-loop-moves.c: adding a move to a suggestion's timeline: the checks, the
 * row, and the cache refreshed, in one transaction. */
#define G_LOG_DOMAIN "liaison-store-loop"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-loop-wire.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

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
              const LiaisonLoopHead   *head,
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

  if (event->role == LIAISON_LOOP_ROLE_CITIZEN)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           /* Translators: a citizen's own rating tried at a desk */
                           _("A citizen’s online rating is recorded only by the public site."));
      return FALSE;
    }
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

/* A deputy's move made at this desk takes the deputy's PIN
 * (liaison-store-deputy-pin.h): the deputy entered it here, and a move
 * naming a deputy names that one. Pulled moves are history and pass. */
static gboolean
check_deputy_verified (LiaisonStore            *self,
                       const LiaisonLoopEvent  *event,
                       GError                 **error)
{
  const char *verified = liaison_store_get_verified_deputy (self);

  if (event->role != LIAISON_LOOP_ROLE_DEPUTY)
    return TRUE;
  if (verified != NULL && (event->deputy_uuid == NULL || g_strcmp0 (event->deputy_uuid, verified) == 0))
    return TRUE;
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       /* Translators: a deputy's step (taking up, rating blind) tried
                        * without the deputy's PIN entered at Switch User */
                       _("A deputy’s step takes the deputy’s PIN: use Switch User and enter it."));
  return FALSE;
}

/* A blind rating names no deputy, so the PIN alone does not say whose it
 * is: only the deputy who filed the suggestion rates its reply, after
 * their own PIN (issue 13, section 5). */
static gboolean
check_blind_rater (LiaisonStore            *self,
                   gint64                   suggestion_id,
                   const LiaisonLoopEvent  *event,
                   GError                 **error)
{
  g_autofree char *filer = NULL;
  sqlite3_stmt *stmt;

  if (event->role != LIAISON_LOOP_ROLE_DEPUTY || event->move != LIAISON_LOOP_MOVE_RATE)
    return TRUE;
  stmt = liaison_store_prepare (self, "SELECT d.uuid FROM suggestions s JOIN deputies d ON d.id = s.deputy_id"
                                      " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    filer = liaison_db_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (filer != NULL && g_strcmp0 (filer, liaison_store_get_verified_deputy (self)) == 0)
    return TRUE;
  g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       /* Translators: a blind rating (背对背评价) of a deputy's own suggestion's reply */
                       _("Only the deputy who filed this suggestion can rate its reply blind, after entering their own PIN."));
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
  g_autoptr(LiaisonLoopHead) head = NULL;
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
  if (!received && !check_deputy_verified (self, event, error))
    return FALSE;
  if (!received && !check_blind_rater (self, suggestion_id, event, error))
    return FALSE;
  if (is_too_far_ahead (event->at))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This step is dated in the future; check this computer’s clock."));
      return FALSE;
    }

  if (!liaison_store_begin (self, error))
    return FALSE;

  head = liaison_store_load_loop_head (self, suggestion_id, NULL, error);
  if (head == NULL)
    goto failed;
  timeline = liaison_store_load_timeline (self, head, refused, error);
  if (timeline == NULL)
    goto failed;
  state = liaison_store_replay_without (timeline, refused);

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
