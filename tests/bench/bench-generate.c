/* bench-generate.c: the benchmarks' big database, made by the demo
 * generator through the store API.
 *
 *   bench-generate DB N_RECEPTIONS [N_DAYS]
 */
#define G_LOG_DOMAIN "bench-generate"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "liaison-demo.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  LiaisonDemoOptions options = { .seed = 20241225 };
  gint64 start = g_get_monotonic_time ();

  if (argc < 3 || argc > 4)
    {
      g_printerr ("usage: bench-generate DB N_RECEPTIONS [N_DAYS]\n");
      return 2;
    }
  options.n_receptions = atoi (argv[2]);
  /* Headquarters keeps many years: spread a big file over ten. */
  options.n_days = argc > 3 ? (guint) atoi (argv[3]) : 3650;

  store = liaison_store_open (argv[1], &error);
  if (store == NULL || !liaison_demo_generate (store, &options, &error))
    {
      g_printerr ("bench-generate: %s\n", error->message);
      return 1;
    }
  printf ("generate-seconds %.1f\n", (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
