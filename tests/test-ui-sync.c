/* test-ui-sync.c: the station's window and a real sync with a real
 * liaison-hq on loopback: replies that arrive get a toast and a badge,
 * whether the window started the sync or found it running. */
#define G_LOG_DOMAIN "test-ui-sync"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-quarantine-dialog.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-hq.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-window.h"

#define STATION "相山区东山街道代表联络站"
#define LEAD_UNIT "区住房和城乡建设局"

typedef struct {
  LiaisonTestHq      hq;
  LiaisonTestReplica station;
  LiaisonTestReplica desk;
  char              *suggestion_uuid;
} Fixture;

/* A station with a suggestion a deputy took up, and a headquarters desk
 * that referred it and recorded the reply, pushed to the server; the
 * station has not synced since. */
static void
fixture_set_up (Fixture *fixture)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autofree char *units = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonLoopEvent *event;
  gint64 desk_id;
  GDate today;

  memset (fixture, 0, sizeof *fixture);
  liaison_test_hq_init (&fixture->hq, "liaison-ui-sync-XXXXXX");
  liaison_test_hq_import_roster (&fixture->hq);
  units = g_build_filename (fixture->hq.dir, "units.csv", NULL);
  g_assert_true (g_file_set_contents (units, "名称,类型\n" LEAD_UNIT ",部门\n", -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (&fixture->hq, "import units", units, NULL);
  liaison_test_hq_start (&fixture->hq);

  fixture->station = liaison_test_replica_new (&fixture->hq, "station.db");
  liaison_test_replica_enroll_station (&fixture->hq, &fixture->station, STATION);
  liaison_test_sync_ok (fixture->station.engine);
  suggestion->category_id = liaison_store_find_category (fixture->station.store, "urban_construction");
  suggestion->title = g_strdup ("关于解决金色家园小区道路积水问题的建议");
  suggestion->content = g_strdup ("雨后道路积水严重，希望尽快疏通排水管网。");
  suggestion->raised_by = g_strdup ("赵敏");
  g_assert_true (liaison_store_save_suggestion (fixture->station.store, suggestion, &error));
  g_assert_no_error (error);
  fixture->suggestion_uuid = g_strdup (suggestion->meta.uuid);
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);
  event->actor_name = g_strdup ("张伟");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture->station.store, "张伟");
  liaison_test_add_event (fixture->station.store, suggestion->meta.id, event);
  liaison_test_sync_ok (fixture->station.engine);

  fixture->desk = liaison_test_replica_new (&fixture->hq, "desk.db");
  liaison_test_replica_enroll_hq (&fixture->hq, &fixture->desk, "代表工委李明");
  liaison_test_sync_ok (fixture->desk.engine);
  desk_id = liaison_test_suggestion_id (fixture->desk.store, suggestion->meta.uuid);
  g_assert_cmpint (desk_id, >, 0);
  liaison_date_set_today (&today);
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  event->actor_name = g_strdup ("代表工委李明");
  event->lead_unit_uuid = liaison_test_unit_uuid (fixture->desk.store, LEAD_UNIT);
  liaison_store_default_due_date (fixture->desk.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &today, &event->due_date);
  liaison_test_add_event (fixture->desk.store, desk_id, event);
  event = liaison_loop_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);
  event->actor_name = g_strdup ("代表工委李明");
  event->replying_unit_uuid = liaison_test_unit_uuid (fixture->desk.store, LEAD_UNIT);
  event->reply_text = g_strdup ("已安排施工单位疏通排水管网，两周内完成。");
  event->reply_date = today;
  liaison_test_add_event (fixture->desk.store, desk_id, event);
  liaison_test_sync_ok (fixture->desk.engine);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_free (fixture->suggestion_uuid);
  liaison_test_replica_clear (&fixture->station);
  liaison_test_replica_clear (&fixture->desk);
  liaison_test_hq_clear (&fixture->hq);
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
toast_shows (gpointer window)
{
  return liaison_test_find_widget (liaison_test_get_by_id (window, "toast_overlay"),
                                   is_mapped_label, "1 reply arrived from headquarters") != NULL;
}

static gboolean
engine_idle (gpointer engine)
{
  return !liaison_sync_engine_get_syncing (engine);
}

static void
assert_reply_shown (LiaisonWindow *window)
{
  AdwViewStackPage *follow_up = adw_view_stack_get_page (
    ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack")),
    liaison_test_get_by_id (GTK_WIDGET (window), "follow_up_page"));

  g_assert_true (liaison_test_wait_until (toast_shows, window));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (follow_up), ==, 1);
  g_assert_true (adw_view_stack_page_get_needs_attention (follow_up));
}

/* (a) As the app starts: the automatic sync is already running when the
 * window gets the engine. */
