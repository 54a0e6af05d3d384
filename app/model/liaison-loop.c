/* liaison-loop.c: the closed loop's state machine: who may make which move
 * when, and what a timeline of moves adds up to. */
#define G_LOG_DOMAIN "liaison-loop"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-codes.h"
#include "liaison-loop.h"

G_DEFINE_QUARK (liaison-loop-error-quark, liaison_loop_error)


static const LiaisonCodeLabel statuses[] = {
  /* Translators: the state of a suggestion of which nothing is recorded yet */
  { "none",             N_("Not registered") },
  { "registered",       N_("Registered") },
  { "taken_up",         N_("Taken up") },
  { "answered_on_spot", N_("Answered on the spot") },
  { "referred",         N_("Referred") },
  { "in_progress",      N_("In progress") },
  { "replied",          N_("Replied") },
  { "rated",            N_("Rated") },
  { "closed",           N_("Closed") },
  { "withdrawn",        N_("Withdrawn") },
};

static const LiaisonCodeLabel roles[] = {
  { "station", N_("Station staff") },
  { "deputy",  N_("Deputy") },
  { "hq",      N_("Headquarters") },
};

/* Labels of the moves are what a page's buttons say. */
static const LiaisonCodeLabel moves[] = {
  { "register",       N_("Register") },
  { "take_up",        N_("Take up") },
  { "answer_on_spot", N_("Answer on the spot") },
  { "refer",          N_("Refer") },
  /* Translators: a unit has started handling a referred suggestion */
  { "start",          N_("Mark in progress") },
  { "reply",          N_("Record reply") },
  { "rate",           N_("Record rating") },
  { "close",          N_("Close") },
  { "withdraw",       N_("Withdraw") },
  { "supervise",      N_("Supervise") },
};

static const LiaisonCodeLabel kinds[] = {
  { "public_opinion",    N_("Public opinion") },
  { "deputy_suggestion", N_("Deputy's suggestion") },
};

static const LiaisonCodeLabel ratings[] = {
  { "satisfied",           N_("Satisfied") },
  { "basically_satisfied", N_("Basically satisfied") },
  { "unsatisfied",         N_("Unsatisfied") },
};

static const LiaisonCodeLabel asked[] = {
  /* Translators: how the citizen was asked for a rating */
  { "in_person", N_("In person") },
  /* Translators: how the citizen was asked for a rating */
  { "phone",     N_("By phone") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == LIAISON_N_LOOP_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == LIAISON_N_LOOP_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (moves) == LIAISON_N_LOOP_MOVES);
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == LIAISON_N_LOOP_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (ratings) == LIAISON_N_LOOP_RATINGS);
G_STATIC_ASSERT (G_N_ELEMENTS (asked) == LIAISON_N_LOOP_ASKED);

/* What a move did, as a timeline shows it: the buttons say what to do
 * ("Record reply"), the timeline what was done ("Replied"). */
static const char *const move_titles[LIAISON_N_LOOP_MOVES] = {
  [LIAISON_LOOP_MOVE_REGISTER]       = N_("Registered"),
  [LIAISON_LOOP_MOVE_TAKE_UP]        = N_("Taken up by a deputy"),
  [LIAISON_LOOP_MOVE_ANSWER_ON_SPOT] = N_("Answered on the spot"),
  [LIAISON_LOOP_MOVE_REFER]          = N_("Referred to units"),
  [LIAISON_LOOP_MOVE_START]          = N_("Handling started"),
  [LIAISON_LOOP_MOVE_REPLY]          = N_("Reply received"),
  [LIAISON_LOOP_MOVE_RATE]           = N_("Rated"),
  [LIAISON_LOOP_MOVE_CLOSE]          = N_("Closed"),
  [LIAISON_LOOP_MOVE_WITHDRAW]       = N_("Withdrawn"),
  [LIAISON_LOOP_MOVE_SUPERVISE]      = N_("Supervision note"),
};

