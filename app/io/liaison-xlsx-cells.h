/* liaison-xlsx-cells.h: what the workbooks and tables the io folder
 * writes share: a text's width in half-ems, and a date's text as a
 * workbook's date. */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* How wide @text sets, in half-ems: a Chinese (wide) character is two, a
 * digit or a Latin letter one; the widest of its lines. */
guint    liaison_text_width          (const char   *text);
/* @text ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM") as a workbook's date, and
 * whether it has a time; FALSE if it is neither. */
gboolean liaison_xlsx_parse_datetime (const char   *text,
                                      lxw_datetime *datetime,
                                      gboolean     *has_time);

/* The header row's format every workbook of Liaison's shares: bold, on
 * a light blue, with thin borders. Owned by @workbook. */
lxw_format *liaison_xlsx_header_format (lxw_workbook *workbook);
/* A column's width in Excel's units (about one Latin letter) for text
 * @text_width half-ems wide: a little room either side, no narrower than
 * a short word and no wider than half a screen. */
double      liaison_xlsx_column_width  (guint         text_width);

G_END_DECLS
