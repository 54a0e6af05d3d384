/* liaison-loop-rules.c: headquarters' rules for the closed loop
 * (liaison-loop-rules.h). */
#define G_LOG_DOMAIN "liaison-loop-rules"

#include "config.h"

#include "liaison-loop-rules.h"
#include "liaison-retention.h"

LiaisonLoopRules *
liaison_loop_rules_new (void)
{
  LiaisonLoopRules *rules = g_new0 (LiaisonLoopRules, 1);

  rules->calendar = liaison_calendar_new ();
  for (guint k = 0; k < LIAISON_N_LOOP_KINDS; k++)
    rules->limits[k] = liaison_loop_kind_default_limit ((LiaisonLoopKind) k);
  rules->retention_years = LIAISON_RETENTION_DEFAULT_YEARS;
  return rules;
}

LiaisonLoopRules *
liaison_loop_rules_copy (const LiaisonLoopRules *rules)
{
  LiaisonLoopRules *copy;

  g_return_val_if_fail (rules != NULL, NULL);

  copy = g_new0 (LiaisonLoopRules, 1);
  *copy = *rules;
  copy->calendar = rules->calendar != NULL ? liaison_calendar_copy (rules->calendar)
                                           : liaison_calendar_new ();
  return copy;
}

void
liaison_loop_rules_free (LiaisonLoopRules *rules)
{
  if (rules == NULL)
    return;
  g_clear_pointer (&rules->calendar, liaison_calendar_free);
  g_free (rules);
}
