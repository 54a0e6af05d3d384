/* liaison-move-rating.c: the move dialog's rating section. Emits
 * ::changed as a field is edited; focusing it focuses "Satisfied". */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-move-rating.h"

struct _LiaisonMoveRating
{
  AdwPreferencesGroup parent_instance;

  /* template children */
  GtkCheckButton *satisfied_check;
  GtkCheckButton *basically_check;
  GtkCheckButton *unsatisfied_check;
  AdwComboRow    *asked_row;
  AdwEntryRow    *rated_by_row;
  GtkLabel       *blind_label;
};

G_DEFINE_FINAL_TYPE (LiaisonMoveRating, liaison_move_rating, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (LiaisonMoveRating *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
liaison_move_rating_load (LiaisonMoveRating *self,
                          gboolean           blind,
                          const char        *asked_by)
{
  g_autoptr(GtkStringList) asked = gtk_string_list_new (NULL);

  g_return_if_fail (LIAISON_IS_MOVE_RATING (self));

  /* Not "online": that is the citizen's own rating, which only the public site records. */
  for (guint i = 0; i < LIAISON_LOOP_ASKED_ONLINE; i++)
    gtk_string_list_append (asked, liaison_loop_asked_label (i));
  adw_combo_row_set_model (self->asked_row, G_LIST_MODEL (asked));
  gtk_widget_set_visible (GTK_WIDGET (self->rated_by_row), !blind);
  gtk_widget_set_visible (GTK_WIDGET (self->blind_label), blind);
  if (!blind)
    gtk_editable_set_text (GTK_EDITABLE (self->rated_by_row), asked_by);
  if (blind)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Your Rating of the Handling"));
}

gboolean
liaison_move_rating_is_chosen (LiaisonMoveRating *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_RATING (self), FALSE);

  return gtk_check_button_get_active (self->satisfied_check) ||
         gtk_check_button_get_active (self->basically_check) ||
         gtk_check_button_get_active (self->unsatisfied_check);
}

void
liaison_move_rating_fill_event (LiaisonMoveRating *self,
                                LiaisonLoopEvent  *event)
{
  g_return_if_fail (LIAISON_IS_MOVE_RATING (self));

  if (gtk_check_button_get_active (self->satisfied_check))
    event->rating = LIAISON_LOOP_RATING_SATISFIED;
  else if (gtk_check_button_get_active (self->basically_check))
    event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  else
    event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  event->asked = adw_combo_row_get_selected (self->asked_row);
}

const char *
liaison_move_rating_get_asked_by (LiaisonMoveRating *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_RATING (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->rated_by_row));
}

static gboolean
liaison_move_rating_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LIAISON_MOVE_RATING (widget)->satisfied_check));
}

static void
liaison_move_rating_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_MOVE_RATING);
  G_OBJECT_CLASS (liaison_move_rating_parent_class)->dispose (object);
}

static void
liaison_move_rating_class_init (LiaisonMoveRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_move_rating_dispose;
  widget_class->grab_focus = liaison_move_rating_grab_focus;

  /**
   * LiaisonMoveRating::changed:
   *
   * A field was edited.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-move-rating.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, satisfied_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, basically_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, unsatisfied_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, asked_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, rated_by_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveRating, blind_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
liaison_move_rating_init (LiaisonMoveRating *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
