/* liaison-privacy-notice.c: the texts of liaison-privacy-notice.h. */
#define G_LOG_DOMAIN "liaison-privacy-notice"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy-notice.h"

const char *
liaison_privacy_notice_title (void)
{
  return _("How We Handle Visitors’ Personal Information");
}

char *
liaison_privacy_notice_text (guint retention_years)
{
  g_autofree char *kept = NULL;

  /* Translators: %u is a number of years, 3 unless headquarters set another period */
  kept = g_strdup_printf (ngettext ("How long: they are kept for %u year after the matter is closed (or after the "
                                    "visit, when it left nothing open). Then the visitors’ names, phones and "
                                    "communities are deleted at the station and at headquarters; the dates and "
                                    "figures stay.",
                                    "How long: they are kept for %u years after the matter is closed (or after the "
                                    "visit, when it left nothing open). Then the visitors’ names, phones and "
                                    "communities are deleted at the station and at headquarters; the dates and "
                                    "figures stay.",
                                    retention_years), retention_years);

  return g_strjoin ("\n\n",
                    _("What we collect: for each visit to a deputy liaison station, the visitors’ names, "
                      "phone numbers and communities, and the grievances and suggestions they raise."),
                    _("Why: only to handle what the visitor raised: to pass it to the deputies and the "
                      "units that answer it, to tell the visitor the outcome, and to report on the "
                      "station’s work. A phone number is used to call a visitor back only when they "
                      "agree to be contacted."),
                    _("Who sees it: the station that received the visitor, and the people’s congress "
                      "office at headquarters. Elsewhere phone numbers are masked (138****5678). Every "
                      "export or print with full contacts, and every look at a contact by headquarters, "
                      "is logged with its reason."),
                    kept,
                    _("Whom to ask: to see, correct or delete your information, or to ask about this "
                      "notice, ask the staff of the station where you were received, or the office of "
                      "the people’s congress standing committee. This follows the Personal Information "
                      "Protection Law of the People’s Republic of China."),
                    NULL);
}

char *
liaison_privacy_consent_sentence (guint retention_years)
{
  /* Translators: the clerk reads this aloud to the visitor; %u is a number of years */
  return g_strdup_printf (ngettext ("We record your name, phone number and community to handle what you raise today. "
                                    "May we call you to tell you the outcome? Your number is used only for that, and "
                                    "deleted %u year after the matter is closed. You may say no; we will handle your "
                                    "matter just the same.",
                                    "We record your name, phone number and community to handle what you raise today. "
                                    "May we call you to tell you the outcome? Your number is used only for that, and "
                                    "deleted %u years after the matter is closed. You may say no; we will handle your "
                                    "matter just the same.",
                                    retention_years), retention_years);
}
