/* test-paged-list.c: LiaisonPagedList alone, and the store's list models. */
#define G_LOG_DOMAIN "test-paged-list"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-paged-list.h"
#include "liaison-reception-item.h"
#include "liaison-store.h"
#include "liaison-suggestion-item.h"
#include "liaison-test-util.h"

/* A source of plain GObjects that counts what it is asked for. */

typedef struct {
  guint      n;
  guint      count_calls;
  guint      fetch_calls;
  guint      last_offset;
  guint      last_limit;
  guint      last_n_items;
  /* When set, fetches return this many fewer rows than asked for. */
  guint      shortfall;
  /* Objects alive, made by fetch. */
  guint      alive;
} Source;

static guint
source_count (gpointer   user_data,
              GError   **error)
{
  Source *source = user_data;

  source->count_calls++;
  return source->n;
}

static void
object_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  Source *source = data;

  source->alive--;
}

static GPtrArray *
source_fetch (gpointer   user_data,
              guint      offset,
              guint      limit,
              guint      n_items,
              GError   **error)
{
  Source *source = user_data;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint end = MIN (offset + limit, source->n);

  source->fetch_calls++;
  source->last_offset = offset;
  source->last_limit = limit;
  source->last_n_items = n_items;
  end = end > offset + source->shortfall ? end - source->shortfall : offset;
  for (guint i = offset; i < end; i++)
    {
      GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (object, "index", GUINT_TO_POINTER (i + 1));
      g_object_weak_ref (object, object_finalized, source);
      source->alive++;
      g_ptr_array_add (items, object);
    }
  return items;
}

static guint
item_index (GListModel *model,
            guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (model, position);

  g_assert_nonnull (object);
  return GPOINTER_TO_UINT (g_object_get_data (object, "index")) - 1;
}

