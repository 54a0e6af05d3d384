/* liaison-hq-web-csrf.h: the public site's CSRF tokens.
 *
 * A token is "TIME.NONCE.MAC": when it was made (Unix seconds), 16 random
 * hex digits, and the HMAC-SHA256 of both under a secret kept in the
 * data directory (web-secret, 0600, made at the first start). Every page
 * with a form sets it as the csrf cookie (HttpOnly, SameSite=Strict) and
 * puts it in the form's hidden csrf field; a POST is taken only when the
 * two are the same token, its MAC is right and it is less than
 * LIAISON_HQ_WEB_CSRF_SECONDS old.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_HQ_WEB_CSRF_SECONDS (2 * 3600)
#define LIAISON_HQ_WEB_CSRF_COOKIE "csrf"

typedef struct _LiaisonHqWebCsrf LiaisonHqWebCsrf;

/* Reads DATA_DIR/web-secret, or makes it. */
LiaisonHqWebCsrf *liaison_hq_web_csrf_new   (const char        *data_dir,
                                             GError           **error);
void              liaison_hq_web_csrf_free  (LiaisonHqWebCsrf  *self);
/* A new token, made now. */
char             *liaison_hq_web_csrf_issue (LiaisonHqWebCsrf  *self);
/* Whether @form_token is @cookie_token, and a good token made less than
 * LIAISON_HQ_WEB_CSRF_SECONDS before @now (Unix seconds). */
gboolean          liaison_hq_web_csrf_check (LiaisonHqWebCsrf  *self,
                                             const char        *form_token,
                                             const char        *cookie_token,
                                             gint64             now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqWebCsrf, liaison_hq_web_csrf_free)

G_END_DECLS
