/* liaison-reception-files.c: the reception editor's Photos and Files
 * section (see the header).
 *
 * A file is read and checked as it is attached, so that a refusal is said
 * at once, beside the section; its bytes stay in the form, and reach the
 * disk only when the reception is saved. Taking one off before then, or
 * closing the editor unsaved, leaves nothing behind.
 */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-file-check.h"
#include "liaison-file-rows.h"
#include "liaison-reception-file-view.h"
#include "liaison-reception-files.h"

#define THUMBNAIL_SIZE 48

struct _LiaisonReceptionFiles
{
  AdwPreferencesGroup   parent_instance;

  /* owned */
  LiaisonStore         *store;
  LiaisonReceptionForm *form;
  GtkFileChooserNative *chooser;  /* while "Attach File…" is open */

  /* template children */
  GtkButton            *attach_button;
  GtkListBox           *files_list;
  GtkLabel             *files_error;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionFiles, liaison_reception_files, ADW_TYPE_PREFERENCES_GROUP)

static void
show_problem (LiaisonReceptionFiles *self,
              const char            *message)
{
  gtk_label_set_label (self->files_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->files_error), message != NULL);
}

static void
remove_clicked_cb (GtkButton             *button,
                   LiaisonReceptionFiles *self)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "sha256");

  for (guint i = 0; i < liaison_reception_form_get_n_files (self->form); i++)
    if (g_str_equal (liaison_reception_form_get_file (self->form, i)->sha256, sha256))
      {
        liaison_reception_form_remove_file (self->form, i);
        break;
      }
  /* The row goes with the click: keep the focus in the section. */
  gtk_widget_grab_focus (GTK_WIDGET (self->attach_button));
  show_problem (self, NULL);
  liaison_reception_files_load (self);
}

static GtkWidget *
file_row_new (LiaisonReceptionFiles      *self,
              const LiaisonReceptionFile *file)
{
  g_autoptr(GdkPaintable) thumbnail = liaison_reception_file_thumbnail (self->store, file, THUMBNAIL_SIZE,
                                                                         THUMBNAIL_SIZE);
  g_autofree char *subtitle = liaison_reception_file_describe (file);
  GtkWidget *prefix;

  if (thumbnail != NULL)
    {
      /* Translators: a screen reader's words for a photo's thumbnail, "Photo: 签到表.jpg" */
      g_autofree char *alternative = g_strdup_printf (_("Photo: %s"), file->name);

      prefix = gtk_picture_new_for_paintable (thumbnail);
      gtk_picture_set_alternative_text (GTK_PICTURE (prefix), alternative);
      /* GTK 4.8 reads the alternative text as a description only. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (prefix), GTK_ACCESSIBLE_PROPERTY_LABEL, alternative, -1);
      gtk_widget_set_size_request (prefix, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
      gtk_widget_set_margin_top (prefix, 6);
      gtk_widget_set_margin_bottom (prefix, 6);
    }
  else
    {
      g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (file->content_type);

      prefix = gtk_image_new_from_gicon (icon);
      gtk_image_set_icon_size (GTK_IMAGE (prefix), GTK_ICON_SIZE_LARGE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (prefix), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
    }
  return liaison_ui_file_row_new (file->name, subtitle, prefix, file->sha256, "remove-file",
                                  G_CALLBACK (remove_clicked_cb), self);
}

void
liaison_reception_files_load (LiaisonReceptionFiles *self)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (LIAISON_IS_RECEPTION_FILES (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->files_list))) != NULL)
    gtk_list_box_remove (self->files_list, child);
  n = self->form != NULL ? liaison_reception_form_get_n_files (self->form) : 0;
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->files_list, file_row_new (self, liaison_reception_form_get_file (self->form, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->files_list), n > 0);
}

gboolean
liaison_reception_files_attach (LiaisonReceptionFiles  *self,
                                GFile                  *file,
                                GError                **error)
{
  g_autofree char *path = NULL;
  LiaisonReceptionFile *checked;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_FILES (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is where the file is, a web address or a network share */
      g_set_error (error, LIAISON_FILE_ERROR, LIAISON_FILE_ERROR_UNREADABLE,
                   _("“%s” is not on this computer; copy it here first, then attach it."), name);
      return FALSE;
    }
  checked = liaison_file_check_read (path, error);
  if (checked == NULL)
    return FALSE;
  /* The same file attached twice is listed once. */
  if (liaison_reception_form_add_file (self->form, checked))
    liaison_reception_files_load (self);
  return TRUE;
}

/* Attaches every file of @files (GFile *) it can; says the first refusal,
 * or nothing. */
static void
attach_all (LiaisonReceptionFiles *self,
            GSList                *files)
{
  g_autoptr(GError) first_error = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!liaison_reception_files_attach (self, l->data, &error) && first_error == NULL)
        first_error = g_steal_pointer (&error);
    }
  show_problem (self, first_error != NULL ? first_error->message : NULL);
}

static void
chooser_response_cb (GtkNativeDialog       *native,
                     int                    response,
                     LiaisonReceptionFiles *self)
{
  g_autoptr(GListModel) chosen = liaison_ui_attach_chooser_finish (&self->chooser, response);
  GSList *files = NULL;

  if (chosen == NULL)
    return;
  for (guint i = g_list_model_get_n_items (chosen); i > 0; i--)
    files = g_slist_prepend (files, g_list_model_get_item (chosen, i - 1));
  attach_all (self, files);
  g_slist_free_full (files, g_object_unref);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonReceptionFiles *self = LIAISON_RECEPTION_FILES (widget);

  liaison_ui_attach_chooser_open (widget, &self->chooser, G_CALLBACK (chooser_response_cb));
}

static gboolean
drop_cb (GtkDropTarget         *target,
         const GValue          *value,
         double                 x,
         double                 y,
         LiaisonReceptionFiles *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      attach_all (self, gdk_file_list_get_files (g_value_get_boxed (value)));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GSList one = { g_value_get_object (value), NULL };

      attach_all (self, &one);
      return TRUE;
    }
  return FALSE;
}

void
liaison_reception_files_take_drops (LiaisonReceptionFiles *self,
                                    GtkWidget             *widget)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_return_if_fail (LIAISON_IS_RECEPTION_FILES (self));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

void
liaison_reception_files_set_form (LiaisonReceptionFiles *self,
                                  LiaisonStore          *store,
                                  LiaisonReceptionForm  *form)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FILES (self));

  g_set_object (&self->store, store);
  g_set_object (&self->form, form);
}

static void
liaison_reception_files_dispose (GObject *object)
{
  LiaisonReceptionFiles *self = LIAISON_RECEPTION_FILES (object);

  liaison_ui_attach_chooser_close (&self->chooser, GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_FILES);
  g_clear_object (&self->form);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_reception_files_parent_class)->dispose (object);
}

static void
liaison_reception_files_class_init (LiaisonReceptionFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reception_files_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-files.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionFiles, attach_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionFiles, files_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionFiles, files_error);

  gtk_widget_class_install_action (widget_class, "files.attach", NULL, attach_action);
}

static void
liaison_reception_files_init (LiaisonReceptionFiles *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
