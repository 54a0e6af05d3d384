/* liaison-store-receptions.c: writing, reading and deleting receptions, and
 * listing them through a filter and a search. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-attachments.h"
#include "liaison-store-private.h"
#include "liaison-store-reception-files.h"
#include "liaison-store-search.h"
#include "liaison-validate.h"

static gboolean
write_reception_children (LiaisonStore      *self,
                          LiaisonReception  *reception,
                          GError           **error)
{
  if (!liaison_store_replace_visitors (self, reception->meta.id, reception->visitors, error) ||
      !liaison_store_add_reception_deputies (self, reception->meta.id, reception->deputy_ids,
                                             _("Could not save the reception"), error))
    return FALSE;

  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);

      suggestion->reception_id = reception->meta.id;
      if (suggestion->station_id == 0)
        suggestion->station_id = reception->station_id;
      if (!liaison_store_write_suggestion (self, suggestion, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
liaison_store_save_reception (LiaisonStore      *self,
                              LiaisonReception  *reception,
                              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *people = NULL;
  g_autofree char *received_at = NULL;
  LiaisonRecordMeta saved_meta = reception->meta;
  g_autoptr(GArray) saved_suggestions = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  gboolean is_new = reception->meta.id == 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_store_resolve_station (self, &reception->station_id, error))
    return FALSE;
  problems = liaison_reception_check (reception, now);
  if (!liaison_field_errors_to_error (problems, error))
    return FALSE;

  /* Store one spelling of the time, so that ranges and sorting agree. */
  received_at = liaison_normalize_datetime (reception->received_at);
  g_free (reception->received_at);
  reception->received_at = g_steal_pointer (&received_at);
  people = liaison_store_visitors_text (reception);
  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
      gint64 id_and_version[2] = { suggestion->meta.id, suggestion->meta.version };

      g_array_append_vals (saved_suggestions, id_and_version, 1);
    }

  if (!liaison_store_begin (self, error))
    return FALSE;

  /* The meta is rewritten only once the write has succeeded. */
  reception->meta.uuid = g_strdup (saved_meta.uuid);
  reception->meta.updated_at = g_strdup (saved_meta.updated_at);
  reception->meta.origin_station_uuid = g_strdup (saved_meta.origin_station_uuid);
  reception->meta.sync_error = g_strdup (saved_meta.sync_error);
  stmt = liaison_store_begin_record_write (self, &reception->meta,
    "INSERT INTO receptions (uuid, version, updated_at, origin_station_uuid, sync_state,"
    " received_at, station_id, channel, category_id, summary, handled_on_spot, handling,"
    " visitors_text, place, occasion, search_held)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15, ?16, 1)",
    "UPDATE receptions SET version = ?2, updated_at = ?3, sync_state = ?5, sync_error = NULL,"
    " received_at = ?6, station_id = ?7, channel = ?8, category_id = ?9, summary = ?10,"
    " handled_on_spot = ?11, handling = ?12, visitors_text = ?13, place = ?15, occasion = ?16,"
    " search_held = 1"
    " WHERE id = ?14 AND deleted = 0", error);
  if (stmt == NULL)
    goto failed;
  liaison_store_bind_text (stmt, 6, reception->received_at);
  sqlite3_bind_int64 (stmt, 7, reception->station_id);
  sqlite3_bind_text (stmt, 8, liaison_channel_to_code (reception->channel), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, reception->category_id);
  liaison_store_bind_text (stmt, 10, reception->summary);
  sqlite3_bind_int (stmt, 11, reception->handled_on_spot ? 1 : 0);
  liaison_store_bind_text (stmt, 12, reception->handling);
  liaison_store_bind_text (stmt, 13, people);
  liaison_store_bind_text (stmt, 15, reception->place);
  liaison_store_bind_text (stmt, 16, reception->occasion);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 14, reception->meta.id);
  if (!liaison_store_end_record_write (self, stmt, &reception->meta, is_new, _("Could not save the reception"),
                         _("The reception was deleted meanwhile; it was not saved."),
                         _("The category or the station of the reception does not exist."), error))
    goto failed;

  /* Indexed once, with its visitors and deputies (liaison-store-search.c). */
  if (!write_reception_children (self, reception, error) ||
      (reception->files != NULL &&
       !liaison_store_write_reception_files (self, reception->meta.id, reception->files, dropped, error)) ||
      !liaison_store_search_release (self, reception->meta.id, error))
    goto failed;

  if (!liaison_store_commit (self, error))
    goto restore;

  /* A file taken off the reception goes from the disk too, unless
   * something else lists it; the files added are in the store now. */
  liaison_store_forget_unlisted_attachments (self, dropped);
  for (guint i = 0; reception->files != NULL && i < reception->files->len; i++)
    g_clear_pointer (&((LiaisonReceptionFile *) g_ptr_array_index (reception->files, i))->bytes, g_bytes_unref);

  g_free (saved_meta.uuid);
  g_free (saved_meta.updated_at);
  g_free (saved_meta.origin_station_uuid);
  g_free (saved_meta.sync_error);
  liaison_store_emit_changed (self, "receptions");
  return TRUE;

