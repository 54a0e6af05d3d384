/* liaison-store-dashboard.c: the dashboard's figures grouped by category,
 * month, channel and station, and the rows behind each number. */
#define G_LOG_DOMAIN "liaison-store-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-calendar.h"
#include "liaison-store-dashboard.h"
#include "liaison-store-private.h"

/* A suggestion's channel is its reception's; one without a reception is a
 * deputy's own ("deputy") or, for a citizen's, "none". */
#define CHANNEL_OF_SUGGESTION                                                  \
  "coalesce (r.channel, CASE g.kind WHEN 'deputy_suggestion' THEN '"           \
  LIAISON_FIGURES_CHANNEL_DEPUTY "' ELSE '" LIAISON_FIGURES_CHANNEL_NONE "' END)"

/* The cohort of liaison_store_compute_figures(), ?1 and ?2 the period's
 * first and last days, ?5 the station (0: all). */
#define COHORT                                                                 \
  " FROM suggestions g LEFT JOIN receptions r ON r.id = g.reception_id"       \
  " WHERE g.deleted = 0 AND g.status <> 'none'"                               \
  " AND g.registered_on >= ?1 AND g.registered_on <= ?2"                      \
  " AND (?5 = 0 OR g.station_id = ?5)"

/* Awaiting a reply with a due date before today (?3), or due within 3
 * days (?3 to ?4): the deadlines query of liaison_store_compute_figures(). */
#define OVERDUE  "(g.status IN ('referred', 'in_progress') AND g.due_date < ?3)"
#define DUE_SOON "(g.status IN ('referred', 'in_progress') AND g.due_date >= ?3 AND g.due_date <= ?4)"

/* Columns 0 to 5 as liaison_store_add_figures_group() reads them. */
#define GROUPS_SELECT                                                          \
  "SELECT g.status, g.last_rating, g.key_supervision, g.n_replies,"           \
  " g.n_late_replies, count(*), g.category_id, substr (g.registered_on, 1, 7)," \
  " " CHANNEL_OF_SUGGESTION ", g.station_id, sum " OVERDUE ", sum " DUE_SOON   \
  COHORT                                                                       \
  " GROUP BY g.status, g.last_rating, g.key_supervision, g.n_replies,"        \
  " g.n_late_replies, 7, 8, 9, 10"

/* Receptions received from ?1 up to (not including) ?2, ?3 the station. */
#define RECEPTIONS_WHERE                                                       \
  " WHERE r.deleted = 0 AND r.received_at >= ?1 AND r.received_at < ?2"      \
  " AND (?3 = 0 OR r.station_id = ?3)"
#define RECEPTIONS_SELECT                                                      \
  "SELECT r.category_id, substr (r.received_at, 1, 7), r.channel, r.station_id," \
  " count(*), sum ((SELECT sum (v.party_size) FROM reception_visitors v"       \
  "   WHERE v.reception_id = r.id))"                                           \
  " FROM receptions r" RECEPTIONS_WHERE                                        \
  " GROUP BY 1, 2, 3, 4"

typedef struct {
  LiaisonFiguresTable *table;
  GHashTable          *categories;  /* id -> code */
  GHashTable          *stations;    /* id -> uuid */
  const GDate         *day;
} Grouping;

static LiaisonFiguresCell *
cell (Grouping         *grouping,
      LiaisonFiguresBy  by,
      const char       *key)
{
  GHashTable *cells = grouping->table->by[by];
  LiaisonFiguresCell *found;

  if (key == NULL)
    key = "";
  found = g_hash_table_lookup (cells, key);
  if (found == NULL)
    {
      found = g_new0 (LiaisonFiguresCell, 1);
      g_hash_table_insert (cells, g_strdup (key), found);
    }
  return found;
}

/* The cells a row of a grouped query adds to: the total, then one per
 * grouping, from the category id, month, channel and station id in
 * columns @first to @first + 3. */
