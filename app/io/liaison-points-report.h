/* liaison-points-report.h: the quarterly group report (季度积分通报,
 * docs/duty-record.md, "The quarterly report"): for a quarter, and
 * optionally one deputy group, each group's deputies ranked with their
 * points, duty days and main items, and the group's total and average;
 * written as CSV (liaison-points-csv.c), XLSX (liaison-points-xlsx.c) or
 * PDF (liaison-points-pdf.c).
 *
 * The words of the report are Chinese whatever the language, as the
 * ledger's columns are: it is announced to the deputies as it is.
 */
#pragma once

#include <glib.h>

#include "liaison-points.h"
#include "liaison-quarter-snapshot.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_POINTS_REPORT_ERROR (liaison_points_report_error_quark ())
GQuark liaison_points_report_error_quark (void);

typedef enum {
  LIAISON_POINTS_REPORT_ERROR_NO_GROUP,  /* --group names no deputy group */
  LIAISON_POINTS_REPORT_ERROR_FORMAT,    /* not .csv, .xlsx or .pdf */
  LIAISON_POINTS_REPORT_ERROR_IO,
} LiaisonPointsReportError;

typedef enum {
  LIAISON_POINTS_REPORT_CSV,
  LIAISON_POINTS_REPORT_XLSX,
  LIAISON_POINTS_REPORT_PDF,
} LiaisonPointsReportFormat;

/* The main items, one column each: how many lines of these rules a
 * deputy has in the quarter, scored or (receptions) past the cap. */
typedef enum {
  LIAISON_POINTS_COUNT_SESSION_ATTENDED,  /* 出席人代会 */
  LIAISON_POINTS_COUNT_SESSION_ABSENT,    /* 缺席人代会 */
  LIAISON_POINTS_COUNT_STANDING,          /* 列席常委会 */
  LIAISON_POINTS_COUNT_RESEARCH,          /* 调研视察: research, inspection, law enforcement */
  LIAISON_POINTS_COUNT_ACTIVITIES,        /* 活动培训: theme, group activity, training, other */
  LIAISON_POINTS_COUNT_STATION_DUTY,      /* 进站履职 (days) */
  LIAISON_POINTS_COUNT_RECEPTIONS,        /* 接待群众 */
  LIAISON_POINTS_COUNT_TAKE_UPS,          /* 领办建议 */
  LIAISON_POINTS_COUNT_FILED,             /* 提出议案建议: first signer or co-signer */
  LIAISON_N_POINTS_COUNTS
} LiaisonPointsCount;

typedef struct {
  const LiaisonDeputyPoints *deputy;     /* borrowed from the report's score */
  guint counts[LIAISON_N_POINTS_COUNTS];
  /* A closed quarter: the deputy's frozen figures against these, and the
   * lines that changed; borrowed from the report's closed->diff. NULL if
   * the quarter is not closed. */
  const LiaisonSnapshotDeputyDiff *change;
} LiaisonPointsReportRow;

typedef enum {
  LIAISON_POINTS_REPORT_LINE_TITLE,      /* one cell, a heading of its own */
  LIAISON_POINTS_REPORT_LINE_HEADER,     /* column headers */
  LIAISON_POINTS_REPORT_LINE_ROW,
} LiaisonPointsReportLineKind;

/* A line of the closed quarter's section: the words every writer (CSV,
 * XLSX, PDF) lays out the same way, after the groups. Bit c of @numbers
 * says cells[c] is a number (points, a difference, days: a workbook's
 * number, right-aligned in the PDF), of @dates that it is a date
 * ("YYYY-MM-DD") or a time ("YYYY-MM-DD HH:MM"); such a cell may be ""
 * (none). A header line has its columns' bits. */
typedef struct {
  LiaisonPointsReportLineKind  kind;
  GStrv                        cells;
  guint                        numbers;
  guint                        dates;
} LiaisonPointsReportLine;

