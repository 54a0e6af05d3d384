/* liaison-quarter-snapshot.h: a closed quarter's frozen figures
 * (docs/duty-record.md, "Closing a quarter").
 *
 * Closing a quarter freezes every deputy's points of that quarter as the
 * points engine gave them: per deputy the total, duty days and rank, and
 * every line with the item that earned it. The snapshot travels as JSON
 * (the quarter_close record's "snapshot") and is compared with the live
 * score of the same quarter, so that a correction shows as a change from
 * the frozen figures and a closed figure is never silently rewritten.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-duty-item.h"
#include "liaison-points.h"
#include "liaison-quarter.h"

G_BEGIN_DECLS

#define LIAISON_QUARTER_SNAPSHOT_ERROR (liaison_quarter_snapshot_error_quark ())
GQuark liaison_quarter_snapshot_error_quark (void);

typedef enum {
  LIAISON_QUARTER_SNAPSHOT_ERROR_INVALID,  /* the message names the member, in English (a wire message) */
} LiaisonQuarterSnapshotError;

/* One line of a deputy's frozen record. */
typedef struct {
  LiaisonDutyItemKind  kind;
  char                *source_uuid;  /* the activity, reception or suggestion */
  char                *date;         /* "YYYY-MM-DD" */
  char                *title;
  LiaisonPointsRule    rule;         /* LIAISON_POINTS_RULE_NONE: not scored */
  LiaisonPoints        points;       /* tenths */
} LiaisonSnapshotLine;

typedef struct {
  char          *deputy_uuid;
  char          *name;
  char          *group;              /* NULL: in no group */
  LiaisonPoints  total;
  guint          duty_days;
  guint          rank;               /* 0 in no group */
  GPtrArray     *lines;              /* LiaisonSnapshotLine *, as the engine listed them */
} LiaisonSnapshotDeputy;

typedef struct {
  LiaisonQuarter  quarter;
  GPtrArray      *deputies;          /* LiaisonSnapshotDeputy *, as the score listed them */
} LiaisonQuarterSnapshot;

/* "activity", "reception", "take_up", "closed_satisfied", "motion",
 * "suggestion", "co_signed". */
const char             *liaison_duty_item_kind_to_code   (LiaisonDutyItemKind  kind);
gboolean                liaison_duty_item_kind_from_code (const char          *code,
                                                          LiaisonDutyItemKind *kind);

/* A snapshot of no deputy yet. */
LiaisonQuarterSnapshot *liaison_quarter_snapshot_new_empty (LiaisonQuarter quarter);
/* The snapshot of @score's quarter @quarter (a score of one quarter, or
 * of several: the lines and figures of @quarter only). */
LiaisonQuarterSnapshot *liaison_quarter_snapshot_new_from_score (const LiaisonPointsScore *score,
                                                                 LiaisonQuarter            quarter);
const LiaisonSnapshotDeputy *liaison_quarter_snapshot_find (const LiaisonQuarterSnapshot *snapshot,
                                                            const char                   *deputy_uuid);

/* As JSON: {"quarter": "2025Q1", "deputies": [{"uuid", "name", "group"
 * (or null), "total_tenths", "duty_days", "rank", "lines": [{"kind",
 * "source", "date", "title", "rule" (a rule key, or null), "points_tenths"}]}]}.
 * Points are whole tenths, so a figure never drifts. */
JsonObject             *liaison_quarter_snapshot_to_json   (const LiaisonQuarterSnapshot *snapshot);
char                   *liaison_quarter_snapshot_to_string (const LiaisonQuarterSnapshot *snapshot);
/* Strict: an unknown or missing member, a wrong type, a bad code, date or
 * quarter, or a deputy listed twice fails with the member named. */
LiaisonQuarterSnapshot *liaison_quarter_snapshot_from_json   (JsonObject  *object,
                                                              GError     **error);
/* Depth-checked (liaison-json-depth.h) before it is parsed. */
LiaisonQuarterSnapshot *liaison_quarter_snapshot_from_string (const char  *text,
                                                              GError     **error);
void                    liaison_quarter_snapshot_free        (LiaisonQuarterSnapshot *snapshot);

typedef enum {
  LIAISON_SNAPSHOT_CHANGE_ADDED,    /* a line the live score has and the frozen one has not */
  LIAISON_SNAPSHOT_CHANGE_REMOVED,  /* a frozen line the live score no longer has */
  LIAISON_SNAPSHOT_CHANGE_CHANGED,  /* the same item and rule, with other points, date or title */
} LiaisonSnapshotChangeKind;

typedef struct {
  LiaisonSnapshotChangeKind  change;
  LiaisonSnapshotLine       *frozen;  /* NULL if added */
  LiaisonSnapshotLine       *live;    /* NULL if removed */
} LiaisonSnapshotChange;

typedef struct {
  char          *deputy_uuid;
  char          *name;
  char          *group;
  LiaisonPoints  frozen_total;
  LiaisonPoints  live_total;
  guint          frozen_duty_days;
  guint          live_duty_days;
  GPtrArray     *changes;            /* LiaisonSnapshotChange *: the items that changed */
} LiaisonSnapshotDeputyDiff;

typedef struct {
  LiaisonQuarter  quarter;
  /* Every deputy of either, the frozen ones in their order, then those
   * only live; those with no change too. */
  GPtrArray      *deputies;          /* LiaisonSnapshotDeputyDiff * */
} LiaisonQuarterDiff;

/* @frozen against @live (a snapshot of the live score of the same
 * quarter). A line is the same item when its kind, source and rule are;
 * lines the same in all are not listed. */
LiaisonQuarterDiff              *liaison_quarter_diff_new    (const LiaisonQuarterSnapshot *frozen,
                                                              const LiaisonQuarterSnapshot *live);
const LiaisonSnapshotDeputyDiff *liaison_quarter_diff_find   (const LiaisonQuarterDiff     *diff,
                                                              const char                   *deputy_uuid);
/* Whether any deputy's figures or lines changed. */
gboolean                         liaison_quarter_diff_any    (const LiaisonQuarterDiff     *diff);
void                             liaison_quarter_diff_free   (LiaisonQuarterDiff           *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonQuarterSnapshot, liaison_quarter_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonQuarterDiff, liaison_quarter_diff_free)

G_END_DECLS
