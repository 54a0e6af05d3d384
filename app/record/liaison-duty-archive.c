/* liaison-duty-archive.c: the duty archive (履职档案): the cover, the
 * summary, the points per quarter as a chart and a table, then the
 * record's lists (liaison-duty-archive-lists.c), in the user's language,
 * with "page N of M" and when the data was last synced on every page. */
#define G_LOG_DOMAIN "liaison-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-duty-archive-private.h"
#include "liaison-whole-file.h"

char *
liaison_duty_archive_days (const char *from,
                           const char *to)
{
  if (to == NULL || to[0] == '\0' || g_strcmp0 (from, to) == 0)
    return g_strdup (from);
  /* TRANSLATORS: a span of days, such as 2025-01-01 – 2025-12-31. */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

static char *
provenance (const LiaisonDutyRecord *record)
{
  if (record->synced_at == NULL)
    return g_strdup_printf (_("Generated on %s from this desk’s data, never synced with headquarters."),
                            record->generated_at);
  return g_strdup_printf (_("Generated on %s from data synced at %s."),
                          record->generated_at, record->synced_at);
}

static const char *
or_none (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : _("None");
}

static void
add_fields (LiaisonPdf        *pdf,
            const char *const *fields,
            guint              n_fields)
{
  const LiaisonPdfColumn columns[] = {
    { NULL, 1.0, LIAISON_PDF_ALIGN_START },
    { NULL, 3.0, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), FALSE);
  for (guint i = 0; i + 1 < n_fields; i += 2)
    liaison_pdf_add_row (pdf, fields + i, LIAISON_PDF_ROW_PLAIN);
  liaison_pdf_end_table (pdf);
}

static void
add_cover (LiaisonPdf              *pdf,
           const LiaisonDutyRecord *record,
           const char              *period)
{
  const LiaisonDeputy *deputy = record->deputy;
  g_autofree char *title = g_strdup_printf (_("Duty Archive of %s"), deputy->name);
  const char *fields[] = {
    _("Name"), deputy->name,
    _("Level"), liaison_deputy_level_label (deputy->level),
    _("Deputy group"), record->group != NULL ? record->group : _("In no group"),
    _("Station"), or_none (deputy->station_name),
    _("Specialty"), or_none (deputy->specialty),
    _("Period"), period,
  };

  liaison_pdf_add_title (pdf, title);
  add_fields (pdf, fields, G_N_ELEMENTS (fields));
  liaison_pdf_add_page_break (pdf);
}

static void
add_summary (LiaisonPdf              *pdf,
             const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Item"), 3.0, LIAISON_PDF_ALIGN_START },
    { _("Figure"), 1.0, LIAISON_PDF_ALIGN_END },
  };
  guint attendance[LIAISON_N_ATTENDANCES] = { 0, };
  g_autofree char *points = liaison_points_format (record->points->total);
  g_autofree char *rank = NULL;
  char *numbers[9] = { NULL, };

  for (guint k = 0; k < LIAISON_N_ACTIVITY_KINDS; k++)
    for (guint a = 0; a < LIAISON_N_ATTENDANCES; a++)
      attendance[a] += record->activity_counts[k][a];
  if (record->group_size > 0)
    rank = g_strdup_printf (_("%u of %u"), record->points->rank, record->group_size);
  else
    rank = g_strdup (_("In no group"));
  numbers[0] = g_strdup_printf ("%u", record->duty_days);
  numbers[1] = g_strdup_printf ("%u", record->receptions_hosted);
  numbers[2] = g_strdup_printf ("%u", record->visitors_received);
  numbers[3] = g_strdup_printf ("%u", record->take_ups->len);
  numbers[4] = g_strdup_printf ("%u", record->filings->len);
  numbers[5] = g_strdup_printf ("%u", attendance[LIAISON_ATTENDANCE_ATTENDED]);
  numbers[6] = g_strdup_printf ("%u", attendance[LIAISON_ATTENDANCE_LEAVE]);
  numbers[7] = g_strdup_printf ("%u", attendance[LIAISON_ATTENDANCE_ABSENT]);
  numbers[8] = g_strdup_printf ("%u", record->planned_not_done->len);

  {
    const char *rows[][2] = {
      { _("Points"), points },
      { _("Ranking in the deputy group"), rank },
      { _("Duty days"), numbers[0] },
      { _("Receptions hosted"), numbers[1] },
      { _("Visitors received"), numbers[2] },
      { _("Suggestions taken up"), numbers[3] },
      { _("Motions and suggestions filed or co-signed"), numbers[4] },
      { _("Activities attended"), numbers[5] },
      { _("Activities on leave"), numbers[6] },
      { _("Activities absent"), numbers[7] },
      { _("Planned duty days not done"), numbers[8] },
    };

    liaison_pdf_add_heading (pdf, 1, _("Summary"));
    liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      liaison_pdf_add_row (pdf, rows[i], i == 0 ? LIAISON_PDF_ROW_BOLD : LIAISON_PDF_ROW_PLAIN);
    liaison_pdf_end_table (pdf);
  }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_free (numbers[i]);
}

