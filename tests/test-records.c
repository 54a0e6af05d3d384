/* test-records.c: codes and labels, phones, dates and the record checks. */
#define G_LOG_DOMAIN "test-records"

#include "config.h"

#include <string.h>

#include "liaison-records.h"
#include "liaison-validate.h"

/* The head of a text, by characters; a text shorter than the head asked
 * for is copied whole, and nothing past its end is read (AddressSanitizer
 * found g_utf8_substring() reading there). The texts are heap copies of
 * their exact length, so that a read past the end is a read past the
 * block. */
static void
test_utf8_head (void)
{
  static const struct {
    const char *text;
    gsize       n_chars;
    const char *head;
  } cases[] = {
    { "", 0, "" },
    { "", 5, "" },
    { "abc", 0, "" },
    { "abc", 2, "ab" },
    { "abc", 3, "abc" },
    { "abc", 31, "abc" },
    { "人大代表联络站", 2, "人大" },
    { "人大代表联络站", 7, "人大代表联络站" },
    { "人大代表联络站", 40, "人大代表联络站" },
    { "a人b大", 3, "a人b" },
    { "签到表😀.jpg", 4, "签到表😀" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup (cases[i].text);
      g_autofree char *head = liaison_utf8_head (text, cases[i].n_chars);

      g_test_message ("%s, %" G_GSIZE_FORMAT, cases[i].text, cases[i].n_chars);
      g_assert_cmpstr (head, ==, cases[i].head);
    }
}

static void
test_phone_valid (void)
{
  static const char *const good[] = {
    "13812345678", "19912345678", "15005611234", "17612345678",
    "0561-3012345", "05613012345", "0561 3012345", "010-12345678", "01012345678",
    "021-1234567", "0551-65123456",
  };
  static const char *const bad[] = {
    "", "1381234567", "138123456789", "12812345678", "10812345678", "23812345678",
    "138-1234-5678", "1381234567a", "abcdefghijk", "138 1234 5678",
    "0561-12345", "0561-123456789", "0561-301-2345", "0561--3012345", "0061-3012345",
    "00-12345678", "-05613012345", "+8613812345678", "0561-3012345 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("good: %s", good[i]);
      g_assert_true (liaison_phone_is_valid (good[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: %s", bad[i]);
      g_assert_false (liaison_phone_is_valid (bad[i]));
    }
  g_assert_false (liaison_phone_is_valid (NULL));
}

static void
assert_normalized (const char *text,
                   const char *expected)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);

  g_test_message ("%s -> %s", text ? text : "(null)", normalized ? normalized : "(null)");
  g_assert_cmpstr (normalized, ==, expected);
}

static void
test_normalize_datetime (void)
{
  assert_normalized ("2024-03-05", "2024-03-05 00:00");
  assert_normalized ("2024-03-05 09:30", "2024-03-05 09:30");
  assert_normalized ("2024/3/5", "2024-03-05 00:00");
  assert_normalized ("2024/3/5 9:30", "2024-03-05 09:30");
  assert_normalized ("2024.3.5", "2024-03-05 00:00");
  assert_normalized ("2024年3月5日", "2024-03-05 00:00");
  assert_normalized ("2024年3月5日 9:30", "2024-03-05 09:30");
  assert_normalized ("2024年03月05日09时30分", "2024-03-05 09:30");
  assert_normalized ("  2024-03-05 09:30  ", "2024-03-05 09:30");
  assert_normalized ("2024-03-05T23:59", "2024-03-05 23:59");
  assert_normalized ("2024-02-29", "2024-02-29 00:00");
  assert_normalized ("2000-02-29", "2000-02-29 00:00");
  /* Excel and WPS write seconds; they are checked, then dropped. */
  assert_normalized ("2024/3/5 9:30:00", "2024-03-05 09:30");
  assert_normalized ("2024-03-05 09:30:59", "2024-03-05 09:30");

  /* Not real dates or times. */
  assert_normalized ("2023-02-29", NULL);
  assert_normalized ("1900-02-29", NULL);
  assert_normalized ("2024-13-01", NULL);
  assert_normalized ("2024-00-10", NULL);
  assert_normalized ("2024-04-31", NULL);
  assert_normalized ("2024-03-32", NULL);
  assert_normalized ("2024-03-05 24:00", NULL);
  assert_normalized ("2024-03-05 23:60", NULL);
  assert_normalized ("2024-03-05 09:30:60", NULL);
  assert_normalized ("2024-03-05 09:30:00:00", NULL);
  assert_normalized ("1899-12-31", NULL);
  assert_normalized ("03/05/2024", NULL);
  assert_normalized ("12024-03-05", NULL);
  /* A long run of digits is refused before it overflows an int (the
   * fuzzer's find: UBSan stops the sanitizer build on the overflow). */
  assert_normalized ("2026-03-05 333333333333:00", NULL);
  assert_normalized ("2024-04-05955612345", NULL);
  /* Neither a date alone nor a date and a time. */
  assert_normalized ("2024-03", NULL);
  assert_normalized ("2024-03-05 09", NULL);
  assert_normalized ("三月五日", NULL);
  assert_normalized ("", NULL);
  assert_normalized (NULL, NULL);
}

static void
test_parse_local_datetime (void)
{
  g_autoptr(GDateTime) parsed = liaison_parse_local_datetime ("2024年3月5日 9:30");
  g_autoptr(GDateTime) midnight = liaison_parse_local_datetime ("2024/12/31");
  g_autoptr(GDateTime) expected = g_date_time_new_local (2024, 3, 5, 9, 30, 0);

  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_year (parsed), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (parsed), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (parsed), ==, 5);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (parsed), ==, 30);
  g_assert_cmpint (g_date_time_get_second (parsed), ==, 0);
  /* Local time, as the clerk wrote it. */
  g_assert_true (g_date_time_equal (parsed, expected));

  g_assert_nonnull (midnight);
  g_assert_cmpint (g_date_time_get_day_of_year (midnight), ==, 366);
  g_assert_cmpint (g_date_time_get_hour (midnight), ==, 0);

  g_assert_null (liaison_parse_local_datetime ("2023-02-29 10:00"));
  g_assert_null (liaison_parse_local_datetime ("2024-03-05 24:00"));
  g_assert_null (liaison_parse_local_datetime ("not a date"));
  g_assert_null (liaison_parse_local_datetime (NULL));
}

