/* liaison-reply-attachments.c: the move dialog's Attachments section.
 *
 * A reply's files are copied into the store as they are attached
 * (liaison_store_add_attachment()), so that a file the store refuses is
 * said at once; the reply lists them by hash and name when it is saved.
 * What went wrong is the dialog's to show: the section emits ::problem.
 */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-file-rows.h"
#include "liaison-reply-attachments.h"
#include "liaison-store-attachments.h"

struct _LiaisonReplyAttachments
{
  AdwPreferencesGroup   parent_instance;

  /* owned */
  LiaisonStore         *store;
  GPtrArray            *attachments;  /* Attachment *, in the order listed */
  GtkFileChooserNative *chooser;      /* while "Attach File…" is open */

  /* template children */
  GtkListBox           *attachments_list;
  GtkButton            *attach_button;
};

/* A file attached to the reply: in the store already, listed by name. */
typedef struct {
  char      *sha256;
  char      *name;  /* the file's name, for display */
  GtkWidget *row;   /* its row in attachments_list; borrowed */
} Attachment;

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  g_free (attachment->sha256);
  g_free (attachment->name);
  g_free (attachment);
}

G_DEFINE_FINAL_TYPE (LiaisonReplyAttachments, liaison_reply_attachments, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
find_attachment (LiaisonReplyAttachments *self,
                 const char        *sha256)
{
  for (guint i = 0; i < self->attachments->len; i++)
    if (g_str_equal (((Attachment *) g_ptr_array_index (self->attachments, i))->sha256, sha256))
      return i;
  return G_MAXUINT;
}

static void
remove_attachment_cb (GtkButton         *button,
                      LiaisonReplyAttachments *self)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "sha256");
  guint index = find_attachment (self, sha256);
  Attachment *attachment;

  if (index == G_MAXUINT)
    return;
  attachment = g_ptr_array_index (self->attachments, index);
  /* The row goes with the click: keep the focus in the group. The file
   * stays in the store, listed by no move, and is never sent. */
  gtk_widget_grab_focus (GTK_WIDGET (self->attach_button));
  gtk_list_box_remove (self->attachments_list, attachment->row);
  g_ptr_array_remove_index (self->attachments, index);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), self->attachments->len > 0);
  g_signal_emit (self, signals[PROBLEM], 0, NULL);
}

static GtkWidget *
attachment_row_new (LiaisonReplyAttachments *self,
                    const char        *sha256,
                    const char        *name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  gint64 size = liaison_store_get_attachment_size (self->store, sha256);
  g_autofree char *size_text = g_format_size (size > 0 ? (guint64) size : 0);

  return liaison_ui_file_row_new (name, size_text, icon, sha256, "remove-attachment",
                                  G_CALLBACK (remove_attachment_cb), self);
}

/* Copies @file into the store and lists it; says nothing. */
static gboolean
attach_one (LiaisonReplyAttachments  *self,
            GFile              *file,
            GError            **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *sha256 = NULL;
  Attachment *attachment;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is where the file is, a web address or a network share */
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("“%s” is not on this computer; copy it here first, then attach it."), name);
      return FALSE;
    }
  sha256 = liaison_store_add_attachment (self->store, path, error);
  if (sha256 == NULL)
    return FALSE;
  /* The same file chosen twice is listed once. */
  if (find_attachment (self, sha256) != G_MAXUINT)
    return TRUE;

  attachment = g_new0 (Attachment, 1);
  attachment->sha256 = g_steal_pointer (&sha256);
  attachment->name = g_filename_display_basename (path);
  attachment->row = attachment_row_new (self, attachment->sha256, attachment->name);
  g_ptr_array_add (self->attachments, attachment);
  gtk_list_box_append (self->attachments_list, attachment->row);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), TRUE);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog   *native,
                     int                response,
                     LiaisonReplyAttachments *self)
{
  g_autoptr(GListModel) files = liaison_ui_attach_chooser_finish (&self->chooser, response);
  g_autoptr(GError) first_error = NULL;

  /* Every file the store takes is listed; the first it refuses is said. */
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!attach_one (self, file, &error) && first_error == NULL)
        first_error = g_steal_pointer (&error);
    }
  if (files != NULL)
    g_signal_emit (self, signals[PROBLEM], 0, first_error ? first_error->message : NULL);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonReplyAttachments *self = LIAISON_REPLY_ATTACHMENTS (widget);

  liaison_ui_attach_chooser_open (widget, &self->chooser, G_CALLBACK (chooser_response_cb));
}

/**
 * liaison_reply_attachments_attach:
 * @file: the file to attach to the reply
 *
 * Copies @file into the store (liaison_store_add_attachment()) and lists
 * it with the reply, once however often it is attached.
 *
 * Returns: whether @file is listed
 */
gboolean
liaison_reply_attachments_attach (LiaisonReplyAttachments  *self,
                                  GFile                    *file,
                                  GError                  **error)
{
  g_return_val_if_fail (LIAISON_IS_REPLY_ATTACHMENTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return attach_one (self, file, error);
}

void
liaison_reply_attachments_fill_event (LiaisonReplyAttachments *self,
                                      LiaisonLoopEvent        *event)
{
  g_return_if_fail (LIAISON_IS_REPLY_ATTACHMENTS (self));

  /* None attached: the move carries neither list, as before files. */
  if (self->attachments->len > 0)
    {
      g_autoptr(GStrvBuilder) hashes = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

      for (guint i = 0; i < self->attachments->len; i++)
        {
          const Attachment *attachment = g_ptr_array_index (self->attachments, i);

          g_strv_builder_add (hashes, attachment->sha256);
          g_strv_builder_add (names, attachment->name);
        }
      event->attachments = g_strv_builder_end (hashes);
      event->attachment_names = g_strv_builder_end (names);
    }
}

void
liaison_reply_attachments_set_store (LiaisonReplyAttachments *self,
                                     LiaisonStore            *store)
{
  g_return_if_fail (LIAISON_IS_REPLY_ATTACHMENTS (self));
  g_set_object (&self->store, store);
}

static void
liaison_reply_attachments_dispose (GObject *object)
{
  LiaisonReplyAttachments *self = LIAISON_REPLY_ATTACHMENTS (object);

  liaison_ui_attach_chooser_close (&self->chooser, GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_REPLY_ATTACHMENTS);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_reply_attachments_parent_class)->dispose (object);
}

static void
liaison_reply_attachments_finalize (GObject *object)
{
  LiaisonReplyAttachments *self = LIAISON_REPLY_ATTACHMENTS (object);

  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_reply_attachments_parent_class)->finalize (object);
}

static void
liaison_reply_attachments_class_init (LiaisonReplyAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reply_attachments_dispose;
  object_class->finalize = liaison_reply_attachments_finalize;

  /**
   * LiaisonReplyAttachments::problem:
   * @message: (nullable): why a file was not attached; %NULL once all is well
   *
   * Says what the dialog should show, or that it should show nothing.
   */
  signals[PROBLEM] = g_signal_new ("problem",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reply-attachments.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReplyAttachments, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReplyAttachments, attach_button);

  gtk_widget_class_install_action (widget_class, "attachments.attach", NULL, attach_action);
}

static void
liaison_reply_attachments_init (LiaisonReplyAttachments *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->attachments = g_ptr_array_new_with_free_func (attachment_free);
}
