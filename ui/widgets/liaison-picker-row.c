/* liaison-picker-row.c: a row that picks one name from a long list.
 *
 * AdwComboRow (libadwaita 1.2) ellipsizes long names and cannot search,
 * and GtkDropDown's search (GTK 4.8) matches only the start of a name:
 * "交通" would not find "市交通运输局". This row filters by any part of a
 * name, case aside, and wraps every name instead of cutting it.
 */
#define G_LOG_DOMAIN "liaison-picker-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-picker-row.h"

struct _LiaisonPickerRow
{
  AdwActionRow parent_instance;

  /* owned */
  GListModel         *model;     /* GtkStringObject */
  GtkStringFilter    *filter;
  GtkFilterListModel *shown;     /* model, narrowed by the search */

  /* children; the popover is parented to the row */
  GtkWidget          *popover;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  guint               selected;
  char               *placeholder; /* the subtitle while nothing is chosen */
  guint               scroll_tick;
};

G_DEFINE_FINAL_TYPE (LiaisonPickerRow, liaison_picker_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Wide enough for most unit names on one line; longer ones wrap. */
#define NAME_MAX_CHARS 36

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(GtkStringObject) item = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;
  item = g_list_model_get_item (model, position);
  /* The list holds its item: the string outlives this reference. */
  return gtk_string_object_get_string (item);
}

static void
show_selected (LiaisonPickerRow *self)
{
  const char *name = name_at (self->model, self->selected);

  if (name == NULL)
    name = self->placeholder != NULL ? self->placeholder : "";
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), name);
}

static guint
position_in_model (LiaisonPickerRow *self,
                   gpointer          item)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (self->model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
choose_shown (LiaisonPickerRow *self,
              guint             shown_position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), shown_position);

  if (item == NULL)
    return;
  liaison_picker_row_set_selected (self, position_in_model (self, item));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
list_activate_cb (LiaisonPickerRow *self,
                  guint             position)
{
  choose_shown (self, position);
}

/* Enter in the search takes the first name still listed. */
static void
search_activate_cb (LiaisonPickerRow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    choose_shown (self, 0);
}

static void
search_changed_cb (LiaisonPickerRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  gtk_string_filter_set_search (self->filter, *trimmed != '\0' ? trimmed : NULL);
}

static void
stop_search_cb (LiaisonPickerRow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* Down from the search goes into the list, as in a file chooser. */
static gboolean
search_key_cb (LiaisonPickerRow *self,
               guint             keyval,
               guint             keycode,
               GdkModifierType   state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LiaisonPickerRow         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), NAME_MAX_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LiaisonPickerRow         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_last_child (box);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *name = gtk_string_object_get_string (item);

  gtk_label_set_text (GTK_LABEL (label), name);
  /* Kept for update_ticks(): a row stays bound while the choice changes. */
  g_object_set_data (G_OBJECT (box), "liaison-item", item);
  gtk_widget_set_opacity (check, position_in_model (self, item) == self->selected ? 1 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The list's row (GTK's own widget) is what takes the focus: it is
   * named the name too. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LiaisonPickerRow         *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "liaison-item", NULL);
}

/* The tick follows the choice in rows already on screen. */
static void
update_ticks (LiaisonPickerRow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      gpointer item = box != NULL ? g_object_get_data (G_OBJECT (box), "liaison-item") : NULL;

      if (item != NULL)
        gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                                position_in_model (self, item) == self->selected ? 1 : 0);
    }
}

/* Scrolling to the chosen name before the list has a height leaves the
 * list blank until the next scroll: wait for a frame that has one. */
