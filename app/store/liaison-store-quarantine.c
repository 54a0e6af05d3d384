/* liaison-store-quarantine.c: the pulled changes set aside, kept, listed
 * and reported (liaison-store-quarantine.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-store-quarantine.h"

const char liaison_store_quarantine_migration[] =
  "CREATE TABLE pull_quarantine (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  version INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  reason TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  set_aside_at TEXT NOT NULL,\n"
  "  replaced_at TEXT,\n"
  "  reported_at TEXT\n"
  ");\n"
  "CREATE INDEX pull_quarantine_by_record ON pull_quarantine (uuid, kind);\n";

void
liaison_quarantined_free (LiaisonQuarantined *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->uuid);
  g_free (entry->reason);
  g_free (entry->text);
  g_free (entry->set_aside_at);
  g_free (entry->replaced_at);
  g_free (entry->reported_at);
  g_free (entry);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* Valid UTF-8 for a TEXT column and for the report: what was sent, but an
 * invalid byte (a kind, a uuid sent broken) becomes \xNN. */
static char *
escape_invalid (const char *text,
                gssize      length)
{
  GString *out;
  const char *p = text;
  const char *end;

  if (length < 0)
    length = (gssize) strlen (text);
  end = text + length;
  out = g_string_sized_new ((gsize) length);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static LiaisonQuarantined *
quarantined_new (JsonObject *object,
                 char       *text,
                 const char *reason)
{
  LiaisonQuarantined *entry = g_new0 (LiaisonQuarantined, 1);

  entry->kind = escape_invalid (string_member (object, "kind"), -1);
  entry->uuid = escape_invalid (string_member (object, "uuid"), -1);
  entry->version = int_member (object, "version");
  entry->seq = int_member (object, "seq");
  entry->reason = g_strdup (reason);
  entry->text = text;
  entry->set_aside_at = liaison_store_now_utc ();
  return entry;
}

LiaisonQuarantined *
liaison_quarantined_new_node (JsonNode   *node,
                              const char *reason)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (reason != NULL, NULL);

  if (node != NULL)
    text = json_to_string (node, FALSE);
  return quarantined_new (node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                          escape_invalid (text != NULL ? text : "null", -1), reason);
}

LiaisonQuarantined *
liaison_quarantined_new_bytes (const char *text,
                               gsize       length,
                               const char *reason)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) length);
  g_autoptr(JsonNode) node = json_from_string (valid, NULL);

  g_return_val_if_fail (reason != NULL, NULL);

  /* Made valid only to name it; what is kept is what came. */
  return quarantined_new (node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                          escape_invalid (text, (gssize) length), reason);
}

