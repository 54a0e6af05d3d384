/* liaison-reception-editor.c: the window where a clerk logs a reception.
 *
 * The widgets only hold what is typed; LiaisonReceptionForm checks and
 * saves it. Visitor rows and suggestion blocks sit in the same order as the
 * form's visitors and suggestions, so "visitor.2.phone" is the third row.
 */
#define G_LOG_DOMAIN "liaison-reception-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-date-button.h"
#include "liaison-deputy-picker.h"
#include "liaison-reception-editor.h"
#include "liaison-reception-form.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"
#include "liaison-visitor-row.h"

/* The widgets of one inline suggestion; they belong to suggestions_box. */
typedef struct {
  GtkWidget   *widget;
  GtkLabel    *heading;
  GtkWidget   *remove_button;
  GtkEditable *title_entry;
  GtkLabel    *title_error;
  GtkTextView *content_view;
  GtkLabel    *content_error;
  GtkDropDown *category_dropdown;
  GtkLabel    *category_error;
} SuggestionBlock;

struct _LiaisonReceptionEditor
{
  AdwWindow             parent_instance;

  /* owned */
  LiaisonStore         *store;
  LiaisonReceptionForm *form;
  gint64                reception_id;
  GtkStringList        *category_names;  /* "Choose…", then every category */
  GArray               *category_ids;    /* gint64, parallel to category_names */
  GPtrArray            *suggestion_blocks;  /* SuggestionBlock *, in form order */
  char                 *load_error;
  gboolean              load_error_shown;
  gboolean              discard_confirmed;

  /* borrowed */
  AdwMessageDialog     *discard_dialog;

  /* template children */
  GtkButton            *save_button;
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesPage   *page;
  AdwEntryRow          *date_entry;
  GtkWidget            *date_error_row;
  GtkLabel             *date_error;
  AdwEntryRow          *time_entry;
  GtkWidget            *time_error_row;
  GtkLabel             *time_error;
  AdwComboRow          *channel_row;
  GtkWidget            *channel_error_row;
  GtkLabel             *channel_error;
  AdwComboRow          *category_row;
  GtkWidget            *category_error_row;
  GtkLabel             *category_error;
  LiaisonDeputyPicker  *deputy_picker;
  GtkLabel             *deputies_error;
  GtkButton            *add_visitor_button;
  GtkBox               *visitors_box;
  GtkLabel             *visitors_error;
  GtkTextView          *summary_view;
  GtkLabel             *summary_error;
  GtkSwitch            *handled_switch;
  GtkTextView          *handling_view;
  GtkLabel             *handling_error;
  GtkButton            *add_suggestion_button;
  GtkBox               *suggestions_box;
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

/* An error label, or the row that wraps it in a boxed list. */
static void
show_error (GtkLabel   *label,
            GtkWidget  *container,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (container ? container : GTK_WIDGET (label), message != NULL);
}

static void
hide_error_cb (GtkWidget *error_widget)
{
  gtk_widget_set_visible (error_widget, FALSE);
}

/* Visitors */

static guint
n_visitor_rows (LiaisonReceptionEditor *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static LiaisonVisitorRow *
visitor_row_at (LiaisonReceptionEditor *self,
                guint                   index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child ? LIAISON_VISITOR_ROW (child) : NULL;
}

static void
renumber_visitors (LiaisonReceptionEditor *self)
{
  guint n = n_visitor_rows (self);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      liaison_visitor_row_set_position (LIAISON_VISITOR_ROW (child), i);
      liaison_visitor_row_set_removable (LIAISON_VISITOR_ROW (child), n > 1);
    }
}

static void
visitor_remove_cb (LiaisonVisitorRow      *row,
                   LiaisonReceptionEditor *self)
{
  guint index = 0;
  GtkWidget *next_focus;

  if (n_visitor_rows (self) <= 1)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL && child != GTK_WIDGET (row);
       child = gtk_widget_get_next_sibling (child))
    index++;

  next_focus = gtk_widget_get_next_sibling (GTK_WIDGET (row));
  if (next_focus == NULL)
    next_focus = gtk_widget_get_prev_sibling (GTK_WIDGET (row));

