/* liaison-test-duty.h: a duty record made by hand in a real store:
 * activities with attendance, duty shifts, receptions hosted and deputy
 * suggestions, for test-duty-store, test-duty-store-sync and
 * test-duty-record. Every helper
 * asserts on failure. */
#pragma once

#include <glib.h>

#include "liaison-activity.h"
#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* A station's store in a temporary folder of its own, "相山区东山街道代表
 * 联络站" with three deputies, for test-duty-store and
 * test-duty-store-sync. */
typedef struct {
  char         *dir;
  char         *path;          /* "station.db" in dir */
  LiaisonStore *store;
  char         *station_uuid;
  char         *zhang;         /* 张伟, a city deputy */
  char         *li;            /* 李秀兰, a city deputy */
  char         *wang;          /* 王建国, a provincial deputy */
} LiaisonTestDutyStation;

/* g_test_add()'s set-up and tear-down (@data is not used). */
void               liaison_test_duty_station_set_up    (LiaisonTestDutyStation *station,
                                                        gconstpointer           data);
void               liaison_test_duty_station_tear_down (LiaisonTestDutyStation *station,
                                                        gconstpointer           data);

/* Sets (NULL: removes) the replica's sync_role: "hq" may record the
 * headquarters kinds of activity. */
void               liaison_test_set_sync_role   (LiaisonStore        *store,
                                                 const char          *role);

/* Puts the deputy @deputy_id in the deputy group named @group. */
void               liaison_test_put_in_group    (LiaisonStore        *store,
                                                 gint64               deputy_id,
                                                 const char          *group);

LiaisonActivity   *liaison_test_activity_new    (LiaisonActivityKind  kind,
                                                 const char          *title,
                                                 const char          *date);
void               liaison_test_attend          (LiaisonActivity     *activity,
                                                 const char          *deputy_uuid,
                                                 LiaisonAttendance    attendance);
void               liaison_test_save_activity   (LiaisonStore        *store,
                                                 LiaisonActivity     *activity);

LiaisonDutyShift  *liaison_test_duty_shift_new  (const char          *station_uuid,
                                                 const char          *deputy_uuid,
                                                 const char          *date);
/* Saves a planned duty day; NULL @station_uuid: this station. */
void               liaison_test_plan_duty       (LiaisonStore        *store,
                                                 const char          *station_uuid,
                                                 const char          *deputy_uuid,
                                                 const char          *date);

/* A walk-in reception at this station, received at @received_at (local
 * "YYYY-MM-DD HH:MM"), hosted by the deputy named @deputy, with one
 * visitor per entry of @party_sizes (0-terminated), each of that party
 * size. Returns its id. */
gint64             liaison_test_add_hosted_reception (LiaisonStore   *store,
                                                      const char     *received_at,
                                                      const char     *summary,
                                                      const char     *deputy,
                                                      const int      *party_sizes);

/* A suggestion of @kind filed by the deputy named @filer with the deputy
 * named @co_signer (NULL @filer: a citizen's, raised by 刘大爷),
 * registered at @created_at (UTC), as a pulled one would be. */
LiaisonSuggestion *liaison_test_add_filed_suggestion (LiaisonStore    *store,
                                                      LiaisonLoopKind  kind,
                                                      const char      *filer,
                                                      const char      *co_signer,
                                                      const char      *title,
                                                      const char      *created_at);

GDate              liaison_test_day             (int                  year,
                                                 int                  month,
                                                 int                  mday);

G_END_DECLS
