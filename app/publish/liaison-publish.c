/* liaison-publish.c: a period's figures published, and a publication
 * compared with the live figures (liaison-publish.h). */
#define G_LOG_DOMAIN "liaison-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-publish.h"
#include "liaison-store-sync.h"

G_STATIC_ASSERT (LIAISON_N_FIGURES == LIAISON_PUBLISHED_N_COUNTS);
G_STATIC_ASSERT (LIAISON_FIGURE_RECEPTIONS == LIAISON_PUBLISHED_N_ITEM_FIGURES);

static LiaisonPublishedRow *
row_from_dashboard (const LiaisonDashboardRow *row)
{
  LiaisonPublishedRow *published = liaison_published_row_new (row->key, row->label);

  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    published->counts[f] = liaison_dashboard_row_count (row, (LiaisonFigure) f);
  return published;
}

/* A suggestion behind the figures: bit f set when figure f counts it. */
typedef struct {
  gint64  id;
  gint64  station_id;
  char   *title;
  guint   figures;
} Member;

static void
member_free (Member *member)
{
  g_free (member->title);
  g_free (member);
}

/* uuid → Member: the suggestions of the period's figures, as they stand
 * on @today, each with the figures that count it. */
static GHashTable *
gather_members (LiaisonStore         *store,
                const LiaisonPeriod  *period,
                const GDate          *today,
                GError              **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) member_free);

  for (guint f = 0; f < LIAISON_PUBLISHED_N_ITEM_FIGURES; f++)
    {
      g_autoptr(GPtrArray) items = liaison_dashboard_list_items (store, period, today, (LiaisonFigure) f,
                                                                 LIAISON_BREAKDOWN_NONE, NULL, error);

      if (items == NULL)
        return NULL;
      for (guint i = 0; i < items->len; i++)
        {
          const LiaisonSuggestion *suggestion = g_ptr_array_index (items, i);
          Member *member = g_hash_table_lookup (members, suggestion->meta.uuid);

          if (member == NULL)
            {
              member = g_new0 (Member, 1);
              member->id = suggestion->meta.id;
              member->station_id = suggestion->station_id;
              member->title = g_strdup (suggestion->title != NULL ? suggestion->title : "");
              g_hash_table_insert (members, g_strdup (suggestion->meta.uuid), member);
            }
          member->figures |= 1u << f;
        }
    }
  return g_steal_pointer (&members);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static LiaisonPublishedPart *
part_new (const LiaisonPublishedRow *row,
          const char                *station)
{
  LiaisonPublishedPart *part = liaison_published_part_new ();

  part->station = g_strdup (station);
  part->row = liaison_published_row_copy (row);
  return part;
}

/* Every station's parts: its row of the breakdown by station, and its
 * suggestions, in uuid order, LIAISON_PUBLISHED_ITEMS_PER_PART a part. */
static GPtrArray *
make_parts (LiaisonStore      *store,
            LiaisonDashboard  *dashboard,
            GHashTable        *members,
            GError           **error)
{
  g_autoptr(GPtrArray) stations = liaison_store_list_stations (store, error);
  g_autoptr(GHashTable) station_uuids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GPtrArray) extra_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_row_free);
  g_autoptr(GHashTable) items_by_station = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                  (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *parts;

  if (stations == NULL)
    return NULL;
  for (guint i = 0; i < stations->len; i++)
    {
      LiaisonStation *station = g_ptr_array_index (stations, i);

      g_hash_table_insert (station_uuids, &station->meta.id, station->meta.uuid);
    }
  for (guint i = 0; dashboard->by_station != NULL && i < dashboard->by_station->len; i++)
    {
      LiaisonDashboardRow *row = g_ptr_array_index (dashboard->by_station, i);
      LiaisonPublishedRow *published = row_from_dashboard (row);

      g_ptr_array_add (extra_rows, published);
      g_hash_table_insert (rows, published->key, published);
      g_ptr_array_add (order, published->key);
    }

  uuids = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, members);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (uuids, key);
  }
  g_ptr_array_sort (uuids, compare_strings);
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      Member *member = g_hash_table_lookup (members, uuid);
      const char *station = g_hash_table_lookup (station_uuids, &member->station_id);
      GPtrArray *items;

      if (station == NULL)
        continue;
      if (!g_hash_table_contains (rows, station))
        {
          /* A station the breakdown does not name: its row of no figure. */
          LiaisonPublishedRow *published = liaison_published_row_new (station, "");

          g_ptr_array_add (extra_rows, published);
          g_hash_table_insert (rows, published->key, published);
          g_ptr_array_add (order, published->key);
        }
      items = g_hash_table_lookup (items_by_station, station);
      if (items == NULL)
        {
          items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_item_free);
          g_hash_table_insert (items_by_station, (gpointer) station, items);
        }
      g_ptr_array_add (items, liaison_published_item_new (uuid, member->figures));
    }

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_part_free);
  for (guint s = 0; s < order->len; s++)
    {
      const char *station = g_ptr_array_index (order, s);
      const LiaisonPublishedRow *row = g_hash_table_lookup (rows, station);
      GPtrArray *items = g_hash_table_lookup (items_by_station, station);
      guint n = items != NULL ? items->len : 0;
      guint n_parts = MAX (1, (n + LIAISON_PUBLISHED_ITEMS_PER_PART - 1) / LIAISON_PUBLISHED_ITEMS_PER_PART);

      for (guint p = 0; p < n_parts; p++)
        {
          LiaisonPublishedPart *part = part_new (row, station);

          part->part = p;
          part->parts = n_parts;
          for (guint i = p * LIAISON_PUBLISHED_ITEMS_PER_PART;
               i < n && i < (p + 1) * LIAISON_PUBLISHED_ITEMS_PER_PART; i++)
            {
              const LiaisonPublishedItem *item = g_ptr_array_index (items, i);

              g_ptr_array_add (part->items, liaison_published_item_new (item->suggestion, item->figures));
            }
          g_ptr_array_add (parts, part);
        }
    }
  return parts;
}

