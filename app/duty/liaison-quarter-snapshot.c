/* liaison-quarter-snapshot.c: a closed quarter's frozen figures, their
 * JSON and their difference from the live score
 * (liaison-quarter-snapshot.h). */
#define G_LOG_DOMAIN "liaison-quarter-snapshot"

#include "config.h"

#include <string.h>

#include "liaison-json-depth.h"
#include "liaison-json-strict.h"
#include "liaison-quarter-snapshot.h"

G_DEFINE_QUARK (liaison-quarter-snapshot-error-quark, liaison_quarter_snapshot_error)

/* A snapshot nests four levels: the object, deputies, a deputy, lines. */
#define SNAPSHOT_MAX_DEPTH 8

static const char *const item_kind_codes[] = {
  [LIAISON_DUTY_ITEM_ACTIVITY] = "activity",
  [LIAISON_DUTY_ITEM_RECEPTION] = "reception",
  [LIAISON_DUTY_ITEM_TAKE_UP] = "take_up",
  [LIAISON_DUTY_ITEM_CLOSED_SATISFIED] = "closed_satisfied",
  [LIAISON_DUTY_ITEM_MOTION] = "motion",
  [LIAISON_DUTY_ITEM_SUGGESTION] = "suggestion",
  [LIAISON_DUTY_ITEM_CO_SIGNED] = "co_signed",
};

G_STATIC_ASSERT (G_N_ELEMENTS (item_kind_codes) == LIAISON_N_DUTY_ITEM_KINDS);

const char *
liaison_duty_item_kind_to_code (LiaisonDutyItemKind kind)
{
  g_return_val_if_fail ((guint) kind < LIAISON_N_DUTY_ITEM_KINDS, NULL);
  return item_kind_codes[kind];
}

gboolean
liaison_duty_item_kind_from_code (const char          *code,
                                  LiaisonDutyItemKind *kind)
{
  for (guint i = 0; code != NULL && i < LIAISON_N_DUTY_ITEM_KINDS; i++)
    if (strcmp (code, item_kind_codes[i]) == 0)
      {
        *kind = (LiaisonDutyItemKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
line_free (LiaisonSnapshotLine *line)
{
  if (line == NULL)
    return;
  g_free (line->source_uuid);
  g_free (line->date);
  g_free (line->title);
  g_free (line);
}

static LiaisonSnapshotLine *
line_copy (const LiaisonSnapshotLine *line)
{
  LiaisonSnapshotLine *copy = g_memdup2 (line, sizeof *line);

  copy->source_uuid = g_strdup (line->source_uuid);
  copy->date = g_strdup (line->date);
  copy->title = g_strdup (line->title);
  return copy;
}

static void
deputy_free (LiaisonSnapshotDeputy *deputy)
{
  if (deputy == NULL)
    return;
  g_free (deputy->deputy_uuid);
  g_free (deputy->name);
  g_free (deputy->group);
  g_clear_pointer (&deputy->lines, g_ptr_array_unref);
  g_free (deputy);
}

static LiaisonSnapshotDeputy *
deputy_new (void)
{
  LiaisonSnapshotDeputy *deputy = g_new0 (LiaisonSnapshotDeputy, 1);

  deputy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return deputy;
}

LiaisonQuarterSnapshot *
liaison_quarter_snapshot_new_empty (LiaisonQuarter quarter)
{
  LiaisonQuarterSnapshot *snapshot = g_new0 (LiaisonQuarterSnapshot, 1);

  snapshot->quarter = quarter;
  snapshot->deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) deputy_free);
  return snapshot;
}

void
liaison_quarter_snapshot_free (LiaisonQuarterSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->deputies, g_ptr_array_unref);
  g_free (snapshot);
}

