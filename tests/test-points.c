/* test-points.c: quarters, the points rules and the points engine
 * (app/duty/liaison-quarter.h, liaison-points-rules.h, liaison-points.h),
 * on a fixed data set worked out by hand below.
 */
#define G_LOG_DOMAIN "test-points"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "liaison-points.h"

/* Generated from resources/liaison-data.gresource.xml. */
GResource *liaison_data_get_resource (void);

/* ------------------------------------------------------------------ */
/* Quarters                                                            */

static void
test_quarter_parse_good (void)
{
  static const struct {
    const char *text;
    int         year;
    int         quarter;
  } good[] = {
    { "2025Q1", 2025, 1 },
    { "2025q1", 2025, 1 },
    { "2025-Q1", 2025, 1 },
    { "2025-q4", 2025, 4 },
    { " 2024Q3\t", 2024, 3 },
    { "0001Q2", 1, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      LiaisonQuarter quarter = { 0, 0 };

      g_test_message ("%s", good[i].text);
      g_assert_true (liaison_quarter_parse (good[i].text, &quarter, &error));
      g_assert_no_error (error);
      g_assert_cmpint (quarter.year, ==, good[i].year);
      g_assert_cmpint (quarter.quarter, ==, good[i].quarter);
    }
}

static void
test_quarter_parse_bad (void)
{
  static const char *bad[] = {
    "", "2025", "2025Q", "2025Q0", "2025Q5", "25Q1", "2025 Q1", "2025--Q1",
    "2025_Q1", "Q1 2025", "2025Q1x", "2025Q11", "0000Q1", "2025年第一季度",
    "２０２５Q1", "2025Ｑ1", "2025-03-31", "2025/Q1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LiaisonQuarter quarter = { 1999, 2 };

      g_test_message ("“%s”", bad[i]);
      g_assert_false (liaison_quarter_parse (bad[i], &quarter, &error));
      g_assert_error (error, LIAISON_QUARTER_ERROR, LIAISON_QUARTER_ERROR_INVALID);
      /* The message quotes what was typed and shows the form. */
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_nonnull (strstr (error->message, "2025Q1"));
      /* Left as it was. */
      g_assert_cmpint (quarter.year, ==, 1999);
      g_assert_cmpint (quarter.quarter, ==, 2);
    }
  {
    g_autoptr(GError) error = NULL;
    LiaisonQuarter quarter;

    g_assert_false (liaison_quarter_parse (NULL, &quarter, &error));
    g_assert_error (error, LIAISON_QUARTER_ERROR, LIAISON_QUARTER_ERROR_INVALID);
  }
}

static void
test_quarter_days (void)
{
  static const struct {
    LiaisonQuarter quarter;
    const char    *first;
    const char    *last;
    const char    *code;
    const char    *chinese;
  } quarters[] = {
    { { 2025, 1 }, "2025-01-01", "2025-03-31", "2025Q1", "2025年第一季度" },
    { { 2025, 2 }, "2025-04-01", "2025-06-30", "2025Q2", "2025年第二季度" },
    { { 2025, 3 }, "2025-07-01", "2025-09-30", "2025Q3", "2025年第三季度" },
    { { 2025, 4 }, "2025-10-01", "2025-12-31", "2025Q4", "2025年第四季度" },
    { { 2024, 1 }, "2024-01-01", "2024-03-31", "2024Q1", "2024年第一季度" },
  };
  LiaisonQuarter quarter;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autofree char *first = liaison_quarter_first_iso (quarters[i].quarter);
      g_autofree char *last = liaison_quarter_last_iso (quarters[i].quarter);
      g_autofree char *code = liaison_quarter_format (quarters[i].quarter);
      g_autofree char *chinese = liaison_quarter_to_chinese (quarters[i].quarter);

      g_assert_cmpstr (first, ==, quarters[i].first);
      g_assert_cmpstr (last, ==, quarters[i].last);
      g_assert_cmpstr (code, ==, quarters[i].code);
      g_assert_cmpstr (chinese, ==, quarters[i].chinese);
      g_assert_true (liaison_quarter_from_date (quarters[i].first, &quarter));
      g_assert_cmpint (liaison_quarter_compare (quarter, quarters[i].quarter), ==, 0);
      g_assert_true (liaison_quarter_from_date (quarters[i].last, &quarter));
      g_assert_cmpint (liaison_quarter_compare (quarter, quarters[i].quarter), ==, 0);
    }

  /* The boundary the engine's data set crosses. */
  g_assert_true (liaison_quarter_contains ((LiaisonQuarter) { 2025, 1 }, "2025-03-31"));
  g_assert_false (liaison_quarter_contains ((LiaisonQuarter) { 2025, 1 }, "2025-04-01"));
  g_assert_true (liaison_quarter_contains ((LiaisonQuarter) { 2025, 2 }, "2025-04-01"));
  g_assert_false (liaison_quarter_from_date ("2025-02-29", &quarter));
  g_assert_false (liaison_quarter_from_date ("2025-3-31", &quarter));
  g_assert_false (liaison_quarter_from_date (NULL, &quarter));

  quarter = liaison_quarter_next ((LiaisonQuarter) { 2024, 4 });
  g_assert_cmpint (quarter.year, ==, 2025);
  g_assert_cmpint (quarter.quarter, ==, 1);
  quarter = liaison_quarter_previous (quarter);
  g_assert_cmpint (quarter.year, ==, 2024);
  g_assert_cmpint (quarter.quarter, ==, 4);
  g_assert_cmpint (liaison_quarter_compare ((LiaisonQuarter) { 2024, 4 }, (LiaisonQuarter) { 2025, 1 }), <, 0);
  g_assert_cmpint (liaison_quarter_compare ((LiaisonQuarter) { 2025, 2 }, (LiaisonQuarter) { 2025, 1 }), >, 0);
  g_assert_false (liaison_quarter_is_valid ((LiaisonQuarter) { 2025, 5 }));
  g_assert_false (liaison_quarter_is_valid ((LiaisonQuarter) { 0, 1 }));
}

/* ------------------------------------------------------------------ */
/* Points and rule sets                                                */