  liaison_reception_form_remove_visitor (self->form, index);
  gtk_box_remove (self->visitors_box, GTK_WIDGET (row));
  renumber_visitors (self);
  /* The focused button went with its row. */
  if (next_focus != NULL)
    liaison_visitor_row_focus_field (LIAISON_VISITOR_ROW (next_focus), "name");
}

static LiaisonVisitorRow *
append_visitor_row (LiaisonReceptionEditor *self)
{
  GtkWidget *row = liaison_visitor_row_new ();

  g_signal_connect (row, "remove", G_CALLBACK (visitor_remove_cb), self);
  gtk_box_append (self->visitors_box, row);
  gtk_widget_set_visible (GTK_WIDGET (self->visitors_error), FALSE);
  renumber_visitors (self);
  return LIAISON_VISITOR_ROW (row);
}

/* Suggestions */

static guint
suggestion_block_index (LiaisonReceptionEditor *self,
                        GtkWidget              *widget)
{
  for (guint i = 0; i < self->suggestion_blocks->len; i++)
    {
      SuggestionBlock *block = g_ptr_array_index (self->suggestion_blocks, i);

      if (block->widget == widget)
        return i;
    }
  return G_MAXUINT;
}

static void
renumber_suggestions (LiaisonReceptionEditor *self)
{
  for (guint i = 0; i < self->suggestion_blocks->len; i++)
    {
      SuggestionBlock *block = g_ptr_array_index (self->suggestion_blocks, i);
      /* Translators: heading of the Nth suggestion in the reception editor */
      g_autofree char *heading = g_strdup_printf (_("Suggestion %u"), i + 1);
      /* Translators: accessible name of the button that removes the Nth suggestion */
      g_autofree char *remove = g_strdup_printf (_("Remove Suggestion %u"), i + 1);

      gtk_label_set_label (block->heading, heading);
      liaison_ui_set_tooltip (block->remove_button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (block->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                      -1);
    }
}

static void
suggestion_remove_cb (GtkButton              *button,
                      LiaisonReceptionEditor *self)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (button), "block-widget");
  guint index = suggestion_block_index (self, widget);

  if (index == G_MAXUINT || !liaison_reception_form_remove_suggestion (self->form, index))
    return;
  gtk_box_remove (self->suggestions_box, widget);
  g_ptr_array_remove_index (self->suggestion_blocks, index);
  renumber_suggestions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_suggestion_button));
}

static GtkLabel *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static GtkWidget *
field_label_new (const char *text,
                 GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

/* A card with a title entry, a content view and a category list. Saved
 * suggestions have a life of their own, so they cannot be removed here. */
static SuggestionBlock *
append_suggestion_block (LiaisonReceptionEditor *self,
                         gboolean                removable)
{
  SuggestionBlock *block = g_new0 (SuggestionBlock, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *label;

  block->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (block->widget, "card");
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_box_append (GTK_BOX (block->widget), grid);

  block->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (block->heading, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (block->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (block->heading), "heading");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->heading), 0, 0, 2, 1);

  block->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (block->remove_button, "flat");
  gtk_widget_add_css_class (block->remove_button, "circular");
  gtk_widget_set_halign (block->remove_button, GTK_ALIGN_END);
  gtk_widget_set_valign (block->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (block->remove_button, removable);
  g_object_set_data (G_OBJECT (block->remove_button), "block-widget", block->widget);
  g_signal_connect (block->remove_button, "clicked", G_CALLBACK (suggestion_remove_cb), self);
  gtk_grid_attach (GTK_GRID (grid), block->remove_button, 2, 0, 1, 1);
  if (!removable)
    {
      /* Keeps the heading row as tall as in a removable block. */
      gtk_widget_set_size_request (GTK_WIDGET (block->heading), -1, 34);
    }

  block->title_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_max_length (GTK_ENTRY (block->title_entry), LIAISON_MAX_TITLE_CHARS);
  gtk_widget_set_hexpand (GTK_WIDGET (block->title_entry), TRUE);
  /* Translators: the title of a suggestion */
  label = field_label_new (_("_Title"), GTK_WIDGET (block->title_entry));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->title_entry), 1, 1, 2, 1);
  block->title_error = error_label_new ();
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->title_error), 1, 2, 2, 1);
  g_signal_connect_swapped (block->title_entry, "changed", G_CALLBACK (hide_error_cb), block->title_error);

  block->content_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (block->content_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (block->content_view, FALSE);
  gtk_text_view_set_left_margin (block->content_view, 8);
  gtk_text_view_set_right_margin (block->content_view, 8);
  gtk_text_view_set_top_margin (block->content_view, 6);
  gtk_text_view_set_bottom_margin (block->content_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (block->content_view), -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (block->content_view));
  gtk_widget_set_hexpand (frame, TRUE);
  /* Translators: what a suggestion says */
  label = field_label_new (_("C_ontent"), GTK_WIDGET (block->content_view));
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (block->content_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), frame, 1, 3, 2, 1);
  block->content_error = error_label_new ();
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->content_error), 1, 4, 2, 1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (block->content_view), "changed",
                            G_CALLBACK (hide_error_cb), block->content_error);

  block->category_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->category_names)), NULL));
  gtk_widget_set_halign (GTK_WIDGET (block->category_dropdown), GTK_ALIGN_START);
  label = field_label_new (_("C_ategory"), GTK_WIDGET (block->category_dropdown));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 5, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->category_dropdown), 1, 5, 2, 1);
  block->category_error = error_label_new ();
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (block->category_error), 1, 6, 2, 1);
  g_signal_connect_swapped (block->category_dropdown, "notify::selected",
                            G_CALLBACK (hide_error_cb), block->category_error);

  gtk_box_append (self->suggestions_box, block->widget);
  g_ptr_array_add (self->suggestion_blocks, block);
  renumber_suggestions (self);
  return block;
}

