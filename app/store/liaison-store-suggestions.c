/* liaison-store-suggestions.c: writing and reading suggestions. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-store-private.h"
#include "liaison-validate.h"

/* Suggestions */

/* "3,5,7" (group_concat) into @ids. */
static void
read_id_list (const char *text,
              GArray     *ids)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
}

gpointer
liaison_store_read_suggestion (sqlite3_stmt *stmt)
{
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;
  const char *due_date;

  liaison_store_read_record_meta (stmt, 0, &suggestion->meta);
  suggestion->reception_id = sqlite3_column_int64 (stmt, c);
  suggestion->station_id = sqlite3_column_int64 (stmt, c + 1);
  suggestion->category_id = sqlite3_column_int64 (stmt, c + 2);
  suggestion->title = liaison_db_column_text (stmt, c + 3);
  suggestion->content = liaison_db_column_text (stmt, c + 4);
  suggestion->raised_by = liaison_db_column_text (stmt, c + 5);
  suggestion->created_at = liaison_db_column_text (stmt, c + 6);
  suggestion->category_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                                    (const char *) sqlite3_column_text (stmt, c + 7)));
  suggestion->reception_received_at = liaison_db_column_text (stmt, c + 8);
  liaison_loop_kind_from_code ((const char *) sqlite3_column_text (stmt, c + 9), &suggestion->kind);
  suggestion->deputy_id = sqlite3_column_int64 (stmt, c + 10);
  read_id_list ((const char *) sqlite3_column_text (stmt, c + 11), suggestion->co_signer_ids);
  suggestion->station_name = liaison_db_column_text (stmt, c + 12);
  suggestion->deputy_name = liaison_db_column_text (stmt, c + 13);
  if (!liaison_loop_status_from_code ((const char *) sqlite3_column_text (stmt, c + 14), &suggestion->status))
    suggestion->status = LIAISON_LOOP_STATUS_REGISTERED;
  suggestion->round = MAX (1, sqlite3_column_int (stmt, c + 15));
  due_date = (const char *) sqlite3_column_text (stmt, c + 16);
  if (due_date == NULL || !liaison_date_parse_iso (due_date, &suggestion->due_date))
    g_date_clear (&suggestion->due_date, 1);
  suggestion->key_supervision = sqlite3_column_int (stmt, c + 17) != 0;
  suggestion->reopened = sqlite3_column_int (stmt, c + 18) != 0;
  suggestion->reply_unseen = sqlite3_column_int (stmt, c + 19) != 0;
  suggestion->taken_up_by = liaison_db_column_text (stmt, c + 20);
  suggestion->contact = liaison_db_column_text (stmt, c + 21);
  suggestion->motion = sqlite3_column_int (stmt, c + 22) != 0;
  return suggestion;
}

/* The co-signers as stored: a JSON array of the deputies' uuids, so that
 * it means the same at every replica. */