static void
test_points_format (void)
{
  static const struct {
    LiaisonPoints  points;
    const char    *plain;
    const char    *with_sign;
  } cases[] = {
    { 1185, "118.5", "+118.5" },
    { 20, "2", "+2" },
    { 0, "0", "0" },
    { -20, "-2", "-2" },
    { -5, "-0.5", "-0.5" },
    { 5, "0.5", "+0.5" },
    { 1001, "100.1", "+100.1" },
    { G_MININT64, "-922337203685477580.8", "-922337203685477580.8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = liaison_points_format (cases[i].points);
      g_autofree char *with_sign = liaison_points_format_signed (cases[i].points);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (with_sign, ==, cases[i].with_sign);
    }
}

static GBytes *
default_rules_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (liaison_data_get_resource (),
                                          "/org/liaison/Liaison/data/points-default.json",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_rules_default (void)
{
  /* The table, as the shipped data must say it. */
  static const struct {
    const char *key;
    int         points;
  } table[] = {
    { "congress_session_attended", 2 },
    { "congress_session_absent", -2 },
    { "congress_session_leave", 0 },
    { "standing_committee", 2 },
    { "research", 3 },
    { "inspection", 3 },
    { "law_enforcement_inspection", 3 },
    { "theme_activity", 2 },
    { "group_activity", 2 },
    { "training", 1 },
    { "station_duty_day", 2 },
    { "reception_hosted", 1 },
    { "take_up", 2 },
    { "closed_satisfied", 1 },
    { "motion_first_signer", 5 },
    { "suggestion_first_signer", 3 },
    { "co_signer", 1 },
    { "other", 1 },
  };
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();
  g_autoptr(GBytes) bytes = default_rules_bytes ();
  g_autofree char *shipped = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *written = NULL;

  g_assert_cmpuint (G_N_ELEMENTS (table), ==, LIAISON_N_POINTS_RULES);
  g_assert_cmpstr (rules->effective_from, ==, "2000-01-01");
  g_assert_cmpuint (rules->reception_cap, ==, 20);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      LiaisonPointsRule rule;

      g_assert_true (liaison_points_rule_from_key (table[i].key, &rule));
      g_assert_cmpstr (liaison_points_rule_to_key (rule), ==, table[i].key);
      g_assert_cmpint (rules->points[rule], ==, table[i].points * LIAISON_POINTS_ONE);
      g_assert_nonnull (liaison_points_rule_label (rule));
      g_assert_nonnull (liaison_points_rule_chinese (rule));
    }
  /* The shipped file is in the form the writer writes: byte for byte. */
  written = liaison_points_rules_to_json (rules);
  g_assert_cmpstr (written, ==, shipped);
}

static LiaisonPointsRules *
rules_parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiaisonPointsRules *rules = liaison_points_rules_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static void
test_rules_round_trip (void)
{
  g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_new_default ();
  g_autoptr(LiaisonPointsRules) back = NULL;
  g_autoptr(LiaisonPointsRules) compact = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  g_free (rules->effective_from);
  rules->effective_from = g_strdup ("2025-04-01");
  rules->reception_cap = 15;
  rules->points[LIAISON_POINTS_RULE_RESEARCH] = 45;                /* 4.5 */
  rules->points[LIAISON_POINTS_RULE_CONGRESS_SESSION_ABSENT] = -15;  /* −1.5 */
  rules->points[LIAISON_POINTS_RULE_RECEPTION_HOSTED] = 5;          /* 0.5 */
  rules->points[LIAISON_POINTS_RULE_OTHER] = 0;

  json = liaison_points_rules_to_json (rules);
  g_assert_nonnull (strstr (json, "\"research\": 4.5,"));
  g_assert_nonnull (strstr (json, "\"congress_session_absent\": -1.5,"));
  g_assert_nonnull (strstr (json, "\"reception_hosted\": 0.5,"));
  back = rules_parse_ok (json);
  g_assert_true (liaison_points_rules_equal (rules, back));
  again = liaison_points_rules_to_json (back);
  g_assert_cmpstr (again, ==, json);

  /* Any spelling of the same numbers and any key order reads the same. */
  compact = rules_parse_ok (
    "{\"points\":{\"other\":0,\"co_signer\":1.0,\"suggestion_first_signer\":3,\"motion_first_signer\":5e0,"
    "\"closed_satisfied\":1,\"take_up\":2,\"reception_hosted\":0.5,\"station_duty_day\":2,\"training\":1,"
    "\"group_activity\":2,\"theme_activity\":2,\"law_enforcement_inspection\":3,\"inspection\":3,"
    "\"research\":4.5,\"standing_committee\":2,\"congress_session_leave\":0,"
    "\"congress_session_absent\":-1.5,\"congress_session_attended\":2},"
    "\"reception_cap_per_quarter\":15,\"effective_from\":\"2025-04-01\"}");
  g_assert_true (liaison_points_rules_equal (rules, compact));

  g_clear_pointer (&compact, liaison_points_rules_free);
  compact = liaison_points_rules_copy (rules);
  g_assert_true (liaison_points_rules_equal (rules, compact));
  compact->points[LIAISON_POINTS_RULE_TRAINING]++;
  g_assert_false (liaison_points_rules_equal (rules, compact));
}

/* The default set's JSON with @from replaced by @to, once. */
static char *
default_json_with (const char *from,
                   const char *to)
{
  g_autoptr(GBytes) bytes = default_rules_bytes ();
  g_autofree char *json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *at = strstr (json, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - json), json, to, at + strlen (from));
}

