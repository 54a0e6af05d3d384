/* test-ledger.c: the station ledger as CSV, against real SQLite files. */
#define G_LOG_DOMAIN "test-ledger"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-demo.h"
#include "liaison-ledger.h"
#include "liaison-locale.h"
#include "liaison-store.h"
#include "liaison-test-ledger.h"
#include "liaison-test-util.h"

#define GOOD_HEADER "接待日期,接待代表,来访人,联系电话,人数,所在社区,类别,反映内容,办理情况\r\n"
#define GOOD_ROW    "2024-03-05 09:30,王建国,张桂兰,13812345678,1,东山社区,城乡建设,反映道路积水严重。,\r\n"

typedef LiaisonTestLedger Fixture;

static GFile *
data_file (const char *name)
{
  g_autofree char *path = liaison_test_data_path (name);

  return g_file_new_for_path (path);
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = liaison_test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static GFile *
write_temp (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static LiaisonStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return liaison_test_open_store (path);
}

static GPtrArray *
receptions_between (LiaisonStore *store,
                    const char   *from,
                    const char   *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *receptions = liaison_store_list_receptions_between (store, from, to, &error);

  g_assert_no_error (error);
  return receptions;
}

/* What ledger-good.csv holds, whatever its encoding. */
static void
assert_good_ledger (LiaisonStore *store)
{
  g_autoptr(GPtrArray) receptions = receptions_between (store, "2024-03-01", "2024-03-31");
  const LiaisonReception *r;

  g_assert_cmpuint (receptions->len, ==, 4);

  r = g_ptr_array_index (receptions, 0);
  g_assert_cmpstr (r->received_at, ==, "2024-03-05 09:30");
  g_assert_cmpstr (r->deputy_names, ==, "李秀英、王建国");
  g_assert_cmpuint (r->deputy_ids->len, ==, 2);
  g_assert_cmpint (r->category_id, ==, liaison_store_find_category (store, "urban_construction"));
  g_assert_cmpstr (r->summary, ==, "反映金色家园小区道路积水严重，希望尽快疏通排水管网。");
  g_assert_cmpstr (r->handling, ==, "已登记，拟交市城市管理局办理。");
  g_assert_cmpint (r->channel, ==, LIAISON_CHANNEL_WALK_IN);
  g_assert_false (r->handled_on_spot);
  g_assert_cmpuint (r->visitors->len, ==, 1);
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->name, ==, "张桂兰");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone, ==, "13812345678");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->community, ==, "东山社区");
  g_assert_true (liaison_test_visitor_at (r, 0)->consent);
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 1);

  /* A date alone, an anonymous visitor, empty party size and consent. */
  r = g_ptr_array_index (receptions, 1);
  g_assert_cmpstr (r->received_at, ==, "2024-03-06 00:00");
  g_assert_cmpstr (r->deputy_names, ==, "张伟");
  g_assert_cmpint (r->channel, ==, LIAISON_CHANNEL_PHONE);
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->name, ==, "");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 1);
  g_assert_false (liaison_test_visitor_at (r, 0)->consent);

  /* Quotes around a comma, a line break and doubled quotes; two visitors. */
  r = g_ptr_array_index (receptions, 2);
  g_assert_cmpstr (r->received_at, ==, "2024-03-07 14:05");
  g_assert_cmpstr (r->deputy_names, ==, "刘芳、陈志强");
  g_assert_cmpint (r->category_id, ==, liaison_store_find_category (store, "health"));
  g_assert_cmpstr (r->summary, ==, "反映社区卫生服务站药品种类少，\n希望增加\"常用药\"品种。");
  g_assert_cmpint (r->channel, ==, LIAISON_CHANNEL_MOBILE_DESK);
  g_assert_true (r->handled_on_spot);
  g_assert_cmpuint (r->visitors->len, ==, 2);
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->name, ==, "李明");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone, ==, "0561-3012345");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 2);
  g_assert_true (liaison_test_visitor_at (r, 0)->consent);
  g_assert_cmpstr (liaison_test_visitor_at (r, 1)->name, ==, "王红");
  g_assert_cmpint (liaison_test_visitor_at (r, 1)->party_size, ==, 1);
  g_assert_cmpstr (liaison_test_visitor_at (r, 1)->community, ==, "金海社区");

  /* After a blank line: a quoted comma in the community, 0 as no. */
  r = g_ptr_array_index (receptions, 3);
  g_assert_cmpstr (r->received_at, ==, "2024-03-08 00:00");
  g_assert_cmpstr (r->deputy_names, ==, "张伟、王建国");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->community, ==, "建设社区,3栋");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 2);
  g_assert_cmpint (r->channel, ==, LIAISON_CHANNEL_ONLINE);
  g_assert_false (r->handled_on_spot);
}

