/* liaison-store.c: the station's SQLite file: opening it, the store object, its
 * connection, transactions and change signal, and the settings table. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "liaison-store-private.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

struct _LiaisonStore
{
  GObject parent_instance;

  char       *path;
  LiaisonDb  *db;
  /* interned table names written by the open transaction */
  GPtrArray  *changed_tables;
  /* the deputy whose PIN was entered at this desk since the store was
   * opened (liaison-store-deputy-pin.c); never written to the file */
  char       *verified_deputy;
  /* while a pulled page is written: the local ids it looked up */
  GHashTable *sync_ids;
  /* while a long pull writes (liaison_store_set_bulk_writes()): the
   * cache_size to go back to; 0 otherwise */
  gint64      cache_before;
};

G_DEFINE_FINAL_TYPE (LiaisonStore, liaison_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (liaison-store-error-quark, liaison_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
liaison_store_get_verified_deputy (LiaisonStore *self)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return self->verified_deputy;
}

void
liaison_store_set_verified_deputy (LiaisonStore *self,
                                   const char   *deputy_uuid)
{
  g_return_if_fail (LIAISON_IS_STORE (self));
  g_free (self->verified_deputy);
  self->verified_deputy = g_strdup (deputy_uuid);
}

GHashTable *
liaison_store_get_sync_ids (LiaisonStore *self)
{
  return self->sync_ids;
}

void
liaison_store_set_sync_ids (LiaisonStore *self,
                            GHashTable   *ids)
{
  g_clear_pointer (&self->sync_ids, g_hash_table_unref);
  self->sync_ids = ids;
}

/* The page cache a long pull writes with. Each page's upserts, their
 * indexes and the FTS5 index's merging read the file's b-trees again and
 * again; with the 8 MB a store opens with (for the app's memory at its
 * start) a pull of 100,000 spent about a quarter of its time reading back
 * pages it had just evicted (docs/benchmarks.md, "Faster pull, third
 * round"). */
#define BULK_CACHE_SIZE "-65536"
#define BULK_WAL_PAGES "16384"

void
liaison_store_set_bulk_writes (LiaisonStore *self,
                               gboolean      bulk)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (LIAISON_IS_STORE (self));

  if (bulk == (self->cache_before != 0))
    return;
  if (bulk)
    {
      stmt = liaison_store_prepare (self, "PRAGMA cache_size", NULL);
      if (stmt == NULL)
        return;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->cache_before = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (self->cache_before == 0)
        return;
      liaison_store_exec (self, "PRAGMA cache_size = " BULK_CACHE_SIZE, NULL);
      /* A page's commit wrote more than the 1,000 pages of WAL after which
       * SQLite copies it back into the file: each commit did, and wrote
       * the FTS5 index's and the indexes' pages again and again. Every
       * commit is still synced; only the copying waits. */
      liaison_store_exec (self, "PRAGMA wal_autocheckpoint = " BULK_WAL_PAGES, NULL);
      return;
    }
  /* Lowering the size frees the pages above it; the heap gives them back
   * to the system, so a desk does not keep a pull's memory. */
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, self->cache_before);
  self->cache_before = 0;
  liaison_store_exec (self, sql, NULL);
  liaison_store_exec (self, "PRAGMA shrink_memory", NULL);
  /* The WAL copied back, and its file cut to nothing, when no reader
   * holds it; else the next commits do it. */
  liaison_store_exec (self, "PRAGMA wal_autocheckpoint = 1000", NULL);
  liaison_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

char *
liaison_store_now_utc (void)
{
  return liaison_db_now_utc ();
}

sqlite3 *
liaison_store_get_handle (LiaisonStore *self)
{
  return liaison_db_get_handle (self->db);
}

void
liaison_store_set_error (LiaisonStore  *self,
                         GError       **error,
                         const char    *what)
{
  liaison_db_set_error (self->db, error, what);
}

gboolean
liaison_store_step_done (LiaisonStore  *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  return liaison_db_step_done (self->db, stmt, what, error);
}

guint
liaison_store_step_count (LiaisonStore  *self,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  return liaison_db_step_count (self->db, stmt, what, error);
}

sqlite3_stmt *
liaison_store_prepare (LiaisonStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = liaison_db_prepare (self->db, sql, _("The database could not prepare a query"), error);

  if (stmt == NULL)
    g_critical ("Bad SQL: %s: %s", sqlite3_errmsg (liaison_db_get_handle (self->db)), sql);
  return stmt;
}

gint64
liaison_store_find_id (LiaisonStore *self,
                       const char   *sql,
                       const char   *text)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL || text == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
liaison_store_step_rows (LiaisonStore    *self,
                         sqlite3_stmt    *stmt,
                         LiaisonRowFunc   each,
                         gpointer         data,
                         const char      *failed,
                         GError         **error)
{
  return liaison_db_step_rows (self->db, stmt, each, data, failed, error);
}

GPtrArray *
liaison_store_collect_rows (LiaisonStore      *self,
                            sqlite3_stmt      *stmt,
                            LiaisonRowReader   read,
                            GDestroyNotify     free_func,
                            const char        *failed,
                            GError           **error)
{
  return liaison_db_collect_rows (self->db, stmt, read, free_func, failed, error);
}

void
liaison_store_emit_changed (LiaisonStore *self,
                            const char   *table)
{
  const char *interned = g_intern_string (table);

  /* Inside a transaction, models would read half a change: the outermost
   * commit tells them instead. */
  if (!liaison_db_in_transaction (self->db))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (interned), interned);
  else if (!g_ptr_array_find (self->changed_tables, interned, NULL))
    g_ptr_array_add (self->changed_tables, (gpointer) interned);
}

