/* liaison-window-ledger.c: the window's ledger actions: import a ledger
 * of receptions (an Excel workbook or a CSV file), and export one between two dates, as an XLSX
 * workbook or a CSV file: the dialog's format choice names the file, and
 * the name's extension, .xlsx or .csv, says what is written. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-import-report.h"
#include "liaison-ledger.h"
#include "liaison-period-dialog.h"
#include "liaison-ui-util.h"
#include "liaison-window-private.h"

/* Import */

/**
 * liaison_window_import_ledger:
 * @file: the ledger chosen
 *
 * Imports @file. Bad rows are listed in a dialog, one problem a row, to
 * read, copy or save; other failures in an error dialog.
 */
void
liaison_window_import_ledger (LiaisonWindow *self,
                              GFile         *file)
{
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_imported = 0;

  g_return_if_fail (LIAISON_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!liaison_ledger_import_receptions_full (self->store, file, &n_imported, already, problems, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *body = g_strdup_printf (_("Nothing was imported from “%s”. Correct the file and import it again."), name);

      if (liaison_import_problems_get_n (problems) > 0)
        gtk_window_present (GTK_WINDOW (liaison_import_report_new (GTK_WINDOW (self), _("The Ledger Could Not Be Imported"),
                                                                   file, problems)));
      else
        liaison_window_show_error (self, _("The Ledger Could Not Be Imported"), body, error->message);
      return;
    }

  {
    g_autofree char *imported = g_strdup_printf (ngettext ("Imported %u reception",
                                                           "Imported %u receptions",
                                                           n_imported),
                                                 n_imported);
    g_autofree char *already_text = liaison_ledger_already_imported_text (already);
    g_autofree char *message = NULL;
    char *end = strchr (already_text, '\n');

    /* The toast says how many were already there, not every line. */
    if (end != NULL)
      *end = '\0';
    if (already->len > 0)
      /* Translators: "Imported 2 receptions" and "already imported: 3 rows" */
      message = g_strdup_printf (_("%s; %s"), imported, already_text);
    else
      message = g_steal_pointer (&imported);
    adw_view_stack_set_visible_child_name (self->view_stack, "receptions");
    liaison_window_add_toast (self, message);
  }
}

static void
import_ledger_response_cb (GtkNativeDialog *native,
                           int              response,
                           LiaisonWindow   *self)
{
  g_autoptr(GFile) file = liaison_ui_csv_chooser_finish (native, response);

  if (file != NULL)
    liaison_window_import_ledger (self, file);
}

static void
import_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  GtkFileChooserNative *native;

  g_autoptr(GtkFileFilter) ledgers = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();

  native = liaison_ui_csv_chooser_new (_("Import Ledger"), GTK_WINDOW (self),
                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), TRUE);
  /* A workbook (.xlsx or .xls) is read directly (app/xlsx): both are offered first. */
  gtk_file_filter_set_name (workbooks, _("Excel workbooks"));
  gtk_file_filter_add_pattern (workbooks, "*.xlsx");
  gtk_file_filter_add_pattern (workbooks, "*.XLSX");
  gtk_file_filter_add_pattern (workbooks, "*.xls");
  gtk_file_filter_add_pattern (workbooks, "*.XLS");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workbooks);
  gtk_file_filter_set_name (ledgers, _("Ledgers (.xlsx, .xls or .csv)"));
  gtk_file_filter_add_pattern (ledgers, "*.xlsx");
  gtk_file_filter_add_pattern (ledgers, "*.XLSX");
  gtk_file_filter_add_pattern (ledgers, "*.xls");
  gtk_file_filter_add_pattern (ledgers, "*.XLS");
  gtk_file_filter_add_pattern (ledgers, "*.csv");
  gtk_file_filter_add_pattern (ledgers, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), ledgers);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), ledgers);
  g_signal_connect_object (native, "response", G_CALLBACK (import_ledger_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export */

typedef struct {
  LiaisonWindow *window;  /* owned */
  char          *from_date;
  char          *to_date;
  const char    *format;  /* "xlsx" or "csv": the one chosen */
  char          *contacts_reason;  /* NULL: phones masked */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_free (request->from_date);
  g_free (request->to_date);
  g_free (request->contacts_reason);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_save_response_cb (GtkNativeDialog *native,
                         int              response,
                         ExportRequest   *request_ptr)
{
  g_autoptr(ExportRequest) request = request_ptr;
  LiaisonWindow *self = request->window;
  g_autoptr(GFile) file = liaison_ui_csv_chooser_finish (native, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  LiaisonLedgerFormat format;
  guint n_exported = 0;

  if (file == NULL)
    return;

  /* The name's extension says the format; a name without one is the
   * format chosen. */
  name = g_file_get_basename (file);
  if ((!liaison_ledger_format_for_path (name, NULL, &format, NULL) &&
       !liaison_ledger_format_for_path (name, request->format, &format, &error)) ||
      !liaison_ledger_export_receptions_as (self->store, request->from_date, request->to_date,
                                            file, format, request->contacts_reason, &n_exported, &error))
    {
      liaison_window_show_error (self, _("The Ledger Could Not Be Exported"), error->message, NULL);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (ngettext ("Exported %u reception",
                                                          "Exported %u receptions",
                                                          n_exported),
                                                n_exported);
    liaison_window_add_toast (self, message);
  }
}

static void
export_dates_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          LiaisonWindow    *self)
{
  AdwComboRow *format_row = g_object_get_data (G_OBJECT (dialog), "format-row");
  gboolean xlsx = adw_combo_row_get_selected (format_row) == 0;
  ExportRequest *request;
  GtkFileChooserNative *native;
  g_autofree char *file_name = NULL;

  if (g_strcmp0 (response, "export") != 0)
    return;

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  if (!liaison_period_dialog_get_dates (dialog, &request->from_date, &request->to_date))
    {
      export_request_free (request);
      return;
    }

  request->format = xlsx ? "xlsx" : "csv";
  request->contacts_reason = liaison_period_dialog_dup_contacts_reason (dialog);

  native = liaison_ui_csv_chooser_new (_("Export Ledger"), GTK_WINDOW (self),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), TRUE);
  if (xlsx)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
      gtk_file_filter_add_pattern (filter, "*.XLSX");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
      /* Translators: the file name offered when exporting a workbook; %s
       * are the first and last dates, YYYY-MM-DD */
      file_name = g_strdup_printf (_("ledger %s to %s.xlsx"), request->from_date, request->to_date);
    }
  else
    /* Translators: the file name offered when exporting; %s are the first
     * and last dates, YYYY-MM-DD */
    file_name = g_strdup_printf (_("ledger %s to %s.csv"), request->from_date, request->to_date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (export_save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *format_row;
  const char *formats[] = { N_("Excel workbook (.xlsx)"), N_("CSV file (.csv)"), NULL };
  g_autoptr(GtkStringList) format_names = gtk_string_list_new (NULL);

  dialog = liaison_period_dialog_new (GTK_WINDOW (self), _("Export Ledger"),
    _("Receptions from the first date to the last, both included, are written to a workbook or a CSV file that Excel and WPS can open."),
                                      "export", _("_Export…"), _("Dates to export"));

  for (guint i = 0; formats[i] != NULL; i++)
    gtk_string_list_append (format_names, _(formats[i]));
  format_row = adw_combo_row_new ();
  gtk_widget_set_name (format_row, "export_format_row");
  /* Translators: what the export writes: a workbook or a CSV file */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (format_row), _("Format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (format_row), G_LIST_MODEL (format_names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (format_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Format of the exported ledger"), -1);
  gtk_list_box_append (liaison_period_dialog_get_list (dialog), format_row);
  liaison_period_dialog_add_contacts_choice (dialog);

  g_object_set_data (G_OBJECT (dialog), "format-row", format_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_dates_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
liaison_window_class_add_ledger_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-ledger", NULL, import_ledger_action);
  gtk_widget_class_install_action (widget_class, "win.export-ledger", NULL, export_ledger_action);
}
