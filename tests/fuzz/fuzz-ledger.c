/* fuzz-ledger.c: the ledger's imports, into a real SQLite store.
 *
 * The input is a CSV file in any encoding. It is imported as a deputy
 * roster and then as receptions (the roster of tests/data/roster.csv is
 * there already), each in the store's transaction; the whole is rolled
 * back after each input so that every input meets the same store.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include "liaison-import-problems.h"
#include "liaison-ledger.h"

static LiaisonStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("ledger");
  store = fuzz_open_store (FALSE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_file ("ledger.csv", data, size);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  guint n = 0;

  if (!liaison_store_begin (store, NULL))
    g_error ("the store could not begin");
  liaison_ledger_import_deputies_with_problems (store, file, &n, problems, NULL);
  liaison_ledger_import_receptions_with_problems (store, file, &n, problems, NULL);
  liaison_store_rollback (store);
  return 0;
}