LiaisonQuarterSnapshot *
liaison_quarter_snapshot_new_from_score (const LiaisonPointsScore *score,
                                         LiaisonQuarter            quarter)
{
  LiaisonQuarterSnapshot *snapshot;
  int index;

  g_return_val_if_fail (score != NULL, NULL);
  /* The score's quarters are consecutive from its first. */
  {
    LiaisonQuarter q = score->first;

    for (index = 0; index < (int) score->n_quarters && liaison_quarter_compare (q, quarter) != 0; index++)
      q = liaison_quarter_next (q);
  }
  g_return_val_if_fail (index < (int) score->n_quarters, NULL);

  snapshot = liaison_quarter_snapshot_new_empty (quarter);
  for (guint d = 0; d < score->deputies->len; d++)
    {
      const LiaisonDeputyPoints *points = g_ptr_array_index (score->deputies, d);
      LiaisonSnapshotDeputy *deputy = deputy_new ();

      deputy->deputy_uuid = g_strdup (points->deputy_uuid);
      deputy->name = g_strdup (points->name);
      deputy->group = g_strdup (points->group);
      deputy->total = points->quarter_totals[index];
      deputy->duty_days = points->quarter_duty_days[index];
      deputy->rank = points->rank;
      for (guint i = 0; i < points->lines->len; i++)
        {
          const LiaisonPointsLine *line = g_ptr_array_index (points->lines, i);
          LiaisonSnapshotLine *frozen;

          if (liaison_quarter_compare (line->quarter, quarter) != 0)
            continue;
          frozen = g_new0 (LiaisonSnapshotLine, 1);
          frozen->kind = line->item->kind;
          frozen->source_uuid = g_strdup (line->item->source_uuid);
          frozen->date = g_strdup (line->item->date);
          frozen->title = g_strdup (line->item->title != NULL ? line->item->title : "");
          frozen->rule = line->rule;
          frozen->points = line->points;
          g_ptr_array_add (deputy->lines, frozen);
        }
      g_ptr_array_add (snapshot->deputies, deputy);
    }
  return snapshot;
}

const LiaisonSnapshotDeputy *
liaison_quarter_snapshot_find (const LiaisonQuarterSnapshot *snapshot,
                               const char                   *deputy_uuid)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  for (guint i = 0; i < snapshot->deputies->len; i++)
    {
      const LiaisonSnapshotDeputy *deputy = g_ptr_array_index (snapshot->deputies, i);

      if (g_strcmp0 (deputy->deputy_uuid, deputy_uuid) == 0)
        return deputy;
    }
  return NULL;
}

/* JSON out. */

JsonObject *
liaison_quarter_snapshot_to_json (const LiaisonQuarterSnapshot *snapshot)
{
  JsonObject *object = json_object_new ();
  JsonArray *deputies = json_array_new ();
  g_autofree char *quarter = liaison_quarter_format (snapshot->quarter);

  json_object_set_string_member (object, "quarter", quarter);
  for (guint d = 0; d < snapshot->deputies->len; d++)
    {
      const LiaisonSnapshotDeputy *deputy = g_ptr_array_index (snapshot->deputies, d);
      JsonObject *member = json_object_new ();
      JsonArray *lines = json_array_new ();

      json_object_set_string_member (member, "uuid", deputy->deputy_uuid);
      json_object_set_string_member (member, "name", deputy->name);
      if (deputy->group != NULL)
        json_object_set_string_member (member, "group", deputy->group);
      else
        json_object_set_null_member (member, "group");
      json_object_set_int_member (member, "total_tenths", deputy->total);
      json_object_set_int_member (member, "duty_days", deputy->duty_days);
      json_object_set_int_member (member, "rank", deputy->rank);
      for (guint i = 0; i < deputy->lines->len; i++)
        {
          const LiaisonSnapshotLine *line = g_ptr_array_index (deputy->lines, i);
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "kind", liaison_duty_item_kind_to_code (line->kind));
          json_object_set_string_member (entry, "source", line->source_uuid);
          json_object_set_string_member (entry, "date", line->date);
          json_object_set_string_member (entry, "title", line->title);
          if (line->rule == LIAISON_POINTS_RULE_NONE)
            json_object_set_null_member (entry, "rule");
          else
            json_object_set_string_member (entry, "rule", liaison_points_rule_to_key (line->rule));
          json_object_set_int_member (entry, "points_tenths", line->points);
          json_array_add_object_element (lines, entry);
        }
      json_object_set_array_member (member, "lines", lines);
      json_array_add_object_element (deputies, member);
    }
  json_object_set_array_member (object, "deputies", deputies);
  return object;
}

char *
liaison_quarter_snapshot_to_string (const LiaisonQuarterSnapshot *snapshot)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (root, liaison_quarter_snapshot_to_json (snapshot));
  return json_to_string (root, FALSE);
}

/* JSON in. */

static const LiaisonJsonStrict strict = {
  liaison_quarter_snapshot_error_quark, LIAISON_QUARTER_SNAPSHOT_ERROR_INVALID, "snapshot: "
};

/* A deputy's points lie far within ±1000 points a line: ±10^9 tenths. */
#define MAX_TENTHS G_GINT64_CONSTANT (1000000000)

