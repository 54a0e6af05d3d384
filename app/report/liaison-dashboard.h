/* liaison-dashboard.h (app/report/): the dashboard's figures for a period,
 * broken down, and the items behind every number.
 *
 * Definitions are docs/closed-loop.md's "The figures": the cohort is the
 * suggestions registered in the period, as they stand on @today.
 * Receptions/visitors count receptions whose received_at (local date) is in
 * the period; visitors = the sum of the visitors' party sizes.
 */
#pragma once

#include <glib.h>

#include "liaison-figures.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* ---- Periods ---- */
typedef enum {
  LIAISON_PERIOD_MONTH,
  LIAISON_PERIOD_QUARTER,
  LIAISON_PERIOD_YEAR,
  LIAISON_PERIOD_CUSTOM,
} LiaisonPeriodKind;

typedef struct {
  LiaisonPeriodKind kind;
  GDate             from;   /* first day, included */
  GDate             to;     /* last day, included */
} LiaisonPeriod;

/* "2025-03", "2025Q1" (also "2025q1"), "2025", or "2025-01-05..2025-02-10"
 * (custom). A clear translated error (LIAISON_STORE_ERROR_INVALID) for
 * anything else, including a custom range whose end is before its start. */
gboolean liaison_period_parse      (const char          *text,
                                    LiaisonPeriod       *period,
                                    GError             **error);
/* The same code back: what parse reads, and what the UI remembers. */
char    *liaison_period_to_code    (const LiaisonPeriod *period);
/* For people: "March 2025" / "2025年3月", "2025 Q1" / "2025年第一季度",
 * "2025" / "2025年", "5 Jan 2025 – 10 Feb 2025" / "2025年1月5日至2月10日". */
char    *liaison_period_label      (const LiaisonPeriod *period);
/* The month, quarter or year (not CUSTOM) that holds @day. */
void     liaison_period_containing (LiaisonPeriodKind    kind,
                                    const GDate         *day,
                                    LiaisonPeriod       *period);
/* The one before / after, of the same kind (CUSTOM: the same length). */
void     liaison_period_step       (LiaisonPeriod       *period,
                                    int                  steps);

/* ---- What a number counts ---- */
typedef enum {
  LIAISON_FIGURE_COLLECTED,        /* registered in the period */
  LIAISON_FIGURE_WITHDRAWN,
  LIAISON_FIGURE_RESOLVED,
  LIAISON_FIGURE_RATED,            /* has a latest rating: the satisfaction rate's denominator */
  LIAISON_FIGURE_SATISFIED,        /* latest rating satisfied or basically satisfied */
  LIAISON_FIGURE_REPLIED,          /* at least one reply: the in-time rate's denominator */
  LIAISON_FIGURE_REPLIED_IN_TIME,
  LIAISON_FIGURE_OVERDUE,          /* overdue now */
  LIAISON_FIGURE_RECEPTIONS,       /* receptions received in the period (rows are receptions) */
  LIAISON_FIGURE_VISITORS,         /* visitors received: the receptions holding them */
  LIAISON_N_FIGURES
} LiaisonFigure;

/* The count of @figure in @figures (RECEPTIONS/VISITORS are not in
 * LiaisonFigures: use the row's fields). */
guint       liaison_figure_count      (LiaisonFigure         figure,
                                       const LiaisonFigures *figures);
/* Translated short name: "Collected" / "收集". */
const char *liaison_figure_label      (LiaisonFigure figure);
/* Translated definition, in words, exactly as docs/closed-loop.md states
 * it. The four headline rates have theirs too: */
const char *liaison_figure_definition (LiaisonFigure figure);
typedef enum {
  LIAISON_RATE_RESOLUTION,    /* RESOLVED / (COLLECTED - WITHDRAWN) */
  LIAISON_RATE_SATISFACTION,  /* SATISFIED / RATED */
  LIAISON_RATE_IN_TIME,       /* REPLIED_IN_TIME / REPLIED */
  LIAISON_N_RATES
} LiaisonRate;
const char *liaison_rate_label        (LiaisonRate rate);
const char *liaison_rate_definition   (LiaisonRate rate);
/* The figures a rate divides: FALSE (no value, shown "—") when the
 * denominator is 0. */
gboolean    liaison_rate_parts        (LiaisonRate           rate,
                                       const LiaisonFigures *figures,
                                       guint                *numerator,
                                       guint                *denominator);
/* The rate as liaison_figures_format_rate() shows it: "87.9%" or "—". */
char       *liaison_rate_format       (LiaisonRate           rate,
                                       const LiaisonFigures *figures);

