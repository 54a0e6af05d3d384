/* liaison-xls-read.h: reading an Excel 97-2003 workbook (.xls, BIFF8, and
 * the older BIFF versions) as the CSV reader's rows, through libfreexl.
 *
 * The first sheet's cells become LiaisonCsvRows (app/csv), as
 * liaison_xlsx_parse() does for an .xlsx workbook: text as it is, numbers
 * as their digits, a cell in a date format as "YYYY-MM-DD" or
 * "YYYY-MM-DD HH:MM" (libfreexl reads the workbook's date system), a time
 * alone as "HH:MM". Blank rows are skipped; each row's line is its row
 * number as the spreadsheet shows it. liaison_xlsx_read() calls this for
 * a file whose bytes are a BIFF workbook's.
 */
#pragma once

#include "liaison-csv.h"

G_BEGIN_DECLS

/* A larger .xls file is refused before it is opened. */
#define LIAISON_XLS_MAX_FILE_BYTES (64 * 1024 * 1024)

/* TRUE when @file's bytes start as an OLE2 compound file (the container
 * of an .xls workbook) does. */
gboolean   liaison_xls_is_biff (GFile *file);

/* The first sheet's non-blank rows, LiaisonCsvRow *s, or NULL with
 * LIAISON_CSV_ERROR_ENCODING (not a BIFF workbook, damaged, cut short,
 * protected by a password, over a cap) or LIAISON_CSV_ERROR_IO. */
GPtrArray *liaison_xls_parse   (GFile   *file,
                                GError **error);

G_END_DECLS
