/* liaison-suggestions-page.c: the suggestions list and its detail.
 *
 * Like the receptions page: a GtkSingleSelection straight over the store's
 * paged model, replaced by a new model when the search changes.
 *
 * A suggestion opened from elsewhere is selected in the list only once the
 * list has been laid out: GTK 4.8 scrolls a list view that has never been
 * allocated to a position it computes as 0/0, and then keeps row widgets
 * only around the selected row while showing the top of the list, so the
 * rows in between stay blank.
 */
#define G_LOG_DOMAIN "liaison-suggestions-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-suggestion-detail.h"
#include "liaison-suggestion-item.h"
#include "liaison-store-sync.h"
#include "liaison-suggestions-page.h"
#include "liaison-search-highlight.h"
#include "liaison-search.h"
#include "liaison-rows-when-shown.h"
#include "liaison-ui-util.h"

struct _LiaisonSuggestionsPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore       *store;
  GtkSingleSelection *selection;
  /* the suggestion to select once the list has a height, or 0 */
  gint64              pending_id;
  guint               select_idle_id;
  gboolean            shows_sync;  /* the desk syncs: rows show their sync state */

  /* template children */
  AdwLeaflet              *leaflet;
  GtkSearchEntry          *search_entry;
  GtkLabel                *count_label;
  GtkStack                *content_stack;
  GtkListView             *list_view;
  AdwStatusPage           *error_page;
  LiaisonSuggestionDetail *detail;
};

G_DEFINE_FINAL_TYPE (LiaisonSuggestionsPage, liaison_suggestions_page, ADW_TYPE_BIN)

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
  label = liaison_ui_add_row_label (box, GTK_BOX (top), "title", "heading", 20);
  gtk_widget_set_hexpand (label, TRUE);
  label = liaison_ui_add_row_label (box, GTK_BOX (top), "status", "category-label", 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  liaison_ui_add_row_label (box, GTK_BOX (box), "content", NULL, 20);
  liaison_ui_add_row_label (box, GTK_BOX (box), "meta", "dim-label", 20);
  /* Where a search matched what the row does not show. */
  label = liaison_ui_add_row_label (box, GTK_BOX (box), "elsewhere", "search-elsewhere", 20);
  gtk_widget_set_visible (label, FALSE);
  liaison_ui_add_row_label (box, GTK_BOX (box), "sync", "sync-state", 20);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  const LiaisonSuggestion *suggestion;
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *content = NULL;
  g_autofree char *title = NULL;
  g_autofree char *category = NULL;
  g_autofree char *raised_by = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *elsewhere = NULL;

  if (item == NULL)
    {
      static const char * const keys[] = { "title", "status", "content", "meta", "sync", NULL };

      liaison_ui_clear_row_texts (box, keys);
      liaison_search_highlight_set_row (box, "elsewhere", NULL);
      return;
    }

  suggestion = liaison_suggestion_item_get_suggestion (LIAISON_SUGGESTION_ITEM (item));
  /* What a search matched is marked, so that the reason for a hit shows. */
  terms = liaison_search_parse (liaison_suggestion_item_get_search (LIAISON_SUGGESTION_ITEM (item)));
  {
    g_autofree char *from_match = liaison_search_highlight_from_match (suggestion->content, terms);

    g_strdelimit (from_match, "\r\n\t", ' ');
    content = liaison_search_highlight_text (from_match, terms);
  }
  title = liaison_search_highlight_text (suggestion->title, terms);
  category = liaison_search_highlight_text (suggestion->category_name, terms);
  raised_by = liaison_search_highlight_text (suggestion->raised_by && *suggestion->raised_by
                                             ? suggestion->raised_by : _("Anonymous"), terms);
  /* Translators: a row of the suggestions list: category, who raised it, "城乡建设 · 张三" */
  meta = liaison_search_highlight_format (_("%s · %s"), category, raised_by, NULL);
  elsewhere = liaison_search_highlight_suggestion_elsewhere (suggestion, terms);

  liaison_search_highlight_set_row (box, "title", title);
  liaison_ui_set_row_text (box, "status", liaison_loop_status_label (suggestion->status));
  liaison_search_highlight_set_row (box, "content", content);
  liaison_search_highlight_set_row (box, "meta", meta);
  liaison_search_highlight_set_row (box, "elsewhere", elsewhere);
  /* Synced is nothing to tell on a card: only pending and errors show. */
  liaison_ui_set_row_text (box, "sync", liaison_sync_state_note (suggestion->meta.sync_state));
}

/* A desk with no server shows no "not synced" tag on every row; the
 * header says once that it does not sync. */
