/* liaison-mobile-desk-filter.c: the Receptions list's filter for the
 * mobile desk: a check for its receptions only and an entry for part of a
 * place or occasion. It says "changed" when either changes; the page reads
 * it into its LiaisonReceptionFilter. */
#define G_LOG_DOMAIN "liaison-receptions"

#include "config.h"

#include "liaison-mobile-desk-filter.h"
#include "liaison-ui-util.h"

struct _LiaisonMobileDeskFilter
{
  GtkBox          parent_instance;

  /* template children */
  GtkCheckButton *only_check;
  GtkEntry       *place_entry;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaisonMobileDeskFilter, liaison_mobile_desk_filter, GTK_TYPE_BOX)

static void
changed_cb (LiaisonMobileDeskFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
liaison_mobile_desk_filter_fill (LiaisonMobileDeskFilter *self,
                                 LiaisonReceptionFilter  *filter)
{
  g_autofree char *place = NULL;

  g_return_if_fail (LIAISON_IS_MOBILE_DESK_FILTER (self));

  place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_entry))));
  filter->mobile_desk = gtk_check_button_get_active (self->only_check);
  g_free (filter->place);
  filter->place = *place != '\0' ? g_steal_pointer (&place) : NULL;
}

gboolean
liaison_mobile_desk_filter_is_active (LiaisonMobileDeskFilter *self)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (LIAISON_IS_MOBILE_DESK_FILTER (self), FALSE);

  place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_entry))));
  return gtk_check_button_get_active (self->only_check) || *place != '\0';
}

void
liaison_mobile_desk_filter_clear (LiaisonMobileDeskFilter *self)
{
  g_return_if_fail (LIAISON_IS_MOBILE_DESK_FILTER (self));

  gtk_check_button_set_active (self->only_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->place_entry), "");
}

static void
liaison_mobile_desk_filter_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_MOBILE_DESK_FILTER);

  G_OBJECT_CLASS (liaison_mobile_desk_filter_parent_class)->dispose (object);
}

static void
liaison_mobile_desk_filter_class_init (LiaisonMobileDeskFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_mobile_desk_filter_dispose;

  /**
   * LiaisonMobileDeskFilter::changed:
   *
   * The check or the place changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-mobile-desk-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMobileDeskFilter, only_check);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMobileDeskFilter, place_entry);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
liaison_mobile_desk_filter_init (LiaisonMobileDeskFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
