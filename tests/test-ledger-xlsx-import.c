/* test-ledger-xlsx-import.c: a ledger kept as an Excel workbook (.xlsx),
 * imported directly. The workbooks are made at test time by a writer this
 * project did not write (openpyxl, from /usr/bin/python3): a title row
 * merged across the columns above the header, dates typed as dates and
 * as text, a phone typed as a number and as text, Chinese and English
 * headers. The cells that come back are checked in a real SQLite store;
 * a bad row is named by its row number as Excel shows it and nothing is
 * written; a file that is not a workbook, a zip bomb and deep or DTD'd
 * XML are refused with a clear message; the same workbook imported twice
 * writes nothing the second time. */
#define G_LOG_DOMAIN "test-ledger-xlsx-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-store.h"
#include "liaison-test-cli.h"
#include "liaison-test-ledger.h"
#include "liaison-test-util.h"

typedef LiaisonTestLedger Fixture;

/* argv: the kind of workbook, its path. Rows 1 and 2 are titles (row 1
 * merged across the nine columns), row 3 the header, rows 4 to 6 the
 * receptions: a real datetime and a phone typed as a number (written
 * 1.3812345678E10, as a writer may store a double: openpyxl's own
 * 13812345678 is swapped for it); a date and
 * a phone as text; a real date in Excel's built-in format 14 and no
 * phone. "bad" names an unknown deputy in row 5. "bomb", "deep" and "dtd"
 * are the good workbook with its sheet replaced by hostile XML. */
static const char writer[] =
  "import datetime, sys, zipfile, openpyxl\n"
  "kind, path = sys.argv[1], sys.argv[2]\n"
  "book = openpyxl.Workbook()\n"
  "sheet = book.active\n"
  "sheet.title = '台账'\n"
  "zh = ['接待日期', '接待代表', '来访人', '联系电话', '人数', '所在社区', '类别', '反映内容', '办理情况']\n"
  "en = ['Date', 'Deputies', 'Visitor', 'Phone', 'Party size', 'Community', 'Category', 'Content', 'Handling']\n"
  "sheet.append(['东山街道人大代表联络站接待登记台账'])\n"
  "sheet.merge_cells('A1:I1')\n"
  "sheet.append(['', '2024年3月'])\n"
  "sheet.append(en if kind == 'en' else zh)\n"
  "sheet.append([datetime.datetime(2024, 3, 5, 9, 30), '王建国', '张桂兰', 13812345678, 1,\n"
  "              '东山社区', '城乡建设', '反映道路积水严重。', None])\n"
  "sheet.append(['2024/3/6 10:00', '王五' if kind == 'bad' else '张伟', '李明', '13900002222', 2,\n"
  "              '朝阳社区', '社会保障', '反映低保审核慢。', '已登记。'])\n"
  "sheet.append([datetime.date(2024, 3, 7), '李秀英、张伟', None, None, 3,\n"
  "              '金海社区', '城乡建设', '反映路灯不亮，\\n希望修理。', True])\n"
  "sheet['A6'].number_format = 'mm-dd-yy'\n"
  "book.save(path)\n"
  "old = zipfile.ZipFile(path)\n"
  "parts = {name: old.read(name) for name in old.namelist()}\n"
  "old.close()\n"
  "sheet1 = parts['xl/worksheets/sheet1.xml']\n"
  "assert b'<v>13812345678</v>' in sheet1\n"
  "parts['xl/worksheets/sheet1.xml'] = sheet1.replace(b'<v>13812345678</v>', b'<v>1.3812345678E10</v>')\n"
  "head = b'<?xml version=\"1.0\"?>'\n"
  "ns = b' xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"'\n"
  "if kind == 'deep':\n"
  "    xml = head + b'<worksheet' + ns + b'><sheetData>' + b'<row>' * 200 + b'</row>' * 200 + b'</sheetData></worksheet>'\n"
  "elif kind == 'dtd':\n"
  "    xml = head + b'<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>'\n"
  "    xml += b'<worksheet' + ns + b'><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>'\n"
  "with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as new:\n"
  "    for name, data in parts.items():\n"
  "        if name != 'xl/worksheets/sheet1.xml' or kind not in ('bomb', 'deep', 'dtd'):\n"
  "            new.writestr(name, data)\n"
  "        elif kind == 'bomb':\n"
  "            with new.open(name, 'w', force_zip64=True) as out:\n"
  "                out.write(data[:-len('</worksheet>')])\n"
  "                for i in range(80):\n"
  "                    out.write(b' ' * (1024 * 1024))\n"
  "                out.write(b'</worksheet>')\n"
  "        else:\n"
  "            new.writestr(name, xml)\n";

