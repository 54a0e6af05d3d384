/* liaison-quarter-close-dialog.c: headquarters closes a quarter
 * (liaison-quarter-close-dialog.h). */
#define G_LOG_DOMAIN "liaison-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-quarter-close-dialog.h"
#include "liaison-store-quarter.h"

/* How far back the dialog offers quarters not yet closed: two years. */
#define N_QUARTERS_BACK 8

struct _LiaisonQuarterCloseDialog
{
  AdwMessageDialog  parent_instance;

  /* owned */
  LiaisonStore     *store;
  GArray           *quarters;        /* LiaisonQuarter, as the dropdown lists them */

  /* template children */
  GtkDropDown      *quarter_dropdown;
  GtkLabel         *quarter_label;
  GtkLabel         *none_label;
};

G_DEFINE_FINAL_TYPE (LiaisonQuarterCloseDialog, liaison_quarter_close_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The quarters over and not closed, latest first. */
static void
fill_quarters (LiaisonQuarterCloseDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  LiaisonQuarter quarter;

  g_array_set_size (self->quarters, 0);
  liaison_quarter_from_date (today, &quarter);
  for (guint i = 0; i < N_QUARTERS_BACK; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *label = NULL;

      quarter = liaison_quarter_previous (quarter);
      if (liaison_store_quarter_is_closed (self->store, quarter, &error) || error != NULL)
        continue;
      label = liaison_quarter_label (quarter);
      gtk_string_list_append (labels, label);
      g_array_append_val (self->quarters, quarter);
    }
  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_dropdown), self->quarters->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_label), self->quarters->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), self->quarters->len == 0);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "close-quarter", self->quarters->len > 0);
}

static void
liaison_quarter_close_dialog_response (AdwMessageDialog *dialog,
                                       const char       *response)
{
  LiaisonQuarterCloseDialog *self = LIAISON_QUARTER_CLOSE_DIALOG (dialog);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint selected = gtk_drop_down_get_selected (self->quarter_dropdown);
  LiaisonQuarter quarter;

  if (g_strcmp0 (response, "close-quarter") != 0 || selected >= self->quarters->len)
    return;
  quarter = g_array_index (self->quarters, LiaisonQuarter, selected);
  label = liaison_quarter_label (quarter);
  close = liaison_store_close_quarter (self->store, quarter, NULL, NULL, &error);
  if (close == NULL)
    {
      /* Translators: %s is a quarter, such as "2025, first quarter" */
      g_autofree char *heading = g_strdup_printf (_("%s Was Not Closed"), label);

      if (parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-error", "(sss)", heading, error->message, "");
      return;
    }
  /* Translators: %s is a quarter, such as "2025, first quarter" */
  message = g_strdup_printf (_("%s closed; stations receive it at their next sync"), label);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0, message);
}

static void
liaison_quarter_close_dialog_dispose (GObject *object)
{
  LiaisonQuarterCloseDialog *self = LIAISON_QUARTER_CLOSE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->quarters, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_QUARTER_CLOSE_DIALOG);
  G_OBJECT_CLASS (liaison_quarter_close_dialog_parent_class)->dispose (object);
}

static void
liaison_quarter_close_dialog_class_init (LiaisonQuarterCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = liaison_quarter_close_dialog_dispose;
  dialog_class->response = liaison_quarter_close_dialog_response;

  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/liaison/Liaison/liaison-quarter-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonQuarterCloseDialog, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonQuarterCloseDialog, quarter_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonQuarterCloseDialog, none_label);
}

static void
liaison_quarter_close_dialog_init (LiaisonQuarterCloseDialog *self)
{
  self->quarters = g_array_new (FALSE, FALSE, sizeof (LiaisonQuarter));
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaisonQuarterCloseDialog *
liaison_quarter_close_dialog_new (GtkWindow    *parent,
                                  LiaisonStore *store)
{
  LiaisonQuarterCloseDialog *self;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self = g_object_new (LIAISON_TYPE_QUARTER_CLOSE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  fill_quarters (self);
  return self;
}
