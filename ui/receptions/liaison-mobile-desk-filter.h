/* liaison-mobile-desk-filter.h: the Receptions list's filter for the
 * mobile desk (流动办公桌): its receptions only, and part of a place or
 * occasion. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_MOBILE_DESK_FILTER (liaison_mobile_desk_filter_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonMobileDeskFilter, liaison_mobile_desk_filter, LIAISON, MOBILE_DESK_FILTER, GtkBox)

/* Sets @filter's mobile_desk and place from what is chosen. */
void     liaison_mobile_desk_filter_fill      (LiaisonMobileDeskFilter *self,
                                               LiaisonReceptionFilter  *filter);
/* Whether it narrows the list. */
gboolean liaison_mobile_desk_filter_is_active (LiaisonMobileDeskFilter *self);
void     liaison_mobile_desk_filter_clear     (LiaisonMobileDeskFilter *self);

G_END_DECLS
