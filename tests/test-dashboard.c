/* test-dashboard.c: the dashboard's figures per period and per breakdown
 * on a real SQLite file, against answers worked out by hand; the rows
 * behind every number add up to it; periods; figure definitions. */
#define G_LOG_DOMAIN "test-dashboard"

#include "config.h"

#include <glib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "liaison-dashboard.h"
#include "liaison-locale.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-cli.h"
#include "liaison-test-pdf.h"
#include "liaison-test-util.h"

#define LEAD_UNIT "a0000000-0000-4000-8000-000000000001"

/* test-figures.c's 13 suggestions, A to M, each with its timeline, now in
 * a store at headquarters, with receptions at two stations (S1 東山, this
 * desk's station, and S2 西湖) in August and September 2025. "Today" is
 * 2025-10-20. Each suggestion's figures on that day (test-figures.c works
 * them out):
 *
 *      reg    category  channel      station  coll wd res rated sat repl intime overdue
 *   A  09-01  urban     walk_in R1   S1        1   .  1   1     1   1    1      .
 *   B  09-02  urban     phone   R2   S1        1   .  1   1     1   1    .      .
 *   C  09-03  social    walk_in R3   S2        1   .  1   .     .   .    .      .
 *   D  09-04  social    online  R4   S2        1   .  1   1     1   .    .      .
 *   E  09-05  urban     walk_in R5   S1        1   .  .   1     .   1    .      .
 *   F  09-08  education mobile  R6   S1        1   .  .   .     .   .    .      1
 *   G  09-10  education walk_in R7   S2        1   .  .   .     .   .    .      .
 *   H  09-12  urban     phone   R8   S2        1   .  .   .     .   1    1      .
 *   I  09-15  other     none (no reception)  S1   1   1  .   .     .   .    .      .
 *   J  09-18  transport deputy (a deputy's)  S2   1   .  .   .     .   .    .      .
 *   K  09-20  urban     walk_in R9   S1        1   .  .   1     .   1    .      .
 *   L  09-30  health    online  R10  S1        1   .  .   .     .   .    .      .
 *   M  08-25  urban     walk_in R11  S2        1   .  .   .     .   .    .      1
 *
 * (sat: satisfied or basically satisfied.) Receptions, with their
 * visitors' party sizes: R1 2, R2 1, R3 3, R4 1, R5 1, R6 4, R7 1, R8 2,
 * R9 1, R10 1, R11 2 (on the suggestion's day and in its category); R12
 * 08-10 S1 phone other 5, raising nothing; R13 10-05 S1 walk_in urban 1,
 * after the quarter; R14 09-09 S2 walk_in urban 1, deleted.
 */

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        stations[2];
  gint64        deputy_id;
  char         *deputy_uuid;
  gint64        ids[13];
} Fixture;

/* The counts of a row, in the order of the table above, then receptions
 * and visitors. */
typedef struct {
  guint collected, withdrawn, resolved, rated, satisfied, replied, in_time, overdue;
  guint receptions, visitors;
} Expect;

static const LiaisonFigure figure_of[] = {
  LIAISON_FIGURE_COLLECTED, LIAISON_FIGURE_WITHDRAWN, LIAISON_FIGURE_RESOLVED,
  LIAISON_FIGURE_RATED, LIAISON_FIGURE_SATISFIED, LIAISON_FIGURE_REPLIED,
  LIAISON_FIGURE_REPLIED_IN_TIME, LIAISON_FIGURE_OVERDUE,
  LIAISON_FIGURE_RECEPTIONS, LIAISON_FIGURE_VISITORS,
};
G_STATIC_ASSERT (G_N_ELEMENTS (figure_of) == LIAISON_N_FIGURES);

static GDate
day (int year,
     int month,
     int mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  return date;
}

static char *
station_uuid (Fixture *f,
              int      station)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM stations WHERE id = %" G_GINT64_FORMAT, f->stations[station]);
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (uuid);
  return uuid;
}

static LiaisonPeriod
period_of (const char *code)
{
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period;

  g_assert_true (liaison_period_parse (code, &period, &error));
  g_assert_no_error (error);
  return period;
}

static gint64
add_reception (Fixture    *f,
               const char *received_at,
               int         station,
               const char *channel,
               const char *category,
               int         party_size)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  LiaisonVisitor *visitor = liaison_test_make_visitor ("刘大爷", "", "东山社区");

  reception->received_at = g_strdup (received_at);
  reception->station_id = f->stations[station];
  g_assert_true (liaison_channel_from_code (channel, &reception->channel));
  reception->category_id = liaison_store_find_category (f->store, category);
  g_assert_cmpint (reception->category_id, >, 0);
  reception->summary = g_strdup ("小区道路积水");
  visitor->party_size = party_size;
  g_ptr_array_add (reception->visitors, visitor);
  g_array_append_val (reception->deputy_ids, f->deputy_id);
  g_assert_true (liaison_store_save_reception (f->store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

/* Suggestion @name, registered on 2025-@month-@mday at noon in China. */
static gint64
add_suggestion (Fixture    *f,
                char        name,
                int         month,
                int         mday,
                const char *category,
                gint64      reception_id,
                int         station,
                gboolean    deputy)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  suggestion->kind = deputy ? LIAISON_LOOP_KIND_DEPUTY_SUGGESTION : LIAISON_LOOP_KIND_PUBLIC_OPINION;
  suggestion->category_id = liaison_store_find_category (f->store, category);
  suggestion->reception_id = reception_id;
  suggestion->station_id = f->stations[station];
  suggestion->title = g_strdup_printf ("%c", name);
  suggestion->content = g_strdup ("建议内容");
  if (deputy)
    suggestion->deputy_id = f->deputy_id;
  else
    suggestion->raised_by = g_strdup ("刘大爷");
  g_assert_true (liaison_store_save_suggestion (f->store, suggestion, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE suggestions SET created_at = '2025-%02d-%02dT04:00:00Z' WHERE id = %" G_GINT64_FORMAT,
                         month, mday, suggestion->meta.id);
  g_assert_true (liaison_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_refresh_loop_cache (f->store, suggestion->meta.uuid, &error));
  g_assert_no_error (error);
  return suggestion->meta.id;
}

static LiaisonLoopEvent *
move (LiaisonLoopMove  what,
      LiaisonLoopRole  role,
      int              month,
      int              mday)
{
  return liaison_test_event_new (what, role, "代表工委", g_date_time_new_utc (2025, month, mday, 4, 0, 0));
}

static void
take (Fixture *f, gint64 id, int m, int d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, m, d);

  e->deputy_uuid = g_strdup (f->deputy_uuid);
  liaison_test_add_event (f->store, id, e);
}

static void
answer (Fixture *f, gint64 id, int m, int d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, LIAISON_LOOP_ROLE_DEPUTY, m, d);

  e->deputy_uuid = g_strdup (f->deputy_uuid);
  e->answer = g_strdup ("当场解释了政策");
  liaison_test_add_event (f->store, id, e);
}

