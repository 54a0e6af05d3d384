/* test-loop.c: the closed loop's state machine: who may make which move in
 * which state, the payload each move needs, and replaying a timeline. */
#define G_LOG_DOMAIN "test-loop"

#include "config.h"

#include <string.h>

#include "liaison-loop.h"

#define S LIAISON_LOOP_ROLE_STATION
#define D LIAISON_LOOP_ROLE_DEPUTY
#define H LIAISON_LOOP_ROLE_HQ
#define C LIAISON_LOOP_ROLE_CITIZEN
#define X (-1)  /* nobody */

/* Written by hand from issue 4 and docs/closed-loop.md, not from the code:
 * for each state, which role may make each move (X: no one). Columns in
 * LiaisonLoopMove order: register, take_up, answer_on_spot, refer, start,
 * reply, rate, close, withdraw, supervise. */
static const int expected_public[LIAISON_N_LOOP_STATUSES][LIAISON_N_LOOP_MOVES] = {
  /*                   reg take ans ref sta rep rat clo wdr sup */
  /* none */          { S,  X,   X,  X,  X,  X,  X,  X,  X,  X },
  /* registered */    { X,  D,   D,  X,  X,  X,  X,  X,  S,  H },
  /* taken_up */      { X,  X,   X,  H,  X,  X,  X,  X,  S,  H },
  /* answered */      { X,  X,   X,  X,  X,  X,  S,  H,  S,  H },
  /* referred */      { X,  X,   X,  X,  H,  H,  X,  X,  S,  H },
  /* in_progress */   { X,  X,   X,  X,  X,  H,  X,  X,  S,  H },
  /* replied */       { X,  X,   X,  X,  X,  X,  S,  X,  S,  H },
  /* rated */         { X,  X,   X,  X,  X,  X,  X,  H,  X,  H },
  /* closed */        { X,  X,   X,  X,  X,  X,  X,  X,  X,  X },
  /* withdrawn */     { X,  X,   X,  X,  X,  X,  X,  X,  X,  X },
};

/* A deputy's own suggestion: filed, rated and withdrawn by the deputy,
 * never taken up, referred straight from registration. */
static const int expected_deputy[LIAISON_N_LOOP_STATUSES][LIAISON_N_LOOP_MOVES] = {
  /*                   reg take ans ref sta rep rat clo wdr sup */
  /* none */          { D,  X,   X,  X,  X,  X,  X,  X,  X,  X },
  /* registered */    { X,  X,   X,  H,  X,  X,  X,  X,  D,  H },
  /* taken_up */      { X,  X,   X,  H,  X,  X,  X,  X,  D,  H },
  /* answered */      { X,  X,   X,  X,  X,  X,  D,  H,  D,  H },
  /* referred */      { X,  X,   X,  X,  H,  H,  X,  X,  D,  H },
  /* in_progress */   { X,  X,   X,  X,  X,  H,  X,  X,  D,  H },
  /* replied */       { X,  X,   X,  X,  X,  X,  D,  X,  D,  H },
  /* rated */         { X,  X,   X,  X,  X,  X,  X,  H,  X,  H },
  /* closed */        { X,  X,   X,  X,  X,  X,  X,  X,  X,  X },
  /* withdrawn */     { X,  X,   X,  X,  X,  X,  X,  X,  X,  X },
};

/* Who may make each move at all, whatever the state. */
static const int move_owner_public[LIAISON_N_LOOP_MOVES] = { S, D, D, H, H, H, S, H, S, H };
static const int move_owner_deputy[LIAISON_N_LOOP_MOVES] = { D, D, D, H, H, H, D, H, D, H };

