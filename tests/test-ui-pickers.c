/* test-ui-pickers.c: pickers, dates and dialogs that fit long Chinese
 * names, in the real windows under Xvfb: the unit, station and deputy
 * pickers search by any part of a name and show it whole; every date
 * field has a calendar that stays in step with what is typed; the move
 * dialogs' buttons say the move; dialogs are no taller than their
 * content (or the screen); a page's title is not shown selected; a long
 * tooltip wraps at a reading width.
 *
 * Each case runs in its own subprocess over a temporary database.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-actor-dialog.h"
#include "liaison-date-button.h"
#include "liaison-deputy-editor.h"
#include "liaison-enroll-dialog.h"
#include "liaison-move-dialog.h"
#include "liaison-picker-row.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-editor.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-suggestion-detail.h"
#include "liaison-test-hq.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-tooltip.h"
#include "liaison-window.h"

#define UNIT_HOUSING "9e000000-0000-4000-8000-000000000001"
#define UNIT_TRANSPORT "9e000000-0000-4000-8000-000000000002"
#define UNIT_LONG "9e000000-0000-4000-8000-000000000003"
/* A real kind of name: longer than any row is wide. */
#define LONG_UNIT_NAME "淮北市相山区住房和城乡建设局城市管理综合行政执法大队东山街道中队"
#define STATION_NAME "相山区东山街道人大代表联络站"

typedef struct {
  char          *dir;
  LiaisonStore  *store;
  gint64         deputy_id;
  gint64         suggestion_id;
  gint64         reception_id;
  LiaisonWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LiaisonVisitor *visitor = liaison_visitor_new ();

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-pickers-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, STATION_NAME, LIAISON_STATION_KIND_STATION, "相山区");
  station = liaison_store_get_local_station (fixture->store);
  fixture->deputy_id = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_add_unit (fixture->store, UNIT_HOUSING, "市住房和城乡建设局", "department");
  liaison_test_add_unit (fixture->store, UNIT_TRANSPORT, "市交通运输局", "department");
  liaison_test_add_unit (fixture->store, UNIT_LONG, LONG_UNIT_NAME, "department");

  suggestion->category_id = liaison_store_find_category (fixture->store, "transport");
  suggestion->title = g_strdup ("关于在濉溪路与人民路交叉口增设公交站台并延长早晚高峰班次的建议");
  suggestion->content = g_strdup ("建议在濉溪路口增设公交站台，方便老人出行");
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  fixture->suggestion_id = suggestion->meta.id;

  reception->received_at = g_strdup ("2025-03-05 09:30");
  reception->station_id = station->meta.id;
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->store, "transport");
  reception->summary = g_strdup ("反映公交站台太远");
  g_array_append_val (reception->deputy_ids, fixture->deputy_id);
  visitor->community = g_strdup ("东山社区");
  visitor->party_size = 1;
  g_ptr_array_add (reception->visitors, visitor);
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  fixture->reception_id = reception->meta.id;
}

static void
fixture_tear_down (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* The window as a 1366×768 screen shows it, with a page open. */
static void
open_window (Fixture *fixture)
{
  fixture->window = liaison_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, fixture->window));
}

static GtkWidget *
open_move (Fixture         *fixture,
           LiaisonLoopMove  move)
{
  GtkWidget *dialog = liaison_move_dialog_new (GTK_WINDOW (fixture->window), fixture->store,
                                               fixture->suggestion_id, move);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  return dialog;
}

static void
take_up (Fixture *fixture)
{
  g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->actor_name = g_strdup ("王建国");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture->store, "王建国");
  liaison_test_record_event (fixture->store, fixture->suggestion_id, event);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

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

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return liaison_test_find_widget (wait->root, is_label_saying, wait->text) != NULL;
}