char *
liaison_loop_event_title (const LiaisonLoopEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail ((guint) event->move < LIAISON_N_LOOP_MOVES, NULL);

  if (event->move == LIAISON_LOOP_MOVE_RATE && (guint) event->rating < LIAISON_N_LOOP_RATINGS)
    /* Translators: a rating on the timeline, "Rated: Satisfied" */
    return g_strdup_printf (_("Rated: %s"), liaison_loop_rating_label (event->rating));
  if (event->move == LIAISON_LOOP_MOVE_SUPERVISE)
    return g_strdup (event->key_supervision ? _("Put under key supervision") : _("Supervision note"));
  return g_strdup (_(move_titles[event->move]));
}

LIAISON_DEFINE_CODES (LiaisonLoopStatus, liaison_loop_status, statuses)
LIAISON_DEFINE_CODES (LiaisonLoopRole, liaison_loop_role, roles)
LIAISON_DEFINE_CODES (LiaisonLoopMove, liaison_loop_move, moves)
LIAISON_DEFINE_CODES (LiaisonLoopKind, liaison_loop_kind, kinds)
LIAISON_DEFINE_CODES (LiaisonLoopRating, liaison_loop_rating, ratings)
LIAISON_DEFINE_CODES (LiaisonLoopAsked, liaison_loop_asked, asked)

/* Events and states */

LiaisonLoopEvent *
liaison_loop_event_new (LiaisonLoopMove move,
                        LiaisonLoopRole role)
{
  LiaisonLoopEvent *event = g_new0 (LiaisonLoopEvent, 1);

  event->move = move;
  event->role = role;
  g_date_clear (&event->due_date, 1);
  g_date_clear (&event->reply_date, 1);
  return event;
}

LiaisonLoopEvent *
liaison_loop_event_copy (const LiaisonLoopEvent *event)
{
  LiaisonLoopEvent *copy = g_new0 (LiaisonLoopEvent, 1);

  *copy = *event;
  copy->uuid = g_strdup (event->uuid);
  copy->suggestion_uuid = g_strdup (event->suggestion_uuid);
  copy->actor_name = g_strdup (event->actor_name);
  copy->at = event->at != NULL ? g_date_time_ref (event->at) : NULL;
  copy->note = g_strdup (event->note);
  copy->co_signers = g_strdupv (event->co_signers);
  copy->deputy_uuid = g_strdup (event->deputy_uuid);
  copy->answer = g_strdup (event->answer);
  copy->lead_unit_uuid = g_strdup (event->lead_unit_uuid);
  copy->co_unit_uuids = g_strdupv (event->co_unit_uuids);
  copy->reply_text = g_strdup (event->reply_text);
  copy->replying_unit_uuid = g_strdup (event->replying_unit_uuid);
  copy->attachments = g_strdupv (event->attachments);
  copy->attachment_names = g_strdupv (event->attachment_names);
  copy->rated_by = g_strdup (event->rated_by);
  copy->reason = g_strdup (event->reason);
  return copy;
}

void
liaison_loop_event_free (LiaisonLoopEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uuid);
  g_free (event->suggestion_uuid);
  g_free (event->actor_name);
  g_clear_pointer (&event->at, g_date_time_unref);
  g_free (event->note);
  g_strfreev (event->co_signers);
  g_free (event->deputy_uuid);
  g_free (event->answer);
  g_free (event->lead_unit_uuid);
  g_strfreev (event->co_unit_uuids);
  g_free (event->reply_text);
  g_free (event->replying_unit_uuid);
  g_strfreev (event->attachments);
  g_strfreev (event->attachment_names);
  g_free (event->rated_by);
  g_free (event->reason);
  g_free (event);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
