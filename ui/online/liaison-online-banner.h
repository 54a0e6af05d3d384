/* liaison-online-banner.h: the Online inbox's entry on the Receptions
 * page: "网上来件 (N)", shown at a station desk while N submissions wait
 * (docs/online.md, "The Online inbox"). */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ONLINE_BANNER (liaison_online_banner_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonOnlineBanner, liaison_online_banner, LIAISON, ONLINE_BANNER, AdwBin)

void liaison_online_banner_set_store (LiaisonOnlineBanner *self,
                                      LiaisonStore        *store);

G_END_DECLS
