/* liaison-points-csv.c: the quarterly group report as CSV, UTF-8 with a
 * BOM so that Excel and WPS on a Chinese Windows read it as UTF-8: the
 * title, the column headers, then each group's deputies by rank followed
 * by the group's total and average; a closed quarter's section after them. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-csv.h"
#include "liaison-points-report.h"

static void
append_row (GString     *out,
            const char **fields,
            guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      liaison_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

char *
liaison_points_report_to_csv (const LiaisonPointsReport *report,
                              gsize                     *length)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *title[] = { report->title };

  append_row (out, title, 1);
  append_row (out, (const char **) liaison_points_report_columns, LIAISON_POINTS_REPORT_N_COLUMNS);

  for (guint g = 0; g < report->groups->len; g++)
    {
      const LiaisonPointsReportGroup *section = g_ptr_array_index (report->groups, g);
      g_autofree char *total = liaison_points_format (section->group->total);
      g_autofree char *average = liaison_points_format (section->group->average);
      const char *total_row[] = { section->group->group, "", "小组合计", total };
      const char *average_row[] = { section->group->group, "", "小组平均", average };

      for (guint r = 0; r < section->rows->len; r++)
        {
          const LiaisonPointsReportRow *row = g_ptr_array_index (section->rows, r);
          char *cells[LIAISON_POINTS_REPORT_N_COLUMNS] = { NULL, };
          const char *fields[LIAISON_POINTS_REPORT_N_COLUMNS];

          cells[1] = g_strdup_printf ("%u", row->deputy->rank);
          cells[3] = liaison_points_format (row->deputy->total);
          cells[4] = g_strdup_printf ("%u", row->deputy->duty_days);
          for (guint c = 0; c < LIAISON_N_POINTS_COUNTS; c++)
            cells[5 + c] = g_strdup_printf ("%u", row->counts[c]);
          for (guint c = 0; c < LIAISON_POINTS_REPORT_N_COLUMNS; c++)
            fields[c] = cells[c];
          fields[0] = section->group->group;
          fields[2] = row->deputy->name;
          append_row (out, fields, LIAISON_POINTS_REPORT_N_COLUMNS);
          for (guint c = 0; c < LIAISON_POINTS_REPORT_N_COLUMNS; c++)
            g_free (cells[c]);
        }
      append_row (out, total_row, G_N_ELEMENTS (total_row));
      append_row (out, average_row, G_N_ELEMENTS (average_row));
    }

  /* A closed quarter: its section after an empty line. */
  for (guint i = 0; report->closed != NULL && i < report->closed->lines->len; i++)
    {
      const LiaisonPointsReportLine *line = g_ptr_array_index (report->closed->lines, i);

      if (i == 0)
        g_string_append (out, "\r\n");
      append_row (out, (const char **) line->cells, g_strv_length (line->cells));
    }

  *length = out->len;
  return g_string_free (out, FALSE);
}
