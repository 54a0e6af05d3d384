/* liaison-duty-record.h: a deputy's duty record (我的履职) for a period,
 * assembled from the store once, for the record page (ui/duty/) and the
 * duty archive PDF (liaison-duty-archive.h) alike
 * (docs/duty-record.md, "The deputy's record").
 *
 * Everything on it comes from the store's gathered duty items, scored by
 * the points engine with the rule sets in force, and from the records
 * they point at; nothing is counted twice and nothing is typed here.
 */
#pragma once

#include <glib.h>

#include "liaison-activity.h"
#include "liaison-loop.h"
#include "liaison-points.h"
#include "liaison-quarter.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* A suggestion the deputy took up, and what became of it. */
typedef struct {
  char              *suggestion_uuid;
  char              *title;
  char              *taken_up_on;   /* "YYYY-MM-DD", local day of the take-up */
  LiaisonLoopStatus  status;        /* where it stands now */
  char              *outcome;       /* translated, e.g. "Closed, citizen satisfied"; never NULL */
} LiaisonDutyRecordTakeUp;

/* A motion (议案) or deputy suggestion (建议) the deputy filed or co-signed. */
typedef struct {
  char              *suggestion_uuid;
  char              *title;
  char              *filed_on;      /* "YYYY-MM-DD" */
  gboolean           motion;        /* 议案, not 建议 */
  gboolean           first_signer;  /* FALSE: co-signer */
  LiaisonLoopStatus  status;
  char              *outcome;       /* translated; never NULL */
  char              *rating;        /* the deputy's blind rating, translated; NULL if none yet */
} LiaisonDutyRecordFiling;

typedef struct {
  LiaisonDeputy       *deputy;            /* a copy, station_name filled */
  char                *group;             /* NULL: in no group */
  char                *from;              /* "YYYY-MM-DD", both included */
  char                *to;
  /* The quarters the period touches, each scored with its own rule set.
   * @score holds the deputy's whole group (or the deputy alone, in no
   * group), so that @points->rank is the group ranking. */
  LiaisonPointsScore  *score;
  const LiaisonDeputyPoints *points;      /* this deputy, borrowed from @score */
  guint                group_size;        /* deputies ranked in the group; 0 in no group */
  guint                duty_days;
  guint                receptions_hosted;
  guint                visitors_received; /* the party sizes of those receptions' visitors */
  GPtrArray           *take_ups;          /* LiaisonDutyRecordTakeUp *, by date */
  GPtrArray           *filings;           /* LiaisonDutyRecordFiling *, by date */
  GPtrArray           *activities;        /* LiaisonActivity *, by date, with attendees */
  /* [kind][attendance]: the deputy's own attendance at each kind. */
  guint                activity_counts[LIAISON_N_ACTIVITY_KINDS][LIAISON_N_ATTENDANCES];
  /* Planned duty days (LiaisonDutyShift *) in the period on which the
   * deputy logged nothing at that station: shown as planned, not done. */
  GPtrArray           *planned_not_done;
  char                *generated_at;      /* local "YYYY-MM-DD HH:MM" */
  char                *synced_at;         /* local "YYYY-MM-DD HH:MM" of the last sync; NULL if never */
} LiaisonDutyRecord;

/* The record of @deputy_uuid from @from to @to ("YYYY-MM-DD", both
 * included). Fails with LIAISON_STORE_ERROR_NOT_FOUND for a deputy not on
 * the roster, LIAISON_STORE_ERROR_INVALID for a bad or reversed period. */
LiaisonDutyRecord *liaison_duty_record_build   (LiaisonStore     *store,
                                                const char       *deputy_uuid,
                                                const char       *from,
                                                const char       *to,
                                                GError          **error);
/* Convenience: a quarter, and a calendar year. */
LiaisonDutyRecord *liaison_duty_record_build_quarter (LiaisonStore   *store,
                                                      const char     *deputy_uuid,
                                                      LiaisonQuarter  quarter,
                                                      GError        **error);
LiaisonDutyRecord *liaison_duty_record_build_year    (LiaisonStore   *store,
                                                      const char     *deputy_uuid,
                                                      int             year,
                                                      GError        **error);
/* The points the record of @deputy_uuid for @year totals (its
 * points->total), scored as liaison_duty_record_build_year() scores them,
 * without the rest of the record: the record page's year beside a
 * quarter. */
gboolean           liaison_duty_record_year_points (LiaisonStore   *store,
                                                    const char     *deputy_uuid,
                                                    int             year,
                                                    LiaisonPoints  *total,
                                                    GError        **error);
/* Finds a deputy on the roster by UUID or by exact name; a name two
 * deputies share is refused (LIAISON_STORE_ERROR_INVALID) with both named. */
char              *liaison_duty_record_find_deputy (LiaisonStore  *store,
                                                    const char    *name_or_uuid,
                                                    GError       **error);
void               liaison_duty_record_free    (LiaisonDutyRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDutyRecord, liaison_duty_record_free)

G_END_DECLS