typedef struct {
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_paged_list_pages (void)
{
  Source source = { .n = 10000 };
  g_autoptr(LiaisonPagedList) list = liaison_paged_list_new (G_TYPE_OBJECT, source_count, source_fetch,
                                                             &source, NULL);
  GListModel *model = G_LIST_MODEL (list);
  guint n_pages = source.n / LIAISON_PAGED_LIST_PAGE_SIZE;
  ItemsChanged changed = { 0 };

  /* Counting is all that opening does. */
  g_assert_cmpuint (source.count_calls, ==, 1);
  g_assert_cmpuint (source.fetch_calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);
  g_assert_true (g_list_model_get_item_type (model) == G_TYPE_OBJECT);
  g_assert_cmpuint (source.fetch_calls, ==, 0);

  /* One page serves every row in it. */
  g_assert_cmpuint (item_index (model, 0), ==, 0);
  g_assert_cmpuint (source.fetch_calls, ==, 1);
  g_assert_cmpuint (source.last_offset, ==, 0);
  g_assert_cmpuint (source.last_limit, ==, LIAISON_PAGED_LIST_PAGE_SIZE);
  g_assert_cmpuint (source.last_n_items, ==, 10000);
  g_assert_cmpuint (item_index (model, 5), ==, 5);
  g_assert_cmpuint (item_index (model, 99), ==, 99);
  g_assert_cmpuint (source.fetch_calls, ==, 1);

  g_assert_cmpuint (item_index (model, 100), ==, 100);
  g_assert_cmpuint (source.fetch_calls, ==, 2);
  g_assert_cmpuint (source.last_offset, ==, 100);

  /* The last row reads the last page only. */
  g_assert_cmpuint (item_index (model, 9999), ==, 9999);
  g_assert_cmpuint (source.fetch_calls, ==, 3);
  g_assert_cmpuint (source.last_offset, ==, 9900);
  g_assert_cmpuint (item_index (model, 50), ==, 50);
  g_assert_cmpuint (source.fetch_calls, ==, 3);

  g_assert_null (g_list_model_get_item (model, 10000));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
  g_assert_cmpuint (source.fetch_calls, ==, 3);

  /* A walk over the whole list keeps only a few pages alive. */
  for (guint i = 0; i < source.n; i++)
    g_assert_cmpuint (item_index (model, i), ==, i);
  g_assert_cmpuint (source.fetch_calls, <=, 3 + n_pages);
  g_assert_cmpuint (source.alive, >=, LIAISON_PAGED_LIST_PAGE_SIZE);
  g_assert_cmpuint (source.alive, <=, 16 * LIAISON_PAGED_LIST_PAGE_SIZE);
  g_test_message ("pages kept: %u", source.alive / LIAISON_PAGED_LIST_PAGE_SIZE);

  /* The most recent page is still there; a far one is read again. */
  {
    guint before = source.fetch_calls;

    g_assert_cmpuint (item_index (model, 9950), ==, 9950);
    g_assert_cmpuint (source.fetch_calls, ==, before);
    g_assert_cmpuint (item_index (model, 10), ==, 10);
    g_assert_cmpuint (source.fetch_calls, ==, before + 1);
  }

  /* Reloading counts again, drops the pages and says so. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  source.n = 12345;
  liaison_paged_list_reload (list);
  g_assert_cmpuint (source.count_calls, ==, 2);
  g_assert_cmpuint (source.alive, ==, 0);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 10000);
  g_assert_cmpuint (changed.added, ==, 12345);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12345);
  {
    guint before = source.fetch_calls;

    g_assert_cmpuint (item_index (model, 12344), ==, 12344);
    g_assert_cmpuint (source.fetch_calls, ==, before + 1);
    g_assert_cmpuint (source.last_offset, ==, 12300);
    g_assert_cmpuint (source.last_n_items, ==, 12345);
  }
  g_assert_null (liaison_paged_list_get_error (list));

  g_clear_object (&list);
  g_assert_cmpuint (source.alive, ==, 0);
}

static void
test_paged_list_short_page (void)
{
  Source source = { .n = 250 };
  g_autoptr(LiaisonPagedList) list = liaison_paged_list_new (G_TYPE_OBJECT, source_count, source_fetch,
                                                             &source, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GObject) missing = NULL;

  g_assert_cmpuint (item_index (model, 249), ==, 249);
  g_assert_cmpuint (source.last_offset, ==, 200);
  g_assert_null (g_list_model_get_item (model, 250));

  /* Rows that vanished between the count and the read are not made up. */
  source.shortfall = 10;
  liaison_paged_list_reload (list);
  g_assert_cmpuint (item_index (model, 189), ==, 189);
  missing = g_list_model_get_item (model, 195);
  g_assert_null (missing);
}

static void
test_paged_list_empty (void)
{
  Source source = { .n = 0 };
  g_autoptr(LiaisonPagedList) list = liaison_paged_list_new (G_TYPE_OBJECT, source_count, source_fetch,
                                                             &source, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (source.fetch_calls, ==, 0);
}

static void
free_source (gpointer data)
{
  gboolean *freed = data;

  *freed = TRUE;
}

static guint
zero_count (gpointer   user_data,
            GError   **error)
{
  return 0;
}

static void
test_paged_list_user_data_free (void)
{
  gboolean freed = FALSE;
  LiaisonPagedList *list = liaison_paged_list_new (G_TYPE_OBJECT, zero_count, source_fetch,
                                                   &freed, free_source);

  g_assert_false (freed);
  g_object_unref (list);
  g_assert_true (freed);
}

/* The store's models over real rows */

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputies[3];
  guint         n_water;
} StoreFixture;

#define N_RECEPTIONS 1050

static const char *summaries[] = {
  "反映小区道路积水，希望尽快疏通",
  "咨询城乡居民养老保险缴费标准",
  "反映学校周边交通拥堵",
  "建议增设农贸市场停车位",
  "反映路灯损坏，夜间出行不便",
  "咨询医保异地结算办理流程",
  "反映企业用工招聘难",
};

static LiaisonReception *
make_reception (StoreFixture *fixture,
                guint         i,
                const char   *received_at)
{
  LiaisonReception *reception = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();

  reception->received_at = g_strdup (received_at);
  reception->channel = i % LIAISON_N_CHANNELS;
  reception->category_id = 1 + i % 10;
  reception->summary = g_strdup (summaries[i % G_N_ELEMENTS (summaries)]);
  g_array_append_val (reception->deputy_ids, fixture->deputies[i % 3]);
  visitor->name = g_strdup_printf ("群众%u", i);
  visitor->community = g_strdup ("南湖社区");
  visitor->party_size = 1;
  g_ptr_array_add (reception->visitors, visitor);
  return reception;
}

static void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "张伟", "李秀兰", "王建国" };
  GRand *rand = g_rand_new_with_seed (20241225);

  fixture->dir = liaison_test_make_tmp_dir ("liaison-paged-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "相山区代表联络站");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fixture->deputies[i] = liaison_test_add_deputy (fixture->store, names[i], LIAISON_DEPUTY_LEVEL_CITY);

  /* Times drawn from a few hundred minutes, out of id order and with many
   * ties, so that the order depends on both received_at and id. */
  g_assert_true (liaison_store_begin (fixture->store, &error));
  for (guint i = 0; i < N_RECEPTIONS; i++)
    {
      guint minute = g_rand_int_range (rand, 0, 300);
      g_autofree char *when = g_strdup_printf ("2024-%02u-%02u %02u:%02u",
                                               1 + minute / 30, 1 + minute % 28,
                                               8 + minute % 10, minute % 60);
      g_autoptr(LiaisonReception) reception = make_reception (fixture, i, when);

      g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
      g_assert_no_error (error);
      if (i % G_N_ELEMENTS (summaries) == 0)
        fixture->n_water++;
    }
  g_assert_true (liaison_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_rand_free (rand);
}

static void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
  g_free (fixture->path);
}