static void
test_rules_parse_errors (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *names;  /* what the message must name */
  } edits[] = {
    /* unknown keys */
    { "\"points\": {", "\"note\": \"x\",\n  \"points\": {", "“note”" },
    { "\"other\": 1", "\"other\": 1,\n    \"petition\": 2", "“points.petition”" },
    { "\"effective_from\"", "\"Effective_from\"", "“Effective_from”" },
    /* missing keys */
    { "    \"training\": 1,\n", "", "“points.training”" },
    { "  \"reception_cap_per_quarter\": 20,\n", "", "“reception_cap_per_quarter”" },
    { "  \"effective_from\": \"2000-01-01\",\n", "", "“effective_from”" },
    /* not numbers */
    { "\"research\": 3", "\"research\": \"3\"", "“points.research”" },
    { "\"research\": 3", "\"research\": true", "“points.research”" },
    { "\"research\": 3", "\"research\": null", "“points.research”" },
    { "\"research\": 3", "\"research\": [3]", "“points.research”" },
    /* numbers the rules cannot hold */
    { "\"research\": 3", "\"research\": 0.25", "“points.research”" },
    { "\"research\": 3", "\"research\": 1001", "“points.research”" },
    { "\"research\": 3", "\"research\": -1e300", "“points.research”" },
    { "\"reception_cap_per_quarter\": 20", "\"reception_cap_per_quarter\": -1", "“reception_cap_per_quarter”" },
    { "\"reception_cap_per_quarter\": 20", "\"reception_cap_per_quarter\": 20.5", "“reception_cap_per_quarter”" },
    { "\"reception_cap_per_quarter\": 20", "\"reception_cap_per_quarter\": \"20\"", "“reception_cap_per_quarter”" },
    /* bad dates */
    { "\"2000-01-01\"", "\"2025-02-29\"", "“effective_from”" },
    { "\"2000-01-01\"", "\"2025/04/01\"", "“effective_from”" },
    { "\"2000-01-01\"", "\"2025-4-1\"", "“effective_from”" },
    { "\"2000-01-01\"", "20250401", "“effective_from”" },
    /* the object the points live in */
    { "\"points\": {", "\"points\": 3, \"x\": {", "“x”" },
  };
  static const char *not_rules[] = {
    "", "[]", "3", "\"rules\"", "{", "{\"points\": }",
    "{\"points\": {\"research\": {\"a\": {\"b\": 1}}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *json = default_json_with (edits[i].from, edits[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_from_json (json, -1, &error);

      g_test_message ("%s → %s", edits[i].from, edits[i].to);
      g_assert_null (rules);
      g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
      if (strstr (error->message, edits[i].names) == NULL)
        g_error ("“%s” does not name %s", error->message, edits[i].names);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_rules); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonPointsRules) rules = liaison_points_rules_from_json (not_rules[i], -1, &error);

      g_test_message ("%s", not_rules[i]);
      g_assert_null (rules);
      g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (liaison_points_rules_from_json (
      "{\"effective_from\": \"2000-01-01\", \"reception_cap_per_quarter\": 20, \"points\": [1]}", -1, &error));
    g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“points”"));
  }
  /* 100,000 brackets are refused before json-glib's recursion sees them. */
  {
    g_autofree char *deep = g_strnfill (100000, '[');
    g_autoptr(GError) error = NULL;

    g_assert_null (liaison_points_rules_from_json (deep, -1, &error));
    g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
  }
}

static LiaisonPointsRules *
rules_from (const char *effective_from)
{
  LiaisonPointsRules *rules = liaison_points_rules_new_default ();

  g_free (rules->effective_from);
  rules->effective_from = g_strdup (effective_from);
  return rules;
}

static void
test_rules_for_quarter (void)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  LiaisonPointsRules *base = rules_from ("2000-01-01");
  LiaisonPointsRules *april = rules_from ("2025-04-01");
  LiaisonPointsRules *mid_july = rules_from ("2025-07-02");
  LiaisonPointsRules *april_again = rules_from ("2025-04-01");

  /* Not in date order, as a store may hand them over. */
  g_ptr_array_add (sets, mid_july);
  g_ptr_array_add (sets, april);
  g_ptr_array_add (sets, base);

  g_assert_null (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 1999, 4 }));
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2000, 1 }) == base);
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2025, 1 }) == base);
  /* In force on the quarter's first day: the day it takes effect counts. */
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2025, 2 }) == april);
  /* A set that takes effect after the first day waits for the next quarter. */
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2025, 3 }) == april);
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2025, 4 }) == mid_july);
  /* Two of one date: the later in the list. */
  g_ptr_array_add (sets, april_again);
  g_assert_true (liaison_points_rules_for_quarter (sets, (LiaisonQuarter) { 2025, 2 }) == april_again);
  g_assert_null (liaison_points_rules_for_quarter (NULL, (LiaisonQuarter) { 2025, 2 }));
}

/* ------------------------------------------------------------------ */
/* The engine, on a data set worked out by hand                        */