static LiaisonSnapshotLine *
read_line (JsonNode    *node,
           const char  *where,
           GError     **error)
{
  static const char *const names[] = { "kind", "source", "date", "title", "rule", "points_tenths", NULL };
  LiaisonSnapshotLine line = { 0 };
  JsonObject *object;
  JsonNode *rule;
  LiaisonQuarter date_quarter;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return liaison_json_invalid (&strict, error, "%s must be an object", where), NULL;
  object = json_node_get_object (node);
  if (!liaison_json_has_exactly (&strict, object, names, where, error))
    return NULL;
  if (!liaison_duty_item_kind_from_code (liaison_json_get_string (object, "kind"), &line.kind))
    return liaison_json_invalid (&strict, error, "%s.kind is not an item kind", where), NULL;
  text = liaison_json_get_string (object, "source");
  if (text == NULL || !g_uuid_string_is_valid (text))
    return liaison_json_invalid (&strict, error, "%s.source must be a UUID", where), NULL;
  text = liaison_json_get_string (object, "date");
  if (text == NULL || strlen (text) != 10 || !liaison_quarter_from_date (text, &date_quarter))
    return liaison_json_invalid (&strict, error, "%s.date must be a day YYYY-MM-DD", where), NULL;
  if (liaison_json_get_string (object, "title") == NULL)
    return liaison_json_invalid (&strict, error, "%s.title must be a string", where), NULL;
  rule = json_object_get_member (object, "rule");
  line.rule = LIAISON_POINTS_RULE_NONE;
  if (!JSON_NODE_HOLDS_NULL (rule) &&
      !liaison_points_rule_from_key (liaison_json_get_string (object, "rule"), &line.rule))
    return liaison_json_invalid (&strict, error, "%s.rule must be a rule key or null", where), NULL;
  if (!liaison_json_get_int (object, "points_tenths", -MAX_TENTHS, MAX_TENTHS, &line.points))
    return liaison_json_invalid (&strict, error, "%s.points_tenths must be a whole number of tenths", where), NULL;
  line.source_uuid = (char *) liaison_json_get_string (object, "source");
  line.date = (char *) liaison_json_get_string (object, "date");
  line.title = (char *) liaison_json_get_string (object, "title");
  return line_copy (&line);
}

static LiaisonSnapshotDeputy *
read_deputy (JsonNode    *node,
             const char  *where,
             GError     **error)
{
  static const char *const names[] = { "uuid", "name", "group", "total_tenths", "duty_days", "rank", "lines", NULL };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  LiaisonSnapshotDeputy *deputy;
  JsonObject *object;
  JsonNode *group;
  JsonNode *lines_node;
  gint64 total, duty_days, rank;
  const char *uuid, *name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return liaison_json_invalid (&strict, error, "%s must be an object", where), NULL;
  object = json_node_get_object (node);
  if (!liaison_json_has_exactly (&strict, object, names, where, error))
    return NULL;
  uuid = liaison_json_get_string (object, "uuid");
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return liaison_json_invalid (&strict, error, "%s.uuid must be a UUID", where), NULL;
  name = liaison_json_get_string (object, "name");
  if (name == NULL)
    return liaison_json_invalid (&strict, error, "%s.name must be a string", where), NULL;
  group = json_object_get_member (object, "group");
  if (!JSON_NODE_HOLDS_NULL (group) && liaison_json_get_string (object, "group") == NULL)
    return liaison_json_invalid (&strict, error, "%s.group must be a string or null", where), NULL;
  if (!liaison_json_get_int (object, "total_tenths", -MAX_TENTHS, MAX_TENTHS, &total))
    return liaison_json_invalid (&strict, error, "%s.total_tenths must be a whole number of tenths", where), NULL;
  if (!liaison_json_get_int (object, "duty_days", 0, 92, &duty_days))
    return liaison_json_invalid (&strict, error, "%s.duty_days must be a number of days in a quarter", where), NULL;
  if (!liaison_json_get_int (object, "rank", 0, G_MAXINT32, &rank))
    return liaison_json_invalid (&strict, error, "%s.rank must be a whole number of at least 0", where), NULL;
  lines_node = json_object_get_member (object, "lines");
  if (!JSON_NODE_HOLDS_ARRAY (lines_node))
    return liaison_json_invalid (&strict, error, "%s.lines must be an array", where), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (lines_node)); i++)
    {
      g_autofree char *line_where = g_strdup_printf ("%s.lines[%u]", where, i);
      LiaisonSnapshotLine *line = read_line (json_array_get_element (json_node_get_array (lines_node), i),
                                             line_where, error);

      if (line == NULL)
        return NULL;
      g_ptr_array_add (lines, line);
    }

  deputy = g_new0 (LiaisonSnapshotDeputy, 1);
  deputy->deputy_uuid = g_strdup (uuid);
  deputy->name = g_strdup (name);
  deputy->group = JSON_NODE_HOLDS_NULL (group) ? NULL : g_strdup (liaison_json_get_string (object, "group"));
  deputy->total = total;
  deputy->duty_days = (guint) duty_days;
  deputy->rank = (guint) rank;
  deputy->lines = g_steal_pointer (&lines);
  return deputy;
}

