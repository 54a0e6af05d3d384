/* test-ui.c: the main window, driven through its widgets under Xvfb.
 *
 * Each case runs in its own subprocess (GTK keeps global state), builds
 * the real window over a temporary database and works it the way a clerk
 * would: typing into entries, pressing buttons, activating actions.
 */
#define G_LOG_DOMAIN "test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "liaison-deputy-picker.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-editor.h"
#include "liaison-reception-item.h"
#include "liaison-store.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-visitor-row.h"
#include "liaison-window.h"


#define SUMMARY "小区门口的路灯坏了三个月，晚上出行很不安全，希望尽快修复。"
#define SUMMARY_WORD "路灯坏了"
#define OTHER_WORD "菜市场搬"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        deputy_ids[2];
} Fixture;

static void
fixture_set_up (Fixture  *fixture,
                gboolean  with_station)
{
  g_autofree char *path = NULL;
  const char *names[] = { "王建国", "李秀英" };

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);

  if (!with_station)
    return;

  liaison_test_set_station (fixture->store, "相山区东山代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fixture->deputy_ids[i] = liaison_test_add_deputy (fixture->store, names[i], LIAISON_DEPUTY_LEVEL_CITY);
}

static gint64
add_reception (Fixture    *fixture,
               const char *received_at,
               const char *category_code,
               const char *summary)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GError) error = NULL;
  LiaisonVisitor *visitor = liaison_visitor_new ();

  reception->received_at = g_strdup (received_at);
  reception->station_id = station->meta.id;
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->store, category_code);
  g_assert_cmpint (reception->category_id, >, 0);
  reception->summary = g_strdup (summary);
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  visitor->community = g_strdup ("东山社区");
  visitor->party_size = 1;
  g_ptr_array_add (reception->visitors, visitor);
  liaison_store_save_reception (fixture->store, reception, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reception->meta.id, >, 0);
  return reception->meta.id;
}

static gint64
add_suggestion (Fixture    *fixture,
                const char *title)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GError) error = NULL;
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();
  gint64 id;

  suggestion->station_id = station->meta.id;
  suggestion->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  g_assert_cmpint (suggestion->category_id, >, 0);
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup_printf ("%s，请尽快处理。", title);
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  id = suggestion->meta.id;
  g_assert_cmpint (id, >, 0);
  liaison_suggestion_free (suggestion);
  return id;
}

static void
fixture_tear_down (Fixture *fixture)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* Main loop helpers */

static gboolean
is_not_mapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

/* Widget tree helpers */

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  return liaison_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/* Counts the labels styled "error" that a user can see right now. */
static guint
count_visible_errors (GtkWidget *root)
{
  return liaison_test_count_shown_labels (root, "error");
}

/* Every icon-only button of ours names itself for tooltips and screen
 * readers; returns how many buttons it looked at. */
static guint
check_icon_buttons (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && gtk_button_get_icon_name (GTK_BUTTON (root)) != NULL &&
      gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)) != NULL)
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

      if (gtk_widget_get_tooltip_text (root) == NULL)
        g_error ("The icon button “%s” has no tooltip", id);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += check_icon_buttons (child);
  return n;
}

static LiaisonWindow *
open_window (Fixture *fixture)
{
  LiaisonWindow *window = liaison_window_new (NULL, fixture->store);

  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  return window;
}

typedef struct {
  GtkListView *list_view;
  guint        n_items;
} ListCount;

static gboolean
list_has_n_items (gpointer data)
{
  ListCount *count = data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (count->list_view));

  return model != NULL && g_list_model_get_n_items (model) == count->n_items;
}

