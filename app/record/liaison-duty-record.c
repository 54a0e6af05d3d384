/* liaison-duty-record.c: a deputy's duty record (我的履职) for a period,
 * assembled from the store once: the gathered duty items of the deputy's
 * whole group scored by the points engine, and the records they point at
 * (docs/duty-record.md, "The deputy's record"). */
#define G_LOG_DOMAIN "liaison-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-duty-record.h"
#include "liaison-store-duty.h"
#include "liaison-store-points-rules.h"
#include "liaison-store-sync.h"

static void
take_up_free (LiaisonDutyRecordTakeUp *take_up)
{
  g_free (take_up->suggestion_uuid);
  g_free (take_up->title);
  g_free (take_up->taken_up_on);
  g_free (take_up->outcome);
  g_free (take_up);
}

static void
filing_free (LiaisonDutyRecordFiling *filing)
{
  g_free (filing->suggestion_uuid);
  g_free (filing->title);
  g_free (filing->filed_on);
  g_free (filing->outcome);
  g_free (filing->rating);
  g_free (filing);
}

void
liaison_duty_record_free (LiaisonDutyRecord *record)
{
  if (record == NULL)
    return;
  g_clear_pointer (&record->deputy, liaison_deputy_free);
  g_free (record->group);
  g_free (record->from);
  g_free (record->to);
  g_clear_pointer (&record->score, liaison_points_score_free);
  g_clear_pointer (&record->take_ups, g_ptr_array_unref);
  g_clear_pointer (&record->filings, g_ptr_array_unref);
  g_clear_pointer (&record->activities, g_ptr_array_unref);
  g_clear_pointer (&record->planned_not_done, g_ptr_array_unref);
  g_free (record->generated_at);
  g_free (record->synced_at);
  g_free (record);
}

/* A real day written YYYY-MM-DD. */
static gboolean
is_day (const char *text)
{
  LiaisonQuarter quarter;

  return text != NULL && strlen (text) == 10 && liaison_quarter_from_date (text, &quarter);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* "Closed, citizen satisfied": what became of a suggestion, in words. The
 * rating of a citizen's item is the citizen's; that of a deputy's
 * suggestion is the filing deputy's, given blind. */
static char *
outcome_words (const LiaisonSuggestionOutcome *outcome)
{
  gboolean deputy = outcome->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  gboolean satisfied = outcome->rated && outcome->last_rating == LIAISON_LOOP_RATING_SATISFIED;
  gboolean basically = outcome->rated && outcome->last_rating == LIAISON_LOOP_RATING_BASICALLY_SATISFIED;

  switch (outcome->status)
    {
    case LIAISON_LOOP_STATUS_NONE:
    case LIAISON_LOOP_STATUS_REGISTERED:
      return g_strdup (deputy ? _("Filed, awaiting referral") : _("Registered, not yet taken up"));
    case LIAISON_LOOP_STATUS_TAKEN_UP:
      return g_strdup (outcome->reopened ? _("Reopened after an unsatisfied rating, awaiting referral")
                                         : _("Taken up, awaiting referral"));
    case LIAISON_LOOP_STATUS_ANSWERED_ON_SPOT:
      return g_strdup (_("Answered on the spot, not yet rated"));
    case LIAISON_LOOP_STATUS_REFERRED:
      return g_strdup (_("Referred, awaiting the reply"));
    case LIAISON_LOOP_STATUS_IN_PROGRESS:
      return g_strdup (_("Being handled, awaiting the reply"));
    case LIAISON_LOOP_STATUS_REPLIED:
      return g_strdup (_("Replied, not yet rated"));
    case LIAISON_LOOP_STATUS_RATED:
      if (satisfied)
        return g_strdup (deputy ? _("Replied, deputy satisfied") : _("Replied, citizen satisfied"));
      if (basically)
        return g_strdup (deputy ? _("Replied, deputy basically satisfied") : _("Replied, citizen basically satisfied"));
      return g_strdup (_("Rated"));
    case LIAISON_LOOP_STATUS_CLOSED:
      if (satisfied)
        return g_strdup (deputy ? _("Closed, deputy satisfied") : _("Closed, citizen satisfied"));
      if (basically)
        return g_strdup (deputy ? _("Closed, deputy basically satisfied") : _("Closed, citizen basically satisfied"));
      if (outcome->rated)
        return g_strdup (deputy ? _("Closed, deputy unsatisfied") : _("Closed, citizen unsatisfied"));
      return g_strdup (_("Closed"));
    case LIAISON_LOOP_STATUS_WITHDRAWN:
      return g_strdup (_("Withdrawn"));
    case LIAISON_N_LOOP_STATUSES:
    default:
      return g_strdup (liaison_loop_status_label (outcome->status));
    }
}

/* The deputies ranked with @deputy: their group's, or @deputy alone.
 * @groups: uuid → group name (NULL when in no group); @names: uuid → name.
 * The maps borrow from @roster. */
static gboolean
group_members (LiaisonStore   *store,
               LiaisonDeputy  *deputy,
               const char     *group,
               GPtrArray     **roster,
               GHashTable    **groups,
               GHashTable    **names,
               GError        **error)
{
  *names = g_hash_table_new (g_str_hash, g_str_equal);
  *groups = NULL;
  *roster = NULL;
  if (group == NULL)
    {
      g_hash_table_insert (*names, deputy->meta.uuid, deputy->name);
      return TRUE;
    }
  *roster = liaison_store_list_deputies (store, NULL, error);
  if (*roster == NULL)
    return FALSE;
  *groups = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < (*roster)->len; i++)
    {
      LiaisonDeputy *member = g_ptr_array_index (*roster, i);

      if (g_strcmp0 (member->group_name, group) != 0)
        continue;
      g_hash_table_insert (*groups, member->meta.uuid, member->group_name);
      g_hash_table_insert (*names, member->meta.uuid, member->name);
    }
  return TRUE;
}

