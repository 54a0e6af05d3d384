/* liaison-points-xlsx.c: the quarterly group report as an XLSX workbook,
 * through libxlsxwriter: one sheet, the title across the top, Chinese
 * column headers frozen under it, each group's deputies by rank as numbers
 * (points with a decimal only where they have one), then the group's
 * total and average in bold; a closed quarter's section after them, its
 * points and days as numbers, its dates as dates. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "liaison-points-report.h"
#include "liaison-xlsx-cells.h"

/* Columns wide enough for a Chinese name and header in WPS and Excel. */
static const double column_widths[LIAISON_POINTS_REPORT_N_COLUMNS] = {
  18, 6, 12, 8, 10, 11, 11, 11, 10, 10, 10, 10, 10, 13,
};

/* A line of the closed section: words as text, numbers as numbers, dates
 * as dates; an empty cell blank. */
static void
write_closed_line (lxw_worksheet                 *sheet,
                   lxw_row_t                      row,
                   const LiaisonPointsReportLine *line,
                   lxw_format                    *format,
                   lxw_format                    *date,
                   lxw_format                    *time)
{
  for (lxw_col_t c = 0; line->cells[c] != NULL; c++)
    {
      const char *cell = line->cells[c];
      gboolean typed = line->kind == LIAISON_POINTS_REPORT_LINE_ROW;
      lxw_datetime datetime;
      gboolean has_time;

      if (*cell == '\0')
        continue;
      if (typed && (line->numbers & (1u << c)) != 0)
        worksheet_write_number (sheet, row, c, g_ascii_strtod (cell, NULL), format);
      else if (typed && (line->dates & (1u << c)) != 0 && liaison_xlsx_parse_datetime (cell, &datetime, &has_time))
        worksheet_write_datetime (sheet, row, c, &datetime, has_time ? time : date);
      else
        worksheet_write_string (sheet, row, c, cell, format);
    }
}

gboolean
liaison_points_report_write_xlsx (const LiaisonPointsReport *report,
                                  const char                *path,
                                  GError                   **error)
{
  lxw_workbook *workbook = workbook_new (path);
  g_autofree char *sheet_name = NULL;
  lxw_worksheet *sheet;
  lxw_format *title, *header, *total, *date, *time;
  lxw_row_t row = 0;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("The workbook could not be made."));
      return FALSE;
    }
  sheet_name = liaison_quarter_to_chinese (report->quarter);
  sheet = workbook_add_worksheet (workbook, sheet_name);

  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 16);
  format_set_align (title, LXW_ALIGN_CENTER);
  format_set_align (title, LXW_ALIGN_VERTICAL_CENTER);
  header = liaison_xlsx_header_format (workbook);
  format_set_align (header, LXW_ALIGN_CENTER);
  format_set_text_wrap (header);
  total = workbook_add_format (workbook);
  format_set_bold (total);
  format_set_top (total, LXW_BORDER_THIN);
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");
  time = workbook_add_format (workbook);
  format_set_num_format (time, "yyyy-mm-dd hh:mm");

  for (lxw_col_t c = 0; c < LIAISON_POINTS_REPORT_N_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, column_widths[c], NULL);
  worksheet_set_row (sheet, 0, 28, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, LIAISON_POINTS_REPORT_N_COLUMNS - 1, report->title, title);
  row = 1;
  for (lxw_col_t c = 0; c < LIAISON_POINTS_REPORT_N_COLUMNS; c++)
    worksheet_write_string (sheet, row, c, liaison_points_report_columns[c], header);
  worksheet_freeze_panes (sheet, 2, 0);
  /* Printed, every page repeats the headers, on landscape paper. */
  worksheet_repeat_rows (sheet, 1, 1);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);

  for (guint g = 0; g < report->groups->len; g++)
    {
      const LiaisonPointsReportGroup *section = g_ptr_array_index (report->groups, g);

      for (guint r = 0; r < section->rows->len; r++)
        {
          const LiaisonPointsReportRow *line = g_ptr_array_index (section->rows, r);

          row++;
          worksheet_write_string (sheet, row, 0, section->group->group, NULL);
          worksheet_write_number (sheet, row, 1, line->deputy->rank, NULL);
          worksheet_write_string (sheet, row, 2, line->deputy->name, NULL);
          worksheet_write_number (sheet, row, 3, liaison_points_report_value (line->deputy->total), NULL);
          worksheet_write_number (sheet, row, 4, line->deputy->duty_days, NULL);
          for (guint c = 0; c < LIAISON_N_POINTS_COUNTS; c++)
            worksheet_write_number (sheet, row, 5 + c, line->counts[c], NULL);
        }
      row++;
      worksheet_write_string (sheet, row, 0, section->group->group, total);
      worksheet_write_string (sheet, row, 2, "小组合计", total);
      worksheet_write_number (sheet, row, 3, liaison_points_report_value (section->group->total), total);
      row++;
      worksheet_write_string (sheet, row, 0, section->group->group, total);
      worksheet_write_string (sheet, row, 2, "小组平均", total);
      worksheet_write_number (sheet, row, 3, liaison_points_report_value (section->group->average), total);
    }

  /* A closed quarter: its section after an empty row, the words as the
   * CSV's, the headings bold. */
  row++;
  for (guint i = 0; report->closed != NULL && i < report->closed->lines->len; i++)
    {
      const LiaisonPointsReportLine *line = g_ptr_array_index (report->closed->lines, i);
      lxw_format *format = line->kind == LIAISON_POINTS_REPORT_LINE_TITLE ? total
                           : line->kind == LIAISON_POINTS_REPORT_LINE_HEADER ? header : NULL;

      row++;
      write_closed_line (sheet, row, line, format, date, time);
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
