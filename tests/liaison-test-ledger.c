/* liaison-test-ledger.c: what the ledger import tests assert of an import
 * (liaison-test-ledger.h). */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include <string.h>

#include "liaison-ledger.h"
#include "liaison-test-ledger.h"
#include "liaison-test-util.h"

void
liaison_test_ledger_set_up (LiaisonTestLedger *ledger,
                            gconstpointer      data)
{
  g_autofree char *path = NULL;
  g_autofree char *roster_path = liaison_test_data_path ("roster.csv");
  g_autoptr(GFile) roster = g_file_new_for_path (roster_path);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ledger->dir = liaison_test_make_tmp_dir ("liaison-ledger-XXXXXX");
  path = g_build_filename (ledger->dir, "station.db", NULL);
  ledger->store = liaison_test_open_store (path);
  liaison_test_set_station (ledger->store, "相山区东山街道人大代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  g_assert_true (liaison_ledger_import_deputies (ledger->store, roster, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
}

void
liaison_test_ledger_tear_down (LiaisonTestLedger *ledger,
                               gconstpointer      data)
{
  liaison_test_clear_store_dir (&ledger->store, &ledger->dir);
}

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
  g_autofree char *checksum = liaison_test_database_checksum (liaison_store_get_path (store));
  g_autofree char *after = NULL;
  guint n = 99;

  g_assert_false (liaison_ledger_import_receptions (store, file, &n, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (liaison_test_ledger_count (store), ==, before);
  after = liaison_test_database_checksum (liaison_store_get_path (store));
  g_assert_cmpstr (after, ==, checksum);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

void
liaison_test_import_unreadable (LiaisonStore *store,
                                GFile        *file,
                                const char   *why)
{
  g_autofree char *message = liaison_test_import_fails (store, file, LIAISON_LEDGER_ERROR,
                                                        LIAISON_LEDGER_ERROR_ENCODING);

  g_assert_nonnull (strstr (message, "could not be read as an Excel workbook"));
  g_assert_nonnull (strstr (message, why));
}

void
liaison_test_assert_good_ledger (LiaisonStore *store,
                                 const char   *last_handling)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receptions = liaison_store_list_receptions_between (store, "2024-03-01", "2024-03-31", &error);
  const LiaisonReception *r;

  g_assert_no_error (error);
  g_assert_cmpuint (receptions->len, ==, 3);

  r = g_ptr_array_index (receptions, 0);
  g_assert_cmpstr (r->received_at, ==, "2024-03-05 09:30");  /* a date and time cell */
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->name, ==, "张桂兰");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone, ==, "13812345678");  /* typed as a number */
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->community, ==, "东山社区");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 1);
  g_assert_cmpstr (r->summary, ==, "反映道路积水严重。");
  g_assert_cmpuint (r->deputy_ids->len, ==, 1);

  r = g_ptr_array_index (receptions, 1);
  g_assert_cmpstr (r->received_at, ==, "2024-03-06 10:00");  /* a date typed as text */
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->name, ==, "李明");
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone, ==, "13900002222");  /* a phone as text */
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->community, ==, "朝阳社区");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 2);
  g_assert_cmpstr (r->summary, ==, "反映低保审核慢。");
  g_assert_cmpstr (r->handling, ==, "已登记。");

  r = g_ptr_array_index (receptions, 2);
  g_assert_cmpstr (r->received_at, ==, "2024-03-07 00:00");  /* a date cell, no time (format 14 in the .xlsx) */
  g_assert_cmpuint (r->deputy_ids->len, ==, 2);
  g_assert_cmpuint (r->visitors->len, ==, 1);
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->phone ? liaison_test_visitor_at (r, 0)->phone : "", ==, "");
  g_assert_cmpint (liaison_test_visitor_at (r, 0)->party_size, ==, 3);
  g_assert_cmpstr (liaison_test_visitor_at (r, 0)->community, ==, "金海社区");
  g_assert_cmpstr (r->summary, ==, "反映路灯不亮，\n希望修理。");
  g_assert_cmpstr (r->handling, ==, last_handling);
}