static GtkLabel *
wait_label (GtkWidget  *root,
            const char *text)
{
  LabelWait wait = { root, text };

  if (!liaison_test_wait_until (label_shown, &wait))
    g_error ("No label says “%s”", text);
  return GTK_LABEL (liaison_test_find_widget (root, is_label_saying, text));
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
  Fixture fixture = { NULL };
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *search;
  GtkWidget *popover;
  GtkLabel *label;

  fixture_set_up (&fixture);
  take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  open_window (&fixture);
  dialog = open_move (&fixture, LIAISON_LOOP_MOVE_REFER);

  row = liaison_test_get_by_id (dialog, "lead_unit_row");
  g_assert_true (LIAISON_IS_PICKER_ROW (row));
  g_assert_cmpuint (n_shown (row), ==, 3);
  g_assert_true (gtk_widget_activate (row));
  popover = liaison_test_find_widget (row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  search = liaison_test_find_widget (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
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
  label = wait_label (popover, LONG_UNIT_NAME);
  assert_shown_whole (label);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), >, 1);

  /* Chosen, it is the row's subtitle, whole too. */
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, LONG_UNIT_NAME);
  liaison_test_spin (100);
  assert_shown_whole (wait_label (row, LONG_UNIT_NAME));

  /* A search that finds nothing, then Escape: the choice stays. */
  g_assert_true (gtk_widget_activate (row));
  search_picker (row, search, "没有这个单位", 0);
  g_signal_emit_by_name (search, "activate");
  g_signal_emit_by_name (search, "stop-search");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, LONG_UNIT_NAME);

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_tear_down (&fixture);
}

/* (b) Co-units: the search narrows the rows but never hides a ticked
 * one, and the label names every ticked unit whole. The referral made
 * carries what was shown. */
static void
run_co_units (void)
{
  Fixture fixture = { NULL };
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

  fixture_set_up (&fixture);
  take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  open_window (&fixture);
  dialog = open_move (&fixture, LIAISON_LOOP_MOVE_REFER);
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
      else if (g_strcmp0 (title, LONG_UNIT_NAME) == 0)
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
    g_autofree char *expected = g_strdup_printf ("Chosen: 市住房和城乡建设局, %s", LONG_UNIT_NAME);
    g_autofree char *reversed = g_strdup_printf ("Chosen: %s, 市住房和城乡建设局", LONG_UNIT_NAME);
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
  g_assert_cmpstr (event->lead_unit_uuid, ==, UNIT_TRANSPORT);
  g_assert_cmpuint (g_strv_length (event->co_unit_uuids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) event->co_unit_uuids, UNIT_HOUSING));
  g_assert_true (g_strv_contains ((const char * const *) event->co_unit_uuids, UNIT_LONG));

  fixture_tear_down (&fixture);
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
  Fixture fixture = { NULL };
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

  fixture_set_up (&fixture);
  take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  open_window (&fixture);
  dialog = open_move (&fixture, LIAISON_LOOP_MOVE_REFER);
  due_row = liaison_test_get_by_id (dialog, "due_row");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (dialog, "due_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (due_row));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  menu_button = liaison_test_find_widget (GTK_WIDGET (button), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
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
  wait_label (dialog, "Write the due date as year-month-day, such as 2025-10-23.");
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

  fixture_tear_down (&fixture);
}

/* (d) Every date field has its calendar: the reception's date, the
 * filters' range and the reply's date. */
static void
run_every_date_field (void)
{
  Fixture fixture = { NULL };
  GtkWidget *page;
  GtkWidget *editor;
  GtkWidget *dialog;
  LiaisonDateButton *button;
  g_autoptr(GDateTime) picked = g_date_time_new_local (2025, 3, 9, 12, 0, 0);

  fixture_set_up (&fixture);
  open_window (&fixture);

  page = liaison_test_get_by_id (GTK_WIDGET (fixture.window), "receptions_page");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (page, "from_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (page, "from_entry")));
  gtk_calendar_select_day (liaison_date_button_get_calendar (button), picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (page, "from_entry"))), ==, "2025-03-09");
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (page, "to_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (page, "to_entry")));

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

  take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  {
    g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);

    refer->actor_name = g_strdup ("代表工委");
    refer->lead_unit_uuid = g_strdup (UNIT_TRANSPORT);
    refer->co_unit_uuids = g_new0 (char *, 1);
    liaison_date_set_today (&refer->due_date);
    g_date_add_days (&refer->due_date, 20);
    liaison_test_record_event (fixture.store, fixture.suggestion_id, refer);
  }
  dialog = open_move (&fixture, LIAISON_LOOP_MOVE_REPLY);
  button = LIAISON_DATE_BUTTON (liaison_test_get_by_id (dialog, "reply_date_button"));
  g_assert_true (liaison_date_button_get_editable (button) == GTK_EDITABLE (liaison_test_get_by_id (dialog, "reply_date_row")));
  gtk_calendar_select_day (liaison_date_button_get_calendar (button), picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "reply_date_row"))), ==, "2025-03-09");
  gtk_window_destroy (GTK_WINDOW (dialog));

  fixture_tear_down (&fixture);
}

