/* bench-line.c: sync on a poor line, for tests/bench/run (docs/benchmarks.md,
 * "Poor line").
 *
 *   bench-line N BITS_PER_SECOND ROUND_TRIP_MS
 *
 * A real `liaison-hq serve` (LIAISON_HQ_BIN), behind the test proxy shaped
 * to BITS_PER_SECOND each way and ROUND_TRIP_MS; a station and
 * headquarters' desk enrolled through it. The station saves N made-up
 * receptions (liaison-bench-common.c) and syncs; the desk then syncs and
 * pulls them. Done twice: with the server's compression off (plain JSON,
 * as before compression: "plain-") and on ("gzip-"). Prints "KEY VALUE"
 * lines on stdout, for each of plain-push, plain-pull, gzip-push and
 * gzip-pull: -bytes-up, -bytes-down, -requests, -gzip-requests,
 * -gzip-answers, -batches, -seconds. Progress goes to stderr.
 */
#define G_LOG_DOMAIN "bench-line"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "liaison-bench-common.h"
#include "liaison-store.h"
#include "liaison-test-hq.h"
#include "liaison-test-line.h"
#include "liaison-test-proxy.h"
#include "liaison-test-util.h"

static void
save_receptions (LiaisonStore *store,
                 guint         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, &error);
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (store, &error);
  g_autoptr(GArray) deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  g_assert_nonnull (deputies);
  g_assert_nonnull (categories);
  for (guint i = 0; i < deputies->len; i++)
    g_array_append_val (deputy_ids, ((LiaisonDeputy *) g_ptr_array_index (deputies, i))->meta.id);
  g_assert_cmpuint (deputy_ids->len, >=, 2);
  g_assert_true (liaison_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_bench_reception_new (rand, now, deputy_ids, categories->len);

      g_assert_true (liaison_store_save_reception (store, reception, &error));
    }
  g_assert_true (liaison_store_commit (store, &error));
}

static void
print_run (const char                *name,
           const LiaisonTestLineSync *run)
{
  g_autofree char *said = liaison_test_line_describe (run);

  g_printerr ("   %s: %s\n", name, said);
  printf ("%s-bytes-up %" G_GUINT64_FORMAT "\n", name, run->wire.bytes_up);
  printf ("%s-bytes-down %" G_GUINT64_FORMAT "\n", name, run->wire.bytes_down);
  printf ("%s-requests %u\n", name, run->wire.requests);
  printf ("%s-gzip-requests %u\n", name, run->wire.gzip_requests);
  printf ("%s-gzip-answers %u\n", name, run->wire.gzip_answers);
  printf ("%s-batches %u\n", name, run->batches);
  printf ("%s-seconds %.2f\n", name, run->seconds);
  fflush (stdout);
}

/* One server, compressing or not, and one day's (or backlog's) sync each way. */
static void
measure (const char *mode,
         guint       n,
         guint64     bits_per_second,
         guint       round_trip_ms)
{
  LiaisonTestHq hq = { 0 };
  LiaisonTestProxy *proxy;
  LiaisonTestReplica station, desk;
  g_autofree char *station_code = NULL;
  g_autofree char *desk_code = NULL;
  g_autofree char *push_name = g_strconcat (mode, "-push", NULL);
  g_autofree char *pull_name = g_strconcat (mode, "-pull", NULL);
  g_autoptr(GError) error = NULL;
  LiaisonTestLineSync run;

  liaison_test_hq_init (&hq, "liaison-bench-line-XXXXXX");
  if (g_str_equal (mode, "plain"))
    hq.serve_args = g_strsplit ("--no-compression", " ", -1);
  liaison_test_hq_start (&hq);
  liaison_test_hq_import_roster (&hq);
  proxy = liaison_test_proxy_start (hq.port);
  liaison_test_proxy_shape (proxy, bits_per_second, round_trip_ms);
  station_code = liaison_test_hq_station_code (&hq, "东山联络站");
  desk_code = liaison_test_hq_user_code (&hq, "代表工委");
  station = liaison_test_replica_new (&hq, "station.db");
  desk = liaison_test_replica_new (&hq, "desk.db");
  g_assert_true (liaison_test_enroll (station.engine, liaison_test_proxy_get_url (proxy), station_code, &error));
  g_assert_true (liaison_test_enroll (desk.engine, liaison_test_proxy_get_url (proxy), desk_code, &error));
  liaison_test_sync_ok (station.engine);
  liaison_test_sync_ok (desk.engine);

  save_receptions (station.store, n);
  run = liaison_test_line_sync (proxy, station.engine);
  g_assert_cmpuint (run.sync.sent, ==, n);
  print_run (push_name, &run);
  run = liaison_test_line_sync (proxy, desk.engine);
  g_assert_cmpuint (run.sync.received, >=, n);
  print_run (pull_name, &run);

  liaison_test_replica_clear (&station);
  liaison_test_replica_clear (&desk);
  liaison_test_proxy_free (proxy);
  liaison_test_hq_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  guint n;
  guint64 bits_per_second;
  guint round_trip_ms;

  if (argc != 4)
    {
      g_printerr ("usage: bench-line N BITS_PER_SECOND ROUND_TRIP_MS\n");
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  bits_per_second = g_ascii_strtoull (argv[2], NULL, 10);
  round_trip_ms = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  /* Station keys go to a file in a folder of our own, never a keyring. */
  config = liaison_test_private_keys ("liaison-bench-line-config-XXXXXX");
  g_printerr ("   %u receptions, %" G_GUINT64_FORMAT " bit/s, %u ms round trip: compression off\n",
              n, bits_per_second, round_trip_ms);
  measure ("plain", n, bits_per_second, round_trip_ms);
  g_printerr ("   compression on\n");
  measure ("gzip", n, bits_per_second, round_trip_ms);
  liaison_test_remove_tree (config);
  return 0;
}
