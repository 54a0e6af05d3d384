/* liaison-ledger-xlsx.c: the reception ledger as an XLSX workbook, through
 * libxlsxwriter: one sheet, the CSV's columns (liaison-ledger-columns.c)
 * under a bold header row frozen at the top, each column as wide as its
 * widest text (a Chinese character counting two), 接待日期 a date and
 * time, a single 人数 a number, every other cell (phones too) text. The
 * cells hold what the CSV's do, so that both formats agree. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "liaison-ledger-private.h"
#include "liaison-xlsx-cells.h"

/* Column widths, in Excel's units (about one Latin letter): a little
 * room either side, and no column wider than a screen's half. */
#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define PADDING   2

static gboolean
is_count (const char *text)
{
  if (*text == '\0' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
set_widths (lxw_worksheet *sheet,
            GPtrArray     *rows)
{
  guint widths[N_RECEPTION_COLUMNS];

  for (guint c = 0; c < N_RECEPTION_COLUMNS; c++)
    widths[c] = liaison_text_width (liaison_ledger_reception_columns[c].zh);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_RECEPTION_COLUMNS; c++)
        widths[c] = MAX (widths[c], liaison_text_width (cells[c]));
    }
  for (guint c = 0; c < N_RECEPTION_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, CLAMP (widths[c] + PADDING, MIN_WIDTH, MAX_WIDTH), NULL);
}

static lxw_error
write_cell (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *cell,
            lxw_format    *date)
{
  lxw_datetime datetime;
  gboolean has_time;

  if (*cell == '\0')
    return LXW_NO_ERROR;
  if (column == RC_DATE && liaison_xlsx_parse_datetime (cell, &datetime, &has_time))
    return worksheet_write_datetime (sheet, row, column, &datetime, date);
  if (column == RC_PARTY_SIZE && is_count (cell))
    return worksheet_write_number (sheet, row, column, g_ascii_strtod (cell, NULL), NULL);
  return worksheet_write_string (sheet, row, column, cell, NULL);
}

gboolean
liaison_ledger_write_xlsx (GPtrArray   *rows,
                           const char  *path,
                           GError     **error)
{
  /* Rows go to the file as they are written: 100,000 receptions need
   * no more memory than one. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet;
  lxw_format *header, *date;
  lxw_error status = LXW_NO_ERROR;

  if (workbook == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("The workbook could not be made."));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, "接待台账");
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_border (header, LXW_BORDER_THIN);
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd hh:mm");

  set_widths (sheet, rows);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_autofilter (sheet, 0, 0, rows->len, N_RECEPTION_COLUMNS - 1);
  for (lxw_col_t c = 0; c < N_RECEPTION_COLUMNS; c++)
    worksheet_write_string (sheet, 0, c, liaison_ledger_reception_columns[c].zh, header);

  for (guint r = 0; r < rows->len && status == LXW_NO_ERROR; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (lxw_col_t c = 0; c < N_RECEPTION_COLUMNS && status == LXW_NO_ERROR; c++)
        status = write_cell (sheet, r + 1, c, cells[c], date);
    }

  if (status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (status));
      workbook_close (workbook);
      return FALSE;
    }
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