static void
refer (Fixture *f, gint64 id, int m, int d, int due_m, int due_d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, m, d);

  e->lead_unit_uuid = g_strdup (LEAD_UNIT);
  e->due_date = day (2025, due_m, due_d);
  liaison_test_add_event (f->store, id, e);
}

static void
start (Fixture *f, gint64 id, int m, int d)
{
  liaison_test_add_event (f->store, id, move (LIAISON_LOOP_MOVE_START, LIAISON_LOOP_ROLE_HQ, m, d));
}

static void
reply (Fixture *f, gint64 id, int m, int d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, m, d);

  e->reply_text = g_strdup ("已处理");
  e->replying_unit_uuid = g_strdup (LEAD_UNIT);
  e->reply_date = day (2025, m, d);
  liaison_test_add_event (f->store, id, e);
}

static void
rate (Fixture *f, gint64 id, int m, int d, LiaisonLoopRating rating)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, m, d);

  e->rating = rating;
  e->asked = LIAISON_LOOP_ASKED_PHONE;
  e->rated_by = g_strdup ("刘大爷");
  liaison_test_add_event (f->store, id, e);
}

static void
close_ (Fixture *f, gint64 id, int m, int d)
{
  liaison_test_add_event (f->store, id, move (LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ, m, d));
}

static void
withdraw (Fixture *f, gint64 id, int m, int d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, m, d);

  e->reason = g_strdup ("已自行解决");
  liaison_test_add_event (f->store, id, e);
}

static void
supervise (Fixture *f, gint64 id, int m, int d)
{
  LiaisonLoopEvent *e = move (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, m, d);

  e->note = g_strdup ("重点督办");
  e->key_supervision = TRUE;
  liaison_test_add_event (f->store, id, e);
}

#define SAT   LIAISON_LOOP_RATING_SATISFIED
#define BASIC LIAISON_LOOP_RATING_BASICALLY_SATISFIED
#define UNSAT LIAISON_LOOP_RATING_UNSATISFIED

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean hq = GPOINTER_TO_INT (data);
  g_autoptr(LiaisonStation) west = liaison_station_new ();
  g_autoptr(LiaisonStation) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 *ids = f->ids;
  gint64 r;

  f->dir = liaison_test_make_tmp_dir ("liaison-dashboard-XXXXXX");
  path = g_build_filename (f->dir, "hq.db", NULL);
  f->store = liaison_test_open_store_with_station (path, "东山街道代表联络站");
  if (hq)
    liaison_test_enroll_as_hq (f->store);
  local = liaison_store_get_local_station (f->store);
  f->stations[0] = local->meta.id;
  west->name = g_strdup ("西湖街道代表联络站");
  west->kind = LIAISON_STATION_KIND_STATION;
  west->district = g_strdup ("相山区");
  g_assert_true (liaison_store_save_station (f->store, west, &error));
  g_assert_no_error (error);
  f->stations[1] = west->meta.id;
  f->deputy_id = liaison_test_add_deputy (f->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  f->deputy_uuid = liaison_test_deputy_uuid (f->store, "张伟");
  liaison_test_add_unit (f->store, LEAD_UNIT, "市住房和城乡建设局", "department");

  r = add_reception (f, "2025-09-01 10:00", 0, "walk_in", "urban_construction", 2);
  ids[0] = add_suggestion (f, 'A', 9, 1, "urban_construction", r, 0, FALSE);
  take (f, ids[0], 9, 1); refer (f, ids[0], 9, 2, 9, 23); reply (f, ids[0], 9, 15);
  rate (f, ids[0], 9, 18, SAT); close_ (f, ids[0], 9, 19);

  r = add_reception (f, "2025-09-02 10:00", 0, "phone", "urban_construction", 1);
  ids[1] = add_suggestion (f, 'B', 9, 2, "urban_construction", r, 0, FALSE);
  take (f, ids[1], 9, 2); refer (f, ids[1], 9, 3, 9, 24); reply (f, ids[1], 9, 30);
  rate (f, ids[1], 10, 2, BASIC);

  r = add_reception (f, "2025-09-03 10:00", 1, "walk_in", "social_security", 3);
  ids[2] = add_suggestion (f, 'C', 9, 3, "social_security", r, 1, FALSE);
  answer (f, ids[2], 9, 3);

  r = add_reception (f, "2025-09-04 10:00", 1, "online", "social_security", 1);
  ids[3] = add_suggestion (f, 'D', 9, 4, "social_security", r, 1, FALSE);
  answer (f, ids[3], 9, 4); rate (f, ids[3], 9, 5, SAT); close_ (f, ids[3], 9, 6);

  r = add_reception (f, "2025-09-05 10:00", 0, "walk_in", "urban_construction", 1);
  ids[4] = add_suggestion (f, 'E', 9, 5, "urban_construction", r, 0, FALSE);
  take (f, ids[4], 9, 5); refer (f, ids[4], 9, 8, 9, 29); reply (f, ids[4], 9, 30);
  rate (f, ids[4], 10, 2, UNSAT); refer (f, ids[4], 10, 9, 10, 30); start (f, ids[4], 10, 10);

  r = add_reception (f, "2025-09-08 10:00", 0, "mobile_desk", "education", 4);
  ids[5] = add_suggestion (f, 'F', 9, 8, "education", r, 0, FALSE);
  take (f, ids[5], 9, 8); refer (f, ids[5], 9, 9, 10, 10); start (f, ids[5], 9, 10);
  supervise (f, ids[5], 10, 13);

  r = add_reception (f, "2025-09-10 10:00", 1, "walk_in", "education", 1);
  ids[6] = add_suggestion (f, 'G', 9, 10, "education", r, 1, FALSE);
  take (f, ids[6], 9, 10); refer (f, ids[6], 9, 11, 10, 20);

  r = add_reception (f, "2025-09-12 10:00", 1, "phone", "urban_construction", 2);
  ids[7] = add_suggestion (f, 'H', 9, 12, "urban_construction", r, 1, FALSE);
  take (f, ids[7], 9, 12); refer (f, ids[7], 9, 15, 10, 17); reply (f, ids[7], 10, 17);

  ids[8] = add_suggestion (f, 'I', 9, 15, "other", 0, 0, FALSE);
  withdraw (f, ids[8], 9, 16);

  ids[9] = add_suggestion (f, 'J', 9, 18, "transport", 0, 1, TRUE);

  r = add_reception (f, "2025-09-20 10:00", 0, "walk_in", "urban_construction", 1);
  ids[10] = add_suggestion (f, 'K', 9, 20, "urban_construction", r, 0, FALSE);
  take (f, ids[10], 9, 20); refer (f, ids[10], 9, 22, 10, 15); reply (f, ids[10], 10, 16);
  rate (f, ids[10], 10, 18, UNSAT); supervise (f, ids[10], 10, 19);

  r = add_reception (f, "2025-09-30 10:00", 0, "online", "health", 1);
  ids[11] = add_suggestion (f, 'L', 9, 30, "health", r, 0, FALSE);
  take (f, ids[11], 9, 30); refer (f, ids[11], 10, 9, 10, 22);

  r = add_reception (f, "2025-08-25 10:00", 1, "walk_in", "urban_construction", 2);
  ids[12] = add_suggestion (f, 'M', 8, 25, "urban_construction", r, 1, FALSE);
  take (f, ids[12], 8, 25); refer (f, ids[12], 8, 26, 9, 16);

  add_reception (f, "2025-08-10 10:00", 0, "phone", "other", 5);
  add_reception (f, "2025-10-05 10:00", 0, "walk_in", "urban_construction", 1);
  r = add_reception (f, "2025-09-09 10:00", 1, "walk_in", "urban_construction", 1);
  g_assert_true (liaison_store_delete_reception (f->store, r, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&f->store, &f->dir);
  g_free (f->deputy_uuid);
}

static guint
expect_count (const Expect *e,
              guint         i)
{
  const guint counts[] = {
    e->collected, e->withdrawn, e->resolved, e->rated, e->satisfied, e->replied,
    e->in_time, e->overdue, e->receptions, e->visitors,
  };

  return counts[i];
}

/* @row shows @expect, and for every figure the rows behind the number
 * add up to it. */
static void
assert_row (Fixture                   *f,
            const LiaisonPeriod       *period,
            const GDate               *today,
            LiaisonBreakdown           breakdown,
            const LiaisonDashboardRow *row,
            const Expect              *expect)
{
  for (guint i = 0; i < LIAISON_N_FIGURES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = NULL;
      guint count = liaison_dashboard_row_count (row, figure_of[i]);

      g_test_message ("row “%s” (%s), %s", row->key, row->label, liaison_figure_label (figure_of[i]));
      if (expect != NULL)
        g_assert_cmpuint (count, ==, expect_count (expect, i));
      items = liaison_dashboard_list_items (f->store, period, today, figure_of[i], breakdown,
                                            breakdown == LIAISON_BREAKDOWN_NONE ? NULL : row->key, &error);
      g_assert_no_error (error);
      g_assert_nonnull (items);
      g_assert_cmpuint (liaison_dashboard_items_count (figure_of[i], items), ==, count);
    }
}

/* Every row of @breakdown, in order: @keys and @expect one for one. */
static void
assert_breakdown (Fixture             *f,
                  LiaisonDashboard    *dashboard,
                  LiaisonBreakdown     breakdown,
                  const char * const  *keys,
                  const Expect        *expect,
                  guint                n)
{
  GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, breakdown);

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      LiaisonDashboardRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->key, ==, keys[i]);
      g_assert_nonnull (row->label);
      assert_row (f, &dashboard->period, &dashboard->today, breakdown, row, &expect[i]);
    }
}