static GFile *
make_workbook (Fixture    *fixture,
               const char *kind)
{
  g_autofree char *name = g_strdup_printf ("ledger-%s.xlsx", kind);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  const char *argv[] = { "/usr/bin/python3", "-c", writer, kind, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("openpyxl failed: %s", err);
  return g_file_new_for_path (path);
}

static void
test_import_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "zh");

  liaison_test_import_ok (fixture->store, file, 3);
  liaison_test_assert_good_ledger (fixture->store, "TRUE");
}

static void
test_import_english (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "en");

  liaison_test_import_ok (fixture->store, file, 3);
  liaison_test_assert_good_ledger (fixture->store, "TRUE");
}

/* Row 5 as Excel numbers it (two title rows, then the header). */
static void
test_import_bad_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "bad");
  g_autofree char *message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);

  g_assert_nonnull (strstr (message, "line 5: unknown deputy “王五”"));
  g_assert_null (strstr (message, "line 4"));
  g_assert_null (strstr (message, "line 6"));
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 0);
}

/* The same workbook twice: nothing written the second time, and its rows
 * reported by their row numbers. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "zh");
  g_autofree char *path = g_build_filename (fixture->dir, "station.db", NULL);
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *again = NULL;
  guint n = 99;

  liaison_test_import_ok (fixture->store, file, 3);
  checksum = liaison_test_database_checksum (path);
  g_assert_true (liaison_ledger_import_receptions_full (fixture->store, file, &n, already, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (already->len, ==, 3);
  g_assert_cmpuint (g_array_index (already, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (already, guint, 2), ==, 6);
  again = liaison_test_database_checksum (path);
  g_assert_cmpstr (again, ==, checksum);
  liaison_test_assert_good_ledger (fixture->store, "TRUE");
}

/* `liaison import FILE.xlsx`, the real program on the same store. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "zh");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *database = g_build_filename (fixture->dir, "station.db", NULL);
  g_auto(LiaisonTestCliResult) result = { 0 };
  g_auto(LiaisonTestCliResult) again = { 0 };

  g_clear_object (&fixture->store);
  liaison_test_run_liaison (&result, "import", "--database", database, path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Imported 3 receptions"));
  liaison_test_run_liaison (&again, "import", "--database", database, path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Imported 0 receptions"));
  g_assert_nonnull (strstr (again.out, "line 4: already imported"));
  fixture->store = liaison_test_open_store (database);
  liaison_test_assert_good_ledger (fixture->store, "TRUE");
}

/* Text named .xlsx, and a workbook cut short. */
static void
test_import_not_a_workbook (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.xlsx", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) good = make_workbook (fixture, "zh");
  g_autofree char *cut_path = g_build_filename (fixture->dir, "cut.xlsx", NULL);
  g_autoptr(GFile) cut = g_file_new_for_path (cut_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_set_contents (text_path, "接待日期,接待代表\n2024-03-05,王建国\n", -1, &error);
  g_assert_no_error (error);
  liaison_test_import_unreadable (fixture->store, text, "not a zip archive");

  g_file_load_contents (good, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (cut_path, contents, length / 2, &error);
  g_assert_no_error (error);
  liaison_test_import_unreadable (fixture->store, cut, "");
}

/* A zip bomb: 80 MB of sheet in a small file, refused before it is
 * unpacked. */
static void
test_import_zip_bomb (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = make_workbook (fixture, "bomb");

  liaison_test_import_unreadable (fixture->store, file, "unpacks to more than 64 MB");
}

/* XML nested 200 deep (libxml2 itself allows 256), and a DTD with entities: neither is a sheet. */
static void
test_import_hostile_xml (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) deep = make_workbook (fixture, "deep");
  g_autoptr(GFile) dtd = make_workbook (fixture, "dtd");

  liaison_test_import_unreadable (fixture->store, deep, "is not well-formed XML");
  liaison_test_import_unreadable (fixture->store, dtd, "is not well-formed XML");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ledger-xlsx-import/chinese", Fixture, NULL, liaison_test_ledger_set_up, test_import_chinese, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/english", Fixture, NULL, liaison_test_ledger_set_up, test_import_english, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/bad-row", Fixture, NULL, liaison_test_ledger_set_up, test_import_bad_row, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/twice", Fixture, NULL, liaison_test_ledger_set_up, test_import_twice, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/cli", Fixture, NULL, liaison_test_ledger_set_up, test_cli, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/not-a-workbook", Fixture, NULL, liaison_test_ledger_set_up, test_import_not_a_workbook, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/zip-bomb", Fixture, NULL, liaison_test_ledger_set_up, test_import_zip_bomb, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xlsx-import/hostile-xml", Fixture, NULL, liaison_test_ledger_set_up, test_import_hostile_xml, liaison_test_ledger_tear_down);

  return g_test_run ();
}
