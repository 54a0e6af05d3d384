/* liaison-import-report.c: the problems that stopped an import.
 *
 * One row a problem, in three columns that line up with their titles; a
 * screen reader reads each row as one sentence. Copy puts tab-separated
 * text on the clipboard (a spreadsheet pastes it into three columns), and
 * Save As… writes the CSV that Excel and WPS open.
 */
#define G_LOG_DOMAIN "liaison-import-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-import-report.h"
#include "liaison-ui-util.h"

/* More rows than this make the dialog slow to open and no easier to read;
 * Copy and Save As… still give every one. */
#define MAX_SHOWN_ROWS 500

struct _LiaisonImportReport
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonImportProblems *problems;
  GFile                 *file;
  GtkSizeGroup          *line_group;
  GtkSizeGroup          *column_group;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *summary_label;
  GtkLabel        *line_title;
  GtkLabel        *column_title;
  GtkScrolledWindow *scrolled;
  GtkListBox      *list;
  GtkLabel        *more_label;
};

G_DEFINE_FINAL_TYPE (LiaisonImportReport, liaison_import_report, ADW_TYPE_WINDOW)

static void
toast (LiaisonImportReport *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GtkWidget *
cell (const char *text,
      gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  return label;
}

static GtkWidget *
problem_row (LiaisonImportReport        *self,
             const LiaisonImportProblem *problem)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *line = g_strdup_printf ("%u", problem->line);
  g_autofree char *sentence = liaison_import_problem_describe (problem);
  GtkWidget *line_label = cell (line, FALSE);
  GtkWidget *column_label = cell (problem->column, TRUE);
  GtkWidget *reason_label = cell (problem->reason, TRUE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (line_label, "numeric");
  gtk_label_set_max_width_chars (GTK_LABEL (column_label), 10);
  gtk_widget_set_hexpand (reason_label, TRUE);
  gtk_size_group_add_widget (self->line_group, line_label);
  gtk_size_group_add_widget (self->column_group, column_label);
  gtk_box_append (GTK_BOX (box), line_label);
  gtk_box_append (GTK_BOX (box), column_label);
  gtk_box_append (GTK_BOX (box), reason_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row is one problem: "Line 3, column 接待日期: …". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
  return row;
}

static void
fill (LiaisonImportReport *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *summary = NULL;
  guint n = liaison_import_problems_get_n (self->problems);
  guint n_lines = liaison_import_problems_get_n_lines (self->problems);
  guint shown = MIN (n, MAX_SHOWN_ROWS);

  adw_window_title_set_subtitle (self->window_title, name);
  summary = g_strdup_printf (ngettext ("Nothing was imported from “%s”: %u row has a problem. Correct it in the file and import the file again.",
                                       "Nothing was imported from “%s”: %u rows have problems. Correct them in the file and import the file again.",
                                       n_lines),
                             name, n_lines);
  gtk_label_set_text (self->summary_label, summary);

  /* Wrapped rows ask for little height; give the list room for the rows it
   * has, up to what a 1366×768 screen holds, and scroll beyond. */
  gtk_scrolled_window_set_min_content_height (self->scrolled, MIN (460, 50 * (int) MIN (n, 9)));

  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->list, problem_row (self, liaison_import_problems_get (self->problems, i)));

  if (n > shown)
    {
      /* Translators: shown only when there are more than 500 */
      g_autofree char *more = g_strdup_printf (_("The list shows the first %u of %u problems; Copy and Save As… give every one."),
                                               shown, n);
      gtk_label_set_text (self->more_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonImportReport *self = LIAISON_IMPORT_REPORT (widget);
  g_autofree char *text = liaison_import_problems_to_text (self->problems);
  guint n = liaison_import_problems_get_n (self->problems);
  g_autofree char *message = g_strdup_printf (ngettext ("Copied %u problem", "Copied %u problems", n), n);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, message);
}

gboolean
liaison_import_report_save (LiaisonImportReport  *self,
                            GFile                *file,
                            GError              **error)
{
  g_return_val_if_fail (LIAISON_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return liaison_import_problems_save_csv (self->problems, file, error);
}

static void
save_response_cb (GtkNativeDialog     *native,
                  int                  response,
                  LiaisonImportReport *self)
{
  g_autoptr(GFile) file = liaison_ui_csv_chooser_finish (native, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (!liaison_import_report_save (self, file, &error))
    /* Translators: %s is the file's name, then the reason */
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiaisonImportReport *self = LIAISON_IMPORT_REPORT (widget);
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *stem = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;
  char *dot;

  stem = g_strdup (base);
  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the file a list of problems is saved to; %s is the imported file's name without .csv */
  suggested = g_strdup_printf (_("%s problems.csv"), stem);

  native = liaison_ui_csv_chooser_new (_("Save the Problems"), GTK_WINDOW (self),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), FALSE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect_object (native, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
liaison_import_report_dispose (GObject *object)
{
  LiaisonImportReport *self = LIAISON_IMPORT_REPORT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_IMPORT_REPORT);
  g_clear_pointer (&self->problems, liaison_import_problems_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->line_group);
  g_clear_object (&self->column_group);

  G_OBJECT_CLASS (liaison_import_report_parent_class)->dispose (object);
}

static void
liaison_import_report_class_init (LiaisonImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_import_report_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-import-report.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, line_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, column_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonImportReport, more_label);

  gtk_widget_class_install_action (widget_class, "report.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "report.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "report.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_import_report_init (LiaisonImportReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->line_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->column_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_size_group_add_widget (self->line_group, GTK_WIDGET (self->line_title));
  gtk_size_group_add_widget (self->column_group, GTK_WIDGET (self->column_title));
  /* Wide enough for "行号" and a five-digit line, and for most column names. */
  gtk_label_set_width_chars (self->line_title, 5);
  gtk_label_set_width_chars (self->column_title, 8);
}

/**
 * liaison_import_report_new:
 * @parent: (nullable): the window it is modal to
 * @problems: the import's problems, at least one
 *
 * Returns: (transfer none): the dialog; present it.
 */
LiaisonImportReport *
liaison_import_report_new (GtkWindow             *parent,
                           const char            *title,
                           GFile                 *file,
                           LiaisonImportProblems *problems)
{
  LiaisonImportReport *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_IMPORT_REPORT,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  adw_window_title_set_title (self->window_title, title);
  self->problems = liaison_import_problems_ref (problems);
  self->file = g_object_ref (file);
  fill (self);
  return self;
}
