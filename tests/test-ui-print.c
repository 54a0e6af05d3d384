/* test-ui-print.c: printing through GtkPrintOperation itself, under Xvfb:
 * a real print operation of the registration form and of a ledger of
 * several pages, run with GTK_PRINT_OPERATION_ACTION_EXPORT into a PDF
 * (export-filename), read back with pdftotext: the reception's text, the
 * visitor without consent masked and their number nowhere, the ledger's
 * header row on every page. And the window's print actions open the
 * system's print dialog. */
#define G_LOG_DOMAIN "test-ui-print"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-locale.h"
#include "liaison-print-form.h"
#include "liaison-print-operation.h"
#include "liaison-test-desk.h"
#include "liaison-test-pdf.h"
#include "liaison-test-print.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("the PDF has no “%s”; pdftotext read:\n%s", part, text);
}

/* Runs a print operation of @pdf (taken) with the export action into
 * @path. */
static void
export (LiaisonPdf *pdf,
        gboolean    landscape,
        const char *path)
{
  g_autoptr(GtkPrintOperation) operation = liaison_print_operation_new (pdf, "test", landscape);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* What is printed in zh_CN, as a station prints it. */
static void
speak_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  liaison_locale_init ();
}

static void
run_export_form (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-ui-print-XXXXXX");
  g_autofree char *database = g_build_filename (dir, "station.db", NULL);
  g_autofree char *path = g_build_filename (dir, "form.pdf", NULL);
  g_autofree char *uuid = liaison_test_make_print_store (database);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
  g_autoptr(GError) error = NULL;
  LiaisonPdf *pdf;
  g_autofree char *text = NULL;

  speak_chinese ();
  pdf = liaison_print_form_for_uuid (store, uuid, "回访群众", &error);
  g_assert_no_error (error);
  export (pdf, FALSE, path);
  g_assert_cmpuint (liaison_test_pdf_n_pages (path), ==, 1);
  text = liaison_test_pdf_text (path);
  g_test_message ("pdftotext:\n%s", text);
  assert_has (text, LIAISON_TEST_PRINT_STATION);
  assert_has (text, "接待登记表");
  assert_has (text, LIAISON_TEST_PRINT_SUMMARY);
  assert_has (text, LIAISON_TEST_PRINT_SUGGESTION);
  assert_has (text, LIAISON_TEST_PRINT_HANDLING);
  assert_has (text, "1 王秀兰 " LIAISON_TEST_PRINT_CONSENTED " 幸福里社区 1 是");
  assert_has (text, "2 陈建国 " LIAISON_TEST_PRINT_MASKED " 幸福里社区 1 否");
  assert_has (text, "接待代表签字 登记人 日期");
  g_assert_null (strstr (text, LIAISON_TEST_PRINT_UNCONSENTED));
  liaison_test_remove_tree (dir);
}

static void
run_export_ledger (void)
{
  g_autofree char *dir = liaison_test_make_tmp_dir ("liaison-ui-print-XXXXXX");
  g_autofree char *database = g_build_filename (dir, "station.db", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.pdf", NULL);
  g_autofree char *uuid = liaison_test_make_print_store (database);
  g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
  g_autoptr(GError) error = NULL;
  LiaisonPdf *pdf;
  guint n_pages;

  speak_chinese ();
  liaison_test_add_receptions (store, 60, "第");
  pdf = liaison_ledger_print_new (store, "2024-01-01", "2025-12-31", NULL, NULL, &error);
  g_assert_no_error (error);
  export (pdf, TRUE, path);
  n_pages = liaison_test_pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = liaison_test_pdf_page_text (path, page);
      g_autofree char *label = g_strdup_printf ("第 %u 页，共 %u 页", page, n_pages);

      if (!liaison_test_has_line (text, LIAISON_TEST_PRINT_LEDGER_HEADER))
        g_error ("page %u has no header row; pdftotext read:\n%s", page, text);
      assert_has (text, label);
      g_assert_null (strstr (text, LIAISON_TEST_PRINT_UNCONSENTED));
    }
  liaison_test_remove_tree (dir);
}

/* The system's print dialog (GtkPrintUnixDialog, by name: its header is
 * gtk4-unix-print's), once it is on screen. */
static GtkWidget *
print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
print_dialog_is_mapped (gpointer data)
{
  return print_dialog () != NULL;
}

static gboolean
print_dialog_is_gone (gpointer data)
{
  return print_dialog () == NULL;
}

/* The window's print actions open the print dialog, the form's after
 * the choice of full contacts, the ledger's after its period; cancelled,
 * it goes. */
static void
run_window_actions (void)
{
  LiaisonTestDesk desk = { 0, };
  const char *actions[] = { "win.print-blank-form", "win.print-reception", "win.print-ledger" };

  liaison_test_desk_set_up (&desk);
  liaison_test_desk_open_window (&desk);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *dialog;

      if (i == 0)
        {
          g_assert_true (liaison_test_action_enabled (GTK_WIDGET (desk.window), actions[i]));
          gtk_widget_activate_action (GTK_WIDGET (desk.window), actions[i], NULL);
        }
      else
        {
          GtkWidget *period;

          if (i == 1)
            gtk_widget_activate_action (GTK_WIDGET (desk.window), actions[i], "x", desk.reception_id);
          else
            gtk_widget_activate_action (GTK_WIDGET (desk.window), actions[i], NULL);
          /* The form's dialog asks only about full contacts, the ledger's
           * about its period too. */
          period = liaison_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
          g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (period), "print"));
          /* As its button does: the response, then the dialog closes. */
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (period), "print");
          gtk_window_close (GTK_WINDOW (period));
        }
      g_assert_true (liaison_test_wait_until (print_dialog_is_mapped, NULL));
      dialog = print_dialog ();
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_assert_true (liaison_test_wait_until (print_dialog_is_gone, NULL));
    }
  liaison_test_desk_tear_down (&desk);
}

int
main (int   argc,
      char *argv[])
{
  /* The PDFs' Chinese legible in the log, under a UTF-8 locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/print/export-form", run_export_form);
  liaison_test_add_ui_case ("/ui/print/export-ledger", run_export_ledger);
  liaison_test_add_ui_case ("/ui/print/window-actions", run_window_actions);

  return g_test_run ();
}