failed:
  liaison_store_rollback (self);
restore:
  /* The bytes of new files written before the rollback are listed by
   * nothing now. */
  g_ptr_array_set_size (dropped, 0);
  for (guint i = 0; reception->files != NULL && i < reception->files->len; i++)
    {
      const LiaisonReceptionFile *file = g_ptr_array_index (reception->files, i);

      if (file->bytes != NULL)
        g_ptr_array_add (dropped, g_strdup (file->sha256));
    }
  liaison_store_forget_unlisted_attachments (self, dropped);
  g_free (reception->meta.uuid);
  g_free (reception->meta.updated_at);
  g_free (reception->meta.origin_station_uuid);
  g_free (reception->meta.sync_error);
  reception->meta = saved_meta;
  /* Nothing was written, so inline suggestions are as new as they were. */
  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
      const gint64 *id_and_version = &g_array_index (saved_suggestions, gint64, 2 * i);

      suggestion->meta.id = id_and_version[0];
      suggestion->meta.version = id_and_version[1];
    }
  return FALSE;
}

gpointer
liaison_store_read_reception (sqlite3_stmt *stmt)
{
  LiaisonReception *reception = liaison_reception_new ();
  int c = LIAISON_RECORD_SELECT_COLUMNS;

  liaison_store_read_record_meta (stmt, 0, &reception->meta);
  reception->received_at = liaison_db_column_text (stmt, c);
  reception->station_id = sqlite3_column_int64 (stmt, c + 1);
  liaison_channel_from_code ((const char *) sqlite3_column_text (stmt, c + 2), &reception->channel);
  reception->category_id = sqlite3_column_int64 (stmt, c + 3);
  reception->summary = liaison_db_column_text (stmt, c + 4);
  reception->handled_on_spot = sqlite3_column_int (stmt, c + 5) != 0;
  reception->handling = liaison_db_column_text (stmt, c + 6);
  reception->category_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                                   (const char *) sqlite3_column_text (stmt, c + 7)));
  reception->station_name = liaison_db_column_text (stmt, c + 8);
  reception->deputy_names = liaison_db_column_text (stmt, c + 9);
  if (sqlite3_column_type (stmt, c + 10) != SQLITE_NULL)
    g_ptr_array_add (reception->visitors, liaison_store_read_visitor (stmt, c + 10));
  reception->place = liaison_db_column_text (stmt, c + 15);
  reception->occasion = liaison_db_column_text (stmt, c + 16);
  return reception;
}

gboolean
liaison_store_read_reception_children (LiaisonStore      *self,
                                       LiaisonReception  *reception,
                                       GError           **error)
{
  g_ptr_array_set_size (reception->visitors, 0);
  if (!liaison_store_read_reception_visitors (self, reception->meta.id, reception->visitors, error) ||
      !liaison_store_read_reception_deputy_ids (self, reception->meta.id, reception->deputy_ids, error))
    return FALSE;

  {
    g_autoptr(GPtrArray) suggestions = liaison_store_list_suggestions_of_reception (self, reception->meta.id, error);

    if (suggestions == NULL)
      return FALSE;
    g_ptr_array_unref (reception->suggestions);
    reception->suggestions = g_steal_pointer (&suggestions);
  }
  g_clear_pointer (&reception->files, g_ptr_array_unref);
  reception->files = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  return liaison_store_read_reception_files (self, reception->meta.id, reception->files, error);
}

