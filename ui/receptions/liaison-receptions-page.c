/* liaison-receptions-page.c: the receptions list, its filters and detail.
 *
 * The list is a GtkSingleSelection straight over the store's paged model:
 * a sort or filter model would read every row, and a station may hold
 * years of them. Searching and filtering make a new model instead.
 */
#define G_LOG_DOMAIN "liaison-receptions-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-date-button.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-item.h"
#include "liaison-dropdown-search.h"
#include "liaison-mobile-desk-filter.h"
#include "liaison-on-duty-today.h"
#include "liaison-online-banner.h"
#include "liaison-receptions-page.h"
#include "liaison-receptions-table.h"
#include "liaison-station-choices.h"
#include "liaison-search-highlight.h"
#include "liaison-search.h"
#include "liaison-store-sync.h"
#include "liaison-ui-util.h"

struct _LiaisonReceptionsPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore       *store;
  GSettings          *settings;
  GtkSingleSelection *selection;
  GtkStringList      *deputy_names;    /* "Any deputy", then the roster */
  GArray             *deputy_ids;      /* gint64, parallel to deputy_names; 0 first */
  GPtrArray          *deputy_uuids;    /* char *, parallel; "" first */
  GtkStringList      *category_names;  /* "Any category", then the categories */
  GArray             *category_ids;
  GPtrArray          *category_codes;
  LiaisonStationChoices *stations;     /* headquarters' station filter */
  gboolean            restoring;
  gboolean            shows_sync;      /* the desk syncs: rows show their sync state */
  gboolean            shows_station;   /* headquarters: rows say whose station */

  /* template children */
  AdwLeaflet             *leaflet;
  GtkSearchEntry         *search_entry;
  LiaisonOnDutyToday     *on_duty_today;
  LiaisonOnlineBanner    *online_banner;
  GtkToggleButton        *filter_button;
  GtkEntry               *from_entry;
  GtkEntry               *to_entry;
  GtkDropDown            *deputy_dropdown;
  GtkDropDown            *category_dropdown;
  LiaisonMobileDeskFilter *mobile_desk_filter;
  GtkDropDown            *station_dropdown;
  GtkLabel               *date_error_label;
  GtkLabel               *count_label;
  GtkToggleButton        *cards_button;
  GtkToggleButton        *table_button;
  GtkStack               *content_stack;
  GtkStack               *view_stack;
  GtkListView            *list_view;
  LiaisonReceptionsTable *table;
  GtkWidget              *list_pane;
  GtkWidget              *detail_pane;
  AdwStatusPage          *error_page;
  LiaisonReceptionDetail *detail;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionsPage, liaison_receptions_page, ADW_TYPE_BIN)

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "reception-row");

  gtk_box_append (GTK_BOX (box), top);
  label = liaison_ui_add_row_label (box, GTK_BOX (top), "time", "heading", 20);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_hexpand (label, TRUE);
  label = liaison_ui_add_row_label (box, GTK_BOX (top), "category", "category-label", 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);

  liaison_ui_add_row_label (box, GTK_BOX (box), "visitor", NULL, 20);
  /* A mobile desk's place and occasion, when it has them. */
  label = liaison_ui_add_row_label (box, GTK_BOX (box), "place", NULL, 20);
  gtk_widget_set_visible (label, FALSE);
  liaison_ui_add_row_label (box, GTK_BOX (box), "summary", NULL, 20);
  /* Where a search matched what the row does not show. */
  label = liaison_ui_add_row_label (box, GTK_BOX (box), "elsewhere", "search-elsewhere", 20);
  gtk_widget_set_visible (label, FALSE);
  liaison_ui_add_row_label (box, GTK_BOX (box), "deputies", "dim-label", 20);
  /* Headquarters sees every station's receptions: each says whose. */
  label = liaison_ui_add_row_label (box, GTK_BOX (box), "station", "dim-label", 20);
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
  const LiaisonReception *reception;
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *received_at = NULL;
  g_autofree char *visitor = NULL;
  g_autofree char *deputies = NULL;
  g_autofree char *category = NULL;
  g_autofree char *visitor_line = NULL;
  g_autofree char *deputies_line = NULL;
  g_autofree char *one_line_summary = NULL;
  g_autofree char *elsewhere = NULL;

  /* A row can vanish between the count and the read of its page. */
  if (item == NULL)
    {
      static const char * const keys[] = { "time", "category", "visitor", "summary", "deputies", "sync", NULL };

      liaison_ui_clear_row_texts (box, keys);
      liaison_search_highlight_set_row (box, "elsewhere", NULL);
      liaison_search_highlight_set_row (box, "station", NULL);
      liaison_search_highlight_set_row (box, "place", NULL);
      return;
    }

  g_object_get (item,
                "received-at", &received_at,
                "visitor", &visitor,
                "deputies", &deputies,
                "category", &category,
                NULL);
  /* What a search matched is marked, so that the reason for a hit shows. */
  reception = liaison_reception_item_get_reception (LIAISON_RECEPTION_ITEM (item));
  terms = liaison_search_parse (liaison_reception_item_get_search (LIAISON_RECEPTION_ITEM (item)));

  {
    g_autofree char *visitor_markup = liaison_search_highlight_text (visitor, terms);
    const LiaisonVisitor *first = reception->visitors->len > 0 ? g_ptr_array_index (reception->visitors, 0) : NULL;

    if (first != NULL && first->phone != NULL && *first->phone)
      {
        g_autofree char *phone_markup = liaison_search_highlight_phone (first->phone, terms);

        /* Translators: a visitor and their (masked) phone, "张三 · 东山社区  138****5678" */
        visitor_line = liaison_search_highlight_format (_("%s  %s"), visitor_markup, phone_markup, NULL);
      }
    else
      visitor_line = g_steal_pointer (&visitor_markup);
  }

  if (deputies != NULL && *deputies)
    {
      g_autofree char *deputies_markup = liaison_search_highlight_text (deputies, terms);

      /* Translators: the deputies who received a visit, listed in a row of the receptions list */
      deputies_line = liaison_search_highlight_format (_("Deputies: %s"), deputies_markup, NULL);
    }

  {
    g_autofree char *summary = liaison_search_highlight_from_match (reception->summary, terms);

    g_strdelimit (summary, "\r\n\t", ' ');
    one_line_summary = liaison_search_highlight_text (summary, terms);
  }
  elsewhere = liaison_search_highlight_reception_elsewhere (reception, terms);

  {
    g_autofree char *category_markup = liaison_search_highlight_text (category, terms);
    g_autofree char *place = liaison_reception_place_text (reception);
    g_autofree char *place_markup = place != NULL ? liaison_search_highlight_text (place, terms) : NULL;
    /* Translators: a mobile desk's place and occasion in a row of the receptions list, "地点：渠沟镇太平村 · 集市" */
    g_autofree char *place_line = place_markup != NULL
      ? liaison_search_highlight_format (_("Place: %s"), place_markup, NULL) : NULL;

    liaison_search_highlight_set_row (box, "category", category_markup);
    liaison_search_highlight_set_row (box, "place", place_line);
  }
  liaison_ui_set_row_text (box, "time", received_at);
  liaison_search_highlight_set_row (box, "visitor", visitor_line);
  liaison_search_highlight_set_row (box, "summary", one_line_summary);
  liaison_search_highlight_set_row (box, "deputies", deputies_line ? deputies_line : "");
  liaison_search_highlight_set_row (box, "elsewhere", elsewhere);
  if (reception->station_name != NULL && *reception->station_name)
    {
      g_autofree char *station_markup = liaison_search_highlight_text (reception->station_name, terms);
      /* Translators: the station a reception was at, in a row of headquarters' receptions list */
      g_autofree char *station_line = liaison_search_highlight_format (_("Station: %s"), station_markup, NULL);

      liaison_search_highlight_set_row (box, "station", station_line);
    }
  else
    liaison_search_highlight_set_row (box, "station", NULL);
  /* Synced is nothing to tell on a card: only pending and errors show. */
  liaison_ui_set_row_text (box, "sync", liaison_sync_state_note (reception->meta.sync_state));
}

