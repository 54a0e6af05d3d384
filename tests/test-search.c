/* test-search.c: finding receptions and suggestions by what a clerk types,
 * against real SQLite files: phones, names, communities, categories, the
 * handling, several words at once, and the index kept current by triggers. */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "liaison-search.h"
#include "liaison-store.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        zhang, li, wang;   /* deputies 张伟, 李秀兰, 王建国 */
  gint64        water, school, lamp;
} Fixture;

static gint64
add_reception (Fixture        *fixture,
               const char     *received_at,
               const char     *category,
               const char     *summary,
               const char     *handling,
               const gint64   *deputies,
               LiaisonVisitor *first,
               LiaisonVisitor *second)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (fixture->store, category);
  reception->summary = g_strdup (summary);
  reception->handling = g_strdup (handling);
  for (guint i = 0; deputies[i] != 0; i++)
    g_array_append_val (reception->deputy_ids, deputies[i]);
  g_ptr_array_add (reception->visitors, first);
  if (second != NULL)
    g_ptr_array_add (reception->visitors, second);
  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-search-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (path, "相山区东山街道代表联络站");
  fixture->zhang = liaison_test_add_deputy (fixture->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->li = liaison_test_add_deputy (fixture->store, "李秀兰", LIAISON_DEPUTY_LEVEL_COUNTY);
  fixture->wang = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_PROVINCIAL);

  fixture->water = add_reception (fixture, "2024-07-01 09:00", "urban_construction",
                                  "反映幸福里小区道路积水严重", "已转物业和供水公司核实",
                                  (gint64[]) { fixture->zhang, 0 },
                                  liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"),
                                  liaison_test_make_visitor ("钱多多", "0561-3012345", "凤凰山村"));
  fixture->school = add_reception (fixture, "2024-07-02 09:00", "education",
                                   "学校门口接送车辆拥堵", "",
                                   (gint64[]) { fixture->wang, fixture->li, 0 },
                                   liaison_test_make_visitor ("孙丽", "13800005678", "东山社区"), NULL);
  fixture->lamp = add_reception (fixture, "2024-07-03 09:00", "transport",
                                 "路灯不亮，夜间出行不便", "",
                                 (gint64[]) { fixture->li, 0 },
                                 liaison_test_make_visitor ("", "", "东山社区"), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* The receptions @search finds, as their ids newest first, 0-terminated in
 * a string such as "3 2": the count and the list must agree. */
static char *
found (LiaisonStore *store,
       const char   *search)
{
  LiaisonReceptionFilter filter = { .search = (char *) search };
  g_autoptr(GError) error = NULL;
  guint count = liaison_store_count_receptions (store, &filter, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  list = liaison_store_list_receptions (store, &filter, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, count);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            ((LiaisonReception *) g_ptr_array_index (list, i))->meta.id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_found (Fixture    *fixture,
              const char *search,
              gint64      first,
              gint64      second)
{
  g_autofree char *ids = found (fixture->store, search);
  g_autofree char *expected = second != 0
    ? g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, first, second)
    : first != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, first) : g_strdup ("");

  g_test_message ("“%s” finds [%s]", search, ids);
  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_index_intact (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (store,
    "INSERT INTO reception_search (reception_search, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_exec (store,
    "INSERT INTO suggestion_search (suggestion_search, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

static void
test_phone (Fixture       *fixture,
            gconstpointer  data)
{
  /* A citizen calling back: the full number, as typed in any way. */
  assert_found (fixture, "13912344321", fixture->water, 0);
  assert_found (fixture, "139-1234-4321", fixture->water, 0);
  assert_found (fixture, "139 1234 4321", fixture->water, 0);
  assert_found (fixture, "13800005678", fixture->school, 0);
  /* The second visitor's landline, with or without its dash. */
  assert_found (fixture, "0561-3012345", fixture->water, 0);
  assert_found (fixture, "05613012345", fixture->water, 0);
  /* The last four digits, which the masked list shows. */
  assert_found (fixture, "5678", fixture->school, 0);
  assert_found (fixture, "4321", fixture->water, 0);
  assert_found (fixture, "2345", fixture->water, 0);
  /* The middle of a number, hidden in the list, finds nothing. */
  assert_found (fixture, "1234", 0, 0);
  assert_found (fixture, "3912344", 0, 0);
  assert_found (fixture, "13912340000", 0, 0);
}

static void
test_deputy (Fixture       *fixture,
             gconstpointer  data)
{
  assert_found (fixture, "王建国", fixture->school, 0);
  assert_found (fixture, "李秀兰", fixture->lamp, fixture->school);
  /* Two characters: no trigram, found all the same. */
  assert_found (fixture, "张伟", fixture->water, 0);
  assert_found (fixture, "秀兰", fixture->lamp, fixture->school);
}

static void
test_community (Fixture       *fixture,
                gconstpointer  data)
{
  assert_found (fixture, "翠竹园社区", fixture->water, 0);
  assert_found (fixture, "东山社区", fixture->lamp, fixture->school);
  /* The second visitor's village and name. */
  assert_found (fixture, "凤凰山村", fixture->water, 0);
  assert_found (fixture, "钱多多", fixture->water, 0);
  assert_found (fixture, "孙丽", fixture->school, 0);
}

static void
test_category_and_handling (Fixture       *fixture,
                            gconstpointer  data)
{
  assert_found (fixture, "教育", fixture->school, 0);
  assert_found (fixture, "城乡建设", fixture->water, 0);
  assert_found (fixture, "交通出行", fixture->lamp, 0);
  assert_found (fixture, "education", fixture->school, 0);
  /* 办理情况, even when not handled on the spot. */
  assert_found (fixture, "供水公司", fixture->water, 0);
  assert_found (fixture, "物业", fixture->water, 0);
}

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  /* Every word must match, each anywhere, in any order. */
  assert_found (fixture, "道路积水 翠竹园", fixture->water, 0);
  assert_found (fixture, "翠竹园 道路积水", fixture->water, 0);
  assert_found (fixture, "王建国 学校门口", fixture->school, 0);
  assert_found (fixture, "东山社区 李秀兰", fixture->lamp, fixture->school);
  assert_found (fixture, "东山社区 路灯不亮", fixture->lamp, 0);
  assert_found (fixture, "道路积水 东山社区", 0, 0);
  assert_found (fixture, "  5678   王建国 ", fixture->school, 0);
  assert_found (fixture, "5678 张伟", 0, 0);
}

static void
test_full_width_space (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_found (fixture, "道路积水　张伟", fixture->water, 0);
  assert_found (fixture, "东山社区　李秀兰　交通出行", fixture->lamp, 0);
  {
    g_autofree char *all = found (fixture->store, "　");
    g_autofree char *none = found (fixture->store, NULL);

    /* Spaces alone are no search: the whole list. */
    g_assert_cmpstr (all, ==, none);
  }
}

static void
test_short_words (Fixture       *fixture,
                  gconstpointer  data)
{
  /* One- and two-character words mixed with longer ones. */
  assert_found (fixture, "张 积水", fixture->water, 0);
  assert_found (fixture, "李 路灯不亮", fixture->lamp, 0);
  assert_found (fixture, "东山 学校门口", fixture->school, 0);
  assert_found (fixture, "学校门口 东", fixture->school, 0);
  assert_found (fixture, "路 东山社区", fixture->lamp, 0);
  assert_found (fixture, "路 山", fixture->lamp, fixture->water);
  assert_found (fixture, "教育 王", fixture->school, 0);
  assert_found (fixture, "张 东山社区", 0, 0);
  /* Query syntax and LIKE wildcards are text. */
  assert_found (fixture, "% 积水", 0, 0);
  assert_found (fixture, "_ 东山社区", 0, 0);
  assert_found (fixture, "\" 路灯不亮", 0, 0);
  assert_found (fixture, "路灯不亮 AND", 0, 0);
}

/* Writes that change who came or who received them reach the index. */
static void
test_kept_current (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) school = liaison_store_get_reception (fixture->store, fixture->school, &error);
  g_autoptr(LiaisonDeputy) wang = liaison_store_get_deputy (fixture->store, fixture->wang, &error);
  gint64 pulled;

  g_assert_no_error (error);

  /* The visitor's phone and community change; a deputy leaves. */
  {
    LiaisonVisitor *visitor = g_ptr_array_index (school->visitors, 0);

    g_free (visitor->phone);
    visitor->phone = g_strdup ("13799990000");
    g_free (visitor->community);
    visitor->community = g_strdup ("人民路社区");
  }
  g_array_set_size (school->deputy_ids, 0);
  g_array_append_val (school->deputy_ids, fixture->wang);
  g_assert_true (liaison_store_save_reception (fixture->store, school, &error));
  g_assert_no_error (error);
  assert_found (fixture, "5678", 0, 0);
  assert_found (fixture, "0000", fixture->school, 0);
  assert_found (fixture, "人民路社区", fixture->school, 0);
  assert_found (fixture, "东山社区", fixture->lamp, 0);
  assert_found (fixture, "李秀兰", fixture->lamp, 0);

  /* A deputy renamed on the roster is found by the new name only. */
  g_free (wang->name);
  wang->name = g_strdup ("王建军");
  g_assert_true (liaison_store_save_deputy (fixture->store, wang, &error));
  g_assert_no_error (error);
  assert_found (fixture, "王建军", fixture->school, 0);
  assert_found (fixture, "王建国", 0, 0);

  /* Written straight to the tables, as a pulled page or an import could. */
  g_assert_true (liaison_store_exec (fixture->store,
    "UPDATE reception_visitors SET name = '周杰明' WHERE name = '钱多多'", &error));
  g_assert_no_error (error);
  assert_found (fixture, "周杰明", fixture->water, 0);
  assert_found (fixture, "钱多多", 0, 0);
  g_assert_true (liaison_store_exec (fixture->store,
    "UPDATE categories SET name_zh = '教育事业' WHERE code = 'education'", &error));
  g_assert_no_error (error);
  assert_found (fixture, "教育事业", fixture->school, 0);

  /* As a pulled page writes them: a tombstone, its people, then alive. */
  g_assert_true (liaison_store_exec (fixture->store,
    "INSERT INTO receptions (uuid, updated_at, received_at, station_id, channel, category_id, summary, deleted)"
    " SELECT 'pulled', updated_at, '2024-07-04 09:00', station_id, channel, category_id, '楼道堆物', 1"
    " FROM receptions WHERE id = 1;"
    "INSERT INTO reception_visitors (reception_id, position, name, phone, community)"
    " SELECT id, 0, '冯七', '13611112222', '人民路社区' FROM receptions WHERE uuid = 'pulled';"
    "INSERT INTO reception_deputies (reception_id, deputy_id)"
    " SELECT id, 1 FROM receptions WHERE uuid = 'pulled';", &error));
  g_assert_no_error (error);
  assert_found (fixture, "2222", 0, 0);
  g_assert_true (liaison_store_exec (fixture->store, "UPDATE receptions SET deleted = 0 WHERE uuid = 'pulled'", &error));
  g_assert_no_error (error);
  pulled = liaison_test_query_int (fixture->store, "SELECT id FROM receptions WHERE uuid = 'pulled'");
  assert_found (fixture, "2222 张伟", pulled, 0);
  assert_found (fixture, "人民路社区", pulled, fixture->school);

  /* A deleted reception leaves the index. */
  g_assert_true (liaison_store_delete_reception (fixture->store, fixture->water, &error));
  g_assert_no_error (error);
  assert_found (fixture, "4321", 0, 0);
  assert_found (fixture, "张伟", pulled, 0);

  assert_index_intact (fixture->store);
}

/* A file of the first release is upgraded: its people are searchable. */
static void
test_migrate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-search-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "station.db", NULL);
  g_autofree char *fixture = liaison_test_data_path ("station-v1.db");
  g_autofree char *contents = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_schema_version (store), ==, LIAISON_STORE_SCHEMA_VERSION);

  /* Reception 1: 魏梅 of 孟山社区, 13707529247, received by 冯亮 and 石飞. */
  {
    g_autofree char *ids = found (store, "13707529247");

    g_assert_cmpstr (ids, ==, "1");
    g_clear_pointer (&ids, g_free);
    ids = found (store, "9247 冯亮 石飞");
    g_assert_cmpstr (ids, ==, "1");
  }
  /* A deputy: every live reception they were at, none of the deleted. */
  {
    LiaisonReceptionFilter filter = { .search = (char *) "姚磊婷" };
    gint64 expected = liaison_test_query_int (store,
      "SELECT count(*) FROM receptions r WHERE r.deleted = 0 AND r.id IN (SELECT rd.reception_id"
      " FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id WHERE d.name = '姚磊婷')");

    g_assert_cmpint (expected, >, 1);
    g_assert_cmpint (liaison_store_count_receptions (store, &filter, &error), ==, expected);
    g_assert_no_error (error);
  }
  /* Reception 3 was deleted before the upgrade. */
  {
    g_autofree char *ids = found (store, "18521507442");

    g_assert_cmpstr (ids, ==, "");
  }
  assert_index_intact (store);

  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

