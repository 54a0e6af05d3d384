/* test-ui-dialogs.c: dialogs and pages that fit Chinese, in the real
 * windows under Xvfb: the move dialogs' buttons say the move; dialogs
 * are as tall as their content, up to what a 1366×768 screen leaves; a
 * page's title is not shown selected; tooltips wrap at a reading width;
 * the Keyboard Shortcuts window opens once.
 *
 * Each case runs in its own subprocess over a temporary database
 * (liaison-test-desk.h).
 */
#define G_LOG_DOMAIN "test-ui-dialogs"

#include "config.h"

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-actor-dialog.h"
#include "liaison-activity-editor.h"
#include "liaison-enroll-dialog.h"
#include "liaison-move-dialog.h"
#include "liaison-quarter-close-dialog.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-editor.h"
#include "liaison-suggestion-detail.h"
#include "liaison-test-desk.h"
#include "liaison-test-hq.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-store-duty.h"
#include "liaison-store-quarter.h"
#include "liaison-store-sync.h"
#include "liaison-tooltip.h"

/* (a) The button that records a move says the move. */
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
  LiaisonTestDesk fixture = { NULL };

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *dialog = liaison_test_desk_open_move (&fixture, moves[i].move);
      GtkWidget *button = liaison_test_get_by_id (dialog, "save_button");

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, moves[i].label);
      g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  liaison_test_desk_tear_down (&fixture);
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

/* (b) Dialogs are as tall as what they hold, and the reception editor
 * fits a 1366×768 screen under a desktop's top bar. */
static void
run_dialog_sizes (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(LiaisonSyncEngine) engine = NULL;
  GtkWidget *dialog;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);

  liaison_actor_set_current (fixture.store, LIAISON_LOOP_ROLE_DEPUTY, NULL, fixture.deputy_id);
  liaison_test_act_as_deputy_id (fixture.store, fixture.deputy_id);
  dialog = liaison_test_desk_open_move (&fixture, LIAISON_LOOP_MOVE_TAKE_UP);
  liaison_test_settle (dialog);
  g_test_message ("take-up dialog: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 400);
  gtk_window_destroy (GTK_WINDOW (dialog));

  engine = liaison_sync_engine_new (fixture.store);
  dialog = GTK_WIDGET (liaison_enroll_dialog_new (GTK_WINDOW (fixture.window), engine));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  liaison_test_settle (dialog);
  g_test_message ("enroll dialog: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 400);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Switch User: choosing a deputy brings a row and its hint, and the
   * dialog grows to show them. (In English they fit even without growing;
   * in Chinese, with its taller lines, the hint was cut off.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.switch-user", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_ACTOR_DIALOG);
  liaison_test_settle (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "station_check")), TRUE);
  liaison_test_settle (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "deputy_check")), TRUE);
  liaison_test_settle (dialog);
  {
    GtkWidget *hint = liaison_test_find_widget (dialog, liaison_test_is_label_saying, "A deputy acts under the name on the roster");

    g_assert_nonnull (hint);
    g_test_message ("switch user: %d px tall", gtk_widget_get_height (dialog));
    assert_in_sight (hint);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = liaison_reception_editor_new (GTK_WINDOW (fixture.window), fixture.store, fixture.reception_id);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  liaison_test_settle (dialog);
  g_test_message ("reception editor: %d×%d", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 700);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 1366);
  gtk_window_destroy (GTK_WINDOW (dialog));

  liaison_test_desk_tear_down (&fixture);
}

