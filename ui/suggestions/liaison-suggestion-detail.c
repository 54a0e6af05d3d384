/* liaison-suggestion-detail.c: one suggestion, where it stands in the
 * closed loop, its timeline, and the moves the person at the desk may make
 * now (docs/closed-loop.md).
 *
 * The detail is always showing something (the suggestions list selects
 * its newest row) and reloads on every store change, on screen or not. So
 * a reply is marked seen only while the page is in front of someone: the
 * detail mapped, on the view stack page that is shown.
 */
#define G_LOG_DOMAIN "liaison-suggestion-detail"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-move-dialog.h"
#include "liaison-store-loop.h"
#include "liaison-store-watch.h"
#include "liaison-suggestion-detail.h"
#include "liaison-timeline.h"
#include "liaison-store-sync.h"
#include "liaison-ui-util.h"

struct _LiaisonSuggestionDetail
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;

  gint64   suggestion_id;
  gboolean reply_unseen;  /* as of the last reload */
  guint    seen_idle_id;

  /* template children */
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *content_label;
  AdwActionRow  *category_info;
  AdwActionRow  *raised_by_info;
  AdwActionRow  *filer_info;
  AdwActionRow  *co_signers_info;
  AdwActionRow  *status_info;
  AdwActionRow  *created_info;
  AdwActionRow  *reception_row;
  GtkLabel      *reception_label;
  GtkLabel      *sync_state_label;
  GtkLabel      *sync_error_label;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox    *conflicts_list;
  GtkLabel      *state_label;
  GtkLabel      *round_label;
  GtkLabel      *key_supervision_label;
  GtkWidget     *deadline_box;
  GtkLabel      *deadline_label;
  GtkLabel      *due_label;
  GtkBox        *moves_box;
  GtkLabel      *no_moves_label;
  LiaisonTimeline *timeline;
};

/* The pill's style per urgency; the words always say the same. */
static const char *const deadline_classes[] = {
  [LIAISON_DEADLINE_NONE]      = "deadline-none",
  [LIAISON_DEADLINE_ON_TRACK]  = "deadline-on-track",
  [LIAISON_DEADLINE_DUE_SOON]  = "deadline-due-soon",
  [LIAISON_DEADLINE_DUE_TODAY] = "deadline-due-today",
  [LIAISON_DEADLINE_OVERDUE]   = "deadline-overdue",
};

G_STATIC_ASSERT (G_N_ELEMENTS (deadline_classes) == LIAISON_N_DEADLINE_URGENCIES);

G_DEFINE_FINAL_TYPE (LiaisonSuggestionDetail, liaison_suggestion_detail, ADW_TYPE_BIN)

