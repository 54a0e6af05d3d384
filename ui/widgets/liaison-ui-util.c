/* liaison-ui-util.c: small pieces the pages, detail panes and the window
 * share. */
#define G_LOG_DOMAIN "liaison-ui-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "liaison-json-depth.h"
#include "liaison-store-sync.h"
#include "liaison-ui-util.h"
#include "liaison-validate.h"

/* How far liaison_ui_select_record() looks for a record among the loaded
 * rows of a paged list. */
#define MAX_ROWS_TO_SCAN 200

/**
 * liaison_ui_normalize_date:
 *
 * Returns: (nullable): "YYYY-MM-DD" for any date spelling
 *   liaison_normalize_datetime() accepts, or NULL
 */
char *
liaison_ui_normalize_date (const char *text)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);

  if (normalized == NULL)
    return NULL;
  normalized[10] = '\0';
  return g_steal_pointer (&normalized);
}

/**
 * liaison_ui_get_search_text:
 *
 * Returns: the text of @search_entry without leading or trailing spaces
 */
char *
liaison_ui_get_search_text (GtkSearchEntry *search_entry)
{
  return liaison_ui_editable_get_trimmed (GTK_EDITABLE (search_entry));
}

/**
 * liaison_ui_format_local:
 * @at: (nullable): an instant
 *
 * Returns: (transfer full): @at as "YYYY-MM-DD HH:MM" in local time, what
 *   a clerk reads; "" for NULL
 */
char *
liaison_ui_format_local (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * liaison_ui_format_utc:
 * @utc: (nullable): a stored UTC time, "YYYY-MM-DDTHH:MM:SSZ"
 *
 * Returns: (transfer full): @utc as liaison_ui_format_local() shows it;
 *   "" for none, and @utc itself when it is not a time
 */
char *
liaison_ui_format_utc (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;

  if (utc == NULL || *utc == '\0')
    return g_strdup ("");
  time = g_date_time_new_from_iso8601 (utc, NULL);
  if (time == NULL)
    return g_strdup (utc);
  return liaison_ui_format_local (time);
}

/**
 * liaison_ui_editable_get_trimmed:
 *
 * Returns: (transfer full): the text of @editable without leading or
 *   trailing spaces
 */
char *
liaison_ui_editable_get_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/**
 * liaison_ui_text_view_get_text:
 *
 * Returns: (transfer full): everything in @view's buffer, as typed
 */
char *
liaison_ui_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * liaison_ui_dispose_bin_template:
 * @type: the template's type, the widget's own
 *
 * Disposes the template of an AdwBin subclass.
 */
void
liaison_ui_dispose_bin_template (AdwBin *bin,
                                 GType   type)
{
  /* AdwBin holds its child; let it go before the template does. */
  adw_bin_set_child (bin, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (bin), type);
}

/**
 * liaison_ui_list_view_init:
 * @model: (transfer full) (nullable): the rows, if already known
 * @setup_row_cb: the factory's "setup" handler
 * @bind_row_cb: the factory's "bind" handler
 *
 * Gives @list_view its row factory and a single selection over @model.
 *
 * Returns: (transfer full): the selection
 */
GtkSingleSelection *
liaison_ui_list_view_init (GtkListView *list_view,
                           GListModel  *model,
                           GCallback    setup_row_cb,
                           GCallback    bind_row_cb)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  g_signal_connect (factory, "setup", setup_row_cb, NULL);
  g_signal_connect (factory, "bind", bind_row_cb, NULL);
  gtk_list_view_set_factory (list_view, factory);

  selection = gtk_single_selection_new (model);
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
  return selection;
}

/**
 * liaison_ui_add_row_label:
 * @row: the row's outer box, where the label is kept under @key
 * @box: where the label goes
 * @css_class: (nullable): a style class
 * @max_width_chars: the label's maximum width, -1 for none
 *
 * Returns: (transfer none): a new one-line label of a list row
 */
