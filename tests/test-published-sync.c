/* test-published-sync.c: a published report the whole way through a real
 * liaison-hq on loopback, between a real station desk and headquarters'
 * desk (docs/reports.md, "Published reports").
 *
 * 东山 (a station) logs two suggestions in March 2025; headquarters
 * refers both; by 15 April both are overdue. Headquarters publishes March
 * that day: it reaches the station, the head and the station's own part.
 * Then a late reply to one of them arrives (the unit's letter of 10 April,
 * recorded late). The publication stays byte for byte what it was, at
 * headquarters and at the station, and the comparison there shows the
 * published value, the live one, the difference, and names exactly that
 * suggestion as what changed; the other one is named nowhere.
 */
#define G_LOG_DOMAIN "test-published-sync"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-loop-wire.h"
#include "liaison-publish.h"
#include "liaison-store-desk.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-test-hq.h"
#include "liaison-test-util.h"

#define STATION "相山区第一代表联络站"
#define LEAD_UNIT "区住房和城乡建设局"
#define HQ_ACTOR "市人大代表工委 李明"
#define LATE_TITLE "金色家园小区雨后积水"
#define OTHER_TITLE "东山路口红绿灯时长太短"

typedef LiaisonTestReplica Replica;

typedef struct {
  LiaisonTestHq hq;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *units = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  liaison_test_hq_init (&fixture->hq, "liaison-published-sync-XXXXXX");
  liaison_test_hq_import_roster (&fixture->hq);
  units = g_build_filename (fixture->hq.dir, "units.csv", NULL);
  g_assert_true (g_file_set_contents (units, "名称,类型\n" LEAD_UNIT ",部门\n", -1, &error));
  g_assert_no_error (error);
  out = liaison_test_hq_run (&fixture->hq, "import units", units, NULL);
  liaison_test_hq_start (&fixture->hq);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_hq_clear (&fixture->hq);
}

static GDateTime *
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

/* A citizen's item logged at the station on @day of March 2025. */
static char *
log_suggestion (Replica    *station,
                const char *title,
                int         day)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GDateTime) at = local_time (2025, 3, day, 10);
  g_autoptr(GError) error = NULL;

  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  suggestion->category_id = liaison_store_find_category (station->store, "urban_construction");
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup ("居民反映的问题，请相关部门处理。");
  suggestion->raised_by = g_strdup ("赵敏");
  suggestion->created_at = liaison_loop_format_at (at);
  g_assert_true (liaison_store_save_suggestion (station->store, suggestion, &error));
  g_assert_no_error (error);
  return g_strdup (suggestion->meta.uuid);
}

/* 张伟 takes it up at the station, the day after. */
static void
take_up (Replica    *station,
         const char *uuid,
         int         day)
{
  LiaisonLoopEvent *event = liaison_test_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, "张伟",
                                                     local_time (2025, 3, day, 11));
  g_autoptr(LiaisonLoopEvent) owned = event;

  event->deputy_uuid = liaison_test_deputy_uuid (station->store, "张伟");
  liaison_test_record_event (station->store, liaison_test_suggestion_id (station->store, uuid), event);
}

static void
refer (Replica    *hq,
       const char *uuid,
       int         day)
{
  LiaisonLoopEvent *event = liaison_test_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR,
                                                     local_time (2025, 3, day, 15));
  g_autoptr(LiaisonLoopEvent) owned = event;
  GDate referred;

  g_date_clear (&referred, 1);
  g_date_set_dmy (&referred, day, 3, 2025);
  event->lead_unit_uuid = liaison_test_unit_uuid (hq->store, LEAD_UNIT);
  liaison_store_default_due_date (hq->store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &referred, &event->due_date);
  liaison_test_record_event (hq->store, liaison_test_suggestion_id (hq->store, uuid), event);
}

/* The unit's reply of 10 April, recorded after March was published. */
static void
late_reply (Replica    *hq,
            const char *uuid)
{
  LiaisonLoopEvent *event = liaison_test_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR,
                                                     local_time (2025, 4, 10, 9));
  g_autoptr(LiaisonLoopEvent) owned = event;

  event->reply_text = g_strdup ("已组织疏通小区排水管网，积水问题已解决。");
  event->replying_unit_uuid = liaison_test_unit_uuid (hq->store, LEAD_UNIT);
  g_date_clear (&event->reply_date, 1);
  g_date_set_dmy (&event->reply_date, 10, 4, 2025);
  liaison_test_record_event (hq->store, liaison_test_suggestion_id (hq->store, uuid), event);
}