static const char sha_a[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

static guint event_serial;

static GDateTime *
utc (int month,
     int day,
     int hour)
{
  return g_date_time_new_utc (2025, month, day, hour, 0, 0);
}

/* An event for @move carrying everything the move needs, at @at (owned). */
static LiaisonLoopEvent *
full_event (LiaisonLoopMove  move,
            LiaisonLoopRole  role,
            LiaisonLoopKind  kind,
            GDateTime       *at)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);
  GDate day;

  event->uuid = g_strdup_printf ("ev-%03u", ++event_serial);
  event->suggestion_uuid = g_strdup ("sug-1");
  event->at = at;
  event->kind = kind;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (at),
                  (GDateMonth) g_date_time_get_month (at),
                  (GDateYear) g_date_time_get_year (at));

  if (!(move == LIAISON_LOOP_MOVE_RATE && (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION || role == C)))
    event->actor_name = g_strdup (role == H ? "Office clerk" : role == D ? "Deputy Wang" : "Station clerk");

  switch (move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      if (kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
        {
          const char *signers[] = { "dep-2", "dep-3", NULL };
          event->co_signers = g_strdupv ((GStrv) signers);
        }
      break;
    case LIAISON_LOOP_MOVE_TAKE_UP:
      event->deputy_uuid = g_strdup ("dep-1");
      break;
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      event->deputy_uuid = g_strdup ("dep-1");
      event->answer = g_strdup ("The bus timetable is posted at the stop.");
      break;
    case LIAISON_LOOP_MOVE_REFER:
      {
        const char *co[] = { "unit-b", NULL };
        event->lead_unit_uuid = g_strdup ("unit-a");
        event->co_unit_uuids = g_strdupv ((GStrv) co);
        event->due_date = day;
        g_date_add_days (&event->due_date, 21);
      }
      break;
    case LIAISON_LOOP_MOVE_REPLY:
      {
        const char *files[] = { sha_a, NULL };
        event->reply_text = g_strdup ("The street lamps were repaired.");
        event->replying_unit_uuid = g_strdup ("unit-a");
        event->reply_date = day;
        event->attachments = g_strdupv ((GStrv) files);
      }
      break;
    case LIAISON_LOOP_MOVE_RATE:
      event->rating = LIAISON_LOOP_RATING_SATISFIED;
      event->asked = role == C ? LIAISON_LOOP_ASKED_ONLINE : LIAISON_LOOP_ASKED_PHONE;
      if (kind != LIAISON_LOOP_KIND_DEPUTY_SUGGESTION && role != C)
        event->rated_by = g_strdup ("Station clerk");
      break;
    case LIAISON_LOOP_MOVE_WITHDRAW:
      event->reason = g_strdup ("The visitor solved it with the landlord.");
      break;
    case LIAISON_LOOP_MOVE_SUPERVISE:
      event->note = g_strdup ("Asked the lead unit for progress.");
      event->key_supervision = TRUE;
      break;
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
  return event;
}

static LiaisonLoopState *
state_at (LiaisonLoopKind   kind,
          LiaisonLoopStatus status)
{
  LiaisonLoopState *state = liaison_loop_state_new ();

  state->kind = kind;
  state->status = status;
  state->round = status == LIAISON_LOOP_STATUS_NONE ? 0 : 1;
  return state;
}

static void
check_table (LiaisonLoopKind kind,
             const int       table[LIAISON_N_LOOP_STATUSES][LIAISON_N_LOOP_MOVES],
             const int       owner[LIAISON_N_LOOP_MOVES])
{
  guint n_legal = 0, n_illegal = 0;

  for (guint s = 0; s < LIAISON_N_LOOP_STATUSES; s++)
    {
      g_autoptr(LiaisonLoopState) state = state_at (kind, (LiaisonLoopStatus) s);

      for (guint r = 0; r < LIAISON_N_LOOP_ROLES; r++)
        {
          g_autoptr(GArray) allowed = liaison_loop_allowed_moves (state, (LiaisonLoopRole) r);
          guint n_expected = 0;

          for (guint m = 0; m < LIAISON_N_LOOP_MOVES; m++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(LiaisonLoopEvent) event = NULL;
              /* The citizen rates their own item online wherever the
               * station may record their rating; nothing else. */
              gboolean citizen_rates = r == C && m == LIAISON_LOOP_MOVE_RATE &&
                                       kind == LIAISON_LOOP_KIND_PUBLIC_OPINION;
              gboolean expected = table[s][m] == (int) r || (citizen_rates && table[s][m] == S);
              gboolean ok;

              g_test_message ("%s %s: %s by %s",
                              liaison_loop_kind_to_code (kind),
                              liaison_loop_status_to_code ((LiaisonLoopStatus) s),
                              liaison_loop_move_to_code ((LiaisonLoopMove) m),
                              liaison_loop_role_to_code ((LiaisonLoopRole) r));

              ok = liaison_loop_check_move (state, (LiaisonLoopMove) m, (LiaisonLoopRole) r, NULL, &error);
              g_assert_cmpint (ok, ==, expected);
              if (expected)
                {
                  g_assert_no_error (error);
                  g_assert_cmpuint (g_array_index (allowed, LiaisonLoopMove, n_expected), ==, m);
                  n_expected++;
                  n_legal++;

                  /* With a complete event, the move passes too. */
                  event = full_event ((LiaisonLoopMove) m, (LiaisonLoopRole) r, kind, utc (9, 1, 4));
                  g_assert_true (liaison_loop_check_move (state, (LiaisonLoopMove) m,
                                                          (LiaisonLoopRole) r, event, NULL));
                }
              else
                {
                  /* The wrong role is told whose move it is; the right role
                   * in the wrong state is told what the state allows; anyone
                   * taking up a deputy's own suggestion, that nobody does. */
                  gboolean never = kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION &&
                                   (m == LIAISON_LOOP_MOVE_TAKE_UP || m == LIAISON_LOOP_MOVE_ANSWER_ON_SPOT);

                  g_assert_nonnull (error);
                  g_assert_cmpint (error->code, ==, owner[m] == (int) r || never || citizen_rates
                                                    ? LIAISON_LOOP_ERROR_STATE
                                                    : LIAISON_LOOP_ERROR_ROLE);
                  g_assert_cmpuint (strlen (error->message), >, 10);
                  n_illegal++;

                  /* A full event does not make an illegal move legal. */
                  event = full_event ((LiaisonLoopMove) m, (LiaisonLoopRole) r, kind, utc (9, 1, 4));
                  g_assert_false (liaison_loop_check_move (state, (LiaisonLoopMove) m,
                                                           (LiaisonLoopRole) r, event, NULL));
                }
            }
          g_assert_cmpuint (allowed->len, ==, n_expected);
        }
    }
  /* 10 states x 10 moves x 4 roles. */
  g_assert_cmpuint (n_legal + n_illegal, ==, 400);
  /* The citizen's two: rating an answer on the spot, rating a reply. */
  g_assert_cmpuint (n_legal, ==, kind == LIAISON_LOOP_KIND_PUBLIC_OPINION ? 26 : 23);
}

static void
test_table_public (void)
{
  check_table (LIAISON_LOOP_KIND_PUBLIC_OPINION, expected_public, move_owner_public);
}

static void
test_table_deputy (void)
{
  check_table (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, expected_deputy, move_owner_deputy);
}

static void
assert_refused (LiaisonLoopStatus  status,
                LiaisonLoopMove    move,
                LiaisonLoopRole    role,
                LiaisonLoopEvent  *event,
                int                code,
                const char        *message)
{
  g_autoptr(LiaisonLoopState) state = state_at (LIAISON_LOOP_KIND_PUBLIC_OPINION, status);
  g_autoptr(GError) error = NULL;

  g_assert_false (liaison_loop_check_move (state, move, role, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_messages (void)
{
  assert_refused (LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, S, NULL,
                  LIAISON_LOOP_ERROR_ROLE, "Only headquarters can refer a suggestion.");
  assert_refused (LIAISON_LOOP_STATUS_CLOSED, LIAISON_LOOP_MOVE_RATE, S, NULL,
                  LIAISON_LOOP_ERROR_STATE, "A suggestion that was closed cannot be rated.");
  assert_refused (LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_TAKE_UP, S, NULL,
                  LIAISON_LOOP_ERROR_ROLE, "Only a deputy can take up a suggestion.");
  assert_refused (LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_REFER, H, NULL,
                  LIAISON_LOOP_ERROR_STATE, "A deputy must take up this suggestion before it can be referred.");
  assert_refused (LIAISON_LOOP_STATUS_REFERRED, LIAISON_LOOP_MOVE_RATE, S, NULL,
                  LIAISON_LOOP_ERROR_STATE,
                  "This suggestion is “Referred”: it can be rated only after a reply or an answer on the spot.");
  assert_refused (LIAISON_LOOP_STATUS_WITHDRAWN, LIAISON_LOOP_MOVE_SUPERVISE, H, NULL,
                  LIAISON_LOOP_ERROR_STATE,
                  "A suggestion that was withdrawn cannot be changed: “Supervise” is no longer possible.");
}

typedef void (*Mutate) (LiaisonLoopEvent *event);

static void no_reason (LiaisonLoopEvent *e) { g_clear_pointer (&e->reason, g_free); }
static void blank_reason (LiaisonLoopEvent *e) { g_free (e->reason); e->reason = g_strdup ("  "); }
static void no_actor (LiaisonLoopEvent *e) { g_clear_pointer (&e->actor_name, g_free); }
static void no_time (LiaisonLoopEvent *e) { g_clear_pointer (&e->at, g_date_time_unref); }
static void no_deputy (LiaisonLoopEvent *e) { g_clear_pointer (&e->deputy_uuid, g_free); }
static void no_answer (LiaisonLoopEvent *e) { g_clear_pointer (&e->answer, g_free); }
static void no_lead (LiaisonLoopEvent *e) { g_clear_pointer (&e->lead_unit_uuid, g_free); }
static void lead_is_co (LiaisonLoopEvent *e) { g_free (e->co_unit_uuids[0]); e->co_unit_uuids[0] = g_strdup ("unit-a"); }
static void no_due (LiaisonLoopEvent *e) { g_date_clear (&e->due_date, 1); }
static void due_before (LiaisonLoopEvent *e) { g_date_set_dmy (&e->due_date, 31, 8, 2025); }
static void due_same_day (LiaisonLoopEvent *e) { g_date_set_dmy (&e->due_date, 1, 9, 2025); }
static void no_reply (LiaisonLoopEvent *e) { g_clear_pointer (&e->reply_text, g_free); }
static void no_unit (LiaisonLoopEvent *e) { g_clear_pointer (&e->replying_unit_uuid, g_free); }
static void no_reply_date (LiaisonLoopEvent *e) { g_date_clear (&e->reply_date, 1); }
static void bad_sha (LiaisonLoopEvent *e) { e->attachments[0][10] = 'z'; }
static void no_rater (LiaisonLoopEvent *e) { g_clear_pointer (&e->rated_by, g_free); }
static void bad_rating (LiaisonLoopEvent *e) { e->rating = LIAISON_N_LOOP_RATINGS; }
static void bad_asked (LiaisonLoopEvent *e) { e->asked = LIAISON_N_LOOP_ASKED; }
static void no_note (LiaisonLoopEvent *e) { g_clear_pointer (&e->note, g_free); }
static void nothing (LiaisonLoopEvent *e) { }

static void
test_payload (void)
{
  static const struct {
    LiaisonLoopStatus status;
    LiaisonLoopMove   move;
    Mutate            mutate;
    const char       *message;  /* NULL: accepted */
  } cases[] = {
    { LIAISON_LOOP_STATUS_REPLIED, LIAISON_LOOP_MOVE_WITHDRAW, no_reason, "Say why the suggestion is withdrawn." },
    { LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_WITHDRAW, blank_reason, "Say why the suggestion is withdrawn." },
    { LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_WITHDRAW, nothing, NULL },
    { LIAISON_LOOP_STATUS_NONE, LIAISON_LOOP_MOVE_REGISTER, no_actor, "Say who is making this move." },
    { LIAISON_LOOP_STATUS_NONE, LIAISON_LOOP_MOVE_REGISTER, no_time, "Say when this happened." },
    { LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_TAKE_UP, no_deputy, "Choose the deputy who takes up the suggestion." },
    { LIAISON_LOOP_STATUS_REGISTERED, LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, no_answer, "Write the answer given on the spot." },
    { LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, no_lead, "Choose the lead unit." },
    { LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, lead_is_co, "The lead unit cannot also be a co-unit." },
    { LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, no_due, "Set a due date." },
    { LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, due_before, "The due date cannot be before the day of referral." },
    { LIAISON_LOOP_STATUS_TAKEN_UP, LIAISON_LOOP_MOVE_REFER, due_same_day, NULL },
    { LIAISON_LOOP_STATUS_REFERRED, LIAISON_LOOP_MOVE_REPLY, no_reply, "Write the reply." },
    { LIAISON_LOOP_STATUS_REFERRED, LIAISON_LOOP_MOVE_REPLY, no_unit, "Choose the unit that replied." },
    { LIAISON_LOOP_STATUS_IN_PROGRESS, LIAISON_LOOP_MOVE_REPLY, no_reply_date, "Set the date of the reply." },
    { LIAISON_LOOP_STATUS_IN_PROGRESS, LIAISON_LOOP_MOVE_REPLY, bad_sha, "An attachment is not identified by its SHA-256 checksum." },
    { LIAISON_LOOP_STATUS_REPLIED, LIAISON_LOOP_MOVE_RATE, no_rater, "Say who asked the citizen for the rating." },
    { LIAISON_LOOP_STATUS_REPLIED, LIAISON_LOOP_MOVE_RATE, bad_rating, "Choose satisfied, basically satisfied or unsatisfied." },
    { LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT, LIAISON_LOOP_MOVE_RATE, bad_asked, "Say how the rating was asked: in person or by phone." },
    { LIAISON_LOOP_STATUS_REFERRED, LIAISON_LOOP_MOVE_SUPERVISE, no_note, "Write a supervision note." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaisonLoopState) state = state_at (LIAISON_LOOP_KIND_PUBLIC_OPINION, cases[i].status);
      LiaisonLoopRole role = (LiaisonLoopRole) move_owner_public[cases[i].move];
      g_autoptr(LiaisonLoopEvent) event = full_event (cases[i].move, role,
                                                      LIAISON_LOOP_KIND_PUBLIC_OPINION, utc (9, 1, 4));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      cases[i].mutate (event);
      if (cases[i].message == NULL)
        {
          g_assert_true (liaison_loop_check_move (state, cases[i].move, role, event, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (liaison_loop_check_move (state, cases[i].move, role, event, &error));
          g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

/* Checks, applies and keeps an event, asserting that applying it left it
 * exactly as it was. */
static void
record (LiaisonLoopState *state,
        GPtrArray        *timeline,
        LiaisonLoopEvent *event)
{
  g_autoptr(LiaisonLoopEvent) before = liaison_loop_event_copy (event);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_loop_check_move (state, event->move, event->role, event, &error));
  g_assert_no_error (error);
  liaison_loop_apply (state, event);
  g_assert_true (liaison_loop_event_equal (before, event));
  g_ptr_array_add (timeline, event);
}

static void
assert_strv_eq (GStrv a,
                GStrv b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) b));
}

static void
assert_date_eq (const GDate *a,
                const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_state_eq (const LiaisonLoopState *a,
                 const LiaisonLoopState *b)
{
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpuint (a->round, ==, b->round);
  g_assert_cmpuint (a->n_events, ==, b->n_events);
  assert_date_eq (&a->registered_on, &b->registered_on);
  g_assert_cmpstr (a->registered_by, ==, b->registered_by);
  assert_strv_eq (a->co_signers, b->co_signers);
  g_assert_cmpstr (a->deputy_uuid, ==, b->deputy_uuid);
  g_assert_cmpstr (a->deputy_name, ==, b->deputy_name);
  g_assert_cmpstr (a->answer, ==, b->answer);
  g_assert_cmpstr (a->lead_unit_uuid, ==, b->lead_unit_uuid);
  assert_strv_eq (a->co_unit_uuids, b->co_unit_uuids);
  assert_date_eq (&a->referred_on, &b->referred_on);
  assert_date_eq (&a->due_date, &b->due_date);
  g_assert_cmpstr (a->reply_text, ==, b->reply_text);
  assert_date_eq (&a->reply_date, &b->reply_date);
  g_assert_cmpstr (a->replying_unit_uuid, ==, b->replying_unit_uuid);
  assert_strv_eq (a->attachments, b->attachments);
  g_assert_cmpuint (a->n_replies, ==, b->n_replies);
  g_assert_cmpuint (a->n_late_replies, ==, b->n_late_replies);
  g_assert_cmpint (a->rated, ==, b->rated);
  g_assert_cmpint (a->last_rating, ==, b->last_rating);
  g_assert_cmpint (a->last_asked, ==, b->last_asked);
  g_assert_cmpstr (a->last_rated_by, ==, b->last_rated_by);
  g_assert_cmpuint (a->n_unsatisfied, ==, b->n_unsatisfied);
  g_assert_cmpint (a->key_supervision, ==, b->key_supervision);
  g_assert_cmpuint (a->n_supervision_notes, ==, b->n_supervision_notes);
  g_assert_cmpstr (a->withdraw_reason, ==, b->withdraw_reason);
  g_assert_cmpuint (a->rejected->len, ==, b->rejected->len);
}

/* The end-to-end story of issue 4: referred, replied, rated unsatisfied,
 * referred again, replied, rated satisfied, closed. */
/* A reply comes from a unit the round was referred to, and is not dated
 * after the day it is recorded (in any replica's time zone). */
static void
test_reply_rules (void)
{
  g_autoptr(LiaisonLoopState) state = state_at (LIAISON_LOOP_KIND_PUBLIC_OPINION, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_autoptr(LiaisonLoopEvent) refer = full_event (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ,
                                                  LIAISON_LOOP_KIND_PUBLIC_OPINION, utc (9, 1, 4));
  static const struct {
    const char *unit;
    int         day;     /* of September; recorded on 2025-09-10 at 23:00 UTC */
    const char *message; /* NULL: accepted */
  } cases[] = {
    { "unit-a", 10, NULL },
    { "unit-b", 10, NULL },
    { "unit-c", 10, "The reply must come from the lead unit or a co-unit of the referral." },
    { "unit-a", 11, NULL },   /* already the 11th in China */
    { "unit-a", 12, "The reply cannot be dated after the day it is recorded." },
    { "unit-a", 30, "The reply cannot be dated after the day it is recorded." },
  };

  g_assert_true (liaison_loop_check_move (state, LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, refer, NULL));
  liaison_loop_apply (state, refer);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REFERRED);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaisonLoopEvent) reply = full_event (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ,
                                                      LIAISON_LOOP_KIND_PUBLIC_OPINION, utc (9, 10, 23));
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_free (reply->replying_unit_uuid);
      reply->replying_unit_uuid = g_strdup (cases[i].unit);
      g_date_set_dmy (&reply->reply_date, (GDateDay) cases[i].day, 9, 2025);
      if (cases[i].message == NULL)
        {
          g_assert_true (liaison_loop_check_move (state, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, reply, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (liaison_loop_check_move (state, LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, reply, &error));
          g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

/* Whoever tries to take up a deputy's own suggestion is told that nobody does. */
static void
test_deputy_suggestion_not_taken_up (void)
{
  g_autoptr(LiaisonLoopState) state = state_at (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, LIAISON_LOOP_STATUS_REGISTERED);

  for (guint r = 0; r < LIAISON_N_LOOP_ROLES; r++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (liaison_loop_check_move (state, LIAISON_LOOP_MOVE_TAKE_UP, (LiaisonLoopRole) r, NULL, &error));
      g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
      g_assert_cmpstr (error->message, ==, "A deputy’s own suggestion is not taken up: headquarters refers it directly.");
    }
}

static void
test_two_rounds (void)
{
  g_autoptr(LiaisonLoopState) state = liaison_loop_state_new ();
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  g_autoptr(LiaisonLoopState) replayed = NULL;
  g_autoptr(LiaisonLoopState) copy = NULL;
  g_autoptr(GArray) allowed = NULL;
  LiaisonLoopEvent *event;
  const LiaisonLoopKind k = LIAISON_LOOP_KIND_PUBLIC_OPINION;

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REGISTER, S, k, utc (9, 1, 2)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
  g_assert_cmpuint (state->round, ==, 1);
  g_assert_cmpstr (state->registered_by, ==, "Station clerk");

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_TAKE_UP, D, k, utc (9, 1, 3)));
  g_assert_cmpstr (state->deputy_name, ==, "Deputy Wang");
  g_assert_cmpstr (state->deputy_uuid, ==, "dep-1");

  /* Referred on 2025-09-02, due 2025-09-23 (full_event: +21 days). */
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 2, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REFERRED);
  g_assert_cmpstr (state->lead_unit_uuid, ==, "unit-a");
  g_assert_cmpstr (state->co_unit_uuids[0], ==, "unit-b");
  g_assert_cmpuint (g_date_get_day (&state->due_date), ==, 23);

  /* Supervision leaves the state alone. */
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_SUPERVISE, H, k, utc (9, 3, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REFERRED);
  g_assert_true (state->key_supervision);
  g_assert_cmpuint (state->n_supervision_notes, ==, 1);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_START, H, k, utc (9, 4, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_IN_PROGRESS);

  /* Replied on 2025-09-30: a week after the due date of 09-23. */
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (9, 30, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REPLIED);
  g_assert_cmpuint (state->n_replies, ==, 1);
  g_assert_cmpuint (state->n_late_replies, ==, 1);

  event = full_event (LIAISON_LOOP_MOVE_RATE, S, k, utc (10, 9, 4));
  event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  record (state, timeline, event);
  /* Reopened: back to awaiting referral, second round, last round cleared. */
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (state->round, ==, 2);
  g_assert_cmpuint (state->n_unsatisfied, ==, 1);
  g_assert_true (state->rated);
  g_assert_cmpint (state->last_rating, ==, LIAISON_LOOP_RATING_UNSATISFIED);
  g_assert_null (state->lead_unit_uuid);
  g_assert_false (g_date_valid (&state->due_date));
  g_assert_cmpstr (liaison_loop_state_describe (state), ==, "Reopened, awaiting referral");
  allowed = liaison_loop_allowed_moves (state, H);
  g_assert_cmpuint (allowed->len, ==, 2);
  g_assert_cmpint (g_array_index (allowed, LiaisonLoopMove, 0), ==, LIAISON_LOOP_MOVE_REFER);
  g_assert_cmpint (g_array_index (allowed, LiaisonLoopMove, 1), ==, LIAISON_LOOP_MOVE_SUPERVISE);

  /* Round 2: referred 10-10 (due 10-31), replied 10-20, in time. */
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (10, 10, 4)));
  g_assert_cmpuint (state->round, ==, 2);
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (10, 20, 4)));
  g_assert_cmpuint (state->n_replies, ==, 2);
  g_assert_cmpuint (state->n_late_replies, ==, 1);

  event = full_event (LIAISON_LOOP_MOVE_RATE, S, k, utc (10, 22, 4));
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_IN_PERSON;
  record (state, timeline, event);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_cmpuint (state->round, ==, 2);
  g_assert_cmpint (state->last_asked, ==, LIAISON_LOOP_ASKED_IN_PERSON);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_CLOSE, H, k, utc (10, 23, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_CLOSED);
  g_assert_cmpuint (state->n_events, ==, 11);
  for (guint r = 0; r < LIAISON_N_LOOP_ROLES; r++)
    {
      g_autoptr(GArray) none = liaison_loop_allowed_moves (state, (LiaisonLoopRole) r);
      g_assert_cmpuint (none->len, ==, 0);
    }

  /* Replay, in any order, adds up to the same state. */
  replayed = liaison_loop_replay (timeline);
  assert_state_eq (replayed, state);
  for (guint i = timeline->len; i > 0; i--)
    g_ptr_array_add (shuffled, g_ptr_array_index (timeline, (i * 7) % timeline->len));
  g_assert_cmpuint (shuffled->len, ==, timeline->len);
  g_clear_pointer (&replayed, liaison_loop_state_free);
  replayed = liaison_loop_replay (shuffled);
  assert_state_eq (replayed, state);
  g_assert_cmpuint (replayed->rejected->len, ==, 0);

  copy = liaison_loop_state_copy (replayed);
  assert_state_eq (copy, state);
}

/* Two ends make a move at once: the later one in (at, uuid) order loses,
 * stays on the timeline and changes nothing. */
static void
test_replay_conflict (void)
{
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(LiaisonLoopState) state = NULL;
  const LiaisonLoopKind k = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  LiaisonLoopEvent *late_withdraw;

  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_REGISTER, S, k, utc (9, 1, 2)));
  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_TAKE_UP, D, k, utc (9, 1, 3)));
  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 2, 4)));
  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (9, 5, 4)));
  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_RATE, S, k, utc (9, 8, 4)));
  /* Withdrawn at the station after the rating synced from elsewhere. */
  late_withdraw = full_event (LIAISON_LOOP_MOVE_WITHDRAW, S, k, utc (9, 8, 5));
  g_ptr_array_add (timeline, late_withdraw);
  /* A second "take up" by another deputy at the same moment as the first. */
  g_ptr_array_add (timeline, full_event (LIAISON_LOOP_MOVE_TAKE_UP, D, k, utc (9, 1, 3)));

  state = liaison_loop_replay (timeline);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_cmpuint (state->n_events, ==, 5);
  g_assert_cmpuint (state->rejected->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (state->rejected, 0), ==, ((LiaisonLoopEvent *) g_ptr_array_index (timeline, 6))->uuid);
  g_assert_cmpstr (g_ptr_array_index (state->rejected, 1), ==, late_withdraw->uuid);
  /* The timeline itself is untouched. */
  g_assert_cmpuint (timeline->len, ==, 7);
  g_assert_true (g_ptr_array_index (timeline, 5) == late_withdraw);
}