/* The duty items of the deputies in @names from @from to @to, gathered
 * member by member: a group of 32 took 61 ms so, against 681 ms for the
 * whole city's items kept for the group (docs/benchmarks.md, "Duty
 * record"). An activity begun before @from that runs into the period is
 * kept for its days in it when it began before @first_day, the first day
 * of the first quarter scored, which gives it no line; one begun in that
 * quarter before a period's first day would be scored there, and is not
 * the period's. */
static GPtrArray *
gather_items (LiaisonStore  *store,
              GHashTable    *names,
              const char    *from,
              const char    *to,
              const char    *first_day,
              GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  GHashTableIter iter;
  const char *deputy_uuid;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &deputy_uuid, NULL))
    {
      g_autoptr(GPtrArray) own = liaison_store_gather_duty_items (store, deputy_uuid, from, to, error);

      if (own == NULL)
        return NULL;
      for (guint i = 0; i < own->len; i++)
        {
          LiaisonDutyItem *item = g_ptr_array_index (own, i);

          if (strcmp (item->date, from) >= 0 || strcmp (item->date, first_day) < 0)
            g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (own, i)));
        }
    }
  return g_steal_pointer (&items);
}

static gboolean
add_take_up (LiaisonStore           *store,
             LiaisonDutyRecord      *record,
             const LiaisonDutyItem  *item,
             GError                **error)
{
  LiaisonSuggestionOutcome outcome;
  LiaisonDutyRecordTakeUp *take_up;

  if (!liaison_store_get_suggestion_outcome (store, item->source_uuid, &outcome, error))
    return FALSE;
  take_up = g_new0 (LiaisonDutyRecordTakeUp, 1);
  take_up->suggestion_uuid = g_strdup (item->source_uuid);
  take_up->title = g_strdup (item->title);
  take_up->taken_up_on = g_strdup (item->date);
  take_up->status = outcome.status;
  take_up->outcome = outcome_words (&outcome);
  g_ptr_array_add (record->take_ups, take_up);
  return TRUE;
}

