/* liaison-store-online.h: the Online inbox (docs/online.md, "The Online
 * inbox"): the citizens' online submissions pulled from headquarters'
 * server into the feed of the station they chose, and that station's
 * decision on each.
 *
 * A submission (online_submission on the wire) is written by the server
 * alone and never changed here but by its decision. Accepting makes a
 * reception (channel online) and a registered suggestion under it;
 * declining takes a reason. Either writes the decision
 * (online_decision), which this desk pushes; its uuid is derived from the
 * submission's (liaison_online_decision_uuid ()), so two desks of one
 * station deciding at once meet as a conflict, which the server settles
 * for the first. A headquarters desk sees every station's submissions,
 * their phones masked, and decides none.
 *
 * The store's ::changed signal has the detail "online" when the table
 * changes (pull, accept, decline).
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_ONLINE_PENDING,
  LIAISON_ONLINE_ACCEPTED,
  LIAISON_ONLINE_DECLINED,
} LiaisonOnlineState;

typedef enum {
  LIAISON_ONLINE_DECLINE_SPAM,
  LIAISON_ONLINE_DECLINE_DUPLICATE,
  LIAISON_ONLINE_DECLINE_OUT_OF_REMIT,
} LiaisonOnlineDeclineReason;

/* The wire's code (spam, duplicate, out_of_remit), and back. */
const char *liaison_online_decline_reason_to_code   (LiaisonOnlineDeclineReason reason);
gboolean    liaison_online_decline_reason_from_code (const char *code, LiaisonOnlineDeclineReason *reason);
const char *liaison_online_decline_reason_label     (LiaisonOnlineDeclineReason reason); /* translated */

typedef struct {
  char              *uuid;
  char              *station;
  char              *station_name;   /* joined from stations, or NULL */
  char              *category;
  char              *category_name;  /* joined, in the user's language, or NULL */
  char              *title;
  char              *content;
  char              *name;
  char              *phone;          /* as stored: the UI masks it for display */
  char              *community;
  gboolean           consent;
  char              *submitted_at;   /* wire time */
  LiaisonOnlineState state;
  LiaisonOnlineDeclineReason reason; /* when declined */
  char              *note;
  char              *reception;      /* when accepted */
  char              *suggestion;     /* when accepted */
  char              *decided_at;     /* wire time or NULL */
  char              *decided_by;
} LiaisonOnlineSubmission;

void liaison_online_submission_free (LiaisonOnlineSubmission *submission);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonOnlineSubmission, liaison_online_submission_free)

/* Newest first. @station NULL for all stations (headquarters);
 * @pending_only for the inbox. Element type LiaisonOnlineSubmission. */
GPtrArray *liaison_store_list_online_submissions (LiaisonStore *self,
                                                  const char   *station,
                                                  gboolean      pending_only,
                                                  GError      **error);

/* LIAISON_STORE_ERROR_NOT_FOUND if there is none. */
LiaisonOnlineSubmission *liaison_store_get_online_submission (LiaisonStore *self,
                                                              const char   *uuid,
                                                              GError      **error);

/* In one transaction: a reception (channel online, received_at the
 * submission's time in local time, the visitor from its name/phone/
 * community/consent, party size 1, summary = title), a registered
 * suggestion under it (title, content, category, raised_by = name), and
 * the online_decision record. @actor is who accepted (the desk's actor).
 * Fails with a clear translated error if already decided
 * (LIAISON_STORE_ERROR_INVALID), at a headquarters desk or for another
 * station's submission (LIAISON_STORE_ERROR_READ_ONLY). Emits
 * changed::receptions, ::suggestions and ::online. */
gboolean liaison_store_accept_online_submission  (LiaisonStore  *self,
                                                  const char    *uuid,
                                                  const char    *actor,
                                                  char         **reception_uuid,
                                                  char         **suggestion_uuid,
                                                  GError       **error);

/* The online_decision record with @reason and @note (NULL or "" for
 * none), in one transaction; the same refusals as accepting. Emits
 * changed::online. */
gboolean liaison_store_decline_online_submission (LiaisonStore               *self,
                                                  const char                 *uuid,
                                                  LiaisonOnlineDeclineReason  reason,
                                                  const char                 *note,
                                                  const char                 *actor,
                                                  GError                    **error);

G_END_DECLS
