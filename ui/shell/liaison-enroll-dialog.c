/* liaison-enroll-dialog.c: connects this station to headquarters.
 *
 * The clerk types the address and the one-time code that headquarters
 * gave; the dialog then says which station this desktop became and where
 * its key is kept. Closing it cancels a request still under way.
 */
#define G_LOG_DOMAIN "liaison-enroll-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-enroll-dialog.h"
#include "liaison-store-sync.h"
#include "liaison-ui-util.h"
#include "liaison-window-fit.h"

struct _LiaisonEnrollDialog
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonSyncEngine *engine;
  GCancellable *cancellable;

  /* template children */
  GtkButton *cancel_button;
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwEntryRow *server_row;
  AdwEntryRow *code_row;
  GtkLabel *error_label;
  AdwStatusPage *done_page;
};

G_DEFINE_FINAL_TYPE (LiaisonEnrollDialog, liaison_enroll_dialog, ADW_TYPE_WINDOW)

enum {
  ENROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (LiaisonEnrollDialog *self,
          gboolean             busy)
{
  /* A field made insensitive with the focus in it keeps blinking its
   * cursor, and GTK warns; the focus comes back on a failure. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enroll.connect", !busy);
}

static void
field_changed_cb (LiaisonEnrollDialog *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
}

static void
enroll_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LiaisonEnrollDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autofree char *key_place = NULL;
  g_autofree char *description = NULL;
  LiaisonStore *store;

  if (!liaison_sync_engine_enroll_finish (LIAISON_SYNC_ENGINE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      liaison_ui_show_message (self->error_label, NULL, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return;
    }
  set_busy (self, FALSE);

  store = liaison_sync_engine_get_store (self->engine);
  station = liaison_store_get_local_station (store);
  /* Where the key is (a file path, whether a keyring runs) is for
   * whoever looks after the computer: the log has it, the clerk gets
   * words. */
  key_place = liaison_sync_engine_describe_key_place (self->engine);
  if (key_place != NULL)
    g_message ("%s", key_place);
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ || station == NULL)
    description = g_strdup_printf ("%s\n\n%s", _("This desktop is now a headquarters desktop: it sees every station’s records."),
                                   _("The key that lets this computer sync is saved on it."));
  else
    {
      /* Translators: %s is the station's name as headquarters knows it. */
      g_autofree char *which = g_strdup_printf (_("This desktop is now the station “%s”."), station->name);

      description = g_strdup_printf ("%s\n\n%s", which, _("The key that lets this computer sync is saved on it."));
    }
  adw_status_page_set_description (self->done_page, description);
  /* The dialog is as tall as its form; the page that says it is done
   * asks for its own height, and the window grows to it. */
  {
    int natural = 0;

    gtk_widget_measure (GTK_WIDGET (self->done_page), GTK_ORIENTATION_VERTICAL,
                        gtk_widget_get_width (GTK_WIDGET (self->stack)), NULL, &natural, NULL, NULL);
    gtk_widget_set_size_request (GTK_WIDGET (self->stack), -1, MIN (natural, LIAISON_UI_MAX_DIALOG_HEIGHT - 60));
  }
  /* The focus leaves the form before it goes, for the page's button. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (adw_status_page_get_child (self->done_page));
  /* Nothing left to cancel or connect: the page's own button closes. */
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  g_signal_emit (self, signals[ENROLLED], 0);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiaisonEnrollDialog *self = LIAISON_ENROLL_DIALOG (widget);
  g_autofree char *server = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->server_row));
  g_autofree char *code = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->code_row));

  if (server[0] == '\0')
    {
      liaison_ui_show_message (self->error_label, NULL, _("Enter the headquarters address, such as https://hq.example.cn."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  if (code[0] == '\0')
    {
      liaison_ui_show_message (self->error_label, NULL, _("Enter the enrollment code that headquarters gave you."));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return;
    }

  liaison_ui_show_message (self->error_label, NULL, NULL);
  set_busy (self, TRUE);
  liaison_sync_engine_enroll_async (self->engine, server, code, self->cancellable,
                                    enroll_done_cb, g_object_ref (self));
}

static void
entry_activated_cb (LiaisonEnrollDialog *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->connect_button)) &&
      !gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    gtk_widget_activate_action (GTK_WIDGET (self), "enroll.connect", NULL);
}

static gboolean
liaison_enroll_dialog_close_request (GtkWindow *window)
{
  LiaisonEnrollDialog *self = LIAISON_ENROLL_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (liaison_enroll_dialog_parent_class)->close_request (window);
}

/**
 * liaison_enroll_dialog_new:
 * @parent: the window it belongs to
 * @engine: the engine that enrolls
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LiaisonEnrollDialog *
liaison_enroll_dialog_new (GtkWindow         *parent,
                           LiaisonSyncEngine *engine)
{
  LiaisonEnrollDialog *self;
  g_autofree char *server_url = NULL;

  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (engine), NULL);

  self = g_object_new (LIAISON_TYPE_ENROLL_DIALOG, "transient-for", parent, NULL);
  self->engine = g_object_ref (engine);
  /* Enrolling again (a new code after a revoked key) keeps the address. */
  server_url = liaison_store_get_server_url (liaison_sync_engine_get_store (engine));
  if (server_url != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url);
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (server_url != NULL ? self->code_row : self->server_row));
  return self;
}

static void
liaison_enroll_dialog_dispose (GObject *object)
{
  LiaisonEnrollDialog *self = LIAISON_ENROLL_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_ENROLL_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (liaison_enroll_dialog_parent_class)->dispose (object);
}

static void
liaison_enroll_dialog_class_init (LiaisonEnrollDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = liaison_enroll_dialog_dispose;
  window_class->close_request = liaison_enroll_dialog_close_request;

  /**
   * LiaisonEnrollDialog::enrolled:
   *
   * Headquarters accepted the code; the store is that station now.
   */
  signals[ENROLLED] = g_signal_new ("enrolled",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-enroll-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEnrollDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "enroll.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_enroll_dialog_init (LiaisonEnrollDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
