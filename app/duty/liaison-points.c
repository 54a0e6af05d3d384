/* liaison-points.c: the points engine (liaison-points.h).
 *
 * Each item is read once (its deputy, its days), sorted per deputy into a
 * fixed order (day, item kind, source UUID, then the caller's order) so
 * that every desk that holds the same items gives the same lines, and
 * then walked quarter by quarter: the cap and the station duty days are
 * counted within a quarter, with that quarter's rule set.
 */
#define G_LOG_DOMAIN "liaison-points"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-points.h"

/* A quarter has at most 92 days. */
#define QUARTER_MAX_DAYS 92

typedef struct {
  const LiaisonDutyItem *item;
  guint                  index;  /* in the caller's array: the last tie-break */
  guint32                first;  /* Julian days */
  guint32                last;
} Entry;

typedef struct {
  char      *deputy_uuid;
  GPtrArray *entries;  /* Entry *, owned */
} DeputyEntries;

const char *
liaison_points_line_status_label (LiaisonPointsLineStatus status)
{
  switch (status)
    {
    case LIAISON_POINTS_LINE_OVER_CAP:
      return _("Over the quarter’s cap");
    case LIAISON_POINTS_LINE_SAME_DAY:
      return _("Duty day already counted");
    case LIAISON_POINTS_LINE_NOT_ATTENDED:
      return _("Not attended");
    case LIAISON_POINTS_LINE_SCORED:
    default:
      return "";
    }
}

static void
deputy_entries_free (DeputyEntries *entries)
{
  g_free (entries->deputy_uuid);
  g_ptr_array_unref (entries->entries);
  g_free (entries);
}

static void
deputy_points_free (LiaisonDeputyPoints *deputy)
{
  g_free (deputy->deputy_uuid);
  g_free (deputy->name);
  g_free (deputy->group);
  g_ptr_array_unref (deputy->lines);
  g_free (deputy->quarter_totals);
  g_free (deputy->quarter_duty_days);
  g_free (deputy);
}

static void
group_points_free (LiaisonGroupPoints *group)
{
  g_free (group->group);
  g_ptr_array_unref (group->deputies);
  g_free (group);
}

void
liaison_points_score_free (LiaisonPointsScore *score)
{
  if (score == NULL)
    return;
  for (guint i = 0; score->rules != NULL && i < score->n_quarters; i++)
    liaison_points_rules_free (score->rules[i]);
  g_free (score->rules);
  g_clear_pointer (&score->deputies, g_ptr_array_unref);
  g_clear_pointer (&score->groups, g_ptr_array_unref);
  g_clear_pointer (&score->items, g_ptr_array_unref);
  g_clear_pointer (&score->by_deputy, g_hash_table_unref);
  g_clear_pointer (&score->by_group, g_hash_table_unref);
  g_free (score);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;
  int by_source;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  /* An activity before a reception: a station_duty record of the day,
   * not its first reception, carries the station duty day. */
  if (x->item->kind != y->item->kind)
    return x->item->kind < y->item->kind ? -1 : 1;
  by_source = g_strcmp0 (x->item->source_uuid, y->item->source_uuid);
  if (by_source != 0)
    return by_source;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* Reads every item's deputy and days into per-deputy lists. */
static GHashTable *
collect_entries (GPtrArray  *items,
                 GError    **error)
{
  g_autoptr(GHashTable) by_deputy = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) deputy_entries_free);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const LiaisonDutyItem *item = g_ptr_array_index (items, i);
      DeputyEntries *entries;
      Entry *entry;
      GDate day;

      if (item->deputy_uuid == NULL || item->deputy_uuid[0] == '\0')
        {
          g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                       _("The duty item “%s” names no deputy"), item->title != NULL ? item->title : "");
          return NULL;
        }
      if (!liaison_date_parse_iso (item->date, &day))
        {
          g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                       _("The duty item “%s” has no valid date (“%s”)"),
                       item->title != NULL ? item->title : "", item->date != NULL ? item->date : "");
          return NULL;
        }
      entry = g_new0 (Entry, 1);
      entry->item = item;
      entry->index = i;
      entry->first = entry->last = g_date_get_julian (&day);
      /* Each day of an activity of several days is a duty day; an end
       * date before its start, or one that is not a day, means one day. */
      if (item->kind == LIAISON_DUTY_ITEM_ACTIVITY && liaison_date_parse_iso (item->end_date, &day) &&
          g_date_get_julian (&day) > entry->first)
        entry->last = g_date_get_julian (&day);

      entries = g_hash_table_lookup (by_deputy, item->deputy_uuid);
      if (entries == NULL)
        {
          entries = g_new0 (DeputyEntries, 1);
          entries->deputy_uuid = g_strdup (item->deputy_uuid);
          entries->entries = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_deputy, entries->deputy_uuid, entries);
        }
      g_ptr_array_add (entries->entries, entry);
    }

  {
    GHashTableIter iter;
    DeputyEntries *entries;

    g_hash_table_iter_init (&iter, by_deputy);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entries))
      g_ptr_array_sort (entries->entries, compare_entries);
  }
  return g_steal_pointer (&by_deputy);
}

