/* bench-store.c: timings of the store, for tests/bench/run.
 *
 *   bench-store setup DB                 a fresh station with its deputies
 *   bench-store insert DB N BATCH        N new receptions, BATCH per commit
 *   bench-store save DB N                N single saves, each its own commit
 *   bench-store list DB                  cold open, first page, last row
 *   bench-store search DB WORD RUNS      count and first page of a search
 *
 * Each prints "KEY VALUE" lines on stdout; the run script formats them.
 */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-bench-common.h"
#include "liaison-reception-item.h"
#include "liaison-search.h"
#include "liaison-store.h"

#define FIRST_PAGE 50

static LiaisonStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store = liaison_store_open (path, &error);

  if (store == NULL)
    liaison_bench_fail ("open", error);
  return store;
}

static GArray *
deputy_ids (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (deputies == NULL)
    liaison_bench_fail ("list deputies", error);
  for (guint i = 0; i < deputies->len; i++)
    g_array_append_val (ids, ((LiaisonDeputy *) g_ptr_array_index (deputies, i))->meta.id);
  if (ids->len < 2)
    liaison_bench_fail ("the database has fewer than two deputies", NULL);
  return ids;
}

static gint64
n_categories (LiaisonStore *store)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (store, NULL);

  return categories ? categories->len : 1;
}

static int
cmd_setup (const char *path)
{
  g_autoptr(LiaisonStore) store = open_store (path);
  g_autoptr(GError) error = NULL;

  if (!liaison_store_set_local_station (store, "相山区东山街道代表联络站",
                                        LIAISON_STATION_KIND_STATION, "相山区", &error))
    liaison_bench_fail ("set up the station", error);
  if (!liaison_store_begin (store, &error))
    liaison_bench_fail ("begin", error);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();

      deputy->name = liaison_bench_deputy_name (i);
      deputy->level = i % LIAISON_N_DEPUTY_LEVELS;
      if (!liaison_store_save_deputy (store, deputy, &error))
        liaison_bench_fail ("save a deputy", error);
    }
  if (!liaison_store_commit (store, &error))
    liaison_bench_fail ("commit", error);
  return 0;
}

static int
cmd_insert (const char *path,
            guint       n,
            guint       batch)
{
  g_autoptr(LiaisonStore) store = open_store (path);
  g_autoptr(GArray) deputies = deputy_ids (store);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (1);
  gint64 categories = n_categories (store);
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint done = 0; done < n; )
    {
      if (!liaison_store_begin (store, &error))
        liaison_bench_fail ("begin", error);
      for (guint i = 0; i < batch && done < n; i++, done++)
        {
          g_autoptr(LiaisonReception) reception = liaison_bench_reception_new (rand, NULL, deputies, categories);

          if (!liaison_store_save_reception (store, reception, &error))
            liaison_bench_fail ("save", error);
        }
      if (!liaison_store_commit (store, &error))
        liaison_bench_fail ("commit", error);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_rand_free (rand);

  printf ("insert-seconds %.3f\n", seconds);
  printf ("insert-rate %.0f\n", n / seconds);
  return 0;
}

static int
cmd_save (const char *path,
          guint       n)
{
  g_autoptr(LiaisonStore) store = open_store (path);
  g_autoptr(GArray) deputies = deputy_ids (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (2);
  gint64 categories = n_categories (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_bench_reception_new (rand, NULL, deputies, categories);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!liaison_store_save_reception (store, reception, &error))
        liaison_bench_fail ("save", error);
      ms = liaison_bench_ms_since (start);
      g_array_append_val (times, ms);
    }
  g_rand_free (rand);

  printf ("save-median %.2f\n", liaison_bench_percentile (times, 0.5));
  printf ("save-p95 %.2f\n", liaison_bench_percentile (times, 0.95));
  printf ("save-max %.2f\n", liaison_bench_percentile (times, 1.0));
  return 0;
}

