/* test-ui-lists.c: the lists say how many rows they hold, the receptions
 * show as a table too, headquarters filters by station and sees which unit
 * is late, and a desk that does not sync says so once, not on every row.
 *
 * Real windows under Xvfb over real SQLite files, a child process a case;
 * the headquarters cases work on what `liaison demo --hq` writes.
 */
#define G_LOG_DOMAIN "test-ui-lists"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-date-button.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-item.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-sync-status.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-timeline.h"
#include "liaison-window.h"


typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        deputy_ids[2];
} Fixture;

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-lists-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, "相山区东山代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  fixture->deputy_ids[0] = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->deputy_ids[1] = liaison_test_add_deputy (fixture->store, "李秀英", LIAISON_DEPUTY_LEVEL_CITY);
}

/* A headquarters replica with no server, as `liaison demo --hq` makes it. */
static void
fixture_set_up_hq_demo (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = liaison_test_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-lists-XXXXXX");
  path = g_build_filename (fixture->dir, "hq.db", NULL);
  demo = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIAISON_BIN"), "demo", "--hq",
                                      "--database", path, "--receptions", "120", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (demo, NULL, &error));
  g_assert_no_error (error);
  fixture->store = liaison_test_open_store (path);
  g_assert_cmpint (liaison_store_get_sync_role (fixture->store), ==, LIAISON_SYNC_ROLE_HQ);
  g_assert_false (liaison_store_is_enrolled (fixture->store));
}

static void
fixture_tear_down (Fixture *fixture)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

static gint64
add_reception (Fixture    *fixture,
               const char *received_at,
               const char *category_code,
               const char *visitor_name,
               const char *summary)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GError) error = NULL;

  reception->received_at = g_strdup (received_at);
  reception->station_id = station->meta.id;
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->store, category_code);
  g_assert_cmpint (reception->category_id, >, 0);
  reception->summary = g_strdup (summary);
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor (visitor_name, "13812345678", "东山社区"));
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

static gint64
add_suggestion (Fixture    *fixture,
                const char *title)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;

  suggestion->station_id = station->meta.id;
  suggestion->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup_printf ("%s，请尽快处理。", title);
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  return suggestion->meta.id;
}

static LiaisonWindow *
open_window (LiaisonStore *store)
{
  LiaisonWindow *window = liaison_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 740);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  return window;
}

static void
show_view (LiaisonWindow *window,
           const char    *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack")),
                                         name);
}

/* The count label of @page comes to say @text, on screen. */
static void
assert_count (GtkWidget  *page,
              const char *text)
{
  liaison_test_assert_label (page, "count_label", text);
}

static void
search_for (GtkWidget  *page,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "search_entry")), text);
}

typedef struct {
  GListModel *model;
  guint       n_items;
} ModelWait;