/* (a) The window opens on the receptions page, which says what to do. */
static void
run_window_opens (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *list_view;
  GtkWidget *title;
  GtkWidget *search_entry;
  GtkWidget *focus;

  fixture_set_up (&fixture, TRUE);
  window = open_window (&fixture);

  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, page));
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (GTK_WIDGET (window), "first_run_page")));

  list_view = liaison_test_get_by_id (page, "list_view");
  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))), ==, 0);

  /* The empty state shows, and says how to start. */
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (page, "empty_page")));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (liaison_test_get_by_id (page, "empty_page"))), ==, "No Receptions Yet");
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (page, "no_match_page")));

  /* The station's name is the window's subtitle. */
  title = liaison_test_get_by_id (GTK_WIDGET (window), "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==, "相山区东山代表联络站");

  search_entry = liaison_test_get_by_id (page, "search_entry");
  g_assert_true (GTK_IS_SEARCH_ENTRY (search_entry));
  g_assert_nonnull (liaison_test_get_by_id (GTK_WIDGET (window), "toast_overlay"));
  g_assert_cmpuint (check_icon_buttons (GTK_WIDGET (window)), >, 0);

  /* win.search puts the cursor in the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  liaison_test_spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search_entry || gtk_widget_is_ancestor (focus, search_entry));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (b) A fresh database asks for the station first. */
static void
run_first_run (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonStation) station = NULL;
  LiaisonWindow *window;
  GtkWidget *first_run;
  GtkWidget *receptions_page;
  GtkWidget *name_row;

  fixture_set_up (&fixture, FALSE);
  g_assert_null (liaison_store_get_local_station (fixture.store));
  window = open_window (&fixture);

  first_run = liaison_test_get_by_id (GTK_WIDGET (window), "first_run_page");
  receptions_page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, first_run));
  g_assert_false (gtk_widget_get_mapped (receptions_page));

  /* Start with no name: a message, and nothing written. */
  g_signal_emit_by_name (liaison_test_get_by_id (first_run, "start_button"), "clicked");
  liaison_test_spin (50);
  g_assert_cmpuint (count_visible_errors (first_run), ==, 1);
  g_assert_null (liaison_store_get_local_station (fixture.store));
  g_assert_true (gtk_widget_get_mapped (first_run));

  name_row = liaison_test_get_by_id (first_run, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  烈山区宋疃镇代表之家 ");
  g_assert_cmpuint (count_visible_errors (first_run), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (first_run, "kind_row")), LIAISON_STATION_KIND_HOME);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (first_run, "district_row")), "烈山区");
  g_signal_emit_by_name (liaison_test_get_by_id (first_run, "start_button"), "clicked");

  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, receptions_page));
  g_assert_true (liaison_test_wait_until (is_not_mapped, first_run));

  station = liaison_store_get_local_station (fixture.store);
  g_assert_nonnull (station);
  g_assert_cmpstr (station->name, ==, "烈山区宋疃镇代表之家");
  g_assert_cmpint (station->kind, ==, LIAISON_STATION_KIND_HOME);
  g_assert_cmpstr (station->district, ==, "烈山区");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (liaison_test_get_by_id (GTK_WIDGET (window), "switcher_title"))),
                   ==, "烈山区宋疃镇代表之家");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (c) A clerk logs a visit through the editor, then finds it by a word. */