/* Imports @file with the already imported rows reported: @expected
 * written, and @lines (ending in 0) the lines reported, in order. */
static void
import_again (LiaisonStore *store,
              GFile        *file,
              guint         expected,
              const guint  *lines)
{
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint n = 99;
  guint i;

  g_assert_true (liaison_ledger_import_receptions_full (store, file, &n, already, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
  for (i = 0; lines[i] != 0; i++)
    {
      g_assert_cmpuint (i, <, already->len);
      g_assert_cmpuint (g_array_index (already, guint, i), ==, lines[i]);
    }
  g_assert_cmpuint (already->len, ==, i);
}

/* The same ledger imported twice: nothing written the second time, not a
 * row nor a version, and every row reported as already imported. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-good.csv");
  g_autofree char *path = g_build_filename (fixture->dir, "station.db", NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  LiaisonTestCounts counts;
  const guint lines[] = { 2, 3, 4, 7, 0 };

  liaison_test_import_ok (fixture->store, file, 4);
  counts = liaison_test_count_receptions (fixture->store);
  checksum = liaison_test_database_checksum (path);

  import_again (fixture->store, file, 0, lines);
  liaison_test_assert_counts (liaison_test_count_receptions (fixture->store), counts);
  again = liaison_test_database_checksum (path);
  g_assert_cmpstr (again, ==, checksum);
  assert_good_ledger (fixture->store);

  /* The old way in counts nothing written either. */
  liaison_test_import_ok (fixture->store, file, 0);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 4);

  for (guint i = 0; lines[i] != 0; i++)
    g_array_append_val (already, lines[i]);
  text = liaison_ledger_already_imported_text (already);
  g_assert_cmpstr (text, ==, "already imported: 4 rows\n"
                             "line 2: already imported\nline 3: already imported\n"
                             "line 4: already imported\nline 7: already imported");
}

#define OLD_ROW_1 "2024-03-05 09:30,王建国,张桂兰,13812345678,1,东山社区,城乡建设,反映道路积水严重。,\r\n"
#define OLD_ROW_2 "2024-03-05 10:00,张伟,,,,朝阳社区,社会保障,反映低保审核慢。,已登记。\r\n"
#define OLD_ROW_3 "2024-03-06 09:30,王建国,李明、王红,,3,金海社区,城乡建设,\"反映路灯不亮，\n希望修理。\",已登记。\r\n"

/* Old rows among new ones: the new ones written, the old ones reported by
 * their line (a row over two lines at its first). Each field of the match
 * counts: another time, other visitors or their order, or other content
 * is a new row. */
static void
test_import_some_again (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) first = write_temp (fixture, "first.csv", GOOD_HEADER OLD_ROW_1 OLD_ROW_2 OLD_ROW_3, -1);
  g_autoptr(GFile) second = write_temp (fixture, "second.csv",
                                        GOOD_HEADER
                                        OLD_ROW_3                                                                  /* 2-3 */
                                        "2024-03-05 09:31,王建国,张桂兰,13812345678,1,东山社区,城乡建设,反映道路积水严重。,\r\n" /* 4 */
                                        OLD_ROW_1                                                                  /* 5 */
                                        "2024-03-06 09:30,王建国,王红、李明,,3,金海社区,城乡建设,\"反映路灯不亮，\n希望修理。\",已登记。\r\n" /* 6-7 */
                                        "\r\n"
                                        "2024/3/5 10:00,张伟,,,,朝阳社区,社会保障,反映低保审核慢。,已登记。\r\n", /* 9 */
                                        -1);
  g_autoptr(GFile) third = write_temp (fixture, "third.csv",
                                       GOOD_HEADER
                                       "2024-03-05 09:30,王建国,张桂兰,13812345678,1,东山社区,城乡建设,反映道路积水。,\r\n"
                                       "2024-03-05 09:30,王建国,张兰,13812345678,1,东山社区,城乡建设,反映道路积水严重。,\r\n",
                                       -1);
  const guint first_lines[] = { 0 };
  const guint second_lines[] = { 2, 5, 9, 0 };
  const guint third_lines[] = { 0 };

  import_again (fixture->store, first, 3, first_lines);
  import_again (fixture->store, second, 2, second_lines);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 5);
  import_again (fixture->store, third, 2, third_lines);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 7);
}

/* Two identical rows in one file are two visits; imported again, both are
 * already there, and a third copy is a third visit. A deleted reception
 * is not there: its row is written again. A bad row still stops it all. */