static gboolean
model_has_n_items (gpointer data)
{
  ModelWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

/* Labels styled "sync-state" that a user can see, with text, under @root. */
static guint
count_sync_tags (GtkWidget *root)
{
  return liaison_test_count_shown_labels (root, "sync-state");
}

static gboolean
has_sync_tags (gpointer data)
{
  return count_sync_tags (GTK_WIDGET (data)) > 0;
}

static gboolean
has_no_sync_tags (gpointer data)
{
  return count_sync_tags (GTK_WIDGET (data)) == 0;
}

/* (a) Every list says how many rows it holds, and the count follows the
 * search and the filters as they change. */
static void
run_counts (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *receptions;
  GtkWidget *suggestions;
  GtkWidget *deputies;
  g_autoptr(GPtrArray) categories = NULL;
  guint education = 0;

  fixture_set_up (&fixture);
  add_reception (&fixture, "2024-03-05 09:30", "urban_construction", "张三", "小区门口的路灯坏了三个月。");
  add_reception (&fixture, "2024-04-01 10:00", "urban_construction", "李四", "路灯不亮，晚上出行不安全。");
  add_reception (&fixture, "2024-05-21 10:00", "education", "王五", "学校门口交通拥堵。");
  add_suggestion (&fixture, "修复小区路灯");
  add_suggestion (&fixture, "疏导学校门口交通");

  window = open_window (fixture.store);
  receptions = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  assert_count (receptions, "3 receptions");

  /* A search narrows the count; clearing it brings the whole list back. */
  search_for (receptions, "路灯");
  assert_count (receptions, "2 receptions");
  search_for (receptions, "菜市场");
  assert_count (receptions, "0 receptions");
  search_for (receptions, "");
  assert_count (receptions, "3 receptions");

  /* So does a filter, in the singular. */
  categories = liaison_store_list_categories (fixture.store, NULL);
  for (guint i = 0; i < categories->len; i++)
    if (g_strcmp0 (((LiaisonCategory *) g_ptr_array_index (categories, i))->code, "education") == 0)
      education = i + 1;  /* after "Any category" */
  g_assert_cmpuint (education, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (liaison_test_get_by_id (receptions, "category_dropdown")), education);
  assert_count (receptions, "1 reception");

  /* A reception saved meanwhile counts at once. */
  add_reception (&fixture, "2024-06-01 08:00", "education", "赵六", "校车接送时间不合理。");
  assert_count (receptions, "2 receptions");

  show_view (window, "suggestions");
  suggestions = liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page");
  assert_count (suggestions, "2 suggestions");
  search_for (suggestions, "路灯");
  assert_count (suggestions, "1 suggestion");

  show_view (window, "deputies");
  deputies = liaison_test_get_by_id (GTK_WIDGET (window), "deputies_page");
  assert_count (deputies, "2 deputies");
  search_for (deputies, "王建国");
  assert_count (deputies, "1 deputy");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* A headquarters desk's: with each reception's station. */
static const char * const table_titles[] = {
  "Date", "Station", "Visitors", "Phone", "Community", "Deputies Present", "Category", "Summary", "Sync",
};

typedef struct {
  LiaisonReceptionDetail *detail;
  gint64                  id;
} DetailWait;

static gboolean
detail_shows (gpointer data)
{
  DetailWait *wait = data;

  return liaison_reception_detail_get_reception_id (wait->detail) == wait->id;
}

static gint64
reception_id_at (GListModel *model,
                 guint       position)
{
  g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return liaison_reception_item_get_id (item);
}

/* (b) The table: seven columns over the same paged list as the cards; a
 * row opens its reception; the choice outlives the window. */
static void
run_table_view (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *view = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *table_button;
  GtkColumnView *column_view;
  GListModel *columns;
  GListModel *rows;
  DetailWait wait;
  ModelWait count;

  fixture_set_up (&fixture);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *at = g_strdup_printf ("2024-03-%02u 09:30", i + 1);
      g_autofree char *summary = g_strdup_printf ("第 %u 位群众反映小区路灯不亮。", i + 1);

      add_reception (&fixture, at, "urban_construction", "张三", summary);
    }
  /* A desk that syncs, so that every column is there. */
  liaison_test_enroll_as_hq (fixture.store);

  window = open_window (fixture.store);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (liaison_test_get_by_id (page, "view_stack"))), ==, "cards");
  table_button = liaison_test_get_by_id (page, "table_button");
  g_assert_true (gtk_widget_get_mapped (table_button));
  gtk_widget_activate (table_button);

  column_view = GTK_COLUMN_VIEW (liaison_test_get_by_id (page, "column_view"));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, column_view));
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (page, "list_view")));
  columns = gtk_column_view_get_columns (column_view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (table_titles));
  for (guint i = 0; i < G_N_ELEMENTS (table_titles); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, table_titles[i]);
      g_assert_true (gtk_column_view_column_get_visible (column));
    }
  rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  count = (ModelWait) { rows, 12 };
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));
  assert_count (page, "12 receptions");

  /* Activating a row opens its reception, as a card does. */
  wait = (DetailWait) { LIAISON_RECEPTION_DETAIL (liaison_test_get_by_id (page, "detail")), reception_id_at (rows, 3) };
  g_signal_emit_by_name (column_view, "activate", 3);
  g_assert_true (liaison_test_wait_until (detail_shows, &wait));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (rows), 3));
  /* So does selecting one. */
  wait.id = reception_id_at (rows, 7);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 7, TRUE);
  g_assert_true (liaison_test_wait_until (detail_shows, &wait));

  /* The table follows the search, count and all. */
  search_for (page, "第 1");
  count = (ModelWait) { G_LIST_MODEL (gtk_column_view_get_model (column_view)), 4 };  /* 1, 10, 11, 12 */
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));
  assert_count (page, "4 receptions");
  search_for (page, "");

  view = g_settings_get_string (settings, "receptions-view");
  g_assert_cmpstr (view, ==, "table");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next window opens on the table. */
  window = open_window (fixture.store);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (liaison_test_get_by_id (page, "table_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (liaison_test_get_by_id (page, "cards_button"))));
  column_view = GTK_COLUMN_VIEW (liaison_test_get_by_id (page, "column_view"));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, column_view));

  /* And back to the cards, remembered too. */
  gtk_widget_activate (liaison_test_get_by_id (page, "cards_button"));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (page, "list_view")));
  g_clear_pointer (&view, g_free);
  view = g_settings_get_string (settings, "receptions-view");
  g_assert_cmpstr (view, ==, "cards");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* The position of the station called @name in the dropdown, or 0. */
