/* liaison-hq-web.c: the public site (liaison-hq-web.h): its own
 * SoupServer on the public address, its configuration, the way of each
 * request to its page, in the request's language, and one log line per
 * request.
 *
 * The site is a SoupServer of its own, not a second address of the API's:
 * so /v1/ cannot be reached on the public address, nor a page on the
 * API's, whatever a path looks like. The server is one thread; each
 * request is answered under its language's locale (uselocale()), so that
 * gettext gives zh_CN or English for that request alone.
 */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "liaison-hq-body-limit.h"
#include "liaison-hq-connections.h"
#include "liaison-hq-deadline.h"
#include "liaison-hq-server.h"
#include "liaison-hq-web-private.h"

/* Defaults of the limits (docs/online.md, "Abuse and safety"). */
#define DEFAULT_SUBMIT_PER_IP_HOUR   20
#define DEFAULT_SUBMIT_PER_PHONE_DAY 5
#define DEFAULT_LOOKUPS_PER_IP_HOUR  60
/* Connections the public address keeps open at once: its own budget,
 * so that a crowd of citizens never closes a station's. */
#define PUBLIC_CONNECTIONS 256

struct _LiaisonHqWeb
{
  GObject parent_instance;

  LiaisonHqStore       *store;
  SoupServer           *soup;
  LiaisonHqConnections *connections;
  LiaisonHqWebCsrf     *csrf;
  LiaisonHqWebLimits   *limits;
  char                **trusted_proxies;
  gboolean              tls;            /* the public listener serves HTTPS itself */
  char                 *url;
  locale_t              zh_locale;
  locale_t              en_locale;
};

G_DEFINE_FINAL_TYPE (LiaisonHqWeb, liaison_hq_web, G_TYPE_OBJECT)

/* Configuration */

GOptionEntry *
liaison_hq_web_config_entries (LiaisonHqWebConfig *config)
{
  const GOptionEntry entries[] = {
    { "public-listen", 0, 0, G_OPTION_ARG_STRING, &config->public_listen,
      N_("Address and port of the public site (none: no public site)"), N_("HOST:PORT") },
    { "public-tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &config->tls_cert,
      N_("TLS certificate (PEM) of the public site’s address"), N_("FILE") },
    { "public-tls-key", 0, 0, G_OPTION_ARG_FILENAME, &config->tls_key,
      N_("TLS private key (PEM) of the public site’s address"), N_("FILE") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING, &config->trusted_proxy,
      N_("IP addresses of reverse proxies whose X-Forwarded-For is believed, comma-separated"), N_("IP,…") },
    { "submit-per-ip-hour", 0, 0, G_OPTION_ARG_INT64, &config->submit_per_ip_hour,
      N_("Online submissions one IP address may send an hour (0: no limit)"), N_("N") },
    { "submit-per-phone-day", 0, 0, G_OPTION_ARG_INT64, &config->submit_per_phone_day,
      N_("Online submissions with one phone number a day (0: no limit)"), N_("N") },
    { "lookups-per-ip-hour", 0, 0, G_OPTION_ARG_INT64, &config->lookups_per_ip_hour,
      N_("Receipt-code lookups one IP address may make an hour (0: no limit)"), N_("N") },
    { NULL }
  };

  config->submit_per_ip_hour = LIAISON_HQ_WEB_NOT_GIVEN;
  config->submit_per_phone_day = LIAISON_HQ_WEB_NOT_GIVEN;
  config->lookups_per_ip_hour = LIAISON_HQ_WEB_NOT_GIVEN;
  g_free (config->entries);
  config->entries = g_memdup2 (entries, sizeof entries);
  return config->entries;
}

void
liaison_hq_web_config_clear (LiaisonHqWebConfig *config)
{
  g_clear_pointer (&config->public_listen, g_free);
  g_clear_pointer (&config->tls_cert, g_free);
  g_clear_pointer (&config->tls_key, g_free);
  g_clear_pointer (&config->trusted_proxy, g_free);
  g_clear_pointer (&config->entries, g_free);
}

static void
from_env (char       **value,
          const char  *variable)
{
  const char *env = g_getenv (variable);

  if (*value == NULL && env != NULL && *env != '\0')
    *value = g_strdup (env);
}

