/* test-privacy-exports.c: every way a phone leaves the station, run as a
 * user runs it (the real `liaison` program on a real SQLite file) and
 * read back as a person would read it: the ledger as CSV (its bytes) and
 * as XLSX (openpyxl), the Follow-up lists as CSV and XLSX, the dashboard's
 * report, the duty archive and the points report, the registration form
 * and the ledger printed to PDF (pdftotext). Without --with-contacts no
 * full number is anywhere; with it, the visitor who agreed to be contacted
 * is in full and the one who did not stays masked; without --reason it is
 * refused and nothing is written. /privacy/exports/every-path runs every
 * command that writes a file on a demo station, with no choice made, and
 * greps every byte written (a workbook's members inflated, a PDF's text)
 * for every phone the station holds. */
#define G_LOG_DOMAIN "test-privacy-exports"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-follow-up-export.h"
#include "liaison-store-access-log.h"
#include "liaison-test-cli.h"
#include "liaison-test-pdf.h"
#include "liaison-test-print.h"
#include "liaison-test-util.h"

#define CONSENTED        LIAISON_TEST_PRINT_CONSENTED    /* 王秀兰, who agreed to be contacted */
#define UNCONSENTED      LIAISON_TEST_PRINT_UNCONSENTED  /* 陈建国, who did not */
#define CONSENTED_MASKED "139****5678"
#define MASKED           LIAISON_TEST_PRINT_MASKED
#define REASON           "回访群众，核实办理结果"

typedef LiaisonTestPrintStation Fixture;

/* Every cell of every sheet, as openpyxl reads it. */
static char *
xlsx_text (const char *path)
{
  static const char reader[] =
    "import sys, openpyxl\n"
    "sys.stdout.reconfigure(encoding='utf-8')\n"
    "book = openpyxl.load_workbook(sys.argv[1])\n"
    "for sheet in book.worksheets:\n"
    "    for row in sheet.iter_rows(values_only=True):\n"
    "        print('\\t'.join('' if v is None else str(v) for v in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return out;
}

/* What a person reads in @path: a CSV's bytes, a workbook's cells, a
 * PDF's text. */
static char *
file_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (g_str_has_suffix (path, ".xlsx"))
    return xlsx_text (path);
  if (g_str_has_suffix (path, ".pdf"))
    return liaison_test_pdf_text (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
assert_has (const char *path,
            const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("%s has no “%s”; it reads:\n%s", path, part, text);
}

static void
assert_lacks (const char *path,
              const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("%s has “%s”, which it must not; it reads:\n%s", path, part, text);
}

/* The access log's entries, newest first. */
static GPtrArray *
access_log (Fixture *fixture)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (fixture->database);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = liaison_store_list_access_log (store, NULL, NULL, -1, &error);

  g_assert_no_error (error);
  return entries;
}

/* Runs `liaison ARGS… PATH` in zh_CN, then, with --with-contacts --reason
 * added, into a second file, which writes one access-log entry (a print's
 * for a PDF) with the reason and one contact in full, 王秀兰's. @phones: whether the file carries visitors'
 * phones at all (the report, the archive and the points report do not). */
