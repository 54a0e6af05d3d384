/* liaison-bench-common.h: what bench-store and bench-sync share: the
 * made-up deputies and receptions they save (the same words, drawn in the
 * same order from a seeded GRand, so that runs compare) and the
 * percentiles they report. */
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

G_END_DECLS