static void
bind_sync_tag_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LiaisonSuggestionsPage   *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  GtkLabel *sync = g_object_get_data (G_OBJECT (box), "sync");

  gtk_widget_set_visible (GTK_WIDGET (sync), self->shows_sync && *gtk_label_get_text (sync) != '\0');
}

static void
store_changed_cb (LiaisonSuggestionsPage *self)
{
  gboolean shows_sync = liaison_store_is_enrolled (self->store);
  GListModel *model = gtk_single_selection_get_model (self->selection);

  if (shows_sync == self->shows_sync)
    return;
  self->shows_sync = shows_sync;
  if (model != NULL)
    liaison_paged_list_reload (LIAISON_PAGED_LIST (model));
}

static void
update_content (LiaisonSuggestionsPage *self)
{
  g_autofree char *search = liaison_ui_get_search_text (self->search_entry);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  /* The paged list's own count, read when it was made or reloaded. */
  g_autofree char *count = g_strdup_printf (ngettext ("%'u suggestion", "%'u suggestions", n), n);

  gtk_label_set_text (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);

  liaison_ui_show_paged_content (self->content_stack, self->error_page, self->selection,
                                 *search != '\0');
}

static void
search_changed_cb (LiaisonSuggestionsPage *self)
{
  g_autofree char *search = NULL;
  g_autoptr(LiaisonPagedList) model = NULL;

  if (self->store == NULL)
    return;
  search = liaison_ui_get_search_text (self->search_entry);
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
  liaison_suggestion_detail_set_suggestion_id (self->detail, liaison_ui_get_selected_id (self->selection));
}

static void
list_activated_cb (LiaisonSuggestionsPage *self,
                   guint                   position)
{
  liaison_ui_leaflet_open (self->leaflet, self->selection, position);
}

static void
back_clicked_cb (LiaisonSuggestionsPage *self)
{
  liaison_ui_leaflet_back (self->leaflet);
}

static gboolean
list_has_height (LiaisonSuggestionsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  return adjustment != NULL && gtk_adjustment_get_page_size (adjustment) > 0;
}

static gboolean
select_pending_cb (gpointer user_data)
{
  LiaisonSuggestionsPage *self = user_data;
  gint64 suggestion_id = self->pending_id;

  self->select_idle_id = 0;
  self->pending_id = 0;
  if (suggestion_id != 0)
    {
      g_autofree char *search = liaison_ui_get_search_text (self->search_entry);
      /* Unsearched, the store knows where it is, however far down. */
      guint position = *search == '\0' ? liaison_store_suggestion_position (self->store, suggestion_id, NULL)
                                        : G_MAXUINT;

      liaison_ui_select_record (self->selection, self->list_view, suggestion_id, position);
    }
  return G_SOURCE_REMOVE;
}

static void
page_size_changed_cb (LiaisonSuggestionsPage *self)
{
  /* Called while the list view is being allocated: scroll after that. */
  if (self->pending_id != 0 && self->select_idle_id == 0 && list_has_height (self))
    self->select_idle_id = g_idle_add (select_pending_cb, self);
}

/**
 * liaison_suggestions_page_show_suggestion:
 *
 * Selects the suggestion if it is among the first rows of the list (once
 * the list has been laid out), and shows it in the detail either way.
 */
void
liaison_suggestions_page_show_suggestion (LiaisonSuggestionsPage *self,
                                          gint64                  suggestion_id)
{
  g_return_if_fail (LIAISON_IS_SUGGESTIONS_PAGE (self));

  self->pending_id = suggestion_id;
  if (list_has_height (self))
    {
      g_clear_handle_id (&self->select_idle_id, g_source_remove);
      select_pending_cb (self);
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

  liaison_ui_leaflet_focus_search (self->leaflet, self->search_entry);
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
  self->shows_sync = liaison_store_is_enrolled (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  search_changed_cb (self);
}

static void
liaison_suggestions_page_dispose (GObject *object)
{
  LiaisonSuggestionsPage *self = LIAISON_SUGGESTIONS_PAGE (object);

  g_clear_handle_id (&self->select_idle_id, g_source_remove);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_SUGGESTIONS_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionsPage, count_label);
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
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = liaison_ui_list_view_init (self->list_view, NULL,
                                               G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb));
  /* Its rows wait until the page is first opened. */
  liaison_ui_rows_when_shown (self->list_view);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), "notify::page-size",
                           G_CALLBACK (page_size_changed_cb), self, G_CONNECT_SWAPPED);
  liaison_ui_leaflet_bind_folded (self->leaflet, self->list_view);
  g_signal_connect_object (gtk_list_view_get_factory (self->list_view), "bind",
                           G_CALLBACK (bind_sync_tag_cb), self, G_CONNECT_AFTER);
}