static char *
deputy_names (LiaisonStore *store,
              const GArray *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(LiaisonDeputy) deputy = liaison_store_get_deputy (store, g_array_index (ids, gint64, i), NULL);

      if (deputy == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between names in a list; zh_CN uses "、" */
        g_string_append (names, _(", "));
      g_string_append (names, deputy->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
show_deadline (LiaisonSuggestionDetail *self,
               const LiaisonLoopState  *state)
{
  LiaisonDeadline deadline;
  g_autofree char *words = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  GDate today;

  liaison_date_set_today (&today);
  deadline = liaison_loop_state_deadline (state, &today);
  for (guint i = 0; i < G_N_ELEMENTS (deadline_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[i]);
  gtk_widget_set_visible (self->deadline_box, deadline.urgency != LIAISON_DEADLINE_NONE);
  if (deadline.urgency == LIAISON_DEADLINE_NONE)
    return;

  words = liaison_deadline_describe (deadline);
  due = liaison_date_to_iso (&state->due_date);
  /* Translators: beside the deadline pill, "Due on 2025-10-23" */
  due_text = g_strdup_printf (_("Due on %s"), due);
  gtk_label_set_text (self->deadline_label, words);
  gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), deadline_classes[deadline.urgency]);
  gtk_label_set_text (self->due_label, due_text);
}

/* A deputy rates and withdraws only the suggestion they filed. */
static gboolean
actor_may_make (const LiaisonActor      *actor,
                const LiaisonSuggestion *suggestion,
                LiaisonLoopMove          move)
{
  if (actor->role != LIAISON_LOOP_ROLE_DEPUTY ||
      suggestion->kind != LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    return TRUE;
  if (move != LIAISON_LOOP_MOVE_RATE && move != LIAISON_LOOP_MOVE_WITHDRAW)
    return TRUE;
  return actor->deputy_id == suggestion->deputy_id;
}

static void
show_moves (LiaisonSuggestionDetail *self,
            const LiaisonSuggestion *suggestion,
            const LiaisonLoopState  *state)
{
  g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);
  g_autoptr(GArray) moves = liaison_loop_allowed_moves (state, actor->role);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_box))) != NULL)
    gtk_box_remove (self->moves_box, child);

  for (guint i = 0; i < moves->len; i++)
    {
      LiaisonLoopMove move = g_array_index (moves, LiaisonLoopMove, i);
      GtkWidget *button;

      if (!actor_may_make (actor, suggestion, move))
        continue;
      button = gtk_button_new_with_label (liaison_loop_move_label (move));
      /* Tests and the inspector find a move's button by its code. */
      gtk_widget_set_name (button, liaison_loop_move_to_code (move));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "suggestion.move");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (liaison_loop_move_to_code (move)));
      /* The loop's next step stands out; withdrawing never does. */
      if (shown == 0 && move != LIAISON_LOOP_MOVE_WITHDRAW && move != LIAISON_LOOP_MOVE_SUPERVISE)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (self->moves_box, button);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->moves_box), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_moves_label), shown == 0);
  /* The buttons went into the box while it was hidden, and GTK 4.8 then
   * keeps the size it measured for it empty (0 high) when the window was
   * first laid out before the suggestion was read, as it is now that the
   * page gets its store after the first frame: shown, the box would be
   * given no height and its buttons a negative one. */
  gtk_widget_queue_resize (GTK_WIDGET (self->moves_box));
  if (shown == 0)
    {
      g_autofree char *text = NULL;

      if (liaison_loop_state_is_open (state))
        /* Translators: %s is a role, "Station staff" */
        text = g_strdup_printf (_("Nothing for you to record now as %s."), liaison_loop_role_label (actor->role));
      else
        text = g_strdup (_("This suggestion is finished: nothing more can be recorded."));
      gtk_label_set_text (self->no_moves_label, text);
    }
}

static void
show_loop (LiaisonSuggestionDetail *self,
           const LiaisonSuggestion *suggestion)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(LiaisonLoopState) state = NULL;
  g_autoptr(GHashTable) unsent = NULL;
  g_autoptr(GError) error = NULL;
  const char *describe;

  events = liaison_store_list_suggestion_events (self->store, suggestion->meta.id, &error);
  if (events == NULL)
    {
      /* The facts above still stand; say why the loop is missing. */
      gtk_label_set_text (self->state_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->round_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->key_supervision_label), FALSE);
      gtk_widget_set_visible (self->deadline_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->moves_box), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->no_moves_label), FALSE);
      liaison_timeline_set_events (self->timeline, NULL, NULL, NULL);
      return;
    }
  state = liaison_store_replay_timeline (self->store, events);
  /* Without it the timeline only lacks its sync notes: not worth a word. */
  unsent = liaison_store_list_unsent_events (self->store, suggestion->meta.id, NULL);
  describe = liaison_loop_state_describe (state);

  gtk_label_set_text (self->state_label, describe);
  adw_action_row_set_subtitle (self->status_info, describe);
  gtk_widget_set_visible (GTK_WIDGET (self->round_label), state->round > 1);
  if (state->round > 1)
    {
      /* Translators: how many times a suggestion went round the loop, "Round 2" */
      g_autofree char *round = g_strdup_printf (_("Round %u"), state->round);

      gtk_label_set_text (self->round_label, round);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->key_supervision_label),
                          state->key_supervision && liaison_loop_state_is_open (state));
  show_deadline (self, state);
  show_moves (self, suggestion, state);
  liaison_timeline_set_events (self->timeline, events, state, unsent);
}

