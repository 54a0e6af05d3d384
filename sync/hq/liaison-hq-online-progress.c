/* liaison-hq-online-progress.c: a citizen's online submission followed
 * through the loop, in plain words, and their rating of the reply
 * written as a loop event (liaison-hq-online-progress.h). */
#define G_LOG_DOMAIN "liaison-hq-online"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-online-progress.h"
#include "liaison-hq-store-private.h"
#include "liaison-loop-wire.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

/* The questions asked here, answered from indexes: a submission's
 * decision, a suggestion's events (the purge asks the latter too). */
static const char online_indexes[] =
  "CREATE INDEX IF NOT EXISTS records_decisions_by_submission ON records (json_extract (data, '$.submission'))"
  " WHERE kind = '" LIAISON_KIND_ONLINE_DECISION "';\n"
  "CREATE INDEX IF NOT EXISTS records_events_by_suggestion ON records (json_extract (data, '$.suggestion'))"
  " WHERE kind = '" LIAISON_KIND_SUGGESTION_EVENT "';\n";

static gboolean
ensure_indexes (LiaisonHqStore  *store,
                GError         **error)
{
  if (g_object_get_data (G_OBJECT (store), "liaison-hq-online-indexes") != NULL)
    return TRUE;
  if (!liaison_hq_store_exec (store, online_indexes, error))
    return FALSE;
  g_object_set_data (G_OBJECT (store), "liaison-hq-online-indexes", GINT_TO_POINTER (1));
  return TRUE;
}

static void
step_free (LiaisonHqProgressStep *step)
{
  g_free (step->date);
  g_free (step->text);
  g_free (step->reply);
  g_free (step);
}

void
liaison_hq_progress_free (LiaisonHqProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->submission_uuid);
  g_free (progress->station_uuid);
  g_free (progress->title);
  g_free (progress->suggestion_uuid);
  g_free (progress->declined_reason);
  g_clear_pointer (&progress->steps, g_ptr_array_unref);
  g_clear_pointer (&progress->state, liaison_loop_state_free);
  g_free (progress);
}

/* What is known of a submission here. */
typedef struct {
  JsonObject *submission;
  JsonObject *decision;    /* NULL until the station decided */
  JsonObject *suggestion;  /* NULL until accepted and pushed */
  char       *suggestion_uuid;
  GPtrArray  *events;      /* LiaisonLoopEvent *, register first, sorted as replayed */
  LiaisonLoopState *state;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->submission, json_object_unref);
  g_clear_pointer (&loaded->decision, json_object_unref);
  g_clear_pointer (&loaded->suggestion, json_object_unref);
  g_clear_pointer (&loaded->suggestion_uuid, g_free);
  g_clear_pointer (&loaded->events, g_ptr_array_unref);
  g_clear_pointer (&loaded->state, liaison_loop_state_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The one live decision on @submission, or NULL. */
static gboolean
load_decision (LiaisonHqStore  *store,
               const char      *submission,
               JsonObject     **decision,
               GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (store,
    "SELECT data FROM records WHERE kind = '" LIAISON_KIND_ONLINE_DECISION "'"
    " AND json_extract (data, '$.submission') = ?1 AND deleted = 0 ORDER BY seq LIMIT 1", error);
  int rc;

  *decision = NULL;
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, submission);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string (liaison_hq_stmt_column_text (stmt, 0), NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        *decision = json_object_ref (json_node_get_object (node));
    }
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (store, error, _("The records could not be read"));
  return TRUE;
}

/* The register move, made from the suggestion record as every desk
 * makes it: its uuid is the suggestion's. */
static LiaisonLoopEvent *
register_event (const char *uuid,
                JsonObject *suggestion)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_ROLE_STATION);
  const char *kind = member_string (suggestion, "kind");

  event->uuid = g_strdup (uuid);
  event->suggestion_uuid = g_strdup (uuid);
  event->at = liaison_loop_parse_at (member_string (suggestion, "created_at"));
  event->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  if (kind != NULL)
    liaison_loop_kind_from_code (kind, &event->kind);
  if (event->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    event->role = LIAISON_LOOP_ROLE_DEPUTY;
  /* Only the replay reads it: the station that registered it. */
  event->actor_name = g_strdup (member_string (suggestion, "station"));
  return event;
}

