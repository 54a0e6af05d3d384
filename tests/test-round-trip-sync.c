/* test-round-trip-sync.c: a reception with every field filled awkwardly
 * (liaison-test-awkward.h), sent by a station through a real liaison-hq
 * on loopback and pulled by a headquarters desktop, arrives with every
 * value: its visitors, its deputies, its inline suggestions, and its
 * 办理情况 although it was not handled on the spot; its visitors' phones
 * masked, as headquarters' desks hold them (docs/privacy.md,
 * "Headquarters and contacts"). */
#define G_LOG_DOMAIN "test-round-trip-sync"

#include "config.h"

#include <sqlite3.h>

#include "liaison-privacy.h"
#include "liaison-reception-form.h"
#include "liaison-store-private.h"
#include "liaison-test-awkward.h"
#include "liaison-test-hq.h"
#include "liaison-test-rows.h"
#include "liaison-test-util.h"

/* What a replica holds of the receptions, with local ids turned into the
 * uuids every replica shares. sync_state is left out: it is each
 * replica's own. */
static const char *const synced_rows[] = {
  "SELECT r.uuid, r.version, r.updated_at, r.origin_station_uuid, r.deleted, r.received_at, s.uuid,"
  " r.channel, c.uuid, r.summary, r.handled_on_spot, r.handling, r.visitors_text, r.place, r.occasion"
  " FROM receptions r JOIN stations s ON s.id = r.station_id JOIN categories c ON c.id = r.category_id"
  " ORDER BY r.uuid",
  "SELECT r.uuid, v.position, v.name, v.community, v.party_size, v.consent"
  " FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id ORDER BY r.uuid, v.position",
  "SELECT r.uuid, d.uuid FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id"
  " JOIN deputies d ON d.id = rd.deputy_id ORDER BY r.uuid, d.uuid",
  "SELECT g.uuid, g.version, g.updated_at, g.origin_station_uuid, g.deleted, r.uuid, s.uuid, c.uuid,"
  " g.title, g.content, g.raised_by, g.status, g.created_at"
  " FROM suggestions g JOIN receptions r ON r.id = g.reception_id JOIN stations s ON s.id = g.station_id"
  " JOIN categories c ON c.id = g.category_id ORDER BY g.uuid",
};

static void
assert_same_receptions (LiaisonStore *a,
                        LiaisonStore *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (synced_rows); i++)
    {
      g_autoptr(GPtrArray) rows_a = liaison_test_rows_read (a, synced_rows[i]);
      g_autoptr(GPtrArray) rows_b = liaison_test_rows_read (b, synced_rows[i]);

      g_assert_cmpuint (rows_a->len, >, 0);
      liaison_test_rows_assert_same (rows_a, rows_b);
    }
}

/* The visitors' phones of @store, in order. */
static GPtrArray *
phones_of (LiaisonStore *store)
{
  GPtrArray *phones = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (liaison_store_get_handle (store),
                                       "SELECT v.phone FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id"
                                       " ORDER BY r.uuid, v.position", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (phones, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return phones;
}

/* Each phone of @station's visitors at @desk: masked (app/privacy). */
static void
assert_phones_masked (LiaisonStore *station,
                      LiaisonStore *desk)
{
  g_autoptr(GPtrArray) full = phones_of (station);
  g_autoptr(GPtrArray) masked = phones_of (desk);
  guint n_phones = 0;

  g_assert_cmpuint (full->len, ==, masked->len);
  for (guint i = 0; i < full->len; i++)
    {
      g_autofree char *expected = liaison_privacy_mask_phone (g_ptr_array_index (full, i));

      g_test_message ("%s -> %s", (const char *) g_ptr_array_index (full, i), (const char *) g_ptr_array_index (masked, i));
      g_assert_cmpstr (g_ptr_array_index (masked, i), ==, expected);
      n_phones += *(const char *) g_ptr_array_index (full, i) != '\0';
    }
  g_assert_cmpuint (n_phones, >, 0);
}

static void
test_reception_through_hq (void)
{
  LiaisonTestHq hq = { NULL, };
  LiaisonTestReplica station;
  LiaisonTestReplica desk;
  LiaisonTestAwkward awkward = { NULL, };
  LiaisonSyncCounts counts;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  liaison_test_hq_init (&hq, "liaison-round-trip-sync-XXXXXX");
  liaison_test_hq_start (&hq);
  liaison_test_hq_import_roster (&hq);
  station = liaison_test_replica_new (&hq, "station.db");
  liaison_test_replica_enroll_station (&hq, &station, LIAISON_AWKWARD_STATION);
  liaison_test_sync_ok (station.engine);

  /* The awkward reception, with the deputies headquarters sent. */
  awkward.store = station.store;
  awkward.deputy_ids[0] = liaison_store_find_deputy (station.store, "张伟");
  awkward.deputy_ids[1] = liaison_store_find_deputy (station.store, "李娜");
  g_assert_cmpint (awkward.deputy_ids[0], >, 0);
  g_assert_cmpint (awkward.deputy_ids[1], >, 0);
  categories = liaison_store_list_categories (station.store, &error);
  g_assert_no_error (error);
  awkward.categories[0] = ((LiaisonCategory *) g_ptr_array_index (categories, 0))->id;
  awkward.categories[1] = ((LiaisonCategory *) g_ptr_array_index (categories, categories->len - 1))->id;
  id = liaison_test_awkward_reception (&awkward);

  counts = liaison_test_sync_ok (station.engine);
  g_assert_cmpuint (counts.rejected, ==, 0);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  g_assert_cmpuint (liaison_test_replica_unsynced (&station), ==, 0);

  desk = liaison_test_replica_new (&hq, "desk.db");
  liaison_test_replica_enroll_hq (&hq, &desk, "代表工委“办公室”");
  liaison_test_sync_ok (desk.engine);
  assert_same_receptions (station.store, desk.store);
  assert_phones_masked (station.store, desk.store);

  /* Opened at the station and saved untouched: nothing to send again. */
  reception = liaison_store_get_reception (station.store, id, &error);
  g_assert_no_error (error);
  liaison_reception_form_load (form, reception);
  g_assert_true (liaison_reception_form_save (form, station.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&station), ==, 0);

  liaison_test_replica_clear (&desk);
  liaison_test_replica_clear (&station);
  liaison_test_hq_clear (&hq);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/round-trip/sync/reception-through-hq", test_reception_through_hq);

  return g_test_run ();
}