LiaisonPublishedReport *
liaison_publish_period (LiaisonStore        *store,
                        const LiaisonPeriod *period,
                        const GDate         *today,
                        GError             **error)
{
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(LiaisonPublishedHead) head = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  const GPtrArray *breakdowns[LIAISON_PUBLISHED_N_BREAKDOWNS];

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* Refused before the work, as the store would refuse it after. */
  if (liaison_store_get_sync_role (store) != LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Only headquarters publishes a report."));
      return NULL;
    }
  dashboard = liaison_dashboard_compute (store, period, today, error);
  if (dashboard == NULL)
    return NULL;
  members = gather_members (store, period, &dashboard->today, error);
  if (members == NULL)
    return NULL;

  head = liaison_published_head_new ();
  head->period = liaison_period_to_code (period);
  head->as_of = liaison_date_to_iso (&dashboard->today);
  head->total = row_from_dashboard (dashboard->total);
  breakdowns[LIAISON_PUBLISHED_BY_CATEGORY] = dashboard->by_category;
  breakdowns[LIAISON_PUBLISHED_BY_MONTH] = dashboard->by_month;
  breakdowns[LIAISON_PUBLISHED_BY_CHANNEL] = dashboard->by_channel;
  for (guint b = 0; b < LIAISON_PUBLISHED_N_BREAKDOWNS; b++)
    for (guint i = 0; breakdowns[b] != NULL && i < breakdowns[b]->len; i++)
      g_ptr_array_add (head->breakdowns[b], row_from_dashboard (g_ptr_array_index (breakdowns[b], i)));

  parts = make_parts (store, dashboard, members, error);
  if (parts == NULL)
    return NULL;
  return liaison_store_save_published_report (store, head, parts, error);
}

/* Comparing. */

static void
change_free (LiaisonPublishedChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uuid);
  g_free (change->title);
  g_free (change);
}

void
liaison_published_comparison_free (LiaisonPublishedComparison *comparison)
{
  if (comparison == NULL)
    return;
  liaison_published_report_free (comparison->report);
  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    {
      g_clear_pointer (&comparison->figures[f].entered, g_ptr_array_unref);
      g_clear_pointer (&comparison->figures[f].left, g_ptr_array_unref);
    }
  g_free (comparison);
}

gboolean
liaison_published_comparison_any (const LiaisonPublishedComparison *comparison)
{
  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    if (comparison->figures[f].published != comparison->figures[f].live ||
        comparison->figures[f].entered->len > 0 || comparison->figures[f].left->len > 0)
      return TRUE;
  return FALSE;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const LiaisonPublishedChange *x = *(LiaisonPublishedChange * const *) a;
  const LiaisonPublishedChange *y = *(LiaisonPublishedChange * const *) b;
  int by_title = g_utf8_collate (x->title, y->title);

  return by_title != 0 ? by_title : strcmp (x->uuid, y->uuid);
}

