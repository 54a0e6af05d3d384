/* liaison-test-ui.c: helpers shared by the UI tests. */
#define G_LOG_DOMAIN "liaison-test-ui"

#include "config.h"

#include <adwaita.h>

#include "liaison-test-ui.h"

#define TIMEOUT_MS 10000

/**
 * liaison_test_wait_until:
 *
 * Runs the main loop until @condition holds or ten seconds are up.
 *
 * Returns: whether @condition held
 */
gboolean
liaison_test_wait_until (LiaisonTestCondition condition,
                         gpointer             data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

/**
 * liaison_test_spin:
 *
 * Lets pending idles, timeouts and redraws run for @ms milliseconds.
 */
void
liaison_test_spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/**
 * liaison_test_is_mapped:
 * @widget: a #GtkWidget
 *
 * A #LiaisonTestCondition: whether @widget is on screen.
 */
gboolean
liaison_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * liaison_test_find_widget:
 *
 * Returns: (nullable) (transfer none): @root or the first widget under it
 *   that @match takes
 */
GtkWidget *
liaison_test_find_widget (GtkWidget              *root,
                          LiaisonTestWidgetMatch  match,
                          gconstpointer           data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = liaison_test_find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * liaison_test_count_widgets:
 *
 * Returns: how many widgets under @root, @root included, @match takes
 */
guint
liaison_test_count_widgets (GtkWidget              *root,
                            LiaisonTestWidgetMatch  match,
                            gconstpointer           data)
{
  guint n = match (root, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += liaison_test_count_widgets (child, match, data);
  return n;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return GTK_IS_BUILDABLE (widget) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

gboolean
liaison_test_has_name (GtkWidget     *widget,
                       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/**
 * liaison_test_find_by_id:
 *
 * Returns: (nullable) (transfer none): @root or the first widget under it
 *   whose template id is @id
 */
GtkWidget *
liaison_test_find_by_id (GtkWidget  *root,
                         const char *id)
{
  return liaison_test_find_widget (root, has_id, id);
}

/**
 * liaison_test_find_by_name:
 *
 * Returns: (transfer none) (nullable): the first widget under @root
 *   whose widget name (gtk_widget_set_name()) is @name
 */
GtkWidget *
liaison_test_find_by_name (GtkWidget  *root,
                           const char *name)
{
  return liaison_test_find_widget (root, liaison_test_has_name, name);
}

/**
 * liaison_test_get_by_id:
 *
 * Like liaison_test_find_by_id(), but the widget must be there.
 *
 * Returns: (transfer none): the widget
 */
GtkWidget *
liaison_test_get_by_id (GtkWidget  *root,
                        const char *id)
{
  GtkWidget *widget = liaison_test_find_by_id (root, id);

  if (widget == NULL)
    g_error ("No widget with the id “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* Concatenates every label's text under @root, to look for words. */
static void
collect_text (GtkWidget *root,
              GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/**
 * liaison_test_text_under:
 *
 * Returns: (transfer full): the text of every visible label under @root,
 *   a line each
 */
char *
liaison_test_text_under (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_text (root, text);
  return g_string_free (text, FALSE);
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  return gtk_widget_get_mapped (GTK_WIDGET (wait->label)) &&
         g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

/**
 * liaison_test_assert_label:
 *
 * Waits for the label of the id @id under @root to say @text on screen.
 */
void
liaison_test_assert_label (GtkWidget  *root,
                           const char *id,
                           const char *text)
{
  LabelWait wait = { GTK_LABEL (liaison_test_get_by_id (root, id)), text };

  if (!liaison_test_wait_until (label_is, &wait))
    g_error ("“%s” says “%s” (%s), not “%s”", id, gtk_label_get_text (wait.label),
             gtk_widget_get_mapped (GTK_WIDGET (wait.label)) ? "shown" : "hidden", text);
}

/**
 * liaison_test_count_shown_labels:
 *
 * Returns: how many labels styled @css_class, mapped and not empty, stand
 *   under @root (itself included): what a user can see of them right now
 */
guint
liaison_test_count_shown_labels (GtkWidget  *root,
                                 const char *css_class)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class) &&
      gtk_widget_get_mapped (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += liaison_test_count_shown_labels (child, css_class);
  return n;
}

/**
 * liaison_test_action_enabled:
 * @window: a window with an AdwHeaderBar of the id "header_bar"
 * @action: a detailed action name such as "win.enroll"
 *
 * A menu hides an item whose action is disabled, so nothing on screen says
 * so; a button bound to @action is sensitive exactly when it is enabled.
 *
 * Returns: whether @action is enabled in @window
 */
gboolean
liaison_test_action_enabled (GtkWidget  *window,
                             const char *action)
{
  GtkWidget *header = liaison_test_get_by_id (window, "header_bar");
  GtkWidget *probe = gtk_button_new_with_label ("probe");
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), probe);
  liaison_test_spin (50);
  enabled = gtk_widget_get_sensitive (probe);
  adw_header_bar_remove (ADW_HEADER_BAR (header), probe);
  return enabled;
}

/**
 * liaison_test_find_toplevel:
 *
 * Returns: (nullable) (transfer none): a visible window of @type
 */
GtkWidget *
liaison_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/**
 * liaison_test_toplevel_is_mapped:
 * @type: a #GType, in a pointer (GSIZE_TO_POINTER)
 *
 * A #LiaisonTestCondition: whether a window of @type is on screen.
 */
gboolean
liaison_test_toplevel_is_mapped (gpointer type)
{
  GtkWidget *window = liaison_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (window);
}

/**
 * liaison_test_toplevel_is_gone:
 * @type: a #GType, in a pointer (GSIZE_TO_POINTER)
 *
 * A #LiaisonTestCondition: whether no window of @type is left.
 */
gboolean
liaison_test_toplevel_is_gone (gpointer type)
{
  return liaison_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

/**
 * liaison_test_wait_for_toplevel:
 *
 * Waits until a window of @type is on screen.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
liaison_test_wait_for_toplevel (GType type)
{
  g_assert_true (liaison_test_wait_until (liaison_test_toplevel_is_mapped, GSIZE_TO_POINTER (type)));
  return liaison_test_find_toplevel (type);
}

/**
 * liaison_test_wait_until_gone:
 *
 * Waits until no window of @type is left.
 *
 * Returns: whether they all went in time
 */
gboolean
liaison_test_wait_until_gone (GType type)
{
  return liaison_test_wait_until (liaison_test_toplevel_is_gone, GSIZE_TO_POINTER (type));
}

/* Each case runs in a child: GTK cannot be reset between cases. */
static void
run_in_subprocess (gconstpointer data)
{
  void (*run) (void) = (void (*) (void)) data;

  if (g_test_subprocess ())
    {
      gtk_init ();
      adw_init ();
      run ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/**
 * liaison_test_add_ui_case:
 * @path: the test case's path
 * @run: the case, which runs in a child process with GTK and libadwaita
 *   set up
 *
 * Adds a test case that runs @run in a subprocess of its own.
 */
void
liaison_test_add_ui_case (const char  *path,
                          void       (*run) (void))
{
  g_test_add_data_func (path, (gconstpointer) run, run_in_subprocess);
}