/* (e) A new deputy at a station is that station's; at headquarters,
 * nobody's until chosen. The station picker searches too. */
static void
run_deputy_editor_station (void)
{
  Fixture fixture = { NULL };
  GtkWidget *editor;
  LiaisonPickerRow *row;
  GListModel *names;

  fixture_set_up (&fixture);
  open_window (&fixture);

  editor = liaison_deputy_editor_new (GTK_WINDOW (fixture.window), fixture.store, 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  row = LIAISON_PICKER_ROW (liaison_test_get_by_id (editor, "station_row"));
  names = liaison_picker_row_get_model (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), liaison_picker_row_get_selected (row)),
                   ==, STATION_NAME);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, STATION_NAME);
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

  fixture_tear_down (&fixture);
}

/* (f) The button that records a move says the move. */
static void
run_button_labels (void)
{
  static const struct {
    LiaisonLoopMove move;
    const char     *label;
  } moves[] = {
    { LIAISON_LOOP_MOVE_TAKE_UP,        "_Take Up" },
    { LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, "Record _Answer" },
    { LIAISON_LOOP_MOVE_WITHDRAW,       "_Withdraw" },
    { LIAISON_LOOP_MOVE_REFER,          "_Refer" },
    { LIAISON_LOOP_MOVE_SUPERVISE,      "_Supervise" },
    { LIAISON_LOOP_MOVE_REPLY,          "Record _Reply" },
    { LIAISON_LOOP_MOVE_RATE,           "Record R_ating" },
  };
  Fixture fixture = { NULL };

  fixture_set_up (&fixture);
  open_window (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *dialog = open_move (&fixture, moves[i].move);
      GtkWidget *button = liaison_test_get_by_id (dialog, "save_button");

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, moves[i].label);
      g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  fixture_tear_down (&fixture);
}

/* @widget is where it can be seen: inside the scrolled part of its
 * dialog, not below its bottom edge, and inside the window. */