static void
check_export (Fixture    *fixture,
              gboolean    phones,
              const char *name,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *masked_path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *full_path = g_strconcat (fixture->dir, "/full-", name, NULL);
  g_autofree char *refused_path = g_strconcat (fixture->dir, "/refused-", name, NULL);
  g_autofree char *masked = NULL;
  g_autofree char *full = NULL;
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(GPtrArray) log_before = access_log (fixture);
  g_autoptr(GPtrArray) log_after = NULL;
  const LiaisonAccessEntry *entry;
  const char *arg;
  va_list ap;

  va_start (ap, name);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (fixture->database));

  /* Masked, by default. */
  {
    g_autoptr(GPtrArray) run = g_ptr_array_new ();

    for (guint i = 0; i < args->len; i++)
      g_ptr_array_add (run, args->pdata[i]);
    g_ptr_array_add (run, masked_path);
    g_ptr_array_add (run, NULL);
    liaison_test_run_liaison_argv (&result, "zh_CN", (const char *const *) run->pdata);
  }
  g_test_message ("%s: %s%s", name, result.out, result.err);
  g_assert_cmpint (result.status, ==, 0);
  masked = file_text (masked_path);
  assert_lacks (masked_path, masked, CONSENTED);
  assert_lacks (masked_path, masked, UNCONSENTED);
  if (phones)
    {
      assert_has (masked_path, masked, CONSENTED_MASKED);
      if (!g_str_has_prefix (name, "follow-up"))
        assert_has (masked_path, masked, MASKED);
    }

  /* --with-contacts without --reason: refused, nothing written. */
  {
    g_autoptr(GPtrArray) run = g_ptr_array_new ();

    for (guint i = 0; i < args->len; i++)
      g_ptr_array_add (run, args->pdata[i]);
    g_ptr_array_add (run, "--with-contacts");
    g_ptr_array_add (run, refused_path);
    g_ptr_array_add (run, NULL);
    liaison_test_run_liaison_argv (&result, "zh_CN", (const char *const *) run->pdata);
  }
  g_assert_cmpint (result.status, ==, 1);
  assert_has (name, result.err, "--reason");
  assert_has (name, result.err, "访问日志");
  g_assert_false (g_file_test (refused_path, G_FILE_TEST_EXISTS));
  {
    /* Neither the masked file nor the refused one is logged. */
    g_autoptr(GPtrArray) log_now = access_log (fixture);

    g_assert_cmpuint (log_now->len, ==, log_before->len);
  }

  /* With full contacts and a reason: the consenting visitor in full, the
   * other still masked. */
  {
    g_autoptr(GPtrArray) run = g_ptr_array_new ();

    for (guint i = 0; i < args->len; i++)
      g_ptr_array_add (run, args->pdata[i]);
    g_ptr_array_add (run, "--with-contacts");
    g_ptr_array_add (run, "--reason");
    g_ptr_array_add (run, REASON);
    g_ptr_array_add (run, full_path);
    g_ptr_array_add (run, NULL);
    liaison_test_run_liaison_argv (&result, "zh_CN", (const char *const *) run->pdata);
  }
  g_test_message ("%s with contacts: %s%s", name, result.out, result.err);
  g_assert_cmpint (result.status, ==, 0);
  full = file_text (full_path);
  assert_lacks (full_path, full, UNCONSENTED);
  if (phones)
    assert_has (full_path, full, CONSENTED);

  log_after = access_log (fixture);
  g_assert_cmpuint (log_after->len, ==, log_before->len + 1);
  entry = g_ptr_array_index (log_after, 0);
  g_assert_cmpint (entry->kind, ==, g_str_has_suffix (name, ".pdf") ? LIAISON_ACCESS_PRINT_CONTACTS
                                                                     : LIAISON_ACCESS_EXPORT_CONTACTS);
  g_assert_cmpstr (entry->reason, ==, REASON);
  g_assert_cmpuint (entry->n_contacts, ==, 1);
  g_assert_nonnull (entry->what);
  g_assert_cmpstr (entry->what, !=, "");
}

static void
test_ledger_csv (Fixture *fixture, gconstpointer data)
{
  check_export (fixture, TRUE, "ledger.csv", "export", "--from", "2025-01-01", "--to", "2025-12-31", NULL);
}

static void
test_ledger_xlsx (Fixture *fixture, gconstpointer data)
{
  check_export (fixture, TRUE, "ledger.xlsx", "export", "--from", "2025-01-01", "--to", "2025-12-31", NULL);
}

static void
test_follow_up (Fixture *fixture, gconstpointer data)
{
  check_export (fixture, TRUE, "follow-up.csv", "export", "--list", "to-take-up", NULL);
  check_export (fixture, TRUE, "follow-up.xlsx", "export", "--list", "to-take-up", NULL);
}

static void
test_print (Fixture *fixture, gconstpointer data)
{
  check_export (fixture, TRUE, "form.pdf", "print", "form", "--reception", fixture->uuid, NULL);
  check_export (fixture, TRUE, "ledger.pdf", "print", "ledger", "--from", "2025-01-01", "--to", "2025-12-31", NULL);
}

/* The dashboard's report carries figures, no one's phone; its text is
 * still checked. */
