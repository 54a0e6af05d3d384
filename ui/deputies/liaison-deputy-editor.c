/* liaison-deputy-editor.c: adds or edits one deputy on the roster.
 *
 * Checks the deputy with liaison_deputy_check() and shows each problem
 * under its group of fields; nothing is written while any remains. At a
 * station, a deputy on headquarters' roster is shown read-only, with a
 * note; at headquarters' desk, the deputy's PIN can be reset
 * (liaison-deputy-pin-group.c).
 */
#define G_LOG_DOMAIN "liaison-deputy-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputy-editor.h"
#include "liaison-deputy-pin-group.h"
#include "liaison-picker-row.h"
#include "liaison-privacy.h"
#include "liaison-store-sync.h"
#include "liaison-ui-util.h"
#include "liaison-validate.h"
#include "liaison-window-fit.h"

struct _LiaisonDeputyEditor
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonStore  *store;
  LiaisonDeputy *deputy;       /* the record edited; a new one if adding */
  char          *loaded;       /* deputy_snapshot() of it as opened; NULL if adding */
  GArray        *station_ids;  /* gint64, parallel to station_row's model; 0 first */

  gint64   deputy_id;
  gboolean read_only;          /* headquarters' deputy, at a station */

  /* template children */
  AdwPreferencesPage *page;
  GtkButton   *cancel_button;
  GtkButton   *save_button;
  GtkLabel    *owner_note;
  GtkLabel    *error_label;
  AdwEntryRow *name_row;
  AdwComboRow *level_row;
  GtkLabel    *name_error;
  AdwEntryRow *group_row;
  LiaisonPickerRow *station_row;
  AdwEntryRow *specialty_row;
  GtkLabel    *specialty_error;
  AdwEntryRow *phone_row;
  GtkLabel    *phone_error;
};

G_DEFINE_FINAL_TYPE (LiaisonDeputyEditor, liaison_deputy_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEPUTY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (LiaisonDeputyEditor *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
  liaison_ui_show_message (self->name_error, GTK_WIDGET (self->name_row), NULL);
  liaison_ui_show_message (self->specialty_error, GTK_WIDGET (self->specialty_row), NULL);
  liaison_ui_show_message (self->phone_error, GTK_WIDGET (self->phone_row), NULL);
}

static void
field_changed_cb (LiaisonDeputyEditor *self)
{
  clear_errors (self);
}

/* Shows each problem by its group of fields; focuses the first. */
static void
show_field_errors (LiaisonDeputyEditor *self,
                   GPtrArray           *errors)
{
  const LiaisonUiFieldMessage fields[] = {
    { "name", self->name_error, GTK_WIDGET (self->name_row), TRUE },
    { "level", self->name_error, GTK_WIDGET (self->level_row), TRUE },
    { "specialty", self->specialty_error, GTK_WIDGET (self->specialty_row), TRUE },
    { "phone", self->phone_error, GTK_WIDGET (self->phone_row), TRUE },
  };

  liaison_ui_show_field_errors (errors, fields, G_N_ELEMENTS (fields), self->error_label);
}

/* Everything the editor can change, as one string: a save writes only
 * when it differs from what was opened, so that an untouched deputy keeps
 * its version and is not sent again. */
static char *
deputy_snapshot (const LiaisonDeputy *deputy,
                 const char          *group_name)
{
  return g_strdup_printf ("%s\x1f%d\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                          deputy->name ? deputy->name : "", deputy->level,
                          group_name ? group_name : "", deputy->station_id,
                          deputy->specialty ? deputy->specialty : "", deputy->phone ? deputy->phone : "");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (widget);
  LiaisonDeputy *deputy = self->deputy;
  g_autofree char *group_name = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->group_row));
  g_autofree char *snapshot = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  /* Headquarters' deputy is shown, not saved (the store refuses it too). */
  if (self->read_only)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_free (deputy->name);
  deputy->name = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->name_row));
  deputy->level = adw_combo_row_get_selected (self->level_row);
  deputy->station_id = liaison_ui_id_at (self->station_ids, liaison_picker_row_get_selected (self->station_row));
  g_free (deputy->specialty);
  deputy->specialty = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->specialty_row));
  g_free (deputy->phone);
  deputy->phone = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->phone_row));

  errors = liaison_deputy_check (deputy);
  if (errors->len > 0)
    {
      show_field_errors (self, errors);
      return;
    }

  snapshot = deputy_snapshot (deputy, group_name);
  if (g_strcmp0 (snapshot, self->loaded) == 0)
    {
      g_signal_emit (self, signals[SAVED], 0, deputy->meta.id);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* The group is made only for a deputy that is saved with it. */
  if (!liaison_store_begin (self->store, &error))
    goto failed;
  deputy->group_id = 0;
  if (*group_name != '\0')
    {
      deputy->group_id = liaison_store_ensure_deputy_group (self->store, group_name, &error);
      if (deputy->group_id == 0)
        {
          liaison_store_rollback (self->store);
          goto failed;
        }
    }
  if (!liaison_store_save_deputy (self->store, deputy, &error))
    {
      liaison_store_rollback (self->store);
      goto failed;
    }
  if (!liaison_store_commit (self->store, &error))
    goto failed;

  g_signal_emit (self, signals[SAVED], 0, deputy->meta.id);
  gtk_window_close (GTK_WINDOW (self));
  return;

failed:
  /* A rule the store checked again, or a write that failed. */
  if (error != NULL && error->domain == LIAISON_VALIDATION_ERROR)
    liaison_ui_show_message (self->name_error, NULL, error->message);
  else
    liaison_ui_show_message (self->error_label, NULL, error ? error->message : _("The deputy could not be saved."));
}

