/* liaison-activity-editor.c: the activity editor. What is loaded is kept
 * whole (the LiaisonActivity read from the store) and only the fields on
 * screen are written back into it, so that opening and saving loses
 * nothing. The deputies are added with the deputy picker; each gets a row
 * with their attendance and a button to take them off. */
#define G_LOG_DOMAIN "liaison-activity-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-activity-editor.h"
#include "liaison-actor.h"
#include "liaison-date-button.h"
#include "liaison-deputy-picker.h"
#include "liaison-duty-ui.h"
#include "liaison-store-duty.h"
#include "liaison-store-sync.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"

struct _LiaisonActivityEditor
{
  AdwWindow            parent_instance;

  LiaisonStore        *store;
  LiaisonActivity     *activity;    /* as loaded, or new */
  GArray              *kinds;       /* LiaisonActivityKind, one per kind_row item */
  GHashTable          *attendance;  /* deputy id (gint64 *) -> GtkDropDown, borrowed */
  gboolean             syncing;

  GtkLabel            *message;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *end_date_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *organiser_row;
  LiaisonDeputyPicker *picker;
  GtkListBox          *attendees_list;
  GtkTextView         *note_view;
  AdwEntryRow         *reason_row;
  GtkWidget           *delete_button;
};

G_DEFINE_FINAL_TYPE (LiaisonActivityEditor, liaison_activity_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Attendees */

static void
remove_attendee_cb (GtkButton             *button,
                    LiaisonActivityEditor *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "deputy-id");

  liaison_deputy_picker_remove_deputy (self->picker, *id);
}

static GtkWidget *
attendee_row_new (LiaisonActivityEditor *self,
                  const LiaisonDeputy   *deputy,
                  LiaisonAttendance      attendance)
{
  GtkWidget *row = adw_action_row_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  /* Translators: the attendance drop-down of one deputy of an activity */
  g_autofree char *attendance_label = g_strdup_printf (_("Attendance of %s"), deputy->name);
  /* Translators: takes a deputy off an activity */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), deputy->name);
  gint64 *id = g_memdup2 (&deputy->meta.id, sizeof deputy->meta.id);

  for (guint i = 0; i < LIAISON_N_ATTENDANCES; i++)
    gtk_string_list_append (labels, liaison_attendance_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), attendance);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, attendance_label, -1);
  liaison_ui_set_tooltip (dropdown, attendance_label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  liaison_ui_set_tooltip (remove, remove_label);
  g_object_set_data_full (G_OBJECT (remove), "deputy-id", g_memdup2 (id, sizeof *id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_attendee_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deputy->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), liaison_deputy_level_label (deputy->level));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (row), "deputy-id", id, g_free);
  g_hash_table_insert (self->attendance, id, dropdown);
  return row;
}

/* Brings the rows in line with the picker's deputies, in its order,
 * keeping each one's attendance as set. */
static void
sync_attendees (LiaisonActivityEditor *self)
{
  g_autoptr(GArray) ids = liaison_deputy_picker_get_deputy_ids (self->picker);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child;
  g_autoptr(GArray) old_attendance = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) old_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->syncing)
    return;
  /* What each listed deputy's attendance is now. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendees_list))) != NULL)
    {
      const gint64 *id = g_object_get_data (G_OBJECT (child), "deputy-id");
      GtkDropDown *dropdown = g_hash_table_lookup (self->attendance, id);
      guint selected = dropdown != NULL ? gtk_drop_down_get_selected (dropdown) : 0;

      g_array_append_val (old_ids, *id);
      g_array_append_val (old_attendance, selected);
      g_hash_table_remove (self->attendance, id);
      gtk_list_box_remove (self->attendees_list, child);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (self->store, id, NULL);
      LiaisonAttendance attendance = LIAISON_ATTENDANCE_ATTENDED;

      if (deputy == NULL)
        continue;
      for (guint j = 0; j < old_ids->len; j++)
        if (g_array_index (old_ids, gint64, j) == id)
          attendance = g_array_index (old_attendance, guint, j);
      gtk_list_box_append (self->attendees_list, attendee_row_new (self, deputy, attendance));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_list), ids->len > 0);
}

/* Loading and saving */

