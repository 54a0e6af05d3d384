/* liaison-points.h: the points engine: a deputy's duty items scored per
 * quarter, totalled per deputy group and ranked (docs/duty-record.md,
 * "Points rules" and "Quarters and ranking").
 *
 * Every point is a line that names the item that earned it and the rule
 * that gave it, so that a deputy can check the figure line by line. The
 * caller gathers the items (LiaisonDutyItem) and the rule sets, and says
 * which deputy is in which group and what each is called; the engine
 * reads nothing else.
 */
#pragma once

#include <glib.h>

#include "liaison-duty-item.h"
#include "liaison-points-rules.h"
#include "liaison-quarter.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_POINTS_LINE_SCORED,        /* the rule's points */
  LIAISON_POINTS_LINE_OVER_CAP,      /* a reception past the quarter's cap: listed, 0 */
  LIAISON_POINTS_LINE_SAME_DAY,      /* a station duty day already counted: listed, 0 */
  LIAISON_POINTS_LINE_NOT_ATTENDED,  /* on leave or absent where no rule scores it: listed, 0 */
} LiaisonPointsLineStatus;

/* "Over the quarter's cap", translated; "" for a line that scored. */
const char *liaison_points_line_status_label (LiaisonPointsLineStatus status);

/* One line of a record. An item gives one line, except a reception, which
 * also gives the station duty day line when it is the first record of the
 * deputy at that station on that day. */
typedef struct {
  const LiaisonDutyItem   *item;     /* borrowed: the score holds the items' array */
  LiaisonQuarter           quarter;  /* the quarter of the item's date */
  LiaisonPointsRule        rule;     /* LIAISON_POINTS_RULE_NONE if no rule scores it */
  LiaisonPointsLineStatus  status;
  LiaisonPoints            points;   /* tenths; 0 unless SCORED */
} LiaisonPointsLine;

typedef struct {
  char          *deputy_uuid;
  char          *name;               /* from the caller's map; the UUID if it has none */
  char          *group;              /* from the caller's map; NULL: in no group */
  GPtrArray     *lines;              /* LiaisonPointsLine *, by date, quarter by quarter */
  LiaisonPoints  total;
  guint          duty_days;          /* distinct days with any attended activity, station duty or reception */
  guint          rank;               /* within the group, ties sharing a rank (1, 2, 2, 4); 0 in no group */
  LiaisonPoints *quarter_totals;     /* n_quarters of them */
  guint         *quarter_duty_days;  /* n_quarters of them */
} LiaisonDeputyPoints;

typedef struct {
  char          *group;
  LiaisonPoints  total;
  LiaisonPoints  average;            /* over all its deputies, those with 0 too; rounded to a tenth */
  GPtrArray     *deputies;           /* LiaisonDeputyPoints *, borrowed, by rank */
} LiaisonGroupPoints;

typedef struct {
  LiaisonQuarter       first;
  guint                n_quarters;
  LiaisonPointsRules **rules;        /* n_quarters copies: the set each quarter was scored with */
  /* Group by group (groups by name), each by rank; those in no group
   * last, by points and name. */
  GPtrArray           *deputies;     /* LiaisonDeputyPoints * */
  GPtrArray           *groups;       /* LiaisonGroupPoints *, by name */
  /*< private >*/
  GPtrArray           *items;
  GHashTable          *by_deputy;
  GHashTable          *by_group;
} LiaisonPointsScore;

/* Scores @n_quarters quarters from @first, each with the rule set in force
 * on its first day, and ranks the deputies by the period's total.
 *
 * @items: LiaisonDutyItem *; the score keeps a reference to the array and
 *   its lines point into it.
 * @rule_sets: LiaisonPointsRules *.
 * @deputy_groups, @deputy_names: deputy UUID → group, and → name; either
 *   may be NULL. Every deputy in them is scored, with 0 if they have no
 *   item, and so is every deputy with an item in the period.
 *
 * Fails (LIAISON_POINTS_RULES_ERROR_INVALID) if no rule set is in force
 * for a quarter, or an item has no deputy or no valid date. */
LiaisonPointsScore        *liaison_points_score         (GPtrArray      *items,
                                                         GPtrArray      *rule_sets,
                                                         LiaisonQuarter  first,
                                                         guint           n_quarters,
                                                         GHashTable     *deputy_groups,
                                                         GHashTable     *deputy_names,
                                                         GError        **error);
LiaisonPointsScore        *liaison_points_score_quarter (GPtrArray      *items,
                                                         GPtrArray      *rule_sets,
                                                         LiaisonQuarter  quarter,
                                                         GHashTable     *deputy_groups,
                                                         GHashTable     *deputy_names,
                                                         GError        **error);
/* The four quarters of @year, each with its own rule set and cap; the
 * year's total is the sum of theirs. */
LiaisonPointsScore        *liaison_points_score_year    (GPtrArray      *items,
                                                         GPtrArray      *rule_sets,
                                                         int             year,
                                                         GHashTable     *deputy_groups,
                                                         GHashTable     *deputy_names,
                                                         GError        **error);
const LiaisonDeputyPoints *liaison_points_score_find    (const LiaisonPointsScore *score,
                                                         const char               *deputy_uuid);
const LiaisonGroupPoints  *liaison_points_score_group   (const LiaisonPointsScore *score,
                                                         const char               *group);
void                       liaison_points_score_free    (LiaisonPointsScore       *score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPointsScore, liaison_points_score_free)

G_END_DECLS