/* Rule sets: the default (2000-01-01), and one from 2025-04-01 that
 * changes two values: research 3 → 4 and a reception hosted 1 → 0.5.
 *
 * Two deputy groups; names chosen so that pinyin and code-point order
 * agree (李 < 王, 刘 < 王), whatever collation the test runs under.
 *
 * 相山区代表小组
 *   张伟 (d-zhang): every rule, and the quarter boundary.
 *     2025Q1, with the default set:
 *       01-06 congress session, attended                 +2   duty day 1
 *       01-07 congress session, on leave                  0   (rule: leave)
 *       01-08 congress session, absent                   -2
 *       01-10 standing committee                         +2   duty day 2
 *       01-14..01-16 research, three days                +3   duty days 3, 4, 5
 *       01-20 inspection                                 +3   duty day 6
 *       01-21 law-enforcement inspection                 +3   duty day 7
 *       01-22 theme activity                             +2   duty day 8
 *       01-23 group activity                             +2   duty day 9
 *       01-24 training                                   +1   duty day 10
 *       01-27 other                                      +1   duty day 11
 *       02-03 station duty at s1                         +2   duty day 12
 *       02-03 reception r1 at s1                         +1   (the day's station duty already counted)
 *       02-10 reception r2 at s1                         +1, and the station duty day +2   duty day 13
 *       02-10 reception r3 at s1                         +1   (same day: no second duty day)
 *       02-11 take-up of suggestion sg1                  +2
 *       02-12 research, on leave                          0   (not attended: no rule, no duty day)
 *       03-05 sg1 closed satisfied                       +1
 *       03-06 motion, first signer                       +5
 *       03-07 deputy suggestion, first signer            +3
 *       03-08 co-signed a suggestion                     +1
 *       03-31 inspection                                 +3   duty day 14 (last day of Q1)
 *       = 2+0-2+2+3+3+3+2+2+1+1+2+1+3+1+2+0+1+5+3+1+3 = 39 points, 14 duty days
 *     2025Q2, with the 2025-04-01 set:
 *       04-01 inspection                                 +3   duty day 1 (first day of Q2)
 *       04-02 research                                   +4   duty day 2 (the new value)
 *       04-03 reception r4 at s1                         +0.5, and the station duty day +2   duty day 3
 *       = 9.5 points, 3 duty days
 *     2025: 48.5 points, 17 duty days.
 *   李娜 (d-li): the reception cap.
 *     2025Q1: 23 receptions at s1, two a day from 03-01 to 03-11 and one on
 *       03-12: the first 20 +1 each = 20; the last three (both of 03-11 and
 *       the one of 03-12) over the cap, listed with 0. 12 station duty days
 *       +2 each = 24, over the cap or not. A theme activity 03-30..04-02 +2
 *       (its date is in Q1).
 *       = 20 + 24 + 2 = 46 points; duty days 03-01..03-12 and 03-30, 03-31 = 14.
 *     2025Q2: no item; the theme activity's 04-01 and 04-02 are duty days
 *       of Q2 (a day counts in the quarter it falls in): 0 points, 2 days.
 *     2025: 46 points, 16 duty days.
 *   王芳 (d-wang): 01-09 congress session, absent: -2; no duty day.
 *   Q1: 李娜 46 (1st), 张伟 39 (2nd), 王芳 -2 (3rd);
 *       total 83, average 83 / 3 = 27.67 → 27.7.
 *   2025: 张伟 48.5 (1st), 李娜 46 (2nd), 王芳 -2 (3rd);
 *       total 92.5, average 30.83 → 30.8.
 *
 * 杜集区代表小组
 *   刘洋 (d-liu): 01-15 station duty at s2 +2, and a second station duty
 *     record for s2 that day 0 (same day); 01-15 reception r5 at s2 +1
 *     (no second duty day); 01-16 training +1; 01-17 take-up +2.
 *     = 6 points; duty days 01-15, 01-16 = 2.
 *   王磊 (d-wangl): 02-01, 02-02, 02-03 co-signed +1 each; 02-05 deputy
 *     suggestion as first signer +3. = 6 points, 0 duty days.
 *   赵敏 (d-zhao): nothing: 0.
 *   Q1 and 2025: 刘洋 6 and 王磊 6 share the 1st place (刘 before 王),
 *     赵敏 3rd (not 2nd); total 12, average 12 / 3 = 4.
 */

typedef struct {
  GPtrArray  *items;
  GPtrArray  *rule_sets;
  GHashTable *groups;
  GHashTable *names;
} Fixture;

#define GROUP_A "相山区代表小组"
#define GROUP_B "杜集区代表小组"

static LiaisonDutyItem *
add_item (Fixture             *f,
          LiaisonDutyItemKind  kind,
          const char          *deputy,
          const char          *date,
          const char          *source,
          const char          *station)
{
  g_autofree char *title = g_strdup_printf ("%s %s", source, date);
  LiaisonDutyItem *item = liaison_duty_item_new (kind, deputy, date, source, title);

  item->station_uuid = g_strdup (station);
  g_ptr_array_add (f->items, item);
  return item;
}

static LiaisonDutyItem *
add_activity (Fixture             *f,
              LiaisonActivityKind  kind,
              LiaisonAttendance    attendance,
              const char          *deputy,
              const char          *date,
              const char          *source)
{
  LiaisonDutyItem *item = add_item (f, LIAISON_DUTY_ITEM_ACTIVITY, deputy, date, source, NULL);

  item->activity_kind = kind;
  item->attendance = attendance;
  return item;
}