static void
show_suggestion (LiaisonSuggestionDetail *self,
                 const LiaisonSuggestion *suggestion)
{
  const char *category = suggestion->category_name ? suggestion->category_name : "";
  const char *status = liaison_loop_status_label (suggestion->status);
  gboolean deputys = suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
  g_autofree char *created = liaison_ui_format_utc (suggestion->created_at);
  /* Translators: under a suggestion's title: its category and status, "城乡建设 · 已登记" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), category, status);

  gtk_label_set_text (self->title_label, suggestion->title ? suggestion->title : "");
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->content_label,
                      suggestion->content && *suggestion->content ? suggestion->content : _("No details were written down."));
  adw_action_row_set_subtitle (self->category_info, category);
  adw_action_row_set_subtitle (self->raised_by_info,
                      suggestion->raised_by && *suggestion->raised_by ? suggestion->raised_by : _("Anonymous"));
  adw_action_row_set_subtitle (self->status_info, status);
  adw_action_row_set_subtitle (self->created_info, created);

  /* A deputy's own suggestion (议案建议): the filer and co-signers, not a visitor. */
  gtk_widget_set_visible (GTK_WIDGET (self->raised_by_info), !deputys);
  gtk_widget_set_visible (GTK_WIDGET (self->filer_info), deputys);
  gtk_widget_set_visible (GTK_WIDGET (self->co_signers_info), deputys && suggestion->co_signer_ids->len > 0);
  if (deputys)
    {
      g_autofree char *co_signers = deputy_names (self->store, suggestion->co_signer_ids);
      const char *filer = suggestion->deputy_name ? suggestion->deputy_name : "";
      /* Translators: who filed a motion (议案), not a suggestion (建议): "张伟 · 议案" */
      g_autofree char *filer_text = suggestion->motion ? g_strdup_printf (_("%s · motion"), filer) : g_strdup (filer);

      adw_action_row_set_subtitle (self->filer_info, filer_text);
      adw_action_row_set_subtitle (self->co_signers_info, co_signers);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reception_row), suggestion->reception_id != 0);
  gtk_label_set_text (self->reception_label,
                      suggestion->reception_received_at ? suggestion->reception_received_at : "");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reception_row),
                                          g_variant_new_int64 (suggestion->reception_id));

  liaison_ui_show_sync_state (self->sync_state_label, self->sync_error_label, &suggestion->meta,
                              liaison_store_is_enrolled (self->store));
  liaison_ui_show_conflicts (self->store, "suggestion", suggestion->meta.uuid,
                             self->conflicts_group, self->conflicts_list);
  show_loop (self, suggestion);

  gtk_stack_set_visible_child_name (self->stack, "record");
}

/* Mapped, and on the page the window's view stack shows. */
static gboolean
in_front_of_user (LiaisonSuggestionDetail *self)
{
  GtkWidget *view_stack;
  GtkWidget *shown;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  view_stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  if (view_stack == NULL)
    return TRUE;
  shown = adw_view_stack_get_visible_child (ADW_VIEW_STACK (view_stack));
  return shown != NULL && gtk_widget_is_ancestor (GTK_WIDGET (self), shown);
}

/* The reply is in front of someone now: the station's badge lets go. It
 * writes, and so brings a reload. */
static void
mark_reply_seen (LiaisonSuggestionDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->reply_unseen || self->store == NULL || !in_front_of_user (self))
    return;
  self->reply_unseen = FALSE;
  if (!liaison_store_mark_reply_seen (self->store, self->suggestion_id, &error))
    /* Translators: %s says why */
    g_warning (_("Could not mark the reply as seen: %s"), error->message);
}

