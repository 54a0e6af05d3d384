/* liaison-reception-suggestions.c: the reception editor's Suggestions
 * section: one LiaisonSuggestionBlock for each of the form's suggestions,
 * in its order, so that "suggestion.1.title" is the second block. */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include "liaison-reception-suggestions.h"
#include "liaison-suggestion-block.h"
#include "liaison-ui-util.h"

struct _LiaisonReceptionSuggestions
{
  AdwPreferencesGroup   parent_instance;

  /* owned */
  LiaisonReceptionForm *form;
  GListModel           *category_names;  /* "Choose…", then every category */
  GArray               *category_ids;    /* gint64, parallel to category_names */

  /* template children */
  GtkButton            *add_suggestion_button;
  GtkBox               *suggestions_box;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionSuggestions, liaison_reception_suggestions, ADW_TYPE_PREFERENCES_GROUP)

static guint
suggestion_block_index (LiaisonReceptionSuggestions *self,
                        GtkWidget                   *widget)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (child == widget)
      return i;
  return G_MAXUINT;
}

static LiaisonSuggestionBlock *
suggestion_block_at (LiaisonReceptionSuggestions *self,
                     guint                        index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box));

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child ? LIAISON_SUGGESTION_BLOCK (child) : NULL;
}

static void
renumber_suggestions (LiaisonReceptionSuggestions *self)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    liaison_suggestion_block_set_position (LIAISON_SUGGESTION_BLOCK (child), i);
}

static void
suggestion_remove_cb (LiaisonSuggestionBlock      *block,
                      LiaisonReceptionSuggestions *self)
{
  guint index = suggestion_block_index (self, GTK_WIDGET (block));

  if (index == G_MAXUINT || !liaison_reception_form_remove_suggestion (self->form, index))
    return;
  gtk_box_remove (self->suggestions_box, GTK_WIDGET (block));
  renumber_suggestions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_suggestion_button));
}

/* Saved suggestions have a life of their own, so they cannot be removed
 * here. */
static LiaisonSuggestionBlock *
append_suggestion_block (LiaisonReceptionSuggestions *self,
                         gboolean                     removable)
{
  GtkWidget *block = liaison_suggestion_block_new (self->category_names);

  liaison_suggestion_block_set_removable (LIAISON_SUGGESTION_BLOCK (block), removable);
  g_signal_connect (block, "remove", G_CALLBACK (suggestion_remove_cb), self);
  gtk_box_append (self->suggestions_box, block);
  renumber_suggestions (self);
  return LIAISON_SUGGESTION_BLOCK (block);
}

void
liaison_reception_suggestions_set_form (LiaisonReceptionSuggestions *self,
                                        LiaisonReceptionForm        *form,
                                        GListModel                  *category_names,
                                        GArray                      *category_ids)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self));

  g_set_object (&self->form, form);
  g_set_object (&self->category_names, category_names);
  g_clear_pointer (&self->category_ids, g_array_unref);
  self->category_ids = g_array_ref (category_ids);
}

void
liaison_reception_suggestions_load (LiaisonReceptionSuggestions *self)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_box_remove (self->suggestions_box, child);
  n = liaison_reception_form_get_n_suggestions (self->form);
  for (guint i = 0; i < n; i++)
    {
      LiaisonSuggestionBlock *block = append_suggestion_block (self, liaison_reception_form_get_suggestion_id (self->form, i) == 0);

      liaison_suggestion_block_set_suggestion (block,
                                               liaison_reception_form_get_suggestion_title (self->form, i),
                                               liaison_reception_form_get_suggestion_content (self->form, i),
                                               liaison_ui_id_position (self->category_ids, liaison_reception_form_get_suggestion_category_id (self->form, i)));
    }
}

void
liaison_reception_suggestions_read (LiaisonReceptionSuggestions *self)
{
  guint i = 0;

  g_return_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box));
       child != NULL && i < liaison_reception_form_get_n_suggestions (self->form);
       child = gtk_widget_get_next_sibling (child), i++)
    {
      LiaisonSuggestionBlock *block = LIAISON_SUGGESTION_BLOCK (child);
      g_autofree char *content = liaison_suggestion_block_get_content (block);

      liaison_reception_form_set_suggestion (self->form, i,
                                             liaison_suggestion_block_get_title (block),
                                             content,
                                             liaison_ui_id_at (self->category_ids, liaison_suggestion_block_get_category (block)));
    }
}

void
liaison_reception_suggestions_add (LiaisonReceptionSuggestions *self,
                                   guint                        category)
{
  LiaisonSuggestionBlock *block;

  g_return_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self));

  liaison_reception_form_add_suggestion (self->form);
  block = append_suggestion_block (self, TRUE);
  liaison_suggestion_block_set_category (block, category);
  liaison_suggestion_block_focus (block);
}

void
liaison_reception_suggestions_clear_errors (LiaisonReceptionSuggestions *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    liaison_suggestion_block_clear_errors (LIAISON_SUGGESTION_BLOCK (child));
}

GtkWidget *
liaison_reception_suggestions_show_error (LiaisonReceptionSuggestions *self,
                                          guint                        index,
                                          const char                  *part,
                                          const char                  *message)
{
  LiaisonSuggestionBlock *block;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_SUGGESTIONS (self), NULL);

  block = suggestion_block_at (self, index);
  if (block == NULL)
    return NULL;
  return liaison_suggestion_block_show_error (block, part, message);
}

static void
liaison_reception_suggestions_dispose (GObject *object)
{
  LiaisonReceptionSuggestions *self = LIAISON_RECEPTION_SUGGESTIONS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_SUGGESTIONS);
  g_clear_object (&self->form);
  g_clear_object (&self->category_names);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (liaison_reception_suggestions_parent_class)->dispose (object);
}

static void
liaison_reception_suggestions_class_init (LiaisonReceptionSuggestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reception_suggestions_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-suggestions.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionSuggestions, add_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionSuggestions, suggestions_box);
}

static void
liaison_reception_suggestions_init (LiaisonReceptionSuggestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
