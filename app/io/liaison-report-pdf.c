/* liaison-report-pdf.c: the dashboard as an A4 report (app/pdf): the
 * title and what it covers, the figures with their definitions, then
 * each breakdown as a bar chart of what it collected and a table of every
 * figure, and the receptions and visitors by station and month. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-pdf.h"
#include "liaison-report-private.h"
#include "liaison-whole-file.h"
#include "liaison-xlsx-cells.h"

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

#define MAX_BARS 31

/* A column's share of the page for its widest text, in half-ems. */
static double
column_width (guint half_ems)
{
  return CLAMP (half_ems, 4, 30) + 2;
}

static void
add_figures (LiaisonPdf       *pdf,
             LiaisonDashboard *dashboard)
{
  static const LiaisonFigure figures[] = {
    LIAISON_FIGURE_COLLECTED, LIAISON_FIGURE_WITHDRAWN, LIAISON_FIGURE_RESOLVED,
    LIAISON_FIGURE_RATED, LIAISON_FIGURE_SATISFIED, LIAISON_FIGURE_REPLIED,
    LIAISON_FIGURE_REPLIED_IN_TIME, LIAISON_FIGURE_OVERDUE,
    LIAISON_FIGURE_RECEPTIONS, LIAISON_FIGURE_VISITORS,
  };
  LiaisonPdfColumn columns[] = {
    { C_("report column", "Figure"), 12, LIAISON_PDF_ALIGN_START },
    { _("Number"), 8, LIAISON_PDF_ALIGN_END },
    { _("Definition"), 40, LIAISON_PDF_ALIGN_START },
  };

  liaison_pdf_add_heading (pdf, 2, _("Figures"));
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint r = 0; r < LIAISON_N_RATES; r++)
    {
      g_autofree char *shown = liaison_rate_format (r, &dashboard->total->figures);
      const char *cells[] = { liaison_rate_label (r), shown, liaison_rate_definition (r) };

      liaison_pdf_add_row (pdf, cells, LIAISON_PDF_ROW_BOLD);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *shown = g_strdup_printf ("%u", liaison_dashboard_row_count (dashboard->total, figures[i]));
      const char *cells[] = { liaison_figure_label (figures[i]), shown, liaison_figure_definition (figures[i]) };

      liaison_pdf_add_row (pdf, cells, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);
}

/* A bar per row of @rows: @figure's count. */
static void
add_chart (LiaisonPdf    *pdf,
           GPtrArray     *rows,
           LiaisonFigure  figure)
{
  g_autofree const char **labels = g_new0 (const char *, rows->len + 1);
  g_autofree double *values = g_new0 (double, rows->len + 1);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const LiaisonDashboardRow *row = g_ptr_array_index (rows, i);
      guint count = liaison_dashboard_row_count (row, figure);

      labels[i] = row->label;
      values[i] = count;
      g_ptr_array_add (texts, g_strdup_printf ("%u", count));
    }
  g_ptr_array_add (texts, NULL);
  /* Translators: over a chart: %s is a figure, such as "Collected" */
  {
    g_autofree char *caption = g_strdup_printf (_("%s, as a chart"), liaison_figure_label (figure));

    liaison_pdf_add_paragraph (pdf, caption);
  }
  liaison_pdf_add_bar_chart (pdf, labels, values, (const char *const *) texts->pdata, rows->len);
}

static void
add_breakdown (LiaisonPdf       *pdf,
               LiaisonDashboard *dashboard,
               LiaisonBreakdown  breakdown)
{
  GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, breakdown);
  LiaisonPdfColumn columns[LIAISON_REPORT_N_COLUMNS + 1];
  guint widths[LIAISON_REPORT_N_COLUMNS + 1];

  if (rows == NULL)
    return;
  liaison_pdf_add_heading (pdf, 2, liaison_breakdown_label (breakdown));
  /* A bar a row, while the bars can be told apart (a city's hundreds of
   * stations have their table only). */
  if (rows->len <= MAX_BARS)
    add_chart (pdf, rows, LIAISON_FIGURE_COLLECTED);

  columns[0].header = liaison_report_key_header (breakdown);
  columns[0].align = LIAISON_PDF_ALIGN_START;
  widths[0] = liaison_text_width (columns[0].header);
  for (guint c = 0; c < LIAISON_REPORT_N_COLUMNS; c++)
    {
      columns[c + 1].header = liaison_report_column_label (c);
      columns[c + 1].align = LIAISON_PDF_ALIGN_END;
      /* Headers wrap; the numbers must not. */
      widths[c + 1] = 4;
    }
  for (guint i = 0; i <= rows->len; i++)
    {
      const LiaisonDashboardRow *row = i < rows->len ? g_ptr_array_index (rows, i) : dashboard->total;

      widths[0] = MAX (widths[0], liaison_text_width (row->label));
      for (guint c = 0; c < LIAISON_REPORT_N_COLUMNS; c++)
        {
          g_autofree char *text = liaison_report_column_text (c, row);

          widths[c + 1] = MAX (widths[c + 1], liaison_text_width (text) + 1);
        }
    }
  for (guint c = 0; c <= LIAISON_REPORT_N_COLUMNS; c++)
    columns[c].width = column_width (widths[c]);

  liaison_pdf_add_space (pdf, 6);
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i <= rows->len; i++)
    {
      const LiaisonDashboardRow *row = i < rows->len ? g_ptr_array_index (rows, i) : dashboard->total;
      char *cells[LIAISON_REPORT_N_COLUMNS + 2] = { NULL, };

      cells[0] = g_strdup (row->label);
      for (guint c = 0; c < LIAISON_REPORT_N_COLUMNS; c++)
        cells[c + 1] = liaison_report_column_text (c, row);
      liaison_pdf_add_row (pdf, (const char *const *) cells, i < rows->len ? LIAISON_PDF_ROW_PLAIN : LIAISON_PDF_ROW_BOLD);
      for (guint c = 0; c <= LIAISON_REPORT_N_COLUMNS; c++)
        g_free (cells[c]);
    }
  liaison_pdf_end_table (pdf);
}