static const Expect zero = { 0, };

static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period = period_of ("2025Q3");
  GDate today = day (2025, 10, 20);
  g_autoptr(LiaisonDashboard) dashboard = liaison_dashboard_compute (f->store, &period, &today, &error);
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  LiaisonFigures store_figures;
  /* A..M; R1..R12, visitors 2+1+3+1+1+4+1+2+1+1+2+5 = 24. */
  const Expect total = { 13, 1, 4, 5, 3, 5, 2, 2, 12, 24 };
  static const char *const category_keys[] = {
    "urban_construction", "social_security", "education", "health", "transport",
    "environment", "agriculture", "enterprise", "public_safety", "other",
  };
  const Expect by_category[] = {
    /* A B E H K M; R1 R2 R5 R8 R9 R11: 2+1+1+2+1+2 */
    { 6, 0, 2, 4, 2, 5, 2, 1, 6, 9 },
    /* C D; R3 R4 */
    { 2, 0, 2, 1, 1, 0, 0, 0, 2, 4 },
    /* F G; R6 R7 */
    { 2, 0, 0, 0, 0, 0, 0, 1, 2, 5 },
    /* L; R10 */
    { 1, 0, 0, 0, 0, 0, 0, 0, 1, 1 },
    /* J, no reception */
    { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    zero, zero, zero, zero,
    /* I; R12 */
    { 1, 1, 0, 0, 0, 0, 0, 0, 1, 5 },
  };
  static const char *const month_keys[] = { "2025-07", "2025-08", "2025-09" };
  const Expect by_month[] = {
    zero,
    /* M; R11 R12 */
    { 1, 0, 0, 0, 0, 0, 0, 1, 2, 7 },
    /* A..L (test-figures' September); R1..R10 */
    { 12, 1, 4, 5, 3, 5, 2, 1, 10, 17 },
  };
  static const char *const channel_keys[] = { "walk_in", "phone", "online", "mobile_desk", "deputy", "none" };
  const Expect by_channel[] = {
    /* A C E G K M; R1 R3 R5 R7 R9 R11: 2+3+1+1+1+2 */
    { 6, 0, 2, 3, 1, 3, 1, 1, 6, 10 },
    /* B H; R2 R8 R12: 1+2+5 */
    { 2, 0, 1, 1, 1, 2, 1, 0, 3, 8 },
    /* D L; R4 R10 */
    { 2, 0, 1, 1, 1, 0, 0, 0, 2, 2 },
    /* F; R6 */
    { 1, 0, 0, 0, 0, 0, 0, 1, 1, 4 },
    /* J */
    { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    /* I */
    { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 },
  };
  const Expect by_station[] = {
    /* S1: A B E F I K L; R1 R2 R5 R6 R9 R10 R12: 2+1+1+4+1+1+5 */
    { 7, 1, 2, 4, 2, 4, 1, 1, 7, 15 },
    /* S2: C D G H J M; R3 R4 R7 R8 R11: 3+1+1+2+2 */
    { 6, 0, 2, 1, 1, 1, 1, 1, 5, 9 },
  };
  const char *station_keys[2];
  g_autoptr(GPtrArray) overdue = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  g_assert_true (dashboard->headquarters);
  g_assert_cmpstr (dashboard->total->key, ==, "");
  assert_row (f, &period, &today, LIAISON_BREAKDOWN_NONE, dashboard->total, &total);
  /* Rates: 4 / (13 - 1), 3 / 5, 2 / 5. */
  {
    g_autofree char *resolution = liaison_rate_format (LIAISON_RATE_RESOLUTION, &dashboard->total->figures);
    g_autofree char *satisfaction = liaison_rate_format (LIAISON_RATE_SATISFACTION, &dashboard->total->figures);
    g_autofree char *in_time = liaison_rate_format (LIAISON_RATE_IN_TIME, &dashboard->total->figures);

    g_assert_cmpstr (resolution, ==, "33.3%");
    g_assert_cmpstr (satisfaction, ==, "60.0%");
    g_assert_cmpstr (in_time, ==, "40.0%");
  }
  /* The same figures as the follow-up page's. */
  g_assert_true (liaison_store_compute_figures (f->store, &period.from, &period.to, &today, &store_figures, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&dashboard->total->figures, sizeof store_figures, &store_figures, sizeof store_figures);

  assert_breakdown (f, dashboard, LIAISON_BREAKDOWN_CATEGORY, category_keys, by_category, G_N_ELEMENTS (by_category));
  assert_breakdown (f, dashboard, LIAISON_BREAKDOWN_MONTH, month_keys, by_month, G_N_ELEMENTS (by_month));
  assert_breakdown (f, dashboard, LIAISON_BREAKDOWN_CHANNEL, channel_keys, by_channel, G_N_ELEMENTS (by_channel));
  s1 = station_uuid (f, 0);
  s2 = station_uuid (f, 1);
  station_keys[0] = s1;
  station_keys[1] = s2;
  assert_breakdown (f, dashboard, LIAISON_BREAKDOWN_STATION, station_keys, by_station, G_N_ELEMENTS (by_station));
  g_assert_cmpstr (((LiaisonDashboardRow *) g_ptr_array_index (dashboard->by_station, 0))->label, ==, "东山街道代表联络站");
  g_assert_cmpstr (((LiaisonDashboardRow *) g_ptr_array_index (dashboard->by_month, 2))->label, ==, "September 2025");

  /* Receptions and visitors by station and month. */
  {
    guint visitors = 99;

    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, s1, "2025-07", &visitors), ==, 0);
    g_assert_cmpuint (visitors, ==, 0);
    /* R12 */
    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, s1, "2025-08", &visitors), ==, 1);
    g_assert_cmpuint (visitors, ==, 5);
    /* R1 R2 R5 R6 R9 R10: 2+1+1+4+1+1 */
    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, s1, "2025-09", &visitors), ==, 6);
    g_assert_cmpuint (visitors, ==, 10);
    /* R11 */
    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, s2, "2025-08", &visitors), ==, 1);
    g_assert_cmpuint (visitors, ==, 2);
    /* R3 R4 R7 R8: 3+1+1+2 */
    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, s2, "2025-09", &visitors), ==, 4);
    g_assert_cmpuint (visitors, ==, 7);
    g_assert_cmpuint (liaison_dashboard_station_month (dashboard, "", "2025-09", &visitors), ==, 10);
    g_assert_cmpuint (visitors, ==, 17);
  }

  /* The rows behind "overdue now": F and M. */
  overdue = liaison_dashboard_list_items (f->store, &period, &today, LIAISON_FIGURE_OVERDUE,
                                          LIAISON_BREAKDOWN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 2);
  g_assert_cmpstr (((LiaisonSuggestion *) g_ptr_array_index (overdue, 0))->title, ==, "F");
  g_assert_cmpstr (((LiaisonSuggestion *) g_ptr_array_index (overdue, 1))->title, ==, "M");
}

