/* test-archive.c: `liaison archive`, the duty archive (履职档案) as an A4
 * PDF, run as the real program on real SQLite files (the hand-made store
 * of liaison-test-points-store.h, and a demo city), read back with pdftotext
 * (poppler-utils): the deputy's name, the section headings in English and
 * in Chinese, and the figures the core computes for the same record
 * (LiaisonDutyRecord, built here from the same file). A deputy with no
 * activity gets a valid archive too; bad input writes nothing. */
#define G_LOG_DOMAIN "test-archive"

#include "config.h"

#include <string.h>

#include "liaison-duty-record.h"
#include "liaison-test-cli.h"
#include "liaison-test-points-store.h"
#include "liaison-test-pdf.h"
#include "liaison-test-util.h"

typedef LiaisonTestPointsFixture Fixture;

static void
assert_line (const char *text,
             const char *line)
{
  if (!liaison_test_has_line (text, line))
    g_error ("the archive has no line “%s”; pdftotext read:\n%s", line, text);
}

/* The record the core builds from @database, as the archive should show it. */
static LiaisonDutyRecord *
core_record (const char *database,
             const char *deputy,
             const char *from,
             const char *to)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = liaison_duty_record_find_deputy (store, deputy, &error);
  LiaisonDutyRecord *record;

  g_assert_no_error (error);
  record = liaison_duty_record_build (store, uuid, from, to, &error);
  g_assert_no_error (error);
  return record;
}

/* What the core says, as the archive's summary and quarter table write
 * it (in English: liaison_test_run_liaison runs the C locale). */
static void
assert_core_figures (const char              *text,
                     const LiaisonDutyRecord *record)
{
  g_autofree char *points = liaison_points_format (record->points->total);
  g_autofree char *points_line = g_strdup_printf ("Points %s", points);
  g_autofree char *days_line = g_strdup_printf ("Duty days %u", record->duty_days);
  g_autofree char *hosted_line = g_strdup_printf ("Receptions hosted %u", record->receptions_hosted);
  g_autofree char *take_ups_line = g_strdup_printf ("Suggestions taken up %u", record->take_ups->len);
  g_autofree char *total_line = g_strdup_printf ("Total %s %u", points, record->duty_days);
  g_autofree char *name_line = g_strdup_printf ("Name %s", record->deputy->name);
  LiaisonQuarter quarter = record->score->first;

  assert_line (text, name_line);
  assert_line (text, points_line);
  assert_line (text, days_line);
  assert_line (text, hosted_line);
  assert_line (text, take_ups_line);
  assert_line (text, total_line);
  for (guint q = 0; q < record->score->n_quarters; q++, quarter = liaison_quarter_next (quarter))
    {
      g_autofree char *label = liaison_quarter_label (quarter);
      g_autofree char *quarter_points = liaison_points_format (record->points->quarter_totals[q]);
      g_autofree char *row = g_strdup_printf ("%s %s %u %s", label, quarter_points,
                                              record->points->quarter_duty_days[q],
                                              record->score->rules[q]->effective_from);

      assert_line (text, row);
    }
}

/* 张伟's 2025 (liaison-test-points-store.h): 9 points in Q1, the theme activity's
 * 2 in Q2: 11, on 4 duty days (01-10, 02-20, 03-05, 04-01). Every line of
 * points is in the archive with its date, item, rule and points. */
