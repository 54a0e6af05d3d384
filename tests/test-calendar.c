/* test-calendar.c: working days across weekends, holidays and make-up
 * workdays, due dates, month-end clamping and deadlines at the boundary. */
#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include <string.h>

#include "liaison-calendar.h"
#include "liaison-locale.h"
#include "liaison-loop.h"
#include "liaison-test-util.h"

static void
assert_iso (const GDate *date,
            const char  *expected)
{
  g_autofree char *iso = liaison_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_add (const LiaisonCalendar *cal,
            const char            *from,
            guint                  n,
            const char            *expected)
{
  GDate date;

  g_assert_true (liaison_date_parse_iso (from, &date));
  liaison_calendar_add_working_days (cal, &date, n);
  g_test_message ("%s + %u working days", from, n);
  assert_iso (&date, expected);
}

static void
test_parse_2025 (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  g_autoptr(LiaisonCalendar) again = NULL;
  g_autoptr(LiaisonCalendar) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  GDate d;

  /* 1 + 8 + 3 + 5 + 3 + 8 holidays; 2 + 1 + 2 make-up workdays. */
  g_assert_cmpuint (cal->holidays->len, ==, 28);
  g_assert_cmpuint (cal->workdays->len, ==, 5);
  for (guint i = 1; i < cal->holidays->len; i++)
    g_assert_cmpint (g_date_compare (&g_array_index (cal->holidays, GDate, i - 1),
                                     &g_array_index (cal->holidays, GDate, i)), <, 0);

  text = liaison_calendar_to_text (cal);
  /* Names are kept: what headquarters typed comes back. */
  g_assert_true (g_str_has_prefix (text, "2025-01-01,holiday,New Year's Day\n2025-01-26,workday\n"
                                         "2025-01-28,holiday,Spring Festival\n2025-01-29,holiday\n"));
  again = liaison_calendar_parse (text, NULL);
  g_assert_nonnull (again);
  text_again = liaison_calendar_to_text (again);
  g_assert_cmpstr (text, ==, text_again);

  copy = liaison_calendar_copy (cal);
  g_assert_cmpuint (copy->holidays->len, ==, 28);
  g_clear_pointer (&text_again, g_free);
  text_again = liaison_calendar_to_text (copy);
  g_assert_cmpstr (text, ==, text_again);

  /* Adding a day that is already there changes nothing. */
  d = liaison_test_date (2025, 10, 1);
  g_assert_true (liaison_calendar_add_day (cal, &d, LIAISON_DAY_KIND_HOLIDAY, NULL));
  g_assert_cmpuint (cal->holidays->len, ==, 28);
}

static void
test_is_working_day (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  static const struct { int m, d; gboolean weekends_only, with_2025; } days[] = {
    { 9, 26, TRUE, TRUE },    /* Friday */
    { 9, 27, FALSE, FALSE },  /* Saturday */
    { 9, 28, FALSE, TRUE },   /* Sunday, make-up workday */
    { 9, 30, TRUE, TRUE },
    { 10, 1, TRUE, FALSE },   /* Wednesday, National Day */
    { 10, 4, FALSE, FALSE },  /* Saturday inside the holiday */
    { 10, 8, TRUE, FALSE },
    { 10, 9, TRUE, TRUE },
    { 10, 11, FALSE, TRUE },  /* Saturday, make-up workday */
    { 10, 12, FALSE, FALSE }, /* Sunday */
    { 10, 13, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate d = liaison_test_date (2025, days[i].m, days[i].d);

      g_test_message ("2025-%02d-%02d", days[i].m, days[i].d);
      g_assert_cmpint (liaison_calendar_is_working_day (NULL, &d), ==, days[i].weekends_only);
      g_assert_cmpint (liaison_calendar_is_working_day (cal, &d), ==, days[i].with_2025);
    }
}

static void
test_weekends (void)
{
  g_autoptr(LiaisonCalendar) empty = liaison_calendar_new ();

  /* The referral day never counts, even when it is a working day. */
  assert_add (empty, "2025-09-05", 0, "2025-09-05");  /* Friday */
  assert_add (empty, "2025-09-05", 1, "2025-09-08");  /* -> Monday */
  assert_add (empty, "2025-09-05", 5, "2025-09-12");
  assert_add (empty, "2025-09-06", 1, "2025-09-08");  /* Saturday -> Monday */
  assert_add (empty, "2025-09-07", 5, "2025-09-12");  /* Sunday -> Friday */
  assert_add (empty, "2025-09-08", 4, "2025-09-12");  /* Monday -> Friday */
  assert_add (empty, "2025-09-08", 5, "2025-09-15");
  /* 15 working days from Friday 09-26 with weekends only:
   * 09-29..10-03 (5), 10-06..10-10 (10), 10-13..10-17 (15). */
  assert_add (NULL, "2025-09-26", 15, "2025-10-17");
}

static void
test_national_day (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  GDate from = liaison_test_date (2025, 9, 26), to;
  LiaisonTimeLimit limit = liaison_loop_kind_default_limit (LIAISON_LOOP_KIND_PUBLIC_OPINION);

  assert_add (cal, "2025-09-26", 1, "2025-09-28");  /* Sunday 09-28 is worked */
  assert_add (cal, "2025-09-26", 2, "2025-09-29");
  assert_add (cal, "2025-09-30", 1, "2025-10-09");  /* over 10-01..10-08 */
  assert_add (cal, "2025-09-30", 3, "2025-10-11");  /* 10-09, 10-10, Saturday 10-11 */
  assert_add (cal, "2025-09-30", 4, "2025-10-13");  /* Sunday 10-12 is off */
  assert_add (cal, "2025-10-01", 1, "2025-10-09");  /* referred on a holiday */
  /* 15 working days from Friday 09-26: 09-28 (1), 09-29 (2), 09-30 (3),
   * 10-09 (4), 10-10 (5), 10-11 (6), 10-13..10-17 (7-11), 10-20..10-23 (12-15). */
  assert_add (cal, "2025-09-26", 15, "2025-10-23");

  g_assert_cmpuint (limit.working_days, ==, 15);
  liaison_calendar_due_date (cal, &from, &limit, &to);
  assert_iso (&to, "2025-10-23");

  g_assert_cmpuint (liaison_calendar_working_days_between (cal, &from, &to), ==, 15);
  g_assert_cmpuint (liaison_calendar_working_days_between (cal, &to, &from), ==, 0);
  g_assert_cmpuint (liaison_calendar_working_days_between (cal, &from, &from), ==, 0);
  from = liaison_test_date (2025, 9, 30);
  to = liaison_test_date (2025, 10, 8);
  g_assert_cmpuint (liaison_calendar_working_days_between (cal, &from, &to), ==, 0);
  to = liaison_test_date (2025, 10, 12);
  g_assert_cmpuint (liaison_calendar_working_days_between (cal, &from, &to), ==, 3);
}

static void
test_spring_festival (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();

  assert_add (cal, "2025-01-24", 1, "2025-01-26");  /* Sunday make-up workday */
  assert_add (cal, "2025-01-24", 2, "2025-01-27");
  assert_add (cal, "2025-01-24", 3, "2025-02-05");  /* over 01-28..02-04 */
  assert_add (cal, "2025-02-05", 3, "2025-02-08");  /* 02-06, 02-07, Saturday 02-08 */
  assert_add (cal, "2025-04-25", 1, "2025-04-27");  /* Labour Day's make-up Sunday */
  assert_add (cal, "2025-04-30", 1, "2025-05-06");
  assert_add (cal, "2025-05-30", 1, "2025-06-03");  /* Dragon Boat, 05-31..06-02 */
}

/* add_working_days and working_days_between agree, across the whole year. */
static void
test_add_between_agree (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  GDate from = liaison_test_date (2025, 1, 1);

  for (guint i = 0; i < 365; i += 3)
    {
      for (guint n = 0; n <= 25; n++)
        {
          GDate due = from;

          liaison_calendar_add_working_days (cal, &due, n);
          g_assert_cmpuint (liaison_calendar_working_days_between (cal, &from, &due), ==, n);
          if (n > 0)
            g_assert_true (liaison_calendar_is_working_day (cal, &due));
        }
      g_date_add_days (&from, 3);
    }
}

static void
test_months (void)
{
  static const struct { const char *from, *due; } cases[] = {
    { "2025-01-15", "2025-04-15" },
    { "2025-11-30", "2026-02-28" },  /* clamped to February's end */
    { "2025-08-31", "2025-11-30" },
    { "2023-11-30", "2024-02-29" },  /* leap year */
    { "2025-12-31", "2026-03-31" },
    { "2025-10-01", "2026-01-01" },  /* a holiday due date stands: months are calendar time */
  };
  LiaisonTimeLimit limit = liaison_loop_kind_default_limit (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();

  g_assert_cmpuint (limit.months, ==, 3);
  g_assert_cmpuint (limit.working_days, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, due;

      g_assert_true (liaison_date_parse_iso (cases[i].from, &from));
      liaison_calendar_due_date (cal, &from, &limit, &due);
      assert_iso (&due, cases[i].due);
    }
}

static void
assert_deadline (const char             *due_iso,
                 const char             *today_iso,
                 LiaisonDeadlineUrgency  urgency,
                 int                     days_left,
                 const char             *words)
{
  GDate due, today;
  LiaisonDeadline deadline;
  g_autofree char *described = NULL;

  g_assert_true (liaison_date_parse_iso (due_iso, &due));
  g_assert_true (liaison_date_parse_iso (today_iso, &today));
  deadline = liaison_deadline_status (&due, &today);
  g_test_message ("due %s, today %s", due_iso, today_iso);
  g_assert_cmpint (deadline.urgency, ==, urgency);
  g_assert_cmpint (deadline.days_left, ==, days_left);
  described = liaison_deadline_describe (deadline);
  g_assert_cmpstr (described, ==, words);
}

static void
test_deadline_boundary (void)
{
  LiaisonDeadline none;
  GDate today = liaison_test_date (2025, 10, 23);
  g_autofree char *words = NULL;

  assert_deadline ("2025-10-23", "2025-10-19", LIAISON_DEADLINE_ON_TRACK, 4, "4 days left");
  assert_deadline ("2025-10-23", "2025-10-20", LIAISON_DEADLINE_DUE_SOON, 3, "3 days left");
  assert_deadline ("2025-10-23", "2025-10-22", LIAISON_DEADLINE_DUE_SOON, 1, "1 day left");
  /* Due today is not overdue; the day after is overdue by 1. */
  assert_deadline ("2025-10-23", "2025-10-23", LIAISON_DEADLINE_DUE_TODAY, 0, "Due today");
  assert_deadline ("2025-10-23", "2025-10-24", LIAISON_DEADLINE_OVERDUE, -1, "Overdue by 1 day");
  /* Calendar days, weekends included: due Friday, seen on Monday. */
  assert_deadline ("2025-10-17", "2025-10-20", LIAISON_DEADLINE_OVERDUE, -3, "Overdue by 3 days");
  assert_deadline ("2025-12-31", "2026-01-01", LIAISON_DEADLINE_OVERDUE, -1, "Overdue by 1 day");

  {
    GDate due = liaison_test_date (2025, 10, 23);
    g_assert_true (liaison_deadline_is_due_soon (liaison_deadline_status (&due, &today)));
    today = liaison_test_date (2025, 10, 19);
    g_assert_false (liaison_deadline_is_due_soon (liaison_deadline_status (&due, &today)));
    today = liaison_test_date (2025, 10, 24);
    g_assert_false (liaison_deadline_is_due_soon (liaison_deadline_status (&due, &today)));
  }

  none = liaison_deadline_status (NULL, &today);
  g_assert_cmpint (none.urgency, ==, LIAISON_DEADLINE_NONE);
  words = liaison_deadline_describe (none);
  g_assert_cmpstr (words, ==, "No due date");
  g_assert_cmpstr (liaison_deadline_urgency_to_code (LIAISON_DEADLINE_OVERDUE), ==, "overdue");
}

static void
test_bad_lines (void)
{
  static const char text[] =
    "# headquarters list\n"                /* 1 */
    "2025-10-01,holiday\n"                 /* 2 */
    "2025-13-01,holiday\n"                 /* 3 */
    "2025-10-09,workday\n"                 /* 4: a Thursday */
    "2025-10-02,vacation\n"                /* 5 */
    "hello\n"                              /* 6 */
    "\n"                                   /* 7 */
    "2025-10-04,holiday\n"                 /* 8 */
    "2025-10-04,workday\n"                 /* 9: already a holiday */
    "2025/10/05,holiday\n"                 /* 10 */
    " 2025-10-11 , WORKDAY \r\n";          /* 11: fine */
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonCalendar) cal = liaison_calendar_parse (text, &error);

  g_assert_null (cal);
  g_assert_error (error, LIAISON_CALENDAR_ERROR, LIAISON_CALENDAR_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 3: “2025-13-01” is not a date in the form YYYY-MM-DD.\n"
                   "Line 4: 2025-10-09 is a weekday; only a Saturday or Sunday can be a make-up workday.\n"
                   "Line 5: “vacation” is neither “holiday” nor “workday” (节假日/休/放假 or 调休/班/上班).\n"
                   "Line 6: expected a date and “holiday” or “workday” (节假日/休/放假 or 调休/班/上班), found “hello”.\n"
                   "Line 9: 2025-10-04 is listed both as a holiday and as a make-up workday.\n"
                   "Line 10: “2025/10/05” is not a date in the form YYYY-MM-DD.");
}

static void
test_parse_edges (void)
{
  g_autoptr(LiaisonCalendar) empty = liaison_calendar_parse ("", NULL);
  g_autoptr(LiaisonCalendar) bom = liaison_calendar_parse ("\xEF\xBB\xBF" "2025-10-11,workday\r\n", NULL);
  g_autofree char *text = NULL;
  GDate d;
  LiaisonDayKind kind;

  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->holidays->len + empty->workdays->len, ==, 0);
  g_assert_nonnull (bom);
  g_assert_cmpuint (bom->workdays->len, ==, 1);
  text = liaison_calendar_to_text (bom);
  g_assert_cmpstr (text, ==, "2025-10-11,workday\n");

  g_assert_false (liaison_date_parse_iso ("2025-02-29", &d));
  g_assert_false (g_date_valid (&d));
  g_assert_false (liaison_date_parse_iso ("2025-2-28", &d));
  g_assert_false (liaison_date_parse_iso ("2025-02-28x", &d));
  g_assert_false (liaison_date_parse_iso (NULL, &d));
  g_assert_true (liaison_date_parse_iso ("2024-02-29", &d));

  g_assert_true (liaison_day_kind_from_code ("workday", &kind));
  g_assert_cmpint (kind, ==, LIAISON_DAY_KIND_WORKDAY);
  g_assert_cmpstr (liaison_day_kind_to_code (LIAISON_DAY_KIND_HOLIDAY), ==, "holiday");
  g_assert_cmpstr (liaison_day_kind_label (LIAISON_DAY_KIND_WORKDAY), ==, "Make-up workday");
}

/* The words of the State Council's notices and of wall calendars. */
static void
test_chinese_words (void)
{
  static const struct {
    const char     *word;
    LiaisonDayKind  kind;
  } words[] = {
    { "节假日", LIAISON_DAY_KIND_HOLIDAY },
    { "休", LIAISON_DAY_KIND_HOLIDAY },
    { "放假", LIAISON_DAY_KIND_HOLIDAY },
    { "调休", LIAISON_DAY_KIND_WORKDAY },
    { "班", LIAISON_DAY_KIND_WORKDAY },
    { "上班", LIAISON_DAY_KIND_WORKDAY },
    { "补班", LIAISON_DAY_KIND_WORKDAY },
    { "调休上班日", LIAISON_DAY_KIND_WORKDAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gboolean holiday = words[i].kind == LIAISON_DAY_KIND_HOLIDAY;
      /* A Thursday off, or a Sunday worked. */
      g_autofree char *text = g_strdup_printf ("%s,%s,国庆节\n", holiday ? "2026-10-01" : "2026-09-20", words[i].word);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonCalendar) cal = liaison_calendar_parse (text, &error);
      g_autofree char *back = NULL;
      GDate date = holiday ? liaison_test_date (2026, 10, 1) : liaison_test_date (2026, 9, 20);
      LiaisonDayKind kind = LIAISON_N_DAY_KINDS;

      g_test_message ("%s", text);
      g_assert_no_error (error);
      g_assert_true (liaison_day_kind_from_code (words[i].word, &kind));
      g_assert_cmpint (kind, ==, words[i].kind);
      g_assert_cmpuint (cal->holidays->len, ==, holiday ? 1 : 0);
      g_assert_cmpuint (cal->workdays->len, ==, holiday ? 0 : 1);
      g_assert_true (liaison_calendar_is_working_day (cal, &date) == !holiday);
      /* The name is kept, and sync writes the codes every version reads. */
      g_assert_cmpstr (liaison_calendar_get_name (cal, &date), ==, "国庆节");
      back = liaison_calendar_to_text (cal);
      g_assert_cmpstr (back, ==, holiday ? "2026-10-01,holiday,国庆节\n" : "2026-09-20,workday,国庆节\n");
    }

  g_assert_false (liaison_day_kind_from_code ("假期", &(LiaisonDayKind) { 0 }));
  g_assert_false (liaison_day_kind_from_code ("", &(LiaisonDayKind) { 0 }));
}

/* In Chinese, the rules dialog shows 休 and 班, and reads them back. */
static void
test_display_text_zh_cn (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LiaisonCalendar) cal = NULL;
      g_autoptr(LiaisonCalendar) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      liaison_locale_init ();
      cal = liaison_calendar_parse ("2026-09-20,workday,国庆节\n2026-10-01,holiday,国庆节\n2026-10-02,放假\n", &error);
      g_assert_no_error (error);
      shown = liaison_calendar_to_display_text (cal);
      g_assert_cmpstr (shown, ==, "2026-09-20,班,国庆节\n2026-10-01,休,国庆节\n2026-10-02,休\n");
      again = liaison_calendar_parse (shown, &error);
      g_assert_no_error (error);
      text = liaison_calendar_to_text (cal);
      text_again = liaison_calendar_to_text (again);
      g_assert_cmpstr (text, ==, text_again);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A run of days from @from to @to, inclusive, as "YYYY-MM-DD" lines. */
static void
append_days (GString    *out,
             const char *from,
             const char *to)
{
  GDate d, end;

  g_assert_true (liaison_date_parse_iso (from, &d));
  g_assert_true (liaison_date_parse_iso (to, &end));
  for (; g_date_compare (&d, &end) <= 0; g_date_add_days (&d, 1))
    {
      g_autofree char *iso = liaison_date_to_iso (&d);

      g_string_append_printf (out, "%s\n", iso);
    }
}

static char *
list_of (GArray *dates)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      g_autofree char *iso = liaison_date_to_iso (&g_array_index (dates, GDate, i));

      g_string_append_printf (out, "%s\n", iso);
    }
  return g_string_free (out, FALSE);
}