static void
test_import_identical_rows (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) twice = write_temp (fixture, "twice.csv", GOOD_HEADER GOOD_ROW GOOD_ROW, -1);
  g_autoptr(GFile) thrice = write_temp (fixture, "thrice.csv", GOOD_HEADER GOOD_ROW GOOD_ROW GOOD_ROW, -1);
  g_autoptr(GFile) bad = write_temp (fixture, "bad.csv",
                                     GOOD_HEADER GOOD_ROW "2024-03-05 09:30,无名氏,张桂兰,,1,东山社区,城乡建设,新的。,\r\n", -1);
  g_autoptr(GPtrArray) receptions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const guint none[] = { 0 };
  const guint both[] = { 2, 3, 0 };

  import_again (fixture->store, twice, 2, none);
  import_again (fixture->store, twice, 0, both);
  import_again (fixture->store, thrice, 1, both);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 3);

  message = liaison_test_import_fails (fixture->store, bad, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_assert_nonnull (strstr (message, "line 3"));
  g_assert_null (strstr (message, "already"));

  receptions = receptions_between (fixture->store, "2024-03-05", "2024-03-05");
  g_assert_cmpuint (receptions->len, ==, 3);
  for (guint i = 0; i < receptions->len; i++)
    {
      LiaisonReception *reception = g_ptr_array_index (receptions, i);

      g_assert_true (liaison_store_delete_reception (fixture->store, reception->meta.id, &error));
      g_assert_no_error (error);
    }
  import_again (fixture->store, twice, 2, none);
}

/* The messages in zh_CN. */
static void
test_already_imported_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *text = NULL;
      guint line = 5;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      liaison_locale_init ();
      g_array_append_val (already, line);
      text = liaison_ledger_already_imported_text (already);
      g_assert_cmpstr (text, ==, "已导入过：1 行\n第 5 行：已导入过");

      /* A whole ledger again: the first 50 lines, then how many more. */
      for (line = 6; line < 6 + 399; line++)
        g_array_append_val (already, line);
      g_clear_pointer (&text, g_free);
      text = liaison_ledger_already_imported_text (already);
      g_assert_true (g_str_has_prefix (text, "已导入过：400 行\n第 5 行：已导入过\n"));
      g_assert_nonnull (strstr (text, "\n第 54 行：已导入过\n"));
      g_assert_null (strstr (text, "第 55 行"));
      g_assert_true (g_str_has_suffix (text, "\n……另有 350 行已导入过。"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_import_utf8 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-good.csv");

  liaison_test_import_ok (fixture->store, file, 4);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 4);
  assert_good_ledger (fixture->store);
}

static void
test_import_bom (Fixture       *fixture,
                 gconstpointer  data)
{
  gsize length = 0;
  g_autofree char *plain = read_data ("ledger-good.csv", &length);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", plain, NULL);
  g_autoptr(GFile) file = write_temp (fixture, "bom.csv", with_bom, -1);

  liaison_test_import_ok (fixture->store, file, 4);
  assert_good_ledger (fixture->store);
}

static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  gsize length = 0, gb_length = 0;
  g_autofree char *plain = read_data ("ledger-good.csv", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = g_convert (plain, length, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  /* Really not UTF-8, or the test proves nothing. */
  g_assert_false (g_utf8_validate (gb, gb_length, NULL));
  file = write_temp (fixture, "gb18030.csv", gb, gb_length);

  liaison_test_import_ok (fixture->store, file, 4);
  assert_good_ledger (fixture->store);
}

static void
test_import_english (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-english.csv");
  g_autoptr(GPtrArray) receptions = NULL;
  const LiaisonReception *r;

  liaison_test_import_ok (fixture->store, file, 2);
  receptions = receptions_between (fixture->store, "2024-04-01", "2024-04-30");
  g_assert_cmpuint (receptions->len, ==, 2);

  r = g_ptr_array_index (receptions, 0);
  g_assert_cmpint (r->category_id, ==, liaison_store_find_category (fixture->store, "urban_construction"));
  g_assert_cmpstr (r->summary, ==, "反映楼道路灯长期不亮, 希望尽快维修。");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone, ==, "15955612345");
  /* No consent column: not to be contacted. */
  g_assert_false (liaison_test_visitor_at (r, 0)->consent);

  r = g_ptr_array_index (receptions, 1);
  g_assert_cmpstr (r->deputy_names, ==, "张伟、李秀英");
  g_assert_cmpint (r->category_id, ==, liaison_store_find_category (fixture->store, "transport"));
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 4);
  g_assert_cmpstr (r->handling, ==, "代表当场解答。");
  g_assert_false (r->handled_on_spot);
}

