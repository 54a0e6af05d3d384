/* bench-duty.c: the duty record over the whole city, for tests/bench/run.
 *
 *   bench-duty make DB N_RECEPTIONS   a headquarters replica of the demo
 *                                     city (330 deputies, a year of duty
 *                                     record, the receptions over a year)
 *   bench-duty measure DB RUNS        the last complete quarter's points for
 *                                     the whole city (gather_all + score);
 *                                     the year's record of the busiest
 *                                     deputy; and the two ways of gathering
 *                                     that deputy's group
 *
 * Each prints "KEY VALUE" lines on stdout; the run script formats them.
 */
#define G_LOG_DOMAIN "bench-duty"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "liaison-bench-common.h"
#include "liaison-demo.h"
#include "liaison-duty-record.h"
#include "liaison-store-duty.h"
#include "liaison-store-points-rules.h"

static int
make (const char *path,
      guint       n_receptions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  LiaisonDemoOptions options = {
    .n_receptions = n_receptions,
    .seed = 20241225,
    .n_days = 365,
    .loop_histories = TRUE,
    .hq = TRUE,
  };
  gint64 start = g_get_monotonic_time ();

  if (store == NULL || !liaison_demo_generate (store, &options, &error))
    liaison_bench_fail ("make", error);
  printf ("make-seconds %.1f\n", liaison_bench_ms_since (start) / 1000.0);
  return 0;
}

/* The whole city's points of @quarter, as the quarterly report scores
 * them: every deputy named, those in a group ranked in it. */
static LiaisonPointsScore *
score_city (LiaisonStore   *store,
            LiaisonQuarter  quarter,
            GPtrArray      *deputies,
            guint          *n_items,
            double         *gather_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *from = liaison_quarter_first_iso (quarter);
  g_autofree char *to = liaison_quarter_last_iso (quarter);
  LiaisonPointsScore *score;
  gint64 start = g_get_monotonic_time ();

  items = liaison_store_gather_all_duty_items (store, from, to, &error);
  if (items == NULL)
    liaison_bench_fail ("gather_all", error);
  *gather_ms = liaison_bench_ms_since (start);
  *n_items = items->len;
  for (guint i = 0; i < deputies->len; i++)
    {
      LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

      if (deputy->group_name != NULL && deputy->group_name[0] != '\0')
        g_hash_table_insert (groups, deputy->meta.uuid, deputy->group_name);
      g_hash_table_insert (names, deputy->meta.uuid, deputy->name);
    }
  /* The sets in force, as the report and the record read them. */
  rule_sets = liaison_store_list_points_rules (store, &error);
  if (rule_sets == NULL)
    liaison_bench_fail ("rule sets", error);
  score = liaison_points_score_quarter (items, rule_sets, quarter, groups, names, &error);
  if (score == NULL)
    liaison_bench_fail ("score", error);
  return score;
}

/* The year's record of @deputy_uuid, @runs times. */
static void
record_year (LiaisonStore *store,
             const char   *key,
             const char   *deputy_uuid,
             int           year,
             guint         runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double first = 0;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LiaisonDutyRecord) record = liaison_duty_record_build_year (store, deputy_uuid, year, &error);
      double ms = liaison_bench_ms_since (start);

      if (record == NULL)
        liaison_bench_fail ("record", error);
      if (r == 0)
        {
          first = ms;
          printf ("%s-lines %u\n%s-points %.1f\n%s-group-size %u\n", key, record->points->lines->len, key,
                  record->points->total / (double) LIAISON_POINTS_ONE, key, record->group_size);
          printf ("%s-take-ups %u\n%s-filings %u\n%s-activities %u\n", key, record->take_ups->len, key,
                  record->filings->len, key, record->activities->len);
        }
      g_array_append_val (times, ms);
    }
  printf ("%s-first %.1f\n%s-median %.1f\n", key, first, key, liaison_bench_median (times));
}