/* One matrix of the receptions (or visitors) by station and month: a row
 * per station, a column per month, and the total of each. */
static void
add_station_month_table (LiaisonPdf       *pdf,
                         LiaisonDashboard *dashboard,
                         gboolean          visitors)
{
  GPtrArray *months = dashboard->by_month;
  guint n_columns = months->len + 2;
  guint n_stations = dashboard->by_station != NULL ? dashboard->by_station->len : 0;
  g_autofree LiaisonPdfColumn *columns = g_new0 (LiaisonPdfColumn, n_columns);
  guint label_width = liaison_text_width (_("Station"));

  for (guint s = 0; s < n_stations; s++)
    label_width = MAX (label_width, liaison_text_width (((LiaisonDashboardRow *) g_ptr_array_index (dashboard->by_station, s))->label));
  columns[0] = (LiaisonPdfColumn) { _("Station"), column_width (label_width), LIAISON_PDF_ALIGN_START };
  for (guint m = 0; m < months->len; m++)
    columns[m + 1] = (LiaisonPdfColumn) { ((LiaisonDashboardRow *) g_ptr_array_index (months, m))->key, 8,
                                          LIAISON_PDF_ALIGN_END };
  columns[n_columns - 1] = (LiaisonPdfColumn) { _("Total"), 7, LIAISON_PDF_ALIGN_END };

  liaison_pdf_add_paragraph (pdf, liaison_figure_label (visitors ? LIAISON_FIGURE_VISITORS : LIAISON_FIGURE_RECEPTIONS));
  liaison_pdf_begin_table (pdf, columns, n_columns, TRUE);
  /* Each station, then every station together (at a station's desk, its
   * own only). */
  for (guint s = 0; s <= n_stations; s++)
    {
      const LiaisonDashboardRow *station = s < n_stations ? g_ptr_array_index (dashboard->by_station, s)
                                                          : dashboard->total;
      const char *key = s < n_stations ? station->key : "";
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (station->label));
      for (guint m = 0; m < months->len; m++)
        {
          guint n_visitors;
          guint n_receptions = liaison_dashboard_station_month (dashboard, key,
                                 ((LiaisonDashboardRow *) g_ptr_array_index (months, m))->key, &n_visitors);

          g_ptr_array_add (cells, g_strdup_printf ("%u", visitors ? n_visitors : n_receptions));
        }
      g_ptr_array_add (cells, g_strdup_printf ("%u", liaison_dashboard_row_count (station,
                                    visitors ? LIAISON_FIGURE_VISITORS : LIAISON_FIGURE_RECEPTIONS)));
      g_ptr_array_add (cells, NULL);
      liaison_pdf_add_row (pdf, (const char *const *) cells->pdata,
                           s < n_stations ? LIAISON_PDF_ROW_PLAIN : LIAISON_PDF_ROW_BOLD);
    }
  liaison_pdf_end_table (pdf);
}

static void
add_station_months (LiaisonPdf       *pdf,
                    LiaisonDashboard *dashboard)
{
  liaison_pdf_add_heading (pdf, 2, _("Receptions by station and month"));
  add_chart (pdf, dashboard->by_month, LIAISON_FIGURE_RECEPTIONS);
  liaison_pdf_add_space (pdf, 6);
  add_station_month_table (pdf, dashboard, FALSE);
  liaison_pdf_add_space (pdf, 6);
  add_station_month_table (pdf, dashboard, TRUE);
}

static gboolean
write_pdf (const char  *temporary,
           gpointer     data,
           GError     **error)
{
  return liaison_pdf_write (data, temporary, error);
}

gboolean
liaison_report_write_pdf (LiaisonDashboard  *dashboard,
                          const char        *path,
                          GError           **error)
{
  g_autofree char *title = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(LiaisonPdf) pdf = NULL;

  g_return_val_if_fail (dashboard != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = liaison_report_title (dashboard);
  scope = liaison_report_scope (dashboard);
  pdf = liaison_pdf_new (title, "Liaison " PACKAGE_VERSION);
  liaison_pdf_set_footer (pdf, title, page_label, NULL);
  liaison_pdf_add_heading (pdf, 1, title);
  liaison_pdf_add_paragraph (pdf, scope);
  add_figures (pdf, dashboard);
  for (LiaisonBreakdown b = LIAISON_BREAKDOWN_CATEGORY; b < LIAISON_N_BREAKDOWNS; b++)
    add_breakdown (pdf, dashboard, b);
  add_station_months (pdf, dashboard);
  return liaison_write_whole_file (path, write_pdf, pdf, error);
}