GtkWidget *
liaison_ui_add_row_label (GtkWidget  *row,
                          GtkBox     *box,
                          const char *key,
                          const char *css_class,
                          int         max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  /* Keyed on the row, where liaison_ui_set_row_text() looks them up. */
  g_object_set_data (G_OBJECT (row), key, label);
  return label;
}

/**
 * liaison_ui_set_row_text:
 * @text: (nullable): the text, NULL for none
 *
 * Sets the text of the label liaison_ui_add_row_label() keyed @key.
 */
void
liaison_ui_set_row_text (GtkWidget  *row,
                         const char *key,
                         const char *text)
{
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (row), key)), text ? text : "");
}

/**
 * liaison_ui_clear_row_texts:
 * @keys: (array zero-terminated=1): the labels' keys
 *
 * Empties the labels of a row whose record has gone.
 */
void
liaison_ui_clear_row_texts (GtkWidget          *row,
                            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    liaison_ui_set_row_text (row, keys[i], NULL);
}

/**
 * liaison_ui_show_list_content:
 * @error: (nullable): why the list could not be read
 * @filtering: whether a search or filter narrows the list
 *
 * Shows the list, or the page that says why it is empty: the error, no
 * match, or nothing recorded yet.
 */
void
liaison_ui_show_list_content (GtkStack      *content_stack,
                              AdwStatusPage *error_page,
                              guint          n_items,
                              const GError  *error,
                              gboolean       filtering)
{
  if (n_items > 0)
    gtk_stack_set_visible_child_name (content_stack, "list");
  else if (error != NULL)
    {
      adw_status_page_set_description (error_page, error->message);
      gtk_stack_set_visible_child_name (content_stack, "error");
    }
  else if (filtering)
    gtk_stack_set_visible_child_name (content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (content_stack, "empty");
}

/**
 * liaison_ui_show_paged_content:
 * @selection: a selection over a LiaisonPagedList, or over nothing yet
 *
 * liaison_ui_show_list_content() for the paged list of @selection.
 */
void
liaison_ui_show_paged_content (GtkStack           *content_stack,
                               AdwStatusPage      *error_page,
                               GtkSingleSelection *selection,
                               gboolean            filtering)
{
  GListModel *model = gtk_single_selection_get_model (selection);

  liaison_ui_show_list_content (content_stack, error_page,
                                model ? g_list_model_get_n_items (model) : 0,
                                model ? liaison_paged_list_get_error (LIAISON_PAGED_LIST (model)) : NULL,
                                filtering);
}

/**
 * liaison_ui_leaflet_bind_folded:
 *
 * Folded, one click on a row opens the detail; side by side, a click only
 * selects (single-click-activate would also select on hover).
 */
void
liaison_ui_leaflet_bind_folded (AdwLeaflet  *leaflet,
                                GtkListView *list_view)
{
  g_object_bind_property (leaflet, "folded", list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
}

/**
 * liaison_ui_leaflet_open:
 *
 * Selects the row at @position and shows the detail.
 */
void
liaison_ui_leaflet_open (AdwLeaflet         *leaflet,
                         GtkSingleSelection *selection,
                         guint               position)
{
  gtk_single_selection_set_selected (selection, position);
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * liaison_ui_leaflet_back:
 *
 * Goes back from the detail to the list.
 */
void
liaison_ui_leaflet_back (AdwLeaflet *leaflet)
{
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * liaison_ui_leaflet_focus_search:
 *
 * Shows the list and moves the keyboard focus to its search entry.
 */
void
liaison_ui_leaflet_focus_search (AdwLeaflet     *leaflet,
                                 GtkSearchEntry *search_entry)
{
  liaison_ui_leaflet_back (leaflet);
  gtk_widget_grab_focus (GTK_WIDGET (search_entry));
}

/**
 * liaison_ui_get_selected_id:
 * @selection: a selection over items with an "id" property
 *
 * Returns: the id of the record selected, 0 for none
 */
gint64
liaison_ui_get_selected_id (GtkSingleSelection *selection)
{
  GObject *item = gtk_single_selection_get_selected_item (selection);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

/* The id of the item at @position of @model, or 0. */
static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

/**
 * liaison_ui_select_record:
 * @selection: a selection over items with an "id" property
 * @id: the record's id
 * @position: where the store says the record is, or G_MAXUINT
 *
 * Selects the record and scrolls to it: at @position wherever that is,
 * or else if it is among the first rows of the list.
 */
void
liaison_ui_select_record (GtkSingleSelection *selection,
                          GtkListView        *list_view,
                          gint64              id,
                          guint               position)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n_items = g_list_model_get_n_items (model);

  if (position >= n_items || id_at (model, position) != id)
    {
      position = GTK_INVALID_LIST_POSITION;
      for (guint i = 0; i < MIN (n_items, MAX_ROWS_TO_SCAN) && position == GTK_INVALID_LIST_POSITION; i++)
        if (id_at (model, i) == id)
          position = i;
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (selection, position);
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u", position);
}

/**
 * liaison_ui_show_load_error:
 * @stack: a detail pane's stack, with "empty" and "error" pages
 *
 * Shows why a record could not be read: a record deleted meanwhile
 * leaves the pane empty; anything else is shown.
 */
void
liaison_ui_show_load_error (GtkStack      *stack,
                            AdwStatusPage *error_page,
                            const GError  *error)
{
  if (g_error_matches (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
    {
      gtk_stack_set_visible_child_name (stack, "empty");
      return;
    }
  adw_status_page_set_description (error_page, error->message);
  gtk_stack_set_visible_child_name (stack, "error");
}

/**
 * liaison_ui_show_sync_state:
 *
 * @enrolled: whether the desk syncs at all
 *
 * Shows a record's sync state in the row holding @state_label only when
 * there is something to say (not yet synced, an error) on a desk that
 * syncs: "synced" on every page, or "not synced" on a desk that never
 * syncs, says nothing. The sync error shows only if it has one.
 */
void
liaison_ui_show_sync_state (GtkLabel                *state_label,
                            GtkLabel                *error_label,
                            const LiaisonRecordMeta *meta,
                            gboolean                 enrolled)
{
  const char *note = liaison_sync_state_note (meta->sync_state);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (state_label), ADW_TYPE_ACTION_ROW);

  gtk_label_set_text (state_label, note != NULL ? note : "");
  gtk_widget_set_visible (row != NULL ? row : GTK_WIDGET (state_label), enrolled && note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (error_label), enrolled && meta->sync_error != NULL && *meta->sync_error);
  gtk_label_set_text (error_label, meta->sync_error ? meta->sync_error : "");
}

/**
 * liaison_ui_param_spec_store:
 *
 * Returns: (transfer floating): the construct-only "store" property that
 *   every editor, dialog and the window are made with
 */
GParamSpec *
liaison_ui_param_spec_store (void)
{
  return g_param_spec_object ("store", NULL, NULL,
                              LIAISON_TYPE_STORE,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/**
 * liaison_ui_dialog_class_add_keys:
 * @save_action: the widget action that saves, "group.verb"
 *
 * The keys every editor and dialog window answers: Ctrl+S saves, Escape
 * closes (through "window.close", so a close-request handler still asks
 * before anything typed is lost).
 */
void
liaison_ui_dialog_class_add_keys (GtkWidgetClass *widget_class,
                                  const char     *save_action)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static gboolean
close_window_cb (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* Closes @window once the signal now being emitted has run. A dialog
 * transient for @window that answers by closing it must not free it under
 * its own "response": GTK would then unhook the dialog from a window
 * already gone (an invalid instance at the dialog's dispose). */
void
liaison_ui_close_when_idle (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb, g_object_ref (window), g_object_unref);
}

/**
 * liaison_ui_show_message:
 * @label: the label under a field, or a form's own
 * @field: (nullable): the field the message is about, marked with the
 *   "error" style while it shows
 * @message: (nullable): the message, or NULL to hide it
 *
 * Shows or hides a form's message, with the field it is about.
 */
void
liaison_ui_show_message (GtkLabel   *label,
                         GtkWidget  *field,
                         const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (field == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/**
 * liaison_ui_show_field_errors:
 * @errors: (element-type LiaisonFieldError): what a check found
 * @fields: (array length=n_fields): where each field's problems show
 * @other_label: where a problem about no field in @fields shows
 *
 * Shows each problem by its field, one message a label (the first problem
 * of that label's fields), and focuses the first field that has one.
 */
void
liaison_ui_show_field_errors (GPtrArray                   *errors,
                              const LiaisonUiFieldMessage *fields,
                              guint                        n_fields,
                              GtkLabel                    *other_label)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      const LiaisonFieldError *error = g_ptr_array_index (errors, i);
      const LiaisonUiFieldMessage *slot = NULL;

      for (guint j = 0; j < n_fields && slot == NULL; j++)
        if (g_strcmp0 (error->field, fields[j].field) == 0)
          slot = &fields[j];

      if (slot == NULL)
        {
          if (!gtk_widget_get_visible (GTK_WIDGET (other_label)))
            liaison_ui_show_message (other_label, NULL, error->message);
          continue;
        }
      if (!gtk_widget_get_visible (GTK_WIDGET (slot->label)))
        liaison_ui_show_message (slot->label, slot->mark ? slot->widget : NULL, error->message);
      if (first == NULL)
        first = slot->widget;
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/**
 * liaison_ui_id_at:
 * @ids: gint64 ids, parallel to a drop-down's items
 *
 * Returns: the id of the item at @position, or 0 past the end (nothing
 *   chosen)
 */
gint64
liaison_ui_id_at (GArray *ids,
                  guint   position)
{
  if (ids == NULL || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

/**
 * liaison_ui_id_position:
 * @ids: gint64 ids, parallel to a drop-down's items
 *
 * Returns: the position of @id, or 0, the first item, when it is not there
 */
guint
liaison_ui_id_position (GArray *ids,
                        gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/**
 * liaison_ui_append_categories:
 * @first_label: the first item, id 0: "Choose…" or "Any category"
 * @names: the drop-down's items, appended to
 * @ids: gint64, parallel to @names, appended to
 *
 * Appends @first_label, then every category under its translated name.
 */
void
liaison_ui_append_categories (LiaisonStore  *store,
                              const char    *first_label,
                              GtkStringList *names,
                              GArray        *ids)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (store, NULL);
  gint64 none = 0;

  gtk_string_list_append (names, first_label);
  g_array_append_val (ids, none);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const LiaisonCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (names, g_dgettext (GETTEXT_PACKAGE, category->name));
      g_array_append_val (ids, category->id);
    }
}

/* liaison_ui_deputies_here_first: reorders @deputies (LiaisonDeputy) in
 * place, this station's (on duty here) before the rest, each in order. */
void
liaison_ui_deputies_here_first (LiaisonStore *store,
                                GPtrArray    *deputies)
{
  g_autoptr(LiaisonStation) here = liaison_store_get_local_station (store);
  g_autofree gpointer *ordered = NULL;
  guint n = 0;

  if (here == NULL || deputies == NULL || deputies->len == 0)
    return;
  ordered = g_new (gpointer, deputies->len);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < deputies->len; i++)
      {
        const LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

        if ((deputy->station_id == here->meta.id) == (pass == 0))
          ordered[n++] = (gpointer) deputy;
      }
  memcpy (deputies->pdata, ordered, deputies->len * sizeof (gpointer));
}

/**
 * liaison_ui_append_deputies:
 * @with_station: name each deputy's station too, for a list of everyone
 * @names: the drop-down's items, appended to
 * @ids: (nullable): gint64, parallel to @names, appended to
 * @uuids: (nullable): char *, parallel to @names, appended to
 *
 * Appends the deputies on the roster, in the store's order.
 */
void
liaison_ui_append_deputies (LiaisonStore  *store,
                            gboolean       with_station,
                            GtkStringList *names,
                            GArray        *ids,
                            GPtrArray     *uuids)
{
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, NULL);
  g_autoptr(LiaisonStation) here = liaison_store_get_local_station (store);
  gint64 here_id = here != NULL ? here->meta.id : 0;

  /* This station's deputies first: they are the ones on duty here. */
  liaison_ui_deputies_here_first (store, deputies);
  for (guint i = 0; deputies != NULL && i < deputies->len; i++)
    {
      const LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);
      gboolean local = here_id != 0 && deputy->station_id == here_id;

      if (with_station && !local && deputy->station_name != NULL && *deputy->station_name != '\0')
        {
          /* Translators: a deputy in a list: the name, then the station */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), deputy->name, deputy->station_name);

          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, deputy->name);
      if (ids != NULL)
        g_array_append_val (ids, deputy->meta.id);
      if (uuids != NULL)
        g_ptr_array_add (uuids, g_strdup (deputy->meta.uuid));
    }
}

/**
 * liaison_ui_csv_chooser_new:
 * @parent: (nullable): the window it is modal for
 * @accept_label: the mnemonic label of the button that opens or saves
 * @all_files: whether to offer "All files" as well as CSV files
 *
 * Returns: (transfer full): a modal file chooser for a CSV file, not
 *   shown yet; give its response to liaison_ui_csv_chooser_finish()
 */
GtkFileChooserNative *
liaison_ui_csv_chooser_new (const char           *title,
                            GtkWindow            *parent,
                            GtkFileChooserAction  action,
                            const char           *accept_label,
                            gboolean              all_files)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action,
                                                              accept_label, _("_Cancel"));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);

  if (all_files)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  return native;
}

/**
 * liaison_ui_csv_chooser_finish:
 * @native: (transfer full): a chooser from liaison_ui_csv_chooser_new()
 *
 * Destroys the chooser once it has answered.
 *
 * Returns: (transfer full) (nullable): the file chosen, NULL if cancelled
 */
GFile *
liaison_ui_csv_chooser_finish (GtkNativeDialog *native,
                               int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  return file;
}

/* The value that lost a conflict, as the clerk typed it: the summary or
 * the title when there is one, else the record's data as JSON. */
static char *
conflict_losing_value (const LiaisonConflict *conflict)
{
  const char *json = g_strcmp0 (conflict->rule, LIAISON_CONFLICT_RULE_KEPT_LOCAL) == 0
                     ? conflict->server_json : conflict->local_json;
  g_autoptr(JsonNode) root = json != NULL ? liaison_json_from_string (json, NULL) : NULL;
  JsonObject *data;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (json != NULL ? json : "");
  data = json_object_get_object_member (json_node_get_object (root), "data");
  for (guint i = 0; data != NULL && i < 2; i++)
    {
      const char *member = i == 0 ? "summary" : "title";

      if (json_object_has_member (data, member) &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (data, member)))
        return g_strdup (json_object_get_string_member (data, member));
    }
  return json_to_string (root, TRUE);
}

/**
 * liaison_ui_show_conflicts:
 *
 * Fills @list with the conflict log of the record (@kind, @uuid): what
 * sync settled, and the value that lost, never dropped. @group shows only
 * when there is something in it.
 */
void
liaison_ui_show_conflicts (LiaisonStore        *store,
                           const char          *kind,
                           const char          *uuid,
                           AdwPreferencesGroup *group,
                           GtkListBox          *list)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  conflicts = liaison_store_list_conflicts (store, kind, uuid, NULL);
  gtk_widget_set_visible (GTK_WIDGET (group), conflicts != NULL && conflicts->len > 0);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      LiaisonConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *value = conflict_losing_value (conflict);
      g_autofree char *when = liaison_ui_format_utc (conflict->created_at);
      /* Translators: when a sync conflict was settled, then the two versions */
      g_autofree char *subtitle = g_strdup_printf (_("%s — version %lld here, %lld at headquarters"),
                                                   when, (long long) conflict->local_version,
                                                   (long long) conflict->server_version);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (value);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_conflict_rule_label (conflict->rule));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
      gtk_list_box_append (list, row);
    }
}
