/* liaison-ledger-columns.c: the ledger's columns as a file may name them,
 * the file read through the project's CSV reader, a bad row's reasons,
 * each naming its column, and the imports' all-or-nothing save. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-ledger-private.h"
#include "liaison-xlsx-read.h"

const ColumnSpec liaison_ledger_reception_columns[N_RECEPTION_COLUMNS] = {
  [RC_DATE]       = { "接待日期", "date",       "接待时间|日期|received_at|reception date", TRUE },
  [RC_DEPUTIES]   = { "接待代表", "deputies",   "代表|deputy", TRUE },
  [RC_VISITOR]    = { "来访人",   "visitor",    "来访群众|visitors", FALSE },
  [RC_PHONE]      = { "联系电话", "phone",      "电话", FALSE },
  [RC_PARTY_SIZE] = { "人数",     "party size", "来访人数|party_size", FALSE },
  [RC_COMMUNITY]  = { "所在社区", "community",  "社区", TRUE },
  [RC_CATEGORY]   = { "类别",     "category",   "类型", TRUE },
  [RC_CONTENT]    = { "反映内容", "content",    "summary", TRUE },
  [RC_HANDLING]   = { "办理情况", "handling",   "", FALSE },
  [RC_CHANNEL]    = { "接待方式", "channel",    "", FALSE },
  [RC_CONSENT]    = { "同意联系", "consent",    "", FALSE },
  [RC_ON_SPOT]    = { "当场办结", "handled on the spot", "handled_on_spot|on the spot", FALSE },
  [RC_PLACE]      = { "地点",     "place",      "接待地点|流动办公桌地点", FALSE },
  [RC_OCCASION]   = { "场合",     "occasion",   "活动形式", FALSE },
};

const ColumnSpec liaison_ledger_deputy_columns[N_DEPUTY_COLUMNS] = {
  [DC_NAME]      = { "姓名",     "name",      "代表姓名", TRUE },
  [DC_LEVEL]     = { "层级",     "level",     "代表层级|级别", TRUE },
  [DC_GROUP]     = { "代表小组", "group",     "小组|deputy group", FALSE },
  [DC_STATION]   = { "联络站",   "station",   "", FALSE },
  [DC_SPECIALTY] = { "专业",     "specialty", "", FALSE },
  [DC_PHONE]     = { "电话",     "phone",     "联系电话", FALSE },
};

int
liaison_ledger_field_column (const char        *field,
                             const FieldColumn *map,
                             guint              n_map,
                             const int         *column)
{
  const char *dot = strrchr (field, '.');
  const char *key = g_str_has_prefix (field, "visitor.") && dot != NULL ? dot + 1 : field;

  for (guint i = 0; i < n_map; i++)
    if (strcmp (key, map[i].field) == 0)
      return column[map[i].column];
  return -1;
}

/* What the file calls @column, for messages. */
char *
liaison_ledger_column_name (const CsvRow *header,
                            int           column)
{
  return liaison_csv_cell (header, column);
}

/* Bad rows: each reason names its column, and liaison-import-problems.c
 * keeps every (line, column, reason) once and reports them. */

/* Adds why a row is bad, about @column (-1: the row as a whole). */
void
liaison_ledger_add_reason (GPtrArray    *reasons,
                           const CsvRow *header,
                           int           column,
                           const char   *format,
                           ...)
{
  g_autofree char *name = liaison_ledger_column_name (header, column);
  va_list args;

  va_start (args, format);
  liaison_import_reasons_add_valist (reasons, name, format, args);
  va_end (args);
}

void
liaison_ledger_add_empty_reason (GPtrArray    *reasons,
                                 const CsvRow *header,
                                 int           column)
{
  g_autofree char *name = liaison_ledger_column_name (header, column);

  /* Translators: %s is the column's name as the file's first row gives it */
  liaison_ledger_add_reason (reasons, header, column, _("the “%s” cell is empty"), name);
}

