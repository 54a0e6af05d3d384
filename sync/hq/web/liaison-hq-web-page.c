/* liaison-hq-web-page.c: what every page of the public site is made of:
 * the one escaping function, the page skeleton (page.html, a resource)
 * filled in the request's language, the CSRF token of its forms, the
 * security headers and the error answers. */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-hq-web-private.h"

/* Escaping */

char *
liaison_hq_web_escape (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      default:
        g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

void
liaison_hq_web_append (GString    *out,
                       const char *format,
                       ...)
{
  va_list args;
  const char *p = format;

  /* Only %s, %u, %d and %% are used in the pages; every %s is escaped. */
  va_start (args, format);
  while (*p != '\0')
    {
      const char *percent = strchr (p, '%');

      if (percent == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, percent - p);
      switch (percent[1])
        {
        case 's':
          {
            g_autofree char *escaped = liaison_hq_web_escape (va_arg (args, const char *));

            g_string_append (out, escaped);
          }
          break;
        case 'u':
          g_string_append_printf (out, "%u", va_arg (args, guint));
          break;
        case 'd':
          g_string_append_printf (out, "%d", va_arg (args, int));
          break;
        case '%':
          g_string_append_c (out, '%');
          break;
        default:
          g_assert_not_reached ();
        }
      p = percent + 2;
    }
  va_end (args);
}

/* Requests */

const char *
liaison_hq_web_field (LiaisonHqWebRequest *req,
                      const char          *name)
{
  if (req->form != NULL)
    return g_hash_table_lookup (req->form, name);
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

const char *
liaison_hq_web_request_csrf (LiaisonHqWebRequest *req)
{
  if (req->csrf == NULL)
    req->csrf = liaison_hq_web_csrf_issue (liaison_hq_web_get_csrf (req->web));
  return req->csrf;
}

char *
liaison_hq_web_cookie (SoupServerMessage *msg,
                       const char        *name)
{
  const char *header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "Cookie");
  g_autoptr(GHashTable) cookies = NULL;

  if (header == NULL)
    return NULL;
  cookies = soup_header_parse_semi_param_list (header);
  return g_strdup (g_hash_table_lookup (cookies, name));
}

void
liaison_hq_web_set_cookie (LiaisonHqWebRequest *req,
                           const char          *name,
                           const char          *value,
                           guint                max_age,
                           const char          *attributes)
{
  g_autofree char *header = g_strdup_printf ("%s=%s; Path=/; Max-Age=%u%s%s", name, value, max_age, attributes,
                                             req->secure ? "; Secure" : "");

  soup_message_headers_append (soup_server_message_get_response_headers (req->msg), "Set-Cookie", header);
}

gboolean
liaison_hq_web_request_csrf_ok (LiaisonHqWebRequest *req)
{
  g_autofree char *cookie = liaison_hq_web_cookie (req->msg, LIAISON_HQ_WEB_CSRF_COOKIE);

  return liaison_hq_web_csrf_check (liaison_hq_web_get_csrf (req->web),
                                    req->form != NULL ? g_hash_table_lookup (req->form, "csrf") : NULL,
                                    cookie, g_get_real_time () / G_USEC_PER_SEC);
}

/* Answers */

void
liaison_hq_web_set_security_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy", LIAISON_HQ_WEB_CSP);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
}

/* The link to the same page in the other language. */
static char *
language_switch (LiaisonHqWebRequest *req)
{
  GString *out = g_string_new (NULL);

  if (req->english)
    liaison_hq_web_append (out, "<a id=\"lang-switch\" class=\"lang\" hreflang=\"zh-CN\" lang=\"zh-CN\" href=\"%s?lang=zh\">中文</a>",
                           req->path);
  else
    liaison_hq_web_append (out, "<a id=\"lang-switch\" class=\"lang\" hreflang=\"en\" lang=\"en\" href=\"%s?lang=en\">English</a>",
                           req->path);
  return g_string_free (out, FALSE);
}

