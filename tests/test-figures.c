/* test-figures.c: the seed's figures over a fixed set of suggestions whose
 * answers were worked out by hand (see the table in build_data_set()). */
#define G_LOG_DOMAIN "test-figures"

#include "config.h"

#include <string.h>

#include "liaison-figures.h"

/* One suggestion's timeline, built move by move. */
typedef struct {
  GPtrArray *events;
  char      *uuid;
  guint      serial;
} Timeline;

static LiaisonLoopEvent *
add (Timeline        *t,
     LiaisonLoopMove  move,
     LiaisonLoopRole  role,
     int              month,
     int              day)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);

  event->uuid = g_strdup_printf ("%s-%02u", t->uuid, ++t->serial);
  event->suggestion_uuid = g_strdup (t->uuid);
  /* 04:00 UTC, noon in Huaibei; the test runs in UTC so days match. */
  event->at = g_date_time_new_utc (2025, month, day, 4, 0, 0);
  event->actor_name = g_strdup ("Clerk");
  g_ptr_array_add (t->events, event);
  return event;
}

static void
reg (Timeline *t, int m, int d)
{
  add (t, LIAISON_LOOP_MOVE_REGISTER, LIAISON_LOOP_ROLE_STATION, m, d);
}

static void
take (Timeline *t, int m, int d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, m, d);
  e->deputy_uuid = g_strdup ("dep-1");
}

static void
answer (Timeline *t, int m, int d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, LIAISON_LOOP_ROLE_DEPUTY, m, d);
  e->deputy_uuid = g_strdup ("dep-1");
  e->answer = g_strdup ("Explained the policy.");
}

static void
refer (Timeline *t, int m, int d, int due_m, int due_d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, m, d);
  e->lead_unit_uuid = g_strdup ("unit-a");
  g_date_set_dmy (&e->due_date, (GDateDay) due_d, (GDateMonth) due_m, 2025);
}

static void
start (Timeline *t, int m, int d)
{
  add (t, LIAISON_LOOP_MOVE_START, LIAISON_LOOP_ROLE_HQ, m, d);
}

static void
reply (Timeline *t, int m, int d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, m, d);
  e->reply_text = g_strdup ("Done.");
  e->replying_unit_uuid = g_strdup ("unit-a");
  g_date_set_dmy (&e->reply_date, (GDateDay) d, (GDateMonth) m, 2025);
}

static void
rate (Timeline *t, int m, int d, LiaisonLoopRating rating)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, m, d);
  e->rating = rating;
  e->asked = LIAISON_LOOP_ASKED_PHONE;
  e->rated_by = g_strdup ("Clerk");
}

static void
close_ (Timeline *t, int m, int d)
{
  add (t, LIAISON_LOOP_MOVE_CLOSE, LIAISON_LOOP_ROLE_HQ, m, d);
}

static void
withdraw (Timeline *t, int m, int d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_WITHDRAW, LIAISON_LOOP_ROLE_STATION, m, d);
  e->reason = g_strdup ("Solved privately.");
}

static void
supervise (Timeline *t, int m, int d)
{
  LiaisonLoopEvent *e = add (t, LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, m, d);
  e->note = g_strdup ("Key item.");
  e->key_supervision = TRUE;
}

#define SAT   LIAISON_LOOP_RATING_SATISFIED
#define BASIC LIAISON_LOOP_RATING_BASICALLY_SATISFIED
#define UNSAT LIAISON_LOOP_RATING_UNSATISFIED

/* All dates 2025; the period is 09-01..09-30, "today" is 10-20.
 *
 *    registered  timeline                                     at 10-20
 * A  09-01  take, refer 09-02 due 09-23, reply 09-15,          closed
 *           rate sat 09-18, close 09-19
 * B  09-02  take, refer 09-03 due 09-24, reply 09-30 (late),   rated basic
 *           rate basic 10-02
 * C  09-03  answered on the spot                               answered
 * D  09-04  answered on the spot, rate sat 09-05, close 09-06  closed
 * E  09-05  take, refer 09-08 due 09-29, reply 09-30 (late),   in progress,
 *           rate unsat 10-02, refer 10-09 due 10-30, start      round 2, 10 days left
 * F  09-08  take, refer 09-09 due 10-10, start, key 10-13      in progress, overdue by 10
 * G  09-10  take, refer 09-11 due 10-20                        referred, due today
 * H  09-12  take, refer 09-15 due 10-17, reply 10-17 (on the   replied
 *           due date: in time)
 * I  09-15  withdrawn 09-16                                    withdrawn
 * J  09-18  nothing more                                       registered
 * K  09-20  take, refer 09-22 due 10-15, reply 10-16 (late),   taken up (reopened),
 *           rate unsat 10-18, key 10-19                        round 2
 * L  09-30  take, refer 10-09 due 10-22                        referred, 2 days left
 * M  08-25  take, refer 08-26 due 09-16                        referred, overdue;
 *           (outside the period)
 */
