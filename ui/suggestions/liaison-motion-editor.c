/* liaison-motion-editor.c: a deputy files a deputy's suggestion (议案建议).
 *
 * The suggestion is checked with liaison_suggestion_check() and each
 * problem shown under its field; nothing is written while any remains.
 * Saving it registers it (docs/closed-loop.md): the filing deputy is the
 * person at the desk, and it belongs to this station.
 */
#define G_LOG_DOMAIN "liaison-motion-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputy-picker.h"
#include "liaison-motion-editor.h"
#include "liaison-ui-util.h"
#include "liaison-validate.h"

struct _LiaisonMotionEditor
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonStore *store;
  GArray       *category_ids;  /* gint64, parallel to category_row's model; 0 first */

  gint64 deputy_id;

  /* template children */
  AdwPreferencesGroup *suggestion_group;
  GtkLabel            *error_label;
  AdwComboRow         *motion_row;     /* 0: a suggestion (建议), 1: a motion (议案) */
  AdwEntryRow         *title_row;
  GtkLabel            *title_error;
  AdwComboRow         *category_row;
  GtkLabel            *category_error;
  GtkTextView         *content_view;
  GtkLabel            *content_error;
  LiaisonDeputyPicker *co_signer_picker;
  GtkLabel            *co_signers_error;
};

G_DEFINE_FINAL_TYPE (LiaisonMotionEditor, liaison_motion_editor, ADW_TYPE_WINDOW)

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
clear_errors (LiaisonMotionEditor *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
  liaison_ui_show_message (self->title_error, GTK_WIDGET (self->title_row), NULL);
  liaison_ui_show_message (self->category_error, GTK_WIDGET (self->category_row), NULL);
  liaison_ui_show_message (self->content_error, NULL, NULL);
  liaison_ui_show_message (self->co_signers_error, NULL, NULL);
}

static void
field_changed_cb (LiaisonMotionEditor *self)
{
  clear_errors (self);
}

/* Shows each problem by its field; focuses the first. */
static void
show_field_errors (LiaisonMotionEditor *self,
                   GPtrArray           *errors)
{
  const LiaisonUiFieldMessage fields[] = {
    { "title", self->title_error, GTK_WIDGET (self->title_row), TRUE },
    { "category", self->category_error, GTK_WIDGET (self->category_row), TRUE },
    { "content", self->content_error, GTK_WIDGET (self->content_view), FALSE },
    { "co_signers", self->co_signers_error, GTK_WIDGET (self->co_signer_picker), FALSE },
  };

  liaison_ui_show_field_errors (errors, fields, G_N_ELEMENTS (fields), self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonMotionEditor *self = LIAISON_MOTION_EDITOR (widget);
  g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self->store);
  g_autoptr(LiaisonDeputy) deputy = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  if (self->deputy_id != 0)
    deputy = liaison_store_get_deputy (self->store, self->deputy_id, NULL);
  if (deputy == NULL)
    {
      liaison_ui_show_message (self->error_label, NULL, _("Only a deputy on the roster can file a suggestion. Switch user first."));
      return;
    }
  if (station == NULL)
    {
      liaison_ui_show_message (self->error_label, NULL, _("Set up the station before filing a suggestion."));
      return;
    }

  suggestion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  suggestion->motion = adw_combo_row_get_selected (self->motion_row) == 1;
  suggestion->deputy_id = deputy->meta.id;
  suggestion->station_id = station->meta.id;
  suggestion->category_id = liaison_ui_id_at (self->category_ids, adw_combo_row_get_selected (self->category_row));
  suggestion->title = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->title_row));
  suggestion->content = g_strstrip (liaison_ui_text_view_get_text (self->content_view));
  suggestion->raised_by = g_strdup (deputy->name);
  g_clear_pointer (&suggestion->co_signer_ids, g_array_unref);
  suggestion->co_signer_ids = liaison_deputy_picker_get_deputy_ids (self->co_signer_picker);

  errors = liaison_suggestion_check (suggestion, NULL);
  if (errors->len > 0)
    {
      show_field_errors (self, errors);
      return;
    }

  if (!liaison_store_save_suggestion (self->store, suggestion, &error))
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, suggestion->meta.id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
load_choices (LiaisonMotionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (self->store, self->deputy_id, NULL);

  liaison_ui_append_categories (self->store, _("Choose…"), names, self->category_ids);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));

  if (deputy != NULL)
    {
      /* Translators: %s is the deputy filing the suggestion */
      g_autofree char *filer = g_strdup_printf (_("Filed by %s"), deputy->name);

      adw_preferences_group_set_description (self->suggestion_group, filer);
    }
  liaison_deputy_picker_set_store (self->co_signer_picker, self->store);
}

static void
liaison_motion_editor_constructed (GObject *object)
{
  LiaisonMotionEditor *self = LIAISON_MOTION_EDITOR (object);

  G_OBJECT_CLASS (liaison_motion_editor_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (self->store));
  load_choices (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
liaison_motion_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonMotionEditor *self = LIAISON_MOTION_EDITOR (object);

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
liaison_motion_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonMotionEditor *self = LIAISON_MOTION_EDITOR (object);

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
liaison_motion_editor_dispose (GObject *object)
{
  LiaisonMotionEditor *self = LIAISON_MOTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_MOTION_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (liaison_motion_editor_parent_class)->dispose (object);
}

static void
liaison_motion_editor_class_init (LiaisonMotionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_motion_editor_constructed;
  object_class->get_property = liaison_motion_editor_get_property;
  object_class->set_property = liaison_motion_editor_set_property;
  object_class->dispose = liaison_motion_editor_dispose;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  properties[PROP_DEPUTY_ID] =
    g_param_spec_int64 ("deputy-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonMotionEditor::saved:
   * @suggestion_id: the suggestion just filed
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LIAISON_TYPE_DEPUTY_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-motion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, suggestion_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, category_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, content_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, content_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, co_signer_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, co_signers_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMotionEditor, motion_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "motion.save", NULL, save_action);
  liaison_ui_dialog_class_add_keys (widget_class, "motion.save");
}

static void
liaison_motion_editor_init (LiaisonMotionEditor *self)
{
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing in the content clears its message too. */
  g_signal_connect_object (gtk_text_view_get_buffer (self->content_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * liaison_motion_editor_new:
 * @parent: (nullable): the window it is modal to
 * @deputy_id: the filing deputy
 *
 * Returns: (transfer none): a new editor; present it.
 */
LiaisonMotionEditor *
liaison_motion_editor_new (GtkWindow    *parent,
                           LiaisonStore *store,
                           gint64        deputy_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_MOTION_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "deputy-id", deputy_id,
                       NULL);
}
