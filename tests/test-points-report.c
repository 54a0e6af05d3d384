/* test-points-report.c: `liaison points`, the quarterly group report
 * (季度积分通报), run as the real program on a small store made by hand:
 * the CSV's rows and figures against totals worked out below, the XLSX
 * read back with a real reader (openpyxl, from /usr/bin/python3), the PDF
 * read back with pdftotext, and bad input that writes nothing. */
#define G_LOG_DOMAIN "test-points-report"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-test-cli.h"
#include "liaison-test-points-store.h"
#include "liaison-test-pdf.h"
#include "liaison-test-util.h"

typedef LiaisonTestPointsFixture Fixture;

#define BOM "\xEF\xBB\xBF"
#define TITLE "2025年第一季度 代表履职积分通报\r\n"
#define HEADER "代表小组,排名,姓名,积分,履职天数,出席人代会,缺席人代会,列席常委会,调研视察,活动培训,进站履职,接待群众,领办建议,提出议案建议\r\n"
#define CITY_ROWS \
  "城区小组,1,张伟,9,3,1,0,0,1,0,1,2,0,0\r\n" \
  "城区小组,2,李秀兰,1,1,0,0,0,0,1,0,0,0,0\r\n" \
  "城区小组,3,赵磊,0,0,0,0,0,0,0,0,0,0,0\r\n" \
  "城区小组,,小组合计,10\r\n" \
  "城区小组,,小组平均,3.3\r\n"
#define ZONE_ROWS \
  "开发区小组,1,陈静,5,2,1,0,0,0,0,1,1,0,0\r\n" \
  "开发区小组,2,王建国,1,1,0,1,0,1,0,0,0,0,0\r\n" \
  "开发区小组,,小组合计,6\r\n" \
  "开发区小组,,小组平均,3\r\n"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "通报.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *group_text = NULL;
  g_auto(LiaisonTestCliResult) result = { 0, };
  GStatBuf info;

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Wrote the points of 5 deputies for 2025Q1"));
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, BOM));
  g_assert_cmpstr (text, ==, BOM TITLE HEADER CITY_ROWS ZONE_ROWS);
  /* Readable by others, not the temporary file's owner-only mode. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0644);

  /* One group only, and a file already there is replaced. */
  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025q1",
       "--group", "开发区小组", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Wrote the points of 2 deputies for 2025Q1"));
  group_text = read_text (path);
  g_assert_cmpstr (group_text, ==, BOM TITLE HEADER ZONE_ROWS);
}

/* The workbook's cells, the frozen panes, the merged title and the sheet's
 * name, as openpyxl (Debian's python3-openpyxl) reads them: one line of
 * JSON per row. */
static const char reader[] =
  "import json, sys, openpyxl\n"
  "book = openpyxl.load_workbook(sys.argv[1])\n"
  "sheet = book.active\n"
  "print(sheet.title, sheet.freeze_panes, [str(r) for r in sheet.merged_cells.ranges])\n"
  "for row in sheet.iter_rows(values_only=True):\n"
  "    print(json.dumps(row, ensure_ascii=False))\n";

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "通报.xlsx", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
  int wait_status = 0;

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1", path, NULL);
  g_assert_cmpint (result.status, ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("openpyxl: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  /* Numbers are numbers: 9, not "9"; the average 3.3 keeps its tenth. */
  g_assert_cmpstr (out, ==,
    "2025年第一季度 A3 ['A1:N1']\n"
    "[\"2025年第一季度 代表履职积分通报\", null, null, null, null, null, null, null, null, null, null, null, null, null]\n"
    "[\"代表小组\", \"排名\", \"姓名\", \"积分\", \"履职天数\", \"出席人代会\", \"缺席人代会\", \"列席常委会\", \"调研视察\", \"活动培训\", \"进站履职\", \"接待群众\", \"领办建议\", \"提出议案建议\"]\n"
    "[\"城区小组\", 1, \"张伟\", 9, 3, 1, 0, 0, 1, 0, 1, 2, 0, 0]\n"
    "[\"城区小组\", 2, \"李秀兰\", 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]\n"
    "[\"城区小组\", 3, \"赵磊\", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n"
    "[\"城区小组\", null, \"小组合计\", 10, null, null, null, null, null, null, null, null, null, null]\n"
    "[\"城区小组\", null, \"小组平均\", 3.3, null, null, null, null, null, null, null, null, null, null]\n"
    "[\"开发区小组\", 1, \"陈静\", 5, 2, 1, 0, 0, 0, 0, 1, 1, 0, 0]\n"
    "[\"开发区小组\", 2, \"王建国\", 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0]\n"
    "[\"开发区小组\", null, \"小组合计\", 6, null, null, null, null, null, null, null, null, null, null]\n"
    "[\"开发区小组\", null, \"小组平均\", 3, null, null, null, null, null, null, null, null, null, null]\n");
}

/* The PDF as pdftotext (poppler-utils) reads it: the title, each group's
 * name over its table, each deputy's row with the figures worked out
 * above (rank, name, points, duty days, then the counts), the group's
 * total and average, and the page words. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "通报.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *group_text = NULL;
  const char *lines[] = {
    "2025年第一季度 代表履职积分通报",
    "城区小组",
    "1 张伟 9 3 1 0 0 1 0 1 2 0 0",
    "2 李秀兰 1 1 0 0 0 0 1 0 0 0 0",
    "3 赵磊 0 0 0 0 0 0 0 0 0 0 0",
    "小组合计 10",
    "小组平均 3.3",
    "开发区小组",
    "1 陈静 5 2 1 0 0 0 0 1 1 0 0",
    "2 王建国 1 1 0 1 0 1 0 0 0 0 0",
    "小组合计 6",
    "小组平均 3",
  };

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Wrote the points of 5 deputies for 2025Q1"));
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (!liaison_test_has_line (text, lines[i]))
      g_error ("the PDF has no line “%s”", lines[i]);
  g_assert_nonnull (strstr (text, "第 1 页，共 1 页"));
  /* In group order, 刘洋 (in no group) nowhere. */
  g_assert_true (strstr (text, "城区小组") < strstr (text, "开发区小组"));
  g_assert_null (strstr (text, "刘洋"));

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1",
       "--group", "开发区小组", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  group_text = liaison_test_pdf_text (path);
  g_assert_true (liaison_test_has_line (group_text, "1 陈静 5 2 1 0 0 0 0 1 1 0 0"));
  g_assert_null (strstr (group_text, "城区小组"));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "通报.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "通报.xlsx", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "通报.txt", NULL);
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "没有这个文件夹", "通报.xlsx", NULL);
  g_autofree char *before = liaison_test_list_dir (fixture->dir);
  g_autofree char *after = NULL;
  g_auto(LiaisonTestCliResult) result = { 0, };

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q5", csv, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "2025Q5"));

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1",
       "--group", "没有的小组", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "There is no deputy group named “没有的小组”: nothing was written.\n");

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1", txt, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "“通报.txt” is not a .pdf, .xlsx or .csv file: name the report FILE.pdf, FILE.xlsx or FILE.csv.\n");

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, "--quarter", "2025Q1", missing_dir, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "Could not write “"));

  liaison_test_run_liaison (&result, "points", "--database", fixture->database, csv, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--quarter 2025Q1"));

  after = liaison_test_list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

static char *
describe_items (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const LiaisonDutyItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (out, "%s %d %d %d %s %s %s %s %s\n", item->deputy_uuid, item->kind,
                              item->activity_kind, item->attendance, item->date, item->source_uuid,
                              item->title, item->end_date, item->station_uuid);
    }
  return g_string_free (out, FALSE);
}

