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

/* The period's suggestions, one row each, read from the covering index
 * suggestions_for_dashboard (migration 14) and grouped here: SQLite would
 * sort them into a temporary b-tree first. Their channel comes from the
 * narrow receptions_channel, not the receptions' wide rows. */
#define SUGGESTIONS_SELECT                                                     \
  "SELECT g.status, g.last_rating, g.key_supervision, g.n_replies,"           \
  " g.n_late_replies, g.category_id, g.registered_on,"                        \
  " coalesce ((SELECT c.channel FROM receptions c INDEXED BY receptions_channel" \
  "   WHERE c.id = g.reception_id), CASE g.kind WHEN 'deputy_suggestion' THEN '" \
  LIAISON_FIGURES_CHANNEL_DEPUTY "' ELSE '" LIAISON_FIGURES_CHANNEL_NONE "' END)," \
  " g.station_id, " OVERDUE ", " DUE_SOON                                      \
  " FROM suggestions g INDEXED BY suggestions_for_dashboard"                   \
  " WHERE g.deleted = 0 AND g.status <> 'none'"                               \
  " AND g.registered_on >= ?1 AND g.registered_on <= ?2"                      \
  " AND (?5 = 0 OR g.station_id = ?5)"

/* Receptions received from ?1 up to (not including) ?2, ?3 the station. */
#define RECEPTIONS_WHERE                                                       \
  " WHERE r.deleted = 0 AND r.received_at >= ?1 AND r.received_at < ?2"      \
  " AND (?3 = 0 OR r.station_id = ?3)"
/* From the covering receptions_for_dashboard, visitors_total kept by
 * triggers (migration 14). */
#define RECEPTIONS_SELECT                                                      \
  "SELECT r.category_id, r.received_at, r.channel, r.station_id, r.visitors_total" \
  " FROM receptions r INDEXED BY receptions_for_dashboard" RECEPTIONS_WHERE

/* The channels a group tells apart: the receptions', then a deputy's own
 * and a citizen's with no reception. */
#define CHANNEL_DEPUTY LIAISON_N_CHANNELS
#define CHANNEL_NONE   (LIAISON_N_CHANNELS + 1)

/* What a row is grouped by: its breakdown keys, and for suggestions what
 * the figures tell apart. */
typedef struct {
  gint64 category_id;
  gint64 station_id;
  guint  month;        /* YYYY * 100 + MM */
  guint  channel;      /* a LiaisonChannel, CHANNEL_DEPUTY or CHANNEL_NONE */
  int    status;       /* a LiaisonLoopStatus; -1 for receptions */
  int    rating;       /* a LiaisonLoopRating; -1 when never rated */
  guint  key_supervision;
  guint  n_replies;
  guint  n_late_replies;
} GroupKey;

typedef struct {
  GroupKey key;
  guint    count;
  guint    overdue;
  guint    due_soon;
  guint    visitors;
} Group;

static guint
group_hash (gconstpointer data)
{
  const GroupKey *k = data;
  guint h = (guint) k->category_id;

  h = h * 31 + (guint) k->station_id;
  h = h * 31 + k->month;
  h = h * 31 + k->channel;
  h = h * 31 + (guint) k->status;
  h = h * 31 + (guint) k->rating;
  h = h * 31 + k->key_supervision;
  h = h * 31 + k->n_replies;
  return h * 31 + k->n_late_replies;
}

static gboolean
group_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp (a, b, sizeof (GroupKey)) == 0;
}

static Group *
group_of (GHashTable     *groups,
          const GroupKey *key)
{
  Group *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->key = *key;
      g_hash_table_add (groups, group);
    }
  return group;
}

/* "YYYY-MM..." as YYYY * 100 + MM. */
static guint
month_of (const char *date)
{
  guint month = 0;

  for (guint i = 0; date != NULL && i < 7 && date[i] != '\0'; i++)
    if (g_ascii_isdigit (date[i]))
      month = month * 10 + (guint) (date[i] - '0');
  return month;
}

/* The few codes a column holds, each parsed once: a year's rows would
 * otherwise parse every status, rating and channel again, which costs
 * more than reading them. */
typedef gboolean (*CodeParse) (const char *code, int *value);

typedef struct {
  char *codes[16];
  int   values[16];
  guint n;
} CodeMemo;

