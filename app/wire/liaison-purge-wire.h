/* liaison-purge-wire.h: a retention purge on the wire records a server
 * keeps (docs/privacy.md, "Retention and purge"): what a reception's and
 * a suggestion's data keep once purged. The desk does the same to its
 * rows (app/store/liaison-store-purge.c). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Purges reception @data's visitors in place: each name becomes
 * LIAISON_PURGED_MARKER, each phone and community null, the consent to
 * be contacted false; the party size stays. Returns how many visitors it changed (0: purged
 * already, or none). */
guint    liaison_purge_wire_reception  (JsonObject *data);

/* Purges suggestion @data's "raised_by" (the citizen who raised it, a
 * visitor's name) in place: the marker when it holds one. Returns TRUE
 * if it changed. */
gboolean liaison_purge_wire_suggestion (JsonObject *data);

/* Purges online_submission @data's citizen in place: a name becomes
 * LIAISON_PURGED_MARKER (none stays none), the phone and the community
 * null, the consent to be contacted false; the title and the content,
 * free text as a reception's summary, stay. Returns TRUE if it changed. */
gboolean liaison_purge_wire_online_submission (JsonObject *data);

/* The uuid of the purge record of reception @reception_uuid: the same
 * each time (a UUID version 8 of its SHA-256), so that a reception is
 * purged by one record however often the purge runs. */
char    *liaison_purge_wire_uuid       (const char *reception_uuid);

G_END_DECLS
