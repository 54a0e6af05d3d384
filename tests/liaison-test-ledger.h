/* liaison-test-ledger.h: what the ledger import tests (test-ledger,
 * test-ledger-xlsx-import, test-ledger-xls-import) assert of an import.
 * Every helper asserts on failure. */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* The receptions in @store, deleted ones left out. */
guint                 liaison_test_ledger_count   (LiaisonStore            *store);
/* The @i-th visitor of @reception, which must have one. */
const LiaisonVisitor *liaison_test_visitor_at     (const LiaisonReception  *reception,
                                                   guint                    i);
/* Imports @file: it succeeds and writes @expected receptions. */
void                  liaison_test_import_ok      (LiaisonStore            *store,
                                                   GFile                   *file,
                                                   guint                    expected);
/* Imports @file: it fails with @domain and @code, writes nothing, and
 * the message is returned. */
char                 *liaison_test_import_fails   (LiaisonStore            *store,
                                                   GFile                   *file,
                                                   GQuark                   domain,
                                                   int                      code);

G_END_DECLS
