/* liaison-bench-common.h: what the benchmarks share: the made-up deputies
 * and receptions bench-store and bench-sync save (the same words, drawn in
 * the same order from a seeded GRand, so that runs compare), the
 * percentiles and medians they report, their clocks and their way out. */
#pragma once

#include <glib.h>

#include "liaison-records.h"

G_BEGIN_DECLS

/* The @i-th made-up deputy's name, as "张伟0", "王伟1"… */
char             *liaison_bench_deputy_name   (guint        i);

/* A new reception with one visitor and two of @deputy_ids (at least two),
 * received within the year before @now (NULL: the time it is made), made
 * up from @rand. */
LiaisonReception *liaison_bench_reception_new (GRand       *rand,
                                               GDateTime   *now,
                                               GArray      *deputy_ids,
                                               gint64       n_categories);

/* The value below which @fraction of @values fall (nearest rank), 0 if
 * there are none; sorts @values. */
double            liaison_bench_percentile    (GArray      *values,
                                               double       fraction);
/* The upper median of @values (the middle one of an odd count); sorts
 * @values. */
double            liaison_bench_median        (GArray      *values);

/* Milliseconds since @start (g_get_monotonic_time ()). */
double            liaison_bench_ms_since      (gint64       start);
/* This process's CPU time (user and system) in ms: on a shared machine,
 * what a figure costs whatever else runs. */
double            liaison_bench_cpu_ms        (void);

/* Says "PRGNAME: @what: why" on stderr and exits 1. */
G_NORETURN void   liaison_bench_fail          (const char   *what,
                                               const GError *error);

G_END_DECLS
