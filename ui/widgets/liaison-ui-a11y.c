/* liaison-ui-a11y.c: accessible names that GTK 4.8 and libadwaita 1.2
 * leave out or get wrong, filled in on every window as it is shown.
 *
 * - A button or check button with a mnemonic is named "保存(_S) 保存(S)":
 *   GTK sets its raw label as the name and adds the label child's text.
 * - Rows of a GtkListView, GtkDropDown or AdwComboRow and the cells of a
 *   GtkColumnView have no name at all (GtkListItem gains an accessible
 *   label only in GTK 4.12), nor has a drop-down's button, the list in its
 *   popup, or the list of a column view's rows.
 * - The list an AdwPreferencesGroup keeps its rows in is named "GtkListBox",
 *   and so are the two lists inside an AdwExpanderRow.
 *
 * Rows are named from the texts they show, so a screen reader says what
 * the eye reads, in the same language. Names a page gives its own widgets
 * (a .ui accessible label, gtk_accessible_update_property) are left alone,
 * except on a button with a mnemonic, which is named by its label as
 * shown; the rows of a column view are left to the table that fills them.
 */
#define G_LOG_DOMAIN "liaison-ui-a11y"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-ui-a11y.h"

/* GTK's private row widget of list views, drop-downs and combo rows. */
static GType
list_item_widget_type (void)
{
  static GType type = G_TYPE_INVALID;

  if (type == G_TYPE_INVALID)
    type = g_type_from_name ("GtkListItemWidget");
  return type;
}

static gboolean
is_list_row (GtkWidget *widget)
{
  GType type = list_item_widget_type ();

  return type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, type);
}

/* A row of a column view: it holds a cell for each column, and the cells
 * are list rows of their own, named here; the row is the table's to name. */
static gboolean
is_table_row (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && GTK_IS_LIST_VIEW (parent)
         && gtk_widget_get_ancestor (parent, GTK_TYPE_COLUMN_VIEW) != NULL;
}

/* "保存(_S)" -> "保存(S)", "__" -> "_", as the label shows it. */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_mnemonic_button (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *name = NULL;

  if (label == NULL || strchr (label, '_') == NULL)
    return;
  name = strip_mnemonic (label);
  /* The label child would add its text a second time. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
add_texts (GtkWidget *widget,
           GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        {
          if (out->len > 0)
            /* Translators: separates the texts of a list row where a screen
             * reader says them in one sentence, "2025-10-23 09:30，张三，…" */
            g_string_append (out, C_("row name", ", "));
          g_string_append (out, text);
        }
      return;
    }
  /* A button in a row is a control of its own, named by itself. */
  if (GTK_IS_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_texts (child, out);
}

/* A drop-down shows its choice through a row inside its button. */
static GtkWidget *
drop_down_button (GtkWidget *row)
{
  GtkWidget *button = gtk_widget_get_ancestor (row, GTK_TYPE_TOGGLE_BUTTON);

  if (button != NULL && GTK_IS_DROP_DOWN (gtk_widget_get_parent (button)))
    return button;
  return NULL;
}

/**
 * liaison_ui_a11y_name_from_texts:
 * @widget: a list row, a card
 *
 * Names @widget by the texts of the labels it shows, in order, as one
 * sentence: what the eye reads, a screen reader says. Buttons in it keep
 * names of their own. Call it again when the texts change.
 *
 */
void
liaison_ui_a11y_name_from_texts (GtkWidget *widget)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_texts (child, name);
  if (name->len == 0)
    /* Translators: the accessible name of a table cell or list row that
     * shows nothing, such as a reception with no deputy */
    g_string_append (name, C_("accessible name", "Empty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

static void
name_row (GtkWidget *row)
{
  GtkWidget *button = drop_down_button (row);

  liaison_ui_a11y_name_from_texts (row);
  if (button != NULL)
    liaison_ui_a11y_name_from_texts (button);
}

static void
bound_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *row = child != NULL ? gtk_widget_get_parent (child) : NULL;

  if (row != NULL && is_list_row (row))
    name_row (row);
}

/* Names each row again whenever the factory binds it to an item. */
static void
watch_factory (GtkListItemFactory *factory)
{
  static GQuark watched;

  if (!GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory))
    return;
  if (watched == 0)
    watched = g_quark_from_static_string ("liaison-a11y-watched");
  if (g_object_get_qdata (G_OBJECT (factory), watched) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (factory), watched, GINT_TO_POINTER (TRUE));
  /* After the page's own handler has filled the row in. */
  g_signal_connect_after (factory, "bind", G_CALLBACK (bound_cb), NULL);
}

