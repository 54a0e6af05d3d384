/* test-ui-loop.c: the suggestion page's closed loop, driven through the
 * real window under Xvfb: the moves the person at the desk may make, the
 * move dialog, the timeline and the deadline pill.
 *
 * Each case runs in its own subprocess (GTK keeps global state) over a
 * temporary database with a station, deputies, handling units and one
 * suggestion.
 */
#define G_LOG_DOMAIN "test-ui-loop"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-move-dialog.h"
#include "liaison-picker-row.h"
#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-suggestion-detail.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-timeline.h"
#include "liaison-window.h"


#define UNIT_HOUSING "9e000000-0000-4000-8000-000000000001"
#define UNIT_TRANSPORT "9e000000-0000-4000-8000-000000000002"

typedef struct {
  char          *dir;
  LiaisonStore  *store;
  gint64         deputy_ids[2];
  gint64         suggestion_id;
  LiaisonWindow *window;
  GtkWidget     *detail;
} Fixture;

static void
fixture_set_up_kind (Fixture         *fixture,
                     LiaisonLoopKind  kind)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-loop-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, "相山区东山代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  fixture->deputy_ids[0] = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->deputy_ids[1] = liaison_test_add_deputy (fixture->store, "李秀英", LIAISON_DEPUTY_LEVEL_CITY);
  /* Reference data headquarters owns. */
  liaison_test_add_unit (fixture->store, UNIT_HOUSING, "市住房和城乡建设局", "department");
  liaison_test_add_unit (fixture->store, UNIT_TRANSPORT, "市交通运输局", "department");

  suggestion->category_id = liaison_store_find_category (fixture->store, "transport");
  suggestion->title = g_strdup ("增设公交站台");
  suggestion->content = g_strdup ("建议在濉溪路口增设公交站台，方便老人出行");
  suggestion->raised_by = g_strdup ("刘大爷");
  /* A deputy's own suggestion (议案建议): filed by 王建国, co-signed by 李秀英. */
  suggestion->kind = kind;
  if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    {
      suggestion->deputy_id = fixture->deputy_ids[0];
      g_array_append_val (suggestion->co_signer_ids, fixture->deputy_ids[1]);
    }
  g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
  g_assert_no_error (error);
  fixture->suggestion_id = suggestion->meta.id;
}

static void
fixture_set_up (Fixture *fixture)
{
  fixture_set_up_kind (fixture, LIAISON_LOOP_KIND_PUBLIC_OPINION);
}

static void
fixture_tear_down (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* Widget tree helpers */

/* The detail's move buttons, by move code, joined with ",". */
static char *
move_buttons (GtkWidget *detail)
{
  GtkWidget *box = liaison_test_get_by_id (detail, "moves_box");
  GString *codes = g_string_new (NULL);

  if (!gtk_widget_get_visible (box))
    return g_string_free (codes, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      LiaisonLoopMove move;

      g_assert_true (GTK_IS_BUTTON (child));
      /* The button says the move in words, the loop's own label. */
      g_assert_true (liaison_loop_move_from_code (gtk_widget_get_name (child), &move));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child)), ==, liaison_loop_move_label (move));
      if (codes->len > 0)
        g_string_append_c (codes, ',');
      g_string_append (codes, gtk_widget_get_name (child));
    }
  return g_string_free (codes, FALSE);
}

typedef struct {
  GtkWidget  *detail;
  const char *expected;
} MovesWait;

static gboolean
moves_are (gpointer data)
{
  MovesWait *wait = data;
  g_autofree char *moves = move_buttons (wait->detail);

  return g_strcmp0 (moves, wait->expected) == 0;
}

static void
assert_moves (GtkWidget  *detail,
              const char *expected)
{
  MovesWait wait = { detail, expected };

  if (!liaison_test_wait_until (moves_are, &wait))
    {
      g_autofree char *moves = move_buttons (detail);

      g_error ("The page offers the moves “%s”, not “%s”", moves, expected);
    }
}

static GtkWidget *
move_button (GtkWidget  *detail,
             const char *code)
{
  GtkWidget *box = liaison_test_get_by_id (detail, "moves_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), code) == 0)
      return child;
  g_error ("No button for the move “%s”", code);
  return NULL;
}

/* Presses the move's button and returns the dialog it opened. */
static GtkWidget *
open_move (GtkWidget  *detail,
           const char *code)
{
  GtkWidget *dialog;
  LiaisonLoopMove move;

  g_assert_true (liaison_loop_move_from_code (code, &move));
  g_assert_true (gtk_widget_activate (move_button (detail, code)));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_MOVE_DIALOG);
  g_assert_cmpint (liaison_move_dialog_get_move (LIAISON_MOVE_DIALOG (dialog)), ==, move);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (gtk_widget_get_root (detail)));
  return dialog;
}

typedef struct {
  LiaisonTimeline *timeline;
  guint            n;
} TimelineWait;

static gboolean
timeline_has (gpointer data)
{
  TimelineWait *wait = data;

  return liaison_timeline_get_n_events (wait->timeline) == wait->n;
}

/* Whether the timeline's first reply offers every file it lists. */
static gboolean
all_attachments_here (gpointer data)
{
  GtkWidget *row = liaison_timeline_get_row (data, 3);
  g_autofree char *text = row != NULL ? liaison_test_text_under (row) : NULL;

  return text != NULL && strstr (text, "现场照片.jpg") != NULL && strstr (text, "Arrives with the next sync") == NULL;
}

static LiaisonTimeline *
wait_timeline (GtkWidget *detail,
               guint      n)
{
  TimelineWait wait = { LIAISON_TIMELINE (liaison_test_get_by_id (detail, "timeline")), n };

  if (!liaison_test_wait_until (timeline_has, &wait))
    g_error ("The timeline shows %u moves, not %u", liaison_timeline_get_n_events (wait.timeline), n);
  return wait.timeline;
}

