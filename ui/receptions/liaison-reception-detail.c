/* liaison-reception-detail.c: one reception, read-only, with an Edit button.
 *
 * A visitor's phone number is shown in full only when that visitor agreed
 * to be contacted; otherwise it stays masked, as in the list. At
 * headquarters, whose desk holds phones masked, Show Contact… asks the
 * server with a reason (liaison-contact-dialog.c); what it answers is
 * shown from the sync engine's memory for this session, never saved.
 */
#define G_LOG_DOMAIN "liaison-reception-detail"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-retention.h"
#include "liaison-reception-detail.h"
#include "liaison-contact-dialog.h"
#include "liaison-privacy.h"
#include "liaison-reception-file-view.h"
#include "liaison-store-sync.h"
#include "liaison-store-watch.h"
#include "liaison-ui-util.h"

struct _LiaisonReceptionDetail
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;
  LiaisonSyncEngine *engine;      /* NULL: no sync (tests) */
  GCancellable *asking;           /* a contact request on its way */
  char *reception_uuid;

  gint64 reception_id;

  /* template children */
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkButton     *edit_button;
  GtkButton     *print_button;
  AdwActionRow  *date_info;
  AdwActionRow  *channel_info;
  AdwActionRow  *place_info;
  AdwActionRow  *category_info;
  AdwActionRow  *station_info;
  AdwActionRow  *deputies_info;
  GtkListBox    *visitors_list;
  GtkButton     *show_contact_button;
  GtkLabel      *summary_label;
  GtkLabel      *handled_label;
  GtkLabel      *handling_label;
  GtkListBox    *suggestions_list;
  AdwPreferencesGroup *files_group;
  GtkFlowBox    *photos_box;
  GtkListBox    *files_list;
  GtkLabel      *sync_state_label;
  GtkLabel      *sync_error_label;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox    *conflicts_list;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionDetail, liaison_reception_detail, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_plain_row (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are data typed by clerks, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* @shown: the visitor as headquarters' server gave them this session
 * (Show Contact…), or NULL. */
static GtkWidget *
new_visitor_row (const LiaisonVisitor *visitor,
                 const LiaisonVisitor *shown,
                 gboolean              received_here,
                 gboolean              at_hq)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  /* A visitor the retention period purged shows it in the user's language. */
  const char *name = (visitor->name != NULL && *visitor->name) ? liaison_retention_shown_name (visitor->name)
                                                               : _("Anonymous");
  gboolean has_phone = visitor->phone != NULL && *visitor->phone;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  if (visitor->community != NULL && *visitor->community)
    g_string_append (subtitle, visitor->community);
  if (visitor->party_size > 1)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: how many people came together */
      g_string_append_printf (subtitle, ngettext ("%d person", "%d people", visitor->party_size),
                              visitor->party_size);
    }
  row = new_plain_row (name, subtitle->str);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (!has_phone)
    {
      label = gtk_label_new (_("No phone number"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  else if (shown != NULL && shown->phone != NULL && *shown->phone)
    {
      label = gtk_label_new (shown->phone);
      gtk_widget_set_name (label, "shown_phone");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (_("Given by headquarters’ server; not saved"));
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  else if (liaison_privacy_may_show_phone (LIAISON_PRIVACY_RECEPTION, visitor->consent, received_here))
    {
      label = gtk_label_new (visitor->phone);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_box_append (GTK_BOX (box), label);
    }
  else
    {
      g_autofree char *masked = liaison_privacy_mask_phone (visitor->phone);

      label = gtk_label_new (masked);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (!visitor->consent ? _("No consent to be contacted")
                             : at_hq ? _("Masked at headquarters")
                             : _("Received at another station"));
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static GtkWidget *
new_suggestion_row (const LiaisonSuggestion *suggestion)
{
  /* Translators: a suggestion's category and status, "城乡建设 · 已登记" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                               suggestion->category_name ? suggestion->category_name : "",
                                               liaison_loop_status_label (suggestion->status));
  GtkWidget *row = new_plain_row (suggestion->title, subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The window shows it on the suggestions page. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (suggestion->meta.id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-suggestion");
  return row;
}

#define PHOTO_WIDTH  160
#define PHOTO_HEIGHT 120

/* A photo on this computer: its thumbnail and name, a button that opens
 * it, named for screen readers. */
static GtkWidget *
new_photo (LiaisonReceptionDetail     *self,
           const LiaisonReceptionFile *file,
           GdkPaintable               *thumbnail)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new_for_paintable (thumbnail);
  GtkWidget *caption = gtk_label_new (file->name);
  /* Translators: a screen reader's words for a photo's thumbnail, "Photo: 签到表.jpg" */
  g_autofree char *label = g_strdup_printf (_("Photo: %s"), file->name);

  gtk_picture_set_alternative_text (GTK_PICTURE (picture), label);
  /* GTK 4.8 reads the alternative text as a description only. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_size_request (picture, PHOTO_WIDTH, PHOTO_HEIGHT);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* Its thumbnail came from the store: it is here. */
  liaison_reception_file_make_opener (button, self->store, file);
  return button;
}

/* Any other file, or a photo not here yet: its name, what it is, and a
 * button that opens it, or when it comes. */
static GtkWidget *
new_file_row (LiaisonReceptionDetail     *self,
              const LiaisonReceptionFile *file)
{
  g_autofree char *description = liaison_reception_file_describe (file);
  GtkWidget *open = liaison_reception_file_open_button_new (self->store, file);
  GtkWidget *row = new_plain_row (file->name, open != NULL ? description : _("Arrives with the next sync"));
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (file->content_type);
  GtkWidget *image = gtk_image_new_from_gicon (icon);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  /* Not the row's activatable widget: GTK 4.8 would add the row's
   * title to the button's name. */
  if (open != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  return row;
}

static void
show_files (LiaisonReceptionDetail *self,
            const LiaisonReception *reception)
{
  guint n_photos = 0, n_files = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box))) != NULL)
    gtk_flow_box_remove (self->photos_box, child);
  clear_list (self->files_list);
  for (guint i = 0; reception->files != NULL && i < reception->files->len; i++)
    {
      const LiaisonReceptionFile *file = g_ptr_array_index (reception->files, i);
      g_autoptr(GdkPaintable) thumbnail = liaison_reception_file_thumbnail (self->store, file, PHOTO_WIDTH,
                                                                             PHOTO_HEIGHT);

      if (thumbnail != NULL)
        {
          gtk_flow_box_append (self->photos_box, new_photo (self, file, thumbnail));
          n_photos++;
        }
      else
        {
          gtk_list_box_append (self->files_list, new_file_row (self, file));
          n_files++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->photos_box), n_photos > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->files_list), n_files > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->files_group), n_photos + n_files > 0);
}

