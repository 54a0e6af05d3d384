/* test-print.c: what is printed, written as PDF by `liaison print` (the
 * real program, on a real SQLite file) and read back with pdftotext
 * (poppler-utils): a reception's registration form (接待登记表) holds its
 * text in Chinese; printed with full contacts (--with-contacts --reason),
 * the visitor who agreed to be contacted with their full phone, the one who did not masked (138****5678) and their number nowhere;
 * the blank form has the form's headings and no one's data; a period's
 * ledger across pages repeats its header row on each page, phones masked
 * by the same rule. Bad input writes nothing. */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-print-form.h"
#include "liaison-test-cli.h"
#include "liaison-test-pdf.h"
#include "liaison-test-print.h"
#include "liaison-test-util.h"

#define STATION       LIAISON_TEST_PRINT_STATION
#define SUMMARY       LIAISON_TEST_PRINT_SUMMARY
#define HANDLING      LIAISON_TEST_PRINT_HANDLING
#define SUGGESTION    LIAISON_TEST_PRINT_SUGGESTION
#define CONSENTED     LIAISON_TEST_PRINT_CONSENTED
#define UNCONSENTED   LIAISON_TEST_PRINT_UNCONSENTED
#define MASKED        LIAISON_TEST_PRINT_MASKED
#define LEDGER_HEADER LIAISON_TEST_PRINT_LEDGER_HEADER

typedef LiaisonTestPrintStation Fixture;

static void
assert_line (const char *text,
             const char *line)
{
  if (!liaison_test_has_line (text, line))
    g_error ("the PDF has no line “%s”; pdftotext read:\n%s", line, text);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("the PDF has no “%s”; pdftotext read:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("the PDF has “%s”, which it must not; pdftotext read:\n%s", part, text);
}

/* The form of the reception, in zh_CN: its station, when, who, what and
 * how, the visitors' phones by their consent, the signature lines. */
static void
test_form (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "接待登记表.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;

  liaison_test_run_liaison_in (&result, "zh_CN", "print", "form", "--database", fixture->database,
                               "--reception", fixture->uuid, "--with-contacts", "--reason", "回访群众", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (liaison_test_pdf_n_pages (path), ==, 1);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);

  assert_line (text, STATION);
  assert_line (text, "接待登记表");
  assert_line (text, "接待日期 2025-03-05 接待时间 09:30");
  assert_line (text, "接待方式 来访 类别 城乡建设");
  assert_line (text, "接待代表 张伟、李娜");
  assert_line (text, "序号 姓名 联系电话 所在社区 人数 同意联系");
  assert_line (text, "1 王秀兰 " CONSENTED " 幸福里社区 1 是");
  assert_line (text, "2 陈建国 " MASKED " 幸福里社区 1 否");
  assert_line (text, "反映内容 " SUMMARY);
  assert_has (text, "意见建议 1. " SUGGESTION "（城乡建设）");
  assert_has (text, "建议街道协调专项资金");
  assert_line (text, "当场办结 否");
  assert_line (text, "办理情况 " HANDLING);
  assert_line (text, "接待代表签字 登记人 日期");
  assert_has (text, "第 1 页，共 1 页");
  /* The visitor who did not agree to be contacted: nowhere in full. */
  assert_lacks (text, UNCONSENTED);
}

/* The blank form: the same headings and lines, nobody's data. */
static void
test_blank (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "blank.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;

  liaison_test_run_liaison_in (&result, "zh_CN", "print", "blank", "--database", fixture->database, path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (liaison_test_pdf_n_pages (path), ==, 1);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);

  assert_line (text, STATION);
  assert_line (text, "接待登记表");
  assert_line (text, "接待日期 接待时间");
  assert_line (text, "接待方式 类别");
  assert_line (text, "接待代表");
  assert_line (text, "来访群众");
  assert_line (text, "序号 姓名 联系电话 所在社区 人数 同意联系");
  assert_line (text, "反映问题及办理情况");
  assert_line (text, "反映内容");
  assert_line (text, "意见建议");
  /* pdftotext reads no space after a box. */
  assert_line (text, "当场办结 □是 □否");
  assert_line (text, "办理情况");
  assert_line (text, "接待代表签字 登记人 日期");
  assert_lacks (text, "2025-03-05");
  assert_lacks (text, "王秀兰");
  assert_lacks (text, SUMMARY);
}

/* A period's ledger over several pages: each page begins with the header
 * row; the reception's visitors as the form prints them. */
static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "ledger.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;
  guint n_pages;

  {
    g_autoptr(LiaisonStore) store = liaison_test_open_store (fixture->database);

    liaison_test_add_receptions (store, 60, "第");
  }
  liaison_test_run_liaison_in (&result, "zh_CN", "print", "ledger", "--database", fixture->database,
                               "--from", "2024-01-01", "--to", "2025-12-31", "--with-contacts", "--reason", "回访群众",
                               path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "61"));
  n_pages = liaison_test_pdf_n_pages (path);
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = liaison_test_pdf_page_text (path, page);
      g_autofree char *label = g_strdup_printf ("第 %u 页，共 %u 页", page, n_pages);

      assert_line (page_text, LEDGER_HEADER);
      assert_has (page_text, label);
    }

  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  assert_line (text, "接待台账");
  assert_line (text, "2024-01-01 至 2025-12-31，共 61 条接待记录");
  assert_has (text, "第 0：小区路灯不亮");
  assert_has (text, "第 59：小区路灯不亮");
  /* The two visitors' cells wrap in their narrow columns. */
  assert_has (text, "2025-03-05 张伟、李娜 王秀兰、 " CONSENTED " 2 幸福里社区");
  assert_has (text, "陈建国");
  /* Masked, wherever the wrapped cells beside it put it on its line. */
  assert_has (text, MASKED);
  assert_lacks (text, UNCONSENTED);
}