static gint64
count_events (Fixture *fixture)
{
  return liaison_test_count_rows (fixture->store, "suggestion_events");
}

static char *
deputy_uuid (Fixture *fixture,
             guint    index)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (fixture->store, fixture->deputy_ids[index], NULL);

  g_assert_nonnull (deputy);
  return g_strdup (deputy->meta.uuid);
}

/* Records a move through the store: this replica's own side's at its
 * desk (pending push), the other side's as if pulled. */
static void
add_event (Fixture          *fixture,
           LiaisonLoopEvent *event,
           GDateTime        *at)
{
  if (at != NULL)
    event->at = g_date_time_ref (at);
  liaison_test_record_event (fixture->store, fixture->suggestion_id, event);
}

/* The desk's user becomes the fixture's deputy @i, at the desk and in
 * the store. */
static void
act_as_deputy (Fixture *fixture,
               guint    i)
{
  liaison_actor_set_current (fixture->store, LIAISON_LOOP_ROLE_DEPUTY, NULL, fixture->deputy_ids[i]);
  liaison_test_act_as_deputy_id (fixture->store, fixture->deputy_ids[i]);
}

/* Headquarters referred the suggestion to the transport bureau, due in
 * three months, and recorded the bureau's reply today. */
static void
refer_and_reply (Fixture *fixture)
{
  g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) reply = liaison_loop_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);
  GDate today;

  liaison_date_set_today (&today);
  refer->actor_name = g_strdup ("市人大代表工委");
  refer->lead_unit_uuid = g_strdup (UNIT_TRANSPORT);
  refer->due_date = today;
  g_date_add_months (&refer->due_date, 3);
  add_event (fixture, refer, NULL);
  reply->actor_name = g_strdup ("市人大代表工委");
  reply->replying_unit_uuid = g_strdup (UNIT_TRANSPORT);
  reply->reply_text = g_strdup ("已列入明年公交站点建设计划。");
  reply->reply_date = today;
  add_event (fixture, reply, NULL);
}

static void
take_up (Fixture   *fixture,
         GDateTime *at)
{
  g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->actor_name = g_strdup ("王建国");
  event->deputy_uuid = deputy_uuid (fixture, 0);
  add_event (fixture, event, at);
}

static gboolean
detail_shows (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (fixture->detail) &&
         liaison_suggestion_detail_get_suggestion_id (LIAISON_SUGGESTION_DETAIL (fixture->detail)) == fixture->suggestion_id &&
         gtk_widget_get_mapped (liaison_test_get_by_id (fixture->detail, "timeline"));
}

/* Opens the real window on the suggestion's page. */
static GtkWidget *
open_page (Fixture *fixture)
{
  fixture->window = liaison_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-suggestion", "x",
                                             fixture->suggestion_id));
  fixture->detail = liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (fixture->window), "suggestions_page"), "detail");
  g_assert_true (liaison_test_wait_until (detail_shows, fixture));
  return fixture->detail;
}

/* (a) The buttons are exactly the moves the person at the desk may make:
 * station staff may only withdraw a registered suggestion; a deputy may
 * take it up or answer it on the spot. */
static void
run_moves_by_actor (void)
{
  Fixture fixture = { NULL };
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  g_autofree char *row_text = NULL;

  fixture_set_up (&fixture);
  detail = open_page (&fixture);

  /* Nobody said who is at the desk: a login ("root") is no name for the
   * timeline; the account's full name is, or else the role's words. */
  {
    g_autoptr(LiaisonActor) actor = liaison_actor_get_current (fixture.store);

    g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_STATION);
    g_assert_cmpstr (actor->name, !=, g_get_user_name ());
    g_assert_cmpuint (strlen (actor->name), >, 0);
  }

  liaison_test_assert_label (detail, "state_label", "Registered");
  assert_moves (detail, "withdraw");
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (detail, "deadline_box")));
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (detail, "round_label")));
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (detail, "key_supervision_label")));

  /* The register move heads the timeline, with who and in which role. */
  timeline = wait_timeline (detail, 1);
  row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, 0));
  g_assert_nonnull (strstr (row_text, "Registered"));
  /* Registered by the station, not by the citizen who raised it. */
  g_assert_nonnull (strstr (row_text, "相山区东山代表联络站 · Station staff · "));
  g_assert_null (strstr (row_text, "刘大爷"));

  act_as_deputy (&fixture, 1);
  assert_moves (detail, "take_up,answer_on_spot");

  liaison_actor_set_current (fixture.store, LIAISON_LOOP_ROLE_STATION, "张敏", 0);
  assert_moves (detail, "withdraw");

  fixture_tear_down (&fixture);
}

/* (b) A deputy takes it up through the dialog: the move is recorded in
 * their name, the timeline grows, and the buttons follow. */
static void
run_take_up (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_text = NULL;
  g_autofree char *li_uuid = NULL;
  const LiaisonLoopEvent *event;
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  GtkWidget *dialog;
  GtkWidget *own_row;

  fixture_set_up (&fixture);
  act_as_deputy (&fixture, 1);
  detail = open_page (&fixture);
  assert_moves (detail, "take_up,answer_on_spot");

  dialog = open_move (detail, "take_up");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Take up");
  /* The deputy at the desk takes it up in their own name: no one else is
   * offered. */
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "deputy_row")));
  own_row = liaison_test_get_by_id (dialog, "own_deputy_row");
  g_assert_true (gtk_widget_get_mapped (own_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (own_row)), ==, "李秀英");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "note_row")), "下周约交通局现场查看");

  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  g_assert_cmpint (count_events (&fixture), ==, 1);
  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  li_uuid = deputy_uuid (&fixture, 1);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_TAKE_UP);
  g_assert_cmpint (event->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
  g_assert_cmpstr (event->actor_name, ==, "李秀英");
  g_assert_cmpstr (event->deputy_uuid, ==, li_uuid);
  g_assert_cmpstr (event->note, ==, "下周约交通局现场查看");

  /* The page follows: a second row, the new state, no more deputy moves. */
  timeline = wait_timeline (detail, 2);
  row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, 1));
  g_assert_nonnull (strstr (row_text, "Taken up by a deputy\n"));
  g_assert_nonnull (strstr (row_text, "李秀英 · Deputy · "));
  g_assert_nonnull (strstr (row_text, "下周约交通局现场查看"));
  liaison_test_assert_label (detail, "state_label", "Taken up");
  assert_moves (detail, "");
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (detail, "no_moves_label")));

  /* Station staff may still withdraw it. */
  liaison_actor_set_current (fixture.store, LIAISON_LOOP_ROLE_STATION, "张敏", 0);
  assert_moves (detail, "withdraw");

  fixture_tear_down (&fixture);
}

