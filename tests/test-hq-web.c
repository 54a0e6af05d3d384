/* test-hq-web.c: the public site of a real liaison-hq on loopback
 * (sync/hq/web/, docs/online.md), over real HTTP: the submit page and
 * its checks, CSRF, the honeypot, the rate limits, escaping on every
 * page, the stations page, the two listeners kept apart, the security
 * headers and the body cap, the cookies' Secure flag over HTTPS (its own
 * TLS, or a trusted proxy's X-Forwarded-Proto); and the CSRF tokens, limits and receipt-code
 * lookup as functions. */
#define G_LOG_DOMAIN "test-hq-web"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-hq-store.h"
#include "liaison-hq-web-csrf.h"
#include "liaison-hq-web-limits.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-util.h"

#define CODE_RE "^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{2}$"
#define SCRIPT "<script>alert('x')</script>"

typedef struct {
  LiaisonTestHqEnrolled enrolled;
  GHashTable *cookies;     /* name → value, as a browser keeps them */
  char *category;          /* a category's uuid, from the form */
} Site;

/* HTTP, as a browser without JavaScript */

/* The tests trust the self-signed certificate they made. */
static gboolean
accept_certificate (SoupMessage          *msg,
                    GTlsCertificate      *certificate,
                    GTlsCertificateFlags  errors,
                    gpointer              user_data)
{
  return TRUE;
}

