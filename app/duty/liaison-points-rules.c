/* liaison-points-rules.c: rule sets, their JSON and the set in force
 * (liaison-points-rules.h). */
#define G_LOG_DOMAIN "liaison-points-rules"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "liaison-calendar.h"
#include "liaison-json-depth.h"
#include "liaison-points-rules.h"

#define DEFAULT_PATH "/org/liaison/Liaison/data/points-default.json"
#define KEY_EFFECTIVE_FROM "effective_from"
#define KEY_CAP "reception_cap_per_quarter"
#define KEY_POINTS "points"

G_DEFINE_QUARK (liaison-points-rules-error-quark, liaison_points_rules_error)

/* Generated from resources/liaison-data.gresource.xml. */
GResource *liaison_data_get_resource (void);

/* The order is LiaisonPointsRule's: the table. */
static const struct {
  const char *key;
  const char *label;     /* msgid */
  const char *chinese;   /* the reports' words */
} rules[] = {
  { "congress_session_attended",  N_("Congress session day attended"),             "出席人代会" },
  { "congress_session_absent",    N_("Congress session day absent without leave"), "人代会无故缺席" },
  { "congress_session_leave",     N_("Congress session day on leave"),             "人代会请假" },
  { "standing_committee",         N_("Standing committee meeting attended"),       "列席常委会会议" },
  { "research",                   N_("Research attended"),                         "参加调研" },
  { "inspection",                 N_("Inspection attended"),                       "参加视察" },
  { "law_enforcement_inspection", N_("Law-enforcement inspection attended"),       "参加执法检查" },
  { "theme_activity",             N_("Theme activity attended"),                   "参加主题活动" },
  { "group_activity",             N_("Deputy group activity attended"),            "参加代表小组活动" },
  { "training",                   N_("Training attended"),                         "参加履职学习培训" },
  { "station_duty_day",           N_("Station duty day"),                          "进站履职" },
  { "reception_hosted",           N_("Reception hosted"),                          "接待群众" },
  { "take_up",                    N_("Suggestion taken up"),                       "领办群众意见建议" },
  { "closed_satisfied",           N_("Suggestion taken up closed satisfied"),      "领办建议办结满意" },
  { "motion_first_signer",        N_("Motion filed as first signer"),              "领衔提出议案" },
  { "suggestion_first_signer",    N_("Suggestion filed as first signer"),          "领衔提出建议" },
  { "co_signer",                  N_("Motion or suggestion co-signed"),            "联名提出议案建议" },
  { "other",                      N_("Other activity attended"),                   "参加其他活动" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (rules) == LIAISON_N_POINTS_RULES);

const char *
liaison_points_rule_to_key (LiaisonPointsRule rule)
{
  g_return_val_if_fail ((guint) rule < LIAISON_N_POINTS_RULES, NULL);
  return rules[rule].key;
}

gboolean
liaison_points_rule_from_key (const char        *key,
                              LiaisonPointsRule *rule)
{
  for (guint i = 0; key != NULL && i < LIAISON_N_POINTS_RULES; i++)
    {
      if (strcmp (key, rules[i].key) == 0)
        {
          *rule = (LiaisonPointsRule) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
liaison_points_rule_label (LiaisonPointsRule rule)
{
  if (rule == LIAISON_POINTS_RULE_NONE)
    return _("Not scored");
  g_return_val_if_fail ((guint) rule < LIAISON_N_POINTS_RULES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, rules[rule].label);
}

const char *
liaison_points_rule_chinese (LiaisonPointsRule rule)
{
  if (rule == LIAISON_POINTS_RULE_NONE)
    return "不计分";
  g_return_val_if_fail ((guint) rule < LIAISON_N_POINTS_RULES, NULL);
  return rules[rule].chinese;
}

char *
liaison_points_format (LiaisonPoints points)
{
  /* In unsigned arithmetic, so that the most negative value has a size. */
  guint64 size = points < 0 ? (guint64) 0 - (guint64) points : (guint64) points;
  const char *sign = points < 0 ? "-" : "";

  if (size % LIAISON_POINTS_ONE == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, size / LIAISON_POINTS_ONE);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, size / LIAISON_POINTS_ONE,
                          (guint) (size % LIAISON_POINTS_ONE));
}

char *
liaison_points_format_signed (LiaisonPoints points)
{
  g_autofree char *plain = liaison_points_format (points);

  return points > 0 ? g_strconcat ("+", plain, NULL) : g_steal_pointer (&plain);
}

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* A JSON number that is a whole number of tenths within ±@limit points. */
static gboolean
read_points (JsonNode      *node,
             const char    *key,
             LiaisonPoints *points,
             GError       **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  double value, tenths;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (error, _("“%s” in the points rules must be a number"), key);
  value = json_node_get_double (node);
  if (!(fabs (value) <= LIAISON_POINTS_RULE_LIMIT))
    return fail (error, _("“%s” in the points rules must lie between −%d and %d"), key,
                 LIAISON_POINTS_RULE_LIMIT, LIAISON_POINTS_RULE_LIMIT);
  tenths = round (value * LIAISON_POINTS_ONE);
  if (fabs (value * LIAISON_POINTS_ONE - tenths) > 1e-6)
    return fail (error, _("“%s” in the points rules must be a whole number of tenths, such as 2 or 0.5"), key);
  *points = (LiaisonPoints) tenths;
  return TRUE;
}

static gboolean
read_cap (JsonNode   *node,
          guint      *cap,
          GError    **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gint64 value;

  if (type != G_TYPE_INT64)
    return fail (error, _("“%s” in the points rules must be a whole number from 0 to %d"), KEY_CAP,
                 LIAISON_POINTS_CAP_LIMIT);
  value = json_node_get_int (node);
  if (value < 0 || value > LIAISON_POINTS_CAP_LIMIT)
    return fail (error, _("“%s” in the points rules must be a whole number from 0 to %d"), KEY_CAP,
                 LIAISON_POINTS_CAP_LIMIT);
  *cap = (guint) value;
  return TRUE;
}

static gboolean
read_date (JsonNode   *node,
           char      **date,
           GError    **error)
{
  const char *text = NULL;
  GDate day;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = json_node_get_string (node);
  if (text == NULL || !liaison_date_parse_iso (text, &day))
    return fail (error, _("“%s” in the points rules must be a date written YYYY-MM-DD, such as 2025-04-01"),
                 KEY_EFFECTIVE_FROM);
  *date = g_strdup (text);
  return TRUE;
}

static gboolean
read_points_object (JsonNode            *node,
                    LiaisonPointsRules  *set,
                    GError             **error)
{
  gboolean seen[LIAISON_N_POINTS_RULES] = { FALSE, };
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _("“%s” in the points rules must be an object of rules and their points"), KEY_POINTS);
  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &value))
    {
      LiaisonPointsRule rule;
      g_autofree char *path = g_strconcat (KEY_POINTS, ".", key, NULL);

      if (!liaison_points_rule_from_key (key, &rule))
        return fail (error, _("Unknown rule “%s” in the points rules"), path);
      if (!read_points (value, path, &set->points[rule], error))
        return FALSE;
      seen[rule] = TRUE;
    }
  for (guint i = 0; i < LIAISON_N_POINTS_RULES; i++)
    {
      if (!seen[i])
        {
          g_autofree char *path = g_strconcat (KEY_POINTS, ".", rules[i].key, NULL);

          return fail (error, _("The points rules lack “%s”"), path);
        }
    }
  return TRUE;
}