/* Form <-> widgets */

static void
populate_widgets (LiaisonReceptionEditor *self)
{
  GtkWidget *child;
  guint n;

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), liaison_reception_form_get_date (self->form));
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), liaison_reception_form_get_time (self->form));
  adw_combo_row_set_selected (self->channel_row, liaison_reception_form_get_channel (self->form));
  adw_combo_row_set_selected (self->category_row,
                              liaison_ui_id_position (self->category_ids, liaison_reception_form_get_category_id (self->form)));
  liaison_deputy_picker_set_deputy_ids (self->deputy_picker, liaison_reception_form_get_deputy_ids (self->form));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box))) != NULL)
    gtk_box_remove (self->visitors_box, child);
  n = liaison_reception_form_get_n_visitors (self->form);
  for (guint i = 0; i < n; i++)
    {
      LiaisonVisitorRow *row = append_visitor_row (self);
      guint64 party_size = 1;

      g_ascii_string_to_unsigned (liaison_reception_form_get_visitor_party_size (self->form, i),
                                  10, 1, LIAISON_MAX_PARTY_SIZE, &party_size, NULL);
      liaison_visitor_row_set_visitor (row,
                                       liaison_reception_form_get_visitor_name (self->form, i),
                                       liaison_reception_form_get_visitor_phone (self->form, i),
                                       liaison_reception_form_get_visitor_community (self->form, i),
                                       (int) party_size,
                                       liaison_reception_form_get_visitor_consent (self->form, i));
    }

  text_view_set_text (self->summary_view, liaison_reception_form_get_summary (self->form));
  gtk_switch_set_active (self->handled_switch, liaison_reception_form_get_handled_on_spot (self->form));
  text_view_set_text (self->handling_view, liaison_reception_form_get_handling (self->form));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_box_remove (self->suggestions_box, child);
  g_ptr_array_set_size (self->suggestion_blocks, 0);
  n = liaison_reception_form_get_n_suggestions (self->form);
  for (guint i = 0; i < n; i++)
    {
      SuggestionBlock *block = append_suggestion_block (self, liaison_reception_form_get_suggestion_id (self->form, i) == 0);

      gtk_editable_set_text (block->title_entry, liaison_reception_form_get_suggestion_title (self->form, i));
      text_view_set_text (block->content_view, liaison_reception_form_get_suggestion_content (self->form, i));
      gtk_drop_down_set_selected (block->category_dropdown,
                                  liaison_ui_id_position (self->category_ids, liaison_reception_form_get_suggestion_category_id (self->form, i)));
    }
}

