/* liaison-loop.c: the closed loop's state machine: a move applied to a
 * state, a timeline replayed, and the moves a state allows. */
#define G_LOG_DOMAIN "liaison-loop"

#include "config.h"

#include "liaison-loop.h"
#include "liaison-loop-private.h"

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
      liaison_date_set_local (&state->registered_on, event->at);
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
      liaison_loop_state_clear_round (state);
      state->status = LIAISON_LOOP_STATUS_REFERRED;
      replace_str (&state->lead_unit_uuid, event->lead_unit_uuid);
      replace_strv (&state->co_unit_uuids, event->co_unit_uuids);
      liaison_date_set_local (&state->referred_on, event->at);
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
          liaison_loop_state_clear_round (state);
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

int
liaison_loop_event_compare (gconstpointer a,
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
  g_ptr_array_sort (sorted, liaison_loop_event_compare);

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