/* A limit from its option, else its variable, else @fallback. */
static gboolean
limit_from (gint64       option,
            const char  *variable,
            guint        fallback,
            guint       *limit,
            GError     **error)
{
  const char *env = g_getenv (variable);
  guint64 value = fallback;

  if (option != LIAISON_HQ_WEB_NOT_GIVEN && (option < 0 || option > G_MAXUINT32))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A limit of the public site must be 0 to %u."), G_MAXUINT32);
      return FALSE;
    }
  if (option != LIAISON_HQ_WEB_NOT_GIVEN)
    value = (guint64) option;
  else if (env != NULL && *env != '\0' &&
           !g_ascii_string_to_unsigned (env, 10, 0, G_MAXUINT32, &value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s=“%s” is not a number: give a whole number, 0 for no limit."), variable, env);
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

/* The object */

static void
liaison_hq_web_dispose (GObject *object)
{
  LiaisonHqWeb *self = LIAISON_HQ_WEB (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_hq_web_parent_class)->dispose (object);
}

static void
liaison_hq_web_finalize (GObject *object)
{
  LiaisonHqWeb *self = LIAISON_HQ_WEB (object);

  g_clear_pointer (&self->connections, liaison_hq_connections_unref);
  g_clear_pointer (&self->csrf, liaison_hq_web_csrf_free);
  g_clear_pointer (&self->limits, liaison_hq_web_limits_free);
  g_strfreev (self->trusted_proxies);
  g_free (self->url);
  if (self->zh_locale != (locale_t) 0 && self->zh_locale != LC_GLOBAL_LOCALE)
    freelocale (self->zh_locale);
  if (self->en_locale != (locale_t) 0 && self->en_locale != LC_GLOBAL_LOCALE)
    freelocale (self->en_locale);

  G_OBJECT_CLASS (liaison_hq_web_parent_class)->finalize (object);
}

static void
liaison_hq_web_class_init (LiaisonHqWebClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_hq_web_dispose;
  object_class->finalize = liaison_hq_web_finalize;
}

static void
liaison_hq_web_init (LiaisonHqWeb *self)
{
}

LiaisonHqWebCsrf *
liaison_hq_web_get_csrf (LiaisonHqWeb *self)
{
  return self->csrf;
}

LiaisonHqWebLimits *
liaison_hq_web_get_limits (LiaisonHqWeb *self)
{
  return self->limits;
}

const char *
liaison_hq_web_get_url (LiaisonHqWeb *self)
{
  return self->url;
}

/* Requests */

typedef struct {
  gint64   started;
} RequestInfo;

static RequestInfo *
request_info (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), "liaison-hq-web-request");
}

static void
request_started (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  LiaisonHqWeb *self = user_data;
  RequestInfo *info = g_new0 (RequestInfo, 1);

  info->started = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "liaison-hq-web-request", info, g_free);
  liaison_hq_body_limit_watch (msg, LIAISON_HQ_WEB_MAX_BODY);
  liaison_hq_deadline_watch (msg);
  liaison_hq_connections_track (self->connections, msg);
}

static void
request_done (SoupServer        *soup,
              SoupServerMessage *msg,
              gpointer           user_data)
{
  RequestInfo *info = request_info (msg);
  GUri *uri = soup_server_message_get_uri (msg);

  if (info == NULL || soup_server_message_get_method (msg) == NULL)
    return;
  /* One line per request: never a query, a form or a code. */
  g_printerr ("public method=%s path=%s status=%u ms=%.1f\n",
              soup_server_message_get_method (msg),
              uri != NULL ? g_uri_get_path (uri) : "-",
              soup_server_message_get_status (msg),
              (g_get_monotonic_time () - info->started) / 1000.0);
}

/* Answers 413 on @msg's connection itself and closes it: libsoup would
 * read the whole body first, whatever the answer. */
static void
refuse_now (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  static const char answer[] =
    "HTTP/1.1 413 Payload Too Large\r\n"
    "Connection: close\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Length: 10\r\n"
    "Content-Security-Policy: " LIAISON_HQ_WEB_CSP "\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "X-Frame-Options: DENY\r\n"
    "\r\n"
    "Too large\n";

  if (stream == NULL)
    return;
  /* A short answer: the socket's buffer takes it at once. */
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_printerr ("public method=POST path=- status=413 (the body was not read)\n");
}

/* Refuses a body that says it is too large before it is read. */
static void
early_handler (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  liaison_hq_web_set_security_headers (msg);
  if (liaison_hq_body_limit_check_length (msg))
    {
      if (soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE)
        {
          /* Answered before "100 Continue": the body is never sent. */
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
          soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
        }
      else
        refuse_now (msg);
    }
}

/* The client's address: the peer's, or, from a trusted proxy, the last
 * address of X-Forwarded-For (the one that proxy added). */