LiaisonQuarterSnapshot *
liaison_quarter_snapshot_from_json (JsonObject  *object,
                                    GError     **error)
{
  static const char *const names[] = { "quarter", "deputies", NULL };
  g_autoptr(LiaisonQuarterSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  LiaisonQuarter quarter;
  const char *text;
  JsonNode *deputies;

  g_return_val_if_fail (object != NULL, NULL);

  if (!liaison_json_has_exactly (&strict, object, names, "the snapshot", error))
    return NULL;
  text = liaison_json_get_string (object, "quarter");
  /* Only the stored form: a snapshot is written, never typed. */
  if (text == NULL || !liaison_quarter_parse (text, &quarter, NULL))
    return liaison_json_invalid (&strict, error, "quarter must be a quarter such as 2025Q1"), NULL;
  {
    g_autofree char *stored = liaison_quarter_format (quarter);

    if (strcmp (stored, text) != 0)
      return liaison_json_invalid (&strict, error, "quarter must be written as %s", stored), NULL;
  }
  deputies = json_object_get_member (object, "deputies");
  if (!JSON_NODE_HOLDS_ARRAY (deputies))
    return liaison_json_invalid (&strict, error, "deputies must be an array"), NULL;

  snapshot = liaison_quarter_snapshot_new_empty (quarter);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (deputies)); i++)
    {
      g_autofree char *where = g_strdup_printf ("deputies[%u]", i);
      LiaisonSnapshotDeputy *deputy = read_deputy (json_array_get_element (json_node_get_array (deputies), i),
                                                   where, error);

      if (deputy == NULL)
        return NULL;
      g_ptr_array_add (snapshot->deputies, deputy);
      if (!g_hash_table_add (seen, deputy->deputy_uuid))
        return liaison_json_invalid (&strict, error, "%s lists a deputy listed before", where), NULL;
    }
  return g_steal_pointer (&snapshot);
}

LiaisonQuarterSnapshot *
liaison_quarter_snapshot_from_string (const char  *text,
                                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (text != NULL, NULL);

  if (!liaison_json_check (text, -1, SNAPSHOT_MAX_DEPTH, &parse_error) ||
      !json_parser_load_from_data (parser, text, -1, &parse_error))
    return liaison_json_invalid (&strict, error, "not JSON of a snapshot: %s", parse_error->message), NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return liaison_json_invalid (&strict, error, "must be a JSON object"), NULL;
  return liaison_quarter_snapshot_from_json (json_node_get_object (root), error);
}

/* The difference. */

static void
change_free (LiaisonSnapshotChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->frozen, line_free);
  g_clear_pointer (&change->live, line_free);
  g_free (change);
}

static void
deputy_diff_free (LiaisonSnapshotDeputyDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->deputy_uuid);
  g_free (diff->name);
  g_free (diff->group);
  g_clear_pointer (&diff->changes, g_ptr_array_unref);
  g_free (diff);
}

void
liaison_quarter_diff_free (LiaisonQuarterDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->deputies, g_ptr_array_unref);
  g_free (diff);
}

static gboolean
same_item (const LiaisonSnapshotLine *a,
           const LiaisonSnapshotLine *b)
{
  return a->kind == b->kind && a->rule == b->rule && g_strcmp0 (a->source_uuid, b->source_uuid) == 0;
}

static void
add_change (GPtrArray                 *changes,
            LiaisonSnapshotChangeKind  kind,
            const LiaisonSnapshotLine *frozen,
            const LiaisonSnapshotLine *live)
{
  LiaisonSnapshotChange *change = g_new0 (LiaisonSnapshotChange, 1);

  change->change = kind;
  change->frozen = frozen != NULL ? line_copy (frozen) : NULL;
  change->live = live != NULL ? line_copy (live) : NULL;
  g_ptr_array_add (changes, change);
}

/* The frozen lines in their order (removed or changed), then the live
 * lines no frozen one matched (added). Lines are few per deputy. */
