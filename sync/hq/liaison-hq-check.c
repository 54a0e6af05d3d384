/* liaison-hq-check.c: the stored records that fail today's wire schema,
 * and their quarantine (see the header). */
#define G_LOG_DOMAIN "liaison-hq-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-hq-check.h"
#include "liaison-hq-store-private.h"
#include "liaison-wire-schema.h"

void
liaison_hq_bad_record_free (LiaisonHqBadRecord *bad)
{
  if (bad == NULL)
    return;
  g_free (bad->kind);
  g_free (bad->uuid);
  g_free (bad->station);
  g_free (bad->reason);
  g_free (bad);
}

/* Deeper than any record's data: json-glib's parser recurses, and a row
 * stored before the server bounded nesting is not parsed at all. */
#define MAX_DATA_DEPTH 32

static gboolean
is_nested_too_deeply (const char *text)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > MAX_DATA_DEPTH)
            return TRUE;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  return FALSE;
}

/* The record of the row @stmt is on (RECORD columns), as the feed sends
 * it; NULL with @reason when its data cannot be read at all. */
static JsonObject *
wire_record (LiaisonHqStmt *stmt,
             char         **reason)
{
  g_autoptr(JsonObject) record = json_object_new ();
  const char *data_text = liaison_hq_stmt_column_text (stmt, 6);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (data_text == NULL || is_nested_too_deeply (data_text))
    {
      *reason = g_strdup ("data is nested too deeply");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data_text, -1, &error))
    {
      *reason = g_strdup_printf ("data is not readable JSON (%s)", error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  json_object_set_string_member (record, "kind", liaison_hq_stmt_column_text (stmt, 0));
  json_object_set_string_member (record, "uuid", liaison_hq_stmt_column_text (stmt, 1));
  json_object_set_int_member (record, "version", liaison_hq_stmt_column_int64 (stmt, 2));
  json_object_set_string_member (record, "updated_at", liaison_hq_stmt_column_text (stmt, 5));
  if (liaison_hq_stmt_column_is_null (stmt, 3))
    json_object_set_null_member (record, "origin_station");
  else
    json_object_set_string_member (record, "origin_station", liaison_hq_stmt_column_text (stmt, 3));
  json_object_set_boolean_member (record, "deleted", liaison_hq_stmt_column_int64 (stmt, 4) != 0);
  json_object_set_member (record, "data", json_node_copy (root));
  json_object_set_int_member (record, "seq", liaison_hq_stmt_column_int64 (stmt, 7));
  return g_steal_pointer (&record);
}

/* The station's name, for a reader; its uuid when it has none here. */
static char *
station_words (LiaisonHqStore *store,
               const char     *uuid)
{
  g_autoptr(JsonObject) data = NULL;
  const char *name;

  if (uuid == NULL)
    return NULL;
  data = liaison_hq_store_get_data (store, LIAISON_KIND_STATION, uuid, NULL);
  name = data != NULL ? json_object_get_string_member_with_default (data, "name", NULL) : NULL;
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup (uuid);
  return g_strdup (name);
}

/* Text from the database, printable whatever its bytes. */
static char *
printable (const char *text)
{
  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

GPtrArray *
liaison_hq_check_records (LiaisonHqStore  *store,
                          GError         **error)
{
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_hq_bad_record_free);
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (store,
    "SELECT kind, uuid, version, origin_station, deleted, updated_at, data, seq FROM records ORDER BY seq",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    {
      g_autoptr(GError) check_error = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(JsonObject) record = wire_record (stmt, &reason);
      LiaisonHqBadRecord *found;

      if (record != NULL && liaison_wire_check_record (record, &check_error))
        continue;
      found = g_new0 (LiaisonHqBadRecord, 1);
      found->kind = printable (liaison_hq_stmt_column_text (stmt, 0));
      found->uuid = printable (liaison_hq_stmt_column_text (stmt, 1));
      found->station = station_words (store, liaison_hq_stmt_column_text (stmt, 3));
      found->seq = liaison_hq_stmt_column_int64 (stmt, 7);
      found->reason = reason != NULL ? g_steal_pointer (&reason) : g_strdup (check_error->message);
      g_ptr_array_add (bad, found);
    }
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    {
      liaison_hq_store_db_error (store, error, _("The records could not be read"));
      return NULL;
    }
  return g_steal_pointer (&bad);
}

static gboolean
quarantine_one (LiaisonHqStore      *store,
                LiaisonHqBadRecord  *bad,
                const char          *now,
                GError             **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (store,
    "INSERT INTO quarantine (kind, uuid, version, origin_station, deleted, updated_at, data, digest,"
    " seq, hq_owned, reason, quarantined_at)"
    " SELECT kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned, ?2, ?3"
    " FROM records WHERE seq = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_int64 (stmt, 1, bad->seq);
  liaison_hq_stmt_bind_text (stmt, 2, bad->reason);
  liaison_hq_stmt_bind_text (stmt, 3, now);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (store, error, _("The record could not be moved to the quarantine table"));

  stmt = liaison_hq_store_prepare_cached (store, "DELETE FROM records WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_int64 (stmt, 1, bad->seq);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (store, error, _("The record could not be moved to the quarantine table"));
  return TRUE;
}

gboolean
liaison_hq_quarantine (LiaisonHqStore  *store,
                       GPtrArray       *bad,
                       GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < bad->len; i++)
    if (!quarantine_one (store, g_ptr_array_index (bad, i), now_text, error))
      {
        liaison_hq_store_rollback (store);
        return FALSE;
      }
  return liaison_hq_store_commit (store, error);
}

int
liaison_hq_check_run (LiaisonHqStore *store,
                      gboolean        quarantine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = liaison_hq_check_records (store, &error);
  gint64 n_records = 0;
  gint64 last = 0;

  if (bad == NULL || !liaison_hq_store_feed_stats (store, &n_records, &last, &error))
    {
      fprintf (stderr, "liaison-hq: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (bad->len == 0)
    {
      printf (ngettext ("Checked %d record: every desk can take it.\n",
                        "Checked %d records: every desk can take them.\n", (gulong) n_records),
              (int) n_records);
      return EXIT_SUCCESS;
    }

  printf (ngettext ("Checked %d record; %u would stop the desks that pull it:\n",
                    "Checked %d records; %u would stop the desks that pull them:\n", (gulong) n_records),
          (int) n_records, bad->len);
  for (guint i = 0; i < bad->len; i++)
    {
      LiaisonHqBadRecord *found = g_ptr_array_index (bad, i);
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, found->seq);

      if (found->station != NULL)
        /* Translators: "  reception 9f10…, of 东山街道联络站 (change 1234): data.received_at must be …";
         * the reason at the end is in English */
        printf (_("  %s %s, of %s (change %s): %s\n"),
                found->kind, found->uuid, found->station, seq, found->reason);
      else
        /* Translators: "  unit 9e00… (change 1234): data.kind must be …" */
        printf (_("  %s %s (change %s): %s\n"), found->kind, found->uuid, seq, found->reason);
    }

  if (!quarantine)
    {
      printf (_("To move them out of the feed (nothing is deleted), run this again with --quarantine.\n"));
      return EXIT_FAILURE;
    }
  if (!liaison_hq_quarantine (store, bad, &error))
    {
      fprintf (stderr, "liaison-hq: %s\n", error->message);
      return EXIT_FAILURE;
    }
  printf (ngettext ("Moved %u record to the quarantine table: desks no longer receive it. Nothing was deleted.\n",
                    "Moved %u records to the quarantine table: desks no longer receive them. Nothing was deleted.\n",
                    bad->len),
          bad->len);
  return EXIT_SUCCESS;
}