static char *
client_of (LiaisonHqWeb      *self,
           SoupServerMessage *msg)
{
  const char *peer = soup_server_message_get_remote_host (msg);
  const char *forwarded;
  g_auto(GStrv) hops = NULL;
  guint n;

  if (peer == NULL)
    peer = "-";
  if (self->trusted_proxies == NULL || !g_strv_contains ((const char * const *) self->trusted_proxies, peer))
    return g_strdup (peer);
  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "X-Forwarded-For");
  if (forwarded == NULL)
    return g_strdup (peer);
  hops = g_strsplit (forwarded, ",", -1);
  n = g_strv_length (hops);
  if (n > 0)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (g_strstrip (hops[n - 1]));

      if (address != NULL)
        return g_inet_address_to_string (address);
    }
  return g_strdup (peer);
}

/* Whether the browser came over HTTPS: to this listener's own TLS, or,
 * from a trusted proxy, with X-Forwarded-Proto: https (its last value,
 * the one that proxy set). Then the site's cookies are Secure. */
static gboolean
secure_of (LiaisonHqWeb      *self,
           SoupServerMessage *msg)
{
  const char *peer = soup_server_message_get_remote_host (msg);
  const char *proto;
  g_auto(GStrv) hops = NULL;
  guint n;

  if (self->tls)
    return TRUE;
  if (peer == NULL || self->trusted_proxies == NULL ||
      !g_strv_contains ((const char * const *) self->trusted_proxies, peer))
    return FALSE;
  proto = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "X-Forwarded-Proto");
  if (proto == NULL)
    return FALSE;
  hops = g_strsplit (proto, ",", -1);
  n = g_strv_length (hops);
  return n > 0 && g_ascii_strcasecmp (g_strstrip (hops[n - 1]), "https") == 0;
}

/* ?lang=en|zh, remembered in the lang cookie; else the cookie; else zh_CN. */
static gboolean
wants_english (LiaisonHqWebRequest *req)
{
  const char *asked = req->query != NULL ? g_hash_table_lookup (req->query, "lang") : NULL;
  g_autofree char *cookie = NULL;

  if (asked != NULL && (g_str_equal (asked, "en") || g_str_equal (asked, "zh")))
    {
      liaison_hq_web_set_cookie (req, "lang", g_str_equal (asked, "en") ? "en" : "zh",
                                 365 * 24 * 3600, "; SameSite=Lax");
      return g_str_equal (asked, "en");
    }
  cookie = liaison_hq_web_cookie (req->msg, "lang");
  return g_strcmp0 (cookie, "en") == 0;
}

static void
serve_css (SoupServerMessage *msg)
{
  g_autoptr(GBytes) css = g_resource_lookup_data (liaison_hq_web_get_resource (), "/org/liaison/hq/web/site.css", 0, NULL);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  g_assert (css != NULL);
  soup_message_headers_replace (headers, "Cache-Control", "public, max-age=3600");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/css; charset=utf-8", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (css, NULL), g_bytes_get_size (css));
}

/* A POST's form, each value valid UTF-8; NULL when it is not one. */
static GHashTable *
read_form (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GHashTable *form;
  GHashTableIter iter;
  const char *key, *value;

  if (type == NULL || g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") != 0)
    return NULL;
  bytes = soup_message_body_flatten (body);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  form = soup_form_decode (text);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
      {
        g_hash_table_unref (form);
        return NULL;
      }
  return form;
}

static const struct {
  const char          *path;
  const char          *method;
  LiaisonHqWebHandler  handler;
} routes[] = {
  { "/", "GET", liaison_hq_web_submit_get },
  { "/", "POST", liaison_hq_web_submit_post },
  { "/track", "GET", liaison_hq_web_track_get },
  { "/track", "POST", liaison_hq_web_track_post },
  { "/rate", "POST", liaison_hq_web_rate_post },
  { "/stations", "GET", liaison_hq_web_stations },
  { "/privacy", "GET", liaison_hq_web_privacy },
};

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  LiaisonHqWeb *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *client = client_of (self, msg);
  LiaisonHqWebRequest req = { self, self->store, msg, path, query, NULL, FALSE, client, secure_of (self, msg), NULL };
  LiaisonHqWebHandler found = NULL;
  gboolean path_known = FALSE;
  LiaisonHqBodyCoding coding;
  locale_t previous;

  if (g_str_equal (method, "HEAD"))
    method = "GET";
  req.english = wants_english (&req);
  previous = uselocale (req.english ? self->en_locale : self->zh_locale);

  if (g_str_equal (path, "/site.css") && g_str_equal (method, "GET"))
    {
      serve_css (msg);
      goto done;
    }
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].path, path))
      {
        path_known = TRUE;
        if (g_str_equal (routes[i].method, method))
          found = routes[i].handler;
      }
  if (!path_known)
    {
      liaison_hq_web_reply_error (&req, SOUP_STATUS_NOT_FOUND, _("Page not found"),
                                  _("There is no such page on this site."));
      goto done;
    }
  if (found == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD, POST");
      liaison_hq_web_reply_error (&req, SOUP_STATUS_METHOD_NOT_ALLOWED, _("Not possible"),
                                  _("This page cannot be used this way."));
      goto done;
    }
  /* A browser never compresses a form; a gzip body is read within the
   * same limit all the same, and any other coding refused. */
  coding = liaison_hq_body_limit_decode (msg);
  if (liaison_hq_body_limit_exceeded (msg))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      liaison_hq_web_reply_error (&req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, _("Too long"),
                                  _("What was sent is too long to be accepted. Please shorten it."));
      goto done;
    }
  if (coding != LIAISON_HQ_BODY_PLAIN)
    {
      liaison_hq_web_reply_error (&req, coding == LIAISON_HQ_BODY_BROKEN ? SOUP_STATUS_BAD_REQUEST
                                                                         : SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
                                  _("Could not be accepted"),
                                  _("What was sent was compressed in a way this site cannot read. "
                                    "Please send the form again."));
      goto done;
    }
  if (g_str_equal (method, "POST"))
    {
      req.form = read_form (msg);
      if (req.form == NULL)
        {
          liaison_hq_web_reply_error (&req, SOUP_STATUS_BAD_REQUEST, _("Could not be accepted"),
                                      _("What was sent could not be read as this site’s form."));
          goto done;
        }
    }
  found (&req);

