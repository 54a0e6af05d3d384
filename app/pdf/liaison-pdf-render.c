/* liaison-pdf-render.c: the document's blocks laid out on A4 pages and,
 * in the drawing pass, drawn (all pages, or one): text blocks kept with
 * what follows, tables that repeat their header on each page, forms' rows
 * and signature lines, bar charts, and the footer. */
#define G_LOG_DOMAIN "liaison-pdf"

#include "config.h"

#include <math.h>

#include "liaison-pdf-private.h"

/* One pass over the blocks. */
typedef struct {
  LiaisonPdf *pdf;
  cairo_t    *cr;          /* NULL: counting the pages only, or not the page drawn */
  cairo_t    *target;      /* where the pages are drawn; NULL while counting */
  guint       only;        /* the one page drawn, from 1; 0 for all */
  guint       page;
  guint       n_pages;     /* 0 while counting */
  double      y;
} Render;

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
  cairo_move_to (cr, MARGIN, FOOTER_TOP (pdf) - 4);
  cairo_line_to (cr, PAGE_WIDTH (pdf) - MARGIN, FOOTER_TOP (pdf) - 4);
  cairo_stroke (cr);
  set_grey (cr, 0.35);
  if (pdf->footer != NULL)
    {
      g_autoptr(PangoLayout) left = make_layout (pdf, pdf->footer, FOOTER_SIZE, FALSE,
                                                 TEXT_WIDTH (pdf) * 0.75, LIAISON_PDF_ALIGN_START);

      show_layout (r, left, MARGIN, FOOTER_TOP (pdf));
    }
  if (pdf->page_label != NULL)
    {
      g_autofree char *words = pdf->page_label (r->page, r->n_pages, pdf->page_label_data);
      g_autoptr(PangoLayout) right = make_layout (pdf, words, FOOTER_SIZE, FALSE,
                                                  TEXT_WIDTH (pdf) * 0.25, LIAISON_PDF_ALIGN_END);

      show_layout (r, right, MARGIN + TEXT_WIDTH (pdf) * 0.75, FOOTER_TOP (pdf));
    }
}

/* Draws on the page only when it is one drawn. */
static void
start_page (Render *r)
{
  r->cr = r->only == 0 || r->page == r->only ? r->target : NULL;
  r->y = MARGIN;
}

static void
next_page (Render *r)
{
  draw_footer (r);
  if (r->cr != NULL && r->only == 0)
    cairo_show_page (r->cr);
  r->page++;
  start_page (r);
}

/* Starts a new page unless @height fits under y, or the page is still
 * empty (a block taller than a page is drawn anyway). */
static gboolean
make_room (Render *r,
           double  height)
{
  if (r->y + height <= BODY_BOTTOM (r->pdf) || r->y <= MARGIN)
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
      layout = make_layout (pdf, block->text, 26, TRUE, TEXT_WIDTH (pdf), LIAISON_PDF_ALIGN_CENTER);
      before = 140;
      after = 36;
      break;
    case BLOCK_HEADING:
      layout = make_layout (pdf, block->text, block->level == 1 ? 15 : 12, TRUE, TEXT_WIDTH (pdf),
                            LIAISON_PDF_ALIGN_START);
      before = block->level == 1 ? 14 : 8;
      after = block->level == 1 ? 8 : 5;
      /* A heading never ends a page: keep a few lines with it. */
      keep = 60;
      break;
    case BLOCK_PARAGRAPH:
    default:
      layout = make_layout (pdf, block->text, BODY_SIZE, FALSE, TEXT_WIDTH (pdf), LIAISON_PDF_ALIGN_START);
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
      cairo_line_to (r->cr, PAGE_WIDTH (pdf) - MARGIN, r->y + 2);
      cairo_stroke (r->cr);
    }
  r->y += after;
}

/* How many columns a row's cell @c covers: 0 under a wider cell. */
static guint
row_span (const Row *row,
          guint      c)
{
  return row != NULL && row->spans != NULL ? row->spans[c] : 1;
}

static double
cell_width (Block     *table,
            const Row *row,
            guint      c)
{
  double width = 0;

  for (guint i = c; i < c + row_span (row, c); i++)
    width += g_array_index (table->columns, Column, i).width;
  return width;
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
  for (guint c = 0, name = 0; c < table->columns->len; c++)
    {
      const Column *column = &g_array_index (table->columns, Column, c);

      if (row_span (row, c) == 0)
        continue;
      /* In a form's row, every other cell shown is a field's name. */
      if (row->flags & LIAISON_PDF_ROW_FIELDS)
        bold = name++ % 2 == 0;
      /* Headers centred over their columns. */
      row->layouts[c] = make_layout (r->pdf, row->cells[c], TABLE_SIZE, bold,
                                     cell_width (table, row, c) - 2 * CELL_PAD_X,
                                     header ? LIAISON_PDF_ALIGN_CENTER : column->align);
      height = MAX (height, layout_height (row->layouts[c]));
    }
  row->height = MAX (height + 2 * CELL_PAD_Y, row->min_height);
}