static gboolean
is_attended (const LiaisonDutyItem *item)
{
  return item->kind == LIAISON_DUTY_ITEM_RECEPTION ||
         (item->kind == LIAISON_DUTY_ITEM_ACTIVITY && item->attendance == LIAISON_ATTENDANCE_ATTENDED);
}

static LiaisonPointsRule
activity_rule (LiaisonActivityKind kind)
{
  switch (kind)
    {
    case LIAISON_ACTIVITY_CONGRESS_SESSION:           return LIAISON_POINTS_RULE_CONGRESS_SESSION_ATTENDED;
    case LIAISON_ACTIVITY_STANDING_COMMITTEE:         return LIAISON_POINTS_RULE_STANDING_COMMITTEE;
    case LIAISON_ACTIVITY_RESEARCH:                   return LIAISON_POINTS_RULE_RESEARCH;
    case LIAISON_ACTIVITY_INSPECTION:                 return LIAISON_POINTS_RULE_INSPECTION;
    case LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION: return LIAISON_POINTS_RULE_LAW_ENFORCEMENT_INSPECTION;
    case LIAISON_ACTIVITY_THEME_ACTIVITY:             return LIAISON_POINTS_RULE_THEME_ACTIVITY;
    case LIAISON_ACTIVITY_GROUP_ACTIVITY:             return LIAISON_POINTS_RULE_GROUP_ACTIVITY;
    case LIAISON_ACTIVITY_TRAINING:                   return LIAISON_POINTS_RULE_TRAINING;
    case LIAISON_ACTIVITY_STATION_DUTY:               return LIAISON_POINTS_RULE_STATION_DUTY_DAY;
    case LIAISON_ACTIVITY_OTHER:
    case LIAISON_N_ACTIVITY_KINDS:
    default:                                          return LIAISON_POINTS_RULE_OTHER;
    }
}

static LiaisonPointsRule
item_rule (const LiaisonDutyItem *item)
{
  switch (item->kind)
    {
    case LIAISON_DUTY_ITEM_ACTIVITY:         return activity_rule (item->activity_kind);
    case LIAISON_DUTY_ITEM_RECEPTION:        return LIAISON_POINTS_RULE_RECEPTION_HOSTED;
    case LIAISON_DUTY_ITEM_TAKE_UP:          return LIAISON_POINTS_RULE_TAKE_UP;
    case LIAISON_DUTY_ITEM_CLOSED_SATISFIED: return LIAISON_POINTS_RULE_CLOSED_SATISFIED;
    case LIAISON_DUTY_ITEM_MOTION:           return LIAISON_POINTS_RULE_MOTION_FIRST_SIGNER;
    case LIAISON_DUTY_ITEM_SUGGESTION:       return LIAISON_POINTS_RULE_SUGGESTION_FIRST_SIGNER;
    case LIAISON_DUTY_ITEM_CO_SIGNED:        return LIAISON_POINTS_RULE_CO_SIGNER;
    case LIAISON_N_DUTY_ITEM_KINDS:
    default:                                 return LIAISON_POINTS_RULE_NONE;
    }
}

