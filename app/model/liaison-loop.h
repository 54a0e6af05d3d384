/* liaison-loop.h: the closed loop of a suggestion, as a state machine.
 *
 * A suggestion's life is a timeline of immutable events (moves). Its state
 * is never stored on its own: it is derived by folding the events in order
 * (liaison_loop_replay()). Before a move is recorded, liaison_loop_check_move()
 * decides whether the current state and role allow it and whether the event
 * carries what the move needs. The full rules are in docs/closed-loop.md.
 */
#pragma once

#include <glib.h>

#include "liaison-calendar.h"

G_BEGIN_DECLS

#define LIAISON_LOOP_ERROR (liaison_loop_error_quark ())
GQuark liaison_loop_error_quark (void);

typedef enum {
  LIAISON_LOOP_ERROR_ROLE,     /* this role may not make this move */
  LIAISON_LOOP_ERROR_STATE,    /* the move is not possible in the current state */
  LIAISON_LOOP_ERROR_MISSING,  /* the event lacks what the move needs */
} LiaisonLoopError;

typedef enum {
  LIAISON_LOOP_STATUS_NONE,              /* nothing recorded yet: only "register" */
  LIAISON_LOOP_STATUS_REGISTERED,
  LIAISON_LOOP_STATUS_TAKEN_UP,          /* also "awaiting referral" after an unsatisfied rating */
  LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT,
  LIAISON_LOOP_STATUS_REFERRED,
  LIAISON_LOOP_STATUS_IN_PROGRESS,
  LIAISON_LOOP_STATUS_REPLIED,
  LIAISON_LOOP_STATUS_RATED,             /* satisfied or basically satisfied */
  LIAISON_LOOP_STATUS_CLOSED,
  LIAISON_LOOP_STATUS_WITHDRAWN,
  LIAISON_N_LOOP_STATUSES
} LiaisonLoopStatus;

typedef enum {
  LIAISON_LOOP_ROLE_STATION,
  LIAISON_LOOP_ROLE_DEPUTY,
  LIAISON_LOOP_ROLE_HQ,
  LIAISON_LOOP_ROLE_CITIZEN,  /* the citizen's own online rating; only liaison-hq's public site writes it */
  LIAISON_N_LOOP_ROLES
} LiaisonLoopRole;

typedef enum {
  LIAISON_LOOP_MOVE_REGISTER,
  LIAISON_LOOP_MOVE_TAKE_UP,
  LIAISON_LOOP_MOVE_ANSWER_ON_SPOT,
  LIAISON_LOOP_MOVE_REFER,
  LIAISON_LOOP_MOVE_START,
  LIAISON_LOOP_MOVE_REPLY,
  LIAISON_LOOP_MOVE_RATE,
  LIAISON_LOOP_MOVE_CLOSE,
  LIAISON_LOOP_MOVE_WITHDRAW,
  LIAISON_LOOP_MOVE_SUPERVISE,
  LIAISON_N_LOOP_MOVES
} LiaisonLoopMove;

typedef enum {
  LIAISON_LOOP_KIND_PUBLIC_OPINION,     /* 社情民意: a citizen's, logged by a station */
  LIAISON_LOOP_KIND_DEPUTY_SUGGESTION,  /* 议案建议: a deputy's own, with co-signers */
  LIAISON_N_LOOP_KINDS
} LiaisonLoopKind;

typedef enum {
  LIAISON_LOOP_RATING_SATISFIED,
  LIAISON_LOOP_RATING_BASICALLY_SATISFIED,
  LIAISON_LOOP_RATING_UNSATISFIED,
  LIAISON_N_LOOP_RATINGS
} LiaisonLoopRating;

typedef enum {
  LIAISON_LOOP_ASKED_IN_PERSON,
  LIAISON_LOOP_ASKED_PHONE,
  LIAISON_LOOP_ASKED_ONLINE,  /* the citizen rated on the public site (role citizen only) */
  LIAISON_N_LOOP_ASKED
} LiaisonLoopAsked;

/* One move on the timeline. Never edited once recorded: the loop functions
 * take it const, and the store keeps it forever. Only the fields of its
 * move are meaningful; the others stay NULL / invalid / 0. */
