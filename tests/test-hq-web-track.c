/* test-hq-web-track.c: the public site's follow page and rating (/track,
 * /rate; docs/online.md), over HTTP on a real liaison-hq on loopback: a
 * citizen submits a matter on "/" and keeps the receipt code, the station
 * accepts it, desks push the loop's moves, and the citizen follows it and
 * rates the reply. Unknown codes, guessing past the lookup limit, bad
 * CSRF tokens, a second rating and script in a reply are refused or
 * escaped. /web-track/loop runs the whole loop with real desks: a
 * station's desk accepts the matter and its deputy takes it up,
 * headquarters' desk refers and replies, and the citizen's ratings reach
 * both desks' timelines and replays. */
#define G_LOG_DOMAIN "test-hq-web-track"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "liaison-hq-online-progress.h"
#include "liaison-hq-store.h"
#include "liaison-store-loop.h"
#include "liaison-store-online.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-util.h"

#define CATEGORY_1 "6c1a7e00-0000-4000-8000-000000000001"
#define LEAD_UNIT_NAME "区城市管理局"
#define CO_UNIT_NAME   "东山街道办事处"
#define CITIZEN_NAME  "王小明"
#define CITIZEN_PHONE "13912345678"
#define SCRIPT_REPLY "已修复。<script>alert(1)</script> & “完毕”"
#define NICE_REPLY "经现场查看，东山路12号至36号路段路灯线路老化，已安排维修，3月20日起恢复照明。感谢您的反映。"
#define LOOKUPS_PER_HOUR 6

typedef struct {
  LiaisonTestHqEnrolled enrolled;
  char *code;          /* the receipt code the citizen kept */
  char *submission;    /* its uuid */
  char *suggestion;    /* once accepted */
  char *deputy;        /* 张伟, of the roster */
  char *lead_unit;
  char *co_unit;
  GDateTime *clock;    /* the next move's time */
  const char *lang;    /* the pages' language: "en" (as the test reads them) or "zh" */
  LiaisonTestReplica east;    /* /web-track/loop: the station's desk */
  LiaisonTestReplica office;  /* and headquarters' */
} Fixture;

/* One answer of the public site. */
typedef struct {
  guint  status;
  char  *body;
  char  *cache_control;
  char  *retry_after;
  char  *csrf_cookie;  /* the csrf cookie it set, if any */
} Page;

