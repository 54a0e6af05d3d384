/* liaison-store-desk.c: who sits at this database's desk
 * (liaison-store-desk.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-store-desk.h"
#include "liaison-store-private.h"

/* A prefix keeps these apart from the sync settings in the same table. */
#define DESK_PREFIX "desk-"

char *
liaison_store_get_desk_setting (LiaisonStore *self,
                                const char   *key)
{
  g_autofree char *full = g_strconcat (DESK_PREFIX, key, NULL);

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  return liaison_store_get_setting (self, full);
}

gboolean
liaison_store_set_desk_actor (LiaisonStore  *self,
                              const char    *role,
                              const char    *name,
                              const char    *deputy_uuid,
                              GError       **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!liaison_store_set_setting (self, DESK_PREFIX "role", role, error) ||
      !liaison_store_set_setting (self, DESK_PREFIX "name", name, error) ||
      !liaison_store_set_setting (self, DESK_PREFIX "deputy", deputy_uuid, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  /* Whoever sits down now has not entered a PIN yet. */
  if (g_strcmp0 (deputy_uuid, liaison_store_get_verified_deputy (self)) != 0)
    liaison_store_set_verified_deputy (self, NULL);
  liaison_store_emit_changed (self, "settings");
  return liaison_store_commit (self, error);
}