static void
entry_set (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
entry_get (AdwEntryRow *row)
{
  g_autofree char *text = liaison_ui_editable_get_trimmed (GTK_EDITABLE (row));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
populate (LiaisonActivityEditor *self)
{
  LiaisonActivity *a = self->activity;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, LiaisonActivityKind, i) == a->kind)
      adw_combo_row_set_selected (self->kind_row, i);
  entry_set (self->title_row, a->title);
  entry_set (self->date_row, a->date);
  entry_set (self->end_date_row, a->end_date);
  entry_set (self->place_row, a->place);
  entry_set (self->organiser_row, a->organiser);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), a->note != NULL ? a->note : "", -1);
  entry_set (self->reason_row, a->correction_reason);

  for (guint i = 0; i < a->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (a->attendees, i);
      gint64 id = liaison_store_find_deputy_by_uuid (self->store, attendee->deputy_uuid);

      if (id != 0)
        g_array_append_val (ids, id);
    }
  self->syncing = TRUE;
  liaison_deputy_picker_set_deputy_ids (self->picker, ids);
  self->syncing = FALSE;
  sync_attendees (self);
  for (guint i = 0; i < a->attendees->len; i++)
    {
      const LiaisonAttendee *attendee = g_ptr_array_index (a->attendees, i);
      gint64 id = liaison_store_find_deputy_by_uuid (self->store, attendee->deputy_uuid);
      GtkDropDown *dropdown = g_hash_table_lookup (self->attendance, &id);

      if (dropdown != NULL)
        gtk_drop_down_set_selected (dropdown, attendee->attendance);
    }
}

/* A date typed as 2026/12/5 is read as the field's calendar reads it; a
 * bad one is kept as typed, for the check to refuse. */
static char *
read_date (AdwEntryRow *row)
{
  g_autofree char *text = entry_get (row);
  char *date = text != NULL ? liaison_ui_normalize_date (text) : NULL;

  return date != NULL ? date : g_steal_pointer (&text);
}