static GPtrArray *
build_data_set (void)
{
  GPtrArray *states = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_state_free);
  static const char *const names = "ABCDEFGHIJKLM";

  for (guint i = 0; names[i] != '\0'; i++)
    {
      Timeline t = { g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free),
                     g_strdup_printf ("sug-%c", names[i]), 0 };
      LiaisonLoopState *state;

      switch (names[i])
        {
        case 'A':
          reg (&t, 9, 1); take (&t, 9, 1); refer (&t, 9, 2, 9, 23); reply (&t, 9, 15);
          rate (&t, 9, 18, SAT); close_ (&t, 9, 19);
          break;
        case 'B':
          reg (&t, 9, 2); take (&t, 9, 2); refer (&t, 9, 3, 9, 24); reply (&t, 9, 30);
          rate (&t, 10, 2, BASIC);
          break;
        case 'C':
          reg (&t, 9, 3); answer (&t, 9, 3);
          break;
        case 'D':
          reg (&t, 9, 4); answer (&t, 9, 4); rate (&t, 9, 5, SAT); close_ (&t, 9, 6);
          break;
        case 'E':
          reg (&t, 9, 5); take (&t, 9, 5); refer (&t, 9, 8, 9, 29); reply (&t, 9, 30);
          rate (&t, 10, 2, UNSAT); refer (&t, 10, 9, 10, 30); start (&t, 10, 10);
          break;
        case 'F':
          reg (&t, 9, 8); take (&t, 9, 8); refer (&t, 9, 9, 10, 10); start (&t, 9, 10);
          supervise (&t, 10, 13);
          break;
        case 'G':
          reg (&t, 9, 10); take (&t, 9, 10); refer (&t, 9, 11, 10, 20);
          break;
        case 'H':
          reg (&t, 9, 12); take (&t, 9, 12); refer (&t, 9, 15, 10, 17); reply (&t, 10, 17);
          break;
        case 'I':
          reg (&t, 9, 15); withdraw (&t, 9, 16);
          break;
        case 'J':
          reg (&t, 9, 18);
          break;
        case 'K':
          reg (&t, 9, 20); take (&t, 9, 20); refer (&t, 9, 22, 10, 15); reply (&t, 10, 16);
          rate (&t, 10, 18, UNSAT); supervise (&t, 10, 19);
          break;
        case 'L':
          reg (&t, 9, 30); take (&t, 9, 30); refer (&t, 10, 9, 10, 22);
          break;
        case 'M':
          reg (&t, 8, 25); take (&t, 8, 25); refer (&t, 8, 26, 9, 16);
          break;
        default:
          g_assert_not_reached ();
        }

      state = liaison_loop_replay (t.events);
      /* Every move of the data set is legal: nothing is skipped. */
      g_assert_cmpuint (state->rejected->len, ==, 0);
      g_assert_cmpuint (state->n_events, ==, t.events->len);
      g_ptr_array_add (states, state);
      g_ptr_array_unref (t.events);
      g_free (t.uuid);
    }
  return states;
}

static GDate
day (int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, 2025);
  return date;
}

