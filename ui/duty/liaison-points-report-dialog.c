/* liaison-points-report-dialog.c: the quarterly points report from the
 * headquarters desk, as `liaison points` writes it (docs/duty-record.md,
 * "The quarterly report").
 *
 * A message dialog asks the quarter and, if one, the deputy group; a file
 * chooser the file, whose extension says the format (.xlsx, .csv, .pdf). The
 * report is gathered and written in a thread on a connection of its own:
 * the whole city takes a few tenths of a second. A bad extension or an
 * unwritable folder writes nothing and says why.
 */
#define G_LOG_DOMAIN "liaison-points-report-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-points-report.h"
#include "liaison-points-report-dialog.h"

/* Quarters offered, the current one first. */
#define N_QUARTERS_OFFERED 8

typedef struct {
  GtkWidget      *parent;      /* owned: reports through its actions */
  char           *path;        /* the store's file */
  LiaisonQuarter  quarters[N_QUARTERS_OFFERED];
  GPtrArray      *groups;      /* char *; index 0 is "every group", NULL */
  AdwComboRow    *quarter_row;  /* borrowed, while the message dialog lasts */
  AdwComboRow    *group_row;
  guint           quarter;      /* what was chosen there */
  guint           group;
} ReportDialog;

typedef struct {
  char           *store_path;
  char           *file_path;
  LiaisonQuarter  quarter;
  char           *group;       /* NULL: every group */
} ReportRequest;

static void
report_dialog_free (ReportDialog *dialog)
{
  g_clear_object (&dialog->parent);
  g_free (dialog->path);
  g_clear_pointer (&dialog->groups, g_ptr_array_unref);
  g_free (dialog);
}

static void
report_request_free (ReportRequest *request)
{
  g_free (request->store_path);
  g_free (request->file_path);
  g_free (request->group);
  g_free (request);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const ReportRequest *request = task_data;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonPointsReport) report = NULL;
  LiaisonPointsReportFormat format;
  GError *error = NULL;

  if (!liaison_points_report_format_for_path (request->file_path, &format, &error) ||
      (store = liaison_store_open (request->store_path, &error)) == NULL ||
      (report = liaison_points_report_build (store, request->quarter, request->group, &error)) == NULL ||
      !liaison_points_report_write (report, request->file_path, format, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  GtkWidget *parent = GTK_WIDGET (source);
  const ReportRequest *request = g_task_get_task_data (G_TASK (res));
  g_autofree char *name = g_path_get_basename (request->file_path);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (!gtk_widget_activate_action (parent, "win.show-error", "(sss)",
                                       _("The Points Report Could Not Be Saved"),
                                       _("Nothing was written. Correct what the message says and save again."),
                                       error->message))
        g_warning ("%s", error->message);
      return;
    }
  {
    /* Translators: a toast; %s is the file name */
    g_autofree char *message = g_strdup_printf (_("Points report saved as “%s”"), name);

    gtk_widget_activate_action (parent, "win.show-toast", "s", message);
  }
}