/* A desk with no server never syncs: a "not synced" tag on each of its
 * rows would only say so thousands of times. The header says it once.
 * Elsewhere only a card with something to tell has the tag. */
static void
bind_sync_tag_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LiaisonReceptionsPage    *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *sync = g_object_get_data (G_OBJECT (box), "sync");
  GtkLabel *station = g_object_get_data (G_OBJECT (box), "station");

  gtk_widget_set_visible (GTK_WIDGET (sync), self->shows_sync && *gtk_label_get_text (sync) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (station), self->shows_station && *gtk_label_get_text (station) != '\0');
}

static void
update_sync_mode (LiaisonReceptionsPage *self)
{
  gboolean shows_sync = liaison_store_is_enrolled (self->store);
  gboolean hq = liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ;
  GListModel *model = gtk_single_selection_get_model (self->selection);

  gtk_widget_set_visible (GTK_WIDGET (self->station_dropdown), hq);
  liaison_receptions_table_set_shows_sync (self->table, shows_sync);
  liaison_receptions_table_set_shows_station (self->table, hq);
  if (shows_sync == self->shows_sync && hq == self->shows_station)
    return;
  self->shows_sync = shows_sync;
  self->shows_station = hq;
  /* Bind the rows on screen again. */
  if (model != NULL)
    liaison_paged_list_reload (LIAISON_PAGED_LIST (model));
}

