/* liaison-store-private.h: for core modules that extend the store. */
#pragma once

#include <sqlite3.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and with its bindings cleared.
 * Owned by the store: do not finalize. */
sqlite3_stmt *liaison_store_prepare      (LiaisonStore  *self,
                                          const char    *sql,
                                          GError       **error);
/* Sets @error from the connection's last error, prefixed with @what. */
void          liaison_store_set_error    (LiaisonStore  *self,
                                          GError       **error,
                                          const char    *what);
sqlite3      *liaison_store_get_handle   (LiaisonStore  *self);
void          liaison_store_emit_changed (LiaisonStore  *self,
                                          const char    *table);
/* "YYYY-MM-DDTHH:MM:SSZ", now. */
char         *liaison_store_now_utc      (void);

G_END_DECLS
