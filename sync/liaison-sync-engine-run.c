/* liaison-sync-engine-run.c: one sync's run: the operation shared by everyone
 * who asked, its start (the key loaded in a thread), its end, and
 * liaison_sync_engine_sync_async(). */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-protocol.h"
#include "liaison-store-purge.h"
#include "liaison-sync-engine-private.h"
#include "liaison-token-store.h"

static void
sync_op_free (SyncOp *op)
{
  if (op->caller_cancellable != NULL)
    g_cancellable_disconnect (op->caller_cancellable, op->cancelled_id);
  g_clear_object (&op->caller_cancellable);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->ready, liaison_sync_engine_pull_page_free);
  g_clear_error (&op->pull_error);
  g_clear_object (&op->message);
  g_clear_pointer (&op->base_url, g_free);
  if (op->token != NULL)
    memset (op->token, 0, strlen (op->token));
  g_clear_pointer (&op->token, g_free);
  g_clear_pointer (&op->pushed, g_ptr_array_unref);
  liaison_sync_engine_push_drop_ahead (op);
  g_clear_pointer (&op->attachments, g_ptr_array_unref);
  g_clear_pointer (&op->attachment_bytes, g_bytes_unref);
  g_clear_error (&op->attachment_refused);
  g_clear_object (&op->self);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncOp, sync_op_free)

/* After a sync, the retention period's purge (docs/privacy.md): the
 * receptions the server's purge records name, and those due here. A
 * failure is logged; the next sync tries again. What falls due changes
 * only with the day, with what a pull brings (purge records, the rules,
 * old receptions) and with what was entered here (an old ledger
 * imported), which the sync then pushes; and the purge reads every
 * reception. So a sync that moved nothing runs it once a day, and an idle
 * sync stays cheap. What it removed, or why it failed, is logged
 * translated: `liaison sync` shows it on stderr. */
static void
purge_after_sync (LiaisonSyncEngine       *self,
                  const LiaisonSyncCounts *counts)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  LiaisonRetentionPurged purged;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (counts->sent == 0 && counts->received == 0 && counts->set_aside == 0 &&
      self->purged_on == g_date_get_julian (&today))
    return;
  if (!liaison_store_purge_expired (self->store, &today, &purged, &error))
    {
      /* Translators: %s says why */
      g_warning (_("The retention purge failed, and runs again at the next sync: %s"), error->message);
      return;
    }
  self->purged_on = g_date_get_julian (&today);
  if (purged.n_receptions == 0 && purged.n_submissions == 0)
    return;
  /* In the clerk's language, in the words of the access log's entry. */
  said = liaison_retention_purge_reason (&purged);
  g_message ("%s", said);
}