static void
page_free (Page *page)
{
  g_free (page->body);
  g_free (page->cache_control);
  g_free (page->retry_after);
  g_free (page->csrf_cookie);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

/* @method @path on the public site, with the form @form (NULL for none)
 * and the csrf cookie @cookie (NULL for none). */
static Page *
request (Fixture    *fixture,
         const char *method,
         const char *path,
         GHashTable *form,
         const char *cookie)
{
  g_autofree char *url = g_strconcat (fixture->enrolled.hq.public_url, path, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  Page *page = g_new0 (Page, 1);
  SoupMessageHeaders *headers;
  GSList *cookies;

  if (form != NULL)
    msg = soup_message_new_from_encoded_form (method, url, soup_form_encode_hash (form));
  else
    msg = soup_message_new (method, url);
  g_assert_nonnull (msg);
  {
    g_autofree char *header = cookie != NULL ? g_strdup_printf ("lang=%s; csrf=%s", fixture->lang, cookie)
                                             : g_strdup_printf ("lang=%s", fixture->lang);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", header);
  }
  body = soup_session_send_and_read (fixture->enrolled.session, msg, NULL, &error);
  g_assert_no_error (error);
  page->status = soup_message_get_status (msg);
  page->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  headers = soup_message_get_response_headers (msg);
  page->cache_control = g_strdup (soup_message_headers_get_one (headers, "Cache-Control"));
  page->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  cookies = soup_cookies_from_response (msg);
  for (GSList *l = cookies; l != NULL; l = l->next)
    if (g_str_equal (soup_cookie_get_name (l->data), "csrf"))
      page->csrf_cookie = g_strdup (soup_cookie_get_value (l->data));
  g_slist_free_full (cookies, (GDestroyNotify) soup_cookie_free);
  return page;
}

/* The value of the hidden csrf field of @page's first form. */
static char *
csrf_field (const Page *page)
{
  const char *field = strstr (page->body, "name=\"csrf\" value=\"");
  const char *end;

  g_assert_nonnull (field);
  field += strlen ("name=\"csrf\" value=\"");
  end = strchr (field, '"');
  g_assert_nonnull (end);
  return g_strndup (field, end - field);
}

/* A form's fields, NULL-terminated name, value pairs. */
static GHashTable *
form_new (const char *first,
          ...)
{
  GHashTable *form = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_hash_table_insert (form, g_strdup (name), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return form;
}

/* GET @path, then POST @form to @action with the token and cookie it
 * gave, as a browser does. */
static Page *
post_form (Fixture    *fixture,
           const char *path,
           const char *action,
           GHashTable *form)
{
  g_autoptr(Page) get = request (fixture, "GET", path, NULL, NULL);
  g_autoptr(GHashTable) owned = form;

  g_assert_cmpuint (get->status, ==, 200);
  g_assert_nonnull (get->csrf_cookie);
  g_hash_table_insert (form, g_strdup ("csrf"), csrf_field (get));
  return request (fixture, "POST", action, form, get->csrf_cookie);
}

static Page *
track (Fixture    *fixture,
       const char *code)
{
  return post_form (fixture, "/track", "/track", form_new ("code", code, NULL));
}

static Page *
rate (Fixture    *fixture,
      const char *rating,
      const char *comment)
{
  return post_form (fixture, "/track", "/rate",
                    form_new ("code", fixture->code, "rating", rating, "comment", comment, NULL));
}

static void
assert_has (const Page *page,
            const char *text)
{
  if (strstr (page->body, text) == NULL)
    g_test_message ("the page does not hold “%s”:\n%s", text, page->body);
  g_assert_nonnull (strstr (page->body, text));
}

static void
assert_lacks (const Page *page,
              const char *text)
{
  if (strstr (page->body, text) != NULL)
    g_test_message ("the page holds “%s”:\n%s", text, page->body);
  g_assert_null (strstr (page->body, text));
}

/* The page never shows the citizen's name or phone, and is not cached. */
static void
assert_private (const Page *page)
{
  assert_lacks (page, CITIZEN_NAME);
  assert_lacks (page, CITIZEN_PHONE);
  g_assert_cmpstr (page->cache_control, ==, "no-store");
}

/* The server */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *limit = g_strdup_printf ("%d", LOOKUPS_PER_HOUR);
  const char *args[] = { "--lookups-per-ip-hour", limit, NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  fixture->lang = "en";
  fixture->enrolled.hq.public_site = TRUE;
  fixture->enrolled.hq.serve_args = g_strdupv ((char **) args);
  liaison_test_hq_enrolled_set_up (&fixture->enrolled, "liaison-web-track-XXXXXX");
  /* The roster and the units, imported as headquarters does. */
  {
    LiaisonTestHq *hq = &fixture->enrolled.hq;
    g_autofree char *units = g_build_filename (hq->dir, "units.csv", NULL);
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;

    liaison_test_hq_stop (hq);
    liaison_test_hq_import_roster (hq);
    g_assert_true (g_file_set_contents (units, "名称,类型\n" LEAD_UNIT_NAME ",部门\n" CO_UNIT_NAME ",政府\n", -1, &error));
    g_assert_no_error (error);
    out = liaison_test_hq_run (hq, "import units", units, NULL);
    fixture->deputy = liaison_test_hq_text (hq, "SELECT uuid FROM records WHERE kind = 'deputy'"
                                                " AND json_extract (data, '$.name') = '张伟'");
    fixture->lead_unit = liaison_test_hq_text (hq, "SELECT uuid FROM records WHERE kind = 'unit'"
                                                   " AND json_extract (data, '$.name') = '" LEAD_UNIT_NAME "'");
    fixture->co_unit = liaison_test_hq_text (hq, "SELECT uuid FROM records WHERE kind = 'unit'"
                                                 " AND json_extract (data, '$.name') = '" CO_UNIT_NAME "'");
    g_assert_true (g_uuid_string_is_valid (fixture->deputy));
    g_assert_true (g_uuid_string_is_valid (fixture->lead_unit));
    g_assert_true (g_uuid_string_is_valid (fixture->co_unit));
    liaison_test_hq_start (hq);
  }
  fixture->clock = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                        g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                        g_date_time_get_minute (now), 0);
  /* Moves a minute apart, an hour back: none ahead of the server's clock. */
  {
    GDateTime *back = g_date_time_add_hours (fixture->clock, -1);

    g_date_time_unref (fixture->clock);
    fixture->clock = back;
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->east.store != NULL)
    liaison_test_replica_clear (&fixture->east);
  if (fixture->office.store != NULL)
    liaison_test_replica_clear (&fixture->office);
  liaison_test_hq_enrolled_clear (&fixture->enrolled);
  g_clear_pointer (&fixture->code, g_free);
  g_clear_pointer (&fixture->submission, g_free);
  g_clear_pointer (&fixture->suggestion, g_free);
  g_clear_pointer (&fixture->deputy, g_free);
  g_clear_pointer (&fixture->lead_unit, g_free);
  g_clear_pointer (&fixture->co_unit, g_free);
  g_clear_pointer (&fixture->clock, g_date_time_unref);
}

/* The citizen raises a matter on "/" and keeps the code. */
static void
submit (Fixture *fixture)
{
  g_autoptr(Page) page = post_form (fixture, "/", "/",
                                    form_new ("station", fixture->enrolled.station_a, "category", CATEGORY_1,
                                              "title", "路灯不亮", "content", "东山路的路灯坏了一个月",
                                              "name", CITIZEN_NAME, "phone", CITIZEN_PHONE,
                                              "community", "东山社区", "consent", "1", "website", "", NULL));
  const char *code;
  const char *end;
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (page->status, ==, 200);
  code = strstr (page->body, "<strong id=\"receipt-code\">");
  g_assert_nonnull (code);
  code += strlen ("<strong id=\"receipt-code\">");
  end = strchr (code, '<');
  fixture->code = g_strndup (code, end - code);

  liaison_test_hq_stop (&fixture->enrolled.hq);
  store = liaison_hq_store_open (fixture->enrolled.hq.data_dir, &error);
  g_assert_no_error (error);
  fixture->submission = liaison_hq_store_find_online_submission (store, fixture->code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->submission);
  liaison_hq_store_close (store);
  liaison_test_hq_start (&fixture->enrolled.hq);
}

static char *
next_at (Fixture *fixture)
{
  GDateTime *next = g_date_time_add_minutes (fixture->clock, 1);
  char *at = g_date_time_format (fixture->clock, "%Y-%m-%dT%H:%M:%SZ");

  g_date_time_unref (fixture->clock);
  fixture->clock = next;
  return at;
}

/* The station's decision, as its desk leaves it at headquarters. */
static void
decide (Fixture    *fixture,
        const char *decision,
        const char *reason)
{
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  g_autofree char *decided_at = next_at (fixture);
  g_autofree char *decision_uuid = liaison_online_decision_uuid (fixture->submission);

  if (g_str_equal (decision, "accepted"))
    fixture->suggestion = g_uuid_string_random ();
  json = g_strdup_printf ("{\"submission\": \"%s\", \"station\": \"%s\", \"decision\": \"%s\", \"reason\": %s,"
                          " \"note\": null, \"reception\": null, \"suggestion\": %s%s%s,"
                          " \"decided_at\": \"%s\", \"decided_by\": null}",
                          fixture->submission, fixture->enrolled.station_a, decision,
                          reason != NULL ? reason : "null",
                          fixture->suggestion != NULL ? "\"" : "", fixture->suggestion != NULL ? fixture->suggestion : "null",
                          fixture->suggestion != NULL ? "\"" : "", decided_at);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);

  liaison_test_hq_stop (&fixture->enrolled.hq);
  store = liaison_hq_store_open (fixture->enrolled.hq.data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_hq_store_begin (store, &error));
  g_assert_true (liaison_hq_store_save_record (store, LIAISON_KIND_ONLINE_DECISION, decision_uuid, NULL,
                                               json_node_get_object (node), NULL, NULL, &error));
  g_assert_true (liaison_hq_store_commit (store, &error));
  g_assert_no_error (error);
  liaison_hq_store_close (store);
  liaison_test_hq_start (&fixture->enrolled.hq);
}

/* A move on the accepted suggestion, pushed by @token as its desk would. */
static void
push_move (Fixture    *fixture,
           const char *token,
           const char *move,
           const char *role,
           const char *payload)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *at = next_at (fixture);
  g_autofree char *record = g_strdup_printf (
    "{\"kind\": \"suggestion_event\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"%s\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"station\": \"%s\", \"suggestion\": \"%s\", \"move\": \"%s\", \"role\": \"%s\","
    " \"actor_name\": \"李明\", \"at\": \"%s\", \"note\": null%s}}",
    uuid, at, fixture->enrolled.station_a, fixture->enrolled.station_a, fixture->suggestion, move, role, at, payload);
  JsonArray *results = liaison_test_hq_enrolled_push (&fixture->enrolled, token, record);

  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);
}