static guint
dropdown_position (GtkDropDown *dropdown,
                   const char  *name)
{
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 1; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  return 0;
}

/* (c) At headquarters the receptions can be narrowed to one station, and
 * the choice is remembered like the other filters. */
static void
run_station_filter (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) stations = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *count_text = NULL;
  const LiaisonStation *busiest = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkDropDown *dropdown;
  GListModel *rows;
  guint position;
  gint64 total;
  gint64 n;
  ModelWait count;

  fixture_set_up_hq_demo (&fixture);
  total = liaison_test_query_int (fixture.store, "SELECT count(*) FROM receptions WHERE deleted = 0");
  n = liaison_test_query_int (fixture.store,
                              "SELECT count(*) FROM receptions WHERE deleted = 0 GROUP BY station_id"
                              " ORDER BY count(*) DESC, station_id LIMIT 1");
  g_assert_cmpint (n, <, total);
  stations = liaison_store_list_stations (fixture.store, NULL);
  for (guint i = 0; i < stations->len && busiest == NULL; i++)
    {
      const LiaisonStation *station = g_ptr_array_index (stations, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM receptions WHERE deleted = 0 AND station_id = %"
                                              G_GINT64_FORMAT, station->meta.id);

      if (liaison_test_query_int (fixture.store, sql) == n)
        busiest = station;
    }
  g_assert_nonnull (busiest);

  window = open_window (fixture.store);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (liaison_test_get_by_id (page, "list_view"))));
  count = (ModelWait) { rows, total };
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));

  gtk_widget_activate (liaison_test_get_by_id (page, "filter_button"));
  dropdown = GTK_DROP_DOWN (liaison_test_get_by_id (page, "station_dropdown"));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dropdown));
  position = dropdown_position (dropdown, busiest->name);
  g_assert_cmpuint (position, >, 0);
  gtk_drop_down_set_selected (dropdown, position);

  count = (ModelWait) { rows, n };
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (rows, i);

      g_assert_cmpint (liaison_reception_item_get_reception (item)->station_id, ==, busiest->meta.id);
    }
  count_text = g_strdup_printf (n == 1 ? "%" G_GINT64_FORMAT " reception" : "%" G_GINT64_FORMAT " receptions", n);
  assert_count (page, count_text);
  saved = g_settings_get_string (settings, "filter-station");
  g_assert_cmpstr (saved, ==, busiest->meta.uuid);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next window opens on that station. */
  window = open_window (fixture.store);
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (liaison_test_get_by_id (page, "station_dropdown"))),
                    ==, position);
  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (liaison_test_get_by_id (page, "list_view"))));
  count = (ModelWait) { rows, n };
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));
  assert_count (page, count_text);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* The lead unit of @suggestion_id's current referral, read from its raw
 * moves: the last refer move's unit. */
static char *
last_lead_unit (LiaisonStore *store,
                gint64        suggestion_id)
{
  g_autoptr(GPtrArray) events = liaison_store_list_suggestion_events (store, suggestion_id, NULL);
  g_autoptr(GPtrArray) units = liaison_store_list_units (store, NULL);
  const char *uuid = NULL;

  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (events, i);

      if (event->move == LIAISON_LOOP_MOVE_REFER)
        uuid = event->lead_unit_uuid;
    }
  g_assert_nonnull (uuid);
  for (guint i = 0; i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      if (g_strcmp0 (unit->meta.uuid, uuid) == 0)
        return g_strdup (unit->name);
    }
  g_error ("No unit %s", uuid);
}

static gboolean
has_rows (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (data)) != NULL;
}

