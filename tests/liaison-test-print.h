/* liaison-test-print.h: a station with one reception to print, for the
 * print tests (test-print, test-ui-print, test-privacy-exports,
 * test-ui-privacy): two visitors, one who agreed to
 * be contacted and one who did not, a suggestion and how it was handled. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_TEST_PRINT_STATION     "相山区幸福里街道人大代表联络站"
#define LIAISON_TEST_PRINT_SUMMARY     "幸福里小区电梯年久失修，经常停运，老人上下楼困难"
#define LIAISON_TEST_PRINT_HANDLING    "已联系物业公司检修，一周内答复群众"
#define LIAISON_TEST_PRINT_SUGGESTION  "关于加快幸福里小区老旧电梯改造的建议"
#define LIAISON_TEST_PRINT_CONSENTED   "13912345678"
#define LIAISON_TEST_PRINT_UNCONSENTED "13812345678"
#define LIAISON_TEST_PRINT_MASKED      "138****5678"
/* The ledger's header row, as pdftotext reads it across the page. */
#define LIAISON_TEST_PRINT_LEDGER_HEADER \
  "接待日期 接待代表 来访人 联系电话 人数 所在社区 类别 反映内容 办理情况 接待方式 同意联系 当场办结 地点"

/* Makes the station's database at @path with the deputies 张伟 and 李娜
 * and the reception of 2025-03-05 09:30 (王秀兰, who may be contacted, and
 * 陈建国, who may not); returns the reception's uuid. */
char *liaison_test_make_print_store (const char *path);

/* That database in a temporary folder of its own, as a test fixture. */
typedef struct {
  char *dir;
  char *database;  /* "station.db" in dir */
  char *uuid;      /* the reception with two visitors and a suggestion */
} LiaisonTestPrintStation;

/* g_test_add()'s set-up and tear-down (@data is not used): makes the
 * folder and the database; removes the folder. */
void  liaison_test_print_station_set_up    (LiaisonTestPrintStation *station,
                                            gconstpointer            data);
void  liaison_test_print_station_tear_down (LiaisonTestPrintStation *station,
                                            gconstpointer            data);

G_END_DECLS