/* The publications' stored data at @store, in order, joined: the bytes. */
static char *
published_bytes (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  GString *bytes = g_string_new (NULL);
  const char *sql[] = {
    "SELECT uuid || ' ' || data FROM published_reports ORDER BY uuid",
    "SELECT uuid || ' ' || data FROM published_report_parts ORDER BY uuid",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (store, sql[i], &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (bytes, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_string_free (bytes, FALSE);
}

/* The comparison at @replica on 20 April: replied went from @replied_then
 * to one more, overdue one less, and the late suggestion is the one change
 * it names, in every figure. */
static void
assert_late_reply_shown (Replica    *replica,
                         const char *report,
                         const char *late,
                         guint       replied_then)
{
  g_autoptr(LiaisonPublishedComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonPublishedFigureDiff *replied;
  GDate today;
  guint named = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 4, 2025);
  comparison = liaison_published_compare (replica->store, report, &today, &error);
  g_assert_no_error (error);
  g_assert_true (comparison->complete);
  g_assert_true (liaison_published_comparison_any (comparison));
  replied = &comparison->figures[LIAISON_FIGURE_REPLIED];
  g_assert_cmpuint (replied->published, ==, replied_then);
  g_assert_cmpuint (replied->live, ==, replied_then + 1);
  g_assert_cmpuint (replied->entered->len, ==, 1);
  g_assert_cmpuint (replied->left->len, ==, 0);
  g_assert_cmpstr (((LiaisonPublishedChange *) g_ptr_array_index (replied->entered, 0))->uuid, ==, late);
  g_assert_cmpstr (((LiaisonPublishedChange *) g_ptr_array_index (replied->entered, 0))->title, ==, LATE_TITLE);
  g_assert_cmpint (((LiaisonPublishedChange *) g_ptr_array_index (replied->entered, 0))->id, >, 0);
  g_assert_cmpuint (comparison->figures[LIAISON_FIGURE_OVERDUE].published, ==, 2);
  g_assert_cmpuint (comparison->figures[LIAISON_FIGURE_OVERDUE].live, ==, 1);
  g_assert_cmpuint (comparison->figures[LIAISON_FIGURE_OVERDUE].left->len, ==, 1);
  /* Collected is as published; nothing but the late one changed anywhere. */
  g_assert_cmpuint (comparison->figures[LIAISON_FIGURE_COLLECTED].published, ==, 2);
  g_assert_cmpuint (comparison->figures[LIAISON_FIGURE_COLLECTED].live, ==, 2);
  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    {
      const LiaisonPublishedFigureDiff *diff = &comparison->figures[f];
      GPtrArray *lists[] = { diff->entered, diff->left };

      g_assert_cmpint ((gint64) diff->live - (gint64) diff->published, ==,
                       (gint64) diff->entered->len - (gint64) diff->left->len);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
          {
            g_assert_cmpstr (((LiaisonPublishedChange *) g_ptr_array_index (lists[l], i))->uuid, ==, late);
            named++;
          }
    }
  g_assert_cmpuint (named, >=, 1);
}

static void
test_late_reply (Fixture       *fixture,
                 gconstpointer  data)
{
  Replica station = liaison_test_replica_new_synced_station (&fixture->hq, "station.db", STATION);
  Replica hq = liaison_test_replica_new (&fixture->hq, "hq.db");
  g_autofree char *late = NULL;
  g_autofree char *other = NULL;
  g_autofree char *hq_before = NULL;
  g_autofree char *station_before = NULL;
  g_autofree char *hq_after = NULL;
  g_autofree char *station_after = NULL;
  g_autoptr(LiaisonPublishedReport) report = NULL;
  g_autoptr(LiaisonPublishedReport) received = NULL;
  g_autoptr(LiaisonPublishedComparison) unchanged = NULL;
  g_autoptr(GPtrArray) station_parts = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonPeriod march;
  GDate published_on;

  late = log_suggestion (&station, LATE_TITLE, 10);
  other = log_suggestion (&station, OTHER_TITLE, 12);
  take_up (&station, late, 11);
  take_up (&station, other, 13);
  liaison_test_replica_sync_clean (&station);
  liaison_test_replica_enroll_hq (&fixture->hq, &hq, "代表工委办公室");
  liaison_test_replica_sync_clean (&hq);
  g_assert_true (liaison_store_set_desk_actor (hq.store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);
  refer (&hq, late, 11);
  refer (&hq, other, 13);
  liaison_test_replica_sync_clean (&hq);

  /* Headquarters publishes March on 15 April; the station receives it. */
  g_assert_true (liaison_period_parse ("2025-03", &march, &error));
  g_date_clear (&published_on, 1);
  g_date_set_dmy (&published_on, 15, 4, 2025);
  report = liaison_publish_period (hq.store, &march, &published_on, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->head->published_by, ==, "陈静");
  g_assert_cmpuint (report->head->total->counts[LIAISON_FIGURE_COLLECTED], ==, 2);
  g_assert_cmpuint (report->head->total->counts[LIAISON_FIGURE_REPLIED], ==, 0);
  g_assert_cmpuint (report->head->parts, ==, 1);
  liaison_test_replica_sync_clean (&hq);
  liaison_test_replica_sync_clean (&station);
  received = liaison_store_get_published_report (station.store, report->meta.uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (received->data, ==, report->data);
  station_parts = liaison_store_list_published_parts (station.store, report->meta.uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (station_parts->len, ==, 1);
  g_assert_cmpuint (((LiaisonPublishedPart *) g_ptr_array_index (station_parts, 0))->items->len, ==, 2);

  /* Nothing changed yet: the comparison says so. */
  unchanged = liaison_published_compare (hq.store, report->meta.uuid, &published_on, &error);
  g_assert_no_error (error);
  g_assert_false (liaison_published_comparison_any (unchanged));

  hq_before = published_bytes (hq.store);
  station_before = published_bytes (station.store);
  g_assert_cmpstr (hq_before, ==, station_before);

  /* The late reply, recorded at headquarters, reaches the station. */
  late_reply (&hq, late);
  liaison_test_replica_sync_clean (&hq);
  liaison_test_replica_sync_clean (&station);
  liaison_test_replica_sync_clean (&hq);

  hq_after = published_bytes (hq.store);
  station_after = published_bytes (station.store);
  g_assert_cmpstr (hq_after, ==, hq_before);
  g_assert_cmpstr (station_after, ==, station_before);

  assert_late_reply_shown (&hq, report->meta.uuid, late, 0);
  assert_late_reply_shown (&station, report->meta.uuid, late, 0);

  liaison_test_replica_clear (&station);
  liaison_test_replica_clear (&hq);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/published-sync/late-reply", Fixture, NULL, fixture_set_up, test_late_reply, fixture_tear_down);
  return g_test_run ();
}
