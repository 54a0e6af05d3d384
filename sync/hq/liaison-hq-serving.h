/* liaison-hq-serving.h: the mark a running `liaison-hq serve` holds on
 * its data directory and its PostgreSQL database, and the check
 * `liaison-hq migrate` makes of it (docs/hq.md, "Moving to PostgreSQL").
 *
 * Locks, not a pid file: the kernel and PostgreSQL drop them when the
 * server ends, however it ends, so a crash leaves no stale mark. A server
 * holds them shared (several servers may serve one data directory and one
 * database); migrate takes them exclusive without waiting, so it fails
 * while any server holds them, and a server started during a migrate
 * fails to start. */
#pragma once

#include <glib.h>

#include "liaison-hq-db.h"

G_BEGIN_DECLS

/* The lock file in a data directory, made empty if missing. */
#define LIAISON_HQ_SERVING_LOCK_FILE "liaison-hq.lock"

typedef struct _LiaisonHqServing LiaisonHqServing;

/* Marks that this process serves @data_dir (a shared flock () on its
 * lock file) and, on PostgreSQL, @db (a session advisory lock held
 * shared on @db's connection, until it closes). NULL, with @error
 * (LIAISON_HQ_STORE_ERROR_BUSY), while `liaison-hq migrate` holds either.
 * A data directory where the lock file cannot be made or locked (a
 * read-only one) is served unmarked, with a line on stderr. */
LiaisonHqServing *liaison_hq_serving_hold    (const char   *data_dir,
                                              LiaisonHqDb  *db,
                                              GError      **error);
void              liaison_hq_serving_release (LiaisonHqServing *serving);

/* Takes @data_dir's mark exclusive, without waiting, until released;
 * NULL, with @error, translated, saying whether a server holds it
 * (LIAISON_HQ_STORE_ERROR_BUSY) or why it could not be checked. */
LiaisonHqServing *liaison_hq_serving_lock_dir (const char  *data_dir,
                                               GError     **error);

/* Takes @db's mark (PostgreSQL) exclusive, without waiting, until the
 * end of @db's open transaction. FALSE, with @error as above naming @db
 * as @shown, if a server holds it or the lock could not be asked for. */
gboolean          liaison_hq_serving_lock_db  (LiaisonHqDb  *db,
                                               const char   *shown,
                                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonHqServing, liaison_hq_serving_release)

G_END_DECLS
