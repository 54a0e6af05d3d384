/* test-ui-privacy.c: the masking rule on the reception's own page and in
 * its editor, each in a child process under Xvfb (liaison-test-ui.h), on a
 * real station file with two visitors: 王秀兰, who agreed to be contacted,
 * and 陈建国, who did not. At the station that received them, 王秀兰's
 * number shows in full and can be edited; 陈建国's is masked, its entry
 * not editable, with a Replace Number button. Saved untouched, or with
 * another field changed, the stored numbers stay whole ("nothing is
 * lost"); replaced, the new number is saved. At another station both are
 * masked. Print Registration Form… asks whether to include full
 * contacts, and logs it with its reason when the form is drawn
 * (test-follow-up-export-button drives a Follow-up list's Export…). */
#define G_LOG_DOMAIN "test-ui-privacy"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "liaison-period-dialog.h"
#include "liaison-reception-detail.h"
#include "liaison-reception-editor.h"
#include "liaison-store-access-log.h"
#include "liaison-test-print.h"
#include "liaison-test-ui.h"
#include "liaison-store-loop.h"
#include "liaison-test-util.h"
#include "liaison-ui-privacy.h"
#include "liaison-visitor-row.h"
#include "liaison-window.h"

#define CONSENTED        LIAISON_TEST_PRINT_CONSENTED
#define UNCONSENTED      LIAISON_TEST_PRINT_UNCONSENTED
#define CONSENTED_MASKED "139****5678"
#define MASKED           LIAISON_TEST_PRINT_MASKED
#define REPLACED         "13700001111"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        id;
} Station;

static void
station_open (Station *station)
{
  g_autofree char *path = NULL;
  g_autofree char *uuid = NULL;

  station->dir = liaison_test_make_tmp_dir ("liaison-ui-privacy-XXXXXX");
  path = g_build_filename (station->dir, "station.db", NULL);
  uuid = liaison_test_make_print_store (path);
  station->store = liaison_test_open_store (path);
  station->id = liaison_store_find_reception_by_uuid (station->store, uuid);
  g_assert_cmpint (station->id, >, 0);
}

static void
station_close (Station *station)
{
  g_clear_object (&station->store);
  liaison_test_remove_tree (station->dir);
  g_free (station->dir);
}

/* The stored phones of the reception's visitors, in order. */
static void
assert_stored (Station    *station,
               const char *first,
               const char *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) reception = liaison_store_get_reception (station->store, station->id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (reception->visitors->len, ==, 2);
  g_assert_cmpstr (((LiaisonVisitor *) g_ptr_array_index (reception->visitors, 0))->phone, ==, first);
  g_assert_cmpstr (((LiaisonVisitor *) g_ptr_array_index (reception->visitors, 1))->phone, ==, second);
}

/* The reception now belongs to another station than this desk's. */
static void
received_elsewhere (Station *station)
{
  g_autoptr(LiaisonStation) other = liaison_station_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  other->meta.uuid = g_uuid_string_random ();
  other->meta.origin_station_uuid = g_strdup (other->meta.uuid);
  other->name = g_strdup ("相山区三堤口街道人大代表联络站");
  other->kind = LIAISON_STATION_KIND_STATION;
  g_assert_true (liaison_store_save_station (station->store, other, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE receptions SET station_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         other->meta.id, station->id);
  g_assert_true (liaison_store_exec (station->store, sql, &error));
  g_assert_no_error (error);
}

static gboolean
is_visitor_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return LIAISON_IS_VISITOR_ROW (widget) && gtk_widget_get_visible (widget);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (is_visitor_row (widget, NULL))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
open_editor (Station *station)
{
  GtkWidget *editor = liaison_reception_editor_new (NULL, station->store, station->id);

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  return editor;
}

static GtkWidget *
visitor_row (GtkWidget *editor,
             guint      index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (editor, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  return g_ptr_array_index (rows, index);
}

/* A row's phone entry shows @text; editable, or masked with the button. */
static void
assert_phone (GtkWidget  *row,
              const char *text,
              gboolean    hidden)
{
  GtkWidget *entry = liaison_test_get_by_id (row, "phone_entry");
  GtkWidget *replace = liaison_test_get_by_id (row, "replace_phone_button");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_cmpint (gtk_editable_get_editable (GTK_EDITABLE (entry)), ==, !hidden);
  g_assert_cmpint (gtk_widget_get_visible (replace), ==, hidden);
}

static void
save_and_wait (GtkWidget *editor)
{
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  if (!liaison_test_wait_until_gone (LIAISON_TYPE_RECEPTION_EDITOR))
    {
      g_autofree char *text = liaison_test_text_under (editor);

      g_error ("the editor stayed open after saving; it says: %s", text);
    }
}

static void
run_editor_here (void)
{
  Station station = { NULL, };
  GtkWidget *editor;
  GtkWidget *summary;
  GtkTextBuffer *buffer;

  station_open (&station);
  editor = open_editor (&station);
  assert_phone (visitor_row (editor, 0), CONSENTED, FALSE);
  assert_phone (visitor_row (editor, 1), MASKED, TRUE);
  {
    g_autofree char *text = liaison_test_text_under (editor);

    g_assert_null (strstr (text, UNCONSENTED));
  }

  /* Untouched: nothing written, nothing lost. */
  save_and_wait (editor);
  assert_stored (&station, CONSENTED, UNCONSENTED);

  /* Another field changed: the hidden number is kept, not its mask. */
  editor = open_editor (&station);
  summary = liaison_test_get_by_id (editor, "summary_view");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary));
  gtk_text_buffer_set_text (buffer, "电梯仍未修好，群众再次反映", -1);
  save_and_wait (editor);
  assert_stored (&station, CONSENTED, UNCONSENTED);

  /* Replace Number: the entry empties for a new number, which is saved. */
  editor = open_editor (&station);
  g_signal_emit_by_name (liaison_test_get_by_id (visitor_row (editor, 1), "replace_phone_button"), "clicked");
  assert_phone (visitor_row (editor, 1), "", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (visitor_row (editor, 1), "phone_entry")), REPLACED);
  save_and_wait (editor);
  assert_stored (&station, CONSENTED, REPLACED);
  station_close (&station);
}

