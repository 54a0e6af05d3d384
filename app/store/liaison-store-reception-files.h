/* liaison-store-reception-files.h: the files kept with a reception (a
 * photo or scan of the sign-in sheet, a letter).
 *
 * A reception lists its files in reception_files, in order, by the
 * SHA-256 of their bytes; the bytes are the replica's attachments
 * (liaison-store-attachments.h), shared with reply files and synced the
 * same way: a trigger lists each in attachment_refs under the
 * reception's uuid, so a file attached here is sent before the reception
 * and one a pulled reception lists is fetched. Used by the store
 * (liaison_store_save_reception()) and its sync; the UI reads a
 * reception's files from LiaisonReception.files.
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Replaces @reception_id's files with @files (LiaisonReceptionFile *);
 * the bytes a new one holds are kept among the attachments first. The
 * hashes the reception lists no longer are appended to @dropped (char *)
 * when it is not NULL. In the caller's transaction. */
gboolean liaison_store_write_reception_files (LiaisonStore  *self,
                                              gint64         reception_id,
                                              GPtrArray     *files,
                                              GPtrArray     *dropped,
                                              GError       **error);
/* Appends @reception_id's files (without bytes), in order, to @files. */
gboolean liaison_store_read_reception_files  (LiaisonStore  *self,
                                              gint64         reception_id,
                                              GPtrArray     *files,
                                              GError       **error);

G_END_DECLS
