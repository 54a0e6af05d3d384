/* liaison-build-tree.c: whether the running program is one built in this
 * build tree (see the header). */
#define G_LOG_DOMAIN "liaison-build-tree"

#include "config.h"

#include "liaison-build-tree.h"

gboolean
liaison_build_tree_is_running (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = g_strconcat (BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, prefix);
}