static void
run_editor_elsewhere (void)
{
  Station station = { NULL, };
  GtkWidget *editor;

  station_open (&station);
  received_elsewhere (&station);
  editor = open_editor (&station);
  assert_phone (visitor_row (editor, 0), CONSENTED_MASKED, TRUE);
  assert_phone (visitor_row (editor, 1), MASKED, TRUE);
  save_and_wait (editor);
  assert_stored (&station, CONSENTED, UNCONSENTED);
  station_close (&station);
}

/* The reception's page: full only for the consenting visitor, here. */
static void
run_detail (void)
{
  Station station = { NULL, };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *detail = g_object_new (LIAISON_TYPE_RECEPTION_DETAIL, NULL);
  g_autofree char *here = NULL;
  g_autofree char *elsewhere = NULL;

  station_open (&station);
  gtk_window_set_child (GTK_WINDOW (window), detail);
  liaison_reception_detail_set_store (LIAISON_RECEPTION_DETAIL (detail), station.store);
  liaison_reception_detail_set_reception_id (LIAISON_RECEPTION_DETAIL (detail), station.id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  here = liaison_test_text_under (detail);
  g_test_message ("here: %s", here);
  g_assert_nonnull (strstr (here, CONSENTED));
  g_assert_nonnull (strstr (here, MASKED));
  g_assert_null (strstr (here, UNCONSENTED));

  received_elsewhere (&station);
  liaison_reception_detail_set_reception_id (LIAISON_RECEPTION_DETAIL (detail), 0);
  liaison_reception_detail_set_reception_id (LIAISON_RECEPTION_DETAIL (detail), station.id);
  elsewhere = liaison_test_text_under (detail);
  g_test_message ("elsewhere: %s", elsewhere);
  g_assert_nonnull (strstr (elsewhere, CONSENTED_MASKED));
  g_assert_null (strstr (elsewhere, CONSENTED));
  g_assert_null (strstr (elsewhere, UNCONSENTED));
  gtk_window_destroy (GTK_WINDOW (window));
  station_close (&station);
}

/* The export's and print's period dialog: Include Full Contacts waits
 * for a reason, and gives it; off, the export is masked. */
static void
run_contacts_choice (void)
{
  AdwMessageDialog *dialog = liaison_period_dialog_new (NULL, "导出台账", NULL, "export", "导出(_E)…", "导出日期");
  GtkWidget *contacts;
  GtkWidget *reason;
  g_autofree char *none = NULL;
  g_autofree char *given = NULL;

  liaison_period_dialog_add_contacts_choice (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  contacts = liaison_test_find_by_name (GTK_WIDGET (dialog), "contacts_row");
  reason = liaison_test_find_by_name (GTK_WIDGET (dialog), "reason_row");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "export"));
  none = liaison_period_dialog_dup_contacts_reason (dialog);
  g_assert_null (none);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (contacts), TRUE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "export"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "export"));
  gtk_editable_set_text (GTK_EDITABLE (reason), " 回访群众 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "export"));
  given = liaison_period_dialog_dup_contacts_reason (dialog);
  g_assert_cmpstr (given, ==, "回访群众");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The access log's entries, newest first. */
static GPtrArray *
access_log (LiaisonStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = liaison_store_list_access_log (store, NULL, NULL, -1, &error);

  g_assert_no_error (error);
  return entries;
}

/* The contacts dialog that opened last: Include Full Contacts switched on
 * (@reason not NULL), its response held until the reason is typed, or
 * left off; then @response given. */
static void
answer_contacts_dialog (const char *response,
                        const char *reason)
{
  GtkWidget *dialog = liaison_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *contacts = liaison_test_find_by_name (dialog, "contacts_row");
  GtkWidget *reason_row = liaison_test_find_by_name (dialog, "reason_row");

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  if (reason != NULL)
    {
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (contacts), TRUE);
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
      gtk_editable_set_text (GTK_EDITABLE (reason_row), reason);
      g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
    }
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until_gone (ADW_TYPE_MESSAGE_DIALOG));
}

