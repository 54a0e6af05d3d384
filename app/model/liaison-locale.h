/* liaison-locale.h: the start of every Liaison program. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Follows LANG/LANGUAGE and binds Liaison's translations. A program run
 * from the build tree uses the translations and settings schema built
 * there, so that ./dev run and the tests need no install. */
void liaison_locale_init (void);

G_END_DECLS
