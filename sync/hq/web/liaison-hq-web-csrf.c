/* liaison-hq-web-csrf.c: the public site's CSRF tokens
 * (liaison-hq-web-csrf.h). */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-hq-web-csrf.h"
#include "liaison-protocol.h"

#define SECRET_BYTES 32
#define NONCE_BYTES 8
/* A token made a little in the future (another clock) still counts. */
#define CLOCK_SLACK 60

struct _LiaisonHqWebCsrf
{
  guint8 secret[SECRET_BYTES];
};

LiaisonHqWebCsrf *
liaison_hq_web_csrf_new (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(LiaisonHqWebCsrf) self = g_new0 (LiaisonHqWebCsrf, 1);
  g_autofree char *path = g_build_filename (data_dir, "web-secret", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_file_get_contents (path, &contents, &length, NULL) && length == SECRET_BYTES)
    {
      memcpy (self->secret, contents, SECRET_BYTES);
      return g_steal_pointer (&self);
    }
  if (!liaison_protocol_fill_random (self->secret, SECRET_BYTES))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The system gave no random numbers for the public site’s secret."));
      return NULL;
    }
  if (!g_file_set_contents_full (path, (const char *) self->secret, SECRET_BYTES,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
liaison_hq_web_csrf_free (LiaisonHqWebCsrf *self)
{
  if (self == NULL)
    return;
  memset (self->secret, 0, sizeof self->secret);
  g_free (self);
}

static char *
mac_of (LiaisonHqWebCsrf *self,
        const char       *signed_part)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, self->secret, SECRET_BYTES);

  g_hmac_update (hmac, (const guchar *) signed_part, strlen (signed_part));
  return g_strdup (g_hmac_get_string (hmac));
}

char *
liaison_hq_web_csrf_issue (LiaisonHqWebCsrf *self)
{
  guint8 nonce[NONCE_BYTES];
  GString *signed_part = g_string_new (NULL);
  g_autofree char *mac = NULL;

  if (!liaison_protocol_fill_random (nonce, sizeof nonce))
    g_error ("No source of random numbers: cannot make a CSRF token");
  g_string_append_printf (signed_part, "%" G_GINT64_FORMAT ".", g_get_real_time () / G_USEC_PER_SEC);
  for (guint i = 0; i < NONCE_BYTES; i++)
    g_string_append_printf (signed_part, "%02x", nonce[i]);
  mac = mac_of (self, signed_part->str);
  g_string_append_printf (signed_part, ".%s", mac);
  return g_string_free (signed_part, FALSE);
}

/* Compares without stopping at the first difference. */
static gboolean
equal_in_constant_time (const char *a,
                        const char *b)
{
  gsize length = strlen (a);
  guint8 difference = 0;

  if (strlen (b) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (a[i] ^ b[i]);
  return difference == 0;
}

gboolean
liaison_hq_web_csrf_check (LiaisonHqWebCsrf *self,
                           const char       *form_token,
                           const char       *cookie_token,
                           gint64            now)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *signed_part = NULL;
  g_autofree char *mac = NULL;
  gint64 made;

  if (form_token == NULL || cookie_token == NULL || strlen (form_token) > 200 ||
      !equal_in_constant_time (form_token, cookie_token))
    return FALSE;
  parts = g_strsplit (form_token, ".", -1);
  if (g_strv_length (parts) != 3 ||
      strlen (parts[1]) != 2 * NONCE_BYTES ||
      !g_ascii_string_to_signed (parts[0], 10, 0, G_MAXINT64, &made, NULL))
    return FALSE;
  signed_part = g_strdup_printf ("%s.%s", parts[0], parts[1]);
  mac = mac_of (self, signed_part);
  if (!equal_in_constant_time (mac, parts[2]))
    return FALSE;
  return made <= now + CLOCK_SLACK && now - made < LIAISON_HQ_WEB_CSRF_SECONDS;
}