static void
run_new_reception (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) receptions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *summary = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkListView *list_view;
  GtkWidget *search_entry;
  GtkWidget *editor;
  GtkWidget *visitor_row;
  GtkWidget *picker;
  GtkWidget *picker_entry;
  GtkTextView *summary_view;
  AdwComboRow *category_row;
  ListCount count;
  const LiaisonReception *reception;
  gint64 reception_id;

  fixture_set_up (&fixture, TRUE);
  window = open_window (&fixture);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  list_view = GTK_LIST_VIEW (liaison_test_get_by_id (page, "list_view"));
  search_entry = liaison_test_get_by_id (page, "search_entry");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-reception", NULL));
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_RECEPTION_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));

  /* The visitor. */
  visitor_row = find_by_type (liaison_test_get_by_id (editor, "visitors_box"), LIAISON_TYPE_VISITOR_ROW);
  g_assert_nonnull (visitor_row);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (visitor_row, "name_entry")), "张桂兰");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (visitor_row, "phone_entry")), "13812345678");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (visitor_row, "community_entry")), "东山社区");

  /* The deputy on duty, by typing part of the name and pressing Enter. */
  picker = liaison_test_get_by_id (editor, "deputy_picker");
  picker_entry = liaison_test_get_by_id (picker, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (picker_entry), "王");
  liaison_test_spin (400);
  g_signal_emit_by_name (picker_entry, "activate");
  liaison_test_spin (50);

  /* A category, and what was raised. */
  category_row = ADW_COMBO_ROW (liaison_test_get_by_id (editor, "category_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (category_row)), >, 1);
  adw_combo_row_set_selected (category_row, 1);
  summary_view = GTK_TEXT_VIEW (liaison_test_get_by_id (editor, "summary_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary_view), SUMMARY, -1);

  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  if (!liaison_test_wait_until_gone (LIAISON_TYPE_RECEPTION_EDITOR))
    g_error ("The editor stayed open after saving; it shows %u errors",
             count_visible_errors (liaison_test_find_toplevel (LIAISON_TYPE_RECEPTION_EDITOR)));

  /* The store has it, with the deputy and the visitor. */
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, &error), ==, 1);
  g_assert_no_error (error);
  receptions = liaison_store_list_receptions (fixture.store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receptions->len, ==, 1);
  reception = g_ptr_array_index (receptions, 0);
  g_assert_cmpstr (reception->summary, ==, SUMMARY);
  g_assert_cmpstr (reception->deputy_names, ==, "王建国");
  reception_id = reception->meta.id;

  /* The list shows it, and the detail beside it is that reception. */
  count = (ListCount) { list_view, 1 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));
  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), 0);
  g_assert_true (LIAISON_IS_RECEPTION_ITEM (item));
  g_object_get (item, "summary", &summary, NULL);
  g_assert_cmpstr (summary, ==, SUMMARY);
  g_assert_cmpint (liaison_reception_detail_get_reception_id (LIAISON_RECEPTION_DETAIL (liaison_test_get_by_id (page, "detail"))),
                   ==, reception_id);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, list_view));

  /* The detail's Edit button opens the editor on that reception. */
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (page, "edit_button")));
  g_assert_true (gtk_widget_activate (liaison_test_get_by_id (page, "edit_button")));
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_RECEPTION_EDITOR);
  g_assert_cmpint (liaison_reception_editor_get_reception_id (LIAISON_RECEPTION_EDITOR (editor)), ==, reception_id);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_RECEPTION_EDITOR));

  /* A word not in it finds nothing, and the page says so. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), OTHER_WORD);
  count = (ListCount) { list_view, 0 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (page, "no_match_page")));

  /* A four-character word from the summary finds it again. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), SUMMARY_WORD);
  count = (ListCount) { list_view, 1 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));
  g_clear_object (&item);
  g_clear_pointer (&summary, g_free);
  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), 0);
  g_object_get (item, "summary", &summary, NULL);
  g_assert_cmpstr (summary, ==, SUMMARY);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, list_view));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (d) Saving an empty editor explains what is missing and writes nothing. */
