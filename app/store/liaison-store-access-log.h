/* liaison-store-access-log.h (app/store/): the access log (访问日志) of
 * issue 13, section 2: every look at a visitor's contact beyond the masked
 * view is written here, insert-only, and synced to headquarters
 * (docs/privacy.md, "The access log"; docs/sync-protocol.md, access_log).
 *
 * Schema 15's triggers refuse any UPDATE of an entry's data and any
 * DELETE: only its sync bookkeeping moves. Any desk writes its own
 * entries; headquarters' desk pulls every station's.
 */
#pragma once

#include <glib.h>

#include "liaison-access-kind.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* The longest reason kept, in characters. */
#define LIAISON_ACCESS_MAX_REASON_CHARS 500

/* LiaisonAccessKind, liaison_access_kind_to_code (), _from_code () and
 * _label () are in liaison-access-kind.h (app/model), which liaison-hq's
 * `audit` shares. */

typedef struct {
  char              *uuid;          /* NULL on insert: made by the store */
  LiaisonAccessKind  kind;
  char              *at;            /* UTC ISO 8601; NULL on insert: now */
  char              *role;          /* the desk's role code (station / deputy / hq ...); NULL on insert: the desk's */
  char              *actor_name;    /* the name at the desk; NULL on insert: the current actor's */
  char              *desk_uuid;     /* which desk (the local station's uuid / desk id); NULL on insert: this one */
  char              *what;          /* the period ("2025-03-01..2025-03-31") or the records (reception uuids, comma-separated) */
  guint              n_contacts;    /* how many contacts were shown */
  char              *reason;        /* typed by the user; never empty */
} LiaisonAccessEntry;

void liaison_access_entry_free (LiaisonAccessEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonAccessEntry, liaison_access_entry_free)

/* Inserts @entry (pending push). A kind out of range, a reason longer
 * than LIAISON_ACCESS_MAX_REASON_CHARS or a blank reason is refused with
 * LIAISON_STORE_ERROR_INVALID and a translated message; nothing written.
 * Emits changed::access_log. */
gboolean   liaison_store_log_access    (LiaisonStore              *self,
                                        const LiaisonAccessEntry  *entry,
                                        GError                   **error);
/* Newest first; @from/@to local dates or NULL; @kind -1 for all.
 * Returns: (transfer full) (element-type LiaisonAccessEntry) */
GPtrArray *liaison_store_list_access_log (LiaisonStore  *self,
                                          const GDate   *from,
                                          const GDate   *to,
                                          int            kind,
                                          GError       **error);

/* Which desk this is, as its entries name it: its station's uuid, or at a
 * desk without one (headquarters) a uuid of its own, made the first time
 * and kept in the file. NULL with @error when it could not be kept. */
char *liaison_store_dup_access_desk (LiaisonStore  *self,
                                     GError       **error);

/* The entry @uuid here, or NULL with LIAISON_STORE_ERROR_NOT_FOUND. */
LiaisonAccessEntry *liaison_store_get_access_entry (LiaisonStore  *self,
                                                    const char    *uuid,
                                                    GError       **error);

G_END_DECLS