static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-bad.csv");
  g_autofree char *message = NULL;

  message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "5 rows"));
  g_assert_nonnull (strstr (message, "line 3: "));
  g_assert_nonnull (strstr (message, "2024-02-30"));
  g_assert_nonnull (strstr (message, "line 4: unknown deputy “王五”"));
  /* A row that spans two lines is named by the line it starts on. */
  g_assert_nonnull (strstr (message, "line 5: unknown category “水电”"));
  g_assert_nonnull (strstr (message, "line 7: "));
  g_assert_nonnull (strstr (message, "“12345”"));
  g_assert_nonnull (strstr (message, "line 9: "));
  g_assert_nonnull (strstr (message, "future"));
  g_assert_null (strstr (message, "line 2:"));
  g_assert_null (strstr (message, "line 6:"));
  g_assert_null (strstr (message, "line 8:"));
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 0);
}

/* A long community for two visitors and a deputy named twice: each said
 * once, under its column. */
#define REPEATING_ROW "2024-03-06,王五、王五,张三、李四,,2," \
  "东山街道东山社区居民委员会第一网格第二小区第三栋第四单元第五层五零一室隔壁的那户人家门口的小花园旁边的那棵大槐树底下的石凳子上," \
  "城乡建设,内容。,\r\n"
#define BAD_DATE_ROW  "2024-02-30,王建国,李四,,1,东山社区,城乡建设,日期不存在。,\r\n"

static guint
count_matches (const char *text,
               const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
assert_problem (LiaisonImportProblems *problems,
                guint                  i,
                guint                  line,
                const char            *column,
                const char            *reason)
{
  const LiaisonImportProblem *problem = liaison_import_problems_get (problems, i);

  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->column, ==, column);
  if (reason != NULL)
    g_assert_cmpstr (problem->reason, ==, reason);
}

