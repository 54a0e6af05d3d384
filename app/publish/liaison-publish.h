/* liaison-publish.h: publishing a period's figures, and comparing a
 * publication with the live figures (docs/reports.md, "Published
 * reports").
 *
 * Headquarters publishes the dashboard of a period (app/report/) as it
 * stands that moment: the figures are frozen as a publication in the
 * store (liaison-store-published.h) and sync to the desks. Later the
 * live figures may differ (a late reply, a late rating): the comparison
 * gives, per figure, the published value, the live one, the difference,
 * and the suggestions that entered or left that figure since. A published
 * figure is never rewritten: the difference is shown beside it.
 */
#pragma once

#include "liaison-dashboard.h"
#include "liaison-store-published.h"

G_BEGIN_DECLS

/* Publishes @period as it stands on @today (NULL: today, local): computes
 * its dashboard and the suggestions behind each figure, and keeps them as
 * a publication, to sync. Refused (LIAISON_STORE_ERROR_INVALID, nothing
 * written) at a station desk. */
LiaisonPublishedReport *liaison_publish_period (LiaisonStore        *store,
                                                const LiaisonPeriod *period,
                                                const GDate         *today,
                                                GError             **error);

/* A suggestion that entered or left a figure since it was published. */
typedef struct {
  char   *uuid;
  gint64  id;     /* here, to open it; 0 if it is no longer here */
  char   *title;  /* "" if it is no longer here */
} LiaisonPublishedChange;

typedef struct {
  LiaisonFigure  figure;
  guint          published;
  guint          live;
  /* LiaisonPublishedChange *, by title; always empty for RECEPTIONS and
   * VISITORS (their rows are receptions, which a publication does not
   * list) */
  GPtrArray     *entered;
  GPtrArray     *left;
} LiaisonPublishedFigureDiff;

typedef struct {
  LiaisonPublishedReport     *report;
  LiaisonPeriod               period;
  /* Whose figures: the whole city at headquarters, this station's own at
   * a station (its part of the publication). */
  gboolean                    headquarters;
  /* FALSE while parts of the publication have not arrived here yet: the
   * items are then not all known, and the changes not listed. */
  gboolean                    complete;
  LiaisonPublishedFigureDiff  figures[LIAISON_N_FIGURES];
} LiaisonPublishedComparison;

/* The publication @uuid against the live figures of its period on @today
 * (NULL: today, local). */
LiaisonPublishedComparison *liaison_published_compare         (LiaisonStore  *store,
                                                               const char    *uuid,
                                                               const GDate   *today,
                                                               GError       **error);
/* Whether any figure differs. */
gboolean                    liaison_published_comparison_any  (const LiaisonPublishedComparison *comparison);
void                        liaison_published_comparison_free (LiaisonPublishedComparison       *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPublishedComparison, liaison_published_comparison_free)

G_END_DECLS