/* @row is NULL for the header. */
static void
draw_row (Render       *r,
          Block        *table,
          const Row    *row,
          PangoLayout **layouts,
          double        height,
          double        fill)
{
  cairo_t *cr = r->cr;
  double x = MARGIN;
  gboolean fields = row != NULL && (row->flags & LIAISON_PDF_ROW_FIELDS) != 0;

  if (cr != NULL)
    {
      if (fill < 1.0)
        {
          set_grey (cr, fill);
          cairo_rectangle (cr, MARGIN, r->y, TEXT_WIDTH (r->pdf), height);
          cairo_fill (cr);
        }
      /* A form's field names on grey. */
      for (guint c = 0, name = 0; fields && c < table->columns->len; c++)
        {
          double width = cell_width (table, row, c);

          if (row_span (row, c) > 0 && name++ % 2 == 0)
            {
              set_grey (cr, 0.93);
              cairo_rectangle (cr, x, r->y, width, height);
              cairo_fill (cr);
            }
          x += row_span (row, c) > 0 ? width : 0;
        }
      x = MARGIN;
      cairo_set_line_width (cr, 0.4);
      set_grey (cr, 0.62);
      for (guint c = 0; c < table->columns->len; c++)
        {
          double width = cell_width (table, row, c);

          if (row_span (row, c) == 0)
            continue;
          cairo_rectangle (cr, x, r->y, width, height);
          x += width;
        }
      cairo_stroke (cr);
      set_grey (cr, 0.1);
    }
  x = MARGIN;
  for (guint c = 0; c < table->columns->len; c++)
    {
      if (layouts[c] != NULL)
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
    draw_row (r, table, NULL, table->header->layouts, table->header->height, 0.88);
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
        draw_row (r, table, row, row->layouts, height, (row->flags & LIAISON_PDF_ROW_BOLD) ? 0.95 : 1.0);
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
  slot = TEXT_WIDTH (pdf) / chart->n_bars;
  bar = MIN (slot * 0.55, 56);

  if (cr != NULL)
    {
      cairo_set_line_width (cr, 0.8);
      set_grey (cr, 0.4);
      cairo_move_to (cr, MARGIN, zero);
      cairo_line_to (cr, PAGE_WIDTH (pdf) - MARGIN, zero);
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

/* A form's title: who issues it over the title, centred. */
static void
render_page_title (Render *r,
                   Block  *block)
{
  LiaisonPdf *pdf = r->pdf;
  g_autoptr(PangoLayout) over = NULL;
  g_autoptr(PangoLayout) title = make_layout (pdf, block->text, 20, TRUE, TEXT_WIDTH (pdf),
                                              LIAISON_PDF_ALIGN_CENTER);
  double height = layout_height (title);

  if (block->over != NULL && *block->over != '\0')
    {
      over = make_layout (pdf, block->over, 12, FALSE, TEXT_WIDTH (pdf), LIAISON_PDF_ALIGN_CENTER);
      height += layout_height (over) + 4;
    }
  make_room (r, height + 40);
  if (over != NULL)
    {
      if (r->cr != NULL)
        set_grey (r->cr, 0.2);
      show_layout (r, over, MARGIN, r->y);
      r->y += layout_height (over) + 4;
    }
  if (r->cr != NULL)
    cairo_set_source_rgb (r->cr, 0.62, 0.09, 0.09);
  show_layout (r, title, MARGIN, r->y);
  r->y += layout_height (title) + 12;
}

/* Labels side by side, each followed by a rule to sign on. */
static void
render_signatures (Render *r,
                   Block  *block)
{
  LiaisonPdf *pdf = r->pdf;
  guint n = g_strv_length (block->labels);
  double slot, line_height = BODY_SIZE * 2.6;

  if (n == 0)
    return;
  slot = TEXT_WIDTH (pdf) / n;
  r->y += 14;
  make_room (r, line_height);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) label = make_layout (pdf, block->labels[i], BODY_SIZE, FALSE, slot,
                                                  LIAISON_PDF_ALIGN_START);
      double x = MARGIN + slot * i;
      int width, height;

      pango_layout_get_pixel_size (label, &width, &height);
      if (r->cr != NULL)
        set_grey (r->cr, 0.1);
      show_layout (r, label, x, r->y + line_height - height);
      if (r->cr != NULL)
        {
          cairo_set_line_width (r->cr, 0.6);
          cairo_move_to (r->cr, x + width + 4, r->y + line_height);
          cairo_line_to (r->cr, x + slot - 12, r->y + line_height);
          cairo_stroke (r->cr);
        }
    }
  r->y += line_height + 8;
}

static void
render (Render *r)
{
  LiaisonPdf *pdf = r->pdf;

  r->page = 1;
  start_page (r);
  for (guint i = 0; i < pdf->blocks->len && (r->only == 0 || r->page <= r->only); i++)
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
        case BLOCK_PAGE_TITLE:
          render_page_title (r, block);
          break;
        case BLOCK_SIGNATURES:
          render_signatures (r, block);
          break;
        case BLOCK_CHART:
        default:
          render_chart (r, block);
          break;
        }
    }
  draw_footer (r);
  if (r->cr != NULL && r->only == 0)
    cairo_show_page (r->cr);
}

guint
liaison_pdf_render (LiaisonPdf *pdf,
                    cairo_t    *cr,
                    guint       n_pages,
                    guint       only)
{
  Render r = { pdf, cr, cr, only, 0, n_pages, 0 };

  render (&r);
  return r.page;
}
