/* liaison-published-publish.h: headquarters publishes a period's figures
 * (docs/reports.md, "Published reports"): a message dialog asks which
 * period, says what publishing does, and publishes on confirmation. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* Called with the new publication's uuid once it is kept. */
typedef void (*LiaisonPublishedDone) (const char *uuid,
                                      gpointer    user_data);

/* Asks, over @parent, which period to publish; an error goes to
 * @actions' win.show-error. */
void liaison_published_publish_ask (GtkWindow            *parent,
                                    GtkWidget            *actions,
                                    LiaisonStore         *store,
                                    LiaisonPublishedDone  done,
                                    gpointer              user_data);

G_END_DECLS
