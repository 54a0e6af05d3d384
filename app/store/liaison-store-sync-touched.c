/* liaison-store-sync-touched.c: what a pull page or a push answer touched, dealt
 * with before its transaction ends: the loop caches of its suggestions,
 * the replies a station received, the tables to announce, the counts. */
#define G_LOG_DOMAIN "liaison-store-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-sync-private.h"

/* A new loop_touched: suggestion uuids whose loop cache is refreshed once
 * the page is written, each with the reply moves it received (NULL or a
 * GPtrArray of event uuids), which count only if the replay takes them. */
static void
replies_free (gpointer replies)
{
  if (replies != NULL)
    g_ptr_array_unref (replies);
}

GHashTable *
liaison_store_sync_loop_touched_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, replies_free);
}

/* Adds @uuid to @loop_touched. */
void
liaison_store_sync_touch_loop (GHashTable *loop_touched,
                               const char *uuid)
{
  if (loop_touched != NULL && uuid != NULL && !g_hash_table_contains (loop_touched, uuid))
    g_hash_table_insert (loop_touched, g_strdup (uuid), NULL);
}

/* Adds @suggestion_uuid to @loop_touched with the reply @event_uuid it received. */
void
liaison_store_sync_touch_loop_reply (GHashTable *loop_touched,
                                     const char *suggestion_uuid,
                                     const char *event_uuid)
{
  GPtrArray *replies = g_hash_table_lookup (loop_touched, suggestion_uuid);

  if (replies == NULL)
    {
      replies = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (loop_touched, g_strdup (suggestion_uuid), replies);
    }
  g_ptr_array_add (replies, g_strdup (event_uuid));
}

void
liaison_store_sync_emit_touched (LiaisonStore   *self,
                                 const gboolean  touched[N_KINDS])
{
  for (guint k = 0; k < N_KINDS; k++)
    if (touched[k])
      liaison_store_emit_changed (self, liaison_store_sync_kinds[k].table);
}

void
liaison_store_sync_add_counts (LiaisonSyncCounts       *counts,
                               const LiaisonSyncCounts *more)
{
  if (counts == NULL)
    return;
  counts->sent += more->sent;
  counts->received += more->received;
  counts->conflicts += more->conflicts;
  counts->rejected += more->rejected;
  counts->replies += more->replies;
  counts->set_aside += more->set_aside;
}

/* Counts the replies a station received for @suggestion_uuid that its
 * replay took (one that lost to a move made here first is no news), and
 * flags the suggestion if it is this station's. */
static gboolean
count_replies (LiaisonStore            *self,
               const char              *suggestion_uuid,
               GPtrArray               *replies,
               const LiaisonLoopState  *state,
               const char              *this_station,
               LiaisonSyncCounts       *counts,
               GError                 **error)
{
  guint n = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < replies->len; i++)
    n += state == NULL || !g_ptr_array_find_with_equal_func (state->rejected, g_ptr_array_index (replies, i),
                                                             g_str_equal, NULL);
  if (n == 0)
    return TRUE;
  counts->replies += n;
  stmt = liaison_store_prepare (self,
    "UPDATE suggestions SET reply_unseen = 1 WHERE uuid = ?1"
    " AND station_id = (SELECT id FROM stations WHERE uuid = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, suggestion_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, this_station, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a suggestion event received from the server"), error);
}

/* Rewrites the loop cache of every suggestion a page or an answer touched
 * (its record, or events of it), now that all of them are written, and
 * counts the replies received (@counts may be NULL when none can be). */
gboolean
liaison_store_sync_refresh_loop_caches (LiaisonStore       *self,
                                        GHashTable         *loop_touched,
                                        const char         *this_station,
                                        LiaisonSyncCounts  *counts,
                                        gboolean            touched[N_KINDS],
                                        GError            **error)
{
  GHashTableIter iter;
  gpointer uuid, replies;

  g_hash_table_iter_init (&iter, loop_touched);
  while (g_hash_table_iter_next (&iter, &uuid, &replies))
    {
      g_autoptr(LiaisonLoopState) state = NULL;

      if (!liaison_store_refresh_loop_cache_full (self, uuid, &state, error))
        return FALSE;
      if (replies != NULL && counts != NULL &&
          !count_replies (self, uuid, replies, state, this_station, counts, error))
        return FALSE;
      touched[KIND_SUGGESTION] = TRUE;
    }
  return TRUE;
}
