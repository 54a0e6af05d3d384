/* liaison-dashboard.c: the dashboard of a period: the store's grouped
 * figures (liaison-store-dashboard.h) as rows in the order people read
 * them, and the items behind every number. */
#define G_LOG_DOMAIN "liaison-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-calendar.h"
#include "liaison-dashboard.h"
#include "liaison-store-dashboard.h"
#include "liaison-store-sync.h"

static const LiaisonFiguresBy figures_by[LIAISON_N_BREAKDOWNS] = {
  [LIAISON_BREAKDOWN_NONE] = LIAISON_N_FIGURES_BY,
  [LIAISON_BREAKDOWN_CATEGORY] = LIAISON_FIGURES_BY_CATEGORY,
  [LIAISON_BREAKDOWN_MONTH] = LIAISON_FIGURES_BY_MONTH,
  [LIAISON_BREAKDOWN_CHANNEL] = LIAISON_FIGURES_BY_CHANNEL,
  [LIAISON_BREAKDOWN_STATION] = LIAISON_FIGURES_BY_STATION,
};

void
liaison_dashboard_row_free (LiaisonDashboardRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

guint
liaison_dashboard_row_count (const LiaisonDashboardRow *row,
                             LiaisonFigure              figure)
{
  g_return_val_if_fail (row != NULL, 0);

  if (figure == LIAISON_FIGURE_RECEPTIONS)
    return row->receptions;
  if (figure == LIAISON_FIGURE_VISITORS)
    return row->visitors;
  return liaison_figure_count (figure, &row->figures);
}

void
liaison_dashboard_free (LiaisonDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  liaison_dashboard_row_free (dashboard->total);
  g_clear_pointer (&dashboard->by_category, g_ptr_array_unref);
  g_clear_pointer (&dashboard->by_month, g_ptr_array_unref);
  g_clear_pointer (&dashboard->by_channel, g_ptr_array_unref);
  g_clear_pointer (&dashboard->by_station, g_ptr_array_unref);
  g_clear_pointer (&dashboard->station_month, g_hash_table_unref);
  g_free (dashboard);
}

GPtrArray *
liaison_dashboard_get_breakdown (LiaisonDashboard *dashboard,
                                 LiaisonBreakdown  breakdown)
{
  g_return_val_if_fail (dashboard != NULL, NULL);

  switch (breakdown)
    {
    case LIAISON_BREAKDOWN_CATEGORY:
      return dashboard->by_category;
    case LIAISON_BREAKDOWN_MONTH:
      return dashboard->by_month;
    case LIAISON_BREAKDOWN_CHANNEL:
      return dashboard->by_channel;
    case LIAISON_BREAKDOWN_STATION:
      return dashboard->by_station;
    case LIAISON_BREAKDOWN_NONE:
    case LIAISON_N_BREAKDOWNS:
    default:
      return NULL;
    }
}

guint
liaison_dashboard_station_month (LiaisonDashboard *dashboard,
                                 const char       *station_key,
                                 const char       *month,
                                 guint            *visitors)
{
  g_autofree char *key = NULL;
  const LiaisonFiguresCell *cell;

  g_return_val_if_fail (dashboard != NULL, 0);
  g_return_val_if_fail (station_key != NULL && month != NULL, 0);

  if (*station_key == '\0')
    {
      /* Every station: the month's row. */
      for (guint i = 0; i < dashboard->by_month->len; i++)
        {
          const LiaisonDashboardRow *row = g_ptr_array_index (dashboard->by_month, i);

          if (strcmp (row->key, month) == 0)
            {
              if (visitors != NULL)
                *visitors = row->visitors;
              return row->receptions;
            }
        }
      cell = NULL;
    }
  else
    {
      key = g_strdup_printf ("%s %s", station_key, month);
      cell = g_hash_table_lookup (dashboard->station_month, key);
    }
  if (visitors != NULL)
    *visitors = cell != NULL ? cell->visitors : 0;
  return cell != NULL ? cell->receptions : 0;
}

gboolean
liaison_dashboard_is_headquarters (LiaisonStore *store)
{
  return liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ;
}

/* The station whose own figures a desk shows: 0 for the whole file. */
static gint64
scope_station (LiaisonStore *store)
{
  g_autoptr(LiaisonStation) station = NULL;

  if (liaison_dashboard_is_headquarters (store))
    return 0;
  station = liaison_store_get_local_station (store);
  return station != NULL ? station->meta.id : 0;
}

static LiaisonDashboardRow *
new_row (const char               *key,
         const char               *label,
         const LiaisonFiguresCell *cell)
{
  LiaisonDashboardRow *row = g_new0 (LiaisonDashboardRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (label);
  if (cell != NULL)
    {
      row->figures = cell->figures;
      row->receptions = cell->receptions;
      row->visitors = cell->visitors;
    }
  return row;
}

/* Adds the row of @key, empty when no item has it, and forgets its cell. */
static void
take_row (GPtrArray   *rows,
          GHashTable  *cells,
          const char  *key,
          const char  *label)
{
  g_ptr_array_add (rows, new_row (key, label, g_hash_table_lookup (cells, key)));
  g_hash_table_remove (cells, key);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Rows of keys that no longer name a live category or station (a
 * tombstone an item still points at), last, in key order: every item
 * stays in some row, so that the rows add up to the total. */
static void
take_remaining (GPtrArray  *rows,
                GHashTable *cells)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (cells, NULL);
  guint n = g_hash_table_size (cells);

  g_qsort_with_data (keys, (gint) n, sizeof (gpointer), compare_keys, NULL);
  for (guint i = 0; i < n; i++)
    take_row (rows, cells, keys[i], keys[i]);
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_dashboard_row_free);
}

static GPtrArray *
category_rows (LiaisonStore  *store,
               GHashTable    *cells,
               GError       **error)
{
  g_autoptr(GPtrArray) categories = liaison_store_list_categories (store, error);
  GPtrArray *rows;

  if (categories == NULL)
    return NULL;
  rows = new_rows ();
  for (guint i = 0; i < categories->len; i++)
    {
      LiaisonCategory *category = g_ptr_array_index (categories, i);

      take_row (rows, cells, category->code, g_dgettext (GETTEXT_PACKAGE, category->name));
    }
  take_remaining (rows, cells);
  return rows;
}

static GPtrArray *
month_rows (const LiaisonPeriod *period,
            GHashTable          *cells)
{
  GPtrArray *rows = new_rows ();
  LiaisonPeriod month;

  liaison_period_containing (LIAISON_PERIOD_MONTH, &period->from, &month);
  while (g_date_compare (&month.from, &period->to) <= 0)
    {
      g_autofree char *key = g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (&month.from),
                                              (guint) g_date_get_month (&month.from));
      g_autofree char *label = liaison_period_label (&month);

      take_row (rows, cells, key, label);
      liaison_period_step (&month, 1);
    }
  take_remaining (rows, cells);
  return rows;
}