/* Headquarters refers the matter to the two units. */
static void
refer (Fixture *fixture)
{
  g_autofree char *payload = g_strdup_printf (", \"lead_unit\": \"%s\", \"co_units\": [\"%s\"],"
                                              " \"due_date\": \"2099-01-01\"", fixture->lead_unit, fixture->co_unit);

  push_move (fixture, fixture->enrolled.token_hq, "refer", "hq", payload);
}

/* Accepted by the station, which pushes its suggestion; taken up by a
 * deputy; referred and replied (@reply_text) by headquarters. */
static void
accept_and_reply (Fixture    *fixture,
                  const char *reply_text)
{
  g_autofree char *created = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *reply_payload = NULL;
  g_autofree char *escaped = g_strescape (reply_text, NULL);
  g_autofree char *day = NULL;
  JsonArray *results;

  decide (fixture, "accepted", NULL);
  created = next_at (fixture);
  suggestion = g_strdup_printf (
    "{\"kind\": \"suggestion\", \"uuid\": \"%s\", \"version\": 1, \"base_version\": 0,"
    " \"updated_at\": \"%s\", \"origin_station\": \"%s\", \"deleted\": false,"
    " \"data\": {\"reception\": null, \"station\": \"%s\", \"category\": \"" CATEGORY_1 "\","
    " \"title\": \"路灯不亮\", \"content\": \"东山路的路灯坏了一个月\", \"raised_by\": \"" CITIZEN_NAME "\","
    " \"created_at\": \"%s\"}}",
    fixture->suggestion, created, fixture->enrolled.station_a, fixture->enrolled.station_a, created);
  results = liaison_test_hq_enrolled_push (&fixture->enrolled, fixture->enrolled.token_a, suggestion);
  liaison_test_assert_push_result (results, 0, "applied", NULL, NULL);

  {
    g_autofree char *take_up = g_strdup_printf (", \"deputy\": \"%s\"", fixture->deputy);

    push_move (fixture, fixture->enrolled.token_a, "take_up", "deputy", take_up);
  }
  refer (fixture);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (fixture->clock);

    day = g_date_time_format (local, "%Y-%m-%d");
  }
  reply_payload = g_strdup_printf (", \"reply_text\": \"%s\", \"reply_date\": \"%s\","
                                   " \"replying_unit\": \"%s\", \"attachments\": []", escaped, day, fixture->lead_unit);
  push_move (fixture, fixture->enrolled.token_hq, "reply", "hq", reply_payload);
}