/* (d) Headquarters' overdue list names the unit that is late. */
static void
run_overdue_lead_unit (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *list;
  guint n_rows = 0;

  fixture_set_up_hq_demo (&fixture);
  g_assert_cmpuint (liaison_store_count_loop (fixture.store, LIAISON_LOOP_LIST_OVERDUE, 0, NULL, NULL), >, 0);

  window = open_window (fixture.store);
  show_view (window, "follow-up");
  list = liaison_test_get_by_id (GTK_WIDGET (window), "overdue_list");
  g_assert_true (liaison_test_wait_until (has_rows, list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GVariant *target;
      g_autofree char *unit = NULL;
      g_autofree char *expected = NULL;
      const char *subtitle;

      if (!ADW_IS_ACTION_ROW (row))
        continue;  /* "Show all" */
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
      unit = last_lead_unit (fixture.store, g_variant_get_int64 (target));
      expected = g_strdup_printf ("Lead unit: %s", unit);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      if (strstr (subtitle, expected) == NULL)
        g_error ("The overdue row “%s” does not say “%s”: %s",
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected, subtitle);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (e) A station with no server tags none of its rows "not synced"; the
 * header says once that it does not sync. Once it is enrolled, the rows
 * say where each record stands again. */
static void
run_unenrolled_says_once (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  LiaisonSyncStatus *status;
  GtkWidget *receptions;
  GtkWidget *suggestions;
  GtkWidget *button;
  ModelWait count;

  fixture_set_up (&fixture);
  for (guint i = 0; i < 5; i++)
    add_reception (&fixture, "2024-03-05 09:30", "urban_construction", "张三", "小区门口的路灯坏了三个月。");
  add_suggestion (&fixture, "修复小区路灯");

  window = open_window (fixture.store);
  receptions = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  count = (ModelWait) { G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (liaison_test_get_by_id (receptions, "list_view")))), 5 };
  g_assert_true (liaison_test_wait_until (model_has_n_items, &count));
  liaison_test_spin (100);
  g_assert_cmpuint (count_sync_tags (liaison_test_get_by_id (receptions, "list_view")), ==, 0);

  status = LIAISON_SYNC_STATUS (liaison_test_get_by_id (GTK_WIDGET (window), "sync_status"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (liaison_sync_status_get_text (status), ==, "Not connected · not syncing");
  /* Beside it, the way to connect. */
  button = liaison_test_get_by_id (GTK_WIDGET (status), "sync_button");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.enroll");

  show_view (window, "suggestions");
  suggestions = liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (suggestions, "list_view")));
  liaison_test_spin (100);
  g_assert_cmpuint (count_sync_tags (liaison_test_get_by_id (suggestions, "list_view")), ==, 0);

  /* Enrolled (as headquarters, with a server), the rows say it again. */
  liaison_test_enroll_as_hq (fixture.store);
  g_assert_true (liaison_test_wait_until (has_sync_tags, liaison_test_get_by_id (suggestions, "list_view")));
  show_view (window, "receptions");
  g_assert_true (liaison_test_wait_until (has_sync_tags, liaison_test_get_by_id (receptions, "list_view")));
  g_assert_cmpstr (liaison_sync_status_get_text (status), !=, "Not connected · not syncing");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);

  /* Headquarters' demo desk has no server either: no tags, and the header
   * says it does not sync, without sending anyone to headquarters. */
  fixture_set_up_hq_demo (&fixture);
  window = open_window (fixture.store);
  receptions = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  g_assert_true (liaison_test_wait_until (has_no_sync_tags, liaison_test_get_by_id (receptions, "list_view")));
  liaison_test_spin (100);
  g_assert_cmpuint (count_sync_tags (liaison_test_get_by_id (receptions, "list_view")), ==, 0);
  status = LIAISON_SYNC_STATUS (liaison_test_get_by_id (GTK_WIDGET (window), "sync_status"));
  g_assert_cmpstr (liaison_sync_status_get_text (status), ==, "Not syncing");
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (GTK_WIDGET (status), "sync_button")));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

static gboolean
timeline_has_two (gpointer data)
{
  return liaison_timeline_get_n_events (LIAISON_TIMELINE (data)) == 2;
}

/* (f) A headquarters desk has nowhere to connect to, and calls its own
 * moves not yet synced, not "not sent to headquarters". */
static void
run_hq_desk (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonSyncEngine) engine = NULL;
  g_autoptr(LiaisonLoopEvent) supervise = NULL;
  g_autofree char *text = NULL;
  LiaisonWindow *window;
  GtkWidget *detail;
  LiaisonTimeline *timeline;
  gint64 suggestion_id;

  /* A station may connect. */
  fixture_set_up (&fixture);
  suggestion_id = add_suggestion (&fixture, "修复小区路灯");
  engine = liaison_sync_engine_new (fixture.store);
  window = open_window (fixture.store);
  liaison_window_set_sync_engine (window, engine);
  g_assert_true (liaison_test_action_enabled (GTK_WIDGET (window), "win.enroll"));

  /* Enrolled as headquarters, it may not. */
  liaison_test_enroll_as_hq (fixture.store);
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window (fixture.store);
  liaison_window_set_sync_engine (window, engine);
  g_assert_false (liaison_test_action_enabled (GTK_WIDGET (window), "win.enroll"));

  /* A move made here waits for the server, not for headquarters. */
  supervise = liaison_test_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, "代表工委张敏", NULL);
  supervise->key_supervision = TRUE;
  supervise->note = g_strdup ("请按期答复");
  liaison_test_record_event (fixture.store, suggestion_id, supervise);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x", suggestion_id));
  detail = liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page"), "detail");
  timeline = LIAISON_TIMELINE (liaison_test_get_by_id (detail, "timeline"));
  g_assert_true (liaison_test_wait_until (timeline_has_two, timeline));
  text = liaison_test_text_under (GTK_WIDGET (liaison_timeline_get_row (timeline, 1)));
  g_assert_nonnull (strstr (text, "Not synced yet"));
  g_assert_null (strstr (text, "Not sent to headquarters yet"));

  liaison_window_set_sync_engine (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  return liaison_test_count_widgets (root, liaison_test_is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
says_one_suggestion (gpointer data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (data)), "1 suggestion") == 0;
}

