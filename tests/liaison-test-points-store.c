/* liaison-test-points-store.c: a small duty record made by hand
 * (liaison-test-points-store.h). */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-test-points-store.h"
#include "liaison-test-util.h"

static void
put_in_group (LiaisonStore *store,
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

static void
add_activity (LiaisonStore        *store,
              LiaisonActivityKind  kind,
              const char          *title,
              const char          *date,
              ...)
{
  g_autoptr(LiaisonActivity) activity = liaison_activity_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  activity->kind = kind;
  activity->title = g_strdup (title);
  activity->date = g_strdup (date);
  /* Pairs of a deputy's name and their attendance, up to NULL. */
  va_start (args, date);
  for (const char *name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *uuid = liaison_test_deputy_uuid (store, name);

      g_ptr_array_add (activity->attendees, liaison_attendee_new (uuid, va_arg (args, LiaisonAttendance)));
    }
  va_end (args);
  g_assert_true (liaison_store_save_activity (store, activity, &error));
  g_assert_no_error (error);
}

static void
add_reception (LiaisonStore *store,
               const char   *deputy,
               const char   *received_at)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = liaison_store_find_deputy (store, deputy);

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (store, "urban_construction");
  reception->summary = g_strdup ("小区路灯不亮");
  g_array_append_val (reception->deputy_ids, id);
  g_ptr_array_add (reception->visitors, liaison_test_make_visitor ("赵敏", "13912345678", "翠竹园社区"));
  g_assert_true (liaison_store_save_reception (store, reception, &error));
  g_assert_no_error (error);
}

/* The worked answer is in liaison-test-points-store.h. */
void
liaison_test_make_points_store (const char *database)
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "张伟", "李秀兰", "赵磊", "王建国", "陈静", "刘洋" };
  const char *groups[] = { "城区小组", "城区小组", "城区小组", "开发区小组", "开发区小组", NULL };

  store = liaison_test_open_store_with_station (database, "相山区东山街道代表联络站");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = liaison_test_add_deputy (store, names[i], LIAISON_DEPUTY_LEVEL_CITY);

      if (groups[i] != NULL)
        put_in_group (store, id, groups[i]);
    }

  /* Headquarters' kinds are recorded at a headquarters desk. */
  g_assert_true (liaison_store_set_setting (store, "sync_role", "hq", &error));
  g_assert_no_error (error);
  add_activity (store, LIAISON_ACTIVITY_CONGRESS_SESSION, "市十七届人大四次会议", "2025-01-10",
                "张伟", LIAISON_ATTENDANCE_ATTENDED, "李秀兰", LIAISON_ATTENDANCE_LEAVE,
                "王建国", LIAISON_ATTENDANCE_ABSENT, "陈静", LIAISON_ATTENDANCE_ATTENDED,
                "刘洋", LIAISON_ATTENDANCE_ATTENDED, NULL);
  add_activity (store, LIAISON_ACTIVITY_RESEARCH, "城市更新专题调研", "2025-02-20",
                "张伟", LIAISON_ATTENDANCE_ATTENDED, "王建国", LIAISON_ATTENDANCE_ATTENDED, NULL);
  add_activity (store, LIAISON_ACTIVITY_TRAINING, "代表履职学习培训", "2025-03-31",
                "李秀兰", LIAISON_ATTENDANCE_ATTENDED, NULL);
  add_activity (store, LIAISON_ACTIVITY_THEME_ACTIVITY, "“5+4”主题活动", "2025-04-01",
                "张伟", LIAISON_ATTENDANCE_ATTENDED, NULL);
  g_assert_true (liaison_store_set_setting (store, "sync_role", NULL, &error));
  g_assert_no_error (error);
  add_reception (store, "陈静", "2025-01-15 10:00");
  add_reception (store, "张伟", "2025-03-05 09:10");
  add_reception (store, "张伟", "2025-03-05 15:40");
}

