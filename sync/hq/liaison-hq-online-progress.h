/* liaison-hq-online-progress.h: what became of a citizen's online
 * submission, in plain words, for the public site's follow page
 * (docs/online.md, "Following a matter"), and the citizen's rating of
 * the reply as a loop event the server writes itself ("The citizen's
 * rating").
 *
 * The progress is read from headquarters' store as the stations' and
 * headquarters' desks pushed it: the submission, its online_decision
 * (found by data.submission), and once accepted its suggestion and that
 * suggestion's events, replayed with the loop's own rules (app/model). A
 * step never names the citizen or shows their phone.
 */
#pragma once

#include "liaison-hq-store.h"
#include "liaison-loop.h"
#include "liaison-online-wire.h"

G_BEGIN_DECLS

/* The longest comment a citizen's rating carries, in characters. */
#define LIAISON_HQ_RATING_COMMENT_MAX 500

typedef enum {
  LIAISON_HQ_STEP_RECEIVED,         /* 已收到, with the date */
  LIAISON_HQ_STEP_DECLINED,         /* with the reason */
  LIAISON_HQ_STEP_ACCEPTED,         /* taken up by the station: 已受理 */
  LIAISON_HQ_STEP_TAKEN_UP,         /* by a deputy, named */
  LIAISON_HQ_STEP_ANSWERED_ON_SPOT, /* by a deputy, with the answer */
  LIAISON_HQ_STEP_REFERRED,         /* to units, named */
  LIAISON_HQ_STEP_REPLIED,          /* with the reply's text and date */
  LIAISON_HQ_STEP_RATED,
  LIAISON_HQ_STEP_CLOSED,
  LIAISON_HQ_STEP_WITHDRAWN,
} LiaisonHqStepKind;

typedef struct {
  LiaisonHqStepKind  kind;
  char              *date;   /* YYYY-MM-DD, local */
  char              *text;   /* the step in words, in the current language */
  char              *reply;  /* a reply's or an answer's text; NULL otherwise */
} LiaisonHqProgressStep;

typedef struct {
  char             *submission_uuid;
  char             *station_uuid;
  char             *title;            /* the citizen's own title for it */
  char             *suggestion_uuid;  /* NULL until a station accepted it */
  gboolean          declined;
  char             *declined_reason;  /* in words, when declined */
  GPtrArray        *steps;            /* LiaisonHqProgressStep *, in order */
  LiaisonLoopState *state;            /* the replayed loop; NULL until accepted */
  gboolean          rateable;         /* the citizen may rate it now */
} LiaisonHqProgress;

void liaison_hq_progress_free (LiaisonHqProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqProgress, liaison_hq_progress_free)

/* The progress of the submission @submission_uuid, its words in the
 * language of the calling thread's gettext; NULL with NOT_FOUND when
 * there is no such submission, or with FAILED when the store failed. */
LiaisonHqProgress *liaison_hq_online_progress (LiaisonHqStore  *store,
                                               const char      *submission_uuid,
                                               GError         **error);

/* Whether @comment (NULL: none) may go with a rating: UTF-8, at most
 * LIAISON_HQ_RATING_COMMENT_MAX characters; INVALID, in words, if not. */
gboolean liaison_hq_online_comment_ok (const char  *comment,
                                       GError     **error);

/* Records the citizen's rating of the submission's latest reply (or
 * answer on the spot): a suggestion_event, move rate, role citizen,
 * asked online, naming nobody, @comment (may be NULL; at most
 * LIAISON_HQ_RATING_COMMENT_MAX characters) as its note, written by the
 * server into the suggestion's station's feed. Refused with INVALID and
 * a message in words when the matter cannot be rated now (not accepted,
 * no reply yet, already rated, closed...) or the comment is too long;
 * nothing is written then. */
gboolean liaison_hq_online_rate (LiaisonHqStore     *store,
                                 const char         *submission_uuid,
                                 LiaisonLoopRating   rating,
                                 const char         *comment,
                                 GError            **error);

G_END_DECLS
