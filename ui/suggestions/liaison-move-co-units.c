/* liaison-move-co-units.c: the move dialog's co-units section, a
 * searchable list of units to tick (liaison-check-rows.c). */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include "liaison-check-rows.h"
#include "liaison-move-co-units.h"

struct _LiaisonMoveCoUnits
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  GPtrArray      *co_unit_checks;  /* GtkCheckButton *, one a unit; borrowed widgets */

  /* template children */
  GtkSearchEntry *co_units_search;
  GtkListBox     *co_units_list;
  GtkLabel       *co_units_chosen_label;
};

G_DEFINE_FINAL_TYPE (LiaisonMoveCoUnits, liaison_move_co_units, ADW_TYPE_PREFERENCES_GROUP)

void
liaison_move_co_units_append (LiaisonMoveCoUnits *self,
                              const char         *name)
{
  g_return_if_fail (LIAISON_IS_MOVE_CO_UNITS (self));
  g_ptr_array_add (self->co_unit_checks, liaison_check_rows_append (self->co_units_list, name));
}

void
liaison_move_co_units_set_lead (LiaisonMoveCoUnits *self,
                                guint               lead)
{
  g_return_if_fail (LIAISON_IS_MOVE_CO_UNITS (self));

  for (guint i = 0; i < self->co_unit_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->co_unit_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      if (i == lead)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      gtk_widget_set_sensitive (row != NULL ? row : check, i != lead);
    }
  liaison_check_rows_update (self->co_units_list);
}

GStrv
liaison_move_co_units_dup_chosen (LiaisonMoveCoUnits *self,
                                  GPtrArray          *unit_uuids)
{
  g_autoptr(GStrvBuilder) co_units = g_strv_builder_new ();

  g_return_val_if_fail (LIAISON_IS_MOVE_CO_UNITS (self), NULL);

  for (guint i = 0; i < self->co_unit_checks->len && i < unit_uuids->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->co_unit_checks, i)))
      g_strv_builder_add (co_units, g_ptr_array_index (unit_uuids, i));
  return g_strv_builder_end (co_units);
}

static void
liaison_move_co_units_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_MOVE_CO_UNITS);
  G_OBJECT_CLASS (liaison_move_co_units_parent_class)->dispose (object);
}

static void
liaison_move_co_units_finalize (GObject *object)
{
  LiaisonMoveCoUnits *self = LIAISON_MOVE_CO_UNITS (object);

  g_clear_pointer (&self->co_unit_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_move_co_units_parent_class)->finalize (object);
}

static void
liaison_move_co_units_class_init (LiaisonMoveCoUnitsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_move_co_units_dispose;
  object_class->finalize = liaison_move_co_units_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-move-co-units.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveCoUnits, co_units_search);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveCoUnits, co_units_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveCoUnits, co_units_chosen_label);
}

static void
liaison_move_co_units_init (LiaisonMoveCoUnits *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_check_rows_init (self->co_units_list, self->co_units_search, self->co_units_chosen_label);
  self->co_unit_checks = g_ptr_array_new ();
}
