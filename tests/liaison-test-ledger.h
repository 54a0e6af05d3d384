/* liaison-test-ledger.h: what the ledger import tests (test-ledger,
 * test-ledger-xlsx-import, test-ledger-xls-import) assert of an import.
 * Every helper asserts on failure. */
#pragma once

#include <gio/gio.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* A real store in a folder of its own, "station.db", for the station
 * "相山区东山街道人大代表联络站" with the five deputies of
 * tests/data/roster.csv: what every ledger import starts from. */
typedef struct {
  char         *dir;
  LiaisonStore *store;
} LiaisonTestLedger;

/* g_test_add()'s set-up and tear-down (@data is not used): makes
 * @ledger's folder and store; closes the store and removes the folder. */
void                  liaison_test_ledger_set_up     (LiaisonTestLedger       *ledger,
                                                      gconstpointer            data);
void                  liaison_test_ledger_tear_down  (LiaisonTestLedger       *ledger,
                                                      gconstpointer            data);

/* The receptions in @store, deleted ones left out. */
guint                 liaison_test_ledger_count   (LiaisonStore            *store);
/* The @i-th visitor of @reception, which must have one. */
const LiaisonVisitor *liaison_test_visitor_at     (const LiaisonReception  *reception,
                                                   guint                    i);
/* Imports @file: it succeeds and writes @expected receptions. */
void                  liaison_test_import_ok      (LiaisonStore            *store,
                                                   GFile                   *file,
                                                   guint                    expected);
/* Imports @file: it fails with @domain and @code, writes nothing (the
 * database's rows are as they were), and the message is returned. */
char                 *liaison_test_import_fails   (LiaisonStore            *store,
                                                   GFile                   *file,
                                                   GQuark                   domain,
                                                   int                      code);
/* Imports @file: it is refused as a workbook that "could not be read as
 * an Excel workbook" because of @why, and writes nothing. */
void                  liaison_test_import_unreadable (LiaisonStore         *store,
                                                      GFile                *file,
                                                      const char           *why);
/* The three receptions of the good workbook, .xlsx (made by openpyxl in
 * test-ledger-xlsx-import) or .xls (tests/data/ledger-good.xls, see
 * make-xls-ledgers.py), cell by cell: a date and time cell and a phone
 * typed as a number, a date and a phone as text, a date cell with no time
 * and no phone; the last one's handling is @last_handling. */
void                  liaison_test_assert_good_ledger (LiaisonStore         *store,
                                                       const char           *last_handling);

G_END_DECLS
