/* test-reception-form.c: the reception editor's logic, without widgets. */
#define G_LOG_DOMAIN "test-reception-form"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-reception-form.h"
#include "liaison-store.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

/* A fixed present, so that rules about the future do not depend on the
 * day the test runs. */
static GDateTime *
fixed_now (void)
{
  return g_date_time_new_local (2024, 6, 1, 12, 0, 0);
}

/* Every required field filled in, valid as of fixed_now(). */
static void
fill_complete (LiaisonReceptionForm *form,
               gint64                deputy_id,
               gint64                category_id)
{
  liaison_reception_form_set_date (form, "2024-03-05");
  liaison_reception_form_set_time (form, "09:30");
  liaison_reception_form_set_channel (form, LIAISON_CHANNEL_WALK_IN);
  liaison_reception_form_set_category_id (form, category_id);
  liaison_reception_form_add_deputy (form, deputy_id);
  liaison_reception_form_set_visitor (form, 0, "张三", "13812345678", "相山区东山社区", "2", TRUE);
  liaison_reception_form_set_summary (form, "小区路灯坏了三个月无人修理");
}

static LiaisonReceptionForm *
complete_form (void)
{
  LiaisonReceptionForm *form = liaison_reception_form_new ();

  fill_complete (form, 1, 1);
  return form;
}

/* Builds @form and checks that it fails with exactly one error, on
 * @field. */
static void
assert_only_error (LiaisonReceptionForm *form,
                   const char           *field)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LiaisonReception) reception = liaison_reception_form_build (form, now, &errors);
  const LiaisonFieldError *error;

  g_assert_null (reception);
  g_assert_nonnull (errors);
  if (errors->len != 1)
    for (guint i = 0; i < errors->len; i++)
      g_test_message ("error %u: %s: %s", i,
                      ((LiaisonFieldError *) errors->pdata[i])->field,
                      ((LiaisonFieldError *) errors->pdata[i])->message);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_cmpstr (error->field, ==, field);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static LiaisonReception *
assert_builds (LiaisonReceptionForm *form)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) errors = NULL;
  LiaisonReception *reception = liaison_reception_form_build (form, now, &errors);

  if (errors != NULL)
    for (guint i = 0; i < errors->len; i++)
      g_test_message ("unexpected error: %s: %s",
                      ((LiaisonFieldError *) errors->pdata[i])->field,
                      ((LiaisonFieldError *) errors->pdata[i])->message);
  g_assert_null (errors);
  g_assert_nonnull (reception);
  return reception;
}

static void
assert_passes (LiaisonReceptionForm *form)
{
  liaison_reception_free (assert_builds (form));
}

static void
test_defaults (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *date_before = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *date_after = g_date_time_format (after, "%Y-%m-%d");
  g_autofree char *time_before = g_date_time_format (before, "%H:%M");
  g_autofree char *time_after = g_date_time_format (after, "%H:%M");
  const char *date = liaison_reception_form_get_date (form);
  const char *time = liaison_reception_form_get_time (form);

  g_assert_true (g_strcmp0 (date, date_before) == 0 || g_strcmp0 (date, date_after) == 0);
  g_assert_true (g_strcmp0 (time, time_before) == 0 || g_strcmp0 (time, time_after) == 0);
  g_assert_cmpint (liaison_reception_form_get_channel (form), ==, LIAISON_CHANNEL_WALK_IN);
  g_assert_cmpint (liaison_reception_form_get_category_id (form), ==, 0);
  g_assert_cmpuint (liaison_reception_form_get_deputy_ids (form)->len, ==, 0);
  g_assert_cmpuint (liaison_reception_form_get_n_visitors (form), ==, 1);
  g_assert_cmpstr (liaison_reception_form_get_visitor_name (form, 0), ==, "");
  g_assert_cmpstr (liaison_reception_form_get_visitor_phone (form, 0), ==, "");
  g_assert_cmpstr (liaison_reception_form_get_visitor_community (form, 0), ==, "");
  g_assert_cmpstr (liaison_reception_form_get_visitor_party_size (form, 0), ==, "1");
  g_assert_false (liaison_reception_form_get_visitor_consent (form, 0));
  g_assert_cmpstr (liaison_reception_form_get_summary (form), ==, "");
  g_assert_false (liaison_reception_form_get_handled_on_spot (form));
  g_assert_cmpuint (liaison_reception_form_get_n_suggestions (form), ==, 0);
  g_assert_cmpint (liaison_reception_form_get_id (form), ==, 0);
  g_assert_false (liaison_reception_form_is_dirty (form));
  g_assert_cmpuint (liaison_reception_form_get_field_errors (form)->len, ==, 0);
}

