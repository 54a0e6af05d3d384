/* liaison-period-dialog.h: a message dialog that asks for a period, from
 * one day to another, both included: the ledger's export and its print. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A dialog over @parent with @heading and @body, a Cancel response and
 * @response (labelled @response_label, the suggested and default one),
 * and a list named @list_label of two rows, From and To (YYYY-MM-DD, each
 * with a calendar), from New Year's Day to today. @response is enabled
 * only for two dates in order. The caller may append rows to the list
 * (liaison_period_dialog_get_list()) and connects to "response". */
AdwMessageDialog *liaison_period_dialog_new       (GtkWindow         *parent,
                                                   const char        *heading,
                                                   const char        *body,
                                                   const char        *response,
                                                   const char        *response_label,
                                                   const char        *list_label);
/* A dialog like liaison_period_dialog_new()'s without the dates: only
 * the contacts choice (liaison_period_dialog_add_contacts_choice()), for
 * a reception's form or a Follow-up list. */
AdwMessageDialog *liaison_contacts_dialog_new     (GtkWindow         *parent,
                                                   const char        *heading,
                                                   const char        *body,
                                                   const char        *response,
                                                   const char        *response_label);
GtkListBox       *liaison_period_dialog_get_list  (AdwMessageDialog  *dialog);
/* Adds the choice to include full contacts (docs/privacy.md, Masking): a
 * switch row that opens a Reason entry; with it on, the response waits
 * for a reason. */
void              liaison_period_dialog_add_contacts_choice (AdwMessageDialog *dialog);
/* NULL for a masked export or print, else the reason typed. */
char             *liaison_period_dialog_dup_contacts_reason (AdwMessageDialog *dialog);
/* The dates as "YYYY-MM-DD"; FALSE when either is not a date. */
gboolean          liaison_period_dialog_get_dates (AdwMessageDialog  *dialog,
                                                   char             **from,
                                                   char             **to);

G_END_DECLS
