/* liaison-duty-record-entries.c: a duty record's lists in words.
 *
 * Each line says what earned it, when, under which rule and with what
 * status (over the cap, duty day already counted, not attended), so that
 * a deputy can check the total line by line.
 */
#define G_LOG_DOMAIN "liaison-duty-record-entries"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-duty-record-entries.h"

/* Joins the non-empty ones of a NULL-terminated list with " · ". */
static char *
join_parts (const char *first,
            ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    if (*part != '\0')
      g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of a row's description */
  return g_strjoinv (C_("row parts", " · "), (char **) parts->pdata);
}

static void
add_entry (GPtrArray  *entries,
           const char *title,
           char       *subtitle,  /* transfer full */
           char       *value)     /* transfer full */
{
  g_ptr_array_add (entries, liaison_duty_record_entry_new (title, subtitle, value));
  g_free (subtitle);
  g_free (value);
}

static void
add_lines (GPtrArray               *entries,
           const LiaisonDutyRecord *record)
{
  const LiaisonDeputyPoints *points = record->points;

  for (guint i = 0; points != NULL && i < points->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (points->lines, i);
      const char *title = line->item->title != NULL && *line->item->title ? line->item->title
                                                                            : liaison_points_rule_label (line->rule);

      add_entry (entries, title,
                 join_parts (line->item->date, liaison_points_rule_label (line->rule),
                             liaison_points_line_status_label (line->status), NULL),
                 liaison_points_format_signed (line->points));
    }
}

static void
add_quarters (GPtrArray               *entries,
              const LiaisonDutyRecord *record)
{
  const LiaisonDeputyPoints *points = record->points;
  LiaisonQuarter quarter = record->score->first;

  for (guint i = 0; points != NULL && i < record->score->n_quarters; i++)
    {
      g_autofree char *label = liaison_quarter_label (quarter);
      /* Translators: under a quarter's points on a duty record */
      char *days = g_strdup_printf (ngettext ("%u duty day", "%u duty days", points->quarter_duty_days[i]),
                                    points->quarter_duty_days[i]);

      add_entry (entries, label, days, liaison_points_format (points->quarter_totals[i]));
      quarter = liaison_quarter_next (quarter);
    }
}

static void
add_kinds (GPtrArray               *entries,
           const LiaisonDutyRecord *record)
{
  for (guint kind = 0; kind < LIAISON_N_ACTIVITY_KINDS; kind++)
    {
      const guint *counts = record->activity_counts[kind];
      g_autofree char *attended = NULL;
      g_autofree char *leave = NULL;
      g_autofree char *absent = NULL;

      if (counts[LIAISON_ATTENDANCE_ATTENDED] + counts[LIAISON_ATTENDANCE_LEAVE] + counts[LIAISON_ATTENDANCE_ABSENT] == 0)
        continue;
      /* Translators: how often a deputy attended, was on leave and absent */
      attended = g_strdup_printf (_("Attended %u"), counts[LIAISON_ATTENDANCE_ATTENDED]);
      leave = g_strdup_printf (_("On leave %u"), counts[LIAISON_ATTENDANCE_LEAVE]);
      absent = g_strdup_printf (_("Absent %u"), counts[LIAISON_ATTENDANCE_ABSENT]);
      add_entry (entries, liaison_activity_kind_label (kind),
                 join_parts (attended, leave, absent, NULL),
                 g_strdup_printf ("%u", counts[LIAISON_ATTENDANCE_ATTENDED]));
    }
}

static const LiaisonAttendee *
find_attendee (const LiaisonActivity *activity,
               const char            *deputy_uuid)
{
  for (guint i = 0; i < activity->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (activity->attendees, i);

      if (g_strcmp0 (attendee->deputy_uuid, deputy_uuid) == 0)
        return attendee;
    }
  return NULL;
}

static void
add_activities (GPtrArray               *entries,
                const LiaisonDutyRecord *record)
{
  for (guint i = 0; i < record->activities->len; i++)
    {
      const LiaisonActivity *activity = g_ptr_array_index (record->activities, i);
      const LiaisonAttendee *attendee = find_attendee (activity, record->deputy->meta.uuid);
      g_autofree char *when = NULL;

      if (activity->end_date != NULL && *activity->end_date && g_strcmp0 (activity->end_date, activity->date) != 0)
        /* Translators: an activity of several days: its first and last day */
        when = g_strdup_printf (_("%s to %s"), activity->date, activity->end_date);
      else
        when = g_strdup (activity->date);
      add_entry (entries, activity->title,
                 join_parts (when, liaison_activity_kind_label (activity->kind),
                             activity->place != NULL ? activity->place : "", NULL),
                 g_strdup (attendee != NULL ? liaison_attendance_label (attendee->attendance) : ""));
    }
}

