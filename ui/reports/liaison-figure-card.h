/* liaison-figure-card.h: one of the dashboard's six figures, as a card.
 *
 * A count, or a rate with its numerator and denominator; every number is
 * a button that opens the items it counts ("open"), and the card's
 * definition, in words, is one click away. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-dashboard.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_FIGURE_CARD (liaison_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonFigureCard, liaison_figure_card, LIAISON, FIGURE_CARD, GtkWidget)

GtkWidget *liaison_figure_card_new_count   (LiaisonFigure         figure);
GtkWidget *liaison_figure_card_new_rate    (LiaisonRate           rate);
void       liaison_figure_card_set_figures (LiaisonFigureCard    *self,
                                            const LiaisonFigures *figures);

char      *liaison_figure_card_format_count (guint n);

G_END_DECLS
