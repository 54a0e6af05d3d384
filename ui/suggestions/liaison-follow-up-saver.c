/* liaison-follow-up-saver.c: a follow-up list saved to a file chosen in
 * the file chooser (see the header), after the choice of full contacts.
 * The list is read again when the file is chosen, every row of it, so
 * that the file holds what the page would show then, not only its first
 * rows. */
#define G_LOG_DOMAIN "liaison-follow-up-saver"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-follow-up-export.h"
#include "liaison-follow-up-saver.h"
#include "liaison-period-dialog.h"
#include "liaison-ui-util.h"

typedef struct {
  GtkWidget       *source;  /* owned */
  LiaisonStore    *store;   /* owned */
  LiaisonLoopList  list;
  gint64           deputy_id;
  char            *title;
  char            *contacts_reason;  /* NULL: masked */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->source);
  g_clear_object (&request->store);
  g_free (request->title);
  g_free (request->contacts_reason);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  SaveRequest     *request_ptr)
{
  g_autoptr(SaveRequest) request = request_ptr;
  g_autoptr(GFile) file = liaison_ui_csv_chooser_finish (native, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  LiaisonLedgerFormat format;
  guint n = 0;

  if (file == NULL)
    return;
  /* The name's extension says the format; a name without one is a
   * workbook. */
  name = g_file_get_basename (file);
  if ((!liaison_ledger_format_for_path (name, NULL, &format, NULL) &&
       !liaison_ledger_format_for_path (name, "xlsx", &format, &error)) ||
      !liaison_follow_up_export (request->store, request->list, request->deputy_id, NULL, file, format,
                                    request->contacts_reason, &n, &error))
    {
      gtk_widget_activate_action (request->source, "win.show-error", "(sss)",
                                  _("The List Could Not Be Exported"), error->message, "");
      return;
    }
  /* Translators: a toast; %s is the file's name */
  message = g_strdup_printf (ngettext ("Exported %u suggestion to “%s”", "Exported %u suggestions to “%s”", n),
                             n, name);
  gtk_widget_activate_action (request->source, "win.show-toast", "s", message);
}

static void
choose_file (SaveRequest *request)
{
  GtkRoot *root = gtk_widget_get_root (request->source);
  g_autoptr(GtkFileFilter) workbooks = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;

  native = liaison_ui_csv_chooser_new (_("Export List"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), FALSE);
  gtk_file_filter_set_name (workbooks, _("Excel workbooks"));
  gtk_file_filter_add_pattern (workbooks, "*.xlsx");
  gtk_file_filter_add_pattern (workbooks, "*.XLSX");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workbooks);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), workbooks);
  /* Translators: the file name offered when exporting a follow-up list;
   * %s is the list's title, the second %s today, YYYY-MM-DD */
  file_name = g_strdup_printf (_("%s %s.xlsx"), request->title, today);
  g_strdelimit (file_name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);

  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
contacts_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SaveRequest      *request_ptr)
{
  g_autoptr(SaveRequest) request = request_ptr;

  /* The request is answered once, even if closing the dialog responds again. */
  g_signal_handlers_disconnect_by_data (dialog, request_ptr);
  if (g_strcmp0 (response, "export") != 0)
    return;
  request->contacts_reason = liaison_period_dialog_dup_contacts_reason (dialog);
  choose_file (g_steal_pointer (&request));
}

void
liaison_follow_up_save (GtkWidget       *source,
                        LiaisonStore    *store,
                        LiaisonLoopList  list,
                        gint64           deputy_id,
                        const char      *title)
{
  GtkRoot *root = gtk_widget_get_root (source);
  AdwMessageDialog *dialog;
  SaveRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (source));
  g_return_if_fail (LIAISON_IS_STORE (store));

  request = g_new0 (SaveRequest, 1);
  request->source = g_object_ref (source);
  request->store = g_object_ref (store);
  request->list = list;
  request->deputy_id = deputy_id;
  request->title = g_strdup (title);

  dialog = liaison_contacts_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export List"),
    _("A visitor’s contact is written masked unless you include full contacts; even then, only for visitors who agreed to be contacted."),
                                        "export", _("_Export…"));
  g_signal_connect (dialog, "response", G_CALLBACK (contacts_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
