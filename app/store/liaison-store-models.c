/* liaison-store-models.c: the paged list models of receptions and suggestions. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-reception-item.h"
#include "liaison-store-private.h"
#include "liaison-store-search.h"
#include "liaison-suggestion-item.h"

/* The list models */

typedef struct {
  LiaisonStore           *store;
  LiaisonReceptionFilter  filter;
} ReceptionSource;

static void
reception_source_free (gpointer data)
{
  ReceptionSource *source = data;

  g_object_unref (source->store);
  liaison_reception_filter_clear (&source->filter);
  g_free (source);
}

static guint
reception_source_count (gpointer   user_data,
                        GError   **error)
{
  ReceptionSource *source = user_data;

  return liaison_store_count_receptions (source->store, &source->filter, error);
}

static GPtrArray *
wrap_receptions (GPtrArray  *receptions,
                 gboolean    reverse,
                 const char *search)
{
  GPtrArray *items = g_ptr_array_new_full (receptions->len, g_object_unref);

  /* Hand each record over to its item. */
  g_ptr_array_set_free_func (receptions, NULL);
  for (guint i = 0; i < receptions->len; i++)
    {
      guint from = reverse ? receptions->len - 1 - i : i;
      LiaisonReceptionItem *item = liaison_reception_item_new (g_ptr_array_index (receptions, from));

      liaison_reception_item_set_search (item, search);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_unref (receptions);
  return items;
}

static GPtrArray *
reception_source_fetch (gpointer   user_data,
                        guint      offset,
                        guint      limit,
                        guint      n_items,
                        GError   **error)
{
  ReceptionSource *source = user_data;
  GPtrArray *receptions;
  gboolean from_end = offset > n_items / 2;

  if (from_end)
    {
      /* Read the far half of the list backwards: an OFFSET near the end of
       * a million rows would step over nearly all of them. */
      guint end = MIN (offset + limit, n_items);
      receptions = liaison_store_list_reception_page (source->store, &source->filter,
                                    n_items - end, end - offset, TRUE, n_items, error);
    }
  else
    receptions = liaison_store_list_reception_page (source->store, &source->filter, offset, limit, FALSE, n_items, error);

  if (receptions == NULL)
    return NULL;
  /* A search may have found any visitor: the row says which. */
  if (source->filter.search != NULL && *source->filter.search &&
      !liaison_store_search_read_visitors (source->store, receptions, error))
    {
      g_ptr_array_unref (receptions);
      return NULL;
    }
  return wrap_receptions (receptions, from_end, source->filter.search);
}

static void
reload_model (LiaisonStore     *store,
              const char       *table,
              LiaisonPagedList *model)
{
  liaison_paged_list_reload (model);
}

LiaisonPagedList *
liaison_store_new_reception_model (LiaisonStore                 *self,
                                   const LiaisonReceptionFilter *filter)
{
  ReceptionSource *source = g_new0 (ReceptionSource, 1);
  LiaisonPagedList *model;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  source->store = g_object_ref (self);
  if (filter != NULL)
    {
      source->filter.search = g_strdup (filter->search);
      source->filter.from_date = g_strdup (filter->from_date);
      source->filter.to_date = g_strdup (filter->to_date);
      source->filter.deputy_id = filter->deputy_id;
      source->filter.category_id = filter->category_id;
      source->filter.station_id = filter->station_id;
      source->filter.mobile_desk = filter->mobile_desk;
      source->filter.place = g_strdup (filter->place);
    }
  model = liaison_paged_list_new (LIAISON_TYPE_RECEPTION_ITEM,
                                  reception_source_count, reception_source_fetch,
                                  source, reception_source_free);
  g_signal_connect_object (self, "changed::receptions", G_CALLBACK (reload_model), model, 0);
  g_signal_connect_object (self, "changed::deputies", G_CALLBACK (reload_model), model, 0);
  return model;
}

typedef struct {
  LiaisonStore *store;
  char         *search;
} SuggestionSource;

static void
suggestion_source_free (gpointer data)
{
  SuggestionSource *source = data;

  g_object_unref (source->store);
  g_free (source->search);
  g_free (source);
}

static guint
suggestion_source_count (gpointer   user_data,
                         GError   **error)
{
  SuggestionSource *source = user_data;

  return liaison_store_count_suggestions (source->store, source->search, error);
}

static GPtrArray *
suggestion_source_fetch (gpointer   user_data,
                         guint      offset,
                         guint      limit,
                         guint      n_items,
                         GError   **error)
{
  SuggestionSource *source = user_data;
  g_autoptr(GPtrArray) suggestions = liaison_store_list_suggestions (source->store, source->search,
                                                                     offset, limit, error);
  GPtrArray *items;

  if (suggestions == NULL)
    return NULL;
  items = g_ptr_array_new_full (suggestions->len, g_object_unref);
  g_ptr_array_set_free_func (suggestions, NULL);
  for (guint i = 0; i < suggestions->len; i++)
    {
      LiaisonSuggestionItem *item = liaison_suggestion_item_new (g_ptr_array_index (suggestions, i));

      liaison_suggestion_item_set_search (item, source->search);
      g_ptr_array_add (items, item);
    }
  return items;
}

guint
liaison_store_suggestion_position (LiaisonStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  sqlite3_stmt *stmt;
  guint position = G_MAXUINT;
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), G_MAXUINT);

  /* The rows before it in the list's own order, counted on its index. */
  stmt = liaison_store_prepare (self,
    "SELECT (SELECT count(*) FROM suggestions g WHERE g.deleted = 0 AND"
    " (g.created_at > s.created_at OR (g.created_at = s.created_at AND g.id > s.id)))"
    " FROM suggestions s WHERE s.id = ?1 AND s.deleted = 0", error);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = (guint) sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    liaison_store_set_error (self, error, _("Could not find the suggestion in the list"));
  sqlite3_reset (stmt);
  return position;
}

LiaisonPagedList *
liaison_store_new_suggestion_model (LiaisonStore *self,
                                    const char   *search)
{
  SuggestionSource *source = g_new0 (SuggestionSource, 1);
  LiaisonPagedList *model;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  source->store = g_object_ref (self);
  source->search = g_strdup (search);
  model = liaison_paged_list_new (LIAISON_TYPE_SUGGESTION_ITEM,
                                  suggestion_source_count, suggestion_source_fetch,
                                  source, suggestion_source_free);
  g_signal_connect_object (self, "changed::suggestions", G_CALLBACK (reload_model), model, 0);
  g_signal_connect_object (self, "changed::receptions", G_CALLBACK (reload_model), model, 0);
  return model;
}

