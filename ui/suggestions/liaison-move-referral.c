/* liaison-move-referral.c: the move dialog's referral section. Emits
 * ::lead-changed when another lead unit is chosen and ::changed when the
 * due date is edited; focusing it focuses the lead unit. */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-date-button.h"
#include "liaison-move-referral.h"
#include "liaison-picker-row.h"
#include "liaison-store-loop.h"

struct _LiaisonMoveReferral
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  LiaisonStore     *store;
  LiaisonLoopKind   kind;
  char             *default_due;   /* the due date filled in, YYYY-MM-DD */
  GDate             opened_on;     /* the day it was filled in */

  /* template children */
  LiaisonPickerRow *lead_unit_row;
  AdwEntryRow      *due_row;
  GtkLabel         *due_hint_label;
};

G_DEFINE_FINAL_TYPE (LiaisonMoveReferral, liaison_move_referral, ADW_TYPE_PREFERENCES_GROUP)

enum {
  LEAD_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lead_changed_cb (LiaisonMoveReferral *self)
{
  g_signal_emit (self, signals[LEAD_CHANGED], 0);
}

static void
due_changed_cb (LiaisonMoveReferral *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
liaison_move_referral_set_units (LiaisonMoveReferral *self,
                                 GListModel          *units)
{
  g_return_if_fail (LIAISON_IS_MOVE_REFERRAL (self));

  liaison_picker_row_set_model (self->lead_unit_row, units);
  liaison_picker_row_set_selected (self->lead_unit_row, GTK_INVALID_LIST_POSITION);
  /* Translators: under "Lead unit" in the refer dialog until one is chosen */
  liaison_picker_row_set_placeholder (self->lead_unit_row, _("Not chosen yet: choose the unit that handles it"));
}

static char *
describe_limit (const LiaisonTimeLimit *limit)
{
  g_autofree char *words = liaison_time_limit_describe (limit);

  /* Translators: under the due date; %s is a time limit, "15 working days" or "3 months" */
  return g_strdup_printf (_("Time limit: %s from today"), words);
}

void
liaison_move_referral_load (LiaisonMoveReferral *self,
                            LiaisonStore        *store,
                            LiaisonLoopKind      kind)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *hint = NULL;
  GDate today, due;

  g_return_if_fail (LIAISON_IS_MOVE_REFERRAL (self));

  g_set_object (&self->store, store);
  self->kind = kind;
  rules = liaison_store_get_loop_rules (self->store, NULL);
  liaison_date_set_today (&today);
  liaison_store_default_due_date (self->store, self->kind, &today, &due);
  due_text = liaison_date_to_iso (&due);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);
  g_free (self->default_due);
  self->default_due = g_strdup (due_text);
  self->opened_on = today;

  if (rules != NULL)
    hint = describe_limit (&rules->limits[self->kind]);
  else
    {
      LiaisonTimeLimit limit = liaison_loop_kind_default_limit (self->kind);

      hint = describe_limit (&limit);
    }
  gtk_label_set_text (self->due_hint_label, hint);
}

guint
liaison_move_referral_get_lead (LiaisonMoveReferral *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_REFERRAL (self), GTK_INVALID_LIST_POSITION);
  return liaison_picker_row_get_selected (self->lead_unit_row);
}

char *
liaison_move_referral_dup_lead_uuid (LiaisonMoveReferral *self,
                                     GPtrArray           *unit_uuids)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_REFERRAL (self), NULL);
  return liaison_picker_row_dup_selected_id (self->lead_unit_row, unit_uuids);
}

gboolean
liaison_move_referral_read_due (LiaisonMoveReferral *self,
                                GDate               *due)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_REFERRAL (self), FALSE);

  if (!liaison_date_button_read_field (GTK_EDITABLE (self->due_row), due))
    return FALSE;
  /* Left as filled in, the due date counts from the day it is saved: a
   * dialog left open overnight refers today, not yesterday. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), self->default_due) == 0)
    {
      GDate today;

      liaison_date_set_today (&today);
      if (g_date_compare (&today, &self->opened_on) != 0)
        liaison_store_default_due_date (self->store, self->kind, &today, due);
    }
  return TRUE;
}

void
liaison_move_referral_focus_due (LiaisonMoveReferral *self)
{
  g_return_if_fail (LIAISON_IS_MOVE_REFERRAL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
}

static gboolean
liaison_move_referral_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LIAISON_MOVE_REFERRAL (widget)->lead_unit_row));
}

static void
liaison_move_referral_dispose (GObject *object)
{
  LiaisonMoveReferral *self = LIAISON_MOVE_REFERRAL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_MOVE_REFERRAL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_move_referral_parent_class)->dispose (object);
}

static void
liaison_move_referral_finalize (GObject *object)
{
  LiaisonMoveReferral *self = LIAISON_MOVE_REFERRAL (object);

  g_clear_pointer (&self->default_due, g_free);

  G_OBJECT_CLASS (liaison_move_referral_parent_class)->finalize (object);
}

static void
liaison_move_referral_class_init (LiaisonMoveReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_move_referral_dispose;
  object_class->finalize = liaison_move_referral_finalize;
  widget_class->grab_focus = liaison_move_referral_grab_focus;

  /**
   * LiaisonMoveReferral::lead-changed:
   *
   * Another lead unit was chosen.
   */
  signals[LEAD_CHANGED] = g_signal_new ("lead-changed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /**
   * LiaisonMoveReferral::changed:
   *
   * The due date was edited.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);
  g_type_ensure (LIAISON_TYPE_PICKER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-move-referral.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveReferral, lead_unit_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveReferral, due_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveReferral, due_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, lead_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
}

static void
liaison_move_referral_init (LiaisonMoveReferral *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