static void
row_cells (Grouping            *grouping,
           sqlite3_stmt        *stmt,
           int                  first,
           LiaisonFiguresCell  *cells[LIAISON_N_FIGURES_BY + 1])
{
  gint64 category_id = sqlite3_column_int64 (stmt, first);
  gint64 station_id = sqlite3_column_int64 (stmt, first + 3);

  cells[0] = &grouping->table->total;
  cells[1 + LIAISON_FIGURES_BY_CATEGORY] =
    cell (grouping, LIAISON_FIGURES_BY_CATEGORY, g_hash_table_lookup (grouping->categories, &category_id));
  cells[1 + LIAISON_FIGURES_BY_MONTH] =
    cell (grouping, LIAISON_FIGURES_BY_MONTH, (const char *) sqlite3_column_text (stmt, first + 1));
  cells[1 + LIAISON_FIGURES_BY_CHANNEL] =
    cell (grouping, LIAISON_FIGURES_BY_CHANNEL, (const char *) sqlite3_column_text (stmt, first + 2));
  cells[1 + LIAISON_FIGURES_BY_STATION] =
    cell (grouping, LIAISON_FIGURES_BY_STATION, g_hash_table_lookup (grouping->stations, &station_id));
}

static void
add_group_row (sqlite3_stmt *stmt,
               gpointer      data)
{
  Grouping *grouping = data;
  LiaisonFiguresCell *cells[LIAISON_N_FIGURES_BY + 1];
  LiaisonFigures group = { 0, };

  liaison_store_add_figures_group (&group, stmt, grouping->day);
  /* sum() of no rows is NULL, read as 0. */
  group.overdue = (guint) sqlite3_column_int64 (stmt, 10);
  group.due_soon = (guint) sqlite3_column_int64 (stmt, 11);
  row_cells (grouping, stmt, 6, cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    liaison_figures_add (&cells[i]->figures, &group, 1);
}

static void
add_reception_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  Grouping *grouping = data;
  LiaisonFiguresCell *cells[LIAISON_N_FIGURES_BY + 1];
  guint receptions = (guint) sqlite3_column_int64 (stmt, 4);
  guint visitors = (guint) sqlite3_column_int64 (stmt, 5);

  row_cells (grouping, stmt, 0, cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i]->receptions += receptions;
      cells[i]->visitors += visitors;
    }

  {
    gint64 station_id = sqlite3_column_int64 (stmt, 3);
    const char *station = g_hash_table_lookup (grouping->stations, &station_id);
    g_autofree char *key = g_strdup_printf ("%s %s", station != NULL ? station : "",
                                            (const char *) sqlite3_column_text (stmt, 1));
    LiaisonFiguresCell *both = g_hash_table_lookup (grouping->table->station_month, key);

    if (both == NULL)
      {
        both = g_new0 (LiaisonFiguresCell, 1);
        g_hash_table_insert (grouping->table->station_month, g_steal_pointer (&key), both);
      }
    both->receptions += receptions;
    both->visitors += visitors;
  }
}

static void
add_id_key (sqlite3_stmt *stmt,
            gpointer      data)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (data, id, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
}

/* id -> key of every row of @sql, tombstones included: a suggestion may
 * still name one. */
static GHashTable *
read_keys (LiaisonStore  *self,
           const char    *sql,
           GError       **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL ||
      !liaison_store_step_rows (self, stmt, add_id_key, keys, _("Could not read the suggestions for the figures"), error))
    return NULL;
  return g_steal_pointer (&keys);
}

static void
bind_period (sqlite3_stmt *stmt,
             const GDate  *from,
             const GDate  *to)
{
  sqlite3_bind_text (stmt, 1, liaison_date_to_iso (from), -1, g_free);
  sqlite3_bind_text (stmt, 2, liaison_date_to_iso (to), -1, g_free);
}

/* The period of a receptions query: received_at is local "YYYY-MM-DD HH:MM",
 * so the day after @to bounds it. */