static GBytes *
request (Site                *site,
         const char          *base,
         const char          *method,
         const char          *path,
         const char          *body,
         gsize                length,
         GHashTable          *extra_headers,
         guint               *status,
         SoupMessageHeaders **headers)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GString) cookie = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  const char *name, *value;
  SoupMessageHeadersIter headers_iter;
  GBytes *answer;

  g_assert_nonnull (msg);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate), NULL);
  g_hash_table_iter_init (&iter, site->cookies);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &value))
    g_string_append_printf (cookie, "%s%s=%s", cookie->len > 0 ? "; " : "", name, value);
  if (cookie->len > 0)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", cookie->str);
  if (extra_headers != NULL)
    {
      g_hash_table_iter_init (&iter, extra_headers);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &value))
        soup_message_headers_replace (soup_message_get_request_headers (msg), name, value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
    }
  answer = soup_session_send_and_read (site->enrolled.session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  soup_message_headers_iter_init (&headers_iter, soup_message_get_response_headers (msg));
  while (soup_message_headers_iter_next (&headers_iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Set-Cookie") == 0)
      {
        const char *equal = strchr (value, '=');
        const char *end = strchr (value, ';');

        g_assert_nonnull (equal);
        g_hash_table_replace (site->cookies, g_strndup (value, equal - value),
                              g_strndup (equal + 1, (end != NULL ? end : value + strlen (value)) - equal - 1));
      }
  if (headers != NULL)
    *headers = g_boxed_copy (SOUP_TYPE_MESSAGE_HEADERS, soup_message_get_response_headers (msg));
  return answer;
}

static char *
text_of (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* GET @path of the public site; its page. */
static char *
get_page (Site       *site,
          const char *path,
          guint       expected)
{
  guint status = 0;
  g_autoptr(GBytes) body = request (site, site->enrolled.hq.public_url, "GET", path, NULL, 0, NULL, &status, NULL);

  g_assert_cmpuint (status, ==, expected);
  return text_of (body);
}

/* The value of the attribute value="" after @marker in @page. */
static char *
value_after (const char *page,
             const char *marker)
{
  const char *at = strstr (page, marker);
  const char *start, *end;

  g_assert_nonnull (at);
  start = strstr (at, "value=\"");
  g_assert_nonnull (start);
  start += strlen ("value=\"");
  end = strchr (start, '"');
  return g_strndup (start, end - start);
}

/* The form's fields for a good submission; tests change them. */
static GHashTable *
good_fields (Site *site)
{
  g_autofree char *page = get_page (site, "/", 200);
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (fields, g_strdup ("csrf"), value_after (page, "name=\"csrf\""));
  g_hash_table_insert (fields, g_strdup ("station"), g_strdup (site->enrolled.station_a));
  g_hash_table_insert (fields, g_strdup ("category"), g_strdup (site->category));
  g_hash_table_insert (fields, g_strdup ("title"), g_strdup ("小区门口路灯坏了"));
  g_hash_table_insert (fields, g_strdup ("content"), g_strdup ("东山路12号门口的路灯坏了一个月，晚上很黑。"));
  g_hash_table_insert (fields, g_strdup ("name"), g_strdup ("刘芳"));
  g_hash_table_insert (fields, g_strdup ("phone"), g_strdup ("13812345678"));
  g_hash_table_insert (fields, g_strdup ("community"), g_strdup ("东山社区"));
  g_hash_table_insert (fields, g_strdup ("consent"), g_strdup ("1"));
  g_hash_table_insert (fields, g_strdup ("website"), g_strdup (""));
  return fields;
}

static void
set_field (GHashTable *fields,
           const char *name,
           const char *value)
{
  if (value == NULL)
    g_hash_table_remove (fields, name);
  else
    g_hash_table_replace (fields, g_strdup (name), g_strdup (value));
}

static char *
post_form (Site                *site,
           GHashTable          *fields,
           guint               *status,
           SoupMessageHeaders **headers)
{
  g_autofree char *body = soup_form_encode_hash (fields);
  g_autoptr(GBytes) answer = request (site, site->enrolled.hq.public_url, "POST", "/", body, strlen (body),
                                      NULL, status, headers);

  return text_of (answer);
}

static gint64
n_submissions (Site *site)
{
  return liaison_test_hq_count (&site->enrolled.hq, "SELECT count(*) FROM records WHERE kind = 'online_submission'");
}

/* The receipt code a receipt page shows. */
static char *
receipt_code (const char *page)
{
  const char *start = strstr (page, "<strong id=\"receipt-code\">");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("<strong id=\"receipt-code\">");
  end = strstr (start, "</strong>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* Fixture */

static void
site_set_up_with (Site        *site,
                  const char  *first_arg,
                  ...)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autofree char *page = NULL;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (args, arg);
  va_end (ap);
  site->enrolled.hq.public_site = TRUE;
  site->enrolled.hq.serve_args = g_strv_builder_end (args);
  liaison_test_hq_enrolled_set_up (&site->enrolled, "test-hq-web-XXXXXX");
  site->cookies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* The tests read the pages' English; /web/language reads zh_CN. */
  g_hash_table_insert (site->cookies, g_strdup ("lang"), g_strdup ("en"));
  page = get_page (site, "/", 200);
  /* The last category of the form. */
  {
    const char *at = strstr (page, "id=\"category\"");
    const char *last = NULL;

    g_assert_nonnull (at);
    for (const char *p = strstr (at, "<option value=\""); p != NULL && p < strstr (at, "</select>");
         p = strstr (p + 1, "<option value=\""))
      last = p + strlen ("<option value=\"");
    g_assert_nonnull (last);
    site->category = g_strndup (last, 36);
  }
}

static void
site_set_up (Site          *site,
             gconstpointer  data)
{
  /* No limit on submissions, unless a test asks for one. */
  site_set_up_with (site, "--submit-per-ip-hour", "0", "--submit-per-phone-day", "0", NULL);
}

static void
site_tear_down (Site          *site,
                gconstpointer  data)
{
  liaison_test_hq_enrolled_clear (&site->enrolled);
  g_clear_pointer (&site->cookies, g_hash_table_unref);
  g_clear_pointer (&site->category, g_free);
}

/* Tests */

/* Whether @token's pull, each change checked with the wire schema a desk
 * checks it with, brings the submission @uuid. */
static gboolean
pull_has_submission (Site       *site,
                     const char *token,
                     const char *uuid)
{
  gint64 since = 0;
  g_autoptr(GPtrArray) changes = liaison_test_hq_enrolled_pull (&site->enrolled, token, &since);

  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (json_object_get_string_member (change, "kind"), "online_submission") == 0 &&
          g_strcmp0 (json_object_get_string_member (change, "uuid"), uuid) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_submit_good (Site          *site,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) fields = good_fields (site);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *code = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *sql = NULL;
  guint status = 0;

  page = post_form (site, fields, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Cache-Control"), ==, "no-store");
  code = receipt_code (page);
  g_assert_true (g_regex_match_simple (CODE_RE, code, 0, 0));
  g_assert_nonnull (strstr (page, "id=\"notice\""));
  g_assert_cmpint (n_submissions (site), ==, 1);

  /* The record, in station a's feed, as docs/online.md has it. */
  sql = g_strdup_printf ("SELECT uuid FROM records WHERE kind = 'online_submission' AND origin_station = '%s'"
                         " AND json_extract (data, '$.title') = '小区门口路灯坏了'"
                         " AND json_extract (data, '$.phone') = '13812345678'"
                         " AND CAST (json_extract (data, '$.consent') AS TEXT) IN ('1', 'true')"
                         " AND json_extract (data, '$.station') = origin_station"
                         " AND json_extract (data, '$.submitted_at') LIKE '____-__-__T__:__:__Z'",
                         site->enrolled.station_a);
  uuid = liaison_test_hq_text (&site->enrolled.hq, sql);
  g_assert_cmpuint (strlen (uuid), ==, 36);
  g_assert_true (pull_has_submission (site, site->enrolled.token_a, uuid));
  g_assert_false (pull_has_submission (site, site->enrolled.token_b, uuid));

  /* The code finds it, typed in lower case and without dashes; never
   * another one; and the code itself is not kept. */
  store = liaison_hq_store_open (site->enrolled.hq.data_dir, &error);
  g_assert_no_error (error);
  typed = g_ascii_strdown (code, -1);
  for (char *p = typed, *q = typed;; p++)
    if (*p != '-' && (*q++ = *p) == '\0')
      break;
  {
    g_autofree char *found = liaison_hq_store_find_online_submission (store, typed, &error);
    g_autofree char *unknown = liaison_hq_store_find_online_submission (store, "2345-6789-AB", &error);
    g_autofree char *kept = NULL;
    g_autofree char *kept_sql = g_strdup_printf ("SELECT count(*) FROM online_receipts WHERE code_hash = '%s'", code);

    g_assert_no_error (error);
    g_assert_cmpstr (found, ==, uuid);
    g_assert_null (unknown);
    g_assert_cmpint (liaison_test_hq_count (&site->enrolled.hq, kept_sql), ==, 0);
    g_assert_false (liaison_hq_receipt_code_is_wellformed ("OOOO-1111-LL"));
    g_assert_false (liaison_hq_receipt_code_is_wellformed ("ABCD-EFGH-J"));
  }
  liaison_hq_store_close (store);

  /* Many submissions, each its own code. */
  g_hash_table_add (codes, g_steal_pointer (&code));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *again = post_form (site, fields, &status, NULL);
      g_autofree char *other = NULL;

      g_assert_cmpuint (status, ==, 200);
      other = receipt_code (again);
      g_assert_true (g_regex_match_simple (CODE_RE, other, 0, 0));
      g_assert_true (g_hash_table_add (codes, g_steal_pointer (&other)));
    }
  g_assert_cmpint (n_submissions (site), ==, 151);
  g_assert_cmpint (liaison_test_hq_count (&site->enrolled.hq, "SELECT count(DISTINCT submission) FROM online_receipts"), ==, 151);

  /* Without the optional fields, they are null. */
  set_field (fields, "name", NULL);
  set_field (fields, "phone", "");
  set_field (fields, "community", NULL);
  set_field (fields, "consent", NULL);
  g_free (post_form (site, fields, &status, NULL));
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (liaison_test_hq_count (&site->enrolled.hq,
                                          "SELECT count(*) FROM records WHERE kind = 'online_submission'"
                                          " AND json_type (data, '$.phone') = 'null' AND json_type (data, '$.name') = 'null'"
                                          " AND json_type (data, '$.community') = 'null' AND CAST (json_extract (data, '$.consent') AS TEXT) IN ('0', 'false')"), ==, 1);
}

/* Every field too long, missing or malformed: 400, the form again with
 * the reason, and nothing stored. */
static void
test_submit_invalid (Site          *site,
                     gconstpointer  data)
{
  g_autofree char *title_101 = g_strnfill (101, 'x');
  g_autofree char *content_4001 = g_strnfill (4001, 'x');
  g_autofree char *name_41 = g_strnfill (41, 'x');
  g_autofree char *community_61 = g_strnfill (61, 'x');
  g_autofree char *unknown_station = g_uuid_string_random ();
  const struct {
    const char *field;
    const char *value;   /* NULL: left out */
    const char *words;   /* in the error */
  } cases[] = {
    { "station", NULL, "Station" },
    { "station", "", "Station" },
    { "station", unknown_station, "no such station" },
    { "station", "not-a-uuid", "no such station" },
    { "category", NULL, "Category" },
    { "category", "6c1a7e00", "no such category" },
    { "title", NULL, "Title: please fill it in" },
    { "title", "   ", "Title: please fill it in" },
    { "title", title_101, "at most 100 characters" },
    { "title", "两行\n标题", "one line" },
    { "content", NULL, "please fill it in" },
    { "content", content_4001, "at most 4000 characters" },
    { "content", "bell\a", "not text" },
    { "name", name_41, "at most 40 characters" },
    { "phone", "12345", "mobile number" },
    { "phone", "1381234567x", "mobile number" },
    { "phone", "138123456781381234567", "at most 20 characters" },
    { "community", community_61, "at most 60 characters" },
    { "consent", "yes", "could not be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) fields = good_fields (site);
      g_autofree char *page = NULL;
      guint status = 0;

      set_field (fields, cases[i].field, cases[i].value);
      page = post_form (site, fields, &status, NULL);
      if (status != 400 || strstr (page, cases[i].words) == NULL)
        g_error ("case %u (%s): status %u, page %s", i, cases[i].field, status, page);
      g_assert_nonnull (strstr (page, "<p id=\"error\" role=\"alert\">"));
      g_assert_nonnull (strstr (page, "<form id=\"submit-form\""));
      g_assert_cmpint (n_submissions (site), ==, 0);
    }

  /* Consent to be contacted needs a phone. */
  {
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autofree char *page = NULL;
    guint status = 0;

    set_field (fields, "phone", NULL);
    page = post_form (site, fields, &status, NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_nonnull (strstr (page, "to be contacted"));
  }
  /* A body that is not UTF-8, or not a form. */
  {
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autofree char *body = NULL;
    g_autoptr(GBytes) answer = NULL;
    guint status = 0;

    set_field (fields, "title", "\xff\xfe");
    body = soup_form_encode_hash (fields);
    answer = request (site, site->enrolled.hq.public_url, "POST", "/", body, strlen (body), NULL, &status, NULL);
    g_assert_cmpuint (status, ==, 400);
  }
  g_assert_cmpint (n_submissions (site), ==, 0);
}

/* The token from the server's secret, made @age seconds ago. */
static char *
forge_token (Site  *site,
             gint64 age,
             gboolean right_secret)
{
  g_autofree char *path = g_build_filename (site->enrolled.hq.data_dir, "web-secret", NULL);
  g_autofree char *secret = NULL;
  g_autofree char *signed_part = NULL;
  gsize length = 0;
  g_autoptr(GHmac) hmac = NULL;

  g_assert_true (g_file_get_contents (path, &secret, &length, NULL));
  g_assert_cmpuint (length, ==, 32);
  if (!right_secret)
    secret[0] ^= 1;
  signed_part = g_strdup_printf ("%" G_GINT64_FORMAT ".0123456789abcdef", g_get_real_time () / G_USEC_PER_SEC - age);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, length);
  g_hmac_update (hmac, (const guchar *) signed_part, -1);
  return g_strdup_printf ("%s.%s", signed_part, g_hmac_get_string (hmac));
}

static void
test_submit_csrf (Site          *site,
                  gconstpointer  data)
{
  g_autofree char *other_token = NULL;
  g_autofree char *old = forge_token (site, 2 * 3600 + 5, TRUE);
  g_autofree char *fresh = forge_token (site, 10, TRUE);
  g_autofree char *wrong = forge_token (site, 10, FALSE);
  const char *tokens[5];

  /* A token of another visit (not this cookie's). */
  {
    g_autofree char *saved = g_strdup (g_hash_table_lookup (site->cookies, "csrf"));
    g_autofree char *page = NULL;

    g_hash_table_remove_all (site->cookies);
    page = get_page (site, "/", 200);
    other_token = value_after (page, "name=\"csrf\"");
    g_hash_table_replace (site->cookies, g_strdup ("csrf"), g_steal_pointer (&saved));
  }
  tokens[0] = NULL;         /* none in the form */
  tokens[1] = "forged";
  tokens[2] = other_token;
  tokens[3] = old;          /* expired, though signed */
  tokens[4] = wrong;        /* signed with another secret */
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(GHashTable) fields = good_fields (site);
      g_autofree char *page = NULL;
      guint status = 0;

      set_field (fields, "csrf", tokens[i]);
      if (i >= 3)
        g_hash_table_replace (site->cookies, g_strdup ("csrf"), g_strdup (tokens[i]));
      page = post_form (site, fields, &status, NULL);
      if (status != 403)
        g_error ("token %u: status %u", i, status);
      g_assert_nonnull (strstr (page, "<p id=\"error\" role=\"alert\">"));
      /* What was typed is kept for the next try. */
      g_assert_nonnull (strstr (page, "小区门口路灯坏了"));
      g_assert_cmpint (n_submissions (site), ==, 0);
    }
  /* No cookie at all. */
  {
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autofree char *page = NULL;
    guint status = 0;

    g_hash_table_remove_all (site->cookies);
    page = post_form (site, fields, &status, NULL);
    g_assert_cmpuint (status, ==, 403);
  }
  /* A good signed token, the same in form and cookie, is taken. */
  {
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autofree char *page = NULL;
    guint status = 0;

    set_field (fields, "csrf", fresh);
    g_hash_table_replace (site->cookies, g_strdup ("csrf"), g_strdup (fresh));
    page = post_form (site, fields, &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpint (n_submissions (site), ==, 1);
  }
}

static void
test_honeypot (Site          *site,
               gconstpointer  data)
{
  g_autoptr(GHashTable) fields = good_fields (site);
  g_autofree char *page = NULL;
  guint status = 0;

  set_field (fields, "website", "http://spam.example");
  page = post_form (site, fields, &status, NULL);
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (strstr (page, "could not be accepted"));
  g_assert_null (strstr (page, "receipt-code"));
  g_assert_cmpint (n_submissions (site), ==, 0);
}

static void
assert_too_many (const char         *page,
                 guint               status,
                 SoupMessageHeaders *headers,
                 const char         *words)
{
  guint64 retry_after = 0;

  g_assert_cmpuint (status, ==, 429);
  g_assert_true (g_ascii_string_to_unsigned (soup_message_headers_get_one (headers, "Retry-After"), 10, 1, 24 * 3600,
                                             &retry_after, NULL));
  g_assert_nonnull (strstr (page, "<p id=\"error\" role=\"alert\">"));
  g_assert_nonnull (strstr (page, words));
}

static void
set_up_limited (Site          *site,
                gconstpointer  data)
{
  site_set_up_with (site, "--submit-per-ip-hour", "3", "--submit-per-phone-day", "2", "--trusted-proxy", "127.0.0.2", NULL);
}

static void
test_rate_limits (Site          *site,
                  gconstpointer  data)
{
  const char *phones[] = { "13800000001", "13800000002", "13800000003", "13800000004" };
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *page = NULL;
  guint status = 0;

  /* Per IP: three an hour. X-Forwarded-For from an untrusted peer is
   * not believed. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GHashTable) fields = good_fields (site);
      g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *body = NULL;
      g_autoptr(GBytes) answer = NULL;

      set_field (fields, "phone", phones[i]);
      body = soup_form_encode_hash (fields);
      g_hash_table_insert (extra, "X-Forwarded-For", i == 3 ? "203.0.113.9" : "198.51.100.1");
      g_clear_pointer (&headers, soup_message_headers_unref);
      answer = request (site, site->enrolled.hq.public_url, "POST", "/", body, strlen (body), extra, &status, &headers);
      g_free (page);
      page = text_of (answer);
      if (i < 3)
        g_assert_cmpuint (status, ==, 200);
    }
  assert_too_many (page, status, headers, "network");
  g_assert_cmpint (n_submissions (site), ==, 3);
}

static void
set_up_proxied (Site          *site,
                gconstpointer  data)
{
  site_set_up_with (site, "--submit-per-ip-hour", "1", "--submit-per-phone-day", "0", "--trusted-proxy", "127.0.0.1", NULL);
}

/* Behind a trusted proxy, the client is the last address of
 * X-Forwarded-For, the one the proxy added: what a client wrote before it
 * does not count. */
static void
test_rate_limit_proxied (Site          *site,
                         gconstpointer  data)
{
  const struct {
    const char *forwarded;
    guint       status;
  } cases[] = {
    { "198.51.100.1", 200 },
    { "198.51.100.1", 429 },
    { "198.51.100.1, 203.0.113.7", 200 },       /* a client's own header, then the proxy's address */
    { "203.0.113.7, 198.51.100.1", 429 },
    { NULL, 200 },                               /* the proxy itself */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) fields = good_fields (site);
      g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *body = soup_form_encode_hash (fields);
      g_autoptr(GBytes) answer = NULL;
      guint status = 0;

      if (cases[i].forwarded != NULL)
        g_hash_table_insert (extra, "X-Forwarded-For", (gpointer) cases[i].forwarded);
      answer = request (site, site->enrolled.hq.public_url, "POST", "/", body, strlen (body), extra, &status, NULL);
      if (status != cases[i].status)
        g_error ("X-Forwarded-For %s: status %u", cases[i].forwarded, status);
    }
  g_assert_cmpint (n_submissions (site), ==, 3);
}

static void
test_rate_limit_phone (Site          *site,
                       gconstpointer  data)
{
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autofree char *page = NULL;
  const char *spellings[] = { "0571-87654321", "0571 87654321", "057187654321" };
  guint status = 0;

  /* Per phone: two a day, however it is typed. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GHashTable) fields = good_fields (site);

      set_field (fields, "phone", spellings[i]);
      g_clear_pointer (&headers, soup_message_headers_unref);
      g_free (page);
      page = post_form (site, fields, &status, &headers);
      if (i < 2)
        g_assert_cmpuint (status, ==, 200);
    }
  assert_too_many (page, status, headers, "phone number");
  g_assert_cmpint (n_submissions (site), ==, 2);
}

/* HTML and script in every field, shown back escaped: the form again
 * after an error, the receipt, the stations page, the finder. */
static void
test_escaping (Site          *site,
               gconstpointer  data)
{
  const char *shown[] = { "title", "content", "name", "community" };
  g_autoptr(GHashTable) fields = good_fields (site);
  g_autofree char *csv = g_build_filename (site->enrolled.hq.dir, "script-deputies.csv", NULL);
  g_autofree char *page = NULL;
  g_autofree char *stations = NULL;
  g_autofree char *found = NULL;
  g_autofree char *station_uuid = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    set_field (fields, shown[i], i == 1 ? SCRIPT "\"><img src=x onerror=alert(1)>" : SCRIPT);
  set_field (fields, "phone", SCRIPT);   /* malformed: the form comes back */
  page = post_form (site, fields, &status, NULL);
  g_assert_cmpuint (status, ==, 400);
  g_assert_null (strstr (page, "<script>"));
  g_assert_null (strstr (page, "<img"));
  g_assert_nonnull (strstr (page, "value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""));
  g_assert_nonnull (strstr (page, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>"));

  /* A station and a deputy named <script>, the station's address <i>…</i>. */
  g_free (liaison_test_hq_run (&site->enrolled.hq, "station add", SCRIPT, "--district", "<b>区</b>",
                               "--address", "<i>人民路</i>12号\"'", NULL));
  g_assert_true (g_file_set_contents (csv, "姓名,层级,联络站,电话\n\"<script>alert('d')</script>\",市,\"" SCRIPT "\",13900000000\n",
                                      -1, &error));
  g_assert_no_error (error);
  g_free (liaison_test_hq_run (&site->enrolled.hq, "import deputies", csv, NULL));
  stations = get_page (site, "/stations", 200);
  g_assert_null (strstr (stations, "<script>"));
  g_assert_null (strstr (stations, "<b>"));
  g_assert_nonnull (strstr (stations, "&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (stations, "&lt;b&gt;区&lt;/b&gt;"));
  g_assert_null (strstr (stations, "<i>"));
  g_assert_nonnull (strstr (stations, "<td data-label=\"Address\">&lt;i&gt;人民路&lt;/i&gt;12号&quot;&#39;</td>"));
  /* Names only: never a deputy's phone. */
  g_assert_null (strstr (stations, "13900000000"));
  g_assert_nonnull (strstr (stations, "东山联络站"));
  g_assert_nonnull (strstr (stations, "<table id=\"stations\">"));

  /* The finder shows what was typed, and the district chosen. */
  found = get_page (site, "/?q=%3Cscript%3E&district=%3Cb%3E%E5%8C%BA%3C%2Fb%3E", 200);
  g_assert_null (strstr (found, "<script>"));
  g_assert_null (strstr (found, "<b>"));
  g_assert_nonnull (strstr (found, "value=\"&lt;script&gt;\""));

  /* The receipt names the station: escaped too. */
  station_uuid = liaison_test_hq_text (&site->enrolled.hq,
                                       "SELECT uuid FROM records WHERE kind = 'station' AND json_extract (data, '$.name') LIKE '<script>alert(%'");
  g_clear_pointer (&fields, g_hash_table_unref);
  fields = good_fields (site);
  set_field (fields, "station", station_uuid);
  g_free (page);
  page = post_form (site, fields, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_null (strstr (page, "<script>"));
  g_assert_nonnull (strstr (page, "&lt;script&gt;"));
}

/* The finder narrows the stations without JavaScript. */
static void
test_finder (Site          *site,
             gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_district = NULL;
  g_autofree char *none = NULL;

  g_free (liaison_test_hq_run (&site->enrolled.hq, "station add", "南湖联络点", "--district", "烈山区", NULL));
  all = get_page (site, "/", 200);
  g_assert_nonnull (strstr (all, ">东山联络站</option>"));
  g_assert_nonnull (strstr (all, ">南湖联络点</option>"));
  by_name = get_page (site, "/?q=%E5%8D%97%E6%B9%96", 200);   /* 南湖 */
  g_assert_null (strstr (by_name, ">东山联络站</option>"));
  g_assert_nonnull (strstr (by_name, " selected>南湖联络点</option>"));
  by_district = get_page (site, "/?district=%E7%9B%B8%E5%B1%B1%E5%8C%BA", 200);   /* 相山区 */
  g_assert_nonnull (strstr (by_district, ">东山联络站</option>"));
  g_assert_nonnull (strstr (by_district, ">西山联络站</option>"));
  g_assert_null (strstr (by_district, ">南湖联络点</option>"));
  none = get_page (site, "/?q=nothing-like-this", 200);
  g_assert_nonnull (strstr (none, "<p id=\"notice\" role=\"status\">"));
  g_assert_nonnull (strstr (none, ">南湖联络点</option>"));
}

static void
assert_security_headers (SoupMessageHeaders *headers)
{
  const char *csp = soup_message_headers_get_one (headers, "Content-Security-Policy");

  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "default-src 'self'"));
  g_assert_nonnull (strstr (csp, "form-action 'self'"));
  g_assert_nonnull (strstr (csp, "frame-ancestors 'none'"));
  g_assert_null (strstr (csp, "unsafe-inline"));
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Referrer-Policy"), ==, "no-referrer");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Frame-Options"), ==, "DENY");
}

/* The public site and the API each on its own address alone; the
 * security headers on every public answer; a body over the cap refused. */
static void
test_listeners_and_headers (Site          *site,
                            gconstpointer  data)
{
  const char *public_paths[] = { "/", "/stations", "/privacy", "/site.css", "/no-such-page", "/v1/hello" };
  const guint public_status[] = { 200, 200, 200, 200, 404, 404 };
  const char *api_paths[] = { "/", "/stations", "/privacy", "/site.css" };
  g_autofree char *big = g_strnfill (70 * 1024, 'a');
  guint status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (public_paths); i++)
    {
      g_autoptr(SoupMessageHeaders) headers = NULL;
      g_autoptr(GBytes) body = request (site, site->enrolled.hq.public_url, "GET", public_paths[i], NULL, 0, NULL,
                                        &status, &headers);

      if (status != public_status[i])
        g_error ("%s on the public address: %u", public_paths[i], status);
      assert_security_headers (headers);
    }
  for (guint i = 0; i < G_N_ELEMENTS (api_paths); i++)
    {
      g_autoptr(GBytes) body = request (site, site->enrolled.hq.url, "GET", api_paths[i], NULL, 0, NULL, &status, NULL);

      if (status != 404)
        g_error ("%s on the API address: %u", api_paths[i], status);
    }
  {
    g_autoptr(JsonNode) hello = liaison_test_hq_enrolled_request (&site->enrolled, "GET", "/v1/hello", NULL, NULL, 200, NULL);

    g_assert_nonnull (hello);
  }
  /* Refused pages carry them too: a bad token, a body over the cap. */
  {
    g_autoptr(SoupMessageHeaders) headers = NULL;
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autofree char *page = NULL;

    set_field (fields, "csrf", "forged");
    page = post_form (site, fields, &status, &headers);
    g_assert_cmpuint (status, ==, 403);
    assert_security_headers (headers);
  }
  {
    g_autoptr(SoupMessageHeaders) headers = NULL;
    g_autoptr(GHashTable) fields = good_fields (site);
    g_autoptr(GHashTable) expect = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *body = NULL;
    g_autoptr(GBytes) answer = NULL;

    /* As a browser sends a large body: asking first. */
    set_field (fields, "content", big);
    body = soup_form_encode_hash (fields);
    g_hash_table_insert (expect, "Expect", "100-continue");
    answer = request (site, site->enrolled.hq.public_url, "POST", "/", body, strlen (body), expect, &status, &headers);
    g_assert_cmpuint (status, ==, 413);
    assert_security_headers (headers);
    g_assert_cmpint (n_submissions (site), ==, 0);
  }
}

/* A body that says it is over the cap is refused on its headers alone:
 * the answer comes while the body has not been sent. */
static void
test_body_cap (Site          *site,
               gconstpointer  data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host_port = g_strdup (site->enrolled.hq.public_url + strlen ("http://"));
  g_autofree char *head = g_strdup_printf ("POST / HTTP/1.1\r\nHost: %s\r\n"
                                           "Content-Type: application/x-www-form-urlencoded\r\n"
                                           "Content-Length: 100000000\r\n\r\n", host_port);
  char answer[64] = { 0 };
  gssize n;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, host_port, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                            head, strlen (head), NULL, NULL, &error));
  g_assert_no_error (error);
  n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), answer, sizeof answer - 1,
                           NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 12);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413"));
  g_assert_cmpint (n_submissions (site), ==, 0);
}

/* zh_CN first, English by ?lang=en, then remembered in a cookie. */
static void
test_language (Site          *site,
               gconstpointer  data)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *still_en = NULL;
  g_autofree char *back = NULL;
  g_autofree char *zh_stations = NULL;

  g_hash_table_remove (site->cookies, "lang");
  zh = get_page (site, "/", 200);
  en = get_page (site, "/stations?lang=en", 200);
  g_assert_cmpstr (g_hash_table_lookup (site->cookies, "lang"), ==, "en");
  still_en = get_page (site, "/", 200);
  back = get_page (site, "/?lang=zh", 200);
  zh_stations = get_page (site, "/stations", 200);

  g_assert_nonnull (strstr (zh, "<html lang=\"zh-CN\">"));
  g_assert_nonnull (strstr (zh, "人大代表联络站 网上反映"));
  g_assert_nonnull (strstr (zh, "<a id=\"lang-switch\""));
  g_assert_nonnull (strstr (zh, "hreflang=\"en\""));
  g_assert_nonnull (strstr (en, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (en, ">Stations</h1>"));
  g_assert_nonnull (strstr (still_en, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (still_en, ">Raise a matter</h1>"));
  g_assert_nonnull (strstr (back, "<html lang=\"zh-CN\">"));
  g_assert_null (strstr (back, ">Raise a matter</h1>"));
  /* The core's words too (a station's kind, app/model), and the privacy
   * notice's (app/privacy). */
  g_assert_nonnull (strstr (zh_stations, "<td data-label=\"类型\">代表联络站</td>"));
  g_assert_nonnull (strstr (zh_stations, "<th scope=\"col\">地址</th>"));
  {
    g_autofree char *privacy = get_page (site, "/privacy", 200);

    g_assert_nonnull (strstr (privacy, "<h1>来访群众个人信息处理说明</h1>"));
  }
}

/* The Set-Cookie headers of a GET of @path (with @proto as
 * X-Forwarded-Proto, unless NULL), one a line. */
static char *
set_cookies (Site       *site,
             const char *path,
             const char *proto)
{
  g_autoptr(GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  guint status = 0;

  if (proto != NULL)
    g_hash_table_insert (extra, "X-Forwarded-Proto", (gpointer) proto);
  body = request (site, site->enrolled.hq.public_url, "GET", path, NULL, 0, extra, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Set-Cookie") == 0)
      g_string_append_printf (lines, "%s\n", value);
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/* Both of the site's cookies (the CSRF token's and the language's), each
 * with Secure when @secure, else neither. */
static void
assert_cookies (Site       *site,
                const char *proto,
                gboolean    secure)
{
  g_autofree char *lines = set_cookies (site, "/?lang=en", proto);
  g_auto(GStrv) cookies = g_strsplit (lines, "\n", -1);
  guint n = 0;

  for (guint i = 0; cookies[i] != NULL; i++)
    {
      if (*cookies[i] == '\0')
        continue;
      n++;
      g_assert_true (g_str_has_prefix (cookies[i], "csrf=") || g_str_has_prefix (cookies[i], "lang=en;"));
      if (secure != g_str_has_suffix (cookies[i], "; Secure"))
        g_error ("X-Forwarded-Proto %s, %s: %s", proto, secure ? "Secure expected" : "no Secure expected", cookies[i]);
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (strstr (lines, "; HttpOnly; SameSite=Strict"));
}

/* Over plain HTTP the cookies cannot be Secure (a browser would drop
 * them); an untrusted peer's X-Forwarded-Proto is not believed. */
static void
test_cookies_plain (Site          *site,
                    gconstpointer  data)
{
  g_assert_true (g_str_has_prefix (site->enrolled.hq.public_url, "http://"));
  assert_cookies (site, NULL, FALSE);
  assert_cookies (site, "https", FALSE);
}

/* From a trusted proxy, X-Forwarded-Proto: https makes them Secure. */
static void
test_cookies_proxied (Site          *site,
                      gconstpointer  data)
{
  assert_cookies (site, NULL, FALSE);
  assert_cookies (site, "http", FALSE);
  assert_cookies (site, "https", TRUE);
  assert_cookies (site, "HTTPS", TRUE);
  assert_cookies (site, "http, https", TRUE);   /* a client's own value, then the proxy's */
  assert_cookies (site, "https, http", FALSE);
}

/* The public listener's own TLS (--public-tls-cert): always Secure. */
static void
test_cookies_tls (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("test-hq-web-tls-XXXXXX");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(GError) error = NULL;
  Site site = { 0 };

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-subj", "/CN=127.0.0.1", "-days", "1",
                              "-keyout", key, "-out", cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (openssl, NULL, &error));
  g_assert_no_error (error);

  site_set_up_with (&site, "--public-tls-cert", cert, "--public-tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (site.enrolled.hq.public_url, "https://127.0.0.1:"));
  assert_cookies (&site, NULL, TRUE);
  site_tear_down (&site, NULL);
  liaison_test_remove_tree (dir);
}

/* The functions the pages (and /track) use. */

static void
test_csrf_tokens (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("test-hq-web-csrf-XXXXXX");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqWebCsrf) csrf = liaison_hq_web_csrf_new (dir, &error);
  g_autoptr(LiaisonHqWebCsrf) again = NULL;
  g_autoptr(LiaisonHqWebCsrf) other = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other_dir = liaison_test_make_tmp_dir ("test-hq-web-csrf-XXXXXX");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GStatBuf st;

  g_assert_no_error (error);
  token = liaison_hq_web_csrf_issue (csrf);
  g_assert_true (liaison_hq_web_csrf_check (csrf, token, token, now));
  g_assert_false (liaison_hq_web_csrf_check (csrf, token, NULL, now));
  g_assert_false (liaison_hq_web_csrf_check (csrf, NULL, token, now));
  g_assert_false (liaison_hq_web_csrf_check (csrf, token, token, now + 2 * 3600 + 1));
  /* The secret is kept, 0600: a restart takes the tokens it made. */
  again = liaison_hq_web_csrf_new (dir, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_hq_web_csrf_check (again, token, token, now));
  {
    g_autofree char *path = g_build_filename (dir, "web-secret", NULL);

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  other = liaison_hq_web_csrf_new (other_dir, &error);
  g_assert_no_error (error);
  g_assert_false (liaison_hq_web_csrf_check (other, token, token, now));
  liaison_test_remove_tree (dir);
  liaison_test_remove_tree (other_dir);
}

static void
test_lookup_limit (void)
{
  g_autoptr(LiaisonHqWebLimits) limits = liaison_hq_web_limits_new (0, 0, 3);
  g_autoptr(LiaisonHqWebLimits) unlimited = liaison_hq_web_limits_new (0, 0, 0);
  guint retry_after = 0;

  for (guint i = 0; i < 3; i++)
    g_assert_true (liaison_hq_web_limits_allow_lookup (limits, "192.0.2.1", &retry_after));
  g_assert_false (liaison_hq_web_limits_allow_lookup (limits, "192.0.2.1", &retry_after));
  g_assert_cmpuint (retry_after, >, 0);
  g_assert_cmpuint (retry_after, <=, 3600);
  g_assert_true (liaison_hq_web_limits_allow_lookup (limits, "192.0.2.2", &retry_after));
  for (guint i = 0; i < 100; i++)
    g_assert_true (liaison_hq_web_limits_allow_lookup (unlimited, "192.0.2.1", &retry_after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/web/submit/good", Site, NULL, site_set_up, test_submit_good, site_tear_down);
  g_test_add ("/web/submit/invalid", Site, NULL, site_set_up, test_submit_invalid, site_tear_down);
  g_test_add ("/web/submit/csrf", Site, NULL, site_set_up, test_submit_csrf, site_tear_down);
  g_test_add ("/web/submit/honeypot", Site, NULL, site_set_up, test_honeypot, site_tear_down);
  g_test_add ("/web/submit/rate-limit-ip", Site, NULL, set_up_limited, test_rate_limits, site_tear_down);
  g_test_add ("/web/submit/rate-limit-proxied", Site, NULL, set_up_proxied, test_rate_limit_proxied, site_tear_down);
  g_test_add ("/web/submit/rate-limit-phone", Site, NULL, set_up_limited, test_rate_limit_phone, site_tear_down);
  g_test_add ("/web/escaping", Site, NULL, site_set_up, test_escaping, site_tear_down);
  g_test_add ("/web/finder", Site, NULL, site_set_up, test_finder, site_tear_down);
  g_test_add ("/web/listeners-and-headers", Site, NULL, site_set_up, test_listeners_and_headers, site_tear_down);
  g_test_add ("/web/body-cap", Site, NULL, site_set_up, test_body_cap, site_tear_down);
  g_test_add ("/web/language", Site, NULL, site_set_up, test_language, site_tear_down);
  g_test_add ("/web/cookies/plain", Site, NULL, set_up_limited, test_cookies_plain, site_tear_down);
  g_test_add ("/web/cookies/proxied", Site, NULL, set_up_proxied, test_cookies_proxied, site_tear_down);
  g_test_add_func ("/web/cookies/tls", test_cookies_tls);
  g_test_add_func ("/web/csrf-tokens", test_csrf_tokens);
  g_test_add_func ("/web/lookup-limit", test_lookup_limit);
  return g_test_run ();
}