static void
test_station_kinds (void)
{
  static const char *const zh[] = { "人大代表之家", "代表工作室", "代表联络站", "代表联络点" };
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == LIAISON_N_STATION_KINDS);

  for (int i = 0; i < LIAISON_N_STATION_KINDS; i++)
    {
      const char *code = liaison_station_kind_to_code (i);
      g_autofree char *upper = g_ascii_strup (code, -1);
      LiaisonStationKind kind = LIAISON_N_STATION_KINDS;

      g_assert_nonnull (code);
      g_assert_true (liaison_station_kind_from_code (code, &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (liaison_station_kind_label (i));
      kind = LIAISON_N_STATION_KINDS;
      g_assert_true (liaison_station_kind_parse (liaison_station_kind_label (i), &kind));
      g_assert_cmpint (kind, ==, i);
      kind = LIAISON_N_STATION_KINDS;
      g_assert_true (liaison_station_kind_parse (zh[i], &kind));
      g_assert_cmpint (kind, ==, i);
      kind = LIAISON_N_STATION_KINDS;
      g_assert_true (liaison_station_kind_parse (upper, &kind));
      g_assert_cmpint (kind, ==, i);
      /* Codes only: a label is not a code. */
      g_assert_false (liaison_station_kind_from_code (zh[i], &kind));
    }
  g_assert_cmpstr (liaison_station_kind_to_code (LIAISON_STATION_KIND_HOME), ==, "home");
}

static void
test_deputy_levels (void)
{
  static const char *const zh[] = { "全国", "省", "市", "县(区)", "乡镇" };
  static const char *const codes[] = { "national", "provincial", "city", "county", "township" };
  LiaisonDeputyLevel level;
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == LIAISON_N_DEPUTY_LEVELS);

  for (int i = 0; i < LIAISON_N_DEPUTY_LEVELS; i++)
    {
      g_assert_cmpstr (liaison_deputy_level_to_code (i), ==, codes[i]);
      level = LIAISON_N_DEPUTY_LEVELS;
      g_assert_true (liaison_deputy_level_from_code (codes[i], &level));
      g_assert_cmpint (level, ==, i);
      level = LIAISON_N_DEPUTY_LEVELS;
      g_assert_true (liaison_deputy_level_parse (zh[i], &level));
      g_assert_cmpint (level, ==, i);
      level = LIAISON_N_DEPUTY_LEVELS;
      g_assert_true (liaison_deputy_level_parse (liaison_deputy_level_label (i), &level));
      g_assert_cmpint (level, ==, i);
      g_assert_false (liaison_deputy_level_from_code (zh[i], &level));
    }

  level = LIAISON_N_DEPUTY_LEVELS;
  g_assert_true (liaison_deputy_level_parse ("  City ", &level));
  g_assert_cmpint (level, ==, LIAISON_DEPUTY_LEVEL_CITY);
  g_assert_false (liaison_deputy_level_parse ("部级", &level));
  g_assert_false (liaison_deputy_level_parse ("", &level));
  g_assert_false (liaison_deputy_level_parse (NULL, &level));
}