/* What one quarter's walk over a deputy's entries keeps. */
typedef struct {
  const LiaisonPointsRules *rules;
  LiaisonQuarter            quarter;
  guint32                   first_day;   /* Julian */
  guint32                   last_day;
  guint                     receptions;  /* scored so far */
  /* "J:station", "J:?" (a record with no station) and "J:*" (any) for
   * each station duty day counted. */
  GHashTable               *station_days;
  gboolean                  duty_day[QUARTER_MAX_DAYS];
  GPtrArray                *lines;
  LiaisonPoints             total;
} QuarterWalk;

static void
add_line (QuarterWalk             *walk,
          const LiaisonDutyItem   *item,
          LiaisonPointsRule        rule,
          LiaisonPointsLineStatus  status)
{
  LiaisonPointsLine *line = g_new0 (LiaisonPointsLine, 1);

  line->item = item;
  line->quarter = walk->quarter;
  line->rule = rule;
  line->status = status;
  if (status == LIAISON_POINTS_LINE_SCORED && rule < LIAISON_N_POINTS_RULES)
    line->points = walk->rules->points[rule];
  walk->total += line->points;
  g_ptr_array_add (walk->lines, line);
}

/* Whether this record starts a station duty day: one per deputy, station
 * and day; a record that does not know its station shares the day with
 * any other. Marks the day counted if so. */
static gboolean
take_station_day (QuarterWalk *walk,
                  const Entry *entry)
{
  const char *station = entry->item->station_uuid;
  g_autofree char *any = g_strdup_printf ("%u:*", entry->first);
  g_autofree char *unknown = g_strdup_printf ("%u:?", entry->first);
  char *own;

  if (station == NULL || station[0] == '\0')
    {
      if (g_hash_table_contains (walk->station_days, any))
        return FALSE;
      g_hash_table_add (walk->station_days, g_steal_pointer (&unknown));
      g_hash_table_add (walk->station_days, g_steal_pointer (&any));
      return TRUE;
    }
  own = g_strdup_printf ("%u:%s", entry->first, station);
  if (g_hash_table_contains (walk->station_days, own) || g_hash_table_contains (walk->station_days, unknown))
    {
      g_free (own);
      return FALSE;
    }
  g_hash_table_add (walk->station_days, own);
  g_hash_table_add (walk->station_days, g_steal_pointer (&any));
  return TRUE;
}

static void
score_entry (QuarterWalk *walk,
             const Entry *entry)
{
  const LiaisonDutyItem *item = entry->item;
  LiaisonPointsRule rule = item_rule (item);

  switch (item->kind)
    {
    case LIAISON_DUTY_ITEM_ACTIVITY:
      if (item->activity_kind == LIAISON_ACTIVITY_CONGRESS_SESSION)
        {
          /* The session is the one kind where leave and absence have rules. */
          if (item->attendance == LIAISON_ATTENDANCE_LEAVE)
            rule = LIAISON_POINTS_RULE_CONGRESS_SESSION_LEAVE;
          else if (item->attendance == LIAISON_ATTENDANCE_ABSENT)
            rule = LIAISON_POINTS_RULE_CONGRESS_SESSION_ABSENT;
          add_line (walk, item, rule, LIAISON_POINTS_LINE_SCORED);
        }
      else if (item->attendance != LIAISON_ATTENDANCE_ATTENDED)
        add_line (walk, item, LIAISON_POINTS_RULE_NONE, LIAISON_POINTS_LINE_NOT_ATTENDED);
      else if (item->activity_kind == LIAISON_ACTIVITY_STATION_DUTY)
        add_line (walk, item, rule,
                  take_station_day (walk, entry) ? LIAISON_POINTS_LINE_SCORED : LIAISON_POINTS_LINE_SAME_DAY);
      else
        add_line (walk, item, rule, LIAISON_POINTS_LINE_SCORED);
      break;

    case LIAISON_DUTY_ITEM_RECEPTION:
      /* The cap counts receptions, in date order, within the quarter. */
      if (walk->receptions < walk->rules->reception_cap)
        {
          walk->receptions++;
          add_line (walk, item, rule, LIAISON_POINTS_LINE_SCORED);
        }
      else
        add_line (walk, item, rule, LIAISON_POINTS_LINE_OVER_CAP);
      if (take_station_day (walk, entry))
        add_line (walk, item, LIAISON_POINTS_RULE_STATION_DUTY_DAY, LIAISON_POINTS_LINE_SCORED);
      break;

    case LIAISON_DUTY_ITEM_TAKE_UP:
    case LIAISON_DUTY_ITEM_CLOSED_SATISFIED:
    case LIAISON_DUTY_ITEM_MOTION:
    case LIAISON_DUTY_ITEM_SUGGESTION:
    case LIAISON_DUTY_ITEM_CO_SIGNED:
      add_line (walk, item, rule, LIAISON_POINTS_LINE_SCORED);
      break;

    case LIAISON_N_DUTY_ITEM_KINDS:
    default:
      add_line (walk, item, LIAISON_POINTS_RULE_NONE, LIAISON_POINTS_LINE_NOT_ATTENDED);
      break;
    }
}

