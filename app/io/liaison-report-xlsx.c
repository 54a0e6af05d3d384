/* liaison-report-xlsx.c: the dashboard as an XLSX workbook, through
 * libxlsxwriter: a sheet of the figures with their definitions, one per
 * breakdown, and the receptions and visitors by station and month. Each
 * sheet has a bold header row, frozen; its columns as wide as their
 * widest text (Chinese counted double); numbers as numbers, rates as
 * fractions shown as percentages. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "liaison-report-private.h"
#include "liaison-whole-file.h"
#include "liaison-xlsx-cells.h"

typedef struct {
  lxw_workbook  *workbook;
  lxw_format    *header;
  lxw_format    *percent;
  lxw_format    *total;
  lxw_format    *total_percent;
} Book;

/* A sheet whose widths follow what is written into it. */
typedef struct {
  lxw_worksheet *sheet;
  guint          widths[LIAISON_REPORT_N_COLUMNS + 1];
} Sheet;

static void
sheet_start (Sheet      *sheet,
             Book       *book,
             const char *name)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->sheet = workbook_add_worksheet (book->workbook, name);
  worksheet_freeze_panes (sheet->sheet, 1, 0);
  worksheet_set_paper (sheet->sheet, 9);  /* A4 */
  worksheet_set_landscape (sheet->sheet);
  worksheet_repeat_rows (sheet->sheet, 0, 0);
  /* Printed, every column on the page's width, the rows on as many
   * pages as they need. */
  worksheet_fit_to_pages (sheet->sheet, 1, 0);
}

static void
sheet_string (Sheet      *sheet,
              lxw_row_t   row,
              lxw_col_t   col,
              const char *text,
              lxw_format *format)
{
  worksheet_write_string (sheet->sheet, row, col, text, format);
  if (col < G_N_ELEMENTS (sheet->widths))
    sheet->widths[col] = MAX (sheet->widths[col], liaison_text_width (text));
}

static void
sheet_number (Sheet      *sheet,
              lxw_row_t   row,
              lxw_col_t   col,
              double      value,
              const char *shown,
              lxw_format *format)
{
  worksheet_write_number (sheet->sheet, row, col, value, format);
  if (col < G_N_ELEMENTS (sheet->widths))
    sheet->widths[col] = MAX (sheet->widths[col], liaison_text_width (shown));
}

static void
sheet_finish (Sheet *sheet,
              guint  n_columns)
{
  for (guint c = 0; c < n_columns && c < G_N_ELEMENTS (sheet->widths); c++)
    worksheet_set_column (sheet->sheet, c, c, liaison_xlsx_column_width (sheet->widths[c]), NULL);
}

/* One row of a breakdown: its label, then every column. */
static void
write_row (Book                      *book,
           Sheet                     *sheet,
           lxw_row_t                  row,
           const LiaisonDashboardRow *line,
           gboolean                   total)
{
  sheet_string (sheet, row, 0, line->label, total ? book->total : NULL);
  for (guint c = 0; c < LIAISON_REPORT_N_COLUMNS; c++)
    {
      g_autofree char *shown = liaison_report_column_text (c, line);
      double value;

      if (liaison_report_column_value (c, line, &value))
        sheet_number (sheet, row, c + 1, value, shown,
                      liaison_report_column_is_rate (c) ? (total ? book->total_percent : book->percent)
                                                        : (total ? book->total : NULL));
      else
        sheet_string (sheet, row, c + 1, shown, total ? book->total : NULL);
    }
}

static void
write_breakdown (Book             *book,
                 LiaisonDashboard *dashboard,
                 LiaisonBreakdown  breakdown)
{
  GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, breakdown);
  Sheet sheet;
  lxw_row_t row = 0;

  if (rows == NULL)
    return;
  sheet_start (&sheet, book, liaison_breakdown_label (breakdown));
  sheet_string (&sheet, row, 0, liaison_report_key_header (breakdown), book->header);
  for (guint c = 0; c < LIAISON_REPORT_N_COLUMNS; c++)
    sheet_string (&sheet, row, c + 1, liaison_report_column_label (c), book->header);
  for (guint i = 0; i < rows->len; i++)
    write_row (book, &sheet, ++row, g_ptr_array_index (rows, i), FALSE);
  write_row (book, &sheet, ++row, dashboard->total, TRUE);
  sheet_finish (&sheet, LIAISON_REPORT_N_COLUMNS + 1);
}

