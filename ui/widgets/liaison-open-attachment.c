/* liaison-open-attachment.c: opening a stored attachment with the
 * desktop's program for it (see the header). */
#define G_LOG_DOMAIN "liaison-open-attachment"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "liaison-open-attachment.h"

/* A name from another computer, fit to be a file's name here: no folder
 * in it, not hidden. NULL when nothing is left of it. */
static char *
safe_file_name (const char *name)
{
  g_autofree char *safe = g_strdup (name);

  g_strdelimit (safe, "/\\", '_');
  g_strstrip (safe);
  while (safe[0] == '.')
    memmove (safe, safe + 1, strlen (safe));
  if (*safe == '\0')
    return NULL;
  return g_steal_pointer (&safe);
}

/* The store keeps a file under its checksum, without its name or
 * extension: the program that opens it gets a copy under its own name,
 * "<cache>/liaison/attachments/<sha256>/答复函.pdf", so that it knows the
 * kind of file and shows its name. Failing that, the stored file. */
static char *
file_to_open (const char *path,
              const char *sha256,
              const char *name)
{
  g_autofree char *safe = safe_file_name (name);
  g_autofree char *dir = NULL;
  g_autofree char *named = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;

  if (safe == NULL)
    return g_strdup (path);
  dir = g_build_filename (g_get_user_cache_dir (), "liaison", "attachments", sha256, NULL);
  named = g_build_filename (dir, safe, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return g_strdup (path);
  /* A fresh copy each time, read-only: one opened before may have been
   * changed, and the stored file is a record. */
  g_remove (named);
  source = g_file_new_for_path (path);
  target = g_file_new_for_path (named);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL))
    return g_strdup (path);
  g_chmod (named, 0400);
  return g_steal_pointer (&named);
}

void
liaison_ui_open_attachment (GtkWidget  *widget,
                            const char *path,
                            const char *sha256,
                            const char *name)
{
  g_autofree char *open_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL);

  open_path = file_to_open (path, sha256, name);
  file = g_file_new_for_path (open_path);
  uri = g_file_get_uri (file);
  root = gtk_widget_get_root (widget);
  /* GtkFileLauncher is GTK 4.10; Debian bookworm has 4.8. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}
