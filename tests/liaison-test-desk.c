/* liaison-test-desk.c: a station's desk for the window tests. */
#define G_LOG_DOMAIN "liaison-test-desk"

#include "config.h"

#include "liaison-move-dialog.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"

/**
 * liaison_test_desk_set_up:
 *
 * A station (LIAISON_TEST_STATION_NAME) with the deputy 王建国, three
 * handling units, a registered suggestion with a long title and a
 * reception of 2025-03-05, in a temporary folder.
 */
void
liaison_test_desk_set_up (LiaisonTestDesk *desk)
{
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LiaisonVisitor *visitor = liaison_visitor_new ();

  desk->dir = liaison_test_make_tmp_dir ("liaison-test-desk-XXXXXX");
  path = g_build_filename (desk->dir, "station.db", NULL);
  desk->store = liaison_test_open_store (path);
  liaison_test_set_station (desk->store, LIAISON_TEST_STATION_NAME, LIAISON_STATION_KIND_STATION, "相山区");
  station = liaison_store_get_local_station (desk->store);
  desk->deputy_id = liaison_test_add_deputy (desk->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_add_unit (desk->store, LIAISON_TEST_UNIT_HOUSING, "市住房和城乡建设局", "department");
  liaison_test_add_unit (desk->store, LIAISON_TEST_UNIT_TRANSPORT, "市交通运输局", "department");
  liaison_test_add_unit (desk->store, LIAISON_TEST_UNIT_LONG, LIAISON_TEST_LONG_UNIT_NAME, "department");

  suggestion->category_id = liaison_store_find_category (desk->store, "transport");
  suggestion->title = g_strdup ("关于在濉溪路与人民路交叉口增设公交站台并延长早晚高峰班次的建议");
  suggestion->content = g_strdup ("建议在濉溪路口增设公交站台，方便老人出行");
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_assert_true (liaison_store_save_suggestion (desk->store, suggestion, &error));
  g_assert_no_error (error);
  desk->suggestion_id = suggestion->meta.id;

  reception->received_at = g_strdup ("2025-03-05 09:30");
  reception->station_id = station->meta.id;
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (desk->store, "transport");
  reception->summary = g_strdup ("反映公交站台太远");
  g_array_append_val (reception->deputy_ids, desk->deputy_id);
  visitor->community = g_strdup ("东山社区");
  visitor->party_size = 1;
  g_ptr_array_add (reception->visitors, visitor);
  g_assert_true (liaison_store_save_reception (desk->store, reception, &error));
  g_assert_no_error (error);
  desk->reception_id = reception->meta.id;
}

/* Closes the window, if opened, and removes the folder. */
void
liaison_test_desk_tear_down (LiaisonTestDesk *desk)
{
  if (desk->window != NULL)
    gtk_window_destroy (GTK_WINDOW (desk->window));
  liaison_test_clear_store_dir (&desk->store, &desk->dir);
}

/* The window as a 1366×768 screen shows it, with a page open. */
void
liaison_test_desk_open_window (LiaisonTestDesk *desk)
{
  desk->window = liaison_window_new (NULL, desk->store);
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1366, 700);
  gtk_window_present (GTK_WINDOW (desk->window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, desk->window));
}

/* Opens @move's dialog on the desk's suggestion, mapped. */
GtkWidget *
liaison_test_desk_open_move (LiaisonTestDesk *desk,
                             LiaisonLoopMove  move)
{
  GtkWidget *dialog = liaison_move_dialog_new (GTK_WINDOW (desk->window), desk->store,
                                               desk->suggestion_id, move);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  return dialog;
}

/* 王建国 takes the suggestion up, as if pulled. */
void
liaison_test_desk_take_up (LiaisonTestDesk *desk)
{
  g_autoptr(LiaisonLoopEvent) event = liaison_loop_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY);

  event->actor_name = g_strdup ("王建国");
  event->deputy_uuid = liaison_test_deputy_uuid (desk->store, "王建国");
  liaison_test_record_event (desk->store, desk->suggestion_id, event);
}

/* A LiaisonTestWidgetMatch: @type is a GType in a pointer. */
gboolean
liaison_test_is_of_type (GtkWidget     *widget,
                         gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

/* A LiaisonTestWidgetMatch: a label on screen that says @text. */
gboolean
liaison_test_is_label_saying (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return liaison_test_find_widget (wait->root, liaison_test_is_label_saying, wait->text) != NULL;
}

/* Waits for a label under @root to say @text on screen. */
GtkLabel *
liaison_test_wait_label (GtkWidget  *root,
                         const char *text)
{
  LabelWait wait = { root, text };

  if (!liaison_test_wait_until (label_shown, &wait))
    g_error ("No label says “%s”", text);
  return GTK_LABEL (liaison_test_find_widget (root, liaison_test_is_label_saying, text));
}

/* The first frames of a window come at a guessed width; its size is
 * what it keeps once they are drawn. */
void
liaison_test_settle (GtkWidget *window)
{
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  liaison_test_spin (500);
}