static void
test_report (Fixture *fixture, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *archive = g_build_filename (fixture->dir, "archive.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  const char *paths[] = { xlsx, pdf, archive };

  liaison_test_run_liaison_in (&result, "zh_CN", "report", "--database", fixture->database,
                               "--period", "2025", xlsx, NULL);
  g_assert_cmpint (result.status, ==, 0);
  liaison_test_run_liaison_in (&result, "zh_CN", "report", "--database", fixture->database,
                               "--period", "2025", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  liaison_test_run_liaison_in (&result, "zh_CN", "archive", "--database", fixture->database,
                               "--deputy", "张伟", "--year", "2025", archive, NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *text = file_text (paths[i]);

      assert_lacks (paths[i], text, CONSENTED);
      assert_lacks (paths[i], text, UNCONSENTED);
    }
}

/* @text's digits alone: a phone written with spaces or dashes is still
 * found. */
static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/* Every phone the station holds (7 digits or more), as digits. */
static GPtrArray *
stored_phones (const char *database)
{
  GPtrArray *phones = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT DISTINCT phone FROM reception_visitors WHERE phone <> ''",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *digits = digits_of ((const char *) sqlite3_column_text (stmt, 0));

      if (strlen (digits) >= 7)
        g_ptr_array_add (phones, digits);
      else
        g_free (digits);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return phones;
}

/* One column of the first row @sql gives. */
static char *
query_text (const char *database,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Every member of a workbook (a zip), inflated, as Python's zipfile reads it. */
static char *
zip_members (const char *path)
{
  static const char reader[] =
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "for n in z.namelist():\n"
    "    sys.stdout.buffer.write(z.read(n))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

static void
run_ok (const char *const *argv)
{
  g_auto(LiaisonTestCliResult) result = { 0, };

  liaison_test_run_liaison_argv (&result, "zh_CN", argv);
  if (result.status != 0)
    g_error ("liaison %s %s failed: %s%s", argv[0], argv[1], result.out, result.err);
}

/* Every command that writes a file, run on a demo station with no choice
 * made: no phone the station holds is anywhere in what they wrote. */
static void
test_every_path (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-privacy-every-XXXXXX");
  g_autofree char *database = g_build_filename (dir, "station.db", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *quarter = g_strdup_printf ("%sQ%d", year, (g_date_time_get_month (now) - 1) / 3 + 1);
  g_autofree char *uuid = NULL;
  g_autofree char *deputy = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_auto(GStrv) lists = g_strsplit (liaison_follow_up_list_names (), ", ", -1);
  g_autoptr(GDir) written = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  {
    const char *argv[] = { "demo", "--database", database, "--receptions", "80", "--days", "60", NULL };

    run_ok (argv);
  }
  phones = stored_phones (database);
  g_assert_cmpuint (phones->len, >, 20);
  uuid = query_text (database, "SELECT uuid FROM receptions r WHERE EXISTS (SELECT 1 FROM reception_visitors v"
                               " WHERE v.reception_id = r.id AND v.phone <> '' AND v.consent) LIMIT 1");
  deputy = query_text (database, "SELECT name FROM deputies ORDER BY id LIMIT 1");

#define OUT(file) g_build_filename (out, file, NULL)
  {
    g_autofree char *ledger_csv = OUT ("ledger.csv");
    g_autofree char *ledger_xlsx = OUT ("ledger.xlsx");
    g_autofree char *form = OUT ("form.pdf");
    g_autofree char *blank = OUT ("blank.pdf");
    g_autofree char *ledger_pdf = OUT ("ledger.pdf");
    g_autofree char *report_xlsx = OUT ("report.xlsx");
    g_autofree char *report_pdf = OUT ("report.pdf");
    g_autofree char *archive = OUT ("archive.pdf");
    g_autofree char *points_xlsx = OUT ("points.xlsx");
    g_autofree char *points_csv = OUT ("points.csv");
    g_autofree char *points_pdf = OUT ("points.pdf");
    const char *const runs[][12] = {
      { "export", "--database", database, "--from", "2000-01-01", "--to", "2100-12-31", ledger_csv, NULL },
      { "export", "--database", database, "--from", "2000-01-01", "--to", "2100-12-31", ledger_xlsx, NULL },
      { "print", "form", "--database", database, "--reception", uuid, form, NULL },
      { "print", "blank", "--database", database, blank, NULL },
      { "print", "ledger", "--database", database, "--from", "2000-01-01", "--to", "2100-12-31", ledger_pdf, NULL },
      { "report", "--database", database, "--period", year, report_xlsx, NULL },
      { "report", "--database", database, "--period", year, report_pdf, NULL },
      { "archive", "--database", database, "--deputy", deputy, "--year", year, archive, NULL },
      { "points", "--database", database, "--quarter", quarter, points_xlsx, NULL },
      { "points", "--database", database, "--quarter", quarter, points_csv, NULL },
      { "points", "--database", database, "--quarter", quarter, points_pdf, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      run_ok (runs[i]);
  }
  for (guint i = 0; lists[i] != NULL; i++)
    for (guint f = 0; f < 2; f++)
      {
        g_autofree char *file = g_strdup_printf ("%s/list-%s.%s", out, lists[i], f == 0 ? "csv" : "xlsx");
        const char *argv[] = { "export", "--database", database, "--list", lists[i], file, NULL };

        run_ok (argv);
      }
#undef OUT

  written = g_dir_open (out, 0, NULL);
  while ((name = g_dir_read_name (written)) != NULL)
    {
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *bytes = NULL;
      g_autofree char *inside = NULL;
      g_autofree char *all = NULL;
      g_autofree char *digits = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      if (g_str_has_suffix (name, ".xlsx"))
        inside = zip_members (path);
      else if (g_str_has_suffix (name, ".pdf"))
        inside = liaison_test_pdf_text (path);
      /* The raw bytes up to a NUL, and what is inside them. */
      all = g_strconcat (bytes, "\n", inside != NULL ? inside : "", NULL);
      digits = digits_of (all);
      for (guint p = 0; p < phones->len; p++)
        if (strstr (digits, phones->pdata[p]) != NULL)
          g_error ("%s holds the phone %s in full, with no --with-contacts", name, (char *) phones->pdata[p]);
      n_files++;
    }
  g_test_message ("%u files, %u phones", n_files, phones->len);
  g_assert_cmpuint (n_files, ==, 11 + 2 * g_strv_length (lists));
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/privacy/exports/" path, Fixture, NULL, liaison_test_print_station_set_up, func, \
              liaison_test_print_station_tear_down)
  ADD ("ledger-csv", test_ledger_csv);
  ADD ("ledger-xlsx", test_ledger_xlsx);
  ADD ("follow-up", test_follow_up);
  ADD ("print", test_print);
  ADD ("report-archive", test_report);
#undef ADD
  g_test_add_func ("/privacy/exports/every-path", test_every_path);

  return g_test_run ();
}