static void
test_defaults_pass_the_date_rule (void)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LiaisonReception) reception = NULL;

  /* Only what has no default is missing: today, now, is not "in the
   * future". */
  liaison_reception_form_set_category_id (form, 1);
  liaison_reception_form_add_deputy (form, 1);
  liaison_reception_form_set_visitor (form, 0, "", "", "东山社区", "1", FALSE);
  liaison_reception_form_set_summary (form, "反映噪音扰民");
  reception = liaison_reception_form_build (form, NULL, &errors);
  g_assert_null (errors);
  g_assert_nonnull (reception);
}

static void
test_complete_builds (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  g_autoptr(LiaisonReception) reception = NULL;
  const LiaisonVisitor *visitor;
  guint index;

  liaison_reception_form_add_deputy (form, 7);
  liaison_reception_form_add_deputy (form, 1);  /* already there */
  liaison_reception_form_set_channel (form, LIAISON_CHANNEL_MOBILE_DESK);
  liaison_reception_form_set_summary (form, "  小区路灯坏了三个月无人修理\n");
  liaison_reception_form_set_handling (form, "  已转物业和供水公司核实\n");
  index = liaison_reception_form_add_visitor (form);
  g_assert_cmpuint (index, ==, 1);
  liaison_reception_form_set_visitor (form, 1, " ", "", "西园社区", "1", FALSE);

  reception = assert_builds (form);
  g_assert_cmpstr (reception->received_at, ==, "2024-03-05 09:30");
  g_assert_cmpint (reception->meta.id, ==, 0);
  g_assert_cmpint (reception->channel, ==, LIAISON_CHANNEL_MOBILE_DESK);
  g_assert_cmpint (reception->category_id, ==, 1);
  g_assert_cmpuint (reception->deputy_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (reception->deputy_ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (reception->deputy_ids, gint64, 1), ==, 7);
  g_assert_cmpstr (reception->summary, ==, "小区路灯坏了三个月无人修理");
  g_assert_false (reception->handled_on_spot);
  g_assert_cmpstr (reception->handling, ==, "已转物业和供水公司核实");
  g_assert_cmpuint (reception->visitors->len, ==, 2);
  visitor = g_ptr_array_index (reception->visitors, 0);
  g_assert_cmpstr (visitor->name, ==, "张三");
  g_assert_cmpstr (visitor->phone, ==, "13812345678");
  g_assert_cmpstr (visitor->community, ==, "相山区东山社区");
  g_assert_cmpint (visitor->party_size, ==, 2);
  g_assert_true (visitor->consent);
  visitor = g_ptr_array_index (reception->visitors, 1);
  g_assert_null (visitor->name);  /* anonymous */
  g_assert_null (visitor->phone);
  g_assert_cmpuint (reception->suggestions->len, ==, 0);
}

static void
test_spellings (void)
{
  const struct {
    const char *date;
    const char *time;
    const char *received_at;
  } cases[] = {
    { "2024-03-05", "09:30", "2024-03-05 09:30" },
    { "2024/3/5", "9:30", "2024-03-05 09:30" },
    { "2024年3月5日", "9点30", "2024-03-05 09:30" },
    { " 2024.3.5 ", "0930", "2024-03-05 09:30" },
    { "2024-03-05", "14：05", "2024-03-05 14:05" },
    { "2024-03-05", "8", "2024-03-05 08:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaisonReceptionForm) form = complete_form ();
      g_autoptr(LiaisonReception) reception = NULL;

      liaison_reception_form_set_date (form, cases[i].date);
      liaison_reception_form_set_time (form, cases[i].time);
      reception = assert_builds (form);
      g_assert_cmpstr (reception->received_at, ==, cases[i].received_at);
    }
}

static void
test_rule_missing_date (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_set_date (form, "");
  assert_only_error (form, "date");
  liaison_reception_form_set_date (form, "   ");
  assert_only_error (form, "date");
}

static void
test_rule_bad_date (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_set_date (form, "2024-02-30");
  assert_only_error (form, "date");
  liaison_reception_form_set_date (form, "yesterday");
  assert_only_error (form, "date");
  liaison_reception_form_set_date (form, "2024-02-29");  /* a leap day is real */
  assert_passes (form);
}

static void
test_rule_future_date (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *date = g_date_time_format (next_year, "%Y-%m-%d");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LiaisonReception) reception = NULL;

  /* Later the same day as the fixed present. */
  liaison_reception_form_set_date (form, "2024-06-01");
  liaison_reception_form_set_time (form, "12:01");
  assert_only_error (form, "received_at");
  liaison_reception_form_set_time (form, "11:59");
  assert_passes (form);

  /* With no present given, the form uses the clock. */
  liaison_reception_form_set_date (form, date);
  reception = liaison_reception_form_build (form, NULL, &errors);
  g_assert_null (reception);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (((LiaisonFieldError *) errors->pdata[0])->field, ==, "received_at");
}

static void
test_rule_bad_time (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  const char *bad[] = { "25:00", "09:60", "9:30pm", "9:30:00", "abc", "12345" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("time “%s”", bad[i]);
      liaison_reception_form_set_time (form, bad[i]);
      assert_only_error (form, "time");
    }
  liaison_reception_form_set_time (form, "");
  assert_only_error (form, "time");
}

static void
test_rule_no_deputy (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_remove_deputy (form, 1);
  g_assert_cmpuint (liaison_reception_form_get_deputy_ids (form)->len, ==, 0);
  assert_only_error (form, "deputies");
}

static void
test_rule_no_category (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_set_category_id (form, 0);
  assert_only_error (form, "category");
}

static void
test_rule_empty_summary (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_set_summary (form, "");
  assert_only_error (form, "summary");
  liaison_reception_form_set_summary (form, " \n\t ");
  assert_only_error (form, "summary");
}

static void
test_rule_long_summary (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < LIAISON_MAX_SUMMARY_CHARS; i++)
    g_string_append (text, "中");
  liaison_reception_form_set_summary (form, text->str);
  assert_passes (form);

  g_string_append (text, "中");
  g_assert_cmpint (g_utf8_strlen (text->str, -1), ==, 2001);
  liaison_reception_form_set_summary (form, text->str);
  assert_only_error (form, "summary");
}