/* Copies what is typed into the form, which decides what it means. */
static void
read_widgets (LiaisonReceptionEditor *self)
{
  g_autoptr(GArray) deputy_ids = liaison_deputy_picker_get_deputy_ids (self->deputy_picker);
  g_autofree char *summary = liaison_ui_text_view_get_text (self->summary_view);
  g_autofree char *handling = liaison_ui_text_view_get_text (self->handling_view);
  guint i = 0;

  liaison_reception_form_set_date (self->form, gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  liaison_reception_form_set_time (self->form, gtk_editable_get_text (GTK_EDITABLE (self->time_entry)));
  liaison_reception_form_set_channel (self->form, adw_combo_row_get_selected (self->channel_row));
  liaison_reception_form_set_category_id (self->form,
                                          liaison_ui_id_at (self->category_ids, adw_combo_row_get_selected (self->category_row)));
  liaison_reception_form_set_deputy_ids (self->form, deputy_ids);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL && i < liaison_reception_form_get_n_visitors (self->form);
       child = gtk_widget_get_next_sibling (child), i++)
    {
      LiaisonVisitorRow *row = LIAISON_VISITOR_ROW (child);
      g_autofree char *party_size = g_strdup_printf ("%d", liaison_visitor_row_get_party_size (row));

      liaison_reception_form_set_visitor (self->form, i,
                                          liaison_visitor_row_get_name (row),
                                          liaison_visitor_row_get_phone (row),
                                          liaison_visitor_row_get_community (row),
                                          party_size,
                                          liaison_visitor_row_get_consent (row));
    }

  liaison_reception_form_set_summary (self->form, summary);
  liaison_reception_form_set_handled_on_spot (self->form, gtk_switch_get_active (self->handled_switch));
  liaison_reception_form_set_handling (self->form, handling);

  for (i = 0; i < self->suggestion_blocks->len && i < liaison_reception_form_get_n_suggestions (self->form); i++)
    {
      SuggestionBlock *block = g_ptr_array_index (self->suggestion_blocks, i);
      g_autofree char *content = liaison_ui_text_view_get_text (block->content_view);

      liaison_reception_form_set_suggestion (self->form, i,
                                             gtk_editable_get_text (block->title_entry),
                                             content,
                                             liaison_ui_id_at (self->category_ids, gtk_drop_down_get_selected (block->category_dropdown)));
    }
}

/* Errors */

