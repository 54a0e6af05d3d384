/* liaison-pin.h: a deputy's PIN as a slow, salted hash.
 *
 * PBKDF2-HMAC-SHA256 (nettle) over the PIN with 16 random bytes of salt
 * and LIAISON_PIN_ITERATIONS rounds, kept as one string:
 *   pbkdf2-sha256$ROUNDS$SALT$HASH   (salt and hash in base64)
 * so that the rounds can grow later and old hashes still verify. The PIN
 * itself is never kept. See docs/privacy.md, "The deputy's PIN".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_PIN_MIN_DIGITS 6
#define LIAISON_PIN_ITERATIONS 600000

/* Whether @pin is LIAISON_PIN_MIN_DIGITS or more ASCII digits (and at most
 * 32); if not, @error says so in words for the user. */
gboolean  liaison_pin_check_form (const char  *pin,
                                  GError     **error);
/* A new hash string of @pin with fresh salt; NULL (and @error) if the
 * system gives no random bytes. */
char     *liaison_pin_hash       (const char  *pin,
                                  GError     **error);
/* Whether @pin matches @hash, compared in constant time; FALSE for a hash
 * string that is not one. */
gboolean  liaison_pin_verify     (const char  *pin,
                                  const char  *hash);

G_END_DECLS