/* With LIAISON_WEB_TRACK_SCREENSHOT set to a file name, the follow page
 * of @fixture's matter at phone size in zh_CN, through a real browser
 * (tests/a11y/shoot-web-track.py; docs/online.md). */
static void
shoot (Fixture *fixture)
{
  const char *out = g_getenv ("LIAISON_WEB_TRACK_SCREENSHOT");
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (out == NULL)
    return;
  script = g_build_filename (g_getenv ("LIAISON_DOCS"), "..", "tests", "a11y", "shoot-web-track.py", NULL);
  {
    const char *argv[] = { "/usr/bin/python3", script, fixture->enrolled.hq.public_url, fixture->code, out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Tests */

/* The code form: a GET, with its token, kept by no cache. */
static void
test_form (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Page) page = request (fixture, "GET", "/track", NULL, NULL);

  g_assert_cmpuint (page->status, ==, 200);
  assert_has (page, "<form id=\"track-form\" method=\"post\" action=\"/track\">");
  assert_has (page, "name=\"code\"");
  assert_has (page, "<button id=\"track-button\"");
  g_assert_nonnull (page->csrf_cookie);
  g_assert_cmpstr (page->cache_control, ==, "no-store");
}

/* An unknown code: told so, and nothing else; a malformed one too. */
static void
test_unknown_code (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Page) unknown = NULL;
  g_autoptr(Page) malformed = NULL;

  submit (fixture);
  unknown = track (fixture, "ABCD-EFGH-JK");
  g_assert_cmpuint (unknown->status, ==, 404);
  assert_has (unknown, "<p id=\"error\" role=\"alert\">There is no matter with this receipt code.</p>");
  assert_lacks (unknown, "id=\"progress\"");
  assert_lacks (unknown, "路灯不亮");
  assert_private (unknown);

  malformed = track (fixture, "<b>1</b>");
  g_assert_cmpuint (malformed->status, ==, 400);
  assert_has (malformed, "id=\"error\"");
  assert_has (malformed, " aria-describedby=\"code-hint error\" aria-invalid=\"true\"");
  assert_lacks (malformed, "<b>1</b>");
}

/* A POST without the page's token, or with another's: 403, nothing read. */
static void
test_bad_csrf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GHashTable) no_token = NULL;
  g_autoptr(GHashTable) wrong = NULL;
  g_autoptr(GHashTable) rating = NULL;
  g_autoptr(Page) get = request (fixture, "GET", "/track", NULL, NULL);
  g_autoptr(Page) without = NULL;
  g_autoptr(Page) mismatched = NULL;
  g_autoptr(Page) rated = NULL;
  g_autoptr(Page) after = NULL;

  submit (fixture);
  accept_and_reply (fixture, NICE_REPLY);
  no_token = form_new ("code", fixture->code, NULL);
  without = request (fixture, "POST", "/track", no_token, NULL);
  g_assert_cmpuint (without->status, ==, 403);
  assert_lacks (without, "id=\"progress\"");

  wrong = form_new ("code", fixture->code, "csrf", "1700000000.0000000000000000.forged", NULL);
  mismatched = request (fixture, "POST", "/track", wrong, get->csrf_cookie);
  g_assert_cmpuint (mismatched->status, ==, 403);
  assert_lacks (mismatched, "id=\"progress\"");

  rating = form_new ("code", fixture->code, "rating", "satisfied", "comment", "", "csrf", get->csrf_cookie, NULL);
  rated = request (fixture, "POST", "/rate", rating, NULL);
  g_assert_cmpuint (rated->status, ==, 403);
  /* The rating was not recorded: the form is still there. */
  after = track (fixture, fixture->code);
  assert_has (after, "<form id=\"rate-form\"");
  shoot (fixture);
}

