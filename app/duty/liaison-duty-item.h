/* liaison-duty-item.h: one line of a deputy's duty record, and what it
 * scores (docs/duty-record.md).
 *
 * Every point on a record can be traced to one item, and every item to
 * the record it came from: an activity and the deputy's attendance at it,
 * or a reception, a take-up, a closing rating or a filing, worked out
 * from the records that already hold them and never typed twice. The
 * store gathers the items (liaison-store-duty.h); the points engine
 * (liaison-points.h) scores them with the rule set in force.
 */
#pragma once

#include <glib.h>

#include "liaison-activity.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_DUTY_ITEM_ACTIVITY,          /* an activity: kind and attendance below */
  LIAISON_DUTY_ITEM_RECEPTION,         /* a reception at which the deputy was present */
  LIAISON_DUTY_ITEM_TAKE_UP,           /* the deputy took up a citizen's suggestion */
  LIAISON_DUTY_ITEM_CLOSED_SATISFIED,  /* one they took up closed satisfied or basically satisfied */
  LIAISON_DUTY_ITEM_MOTION,            /* filed a motion (议案) as first signer */
  LIAISON_DUTY_ITEM_SUGGESTION,        /* filed a deputy suggestion (建议) as first signer */
  LIAISON_DUTY_ITEM_CO_SIGNED,         /* co-signed a motion or suggestion */
  LIAISON_N_DUTY_ITEM_KINDS
} LiaisonDutyItemKind;

typedef struct {
  LiaisonDutyItemKind  kind;
  LiaisonActivityKind  activity_kind;  /* LIAISON_DUTY_ITEM_ACTIVITY only */
  LiaisonAttendance    attendance;     /* LIAISON_DUTY_ITEM_ACTIVITY only */
  char                *deputy_uuid;
  /* "YYYY-MM-DD": the day that decides the item's quarter: an activity's
   * date, a take-up's, the closing rating's, the filing's. */
  char                *date;
  char                *source_uuid;    /* the activity, reception or suggestion */
  char                *title;          /* what the record lists for it */
  /* "YYYY-MM-DD", the last day of an activity of several days; NULL or ""
   * for one day. Each day of it is a duty day (liaison-points.h). */
  char                *end_date;
  /* The station of a reception or a station_duty activity, which decides
   * its station duty day (one per deputy, station and day); NULL if not
   * known, when the day counts once whatever the station. */
  char                *station_uuid;
} LiaisonDutyItem;

LiaisonDutyItem *liaison_duty_item_new  (LiaisonDutyItemKind    kind,
                                         const char            *deputy_uuid,
                                         const char            *date,
                                         const char            *source_uuid,
                                         const char            *title);
LiaisonDutyItem *liaison_duty_item_copy (const LiaisonDutyItem *item);
void             liaison_duty_item_free (LiaisonDutyItem       *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDutyItem, liaison_duty_item_free)

G_END_DECLS