static gboolean
pill_shown (gpointer data)
{
  return gtk_widget_get_mapped (liaison_test_get_by_id (GTK_WIDGET (data), "deadline_label"));
}

/* (c) Headquarters refers it: the due date is filled in from the rules,
 * and once saved the pill says how many days are left. */
static void
run_refer_at_hq (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *expected_words = NULL;
  g_autofree char *row_text = NULL;
  const LiaisonLoopEvent *event;
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  GtkWidget *dialog;
  GtkWidget *co_units;
  GtkWidget *pill;
  GtkWidget *check = NULL;
  GDate today, due;
  int days;

  fixture_set_up (&fixture);
  take_up (&fixture, NULL);
  liaison_test_enroll_as_hq (fixture.store);
  detail = open_page (&fixture);
  assert_moves (detail, "refer,supervise");

  dialog = open_move (detail, "refer");
  liaison_date_set_today (&today);
  liaison_store_default_due_date (fixture.store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &today, &due);
  due_text = liaison_date_to_iso (&due);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "due_row"))), ==, due_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (liaison_test_get_by_id (dialog, "due_hint_label"))),
                   ==, "Time limit: 15 working days from today");
  /* 15 working days are at least three weeks of calendar days. */
  days = g_date_days_between (&today, &due);
  g_assert_cmpint (days, >=, 19);

  /* The transport bureau leads; the housing bureau helps. The units are
   * listed by name: 市交通运输局 sorts after 市住房和城乡建设局 or not, so
   * look them up. */
  {
    GListModel *units = liaison_picker_row_get_model (LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row")));
    guint transport = GTK_INVALID_LIST_POSITION;
    guint housing = GTK_INVALID_LIST_POSITION;

    g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);
    for (guint i = 0; i < 2; i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (units), i), "市交通运输局") == 0)
        transport = i;
      else
        housing = i;
    g_assert_cmpuint (transport, !=, GTK_INVALID_LIST_POSITION);
    liaison_picker_row_set_selected (LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row")), transport);

    co_units = liaison_test_get_by_id (dialog, "co_units_list");
    g_assert_true (gtk_widget_get_mapped (co_units));
    for (GtkWidget *row = gtk_widget_get_first_child (co_units); row; row = gtk_widget_get_next_sibling (row))
      if ((guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) == housing)
        check = row;
    g_assert_nonnull (check);
    /* The lead unit's own box is locked. */
    g_assert_true (gtk_widget_is_sensitive (check));
    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (co_units),
                                                                                        (int) transport))));
    g_assert_true (gtk_widget_activate (check));
  }

  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  event = g_ptr_array_index (events, 2);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_REFER);
  g_assert_cmpint (event->role, ==, LIAISON_LOOP_ROLE_HQ);
  g_assert_cmpstr (event->lead_unit_uuid, ==, UNIT_TRANSPORT);
  g_assert_nonnull (event->co_unit_uuids);
  g_assert_cmpuint (g_strv_length (event->co_unit_uuids), ==, 1);
  g_assert_cmpstr (event->co_unit_uuids[0], ==, UNIT_HOUSING);
  g_assert_cmpint (g_date_compare (&event->due_date, &due), ==, 0);

  /* The pill, in words and in the on-track colour. */
  g_assert_true (liaison_test_wait_until (pill_shown, detail));
  expected_words = g_strdup_printf ("%d days left", days);
  liaison_test_assert_label (detail, "deadline_label", expected_words);
  pill = liaison_test_get_by_id (detail, "deadline_label");
  g_assert_true (gtk_widget_has_css_class (pill, "deadline-on-track"));
  g_assert_false (gtk_widget_has_css_class (pill, "deadline-overdue"));
  {
    g_autofree char *due_on = g_strdup_printf ("Due on %s", due_text);

    liaison_test_assert_label (detail, "due_label", due_on);
  }
  liaison_test_assert_label (detail, "state_label", "Referred");
  assert_moves (detail, "start,reply,supervise");

  /* The timeline names the units. */
  timeline = wait_timeline (detail, 3);
  row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, 2));
  g_assert_nonnull (strstr (row_text, "Lead unit: 市交通运输局"));
  g_assert_nonnull (strstr (row_text, "Co-units: 市住房和城乡建设局"));
  g_assert_nonnull (strstr (row_text, "Headquarters"));

  fixture_tear_down (&fixture);
}

/* (d) Withdrawing without a reason is refused inside the dialog, which
 * stays open, and nothing is written; with one it is recorded. */
