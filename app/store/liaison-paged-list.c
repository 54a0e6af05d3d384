/* liaison-paged-list.c: a GListModel over pages read on demand. */
#define G_LOG_DOMAIN "liaison-paged-list"

#include "config.h"

#include "liaison-paged-list.h"

/* Enough to cover a tall window and a fast scroll back, small enough that
 * a million-row list stays a few hundred objects. */
#define MAX_CACHED_PAGES 8

struct _LiaisonPagedList
{
  GObject parent_instance;

  GType                 item_type;
  LiaisonPageCountFunc  count_func;
  LiaisonPageFetchFunc  fetch_func;
  gpointer              user_data;
  GDestroyNotify        user_data_free;

  guint                 n_items;
  /* owned: page number -> GPtrArray of items */
  GHashTable           *pages;
  /* page numbers, most recently used first */
  GQueue                recent;
  GError               *error;
};

static void liaison_paged_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonPagedList, liaison_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      liaison_paged_list_model_init))

static GType
liaison_paged_list_get_item_type (GListModel *model)
{
  return LIAISON_PAGED_LIST (model)->item_type;
}

static guint
liaison_paged_list_get_n_items (GListModel *model)
{
  return LIAISON_PAGED_LIST (model)->n_items;
}

static void
touch_page (LiaisonPagedList *self,
            guint             page)
{
  GList *link = g_queue_find (&self->recent, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->recent, link);
  else
    link = g_list_alloc ();
  link->data = GUINT_TO_POINTER (page);
  g_queue_push_head_link (&self->recent, link);

  while (self->recent.length > MAX_CACHED_PAGES)
    {
      guint oldest = GPOINTER_TO_UINT (g_queue_pop_tail (&self->recent));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest));
    }
}

static gpointer
liaison_paged_list_get_item (GListModel *model,
                             guint       position)
{
  LiaisonPagedList *self = LIAISON_PAGED_LIST (model);
  guint page = position / LIAISON_PAGED_LIST_PAGE_SIZE;
  guint index = position % LIAISON_PAGED_LIST_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      g_autoptr(GError) error = NULL;

      items = self->fetch_func (self->user_data,
                                page * LIAISON_PAGED_LIST_PAGE_SIZE,
                                LIAISON_PAGED_LIST_PAGE_SIZE,
                                self->n_items,
                                &error);
      if (items == NULL)
        {
          g_warning ("Could not read the list: %s", error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  touch_page (self, page);

  /* Rows may vanish between the count and the read; report what is there. */
  if (index >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, index));
}

static void
liaison_paged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = liaison_paged_list_get_item_type;
  iface->get_n_items = liaison_paged_list_get_n_items;
  iface->get_item = liaison_paged_list_get_item;
}

static void
liaison_paged_list_finalize (GObject *object)
{
  LiaisonPagedList *self = LIAISON_PAGED_LIST (object);

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->recent);
  g_clear_error (&self->error);
  if (self->user_data_free != NULL)
    self->user_data_free (self->user_data);

  G_OBJECT_CLASS (liaison_paged_list_parent_class)->finalize (object);
}

static void
liaison_paged_list_class_init (LiaisonPagedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_paged_list_finalize;
}

static void
liaison_paged_list_init (LiaisonPagedList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

static guint
count_items (LiaisonPagedList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = self->count_func (self->user_data, &error);

  g_clear_error (&self->error);
  if (error != NULL)
    {
      g_warning ("Could not count the list: %s", error->message);
      self->error = g_steal_pointer (&error);
      return 0;
    }
  return n;
}

LiaisonPagedList *
liaison_paged_list_new (GType                 item_type,
                        LiaisonPageCountFunc  count_func,
                        LiaisonPageFetchFunc  fetch_func,
                        gpointer              user_data,
                        GDestroyNotify        user_data_free)
{
  LiaisonPagedList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (count_func != NULL && fetch_func != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_PAGED_LIST, NULL);
  self->item_type = item_type;
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->user_data = user_data;
  self->user_data_free = user_data_free;
  self->n_items = count_items (self);
  return self;
}

void
liaison_paged_list_reload (LiaisonPagedList *self)
{
  guint old_n_items;

  g_return_if_fail (LIAISON_IS_PAGED_LIST (self));

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  self->n_items = count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

const GError *
liaison_paged_list_get_error (LiaisonPagedList *self)
{
  g_return_val_if_fail (LIAISON_IS_PAGED_LIST (self), NULL);
  return self->error;
}
