/* liaison-reception-file-view.c: how a reception's file is shown (see the
 * header). */
#define G_LOG_DOMAIN "liaison-reception-file-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-file-check.h"
#include "liaison-open-attachment.h"
#include "liaison-reception-file-view.h"
#include "liaison-store-attachments.h"
#include "liaison-tooltip.h"

GdkPaintable *
liaison_reception_file_thumbnail (LiaisonStore               *store,
                                  const LiaisonReceptionFile *file,
                                  int                         width,
                                  int                         height)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (!liaison_file_check_is_image (file->content_type))
    return NULL;
  if (file->bytes != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (file->bytes);

      pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, &error);
    }
  else
    {
      g_autofree char *path = store != NULL ? liaison_store_get_attachment_path (store, file->sha256) : NULL;

      if (path == NULL)
        return NULL;
      pixbuf = gdk_pixbuf_new_from_file_at_scale (path, width, height, TRUE, &error);
    }
  if (pixbuf == NULL)
    {
      /* Its type was told by its bytes, but no loader reads it: a plain
       * icon stands in. */
      g_debug ("No thumbnail of %s: %s", file->name, error->message);
      return NULL;
    }
  return GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf));
}

char *
liaison_reception_file_describe (const LiaisonReceptionFile *file)
{
  g_autofree char *kind = g_content_type_get_description (file->content_type);
  g_autofree char *size = g_format_size (file->size > 0 ? (guint64) file->size : 0);

  /* Translators: a file's kind and size, "PNG 图像 · 12.3 kB" */
  return g_strdup_printf (_("%s · %s"), kind, size);
}

static void
open_clicked_cb (GtkButton *button)
{
  liaison_ui_open_attachment (GTK_WIDGET (button),
                              g_object_get_data (G_OBJECT (button), "path"),
                              g_object_get_data (G_OBJECT (button), "sha256"),
                              g_object_get_data (G_OBJECT (button), "name"));
}

gboolean
liaison_reception_file_make_opener (GtkWidget                  *button,
                                    LiaisonStore               *store,
                                    const LiaisonReceptionFile *file)
{
  g_autofree char *path = store != NULL ? liaison_store_get_attachment_path (store, file->sha256) : NULL;

  if (path == NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (button), "path", g_steal_pointer (&path), g_free);
  g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (file->sha256), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (file->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), NULL);
  liaison_ui_set_tooltip (button, _("Open with the default app"));
  return TRUE;
}

GtkWidget *
liaison_reception_file_open_button_new (LiaisonStore               *store,
                                        const LiaisonReceptionFile *file)
{
  /* Translators: a screen reader's words for the button that opens a reception's file, "Open 签到表.jpg" */
  g_autofree char *accessible = g_strdup_printf (_("Open %s"), file->name);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");

  if (!liaison_reception_file_make_opener (button, store, file))
    {
      g_object_ref_sink (button);
      g_object_unref (button);
      return NULL;
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}
