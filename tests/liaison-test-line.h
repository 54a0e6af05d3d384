/* liaison-test-line.h: one sync through the test proxy, measured: the
 * bytes each way, the requests and answers, the batches the records
 * needed and the wall time. test-poor-line and the poor-line benchmark
 * (tests/bench/bench-line.c) both measure with it. Asserts the sync
 * succeeds. */
#pragma once

#include "liaison-store-sync.h"
#include "liaison-sync-engine.h"
#include "liaison-test-proxy.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonTestProxyCounts wire;  /* what went through the proxy */
  LiaisonSyncCounts sync;
  guint  batches;               /* pushes and pull pages its records need: ⌈sent / 500⌉ + ⌈received / 1000⌉ */
  double seconds;
} LiaisonTestLineSync;

/* Syncs @engine, whose server is behind @proxy, once; counts from zero. */
LiaisonTestLineSync liaison_test_line_sync  (LiaisonTestProxy    *proxy,
                                             LiaisonSyncEngine   *engine);
/* "12,345 bytes up, … in 1.2 s": one line, for a test's log. */
char               *liaison_test_line_describe (const LiaisonTestLineSync *run);

G_END_DECLS