static gboolean
add_filing (LiaisonStore           *store,
            LiaisonDutyRecord      *record,
            const LiaisonDutyItem  *item,
            GError                **error)
{
  LiaisonSuggestionOutcome outcome;
  LiaisonDutyRecordFiling *filing;

  if (!liaison_store_get_suggestion_outcome (store, item->source_uuid, &outcome, error))
    return FALSE;
  filing = g_new0 (LiaisonDutyRecordFiling, 1);
  filing->suggestion_uuid = g_strdup (item->source_uuid);
  filing->title = g_strdup (item->title);
  filing->filed_on = g_strdup (item->date);
  filing->motion = outcome.motion;
  filing->first_signer = item->kind != LIAISON_DUTY_ITEM_CO_SIGNED;
  filing->status = outcome.status;
  filing->outcome = outcome_words (&outcome);
  if (outcome.rated)
    filing->rating = g_strdup (liaison_loop_rating_label (outcome.last_rating));
  g_ptr_array_add (record->filings, filing);
  return TRUE;
}

/* The deputy's own items: receptions hosted, take-ups and filings. */
static gboolean
read_items (LiaisonStore       *store,
            LiaisonDutyRecord  *record,
            GError            **error)
{
  GPtrArray *items = record->score->items;
  const char *deputy_uuid = record->deputy->meta.uuid;

  for (guint i = 0; i < items->len; i++)
    {
      const LiaisonDutyItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->deputy_uuid, deputy_uuid) != 0)
        continue;
      switch (item->kind)
        {
        case LIAISON_DUTY_ITEM_RECEPTION:
          record->receptions_hosted++;
          break;
        case LIAISON_DUTY_ITEM_TAKE_UP:
          if (!add_take_up (store, record, item, error))
            return FALSE;
          break;
        case LIAISON_DUTY_ITEM_MOTION:
        case LIAISON_DUTY_ITEM_SUGGESTION:
        case LIAISON_DUTY_ITEM_CO_SIGNED:
          if (!add_filing (store, record, item, error))
            return FALSE;
          break;
        case LIAISON_DUTY_ITEM_ACTIVITY:
        case LIAISON_DUTY_ITEM_CLOSED_SATISFIED:
        case LIAISON_N_DUTY_ITEM_KINDS:
        default:
          break;
        }
    }
  return TRUE;
}

static gboolean
read_activities (LiaisonStore       *store,
                 LiaisonDutyRecord  *record,
                 GError            **error)
{
  const char *deputy_uuid = record->deputy->meta.uuid;

  record->activities = liaison_store_list_deputy_activities (store, deputy_uuid, record->from, record->to, error);
  if (record->activities == NULL)
    return FALSE;
  for (guint i = 0; i < record->activities->len; i++)
    {
      const LiaisonActivity *activity = g_ptr_array_index (record->activities, i);

      for (guint a = 0; a < activity->attendees->len; a++)
        {
          const LiaisonAttendee *attendee = g_ptr_array_index (activity->attendees, a);

          if (g_strcmp0 (attendee->deputy_uuid, deputy_uuid) == 0 &&
              activity->kind < LIAISON_N_ACTIVITY_KINDS && attendee->attendance < LIAISON_N_ATTENDANCES)
            record->activity_counts[activity->kind][attendee->attendance]++;
        }
    }
  return TRUE;
}

/* The planned duty days of the period, up to today, on which the deputy
 * logged neither a reception at that station nor station duty there: the
 * store's one rule, which the duty roster shows too. */
static gboolean
read_planned_not_done (LiaisonStore       *store,
                       LiaisonDutyRecord  *record,
                       GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *to = strcmp (record->to, today) < 0 ? record->to : today;
  g_autoptr(GPtrArray) shifts = NULL;

  record->planned_not_done = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_shift_free);
  if (strcmp (record->from, to) > 0)
    return TRUE;
  shifts = liaison_store_list_duty_shifts (store, NULL, record->from, to, error);
  if (shifts == NULL)
    return FALSE;
  for (guint i = 0; i < shifts->len; i++)
    {
      LiaisonDutyShift *shift = g_ptr_array_index (shifts, i);
      gboolean done = FALSE;

      if (g_strcmp0 (shift->deputy_uuid, record->deputy->meta.uuid) != 0)
        continue;
      if (!liaison_store_duty_shift_done (store, shift, &done, error))
        return FALSE;
      if (done)
        continue;
      g_ptr_array_add (record->planned_not_done, g_steal_pointer (&g_ptr_array_index (shifts, i)));
    }
  return TRUE;
}

