/* liaison-activity.c: codes, labels and memory of activities and duty
 * shifts (liaison-activity.h). */
#define G_LOG_DOMAIN "liaison-activity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-activity.h"
#include "liaison-codes.h"

/* The order is LiaisonActivityKind's. */
static const LiaisonCodeLabel activity_kinds[] = {
  { "congress_session",           N_("Congress session"),            "出席人代会" },
  { "standing_committee",         N_("Standing committee meeting"),  "列席常委会会议" },
  { "research",                   N_("Research"),                    "调研" },
  { "inspection",                 N_("Inspection"),                  "视察" },
  { "law_enforcement_inspection", N_("Law-enforcement inspection"),  "执法检查" },
  { "theme_activity",             N_("Theme activity"),              "主题活动" },
  { "group_activity",             N_("Deputy group activity"),       "代表小组活动" },
  { "training",                   N_("Training"),                    "履职学习培训" },
  { "station_duty",               N_("Station duty"),                "进站履职" },
  { "other",                      N_("Other"),                       "其他" },
};

static const LiaisonCodeLabel attendances[] = {
  { "attended", N_("Attended"), "出席" },
  { "leave",    N_("On leave"), "请假" },
  { "absent",   N_("Absent"),   "缺席" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (activity_kinds) == LIAISON_N_ACTIVITY_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (attendances) == LIAISON_N_ATTENDANCES);

LIAISON_DEFINE_CODES (LiaisonActivityKind, liaison_activity_kind, activity_kinds)
LIAISON_DEFINE_CODES (LiaisonAttendance, liaison_attendance, attendances)
LIAISON_DEFINE_PARSE (LiaisonActivityKind, liaison_activity_kind, activity_kinds)
LIAISON_DEFINE_PARSE (LiaisonAttendance, liaison_attendance, attendances)

LiaisonActivityOwner
liaison_activity_kind_owner (LiaisonActivityKind kind)
{
  switch (kind)
    {
    case LIAISON_ACTIVITY_STATION_DUTY:
      return LIAISON_ACTIVITY_OWNER_STATION;
    case LIAISON_ACTIVITY_GROUP_ACTIVITY:
    case LIAISON_ACTIVITY_OTHER:
      return LIAISON_ACTIVITY_OWNER_EITHER;
    case LIAISON_ACTIVITY_CONGRESS_SESSION:
    case LIAISON_ACTIVITY_STANDING_COMMITTEE:
    case LIAISON_ACTIVITY_RESEARCH:
    case LIAISON_ACTIVITY_INSPECTION:
    case LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION:
    case LIAISON_ACTIVITY_THEME_ACTIVITY:
    case LIAISON_ACTIVITY_TRAINING:
    case LIAISON_N_ACTIVITY_KINDS:
    default:
      return LIAISON_ACTIVITY_OWNER_HEADQUARTERS;
    }
}

LiaisonAttendee *
liaison_attendee_new (const char        *deputy_uuid,
                      LiaisonAttendance  attendance)
{
  LiaisonAttendee *attendee = g_new0 (LiaisonAttendee, 1);

  attendee->deputy_uuid = g_strdup (deputy_uuid);
  attendee->attendance = attendance;
  return attendee;
}

LiaisonAttendee *
liaison_attendee_copy (const LiaisonAttendee *attendee)
{
  LiaisonAttendee *copy = liaison_attendee_new (attendee->deputy_uuid, attendee->attendance);

  copy->deputy_name = g_strdup (attendee->deputy_name);
  return copy;
}

void
liaison_attendee_free (LiaisonAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->deputy_uuid);
  g_free (attendee->deputy_name);
  g_free (attendee);
}

LiaisonActivity *
liaison_activity_new (void)
{
  LiaisonActivity *activity = g_new0 (LiaisonActivity, 1);

  activity->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  activity->kind = LIAISON_ACTIVITY_OTHER;
  activity->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_attendee_free);
  return activity;
}

LiaisonActivity *
liaison_activity_copy (const LiaisonActivity *activity)
{
  LiaisonActivity *copy = liaison_activity_new ();

  liaison_record_meta_copy (&copy->meta, &activity->meta);
  copy->kind = activity->kind;
  copy->title = g_strdup (activity->title);
  copy->date = g_strdup (activity->date);
  copy->end_date = g_strdup (activity->end_date);
  copy->place = g_strdup (activity->place);
  copy->organiser = g_strdup (activity->organiser);
  copy->note = g_strdup (activity->note);
  for (guint i = 0; i < activity->attendees->len; i++)
    g_ptr_array_add (copy->attendees, liaison_attendee_copy (g_ptr_array_index (activity->attendees, i)));
  copy->correction_reason = g_strdup (activity->correction_reason);
  copy->corrected_by = g_strdup (activity->corrected_by);
  copy->corrected_at = g_strdup (activity->corrected_at);
  return copy;
}

void
liaison_activity_free (LiaisonActivity *activity)
{
  if (activity == NULL)
    return;
  liaison_record_meta_clear (&activity->meta);
  g_free (activity->title);
  g_free (activity->date);
  g_free (activity->end_date);
  g_free (activity->place);
  g_free (activity->organiser);
  g_free (activity->note);
  g_ptr_array_unref (activity->attendees);
  g_free (activity->correction_reason);
  g_free (activity->corrected_by);
  g_free (activity->corrected_at);
  g_free (activity);
}

LiaisonDutyShift *
liaison_duty_shift_new (void)
{
  LiaisonDutyShift *shift = g_new0 (LiaisonDutyShift, 1);

  shift->meta.sync_state = LIAISON_SYNC_STATE_PENDING;
  return shift;
}

void
liaison_duty_shift_free (LiaisonDutyShift *shift)
{
  if (shift == NULL)
    return;
  liaison_record_meta_clear (&shift->meta);
  g_free (shift->station_uuid);
  g_free (shift->deputy_uuid);
  g_free (shift->date);
  g_free (shift->note);
  g_free (shift);
}
