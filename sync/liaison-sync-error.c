/* liaison-sync-error.c: the sync error domain (liaison-sync-error.h). */
#define G_LOG_DOMAIN "liaison-sync-engine"

#include "config.h"

#include "liaison-sync-error.h"

G_DEFINE_QUARK (liaison-sync-error-quark, liaison_sync_error)

gboolean
liaison_sync_error_is_transient (const GError *error)
{
  return error != NULL && error->domain == LIAISON_SYNC_ERROR &&
         (error->code == LIAISON_SYNC_ERROR_NETWORK || error->code == LIAISON_SYNC_ERROR_SERVER);
}
