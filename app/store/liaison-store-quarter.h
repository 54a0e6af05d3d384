/* liaison-store-quarter.h: closed quarters in the station's store
 * (docs/duty-record.md, "Closing a quarter").
 *
 * Headquarters closes a quarter: every deputy's points and items of it
 * are frozen in a quarter_close record (app/duty/liaison-quarter-snapshot.h)
 * that syncs to every desk. From then on an activity dated in that
 * quarter is added, changed or deleted only as a correction, with its
 * reason, who made it and when (liaison-store-duty.h), and the report
 * shows it as a change from the frozen figures.
 */
#pragma once

#include "liaison-points.h"
#include "liaison-quarter-snapshot.h"
#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonRecordMeta        meta;
  LiaisonQuarter           quarter;
  char                    *closed_at;  /* "YYYY-MM-DDTHH:MM:SSZ" */
  char                    *closed_by;  /* the name at the desk that closed it */
  LiaisonQuarterSnapshot  *snapshot;
} LiaisonQuarterClose;

void liaison_quarter_close_free (LiaisonQuarterClose *close);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonQuarterClose, liaison_quarter_close_free)

/* @quarter scored for every deputy on the roster (with @in_groups_only,
 * only those in a deputy group; with @group, only that group's), from
 * every deputy's items gathered in one go
 * (liaison_store_gather_all_duty_items()), with the rule sets in force. */
LiaisonPointsScore  *liaison_store_score_quarter      (LiaisonStore    *store,
                                                       LiaisonQuarter   quarter,
                                                       gboolean         in_groups_only,
                                                       const char      *group,
                                                       GError         **error);

/* Closes @quarter: scores it for every deputy and keeps the snapshot as a
 * quarter_close record, to sync. @closed_by: who closes it (NULL: the
 * name at the desk). Refused with LIAISON_STORE_ERROR_INVALID, changing
 * nothing: at a station desk, a quarter not over yet (its last day is
 * @today or later; NULL: today, local time), or one already closed. */
LiaisonQuarterClose *liaison_store_close_quarter      (LiaisonStore    *store,
                                                       LiaisonQuarter   quarter,
                                                       const char      *closed_by,
                                                       const char      *today,
                                                       GError         **error);
/* Whether @quarter is closed here. FALSE on a read error, with @error. */
gboolean             liaison_store_quarter_is_closed  (LiaisonStore    *store,
                                                       LiaisonQuarter   quarter,
                                                       GError         **error);
/* The close of @quarter, or NULL with LIAISON_STORE_ERROR_NOT_FOUND. */
LiaisonQuarterClose *liaison_store_get_quarter_close  (LiaisonStore    *store,
                                                       LiaisonQuarter   quarter,
                                                       GError         **error);
/* Every closed quarter (LiaisonQuarterClose *), latest quarter first. */
GPtrArray           *liaison_store_list_quarter_closes (LiaisonStore   *store,
                                                        GError        **error);

G_END_DECLS
