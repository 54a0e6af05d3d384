/* liaison-pdf.h: a small A4 PDF document, drawn with cairo and pango in
 * the Noto Sans CJK SC font (embedded, as a subset, by cairo): headings,
 * paragraphs, tables that break across pages repeating their header row,
 * forms (rows of fields, boxes to write in, lines to sign on), bar charts,
 * and a footer on every page with "page N of M".
 *
 * The caller adds blocks in reading order, then writes the document; the
 * pages are laid out twice, once to count them and once to draw them, so
 * that every footer knows the number of pages. A page can also be drawn
 * alone on any cairo_t (a print operation's page, see
 * liaison_pdf_draw_page()), so that printing and the PDF are one drawing.
 * The words are the caller's: this folder translates nothing.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _LiaisonPdf LiaisonPdf;

typedef enum {
  LIAISON_PDF_ALIGN_START,
  LIAISON_PDF_ALIGN_CENTER,
  LIAISON_PDF_ALIGN_END,
} LiaisonPdfAlign;

typedef struct {
  const char      *header;
  double           width;   /* a share of the text width, relative to the other columns */
  LiaisonPdfAlign  align;
} LiaisonPdfColumn;

typedef enum {
  LIAISON_PDF_ROW_PLAIN  = 0,
  LIAISON_PDF_ROW_BOLD   = 1 << 0,  /* a total */
  /* A form's row: each field's name (bold, shaded) then its value, and so
   * on; a NULL cell is covered by the cell before it, which widens. */
  LIAISON_PDF_ROW_FIELDS = 1 << 1,
} LiaisonPdfRowFlags;

/* The footer's page words, such as "第 3 页，共 12 页": a new string. */
typedef char *(*LiaisonPdfPageLabel) (guint    page,
                                      guint    n_pages,
                                      gpointer user_data);

/* @title and @creator go in the file's metadata. */
LiaisonPdf *liaison_pdf_new         (const char             *title,
                                     const char             *creator);
void        liaison_pdf_free        (LiaisonPdf             *pdf);

/* The pages on their side (A4 landscape), for a wide table; before any
 * table is begun. */
void        liaison_pdf_set_landscape (LiaisonPdf           *pdf,
                                       gboolean              landscape);

/* A line at the foot of every page, left, and the page words, right. */
void        liaison_pdf_set_footer  (LiaisonPdf             *pdf,
                                     const char             *text,
                                     LiaisonPdfPageLabel     page_label,
                                     gpointer                user_data);

/* A big centred title, as on a cover. */
void        liaison_pdf_add_title   (LiaisonPdf             *pdf,
                                     const char             *text);
/* Level 1 (a section) or 2 (a part of one); kept with what follows. */
void        liaison_pdf_add_heading (LiaisonPdf             *pdf,
                                     guint                   level,
                                     const char             *text);
/* A form's title, centred at the top of its page, with @over (may be
 * NULL), such as who issues the form, above it in smaller type. */
void        liaison_pdf_add_page_title (LiaisonPdf          *pdf,
                                        const char          *over,
                                        const char          *title);
void        liaison_pdf_add_paragraph (LiaisonPdf           *pdf,
                                       const char           *text);
void        liaison_pdf_add_space   (LiaisonPdf             *pdf,
                                     double                  points);
void        liaison_pdf_add_page_break (LiaisonPdf          *pdf);

/* A table: its columns (with @show_header FALSE, no header row, as for a
 * list of fields), then its rows of n_columns cells each, then the end.
 * Cells wrap; a row never splits, and every page the table runs onto
 * repeats the header row. */
void        liaison_pdf_begin_table (LiaisonPdf             *pdf,
                                     const LiaisonPdfColumn *columns,
                                     guint                   n_columns,
                                     gboolean                show_header);
void        liaison_pdf_add_row     (LiaisonPdf             *pdf,
                                     const char *const      *cells,
                                     LiaisonPdfRowFlags      flags);
/* A row at least @min_height points tall: a box to write in. */
void        liaison_pdf_add_tall_row (LiaisonPdf            *pdf,
                                      const char *const     *cells,
                                      LiaisonPdfRowFlags     flags,
                                      double                 min_height);
void        liaison_pdf_end_table   (LiaisonPdf             *pdf);

/* Lines to sign on, side by side across the page: each label followed by
 * a rule to write on. */
void        liaison_pdf_add_signature_lines (LiaisonPdf     *pdf,
                                             const char *const *labels,
                                             guint           n_labels);

/* A vertical bar chart: one bar for each value, its label under it and
 * its @value_texts (as the caller writes the figure) over it. Negative
 * values hang below the zero line. */
void        liaison_pdf_add_bar_chart (LiaisonPdf           *pdf,
                                       const char *const    *labels,
                                       const double         *values,
                                       const char *const    *value_texts,
                                       guint                 n_bars);

/* The number of pages the document takes. */
guint       liaison_pdf_count_pages (LiaisonPdf             *pdf);

/* Draws page @page (from 0) of the complete document on @cr, scaled to
 * fit @width by @height points and centred in them: a print operation's
 * page, with the same lines and words as the PDF's. */
void        liaison_pdf_draw_page   (LiaisonPdf             *pdf,
                                     cairo_t                *cr,
                                     guint                   page,
                                     double                  width,
                                     double                  height);

/* Writes the document to @path as it stands (the caller gives a file it
 * may fill: see liaison-whole-file.h). */
gboolean    liaison_pdf_write       (LiaisonPdf             *pdf,
                                     const char             *path,
                                     GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPdf, liaison_pdf_free)

G_END_DECLS
