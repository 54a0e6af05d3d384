/* liaison-store-desk.h: who sits at this database's desk.
 *
 * Kept in the store's own settings table, which never syncs and travels
 * with the file, so each database remembers its own person at the desk:
 * opening another database (a headquarters desk, a second station) never
 * carries a station's deputy over. Writes emit ::changed with detail
 * "settings".
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* The desk's value for @key ("role", "name", "deputy"); NULL if unset. */
char     *liaison_store_get_desk_setting  (LiaisonStore  *self,
                                           const char    *key);
/* Sets the role, name and deputy uuid in one transaction; NULL clears. */
gboolean  liaison_store_set_desk_actor    (LiaisonStore  *self,
                                           const char    *role,
                                           const char    *name,
                                           const char    *deputy_uuid,
                                           GError       **error);

G_END_DECLS
