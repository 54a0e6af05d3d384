/* test-ui-reception-files.c: files dropped on the reception editor, in the
 * real window under Xvfb: a photo is listed, a zip named .png is refused
 * with a sentence under the section, the same photo dropped again is
 * listed once, and nothing reaches the disk before the reception is
 * saved. (The file chooser's path is test-reception-files-ui.py's, over
 * AT-SPI.) */
#define G_LOG_DOMAIN "test-ui-reception-files"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "liaison-reception-editor.h"
#include "liaison-test-desk.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"

static GFile *
data_file (const char *name)
{
  g_autofree char *relative = g_build_filename ("reception-files", name, NULL);
  g_autofree char *path = liaison_test_data_path (relative);

  return g_file_new_for_path (path);
}

/* The drop target the editor's page holds. */
static GtkDropTarget *
page_drop_target (GtkWidget *editor)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (liaison_test_get_by_id (editor, "page"));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Drops @value on @target as a drag ends, and returns whether it was taken. */
static gboolean
drop (GtkDropTarget *target,
      const GValue  *value)
{
  gboolean taken = FALSE;

  g_signal_emit_by_name (target, "drop", value, 10.0, 10.0, &taken);
  liaison_test_spin (50);
  return taken;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

static void
run_drop (void)
{
  LiaisonTestDesk fixture = { NULL };
  g_autofree char *attachments = NULL;
  GtkDropTarget *target;
  GtkWidget *editor;
  GtkWidget *list;
  GtkWidget *problem;

  liaison_test_desk_set_up (&fixture);
  attachments = g_strconcat (liaison_store_get_path (fixture.store), "-attachments", NULL);
  liaison_test_desk_open_window (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-reception", NULL));
  editor = liaison_test_wait_for_toplevel (LIAISON_TYPE_RECEPTION_EDITOR);
  list = liaison_test_get_by_id (editor, "files_list");
  problem = liaison_test_get_by_id (editor, "files_error");
  target = page_drop_target (editor);
  g_assert_nonnull (target);
  g_assert_false (gtk_widget_get_visible (list));

  /* Two files from a file manager: the photo is taken, the zip is not. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    GSList *files = NULL;

    files = g_slist_append (files, data_file ("sign-in-sheet.png"));
    files = g_slist_append (files, data_file ("really-a-zip.png"));
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
    g_slist_free_full (files, g_object_unref);
    g_assert_true (drop (target, &value));
  }
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (liaison_test_find_by_name (list, "remove-file"));
  g_assert_true (gtk_widget_get_visible (problem));
  g_test_message ("refused: %s", gtk_label_get_label (GTK_LABEL (problem)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "really-a-zip.png"));

  /* The same photo again, as one file: listed once, and all is well. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GFile) photo = data_file ("sign-in-sheet.png");

    g_value_init (&value, G_TYPE_FILE);
    g_value_set_object (&value, photo);
    g_assert_true (drop (target, &value));
  }
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_false (gtk_widget_get_visible (problem));

  /* Not saved: nothing on disk. */
  g_assert_false (g_file_test (attachments, G_FILE_TEST_EXISTS));

  liaison_test_desk_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/reception-files/drop", run_drop);

  return g_test_run ();
}