static void
assert_in_sight (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (scrolled != NULL)
    {
      g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
      g_test_message ("%s ends at %.0f of its scrolled window's %d px", G_OBJECT_TYPE_NAME (widget),
                      bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
    }
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

/* The first frames of a window come at a guessed width; its size is
 * what it keeps once they are drawn. */
static void
settle (GtkWidget *window)
{
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  liaison_test_spin (500);
}

/* (g) Dialogs are as tall as what they hold, and the reception editor
 * fits a 1366×768 screen under a desktop's top bar. */
static void
run_dialog_sizes (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonSyncEngine) engine = NULL;
  GtkWidget *dialog;

  fixture_set_up (&fixture);
  open_window (&fixture);

  liaison_actor_set_current (fixture.store, LIAISON_LOOP_ROLE_DEPUTY, NULL, fixture.deputy_id);
  dialog = open_move (&fixture, LIAISON_LOOP_MOVE_TAKE_UP);
  settle (dialog);
  g_test_message ("take-up dialog: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 400);
  gtk_window_destroy (GTK_WINDOW (dialog));

  engine = liaison_sync_engine_new (fixture.store);
  dialog = GTK_WIDGET (liaison_enroll_dialog_new (GTK_WINDOW (fixture.window), engine));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  settle (dialog);
  g_test_message ("enroll dialog: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 400);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Switch User: choosing a deputy brings a row and its hint, and the
   * dialog grows to show them. (In English they fit even without growing;
   * in Chinese, with its taller lines, the hint was cut off.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.switch-user", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_ACTOR_DIALOG);
  settle (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "station_check")), TRUE);
  settle (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "deputy_check")), TRUE);
  settle (dialog);
  {
    GtkWidget *hint = liaison_test_find_widget (dialog, is_label_saying, "A deputy acts under the name on the roster");

    g_assert_nonnull (hint);
    g_test_message ("switch user: %d px tall", gtk_widget_get_height (dialog));
    assert_in_sight (hint);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = liaison_reception_editor_new (GTK_WINDOW (fixture.window), fixture.store, fixture.reception_id);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  settle (dialog);
  g_test_message ("reception editor: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 700);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 1366);
  gtk_window_destroy (GTK_WINDOW (dialog));

  fixture_tear_down (&fixture);
}

static gboolean
enroll_done (gpointer data)
{
  GtkStack *stack = GTK_STACK (liaison_test_get_by_id (GTK_WIDGET (data), "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "done") == 0;
}

/* (g2) Enrolled against a real liaison-hq, the dialog says so on a page
 * that fits: its Done button is inside the window, not scrolled away. */
static void
run_enroll_done_fits (void)
{
  LiaisonTestHq hq = { NULL };
  LiaisonTestReplica station;
  g_autofree char *code = NULL;
  GtkWidget *dialog;
  GtkWidget *done;

  liaison_test_hq_init (&hq, "liaison-ui-pickers-hq-XXXXXX");
  liaison_test_hq_start (&hq);
  code = liaison_test_hq_station_code (&hq, STATION_NAME);
  station = liaison_test_replica_new (&hq, "station.db");

  dialog = GTK_WIDGET (liaison_enroll_dialog_new (NULL, station.engine));
  gtk_window_present (GTK_WINDOW (dialog));
  settle (dialog);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "server_row")), hq.url);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "code_row")), code);
  g_assert_true (gtk_widget_activate_action (dialog, "enroll.connect", NULL));
  g_assert_true (liaison_test_wait_until (enroll_done, dialog));
  settle (dialog);

  done = liaison_test_find_widget (dialog, is_label_saying, "Done");
  done = done != NULL ? gtk_widget_get_ancestor (done, GTK_TYPE_BUTTON) : NULL;
  g_assert_nonnull (done);
  g_test_message ("done page: %d px tall", gtk_widget_get_height (dialog));
  assert_in_sight (done);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 700);

  gtk_window_destroy (GTK_WINDOW (dialog));
  liaison_test_replica_clear (&station);
  liaison_test_hq_clear (&hq);
}

typedef struct {
  GtkWidget *detail;
  gint64     id;
  gint64   (*get_id) (GtkWidget *detail);
} DetailWait;

/* The page's own title: libadwaita's status pages inside it have a
 * "title_label" of their own. */
static GtkLabel *
page_title (GtkWidget *detail)
{
  return GTK_LABEL (gtk_widget_get_template_child (detail, G_OBJECT_TYPE (detail), "title_label"));
}

static gint64
suggestion_id_of (GtkWidget *detail)
{
  return liaison_suggestion_detail_get_suggestion_id (LIAISON_SUGGESTION_DETAIL (detail));
}

static gint64
reception_id_of (GtkWidget *detail)
{
  return liaison_reception_detail_get_reception_id (LIAISON_RECEPTION_DETAIL (detail));
}

static gboolean
detail_shows (gpointer data)
{
  DetailWait *wait = data;

  return gtk_widget_get_mapped (wait->detail) && wait->get_id (wait->detail) == wait->id &&
         gtk_widget_get_mapped (GTK_WIDGET (page_title (wait->detail)));
}