gboolean
liaison_store_quarantine_add (LiaisonStore       *store,
                              LiaisonQuarantined *entry,
                              GError            **error)
{
  /* The same change pulled again (a checkpoint reset by enrolling anew)
   * is kept once. */
  sqlite3_stmt *stmt = liaison_store_prepare (store,
    "INSERT INTO pull_quarantine (kind, uuid, version, seq, reason, text, set_aside_at)"
    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM pull_quarantine"
    "  WHERE uuid = ?2 AND kind = ?1 AND version = ?3 AND text = ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, entry->version);
  sqlite3_bind_int64 (stmt, 4, entry->seq);
  sqlite3_bind_text (stmt, 5, entry->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, entry->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, entry->set_aside_at, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (store, stmt, _("Could not set aside a record received from the server"), error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (store)) == 0)
    return TRUE;
  liaison_store_emit_changed (store, "pull_quarantine");
  entry->id = sqlite3_last_insert_rowid (liaison_store_get_handle (store));
  g_message ("Set aside %s %s version %" G_GINT64_FORMAT " from the server: %s",
             entry->kind, entry->uuid, entry->version, entry->reason);
  return TRUE;
}

gboolean
liaison_store_quarantine_replaced (LiaisonStore  *store,
                                   const char    *kind,
                                   const char    *uuid,
                                   gint64         version,
                                   GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (store,
    "UPDATE pull_quarantine SET replaced_at = ?4"
    " WHERE uuid = ?1 AND kind = ?2 AND version <= ?3 AND replaced_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (store, stmt, _("Could not set aside a record received from the server"), error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (store)) > 0)
    liaison_store_emit_changed (store, "pull_quarantine");
  return TRUE;
}

#define QUARANTINE_COLUMNS "id, kind, uuid, version, seq, reason, text, set_aside_at, replaced_at, reported_at"

static gpointer
read_quarantined (sqlite3_stmt *stmt)
{
  LiaisonQuarantined *entry = g_new0 (LiaisonQuarantined, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->kind = liaison_db_column_text (stmt, 1);
  entry->uuid = liaison_db_column_text (stmt, 2);
  entry->version = sqlite3_column_int64 (stmt, 3);
  entry->seq = sqlite3_column_int64 (stmt, 4);
  entry->reason = liaison_db_column_text (stmt, 5);
  entry->text = liaison_db_column_text (stmt, 6);
  entry->set_aside_at = liaison_db_column_text (stmt, 7);
  entry->replaced_at = liaison_db_column_text (stmt, 8);
  entry->reported_at = liaison_db_column_text (stmt, 9);
  return entry;
}

GPtrArray *
liaison_store_list_quarantined (LiaisonStore  *store,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  stmt = liaison_store_prepare (store, "SELECT " QUARANTINE_COLUMNS " FROM pull_quarantine"
                                       " WHERE replaced_at IS NULL ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  return liaison_store_collect_rows (store, stmt, read_quarantined, (GDestroyNotify) liaison_quarantined_free,
                                     _("Could not read the records set aside"), error);
}

guint
liaison_store_count_quarantined (LiaisonStore *store)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), 0);

  stmt = liaison_store_prepare (store, "SELECT count(*) FROM pull_quarantine WHERE replaced_at IS NULL", NULL);
  if (stmt == NULL)
    return 0;
  return liaison_store_step_count (store, stmt, _("Could not read the records set aside"), NULL);
}

/* The text as reported: its first 64 KiB (where a character ends), as much
 * as liaison-hq keeps, so that a report never makes a push too big. The
 * whole of it stays here. */
static const char *
cut (char *text)
{
  gsize length = strlen (text);

  if (length > LIAISON_QUARANTINE_REPORT_TEXT_MAX)
    {
      const char *end = g_utf8_find_prev_char (text, text + LIAISON_QUARANTINE_REPORT_TEXT_MAX + 1);

      text[end != NULL ? end - text : 0] = '\0';
    }
  return text;
}

JsonArray *
liaison_store_quarantine_report (LiaisonStore  *store,
                                 guint          limit,
                                 gint64        *last_id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonArray) report = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  *last_id = 0;
  stmt = liaison_store_prepare (store, "SELECT " QUARANTINE_COLUMNS " FROM pull_quarantine"
                                       " WHERE reported_at IS NULL ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);
  entries = liaison_store_collect_rows (store, stmt, read_quarantined, (GDestroyNotify) liaison_quarantined_free,
                                        _("Could not read the records set aside"), error);
  if (entries == NULL || entries->len == 0)
    return NULL;

  report = json_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      LiaisonQuarantined *entry = g_ptr_array_index (entries, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "kind", entry->kind);
      json_object_set_string_member (object, "uuid", entry->uuid);
      json_object_set_int_member (object, "version", entry->version);
      json_object_set_int_member (object, "seq", entry->seq);
      json_object_set_string_member (object, "reason", entry->reason);
      json_object_set_string_member (object, "set_aside_at", entry->set_aside_at);
      json_object_set_string_member (object, "text", cut (entry->text));
      json_array_add_object_element (report, object);
      *last_id = entry->id;
    }
  return g_steal_pointer (&report);
}

gboolean
liaison_store_mark_quarantine_reported (LiaisonStore  *store,
                                        gint64         last_id,
                                        GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  stmt = liaison_store_prepare (store, "UPDATE pull_quarantine SET reported_at = ?2"
                                       " WHERE id <= ?1 AND reported_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (store, stmt, _("Could not note that headquarters was told"), error);
}