liaison_loop_event_equal (const LiaisonLoopEvent *a,
                          const LiaisonLoopEvent *b)
{
  if (a->at == NULL || b->at == NULL)
    {
      if (a->at != b->at)
        return FALSE;
    }
  else if (!g_date_time_equal (a->at, b->at))
    return FALSE;

  return g_strcmp0 (a->uuid, b->uuid) == 0 &&
         g_strcmp0 (a->suggestion_uuid, b->suggestion_uuid) == 0 &&
         a->move == b->move &&
         a->role == b->role &&
         g_strcmp0 (a->actor_name, b->actor_name) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         a->kind == b->kind &&
         strv_equal ((const char * const *) a->co_signers, (const char * const *) b->co_signers) &&
         g_strcmp0 (a->deputy_uuid, b->deputy_uuid) == 0 &&
         g_strcmp0 (a->answer, b->answer) == 0 &&
         g_strcmp0 (a->lead_unit_uuid, b->lead_unit_uuid) == 0 &&
         strv_equal ((const char * const *) a->co_unit_uuids, (const char * const *) b->co_unit_uuids) &&
         date_equal (&a->due_date, &b->due_date) &&
         g_strcmp0 (a->reply_text, b->reply_text) == 0 &&
         date_equal (&a->reply_date, &b->reply_date) &&
         g_strcmp0 (a->replying_unit_uuid, b->replying_unit_uuid) == 0 &&
         strv_equal ((const char * const *) a->attachments, (const char * const *) b->attachments) &&
         strv_equal ((const char * const *) a->attachment_names, (const char * const *) b->attachment_names) &&
         a->rating == b->rating &&
         a->asked == b->asked &&
         g_strcmp0 (a->rated_by, b->rated_by) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0 &&
         !a->key_supervision == !b->key_supervision;
}

LiaisonLoopState *
liaison_loop_state_new (void)
{
  LiaisonLoopState *state = g_new0 (LiaisonLoopState, 1);

  g_date_clear (&state->registered_on, 1);
  g_date_clear (&state->referred_on, 1);
  g_date_clear (&state->due_date, 1);
  g_date_clear (&state->reply_date, 1);
  state->rejected = g_ptr_array_new_with_free_func (g_free);
  return state;
}

LiaisonLoopState *
liaison_loop_state_copy (const LiaisonLoopState *state)
{
  LiaisonLoopState *copy = g_new0 (LiaisonLoopState, 1);

  *copy = *state;
  copy->registered_by = g_strdup (state->registered_by);
  copy->co_signers = g_strdupv (state->co_signers);
  copy->deputy_uuid = g_strdup (state->deputy_uuid);
  copy->deputy_name = g_strdup (state->deputy_name);
  copy->answer = g_strdup (state->answer);
  copy->lead_unit_uuid = g_strdup (state->lead_unit_uuid);
  copy->co_unit_uuids = g_strdupv (state->co_unit_uuids);
  copy->reply_text = g_strdup (state->reply_text);
  copy->replying_unit_uuid = g_strdup (state->replying_unit_uuid);
  copy->attachments = g_strdupv (state->attachments);
  copy->last_rated_by = g_strdup (state->last_rated_by);
  copy->withdraw_reason = g_strdup (state->withdraw_reason);
  copy->rejected = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < state->rejected->len; i++)
    g_ptr_array_add (copy->rejected, g_strdup (g_ptr_array_index (state->rejected, i)));
  return copy;
}

static void
clear_round (LiaisonLoopState *state)
{
  g_clear_pointer (&state->lead_unit_uuid, g_free);
  g_clear_pointer (&state->co_unit_uuids, g_strfreev);
  g_date_clear (&state->referred_on, 1);
  g_date_clear (&state->due_date, 1);
  g_clear_pointer (&state->reply_text, g_free);
  g_date_clear (&state->reply_date, 1);
  g_clear_pointer (&state->replying_unit_uuid, g_free);
  g_clear_pointer (&state->attachments, g_strfreev);
}

void
liaison_loop_state_free (LiaisonLoopState *state)
{
  if (state == NULL)
    return;
  clear_round (state);
  g_free (state->registered_by);
  g_strfreev (state->co_signers);
  g_free (state->deputy_uuid);
  g_free (state->deputy_name);
  g_free (state->answer);
  g_free (state->last_rated_by);
  g_free (state->withdraw_reason);
  g_ptr_array_unref (state->rejected);
  g_free (state);
}

/* Rules */

#define BIT(move) (1u << (LIAISON_LOOP_MOVE_##move))

/* The moves each state allows, whoever makes them, for a citizen's item.
 * A deputy's suggestion differs only in skipping take-up (see below). */
static const guint legal_in_state[LIAISON_N_LOOP_STATUSES] = {
  [LIAISON_LOOP_STATUS_NONE]             = BIT (REGISTER),
  [LIAISON_LOOP_STATUS_REGISTERED]       = BIT (TAKE_UP) | BIT (ANSWER_ON_SPOT) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_TAKEN_UP]         = BIT (REFER) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT] = BIT (RATE) | BIT (CLOSE) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_REFERRED]         = BIT (START) | BIT (REPLY) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_IN_PROGRESS]      = BIT (REPLY) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_REPLIED]          = BIT (RATE) | BIT (WITHDRAW) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_RATED]            = BIT (CLOSE) | BIT (SUPERVISE),
  [LIAISON_LOOP_STATUS_CLOSED]           = 0,
  [LIAISON_LOOP_STATUS_WITHDRAWN]        = 0,
};