LiaisonReception *
liaison_store_get_reception (LiaisonStore  *self,
                             gint64         id,
                             GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, LIAISON_RECEPTION_SELECT " WHERE r.id = ?", error);
  g_autoptr(LiaisonReception) reception = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reception = liaison_store_read_reception (stmt);
  sqlite3_reset (stmt);
  if (reception == NULL || reception->meta.deleted)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no reception number %lld."), (long long) id);
      return NULL;
    }
  if (!liaison_store_read_reception_children (self, reception, error))
    return NULL;
  return g_steal_pointer (&reception);
}

gint64
liaison_store_find_reception_by_uuid (LiaisonStore *self,
                                      const char   *uuid)
{
  return liaison_store_find_id (self, "SELECT id FROM receptions WHERE uuid = ? AND deleted = 0", uuid);
}

gboolean
liaison_store_delete_reception (LiaisonStore  *self,
                                gint64         id,
                                GError       **error)
{
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "UPDATE receptions SET deleted = 1, version = version + 1, updated_at = ?,"
    " sync_state = 1, sync_error = NULL WHERE id = ? AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, _("Could not delete the reception"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (liaison_store_get_handle (self)) != 1)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no reception number %lld."), (long long) id);
      return FALSE;
    }
  liaison_store_emit_changed (self, "receptions");
  return TRUE;
}

void
liaison_reception_filter_clear (LiaisonReceptionFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->from_date, g_free);
  g_clear_pointer (&filter->to_date, g_free);
  g_clear_pointer (&filter->place, g_free);
  filter->mobile_desk = FALSE;
  filter->deputy_id = 0;
  filter->category_id = 0;
  filter->station_id = 0;
}

/* The WHERE clause for @filter. It is made only of fixed pieces; every
 * value is bound by name (:search, :from, :to, :deputy, :category, :station,
 * :place). */