/* The whole city's gathering in six queries gives each deputy the items
 * the per-deputy gathering gives: on the fixture (activities, attendance,
 * receptions) and on a demo city (take-ups, satisfied ratings, filings,
 * co-signings). */
static void
assert_city_matches (const char *database,
                     const char *from,
                     const char *to)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = liaison_store_gather_all_duty_items (store, from, to, &error);
  g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, &error);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autoptr(GPtrArray) one_by_one = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < deputies->len; i++)
    g_ptr_array_add (uuids, ((LiaisonDeputy *) g_ptr_array_index (deputies, i))->meta.uuid);
  g_ptr_array_sort (uuids, liaison_test_compare_strings);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GPtrArray) own = liaison_store_gather_duty_items (store, g_ptr_array_index (uuids, i), from, to, &error);

      g_assert_no_error (error);
      g_ptr_array_set_free_func (own, NULL);
      g_ptr_array_extend_and_steal (one_by_one, g_steal_pointer (&own));
    }
  expected = describe_items (one_by_one);
  got = describe_items (all);
  g_assert_cmpuint (one_by_one->len, >, 0);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_city_gathering (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.db", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kinds = 0;

  assert_city_matches (fixture->database, "2025-01-01", "2025-03-31");
  assert_city_matches (fixture->database, NULL, NULL);

  liaison_test_run_liaison (&result, "demo", "--database", demo, "--receptions", "300", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_city_matches (demo, NULL, NULL);
  /* The demo has each suggestion-made kind, or the check above is empty. */
  store = liaison_test_open_store (demo);
  for (LiaisonDutyItemKind kind = LIAISON_DUTY_ITEM_TAKE_UP; kind <= LIAISON_DUTY_ITEM_CO_SIGNED; kind++)
    {
      g_autoptr(GPtrArray) all = liaison_store_gather_all_duty_items (store, NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (((LiaisonDutyItem *) g_ptr_array_index (all, i))->kind == kind)
          {
            n_kinds++;
            break;
          }
    }
  g_test_message ("the demo has %u of the 5 kinds made from suggestions", n_kinds);
  g_assert_cmpuint (n_kinds, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/points-report/csv", Fixture, NULL, liaison_test_points_fixture_set_up, test_csv, liaison_test_points_fixture_tear_down);
  g_test_add ("/points-report/xlsx", Fixture, NULL, liaison_test_points_fixture_set_up, test_xlsx, liaison_test_points_fixture_tear_down);
  g_test_add ("/points-report/pdf", Fixture, NULL, liaison_test_points_fixture_set_up, test_pdf, liaison_test_points_fixture_tear_down);
  g_test_add ("/points-report/bad-input", Fixture, NULL, liaison_test_points_fixture_set_up, test_bad_input, liaison_test_points_fixture_tear_down);

  g_test_add ("/points-report/city-gathering", Fixture, NULL, liaison_test_points_fixture_set_up, test_city_gathering, liaison_test_points_fixture_tear_down);

  return g_test_run ();
}
