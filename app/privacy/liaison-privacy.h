/* liaison-privacy.h: where a visitor's contact may be shown, and how it
 * is masked everywhere else (issue 13, docs/privacy.md, "Masking"). The one
 * place these rules live: every list, page, export, print and report asks
 * here. Plain GLib over app/model: the store, io and ui all use it.
 */
#pragma once

#include <glib.h>

#include "liaison-records.h"

G_BEGIN_DECLS

/* Where a phone is about to be shown. */
typedef enum {
  LIAISON_PRIVACY_MASKED,         /* lists, pages, exports, prints, reports, search results */
  LIAISON_PRIVACY_RECEPTION,      /* the reception's own detail page and editor */
  LIAISON_PRIVACY_TELL_CITIZEN,   /* the "tell the citizen" follow-up list, which exists to call them */
  LIAISON_PRIVACY_WITH_CONTACTS,  /* an export or print with full contacts, chosen with a reason */
} LiaisonPrivacyView;

/* @phone masked: a mobile (11 digits from 1) keeps its first 3 and last 4
 * digits, 138****5678; a landline (from 0) keeps its area code (3 digits
 * for 010 and 02X, else 4, or what stands before its dash) and its last 4
 * digits, 0561-****1456, with or without a dash typed; anything else of 7
 * digits or more keeps its first 3 and last 4, and a shorter number or
 * text without digits shows nothing but ****. The middle is always four
 * stars, whatever its length. "" for NULL or "". */
char     *liaison_privacy_mask_phone     (const char *phone);

/* Whether the full number may show in @view: in LIAISON_PRIVACY_RECEPTION
 * only with @consent and @at_receiving_station (this desk is the station
 * that received the visitor); in LIAISON_PRIVACY_TELL_CITIZEN and
 * LIAISON_PRIVACY_WITH_CONTACTS only with @consent; never in
 * LIAISON_PRIVACY_MASKED. */
gboolean  liaison_privacy_may_show_phone (LiaisonPrivacyView  view,
                                          gboolean            consent,
                                          gboolean            at_receiving_station);

/* @phone as @view shows it: in full when liaison_privacy_may_show_phone(),
 * else masked. "" for none. */
char     *liaison_privacy_phone          (const char         *phone,
                                          LiaisonPrivacyView  view,
                                          gboolean            consent,
                                          gboolean            at_receiving_station);
/* A visitor's phone as @view shows it (liaison_privacy_phone()). */
char     *liaison_privacy_visitor_phone  (const LiaisonVisitor *visitor,
                                          LiaisonPrivacyView    view,
                                          gboolean              at_receiving_station);

/* A contact as the store words it for "tell the citizen", "张三
 * 13812345678" (a visitor who agreed to be contacted): its last word, when
 * it has a digit, as @view shows a consenting visitor's phone. */
char     *liaison_privacy_contact        (const char         *contact,
                                          LiaisonPrivacyView  view);

/* Whether @text is a masked phone as liaison_privacy_mask_phone() writes it
 * (it holds a '*'): a form or an import never takes it for a number. */
gboolean  liaison_privacy_is_masked      (const char *text);

/* Checks the reason given for an export or print with full contacts: FALSE
 * with a translated G_OPTION_ERROR_BAD_VALUE when @reason is blank. */
gboolean  liaison_privacy_check_reason   (const char  *reason,
                                          GError     **error);

G_END_DECLS