static char *
reception_where (const LiaisonReceptionFilter *filter,
                 const char                   *search)
{
  GString *where = g_string_new (" WHERE r.deleted = 0");

  if (filter != NULL && filter->from_date != NULL && *filter->from_date)
    g_string_append (where, " AND r.received_at >= :from");
  if (filter != NULL && filter->to_date != NULL && *filter->to_date)
    g_string_append (where, " AND r.received_at < :to");
  if (filter != NULL && filter->category_id > 0)
    g_string_append (where, " AND r.category_id = :category");
  if (filter != NULL && filter->station_id > 0)
    g_string_append (where, " AND r.station_id = :station");
  if (filter != NULL && filter->mobile_desk)
    g_string_append (where, " AND r.channel = 'mobile_desk'");
  if (filter != NULL && filter->place != NULL && *filter->place)
    g_string_append (where, " AND (r.place LIKE :place ESCAPE '\\' OR r.occasion LIKE :place ESCAPE '\\')");
  if (filter != NULL && filter->deputy_id > 0)
    g_string_append (where, " AND r.id IN (SELECT reception_id FROM reception_deputies"
                            " WHERE deputy_id = :deputy)");
  if (search != NULL && *search)
    liaison_store_search_append_receptions (where, search);
  return g_string_free (where, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_reception_filter (sqlite3_stmt                 *stmt,
                       const LiaisonReceptionFilter *filter,
                       const char                   *search)
{
  if (filter == NULL)
    return;
  if (filter->from_date != NULL && *filter->from_date)
    bind_named (stmt, ":from", filter->from_date);
  if (filter->to_date != NULL && *filter->to_date)
    {
      /* Inclusive: everything before the next day. */
      g_autofree char *to = g_strconcat (filter->to_date, "\x7f", NULL);
      bind_named (stmt, ":to", to);
    }
  bind_named_int (stmt, ":category", filter->category_id);
  bind_named_int (stmt, ":deputy", filter->deputy_id);
  bind_named_int (stmt, ":station", filter->station_id);
  if (filter->place != NULL && *filter->place)
    {
      g_autofree char *place = g_strstrip (g_strdup (filter->place));
      int index = sqlite3_bind_parameter_index (stmt, ":place");

      if (index > 0)
        sqlite3_bind_text (stmt, index, liaison_store_like_pattern (place), -1, g_free);
    }
  if (search != NULL && *search)
    liaison_store_search_bind_receptions (stmt, search);
}

static gboolean
filter_is_search_only (const LiaisonReceptionFilter *filter)
{
  return filter == NULL ||
         ((filter->from_date == NULL || *filter->from_date == '\0') &&
          (filter->to_date == NULL || *filter->to_date == '\0') &&
          filter->category_id <= 0 && filter->deputy_id <= 0 && filter->station_id <= 0 &&
          !filter->mobile_desk && (filter->place == NULL || *filter->place == '\0'));
}

guint
liaison_store_count_receptions (LiaisonStore                 *self,
                                const LiaisonReceptionFilter *filter,
                                GError                      **error)
{
  g_autofree char *search = liaison_store_search_normalize (filter ? filter->search : NULL);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  /* The two counts a clerk waits for most, the whole list and a plain
   * search, come from the trigger-kept total and the search index alone. */
  if (filter_is_search_only (filter) && (search == NULL || *search == '\0'))
    sql = g_strdup ("SELECT live FROM reception_totals");
  else if (filter_is_search_only (filter) && liaison_store_search_index_only (search))
    sql = g_strdup (LIAISON_STORE_SEARCH_COUNT_RECEPTIONS);
  else
    {
      where = reception_where (filter, search);
      sql = g_strconcat ("SELECT count(*) FROM receptions r", where, NULL);
    }

  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  bind_reception_filter (stmt, filter, search);
  return liaison_store_step_count (self, stmt, _("Could not count the receptions"), error);
}

/* With this many matches or more, a search page is found faster by walking
 * the time index newest first and keeping the matches than by sorting every
 * match: at a few percent of a million rows the first page is ~10 ms either
 * way round, instead of ~50 ms for the sort. */
#define DENSE_SEARCH_MATCHES 2000

/* @n_matches: how many rows the filter matches, when the caller knows
 * (0 if not); it only chooses the query plan. */
GPtrArray *
liaison_store_list_reception_page (LiaisonStore                 *self,
                                   const LiaisonReceptionFilter *filter,
                                   guint                         offset,
                                   guint                         limit,
                                   gboolean                      oldest_first,
                                   guint                         n_matches,
                                   GError                      **error)
{
  g_autofree char *search = liaison_store_search_normalize (filter ? filter->search : NULL);
  g_autofree char *where = reception_where (filter, search);
  const char *order = oldest_first
                        ? " ORDER BY r.received_at, r.id"
                        : " ORDER BY r.received_at DESC, r.id DESC";
  /* The page's ids first, from the index alone; the joins and the
   * deputies' names are then read for the page's rows only, not for every
   * row sorted or skipped by the OFFSET (seconds on a million rows). */
  gboolean walk_time_index = search != NULL && liaison_store_search_uses_index (search) &&
                             n_matches >= DENSE_SEARCH_MATCHES;
  g_autofree char *sql = g_strconcat (LIAISON_RECEPTION_SELECT,
                                      " WHERE r.id IN (SELECT r.id FROM receptions r",
                                      walk_time_index ? " INDEXED BY receptions_by_time" : "",
                                      where, order,
                                      " LIMIT :limit OFFSET :offset)", order, NULL);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  bind_reception_filter (stmt, filter, search);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);

  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) liaison_store_read_reception, (GDestroyNotify) liaison_reception_free,
                                     _("Could not read the receptions"), error);
}

GPtrArray *
liaison_store_list_receptions (LiaisonStore                 *self,
                               const LiaisonReceptionFilter *filter,
                               guint                         offset,
                               guint                         limit,
                               GError                      **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return liaison_store_list_reception_page (self, filter, offset, limit, FALSE, 0, error);
}

GPtrArray *
liaison_store_list_receptions_between (LiaisonStore  *self,
                                       const char    *from_date,
                                       const char    *to_date,
                                       GError       **error)
{
  LiaisonReceptionFilter filter = {
    .from_date = (char *) from_date,
    .to_date = (char *) to_date,
  };
  g_autoptr(GPtrArray) receptions = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  receptions = liaison_store_list_reception_page (self, &filter, 0, G_MAXINT, TRUE, 0, error);
  if (receptions == NULL)
    return NULL;
  for (guint i = 0; i < receptions->len; i++)
    if (!liaison_store_read_reception_children (self, g_ptr_array_index (receptions, i), error))
      return NULL;
  return g_steal_pointer (&receptions);
}
