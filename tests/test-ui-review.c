/* test-ui-review.c: what a reviewer met using the desk, through the real
 * window under Xvfb: who is at the desk follows the database, the refer
 * dialog leaves the lead unit to the officer, the picker's list is there
 * on first open and ticks the choice.
 *
 * Each case runs in its own subprocess (GTK keeps global state) over
 * temporary databases (liaison-test-desk.h).
 */
#define G_LOG_DOMAIN "test-ui-review"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "liaison-actor.h"
#include "liaison-deputy-editor.h"
#include "liaison-move-dialog.h"
#include "liaison-reception-editor.h"
#include "liaison-picker-row.h"
#include "liaison-reception-detail.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-suggestion-detail.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-tooltip.h"

static const char *
header_actor (LiaisonTestDesk *desk)
{
  GtkWidget *content = liaison_test_get_by_id (GTK_WIDGET (desk->window), "actor_content");

  return adw_button_content_get_label (ADW_BUTTON_CONTENT (content));
}

static GtkWidget *
picker_popover (GtkWidget *row)
{
  return liaison_test_find_widget (row, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
}

/* The list's rows on screen: each its name and whether it is ticked. */
static guint
count_ticked (GtkWidget  *row,
              const char *name,
              gboolean   *name_ticked)
{
  GtkWidget *list = liaison_test_find_widget (picker_popover (row), liaison_test_is_of_type,
                                              GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  guint ticked = 0;

  *name_ticked = FALSE;
  for (GtkWidget *item = gtk_widget_get_first_child (list); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *box = gtk_widget_get_first_child (item);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      if (!GTK_IS_LABEL (label) || !gtk_widget_get_child_visible (item))
        continue;
      if (gtk_widget_get_opacity (gtk_widget_get_last_child (box)) > 0.5)
        {
          ticked++;
          if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0)
            *name_ticked = TRUE;
        }
    }
  return ticked;
}

static guint
position_of (LiaisonPickerRow *row,
             const char       *name)
{
  GListModel *names = liaison_picker_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  g_error ("“%s” is not in the list", name);
}

/* (a) A deputy at one station's desk is no one at another database's:
 * headquarters refers as headquarters, and a second station's desk is
 * its own staff's. */
static void
run_actor_per_database (void)
{
  LiaisonTestDesk station = { NULL };
  LiaisonTestDesk hq = { NULL };
  LiaisonTestDesk other = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopEvent *event;
  GtkWidget *dialog;
  LiaisonPickerRow *lead;
  gint64 jiang;

  /* Headquarters' file once had a deputy at its own desk, too. */
  liaison_test_desk_set_up (&hq);
  liaison_test_desk_take_up (&hq);
  liaison_actor_set_current (hq.store, LIAISON_LOOP_ROLE_DEPUTY, "王建国", hq.deputy_id);
  liaison_test_act_as_deputy_id (hq.store, hq.deputy_id);
  liaison_test_enroll_as_hq (hq.store);

  /* At a station, later, 蒋晓 signs in on Switch User. */
  liaison_test_desk_set_up (&station);
  jiang = liaison_test_add_deputy (station.store, "蒋晓", LIAISON_DEPUTY_LEVEL_CITY);
  liaison_test_desk_open_window (&station);
  /* As the Switch User dialog does: the name with the deputy. */
  liaison_actor_set_current (station.store, LIAISON_LOOP_ROLE_DEPUTY, "蒋晓", jiang);
  liaison_test_act_as_deputy_id (station.store, jiang);
  g_assert_nonnull (strstr (header_actor (&station), "蒋晓"));
  {
    g_autoptr(LiaisonActor) actor = liaison_actor_get_current (station.store);

    g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
    g_assert_cmpstr (actor->name, ==, "蒋晓");
  }
  gtk_window_destroy (GTK_WINDOW (station.window));
  station.window = NULL;

  /* Then headquarters' desk is opened. */
  liaison_test_desk_open_window (&hq);
  {
    g_autoptr(LiaisonActor) actor = liaison_actor_get_current (hq.store);

    g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_HQ);
    g_assert_cmpint (actor->deputy_id, ==, 0);
    g_assert_cmpstr (actor->name, !=, "蒋晓");
    g_assert_cmpstr (actor->name, !=, "王建国");
  }
  /* Headquarters has no one to switch to. */
  g_assert_false (gtk_widget_get_visible (liaison_test_get_by_id (GTK_WIDGET (hq.window), "actor_button")));

  dialog = liaison_test_desk_open_move (&hq, LIAISON_LOOP_MOVE_REFER);
  lead = LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row"));
  liaison_picker_row_set_selected (lead, position_of (lead, "市交通运输局"));
  g_assert_true (gtk_widget_activate_action (dialog, "move.save", NULL));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));

  events = liaison_store_list_suggestion_events (hq.store, hq.suggestion_id, &error);
  g_assert_no_error (error);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (event->move, ==, LIAISON_LOOP_MOVE_REFER);
  g_assert_cmpint (event->role, ==, LIAISON_LOOP_ROLE_HQ);
  g_assert_null (event->deputy_uuid);
  g_assert_cmpstr (event->actor_name, !=, "蒋晓");
  g_assert_cmpstr (event->actor_name, !=, "王建国");

  /* Another station's file: its own staff at the desk. */
  liaison_test_desk_set_up (&other);
  liaison_test_desk_open_window (&other);
  {
    g_autoptr(LiaisonActor) actor = liaison_actor_get_current (other.store);

    g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_STATION);
    g_assert_cmpstr (actor->name, !=, "蒋晓");
  }
  g_assert_null (strstr (header_actor (&other), "蒋晓"));

  /* And the station still remembers 蒋晓. */
  {
    g_autoptr(LiaisonActor) actor = liaison_actor_get_current (station.store);

    g_assert_cmpint (actor->role, ==, LIAISON_LOOP_ROLE_DEPUTY);
    g_assert_cmpstr (actor->name, ==, "蒋晓");
  }

  liaison_test_desk_tear_down (&other);
  liaison_test_desk_tear_down (&hq);
  liaison_test_desk_tear_down (&station);
}

