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
/* The columns every synced record has, as a SELECT list for table alias
 * @t, and reading them back from column @column on. */
#define LIAISON_RECORD_SELECT(t) t ".id, " t ".uuid, " t ".version, " t ".updated_at, " \
  t ".origin_station_uuid, " t ".deleted, " t ".sync_state, " t ".sync_error"
#define LIAISON_RECORD_SELECT_COLUMNS 8
void          liaison_store_read_record_meta (sqlite3_stmt      *stmt,
                                              int                column,
                                              LiaisonRecordMeta *meta);

/* The settings table: NULL when @key is not set; setting NULL removes it. */
char         *liaison_store_get_setting  (LiaisonStore  *self,
                                          const char    *key);
gboolean      liaison_store_set_setting  (LiaisonStore  *self,
                                          const char    *key,
                                          const char    *value,
                                          GError       **error);

/* Replaces a reception's visitors with @visitors (LiaisonVisitor *) and
 * forgets its deputies, for the caller to add again. */
gboolean      liaison_store_replace_visitors (LiaisonStore  *self,
                                              gint64         reception_id,
                                              GPtrArray     *visitors,
                                              GError       **error);

/* Makes one record from the current row of a statement. */
typedef gpointer (*LiaisonRowReader) (sqlite3_stmt *stmt);

/* Steps @stmt (bound, not yet stepped) to the end, reading every row with
 * @read into a new array that frees them with @free_func; resets @stmt.
 * NULL, with @error saying @failed and why, if the query fails. */
GPtrArray    *liaison_store_collect_rows (LiaisonStore     *self,
                                          sqlite3_stmt     *stmt,
                                          LiaisonRowReader  read,
                                          GDestroyNotify    free_func,
                                          const char       *failed,
                                          GError          **error);
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
