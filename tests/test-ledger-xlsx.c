/* test-ledger-xlsx.c: `liaison export` of the reception ledger as an XLSX
 * workbook, run as the real program on a store of awkward receptions
 * (several visitors, Chinese text, quotes and newlines, phones with a
 * leading zero, party sizes), read back with a real reader (openpyxl,
 * from /usr/bin/python3) beside the CSV export of the same period: the
 * sheet, its bold frozen header row, its columns as wide as their text,
 * every cell equal to the CSV's, the dates datetimes, a single 人数 a
 * number, phones text; and bad input that writes nothing. */
#define G_LOG_DOMAIN "test-ledger-xlsx"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-test-awkward.h"
#include "liaison-test-cli.h"
#include "liaison-test-util.h"

typedef struct {
  LiaisonTestAwkward awkward;
} Fixture;

/* Three receptions in the period (the awkward one of three visitors; one
 * visitor of four people with a phone; one anonymous visitor) and one
 * after it. */
static void
add_reception (Fixture        *fixture,
               const char     *received_at,
               const char     *summary,
               LiaisonVisitor *visitor)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_PHONE;
  reception->category_id = fixture->awkward.categories[0];
  g_array_append_val (reception->deputy_ids, fixture->awkward.deputy_ids[0]);
  g_ptr_array_add (reception->visitors, visitor);
  reception->summary = g_strdup (summary);
  reception->handled_on_spot = TRUE;
  reception->handling = g_strdup ("当场答复，已联系物业");
  liaison_store_save_reception (fixture->awkward.store, reception, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_awkward_open (&fixture->awkward);
  liaison_test_awkward_reception (&fixture->awkward);
  add_reception (fixture, "2024-03-05 09:30", "小区电梯故障，老人上下楼困难",
                 liaison_test_awkward_visitor ("王建国", "013800001111", "相山社区", 4, TRUE));
  add_reception (fixture, "2024-12-31 00:00", "路灯不亮",
                 liaison_test_awkward_visitor (NULL, NULL, "西园村", 1, FALSE));
  add_reception (fixture, "2025-01-01 08:00", "不在导出期间内",
                 liaison_test_awkward_visitor ("李四", "13900002222", "东山社区", 2, FALSE));
  g_clear_object (&fixture->awkward.store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_awkward_close (&fixture->awkward);
}

/* The workbook beside the CSV, as openpyxl and Python's csv module read
 * them: the sheet's name, the frozen cell, whether every header is bold,
 * whether every column is as wide as its widest text (a wide character
 * counting two, up to 60), each row's cell types, and every cell that
 * differs from the CSV's (a date as YYYY-MM-DD HH:MM, a number as its
 * digits, an empty cell as "", the CSV's phone without its tab). */
static const char reader[] =
  "import csv, datetime, sys, unicodedata, openpyxl\n"
  "from openpyxl.utils import get_column_letter\n"
  "sys.stdout.reconfigure(encoding='utf-8')\n"
  "book = openpyxl.load_workbook(open(sys.argv[1], 'rb'))\n"
  "sheet = book.active\n"
  "with open(sys.argv[2], encoding='utf-8-sig', newline='') as f:\n"
  "    table = list(csv.reader(f))\n"
  "rows = [list(r) for r in sheet.iter_rows(values_only=True)]\n"
  "print('sheets', book.sheetnames, 'frozen', sheet.freeze_panes)\n"
  "print('bold', all(c.font.b for c in sheet[1]), 'columns', len(rows[0]), len(table[0]))\n"
  "def width(t):\n"
  "    return max((sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in line)\n"
  "                for line in t.split('\\n')), default=0)\n"
  "narrow = [table[0][c] for c in range(len(table[0]))\n"
  "          if sheet.column_dimensions[get_column_letter(c + 1)].width < min(60, max(width(r[c]) for r in table))]\n"
  "print('narrow', narrow)\n"
  "def text(v):\n"
  "    if v is None: return ''\n"
  "    if isinstance(v, datetime.datetime): return v.strftime('%Y-%m-%d %H:%M')\n"
  "    if isinstance(v, (int, float)): return '%g' % v\n"
  "    return v\n"
  "print('rows', len(rows), len(table))\n"
  "for i, (row, line) in enumerate(zip(rows, table)):\n"
  "    cells = [text(v) for v in row]\n"
  "    line = [c[1:] if c.startswith('\\t') else c for c in line]\n"
  "    differ = [table[0][c] for c in range(len(line)) if cells[c] != line[c]]\n"
  "    print(i + 1, [type(row[c]).__name__ for c in (0, 3, 4)], 'differ', differ)\n";

static char *
read_back (const char *xlsx,
           const char *csv)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", reader, xlsx, csv, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("openpyxl: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->awkward.dir, "台账.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->awkward.dir, "台账.csv", NULL);
  g_autofree char *named = g_build_filename (fixture->awkward.dir, "台账", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  liaison_test_run_liaison (&result, "export", "--database", fixture->awkward.path,
                            "--from", "2024-01-01", "--to", "2024-12-31", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Exported 3 receptions"));
  liaison_test_run_liaison (&result, "export", "--database", fixture->awkward.path,
                            "--from", "2024-01-01", "--to", "2024-12-31", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* The awkward reception's 人数 is one per visitor, text; the others'
   * one number. Every cell is the CSV's. */
  out = read_back (xlsx, csv);
  g_assert_cmpstr (out, ==,
    "sheets ['接待台账'] frozen A2\n"
    "bold True columns 14 14\n"
    "narrow []\n"
    "rows 4 4\n"
    "1 ['str', 'str', 'str'] differ []\n"
    "2 ['datetime', 'str', 'str'] differ []\n"
    "3 ['datetime', 'str', 'int'] differ []\n"
    "4 ['datetime', 'NoneType', 'int'] differ []\n");

  /* --format names the format of a file without an extension. */
  liaison_test_run_liaison (&result, "export", "--format", "XLSX", "--database", fixture->awkward.path,
                            "--from", "2024-01-01", "--to", "2024-12-31", named, NULL);
  g_assert_cmpint (result.status, ==, 0);
  again = read_back (named, csv);
  g_assert_cmpstr (again, ==, out);
}

/* Each bad export says why, translated, and writes nothing. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->awkward.dir, "台账.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->awkward.dir, "台账.csv", NULL);
  g_autofree char *txt = g_build_filename (fixture->awkward.dir, "台账.txt", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  const struct {
    const char *format;
    const char *path;
    const char *from;
    const char *to;
    const char *message;
    const char *message_zh;
  } cases[] = {
    { "pdf",  xlsx, "2024-01-01", "2024-12-31", "“pdf” is not a format", "“pdf”不是" },
    { NULL,   txt,  "2024-01-01", "2024-12-31", "“台账.txt” is not an .xlsx or .csv file", "“台账.txt”不是" },
    { "xlsx", txt,  "2024-01-01", "2024-12-31", "“台账.txt” is not an .xlsx or .csv file", "“台账.txt”不是" },
    { "csv",  xlsx, "2024-01-01", "2024-12-31", "“台账.xlsx” does not end in .csv", "“台账.xlsx”的扩展名不是" },
    { "xlsx", csv,  "2024-01-01", "2024-12-31", "“台账.csv” does not end in .xlsx", "“台账.csv”的扩展名不是" },
    { NULL,   xlsx, "2024-02-30", "2024-12-31", "“2024-02-30” is not a date", "“2024-02-30”不是有效日期" },
    { "xlsx", xlsx, "2024-12-31", "2024-01-01", "is after the last day", "晚于截止日期" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint zh = 0; zh < 2; zh++)
      {
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();

        g_test_message ("case %u%s", i, zh ? " in zh_CN" : "");
        g_ptr_array_add (argv, (char *) "export");
        if (cases[i].format != NULL)
          {
            g_ptr_array_add (argv, (char *) "--format");
            g_ptr_array_add (argv, (char *) cases[i].format);
          }
        g_ptr_array_add (argv, (char *) "--database");
        g_ptr_array_add (argv, fixture->awkward.path);
        g_ptr_array_add (argv, (char *) "--from");
        g_ptr_array_add (argv, (char *) cases[i].from);
        g_ptr_array_add (argv, (char *) "--to");
        g_ptr_array_add (argv, (char *) cases[i].to);
        g_ptr_array_add (argv, (char *) cases[i].path);
        g_ptr_array_add (argv, NULL);
        liaison_test_run_liaison_in (&result, zh ? "zh_CN" : NULL,
                                     argv->pdata[0], argv->pdata[1], argv->pdata[2], argv->pdata[3],
                                     argv->pdata[4], argv->pdata[5], argv->pdata[6], argv->pdata[7],
                                     argv->pdata[8], argv->pdata[9], argv->pdata[10], NULL);
        g_assert_cmpint (result.status, ==, 1);
        g_assert_nonnull (strstr (result.err, zh ? cases[i].message_zh : cases[i].message));
        g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ledger-xlsx/workbook", Fixture, NULL, fixture_set_up, test_workbook, fixture_tear_down);
  g_test_add ("/ledger-xlsx/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  return g_test_run ();
}
