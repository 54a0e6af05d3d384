/* liaison-search-highlight.h: list rows that show why a search found them.
 *
 * Every function takes user text and returns Pango markup, escaped, with
 * what the words of a search (liaison_search_parse()) matched marked. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-records.h"

G_BEGIN_DECLS

/* @text with every match of @terms marked; escaped only if none. */
char     *liaison_search_highlight_text       (const char         *text,
                                               GPtrArray          *terms);
/* @format (translated, with %s) filled with markup pieces, the format
 * itself escaped. */
char     *liaison_search_highlight_format     (const char         *format,
                                               ...) G_GNUC_NULL_TERMINATED;
/* @phone masked as the lists show it (138****5678), its visible digits
 * marked when a phone word of @terms matched it. */
char     *liaison_search_highlight_phone      (const char         *phone,
                                               GPtrArray          *terms);
/* @text from a little before its first match on, so that the match shows
 * in a one-line label; @text itself if it matches early or not at all. */
char     *liaison_search_highlight_from_match (const char         *text,
                                               GPtrArray          *terms);

/* The line that says where @terms matched a reception or a suggestion in
 * what its row does not show (the handling, another visitor, a phone, the
 * deputies); NULL if every word shows in the row. */
char     *liaison_search_highlight_reception_elsewhere  (const LiaisonReception  *reception,
                                                         GPtrArray               *terms);
char     *liaison_search_highlight_suggestion_elsewhere (const LiaisonSuggestion *suggestion,
                                                         GPtrArray               *terms);

/* Sets the markup of the row label liaison_ui_add_row_label() keyed @key;
 * NULL hides it. */
void      liaison_search_highlight_set_row    (GtkWidget          *row,
                                               const char         *key,
                                               const char         *markup);

G_END_DECLS