/* Scores one deputy's entries in one quarter: its lines onto @lines, and
 * returns the duty days. Entries are sorted by first day, so the walk
 * stops at the first that starts after the quarter. */
static guint
walk_quarter (GPtrArray                *entries,
              const LiaisonPointsRules *rules,
              LiaisonQuarter            quarter,
              GPtrArray                *lines,
              LiaisonPoints            *total)
{
  QuarterWalk walk = { 0, };
  GDate day;
  guint duty_days = 0;

  walk.rules = rules;
  walk.quarter = quarter;
  liaison_quarter_first_day (quarter, &day);
  walk.first_day = g_date_get_julian (&day);
  liaison_quarter_last_day (quarter, &day);
  walk.last_day = g_date_get_julian (&day);
  walk.station_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.lines = lines;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);

      if (entry->first > walk.last_day)
        break;
      if (entry->first >= walk.first_day)
        score_entry (&walk, entry);
      /* A day counts in the quarter it falls in, even for an activity
       * begun in the quarter before. */
      if (is_attended (entry->item) && entry->last >= walk.first_day)
        {
          guint32 from = MAX (entry->first, walk.first_day);
          guint32 to = MIN (entry->last, walk.last_day);

          for (guint32 d = from; d <= to; d++)
            walk.duty_day[d - walk.first_day] = TRUE;
        }
    }
  for (guint d = 0; d < QUARTER_MAX_DAYS; d++)
    duty_days += walk.duty_day[d] ? 1 : 0;
  g_hash_table_unref (walk.station_days);
  *total = walk.total;
  return duty_days;
}

static LiaisonDeputyPoints *
deputy_points_new (LiaisonPointsScore *score,
                   const char         *deputy_uuid,
                   GHashTable         *deputy_groups,
                   GHashTable         *deputy_names)
{
  LiaisonDeputyPoints *deputy = g_new0 (LiaisonDeputyPoints, 1);
  const char *name = deputy_names != NULL ? g_hash_table_lookup (deputy_names, deputy_uuid) : NULL;
  const char *group = deputy_groups != NULL ? g_hash_table_lookup (deputy_groups, deputy_uuid) : NULL;

  deputy->deputy_uuid = g_strdup (deputy_uuid);
  deputy->name = g_strdup (name != NULL ? name : deputy_uuid);
  deputy->group = group != NULL && group[0] != '\0' ? g_strdup (group) : NULL;
  deputy->lines = g_ptr_array_new_with_free_func (g_free);
  deputy->quarter_totals = g_new0 (LiaisonPoints, score->n_quarters);
  deputy->quarter_duty_days = g_new0 (guint, score->n_quarters);
  g_ptr_array_add (score->deputies, deputy);
  g_hash_table_insert (score->by_deputy, deputy->deputy_uuid, deputy);
  return deputy;
}

/* Points first, then the name as the user's language sorts it, then the
 * UUID, so that the order never depends on the input's. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const LiaisonDeputyPoints *x = *(const LiaisonDeputyPoints * const *) a;
  const LiaisonDeputyPoints *y = *(const LiaisonDeputyPoints * const *) b;
  int by_name;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  by_name = g_utf8_collate (x->name, y->name);
  if (by_name != 0)
    return by_name;
  return strcmp (x->deputy_uuid, y->deputy_uuid);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const LiaisonGroupPoints *x = *(const LiaisonGroupPoints * const *) a;
  const LiaisonGroupPoints *y = *(const LiaisonGroupPoints * const *) b;
  int by_name = g_utf8_collate (x->group, y->group);

  return by_name != 0 ? by_name : strcmp (x->group, y->group);
}

/* The group's total / its deputies, to the nearest tenth, halves away
 * from zero. */