static void
run_empty_editor (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GError) error = NULL;
  LiaisonWindow *window;
  GtkWidget *editor;

  fixture_set_up (&fixture, TRUE);
  window = open_window (&fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-reception", NULL));
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_RECEPTION_EDITOR);

  g_assert_cmpuint (count_visible_errors (editor), ==, 0);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  liaison_test_spin (100);

  g_assert_cmpuint (count_visible_errors (editor), >=, 2);
  g_assert_true (liaison_test_find_toplevel (LIAISON_TYPE_RECEPTION_EDITOR) == editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page"), "list_view"))))),
                    ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (e) The receptions filters are remembered from one start to the next. */
static void
run_remembered_filters (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *saved_category = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkListView *list_view;
  GtkDropDown *category_dropdown;
  ListCount count;
  guint health = 0;

  fixture_set_up (&fixture, TRUE);
  add_reception (&fixture, "2024-03-05 09:30", "health", "社区卫生服务站缺少儿科医生。");
  add_reception (&fixture, "2024-05-20 15:00", "health", "希望增加社区医院夜间门诊。");
  add_reception (&fixture, "2024-05-21 10:00", "education", "学校门口交通拥堵。");

  /* As a previous run left them: from April on. */
  g_settings_set_string (settings, "filter-from-date", "2024-04-01");
  g_settings_set_string (settings, "filter-category", "");

  window = open_window (&fixture);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  list_view = GTK_LIST_VIEW (liaison_test_get_by_id (page, "list_view"));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (page, "from_entry"))), ==, "2024-04-01");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (liaison_test_get_by_id (page, "filter_button"))));
  count = (ListCount) { list_view, 2 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));

  /* Choosing a category narrows the list and is written down. */
  categories = liaison_store_list_categories (fixture.store, NULL);
  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (((LiaisonCategory *) g_ptr_array_index (categories, i))->code, "health") == 0)
      health = i + 1;  /* after "Any category" */
  g_assert_cmpuint (health, >, 0);
  category_dropdown = GTK_DROP_DOWN (liaison_test_get_by_id (page, "category_dropdown"));
  gtk_drop_down_set_selected (category_dropdown, health);
  count = (ListCount) { list_view, 1 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));
  saved_category = g_settings_get_string (settings, "filter-category");
  g_assert_cmpstr (saved_category, ==, "health");

  /* A date that is not one leaves the list alone and says so. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "to_entry")), "2024-13-45");
  liaison_test_spin (50);
  g_assert_cmpuint (count_visible_errors (page), ==, 1);
  g_assert_true (list_has_n_items (&count));

  /* Clearing the filters shows everything again. */
  g_signal_emit_by_name (liaison_test_get_by_id (page, "clear_filters_button"), "clicked");
  count = (ListCount) { list_view, 3 };
  g_assert_true (liaison_test_wait_until (list_has_n_items, &count));
  g_clear_pointer (&saved_category, g_free);
  saved_category = g_settings_get_string (settings, "filter-category");
  g_assert_cmpstr (saved_category, ==, "");
  g_assert_cmpuint (count_visible_errors (page), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (f) In a narrow window the list and the detail take turns. */
static void
run_narrow (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *leaflet;
  GtkWidget *list_view;
  GtkWidget *detail;
  gint64 id;

  fixture_set_up (&fixture, TRUE);
  id = add_reception (&fixture, "2024-03-05 09:30", "health", "社区卫生服务站缺少儿科医生。");

  window = liaison_window_new (NULL, fixture.store);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  leaflet = liaison_test_get_by_id (page, "leaflet");
  list_view = liaison_test_get_by_id (page, "list_view");
  detail = liaison_test_get_by_id (page, "detail");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, list_view));
  g_assert_true (liaison_test_wait_until (is_folded, leaflet));
  g_assert_true (liaison_test_wait_until (is_not_mapped, detail));

  /* A click on the row opens the detail; Back returns to the list. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, detail));
  g_assert_cmpint (liaison_reception_detail_get_reception_id (LIAISON_RECEPTION_DETAIL (detail)), ==, id);
  g_assert_true (adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, list_view));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

typedef struct {
  GtkListView *list_view;
  guint        position;
} ListSelection;

static gboolean
list_has_selected (gpointer data)
{
  ListSelection *selection = data;
  GtkSelectionModel *model = gtk_list_view_get_model (selection->list_view);

  return gtk_widget_get_mapped (GTK_WIDGET (selection->list_view)) &&
         gtk_widget_get_height (GTK_WIDGET (selection->list_view)) > 0 &&
         gtk_selection_model_is_selected (model, selection->position);
}

static GtkLabel *
find_heading (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "heading"))
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_heading (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The style puts a few pixels between rows; a gap wider than this is
 * rows missing. */
#define ROW_SPACING_MAX 8

typedef struct {
  float       top;
  float       bottom;
  const char *title;
} ShownRow;

static int
compare_shown_rows (gconstpointer a,
                    gconstpointer b)
{
  const ShownRow *first = a;
  const ShownRow *second = b;

  return (first->top > second->top) - (first->top < second->top);
}

/* The rows a person sees in @list_view, top to bottom: every row widget
 * that is drawn and overlaps the visible area. */
static GArray *
shown_rows (GtkListView *list_view)
{
  GtkWidget *widget = GTK_WIDGET (list_view);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));
  int height = gtk_widget_get_height (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      GtkLabel *heading;
      ShownRow row;

      if (!gtk_widget_get_mapped (child) || !gtk_widget_compute_bounds (child, widget, &bounds))
        continue;
      if (bounds.size.height <= 0 || bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      heading = find_heading (child);
      row.top = bounds.origin.y;
      row.bottom = bounds.origin.y + bounds.size.height;
      row.title = heading != NULL ? gtk_label_get_text (heading) : NULL;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_shown_rows);
  return rows;
}

/* Checks that the rows on screen in @list_view follow one another from
 * its top to its bottom, each showing a title, and that the row titled
 * @title is wholly among them. */