/* The shipped list is the State Council's, day for day: 国办发明电〔2023〕7号
 * (2024), 〔2024〕12号 (2025) and 〔2025〕7号 (2026). */
static void
test_official (void)
{
  static const char *const holiday_runs[][2] = {
    { "2024-01-01", "2024-01-01" }, { "2024-02-10", "2024-02-17" }, { "2024-04-04", "2024-04-06" },
    { "2024-05-01", "2024-05-05" }, { "2024-06-10", "2024-06-10" }, { "2024-09-15", "2024-09-17" },
    { "2024-10-01", "2024-10-07" },
    { "2025-01-01", "2025-01-01" }, { "2025-01-28", "2025-02-04" }, { "2025-04-04", "2025-04-06" },
    { "2025-05-01", "2025-05-05" }, { "2025-05-31", "2025-06-02" }, { "2025-10-01", "2025-10-08" },
    { "2026-01-01", "2026-01-03" }, { "2026-02-15", "2026-02-23" }, { "2026-04-04", "2026-04-06" },
    { "2026-05-01", "2026-05-05" }, { "2026-06-19", "2026-06-21" }, { "2026-09-25", "2026-09-27" },
    { "2026-10-01", "2026-10-07" },
  };
  static const char workdays[] =
    "2024-02-04\n2024-02-18\n2024-04-07\n2024-04-28\n2024-05-11\n2024-09-14\n2024-09-29\n2024-10-12\n"
    "2025-01-26\n2025-02-08\n2025-04-27\n2025-09-28\n2025-10-11\n"
    "2026-01-04\n2026-02-14\n2026-02-28\n2026-05-09\n2026-09-20\n2026-10-10\n";
  g_autoptr(LiaisonCalendar) cal = liaison_calendar_new_official ();
  g_autoptr(GString) holidays = g_string_new (NULL);
  g_autofree char *got_holidays = list_of (cal->holidays);
  g_autofree char *got_workdays = list_of (cal->workdays);
  GDate national_day = liaison_test_date (2026, 10, 1);
  GDate make_up = liaison_test_date (2026, 2, 14);

  for (guint i = 0; i < G_N_ELEMENTS (holiday_runs); i++)
    append_days (holidays, holiday_runs[i][0], holiday_runs[i][1]);
  g_assert_cmpstr (got_holidays, ==, holidays->str);
  g_assert_cmpstr (got_workdays, ==, workdays);
  g_assert_cmpstr (liaison_calendar_get_name (cal, &national_day), ==, "国庆节");
  g_assert_cmpstr (liaison_calendar_get_name (cal, &make_up), ==, "春节调休上班");
}

