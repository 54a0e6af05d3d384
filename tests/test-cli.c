/* test-cli.c: the real `liaison` program's headless commands, with no
 * display. */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-store-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-store.h"
#include "liaison-test-cli.h"
#include "liaison-test-util.h"

typedef struct {
  char *dir;
  char *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = liaison_test_make_tmp_dir ("liaison-cli-XXXXXX");
  fixture->database = g_build_filename (fixture->dir, "station.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
}

static guint
count_receptions (const char *path)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(GError) error = NULL;
  guint n = liaison_store_count_receptions (store, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* A database with the demo's city and roster plus the test roster. */
static void
make_station (Fixture *fixture)
{
  g_auto(LiaisonTestCliResult) demo = { 0, };
  g_auto(LiaisonTestCliResult) roster = { 0, };
  g_autofree char *roster_path = liaison_test_data_path ("roster.csv");

  liaison_test_run_liaison (&demo, "demo", "--database", fixture->database, "--receptions", "0", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  liaison_test_run_liaison (&roster, "import", "--roster", "--database", fixture->database, roster_path, NULL);
  g_assert_cmpint (roster.status, ==, 0);
  g_assert_nonnull (strstr (roster.out, "Imported 5 deputies from"));
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  LiaisonReceptionFilter past = { .to_date = today };

  liaison_test_run_liaison (&result, "demo", "--database", fixture->database, "--receptions", "120", "--seed", "5", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Added 120 receptions at "));
  g_assert_cmpstr (result.err, ==, "");

  store = liaison_test_open_store (fixture->database);
  station = liaison_store_get_local_station (store);
  g_assert_nonnull (station);
  stations = liaison_store_list_stations (store, NULL);
  g_assert_cmpuint (stations->len, ==, 267);
  deputies = liaison_store_list_deputies (store, NULL, NULL);
  g_assert_cmpuint (deputies->len, ==, 330);
  g_assert_cmpuint (liaison_store_count_receptions (store, NULL, NULL), ==, 120);
  /* None in the future, and all in office hours: a visit that would come
   * later today came the day before, not at the minute the demo ran. */
  g_assert_cmpuint (liaison_store_count_receptions (store, &past, NULL), ==, 120);
  {
    g_autofree char *minute = g_date_time_format (now, "%Y-%m-%d %H:%M");
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM receptions WHERE received_at > '%s'", minute);

    g_assert_cmpint (liaison_test_query_int (store, sql), ==, 0);
    g_assert_cmpint (liaison_test_query_int (store,
      "SELECT count(*) FROM receptions WHERE substr (received_at, 12, 2) NOT BETWEEN '08' AND '17'"), ==, 0);
  }
  g_clear_object (&store);

  /* Again with the same seed: the city is not doubled. */
  liaison_test_run_liaison (&result, "demo", "--database", fixture->database, "--receptions", "30", "--seed", "5", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "267 stations, 330 deputies"));
  g_assert_cmpuint (count_receptions (fixture->database), ==, 150);
}

/* The demo's loop histories obey the rules: every move was accepted when
 * it was added and still is in replay, due dates are the rules' own, and
 * the mix has what the screens need. */
static void
test_demo_loop (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint n_status[LIAISON_N_LOOP_STATUSES] = { 0, };
  guint n_motions = 0, n_co_signed = 0, n_second_round = 0, n_refers = 0, n_replies = 0, n_letters = 0;
  guint n_blind = 0, n_taken_up_here = 0, n_taken_up = 0;
  gboolean has_unit = FALSE;
  LiaisonFigures figures = { 0, };
  GDate today;

  liaison_test_run_liaison (&result, "demo", "--database", fixture->database, "--receptions", "600", "--seed", "7", NULL);
  /* After the run: the demo's histories end at its own "now". */
  now = g_date_time_new_now_utc ();
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "are resolved"));
  g_assert_null (strstr (result.out, "headquarters"));

  store = liaison_test_open_store (fixture->database);
  g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_NONE);
  units = liaison_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >=, 8);
  for (guint i = 0; i < units->len; i++)
    has_unit |= g_strcmp0 (((LiaisonUnit *) g_ptr_array_index (units, i))->name, "区住房和城乡建设局") == 0;
  g_assert_true (has_unit);

  suggestions = liaison_store_list_suggestions (store, NULL, 0, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, >, 200);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const LiaisonSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr(GPtrArray) events = liaison_store_list_suggestion_events (store, suggestion->meta.id, &error);
      g_autoptr(LiaisonLoopState) state = NULL;
      GDate referred_on;

      g_assert_no_error (error);
      state = liaison_loop_replay (events);
      g_assert_cmpuint (state->rejected->len, ==, 0);
      g_assert_cmpuint (state->n_events, ==, events->len);
      g_assert_cmpint (suggestion->status, ==, state->status);
      n_status[state->status]++;
      n_second_round += state->round >= 2;
      if (suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
        {
          n_motions++;
          n_co_signed += suggestion->co_signer_ids->len > 0;
        }

      g_date_clear (&referred_on, 1);
      for (guint e = 0; e < events->len; e++)
        {
          const LiaisonLoopEvent *event = g_ptr_array_index (events, e);
          g_autoptr(GDateTime) local = g_date_time_to_local (event->at);
          GDate day, due;

          /* Nothing happens in the future. */
          g_assert_cmpint (g_date_time_compare (event->at, now), <=, 0);
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                          g_date_time_get_year (local));
          switch (event->move)
            {
            case LIAISON_LOOP_MOVE_TAKE_UP:
              {
                gint64 deputy_id = liaison_store_find_deputy_by_uuid (store, event->deputy_uuid);
                g_autoptr(LiaisonDeputy) deputy = NULL;
                g_autoptr(LiaisonStation) station = liaison_store_get_local_station (store);

                g_assert_cmpint (deputy_id, >, 0);
                deputy = liaison_store_get_deputy (store, deputy_id, &error);
                g_assert_no_error (error);
                g_assert_cmpstr (deputy->name, ==, event->actor_name);
                n_taken_up++;
                n_taken_up_here += deputy->station_id == station->meta.id;
              }
              break;
            case LIAISON_LOOP_MOVE_REFER:
              /* The default rules (no holidays): the due date is theirs. */
              liaison_store_default_due_date (store, suggestion->kind, &day, &due);
              g_assert_cmpint (g_date_compare (&due, &event->due_date), ==, 0);
              referred_on = day;
              n_refers++;
              break;
            case LIAISON_LOOP_MOVE_REPLY:
              g_assert_true (g_date_valid (&referred_on));
              g_assert_cmpint (g_date_compare (&event->reply_date, &referred_on), >=, 0);
              n_replies++;
              /* A letter came with it: here, and named. */
              for (guint a = 0; event->attachments != NULL && event->attachments[a] != NULL; a++)
                {
                  g_autofree char *path = liaison_store_get_attachment_path (store, event->attachments[a]);
                  g_autofree char *letter = NULL;

                  g_assert_nonnull (path);
                  g_assert_true (g_file_get_contents (path, &letter, NULL, NULL));
                  g_assert_nonnull (strstr (letter, event->reply_text));
                  g_assert_true (g_str_has_suffix (event->attachment_names[a], "答复函.txt"));
                  n_letters++;
                }
              break;
            case LIAISON_LOOP_MOVE_RATE:
              n_blind += event->actor_name == NULL;
              g_assert_true ((event->actor_name == NULL) == (suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION));
              break;
            case LIAISON_LOOP_MOVE_REGISTER:
            case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
            case LIAISON_LOOP_MOVE_START:
            case LIAISON_LOOP_MOVE_CLOSE:
            case LIAISON_LOOP_MOVE_WITHDRAW:
            case LIAISON_LOOP_MOVE_SUPERVISE:
            case LIAISON_N_LOOP_MOVES:
            default:
              break;
            }
        }
    }

  /* Most citizens' items were taken up, mostly by the station's own
   * deputies, and referred; the histories reach every stage. */
  g_assert_cmpuint (n_taken_up, >, suggestions->len / 2);
  g_assert_cmpuint (n_taken_up_here, >, n_taken_up / 2);
  g_assert_cmpuint (n_refers, >, suggestions->len / 2);
  g_assert_cmpuint (n_replies, >, n_refers / 2);
  g_assert_cmpuint (n_letters, >, n_replies / 5);
  g_assert_cmpuint (n_letters, <, n_replies);
  {
    /* Nothing to fetch, and nothing of headquarters' for a station to send. */
    g_autoptr(GPtrArray) missing = liaison_store_list_missing_attachments (store, &error);
    g_autoptr(GPtrArray) to_send = liaison_store_list_attachments_to_send (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (missing->len, ==, 0);
    g_assert_cmpuint (to_send->len, ==, 0);
  }
  g_assert_cmpuint (n_status[LIAISON_LOOP_STATUS_CLOSED], >, suggestions->len / 3);
  g_assert_cmpuint (n_status[LIAISON_LOOP_STATUS_WITHDRAWN], >, 0);
  g_assert_cmpuint (n_status[LIAISON_LOOP_STATUS_WITHDRAWN], <, suggestions->len / 10);
  g_assert_cmpuint (n_status[LIAISON_LOOP_STATUS_REGISTERED], >, 0);
  g_assert_cmpuint (n_status[LIAISON_LOOP_STATUS_REFERRED] + n_status[LIAISON_LOOP_STATUS_IN_PROGRESS], >, 0);
  g_assert_cmpuint (n_second_round, >, 0);
  g_assert_cmpuint (n_motions, >=, 10);
  g_assert_cmpuint (n_co_signed, ==, n_motions);
  g_assert_cmpuint (n_blind, >, 0);

  /* Headquarters' moves came as if pulled; the station's own wait to be sent. */
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestion_events WHERE role = 'hq'"), >, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestion_events"
                                                  " WHERE (role = 'hq') <> (sync_state = 0)"), ==, 0);

  liaison_date_set_today (&today);
  g_assert_true (liaison_store_compute_figures (store, NULL, NULL, &today, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (figures.collected, ==, suggestions->len);
  g_assert_cmpuint (figures.overdue, >, 0);
  g_assert_cmpuint (figures.overdue, <, figures.collected / 10);
  g_assert_cmpuint (figures.key_supervision, >, 0);
  g_assert_cmpuint (figures.satisfied + figures.basically_satisfied, >, figures.rated * 3 / 4);
  g_assert_cmpuint (figures.replied_in_time, <, figures.replied);
  g_assert_cmpuint (figures.replied_in_time, >, figures.replied * 3 / 4);
  g_assert_cmpuint (liaison_store_count_loop (store, LIAISON_LOOP_LIST_OVERDUE, 0, &today, &error), ==,
                    figures.overdue);
  g_assert_no_error (error);
}

/* `liaison demo --hq`: a headquarters replica with no server, with
 * receptions from several stations. */
static void
test_demo_hq (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonStore) store = NULL;
  g_autofree char *url = NULL;

  liaison_test_run_liaison (&result, "demo", "--hq", "--database", fixture->database, "--receptions", "200", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "headquarters replica"));
  g_assert_nonnull (strstr (result.out, fixture->database));

  store = liaison_test_open_store (fixture->database);
  g_assert_cmpint (liaison_store_get_sync_role (store), ==, LIAISON_SYNC_ROLE_HQ);
  url = liaison_store_get_server_url (store);
  g_assert_null (url);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(DISTINCT station_id) FROM receptions"), >, 3);
  g_assert_cmpint (liaison_test_count_rows (store, "suggestion_events"), >, 100);
  /* The stations' moves came as if pulled; headquarters' own wait to be sent. */
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestion_events WHERE role = 'hq'"), >, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestion_events WHERE role <> 'hq'"), >, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestion_events"
                                                  " WHERE (role = 'hq') <> (sync_state <> 0)"), ==, 0);
  /* So did the stations' receptions and suggestions: none says "not synced". */
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM receptions WHERE sync_state <> 0"), ==, 0);
  g_assert_cmpint (liaison_test_query_int (store, "SELECT count(*) FROM suggestions WHERE sync_state <> 0"), ==, 0);
  g_clear_object (&store);

  /* Run again: still headquarters, with more receptions. */
  liaison_test_run_liaison (&result, "demo", "--hq", "--database", fixture->database, "--receptions", "10", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (count_receptions (fixture->database), ==, 210);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) imported = { 0, };
  g_auto(LiaisonTestCliResult) exported = { 0, };
  g_autofree char *ledger = liaison_test_data_path ("ledger-good.csv");
  g_autofree char *out = g_build_filename (fixture->dir, "2024年3月.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  make_station (fixture);

  liaison_test_run_liaison (&imported, "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  expected = g_strdup_printf ("Imported 4 receptions from %s into %s.\n", ledger, fixture->database);
  g_assert_cmpstr (imported.out, ==, expected);
  g_assert_cmpuint (count_receptions (fixture->database), ==, 4);

  liaison_test_run_liaison (&exported, "export", "--database", fixture->database,
       "--from", "2024-03-06", "--to", "2024-03-31", out, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("Exported 3 receptions (2024-03-06 to 2024-03-31) to %s.\n", out);
  g_assert_cmpstr (exported.out, ==, expected);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF接待日期,"));
}

/* The same ledger imported twice: the second time writes nothing and
 * says which rows were already there, in English and in zh_CN. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) first = { 0, };
  g_auto(LiaisonTestCliResult) second = { 0, };
  g_auto(LiaisonTestCliResult) third = { 0, };
  g_autofree char *ledger = liaison_test_data_path ("ledger-good.csv");
  g_autofree char *expected = NULL;

  make_station (fixture);

  liaison_test_run_liaison (&first, "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpuint (count_receptions (fixture->database), ==, 4);

  liaison_test_run_liaison (&second, "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (second.status, ==, 0);
  expected = g_strdup_printf ("Imported 0 receptions from %s into %s.\n"
                              "already imported: 4 rows\n"
                              "line 2: already imported\nline 3: already imported\n"
                              "line 4: already imported\nline 7: already imported\n",
                              ledger, fixture->database);
  g_assert_cmpstr (second.out, ==, expected);
  g_assert_cmpuint (count_receptions (fixture->database), ==, 4);

  liaison_test_run_liaison_in (&third, "zh_CN", "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (third.status, ==, 0);
  g_assert_nonnull (strstr (third.out, "\n已导入过：4 行\n第 2 行：已导入过\n"));
  g_assert_nonnull (strstr (third.out, "\n第 7 行：已导入过\n"));
  g_assert_cmpuint (count_receptions (fixture->database), ==, 4);
}

static void
test_import_bad (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *ledger = liaison_test_data_path ("ledger-bad.csv");
  g_autofree char *missing = liaison_test_data_path ("ledger-missing-column.csv");

  make_station (fixture);

  liaison_test_run_liaison (&result, "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "Nothing was imported"));
  g_assert_nonnull (strstr (result.err, "\nline 4: unknown deputy “王五”"));
  g_assert_nonnull (strstr (result.err, "\nline 9: "));
  g_assert_cmpuint (count_receptions (fixture->database), ==, 0);

  liaison_test_run_liaison (&result, "import", "--database", fixture->database, missing, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "“类别” (category)"));
  g_assert_cmpuint (count_receptions (fixture->database), ==, 0);
}

static void
test_import_no_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *ledger = liaison_test_data_path ("ledger-good.csv");

  /* No database is made by mistake. */
  liaison_test_run_liaison (&result, "import", "--database", fixture->database, ledger, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, fixture->database));
  g_assert_false (g_file_test (fixture->database, G_FILE_TEST_EXISTS));
}