/* (g) What the start does not show holds no widgets (docs/benchmarks.md,
 * "The app's start"): the pages not opened have their lists but no rows,
 * the deputies' drop-down no rows until dropped, a date field no calendar
 * until opened; each has them once shown. */
static void
run_rows_when_shown (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *receptions;
  GtkWidget *suggestions;
  GtkWidget *deputies;
  GtkWidget *dropdown;
  GtkWidget *dropdown_list;
  LiaisonDateButton *date_button;
  GtkWidget *list;

  fixture_set_up (&fixture);
  add_reception (&fixture, "2024-03-05 09:30", "urban_construction", "张三", "小区门口的路灯坏了三个月。");
  add_suggestion (&fixture, "修复小区路灯");
  window = open_window (fixture.store);
  receptions = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  suggestions = liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page");
  deputies = liaison_test_get_by_id (GTK_WIDGET (window), "deputies_page");
  assert_count (receptions, "1 reception");
  /* The other pages are read after the first frame: counted, no rows. */
  g_assert_true (liaison_test_wait_until (says_one_suggestion, liaison_test_get_by_id (suggestions, "count_label")));
  liaison_test_spin (200);
  g_assert_null (gtk_list_view_get_model (GTK_LIST_VIEW (liaison_test_get_by_id (suggestions, "list_view"))));
  g_assert_cmpuint (count_of_type (liaison_test_get_by_id (suggestions, "list_view"), GTK_TYPE_LABEL), ==, 0);
  g_assert_cmpuint (count_of_type (liaison_test_get_by_id (deputies, "list_view"), GTK_TYPE_LABEL), ==, 0);
  dropdown = liaison_test_get_by_id (receptions, "deputy_dropdown");
  dropdown_list = liaison_test_find_widget (dropdown, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (count_of_type (dropdown_list, GTK_TYPE_LABEL), ==, 0);
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), GTK_TYPE_CALENDAR), ==, 0);

  /* Shown, each has them. */
  show_view (window, "suggestions");
  list = liaison_test_get_by_id (suggestions, "list_view");
  liaison_test_wait_label (list, "修复小区路灯");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 1);
  show_view (window, "deputies");
  liaison_test_wait_label (liaison_test_get_by_id (deputies, "list_view"), "李秀英");

  show_view (window, "receptions");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (liaison_test_get_by_id (receptions, "filter_button")), TRUE);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dropdown));
  g_signal_emit_by_name (dropdown, "activate");
  liaison_test_wait_label (dropdown_list, "王建国");

  date_button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (receptions, "from_date_button"));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (receptions, "from_entry")), "2024-02-11");
  liaison_date_button_popup (date_button);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_date_button_get_calendar (date_button)));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (liaison_date_button_get_calendar (date_button));

    /* Made on opening, on the field's date. */
    g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 11);
  }
  g_assert_cmpuint (count_of_type (GTK_WIDGET (window), GTK_TYPE_CALENDAR), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/lists/counts", run_counts);
  liaison_test_add_ui_case ("/ui/lists/table-view", run_table_view);
  liaison_test_add_ui_case ("/ui/lists/station-filter", run_station_filter);
  liaison_test_add_ui_case ("/ui/lists/overdue-lead-unit", run_overdue_lead_unit);
  liaison_test_add_ui_case ("/ui/lists/unenrolled-says-once", run_unenrolled_says_once);
  liaison_test_add_ui_case ("/ui/lists/hq-desk", run_hq_desk);
  liaison_test_add_ui_case ("/ui/lists/rows-when-shown", run_rows_when_shown);

  return g_test_run ();
}