static void
test_answer_on_spot (void)
{
  g_autoptr(LiaisonLoopState) state = liaison_loop_state_new ();
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  const LiaisonLoopKind k = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  LiaisonLoopEvent *event;

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REGISTER, S, k, utc (9, 1, 2)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, D, k, utc (9, 1, 3)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT);
  g_assert_cmpstr (state->answer, ==, "The bus timetable is posted at the stop.");

  /* Unsatisfied with the answer on the spot: it goes to referral. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, S, k, utc (9, 2, 3));
  event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  record (state, timeline, event);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (state->round, ==, 2);
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 3, 3)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_REFERRED);
}

static void
test_deputy_suggestion_blind (void)
{
  g_autoptr(LiaisonLoopState) state = liaison_loop_state_new ();
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(LiaisonLoopEvent) named = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopKind k = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  LiaisonLoopEvent *event;

  /* Station staff cannot file a deputy's suggestion. */
  event = full_event (LIAISON_LOOP_MOVE_REGISTER, S, k, utc (9, 1, 2));
  g_assert_false (liaison_loop_check_move (state, event->move, S, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_ROLE);
  g_clear_error (&error);
  liaison_loop_event_free (event);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REGISTER, D, k, utc (9, 1, 2)));
  g_assert_cmpint (state->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_assert_cmpuint (g_strv_length (state->co_signers), ==, 2);
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 2, 4)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (9, 20, 4)));

  /* A rating that names the rater is refused: the unit must not see it. */
  named = full_event (LIAISON_LOOP_MOVE_RATE, D, k, utc (9, 25, 4));
  named->actor_name = g_strdup ("Deputy Wang");
  g_assert_false (liaison_loop_check_move (state, named->move, D, named, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  g_clear_error (&error);
  g_clear_pointer (&named->actor_name, g_free);
  named->rated_by = g_strdup ("Deputy Wang");
  g_assert_false (liaison_loop_check_move (state, named->move, D, named, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_RATE, D, k, utc (9, 25, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_null (state->last_rated_by);
  for (guint i = 0; i < timeline->len; i++)
    {
      LiaisonLoopEvent *e = g_ptr_array_index (timeline, i);
      if (e->move == LIAISON_LOOP_MOVE_RATE)
        {
          g_assert_null (e->actor_name);
          g_assert_null (e->rated_by);
        }
    }
}

/* The citizen's own rating on the public site (docs/online.md): legal
 * exactly where the station's is, never naming anyone, always online;
 * an unsatisfied one reopens the item as the station's would. */
static void
test_citizen_rating (void)
{
  g_autoptr(LiaisonLoopState) state = liaison_loop_state_new ();
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(LiaisonLoopState) replayed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const LiaisonLoopKind k = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  LiaisonLoopEvent *event;

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REGISTER, S, k, utc (9, 1, 2)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_TAKE_UP, D, k, utc (9, 1, 3)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 2, 4)));

  /* Before a reply: refused, with the state's reason. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, C, k, utc (9, 3, 4));
  g_assert_false (liaison_loop_check_move (state, event->move, C, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
  g_clear_error (&error);
  liaison_loop_event_free (event);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (9, 10, 4)));

  /* Naming someone, or asked other than online: refused. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, C, k, utc (9, 11, 4));
  event->actor_name = g_strdup ("李明");
  g_assert_false (liaison_loop_check_move (state, event->move, C, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  g_clear_error (&error);
  g_clear_pointer (&event->actor_name, g_free);
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  g_assert_false (liaison_loop_check_move (state, event->move, C, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  g_clear_error (&error);
  liaison_loop_event_free (event);
  /* Nor may the station's staff record a rating as made online. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, S, k, utc (9, 11, 4));
  event->asked = LIAISON_LOOP_ASKED_ONLINE;
  g_assert_false (liaison_loop_check_move (state, event->move, S, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_MISSING);
  g_clear_error (&error);
  liaison_loop_event_free (event);
  /* The citizen makes no other move. */
  event = full_event (LIAISON_LOOP_MOVE_WITHDRAW, C, k, utc (9, 11, 4));
  g_assert_false (liaison_loop_check_move (state, event->move, C, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_ROLE);
  g_clear_error (&error);
  liaison_loop_event_free (event);

  /* Unsatisfied: reopened, round 2, awaiting referral. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, C, k, utc (9, 12, 4));
  event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
  record (state, timeline, event);
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (state->round, ==, 2);
  g_assert_cmpint (state->last_asked, ==, LIAISON_LOOP_ASKED_ONLINE);
  g_assert_null (state->last_rated_by);
  title = liaison_loop_event_title (event);
  g_assert_cmpstr (title, ==, "Rated online by the citizen: Unsatisfied");

  /* Twice in a row: the second has nothing to rate. */
  event = full_event (LIAISON_LOOP_MOVE_RATE, C, k, utc (9, 12, 5));
  g_assert_false (liaison_loop_check_move (state, event->move, C, event, &error));
  g_assert_error (error, LIAISON_LOOP_ERROR, LIAISON_LOOP_ERROR_STATE);
  g_clear_error (&error);
  liaison_loop_event_free (event);

  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REFER, H, k, utc (9, 13, 4)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_REPLY, H, k, utc (9, 20, 4)));
  record (state, timeline, full_event (LIAISON_LOOP_MOVE_RATE, C, k, utc (9, 21, 4)));
  g_assert_cmpint (state->status, ==, LIAISON_LOOP_STATUS_RATED);

  replayed = liaison_loop_replay (timeline);
  assert_state_eq (replayed, state);
  g_assert_cmpuint (replayed->rejected->len, ==, 0);
}

