/* liaison-token-store.h: where a station keeps its key to headquarters.
 *
 * The token goes in the keyring (libsecret) when a Secret Service is
 * running, otherwise in a file only the user may read (0600) under
 * $XDG_CONFIG_HOME/liaison/. One token per server and database, so that
 * two databases on one desktop keep two keys.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Saves @token, replacing any previous one for this server and database. */
gboolean liaison_token_store_save     (const char  *server_id,
                                       const char  *database_path,
                                       const char  *token,
                                       GError     **error);
/* The token, or NULL with G_IO_ERROR_NOT_FOUND when none is kept. */
char    *liaison_token_store_load     (const char  *server_id,
                                       const char  *database_path,
                                       GError     **error);
/* Forgets the token; TRUE when none is left (also when none was kept). */
gboolean liaison_token_store_delete   (const char  *server_id,
                                       const char  *database_path,
                                       GError     **error);
/* A translated sentence for the user saying where the key is kept:
 * "The station key is kept in the keyring." or "The station key is kept in
 * the file ~/.config/liaison/…; no keyring is running." (or "…, because the
 * keyring is locked."). */
char    *liaison_token_store_describe (const char  *server_id,
                                       const char  *database_path);
/* The file used when no keyring runs, or when it is locked. */
char    *liaison_token_store_file_path (const char *server_id,
                                        const char *database_path);

G_END_DECLS
