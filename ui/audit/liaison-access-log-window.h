/* liaison-access-log-window.h: the access log (访问日志) at headquarters
 * (docs/privacy.md, "The access log"): every entry this desk holds, from
 * every station, newest first, filtered by days and by kind; each row
 * says when, what, who, at which station, how many contacts and why. It
 * only reads: an entry is never changed. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ACCESS_LOG_WINDOW (liaison_access_log_window_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonAccessLogWindow, liaison_access_log_window, LIAISON, ACCESS_LOG_WINDOW, AdwWindow)

LiaisonAccessLogWindow *liaison_access_log_window_new (GtkWindow    *parent,
                                                       LiaisonStore *store);

G_END_DECLS