static void
assert_title_not_selected (Fixture    *fixture,
                           const char *action,
                           const char *page_id,
                           gint64      id,
                           gint64    (*get_id) (GtkWidget *detail))
{
  GtkWidget *page = liaison_test_get_by_id (GTK_WIDGET (fixture->window), page_id);
  DetailWait wait = { liaison_test_get_by_id (page, "detail"), id, get_id };
  GtkLabel *title;
  int start = -1, end = -1;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "x", id));
  g_assert_true (liaison_test_wait_until (detail_shows, &wait));
  liaison_test_spin (200);
  title = page_title (wait.detail);
  g_assert_cmpstr (gtk_label_get_text (title), !=, "");
  if (gtk_label_get_selection_bounds (title, &start, &end))
    g_error ("The title of %s is selected from %d to %d", page_id, start, end);
  /* However the keyboard comes to it. */
  gtk_widget_child_focus (wait.detail, GTK_DIR_TAB_FORWARD);
  liaison_test_spin (50);
  g_assert_false (gtk_label_get_selection_bounds (title, &start, &end));
}

/* (h) A page opens with its title plain, not selected. */
static void
run_title_not_selected (void)
{
  Fixture fixture = { NULL };

  fixture_set_up (&fixture);
  open_window (&fixture);
  assert_title_not_selected (&fixture, "win.show-suggestion", "suggestions_page",
                             fixture.suggestion_id, suggestion_id_of);
  assert_title_not_selected (&fixture, "win.show-reception", "receptions_page",
                             fixture.reception_id, reception_id_of);
  fixture_tear_down (&fixture);
}

/* Height of one line of text, from a label of one word. */
static int
line_height (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("日期"));
  int height;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

/* Lines of @label when it is given its narrowest width, as a tooltip
 * window short of room gives it. */
static int
lines_at_narrowest (GtkWidget *label)
{
  int min_width, height;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, min_width, NULL, &height, NULL, NULL);
  g_test_message ("narrowest %d px: %d px tall", min_width, height);
  return (height + line_height () / 2) / line_height ();
}

/* (i) A long tooltip with no spaces wraps at a reading width, never
 * after every character; a short one is one line. */
static void
run_tooltip (void)
{
  const char *long_text = "上次同步失败：无法连接到总部服务器，请检查网络连接后再试一次，或者联系代表工委的管理员";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = liaison_ui_tooltip_label_new (long_text);
  GtkWidget *short_label = liaison_ui_tooltip_label_new ("选择日期");
  GtkWidget *button = gtk_button_new_with_label ("同步");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), short_label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  /* 44 characters: two or three lines, not 44. */
  g_assert_cmpint (lines_at_narrowest (label), >=, 2);
  g_assert_cmpint (lines_at_narrowest (label), <=, 3);
  g_assert_cmpint (lines_at_narrowest (short_label), ==, 1);

  /* Set on a widget, it is its tooltip text, which GTK also gives
   * screen readers as the description. */
  liaison_ui_set_tooltip (button, long_text);
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, long_text);
  liaison_ui_set_tooltip (button, NULL);
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_plain_tooltip (GtkWidget     *widget,
                   gconstpointer  data)
{
  return gtk_widget_get_tooltip_text (widget) != NULL &&
         !g_signal_has_handler_pending (widget, g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET), 0, FALSE);
}

/* (j) Every tooltip the window's .ui files set wraps the same way: the
 * main menu's, by the screen's right edge, was one character a line. */
static void
run_window_tooltips (void)
{
  Fixture fixture = { NULL };
  GtkWidget *plain;

  fixture_set_up (&fixture);
  open_window (&fixture);
  plain = liaison_test_find_widget (GTK_WIDGET (fixture.window), has_plain_tooltip, NULL);
  if (plain != NULL)
    g_error ("“%s” has a tooltip GTK shows unwrapped", gtk_widget_get_tooltip_text (plain));
  fixture_tear_down (&fixture);
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
  liaison_test_add_ui_case ("/ui/pickers/button-labels", run_button_labels);
  liaison_test_add_ui_case ("/ui/pickers/dialog-sizes", run_dialog_sizes);
  liaison_test_add_ui_case ("/ui/pickers/enroll-done-fits", run_enroll_done_fits);
  liaison_test_add_ui_case ("/ui/pickers/title-not-selected", run_title_not_selected);
  liaison_test_add_ui_case ("/ui/pickers/tooltip", run_tooltip);
  liaison_test_add_ui_case ("/ui/pickers/window-tooltips", run_window_tooltips);
  return g_test_run ();
}
