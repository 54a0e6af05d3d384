/* liaison-hq-reports.c: keeps and lists the set-aside reports of stations
 * (liaison-hq-reports.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-db.h"
#include "liaison-hq-reports.h"
#include "liaison-hq-store-private.h"

/* Made when first needed, so that a data directory from before needs no
 * upgrade step. */
static const char reports_table[] =
  "CREATE TABLE IF NOT EXISTS set_aside_reports (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  received TEXT NOT NULL,\n"
  "  token_id TEXT NOT NULL,\n"
  "  token_name TEXT NOT NULL,\n"
  "  station_uuid TEXT,\n"
  "  kind TEXT NOT NULL,\n"
  "  uuid TEXT NOT NULL,\n"
  "  version INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  reason TEXT NOT NULL,\n"
  "  set_aside_at TEXT NOT NULL,\n"
  "  text TEXT NOT NULL\n"
  ")";

static const char *
text_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static gboolean
entry_is_usable (JsonNode *node)
{
  JsonObject *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  entry = json_node_get_object (node);
  return text_member (entry, "kind") != NULL && text_member (entry, "uuid") != NULL &&
         text_member (entry, "reason") != NULL && text_member (entry, "set_aside_at") != NULL &&
         text_member (entry, "text") != NULL;
}

/* Cut at a character boundary, at most @max bytes. */
static char *
cut_text (const char *text,
          gsize       max)
{
  const char *end;

  if (strlen (text) <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max + 1);
  return g_strndup (text, end != NULL ? (gsize) (end - text) : 0);
}

guint
liaison_hq_reports_add (LiaisonHqStore       *store,
                        const LiaisonHqToken *token,
                        JsonArray            *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *received = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(LiaisonHqStmt) stmt = NULL;
  guint n = json_array_get_length (report);
  guint kept = 0;

  if (n > LIAISON_HQ_REPORTS_MAX)
    {
      g_printerr ("liaison-hq: %s reported %u records set aside; the first %u are kept\n",
                  token->name, n, LIAISON_HQ_REPORTS_MAX);
      n = LIAISON_HQ_REPORTS_MAX;
    }
  /* A report of nothing usable writes nothing, not even the table. */
  {
    guint usable = 0;

    for (guint i = 0; i < n; i++)
      if (entry_is_usable (json_array_get_element (report, i)))
        usable++;
    if (usable == 0)
      {
        if (n > 0)
          g_printerr ("liaison-hq: %s sent a report of records set aside that cannot be read\n", token->name);
        return 0;
      }
  }
  if (!liaison_hq_store_exec (store, reports_table, &error) ||
      (stmt = liaison_hq_store_prepare (store, "INSERT INTO set_aside_reports (received, token_id, token_name,"
                                        " station_uuid, kind, uuid, version, seq, reason, set_aside_at, text)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &error)) == NULL)
    {
      g_printerr ("liaison-hq: the set-aside report of %s could not be kept: %s\n", token->name, error->message);
      return 0;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (report, i);
      JsonObject *entry;
      const char *kind, *uuid, *reason, *at, *text;
      g_autofree char *kept_text = NULL;

      if (!entry_is_usable (node))
        continue;
      entry = json_node_get_object (node);
      kind = text_member (entry, "kind");
      uuid = text_member (entry, "uuid");
      reason = text_member (entry, "reason");
      at = text_member (entry, "set_aside_at");
      text = text_member (entry, "text");
      kept_text = cut_text (text, LIAISON_HQ_REPORTS_TEXT_MAX);

      g_printerr ("liaison-hq: %s set aside %s %s version %" G_GINT64_FORMAT " (seq %" G_GINT64_FORMAT
                  ") at %s: %s\n", token->name, kind, uuid, int_member (entry, "version"),
                  int_member (entry, "seq"), at, reason);
      liaison_hq_stmt_bind_text (stmt, 1, received);
      liaison_hq_stmt_bind_text (stmt, 2, token->id);
      liaison_hq_stmt_bind_text (stmt, 3, token->name);
      liaison_hq_stmt_bind_text (stmt, 4, token->station_uuid);
      liaison_hq_stmt_bind_text (stmt, 5, kind);
      liaison_hq_stmt_bind_text (stmt, 6, uuid);
      liaison_hq_stmt_bind_int64 (stmt, 7, int_member (entry, "version"));
      liaison_hq_stmt_bind_int64 (stmt, 8, int_member (entry, "seq"));
      liaison_hq_stmt_bind_text (stmt, 9, reason);
      liaison_hq_stmt_bind_text (stmt, 10, at);
      liaison_hq_stmt_bind_text (stmt, 11, kept_text);
      if (liaison_hq_db_step_done (stmt, "a set-aside report could not be kept", &error))
        kept++;
      else
        g_printerr ("liaison-hq: %s\n", error->message);
      g_clear_error (&error);
    }
  return kept;
}

void
liaison_hq_report_free (LiaisonHqReport *report)
{
  if (report == NULL)
    return;
  g_free (report->received);
  g_free (report->token_name);
  g_free (report->station_uuid);
  g_free (report->kind);
  g_free (report->uuid);
  g_free (report->reason);
  g_free (report->set_aside_at);
  g_free (report->text);
  g_free (report);
}

GPtrArray *
liaison_hq_reports_list (LiaisonHqStore  *store,
                         GError         **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_hq_report_free);
  g_autoptr(LiaisonHqStmt) stmt = NULL;
  LiaisonHqDbStep rc;

  if (!liaison_hq_store_exec (store, reports_table, error) ||
      (stmt = liaison_hq_store_prepare (store, "SELECT received, token_name, station_uuid, kind, uuid, version,"
                                        " seq, reason, set_aside_at, text FROM set_aside_reports ORDER BY id",
                                        error)) == NULL)
    {
      g_prefix_error (error, "%s: ", _("The reports of records set aside could not be read"));
      return NULL;
    }
  while ((rc = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    {
      LiaisonHqReport *report = g_new0 (LiaisonHqReport, 1);

      report->received = liaison_hq_stmt_dup_text (stmt, 0);
      report->token_name = liaison_hq_stmt_dup_text (stmt, 1);
      report->station_uuid = liaison_hq_stmt_dup_text (stmt, 2);
      report->kind = liaison_hq_stmt_dup_text (stmt, 3);
      report->uuid = liaison_hq_stmt_dup_text (stmt, 4);
      report->version = liaison_hq_stmt_column_int64 (stmt, 5);
      report->seq = liaison_hq_stmt_column_int64 (stmt, 6);
      report->reason = liaison_hq_stmt_dup_text (stmt, 7);
      report->set_aside_at = liaison_hq_stmt_dup_text (stmt, 8);
      report->text = liaison_hq_stmt_dup_text (stmt, 9);
      g_ptr_array_add (reports, report);
    }
  if (rc != LIAISON_HQ_DB_DONE)
    {
      liaison_hq_store_db_error (store, error, _("The reports of records set aside could not be read"));
      return NULL;
    }
  return g_steal_pointer (&reports);
}
