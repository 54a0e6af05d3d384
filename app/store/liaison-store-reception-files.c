/* liaison-store-reception-files.c: the files kept with a reception, listed
 * by hash; their bytes are attachments (see the header). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-attachments.h"
#include "liaison-store-private.h"
#include "liaison-store-reception-files.h"

static gpointer
read_file_row (sqlite3_stmt *stmt)
{
  LiaisonReceptionFile *file = liaison_reception_file_new ();

  file->sha256 = liaison_db_column_text (stmt, 0);
  file->name = liaison_db_column_text (stmt, 1);
  file->content_type = liaison_db_column_text (stmt, 2);
  file->size = sqlite3_column_int64 (stmt, 3);
  return file;
}

gboolean
liaison_store_read_reception_files (LiaisonStore  *self,
                                    gint64         reception_id,
                                    GPtrArray     *files,
                                    GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT sha256, name, content_type, size FROM reception_files"
    " WHERE reception_id = ?1 ORDER BY position", error);
  g_autoptr(GPtrArray) read = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  read = liaison_store_collect_rows (self, stmt, read_file_row, (GDestroyNotify) liaison_reception_file_free,
                                     _("Could not read the reception’s files"), error);
  if (read == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (files, g_steal_pointer (&read));
  return TRUE;
}

static gboolean
lists (GPtrArray  *files,
       const char *sha256)
{
  for (guint i = 0; i < files->len; i++)
    if (g_strcmp0 (((const LiaisonReceptionFile *) g_ptr_array_index (files, i))->sha256, sha256) == 0)
      return TRUE;
  return FALSE;
}

gboolean
liaison_store_write_reception_files (LiaisonStore  *self,
                                     gint64         reception_id,
                                     GPtrArray     *files,
                                     GPtrArray     *dropped,
                                     GError       **error)
{
  const char *failed = _("Could not save the reception’s files");
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  sqlite3_stmt *stmt;

  if (!liaison_store_read_reception_files (self, reception_id, before, error))
    return FALSE;
  stmt = liaison_store_prepare (self, "DELETE FROM reception_files WHERE reception_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  if (!liaison_store_step_done (self, stmt, failed, error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      const LiaisonReceptionFile *file = g_ptr_array_index (files, i);

      if (file->bytes != NULL)
        {
          g_autofree char *sha256 = liaison_store_keep_attachment (self, file->bytes, FALSE, error);

          if (sha256 == NULL)
            return FALSE;
          g_return_val_if_fail (g_str_equal (sha256, file->sha256), FALSE);
        }
      stmt = liaison_store_prepare (self,
        "INSERT OR IGNORE INTO reception_files (reception_id, position, sha256, name, content_type, size)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, reception_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      liaison_store_bind_text (stmt, 3, file->sha256);
      liaison_store_bind_text (stmt, 4, file->name);
      liaison_store_bind_text (stmt, 5, file->content_type);
      sqlite3_bind_int64 (stmt, 6, file->size);
      if (!liaison_store_step_done (self, stmt, failed, error))
        return FALSE;
    }

  if (dropped != NULL)
    for (guint i = 0; i < before->len; i++)
      {
        const LiaisonReceptionFile *file = g_ptr_array_index (before, i);

        if (!lists (files, file->sha256))
          g_ptr_array_add (dropped, g_strdup (file->sha256));
      }
  return TRUE;
}
