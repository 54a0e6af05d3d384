/* liaison-pdf.c: the A4 document: its blocks kept in order, laid out on
 * pages once to count them and once more to draw them. */
#define G_LOG_DOMAIN "liaison-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "liaison-pdf.h"

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

/* One pass over the blocks. */
typedef struct {
  LiaisonPdf *pdf;
  cairo_t    *cr;          /* NULL: counting the pages only */
  guint       page;
  guint       n_pages;     /* 0 while counting */
  double      y;
} Render;

static void
column_clear (Column *column)
{
  g_free (column->header);
}

static void
row_free (Row *row)
{
  if (row->layouts != NULL)
    for (guint i = 0; row->cells[i] != NULL; i++)
      g_clear_object (&row->layouts[i]);
  g_free (row->layouts);
  g_strfreev (row->cells);
  g_free (row);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->header, row_free);
  g_strfreev (block->labels);
  g_strfreev (block->value_texts);
  g_free (block->values);
  g_free (block);
}

LiaisonPdf *
liaison_pdf_new (const char *title,
                 const char *creator)
{
  LiaisonPdf *pdf = g_new0 (LiaisonPdf, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  pdf->title = g_strdup (title);
  pdf->creator = g_strdup (creator);
  pdf->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  /* One context for both passes, unhinted and at 72 dpi (a point is a
   * unit), so that counting and drawing break the lines alike. */
  pdf->font_map = pango_cairo_font_map_new ();
  pdf->context = pango_font_map_create_context (pdf->font_map);
  pango_cairo_context_set_resolution (pdf->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf->context, options);
  cairo_font_options_destroy (options);
  return pdf;
}

void
liaison_pdf_free (LiaisonPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_free (pdf->title);
  g_free (pdf->creator);
  g_free (pdf->footer);
  g_ptr_array_unref (pdf->blocks);
  g_clear_object (&pdf->context);
  g_clear_object (&pdf->font_map);
  g_free (pdf);
}

void
liaison_pdf_set_footer (LiaisonPdf          *pdf,
                        const char          *text,
                        LiaisonPdfPageLabel  page_label,
                        gpointer             user_data)
{
  g_free (pdf->footer);
  pdf->footer = g_strdup (text);
  pdf->page_label = page_label;
  pdf->page_label_data = user_data;
}

static Block *
add_block (LiaisonPdf *pdf,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  g_return_val_if_fail (pdf->open_table == NULL, block);
  block->kind = kind;
  g_ptr_array_add (pdf->blocks, block);
  return block;
}

void
liaison_pdf_add_title (LiaisonPdf *pdf,
                       const char *text)
{
  add_block (pdf, BLOCK_TITLE)->text = g_strdup (text);
}

void
liaison_pdf_add_heading (LiaisonPdf *pdf,
                         guint       level,
                         const char *text)
{
  Block *block = add_block (pdf, BLOCK_HEADING);

  block->level = CLAMP (level, 1, 2);
  block->text = g_strdup (text);
}

void
liaison_pdf_add_paragraph (LiaisonPdf *pdf,
                           const char *text)
{
  add_block (pdf, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

void
liaison_pdf_add_space (LiaisonPdf *pdf,
                       double      points)
{
  add_block (pdf, BLOCK_SPACE)->space = points;
}

void
liaison_pdf_add_page_break (LiaisonPdf *pdf)
{
  add_block (pdf, BLOCK_PAGE_BREAK);
}

void
liaison_pdf_begin_table (LiaisonPdf             *pdf,
                         const LiaisonPdfColumn *columns,
                         guint                   n_columns,
                         gboolean                show_header)
{
  Block *block = add_block (pdf, BLOCK_TABLE);
  double total = 0;

  g_return_if_fail (n_columns > 0);
  block->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (block->columns, (GDestroyNotify) column_clear);
  block->show_header = show_header;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < n_columns; i++)
    total += MAX (columns[i].width, 0.01);
  for (guint i = 0; i < n_columns; i++)
    {
      Column column = {
        g_strdup (columns[i].header != NULL ? columns[i].header : ""),
        TEXT_WIDTH * MAX (columns[i].width, 0.01) / total,
        columns[i].align,
      };

      g_array_append_val (block->columns, column);
    }
  pdf->open_table = block;
}

void
liaison_pdf_add_row (LiaisonPdf         *pdf,
                     const char *const  *cells,
                     LiaisonPdfRowFlags  flags)
{
  Block *table = pdf->open_table;
  Row *row;

  g_return_if_fail (table != NULL);
  row = g_new0 (Row, 1);
  row->cells = g_new0 (char *, table->columns->len + 1);
  for (guint i = 0; i < table->columns->len; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  row->flags = flags;
  g_ptr_array_add (table->rows, row);
}

void
liaison_pdf_end_table (LiaisonPdf *pdf)
{
  g_return_if_fail (pdf->open_table != NULL);
  pdf->open_table = NULL;
}

void
liaison_pdf_add_bar_chart (LiaisonPdf        *pdf,
                           const char *const *labels,
                           const double      *values,
                           const char *const *value_texts,
                           guint              n_bars)
{
  Block *block = add_block (pdf, BLOCK_CHART);

  block->n_bars = n_bars;
  block->labels = g_new0 (char *, n_bars + 1);
  block->value_texts = g_new0 (char *, n_bars + 1);
  block->values = g_new0 (double, MAX (n_bars, 1));
  for (guint i = 0; i < n_bars; i++)
    {
      block->labels[i] = g_strdup (labels[i]);
      block->value_texts[i] = g_strdup (value_texts[i]);
      block->values[i] = values[i];
    }
}

/* Laying out and drawing. */

static PangoLayout *
make_layout (LiaisonPdf      *pdf,
             const char      *text,
             double           size,
             gboolean         bold,
             double           width,
             LiaisonPdfAlign  align)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  static const PangoAlignment alignments[] = {
    [LIAISON_PDF_ALIGN_START] = PANGO_ALIGN_LEFT,
    [LIAISON_PDF_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [LIAISON_PDF_ALIGN_END] = PANGO_ALIGN_RIGHT,
  };

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignments[align]);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
show_layout (Render      *r,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (r->cr == NULL)
    return;
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
}

static void
draw_footer (Render *r)
{
  LiaisonPdf *pdf = r->pdf;
  cairo_t *cr = r->cr;

  if (cr == NULL)
    return;
  cairo_set_line_width (cr, 0.5);
  set_grey (cr, 0.7);
  cairo_move_to (cr, MARGIN, FOOTER_TOP - 4);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, FOOTER_TOP - 4);
  cairo_stroke (cr);
  set_grey (cr, 0.35);
  if (pdf->footer != NULL)
    {
      g_autoptr(PangoLayout) left = make_layout (pdf, pdf->footer, FOOTER_SIZE, FALSE,
                                                 TEXT_WIDTH * 0.75, LIAISON_PDF_ALIGN_START);

      show_layout (r, left, MARGIN, FOOTER_TOP);
    }
  if (pdf->page_label != NULL)
    {
      g_autofree char *words = pdf->page_label (r->page, r->n_pages, pdf->page_label_data);
      g_autoptr(PangoLayout) right = make_layout (pdf, words, FOOTER_SIZE, FALSE,
                                                  TEXT_WIDTH * 0.25, LIAISON_PDF_ALIGN_END);

      show_layout (r, right, MARGIN + TEXT_WIDTH * 0.75, FOOTER_TOP);
    }
}

static void
next_page (Render *r)
{
  draw_footer (r);
  if (r->cr != NULL)
    cairo_show_page (r->cr);
  r->page++;
  r->y = MARGIN;
}

/* Starts a new page unless @height fits under y, or the page is still
 * empty (a block taller than a page is drawn anyway). */
static gboolean
make_room (Render *r,
           double  height)
{
  if (r->y + height <= BODY_BOTTOM || r->y <= MARGIN)
    return FALSE;
  next_page (r);
  return TRUE;
}

static void
render_text_block (Render *r,
                   Block  *block)
{
  LiaisonPdf *pdf = r->pdf;
  g_autoptr(PangoLayout) layout = NULL;
  double before = 0, after = 0, keep = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      layout = make_layout (pdf, block->text, 26, TRUE, TEXT_WIDTH, LIAISON_PDF_ALIGN_CENTER);
      before = 140;
      after = 36;
      break;
    case BLOCK_HEADING:
      layout = make_layout (pdf, block->text, block->level == 1 ? 15 : 12, TRUE, TEXT_WIDTH,
                            LIAISON_PDF_ALIGN_START);
      before = block->level == 1 ? 14 : 8;
      after = block->level == 1 ? 8 : 5;
      /* A heading never ends a page: keep a few lines with it. */
      keep = 60;
      break;
    case BLOCK_PARAGRAPH:
    default:
      layout = make_layout (pdf, block->text, BODY_SIZE, FALSE, TEXT_WIDTH, LIAISON_PDF_ALIGN_START);
      after = 5;
      break;
    }

  if (r->y > MARGIN)
    r->y += before;
  else if (block->kind == BLOCK_TITLE)
    r->y += before;
  make_room (r, layout_height (layout) + keep);
  if (r->cr != NULL)
    {
      if (block->kind == BLOCK_TITLE)
        cairo_set_source_rgb (r->cr, 0.62, 0.09, 0.09);
      else if (block->kind == BLOCK_HEADING)
        cairo_set_source_rgb (r->cr, 0.11, 0.24, 0.43);
      else
        set_grey (r->cr, 0.13);
    }
  show_layout (r, layout, MARGIN, r->y);
  r->y += layout_height (layout);
  if (block->kind == BLOCK_HEADING && block->level == 1 && r->cr != NULL)
    {
      cairo_set_line_width (r->cr, 0.8);
      cairo_move_to (r->cr, MARGIN, r->y + 2);
      cairo_line_to (r->cr, PAGE_WIDTH - MARGIN, r->y + 2);
      cairo_stroke (r->cr);
    }
  r->y += after;
}

/* A row's cells laid out, and its height, once for both passes. */
static void
layout_row (Render   *r,
            Block    *table,
            Row      *row,
            gboolean  header)
{
  gboolean bold = header || (row->flags & LIAISON_PDF_ROW_BOLD) != 0;
  double height = 0;

  if (row->layouts != NULL)
    return;
  row->layouts = g_new0 (PangoLayout *, table->columns->len);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = &g_array_index (table->columns, Column, c);

      /* Headers centred over their columns. */
      row->layouts[c] = make_layout (r->pdf, row->cells[c], TABLE_SIZE, bold,
                                     column->width - 2 * CELL_PAD_X,
                                     header ? LIAISON_PDF_ALIGN_CENTER : column->align);
      height = MAX (height, layout_height (row->layouts[c]));
    }
  row->height = height + 2 * CELL_PAD_Y;
}

