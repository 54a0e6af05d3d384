/* liaison-store-search.h: finding receptions and suggestions by the words
 * a clerk types (liaison-search.h), for the store's queries. Private to
 * the store. */
#pragma once

#include "liaison-store-private.h"

G_BEGIN_DECLS

/* Schema 7: what the search indexes hold and the triggers that keep them. */
extern const char liaison_store_search_migration[];
/* Schema 19: a reception's place and occasion (the mobile desk), indexed. */
extern const char liaison_store_place_migration[];
/* Schema 21: a held reception's visitors and deputies fire no trigger on
 * it; its release writes what they kept. */
extern const char liaison_store_held_migration[];
/* The receptions' index as schemas 7 to 18 had it (the view, the table,
 * its triggers and the category renames), for the tests that take a file
 * back to an older schema. */
extern const char liaison_store_search_index_7[];

/* @search without outer spaces, or NULL when it has no words. */
char     *liaison_store_search_normalize       (const char    *search);
/* Whether @search has a word the trigram index can find (3 characters or
 * more), and whether the index alone decides it (every word is such). */
gboolean  liaison_store_search_uses_index      (const char    *search);
gboolean  liaison_store_search_index_only      (const char    *search);

/* Appends the conditions for @search on receptions (table alias r) to a
 * WHERE clause; binds their values, named :search and :likeN. */
void      liaison_store_search_append_receptions (GString      *where,
                                                  const char   *search);
void      liaison_store_search_bind_receptions   (sqlite3_stmt *stmt,
                                                  const char   *search);
/* The FTS5 query that counts @search's receptions from the index alone,
 * when liaison_store_search_index_only(); binds as above. */
#define LIAISON_STORE_SEARCH_COUNT_RECEPTIONS \
  "SELECT count(*) FROM reception_search WHERE reception_search MATCH :search"

/* A reception written with search_held = 1 stays out of the index while
 * its visitors and deputies are written, which leave it alone; this writes
 * its people's text (search_visitors, search_phones, search_deputies) and
 * visitors_total, and indexes it, once. */
gboolean  liaison_store_search_release         (LiaisonStore  *self,
                                                gint64         reception_id,
                                                GError       **error);
/* The same for a pulled page's new receptions (@ids, gint64), written as
 * held tombstones: brought to life, in one statement (the FTS5 index
 * writes its pending part at the end of each statement that touches it). */
gboolean  liaison_store_search_release_pulled  (LiaisonStore  *self,
                                                GArray        *ids,
                                                GError       **error);

/* Reads every visitor of each of @receptions (LiaisonReception *), which
 * the list query fills with the first only, so that a row can show which
 * visitor a search found. */
gboolean  liaison_store_search_read_visitors   (LiaisonStore  *self,
                                                GPtrArray     *receptions,
                                                GError       **error);

G_END_DECLS
