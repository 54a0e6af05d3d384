/* test-ui-deputy-privacy.c: the roster follows issue 13's section 5 on
 * screen (docs/privacy.md, "The deputy's PIN").
 *
 * - The roster's list masks a deputy's phone, 138****5678, never the
 *   full number.
 * - At a station, a deputy on headquarters' roster opens read-only: no
 *   Save, a note saying why, the phone masked, nothing editable, and
 *   saving (its key) writes nothing. The station's own deputy stays
 *   editable.
 * - At headquarters' desk, the editor shows the deputy's PIN and Reset
 *   PIN… asks first; answered, the PIN is reset, with who did it.
 *
 * Real windows under Xvfb over real SQLite files, a child process a case.
 */
#define G_LOG_DOMAIN "test-ui-deputy-privacy"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "liaison-deputy-editor.h"
#include "liaison-store-deputy-pin.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-window.h"

#define FULL   "13812345678"
#define MASKED "138****5678"
#define OWN    "13900002222"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        hq_deputy;   /* 张伟, from headquarters' server */
  gint64        own_deputy;  /* 赵敏, this desk's own */
} Desk;

static void
set_phone (LiaisonStore *store,
           gint64        id,
           const char   *phone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, id, &error);

  g_assert_no_error (error);
  g_free (deputy->phone);
  deputy->phone = g_strdup (phone);
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
}

static void
exec_ok (LiaisonStore *store,
         const char   *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* @role's desk: 张伟 came from headquarters' server, 赵敏 was added here. */
static void
desk_open (Desk            *desk,
           LiaisonSyncRole  role)
{
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  desk->dir = liaison_test_make_tmp_dir ("liaison-ui-deputy-privacy-XXXXXX");
  path = g_build_filename (desk->dir, "desk.db", NULL);
  desk->store = liaison_test_open_store (path);
  liaison_test_set_station (desk->store, "相山区东山代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  desk->hq_deputy = liaison_test_add_deputy (desk->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  desk->own_deputy = liaison_test_add_deputy (desk->store, "赵敏", LIAISON_DEPUTY_LEVEL_TOWNSHIP);
  set_phone (desk->store, desk->hq_deputy, FULL);
  set_phone (desk->store, desk->own_deputy, OWN);
  sql = g_strdup_printf ("UPDATE deputies SET server_version = version, sync_state = 0 WHERE id = %" G_GINT64_FORMAT,
                         desk->hq_deputy);
  exec_ok (desk->store, sql);
  g_assert_true (liaison_store_set_setting (desk->store, "sync_role", liaison_sync_role_to_code (role), &error));
  g_assert_no_error (error);
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->store);
  liaison_test_remove_tree (desk->dir);
  g_free (desk->dir);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} TextWait;

static gboolean
shows_text (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = liaison_test_text_under (wait->root);

  return strstr (text, wait->text) != NULL;
}

/* The roster's list: the phone masked, never in full. */
static void
run_roster_list (void)
{
  Desk desk = { NULL };
  LiaisonWindow *window;
  GtkWidget *page;
  g_autofree char *text = NULL;
  TextWait wait;

  desk_open (&desk, LIAISON_SYNC_ROLE_STATION);
  window = liaison_window_new (NULL, desk.store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 740);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (window), "view_stack")),
                                         "deputies");
  page = liaison_test_get_by_id (GTK_WIDGET (window), "deputies_page");
  wait = (TextWait) { page, MASKED };
  g_assert_true (liaison_test_wait_until (shows_text, &wait));
  text = liaison_test_text_under (page);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "139****2222"));
  g_assert_null (strstr (text, FULL));
  g_assert_null (strstr (text, OWN));

  gtk_window_destroy (GTK_WINDOW (window));
  desk_close (&desk);
}

static GtkWidget *
open_editor (Desk   *desk,
             gint64  id)
{
  GtkWidget *editor = liaison_deputy_editor_new (NULL, desk->store, id);

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  return editor;
}

static const char *
row_text (GtkWidget  *editor,
          const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (editor, id)));
}