static void
draw_row (Render       *r,
          Block        *table,
          PangoLayout **layouts,
          double        height,
          double        fill)
{
  cairo_t *cr = r->cr;
  double x = MARGIN;

  if (cr != NULL)
    {
      if (fill < 1.0)
        {
          set_grey (cr, fill);
          cairo_rectangle (cr, MARGIN, r->y, TEXT_WIDTH, height);
          cairo_fill (cr);
        }
      cairo_set_line_width (cr, 0.4);
      set_grey (cr, 0.62);
      for (guint c = 0; c < table->columns->len; c++)
        {
          double width = g_array_index (table->columns, Column, c).width;

          cairo_rectangle (cr, x, r->y, width, height);
          x += width;
        }
      cairo_stroke (cr);
      set_grey (cr, 0.1);
    }
  x = MARGIN;
  for (guint c = 0; c < table->columns->len; c++)
    {
      show_layout (r, layouts[c], x + CELL_PAD_X, r->y + CELL_PAD_Y);
      x += g_array_index (table->columns, Column, c).width;
    }
  r->y += height;
}

static void
draw_header (Render *r,
             Block  *table)
{
  if (table->show_header)
    draw_row (r, table, table->header->layouts, table->header->height, 0.88);
}

static void
render_table (Render *r,
              Block  *table)
{
  guint n = table->columns->len;
  double header_height = 0;

  if (table->show_header)
    {
      if (table->header == NULL)
        {
          table->header = g_new0 (Row, 1);
          table->header->cells = g_new0 (char *, n + 1);
          for (guint c = 0; c < n; c++)
            table->header->cells[c] = g_strdup (g_array_index (table->columns, Column, c).header);
        }
      layout_row (r, table, table->header, TRUE);
      header_height = table->header->height;
    }

  r->y += 2;
  for (guint i = 0; i < table->rows->len || i == 0; i++)
    {
      Row *row = i < table->rows->len ? g_ptr_array_index (table->rows, i) : NULL;
      double height = 0;

      if (row != NULL)
        {
          layout_row (r, table, row, FALSE);
          height = row->height;
        }
      if (i == 0)
        {
          /* The header never ends a page alone. */
          make_room (r, header_height + height);
          draw_header (r, table);
        }
      else if (make_room (r, height))
        draw_header (r, table);
      if (row != NULL)
        draw_row (r, table, row->layouts, height, (row->flags & LIAISON_PDF_ROW_BOLD) ? 0.95 : 1.0);
    }
  r->y += 8;
}