static void
test_months (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today = day (2025, 10, 20);
  LiaisonPeriod september = period_of ("2025-09");
  LiaisonPeriod august = period_of ("2025-08");
  LiaisonPeriod days = period_of ("2025-09-10..2025-09-12");
  g_autoptr(LiaisonDashboard) sep = liaison_dashboard_compute (f->store, &september, &today, &error);
  g_autoptr(LiaisonDashboard) aug = NULL;
  g_autoptr(LiaisonDashboard) few = NULL;
  g_autoptr(LiaisonDashboard) later = NULL;
  const Expect sep_total = { 12, 1, 4, 5, 3, 5, 2, 1, 10, 17 };
  const Expect aug_total = { 1, 0, 0, 0, 0, 0, 0, 1, 2, 7 };
  /* G and H; R7, R8 (R14 of 09-09 is deleted anyway). */
  const Expect few_total = { 2, 0, 0, 0, 0, 1, 1, 0, 2, 3 };
  /* The day after G's due date, G is overdue too: F and G in September. */
  const Expect later_total = { 12, 1, 4, 5, 3, 5, 2, 2, 10, 17 };

  g_assert_no_error (error);
  assert_row (f, &september, &today, LIAISON_BREAKDOWN_NONE, sep->total, &sep_total);
  g_assert_cmpuint (sep->by_month->len, ==, 1);
  for (guint b = LIAISON_BREAKDOWN_CATEGORY; b < LIAISON_N_BREAKDOWNS; b++)
    {
      GPtrArray *rows = liaison_dashboard_get_breakdown (sep, b);

      for (guint i = 0; i < rows->len; i++)
        assert_row (f, &september, &today, b, g_ptr_array_index (rows, i), NULL);
    }

  aug = liaison_dashboard_compute (f->store, &august, &today, &error);
  g_assert_no_error (error);
  assert_row (f, &august, &today, LIAISON_BREAKDOWN_NONE, aug->total, &aug_total);

  few = liaison_dashboard_compute (f->store, &days, &today, &error);
  g_assert_no_error (error);
  assert_row (f, &days, &today, LIAISON_BREAKDOWN_NONE, few->total, &few_total);
  g_assert_cmpuint (few->by_month->len, ==, 1);

  today = day (2025, 10, 21);
  later = liaison_dashboard_compute (f->store, &september, &today, &error);
  g_assert_no_error (error);
  assert_row (f, &september, &today, LIAISON_BREAKDOWN_NONE, later->total, &later_total);
}