static void
bind_reception_period (sqlite3_stmt *stmt,
                       const GDate  *from,
                       const GDate  *to,
                       gint64        station_id)
{
  GDate after = *to;

  g_date_add_days (&after, 1);
  sqlite3_bind_text (stmt, 1, liaison_date_to_iso (from), -1, g_free);
  sqlite3_bind_text (stmt, 2, liaison_date_to_iso (&after), -1, g_free);
  sqlite3_bind_int64 (stmt, 3, station_id);
}

static void
bind_days (sqlite3_stmt *stmt,
           const GDate  *today)
{
  GDate soon = *today;

  g_date_add_days (&soon, 3);
  sqlite3_bind_text (stmt, 3, liaison_date_to_iso (today), -1, g_free);
  sqlite3_bind_text (stmt, 4, liaison_date_to_iso (&soon), -1, g_free);
}

static void
resolve_today (const GDate *today,
               GDate       *day)
{
  if (today != NULL && g_date_valid (today))
    *day = *today;
  else
    liaison_date_set_today (day);
}

void
liaison_figures_table_clear (LiaisonFiguresTable *table)
{
  for (guint i = 0; i < LIAISON_N_FIGURES_BY; i++)
    g_clear_pointer (&table->by[i], g_hash_table_unref);
  g_clear_pointer (&table->station_month, g_hash_table_unref);
  memset (&table->total, 0, sizeof table->total);
}

gboolean
liaison_store_compute_figures_table (LiaisonStore        *self,
                                     const GDate         *from,
                                     const GDate         *to,
                                     const GDate         *today,
                                     gint64               station_id,
                                     LiaisonFiguresTable *table,
                                     GError             **error)
{
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) stations = NULL;
  Grouping grouping = { table, NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  GDate day;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  memset (table, 0, sizeof *table);
  for (guint i = 0; i < LIAISON_N_FIGURES_BY; i++)
    table->by[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table->station_month = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  resolve_today (today, &day);
  grouping.day = &day;

  categories = read_keys (self, "SELECT id, code FROM categories", error);
  if (categories == NULL)
    goto failed;
  stations = read_keys (self, "SELECT id, uuid FROM stations", error);
  if (stations == NULL)
    goto failed;
  grouping.categories = categories;
  grouping.stations = stations;

  stmt = liaison_store_prepare (self, GROUPS_SELECT, error);
  if (stmt == NULL)
    goto failed;
  bind_period (stmt, from, to);
  bind_days (stmt, &day);
  sqlite3_bind_int64 (stmt, 5, station_id);
  if (!liaison_store_step_rows (self, stmt, add_group_row, &grouping,
                                _("Could not read the suggestions for the figures"), error))
    goto failed;

  stmt = liaison_store_prepare (self, RECEPTIONS_SELECT, error);
  if (stmt == NULL)
    goto failed;
  bind_reception_period (stmt, from, to, station_id);
  if (!liaison_store_step_rows (self, stmt, add_reception_row, &grouping,
                                _("Could not read the receptions for the figures"), error))
    goto failed;
  return TRUE;

failed:
  liaison_figures_table_clear (table);
  return FALSE;
}

/* The rows behind a number */

/* The WHERE of a group of @by, its key in ?6, for suggestions (alias g,
 * their reception r) or receptions (alias r). */
static const char *
group_where (LiaisonFiguresBy by,
             gboolean         suggestions)
{
  switch (by)
    {
    case LIAISON_FIGURES_BY_CATEGORY:
      return suggestions ? " AND g.category_id IN (SELECT id FROM categories WHERE code = ?6)"
                         : " AND r.category_id IN (SELECT id FROM categories WHERE code = ?6)";
    case LIAISON_FIGURES_BY_MONTH:
      return suggestions ? " AND substr (g.registered_on, 1, 7) = ?6"
                         : " AND substr (r.received_at, 1, 7) = ?6";
    case LIAISON_FIGURES_BY_CHANNEL:
      return suggestions ? " AND " CHANNEL_OF_SUGGESTION " = ?6" : " AND r.channel = ?6";
    case LIAISON_FIGURES_BY_STATION:
      return suggestions ? " AND g.station_id IN (SELECT id FROM stations WHERE uuid = ?6)"
                         : " AND r.station_id IN (SELECT id FROM stations WHERE uuid = ?6)";
    case LIAISON_N_FIGURES_BY:
    default:
      return "";
    }
}

typedef struct {
  GString            *ids;   /* a JSON array */
  const GDate        *day;
  LiaisonFiguresKeep  keep;
  gpointer            data;
} Picking;

static void
pick_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Picking *picking = data;
  LiaisonFigures one = { 0, };

  liaison_store_add_figures_group (&one, stmt, picking->day);
  one.overdue = (guint) sqlite3_column_int (stmt, 7);
  one.due_soon = (guint) sqlite3_column_int (stmt, 8);
  if (!picking->keep (&one, picking->data))
    return;
  g_string_append_printf (picking->ids, "%s%" G_GINT64_FORMAT,
                          picking->ids->len > 1 ? "," : "", (gint64) sqlite3_column_int64 (stmt, 6));
}

