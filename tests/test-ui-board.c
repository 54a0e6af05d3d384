/* test-ui-board.c: the Follow-up page, "Switch user", the deputy's
 * suggestion editor and headquarters' rules dialog, in the real window
 * under Xvfb.
 *
 * Each case runs in its own subprocess over a temporary database whose
 * suggestions were moved through the loop with the store's own API, with
 * dates in the past so that one of them is overdue today.
 */
#define G_LOG_DOMAIN "test-ui-board"

#include "config.h"

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-store-desk.h"
#include "liaison-actor-dialog.h"
#include "liaison-deputy-picker.h"
#include "liaison-figure-card.h"
#include "liaison-motion-editor.h"
#include "liaison-picker-row.h"
#include "liaison-rules-dialog.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-reception-editor.h"
#include "liaison-store-sync.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-window.h"

#define STATION_NAME "相山区东山代表联络站"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        deputy_ids[3];
  char         *deputy_uuids[3];
  char         *unit_uuid;
} Fixture;

static const char * const deputy_names[] = { "王建国", "李秀英", "张伟" };

/* The dashboard's period: the 60 days up to today, which hold every
 * suggestion of the fixtures'. */
static void
set_dashboard_period (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *code = NULL;
  GDate day;

  liaison_date_set_today (&day);
  to = liaison_date_to_iso (&day);
  g_date_subtract_days (&day, 60);
  from = liaison_date_to_iso (&day);
  code = g_strdup_printf ("%s..%s", from, to);
  g_settings_set_string (settings, "dashboard-period", code);
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = NULL;

  set_dashboard_period ();
  fixture->dir = liaison_test_make_tmp_dir ("liaison-test-ui-board-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, STATION_NAME, LIAISON_STATION_KIND_STATION, "相山区");
  for (guint i = 0; i < G_N_ELEMENTS (deputy_names); i++)
    {
      g_autoptr(LiaisonDeputy) deputy = NULL;

      fixture->deputy_ids[i] = liaison_test_add_deputy (fixture->store, deputy_names[i], LIAISON_DEPUTY_LEVEL_CITY);
      deputy = liaison_store_get_deputy (fixture->store, fixture->deputy_ids[i], NULL);
      g_assert_nonnull (deputy);
      fixture->deputy_uuids[i] = g_strdup (deputy->meta.uuid);
    }
  fixture->unit_uuid = g_uuid_string_random ();

  /* Units are headquarters' reference data. */
  liaison_test_add_unit (fixture->store, fixture->unit_uuid, "市住房和城乡建设局", "department");
}

static void
fixture_tear_down (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->deputy_uuids); i++)
    g_free (fixture->deputy_uuids[i]);
  g_free (fixture->unit_uuid);
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* Dates */

static GDateTime *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  /* Minutes apart, so that the moves of one day keep their order. */
  return g_date_time_add_seconds (now, -(gint64) days * 86400 - 3600);
}

static void
day_from_today (GDate *date,
                int    days)
{
  liaison_date_set_today (date);
  if (days > 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
}

static char *
utc_text (GDateTime *at)
{
  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

/* Suggestions and their moves */

/* A citizen's suggestion registered @age days ago; with a reception when
 * @visitor is given. */
static gint64
add_suggestion (Fixture        *fixture,
                const char     *title,
                int             age,
                LiaisonVisitor *visitor)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GDateTime) at = days_ago (age);
  g_autoptr(GError) error = NULL;
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();
  gint64 id;

  suggestion->station_id = station->meta.id;
  suggestion->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  g_assert_cmpint (suggestion->category_id, >, 0);
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup_printf ("%s，请尽快处理。", title);
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;

  if (visitor == NULL)
    {
      g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
      g_assert_no_error (error);
      id = suggestion->meta.id;
      liaison_suggestion_free (suggestion);
    }
  else
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();
      g_autoptr(GDateTime) local = g_date_time_to_local (at);

      reception->received_at = g_date_time_format (local, "%Y-%m-%d %H:%M");
      reception->station_id = station->meta.id;
      reception->channel = LIAISON_CHANNEL_WALK_IN;
      reception->category_id = suggestion->category_id;
      reception->summary = g_strdup (title);
      g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
      g_ptr_array_add (reception->visitors, visitor);
      g_ptr_array_add (reception->suggestions, suggestion);
      g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
      g_assert_no_error (error);
      id = suggestion->meta.id;
    }
  g_assert_cmpint (id, >, 0);

  /* Saving registers it now; the test's story began @age days ago. */
  {
    g_autofree char *created_at = utc_text (at);
    g_autofree char *sql = g_strdup_printf ("UPDATE suggestions SET created_at = '%s' WHERE id = %" G_GINT64_FORMAT,
                                            created_at, id);

    g_assert_true (liaison_store_exec (fixture->store, sql, &error));
    g_assert_no_error (error);
  }
  return id;
}

