/* liaison-hq-purge.h: the retention purge at the server (docs/privacy.md,
 * "Retention and purge"): after headquarters' period, the visitors'
 * names, phones and communities leave hq.db, and a "purge" record per
 * reception takes the purge to every desk that holds it. */
#pragma once

#include "liaison-hq-store.h"

G_BEGIN_DECLS

typedef struct {
  guint years;          /* the period applied */
  GDate cutoff;         /* matters ended on or before this day were due */
  guint n_receptions;   /* purged by this run */
  guint n_visitors;     /* their visitors purged (the access log's contacts) */
  guint n_suggestions;  /* suggestions under them whose "raised_by" was purged */
  guint n_submissions;  /* online submissions whose citizen was purged (contacts too) */
} LiaisonHqPurgeReport;

/* Purges, in one transaction, every reception due on @today (local) that
 * still holds a visitor's name, phone or community: its visitors and the
 * "raised_by" of the suggestions under it become the marker in the
 * records, the quarantine and the set-aside reports; a "purge" record
 * goes to the reception's station and headquarters' desks; an access log
 * entry (kind purge) says how many. The online submissions due too
 * (declined, or still pending, on or before the cutoff; accepted, once
 * their reception is due) lose their citizen's name, phone and
 * community in place; each desk applies the same rule to its copy
 * (liaison-store-purge.c), so no record tells it. Then the WAL is checkpointed
 * (TRUNCATE). Running it again purges nothing more. */
/* What @report's run removed, translated (liaison_retention_purge_reason()). */
char    *liaison_hq_purge_describe (const LiaisonHqPurgeReport  *report);
gboolean liaison_hq_purge_run      (LiaisonHqStore        *store,
                                    const GDate           *today,
                                    LiaisonHqPurgeReport  *report,
                                    GError               **error);

/* Runs the purge now, then once a day while the main loop runs
 * (`liaison-hq serve`). A failure is logged, and tried again the next day. */
void     liaison_hq_purge_schedule (LiaisonHqStore        *store);

/* On a push: a reception already purged here, or a suggestion under one,
 * is kept purged whatever the desk sends (a desk that had not yet heard
 * of the purge). *@changed says whether @data was purged. */
gboolean liaison_hq_purge_keep     (LiaisonHqStore        *store,
                                    const char            *kind,
                                    const char            *uuid,
                                    JsonObject            *data,
                                    gboolean              *changed,
                                    GError               **error);

G_END_DECLS
