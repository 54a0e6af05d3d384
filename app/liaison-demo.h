/* liaison-demo.h: a realistic demo database, for ./dev run and benchmarks. */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct {
  guint   n_receptions;   /* receptions to add at this station */
  guint   n_stations;     /* stations in the city; 267 by default (0) */
  guint   n_deputies;     /* deputies on the roster; 330 by default (0) */
  guint32 seed;           /* same seed, same database */
  /* Days back from today over which receptions are spread; 365 if 0. */
  guint   n_days;
  /* Receptions that raised a suggestion, in percent; 60 if 0. */
  guint   suggestion_percent;
} LiaisonDemoOptions;

/* Sets this station up if it is not yet, adds the city's stations, deputy
 * groups and deputies, then the receptions, in batches of transactions.
 * Everything goes through the store API. */
gboolean liaison_demo_generate (LiaisonStore              *store,
                                const LiaisonDemoOptions  *options,
                                GError                   **error);

G_END_DECLS
