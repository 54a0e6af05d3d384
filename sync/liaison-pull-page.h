/* liaison-pull-page.h: a pull page's changes that are not valid UTF-8,
 * taken out before the page is parsed.
 *
 * json-glib refuses a whole document for one invalid byte, and an older
 * server could store one (a lone surrogate escape in a pushed string) and
 * send it in every page after. The page is split into its changes by a
 * flat scan (no recursion), and each change that is not valid UTF-8 is set
 * aside as its bytes, so that the rest of the page can still be read.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A copy of @body without its changes that are not valid UTF-8, each added
 * to @set_aside (LiaisonQuarantined *); NULL when @body is valid UTF-8 or
 * is not a page this can split (then it is refused whole, as before). */
GBytes *liaison_pull_page_take_invalid (GBytes    *body,
                                        GPtrArray *set_aside);

G_END_DECLS