static GPtrArray *
channel_rows (GHashTable *cells)
{
  GPtrArray *rows = new_rows ();

  for (guint i = 0; i < LIAISON_N_CHANNELS; i++)
    take_row (rows, cells, liaison_channel_to_code (i), liaison_channel_label (i));
  take_row (rows, cells, LIAISON_FIGURES_CHANNEL_DEPUTY, _("Deputies’ own suggestions"));
  if (g_hash_table_contains (cells, LIAISON_FIGURES_CHANNEL_NONE))
    take_row (rows, cells, LIAISON_FIGURES_CHANNEL_NONE, _("No reception"));
  take_remaining (rows, cells);
  return rows;
}

static GPtrArray *
station_rows (LiaisonStore  *store,
              GHashTable    *cells,
              GError       **error)
{
  /* By name, collated (the store's order). */
  g_autoptr(GPtrArray) stations = liaison_store_list_stations (store, error);
  GPtrArray *rows;

  if (stations == NULL)
    return NULL;
  rows = new_rows ();
  for (guint i = 0; i < stations->len; i++)
    {
      LiaisonStation *station = g_ptr_array_index (stations, i);

      take_row (rows, cells, station->meta.uuid, station->name);
    }
  take_remaining (rows, cells);
  return rows;
}

/* @station_id 0: every station, with the station breakdown. */
static LiaisonDashboard *
compute (LiaisonStore        *store,
         const LiaisonPeriod *period,
         const GDate         *today,
         gint64               station_id,
         GError             **error)
{
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  LiaisonFiguresTable table;

  dashboard = g_new0 (LiaisonDashboard, 1);
  dashboard->period = *period;
  if (today != NULL && g_date_valid (today))
    dashboard->today = *today;
  else
    liaison_date_set_today (&dashboard->today);
  dashboard->headquarters = station_id == 0;

  if (!liaison_store_compute_figures_table (store, &period->from, &period->to, &dashboard->today,
                                            station_id, &table, error))
    return NULL;

  dashboard->total = new_row ("", _("Total"), &table.total);
  dashboard->by_category = category_rows (store, table.by[LIAISON_FIGURES_BY_CATEGORY], error);
  dashboard->by_month = month_rows (period, table.by[LIAISON_FIGURES_BY_MONTH]);
  dashboard->by_channel = channel_rows (table.by[LIAISON_FIGURES_BY_CHANNEL]);
  if (dashboard->by_category != NULL && dashboard->headquarters)
    dashboard->by_station = station_rows (store, table.by[LIAISON_FIGURES_BY_STATION], error);
  dashboard->station_month = g_steal_pointer (&table.station_month);
  liaison_figures_table_clear (&table);
  if (dashboard->by_category == NULL || (dashboard->headquarters && dashboard->by_station == NULL))
    return NULL;
  return g_steal_pointer (&dashboard);
}