static gboolean
enroll_done (gpointer data)
{
  GtkStack *stack = GTK_STACK (liaison_test_get_by_id (GTK_WIDGET (data), "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "done") == 0;
}

/* (c) Enrolled against a real liaison-hq, the dialog says so on a page
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
  code = liaison_test_hq_station_code (&hq, LIAISON_TEST_STATION_NAME);
  station = liaison_test_replica_new (&hq, "station.db");

  dialog = GTK_WIDGET (liaison_enroll_dialog_new (NULL, station.engine));
  gtk_window_present (GTK_WINDOW (dialog));
  liaison_test_settle (dialog);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "server_row")), hq.url);
  /* A code headquarters never gave: the reason, with room below it. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "code_row")), "AAAA-BBBB-CCCC-DDDD");
  g_assert_true (gtk_widget_activate_action (dialog, "enroll.connect", NULL));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (dialog, "error_label")));
  g_assert_cmpint (gtk_widget_get_margin_bottom (liaison_test_get_by_id (dialog, "error_label")), >=, 12);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "code_row")), code);
  g_assert_true (gtk_widget_activate_action (dialog, "enroll.connect", NULL));
  g_assert_true (liaison_test_wait_until (enroll_done, dialog));
  liaison_test_settle (dialog);
  /* In a clerk's words: no file path, no keyring. */
  {
    const char *said = adw_status_page_get_description (ADW_STATUS_PAGE (liaison_test_get_by_id (dialog, "done_page")));

    g_test_message ("done page: %s", said);
    g_assert_nonnull (strstr (said, "The key that lets this computer sync is saved on it."));
    g_assert_null (strchr (said, '/'));
    g_assert_null (strstr (said, "keyring"));
  }

  done = liaison_test_find_widget (dialog, liaison_test_is_label_saying, "Done");
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
assert_title_not_selected (LiaisonTestDesk  *fixture,
                           const char       *action,
                           const char       *page_id,
                           gint64            id,
                           gint64          (*get_id) (GtkWidget *detail))
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

/* (d) A page opens with its title plain, not selected. */
static void
run_title_not_selected (void)
{
  LiaisonTestDesk fixture = { NULL };

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  assert_title_not_selected (&fixture, "win.show-suggestion", "suggestions_page",
                             fixture.suggestion_id, suggestion_id_of);
  assert_title_not_selected (&fixture, "win.show-reception", "receptions_page",
                             fixture.reception_id, reception_id_of);
  liaison_test_desk_tear_down (&fixture);
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

/* (e) A long tooltip with no spaces wraps at a reading width, never
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

/* (f) Every tooltip the window's .ui files set wraps the same way: the
 * main menu's, by the screen's right edge, was one character a line. */
static void
run_window_tooltips (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *plain;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  plain = liaison_test_find_widget (GTK_WIDGET (fixture.window), has_plain_tooltip, NULL);
  if (plain != NULL)
    g_error ("“%s” has a tooltip GTK shows unwrapped", gtk_widget_get_tooltip_text (plain));
  liaison_test_desk_tear_down (&fixture);
}

/* (e) Close a Quarter…: a station desk never offers it; at headquarters
 * it offers the quarters over and not closed, latest first, and closes
 * the one picked. */
static void
run_close_quarter (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonQuarterCloseDialog *dialog;
  GtkDropDown *dropdown;
  LiaisonQuarter last;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.close-quarter", NULL);
  liaison_test_settle (GTK_WIDGET (fixture.window));
  g_assert_null (liaison_test_find_toplevel (LIAISON_TYPE_QUARTER_CLOSE_DIALOG));
  liaison_test_desk_tear_down (&fixture);

  liaison_test_desk_set_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.close-quarter", NULL));
  dialog = LIAISON_QUARTER_CLOSE_DIALOG (liaison_test_wait_for_toplevel (LIAISON_TYPE_QUARTER_CLOSE_DIALOG));
  dropdown = GTK_DROP_DOWN (liaison_test_find_widget (GTK_WIDGET (dialog), liaison_test_is_of_type,
                                                      GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  g_assert_true (liaison_quarter_from_date (today, &last));
  last = liaison_quarter_previous (last);
  label = liaison_quarter_label (last);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 8);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==, label);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close-quarter");
  liaison_test_settle (GTK_WIDGET (fixture.window));
  g_assert_true (liaison_store_quarter_is_closed (fixture.store, last, &error));
  g_assert_no_error (error);
  liaison_test_desk_tear_down (&fixture);
}

static gboolean
is_reason_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Reason for correction") == 0;
}

/* (f) The activity editor deletes an activity of a closed quarter only
 * with the reason typed in it, which the tombstone keeps. */
static void
run_delete_closed_activity (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(LiaisonActivity) activity = liaison_activity_new ();
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonActivityEditor *editor;
  GtkWidget *reason, *confirm;
  LiaisonQuarter last;

  liaison_test_desk_set_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  g_assert_true (liaison_quarter_from_date (today, &last));
  last = liaison_quarter_previous (last);
  deputy = liaison_store_get_deputy (fixture.store, fixture.deputy_id, &error);
  g_assert_no_error (error);
  activity->kind = LIAISON_ACTIVITY_RESEARCH;
  activity->title = g_strdup ("城区内涝专题调研");
  activity->date = liaison_quarter_first_iso (last);
  g_ptr_array_add (activity->attendees, liaison_attendee_new (deputy->meta.uuid, LIAISON_ATTENDANCE_ATTENDED));
  g_assert_true (liaison_store_save_activity (fixture.store, activity, &error));
  g_assert_no_error (error);
  close = liaison_store_close_quarter (fixture.store, last, NULL, NULL, &error);
  g_assert_no_error (error);
  liaison_test_desk_open_window (&fixture);

  editor = liaison_activity_editor_new (GTK_WINDOW (fixture.window), fixture.store, activity->meta.uuid);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  reason = liaison_test_find_widget (GTK_WIDGET (editor), is_reason_row, NULL);
  g_assert_nonnull (reason);
  gtk_editable_set_text (GTK_EDITABLE (reason), "重复录入");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "activity.delete", NULL));
  confirm = liaison_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "delete");
  liaison_test_settle (GTK_WIDGET (fixture.window));
  g_assert_cmpint (liaison_test_query_int (fixture.store,
    "SELECT count(*) FROM activities WHERE deleted = 1 AND correction_reason = '重复录入' AND corrected_at <> ''"), ==, 1);
  liaison_test_desk_tear_down (&fixture);
}

