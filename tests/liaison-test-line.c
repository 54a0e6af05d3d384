/* liaison-test-line.c: one sync through the test proxy, measured (see the
 * header). */
#define G_LOG_DOMAIN "liaison-test-line"

#include "config.h"

#include "liaison-protocol.h"
#include "liaison-test-hq.h"
#include "liaison-test-line.h"

LiaisonTestLineSync
liaison_test_line_sync (LiaisonTestProxy  *proxy,
                        LiaisonSyncEngine *engine)
{
  LiaisonTestLineSync run = { 0 };
  gint64 start;

  liaison_test_proxy_reset_counts (proxy);
  start = g_get_monotonic_time ();
  run.sync = liaison_test_sync_ok (engine);
  run.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  liaison_test_proxy_get_counts (proxy, &run.wire);
  run.batches = (run.sync.sent + LIAISON_MAX_PUSH_RECORDS - 1) / LIAISON_MAX_PUSH_RECORDS +
                (run.sync.received + LIAISON_MAX_PULL_LIMIT - 1) / LIAISON_MAX_PULL_LIMIT;
  return run;
}

char *
liaison_test_line_describe (const LiaisonTestLineSync *run)
{
  return g_strdup_printf ("%u sent, %u received: %" G_GUINT64_FORMAT " bytes up (%u of %u requests gzip), %"
                          G_GUINT64_FORMAT " bytes down (%u of %u answers gzip), %u batches, %.2f s",
                          run->sync.sent, run->sync.received, run->wire.bytes_up, run->wire.gzip_requests,
                          run->wire.requests, run->wire.bytes_down, run->wire.gzip_answers, run->wire.answers,
                          run->batches, run->seconds);
}
