/* liaison-test-ledger.c: what the ledger import tests assert of an import
 * (liaison-test-ledger.h). */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include "liaison-ledger.h"
#include "liaison-test-ledger.h"

guint
liaison_test_ledger_count (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = liaison_store_count_receptions (store, NULL, &error);

  g_assert_no_error (error);
  return n;
}

const LiaisonVisitor *
liaison_test_visitor_at (const LiaisonReception *reception,
                         guint                   i)
{
  g_assert_cmpuint (reception->visitors->len, >, i);
  return g_ptr_array_index (reception->visitors, i);
}

void
liaison_test_import_ok (LiaisonStore *store,
                        GFile        *file,
                        guint         expected)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (liaison_ledger_import_receptions (store, file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

char *
liaison_test_import_fails (LiaisonStore *store,
                           GFile        *file,
                           GQuark        domain,
                           int           code)
{
  g_autoptr(GError) error = NULL;
  guint before = liaison_test_ledger_count (store);
  guint n = 99;

  g_assert_false (liaison_ledger_import_receptions (store, file, &n, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (liaison_test_ledger_count (store), ==, before);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}
