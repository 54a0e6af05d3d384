/* liaison-duty-archive-lists.c: the duty archive's lists, each in full:
 * the points line by line (every point traced to its item and rule), the
 * suggestions taken up, the motions and suggestions filed, the
 * activities, and the planned duty days not done. */
#define G_LOG_DOMAIN "liaison-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-duty-archive-private.h"

static void
add_none (LiaisonPdf *pdf)
{
  liaison_pdf_add_paragraph (pdf, _("None in this period."));
}

/* The rule a line was scored under, and why it gave nothing if it did not. */
static char *
line_rule (const LiaisonPointsLine *line)
{
  const char *status = liaison_points_line_status_label (line->status);

  if (line->rule == LIAISON_POINTS_RULE_NONE || status[0] == '\0')
    return g_strdup (line->rule == LIAISON_POINTS_RULE_NONE && status[0] != '\0'
                     ? status : liaison_points_rule_label (line->rule));
  /* TRANSLATORS: a rule and why it gave nothing, such as
   * "Reception hosted (over the quarter’s cap)". */
  return g_strdup_printf (_("%s (%s)"), liaison_points_rule_label (line->rule), status);
}

void
liaison_duty_archive_add_points_lines (LiaisonPdf              *pdf,
                                       const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Date"), 1.1, LIAISON_PDF_ALIGN_START },
    { _("Item"), 3.0, LIAISON_PDF_ALIGN_START },
    { _("Rule"), 2.0, LIAISON_PDF_ALIGN_START },
    { _("Points"), 0.7, LIAISON_PDF_ALIGN_END },
  };
  const GPtrArray *lines = record->points->lines;
  g_autofree char *total = liaison_points_format (record->points->total);
  const char *total_row[] = { "", _("Total"), "", total };

  liaison_pdf_add_heading (pdf, 1, _("Points, Item by Item"));
  if (lines->len == 0)
    {
      add_none (pdf);
      return;
    }
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (lines, i);
      g_autofree char *rule = line_rule (line);
      g_autofree char *points = liaison_points_format_signed (line->points);
      g_autofree char *date = liaison_duty_archive_days (line->item->date, line->item->end_date);
      const char *row[] = { date, line->item->title != NULL ? line->item->title : "", rule, points };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_add_row (pdf, total_row, LIAISON_PDF_ROW_BOLD);
  liaison_pdf_end_table (pdf);
}

static void
add_take_ups (LiaisonPdf              *pdf,
              const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Taken up on"), 1.1, LIAISON_PDF_ALIGN_START },
    { _("Suggestion"), 3.4, LIAISON_PDF_ALIGN_START },
    { _("What became of it"), 2.2, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_add_heading (pdf, 1, _("Suggestions Taken Up"));
  if (record->take_ups->len == 0)
    {
      add_none (pdf);
      return;
    }
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < record->take_ups->len; i++)
    {
      const LiaisonDutyRecordTakeUp *take_up = g_ptr_array_index (record->take_ups, i);
      const char *row[] = { take_up->taken_up_on, take_up->title, take_up->outcome };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);
}

static const char *
filing_kind (const LiaisonDutyRecordFiling *filing)
{
  if (filing->motion)
    return filing->first_signer ? _("Motion, first signer") : _("Motion, co-signer");
  return filing->first_signer ? _("Suggestion, first signer") : _("Suggestion, co-signer");
}

static void
add_filings (LiaisonPdf              *pdf,
             const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Filed on"), 1.1, LIAISON_PDF_ALIGN_START },
    { _("Kind"), 1.3, LIAISON_PDF_ALIGN_START },
    { _("Title"), 2.4, LIAISON_PDF_ALIGN_START },
    { _("Outcome"), 1.5, LIAISON_PDF_ALIGN_START },
    { _("Deputy’s rating"), 1.1, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_add_heading (pdf, 1, _("Motions and Suggestions Filed"));
  if (record->filings->len == 0)
    {
      add_none (pdf);
      return;
    }
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < record->filings->len; i++)
    {
      const LiaisonDutyRecordFiling *filing = g_ptr_array_index (record->filings, i);
      const char *row[] = {
        filing->filed_on, filing_kind (filing), filing->title, filing->outcome,
        filing->rating != NULL ? filing->rating : _("Not rated yet"),
      };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);
}

/* The deputy's own attendance at @activity. */
static const char *
own_attendance (const LiaisonActivity *activity,
                const char            *deputy_uuid)
{
  for (guint i = 0; i < activity->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (activity->attendees, i);

      if (g_strcmp0 (attendee->deputy_uuid, deputy_uuid) == 0)
        return liaison_attendance_label (attendee->attendance);
    }
  return "";
}

static void
add_activities (LiaisonPdf              *pdf,
                const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Date"), 1.3, LIAISON_PDF_ALIGN_START },
    { _("Kind"), 1.3, LIAISON_PDF_ALIGN_START },
    { _("Activity"), 2.5, LIAISON_PDF_ALIGN_START },
    { _("Place"), 1.4, LIAISON_PDF_ALIGN_START },
    { _("Attendance"), 1.0, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_add_heading (pdf, 1, _("Activities"));
  if (record->activities->len == 0)
    {
      add_none (pdf);
      return;
    }
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < record->activities->len; i++)
    {
      const LiaisonActivity *activity = g_ptr_array_index (record->activities, i);
      g_autofree char *date = liaison_duty_archive_days (activity->date, activity->end_date);
      const char *row[] = {
        date, liaison_activity_kind_label (activity->kind), activity->title,
        activity->place != NULL ? activity->place : "",
        own_attendance (activity, record->deputy->meta.uuid),
      };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);
}

static void
add_planned (LiaisonPdf              *pdf,
             const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Planned day"), 1.0, LIAISON_PDF_ALIGN_START },
    { _("Note"), 4.0, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_add_heading (pdf, 1, _("Planned Duty Days Not Done"));
  if (record->planned_not_done->len == 0)
    {
      add_none (pdf);
      return;
    }
  liaison_pdf_add_paragraph (pdf, _("Days of the station’s duty roster on which the deputy logged nothing there: "
                                    "planned, not done, and not counted."));
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < record->planned_not_done->len; i++)
    {
      const LiaisonDutyShift *shift = g_ptr_array_index (record->planned_not_done, i);
      const char *row[] = { shift->date, shift->note != NULL ? shift->note : "" };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);
}

void
liaison_duty_archive_add_lists (LiaisonPdf              *pdf,
                                const LiaisonDutyRecord *record)
{
  add_take_ups (pdf, record);
  add_filings (pdf, record);
  add_activities (pdf, record);
  add_planned (pdf, record);
}
