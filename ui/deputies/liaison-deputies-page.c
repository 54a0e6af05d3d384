/* liaison-deputies-page.c: the deputy roster.
 *
 * A roster is a few hundred names at most, so the page reads it whole into
 * a GListStore, again whenever the search or the deputies change.
 */
#define G_LOG_DOMAIN "liaison-deputies-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputies-page.h"
#include "liaison-deputy-editor.h"
#include "liaison-import-report.h"
#include "liaison-ledger.h"
#include "liaison-privacy.h"
#include "liaison-rows-when-shown.h"
#include "liaison-ui-util.h"

/* A deputy as a list item: the roster's rows need a GObject. Private to
 * this page. */
#define LIAISON_TYPE_ROSTER_ITEM (liaison_roster_item_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonRosterItem, liaison_roster_item, LIAISON, ROSTER_ITEM, GObject)

struct _LiaisonRosterItem
{
  GObject parent_instance;

  /* owned */
  LiaisonDeputy *deputy;
};

G_DEFINE_FINAL_TYPE (LiaisonRosterItem, liaison_roster_item, G_TYPE_OBJECT)

static void
liaison_roster_item_finalize (GObject *object)
{
  g_clear_pointer (&LIAISON_ROSTER_ITEM (object)->deputy, liaison_deputy_free);
  G_OBJECT_CLASS (liaison_roster_item_parent_class)->finalize (object);
}

static void
liaison_roster_item_class_init (LiaisonRosterItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_roster_item_finalize;
}

static void
liaison_roster_item_init (LiaisonRosterItem *self)
{
}

struct _LiaisonDeputiesPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore       *store;
  GListStore         *deputies;
  GtkSingleSelection *selection;

  /* template children */
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkStack       *content_stack;
  GtkListView    *list_view;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (LiaisonDeputiesPage, liaison_deputies_page, ADW_TYPE_BIN)

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "deputy-row");
  gtk_box_append (GTK_BOX (box), top);
  liaison_ui_add_row_label (box, GTK_BOX (top), "name", "heading", -1);
  label = liaison_ui_add_row_label (box, GTK_BOX (top), "level", "category-label", -1);
  gtk_widget_set_hexpand (label, TRUE);
  liaison_ui_add_row_label (box, GTK_BOX (box), "where", "dim-label", -1);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  LiaisonRosterItem *item = gtk_list_item_get_item (list_item);
  const LiaisonDeputy *deputy = item->deputy;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *where = NULL;
  /* Masked on the roster, as every phone in a list (app/privacy). */
  g_autofree char *phone = liaison_privacy_mask_phone (deputy->phone);

  if (deputy->group_name != NULL && *deputy->group_name)
    g_ptr_array_add (parts, deputy->group_name);
  if (deputy->station_name != NULL && *deputy->station_name)
    g_ptr_array_add (parts, deputy->station_name);
  if (deputy->specialty != NULL && *deputy->specialty)
    g_ptr_array_add (parts, deputy->specialty);
  if (*phone != '\0')
    g_ptr_array_add (parts, phone);
  g_ptr_array_add (parts, NULL);
  where = g_strjoinv (" · ", (char **) parts->pdata);

  liaison_ui_set_row_text (box, "name", deputy->name);
  liaison_ui_set_row_text (box, "level", liaison_deputy_level_label (deputy->level));
  liaison_ui_set_row_text (box, "where", where);
}

/* The roster */

static void
show_count (LiaisonDeputiesPage *self,
            guint                n)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%'u deputy", "%'u deputies", n), n);

  gtk_label_set_text (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
}

static void
reload (LiaisonDeputiesPage *self)
{
  g_autofree char *search = liaison_ui_get_search_text (self->search_entry);
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonRosterItem *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected ? selected->deputy->meta.id : 0;

  if (self->store == NULL)
    return;

  deputies = liaison_store_list_deputies (self->store, search, &error);
  if (deputies == NULL)
    {
      g_list_store_remove_all (self->deputies);
      show_count (self, 0);
      liaison_ui_show_list_content (self->content_stack, self->error_page, 0, error, FALSE);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_free_func (deputies, NULL);
  for (guint i = 0; i < deputies->len; i++)
    {
      LiaisonRosterItem *item = g_object_new (LIAISON_TYPE_ROSTER_ITEM, NULL);

      item->deputy = g_ptr_array_index (deputies, i);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->deputies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->deputies)),
                       items->pdata, items->len);

  /* Keep the deputy that was selected, if still listed. */
  for (guint i = 0; selected_id != 0 && i < items->len; i++)
    if (LIAISON_ROSTER_ITEM (g_ptr_array_index (items, i))->deputy->meta.id == selected_id)
      gtk_single_selection_set_selected (self->selection, i);

  show_count (self, items->len);
  liaison_ui_show_list_content (self->content_stack, self->error_page, items->len, NULL, *search != '\0');
}