static void
test_import_problems_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *contents = g_strconcat (GOOD_HEADER, GOOD_ROW, REPEATING_ROW, BAD_DATE_ROW, NULL);
  g_autoptr(GFile) file = write_temp (fixture, "repeats.csv", contents, -1);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_csv = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *message = NULL;
  g_autofree char *saved_path = g_build_filename (fixture->dir, "problems.csv", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(GPtrArray) rows = NULL;
  const char *too_long;
  guint n = 99;

  /* A list from an earlier import is emptied first. */
  liaison_import_problems_add (problems, 1, "x", "stale");
  g_assert_false (liaison_ledger_import_receptions_with_problems (fixture->store, file, &n, problems, &error));
  g_assert_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 0);
  message = g_strdup (error->message);
  g_clear_error (&error);

  /* One problem a (line, column, reason), in the file's order. */
  g_assert_cmpuint (liaison_import_problems_get_n (problems), ==, 3);
  g_assert_cmpuint (liaison_import_problems_get_n_lines (problems), ==, 2);
  assert_problem (problems, 0, 3, "接待代表", "unknown deputy “王五” (add them to the roster first)");
  assert_problem (problems, 1, 3, "所在社区", NULL);
  assert_problem (problems, 2, 4, "接待日期", "“2024-02-30” is not a date; write it as 2024-03-05 09:30.");
  too_long = liaison_import_problems_get (problems, 1)->reason;
  /* The message says each once too. */
  g_assert_cmpuint (count_matches (message, "“王五”"), ==, 1);
  g_assert_cmpuint (count_matches (message, too_long), ==, 1);
  g_assert_nonnull (strstr (message, "2 rows"));

  text = liaison_import_problems_to_text (problems);
  expected_text = g_strdup_printf ("Line\tColumn\tProblem\n"
                                   "3\t接待代表\tunknown deputy “王五” (add them to the roster first)\n"
                                   "3\t所在社区\t%s\n"
                                   "4\t接待日期\t“2024-02-30” is not a date; write it as 2024-03-05 09:30.\n",
                                   too_long);
  g_assert_cmpstr (text, ==, expected_text);

  /* CSV for Excel and WPS: a BOM, CRLF, quoted where a comma or a quote is. */
  csv = liaison_import_problems_to_csv (problems);
  expected_csv = g_strdup_printf ("\xEF\xBB\xBFLine,Column,Problem\r\n"
                                  "3,接待代表,unknown deputy “王五” (add them to the roster first)\r\n"
                                  "3,所在社区,%s\r\n"
                                  "4,接待日期,“2024-02-30” is not a date; write it as 2024-03-05 09:30.\r\n",
                                  too_long);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_true (liaison_import_problems_save_csv (problems, saved_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (saved_path, &saved, NULL, &error));
  g_assert_cmpstr (saved, ==, expected_csv);
  /* The project's own reader reads it back as three columns. */
  rows = liaison_csv_parse (saved + 3, strlen (saved + 3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((LiaisonCsvRow *) g_ptr_array_index (rows, i))->fields->len, ==, 3);

  /* A good import leaves the list empty. */
  {
    g_autoptr(GFile) good = data_file ("ledger-good.csv");

    g_assert_true (liaison_ledger_import_receptions_with_problems (fixture->store, good, &n, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (liaison_import_problems_get_n (problems), ==, 0);
  }
}

/* In Chinese, the CSV's header is what a clerk reads in Excel. */
static void
test_import_problems_csv_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
      g_autofree char *csv = NULL;
      g_autofree char *text = NULL;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      liaison_locale_init ();
      liaison_import_problems_add (problems, 3, "接待日期", "“2024-02-30”不是有效日期");
      csv = liaison_import_problems_to_csv (problems);
      g_assert_cmpstr (csv, ==, "\xEF\xBB\xBF行号,列,问题\r\n3,接待日期,“2024-02-30”不是有效日期\r\n");
      text = liaison_import_problems_to_text (problems);
      g_assert_true (g_str_has_prefix (text, "行号\t列\t问题\n"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The roster's problems are listed the same way. */
static void
test_roster_problems (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("roster-bad.csv");
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (liaison_ledger_import_deputies_with_problems (fixture->store, file, NULL, problems, &error));
  g_assert_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_assert_cmpuint (liaison_import_problems_get_n (problems), ==, 4);
  assert_problem (problems, 0, 3, "层级", "unknown level “部级” (use 全国, 省, 市, 县(区) or 乡镇)");
  assert_problem (problems, 1, 4, "联络站", "unknown station “不存在的联络站”");
  assert_problem (problems, 2, 5, "电话", NULL);
  assert_problem (problems, 3, 6, "姓名", "the “姓名” cell is empty");
}

typedef struct {
  const char *row;
  const char *expected;
} BadRow;

static void
test_import_each_bad_row (Fixture       *fixture,
                          gconstpointer  data)
{
  static const BadRow cases[] = {
    { "2023-02-29,王建国,李四,,1,东山社区,城乡建设,内容。,", "“2023-02-29”" },
    { "2024-03-06,王建国、王五,李四,,1,东山社区,城乡建设,内容。,", "unknown deputy “王五”" },
    { "2024-03-06,王建国,李四,,1,东山社区,水电,内容。,", "unknown category “水电”" },
    { "2024-03-06,王建国,李四,1381234567,1,东山社区,城乡建设,内容。,", "“1381234567”" },
    { "2024-03-06,王建国,李四,,一,东山社区,城乡建设,内容。,", "“一”" },
    { "2024-03-06,王建国,李四,,1,,城乡建设,内容。,", "“所在社区”" },
    { "2024-03-06,,李四,,1,东山社区,城乡建设,内容。,", "“接待代表”" },
    { "2024-03-06,王建国,李四,,1,东山社区,城乡建设,,", "“反映内容”" },
  };
  g_autoptr(GFile) good = data_file ("ledger-good.csv");

  /* Receptions already there stay as they are. */
  liaison_test_import_ok (fixture->store, good, 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strconcat (GOOD_HEADER, GOOD_ROW, cases[i].row, "\r\n", NULL);
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autoptr(GFile) file = write_temp (fixture, name, contents, -1);
      g_autofree char *message = NULL;

      message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, "line 3: "));
      g_assert_null (strstr (message, "line 2:"));
      g_assert_nonnull (strstr (message, cases[i].expected));
      g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 4);
    }
}

static void
test_import_many_bad_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new (GOOD_HEADER);
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;
  guint n_lines = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append (contents, "2024-03-06,王五,李四,,1,东山社区,城乡建设,内容。,\r\n");
  file = write_temp (fixture, "many.csv", contents->str, contents->len);

  message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  for (const char *p = message; (p = strstr (p, "line ")) != NULL; p++)
    n_lines++;
  g_assert_cmpuint (n_lines, ==, 50);
  g_assert_nonnull (strstr (message, "60 rows"));
  g_assert_nonnull (strstr (message, "line 51: "));
  g_assert_null (strstr (message, "line 52: "));
  g_assert_nonnull (strstr (message, "and 10 more rows"));
}

static void
test_import_missing_column (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-missing-column.csv");
  g_autofree char *message = NULL;

  message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_HEADER);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "“类别” (category)"));
  g_assert_nonnull (strstr (message, "“反映内容” (content)"));
  g_assert_null (strstr (message, "接待日期"));
}

