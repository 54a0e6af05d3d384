/* liaison-privacy-notice.h: the privacy notice (issue 13, section 6;
 * docs/privacy.md, "The privacy notice"): what a station collects, why,
 * for how long and whom to ask, and the sentence the clerk reads to a
 * visitor before switching on "May be contacted". The one place these
 * texts live: the app's About, its first-run notice and the reception
 * editor show them, and the public site can take them from here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long a visitor's name, phone and community are kept after the
 * matter is closed, when headquarters has set no other period. */
#define LIAISON_PRIVACY_DEFAULT_RETENTION_YEARS 3

/* The retention period the notices state, in years: for now
 * LIAISON_PRIVACY_DEFAULT_RETENTION_YEARS; the one place to ask once
 * headquarters sets its own period. */
guint       liaison_privacy_notice_years     (void);

/* The notice's title, translated. */
const char *liaison_privacy_notice_title    (void);

/* The notice, translated, as paragraphs separated by an empty line:
 * what is collected, why, who sees it, for how long (@retention_years
 * after a matter is closed) and whom to ask. Plain text, no markup. */
char       *liaison_privacy_notice_text     (guint retention_years);

/* The sentence the clerk reads to the visitor before asking whether
 * they may be called back, translated. */
char       *liaison_privacy_consent_sentence (guint retention_years);

G_END_DECLS