static void
show_reception (LiaisonReceptionDetail *self,
                const LiaisonReception *reception)
{
  const char *category = reception->category_name ? reception->category_name : "";
  const char *channel = liaison_channel_label (reception->channel);
  /* Translators: under a reception's date: how the citizen came and the category, "来访 · 城乡建设" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), channel, category);
  gboolean received_here = liaison_store_received_here (self->store, reception);
  gboolean at_hq = liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ;
  GPtrArray *shown = self->engine != NULL && at_hq
                     ? liaison_sync_engine_get_shown_contacts (self->engine, reception->meta.uuid) : NULL;
  gboolean any_phone = FALSE;

  gtk_label_set_text (self->title_label, reception->received_at);
  gtk_label_set_text (self->subtitle_label, subtitle);
  adw_action_row_set_subtitle (self->date_info, reception->received_at);
  adw_action_row_set_subtitle (self->channel_info, channel);
  {
    g_autofree char *place = liaison_reception_place_text (reception);

    adw_action_row_set_subtitle (self->place_info, place != NULL ? place : "");
    gtk_widget_set_visible (GTK_WIDGET (self->place_info), place != NULL);
  }
  adw_action_row_set_subtitle (self->category_info, category);
  adw_action_row_set_subtitle (self->station_info, reception->station_name ? reception->station_name : "");
  adw_action_row_set_subtitle (self->deputies_info,
                      reception->deputy_names && *reception->deputy_names ? reception->deputy_names : _("None"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button),
                                          g_variant_new_int64 (reception->meta.id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->print_button),
                                          g_variant_new_int64 (reception->meta.id));

  g_free (self->reception_uuid);
  self->reception_uuid = g_strdup (reception->meta.uuid);
  clear_list (self->visitors_list);
  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);
      /* The server answers the visitors in the reception's order. */
      const LiaisonVisitor *given = shown != NULL && i < shown->len ? g_ptr_array_index (shown, i) : NULL;

      any_phone |= visitor->phone != NULL && *visitor->phone;
      gtk_list_box_append (self->visitors_list, new_visitor_row (visitor, given, received_here, at_hq));
    }
  /* Headquarters' desk asks the server; a station has the numbers it may show. */
  gtk_widget_set_visible (GTK_WIDGET (self->show_contact_button), at_hq && self->engine != NULL && any_phone);
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_contact_button), self->asking == NULL);

  gtk_label_set_text (self->summary_label, reception->summary ? reception->summary : "");

  gtk_label_set_text (self->handled_label, reception->handled_on_spot ? _("Yes") : _("No"));
  /* 办理情况 is always shown, whether or not it was handled on the spot, so
   * that an empty one reads as not written yet rather than as missing. */
  if (reception->handling != NULL && *reception->handling)
    {
      gtk_label_set_text (self->handling_label, reception->handling);
      gtk_widget_remove_css_class (GTK_WIDGET (self->handling_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->handling_label, _("Nothing written down about how it was handled"));
      gtk_widget_add_css_class (GTK_WIDGET (self->handling_label), "dim-label");
    }

  show_files (self, reception);

  clear_list (self->suggestions_list);
  if (reception->suggestions->len == 0)
    gtk_list_box_append (self->suggestions_list, new_plain_row (_("No suggestions were raised"), NULL));
  for (guint i = 0; i < reception->suggestions->len; i++)
    gtk_list_box_append (self->suggestions_list, new_suggestion_row (g_ptr_array_index (reception->suggestions, i)));

  liaison_ui_show_sync_state (self->sync_state_label, self->sync_error_label, &reception->meta,
                              liaison_store_is_enrolled (self->store));
  /* The group holds only the sync row and its error: no empty box. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->sync_state_label), ADW_TYPE_PREFERENCES_GROUP),
                          gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->sync_state_label),
                                                                           ADW_TYPE_ACTION_ROW)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->sync_error_label)));
  liaison_ui_show_conflicts (self->store, "reception", reception->meta.uuid,
                             self->conflicts_group, self->conflicts_list);

  gtk_stack_set_visible_child_name (self->stack, "record");
}

static void
reload (LiaisonReceptionDetail *self)
{
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;

  if (self->reception_id == 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  reception = liaison_store_get_reception (self->store, self->reception_id, &error);
  if (reception == NULL)
    liaison_ui_show_load_error (self->stack, self->error_page, error);
  else
    show_reception (self, reception);
}

static void
store_changed_cb (LiaisonReceptionDetail *self,
                  const char             *table)
{
  if (g_strcmp0 (table, "receptions") == 0 ||
      g_strcmp0 (table, "suggestions") == 0 ||
      g_strcmp0 (table, "deputies") == 0 ||
      /* A file that arrived with a sync is here now. */
      g_strcmp0 (table, "attachments") == 0 ||
      g_strcmp0 (table, "stations") == 0)
    reload (self);
}

