/* liaison-loop-codes.c: the closed loop's codes and their words: statuses,
 * roles, moves, kinds, ratings, what a move did and what a state is called. */
#define G_LOG_DOMAIN "liaison-loop"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-codes.h"
#include "liaison-loop.h"

static const LiaisonCodeLabel statuses[] = {
  /* Translators: the state of a suggestion of which nothing is recorded yet */
  { "none",             N_("Not registered") },
  { "registered",       N_("Registered") },
  { "taken_up",         N_("Taken up") },
  { "answered_on_spot", N_("Answered on the spot") },
  { "referred",         N_("Referred") },
  { "in_progress",      N_("In progress") },
  { "replied",          N_("Replied") },
  { "rated",            N_("Rated") },
  { "closed",           N_("Closed") },
  { "withdrawn",        N_("Withdrawn") },
};

static const LiaisonCodeLabel roles[] = {
  { "station", N_("Station staff") },
  { "deputy",  N_("Deputy") },
  { "hq",      N_("Headquarters") },
  /* Translators: the role of a citizen who rated a reply on the public site */
  { "citizen", N_("Citizen") },
};

/* Labels of the moves are what a page's buttons say. */
static const LiaisonCodeLabel moves[] = {
  { "register",       N_("Register") },
  { "take_up",        N_("Take up") },
  { "answer_on_spot", N_("Answer on the spot") },
  { "refer",          N_("Refer") },
  /* Translators: a unit has started handling a referred suggestion */
  { "start",          N_("Mark in progress") },
  { "reply",          N_("Record reply") },
  { "rate",           N_("Record rating") },
  { "close",          N_("Close") },
  { "withdraw",       N_("Withdraw") },
  { "supervise",      N_("Supervise") },
};

static const LiaisonCodeLabel kinds[] = {
  { "public_opinion",    N_("Public opinion") },
  { "deputy_suggestion", N_("Deputy's suggestion") },
};

static const LiaisonCodeLabel ratings[] = {
  { "satisfied",           N_("Satisfied") },
  { "basically_satisfied", N_("Basically satisfied") },
  { "unsatisfied",         N_("Unsatisfied") },
};

static const LiaisonCodeLabel asked[] = {
  /* Translators: how the citizen was asked for a rating */
  { "in_person", N_("In person") },
  /* Translators: how the citizen was asked for a rating */
  { "phone",     N_("By phone") },
  /* Translators: how the citizen was asked for a rating: on the public site */
  { "online",    N_("Online") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == LIAISON_N_LOOP_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == LIAISON_N_LOOP_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (moves) == LIAISON_N_LOOP_MOVES);
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == LIAISON_N_LOOP_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (ratings) == LIAISON_N_LOOP_RATINGS);
G_STATIC_ASSERT (G_N_ELEMENTS (asked) == LIAISON_N_LOOP_ASKED);

/* What a move did, as a timeline shows it: the buttons say what to do
 * ("Record reply"), the timeline what was done ("Replied"). */
static const char *const move_titles[LIAISON_N_LOOP_MOVES] = {
  [LIAISON_LOOP_MOVE_REGISTER]       = N_("Registered"),
  [LIAISON_LOOP_MOVE_TAKE_UP]        = N_("Taken up by a deputy"),
  [LIAISON_LOOP_MOVE_ANSWER_ON_SPOT] = N_("Answered on the spot"),
  [LIAISON_LOOP_MOVE_REFER]          = N_("Referred to units"),
  [LIAISON_LOOP_MOVE_START]          = N_("Handling started"),
  [LIAISON_LOOP_MOVE_REPLY]          = N_("Reply received"),
  [LIAISON_LOOP_MOVE_RATE]           = N_("Rated"),
  [LIAISON_LOOP_MOVE_CLOSE]          = N_("Closed"),
  [LIAISON_LOOP_MOVE_WITHDRAW]       = N_("Withdrawn"),
  [LIAISON_LOOP_MOVE_SUPERVISE]      = N_("Supervision note"),
};

char *
liaison_loop_event_title (const LiaisonLoopEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail ((guint) event->move < LIAISON_N_LOOP_MOVES, NULL);

  if (event->move == LIAISON_LOOP_MOVE_RATE && (guint) event->rating < LIAISON_N_LOOP_RATINGS &&
      event->role == LIAISON_LOOP_ROLE_CITIZEN)
    /* Translators: the citizen's own rating on the public site, on the timeline: "Rated online by the citizen: Satisfied" */
    return g_strdup_printf (_("Rated online by the citizen: %s"), liaison_loop_rating_label (event->rating));
  if (event->move == LIAISON_LOOP_MOVE_RATE && (guint) event->rating < LIAISON_N_LOOP_RATINGS)
    /* Translators: a rating on the timeline, "Rated: Satisfied" */
    return g_strdup_printf (_("Rated: %s"), liaison_loop_rating_label (event->rating));
  if (event->move == LIAISON_LOOP_MOVE_SUPERVISE)
    return g_strdup (event->key_supervision ? _("Put under key supervision") : _("Supervision note"));
  return g_strdup (_(move_titles[event->move]));
}

LIAISON_DEFINE_CODES (LiaisonLoopStatus, liaison_loop_status, statuses)
LIAISON_DEFINE_CODES (LiaisonLoopRole, liaison_loop_role, roles)
LIAISON_DEFINE_CODES (LiaisonLoopMove, liaison_loop_move, moves)
LIAISON_DEFINE_CODES (LiaisonLoopKind, liaison_loop_kind, kinds)
LIAISON_DEFINE_CODES (LiaisonLoopRating, liaison_loop_rating, ratings)
LIAISON_DEFINE_CODES (LiaisonLoopAsked, liaison_loop_asked, asked)

const char *
liaison_loop_state_describe (const LiaisonLoopState *state)
{
  if (state->status == LIAISON_LOOP_STATUS_TAKEN_UP && state->round > 1)
    return _("Reopened, awaiting referral");
  if (state->status == LIAISON_LOOP_STATUS_TAKEN_UP &&
      state->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    return _("Awaiting referral");
  return liaison_loop_status_label (state->status);
}
