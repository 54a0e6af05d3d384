/* liaison-wire-uuid.c: the uuids the wire derives from another record's,
 * so that two desks writing the same record alone write one: a deputy's
 * PIN (liaison-wire-schema.h) and the decision on an online submission
 * (liaison-online-wire.h). */
#define G_LOG_DOMAIN "liaison-wire-schema"

#include "config.h"

#include <string.h>

#include "liaison-online-wire.h"
#include "liaison-wire-schema.h"

char *
liaison_wire_deputy_pin_uuid (const char *deputy_uuid)
{
  char *uuid = g_ascii_strdown (deputy_uuid, -1);

  if (strlen (uuid) == 36)
    uuid[14] = '8';
  return uuid;
}

char *
liaison_online_decision_uuid (const char *submission_uuid)
{
  g_autofree char *lower = g_ascii_strdown (submission_uuid != NULL ? submission_uuid : "", -1);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "liaison:online_decision:", -1);
  g_checksum_update (checksum, (const guchar *) lower, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5: name-based, SHA-1 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* the RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
