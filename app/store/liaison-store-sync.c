/* liaison-store-sync.c: what this replica is to sync (its role, server and
 * checkpoint), the kinds of record it syncs, how many wait to be pushed,
 * and the handling units. The rest of the store's side of sync is in
 * liaison-store-sync-*.c, behind liaison-store-sync-private.h. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-sync-private.h"

const KindInfo liaison_store_sync_kinds[N_KINDS] = {
  [KIND_LOOP_RULES] = { "loop_rules", "loop_rules", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.data FROM loop_rules t" },
  [KIND_STATION] = { "station", "stations", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.kind, t.district, t.address FROM stations t" },
  [KIND_DEPUTY_GROUP] = { "deputy_group", "deputy_groups", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name FROM deputy_groups t" },
  [KIND_UNIT] = { "unit", "units", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.kind FROM units t" },
  [KIND_CATEGORY] = { "category", "categories", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.code, t.name, t.name_zh, t.position FROM categories t" },
  [KIND_DEPUTY] = { "deputy", "deputies", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.name, t.level, g.uuid, s.uuid, t.specialty, t.phone FROM deputies t"
    " LEFT JOIN deputy_groups g ON g.id = t.group_id LEFT JOIN stations s ON s.id = t.station_id" },
  [KIND_RECEPTION] = { "reception", "receptions", LIAISON_SYNC_ROLE_STATION,
    "SELECT " META_SELECT ", t.received_at, s.uuid, t.channel, c.uuid, t.summary, t.handled_on_spot,"
    " t.handling, t.place, t.occasion FROM receptions t JOIN stations s ON s.id = t.station_id"
    " JOIN categories c ON c.id = t.category_id" },
  [KIND_SUGGESTION] = { "suggestion", "suggestions", LIAISON_SYNC_ROLE_STATION,
    "SELECT " META_SELECT ", r.uuid, s.uuid, c.uuid, t.title, t.content, t.raised_by,"
    " t.created_at, t.kind, d.uuid, t.co_signers, t.motion FROM suggestions t JOIN stations s ON s.id = t.station_id"
    " JOIN categories c ON c.id = t.category_id LEFT JOIN receptions r ON r.id = t.reception_id"
    " LEFT JOIN deputies d ON d.id = t.deputy_id" },
  /* Immutable: always version 1 on base 0, updated_at its time, from the
   * station of its suggestion (the one recorded, should that be gone). */
  [KIND_SUGGESTION_EVENT] = { "suggestion_event", "suggestion_events", LIAISON_SYNC_ROLE_NONE,
    "SELECT t.id, t.uuid, 1, t.at, coalesce (s.uuid, t.origin_station_uuid), 0, 0, t.data"
    " FROM suggestion_events t LEFT JOIN suggestions g ON g.uuid = t.suggestion_uuid"
    " LEFT JOIN stations s ON s.id = g.station_id" },
  /* The duty record (docs/duty-record.md): each belongs to the replica
   * that recorded it, as the store lets a station record only the kinds
   * it owns; headquarters' server says who may push what. */
  [KIND_ACTIVITY] = { "activity", "activities", LIAISON_SYNC_ROLE_NONE,
    "SELECT " META_SELECT ", t.kind, t.title, t.date, t.end_date, t.place, t.organiser, t.note,"
    " t.correction_reason, t.corrected_by, t.corrected_at FROM activities t" },
  [KIND_DUTY_SHIFT] = { "duty_shift", "duty_shifts", LIAISON_SYNC_ROLE_NONE,
    "SELECT " META_SELECT ", s.uuid, d.uuid, t.date, t.note FROM duty_shifts t"
    " JOIN stations s ON s.id = t.station_id JOIN deputies d ON d.id = t.deputy_id" },
  /* Headquarters' points rule sets, sent to every desk. */
  [KIND_POINTS_RULES] = { "points_rules", "points_rules", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.data FROM points_rules t" },
  /* A closed quarter's frozen figures (liaison-store-quarter.h). */
  [KIND_QUARTER_CLOSE] = { "quarter_close", "quarter_closes", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.quarter, t.closed_at, t.closed_by, t.snapshot FROM quarter_closes t" },
  /* A published report (liaison-store-published.h): headquarters writes
   * the head and every station's parts; a station receives the head and
   * its own parts. */
  [KIND_PUBLISHED_REPORT] = { "published_report", "published_reports", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.data FROM published_reports t" },
  [KIND_PUBLISHED_REPORT_PART] = { "published_report_part", "published_report_parts", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.data FROM published_report_parts t" },
  /* The access log (liaison-store-access-log.h): each desk pushes its
   * own entries; headquarters' server sends a station's back to that
   * station alone, and every entry to headquarters' desks. */
  [KIND_ACCESS_LOG] = { "access_log", "access_log", LIAISON_SYNC_ROLE_NONE,
    "SELECT " META_SELECT ", t.kind, t.at, t.role, t.actor_name, t.desk_uuid, t.what, t.n_contacts, t.reason"
    " FROM access_log t" },
  /* The server's retention purges (liaison-store-purge.h): never pushed. */
  [KIND_PURGE] = { "purge", "purges", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.reception_uuid, t.station_uuid, t.purged_at FROM purges t" },
  /* A deputy's PIN (liaison-store-deputy-pin.h): the desk that set or
   * reset it pushes it; the server sends it to the deputy's station and
   * headquarters' desks. */
  [KIND_DEPUTY_PIN] = { "deputy_pin", "deputy_pins", LIAISON_SYNC_ROLE_NONE,
    "SELECT " META_SELECT ", t.deputy_uuid, t.station_uuid, t.hash, t.set_at, t.reset_by FROM deputy_pins t" },
  /* The online channel (liaison-store-online.h): a citizen's submission,
   * which the server alone writes, in its station's feed; the station's
   * decision on it, pushed by the desk that decided, never changed. */
  [KIND_ONLINE_SUBMISSION] = { "online_submission", "online_submissions", LIAISON_SYNC_ROLE_HQ,
    "SELECT " META_SELECT ", t.station, t.category, t.title, t.content, t.name, t.phone, t.community, t.consent,"
    " t.submitted_at FROM online_submissions t" },
  [KIND_ONLINE_DECISION] = { "online_decision", "online_decisions", LIAISON_SYNC_ROLE_STATION,
    "SELECT " META_SELECT ", t.submission, t.station, t.decision, t.reason, t.note, t.reception, t.suggestion,"
    " t.decided_at, t.decided_by FROM online_decisions t" },
};

gboolean
liaison_store_sync_kind_from_name (const char *name,
                                   Kind       *kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (name, liaison_store_sync_kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Which kinds a role pushes (and counts as unsynced). A replica not yet
 * enrolled is treated as the station it will become. Every replica pushes
 * the events it recorded, whatever its role. */
gboolean
liaison_store_sync_role_pushes (LiaisonSyncRole role,
                                Kind            kind)
{
  if (liaison_store_sync_kinds[kind].owner == LIAISON_SYNC_ROLE_NONE)
    return TRUE;
  if (role == LIAISON_SYNC_ROLE_NONE)
    role = LIAISON_SYNC_ROLE_STATION;
  return liaison_store_sync_kinds[kind].owner == role;
}

void
liaison_unit_free (LiaisonUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->meta.uuid);
  g_free (unit->meta.updated_at);
  g_free (unit->meta.origin_station_uuid);
  g_free (unit->meta.sync_error);
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit);
}

const char *
liaison_sync_role_to_code (LiaisonSyncRole role)
{
  switch (role)
    {
    case LIAISON_SYNC_ROLE_STATION:
      return "station";
    case LIAISON_SYNC_ROLE_HQ:
      return "hq";
    case LIAISON_SYNC_ROLE_NONE:
    default:
      return NULL;
    }
}

gboolean
liaison_sync_role_from_code (const char      *code,
                             LiaisonSyncRole *role)
{
  if (g_strcmp0 (code, "station") == 0)
    *role = LIAISON_SYNC_ROLE_STATION;
  else if (g_strcmp0 (code, "hq") == 0)
    *role = LIAISON_SYNC_ROLE_HQ;
  else
    return FALSE;
  return TRUE;
}

LiaisonSyncRole
liaison_store_get_sync_role (LiaisonStore *store)
{
  g_autofree char *code = NULL;
  LiaisonSyncRole role = LIAISON_SYNC_ROLE_NONE;

  g_return_val_if_fail (LIAISON_IS_STORE (store), LIAISON_SYNC_ROLE_NONE);

  code = liaison_store_get_setting (store, SETTING_ROLE);
  if (!liaison_sync_role_from_code (code, &role))
    return LIAISON_SYNC_ROLE_NONE;
  return role;
}

gboolean
liaison_store_is_enrolled (LiaisonStore *store)
{
  g_autofree char *server_url = NULL;

  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_NONE)
    return FALSE;
  server_url = liaison_store_get_server_url (store);
  return server_url != NULL;
}

char *
liaison_store_get_server_url (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  return liaison_store_get_setting (store, SETTING_SERVER_URL);
}

char *
liaison_store_get_server_id (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  return liaison_store_get_setting (store, SETTING_SERVER_ID);
}

gint64
liaison_store_get_checkpoint (LiaisonStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), 0);

  value = liaison_store_get_setting (store, SETTING_CHECKPOINT);
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

char *
liaison_store_get_synced_at (LiaisonStore *store)
{
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return liaison_store_get_setting (store, SETTING_SYNCED_AT);
}

gboolean
liaison_store_mark_synced_now (LiaisonStore  *store,
                               GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  return liaison_store_set_setting (store, SETTING_SYNCED_AT, now, error);
}

gboolean
liaison_store_sync_set_checkpoint (LiaisonStore  *self,
                                   gint64         seq,
                                   GError       **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  return liaison_store_set_setting (self, SETTING_CHECKPOINT, value, error);
}

guint
liaison_store_count_unsynced (LiaisonStore  *store,
                              GError       **error)
{
  LiaisonSyncRole role;
  guint count = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), 0);

  role = liaison_store_get_sync_role (store);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (!liaison_store_sync_role_pushes (role, k))
        continue;
      /* Spelled like the partial indexes' WHERE, so that they are used. */
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE sync_state <> 0", liaison_store_sync_kinds[k].table);
      stmt = liaison_store_prepare (store, sql, error);
      if (stmt == NULL)
        return 0;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          liaison_store_set_error (store, error, _("Could not count the records not yet synced"));
          sqlite3_reset (stmt);
          return 0;
        }
      count += (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return count;
}

static gpointer
read_unit (sqlite3_stmt *stmt)
{
  LiaisonUnit *unit = g_new0 (LiaisonUnit, 1);

  liaison_store_read_record_meta (stmt, 0, &unit->meta);
  unit->name = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS);
  unit->kind = liaison_db_column_text (stmt, LIAISON_RECORD_SELECT_COLUMNS + 1);
  return unit;
}

GPtrArray *
liaison_store_list_units (LiaisonStore  *store,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  stmt = liaison_store_prepare (store,
    "SELECT " LIAISON_RECORD_SELECT ("u") ", u.name, u.kind FROM units u"
    " WHERE u.deleted = 0 ORDER BY u.name COLLATE LOCALE, u.id", error);
  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (store, stmt, read_unit, (GDestroyNotify) liaison_unit_free,
                                     _("Could not read the handling units"), error);
}
