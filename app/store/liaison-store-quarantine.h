/* liaison-store-quarantine.h: records of a pulled page that this replica
 * could not use, set aside instead of sinking their page.
 *
 * A change that fails the wire schema (or is not even valid UTF-8) is kept
 * as the text it came in, with the reason and the time, in the
 * pull_quarantine table; the rest of its page is applied with the
 * checkpoint, in one transaction. Nothing here is ever deleted: a later
 * good version of the same record is applied as usual and marks the set
 * aside one replaced. Each set-aside record is reported to headquarters
 * once, in the next push (docs/sync-protocol.md, "set_aside").
 */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *kind;         /* as sent, or "" when it could not be read */
  char   *uuid;         /* as sent, or "" */
  gint64  version;      /* 0 when it could not be read */
  gint64  seq;          /* its place in the feed, 0 when unknown */
  char   *reason;       /* why it was set aside, translated */
  char   *text;         /* the change as received: invalid UTF-8 bytes as \xNN */
  char   *set_aside_at; /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  char   *replaced_at;  /* when a good version arrived, or NULL */
  char   *reported_at;  /* when headquarters was told, or NULL */
} LiaisonQuarantined;

void                liaison_quarantined_free      (LiaisonQuarantined *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonQuarantined, liaison_quarantined_free)

/* A change @node that cannot be used, for @reason: its text is @node as
 * JSON; kind, uuid, version and seq are read from it where they are there. */
LiaisonQuarantined *liaison_quarantined_new_node  (JsonNode   *node,
                                                   const char *reason);
/* A change that came as @length bytes of @text that are not valid UTF-8:
 * kept with each invalid byte written \xNN. */
LiaisonQuarantined *liaison_quarantined_new_bytes (const char *text,
                                                   gsize       length,
                                                   const char *reason);

/* The set-aside records not since replaced, newest first. */
GPtrArray *liaison_store_list_quarantined  (LiaisonStore  *store,
                                            GError       **error);
guint      liaison_store_count_quarantined (LiaisonStore  *store);

/* The report for the next push: an array of at most @limit objects (kind,
 * uuid, version, seq, reason, set_aside_at, text, its first
 * LIAISON_QUARANTINE_REPORT_TEXT_MAX bytes) for the records not yet
 * reported, oldest first; NULL when there are none. *@last_id gets the
 * last one's id, for liaison_store_mark_quarantine_reported(). */
#define LIAISON_QUARANTINE_REPORT_TEXT_MAX (64 * 1024)
JsonArray *liaison_store_quarantine_report        (LiaisonStore  *store,
                                                   guint          limit,
                                                   gint64        *last_id,
                                                   GError       **error);
gboolean   liaison_store_mark_quarantine_reported (LiaisonStore  *store,
                                                   gint64         last_id,
                                                   GError       **error);

/* For the store itself: schema migration 8, and writing inside the
 * transaction of a pulled page. */
extern const char liaison_store_quarantine_migration[];
gboolean   liaison_store_quarantine_add           (LiaisonStore       *store,
                                                   LiaisonQuarantined *entry,
                                                   GError            **error);
/* A good version @version of @kind @uuid was applied: the set-aside ones
 * it supersedes are marked replaced. */
gboolean   liaison_store_quarantine_replaced      (LiaisonStore  *store,
                                                   const char    *kind,
                                                   const char    *uuid,
                                                   gint64         version,
                                                   GError       **error);

G_END_DECLS
