/* liaison-store-sync-conflict.c: a record both sides changed, settled by who owns
 * its kind, and the conflict log. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-sync-private.h"

void
liaison_conflict_free (LiaisonConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->local_json);
  g_free (conflict->server_json);
  g_free (conflict->rule);
  g_free (conflict->created_at);
  g_free (conflict);
}

const char *
liaison_conflict_rule_label (const char *rule)
{
  if (g_strcmp0 (rule, LIAISON_CONFLICT_RULE_KEPT_LOCAL) == 0)
    return _("This replica owns the record: its value was kept and sent again; the server’s value is kept here.");
  if (g_strcmp0 (rule, LIAISON_CONFLICT_RULE_TOOK_SERVER) == 0)
    return _("Headquarters or the owning station has the last word: the server’s value replaced the one made here, which is kept here.");
  return rule;
}

static gboolean
log_conflict (LiaisonStore  *self,
              Kind           kind,
              const char    *uuid,
              gint64         local_version,
              gint64         server_version,
              JsonObject    *local,
              JsonObject    *server,
              const char    *rule,
              GError       **error)
{
  g_autofree char *local_json = local != NULL ? liaison_store_json_text (local) : g_strdup ("null");
  g_autofree char *server_json = liaison_store_json_text (server);
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO sync_conflicts (kind, uuid, local_version, server_version, local_json,"
    " server_json, rule, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, liaison_store_sync_kinds[kind].name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, local_version);
  sqlite3_bind_int64 (stmt, 4, server_version);
  sqlite3_bind_text (stmt, 5, local_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, server_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, rule, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not log a sync conflict"), error);
}

/* The owner keeps its data: the server's version becomes the base, and
 * the record stays pending with a version above the server's. */
static gboolean
keep_local (LiaisonStore  *self,
            Kind           kind,
            gint64         id,
            gint64         server_version,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET server_version = ?1,"
                                          " version = max(version, ?1 + 1), sync_state = 1,"
                                          " sync_error = NULL WHERE id = ?2", liaison_store_sync_kinds[kind].table);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, server_version);
  sqlite3_bind_int64 (stmt, 2, id);
  return liaison_store_step_done (self, stmt, _("Could not settle a sync conflict"), error);
}

/* Settles a record both sides changed, by who owns its kind, and logs the
 * losing value. @local is the local record as sent or as it is now.
 *
 * The loop rules are the exception: headquarters owns them, but the server
 * is where `liaison-hq import holidays` and `liaison-hq rules set` write
 * them, so a desk that changed them at the same time (or that had stale
 * ones) must not overwrite that list: the server's value wins at every
 * replica, and the desk's is kept in the conflict log. A deputy's PIN
 * is everyone's and no one's: the one set or reset last (its set_at)
 * wins, the server's on a tie. */
gboolean
liaison_store_sync_settle_conflict (LiaisonStore     *self,
                                    LiaisonSyncRole   role,
                                    const Incoming   *server,
                                    const LocalRow   *row,
                                    JsonObject       *local,
                                    GHashTable       *loop_touched,
                                    GError          **error)
{
  /* A deputy's PIN: the one set (or reset) last wins, wherever. */
  gboolean owner_keeps = server->kind == KIND_DEPUTY_PIN
                         ? liaison_store_sync_pin_is_newer (local, server->object)
                         : liaison_store_sync_kinds[server->kind].owner == role && server->kind != KIND_LOOP_RULES;

  /* An online decision: the first one the server took wins, everywhere;
   * what this desk's accepting made is taken back. */
  if (server->kind == KIND_ONLINE_DECISION)
    return log_conflict (self, server->kind, server->uuid, row->version, server->version,
                         local, server->object, LIAISON_CONFLICT_RULE_TOOK_SERVER, error) &&
           liaison_store_sync_online_lost (self, local, server->object, error) &&
           liaison_store_sync_write_incoming (self, server, row->id, NULL, loop_touched, error);

  if (owner_keeps)
    return keep_local (self, server->kind, row->id, server->version, error) &&
           log_conflict (self, server->kind, server->uuid, row->version, server->version,
                         local, server->object, LIAISON_CONFLICT_RULE_KEPT_LOCAL, error);

  return log_conflict (self, server->kind, server->uuid, row->version, server->version,
                       local, server->object, LIAISON_CONFLICT_RULE_TOOK_SERVER, error) &&
         liaison_store_sync_write_incoming (self, server, row->id, NULL, loop_touched, error);
}

/* Conflict log and units */

static gpointer
read_conflict (sqlite3_stmt *stmt)
{
  LiaisonConflict *conflict = g_new0 (LiaisonConflict, 1);

  conflict->kind = liaison_db_column_text (stmt, 0);
  conflict->uuid = liaison_db_column_text (stmt, 1);
  conflict->local_version = sqlite3_column_int64 (stmt, 2);
  conflict->server_version = sqlite3_column_int64 (stmt, 3);
  conflict->local_json = liaison_db_column_text (stmt, 4);
  conflict->server_json = liaison_db_column_text (stmt, 5);
  conflict->rule = liaison_db_column_text (stmt, 6);
  conflict->created_at = liaison_db_column_text (stmt, 7);
  return conflict;
}

GPtrArray *
liaison_store_list_conflicts (LiaisonStore  *store,
                              const char    *kind,
                              const char    *uuid,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  stmt = liaison_store_prepare (store,
    "SELECT kind, uuid, local_version, server_version, local_json, server_json, rule, created_at"
    " FROM sync_conflicts WHERE kind = ? AND uuid = ? ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  return liaison_store_collect_rows (store, stmt, read_conflict, (GDestroyNotify) liaison_conflict_free,
                                     _("Could not read the sync conflicts"), error);
}
