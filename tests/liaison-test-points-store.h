/* liaison-test-points-store.h: a small station store with a duty record made by
 * hand, whose points test-points-report and test-archive check.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Two groups: 城区小组 (张伟, 李秀兰, 赵磊) and 开发区小组 (王建国, 陈静);
 * 刘洋 is in none. In 2025Q1, with the default rules:
 *
 *   2025-01-10 congress session: 张伟 attended +2, 李秀兰 on leave 0,
 *              王建国 absent -2, 陈静 attended +2, 刘洋 attended +2
 *   2025-01-15 reception, 陈静: +1, and a station duty day +2
 *   2025-02-20 research: 张伟 +3, 王建国 +3
 *   2025-03-05 two receptions, 张伟: +1 +1, and one station duty day +2
 *   2025-03-31 training: 李秀兰 +1
 *   2025-04-01 theme activity, 张伟: Q2, not in the report
 *
 *   张伟   2 + 3 + 2 + 2 = 9, duty days 01-10, 02-20, 03-05 = 3
 *   李秀兰 0 + 1         = 1, duty days 03-31 = 1 (leave is none)
 *   赵磊   nothing       = 0
 *   城区小组 total 10, average 10 / 3 = 3.3; ranks 1, 2, 3
 *   陈静   2 + 1 + 2     = 5, duty days 01-10, 01-15 = 2
 *   王建国 -2 + 3        = 1, duty days 02-20 = 1 (absent is none)
 *   开发区小组 total 6, average 3; ranks 1, 2
 */
void liaison_test_make_points_store (const char *database);

/* A test's fixture: that store in a temporary folder of its own, removed
 * at the end. */
typedef struct {
  char *dir;
  char *database;  /* "station.db" in @dir */
} LiaisonTestPointsFixture;

void liaison_test_points_fixture_set_up    (LiaisonTestPointsFixture *fixture,
                                            gconstpointer             data);
void liaison_test_points_fixture_tear_down (LiaisonTestPointsFixture *fixture,
                                            gconstpointer             data);

G_END_DECLS