static gint64
model_id (GListModel *model,
          guint       position)
{
  g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return liaison_reception_item_get_id (item);
}

static void
assert_model_matches (GListModel                   *model,
                      LiaisonStore                 *store,
                      const LiaisonReceptionFilter *filter,
                      const guint                  *positions,
                      guint                         n_positions)
{
  g_autoptr(GError) error = NULL;
  guint count = liaison_store_count_receptions (store, filter, &error);
  g_autoptr(GPtrArray) rows = liaison_store_list_receptions (store, filter, 0, G_MAXINT, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, count);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count);
  g_assert_true (g_list_model_get_item_type (model) == LIAISON_TYPE_RECEPTION_ITEM);

  for (guint i = 0; i < n_positions; i++)
    {
      guint position = positions[i];
      const LiaisonReception *row = g_ptr_array_index (rows, position);
      g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (model, position);
      const LiaisonReception *shown;

      g_assert_nonnull (item);
      shown = liaison_reception_item_get_reception (item);
      g_assert_cmpint (shown->meta.id, ==, row->meta.id);
      g_assert_cmpstr (shown->received_at, ==, row->received_at);
      g_assert_cmpstr (shown->meta.uuid, ==, row->meta.uuid);
      g_assert_cmpstr (shown->deputy_names, ==, row->deputy_names);
      g_assert_cmpuint (shown->visitors->len, ==, 1);
    }
  /* And every row, near end and far end alike. */
  for (guint i = 0; i < count; i++)
    g_assert_cmpint (model_id (model, i), ==, ((LiaisonReception *) g_ptr_array_index (rows, i))->meta.id);
  g_assert_null (g_list_model_get_item (model, count));
}

static void
test_reception_model (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaisonPagedList) list = liaison_store_new_reception_model (fixture->store, NULL);
  GListModel *model = G_LIST_MODEL (list);
  const guint positions[] = { 0, 99, 100, 523, 524, 525, 526, 600, 949, 950, 999, 1000, 1049 };
  ItemsChanged changed = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 newest;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECEPTIONS);
  /* The far end first, on a fresh model: read backwards. */
  {
    g_autoptr(GPtrArray) last = liaison_store_list_receptions (fixture->store, NULL, N_RECEPTIONS - 1, 1, &error);

    g_assert_cmpint (model_id (model, N_RECEPTIONS - 1), ==,
                     ((LiaisonReception *) g_ptr_array_index (last, 0))->meta.id);
  }
  assert_model_matches (model, fixture->store, NULL, positions, G_N_ELEMENTS (positions));
  g_assert_null (g_list_model_get_item (model, N_RECEPTIONS));
  g_assert_null (liaison_paged_list_get_error (list));

  /* A new reception shows at the top. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  {
    g_autoptr(LiaisonReception) reception = make_reception (fixture, 7, "2024-12-24 16:00");

    g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
    g_assert_no_error (error);
    newest = reception->meta.id;
  }
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, N_RECEPTIONS);
  g_assert_cmpuint (changed.added, ==, N_RECEPTIONS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECEPTIONS + 1);
  g_assert_cmpint (model_id (model, 0), ==, newest);
  g_assert_cmpint (model_id (model, N_RECEPTIONS), !=, newest);

  /* A deletion shrinks it. */
  g_assert_true (liaison_store_delete_reception (fixture->store, newest, &error));
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECEPTIONS);
  g_assert_cmpint (model_id (model, 0), !=, newest);
}