static void
render_chart (Render *r,
              Block  *chart)
{
  LiaisonPdf *pdf = r->pdf;
  cairo_t *cr = r->cr;
  double top = 0, bottom = 0, span, zero, slot, bar;
  double label_height = 2 * TABLE_SIZE * 1.5, value_height = TABLE_SIZE * 1.6;

  make_room (r, CHART_HEIGHT + label_height + 2 * value_height + 12);
  r->y += 6;
  if (chart->n_bars == 0)
    return;
  for (guint i = 0; i < chart->n_bars; i++)
    {
      top = MAX (top, chart->values[i]);
      bottom = MIN (bottom, chart->values[i]);
    }
  span = top - bottom > 0 ? top - bottom : 1;
  /* The plot from r->y + value_height, its zero line where 0 falls. */
  zero = r->y + value_height + CHART_HEIGHT * top / span;
  slot = TEXT_WIDTH / chart->n_bars;
  bar = MIN (slot * 0.55, 56);

  if (cr != NULL)
    {
      cairo_set_line_width (cr, 0.8);
      set_grey (cr, 0.4);
      cairo_move_to (cr, MARGIN, zero);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, zero);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < chart->n_bars; i++)
    {
      double x = MARGIN + slot * i + (slot - bar) / 2;
      double height = CHART_HEIGHT * chart->values[i] / span;
      double bar_top = MIN (zero, zero - height);
      g_autoptr(PangoLayout) value = make_layout (pdf, chart->value_texts[i], TABLE_SIZE, TRUE,
                                                  slot, LIAISON_PDF_ALIGN_CENTER);
      g_autoptr(PangoLayout) label = make_layout (pdf, chart->labels[i], TABLE_SIZE, FALSE,
                                                  slot - 4, LIAISON_PDF_ALIGN_CENTER);
      double value_y = chart->values[i] >= 0 ? bar_top - value_height : zero - height + 2;

      if (cr != NULL)
        {
          if (chart->values[i] >= 0)
            cairo_set_source_rgb (cr, 0.23, 0.42, 0.68);
          else
            cairo_set_source_rgb (cr, 0.75, 0.3, 0.25);
          cairo_rectangle (cr, x, bar_top, bar, fabs (height));
          cairo_fill (cr);
          set_grey (cr, 0.1);
        }
      show_layout (r, value, MARGIN + slot * i, value_y);
      show_layout (r, label, MARGIN + slot * i + 2,
                   r->y + value_height * 2 + CHART_HEIGHT + 4);
    }
  r->y += CHART_HEIGHT + 2 * value_height + label_height + 12;
}

