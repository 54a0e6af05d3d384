/* liaison-sync-engine-pull.c: pulling: pages from the checkpoint on, each
 * change checked against the wire schema (once: the store does not check
 * again) and the page written. */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-protocol.h"
#include "liaison-pull-page.h"
#include "liaison-store-quarantine.h"
#include "liaison-sync-engine-private.h"
#include "liaison-sync-own-seqs.h"
#include "liaison-wire-schema.h"

/* A change of a page that does not follow the protocol is set aside into
 * @set_aside and taken out of the page; FALSE if it was. */
static gboolean
accept_change (JsonArray *changes,
               guint      index,
               GPtrArray *set_aside)
{
  JsonNode *element = json_array_get_element (changes, index);
  g_autoptr(GError) record_error = NULL;
  g_autofree char *reason = NULL;

  if (JSON_NODE_HOLDS_OBJECT (element) &&
      liaison_wire_check_record (json_node_get_object (element), &record_error))
    {
      liaison_wire_normalize_record (json_node_get_object (element));
      return TRUE;
    }
  /* Translators: why a change from headquarters was set aside; %s is the technical reason, in English */
  reason = g_strdup_printf (_("It does not follow the sync protocol (%s)."),
                            record_error != NULL ? record_error->message : "not an object");
  g_ptr_array_add (set_aside, liaison_quarantined_new_node (element, reason));
  json_array_remove_element (changes, index);
  return FALSE;
}

static gboolean
check_pull_answer (JsonNode   *root,
                   gint64      since,
                   GPtrArray  *set_aside,
                   JsonArray **changes_out,
                   gint64     *last_seq_out,
                   gboolean   *more_out,
                   GError    **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *changes_node = json_object_get_member (object, "changes");
  JsonNode *last_seq_node = json_object_get_member (object, "last_seq");
  JsonNode *more_node = json_object_get_member (object, "more");
  JsonArray *changes;
  gint64 last_seq;

  if (changes_node == NULL || !JSON_NODE_HOLDS_ARRAY (changes_node) ||
      last_seq_node == NULL || json_node_get_value_type (last_seq_node) != G_TYPE_INT64 ||
      more_node == NULL || json_node_get_value_type (more_node) != G_TYPE_BOOLEAN)
    {
      liaison_sync_engine_set_bad_answer (error, "a pull page needs changes, last_seq and more");
      return FALSE;
    }
  changes = json_node_get_array (changes_node);
  last_seq = json_node_get_int (last_seq_node);
  if (last_seq < since)
    {
      liaison_sync_engine_set_bad_answer (error, "last_seq went backwards");
      return FALSE;
    }
  /* A page that says "more" but moves nowhere would loop forever. */
  if (json_node_get_boolean (more_node) && last_seq == since)
    {
      liaison_sync_engine_set_bad_answer (error, "more pages promised but last_seq did not move");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonNode *element;
      JsonNode *seq;

      while (i < json_array_get_length (changes) && !accept_change (changes, i, set_aside))
        ;
      if (i == json_array_get_length (changes))
        break;
      element = json_array_get_element (changes, i);
      seq = json_object_get_member (json_node_get_object (element), "seq");
      if (seq == NULL || json_node_get_value_type (seq) != G_TYPE_INT64 ||
          json_node_get_int (seq) <= since || json_node_get_int (seq) > last_seq)
        {
          liaison_sync_engine_set_bad_answer (error, "a change's seq is outside the page");
          return FALSE;
        }
    }
  *changes_out = changes;
  *last_seq_out = last_seq;
  *more_out = json_node_get_boolean (more_node);
  return TRUE;
}

/* A page as read in a thread: its answer parsed and checked, ready to be
 * written. */
typedef struct _PullPage {
  GBytes *bytes;            /* the body as received */
  gint64 since;
  JsonNode *root;
  JsonArray *changes;       /* in @root */
  gint64 last_seq;
  gboolean more;
  GPtrArray *set_aside;     /* LiaisonQuarantined * */
  GError *error;
} Page;

void
liaison_sync_engine_pull_page_free (Page *page)
{
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->root, json_node_unref);
  g_clear_pointer (&page->set_aside, g_ptr_array_unref);
  g_clear_error (&page->error);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, liaison_sync_engine_pull_page_free)

/* Pages smaller than this are read where they arrive: a thread's round
 * trip would only add to a sync with little or nothing to bring. */
#define READ_IN_THREAD_BYTES (64 * 1024)

/* What json-glib and the wire schema make of a page, which is most of
 * what a pull costs besides writing: it touches no state, so a thread may
 * do it. */
static void
read_page (Page *page)
{
  g_autoptr(GBytes) readable = liaison_pull_page_take_invalid (page->bytes, page->set_aside);

  page->root = liaison_sync_engine_parse_answer (readable != NULL ? readable : page->bytes, &page->error);
  if (page->root != NULL &&
      !check_pull_answer (page->root, page->since, page->set_aside, &page->changes, &page->last_seq,
                          &page->more, &page->error))
    g_clear_pointer (&page->root, json_node_unref);
}

static void
read_page_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  read_page (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
free_page_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  liaison_sync_engine_pull_page_free (task_data);
  g_task_return_boolean (task, TRUE);
}