static LiaisonLoopEvent *
new_event (LiaisonLoopMove  move,
           LiaisonLoopRole  role,
           int              age)
{
  return liaison_test_event_new (move, role, role == LIAISON_LOOP_ROLE_HQ ? "代表工委 赵敏" : "接待员 陈静",
                                 days_ago (age));
}

/* A deputy's move, in the deputy's own name. */
static LiaisonLoopEvent *
deputy_event (Fixture         *fixture,
              LiaisonLoopMove  move,
              guint            deputy,
              int              age)
{
  LiaisonLoopEvent *event = liaison_test_event_new (move, LIAISON_LOOP_ROLE_DEPUTY, deputy_names[deputy],
                                                    days_ago (age));

  event->deputy_uuid = g_strdup (fixture->deputy_uuids[deputy]);
  return event;
}

static void
take_up (Fixture *fixture,
         gint64   id,
         guint    deputy,
         int      age)
{
  liaison_test_add_event (fixture->store, id, deputy_event (fixture, LIAISON_LOOP_MOVE_TAKE_UP, deputy, age));
}

static void
answer_on_spot (Fixture *fixture,
                gint64   id,
                guint    deputy,
                int      age)
{
  LiaisonLoopEvent *event = deputy_event (fixture, LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, deputy, age);

  event->answer = g_strdup ("已当场解释政策。");
  liaison_test_add_event (fixture->store, id, event);
}

/* Referred @age days ago, due @due_in days from today. */
static void
refer (Fixture *fixture,
       gint64   id,
       int      age,
       int      due_in)
{
  LiaisonLoopEvent *event = new_event (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, age);

  event->lead_unit_uuid = g_strdup (fixture->unit_uuid);
  day_from_today (&event->due_date, due_in);
  liaison_test_add_event (fixture->store, id, event);
}

static void
reply (Fixture *fixture,
       gint64   id,
       int      age)
{
  LiaisonLoopEvent *event = new_event (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, age);

  event->reply_text = g_strdup ("已安排维修。");
  event->replying_unit_uuid = g_strdup (fixture->unit_uuid);
  day_from_today (&event->reply_date, -age);
  liaison_test_add_event (fixture->store, id, event);
}

static void
rate (Fixture           *fixture,
      gint64             id,
      LiaisonLoopRating  rating,
      int                age)
{
  LiaisonLoopEvent *event = new_event (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, age);

  event->rating = rating;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("接待员 陈静");
  liaison_test_add_event (fixture->store, id, event);
}

static void
supervise (Fixture *fixture,
           gint64   id,
           int      age)
{
  LiaisonLoopEvent *event = new_event (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, age);

  event->note = g_strdup ("请加快办理。");
  event->key_supervision = TRUE;
  liaison_test_add_event (fixture->store, id, event);
}

/* Widget tree helpers */

/* The rows of a section's list: AdwActionRows, not the "Show all" row. */
static GPtrArray *
section_rows (GtkWidget  *page,
              const char *section)
{
  g_autofree char *list_id = g_strconcat (section, "_list", NULL);
  GtkWidget *list = liaison_test_get_by_id (page, list_id);
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static const char *
section_title (GtkWidget  *page,
               const char *section)
{
  g_autofree char *group_id = g_strconcat (section, "_group", NULL);

  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (liaison_test_get_by_id (page, group_id)));
}

static gboolean
section_shown (GtkWidget  *page,
               const char *section)
{
  g_autofree char *group_id = g_strconcat (section, "_group", NULL);

  return gtk_widget_get_visible (liaison_test_get_by_id (page, group_id));
}

static GtkWidget *
row_with_title (GPtrArray  *rows,
                const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The deadline words a row shows, or NULL. */
static GtkLabel *
row_deadline (GtkWidget *row)
{
  if (GTK_IS_LABEL (row) && gtk_widget_has_css_class (row, "deadline"))
    return GTK_LABEL (row);
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = row_deadline (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
label_text (GtkWidget  *root,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (liaison_test_get_by_id (root, id)));
}

typedef struct {
  GtkWidget  *page;
  const char *section;
  guint       n_rows;
} SectionCount;

static gboolean
section_has_n_rows (gpointer data)
{
  SectionCount *count = data;
  g_autoptr(GPtrArray) rows = section_rows (count->page, count->section);

  return rows->len == count->n_rows;
}

static void
wait_for_rows (GtkWidget  *page,
               const char *section,
               guint       n_rows)
{
  SectionCount count = { page, section, n_rows };

  if (!liaison_test_wait_until (section_has_n_rows, &count))
    {
      g_autoptr(GPtrArray) rows = section_rows (page, section);

      g_error ("The section “%s” has %u rows, not %u", section, rows->len, n_rows);
    }
}

static LiaisonWindow *
open_follow_up (Fixture    *fixture,
                GtkWidget **page)
{
  LiaisonWindow *window = liaison_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-follow-up", NULL));
  *page = liaison_test_get_by_id (GTK_WIDGET (window), "follow_up_page");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, *page));
  return window;
}

