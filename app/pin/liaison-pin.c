/* liaison-pin.c: a deputy's PIN as a slow, salted hash (liaison-pin.h). */
#define G_LOG_DOMAIN "liaison-pin"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <string.h>
#include <sys/random.h>

#include "liaison-pin.h"

#define SALT_SIZE 16
#define HASH_SIZE 32
#define MAX_DIGITS 32
#define PREFIX "pbkdf2-sha256"

gboolean
liaison_pin_check_form (const char  *pin,
                        GError     **error)
{
  gsize n = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("A PIN is made of digits only."));
        return FALSE;
      }
  if (n < LIAISON_PIN_MIN_DIGITS || n > MAX_DIGITS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A PIN has %d to %d digits."), LIAISON_PIN_MIN_DIGITS, MAX_DIGITS);
      return FALSE;
    }
  return TRUE;
}

static void
derive (const char   *pin,
        guint         rounds,
        const guint8 *salt,
        gsize         salt_size,
        guint8        out[HASH_SIZE])
{
  pbkdf2_hmac_sha256 (strlen (pin), (const uint8_t *) pin, rounds, salt_size, salt, HASH_SIZE, out);
}

char *
liaison_pin_hash (const char  *pin,
                  GError     **error)
{
  guint8 salt[SALT_SIZE];
  guint8 hash[HASH_SIZE];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);

  if (getrandom (salt, sizeof salt, 0) != (ssize_t) sizeof salt)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("This computer gave no random numbers for the PIN: %s"), g_strerror (saved));
      return NULL;
    }
  derive (pin, LIAISON_PIN_ITERATIONS, salt, sizeof salt, hash);
  salt64 = g_base64_encode (salt, sizeof salt);
  hash64 = g_base64_encode (hash, sizeof hash);
  return g_strdup_printf (PREFIX "$%u$%s$%s", (guint) LIAISON_PIN_ITERATIONS, salt64, hash64);
}

gboolean
liaison_pin_verify (const char *pin,
                    const char *hash)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guchar *salt = NULL;
  g_autofree guchar *want = NULL;
  gsize salt_size = 0;
  gsize want_size = 0;
  guint64 rounds = 0;
  guint8 got[HASH_SIZE];

  if (pin == NULL || hash == NULL)
    return FALSE;
  parts = g_strsplit (hash, "$", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], PREFIX) != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 10000000, &rounds, NULL))
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_size);
  want = g_base64_decode (parts[3], &want_size);
  if (salt_size == 0 || want_size != HASH_SIZE)
    return FALSE;
  derive (pin, (guint) rounds, salt, salt_size, got);
  return memeql_sec (got, want, HASH_SIZE) != 0;
}
