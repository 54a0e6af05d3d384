/* liaison-suggestions-page.c: the suggestions list and its detail.
 *
 * Like the receptions page: a GtkSingleSelection straight over the store's
 * paged model, replaced by a new model when the search changes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-suggestion-detail.h"
#include "liaison-suggestion-item.h"
#include "liaison-suggestions-page.h"

/* How far show_suggestion() looks for a record among the loaded rows. */
#define MAX_ROWS_TO_SCAN 200

struct _LiaisonSuggestionsPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore       *store;
  GtkSingleSelection *selection;

  /* template children */
  AdwLeaflet              *leaflet;
  GtkSearchEntry          *search_entry;
  GtkStack                *content_stack;
  GtkListView             *list_view;
  AdwStatusPage           *error_page;
  LiaisonSuggestionDetail *detail;
};

G_DEFINE_FINAL_TYPE (LiaisonSuggestionsPage, liaison_suggestions_page, ADW_TYPE_BIN)

static GtkWidget *
add_row_label (GtkWidget  *row,
               GtkBox     *box,
               const char *key,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  /* Keyed on the row, where bind_row_cb() looks them up. */
  g_object_set_data (G_OBJECT (row), key, label);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "suggestion-row");
  gtk_box_append (GTK_BOX (box), top);
  label = add_row_label (box, GTK_BOX (top), "title", "heading");
  gtk_widget_set_hexpand (label, TRUE);
  label = add_row_label (box, GTK_BOX (top), "status", "category-label");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  add_row_label (box, GTK_BOX (box), "content", NULL);
  add_row_label (box, GTK_BOX (box), "meta", "dim-label");
  add_row_label (box, GTK_BOX (box), "sync", "sync-state");

  gtk_list_item_set_child (list_item, box);
}

static void
set_row_text (GtkWidget  *box,
              const char *key,
              const char *text)
{
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (box), key)), text ? text : "");
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  const LiaisonSuggestion *suggestion;
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;
  const char *raised_by;

  if (item == NULL)
    {
      static const char * const keys[] = { "title", "status", "content", "meta", "sync" };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        set_row_text (box, keys[i], NULL);
      return;
    }

  suggestion = liaison_suggestion_item_get_suggestion (LIAISON_SUGGESTION_ITEM (item));
  content = g_strdup (suggestion->content ? suggestion->content : "");
  g_strdelimit (content, "\r\n\t", ' ');
  raised_by = suggestion->raised_by && *suggestion->raised_by ? suggestion->raised_by : _("Anonymous");
  /* Translators: a row of the suggestions list: category, who raised it, "城乡建设 · 张三" */
  meta = g_strdup_printf (_("%s · %s"), suggestion->category_name ? suggestion->category_name : "", raised_by);

  set_row_text (box, "title", suggestion->title);
  set_row_text (box, "status", liaison_suggestion_status_label (suggestion->status));
  set_row_text (box, "content", content);
  set_row_text (box, "meta", meta);
  set_row_text (box, "sync", liaison_sync_state_label (suggestion->meta.sync_state));
}

static void
update_content (LiaisonSuggestionsPage *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  const GError *error = model ? liaison_paged_list_get_error (LIAISON_PAGED_LIST (model)) : NULL;
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else if (*search != '\0')
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
search_changed_cb (LiaisonSuggestionsPage *self)
{
  g_autofree char *search = NULL;
  g_autoptr(LiaisonPagedList) model = NULL;

  if (self->store == NULL)
    return;
  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  model = liaison_store_new_suggestion_model (self->store, search);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  update_content (self);
}

static void
stop_search_cb (LiaisonSuggestionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
selection_changed_cb (LiaisonSuggestionsPage *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->selection);

  liaison_suggestion_detail_set_suggestion_id (self->detail,
                                               item ? liaison_suggestion_item_get_id (LIAISON_SUGGESTION_ITEM (item)) : 0);
}

static void
list_activated_cb (LiaisonSuggestionsPage *self,
                   guint                   position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (LiaisonSuggestionsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * liaison_suggestions_page_show_suggestion:
 *
 * Selects the suggestion if it is among the first rows of the list, and
 * shows it in the detail either way.
 */
void
liaison_suggestions_page_show_suggestion (LiaisonSuggestionsPage *self,
                                          gint64                  suggestion_id)
{
  GListModel *model;
  guint n_items;

  g_return_if_fail (LIAISON_IS_SUGGESTIONS_PAGE (self));

  model = G_LIST_MODEL (self->selection);
  n_items = MIN (g_list_model_get_n_items (model), MAX_ROWS_TO_SCAN);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item != NULL && liaison_suggestion_item_get_id (LIAISON_SUGGESTION_ITEM (item)) == suggestion_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
  liaison_suggestion_detail_set_suggestion_id (self->detail, suggestion_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * liaison_suggestions_page_focus_search:
 *
 * Moves the keyboard focus to the search entry.
 */
void
liaison_suggestions_page_focus_search (LiaisonSuggestionsPage *self)
{
  g_return_if_fail (LIAISON_IS_SUGGESTIONS_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * liaison_suggestions_page_set_store:
 *
 * Shows the suggestions of @store.
 */
void
liaison_suggestions_page_set_store (LiaisonSuggestionsPage *self,
                                    LiaisonStore           *store)
{
  g_return_if_fail (LIAISON_IS_SUGGESTIONS_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  liaison_suggestion_detail_set_store (self->detail, store);
  search_changed_cb (self);
}

static void
liaison_suggestions_page_dispose (GObject *object)
{
  LiaisonSuggestionsPage *self = LIAISON_SUGGESTIONS_PAGE (object);

  /* AdwBin holds its child; let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SUGGESTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_suggestions_page_parent_class)->dispose (object);
}

static void
liaison_suggestions_page_class_init (LiaisonSuggestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_suggestions_page_dispose;

  g_type_ensure (LIAISON_TYPE_SUGGESTION_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-suggestions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
liaison_suggestions_page_init (LiaisonSuggestionsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Folded, one click opens the detail; side by side, a click only selects. */
  g_object_bind_property (self->leaflet, "folded", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
}
