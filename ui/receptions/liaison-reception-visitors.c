/* liaison-reception-visitors.c: the reception editor's Visitors section:
 * one LiaisonVisitorRow for each of the form's visitors, in its order, so
 * that "visitor.2.phone" is the third row. */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include "liaison-reception-visitors.h"
#include "liaison-retention.h"
#include "liaison-ui-util.h"
#include "liaison-visitor-row.h"

struct _LiaisonReceptionVisitors
{
  AdwPreferencesGroup   parent_instance;

  /* owned */
  LiaisonReceptionForm *form;
  guint                 retention_years;  /* what each row's consent sentence says */

  /* template children */
  GtkButton            *add_visitor_button;
  GtkBox               *visitors_box;
  GtkLabel             *visitors_error;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionVisitors, liaison_reception_visitors, ADW_TYPE_PREFERENCES_GROUP)

enum {
  WHO_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
who_changed_cb (LiaisonReceptionVisitors *self)
{
  g_signal_emit (self, signals[WHO_CHANGED], 0);
}

static guint
n_visitor_rows (LiaisonReceptionVisitors *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static LiaisonVisitorRow *
visitor_row_at (LiaisonReceptionVisitors *self,
                guint                     index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child ? LIAISON_VISITOR_ROW (child) : NULL;
}

static void
renumber_visitors (LiaisonReceptionVisitors *self)
{
  guint n = n_visitor_rows (self);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      liaison_visitor_row_set_position (LIAISON_VISITOR_ROW (child), i);
      liaison_visitor_row_set_removable (LIAISON_VISITOR_ROW (child), n > 1);
    }
}

static void
visitor_remove_cb (LiaisonVisitorRow        *row,
                   LiaisonReceptionVisitors *self)
{
  guint index = 0;
  GtkWidget *next_focus;

  if (n_visitor_rows (self) <= 1)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL && child != GTK_WIDGET (row);
       child = gtk_widget_get_next_sibling (child))
    index++;

  next_focus = gtk_widget_get_next_sibling (GTK_WIDGET (row));
  if (next_focus == NULL)
    next_focus = gtk_widget_get_prev_sibling (GTK_WIDGET (row));

  liaison_reception_form_remove_visitor (self->form, index);
  gtk_box_remove (self->visitors_box, GTK_WIDGET (row));
  renumber_visitors (self);
  who_changed_cb (self);
  /* The focused button went with its row. */
  if (next_focus != NULL)
    liaison_visitor_row_focus_field (LIAISON_VISITOR_ROW (next_focus), "name");
}

static LiaisonVisitorRow *
append_visitor_row (LiaisonReceptionVisitors *self)
{
  GtkWidget *row = liaison_visitor_row_new ();

  liaison_visitor_row_set_retention_years (LIAISON_VISITOR_ROW (row), self->retention_years);
  g_signal_connect (row, "remove", G_CALLBACK (visitor_remove_cb), self);
  g_signal_connect_swapped (row, "who-changed", G_CALLBACK (who_changed_cb), self);
  gtk_box_append (self->visitors_box, row);
  gtk_widget_set_visible (GTK_WIDGET (self->visitors_error), FALSE);
  renumber_visitors (self);
  return LIAISON_VISITOR_ROW (row);
}

void
liaison_reception_visitors_set_retention_years (LiaisonReceptionVisitors *self,
                                                guint                     retention_years)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));
  self->retention_years = retention_years;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    liaison_visitor_row_set_retention_years (LIAISON_VISITOR_ROW (row), retention_years);
}

void
liaison_reception_visitors_set_form (LiaisonReceptionVisitors *self,
                                     LiaisonReceptionForm     *form)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));
  g_set_object (&self->form, form);
}