/* The dashboard's figures */

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (LIAISON_IS_FIGURE_CARD (widget))
    {
      g_ptr_array_add (cards, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

static gboolean
is_figure_text (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-1");
}

/* The big text of each card, in order: "6", "16.7%". */
static GPtrArray *
card_texts (GtkWidget *page)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_cards (page, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *label = liaison_test_find_widget (g_ptr_array_index (cards, i), is_figure_text, NULL);

      g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (label))));
    }
  return texts;
}

static gboolean
figures_computed (gpointer data)
{
  g_autoptr(GPtrArray) texts = card_texts (data);

  return texts->len == 6 && g_strcmp0 (g_ptr_array_index (texts, 0), "—") != 0;
}

/* The six figures on the dashboard, whose period fixture_set_up() set to
 * the 60 days up to today: every suggestion of the fixture's. */
static GPtrArray *
dashboard_figures (LiaisonWindow *window)
{
  GtkWidget *page = liaison_test_get_by_id (GTK_WIDGET (window), "dashboard_page");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack")),
                                         "dashboard");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, page));
  g_assert_true (liaison_test_wait_until (figures_computed, page));
  return card_texts (page);
}

#define FIGURE(texts, i) ((const char *) g_ptr_array_index ((texts), (i)))

/* (a) Headquarters: the figures and the supervision lists. */
static void
run_hq_board (void)
{
  g_autoptr(GPtrArray) figures = NULL;
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) rows = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *row;
  GtkLabel *deadline;
  gint64 overdue;
  gint64 due_soon;
  gint64 to_refer;
  gint64 unsatisfied;
  gint64 waiting;
  gint64 resolved;

  fixture_set_up (&fixture);

  overdue = add_suggestion (&fixture, "路灯坏了三个月", 30, NULL);
  take_up (&fixture, overdue, 0, 28);
  refer (&fixture, overdue, 25, -5);

  due_soon = add_suggestion (&fixture, "菜市场门口积水", 20, NULL);
  take_up (&fixture, due_soon, 1, 19);
  refer (&fixture, due_soon, 18, 2);
  supervise (&fixture, due_soon, 17);

  to_refer = add_suggestion (&fixture, "小区缺少停车位", 10, NULL);
  take_up (&fixture, to_refer, 0, 9);

  unsatisfied = add_suggestion (&fixture, "公交线路太少", 40, NULL);
  take_up (&fixture, unsatisfied, 2, 39);
  refer (&fixture, unsatisfied, 38, 30);
  reply (&fixture, unsatisfied, 20);
  rate (&fixture, unsatisfied, LIAISON_LOOP_RATING_UNSATISFIED, 15);

  waiting = add_suggestion (&fixture, "学校门口需要红绿灯", 3, NULL);
  supervise (&fixture, waiting, 2);

  resolved = add_suggestion (&fixture, "垃圾清运不及时", 50, NULL);
  take_up (&fixture, resolved, 1, 49);
  refer (&fixture, resolved, 48, 10);
  reply (&fixture, resolved, 30);
  rate (&fixture, resolved, LIAISON_LOOP_RATING_SATISFIED, 25);

  liaison_test_enroll_as_hq (fixture.store);
  window = open_follow_up (&fixture, &page);

  /* Headquarters' sections only; the figures are the dashboard's. */
  g_assert_null (liaison_test_find_by_id (page, "figures_box"));
  g_assert_false (section_shown (page, "tell_citizen"));
  g_assert_false (section_shown (page, "taken_up"));
  g_assert_false (section_shown (page, "to_take_up"));
  g_assert_true (section_shown (page, "to_refer"));

  /* Six collected, one resolved (of six not withdrawn); two rated, one
   * satisfied; two replied, both in time; one overdue. */
  figures = dashboard_figures (window);
  g_assert_cmpstr (FIGURE (figures, 0), ==, "6");
  g_assert_cmpstr (FIGURE (figures, 1), ==, "1");
  g_assert_cmpstr (FIGURE (figures, 2), ==, "16.7%");
  g_assert_cmpstr (FIGURE (figures, 3), ==, "50.0%");
  g_assert_cmpstr (FIGURE (figures, 4), ==, "100.0%");
  g_assert_cmpstr (FIGURE (figures, 5), ==, "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-follow-up", NULL));

  /* To refer: the one taken up and the one reopened. */
  g_assert_cmpstr (section_title (page, "to_refer"), ==, "To Refer (2)");
  rows = section_rows (page, "to_refer");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (row_with_title (rows, "小区缺少停车位"));
  g_assert_nonnull (row_with_title (rows, "公交线路太少"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Overdue by five days, in the overdue colour. */
  g_assert_cmpstr (section_title (page, "overdue"), ==, "Overdue (1)");
  rows = section_rows (page, "overdue");
  g_assert_cmpuint (rows->len, ==, 1);
  row = row_with_title (rows, "路灯坏了三个月");
  g_assert_nonnull (row);
  deadline = row_deadline (row);
  g_assert_nonnull (deadline);
  g_assert_cmpstr (gtk_label_get_text (deadline), ==, "Overdue by 5 days");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (deadline), "deadline-overdue"));
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), STATION_NAME) != NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-suggestion");
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row))), ==, overdue);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Due in two days, and under key supervision. */
  rows = section_rows (page, "due_soon");
  g_assert_cmpuint (rows->len, ==, 1);
  deadline = row_deadline (row_with_title (rows, "菜市场门口积水"));
  g_assert_cmpstr (gtk_label_get_text (deadline), ==, "2 days left");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (deadline), "deadline-due-soon"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_with_title (rows, "菜市场门口积水"))),
                            "Key supervision"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Under key supervision: the one with a deadline first, though the
   * other is newer; the list's own name is not repeated on its rows. */
  g_assert_cmpstr (section_title (page, "key_supervision"), ==, "Under Key Supervision (2)");
  rows = section_rows (page, "key_supervision");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "菜市场门口积水");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "学校门口需要红绿灯");
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), "Key supervision"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = section_rows (page, "unsatisfied");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (row_with_title (rows, "公交线路太少"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A referral made now leaves the inbox at once. */
  refer (&fixture, to_refer, 0, 15);
  wait_for_rows (page, "to_refer", 1);
  g_assert_cmpstr (section_title (page, "to_refer"), ==, "To Refer (1)");

  /* Activating a row opens the suggestion. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-suggestion", "x", overdue));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (GTK_WIDGET (window), "suggestions_page")));

  (void) waiting;
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (b) Station staff: whom to tell, with the contact only where given. */
static void
run_station_board (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) rows = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *row;
  const char *subtitle;
  gint64 consenting;
  gint64 private;
  gint64 waiting;

  fixture_set_up (&fixture);

  consenting = add_suggestion (&fixture, "路灯坏了三个月", 20, liaison_test_make_visitor ("张桂兰", "13812345678", "东山社区"));
  take_up (&fixture, consenting, 0, 19);
  refer (&fixture, consenting, 18, 10);
  reply (&fixture, consenting, 2);

  private = add_suggestion (&fixture, "菜市场门口积水", 5, liaison_test_make_visitor (NULL, NULL, "西山社区"));
  answer_on_spot (&fixture, private, 1, 5);

  waiting = add_suggestion (&fixture, "学校门口需要红绿灯", 1, NULL);

  window = open_follow_up (&fixture, &page);

  g_assert_false (section_shown (page, "to_refer"));
  g_assert_false (section_shown (page, "taken_up"));
  g_assert_true (section_shown (page, "tell_citizen"));

  g_assert_cmpstr (section_title (page, "tell_citizen"), ==, "Tell the Citizen (2)");
  rows = section_rows (page, "tell_citizen");
  g_assert_cmpuint (rows->len, ==, 2);

  row = row_with_title (rows, "路灯坏了三个月");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (strstr (subtitle, "张桂兰") != NULL);
  g_assert_true (strstr (subtitle, "13812345678") != NULL);
  g_assert_null (strstr (subtitle, "No contact"));
  /* Every row is this station's own: its name would only repeat. */
  g_assert_null (strstr (subtitle, STATION_NAME));

  row = row_with_title (rows, "菜市场门口积水");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (strstr (subtitle, "No contact: the visitor did not agree to be called") != NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = section_rows (page, "to_take_up");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (row_with_title (rows, "学校门口需要红绿灯"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Rated, the citizen has been told: the row goes. */
  rate (&fixture, consenting, LIAISON_LOOP_RATING_SATISFIED, 0);
  wait_for_rows (page, "tell_citizen", 1);

  (void) waiting;
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (c) "Switch user" to a deputy: the settings, the header and the page
 * follow; then the deputy files a suggestion with a co-signer. */
static void
run_deputy_board (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LiaisonActor) actor = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *role = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *editor;
  GtkWidget *title_row;
  const LiaisonSuggestion *filed = NULL;
  const char *header;
  gint64 mine;
  gint64 waiting;
  guint before;

  fixture_set_up (&fixture);
  mine = add_suggestion (&fixture, "路灯坏了三个月", 10, NULL);
  take_up (&fixture, mine, 0, 9);
  waiting = add_suggestion (&fixture, "学校门口需要红绿灯", 1, NULL);

  window = open_follow_up (&fixture, &page);
  g_assert_true (section_shown (page, "tell_citizen"));
  g_assert_false (section_shown (page, "taken_up"));

  /* 张伟 is this station's deputy; 赵刚 another station's. */
  {
    g_autoptr(LiaisonStation) here = liaison_store_get_local_station (fixture.store);
    g_autoptr(LiaisonStation) other = liaison_station_new ();
    g_autoptr(LiaisonDeputy) zhang = liaison_store_get_deputy (fixture.store, fixture.deputy_ids[2], NULL);
    g_autoptr(LiaisonDeputy) zhao = liaison_deputy_new ();
    g_autoptr(GError) error = NULL;

    other->name = g_strdup ("杜集区代表之家");
    other->kind = LIAISON_STATION_KIND_HOME;
    g_assert_true (liaison_store_save_station (fixture.store, other, &error));
    g_assert_no_error (error);
    zhang->station_id = here->meta.id;
    g_assert_true (liaison_store_save_deputy (fixture.store, zhang, &error));
    g_assert_no_error (error);
    zhao->name = g_strdup ("赵刚");
    zhao->level = LIAISON_DEPUTY_LEVEL_CITY;
    zhao->station_id = other->meta.id;
    g_assert_true (liaison_store_save_deputy (fixture.store, zhao, &error));
    g_assert_no_error (error);
  }

  /* Switch user: a deputy, picked from the roster. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_ACTOR_DIALOG);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "deputy_check")), TRUE);
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (dialog, "deputy_row")));
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (dialog, "name_row")));
  {
    LiaisonPickerRow *deputy_row = LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "deputy_row"));
    GListModel *names = liaison_picker_row_get_model (deputy_row);
    guint position = GTK_INVALID_LIST_POSITION;
    gboolean other_named = FALSE;

    /* The deputies on duty here come first, by name alone; another
     * station's say which. */
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "张伟");
    for (guint i = 1; i < g_list_model_get_n_items (names); i++)
      other_named |= g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "赵刚 (杜集区代表之家)") == 0;
    g_assert_true (other_named);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "王建国"))
        position = i;
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    liaison_picker_row_set_selected (deputy_row, position);
  }
  /* 王建国's PIN (the fixture's moves in his name set it). */
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (dialog, "pin_row")));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "pin_row")), LIAISON_TEST_PIN);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "pin_again_row")), LIAISON_TEST_PIN);
  g_signal_emit_by_name (liaison_test_get_by_id (dialog, "switch_button"), "clicked");
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_ACTOR_DIALOG));

  role = liaison_store_get_desk_setting (fixture.store, "role");
  g_assert_cmpstr (role, ==, "deputy");
  actor = liaison_actor_get_current (fixture.store);
  g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
  g_assert_cmpint (actor->deputy_id, ==, fixture.deputy_ids[0]);
  g_assert_cmpstr (actor->name, ==, "王建国");

  /* The header says who is at the desk. */
  header = adw_button_content_get_label (ADW_BUTTON_CONTENT (liaison_test_get_by_id (GTK_WIDGET (window), "actor_content")));
  g_assert_true (strstr (header, "王建国") != NULL);

  /* The page is the deputy's now. */
  wait_for_rows (page, "taken_up", 1);
  g_assert_false (section_shown (page, "tell_citizen"));
  rows = section_rows (page, "taken_up");
  g_assert_nonnull (row_with_title (rows, "路灯坏了三个月"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = section_rows (page, "to_take_up");
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpstr (section_title (page, "filed"), ==, "My Suggestions and Motions (0)");

  /* File a suggestion: an empty title is refused by its field. */
  before = liaison_store_count_suggestions (fixture.store, NULL, NULL);
  g_signal_emit_by_name (liaison_test_get_by_id (page, "file_button"), "clicked");
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_MOTION_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (liaison_test_get_by_id (editor, "content_view"))),
                            "建议在老旧小区加装电梯，并由财政给予补贴。", -1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "category_row")), 1);
  g_signal_emit_by_name (liaison_test_get_by_id (editor, "save_button"), "clicked");
  liaison_test_spin (50);
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (editor, "title_error")));
  g_assert_cmpstr (label_text (editor, "title_error"), !=, "");
  g_assert_true (gtk_widget_has_css_class (liaison_test_get_by_id (editor, "title_row"), "error"));
  g_assert_cmpuint (liaison_store_count_suggestions (fixture.store, NULL, NULL), ==, before);
  g_assert_true (gtk_widget_get_mapped (editor));

  /* With a title and a co-signer, it is filed. */
  title_row = liaison_test_get_by_id (editor, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "关于老旧小区加装电梯的建议");
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (editor, "title_error")));
  g_assert_true (liaison_deputy_picker_add_deputy (LIAISON_DEPUTY_PICKER (liaison_test_get_by_id (editor, "co_signer_picker")),
                                                   fixture.deputy_ids[1]));
  g_signal_emit_by_name (liaison_test_get_by_id (editor, "save_button"), "clicked");
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOTION_EDITOR));
  g_assert_cmpuint (liaison_store_count_suggestions (fixture.store, NULL, NULL), ==, before + 1);

  wait_for_rows (page, "filed", 1);
  rows = section_rows (page, "filed");
  g_assert_nonnull (row_with_title (rows, "关于老旧小区加装电梯的建议"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  suggestions = liaison_store_list_loop (fixture.store, LIAISON_LOOP_LIST_FILED_BY, fixture.deputy_ids[0], NULL, 0, NULL);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, ==, 1);
  filed = g_ptr_array_index (suggestions, 0);
  {
    g_autoptr(LiaisonSuggestion) full = liaison_store_get_suggestion (fixture.store, filed->meta.id, NULL);

    g_assert_nonnull (full);
    g_assert_cmpint (full->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
    g_assert_cmpint (full->deputy_id, ==, fixture.deputy_ids[0]);
    g_assert_cmpuint (full->co_signer_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (full->co_signer_ids, gint64, 0), ==, fixture.deputy_ids[1]);
    g_assert_cmpstr (full->content, ==, "建议在老旧小区加装电梯，并由财政给予补贴。");
  }

  (void) waiting;
  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (d) Headquarters' rules: a bad line is refused, a good list is kept. */
static void
run_rules_dialog (void)
{
  g_autoptr(GPtrArray) figures = NULL;
  Fixture fixture = { NULL };
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autofree char *text = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkTextBuffer *buffer;

  fixture_set_up (&fixture);
  window = open_follow_up (&fixture, &page);

  /* Not headquarters: not the rules. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.loop-rules", NULL) &&
                  liaison_test_find_toplevel (LIAISON_TYPE_RULES_DIALOG) != NULL);
  gtk_window_destroy (GTK_WINDOW (window));

  liaison_test_enroll_as_hq (fixture.store);
  window = open_follow_up (&fixture, &page);
  /* No denominator: no rate. */
  figures = dashboard_figures (window);
  g_assert_cmpstr (FIGURE (figures, 3), ==, "—");
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (GTK_WIDGET (window), "actor_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.loop-rules", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_RULES_DIALOG);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "days_spin"))), ==, 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "months_spin"))), ==, 3);
  /* Visitors' details: 3 years until headquarters sets it. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "retention_spin"))), ==, 3);

  /* No rules yet: the State Council's published list, names and all. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (liaison_test_get_by_id (dialog, "holidays_view")));
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_true (g_str_has_prefix (shown, "2024-01-01,holiday,元旦\n2024-02-04,workday,春节调休上班\n"));
    g_assert_nonnull (strstr (shown, "\n2026-10-07,holiday,国庆节\n2026-10-10,workday,国庆节调休上班\n"));
  }

  /* 2025-10-09 is a Thursday: it cannot be a make-up workday. */
  gtk_text_buffer_set_text (buffer, "# National Day\n2025-10-01,holiday,National Day\n2025-10-09,workday\n", -1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "days_spin")), 10);
  g_signal_emit_by_name (liaison_test_get_by_id (dialog, "save_button"), "clicked");
  liaison_test_spin (50);
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (dialog, "error_label")));
  g_assert_true (strstr (label_text (dialog, "error_label"), "Line 3") != NULL);
  g_assert_true (gtk_widget_get_mapped (dialog));
  rules = liaison_store_get_loop_rules (fixture.store, NULL);
  g_assert_nonnull (rules);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 15);
  {
    g_autoptr(LiaisonCalendar) official = liaison_calendar_new_official ();
    g_autofree char *official_text = liaison_calendar_to_text (official);
    g_autofree char *kept = liaison_calendar_to_text (rules->calendar);

    g_assert_cmpstr (kept, ==, official_text);
  }
  g_clear_pointer (&rules, liaison_loop_rules_free);

  /* Corrected: saved, limits and days alike. */
  gtk_text_buffer_set_text (buffer, "# National Day\n2025-10-01,holiday,National Day\n2025-09-28,workday\n", -1);
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (dialog, "error_label")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "months_spin")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "retention_spin")), 5);
  g_signal_emit_by_name (liaison_test_get_by_id (dialog, "save_button"), "clicked");
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_RULES_DIALOG));

  rules = liaison_store_get_loop_rules (fixture.store, NULL);
  g_assert_nonnull (rules);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 10);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 2);
  g_assert_cmpuint (rules->retention_years, ==, 5);
  text = liaison_calendar_to_text (rules->calendar);
  g_assert_true (strstr (text, "2025-10-01,holiday") != NULL);
  g_assert_true (strstr (text, "2025-09-28,workday") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (g) Limits set with `liaison-hq rules set` beyond the dialog's old
 * ranges (up to 60 months) survive opening the dialog and saving it. */
static void
run_rules_keep_limits (void)
{
  Fixture fixture = { NULL };
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(GError) error = NULL;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *dialog;

  fixture_set_up (&fixture);
  liaison_test_enroll_as_hq (fixture.store);
  rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION] = (LiaisonTimeLimit) { 250, 0 };
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION] = (LiaisonTimeLimit) { 0, 36 };
  g_assert_true (liaison_store_set_loop_rules (fixture.store, rules, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rules, liaison_loop_rules_free);

  window = open_follow_up (&fixture, &page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.loop-rules", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_RULES_DIALOG);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "days_spin"))), ==, 250);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "months_spin"))), ==, 36);
  /* The whole range of `liaison-hq rules set` can be typed. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "months_spin")))),
                     ==, 60);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "days_spin")))),
                     ==, 250);

  g_signal_emit_by_name (liaison_test_get_by_id (dialog, "save_button"), "clicked");
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_RULES_DIALOG));

  rules = liaison_store_get_loop_rules (fixture.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 36);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_PUBLIC_OPINION].working_days, ==, 250);
  g_clear_pointer (&rules, liaison_loop_rules_free);

  /* A limit beyond even that (an older server's) is kept, not lowered. */
  rules = liaison_loop_rules_new ();
  rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION] = (LiaisonTimeLimit) { 0, 72 };
  g_assert_true (liaison_store_set_loop_rules (fixture.store, rules, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rules, liaison_loop_rules_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.loop-rules", NULL));
  dialog = liaison_test_wait_for_toplevel (LIAISON_TYPE_RULES_DIALOG);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (liaison_test_get_by_id (dialog, "months_spin"))), ==, 72);
  g_signal_emit_by_name (liaison_test_get_by_id (dialog, "save_button"), "clicked");
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_RULES_DIALOG));
  rules = liaison_store_get_loop_rules (fixture.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->limits[LIAISON_LOOP_KIND_DEPUTY_SUGGESTION].months, ==, 72);

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* The section's "Show all" button, or NULL. */
static GtkWidget *
show_all_button (GtkWidget  *page,
                 const char *section)
{
  g_autofree char *list_id = g_strconcat (section, "_list", NULL);
  GtkWidget *list = liaison_test_get_by_id (page, list_id);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && GTK_IS_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))))
      return gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  return NULL;
}