/* Guessing: past the lookup limit every lookup is refused with 429,
 * before the code is looked at, the right one too. */
static void
test_guessing (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Page) refused = NULL;
  g_autoptr(Page) right = NULL;

  submit (fixture);
  for (guint i = 0; i < LOOKUPS_PER_HOUR; i++)
    {
      /* Well-formed codes (no I, L, O, 0 or 1), not the citizen's. */
      g_autofree char *guess = g_strdup_printf ("ABCD-EFGH-%c%c", "QRSTUVWXYZ"[i], "23456789"[i]);
      g_autoptr(Page) page = track (fixture, guess);

      g_assert_cmpuint (page->status, ==, 404);
    }
  refused = track (fixture, "WXYZ-WXYZ-WX");
  g_assert_cmpuint (refused->status, ==, 429);
  g_assert_nonnull (refused->retry_after);
  g_assert_cmpint (atoi (refused->retry_after), >, 0);
  assert_has (refused, "id=\"error\"");
  right = track (fixture, fixture->code);
  g_assert_cmpuint (right->status, ==, 429);
  assert_lacks (right, "id=\"progress\"");
}

/* Each stage in words: received; accepted, taken up, referred, replied,
 * with the reply escaped (script and all) and the rating form. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Page) received = NULL;
  g_autoptr(Page) replied = NULL;

  submit (fixture);
  received = track (fixture, fixture->code);
  g_assert_cmpuint (received->status, ==, 200);
  assert_has (received, "<ol id=\"progress\">");
  assert_has (received, "东山联络站");
  assert_lacks (received, "<form id=\"rate-form\"");
  assert_private (received);

  accept_and_reply (fixture, SCRIPT_REPLY);
  /* In lower case too: the code is typed as it comes. */
  {
    g_autofree char *lower = g_ascii_strdown (fixture->code, -1);

    replied = track (fixture, lower);
  }
  g_assert_cmpuint (replied->status, ==, 200);
  assert_has (replied, "Taken up by the liaison station");
  assert_has (replied, "Taken up by deputy 张伟");
  assert_has (replied, "Referred to " LEAD_UNIT_NAME ", " CO_UNIT_NAME);
  assert_has (replied, "Replied by " LEAD_UNIT_NAME);
  assert_has (replied, "Matter: 路灯不亮");
  assert_has (replied, "<blockquote class=\"reply\">已修复。&lt;script&gt;alert(1)&lt;/script&gt; &amp; “完毕”</blockquote>");
  assert_lacks (replied, "<script>");
  assert_has (replied, "<form id=\"rate-form\" method=\"post\" action=\"/rate\">");
  assert_has (replied, "value=\"unsatisfied\"");
  assert_has (replied, "<button id=\"rate-button\"");
  assert_private (replied);

  /* In Chinese, each step and rating in its own words, whatever the
   * server's own locale. */
  fixture->lang = "zh";
  {
    g_autoptr(Page) zh = track (fixture, fixture->code);

    g_assert_cmpuint (zh->status, ==, 200);
    assert_has (zh, "<html lang=\"zh-CN\">");
    assert_has (zh, "联络站已受理");
    assert_has (zh, "张伟代表已领办");
    assert_has (zh, "已转交" LEAD_UNIT_NAME "、" CO_UNIT_NAME "办理");
    assert_has (zh, ">基本满意</label>");
    assert_has (zh, "评价答复");
  }
}

