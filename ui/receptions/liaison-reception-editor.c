/* liaison-reception-editor.c: the window where a clerk logs a reception.
 *
 * The widgets only hold what is typed; LiaisonReceptionForm checks and
 * saves it. The When and How, Visitors, Photos and Files and Suggestions
 * sections are widgets of their own (liaison-reception-when.c,
 * -visitors.c, -files.c, -suggestions.c); their rows sit in the same order as the form's
 * visitors and suggestions, so "visitor.2.phone" is the third row.
 */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputy-picker.h"
#include "liaison-reception-editor.h"
#include "liaison-reception-files.h"
#include "liaison-reception-form.h"
#include "liaison-reception-suggestions.h"
#include "liaison-reception-visitors.h"
#include "liaison-reception-when.h"
#include "liaison-similar-warning.h"
#include "liaison-tooltip.h"
#include "liaison-ui-privacy.h"
#include "liaison-ui-util.h"
#include "liaison-visitor-row.h"

struct _LiaisonReceptionEditor
{
  AdwWindow             parent_instance;

  /* owned */
  LiaisonStore         *store;
  LiaisonReceptionForm *form;
  gint64                reception_id;
  GtkStringList        *category_names;  /* "Choose…", then every category */
  GArray               *category_ids;    /* gint64, parallel to category_names */
  char                 *load_error;
  gboolean              load_error_shown;
  gboolean              discard_confirmed;
  guint                 similar_timeout;

  /* borrowed */
  AdwMessageDialog     *discard_dialog;

