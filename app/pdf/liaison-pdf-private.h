/* liaison-pdf-private.h: the document's blocks, shared by the file that
 * keeps them (liaison-pdf.c) and the one that lays them out and draws
 * them (liaison-pdf-render.c). */
#pragma once

#include <pango/pangocairo.h>

#include "liaison-pdf.h"

G_BEGIN_DECLS

#define FONT_FAMILY "Noto Sans CJK SC"

/* A4 in points, with margins of 20 mm. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN        56.693
#define TEXT_WIDTH    (PAGE_WIDTH - 2 * MARGIN)
#define BODY_BOTTOM   (PAGE_HEIGHT - MARGIN - 14)
#define FOOTER_TOP    (PAGE_HEIGHT - MARGIN + 6)

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
} BlockKind;

typedef struct {
  char             *header;
  double            width;   /* in points, once the table is complete */
  LiaisonPdfAlign   align;
} Column;

typedef struct {
  char               **cells;
  LiaisonPdfRowFlags   flags;
  /* Laid out by the first pass, drawn by the second. */
  PangoLayout        **layouts;
  double               height;
} Row;

typedef struct {
  BlockKind   kind;
  guint       level;
  char       *text;
  double      space;
  /* A table. */
  GArray     *columns;       /* Column */
  gboolean    show_header;
  Row        *header;        /* the headers as a row, once laid out */
  GPtrArray  *rows;          /* Row * */
  /* A chart. */
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
  PangoFontMap        *font_map;
  PangoContext        *context;
};

/* Lays the document out from its first page: on @cr when not NULL, its
 * footers saying "of @n_pages"; with @cr NULL, only counting. Returns the
 * number of pages. Table rows keep their layouts for the next pass. */
guint liaison_pdf_render (LiaisonPdf *pdf,
                          cairo_t    *cr,
                          guint       n_pages);

G_END_DECLS