LiaisonPointsRules *
liaison_points_rules_from_json (const char  *json,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(LiaisonPointsRules) set = g_new0 (LiaisonPointsRules, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  static const char *top_keys[] = { KEY_EFFECTIVE_FROM, KEY_CAP, KEY_POINTS, NULL };
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);
  if (length < 0)
    length = (gssize) strlen (json);
  /* A rule set nests two levels; json-glib's parser recurses once a
   * level with no limit, so much deeper is refused before it sees it. */
  if (!liaison_json_check (json, length, 8, NULL))
    {
      fail (error, _("The points rules nest deeper than a rule set does"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      fail (error, _("The points rules are not JSON: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, _("The points rules must be a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  {
    JsonObjectIter iter;
    const char *key;
    JsonNode *value;

    json_object_iter_init (&iter, object);
    while (json_object_iter_next (&iter, &key, &value))
      if (!g_strv_contains (top_keys, key))
        {
          fail (error, _("Unknown key “%s” in the points rules"), key);
          return NULL;
        }
  }
  for (guint i = 0; top_keys[i] != NULL; i++)
    if (!json_object_has_member (object, top_keys[i]))
      {
        fail (error, _("The points rules lack “%s”"), top_keys[i]);
        return NULL;
      }

  if (!read_date (json_object_get_member (object, KEY_EFFECTIVE_FROM), &set->effective_from, error) ||
      !read_cap (json_object_get_member (object, KEY_CAP), &set->reception_cap, error) ||
      !read_points_object (json_object_get_member (object, KEY_POINTS), set, error))
    return NULL;
  return g_steal_pointer (&set);
}

char *
liaison_points_rules_to_json (const LiaisonPointsRules *set)
{
  GString *out = g_string_new ("{\n");

  g_return_val_if_fail (set != NULL, NULL);
  /* Written by hand: json-glib writes 0.5 as 0.50000000000000000. */
  g_string_append_printf (out, "  \"%s\": \"%s\",\n", KEY_EFFECTIVE_FROM, set->effective_from);
  g_string_append_printf (out, "  \"%s\": %u,\n", KEY_CAP, set->reception_cap);
  g_string_append_printf (out, "  \"%s\": {\n", KEY_POINTS);
  for (guint i = 0; i < LIAISON_N_POINTS_RULES; i++)
    {
      g_autofree char *points = liaison_points_format (set->points[i]);

      g_string_append_printf (out, "    \"%s\": %s%s\n", rules[i].key, points,
                              i + 1 < LIAISON_N_POINTS_RULES ? "," : "");
    }
  g_string_append (out, "  }\n}\n");
  return g_string_free (out, FALSE);
}

LiaisonPointsRules *
liaison_points_rules_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPointsRules *set;

  bytes = g_resource_lookup_data (liaison_data_get_resource (), DEFAULT_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* Compiled in and checked by the tests: a failure is a broken build. */
  if (bytes == NULL)
    g_error ("%s: %s", DEFAULT_PATH, error->message);
  set = liaison_points_rules_from_json (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                        &error);
  if (set == NULL)
    g_error ("%s: %s", DEFAULT_PATH, error->message);
  return set;
}

LiaisonPointsRules *
liaison_points_rules_copy (const LiaisonPointsRules *set)
{
  LiaisonPointsRules *copy = g_memdup2 (set, sizeof *set);

  copy->effective_from = g_strdup (set->effective_from);
  return copy;
}

gboolean
liaison_points_rules_equal (const LiaisonPointsRules *a,
                            const LiaisonPointsRules *b)
{
  if (g_strcmp0 (a->effective_from, b->effective_from) != 0 || a->reception_cap != b->reception_cap)
    return FALSE;
  return memcmp (a->points, b->points, sizeof a->points) == 0;
}

void
liaison_points_rules_free (LiaisonPointsRules *set)
{
  if (set == NULL)
    return;
  g_free (set->effective_from);
  g_free (set);
}

const LiaisonPointsRules *
liaison_points_rules_for_quarter (GPtrArray      *rule_sets,
                                  LiaisonQuarter  quarter)
{
  g_autofree char *first_day = liaison_quarter_first_iso (quarter);
  const LiaisonPointsRules *found = NULL;

  /* ISO dates sort as text. */
  for (guint i = 0; rule_sets != NULL && i < rule_sets->len; i++)
    {
      const LiaisonPointsRules *set = g_ptr_array_index (rule_sets, i);

      if (strcmp (set->effective_from, first_day) > 0)
        continue;
      if (found == NULL || strcmp (set->effective_from, found->effective_from) >= 0)
        found = set;
    }
  return found;
}