  /* template children */
  GtkButton            *save_button;
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesPage   *page;
  LiaisonReceptionWhen *when_group;
  LiaisonDeputyPicker  *deputy_picker;
  GtkLabel             *deputies_error;
  LiaisonReceptionVisitors *visitors_group;
  GtkTextView          *summary_view;
  GtkLabel             *summary_error;
  LiaisonSimilarWarning *similar_warning;
  GtkSwitch            *handled_switch;
  GtkTextView          *handling_view;
  GtkLabel             *handling_error;
  LiaisonReceptionFiles *files_group;
  LiaisonReceptionSuggestions *suggestions_group;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionEditor, liaison_reception_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECEPTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
text_view_set_text (GtkTextView *view,
                    const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* An error label under its field. */
static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
hide_error_cb (GtkWidget *error_widget)
{
  gtk_widget_set_visible (error_widget, FALSE);
}

/* Form <-> widgets */

static void
populate_widgets (LiaisonReceptionEditor *self)
{
  liaison_reception_when_load (self->when_group);
  liaison_deputy_picker_set_deputy_ids (self->deputy_picker, liaison_reception_form_get_deputy_ids (self->form));
  liaison_reception_visitors_load (self->visitors_group);

  text_view_set_text (self->summary_view, liaison_reception_form_get_summary (self->form));
  gtk_switch_set_active (self->handled_switch, liaison_reception_form_get_handled_on_spot (self->form));
  text_view_set_text (self->handling_view, liaison_reception_form_get_handling (self->form));

  liaison_reception_files_load (self->files_group);
  liaison_reception_suggestions_load (self->suggestions_group);
}

/* Copies what is typed into the form, which decides what it means. */
static void
read_widgets (LiaisonReceptionEditor *self)
{
  g_autoptr(GArray) deputy_ids = liaison_deputy_picker_get_deputy_ids (self->deputy_picker);
  g_autofree char *summary = liaison_ui_text_view_get_text (self->summary_view);
  g_autofree char *handling = liaison_ui_text_view_get_text (self->handling_view);

  liaison_reception_when_read (self->when_group);
  liaison_reception_form_set_deputy_ids (self->form, deputy_ids);

  liaison_reception_visitors_read (self->visitors_group);

  liaison_reception_form_set_summary (self->form, summary);
  liaison_reception_form_set_handled_on_spot (self->form, gtk_switch_get_active (self->handled_switch));
  liaison_reception_form_set_handling (self->form, handling);

  liaison_reception_suggestions_read (self->suggestions_group);
}

/* Similar receptions: looked for once the clerk pauses. */

#define SIMILAR_DELAY_MS 400

/* What is typed so far, as a reception to compare: its visitors, summary,
 * when and the reception itself. */
static LiaisonReception *
read_draft (LiaisonReceptionEditor *self)
{
  LiaisonReception *draft = liaison_reception_new ();
  const char *date;
  const char *time;

  liaison_reception_when_read (self->when_group);
  liaison_reception_visitors_read (self->visitors_group);
  date = liaison_reception_form_get_date (self->form);
  time = liaison_reception_form_get_time (self->form);
  draft->meta.id = self->reception_id;
  draft->summary = liaison_ui_text_view_get_text (self->summary_view);
  if (date != NULL && *date != '\0')
    draft->received_at = g_strdup_printf ("%s %s", date, time != NULL && *time != '\0' ? time : "23:59");
  for (guint i = 0; i < liaison_reception_form_get_n_visitors (self->form); i++)
    {
      LiaisonVisitor *visitor = liaison_visitor_new ();

      visitor->name = g_strdup (liaison_reception_form_get_visitor_name (self->form, i));
      visitor->phone = g_strdup (liaison_reception_form_get_visitor_phone (self->form, i));
      visitor->community = g_strdup (liaison_reception_form_get_visitor_community (self->form, i));
      g_ptr_array_add (draft->visitors, visitor);
    }
  return draft;
}

static gboolean
similar_timeout_cb (gpointer data)
{
  LiaisonReceptionEditor *self = data;

  self->similar_timeout = 0;
  liaison_similar_warning_check (self->similar_warning, self->store, read_draft (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_similar_check (LiaisonReceptionEditor *self)
{
  if (self->store == NULL || self->load_error != NULL)
    return;
  g_clear_handle_id (&self->similar_timeout, g_source_remove);
  self->similar_timeout = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout_cb, self);
}

/* Errors */

static void
clear_errors (LiaisonReceptionEditor *self)
{
  liaison_reception_when_clear_errors (self->when_group);
  show_error (self->deputies_error, NULL);
  show_error (self->summary_error, NULL);
  show_error (self->handling_error, NULL);

  liaison_reception_visitors_clear_errors (self->visitors_group);
  liaison_reception_suggestions_clear_errors (self->suggestions_group);
}

/* "visitor.2.phone" -> 2 and "phone". */
static gboolean
split_indexed_field (const char  *field,
                     const char  *prefix,
                     guint       *index,
                     const char **part)
{
  const char *rest;
  char *end;
  guint64 value;

  if (!g_str_has_prefix (field, prefix))
    return FALSE;
  rest = field + strlen (prefix);
  value = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != '.' || value > G_MAXUINT)
    return FALSE;
  *index = (guint) value;
  *part = end + 1;
  return TRUE;
}

/* Shows one error beside its field; returns the widget to focus, or NULL
 * when the field is not on this form. A field shows its first error. */
static GtkWidget *
show_field_error (LiaisonReceptionEditor  *self,
                  const LiaisonFieldError *error)
{
  const char *field = error->field;
  const char *part;
  guint index;
  GtkWidget *focus;

#define SHOW_ONCE(label, focus)                                           \
  G_STMT_START {                                                          \
    if (!gtk_widget_get_visible (GTK_WIDGET (label)))                     \
      show_error (label, error->message);                                 \
    return GTK_WIDGET (focus);                                            \
  } G_STMT_END

  focus = liaison_reception_when_show_error (self->when_group, field, error->message);
  if (focus != NULL)
    return focus;
  if (g_strcmp0 (field, "deputies") == 0)
    SHOW_ONCE (self->deputies_error, self->deputy_picker);
  if (g_strcmp0 (field, "visitors") == 0)
    return liaison_reception_visitors_show_error (self->visitors_group, error->message);
  if (g_strcmp0 (field, "summary") == 0)
    SHOW_ONCE (self->summary_error, self->summary_view);
  if (g_strcmp0 (field, "handling") == 0)
    SHOW_ONCE (self->handling_error, self->handling_view);

  if (split_indexed_field (field, "visitor.", &index, &part))
    return liaison_reception_visitors_show_visitor_error (self->visitors_group, index, part, error->message);
  if (split_indexed_field (field, "suggestion.", &index, &part))
    return liaison_reception_suggestions_show_error (self->suggestions_group, index, part, error->message);

#undef SHOW_ONCE
  return NULL;
}

static void
focus_error_widget (LiaisonReceptionEditor  *self,
                    GtkWidget               *widget,
                    const LiaisonFieldError *error)
{
  const char *part;
  guint index;

  if (LIAISON_IS_VISITOR_ROW (widget) &&
      split_indexed_field (error->field, "visitor.", &index, &part))
    liaison_visitor_row_focus_field (LIAISON_VISITOR_ROW (widget), part);
  else if (LIAISON_IS_DEPUTY_PICKER (widget))
    liaison_deputy_picker_focus (LIAISON_DEPUTY_PICKER (widget));
  else
    gtk_widget_grab_focus (widget);
}

static void
show_field_errors (LiaisonReceptionEditor *self,
                   GPtrArray              *errors)
{
  gboolean focused = FALSE;
  g_autoptr(GString) elsewhere = g_string_new (NULL);
  AdwToast *toast;

  for (guint i = 0; i < errors->len; i++)
    {
      const LiaisonFieldError *error = g_ptr_array_index (errors, i);
      GtkWidget *widget = show_field_error (self, error);

      if (widget == NULL)
        {
          /* Never drop a problem just because it has no field here. */
          if (elsewhere->len > 0)
            g_string_append_c (elsewhere, ' ');
          g_string_append (elsewhere, error->message);
          continue;
        }
      if (!focused)
        {
          focus_error_widget (self, widget, error);
          focused = TRUE;
        }
    }

  toast = adw_toast_new (elsewhere->len > 0 ? elsewhere->str : _("Check the highlighted fields"));
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saving and closing */

static void
show_store_error (LiaisonReceptionEditor *self,
                  const char             *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Save the Reception"),
                                                       message));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "close", _("_OK"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GPtrArray *field_errors;

  read_widgets (self);
  clear_errors (self);

  if (liaison_reception_form_save (self->form, self->store, &error))
    {
      self->reception_id = liaison_reception_form_get_id (self->form);
      g_signal_emit (self, signals[SAVED], 0, self->reception_id);
      self->discard_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  field_errors = liaison_reception_form_get_field_errors (self->form);
  if (field_errors->len > 0)
    show_field_errors (self, field_errors);
  else
    show_store_error (self, error->message);
}

static void
add_visitor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (widget);

  liaison_reception_visitors_add (self->visitors_group);
}

static void
add_suggestion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (widget);

  /* Most suggestions share the reception's category. */
  liaison_reception_suggestions_add (self->suggestions_group, liaison_reception_when_get_category (self->when_group));
}

static void
discard_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     LiaisonReceptionEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  liaison_ui_close_when_idle (GTK_WINDOW (self));
}

static gboolean
chain_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (liaison_reception_editor_parent_class);