static void
add_take_ups (GPtrArray               *entries,
              const LiaisonDutyRecord *record)
{
  for (guint i = 0; i < record->take_ups->len; i++)
    {
      const LiaisonDutyRecordTakeUp *take_up = g_ptr_array_index (record->take_ups, i);
      /* Translators: when a deputy took a suggestion up, YYYY-MM-DD */
      g_autofree char *when = g_strdup_printf (_("Taken up on %s"), take_up->taken_up_on);

      add_entry (entries, take_up->title, join_parts (when, take_up->outcome, NULL), NULL);
    }
}

static void
add_filings (GPtrArray               *entries,
             const LiaisonDutyRecord *record)
{
  for (guint i = 0; i < record->filings->len; i++)
    {
      const LiaisonDutyRecordFiling *filing = g_ptr_array_index (record->filings, i);
      /* Translators: when a motion or suggestion was filed, YYYY-MM-DD */
      g_autofree char *when = g_strdup_printf (_("Filed on %s"), filing->filed_on);
      const char *what = filing->motion ? _("Motion") : _("Suggestion");
      const char *role = filing->first_signer ? _("First signer") : _("Co-signer");
      g_autofree char *rating = filing->rating != NULL
                                /* Translators: the deputy's own rating of how a motion was handled */
                                ? g_strdup_printf (_("Your rating: %s"), filing->rating)
                                : g_strdup (_("Not rated yet"));

      add_entry (entries, filing->title, join_parts (when, what, role, filing->outcome, rating, NULL), NULL);
    }
}

static void
add_planned (GPtrArray               *entries,
             const LiaisonDutyRecord *record,
             GHashTable              *station_names)
{
  for (guint i = 0; i < record->planned_not_done->len; i++)
    {
      const LiaisonDutyShift *shift = g_ptr_array_index (record->planned_not_done, i);
      const char *station = station_names != NULL && shift->station_uuid != NULL
                            ? g_hash_table_lookup (station_names, shift->station_uuid) : NULL;

      add_entry (entries, shift->date,
                 join_parts (station != NULL ? station : _("Another station"),
                             /* Translators: a planned duty day on which the deputy logged nothing */
                             _("Planned, not done"), NULL),
                 NULL);
    }
}

/**
 * liaison_duty_record_entries:
 * @station_names: (nullable): station UUID -> name
 *
 * Returns: (transfer full): the rows of @list, LiaisonDutyRecordEntry *
 */
GPtrArray *
liaison_duty_record_entries (const LiaisonDutyRecord *record,
                             LiaisonDutyRecordList    list,
                             GHashTable              *station_names)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_record_entry_free);

  g_return_val_if_fail (record != NULL, entries);

  switch (list)
    {
    case LIAISON_DUTY_RECORD_LIST_LINES:
      add_lines (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_QUARTERS:
      add_quarters (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_KINDS:
      add_kinds (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_ACTIVITIES:
      add_activities (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_TAKE_UPS:
      add_take_ups (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_FILINGS:
      add_filings (entries, record);
      break;
    case LIAISON_DUTY_RECORD_LIST_PLANNED:
      add_planned (entries, record, station_names);
      break;
    case LIAISON_N_DUTY_RECORD_LISTS:
    default:
      g_assert_not_reached ();
    }
  return entries;
}

char *
liaison_duty_record_describe_deputy (const LiaisonDutyRecord *record)
{
  const LiaisonDeputy *deputy = record->deputy;

  return join_parts (liaison_deputy_level_label (deputy->level),
                     record->group != NULL ? record->group : "",
                     deputy->station_name != NULL ? deputy->station_name : "",
                     deputy->specialty != NULL ? deputy->specialty : "",
                     NULL);
}

gboolean
liaison_duty_record_is_empty (const LiaisonDutyRecord *record)
{
  return (record->points == NULL || record->points->lines->len == 0) &&
         record->activities->len == 0 && record->take_ups->len == 0 &&
         record->filings->len == 0 && record->planned_not_done->len == 0;
}
