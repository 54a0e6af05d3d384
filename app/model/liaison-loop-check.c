/* liaison-loop-check.c: who may make which move when, and what a move
 * must carry: the closed loop's rules, checked before a move is recorded. */
#define G_LOG_DOMAIN "liaison-loop"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-loop.h"
#include "liaison-loop-private.h"

G_DEFINE_QUARK (liaison-loop-error-quark, liaison_loop_error)

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

/* The citizen rates their own item online, where the station may record
 * their rating (after a reply or an answer on the spot), and nothing else. */
static gboolean
citizen_may (LiaisonLoopKind kind,
             LiaisonLoopMove move,
             LiaisonLoopRole role)
{
  return role == LIAISON_LOOP_ROLE_CITIZEN && move == LIAISON_LOOP_MOVE_RATE &&
         kind == LIAISON_LOOP_KIND_PUBLIC_OPINION;
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

/* Not liaison_text_is_blank(): replay runs this check on every replica,
 * so what counts as blank must never change between versions, or an old
 * event would apply on one desk and not on another. */
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
  gboolean citizen = event->role == LIAISON_LOOP_ROLE_CITIZEN;
  gboolean blind = event->move == LIAISON_LOOP_MOVE_RATE &&
                   (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION || citizen);

  if (event->at == NULL)
    return missing (error, _("Say when this happened."));
  if (citizen)
    {
      /* The public site never names the citizen on the timeline. */
      if (!liaison_loop_text_is_blank (event->actor_name) || !liaison_loop_text_is_blank (event->rated_by))
        return missing (error, _("A citizen’s online rating must not name who made it."));
    }
  else if (blind)
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
        liaison_date_set_local (&day, event->at);
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
      /* Online is the citizen's own rating on the public site, and only that. */
      if (citizen != (event->asked == LIAISON_LOOP_ASKED_ONLINE))
        return missing (error, citizen ? _("A citizen’s own rating is made online.")
                                       : _("Say how the rating was asked: in person or by phone."));
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

  if (liaison_loop_move_role (kind, move) != role && !citizen_may (kind, move, role))
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