/* A copy of the loaded activity with what is on screen written in. */
static LiaisonActivity *
read_widgets (LiaisonActivityEditor *self)
{
  LiaisonActivity *a = liaison_activity_copy (self->activity);
  g_autoptr(GArray) ids = liaison_deputy_picker_get_deputy_ids (self->picker);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *reason = entry_get (self->reason_row);

  if (kind < self->kinds->len)
    a->kind = g_array_index (self->kinds, LiaisonActivityKind, kind);
  g_free (a->title);
  a->title = entry_get (self->title_row);
  g_free (a->date);
  a->date = read_date (self->date_row);
  g_free (a->end_date);
  a->end_date = read_date (self->end_date_row);
  g_free (a->place);
  a->place = entry_get (self->place_row);
  g_free (a->organiser);
  a->organiser = entry_get (self->organiser_row);
  g_free (a->note);
  a->note = liaison_ui_text_view_get_text (self->note_view);

  /* A new or changed reason is this desk's correction, stamped now by the
   * store; an unchanged one keeps who made it and when. */
  if (g_strcmp0 (reason, self->activity->correction_reason) != 0)
    {
      g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);

      g_free (a->correction_reason);
      g_free (a->corrected_by);
      g_free (a->corrected_at);
      a->correction_reason = g_strdup (reason);
      a->corrected_by = reason != NULL ? g_strdup (actor->name) : NULL;
      a->corrected_at = NULL;
    }

  g_ptr_array_set_size (a->attendees, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (self->store, id, NULL);
      GtkDropDown *dropdown = g_hash_table_lookup (self->attendance, &id);

      if (deputy == NULL)
        continue;
      g_ptr_array_add (a->attendees,
                       liaison_attendee_new (deputy->meta.uuid,
                                             dropdown != NULL ? (LiaisonAttendance) gtk_drop_down_get_selected (dropdown)
                                                              : LIAISON_ATTENDANCE_ATTENDED));
    }
  return a;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonActivityEditor *self = LIAISON_ACTIVITY_EDITOR (widget);
  g_autoptr(LiaisonActivity) activity = read_widgets (self);
  g_autoptr(GError) error = NULL;

  liaison_duty_show_message (self->message, NULL);
  if (activity->date == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", activity->date, 0, 0))
    {
      liaison_duty_show_message (self->message, _("Type the activity’s date as YYYY-MM-DD, or pick it on the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (!liaison_store_save_activity (self->store, activity, &error))
    {
      /* The store's own words: a closed quarter says a reason is needed. */
      liaison_duty_show_message (self->message, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, activity->meta.uuid);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    LiaisonActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  /* In a closed quarter a deletion is a correction: a new reason typed
   * goes with it (liaison-store-duty.h). */
  reason = entry_get (self->reason_row);
  if (g_strcmp0 (reason, self->activity->correction_reason) == 0)
    g_clear_pointer (&reason, g_free);
  if (!liaison_store_correct_delete_activity (self->store, self->activity->meta.uuid, reason, &error))
    {
      liaison_duty_show_message (self->message, error->message);
      return;
    }
  liaison_ui_close_when_idle (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonActivityEditor *self = LIAISON_ACTIVITY_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Activity?"), NULL));
  /* Translators: %s is the activity's title */
  adw_message_dialog_format_body (dialog, _("“%s” and its deputies’ attendance are deleted, here and, at the next sync, everywhere."),
                                  self->activity->title);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Building */

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static AdwEntryRow *
date_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *field)
{
  AdwEntryRow *row = entry_row (group, title);

  adw_entry_row_add_suffix (row, liaison_date_button_new (GTK_EDITABLE (row), field));
  return row;
}

static GtkWidget *
build_activity_group (LiaisonActivityEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *kinds = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (group, _("Activity"));
  for (LiaisonActivityKind k = 0; k < LIAISON_N_ACTIVITY_KINDS; k++)
    if (liaison_duty_desk_records (self->store, k) || k == self->activity->kind)
      {
        g_array_append_val (self->kinds, k);
        gtk_string_list_append (kinds, liaison_activity_kind_label (k));
      }
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  adw_preferences_group_add (group, GTK_WIDGET (self->kind_row));

  self->title_row = entry_row (group, _("Title"));
  self->date_row = date_row (group, _("Date (YYYY-MM-DD)"), _("Date of the activity"));
  self->end_date_row = date_row (group, _("End date, for several days (YYYY-MM-DD)"), _("Last day of the activity"));
  self->place_row = entry_row (group, _("Place"));
  self->organiser_row = entry_row (group, _("Organiser"));
  return GTK_WIDGET (group);
}

static GtkWidget *
build_deputies_group (LiaisonActivityEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_group_set_title (group, _("Deputies Involved"));
  adw_preferences_group_set_description (group, _("Type a name to add a deputy; set each one’s attendance."));
  self->picker = LIAISON_DEPUTY_PICKER (liaison_deputy_picker_new (self->store));
  liaison_deputy_picker_set_lists_chosen (self->picker, _("Add a deputy to the activity"));
  g_signal_connect_object (self->picker, "changed", G_CALLBACK (sync_attendees), self, G_CONNECT_SWAPPED);
  self->attendees_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->attendees_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attendees_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attendees_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Deputies of the activity"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attendees_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picker));
  adw_preferences_group_add (group, box);
  return GTK_WIDGET (group);
}

static GtkWidget *
build_note_group (LiaisonActivityEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *frame = gtk_frame_new (NULL);

  adw_preferences_group_set_title (group, _("Note"));
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->note_view));
  adw_preferences_group_add (group, frame);
  return GTK_WIDGET (group);
}

static GtkWidget *
build_correction_group (LiaisonActivityEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Correction"));
  adw_preferences_group_set_description (group,
    _("Once the activity’s quarter is closed, a change is a correction: say why. It is kept with who made it and when."));
  self->reason_row = entry_row (group, _("Reason for correction"));
  if (self->activity->corrected_by != NULL)
    {
      GtkWidget *by = adw_action_row_new ();
      g_autofree char *when = self->activity->corrected_at != NULL ? liaison_ui_format_utc (self->activity->corrected_at)
                                                                   : g_strdup ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (by), _("Corrected by"));
      /* Translators: who corrected an activity, then when */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (by), self->activity->corrected_by);
      gtk_widget_set_tooltip_text (by, when);
      if (*when)
        {
          g_autofree char *text = g_strdup_printf (_("%s, %s"), self->activity->corrected_by, when);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (by), text);
        }
      adw_preferences_group_add (group, by);
    }
  return GTK_WIDGET (group);
}