static void
search_changed_cb (LiaisonDeputiesPage *self)
{
  reload (self);
}

static void
stop_search_cb (LiaisonDeputiesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
store_changed_cb (LiaisonDeputiesPage *self,
                  const char          *table)
{
  if (g_strcmp0 (table, "deputies") == 0 ||
      g_strcmp0 (table, "deputy_groups") == 0 ||
      g_strcmp0 (table, "stations") == 0)
    reload (self);
}

static void
selection_changed_cb (LiaisonDeputiesPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputies.duty-record", selected);
}

/* Actions */

static void
open_editor (LiaisonDeputiesPage *self,
             gint64               deputy_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  g_return_if_fail (self->store != NULL);

  editor = liaison_deputy_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, deputy_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (LIAISON_DEPUTIES_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonDeputiesPage *self = LIAISON_DEPUTIES_PAGE (widget);
  LiaisonRosterItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    open_editor (self, item->deputy->meta.id);
}

/* The window shows the record in place of its views. */
static void
duty_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonDeputiesPage *self = LIAISON_DEPUTIES_PAGE (widget);
  LiaisonRosterItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    gtk_widget_activate_action (widget, "win.show-duty-record", "s", item->deputy->meta.uuid);
}

static void
list_activated_cb (LiaisonDeputiesPage *self,
                   guint                position)
{
  g_autoptr(LiaisonRosterItem) item = g_list_model_get_item (G_LIST_MODEL (self->deputies), position);

  if (item != NULL)
    open_editor (self, item->deputy->meta.id);
}

static void
import_roster_response_cb (GtkNativeDialog     *native,
                           int                  response,
                           LiaisonDeputiesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GFile) file = liaison_ui_csv_chooser_finish (native, response);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  if (file == NULL || self->store == NULL)
    return;

  if (!liaison_ledger_import_deputies_with_problems (self->store, file, &n_imported, problems, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *body = g_strdup_printf (_("Nobody was imported from “%s”. Correct the file and import it again."), name);

      /* Bad rows are listed as the ledger's are, one problem a row. */
      if (liaison_import_problems_get_n (problems) > 0)
        gtk_window_present (GTK_WINDOW (liaison_import_report_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                   _("The Roster Could Not Be Imported"),
                                                                   file, problems)));
      /* The window says it; a page never names its window. */
      else if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(sss)",
                                            _("The Roster Could Not Be Imported"), body, error->message))
        g_warning ("%s", error->message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (ngettext ("Imported %u deputy",
                                                          "Imported %u deputies",
                                                          n_imported),
                                                n_imported);
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
  }
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonDeputiesPage *self = LIAISON_DEPUTIES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;

  native = liaison_ui_csv_chooser_new (_("Import Roster"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), FALSE);
  g_signal_connect_object (native, "response", G_CALLBACK (import_roster_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * liaison_deputies_page_focus_search:
 *
 * Moves the keyboard focus to the search entry.
 */
void
liaison_deputies_page_focus_search (LiaisonDeputiesPage *self)
{
  g_return_if_fail (LIAISON_IS_DEPUTIES_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * liaison_deputies_page_set_store:
 *
 * Shows the roster of @store.
 */
void
liaison_deputies_page_set_store (LiaisonDeputiesPage *self,
                                 LiaisonStore        *store)
{
  g_return_if_fail (LIAISON_IS_DEPUTIES_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_deputies_page_dispose (GObject *object)
{
  LiaisonDeputiesPage *self = LIAISON_DEPUTIES_PAGE (object);

  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_DEPUTIES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->deputies);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_deputies_page_parent_class)->dispose (object);
}

static void
liaison_deputies_page_class_init (LiaisonDeputiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_deputies_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-deputies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputiesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputiesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputiesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputiesPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);

  gtk_widget_class_install_action (widget_class, "deputies.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "deputies.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "deputies.duty-record", NULL, duty_record_action);
  gtk_widget_class_install_action (widget_class, "deputies.import-roster", NULL, import_roster_action);
}

static void
liaison_deputies_page_init (LiaisonDeputiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->deputies = g_list_store_new (LIAISON_TYPE_ROSTER_ITEM);
  self->selection = liaison_ui_list_view_init (self->list_view, g_object_ref (G_LIST_MODEL (self->deputies)),
                                               G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb));
  /* Its rows wait until the page is first opened. */
  liaison_ui_rows_when_shown (self->list_view);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);
}
