/* liaison-store-dashboard.h: the figures of a period grouped by category,
 * month, channel and station in one pass, the receptions and visitors
 * received likewise, and the rows behind each number (for app/report's
 * dashboard, docs/reports.md).
 *
 * The cohort and the figures are liaison_store_compute_figures()'s: the
 * suggestions registered (registered_on, local date) between @from and @to,
 * both included, as they stand on @today, each group counted by the same
 * liaison_store_add_figures_group(). Receptions count by the local date of
 * received_at; visitors are the sum of their party sizes.
 */
#pragma once

#include "liaison-figures.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* What a group is keyed by. */
typedef enum {
  LIAISON_FIGURES_BY_CATEGORY,  /* the category's code */
  LIAISON_FIGURES_BY_MONTH,     /* "YYYY-MM" */
  LIAISON_FIGURES_BY_CHANNEL,   /* the reception's channel code; "deputy" for a
                                 * deputy's suggestion with no reception, "none"
                                 * for a citizen's with none */
  LIAISON_FIGURES_BY_STATION,   /* the station's uuid */
  LIAISON_N_FIGURES_BY
} LiaisonFiguresBy;

#define LIAISON_FIGURES_CHANNEL_DEPUTY "deputy"
#define LIAISON_FIGURES_CHANNEL_NONE   "none"

typedef struct {
  LiaisonFigures figures;
  guint          receptions;
  guint          visitors;
} LiaisonFiguresCell;

typedef struct {
  LiaisonFiguresCell  total;
  /* key (char *) -> LiaisonFiguresCell *, only the keys that have rows. */
  GHashTable         *by[LIAISON_N_FIGURES_BY];
  /* "station-uuid YYYY-MM" -> LiaisonFiguresCell *, receptions and
   * visitors only: the receptions by station and month. */
  GHashTable         *station_month;
} LiaisonFiguresTable;

/* @station_id: 0 for every station this replica holds, else that one's
 * only. Fills @table (cleared first; free with liaison_figures_table_clear()). */
gboolean   liaison_store_compute_figures_table (LiaisonStore        *self,
                                                const GDate         *from,
                                                const GDate         *to,
                                                const GDate         *today,
                                                gint64               station_id,
                                                LiaisonFiguresTable *table,
                                                GError             **error);
void       liaison_figures_table_clear         (LiaisonFiguresTable *table);

/* Whether one suggestion, whose own figures are @one (each 0 or 1), is a
 * row of the number asked for. */
typedef gboolean (*LiaisonFiguresKeep) (const LiaisonFigures *one,
                                        gpointer              data);

/* The suggestions of the cohort (LiaisonSuggestion, as
 * liaison_store_list_loop()'s), within the group @key of @by
 * (LIAISON_N_FIGURES_BY and NULL: all), that @keep keeps: newest first. */
GPtrArray *liaison_store_list_figures_suggestions (LiaisonStore       *self,
                                                   const GDate        *from,
                                                   const GDate        *to,
                                                   const GDate        *today,
                                                   gint64              station_id,
                                                   LiaisonFiguresBy    by,
                                                   const char         *key,
                                                   LiaisonFiguresKeep  keep,
                                                   gpointer            data,
                                                   GError            **error);
/* The live receptions received between @from and @to (LiaisonReception, as
 * liaison_store_list_receptions()'s), within the group @key of @by: newest
 * first. @all_visitors: with every visitor read, not the first only (their
 * party sizes add up to the visitors figure). */
GPtrArray *liaison_store_list_figures_receptions  (LiaisonStore       *self,
                                                   const GDate        *from,
                                                   const GDate        *to,
                                                   gint64              station_id,
                                                   LiaisonFiguresBy    by,
                                                   const char         *key,
                                                   gboolean            all_visitors,
                                                   GError            **error);

G_END_DECLS