static void
add_deputy (Fixture    *f,
            const char *uuid,
            const char *name,
            const char *group)
{
  g_hash_table_insert (f->names, g_strdup (uuid), g_strdup (name));
  g_hash_table_insert (f->groups, g_strdup (uuid), g_strdup (group));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const LiaisonAttendance ok = LIAISON_ATTENDANCE_ATTENDED;
  LiaisonPointsRules *april = rules_from ("2025-04-01");
  LiaisonDutyItem *item;

  f->items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  f->rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  f->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  april->points[LIAISON_POINTS_RULE_RESEARCH] = 40;
  april->points[LIAISON_POINTS_RULE_RECEPTION_HOSTED] = 5;
  g_ptr_array_add (f->rule_sets, april);
  g_ptr_array_add (f->rule_sets, liaison_points_rules_new_default ());

  add_deputy (f, "d-zhang", "张伟", GROUP_A);
  add_deputy (f, "d-li", "李娜", GROUP_A);
  add_deputy (f, "d-wang", "王芳", GROUP_A);
  add_deputy (f, "d-liu", "刘洋", GROUP_B);
  add_deputy (f, "d-wangl", "王磊", GROUP_B);
  add_deputy (f, "d-zhao", "赵敏", GROUP_B);

  /* 张伟. The items are added out of date order on purpose. */
  add_activity (f, LIAISON_ACTIVITY_INSPECTION, ok, "d-zhang", "2025-04-01", "a-insp-0401");
  add_activity (f, LIAISON_ACTIVITY_INSPECTION, ok, "d-zhang", "2025-03-31", "a-insp-0331");
  add_activity (f, LIAISON_ACTIVITY_CONGRESS_SESSION, ok, "d-zhang", "2025-01-06", "a-session-1");
  add_activity (f, LIAISON_ACTIVITY_CONGRESS_SESSION, LIAISON_ATTENDANCE_LEAVE, "d-zhang", "2025-01-07", "a-session-2");
  add_activity (f, LIAISON_ACTIVITY_CONGRESS_SESSION, LIAISON_ATTENDANCE_ABSENT, "d-zhang", "2025-01-08", "a-session-3");
  add_activity (f, LIAISON_ACTIVITY_STANDING_COMMITTEE, ok, "d-zhang", "2025-01-10", "a-sc");
  item = add_activity (f, LIAISON_ACTIVITY_RESEARCH, ok, "d-zhang", "2025-01-14", "a-research");
  item->end_date = g_strdup ("2025-01-16");
  add_activity (f, LIAISON_ACTIVITY_INSPECTION, ok, "d-zhang", "2025-01-20", "a-insp");
  add_activity (f, LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION, ok, "d-zhang", "2025-01-21", "a-law");
  add_activity (f, LIAISON_ACTIVITY_THEME_ACTIVITY, ok, "d-zhang", "2025-01-22", "a-theme");
  add_activity (f, LIAISON_ACTIVITY_GROUP_ACTIVITY, ok, "d-zhang", "2025-01-23", "a-group");
  add_activity (f, LIAISON_ACTIVITY_TRAINING, ok, "d-zhang", "2025-01-24", "a-training");
  add_activity (f, LIAISON_ACTIVITY_OTHER, ok, "d-zhang", "2025-01-27", "a-other");
  add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-zhang", "2025-02-03", "r1", "s1");
  /* Its UUID sorts after r1's: the kind, not the UUID, gives it the day. */
  item = add_activity (f, LIAISON_ACTIVITY_STATION_DUTY, ok, "d-zhang", "2025-02-03", "z-duty-0203");
  item->station_uuid = g_strdup ("s1");
  add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-zhang", "2025-02-10", "r2", "s1");
  add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-zhang", "2025-02-10", "r3", "s1");
  add_item (f, LIAISON_DUTY_ITEM_TAKE_UP, "d-zhang", "2025-02-11", "sg1", NULL);
  add_activity (f, LIAISON_ACTIVITY_RESEARCH, LIAISON_ATTENDANCE_LEAVE, "d-zhang", "2025-02-12", "a-research-2");
  add_item (f, LIAISON_DUTY_ITEM_CLOSED_SATISFIED, "d-zhang", "2025-03-05", "sg1", NULL);
  add_item (f, LIAISON_DUTY_ITEM_MOTION, "d-zhang", "2025-03-06", "m1", NULL);
  add_item (f, LIAISON_DUTY_ITEM_SUGGESTION, "d-zhang", "2025-03-07", "ds1", NULL);
  add_item (f, LIAISON_DUTY_ITEM_CO_SIGNED, "d-zhang", "2025-03-08", "ds2", NULL);
  add_activity (f, LIAISON_ACTIVITY_RESEARCH, ok, "d-zhang", "2025-04-02", "a-research-0402");
  add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-zhang", "2025-04-03", "r4", "s1");

  /* 李娜: 23 receptions, newest first, so that the cap must sort them. */
  for (int i = 22; i >= 0; i--)
    {
      g_autofree char *date = g_strdup_printf ("2025-03-%02d", 1 + i / 2);
      g_autofree char *source = g_strdup_printf ("rl%02d", i);

      add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-li", date, source, "s1");
    }
  item = add_activity (f, LIAISON_ACTIVITY_THEME_ACTIVITY, ok, "d-li", "2025-03-30", "a-theme-span");
  item->end_date = g_strdup ("2025-04-02");

  /* 王芳 */
  add_activity (f, LIAISON_ACTIVITY_CONGRESS_SESSION, LIAISON_ATTENDANCE_ABSENT, "d-wang", "2025-01-09", "a-session-4");

  /* 刘洋 */
  item = add_activity (f, LIAISON_ACTIVITY_STATION_DUTY, ok, "d-liu", "2025-01-15", "a-duty-liu-1");
  item->station_uuid = g_strdup ("s2");
  item = add_activity (f, LIAISON_ACTIVITY_STATION_DUTY, ok, "d-liu", "2025-01-15", "a-duty-liu-2");
  item->station_uuid = g_strdup ("s2");
  add_item (f, LIAISON_DUTY_ITEM_RECEPTION, "d-liu", "2025-01-15", "r5", "s2");
  add_activity (f, LIAISON_ACTIVITY_TRAINING, ok, "d-liu", "2025-01-16", "a-training-liu");
  add_item (f, LIAISON_DUTY_ITEM_TAKE_UP, "d-liu", "2025-01-17", "sg2", NULL);

  /* 王磊 */
  add_item (f, LIAISON_DUTY_ITEM_CO_SIGNED, "d-wangl", "2025-02-01", "ds3", NULL);
  add_item (f, LIAISON_DUTY_ITEM_CO_SIGNED, "d-wangl", "2025-02-02", "ds4", NULL);
  add_item (f, LIAISON_DUTY_ITEM_CO_SIGNED, "d-wangl", "2025-02-03", "ds5", NULL);
  add_item (f, LIAISON_DUTY_ITEM_SUGGESTION, "d-wangl", "2025-02-05", "ds6", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->items);
  g_ptr_array_unref (f->rule_sets);
  g_hash_table_unref (f->groups);
  g_hash_table_unref (f->names);
}

/* Every point on a record is a line with its item; the lines add up. */
static void
assert_traceable (const LiaisonDeputyPoints *deputy)
{
  LiaisonPoints sum = 0;

  for (guint i = 0; i < deputy->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (deputy->lines, i);

      g_assert_nonnull (line->item);
      g_assert_cmpstr (line->item->deputy_uuid, ==, deputy->deputy_uuid);
      if (line->status != LIAISON_POINTS_LINE_SCORED)
        g_assert_cmpint (line->points, ==, 0);
      if (i > 0)
        {
          const LiaisonPointsLine *before = g_ptr_array_index (deputy->lines, i - 1);

          g_assert_cmpstr (before->item->date, <=, line->item->date);
        }
      sum += line->points;
    }
  g_assert_cmpint (sum, ==, deputy->total);
}

/* The line for @source's item under @rule; fails if there is not exactly one. */
static const LiaisonPointsLine *
find_line (const LiaisonDeputyPoints *deputy,
           const char                *source,
           LiaisonPointsRule          rule)
{
  const LiaisonPointsLine *found = NULL;

  for (guint i = 0; i < deputy->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (deputy->lines, i);

      if (g_strcmp0 (line->item->source_uuid, source) == 0 && line->rule == rule)
        {
          g_assert_null (found);
          found = line;
        }
    }
  if (found == NULL)
    g_error ("no line for %s under %s", source, liaison_points_rule_to_key (rule));
  return found;
}

