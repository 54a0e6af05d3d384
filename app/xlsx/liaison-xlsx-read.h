/* liaison-xlsx-read.h: reading an Excel or WPS workbook (.xlsx) as the
 * CSV reader's rows.
 *
 * The first sheet's cells become LiaisonCsvRows (app/csv), so that an
 * import reads a workbook and a CSV file with the same code: shared and
 * inline strings as they are, numbers as their digits (a phone typed as a
 * number gives its eleven digits, not 1.38e10), numbers in a date format
 * as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (the 1900 date system, or 1904
 * when the workbook says so), booleans as TRUE or FALSE, formulas as their
 * cached value. Blank rows are skipped; each row's line is its row number
 * as the spreadsheet shows it.
 */
#pragma once

#include "liaison-csv.h"

G_BEGIN_DECLS

/* The caps against hostile files: a part of the zip bigger than this,
 * uncompressed, is refused before it is read (a zip bomb); so is a sheet
 * with more cells, counting the empty ones between cells. */
#define LIAISON_XLSX_MAX_PART_BYTES (64 * 1024 * 1024)
#define LIAISON_XLSX_MAX_CELLS      (4 * 1024 * 1024)

/* TRUE when @file's name ends in .xlsx or .xls (any case), or its bytes
 * start as a zip or an .xls workbook's do. */
gboolean   liaison_xlsx_is_workbook (GFile *file);

/* The first sheet's non-blank rows, LiaisonCsvRow *s. An unreadable file
 * (not a zip, no sheet, bad XML, over a cap) is LIAISON_CSV_ERROR_ENCODING
 * with a message that names the file and says what to do. */
GPtrArray *liaison_xlsx_parse       (GFile   *file,
                                     GError **error);

/* liaison_csv_read() for a workbook, .xlsx or .xls (liaison-xls-read.h):
 * its bytes say which, or else its name. The header is the first row that
 * names every required column (title rows above it, merged or not, are
 * skipped); row 0 of the result is that header, and the rows above it are
 * dropped. */
GPtrArray *liaison_xlsx_read        (GFile                  *file,
                                     const LiaisonCsvColumn *columns,
                                     guint                   n_columns,
                                     int                    *index,
                                     GError                **error);

G_END_DECLS
