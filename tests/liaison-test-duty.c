/* liaison-test-duty.c: a duty record made by hand in a real store. */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-test-duty.h"
#include "liaison-test-util.h"

void
liaison_test_duty_station_set_up (LiaisonTestDutyStation *station,
                                  gconstpointer           data)
{
  station->dir = liaison_test_make_tmp_dir ("liaison-duty-store-XXXXXX");
  station->path = g_build_filename (station->dir, "station.db", NULL);
  station->store = liaison_test_open_store_with_station (station->path, "相山区东山街道代表联络站");
  liaison_test_add_deputy (station->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_add_deputy (station->store, "李秀兰", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_add_deputy (station->store, "王建国", LIAISON_DEPUTY_LEVEL_PROVINCIAL);
  station->zhang = liaison_test_deputy_uuid (station->store, "张伟");
  station->li = liaison_test_deputy_uuid (station->store, "李秀兰");
  station->wang = liaison_test_deputy_uuid (station->store, "王建国");
  station->station_uuid = liaison_test_local_station_uuid (station->store);
}

void
liaison_test_duty_station_tear_down (LiaisonTestDutyStation *station,
                                     gconstpointer           data)
{
  liaison_test_clear_store_dir (&station->store, &station->dir);
  g_free (station->path);
  g_free (station->station_uuid);
  g_free (station->zhang);
  g_free (station->li);
  g_free (station->wang);
}

void
liaison_test_set_sync_role (LiaisonStore *store,
                            const char   *role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_setting (store, "sync_role", role, &error));
  g_assert_no_error (error);
}

void
liaison_test_put_in_group (LiaisonStore *store,
                           gint64        deputy_id,
                           const char   *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, deputy_id, &error);

  g_assert_no_error (error);
  deputy->group_id = liaison_store_ensure_deputy_group (store, group, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
}

LiaisonActivity *
liaison_test_activity_new (LiaisonActivityKind  kind,
                           const char          *title,
                           const char          *date)
{
  LiaisonActivity *activity = liaison_activity_new ();

  activity->kind = kind;
  activity->title = g_strdup (title);
  activity->date = g_strdup (date);
  return activity;
}

void
liaison_test_attend (LiaisonActivity   *activity,
                     const char        *deputy_uuid,
                     LiaisonAttendance  attendance)
{
  g_ptr_array_add (activity->attendees, liaison_attendee_new (deputy_uuid, attendance));
}

void
liaison_test_save_activity (LiaisonStore    *store,
                            LiaisonActivity *activity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_save_activity (store, activity, &error));
  g_assert_no_error (error);
}

LiaisonDutyShift *
liaison_test_duty_shift_new (const char *station_uuid,
                             const char *deputy_uuid,
                             const char *date)
{
  LiaisonDutyShift *shift = liaison_duty_shift_new ();

  shift->station_uuid = g_strdup (station_uuid);
  shift->deputy_uuid = g_strdup (deputy_uuid);
  shift->date = g_strdup (date);
  return shift;
}

void
liaison_test_plan_duty (LiaisonStore *store,
                        const char   *station_uuid,
                        const char   *deputy_uuid,
                        const char   *date)
{
  g_autoptr(LiaisonDutyShift) shift = liaison_test_duty_shift_new (station_uuid, deputy_uuid, date);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_save_duty_shift (store, shift, &error));
  g_assert_no_error (error);
}

gint64
liaison_test_add_hosted_reception (LiaisonStore *store,
                                   const char   *received_at,
                                   const char   *summary,
                                   const char   *deputy,
                                   const int    *party_sizes)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 deputy_id = liaison_store_find_deputy (store, deputy);

  g_assert_cmpint (deputy_id, >, 0);
  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (store, "urban_construction");
  reception->summary = g_strdup (summary);
  g_array_append_val (reception->deputy_ids, deputy_id);
  for (guint i = 0; party_sizes[i] > 0; i++)
    {
      LiaisonVisitor *visitor = liaison_test_make_visitor (i == 0 ? "赵敏" : "钱伟", "13912345678", "翠竹园社区");

      visitor->party_size = party_sizes[i];
      g_ptr_array_add (reception->visitors, visitor);
    }
  g_assert_true (liaison_store_save_reception (store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

LiaisonSuggestion *
liaison_test_add_filed_suggestion (LiaisonStore    *store,
                                   LiaisonLoopKind  kind,
                                   const char      *filer,
                                   const char      *co_signer,
                                   const char      *title,
                                   const char      *created_at)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  suggestion->kind = kind;
  suggestion->category_id = liaison_store_find_category (store, "urban_construction");
  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup ("建议内容");
  if (filer != NULL)
    {
      gint64 co_id = liaison_store_find_deputy (store, co_signer);

      suggestion->deputy_id = liaison_store_find_deputy (store, filer);
      g_array_append_val (suggestion->co_signer_ids, co_id);
    }
  else
    suggestion->raised_by = g_strdup ("刘大爷");
  g_assert_true (liaison_store_save_suggestion (store, suggestion, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE suggestions SET created_at = '%s' WHERE id = %" G_GINT64_FORMAT,
                         created_at, suggestion->meta.id);
  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_refresh_loop_cache (store, suggestion->meta.uuid, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&suggestion);
}

GDate
liaison_test_day (int year,
                  int month,
                  int mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  return date;
}
