/* liaison-actor-dialog.c: "Switch user": who is at the desk.
 *
 * Station staff give their name; a deputy is picked from the roster and
 * acts under the roster's name, so that what a deputy takes up is theirs,
 * after their PIN (liaison-store-deputy-pin.h): a deputy with none sets
 * one here, typed twice; the store says a wrong PIN and a lock-out.
 */
#define G_LOG_DOMAIN "liaison-actor-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-actor-dialog.h"
#include "liaison-picker-row.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-ui-util.h"
#include "liaison-window-fit.h"

struct _LiaisonActorDialog
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonStore *store;
  GArray       *deputy_ids;  /* gint64, parallel to deputy_row's model */

  /* template children */
  GtkCheckButton *station_check;
  GtkCheckButton *deputy_check;
  AdwEntryRow    *name_row;
  LiaisonPickerRow *deputy_row;
  AdwPasswordEntryRow *pin_row;
  AdwPasswordEntryRow *pin_again_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonActorDialog, liaison_actor_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SWITCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (LiaisonActorDialog *self)
{
  liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->pin_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->pin_again_row), "error");
}

/* The chosen deputy, or NULL. */
static LiaisonDeputy *
chosen_deputy (LiaisonActorDialog *self)
{
  gint64 deputy_id = liaison_ui_id_at (self->deputy_ids, liaison_picker_row_get_selected (self->deputy_row));

  return deputy_id != 0 ? liaison_store_get_deputy (self->store, deputy_id, NULL) : NULL;
}

/* The PIN for a deputy who has one; a new one, twice, for one who has not. */
static void
pin_rows_cb (LiaisonActorDialog *self)
{
  gboolean deputy = gtk_check_button_get_active (self->deputy_check);
  g_autoptr(LiaisonDeputy) chosen = deputy ? chosen_deputy (self) : NULL;
  gboolean first = chosen != NULL && !liaison_store_deputy_has_pin (self->store, chosen->meta.uuid);

  gtk_widget_set_visible (GTK_WIDGET (self->pin_row), chosen != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_again_row), first);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row),
                                 first ? _("New PIN, 6 digits or more") : _("PIN"));
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_again_row), "");
}

static void
role_toggled_cb (LiaisonActorDialog *self)
{
  gboolean deputy = gtk_check_button_get_active (self->deputy_check);

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), !deputy);
  gtk_widget_set_visible (GTK_WIDGET (self->deputy_row), deputy);
  pin_rows_cb (self);
  field_changed_cb (self);
  /* The deputy's row and its hint are taller than the name's field. */
  liaison_ui_window_fit (GTK_WINDOW (self), 460, LIAISON_UI_MAX_DIALOG_HEIGHT);
}

/* The deputy's PIN, right, or their first one set: or the store's words
 * in the dialog, and FALSE. */
static gboolean
check_pin (LiaisonActorDialog  *self,
           const LiaisonDeputy *deputy)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  g_autoptr(GError) error = NULL;
  gboolean first = !liaison_store_deputy_has_pin (self->store, deputy->meta.uuid);
  gboolean done;

  if (first && g_strcmp0 (pin, gtk_editable_get_text (GTK_EDITABLE (self->pin_again_row))) != 0)
    {
      liaison_ui_show_message (self->error_label, GTK_WIDGET (self->pin_again_row),
                               _("The two PINs differ. Type the same PIN twice."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_again_row));
      return FALSE;
    }
  done = first ? liaison_store_set_deputy_pin (self->store, deputy->meta.uuid, pin, &error)
               : liaison_store_verify_deputy_pin (self->store, deputy->meta.uuid, pin, NULL, &error);
  if (!done)
    {
      /* Emptied first: a change of the field hides the message. */
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->pin_again_row), "");
      liaison_ui_show_message (self->error_label, GTK_WIDGET (self->pin_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
    }
  return done;
}

static void
switch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonActorDialog *self = LIAISON_ACTOR_DIALOG (widget);

  if (gtk_check_button_get_active (self->deputy_check))
    {
      g_autoptr(LiaisonDeputy) deputy = chosen_deputy (self);

      if (deputy == NULL)
        {
          liaison_ui_show_message (self->error_label, NULL,
                                   self->deputy_ids->len == 0
                                   ? _("The roster has no deputies yet. Add them on the Deputies page, or sync with headquarters.")
                                   : _("Choose the deputy at the desk."));
          return;
        }
      if (!check_pin (self, deputy))
        return;
      liaison_actor_set_current (self->store, LIAISON_LOOP_ROLE_DEPUTY, deputy->name, deputy->meta.id);
    }
  else
    {
      g_autofree char *name = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->name_row));

      if (*name == '\0')
        {
          liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row),
                                   _("Enter your name: every follow-up step records it."));
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return;
        }
      liaison_actor_set_current (self->store, LIAISON_LOOP_ROLE_STATION, name, 0);
    }

  g_signal_emit (self, signals[SWITCHED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
switch_activated_cb (LiaisonActorDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "actor.switch", NULL);
}

static void
load (LiaisonActorDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);

  liaison_ui_append_deputies (self->store, TRUE, names, self->deputy_ids, NULL);
  liaison_picker_row_set_model (self->deputy_row, G_LIST_MODEL (names));

  if (actor->role == LIAISON_LOOP_ROLE_DEPUTY)
    {
      liaison_picker_row_set_selected (self->deputy_row, liaison_ui_id_position (self->deputy_ids, actor->deputy_id));
      gtk_check_button_set_active (self->deputy_check, TRUE);
    }
  /* The role's words stand in for a name nobody gave: ask for one. */
  else if (g_strcmp0 (actor->name, liaison_loop_role_label (actor->role)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), actor->name);
  role_toggled_cb (self);
}

static void
liaison_actor_dialog_constructed (GObject *object)
{
  LiaisonActorDialog *self = LIAISON_ACTOR_DIALOG (object);

  G_OBJECT_CLASS (liaison_actor_dialog_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (self->store));
  load (self);
}

static void
liaison_actor_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaisonActorDialog *self = LIAISON_ACTOR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_actor_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaisonActorDialog *self = LIAISON_ACTOR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_actor_dialog_dispose (GObject *object)
{
  LiaisonActorDialog *self = LIAISON_ACTOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_ACTOR_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deputy_ids, g_array_unref);

  G_OBJECT_CLASS (liaison_actor_dialog_parent_class)->dispose (object);
}

static void
liaison_actor_dialog_class_init (LiaisonActorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_actor_dialog_constructed;
  object_class->get_property = liaison_actor_dialog_get_property;
  object_class->set_property = liaison_actor_dialog_set_property;
  object_class->dispose = liaison_actor_dialog_dispose;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonActorDialog::switched:
   *
   * Emitted once the settings name the new person at the desk.
   */
  signals[SWITCHED] = g_signal_new ("switched",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  g_type_ensure (LIAISON_TYPE_PICKER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-actor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, station_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, deputy_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, pin_again_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonActorDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, role_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_rows_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_activated_cb);

  gtk_widget_class_install_action (widget_class, "actor.switch", NULL, switch_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_actor_dialog_init (LiaisonActorDialog *self)
{
  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * liaison_actor_dialog_new:
 * @parent: (nullable): the window it is modal to
 *
 * Returns: (transfer none): a new dialog; present it.
 */
LiaisonActorDialog *
liaison_actor_dialog_new (GtkWindow    *parent,
                          LiaisonStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_ACTOR_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