static char *
co_signers_json (LiaisonStore  *self,
                 GArray        *ids,
                 GError       **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (self,
        "SELECT uuid FROM deputies WHERE id = ? AND deleted = 0", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                               _("One of the co-signing deputies is not on the roster."));
          return NULL;
        }
      json_array_add_string_element (array, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

gboolean
liaison_store_write_suggestion (LiaisonStore       *self,
                                LiaisonSuggestion  *suggestion,
                                GError            **error)
{
  gboolean is_new = suggestion->meta.id == 0;
  g_autofree char *co_signers = NULL;
  sqlite3_stmt *stmt;

  co_signers = co_signers_json (self, suggestion->co_signer_ids, error);
  if (co_signers == NULL)
    return FALSE;

  /* The loop columns are a cache of the events: a new suggestion is
   * registered, and an edit leaves them to liaison_store_refresh_loop_cache(). */
  stmt = liaison_store_begin_record_write (self, &suggestion->meta,
    "INSERT INTO suggestions (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " reception_id, station_id, category_id, title, content, raised_by, status, created_at,"
    " kind, deputy_id, co_signers, motion)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'registered', ?13, ?15, ?16, ?17, ?18)",
    "UPDATE suggestions SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " reception_id = ?6, station_id = ?7, category_id = ?8, title = ?9, content = ?10,"
    " raised_by = ?11, kind = ?15, deputy_id = ?16, co_signers = ?17, motion = ?18"
    " WHERE id = ?14 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  if (is_new)
    {
      g_autoptr(GDateTime) given = liaison_loop_parse_at (suggestion->created_at);

      /* One logged after the fact (an old ledger, the demo) keeps the time
       * it was raised, if that is a real time and not after now. */
      if (given == NULL || strcmp (suggestion->created_at, suggestion->meta.updated_at) > 0)
        {
          g_free (suggestion->created_at);
          suggestion->created_at = g_strdup (suggestion->meta.updated_at);
        }
      sqlite3_bind_text (stmt, 13, suggestion->created_at, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 14, suggestion->meta.id);
  liaison_store_bind_id_or_null (stmt, 6, suggestion->reception_id);
  sqlite3_bind_int64 (stmt, 7, suggestion->station_id);
  sqlite3_bind_int64 (stmt, 8, suggestion->category_id);
  liaison_store_bind_text (stmt, 9, suggestion->title);
  liaison_store_bind_text (stmt, 10, suggestion->content);
  liaison_store_bind_text (stmt, 11, suggestion->raised_by);
  sqlite3_bind_text (stmt, 15, liaison_loop_kind_to_code (suggestion->kind), -1, SQLITE_STATIC);
  liaison_store_bind_id_or_null (stmt, 16, suggestion->deputy_id);
  sqlite3_bind_text (stmt, 17, co_signers, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 18, suggestion->motion ? 1 : 0);
  if (!liaison_store_end_record_write (self, stmt, &suggestion->meta, is_new, _("Could not save the suggestion"),
                         _("The suggestion was deleted meanwhile; it was not saved."),
                         _("The suggestion’s category, station, reception or deputy does not exist."), error))
    return FALSE;
  /* Who filed it and when is the register move: the cache follows. */
  return liaison_store_refresh_loop_cache (self, suggestion->meta.uuid, error);
}

gboolean
liaison_store_save_suggestion (LiaisonStore       *self,
                               LiaisonSuggestion  *suggestion,
                               GError            **error)
{
  g_autoptr(GPtrArray) problems = liaison_suggestion_check (suggestion, NULL);
  gint64 id = suggestion->meta.id;
  gint64 version = suggestion->meta.version;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_field_errors_to_error (problems, error) ||
      !liaison_store_resolve_station (self, &suggestion->station_id, error))
    return FALSE;
  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!liaison_store_write_suggestion (self, suggestion, error))
    {
      liaison_store_rollback (self);
      /* Nothing was written: the record is as new (or as old) as it was. */
      suggestion->meta.id = id;
      suggestion->meta.version = version;
      return FALSE;
    }
  liaison_store_emit_changed (self, "suggestions");
  return liaison_store_commit (self, error);
}

LiaisonSuggestion *
liaison_store_get_suggestion (LiaisonStore  *self,
                              gint64         id,
                              GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, LIAISON_SUGGESTION_SELECT " WHERE g.id = ?", error);
  LiaisonSuggestion *suggestion = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    suggestion = liaison_store_read_suggestion (stmt);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _("There is no suggestion number %lld."), (long long) id);
  sqlite3_reset (stmt);
  return suggestion;
}

GPtrArray *
liaison_store_list_suggestions_of_reception (LiaisonStore  *self,
                                             gint64         reception_id,
                                             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    LIAISON_SUGGESTION_SELECT " WHERE g.reception_id = ? AND g.deleted = 0 ORDER BY g.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) liaison_store_read_suggestion, (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}