/* At a station's desk: its own station's figures, no station breakdown. */
static void
test_station_desk (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period = period_of ("2025Q3");
  GDate today = day (2025, 10, 20);
  g_autoptr(LiaisonDashboard) dashboard = liaison_dashboard_compute (f->store, &period, &today, &error);
  /* S1's row of test_quarter. */
  const Expect own = { 7, 1, 2, 4, 2, 4, 1, 1, 7, 15 };

  g_assert_no_error (error);
  g_assert_false (dashboard->headquarters);
  g_assert_null (dashboard->by_station);
  g_assert_null (liaison_dashboard_get_breakdown (dashboard, LIAISON_BREAKDOWN_STATION));
  assert_row (f, &period, &today, LIAISON_BREAKDOWN_NONE, dashboard->total, &own);
  for (guint b = LIAISON_BREAKDOWN_CATEGORY; b < LIAISON_BREAKDOWN_STATION; b++)
    {
      GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, b);

      for (guint i = 0; i < rows->len; i++)
        assert_row (f, &period, &today, b, g_ptr_array_index (rows, i), NULL);
    }

  /* Asked for, the whole file and one station, whatever the desk. */
  {
    g_autoptr(LiaisonDashboard) all = liaison_dashboard_compute_station (f->store, &period, &today, NULL, &error);
    g_autofree char *west_uuid = station_uuid (f, 1);
    g_autoptr(LiaisonDashboard) west = NULL;
    g_autoptr(LiaisonDashboard) none = NULL;

    g_assert_no_error (error);
    g_assert_true (all->headquarters);
    g_assert_cmpuint (all->total->figures.collected, ==, 13);
    g_assert_cmpuint (all->by_station->len, ==, 2);
    west = liaison_dashboard_compute_station (f->store, &period, &today, west_uuid, &error);
    g_assert_no_error (error);
    g_assert_false (west->headquarters);
    g_assert_null (west->by_station);
    /* S2's row of test_quarter. */
    g_assert_cmpuint (west->total->figures.collected, ==, 6);
    g_assert_cmpuint (west->total->figures.resolved, ==, 2);
    g_assert_cmpuint (west->total->receptions, ==, 5);
    g_assert_cmpuint (west->total->visitors, ==, 9);
    none = liaison_dashboard_compute_station (f->store, &period, &today, "no-such-station", &error);
    g_assert_null (none);
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  }
}

static guint
quarter_visitors (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period = period_of ("2025Q3");
  GDate today = day (2025, 10, 20);
  g_autoptr(LiaisonDashboard) dashboard = liaison_dashboard_compute (f->store, &period, &today, &error);

  g_assert_no_error (error);
  /* The rows behind the number agree, read from the visitors themselves. */
  assert_row (f, &period, &today, LIAISON_BREAKDOWN_NONE, dashboard->total, NULL);
  return dashboard->total->visitors;
}

/* The receptions' visitors total (schema 14) follows every change of
 * their visitors, and an older file gets it on upgrading. */