static void
test_filtered_model (StoreFixture  *fixture,
                     gconstpointer  data)
{
  LiaisonReceptionFilter filter = { .search = (char *) "道路积水" };
  g_autoptr(LiaisonPagedList) list = liaison_store_new_reception_model (fixture->store, &filter);
  g_autoptr(LiaisonPagedList) by_deputy = NULL;
  g_autoptr(LiaisonPagedList) short_search = NULL;
  const guint positions[] = { 0, 1, 75, 76, 149 };

  g_assert_cmpuint (fixture->n_water, ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_water);
  assert_model_matches (G_LIST_MODEL (list), fixture->store, &filter, positions, G_N_ELEMENTS (positions));
  for (guint i = 0; i < fixture->n_water; i++)
    {
      g_autoptr(LiaisonReceptionItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (strstr (liaison_reception_item_get_reception (item)->summary, "道路积水"));
    }

  /* Two characters go through LIKE; same rows. */
  filter.search = (char *) "积水";
  short_search = liaison_store_new_reception_model (fixture->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (short_search)), ==, fixture->n_water);

  filter.search = NULL;
  filter.deputy_id = fixture->deputies[1];
  filter.from_date = (char *) "2024-03-01";
  by_deputy = liaison_store_new_reception_model (fixture->store, &filter);
  assert_model_matches (G_LIST_MODEL (by_deputy), fixture->store, &filter, positions, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_deputy)), <, N_RECEPTIONS / 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_deputy)), >, 0);
}

/* Past DENSE_SEARCH_MATCHES the store walks the time index instead of
 * sorting the matches, and counts from the search index alone: the rows,
 * their order and the count must not change, tombstones included. */
static void
test_dense_search_model (StoreFixture  *fixture,
                         gconstpointer  data)
{
  LiaisonReceptionFilter filter = { .search = (char *) "道路积水" };
  g_autoptr(LiaisonPagedList) list = NULL;
  g_autoptr(GError) error = NULL;
  const guint positions[] = { 0, 99, 100, 1024, 1025, 2047 };
  const guint n_more = 1900;
  gint64 deleted_id = 0;

  g_assert_true (liaison_store_begin (fixture->store, &error));
  for (guint i = 0; i < n_more; i++)
    {
      g_autofree char *when = g_strdup_printf ("2023-%02u-%02u 09:%02u", 1 + i % 12, 1 + i % 28, i % 60);
      /* Index 0 of summaries is the one with 道路积水. */
      g_autoptr(LiaisonReception) reception = make_reception (fixture, 0, when);

      g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
      if (i == n_more / 2)
        deleted_id = reception->meta.id;
    }
  g_assert_true (liaison_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_delete_reception (fixture->store, deleted_id, &error));
  g_assert_no_error (error);

  list = liaison_store_new_reception_model (fixture->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_water + n_more - 1);
  assert_model_matches (G_LIST_MODEL (list), fixture->store, &filter, positions, G_N_ELEMENTS (positions));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_assert_cmpint (model_id (G_LIST_MODEL (list), i), !=, deleted_id);
}

static void
test_suggestion_model (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaisonPagedList) list = liaison_store_new_suggestion_model (fixture->store, NULL);
  g_autoptr(LiaisonPagedList) searched = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);

  g_assert_true (liaison_store_begin (fixture->store, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();

      suggestion->category_id = 1;
      suggestion->title = g_strdup_printf ("建议%u", i);
      suggestion->content = g_strdup (i % 4 == 0 ? "建议增设公交站台" : "建议修缮老旧小区");
      g_assert_true (liaison_store_save_suggestion (fixture->store, suggestion, &error));
    }
  g_assert_true (liaison_store_commit (fixture->store, &error));
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 120);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LIAISON_TYPE_SUGGESTION_ITEM);
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (list), 119);

    g_assert_nonnull (first);
    g_assert_nonnull (last);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 120));
  }

  searched = liaison_store_new_suggestion_model (fixture->store, "公交站台");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paged-list/pages", test_paged_list_pages);
  g_test_add_func ("/paged-list/short-page", test_paged_list_short_page);
  g_test_add_func ("/paged-list/empty", test_paged_list_empty);
  g_test_add_func ("/paged-list/user-data-free", test_paged_list_user_data_free);
  g_test_add ("/paged-list/store/receptions", StoreFixture, NULL,
              store_fixture_set_up, test_reception_model, store_fixture_tear_down);
  g_test_add ("/paged-list/store/filtered", StoreFixture, NULL,
              store_fixture_set_up, test_filtered_model, store_fixture_tear_down);
  g_test_add ("/paged-list/store/dense-search", StoreFixture, NULL,
              store_fixture_set_up, test_dense_search_model, store_fixture_tear_down);
  g_test_add ("/paged-list/store/suggestions", StoreFixture, NULL,
              store_fixture_set_up, test_suggestion_model, store_fixture_tear_down);

  return g_test_run ();
}
