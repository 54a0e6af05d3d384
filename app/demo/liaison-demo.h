/* liaison-demo.h: a realistic demo database, for ./dev run and benchmarks.
 *
 * Suggestions get loop histories (docs/closed-loop.md) made through
 * liaison_store_add_suggestion_event(), so that every one obeys the rules:
 * taken up, referred to the city's handling units with due dates from the
 * rules, replied, rated, reopened, closed; a few overdue, under key
 * supervision or withdrawn; plus deputies' own suggestions. */
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
  /* Give suggestions their loop histories and add deputies' suggestions
   * (off: suggestions are only registered, as before the loop). */
  gboolean loop_histories;
  /* Make the database a headquarters replica (sync role hq, no server),
   * with the receptions spread over a dozen of the city's stations. */
  gboolean hq;
} LiaisonDemoOptions;

/* Sets this station up if it is not yet, adds the city's stations, deputy
 * groups and deputies, then the receptions, in batches of transactions.
 * Everything goes through the store API. */
gboolean liaison_demo_generate (LiaisonStore              *store,
                                const LiaisonDemoOptions  *options,
                                GError                   **error);

G_END_DECLS
