/* liaison-figures.c: collected, resolved, satisfaction, in time, overdue. */
#define G_LOG_DOMAIN "liaison-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-figures.h"

gboolean
liaison_loop_state_is_resolved (const LiaisonLoopState *state)
{
  /* An unsatisfied rating sends the suggestion back to taken_up, so RATED
   * always means satisfied or basically satisfied. */
  return state->status == LIAISON_LOOP_STATUS_CLOSED ||
         state->status == LIAISON_LOOP_STATUS_RATED ||
         state->status == LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT;
}

gboolean
liaison_loop_state_is_overdue (const LiaisonLoopState *state,
                               const GDate            *today)
{
  return liaison_loop_state_deadline (state, today).urgency == LIAISON_DEADLINE_OVERDUE;
}

void
liaison_figures_add (LiaisonFigures       *sum,
                     const LiaisonFigures *part,
                     guint                 times)
{
  sum->collected += part->collected * times;
  sum->withdrawn += part->withdrawn * times;
  sum->resolved += part->resolved * times;
  sum->rated += part->rated * times;
  sum->satisfied += part->satisfied * times;
  sum->basically_satisfied += part->basically_satisfied * times;
  sum->replied += part->replied * times;
  sum->replied_in_time += part->replied_in_time * times;
  sum->overdue += part->overdue * times;
  sum->due_soon += part->due_soon * times;
  sum->key_supervision += part->key_supervision * times;
  sum->unsatisfied_open += part->unsatisfied_open * times;
}

void
liaison_figures_compute (LiaisonFigures *figures,
                         GPtrArray      *states,
                         const GDate    *from,
                         const GDate    *to,
                         const GDate    *today)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (states != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  memset (figures, 0, sizeof *figures);

  for (guint i = 0; i < states->len; i++)
    {
      const LiaisonLoopState *state = g_ptr_array_index (states, i);
      LiaisonDeadline deadline;

      if (state->status == LIAISON_LOOP_STATUS_NONE || !g_date_valid (&state->registered_on))
        continue;
      if (from != NULL && g_date_valid (from) && g_date_compare (&state->registered_on, from) < 0)
        continue;
      if (to != NULL && g_date_valid (to) && g_date_compare (&state->registered_on, to) > 0)
        continue;

      figures->collected++;
      if (state->status == LIAISON_LOOP_STATUS_WITHDRAWN)
        figures->withdrawn++;
      if (liaison_loop_state_is_resolved (state))
        figures->resolved++;

      if (state->rated)
        {
          figures->rated++;
          if (state->last_rating == LIAISON_LOOP_RATING_SATISFIED)
            figures->satisfied++;
          else if (state->last_rating == LIAISON_LOOP_RATING_BASICALLY_SATISFIED)
            figures->basically_satisfied++;
          else if (liaison_loop_state_is_open (state))
            figures->unsatisfied_open++;
        }

      if (state->n_replies > 0)
        {
          figures->replied++;
          if (state->n_late_replies == 0)
            figures->replied_in_time++;
        }

      deadline = liaison_loop_state_deadline (state, today);
      if (deadline.urgency == LIAISON_DEADLINE_OVERDUE)
        figures->overdue++;
      else if (liaison_deadline_is_due_soon (deadline))
        figures->due_soon++;

      if (state->key_supervision && liaison_loop_state_is_open (state))
        figures->key_supervision++;
    }
}

gboolean
liaison_figures_rate (guint   numerator,
                      guint   denominator,
                      double *rate)
{
  if (denominator == 0)
    {
      *rate = 0.0;
      return FALSE;
    }
  *rate = (double) numerator / (double) denominator;
  return TRUE;
}

gboolean
liaison_figures_resolution_rate (const LiaisonFigures *figures,
                                 double               *rate)
{
  return liaison_figures_rate (figures->resolved,
                               figures->collected - figures->withdrawn, rate);
}

gboolean
liaison_figures_satisfaction_rate (const LiaisonFigures *figures,
                                   double               *rate)
{
  return liaison_figures_rate (figures->satisfied + figures->basically_satisfied,
                               figures->rated, rate);
}

gboolean
liaison_figures_in_time_rate (const LiaisonFigures *figures,
                              double               *rate)
{
  return liaison_figures_rate (figures->replied_in_time, figures->replied, rate);
}

char *
liaison_figures_format_rate (guint numerator,
                             guint denominator)
{
  guint64 tenths;

  if (denominator == 0)
    /* Translators: a rate with nothing to count, e.g. no suggestion rated yet */
    return g_strdup (_("—"));
  /* Rounded half up on the tenth of a percent, in integers so that 87.95%
   * never turns into 87.9% through binary fractions. */
  tenths = ((guint64) numerator * 2000 + denominator) / (2 * (guint64) denominator);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%",
                          tenths / 10, tenths % 10);
}