/* At a station: headquarters' deputy read-only, its own editable. */
static void
run_editor_at_station (void)
{
  Desk desk = { NULL };
  GtkWidget *editor;
  g_autoptr(LiaisonDeputy) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *entries[] = { "name_row", "group_row", "specialty_row", "phone_row" };

  desk_open (&desk, LIAISON_SYNC_ROLE_STATION);
  editor = open_editor (&desk, desk.hq_deputy);
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (editor, "save_button")));
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (editor, "owner_note")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (liaison_test_get_by_id (editor, "owner_note"))),
                                   "This deputy is on headquarters’ roster"));
  g_assert_cmpstr (row_text (editor, "phone_row"), ==, MASKED);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (liaison_test_get_by_id (editor, entries[i]))));
  g_assert_false (gtk_widget_get_sensitive (liaison_test_get_by_id (editor, "level_row")));
  g_assert_false (gtk_widget_get_sensitive (liaison_test_get_by_id (editor, "station_row")));
  g_assert_null (liaison_test_find_by_name (editor, "reset_pin_button"));
  /* Its key saves nothing, and the masked phone is not written back. */
  gtk_widget_activate_action (editor, "deputy.save", NULL);
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_DEPUTY_EDITOR));
  after = liaison_store_get_deputy (desk.store, desk.hq_deputy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->phone, ==, FULL);
  g_assert_cmpint (after->meta.version, ==, 2);

  editor = open_editor (&desk, desk.own_deputy);
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (editor, "save_button")));
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (editor, "owner_note")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (liaison_test_get_by_id (editor, "phone_row"))));
  g_assert_cmpstr (row_text (editor, "phone_row"), ==, OWN);
  gtk_window_destroy (GTK_WINDOW (editor));
  desk_close (&desk);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return liaison_test_toplevel_is_mapped ((gpointer) ADW_TYPE_MESSAGE_DIALOG);
}

/* At headquarters: Reset PIN… asks, then resets, and says who did. */
static void
run_reset_at_hq (void)
{
  Desk desk = { NULL };
  GtkWidget *editor;
  GtkWidget *button;
  GtkWidget *dialog;
  GtkWidget *status;
  g_autoptr(LiaisonDeputy) zhang = NULL;
  g_autoptr(GError) error = NULL;

  desk_open (&desk, LIAISON_SYNC_ROLE_HQ);
  zhang = liaison_store_get_deputy (desk.store, desk.hq_deputy, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_deputy_pin (desk.store, zhang->meta.uuid, LIAISON_TEST_PIN, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_desk_actor (desk.store, "hq", "陈静", NULL, &error));
  g_assert_no_error (error);

  editor = open_editor (&desk, desk.hq_deputy);
  /* Headquarters edits its own deputy. */
  g_assert_true (gtk_widget_get_visible (liaison_test_get_by_id (editor, "save_button")));
  button = liaison_test_find_by_name (editor, "reset_pin_button");
  status = liaison_test_find_by_name (editor, "pin_status_row");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "Set on "));

  /* Asked first: cancelled, nothing changes. */
  gtk_widget_activate (button);
  g_assert_true (liaison_test_wait_until (message_dialog_shown, NULL));
  dialog = liaison_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Reset 张伟’s PIN?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (liaison_store_deputy_has_pin (desk.store, zhang->meta.uuid));

  /* Answered: reset, with who and when. */
  gtk_widget_activate (button);
  g_assert_true (liaison_test_wait_until (message_dialog_shown, NULL));
  dialog = liaison_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reset");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (liaison_store_deputy_has_pin (desk.store, zhang->meta.uuid));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "Reset by 陈静 on "));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpint (liaison_test_query_int (desk.store, "SELECT count(*) FROM deputy_pins"
                                                       " WHERE hash IS NULL AND reset_by = '陈静' AND sync_state = 1"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  desk_close (&desk);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/deputy-privacy/roster-list", run_roster_list);
  liaison_test_add_ui_case ("/ui/deputy-privacy/editor-at-station", run_editor_at_station);
  liaison_test_add_ui_case ("/ui/deputy-privacy/reset-at-hq", run_reset_at_hq);

  return g_test_run ();
}
