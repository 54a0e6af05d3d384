/* test-ui-import.c: a bad ledger imported through the window, under Xvfb.
 *
 * The real window over a real station database takes the file the file
 * chooser would give it, and shows the import's problems in their own
 * dialog: one row a problem, each read by a screen reader as one
 * sentence, and Copy and Save As… that give the same rows.
 */
#define G_LOG_DOMAIN "test-ui-import"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-import-report.h"
#include "liaison-ledger.h"
#include "liaison-store.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-window.h"

/* What ledger-bad.csv's five bad rows say, in order (line 5's reason lists
 * the categories; only its start is checked). */
static const struct {
  const char *line;
  const char *column;
  const char *reason_start;
} expected_rows[] = {
  { "3", "接待日期", "“2024-02-30” is not a date; write it as 2024-03-05 09:30." },
  { "4", "接待代表", "unknown deputy “王五” (add them to the roster first)" },
  { "5", "类别",     "unknown category “水电” (use one of " },
  { "7", "联系电话", "“12345” is not a phone number" },
  { "9", "接待日期", "The date of the visit cannot be in the future." },
};

typedef struct {
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = NULL;
  g_autofree char *roster_path = liaison_test_data_path ("roster.csv");
  g_autoptr(GFile) roster = g_file_new_for_path (roster_path);
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-import-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, "相山区东山街道人大代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  g_assert_true (liaison_ledger_import_deputies (fixture->store, roster, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* The texts of the labels in @row, in order. */
static GPtrArray *
row_texts (GtkWidget *row)
{
  GPtrArray *texts = g_ptr_array_new ();
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (child)));
  return texts;
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (wrong != NULL)
    g_error ("accessible label: expected “%s”, found “%s”", expected, wrong);
}

/* What the window put on the clipboard, read back in this process. */
static char *
clipboard_text (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

static GtkWidget *
button (GtkWidget  *report,
        const char *id,
        const char *label,
        const char *accessible)
{
  GtkWidget *widget = liaison_test_get_by_id (report, id);

  g_assert_true (GTK_IS_BUTTON (widget));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (widget)), ==, label);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  assert_accessible_label (widget, accessible);
  return widget;
}

static void
run_ledger_problems (void)
{
  Fixture fixture = { NULL };
  g_autofree char *bad_path = liaison_test_data_path ("ledger-bad.csv");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *saved_path = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *saved_text = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonWindow *window;
  GtkWidget *report;
  GtkWidget *list;
  GtkWidget *copy;
  g_autofree char *copied = NULL;
  guint n_rows = 0;

  fixture_set_up (&fixture);
  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  /* What the file chooser's answer leads to. */
  liaison_window_import_ledger (window, bad);
  report = liaison_test_wait_for_toplevel (LIAISON_TYPE_IMPORT_REPORT);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (report)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (report)));
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, NULL), ==, 0);

  /* One row a problem: line, column, reason; and the sentence a screen
   * reader reads. */
  list = liaison_test_get_by_id (report, "list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) texts = NULL;
      g_autofree char *sentence = NULL;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      g_assert_cmpuint (n_rows, <, G_N_ELEMENTS (expected_rows));
      texts = row_texts (row);
      g_assert_cmpuint (texts->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, expected_rows[n_rows].line);
      g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, expected_rows[n_rows].column);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 2), expected_rows[n_rows].reason_start));
      sentence = g_strdup_printf ("Line %s, column %s: %s", expected_rows[n_rows].line,
                                  expected_rows[n_rows].column, (const char *) g_ptr_array_index (texts, 2));
      assert_accessible_label (row, sentence);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (expected_rows));
  assert_accessible_label (list, "Problems found in the file");

  /* It fits a 1366×768 screen. */
  g_assert_cmpint (gtk_widget_get_width (report), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (report), <=, 768 - 32);

  copy = button (report, "copy_button", "_Copy", "Copy");
  button (report, "save_button", "Save _As…", "Save As…");
  button (report, "close_button", "Close", "Close");

  /* Copy: tab-separated, a header and one line a problem. */
  g_signal_emit_by_name (copy, "clicked");
  copied = clipboard_text (report);
  g_assert_true (g_str_has_prefix (copied,
                                   "Line\tColumn\tProblem\n"
                                   "3\t接待日期\t“2024-02-30” is not a date; write it as 2024-03-05 09:30.\n"
                                   "4\t接待代表\tunknown deputy “王五” (add them to the roster first)\n"
                                   "5\t类别\tunknown category “水电”"));
  g_assert_nonnull (strstr (copied, "\n9\t接待日期\tThe date of the visit cannot be in the future.\n"));

  /* Save As…'s file: the same rows as CSV. */
  saved_path = g_build_filename (fixture.dir, "problems.csv", NULL);
  saved = g_file_new_for_path (saved_path);
  g_assert_true (liaison_import_report_save (LIAISON_IMPORT_REPORT (report), saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (saved_path, &saved_text, NULL, &error));
  g_assert_true (g_str_has_prefix (saved_text, "\xEF\xBB\xBFLine,Column,Problem\r\n"
                                               "3,接待日期,“2024-02-30” is not a date; write it as 2024-03-05 09:30.\r\n"));

  /* Closing it leaves the window as it was. */
  gtk_window_close (GTK_WINDOW (report));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_IMPORT_REPORT));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* A ledger whose 600 rows all name a deputy not on the roster: the dialog
 * lists the first 500 and says so; Copy gives all 600. */
