/* liaison-points-rules.h: the points rules (积分规则) as data, versioned
 * (docs/duty-record.md, "Points rules").
 *
 * A rule set is an effective date, the points each rule gives and the
 * number of receptions a quarter that score. A quarter is scored with the
 * set in force on its first day. The default set ships as data,
 * resources/points-default.json, in the form headquarters edits and
 * syncs: liaison_points_rules_from_json() reads it, to_json() writes the
 * same text back.
 */
#pragma once

#include <glib.h>

#include "liaison-quarter.h"

G_BEGIN_DECLS

#define LIAISON_POINTS_RULES_ERROR (liaison_points_rules_error_quark ())
GQuark liaison_points_rules_error_quark (void);

typedef enum {
  LIAISON_POINTS_RULES_ERROR_INVALID,
} LiaisonPointsRulesError;

/* Points in tenths of a point, so that 118.5 is 1185 and sums are exact. */
typedef gint64 LiaisonPoints;
#define LIAISON_POINTS_ONE 10
/* The most a rule may give or take, in points. */
#define LIAISON_POINTS_RULE_LIMIT 1000
#define LIAISON_POINTS_CAP_LIMIT  10000

/* The rules, in the order of the table; each has a stable key
 * ("congress_session_attended") as written in the JSON. */
typedef enum {
  LIAISON_POINTS_RULE_CONGRESS_SESSION_ATTENDED,
  LIAISON_POINTS_RULE_CONGRESS_SESSION_ABSENT,    /* absent without leave */
  LIAISON_POINTS_RULE_CONGRESS_SESSION_LEAVE,
  LIAISON_POINTS_RULE_STANDING_COMMITTEE,
  LIAISON_POINTS_RULE_RESEARCH,
  LIAISON_POINTS_RULE_INSPECTION,
  LIAISON_POINTS_RULE_LAW_ENFORCEMENT_INSPECTION,
  LIAISON_POINTS_RULE_THEME_ACTIVITY,
  LIAISON_POINTS_RULE_GROUP_ACTIVITY,
  LIAISON_POINTS_RULE_TRAINING,
  LIAISON_POINTS_RULE_STATION_DUTY_DAY,
  LIAISON_POINTS_RULE_RECEPTION_HOSTED,
  LIAISON_POINTS_RULE_TAKE_UP,
  LIAISON_POINTS_RULE_CLOSED_SATISFIED,           /* more, for one taken up */
  LIAISON_POINTS_RULE_MOTION_FIRST_SIGNER,
  LIAISON_POINTS_RULE_SUGGESTION_FIRST_SIGNER,
  LIAISON_POINTS_RULE_CO_SIGNER,
  LIAISON_POINTS_RULE_OTHER,
  LIAISON_N_POINTS_RULES,
  /* A line that no rule scores: an activity missed, on leave or absent. */
  LIAISON_POINTS_RULE_NONE = LIAISON_N_POINTS_RULES,
} LiaisonPointsRule;

const char *liaison_points_rule_to_key   (LiaisonPointsRule  rule);
gboolean    liaison_points_rule_from_key (const char        *key,
                                          LiaisonPointsRule *rule);
/* "Reception hosted", translated; "Not scored" for LIAISON_POINTS_RULE_NONE. */
const char *liaison_points_rule_label    (LiaisonPointsRule  rule);
/* "接待群众", whatever the language: the words of the reports. */
const char *liaison_points_rule_chinese  (LiaisonPointsRule  rule);

typedef struct {
  char          *effective_from;                   /* "YYYY-MM-DD" */
  LiaisonPoints  points[LIAISON_N_POINTS_RULES];   /* tenths */
  guint          reception_cap;                    /* receptions that score, a quarter */
} LiaisonPointsRules;

/* "118.5", "2", "-2", "0": no float noise, no trailing ".0". */
char               *liaison_points_format          (LiaisonPoints points);
/* "+2", "-2", "0", for a record's lines. */
char               *liaison_points_format_signed   (LiaisonPoints points);

/* The set compiled in from resources/points-default.json, in force from
 * 2000-01-01. */
LiaisonPointsRules *liaison_points_rules_new_default (void);
/* Parses and checks a rule set. Unknown, missing and ill-typed keys, and
 * a bad date, fail with a translated message that names the key. */
LiaisonPointsRules *liaison_points_rules_from_json (const char               *json,
                                                    gssize                    length,
                                                    GError                  **error);
/* The JSON from_json() reads, keys in the order of the table, two-space
 * indents, a final newline: the shipped file is written this way, so it
 * comes back byte for byte. */
char               *liaison_points_rules_to_json   (const LiaisonPointsRules *rules);
LiaisonPointsRules *liaison_points_rules_copy      (const LiaisonPointsRules *rules);
gboolean            liaison_points_rules_equal     (const LiaisonPointsRules *a,
                                                    const LiaisonPointsRules *b);
void                liaison_points_rules_free      (LiaisonPointsRules       *rules);

/* From @rule_sets (LiaisonPointsRules *), the one in force on @quarter's
 * first day: the latest effective date on or before it; of two with that
 * date, the later in the array. NULL if none is in force yet. */
const LiaisonPointsRules *liaison_points_rules_for_quarter (GPtrArray      *rule_sets,
                                                            LiaisonQuarter  quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPointsRules, liaison_points_rules_free)

G_END_DECLS