static void
run_withdraw_needs_reason (void)
{
  Fixture fixture = { NULL };
  GtkWidget *detail;
  GtkWidget *dialog;
  GtkWidget *error_label;

  fixture_set_up (&fixture);
  detail = open_page (&fixture);
  assert_moves (detail, "withdraw");
  g_assert_cmpint (count_events (&fixture), ==, 0);

  dialog = open_move (detail, "withdraw");
  error_label = liaison_test_get_by_id (dialog, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "note_row")));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "reason_row")), "   ");

  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  liaison_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "Say why the suggestion is withdrawn.");
  g_assert_true (liaison_test_find_toplevel (LIAISON_TYPE_MOVE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_cmpint (count_events (&fixture), ==, 0);
  wait_timeline (detail, 1);

  /* Typing clears the message; a reason records the move. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "reason_row")), "群众已自行解决");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));
  g_assert_cmpint (count_events (&fixture), ==, 1);

  wait_timeline (detail, 2);
  liaison_test_assert_label (detail, "state_label", "Withdrawn");
  assert_moves (detail, "");
  liaison_test_assert_label (detail, "no_moves_label", "This suggestion is finished: nothing more can be recorded.");

  fixture_tear_down (&fixture);
}

/* (e) A suggestion referred weeks ago and due five days ago: the pill
 * says so in words and in the overdue colour; key supervision shows. */
static void
run_overdue (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) registered = g_date_time_add_days (now, -40);
  g_autoptr(GDateTime) taken = g_date_time_add_days (now, -30);
  g_autoptr(GDateTime) referred = g_date_time_add_days (now, -25);
  g_autoptr(GDateTime) supervised = g_date_time_add_days (now, -1);
  g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) supervise = liaison_loop_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(GError) error = NULL;
  g_autofree char *created = g_date_time_format (registered, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *sql = NULL;
  GtkWidget *detail;
  GtkWidget *pill;
  GDate today;

  fixture_set_up (&fixture);
  /* Registered 40 days ago, as if logged then. */
  sql = g_strdup_printf ("UPDATE suggestions SET created_at = '%s' WHERE id = %" G_GINT64_FORMAT,
                         created, fixture.suggestion_id);
  g_assert_true (liaison_store_exec (fixture.store, sql, &error));
  g_assert_no_error (error);

  take_up (&fixture, taken);
  refer->actor_name = g_strdup ("市人大代表工委");
  refer->lead_unit_uuid = g_strdup (UNIT_HOUSING);
  liaison_date_set_today (&today);
  refer->due_date = today;
  g_date_subtract_days (&refer->due_date, 5);
  add_event (&fixture, refer, referred);
  supervise->actor_name = g_strdup ("市人大代表工委");
  supervise->note = g_strdup ("已超期，请加快办理");
  supervise->key_supervision = TRUE;
  add_event (&fixture, supervise, supervised);

  detail = open_page (&fixture);
  wait_timeline (detail, 4);
  liaison_test_assert_label (detail, "state_label", "Referred");
  liaison_test_assert_label (detail, "deadline_label", "Overdue by 5 days");
  pill = liaison_test_get_by_id (detail, "deadline_label");
  g_assert_true (gtk_widget_has_css_class (pill, "deadline-overdue"));
  g_assert_false (gtk_widget_has_css_class (pill, "deadline-on-track"));
  liaison_test_assert_label (detail, "key_supervision_label", "Key supervision");
  /* Station staff have nothing to do while the unit handles it, but may withdraw. */
  assert_moves (detail, "withdraw");

  fixture_tear_down (&fixture);
}

static gboolean
no_unseen_replies (gpointer data)
{
  Fixture *fixture = data;

  return liaison_store_count_unseen_replies (fixture->store, NULL) == 0;
}

static gboolean
detail_holds_suggestion (gpointer data)
{
  Fixture *fixture = data;

  return liaison_suggestion_detail_get_suggestion_id (LIAISON_SUGGESTION_DETAIL (fixture->detail)) ==
         fixture->suggestion_id &&
         liaison_timeline_get_n_events (LIAISON_TIMELINE (liaison_test_get_by_id (fixture->detail, "timeline"))) > 0;
}

/* (f) A reply that arrived by sync stays unseen while the window shows
 * another page, however often the suggestion's detail reloads behind it;
 * bringing the suggestion's page into view lets the station's badge go. */
static void
run_reply_seen (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  AdwViewStack *view_stack;

  fixture_set_up (&fixture);
  /* As a pulled reply leaves it. */
  sql = g_strdup_printf ("UPDATE suggestions SET reply_unseen = 1 WHERE id = %" G_GINT64_FORMAT, fixture.suggestion_id);
  g_assert_true (liaison_store_exec (fixture.store, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture.store, &error), ==, 1);

  /* The window opens on the receptions; the suggestions list selects its
   * newest row, so the detail loads the suggestion out of sight. */
  fixture.window = liaison_window_new (NULL, fixture.store);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture.window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, fixture.window));
  view_stack = ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (fixture.window), "view_stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "receptions");
  fixture.detail = liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (fixture.window), "suggestions_page"), "detail");
  g_assert_true (liaison_test_wait_until (detail_holds_suggestion, &fixture));
  g_assert_false (gtk_widget_get_mapped (fixture.detail));

  /* A move from elsewhere reloads it, still out of sight. */
  take_up (&fixture, NULL);
  wait_timeline (fixture.detail, 2);
  liaison_test_spin (200);
  g_assert_cmpuint (liaison_store_count_unseen_replies (fixture.store, &error), ==, 1);
  g_assert_no_error (error);

  /* Someone looks at it. */
  adw_view_stack_set_visible_child_name (view_stack, "suggestions");
  g_assert_true (liaison_test_wait_until (detail_shows, &fixture));
  g_assert_true (liaison_test_wait_until (no_unseen_replies, &fixture));

  fixture_tear_down (&fixture);
}

/* (h) A deputy answering on the spot answers in their own name; nothing
 * in the dialog can put the answer in another deputy's. */
