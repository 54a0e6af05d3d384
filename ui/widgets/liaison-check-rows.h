/* liaison-check-rows.h: a boxed list of ticked names, searchable.
 *
 * For choosing several names out of many (a referral's co-units): a row
 * per name with a check box, the name wrapping in full; a search above
 * narrows the rows to those whose name holds the typed text (ticked rows
 * stay, so a choice is never hidden); a label below names every ticked
 * one in full.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void            liaison_check_rows_init   (GtkListBox     *list,
                                           GtkSearchEntry *search,
                                           GtkLabel       *chosen_label);
GtkCheckButton *liaison_check_rows_append (GtkListBox     *list,
                                           const char     *name);
void            liaison_check_rows_update (GtkListBox     *list);

G_END_DECLS
