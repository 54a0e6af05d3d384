/* liaison-store-duty-city.c: every deputy's duty items of a period at
 * once, for the quarterly report: the queries of
 * liaison-store-duty-items.c with the deputy as a column rather than a
 * parameter, so that the whole city is six queries, not six a deputy
 * (330 deputies' per-deputy gathering took seconds: docs/duty-record.md,
 * "The quarterly report"). test-points-report checks that both give the
 * same items. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-duty-private.h"

/* Every query selects: the deputy's uuid, then the columns of
 * liaison-store-duty-items.c: the item's date, source uuid, title, end
 * date, station uuid, then its own. ?1 and ?2 are the period's bounds. */
#define PERIOD(date) " AND (?1 IS NULL OR " date " >= ?1) AND (?2 IS NULL OR " date " <= ?2)"

static const char activities_sql[] =
  "SELECT d.uuid, a.date, a.uuid, a.title, a.end_date,"
  " CASE WHEN a.kind = 'station_duty' THEN a.origin_station_uuid END, a.kind, t.attendance"
  " FROM activities a JOIN activity_attendees t ON t.activity_id = a.id JOIN deputies d ON d.id = t.deputy_id"
  " WHERE a.deleted = 0" PERIOD ("a.date");

static const char receptions_sql[] =
  "SELECT d.uuid, substr (r.received_at, 1, 10), r.uuid, r.summary, NULL, s.uuid"
  " FROM receptions r JOIN reception_deputies rd ON rd.reception_id = r.id JOIN deputies d ON d.id = rd.deputy_id"
  " JOIN stations s ON s.id = r.station_id"
  " WHERE r.deleted = 0" PERIOD ("substr (r.received_at, 1, 10)");

static const char take_ups_sql[] =
  "SELECT json_extract (e.data, '$.deputy'), date (e.at, 'localtime'), g.uuid, g.title, NULL, NULL"
  " FROM suggestion_events e JOIN suggestions g ON g.uuid = e.suggestion_uuid"
  " WHERE e.move = 'take_up' AND e.sync_state <> 2 AND json_extract (e.data, '$.deputy') IS NOT NULL"
  " AND g.deleted = 0" PERIOD ("date (e.at, 'localtime')");

static const char closed_satisfied_sql[] =
  "SELECT c.deputy, c.day, c.uuid, c.title, NULL, NULL FROM (SELECT d.uuid AS deputy, g.uuid, g.title,"
  "   (SELECT date (max (r.at), 'localtime') FROM suggestion_events r"
  "    WHERE r.suggestion_uuid = g.uuid AND r.move = 'rate' AND r.sync_state <> 2) AS day"
  "  FROM suggestions g JOIN deputies d ON d.id = g.taken_up_by_id"
  "  WHERE g.deleted = 0 AND g.status IN ('rated', 'closed')"
  "  AND g.last_rating IN ('satisfied', 'basically_satisfied')"
  "  AND EXISTS (SELECT 1 FROM suggestion_events e WHERE e.suggestion_uuid = g.uuid"
  "    AND e.move = 'take_up' AND json_extract (e.data, '$.deputy') = d.uuid)) c"
  " WHERE c.day IS NOT NULL" PERIOD ("c.day");

static const char filed_sql[] =
  "SELECT d.uuid, coalesce (g.registered_on, date (g.created_at, 'localtime')), g.uuid, g.title, NULL, NULL"
  " FROM suggestions g JOIN deputies d ON d.id = g.deputy_id"
  " WHERE g.kind = 'deputy_suggestion' AND g.deleted = 0"
  PERIOD ("coalesce (g.registered_on, date (g.created_at, 'localtime'))");

static const char co_signed_sql[] =
  "SELECT c.deputy_uuid, coalesce (g.registered_on, date (g.created_at, 'localtime')), g.uuid, g.title, NULL, NULL"
  " FROM suggestion_co_signers c JOIN suggestions g ON g.id = c.suggestion_id"
  " WHERE g.kind = 'deputy_suggestion' AND g.deleted = 0"
  PERIOD ("coalesce (g.registered_on, date (g.created_at, 'localtime'))");

typedef struct {
  GPtrArray           *items;
  LiaisonDutyItemKind  kind;
} Gather;

static char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
add_item (sqlite3_stmt *stmt,
          gpointer      data)
{
  Gather *gather = data;
  LiaisonDutyItem *item = liaison_duty_item_new (gather->kind,
                                                 (const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3));

  item->end_date = text_or_null (stmt, 4);
  item->station_uuid = text_or_null (stmt, 5);
  if (gather->kind == LIAISON_DUTY_ITEM_ACTIVITY)
    {
      liaison_activity_kind_from_code ((const char *) sqlite3_column_text (stmt, 6), &item->activity_kind);
      liaison_attendance_from_code ((const char *) sqlite3_column_text (stmt, 7), &item->attendance);
    }
  g_ptr_array_add (gather->items, item);
}

static gboolean
gather (LiaisonStore         *self,
        Gather               *gathering,
        LiaisonDutyItemKind   kind,
        const char           *sql,
        const char           *from,
        const char           *to,
        GError              **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  liaison_store_duty_bind_bound (stmt, 1, from);
  liaison_store_duty_bind_bound (stmt, 2, to);
  gathering->kind = kind;
  return liaison_store_step_rows (self, stmt, add_item, gathering, _("Could not read the deputy’s duty record"),
                                  error);
}

/* By deputy, then as a deputy's own list: date, kind, source. */
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
liaison_store_gather_all_duty_items (LiaisonStore  *self,
                                     const char    *from,
                                     const char    *to,
                                     GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_duty_item_free);
  Gather gathering = { items, 0 };

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (!gather (self, &gathering, LIAISON_DUTY_ITEM_ACTIVITY, activities_sql, from, to, error) ||
      !gather (self, &gathering, LIAISON_DUTY_ITEM_RECEPTION, receptions_sql, from, to, error) ||
      !gather (self, &gathering, LIAISON_DUTY_ITEM_TAKE_UP, take_ups_sql, from, to, error) ||
      !gather (self, &gathering, LIAISON_DUTY_ITEM_CLOSED_SATISFIED, closed_satisfied_sql, from, to, error) ||
      !gather (self, &gathering, LIAISON_DUTY_ITEM_SUGGESTION, filed_sql, from, to, error) ||
      !gather (self, &gathering, LIAISON_DUTY_ITEM_CO_SIGNED, co_signed_sql, from, to, error))
    return NULL;
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}