static void
run_answer_in_own_name (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *li_uuid = NULL;
  const LiaisonLoopEvent *event;
  GtkWidget *detail;
  GtkWidget *dialog;
  GtkWidget *deputy_row;

  fixture_set_up (&fixture);
  act_as_deputy (&fixture, 1);
  detail = open_page (&fixture);
  assert_moves (detail, "take_up,answer_on_spot");

  dialog = open_move (detail, "answer_on_spot");
  deputy_row = liaison_test_get_by_id (dialog, "deputy_row");
  g_assert_false (gtk_widget_get_mapped (deputy_row));
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "own_deputy_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (liaison_test_get_by_id (dialog, "own_deputy_row"))), ==, "李秀英");
  /* Even a roster put behind the hidden row, with another deputy chosen,
   * changes nothing. */
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { "王建国", "李秀英", NULL });

    liaison_picker_row_set_model (LIAISON_PICKER_ROW (deputy_row), G_LIST_MODEL (names));
    liaison_picker_row_set_selected (LIAISON_PICKER_ROW (deputy_row), 0);
  }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (liaison_test_get_by_id (dialog, "answer_view"))),
                            "已当场解释公交站台规划。", -1);
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  li_uuid = deputy_uuid (&fixture, 1);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_ANSWER_ON_SPOT);
  g_assert_cmpstr (event->deputy_uuid, ==, li_uuid);
  g_assert_cmpstr (event->actor_name, ==, "李秀英");
  g_assert_cmpstr (event->answer, ==, "已当场解释公交站台规划。");

  fixture_tear_down (&fixture);
}

/* The uuid of the @index-th move of the timeline. */
static char *
event_uuid (Fixture *fixture,
            guint    index)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = liaison_store_list_suggestion_events (fixture->store, fixture->suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, index);
  return g_strdup (((LiaisonLoopEvent *) g_ptr_array_index (events, index))->uuid);
}

static void
set_event_sync_state (Fixture    *fixture,
                      guint       index,
                      const char *assignments)
{
  g_autofree char *uuid = event_uuid (fixture, index);
  g_autofree char *sql = g_strdup_printf ("UPDATE suggestion_events SET %s WHERE uuid = '%s'", assignments, uuid);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
}

/* The @index-th row of @timeline shows @text (if not NULL) and never
 * @absent (if not NULL); no row says both sync notes. */
static void
assert_row_says (LiaisonTimeline *timeline,
                 guint            index,
                 const char      *text,
                 const char      *absent)
{
  g_autofree char *row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, index));

  if (text != NULL && strstr (row_text, text) == NULL)
    g_error ("Row %u of the timeline does not say “%s”:\n%s", index, text, row_text);
  if (absent != NULL && strstr (row_text, absent) != NULL)
    g_error ("Row %u of the timeline says “%s”:\n%s", index, absent, row_text);
  if (text == NULL)
    {
      g_assert_null (strstr (row_text, "Not sent to headquarters yet"));
      g_assert_null (strstr (row_text, "Headquarters refused"));
    }
}

/* The label under @row with @css_class, or NULL. */
/* A label styled @css_class. */
static gboolean
is_label_with_class (GtkWidget     *widget,
                     gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_with_class (GtkWidget  *row,
                 const char *css_class)
{
  return liaison_test_find_widget (row, is_label_with_class, css_class);
}

/* (i) The timeline says which moves recorded here headquarters has not
 * taken: one refused (with the server's reason, as an error), one waiting
 * to be sent; one acknowledged and those pulled from headquarters say
 * nothing. */
static void
run_sync_notes (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) supervise = liaison_loop_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);
  g_autoptr(LiaisonLoopEvent) withdraw = liaison_loop_event_new (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION);
  g_autoptr(GHashTable) unsent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *take_up_uuid = NULL;
  g_autofree char *withdraw_uuid = NULL;
  LiaisonTimeline *timeline;
  GtkWidget *refused;
  GtkWidget *detail;
  GDate today;

  /* The moves of a station not yet enrolled, and headquarters' as pulled. */
  fixture_set_up (&fixture);
  take_up (&fixture, NULL);
  liaison_date_set_today (&today);
  refer->actor_name = g_strdup ("市人大代表工委");
  refer->lead_unit_uuid = g_strdup (UNIT_TRANSPORT);
  refer->due_date = today;
  g_date_add_days (&refer->due_date, 30);
  add_event (&fixture, refer, NULL);
  supervise->actor_name = g_strdup ("市人大代表工委");
  supervise->note = g_strdup ("请按期答复");
  add_event (&fixture, supervise, NULL);
  withdraw->actor_name = g_strdup ("张敏");
  withdraw->reason = g_strdup ("群众已自行解决");
  add_event (&fixture, withdraw, NULL);

  /* The take-up was refused; the withdrawal waits. */
  set_event_sync_state (&fixture, 1, "sync_state = 2, sync_error = '该代表不属于本联络站'");
  take_up_uuid = event_uuid (&fixture, 1);
  withdraw_uuid = event_uuid (&fixture, 4);
  unsent = liaison_store_list_unsent_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (unsent), ==, 2);
  g_assert_true (g_hash_table_contains (unsent, withdraw_uuid));
  g_assert_null (g_hash_table_lookup (unsent, withdraw_uuid));
  g_assert_cmpstr (g_hash_table_lookup (unsent, take_up_uuid), ==, "该代表不属于本联络站");

  detail = open_page (&fixture);
  timeline = wait_timeline (detail, 5);
  assert_row_says (timeline, 1, "Headquarters refused this step: 该代表不属于本联络站", "Not sent to headquarters yet");
  refused = find_with_class (liaison_timeline_get_row (timeline, 1), "timeline-refused");
  g_assert_nonnull (refused);
  g_assert_true (gtk_widget_has_css_class (refused, "error"));
  g_assert_true (gtk_widget_get_mapped (refused));
  assert_row_says (timeline, 2, NULL, NULL);
  assert_row_says (timeline, 3, "请按期答复", NULL);
  assert_row_says (timeline, 4, "Not sent to headquarters yet", "Headquarters refused");

  /* Headquarters took the withdrawal: its note goes. */
  set_event_sync_state (&fixture, 4, "sync_state = 0, server_version = 1");
  liaison_suggestion_detail_set_suggestion_id (LIAISON_SUGGESTION_DETAIL (detail), 0);
  liaison_suggestion_detail_set_suggestion_id (LIAISON_SUGGESTION_DETAIL (detail), fixture.suggestion_id);
  timeline = wait_timeline (detail, 5);
  assert_row_says (timeline, 4, "群众已自行解决", "Not sent to headquarters yet");

  fixture_tear_down (&fixture);
}

