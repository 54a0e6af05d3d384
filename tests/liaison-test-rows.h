/* liaison-test-rows.h: database rows, every column of them, read straight
 * from SQLite, so that a test can say exactly which columns a save changed. */
#pragma once

#include <glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* Every row @sql selects, in its order: each row a GPtrArray of
 * "column = value" strings, with the value's type (NULL, an integer, text
 * escaped so that newlines and quotes show). */
GPtrArray *liaison_test_rows_read (LiaisonStore *store,
                                   const char   *sql);
/* Asserts that @before and @after hold as many rows, and that no column
 * differs but those named in @may_change (NULL-terminated; NULL for none).
 * The caller checks that the columns it changed did change. */
void       liaison_test_rows_assert_only_changed (GPtrArray          *before,
                                                  GPtrArray          *after,
                                                  const char * const *may_change);
/* As above, with nothing changed. */
void       liaison_test_rows_assert_same         (GPtrArray          *before,
                                                  GPtrArray          *after);

G_END_DECLS
