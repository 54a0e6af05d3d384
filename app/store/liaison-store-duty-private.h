/* liaison-store-duty-private.h: what the files of the duty record in the
 * store (liaison-store-duty*.c) share. */
#pragma once

#include "liaison-store-duty.h"
#include "liaison-store-private.h"

G_BEGIN_DECLS

/* A real day written YYYY-MM-DD. */
gboolean liaison_store_duty_is_date (const char *text);

/* Binds @text, or NULL when it is NULL (an open bound of a period). */
void     liaison_store_duty_bind_bound (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);

/* The bounds of the activities gathered for a period (?2, ?3: its first
 * and last day, NULL when open): those begun in it, and those begun
 * before it that run into it, whose days in it are duty days there (the
 * points engine scores an item only in the quarter of its date). */
#define ACTIVITY_PERIOD \
  " AND (?2 IS NULL OR a.date >= ?2 OR coalesce (a.end_date, '') >= ?2) AND (?3 IS NULL OR a.date <= ?3)"

/* The six queries that gather duty items (liaison-store-duty-items.c
 * says what each selects): for one deputy, or for the whole city. */
typedef struct {
  const char *activities;
  const char *receptions;
  const char *take_ups;
  const char *closed_satisfied;
  const char *filed;
  const char *co_signed;
} LiaisonDutyQueries;

/* Runs @queries with ?1 = @deputy_uuid (if not NULL) and ?2, ?3 = the
 * period's bounds; the items sorted by deputy, date, kind and source. */
GPtrArray *liaison_store_duty_gather (LiaisonStore              *self,
                                      const LiaisonDutyQueries  *queries,
                                      const char                *deputy_uuid,
                                      const char                *from,
                                      const char                *to,
                                      GError                   **error);

/* An activity dated, or once dated (@old_date), in a closed quarter is
 * changed only as a correction (liaison-store-quarter.c): it needs a
 * reason, not the one it had (@old_reason), and is stamped with the
 * desk's name and now. TRUE if the change may go on. */
gboolean liaison_store_duty_check_correction (LiaisonStore     *self,
                                              LiaisonActivity  *activity,
                                              const char       *old_date,
                                              const char       *old_reason,
                                              GError          **error);

G_END_DECLS