static GtkWidget *
toplevel_named (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_is_mapped (gpointer data)
{
  return toplevel_named ("GtkPrintUnixDialog") != NULL;
}

static gboolean
print_dialog_is_gone (gpointer data)
{
  return toplevel_named ("GtkPrintUnixDialog") == NULL;
}

/* Print Registration Form…: masked, nothing logged; with full contacts, a
 * print_contacts entry with the reason and 王秀兰's one contact, written
 * when the form is drawn, so a print cancelled in the print dialog is
 * logged too. */
static void
run_print_form_contacts (void)
{
  Station station = { 0, };
  LiaisonWindow *window;
  const LiaisonAccessEntry *entry;

  station_open (&station);
  window = liaison_window_new (NULL, station.store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));

  for (guint round = 0; round < 2; round++)
    {
      GtkWidget *print;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.print-reception", "x", station.id);
      answer_contacts_dialog ("print", round == 0 ? NULL : "存档备查");
      g_assert_true (liaison_test_wait_until (print_dialog_is_mapped, NULL));
      print = toplevel_named ("GtkPrintUnixDialog");
      gtk_dialog_response (GTK_DIALOG (print), GTK_RESPONSE_CANCEL);
      g_assert_true (liaison_test_wait_until (print_dialog_is_gone, NULL));
      {
        g_autoptr(GPtrArray) log = access_log (station.store);

        g_assert_cmpuint (log->len, ==, round);
      }
    }
  {
    g_autoptr(GPtrArray) log = access_log (station.store);

    entry = g_ptr_array_index (log, 0);
    g_assert_cmpint (entry->kind, ==, LIAISON_ACCESS_PRINT_CONTACTS);
    g_assert_cmpstr (entry->reason, ==, "存档备查");
    g_assert_cmpuint (entry->n_contacts, ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  station_close (&station);
}

/* The first-run notice states headquarters' retention period as this desk
 * holds it in the loop rules, not a number of its own. */
static void
run_notice_period (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-ui-notice-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (path);
  g_autoptr(LiaisonLoopRules) rules = liaison_loop_rules_new ();
  g_autoptr(GSettings) settings = g_settings_new ("org.liaison.Liaison");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaisonWindow *window;

  liaison_test_enroll_as_hq (store);
  rules->retention_years = 5;
  g_assert_true (liaison_store_set_loop_rules (store, rules, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_ui_retention_years (store), ==, 5);
  g_assert_cmpuint (liaison_ui_retention_years (NULL), ==, 3);

  g_settings_set_boolean (settings, "privacy-notice-read", FALSE);
  window = liaison_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  text = liaison_test_text_under (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, "kept for 5 years after the matter is closed"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  liaison_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/privacy/editor-here", run_editor_here);
  liaison_test_add_ui_case ("/ui/privacy/editor-elsewhere", run_editor_elsewhere);
  liaison_test_add_ui_case ("/ui/privacy/detail", run_detail);
  liaison_test_add_ui_case ("/ui/privacy/contacts-choice", run_contacts_choice);
  liaison_test_add_ui_case ("/ui/privacy/print-form-contacts", run_print_form_contacts);
  liaison_test_add_ui_case ("/ui/privacy/notice-period", run_notice_period);

  return g_test_run ();
}
