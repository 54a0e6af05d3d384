/* liaison-application.h: the station app. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_APPLICATION (liaison_application_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonApplication, liaison_application, LIAISON, APPLICATION, AdwApplication)

LiaisonApplication *liaison_application_new (void);

G_END_DECLS