static void
test_import_invalid_bytes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *contents = g_strconcat (GOOD_HEADER, GOOD_ROW,
                                           "2024-03-06,王建国,李四,,1,东山社区,城乡建设,\xFF\xFE\xFF,\r\n",
                                           NULL);
  g_autoptr(GFile) file = write_temp (fixture, "invalid.csv", contents, -1);
  g_autofree char *message = NULL;

  message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ENCODING);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "GB18030"));
  g_assert_nonnull (strstr (message, "line 3"));

  /* A BOM that lies is no better. */
  {
    g_autofree char *lying = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
    g_autoptr(GFile) file2 = write_temp (fixture, "lying.csv", lying, -1);
    g_autofree char *message2 = liaison_test_import_fails (fixture->store, file2, LIAISON_LEDGER_ERROR,
                                              LIAISON_LEDGER_ERROR_ENCODING);
    g_assert_nonnull (strstr (message2, "line 3"));
  }
}

static void
test_import_unclosed_quote (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *contents = g_strconcat (GOOD_HEADER, GOOD_ROW,
                                           "2024-03-06,王建国,李四,,1,东山社区,城乡建设,\"内容没有结束,\r\n",
                                           NULL);
  g_autoptr(GFile) file = write_temp (fixture, "unclosed.csv", contents, -1);
  g_autofree char *message = NULL;

  message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_assert_nonnull (strstr (message, "line 3"));
}

static void
test_import_needs_station (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaisonStore) store = open_store (fixture, "no-station.db");
  g_autoptr(GFile) file = data_file ("ledger-good.csv");
  g_autofree char *message = NULL;

  message = liaison_test_import_fails (store, file, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION);
  g_assert_nonnull (strstr (message, "set up"));
}