/* (b) The refer dialog chooses no lead unit: 交办 waits for the officer's
 * choice, and the list ticks the one chosen. */
static void
run_refer_needs_lead (void)
{
  LiaisonTestDesk desk = { NULL };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *save;
  GtkWidget *popover;
  LiaisonPickerRow *lead;
  gboolean ticked = FALSE;

  liaison_test_desk_set_up (&desk);
  liaison_test_desk_take_up (&desk);
  liaison_test_enroll_as_hq (desk.store);
  liaison_test_desk_open_window (&desk);
  dialog = liaison_test_desk_open_move (&desk, LIAISON_LOOP_MOVE_REFER);
  lead = LIAISON_PICKER_ROW (liaison_test_get_by_id (dialog, "lead_unit_row"));
  save = liaison_test_get_by_id (dialog, "save_button");

  g_assert_cmpuint (liaison_picker_row_get_selected (lead), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead)), ==,
                   "Not chosen yet: choose the unit that handles it");
  g_assert_false (gtk_widget_is_sensitive (save));
  /* Ctrl+Enter does not refer it either. */
  gtk_widget_activate_action (dialog, "move.save", NULL);
  liaison_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (dialog));
  events = liaison_store_list_suggestion_events (desk.store, desk.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Nothing ticked in the list until chosen. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (lead)));
  popover = picker_popover (GTK_WIDGET (lead));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  liaison_test_spin (50);
  g_assert_cmpuint (count_ticked (GTK_WIDGET (lead), "市交通运输局", &ticked), ==, 0);
  liaison_picker_row_set_selected (lead, position_of (lead, "市交通运输局"));
  /* The tick moves in the rows already on screen. */
  g_assert_cmpuint (count_ticked (GTK_WIDGET (lead), "市交通运输局", &ticked), ==, 1);
  g_assert_true (ticked);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead)), ==, "市交通运输局");
  g_assert_true (gtk_widget_is_sensitive (save));

  g_assert_true (gtk_widget_activate (save));
  g_assert_true (liaison_test_wait_until_gone (LIAISON_TYPE_MOVE_DIALOG));
  events = liaison_store_list_suggestion_events (desk.store, desk.suggestion_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LiaisonLoopEvent *) g_ptr_array_index (events, events->len - 1))->lead_unit_uuid, ==,
                   LIAISON_TEST_UNIT_TRANSPORT);

  liaison_test_desk_tear_down (&desk);
}

