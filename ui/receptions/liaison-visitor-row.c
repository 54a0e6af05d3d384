/* liaison-visitor-row.c: the fields of one visitor in the reception editor. */
#define G_LOG_DOMAIN "liaison-visitor-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy-notice.h"
#include "liaison-retention.h"
#include "liaison-tooltip.h"
#include "liaison-visitor-row.h"

struct _LiaisonVisitorRow
{
  AdwBin          parent_instance;

  /* template children */
  GtkLabel       *title_label;
  GtkButton      *remove_button;
  GtkEntry       *name_entry;
  GtkLabel       *name_error;
  GtkEntry       *phone_entry;
  GtkButton      *replace_phone_button;
  GtkLabel       *phone_error;
  GtkEntry       *community_entry;
  GtkLabel       *community_error;
  GtkSpinButton  *party_size_spin;
  GtkLabel       *party_size_error;
  GtkSwitch      *consent_switch;
  GtkMenuButton  *consent_help_button;
  GtkLabel       *consent_sentence_label;
};

G_DEFINE_FINAL_TYPE (LiaisonVisitorRow, liaison_visitor_row, ADW_TYPE_BIN)

enum {
  REMOVE,
  WHO_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An error goes away as soon as its field is edited. */
static void
entry_changed_cb (GtkLabel *error_label)
{
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
}

static void
consent_changed_cb (LiaisonVisitorRow *self)
{
  /* "needs a phone number" no longer holds once consent is off. */
  if (!gtk_switch_get_active (self->consent_switch))
    gtk_widget_set_visible (GTK_WIDGET (self->phone_error), FALSE);
}

/* A hidden number is replaced whole, never edited from its masked text. */
static void
replace_phone_clicked_cb (LiaisonVisitorRow *self)
{
  liaison_visitor_row_set_phone_hidden (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->phone_entry));
}

static void
remove_clicked_cb (LiaisonVisitorRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
who_changed_cb (LiaisonVisitorRow *self)
{
  g_signal_emit (self, signals[WHO_CHANGED], 0);
}

static void
liaison_visitor_row_class_init (LiaisonVisitorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * LiaisonVisitorRow::remove:
   *
   * The clerk asked to remove this visitor.
   */
  signals[REMOVE] = g_signal_new ("remove",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  /**
   * LiaisonVisitorRow::who-changed:
   *
   * The name, the phone or the community was edited.
   */
  signals[WHO_CHANGED] = g_signal_new ("who-changed",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-visitor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, name_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, phone_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, replace_phone_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, community_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, community_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, party_size_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, party_size_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, consent_help_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonVisitorRow, consent_sentence_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_phone_clicked_cb);
}

static void
liaison_visitor_row_init (LiaisonVisitorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_visitor_row_set_retention_years (self, LIAISON_RETENTION_DEFAULT_YEARS);
  liaison_visitor_row_set_position (self, 0);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (who_changed_cb), self);
  g_signal_connect_swapped (self->phone_entry, "changed", G_CALLBACK (who_changed_cb), self);
  g_signal_connect_swapped (self->community_entry, "changed", G_CALLBACK (who_changed_cb), self);
}

GtkWidget *
liaison_visitor_row_new (void)
{
  return g_object_new (LIAISON_TYPE_VISITOR_ROW, NULL);
}

/**
 * liaison_visitor_row_set_position:
 * @self: a visitor row
 * @position: 0 for the first visitor
 *
 * Numbers the row's heading and its remove button.
 */
void
liaison_visitor_row_set_position (LiaisonVisitorRow *self,
                                  guint              position)
{
  g_autofree char *title = NULL;
  g_autofree char *remove = NULL;

  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));

  /* Translators: heading of the Nth visitor in the reception editor */
  title = g_strdup_printf (_("Visitor %u"), position + 1);
  /* Translators: accessible name of the button that removes the Nth visitor */
  remove = g_strdup_printf (_("Remove Visitor %u"), position + 1);
  gtk_label_set_label (self->title_label, title);
  liaison_ui_set_tooltip (GTK_WIDGET (self->remove_button), remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
}

/**
 * liaison_visitor_row_set_removable:
 * @self: a visitor row
 * @removable: whether the remove button works
 *
 * A reception keeps at least one visitor, so the last row cannot go.
 */
void
liaison_visitor_row_set_removable (LiaisonVisitorRow *self,
                                   gboolean           removable)
{
  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), removable);
}