typedef struct {
  char             *uuid;
  char             *suggestion_uuid;
  LiaisonLoopMove   move;
  LiaisonLoopRole   role;
  char             *actor_name;       /* who; NULL for a blind rating */
  GDateTime        *at;               /* UTC */
  char             *note;

  /* register */
  LiaisonLoopKind   kind;
  GStrv             co_signers;       /* deputy_suggestion: co-signing deputies' uuids */
  /* take_up, answer_on_spot */
  char             *deputy_uuid;
  char             *answer;           /* answer_on_spot */
  /* refer */
  char             *lead_unit_uuid;
  GStrv             co_unit_uuids;
  GDate             due_date;
  /* reply */
  char             *reply_text;
  GDate             reply_date;
  char             *replying_unit_uuid;
  GStrv             attachments;      /* SHA-256 hex of each attached file */
  GStrv             attachment_names; /* NULL, or each file's name, in the same order */
  /* rate */
  LiaisonLoopRating rating;
  LiaisonLoopAsked  asked;
  char             *rated_by;         /* the staff member who asked; NULL when blind */
  /* withdraw */
  char             *reason;
  /* supervise */
  gboolean          key_supervision;  /* on or off after this move */
} LiaisonLoopEvent;

/* What the timeline adds up to. */
typedef struct {
  LiaisonLoopStatus status;
  LiaisonLoopKind   kind;
  guint             round;            /* 1 from registration; +1 per unsatisfied rating */
  guint             n_events;         /* applied */
  GDate             registered_on;    /* local date of the register event */
  char             *registered_by;
  GStrv             co_signers;
  char             *deputy_uuid;      /* who took it up or answered it */
  char             *deputy_name;
  char             *answer;
  /* the current round's referral */
  char             *lead_unit_uuid;
  GStrv             co_unit_uuids;
  GDate             referred_on;
  GDate             due_date;
  /* the current round's reply */
  char             *reply_text;
  GDate             reply_date;
  char             *replying_unit_uuid;
  GStrv             attachments;
  guint             n_replies;        /* over all rounds */
  guint             n_late_replies;   /* replied after that round's due date */
  /* the latest rating */
  gboolean          rated;
  LiaisonLoopRating last_rating;
  LiaisonLoopAsked  last_asked;
  char             *last_rated_by;    /* NULL for a blind rating */
  guint             n_unsatisfied;
  /* supervision */
  gboolean          key_supervision;
  guint             n_supervision_notes;
  char             *withdraw_reason;
  /* replay only: uuids of events that could not be applied (the losing side
   * of a conflict); they stay on the timeline but change nothing. */
  GPtrArray        *rejected;
} LiaisonLoopState;

/* Stable codes, as stored and synced; labels are translated. */
const char *liaison_loop_status_to_code   (LiaisonLoopStatus status);
gboolean    liaison_loop_status_from_code (const char *code, LiaisonLoopStatus *status);
const char *liaison_loop_status_label     (LiaisonLoopStatus status);
const char *liaison_loop_role_to_code     (LiaisonLoopRole role);
gboolean    liaison_loop_role_from_code   (const char *code, LiaisonLoopRole *role);
const char *liaison_loop_role_label       (LiaisonLoopRole role);
const char *liaison_loop_move_to_code     (LiaisonLoopMove move);
gboolean    liaison_loop_move_from_code   (const char *code, LiaisonLoopMove *move);
const char *liaison_loop_move_label       (LiaisonLoopMove move);
const char *liaison_loop_kind_to_code     (LiaisonLoopKind kind);
gboolean    liaison_loop_kind_from_code   (const char *code, LiaisonLoopKind *kind);
const char *liaison_loop_kind_label       (LiaisonLoopKind kind);
const char *liaison_loop_rating_to_code   (LiaisonLoopRating rating);
gboolean    liaison_loop_rating_from_code (const char *code, LiaisonLoopRating *rating);
const char *liaison_loop_rating_label     (LiaisonLoopRating rating);
const char *liaison_loop_asked_to_code    (LiaisonLoopAsked asked);
gboolean    liaison_loop_asked_from_code  (const char *code, LiaisonLoopAsked *asked);
const char *liaison_loop_asked_label      (LiaisonLoopAsked asked);

/* What @event did, for a timeline: "Reply received", "Rated: Satisfied". */
char             *liaison_loop_event_title (const LiaisonLoopEvent *event);

