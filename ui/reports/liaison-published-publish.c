/* liaison-published-publish.c: the question before headquarters
 * publishes a period (liaison-published-publish.h). */
#define G_LOG_DOMAIN "liaison-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-publish.h"
#include "liaison-published-publish.h"

/* The periods offered: the twelve months before this one, the four
 * quarters before this one and last year, the latest of each first. */
#define N_MONTHS   12
#define N_QUARTERS 4

typedef struct {
  LiaisonStore         *store;    /* owned */
  GtkWidget            *actions;  /* owned: reports errors through its actions */
  GArray               *periods;  /* LiaisonPeriod, as the dropdown lists them */
  GtkDropDown          *dropdown; /* borrowed, while the dialog lasts */
  LiaisonPublishedDone  done;
  gpointer              user_data;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->store);
  g_clear_object (&ask->actions);
  g_clear_pointer (&ask->periods, g_array_unref);
  g_free (ask);
}

static void
ask_closure_free (gpointer  data,
                  GClosure *closure)
{
  ask_free (data);
}

static void
add_periods (Ask               *ask,
             GtkStringList     *labels,
             LiaisonPeriodKind  kind,
             guint              n)
{
  LiaisonPeriod period;
  GDate today;

  g_date_clear (&today, 1);
  liaison_date_set_today (&today);
  liaison_period_containing (kind, &today, &period);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      liaison_period_step (&period, -1);
      label = liaison_period_label (&period);
      gtk_string_list_append (labels, label);
      g_array_append_val (ask->periods, period);
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  g_autoptr(LiaisonPublishedReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (ask->dropdown);

  if (g_strcmp0 (response, "publish") != 0 || selected >= ask->periods->len)
    return;
  report = liaison_publish_period (ask->store, &g_array_index (ask->periods, LiaisonPeriod, selected), NULL, &error);
  if (report == NULL)
    {
      gtk_widget_activate_action (ask->actions, "win.show-error", "(sss)",
                                  _("The Report Was Not Published"), error->message, "");
      return;
    }
  if (ask->done != NULL)
    ask->done (report->meta.uuid, ask->user_data);
}

void
liaison_published_publish_ask (GtkWindow            *parent,
                               GtkWidget            *actions,
                               LiaisonStore         *store,
                               LiaisonPublishedDone  done,
                               gpointer              user_data)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;

  ask->store = g_object_ref (store);
  ask->actions = g_object_ref (actions);
  ask->periods = g_array_new (FALSE, FALSE, sizeof (LiaisonPeriod));
  ask->done = done;
  ask->user_data = user_data;
  add_periods (ask, labels, LIAISON_PERIOD_MONTH, N_MONTHS);
  add_periods (ask, labels, LIAISON_PERIOD_QUARTER, N_QUARTERS);
  add_periods (ask, labels, LIAISON_PERIOD_YEAR, 1);

  dialog = adw_message_dialog_new (parent, _("Publish a Report"),
                                   _("Publishing freezes the period’s figures as they stand now, with the "
                                     "suggestions behind each, and sends them to the stations: each station "
                                     "receives the city’s figures and its own. A published figure is never "
                                     "changed; when the live figures differ later, the report shows both and "
                                     "the items that changed. Publishing the period again keeps this one."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ask->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  label = gtk_label_new_with_mnemonic (_("_Period"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (ask->dropdown));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->dropdown));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), ask, ask_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