static void
reload (LiaisonSuggestionDetail *self)
{
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  self->reply_unseen = FALSE;
  if (self->suggestion_id == 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  suggestion = liaison_store_get_suggestion (self->store, self->suggestion_id, &error);
  if (suggestion == NULL)
    {
      liaison_ui_show_load_error (self->stack, self->error_page, error);
      return;
    }
  show_suggestion (self, suggestion);

  self->reply_unseen = suggestion->reply_unseen;
  mark_reply_seen (self);
}

static gboolean
mark_reply_seen_cb (gpointer user_data)
{
  LiaisonSuggestionDetail *self = user_data;

  self->seen_idle_id = 0;
  mark_reply_seen (self);
  return G_SOURCE_REMOVE;
}

/* Shown: its view stack page was chosen, or the leaflet came to it. The
 * write waits for the main loop, out of the middle of mapping. */
static void
map_cb (LiaisonSuggestionDetail *self)
{
  if (self->reply_unseen && self->seen_idle_id == 0)
    self->seen_idle_id = g_idle_add (mark_reply_seen_cb, self);
}

static void
store_changed_cb (LiaisonSuggestionDetail *self,
                  const char              *table)
{
  static const char *const tables[] = {
    /* settings: who is at the desk, and so the moves offered */
    "suggestions", "suggestion_events", "receptions", "units", "deputies", "loop_rules", "attachments",
    "settings", NULL,
  };

  if (g_strv_contains (tables, table))
    reload (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaisonSuggestionDetail *self = LIAISON_SUGGESTION_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  LiaisonLoopMove move;
  GtkWidget *dialog;

  if (self->store == NULL || self->suggestion_id == 0 ||
      !liaison_loop_move_from_code (g_variant_get_string (parameter, NULL), &move))
    return;

  dialog = liaison_move_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, self->suggestion_id, move);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * liaison_suggestion_detail_set_store:
 *
 * Sets the store the suggestion is read from.
 */
void
liaison_suggestion_detail_set_store (LiaisonSuggestionDetail *self,
                                     LiaisonStore            *store)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_DETAIL (self));
  g_return_if_fail (LIAISON_IS_STORE (store));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  liaison_timeline_set_store (self->timeline, store);
  reload (self);
}

/**
 * liaison_suggestion_detail_set_suggestion_id:
 *
 * Shows the suggestion @suggestion_id, or an empty page for 0.
 */
void
liaison_suggestion_detail_set_suggestion_id (LiaisonSuggestionDetail *self,
                                             gint64                   suggestion_id)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_DETAIL (self));

  if (self->suggestion_id == suggestion_id &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "record") == 0)
    return;
  self->suggestion_id = suggestion_id;
  reload (self);
}

/**
 * liaison_suggestion_detail_get_suggestion_id:
 *
 * Returns: the suggestion shown, 0 for none.
 */
gint64
liaison_suggestion_detail_get_suggestion_id (LiaisonSuggestionDetail *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_DETAIL (self), 0);
  return self->suggestion_id;
}

static void
liaison_suggestion_detail_dispose (GObject *object)
{
  LiaisonSuggestionDetail *self = LIAISON_SUGGESTION_DETAIL (object);

  g_clear_handle_id (&self->seen_idle_id, g_source_remove);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_SUGGESTION_DETAIL);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_suggestion_detail_parent_class)->dispose (object);
}

static void
liaison_suggestion_detail_class_init (LiaisonSuggestionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_suggestion_detail_dispose;

  g_type_ensure (LIAISON_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-suggestion-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, content_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, category_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, raised_by_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, filer_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, co_signers_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, status_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, created_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, reception_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, reception_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, sync_state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, sync_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, round_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, key_supervision_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, due_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, moves_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, no_moves_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, timeline);

  gtk_widget_class_install_action (widget_class, "suggestion.move", "s", move_action);
}

static void
liaison_suggestion_detail_init (LiaisonSuggestionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
