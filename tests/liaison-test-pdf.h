/* liaison-test-pdf.h: a PDF read back as a reader would, with the real
 * pdftotext (Debian's poppler-utils). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of @path by `pdftotext -layout`, each line with its runs of
 * spaces made one and trimmed, empty lines dropped, so that a table row
 * reads "1 张伟 9 3"; fails the test if @path is not a PDF that pdftotext
 * reads. */
char *liaison_test_pdf_text  (const char *path);

/* The same of page @page (from 1) alone (pdftotext -f -l). */
char *liaison_test_pdf_page_text (const char *path,
                                  guint       page);
/* How many pages @path has, as pdfinfo says. */
guint liaison_test_pdf_n_pages   (const char *path);

/* Whether @line is a whole line of @text. */
gboolean liaison_test_has_line (const char *text,
                                const char *line);

G_END_DECLS