static void
assert_rate (guint       numerator,
             guint       denominator,
             const char *expected)
{
  g_autofree char *text = liaison_figures_format_rate (numerator, denominator);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_states (void)
{
  g_autoptr(GPtrArray) states = build_data_set ();
  static const LiaisonLoopStatus expected[] = {
    LIAISON_LOOP_STATUS_CLOSED,            /* A */
    LIAISON_LOOP_STATUS_RATED,             /* B */
    LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT,  /* C */
    LIAISON_LOOP_STATUS_CLOSED,            /* D */
    LIAISON_LOOP_STATUS_IN_PROGRESS,       /* E */
    LIAISON_LOOP_STATUS_IN_PROGRESS,       /* F */
    LIAISON_LOOP_STATUS_REFERRED,          /* G */
    LIAISON_LOOP_STATUS_REPLIED,           /* H */
    LIAISON_LOOP_STATUS_WITHDRAWN,         /* I */
    LIAISON_LOOP_STATUS_REGISTERED,        /* J */
    LIAISON_LOOP_STATUS_TAKEN_UP,          /* K */
    LIAISON_LOOP_STATUS_REFERRED,          /* L */
    LIAISON_LOOP_STATUS_REFERRED,          /* M */
  };
  /* Overdue at 10-20: F (due 10-10) and M (due 09-16) only. */
  static const gboolean overdue[] = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1 };
  static const gboolean resolved[] = { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  GDate today = day (10, 20);

  g_assert_cmpuint (states->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < states->len; i++)
    {
      const LiaisonLoopState *state = g_ptr_array_index (states, i);

      g_test_message ("suggestion %c", 'A' + i);
      g_assert_cmpint (state->status, ==, expected[i]);
      g_assert_cmpint (liaison_loop_state_is_overdue (state, &today), ==, overdue[i]);
      g_assert_cmpint (liaison_loop_state_is_resolved (state), ==, resolved[i]);
    }
  /* E and K went round twice. */
  g_assert_cmpuint (((LiaisonLoopState *) g_ptr_array_index (states, 4))->round, ==, 2);
  g_assert_cmpuint (((LiaisonLoopState *) g_ptr_array_index (states, 10))->round, ==, 2);
  g_assert_cmpuint (((LiaisonLoopState *) g_ptr_array_index (states, 0))->round, ==, 1);
  /* F is overdue by 10 calendar days, E has 10 left. */
  g_assert_cmpint (liaison_loop_state_deadline (g_ptr_array_index (states, 5), &today).days_left, ==, -10);
  g_assert_cmpint (liaison_loop_state_deadline (g_ptr_array_index (states, 4), &today).days_left, ==, 10);
}

static void
test_period (void)
{
  g_autoptr(GPtrArray) states = build_data_set ();
  GDate from = day (9, 1), to = day (9, 30), today = day (10, 20);
  LiaisonFigures f;
  double rate;

  liaison_figures_compute (&f, states, &from, &to, &today);

  /* A..L registered in September; M (08-25) is not. */
  g_assert_cmpuint (f.collected, ==, 12);
  /* I. */
  g_assert_cmpuint (f.withdrawn, ==, 1);
  /* A closed, B rated basically satisfied, C answered, D closed. */
  g_assert_cmpuint (f.resolved, ==, 4);
  /* 4 / (12 - 1) = 0.363636... */
  g_assert_true (liaison_figures_resolution_rate (&f, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 4.0 / 11.0, 1e-12);
  assert_rate (f.resolved, f.collected - f.withdrawn, "36.4%");

  /* Latest ratings: A sat, B basic, D sat, E unsat, K unsat: 5 rated,
   * (2 + 1) / 5 = 60.0%. */
  g_assert_cmpuint (f.rated, ==, 5);
  g_assert_cmpuint (f.satisfied, ==, 2);
  g_assert_cmpuint (f.basically_satisfied, ==, 1);
  g_assert_true (liaison_figures_satisfaction_rate (&f, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.6, 1e-12);
  assert_rate (f.satisfied + f.basically_satisfied, f.rated, "60.0%");

  /* Replied at least once: A, B, E, H, K = 5. In time: A (09-15 <= 09-23),
   * H (10-17 <= 10-17); late: B (09-30 > 09-24), E (09-30 > 09-29),
   * K (10-16 > 10-15). 2 / 5 = 40.0%. */
  g_assert_cmpuint (f.replied, ==, 5);
  g_assert_cmpuint (f.replied_in_time, ==, 2);
  g_assert_true (liaison_figures_in_time_rate (&f, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.4, 1e-12);
  assert_rate (f.replied_in_time, f.replied, "40.0%");

  /* Awaiting a reply: E (due 10-30), F (10-10), G (10-20), L (10-22).
   * Overdue: F. Due within 3 days: G (today), L (2 days). */
  g_assert_cmpuint (f.overdue, ==, 1);
  g_assert_cmpuint (f.due_soon, ==, 2);
  /* Key supervision on F and K, both open. */
  g_assert_cmpuint (f.key_supervision, ==, 2);
  /* Latest rating unsatisfied and still open: E, K. */
  g_assert_cmpuint (f.unsatisfied_open, ==, 2);
}

static void
test_unbounded (void)
{
  g_autoptr(GPtrArray) states = build_data_set ();
  GDate today = day (10, 20);
  GDate from = day (9, 10), to = day (9, 12);
  LiaisonFigures f;

  /* All 13: M adds one collected and one overdue. 4 / (13 - 1) = 33.3%. */
  liaison_figures_compute (&f, states, NULL, NULL, &today);
  g_assert_cmpuint (f.collected, ==, 13);
  g_assert_cmpuint (f.overdue, ==, 2);
  g_assert_cmpuint (f.resolved, ==, 4);
  assert_rate (f.resolved, f.collected - f.withdrawn, "33.3%");

  /* 09-10..09-12, both ends included: G and H. */
  liaison_figures_compute (&f, states, &from, &to, &today);
  g_assert_cmpuint (f.collected, ==, 2);
  g_assert_cmpuint (f.replied, ==, 1);
  g_assert_cmpuint (f.replied_in_time, ==, 1);
  g_assert_cmpuint (f.rated, ==, 0);
  assert_rate (f.satisfied + f.basically_satisfied, f.rated, "—");

  /* The day after G's due date, G is overdue too (F, G, M). */
  today = day (10, 21);
  liaison_figures_compute (&f, states, NULL, NULL, &today);
  g_assert_cmpuint (f.overdue, ==, 3);
}

static void
test_format_rate (void)
{
  double rate;

  /* The seed: 17,756 of 20,195 resolved = 0.879227... */
  assert_rate (17756, 20195, "87.9%");
  assert_rate (1, 16, "6.3%");    /* 6.25 rounds half up */
  assert_rate (1, 8, "12.5%");
  assert_rate (203, 203, "100.0%");
  assert_rate (0, 7, "0.0%");
  assert_rate (0, 0, "—");
  g_assert_false (liaison_figures_rate (3, 0, &rate));
  g_assert_cmpfloat (rate, ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  /* Event days are taken in local time; pin it. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/states", test_states);
  g_test_add_func ("/figures/period", test_period);
  g_test_add_func ("/figures/unbounded", test_unbounded);
  g_test_add_func ("/figures/format-rate", test_format_rate);

  return g_test_run ();
}