gboolean
liaison_store_exec (LiaisonStore  *self,
                    const char    *sql,
                    GError       **error)
{
  return liaison_db_exec (self->db, sql, NULL, error);
}

gint64
liaison_store_query_int (LiaisonStore  *self,
                         const char    *sql,
                         GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);
  gint64 value;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, _("The database could not answer a query"));
      sqlite3_reset (stmt);
      return -1;
    }
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
liaison_store_begin (LiaisonStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  return liaison_db_begin (self->db, NULL, error);
}

gboolean
liaison_store_commit (LiaisonStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (liaison_db_in_transaction (self->db), FALSE);

  if (!liaison_db_commit (self->db, NULL, error))
    {
      g_ptr_array_set_size (self->changed_tables, 0);
      return FALSE;
    }
  if (liaison_db_in_transaction (self->db))
    return TRUE;
  {
    g_autoptr(GPtrArray) tables = g_steal_pointer (&self->changed_tables);

    self->changed_tables = g_ptr_array_new ();
    for (guint i = 0; i < tables->len; i++)
      liaison_store_emit_changed (self, g_ptr_array_index (tables, i));
  }
  return TRUE;
}

void
liaison_store_rollback (LiaisonStore *self)
{
  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail (liaison_db_in_transaction (self->db));

  liaison_db_rollback (self->db);
  if (!liaison_db_in_transaction (self->db))
    g_ptr_array_set_size (self->changed_tables, 0);
}

/* Compares by the user's locale, so that zh_CN sorts names by pinyin. */
static int
locale_collate (void       *user_data,
                int         a_length,
                const void *a,
                int         b_length,
                const void *b)
{
  g_autofree char *a_text = g_strndup (a, a_length);
  g_autofree char *b_text = g_strndup (b, b_length);

  return g_utf8_collate (a_text, b_text);
}

char *
liaison_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "station.db", NULL);
}

static gboolean
check_readable_version (LiaisonStore  *self,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (liaison_db_get_handle (self->db), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version < 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("“%s” is not a Liaison database: %s"), self->path,
                   sqlite3_errmsg (liaison_db_get_handle (self->db)));
      return FALSE;
    }
  if (version > LIAISON_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Liaison (database version %d; this program knows up to %d). Update Liaison to open it."),
                   self->path, version, LIAISON_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

LiaisonStore *
liaison_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(LiaisonStore) self = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (LIAISON_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* A store belongs to one thread at a time: a worker opens its own
   * (the record page, the reports), so SQLite's per-call mutexes would
   * only cost time on every column read. */
  if (liaison_db_open (self->db, path,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX) != SQLITE_OK)
    {
      handle = liaison_db_get_handle (self->db);
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path,
                   handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      return NULL;
    }

  handle = liaison_db_get_handle (self->db);
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, 5000);
  sqlite3_create_collation_v2 (handle, "LOCALE", SQLITE_UTF8, NULL, locale_collate, NULL);

  /* Switching to WAL rewrites the header: a file this program cannot use
   * (not a database, or a newer Liaison's) must be refused before that. */
  if (!check_readable_version (self, error))
    return NULL;

  /* WAL keeps readers and the writer apart; synchronous=FULL makes each
   * commit survive a power cut, not only a crash. */
  if (!liaison_store_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !liaison_store_exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !liaison_store_exec (self, "PRAGMA foreign_keys = ON", &local_error) ||
      /* Purged text (docs/privacy.md) leaves no copy in free space. */
      !liaison_store_exec (self, "PRAGMA secure_delete = ON", &local_error) ||
      /* 8 MB: a start on a million receptions (the first page, the
       * suggestions' count and page, the roster) filled a 32 MB cache,
       * and the app's peak memory with it; the dashboard asks for more
       * (app/report/liaison-dashboard.c, docs/benchmarks.md). */
      !liaison_store_exec (self, "PRAGMA cache_size = -8192", &local_error))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_OPEN,
                   _("“%s” is not a Liaison database: %s"), path, local_error->message);
      return NULL;
    }

  if (!liaison_store_migrate (self, error))
    return NULL;
  /* A headquarters desk from before issue 13 held phones in full. */
  if (!liaison_store_mask_hq_phones (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
liaison_store_get_path (LiaisonStore *self)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return self->path;
}

static void
liaison_store_finalize (GObject *object)
{
  LiaisonStore *self = LIAISON_STORE (object);

  g_clear_pointer (&self->db, liaison_db_free);
  g_clear_pointer (&self->changed_tables, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->verified_deputy);
  g_clear_pointer (&self->sync_ids, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_store_parent_class)->finalize (object);
}

static void
liaison_store_class_init (LiaisonStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_store_finalize;

  /**
   * LiaisonStore::changed:
   * @table: the table written
   *
   * Emitted once per table after a write is committed. The detail is the
   * table name.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
liaison_store_init (LiaisonStore *self)
{
  self->db = liaison_db_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_FAILED);
  self->changed_tables = g_ptr_array_new ();
}

char *
liaison_store_get_setting (LiaisonStore *self,
                           const char   *key)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = liaison_db_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
liaison_store_set_setting (LiaisonStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = liaison_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = liaison_store_prepare (self,
      "INSERT INTO settings (key, value) VALUES (?1, ?2)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a setting"), error);
}