static void
add_overdue (Fixture    *fixture,
             const char *title)
{
  gint64 id = add_suggestion (fixture, title, 30, NULL);

  take_up (fixture, id, 0, 28);
  refer (fixture, id, 25, -5);
}

typedef struct {
  GtkWidget  *page;
  const char *section;
  const char *title;
} TitleWait;

static gboolean
section_title_is (gpointer data)
{
  TitleWait *wait = data;

  return g_strcmp0 (section_title (wait->page, wait->section), wait->title) == 0;
}

#define N_OVERDUE 250
#define MAX_ROWS 200

/* (h) Headquarters' Overdue holds more than a page can show: "Show all"
 * stops at 200 rows and says so in words. The page is read only while it
 * is shown, and catches up when shown again. */
static void
run_overdue_capped (void)
{
  Fixture fixture = { NULL };
  g_autoptr(GPtrArray) rows = NULL;
  AdwViewStack *view_stack;
  LiaisonWindow *window;
  GtkWidget *page;
  GtkWidget *button;
  GtkWidget *more;
  TitleWait wait;

  fixture_set_up (&fixture);
  for (guint i = 0; i < N_OVERDUE; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u号路灯不亮", i + 1);

      add_overdue (&fixture, title);
    }
  liaison_test_enroll_as_hq (fixture.store);

  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  view_stack = ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack"));
  page = liaison_test_get_by_id (GTK_WIDGET (window), "follow_up_page");
  liaison_test_spin (200);
  /* Not shown yet: not read yet. */
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_false (g_str_has_prefix (section_title (page, "overdue"), "Overdue"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-follow-up", NULL));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, page));
  g_assert_cmpstr (section_title (page, "overdue"), ==, "Overdue (250)");
  rows = section_rows (page, "overdue");
  g_assert_cmpuint (rows->len, ==, 10);
  g_clear_pointer (&rows, g_ptr_array_unref);
  more = liaison_test_find_by_name (page, "overdue_more_label");
  g_assert_nonnull (more);
  g_assert_false (gtk_widget_get_visible (more));

  /* More than can be shown: the button does not promise all. */
  button = show_all_button (page, "overdue");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show the First 200 Suggestions");
  g_signal_emit_by_name (button, "clicked");
  wait_for_rows (page, "overdue", MAX_ROWS);
  g_assert_null (show_all_button (page, "overdue"));
  g_assert_true (gtk_widget_get_mapped (more));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (more)), ==,
                   "Showing the first 200 of 250. Use the Suggestions page’s search to find others.");

  /* Out of sight, a new overdue suggestion leaves the page as it was... */
  adw_view_stack_set_visible_child_name (view_stack, "receptions");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (GTK_WIDGET (window), "receptions_page")));
  add_overdue (&fixture, "菜市场门口积水");
  liaison_test_spin (300);
  g_assert_cmpstr (section_title (page, "overdue"), ==, "Overdue (250)");

  /* ...and shown again, the page has caught up. */
  adw_view_stack_set_visible_child_name (view_stack, "follow-up");
  wait = (TitleWait) { page, "overdue", "Overdue (251)" };
  g_assert_true (liaison_test_wait_until (section_title_is, &wait));
  wait_for_rows (page, "overdue", MAX_ROWS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (more)), ==,
                   "Showing the first 200 of 251. Use the Suggestions page’s search to find others.");

  /* A section that fits shows every row and no such words. */
  rows = section_rows (page, "to_refer");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (gtk_widget_get_visible (liaison_test_find_by_name (page, "to_refer_more_label")));

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