static void
test_rule_phone (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_set_visitor (form, 0, "张三", "12345", "东山社区", "1", FALSE);
  assert_only_error (form, "visitor.0.phone");

  liaison_reception_form_set_visitor (form, 0, "张三", "0561-3012345", "东山社区", "1", TRUE);
  assert_passes (form);

  liaison_reception_form_set_visitor (form, 0, "张三", "13812345678", "东山社区", "1", TRUE);
  assert_passes (form);

  /* No phone is fine, unless the visitor may be contacted. */
  liaison_reception_form_set_visitor (form, 0, "张三", "", "东山社区", "1", FALSE);
  assert_passes (form);
  liaison_reception_form_set_visitor (form, 0, "张三", "  ", "东山社区", "1", TRUE);
  assert_only_error (form, "visitor.0.phone");
}

static void
test_rule_party_size (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  const char *bad[] = { "0", "abc", "", "2.5", "-1", "501", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("party size “%s”", bad[i]);
      liaison_reception_form_set_visitor (form, 0, "张三", "", "东山社区", bad[i], FALSE);
      assert_only_error (form, "visitor.0.party_size");
    }

  /* The second visitor's errors name the second visitor. */
  liaison_reception_form_set_visitor (form, 0, "张三", "", "东山社区", " 500 ", FALSE);
  liaison_reception_form_add_visitor (form);
  liaison_reception_form_set_visitor (form, 1, "李四", "", "西园村", "abc", FALSE);
  assert_only_error (form, "visitor.1.party_size");
  liaison_reception_form_set_visitor (form, 1, "李四", "", "", "3", FALSE);
  assert_only_error (form, "visitor.1.community");
}

static void
test_rule_handling (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  g_autoptr(LiaisonReception) reception = NULL;

  liaison_reception_form_set_handled_on_spot (form, TRUE);
  assert_only_error (form, "handling");
  liaison_reception_form_set_handling (form, "  ");
  assert_only_error (form, "handling");
  liaison_reception_form_set_handling (form, "当场联系社区物业解决");
  reception = assert_builds (form);
  g_assert_true (reception->handled_on_spot);
  g_assert_cmpstr (reception->handling, ==, "当场联系社区物业解决");
}

