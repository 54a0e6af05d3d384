/* liaison-store-attachments.h: the files a reply carries (a unit's reply
 * letter, a photo of the work done).
 *
 * A file is addressed by the SHA-256 of its bytes, the way the reply move
 * lists it (LiaisonLoopEvent.attachments) and the server stores it. The
 * bytes live in a folder beside the database, "<database>-attachments/",
 * one file per hash; the attachments table says which are here and which
 * the server is known to have. Which files a replica needs is read off
 * its reply moves and receptions (the attachment_refs table, kept by
 * triggers on suggestion_events and reception_files), so a file listed by a pulled reply is fetched by the
 * next sync and one attached here is sent before its move.
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* The most one attachment may hold, here and at the server. */
#define LIAISON_ATTACHMENT_MAX_BYTES (10 * 1024 * 1024)

/* Copies the file at @path into this replica's attachments and returns its
 * SHA-256 (lowercase hex), for the reply move to list. The same bytes
 * added twice are kept once. An empty file, one over
 * LIAISON_ATTACHMENT_MAX_BYTES or one that cannot be read is refused with
 * a message saying so (LIAISON_STORE_ERROR_INVALID); nothing is written. */
char      *liaison_store_add_attachment            (LiaisonStore  *self,
                                                    const char    *path,
                                                    GError       **error);
/* Where the file with @sha256 is on this computer; NULL while it is not
 * here yet (a reply pulled before its file). */
char      *liaison_store_get_attachment_path       (LiaisonStore  *self,
                                                    const char    *sha256);
/* The size of the file with @sha256, or -1 while it is not here. */
gint64     liaison_store_get_attachment_size       (LiaisonStore  *self,
                                                    const char    *sha256);

/* For the store: deletes, from the table and the disk, the files of
 * @hashes (char *) that nothing lists any more (no move, no reception):
 * a reception's file taken off, or one written by a save that was rolled
 * back. What cannot be deleted is only logged. */
void       liaison_store_forget_unlisted_attachments (LiaisonStore *self,
                                                      GPtrArray    *hashes);

/* For the sync engine. */

/* The hashes of files here that a move lists and the server is not known
 * to have, to send before the moves.
 * Returns: (transfer full) (element-type utf8) */
GPtrArray *liaison_store_list_attachments_to_send  (LiaisonStore  *self,
                                                    GError       **error);
/* Records that the server has the file with @sha256 whole. */
gboolean   liaison_store_mark_attachment_sent      (LiaisonStore  *self,
                                                    const char    *sha256,
                                                    GError       **error);
/* The hashes a move lists whose files are not here.
 * Returns: (transfer full) (element-type utf8) */
GPtrArray *liaison_store_list_missing_attachments  (LiaisonStore  *self,
                                                    GError       **error);
/* Keeps @bytes, fetched from the server, as the file with @sha256. Bytes
 * whose hash is not @sha256, or too many of them, are refused
 * (LIAISON_STORE_ERROR_INVALID) and nothing is written. */
gboolean   liaison_store_save_received_attachment  (LiaisonStore  *self,
                                                    const char    *sha256,
                                                    GBytes        *bytes,
                                                    GError       **error);

G_END_DECLS