LiaisonDashboard *
liaison_dashboard_compute (LiaisonStore        *store,
                           const LiaisonPeriod *period,
                           const GDate         *today,
                           GError             **error)
{
  g_autoptr(LiaisonDashboard) dashboard = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->from) && g_date_valid (&period->to), NULL);

  /* A year's dashboard reads some 10 MB of index at headquarters: the
   * store's 8 MB cache (liaison-store.c) would read it from the file
   * again on every refresh. Once a dashboard is asked for, 32 MB. */
  if (!liaison_store_exec (store, "PRAGMA cache_size = -32768", error))
    return NULL;
  dashboard = compute (store, period, today, scope_station (store), error);
  if (dashboard == NULL)
    return NULL;
  /* A station's desk whose file holds no station of its own sees the
   * whole file, but it is still not headquarters. */
  if (!liaison_dashboard_is_headquarters (store))
    {
      dashboard->headquarters = FALSE;
      g_clear_pointer (&dashboard->by_station, g_ptr_array_unref);
    }
  return g_steal_pointer (&dashboard);
}

LiaisonDashboard *
liaison_dashboard_compute_station (LiaisonStore        *store,
                                   const LiaisonPeriod *period,
                                   const GDate         *today,
                                   const char          *station_uuid,
                                   GError             **error)
{
  gint64 station_id = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->from) && g_date_valid (&period->to), NULL);

  if (station_uuid != NULL)
    {
      station_id = liaison_store_find_station_by_uuid (store, station_uuid);
      if (station_id == 0)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                       _("There is no station “%s”."), station_uuid);
          return NULL;
        }
    }
  return compute (store, period, today, station_id, error);
}

static gboolean
keep_figure (const LiaisonFigures *one,
             gpointer              data)
{
  return liaison_figure_count (GPOINTER_TO_UINT (data), one) > 0;
}

GPtrArray *
liaison_dashboard_list_items (LiaisonStore        *store,
                              const LiaisonPeriod *period,
                              const GDate         *today,
                              LiaisonFigure        figure,
                              LiaisonBreakdown     breakdown,
                              const char          *key,
                              GError             **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->from) && g_date_valid (&period->to), NULL);
  g_return_val_if_fail ((guint) figure < LIAISON_N_FIGURES, NULL);
  g_return_val_if_fail ((guint) breakdown < LIAISON_N_BREAKDOWNS, NULL);

  if (figure == LIAISON_FIGURE_RECEPTIONS || figure == LIAISON_FIGURE_VISITORS)
    return liaison_store_list_figures_receptions (store, &period->from, &period->to, scope_station (store),
                                                  figures_by[breakdown], key,
                                                  figure == LIAISON_FIGURE_VISITORS, error);
  return liaison_store_list_figures_suggestions (store, &period->from, &period->to, today, scope_station (store),
                                                 figures_by[breakdown], key,
                                                 keep_figure, GUINT_TO_POINTER (figure), error);
}

guint
liaison_dashboard_items_count (LiaisonFigure  figure,
                               GPtrArray     *items)
{
  guint count = 0;

  g_return_val_if_fail (items != NULL, 0);

  if (figure != LIAISON_FIGURE_VISITORS)
    return items->len;
  for (guint i = 0; i < items->len; i++)
    {
      LiaisonReception *reception = g_ptr_array_index (items, i);

      for (guint j = 0; j < reception->visitors->len; j++)
        count += (guint) ((LiaisonVisitor *) g_ptr_array_index (reception->visitors, j))->party_size;
    }
  return count;
}
