/* stub: to be written */
#include "config.h"
#include "liaison-application.h"

struct _LiaisonApplication { AdwApplication parent_instance; };
G_DEFINE_FINAL_TYPE (LiaisonApplication, liaison_application, ADW_TYPE_APPLICATION)
static void liaison_application_class_init (LiaisonApplicationClass *klass) {}
static void liaison_application_init (LiaisonApplication *self) {}
LiaisonApplication *
liaison_application_new (void)
{
  return g_object_new (LIAISON_TYPE_APPLICATION, "application-id", APPLICATION_ID, NULL);
}
