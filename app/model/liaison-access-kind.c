/* liaison-access-kind.c: the access log's kinds of entry
 * (liaison-access-kind.h). */
#define G_LOG_DOMAIN "liaison-access-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-access-kind.h"

static const char *const kind_codes[LIAISON_N_ACCESS_KINDS] = {
  [LIAISON_ACCESS_EXPORT_CONTACTS] = "export_contacts",
  [LIAISON_ACCESS_PRINT_CONTACTS]  = "print_contacts",
  [LIAISON_ACCESS_HQ_CONTACT_LOOK] = "hq_contact_look",
  [LIAISON_ACCESS_PURGE]           = "purge",
};

static const char *const kind_labels[LIAISON_N_ACCESS_KINDS] = {
  [LIAISON_ACCESS_EXPORT_CONTACTS] = N_("Export with contacts"),
  [LIAISON_ACCESS_PRINT_CONTACTS]  = N_("Print with contacts"),
  [LIAISON_ACCESS_HQ_CONTACT_LOOK] = N_("Contact looked up at headquarters"),
  [LIAISON_ACCESS_PURGE]           = N_("Retention purge"),
};

const char *
liaison_access_kind_to_code (LiaisonAccessKind kind)
{
  g_return_val_if_fail (kind < LIAISON_N_ACCESS_KINDS, NULL);
  return kind_codes[kind];
}

gboolean
liaison_access_kind_from_code (const char        *code,
                               LiaisonAccessKind *kind)
{
  for (guint i = 0; code != NULL && i < LIAISON_N_ACCESS_KINDS; i++)
    if (g_str_equal (code, kind_codes[i]))
      {
        if (kind != NULL)
          *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
liaison_access_kind_label (LiaisonAccessKind kind)
{
  g_return_val_if_fail (kind < LIAISON_N_ACCESS_KINDS, NULL);
  return _(kind_labels[kind]);
}

char *
liaison_access_day_start_utc (const GDate *date,
                              int          days_after)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  local = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  later = g_date_time_add_days (local, days_after);
  utc = g_date_time_to_utc (later);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