static LiaisonSnapshotDeputyDiff *
deputy_diff (const LiaisonSnapshotDeputy *frozen,
             const LiaisonSnapshotDeputy *live)
{
  const LiaisonSnapshotDeputy *either = frozen != NULL ? frozen : live;
  LiaisonSnapshotDeputyDiff *diff = g_new0 (LiaisonSnapshotDeputyDiff, 1);
  guint n_live = live != NULL ? live->lines->len : 0;
  g_autofree gboolean *matched = g_new0 (gboolean, n_live + 1);

  diff->deputy_uuid = g_strdup (either->deputy_uuid);
  diff->name = g_strdup (either->name);
  diff->group = g_strdup (either->group);
  diff->frozen_total = frozen != NULL ? frozen->total : 0;
  diff->frozen_duty_days = frozen != NULL ? frozen->duty_days : 0;
  diff->live_total = live != NULL ? live->total : 0;
  diff->live_duty_days = live != NULL ? live->duty_days : 0;
  diff->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  for (guint i = 0; frozen != NULL && i < frozen->lines->len; i++)
    {
      const LiaisonSnapshotLine *old = g_ptr_array_index (frozen->lines, i);
      const LiaisonSnapshotLine *now = NULL;

      for (guint j = 0; j < n_live && now == NULL; j++)
        if (!matched[j] && same_item (old, g_ptr_array_index (live->lines, j)))
          {
            matched[j] = TRUE;
            now = g_ptr_array_index (live->lines, j);
          }
      if (now == NULL)
        add_change (diff->changes, LIAISON_SNAPSHOT_CHANGE_REMOVED, old, NULL);
      else if (old->points != now->points || g_strcmp0 (old->date, now->date) != 0 ||
               g_strcmp0 (old->title, now->title) != 0)
        add_change (diff->changes, LIAISON_SNAPSHOT_CHANGE_CHANGED, old, now);
    }
  for (guint j = 0; j < n_live; j++)
    if (!matched[j])
      add_change (diff->changes, LIAISON_SNAPSHOT_CHANGE_ADDED, NULL, g_ptr_array_index (live->lines, j));
  return diff;
}

LiaisonQuarterDiff *
liaison_quarter_diff_new (const LiaisonQuarterSnapshot *frozen,
                          const LiaisonQuarterSnapshot *live)
{
  LiaisonQuarterDiff *diff;

  g_return_val_if_fail (frozen != NULL && live != NULL, NULL);
  g_return_val_if_fail (liaison_quarter_compare (frozen->quarter, live->quarter) == 0, NULL);

  diff = g_new0 (LiaisonQuarterDiff, 1);
  diff->quarter = frozen->quarter;
  diff->deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) deputy_diff_free);
  for (guint i = 0; i < frozen->deputies->len; i++)
    {
      const LiaisonSnapshotDeputy *old = g_ptr_array_index (frozen->deputies, i);

      g_ptr_array_add (diff->deputies, deputy_diff (old, liaison_quarter_snapshot_find (live, old->deputy_uuid)));
    }
  for (guint i = 0; i < live->deputies->len; i++)
    {
      const LiaisonSnapshotDeputy *now = g_ptr_array_index (live->deputies, i);

      if (liaison_quarter_snapshot_find (frozen, now->deputy_uuid) == NULL)
        g_ptr_array_add (diff->deputies, deputy_diff (NULL, now));
    }
  return diff;
}

const LiaisonSnapshotDeputyDiff *
liaison_quarter_diff_find (const LiaisonQuarterDiff *diff,
                           const char               *deputy_uuid)
{
  g_return_val_if_fail (diff != NULL, NULL);

  for (guint i = 0; i < diff->deputies->len; i++)
    {
      const LiaisonSnapshotDeputyDiff *deputy = g_ptr_array_index (diff->deputies, i);

      if (g_strcmp0 (deputy->deputy_uuid, deputy_uuid) == 0)
        return deputy;
    }
  return NULL;
}

gboolean
liaison_quarter_diff_any (const LiaisonQuarterDiff *diff)
{
  g_return_val_if_fail (diff != NULL, FALSE);

  for (guint i = 0; i < diff->deputies->len; i++)
    {
      const LiaisonSnapshotDeputyDiff *deputy = g_ptr_array_index (diff->deputies, i);

      if (deputy->changes->len > 0 || deputy->frozen_total != deputy->live_total ||
          deputy->frozen_duty_days != deputy->live_duty_days)
        return TRUE;
    }
  return FALSE;
}