static void
test_rule_suggestion (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();
  g_autoptr(LiaisonReception) reception = NULL;
  const LiaisonSuggestion *suggestion;
  guint index;

  index = liaison_reception_form_add_suggestion (form);
  g_assert_cmpuint (index, ==, 0);
  liaison_reception_form_set_suggestion (form, 0, "", "建议增设路灯", 2);
  assert_only_error (form, "suggestion.0.title");
  liaison_reception_form_set_suggestion (form, 0, "增设路灯", "", 2);
  assert_only_error (form, "suggestion.0.content");
  liaison_reception_form_set_suggestion (form, 0, "增设路灯", "建议增设路灯", 0);
  assert_only_error (form, "suggestion.0.category");

  liaison_reception_form_set_suggestion (form, 0, "增设路灯", "建议增设路灯", 2);
  reception = assert_builds (form);
  g_assert_cmpuint (reception->suggestions->len, ==, 1);
  suggestion = g_ptr_array_index (reception->suggestions, 0);
  g_assert_cmpstr (suggestion->title, ==, "增设路灯");
  g_assert_cmpstr (suggestion->content, ==, "建议增设路灯");
  g_assert_cmpint (suggestion->category_id, ==, 2);
  g_assert_cmpint (suggestion->meta.id, ==, 0);
  /* Raised by the first visitor unless said otherwise. */
  g_assert_cmpstr (suggestion->raised_by, ==, "张三");
  g_clear_pointer (&reception, liaison_reception_free);

  liaison_reception_form_set_suggestion_raised_by (form, 0, "王五");
  reception = assert_builds (form);
  suggestion = g_ptr_array_index (reception->suggestions, 0);
  g_assert_cmpstr (suggestion->raised_by, ==, "王五");
  g_clear_pointer (&reception, liaison_reception_free);

  /* The second suggestion is number 1. */
  liaison_reception_form_add_suggestion (form);
  liaison_reception_form_set_suggestion (form, 1, "", "内容", 2);
  assert_only_error (form, "suggestion.1.title");
  g_assert_true (liaison_reception_form_remove_suggestion (form, 1));
  g_assert_cmpuint (liaison_reception_form_get_n_suggestions (form), ==, 1);
  reception = assert_builds (form);
}

static void
test_errors_in_form_order (void)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  const char *expected[] = {
    "date", "time", "category", "deputies",
    "visitor.0.phone", "visitor.0.community", "visitor.0.party_size",
    "visitor.1.community",
    "summary", "handling",
    "suggestion.0.title", "suggestion.0.category",
  };

  liaison_reception_form_set_date (form, "2024-13-01");
  liaison_reception_form_set_time (form, "");
  liaison_reception_form_set_visitor (form, 0, "", "", "", "x", TRUE);
  liaison_reception_form_add_visitor (form);
  liaison_reception_form_set_handled_on_spot (form, TRUE);
  liaison_reception_form_add_suggestion (form);
  liaison_reception_form_set_suggestion (form, 0, "", "内容", 0);

  reception = liaison_reception_form_build (form, now, &errors);
  g_assert_null (reception);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", ((LiaisonFieldError *) errors->pdata[i])->field);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((LiaisonFieldError *) errors->pdata[i])->field, ==, expected[i]);
}

static void
test_no_visitors (void)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form ();

  liaison_reception_form_remove_visitor (form, 0);
  g_assert_cmpuint (liaison_reception_form_get_n_visitors (form), ==, 0);
  assert_only_error (form, "visitors");
}