static void
test_codes (void)
{
  for (guint i = 0; i < LIAISON_N_LOOP_STATUSES; i++)
    {
      LiaisonLoopStatus back;
      g_assert_true (liaison_loop_status_from_code (liaison_loop_status_to_code (i), &back));
      g_assert_cmpuint (back, ==, i);
      g_assert_nonnull (liaison_loop_status_label (i));
    }
  for (guint i = 0; i < LIAISON_N_LOOP_MOVES; i++)
    {
      LiaisonLoopMove back;
      g_assert_true (liaison_loop_move_from_code (liaison_loop_move_to_code (i), &back));
      g_assert_cmpuint (back, ==, i);
    }
  for (guint i = 0; i < LIAISON_N_LOOP_ROLES; i++)
    {
      LiaisonLoopRole back;
      g_assert_true (liaison_loop_role_from_code (liaison_loop_role_to_code (i), &back));
      g_assert_cmpuint (back, ==, i);
    }
  g_assert_cmpstr (liaison_loop_rating_to_code (LIAISON_LOOP_RATING_BASICALLY_SATISFIED), ==, "basically_satisfied");
  g_assert_cmpstr (liaison_loop_asked_to_code (LIAISON_LOOP_ASKED_IN_PERSON), ==, "in_person");
  g_assert_cmpstr (liaison_loop_asked_to_code (LIAISON_LOOP_ASKED_ONLINE), ==, "online");
  g_assert_cmpstr (liaison_loop_role_to_code (LIAISON_LOOP_ROLE_CITIZEN), ==, "citizen");
  g_assert_cmpstr (liaison_loop_kind_to_code (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION), ==, "deputy_suggestion");
  g_assert_cmpstr (liaison_loop_status_to_code (LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT), ==, "answered_on_spot");
  {
    LiaisonLoopRating rating;
    g_assert_false (liaison_loop_rating_from_code ("happy", &rating));
    g_assert_false (liaison_loop_rating_from_code (NULL, &rating));
  }
  g_assert_cmpuint (liaison_loop_kind_default_limit (LIAISON_LOOP_KIND_PUBLIC_OPINION).working_days, ==, 15);
  g_assert_cmpuint (liaison_loop_kind_default_limit (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION).months, ==, 3);
}