static void
test_export_bad_dates (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const cases[][2] = {
    { "2024-13-01", "2024-12-31" },
    { "2024-01-01", "2023-02-29" },
    { "2024-12-31", "2024-01-01" },
    { "yesterday", "2024-01-01" },
  };
  g_autofree char *out = g_build_filename (fixture->dir, "out.csv", NULL);

  make_station (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LiaisonTestCliResult) result = { 0, };

      liaison_test_run_liaison (&result, "export", "--database", fixture->database,
           "--from", cases[i][0], "--to", cases[i][1], out, NULL);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, !=, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  {
    g_auto(LiaisonTestCliResult) result = { 0, };

    /* A missing date is a usage error. */
    liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--from", "2024-01-01", out, NULL);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "--to"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };

  liaison_test_run_liaison (&result, "import", "--database", fixture->database, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "liaison import --help"));

  liaison_test_run_liaison (&result, "import", "--no-such-option", "x.csv", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--no-such-option"));

  liaison_test_run_liaison (&result, "export", "--from", "2024-01-01", "--to", "2024-01-02", "a.csv", "b.csv", NULL);
  g_assert_cmpint (result.status, ==, 2);

  liaison_test_run_liaison (&result, "demo", "--receptions", "many", NULL);
  g_assert_cmpint (result.status, ==, 2);

  liaison_test_run_liaison (&result, "import", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "liaison import"));
  g_assert_nonnull (strstr (result.out, "--roster"));
  g_assert_nonnull (strstr (result.out, "--database"));
  g_assert_false (g_file_test (fixture->database, G_FILE_TEST_EXISTS));
}

