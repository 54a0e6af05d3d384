/* test-ui-pickers.c: pickers and dates that fit long Chinese names, in
 * the real windows under Xvfb: the unit, station and deputy pickers
 * search by any part of a name and show it whole; co-units are ticked
 * in a list that searches too; every date field has a calendar that
 * stays in step with what is typed.
 *
 * Each case runs in its own subprocess over a temporary database
 * (liaison-test-desk.h).
 */
#define G_LOG_DOMAIN "test-ui-pickers"

#include "config.h"

#include <adwaita.h>

#include "liaison-date-button.h"
#include "liaison-deputy-editor.h"
#include "liaison-move-dialog.h"
#include "liaison-picker-row.h"
#include "liaison-reception-editor.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"

static guint
n_shown (gpointer row)
{
  return g_list_model_get_n_items (liaison_picker_row_get_shown (LIAISON_PICKER_ROW (row)));
}

typedef struct {
  GtkWidget *row;
  guint      n;
} ShownWait;

static gboolean
shown_is (gpointer data)
{
  ShownWait *wait = data;

  return n_shown (wait->row) == wait->n;
}

/* Types into the picker's search; the list follows when the entry says
 * the search changed, a moment after the last key. */
static void
search_picker (GtkWidget  *row,
               GtkWidget  *search,
               const char *text,
               guint       expected)
{
  ShownWait wait = { row, expected };

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  if (!liaison_test_wait_until (shown_is, &wait))
    g_error ("“%s” lists %u names, not %u", text, n_shown (row), expected);
}

/* A label shows all of its text: nothing cut off with "…", and its
 * lines fit in the width it was given. */
static void
assert_shown_whole (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  int width;

  g_assert_false (pango_layout_is_ellipsized (layout));
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
}

/* (a) The lead unit is found by any part of its name, and a long name
 * is shown whole, in the list and once chosen. */
static void
run_unit_picker (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *search;
  GtkWidget *popover;
  GtkLabel *label;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  liaison_test_desk_open_window (&fixture);
  dialog = liaison_test_desk_open_move (&fixture, LIAISON_LOOP_MOVE_REFER);

  row = liaison_test_get_by_id (dialog, "lead_unit_row");
  g_assert_true (LIAISON_IS_PICKER_ROW (row));
  g_assert_cmpuint (n_shown (row), ==, 3);
  g_assert_true (gtk_widget_activate (row));
  popover = liaison_test_find_widget (row, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  search = liaison_test_find_widget (popover, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (search)) || gtk_widget_has_focus (search) ||
                 gtk_widget_is_focus (gtk_root_get_focus (gtk_widget_get_root (search))));

  /* "交通" is in the middle of 市交通运输局: a search by the start of
   * names would miss it. */
  search_picker (row, search, "交通", 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "市交通运输局");

  /* The long name, in the list: on lines of its own, whole. */
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  g_assert_cmpuint (n_shown (row), ==, 3);
  search_picker (row, search, "执法", 1);
  label = liaison_test_wait_label (popover, LIAISON_TEST_LONG_UNIT_NAME);
  assert_shown_whole (label);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), >, 1);

  /* Chosen, it is the row's subtitle, whole too. */
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, LIAISON_TEST_LONG_UNIT_NAME);
  liaison_test_spin (100);
  assert_shown_whole (liaison_test_wait_label (row, LIAISON_TEST_LONG_UNIT_NAME));

  /* A search that finds nothing, then Escape: the choice stays. */
  g_assert_true (gtk_widget_activate (row));
  search_picker (row, search, "没有这个单位", 0);
  g_signal_emit_by_name (search, "activate");
  g_signal_emit_by_name (search, "stop-search");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, LIAISON_TEST_LONG_UNIT_NAME);

  gtk_window_destroy (GTK_WINDOW (dialog));
  liaison_test_desk_tear_down (&fixture);
}

/* (b) Co-units: the search narrows the rows but never hides a ticked
 * one, and the label names every ticked unit whole. The referral made
 * carries what was shown. */