/* Draws @pdf page by page, as a print operation draws it, on paper of
 * @width by @height points, into @path. */
static void
draw_pages (LiaisonPdf *pdf,
            const char *path,
            double      width,
            double      height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 0; page < liaison_pdf_count_pages (pdf); page++)
    {
      liaison_pdf_draw_page (pdf, cr, page, width, height);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The form and a ledger of several pages drawn page by page (as a print
 * operation draws them, here on Letter paper: scaled to fit) and written
 * whole say the same, page by page: one drawing. */
static void
test_draw_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (fixture->database);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPdf) form = liaison_print_form_for_uuid (store, fixture->uuid, NULL, &error);
  g_autoptr(LiaisonPdf) ledger = NULL;
  LiaisonPdf *pdfs[2];

  g_assert_no_error (error);
  liaison_test_add_receptions (store, 60, "第");
  ledger = liaison_ledger_print_new (store, "2024-01-01", "2025-12-31", NULL, NULL, &error);
  g_assert_no_error (error);
  pdfs[0] = form;
  pdfs[1] = ledger;

  for (guint i = 0; i < G_N_ELEMENTS (pdfs); i++)
    {
      g_autofree char *whole = g_strdup_printf ("%s/whole-%u.pdf", fixture->dir, i);
      g_autofree char *paged = g_strdup_printf ("%s/paged-%u.pdf", fixture->dir, i);
      guint n_pages;

      g_assert_true (liaison_print_write_pdf (pdfs[i], whole, &error));
      g_assert_no_error (error);
      draw_pages (pdfs[i], paged, 612, 792);
      n_pages = liaison_test_pdf_n_pages (whole);
      g_assert_cmpuint (liaison_test_pdf_n_pages (paged), ==, n_pages);
      g_assert_cmpuint (n_pages, ==, i == 0 ? 1 : liaison_pdf_count_pages (ledger));
      for (guint page = 1; page <= n_pages; page++)
        {
          g_autofree char *whole_text = liaison_test_pdf_page_text (whole, page);
          g_autofree char *paged_text = liaison_test_pdf_page_text (paged, page);

          g_assert_cmpstr (paged_text, ==, whole_text);
          assert_lacks (paged_text, UNCONSENTED);
        }
    }
  g_assert_cmpuint (liaison_pdf_count_pages (ledger), >=, 2);
}

/* What cannot be printed is said, and nothing is written. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "form.txt", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };

  liaison_test_run_liaison (&result, "print", "form", "--database", fixture->database,
                            "--reception", "00000000-0000-4000-8000-000000000000", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "There is no reception 00000000-0000-4000-8000-000000000000"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  liaison_test_run_liaison (&result, "print", "form", "--database", fixture->database,
                            "--reception", fixture->uuid, text_path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is not a .pdf file"));
  g_assert_false (g_file_test (text_path, G_FILE_TEST_EXISTS));

  liaison_test_run_liaison (&result, "print", "ledger", "--database", fixture->database,
                            "--from", "2025-03-31", "--to", "2025-01-01", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is after the last day"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  liaison_test_run_liaison (&result, "print", "ledger", "--database", fixture->database, path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  liaison_test_run_liaison (&result, "print", "poster", "--database", fixture->database, path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  liaison_test_run_liaison (&result, "print", "form", "--database", fixture->database, path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* The PDFs' Chinese legible in the log, under a UTF-8 locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/print/" path, Fixture, NULL, liaison_test_print_station_set_up, func, \
              liaison_test_print_station_tear_down)
  ADD ("form", test_form);
  ADD ("blank", test_blank);
  ADD ("ledger", test_ledger);
  ADD ("draw-page", test_draw_page);
  ADD ("bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
