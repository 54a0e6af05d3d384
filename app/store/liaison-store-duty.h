/* liaison-store-duty.h: the duty record in the station's store
 * (docs/duty-record.md, "Storage and sync"): activities with each
 * deputy's attendance, the duty roster, and a deputy's duty items gathered
 * from the activities and from the records that already hold the rest
 * (receptions, take-ups, ratings, filings).
 *
 * Every write is one transaction and emits ::changed ("activities",
 * "duty_shifts") after it; a refused write changes nothing.
 */
#pragma once

#include "liaison-activity.h"
#include "liaison-duty-item.h"
#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* Saves @activity and its attendees, replacing the attendees it had. A new
 * one (meta.id 0) gets its id, uuid and version here. Refused with
 * LIAISON_STORE_ERROR_INVALID: an unknown kind or attendance, a blank or
 * too long title, a date that is not a real YYYY-MM-DD day, an end date
 * before the date, a deputy not on the roster or listed twice, a
 * correction time without its reason; and, at a station desk, a kind that
 * headquarters records (liaison_activity_kind_owner()). A correction with
 * a reason and no time is stamped now. An activity dated, or once dated,
 * in a closed quarter (liaison-store-quarter.h) is saved only as a
 * correction: with a correction_reason that is not the one it had; it is
 * then stamped with the desk's name and now. */
gboolean          liaison_store_save_activity   (LiaisonStore     *store,
                                                 LiaisonActivity  *activity,
                                                 GError          **error);
/* The live activity @uuid with its attendees (deputy_name filled), or NULL
 * with LIAISON_STORE_ERROR_NOT_FOUND. */
LiaisonActivity  *liaison_store_get_activity    (LiaisonStore     *store,
                                                 const char       *uuid,
                                                 GError          **error);
/* The live activities @deputy_uuid is listed in that began from @from to
 * @to ("YYYY-MM-DD", both included; NULL: no bound), by date. */
GPtrArray        *liaison_store_list_deputy_activities (LiaisonStore  *store,
                                                        const char    *deputy_uuid,
                                                        const char    *from,
                                                        const char    *to,
                                                        GError       **error);
/* Every live activity that began from @from to @to ("YYYY-MM-DD", both
 * included; NULL: no bound), by date then title, with attendees. */
GPtrArray        *liaison_store_list_activities (LiaisonStore     *store,
                                                 const char       *from,
                                                 const char       *to,
                                                 GError          **error);
/* Makes the activity a tombstone (a new version, to sync). The station
 * desk may not delete what headquarters records. */
gboolean          liaison_store_delete_activity (LiaisonStore     *store,
                                                 const char       *uuid,
                                                 GError          **error);
/* Deletes as a correction, with @reason: an activity of a closed quarter
 * (liaison-store-quarter.h) is deleted only so, and the tombstone keeps
 * the reason, the desk's name and the time, and syncs with them. */
gboolean          liaison_store_correct_delete_activity (LiaisonStore  *store,
                                                         const char    *uuid,
                                                         const char    *reason,
                                                         GError       **error);

/* The activities dated from @from to @to (both included) corrected at
 * @since or later, deleted ones too (meta.deleted), by the time of their
 * correction; without attendees. */
GPtrArray        *liaison_store_list_corrections (LiaisonStore  *store,
                                                  const char    *from,
                                                  const char    *to,
                                                  const char    *since,
                                                  GError       **error);

/* Saves a planned duty day. NULL station_uuid: this station. Refused with
 * LIAISON_STORE_ERROR_INVALID: a station or deputy not here, a date that
 * is not a real day, the same deputy already on duty there that day. */
gboolean          liaison_store_save_duty_shift (LiaisonStore     *store,
                                                 LiaisonDutyShift *shift,
                                                 GError          **error);
/* The live duty shifts at @station_uuid (NULL: every station) from @from
 * to @to (NULL: no bound), by date then deputy name. */
GPtrArray        *liaison_store_list_duty_shifts (LiaisonStore    *store,
                                                  const char      *station_uuid,
                                                  const char      *from,
                                                  const char      *to,
                                                  GError         **error);
gboolean          liaison_store_delete_duty_shift (LiaisonStore   *store,
                                                   const char     *uuid,
                                                   GError        **error);
/* The uuids (char *) of the deputies on duty at @station_uuid (NULL: this
 * station) on @date (NULL: today, local time), by name. */
GPtrArray        *liaison_store_list_on_duty    (LiaisonStore     *store,
                                                 const char       *station_uuid,
                                                 const char       *date,
                                                 GError          **error);

/* Whether the planned duty day @shift was done (*@done): the deputy was
 * present at a live reception at its station that day, or attended a
 * live station_duty activity of that station covering the day. The one
 * rule for "planned, not done" (the roster, the duty record). */
gboolean          liaison_store_duty_shift_done (LiaisonStore           *store,
                                                 const LiaisonDutyShift *shift,
                                                 gboolean               *done,
                                                 GError                **error);

/* A deputy's duty items (LiaisonDutyItem *) dated from @from to @to
 * ("YYYY-MM-DD", both included; NULL: no bound), by date then source:
 * the activities they are listed in, with their attendance (and those
 * begun before @from that run into the period, for their days in it:
 * the engine gives them no line there); the receptions
 * at which they were present; their take-up moves; the satisfied or
 * basically satisfied rating that resolved a suggestion they took up; the
 * deputy suggestions they filed first and those they co-signed. The
 * dates are those of docs/duty-record.md, local days. */
GPtrArray        *liaison_store_gather_duty_items (LiaisonStore   *store,
                                                   const char     *deputy_uuid,
                                                   const char     *from,
                                                   const char     *to,
                                                   GError        **error);

/* Every deputy's duty items from @from to @to, as gather_duty_items()
 * gives them deputy by deputy, in six queries for the whole city
 * (liaison-store-duty-city.c), by deputy uuid and then in its order. A
 * take-up or co-signing may name a deputy no longer on the roster. */
GPtrArray        *liaison_store_gather_all_duty_items (LiaisonStore *store,
                                                       const char   *from,
                                                       const char   *to,
                                                       GError      **error);

/* What a deputy's duty record reads besides the items
 * (liaison-store-duty-record.c). */

/* The live receptions @deputy_uuid was present at from @from to @to (the
 * receptions the gathering lists), and their visitors' party sizes added
 * up. */
gboolean          liaison_store_count_deputy_visitors (LiaisonStore  *store,
                                                       const char    *deputy_uuid,
                                                       const char    *from,
                                                       const char    *to,
                                                       guint         *receptions,
                                                       guint         *visitors,
                                                       GError       **error);

/* Where a suggestion stands now, from its loop cache. */
typedef struct {
  LiaisonLoopKind   kind;
  LiaisonLoopStatus status;
  gboolean          reopened;     /* taken up again after an unsatisfied rating */
  gboolean          rated;
  LiaisonLoopRating last_rating;  /* a deputy's suggestion: the filer's blind rating */
  gboolean          motion;       /* a deputy's suggestion that is a motion (议案) */
} LiaisonSuggestionOutcome;

/* The outcome of the live suggestion @uuid, or FALSE with
 * LIAISON_STORE_ERROR_NOT_FOUND. */
gboolean          liaison_store_get_suggestion_outcome (LiaisonStore              *store,
                                                        const char                *uuid,
                                                        LiaisonSuggestionOutcome  *outcome,
                                                        GError                   **error);

G_END_DECLS