static void
run_co_units (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopEvent *event;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *search;
  GtkLabel *chosen;
  GtkListBoxRow *housing = NULL;
  GtkListBoxRow *long_row = NULL;
  guint n_visible = 0;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  liaison_test_desk_open_window (&fixture);
  dialog = liaison_test_desk_open_move (&fixture, LIAISON_LOOP_MOVE_REFER);
  list = liaison_test_get_by_id (dialog, "co_units_list");
  search = liaison_test_get_by_id (dialog, "co_units_search");
  chosen = GTK_LABEL (liaison_test_get_by_id (dialog, "co_units_chosen_label"));
  g_assert_cmpstr (gtk_label_get_text (chosen), ==, "None chosen");

  for (int i = 0; i < 3; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (g_strcmp0 (title, "市住房和城乡建设局") == 0)
        housing = row;
      else if (g_strcmp0 (title, LIAISON_TEST_LONG_UNIT_NAME) == 0)
        long_row = row;
    }
  g_assert_nonnull (housing);
  g_assert_nonnull (long_row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (long_row)));

  gtk_editable_set_text (GTK_EDITABLE (search), "住房");
  /* The filter runs as the search says so, a moment after typing. */
  g_signal_emit_by_name (search, "search-changed");
  liaison_test_spin (50);
  for (int i = 0; i < 3; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i))))
      n_visible++;
  /* 市住房和城乡建设局, 淮北市相山区住房和…: both hold 住房; nothing else. */
  g_assert_cmpuint (n_visible, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "交通");
  g_signal_emit_by_name (search, "search-changed");
  liaison_test_spin (50);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (housing)));
  /* Ticked, so still in sight although 交通 is not in its name. */
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (long_row)));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  liaison_test_spin (50);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (housing)));
  {
    g_autofree char *expected = g_strdup_printf ("Chosen: 市住房和城乡建设局, %s", LIAISON_TEST_LONG_UNIT_NAME);
    g_autofree char *reversed = g_strdup_printf ("Chosen: %s, 市住房和城乡建设局", LIAISON_TEST_LONG_UNIT_NAME);
    const char *text = gtk_label_get_text (chosen);

    g_assert_true (g_strcmp0 (text, expected) == 0 || g_strcmp0 (text, reversed) == 0);
  }
  liaison_test_spin (100);
  assert_shown_whole (chosen);

  /* 市交通运输局 leads: the first unit listed unless chosen. */
  {
    LiaisonPickerRow *lead = LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row"));
    GListModel *names = liaison_picker_row_get_model (lead);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "市交通运输局") == 0)
        liaison_picker_row_set_selected (lead, i);
  }
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));
  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_REFER);
  g_assert_cmpstr (event->lead_unit_uuid, ==, LIAISON_TEST_UNIT_TRANSPORT);
  g_assert_cmpuint (g_strv_length (event->co_unit_uuids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) event->co_unit_uuids, LIAISON_TEST_UNIT_HOUSING));
  g_assert_true (g_strv_contains ((const char * const *) event->co_unit_uuids, LIAISON_TEST_UNIT_LONG));

  liaison_test_desk_tear_down (&fixture);
}

static gboolean
popover_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* (c) A date is picked from the calendar or typed; each follows the
 * other, and a bad typed date is still said in the dialog. */
static void
run_date_button (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopEvent *event;
  LiaisonDateButton *button;
  GtkCalendar *calendar;
  GtkWidget *popover;
  GtkWidget *dialog;
  GtkWidget *due_row;
  GtkWidget *menu_button;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  liaison_test_desk_open_window (&fixture);
  dialog = liaison_test_desk_open_move (&fixture, LIAISON_LOOP_MOVE_REFER);
  /* The officer names the lead unit: the dialog chooses none. */
  liaison_picker_row_set_selected (LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row")), 0);
  due_row = liaison_test_get_by_id (dialog, "due_row");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (dialog, "due_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (due_row));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  menu_button = liaison_test_find_widget (GTK_WIDGET (button), liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  calendar = liaison_date_button_get_calendar (button);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  /* Named for what it does and for which field. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Pick a date: Due date");

  /* The calendar opens on the date in the field. */
  gtk_editable_set_text (GTK_EDITABLE (due_row), "2031-07-14");
  liaison_date_button_popup (button);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, calendar));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2031);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 7);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 14);

  /* A day picked there is written into the field, and the popover goes. */
  picked = g_date_time_new_local (2031, 7, 21, 12, 0, 0);
  gtk_calendar_select_day (calendar, picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "2031-07-21");
  g_assert_true (liaison_test_wait_until (popover_closed, popover));

  /* Typed, in any spelling the app reads, the calendar follows. */
  gtk_editable_set_text (GTK_EDITABLE (due_row), "2031/8/3");
  g_clear_pointer (&shown, g_date_time_unref);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 8);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 3);
  /* Not a date: the calendar stays put, the field keeps what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (due_row), "2031-13-40");
  g_clear_pointer (&shown, g_date_time_unref);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "2031-13-40");
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  liaison_test_wait_label (dialog, "Write the due date as year-month-day, such as 2025-10-23.");
  g_assert_nonnull (liaison_test_find_toplevel (LIAISON_TYPE_MOVE_DIALOG));

  /* Picked again, it is saved. */
  liaison_date_button_popup (button);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, calendar));
  g_clear_pointer (&picked, g_date_time_unref);
  picked = g_date_time_new_local (2031, 8, 29, 12, 0, 0);
  gtk_calendar_select_day (calendar, picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==, "2031-08-29");
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));
  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (g_date_get_year (&event->due_date), ==, 2031);
  g_assert_cmpint (g_date_get_month (&event->due_date), ==, 8);
  g_assert_cmpint (g_date_get_day (&event->due_date), ==, 29);

  liaison_test_desk_tear_down (&fixture);
}

