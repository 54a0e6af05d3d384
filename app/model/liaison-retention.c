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
liaison_retention_purge_reason (const LiaisonRetentionPurged *purged)
{
  g_autofree char *period = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (purged != NULL, NULL);

  period = g_strdup_printf (ngettext ("%u year", "%u years", purged->years), purged->years);
  if (purged->n_visitors > 0)
    {
      g_autofree char *receptions = g_strdup_printf (ngettext ("%u reception", "%u receptions",
                                                               purged->n_receptions),
                                                     purged->n_receptions);

      /* Translators: one item of what a purge removed; %s is "2 receptions" */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("the name, phone and community of %u visitor (%s)",
                                                         "the names, phones and communities of %u visitors (%s)",
                                                         purged->n_visitors),
                                               purged->n_visitors, receptions));
    }
  if (purged->n_suggestions > 0)
    /* Translators: one item of what a purge removed: who raised a suggestion */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("the name of who raised %u suggestion",
                                                       "the names of who raised %u suggestions",
                                                       purged->n_suggestions),
                                             purged->n_suggestions));
  if (purged->n_submissions > 0)
    /* Translators: one item of what a purge removed */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("the citizen’s name, phone and community in %u online submission",
                                                       "the citizens’ names, phones and communities in %u online submissions",
                                                       purged->n_submissions),
                                             purged->n_submissions));
  if (parts->len == 0)
    /* Translators: %s is "3 years" */
    return g_strdup_printf (_("Retention period of %s: nothing was due for removal."), period);
  g_ptr_array_add (parts, NULL);
  /* Translators: between the items of what a purge removed */
  list = g_strjoinv (_("; "), (char **) parts->pdata);
  /* Translators: the first %s is "3 years", the second the list of what
   * was removed */
  return g_strdup_printf (_("Retention period of %s ended. Removed: %s. The receptions, suggestions and "
                            "submissions themselves are kept."),
                          period, list);
}