static gboolean
move_legal (LiaisonLoopKind   kind,
            LiaisonLoopStatus status,
            LiaisonLoopMove   move)
{
  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    {
      /* The deputy is the author: nobody takes it up, headquarters refers
       * it straight from registration. */
      if (move == LIAISON_LOOP_MOVE_TAKE_UP || move == LIAISON_LOOP_MOVE_ANSWER_ON_SPOT)
        return FALSE;
      if (move == LIAISON_LOOP_MOVE_REFER && status == LIAISON_LOOP_STATUS_REGISTERED)
        return TRUE;
    }
  return (legal_in_state[status] & (1u << move)) != 0;
}

LiaisonLoopRole
liaison_loop_move_role (LiaisonLoopKind kind,
                        LiaisonLoopMove move)
{
  gboolean deputys = kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;

  switch (move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_RATE:
    case LIAISON_LOOP_MOVE_WITHDRAW:
      return deputys ? LIAISON_LOOP_ROLE_DEPUTY : LIAISON_LOOP_ROLE_STATION;
    case LIAISON_LOOP_MOVE_TAKE_UP:
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      return LIAISON_LOOP_ROLE_DEPUTY;
    case LIAISON_LOOP_MOVE_REFER:
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_REPLY:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_LOOP_MOVE_SUPERVISE:
      return LIAISON_LOOP_ROLE_HQ;
    case LIAISON_N_LOOP_MOVES:
    default:
      g_return_val_if_reached (LIAISON_LOOP_ROLE_HQ);
    }
}