/* @tmpl with each {{key}} replaced by @values' HTML for it ("" when none). */
static char *
fill (const char *tmpl,
      GHashTable *values)
{
  GString *out = g_string_sized_new (strlen (tmpl) * 2);
  const char *p = tmpl;

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close = open != NULL ? strstr (open, "}}") : NULL;
      g_autofree char *key = NULL;
      const char *value;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      key = g_strndup (open + 2, close - open - 2);
      value = g_hash_table_lookup (values, key);
      if (value != NULL)
        g_string_append (out, value);
      p = close + 2;
    }
  return g_string_free (out, FALSE);
}

static void
set_text (GHashTable *values,
          const char *key,
          const char *text)
{
  g_hash_table_insert (values, (gpointer) key, liaison_hq_web_escape (text));
}

void
liaison_hq_web_reply_page (LiaisonHqWebRequest *req,
                           guint                status,
                           const char          *title,
                           const char          *main_html)
{
  g_autoptr(GBytes) tmpl = g_resource_lookup_data (liaison_hq_web_get_resource (), "/org/liaison/hq/web/page.html", 0, NULL);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  const char *current = " aria-current=\"page\"";
  g_autofree char *tmpl_text = NULL;
  char *page;

  g_assert (tmpl != NULL);
  tmpl_text = g_strndup (g_bytes_get_data (tmpl, NULL), g_bytes_get_size (tmpl));
  set_text (values, "lang", req->english ? "en" : "zh-CN");
  set_text (values, "title", title);
  /* Translators: the public site's name, in its header */
  set_text (values, "site", _("Deputy Liaison Stations · Online"));
  set_text (values, "skip", _("Skip to the content"));
  set_text (values, "nav_label", _("Site"));
  set_text (values, "nav_submit", _("Raise a matter"));
  set_text (values, "nav_track", _("Follow a matter"));
  set_text (values, "nav_stations", _("Stations"));
  set_text (values, "privacy", _("Privacy notice"));
  set_text (values, "footer_note", _("Your matter goes to the liaison station you choose; "
                                     "your name and phone are never shown on this site."));
  g_hash_table_insert (values, "lang_switch", language_switch (req));
  g_hash_table_insert (values, "main", g_strdup (main_html));
  if (g_str_equal (req->path, "/"))
    g_hash_table_insert (values, "current_submit", g_strdup (current));
  else if (g_str_equal (req->path, "/track"))
    g_hash_table_insert (values, "current_track", g_strdup (current));
  else if (g_str_equal (req->path, "/stations"))
    g_hash_table_insert (values, "current_stations", g_strdup (current));
  page = fill (tmpl_text, values);

  if (req->csrf != NULL)
    liaison_hq_web_set_cookie (req, LIAISON_HQ_WEB_CSRF_COOKIE, req->csrf, LIAISON_HQ_WEB_CSRF_SECONDS,
                               "; HttpOnly; SameSite=Strict");
  liaison_hq_web_set_security_headers (req->msg);
  if (soup_message_headers_get_one (headers, "Cache-Control") == NULL)
    soup_message_headers_replace (headers, "Cache-Control", "no-cache");
  soup_message_headers_replace (headers, "Content-Language", req->english ? "en" : "zh-CN");
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, page, strlen (page));
}

void
liaison_hq_web_reply_error (LiaisonHqWebRequest *req,
                            guint                status,
                            const char          *title,
                            const char          *message)
{
  g_autoptr(GString) body = g_string_new (NULL);

  liaison_hq_web_append (body, "<p id=\"error\" role=\"alert\">%s</p>\n", message);
  liaison_hq_web_append (body, "<p><a href=\"/\">%s</a></p>\n", _("Back to the first page"));
  liaison_hq_web_reply_page (req, status, title, body->str);
}

char *
liaison_hq_web_describe_wait (guint seconds)
{
  guint minutes = (seconds + 59) / 60;
  guint hours = (minutes + 59) / 60;

  if (minutes <= 90)
    return g_strdup_printf (ngettext ("in about %u minute", "in about %u minutes", minutes), minutes);
  return g_strdup_printf (ngettext ("in about %u hour", "in about %u hours", hours), hours);
}

void
liaison_hq_web_reply_too_many (LiaisonHqWebRequest *req,
                               guint                retry_after,
                               const char          *message)
{
  g_autofree char *seconds = g_strdup_printf ("%u", retry_after);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "Retry-After", seconds);
  liaison_hq_web_reply_error (req, 429, _("Please wait"), message);
}
