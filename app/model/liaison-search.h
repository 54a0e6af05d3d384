/* liaison-search.h: what a clerk typed into a search entry, as words.
 *
 * The store finds records by these words and the lists mark them, with the
 * same rules: every word must match somewhere (AND), in any order, ignoring
 * case; a word of four digits or more also matches a phone number ending
 * with it, so that a full number or its last four digits find the visitor.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char     *text;     /* as typed, never empty */
  char     *digits;   /* the phone digits it ends a number with, NULL if it cannot */
  gboolean  indexed;  /* three characters or more: the trigram index finds it */
} LiaisonSearchTerm;

/* The words of @query (NULL: none), split at ASCII and full-width spaces.
 * A query that is one phone number written with spaces ("138 1234 5678")
 * is one word. Returns: (element-type LiaisonSearchTerm): never NULL. */
GPtrArray *liaison_search_parse         (const char              *query);
/* Where @term first occurs in @text from byte @from on, ignoring case:
 * TRUE with its bytes [*start, *end). */
gboolean   liaison_search_find          (const char              *text,
                                         gsize                    from,
                                         const char              *term,
                                         gsize                   *start,
                                         gsize                   *end);
/* Whether @term matches the phone number @phone (its last digits). */
gboolean   liaison_search_phone_matches (const LiaisonSearchTerm *term,
                                         const char              *phone);

G_END_DECLS