static void
contacts_given_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LiaisonReceptionDetail) self = user_data;
  g_autoptr(GPtrArray) visitors = NULL;
  g_autoptr(GError) error = NULL;

  visitors = liaison_sync_engine_request_contacts_finish (LIAISON_SYNC_ENGINE (source), result, &error);
  g_clear_object (&self->asking);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_contact_button), TRUE);
  if (visitors == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Show the Contact"), error->message);

      gtk_widget_set_name (dialog, "contact_error_dialog");
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  reload (self);
}

static void
contact_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     LiaisonReceptionDetail *self)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "show") != 0 || self->engine == NULL || self->reception_uuid == NULL ||
      self->asking != NULL)
    return;
  reason = liaison_contact_dialog_dup_reason (dialog);
  self->asking = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_contact_button), FALSE);
  liaison_sync_engine_request_contacts_async (self->engine, self->reception_uuid, reason, self->asking,
                                              contacts_given_cb, g_object_ref (self));
}

static void
show_contact_clicked_cb (LiaisonReceptionDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = liaison_contact_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  g_signal_connect_object (dialog, "response", G_CALLBACK (contact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * liaison_reception_detail_set_sync_engine:
 * @engine: (nullable): the application's sync engine
 *
 * At headquarters, lets Show Contact… ask the server, and shows what it
 * gave this session.
 */
void
liaison_reception_detail_set_sync_engine (LiaisonReceptionDetail *self,
                                          LiaisonSyncEngine      *engine)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_DETAIL (self));
  g_return_if_fail (engine == NULL || LIAISON_IS_SYNC_ENGINE (engine));

  if (g_set_object (&self->engine, engine))
    reload (self);
}

/**
 * liaison_reception_detail_set_store:
 *
 * Sets the store the reception is read from.
 */
void
liaison_reception_detail_set_store (LiaisonReceptionDetail *self,
                                    LiaisonStore           *store)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_DETAIL (self));
  g_return_if_fail (LIAISON_IS_STORE (store));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  reload (self);
}

/**
 * liaison_reception_detail_set_reception_id:
 *
 * Shows the reception @reception_id, or an empty page for 0.
 */
void
liaison_reception_detail_set_reception_id (LiaisonReceptionDetail *self,
                                           gint64                  reception_id)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_DETAIL (self));

  if (self->reception_id == reception_id &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "record") == 0)
    return;
  self->reception_id = reception_id;
  reload (self);
}

/**
 * liaison_reception_detail_get_reception_id:
 *
 * Returns: the reception shown, 0 for none.
 */
gint64
liaison_reception_detail_get_reception_id (LiaisonReceptionDetail *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_DETAIL (self), 0);
  return self->reception_id;
}

static void
liaison_reception_detail_dispose (GObject *object)
{
  LiaisonReceptionDetail *self = LIAISON_RECEPTION_DETAIL (object);

  if (self->asking != NULL)
    g_cancellable_cancel (self->asking);
  g_clear_object (&self->asking);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_RECEPTION_DETAIL);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->reception_uuid, g_free);
  G_OBJECT_CLASS (liaison_reception_detail_parent_class)->dispose (object);
}

static void
liaison_reception_detail_class_init (LiaisonReceptionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_reception_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, print_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, date_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, channel_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, place_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, category_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, station_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, deputies_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, visitors_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, show_contact_button);
  gtk_widget_class_bind_template_callback (widget_class, show_contact_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, handled_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, handling_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, files_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, photos_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, files_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, sync_state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, sync_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionDetail, conflicts_list);
}

static void
liaison_reception_detail_init (LiaisonReceptionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