/* Cards or table */

static void
show_view (LiaisonReceptionsPage *self,
           gboolean               table)
{
  gtk_stack_set_visible_child_name (self->view_stack, table ? "table" : "cards");
  /* Only the view shown holds the list: the other would make and measure
   * its rows too, some 200, at every start (docs/benchmarks.md). */
  gtk_list_view_set_model (self->list_view, table ? NULL : GTK_SELECTION_MODEL (self->selection));
  liaison_receptions_table_set_model (self->table, table ? GTK_SELECTION_MODEL (self->selection) : NULL);
  /* The table takes the room, and the reception's page keeps its own. */
  gtk_widget_set_hexpand (self->list_pane, table);
  gtk_widget_set_hexpand (self->detail_pane, !table);
}

static void
view_toggled_cb (LiaisonReceptionsPage *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_button);

  /* Each button of the pair says so when it goes up and down. */
  if (!table && !gtk_toggle_button_get_active (self->cards_button))
    return;
  show_view (self, table);
  /* save_filters() left the settings delayed: apply at once. */
  if (!self->restoring)
    {
      g_settings_set_string (self->settings, "receptions-view", table ? "table" : "cards");
      g_settings_apply (self->settings);
    }
}

/* Filters */

/* Reads a date entry: TRUE with *date NULL for empty, TRUE with the
 * normalized date, FALSE if it is not a date. */
static gboolean
read_date_entry (GtkEntry  *entry,
                 char     **date)
{
  g_autofree char *text = liaison_ui_editable_get_trimmed (GTK_EDITABLE (entry));

  *date = NULL;
  if (*text == '\0')
    return TRUE;
  *date = liaison_ui_normalize_date (text);
  return *date != NULL;
}

static gboolean
is_filtering (LiaisonReceptionsPage *self)
{
  g_autofree char *stripped = liaison_ui_get_search_text (self->search_entry);

  return *stripped != '\0' ||
         gtk_editable_get_text (GTK_EDITABLE (self->from_entry))[0] != '\0' ||
         gtk_editable_get_text (GTK_EDITABLE (self->to_entry))[0] != '\0' ||
         gtk_drop_down_get_selected (self->deputy_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->station_dropdown) > 0 ||
         liaison_mobile_desk_filter_is_active (self->mobile_desk_filter);
}