/* "YYYY-MM-DD HH:MM", local, of a UTC "YYYY-MM-DDTHH:MM:SSZ"; NULL if it
 * is not one. */
static char *
local_minutes (const char *utc)
{
  g_autoptr(GDateTime) when = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
}

/* The deputy @deputy_uuid, for a period from @from to @to: two days in
 * order and a deputy on the roster, or a message saying which is not. */
static LiaisonDeputy *
period_deputy (LiaisonStore  *store,
               const char    *deputy_uuid,
               const char    *from,
               const char    *to,
               GError       **error)
{
  gint64 id;

  if (!is_day (from) || !is_day (to))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("“%s” to “%s” is not a period: give two days written YYYY-MM-DD."),
                   from != NULL ? from : "", to != NULL ? to : "");
      return NULL;
    }
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("The period ends on %s, before it begins on %s."), to, from);
      return NULL;
    }
  id = deputy_uuid != NULL ? liaison_store_find_deputy_by_uuid (store, deputy_uuid) : 0;
  if (id == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("No deputy on the roster has the UUID “%s”."), deputy_uuid != NULL ? deputy_uuid : "");
      return NULL;
    }
  return liaison_store_get_deputy (store, id, error);
}

/* The points of @deputy (in @group, or NULL) from @from to @to: scored
 * over the whole group, so that the rank is the group's, each quarter
 * with the set in force on its first day. */
static LiaisonPointsScore *
score_period (LiaisonStore   *store,
              LiaisonDeputy  *deputy,
              const char     *group,
              const char     *from,
              const char     *to,
              GError        **error)
{
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autofree char *first_day = NULL;
  LiaisonQuarter first, last;
  guint n_quarters;

  if (!group_members (store, deputy, group, &roster, &groups, &names, error))
    return NULL;
  liaison_quarter_from_date (from, &first);
  liaison_quarter_from_date (to, &last);
  first_day = liaison_quarter_first_iso (first);
  items = gather_items (store, names, from, to, first_day, error);
  if (items == NULL)
    return NULL;
  n_quarters = (guint) ((last.year - first.year) * 4 + (last.quarter - first.quarter) + 1);
  rule_sets = liaison_store_list_points_rules (store, error);
  if (rule_sets == NULL)
    return NULL;
  return liaison_points_score (items, rule_sets, first, n_quarters, groups, names, error);
}

LiaisonDutyRecord *
liaison_duty_record_build (LiaisonStore  *store,
                           const char    *deputy_uuid,
                           const char    *from,
                           const char    *to,
                           GError       **error)
{
  g_autoptr(LiaisonDutyRecord) record = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *synced_at = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  record = g_new0 (LiaisonDutyRecord, 1);
  record->deputy = period_deputy (store, deputy_uuid, from, to, error);
  if (record->deputy == NULL)
    return NULL;
  record->group = is_blank (record->deputy->group_name) ? NULL : g_strdup (record->deputy->group_name);
  record->from = g_strdup (from);
  record->to = g_strdup (to);
  record->take_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) take_up_free);
  record->filings = g_ptr_array_new_with_free_func ((GDestroyNotify) filing_free);

  record->score = score_period (store, record->deputy, record->group, from, to, error);
  if (record->score == NULL)
    return NULL;
  record->points = liaison_points_score_find (record->score, record->deputy->meta.uuid);
  g_assert (record->points != NULL);
  if (record->group != NULL)
    {
      const LiaisonGroupPoints *group = liaison_points_score_group (record->score, record->group);

      record->group_size = group != NULL ? group->deputies->len : 0;
    }
  record->duty_days = record->points->duty_days;

  if (!read_items (store, record, error) ||
      !liaison_store_count_deputy_visitors (store, record->deputy->meta.uuid, from, to, NULL,
                                            &record->visitors_received, error) ||
      !read_activities (store, record, error) ||
      !read_planned_not_done (store, record, error))
    return NULL;

  record->generated_at = g_date_time_format (now, "%Y-%m-%d %H:%M");
  synced_at = liaison_store_get_synced_at (store);
  record->synced_at = local_minutes (synced_at);
  return g_steal_pointer (&record);
}

