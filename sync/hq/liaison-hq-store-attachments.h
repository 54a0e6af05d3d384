/* liaison-hq-store-attachments.h: who may read which attachment, and how
 * much each station has uploaded today (DATA_DIR/hq.db).
 *
 * The files themselves live in DATA_DIR/attachments/ (the server's
 * liaison-hq-attachments.c); this records who uploaded each one and a
 * station's uploads per day, for its quota. */
#pragma once

#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* Whose uploads a token's are: its station's uuid, or "hq" for every
 * headquarters token. A station's quota and files are shared by its
 * desks. */
const char *liaison_hq_attachment_uploader (const LiaisonHqToken *token);

/* Whether @token may GET the file @sha256: headquarters any; a station a
 * file it uploaded itself, or one that headquarters' reply move to one of
 * its own suggestions lists in data.attachments. FALSE without @error
 * when it may not, FALSE with @error when the database failed. */
gboolean liaison_hq_store_attachment_readable (LiaisonHqStore        *self,
                                               const LiaisonHqToken  *token,
                                               const char            *sha256,
                                               GError               **error);

/* What @uploader sent on @day ("YYYY-MM-DD", the server's local date):
 * files completed and bytes received, zero when nothing. */
gboolean liaison_hq_store_attachment_usage    (LiaisonHqStore        *self,
                                               const char            *uploader,
                                               const char            *day,
                                               guint64               *files,
                                               guint64               *bytes,
                                               GError               **error);
/* Counts @bytes received from @uploader on @day. */
gboolean liaison_hq_store_attachment_received (LiaisonHqStore        *self,
                                               const char            *uploader,
                                               const char            *day,
                                               guint64                bytes,
                                               GError               **error);
/* Records that @token uploaded the whole file @sha256 (its bytes matched
 * the hash) and counts a file and its last part's @bytes on @day, in one
 * transaction. */
gboolean liaison_hq_store_attachment_uploaded (LiaisonHqStore        *self,
                                               const LiaisonHqToken  *token,
                                               const char            *sha256,
                                               const char            *day,
                                               guint64                bytes,
                                               GError               **error);

G_END_DECLS