/* Suggestions: their text, who filed or took them up, their category. */
static void
test_suggestions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonSuggestion) filed = liaison_suggestion_new ();
  g_autoptr(LiaisonSuggestion) citizen = liaison_suggestion_new ();
  struct {
    const char *search;
    guint       n;
  } cases[] = {
    { "王建国", 1 }, { "加装电梯", 1 }, { "老旧小区 王建国", 1 }, { "老旧小区　城乡建设", 1 },
    { "教育", 1 }, { "孙丽", 1 }, { "王 电梯", 1 }, { "孙 电梯", 0 }, { "城乡建设 校门", 0 },
  };

  filed->station_id = station->meta.id;
  filed->category_id = liaison_store_find_category (fixture->store, "urban_construction");
  filed->title = g_strdup ("老旧小区加装电梯");
  filed->content = g_strdup ("建议财政补贴老旧小区加装电梯。");
  filed->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  filed->deputy_id = fixture->wang;
  g_assert_true (liaison_store_save_suggestion (fixture->store, filed, &error));
  g_assert_no_error (error);

  citizen->station_id = station->meta.id;
  citizen->category_id = liaison_store_find_category (fixture->store, "education");
  citizen->title = g_strdup ("校门口设置减速带");
  citizen->content = g_strdup ("上下学时车速太快。");
  citizen->raised_by = g_strdup ("孙丽");
  citizen->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_assert_true (liaison_store_save_suggestion (fixture->store, citizen, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n = liaison_store_count_suggestions (fixture->store, cases[i].search, &error);
      g_autoptr(GPtrArray) list = liaison_store_list_suggestions (fixture->store, cases[i].search, 0, 100, &error);

      g_assert_no_error (error);
      g_test_message ("“%s” finds %u suggestions", cases[i].search, n);
      g_assert_cmpuint (n, ==, cases[i].n);
      g_assert_cmpuint (list->len, ==, n);
    }
  assert_index_intact (fixture->store);
}

