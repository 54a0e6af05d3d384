/* liaison-similar-warning.c: a warning, never a block, shown in the
 * reception editor while a reception is logged when the same visitor
 * raised a similar matter at this station in the last 90 days
 * (liaison_store_find_similar_receptions). It names the earlier reception
 * and links to it: the link shows it in the main window
 * ("win.show-reception"). The warning is an alert for screen readers, its
 * text its label.
 */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-similar-warning.h"
#include "liaison-validate.h"

/* Enough to say which; the rest is one click away. */
#define SUMMARY_CHARS 40

struct _LiaisonSimilarWarning
{
  GtkWidget      parent_instance;

  gint64         earlier_id;
  GtkRevealer   *revealer;
  GtkBox        *box;
  GtkLabel      *label;
  GtkLinkButton *link;
};

G_DEFINE_FINAL_TYPE (LiaisonSimilarWarning, liaison_similar_warning, GTK_TYPE_WIDGET)

static gboolean
activate_link_cb (GtkLinkButton         *link,
                  LiaisonSimilarWarning *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *main_window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  if (main_window != NULL && self->earlier_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-reception", "x", self->earlier_id);
  return TRUE;
}

static void
hide (LiaisonSimilarWarning *self)
{
  self->earlier_id = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}

static void
show_earlier (LiaisonSimilarWarning  *self,
              const LiaisonReception *earlier)
{
  const LiaisonVisitor *visitor = earlier->visitors->len > 0 ? g_ptr_array_index (earlier->visitors, 0) : NULL;
  const char *name = visitor != NULL && visitor->name != NULL && *visitor->name != '\0'
                     ? visitor->name : _("This visitor");
  gboolean cut = g_utf8_strlen (earlier->summary, -1) > SUMMARY_CHARS;
  g_autofree char *summary = liaison_utf8_head (earlier->summary, SUMMARY_CHARS);
  g_autofree char *text = NULL;

  /* Translators: %1$s a visitor's name, %2$s a date and time, %3$s what
   * they raised then, %4$s "…" when that was cut short. */
  text = g_strdup_printf (_("Possible repeat: %1$s raised a similar matter here on %2$s: “%3$s%4$s”. "
                            "You can still save this reception."),
                          name, earlier->received_at, summary, cut ? "…" : "");
  self->earlier_id = earlier->meta.id;
  gtk_label_set_label (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
liaison_similar_warning_check (LiaisonSimilarWarning *self,
                               LiaisonStore          *store,
                               LiaisonReception      *draft)
{
  g_autoptr(LiaisonReception) owned = draft;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (LIAISON_IS_SIMILAR_WARNING (self));

  found = liaison_store_find_similar_receptions (store, owned, 1, &error);
  /* Only a warning: a failed look leaves the clerk to save. */
  if (found == NULL)
    g_debug ("Could not look for similar receptions: %s", error->message);
  if (found == NULL || found->len == 0)
    hide (self);
  else
    show_earlier (self, g_ptr_array_index (found, 0));
}

static void
liaison_similar_warning_dispose (GObject *object)
{
  LiaisonSimilarWarning *self = LIAISON_SIMILAR_WARNING (object);

  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  G_OBJECT_CLASS (liaison_similar_warning_parent_class)->dispose (object);
}

static void
liaison_similar_warning_class_init (LiaisonSimilarWarningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_similar_warning_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
liaison_similar_warning_init (LiaisonSimilarWarning *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->box = GTK_BOX (g_object_new (GTK_TYPE_BOX,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                     "orientation", GTK_ORIENTATION_HORIZONTAL,
                                     "spacing", 12,
                                     "margin-top", 6, "margin-bottom", 6,
                                     NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->box), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->box), "warning");
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 12);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->label), 12);

  self->link = GTK_LINK_BUTTON (gtk_link_button_new_with_label ("liaison:reception",
                                                                _("Open the earlier reception")));
  gtk_widget_set_halign (GTK_WIDGET (self->link), GTK_ALIGN_START);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->link), 6);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->link), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the earlier reception"), -1);
  g_signal_connect (self->link, "activate-link", G_CALLBACK (activate_link_cb), self);

  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->link));
  gtk_box_append (self->box, icon);
  gtk_box_append (self->box, texts);
  gtk_revealer_set_child (self->revealer, GTK_WIDGET (self->box));
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  hide (self);
}