/* Declined: the reason, in words, in #declined; nothing to rate. */
static void
test_declined (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(Page) page = NULL;

  submit (fixture);
  decide (fixture, "declined", "\"duplicate\"");
  page = track (fixture, fixture->code);
  g_assert_cmpuint (page->status, ==, 200);
  assert_has (page, "<p id=\"declined\">The station did not take it up: it repeats a matter raised earlier.</p>");
  assert_lacks (page, "<form id=\"rate-form\"");
}

/* Rating: checked, recorded once; unsatisfied reopens the matter; the
 * same reply is not rated twice; the next reply may be. */
static void
test_rate (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *too_long = g_strnfill (LIAISON_HQ_RATING_COMMENT_MAX + 1, 'x');
  g_autoptr(Page) no_rating = NULL;
  g_autoptr(Page) long_comment = NULL;
  g_autoptr(Page) rated = NULL;
  g_autoptr(Page) twice = NULL;
  g_autoptr(Page) second = NULL;

  submit (fixture);
  accept_and_reply (fixture, "已修复。");

  no_rating = rate (fixture, "happy", "");
  g_assert_cmpuint (no_rating->status, ==, 400);
  assert_has (no_rating, "id=\"error\"");
  long_comment = rate (fixture, "satisfied", too_long);
  g_assert_cmpuint (long_comment->status, ==, 400);
  assert_has (long_comment, "too long");
  g_assert_cmpint (liaison_test_hq_count (&fixture->enrolled.hq, "SELECT count(*) FROM records"
                                          " WHERE json_extract (data, '$.role') = 'citizen'"), ==, 0);

  rated = rate (fixture, "unsatisfied", "<i>还是不亮</i>");
  g_assert_cmpuint (rated->status, ==, 200);
  assert_has (rated, "<p id=\"notice\" role=\"status\">");
  assert_has (rated, "Rated: Unsatisfied");
  assert_lacks (rated, "<form id=\"rate-form\"");
  assert_lacks (rated, "<i>还是不亮</i>");
  assert_private (rated);
  g_assert_cmpint (liaison_test_hq_count (&fixture->enrolled.hq, "SELECT count(*) FROM records"
                                          " WHERE json_extract (data, '$.role') = 'citizen'"
                                          " AND json_extract (data, '$.note') = '<i>还是不亮</i>'"), ==, 1);

  twice = rate (fixture, "satisfied", "");
  g_assert_cmpuint (twice->status, ==, 409);
  assert_has (twice, "This reply has already been rated.");
  g_assert_cmpint (liaison_test_hq_count (&fixture->enrolled.hq, "SELECT count(*) FROM records"
                                          " WHERE json_extract (data, '$.role') = 'citizen'"), ==, 1);

  /* Referred and replied again, after the rating (dated by the
   * server's clock): rateable again. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    GDateTime *next = g_date_time_add_seconds (now, 60 - g_date_time_get_seconds (now));

    g_date_time_unref (fixture->clock);
    fixture->clock = next;
  }
  refer (fixture);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (fixture->clock);
    g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
    g_autofree char *payload = g_strdup_printf (", \"reply_text\": \"已更换灯杆。\", \"reply_date\": \"%s\","
                                                " \"replying_unit\": \"%s\", \"attachments\": []", day,
                                                fixture->lead_unit);

    push_move (fixture, fixture->enrolled.token_hq, "reply", "hq", payload);
  }
  second = rate (fixture, "satisfied", "");
  g_assert_cmpuint (second->status, ==, 200);
  assert_has (second, "Rated: Satisfied");
  g_assert_cmpint (liaison_test_hq_count (&fixture->enrolled.hq, "SELECT count(*) FROM records"
                                          " WHERE json_extract (data, '$.role') = 'citizen'"), ==, 2);
}

/* The whole loop with real desks: a station's desk and headquarters'
 * sync with the server whose public site the citizen uses. */
static void
loop_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  LiaisonTestHq *hq = &fixture->enrolled.hq;
  g_autofree char *units = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  fixture->lang = "en";
  hq->public_site = TRUE;
  liaison_test_hq_init (hq, "liaison-web-loop-XXXXXX");
  liaison_test_hq_import_roster (hq);
  units = g_build_filename (hq->dir, "units.csv", NULL);
  g_assert_true (g_file_set_contents (units, "名称,类型\n" LEAD_UNIT_NAME ",部门\n", -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (hq, "import units", units, NULL);
  liaison_test_hq_start (hq);
  fixture->enrolled.session = soup_session_new ();
  fixture->east = liaison_test_replica_new_synced_station (hq, "east.db", "东山联络站");
  fixture->office = liaison_test_replica_new (hq, "office.db");
  liaison_test_replica_enroll_hq (hq, &fixture->office, "代表工委 李明");
  liaison_test_replica_sync_clean (&fixture->office);
  fixture->enrolled.station_a = liaison_test_local_station_uuid (fixture->east.store);
}

static void
desk_move (LiaisonTestReplica *desk,
           gint64              id,
           LiaisonLoopEvent   *event)
{
  g_autoptr(LiaisonLoopEvent) owned = event;

  liaison_test_record_event (desk->store, id, owned);
  liaison_test_replica_sync_clean (desk);
}

/* Headquarters' desk refers the suggestion @id and records a reply. */
static void
refer_and_reply (Fixture    *fixture,
                 gint64      id,
                 const char *text)
{
  LiaisonLoopEvent *refer = liaison_test_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委 李明", NULL);
  LiaisonLoopEvent *answer = liaison_test_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委 李明", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  liaison_test_replica_sync_clean (&fixture->office);
  refer->lead_unit_uuid = liaison_test_unit_uuid (fixture->office.store, LEAD_UNIT_NAME);
  g_date_clear (&refer->due_date, 1);
  g_date_set_dmy (&refer->due_date, 1, 1, 2099);
  desk_move (&fixture->office, id, refer);
  answer->reply_text = g_strdup (text);
  answer->replying_unit_uuid = liaison_test_unit_uuid (fixture->office.store, LEAD_UNIT_NAME);
  g_date_clear (&answer->reply_date, 1);
  g_date_set_dmy (&answer->reply_date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  desk_move (&fixture->office, id, answer);
}

static LiaisonLoopState *
desk_state (LiaisonTestReplica *desk,
            gint64              id)
{
  g_autoptr(GError) error = NULL;
  LiaisonLoopState *state;

  liaison_test_replica_sync_clean (desk);
  state = liaison_store_get_loop_state (desk->store, id, &error);
  g_assert_no_error (error);
  return state;
}

/* The citizen's rating event on @desk's timeline of @id, the last one. */
static LiaisonLoopEvent *
citizen_rating (LiaisonTestReplica *desk,
                gint64              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = liaison_store_list_suggestion_events (desk->store, id, &error);
  LiaisonLoopEvent *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      LiaisonLoopEvent *event = g_ptr_array_index (events, i);

      if (event->role == LIAISON_LOOP_ROLE_CITIZEN)
        {
          g_clear_pointer (&found, liaison_loop_event_free);
          found = liaison_loop_event_copy (event);
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* Submitted on the site, accepted at the station's desk, taken up by a
 * deputy there, referred and replied at headquarters' desk; the citizen
 * rates it unsatisfied on the site, and both desks replay the reopened
 * matter; after the second reply, satisfied, and the station has it. */
static void
test_loop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reception = NULL;
  g_autofree char *suggestion = NULL;
  g_autoptr(Page) replied = NULL;
  g_autoptr(Page) unsatisfied = NULL;
  g_autoptr(Page) satisfied = NULL;
  g_autoptr(LiaisonLoopState) reopened = NULL;
  g_autoptr(LiaisonLoopState) reopened_hq = NULL;
  g_autoptr(LiaisonLoopState) rated = NULL;
  g_autoptr(LiaisonLoopEvent) first = NULL;
  g_autoptr(LiaisonLoopEvent) second = NULL;
  g_autofree char *title = NULL;
  LiaisonLoopEvent *take_up;
  gint64 id, hq_id;

  submit (fixture);
  liaison_test_replica_sync_clean (&fixture->east);
  g_assert_true (liaison_store_accept_online_submission (fixture->east.store, fixture->submission, "陈红",
                                                         &reception, &suggestion, &error));
  g_assert_no_error (error);
  id = liaison_test_suggestion_id (fixture->east.store, suggestion);
  take_up = liaison_test_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟", NULL);
  take_up->deputy_uuid = liaison_test_deputy_uuid (fixture->east.store, "张伟");
  desk_move (&fixture->east, id, take_up);

  liaison_test_replica_sync_clean (&fixture->office);
  hq_id = liaison_test_suggestion_id (fixture->office.store, suggestion);
  g_assert_cmpint (hq_id, >, 0);
  refer_and_reply (fixture, hq_id, "已更换路灯。");

  replied = track (fixture, fixture->code);
  assert_has (replied, "Taken up by the liaison station");
  assert_has (replied, "Taken up by deputy 张伟");
  assert_has (replied, "<blockquote class=\"reply\">已更换路灯。</blockquote>");
  unsatisfied = rate (fixture, "unsatisfied", "路灯还是不亮");
  g_assert_cmpuint (unsatisfied->status, ==, 200);

  /* The station's desk pulls it and replays: reopened, awaiting referral. */
  reopened = desk_state (&fixture->east, id);
  g_assert_cmpint (reopened->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (reopened->round, ==, 2);
  g_assert_cmpint (reopened->last_rating, ==, LIAISON_LOOP_RATING_UNSATISFIED);
  g_assert_cmpuint (reopened->rejected->len, ==, 0);
  first = citizen_rating (&fixture->east, id);
  g_assert_cmpint (first->asked, ==, LIAISON_LOOP_ASKED_ONLINE);
  g_assert_null (first->actor_name);
  g_assert_cmpstr (first->note, ==, "路灯还是不亮");
  title = liaison_loop_event_title (first);
  g_assert_cmpstr (title, ==, "Rated online by the citizen: Unsatisfied");
  reopened_hq = desk_state (&fixture->office, hq_id);
  g_assert_cmpint (reopened_hq->status, ==, LIAISON_LOOP_STATUS_TAKEN_UP);
  g_assert_cmpuint (reopened_hq->round, ==, 2);

  /* Referred and replied again; rated satisfied; the station has it. */
  refer_and_reply (fixture, hq_id, "已更换灯杆，经回访恢复照明。");
  satisfied = rate (fixture, "satisfied", "");
  g_assert_cmpuint (satisfied->status, ==, 200);
  assert_has (satisfied, "Rated: Satisfied");
  rated = desk_state (&fixture->east, id);
  g_assert_cmpint (rated->status, ==, LIAISON_LOOP_STATUS_RATED);
  g_assert_cmpint (rated->last_rating, ==, LIAISON_LOOP_RATING_SATISFIED);
  second = citizen_rating (&fixture->east, id);
  g_assert_cmpint (second->rating, ==, LIAISON_LOOP_RATING_SATISFIED);
  g_assert_null (second->note);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/web-track/form", test_form);
  ADD ("/web-track/unknown-code", test_unknown_code);
  ADD ("/web-track/bad-csrf", test_bad_csrf);
  ADD ("/web-track/guessing", test_guessing);
  ADD ("/web-track/progress", test_progress);
  ADD ("/web-track/declined", test_declined);
  ADD ("/web-track/rate", test_rate);
#undef ADD
  g_test_add ("/web-track/loop", Fixture, NULL, loop_set_up, test_loop, fixture_tear_down);

  return g_test_run ();
}
