/* liaison-window-print.c: the window's print actions: a reception's
 * registration form (from its detail page, win.print-reception), the
 * blank form for days on paper, and a period's ledger, each through the
 * print dialog (ui/print/), whose preview and Print to File (a PDF) come
 * with it. */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-ledger.h"
#include "liaison-period-dialog.h"
#include "liaison-print-form.h"
#include "liaison-print-operation.h"
#include "liaison-store-sync.h"
#include "liaison-window-private.h"

/* The form is drawn, and with full contacts logged, once the choice is
 * made: a print cancelled in the print dialog has still shown them. */
static void
print_reception_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             LiaisonWindow    *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "reception-id");
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  LiaisonPdf *pdf = NULL;

  if (g_strcmp0 (response, "print") != 0)
    return;
  reason = liaison_period_dialog_dup_contacts_reason (dialog);
  reception = liaison_store_get_reception (self->store, id, &error);
  if (reception != NULL)
    pdf = liaison_print_form_with_contacts (self->store, reception, reason, &error);
  if (pdf == NULL)
    {
      liaison_window_show_error (self, _("Could Not Print"), error->message, NULL);
      return;
    }
  liaison_print_run (GTK_WIDGET (self), pdf, _("Reception Registration Form"), FALSE);
}

/* Headquarters' desk holds phones masked: the form shows a number in full
 * only when the officer asked the server for it with a reason this session
 * (Show Contact…, logged there), and only for a visitor who agreed to be
 * contacted (docs/privacy.md, "Headquarters and contacts"). */
static void
print_reception_at_hq (LiaisonWindow *self,
                       gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) reception = liaison_store_get_reception (self->store, id, &error);
  LiaisonPrivacyView view = LIAISON_PRIVACY_MASKED;

  if (reception == NULL)
    {
      liaison_window_show_error (self, _("Could Not Print"), error->message, NULL);
      return;
    }
  if (self->sync_engine != NULL && liaison_sync_engine_fill_shown_contacts (self->sync_engine, reception))
    view = LIAISON_PRIVACY_WITH_CONTACTS;
  liaison_print_run (GTK_WIDGET (self), liaison_print_form_new (reception, view), _("Reception Registration Form"), FALSE);
}

/* At a station, the form asks first whether to include full contacts, as
 * the ledger does. */
static void
print_reception_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  AdwMessageDialog *dialog;

  if (liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ)
    {
      print_reception_at_hq (self, id);
      return;
    }
  dialog = liaison_contacts_dialog_new (GTK_WINDOW (self), _("Print Registration Form"),
    _("A visitor’s phone is printed masked unless you include full contacts; even then, only for visitors who agreed to be contacted. The print dialog can also save it as a PDF."),
                                        "print", _("_Print…"));
  g_object_set_data_full (G_OBJECT (dialog), "reception-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (print_reception_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_blank_form_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  liaison_print_run (widget, liaison_print_blank_form_for (self->store), _("Reception Registration Form"), FALSE);
}

static void
print_ledger_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          LiaisonWindow    *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPdf *pdf;

  if (g_strcmp0 (response, "print") != 0 || !liaison_period_dialog_get_dates (dialog, &from, &to))
    return;
  reason = liaison_period_dialog_dup_contacts_reason (dialog);
  pdf = liaison_ledger_print_new (self->store, from, to, reason, NULL, &error);
  if (pdf == NULL)
    {
      liaison_window_show_error (self, _("Could Not Print"), error->message, NULL);
      return;
    }
  liaison_print_run (GTK_WIDGET (self), pdf, _("Reception Ledger"), TRUE);
}

static void
print_ledger_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = liaison_period_dialog_new (GTK_WINDOW (self), _("Print Ledger"),
    _("Receptions from the first date to the last, both included, are printed in a table, a visitor’s phone masked unless they agreed to be contacted. The print dialog can also save it as a PDF."),
                                      "print", _("_Print…"), _("Dates to print"));
  liaison_period_dialog_add_contacts_choice (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (print_ledger_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
liaison_window_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print-reception", "x", print_reception_action);
  gtk_widget_class_install_action (widget_class, "win.print-blank-form", NULL, print_blank_form_action);
  gtk_widget_class_install_action (widget_class, "win.print-ledger", NULL, print_ledger_action);
}