static void
test_dirty (void)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autofree char *date = g_strdup (liaison_reception_form_get_date (form));

  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_set_summary (form, "有人来访");
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_summary (form, "");
  g_assert_false (liaison_reception_form_is_dirty (form));

  /* Setting what is already there changes nothing. */
  liaison_reception_form_set_date (form, date);
  liaison_reception_form_set_visitor (form, 0, "", "", "", "1", FALSE);
  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_set_visitor (form, 0, "张", "", "", "1", FALSE);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_visitor (form, 0, "", "", "", "1", FALSE);
  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_set_visitor (form, 0, "", "", "", "1", TRUE);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_visitor (form, 0, "", "", "", "1", FALSE);

  liaison_reception_form_add_visitor (form);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_remove_visitor (form, 1);
  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_add_deputy (form, 3);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_remove_deputy (form, 3);
  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_set_channel (form, LIAISON_CHANNEL_PHONE);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_channel (form, LIAISON_CHANNEL_WALK_IN);
  liaison_reception_form_set_category_id (form, 2);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_category_id (form, 0);
  liaison_reception_form_set_handled_on_spot (form, TRUE);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_handled_on_spot (form, FALSE);
  g_assert_false (liaison_reception_form_is_dirty (form));

  liaison_reception_form_add_suggestion (form);
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_remove_suggestion (form, 0);
  g_assert_false (liaison_reception_form_is_dirty (form));

  /* A failed build does not make the form clean. */
  liaison_reception_form_set_time (form, "25:00");
  {
    g_autoptr(GPtrArray) errors = NULL;
    g_autoptr(LiaisonReception) reception = liaison_reception_form_build (form, NULL, &errors);

    g_assert_null (reception);
  }
  g_assert_true (liaison_reception_form_is_dirty (form));
}

/* A real store in a temporary folder, with this station set up and one
 * deputy on the roster. */
typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        deputy_id;
  gint64        other_deputy_id;
  gint64        category_id;
  gint64        other_category_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  gboolean with_station = GPOINTER_TO_INT (data);

  fixture->dir = liaison_test_make_tmp_dir ("liaison-form-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store (path);

  if (with_station)
    liaison_test_set_station (fixture->store, "东山社区代表联络站", LIAISON_STATION_KIND_STATION, "相山区");

  fixture->deputy_id = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  fixture->other_deputy_id = liaison_test_add_deputy (fixture->store, "李秀英", LIAISON_DEPUTY_LEVEL_COUNTY);

  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, >=, 2);
  fixture->category_id = ((LiaisonCategory *) categories->pdata[0])->id;
  fixture->other_category_id = ((LiaisonCategory *) categories->pdata[1])->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

static void
assert_counts (Fixture           *fixture,
               LiaisonTestCounts  expected)
{
  liaison_test_assert_counts (liaison_test_count_receptions (fixture->store), expected);
}

