/* liaison-build-tree.h: whether this program runs from the build tree,
 * where ./dev run and the tests use what was built next to it (the
 * translations, the settings schema, liaison-xls-reader) with nothing
 * installed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean liaison_build_tree_is_running (void);

G_END_DECLS
