/* liaison-retention.c: the retention period's day and the purged mark
 * (liaison-retention.h). */
#define G_LOG_DOMAIN "liaison-retention"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-retention.h"

void
liaison_retention_cutoff (const GDate *today,
                          guint        years,
                          GDate       *cutoff)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cutoff != NULL);

  *cutoff = *today;
  /* GLib keeps 29 February as 28 February in a year without one. */
  g_date_subtract_years (cutoff, years);
}

const char *
liaison_retention_purged_label (void)
{
  /* Translators: what a visitor's name shows once the retention period
   * purged it; the zh_CN text is the marker the files keep. */
  return _("(deleted as scheduled)");
}

const char *
liaison_retention_shown_name (const char *name)
{
  if (g_strcmp0 (name, LIAISON_PURGED_MARKER) == 0)
    return liaison_retention_purged_label ();
  return name;
}

char *
liaison_retention_purge_reason (guint years,
                                guint n_receptions,
                                guint n_submissions)
{
  g_autofree char *period = g_strdup_printf (ngettext ("%u year", "%u years", years), years);
  g_autofree char *reason = NULL;

  /* Translators: the first %s is "3 years" */
  reason = g_strdup_printf (ngettext ("Retention period of %s ended: the visitors of %u reception were purged",
                                      "Retention period of %s ended: the visitors of %u receptions were purged",
                                      n_receptions),
                            period, n_receptions);
  if (n_submissions == 0)
    return g_steal_pointer (&reason);
  /* Translators: follows the sentence above, in the same entry */
  return g_strdup_printf (ngettext ("%s; the citizen’s details of %u online submission too",
                                    "%s; the citizens’ details of %u online submissions too",
                                    n_submissions),
                          reason, n_submissions);
}