  return parent_class->close_request != NULL ? parent_class->close_request (window) : FALSE;
}

static gboolean
liaison_reception_editor_close_request (GtkWindow *window)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || self->load_error != NULL)
    return chain_close_request (window);

  read_widgets (self);
  if (!liaison_reception_form_is_dirty (self->form))
    return chain_close_request (window);

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return TRUE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Discard unsaved changes?"),
                                                       _("What you typed in this reception has not been saved.")));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  self->discard_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->discard_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
load_error_response_cb (AdwMessageDialog       *dialog,
                        const char             *response,
                        LiaisonReceptionEditor *self)
{
  liaison_ui_close_when_idle (GTK_WINDOW (self));
}

static void
liaison_reception_editor_map (GtkWidget *widget)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (widget);
  AdwMessageDialog *dialog;

  GTK_WIDGET_CLASS (liaison_reception_editor_parent_class)->map (widget);

  /* Said once, when the editor appears; then it closes. */
  if (self->load_error == NULL || self->load_error_shown)
    return;
  self->load_error_shown = TRUE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Open the Reception"),
                                                       self->load_error));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (load_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction */

static void
deputies_changed_cb (LiaisonReceptionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->deputies_error), FALSE);
}

static void
liaison_reception_editor_constructed (GObject *object)
{
  LiaisonReceptionEditor *self = (LiaisonReceptionEditor *) object;

  G_OBJECT_CLASS (liaison_reception_editor_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  /* Translators: shown in a category list before one is chosen */
  liaison_ui_append_categories (self->store, _("Choose…"), self->category_names, self->category_ids);
  liaison_reception_when_set_form (self->when_group, self->form, G_LIST_MODEL (self->category_names), self->category_ids);
  liaison_deputy_picker_set_store (self->deputy_picker, self->store);
  liaison_reception_files_set_form (self->files_group, self->store, self->form);
  liaison_reception_visitors_set_retention_years (self->visitors_group, liaison_ui_retention_years (self->store));

  if (self->reception_id > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonReception) reception = liaison_store_get_reception (self->store, self->reception_id, &error);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Reception"));
      if (reception != NULL)
        {
          liaison_reception_form_load (self->form, reception);
          liaison_reception_form_hide_phones (self->form, liaison_store_received_here (self->store, reception));
        }
      else
        {
          self->load_error = g_strdup (error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
        }
    }

  populate_widgets (self);
  clear_errors (self);
  /* A new reception starts with who is on duty; an edit, with what was
   * raised. */
  if (self->reception_id > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
  else
    liaison_deputy_picker_focus (self->deputy_picker);
}

static void
liaison_reception_editor_dispose (GObject *object)
{
  LiaisonReceptionEditor *self = (LiaisonReceptionEditor *) object;

  if (self->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog), (gpointer *) &self->discard_dialog);
      self->discard_dialog = NULL;
    }
  g_clear_handle_id (&self->similar_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_EDITOR);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  g_clear_object (&self->category_names);

  G_OBJECT_CLASS (liaison_reception_editor_parent_class)->dispose (object);
}

