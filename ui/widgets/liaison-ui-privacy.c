/* liaison-ui-privacy.c: see liaison-ui-privacy.h. */
#define G_LOG_DOMAIN "liaison-ui-privacy"

#include "config.h"

#include "liaison-retention.h"
#include "liaison-store-loop.h"
#include "liaison-ui-privacy.h"

guint
liaison_ui_retention_years (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;

  if (store == NULL)
    return LIAISON_RETENTION_DEFAULT_YEARS;
  rules = liaison_store_get_loop_rules (store, &error);
  if (rules == NULL)
    {
      g_debug ("Loop rules: %s", error->message);
      return LIAISON_RETENTION_DEFAULT_YEARS;
    }
  return rules->retention_years;
}