/* Labels styled "sync-state" a user can see, with text, under @root. */
static guint
count_sync_tags (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "sync-state") &&
      gtk_widget_is_drawable (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_sync_tags (child);
  return n;
}

typedef struct {
  GtkWidget *root;
  guint      n;
} TagsWait;

static gboolean
tags_are (gpointer data)
{
  TagsWait *wait = data;

  return count_sync_tags (wait->root) == wait->n;
}

static void
assert_sync_tags (GtkWidget *root,
                  guint      n)
{
  TagsWait wait = { root, n };

  if (!liaison_test_wait_until (tags_are, &wait))
    g_error ("%u sync tags are shown, not %u", count_sync_tags (root), n);
}

/* Both detail pages of the desk, one after the other: their sync tags. */
static void
assert_detail_tags (LiaisonTestDesk *desk,
                    guint            n)
{
  GtkWidget *window = GTK_WIDGET (desk->window);
  GtkWidget *detail;

  g_assert_true (gtk_widget_activate_action (window, "win.show-reception", "x", desk->reception_id));
  detail = liaison_test_get_by_id (liaison_test_get_by_id (window, "receptions_page"), "detail");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, detail));
  g_assert_cmpint (liaison_reception_detail_get_reception_id (LIAISON_RECEPTION_DETAIL (detail)), ==, desk->reception_id);
  liaison_test_spin (50);
  assert_sync_tags (detail, n);

  g_assert_true (gtk_widget_activate_action (window, "win.show-suggestion", "x", desk->suggestion_id));
  detail = liaison_test_get_by_id (liaison_test_get_by_id (window, "suggestions_page"), "detail");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, liaison_test_get_by_id (detail, "timeline")));
  g_assert_cmpint (liaison_suggestion_detail_get_suggestion_id (LIAISON_SUGGESTION_DETAIL (detail)), ==, desk->suggestion_id);
  liaison_test_spin (50);
  assert_sync_tags (detail, n);
}

/* (c) A sync tag only where there is something to say: none on a desk
 * that does not sync; "not yet synced" on an enrolled desk's pending
 * records; nothing once they are synced, on the pages nor the cards. */
static void
run_sync_tags (void)
{
  LiaisonTestDesk desk = { NULL };
  GtkWidget *receptions;

  liaison_test_desk_set_up (&desk);
  liaison_test_desk_open_window (&desk);
  receptions = liaison_test_get_by_id (GTK_WIDGET (desk.window), "receptions_page");
  liaison_test_spin (100);
  assert_sync_tags (receptions, 0);
  assert_detail_tags (&desk, 0);

  /* Enrolled, the records wait to be sent: each page says so, once. */
  liaison_test_enroll_as_hq (desk.store);
  liaison_store_emit_changed (desk.store, "receptions");
  liaison_store_emit_changed (desk.store, "suggestions");
  assert_detail_tags (&desk, 1);

  /* Synced, there is nothing to say. */
  g_assert_true (liaison_store_exec (desk.store, "UPDATE receptions SET sync_state = 0;"
                                                 " UPDATE suggestions SET sync_state = 0", NULL));
  liaison_store_emit_changed (desk.store, "receptions");
  liaison_store_emit_changed (desk.store, "suggestions");
  assert_detail_tags (&desk, 0);
  assert_sync_tags (liaison_test_get_by_id (liaison_test_get_by_id (GTK_WIDGET (desk.window), "suggestions_page"),
                                            "list_view"), 0);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (liaison_test_get_by_id (GTK_WIDGET (desk.window), "view_stack")),
                                         "receptions");
  liaison_test_spin (100);
  assert_sync_tags (liaison_test_get_by_id (receptions, "list_view"), 0);

  liaison_test_desk_tear_down (&desk);
}

typedef struct {
  GtkWidget  *list;
  const char *name;
} RowsWait;

/* Rows the list shows on screen, and whether @name is one of them. */
static guint
rows_on_screen (GtkWidget  *list,
                const char *name,
                gboolean   *name_shown)
{
  guint n = 0;

  *name_shown = FALSE;
  for (GtkWidget *item = gtk_widget_get_first_child (list); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *box = gtk_widget_get_first_child (item);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;
      graphene_rect_t bounds;

      if (!GTK_IS_LABEL (label) || !gtk_widget_is_drawable (item) || gtk_widget_get_height (item) <= 0 ||
          !gtk_widget_compute_bounds (item, list, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= gtk_widget_get_height (list))
        continue;
      n++;
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0)
        *name_shown = TRUE;
    }
  return n;
}