static void
test_save_and_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(LiaisonReceptionForm) editing = liaison_reception_form_new ();
  g_autoptr(LiaisonReception) saved = NULL;
  g_autoptr(LiaisonReception) edited = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonSuggestion *suggestion;
  gint64 id, suggestion_id;

  fill_complete (form, fixture->deputy_id, fixture->category_id);
  liaison_reception_form_add_suggestion (form);
  liaison_reception_form_set_suggestion (form, 0, "增设路灯", "建议在东山路增设路灯", fixture->category_id);
  g_assert_true (liaison_reception_form_is_dirty (form));

  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  id = liaison_reception_form_get_id (form);
  g_assert_cmpint (id, >, 0);
  g_assert_false (liaison_reception_form_is_dirty (form));
  g_assert_cmpuint (liaison_reception_form_get_field_errors (form)->len, ==, 0);
  suggestion_id = liaison_reception_form_get_suggestion_id (form, 0);
  g_assert_cmpint (suggestion_id, >, 0);
  assert_counts (fixture, (LiaisonTestCounts) { 1, 1, 1, 1 });

  saved = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->meta.version, ==, 1);
  g_assert_cmpstr (saved->received_at, ==, "2024-03-05 09:30");
  g_assert_cmpuint (saved->suggestions->len, ==, 1);
  suggestion = g_ptr_array_index (saved->suggestions, 0);
  g_assert_cmpstr (suggestion->raised_by, ==, "张三");

  /* Load it into another form, as the editor does for "Edit". */
  liaison_reception_form_load (editing, saved);
  g_assert_false (liaison_reception_form_is_dirty (editing));
  g_assert_cmpint (liaison_reception_form_get_id (editing), ==, id);
  g_assert_cmpstr (liaison_reception_form_get_date (editing), ==, "2024-03-05");
  g_assert_cmpstr (liaison_reception_form_get_time (editing), ==, "09:30");
  g_assert_cmpint (liaison_reception_form_get_category_id (editing), ==, fixture->category_id);
  g_assert_cmpuint (liaison_reception_form_get_deputy_ids (editing)->len, ==, 1);
  g_assert_cmpstr (liaison_reception_form_get_visitor_name (editing, 0), ==, "张三");
  g_assert_cmpstr (liaison_reception_form_get_visitor_party_size (editing, 0), ==, "2");
  g_assert_true (liaison_reception_form_get_visitor_consent (editing, 0));
  g_assert_cmpuint (liaison_reception_form_get_n_suggestions (editing), ==, 1);
  g_assert_cmpint (liaison_reception_form_get_suggestion_id (editing, 0), ==, suggestion_id);
  /* A saved suggestion lives on its own; the form will not drop it. */
  g_assert_false (liaison_reception_form_remove_suggestion (editing, 0));

  liaison_reception_form_set_summary (editing, "路灯已坏三个月，影响夜间出行");
  liaison_reception_form_add_deputy (editing, fixture->other_deputy_id);
  liaison_reception_form_set_suggestion (editing, 0, "增设路灯并定期维护", "建议在东山路增设路灯", fixture->other_category_id);
  liaison_reception_form_add_visitor (editing);
  liaison_reception_form_set_visitor (editing, 1, "", "", "西园村", "1", FALSE);
  liaison_reception_form_add_suggestion (editing);
  liaison_reception_form_set_suggestion (editing, 1, "修缮道路", "东山路路面破损", fixture->category_id);
  g_assert_true (liaison_reception_form_is_dirty (editing));

  g_assert_true (liaison_reception_form_save (editing, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_reception_form_get_id (editing), ==, id);
  g_assert_false (liaison_reception_form_is_dirty (editing));
  assert_counts (fixture, (LiaisonTestCounts) { 1, 2, 2, 2 });

  edited = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->meta.version, ==, 2);
  g_assert_cmpstr (edited->meta.uuid, ==, saved->meta.uuid);
  g_assert_cmpstr (edited->summary, ==, "路灯已坏三个月，影响夜间出行");
  g_assert_cmpuint (edited->deputy_ids->len, ==, 2);
  g_assert_cmpuint (edited->suggestions->len, ==, 2);
  suggestion = g_ptr_array_index (edited->suggestions, 0);
  g_assert_cmpint (suggestion->meta.id, ==, suggestion_id);
  g_assert_cmpint (suggestion->meta.version, ==, 2);
  g_assert_cmpstr (suggestion->title, ==, "增设路灯并定期维护");
  g_assert_cmpint (suggestion->category_id, ==, fixture->other_category_id);
  g_clear_pointer (&edited, liaison_reception_free);

  /* Saving the same form again updates again: no copies. */
  liaison_reception_form_set_summary (editing, "路灯已坏三个月");
  g_assert_true (liaison_reception_form_save (editing, fixture->store, &error));
  g_assert_no_error (error);
  assert_counts (fixture, (LiaisonTestCounts) { 1, 2, 2, 2 });
  edited = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edited->meta.version, ==, 3);

  /* The first form, saved again after the other edit, also updates. */
  liaison_reception_form_set_summary (form, "再次修改");
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_reception_form_get_id (form), ==, id);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, 1);
}

