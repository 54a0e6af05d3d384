/* liaison-follow-up-export.h: a list of the Follow-up page (a
 * LiaisonLoopList, app/store/liaison-store-loop.h) written as an XLSX
 * workbook or a CSV file, in the ledger's shape (liaison-table-file.h):
 * every row of the list, not only those the page shows, with its
 * registration time and due date as dates, its days overdue as a number,
 * and the contact's phone masked. The headers and words are in the
 * user's language, as the page shows them.
 */
#pragma once

#include "liaison-ledger.h"
#include "liaison-store-loop.h"

G_BEGIN_DECLS

/* The list @name names on the command line ("overdue", "due-soon", …),
 * or FALSE. TAKEN_UP_BY and FILED_BY, a deputy's own, have no name. */
gboolean    liaison_follow_up_list_from_name (const char      *name,
                                              LiaisonLoopList *list);
/* The names liaison_follow_up_list_from_name() knows, ", "-separated. */
const char *liaison_follow_up_list_names     (void);
/* The list's title, translated, as the Follow-up page's section says it. */
const char *liaison_follow_up_list_title     (LiaisonLoopList  list);

/* Writes every row of @list (@deputy_id and @today as for
 * liaison_store_list_loop()) to @file, a local file, in @format; the
 * file is written whole or not at all. @n_exported gets the rows. The
 * contacts' phones are masked; with @contacts_reason (not NULL), in full,
 * after an access-log entry with the reason (a blank one is refused and
 * nothing is written). */
gboolean    liaison_follow_up_export         (LiaisonStore         *store,
                                              LiaisonLoopList       list,
                                              gint64                deputy_id,
                                              const GDate          *today,
                                              GFile                *file,
                                              LiaisonLedgerFormat   format,
                                              const char           *contacts_reason,
                                              guint                *n_exported,
                                              GError              **error);

G_END_DECLS
