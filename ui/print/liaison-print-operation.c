/* liaison-print-operation.c: printing through GtkPrintOperation. The
 * pages are the core's (app/pdf draws each on the print context's
 * cairo_t), so the paper, the preview and the PDF are one drawing. */
#define G_LOG_DOMAIN "liaison-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-print-operation.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LiaisonPdf        *pdf)
{
  gtk_print_operation_set_n_pages (operation, (int) liaison_pdf_count_pages (pdf));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LiaisonPdf        *pdf)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  /* With the full page, the context is the paper, in points. */
  liaison_pdf_draw_page (pdf, gtk_print_context_get_cairo_context (context), (guint) page_nr,
                         gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                         gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));
}

GtkPrintOperation *
liaison_print_operation_new (LiaisonPdf *pdf,
                             const char *job_name,
                             gboolean    landscape)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "liaison-pdf", pdf, (GDestroyNotify) liaison_pdf_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pdf);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pdf);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  gtk_widget_activate_action (parent, "win.show-error", "(sss)", _("Could Not Print"),
                              error != NULL ? error->message : "", "");
}

void
liaison_print_run (GtkWidget  *parent,
                   LiaisonPdf *pdf,
                   const char *job_name,
                   gboolean    landscape)
{
  g_autoptr(GtkPrintOperation) operation = liaison_print_operation_new (pdf, job_name, landscape);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (parent);

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_widget_activate_action (parent, "win.show-error", "(sss)", _("Could Not Print"),
                                error != NULL ? error->message : "", "");
}
