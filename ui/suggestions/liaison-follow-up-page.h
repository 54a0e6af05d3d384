/* liaison-follow-up-page.h: the follow-up board (跟踪督办).
 *
 * What the person at the desk has to follow up, by role: headquarters sees
 * the figures and the supervision lists, station staff the citizens to
 * tell, a deputy what they took up and filed.
 */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_FOLLOW_UP_PAGE (liaison_follow_up_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonFollowUpPage, liaison_follow_up_page, LIAISON, FOLLOW_UP_PAGE, AdwBin)

void liaison_follow_up_page_set_store (LiaisonFollowUpPage *self,
                                       LiaisonStore        *store);
/* Reads the lists again now (the store's changes and the actor's are
 * followed on their own). */
void liaison_follow_up_page_refresh   (LiaisonFollowUpPage *self);

G_END_DECLS
