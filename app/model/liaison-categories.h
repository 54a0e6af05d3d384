/* liaison-categories.h: the standard categories that a station's store and
 * headquarters' store both start with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;
  const char *name;     /* English, marked for translation (N_) */
  const char *name_zh;
} LiaisonCategorySeed;

/* The seeded categories, in their order (a category's position is its
 * index), and their number in *@n_seeds. */
const LiaisonCategorySeed *liaison_category_seeds     (guint *n_seeds);
/* The fixed UUID of the seed at @index, 6c1a7e00-0000-4000-8000-00000000000N
 * with N = @index + 1: every station and headquarters give it the same. */
char                      *liaison_category_seed_uuid (guint  index);

G_END_DECLS