/* (f) A headquarters replica has no station of its own: it opens on its
 * pages, not on the station set-up page, and logs no receptions. */
static void
run_hq_without_station (void)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-test-ui-hq-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "hq.db", NULL);
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *page;

  set_dashboard_period ();
  fixture.dir = g_steal_pointer (&dir);
  fixture.store = liaison_test_open_store (path);
  liaison_test_enroll_as_hq (fixture.store);
  g_assert_null (liaison_store_get_local_station (fixture.store));

  window = open_follow_up (&fixture, &page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "main_stack"))),
                   ==, "main");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Headquarters — Liaison");
  /* New reception is disabled: asking for it opens no editor. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-reception", NULL);
  liaison_test_spin (200);
  g_assert_null (liaison_test_find_toplevel (LIAISON_TYPE_RECEPTION_EDITOR));
  /* The figures show, with no rate to give yet. */
  figures = dashboard_figures (window);
  g_assert_cmpstr (FIGURE (figures, 0), ==, "0");
  g_assert_cmpstr (FIGURE (figures, 2), ==, "—");

  gtk_window_destroy (GTK_WINDOW (window));
  liaison_test_clear_store_dir (&fixture.store, &fixture.dir);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* (e) Replies from headquarters: a toast whose button shows the page. */
static void
run_replies_toast (void)
{
  Fixture fixture = { NULL };
  LiaisonWindow *window;
  GtkWidget *toast_overlay;
  GtkWidget *label;
  GtkWidget *button;

  fixture_set_up (&fixture);
  window = liaison_window_new (NULL, fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack"))),
                   ==, "receptions");

  liaison_window_show_replies (window, 2);
  liaison_test_spin (300);
  toast_overlay = liaison_test_get_by_id (GTK_WIDGET (window), "toast_overlay");
  label = liaison_test_find_widget (toast_overlay, is_label_saying, "2 replies arrived from headquarters");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  /* The toast's button is the only one in the overlay with that label. */
  button = liaison_test_find_widget (toast_overlay, is_button_labelled, "_Show");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  liaison_test_spin (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack"))),
                   ==, "follow-up");

  gtk_window_destroy (GTK_WINDOW (window));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* Deadlines are read in local time; pin it (the cases' children
   * inherit it). */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/board/hq", run_hq_board);
  liaison_test_add_ui_case ("/ui/board/station", run_station_board);
  liaison_test_add_ui_case ("/ui/board/deputy", run_deputy_board);
  liaison_test_add_ui_case ("/ui/board/rules", run_rules_dialog);
  liaison_test_add_ui_case ("/ui/board/hq-without-station", run_hq_without_station);
  liaison_test_add_ui_case ("/ui/board/replies-toast", run_replies_toast);
  liaison_test_add_ui_case ("/ui/board/rules-keep-limits", run_rules_keep_limits);
  liaison_test_add_ui_case ("/ui/board/overdue-capped", run_overdue_capped);

  return g_test_run ();
}
