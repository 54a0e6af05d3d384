/* liaison-online-row.h: an online submission in words and as a row: the
 * Online inbox and headquarters' view show the same lines (docs/online.md,
 * "The Online inbox", "The headquarters view"). */
#pragma once

#include <adwaita.h>

#include "liaison-calendar.h"
#include "liaison-online-wait.h"
#include "liaison-store-online.h"

G_BEGIN_DECLS

/* How long @submission waited or waits, on @cal, read on @today; a
 * submission whose times are not wire times waits 0 days. */
LiaisonOnlineWait liaison_online_row_wait     (const LiaisonOnlineSubmission *submission,
                                               const LiaisonCalendar         *cal,
                                               const GDate                   *today);
/* "待受理", "已受理", "不予受理：重复反映" */
char             *liaison_online_row_state    (const LiaisonOnlineSubmission *submission);
/* The citizen as a list shows them: the name (or "No name given") and
 * the phone masked (app/privacy). */
char             *liaison_online_row_citizen  (const LiaisonOnlineSubmission *submission);

/* Whether a store change to @table (the "changed" signal's detail) can
 * change what the online lists show: the submissions (the store's
 * "online"), the loop rules' calendar, station and category names. */
gboolean          liaison_online_row_is_change (const char                   *table);

/* A row: the title, then @lines (NULL-terminated, empty ones skipped);
 * the row's accessible name says all of them, as the eye reads them. */
GtkWidget        *liaison_online_row_new      (const char                    *title,
                                               const char * const            *lines);

/* Marks a row made by liaison_online_row_new() overdue: a red pill,
 * "Over 3 working days", under its lines, and the same words in its
 * accessible name. */
void              liaison_online_row_mark_overdue (GtkWidget                *row);

G_END_DECLS