static const char *
role_message (LiaisonLoopKind kind,
              LiaisonLoopMove move)
{
  gboolean deputys = kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;

  switch (move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      return deputys ? _("Only a deputy can file a deputy’s suggestion.")
                     : _("Only station staff can register a citizen’s suggestion.");
    case LIAISON_LOOP_MOVE_TAKE_UP:
      return _("Only a deputy can take up a suggestion.");
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      return _("Only a deputy can answer a suggestion on the spot.");
    case LIAISON_LOOP_MOVE_REFER:
      return _("Only headquarters can refer a suggestion.");
    case LIAISON_LOOP_MOVE_START:
      return _("Only headquarters can mark a suggestion in progress.");
    case LIAISON_LOOP_MOVE_REPLY:
      return _("Only headquarters can record a reply.");
    case LIAISON_LOOP_MOVE_RATE:
      return deputys ? _("Only the deputy can rate the handling of a deputy’s suggestion.")
                     : _("Only station staff can record the citizen’s rating.");
    case LIAISON_LOOP_MOVE_CLOSE:
      return _("Only headquarters can close a suggestion.");
    case LIAISON_LOOP_MOVE_WITHDRAW:
      return deputys ? _("Only the deputy can withdraw a deputy’s suggestion.")
                     : _("Only station staff can withdraw a citizen’s suggestion.");
    case LIAISON_LOOP_MOVE_SUPERVISE:
      return _("Only headquarters can supervise a suggestion.");
    case LIAISON_N_LOOP_MOVES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Why @move is impossible in the state; a format with the state's label. */
static char *
state_message (const LiaisonLoopState *state,
               LiaisonLoopMove         move)
{
  const char *status = liaison_loop_status_label (state->status);

  if (move == LIAISON_LOOP_MOVE_REGISTER)
    return g_strdup (_("This suggestion is already registered."));
  if (state->status == LIAISON_LOOP_STATUS_NONE)
    return g_strdup (_("Register the suggestion first."));
  if (state->status == LIAISON_LOOP_STATUS_CLOSED)
    {
      if (move == LIAISON_LOOP_MOVE_RATE)
        return g_strdup (_("A suggestion that was closed cannot be rated."));
      /* Translators: %s is an action, as on its button ("Record reply") */
      return g_strdup_printf (_("A suggestion that was closed cannot be changed: “%s” is no longer possible."),
                              liaison_loop_move_label (move));
    }
  if (state->status == LIAISON_LOOP_STATUS_WITHDRAWN)
    /* Translators: %s is an action, as on its button ("Record reply") */
    return g_strdup_printf (_("A suggestion that was withdrawn cannot be changed: “%s” is no longer possible."),
                            liaison_loop_move_label (move));
  if (state->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION &&
      (move == LIAISON_LOOP_MOVE_TAKE_UP || move == LIAISON_LOOP_MOVE_ANSWER_ON_SPOT))
    return g_strdup (_("A deputy’s own suggestion is not taken up: headquarters refers it directly."));

  switch (move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
      return g_strdup_printf (_("This suggestion is “%s”: a deputy can take it up only right after it is registered."), status);
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      return g_strdup_printf (_("This suggestion is “%s”: a deputy can answer it on the spot only right after it is registered."), status);
    case LIAISON_LOOP_MOVE_REFER:
      if (state->status == LIAISON_LOOP_STATUS_REGISTERED)
        return g_strdup (_("A deputy must take up this suggestion before it can be referred."));
      return g_strdup_printf (_("This suggestion is “%s”: it can be referred only when it is taken up or reopened."), status);
    case LIAISON_LOOP_MOVE_START:
      return g_strdup_printf (_("This suggestion is “%s”: only a referred suggestion can be marked in progress."), status);
    case LIAISON_LOOP_MOVE_REPLY:
      return g_strdup_printf (_("This suggestion is “%s”: a reply can be recorded only while a unit is handling it."), status);
    case LIAISON_LOOP_MOVE_RATE:
      return g_strdup_printf (_("This suggestion is “%s”: it can be rated only after a reply or an answer on the spot."), status);
    case LIAISON_LOOP_MOVE_CLOSE:
      return g_strdup_printf (_("This suggestion is “%s”: it can be closed only after a satisfied rating or an answer on the spot."), status);
    case LIAISON_LOOP_MOVE_WITHDRAW:
      return g_strdup_printf (_("This suggestion is “%s” and can no longer be withdrawn."), status);
    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_SUPERVISE:
    case LIAISON_N_LOOP_MOVES:
    default:
      /* Translators: the first %s is a state ("Rated"), the second an action ("Supervise") */
      return g_strdup_printf (_("This suggestion is “%s”: “%s” is not possible now."),
                              status, liaison_loop_move_label (move));
    }
}

gboolean
liaison_loop_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
liaison_loop_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  /* Lowercase only: the name of the file here and at the server. */
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

/* The local calendar day of an instant: due dates count in the station's days. */
static void
local_date (GDateTime *at,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

static gboolean
missing (GError    **error,
         const char *message)
{
  g_set_error_literal (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING, message);
  return FALSE;
}

static gboolean
check_payload (const LiaisonLoopState *current,
               LiaisonLoopKind         kind,
               const LiaisonLoopEvent *event,
               GError                **error)
{
  gboolean blind = event->move == LIAISON_LOOP_MOVE_RATE &&
                   kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;

  if (event->at == NULL)
    return missing (error, _("Say when this happened."));
  if (blind)
    {
      if (!liaison_loop_text_is_blank (event->actor_name) || !liaison_loop_text_is_blank (event->rated_by))
        return missing (error, _("A deputy rates the handling blind: the rating must not name who made it."));
    }
  else if (liaison_loop_text_is_blank (event->actor_name))
    return missing (error, _("Say who is making this move."));

  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      if ((guint) event->kind >= LIAISON_N_LOOP_KINDS)
        return missing (error, _("Say whether this is a citizen’s item or a deputy’s suggestion."));
      break;

    case LIAISON_LOOP_MOVE_TAKE_UP:
      if (liaison_loop_text_is_blank (event->deputy_uuid))
        return missing (error, _("Choose the deputy who takes up the suggestion."));
      break;

    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      if (liaison_loop_text_is_blank (event->deputy_uuid))
        return missing (error, _("Choose the deputy who answered on the spot."));
      if (liaison_loop_text_is_blank (event->answer))
        return missing (error, _("Write the answer given on the spot."));
      break;

    case LIAISON_LOOP_MOVE_REFER:
      {
        GDate day;

        if (liaison_loop_text_is_blank (event->lead_unit_uuid))
          return missing (error, _("Choose the lead unit."));
        if (event->co_unit_uuids != NULL &&
            g_strv_contains ((const char * const *) event->co_unit_uuids, event->lead_unit_uuid))
          return missing (error, _("The lead unit cannot also be a co-unit."));
        if (!g_date_valid (&event->due_date))
          return missing (error, _("Set a due date."));
        local_date (event->at, &day);
        if (g_date_compare (&event->due_date, &day) < 0)
          return missing (error, _("The due date cannot be before the day of referral."));
      }
      break;

    case LIAISON_LOOP_MOVE_REPLY:
      if (liaison_loop_text_is_blank (event->reply_text))
        return missing (error, _("Write the reply."));
      if (liaison_loop_text_is_blank (event->replying_unit_uuid))
        return missing (error, _("Choose the unit that replied."));
      if (!g_date_valid (&event->reply_date))
        return missing (error, _("Set the date of the reply."));
      if (g_date_valid (&current->referred_on) &&
          g_date_compare (&event->reply_date, &current->referred_on) < 0)
        return missing (error, _("The reply cannot be dated before the referral."));
      /* The reply date decides "answered in time": not one yet to come.
       * Every replica must judge alike, whatever its time zone: the day
       * after the UTC day of recording covers the local day everywhere
       * east of Greenwich, China included. */
      if (event->at != NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (event->at);
          GDate latest;

          g_date_clear (&latest, 1);
          g_date_set_dmy (&latest, (GDateDay) g_date_time_get_day_of_month (utc),
                          (GDateMonth) g_date_time_get_month (utc), (GDateYear) g_date_time_get_year (utc));
          g_date_add_days (&latest, 1);
          if (g_date_compare (&event->reply_date, &latest) > 0)
            return missing (error, _("The reply cannot be dated after the day it is recorded."));
        }
      if (current->lead_unit_uuid != NULL && !liaison_loop_state_referred_to (current, event->replying_unit_uuid))
        return missing (error, _("The reply must come from the lead unit or a co-unit of the referral."));
      for (guint i = 0; event->attachments != NULL && event->attachments[i] != NULL; i++)
        if (!liaison_loop_is_sha256 (event->attachments[i]))
          return missing (error, _("An attachment is not identified by its SHA-256 checksum."));
      if (event->attachment_names != NULL &&
          g_strv_length (event->attachment_names) != (event->attachments ? g_strv_length (event->attachments) : 0))
        return missing (error, _("Every attachment needs its file name."));
      for (guint i = 0; event->attachment_names != NULL && event->attachment_names[i] != NULL; i++)
        if (liaison_loop_text_is_blank (event->attachment_names[i]))
          return missing (error, _("Every attachment needs its file name."));
      break;

    case LIAISON_LOOP_MOVE_RATE:
      if ((guint) event->rating >= LIAISON_N_LOOP_RATINGS)
        return missing (error, _("Choose satisfied, basically satisfied or unsatisfied."));
      if ((guint) event->asked >= LIAISON_N_LOOP_ASKED)
        return missing (error, _("Say how the rating was asked: in person or by phone."));
      if (!blind && liaison_loop_text_is_blank (event->rated_by))
        return missing (error, _("Say who asked the citizen for the rating."));
      break;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      if (liaison_loop_text_is_blank (event->reason))
        return missing (error, _("Say why the suggestion is withdrawn."));
      break;

    case LIAISON_LOOP_MOVE_SUPERVISE:
      if (liaison_loop_text_is_blank (event->note))
        return missing (error, _("Write a supervision note."));
      break;

    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
  return TRUE;
}

gboolean
liaison_loop_check_move (const LiaisonLoopState  *current,
                         LiaisonLoopMove          move,
                         LiaisonLoopRole          role,
                         const LiaisonLoopEvent  *event,
                         GError                 **error)
{
  LiaisonLoopKind kind;

  g_return_val_if_fail (current != NULL, FALSE);
  g_return_val_if_fail ((guint) move < LIAISON_N_LOOP_MOVES, FALSE);
  g_return_val_if_fail ((guint) role < LIAISON_N_LOOP_ROLES, FALSE);
  g_return_val_if_fail (event == NULL || (event->move == move && event->role == role), FALSE);

  /* The kind is fixed by registration; before it, the register event says. */
  kind = current->kind;
  if (current->status == LIAISON_LOOP_STATUS_NONE && event != NULL &&
      move == LIAISON_LOOP_MOVE_REGISTER && (guint) event->kind < LIAISON_N_LOOP_KINDS)
    kind = event->kind;

  /* Nobody takes up a deputy's own suggestion: say that, whoever asks. */
  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION &&
      (move == LIAISON_LOOP_MOVE_TAKE_UP || move == LIAISON_LOOP_MOVE_ANSWER_ON_SPOT))
    {
      g_autofree char *message = state_message (current, move);

      g_set_error_literal (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE, message);
      return FALSE;
    }

  if (liaison_loop_move_role (kind, move) != role)
    {
      g_set_error_literal (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_ROLE,
                           role_message (kind, move));
      return FALSE;
    }

  if (!move_legal (kind, current->status, move))
    {
      g_autofree char *message = state_message (current, move);

      g_set_error_literal (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE, message);
      return FALSE;
    }

  if (event != NULL)
    return check_payload (current, kind, event, error);
  return TRUE;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
replace_strv (GStrv  *field,
              GStrv   value)
{
  g_strfreev (*field);
  *field = g_strdupv (value);
}

void
liaison_loop_apply (LiaisonLoopState       *state,
                    const LiaisonLoopEvent *event)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (event != NULL);
  g_return_if_fail (liaison_loop_check_move (state, event->move, event->role, event, NULL));

  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      state->status = LIAISON_LOOP_STATUS_REGISTERED;
      state->kind = event->kind;
      state->round = 1;
      local_date (event->at, &state->registered_on);
      replace_str (&state->registered_by, event->actor_name);
      replace_strv (&state->co_signers, event->co_signers);
      break;

    case LIAISON_LOOP_MOVE_TAKE_UP:
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      state->status = event->move == LIAISON_LOOP_MOVE_TAKE_UP
                      ? LIAISON_LOOP_STATUS_TAKEN_UP
                      : LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT;
      replace_str (&state->deputy_uuid, event->deputy_uuid);
      replace_str (&state->deputy_name, event->actor_name);
      replace_str (&state->answer, event->answer);
      break;

    case LIAISON_LOOP_MOVE_REFER:
      clear_round (state);
      state->status = LIAISON_LOOP_STATUS_REFERRED;
      replace_str (&state->lead_unit_uuid, event->lead_unit_uuid);
      replace_strv (&state->co_unit_uuids, event->co_unit_uuids);
      local_date (event->at, &state->referred_on);
      state->due_date = event->due_date;
      break;

    case LIAISON_LOOP_MOVE_START:
      state->status = LIAISON_LOOP_STATUS_IN_PROGRESS;
      break;

    case LIAISON_LOOP_MOVE_REPLY:
      state->status = LIAISON_LOOP_STATUS_REPLIED;
      replace_str (&state->reply_text, event->reply_text);
      state->reply_date = event->reply_date;
      replace_str (&state->replying_unit_uuid, event->replying_unit_uuid);
      replace_strv (&state->attachments, event->attachments);
      state->n_replies++;
      if (g_date_valid (&state->due_date) &&
          g_date_compare (&event->reply_date, &state->due_date) > 0)
        state->n_late_replies++;
      break;

    case LIAISON_LOOP_MOVE_RATE:
      state->rated = TRUE;
      state->last_rating = event->rating;
      state->last_asked = event->asked;
      /* Blind ratings carry no name (check_payload()), so none is kept. */
      replace_str (&state->last_rated_by, event->rated_by);
      if (event->rating == LIAISON_LOOP_RATING_UNSATISFIED)
        {
          /* Back to referral: a new round with its own units and due date. */
          state->n_unsatisfied++;
          state->round++;
          clear_round (state);
          state->status = LIAISON_LOOP_STATUS_TAKEN_UP;
        }
      else
        state->status = LIAISON_LOOP_STATUS_RATED;
      break;

    case LIAISON_LOOP_MOVE_CLOSE:
      state->status = LIAISON_LOOP_STATUS_CLOSED;
      break;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      state->status = LIAISON_LOOP_STATUS_WITHDRAWN;
      replace_str (&state->withdraw_reason, event->reason);
      break;

    case LIAISON_LOOP_MOVE_SUPERVISE:
      state->key_supervision = event->key_supervision;
      state->n_supervision_notes++;
      break;

    case LIAISON_N_LOOP_MOVES:
    default:
      g_return_if_reached ();
    }
  state->n_events++;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const LiaisonLoopEvent *ea = *(LiaisonLoopEvent * const *) a;
  const LiaisonLoopEvent *eb = *(LiaisonLoopEvent * const *) b;

  /* Events without a time sort first; check_move() rejects them anyway. */
  if (ea->at == NULL || eb->at == NULL)
    {
      if (ea->at != eb->at)
        return ea->at == NULL ? -1 : 1;
    }
  else
    {
      int cmp = g_date_time_compare (ea->at, eb->at);

      if (cmp != 0)
        return cmp;
    }
  return g_strcmp0 (ea->uuid, eb->uuid);
}

LiaisonLoopState *
liaison_loop_replay (GPtrArray *events)
{
  LiaisonLoopState *state = liaison_loop_state_new ();
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (events != NULL, state);

  sorted = g_ptr_array_new ();
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (events, i));
  g_ptr_array_sort (sorted, compare_events);

  for (guint i = 0; i < sorted->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (sorted, i);

      if (liaison_loop_check_move (state, event->move, event->role, event, NULL))
        liaison_loop_apply (state, event);
      else
        g_ptr_array_add (state->rejected, g_strdup (event->uuid != NULL ? event->uuid : ""));
    }
  return state;
}