static gboolean
rows_shown (gpointer data)
{
  RowsWait *wait = data;
  gboolean shown;

  return rows_on_screen (wait->list, wait->name, &shown) >= 5 && shown;
}

/* (d) The deputy editor's station list is there the first time it opens,
 * scrolled to the station chosen, not blank until a scroll. */
static void
run_picker_first_open (void)
{
  LiaisonTestDesk desk = { NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *popover;
  GListModel *names;
  RowsWait wait;
  gboolean shown = FALSE;
  guint last;

  liaison_test_desk_set_up (&desk);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(LiaisonStation) station = liaison_station_new ();

      station->name = g_strdup_printf ("濉溪县第%02u代表联络站", i);
      station->kind = LIAISON_STATION_KIND_STATION;
      station->district = g_strdup ("濉溪县");
      g_assert_true (liaison_store_save_station (desk.store, station, &error));
      g_assert_no_error (error);
    }
  liaison_test_desk_open_window (&desk);
  editor = liaison_deputy_editor_new (GTK_WINDOW (desk.window), desk.store, 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));

  /* A station far down the list is the one chosen. */
  row = liaison_test_get_by_id (editor, "station_row");
  names = liaison_picker_row_get_model (LIAISON_PICKER_ROW (row));
  last = g_list_model_get_n_items (names) - 1;
  liaison_picker_row_set_selected (LIAISON_PICKER_ROW (row), last);

  g_assert_true (gtk_widget_activate (row));
  popover = picker_popover (row);
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  wait.list = liaison_test_find_widget (popover, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  wait.name = gtk_string_list_get_string (GTK_STRING_LIST (names), last);
  if (!liaison_test_wait_until (rows_shown, &wait))
    {
      guint n = rows_on_screen (wait.list, wait.name, &shown);

      g_error ("The list shows %u rows on first open (the chosen one: %s)", n, shown ? "yes" : "no");
    }

  gtk_window_destroy (GTK_WINDOW (editor));
  liaison_test_desk_tear_down (&desk);
}

static gboolean
name_shown_whole (gpointer data)
{
  GtkLabel *label = GTK_LABEL (data);

  return gtk_widget_get_mapped (GTK_WIDGET (label)) && gtk_widget_get_width (GTK_WIDGET (label)) > 0 &&
         !pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* (e) The station's name is read whole in the header at the window's
 * default 1240×720 and at 1366 wide, not cut to "相山区…". */
static void
run_station_name_whole (void)
{
  static const int widths[] = { 1240, 1366 };
  LiaisonTestDesk desk = { NULL };

  liaison_test_desk_set_up (&desk);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *label;

      desk.window = liaison_window_new (NULL, desk.store);
      gtk_window_set_default_size (GTK_WINDOW (desk.window), widths[i], 720);
      gtk_window_present (GTK_WINDOW (desk.window));
      g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, desk.window));
      label = liaison_test_get_by_id (GTK_WIDGET (desk.window), "station_label");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, LIAISON_TEST_STATION_NAME);
      liaison_test_spin (100);
      if (!liaison_test_wait_until (name_shown_whole, label))
        g_error ("At %d wide the header cuts the station's name (%d px)", widths[i], gtk_widget_get_width (label));
      gtk_window_destroy (GTK_WINDOW (desk.window));
      desk.window = NULL;
    }
  liaison_test_desk_tear_down (&desk);
}

/* (e'') A header crowded for a moment, while the window settles on a busy
 * PC or as here by a name far too long, pushes the switcher out twice
 * at one width; once the name is back to its length, it is shown again
 * a few seconds later, not hidden for as long as the width stays. */