static void
test_visitors_total (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) a = liaison_test_get_suggestion (f->store, f->ids[0]);
  g_autoptr(LiaisonReception) r1 = liaison_store_get_reception (f->store, a->reception_id, &error);
  g_autofree char *path = g_strdup (liaison_store_get_path (f->store));

  g_assert_no_error (error);
  g_assert_cmpuint (quarter_visitors (f), ==, 24);
  /* R1: its party of 2 becomes 4, and a party of 3 joins it. */
  ((LiaisonVisitor *) g_ptr_array_index (r1->visitors, 0))->party_size = 4;
  g_ptr_array_add (r1->visitors, liaison_test_make_visitor ("王阿姨", "", "东山社区"));
  ((LiaisonVisitor *) g_ptr_array_index (r1->visitors, 1))->party_size = 3;
  g_assert_true (liaison_store_save_reception (f->store, r1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quarter_visitors (f), ==, 29);
  /* Its first visitor leaves: 29 - 4. */
  g_ptr_array_remove_index (r1->visitors, 0);
  g_assert_true (liaison_store_save_reception (f->store, r1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quarter_visitors (f), ==, 25);
  /* Deleted, R1 counts no more: 25 - 3. */
  g_assert_true (liaison_store_delete_reception (f->store, r1->meta.id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quarter_visitors (f), ==, 22);

  /* A schema 13 file: the totals are worked out on opening it. */
  liaison_test_undo_dashboard_schema (f->store);
  g_clear_object (&f->store);
  f->store = liaison_test_open_store (path);
  g_assert_cmpint (liaison_store_get_schema_version (f->store), ==, LIAISON_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (quarter_visitors (f), ==, 22);
}

static void
assert_period (const char *text,
               const char *code,
               const char *from,
               const char *to,
               LiaisonPeriodKind kind)
{
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period;
  g_autofree char *back = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_test_message ("period “%s”", text);
  g_assert_true (liaison_period_parse (text, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, kind);
  first = liaison_date_to_iso (&period.from);
  last = liaison_date_to_iso (&period.to);
  g_assert_cmpstr (first, ==, from);
  g_assert_cmpstr (last, ==, to);
  back = liaison_period_to_code (&period);
  g_assert_cmpstr (back, ==, code);
}

static void
test_period_parse (void)
{
  static const char *const bad[] = {
    "", " ", "2025-13", "2025-00", "2025Q5", "2025Q0", "2025Q", "25", "2025-3", "202", "20250",
    "March", "2025-03-01", "2025q1x", "2025-02-30..2025-03-01", "2025-01-05..", "..2025-01-05",
    "0999", "2025 Q1", "2025-1-5..2025-2-10",
  };

  assert_period ("2025-03", "2025-03", "2025-03-01", "2025-03-31", LIAISON_PERIOD_MONTH);
  assert_period ("2024-02", "2024-02", "2024-02-01", "2024-02-29", LIAISON_PERIOD_MONTH);
  assert_period ("2025Q1", "2025Q1", "2025-01-01", "2025-03-31", LIAISON_PERIOD_QUARTER);
  assert_period ("2025q4", "2025Q4", "2025-10-01", "2025-12-31", LIAISON_PERIOD_QUARTER);
  assert_period ("2025", "2025", "2025-01-01", "2025-12-31", LIAISON_PERIOD_YEAR);
  assert_period (" 2025-12 ", "2025-12", "2025-12-01", "2025-12-31", LIAISON_PERIOD_MONTH);
  assert_period ("2025-01-05..2025-02-10", "2025-01-05..2025-02-10", "2025-01-05", "2025-02-10",
                 LIAISON_PERIOD_CUSTOM);
  assert_period ("2025-01-05..2025-01-05", "2025-01-05..2025-01-05", "2025-01-05", "2025-01-05",
                 LIAISON_PERIOD_CUSTOM);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LiaisonPeriod period = { LIAISON_PERIOD_YEAR, };
      LiaisonPeriod before;

      g_test_message ("bad period “%s”", bad[i]);
      g_date_clear (&period.from, 1);
      g_date_clear (&period.to, 1);
      g_date_set_dmy (&period.from, 1, 1, 2020);
      before = period;
      g_assert_false (liaison_period_parse (bad[i], &period, &error));
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2025Q1"));
      /* Nothing changed. */
      g_assert_cmpmem (&period, sizeof period, &before, sizeof before);
    }

  {
    g_autoptr(GError) error = NULL;
    LiaisonPeriod period;

    g_assert_false (liaison_period_parse ("2025-02-10..2025-01-05", &period, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The period “2025-02-10..2025-01-05” ends before it begins.");
    g_clear_error (&error);
    g_assert_false (liaison_period_parse (NULL, &period, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  }
}

static void
assert_step (const char *code,
             int         steps,
             const char *expected)
{
  LiaisonPeriod period = period_of (code);
  g_autofree char *result = NULL;

  liaison_period_step (&period, steps);
  result = liaison_period_to_code (&period);
  g_assert_cmpstr (result, ==, expected);
}

static void
assert_containing (LiaisonPeriodKind kind,
                   int               year,
                   int               month,
                   int               mday,
                   const char       *expected)
{
  GDate date = day (year, month, mday);
  LiaisonPeriod period;
  g_autofree char *code = NULL;

  liaison_period_containing (kind, &date, &period);
  g_assert_cmpint (period.kind, ==, kind);
  code = liaison_period_to_code (&period);
  g_assert_cmpstr (code, ==, expected);
}

static void
test_period_step (void)
{
  assert_step ("2025-01", -1, "2024-12");
  assert_step ("2025-01", 1, "2025-02");
  assert_step ("2025-11", 3, "2026-02");
  assert_step ("2025Q4", 1, "2026Q1");
  assert_step ("2025Q1", -5, "2023Q4");
  assert_step ("2025", -2, "2023");
  assert_step ("2025", 0, "2025");
  /* Custom: by its own length, 7 days. */
  assert_step ("2025-01-05..2025-01-11", 1, "2025-01-12..2025-01-18");
  assert_step ("2025-01-05..2025-01-11", -2, "2024-12-22..2024-12-28");

  assert_containing (LIAISON_PERIOD_MONTH, 2024, 2, 29, "2024-02");
  assert_containing (LIAISON_PERIOD_QUARTER, 2025, 5, 17, "2025Q2");
  assert_containing (LIAISON_PERIOD_QUARTER, 2025, 12, 31, "2025Q4");
  assert_containing (LIAISON_PERIOD_YEAR, 2025, 7, 1, "2025");
}

static void
assert_label (const char *code,
              const char *expected)
{
  LiaisonPeriod period = period_of (code);
  g_autofree char *label = liaison_period_label (&period);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_period_label (void)
{
  assert_label ("2025-03", "March 2025");
  assert_label ("2025Q1", "2025 Q1");
  assert_label ("2025", "2025");
  assert_label ("2025-01-05..2025-02-10", "5 Jan 2025 – 10 Feb 2025");
}

static void
test_period_label_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      liaison_locale_init ();
      assert_label ("2025-03", "2025年3月");
      assert_label ("2025Q1", "2025年第一季度");
      assert_label ("2025", "2025年");
      assert_label ("2025-01-05..2025-02-10", "2025年1月5日 至 2025年2月10日");
      g_assert_cmpstr (liaison_figure_label (LIAISON_FIGURE_COLLECTED), ==, "已收集");
      g_assert_cmpstr (liaison_rate_label (LIAISON_RATE_RESOLUTION), ==, "解决率");
      g_assert_cmpstr (liaison_breakdown_label (LIAISON_BREAKDOWN_CATEGORY), ==, "按类别");
      for (guint i = 0; i < LIAISON_N_FIGURES; i++)
        g_assert_null (strstr (liaison_figure_definition (i), "the "));
      for (guint i = 0; i < LIAISON_N_RATES; i++)
        g_assert_null (strstr (liaison_rate_definition (i), "the "));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The definitions are docs/closed-loop.md's table, word for word (its
 * markup left out). */
static void
test_definitions (void)
{
  static const struct { const char *name; int figure; int rate; } rows[] = {
    { "collected", LIAISON_FIGURE_COLLECTED, -1 },
    { "withdrawn", LIAISON_FIGURE_WITHDRAWN, -1 },
    { "resolved", LIAISON_FIGURE_RESOLVED, -1 },
    { "rated", LIAISON_FIGURE_RATED, -1 },
    { "satisfied", LIAISON_FIGURE_SATISFIED, -1 },
    { "replied", LIAISON_FIGURE_REPLIED, -1 },
    { "replied in time", LIAISON_FIGURE_REPLIED_IN_TIME, -1 },
    { "overdue now", LIAISON_FIGURE_OVERDUE, -1 },
    { "receptions", LIAISON_FIGURE_RECEPTIONS, -1 },
    { "visitors", LIAISON_FIGURE_VISITORS, -1 },
    { "resolution rate", -1, LIAISON_RATE_RESOLUTION },
    { "satisfaction rate", -1, LIAISON_RATE_SATISFACTION },
    { "answered within the time limit", -1, LIAISON_RATE_IN_TIME },
  };
  g_autofree char *path = g_build_filename (g_getenv ("LIAISON_DOCS"), "closed-loop.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint found = 0;
  const char *section;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  section = strstr (text, "\n## The figures\n");
  g_assert_nonnull (section);
  lines = g_strsplit (section, "\n", -1);
  for (guint i = 2; lines[i] != NULL && !g_str_has_prefix (lines[i], "#"); i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *name = NULL;
      g_autofree char *definition = NULL;

      if (!g_str_has_prefix (lines[i], "| ") || g_str_has_prefix (lines[i], "| ---") ||
          g_str_has_prefix (lines[i], "| figure"))
        continue;
      cells = g_strsplit (lines[i], " | ", 2);
      name = g_strstrip (g_strdup (cells[0] + 2));
      definition = g_strdup (cells[1]);
      g_strchomp (definition);
      g_assert_true (g_str_has_suffix (definition, " |"));
      definition[strlen (definition) - 2] = '\0';
      /* The markup: `code`, *words*, **words**. */
      {
        GString *plain = g_string_new (NULL);

        for (const char *c = definition; *c != '\0'; c++)
          if (*c != '`' && *c != '*')
            g_string_append_c (plain, *c);
        g_free (definition);
        definition = g_string_free (plain, FALSE);
      }
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          if (strcmp (rows[r].name, name) != 0)
            continue;
          g_test_message ("%s", name);
          if (rows[r].figure >= 0)
            g_assert_cmpstr (liaison_figure_definition (rows[r].figure), ==, definition);
          else
            g_assert_cmpstr (liaison_rate_definition (rows[r].rate), ==, definition);
          found |= 1u << r;
        }
    }
  g_assert_cmpuint (found, ==, (1u << G_N_ELEMENTS (rows)) - 1);
}


/* `liaison report` */

/* Every sheet of the workbook as openpyxl (Debian's python3-openpyxl)
 * reads it: its title, frozen panes, column widths, and each cell's value,
 * number format and boldness. */
static const char reader[] =
  "import json, sys, openpyxl\n"
  "book = openpyxl.load_workbook(sys.argv[1])\n"
  "out = []\n"
  "for s in book.worksheets:\n"
  "    rows = [[[c.value, c.number_format, bool(c.font.b)] for c in row] for row in s.iter_rows()]\n"
  "    widths = [s.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(s.max_column)]\n"
  "    out.append({'title': s.title, 'freeze': s.freeze_panes, 'rows': rows, 'widths': widths})\n"
  "print(json.dumps(out, ensure_ascii=False))\n";

static JsonArray *
read_workbook (const char *path,
               JsonParser *parser)
{
  const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static JsonArray *
cell_at (JsonObject *sheet,
         guint       row,
         guint       col)
{
  JsonArray *rows = json_object_get_array_member (sheet, "rows");

  g_assert_cmpuint (row, <, json_array_get_length (rows));
  g_assert_cmpuint (col, <, json_array_get_length (json_array_get_array_element (rows, row)));
  return json_array_get_array_element (json_array_get_array_element (rows, row), col);
}

static void
assert_text_cell (JsonObject *sheet,
                  guint       row,
                  guint       col,
                  const char *text)
{
  JsonNode *value = json_array_get_element (cell_at (sheet, row, col), 0);

  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (value), ==, text);
}

/* A number stored as a number, not as text. */
static void
assert_number_cell (JsonObject *sheet,
                    guint       row,
                    guint       col,
                    double      number,
                    const char *number_format)
{
  JsonArray *cell = cell_at (sheet, row, col);
  JsonNode *value = json_array_get_element (cell, 0);
  GType type = json_node_get_value_type (value);

  g_assert_true (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (value), number, 1e-9);
  g_assert_cmpstr (json_array_get_string_element (cell, 1), ==, number_format);
}

static void
assert_header_row (JsonObject         *sheet,
                   const char * const *headers,
                   guint               n)
{
  JsonArray *widths = json_object_get_array_member (sheet, "widths");

  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze"), ==, "A2");
  for (guint c = 0; c < n; c++)
    {
      assert_text_cell (sheet, 0, c, headers[c]);
      g_assert_true (json_array_get_boolean_element (cell_at (sheet, 0, c), 2));
      /* Wide enough for the header, and for the widest cell below
       * (liaison_text_width: a Chinese character counts two). */
      g_assert_cmpfloat (json_array_get_double_element (widths, c), >=, MIN (strlen (headers[c]), 40));
    }
}

/* A breakdown's sheet: the key's header and every column's, then one line
 * per row and the total, each cell what the store's dashboard says. */
static void
assert_breakdown_sheet (JsonObject       *sheet,
                        LiaisonDashboard *dashboard,
                        LiaisonBreakdown  breakdown,
                        const char       *key_header)
{
  GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, breakdown);
  static const struct { gboolean rate; int which; } columns[] = {
    { FALSE, LIAISON_FIGURE_COLLECTED }, { FALSE, LIAISON_FIGURE_WITHDRAWN }, { FALSE, LIAISON_FIGURE_RESOLVED },
    { TRUE, LIAISON_RATE_RESOLUTION }, { FALSE, LIAISON_FIGURE_RATED }, { FALSE, LIAISON_FIGURE_SATISFIED },
    { TRUE, LIAISON_RATE_SATISFACTION }, { FALSE, LIAISON_FIGURE_REPLIED }, { FALSE, LIAISON_FIGURE_REPLIED_IN_TIME },
    { TRUE, LIAISON_RATE_IN_TIME }, { FALSE, LIAISON_FIGURE_OVERDUE }, { FALSE, LIAISON_FIGURE_RECEPTIONS },
    { FALSE, LIAISON_FIGURE_VISITORS },
  };
  const char *headers[G_N_ELEMENTS (columns) + 1] = { key_header, };

  g_test_message ("sheet %s", json_object_get_string_member (sheet, "title"));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    headers[c + 1] = columns[c].rate ? liaison_rate_label (columns[c].which) : liaison_figure_label (columns[c].which);
  assert_header_row (sheet, headers, G_N_ELEMENTS (headers));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sheet, "rows")), ==, rows->len + 2);
  for (guint r = 0; r <= rows->len; r++)
    {
      const LiaisonDashboardRow *row = r < rows->len ? g_ptr_array_index (rows, r) : dashboard->total;

      assert_text_cell (sheet, r + 1, 0, row->label);
      g_assert_true (json_array_get_boolean_element (cell_at (sheet, r + 1, 0), 2) == (r == rows->len));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          guint numerator, denominator;

          if (!columns[c].rate)
            assert_number_cell (sheet, r + 1, c + 1, liaison_dashboard_row_count (row, columns[c].which), "General");
          else if (liaison_rate_parts (columns[c].which, &row->figures, &numerator, &denominator))
            assert_number_cell (sheet, r + 1, c + 1, (double) numerator / denominator, "0.0%");
          else
            assert_text_cell (sheet, r + 1, c + 1, "—");
        }
    }
}

static void
test_report_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "报告.xlsx", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period = period_of ("2025Q3");
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  static const char *const titles[] = {
    "Figures", "By category", "By month", "By channel", "By station", "Receptions by station and month",
  };
  const char *figure_headers[] = { "Figure", "Number", "Definition" };
  const char *station_headers[] = { "Station", "Month", "Receptions", "Visitors" };
  JsonArray *sheets;
  JsonObject *sheet;
  guint row = 0;

  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store),
                            "--period", "2025Q3", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Wrote the figures for 2025 Q3"));
  /* The command's today is today: the store's figures as of today. */
  dashboard = liaison_dashboard_compute (f->store, &period, NULL, &error);
  g_assert_no_error (error);

  sheets = read_workbook (path, parser);
  g_assert_cmpuint (json_array_get_length (sheets), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sheets, i), "title"), ==, titles[i]);

  /* The figures, each with its definition, then the rates. */
  sheet = json_array_get_object_element (sheets, 0);
  assert_header_row (sheet, figure_headers, G_N_ELEMENTS (figure_headers));
  for (guint i = 0; i < LIAISON_N_FIGURES; i++)
    {
      row++;
      assert_text_cell (sheet, row, 0, liaison_figure_label (figure_of[i]));
      assert_number_cell (sheet, row, 1, liaison_dashboard_row_count (dashboard->total, figure_of[i]), "General");
      assert_text_cell (sheet, row, 2, liaison_figure_definition (figure_of[i]));
    }
  /* 13 collected, 12 not withdrawn, 4 resolved: 4 / 12; the others
   * change with today. */
  assert_number_cell (sheet, row + 1, 1, 4.0 / 12.0, "0.0%");
  for (guint r = 0; r < LIAISON_N_RATES; r++)
    {
      guint numerator, denominator;

      row++;
      assert_text_cell (sheet, row, 0, liaison_rate_label (r));
      if (liaison_rate_parts (r, &dashboard->total->figures, &numerator, &denominator))
        assert_number_cell (sheet, row, 1, (double) numerator / denominator, "0.0%");
      assert_text_cell (sheet, row, 2, liaison_rate_definition (r));
    }
  g_assert_cmpuint (liaison_dashboard_row_count (dashboard->total, LIAISON_FIGURE_COLLECTED), ==, 13);

  assert_breakdown_sheet (json_array_get_object_element (sheets, 1), dashboard, LIAISON_BREAKDOWN_CATEGORY, "Category");
  assert_breakdown_sheet (json_array_get_object_element (sheets, 2), dashboard, LIAISON_BREAKDOWN_MONTH, "Month");
  assert_breakdown_sheet (json_array_get_object_element (sheets, 3), dashboard, LIAISON_BREAKDOWN_CHANNEL, "Channel");
  assert_breakdown_sheet (json_array_get_object_element (sheets, 4), dashboard, LIAISON_BREAKDOWN_STATION, "Station");

  /* Receptions and visitors by station and month: S1 (东山) then S2, each
   * July, August, September (see the table at the top). */
  {
    static const guint expected[][2] = { { 0, 0 }, { 1, 5 }, { 6, 10 }, { 0, 0 }, { 1, 2 }, { 4, 7 } };
    static const char *const stations[] = { "东山街道代表联络站", "西湖街道代表联络站" };
    static const char *const months[] = { "July 2025", "August 2025", "September 2025" };

    sheet = json_array_get_object_element (sheets, 5);
    assert_header_row (sheet, station_headers, G_N_ELEMENTS (station_headers));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sheet, "rows")), ==, 7);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        assert_text_cell (sheet, i + 1, 0, stations[i / 3]);
        assert_text_cell (sheet, i + 1, 1, months[i % 3]);
        assert_number_cell (sheet, i + 1, 2, expected[i][0], "General");
        assert_number_cell (sheet, i + 1, 3, expected[i][1], "General");
      }
  }
}