done:
  uselocale (previous);
  g_clear_pointer (&req.form, g_hash_table_unref);
  g_free (req.csrf);
}

/* The locale each language's pages are answered in; LC_GLOBAL_LOCALE,
 * the process's, when the system lacks it. */
static locale_t
language_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    {
      g_warning ("The locale %s is not installed: those pages use the server’s own language", name);
      return LC_GLOBAL_LOCALE;
    }
  return locale;
}

LiaisonHqWeb *
liaison_hq_web_start (LiaisonHqStore      *store,
                      LiaisonHqWebConfig  *config,
                      GError             **error)
{
  g_autoptr(LiaisonHqWeb) self = NULL;
  guint submit_per_ip = 0, submit_per_phone = 0, lookups_per_ip = 0;

  from_env (&config->public_listen, "LIAISON_HQ_PUBLIC_LISTEN");
  from_env (&config->tls_cert, "LIAISON_HQ_PUBLIC_TLS_CERT");
  from_env (&config->tls_key, "LIAISON_HQ_PUBLIC_TLS_KEY");
  from_env (&config->trusted_proxy, "LIAISON_HQ_TRUSTED_PROXY");
  if (!limit_from (config->submit_per_ip_hour, "LIAISON_HQ_SUBMIT_PER_IP_HOUR",
                   DEFAULT_SUBMIT_PER_IP_HOUR, &submit_per_ip, error) ||
      !limit_from (config->submit_per_phone_day, "LIAISON_HQ_SUBMIT_PER_PHONE_DAY",
                   DEFAULT_SUBMIT_PER_PHONE_DAY, &submit_per_phone, error) ||
      !limit_from (config->lookups_per_ip_hour, "LIAISON_HQ_LOOKUPS_PER_IP_HOUR",
                   DEFAULT_LOOKUPS_PER_IP_HOUR, &lookups_per_ip, error))
    return NULL;
  if (config->public_listen == NULL)
    return NULL;

  self = g_object_new (LIAISON_TYPE_HQ_WEB, NULL);
  self->store = g_object_ref (store);
  self->csrf = liaison_hq_web_csrf_new (liaison_hq_store_get_data_dir (store), error);
  if (self->csrf == NULL)
    return NULL;
  self->limits = liaison_hq_web_limits_new (submit_per_ip, submit_per_phone, lookups_per_ip);
  if (config->trusted_proxy != NULL)
    {
      self->trusted_proxies = g_strsplit (config->trusted_proxy, ",", -1);
      for (guint i = 0; self->trusted_proxies[i] != NULL; i++)
        g_strstrip (self->trusted_proxies[i]);
    }

  /* gettext follows LANGUAGE before the locale: the pages' language is
   * each request's, so LANGUAGE goes (docs/online.md). */
  g_unsetenv ("LANGUAGE");
  self->zh_locale = language_locale ("zh_CN.UTF-8");
  self->en_locale = language_locale ("C.UTF-8");

  self->connections = liaison_hq_connections_new (PUBLIC_CONNECTIONS);
  self->soup = soup_server_new ("server-header", "liaison-hq", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);

  self->tls = config->tls_cert != NULL;
  self->url = liaison_hq_soup_listen (self->soup, config->public_listen, config->tls_cert, config->tls_key, error);
  if (self->url == NULL)
    {
      g_prefix_error (error, _("Could not listen on %s for the public site: "), config->public_listen);
      return NULL;
    }
  return g_steal_pointer (&self);
}
