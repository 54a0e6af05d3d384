/* liaison-reply-attachments.h: the move dialog's Attachments section,
 * the files a reply carries. */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_REPLY_ATTACHMENTS (liaison_reply_attachments_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReplyAttachments, liaison_reply_attachments, LIAISON, REPLY_ATTACHMENTS, AdwPreferencesGroup)

/* The store files are copied into as they are attached. */
void     liaison_reply_attachments_set_store  (LiaisonReplyAttachments  *self,
                                               LiaisonStore             *store);
/* Copies @file into the store and lists it, once however often it is
 * attached; says nothing of a refusal, which is the caller's to show. */
gboolean liaison_reply_attachments_attach     (LiaisonReplyAttachments  *self,
                                               GFile                    *file,
                                               GError                  **error);
/* Lists the files on @event, by hash and name; none attached, neither. */
void     liaison_reply_attachments_fill_event (LiaisonReplyAttachments  *self,
                                               LiaisonLoopEvent         *event);

G_END_DECLS