static void
test_failed_save_writes_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) before = NULL;
  g_autoptr(LiaisonReception) after = NULL;
  GPtrArray *field_errors;
  LiaisonTestCounts counts;
  gint64 id;

  /* A form that does not pass. */
  fill_complete (form, fixture->deputy_id, fixture->category_id);
  liaison_reception_form_set_summary (form, "");
  liaison_reception_form_set_visitor (form, 0, "张三", "12345", "东山社区", "1", FALSE);
  g_assert_false (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  field_errors = liaison_reception_form_get_field_errors (form);
  g_assert_cmpuint (field_errors->len, ==, 2);
  g_assert_cmpstr (((LiaisonFieldError *) field_errors->pdata[0])->field, ==, "visitor.0.phone");
  g_assert_cmpstr (((LiaisonFieldError *) field_errors->pdata[1])->field, ==, "summary");
  g_assert_cmpint (liaison_reception_form_get_id (form), ==, 0);
  g_assert_true (liaison_reception_form_is_dirty (form));
  assert_counts (fixture, (LiaisonTestCounts) { 0, 0, 0, 0 });

  /* A form that passes, with a deputy the store does not know: the store
   * refuses and rolls back, suggestion included. */
  liaison_reception_form_set_summary (form, "反映路灯问题");
  liaison_reception_form_set_visitor (form, 0, "张三", "13812345678", "东山社区", "1", FALSE);
  liaison_reception_form_add_deputy (form, 99999);
  liaison_reception_form_add_suggestion (form);
  liaison_reception_form_set_suggestion (form, 0, "增设路灯", "建议增设路灯", fixture->category_id);
  g_assert_false (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (liaison_reception_form_get_field_errors (form)->len, ==, 0);
  g_assert_cmpint (liaison_reception_form_get_id (form), ==, 0);
  g_assert_cmpint (liaison_reception_form_get_suggestion_id (form, 0), ==, 0);
  g_assert_true (liaison_reception_form_is_dirty (form));
  assert_counts (fixture, (LiaisonTestCounts) { 0, 0, 0, 0 });

  /* Once fixed it saves, once. */
  liaison_reception_form_remove_deputy (form, 99999);
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  id = liaison_reception_form_get_id (form);
  assert_counts (fixture, (LiaisonTestCounts) { 1, 1, 1, 1 });
  counts = liaison_test_count_receptions (fixture->store);

  /* A failed edit leaves the saved record as it was. */
  before = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  liaison_reception_form_set_summary (form, "");
  g_assert_false (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_error (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  liaison_reception_form_set_summary (form, "改过的内容");
  liaison_reception_form_add_deputy (form, 99999);
  g_assert_false (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->meta.version, ==, before->meta.version);
  g_assert_cmpstr (after->summary, ==, before->summary);
  assert_counts (fixture, counts);

  /* And the form can still save the edit afterwards, as version 2. */
  liaison_reception_form_remove_deputy (form, 99999);
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, liaison_reception_free);
  after = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->meta.version, ==, 2);
  g_assert_cmpstr (after->summary, ==, "改过的内容");
  assert_counts (fixture, counts);
}

static void
test_save_without_station (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GError) error = NULL;

  fill_complete (form, fixture->deputy_id, fixture->category_id);
  g_assert_false (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION);
  g_assert_cmpuint (liaison_reception_form_get_field_errors (form)->len, ==, 0);
  g_assert_true (liaison_reception_form_is_dirty (form));
  /* What was typed is still there. */
  g_assert_cmpstr (liaison_reception_form_get_visitor_name (form, 0), ==, "张三");
  assert_counts (fixture, (LiaisonTestCounts) { 0, 0, 0, 0 });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reception-form/defaults", test_defaults);
  g_test_add_func ("/reception-form/defaults-pass-the-date-rule", test_defaults_pass_the_date_rule);
  g_test_add_func ("/reception-form/complete-builds", test_complete_builds);
  g_test_add_func ("/reception-form/spellings", test_spellings);
  g_test_add_func ("/reception-form/rule/missing-date", test_rule_missing_date);
  g_test_add_func ("/reception-form/rule/bad-date", test_rule_bad_date);
  g_test_add_func ("/reception-form/rule/future-date", test_rule_future_date);
  g_test_add_func ("/reception-form/rule/bad-time", test_rule_bad_time);
  g_test_add_func ("/reception-form/rule/no-deputy", test_rule_no_deputy);
  g_test_add_func ("/reception-form/rule/no-category", test_rule_no_category);
  g_test_add_func ("/reception-form/rule/empty-summary", test_rule_empty_summary);
  g_test_add_func ("/reception-form/rule/long-summary", test_rule_long_summary);
  g_test_add_func ("/reception-form/rule/phone", test_rule_phone);
  g_test_add_func ("/reception-form/rule/party-size", test_rule_party_size);
  g_test_add_func ("/reception-form/rule/handling", test_rule_handling);
  g_test_add_func ("/reception-form/rule/suggestion", test_rule_suggestion);
  g_test_add_func ("/reception-form/rule/no-visitors", test_no_visitors);
  g_test_add_func ("/reception-form/errors-in-form-order", test_errors_in_form_order);
  g_test_add_func ("/reception-form/dirty", test_dirty);
  g_test_add ("/reception-form/store/save-and-edit", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_save_and_edit, fixture_tear_down);
  g_test_add ("/reception-form/store/failed-save-writes-nothing", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_failed_save_writes_nothing, fixture_tear_down);
  g_test_add ("/reception-form/store/no-station", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_save_without_station, fixture_tear_down);

  return g_test_run ();
}