static LiaisonPoints
average (LiaisonPoints total,
         guint         n)
{
  guint64 size = total < 0 ? (guint64) 0 - (guint64) total : (guint64) total;
  guint64 rounded;

  if (n == 0)
    return 0;
  rounded = (size * 2 + n) / ((guint64) n * 2);
  return total < 0 ? -(LiaisonPoints) rounded : (LiaisonPoints) rounded;
}

/* Groups the deputies, ranks each group and puts the score's list in the
 * order liaison-points.h promises. */
static void
rank (LiaisonPointsScore *score)
{
  g_autoptr(GPtrArray) ungrouped = g_ptr_array_new ();
  GPtrArray *ordered;

  for (guint i = 0; i < score->deputies->len; i++)
    {
      LiaisonDeputyPoints *deputy = g_ptr_array_index (score->deputies, i);
      LiaisonGroupPoints *group;

      if (deputy->group == NULL)
        {
          g_ptr_array_add (ungrouped, deputy);
          continue;
        }
      group = g_hash_table_lookup (score->by_group, deputy->group);
      if (group == NULL)
        {
          group = g_new0 (LiaisonGroupPoints, 1);
          group->group = g_strdup (deputy->group);
          group->deputies = g_ptr_array_new ();
          g_ptr_array_add (score->groups, group);
          g_hash_table_insert (score->by_group, group->group, group);
        }
      group->total += deputy->total;
      g_ptr_array_add (group->deputies, deputy);
    }

  g_ptr_array_sort (score->groups, compare_groups);
  ordered = g_ptr_array_new_full (score->deputies->len, (GDestroyNotify) deputy_points_free);
  for (guint g = 0; g < score->groups->len; g++)
    {
      LiaisonGroupPoints *group = g_ptr_array_index (score->groups, g);

      group->average = average (group->total, group->deputies->len);
      g_ptr_array_sort (group->deputies, compare_ranked);
      for (guint i = 0; i < group->deputies->len; i++)
        {
          LiaisonDeputyPoints *deputy = g_ptr_array_index (group->deputies, i);
          const LiaisonDeputyPoints *above = i > 0 ? g_ptr_array_index (group->deputies, i - 1) : NULL;

          /* Ties share a rank, and the next rank skips: 1, 2, 2, 4. */
          deputy->rank = above != NULL && above->total == deputy->total ? above->rank : i + 1;
          g_ptr_array_add (ordered, deputy);
        }
    }
  g_ptr_array_sort (ungrouped, compare_ranked);
  for (guint i = 0; i < ungrouped->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (ungrouped, i));

  /* The deputies now belong to @ordered. */
  g_ptr_array_set_free_func (score->deputies, NULL);
  g_ptr_array_unref (score->deputies);
  score->deputies = ordered;
}

static gboolean
find_rules (LiaisonPointsScore  *score,
            GPtrArray           *rule_sets,
            GError             **error)
{
  LiaisonQuarter quarter = score->first;

  score->rules = g_new0 (LiaisonPointsRules *, score->n_quarters);
  for (guint q = 0; q < score->n_quarters; q++, quarter = liaison_quarter_next (quarter))
    {
      const LiaisonPointsRules *set = liaison_points_rules_for_quarter (rule_sets, quarter);

      if (set == NULL)
        {
          g_autofree char *label = liaison_quarter_format (quarter);
          g_autofree char *first_day = liaison_quarter_first_iso (quarter);

          g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                       _("No points rules are in force for %s: none takes effect on or before %s"),
                       label, first_day);
          return FALSE;
        }
      score->rules[q] = liaison_points_rules_copy (set);
    }
  return TRUE;
}

static void
add_known_deputies (LiaisonPointsScore *score,
                    GHashTable         *map,
                    GHashTable         *deputy_groups,
                    GHashTable         *deputy_names)
{
  GHashTableIter iter;
  const char *deputy_uuid;

  if (map == NULL)
    return;
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, (gpointer *) &deputy_uuid, NULL))
    if (!g_hash_table_contains (score->by_deputy, deputy_uuid))
      deputy_points_new (score, deputy_uuid, deputy_groups, deputy_names);
}

