/* liaison-retention.h: how long a visitor's name, phone and community are
 * kept (docs/privacy.md, "Retention and purge"): headquarters' period, in
 * the loop rules, the day it runs from, and the mark a purged visitor's
 * name keeps, the same at the server and every desk. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a purged visitor's name becomes, stored as is everywhere (a
 * desk shows it translated: liaison_retention_purged_label ()). */
#define LIAISON_PURGED_MARKER "(已按期删除)"

#define LIAISON_RETENTION_DEFAULT_YEARS 3
#define LIAISON_RETENTION_MIN_YEARS     1
#define LIAISON_RETENTION_MAX_YEARS     30

/* The last day whose matters are due on @today with a period of @years:
 * @today less @years years (29 February gives 28 February). A reception
 * is due when it was received on or before that day and every suggestion
 * under it was closed or withdrawn on or before it. */
void        liaison_retention_cutoff        (const GDate *today,
                                             guint        years,
                                             GDate       *cutoff);

/* The marker as this desk shows it, translated. */
const char *liaison_retention_purged_label  (void);

/* @name, as a desk shows it: the marker translated, any other as is. */
const char *liaison_retention_shown_name    (const char  *name);

/* What one purge removed, at the server or a desk. */
typedef struct {
  guint years;          /* the retention period it ran with */
  guint n_receptions;   /* receptions whose visitors went */
  guint n_visitors;     /* visitors whose name, phone and community went */
  guint n_suggestions;  /* suggestions whose "raised by" name went */
  guint n_submissions;  /* online submissions whose citizen's details went */
} LiaisonRetentionPurged;

/* What @purged removed, translated, in a clerk's words: the period, then
 * each kind of detail removed with its count (ngettext), then that the
 * records themselves are kept. The access log's reason for a purge, and
 * what `liaison-hq purge` says. */
char       *liaison_retention_purge_reason  (const LiaisonRetentionPurged *purged);

G_END_DECLS