static guint
count_lines (const LiaisonDeputyPoints *deputy,
             const char                *source)
{
  guint n = 0;

  for (guint i = 0; i < deputy->lines->len; i++)
    {
      const LiaisonPointsLine *line = g_ptr_array_index (deputy->lines, i);

      n += g_strcmp0 (line->item->source_uuid, source) == 0 ? 1 : 0;
    }
  return n;
}

static void
assert_line (const LiaisonDeputyPoints *deputy,
             const char                *source,
             LiaisonPointsRule          rule,
             LiaisonPointsLineStatus    status,
             LiaisonPoints              points)
{
  const LiaisonPointsLine *line = find_line (deputy, source, rule);

  g_assert_cmpint (line->status, ==, status);
  g_assert_cmpint (line->points, ==, points);
}

static LiaisonPointsScore *
score_quarter (Fixture *f,
               int      year,
               int      quarter)
{
  g_autoptr(GError) error = NULL;
  LiaisonPointsScore *score = liaison_points_score_quarter (f->items, f->rule_sets,
                                                            (LiaisonQuarter) { year, quarter },
                                                            f->groups, f->names, &error);

  g_assert_no_error (error);
  g_assert_nonnull (score);
  for (guint i = 0; i < score->deputies->len; i++)
    assert_traceable (g_ptr_array_index (score->deputies, i));
  return score;
}

static void
test_engine_q1 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaisonPointsScore) score = score_quarter (f, 2025, 1);
  const LiaisonDeputyPoints *zhang = liaison_points_score_find (score, "d-zhang");
  const LiaisonDeputyPoints *li = liaison_points_score_find (score, "d-li");
  const LiaisonDeputyPoints *liu = liaison_points_score_find (score, "d-liu");
  const LiaisonPointsLine *line;
  guint over_cap = 0, scored = 0, station_days = 0;

  g_assert_cmpstr (score->rules[0]->effective_from, ==, "2000-01-01");

  /* 张伟: every rule. */
  g_assert_cmpstr (zhang->name, ==, "张伟");
  g_assert_cmpstr (zhang->group, ==, GROUP_A);
  g_assert_cmpint (zhang->total, ==, 390);
  g_assert_cmpuint (zhang->duty_days, ==, 14);
  assert_line (zhang, "a-session-1", LIAISON_POINTS_RULE_CONGRESS_SESSION_ATTENDED, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "a-session-2", LIAISON_POINTS_RULE_CONGRESS_SESSION_LEAVE, LIAISON_POINTS_LINE_SCORED, 0);
  assert_line (zhang, "a-session-3", LIAISON_POINTS_RULE_CONGRESS_SESSION_ABSENT, LIAISON_POINTS_LINE_SCORED, -20);
  assert_line (zhang, "a-sc", LIAISON_POINTS_RULE_STANDING_COMMITTEE, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "a-research", LIAISON_POINTS_RULE_RESEARCH, LIAISON_POINTS_LINE_SCORED, 30);
  assert_line (zhang, "a-insp", LIAISON_POINTS_RULE_INSPECTION, LIAISON_POINTS_LINE_SCORED, 30);
  assert_line (zhang, "a-law", LIAISON_POINTS_RULE_LAW_ENFORCEMENT_INSPECTION, LIAISON_POINTS_LINE_SCORED, 30);
  assert_line (zhang, "a-theme", LIAISON_POINTS_RULE_THEME_ACTIVITY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "a-group", LIAISON_POINTS_RULE_GROUP_ACTIVITY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "a-training", LIAISON_POINTS_RULE_TRAINING, LIAISON_POINTS_LINE_SCORED, 10);
  assert_line (zhang, "a-other", LIAISON_POINTS_RULE_OTHER, LIAISON_POINTS_LINE_SCORED, 10);
  /* The station duty record carries 02-03's duty day, not the reception. */
  assert_line (zhang, "z-duty-0203", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "r1", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 10);
  g_assert_cmpuint (count_lines (zhang, "r1"), ==, 1);
  /* Two receptions on 02-10: one station duty day, on the first. */
  assert_line (zhang, "r2", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 10);
  assert_line (zhang, "r2", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (zhang, "r3", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 10);
  g_assert_cmpuint (count_lines (zhang, "r3"), ==, 1);
  assert_line (zhang, "a-research-2", LIAISON_POINTS_RULE_NONE, LIAISON_POINTS_LINE_NOT_ATTENDED, 0);
  /* The take-up and its closing share the suggestion, each on its own day. */
  line = find_line (zhang, "sg1", LIAISON_POINTS_RULE_TAKE_UP);
  g_assert_cmpint (line->points, ==, 20);
  g_assert_cmpstr (line->item->date, ==, "2025-02-11");
  line = find_line (zhang, "sg1", LIAISON_POINTS_RULE_CLOSED_SATISFIED);
  g_assert_cmpint (line->points, ==, 10);
  g_assert_cmpstr (line->item->date, ==, "2025-03-05");
  assert_line (zhang, "m1", LIAISON_POINTS_RULE_MOTION_FIRST_SIGNER, LIAISON_POINTS_LINE_SCORED, 50);
  assert_line (zhang, "ds1", LIAISON_POINTS_RULE_SUGGESTION_FIRST_SIGNER, LIAISON_POINTS_LINE_SCORED, 30);
  assert_line (zhang, "ds2", LIAISON_POINTS_RULE_CO_SIGNER, LIAISON_POINTS_LINE_SCORED, 10);
  /* 31 March is in Q1; 1 April and after are not. */
  line = find_line (zhang, "a-insp-0331", LIAISON_POINTS_RULE_INSPECTION);
  g_assert_cmpint (line->points, ==, 30);
  g_assert_cmpint (line->quarter.quarter, ==, 1);
  g_assert_cmpuint (count_lines (zhang, "a-insp-0401"), ==, 0);
  g_assert_cmpuint (count_lines (zhang, "r4"), ==, 0);
  /* 22 items in Q1, and r2 gives two lines. */
  g_assert_cmpuint (zhang->lines->len, ==, 23);
  g_assert_cmpuint (zhang->quarter_totals[0], ==, 390);
  g_assert_cmpuint (zhang->quarter_duty_days[0], ==, 14);

  /* 李娜: 23 receptions, 20 scored, the last three kept at 0. */
  g_assert_cmpint (li->total, ==, 460);
  g_assert_cmpuint (li->duty_days, ==, 14);
  for (guint i = 0; i < li->lines->len; i++)
    {
      line = g_ptr_array_index (li->lines, i);
      if (line->rule == LIAISON_POINTS_RULE_RECEPTION_HOSTED)
        {
          if (line->status == LIAISON_POINTS_LINE_OVER_CAP)
            over_cap++;
          else
            scored++;
        }
      else if (line->rule == LIAISON_POINTS_RULE_STATION_DUTY_DAY)
        station_days++;
    }
  g_assert_cmpuint (scored, ==, 20);
  g_assert_cmpuint (over_cap, ==, 3);
  g_assert_cmpuint (station_days, ==, 12);
  assert_line (li, "rl19", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 10);
  assert_line (li, "rl20", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_OVER_CAP, 0);
  assert_line (li, "rl21", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_OVER_CAP, 0);
  assert_line (li, "rl22", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_OVER_CAP, 0);
  g_assert_cmpstr (liaison_points_line_status_label (LIAISON_POINTS_LINE_OVER_CAP), ==, "Over the quarter’s cap");
  g_assert_cmpstr (liaison_points_line_status_label (LIAISON_POINTS_LINE_SCORED), ==, "");
  /* The cap takes nothing from the duty day of a day over it. */
  assert_line (li, "rl22", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (li, "a-theme-span", LIAISON_POINTS_RULE_THEME_ACTIVITY, LIAISON_POINTS_LINE_SCORED, 20);

  /* 刘洋: a second station duty record the same day counts once. */
  g_assert_cmpint (liu->total, ==, 60);
  g_assert_cmpuint (liu->duty_days, ==, 2);
  assert_line (liu, "a-duty-liu-1", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED, 20);
  assert_line (liu, "a-duty-liu-2", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SAME_DAY, 0);
  assert_line (liu, "r5", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 10);
  g_assert_cmpuint (count_lines (liu, "r5"), ==, 1);

  g_assert_cmpint (liaison_points_score_find (score, "d-wang")->total, ==, -20);
  g_assert_cmpuint (liaison_points_score_find (score, "d-wang")->duty_days, ==, 0);
  g_assert_cmpint (liaison_points_score_find (score, "d-wangl")->total, ==, 60);
  g_assert_cmpuint (liaison_points_score_find (score, "d-wangl")->duty_days, ==, 0);
  g_assert_cmpint (liaison_points_score_find (score, "d-zhao")->total, ==, 0);
  g_assert_cmpuint (liaison_points_score_find (score, "d-zhao")->lines->len, ==, 0);
}

/* @group's deputies in rank order, as "name:rank". */
static void
assert_ranking (const LiaisonPointsScore *score,
                const char               *group_name,
                LiaisonPoints             total,
                LiaisonPoints             average,
                const char               *expected)
{
  const LiaisonGroupPoints *group = liaison_points_score_group (score, group_name);
  g_autoptr(GString) ranking = g_string_new ("");

  g_assert_nonnull (group);
  g_assert_cmpint (group->total, ==, total);
  g_assert_cmpint (group->average, ==, average);
  for (guint i = 0; i < group->deputies->len; i++)
    {
      const LiaisonDeputyPoints *deputy = g_ptr_array_index (group->deputies, i);

      g_string_append_printf (ranking, "%s%s:%u", i > 0 ? " " : "", deputy->name, deputy->rank);
    }
  g_assert_cmpstr (ranking->str, ==, expected);
}

static void
test_engine_groups (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LiaisonPointsScore) score = score_quarter (f, 2025, 1);
  g_autoptr(GString) order = g_string_new ("");

  /* 83 / 3 = 27.67 → 27.7; the deputy at -2 counts in the average. */
  assert_ranking (score, GROUP_A, 830, 277, "李娜:1 张伟:2 王芳:3");
  /* A tie shares the 1st place, the next is 3rd; 赵敏's 0 counts. */
  assert_ranking (score, GROUP_B, 120, 40, "刘洋:1 王磊:1 赵敏:3");

  /* The whole list, group by group in name order (杜 before 相 by code
   * point and by pinyin alike). */
  g_assert_cmpuint (score->groups->len, ==, 2);
  for (guint i = 0; i < score->deputies->len; i++)
    {
      const LiaisonDeputyPoints *deputy = g_ptr_array_index (score->deputies, i);

      g_string_append_printf (order, "%s%s", i > 0 ? " " : "", deputy->name);
    }
  g_assert_cmpstr (order->str, ==, "刘洋 王磊 赵敏 李娜 张伟 王芳");
}

