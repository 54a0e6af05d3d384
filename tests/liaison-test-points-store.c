/* liaison-test-points-store.c: a small duty record made by hand
 * (liaison-test-points-store.h). */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include "liaison-test-duty.h"
#include "liaison-test-points-store.h"
#include "liaison-test-util.h"

/* Pairs of a deputy's name and their attendance, up to NULL. */
static void
add_activity (LiaisonStore        *store,
              LiaisonActivityKind  kind,
              const char          *title,
              const char          *date,
              ...)
{
  g_autoptr(LiaisonActivity) activity = liaison_test_activity_new (kind, title, date);
  va_list args;

  va_start (args, date);
  for (const char *name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *uuid = liaison_test_deputy_uuid (store, name);

      liaison_test_attend (activity, uuid, va_arg (args, LiaisonAttendance));
    }
  va_end (args);
  liaison_test_save_activity (store, activity);
}

static void
add_reception (LiaisonStore *store,
               const char   *deputy,
               const char   *received_at)
{
  const int one_visitor[] = { 1, 0 };

  liaison_test_add_hosted_reception (store, received_at, "小区路灯不亮", deputy, one_visitor);
}

/* The worked answer is in liaison-test-points-store.h. */
void
liaison_test_make_points_store (const char *database)
{
  g_autoptr(LiaisonStore) store = NULL;
  const char *names[] = { "张伟", "李秀兰", "赵磊", "王建国", "陈静", "刘洋" };
  const char *groups[] = { "城区小组", "城区小组", "城区小组", "开发区小组", "开发区小组", NULL };

  store = liaison_test_open_store_with_station (database, "相山区东山街道代表联络站");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = liaison_test_add_deputy (store, names[i], LIAISON_DEPUTY_LEVEL_CITY);

      if (groups[i] != NULL)
        liaison_test_put_in_group (store, id, groups[i]);
    }

  /* Headquarters' kinds are recorded at a headquarters desk. */
  liaison_test_set_sync_role (store, "hq");
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
  liaison_test_set_sync_role (store, NULL);
  add_reception (store, "陈静", "2025-01-15 10:00");
  add_reception (store, "张伟", "2025-03-05 09:10");
  add_reception (store, "张伟", "2025-03-05 15:40");
}


void
liaison_test_points_fixture_set_up (LiaisonTestPointsFixture *fixture,
                                    gconstpointer             data)
{
  fixture->dir = liaison_test_make_tmp_dir ("liaison-points-store-XXXXXX");
  fixture->database = g_build_filename (fixture->dir, "station.db", NULL);
  liaison_test_make_points_store (fixture->database);
}

void
liaison_test_points_fixture_tear_down (LiaisonTestPointsFixture *fixture,
                                       gconstpointer             data)
{
  liaison_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
}