static LiaisonPublishedChange *
change_new (LiaisonStore  *store,
            const char    *uuid,
            const Member  *live,
            GError       **error)
{
  LiaisonPublishedChange *change = g_new0 (LiaisonPublishedChange, 1);
  g_autoptr(GError) local_error = NULL;

  change->uuid = g_strdup (uuid);
  if (live != NULL)
    {
      change->id = live->id;
      change->title = g_strdup (live->title);
    }
  else if (!liaison_store_published_find_suggestion (store, uuid, &change->id, &change->title, NULL, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          change_free (change);
          return NULL;
        }
      change->title = g_strdup ("");
    }
  return change;
}

/* The changes of figure @f: the suggestions in @from with bit @f that
 * @against has not with it. */
static gboolean
add_changes (LiaisonStore  *store,
             GPtrArray     *changes,
             GHashTable    *from,
             GHashTable    *against,
             GHashTable    *live,
             guint          f,
             GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint mask = GPOINTER_TO_UINT (value);
      guint other = GPOINTER_TO_UINT (g_hash_table_lookup (against, key));
      LiaisonPublishedChange *change;

      if (!(mask & (1u << f)) || (other & (1u << f)))
        continue;
      change = change_new (store, key, g_hash_table_lookup (live, key), error);
      if (change == NULL)
        return FALSE;
      g_ptr_array_add (changes, change);
    }
  g_ptr_array_sort (changes, compare_changes);
  return TRUE;
}

LiaisonPublishedComparison *
liaison_published_compare (LiaisonStore  *store,
                           const char    *uuid,
                           const GDate   *today,
                           GError       **error)
{
  g_autoptr(LiaisonPublishedComparison) comparison = g_new0 (LiaisonPublishedComparison, 1);
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) live = NULL;
  g_autoptr(GHashTable) published_masks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) live_masks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *own = NULL;
  const LiaisonPublishedRow *published = NULL;
  LiaisonPublishedHead *head;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    {
      comparison->figures[f].figure = (LiaisonFigure) f;
      comparison->figures[f].entered = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
      comparison->figures[f].left = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
    }
  comparison->report = liaison_store_get_published_report (store, uuid, error);
  if (comparison->report == NULL)
    return NULL;
  head = comparison->report->head;
  if (head == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED,
                           _("The published report is damaged here and cannot be read."));
      return NULL;
    }
  if (!liaison_period_parse (head->period, &comparison->period, error))
    return NULL;

  comparison->headquarters = liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ;
  own = comparison->headquarters ? NULL : liaison_store_published_own_station (store);
  if (!comparison->headquarters && own == NULL)
    own = g_strdup ("");
  parts = liaison_store_list_published_parts (store, uuid, own, error);
  if (parts == NULL)
    return NULL;
  if (comparison->headquarters)
    {
      published = head->total;
      comparison->complete = parts->len == head->parts;
    }
  else if (parts->len > 0)
    {
      published = ((LiaisonPublishedPart *) g_ptr_array_index (parts, 0))->row;
      comparison->complete = parts->len == ((LiaisonPublishedPart *) g_ptr_array_index (parts, 0))->parts;
    }
  for (guint p = 0; p < parts->len; p++)
    {
      LiaisonPublishedPart *part = g_ptr_array_index (parts, p);

      for (guint i = 0; i < part->items->len; i++)
        {
          LiaisonPublishedItem *item = g_ptr_array_index (part->items, i);

          g_hash_table_insert (published_masks, item->suggestion, GUINT_TO_POINTER (item->figures));
        }
    }

  dashboard = liaison_dashboard_compute (store, &comparison->period, today, error);
  if (dashboard == NULL)
    return NULL;
  live = gather_members (store, &comparison->period, &dashboard->today, error);
  if (live == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (live_masks, key, GUINT_TO_POINTER (((Member *) value)->figures));

  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    {
      LiaisonPublishedFigureDiff *diff = &comparison->figures[f];

      diff->published = published != NULL ? published->counts[f] : 0;
      diff->live = liaison_dashboard_row_count (dashboard->total, (LiaisonFigure) f);
      if (!comparison->complete || f >= LIAISON_PUBLISHED_N_ITEM_FIGURES)
        continue;
      if (!add_changes (store, diff->entered, live_masks, published_masks, live, f, error) ||
          !add_changes (store, diff->left, published_masks, live_masks, live, f, error))
        return NULL;
    }
  return g_steal_pointer (&comparison);
}
