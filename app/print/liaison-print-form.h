/* liaison-print-form.h: the reception registration form (接待登记表), of
 * one reception or blank for days on paper, as an A4 document (app/pdf)
 * that a print operation draws page by page and the PDF writes whole.
 *
 * Phones are printed masked; a print with full contacts (a reason given,
 * logged) has a visitor's phone in full when they agreed to be contacted
 * (liaison-privacy.h).
 */
#pragma once

#include "liaison-pdf.h"
#include "liaison-privacy.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* The form of @reception (with its visitors and suggestions), headed by
 * its station's name; one page unless what was raised runs on. Its
 * phones as @view shows them. */
LiaisonPdf *liaison_print_form_new       (const LiaisonReception  *reception,
                                          LiaisonPrivacyView       view);
/* The form of @reception, masked when @contacts_reason is NULL, else with
 * full contacts after the access-log entry (liaison-contacts-log.h); NULL
 * with @error when the log refuses it. */
LiaisonPdf *liaison_print_form_with_contacts (LiaisonStore            *store,
                                              const LiaisonReception  *reception,
                                              const char              *contacts_reason,
                                              GError                 **error);
/* The same form with empty boxes and lines, headed by @station_name (may
 * be NULL). */
LiaisonPdf *liaison_print_blank_form_new (const char              *station_name);

/* The form of the live reception @uuid in @store; NULL with @error
 * (LIAISON_STORE_ERROR_NOT_FOUND) when there is none; with full contacts
 * as liaison_print_form_with_contacts(). */
LiaisonPdf *liaison_print_form_for_uuid  (LiaisonStore            *store,
                                          const char              *uuid,
                                          const char              *contacts_reason,
                                          GError                 **error);
/* The blank form, headed by @store's station. */
LiaisonPdf *liaison_print_blank_form_for (LiaisonStore            *store);

/* Writes @pdf to @path whole or not at all (liaison-whole-file.h). */
gboolean    liaison_print_write_pdf      (LiaisonPdf              *pdf,
                                          const char              *path,
                                          GError                 **error);

/* "第 3 页，共 12 页" in the user's language: a LiaisonPdfPageLabel. */
char       *liaison_print_page_label     (guint                    page,
                                          guint                    n_pages,
                                          gpointer                 user_data);

G_END_DECLS
