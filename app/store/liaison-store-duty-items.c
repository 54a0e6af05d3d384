/* liaison-store-duty-items.c: a deputy's duty items gathered from the
 * store (docs/duty-record.md): the activities they are listed in, and the
 * rest worked out from the records that already hold it, never typed
 * twice: receptions, take-ups, satisfied ratings and filings. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-duty-private.h"

/* Every query selects: the deputy's uuid, the item's date (a local
 * YYYY-MM-DD day), source uuid, title, end date, station uuid, then its
 * own columns. ?1 is the deputy's uuid, ?2 and ?3 the period's bounds
 * (NULL: open); liaison-store-duty-city.c's queries take the same columns
 * and bounds for every deputy at once. */
#define PERIOD(date) " AND (?2 IS NULL OR " date " >= ?2) AND (?3 IS NULL OR " date " <= ?3)"

/* The activities, with the deputy's attendance; a station_duty activity's
 * station is the one that recorded it (a station owns that kind). */
static const char activities_sql[] =
  "SELECT d.uuid, a.date, a.uuid, a.title, a.end_date,"
  " CASE WHEN a.kind = 'station_duty' THEN a.origin_station_uuid END, a.kind, t.attendance"
  " FROM deputies d JOIN activity_attendees t ON t.deputy_id = d.id JOIN activities a ON a.id = t.activity_id"
  " WHERE d.uuid = ?1 AND a.deleted = 0" ACTIVITY_PERIOD;

/* The receptions at which the deputy was present, on their local day. */
static const char receptions_sql[] =
  "SELECT d.uuid, substr (r.received_at, 1, 10), r.uuid, r.summary, NULL, s.uuid"
  " FROM deputies d JOIN reception_deputies rd ON rd.deputy_id = d.id JOIN receptions r ON r.id = rd.reception_id"
  " JOIN stations s ON s.id = r.station_id"
  " WHERE d.uuid = ?1 AND r.deleted = 0" PERIOD ("substr (r.received_at, 1, 10)");

/* The deputy's take-up moves (suggestion_events_take_ups), on the local
 * day of the move; a move headquarters refused is not one. */
static const char take_ups_sql[] =
  "SELECT ?1, date (e.at, 'localtime'), g.uuid, g.title, NULL, NULL"
  " FROM suggestion_events e JOIN suggestions g ON g.uuid = e.suggestion_uuid"
  " WHERE json_extract (e.data, '$.deputy') = ?1 AND e.move = 'take_up' AND e.sync_state <> 2"
  " AND g.deleted = 0" PERIOD ("date (e.at, 'localtime')");

/* A suggestion the deputy took up and is the taker of now, resolved by a
 * satisfied or basically satisfied rating (rated, or closed after it), on
 * the local day of that rating: the latest rate move. Read from the
 * deputy's take-up moves (suggestion_events_take_ups), then each
 * suggestion by its uuid: no index holds a closed suggestion's taker, and
 * scanning the suggestions took 0.7 s a deputy on the demo city. */
static const char closed_satisfied_sql[] =
  "SELECT ?1, c.day, c.uuid, c.title, NULL, NULL FROM (SELECT g.uuid, g.title,"
  "   (SELECT date (max (r.at), 'localtime') FROM suggestion_events r"
  "    WHERE r.suggestion_uuid = g.uuid AND r.move = 'rate' AND r.sync_state <> 2) AS day"
  "  FROM (SELECT DISTINCT e.suggestion_uuid FROM suggestion_events e"
  "    WHERE json_extract (e.data, '$.deputy') = ?1 AND e.move = 'take_up') t"
  "  CROSS JOIN suggestions g ON g.uuid = t.suggestion_uuid JOIN deputies d ON d.id = g.taken_up_by_id"
  "  WHERE d.uuid = ?1 AND g.deleted = 0 AND g.status IN ('rated', 'closed')"
  "  AND g.last_rating IN ('satisfied', 'basically_satisfied')) c"
  " WHERE c.day IS NOT NULL" PERIOD ("c.day");

/* The deputy suggestions filed as first signer, on the day registered,
 * and whether each is a motion (议案). */
static const char filed_sql[] =
  "SELECT d.uuid, coalesce (g.registered_on, date (g.created_at, 'localtime')), g.uuid, g.title, NULL, NULL, g.motion"
  " FROM deputies d JOIN suggestions g ON g.deputy_id = d.id"
  " WHERE d.uuid = ?1 AND g.kind = 'deputy_suggestion' AND g.deleted = 0"
  PERIOD ("coalesce (g.registered_on, date (g.created_at, 'localtime'))");

