/* liaison-privacy-notice-page.h: the privacy notice, before anything else,
 * once per user. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_PRIVACY_NOTICE_PAGE (liaison_privacy_notice_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPrivacyNoticePage, liaison_privacy_notice_page, LIAISON, PRIVACY_NOTICE_PAGE, AdwBin)

/* The notice, saying the data are kept @retention_years. */
void liaison_privacy_notice_page_set_retention_years (LiaisonPrivacyNoticePage *self,
                                                      guint                     retention_years);

G_END_DECLS