static void
save_activated_cb (LiaisonDeputyEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "deputy.save", NULL);
}

static void
load_choices (LiaisonDeputyEditor *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stations = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) station_list = liaison_store_list_stations (self->store, NULL);
  gint64 none = 0;

  for (guint i = 0; i < LIAISON_N_DEPUTY_LEVELS; i++)
    gtk_string_list_append (levels, liaison_deputy_level_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));

  /* Translators: a deputy who is assigned to no station */
  gtk_string_list_append (stations, _("None"));
  g_array_append_val (self->station_ids, none);
  for (guint i = 0; station_list != NULL && i < station_list->len; i++)
    {
      const LiaisonStation *station = g_ptr_array_index (station_list, i);

      gtk_string_list_append (stations, station->name);
      g_array_append_val (self->station_ids, station->meta.id);
    }
  liaison_picker_row_set_model (self->station_row, G_LIST_MODEL (stations));
}

/* A deputy added at a station is most often one of its own; headquarters
 * adds them for every station and must choose. */
static void
select_own_station (LiaisonDeputyEditor *self)
{
  g_autoptr(LiaisonStation) station = NULL;

  if (liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ)
    return;
  station = liaison_store_get_local_station (self->store);
  if (station != NULL)
    liaison_picker_row_set_selected (self->station_row, liaison_ui_id_position (self->station_ids, station->meta.id));
}

/* A deputy on headquarters' roster, at a station: shown as it is, its
 * phone masked as on every roster (app/privacy), with a note saying why
 * nothing can be changed here. */
static void
show_read_only (LiaisonDeputyEditor *self)
{
  GtkEditable *entries[] = {
    GTK_EDITABLE (self->name_row), GTK_EDITABLE (self->group_row),
    GTK_EDITABLE (self->specialty_row), GTK_EDITABLE (self->phone_row),
  };
  g_autofree char *phone = liaison_privacy_mask_phone (self->deputy->phone);

  self->read_only = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Deputy"));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (entries[i], FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->station_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->owner_note), TRUE);
}