static void
run_station_name_returns (void)
{
  g_autofree char *crowded = g_strnfill (400, 'W');
  LiaisonTestDesk desk = { NULL };
  GtkWidget *label;
  GtkWidget *title;

  liaison_test_desk_set_up (&desk);
  desk.window = liaison_window_new (NULL, desk.store);
  gtk_window_set_default_size (GTK_WINDOW (desk.window), 1240, 720);
  gtk_window_present (GTK_WINDOW (desk.window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, desk.window));
  label = liaison_test_get_by_id (GTK_WIDGET (desk.window), "station_label");
  title = liaison_test_get_by_id (GTK_WIDGET (desk.window), "switcher_title");
  g_assert_true (liaison_test_wait_until (name_shown_whole, label));

  gtk_label_set_text (GTK_LABEL (label), crowded);
  liaison_test_spin (1000);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));

  gtk_label_set_text (GTK_LABEL (label), LIAISON_TEST_STATION_NAME);
  if (!liaison_test_wait_until (name_shown_whole, label))
    g_error ("The station's name stays hidden after the header was crowded");
  gtk_window_destroy (GTK_WINDOW (desk.window));
  desk.window = NULL;
  liaison_test_desk_tear_down (&desk);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* (e') The header settles at every width: at some the view switcher fits
 * only without the station's name, and showing the name pushed it into
 * the title, which hid the name, which let it fit again: the header bar
 * was laid out and drawn every frame, a core busy for nothing. */
static void
run_header_settles (void)
{
  static const int widths[] = { 700, 1000, 1100, 1130, 1180, 1240, 1366 };
  LiaisonTestDesk desk = { NULL };

  liaison_test_desk_set_up (&desk);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *title;
      guint changes = 0;

      desk.window = liaison_window_new (NULL, desk.store);
      gtk_window_set_default_size (GTK_WINDOW (desk.window), widths[i], 720);
      gtk_window_present (GTK_WINDOW (desk.window));
      g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, desk.window));
      /* Showing the name may push the switcher out once, and back. */
      liaison_test_spin (1500);
      title = liaison_test_get_by_id (GTK_WIDGET (desk.window), "switcher_title");
      g_signal_connect_swapped (title, "notify::title-visible", G_CALLBACK (count_notify), &changes);
      liaison_test_spin (1000);
      g_signal_handlers_disconnect_by_func (title, count_notify, &changes);
      if (changes > 0)
        g_error ("At %d wide the header's view switcher moved %u times in a second, idle", widths[i], changes);
      gtk_window_destroy (GTK_WINDOW (desk.window));
      desk.window = NULL;
    }
  liaison_test_desk_tear_down (&desk);
}

typedef struct {
  GtkWidget  *root;
  const char *wanted;   /* markup a label shows, in part */
} MarkupWait;

static gboolean
is_label_with_markup (GtkWidget     *widget,
                      gconstpointer  wanted)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), wanted) != NULL;
}

static gboolean
markup_shown (gpointer data)
{
  MarkupWait *wait = data;

  return liaison_test_find_widget (wait->root, is_label_with_markup, wait->wanted) != NULL;
}

static void
assert_markup_shown (GtkWidget  *root,
                     const char *wanted)
{
  MarkupWait wait = { root, wanted };

  if (!liaison_test_wait_until (markup_shown, &wait))
    g_error ("No label on screen shows “%s”", wanted);
}

static gboolean
has_column_titled (GtkColumnView *view,
                   const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }
  return FALSE;
}

#define MARK "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"45%\">"

/* (f) Headquarters reads each reception's station, on the cards and in
 * the table; the table marks what a search matched as the cards do, a
 * phone masked. */