GArray *
liaison_loop_allowed_moves (const LiaisonLoopState *state,
                            LiaisonLoopRole         role)
{
  GArray *allowed = g_array_new (FALSE, FALSE, sizeof (LiaisonLoopMove));

  g_return_val_if_fail (state != NULL, allowed);

  for (guint m = 0; m < LIAISON_N_LOOP_MOVES; m++)
    {
      LiaisonLoopMove move = (LiaisonLoopMove) m;

      if (liaison_loop_check_move (state, move, role, NULL, NULL))
        g_array_append_val (allowed, move);
    }
  return allowed;
}

gboolean
liaison_loop_state_is_open (const LiaisonLoopState *state)
{
  return state->status != LIAISON_LOOP_STATUS_NONE &&
         state->status != LIAISON_LOOP_STATUS_CLOSED &&
         state->status != LIAISON_LOOP_STATUS_WITHDRAWN;
}

gboolean
liaison_loop_state_awaits_reply (const LiaisonLoopState *state)
{
  return state->status == LIAISON_LOOP_STATUS_REFERRED ||
         state->status == LIAISON_LOOP_STATUS_IN_PROGRESS;
}

LiaisonDeadline
liaison_loop_state_deadline (const LiaisonLoopState *state,
                             const GDate            *today)
{
  if (!liaison_loop_state_awaits_reply (state))
    return liaison_deadline_status (NULL, today);
  return liaison_deadline_status (&state->due_date, today);
}

LiaisonTimeLimit
liaison_loop_kind_default_limit (LiaisonLoopKind kind)
{
  LiaisonTimeLimit limit = { 0, 0 };

  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    limit.months = 3;
  else
    limit.working_days = 15;
  return limit;
}

const char *
liaison_loop_state_describe (const LiaisonLoopState *state)
{
  if (state->status == LIAISON_LOOP_STATUS_TAKEN_UP && state->round > 1)
    return _("Reopened, awaiting referral");
  if (state->status == LIAISON_LOOP_STATUS_TAKEN_UP &&
      state->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    return _("Awaiting referral");
  return liaison_loop_status_label (state->status);
}

gboolean
liaison_loop_state_referred_to (const LiaisonLoopState *state,
                                const char             *unit_uuid)
{
  g_return_val_if_fail (state != NULL, FALSE);

  return unit_uuid != NULL &&
         (g_strcmp0 (unit_uuid, state->lead_unit_uuid) == 0 ||
          (state->co_unit_uuids != NULL && g_strv_contains ((const char * const *) state->co_unit_uuids, unit_uuid)));
}
