/* liaison-hq-check.h: `liaison-hq check`: the stored records that fail
 * today's wire schema (written before a check existed), and moving them
 * out of the feed into the quarantine table. */
#pragma once

#include "liaison-hq-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *kind;
  char   *uuid;
  char   *station;  /* the station's name, its uuid if unknown, NULL for none */
  gint64  seq;
  char   *reason;   /* English, naming the field (a wire message) */
} LiaisonHqBadRecord;

void       liaison_hq_bad_record_free (LiaisonHqBadRecord *bad);

/* Every record of the feed that liaison_wire_check_record() refuses, in
 * feed order (LiaisonHqBadRecord); NULL with @error when the database
 * failed. */
GPtrArray *liaison_hq_check_records   (LiaisonHqStore  *store,
                                       GError         **error);
/* Moves @bad (from liaison_hq_check_records()) out of the feed into the
 * quarantine table, with their reasons, in one transaction: desks stop
 * receiving them. Nothing is deleted. */
gboolean   liaison_hq_quarantine      (LiaisonHqStore  *store,
                                       GPtrArray       *bad,
                                       GError         **error);

/* `liaison-hq check [--quarantine]`: prints what it found, in plain words,
 * and returns the exit status (1 while bad records stay in the feed). */
int        liaison_hq_check_run       (LiaisonHqStore  *store,
                                       gboolean         quarantine);

G_END_DECLS