/* A closed quarter (docs/duty-record.md, "Closing a quarter"). */
typedef struct {
  char               *closed_at;         /* "YYYY-MM-DDTHH:MM:SSZ" */
  char               *closed_by;
  LiaisonQuarterDiff *diff;              /* the frozen figures against today's, every deputy */
  GPtrArray          *corrections;       /* LiaisonActivity *, corrected since the closing */
  /* The section: a title; each of the report's deputies with the frozen
   * points, today's and the difference; the lines that changed; the
   * corrections with their reason, who and when. */
  GPtrArray          *lines;             /* LiaisonPointsReportLine * */
} LiaisonPointsReportClosed;

typedef struct {
  const LiaisonGroupPoints *group;       /* borrowed from the report's score */
  GPtrArray                *rows;        /* LiaisonPointsReportRow *, by rank */
} LiaisonPointsReportGroup;

typedef struct {
  LiaisonQuarter      quarter;
  char               *title;             /* "2025年第一季度 代表履职积分通报" */
  LiaisonPointsScore *score;
  GPtrArray          *groups;            /* LiaisonPointsReportGroup *, by name */
  LiaisonPointsReportClosed *closed;     /* NULL unless the quarter is closed */
} LiaisonPointsReport;

/* The column headers: 代表小组, 排名, 姓名, 积分, 履职天数, then the counts. */
#define LIAISON_POINTS_REPORT_N_COLUMNS (5 + LIAISON_N_POINTS_COUNTS)
extern const char *const liaison_points_report_columns[LIAISON_POINTS_REPORT_N_COLUMNS];

/* The format @path's extension asks for (either case); anything else is
 * LIAISON_POINTS_REPORT_ERROR_FORMAT, translated. */
gboolean             liaison_points_report_format_for_path (const char                *path,
                                                            LiaisonPointsReportFormat *format,
                                                            GError                   **error);
/* Gathers every deputy's duty items of @quarter (only @group's when not
 * NULL) and scores them with the rule sets in force
 * (liaison_store_score_quarter()). An unknown @group is
 * LIAISON_POINTS_REPORT_ERROR_NO_GROUP. Deputies in no group are in no
 * group's report. A closed quarter's report has its closed section. */
LiaisonPointsReport *liaison_points_report_build (LiaisonStore   *store,
                                                  LiaisonQuarter  quarter,
                                                  const char     *group,
                                                  GError        **error);
/* Writes @report to @path in @format through a temporary file beside it,
 * renamed over @path only when complete: a failure leaves nothing. */
gboolean             liaison_points_report_write (const LiaisonPointsReport *report,
                                                  const char                *path,
                                                  LiaisonPointsReportFormat  format,
                                                  GError                   **error);
void                 liaison_points_report_free  (LiaisonPointsReport       *report);

/* The closed section of @report's quarter, its rows' changes filled in
 * (liaison-points-closed.c); FALSE on a read error. Nothing if the quarter
 * is not closed. */
gboolean             liaison_points_report_add_closed (LiaisonStore        *store,
                                                       LiaisonPointsReport *report,
                                                       GError             **error);
void                 liaison_points_report_closed_free (LiaisonPointsReportClosed *closed);

/* @points as the number a workbook holds: 125 tenths are 12.5. */
double               liaison_points_report_value (LiaisonPoints points);

/* The writers, each to a path it may fill: liaison_points_report_write()
 * gives them the temporary file. */
char                *liaison_points_report_to_csv (const LiaisonPointsReport *report,
                                                   gsize                     *length);
gboolean             liaison_points_report_write_xlsx (const LiaisonPointsReport *report,
                                                       const char                *path,
                                                       GError                   **error);
gboolean             liaison_points_report_write_pdf  (const LiaisonPointsReport *report,
                                                       const char                *path,
                                                       GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPointsReport, liaison_points_report_free)

G_END_DECLS
