/* liaison-test-print.c: a station with one reception to print. */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include "liaison-test-print.h"
#include "liaison-test-util.h"

char *
liaison_test_make_print_store (const char *path)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store_with_station (path, LIAISON_TEST_PRINT_STATION);
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  LiaisonVisitor *unconsented;
  g_autoptr(GError) error = NULL;
  gint64 deputy;

  deputy = liaison_test_add_deputy (store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  g_array_append_val (reception->deputy_ids, deputy);
  deputy = liaison_test_add_deputy (store, "李娜", LIAISON_DEPUTY_LEVEL_CITY);
  g_array_append_val (reception->deputy_ids, deputy);

  reception->received_at = g_strdup ("2025-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (store, "urban_construction");
  reception->summary = g_strdup (LIAISON_TEST_PRINT_SUMMARY);
  reception->handling = g_strdup (LIAISON_TEST_PRINT_HANDLING);
  g_ptr_array_add (reception->visitors,
                   liaison_test_make_visitor ("王秀兰", LIAISON_TEST_PRINT_CONSENTED, "幸福里社区"));
  unconsented = liaison_test_make_visitor ("陈建国", LIAISON_TEST_PRINT_UNCONSENTED, "幸福里社区");
  unconsented->consent = FALSE;
  g_ptr_array_add (reception->visitors, unconsented);
  suggestion->category_id = reception->category_id;
  suggestion->title = g_strdup (LIAISON_TEST_PRINT_SUGGESTION);
  suggestion->content = g_strdup ("建议街道协调专项资金，年内完成电梯更新");
  suggestion->raised_by = g_strdup ("王秀兰");
  g_ptr_array_add (reception->suggestions, g_steal_pointer (&suggestion));
  g_assert_true (liaison_store_save_reception (store, reception, &error));
  g_assert_no_error (error);
  return g_strdup (reception->meta.uuid);
}

void
liaison_test_print_station_set_up (LiaisonTestPrintStation *station,
                                   gconstpointer            data)
{
  station->dir = liaison_test_make_tmp_dir ("liaison-print-XXXXXX");
  station->database = g_build_filename (station->dir, "station.db", NULL);
  station->uuid = liaison_test_make_print_store (station->database);
}

void
liaison_test_print_station_tear_down (LiaisonTestPrintStation *station,
                                      gconstpointer            data)
{
  liaison_test_remove_tree (station->dir);
  g_free (station->dir);
  g_free (station->database);
  g_free (station->uuid);
}
