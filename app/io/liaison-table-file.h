/* liaison-table-file.h: a table of text cells written as a workbook or a
 * CSV file that Excel and WPS open, in the ledger's shape: one sheet, the
 * header row bold and frozen (repeated on every printed page) with a
 * filter on each column, each column as wide as its widest text (a Chinese
 * character counting two), dates as dates, counts as numbers, everything
 * else text. The CSV file is UTF-8 with a BOM and CRLF. The ledger's
 * export (liaison-ledger-xlsx.c) and the follow-up lists'
 * (liaison-follow-up-export.c) write through it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LIAISON_TABLE_TEXT,
  LIAISON_TABLE_DATETIME,  /* "YYYY-MM-DD HH:MM" (or a date alone): a date cell shown yyyy-mm-dd hh:mm */
  LIAISON_TABLE_DATE,      /* "YYYY-MM-DD": a date cell shown yyyy-mm-dd */
  LIAISON_TABLE_COUNT,     /* a whole number of up to 9 digits is a number; other text stays text */
  LIAISON_TABLE_PHONE,     /* text; in CSV after a tab, so that Excel keeps a landline's leading 0 */
} LiaisonTableKind;

typedef struct {
  const char       *name;  /* the header */
  LiaisonTableKind  kind;
} LiaisonTableColumn;

/* Writes @rows (char **, @n_columns cells each; "" is a blank cell) under
 * @columns' names to @path as an XLSX workbook whose one sheet is
 * @sheet_name. Rows go to the file as they are written (libxlsxwriter's
 * constant memory mode). The caller makes it whole or nothing
 * (liaison_write_whole_file()). */
gboolean liaison_table_write_xlsx (const char               *path,
                                   const char               *sheet_name,
                                   const LiaisonTableColumn *columns,
                                   guint                     n_columns,
                                   GPtrArray                *rows,
                                   GError                  **error);
/* The same table as a CSV file's text: a BOM, the header, CRLF. */
GString *liaison_table_to_csv     (const LiaisonTableColumn *columns,
                                   guint                     n_columns,
                                   GPtrArray                *rows);

G_END_DECLS
