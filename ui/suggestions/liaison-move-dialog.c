/* liaison-move-dialog.c: records one move on a suggestion's timeline.
 *
 * The rules are the loop's (liaison_loop_check_move(), run by the store
 * before anything is written): the dialog gathers the move's fields and
 * shows the store's refusal as it comes, in the loop's own words.
 *
 * Sections with a life of their own are widgets of their own: the deputy
 * (liaison-move-deputy.c), the referral's lead unit and due date
 * (liaison-move-referral.c) and co-units (liaison-move-co-units.c), the
 * reply's attachments (liaison-reply-attachments.c) and the rating
 * (liaison-move-rating.c).
 */
#define G_LOG_DOMAIN "liaison-move-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-date-button.h"
#include "liaison-move-co-units.h"
#include "liaison-move-deputy.h"
#include "liaison-move-dialog.h"
#include "liaison-move-rating.h"
#include "liaison-move-referral.h"
#include "liaison-picker-row.h"
#include "liaison-reply-attachments.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"
#include "liaison-window-fit.h"

struct _LiaisonMoveDialog
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonStore     *store;
  LiaisonActor     *actor;
  LiaisonLoopState *state;
  GPtrArray        *unit_uuids;    /* char *, parallel to the unit rows' models */

  gint64           suggestion_id;
  LiaisonLoopMove  move;
  LiaisonLoopKind  kind;

  /* template children */
  AdwPreferencesGroup *intro_group;
  GtkLabel            *error_label;
  GtkButton           *save_button;
  LiaisonMoveDeputy   *deputy_group;
  AdwPreferencesGroup *answer_group;
  GtkTextView         *answer_view;
  LiaisonMoveReferral *refer_group;
  LiaisonMoveCoUnits  *co_units_group;
  AdwPreferencesGroup *reply_group;
  LiaisonPickerRow    *replying_unit_row;
  AdwEntryRow         *reply_date_row;
  GtkTextView         *reply_text_view;
  LiaisonReplyAttachments *attachments_group;
  LiaisonMoveRating   *rate_group;
  AdwPreferencesGroup *withdraw_group;
  AdwEntryRow         *reason_row;
  AdwPreferencesGroup *supervise_group;
  GtkSwitch           *key_supervision_switch;
  AdwPreferencesGroup *note_group;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (LiaisonMoveDialog, liaison_move_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SUGGESTION_ID,
  PROP_MOVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The button that records a move says which: never a bare "Save". */
static const char * const save_labels[LIAISON_N_LOOP_MOVES] = {
  [LIAISON_LOOP_MOVE_REGISTER]       = N_("_Register"),
  [LIAISON_LOOP_MOVE_TAKE_UP]        = N_("_Take Up"),
  [LIAISON_LOOP_MOVE_ANSWER_ON_SPOT] = N_("Record _Answer"),
  [LIAISON_LOOP_MOVE_REFER]          = N_("_Refer"),
  [LIAISON_LOOP_MOVE_START]          = N_("_Mark In Progress"),
  [LIAISON_LOOP_MOVE_REPLY]          = N_("Record _Reply"),
  [LIAISON_LOOP_MOVE_RATE]           = N_("Record R_ating"),
  [LIAISON_LOOP_MOVE_CLOSE]          = N_("_Close Suggestion"),
  [LIAISON_LOOP_MOVE_WITHDRAW]       = N_("_Withdraw"),
  [LIAISON_LOOP_MOVE_SUPERVISE]      = N_("_Supervise"),
};

static void
field_changed_cb (LiaisonMoveDialog *self)
{
  liaison_ui_show_message (self->error_label, NULL, NULL);
}

/* The lead unit cannot also be a co-unit: its box is unticked and locked. */
static void
lead_unit_changed_cb (LiaisonMoveDialog *self)
{
  guint lead = liaison_move_referral_get_lead (self->refer_group);

  liaison_ui_show_message (self->error_label, NULL, NULL);
  liaison_move_co_units_set_lead (self->co_units_group, lead);
  /* Nothing is referred until the officer names the lead unit: a unit
   * chosen for them would send it wherever the list happens to start. */
  if (self->move == LIAISON_LOOP_MOVE_REFER)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.save", lead != GTK_INVALID_LIST_POSITION);
}

/* Takes @text; returns it trimmed, or NULL when only spaces were typed. */
static char *
trimmed_or_null (char *text)
{
  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
entry_text (AdwEntryRow *row)
{
  return trimmed_or_null (liaison_ui_editable_get_trimmed (GTK_EDITABLE (row)));
}

static char *
view_text (GtkTextView *view)
{
  return trimmed_or_null (liaison_ui_text_view_get_text (view));
}

static void
fill_event (LiaisonMoveDialog *self,
            LiaisonLoopEvent  *event)
{
  switch (self->move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
      event->deputy_uuid = liaison_move_deputy_dup_uuid (self->deputy_group);
      break;

    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      event->deputy_uuid = liaison_move_deputy_dup_uuid (self->deputy_group);
      event->answer = view_text (self->answer_view);
      break;

    case LIAISON_LOOP_MOVE_REFER:
      event->lead_unit_uuid = liaison_move_referral_dup_lead_uuid (self->refer_group, self->unit_uuids);
      event->co_unit_uuids = liaison_move_co_units_dup_chosen (self->co_units_group, self->unit_uuids);
      break;

    case LIAISON_LOOP_MOVE_REPLY:
      event->replying_unit_uuid = liaison_picker_row_dup_selected_id (self->replying_unit_row, self->unit_uuids);
      event->reply_text = view_text (self->reply_text_view);
      liaison_reply_attachments_fill_event (self->attachments_group, event);
      break;

    case LIAISON_LOOP_MOVE_RATE:
      liaison_move_rating_fill_event (self->rate_group, event);
      /* A deputy rates their own suggestion blind: nobody is named. */
      if (self->kind != LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
        event->rated_by = trimmed_or_null (g_strdup (liaison_move_rating_get_asked_by (self->rate_group)));
      break;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      event->reason = entry_text (self->reason_row);
      break;

    case LIAISON_LOOP_MOVE_SUPERVISE:
      event->key_supervision = gtk_switch_get_active (self->key_supervision_switch);
      break;

    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
}

/* Says why a file was not attached, in the dialog's message at the top,
 * and scrolls up to it from the attachments below. */
static void
show_attach_error (LiaisonMoveDialog *self,
                   const char        *message)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->error_label), GTK_TYPE_SCROLLED_WINDOW);

  liaison_ui_show_message (self->error_label, NULL, message);
  if (message != NULL && scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
}

/**
 * liaison_move_dialog_attach_file:
 * @file: the file to attach to the reply
 *
 * Copies @file into the store (liaison_store_add_attachment()) and lists
 * it with the reply, once however often it is attached. A file the store
 * refuses (empty, over 10 MB, unreadable) is said in the dialog and not
 * listed.
 *
 * Returns: whether @file is listed
 */
gboolean
liaison_move_dialog_attach_file (LiaisonMoveDialog  *self,
                                 GFile              *file,
                                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIAISON_IS_MOVE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!liaison_reply_attachments_attach (self->attachments_group, file, &local_error))
    {
      show_attach_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  liaison_ui_show_message (self->error_label, NULL, NULL);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (widget);
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);
  g_autoptr(GError) error = NULL;
  gboolean blind = self->move == LIAISON_LOOP_MOVE_RATE && self->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;

  liaison_ui_show_message (self->error_label, NULL, NULL);

  event = liaison_loop_event_new (self->move, actor->role);
  if (!blind)
    event->actor_name = g_strdup (actor->name);
  event->note = entry_text (self->note_row);

  /* What only the dialog can tell: a date that is not one, a rating not
   * chosen. Everything else is the loop's to say. */
  if (self->move == LIAISON_LOOP_MOVE_REFER &&
      !liaison_move_referral_read_due (self->refer_group, &event->due_date))
    {
      liaison_ui_show_message (self->error_label, NULL, _("Write the due date as year-month-day, such as 2025-10-23."));
      liaison_move_referral_focus_due (self->refer_group);
      return;
    }
  if (self->move == LIAISON_LOOP_MOVE_REPLY &&
      !liaison_date_button_read_field (GTK_EDITABLE (self->reply_date_row), &event->reply_date))
    {
      liaison_ui_show_message (self->error_label, NULL, _("Write the reply date as year-month-day, such as 2025-10-23."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reply_date_row));
      return;
    }
  if (self->move == LIAISON_LOOP_MOVE_RATE &&
      !liaison_move_rating_is_chosen (self->rate_group))
    {
      liaison_ui_show_message (self->error_label, NULL, _("Choose satisfied, basically satisfied or unsatisfied."));
      /* Focuses "Satisfied". */
      gtk_widget_grab_focus (GTK_WIDGET (self->rate_group));
      return;
    }

  fill_event (self, event);

  if (!liaison_store_add_suggestion_event (self->store, self->suggestion_id, event, &error))
    {
      /* A rule the move broke (LIAISON_LOOP_ERROR, LIAISON_STORE_ERROR_INVALID)
       * or a write that failed: either way nothing was written, and the
       * clerk can put it right here. */
      liaison_ui_show_message (self->error_label, NULL, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
load_units (LiaisonMoveDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = liaison_store_list_units (self->store, NULL);
  guint replying = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      if (self->move == LIAISON_LOOP_MOVE_REPLY &&
          (self->state == NULL || !liaison_loop_state_referred_to (self->state, unit->meta.uuid)))
        continue;
      gtk_string_list_append (names, unit->name);
      g_ptr_array_add (self->unit_uuids, g_strdup (unit->meta.uuid));
      if (self->move == LIAISON_LOOP_MOVE_REFER)
        liaison_move_co_units_append (self->co_units_group, unit->name);
      if (self->state != NULL && g_strcmp0 (unit->meta.uuid, self->state->lead_unit_uuid) == 0)
        replying = self->unit_uuids->len - 1;
    }

  if (self->move == LIAISON_LOOP_MOVE_REFER)
    {
      liaison_move_referral_set_units (self->refer_group, G_LIST_MODEL (names));
      gtk_widget_set_visible (GTK_WIDGET (self->co_units_group), units != NULL && units->len > 1);
      lead_unit_changed_cb (self);
    }
  else if (self->move == LIAISON_LOOP_MOVE_REPLY)
    {
      /* The units it was referred to; most replies come from the lead unit. */
      liaison_picker_row_set_model (self->replying_unit_row, G_LIST_MODEL (names));
      if (replying != GTK_INVALID_LIST_POSITION)
        liaison_picker_row_set_selected (self->replying_unit_row, replying);
    }

  if (units == NULL || units->len == 0)
    liaison_ui_show_message (self->error_label, NULL, _("No handling units are on this computer yet. Sync with headquarters to receive them."));
}

static void
load_reply (LiaisonMoveDialog *self)
{
  g_autofree char *today_text = NULL;
  GDate today;

  liaison_date_set_today (&today);
  today_text = liaison_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->reply_date_row), today_text);
}

static void
load (LiaisonMoveDialog *self)
{
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *focus = GTK_WIDGET (self->note_row);

  self->actor = liaison_actor_get_current (self->store);
  suggestion = liaison_store_get_suggestion (self->store, self->suggestion_id, &error);
  if (suggestion == NULL)
    {
      liaison_ui_show_message (self->error_label, NULL, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }
  self->kind = suggestion->kind;
  self->state = liaison_store_get_loop_state (self->store, self->suggestion_id, NULL);

  gtk_window_set_title (GTK_WINDOW (self), liaison_loop_move_label (self->move));
  gtk_button_set_label (self->save_button, _(save_labels[self->move]));
  /* The window's title says the move; this says which suggestion (the
   * group's title is markup). */
  title = g_markup_escape_text (suggestion->title ? suggestion->title : "", -1);
  adw_preferences_group_set_title (self->intro_group, title);

  switch (self->move)
    {
    case LIAISON_LOOP_MOVE_TAKE_UP:
      gtk_widget_set_visible (GTK_WIDGET (self->deputy_group), TRUE);
      liaison_move_deputy_load (self->deputy_group, self->store, self->actor);
      /* Focuses the list of deputies. */
      if (liaison_move_deputy_is_choosing (self->deputy_group))
        focus = GTK_WIDGET (self->deputy_group);
      break;

    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      gtk_widget_set_visible (GTK_WIDGET (self->deputy_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_group), TRUE);
      liaison_move_deputy_load (self->deputy_group, self->store, self->actor);
      focus = GTK_WIDGET (self->answer_view);
      break;

    case LIAISON_LOOP_MOVE_REFER:
      gtk_widget_set_visible (GTK_WIDGET (self->refer_group), TRUE);
      load_units (self);
      liaison_move_referral_load (self->refer_group, self->store, self->kind);
      /* Focuses the lead unit. */
      focus = GTK_WIDGET (self->refer_group);
      break;

    case LIAISON_LOOP_MOVE_REPLY:
      gtk_widget_set_visible (GTK_WIDGET (self->reply_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->attachments_group), TRUE);
      load_units (self);
      load_reply (self);
      focus = GTK_WIDGET (self->reply_text_view);
      break;

    case LIAISON_LOOP_MOVE_RATE:
      gtk_widget_set_visible (GTK_WIDGET (self->rate_group), TRUE);
      liaison_move_rating_load (self->rate_group, self->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, self->actor->name);
      focus = GTK_WIDGET (self->rate_group);
      break;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      gtk_widget_set_visible (GTK_WIDGET (self->withdraw_group), TRUE);
      /* The reason is the note here. */
      gtk_widget_set_visible (GTK_WIDGET (self->note_group), FALSE);
      focus = GTK_WIDGET (self->reason_row);
      break;

    case LIAISON_LOOP_MOVE_SUPERVISE:
      gtk_widget_set_visible (GTK_WIDGET (self->supervise_group), TRUE);
      gtk_switch_set_active (self->key_supervision_switch, self->state != NULL && self->state->key_supervision);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Supervision note"));
      break;

    case LIAISON_LOOP_MOVE_REGISTER:
    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }

  liaison_ui_window_fit (GTK_WINDOW (self), 520, LIAISON_UI_MAX_DIALOG_HEIGHT);
  gtk_widget_grab_focus (focus);
}

static void
liaison_move_dialog_constructed (GObject *object)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (object);

  G_OBJECT_CLASS (liaison_move_dialog_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (self->store));
  liaison_reply_attachments_set_store (self->attachments_group, self->store);
  load (self);
}

static void
liaison_move_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SUGGESTION_ID:
      g_value_set_int64 (value, self->suggestion_id);
      break;
    case PROP_MOVE:
      g_value_set_uint (value, self->move);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_move_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_SUGGESTION_ID:
      self->suggestion_id = g_value_get_int64 (value);
      break;
    case PROP_MOVE:
      self->move = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_move_dialog_dispose (GObject *object)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_MOVE_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_move_dialog_parent_class)->dispose (object);
}