/* (g) A deputy's suggestion: the page names the filer and co-signers;
 * only the filer may rate it, and the rating is blind, naming nobody. */
static void
run_blind_rating (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_text = NULL;
  const LiaisonLoopEvent *event;
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  GtkWidget *dialog;

  fixture_set_up_kind (&fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  refer_and_reply (&fixture);

  /* A co-signer is not the one who rates it. */
  act_as_deputy (&fixture, 1);
  detail = open_page (&fixture);
  wait_timeline (detail, 3);
  assert_moves (detail, "");
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (detail, "filer_info")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (liaison_test_get_by_id (detail, "filer_info"))), ==, "王建国");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (liaison_test_get_by_id (detail, "co_signers_info"))), ==, "李秀英");
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (detail, "raised_by_info")));

  act_as_deputy (&fixture, 0);
  assert_moves (detail, "rate,withdraw");
  dialog = open_move (detail, "rate");
  g_assert_false (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "rated_by_row")));
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "blind_label")));

  /* No rating chosen: said in the dialog, nothing written. */
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  liaison_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "error_label")));
  g_assert_cmpint (count_events (&fixture), ==, 2);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "basically_check")), TRUE);
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  event = g_ptr_array_index (events, 3);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_RATE);
  g_assert_cmpint (event->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
  g_assert_cmpint (event->rating, ==, LIAISON_LOOP_RATING_BASICALLY_SATISFIED);
  g_assert_null (event->actor_name);
  g_assert_null (event->rated_by);

  timeline = wait_timeline (detail, 4);
  row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, 3));
  g_assert_nonnull (strstr (row_text, "Rated: Basically satisfied"));
  g_assert_nonnull (strstr (row_text, "Rated without a name · Deputy · "));
  g_assert_null (strstr (row_text, "王建国"));
  liaison_test_assert_label (detail, "state_label", "Rated");

  fixture_tear_down (&fixture);
}

static gboolean
box_has_height (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

/* The moves appear when the one at the desk may make some where, a moment
 * before, they might make none: the suggestions page got its store after
 * the window's first frame (the start, docs/benchmarks.md), so the box of
 * moves was laid out empty first; shown again, it must be given its
 * buttons' height, not the empty box's (GTK warned of a negative height,
 * and the buttons were drawn squashed to nothing). */
static void
run_moves_appear (void)
{
  Fixture fixture = { NULL };
  GtkWidget *detail;
  GtkWidget *box;

  fixture_set_up_kind (&fixture, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  refer_and_reply (&fixture);

  /* A co-signer: nothing to record. */
  act_as_deputy (&fixture, 1);
  detail = open_page (&fixture);
  wait_timeline (detail, 3);
  assert_moves (detail, "");
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (detail, "no_moves_label")));

  /* The filer: rate or withdraw, as buttons of their full height. */
  act_as_deputy (&fixture, 0);
  assert_moves (detail, "rate,withdraw");
  box = liaison_test_get_by_id (detail, "moves_box");
  g_assert_true (gtk_widget_get_mapped (box));
  /* Laid out (a busy machine may take a while to). */
  g_assert_true (liaison_test_wait_until (box_has_height, box));
  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    {
      graphene_rect_t bounds;
      int minimum;

      /* Both with the button's padding and border. */
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (button, button, &bounds));
      g_assert_cmpint (minimum, >, 0);
      g_assert_cmpfloat (bounds.size.height, >=, minimum);
      g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_first_child (button)), >, 0);
    }

  fixture_tear_down (&fixture);
}

/* Attachments */

/* Writes @contents (@length bytes) to @name in the fixture's folder. */
static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

typedef struct {
  GtkWidget *list;
  guint      n;
} RowsWait;

static gboolean
rows_are (gpointer data)
{
  RowsWait *wait = data;

  return count_rows (wait->list) == wait->n;
}

/* The @index-th attached file of the reply dialog says @name and @size. */
static void
assert_attachment_row (GtkWidget  *list,
                       guint       index,
                       const char *name,
                       gsize       size)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) index);
  g_autofree char *size_text = g_format_size (size);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, size_text);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_nonnull (liaison_test_find_by_name (GTK_WIDGET (row), "remove-attachment"));
}

/* Headquarters' desk, with a suggestion a deputy took up and
 * headquarters referred: the reply is next. */
static void
set_up_referred_at_hq (Fixture *fixture)
{
  g_autoptr(LiaisonLoopEvent) refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);

  fixture_set_up (fixture);
  take_up (fixture, NULL);
  liaison_test_enroll_as_hq (fixture->store);
  refer->actor_name = g_strdup ("市人大代表工委");
  refer->lead_unit_uuid = g_strdup (UNIT_TRANSPORT);
  liaison_date_set_today (&refer->due_date);
  g_date_add_days (&refer->due_date, 30);
  add_event (fixture, refer, NULL);
}

/* (j) Headquarters attaches the unit's files to the reply: each is listed
 * with its size as it is chosen, once however often; one taken off is not
 * sent; an empty file is refused in the dialog and not listed. The reply
 * lists exactly the files left, by checksum and name, and the file is in
 * the store. */