static void
test_channels (void)
{
  static const char *const zh[] = { "来访", "电话", "网络", "流动办公桌" };
  LiaisonChannel channel;
  G_STATIC_ASSERT (G_N_ELEMENTS (zh) == LIAISON_N_CHANNELS);

  for (int i = 0; i < LIAISON_N_CHANNELS; i++)
    {
      const char *code = liaison_channel_to_code (i);

      channel = LIAISON_N_CHANNELS;
      g_assert_true (liaison_channel_from_code (code, &channel));
      g_assert_cmpint (channel, ==, i);
      channel = LIAISON_N_CHANNELS;
      g_assert_true (liaison_channel_parse (zh[i], &channel));
      g_assert_cmpint (channel, ==, i);
      channel = LIAISON_N_CHANNELS;
      g_assert_true (liaison_channel_parse (liaison_channel_label (i), &channel));
      g_assert_cmpint (channel, ==, i);
    }
  g_assert_cmpstr (liaison_channel_to_code (LIAISON_CHANNEL_MOBILE_DESK), ==, "mobile_desk");
  g_assert_true (liaison_channel_parse ("Walk-in", &channel));
  g_assert_cmpint (channel, ==, LIAISON_CHANNEL_WALK_IN);
  g_assert_false (liaison_channel_parse ("信件", &channel));
  g_assert_false (liaison_channel_from_code ("来访", &channel));

  /* A suggestion's status is the loop's: a new one is registered. */
  {
    g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();

    g_assert_cmpint (suggestion->status, ==, LIAISON_LOOP_STATUS_REGISTERED);
    g_assert_cmpstr (liaison_loop_status_to_code (suggestion->status), ==, "registered");
    g_assert_cmpuint (suggestion->round, ==, 1);
    g_assert_nonnull (suggestion->co_signer_ids);
    g_assert_cmpuint (suggestion->co_signer_ids->len, ==, 0);
    g_assert_false (g_date_valid (&suggestion->due_date));
  }
  g_assert_nonnull (liaison_sync_state_label (LIAISON_SYNC_STATE_SYNCED));
  g_assert_cmpstr (liaison_sync_state_label (LIAISON_SYNC_STATE_PENDING), !=,
                   liaison_sync_state_label (LIAISON_SYNC_STATE_ERROR));
}

/* A reception that passes every check. */
static LiaisonReception *
good_reception (void)
{
  LiaisonReception *reception = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();
  gint64 deputy = 1;

  reception->received_at = g_strdup ("2024-03-05 09:30");
  reception->station_id = 1;
  reception->category_id = 1;
  reception->summary = g_strdup ("反映道路积水严重。");
  g_array_append_val (reception->deputy_ids, deputy);
  visitor->name = g_strdup ("张桂兰");
  visitor->phone = g_strdup ("13812345678");
  visitor->community = g_strdup ("东山社区");
  visitor->consent = TRUE;
  g_ptr_array_add (reception->visitors, visitor);
  return reception;
}

static GDateTime *
check_now (void)
{
  return g_date_time_new_local (2024, 6, 1, 12, 0, 0);
}

/* The fields that failed, in order, joined with spaces. */
static char *
failed_fields (const LiaisonReception *reception)
{
  g_autoptr(GDateTime) now = check_now ();
  g_autoptr(GPtrArray) errors = liaison_reception_check (reception, now);
  g_autoptr(GString) fields = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      const LiaisonFieldError *error = g_ptr_array_index (errors, i);

      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      if (i > 0)
        g_string_append_c (fields, ' ');
      g_string_append (fields, error->field);
    }
  return g_string_free (g_steal_pointer (&fields), FALSE);
}

