/* test-quarter-close.c: closing a quarter in a real store
 * (app/store/liaison-store-quarter.h): who may close which quarter, the
 * frozen figures, a closed quarter refusing plain edits, additions and
 * deletions at the desk, a correction kept with its reason, who and when,
 * and the report showing it as a change from the frozen figures
 * (app/io/liaison-points-closed.c), in CSV, XLSX (read back with openpyxl)
 * and PDF (read back with pdftotext). */
#define G_LOG_DOMAIN "test-quarter-close"

#include "config.h"

#include <string.h>

#include "liaison-points-report.h"
#include "liaison-store-desk.h"
#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-store-quarter.h"
#include "liaison-store-sync.h"
#include "liaison-test-duty.h"
#include "liaison-test-pdf.h"
#include "liaison-test-util.h"

#define Q1 ((LiaisonQuarter) { 2025, 1 })

typedef struct {
  char         *dir;
  LiaisonStore *store;
  char         *zhang;  /* 张伟, 一组 */
  char         *li;     /* 李秀兰, 一组 */
  char         *research;
  char         *training;
} Fixture;

static LiaisonActivity *
make_activity (LiaisonActivityKind  kind,
               const char          *title,
               const char          *date,
               const char          *deputy)
{
  LiaisonActivity *activity = liaison_test_activity_new (kind, title, date);

  liaison_test_attend (activity, deputy, LIAISON_ATTENDANCE_ATTENDED);
  return activity;
}

static char *
save_new (LiaisonStore    *store,
          LiaisonActivity *activity)
{
  liaison_test_save_activity (store, activity);
  return g_strdup (activity->meta.uuid);
}