static void
clear_errors (LiaisonReceptionEditor *self)
{
  show_error (self->date_error, self->date_error_row, NULL);
  show_error (self->time_error, self->time_error_row, NULL);
  show_error (self->channel_error, self->channel_error_row, NULL);
  show_error (self->category_error, self->category_error_row, NULL);
  show_error (self->deputies_error, NULL, NULL);
  show_error (self->visitors_error, NULL, NULL);
  show_error (self->summary_error, NULL, NULL);
  show_error (self->handling_error, NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->visitors_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    liaison_visitor_row_clear_errors (LIAISON_VISITOR_ROW (child));

  for (guint i = 0; i < self->suggestion_blocks->len; i++)
    {
      SuggestionBlock *block = g_ptr_array_index (self->suggestion_blocks, i);

      show_error (block->title_error, NULL, NULL);
      show_error (block->content_error, NULL, NULL);
      show_error (block->category_error, NULL, NULL);
    }
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

#define SHOW_ONCE(label, container, focus)                                \
  G_STMT_START {                                                          \
    if (!gtk_widget_get_visible (container ? GTK_WIDGET (container) : GTK_WIDGET (label))) \
      show_error (label, container, error->message);                      \
    return GTK_WIDGET (focus);                                            \
  } G_STMT_END

  if (g_strcmp0 (field, "date") == 0 || g_strcmp0 (field, "received_at") == 0)
    SHOW_ONCE (self->date_error, self->date_error_row, self->date_entry);
  if (g_strcmp0 (field, "time") == 0)
    SHOW_ONCE (self->time_error, self->time_error_row, self->time_entry);
  if (g_strcmp0 (field, "channel") == 0)
    SHOW_ONCE (self->channel_error, self->channel_error_row, self->channel_row);
  if (g_strcmp0 (field, "category") == 0)
    SHOW_ONCE (self->category_error, self->category_error_row, self->category_row);
  if (g_strcmp0 (field, "deputies") == 0)
    SHOW_ONCE (self->deputies_error, NULL, self->deputy_picker);
  if (g_strcmp0 (field, "visitors") == 0)
    SHOW_ONCE (self->visitors_error, NULL, self->add_visitor_button);
  if (g_strcmp0 (field, "summary") == 0)
    SHOW_ONCE (self->summary_error, NULL, self->summary_view);
  if (g_strcmp0 (field, "handling") == 0)
    SHOW_ONCE (self->handling_error, NULL, self->handling_view);

  if (split_indexed_field (field, "visitor.", &index, &part))
    {
      LiaisonVisitorRow *row = visitor_row_at (self, index);

      if (row == NULL)
        return NULL;
      liaison_visitor_row_set_error (row, part, error->message);
      return GTK_WIDGET (row);
    }

  if (split_indexed_field (field, "suggestion.", &index, &part))
    {
      SuggestionBlock *block;

      if (index >= self->suggestion_blocks->len)
        return NULL;
      block = g_ptr_array_index (self->suggestion_blocks, index);
      if (g_strcmp0 (part, "content") == 0)
        SHOW_ONCE (block->content_error, NULL, block->content_view);
      if (g_strcmp0 (part, "category") == 0)
        SHOW_ONCE (block->category_error, NULL, block->category_dropdown);
      /* raised_by comes from the first visitor: its problem is a title's. */
      SHOW_ONCE (block->title_error, NULL, block->title_entry);
    }

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
  LiaisonVisitorRow *row;

  liaison_reception_form_add_visitor (self->form);
  row = append_visitor_row (self);
  liaison_visitor_row_focus_field (row, "name");
}

static void
add_suggestion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonReceptionEditor *self = LIAISON_RECEPTION_EDITOR (widget);
  SuggestionBlock *block;

  liaison_reception_form_add_suggestion (self->form);
  block = append_suggestion_block (self, TRUE);
  /* Most suggestions share the reception's category. */
  gtk_drop_down_set_selected (block->category_dropdown, adw_combo_row_get_selected (self->category_row));
  gtk_widget_grab_focus (GTK_WIDGET (block->title_entry));
}

static void
discard_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     LiaisonReceptionEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
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
  gtk_window_close (GTK_WINDOW (self));
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
fill_models (LiaisonReceptionEditor *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  for (guint i = 0; i < LIAISON_N_CHANNELS; i++)
    gtk_string_list_append (channels, liaison_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  /* Translators: shown in a category list before one is chosen */
  liaison_ui_append_categories (self->store, _("Choose…"), self->category_names, self->category_ids);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->category_names));
}

static void
liaison_reception_editor_constructed (GObject *object)
{
  LiaisonReceptionEditor *self = (LiaisonReceptionEditor *) object;

  G_OBJECT_CLASS (liaison_reception_editor_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  fill_models (self);
  liaison_deputy_picker_set_store (self->deputy_picker, self->store);

  if (self->reception_id > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaisonReception) reception = liaison_store_get_reception (self->store, self->reception_id, &error);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Reception"));
      if (reception != NULL)
        liaison_reception_form_load (self->form, reception);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_RECEPTION_EDITOR);
  g_clear_pointer (&self->suggestion_blocks, g_ptr_array_unref);
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

  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);
  g_type_ensure (LIAISON_TYPE_DEPUTY_PICKER);
  g_type_ensure (LIAISON_TYPE_VISITOR_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-reception-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, date_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, time_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, time_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, time_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, channel_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, channel_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, category_error_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, category_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, deputy_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, deputies_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, add_visitor_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, visitors_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, visitors_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, summary_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handled_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handling_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, handling_error);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, add_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionEditor, suggestions_box);
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
  self->suggestion_blocks = g_ptr_array_new_with_free_func (g_free);
  self->form = liaison_reception_form_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_ui_wrap_tooltips (GTK_WIDGET (self));

  /* An error goes away as soon as its field is edited. */
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (hide_error_cb), self->date_error_row);
  g_signal_connect_swapped (self->time_entry, "changed", G_CALLBACK (hide_error_cb), self->time_error_row);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (hide_error_cb), self->channel_error_row);
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (hide_error_cb), self->category_error_row);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (hide_error_cb), self->summary_error);
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