static void
file_response_cb (GtkNativeDialog *native,
                  int              response,
                  ReportDialog    *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ReportRequest *request;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      report_dialog_free (dialog);
      return;
    }

  request = g_new0 (ReportRequest, 1);
  request->store_path = g_strdup (dialog->path);
  request->file_path = g_file_get_path (file);
  request->quarter = dialog->quarters[dialog->quarter];
  request->group = g_strdup (g_ptr_array_index (dialog->groups, dialog->group));

  task = g_task_new (dialog->parent, NULL, write_done_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) report_request_free);
  g_task_set_source_tag (task, liaison_points_report_dialog_present);
  g_task_run_in_thread (task, write_thread);
  report_dialog_free (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *upper = g_ascii_strup (pattern, -1);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_pattern (filter, upper);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
dialog_response_cb (AdwMessageDialog *message_dialog,
                    const char       *response,
                    ReportDialog     *dialog)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (dialog->parent));
  g_autofree char *code = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;

  if (g_strcmp0 (response, "save") != 0)
    {
      report_dialog_free (dialog);
      return;
    }
  /* The message dialog closes now: keep what it says. */
  dialog->quarter = MIN (adw_combo_row_get_selected (dialog->quarter_row), N_QUARTERS_OFFERED - 1);
  dialog->group = adw_combo_row_get_selected (dialog->group_row);
  if (dialog->group >= dialog->groups->len)
    dialog->group = 0;
  dialog->quarter_row = NULL;
  dialog->group_row = NULL;
  code = liaison_quarter_format (dialog->quarters[dialog->quarter]);

  native = gtk_file_chooser_native_new (_("Save Points Report"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (native), _("Excel workbooks"), "*.xlsx");
  add_filter (GTK_FILE_CHOOSER (native), _("CSV files"), "*.csv");
  add_filter (GTK_FILE_CHOOSER (native), _("PDF files"), "*.pdf");
  /* Translators: the file name offered for the quarterly points report;
   * %s is the quarter, 2026Q4. The extension says the format. */
  file_name = g_strdup_printf (_("points report %s.xlsx"), code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (file_response_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static AdwComboRow *
add_combo_row (GtkListBox *list,
               const char *title,
               GListModel *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  gtk_list_box_append (list, row);
  return ADW_COMBO_ROW (row);
}

/**
 * liaison_points_report_dialog_present:
 * @parent: a widget in the main window
 *
 * Asks the quarter, the group and the file, then writes the report; the
 * outcome is a toast or an error dialog through @parent's window actions.
 */
void
liaison_points_report_dialog_present (GtkWidget    *parent,
                                      LiaisonStore *store)
{
  ReportDialog *dialog = g_new0 (ReportDialog, 1);
  g_autoptr(GtkStringList) quarters = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) deputy_groups = liaison_store_list_deputy_groups (store, NULL);
  AdwMessageDialog *message_dialog;
  GtkWidget *list;
  LiaisonQuarter quarter;
  GDate today;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LIAISON_IS_STORE (store));

  dialog->parent = g_object_ref (parent);
  dialog->path = g_strdup (liaison_store_get_path (store));

  liaison_date_set_today (&today);
  liaison_quarter_from_gdate (&today, &quarter);
  for (guint i = 0; i < N_QUARTERS_OFFERED; i++)
    {
      g_autofree char *label = liaison_quarter_label (quarter);

      dialog->quarters[i] = quarter;
      gtk_string_list_append (quarters, label);
      quarter = liaison_quarter_previous (quarter);
    }

  dialog->groups = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (dialog->groups, NULL);
  gtk_string_list_append (groups, _("Every deputy group"));
  for (guint i = 0; deputy_groups != NULL && i < deputy_groups->len; i++)
    {
      const LiaisonDeputyGroup *group = g_ptr_array_index (deputy_groups, i);

      g_ptr_array_add (dialog->groups, g_strdup (group->name));
      gtk_string_list_append (groups, group->name);
    }

  message_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
    _("Quarterly Points Report"),
    _("Each deputy group’s deputies ranked by their points in the quarter, with their duty days and main items, "
      "and the group’s total and average. The file name’s extension says the format: .xlsx, .csv or .pdf.")));
  adw_message_dialog_add_responses (message_dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message_dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message_dialog, "save");
  adw_message_dialog_set_close_response (message_dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What to report"), -1);
  gtk_widget_add_css_class (list, "boxed-list");
  dialog->quarter_row = add_combo_row (GTK_LIST_BOX (list), _("Quarter"), G_LIST_MODEL (quarters));
  /* The quarter announced is usually the last one over, not this one. */
  adw_combo_row_set_selected (dialog->quarter_row, 1);
  dialog->group_row = add_combo_row (GTK_LIST_BOX (list), _("Deputy group"), G_LIST_MODEL (groups));
  adw_message_dialog_set_extra_child (message_dialog, list);

  g_signal_connect (message_dialog, "response", G_CALLBACK (dialog_response_cb), dialog);
  gtk_window_present (GTK_WINDOW (message_dialog));
}
