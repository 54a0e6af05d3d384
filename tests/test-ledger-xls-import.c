/* test-ledger-xls-import.c: a ledger kept as an Excel 97-2003 workbook
 * (.xls, BIFF8), imported directly. The workbooks in tests/data were made
 * by a writer this project did not write: openpyxl wrote an .xlsx and
 * LibreOffice converted it (tests/data/make-xls-ledgers.py): a title row
 * merged across the columns above the header, dates typed as dates and
 * as text, a phone typed as a number, Chinese and English headers. The
 * cells that come back are checked in a real SQLite store; a bad row is
 * named by its row number as Excel shows it and nothing is written; text
 * named .xls, a workbook cut short and random bytes are refused with a
 * clear message, never a crash, and change nothing. */
#define G_LOG_DOMAIN "test-ledger-xls-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-store.h"
#include "liaison-test-cli.h"
#include "liaison-test-ledger.h"
#include "liaison-test-util.h"

typedef LiaisonTestLedger Fixture;

/* tests/data/NAME's bytes, the first @length of them (all: -1), written
 * into the fixture's folder as @as. */
static GFile *
copy_data (Fixture    *fixture,
           const char *name,
           gssize      length,
           const char *as)
{
  g_autofree char *source = liaison_test_data_path (name);
  g_autofree char *path = g_build_filename (fixture->dir, as, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  g_file_get_contents (source, &contents, &size, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length < 0 ? (gssize) size : MIN (length, (gssize) size), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = liaison_test_data_path (name);

  return g_file_new_for_path (path);
}

static void
test_import_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-good.xls");

  liaison_test_import_ok (fixture->store, file, 3);
  liaison_test_assert_good_ledger (fixture->store, "已转交街道。");
}

static void
test_import_english (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-english.xls");

  liaison_test_import_ok (fixture->store, file, 3);
  liaison_test_assert_good_ledger (fixture->store, "已转交街道。");
}

/* An .xls workbook renamed .xlsx, and one with no extension: the bytes
 * say what it is. */
static void
test_import_renamed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) as_xlsx = copy_data (fixture, "ledger-good.xls", -1, "ledger.xlsx");
  g_autoptr(GFile) bare = copy_data (fixture, "ledger-good.xls", -1, "ledger");
  g_autoptr(GArray) already = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint n = 99;

  liaison_test_import_ok (fixture->store, as_xlsx, 3);
  liaison_test_assert_good_ledger (fixture->store, "已转交街道。");
  g_assert_true (liaison_ledger_import_receptions_full (fixture->store, bare, &n, already, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (already->len, ==, 3);
  g_assert_cmpuint (g_array_index (already, guint, 0), ==, 4);  /* the sheet's row 4 */
}

/* Row 5 as Excel numbers it (two title rows, then the header). */
static void
test_import_bad_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-bad.xls");
  g_autofree char *message = liaison_test_import_fails (fixture->store, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS);

  g_assert_nonnull (strstr (message, "line 5: unknown deputy “王五”"));
  g_assert_null (strstr (message, "line 4"));
  g_assert_null (strstr (message, "line 6"));
  g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, 0);
}

/* `liaison import FILE.xls`, the real program on the same store, in
 * English and then zh_CN. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GFile) file = data_file ("ledger-good.xls");
  g_autoptr(GFile) text = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.xls", NULL);
  g_autofree char *database = g_build_filename (fixture->dir, "station.db", NULL);
  g_auto(LiaisonTestCliResult) result = { 0 };
  g_auto(LiaisonTestCliResult) bad = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  liaison_test_run_liaison (&result, "import", "--database", database, path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Imported 3 receptions"));

  g_file_set_contents (text_path, "接待日期,接待代表\n2024-03-05,王建国\n", -1, &error);
  g_assert_no_error (error);
  liaison_test_run_liaison_in (&bad, "zh_CN", "import", "--database", database, text_path, NULL);
  g_assert_cmpint (bad.status, !=, 0);
  g_test_message ("%s", bad.err);
  g_assert_nonnull (strstr (bad.err, "notes.xls"));
  g_assert_nonnull (strstr (bad.err, "Excel 97–2003"));
  g_assert_null (strstr (bad.err, "could not be read as an Excel workbook"));  /* translated */

  fixture->store = liaison_test_open_store (database);
  liaison_test_assert_good_ledger (fixture->store, "已转交街道。");
}