static void
liaison_move_dialog_finalize (GObject *object)
{
  LiaisonMoveDialog *self = LIAISON_MOVE_DIALOG (object);

  g_clear_pointer (&self->actor, liaison_actor_free);
  g_clear_pointer (&self->state, liaison_loop_state_free);
  g_clear_pointer (&self->unit_uuids, g_ptr_array_unref);
  G_OBJECT_CLASS (liaison_move_dialog_parent_class)->finalize (object);
}

static void
liaison_move_dialog_class_init (LiaisonMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_move_dialog_constructed;
  object_class->get_property = liaison_move_dialog_get_property;
  object_class->set_property = liaison_move_dialog_set_property;
  object_class->dispose = liaison_move_dialog_dispose;
  object_class->finalize = liaison_move_dialog_finalize;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  properties[PROP_SUGGESTION_ID] =
    g_param_spec_int64 ("suggestion-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A LiaisonLoopMove; the loop's enums are not registered GTypes. */
  properties[PROP_MOVE] =
    g_param_spec_uint ("move", NULL, NULL,
                       0, LIAISON_N_LOOP_MOVES - 1, LIAISON_LOOP_MOVE_TAKE_UP,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_PICKER_ROW);
  g_type_ensure (LIAISON_TYPE_DATE_BUTTON);
  g_type_ensure (LIAISON_TYPE_MOVE_CO_UNITS);
  g_type_ensure (LIAISON_TYPE_MOVE_DEPUTY);
  g_type_ensure (LIAISON_TYPE_MOVE_RATING);
  g_type_ensure (LIAISON_TYPE_MOVE_REFERRAL);
  g_type_ensure (LIAISON_TYPE_REPLY_ATTACHMENTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, intro_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, deputy_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, answer_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, answer_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, refer_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, co_units_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, reply_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, replying_unit_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, reply_date_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, reply_text_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, rate_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, withdraw_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, supervise_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, key_supervision_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonMoveDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lead_unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_attach_error);

  gtk_widget_class_install_action (widget_class, "move.save", NULL, save_action);
  liaison_ui_dialog_class_add_keys (widget_class, "move.save");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "move.save", NULL);
}