static void
test_reception_check (void)
{
  g_autoptr(LiaisonReception) good = good_reception ();
  g_autoptr(LiaisonReception) empty = liaison_reception_new ();
  g_autofree char *good_fields = failed_fields (good);
  g_autofree char *empty_fields = failed_fields (empty);

  g_assert_cmpstr (good_fields, ==, "");
  g_assert_cmpstr (empty_fields, ==, "received_at station deputies category summary visitors");

  {
    g_autoptr(LiaisonReception) r = good_reception ();
    g_autofree char *fields = NULL;

    g_free (r->received_at);
    r->received_at = g_strdup ("2024-06-02 08:00");
    fields = failed_fields (r);
    g_assert_cmpstr (fields, ==, "received_at");
  }
  {
    g_autoptr(LiaisonReception) r = good_reception ();
    g_autofree char *fields = NULL;

    g_free (r->received_at);
    r->received_at = g_strdup ("2023-02-29");
    fields = failed_fields (r);
    g_assert_cmpstr (fields, ==, "received_at");
  }
  {
    g_autoptr(LiaisonReception) r = good_reception ();
    LiaisonVisitor *second = liaison_visitor_new ();
    LiaisonVisitor *first = g_ptr_array_index (r->visitors, 0);
    g_autofree char *fields = NULL;

    /* Consent without a phone, a bad phone, no community, sizes out of range. */
    g_clear_pointer (&first->phone, g_free);
    first->party_size = 0;
    second->phone = g_strdup ("12345");
    second->party_size = LIAISON_MAX_PARTY_SIZE + 1;
    second->name = g_strnfill (LIAISON_MAX_NAME_CHARS + 1, 'x');
    g_ptr_array_add (r->visitors, second);
    fields = failed_fields (r);
    g_assert_cmpstr (fields, ==,
                     "visitor.0.phone visitor.0.party_size "
                     "visitor.1.name visitor.1.phone visitor.1.community visitor.1.party_size");
  }
  {
    g_autoptr(LiaisonReception) r = good_reception ();
    LiaisonSuggestion *suggestion = liaison_suggestion_new ();
    g_autofree char *fields = NULL;

    r->handled_on_spot = TRUE;
    r->channel = LIAISON_N_CHANNELS;
    g_free (r->summary);
    r->summary = g_strnfill (LIAISON_MAX_SUMMARY_CHARS + 1, 'x');
    g_ptr_array_add (r->suggestions, suggestion);
    fields = failed_fields (r);
    g_assert_cmpstr (fields, ==,
                     "channel summary handling "
                     "suggestion.0.title suggestion.0.content suggestion.0.category");
  }
  {
    /* Length counts characters, not bytes. */
    g_autoptr(LiaisonReception) r = good_reception ();
    LiaisonVisitor *first = g_ptr_array_index (r->visitors, 0);
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *fields = NULL;

    for (guint i = 0; i < LIAISON_MAX_NAME_CHARS; i++)
      g_string_append (name, "张");
    g_free (first->name);
    first->name = g_strdup (name->str);
    fields = failed_fields (r);
    g_assert_cmpstr (fields, ==, "");
  }
}

static void
test_field_errors_to_error (void)
{
  g_autoptr(LiaisonReception) empty = liaison_reception_new ();
  g_autoptr(GDateTime) now = check_now ();
  g_autoptr(GPtrArray) errors = liaison_reception_check (empty, now);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const LiaisonFieldError *first = g_ptr_array_index (errors, 0);

  g_assert_true (liaison_field_errors_to_error (none, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_field_errors_to_error (errors, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, first->message);
}

static void
test_deputy_check (void)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(GPtrArray) errors = NULL;
  const LiaisonFieldError *error;

  errors = liaison_deputy_check (deputy);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_cmpstr (error->field, ==, "name");
  g_clear_pointer (&errors, g_ptr_array_unref);

  deputy->name = g_strdup ("王建国");
  deputy->phone = g_strdup ("0561-301-2345");
  errors = liaison_deputy_check (deputy);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_cmpstr (error->field, ==, "phone");
  g_clear_pointer (&errors, g_ptr_array_unref);

  g_free (deputy->phone);
  deputy->phone = g_strdup ("0561-3012345");
  errors = liaison_deputy_check (deputy);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_visitor_copy (void)
{
  g_autoptr(LiaisonVisitor) visitor = liaison_visitor_new ();
  g_autoptr(LiaisonVisitor) copy = NULL;

  g_assert_cmpint (visitor->party_size, ==, 1);
  visitor->name = g_strdup ("李明");
  visitor->community = g_strdup ("金海社区");
  visitor->party_size = 3;
  visitor->consent = TRUE;
  copy = liaison_visitor_copy (visitor);
  g_assert_true (copy->name != visitor->name);
  g_assert_cmpstr (copy->name, ==, "李明");
  g_assert_null (copy->phone);
  g_assert_cmpstr (copy->community, ==, "金海社区");
  g_assert_cmpint (copy->party_size, ==, 3);
  g_assert_true (copy->consent);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/text/utf8-head", test_utf8_head);
  g_test_add_func ("/records/phone/valid", test_phone_valid);
  g_test_add_func ("/records/datetime/normalize", test_normalize_datetime);
  g_test_add_func ("/records/datetime/parse-local", test_parse_local_datetime);
  g_test_add_func ("/records/codes/station-kinds", test_station_kinds);
  g_test_add_func ("/records/codes/deputy-levels", test_deputy_levels);
  g_test_add_func ("/records/codes/channels", test_channels);
  g_test_add_func ("/records/check/reception", test_reception_check);
  g_test_add_func ("/records/check/to-error", test_field_errors_to_error);
  g_test_add_func ("/records/check/deputy", test_deputy_check);
  g_test_add_func ("/records/visitor/copy", test_visitor_copy);

  return g_test_run ();
}