static gboolean
load_events (LiaisonHqStore  *store,
             Loaded          *loaded,
             GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (store,
    "SELECT uuid, data FROM records WHERE kind = '" LIAISON_KIND_SUGGESTION_EVENT "'"
    " AND json_extract (data, '$.suggestion') = ?1 AND deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  loaded->events = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_ptr_array_add (loaded->events, register_event (loaded->suggestion_uuid, loaded->suggestion));
  liaison_hq_stmt_bind_text (stmt, 1, loaded->suggestion_uuid);
  while ((rc = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string (liaison_hq_stmt_column_text (stmt, 1), NULL);
      LiaisonLoopEvent *event = NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        event = liaison_loop_event_from_json (liaison_hq_stmt_column_text (stmt, 0),
                                              json_node_get_object (node), NULL);
      /* The push checked it; one that cannot be read stays out, as at a desk. */
      if (event != NULL)
        g_ptr_array_add (loaded->events, event);
    }
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (store, error, _("The records could not be read"));
  g_ptr_array_sort (loaded->events, liaison_loop_event_compare);
  loaded->state = liaison_loop_replay (loaded->events);
  return TRUE;
}

static gboolean
load (LiaisonHqStore  *store,
      const char      *submission_uuid,
      Loaded          *loaded,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!ensure_indexes (store, error))
    return FALSE;
  loaded->submission = liaison_hq_store_get_data (store, LIAISON_KIND_ONLINE_SUBMISSION,
                                                  submission_uuid, &local_error);
  if (loaded->submission == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                             _("There is no matter with this receipt code."));
      return FALSE;
    }
  if (!load_decision (store, submission_uuid, &loaded->decision, error))
    return FALSE;
  if (loaded->decision == NULL ||
      g_strcmp0 (member_string (loaded->decision, "decision"), LIAISON_ONLINE_DECISION_ACCEPTED) != 0 ||
      member_string (loaded->decision, "suggestion") == NULL)
    return TRUE;

  loaded->suggestion_uuid = g_strdup (member_string (loaded->decision, "suggestion"));
  loaded->suggestion = liaison_hq_store_get_data (store, LIAISON_KIND_SUGGESTION, loaded->suggestion_uuid,
                                                  &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The station pushes the suggestion with its decision; until it is
   * here, the matter is accepted and no more. */
  if (loaded->suggestion == NULL)
    return TRUE;
  return load_events (store, loaded, error);
}

/* Words */

static char *
local_date (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return NULL;
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
wire_date (const char *text)
{
  g_autoptr(GDateTime) at = liaison_loop_parse_at (text);

  return local_date (at);
}

/* The data.name of a live record, or NULL. */
static char *
record_name (LiaisonHqStore *store,
             const char     *kind,
             const char     *uuid)
{
  g_autoptr(JsonObject) data = NULL;

  if (uuid == NULL)
    return NULL;
  data = liaison_hq_store_get_data (store, kind, uuid, NULL);
  return g_strdup (member_string (data, "name"));
}

static LiaisonHqProgressStep *
add_step (LiaisonHqProgress *progress,
          LiaisonHqStepKind  kind,
          char              *date,
          char              *text)
{
  LiaisonHqProgressStep *step = g_new0 (LiaisonHqProgressStep, 1);

  step->kind = kind;
  step->date = date;
  step->text = text;
  g_ptr_array_add (progress->steps, step);
  return step;
}

static const char *
declined_reason (const char *code)
{
  if (g_strcmp0 (code, LIAISON_ONLINE_REASON_SPAM) == 0)
    return _("The station did not take it up: it was judged to be spam or advertising.");
  if (g_strcmp0 (code, LIAISON_ONLINE_REASON_DUPLICATE) == 0)
    return _("The station did not take it up: it repeats a matter raised earlier.");
  if (g_strcmp0 (code, LIAISON_ONLINE_REASON_OUT_OF_REMIT) == 0)
    return _("The station did not take it up: it is not within the liaison station’s remit.");
  return _("The station did not take it up.");
}

/* The units of a referral, lead unit first, "、"-joined as Chinese lists are. */
static char *
unit_names (LiaisonHqStore         *store,
            const LiaisonLoopEvent *event)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();

  g_ptr_array_add (uuids, event->lead_unit_uuid);
  for (guint i = 0; event->co_unit_uuids != NULL && event->co_unit_uuids[i] != NULL; i++)
    g_ptr_array_add (uuids, event->co_unit_uuids[i]);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autofree char *name = record_name (store, LIAISON_KIND_UNIT, g_ptr_array_index (uuids, i));

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of units in a list */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  if (names->len == 0)
    g_string_append (names, _("the responsible unit"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
deputy_name (LiaisonHqStore         *store,
             const LiaisonLoopEvent *event)
{
  char *name = record_name (store, LIAISON_KIND_DEPUTY, event->deputy_uuid);

  return name != NULL ? name : g_strdup (event->actor_name != NULL ? event->actor_name : "");
}

static gboolean
was_rejected (const LiaisonLoopState *state,
              const char             *uuid)
{
  for (guint i = 0; i < state->rejected->len; i++)
    if (g_strcmp0 (g_ptr_array_index (state->rejected, i), uuid) == 0)
      return TRUE;
  return FALSE;
}

static void
add_event_step (LiaisonHqStore         *store,
                LiaisonHqProgress      *progress,
                const LiaisonLoopEvent *event)
{
  char *date = local_date (event->at);
  LiaisonHqProgressStep *step;

  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
      {
        g_autofree char *name = deputy_name (store, event);

        /* Translators: a step of the follow page; %s is the deputy's name */
        add_step (progress, LIAISON_HQ_STEP_TAKEN_UP, date, g_strdup_printf (_("Taken up by deputy %s"), name));
      }
      return;

    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      {
        g_autofree char *name = deputy_name (store, event);

        /* Translators: a step of the follow page; %s is the deputy's name */
        step = add_step (progress, LIAISON_HQ_STEP_ANSWERED_ON_SPOT, date,
                         g_strdup_printf (_("Answered on the spot by deputy %s"), name));
        step->reply = g_strdup (event->answer);
      }
      return;

    case LIAISON_LOOP_MOVE_REFER:
      {
        g_autofree char *units = unit_names (store, event);

        /* Translators: a step of the follow page; %s names the units */
        add_step (progress, LIAISON_HQ_STEP_REFERRED, date, g_strdup_printf (_("Referred to %s"), units));
      }
      return;

    case LIAISON_LOOP_MOVE_REPLY:
      {
        g_autofree char *unit = record_name (store, LIAISON_KIND_UNIT, event->replying_unit_uuid);

        g_free (date);
        date = g_date_valid (&event->reply_date) ? liaison_date_to_iso (&event->reply_date) : local_date (event->at);
        step = add_step (progress, LIAISON_HQ_STEP_REPLIED, date,
                         unit != NULL
                         /* Translators: a step of the follow page; %s is the unit that replied */
                         ? g_strdup_printf (_("Replied by %s"), unit)
                         : g_strdup (_("Replied")));
        step->reply = g_strdup (event->reply_text);
      }
      return;

    case LIAISON_LOOP_MOVE_RATE:
      {
        const char *rating = liaison_loop_rating_label (event->rating);

        if (event->rating == LIAISON_LOOP_RATING_UNSATISFIED)
          add_step (progress, LIAISON_HQ_STEP_RATED, date,
                    /* Translators: a step of the follow page; %s is a rating ("Unsatisfied") */
                    g_strdup_printf (_("Rated: %s. The matter was reopened and will be handled again."), rating));
        else
          add_step (progress, LIAISON_HQ_STEP_RATED, date,
                    /* Translators: a step of the follow page; %s is a rating ("Satisfied") */
                    g_strdup_printf (_("Rated: %s"), rating));
      }
      return;

    case LIAISON_LOOP_MOVE_CLOSE:
      add_step (progress, LIAISON_HQ_STEP_CLOSED, date, g_strdup (_("Closed")));
      return;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      add_step (progress, LIAISON_HQ_STEP_WITHDRAWN, date, g_strdup (_("Withdrawn")));
      return;

    /* The station's registration is the acceptance, said already;
     * handling started and supervision are headquarters' own business. */
    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_SUPERVISE:
    case LIAISON_N_LOOP_MOVES:
    default:
      g_free (date);
      return;
    }
}

LiaisonHqProgress *
liaison_hq_online_progress (LiaisonHqStore  *store,
                            const char      *submission_uuid,
                            GError         **error)
{
  g_auto(Loaded) loaded = { NULL };
  g_autoptr(LiaisonHqProgress) progress = NULL;
  g_autofree char *station_name = NULL;
  const char *decision;

  g_return_val_if_fail (LIAISON_IS_HQ_STORE (store), NULL);
  g_return_val_if_fail (submission_uuid != NULL, NULL);

  if (!load (store, submission_uuid, &loaded, error))
    return NULL;

  progress = g_new0 (LiaisonHqProgress, 1);
  progress->submission_uuid = g_strdup (submission_uuid);
  progress->station_uuid = g_strdup (member_string (loaded.submission, "station"));
  progress->title = g_strdup (member_string (loaded.submission, "title"));
  progress->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  station_name = record_name (store, LIAISON_KIND_STATION, progress->station_uuid);
  add_step (progress, LIAISON_HQ_STEP_RECEIVED, wire_date (member_string (loaded.submission, "submitted_at")),
            station_name != NULL
            /* Translators: the first step of the follow page; %s is the liaison station's name */
            ? g_strdup_printf (_("Received by %s"), station_name)
            : g_strdup (_("Received")));

  decision = member_string (loaded.decision, "decision");
  if (g_strcmp0 (decision, LIAISON_ONLINE_DECISION_DECLINED) == 0)
    {
      progress->declined = TRUE;
      progress->declined_reason = g_strdup (declined_reason (member_string (loaded.decision, "reason")));
      add_step (progress, LIAISON_HQ_STEP_DECLINED, wire_date (member_string (loaded.decision, "decided_at")),
                g_strdup (_("Not taken up")));
      return g_steal_pointer (&progress);
    }
  if (g_strcmp0 (decision, LIAISON_ONLINE_DECISION_ACCEPTED) != 0)
    return g_steal_pointer (&progress);

  add_step (progress, LIAISON_HQ_STEP_ACCEPTED, wire_date (member_string (loaded.decision, "decided_at")),
            g_strdup (_("Taken up by the liaison station")));
  progress->suggestion_uuid = g_strdup (loaded.suggestion_uuid);
  if (loaded.events == NULL)
    return g_steal_pointer (&progress);

  for (guint i = 0; i < loaded.events->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (loaded.events, i);

      if (!was_rejected (loaded.state, event->uuid))
        add_event_step (store, progress, event);
    }
  progress->state = g_steal_pointer (&loaded.state);
  progress->rateable = liaison_loop_check_move (progress->state, LIAISON_LOOP_MOVE_RATE,
                                                LIAISON_LOOP_ROLE_CITIZEN, NULL, NULL);
  return g_steal_pointer (&progress);
}

/* The rating */

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Why the citizen cannot rate the matter now, in their words. */
static const char *
not_rateable (const Loaded *loaded)
{
  const LiaisonLoopState *state = loaded->state;

  if (g_strcmp0 (member_string (loaded->decision, "decision"), LIAISON_ONLINE_DECISION_DECLINED) == 0)
    return _("This matter was not taken up, so there is no reply to rate.");
  if (state == NULL)
    return _("There is no reply to rate yet.");
  switch (state->status)
    {
    case LIAISON_LOOP_STATUS_RATED:
      return _("This reply has already been rated.");
    case LIAISON_LOOP_STATUS_CLOSED:
      return _("This matter is closed and can no longer be rated.");
    case LIAISON_LOOP_STATUS_WITHDRAWN:
      return _("This matter was withdrawn and can no longer be rated.");
    case LIAISON_LOOP_STATUS_TAKEN_UP:
      /* Reopened by a rating, and not yet referred again. */
      if (state->round > 1)
        return _("This reply has already been rated.");
      return _("There is no reply to rate yet.");
    case LIAISON_LOOP_STATUS_NONE:
    case LIAISON_LOOP_STATUS_REGISTERED:
    case LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT:
    case LIAISON_LOOP_STATUS_REFERRED:
    case LIAISON_LOOP_STATUS_IN_PROGRESS:
    case LIAISON_LOOP_STATUS_REPLIED:
    case LIAISON_N_LOOP_STATUSES:
    default:
      return _("There is no reply to rate yet.");
    }
}

/* Now, or a second after the timeline's last move if that is later (a
 * desk's clock may run a little ahead): the rating replays after it. */
static GDateTime *
rating_time (const Loaded *loaded)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *at = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                       g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                       g_date_time_get_minute (now), g_date_time_get_second (now));
  const LiaisonLoopEvent *last = g_ptr_array_index (loaded->events, loaded->events->len - 1);

  if (last->at != NULL && g_date_time_compare (last->at, at) >= 0)
    {
      g_date_time_unref (at);
      at = g_date_time_add_seconds (last->at, 1);
    }
  return at;
}

static gboolean
write_rating (LiaisonHqStore     *store,
              const char         *submission_uuid,
              LiaisonLoopRating   rating,
              const char         *comment,
              GError            **error)
{
  g_auto(Loaded) loaded = { NULL };
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) loop_error = NULL;
  const char *station;

  if (!load (store, submission_uuid, &loaded, error))
    return FALSE;
  if (loaded.state == NULL ||
      !liaison_loop_check_move (loaded.state, LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_CITIZEN, NULL, NULL))
    return refuse (error, not_rateable (&loaded));

  station = member_string (loaded.suggestion, "station");
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_CITIZEN);
  event->uuid = g_uuid_string_random ();
  event->suggestion_uuid = g_strdup (loaded.suggestion_uuid);
  event->at = rating_time (&loaded);
  event->rating = rating;
  event->asked = LIAISON_LOOP_ASKED_ONLINE;
  event->note = liaison_text_is_blank (comment) ? NULL : g_strstrip (g_strdup (comment));
  /* The loop's own check, as every desk will replay it. */
  if (!liaison_loop_check_move (loaded.state, event->move, event->role, event, &loop_error))
    {
      g_warning ("A citizen's rating of %s was refused by the loop: %s", loaded.suggestion_uuid, loop_error->message);
      return refuse (error, not_rateable (&loaded));
    }

  data = liaison_loop_event_to_json (event);
  json_object_set_string_member (data, "station", station);
  return liaison_hq_store_save_record (store, LIAISON_KIND_SUGGESTION_EVENT, event->uuid, station,
                                       data, NULL, NULL, error);
}

