/* liaison-reception-visitors.h: the reception editor's Visitors section. */
#pragma once

#include <adwaita.h>

#include "liaison-reception-form.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_VISITORS (liaison_reception_visitors_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionVisitors, liaison_reception_visitors, LIAISON, RECEPTION_VISITORS, AdwPreferencesGroup)

/* The form whose visitors the rows show, in its order. */
void       liaison_reception_visitors_set_form     (LiaisonReceptionVisitors *self,
                                                    LiaisonReceptionForm     *form);
/* The period each row's consent sentence states (liaison_ui_retention_years()). */
void       liaison_reception_visitors_set_retention_years (LiaisonReceptionVisitors *self,
                                                           guint                     retention_years);
/* One row for each of the form's visitors, as loaded. */
void       liaison_reception_visitors_load         (LiaisonReceptionVisitors *self);
/* Copies what is typed into the form. */
void       liaison_reception_visitors_read         (LiaisonReceptionVisitors *self);
/* A new visitor in the form and its row, focused. */
void       liaison_reception_visitors_add          (LiaisonReceptionVisitors *self);

void       liaison_reception_visitors_clear_errors (LiaisonReceptionVisitors *self);
/* A problem with the visitors as a whole, shown under them unless one is
 * shown already; returns the widget to focus. */
GtkWidget *liaison_reception_visitors_show_error   (LiaisonReceptionVisitors *self,
                                                    const char               *message);
/* A problem with @part of the visitor at @index; returns its row, or NULL
 * when there is no such visitor. */
GtkWidget *liaison_reception_visitors_show_visitor_error (LiaisonReceptionVisitors *self,
                                                          guint                     index,
                                                          const char               *part,
                                                          const char               *message);

G_END_DECLS
