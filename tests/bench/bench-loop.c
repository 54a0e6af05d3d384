/* bench-loop.c: the closed loop in the store, for tests/bench/run.
 *
 *   bench-loop make DB N_RECEPTIONS    the demo city with every reception
 *                                      raising a suggestion, each with its
 *                                      loop history (liaison_demo_generate)
 *   bench-loop measure DB RUNS N_ADDS  the figures, each follow-up list
 *                                      (first 100 rows and the count) and
 *                                      adding one move, N_ADDS times
 *
 * "measure" writes to DB (the added moves): give it a copy. Each prints
 * "KEY VALUE" lines on stdout; the run script formats them.
 */
#define G_LOG_DOMAIN "bench-loop"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "liaison-bench-common.h"
#include "liaison-demo.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

#define LIST_ROWS 100

static const char *const list_names[LIAISON_N_LOOP_LISTS] = {
  [LIAISON_LOOP_LIST_TO_REFER] = "to-refer",
  [LIAISON_LOOP_LIST_OVERDUE] = "overdue",
  [LIAISON_LOOP_LIST_DUE_SOON] = "due-soon",
  [LIAISON_LOOP_LIST_KEY_SUPERVISION] = "key-supervision",
  [LIAISON_LOOP_LIST_UNSATISFIED] = "unsatisfied",
  [LIAISON_LOOP_LIST_TO_TAKE_UP] = "to-take-up",
  [LIAISON_LOOP_LIST_TELL_CITIZEN] = "tell-citizen",
  [LIAISON_LOOP_LIST_TAKEN_UP_BY] = "taken-up-by",
  [LIAISON_LOOP_LIST_FILED_BY] = "filed-by",
};

static int
make (const char *path,
      guint       n_receptions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  LiaisonDemoOptions options = {
    .n_receptions = n_receptions,
    .seed = 20241225,
    /* Two years: most items closed, the recent ones still open. */
    .n_days = 730,
    .suggestion_percent = 100,
    .loop_histories = TRUE,
  };
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || !liaison_demo_generate (store, &options, &error))
    liaison_bench_fail ("make", error);
  printf ("make-seconds %.1f\n", liaison_bench_ms_since (start) / 1000.0);
  printf ("suggestions %u\n", liaison_store_count_suggestions (store, NULL, NULL));
  return 0;
}

static void
today (GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* The busiest deputies: the one with the most open items taken up, and
 * the one with the most suggestions filed or co-signed (the longest
 * "taken up by" and "filed by" lists); @open gets the ids of the open
 * suggestions among the newest. */
static void
pick_people (LiaisonStore *store,
             const GDate  *day,
             gint64       *taker,
             gint64       *filer,
             GArray       *open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = liaison_store_list_suggestions (store, NULL, 0, 5000, &error);
  g_autoptr(GPtrArray) deputies = NULL;
  guint most_taken = 0, most_filed = 0;

  if (newest == NULL)
    liaison_bench_fail ("list suggestions", error);
  for (guint i = 0; i < newest->len; i++)
    {
      const LiaisonSuggestion *suggestion = g_ptr_array_index (newest, i);

      if (suggestion->status >= LIAISON_LOOP_STATUS_REGISTERED && suggestion->status <= LIAISON_LOOP_STATUS_RATED)
        g_array_append_val (open, suggestion->meta.id);
    }

  deputies = liaison_store_list_deputies (store, NULL, &error);
  if (deputies == NULL)
    liaison_bench_fail ("list deputies", error);
  *taker = *filer = 0;
  for (guint i = 0; i < deputies->len; i++)
    {
      const LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);
      guint taken = liaison_store_count_loop (store, LIAISON_LOOP_LIST_TAKEN_UP_BY, deputy->meta.id, day, NULL);
      guint filed = liaison_store_count_loop (store, LIAISON_LOOP_LIST_FILED_BY, deputy->meta.id, day, NULL);

      if (taken > most_taken)
        {
          most_taken = taken;
          *taker = deputy->meta.id;
        }
      if (filed > most_filed)
        {
          most_filed = filed;
          *filer = deputy->meta.id;
        }
    }
}

