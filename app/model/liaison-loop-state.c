/* liaison-loop-state.c: a suggestion's events and the state they add up to,
 * and what a state says: open, awaiting a reply, due when. */
#define G_LOG_DOMAIN "liaison-loop"

#include "config.h"

#include "liaison-loop.h"
#include "liaison-loop-private.h"

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

void
liaison_loop_state_clear_round (LiaisonLoopState *state)
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
  liaison_loop_state_clear_round (state);
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

gboolean
liaison_loop_state_referred_to (const LiaisonLoopState *state,
                                const char             *unit_uuid)
{
  g_return_val_if_fail (state != NULL, FALSE);

  return unit_uuid != NULL &&
         (g_strcmp0 (unit_uuid, state->lead_unit_uuid) == 0 ||
          (state->co_unit_uuids != NULL && g_strv_contains ((const char * const *) state->co_unit_uuids, unit_uuid)));
}
