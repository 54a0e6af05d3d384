/* liaison-suggestion-detail.c: one suggestion, read-only. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-suggestion-detail.h"
#include "liaison-ui-util.h"

struct _LiaisonSuggestionDetail
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;

  gint64 suggestion_id;

  /* template children */
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *content_label;
  AdwActionRow  *category_info;
  AdwActionRow  *raised_by_info;
  AdwActionRow  *status_info;
  AdwActionRow  *created_info;
  AdwActionRow  *reception_row;
  GtkLabel      *reception_label;
  GtkLabel      *sync_state_label;
  GtkLabel      *sync_error_label;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox    *conflicts_list;
};

G_DEFINE_FINAL_TYPE (LiaisonSuggestionDetail, liaison_suggestion_detail, ADW_TYPE_BIN)

/* created_at is UTC ("YYYY-MM-DDTHH:MM:SSZ"); clerks read local time. */
static char *
format_utc (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || *utc == '\0')
    return g_strdup ("");
  time = g_date_time_new_from_iso8601 (utc, NULL);
  if (time == NULL)
    return g_strdup (utc);
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
show_suggestion (LiaisonSuggestionDetail *self,
                 const LiaisonSuggestion *suggestion)
{
  const char *category = suggestion->category_name ? suggestion->category_name : "";
  const char *status = liaison_loop_status_label (suggestion->status);
  g_autofree char *created = format_utc (suggestion->created_at);
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

  gtk_widget_set_visible (GTK_WIDGET (self->reception_row), suggestion->reception_id != 0);
  gtk_label_set_text (self->reception_label,
                      suggestion->reception_received_at ? suggestion->reception_received_at : "");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reception_row),
                                          g_variant_new_int64 (suggestion->reception_id));

  liaison_ui_show_sync_state (self->sync_state_label, self->sync_error_label, &suggestion->meta);
  liaison_ui_show_conflicts (self->store, "suggestion", suggestion->meta.uuid,
                             self->conflicts_group, self->conflicts_list);

  gtk_stack_set_visible_child_name (self->stack, "record");
}

static void
reload (LiaisonSuggestionDetail *self)
{
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  if (self->suggestion_id == 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  suggestion = liaison_store_get_suggestion (self->store, self->suggestion_id, &error);
  if (suggestion == NULL)
    liaison_ui_show_load_error (self->stack, self->error_page, error);
  else
    show_suggestion (self, suggestion);
}

static void
store_changed_cb (LiaisonSuggestionDetail *self,
                  const char              *table)
{
  if (g_strcmp0 (table, "suggestions") == 0 || g_strcmp0 (table, "receptions") == 0)
    reload (self);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-suggestion-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, content_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, category_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, raised_by_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, status_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, created_info);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, reception_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, reception_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, sync_state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, sync_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSuggestionDetail, conflicts_list);
}

static void
liaison_suggestion_detail_init (LiaisonSuggestionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