/* Whether an event's text is not given: NULL, empty or ASCII spaces only. */
gboolean          liaison_loop_text_is_blank (const char *text);
/* Whether @text names an attachment: a SHA-256 in 64 hex digits. */
gboolean          liaison_loop_is_sha256     (const char *text);

LiaisonLoopEvent *liaison_loop_event_new   (LiaisonLoopMove          move,
                                            LiaisonLoopRole          role);
LiaisonLoopEvent *liaison_loop_event_copy  (const LiaisonLoopEvent  *event);
void              liaison_loop_event_free  (LiaisonLoopEvent        *event);
gboolean          liaison_loop_event_equal (const LiaisonLoopEvent  *a,
                                            const LiaisonLoopEvent  *b);
/* The timeline's order, (at, uuid), for g_ptr_array_sort() over a
 * GPtrArray of LiaisonLoopEvent: the order liaison_loop_replay() folds
 * them in. An event without a time sorts first. */
int               liaison_loop_event_compare (gconstpointer a,
                                              gconstpointer b);

LiaisonLoopState *liaison_loop_state_new   (void);
LiaisonLoopState *liaison_loop_state_copy  (const LiaisonLoopState  *state);
void              liaison_loop_state_free  (LiaisonLoopState        *state);

/* The role that may make @move on a suggestion of @kind. Rating and
 * withdrawing belong to whoever raised it: the station for a citizen's
 * item, the deputy for a deputy's suggestion. The citizen may also rate
 * their own item online (role citizen, asked online) wherever the
 * station may rate it: liaison_loop_check_move() allows that too. */
LiaisonLoopRole   liaison_loop_move_role   (LiaisonLoopKind          kind,
                                            LiaisonLoopMove          move);

/* Whether @role may make @move now. @event may be NULL to ask about the
 * move alone; given, its payload is checked too (a reason to withdraw, a
 * lead unit and due date to refer...). A refusal says why in words. */
gboolean          liaison_loop_check_move  (const LiaisonLoopState  *current,
                                            LiaisonLoopMove          move,
                                            LiaisonLoopRole          role,
                                            const LiaisonLoopEvent  *event,
                                            GError                 **error);

/* Folds @event into @state. The caller checks it first; applying a move
 * that check_move() refuses is a programming error (critical, no change).
 * @event is never changed. */
void              liaison_loop_apply       (LiaisonLoopState        *state,
                                            const LiaisonLoopEvent  *event);

/* The state a timeline adds up to. Events are taken in order of (at, uuid)
 * whatever their order in @events; one that check_move() refuses at its
 * turn is skipped and its uuid listed in ->rejected. @events is unchanged. */
LiaisonLoopState *liaison_loop_replay      (GPtrArray               *events);

/* The moves @role may make now, in LiaisonLoopMove order, as a GArray of
 * LiaisonLoopMove: the actions a page shows. */
GArray           *liaison_loop_allowed_moves (const LiaisonLoopState *state,
                                              LiaisonLoopRole         role);

/* Open: not yet closed or withdrawn (and registered). */
gboolean          liaison_loop_state_is_open (const LiaisonLoopState *state);
/* Waiting for a unit's reply: referred or in progress. */
gboolean          liaison_loop_state_awaits_reply (const LiaisonLoopState *state);
/* The deadline of the current round while it awaits a reply; NONE otherwise. */
LiaisonDeadline   liaison_loop_state_deadline (const LiaisonLoopState *state,
                                               const GDate            *today);

/* The default time limit headquarters applies at referral: 15 working days
 * for a citizen's item, 3 calendar months for a deputy's suggestion. */
LiaisonTimeLimit  liaison_loop_kind_default_limit (LiaisonLoopKind kind);

/* "Taken up", or "Reopened, awaiting referral" for a suggestion sent back
 * by an unsatisfied rating: what a page shows as its state. */
const char       *liaison_loop_state_describe (const LiaisonLoopState *state);

/* Whether the current round was referred to @unit_uuid, as lead unit or
 * co-unit: only such a unit replies. */
gboolean          liaison_loop_state_referred_to (const LiaisonLoopState *state,
                                                  const char             *unit_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonLoopEvent, liaison_loop_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonLoopState, liaison_loop_state_free)

G_END_DECLS
