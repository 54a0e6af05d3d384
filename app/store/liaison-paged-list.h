/* liaison-paged-list.h: a GListModel that reads its items a page at a time.
 *
 * The list never holds every row: it asks its source for the count, and
 * for a page of items when one is first looked at, and keeps a few pages.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns the number of items, or sets @error. */
typedef guint      (*LiaisonPageCountFunc) (gpointer   user_data,
                                            GError   **error);
/* Returns up to @limit GObjects of the list's item type starting at
 * @offset. @n_items is the current count, so a source can read the far end
 * of a long list backwards instead of skipping over it. */
typedef GPtrArray *(*LiaisonPageFetchFunc) (gpointer   user_data,
                                            guint      offset,
                                            guint      limit,
                                            guint      n_items,
                                            GError   **error);

#define LIAISON_TYPE_PAGED_LIST (liaison_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPagedList, liaison_paged_list, LIAISON, PAGED_LIST, GObject)

#define LIAISON_PAGED_LIST_PAGE_SIZE 100

LiaisonPagedList *liaison_paged_list_new    (GType                 item_type,
                                             LiaisonPageCountFunc  count_func,
                                             LiaisonPageFetchFunc  fetch_func,
                                             gpointer              user_data,
                                             GDestroyNotify        user_data_free);
/* Drops the pages it holds, counts again and says so with items-changed. */
void              liaison_paged_list_reload (LiaisonPagedList     *self);
/* The error of the last failed read, if any: shown by the UI. */
const GError     *liaison_paged_list_get_error (LiaisonPagedList  *self);

G_END_DECLS