/* A headquarters desk, 陈静 at it. In 2025Q1:
 *   张伟: research 2025-02-10, attended     +3
 *   李秀兰: training 2025-03-05, attended    +1
 * Frozen: 张伟 3 (1 duty day), 李秀兰 1 (1 duty day). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaisonActivity) research = NULL;
  g_autoptr(LiaisonActivity) training = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = liaison_test_make_tmp_dir ("liaison-quarter-close-XXXXXX");
  {
    g_autofree char *path = g_build_filename (f->dir, "hq.db", NULL);

    f->store = liaison_test_open_store_with_station (path, "相山区东山街道代表联络站");
  }
  liaison_test_put_in_group (f->store, liaison_test_add_deputy (f->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY), "一组");
  liaison_test_put_in_group (f->store, liaison_test_add_deputy (f->store, "李秀兰", LIAISON_DEPUTY_LEVEL_CITY), "一组");
  f->zhang = liaison_test_deputy_uuid (f->store, "张伟");
  f->li = liaison_test_deputy_uuid (f->store, "李秀兰");
  liaison_test_enroll_as_hq (f->store);
  g_assert_true (liaison_store_set_desk_actor (f->store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);

  research = make_activity (LIAISON_ACTIVITY_RESEARCH, "城区内涝专题调研", "2025-02-10", f->zhang);
  training = make_activity (LIAISON_ACTIVITY_TRAINING, "履职学习培训", "2025-03-05", f->li);
  f->research = save_new (f->store, research);
  f->training = save_new (f->store, training);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&f->store, &f->dir);
  g_free (f->zhang);
  g_free (f->li);
  g_free (f->research);
  g_free (f->training);
}

static LiaisonQuarterClose *
close_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LiaisonQuarterClose *close = liaison_store_close_quarter (f->store, Q1, NULL, "2025-04-02", &error);

  g_assert_no_error (error);
  g_assert_nonnull (close);
  return close;
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(LiaisonQuarterClose) read = NULL;
  g_autoptr(GPtrArray) closes = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonSnapshotDeputy *zhang;

  /* Not over yet on its last day: refused, nothing written. */
  g_assert_null (liaison_store_close_quarter (f->store, Q1, NULL, "2025-03-31", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-03-31"));
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_count_rows (f->store, "quarter_closes"), ==, 0);
  g_assert_false (liaison_store_quarter_is_closed (f->store, Q1, &error));
  g_assert_no_error (error);

  close = close_ok (f);
  g_assert_cmpstr (close->closed_by, ==, "陈静");
  zhang = liaison_quarter_snapshot_find (close->snapshot, f->zhang);
  g_assert_cmpint (zhang->total, ==, 30);
  g_assert_cmpuint (zhang->duty_days, ==, 1);
  g_assert_cmpint (liaison_quarter_snapshot_find (close->snapshot, f->li)->total, ==, 10);
  /* One record a deputy, each waiting to be pushed. */
  g_assert_cmpint (liaison_test_query_int (f->store,
    "SELECT count(*) FROM quarter_closes WHERE quarter = '2025Q1' AND sync_state = 1"), ==, 2);
  g_assert_true (liaison_store_quarter_is_closed (f->store, Q1, &error));
  g_assert_no_error (error);

  /* Read back whole, from its two records. */
  read = liaison_store_get_quarter_close (f->store, Q1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->snapshot->deputies->len, ==, 2);
  g_assert_cmpint (liaison_quarter_snapshot_find (read->snapshot, f->zhang)->total, ==, 30);
  closes = liaison_store_list_quarter_closes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closes->len, ==, 1);

  /* Its report, nothing changed since: the tables of changes and of
   * corrections each say 无 rather than stand empty. */
  {
    g_autoptr(LiaisonPointsReport) report = liaison_points_report_build (f->store, Q1, NULL, &error);
    g_autofree char *csv = NULL;
    g_autofree char *pdf = g_build_filename (f->dir, "通报.pdf", NULL);
    g_autofree char *text = NULL;
    gsize length;

    g_assert_no_error (error);
    csv = liaison_points_report_to_csv (report, &length);
    g_assert_nonnull (strstr (csv, "\r\n姓名,变动,项目,日期,积分规则,关账时积分,现积分\r\n无,,,,,,\r\n"));
    g_assert_nonnull (strstr (csv, "\r\n更正的活动,日期,更正理由,更正人,更正时间\r\n无,,,,\r\n"));
    g_assert_true (liaison_points_report_write (report, pdf, LIAISON_POINTS_REPORT_PDF, &error));
    g_assert_no_error (error);
    text = liaison_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "姓名 变动 项目 日期 积分规则 关账时积分 现积分\n无\n"));
    g_assert_nonnull (strstr (text, "更正的活动 日期 更正理由 更正人 更正时间\n无\n"));
  }

  /* Closing twice is refused. */
  g_assert_null (liaison_store_close_quarter (f->store, Q1, NULL, "2025-04-02", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (liaison_test_count_rows (f->store, "quarter_closes"), ==, 2);

  /* A station desk closes nothing. */
  g_assert_true (liaison_store_set_setting (f->store, "sync_role", "station", &error));
  g_assert_null (liaison_store_close_quarter (f->store, (LiaisonQuarter) { 2024, 4 }, NULL, "2025-04-02", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_cmpint (liaison_test_count_rows (f->store, "quarter_closes"), ==, 2);
}

static void
assert_refused_as_closed (GError *error)
{
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* Names the quarter, in the desk's words (C here). */
  g_assert_nonnull (strstr (error->message, "2025"));
  g_assert_nonnull (strstr (error->message, "closed"));
}

static void
test_plain_changes_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LiaisonQuarterClose) close = close_ok (f);
  g_autoptr(LiaisonActivity) research = liaison_store_get_activity (f->store, f->research, NULL);
  g_autoptr(LiaisonActivity) added = make_activity (LIAISON_ACTIVITY_INSPECTION, "补录视察", "2025-03-20", f->li);
  g_autoptr(LiaisonActivity) later = make_activity (LIAISON_ACTIVITY_INSPECTION, "四月视察", "2025-04-08", f->li);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = liaison_test_database_checksum (liaison_store_get_path (f->store));

  /* A plain edit. */
  g_free (research->title);
  research->title = g_strdup ("改过的标题");
  g_assert_false (liaison_store_save_activity (f->store, research, &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);

  /* Moved out of the closed quarter: its old date is closed. */
  g_free (research->date);
  research->date = g_strdup ("2025-04-01");
  g_assert_false (liaison_store_save_activity (f->store, research, &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);

  /* A plain addition. */
  g_assert_false (liaison_store_save_activity (f->store, added, &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);

  /* A plain deletion, and one with a blank reason. */
  g_assert_false (liaison_store_delete_activity (f->store, f->training, &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);
  g_assert_false (liaison_store_correct_delete_activity (f->store, f->training, "  ", &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);

  /* Nothing changed. */
  {
    g_autofree char *after = liaison_test_database_checksum (liaison_store_get_path (f->store));

    g_assert_cmpstr (after, ==, before);
  }

  /* The next quarter is open. */
  g_free (save_new (f->store, later));
}

static void
test_correction_shows_as_change (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(LiaisonQuarterClose) close = close_ok (f);
  g_autoptr(LiaisonActivity) research = liaison_store_get_activity (f->store, f->research, NULL);
  g_autoptr(LiaisonActivity) again = NULL;
  g_autoptr(LiaisonActivity) loaded = NULL;
  g_autoptr(LiaisonPointsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const LiaisonPointsReportRow *zhang_row = NULL;
  const LiaisonSnapshotChange *change;
  gsize length;

  /* A correction: 张伟 was on leave, not at the research (+3 → 0). */
  ((LiaisonAttendee *) g_ptr_array_index (research->attendees, 0))->attendance = LIAISON_ATTENDANCE_LEAVE;
  research->correction_reason = g_strdup ("签到表核对：张伟当日请假");
  g_assert_true (liaison_store_save_activity (f->store, research, &error));
  g_assert_no_error (error);

  /* Kept with its reason, who (the desk) and when. */
  loaded = liaison_store_get_activity (f->store, f->research, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->correction_reason, ==, "签到表核对：张伟当日请假");
  g_assert_cmpstr (loaded->corrected_by, ==, "陈静");
  g_assert_nonnull (loaded->corrected_at);
  g_assert_cmpstr (loaded->corrected_at, >=, close->closed_at);
  g_assert_cmpint (loaded->meta.version, ==, 2);

  /* Saved again with the same reason: that reason spoke for the last
   * change, not this one. */
  again = liaison_store_get_activity (f->store, f->research, NULL);
  g_free (again->note);
  again->note = g_strdup ("又改了");
  g_assert_false (liaison_store_save_activity (f->store, again, &error));
  assert_refused_as_closed (error);
  g_clear_error (&error);

  /* A deletion as a correction: 李秀兰's training (+1 → gone). */
  g_assert_true (liaison_store_correct_delete_activity (f->store, f->training, "重复录入", &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_test_query_int (f->store,
    "SELECT count(*) FROM activities WHERE deleted = 1 AND correction_reason = '重复录入'"
    " AND corrected_by = '陈静' AND corrected_at <> '' AND sync_state = 1"), ==, 1);

  /* The report: frozen against live, the changed lines, the corrections. */
  report = liaison_points_report_build (f->store, Q1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report->closed);
  for (guint r = 0; r < ((LiaisonPointsReportGroup *) g_ptr_array_index (report->groups, 0))->rows->len; r++)
    {
      const LiaisonPointsReportRow *row = g_ptr_array_index (((LiaisonPointsReportGroup *) g_ptr_array_index (report->groups, 0))->rows, r);

      if (g_str_equal (row->deputy->deputy_uuid, f->zhang))
        zhang_row = row;
    }
  g_assert_nonnull (zhang_row);
  g_assert_cmpint (zhang_row->deputy->total, ==, 0);
  g_assert_cmpint (zhang_row->change->frozen_total, ==, 30);
  g_assert_cmpint (zhang_row->change->live_total, ==, 0);
  g_assert_cmpuint (zhang_row->change->changes->len, ==, 2); /* research +3 removed; not scored 0 added */
  change = g_ptr_array_index (zhang_row->change->changes, 0);
  g_assert_cmpint (change->change, ==, LIAISON_SNAPSHOT_CHANGE_REMOVED);
  g_assert_cmpstr (change->frozen->source_uuid, ==, f->research);
  g_assert_cmpuint (report->closed->corrections->len, ==, 2);

  csv = liaison_points_report_to_csv (report, &length);
  g_test_message ("%s", csv);
  /* 张伟: frozen 3, now 0, −3; 李秀兰: 1, 0, −1. */
  g_assert_nonnull (strstr (csv, "\r\n一组,张伟,3,0,-3,1,0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n一组,李秀兰,1,0,-1,1,0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n张伟,删除,城区内涝专题调研,2025-02-10,参加调研,3,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n张伟,新增,城区内涝专题调研,2025-02-10,不计分,,0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n李秀兰,删除,履职学习培训,2025-03-05,参加履职学习培训,1,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n城区内涝专题调研,2025-02-10,签到表核对：张伟当日请假,陈静,"));
  g_assert_nonnull (strstr (csv, "\r\n履职学习培训（已删除）,2025-03-05,重复录入,陈静,"));
  g_assert_nonnull (strstr (csv, "关账"));

  /* The workbook holds the same section, read back with openpyxl: the
   * points and days numbers, the dates dates ({"date": …}), the words text. */
  {
    static const char reader[] =
      "import datetime, json, sys, openpyxl\n"
      "sheet = openpyxl.load_workbook(sys.argv[1]).active\n"
      "def cell(c):\n"
      "    if isinstance(c, datetime.datetime):\n"
      "        return {'date': c.strftime('%Y-%m-%d')} if c.time() == datetime.time() else {'time': c.strftime('%Y-%m-%d %H:%M')}\n"
      "    return c\n"
      "for row in sheet.iter_rows(values_only=True):\n"
      "    print(json.dumps([cell(c) for c in row if c is not None], ensure_ascii=False))\n";
    g_autofree char *path = g_build_filename (f->dir, "通报.xlsx", NULL);
    g_autofree char *corrected_at = NULL;
    const char *argv[] = { "/usr/bin/python3", "-c", reader, path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *correction = NULL;
    int wait_status = 0;

    g_assert_true (liaison_points_report_write (report, path, LIAISON_POINTS_REPORT_XLSX, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &wait_status, &error));
    g_assert_no_error (error);
    g_test_message ("openpyxl: %s%s", out, err);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_nonnull (strstr (out, "\n[\"代表小组\", \"姓名\", \"关账积分\", \"现积分\", \"变化\", \"关账履职天数\", \"现履职天数\"]\n"));
    g_assert_nonnull (strstr (out, "\n[\"一组\", \"张伟\", 3, 0, -3, 1, 0]\n"));
    g_assert_nonnull (strstr (out, "\n[\"一组\", \"李秀兰\", 1, 0, -1, 1, 0]\n"));
    g_assert_nonnull (strstr (out, "\n[\"张伟\", \"删除\", \"城区内涝专题调研\", {\"date\": \"2025-02-10\"}, \"参加调研\", 3]\n"));
    g_assert_nonnull (strstr (out, "\n[\"张伟\", \"新增\", \"城区内涝专题调研\", {\"date\": \"2025-02-10\"}, \"不计分\", 0]\n"));
    /* The correction's time, as the desk reads it, to the minute. */
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (loaded->corrected_at, NULL);
      g_autoptr(GDateTime) local = g_date_time_to_local (at);

      corrected_at = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
    correction = g_strdup_printf ("\n[\"城区内涝专题调研\", {\"date\": \"2025-02-10\"}, \"签到表核对：张伟当日请假\", "
                                  "\"陈静\", {\"time\": \"%s\"}]\n", corrected_at);
    g_assert_nonnull (strstr (out, correction));
  }

  /* The PDF holds it too, as pdftotext reads it, after the groups. */
  {
    g_autofree char *path = g_build_filename (f->dir, "通报.pdf", NULL);
    g_autofree char *text = NULL;
    const char *lines[] = {
      "代表小组 姓名 关账积分 现积分 变化 关账履职天数 现履职天数",
      "一组 张伟 3 0 -3 1 0",
      "一组 李秀兰 1 0 -1 1 0",
      "张伟 删除 城区内涝专题调研 2025-02-10 参加调研 3",
      "张伟 新增 城区内涝专题调研 2025-02-10 不计分 0",
      "李秀兰 删除 履职学习培训 2025-03-05 参加履职学习培训 1",
    };

    g_assert_true (liaison_points_report_write (report, path, LIAISON_POINTS_REPORT_PDF, &error));
    g_assert_no_error (error);
    text = liaison_test_pdf_text (path);
    g_test_message ("pdftotext:\n%s", text);
    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      if (!liaison_test_has_line (text, lines[i]))
        g_error ("the PDF has no line “%s”", lines[i]);
    g_assert_nonnull (strstr (text, "关账（陈静）"));
    g_assert_nonnull (strstr (text, "签到表核对：张伟当日请假"));
    g_assert_nonnull (strstr (text, "重复录入"));
    g_assert_true (strstr (text, "小组平均") < strstr (text, "关账积分"));
  }
}

/* An open quarter's report has no closed section. */
static void
test_open_report (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LiaisonPointsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length;

  report = liaison_points_report_build (f->store, Q1, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (report->closed);
  csv = liaison_points_report_to_csv (report, &length);
  g_assert_null (strstr (csv, "关账"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/quarter-close/close", Fixture, NULL, fixture_set_up, test_close, fixture_tear_down);
  g_test_add ("/quarter-close/plain-changes-refused", Fixture, NULL, fixture_set_up, test_plain_changes_refused,
              fixture_tear_down);
  g_test_add ("/quarter-close/correction-shows-as-change", Fixture, NULL, fixture_set_up,
              test_correction_shows_as_change, fixture_tear_down);
  g_test_add ("/quarter-close/open-report", Fixture, NULL, fixture_set_up, test_open_report, fixture_tear_down);
  return g_test_run ();
}
