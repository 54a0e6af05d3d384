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
/* The visitors' names and communities as kept in receptions.visitors_text
 * (for search and the list), so that writers outside liaison-store.c agree. */
char         *liaison_store_visitors_text (const LiaisonReception *reception);

G_END_DECLS