static void
render (Render *r)
{
  LiaisonPdf *pdf = r->pdf;

  r->page = 1;
  r->y = MARGIN;
  for (guint i = 0; i < pdf->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (pdf->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
          render_text_block (r, block);
          break;
        case BLOCK_SPACE:
          r->y += block->space;
          break;
        case BLOCK_PAGE_BREAK:
          if (r->y > MARGIN)
            next_page (r);
          break;
        case BLOCK_TABLE:
          render_table (r, block);
          break;
        case BLOCK_CHART:
        default:
          render_chart (r, block);
          break;
        }
    }
  draw_footer (r);
  if (r->cr != NULL)
    cairo_show_page (r->cr);
}

guint
liaison_pdf_count_pages (LiaisonPdf *pdf)
{
  Render r = { pdf, NULL, 0, 0, 0 };

  g_return_val_if_fail (pdf->open_table == NULL, 0);
  render (&r);
  return r.page;
}

gboolean
liaison_pdf_write (LiaisonPdf  *pdf,
                   const char  *path,
                   GError     **error)
{
  Render r = { pdf, NULL, 0, 0, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (pdf->open_table == NULL, FALSE);

  r.n_pages = liaison_pdf_count_pages (pdf);
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf->title != NULL ? pdf->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, pdf->creator != NULL ? pdf->creator : "");
  r.cr = cairo_create (surface);
  render (&r);
  status = cairo_status (r.cr);
  cairo_destroy (r.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
