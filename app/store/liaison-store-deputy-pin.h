/* liaison-store-deputy-pin.h: acting in a deputy's name takes the deputy's
 * PIN (docs/privacy.md, "The deputy's PIN").
 *
 * A deputy sets a PIN of 6 digits or more the first time they act at a
 * desk; it is kept as a slow, salted hash (app/pin), never as the PIN.
 * Entering it right marks the deputy verified at this desk until another
 * person sits down or the store is closed; a deputy's move made here
 * (liaison_store_add_suggestion_event() with role deputy: taking up,
 * answering on the spot, rating blind, withdrawing) is refused otherwise.
 * Moves pulled from another desk are history, and are not asked for it.
 *
 * Five wrong tries in a row lock that deputy at this desk for 15 minutes;
 * the count and the lock are kept in the file's settings, so a restart
 * does not reset them, and never sync.
 *
 * The hash is a synced record (deputy_pins, the wire's deputy_pin): it
 * goes to the deputy's station and headquarters, so a PIN set at one of
 * the station's desks is the deputy's PIN at all of them. Headquarters
 * can reset it.
 */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_PIN_MAX_TRIES    5
#define LIAISON_PIN_LOCK_MINUTES 15

/* Whether @deputy_uuid has a PIN at this desk. */
gboolean    liaison_store_deputy_has_pin     (LiaisonStore  *self,
                                              const char    *deputy_uuid);
/* The deputy's first PIN: refused (LIAISON_STORE_ERROR_INVALID, in words
 * for the user) if they have one, or if @pin is not 6 to 32 digits. On
 * success the deputy is verified at this desk. */
gboolean    liaison_store_set_deputy_pin     (LiaisonStore  *self,
                                              const char    *deputy_uuid,
                                              const char    *pin,
                                              GError       **error);
/* Checks @pin at @now (NULL: the clock's now). Right: the deputy is
 * verified and the wrong tries forgotten. Wrong, or locked: FALSE with a
 * message for the user (LIAISON_STORE_ERROR_INVALID), saying how many
 * tries are left or until when the deputy is locked out. */
gboolean    liaison_store_verify_deputy_pin  (LiaisonStore  *self,
                                              const char    *deputy_uuid,
                                              const char    *pin,
                                              GDateTime     *now,
                                              GError       **error);
/* Until when @deputy_uuid is locked out at this desk at @now (NULL: now),
 * or NULL if they are not. */
GDateTime  *liaison_store_deputy_pin_locked_until (LiaisonStore *self,
                                                   const char   *deputy_uuid,
                                                   GDateTime    *now);
/* Whether @deputy_uuid entered their PIN at this desk since the store was
 * opened and nobody else sat down since. */
gboolean    liaison_store_deputy_is_verified (LiaisonStore  *self,
                                              const char    *deputy_uuid);
/* Headquarters' reset: the deputy's PIN record is sent again with no
 * hash, who reset it (the name at this desk) and when, so that the
 * deputy sets a new PIN the next time they act, at any desk the record
 * reaches. Refused (LIAISON_STORE_ERROR_READ_ONLY, in words for the user)
 * at a desk that is not headquarters', and for a deputy with no PIN.
 * Clears this desk's wrong tries and lock for the deputy. */
gboolean    liaison_store_reset_deputy_pin   (LiaisonStore  *self,
                                              const char    *deputy_uuid,
                                              GError       **error);
/* The deputy's PIN record here, if any: whether it holds a hash (FALSE
 * after a reset), when it was set or reset (UTC, YYYY-MM-DDTHH:MM:SSZ)
 * and who reset it (NULL for a PIN set). FALSE if there is none. */
gboolean    liaison_store_get_deputy_pin_record (LiaisonStore  *self,
                                                 const char    *deputy_uuid,
                                                 gboolean      *has_hash,
                                                 char         **set_at,
                                                 char         **reset_by);

G_END_DECLS