static void
add_quarters (LiaisonPdf              *pdf,
              const LiaisonDutyRecord *record)
{
  const LiaisonPointsScore *score = record->score;
  const LiaisonPdfColumn columns[] = {
    { _("Quarter"), 2.0, LIAISON_PDF_ALIGN_START },
    { _("Points"), 1.0, LIAISON_PDF_ALIGN_END },
    { _("Duty days"), 1.0, LIAISON_PDF_ALIGN_END },
    { _("Points rules in force from"), 1.6, LIAISON_PDF_ALIGN_END },
  };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree char *total = liaison_points_format (record->points->total);
  g_autofree char *days = g_strdup_printf ("%u", record->duty_days);
  const char *total_row[] = { _("Total"), total, days, "" };
  LiaisonQuarter quarter = score->first;

  for (guint q = 0; q < score->n_quarters; q++, quarter = liaison_quarter_next (quarter))
    {
      double value = (double) record->points->quarter_totals[q] / LIAISON_POINTS_ONE;

      g_ptr_array_add (labels, liaison_quarter_label (quarter));
      g_ptr_array_add (texts, liaison_points_format (record->points->quarter_totals[q]));
      g_array_append_val (values, value);
    }

  liaison_pdf_add_heading (pdf, 1, _("Points per Quarter"));
  liaison_pdf_add_bar_chart (pdf, (const char *const *) labels->pdata, (const double *) (gpointer) values->data,
                             (const char *const *) texts->pdata, score->n_quarters);
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint q = 0; q < score->n_quarters; q++)
    {
      g_autofree char *quarter_days = g_strdup_printf ("%u", record->points->quarter_duty_days[q]);
      const char *row[] = {
        g_ptr_array_index (labels, q), g_ptr_array_index (texts, q), quarter_days,
        score->rules[q]->effective_from,
      };

      liaison_pdf_add_row (pdf, row, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_add_row (pdf, total_row, LIAISON_PDF_ROW_BOLD);
  liaison_pdf_end_table (pdf);
  /* A period that cuts a quarter scores only its own days of it; the
   * loop above left @quarter one past the last. */
  if (score->n_quarters > 0)
    {
      g_autofree char *first = liaison_quarter_first_iso (score->first);
      g_autofree char *last = liaison_quarter_last_iso (liaison_quarter_previous (quarter));

      if (g_strcmp0 (first, record->from) != 0 || g_strcmp0 (last, record->to) != 0)
        liaison_pdf_add_paragraph (pdf, _("The period covers only part of its first or last quarter: "
                                          "those quarters count only the items dated in the period."));
    }
}

static void
add_activity_kinds (LiaisonPdf              *pdf,
                    const LiaisonDutyRecord *record)
{
  const LiaisonPdfColumn columns[] = {
    { _("Kind of activity"), 2.4, LIAISON_PDF_ALIGN_START },
    { _("Attended"), 1.0, LIAISON_PDF_ALIGN_END },
    { _("On leave"), 1.0, LIAISON_PDF_ALIGN_END },
    { _("Absent"), 1.0, LIAISON_PDF_ALIGN_END },
  };
  guint totals[LIAISON_N_ATTENDANCES] = { 0, };

  liaison_pdf_add_heading (pdf, 1, _("Activities by Kind and Attendance"));
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint k = 0; k <= LIAISON_N_ACTIVITY_KINDS; k++)
    {
      const guint *counts = k < LIAISON_N_ACTIVITY_KINDS ? record->activity_counts[k] : totals;
      char *cells[1 + LIAISON_N_ATTENDANCES] = { NULL, };
      const char *row[1 + LIAISON_N_ATTENDANCES];

      for (guint a = 0; a < LIAISON_N_ATTENDANCES; a++)
        {
          if (k < LIAISON_N_ACTIVITY_KINDS)
            totals[a] += counts[a];
          cells[1 + a] = g_strdup_printf ("%u", counts[a]);
          row[1 + a] = cells[1 + a];
        }
      row[0] = k < LIAISON_N_ACTIVITY_KINDS ? liaison_activity_kind_label (k) : _("Total");
      liaison_pdf_add_row (pdf, row, k < LIAISON_N_ACTIVITY_KINDS ? LIAISON_PDF_ROW_PLAIN : LIAISON_PDF_ROW_BOLD);
      for (guint a = 0; a < LIAISON_N_ATTENDANCES; a++)
        g_free (cells[1 + a]);
    }
  liaison_pdf_end_table (pdf);
}

typedef struct {
  const LiaisonDutyRecord *record;
} WriteJob;

static gboolean
write_archive (const char  *temporary,
               gpointer     user_data,
               GError     **error)
{
  const LiaisonDutyRecord *record = ((const WriteJob *) user_data)->record;
  g_autofree char *period = liaison_duty_archive_days (record->from, record->to);
  g_autofree char *title = g_strdup_printf (_("Duty Archive of %s, %s"), record->deputy->name, period);
  g_autofree char *generated = provenance (record);
  g_autoptr(LiaisonPdf) pdf = liaison_pdf_new (title, "Liaison " PACKAGE_VERSION);

  liaison_pdf_set_footer (pdf, generated, page_label, NULL);
  /* When and from what data: in every page's footer. */
  add_cover (pdf, record, period);
  add_summary (pdf, record);
  add_quarters (pdf, record);
  add_activity_kinds (pdf, record);
  liaison_duty_archive_add_points_lines (pdf, record);
  liaison_duty_archive_add_lists (pdf, record);
  return liaison_pdf_write (pdf, temporary, error);
}

gboolean
liaison_duty_archive_write (const LiaisonDutyRecord  *record,
                            const char               *path,
                            GError                  **error)
{
  WriteJob job = { record };

  g_return_val_if_fail (record != NULL && path != NULL, FALSE);
  return liaison_write_whole_file (path, write_archive, &job, error);
}
