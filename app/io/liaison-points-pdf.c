/* liaison-points-pdf.c: the quarterly group report as an A4 PDF (app/pdf):
 * the title, then each group under its name, its deputies by rank with
 * the workbook's columns (the group is the heading, not a column), and
 * the group's total and average in bold; a closed quarter's section after
 * them, its title a heading over its tables. Chinese whatever the
 * language, as the other formats are. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-pdf.h"
#include "liaison-points-report.h"
#include "liaison-xlsx-cells.h"

/* The workbook's columns but the group's. */
#define N_PDF_COLUMNS (LIAISON_POINTS_REPORT_N_COLUMNS - 1)

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  return g_strdup_printf ("第 %u 页，共 %u 页", page, n_pages);
}

/* A column's share of the page for its widest text, in half-ems: that
 * and its padding (a little under two half-ems of the table's type). The
 * shares are relative, so the page's width is spread over them. */
static double
column_width (guint half_ems)
{
  return CLAMP (half_ems, 4, 30) + 2;
}

/* A group table's header over two lines when it is long, as Chinese
 * headers of narrow columns are set: 履职 over 天数, 出席 over 人代会. */
static char *
two_line_header (const char *header)
{
  const char *second;

  if (g_utf8_strlen (header, -1) < 4)
    return g_strdup (header);
  second = g_utf8_offset_to_pointer (header, 2);
  return g_strdup_printf ("%.*s\n%s", (int) (second - header), header, second);
}

static void
add_group (LiaisonPdf                     *pdf,
           const LiaisonPointsReportGroup *section)
{
  LiaisonPdfColumn columns[N_PDF_COLUMNS];
  char             *headers[N_PDF_COLUMNS] = { NULL, };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **cells;

  for (guint r = 0; r < section->rows->len; r++)
    {
      const LiaisonPointsReportRow *row = g_ptr_array_index (section->rows, r);

      cells = g_new0 (char *, N_PDF_COLUMNS + 1);
      cells[0] = g_strdup_printf ("%u", row->deputy->rank);
      cells[1] = g_strdup (row->deputy->name);
      cells[2] = liaison_points_format (row->deputy->total);
      cells[3] = g_strdup_printf ("%u", row->deputy->duty_days);
      for (guint c = 0; c < LIAISON_N_POINTS_COUNTS; c++)
        cells[4 + c] = g_strdup_printf ("%u", row->counts[c]);
      g_ptr_array_add (rows, cells);
    }
  /* The group's total and average, bold, under the points. */
  for (guint t = 0; t < 2; t++)
    {
      cells = g_new0 (char *, N_PDF_COLUMNS + 1);
      for (guint c = 0; c < N_PDF_COLUMNS; c++)
        cells[c] = g_strdup ("");
      g_free (cells[1]);
      g_free (cells[2]);
      cells[1] = g_strdup (t == 0 ? "小组合计" : "小组平均");
      cells[2] = liaison_points_format (t == 0 ? section->group->total : section->group->average);
      g_ptr_array_add (rows, cells);
    }

  /* Each column as wide as its widest cell or header line. */
  for (guint c = 0; c < N_PDF_COLUMNS; c++)
    {
      guint widest;

      headers[c] = two_line_header (liaison_points_report_columns[c + 1]);
      widest = liaison_text_width (headers[c]);
      for (guint r = 0; r < rows->len; r++)
        widest = MAX (widest, liaison_text_width (((char **) g_ptr_array_index (rows, r))[c]));
      columns[c].header = headers[c];
      columns[c].width = column_width (widest);
      columns[c].align = c == 1 ? LIAISON_PDF_ALIGN_START : LIAISON_PDF_ALIGN_END;
    }

  liaison_pdf_add_heading (pdf, 2, section->group->group);
  liaison_pdf_begin_table (pdf, columns, N_PDF_COLUMNS, TRUE);
  for (guint r = 0; r < rows->len; r++)
    liaison_pdf_add_row (pdf, g_ptr_array_index (rows, r),
                         r < section->rows->len ? LIAISON_PDF_ROW_PLAIN : LIAISON_PDF_ROW_BOLD);
  liaison_pdf_end_table (pdf);
  for (guint c = 0; c < N_PDF_COLUMNS; c++)
    g_free (headers[c]);
}

/* The closed section: each header line starts a table of its columns,
 * each as wide as its widest cell (within reason) so that few wrap, the
 * numbers right-aligned. */
static void
add_closed (LiaisonPdf                      *pdf,
            const LiaisonPointsReportClosed *closed)
{
  for (guint i = 0; i < closed->lines->len; i++)
    {
      const LiaisonPointsReportLine *line = g_ptr_array_index (closed->lines, i);
      g_autofree LiaisonPdfColumn *columns = NULL;
      guint n_columns, end;

      if (line->kind == LIAISON_POINTS_REPORT_LINE_TITLE)
        {
          liaison_pdf_add_heading (pdf, 2, line->cells[0]);
          continue;
        }
      if (line->kind != LIAISON_POINTS_REPORT_LINE_HEADER)
        continue;

      n_columns = g_strv_length (line->cells);
      columns = g_new0 (LiaisonPdfColumn, n_columns);
      for (end = i + 1; end < closed->lines->len; end++)
        if (((LiaisonPointsReportLine *) g_ptr_array_index (closed->lines, end))->kind
            != LIAISON_POINTS_REPORT_LINE_ROW)
          break;
      for (guint c = 0; c < n_columns; c++)
        {
          guint widest = liaison_text_width (line->cells[c]);

          for (guint r = i + 1; r < end; r++)
            {
              const LiaisonPointsReportLine *row = g_ptr_array_index (closed->lines, r);

              if (c < g_strv_length (row->cells))
                widest = MAX (widest, liaison_text_width (row->cells[c]));
            }
          columns[c].header = line->cells[c];
          columns[c].width = column_width (widest);
          columns[c].align = (line->numbers & (1u << c)) != 0 ? LIAISON_PDF_ALIGN_END : LIAISON_PDF_ALIGN_START;
        }
      liaison_pdf_add_space (pdf, 6);
      liaison_pdf_begin_table (pdf, columns, n_columns, TRUE);
      for (guint r = i + 1; r < end; r++)
        {
          const LiaisonPointsReportLine *row = g_ptr_array_index (closed->lines, r);

          liaison_pdf_add_row (pdf, (const char *const *) row->cells, LIAISON_PDF_ROW_PLAIN);
        }
      liaison_pdf_end_table (pdf);
      i = end - 1;
    }
}

gboolean
liaison_points_report_write_pdf (const LiaisonPointsReport *report,
                                 const char                *path,
                                 GError                   **error)
{
  g_autoptr(LiaisonPdf) pdf = liaison_pdf_new (report->title, "Liaison " PACKAGE_VERSION);

  liaison_pdf_set_footer (pdf, report->title, page_label, NULL);
  liaison_pdf_add_heading (pdf, 1, report->title);
  if (report->groups->len == 0)
    liaison_pdf_add_paragraph (pdf, "没有代表小组。");
  for (guint g = 0; g < report->groups->len; g++)
    add_group (pdf, g_ptr_array_index (report->groups, g));
  if (report->closed != NULL)
    add_closed (pdf, report->closed);
  return liaison_pdf_write (pdf, path, error);
}