static gboolean
memo_parse (CodeMemo    *memo,
            const char  *code,
            CodeParse    parse,
            int         *value)
{
  if (code == NULL)
    return parse (code, value);
  for (guint i = 0; i < memo->n; i++)
    if (strcmp (memo->codes[i], code) == 0)
      {
        *value = memo->values[i];
        return TRUE;
      }
  if (!parse (code, value))
    return FALSE;
  if (memo->n < G_N_ELEMENTS (memo->codes))
    {
      memo->codes[memo->n] = g_strdup (code);
      memo->values[memo->n++] = *value;
    }
  return TRUE;
}

static void
memo_clear (CodeMemo *memo)
{
  for (guint i = 0; i < memo->n; i++)
    g_free (memo->codes[i]);
  memo->n = 0;
}

static gboolean
parse_status (const char *code,
              int        *value)
{
  LiaisonLoopStatus status;

  if (!liaison_loop_status_from_code (code, &status))
    return FALSE;
  *value = (int) status;
  return TRUE;
}

static gboolean
parse_rating (const char *code,
              int        *value)
{
  LiaisonLoopRating rating;

  if (!liaison_loop_rating_from_code (code, &rating))
    return FALSE;
  *value = (int) rating;
  return TRUE;
}

static guint
channel_of (const char *code)
{
  LiaisonChannel channel;

  if (code != NULL && liaison_channel_from_code (code, &channel))
    return channel;
  if (g_strcmp0 (code, LIAISON_FIGURES_CHANNEL_DEPUTY) == 0)
    return CHANNEL_DEPUTY;
  return CHANNEL_NONE;
}

static gboolean
parse_channel (const char *code,
               int        *value)
{
  *value = (int) channel_of (code);
  return TRUE;
}

static const char *
channel_code (guint channel)
{
  if (channel < LIAISON_N_CHANNELS)
    return liaison_channel_to_code (channel);
  return channel == CHANNEL_DEPUTY ? LIAISON_FIGURES_CHANNEL_DEPUTY : LIAISON_FIGURES_CHANNEL_NONE;
}

typedef struct {
  LiaisonFiguresTable *table;
  GHashTable          *categories;  /* id -> code */
  GHashTable          *stations;    /* id -> uuid */
  GHashTable          *groups;      /* Group, by its key */
  const GDate         *day;
  CodeMemo             statuses;
  CodeMemo             ratings;
  CodeMemo             channels;
} Grouping;

static void
grouping_clear (Grouping *grouping)
{
  memo_clear (&grouping->statuses);
  memo_clear (&grouping->ratings);
  memo_clear (&grouping->channels);
}