static void
test_hand_made (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "张伟.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonDutyRecord) record = core_record (fixture->database, "张伟", "2025-01-01", "2025-12-31");
  g_autofree char *text = NULL;
  g_autofree char *points = liaison_points_format (record->points->total);

  g_assert_cmpstr (points, ==, "11");
  g_assert_cmpuint (record->duty_days, ==, 4);

  liaison_test_run_liaison (&result, "archive", "--database", fixture->database, "--deputy", "张伟",
                            "--year", "2025", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Wrote the duty archive of 张伟 (2025-01-01 to 2025-12-31)"));
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);

  assert_line (text, "Duty Archive of 张伟");
  assert_line (text, "Period 2025-01-01 – 2025-12-31");
  assert_line (text, "Deputy group 城区小组");
  assert_line (text, "Ranking in the deputy group 1 of 3");
  assert_line (text, "Summary");
  assert_line (text, "Points per Quarter");
  assert_line (text, "Points, Item by Item");
  assert_line (text, "Suggestions Taken Up");
  assert_line (text, "Motions and Suggestions Filed");
  assert_line (text, "Activities");
  assert_line (text, "Planned Duty Days Not Done");
  assert_core_figures (text, record);
  for (guint i = 0; i < record->points->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (record->points->lines, i);
      g_autofree char *line_points = liaison_points_format_signed (line->points);
      g_autofree char *row = g_strdup_printf ("%s %s %s %s", line->item->date, line->item->title,
                                              liaison_points_rule_label (line->rule), line_points);

      assert_line (text, row);
    }
  /* The session, the research and the theme activity, each attended. */
  assert_line (text, "2025-02-20 Research 城市更新专题调研 Attended");
  g_assert_nonnull (strstr (text, "never synced"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
}

/* Under zh_CN the archive is Chinese: its headings and its summary. */
static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "archive.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autofree char *text = NULL;
  const char *lines[] = {
    "张伟 履职档案", "姓名 张伟", "代表小组 城区小组", "履职概况", "积分 11", "履职天数 4",
    "季度积分", "履职活动分类及出勤", "积分明细", "领办的群众意见建议", "提出的议案和建议",
    "参加的履职活动", "已排班未履职的日期",
  };

  liaison_test_run_liaison_in (&result, "zh_CN", "archive", "--database", fixture->database,
                               "--deputy", "张伟", "--year", "2025", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_line (text, lines[i]);
  g_assert_nonnull (strstr (text, "第 1 页，共 "));
}

/* 赵磊 did nothing in 2025: a valid archive all the same, every list
 * saying so. */
static void
test_no_activity (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "赵磊.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonDutyRecord) record = core_record (fixture->database, "赵磊", "2025-01-01", "2025-12-31");
  g_autofree char *text = NULL;

  liaison_test_run_liaison (&result, "archive", "--database", fixture->database, "--deputy", "赵磊",
                            "--from", "2025-01-01", "--to", "2025-12-31", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  assert_line (text, "Points 0");
  assert_line (text, "Duty days 0");
  assert_core_figures (text, record);
  g_assert_nonnull (strstr (text, "None in this period."));
}

/* A busy deputy of a demo city, this year (the default period): the
 * archive's figures are the core's, take-ups and filings included. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "demo.db", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "demo.pdf", NULL);
  g_auto(LiaisonTestCliResult) result = { 0, };
  g_autoptr(LiaisonDutyRecord) record = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  g_autofree char *to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
  g_autofree char *busiest = NULL;
  g_autofree char *text = NULL;
  guint most = 0;

  liaison_test_run_liaison (&result, "demo", "--database", database, "--receptions", "400", NULL);
  g_assert_cmpint (result.status, ==, 0);
  {
    g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
    g_autoptr(GPtrArray) deputies = liaison_store_list_deputies (store, NULL, NULL);

    /* The deputy with the most lines this year, by UUID (names may repeat). */
    for (guint i = 0; i < deputies->len; i++)
      {
        LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);
        g_autoptr(LiaisonDutyRecord) one = liaison_duty_record_build (store, deputy->meta.uuid, from, to, NULL);

        if (one != NULL && one->points->lines->len > most)
          {
            most = one->points->lines->len;
            g_free (busiest);
            busiest = g_strdup (deputy->meta.uuid);
          }
      }
  }
  g_assert_nonnull (busiest);
  record = core_record (database, busiest, from, to);
  g_test_message ("%s: %u lines, %u take-ups, %u filings, %u activities", record->deputy->name, most,
                  record->take_ups->len, record->filings->len, record->activities->len);

  liaison_test_run_liaison (&result, "archive", "--database", database, "--deputy", busiest, path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  text = liaison_test_pdf_text (path);
  assert_core_figures (text, record);
  for (guint i = 0; i < record->take_ups->len; i++)
    {
      const LiaisonDutyRecordTakeUp *take_up = g_ptr_array_index (record->take_ups, i);

      g_assert_nonnull (strstr (text, take_up->taken_up_on));
    }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "档案.pdf", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "档案.txt", NULL);
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "没有这个文件夹", "档案.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(LiaisonTestCliResult) result = { 0, };
  const char *db = fixture->database;

  /* A second 李秀兰 makes the name ambiguous. */
  {
    g_autoptr(LiaisonStore) store = liaison_test_open_store (db);

    liaison_test_add_deputy (store, "李秀兰", LIAISON_DEPUTY_LEVEL_PROVINCIAL);
  }
  before = liaison_test_list_dir (fixture->dir);

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "没有这个人", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "没有这个人"));

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "李秀兰", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "李秀兰"));

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟", "--year", "20x5", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "“20x5” is not a year; write it as 2025.\n");

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟",
                            "--from", "2025-02-30", "--to", "2025-03-31", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "“2025-02-30” is not a date; write it as 2024-03-05.\n");

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟",
                            "--from", "2025-06-30", "--to", "2025-01-01", path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "The first day, 2025-06-30, is after the last day, 2025-01-01: nothing was written.\n");

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟", "--year", "2025",
                            "--from", "2025-01-01", "--to", "2025-03-31", path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "Give either --year or --from and --to, not both."));

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟", "--from", "2025-01-01", path, NULL);
  g_assert_cmpint (result.status, ==, 2);

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟", txt, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "“档案.txt” is not a .pdf file: name the archive FILE.pdf.\n");

  liaison_test_run_liaison (&result, "archive", "--database", db, path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--deputy"));

  liaison_test_run_liaison (&result, "archive", "--database", db, "--deputy", "张伟", missing_dir, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "Could not write “"));

  after = liaison_test_list_dir (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/archive/hand-made", Fixture, NULL, liaison_test_points_fixture_set_up, test_hand_made, liaison_test_points_fixture_tear_down);
  g_test_add ("/archive/chinese", Fixture, NULL, liaison_test_points_fixture_set_up, test_chinese, liaison_test_points_fixture_tear_down);
  g_test_add ("/archive/no-activity", Fixture, NULL, liaison_test_points_fixture_set_up, test_no_activity, liaison_test_points_fixture_tear_down);
  g_test_add ("/archive/demo", Fixture, NULL, liaison_test_points_fixture_set_up, test_demo, liaison_test_points_fixture_tear_down);
  g_test_add ("/archive/bad-input", Fixture, NULL, liaison_test_points_fixture_set_up, test_bad_input, liaison_test_points_fixture_tear_down);
  return g_test_run ();
}