static void
run_hq_station_and_table_marks (void)
{
  LiaisonTestDesk desk = { NULL };
  GtkWidget *page;
  GtkWidget *table;
  GtkColumnView *view;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) reception = NULL;

  liaison_test_desk_set_up (&desk);
  /* The desk's reception gets a first visitor with a phone. */
  reception = liaison_store_get_reception (desk.store, desk.reception_id, &error);
  g_assert_no_error (error);
  g_ptr_array_insert (reception->visitors, 0, liaison_test_make_visitor ("李德静", "13712344752", "古城社区"));
  g_assert_true (liaison_store_save_reception (desk.store, reception, &error));
  g_assert_no_error (error);

  /* A station's table has no station column. */
  liaison_test_desk_open_window (&desk);
  page = liaison_test_get_by_id (GTK_WIDGET (desk.window), "receptions_page");
  table = liaison_test_get_by_id (page, "table");
  view = GTK_COLUMN_VIEW (liaison_test_get_by_id (table, "column_view"));
  g_assert_false (has_column_titled (view, "Station"));
  g_assert_true (has_column_titled (view, "Phone"));
  gtk_window_destroy (GTK_WINDOW (desk.window));
  desk.window = NULL;

  liaison_test_enroll_as_hq (desk.store);
  liaison_test_desk_open_window (&desk);
  page = liaison_test_get_by_id (GTK_WIDGET (desk.window), "receptions_page");
  /* The card says whose station. */
  assert_markup_shown (liaison_test_get_by_id (page, "list_view"), "Station: " LIAISON_TEST_STATION_NAME);

  gtk_widget_activate (liaison_test_get_by_id (page, "table_button"));
  table = liaison_test_get_by_id (page, "table");
  view = GTK_COLUMN_VIEW (liaison_test_get_by_id (table, "column_view"));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, view));
  g_assert_true (has_column_titled (view, "Station"));
  assert_markup_shown (GTK_WIDGET (view), LIAISON_TEST_STATION_NAME);

  /* A search marks the table's cells: the station, the phone's last four
   * digits (the number masked), the summary. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "search_entry")), "4752");
  assert_markup_shown (GTK_WIDGET (view), "137****" MARK "4752</span>");
  g_assert_null (liaison_test_find_widget (GTK_WIDGET (view), is_label_with_markup, "13712344752"));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "search_entry")), "站台");
  assert_markup_shown (GTK_WIDGET (view), MARK "站台</span>");
  /* 东山 finds it by its second visitor's community; the station's name
   * holds it too. */
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (page, "search_entry")), "东山");
  assert_markup_shown (GTK_WIDGET (view), "相山区" MARK "东山</span>街道");

  liaison_test_desk_tear_down (&desk);
}

typedef struct {
  GtkListBox *list;
  guint       n;
} MatchesWait;

static gboolean
has_n_matches (gpointer data)
{
  MatchesWait *wait = data;

  return gtk_widget_get_visible (GTK_WIDGET (wait->list)) &&
         gtk_list_box_get_row_at_index (wait->list, (int) wait->n - 1) != NULL;
}

/* (g) The deputy editor opens with the cursor after the name, nothing
 * selected; the reception editor's deputy search puts this station's
 * deputies first and says another's station. */
static void
run_deputy_search_and_editor (void)
{
  LiaisonTestDesk desk = { NULL };
  g_autoptr(LiaisonStation) other = liaison_station_new ();
  g_autoptr(LiaisonDeputy) away = liaison_deputy_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *editor;
  GtkWidget *search;
  GtkListBox *matches;
  MatchesWait wait;
  int start, end;

  liaison_test_desk_set_up (&desk);
  other->name = g_strdup ("杜集区矿山集街道代表之家");
  other->kind = LIAISON_STATION_KIND_STATION;
  other->district = g_strdup ("杜集区");
  g_assert_true (liaison_store_save_station (desk.store, other, &error));
  g_assert_no_error (error);
  /* 王安 sorts before 王建国 and sits elsewhere. */
  away->name = g_strdup ("王安");
  away->level = LIAISON_DEPUTY_LEVEL_CITY;
  away->station_id = other->meta.id;
  g_assert_true (liaison_store_save_deputy (desk.store, away, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LiaisonDeputy) here = liaison_store_get_deputy (desk.store, desk.deputy_id, &error);
    g_autoptr(LiaisonStation) station = liaison_store_get_local_station (desk.store);

    g_assert_no_error (error);
    here->station_id = station->meta.id;
    g_assert_true (liaison_store_save_deputy (desk.store, here, &error));
    g_assert_no_error (error);
  }
  liaison_test_desk_open_window (&desk);

  editor = liaison_deputy_editor_new (GTK_WINDOW (desk.window), desk.store, desk.deputy_id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  liaison_test_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (liaison_test_get_by_id (editor, "name_row"))), ==, "王建国");
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (liaison_test_get_by_id (editor, "name_row")),
                                                     &start, &end));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = liaison_reception_editor_new (GTK_WINDOW (desk.window), desk.store, 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  search = liaison_test_get_by_id (liaison_test_get_by_id (editor, "deputy_picker"), "search_entry");
  matches = GTK_LIST_BOX (liaison_test_get_by_id (liaison_test_get_by_id (editor, "deputy_picker"), "matches_list"));
  gtk_editable_set_text (GTK_EDITABLE (search), "王");
  g_signal_emit_by_name (search, "search-changed");
  wait = (MatchesWait) { matches, 2 };
  g_assert_true (liaison_test_wait_until (has_n_matches, &wait));
  first = liaison_test_text_under (GTK_WIDGET (gtk_list_box_get_row_at_index (matches, 0)));
  second = liaison_test_text_under (GTK_WIDGET (gtk_list_box_get_row_at_index (matches, 1)));
  g_test_message ("%s | %s", first, second);
  g_assert_nonnull (strstr (first, "王建国"));
  g_assert_null (strstr (first, "杜集区"));
  g_assert_nonnull (strstr (second, "王安"));
  g_assert_nonnull (strstr (second, "杜集区矿山集街道代表之家"));

  gtk_window_destroy (GTK_WINDOW (editor));
  liaison_test_desk_tear_down (&desk);
}