/* Those co-signed (suggestion_co_signers, kept from co_signers). */
static const char co_signed_sql[] =
  "SELECT c.deputy_uuid, coalesce (g.registered_on, date (g.created_at, 'localtime')), g.uuid, g.title, NULL, NULL"
  " FROM suggestion_co_signers c JOIN suggestions g ON g.id = c.suggestion_id"
  " WHERE c.deputy_uuid = ?1 AND g.kind = 'deputy_suggestion' AND g.deleted = 0"
  PERIOD ("coalesce (g.registered_on, date (g.created_at, 'localtime'))");

typedef struct {
  GPtrArray           *items;
  LiaisonDutyItemKind  kind;
} Gather;

static void
add_item (sqlite3_stmt *stmt,
          gpointer      data)
{
  Gather *gather = data;
  LiaisonDutyItemKind kind = gather->kind;
  LiaisonDutyItem *item;

  if (kind == LIAISON_DUTY_ITEM_SUGGESTION && sqlite3_column_int (stmt, 6) != 0)
    kind = LIAISON_DUTY_ITEM_MOTION;
  item = liaison_duty_item_new (kind,
                                (const char *) sqlite3_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3));

  item->end_date = liaison_db_column_text_or_null (stmt, 4);
  item->station_uuid = liaison_db_column_text_or_null (stmt, 5);
  if (gather->kind == LIAISON_DUTY_ITEM_ACTIVITY)
    {
      liaison_activity_kind_from_code ((const char *) sqlite3_column_text (stmt, 6), &item->activity_kind);
      liaison_attendance_from_code ((const char *) sqlite3_column_text (stmt, 7), &item->attendance);
    }
  g_ptr_array_add (gather->items, item);
}

/* By deputy, then as a deputy's own list: date, kind, source, so that
 * every desk lists them alike. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LiaisonDutyItem *x = *(LiaisonDutyItem **) a;
  const LiaisonDutyItem *y = *(LiaisonDutyItem **) b;
  int order = g_strcmp0 (x->deputy_uuid, y->deputy_uuid);

  if (order == 0)
    order = g_strcmp0 (x->date, y->date);
  if (order != 0)
    return order;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return g_strcmp0 (x->source_uuid, y->source_uuid);
}

GPtrArray *
liaison_store_duty_gather (LiaisonStore              *self,
                           const LiaisonDutyQueries  *queries,
                           const char                *deputy_uuid,
                           const char                *from,
                           const char                *to,
                           GError                   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  const struct { LiaisonDutyItemKind kind; const char *sql; } steps[] = {
    { LIAISON_DUTY_ITEM_ACTIVITY, queries->activities },
    { LIAISON_DUTY_ITEM_RECEPTION, queries->receptions },
    { LIAISON_DUTY_ITEM_TAKE_UP, queries->take_ups },
    { LIAISON_DUTY_ITEM_CLOSED_SATISFIED, queries->closed_satisfied },
    /* A motion (议案) becomes LIAISON_DUTY_ITEM_MOTION in add_item (). */
    { LIAISON_DUTY_ITEM_SUGGESTION, queries->filed },
    { LIAISON_DUTY_ITEM_CO_SIGNED, queries->co_signed },
  };
  Gather gathering = { items, 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (self, steps[i].sql, error);

      if (stmt == NULL)
        return NULL;
      if (deputy_uuid != NULL)
        sqlite3_bind_text (stmt, 1, deputy_uuid, -1, SQLITE_TRANSIENT);
      liaison_store_duty_bind_bound (stmt, 2, from);
      liaison_store_duty_bind_bound (stmt, 3, to);
      gathering.kind = steps[i].kind;
      if (!liaison_store_step_rows (self, stmt, add_item, &gathering,
                                    _("Could not read the deputy’s duty record"), error))
        return NULL;
    }
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

static const LiaisonDutyQueries deputy_queries = {
  activities_sql, receptions_sql, take_ups_sql, closed_satisfied_sql, filed_sql, co_signed_sql,
};

GPtrArray *
liaison_store_gather_duty_items (LiaisonStore  *self,
                                 const char    *deputy_uuid,
                                 const char    *from,
                                 const char    *to,
                                 GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (deputy_uuid != NULL, NULL);

  return liaison_store_duty_gather (self, &deputy_queries, deputy_uuid, from, to, error);
}
