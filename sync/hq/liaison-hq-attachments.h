/* liaison-hq-attachments.h: /v1/attachments/<sha256> of liaison-hq: GET,
 * HEAD and resumable PUT, scoped per station, with per-station quotas. */
#pragma once

#include <libsoup/soup.h>

#include "liaison-hq-store.h"

G_BEGIN_DECLS

/* What a station may upload in a day (the server's local day); 0 is no
 * limit. Headquarters tokens have none. */
typedef struct {
  guint64 files_per_day;
  guint64 bytes_per_day;
} LiaisonHqQuota;

#define LIAISON_HQ_DEFAULT_FILES_PER_DAY 200
#define LIAISON_HQ_DEFAULT_MIB_PER_DAY   200

typedef struct _LiaisonHqAttachments LiaisonHqAttachments;

/* Files in DATA_DIR/attachments of @store (referenced). */
LiaisonHqAttachments *liaison_hq_attachments_new       (LiaisonHqStore        *store);
void                  liaison_hq_attachments_free      (LiaisonHqAttachments  *self);
void                  liaison_hq_attachments_set_quota (LiaisonHqAttachments  *self,
                                                        const LiaisonHqQuota  *quota);
/* Answers a GET, HEAD or PUT of /v1/attachments/@sha256 from @token. */
void                  liaison_hq_attachments_handle    (LiaisonHqAttachments  *self,
                                                        SoupServerMessage     *msg,
                                                        const char            *sha256,
                                                        const LiaisonHqToken  *token);

/* The quota from `serve`'s options (-1 where not given), else from
 * $LIAISON_HQ_ATTACHMENT_FILES_PER_DAY and $LIAISON_HQ_ATTACHMENT_MIB_PER_DAY,
 * else the defaults. FALSE with @error for a value that is not a number
 * of 0 or more. */
gboolean liaison_hq_quota_from_options (gint64           files_option,
                                        gint64           mib_option,
                                        LiaisonHqQuota  *quota,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqAttachments, liaison_hq_attachments_free)

G_END_DECLS
