/* test-ui-chart.c: the dashboard's bar chart and its table view, under
 * Xvfb.
 *
 * The chart is drawn to pixels with the window's own renderer, in the
 * light style and forced dark: its text must be the style's (dark on
 * light, light on dark) and its bars the style's accent. The table view
 * is reached with its toggle and says the same numbers; a number opens
 * what it counts.
 */
#define G_LOG_DOMAIN "test-ui-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "liaison-bar-chart.h"
#include "liaison-chart-view.h"
#include "liaison-test-ui.h"

typedef struct {
  guint  n_text;       /* pixels that are not the bars' */
  double text_light;   /* their mean luminance */
  guint  n_bar;        /* pixels of the accent's colour */
} Pixels;

static double
luminance (double r,
           double g,
           double b)
{
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/* Draws @widget with its window's renderer and sorts its opaque pixels
 * into the bars' (within a few steps of @accent) and the rest (text). */
static void
read_pixels (GtkWidget     *widget,
             const GdkRGBA *accent,
             Pixels        *pixels)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  double light = 0.0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);

  memset (pixels, 0, sizeof *pixels);
  for (int i = 0; i < width * height; i++)
    {
      /* Cairo's ARGB32: B, G, R, A in memory, premultiplied. */
      double a = data[i * 4 + 3] / 255.0;
      double r;
      double g;
      double b;

      if (a < 0.5)
        continue;
      r = data[i * 4 + 2] / 255.0 / a;
      g = data[i * 4 + 1] / 255.0 / a;
      b = data[i * 4 + 0] / 255.0 / a;
      if (fabs (r - accent->red) < 0.02 && fabs (g - accent->green) < 0.02 && fabs (b - accent->blue) < 0.02)
        pixels->n_bar++;
      else
        {
          pixels->n_text++;
          light += luminance (r, g, b);
        }
    }
  pixels->text_light = pixels->n_text > 0 ? light / pixels->n_text : 0.0;
}

static GtkWidget *
show_chart (GtkWidget **window_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = liaison_bar_chart_new ();
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_chart_bar_free);

  g_ptr_array_add (bars, liaison_chart_bar_new ("教育医疗", 12, "12"));
  g_ptr_array_add (bars, liaison_chart_bar_new ("交通出行", 6, "6"));
  g_ptr_array_add (bars, liaison_chart_bar_new ("生态环境", 0, "0"));
  liaison_bar_chart_set_title (LIAISON_BAR_CHART (chart), "按类别");
  liaison_bar_chart_set_bars (LIAISON_BAR_CHART (chart), bars);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, chart));
  liaison_test_spin (100);
  *window_out = window;
  return chart;
}

static void
check_scheme (AdwColorScheme scheme,
              gboolean       dark)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window;
  GtkWidget *chart;
  GdkRGBA accent;
  Pixels pixels;

  adw_style_manager_set_color_scheme (manager, scheme);
  chart = show_chart (&window);
  g_assert_cmpint (adw_style_manager_get_dark (manager), ==, dark);

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "accent_bg_color", &accent));
  read_pixels (chart, &accent, &pixels);
  g_test_message ("%s: %u text pixels of mean luminance %.2f, %u bar pixels",
                  dark ? "dark" : "light", pixels.n_text, pixels.text_light, pixels.n_bar);

  /* The bars are drawn, in the accent... */
  g_assert_cmpuint (pixels.n_bar, >, 500);
  /* ...and the labels and values are the style's text: light on a dark
   * window, dark on a light one. */
  g_assert_cmpuint (pixels.n_text, >, 50);
  if (dark)
    g_assert_cmpfloat (pixels.text_light, >, 0.6);
  else
    g_assert_cmpfloat (pixels.text_light, <, 0.4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_dark (void)
{
  check_scheme (ADW_COLOR_SCHEME_FORCE_DARK, TRUE);
}

static void
run_light (void)
{
  check_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE);
}

