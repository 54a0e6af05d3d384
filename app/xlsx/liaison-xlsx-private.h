/* liaison-xlsx-private.h: what the two workbook readers of app/xlsx share,
 * the .xlsx one (liaison-xlsx-read.c) and the .xls one
 * (liaison-xls-read.c). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets LIAISON_CSV_ERROR_ENCODING: @file could not be read as an Excel
 * workbook, @why, and what to do. */
void  liaison_xlsx_set_unreadable (GFile       *file,
                                   GError     **error,
                                   const char  *why);
/* A number cell's text: a whole number as all its digits (a phone typed
 * as a number), others as @written (the file's text, or NULL) unless that
 * is in exponent form. */
char *liaison_xlsx_number_text    (double       value,
                                   const char  *written);

G_END_DECLS
