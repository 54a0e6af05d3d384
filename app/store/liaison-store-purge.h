/* liaison-store-purge.h (app/store/): the retention purge at a desk
 * (docs/privacy.md, "Retention and purge"; issue 13, section 4).
 *
 * After headquarters' retention period (the synced loop rules'
 * retention_years), a reception's visitors keep their party size, and
 * their names become LIAISON_PURGED_MARKER, their phones and communities
 * nothing, their consent to be contacted no; so does the "raised by" of the suggestions under
 * it. The date, category, channel, visitors_total, the loop's events and
 * every figure stay. The server's "purge" records (wire kind purge) name
 * the receptions it purged; they are kept in the purges table. */
#pragma once

#include <glib.h>

#include "liaison-retention.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* Purges, in one transaction, every reception this desk holds that a
 * purge record names, or whose matters ended on or before @today less
 * the retention period (every suggestion under it closed or withdrawn by
 * then; its day if it has none), and that still holds a visitor's name,
 * phone or community, or a suggestion's "raised by"; then, in the same
 * transaction, every online submission due by the server's rule
 * (declined, or still pending, on or before the cutoff; accepted, once
 * its reception is due) loses its citizen's name (the marker), phone,
 * community and consent. The search indexes
 * are merged so that no old entry stays, one access log entry (kind
 * purge) says what and how many, and the WAL is checkpointed (TRUNCATE)
 * after the commit. *@purged gets what was purged, as the entry's reason
 * says it (liaison_retention_purge_reason()); its counts are 0 with
 * nothing due, and nothing is written. Emits changed::receptions,
 * ::suggestions, ::online and ::access_log when it purged any. */
gboolean liaison_store_purge_expired (LiaisonStore            *self,
                                      const GDate             *today,
                                      LiaisonRetentionPurged  *purged,
                                      GError                 **error);

G_END_DECLS