gboolean
liaison_hq_online_comment_ok (const char  *comment,
                              GError     **error)
{
  g_autofree char *message = NULL;

  if (comment == NULL || (g_utf8_validate (comment, -1, NULL) &&
                          g_utf8_strlen (comment, -1) <= LIAISON_HQ_RATING_COMMENT_MAX))
    return TRUE;
  /* Translators: %d is a number of characters (500) */
  message = g_strdup_printf (_("The comment is too long: it may be at most %d characters."),
                             LIAISON_HQ_RATING_COMMENT_MAX);
  return refuse (error, message);
}

gboolean
liaison_hq_online_rate (LiaisonHqStore     *store,
                        const char         *submission_uuid,
                        LiaisonLoopRating   rating,
                        const char         *comment,
                        GError            **error)
{
  g_return_val_if_fail (LIAISON_IS_HQ_STORE (store), FALSE);
  g_return_val_if_fail (submission_uuid != NULL, FALSE);

  if ((guint) rating >= LIAISON_N_LOOP_RATINGS)
    return refuse (error, _("Choose satisfied, basically satisfied or unsatisfied."));
  if (!liaison_hq_online_comment_ok (comment, error))
    return FALSE;

  /* Read and written in one transaction: two ratings sent at once meet
   * one after the other, and the second finds the reply rated. */
  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  if (!write_rating (store, submission_uuid, rating, comment, error))
    {
      liaison_hq_store_rollback (store);
      return FALSE;
    }
  return liaison_hq_store_commit (store, error);
}