static void
run_reply_attachments (void)
{
  static const char letter[] = "关于在濉溪路口增设公交站台的答复：已列入明年建设计划。";
  static const char photo[] = "\xff\xd8\xff\xe0 not really a JPEG, but bytes all the same";
  Fixture fixture = { NULL };
  g_autoptr(GFile) letter_file = NULL;
  g_autoptr(GFile) photo_file = NULL;
  g_autoptr(GFile) empty_file = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *letter_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) letter, strlen (letter));
  g_autofree char *stored_path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *row_text = NULL;
  const LiaisonLoopEvent *event;
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *error_label;
  GtkWidget *remove;
  gsize stored_length = 0;

  set_up_referred_at_hq (&fixture);
  letter_file = write_file (&fixture, "答复函.txt", letter, strlen (letter));
  photo_file = write_file (&fixture, "现场照片.jpg", photo, sizeof photo - 1);
  empty_file = write_file (&fixture, "空白.txt", "", 0);

  detail = open_page (&fixture);
  assert_moves (detail, "start,reply,supervise");
  dialog = open_move (detail, "reply");
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "attachments_group")));
  g_assert_true (gtk_widget_get_mapped (liaison_test_get_by_id (dialog, "attach_button")));
  list = liaison_test_get_by_id (dialog, "attachments_list");
  error_label = liaison_test_get_by_id (dialog, "error_label");
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (list));

  /* Two files, listed in the order chosen; the letter again changes nothing. */
  g_assert_true (liaison_move_dialog_attach_file (LIAISON_MOVE_DIALOG (dialog), letter_file, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_move_dialog_attach_file (LIAISON_MOVE_DIALOG (dialog), photo_file, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_move_dialog_attach_file (LIAISON_MOVE_DIALOG (dialog), letter_file, &error));
  g_assert_no_error (error);
  liaison_test_spin (50);
  g_assert_cmpuint (count_rows (list), ==, 2);
  assert_attachment_row (list, 0, "答复函.txt", strlen (letter));
  assert_attachment_row (list, 1, "现场照片.jpg", sizeof photo - 1);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* The photo is taken off with its own button. */
  remove = liaison_test_find_by_name (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1)), "remove-attachment");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove 现场照片.jpg");
  g_assert_true (gtk_widget_activate (remove));
  {
    RowsWait wait = { list, 1 };

    g_assert_true (liaison_test_wait_until (rows_are, &wait));
  }
  assert_attachment_row (list, 0, "答复函.txt", strlen (letter));

  /* An empty file: said in the dialog, nothing listed. */
  g_assert_false (liaison_move_dialog_attach_file (LIAISON_MOVE_DIALOG (dialog), empty_file, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  liaison_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, error->message);
  g_assert_nonnull (strstr (error->message, "空白.txt"));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_clear_error (&error);

  /* Only the unit it was referred to can have replied: 市交通运输局, not
   * the housing bureau the desk also knows. */
  {
    GListModel *units = liaison_picker_row_get_model (LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "replying_unit_row")));

    g_assert_cmpuint (g_list_model_get_n_items (units), ==, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (units), 0), ==, "市交通运输局");
  }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (liaison_test_get_by_id (dialog, "reply_text_view"))),
                            "已列入明年公交站点建设计划。", -1);
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  events = liaison_store_list_suggestion_events (fixture.store, fixture.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  event = g_ptr_array_index (events, 3);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_REPLY);
  g_assert_cmpstr (event->replying_unit_uuid, ==, UNIT_TRANSPORT);
  g_assert_nonnull (event->attachments);
  g_assert_cmpuint (g_strv_length (event->attachments), ==, 1);
  g_assert_cmpstr (event->attachments[0], ==, letter_sha);
  g_assert_nonnull (event->attachment_names);
  g_assert_cmpuint (g_strv_length (event->attachment_names), ==, 1);
  g_assert_cmpstr (event->attachment_names[0], ==, "答复函.txt");

  /* The store holds the letter's bytes, to send before the move. */
  stored_path = liaison_store_get_attachment_path (fixture.store, letter_sha);
  g_assert_nonnull (stored_path);
  g_assert_true (g_file_get_contents (stored_path, &stored, &stored_length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (stored, stored_length, letter, strlen (letter));

  /* The timeline lists it, to open. */
  timeline = wait_timeline (detail, 4);
  row_text = liaison_test_text_under (liaison_timeline_get_row (timeline, 3));
  g_assert_nonnull (strstr (row_text, "1 attachment\n答复函.txt\n"));
  g_assert_null (strstr (row_text, "现场照片.jpg"));
  g_assert_cmpuint (liaison_test_count_widgets (liaison_timeline_get_row (timeline, 3), liaison_test_has_name, "open-attachment"), ==, 1);

  fixture_tear_down (&fixture);
}

/* The line of @row's attachment named @name. */
/* A file's line in a reply's attachment list, named @name. */
static gboolean
is_attachment_line (GtkWidget     *widget,
                    gconstpointer  name)
{
  g_autofree char *text = NULL;

  if (!gtk_widget_has_css_class (widget, "timeline-attachment"))
    return FALSE;
  text = liaison_test_text_under (widget);
  return g_str_has_prefix (text, name) && text[strlen (name)] == '\n';
}

static GtkWidget *
attachment_line (GtkWidget  *row,
                 const char *name)
{
  return liaison_test_find_widget (row, is_attachment_line, name);
}

/* An attachment here: its name, its size, and a button that opens it. */
static void
assert_attachment_here (GtkWidget  *row,
                        const char *name,
                        gsize       size)
{
  GtkWidget *line = attachment_line (row, name);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *size_text = g_format_size (size);
  GtkWidget *open;

  if (line == NULL)
    {
      g_autofree char *row_text = liaison_test_text_under (row);

      g_error ("The timeline lists no attachment “%s”:\n%s", name, row_text);
    }
  text = liaison_test_text_under (line);
  expected = g_strdup_printf ("%s\n%s\n", name, size_text);
  g_assert_cmpstr (text, ==, expected);
  open = liaison_test_find_by_name (line, "open-attachment");
  g_assert_nonnull (open);
  g_assert_true (GTK_IS_BUTTON (open));
  g_assert_true (gtk_widget_get_mapped (open));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (open)), ==, "document-open-symbolic");
  g_assert_nonnull (gtk_widget_get_tooltip_text (open));
}

