/* liaison-store-loop.h: the closed loop in the store (docs/closed-loop.md).
 *
 * A suggestion's timeline is its register move plus the rows of the
 * insert-only suggestion_events table. The register move is not a row: it
 * is the suggestion record itself (uuid = the suggestion's uuid, at =
 * created_at, role station, or deputy for a deputy's suggestion, actor =
 * the station's name, or the filing deputy's), so that a suggestion and its
 * registration can never be apart.
 *
 * Adding a move: the timeline is read and replayed, the move checked with
 * liaison_loop_check_move(), and only an accepted move is inserted, with
 * the suggestion's cached loop columns (status, due date, ...) rewritten
 * from the new replay, in one transaction. Events are never updated or
 * deleted. A move refused by the rules fails with LIAISON_LOOP_ERROR and
 * the loop's translated message; nothing is written.
 *
 * Headquarters owns the loop rules (the holiday and make-up workday list
 * and the default time limit per kind); sync delivers them to every
 * replica as the one "loop_rules" record.
 */
#pragma once

#include "liaison-figures.h"
#include "liaison-loop.h"
#include "liaison-loop-rules.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* The rules this replica has: the last ones synced from headquarters, or
 * the defaults before any. */
LiaisonLoopRules *liaison_store_get_loop_rules (LiaisonStore           *self,
                                                GError                **error);
/* Headquarters only (refused with LIAISON_STORE_ERROR_INVALID on another
 * role): stores @rules as a new version of the loop_rules record, pending
 * push. A limit of 0 working days and 0 months is refused. */
gboolean          liaison_store_set_loop_rules (LiaisonStore           *self,
                                                const LiaisonLoopRules *rules,
                                                GError                **error);
/* The due date a referral made on @referral_day gets by default. */
void              liaison_store_default_due_date (LiaisonStore  *self,
                                                  LiaisonLoopKind kind,
                                                  const GDate   *referral_day,
                                                  GDate         *due);

/* The timeline of one suggestion, register move first, then by (at, uuid).
 * Returns: (transfer full) (element-type LiaisonLoopEvent) */
GPtrArray        *liaison_store_list_suggestion_events (LiaisonStore *self,
                                                        gint64        suggestion_id,
                                                        GError      **error);
/* The moves of that timeline recorded here that the server has not yet
 * acknowledged: uuid → NULL while waiting to be sent, or the server's
 * reason when it refused one (the move then stays out of headquarters'
 * timeline, and the page says so).
 * Returns: (transfer full): char * → char * (or NULL) */
GHashTable       *liaison_store_list_unsent_events (LiaisonStore *self,
                                                    gint64        suggestion_id,
                                                    GError      **error);
/* What @events, a timeline from liaison_store_list_suggestion_events(),
 * adds up to here: liaison_loop_replay() of it without the moves made here
 * that the server refused. Those will never be anywhere else, so the state
 * leaves them out, as every other replica does; they are listed in
 * ->rejected, and the move can be made again. */
LiaisonLoopState *liaison_store_replay_timeline (LiaisonStore  *self,
                                                 GPtrArray     *events);
/* liaison_store_replay_timeline() of that timeline. */
LiaisonLoopState *liaison_store_get_loop_state (LiaisonStore  *self,
                                                gint64         suggestion_id,
                                                GError       **error);

/**
 * liaison_store_add_suggestion_event:
 * @event: (inout): the move; role, actor_name and the move's fields set by
 *   the caller. A NULL uuid gets a new one, a NULL at gets now;
 *   suggestion_uuid is filled in.
 *
 * Checks the move against the replayed timeline and records it (pending
 * push), or fails with LIAISON_LOOP_ERROR (the rule) or
 * LIAISON_STORE_ERROR. "register" is refused here: saving the suggestion
 * registers it. Emits changed::suggestions and changed::suggestion_events.
 */
gboolean          liaison_store_add_suggestion_event (LiaisonStore     *self,
                                                      gint64            suggestion_id,
                                                      LiaisonLoopEvent *event,
                                                      GError          **error);

/* The replica's follow-up lists. Each is a list of LiaisonSuggestion with
 * the list columns and the loop cache filled. */
typedef enum {
  LIAISON_LOOP_LIST_TO_REFER,        /* hq inbox: taken up (or reopened), or a deputy's suggestion registered */
  LIAISON_LOOP_LIST_OVERDUE,         /* awaiting a reply, due before today; most overdue first */
  LIAISON_LOOP_LIST_DUE_SOON,        /* awaiting a reply, due today or within 3 days; soonest first */
  LIAISON_LOOP_LIST_KEY_SUPERVISION, /* open and under key supervision */
  LIAISON_LOOP_LIST_UNSATISFIED,     /* open and the latest rating unsatisfied */
  LIAISON_LOOP_LIST_TO_TAKE_UP,      /* a citizen's item still registered: a deputy may take it up */
  LIAISON_LOOP_LIST_TELL_CITIZEN,    /* replied or answered on the spot, not yet rated: call the citizen */
  LIAISON_LOOP_LIST_TAKEN_UP_BY,     /* open, taken up by @deputy_id */
  LIAISON_LOOP_LIST_FILED_BY,        /* deputy's suggestions filed (or co-signed) by @deputy_id */
  LIAISON_N_LOOP_LISTS
} LiaisonLoopList;

/* @deputy_id: for TAKEN_UP_BY and FILED_BY, else 0. @today: the day
 * deadlines are read against (NULL: today, local). At most @limit rows
 * (0: all). Newest first unless said otherwise above.
 * Returns: (transfer full) (element-type LiaisonSuggestion) */
GPtrArray        *liaison_store_list_loop  (LiaisonStore    *self,
                                            LiaisonLoopList  list,
                                            gint64           deputy_id,
                                            const GDate     *today,
                                            guint            limit,
                                            GError         **error);
guint             liaison_store_count_loop (LiaisonStore    *self,
                                            LiaisonLoopList  list,
                                            gint64           deputy_id,
                                            const GDate     *today,
                                            GError         **error);

/* The lead unit of the current round of each of @suggestions that awaits
 * a reply (has a due date), as the timeline replays it: the cached
 * columns do not keep it. Keys point into @suggestions, which must
 * outlive the table.
 * Returns: (transfer full): &suggestion->meta.id -> unit name */
GHashTable       *liaison_store_read_lead_units (LiaisonStore *self,
                                                 GPtrArray    *suggestions);

/* Replies that reached this replica by sync and whose suggestion page
 * nobody opened yet: the station's badge. Opening the page marks them
 * seen (liaison_store_mark_reply_seen). */
guint             liaison_store_count_unseen_replies (LiaisonStore *self,
                                                      GError      **error);
gboolean          liaison_store_mark_reply_seen      (LiaisonStore *self,
                                                      gint64        suggestion_id,
                                                      GError      **error);

/* The figures over every suggestion this replica has (at headquarters:
 * the whole city), registered in [from, to] (NULL: open), on @today. */
gboolean          liaison_store_compute_figures (LiaisonStore   *self,
                                                 const GDate    *from,
                                                 const GDate    *to,
                                                 const GDate    *today,
                                                 LiaisonFigures *figures,
                                                 GError        **error);

G_END_DECLS