static int
measure (const char *path,
         guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gathers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) per_deputy = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *quarter_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *year_from = NULL;
  g_autofree char *year_to = NULL;
  g_autoptr(GPtrArray) year_items = NULL;
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);
  const char *busiest = NULL;
  const char *grouped = NULL;
  const char *busiest_group = NULL;
  guint busiest_items = 0;
  guint grouped_items = 0;
  LiaisonQuarter quarter;
  int year = g_date_time_get_year (now);
  guint n_items = 0;
  double first = 0;

  if (store == NULL)
    liaison_bench_fail ("open", error);
  deputies = liaison_store_list_deputies (store, NULL, &error);
  if (deputies == NULL)
    liaison_bench_fail ("deputies", error);

  /* The last complete quarter. */
  quarter = liaison_quarter_previous ((LiaisonQuarter) { year, (g_date_time_get_month (now) - 1) / 3 + 1 });
  quarter_text = liaison_quarter_format (quarter);
  from = liaison_quarter_first_iso (quarter);
  to = liaison_quarter_last_iso (quarter);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = liaison_bench_cpu_ms ();
      double gather_ms, ms, cpu;
      LiaisonPointsScore *score = score_city (store, quarter, deputies, &n_items, &gather_ms);

      ms = liaison_bench_ms_since (start);
      cpu = liaison_bench_cpu_ms () - cpu_start;
      g_array_append_val (cpu_times, cpu);
      liaison_points_score_free (score);
      if (r == 0)
        first = ms;
      g_array_append_val (times, ms);
      g_array_append_val (gathers, gather_ms);
    }
  printf ("city-quarter %s\ncity-from %s\ncity-to %s\n", quarter_text, from, to);
  printf ("city-deputies %u\ncity-items %u\n", deputies->len, n_items);
  printf ("city-first %.1f\ncity-median %.1f\ncity-gather-median %.1f\ncity-cpu-median %.1f\n", first,
          liaison_bench_median (times), liaison_bench_median (gathers), liaison_bench_median (cpu_times));

  /* The busiest deputy of this year, by items. */
  year_from = g_strdup_printf ("%04d-01-01", year);
  year_to = g_strdup_printf ("%04d-12-31", year);
  year_items = liaison_store_gather_all_duty_items (store, year_from, year_to, &error);
  if (year_items == NULL)
    liaison_bench_fail ("gather_all (year)", error);
  for (guint i = 0; i < deputies->len; i++)
    {
      LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

      g_hash_table_insert (group_of, deputy->meta.uuid, deputy->group_name != NULL ? deputy->group_name : "");
    }
  for (guint i = 0; i < year_items->len; i++)
    {
      LiaisonDutyItem *item = g_ptr_array_index (year_items, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_deputy, item->deputy_uuid)) + 1;
      const char *group = g_hash_table_lookup (group_of, item->deputy_uuid);

      g_hash_table_insert (per_deputy, item->deputy_uuid, GUINT_TO_POINTER (n));
      if (group == NULL)
        continue;  /* not on the roster */
      if (n > busiest_items)
        {
          busiest_items = n;
          busiest = item->deputy_uuid;
        }
      if (group[0] != '\0' && n > grouped_items)
        {
          grouped_items = n;
          grouped = item->deputy_uuid;
          busiest_group = group;
        }
    }
  if (busiest == NULL)
    liaison_bench_fail ("busiest deputy", NULL);
  printf ("record-year %d\n", year);
  record_year (store, "record", busiest, year, runs);
  if (grouped != NULL)
    record_year (store, "record-grouped", grouped, year, runs);

  /* Their group's items for the year: the whole city's kept for the
   * group, against each member's gathered in turn. */
  if (busiest_group != NULL && busiest_group[0] != '\0')
    {
      g_autoptr(GArray) all_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) each_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_all = 0, n_each = 0;

      for (guint d = 0; d < deputies->len; d++)
        {
          LiaisonDeputy *deputy = g_ptr_array_index (deputies, d);

          if (g_strcmp0 (deputy->group_name, busiest_group) == 0)
            g_hash_table_add (members, deputy->meta.uuid);
        }
      for (guint r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) all = liaison_store_gather_all_duty_items (store, year_from, year_to, &error);
          GHashTableIter iter;
          const char *member;
          double ms;

          if (all == NULL)
            liaison_bench_fail ("gather_all (group)", error);
          n_all = 0;
          for (guint i = 0; i < all->len; i++)
            if (g_hash_table_contains (members, ((LiaisonDutyItem *) g_ptr_array_index (all, i))->deputy_uuid))
              n_all++;
          ms = liaison_bench_ms_since (start);
          g_array_append_val (all_times, ms);

          start = g_get_monotonic_time ();
          n_each = 0;
          g_hash_table_iter_init (&iter, members);
          while (g_hash_table_iter_next (&iter, (gpointer *) &member, NULL))
            {
              g_autoptr(GPtrArray) items = liaison_store_gather_duty_items (store, member, year_from, year_to,
                                                                           &error);

              if (items == NULL)
                liaison_bench_fail ("gather (member)", error);
              n_each += items->len;
            }
          ms = liaison_bench_ms_since (start);
          g_array_append_val (each_times, ms);
        }
      printf ("group-members %u\n", g_hash_table_size (members));
      if (n_all != n_each)
        {
          g_printerr ("bench-duty: the group's items differ: %u gathered for the city, %u member by member\n",
                      n_all, n_each);
          exit (1);
        }
      printf ("group-items %u\ngroup-all-median %.1f\ngroup-each-median %.1f\n", n_all, liaison_bench_median (all_times),
              liaison_bench_median (each_times));
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname ("bench-duty");

  if (argc == 4 && g_str_equal (argv[1], "make"))
    return make (argv[2], (guint) atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[1], "measure"))
    return measure (argv[2], (guint) MAX (atoi (argv[3]), 1));
  g_printerr ("usage: bench-duty make DB N_RECEPTIONS | bench-duty measure DB RUNS\n");
  return 2;
}