/* (h) A short tooltip is one line however narrow GTK makes its window:
 * 同意联系's fourteen characters came out seven a line. */
static void
run_short_tooltip_one_line (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = liaison_ui_tooltip_label_new ("来访群众同意就办理结果回访联系");
  int min_width, natural_width, min_height, one_line;

  /* The tooltip's window may be given less than a wrapping label asks
   * for (GTK 4.8): a label that cannot wrap stays one line. */
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (label)));
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  /* At its narrowest it is as wide as its one line. */
  g_assert_cmpint (min_width, ==, natural_width);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, natural_width, NULL, &one_line, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_height, ==, one_line);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
search_has_focus (gpointer data)
{
  GtkWidget *search = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (search));

  return focus != NULL && (focus == search || gtk_widget_is_ancestor (focus, search));
}

/* (i) Headquarters' station filter opens in its search, which says what
 * the pickers say and finds a station by any part of its name. */
static void
run_station_filter_search (void)
{
  LiaisonTestDesk desk = { NULL };
  GtkWidget *page;
  GtkWidget *dropdown;
  GtkWidget *popover;
  GtkWidget *search;
  GtkWidget *list;
  GListModel *shown;

  liaison_test_desk_set_up (&desk);
  liaison_test_enroll_as_hq (desk.store);
  liaison_test_desk_open_window (&desk);
  page = liaison_test_get_by_id (GTK_WIDGET (desk.window), "receptions_page");
  gtk_widget_activate (liaison_test_get_by_id (page, "filter_button"));
  dropdown = liaison_test_get_by_id (page, "station_dropdown");
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dropdown));
  g_signal_emit_by_name (dropdown, "activate");
  popover = liaison_test_find_widget (dropdown, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, popover));
  search = liaison_test_find_widget (popover, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (liaison_test_wait_until (search_has_focus, search));
  {
    g_autofree char *placeholder = NULL;

    g_object_get (search, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Type part of a name");
  }
  /* 东山街道 is in the middle of the station's name. */
  list = liaison_test_find_widget (popover, liaison_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  gtk_editable_set_text (GTK_EDITABLE (search), "东山街道");
  liaison_test_spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  liaison_test_desk_tear_down (&desk);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/review/actor-per-database", run_actor_per_database);
  liaison_test_add_ui_case ("/ui/review/refer-needs-lead", run_refer_needs_lead);
  liaison_test_add_ui_case ("/ui/review/sync-tags", run_sync_tags);
  liaison_test_add_ui_case ("/ui/review/picker-first-open", run_picker_first_open);
  liaison_test_add_ui_case ("/ui/review/station-name-whole", run_station_name_whole);
  liaison_test_add_ui_case ("/ui/review/station-name-returns", run_station_name_returns);
  liaison_test_add_ui_case ("/ui/review/header-settles", run_header_settles);
  liaison_test_add_ui_case ("/ui/review/hq-station-and-table-marks", run_hq_station_and_table_marks);
  liaison_test_add_ui_case ("/ui/review/deputy-search-and-editor", run_deputy_search_and_editor);
  liaison_test_add_ui_case ("/ui/review/short-tooltip-one-line", run_short_tooltip_one_line);
  liaison_test_add_ui_case ("/ui/review/station-filter-search", run_station_filter_search);

  return g_test_run ();
}