/* ---- Breakdowns ---- */
typedef enum {
  LIAISON_BREAKDOWN_NONE,      /* the whole period */
  LIAISON_BREAKDOWN_CATEGORY,  /* key: the category's code */
  LIAISON_BREAKDOWN_MONTH,     /* key: "YYYY-MM" */
  LIAISON_BREAKDOWN_CHANNEL,   /* key: the channel's code, or "deputy" for a deputy's suggestion (no reception) */
  LIAISON_BREAKDOWN_STATION,   /* key: the station's uuid; headquarters only */
  LIAISON_N_BREAKDOWNS
} LiaisonBreakdown;

const char *liaison_breakdown_label (LiaisonBreakdown breakdown);  /* "By category" / "按类别" */

typedef struct {
  char           *key;
  char           *label;       /* translated where it is a code; the category's name in the user's language */
  LiaisonFigures  figures;
  guint           receptions;
  guint           visitors;
} LiaisonDashboardRow;

void liaison_dashboard_row_free (LiaisonDashboardRow *row);
/* The number @row shows for @figure, RECEPTIONS and VISITORS included. */
guint liaison_dashboard_row_count (const LiaisonDashboardRow *row,
                                   LiaisonFigure              figure);

typedef struct {
  LiaisonPeriod   period;
  GDate           today;
  gboolean        headquarters;  /* the whole city; else this station's own */
  LiaisonDashboardRow *total;    /* key "", label "Total" */
  /* (element-type LiaisonDashboardRow), in a stable order: categories by
   * their position, months in order (every month of the period, empty ones
   * too), channels in enum order then "deputy", stations by name (collated).
   * by_station is NULL on a station's desk. */
  GPtrArray      *by_category;
  GPtrArray      *by_month;
  GPtrArray      *by_channel;
  GPtrArray      *by_station;
  /* Added: receptions and visitors by station and month; read it with
   * liaison_dashboard_station_month(). */
  GHashTable     *station_month;
} LiaisonDashboard;

/* @today NULL: today, local. Thread-safe in the sense the store is: call
 * it from a worker thread with a store opened for that thread, or from the
 * main thread. */
LiaisonDashboard *liaison_dashboard_compute (LiaisonStore        *store,
                                             const LiaisonPeriod *period,
                                             const GDate         *today,
                                             GError             **error);
/* Added: the dashboard of one station (@station_uuid), or of every
 * station the file holds (NULL: headquarters' view, with by_station),
 * whatever this desk's role. For headquarters looking at one station, and
 * the benchmark. */
LiaisonDashboard *liaison_dashboard_compute_station (LiaisonStore        *store,
                                                     const LiaisonPeriod *period,
                                                     const GDate         *today,
                                                     const char          *station_uuid,
                                                     GError             **error);
void              liaison_dashboard_free    (LiaisonDashboard    *dashboard);
/* (transfer none): the rows of @breakdown; NULL for NONE (the total is
 * dashboard->total) and for STATION on a station's desk. by_channel ends
 * with "none" (a citizen's suggestion with no reception) only when it has
 * any. */
GPtrArray        *liaison_dashboard_get_breakdown (LiaisonDashboard *dashboard,
                                                   LiaisonBreakdown  breakdown);
/* The receptions (returned) and visitors received at the station
 * @station_key (a by_station row's key; "" for every station the
 * dashboard covers) in @month ("YYYY-MM", a by_month row's key). */
guint             liaison_dashboard_station_month (LiaisonDashboard *dashboard,
                                                   const char       *station_key,
                                                   const char       *month,
                                                   guint            *visitors);
/* The headquarters' desk (sync role hq) sees the whole city; any other
 * its own station's (the local station's; the whole file if it has none). */
gboolean          liaison_dashboard_is_headquarters (LiaisonStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDashboard, liaison_dashboard_free)

/* The items behind a number: the suggestions (LiaisonSuggestion, with
 * the list columns and loop cache filled, as liaison_store_list_loop's) of
 * @figure in the period, within the breakdown row @key (@breakdown NONE:
 * @key NULL). For RECEPTIONS and VISITORS: LiaisonReception rows.
 * Their number equals the count the dashboard shows.
 * Returns: (transfer full) */
GPtrArray *liaison_dashboard_list_items (LiaisonStore        *store,
                                         const LiaisonPeriod *period,
                                         const GDate         *today,
                                         LiaisonFigure        figure,
                                         LiaisonBreakdown     breakdown,
                                         const char          *key,
                                         GError             **error);

/* What @items (from liaison_dashboard_list_items()) add up to for
 * @figure: their number, or for VISITORS the sum of their visitors' party
 * sizes (the receptions come with every visitor). */
guint      liaison_dashboard_items_count (LiaisonFigure  figure,
                                          GPtrArray     *items);

G_END_DECLS