/* Reads the file and its header. */
GPtrArray *
liaison_ledger_read_rows (GFile              *file,
                          const ColumnSpec   *specs,
                          guint               n_specs,
                          int                *index,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  /* A workbook (.xlsx) is read into the same rows as a CSV file. */
  GPtrArray *rows = liaison_xlsx_is_workbook (file)
                    ? liaison_xlsx_read (file, specs, n_specs, index, &local_error)
                    : liaison_csv_read (file, specs, n_specs, index, &local_error);

  if (rows == NULL)
    {
      /* The ledger keeps its own error codes: callers and tests match them. */
      static const LiaisonLedgerError codes[] = {
        [LIAISON_CSV_ERROR_ENCODING] = LIAISON_LEDGER_ERROR_ENCODING,
        [LIAISON_CSV_ERROR_HEADER]   = LIAISON_LEDGER_ERROR_HEADER,
        [LIAISON_CSV_ERROR_SYNTAX]   = LIAISON_LEDGER_ERROR_ROWS,
        [LIAISON_CSV_ERROR_IO]       = LIAISON_LEDGER_ERROR_IO,
      };
      int code = LIAISON_LEDGER_ERROR_IO;

      if (local_error->domain == LIAISON_CSV_ERROR &&
          local_error->code >= 0 && (guint) local_error->code < G_N_ELEMENTS (codes))
        code = codes[local_error->code];
      g_set_error_literal (error, LIAISON_LEDGER_ERROR, code, local_error->message);
    }
  return rows;
}

GPtrArray *
liaison_ledger_start_import (GFile                  *file,
                             const ColumnSpec       *specs,
                             guint                   n_specs,
                             int                    *index,
                             LiaisonImportProblems  *problems,
                             guint                  *n_imported,
                             GError                **error)
{
  liaison_import_problems_clear (problems);
  if (n_imported != NULL)
    *n_imported = 0;
  return liaison_ledger_read_rows (file, specs, n_specs, index, error);
}

gboolean
liaison_ledger_import_rows (LiaisonStore           *store,
                            GFile                  *file,
                            GPtrArray              *rows,
                            LedgerRowFunc           make,
                            gpointer                data,
                            GDestroyNotify          free_record,
                            LedgerSaveFunc          save,
                            LedgerSkipFunc          skip,
                            GArray                 *already,
                            LiaisonImportProblems  *problems,
                            guint                  *n_imported,
                            GError                **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_record);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  const CsvRow *header = g_ptr_array_index (rows, 0);

  for (guint i = 1; i < rows->len; i++)
    {
      const CsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) reasons = liaison_import_reasons_new ();
      gpointer record = make (data, header, row, reasons);

      if (record != NULL)
        {
          g_ptr_array_add (records, record);
          g_array_append_val (lines, row->line);
        }
      else
        liaison_import_problems_add_row (problems, row->line, reasons);
    }

  if (!liaison_import_problems_check (problems, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS, error))
    return FALSE;

  if (!liaison_store_begin (store, error))
    return FALSE;
  /* Inside the transaction, so that what is skipped is what the store
   * holds when the rest is written. */
  if (skip != NULL && !skip (store, records, lines, skipped, error))
    {
      liaison_store_rollback (store);
      g_prefix_error (error, _("Nothing was imported: "));
      return FALSE;
    }
  for (guint i = 0; i < records->len; i++)
    {
      if (!save (store, g_ptr_array_index (records, i), error))
        {
          liaison_store_rollback (store);
          g_prefix_error (error, _("Nothing was imported: line %u could not be saved: "),
                          g_array_index (lines, guint, i));
          return FALSE;
        }
    }
  if (!liaison_store_commit (store, error))
    {
      g_prefix_error (error, _("Nothing was imported: "));
      return FALSE;
    }

  if (n_imported != NULL)
    *n_imported = records->len;
  if (already != NULL)
    g_array_append_vals (already, skipped->data, skipped->len);
  return TRUE;
}
