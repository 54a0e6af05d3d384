/* liaison-online-wait.h: how long an online submission waits for its
 * station (issue 14, docs/online.md, "The headquarters view").
 *
 * A station has LIAISON_ONLINE_ACCEPT_WORKING_DAYS working days to accept
 * or decline a submission, counted on the loop's synced calendar as a
 * referral's deadline is (liaison-calendar.h): the day it came in is not
 * counted, and the last of those working days is its due day. Past the due
 * day a pending submission is overdue. Nothing here is stored: it is read
 * again from the times and today.
 */
#pragma once

#include <glib.h>

#include "liaison-calendar.h"

G_BEGIN_DECLS

/* The working days a station has to decide. */
#define LIAISON_ONLINE_ACCEPT_WORKING_DAYS 3

typedef struct {
  /* Working days d with (the local day it came in) < d <= (the local day
   * it was decided, or today while pending). */
  guint    working_days;
  gboolean pending;
  /* Pending, and today is after its due day. */
  gboolean overdue;
} LiaisonOnlineWait;

/* @cal may be NULL (weekends only); @decided_at NULL while pending;
 * @today the local day to read against (liaison_date_set_today()). */
LiaisonOnlineWait liaison_online_wait          (const LiaisonCalendar *cal,
                                                GDateTime             *submitted_at,
                                                GDateTime             *decided_at,
                                                const GDate           *today);
/* The last working day to decide on: the LIAISON_ONLINE_ACCEPT_WORKING_DAYS-th
 * working day after the local day @submitted_at falls on. */
void              liaison_online_due_day       (const LiaisonCalendar *cal,
                                                GDateTime             *submitted_at,
                                                GDate                 *due);
/* In words: "Waiting 2 working days", "Waited 4 working days" (before a
 * decision), "Waiting less than a working day" before the first. */
char             *liaison_online_wait_describe (LiaisonOnlineWait      wait);

G_END_DECLS