/* A referral the Friday before the 2026 Spring Festival: the Saturday
 * worked counts, the nine days off do not. */
static void
test_official_spring_festival_2026 (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_calendar_new_official ();
  LiaisonTimeLimit fifteen = { 15, 0 };
  GDate referral = liaison_test_date (2026, 2, 13);
  GDate due;
  GDate d;

  liaison_calendar_due_date (cal, &referral, &fifteen, &due);
  assert_iso (&due, "2026-03-12");
  /* Weekends alone would have said 2026-03-06. */
  liaison_calendar_due_date (NULL, &referral, &fifteen, &due);
  assert_iso (&due, "2026-03-06");

  d = referral;
  liaison_calendar_add_working_days (cal, &d, 1);
  assert_iso (&d, "2026-02-14");
  liaison_calendar_add_working_days (cal, &d, 1);
  assert_iso (&d, "2026-02-24");
  d = liaison_test_date (2026, 2, 27);
  liaison_calendar_add_working_days (cal, &d, 1);
  assert_iso (&d, "2026-02-28");
}

static void
test_today_and_limits (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LiaisonTimeLimit days = { 15, 0 };
  LiaisonTimeLimit one_day = { 1, 0 };
  LiaisonTimeLimit months = { 0, 3 };
  g_autofree char *days_text = liaison_time_limit_describe (&days);
  g_autofree char *one_day_text = liaison_time_limit_describe (&one_day);
  g_autofree char *months_text = liaison_time_limit_describe (&months);
  GDate today;

  liaison_date_set_today (&today);
  g_assert_true (g_date_valid (&today));
  /* Around midnight the two readings may straddle it. */
  g_assert_cmpint (ABS ((int) g_date_get_day (&today) - g_date_time_get_day_of_month (now)) <= 1 ||
                   g_date_get_day (&today) == 1, ==, TRUE);
  g_assert_cmpint (g_date_get_year (&today), >=, 2025);

  g_assert_cmpstr (days_text, ==, "15 working days");
  g_assert_cmpstr (one_day_text, ==, "1 working day");
  g_assert_cmpstr (months_text, ==, "3 months");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/parse-2025", test_parse_2025);
  g_test_add_func ("/calendar/is-working-day", test_is_working_day);
  g_test_add_func ("/calendar/weekends", test_weekends);
  g_test_add_func ("/calendar/national-day", test_national_day);
  g_test_add_func ("/calendar/spring-festival", test_spring_festival);
  g_test_add_func ("/calendar/add-between-agree", test_add_between_agree);
  g_test_add_func ("/calendar/months", test_months);
  g_test_add_func ("/calendar/deadline-boundary", test_deadline_boundary);
  g_test_add_func ("/calendar/bad-lines", test_bad_lines);
  g_test_add_func ("/calendar/parse-edges", test_parse_edges);
  g_test_add_func ("/calendar/chinese-words", test_chinese_words);
  g_test_add_func ("/calendar/display-text-zh_CN", test_display_text_zh_cn);
  g_test_add_func ("/calendar/official", test_official);
  g_test_add_func ("/calendar/official-spring-festival-2026", test_official_spring_festival_2026);

  g_test_add_func ("/calendar/today-and-limits", test_today_and_limits);
  return g_test_run ();
}