/* The PDF in Chinese, as pdftotext (poppler-utils) reads it: the title,
 * the figures with their definitions, the tables. */
static void
test_report_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "报告.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;
  static const char *const lines[] = {
    "2025年第三季度统计数据",
    "已收集 13 统计范围内的建议：本期登记的建议（含已撤回的）",
    "已撤回 1 其中现已撤回的",
    "解决率 33.3% 已解决 /（已收集 − 已撤回）",
    "按类别",
    "按月份",
    "按渠道",
    "按联络站",
    "各站各月接待",
    /* Receptions, then visitors, by station and month: July, August,
     * September and the total. */
    "东山街道代表联络站 0 1 6 7",
    "西湖街道代表联络站 0 1 4 5",
    "合计 0 2 10 12",
    "东山街道代表联络站 0 5 10 15",
    "西湖街道代表联络站 0 2 7 9",
    "合计 0 7 17 24",
  };

  liaison_test_run_liaison_in (&result, "zh_CN", "report", "--database", liaison_store_get_path (f->store),
                               "--period", "2025Q3", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (!liaison_test_has_line (text, lines[i]))
      g_error ("the PDF has no line “%s”", lines[i]);
  g_assert_nonnull (strstr (text, "至少答复过一次的建议"));
  g_assert_nonnull (strstr (text, "第 1 页，共"));
}

