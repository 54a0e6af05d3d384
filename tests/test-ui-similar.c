/* test-ui-similar.c: the reception editor, in the real window under Xvfb,
 * warns while a reception is logged that the same visitor raised a similar
 * matter here lately: typed a visitor and a summary like an earlier
 * reception's, the warning shows, says whose and when, and links to it;
 * saving still works. An unrelated summary shows nothing. */
#define G_LOG_DOMAIN "test-ui-similar"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-reception-editor.h"
#include "liaison-similar-warning.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-visitor-row.h"

static gboolean
is_revealed (gpointer data)
{
  GtkWidget *revealer = liaison_test_find_widget (GTK_WIDGET (data), liaison_test_is_of_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_REVEALER));

  return revealer != NULL && gtk_widget_get_visible (revealer)
         && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
set_summary (GtkWidget  *editor,
             const char *summary)
{
  GtkTextView *view = GTK_TEXT_VIEW (liaison_test_get_by_id (editor, "summary_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), summary, -1);
}

static void
run_warns_and_saves (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autoptr(LiaisonReception) earlier = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *warning;
  GtkWidget *row;
  GtkWidget *link;
  GtkWidget *picker_entry;
  g_autofree char *text = NULL;
  guint before;

  liaison_test_desk_set_up (&fixture);
  earlier->received_at = g_strdup ("2025-03-01 10:00");
  earlier->channel = LIAISON_CHANNEL_WALK_IN;
  earlier->category_id = liaison_store_find_category (fixture.store, "transport");
  earlier->summary = g_strdup ("东山社区公交站台太远，老人出行不便");
  g_array_append_val (earlier->deputy_ids, fixture.deputy_id);
  visitor->name = g_strdup ("张桂兰");
  visitor->phone = g_strdup ("13812345678");
  visitor->community = g_strdup ("东山社区");
  g_ptr_array_add (earlier->visitors, visitor);
  g_assert_true (liaison_store_save_reception (fixture.store, earlier, &error));
  g_assert_no_error (error);
  before = liaison_store_count_receptions (fixture.store, NULL, &error);

  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-reception", NULL));
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_RECEPTION_EDITOR);
  warning = liaison_test_get_by_id (editor, "similar_warning");
  g_assert_false (is_revealed (warning));

  /* Within 90 days of the earlier one, the same phone, another summary. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (editor, "date_entry")), "2025-03-20");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (editor, "time_entry")), "09:00");
  row = liaison_test_find_widget (liaison_test_get_by_id (editor, "visitors_box"), liaison_test_is_of_type,
                                  GSIZE_TO_POINTER (LIAISON_TYPE_VISITOR_ROW));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (row, "name_entry")), "张女士");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (row, "phone_entry")), "13812345678");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (row, "community_entry")), "东山社区");
  set_summary (editor, "孩子上学接送车辆拥堵");
  liaison_test_spin (800);
  g_assert_false (is_revealed (warning));

  /* A summary like the earlier one: the warning, once the clerk pauses. */
  set_summary (editor, "公交站台太远了，还是没有解决");
  g_assert_false (is_revealed (warning));
  g_assert_true (liaison_test_wait_until (is_revealed, warning));
  text = liaison_test_text_under (warning);
  g_test_message ("warning: %s", text);
  g_assert_nonnull (strstr (text, "张桂兰"));
  g_assert_nonnull (strstr (text, "2025-03-01 10:00"));
  g_assert_nonnull (strstr (text, "公交站台太远"));
  link = liaison_test_find_widget (warning, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LINK_BUTTON));
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "Open the earlier reception");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (link)))),
                   ==, GTK_ACCESSIBLE_ROLE_ALERT);

  /* The link shows the earlier reception in the main window. */
  gtk_widget_activate (link);
  liaison_test_spin (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (fixture.window), "view_stack"))),
                   ==, "receptions");

  /* A warning, not a block: it saves. */
  picker_entry = liaison_test_get_by_id (liaison_test_get_by_id (editor, "deputy_picker"), "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (picker_entry), "王");
  liaison_test_spin (400);
  g_signal_emit_by_name (picker_entry, "activate");
  liaison_test_spin (50);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "category_row")), 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  if (!liaison_test_wait_until_gone (LIAISON_TYPE_RECEPTION_EDITOR))
    {
      g_autofree char *shown = liaison_test_text_under (editor);

      g_error ("The editor stayed open after saving: %s", shown);
    }
  g_assert_cmpuint (liaison_store_count_receptions (fixture.store, NULL, &error), ==, before + 1);
  g_assert_no_error (error);

  liaison_test_desk_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/similar/warns-and-saves", run_warns_and_saves);

  return g_test_run ();
}
