/* liaison-xls-reader.c: the program that reads an Excel 97-2003 workbook
 * (.xls) with libfreexl and writes its first sheet's cells in the form
 * liaison-xls-protocol.h describes. liaison-xls-read.c runs it for every
 * .xls file, so that a workbook that makes libfreexl read out of bounds
 * crashes this process alone.
 *
 * Usage: liaison-xls-reader FILE.xls */
#define G_LOG_DOMAIN "liaison-xls-reader"

#include "config.h"

#include <freexl.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "liaison-xls-protocol.h"
#include "liaison-xlsx-private.h"
#include "liaison-xlsx-read.h"

static void
write_number (guint32 value)
{
  guint32 big = GUINT32_TO_BE (value);

  fwrite (&big, sizeof big, 1, stdout);
}

static LiaisonXlsOutcome
outcome_of (int status)
{
  switch (status)
    {
    case FREEXL_OK:
      return LIAISON_XLS_OUTCOME_OK;
    case FREEXL_INSUFFICIENT_MEMORY:
      return LIAISON_XLS_OUTCOME_TOO_LARGE;
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
      return LIAISON_XLS_OUTCOME_NOT_XLS;
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return LIAISON_XLS_OUTCOME_ENCODING;
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
    case FREEXL_BIFF_ILLEGAL_SHEET_INDEX:
      return LIAISON_XLS_OUTCOME_NO_SHEET;
    default:
      return LIAISON_XLS_OUTCOME_DAMAGED;
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

/* Writes row @row unless it is blank; a blank cell is one of white space
 * alone, as the CSV reader trims it. */
static int
write_row (const void *handle,
           guint       row,
           guint       n_columns)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint filled = 0;

  for (guint column = 0; column < n_columns; column++)
    {
      FreeXL_CellValue cell = { .type = FREEXL_CELL_NULL };
      g_autofree char *trimmed = NULL;
      int status = freexl_get_cell_value (handle, row, (unsigned short) column, &cell);
      char *text;

      if (status != FREEXL_OK)
        return status;
      text = cell_text (&cell);
      g_ptr_array_add (cells, text);
      trimmed = liaison_csv_trim (text);
      if (*trimmed != '\0')
        filled = column + 1;
    }
  if (filled == 0)
    return FREEXL_OK;

  write_number (LIAISON_XLS_TAG_ROW);
  write_number (row + 1);
  write_number (filled);
  for (guint column = 0; column < filled; column++)
    {
      const char *text = g_ptr_array_index (cells, column);
      gsize length = strlen (text);

      write_number ((guint32) length);
      fwrite (text, 1, length, stdout);
    }
  return FREEXL_OK;
}

static LiaisonXlsOutcome
write_sheet (const void *handle)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  unsigned int password = 0;
  int status;

  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    return LIAISON_XLS_OUTCOME_PASSWORD;
  status = freexl_select_active_worksheet (handle, 0);
  if (status == FREEXL_OK)
    status = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  if (status != FREEXL_OK)
    return outcome_of (status);
  if ((guint64) n_rows * n_columns > LIAISON_XLSX_MAX_CELLS)
    return LIAISON_XLS_OUTCOME_TOO_MANY_CELLS;

  for (guint row = 0; row < n_rows; row++)
    {
      status = write_row (handle, row, n_columns);
      if (status != FREEXL_OK)
        return outcome_of (status);
    }
  return LIAISON_XLS_OUTCOME_OK;
}

int
main (int   argc,
      char *argv[])
{
  /* A workbook that sends libfreexl round a loop is stopped. */
  struct rlimit cpu = { LIAISON_XLS_MAX_CPU_SECONDS, LIAISON_XLS_MAX_CPU_SECONDS };
  LiaisonXlsOutcome outcome;
  const void *handle = NULL;
  int status;

  setrlimit (RLIMIT_CPU, &cpu);
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE.xls\n", argv[0]);
      return 2;
    }

  write_number (LIAISON_XLS_MAGIC);
  status = freexl_open (argv[1], &handle);
  if (status == FREEXL_OK)
    {
      outcome = write_sheet (handle);
      freexl_close (handle);
    }
  else
    {
      /* libfreexl has freed what it opened, and left the handle NULL. */
      outcome = outcome_of (status);
    }
  write_number (LIAISON_XLS_TAG_END);
  write_number (outcome);
  return fflush (stdout) == 0 ? 0 : 1;
}