static void
update_content (LiaisonReceptionsPage *self)
{
  /* The paged list counted its rows when it was made or reloaded; the
   * label reads that count, it does not count again. */
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *count = g_strdup_printf (ngettext ("%'u reception", "%'u receptions", n), n);

  gtk_label_set_text (self->count_label, count);
  /* A screen reader hears the count with the list, in either view. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (liaison_receptions_table_get_column_view (self->table)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
  liaison_ui_show_paged_content (self->content_stack, self->error_page, self->selection,
                                 is_filtering (self));
}

static void
save_filters (LiaisonReceptionsPage *self,
              const char            *from_date,
              const char            *to_date)
{
  guint deputy = gtk_drop_down_get_selected (self->deputy_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "filter-from-date", from_date ? from_date : "");
  g_settings_set_string (self->settings, "filter-to-date", to_date ? to_date : "");
  g_settings_set_string (self->settings, "filter-deputy",
                         deputy < self->deputy_uuids->len ? g_ptr_array_index (self->deputy_uuids, deputy) : "");
  g_settings_set_string (self->settings, "filter-category",
                         category < self->category_codes->len ? g_ptr_array_index (self->category_codes, category) : "");
  g_settings_set_string (self->settings, "filter-station", liaison_station_choices_get_uuid (self->stations));
  g_settings_apply (self->settings);
}

static void
apply_filters (LiaisonReceptionsPage *self)
{
  LiaisonReceptionFilter filter = { NULL };
  g_autoptr(LiaisonPagedList) model = NULL;
  guint deputy;
  guint category;
  gboolean dates_ok;

  if (self->store == NULL || self->restoring)
    return;

  dates_ok = read_date_entry (self->from_entry, &filter.from_date) &
             read_date_entry (self->to_entry, &filter.to_date);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), !dates_ok);
  if (!dates_ok)
    {
      /* Keep the list as it was until both dates make sense. */
      liaison_reception_filter_clear (&filter);
      return;
    }

  filter.search = liaison_ui_get_search_text (self->search_entry);
  deputy = gtk_drop_down_get_selected (self->deputy_dropdown);
  if (deputy < self->deputy_ids->len)
    filter.deputy_id = g_array_index (self->deputy_ids, gint64, deputy);
  category = gtk_drop_down_get_selected (self->category_dropdown);
  if (category < self->category_ids->len)
    filter.category_id = g_array_index (self->category_ids, gint64, category);
  filter.station_id = liaison_station_choices_get_id (self->stations);
  liaison_mobile_desk_filter_fill (self->mobile_desk_filter, &filter);

  save_filters (self, filter.from_date, filter.to_date);

  model = liaison_store_new_reception_model (self->store, &filter);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  liaison_reception_filter_clear (&filter);

  update_content (self);
}

static void
search_changed_cb (LiaisonReceptionsPage *self)
{
  apply_filters (self);
}

static void
stop_search_cb (LiaisonReceptionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
mark_date_entry (GtkEntry *entry)
{
  g_autofree char *date = NULL;

  if (read_date_entry (entry, &date))
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
date_changed_cb (LiaisonReceptionsPage *self)
{
  mark_date_entry (self->from_entry);
  mark_date_entry (self->to_entry);
  apply_filters (self);
}

static void
dropdown_changed_cb (LiaisonReceptionsPage *self)
{
  apply_filters (self);
}

static void
clear_filters_cb (LiaisonReceptionsPage *self)
{
  self->restoring = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->deputy_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  liaison_mobile_desk_filter_clear (self->mobile_desk_filter);
  self->restoring = FALSE;
  mark_date_entry (self->from_entry);
  mark_date_entry (self->to_entry);
  apply_filters (self);
}

static void
clear_all_cb (LiaisonReceptionsPage *self)
{
  self->restoring = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->restoring = FALSE;
  clear_filters_cb (self);
}

static guint
find_string (GPtrArray  *strings,
             const char *value)
{
  guint index;

  if (value != NULL && *value && g_ptr_array_find_with_equal_func (strings, value, g_str_equal, &index))
    return index;
  return 0;
}

/* Refills the deputy choices, keeping the deputy chosen if still there. */
static void
load_deputies (LiaisonReceptionsPage *self,
               const char            *select_uuid)
{
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (self->store, NULL, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_uuid = NULL;
  gint64 none = 0;

  if (select_uuid != NULL)
    selected_uuid = g_strdup (select_uuid);
  else if (self->deputy_uuids->len > 0)
    selected_uuid = g_strdup (g_ptr_array_index (self->deputy_uuids,
                                                 MIN (gtk_drop_down_get_selected (self->deputy_dropdown),
                                                      self->deputy_uuids->len - 1)));

  g_clear_pointer (&self->deputy_ids, g_array_unref);
  g_clear_pointer (&self->deputy_uuids, g_ptr_array_unref);
  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->deputy_uuids = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (names, _("Any deputy"));
  g_array_append_val (self->deputy_ids, none);
  g_ptr_array_add (self->deputy_uuids, g_strdup (""));
  for (guint i = 0; deputies != NULL && i < deputies->len; i++)
    {
      const LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

      gtk_string_list_append (names, deputy->name);
      g_array_append_val (self->deputy_ids, deputy->meta.id);
      g_ptr_array_add (self->deputy_uuids, g_strdup (deputy->meta.uuid ? deputy->meta.uuid : ""));
    }

  g_set_object (&self->deputy_names, names);
  gtk_drop_down_set_model (self->deputy_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->deputy_dropdown, find_string (self->deputy_uuids, selected_uuid));
}

static void
load_categories (LiaisonReceptionsPage *self,
                 const char            *select_code)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (names, _("Any category"));
  g_array_append_val (self->category_ids, none);
  g_ptr_array_add (self->category_codes, g_strdup (""));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const LiaisonCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (names, g_dgettext (GETTEXT_PACKAGE, category->name));
      g_array_append_val (self->category_ids, category->id);
      g_ptr_array_add (self->category_codes, g_strdup (category->code));
    }

  g_set_object (&self->category_names, names);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->category_dropdown, find_string (self->category_codes, select_code));
}

