/* liaison-table-file.c: a table of text cells as an XLSX workbook
 * (libxlsxwriter) or CSV text, in the ledger's shape (see the header). */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "liaison-csv.h"
#include "liaison-table-file.h"
#include "liaison-xlsx-cells.h"


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
set_widths (lxw_worksheet            *sheet,
            const LiaisonTableColumn *columns,
            guint                     n_columns,
            GPtrArray                *rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = liaison_text_width (columns[c].name);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], liaison_text_width (cells[c]));
    }
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, c, c, liaison_xlsx_column_width (widths[c]), NULL);
}

static lxw_error
write_cell (lxw_worksheet    *sheet,
            lxw_row_t         row,
            lxw_col_t         column,
            LiaisonTableKind  kind,
            const char       *cell,
            lxw_format       *datetime_format,
            lxw_format       *date_format)
{
  lxw_datetime datetime;
  gboolean has_time;

  if (*cell == '\0')
    return LXW_NO_ERROR;
  if ((kind == LIAISON_TABLE_DATETIME || kind == LIAISON_TABLE_DATE) &&
      liaison_xlsx_parse_datetime (cell, &datetime, &has_time))
    return worksheet_write_datetime (sheet, row, column, &datetime,
                                     kind == LIAISON_TABLE_DATETIME ? datetime_format : date_format);
  if (kind == LIAISON_TABLE_COUNT && is_count (cell))
    return worksheet_write_number (sheet, row, column, g_ascii_strtod (cell, NULL), NULL);
  return worksheet_write_string (sheet, row, column, cell, NULL);
}

gboolean
liaison_table_write_xlsx (const char               *path,
                          const char               *sheet_name,
                          const LiaisonTableColumn *columns,
                          guint                     n_columns,
                          GPtrArray                *rows,
                          GError                  **error)
{
  /* Rows go to the file as they are written: 100,000 rows need no more
   * memory than one. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet;
  lxw_format *header, *datetime_format, *date_format;
  lxw_error status = LXW_NO_ERROR;

  if (workbook == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("The workbook could not be made."));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, sheet_name);
  header = liaison_xlsx_header_format (workbook);
  datetime_format = workbook_add_format (workbook);
  format_set_num_format (datetime_format, "yyyy-mm-dd hh:mm");
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");

  set_widths (sheet, columns, n_columns, rows);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_autofilter (sheet, 0, 0, rows->len, n_columns - 1);
  for (lxw_col_t c = 0; c < n_columns; c++)
    worksheet_write_string (sheet, 0, c, columns[c].name, header);

  for (guint r = 0; r < rows->len && status == LXW_NO_ERROR; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (lxw_col_t c = 0; c < n_columns && status == LXW_NO_ERROR; c++)
        status = write_cell (sheet, r + 1, c, columns[c].kind, cells[c], datetime_format, date_format);
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

GString *
liaison_table_to_csv (const LiaisonTableColumn *columns,
                      guint                     n_columns,
                      GPtrArray                *rows)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      liaison_csv_append_field (out, columns[c].name);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          /* A tab keeps Excel from reading the number as a number. */
          if (columns[c].kind == LIAISON_TABLE_PHONE && *cells[c] != '\0')
            {
              g_autofree char *phone = g_strconcat ("\t", cells[c], NULL);

              liaison_csv_append_field (out, phone);
            }
          else
            liaison_csv_append_field (out, cells[c]);
        }
      g_string_append (out, "\r\n");
    }
  return out;
}
