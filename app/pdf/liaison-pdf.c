/* liaison-pdf.c: the A4 document: its blocks kept in reading order, then
 * laid out on pages once to count them and once more to draw them
 * (liaison-pdf-render.c). */
#define G_LOG_DOMAIN "liaison-pdf"

#include "config.h"

#include <cairo-pdf.h>

#include "liaison-pdf-private.h"

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
  g_free (row->spans);
  g_strfreev (row->cells);
  g_free (row);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->over);
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
liaison_pdf_set_landscape (LiaisonPdf *pdf,
                           gboolean    landscape)
{
  pdf->landscape = landscape;
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
liaison_pdf_add_page_title (LiaisonPdf *pdf,
                            const char *over,
                            const char *title)
{
  Block *block = add_block (pdf, BLOCK_PAGE_TITLE);

  block->over = g_strdup (over);
  block->text = g_strdup (title);
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
        TEXT_WIDTH (pdf) * MAX (columns[i].width, 0.01) / total,
        columns[i].align,
      };

      g_array_append_val (block->columns, column);
    }
  pdf->open_table = block;
}

void
liaison_pdf_add_tall_row (LiaisonPdf         *pdf,
                          const char *const  *cells,
                          LiaisonPdfRowFlags  flags,
                          double              min_height)
{
  Block *table = pdf->open_table;
  guint n;
  Row *row;

  g_return_if_fail (table != NULL);
  n = table->columns->len;
  row = g_new0 (Row, 1);
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  if (flags & LIAISON_PDF_ROW_FIELDS)
    {
      /* A NULL cell widens the one before it. */
      guint shown = 0;

      row->spans = g_new0 (guint, n);
      for (guint i = 0; i < n; i++)
        {
          if (cells[i] != NULL || i == 0)
            shown = i;
          row->spans[shown]++;
        }
    }
  row->flags = flags;
  row->min_height = min_height;
  g_ptr_array_add (table->rows, row);
}

void
liaison_pdf_add_row (LiaisonPdf         *pdf,
                     const char *const  *cells,
                     LiaisonPdfRowFlags  flags)
{
  liaison_pdf_add_tall_row (pdf, cells, flags, 0);
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

void
liaison_pdf_add_signature_lines (LiaisonPdf        *pdf,
                                 const char *const *labels,
                                 guint              n_labels)
{
  Block *block = add_block (pdf, BLOCK_SIGNATURES);

  block->labels = g_new0 (char *, n_labels + 1);
  for (guint i = 0; i < n_labels; i++)
    block->labels[i] = g_strdup (labels[i]);
}

guint
liaison_pdf_count_pages (LiaisonPdf *pdf)
{
  g_return_val_if_fail (pdf->open_table == NULL, 0);
  pdf->n_pages = liaison_pdf_render (pdf, NULL, 0, 0);
  return pdf->n_pages;
}

void
liaison_pdf_draw_page (LiaisonPdf *pdf,
                       cairo_t    *cr,
                       guint       page,
                       double      width,
                       double      height)
{
  double scale;

  g_return_if_fail (pdf->open_table == NULL);
  if (pdf->n_pages == 0)
    liaison_pdf_count_pages (pdf);
  g_return_if_fail (page < pdf->n_pages);

  scale = MIN (width / PAGE_WIDTH (pdf), height / PAGE_HEIGHT (pdf));
  cairo_save (cr);
  cairo_translate (cr, (width - PAGE_WIDTH (pdf) * scale) / 2, (height - PAGE_HEIGHT (pdf) * scale) / 2);
  cairo_scale (cr, scale, scale);
  liaison_pdf_render (pdf, cr, pdf->n_pages, page + 1);
  cairo_restore (cr);
}

gboolean
liaison_pdf_write (LiaisonPdf  *pdf,
                   const char  *path,
                   GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (pdf->open_table == NULL, FALSE);

  n_pages = liaison_pdf_count_pages (pdf);
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH (pdf), PAGE_HEIGHT (pdf));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf->title != NULL ? pdf->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, pdf->creator != NULL ? pdf->creator : "");
  cr = cairo_create (surface);
  liaison_pdf_render (pdf, cr, n_pages, 0);
  status = cairo_status (cr);
  cairo_destroy (cr);
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
