/* test-ui-search.c: typing into the search entries of the real window,
 * under Xvfb, and reading what the rows show: every match marked, and a
 * line saying where a reception or a suggestion matched when its row does
 * not show that field, a phone still masked. */
#define G_LOG_DOMAIN "test-ui-search"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-store.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-window.h"

/* The mark liaison-search-highlight.c puts on a match. */
#define MARK "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"45%\">"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        deputy;
} Fixture;

static void
add_reception (Fixture        *fixture,
               const char     *received_at,
               const char     *summary,
               const char     *handling,
               gint64          deputy_id,
               LiaisonVisitor *first,
               LiaisonVisitor *second)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  reception->summary = g_strdup (summary);
  reception->handling = g_strdup (handling);
  g_array_append_val (reception->deputy_ids, deputy_id);
  g_ptr_array_add (reception->visitors, first);
  if (second != NULL)
    g_ptr_array_add (reception->visitors, second);
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
}

/* A suggestion that 王建国 filed: its row does not show who filed it. */
static void
add_filed_suggestion (Fixture *fixture)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;

  suggestion->station_id = station->meta.id;
  suggestion->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  suggestion->title = g_strdup ("老旧小区加装电梯");
  suggestion->content = g_strdup ("建议财政补贴老旧小区加装电梯。");
  suggestion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  suggestion->deputy_id = fixture->deputy;
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = NULL;
  gint64 deputy;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-search-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, "相山区东山代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  deputy = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->deputy = deputy;

  /* A name with markup's own characters: shown as typed, never parsed. */
  add_reception (fixture, "2024-07-01 09:00", "幸福里小区道路积水严重", "",
                 deputy, liaison_test_make_visitor ("赵<b>&敏", "13800005678", "翠竹园社区"), NULL);
  add_reception (fixture, "2024-07-02 09:00", "学校门口接送车辆拥堵", "已转物业和供水公司核实",
                 deputy, liaison_test_make_visitor ("孙丽", "", "东山社区"),
                 liaison_test_make_visitor ("钱多多", "13900005678", "凤凰山村"));
  add_filed_suggestion (fixture);
}

static void
fixture_tear_down (Fixture *fixture)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

typedef struct {
  GtkWidget  *root;
  const char *row_class;  /* "reception-row", "suggestion-row" */
  const char *key;     /* the row label: "visitor", "elsewhere" */
  const char *needle;  /* what its markup must contain */
  GtkWidget  *found;
} RowLabel;

static gboolean
is_row_label (GtkWidget     *widget,
              gconstpointer  data)
{
  const RowLabel *sought = data;
  GtkWidget *label;

  if (!gtk_widget_has_css_class (widget, sought->row_class))
    return FALSE;
  label = g_object_get_data (G_OBJECT (widget), sought->key);
  return label != NULL && gtk_widget_get_visible (label) &&
         strstr (gtk_label_get_label (GTK_LABEL (label)), sought->needle) != NULL;
}

static gboolean
row_label_shows (gpointer data)
{
  RowLabel *sought = data;
  GtkWidget *row = liaison_test_find_widget (sought->root, is_row_label, sought);

  sought->found = row != NULL ? g_object_get_data (G_OBJECT (row), sought->key) : NULL;
  return sought->found != NULL;
}

static const char *
wait_for_label (GtkWidget  *list_view,
                const char *row_class,
                const char *key,
                const char *needle)
{
  RowLabel sought = { list_view, row_class, key, needle, NULL };

  if (!liaison_test_wait_until (row_label_shows, &sought))
    g_error ("No row's “%s” shows “%s”", key, needle);
  return gtk_label_get_label (GTK_LABEL (sought.found));
}

static const char *
wait_for_row_label (GtkWidget  *list_view,
                    const char *key,
                    const char *needle)
{
  return wait_for_label (list_view, "reception-row", key, needle);
}

static void
run_search_marks_rows (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *list_view;
  GtkWidget *search_entry;
  const char *markup;

  fixture_set_up (&fixture);
  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  page = liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page");
  list_view = liaison_test_get_by_id (page, "list_view");
  search_entry = liaison_test_get_by_id (page, "search_entry");

  /* The last four digits: the first visitor's masked phone is marked. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "5678");
  markup = wait_for_row_label (list_view, "visitor", "138****" MARK "5678</span>");
  g_test_message ("visitor: %s", markup);
  g_assert_nonnull (strstr (markup, "赵&lt;b&gt;&amp;敏"));
  /* The other reception found it on its second visitor, whom its row
   * does not show: a line says so, the number masked still. */
  markup = wait_for_row_label (list_view, "elsewhere", "139****" MARK "5678</span>");
  g_test_message ("elsewhere: %s", markup);
  g_assert_null (strstr (markup, "13900005678"));

  /* Two words, one of them short: the handling matched, and says so. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "供水公司　王");
  markup = wait_for_row_label (list_view, "elsewhere", MARK "供水公司</span>");
  g_test_message ("elsewhere: %s", markup);
  markup = wait_for_row_label (list_view, "summary", "学校门口");
  g_assert_null (strstr (markup, MARK));

  /* The full number marks the whole masked phone. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "138 0000 5678");
  wait_for_row_label (list_view, "visitor", MARK "138****5678</span>");

  /* A suggestion found by the deputy who filed it, whom its row does not
   * name, and by a word of its title. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack")),
                                         "suggestions");
  page = liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page");
  list_view = liaison_test_get_by_id (page, "list_view");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "search_entry")), "王建国 电梯");
  markup = wait_for_label (list_view, "suggestion-row", "elsewhere", MARK "王建国</span>");
  g_test_message ("elsewhere: %s", markup);
  wait_for_label (list_view, "suggestion-row", "title", "老旧小区加装" MARK "电梯</span>");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/search/marks-rows", run_search_marks_rows);

  return g_test_run ();
}
