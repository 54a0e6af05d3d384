/* liaison-figures.h: the figures the seed reports, over a set of
 * suggestions' states (each one the liaison_loop_replay() of its timeline).
 *
 * The definitions are in docs/closed-loop.md; in short, over the suggestions
 * registered in [from, to] (local dates, both included), as they stand on
 * @today:
 * - collected: registered in the period (withdrawn ones included);
 * - withdrawn: of those, withdrawn;
 * - resolved: closed, rated satisfied or basically satisfied (and not
 *   reopened since), or answered on the spot;
 * - resolution rate: resolved / (collected - withdrawn);
 * - satisfaction rate: (satisfied + basically satisfied) / rated, by each
 *   suggestion's latest rating;
 * - answered in time: replied at least once, and no reply later than the
 *   due date of its round / replied at least once;
 * - overdue now: referred or in progress with a due date before @today.
 */
#pragma once

#include <glib.h>

#include "liaison-loop.h"

G_BEGIN_DECLS

typedef struct {
  guint collected;
  guint withdrawn;
  guint resolved;
  guint rated;                 /* has a latest rating */
  guint satisfied;             /* latest rating satisfied */
  guint basically_satisfied;   /* latest rating basically satisfied */
  guint replied;               /* at least one reply */
  guint replied_in_time;       /* every reply on or before its round's due date */
  guint overdue;
  guint due_soon;              /* awaiting a reply, due within 3 days (today included) */
  guint key_supervision;       /* open and under key supervision */
  guint unsatisfied_open;      /* open and latest rating unsatisfied */
} LiaisonFigures;

/* @states: LiaisonLoopState *; @from / @to may be NULL for no bound. */
void     liaison_figures_compute         (LiaisonFigures *figures,
                                          GPtrArray      *states,
                                          const GDate    *from,
                                          const GDate    *to,
                                          const GDate    *today);

/* Adds @times × @part to @sum, figure by figure. */
void     liaison_figures_add             (LiaisonFigures       *sum,
                                          const LiaisonFigures *part,
                                          guint                 times);

/* A rate as numerator / denominator in @rate; FALSE (and 0) when the
 * denominator is 0: nothing to rate, not 0%. */
gboolean liaison_figures_rate            (guint           numerator,
                                          guint           denominator,
                                          double         *rate);
gboolean liaison_figures_resolution_rate (const LiaisonFigures *figures,
                                          double               *rate);
gboolean liaison_figures_satisfaction_rate (const LiaisonFigures *figures,
                                            double               *rate);
gboolean liaison_figures_in_time_rate    (const LiaisonFigures *figures,
                                          double               *rate);
/* "87.9%" with one decimal; "—" when there is no denominator. */
char    *liaison_figures_format_rate     (guint           numerator,
                                          guint           denominator);

/* One suggestion's part in the figures, for lists that filter by them. */
gboolean liaison_loop_state_is_resolved  (const LiaisonLoopState *state);
gboolean liaison_loop_state_is_overdue   (const LiaisonLoopState *state,
                                          const GDate            *today);

G_END_DECLS