static void
liaison_reception_editor_finalize (GObject *object)
{
  LiaisonReceptionEditor *self = (LiaisonReceptionEditor *) object;

  g_array_unref (self->category_ids);
  g_free (self->load_error);

  G_OBJECT_CLASS (liaison_reception_editor_parent_class)->finalize (object);
}

static void
liaison_reception_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECEPTION_ID:
      g_value_set_int64 (value, self->reception_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_reception_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECEPTION_ID:
      self->reception_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_reception_editor_class_init (LiaisonReceptionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = liaison_reception_editor_constructed;
  object_class->dispose = liaison_reception_editor_dispose;
  object_class->finalize = liaison_reception_editor_finalize;
  object_class->get_property = liaison_reception_editor_get_property;
  object_class->set_property = liaison_reception_editor_set_property;
  widget_class->map = liaison_reception_editor_map;
  window_class->close_request = liaison_reception_editor_close_request;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  properties[PROP_RECEPTION_ID] =
    g_param_spec_int64 ("reception-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonReceptionEditor::saved:
   * @self: the editor
   * @id: the reception's id
   *
   * The reception was saved; the editor closes next.
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LIAISON_TYPE_RECEPTION_WHEN);
  g_type_ensure (LIAISON_TYPE_DEPUTY_PICKER);
  g_type_ensure (LIAISON_TYPE_RECEPTION_VISITORS);
  g_type_ensure (LIAISON_TYPE_RECEPTION_FILES);
  g_type_ensure (LIAISON_TYPE_RECEPTION_SUGGESTIONS);
  g_type_ensure (LIAISON_TYPE_SIMILAR_WARNING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, deputy_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, deputies_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, visitors_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, summary_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, similar_warning);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handled_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handling_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handling_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, files_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, suggestions_group);
  gtk_widget_class_bind_template_callback (widget_class, deputies_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-visitor", NULL, add_visitor_action);
  gtk_widget_class_install_action (widget_class, "editor.add-suggestion", NULL, add_suggestion_action);

  liaison_ui_dialog_class_add_keys (widget_class, "editor.save");
}

static void
liaison_reception_editor_init (LiaisonReceptionEditor *self)
{
  self->category_names = gtk_string_list_new (NULL);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->form = liaison_reception_form_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_ui_wrap_tooltips (GTK_WIDGET (self));
  liaison_reception_visitors_set_form (self->visitors_group, self->form);
  liaison_reception_suggestions_set_form (self->suggestions_group, self->form,
                                          G_LIST_MODEL (self->category_names), self->category_ids);
  /* A file dropped anywhere on the reception is attached to it. */
  liaison_reception_files_take_drops (self->files_group, GTK_WIDGET (self->page));

  /* An error goes away as soon as its field is edited. */
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (hide_error_cb), self->summary_error);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (schedule_similar_check), self);
  g_signal_connect_swapped (self->visitors_group, "who-changed", G_CALLBACK (schedule_similar_check), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->handling_view), "changed",
                            G_CALLBACK (hide_error_cb), self->handling_error);
  g_signal_connect_swapped (self->handled_switch, "notify::active", G_CALLBACK (hide_error_cb), self->handling_error);
}

/**
 * liaison_reception_editor_new:
 * @parent: the window it belongs to
 * @store: where receptions are read and saved
 * @reception_id: the reception to edit, or 0 for a new one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
GtkWidget *
liaison_reception_editor_new (GtkWindow    *parent,
                              LiaisonStore *store,
                              gint64        reception_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_RECEPTION_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "reception-id", reception_id,
                       NULL);
}

/**
 * liaison_reception_editor_get_reception_id:
 * @self: an editor
 *
 * Returns: the reception being edited; 0 until a new one is saved
 */
gint64
liaison_reception_editor_get_reception_id (LiaisonReceptionEditor *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_EDITOR (self), 0);
  return self->reception_id;
}