/* An image for assistive technologies, described by its numbers. */
static void
run_accessible (void)
{
  GtkWidget *window;
  GtkWidget *chart = show_chart (&window);
  g_autofree char *description = liaison_bar_chart_describe (LIAISON_BAR_CHART (chart));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpstr (description, ==, "教育医疗 12; 交通出行 6; 生态环境 0");
  g_assert_cmpuint (liaison_bar_chart_get_n_bars (LIAISON_BAR_CHART (chart)), ==, 3);
  /* The second bar is under the first. */
  g_assert_cmpint (liaison_bar_chart_bar_at (LIAISON_BAR_CHART (chart), 8), ==, 0);
  g_assert_cmpint (liaison_bar_chart_bar_at (LIAISON_BAR_CHART (chart), gtk_widget_get_height (chart) - 8), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The table view */

static gboolean
is_toggle_named (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

static gboolean
is_cell_of_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget) &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "row")) == GPOINTER_TO_UINT (data) &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column")) == 1;
}

static void
activated_cb (LiaisonChartView *view,
              const char       *key,
              int               id,
              char            **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s/%d", key, id);
}

static void
run_table (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = liaison_chart_view_new ("按类别");
  LiaisonChartTable *table = liaison_chart_table_new ("类别", 0);
  g_autofree char *activated = NULL;
  GtkWidget *toggle;
  GtkWidget *list;
  GtkWidget *cell;
  GtkWidget *stack;
  g_autofree char *text = NULL;

  liaison_chart_table_add_column (table, "收集", 10);
  liaison_chart_table_add_column (table, "办结", 11);
  liaison_chart_table_add_column (table, "办结率", -1);
  liaison_chart_table_add_row (table, "education", "教育医疗");
  liaison_chart_table_set_cell (table, 0, 12, "12");
  liaison_chart_table_set_cell (table, 1, 9, "9");
  liaison_chart_table_set_cell (table, 2, 0.75, "75.0%");
  liaison_chart_table_add_row (table, "traffic", "交通出行");
  liaison_chart_table_set_cell (table, 0, 6, "6");
  liaison_chart_table_set_cell (table, 1, 3, "3");
  liaison_chart_table_set_cell (table, 2, 0.5, "50.0%");
  liaison_chart_view_set_table (LIAISON_CHART_VIEW (view), table);
  g_signal_connect (view, "activated", G_CALLBACK (activated_cb), &activated);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, view));

  /* The chart first; the table a toggle away, which the keyboard reaches. */
  stack = gtk_widget_get_parent (liaison_chart_view_get_chart (LIAISON_CHART_VIEW (view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  toggle = liaison_test_find_widget (view, is_toggle_named, "Table");
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_focusable (toggle));
  /* A button's activation (Enter, Space) clicks it after its animation. */
  g_assert_true (gtk_widget_activate (toggle));
  liaison_test_spin (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");

  /* A header and a row a key, with the same numbers. */
  list = liaison_test_find_widget (view, is_list_box, NULL);
  g_assert_true (liaison_test_is_mapped (list));
  text = liaison_test_text_under (list);
  g_assert_nonnull (strstr (text, "教育医疗"));
  g_assert_nonnull (strstr (text, "75.0%"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));

  /* A number opens its column's items of its row; a row its chart's. */
  cell = liaison_test_find_widget (list, is_cell_of_row, GUINT_TO_POINTER (1));
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_activate (cell));
  liaison_test_spin (400);
  g_assert_cmpstr (activated, ==, "traffic/11");
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (activated, ==, "education/10");
  /* The header opens nothing. */
  g_clear_pointer (&activated, g_free);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (activated);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/chart/light", run_light);
  liaison_test_add_ui_case ("/ui/chart/dark", run_dark);
  liaison_test_add_ui_case ("/ui/chart/accessible", run_accessible);
  liaison_test_add_ui_case ("/ui/chart/table", run_table);

  return g_test_run ();
}