/* Bad input: a clear message, and no file. */
static void
test_report_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "报告.xlsx", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "报告.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "报告.pdf", NULL);
  g_autofree char *no_db = g_build_filename (f->dir, "none.db", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *listing = NULL;

  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store),
                            "--period", "2025Q5", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "“2025Q5” is not a period: give a month (2025-03), a quarter (2025Q1)"));
  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store),
                            "--period", "2025-09-30..2025-09-01", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "ends before it begins"));
  liaison_test_run_liaison_in (&result, "zh_CN", "report", "--database", liaison_store_get_path (f->store),
                               "--period", "上季度", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "“上季度”不是有效的期间"));
  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store),
                            "--period", "2025Q3", txt, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is neither a .xlsx nor a .pdf file"));
  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store), xlsx, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--period"));
  liaison_test_run_liaison (&result, "report", "--database", liaison_store_get_path (f->store),
                            "--period", "2025Q3", missing, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "nowhere"));
  liaison_test_run_liaison (&result, "report", "--database", no_db, "--period", "2025Q3", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 1);

  /* Nothing was written: the folder holds the database only. */
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (no_db, G_FILE_TEST_EXISTS));
  listing = liaison_test_list_dir (f->dir);
  g_assert_null (strstr (listing, "报告"));
}

int
main (int   argc,
      char *argv[])
{
  /* Registration days are local dates; pin them. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dashboard/quarter", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_quarter, fixture_tear_down);
  g_test_add ("/dashboard/months", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_months, fixture_tear_down);
  g_test_add ("/dashboard/station-desk", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_station_desk,
              fixture_tear_down);
  g_test_add ("/dashboard/visitors-total", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_visitors_total,
              fixture_tear_down);
  g_test_add ("/dashboard/report-xlsx", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_report_xlsx,
              fixture_tear_down);
  g_test_add ("/dashboard/report-pdf", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_report_pdf,
              fixture_tear_down);
  g_test_add ("/dashboard/report-bad", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_report_bad,
              fixture_tear_down);
  g_test_add_func ("/dashboard/period-parse", test_period_parse);
  g_test_add_func ("/dashboard/period-step", test_period_step);
  g_test_add_func ("/dashboard/period-label", test_period_label);
  g_test_add_func ("/dashboard/period-label-zh_CN", test_period_label_zh_cn);
  g_test_add_func ("/dashboard/definitions", test_definitions);

  return g_test_run ();
}