static void
build (LiaisonActivityEditor *self,
       gboolean               is_new)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  AdwPreferencesGroup *message_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "activity.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (message_group, GTK_WIDGET (self->message));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), message_group);
  liaison_duty_show_message (self->message, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_activity_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_deputies_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_note_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (build_correction_group (self)));
  if (!is_new)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      self->delete_button = gtk_button_new_with_mnemonic (_("_Delete Activity…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "activity.delete");
      gtk_widget_add_css_class (self->delete_button, "destructive-action");
      gtk_widget_set_halign (self->delete_button, GTK_ALIGN_START);
      adw_preferences_group_add (group, self->delete_button);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* GObject */

static void
liaison_activity_editor_dispose (GObject *object)
{
  LiaisonActivityEditor *self = LIAISON_ACTIVITY_EDITOR (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_activity_editor_parent_class)->dispose (object);
}

static void
liaison_activity_editor_finalize (GObject *object)
{
  LiaisonActivityEditor *self = LIAISON_ACTIVITY_EDITOR (object);

  g_clear_pointer (&self->activity, liaison_activity_free);
  g_array_unref (self->kinds);
  g_hash_table_unref (self->attendance);
  G_OBJECT_CLASS (liaison_activity_editor_parent_class)->finalize (object);
}

static void
liaison_activity_editor_class_init (LiaisonActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_activity_editor_dispose;
  object_class->finalize = liaison_activity_editor_finalize;

  /**
   * LiaisonActivityEditor::saved:
   * @uuid: the activity saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "activity.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "activity.delete", NULL, delete_action);
  liaison_ui_dialog_class_add_keys (widget_class, "activity.save");
}

static void
liaison_activity_editor_init (LiaisonActivityEditor *self)
{
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LiaisonActivityKind));
  /* Keys point into the rows' own "deputy-id" data. */
  self->attendance = g_hash_table_new (g_int64_hash, g_int64_equal);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 780);
}

LiaisonActivityEditor *
liaison_activity_editor_new (GtkWindow    *parent,
                             LiaisonStore *store,
                             const char   *uuid)
{
  LiaisonActivityEditor *self = g_object_new (LIAISON_TYPE_ACTIVITY_EDITOR,
                                              "transient-for", parent,
                                              "modal", TRUE,
                                              NULL);
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  if (uuid != NULL)
    self->activity = liaison_store_get_activity (store, uuid, &error);
  if (self->activity == NULL)
    {
      self->activity = liaison_activity_new ();
      /* A station's own kind first: what it records most. */
      self->activity->kind = liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ
                             ? LIAISON_ACTIVITY_RESEARCH : LIAISON_ACTIVITY_STATION_DUTY;
      self->activity->date = liaison_duty_today ();
    }
  /* Translators: the activity editor's window title */
  gtk_window_set_title (GTK_WINDOW (self), uuid != NULL ? _("Edit Activity") : _("New Activity"));
  build (self, uuid == NULL || error != NULL);
  populate (self);
  if (error != NULL)
    liaison_duty_show_message (self->message, error->message);
  return self;
}
