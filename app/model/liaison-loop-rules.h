/* liaison-loop-rules.h: headquarters' rules for the closed loop: the
 * holiday and make-up workday list and the default time limit per kind
 * (docs/closed-loop.md). Sync delivers them to every replica as the one
 * "loop_rules" record; both stores and the wire codec use this type. */
#pragma once

#include "liaison-calendar.h"
#include "liaison-loop.h"

G_BEGIN_DECLS

/* The loop_rules record's fixed uuid: there is one per server. */
#define LIAISON_LOOP_RULES_UUID "6c6f6f70-7275-4c65-8000-000000000001"

typedef struct {
  LiaisonCalendar  *calendar;                     /* never NULL */
  LiaisonTimeLimit  limits[LIAISON_N_LOOP_KINDS]; /* by kind */
  guint             retention_years;              /* visitors' data kept, liaison-retention.h */
} LiaisonLoopRules;

LiaisonLoopRules *liaison_loop_rules_new  (void);  /* the defaults: no holidays, 15 working days, 3 months, kept 3 years */
LiaisonLoopRules *liaison_loop_rules_copy (const LiaisonLoopRules *rules);
void              liaison_loop_rules_free (LiaisonLoopRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonLoopRules, liaison_loop_rules_free)

G_END_DECLS