static void
run_many_problems (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GString) contents = g_string_new ("接待日期,接待代表,来访人,联系电话,人数,所在社区,类别,反映内容\r\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  g_auto(GStrv) lines = NULL;
  LiaisonWindow *window;
  GtkWidget *report;
  GtkWidget *list;
  GtkWidget *more;
  guint n_rows = 0;

  fixture_set_up (&fixture);
  for (guint i = 0; i < 600; i++)
    g_string_append (contents, "2024-03-06,王五,李四,,1,东山社区,城乡建设,内容。\r\n");
  path = g_build_filename (fixture.dir, "many.csv", NULL);
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  liaison_window_import_ledger (window, file);
  report = liaison_test_wait_for_toplevel (LIAISON_TYPE_IMPORT_REPORT);

  list = liaison_test_get_by_id (report, "list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_rows += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpuint (n_rows, ==, 500);
  more = liaison_test_get_by_id (report, "more_label");
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (more)), ==,
                   "The list shows the first 500 of 600 problems; Copy and Save As… give every one.");
  g_assert_cmpint (gtk_widget_get_height (report), <=, 768 - 32);

  g_signal_emit_by_name (liaison_test_get_by_id (report, "copy_button"), "clicked");
  copied = clipboard_text (report);
  lines = g_strsplit (copied, "\n", -1);
  /* The header, 600 problems, and the empty string after the last LF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 602);
  g_assert_cmpstr (lines[600], ==, "601\t接待代表\tunknown deputy “王五” (add them to the roster first)");

  gtk_window_destroy (GTK_WINDOW (report));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A ledger already imported, imported again through the window: nothing
 * written, no report, and the toast says how many rows were already there. */
static void
run_ledger_again (void)
{
  Fixture fixture = { NULL };
  g_autofree char *good_path = liaison_test_data_path ("ledger-good.csv");
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  LiaisonWindow *window;
  GtkWidget *toast_overlay;
  guint n = 0;

  fixture_set_up (&fixture);
  g_assert_true (liaison_ledger_import_receptions (fixture.store, good, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  liaison_window_import_ledger (window, good);
  liaison_test_spin (300);
  toast_overlay = liaison_test_get_by_id (GTK_WIDGET (window), "toast_overlay");
  g_assert_nonnull (liaison_test_find_widget (toast_overlay, is_label_saying,
                                              "Imported 0 receptions; already imported: 4 rows"));
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, NULL), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* An Excel 97-2003 workbook (.xls, made by LibreOffice) through the
 * window: the good one imported with a toast, the bad one's row 5 (as
 * the sheet numbers it) in the problems dialog and nothing written. */
static void
run_xls (void)
{
  Fixture fixture = { NULL };
  g_autofree char *good_path = liaison_test_data_path ("ledger-good.xls");
  g_autofree char *bad_path = liaison_test_data_path ("ledger-bad.xls");
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) texts = NULL;
  LiaisonWindow *window;
  GtkWidget *toast_overlay;
  GtkWidget *report;
  GtkWidget *row;

  fixture_set_up (&fixture);
  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  liaison_window_import_ledger (window, bad);
  report = liaison_test_wait_for_toplevel (LIAISON_TYPE_IMPORT_REPORT);
  row = gtk_widget_get_first_child (liaison_test_get_by_id (report, "list"));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  texts = row_texts (row);
  g_assert_cmpuint (texts->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "5");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "接待代表");
  g_assert_null (gtk_widget_get_next_sibling (row));
  gtk_window_destroy (GTK_WINDOW (report));
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, NULL), ==, 0);

  liaison_window_import_ledger (window, good);
  liaison_test_spin (300);
  toast_overlay = liaison_test_get_by_id (GTK_WIDGET (window), "toast_overlay");
  g_assert_nonnull (liaison_test_find_widget (toast_overlay, is_label_saying, "Imported 3 receptions"));
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, NULL), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/import/ledger-problems", run_ledger_problems);
  liaison_test_add_ui_case ("/ui/import/many-problems", run_many_problems);
  liaison_test_add_ui_case ("/ui/import/ledger-again", run_ledger_again);
  liaison_test_add_ui_case ("/ui/import/xls", run_xls);

  return g_test_run ();
}
