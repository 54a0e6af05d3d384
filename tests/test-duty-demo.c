/* test-duty-demo.c: the demo's duty record (docs/duty-record.md, "Demo
 * data") in a real SQLite file: headquarters' activities of every kind with
 * leave and absence among their deputies, session days for every deputy,
 * duty rosters with planned days nobody logged, a deputy's items that the
 * points engine scores, and a station and a headquarters demo alike. */
#define G_LOG_DOMAIN "test-duty-demo"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#include "liaison-calendar.h"
#include "liaison-demo.h"
#include "liaison-points.h"
#include "liaison-store-duty.h"
#include "liaison-store-quarter.h"
#include "liaison-store-private.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = liaison_test_make_tmp_dir ("liaison-duty-demo-XXXXXX");
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = liaison_test_open_store (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&f->store, &f->dir);
}

static void
generate (Fixture  *f,
          gboolean  hq)
{
  LiaisonDemoOptions options = {
    .n_receptions = 60, .n_stations = 12, .n_deputies = 60, .seed = 11, .n_days = 200,
    .loop_histories = TRUE, .hq = hq,
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_demo_generate (f->store, &options, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return liaison_test_query_int (f->store, sql);
}

/* What both kinds of demo hold. */
static void
check_duty_record (Fixture *f)
{
  static const char *const hq_kinds[] = {
    "congress_session", "standing_committee", "research", "inspection", "law_enforcement_inspection",
    "theme_activity", "group_activity", "training",
  };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deputy = NULL;
  g_autofree char *today_text = NULL;
  const LiaisonDeputyPoints *points;
  GDate today, year_ago;
  LiaisonQuarter first_quarter;
  gint64 n_deputies = count (f, "SELECT count(*) FROM deputies WHERE deleted = 0");

  /* Every headquarters kind, the session's four days among them. */
  for (guint i = 0; i < G_N_ELEMENTS (hq_kinds); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM activities WHERE kind = '%s' AND deleted = 0",
                                              hq_kinds[i]);

      g_assert_cmpint (count (f, sql), >, 0);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind = 'congress_session'"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind NOT IN ('congress_session', 'station_duty')"),
                   >=, 150);
  /* Headquarters' activities have places and organisers, in Chinese. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind <> 'station_duty'"
                             " AND (place = '' OR organiser = '')"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE organiser = '市人大常委会办公室'"), >, 0);

  /* Most attended; some on leave, some absent. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM activity_attendees WHERE attendance = 'leave'"), >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activity_attendees WHERE attendance = 'absent'"), >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activity_attendees WHERE attendance = 'attended'") * 10, >,
                   count (f, "SELECT count(*) FROM activity_attendees") * 8);

  /* Every deputy on every session day. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM activity_attendees t JOIN activities a ON a.id = t.activity_id"
                             " WHERE a.kind = 'congress_session'"), ==, 4 * n_deputies);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT deputy_id) FROM activity_attendees t"
                             " JOIN activities a ON a.id = t.activity_id WHERE a.kind = 'congress_session'"),
                   ==, n_deputies);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind = 'congress_session'"
                             " AND substr (date, 6, 2) <> '01'"), ==, 0);

  /* A roster at every station with deputies, and some planned days over
   * with no station duty logged, which show as planned, not done. */
  g_assert_cmpint (count (f, "SELECT count(DISTINCT station_id) FROM duty_shifts"), ==,
                   count (f, "SELECT count(DISTINCT station_id) FROM deputies WHERE deleted = 0"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind = 'station_duty'"), >, 0);
  liaison_date_set_today (&today);
  today_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today));
  {
    g_autofree char *not_logged = g_strdup_printf (
      "SELECT count(*) FROM duty_shifts s WHERE s.date < '%s' AND NOT EXISTS ("
      " SELECT 1 FROM activities a JOIN activity_attendees t ON t.activity_id = a.id"
      " JOIN stations st ON st.uuid = a.origin_station_uuid"
      " WHERE a.kind = 'station_duty' AND a.date = s.date AND t.deputy_id = s.deputy_id AND st.id = s.station_id)",
      today_text);
    g_autofree char *logged = g_strdup_printf (
      "SELECT count(*) FROM duty_shifts s WHERE s.date < '%s' AND EXISTS ("
      " SELECT 1 FROM activities a JOIN activity_attendees t ON t.activity_id = a.id"
      " JOIN stations st ON st.uuid = a.origin_station_uuid"
      " WHERE a.kind = 'station_duty' AND a.date = s.date AND t.deputy_id = s.deputy_id AND st.id = s.station_id)",
      today_text);
    g_autofree char *ahead = g_strdup_printf ("SELECT count(*) FROM duty_shifts WHERE date > '%s'", today_text);

    g_assert_cmpint (count (f, not_logged), >, 0);
    g_assert_cmpint (count (f, logged), >, count (f, not_logged));
    g_assert_cmpint (count (f, ahead), >, 0);
  }
  /* Every station duty logged was planned. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities a JOIN activity_attendees t ON t.activity_id = a.id"
                             " JOIN stations st ON st.uuid = a.origin_station_uuid"
                             " WHERE a.kind = 'station_duty' AND NOT EXISTS (SELECT 1 FROM duty_shifts s"
                             "  WHERE s.date = a.date AND s.deputy_id = t.deputy_id AND s.station_id = st.id)"), ==, 0);

  /* A deputy's year: the one with most attended activities has items,
   * and the points engine scores them above 0. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (f->store),
                                         "SELECT d.uuid FROM activity_attendees t JOIN deputies d ON d.id = t.deputy_id"
                                         " WHERE t.attendance = 'attended' GROUP BY d.id ORDER BY count(*) DESC, d.uuid LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    deputy = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  year_ago = today;
  g_date_subtract_days (&year_ago, 364);
  {
    g_autofree char *from = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&year_ago),
                                             g_date_get_month (&year_ago), g_date_get_day (&year_ago));

    items = liaison_store_gather_duty_items (f->store, deputy, from, today_text, &error);
  }
  g_assert_no_error (error);
  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, >, 5);
  g_ptr_array_add (rule_sets, liaison_points_rules_new_default ());
  g_assert_true (liaison_quarter_from_gdate (&year_ago, &first_quarter));
  score = liaison_points_score (items, rule_sets, first_quarter, 5, NULL, NULL, &error);
  g_assert_no_error (error);
  points = liaison_points_score_find (score, deputy);
  g_assert_nonnull (points);
  g_assert_cmpint (points->total, >, 0);
  g_assert_cmpuint (points->duty_days, >, 0);

  /* One closed quarter, the latest one over, synced with no station of
   * origin as headquarters' records come; a deputy each, all of them. */
  {
    g_autoptr(LiaisonQuarterClose) close = NULL;
    LiaisonQuarter quarter;

    g_assert_true (liaison_quarter_from_gdate (&today, &quarter));
    quarter = liaison_quarter_previous (quarter);
    close = liaison_store_get_quarter_close (f->store, quarter, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM quarter_closes"), ==, count (f, "SELECT count(*) FROM deputies"));
    g_assert_cmpint (count (f, "SELECT count(*) FROM quarter_closes WHERE sync_state <> 0"
                               " OR origin_station_uuid IS NOT NULL"), ==, 0);
    g_assert_cmpuint (close->snapshot->deputies->len, ==, count (f, "SELECT count(*) FROM deputies"));
    g_assert_cmpint (count (f, "SELECT count(DISTINCT quarter) FROM quarter_closes"), ==, 1);
  }
}

static void
test_station_demo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LiaisonStation) local = NULL;
  g_autofree char *local_pending = NULL;

  generate (f, FALSE);
  check_duty_record (f);

  /* This station's roster and station duty wait to be sent; the rest came
   * synced, headquarters' activities as pulled. */
  local = liaison_store_get_local_station (f->store);
  local_pending = g_strdup_printf ("SELECT count(*) FROM duty_shifts WHERE sync_state <> 0"
                                   " AND station_id = %" G_GINT64_FORMAT, local->meta.id);
  g_assert_cmpint (count (f, local_pending), >, 0);
  g_assert_cmpint (count (f, local_pending), ==, count (f, "SELECT count(*) FROM duty_shifts WHERE sync_state <> 0"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE kind <> 'station_duty' AND sync_state <> 0"), ==, 0);
  {
    g_autoptr(GPtrArray) on_duty = NULL;
    g_autoptr(GError) error = NULL;

    /* The roster plans this station every working day. */
    on_duty = liaison_store_list_on_duty (f->store, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (on_duty);
  }

  /* Run again with the same seed: more receptions, not a second year. */
  {
    gint64 before = count (f, "SELECT count(*) FROM activities");

    generate (f, FALSE);
    g_assert_cmpint (count (f, "SELECT count(*) FROM activities"), ==, before);
  }
}

static void
test_hq_demo (Fixture       *f,
              gconstpointer  data)
{
  generate (f, TRUE);
  check_duty_record (f);
  /* At headquarters every station's roster came from it: nothing to send. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM duty_shifts WHERE sync_state <> 0"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities WHERE sync_state <> 0"), ==, 0);
}

/* A roster alone (no receptions) has no duty record. */
static void
test_roster_only (Fixture       *f,
                  gconstpointer  data)
{
  LiaisonDemoOptions options = { .n_stations = 12, .n_deputies = 60, .seed = 11 };
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_demo_generate (f->store, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM duty_shifts"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/duty-demo/station", test_station_demo);
  ADD ("/duty-demo/hq", test_hq_demo);
  ADD ("/duty-demo/roster-only", test_roster_only);
#undef ADD

  return g_test_run ();
}
