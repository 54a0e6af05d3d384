/* liaison-dashboard-export.c: the dashboard's "Export…": its tables as
 * an XLSX workbook, or the dashboard as an A4 PDF report, written by the
 * core (liaison_report_write_xlsx(), liaison_report_write_pdf()) from the
 * dashboard on screen. Says what happened through win.show-toast and
 * win.show-error.
 */
#define G_LOG_DOMAIN "liaison-dashboard-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dashboard-page-private.h"
#include "liaison-report-files.h"

/* The button is there once a dashboard is. */
void
liaison_dashboard_page_update_export (LiaisonDashboardPage *self)
{
  gboolean ready = liaison_dashboard_page_get_dashboard (self) != NULL;

  gtk_widget_set_visible (liaison_dashboard_page_get_export_button (self), ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.export", ready);
}

static void
save_response_cb (GtkNativeDialog      *native,
                  int                   response,
                  LiaisonDashboardPage *self)
{
  LiaisonDashboard *dashboard = liaison_dashboard_page_get_dashboard (self);
  gboolean pdf = g_object_get_data (G_OBJECT (native), "pdf") != NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || dashboard == NULL)
    {
      g_object_unref (self);
      return;
    }

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  written = pdf ? liaison_report_write_pdf (dashboard, path, &error)
                : liaison_report_write_xlsx (dashboard, path, &error);
  if (!written)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(sss)",
                                _("The Dashboard Could Not Be Exported"), error->message, "");
  else
    {
      /* Translators: a toast; %s is the file's name */
      message = g_strdup_printf (_("Saved “%s”"), name);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonDashboardPage *self = LIAISON_DASHBOARD_PAGE (widget);
  LiaisonDashboard *dashboard = liaison_dashboard_page_get_dashboard (self);
  gboolean pdf = g_strcmp0 (g_variant_get_string (parameter, NULL), "pdf") == 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *code = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;

  if (dashboard == NULL)
    return;
  native = gtk_file_chooser_native_new (pdf ? _("Export the Dashboard as PDF") : _("Export the Dashboard as a Workbook"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  code = liaison_period_to_code (&dashboard->period);
  /* Translators: the file name offered for the dashboard's export; %s is
   * the period's code (2025-03, 2025Q1), then the extension */
  file_name = g_strdup_printf (_("dashboard %s.%s"), code, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data (G_OBJECT (native), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
liaison_dashboard_page_class_add_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.export", "s", export_action);
}
