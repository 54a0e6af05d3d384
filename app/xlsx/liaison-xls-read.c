/* liaison-xls-read.c: an Excel 97-2003 workbook's first sheet as the CSV
 * reader's rows (see the header). libfreexl reads the OLE2 container and
 * the BIFF records and converts the text (UTF-16, or an old code page
 * such as GBK) to UTF-8, in liaison-xls-reader, a process of its own
 * (liaison-xls-protocol.h says why); this file runs it and checks every
 * byte of what it answers before a row is believed. */
#define G_LOG_DOMAIN "liaison-xls"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-build-tree.h"
#include "liaison-xls-protocol.h"
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

/* What the reader's outcome means, in the user's words. */
static const char *
outcome_reason (LiaisonXlsOutcome outcome)
{
  switch (outcome)
    {
    case LIAISON_XLS_OUTCOME_TOO_LARGE:
      return _("it is too large");
    case LIAISON_XLS_OUTCOME_NOT_XLS:
      return _("it is not an Excel 97–2003 workbook (.xls)");
    case LIAISON_XLS_OUTCOME_ENCODING:
      return _("its text is in an encoding that cannot be read");
    case LIAISON_XLS_OUTCOME_NO_SHEET:
      return _("it holds no workbook with a sheet");
    case LIAISON_XLS_OUTCOME_PASSWORD:
      return _("it is protected by a password");
    case LIAISON_XLS_OUTCOME_TOO_MANY_CELLS:
      return _("its first sheet has more than four million cells");
    case LIAISON_XLS_OUTCOME_OK:
    case LIAISON_XLS_OUTCOME_DAMAGED:
    case LIAISON_XLS_N_OUTCOMES:
    default:
      return _("it is damaged or cut short");
    }
}

/* The reader built next to this program, or the installed one. */
static const char *
reader_path (void)
{
  return liaison_build_tree_is_running () ? BUILD_XLS_READER : LIBEXECDIR "/liaison-xls-reader";
}

/* The cells of one row, after its 'R': NULL with @outcome set when the
 * stream breaks a rule. */
static LiaisonCsvRow *
read_row (GDataInputStream  *stream,
          guint             *last_line,
          guint64           *n_cells,
          LiaisonXlsOutcome *outcome)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint32 line = g_data_input_stream_read_uint32 (stream, NULL, NULL);
  guint32 n_fields = g_data_input_stream_read_uint32 (stream, NULL, NULL);
  LiaisonCsvRow *row;

  *outcome = LIAISON_XLS_OUTCOME_DAMAGED;
  if (line <= *last_line || n_fields == 0 || n_fields > LIAISON_XLS_MAX_COLUMNS ||
      *n_cells + n_fields > LIAISON_XLSX_MAX_CELLS)
    return NULL;
  for (guint32 i = 0; i < n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 length = g_data_input_stream_read_uint32 (stream, NULL, &error);
      g_autofree char *text = NULL;
      gsize n_read = 0;

      if (error != NULL || length > LIAISON_XLS_MAX_CELL_BYTES)
        return NULL;
      text = g_malloc (length + 1);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), text, length, &n_read, NULL, NULL) ||
          n_read != length)
        return NULL;
      text[length] = '\0';
      if (!g_utf8_validate_len (text, length, NULL))
        {
          *outcome = LIAISON_XLS_OUTCOME_ENCODING;
          return NULL;
        }
      g_ptr_array_add (fields, g_steal_pointer (&text));
    }
  *last_line = line;
  *n_cells += n_fields;
  *outcome = LIAISON_XLS_OUTCOME_OK;
  row = g_new0 (LiaisonCsvRow, 1);
  row->line = line;
  row->fields = g_steal_pointer (&fields);
  return row;
}

/* The reader's rows, or NULL with @outcome saying why not. */
static GPtrArray *
read_stream (GInputStream      *output,
             LiaisonXlsOutcome *outcome)
{
  g_autoptr(GDataInputStream) stream = g_data_input_stream_new (output);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_csv_row_free);
  guint last_line = 0;
  guint64 n_cells = 0;
  guint8 extra;

  g_data_input_stream_set_byte_order (stream, G_DATA_STREAM_BYTE_ORDER_BIG_ENDIAN);
  *outcome = LIAISON_XLS_OUTCOME_DAMAGED;
  if (g_data_input_stream_read_uint32 (stream, NULL, NULL) != LIAISON_XLS_MAGIC)
    return NULL;
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      guint32 tag = g_data_input_stream_read_uint32 (stream, NULL, &error);
      LiaisonCsvRow *row;

      if (error != NULL)
        return NULL;
      if (tag == LIAISON_XLS_TAG_END)
        break;
      if (tag != LIAISON_XLS_TAG_ROW)
        return NULL;

      row = read_row (stream, &last_line, &n_cells, outcome);
      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }

  {
    g_autoptr(GError) error = NULL;
    guint32 end = g_data_input_stream_read_uint32 (stream, NULL, &error);

    /* Nothing may follow the end. */
    if (error != NULL || end >= LIAISON_XLS_N_OUTCOMES ||
        g_input_stream_read (G_INPUT_STREAM (stream), &extra, 1, NULL, NULL) != 0)
      return NULL;
    *outcome = end;
  }
  return *outcome == LIAISON_XLS_OUTCOME_OK ? g_steal_pointer (&rows) : NULL;
}

/* Runs liaison-xls-reader on @path: its rows, or NULL with @error. */
static GPtrArray *
run_reader (GFile       *file,
            const char  *path,
            GError     **error)
{
  g_autoptr(GSubprocess) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  LiaisonXlsOutcome outcome = LIAISON_XLS_OUTCOME_DAMAGED;

  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &local_error, reader_path (), path, NULL);
  if (reader == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_IO,
                   _("Nothing was imported: “%s” could not be read: the Excel 97–2003 reader could not be started: %s"),
                   name, local_error->message);
      return NULL;
    }
  rows = read_stream (g_subprocess_get_stdout_pipe (reader), &outcome);
  if (rows == NULL)
    g_subprocess_force_exit (reader);
  /* A reader that crashed after writing a whole answer is not trusted
   * either. */
  if (!g_subprocess_wait (reader, NULL, NULL) || !g_subprocess_get_successful (reader))
    {
      if (g_subprocess_get_if_signaled (reader))
        g_debug ("the .xls reader stopped on signal %d", g_subprocess_get_term_sig (reader));
      if (rows != NULL)
        {
          g_clear_pointer (&rows, g_ptr_array_unref);
          outcome = LIAISON_XLS_OUTCOME_DAMAGED;
        }
    }
  if (rows == NULL)
    liaison_xlsx_set_unreadable (file, error, outcome_reason (outcome));
  return g_steal_pointer (&rows);
}
GPtrArray *
liaison_xls_parse (GFile   *file,
                   GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

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
      liaison_xlsx_set_unreadable (file, error, outcome_reason (LIAISON_XLS_OUTCOME_NOT_XLS));
      return NULL;
    }

  return run_reader (file, path, error);
}
