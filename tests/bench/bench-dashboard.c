/* bench-dashboard.c: the dashboard at headquarters scale, for
 * tests/bench/run (docs/benchmarks.md, "Dashboard").
 *
 *   bench-dashboard DB PERIOD RUNS
 *
 * liaison_dashboard_compute_station() over every station of DB (the
 * headquarters' view, whatever the file's role) for PERIOD, RUNS times;
 * then the items behind the biggest category's "collected". Prints "KEY
 * VALUE" lines on stdout; the run script formats them.
 */
#define G_LOG_DOMAIN "bench-dashboard"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "liaison-bench-common.h"
#include "liaison-dashboard.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) items = NULL;
  const LiaisonDashboardRow *biggest = NULL;
  LiaisonPeriod period;
  guint runs;
  gint64 start;

  g_set_prgname ("bench-dashboard");
  if (argc != 4)
    {
      g_printerr ("usage: bench-dashboard DB PERIOD RUNS\n");
      return 2;
    }
  runs = (guint) MAX (atoi (argv[3]), 1);
  if (!liaison_period_parse (argv[2], &period, &error))
    liaison_bench_fail ("period", error);
  store = liaison_store_open (argv[1], &error);
  if (store == NULL)
    liaison_bench_fail ("open", error);

  for (guint i = 0; i < runs; i++)
    {
      double ms, cpu;

      g_clear_pointer (&dashboard, liaison_dashboard_free);
      cpu = liaison_bench_cpu_ms ();
      start = g_get_monotonic_time ();
      dashboard = liaison_dashboard_compute_station (store, &period, NULL, NULL, &error);
      ms = liaison_bench_ms_since (start);
      cpu = liaison_bench_cpu_ms () - cpu;
      g_array_append_val (cpu_times, cpu);
      if (dashboard == NULL)
        liaison_bench_fail ("dashboard", error);
      g_array_append_val (times, ms);
      if (i == 0)
        printf ("dashboard-first %.1f\n", ms);
    }
  printf ("dashboard-median %.1f\n", liaison_bench_median (times));
  printf ("dashboard-cpu-median %.1f\n", liaison_bench_median (cpu_times));
  printf ("collected %u\n", dashboard->total->figures.collected);
  printf ("resolved %u\n", dashboard->total->figures.resolved);
  printf ("receptions %u\n", dashboard->total->receptions);
  printf ("visitors %u\n", dashboard->total->visitors);
  printf ("stations %u\n", dashboard->by_station->len);
  printf ("categories %u\n", dashboard->by_category->len);
  for (guint i = 0; i < dashboard->by_category->len; i++)
    {
      const LiaisonDashboardRow *row = g_ptr_array_index (dashboard->by_category, i);

      printf ("category-%s %u\n", row->key, row->figures.collected);
      if (biggest == NULL || row->figures.collected > biggest->figures.collected)
        biggest = row;
    }

  /* Clicking the biggest number of the category table. */
  start = g_get_monotonic_time ();
  items = liaison_dashboard_list_items (store, &period, NULL, LIAISON_FIGURE_COLLECTED,
                                        LIAISON_BREAKDOWN_CATEGORY, biggest->key, &error);
  if (items == NULL)
    liaison_bench_fail ("items", error);
  printf ("items-ms %.1f\n", liaison_bench_ms_since (start));
  printf ("items-rows %u\n", items->len);
  return 0;
}
