/* liaison-suggestion-block.c: the fields of one suggestion in the
 * reception editor: a card with a title entry, a content view and a
 * category list. */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-suggestion-block.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"
#include "liaison-validate.h"

struct _LiaisonSuggestionBlock
{
  GtkBox       parent_instance;

  /* template children */
  GtkLabel    *heading;
  GtkWidget   *remove_button;
  GtkEntry    *title_entry;
  GtkLabel    *title_error;
  GtkTextView *content_view;
  GtkLabel    *content_error;
  GtkDropDown *category_dropdown;
  GtkLabel    *category_error;
};

G_DEFINE_FINAL_TYPE (LiaisonSuggestionBlock, liaison_suggestion_block, GTK_TYPE_BOX)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* An error goes away as soon as its field is edited. */
static void
hide_error_cb (GtkWidget *error_widget)
{
  gtk_widget_set_visible (error_widget, FALSE);
}

static void
remove_clicked_cb (LiaisonSuggestionBlock *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
liaison_suggestion_block_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_SUGGESTION_BLOCK);
  G_OBJECT_CLASS (liaison_suggestion_block_parent_class)->dispose (object);
}

static void
liaison_suggestion_block_class_init (LiaisonSuggestionBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_suggestion_block_dispose;

  /**
   * LiaisonSuggestionBlock::remove:
   *
   * The clerk asked to remove this suggestion.
   */
  signals[REMOVE] = g_signal_new ("remove",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-suggestion-block.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, heading);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, title_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, content_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, content_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionBlock, category_error);
  gtk_widget_class_bind_template_callback (widget_class, hide_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
liaison_suggestion_block_init (LiaisonSuggestionBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_max_length (self->title_entry, LIAISON_MAX_TITLE_CHARS);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->content_view), "changed",
                            G_CALLBACK (hide_error_cb), self->content_error);
}

GtkWidget *
liaison_suggestion_block_new (GListModel *categories)
{
  LiaisonSuggestionBlock *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (categories), NULL);

  self = g_object_new (LIAISON_TYPE_SUGGESTION_BLOCK, NULL);
  gtk_drop_down_set_model (self->category_dropdown, categories);
  return GTK_WIDGET (self);
}

/**
 * liaison_suggestion_block_set_position:
 * @self: a suggestion block
 * @position: 0 for the first suggestion
 *
 * Numbers the block's heading and its remove button.
 */
void
liaison_suggestion_block_set_position (LiaisonSuggestionBlock *self,
                                       guint                   position)
{
  g_autofree char *heading = NULL;
  g_autofree char *remove = NULL;

  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));

  /* Translators: heading of the Nth suggestion in the reception editor */
  heading = g_strdup_printf (_("Suggestion %u"), position + 1);
  /* Translators: accessible name of the button that removes the Nth suggestion */
  remove = g_strdup_printf (_("Remove Suggestion %u"), position + 1);
  gtk_label_set_label (self->heading, heading);
  liaison_ui_set_tooltip (self->remove_button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
}

void
liaison_suggestion_block_set_removable (LiaisonSuggestionBlock *self,
                                        gboolean                removable)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));

  gtk_widget_set_visible (self->remove_button, removable);
  /* Keeps the heading row as tall as in a removable block. */
  gtk_widget_set_size_request (GTK_WIDGET (self->heading), -1, removable ? -1 : 34);
}

const char *
liaison_suggestion_block_get_title (LiaisonSuggestionBlock *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
}

char *
liaison_suggestion_block_get_content (LiaisonSuggestionBlock *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self), NULL);
  return liaison_ui_text_view_get_text (self->content_view);
}

guint
liaison_suggestion_block_get_category (LiaisonSuggestionBlock *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self), GTK_INVALID_LIST_POSITION);
  return gtk_drop_down_get_selected (self->category_dropdown);
}

void
liaison_suggestion_block_set_category (LiaisonSuggestionBlock *self,
                                       guint                   position)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));
  gtk_drop_down_set_selected (self->category_dropdown, position);
}

void
liaison_suggestion_block_set_suggestion (LiaisonSuggestionBlock *self,
                                         const char             *title,
                                         const char             *content,
                                         guint                   category)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view), content ? content : "", -1);
  gtk_drop_down_set_selected (self->category_dropdown, category);
}

GtkWidget *
liaison_suggestion_block_show_error (LiaisonSuggestionBlock *self,
                                     const char             *part,
                                     const char             *message)
{
  GtkLabel *label = self->title_error;
  GtkWidget *focus = GTK_WIDGET (self->title_entry);

  g_return_val_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self), NULL);

  if (g_strcmp0 (part, "content") == 0)
    {
      label = self->content_error;
      focus = GTK_WIDGET (self->content_view);
    }
  else if (g_strcmp0 (part, "category") == 0)
    {
      label = self->category_error;
      focus = GTK_WIDGET (self->category_dropdown);
    }
  /* Else raised_by, which comes from the first visitor: its problem is a
   * title's. A field shows its first error. */
  if (!gtk_widget_get_visible (GTK_WIDGET (label)))
    liaison_ui_show_message (label, NULL, message);
  return focus;
}

void
liaison_suggestion_block_clear_errors (LiaisonSuggestionBlock *self)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));

  liaison_ui_show_message (self->title_error, NULL, NULL);
  liaison_ui_show_message (self->content_error, NULL, NULL);
  liaison_ui_show_message (self->category_error, NULL, NULL);
}

void
liaison_suggestion_block_focus (LiaisonSuggestionBlock *self)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_BLOCK (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}