GPtrArray *
liaison_store_list_figures_suggestions (LiaisonStore       *self,
                                        const GDate        *from,
                                        const GDate        *to,
                                        const GDate        *today,
                                        gint64              station_id,
                                        LiaisonFiguresBy    by,
                                        const char         *key,
                                        LiaisonFiguresKeep  keep,
                                        gpointer            data,
                                        GError            **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GDate day;
  Picking picking = { ids, &day, keep, data };

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (keep != NULL, NULL);

  resolve_today (today, &day);
  /* First the cohort's cached columns, each suggestion judged by the
   * figures' own rules; then the rows of those kept. */
  sql = g_strconcat ("SELECT g.status, g.last_rating, g.key_supervision, g.n_replies,"
                     " g.n_late_replies, 1, g.id, coalesce (" OVERDUE ", 0), coalesce (" DUE_SOON ", 0)"
                     COHORT, group_where (by, TRUE), NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, from, to);
  bind_days (stmt, &day);
  sqlite3_bind_int64 (stmt, 5, station_id);
  if (by != LIAISON_N_FIGURES_BY)
    sqlite3_bind_text (stmt, 6, key != NULL ? key : "", -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_rows (self, stmt, pick_row, &picking,
                                _("Could not read the suggestions for the figures"), error))
    return NULL;
  g_string_append_c (ids, ']');

  stmt = liaison_store_prepare (self, LIAISON_SUGGESTION_SELECT
                                " WHERE g.id IN (SELECT value FROM json_each (?1))"
                                " ORDER BY g.created_at DESC, g.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_TRANSIENT);
  return liaison_store_collect_rows (self, stmt, liaison_store_read_suggestion,
                                     (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}

GPtrArray *
liaison_store_list_figures_receptions (LiaisonStore       *self,
                                       const GDate        *from,
                                       const GDate        *to,
                                       gint64              station_id,
                                       LiaisonFiguresBy    by,
                                       const char         *key,
                                       gboolean            all_visitors,
                                       GError            **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) receptions = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  sql = g_strconcat (LIAISON_RECEPTION_SELECT, RECEPTIONS_WHERE, group_where (by, FALSE),
                     " ORDER BY r.received_at DESC, r.id DESC", NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_reception_period (stmt, from, to, station_id);
  if (by != LIAISON_N_FIGURES_BY)
    sqlite3_bind_text (stmt, 6, key != NULL ? key : "", -1, SQLITE_TRANSIENT);
  receptions = liaison_store_collect_rows (self, stmt, (LiaisonRowReader) liaison_store_read_reception,
                                           (GDestroyNotify) liaison_reception_free,
                                           _("Could not read the receptions"), error);
  if (receptions == NULL)
    return NULL;
  for (guint i = 0; all_visitors && i < receptions->len; i++)
    {
      LiaisonReception *reception = g_ptr_array_index (receptions, i);

      g_ptr_array_set_size (reception->visitors, 0);
      if (!liaison_store_read_reception_visitors (self, reception->meta.id, reception->visitors, error))
        return NULL;
    }
  return g_steal_pointer (&receptions);
}