static void
test_engine_q2_new_rules (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LiaisonPointsScore) score = score_quarter (f, 2025, 2);
  const LiaisonDeputyPoints *zhang = liaison_points_score_find (score, "d-zhang");
  const LiaisonDeputyPoints *li = liaison_points_score_find (score, "d-li");

  g_assert_cmpstr (score->rules[0]->effective_from, ==, "2025-04-01");
  g_assert_cmpint (zhang->total, ==, 95);
  g_assert_cmpuint (zhang->duty_days, ==, 3);
  g_assert_cmpuint (zhang->lines->len, ==, 4);
  assert_line (zhang, "a-insp-0401", LIAISON_POINTS_RULE_INSPECTION, LIAISON_POINTS_LINE_SCORED, 30);
  assert_line (zhang, "a-research-0402", LIAISON_POINTS_RULE_RESEARCH, LIAISON_POINTS_LINE_SCORED, 40);
  assert_line (zhang, "r4", LIAISON_POINTS_RULE_RECEPTION_HOSTED, LIAISON_POINTS_LINE_SCORED, 5);
  assert_line (zhang, "r4", LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED, 20);
  {
    g_autofree char *shown = liaison_points_format (zhang->total);

    g_assert_cmpstr (shown, ==, "9.5");
  }
  /* The activity begun on 03-30 scores in Q1; its April days are Q2's. */
  g_assert_cmpint (li->total, ==, 0);
  g_assert_cmpuint (li->lines->len, ==, 0);
  g_assert_cmpuint (li->duty_days, ==, 2);
}

