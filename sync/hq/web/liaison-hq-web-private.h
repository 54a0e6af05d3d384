/* liaison-hq-web-private.h: what the pages of the public site share: one
 * request and its language, the page skeleton, the one escaping
 * function, the answers, CSRF tokens and the limits. A new page adds its
 * handlers here and its paths to routes[] in liaison-hq-web.c. */
#pragma once

#include <libsoup/soup.h>

#include "liaison-hq-web.h"
#include "liaison-hq-web-csrf.h"
#include "liaison-hq-web-limits.h"

G_BEGIN_DECLS

/* Each page is in its request's language: the handler runs under that
 * language's locale (uselocale()), which gettext follows; liaison-hq's
 * main() makes GLib's g_dgettext() translate under any process locale. */

/* The body a public request may send, at most (a submission at every
 * field's cap, percent-encoded, is about 45 KiB). Past it: 413, and the
 * body is not read. */
#define LIAISON_HQ_WEB_MAX_BODY (64 * 1024)

/* The Content-Security-Policy of every answer: no inline script or
 * style, forms only to the site, never in a frame. */
#define LIAISON_HQ_WEB_CSP \
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';" \
  " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/* One request to the public site, while its handler runs. */
typedef struct {
  LiaisonHqWeb      *web;
  LiaisonHqStore    *store;
  SoupServerMessage *msg;
  const char        *path;
  GHashTable        *query;     /* ?a=b, may be NULL */
  GHashTable        *form;      /* a POST's form fields (UTF-8), NULL for a GET */
  gboolean           english;   /* else zh_CN */
  const char        *client;    /* the client's IP (X-Forwarded-For from a trusted proxy) */
  gboolean           secure;    /* the browser came over HTTPS: this listener's TLS, or
                                 * X-Forwarded-Proto: https from a trusted proxy */
  char              *csrf;      /* the token this page's forms carry, once asked for */
} LiaisonHqWebRequest;

typedef void (*LiaisonHqWebHandler) (LiaisonHqWebRequest *req);

/* The skeleton and the style sheet (liaison-hq-web.gresource.xml). */
GResource *liaison_hq_web_get_resource (void);

/* The site's parts (liaison-hq-web.c) */
LiaisonHqWebCsrf   *liaison_hq_web_get_csrf   (LiaisonHqWeb *self);
LiaisonHqWebLimits *liaison_hq_web_get_limits (LiaisonHqWeb *self);

/* Output (liaison-hq-web-page.c) */

/* @text with & < > " ' as entities: the one escaping of every value the
 * site writes into a page. */
char *liaison_hq_web_escape (const char *text);
/* Appends @format to @out with every %s argument escaped
 * (liaison_hq_web_escape()); the format itself is the page's own HTML. */
void  liaison_hq_web_append (GString    *out,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);
/* The value of the cookie @name that @msg sends, or NULL. */
char       *liaison_hq_web_cookie (SoupServerMessage *msg,
                                   const char        *name);
/* Sets the cookie @name (for the whole site, @max_age seconds) to @value,
 * which is the site's own (no escaping), with @attributes ("; HttpOnly"),
 * and Secure when @req came over HTTPS (docs/online.md, "Cookies"). */
void        liaison_hq_web_set_cookie (LiaisonHqWebRequest *req,
                                       const char          *name,
                                       const char          *value,
                                       guint                max_age,
                                       const char          *attributes);
/* A form field of @req's POST, or of its query for a GET; NULL when
 * absent. */
const char *liaison_hq_web_field (LiaisonHqWebRequest *req,
                                  const char          *name);
/* The CSRF token for the forms of the page @req answers with (made once;
 * the answer sets its cookie). */
const char *liaison_hq_web_request_csrf    (LiaisonHqWebRequest *req);
/* Whether @req's POST carries a good CSRF token: its csrf field is the
 * csrf cookie's, made by this server, less than two hours ago. */
gboolean    liaison_hq_web_request_csrf_ok (LiaisonHqWebRequest *req);

/* Answers @req with a whole page: the skeleton (header, language switch,
 * main, footer) around @main_html, with the heading @title (plain text). */
void liaison_hq_web_reply_page  (LiaisonHqWebRequest *req,
                                 guint                status,
                                 const char          *title,
                                 const char          *main_html);
/* A page that says @message (plain text) in <p id="error" role="alert">. */
void liaison_hq_web_reply_error (LiaisonHqWebRequest *req,
                                 guint                status,
                                 const char          *title,
                                 const char          *message);
/* 429 with Retry-After: @retry_after seconds, and @message. */
void liaison_hq_web_reply_too_many (LiaisonHqWebRequest *req,
                                    guint                retry_after,
                                    const char          *message);
/* The headers every public answer carries (CSP, nosniff, no referrer,
 * no framing). */
void liaison_hq_web_set_security_headers (SoupServerMessage *msg);
/* "in about 40 minutes": @seconds as a person waits them, translated. */
char *liaison_hq_web_describe_wait (guint seconds);

/* The directory (liaison-hq-web-stations.c) */

typedef struct {
  char *uuid;
  char *name;
  char *kind;       /* translated */
  char *district;   /* "" when the station has none */
  char *address;    /* 地址; "" when the station has none */
} LiaisonHqWebStation;

/* The live stations by district, then name; LiaisonHqWebStation *. */
GPtrArray *liaison_hq_web_stations_list (LiaisonHqStore *store,
                                         GError        **error);

/* Pages */
void liaison_hq_web_submit_get   (LiaisonHqWebRequest *req);  /* liaison-hq-web-submit.c */
void liaison_hq_web_submit_post  (LiaisonHqWebRequest *req);
void liaison_hq_web_stations     (LiaisonHqWebRequest *req);  /* liaison-hq-web-stations.c */
void liaison_hq_web_privacy      (LiaisonHqWebRequest *req);
void liaison_hq_web_track_get    (LiaisonHqWebRequest *req);  /* liaison-hq-web-track.c */
void liaison_hq_web_track_post   (LiaisonHqWebRequest *req);
void liaison_hq_web_rate_post    (LiaisonHqWebRequest *req);

G_END_DECLS