static void
test_import_missing_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR,
                                           LIAISON_LEDGER_ERROR_IO);

  g_assert_nonnull (strstr (message, "nowhere.csv"));
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  LiaisonDemoOptions options = { .n_receptions = 400, .seed = 7, .n_days = 120 };
  LiaisonDemoOptions roster_only = { .n_receptions = 0, .seed = 7 };
  g_autoptr(LiaisonStore) source = open_store (fixture, "source.db");
  g_autoptr(LiaisonStore) target = open_store (fixture, "target.db");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -200);
  g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *first_path = g_build_filename (fixture->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.csv", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  guint n = 0;

  g_assert_true (liaison_demo_generate (source, &options, &error));
  g_assert_no_error (error);
  /* The same seed gives the target the same roster. */
  g_assert_true (liaison_demo_generate (target, &roster_only, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_test_ledger_count (target), ==, 0);

  /* Every phone is one that may travel: an export with full contacts
   * carries a consenting visitor's phone alone (test-privacy-exports). */
  g_assert_true (liaison_store_exec (source, "UPDATE reception_visitors SET consent = 1"
                                             " WHERE phone IS NOT NULL AND phone <> ''", &error));
  g_assert_no_error (error);
  g_assert_true (liaison_ledger_export_receptions_as (source, from, to, first, LIAISON_LEDGER_FORMAT_CSV,
                                                      "往返测试", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 400);

  first_text = read_file (first);
  g_assert_true (g_str_has_prefix (first_text,
                                   "\xEF\xBB\xBF接待日期,接待代表,来访人,联系电话,人数,所在社区,类别,"
                                   "反映内容,办理情况,接待方式,同意联系,当场办结,地点,场合\r\n"));

  liaison_test_import_ok (target, first, 400);

  before = receptions_between (source, from, to);
  after = receptions_between (target, from, to);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      const LiaisonReception *a = g_ptr_array_index (before, i);
      const LiaisonReception *b = g_ptr_array_index (after, i);
      int party_a = 0, party_b = 0;

      g_assert_cmpstr (a->received_at, ==, b->received_at);
      g_assert_cmpstr (a->deputy_names, ==, b->deputy_names);
      g_assert_cmpint (a->category_id, ==, b->category_id);
      g_assert_cmpstr (a->summary, ==, b->summary);
      g_assert_cmpstr (a->handling, ==, b->handling);
      g_assert_cmpint (a->channel, ==, b->channel);
      g_assert_cmpint (a->handled_on_spot, ==, b->handled_on_spot);
      g_assert_cmpuint (a->visitors->len, ==, b->visitors->len);
      g_assert_cmpstr (liaison_test_visitor_at (a, 0)->phone, ==, liaison_test_visitor_at (b, 0)->phone);
      g_assert_cmpstr (liaison_test_visitor_at (a, 0)->community, ==, liaison_test_visitor_at (b, 0)->community);
      g_assert_cmpint (liaison_test_visitor_at (a, 0)->consent, ==, liaison_test_visitor_at (b, 0)->consent);
      for (guint v = 0; v < a->visitors->len; v++)
        {
          g_assert_cmpstr (liaison_test_visitor_at (a, v)->name, ==, liaison_test_visitor_at (b, v)->name);
          party_a += liaison_test_visitor_at (a, v)->party_size;
          party_b += liaison_test_visitor_at (b, v)->party_size;
        }
      g_assert_cmpint (party_a, ==, party_b);
    }

  /* And the second export reads the same as the first. */
  g_assert_true (liaison_ledger_export_receptions_as (target, from, to, second, LIAISON_LEDGER_FORMAT_CSV,
                                                      "往返测试", &n, &error));
  g_assert_no_error (error);
  second_text = read_file (second);
  g_assert_cmpstr (first_text, ==, second_text);

  /* A store's own export imported back, and the first file into the
   * target again, write nothing. */
  {
    g_autofree char *source_path = g_build_filename (fixture->dir, "source.db", NULL);
    g_autofree char *checksum = liaison_test_database_checksum (source_path);
    g_autofree char *again = NULL;
    g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));

    g_assert_true (liaison_ledger_import_receptions_full (source, second, &n, already, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_assert_cmpuint (already->len, ==, 400);
    again = liaison_test_database_checksum (source_path);
    g_assert_cmpstr (again, ==, checksum);

    g_array_set_size (already, 0);
    g_assert_true (liaison_ledger_import_receptions_full (target, first, &n, already, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_assert_cmpuint (already->len, ==, 400);
    g_assert_cmpuint (liaison_test_ledger_count (target), ==, 400);
  }
}

static void
test_export_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) good = data_file ("ledger-good.csv");
  g_autofree char *path = g_build_filename (fixture->dir, "range.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  liaison_test_import_ok (fixture->store, good, 4);

  /* Both ends are included. */
  g_assert_true (liaison_ledger_export_receptions (fixture->store, "2024-03-06", "2024/3/7",
                                                   file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  text = read_file (file);
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* The line break inside a quoted field is not a row; the phone masked. */
  g_assert_nonnull (strstr (text, "\"反映社区卫生服务站药品种类少，\n希望增加\"\"常用药\"\"品种。\""));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "2024-03-06 00:00,张伟,"));
  g_assert_true (g_str_has_prefix (lines[2], "2024-03-07 14:05,刘芳、陈志强,李明、王红,\"\t0561-****2345\",3,金海社区,医疗卫生,"));
  g_assert_true (g_str_has_suffix (lines[2], ",流动办公桌,是,是,,"));
  g_unlink (path);

  /* Bad dates write nothing. */
  g_assert_false (liaison_ledger_export_receptions (fixture->store, "2024-03-08", "2024-03-01",
                                                    file, &n, &error));
  g_assert_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_DATES);
  g_clear_error (&error);
  g_assert_false (liaison_ledger_export_receptions (fixture->store, "2024-02-30", "2024-03-01",
                                                    file, &n, &error));
  g_assert_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_DATES);
  g_assert_nonnull (strstr (error->message, "2024-02-30"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A range with nothing in it is a header alone. */
  g_assert_true (liaison_ledger_export_receptions (fixture->store, "2023-01-01", "2023-12-31",
                                                   file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

static LiaisonDeputy *
deputy_named (LiaisonStore *store,
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = liaison_store_find_deputy (store, name);
  LiaisonDeputy *deputy;

  g_assert_cmpint (id, >, 0);
  deputy = liaison_store_get_deputy (store, id, &error);
  g_assert_no_error (error);
  return deputy;
}

static guint
count_deputies (LiaisonStore *store)
{
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, NULL);

  return deputies->len;
}

static void
test_roster_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaisonDeputy) li = deputy_named (fixture->store, "李秀英");
  g_autoptr(LiaisonDeputy) zhang = deputy_named (fixture->store, "张伟");
  g_autoptr(LiaisonDeputy) chen = deputy_named (fixture->store, "陈志强");
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (fixture->store);

  g_assert_cmpuint (count_deputies (fixture->store), ==, 5);
  g_assert_cmpint (li->level, ==, LIAISON_DEPUTY_LEVEL_PROVINCIAL);
  g_assert_cmpstr (li->group_name, ==, "教育");
  g_assert_cmpint (li->station_id, ==, station->meta.id);
  g_assert_cmpstr (li->specialty, ==, "中学教育");
  g_assert_cmpstr (li->phone, ==, "0561-3012345");
  g_assert_cmpint (zhang->level, ==, LIAISON_DEPUTY_LEVEL_COUNTY);
  g_assert_cmpint (zhang->group_id, ==, 0);
  g_assert_cmpint (zhang->station_id, ==, 0);
  g_assert_cmpint (chen->level, ==, LIAISON_DEPUTY_LEVEL_TOWNSHIP);
}

static void
test_roster_update (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("roster-update.csv");
  g_autoptr(LiaisonDeputy) before = deputy_named (fixture->store, "王建国");
  g_autoptr(LiaisonDeputy) after = NULL;
  g_autoptr(LiaisonDeputy) zhao = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (liaison_ledger_import_deputies (fixture->store, file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  /* One new, one updated, none doubled. */
  g_assert_cmpuint (count_deputies (fixture->store), ==, 6);

  after = deputy_named (fixture->store, "王建国");
  g_assert_cmpint (after->meta.id, ==, before->meta.id);
  g_assert_cmpint (after->meta.version, >, before->meta.version);
  g_assert_cmpint (after->level, ==, LIAISON_DEPUTY_LEVEL_PROVINCIAL);
  g_assert_cmpstr (after->group_name, ==, "电子商务");
  g_assert_cmpstr (after->phone, ==, "13905610002");
  /* Columns the file does not have keep their values. */
  g_assert_cmpint (after->station_id, ==, before->station_id);
  g_assert_cmpstr (after->specialty, ==, "农业技术推广");

  zhao = deputy_named (fixture->store, "赵敏");
  g_assert_cmpint (zhao->level, ==, LIAISON_DEPUTY_LEVEL_CITY);
  g_assert_cmpint (zhao->group_id, ==, 0);
}

static void
test_roster_bad (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("roster-bad.csv");
  g_autoptr(LiaisonDeputy) before = deputy_named (fixture->store, "王建国");
  g_autoptr(LiaisonDeputy) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (liaison_ledger_import_deputies (fixture->store, file, &n, &error));
  g_assert_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 3: unknown level “部级”"));
  g_assert_nonnull (strstr (error->message, "line 4: unknown station “不存在的联络站”"));
  g_assert_nonnull (strstr (error->message, "line 5: "));
  g_assert_nonnull (strstr (error->message, "“12345”"));
  g_assert_nonnull (strstr (error->message, "line 6: "));
  g_assert_null (strstr (error->message, "line 2:"));
  /* “县” alone is a county deputy, not an error. */
  g_assert_null (strstr (error->message, "“县”"));

  g_assert_cmpuint (count_deputies (fixture->store), ==, 5);
  after = deputy_named (fixture->store, "王建国");
  g_assert_cmpint (after->meta.version, ==, before->meta.version);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, liaison_test_ledger_set_up, func, liaison_test_ledger_tear_down)

  ADD ("/ledger/import/utf8", test_import_utf8);
  ADD ("/ledger/import/utf8-bom", test_import_bom);
  ADD ("/ledger/import/gb18030", test_import_gb18030);
  ADD ("/ledger/import/english-headers", test_import_english);
  ADD ("/ledger/import/bad-rows", test_import_bad_rows);
  ADD ("/ledger/import/each-bad-row", test_import_each_bad_row);
  ADD ("/ledger/import/many-bad-rows", test_import_many_bad_rows);
  ADD ("/ledger/import/problems-once", test_import_problems_once);
  g_test_add_func ("/ledger/import/problems-csv-zh_CN", test_import_problems_csv_zh_cn);
  ADD ("/ledger/import/missing-column", test_import_missing_column);
  ADD ("/ledger/import/invalid-bytes", test_import_invalid_bytes);
  ADD ("/ledger/import/unclosed-quote", test_import_unclosed_quote);
  ADD ("/ledger/import/needs-station", test_import_needs_station);
  ADD ("/ledger/import/missing-file", test_import_missing_file);
  ADD ("/ledger/import/twice", test_import_twice);
  ADD ("/ledger/import/some-again", test_import_some_again);
  ADD ("/ledger/import/identical-rows", test_import_identical_rows);
  g_test_add_func ("/ledger/import/already-imported-zh_CN", test_already_imported_zh_cn);
  ADD ("/ledger/export/round-trip", test_export_round_trip);
  ADD ("/ledger/export/range", test_export_range);
  ADD ("/ledger/roster/import", test_roster_import);
  ADD ("/ledger/roster/update", test_roster_update);
  ADD ("/ledger/roster/bad", test_roster_bad);
  ADD ("/ledger/roster/problems", test_roster_problems);

#undef ADD

  return g_test_run ();
}
