/* liaison-pdf-private.h: the document's blocks, shared by the file that
 * keeps them (liaison-pdf.c) and the one that lays them out and draws
 * them (liaison-pdf-render.c). */
#pragma once

#include <pango/pangocairo.h>

#include "liaison-pdf.h"

G_BEGIN_DECLS

#define FONT_FAMILY "Noto Sans CJK SC"

/* A4 in points, upright or on its side, with margins of 20 mm. */
#define A4_SHORT      595.276
#define A4_LONG       841.890
#define PAGE_WIDTH(pdf)  ((pdf)->landscape ? A4_LONG : A4_SHORT)
#define PAGE_HEIGHT(pdf) ((pdf)->landscape ? A4_SHORT : A4_LONG)
#define MARGIN        56.693
#define TEXT_WIDTH(pdf)  (PAGE_WIDTH (pdf) - 2 * MARGIN)
#define BODY_BOTTOM(pdf) (PAGE_HEIGHT (pdf) - MARGIN - 14)
#define FOOTER_TOP(pdf)  (PAGE_HEIGHT (pdf) - MARGIN + 6)

#define BODY_SIZE     10.5
#define TABLE_SIZE    9.0
#define FOOTER_SIZE   8.0
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.0
#define CHART_HEIGHT  170.0

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_PAGE_TITLE,
  BLOCK_SIGNATURES,
} BlockKind;

typedef struct {
  char             *header;
  double            width;   /* in points, once the table is complete */
  LiaisonPdfAlign   align;
} Column;

typedef struct {
  char               **cells;
  LiaisonPdfRowFlags   flags;
  guint               *spans;       /* how many columns each cell covers, 0 under a wider one; NULL: 1 each */
  double               min_height;
  /* Laid out by the first pass, drawn by the second. */
  PangoLayout        **layouts;
  double               height;
} Row;

typedef struct {
  BlockKind   kind;
  guint       level;
  char       *text;
  char       *over;          /* a page title's line above it */
  double      space;
  /* A table. */
  GArray     *columns;       /* Column */
  gboolean    show_header;
  Row        *header;        /* the headers as a row, once laid out */
  GPtrArray  *rows;          /* Row * */
  /* A chart; the signature lines' labels. */
  char      **labels;
  char      **value_texts;
  double     *values;
  guint       n_bars;
} Block;

struct _LiaisonPdf
{
  char                *title;
  char                *creator;
  char                *footer;
  LiaisonPdfPageLabel  page_label;
  gpointer             page_label_data;
  GPtrArray           *blocks;       /* Block *, in reading order */
  Block               *open_table;   /* borrowed from @blocks until end_table */
  gboolean             landscape;
  guint                n_pages;      /* counted once the document is complete, for draw_page */
  PangoFontMap        *font_map;
  PangoContext        *context;
};

/* Lays the document out from its first page: on @cr when not NULL, its
 * footers saying "of @n_pages"; with @cr NULL, only counting. With @only
 * a page's number (from 1), only that page is drawn, and no page is shown
 * (a print operation's page); 0 draws them all, each shown. Returns the
 * number of pages laid out. Table rows keep their layouts for the next
 * pass. */
guint liaison_pdf_render (LiaisonPdf *pdf,
                          cairo_t    *cr,
                          guint       n_pages,
                          guint       only);

G_END_DECLS