static void
write_figures (Book             *book,
               LiaisonDashboard *dashboard)
{
  static const LiaisonFigure figures[] = {
    LIAISON_FIGURE_COLLECTED, LIAISON_FIGURE_WITHDRAWN, LIAISON_FIGURE_RESOLVED,
    LIAISON_FIGURE_RATED, LIAISON_FIGURE_SATISFIED, LIAISON_FIGURE_REPLIED,
    LIAISON_FIGURE_REPLIED_IN_TIME, LIAISON_FIGURE_OVERDUE,
    LIAISON_FIGURE_RECEPTIONS, LIAISON_FIGURE_VISITORS,
  };
  g_autofree char *title = liaison_report_title (dashboard);
  g_autofree char *scope = liaison_report_scope (dashboard);
  Sheet sheet;
  lxw_row_t row = 0;

  sheet_start (&sheet, book, _("Figures"));
  sheet_string (&sheet, row, 0, C_("report column", "Figure"), book->header);
  sheet_string (&sheet, row, 1, _("Number"), book->header);
  sheet_string (&sheet, row, 2, _("Definition"), book->header);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *shown = g_strdup_printf ("%u", liaison_dashboard_row_count (dashboard->total, figures[i]));

      row++;
      sheet_string (&sheet, row, 0, liaison_figure_label (figures[i]), NULL);
      sheet_number (&sheet, row, 1, liaison_dashboard_row_count (dashboard->total, figures[i]), shown, NULL);
      sheet_string (&sheet, row, 2, liaison_figure_definition (figures[i]), NULL);
    }
  for (guint r = 0; r < LIAISON_N_RATES; r++)
    {
      g_autofree char *shown = liaison_rate_format (r, &dashboard->total->figures);
      guint numerator, denominator;

      row++;
      sheet_string (&sheet, row, 0, liaison_rate_label (r), NULL);
      if (liaison_rate_parts (r, &dashboard->total->figures, &numerator, &denominator))
        sheet_number (&sheet, row, 1, (double) numerator / denominator, shown, book->percent);
      else
        sheet_string (&sheet, row, 1, shown, NULL);
      sheet_string (&sheet, row, 2, liaison_rate_definition (r), NULL);
    }
  row += 2;
  sheet_string (&sheet, row, 0, title, book->total);
  sheet_string (&sheet, ++row, 0, scope, NULL);
  /* The title and the scope spill over; they do not widen the column. */
  sheet.widths[0] = 0;
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    sheet.widths[0] = MAX (sheet.widths[0], liaison_text_width (liaison_figure_label (figures[i])));
  for (guint r = 0; r < LIAISON_N_RATES; r++)
    sheet.widths[0] = MAX (sheet.widths[0], liaison_text_width (liaison_rate_label (r)));
  sheet_finish (&sheet, 2);
  /* A definition stays on one line, its column as wide as the longest:
   * a spreadsheet does not grow a row for text wrapped in a file it did
   * not lay out, and would show only a wrapped definition's last line. */
  worksheet_set_column (sheet.sheet, 2, 2, sheet.widths[2] + 2, NULL);
}

static void
write_station_months (Book             *book,
                      LiaisonDashboard *dashboard)
{
  Sheet sheet;
  lxw_row_t row = 0;

  sheet_start (&sheet, book, _("Receptions by station and month"));
  /* At a station's desk, one block: its own, under "Total". */
  sheet_string (&sheet, row, 0, _("Station"), book->header);
  sheet_string (&sheet, row, 1, _("Month"), book->header);
  sheet_string (&sheet, row, 2, liaison_figure_label (LIAISON_FIGURE_RECEPTIONS), book->header);
  sheet_string (&sheet, row, 3, liaison_figure_label (LIAISON_FIGURE_VISITORS), book->header);
  for (guint s = 0; s < (dashboard->by_station != NULL ? dashboard->by_station->len : 1); s++)
    {
      const LiaisonDashboardRow *station = dashboard->by_station != NULL
                                           ? g_ptr_array_index (dashboard->by_station, s) : dashboard->total;

      for (guint m = 0; m < dashboard->by_month->len; m++)
        {
          const LiaisonDashboardRow *month = g_ptr_array_index (dashboard->by_month, m);
          guint visitors;
          guint receptions = liaison_dashboard_station_month (dashboard, station->key, month->key, &visitors);
          g_autofree char *r = g_strdup_printf ("%u", receptions);
          g_autofree char *v = g_strdup_printf ("%u", visitors);

          row++;
          sheet_string (&sheet, row, 0, station->label, NULL);
          sheet_string (&sheet, row, 1, month->label, NULL);
          sheet_number (&sheet, row, 2, receptions, r, NULL);
          sheet_number (&sheet, row, 3, visitors, v, NULL);
        }
    }
  sheet_finish (&sheet, 4);
}

static gboolean
write_workbook (const char  *temporary,
                gpointer     data,
                GError     **error)
{
  LiaisonDashboard *dashboard = data;
  Book book = { workbook_new (temporary), };
  lxw_error status;

  if (book.workbook == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("The workbook could not be made."));
      return FALSE;
    }
  book.header = liaison_xlsx_header_format (book.workbook);
  book.percent = workbook_add_format (book.workbook);
  format_set_num_format (book.percent, "0.0%");
  book.total = workbook_add_format (book.workbook);
  format_set_bold (book.total);
  book.total_percent = workbook_add_format (book.workbook);
  format_set_bold (book.total_percent);
  format_set_num_format (book.total_percent, "0.0%");

  write_figures (&book, dashboard);
  for (LiaisonBreakdown b = LIAISON_BREAKDOWN_CATEGORY; b < LIAISON_N_BREAKDOWNS; b++)
    write_breakdown (&book, dashboard, b);
  write_station_months (&book, dashboard);

  status = workbook_close (book.workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
liaison_report_write_xlsx (LiaisonDashboard  *dashboard,
                           const char        *path,
                           GError           **error)
{
  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return liaison_write_whole_file (path, write_workbook, dashboard, error);
}