static int
measure (const char *path,
         guint       runs,
         guint       n_adds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  LiaisonFigures figures = { 0, };
  gint64 taker, filer;
  gint64 start;
  GDate day;

  start = g_get_monotonic_time ();
  store = liaison_store_open (path, &error);
  if (store == NULL)
    liaison_bench_fail ("open", error);
  printf ("open %.1f\n", liaison_bench_ms_since (start));
  printf ("suggestions %u\n", liaison_store_count_suggestions (store, NULL, NULL));
  today (&day);

  /* The figures over everything this replica has. */
  for (guint r = 0; r < runs; r++)
    {
      double ms;

      start = g_get_monotonic_time ();
      if (!liaison_store_compute_figures (store, NULL, NULL, &day, &figures, &error))
        liaison_bench_fail ("figures", error);
      ms = liaison_bench_ms_since (start);
      if (r == 0)
        printf ("figures-first %.1f\n", ms);
      g_array_append_val (times, ms);
    }
  printf ("figures-median %.1f\n", liaison_bench_percentile (times, 0.5));
  printf ("figures-collected %u\n", figures.collected);
  printf ("figures-resolved %u\n", figures.resolved);
  printf ("figures-overdue %u\n", figures.overdue);

  /* Each list: its first page and its count, as a page shows them. */
  pick_people (store, &day, &taker, &filer, open);
  for (guint l = 0; l < LIAISON_N_LOOP_LISTS; l++)
    {
      gint64 deputy = l == LIAISON_LOOP_LIST_TAKEN_UP_BY ? taker : l == LIAISON_LOOP_LIST_FILED_BY ? filer : 0;
      guint rows = 0, count = 0;

      g_array_set_size (times, 0);
      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(GPtrArray) page = NULL;
          double ms;

          start = g_get_monotonic_time ();
          page = liaison_store_list_loop (store, l, deputy, &day, LIST_ROWS, &error);
          if (page == NULL)
            liaison_bench_fail (list_names[l], error);
          count = liaison_store_count_loop (store, l, deputy, &day, &error);
          if (error != NULL)
            liaison_bench_fail (list_names[l], error);
          ms = liaison_bench_ms_since (start);
          rows = page->len;
          g_array_append_val (times, ms);
        }
      printf ("list-%s %.1f\n", list_names[l], liaison_bench_percentile (times, 0.5));
      printf ("list-%s-rows %u\n", list_names[l], rows);
      printf ("list-%s-count %u\n", list_names[l], count);
    }

  /* One move, as a click at headquarters makes it: a supervision note on
   * an open item, each in its own transaction, on the copy made a
   * headquarters desk (a station records no headquarters move). */
  if (open->len == 0)
    liaison_bench_fail ("no open suggestion among the newest", NULL);
  if (!liaison_store_set_setting (store, "sync_role", liaison_sync_role_to_code (LIAISON_SYNC_ROLE_HQ), &error))
    liaison_bench_fail ("headquarters desk", error);
  g_array_set_size (times, 0);
  for (guint i = 0; i < n_adds; i++)
    {
      g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);
      double ms;

      event->actor_name = g_strdup ("代表工委 张敏");
      event->note = g_strdup ("请承办单位加快办理。");
      event->key_supervision = i % 2 == 0;
      start = g_get_monotonic_time ();
      if (!liaison_store_add_suggestion_event (store, g_array_index (open, gint64, i % open->len), event, &error))
        liaison_bench_fail ("add event", error);
      ms = liaison_bench_ms_since (start);
      g_array_append_val (times, ms);
    }
  printf ("add-median %.2f\n", liaison_bench_percentile (times, 0.5));
  printf ("add-p95 %.2f\n", liaison_bench_percentile (times, 0.95));
  printf ("add-items %u\n", MIN (open->len, n_adds));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("bench-loop");

  if (argc == 4 && g_str_equal (argv[1], "make"))
    return make (argv[2], (guint) atoi (argv[3]));
  if (argc == 5 && g_str_equal (argv[1], "measure"))
    return measure (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));
  g_printerr ("usage: bench-loop make DB N_RECEPTIONS | measure DB RUNS N_ADDS\n");
  return 2;
}