/* (d) Every date field has its calendar: the reception's date, the
 * filters' range, the export's period (beside its format) and the
 * reply's date. */
static void
run_every_date_field (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *page;
  GtkWidget *editor;
  GtkWidget *dialog;
  LiaisonDateButton *button;
  g_autoptr(GDateTime) picked = g_date_time_new_local (2025, 3, 9, 12, 0, 0);

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);

  page = liaison_test_get_by_id (GTK_WIDGET (fixture.window), "receptions_page");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (page, "from_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (page, "from_entry")));
  gtk_calendar_select_day (liaison_date_button_get_calendar (button), picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (page, "from_entry"))), ==, "2025-03-09");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (page, "to_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (page, "to_entry")));

  /* The export's period: a calendar for each end, writing into its row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.export-ledger", NULL));
  dialog = liaison_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (liaison_test_count_widgets (dialog, liaison_test_is_of_type, GSIZE_TO_POINTER (LIAISON_TYPE_DATE_BUTTON)), ==, 2);
  button = LIAISON_DATE_BUTTON (liaison_test_find_widget (dialog, liaison_test_is_of_type, GSIZE_TO_POINTER (LIAISON_TYPE_DATE_BUTTON)));
  g_assert_true (ADW_IS_ENTRY_ROW (liaison_date_button_get_editable (button)));
  gtk_calendar_select_day (liaison_date_button_get_calendar (button), picked);
  g_assert_cmpstr (gtk_editable_get_text (liaison_date_button_get_editable (button)), ==, "2025-03-09");
  /* And its format: the workbook first, then CSV, named for AT-SPI. */
  {
    GtkWidget *format = liaison_test_find_by_name (dialog, "export_format_row");
    g_autofree char *wrong = NULL;

    g_assert_true (ADW_IS_COMBO_ROW (format));
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (format))), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (format))), 0),
                     ==, "Excel workbook (.xlsx)");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (format)), ==, 0);
    wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (format), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Format of the exported ledger");
    g_assert_null (wrong);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  editor = liaison_reception_editor_new (GTK_WINDOW (fixture.window), fixture.store, fixture.reception_id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (editor, "date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (editor, "date_entry")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (liaison_date_button_get_calendar (button));

    /* The reception's own date, loaded into the field, is the calendar's. */
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2025);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 5);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  liaison_test_desk_take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  {
    g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);

    refer->actor_name = g_strdup ("代表工委");
    refer->lead_unit_uuid = g_strdup (LIAISON_TEST_UNIT_TRANSPORT);
    refer->co_unit_uuids = g_new0 (char *, 1);
    liaison_date_set_today (&refer->due_date);
    g_date_add_days (&refer->due_date, 20);
    liaison_test_record_event (fixture.store, fixture.suggestion_id, refer);
  }
  dialog = liaison_test_desk_open_move (&fixture, LIAISON_LOOP_MOVE_REPLY);
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (dialog, "reply_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (dialog, "reply_date_row")));
  gtk_calendar_select_day (liaison_date_button_get_calendar (button), picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "reply_date_row"))), ==, "2025-03-09");
  gtk_window_destroy (GTK_WINDOW (dialog));

  liaison_test_desk_tear_down (&fixture);
}

/* (e) A new deputy at a station is that station's; at headquarters,
 * nobody's until chosen. The station picker searches too. */
static void
run_deputy_editor_station (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *editor;
  LiaisonPickerRow *row;
  GListModel *names;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);

  editor = liaison_deputy_editor_new (GTK_WINDOW (fixture.window), fixture.store, 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  row = LIAISON_PICKER_ROW (liaison_test_get_by_id (editor, "station_row"));
  names = liaison_picker_row_get_model (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), liaison_picker_row_get_selected (row)),
                   ==, LIAISON_TEST_STATION_NAME);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, LIAISON_TEST_STATION_NAME);
  /* Its button says it adds one. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (liaison_test_get_by_id (editor, "save_button"))), ==, "_Add Deputy");
  gtk_window_destroy (GTK_WINDOW (editor));

  liaison_test_enroll_as_hq (fixture.store);
  editor = liaison_deputy_editor_new (GTK_WINDOW (fixture.window), fixture.store, 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  row = LIAISON_PICKER_ROW (liaison_test_get_by_id (editor, "station_row"));
  g_assert_cmpuint (liaison_picker_row_get_selected (row), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "None");
  gtk_window_destroy (GTK_WINDOW (editor));

  liaison_test_desk_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/pickers/unit-picker", run_unit_picker);
  liaison_test_add_ui_case ("/ui/pickers/co-units", run_co_units);
  liaison_test_add_ui_case ("/ui/pickers/date-button", run_date_button);
  liaison_test_add_ui_case ("/ui/pickers/every-date-field", run_every_date_field);
  liaison_test_add_ui_case ("/ui/pickers/deputy-editor-station", run_deputy_editor_station);
  return g_test_run ();
}
