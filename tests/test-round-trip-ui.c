/* test-round-trip-ui.c: the editors and dialogs whose load and save live
 * in widgets, driven as real windows under Xvfb, each case in its own
 * child process: opened on records with every field filled awkwardly
 * (liaison-test-awkward.h) and saved untouched, they keep every column.
 *
 * The reception and deputy editors write nothing when nothing changed, so
 * a record keeps its version and is not sent to headquarters again. The
 * motion editor and the move dialogs only ever add records: what is typed
 * is what is stored.
 */
#define G_LOG_DOMAIN "test-round-trip-ui"

#include "config.h"

#include <adwaita.h>

#include "liaison-deputy-editor.h"
#include "liaison-deputy-picker.h"
#include "liaison-motion-editor.h"
#include "liaison-move-dialog.h"
#include "liaison-reception-editor.h"
#include "liaison-store-loop.h"
#include "liaison-test-awkward.h"
#include "liaison-test-rows.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

typedef LiaisonTestAwkward Fixture;

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_set (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Presents @window, presses its save action and waits until it closed. */
static void
save_and_wait (GtkWidget  *window,
               GType       type,
               const char *save_action)
{
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_true (gtk_widget_activate_action (window, save_action, NULL));
  if (!liaison_test_wait_until_gone (type))
    {
      g_autofree char *text = liaison_test_text_under (window);

      g_error ("the window stayed open after saving; it says: %s", text);
    }
}

/* The real reception editor on the awkward reception: Edit, then Ctrl+S
 * with nothing touched writes nothing; Edit, change the summary, Ctrl+S
 * changes the summary and nothing else (issue 8's data loss). */
static void
run_reception_editor (void)
{
  const char * const edit[] = { "summary", "version", "updated_at", NULL };
  Fixture fixture = { NULL, };
  g_auto(LiaisonTestReceptionRows) before = { NULL, };
  g_auto(LiaisonTestReceptionRows) untouched = { NULL, };
  g_auto(LiaisonTestReceptionRows) edited = { NULL, };
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *handling = NULL;
  GtkWidget *editor;
  GtkWidget *handling_view;
  gint64 id;

  liaison_test_awkward_open (&fixture);
  id = liaison_test_awkward_reception (&fixture);
  liaison_test_reception_rows_read (&before, fixture.store, id);

  editor = liaison_reception_editor_new (NULL, fixture.store, id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  /* 办理情况 is on screen for a reception not handled on the spot. */
  handling_view = liaison_test_get_by_id (editor, "handling_view");
  g_assert_true (gtk_widget_is_visible (handling_view));
  handling = text_view_text (handling_view);
  g_assert_cmpstr (handling, ==, "已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (liaison_test_get_by_id (editor, "handled_switch"))));
  save_and_wait (editor, LIAISON_TYPE_RECEPTION_EDITOR, "editor.save");
  liaison_test_reception_rows_read (&untouched, fixture.store, id);
  liaison_test_reception_rows_assert (&before, &untouched, NULL);

  editor = liaison_reception_editor_new (NULL, fixture.store, id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  text_view_set (liaison_test_get_by_id (editor, "summary_view"), "反映金色家园小区停水三天。");
  save_and_wait (editor, LIAISON_TYPE_RECEPTION_EDITOR, "editor.save");
  liaison_test_reception_rows_read (&edited, fixture.store, id);
  liaison_test_rows_assert_only_changed (before.receptions, edited.receptions, edit);
  liaison_test_rows_assert_same (before.visitors, edited.visitors);
  liaison_test_rows_assert_same (before.deputies, edited.deputies);
  /* Inline suggestions are saved with their reception: only their meta moves. */
  liaison_test_rows_assert_only_changed (before.suggestions, edited.suggestions, edit + 1);

  reception = liaison_store_get_reception (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reception->summary, ==, "反映金色家园小区停水三天。");
  g_assert_cmpstr (reception->handling, ==, "已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  g_assert_cmpint (reception->meta.version, ==, 2);
  liaison_test_awkward_close (&fixture);
}

/* The real deputy editor, opened on a deputy with every field filled in
 * and saved untouched: nothing is written, not even a new version. */
static void
run_deputy_editor (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(GPtrArray) deputies_before = NULL;
  g_autoptr(GPtrArray) groups_before = NULL;
  g_autoptr(GPtrArray) deputies_after = NULL;
  g_autoptr(GPtrArray) groups_after = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *editor;

  liaison_test_awkward_open (&fixture);
  sql = g_strdup_printf ("SELECT * FROM deputies WHERE id = %" G_GINT64_FORMAT, fixture.deputy_ids[0]);
  deputies_before = liaison_test_rows_read (fixture.store, sql);
  groups_before = liaison_test_rows_read (fixture.store, "SELECT * FROM deputy_groups ORDER BY id");

  editor = liaison_deputy_editor_new (NULL, fixture.store, fixture.deputy_ids[0]);
  gtk_window_present (GTK_WINDOW (editor));
  save_and_wait (editor, LIAISON_TYPE_DEPUTY_EDITOR, "deputy.save");

  deputies_after = liaison_test_rows_read (fixture.store, sql);
  groups_after = liaison_test_rows_read (fixture.store, "SELECT * FROM deputy_groups ORDER BY id");
  liaison_test_rows_assert_same (deputies_before, deputies_after);
  liaison_test_rows_assert_same (groups_before, groups_after);
  liaison_test_awkward_close (&fixture);
}

/* The motion editor only files new suggestions: what is typed into it,
 * awkward as it is, is what the row holds. */
static void
run_motion_editor (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GArray) co_signers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *title = liaison_test_repeat ("“议”,\"", LIAISON_MAX_TITLE_CHARS / 5);
  const char *content = "关于东山路“路灯”的建议：\n\n  1. 增设路灯,\t夜间照明；\n2. \"定期\"维护。";
  GtkWidget *editor;
  gint64 id;

  liaison_test_awkward_open (&fixture);
  categories = liaison_store_list_categories (fixture.store, NULL);
  g_array_append_val (co_signers, fixture.deputy_ids[1]);

  editor = GTK_WIDGET (liaison_motion_editor_new (NULL, fixture.store, fixture.deputy_ids[0]));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (editor, "title_row")), title);
  /* "Choose…" comes first, then the categories in order: the last one. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "category_row")), categories->len);
  text_view_set (liaison_test_get_by_id (editor, "content_view"), content);
  /* A motion (议案), not the suggestion (建议) it starts as. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "motion_row"))), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "motion_row")), 1);
  liaison_deputy_picker_set_deputy_ids (LIAISON_DEPUTY_PICKER (liaison_test_get_by_id (editor, "co_signer_picker")),
                                        co_signers);
  save_and_wait (editor, LIAISON_TYPE_MOTION_EDITOR, "motion.save");

  id = liaison_test_query_int (fixture.store, "SELECT max(id) FROM suggestions");
  suggestion = liaison_test_get_suggestion (fixture.store, id);
  g_assert_cmpstr (suggestion->title, ==, title);
  g_assert_cmpstr (suggestion->content, ==, content);
  g_assert_cmpint (suggestion->category_id, ==, fixture.categories[1]);
  g_assert_cmpint (suggestion->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_assert_true (suggestion->motion);
  g_assert_cmpint (suggestion->deputy_id, ==, fixture.deputy_ids[0]);
  g_assert_cmpstr (suggestion->raised_by, ==, LIAISON_AWKWARD_DEPUTY_1);
  g_assert_cmpuint (suggestion->co_signer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (suggestion->co_signer_ids, gint64, 0), ==, fixture.deputy_ids[1]);
  liaison_test_awkward_close (&fixture);
}

/* The real rate dialog at the station, on a replied suggestion: what is
 * typed and chosen is what the move holds (the names trimmed, as the
 * dialog says it does). */
static void
run_rate_dialog (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopEvent *rate;
  LiaisonLoopEvent *event;
  GtkWidget *dialog;
  gint64 suggestion_id;

  liaison_test_awkward_open (&fixture);
  reception = liaison_store_get_reception (fixture.store, liaison_test_awkward_reception (&fixture), &error);
  g_assert_no_error (error);
  suggestion_id = ((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id;
  liaison_test_add_unit (fixture.store, LIAISON_AWKWARD_LEAD_UNIT, "市城市管理局（市政“设施”处）", "department");

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, LIAISON_AWKWARD_DEPUTY_1, "2024-03-01T01:00:00Z");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture.store, LIAISON_AWKWARD_DEPUTY_1);
  liaison_test_add_event (fixture.store, suggestion_id, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2024-03-04T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LIAISON_AWKWARD_LEAD_UNIT);
  g_date_clear (&event->due_date, 1);
  g_date_set_dmy (&event->due_date, 29, G_DATE_MARCH, 2024);
  liaison_test_add_event (fixture.store, suggestion_id, event);
  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2024-03-20T02:00:00Z");
  event->reply_text = g_strdup ("已更换路灯");
  g_date_clear (&event->reply_date, 1);
  g_date_set_dmy (&event->reply_date, 20, G_DATE_MARCH, 2024);
  event->replying_unit_uuid = g_strdup (LIAISON_AWKWARD_LEAD_UNIT);
  liaison_test_add_event (fixture.store, suggestion_id, event);

  dialog = liaison_move_dialog_new (NULL, fixture.store, suggestion_id, LIAISON_LOOP_MOVE_RATE);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "basically_check")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (dialog, "asked_row")), LIAISON_LOOP_ASKED_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "rated_by_row")), "  站点“值班”员,小王 ");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "note_row")), "回访：\"基本满意\",仍担心“复发”");
  save_and_wait (dialog, LIAISON_TYPE_MOVE_DIALOG, "move.save");

  timeline = liaison_store_list_suggestion_events (fixture.store, suggestion_id, &error);
  g_assert_no_error (error);
  rate = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpint (rate->move, ==, LIAISON_LOOP_MOVE_RATE);
  g_assert_cmpint (rate->rating, ==, LIAISON_LOOP_RATING_BASICALLY_SATISFIED);
  g_assert_cmpint (rate->asked, ==, LIAISON_LOOP_ASKED_PHONE);
  g_assert_cmpstr (rate->rated_by, ==, "站点“值班”员,小王");
  g_assert_cmpstr (rate->note, ==, "回访：\"基本满意\",仍担心“复发”");
  liaison_test_awkward_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/round-trip/ui/reception-editor", run_reception_editor);
  liaison_test_add_ui_case ("/round-trip/ui/deputy-editor", run_deputy_editor);
  liaison_test_add_ui_case ("/round-trip/ui/motion-editor", run_motion_editor);
  liaison_test_add_ui_case ("/round-trip/ui/rate-dialog", run_rate_dialog);

  return g_test_run ();
}
