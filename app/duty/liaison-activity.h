/* liaison-activity.h: a deputy's duty activity (履职活动) and a station's
 * duty roster (值班安排), as plain structs (docs/duty-record.md).
 *
 * An activity is one synced record, with the deputies involved and each
 * one's attendance inside it, as a reception carries its visitors.
 * Headquarters owns the headquarters kinds; a station owns its
 * station_duty and group_activity records. Receptions hosted, suggestions
 * taken up and motions filed are never typed as activities: they are
 * worked out from the records that already hold them (liaison-duty-item.h).
 */
#pragma once

#include <glib.h>

#include "liaison-records.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_ACTIVITY_CONGRESS_SESSION,            /* 出席人代会: one record per session day */
  LIAISON_ACTIVITY_STANDING_COMMITTEE,          /* 列席常委会会议 */
  LIAISON_ACTIVITY_RESEARCH,                    /* 调研 */
  LIAISON_ACTIVITY_INSPECTION,                  /* 视察 */
  LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION,  /* 执法检查 */
  LIAISON_ACTIVITY_THEME_ACTIVITY,              /* 主题活动, such as "5+4" */
  LIAISON_ACTIVITY_GROUP_ACTIVITY,              /* 代表小组活动 */
  LIAISON_ACTIVITY_TRAINING,                    /* 履职学习培训 */
  LIAISON_ACTIVITY_STATION_DUTY,                /* 进站履职 */
  LIAISON_ACTIVITY_OTHER,                       /* 其他 */
  LIAISON_N_ACTIVITY_KINDS
} LiaisonActivityKind;

typedef enum {
  LIAISON_ATTENDANCE_ATTENDED,  /* 出席 */
  LIAISON_ATTENDANCE_LEAVE,     /* 请假 */
  LIAISON_ATTENDANCE_ABSENT,    /* 缺席 */
  LIAISON_N_ATTENDANCES
} LiaisonAttendance;

/* Who may record an activity of a kind. */
typedef enum {
  LIAISON_ACTIVITY_OWNER_HEADQUARTERS,
  LIAISON_ACTIVITY_OWNER_STATION,
  LIAISON_ACTIVITY_OWNER_EITHER,
} LiaisonActivityOwner;

/* Stable codes ("congress_session"), as stored, synced and written to CSV. */
const char          *liaison_activity_kind_to_code   (LiaisonActivityKind kind);
gboolean             liaison_activity_kind_from_code (const char *code, LiaisonActivityKind *kind);
const char          *liaison_activity_kind_label     (LiaisonActivityKind kind);
/* Accepts a code, an English label or a zh_CN label ("调研", "research"). */
gboolean             liaison_activity_kind_parse     (const char *text, LiaisonActivityKind *kind);
LiaisonActivityOwner liaison_activity_kind_owner     (LiaisonActivityKind kind);

const char          *liaison_attendance_to_code      (LiaisonAttendance attendance);
gboolean             liaison_attendance_from_code    (const char *code, LiaisonAttendance *attendance);
const char          *liaison_attendance_label        (LiaisonAttendance attendance);
gboolean             liaison_attendance_parse        (const char *text, LiaisonAttendance *attendance);

typedef struct {
  char              *deputy_uuid;
  LiaisonAttendance  attendance;
  /* read-only, filled by queries */
  char              *deputy_name;
} LiaisonAttendee;

typedef struct {
  LiaisonRecordMeta    meta;
  LiaisonActivityKind  kind;
  char                *title;
  char                *date;       /* "YYYY-MM-DD": the day it began */
  char                *end_date;   /* "YYYY-MM-DD" for several days; NULL or "" for one */
  char                *place;
  char                *organiser;
  char                *note;
  GPtrArray           *attendees;  /* LiaisonAttendee *, never NULL */
  /* A change after its quarter was closed is a correction: why, by whom
   * (the name at the desk) and when (UTC). NULL for a plain record. */
  char                *correction_reason;
  char                *corrected_by;
  char                *corrected_at;
} LiaisonActivity;

/* A planned duty day: one deputy on duty at one station on one day. A day
 * planned but with nothing logged shows as planned, not as done. */
typedef struct {
  LiaisonRecordMeta  meta;
  char              *station_uuid;
  char              *deputy_uuid;
  char              *date;         /* "YYYY-MM-DD" */
  char              *note;
} LiaisonDutyShift;

LiaisonAttendee  *liaison_attendee_new       (const char        *deputy_uuid,
                                              LiaisonAttendance  attendance);
LiaisonAttendee  *liaison_attendee_copy      (const LiaisonAttendee *attendee);
void              liaison_attendee_free      (LiaisonAttendee   *attendee);
LiaisonActivity  *liaison_activity_new       (void);
LiaisonActivity  *liaison_activity_copy      (const LiaisonActivity *activity);
void              liaison_activity_free      (LiaisonActivity   *activity);
LiaisonDutyShift *liaison_duty_shift_new     (void);
void              liaison_duty_shift_free    (LiaisonDutyShift  *shift);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonAttendee, liaison_attendee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonActivity, liaison_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDutyShift, liaison_duty_shift_free)

G_END_DECLS
