/* liaison-test-desk.h: a station's desk for the window tests: a store
 * with a station, a deputy, handling units (one with a long name), a
 * suggestion and a reception; the window and the move dialogs opened on
 * it; and waits on what the screen says. Every helper asserts. */
#pragma once

#include <adwaita.h>

#include "liaison-loop.h"
#include "liaison-store.h"
#include "liaison-window.h"

G_BEGIN_DECLS

#define LIAISON_TEST_UNIT_HOUSING "9e000000-0000-4000-8000-000000000001"
#define LIAISON_TEST_UNIT_TRANSPORT "9e000000-0000-4000-8000-000000000002"
#define LIAISON_TEST_UNIT_LONG "9e000000-0000-4000-8000-000000000003"
/* A real kind of name: longer than any row is wide. */
#define LIAISON_TEST_LONG_UNIT_NAME "淮北市相山区住房和城乡建设局城市管理综合行政执法大队东山街道中队"
#define LIAISON_TEST_STATION_NAME "相山区东山街道人大代表联络站"

typedef struct {
  char          *dir;
  LiaisonStore  *store;
  gint64         deputy_id;
  gint64         suggestion_id;
  gint64         reception_id;
  LiaisonWindow *window;
} LiaisonTestDesk;

void       liaison_test_desk_set_up       (LiaisonTestDesk  *desk);
void       liaison_test_desk_tear_down    (LiaisonTestDesk  *desk);
void       liaison_test_desk_open_window  (LiaisonTestDesk  *desk);
GtkWidget *liaison_test_desk_open_move    (LiaisonTestDesk  *desk,
                                           LiaisonLoopMove   move);
void       liaison_test_desk_take_up      (LiaisonTestDesk  *desk);

gboolean   liaison_test_is_of_type        (GtkWidget        *widget,
                                           gconstpointer     type);
gboolean   liaison_test_is_label_saying   (GtkWidget        *widget,
                                           gconstpointer     text);
GtkLabel  *liaison_test_wait_label        (GtkWidget        *root,
                                           const char       *text);
void       liaison_test_settle            (GtkWidget        *window);

G_END_DECLS
