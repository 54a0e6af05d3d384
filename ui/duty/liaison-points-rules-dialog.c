/* liaison-points-rules-dialog.c: headquarters edits the duty points rules.
 *
 * It opens on the rule set that will be in force on the first day of the
 * next quarter, dated that day: the usual change is "from next quarter
 * on". Each rule is a row with its name in the user's language and a spin
 * button in halves; the set is written as the engine's JSON and checked
 * by the store, whose message (the engine's, naming what is wrong) shows
 * above the fields, and nothing is saved while one remains.
 */
#define G_LOG_DOMAIN "liaison-points-rules-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "liaison-date-button.h"
#include "liaison-points-rules-dialog.h"
#include "liaison-store-points-rules.h"
#include "liaison-ui-util.h"

struct _LiaisonPointsRulesDialog
{
  LiaisonStoreDialog parent_instance;


  /* borrowed: the spin button of each rule, in the rules' order */
  GtkSpinButton *points_spins[LIAISON_N_POINTS_RULES];

  /* template children */
  GtkLabel            *error_label;
  AdwEntryRow         *effective_row;
  GtkSpinButton       *cap_spin;
  AdwPreferencesGroup *points_group;
};

G_DEFINE_FINAL_TYPE (LiaisonPointsRulesDialog, liaison_points_rules_dialog, LIAISON_TYPE_STORE_DIALOG)

static void
field_changed_cb (LiaisonPointsRulesDialog *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
}

/* A row per rule: its name, and its points in halves (tenths typed).
 * The row names its spin button (the activatable widget is labelled by
 * the row's title), so a screen reader says "参加调研, 3". */
static void
add_rule_rows (LiaisonPointsRulesDialog *self)
{
  for (guint r = 0; r < LIAISON_N_POINTS_RULES; r++)
    {
      const char *label = liaison_points_rule_label ((LiaisonPointsRule) r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (-LIAISON_POINTS_RULE_LIMIT, LIAISON_POINTS_RULE_LIMIT, 0.5);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_name (spin, liaison_points_rule_to_key ((LiaisonPointsRule) r));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->points_group, row);
      self->points_spins[r] = GTK_SPIN_BUTTON (spin);
    }
}

/* The first day of the quarter after today's. */
static char *
next_quarter_start (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int quarter = (g_date_time_get_month (now) - 1) / 3 + 1;

  if (quarter == 4)
    return g_strdup_printf ("%04d-01-01", year + 1);
  return g_strdup_printf ("%04d-%02d-01", year, quarter * 3 + 1);
}

static void
load (LiaisonPointsRulesDialog *self)
{
  LiaisonStore *store = liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self));
  g_autofree char *from = next_quarter_start ();
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonPointsRules *in_force = NULL;
  g_autoptr(LiaisonPointsRules) fallback = NULL;
  LiaisonQuarter quarter;

  rule_sets = liaison_store_list_points_rules (store, &error);
  if (rule_sets == NULL)
    liaison_ui_show_message (self->error_label, NULL, error->message);
  else if (liaison_quarter_from_date (from, &quarter))
    in_force = liaison_points_rules_for_quarter (rule_sets, quarter);
  if (in_force == NULL)
    in_force = fallback = liaison_points_rules_new_default ();

  gtk_editable_set_text (GTK_EDITABLE (self->effective_row), from);
  for (guint r = 0; r < LIAISON_N_POINTS_RULES; r++)
    gtk_spin_button_set_value (self->points_spins[r], (double) in_force->points[r] / LIAISON_POINTS_ONE);
  gtk_spin_button_set_value (self->cap_spin, in_force->reception_cap);
  if (rule_sets != NULL)
    liaison_ui_show_message (self->error_label, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonPointsRulesDialog *self = LIAISON_POINTS_RULES_DIALOG (widget);
  LiaisonStore *store = liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self));
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  liaison_ui_show_message (self->error_label, NULL, NULL);
  g_free (rules->effective_from);
  rules->effective_from = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->effective_row));
  for (guint r = 0; r < LIAISON_N_POINTS_RULES; r++)
    {
      gtk_spin_button_update (self->points_spins[r]);
      rules->points[r] = (LiaisonPoints) llround (gtk_spin_button_get_value (self->points_spins[r]) * LIAISON_POINTS_ONE);
    }
  gtk_spin_button_update (self->cap_spin);
  rules->reception_cap = (guint) gtk_spin_button_get_value_as_int (self->cap_spin);

  json = liaison_points_rules_to_json (rules);
  if (!liaison_store_save_points_rules (store, json, &error))
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->effective_row));
      return;
    }
  liaison_store_dialog_saved (LIAISON_STORE_DIALOG (self));
}

static void
liaison_points_rules_dialog_constructed (GObject *object)
{
  LiaisonPointsRulesDialog *self = LIAISON_POINTS_RULES_DIALOG (object);

  G_OBJECT_CLASS (liaison_points_rules_dialog_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (liaison_store_dialog_get_store (LIAISON_STORE_DIALOG (self))));
  add_rule_rows (self);
  load (self);
}

static void
liaison_points_rules_dialog_dispose (GObject *object)
{
  LiaisonPointsRulesDialog *self = LIAISON_POINTS_RULES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_POINTS_RULES_DIALOG);

  G_OBJECT_CLASS (liaison_points_rules_dialog_parent_class)->dispose (object);
}

static void
liaison_points_rules_dialog_class_init (LiaisonPointsRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_points_rules_dialog_constructed;
  object_class->dispose = liaison_points_rules_dialog_dispose;

  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-points-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPointsRulesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPointsRulesDialog, effective_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPointsRulesDialog, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPointsRulesDialog, points_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "points.save", NULL, save_action);
  liaison_ui_dialog_class_add_keys (widget_class, "points.save");
}

static void
liaison_points_rules_dialog_init (LiaisonPointsRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * liaison_points_rules_dialog_new:
 * @parent: (nullable): the window it is modal to
 *
 * Returns: (transfer none): a new dialog over the store's rule sets; present it.
 */
LiaisonPointsRulesDialog *
liaison_points_rules_dialog_new (GtkWindow    *parent,
                                 LiaisonStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_POINTS_RULES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