static gboolean
scroll_to_selected_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  LiaisonPickerRow *self = data;

  if (gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  if (self->selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (widget, "list.scroll-to-item", "u", self->selected);
  return G_SOURCE_REMOVE;
}

static void
popover_show_cb (LiaisonPickerRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  if (self->selected != GTK_INVALID_LIST_POSITION && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_to_selected_cb, self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_search_label (LiaisonPickerRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the search in a list to choose from; %s is the field, "Lead unit" */
  g_autofree char *label = g_strdup_printf (_("Search: %s"), title != NULL ? title : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
liaison_picker_row_activate (AdwActionRow *row)
{
  liaison_picker_row_popup (LIAISON_PICKER_ROW (row));
}

static void
liaison_picker_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LiaisonPickerRow *self = LIAISON_PICKER_ROW (widget);

  GTK_WIDGET_CLASS (liaison_picker_row_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
liaison_picker_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaisonPickerRow *self = LIAISON_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_picker_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaisonPickerRow *self = LIAISON_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      liaison_picker_row_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_picker_row_dispose (GObject *object)
{
  LiaisonPickerRow *self = LIAISON_PICKER_ROW (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->placeholder, g_free);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (liaison_picker_row_parent_class)->dispose (object);
}

static void
liaison_picker_row_class_init (LiaisonPickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->get_property = liaison_picker_row_get_property;
  object_class->set_property = liaison_picker_row_set_property;
  object_class->dispose = liaison_picker_row_dispose;
  widget_class->size_allocate = liaison_picker_row_size_allocate;
  row_class->activate = liaison_picker_row_activate;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_picker_row_init (LiaisonPickerRow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkSingleSelection *selection;

  self->selected = GTK_INVALID_LIST_POSITION;
  self->filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->shown = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));

  /* A name of several lines is said whole, and so is the subtitle. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: the hint in the search of a list of units, stations or deputies */
  g_object_set (self->search_entry, "placeholder-text", _("Type part of a name"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_search_label), self);
  update_search_label (self);
}

/**
 * liaison_picker_row_new:
 *
 * Returns: (transfer floating): a row with nothing to choose from yet
 */
GtkWidget *
liaison_picker_row_new (void)
{
  return g_object_new (LIAISON_TYPE_PICKER_ROW, NULL);
}

/**
 * liaison_picker_row_set_model:
 * @model: (nullable): GtkStringObject items, the names to choose from
 *
 * Chooses the first name, as AdwComboRow does.
 */
void
liaison_picker_row_set_model (LiaisonPickerRow *self,
                              GListModel       *model)
{
  g_return_if_fail (LIAISON_IS_PICKER_ROW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  gtk_filter_list_model_set_model (self->shown, model);
  self->selected = GTK_INVALID_LIST_POSITION;
  liaison_picker_row_set_selected (self, model != NULL && g_list_model_get_n_items (model) > 0
                                         ? 0 : GTK_INVALID_LIST_POSITION);
  /* Said even when the position is the same: the name is another. */
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * liaison_picker_row_get_model:
 *
 * Returns: (transfer none) (nullable): the names to choose from
 */
GListModel *
liaison_picker_row_get_model (LiaisonPickerRow *self)
{
  g_return_val_if_fail (LIAISON_IS_PICKER_ROW (self), NULL);
  return self->model;
}

/**
 * liaison_picker_row_get_selected:
 *
 * Returns: the chosen name's position in the model, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
liaison_picker_row_get_selected (LiaisonPickerRow *self)
{
  g_return_val_if_fail (LIAISON_IS_PICKER_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

/**
 * liaison_picker_row_dup_selected_id:
 * @ids: (element-type utf8) (nullable): the ids of the model's names, in
 *   its order
 *
 * Returns: (transfer full) (nullable): the chosen name's id, or %NULL
 *   when none is chosen
 */
char *
liaison_picker_row_dup_selected_id (LiaisonPickerRow *self,
                                    GPtrArray        *ids)
{
  guint selected;

  g_return_val_if_fail (LIAISON_IS_PICKER_ROW (self), NULL);

  selected = self->selected;
  if (ids == NULL || selected >= ids->len)
    return NULL;
  return g_strdup (g_ptr_array_index (ids, selected));
}

/**
 * liaison_picker_row_set_selected:
 * @position: a position in the model, or %GTK_INVALID_LIST_POSITION
 */
void
liaison_picker_row_set_selected (LiaisonPickerRow *self,
                                 guint             position)
{
  guint n;

  g_return_if_fail (LIAISON_IS_PICKER_ROW (self));

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  if (position >= n)
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;
  self->selected = position;
  show_selected (self);
  update_ticks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * liaison_picker_row_set_placeholder:
 * @text: (nullable): the subtitle while nothing is chosen
 */
void
liaison_picker_row_set_placeholder (LiaisonPickerRow *self,
                                    const char       *text)
{
  g_return_if_fail (LIAISON_IS_PICKER_ROW (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (text);
  show_selected (self);
}

/**
 * liaison_picker_row_popup:
 *
 * Opens the list, its search empty and focused.
 */
void
liaison_picker_row_popup (LiaisonPickerRow *self)
{
  g_return_if_fail (LIAISON_IS_PICKER_ROW (self));

  if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    return;
  /* As wide as the row: a wrapping name would otherwise be measured at
   * its narrowest, a character a line. */
  gtk_widget_set_size_request (gtk_popover_get_child (GTK_POPOVER (self->popover)),
                               MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 48, 280), -1);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/**
 * liaison_picker_row_get_shown:
 *
 * Returns: (transfer none): the names the list shows now, the search
 *   applied
 */
GListModel *
liaison_picker_row_get_shown (LiaisonPickerRow *self)
{
  g_return_val_if_fail (LIAISON_IS_PICKER_ROW (self), NULL);
  return G_LIST_MODEL (self->shown);
}