LiaisonDutyRecord *
liaison_duty_record_build_quarter (LiaisonStore    *store,
                                   const char      *deputy_uuid,
                                   LiaisonQuarter   quarter,
                                   GError         **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!liaison_quarter_is_valid (quarter))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("There is no quarter %d of %d."), quarter.quarter, quarter.year);
      return NULL;
    }
  from = liaison_quarter_first_iso (quarter);
  to = liaison_quarter_last_iso (quarter);
  return liaison_duty_record_build (store, deputy_uuid, from, to, error);
}

/* The first and last days of @year, or FALSE if it is not one. */
static gboolean
year_bounds (int      year,
             char   **from,
             char   **to,
             GError **error)
{
  if (year < 1 || year > 9999)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("%d is not a year."), year);
      return FALSE;
    }
  *from = g_strdup_printf ("%04d-01-01", year);
  *to = g_strdup_printf ("%04d-12-31", year);
  return TRUE;
}

LiaisonDutyRecord *
liaison_duty_record_build_year (LiaisonStore  *store,
                                const char    *deputy_uuid,
                                int            year,
                                GError       **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!year_bounds (year, &from, &to, error))
    return NULL;
  return liaison_duty_record_build (store, deputy_uuid, from, to, error);
}

gboolean
liaison_duty_record_year_points (LiaisonStore   *store,
                                 const char     *deputy_uuid,
                                 int             year,
                                 LiaisonPoints  *total,
                                 GError        **error)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(LiaisonPointsScore) score = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *group;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  if (!year_bounds (year, &from, &to, error))
    return FALSE;
  deputy = period_deputy (store, deputy_uuid, from, to, error);
  if (deputy == NULL)
    return FALSE;
  group = is_blank (deputy->group_name) ? NULL : deputy->group_name;
  score = score_period (store, deputy, group, from, to, error);
  if (score == NULL)
    return FALSE;
  *total = liaison_points_score_find (score, deputy->meta.uuid)->total;
  return TRUE;
}

char *
liaison_duty_record_find_deputy (LiaisonStore  *store,
                                 const char    *name_or_uuid,
                                 GError       **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) named = g_ptr_array_new ();

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  if (is_blank (name_or_uuid))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Name a deputy, or give their UUID."));
      return NULL;
    }
  if (g_uuid_string_is_valid (name_or_uuid) && liaison_store_find_deputy_by_uuid (store, name_or_uuid) != 0)
    return g_strdup (name_or_uuid);

  matches = liaison_store_list_deputies (store, name_or_uuid, error);
  if (matches == NULL)
    return NULL;
  for (guint i = 0; i < matches->len; i++)
    {
      LiaisonDeputy *deputy = g_ptr_array_index (matches, i);

      if (g_strcmp0 (deputy->name, name_or_uuid) == 0)
        g_ptr_array_add (named, deputy);
    }
  if (named->len == 1)
    return g_strdup (((LiaisonDeputy *) g_ptr_array_index (named, 0))->meta.uuid);
  if (named->len == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("No deputy on the roster is named “%s”, or has it as UUID."), name_or_uuid);
      return NULL;
    }
  {
    g_autoptr(GString) who = g_string_new (NULL);

    for (guint i = 0; i < named->len; i++)
      {
        LiaisonDeputy *deputy = g_ptr_array_index (named, i);

        if (i > 0)
          g_string_append (who, _("; "));
        /* TRANSLATORS: a deputy among several of one name: the station, then the UUID. */
        g_string_append_printf (who, _("one at %s (%s)"),
                                is_blank (deputy->station_name) ? _("no station") : deputy->station_name,
                                deputy->meta.uuid);
      }
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                 _("Several deputies are named “%s”: %s. Give the UUID of the one you mean."),
                 name_or_uuid, who->str);
    return NULL;
  }
}
