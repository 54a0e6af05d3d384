/* bench-archive.c: the duty archive of a busy deputy, for tests/bench/run.
 *
 *   bench-archive make DB N_ITEMS       a station with one deputy who, in
 *                                       2025, hosted 60% of N_ITEMS
 *                                       receptions and attended the rest as
 *                                       activities of every kind
 *   bench-archive measure DB RUNS PDF   the archive of 2025 for that
 *                                       deputy: the record built from the
 *                                       store and the PDF written, RUNS
 *                                       times
 *
 * Each prints "KEY VALUE" lines on stdout; the run script formats them.
 */
#define G_LOG_DOMAIN "bench-archive"

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "liaison-bench-common.h"
#include "liaison-duty-archive.h"
#include "liaison-duty-record.h"
#include "liaison-store-duty.h"
#include "liaison-store-private.h"

#define DEPUTY "王建国"

static const char *const titles[] = {
  "城市更新专题调研", "老旧小区改造视察", "食品安全法执法检查", "“5+4”主题活动",
  "代表小组集中活动", "代表履职学习培训", "列席市人大常委会会议", "进站接待群众",
};

static int
make (const char *path,
      guint       n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 1, 1, 9, 0, 0);
  guint n_receptions = n_items * 3 / 5;
  gint64 before = g_get_monotonic_time ();

  if (store == NULL)
    liaison_bench_fail ("open", error);
  if (!liaison_store_set_local_station (store, "相山区东山街道代表联络站", LIAISON_STATION_KIND_STATION,
                                        "相山区", &error))
    liaison_bench_fail ("station", error);
  deputy->name = g_strdup (DEPUTY);
  deputy->level = LIAISON_DEPUTY_LEVEL_CITY;
  deputy->specialty = g_strdup ("城市规划");
  deputy->group_id = liaison_store_ensure_deputy_group (store, "城区小组", &error);
  deputy->station_id = 0;
  if (error != NULL || !liaison_store_save_deputy (store, deputy, &error))
    liaison_bench_fail ("deputy", error);

  if (!liaison_store_begin (store, &error))
    liaison_bench_fail ("begin", error);
  for (guint i = 0; i < n_receptions; i++)
    {
      g_autoptr(LiaisonReception) reception = liaison_reception_new ();
      g_autoptr(GDateTime) when = g_date_time_add_minutes (start, (int) (i * (364 * 24 * 60 / n_receptions)));
      LiaisonVisitor *visitor = liaison_visitor_new ();

      reception->received_at = g_date_time_format (when, "%Y-%m-%d %H:%M");
      reception->channel = LIAISON_CHANNEL_WALK_IN;
      reception->category_id = liaison_store_find_category (store, "urban_construction");
      reception->summary = g_strdup_printf ("小区路灯不亮，第 %u 次反映", i + 1);
      g_array_append_val (reception->deputy_ids, deputy->meta.id);
      visitor->name = g_strdup ("赵敏");
      visitor->community = g_strdup ("翠竹园社区");
      visitor->party_size = 1 + i % 3;
      g_ptr_array_add (reception->visitors, visitor);
      if (!liaison_store_save_reception (store, reception, &error))
        liaison_bench_fail ("reception", error);
    }
  /* Headquarters' kinds are recorded at a headquarters desk. */
  if (!liaison_store_set_setting (store, "sync_role", "hq", &error))
    liaison_bench_fail ("role", error);
  for (guint i = 0; i < n_items - n_receptions; i++)
    {
      g_autoptr(LiaisonActivity) activity = liaison_activity_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (start, (int) (i * 365 / (n_items - n_receptions)));
      LiaisonActivityKind kind = i % (LIAISON_N_ACTIVITY_KINDS - 1);

      if (kind == LIAISON_ACTIVITY_STATION_DUTY)
        kind = LIAISON_ACTIVITY_OTHER;
      activity->kind = kind;
      activity->title = g_strdup (titles[i % G_N_ELEMENTS (titles)]);
      activity->date = g_date_time_format (day, "%Y-%m-%d");
      activity->place = g_strdup ("市人大常委会");
      g_ptr_array_add (activity->attendees,
                       liaison_attendee_new (deputy->meta.uuid,
                                             i % 17 == 0 ? LIAISON_ATTENDANCE_LEAVE : LIAISON_ATTENDANCE_ATTENDED));
      if (!liaison_store_save_activity (store, activity, &error))
        liaison_bench_fail ("activity", error);
    }
  if (!liaison_store_set_setting (store, "sync_role", NULL, &error) || !liaison_store_commit (store, &error))
    liaison_bench_fail ("commit", error);

  printf ("make-seconds %.1f\n", (g_get_monotonic_time () - before) / 1e6);
  printf ("deputy %s\n", deputy->meta.uuid);
  return 0;
}

static int
measure (const char *path,
         guint       runs,
         const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) record_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uuid = NULL;
  guint n_lines = 0;

  if (store == NULL)
    liaison_bench_fail ("open", error);
  uuid = liaison_duty_record_find_deputy (store, DEPUTY, &error);
  if (uuid == NULL)
    liaison_bench_fail ("deputy", error);
  for (guint run = 0; run < runs; run++)
    {
      gint64 before = g_get_monotonic_time ();
      double cpu_before = liaison_bench_cpu_ms ();
      g_autoptr(LiaisonDutyRecord) record = liaison_duty_record_build (store, uuid, "2025-01-01", "2025-12-31", &error);
      double record_ms = (g_get_monotonic_time () - before) / 1000.0;
      double ms, cpu;

      if (record == NULL || !liaison_duty_archive_write (record, pdf, &error))
        liaison_bench_fail ("archive", error);
      ms = (g_get_monotonic_time () - before) / 1000.0;
      cpu = liaison_bench_cpu_ms () - cpu_before;
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
      g_array_append_val (record_times, record_ms);
      n_lines = record->points->lines->len;
      if (run == 0)
        printf ("archive-first %.1f\n", ms);
    }
  printf ("archive-lines %u\n", n_lines);
  printf ("archive-median %.1f\n", liaison_bench_median (times));
  printf ("archive-cpu-median %.1f\n", liaison_bench_median (cpu_times));
  printf ("record-median %.1f\n", liaison_bench_median (record_times));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_set_prgname ("bench-archive");

  if (argc == 4 && g_str_equal (argv[1], "make"))
    return make (argv[2], (guint) atoi (argv[3]));
  if (argc == 5 && g_str_equal (argv[1], "measure"))
    return measure (argv[2], (guint) atoi (argv[3]), argv[4]);
  g_printerr ("usage: bench-archive make DB N_ITEMS | measure DB RUNS FILE.pdf\n");
  return 2;
}
