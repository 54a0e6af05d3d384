/* liaison-store-deputy-pin.c: a deputy's PIN at this desk
 * (liaison-store-deputy-pin.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-pin.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-store-private.h"

/* Settings keys, each followed by the deputy's uuid. */
#define HASH_KEY  "pin-hash-"
#define TRIES_KEY "pin-tries-"
#define UNTIL_KEY "pin-locked-until-"

static char *
get_deputy_setting (LiaisonStore *self,
                    const char   *prefix,
                    const char   *deputy_uuid)
{
  g_autofree char *key = g_strconcat (prefix, deputy_uuid, NULL);

  return liaison_store_get_setting (self, key);
}

static gboolean
set_deputy_setting (LiaisonStore  *self,
                    const char    *prefix,
                    const char    *deputy_uuid,
                    const char    *value,
                    GError       **error)
{
  g_autofree char *key = g_strconcat (prefix, deputy_uuid, NULL);

  return liaison_store_set_setting (self, key, value, error);
}

static gint64
get_deputy_number (LiaisonStore *self,
                   const char   *prefix,
                   const char   *deputy_uuid)
{
  g_autofree char *text = get_deputy_setting (self, prefix, deputy_uuid);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static GDateTime *
now_or_clock (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

gboolean
liaison_store_deputy_has_pin (LiaisonStore *self,
                              const char   *deputy_uuid)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  hash = get_deputy_setting (self, HASH_KEY, deputy_uuid);
  return hash != NULL;
}

gboolean
liaison_store_deputy_is_verified (LiaisonStore *self,
                                  const char   *deputy_uuid)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  return deputy_uuid != NULL && g_strcmp0 (liaison_store_get_verified_deputy (self), deputy_uuid) == 0;
}

gboolean
liaison_store_set_deputy_pin (LiaisonStore  *self,
                              const char    *deputy_uuid,
                              const char    *pin,
                              GError       **error)
{
  g_autoptr(GError) form_error = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  if (liaison_store_deputy_has_pin (self, deputy_uuid))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy already has a PIN; headquarters can reset it."));
      return FALSE;
    }
  if (!liaison_pin_check_form (pin, &form_error))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, form_error->message);
      return FALSE;
    }
  hash = liaison_pin_hash (pin, error);
  if (hash == NULL)
    return FALSE;

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!set_deputy_setting (self, HASH_KEY, deputy_uuid, hash, error) ||
      !set_deputy_setting (self, TRIES_KEY, deputy_uuid, NULL, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, NULL, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  liaison_store_set_verified_deputy (self, deputy_uuid);
  return TRUE;
}

GDateTime *
liaison_store_deputy_pin_locked_until (LiaisonStore *self,
                                       const char   *deputy_uuid,
                                       GDateTime    *now)
{
  g_autoptr(GDateTime) at = NULL;
  gint64 until;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (deputy_uuid != NULL, NULL);

  until = get_deputy_number (self, UNTIL_KEY, deputy_uuid);
  at = now_or_clock (now);
  if (until <= g_date_time_to_unix (at))
    return NULL;
  return g_date_time_new_from_unix_utc (until);
}

static void
set_locked_error (GDateTime  *until,
                  GError    **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (until);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %s is a local date and time, such as 2026-12-05 14:05 */
               _("Too many wrong PINs: this deputy can try again at this desk from %s."), when);
}

/* Counts one wrong try at @now, locking the deputy out at the fifth. */
static gboolean
count_wrong_try (LiaisonStore  *self,
                 const char    *deputy_uuid,
                 GDateTime     *now,
                 GError       **error)
{
  gint64 tries = get_deputy_number (self, TRIES_KEY, deputy_uuid) + 1;
  g_autofree char *tries_text = NULL;
  g_autofree char *until_text = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (tries >= LIAISON_PIN_MAX_TRIES)
    {
      until = g_date_time_add_minutes (now, LIAISON_PIN_LOCK_MINUTES);
      until_text = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (until));
      tries = 0;
    }
  else
    tries_text = g_strdup_printf ("%" G_GINT64_FORMAT, tries);

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!set_deputy_setting (self, TRIES_KEY, deputy_uuid, tries_text, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, until_text, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }

  if (until != NULL)
    set_locked_error (until, error);
  else
    {
      guint left = (guint) (LIAISON_PIN_MAX_TRIES - tries);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Wrong PIN. %u try left before this deputy is locked out for 15 minutes.",
                                "Wrong PIN. %u tries left before this deputy is locked out for 15 minutes.", left),
                   left);
    }
  return FALSE;
}

gboolean
liaison_store_verify_deputy_pin (LiaisonStore  *self,
                                 const char    *deputy_uuid,
                                 const char    *pin,
                                 GDateTime     *now,
                                 GError       **error)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) locked = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (deputy_uuid != NULL, FALSE);

  at = now_or_clock (now);
  locked = liaison_store_deputy_pin_locked_until (self, deputy_uuid, at);
  if (locked != NULL)
    {
      set_locked_error (locked, error);
      return FALSE;
    }
  hash = get_deputy_setting (self, HASH_KEY, deputy_uuid);
  if (hash == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This deputy has no PIN yet; set one first."));
      return FALSE;
    }
  if (!liaison_pin_verify (pin, hash))
    return count_wrong_try (self, deputy_uuid, at, error);

  if (!liaison_store_begin (self, error))
    return FALSE;
  if (!set_deputy_setting (self, TRIES_KEY, deputy_uuid, NULL, error) ||
      !set_deputy_setting (self, UNTIL_KEY, deputy_uuid, NULL, error) ||
      !liaison_store_commit (self, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  liaison_store_set_verified_deputy (self, deputy_uuid);
  return TRUE;
}