static void
load_deputy (LiaisonDeputyEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->deputy_id != 0)
    self->deputy = liaison_store_get_deputy (self->store, self->deputy_id, &error);
  if (self->deputy == NULL)
    {
      if (error != NULL)
        liaison_ui_show_message (self->error_label, NULL, error->message);
      self->deputy = liaison_deputy_new ();
      self->deputy->level = LIAISON_DEPUTY_LEVEL_CITY;
      adw_combo_row_set_selected (self->level_row, LIAISON_DEPUTY_LEVEL_CITY);
      select_own_station (self);
      /* The button says what it does: a new deputy is added. */
      gtk_button_set_label (self->save_button, _("_Add Deputy"));
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Deputy"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->deputy->name ? self->deputy->name : "");
  adw_combo_row_set_selected (self->level_row, self->deputy->level);
  gtk_editable_set_text (GTK_EDITABLE (self->group_row), self->deputy->group_name ? self->deputy->group_name : "");
  liaison_picker_row_set_selected (self->station_row, liaison_ui_id_position (self->station_ids, self->deputy->station_id));
  gtk_editable_set_text (GTK_EDITABLE (self->specialty_row), self->deputy->specialty ? self->deputy->specialty : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->deputy->phone ? self->deputy->phone : "");
  self->loaded = deputy_snapshot (self->deputy, self->deputy->group_name);
  clear_errors (self);

  if (liaison_store_deputy_is_hq_owned (self->store, self->deputy->meta.id))
    show_read_only (self);
  else if (liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ)
    adw_preferences_page_add (self->page,
                              ADW_PREFERENCES_GROUP (liaison_deputy_pin_group_new (self->store, self->deputy->meta.uuid,
                                                                                   self->deputy->name)));
}

static void
liaison_deputy_editor_constructed (GObject *object)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (object);

  G_OBJECT_CLASS (liaison_deputy_editor_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (self->store));

  load_choices (self);
  load_deputy (self);
  liaison_ui_window_fit (GTK_WINDOW (self), 520, LIAISON_UI_MAX_DIALOG_HEIGHT);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  /* Focus selects the whole name: one key would replace it. The cursor
   * goes to its end instead. */
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), -1, -1);
}

static void
liaison_deputy_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DEPUTY_ID:
      g_value_set_int64 (value, self->deputy_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_deputy_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_DEPUTY_ID:
      self->deputy_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_deputy_editor_dispose (GObject *object)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_DEPUTY_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_deputy_editor_parent_class)->dispose (object);
}

static void
liaison_deputy_editor_finalize (GObject *object)
{
  LiaisonDeputyEditor *self = LIAISON_DEPUTY_EDITOR (object);

  g_clear_pointer (&self->deputy, liaison_deputy_free);
  g_clear_pointer (&self->loaded, g_free);
  g_clear_pointer (&self->station_ids, g_array_unref);
  G_OBJECT_CLASS (liaison_deputy_editor_parent_class)->finalize (object);
}

static void
liaison_deputy_editor_class_init (LiaisonDeputyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_deputy_editor_constructed;
  object_class->get_property = liaison_deputy_editor_get_property;
  object_class->set_property = liaison_deputy_editor_set_property;
  object_class->dispose = liaison_deputy_editor_dispose;
  object_class->finalize = liaison_deputy_editor_finalize;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  properties[PROP_DEPUTY_ID] =
    g_param_spec_int64 ("deputy-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonDeputyEditor::saved:
   * @deputy_id: the deputy's id
   *
   * The deputy was written to the store; the editor closes next.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LIAISON_TYPE_PICKER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-deputy-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, owner_note);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, station_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, specialty_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyEditor, phone_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_activated_cb);

  gtk_widget_class_install_action (widget_class, "deputy.save", NULL, save_action);
  liaison_ui_dialog_class_add_keys (widget_class, "deputy.save");
}

static void
liaison_deputy_editor_init (LiaisonDeputyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->station_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * liaison_deputy_editor_new:
 * @parent: (nullable): the window the editor is modal for
 * @store: the store to save into
 * @deputy_id: the deputy to edit, or 0 to add one
 *
 * Returns: (transfer none): the editor, not yet shown.
 */
GtkWidget *
liaison_deputy_editor_new (GtkWindow    *parent,
                           LiaisonStore *store,
                           gint64        deputy_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_DEPUTY_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "deputy-id", deputy_id,
                       NULL);
}
