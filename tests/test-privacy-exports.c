/* test-privacy-exports.c: every way a phone leaves the station, run as a
 * user runs it (the real `liaison` program on a real SQLite file) and
 * read back as a person would read it: the ledger as CSV (its bytes) and
 * as XLSX (openpyxl), the Follow-up lists as CSV and XLSX, the dashboard's
 * report, the duty archive and the points report, the registration form
 * and the ledger printed to PDF (pdftotext). Without --with-contacts no
 * full number is anywhere; with it, the visitor who agreed to be contacted
 * is in full and the one who did not stays masked; without --reason it is
 * refused and nothing is written. */
#define G_LOG_DOMAIN "test-privacy-exports"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

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

  return g_test_run ();
}