static void
store_changed_cb (LiaisonReceptionsPage *self,
                  const char            *table)
{
  update_sync_mode (self);
  if (g_strcmp0 (table, "stations") == 0)
    {
      gint64 station_id = liaison_station_choices_get_id (self->stations);

      self->restoring = TRUE;
      liaison_station_choices_load (self->stations, self->store, NULL);
      self->restoring = FALSE;
      /* A station gone from the list drops the filter. */
      if (station_id != liaison_station_choices_get_id (self->stations))
        apply_filters (self);
    }
  if (g_strcmp0 (table, "deputies") == 0)
    {
      gint64 deputy_id = g_array_index (self->deputy_ids, gint64,
                                        MIN (gtk_drop_down_get_selected (self->deputy_dropdown),
                                             self->deputy_ids->len - 1));

      self->restoring = TRUE;
      load_deputies (self, NULL);
      self->restoring = FALSE;
      /* A renamed deputy keeps the filter; a removed one drops it. */
      if (liaison_ui_id_position (self->deputy_ids, deputy_id) == 0 && deputy_id != 0)
        apply_filters (self);
    }
}

/* Selection and navigation */

static void
selection_changed_cb (LiaisonReceptionsPage *self)
{
  liaison_reception_detail_set_reception_id (self->detail, liaison_ui_get_selected_id (self->selection));
}

static void
list_activated_cb (LiaisonReceptionsPage *self,
                   guint                  position)
{
  liaison_ui_leaflet_open (self->leaflet, self->selection, position);
}

static void
back_clicked_cb (LiaisonReceptionsPage *self)
{
  liaison_ui_leaflet_back (self->leaflet);
}

/**
 * liaison_receptions_page_show_reception:
 *
 * Selects the reception if it is among the first rows of the list, and
 * shows it in the detail either way.
 */
void
liaison_receptions_page_show_reception (LiaisonReceptionsPage *self,
                                        gint64                 reception_id)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_PAGE (self));

  liaison_ui_select_record (self->selection, self->list_view, reception_id, G_MAXUINT);
  liaison_reception_detail_set_reception_id (self->detail, reception_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * liaison_receptions_page_focus_search:
 *
 * Moves the keyboard focus to the search entry.
 */
void
liaison_receptions_page_focus_search (LiaisonReceptionsPage *self)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_PAGE (self));

  liaison_ui_leaflet_focus_search (self->leaflet, self->search_entry);
}

void
liaison_receptions_page_set_sync_engine (LiaisonReceptionsPage *self,
                                         LiaisonSyncEngine     *engine)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_PAGE (self));
  liaison_reception_detail_set_sync_engine (self->detail, engine);
}

/**
 * liaison_receptions_page_set_store:
 *
 * Shows the receptions of @store, with the filters last used.
 */