static guint
count_shortcuts_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      n += GTK_IS_SHORTCUTS_WINDOW (toplevel);
    }
  return n;
}

/* (g) Ctrl+? twice opens one Keyboard Shortcuts window: asked for again
 * while it is open, it comes to the front; closed, the next opens anew. */
static void
run_shortcuts_once (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *shortcuts;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-help-overlay", NULL));
  shortcuts = liaison_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-help-overlay", NULL));
  liaison_test_settle (GTK_WIDGET (fixture.window));
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  g_assert_true (liaison_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);

  gtk_window_close (GTK_WINDOW (shortcuts));
  g_assert_true (liaison_test_wait_until_gone (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-help-overlay", NULL));
  liaison_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  liaison_test_desk_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/dialogs/button-labels", run_button_labels);
  liaison_test_add_ui_case ("/ui/dialogs/close-quarter", run_close_quarter);
  liaison_test_add_ui_case ("/ui/dialogs/delete-closed-activity", run_delete_closed_activity);
  liaison_test_add_ui_case ("/ui/dialogs/dialog-sizes", run_dialog_sizes);
  liaison_test_add_ui_case ("/ui/dialogs/enroll-done-fits", run_enroll_done_fits);
  liaison_test_add_ui_case ("/ui/dialogs/shortcuts-once", run_shortcuts_once);
  liaison_test_add_ui_case ("/ui/dialogs/title-not-selected", run_title_not_selected);
  liaison_test_add_ui_case ("/ui/dialogs/tooltip", run_tooltip);
  liaison_test_add_ui_case ("/ui/dialogs/window-tooltips", run_window_tooltips);
  return g_test_run ();
}