/* AdwPreferencesGroup (1.2) keeps its rows in a list box of its own, the
 * first child of a box beside the header; lists a page adds follow it. */
static AdwPreferencesGroup *
group_of_own_list (GtkWidget *list)
{
  GtkWidget *box = gtk_widget_get_parent (list);
  GtkWidget *group = box != NULL ? gtk_widget_get_ancestor (box, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  if (group == NULL || gtk_widget_get_first_child (box) != list
      || gtk_widget_get_parent (gtk_widget_get_parent (box)) != group)
    return NULL;
  return ADW_PREFERENCES_GROUP (group);
}

/* A group with a title names its list by it; one without, by the rows
 * the list holds. */
static void
name_group_list (GtkWidget           *list,
                 AdwPreferencesGroup *group)
{
  const char *title = adw_preferences_group_get_title (group);
  g_autoptr(GString) name = g_string_new (NULL);

  if (title != NULL && *title != '\0')
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_PREFERENCES_ROW (row) || !gtk_widget_get_visible (row))
        continue;
      if (name->len > 0)
        g_string_append (name, _(", "));
      g_string_append (name, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

static void
fill_in (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    name_mnemonic_button (widget, gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    name_mnemonic_button (widget, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    {
      watch_factory (gtk_drop_down_get_factory (GTK_DROP_DOWN (widget)));
      if (gtk_drop_down_get_list_factory (GTK_DROP_DOWN (widget)) != NULL)
        watch_factory (gtk_drop_down_get_list_factory (GTK_DROP_DOWN (widget)));
    }
  else if (ADW_IS_COMBO_ROW (widget))
    {
      watch_factory (adw_combo_row_get_factory (ADW_COMBO_ROW (widget)));
      if (adw_combo_row_get_list_factory (ADW_COMBO_ROW (widget)) != NULL)
        watch_factory (adw_combo_row_get_list_factory (ADW_COMBO_ROW (widget)));
    }
  else if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          watch_factory (gtk_column_view_column_get_factory (column));
        }
    }
  else if (GTK_IS_LIST_VIEW (widget))
    {
      /* A column view's rows are its cells; the table names them itself. */
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) == NULL)
        watch_factory (gtk_list_view_get_factory (GTK_LIST_VIEW (widget)));
      /* The list in a drop-down's or combo row's popup. */
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL
          || gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Choices"), -1);
      /* The rows of a table, inside its GtkColumnView. */
      else if (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Rows"), -1);
    }
  else if (GTK_IS_LIST_BOX (widget) && group_of_own_list (widget) != NULL)
    name_group_list (widget, group_of_own_list (widget));
  else if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) != NULL)
    /* An expander row's own lists, its header's and its rows'. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                                      gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW))),
                                    -1);
  else if (is_list_row (widget) && !is_table_row (widget))
    /* Rows bound before the factory was watched. */
    name_row (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fill_in (child);
}

/**
 * liaison_ui_a11y_fill_in:
 * @root: a window, or any widget
 *
 * Fills in the accessible names GTK leaves out under @root, and keeps the
 * rows of its lists named as they are bound to other items.
 */
void
liaison_ui_a11y_fill_in (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  fill_in (root);
}

static gboolean
window_shown_cb (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (object))
    liaison_ui_a11y_fill_in (GTK_WIDGET (object));
  return TRUE;  /* stay installed */
}

/* Lists and drop-downs a page builds after its window was shown. */
static gboolean
list_mapped_cb (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_DROP_DOWN (object) || ADW_IS_COMBO_ROW (object) || GTK_IS_LIST_VIEW (object)
      || GTK_IS_COLUMN_VIEW (object))
    liaison_ui_a11y_fill_in (GTK_WIDGET (object));
  return TRUE;
}

/**
 * liaison_ui_a11y_install:
 *
 * Fills in accessible names on every window of the process when it is
 * shown, dialogs included, and on lists and drop-downs added later when
 * they are mapped. Call once, at startup.
 */
void
liaison_ui_a11y_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* A signal is found only once its class exists; GTK keeps it. */
      g_type_class_ref (GTK_TYPE_WINDOW);
      g_signal_add_emission_hook (g_signal_lookup ("show", GTK_TYPE_WIDGET), 0,
                                  window_shown_cb, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  list_mapped_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
