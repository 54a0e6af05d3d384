/* liaison-rules-dialog.c: headquarters sets the loop's rules.
 *
 * The default time limits (working days for a citizen's suggestion, months
 * for a deputy's) and the holiday list as text, in the form
 * liaison_calendar_parse() reads, with the kinds of day in the user's
 * words. A headquarters with no rules yet starts from the State Council's
 * published list (liaison_store_get_loop_rules()). A bad line shows the
 * parser's message, which names every bad line, and nothing is saved.
 * And the retention period of visitors' details (docs/privacy.md,
 * "Retention and purge"), which travels in the same record.
 */
#define G_LOG_DOMAIN "liaison-rules-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-rules-dialog.h"
#include "liaison-store-loop.h"
#include "liaison-ui-util.h"

struct _LiaisonRulesDialog
{
  LiaisonStoreDialog parent_instance;


  /* template children */
  GtkSpinButton *days_spin;
  GtkSpinButton *months_spin;
  GtkSpinButton *retention_spin;
  GtkTextView   *holidays_view;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonRulesDialog, liaison_rules_dialog, LIAISON_TYPE_STORE_DIALOG)

static void
holidays_changed_cb (LiaisonRulesDialog *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonRulesDialog *self = LIAISON_RULES_DIALOG (widget);
  LiaisonStore *store = liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self));
  g_autofree char *text = liaison_ui_text_view_get_text (self->holidays_view);
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(LiaisonCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;

  liaison_ui_show_message (self->error_label, NULL, NULL);

  calendar = liaison_calendar_parse (text, &error);
  if (calendar == NULL)
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->holidays_view));
      return;
    }

  /* Start from what the store has, so that anything this dialog does not
   * show stays as it was. */
  rules = liaison_store_get_loop_rules (store, NULL);
  if (rules == NULL)
    rules = liaison_loop_rules_new ();
  liaison_calendar_free (rules->calendar);
  rules->calendar = g_steal_pointer (&calendar);
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days = gtk_spin_button_get_value_as_int (self->days_spin);
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].months = 0;
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].working_days = 0;
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months = gtk_spin_button_get_value_as_int (self->months_spin);
  rules->retention_years = (guint) gtk_spin_button_get_value_as_int (self->retention_spin);

  if (!liaison_store_set_loop_rules (store, rules, &error))
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      return;
    }

  liaison_store_dialog_saved (LIAISON_STORE_DIALOG (self));
}

/* The ranges are `liaison-hq rules set`'s (1 to 250 working days, 1 to 60
 * months); a limit stored beyond them widens the range rather than being
 * lowered, unasked, by the next save. */
static void
show_limit (GtkSpinButton *spin,
            guint          value)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  if (value > gtk_adjustment_get_upper (adjustment))
    gtk_adjustment_set_upper (adjustment, value);
  gtk_spin_button_set_value (spin, value);
}

static void
load (LiaisonRulesDialog *self)
{
  LiaisonStore *store = liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = liaison_store_get_loop_rules (store, &error);
  g_autofree char *text = NULL;
  const LiaisonTimeLimit *citizen;
  const LiaisonTimeLimit *deputy;

  if (rules == NULL)
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      rules = liaison_loop_rules_new ();
    }
  citizen = &rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION];
  deputy = &rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION];
  if (citizen->working_days > 0)
    show_limit (self->days_spin, citizen->working_days);
  if (deputy->months > 0)
    show_limit (self->months_spin, deputy->months);
  gtk_spin_button_set_value (self->retention_spin, rules->retention_years);

  /* In the user's words (休 and 班 in Chinese); the parser reads them back. */
  text = liaison_calendar_to_display_text (rules->calendar);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->holidays_view), text, -1);
  /* Loading is not an edit: keep the load error, if any, in view. */
  if (error == NULL)
    liaison_ui_show_message (self->error_label, NULL, NULL);
}

static void
liaison_rules_dialog_constructed (GObject *object)
{
  LiaisonRulesDialog *self = LIAISON_RULES_DIALOG (object);

  G_OBJECT_CLASS (liaison_rules_dialog_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self))));
  load (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->holidays_view), "changed",
                           G_CALLBACK (holidays_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
liaison_rules_dialog_dispose (GObject *object)
{
  LiaisonRulesDialog *self = LIAISON_RULES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RULES_DIALOG);

  G_OBJECT_CLASS (liaison_rules_dialog_parent_class)->dispose (object);
}

static void
liaison_rules_dialog_class_init (LiaisonRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_rules_dialog_constructed;
  object_class->dispose = liaison_rules_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonRulesDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonRulesDialog, months_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonRulesDialog, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonRulesDialog, holidays_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonRulesDialog, error_label);

  gtk_widget_class_install_action (widget_class, "rules.save", NULL, save_action);
  liaison_ui_dialog_class_add_keys (widget_class, "rules.save");
}

static void
liaison_rules_dialog_init (LiaisonRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * liaison_rules_dialog_new:
 * @parent: (nullable): the window it is modal to
 *
 * Returns: (transfer none): a new dialog over the store's rules; present it.
 */
LiaisonRulesDialog *
liaison_rules_dialog_new (GtkWindow    *parent,
                          LiaisonStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_RULES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
