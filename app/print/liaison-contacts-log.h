/* liaison-contacts-log.h: the access-log entry (访问日志) of an export or
 * print with full contacts (issue 13; docs/privacy.md), written before
 * the file or the pages are made, by the ledger's export and print, the
 * registration form and the follow-up lists alike.
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Logs that @n_contacts full phones of @what (a period "2025-03-01..2025-03-31",
 * reception uuids or a list's name) were exported, or printed when @print,
 * for @reason. FALSE with @error, and nothing to be written, when the log
 * refuses it (a blank reason) or the store fails. */
gboolean liaison_contacts_log (LiaisonStore  *store,
                               gboolean       print,
                               const char    *what,
                               guint          n_contacts,
                               const char    *reason,
                               GError       **error);

G_END_DECLS