void
liaison_receptions_page_set_store (LiaisonReceptionsPage *self,
                                   LiaisonStore          *store)
{
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;
  g_autofree char *deputy_uuid = NULL;
  g_autofree char *category_code = NULL;
  g_autofree char *station_uuid = NULL;

  g_return_if_fail (LIAISON_IS_RECEPTIONS_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  liaison_reception_detail_set_store (self->detail, store);
  liaison_on_duty_today_set_store (self->on_duty_today, store);
  liaison_online_banner_set_store (self->online_banner, store);

  from_date = g_settings_get_string (self->settings, "filter-from-date");
  to_date = g_settings_get_string (self->settings, "filter-to-date");
  deputy_uuid = g_settings_get_string (self->settings, "filter-deputy");
  category_code = g_settings_get_string (self->settings, "filter-category");
  station_uuid = g_settings_get_string (self->settings, "filter-station");

  self->restoring = TRUE;
  load_deputies (self, deputy_uuid);
  load_categories (self, category_code);
  liaison_station_choices_load (self->stations, store, station_uuid);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_date);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_date);
  self->restoring = FALSE;

  /* Show the filters when they narrow the list, so that nobody wonders
   * where the other receptions went. */
  gtk_toggle_button_set_active (self->filter_button, is_filtering (self));

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deputy_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->station_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self, G_CONNECT_SWAPPED);
  update_sync_mode (self);

  mark_date_entry (self->from_entry);
  mark_date_entry (self->to_entry);
  apply_filters (self);
}

static void
liaison_receptions_page_dispose (GObject *object)
{
  LiaisonReceptionsPage *self = LIAISON_RECEPTIONS_PAGE (object);

  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_RECEPTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->deputy_names);
  g_clear_object (&self->category_names);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_receptions_page_parent_class)->dispose (object);
}

static void
liaison_receptions_page_finalize (GObject *object)
{
  LiaisonReceptionsPage *self = LIAISON_RECEPTIONS_PAGE (object);

  g_clear_pointer (&self->deputy_ids, g_array_unref);
  g_clear_pointer (&self->deputy_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->stations, liaison_station_choices_free);

  G_OBJECT_CLASS (liaison_receptions_page_parent_class)->finalize (object);
}

static void
liaison_receptions_page_class_init (LiaisonReceptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_receptions_page_dispose;
  object_class->finalize = liaison_receptions_page_finalize;

  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);
  g_type_ensure (LIAISON_TYPE_MOBILE_DESK_FILTER);
  g_type_ensure (LIAISON_TYPE_ON_DUTY_TODAY);
  g_type_ensure (LIAISON_TYPE_ONLINE_BANNER);
  g_type_ensure (LIAISON_TYPE_RECEPTION_DETAIL);
  g_type_ensure (LIAISON_TYPE_RECEPTIONS_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-receptions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, on_duty_today);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, online_banner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, deputy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, mobile_desk_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, cards_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, table_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, table);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
}

static void
liaison_receptions_page_init (LiaisonReceptionsPage *self)
{
  g_autoptr(GtkExpression) name_expression = NULL;
  g_autofree char *view = NULL;
  GtkColumnView *table_view;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->deputy_uuids = g_ptr_array_new_with_free_func (g_free);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->stations = liaison_station_choices_new (self->station_dropdown);
  liaison_ui_dropdown_search_like_pickers (self->station_dropdown);
  liaison_ui_dropdown_search_like_pickers (self->deputy_dropdown);
  self->shows_sync = TRUE;

  self->selection = liaison_ui_list_view_init (self->list_view, NULL,
                                               G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_content), self, G_CONNECT_SWAPPED);
  liaison_ui_leaflet_bind_folded (self->leaflet, self->list_view);
  g_signal_connect_object (gtk_list_view_get_factory (self->list_view), "bind",
                           G_CALLBACK (bind_sync_tag_cb), self, G_CONNECT_AFTER);

  table_view = liaison_receptions_table_get_column_view (self->table);
  g_signal_connect_object (table_view, "activate", G_CALLBACK (list_activated_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded", table_view, "single-click-activate", G_BINDING_SYNC_CREATE);
  self->restoring = TRUE;
  view = g_settings_get_string (self->settings, "receptions-view");
  gtk_toggle_button_set_active (g_str_equal (view, "table") ? self->table_button : self->cards_button, TRUE);
  show_view (self, g_str_equal (view, "table"));
  self->restoring = FALSE;

  name_expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->deputy_dropdown, name_expression);
}