static LiaisonFiguresCell *
cell (GHashTable *cells,
      const char *key)
{
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

/* The cells a group adds to: the total, then one per grouping. */
static void
group_cells (Grouping            *grouping,
             const GroupKey      *key,
             LiaisonFiguresCell  *cells[LIAISON_N_FIGURES_BY + 1])
{
  LiaisonFiguresTable *table = grouping->table;
  char month[16];

  g_snprintf (month, sizeof month, "%04u-%02u", key->month / 100, key->month % 100);
  cells[0] = &table->total;
  cells[1 + LIAISON_FIGURES_BY_CATEGORY] =
    cell (table->by[LIAISON_FIGURES_BY_CATEGORY], g_hash_table_lookup (grouping->categories, &key->category_id));
  cells[1 + LIAISON_FIGURES_BY_MONTH] = cell (table->by[LIAISON_FIGURES_BY_MONTH], month);
  cells[1 + LIAISON_FIGURES_BY_CHANNEL] = cell (table->by[LIAISON_FIGURES_BY_CHANNEL], channel_code (key->channel));
  cells[1 + LIAISON_FIGURES_BY_STATION] =
    cell (table->by[LIAISON_FIGURES_BY_STATION], g_hash_table_lookup (grouping->stations, &key->station_id));
}

static void
add_suggestion_row (sqlite3_stmt *stmt,
                    gpointer      data)
{
  Grouping *grouping = data;
  GroupKey key = { 0, };
  int channel;
  Group *group;

  if (!memo_parse (&grouping->statuses, (const char *) sqlite3_column_text (stmt, 0), parse_status, &key.status))
    return;
  if (!memo_parse (&grouping->ratings, (const char *) sqlite3_column_text (stmt, 1), parse_rating, &key.rating))
    key.rating = -1;
  key.key_supervision = sqlite3_column_int (stmt, 2) != 0;
  key.n_replies = (guint) sqlite3_column_int (stmt, 3);
  key.n_late_replies = (guint) sqlite3_column_int (stmt, 4);
  key.category_id = sqlite3_column_int64 (stmt, 5);
  key.month = month_of ((const char *) sqlite3_column_text (stmt, 6));
  memo_parse (&grouping->channels, (const char *) sqlite3_column_text (stmt, 7), parse_channel, &channel);
  key.channel = (guint) channel;
  key.station_id = sqlite3_column_int64 (stmt, 8);
  group = group_of (grouping->groups, &key);
  group->count++;
  /* NULL (no due date) reads as 0. */
  group->overdue += sqlite3_column_int (stmt, 9) != 0;
  group->due_soon += sqlite3_column_int (stmt, 10) != 0;
}

/* Each group counted once by the figures' own rules, then added to its
 * cells. */
static void
add_suggestion_groups (Grouping *grouping)
{
  GHashTableIter iter;
  Group *group;

  g_hash_table_iter_init (&iter, grouping->groups);
  while (g_hash_table_iter_next (&iter, (gpointer *) &group, NULL))
    {
      LiaisonFiguresCell *cells[LIAISON_N_FIGURES_BY + 1];
      LiaisonLoopState state = { 0, };
      LiaisonFigures figures = { 0, };

      state.status = (LiaisonLoopStatus) group->key.status;
      state.rated = group->key.rating >= 0;
      state.last_rating = state.rated ? (LiaisonLoopRating) group->key.rating : 0;
      state.key_supervision = group->key.key_supervision;
      state.n_replies = group->key.n_replies;
      state.n_late_replies = group->key.n_late_replies;
      liaison_store_add_figures_state (&figures, &state, group->count, grouping->day);
      figures.overdue = group->overdue;
      figures.due_soon = group->due_soon;
      group_cells (grouping, &group->key, cells);
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        liaison_figures_add (&cells[i]->figures, &figures, 1);
    }
}

static void
add_reception_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  Grouping *grouping = data;
  GroupKey key = { 0, };
  int channel;
  Group *group;

  key.category_id = sqlite3_column_int64 (stmt, 0);
  key.month = month_of ((const char *) sqlite3_column_text (stmt, 1));
  memo_parse (&grouping->channels, (const char *) sqlite3_column_text (stmt, 2), parse_channel, &channel);
  key.channel = (guint) channel;
  key.station_id = sqlite3_column_int64 (stmt, 3);
  key.status = -1;
  key.rating = -1;
  group = group_of (grouping->groups, &key);
  group->count++;
  group->visitors += (guint) sqlite3_column_int (stmt, 4);
}

static void
add_reception_groups (Grouping *grouping)
{
  GHashTableIter iter;
  Group *group;

  g_hash_table_iter_init (&iter, grouping->groups);
  while (g_hash_table_iter_next (&iter, (gpointer *) &group, NULL))
    {
      LiaisonFiguresCell *cells[LIAISON_N_FIGURES_BY + 1];
      const char *station = g_hash_table_lookup (grouping->stations, &group->key.station_id);
      g_autofree char *key = g_strdup_printf ("%s %04u-%02u", station != NULL ? station : "",
                                              group->key.month / 100, group->key.month % 100);

      group_cells (grouping, &group->key, cells);
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        {
          cells[i]->receptions += group->count;
          cells[i]->visitors += group->visitors;
        }
      cells[0] = cell (grouping->table->station_month, key);
      cells[0]->receptions += group->count;
      cells[0]->visitors += group->visitors;
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
  g_autoptr(GHashTable) groups = g_hash_table_new_full (group_hash, group_equal, g_free, NULL);
  Grouping grouping = { table, NULL, NULL, groups, NULL, { { NULL, }, }, { { NULL, }, }, { { NULL, }, } };
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

  stmt = liaison_store_prepare (self, SUGGESTIONS_SELECT, error);
  if (stmt == NULL)
    goto failed;
  bind_period (stmt, from, to);
  bind_days (stmt, &day);
  sqlite3_bind_int64 (stmt, 5, station_id);
  if (!liaison_store_step_rows (self, stmt, add_suggestion_row, &grouping,
                                _("Could not read the suggestions for the figures"), error))
    goto failed;
  add_suggestion_groups (&grouping);
  g_hash_table_remove_all (groups);

  stmt = liaison_store_prepare (self, RECEPTIONS_SELECT, error);
  if (stmt == NULL)
    goto failed;
  bind_reception_period (stmt, from, to, station_id);
  if (!liaison_store_step_rows (self, stmt, add_reception_row, &grouping,
                                _("Could not read the receptions for the figures"), error))
    goto failed;
  add_reception_groups (&grouping);
  grouping_clear (&grouping);
  return TRUE;

failed:
  grouping_clear (&grouping);
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