/* Reads rows 0..@n-1 the way a list view would, item by item. */
static void
read_first_rows (GListModel *model,
                 guint       n)
{
  n = MIN (n, g_list_model_get_n_items (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (model, i);

      if (item == NULL)
        liaison_bench_fail ("a row of the first page is missing", NULL);
    }
}

static int
cmd_list (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LiaisonStore) store = open_store (path);
  double open_ms = liaison_bench_ms_since (start);
  g_autoptr(LiaisonPagedList) model = NULL;
  g_autoptr(LiaisonPagedList) warm = NULL;
  g_autoptr(LiaisonPagedList) fresh = NULL;
  g_autoptr(LiaisonReceptionItem) last = NULL;
  double first_page_ms, count_ms, warm_ms, new_ms, last_ms;
  guint n;

  start = g_get_monotonic_time ();
  model = liaison_store_new_reception_model (store, NULL);
  count_ms = liaison_bench_ms_since (start);
  read_first_rows (G_LIST_MODEL (model), FIRST_PAGE);
  first_page_ms = liaison_bench_ms_since (start);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (n == 0)
    liaison_bench_fail ("the database has no receptions", NULL);

  /* Again, now that SQLite and the OS hold the pages. */
  start = g_get_monotonic_time ();
  warm = liaison_store_new_reception_model (store, NULL);
  read_first_rows (G_LIST_MODEL (warm), FIRST_PAGE);
  warm_ms = liaison_bench_ms_since (start);

  start = g_get_monotonic_time ();
  fresh = liaison_store_new_reception_model (store, NULL);
  new_ms = liaison_bench_ms_since (start);
  start = g_get_monotonic_time ();
  last = g_list_model_get_item (G_LIST_MODEL (fresh), n - 1);
  last_ms = liaison_bench_ms_since (start);
  if (last == NULL)
    liaison_bench_fail ("the last row is missing", NULL);

  printf ("rows %u\n", n);
  printf ("open %.1f\n", open_ms);
  printf ("first-page-count %.1f\n", count_ms);
  printf ("first-page %.1f\n", first_page_ms);
  printf ("first-page-warm %.1f\n", warm_ms);
  printf ("new-model %.1f\n", new_ms);
  printf ("last-row %.1f\n", last_ms);
  return 0;
}

static gboolean
text_has (const char *text,
          const char *word)
{
  gsize start, end;

  return liaison_search_find (text, 0, word, &start, &end);
}

/* Whether @term matches a reception the way the index reads it: the
 * category by both its names, whatever this program's language. */
static gboolean
reception_matches (LiaisonStore            *store,
                   const LiaisonReception  *reception,
                   const LiaisonSearchTerm *term)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (store, NULL);

  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const LiaisonCategory *category = g_ptr_array_index (categories, i);

      if (category->id == reception->category_id &&
          (text_has (category->name, term->text) || text_has (category->name_zh, term->text)))
        return TRUE;
    }
  if (text_has (reception->summary, term->text) || text_has (reception->handling, term->text) ||
      text_has (reception->deputy_names, term->text) || text_has (reception->category_name, term->text))
    return TRUE;
  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      if (text_has (visitor->name, term->text) || text_has (visitor->community, term->text) ||
          liaison_search_phone_matches (term, visitor->phone))
        return TRUE;
    }
  return FALSE;
}

static int
cmd_search (const char *path,
            const char *word,
            guint       runs)
{
  g_autoptr(LiaisonStore) store = open_store (path);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  LiaisonReceptionFilter filter = { .search = (char *) word };
  guint n = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LiaisonPagedList) model = liaison_store_new_reception_model (store, &filter);
      double ms;

      read_first_rows (G_LIST_MODEL (model), FIRST_PAGE);
      ms = liaison_bench_ms_since (start);
      g_array_append_val (times, ms);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      if (i == 0)
        printf ("search-first %.1f\n", ms);
    }

  /* The first row must really match every word, somewhere. */
  if (n > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = liaison_store_list_receptions (store, &filter, 0, 1, &error);
      g_autoptr(LiaisonReception) row = NULL;
      g_autoptr(GPtrArray) terms = liaison_search_parse (word);

      if (page == NULL || page->len != 1)
        liaison_bench_fail ("read the search's first row", error);
      row = liaison_store_get_reception (store, ((LiaisonReception *) g_ptr_array_index (page, 0))->meta.id, &error);
      if (row == NULL)
        liaison_bench_fail ("read the search's first row", error);
      for (guint i = 0; i < terms->len; i++)
        if (!reception_matches (store, row, g_ptr_array_index (terms, i)))
          {
            g_printerr ("reception %" G_GINT64_FORMAT ": %s\n", row->meta.id, row->summary);
            liaison_bench_fail ("the first row found does not match the search", NULL);
          }
    }

  printf ("search-matches %u\n", n);
  printf ("search-median %.1f\n", liaison_bench_percentile (times, 0.5));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command = argc > 2 ? argv[1] : "";

  g_set_prgname ("bench-store");
  if (g_str_equal (command, "setup") && argc == 3)
    return cmd_setup (argv[2]);
  if (g_str_equal (command, "insert") && argc == 5)
    return cmd_insert (argv[2], atoi (argv[3]), atoi (argv[4]));
  if (g_str_equal (command, "save") && argc == 4)
    return cmd_save (argv[2], atoi (argv[3]));
  if (g_str_equal (command, "list") && argc == 3)
    return cmd_list (argv[2]);
  if (g_str_equal (command, "search") && argc == 5)
    return cmd_search (argv[2], argv[3], atoi (argv[4]));

  g_printerr ("usage: bench-store setup DB | insert DB N BATCH | save DB N | list DB"
              " | search DB WORD RUNS\n");
  return 2;
}