void
liaison_reception_visitors_load (LiaisonReceptionVisitors *self)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box))) != NULL)
    gtk_box_remove (self->visitors_box, child);
  n = liaison_reception_form_get_n_visitors (self->form);
  for (guint i = 0; i < n; i++)
    {
      LiaisonVisitorRow *row = append_visitor_row (self);
      g_autofree char *phone = liaison_reception_form_dup_visitor_shown_phone (self->form, i);
      guint64 party_size = 1;

      g_ascii_string_to_unsigned (liaison_reception_form_get_visitor_party_size (self->form, i),
                                  10, 1, LIAISON_MAX_PARTY_SIZE, &party_size, NULL);
      liaison_visitor_row_set_visitor (row,
                                       liaison_reception_form_get_visitor_name (self->form, i),
                                       phone,
                                       liaison_reception_form_get_visitor_community (self->form, i),
                                       (int) party_size,
                                       liaison_reception_form_get_visitor_consent (self->form, i));
      liaison_visitor_row_set_phone_hidden (row, liaison_reception_form_get_visitor_phone_hidden (self->form, i));
    }
}

void
liaison_reception_visitors_read (LiaisonReceptionVisitors *self)
{
  guint i = 0;

  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL && i < liaison_reception_form_get_n_visitors (self->form);
       child = gtk_widget_get_next_sibling (child), i++)
    {
      LiaisonVisitorRow *row = LIAISON_VISITOR_ROW (child);
      g_autofree char *party_size = g_strdup_printf ("%d", liaison_visitor_row_get_party_size (row));

      liaison_reception_form_set_visitor (self->form, i,
                                          liaison_visitor_row_get_name (row),
                                          liaison_visitor_row_get_phone (row),
                                          liaison_visitor_row_get_community (row),
                                          party_size,
                                          liaison_visitor_row_get_consent (row));
    }
}

void
liaison_reception_visitors_add (LiaisonReceptionVisitors *self)
{
  LiaisonVisitorRow *row;

  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));

  liaison_reception_form_add_visitor (self->form);
  row = append_visitor_row (self);
  liaison_visitor_row_focus_field (row, "name");
}

void
liaison_reception_visitors_clear_errors (LiaisonReceptionVisitors *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_VISITORS (self));

  liaison_ui_show_message (self->visitors_error, NULL, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    liaison_visitor_row_clear_errors (LIAISON_VISITOR_ROW (child));
}

GtkWidget *
liaison_reception_visitors_show_error (LiaisonReceptionVisitors *self,
                                       const char               *message)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_VISITORS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->visitors_error)))
    liaison_ui_show_message (self->visitors_error, NULL, message);
  return GTK_WIDGET (self->add_visitor_button);
}

GtkWidget *
liaison_reception_visitors_show_visitor_error (LiaisonReceptionVisitors *self,
                                               guint                     index,
                                               const char               *part,
                                               const char               *message)
{
  LiaisonVisitorRow *row;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_VISITORS (self), NULL);

  row = visitor_row_at (self, index);
  if (row == NULL)
    return NULL;
  liaison_visitor_row_set_error (row, part, message);
  return GTK_WIDGET (row);
}

static void
liaison_reception_visitors_dispose (GObject *object)
{
  LiaisonReceptionVisitors *self = LIAISON_RECEPTION_VISITORS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_VISITORS);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (liaison_reception_visitors_parent_class)->dispose (object);
}

static void
liaison_reception_visitors_class_init (LiaisonReceptionVisitorsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reception_visitors_dispose;

  /**
   * LiaisonReceptionVisitors::who-changed:
   *
   * A visitor's name, phone or community was edited, or a visitor removed.
   */
  signals[WHO_CHANGED] = g_signal_new ("who-changed",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  g_type_ensure (LIAISON_TYPE_VISITOR_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-visitors.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionVisitors, add_visitor_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionVisitors, visitors_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionVisitors, visitors_error);
}

static void
liaison_reception_visitors_init (LiaisonReceptionVisitors *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->retention_years = LIAISON_RETENTION_DEFAULT_YEARS;
}
