/* liaison-token-store.c: the station's key, in the keyring or a 0600 file. */

#define G_LOG_DOMAIN "liaison-token-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef LIAISON_HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "liaison-token-store.h"

/* What makes one key distinct: the server and the database it was given
 * to. The path is made absolute so that a relative --database finds the
 * same key from another folder. */
static char *
key_id (const char *server_id,
        const char *database_path)
{
  g_autofree char *absolute = g_canonicalize_filename (database_path, NULL);
  g_autofree char *joined = g_strconcat (server_id, "\n", absolute, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined, -1);
}

char *
liaison_token_store_file_path (const char *server_id,
                               const char *database_path)
{
  g_autofree char *id = key_id (server_id, database_path);
  g_autofree char *name = NULL;

  /* 16 hex digits are plenty to tell a user's few databases apart. */
  id[16] = '\0';
  name = g_strdup_printf ("station-key-%s", id);
  return g_build_filename (g_get_user_config_dir (), "liaison", name, NULL);
}

#ifdef LIAISON_HAVE_LIBSECRET
static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "org.liaison.Liaison.StationKey", SECRET_SCHEMA_NONE,
    {
      { "server_id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}
#endif

typedef enum {
  KEYRING_ABSENT,
  KEYRING_LOCKED,
  KEYRING_OPEN,
} KeyringState;

/* Asking the bus whether the Secret Service name has an owner is quick and
 * never starts a keyring daemon, which could hang for the D-Bus timeout on
 * a desktop without one. */
static gboolean
keyring_is_running (void)
{
#ifdef LIAISON_HAVE_LIBSECRET
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (g_getenv ("LIAISON_NO_KEYRING") != NULL)
    return FALSE;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
#else
  return FALSE;
#endif
}

/* A locked default collection (or none at all) would make libsecret ask the
 * keyring to show an unlock prompt, which on a headless desk or from the
 * command line may never be answered. The key then goes to the 0600 file,
 * and the user is told why. */
static KeyringState
keyring_state (void)
{
#ifdef LIAISON_HAVE_LIBSECRET
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  if (!keyring_is_running ())
    return KEYRING_ABSENT;
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, NULL);
  if (service == NULL)
    return KEYRING_ABSENT;
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, NULL);
  if (collection == NULL || secret_collection_get_locked (collection))
    return KEYRING_LOCKED;
  return KEYRING_OPEN;
#else
  return KEYRING_ABSENT;
#endif
}

static gboolean
save_to_file (const char  *path,
              const char  *token,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* The mode applies when the file is created, so the key is never
   * readable by others, not even for a moment. */
  if (!g_file_set_contents_full (path, token, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  if (g_chmod (path, 0600) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not protect the file %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
liaison_token_store_save (const char  *server_id,
                          const char  *database_path,
                          const char  *token,
                          GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (server_id != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  path = liaison_token_store_file_path (server_id, database_path);
#ifdef LIAISON_HAVE_LIBSECRET
  if (keyring_state () == KEYRING_OPEN)
    {
      g_autofree char *absolute = g_canonicalize_filename (database_path, NULL);
      g_autofree char *label = g_strdup_printf (_("Liaison station key for %s"), absolute);
      g_autoptr(GError) keyring_error = NULL;

      if (secret_password_store_sync (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                      NULL, &keyring_error,
                                      "server_id", server_id, "database", absolute, NULL))
        {
          /* A key left in a file from a time without keyring is stale now. */
          g_unlink (path);
          return TRUE;
        }
      /* The key must be kept somewhere, or the enrolment code is spent
       * for nothing; liaison_token_store_describe() says where it went. */
      /* Translators: the first %s says why, the second is a file's path */
      g_message (_("The keyring did not keep the station key (%s); it goes to %s"),
                 keyring_error->message, path);
    }
#endif

  return save_to_file (path, token, error);
}

char *
liaison_token_store_load (const char  *server_id,
                          const char  *database_path,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  KeyringState state;

  g_return_val_if_fail (server_id != NULL, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  state = keyring_state ();
#ifdef LIAISON_HAVE_LIBSECRET
  if (state == KEYRING_OPEN)
    {
      g_autofree char *absolute = g_canonicalize_filename (database_path, NULL);
      char *secret = secret_password_lookup_sync (token_schema (), NULL, &local_error,
                                                  "server_id", server_id, "database", absolute, NULL);
      if (secret != NULL)
        {
          char *token = g_strdup (secret);

          secret_password_free (secret);
          return token;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Not in the keyring: perhaps in a file from before it ran. */
    }
#endif

  path = liaison_token_store_file_path (server_id, database_path);
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) && state == KEYRING_LOCKED)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("The keyring that holds this station's key is locked; unlock it (for example by logging in again) and sync again"));
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("This station's key to headquarters is missing; enroll again with a new code"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_strstrip (contents);
  if (contents[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This station's key to headquarters is missing; enroll again with a new code"));
      return NULL;
    }
  return g_steal_pointer (&contents);
}

gboolean
liaison_token_store_delete (const char  *server_id,
                            const char  *database_path,
                            GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (server_id != NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);

#ifdef LIAISON_HAVE_LIBSECRET
  if (keyring_state () == KEYRING_OPEN)
    {
      g_autofree char *absolute = g_canonicalize_filename (database_path, NULL);
      g_autoptr(GError) local_error = NULL;

      secret_password_clear_sync (token_schema (), NULL, &local_error,
                                  "server_id", server_id, "database", absolute, NULL);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
#endif

  path = liaison_token_store_file_path (server_id, database_path);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not remove the file %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static char *
tilde_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = home != NULL ? strlen (home) : 0;

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == '/')
    return g_strconcat ("~", path + len, NULL);
  return g_strdup (path);
}

char *
liaison_token_store_describe (const char *server_id,
                              const char *database_path)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  KeyringState state;

  g_return_val_if_fail (server_id != NULL, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  state = keyring_state ();
  path = liaison_token_store_file_path (server_id, database_path);
  if (state == KEYRING_OPEN && !g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup (_("The station key is kept in the keyring."));

  shown = tilde_path (path);
  switch (state)
    {
    case KEYRING_LOCKED:
      /* Translators: %s is a file path. */
      return g_strdup_printf (_("The station key is kept in the file %s, because the keyring is locked."), shown);
    case KEYRING_OPEN:
      /* Translators: %s is a file path. */
      return g_strdup_printf (_("The station key is kept in the file %s, because the keyring would not keep it."), shown);
    case KEYRING_ABSENT:
    default:
      /* Translators: %s is a file path. */
      return g_strdup_printf (_("The station key is kept in the file %s; no keyring is running."), shown);
    }
}
