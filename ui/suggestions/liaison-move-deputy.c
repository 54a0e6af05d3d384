/* liaison-move-deputy.c: the move dialog's deputy section. Emits ::changed
 * when another deputy is chosen. */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include "liaison-move-deputy.h"
#include "liaison-picker-row.h"
#include "liaison-ui-util.h"

struct _LiaisonMoveDeputy
{
  AdwPreferencesGroup parent_instance;

  /* owned */
  GPtrArray        *deputy_uuids;     /* char *, parallel to deputy_row's model */
  char             *own_deputy_uuid;  /* a deputy at the desk: the only deputy a move may name */
  gboolean          own;              /* a deputy is at the desk */

  /* template children */
  LiaisonPickerRow *deputy_row;
  AdwActionRow     *own_deputy_row;
};

G_DEFINE_FINAL_TYPE (LiaisonMoveDeputy, liaison_move_deputy, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (LiaisonMoveDeputy *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
liaison_move_deputy_load (LiaisonMoveDeputy  *self,
                          LiaisonStore       *store,
                          const LiaisonActor *actor)
{
  g_autoptr(GtkStringList) names = NULL;

  g_return_if_fail (LIAISON_IS_MOVE_DEPUTY (self));

  /* A deputy takes up or answers in their own name: the row says who and
   * offers no one else. */
  if (actor->role == LIAISON_LOOP_ROLE_DEPUTY)
    {
      g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, actor->deputy_id, NULL);

      self->own = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->deputy_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->own_deputy_row), TRUE);
      adw_action_row_set_subtitle (self->own_deputy_row, actor->name);
      if (deputy != NULL)
        self->own_deputy_uuid = g_strdup (deputy->meta.uuid);
      return;
    }

  /* Anyone else at the desk records it for whichever deputy it was. */
  names = gtk_string_list_new (NULL);
  liaison_ui_append_deputies (store, FALSE, names, NULL, self->deputy_uuids);
  liaison_picker_row_set_model (self->deputy_row, G_LIST_MODEL (names));
}

gboolean
liaison_move_deputy_is_choosing (LiaisonMoveDeputy *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_DEPUTY (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->deputy_row));
}

/* The deputy a take-up or an on-the-spot answer names: a deputy at the
 * desk records in their own name, never in another's. */
char *
liaison_move_deputy_dup_uuid (LiaisonMoveDeputy *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_DEPUTY (self), NULL);

  if (self->own)
    return g_strdup (self->own_deputy_uuid);
  return liaison_picker_row_dup_selected_id (self->deputy_row, self->deputy_uuids);
}

static gboolean
liaison_move_deputy_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LIAISON_MOVE_DEPUTY (widget)->deputy_row));
}

static void
liaison_move_deputy_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_MOVE_DEPUTY);
  G_OBJECT_CLASS (liaison_move_deputy_parent_class)->dispose (object);
}

static void
liaison_move_deputy_finalize (GObject *object)
{
  LiaisonMoveDeputy *self = LIAISON_MOVE_DEPUTY (object);

  g_clear_pointer (&self->deputy_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->own_deputy_uuid, g_free);

  G_OBJECT_CLASS (liaison_move_deputy_parent_class)->finalize (object);
}

static void
liaison_move_deputy_class_init (LiaisonMoveDeputyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_move_deputy_dispose;
  object_class->finalize = liaison_move_deputy_finalize;
  widget_class->grab_focus = liaison_move_deputy_grab_focus;

  /**
   * LiaisonMoveDeputy::changed:
   *
   * Another deputy was chosen.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (LIAISON_TYPE_PICKER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-move-deputy.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDeputy, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDeputy, own_deputy_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
liaison_move_deputy_init (LiaisonMoveDeputy *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->deputy_uuids = g_ptr_array_new_with_free_func (g_free);
}
