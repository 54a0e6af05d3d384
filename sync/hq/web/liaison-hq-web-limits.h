/* liaison-hq-web-limits.h: how often one client may use the public site,
 * kept in memory (a restart forgets): submissions per IP an hour and per
 * phone a day, and receipt-code lookups per IP an hour, each lookup
 * counted, found or not, so that codes cannot be guessed. 0 is no limit.
 * docs/online.md, "Abuse and safety". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LiaisonHqWebLimits LiaisonHqWebLimits;

LiaisonHqWebLimits *liaison_hq_web_limits_new  (guint submit_per_ip_hour,
                                                guint submit_per_phone_day,
                                                guint lookups_per_ip_hour);
void                liaison_hq_web_limits_free (LiaisonHqWebLimits *self);

/* Each counts one use by @client (an IP) or @phone now, and says whether
 * it is within the limit; when it is not, nothing is counted and
 * *@retry_after gets the seconds until one more is allowed. */
gboolean liaison_hq_web_limits_allow_submit (LiaisonHqWebLimits *self,
                                             const char         *client,
                                             guint              *retry_after);
gboolean liaison_hq_web_limits_allow_phone  (LiaisonHqWebLimits *self,
                                             const char         *phone,
                                             guint              *retry_after);
gboolean liaison_hq_web_limits_allow_lookup (LiaisonHqWebLimits *self,
                                             const char         *client,
                                             guint              *retry_after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqWebLimits, liaison_hq_web_limits_free)

G_END_DECLS