static void
assert_rows_fill_list (GtkListView *list_view,
                       const char  *title)
{
  g_autoptr(GArray) rows = shown_rows (list_view);
  int height = gtk_widget_get_height (GTK_WIDGET (list_view));
  gboolean found = FALSE;
  float covered = 0;

  g_assert_cmpint (height, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      ShownRow *row = &g_array_index (rows, ShownRow, i);

      if (row->top > covered + ROW_SPACING_MAX)
        g_error ("Nothing is drawn in the list from y=%.0f to y=%.0f", covered, row->top);
      if (row->title == NULL || *row->title == '\0')
        g_error ("The row at y=%.0f shows no title", row->top);
      covered = MAX (covered, row->bottom);
      if (g_strcmp0 (row->title, title) == 0)
        {
          found = TRUE;
          g_assert_cmpfloat (row->top, >=, 0);
          g_assert_cmpfloat (row->bottom, <=, height);
        }
    }
  if (covered < height - ROW_SPACING_MAX)
    g_error ("Nothing is drawn in the list below y=%.0f of %d", covered, height);
  if (!found)
    g_error ("The row “%s” is not on screen", title);
}

/* More than the list view keeps rows for around the row it scrolls to. */
#define N_SUGGESTIONS 320
/* Off the first screen and on the second page of the list model. */
#define FAR_POSITION 150

static gboolean
says_320_suggestions (gpointer label)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "320 suggestions") == 0;
}

/* (g) Opening a suggestion far down a list never shown yet scrolls to it,
 * and every row on screen shows a suggestion: no blank stretch where rows
 * were never made. */
static void
run_show_suggestion_far_down (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonPagedList) rows = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *title = NULL;
  LiaisonWindow *window;
  GtkListView *list_view;
  ListSelection selection;
  gint64 id = 0;

  fixture_set_up (&fixture, TRUE);
  for (guint i = 0; i < N_SUGGESTIONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("关于解决第%u号路灯长期不亮问题的建议", i + 1);

      add_suggestion (&fixture, text);
    }

  window = open_window (&fixture);
  list_view = GTK_LIST_VIEW (liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page"), "list_view"));
  /* Read after the first frame, the page counts them out of sight. */
  g_assert_true (liaison_test_wait_until (says_320_suggestions,
                                          liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page"),
                                                                  "count_label")));
  /* The window opens on the receptions: the suggestions list has never
   * been laid out, and has made no rows (liaison-rows-when-shown.c). */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list_view)));
  g_assert_null (gtk_list_view_get_model (list_view));

  /* The row the page will show there, from the same model. */
  rows = liaison_store_new_suggestion_model (fixture.store, "");
  item = g_list_model_get_item (G_LIST_MODEL (rows), FAR_POSITION);
  g_assert_nonnull (item);
  g_object_get (item, "id", &id, "title", &title, NULL);
  g_assert_cmpint (id, >, 0);

  /* As a row of the follow-up board does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x", id));
  selection = (ListSelection) { list_view, FAR_POSITION };
  g_assert_true (liaison_test_wait_until (list_has_selected, &selection));
  liaison_test_spin (300);
  assert_rows_fill_list (list_view, title);

  /* Once shown, the list scrolls at once to another suggestion far off. */
  g_clear_object (&item);
  g_clear_pointer (&title, g_free);
  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), 20);
  g_object_get (item, "id", &id, "title", &title, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x", id));
  g_assert_true (gtk_selection_model_is_selected (gtk_list_view_get_model (list_view), 20));
  liaison_test_spin (300);
  assert_rows_fill_list (list_view, title);

  /* The oldest, beyond the rows the page could scan: found all the same,
   * so the list never highlights another suggestion than the one shown. */
  g_clear_object (&item);
  g_clear_pointer (&title, g_free);
  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), N_SUGGESTIONS - 1);
  g_object_get (item, "id", &id, "title", &title, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x", id));
  g_assert_true (gtk_selection_model_is_selected (gtk_list_view_get_model (list_view), N_SUGGESTIONS - 1));
  liaison_test_spin (300);
  assert_rows_fill_list (list_view, title);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/window/opens", run_window_opens);
  liaison_test_add_ui_case ("/ui/window/first-run", run_first_run);
  liaison_test_add_ui_case ("/ui/window/new-reception", run_new_reception);
  liaison_test_add_ui_case ("/ui/window/empty-editor", run_empty_editor);
  liaison_test_add_ui_case ("/ui/window/remembered-filters", run_remembered_filters);
  liaison_test_add_ui_case ("/ui/window/narrow", run_narrow);
  liaison_test_add_ui_case ("/ui/window/show-suggestion-far-down", run_show_suggestion_far_down);

  return g_test_run ();
}
