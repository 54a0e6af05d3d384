/* test-online-wait.c: how long an online submission waits for its station,
 * in working days on the loop's calendar (app/model/liaison-online-wait.c):
 * across a weekend, across the National Day holiday and its make-up
 * workday, counted in the station's local days, and after a decision. */
#define G_LOG_DOMAIN "test-online-wait"

#include "config.h"

#include "liaison-calendar.h"
#include "liaison-online-wait.h"
#include "liaison-test-util.h"

static GDateTime *
wire (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *at = g_date_time_new_from_iso8601 (text, utc);

  g_assert_nonnull (at);
  return at;
}

/* Pending since @submitted (wire time), read on @today. */
static void
assert_pending (const LiaisonCalendar *cal,
                const char            *submitted,
                GDate                  today,
                guint                  working_days,
                gboolean               overdue)
{
  g_autoptr(GDateTime) at = wire (submitted);
  LiaisonOnlineWait wait = liaison_online_wait (cal, at, NULL, &today);
  g_autofree char *iso = liaison_date_to_iso (&today);

  g_test_message ("submitted %s, today %s", submitted, iso);
  g_assert_true (wait.pending);
  g_assert_cmpuint (wait.working_days, ==, working_days);
  g_assert_cmpint (wait.overdue, ==, overdue);
}

/* Friday 2025-03-07 10:00 (local): Monday is its first working day, the
 * due day is Wednesday, and Thursday, 4 working days on, is overdue. */
static void
test_weekend (void)
{
  const char *friday = "2025-03-07T02:00:00Z";

  assert_pending (NULL, friday, liaison_test_date (2025, 3, 7), 0, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 8), 0, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 9), 0, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 10), 1, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 11), 2, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 12), 3, FALSE);
  assert_pending (NULL, friday, liaison_test_date (2025, 3, 13), 4, TRUE);

  /* Come in on a Saturday: the same due day as Friday's. */
  assert_pending (NULL, "2025-03-08T03:00:00Z", liaison_test_date (2025, 3, 12), 3, FALSE);
  assert_pending (NULL, "2025-03-08T03:00:00Z", liaison_test_date (2025, 3, 13), 4, TRUE);
}

/* Tuesday 2025-09-30, on the eve of National Day: the eight days off do
 * not count; Thursday 10-09, Friday 10-10 and the make-up Saturday 10-11
 * do, so 10-11 is the due day, and Monday 10-13 is 4 working days on. */
static void
test_holiday (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  g_autoptr(GDateTime) eve = wire ("2025-09-30T06:00:00Z");
  GDate due;

  liaison_online_due_day (cal, eve, &due);
  {
    g_autofree char *iso = liaison_date_to_iso (&due);

    g_assert_cmpstr (iso, ==, "2025-10-11");
  }
  assert_pending (cal, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 8), 0, FALSE);
  assert_pending (cal, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 9), 1, FALSE);
  assert_pending (cal, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 11), 3, FALSE);
  /* A Sunday after the due day: still 3 working days, but the due day has passed. */
  assert_pending (cal, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 12), 3, TRUE);
  assert_pending (cal, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 13), 4, TRUE);

  /* Weekends only, the same days would be long overdue. */
  assert_pending (NULL, "2025-09-30T06:00:00Z", liaison_test_date (2025, 10, 8), 6, TRUE);
}

/* Times travel as UTC; the station counts its own days. 16:30Z on Sunday
 * is 00:30 on Monday in Beijing: Monday is the day it came in, so
 * Thursday is 3 working days on, not 4. */
static void
test_local_day (void)
{
  assert_pending (NULL, "2025-03-09T16:30:00Z", liaison_test_date (2025, 3, 13), 3, FALSE);
  assert_pending (NULL, "2025-03-09T16:30:00Z", liaison_test_date (2025, 3, 14), 4, TRUE);
}

/* Decided: the wait stops at the decision, and nothing decided is overdue. */
static void
test_decided (void)
{
  g_autoptr(LiaisonCalendar) cal = liaison_test_calendar_2025 ();
  g_autoptr(GDateTime) submitted = wire ("2025-09-30T06:00:00Z");
  g_autoptr(GDateTime) decided = wire ("2025-10-13T01:00:00Z");
  g_autoptr(GDateTime) same_day = wire ("2025-09-30T08:00:00Z");
  GDate today = liaison_test_date (2025, 12, 1);
  LiaisonOnlineWait wait = liaison_online_wait (cal, submitted, decided, &today);
  g_autofree char *late = NULL;
  g_autofree char *quick = NULL;
  g_autofree char *waiting = NULL;

  g_assert_false (wait.pending);
  g_assert_false (wait.overdue);
  g_assert_cmpuint (wait.working_days, ==, 4);
  late = liaison_online_wait_describe (wait);
  g_assert_cmpstr (late, ==, "Waited 4 working days");

  wait = liaison_online_wait (cal, submitted, same_day, NULL);
  g_assert_cmpuint (wait.working_days, ==, 0);
  quick = liaison_online_wait_describe (wait);
  g_assert_cmpstr (quick, ==, "Decided within a working day");

  today = liaison_test_date (2025, 10, 9);
  wait = liaison_online_wait (cal, submitted, NULL, &today);
  waiting = liaison_online_wait_describe (wait);
  g_assert_cmpstr (waiting, ==, "Waiting 1 working day");
}

int
main (int   argc,
      char *argv[])
{
  /* The stations' own time zone, whatever the machine's. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/online-wait/weekend", test_weekend);
  g_test_add_func ("/online-wait/holiday", test_holiday);
  g_test_add_func ("/online-wait/local-day", test_local_day);
  g_test_add_func ("/online-wait/decided", test_decided);
  return g_test_run ();
}
