/* test-ui-published.c: the published reports' window under Xvfb, in
 * process: at headquarters a publication of this month whose suggestion
 * got a reply afterwards opens with Replied 0 → 1, the suggestion listed
 * under it, and clicking it shows the suggestion in the main window; a
 * station's desk has no Publish…. */
#define G_LOG_DOMAIN "test-ui-published"

#include "config.h"

#include "liaison-loop-wire.h"
#include "liaison-publish.h"
#include "liaison-published-window.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_publish_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Publish…") == 0;
}

static void
record (LiaisonTestDesk *fixture,
        LiaisonLoopMove  move,
        int              minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  LiaisonLoopEvent *event = liaison_test_event_new (move, LIAISON_LOOP_ROLE_HQ, "代表工委 陈静",
                                                    g_date_time_add_minutes (now, minutes));
  g_autoptr(LiaisonLoopEvent) owned = event;
  GDate today;

  g_date_clear (&today, 1);
  liaison_date_set_today (&today);
  if (move == LIAISON_LOOP_MOVE_REFER)
    {
      event->lead_unit_uuid = g_strdup (LIAISON_TEST_UNIT_HOUSING);
      liaison_store_default_due_date (fixture->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &today, &event->due_date);
    }
  else
    {
      event->reply_text = g_strdup ("已组织维修。");
      event->replying_unit_uuid = g_strdup (LIAISON_TEST_UNIT_HOUSING);
      event->reply_date = today;
    }
  liaison_test_record_event (fixture->store, fixture->suggestion_id, event);
}

static void
run_late_reply (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(LiaisonPublishedReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPeriod month;
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *replied;
  GtkWidget *item;
  GDate today;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_take_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  record (&fixture, LIAISON_LOOP_MOVE_REFER, -1);
  suggestion = liaison_store_get_suggestion (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);

  /* This month, published; then the reply. */
  g_date_clear (&today, 1);
  liaison_date_set_today (&today);
  liaison_period_containing (LIAISON_PERIOD_MONTH, &today, &month);
  report = liaison_publish_period (fixture.store, &month, NULL, &error);
  g_assert_no_error (error);
  record (&fixture, LIAISON_LOOP_MOVE_REPLY, 0);

  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.published-reports", NULL));
  window = liaison_test_wait_for_toplevel (LIAISON_TYPE_PUBLISHED_WINDOW);
  g_assert_nonnull (liaison_test_find_widget (window, is_publish_button, NULL));
  liaison_test_settle (window);

  {
    g_autofree char *label = liaison_period_label (&month);

    row = liaison_test_find_widget (window, is_row_titled, label);
  }
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  liaison_test_settle (window);

  replied = liaison_test_find_widget (window, is_row_titled, liaison_figure_label (LIAISON_FIGURE_REPLIED));
  g_assert_true (ADW_IS_EXPANDER_ROW (replied));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (replied)), ==,
                   "Published 0 · now 1 · difference +1");
  item = liaison_test_find_widget (replied, is_row_titled, suggestion->title);
  g_assert_nonnull (item);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (item)));

  /* Clicking it shows the suggestion in the main window. */
  g_signal_emit_by_name (item, "activated");
  liaison_test_settle (GTK_WIDGET (fixture.window));
  {
    AdwViewStack *stack = ADW_VIEW_STACK (liaison_test_find_widget (GTK_WIDGET (fixture.window), liaison_test_is_of_type,
                                                                    GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));

    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "suggestions");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  liaison_test_desk_tear_down (&fixture);
}

/* A station reads what headquarters published; it publishes nothing. */
static void
run_station_reads (void)
{
  LiaisonTestDesk fixture = { NULL };
  GtkWidget *window;
  GtkWidget *button;

  liaison_test_desk_set_up (&fixture);
  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.published-reports", NULL));
  window = liaison_test_wait_for_toplevel (LIAISON_TYPE_PUBLISHED_WINDOW);
  liaison_test_settle (window);
  button = liaison_test_find_widget (window, is_publish_button, NULL);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (GTK_WINDOW (window));
  liaison_test_desk_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/published/late-reply", run_late_reply);
  liaison_test_add_ui_case ("/ui/published/station-reads", run_station_reads);
  return g_test_run ();
}