/* The words, as the store and the lists read them. */
static void
test_parse (void)
{
  g_autoptr(GPtrArray) terms = liaison_search_parse (" 道路\t积水　13800005678  张 0561-3012345 12 ");
  const LiaisonSearchTerm *term;
  gsize start, end;

  g_assert_cmpuint (terms->len, ==, 6);
  term = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (term->text, ==, "道路");
  g_assert_false (term->indexed);
  g_assert_null (term->digits);
  term = g_ptr_array_index (terms, 2);
  g_assert_cmpstr (term->digits, ==, "13800005678");
  g_assert_true (term->indexed);
  g_assert_true (liaison_search_phone_matches (term, "13800005678"));
  term = g_ptr_array_index (terms, 4);
  g_assert_cmpstr (term->digits, ==, "05613012345");
  g_assert_true (liaison_search_phone_matches (term, "0561 3012345"));
  term = g_ptr_array_index (terms, 5);
  g_assert_null (term->digits);

  g_clear_pointer (&terms, g_ptr_array_unref);
  terms = liaison_search_parse ("138 0000 5678");
  g_assert_cmpuint (terms->len, ==, 1);
  g_assert_cmpstr (((LiaisonSearchTerm *) g_ptr_array_index (terms, 0))->digits, ==, "13800005678");

  g_assert_true (liaison_search_find ("Room 5 of EDUCATION", 0, "education", &start, &end));
  g_assert_cmpuint (start, ==, 10);
  g_assert_cmpuint (end, ==, 19);
  g_assert_true (liaison_search_find ("东山社区东山", 3, "东山", &start, &end));
  g_assert_cmpuint (start, ==, 12);
  g_assert_false (liaison_search_find ("东山社区", 0, "西山", &start, &end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/reception/phone", test_phone);
  ADD ("/search/reception/deputy", test_deputy);
  ADD ("/search/reception/community", test_community);
  ADD ("/search/reception/category-and-handling", test_category_and_handling);
  ADD ("/search/reception/words", test_words);
  ADD ("/search/reception/full-width-space", test_full_width_space);
  ADD ("/search/reception/short-words", test_short_words);
  ADD ("/search/reception/kept-current", test_kept_current);
  ADD ("/search/suggestion/names-and-words", test_suggestions);
#undef ADD
  g_test_add_func ("/search/migrate-from-v1", test_migrate);
  g_test_add_func ("/search/parse", test_parse);

  return g_test_run ();
}