/* An attachment not here yet: its name, when it comes, and no button. */
static void
assert_attachment_missing (GtkWidget  *row,
                           const char *name)
{
  GtkWidget *line = attachment_line (row, name);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *note;

  g_assert_nonnull (line);
  text = liaison_test_text_under (line);
  expected = g_strdup_printf ("%s\nArrives with the next sync\n", name);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (liaison_test_find_by_name (line, "open-attachment"));
  note = find_with_class (line, "timeline-attachment-missing");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_has_css_class (note, "dim-label"));
  g_assert_true (gtk_widget_get_mapped (note));
}

static LiaisonLoopEvent *
reply_event (const char * const *attachments,
             const char * const *names)
{
  LiaisonLoopEvent *reply = liaison_loop_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);

  reply->actor_name = g_strdup ("市人大代表工委");
  reply->replying_unit_uuid = g_strdup (UNIT_TRANSPORT);
  reply->reply_text = g_strdup ("已列入明年公交站点建设计划。");
  liaison_date_set_today (&reply->reply_date);
  reply->attachments = g_strdupv ((char **) attachments);
  reply->attachment_names = g_strdupv ((char **) names);
  return reply;
}

static LiaisonLoopEvent *
refer_event (void)
{
  LiaisonLoopEvent *refer = liaison_loop_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ);

  refer->actor_name = g_strdup ("市人大代表工委");
  refer->lead_unit_uuid = g_strdup (UNIT_TRANSPORT);
  liaison_date_set_today (&refer->due_date);
  g_date_add_days (&refer->due_date, 30);
  return refer;
}

/* (k) At a station, replies pulled from headquarters list their files:
 * one that came is named with its size and opens; one still to come says
 * it arrives with the next sync, with no button; a reply without names
 * numbers its files. Once the file comes, it opens too. */
static void
run_timeline_attachments (void)
{
  static const char letter[] = "关于增设公交站台的答复函";
  static const char photo[] = "现场照片的字节";
  Fixture fixture = { NULL };
  g_autoptr(GBytes) letter_bytes = g_bytes_new_static (letter, strlen (letter));
  g_autoptr(GBytes) photo_bytes = g_bytes_new_static (photo, strlen (photo));
  g_autofree char *letter_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, letter_bytes);
  g_autofree char *photo_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo_bytes);
  g_autoptr(LiaisonLoopEvent) rate = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *row_text = NULL;
  LiaisonTimeline *timeline;
  GtkWidget *detail;
  GtkWidget *row;

  fixture_set_up (&fixture);
  take_up (&fixture, NULL);
  /* The letter came with the last sync; the photo has not yet. */
  g_assert_true (liaison_store_save_received_attachment (fixture.store, letter_sha, letter_bytes, &error));
  g_assert_no_error (error);
  liaison_test_add_event (fixture.store, fixture.suggestion_id, refer_event ());
  liaison_test_add_event (fixture.store, fixture.suggestion_id,
                          reply_event ((const char *[]) { letter_sha, photo_sha, NULL },
                                       (const char *[]) { "答复函.pdf", "现场照片.jpg", NULL }));
  g_assert_null (liaison_store_get_attachment_path (fixture.store, photo_sha));
  /* The citizen was not satisfied; the second reply came without names. */
  rate->actor_name = g_strdup ("张敏");
  rate->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  rate->asked = LIAISON_LOOP_ASKED_PHONE;
  rate->rated_by = g_strdup ("张敏");
  add_event (&fixture, rate, NULL);
  liaison_test_add_event (fixture.store, fixture.suggestion_id, refer_event ());
  liaison_test_add_event (fixture.store, fixture.suggestion_id,
                          reply_event ((const char *[]) { letter_sha, NULL }, NULL));

  detail = open_page (&fixture);
  timeline = wait_timeline (detail, 7);
  row = liaison_timeline_get_row (timeline, 3);
  row_text = liaison_test_text_under (row);
  g_assert_nonnull (strstr (row_text, "2 attachments\n"));
  assert_attachment_here (row, "答复函.pdf", strlen (letter));
  assert_attachment_missing (row, "现场照片.jpg");
  g_assert_cmpuint (liaison_test_count_widgets (row, liaison_test_has_name, "open-attachment"), ==, 1);

  row = liaison_timeline_get_row (timeline, 6);
  assert_attachment_here (row, "Attachment 1", strlen (letter));
  g_assert_cmpuint (liaison_test_count_widgets (row, liaison_test_has_name, "open-attachment"), ==, 1);

  /* The next sync brings the photo: the page on screen offers it by itself. */
  g_assert_true (liaison_store_save_received_attachment (fixture.store, photo_sha, photo_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_test_wait_until (all_attachments_here, timeline));
  row = liaison_timeline_get_row (timeline, 3);
  assert_attachment_here (row, "答复函.pdf", strlen (letter));
  assert_attachment_here (row, "现场照片.jpg", strlen (photo));
  g_clear_pointer (&row_text, g_free);
  row_text = liaison_test_text_under (row);
  g_assert_null (strstr (row_text, "Arrives with the next sync"));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/loop/moves-by-actor", run_moves_by_actor);
  liaison_test_add_ui_case ("/ui/loop/take-up", run_take_up);
  liaison_test_add_ui_case ("/ui/loop/refer-at-hq", run_refer_at_hq);
  liaison_test_add_ui_case ("/ui/loop/withdraw-needs-reason", run_withdraw_needs_reason);
  liaison_test_add_ui_case ("/ui/loop/overdue", run_overdue);
  liaison_test_add_ui_case ("/ui/loop/reply-seen", run_reply_seen);
  liaison_test_add_ui_case ("/ui/loop/blind-rating", run_blind_rating);
  liaison_test_add_ui_case ("/ui/loop/moves-appear", run_moves_appear);
  liaison_test_add_ui_case ("/ui/loop/answer-in-own-name", run_answer_in_own_name);
  liaison_test_add_ui_case ("/ui/loop/sync-notes", run_sync_notes);
  liaison_test_add_ui_case ("/ui/loop/reply-attachments", run_reply_attachments);
  liaison_test_add_ui_case ("/ui/loop/timeline-attachments", run_timeline_attachments);

  return g_test_run ();
}
