/* dashboard-dump.c: the dashboard's numbers as the core computes them,
 * for the AT-SPI test (tests/a11y/test-dashboard-ui.py) to hold the
 * window's against.
 *
 *     dashboard-dump DATABASE PERIOD
 *
 * One line a row, tab-separated: the breakdown ("total", "category",
 * "month", "channel", "station"), the row's key and label, then its count
 * of every LiaisonFigure in the enum's order. First a line "labels", the
 * period's label, "", then each figure's label, in the user's language.
 */
#define G_LOG_DOMAIN "dashboard-dump"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "liaison-dashboard.h"
#include "liaison-locale.h"

static const char * const breakdown_names[LIAISON_N_BREAKDOWNS] = {
  "total", "category", "month", "channel", "station",
};

static void
print_row (const char                *breakdown,
           const LiaisonDashboardRow *row)
{
  printf ("%s\t%s\t%s", breakdown, row->key, row->label);
  for (int figure = 0; figure < LIAISON_N_FIGURES; figure++)
    printf ("\t%u", liaison_dashboard_row_count (row, figure));
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPeriod period;

  setlocale (LC_ALL, "");
  liaison_locale_init ();
  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s DATABASE PERIOD\n", argv[0]);
      return 2;
    }
  if (!liaison_period_parse (argv[2], &period, &error) ||
      (store = liaison_store_open (argv[1], &error)) == NULL ||
      (dashboard = liaison_dashboard_compute (store, &period, NULL, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  {
    g_autofree char *label = liaison_period_label (&period);

    printf ("labels\t%s\t", label);
    for (int figure = 0; figure < LIAISON_N_FIGURES; figure++)
      printf ("\t%s", liaison_figure_label (figure));
    printf ("\n");
  }
  print_row (breakdown_names[LIAISON_BREAKDOWN_NONE], dashboard->total);
  for (int b = LIAISON_BREAKDOWN_NONE + 1; b < LIAISON_N_BREAKDOWNS; b++)
    {
      GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, b);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        print_row (breakdown_names[b], g_ptr_array_index (rows, i));
    }
  return 0;
}
