/* liaison-published-window.h: the published reports (docs/reports.md,
 * "Published reports"): the list of publications, headquarters' Publish…,
 * and one publication against the live figures, with the suggestions that
 * changed each figure; clicking one shows it (win.show-suggestion of the
 * window given). A station sees its own figures, read-only. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PUBLISHED_WINDOW (liaison_published_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonPublishedWindow, liaison_published_window, LIAISON, PUBLISHED_WINDOW, AdwWindow)

/* @parent's actions show a suggestion and an error. */
LiaisonPublishedWindow *liaison_published_window_new (GtkWindow    *parent,
                                                      LiaisonStore *store);

G_END_DECLS
