/* liaison-whole-file.c: a file written through a temporary file beside
 * it and renamed over it only when complete. */
#define G_LOG_DOMAIN "liaison-model"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "liaison-whole-file.h"

static void
set_write_error (GError     **error,
                 GFileError   code,
                 const char  *path,
                 const char  *why)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, code, _("Could not write “%s”: %s"), name, why);
}

gboolean
liaison_write_whole_file (const char              *path,
                          LiaisonWholeFileWriter   write,
                          gpointer                 user_data,
                          GError                 **error)
{
  /* Beside @path, so that the rename cannot cross file systems. */
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (path != NULL && write != NULL, FALSE);

  fd = g_mkstemp (temporary);
  if (fd < 0)
    {
      int saved = errno;

      set_write_error (error, g_file_error_from_errno (saved), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!write (temporary, user_data, &local_error))
    {
      g_unlink (temporary);
      set_write_error (error, local_error->domain == G_FILE_ERROR ? local_error->code : G_FILE_ERROR_FAILED,
                       path, local_error->message);
      return FALSE;
    }
  /* mkstemp() made it for the owner alone; a report is for sharing. */
  if (g_chmod (temporary, 0644) != 0 || g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      set_write_error (error, g_file_error_from_errno (saved), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