static void
test_engine_year (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPointsScore) score = liaison_points_score_year (f->items, f->rule_sets, 2025,
                                                                   f->groups, f->names, &error);
  const LiaisonDeputyPoints *zhang, *li;

  g_assert_no_error (error);
  g_assert_cmpuint (score->n_quarters, ==, 4);
  g_assert_cmpstr (score->rules[0]->effective_from, ==, "2000-01-01");
  g_assert_cmpstr (score->rules[1]->effective_from, ==, "2025-04-01");
  g_assert_cmpstr (score->rules[3]->effective_from, ==, "2025-04-01");

  zhang = liaison_points_score_find (score, "d-zhang");
  assert_traceable (zhang);
  g_assert_cmpint (zhang->quarter_totals[0], ==, 390);
  g_assert_cmpint (zhang->quarter_totals[1], ==, 95);
  g_assert_cmpint (zhang->quarter_totals[2], ==, 0);
  g_assert_cmpint (zhang->total, ==, 485);
  g_assert_cmpuint (zhang->duty_days, ==, 17);
  g_assert_cmpuint (zhang->lines->len, ==, 27);

  li = liaison_points_score_find (score, "d-li");
  assert_traceable (li);
  g_assert_cmpint (li->total, ==, 460);
  g_assert_cmpuint (li->quarter_duty_days[0], ==, 14);
  g_assert_cmpuint (li->quarter_duty_days[1], ==, 2);
  g_assert_cmpuint (li->duty_days, ==, 16);

  /* Ranked by the year: 张伟 passes 李娜. 92.5 / 3 = 30.83 → 30.8. */
  assert_ranking (score, GROUP_A, 925, 308, "张伟:1 李娜:2 王芳:3");
  assert_ranking (score, GROUP_B, 120, 40, "刘洋:1 王磊:1 赵敏:3");
}

static void
test_engine_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) only_2025 = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  LiaisonPointsScore *score;

  /* No set in force for Q1: nothing is scored rather than guessed. */
  g_ptr_array_add (only_2025, rules_from ("2025-04-01"));
  score = liaison_points_score_quarter (f->items, only_2025, (LiaisonQuarter) { 2025, 1 }, f->groups, f->names,
                                        &error);
  g_assert_null (score);
  g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025Q1"));
  g_clear_error (&error);

  /* An item that cannot be placed in a quarter. */
  add_item (f, LIAISON_DUTY_ITEM_TAKE_UP, "d-zhang", "2025-02-30", "sg9", NULL);
  score = liaison_points_score_quarter (f->items, f->rule_sets, (LiaisonQuarter) { 2025, 1 }, f->groups, f->names,
                                        &error);
  g_assert_null (score);
  g_assert_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
}

static void
test_engine_order_free (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LiaisonPointsScore) score = score_quarter (f, 2025, 1);
  g_autoptr(LiaisonPointsScore) reversed_score = NULL;
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  const LiaisonDeputyPoints *li, *li_again;

  /* The same items in the opposite order give the same lines. */
  for (guint i = f->items->len; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (f->items, i - 1));
  reversed_score = liaison_points_score_quarter (reversed, f->rule_sets, (LiaisonQuarter) { 2025, 1 }, f->groups,
                                                 f->names, NULL);
  li = liaison_points_score_find (score, "d-li");
  li_again = liaison_points_score_find (reversed_score, "d-li");
  g_assert_cmpuint (li->lines->len, ==, li_again->lines->len);
  for (guint i = 0; i < li->lines->len; i++)
    {
      const LiaisonPointsLine *a = g_ptr_array_index (li->lines, i);
      const LiaisonPointsLine *b = g_ptr_array_index (li_again->lines, i);

      g_assert_true (a->item == b->item);
      g_assert_cmpint (a->rule, ==, b->rule);
      g_assert_cmpint (a->status, ==, b->status);
    }

  /* With no maps, the deputies with items are scored, in no group. */
  {
    g_autoptr(LiaisonPointsScore) bare = liaison_points_score_quarter (f->items, f->rule_sets,
                                                                       (LiaisonQuarter) { 2025, 1 }, NULL, NULL,
                                                                       NULL);

    g_assert_cmpuint (bare->groups->len, ==, 0);
    /* 赵敏 has no item and 王芳's absence is an item: five deputies. */
    g_assert_cmpuint (bare->deputies->len, ==, 5);
    g_assert_cmpstr (liaison_points_score_find (bare, "d-li")->name, ==, "d-li");
    g_assert_cmpuint (liaison_points_score_find (bare, "d-li")->rank, ==, 0);
    g_assert_null (liaison_points_score_find (bare, "d-zhao"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/points/quarter/parse-good", test_quarter_parse_good);
  g_test_add_func ("/points/quarter/parse-bad", test_quarter_parse_bad);
  g_test_add_func ("/points/quarter/days", test_quarter_days);
  g_test_add_func ("/points/format", test_points_format);
  g_test_add_func ("/points/rules/default", test_rules_default);
  g_test_add_func ("/points/rules/round-trip", test_rules_round_trip);
  g_test_add_func ("/points/rules/parse-errors", test_rules_parse_errors);
  g_test_add_func ("/points/rules/for-quarter", test_rules_for_quarter);
  g_test_add ("/points/engine/q1", Fixture, NULL, fixture_set_up, test_engine_q1, fixture_tear_down);
  g_test_add ("/points/engine/groups", Fixture, NULL, fixture_set_up, test_engine_groups, fixture_tear_down);
  g_test_add ("/points/engine/q2-new-rules", Fixture, NULL, fixture_set_up, test_engine_q2_new_rules,
              fixture_tear_down);
  g_test_add ("/points/engine/year", Fixture, NULL, fixture_set_up, test_engine_year, fixture_tear_down);
  g_test_add ("/points/engine/refuses", Fixture, NULL, fixture_set_up, test_engine_refuses, fixture_tear_down);
  g_test_add ("/points/engine/order-free", Fixture, NULL, fixture_set_up, test_engine_order_free,
              fixture_tear_down);
  return g_test_run ();
}