/* Ends the sync for everyone waiting on it. Takes @op and @error. */
void
liaison_sync_engine_finish_sync (SyncOp *op,
                                 GError *error)
{
  LiaisonSyncEngine *self = g_object_ref (op->self);
  g_autoptr(GPtrArray) callers = g_steal_pointer (&self->callers);
  LiaisonSyncCounts counts = op->counts;

  /* The rest went through; the clerk still reads why a file did not. */
  if (error == NULL && op->attachment_refused != NULL)
    error = g_steal_pointer (&op->attachment_refused);

  sync_op_free (op);
  self->callers = g_ptr_array_new_with_free_func (g_object_unref);
  /* A pull cut short leaves no large cache behind. */
  liaison_store_set_bulk_writes (self->store, FALSE);

  if (error == NULL)
    {
      purge_after_sync (self, &counts);
      liaison_sync_engine_mark_synced_now (self);
      liaison_sync_engine_set_last_error (self, NULL);
      self->suspended = FALSE;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    liaison_sync_engine_set_last_error (self, error->message);
  liaison_sync_engine_set_syncing (self, FALSE);

  for (guint i = 0; i < callers->len; i++)
    {
      GTask *task = g_ptr_array_index (callers, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
    }
  g_clear_error (&error);
  g_object_unref (self);
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

typedef struct {
  char *server_id;
  char *path;
} TokenLookup;

static void
token_lookup_free (TokenLookup *lookup)
{
  g_free (lookup->server_id);
  g_free (lookup->path);
  g_free (lookup);
}

/* The keyring may ask the user to unlock it: never on the main thread. */
static void
load_token_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  TokenLookup *lookup = task_data;
  GError *error = NULL;
  char *token = liaison_token_store_load (lookup->server_id, lookup->path, &error);

  if (token != NULL)
    g_task_return_pointer (task, token, g_free);
  else
    g_task_return_error (task, error);
}

static void
token_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncOp *op = user_data;
  GError *error = NULL;
  GError *wrapped = NULL;

  op->token = g_task_propagate_pointer (G_TASK (result), &error);
  if (op->token != NULL)
    {
      liaison_sync_engine_send_attachments (op);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      liaison_sync_engine_finish_sync (op, error);
      return;
    }
  g_set_error_literal (&wrapped, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BAD_TOKEN, error->message);
  g_error_free (error);
  liaison_sync_engine_finish_sync (op, wrapped);
}

/* Starts a sync on the main loop (never synchronously, so that callers
 * always get their callback from an idle). */
static gboolean
sync_start (gpointer user_data)
{
  SyncOp *op = user_data;
  LiaisonSyncEngine *self = op->self;
  g_autofree char *server_url = NULL;
  g_autofree char *server_id = NULL;
  g_autoptr(GTask) task = NULL;
  TokenLookup *lookup;
  GError *error = NULL;

  server_url = liaison_store_get_server_url (self->store);
  server_id = liaison_store_get_server_id (self->store);
  if (liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_NONE ||
      server_url == NULL || server_id == NULL)
    {
      g_set_error_literal (&error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_ENROLLED,
                           _("This station is not connected to headquarters yet; "
                             "connect it with an enrollment code first"));
      liaison_sync_engine_finish_sync (op, error);
      return G_SOURCE_REMOVE;
    }

  op->base_url = liaison_sync_engine_normalize_server_url (server_url, &error);
  if (op->base_url == NULL)
    {
      liaison_sync_engine_finish_sync (op, error);
      return G_SOURCE_REMOVE;
    }

  task = g_task_new (NULL, op->cancellable, token_loaded, op);
  lookup = g_new0 (TokenLookup, 1);
  lookup->server_id = g_steal_pointer (&server_id);
  lookup->path = g_strdup (liaison_store_get_path (self->store));
  g_task_set_task_data (task, lookup, (GDestroyNotify) token_lookup_free);
  g_task_run_in_thread (task, load_token_thread);
  return G_SOURCE_REMOVE;
}

void
liaison_sync_engine_sync_async (LiaisonSyncEngine   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SyncOp *op;

  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, liaison_sync_engine_sync_async);
  g_ptr_array_add (self->callers, g_object_ref (task));
  if (self->syncing)
    return;

  op = g_new0 (SyncOp, 1);
  op->self = g_object_ref (self);
  op->cancellable = g_cancellable_new ();
  op->batch_limit = LIAISON_MAX_PUSH_RECORDS;
  if (cancellable != NULL)
    {
      op->caller_cancellable = g_object_ref (cancellable);
      op->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                op->cancellable, NULL);
    }

  liaison_sync_engine_set_progress (self, 0, 0);
  self->pulled_records = 0;
  self->pulled_bytes = 0;
  liaison_sync_engine_set_syncing (self, TRUE);
  /* Default priority, not idle: a spinner redrawing every frame would
   * starve an idle source on a slow renderer. */
  g_idle_add_full (G_PRIORITY_DEFAULT, sync_start, op, NULL);
}

gboolean
liaison_sync_engine_sync_finish (LiaisonSyncEngine  *self,
                                 GAsyncResult       *result,
                                 LiaisonSyncCounts  *counts,
                                 GError            **error)
{
  g_autofree LiaisonSyncCounts *done = NULL;

  g_return_val_if_fail (LIAISON_IS_SYNC_ENGINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (counts != NULL)
    *counts = *done;
  return TRUE;
}