LiaisonPointsScore *
liaison_points_score (GPtrArray      *items,
                      GPtrArray      *rule_sets,
                      LiaisonQuarter  first,
                      guint           n_quarters,
                      GHashTable     *deputy_groups,
                      GHashTable     *deputy_names,
                      GError        **error)
{
  g_autoptr(LiaisonPointsScore) score = g_new0 (LiaisonPointsScore, 1);
  g_autoptr(GHashTable) entries = NULL;
  GHashTableIter iter;
  DeputyEntries *deputy_entries;

  g_return_val_if_fail (liaison_quarter_is_valid (first), NULL);
  g_return_val_if_fail (n_quarters >= 1, NULL);

  score->first = first;
  score->n_quarters = n_quarters;
  score->items = items != NULL ? g_ptr_array_ref (items) : g_ptr_array_new ();
  score->deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) deputy_points_free);
  score->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_points_free);
  score->by_deputy = g_hash_table_new (g_str_hash, g_str_equal);
  score->by_group = g_hash_table_new (g_str_hash, g_str_equal);
  if (!find_rules (score, rule_sets, error))
    return NULL;
  entries = collect_entries (score->items, error);
  if (entries == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &deputy_entries))
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree LiaisonPoints *totals = g_new0 (LiaisonPoints, n_quarters);
      g_autofree guint *days = g_new0 (guint, n_quarters);
      guint any_days = 0;
      LiaisonQuarter quarter = first;
      LiaisonDeputyPoints *deputy;

      for (guint q = 0; q < n_quarters; q++, quarter = liaison_quarter_next (quarter))
        {
          days[q] = walk_quarter (deputy_entries->entries, score->rules[q], quarter, lines, &totals[q]);
          any_days += days[q];
        }
      /* A deputy that no map names and who has nothing in the period is
       * not part of it. */
      if (lines->len == 0 && any_days == 0 &&
          !(deputy_groups != NULL && g_hash_table_contains (deputy_groups, deputy_entries->deputy_uuid)) &&
          !(deputy_names != NULL && g_hash_table_contains (deputy_names, deputy_entries->deputy_uuid)))
        continue;

      deputy = deputy_points_new (score, deputy_entries->deputy_uuid, deputy_groups, deputy_names);
      g_ptr_array_extend_and_steal (deputy->lines, g_steal_pointer (&lines));
      for (guint q = 0; q < n_quarters; q++)
        {
          deputy->total += totals[q];
          deputy->duty_days += days[q];
        }
      g_free (deputy->quarter_totals);
      g_free (deputy->quarter_duty_days);
      deputy->quarter_totals = g_steal_pointer (&totals);
      deputy->quarter_duty_days = g_steal_pointer (&days);
    }
  add_known_deputies (score, deputy_groups, deputy_groups, deputy_names);
  add_known_deputies (score, deputy_names, deputy_groups, deputy_names);
  rank (score);
  return g_steal_pointer (&score);
}

LiaisonPointsScore *
liaison_points_score_quarter (GPtrArray      *items,
                              GPtrArray      *rule_sets,
                              LiaisonQuarter  quarter,
                              GHashTable     *deputy_groups,
                              GHashTable     *deputy_names,
                              GError        **error)
{
  return liaison_points_score (items, rule_sets, quarter, 1, deputy_groups, deputy_names, error);
}

LiaisonPointsScore *
liaison_points_score_year (GPtrArray   *items,
                           GPtrArray   *rule_sets,
                           int          year,
                           GHashTable  *deputy_groups,
                           GHashTable  *deputy_names,
                           GError     **error)
{
  LiaisonQuarter first = { year, 1 };

  return liaison_points_score (items, rule_sets, first, 4, deputy_groups, deputy_names, error);
}

const LiaisonDeputyPoints *
liaison_points_score_find (const LiaisonPointsScore *score,
                           const char               *deputy_uuid)
{
  return deputy_uuid != NULL ? g_hash_table_lookup (score->by_deputy, deputy_uuid) : NULL;
}

const LiaisonGroupPoints *
liaison_points_score_group (const LiaisonPointsScore *score,
                            const char               *group)
{
  return group != NULL ? g_hash_table_lookup (score->by_group, group) : NULL;
}