const char *
liaison_visitor_row_get_name (LiaisonVisitorRow *self)
{
  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

const char *
liaison_visitor_row_get_phone (LiaisonVisitorRow *self)
{
  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->phone_entry));
}

const char *
liaison_visitor_row_get_community (LiaisonVisitorRow *self)
{
  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->community_entry));
}

/**
 * liaison_visitor_row_get_party_size:
 * @self: a visitor row
 *
 * Returns: the party size, including a number typed but not yet confirmed
 */
int
liaison_visitor_row_get_party_size (LiaisonVisitorRow *self)
{
  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), 1);

  gtk_spin_button_update (self->party_size_spin);
  return gtk_spin_button_get_value_as_int (self->party_size_spin);
}

gboolean
liaison_visitor_row_get_consent (LiaisonVisitorRow *self)
{
  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), FALSE);
  return gtk_switch_get_active (self->consent_switch);
}

void
liaison_visitor_row_set_visitor (LiaisonVisitorRow *self,
                                 const char        *name,
                                 const char        *phone,
                                 const char        *community,
                                 int                party_size,
                                 gboolean           consent)
{
  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), phone ? phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->community_entry), community ? community : "");
  gtk_spin_button_set_value (self->party_size_spin, party_size);
  gtk_switch_set_active (self->consent_switch, consent);
}

void
liaison_visitor_row_set_phone_hidden (LiaisonVisitorRow *self,
                                      gboolean           hidden)
{
  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));

  gtk_editable_set_editable (GTK_EDITABLE (self->phone_entry), !hidden);
  gtk_widget_set_visible (GTK_WIDGET (self->replace_phone_button), hidden);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->phone_entry),
                               hidden ? _("The number is hidden: the visitor did not agree to be contacted, "
                                          "or was received at another station")
                                      : NULL);
  if (hidden)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("The number is hidden: the visitor did not agree to be contacted, "
                                      "or was received at another station"),
                                    GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE,
                                    -1);
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->phone_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->phone_entry), GTK_ACCESSIBLE_PROPERTY_READ_ONLY);
    }
}

static GtkLabel *
error_label_for (LiaisonVisitorRow *self,
                 const char        *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return self->name_error;
  if (g_strcmp0 (field, "phone") == 0)
    return self->phone_error;
  if (g_strcmp0 (field, "community") == 0)
    return self->community_error;
  if (g_strcmp0 (field, "party_size") == 0)
    return self->party_size_error;
  return NULL;
}

void
liaison_visitor_row_set_error (LiaisonVisitorRow *self,
                               const char        *field,
                               const char        *message)
{
  GtkLabel *label;

  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));

  label = error_label_for (self, field);
  if (label == NULL)
    return;
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
liaison_visitor_row_clear_errors (LiaisonVisitorRow *self)
{
  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));

  liaison_visitor_row_set_error (self, "name", NULL);
  liaison_visitor_row_set_error (self, "phone", NULL);
  liaison_visitor_row_set_error (self, "community", NULL);
  liaison_visitor_row_set_error (self, "party_size", NULL);
}

gboolean
liaison_visitor_row_focus_field (LiaisonVisitorRow *self,
                                 const char        *field)
{
  GtkWidget *widget = NULL;

  g_return_val_if_fail (LIAISON_IS_VISITOR_ROW (self), FALSE);

  if (g_strcmp0 (field, "name") == 0)
    widget = GTK_WIDGET (self->name_entry);
  else if (g_strcmp0 (field, "phone") == 0)
    widget = GTK_WIDGET (self->phone_entry);
  else if (g_strcmp0 (field, "community") == 0)
    widget = GTK_WIDGET (self->community_entry);
  else if (g_strcmp0 (field, "party_size") == 0)
    widget = GTK_WIDGET (self->party_size_spin);
  if (widget == NULL)
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/**
 * liaison_visitor_row_set_retention_years:
 *
 * The consent sentence (What to Say) says the number is deleted
 * @retention_years after the matter is closed.
 */
void
liaison_visitor_row_set_retention_years (LiaisonVisitorRow *self,
                                         guint              retention_years)
{
  g_autofree char *sentence = liaison_privacy_consent_sentence (retention_years);

  g_return_if_fail (LIAISON_IS_VISITOR_ROW (self));
  gtk_label_set_text (self->consent_sentence_label, sentence);
}
