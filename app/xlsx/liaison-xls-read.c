/* liaison-xls-read.c: an Excel 97-2003 workbook's first sheet as the CSV
 * reader's rows (see the header). libfreexl reads the OLE2 container and
 * the BIFF records, and converts the text (UTF-16, or an old code page
 * such as GBK) to UTF-8; this file turns its cells into text as
 * liaison-xlsx-read.c does for an .xlsx workbook. */
#define G_LOG_DOMAIN "liaison-xls"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-xls-read.h"
#include "liaison-xlsx-private.h"
#include "liaison-xlsx-read.h"

static const guint8 ole2_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

gboolean
liaison_xls_is_biff (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 magic[sizeof ole2_magic] = { 0 };
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL))
    return FALSE;
  return n == sizeof magic && memcmp (magic, ole2_magic, sizeof magic) == 0;
}

/* What libfreexl's error means, in the user's words. */
static const char *
freexl_reason (int status)
{
  switch (status)
    {
    case FREEXL_INSUFFICIENT_MEMORY:
      return _("it is too large");
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
      return _("it is not an Excel 97–2003 workbook (.xls)");
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return _("its text is in an encoding that cannot be read");
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
    case FREEXL_BIFF_ILLEGAL_SHEET_INDEX:
      return _("it holds no workbook with a sheet");
    default:
      return _("it is damaged or cut short");
    }
}

/* "2024-03-05 09:30:00" as "2024-03-05 09:30", "08:15:00" as "08:15":
 * the text an .xlsx workbook's date gives. */
static char *
datetime_text (const char *text)
{
  gsize length = strlen (text);

  if (length >= 8 && strcmp (text + length - 3, ":00") == 0 && text[length - 6] == ':')
    return g_strndup (text, length - 3);
  return g_strdup (text);
}

static char *
cell_text (const FreeXL_CellValue *cell)
{
  switch (cell->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", cell->value.int_value);
    case FREEXL_CELL_DOUBLE:
      return liaison_xlsx_number_text (cell->value.double_value, NULL);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
      return g_strdup (cell->value.text_value != NULL ? cell->value.text_value : "");
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return datetime_text (cell->value.text_value != NULL ? cell->value.text_value : "");
    default:
      return g_strdup ("");
    }
}

/* Row @row's cells as a LiaisonCsvRow, trailing empty cells dropped, or
 * NULL when it is blank. */
static LiaisonCsvRow *
read_row (const void     *handle,
          guint           row,
          guint           n_columns,
          int            *status)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint filled = 0;
  LiaisonCsvRow *result;

  for (guint column = 0; column < n_columns; column++)
    {
      FreeXL_CellValue cell = { .type = FREEXL_CELL_NULL };
      g_autofree char *trimmed = NULL;
      char *text;

      *status = freexl_get_cell_value (handle, row, (unsigned short) column, &cell);
      if (*status != FREEXL_OK)
        return NULL;
      text = cell_text (&cell);
      g_ptr_array_add (fields, text);
      trimmed = liaison_csv_trim (text);
      if (*trimmed != '\0')
        filled = column + 1;
    }
  if (filled == 0)
    return NULL;
  g_ptr_array_set_size (fields, filled);
  result = g_new0 (LiaisonCsvRow, 1);
  result->line = row + 1;
  result->fields = g_steal_pointer (&fields);
  return result;
}

static GPtrArray *
read_sheet (GFile       *file,
            const void  *handle,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  unsigned int password = 0;
  int status;

  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      liaison_xlsx_set_unreadable (file, error, _("it is protected by a password"));
      return NULL;
    }
  status = freexl_select_active_worksheet (handle, 0);
  if (status == FREEXL_OK)
    status = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  if (status != FREEXL_OK)
    {
      liaison_xlsx_set_unreadable (file, error, freexl_reason (status));
      return NULL;
    }
  if ((guint64) n_rows * n_columns > LIAISON_XLSX_MAX_CELLS)
    {
      liaison_xlsx_set_unreadable (file, error, _("its first sheet has more than four million cells"));
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_csv_row_free);
  for (guint row = 0; row < n_rows; row++)
    {
      LiaisonCsvRow *read = read_row (handle, row, n_columns, &status);

      if (status != FREEXL_OK)
        {
          liaison_xlsx_set_unreadable (file, error, freexl_reason (status));
          return NULL;
        }
      if (read != NULL)
        g_ptr_array_add (rows, read);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
liaison_xls_parse (GFile   *file,
                   GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  const void *handle = NULL;
  GPtrArray *rows;
  int status;

  if (path == NULL)
    {
      liaison_xlsx_set_unreadable (file, error, _("it is not a local file"));
      return NULL;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_IO,
                   _("Nothing was imported: “%s” could not be read: %s"), name, local_error->message);
      return NULL;
    }
  /* libfreexl keeps the whole workbook stream in memory. */
  if (g_file_info_get_size (info) > LIAISON_XLS_MAX_FILE_BYTES)
    {
      g_autofree char *why = g_strdup_printf (_("it is larger than %d MB"),
                                              LIAISON_XLS_MAX_FILE_BYTES / (1024 * 1024));

      liaison_xlsx_set_unreadable (file, error, why);
      return NULL;
    }
  if (!liaison_xls_is_biff (file))
    {
      liaison_xlsx_set_unreadable (file, error, freexl_reason (FREEXL_INVALID_CFBF_HEADER));
      return NULL;
    }

  status = freexl_open (path, &handle);
  if (status != FREEXL_OK)
    {
      /* libfreexl has freed what it opened, and left the handle NULL. */
      liaison_xlsx_set_unreadable (file, error, freexl_reason (status));
      return NULL;
    }
  rows = read_sheet (file, handle, error);
  freexl_close (handle);
  return rows;
}