/* The timeline says what was done, not what to do: every move has its own
 * title, none of them a button's label. */
static void
test_event_titles (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint move = 0; move < LIAISON_N_LOOP_MOVES; move++)
    {
      g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_new (move, LIAISON_LOOP_ROLE_HQ);
      char *title;

      if (move == LIAISON_LOOP_MOVE_RATE)
        event->rating = LIAISON_LOOP_RATING_UNSATISFIED;
      title = liaison_loop_event_title (event);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      if (move != LIAISON_LOOP_MOVE_CLOSE && move != LIAISON_LOOP_MOVE_SUPERVISE)
        g_assert_cmpstr (title, !=, liaison_loop_move_label (move));
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, title);
    }

  {
    g_autoptr(LiaisonLoopEvent) reply = liaison_loop_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ);
    g_autoptr(LiaisonLoopEvent) rate = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION);
    g_autoptr(LiaisonLoopEvent) supervise = liaison_loop_event_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ);
    g_autofree char *reply_title = liaison_loop_event_title (reply);
    g_autofree char *rate_title = NULL;
    g_autofree char *note_title = NULL;
    g_autofree char *key_title = NULL;

    rate->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
    rate_title = liaison_loop_event_title (rate);
    note_title = liaison_loop_event_title (supervise);
    supervise->key_supervision = TRUE;
    key_title = liaison_loop_event_title (supervise);
    g_assert_cmpstr (reply_title, ==, "Reply received");
    g_assert_cmpstr (rate_title, ==, "Rated: Basically satisfied");
    g_assert_cmpstr (note_title, ==, "Supervision note");
    g_assert_cmpstr (key_title, ==, "Put under key supervision");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Event days are taken in local time; pin it. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loop/table/public-opinion", test_table_public);
  g_test_add_func ("/loop/table/deputy-suggestion", test_table_deputy);
  g_test_add_func ("/loop/messages", test_messages);
  g_test_add_func ("/loop/payload", test_payload);
  g_test_add_func ("/loop/reply-rules", test_reply_rules);
  g_test_add_func ("/loop/deputy-suggestion-not-taken-up", test_deputy_suggestion_not_taken_up);
  g_test_add_func ("/loop/two-rounds", test_two_rounds);
  g_test_add_func ("/loop/replay-conflict", test_replay_conflict);
  g_test_add_func ("/loop/answer-on-spot", test_answer_on_spot);
  g_test_add_func ("/loop/deputy-suggestion-blind", test_deputy_suggestion_blind);
  g_test_add_func ("/loop/citizen-rating", test_citizen_rating);
  g_test_add_func ("/loop/codes", test_codes);
  g_test_add_func ("/loop/event-titles", test_event_titles);

  return g_test_run ();
}