/* Text named .xls, and the good workbook cut short. */
static void
test_import_not_a_workbook (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.xls", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) cut = copy_data (fixture, "ledger-good.xls", 3000, "cut.xls");
  g_autoptr(GFile) header_only = copy_data (fixture, "ledger-good.xls", 600, "header.xls");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text_path, "接待日期,接待代表\n2024-03-05,王建国\n", -1, &error);
  g_assert_no_error (error);
  liaison_test_import_unreadable (fixture->store, text, "it is not an Excel 97–2003 workbook (.xls)");
  liaison_test_import_unreadable (fixture->store, cut, "it is damaged or cut short");
  liaison_test_import_unreadable (fixture->store, header_only, "it is damaged or cut short");
}

/* tests/data/ledger-freexl-overread.xls, random bytes behind an OLE2
 * header, sends libfreexl's text conversion below its stack buffer
 * (AddressSanitizer: stack-buffer-underflow in iconv). The workbook is
 * read in liaison-xls-reader, a process of its own: whatever happens to
 * it there, the import is refused with a message and writes nothing, and
 * this process, the app in real life, goes on. Run in-process, the
 * sanitizer build aborted here. */
static void
test_import_reader_overread (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) overread = copy_data (fixture, "ledger-freexl-overread.xls", -1, "overread.xls");
  g_autoptr(GFile) good = data_file ("ledger-good.xls");
  g_autofree char *message = liaison_test_import_fails (fixture->store, overread, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ENCODING);

  g_assert_nonnull (strstr (message, "could not be read as an Excel workbook"));
  /* The next workbook reads as ever. */
  liaison_test_import_ok (fixture->store, good, 3);
  liaison_test_assert_good_ledger (fixture->store, "已转交街道。");
}

/* Random bytes named .xls, and the good workbook with bytes overwritten
 * or cut at random: each is imported or refused with a message, never a
 * crash, and a refusal writes nothing. The seed is printed (and fixed by
 * --seed) so that a failure can be replayed. */
static void
test_import_random_bytes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *good_path = liaison_test_data_path ("ledger-good.xls");
  g_autofree char *path = g_build_filename (fixture->dir, "random.xls", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree guint8 *good = NULL;
  gsize good_size = 0;
  guint refused = 0;

  g_assert_true (g_file_get_contents (good_path, (char **) &good, &good_size, NULL));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      guint before = liaison_test_ledger_count (fixture->store);
      guint n = 0;

      if (i % 3 == 0)
        {
          /* Random bytes behind an OLE2 header, or none. */
          guint size = g_test_rand_int_range (0, 8192);

          if (i % 2 == 0)
            g_byte_array_append (bytes, good, 512);
          for (guint j = 0; j < size; j++)
            {
              guint8 byte = (guint8) g_test_rand_int_range (0, 256);

              g_byte_array_append (bytes, &byte, 1);
            }
        }
      else
        {
          guint flips = g_test_rand_int_range (1, 40);

          g_byte_array_append (bytes, good, good_size);
          for (guint j = 0; j < flips; j++)
            bytes->data[g_test_rand_int_range (0, (gint32) good_size)] = (guint8) g_test_rand_int_range (0, 256);
          if (i % 3 == 2)
            g_byte_array_set_size (bytes, g_test_rand_int_range (0, (gint32) good_size));
        }
      g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
      if (!liaison_ledger_import_receptions (fixture->store, file, &n, &error))
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpuint (n, ==, 0);
          g_assert_cmpuint (liaison_test_ledger_count (fixture->store), ==, before);
          /* An unreadable file is refused as a workbook, not as text. */
          if (g_error_matches (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ENCODING))
            g_assert_nonnull (strstr (error->message, "could not be read as an Excel workbook"));
          refused++;
        }
    }
  g_test_message ("%u of 300 refused", refused);
  g_assert_cmpuint (refused, >, 100);
  g_assert_cmpuint (refused, <, 300);  /* a byte changed in a text cell still reads */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ledger-xls-import/chinese", Fixture, NULL, liaison_test_ledger_set_up, test_import_chinese, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/english", Fixture, NULL, liaison_test_ledger_set_up, test_import_english, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/renamed", Fixture, NULL, liaison_test_ledger_set_up, test_import_renamed, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/bad-row", Fixture, NULL, liaison_test_ledger_set_up, test_import_bad_row, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/cli", Fixture, NULL, liaison_test_ledger_set_up, test_cli, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/not-a-workbook", Fixture, NULL, liaison_test_ledger_set_up, test_import_not_a_workbook, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/reader-overread", Fixture, NULL, liaison_test_ledger_set_up, test_import_reader_overread, liaison_test_ledger_tear_down);
  g_test_add ("/ledger-xls-import/random-bytes", Fixture, NULL, liaison_test_ledger_set_up, test_import_random_bytes, liaison_test_ledger_tear_down);

  return g_test_run ();
}