static void
liaison_move_dialog_init (LiaisonMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_ui_wrap_tooltips (GTK_WIDGET (self));
  self->unit_uuids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * liaison_move_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @store: where the move is recorded
 * @suggestion_id: the suggestion
 * @move: the move to record
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
liaison_move_dialog_new (GtkWindow       *parent,
                         LiaisonStore    *store,
                         gint64           suggestion_id,
                         LiaisonLoopMove  move)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) move < LIAISON_N_LOOP_MOVES, NULL);

  return g_object_new (LIAISON_TYPE_MOVE_DIALOG,
                       "store", store,
                       "suggestion-id", suggestion_id,
                       "move", (guint) move,
                       "transient-for", parent,
                       NULL);
}

/**
 * liaison_move_dialog_get_move:
 *
 * Returns: the move the dialog records
 */
LiaisonLoopMove
liaison_move_dialog_get_move (LiaisonMoveDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_DIALOG (self), LIAISON_LOOP_MOVE_REGISTER);
  return self->move;
}

/**
 * liaison_move_dialog_get_suggestion_id:
 *
 * Returns: the suggestion the move is for
 */
gint64
liaison_move_dialog_get_suggestion_id (LiaisonMoveDialog *self)
{
  g_return_val_if_fail (LIAISON_IS_MOVE_DIALOG (self), 0);
  return self->suggestion_id;
}
