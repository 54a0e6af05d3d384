/* liaison-figure-text.c: what each figure, rate and breakdown is called,
 * and the figures' definitions, word for word those of docs/closed-loop.md
 * ("The figures"; test-dashboard checks that they agree). */
#define G_LOG_DOMAIN "liaison-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dashboard.h"

typedef struct {
  const char *label;
  const char *definition;
} Text;

/* The labels with a context are read with C_() below. */
static const Text figure_texts[LIAISON_N_FIGURES] = {
  [LIAISON_FIGURE_COLLECTED] = {
    N_("Collected"),
    N_("suggestions in the cohort: registered in the period (withdrawn ones included)") },
  [LIAISON_FIGURE_WITHDRAWN] = {
    N_("Withdrawn"),
    N_("of those, withdrawn now") },
  [LIAISON_FIGURE_RESOLVED] = {
    N_("Resolved"),
    N_("now closed, or rated satisfied / basically satisfied (state rated), or answered on the spot (state answered_on_spot). An item reopened by an unsatisfied rating is not resolved until it is again.") },
  [LIAISON_FIGURE_RATED] = {
    NULL,
    N_("of those, rated: each suggestion counted once, by its latest rating") },
  [LIAISON_FIGURE_SATISFIED] = {
    NULL,
    N_("of those rated, whose latest rating is satisfied or basically satisfied") },
  [LIAISON_FIGURE_REPLIED] = {
    NULL,
    N_("suggestions with at least one reply") },
  [LIAISON_FIGURE_REPLIED_IN_TIME] = {
    N_("Replied in time"),
    N_("of those replied, every reply was dated on or before the due date of its own round (a reply on the due date is in time)") },
  [LIAISON_FIGURE_OVERDUE] = {
    N_("Overdue now"),
    N_("awaiting a reply (referred or in_progress) with a due date before today") },
  [LIAISON_FIGURE_RECEPTIONS] = {
    NULL,
    N_("receptions received in the period (by the local date of their time)") },
  [LIAISON_FIGURE_VISITORS] = {
    NULL,
    N_("the visitors of those receptions: the sum of their party sizes") },
};

static const Text rate_texts[LIAISON_N_RATES] = {
  [LIAISON_RATE_RESOLUTION] = {
    N_("Resolution rate"),
    N_("resolved / (collected − withdrawn)") },
  [LIAISON_RATE_SATISFACTION] = {
    N_("Satisfaction rate"),
    N_("(satisfied + basically satisfied) / rated, counting each suggestion once by its latest rating") },
  [LIAISON_RATE_IN_TIME] = {
    N_("Answered in time"),
    N_("replied in time / replied: replied = suggestions with at least one reply; in time = every reply was dated on or before the due date of its own round (a reply on the due date is in time)") },
};

const char *
liaison_figure_label (LiaisonFigure figure)
{
  g_return_val_if_fail ((guint) figure < LIAISON_N_FIGURES, "");

  /* Words that are also a state's or a page's, told apart. */
  switch (figure)
    {
    case LIAISON_FIGURE_RATED:
      return C_("figure", "Rated");
    case LIAISON_FIGURE_SATISFIED:
      return C_("figure", "Satisfied");
    case LIAISON_FIGURE_REPLIED:
      return C_("figure", "Replied");
    case LIAISON_FIGURE_RECEPTIONS:
      return C_("figure", "Receptions");
    case LIAISON_FIGURE_VISITORS:
      return C_("figure", "Visitors");
    case LIAISON_FIGURE_COLLECTED:
    case LIAISON_FIGURE_WITHDRAWN:
    case LIAISON_FIGURE_RESOLVED:
    case LIAISON_FIGURE_REPLIED_IN_TIME:
    case LIAISON_FIGURE_OVERDUE:
    case LIAISON_N_FIGURES:
    default:
      return _(figure_texts[figure].label);
    }
}

const char *
liaison_figure_definition (LiaisonFigure figure)
{
  g_return_val_if_fail ((guint) figure < LIAISON_N_FIGURES, "");
  return _(figure_texts[figure].definition);
}

const char *
liaison_rate_label (LiaisonRate rate)
{
  g_return_val_if_fail ((guint) rate < LIAISON_N_RATES, "");
  return _(rate_texts[rate].label);
}

const char *
liaison_rate_definition (LiaisonRate rate)
{
  g_return_val_if_fail ((guint) rate < LIAISON_N_RATES, "");
  return _(rate_texts[rate].definition);
}

const char *
liaison_breakdown_label (LiaisonBreakdown breakdown)
{
  switch (breakdown)
    {
    case LIAISON_BREAKDOWN_NONE:
      return _("Whole period");
    case LIAISON_BREAKDOWN_CATEGORY:
      return _("By category");
    case LIAISON_BREAKDOWN_MONTH:
      return _("By month");
    case LIAISON_BREAKDOWN_CHANNEL:
      return _("By channel");
    case LIAISON_BREAKDOWN_STATION:
      return _("By station");
    case LIAISON_N_BREAKDOWNS:
    default:
      g_return_val_if_reached ("");
    }
}

guint
liaison_figure_count (LiaisonFigure         figure,
                      const LiaisonFigures *f)
{
  g_return_val_if_fail (f != NULL, 0);

  switch (figure)
    {
    case LIAISON_FIGURE_COLLECTED:
      return f->collected;
    case LIAISON_FIGURE_WITHDRAWN:
      return f->withdrawn;
    case LIAISON_FIGURE_RESOLVED:
      return f->resolved;
    case LIAISON_FIGURE_RATED:
      return f->rated;
    case LIAISON_FIGURE_SATISFIED:
      return f->satisfied + f->basically_satisfied;
    case LIAISON_FIGURE_REPLIED:
      return f->replied;
    case LIAISON_FIGURE_REPLIED_IN_TIME:
      return f->replied_in_time;
    case LIAISON_FIGURE_OVERDUE:
      return f->overdue;
    case LIAISON_FIGURE_RECEPTIONS:
    case LIAISON_FIGURE_VISITORS:
    case LIAISON_N_FIGURES:
    default:
      return 0;
    }
}

gboolean
liaison_rate_parts (LiaisonRate           rate,
                    const LiaisonFigures *figures,
                    guint                *numerator,
                    guint                *denominator)
{
  guint n = 0, d = 0;

  g_return_val_if_fail (figures != NULL, FALSE);

  switch (rate)
    {
    case LIAISON_RATE_RESOLUTION:
      n = figures->resolved;
      d = figures->collected - figures->withdrawn;
      break;
    case LIAISON_RATE_SATISFACTION:
      n = figures->satisfied + figures->basically_satisfied;
      d = figures->rated;
      break;
    case LIAISON_RATE_IN_TIME:
      n = figures->replied_in_time;
      d = figures->replied;
      break;
    case LIAISON_N_RATES:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (numerator != NULL)
    *numerator = n;
  if (denominator != NULL)
    *denominator = d;
  return d > 0;
}

char *
liaison_rate_format (LiaisonRate           rate,
                     const LiaisonFigures *figures)
{
  guint numerator, denominator;

  liaison_rate_parts (rate, figures, &numerator, &denominator);
  return liaison_figures_format_rate (numerator, denominator);
}
