/* liaison-deputy-pin-group.h: a deputy's PIN in their editor at
 * headquarters' desk: whether they have one, when it was set or reset and
 * by whom, and Reset PIN… (docs/privacy.md, "The deputy's PIN"). */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DEPUTY_PIN_GROUP (liaison_deputy_pin_group_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDeputyPinGroup, liaison_deputy_pin_group, LIAISON, DEPUTY_PIN_GROUP, AdwPreferencesGroup)

GtkWidget *liaison_deputy_pin_group_new (LiaisonStore *store,
                                         const char   *deputy_uuid,
                                         const char   *deputy_name);

G_END_DECLS
