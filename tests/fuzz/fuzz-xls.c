/* fuzz-xls.c: the ledger's import of an Excel 97-2003 workbook (.xls),
 * through liaison-xls-reader (libfreexl, in a process of its own) and the
 * check of its answer, into a real SQLite store.
 *
 * The input is written as ledger.xls and imported as receptions (the
 * roster of tests/data/roster.csv is there already) in the store's
 * transaction, rolled back after each input. The corpus starts from the
 * LibreOffice-made workbooks of tests/data.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "config.h"

#include "fuzz-common.h"

#include "liaison-import-problems.h"
#include "liaison-ledger.h"

static LiaisonStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("xls");
  /* Without the reader every input is refused alike: nothing fuzzed. */
  if (!g_file_test (BUILD_XLS_READER, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is not built: ninja -C BUILD app/xlsx/liaison-xls-reader", BUILD_XLS_READER);
  store = fuzz_open_store (FALSE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_file ("ledger.xls", data, size);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  guint n = 0;

  if (!liaison_store_begin (store, NULL))
    g_error ("the store could not begin");
  liaison_ledger_import_receptions_with_problems (store, file, &n, problems, NULL);
  liaison_store_rollback (store);
  return 0;
}