static void
test_no_display (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *last = NULL;

  liaison_test_run_liaison (&result, "--database", fixture->database, NULL);
  g_assert_cmpint (result.status, !=, 0);
  /* One line, saying why. */
  g_assert_true (g_str_has_suffix (result.err, "\n"));
  last = g_strndup (result.err, strlen (result.err) - 1);
  g_assert_null (strchr (last, '\n'));
  g_assert_nonnull (strstr (result.err, "display"));
}

static void
test_help_without_display (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0, };

  liaison_test_run_liaison (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database"));
  /* The headless commands are listed, so that a clerk finds them. */
  g_assert_nonnull (strstr (result.out, "import"));
  g_assert_nonnull (strstr (result.out, "export"));
  g_assert_nonnull (strstr (result.out, "demo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/demo", test_demo);
  ADD ("/cli/demo-loop", test_demo_loop);
  ADD ("/cli/demo-hq", test_demo_hq);
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/import-twice", test_import_twice);
  ADD ("/cli/import-bad", test_import_bad);
  ADD ("/cli/import-no-database", test_import_no_database);
  ADD ("/cli/export-bad-dates", test_export_bad_dates);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/no-display", test_no_display);
  ADD ("/cli/help-without-display", test_help_without_display);

#undef ADD

  return g_test_run ();
}
