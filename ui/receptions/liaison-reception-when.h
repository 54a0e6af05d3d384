/* liaison-reception-when.h: the reception editor's When and How section:
 * date, time, channel and category. */
#pragma once

#include <adwaita.h>

#include "liaison-reception-form.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_RECEPTION_WHEN (liaison_reception_when_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonReceptionWhen, liaison_reception_when, LIAISON, RECEPTION_WHEN, AdwPreferencesGroup)

/* The form the fields show. @category_names: "Choose…", then every
 * category; @category_ids: their ids (gint64), in the same order. */
void       liaison_reception_when_set_form     (LiaisonReceptionWhen *self,
                                                LiaisonReceptionForm *form,
                                                GListModel           *category_names,
                                                GArray               *category_ids);
void       liaison_reception_when_load         (LiaisonReceptionWhen *self);
/* Copies what is typed into the form. */
void       liaison_reception_when_read         (LiaisonReceptionWhen *self);
/* The position of the category chosen in @category_names. */
guint      liaison_reception_when_get_category (LiaisonReceptionWhen *self);

void       liaison_reception_when_clear_errors (LiaisonReceptionWhen *self);
/* Shows a problem with @field ("date", "received_at", "time", "channel",
 * "category") unless that field shows one already; returns the widget to
 * focus, or NULL when @field is not one of them. */
GtkWidget *liaison_reception_when_show_error   (LiaisonReceptionWhen *self,
                                                const char           *field,
                                                const char           *message);

G_END_DECLS