/* A page written: its tree goes in a thread too (a twentieth of the
 * writing), nothing here holds on to it. */
static void
free_page_later (Page *page)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, page, NULL);
  g_task_run_in_thread (task, free_page_thread);
}

static void request_page (SyncOp *op,
                          gint64  since);

/* Writes @page with its checkpoint, in one transaction. */
static gboolean
write_page (SyncOp  *op,
            Page    *page,
            GError **error)
{
  LiaisonSyncEngine *self = op->self;
  g_autoptr(GError) store_error = NULL;

  self->pulled_records += json_array_get_length (page->changes);
  /* A page that promises more is a backlog: its pages are written with a
   * larger cache, until the last (or the sync's end) puts it back. */
  if (page->more)
    liaison_store_set_bulk_writes (self->store, TRUE);
  if (!liaison_store_apply_pulled_page (self->store, page->changes, page->set_aside, page->last_seq, &op->counts,
                                        &store_error))
    {
      *error = liaison_sync_engine_answer_error_from_store (store_error);
      return FALSE;
    }
  liaison_sync_engine_set_progress (self, op->counts.sent, op->counts.received);
  return TRUE;
}

/* @page has been read: written now if it is the last, else kept to be
 * written while the next one is read. */
static void
take_page (SyncOp *op,
           Page   *page_in)
{
  g_autoptr(Page) page = page_in;
  GError *error = NULL;

  /* The page before this one could not be written: that is the error. */
  if (op->pull_error != NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&op->pull_error));
      return;
    }
  if (page->root == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&page->error));
      return;
    }
  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  if (!page->more)
    {
      if (!write_page (op, page, &error))
        {
          liaison_sync_engine_finish_sync (op, error);
          return;
        }
      liaison_store_set_bulk_writes (op->self->store, FALSE);
      liaison_sync_engine_fetch_attachments (op);
      return;
    }
  /* More: ask for the next page now, and write this one when the next
   * one's bytes are here and being read in a thread (pull_done()). */
  op->ready = g_steal_pointer (&page);
  request_page (op, op->ready->last_seq);
}

static void
page_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncOp *op = user_data;

  take_page (op, g_steal_pointer (&op->reading));
}

static void
pull_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncOp *op = user_data;
  LiaisonSyncEngine *self = op->self;
  GError *send_error = NULL;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Page) ready = g_steal_pointer (&op->ready);
  g_autoptr(GTask) task = NULL;
  Page *page;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  if (!liaison_sync_engine_check_answer (self, op->message, bytes, send_error, &error))
    {
      g_clear_object (&op->message);
      /* The page before was read: it is written all the same, so that the
       * next sync resumes after it. */
      if (ready != NULL)
        {
          GError *write_error = NULL;

          if (!write_page (op, ready, &write_error))
            g_clear_error (&write_error);
        }
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  g_clear_object (&op->message);
  self->pulled_bytes += bytes != NULL ? g_bytes_get_size (bytes) : 0;

  page = g_new0 (Page, 1);
  page->bytes = bytes != NULL ? g_bytes_ref (bytes) : g_bytes_new (NULL, 0);
  page->since = op->since;
  page->set_aside = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_quarantined_free);
  if (g_bytes_get_size (page->bytes) >= READ_IN_THREAD_BYTES)
    {
      op->reading = page;
      task = g_task_new (NULL, NULL, page_read, op);
      g_task_set_task_data (task, page, NULL);
      g_task_run_in_thread (task, read_page_thread);
    }
  else
    read_page (page);

  /* While this page is read, the one before it is written; if that
   * fails, take_page() says so. */
  if (ready != NULL && write_page (op, ready, &op->pull_error))
    free_page_later (g_steal_pointer (&ready));
  if (op->reading == NULL)
    take_page (op, page);
}

static void
request_page (SyncOp *op,
              gint64  since)
{
  LiaisonSyncEngine *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *skip = NULL;

  op->since = since;
  /* The changes this replica's pushes wrote are here already. */
  skip = liaison_sync_own_seqs_for_pull (self->store, op->since);
  path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT "&limit=%d%s%s",
                          op->since, LIAISON_MAX_PULL_LIMIT,
                          skip != NULL ? "&skip=" : "", skip != NULL ? skip : "");
  op->message = liaison_sync_engine_new_request (SOUP_METHOD_GET, op->base_url, path, op->token, NULL, &error);
  if (op->message == NULL)
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  soup_session_send_and_read_async (self->session, op->message, G_PRIORITY_DEFAULT,
                                    op->cancellable, pull_done, op);
}

/* Pulls page after page from the checkpoint. One page is read (parsed and
 * checked) in a thread while the page before it is written here, and the
 * next is asked for as soon as that one has been read: each page is still
 * written with its checkpoint in its own transaction, in order, so a cut
 * resumes after the last page written. */
void
liaison_sync_engine_pull_next (SyncOp *op)
{
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, &error))
    {
      liaison_sync_engine_finish_sync (op, g_steal_pointer (&error));
      return;
    }
  request_page (op, liaison_store_get_checkpoint (op->self->store));
}
