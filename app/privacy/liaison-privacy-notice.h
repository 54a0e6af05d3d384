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

/* The notice's title, translated. */
const char *liaison_privacy_notice_title    (void);

/* The notice, translated, as paragraphs separated by an empty line:
 * what is collected, why, who sees it, for how long (@retention_years
 * after a matter is closed: headquarters' period, which the desk reads
 * with liaison_ui_retention_years()) and whom to ask. Plain text, no
 * markup. */
char       *liaison_privacy_notice_text     (guint retention_years);

/* The sentence the clerk reads to the visitor before asking whether
 * they may be called back, translated. */
char       *liaison_privacy_consent_sentence (guint retention_years);

G_END_DECLS
