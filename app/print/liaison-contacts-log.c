/* liaison-contacts-log.c: liaison-contacts-log.h over the store's access
 * log (liaison-store-access-log.h). */
#define G_LOG_DOMAIN "liaison-contacts-log"

#include "config.h"

#include "liaison-contacts-log.h"
#include "liaison-privacy.h"
#include "liaison-store-access-log.h"

gboolean
liaison_contacts_log (LiaisonStore  *store,
                      gboolean       print,
                      const char    *what,
                      guint          n_contacts,
                      const char    *reason,
                      GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  if (!liaison_privacy_check_reason (reason, error))
    return FALSE;
  {
    LiaisonAccessEntry entry = {
      .kind = print ? LIAISON_ACCESS_PRINT_CONTACTS : LIAISON_ACCESS_EXPORT_CONTACTS,
      .what = (char *) what,
      .n_contacts = n_contacts,
      .reason = (char *) reason,
    };

    return liaison_store_log_access (store, &entry, error);
  }
}