static void
run_startup_sync (void)
{
  Fixture fixture;
  LiaisonWindow *window;

  fixture_set_up (&fixture);
  liaison_sync_engine_start_automatic (fixture.station.engine, 600);
  g_assert_true (liaison_sync_engine_get_syncing (fixture.station.engine));
  window = liaison_window_new (NULL, fixture.station.store);
  liaison_window_set_sync_engine (window, fixture.station.engine);
  gtk_window_present (GTK_WINDOW (window));

  assert_reply_shown (window);
  liaison_sync_engine_stop_automatic (fixture.station.engine);
  g_assert_true (liaison_test_wait_until (engine_idle, fixture.station.engine));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

static gboolean
no_unseen_replies (gpointer store)
{
  return liaison_store_count_unseen_replies (store, NULL) == 0;
}

static gboolean
tell_citizen_row_is_new (gpointer window)
{
  GtkWidget *list = liaison_test_get_by_id (window, "tell_citizen_list");
  GtkWidget *row = gtk_widget_get_first_child (list);

  return ADW_IS_ACTION_ROW (row) && liaison_test_find_by_name (row, "new-reply") != NULL;
}

static gboolean
tell_citizen_row_is_seen (gpointer window)
{
  GtkWidget *list = liaison_test_get_by_id (window, "tell_citizen_list");
  GtkWidget *row = gtk_widget_get_first_child (list);

  return ADW_IS_ACTION_ROW (row) && liaison_test_find_by_name (row, "new-reply") == NULL;
}

/* (b) The clerk presses Sync now in an open window; the reply is marked
 * new on the Tell the Citizen list until its page is opened. */
static void
run_sync_now (void)
{
  Fixture fixture;
  LiaisonWindow *window;

  fixture_set_up (&fixture);
  window = liaison_window_new (NULL, fixture.station.store);
  liaison_window_set_sync_engine (window, fixture.station.engine);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_false (toast_shows (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL));
  assert_reply_shown (window);
  g_assert_true (liaison_test_wait_until (engine_idle, fixture.station.engine));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-follow-up", NULL));
  g_assert_true (liaison_test_wait_until (tell_citizen_row_is_new, window));
  /* The clerk reads the reply on its page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x",
                                             liaison_test_suggestion_id (fixture.station.store, fixture.suggestion_uuid)));
  g_assert_true (liaison_test_wait_until (no_unseen_replies, fixture.station.store));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-follow-up", NULL));
  g_assert_true (liaison_test_wait_until (tell_citizen_row_is_seen, window));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

#define SET_ASIDE_UUID "0badda7e-0000-4000-8000-000000000001"

/* Whether the main menu shows Records Set Aside (hidden when its action is
 * disabled). */
static gboolean
set_aside_enabled (gpointer window)
{
  return liaison_test_action_enabled (GTK_WIDGET (window), "win.set-aside-records");
}

static gboolean
is_expander_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* The sync status's tooltip says where the record set aside is listed. */
static gboolean
status_tells_set_aside (gpointer window)
{
  GtkWidget *box = liaison_test_get_by_id (liaison_test_get_by_id (window, "sync_status"), "box");
  const char *tooltip = gtk_widget_get_tooltip_text (box);

  return tooltip != NULL &&
         strstr (tooltip, "1 record from headquarters was set aside: Records Set Aside in the main menu.") != NULL;
}

/* (c) A record headquarters sent that this station cannot use: the sync
 * goes on, and Records Set Aside in the main menu lists it, with why. */
static void
run_set_aside (void)
{
  Fixture fixture;
  LiaisonWindow *window;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 deputy_id;

  fixture_set_up (&fixture);
  deputy_id = liaison_store_find_deputy (fixture.station.store, "张伟");
  g_array_append_val (reception->deputy_ids, deputy_id);
  reception->received_at = g_strdup ("2026-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture.station.store, "urban_construction");
  reception->summary = g_strdup ("小区路灯不亮");
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
  liaison_store_save_reception (fixture.station.store, reception, &error);
  g_assert_no_error (error);
  liaison_test_sync_ok (fixture.station.engine);
  /* As an older server stored it from another desk's push. */
  liaison_test_hq_store_copy (&fixture.hq, "小区路灯不亮", SET_ASIDE_UUID, 1, "json_set (data, '$.received_at', 'x')");
  window = liaison_window_new (NULL, fixture.station.store);
  liaison_window_set_sync_engine (window, fixture.station.engine);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_false (set_aside_enabled (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL));
  g_assert_true (liaison_test_wait_until (engine_idle, fixture.station.engine));
  g_assert_null (liaison_sync_engine_get_last_error (fixture.station.engine));
  g_assert_true (liaison_test_wait_until (set_aside_enabled, window));
  g_assert_true (liaison_test_wait_until (status_tells_set_aside, window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-aside-records", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_QUARANTINE_DIALOG);
  list = liaison_test_get_by_id (dialog, "list");
  g_assert_cmpuint (liaison_test_count_widgets (list, is_expander_row, NULL), ==, 1);
  row = liaison_test_find_widget (list, is_expander_row, NULL);
  text = liaison_test_text_under (row);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Reception · " SET_ASIDE_UUID));
  g_assert_nonnull (strstr (text, "received_at"));
  g_assert_nonnull (strstr (text, "headquarters will be told at the next sync"));
  {
    /* The row's name is its title and subtitle, as shown. */
    g_autofree char *sentence = g_strdup_printf ("%s. %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                 adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));

    name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
    g_assert_null (name);
    g_assert_nonnull (strstr (sentence, SET_ASIDE_UUID));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* The stations' keys go to a folder of the test's, not the keyring or
   * the user's own configuration (the cases' children inherit it). */
  config = liaison_test_private_keys ("liaison-ui-sync-config-XXXXXX");

  liaison_test_add_ui_case ("/ui/sync/startup-sync", run_startup_sync);
  liaison_test_add_ui_case ("/ui/sync/sync-now", run_sync_now);
  liaison_test_add_ui_case ("/ui/sync/set-aside", run_set_aside);

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
