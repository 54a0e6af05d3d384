/* liaison-actor.c: who is using the app (liaison-actor.h). */
#define G_LOG_DOMAIN "liaison-actor"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-store-desk.h"
#include "liaison-store-sync.h"

#define KEY_ROLE   "role"
#define KEY_NAME   "name"
#define KEY_DEPUTY "deputy"

void
liaison_actor_free (LiaisonActor *actor)
{
  if (actor == NULL)
    return;
  g_free (actor->name);
  g_free (actor);
}

/* The person at the desk when nobody said: the account's full name, or,
 * where the account has none but its login ("root", "Administrator"),
 * the role's words ("Station staff"), never a login on the timeline. */
static char *
default_name (LiaisonLoopRole role)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0 &&
      g_ascii_strcasecmp (real, g_get_user_name ()) != 0)
    return g_strdup (real);
  return g_strdup (liaison_loop_role_label (role));
}

LiaisonActor *
liaison_actor_get_current (LiaisonStore *store)
{
  g_autofree char *role = liaison_store_get_desk_setting (store, KEY_ROLE);
  g_autofree char *name = liaison_store_get_desk_setting (store, KEY_NAME);
  g_autofree char *deputy_uuid = liaison_store_get_desk_setting (store, KEY_DEPUTY);
  LiaisonActor *actor = g_new0 (LiaisonActor, 1);

  if (name != NULL)
    g_strstrip (name);
  actor->role = LIAISON_LOOP_ROLE_STATION;
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ)
    {
      /* Headquarters acts as itself: a name or deputy left from when this
       * file was a station's is no one at headquarters' desk. */
      actor->role = LIAISON_LOOP_ROLE_HQ;
      g_clear_pointer (&name, g_free);
    }
  else if (g_strcmp0 (role, "deputy") == 0)
    {
      gint64 deputy_id = liaison_store_find_deputy_by_uuid (store, deputy_uuid);
      g_autoptr(LiaisonDeputy) deputy = NULL;

      if (deputy_id != 0)
        deputy = liaison_store_get_deputy (store, deputy_id, NULL);
      if (deputy != NULL)
        {
          actor->role = LIAISON_LOOP_ROLE_DEPUTY;
          actor->deputy_id = deputy_id;
          /* A deputy acts under their own name, whatever was typed. */
          g_free (name);
          name = g_strdup (deputy->name);
        }
    }

  actor->name = (name != NULL && *name != '\0') ? g_steal_pointer (&name) : default_name (actor->role);
  return actor;
}

void
liaison_actor_set_current (LiaisonStore    *store,
                           LiaisonLoopRole  role,
                           const char      *name,
                           gint64           deputy_id)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (role == LIAISON_LOOP_ROLE_STATION || role == LIAISON_LOOP_ROLE_DEPUTY);

  if (role == LIAISON_LOOP_ROLE_DEPUTY && deputy_id != 0)
    deputy = liaison_store_get_deputy (store, deputy_id, NULL);

  /* Per database: the next file opened has its own desk. */
  if (!liaison_store_set_desk_actor (store, deputy != NULL ? "deputy" : "station",
                                     name != NULL ? name : "",
                                     deputy != NULL ? deputy->meta.uuid : "", &error))
    /* Translators: %s says why */
    g_warning (_("Could not save who is at the desk: %s"), error->message);
}
