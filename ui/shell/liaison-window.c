/* liaison-window.c: the station app's main window.
 *
 * A fresh database shows the first-run page; once the station is set up,
 * the window shows its views (receptions, suggestions, follow-up,
 * dashboard, deputies) and, in the header, who is at the desk.
 * Everything that opens another window or a file chooser is a win.*
 * action, so that pages and details only name what they want; pages say
 * what happened through win.show-toast and win.show-error. The ledger's
 * and sync's actions live in liaison-window-ledger.c and -sync.c.
 */
#define G_LOG_DOMAIN "liaison-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-actor-dialog.h"
#include "liaison-header-station.h"
#include "liaison-reception-editor.h"
#include "liaison-points-rules-dialog.h"
#include "liaison-quarter-close-dialog.h"
#include "liaison-rules-dialog.h"
#include "liaison-store-loop.h"
#include "liaison-store-quarantine.h"
#include "liaison-store-sync.h"
#include "liaison-tooltip.h"
#include "liaison-ui-privacy.h"
#include "liaison-ui-util.h"
#include "liaison-window-private.h"

G_DEFINE_FINAL_TYPE (LiaisonWindow, liaison_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Actions that need a station to work on. */
static const char * const station_actions[] = {
  "win.new-reception",
  "win.edit-reception",
  "win.import-ledger",
  "win.export-ledger",
};

/* Who is at the desk, in the header: a deputy sees they act as themselves.
 * Headquarters is always headquarters, so it has nothing to switch. */
static void
update_actor (LiaisonWindow *self)
{
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(LiaisonActor) actor = NULL;
  g_autofree char *label = NULL;
  gboolean hq;

  if (self->store == NULL)
    return;
  station = liaison_store_get_local_station (self->store);
  actor = liaison_actor_get_current (self->store);
  hq = actor->role == LIAISON_LOOP_ROLE_HQ;

  /* Before the station is set up there is no desk to switch. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-user", station != NULL && !hq);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.loop-rules", hq);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.points-rules", hq);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-quarter", hq);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.access-log", hq);
  liaison_window_update_record_actions (self, hq);
  gtk_widget_set_visible (GTK_WIDGET (self->actor_button), station != NULL && !hq);

  if (actor->role == LIAISON_LOOP_ROLE_DEPUTY)
    /* Translators: in the header: the deputy at the desk */
    label = g_strdup_printf (_("Deputy %s"), actor->name);
  else
    label = g_strdup (actor->name);
  adw_button_content_set_label (self->actor_content, label);
  /* Else the content's label would say the name a second time. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->actor_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->actor_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The Follow-up page's badge: replies that came from headquarters and
 * nobody has looked at yet. */
void
liaison_window_update_badge (LiaisonWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n = liaison_store_count_unseen_replies (self->store, &error);

  if (error != NULL)
    g_debug ("Unseen replies: %s", error->message);
  adw_view_stack_page_set_badge_number (self->follow_up_stack_page, n);
  adw_view_stack_page_set_needs_attention (self->follow_up_stack_page, n > 0);
}

/* Shows the stack's page @name and hides the others, so that a screen
 * reader does not read a page nobody sees (GTK 4.8 leaves a stack's other
 * pages in the accessible tree). */
static void
show_page (LiaisonWindow *self,
           const char    *name)
{
  static const char * const pages[] = { "privacy-notice", "first-run", "main" };
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->main_stack, page);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *other = gtk_stack_get_child_by_name (self->main_stack, pages[i]);

      if (other != NULL && other != page)
        gtk_widget_set_visible (other, FALSE);
    }
}

/* A station works on its own station; headquarters has none, and sees
 * every station's records without logging receptions of its own. */
void
liaison_window_update_station (LiaisonWindow *self)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (self->store);
  gboolean hq = liaison_store_get_sync_role (self->store) == LIAISON_SYNC_ROLE_HQ;
  gboolean notice_read = g_settings_get_boolean (self->settings, "privacy-notice-read");
  gboolean ready = (station != NULL || hq) && notice_read;
  g_autofree char *name = NULL;

  /* Nothing is logged (Ctrl+N) before the notice is read. */
  for (guint i = 0; i < G_N_ELEMENTS (station_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), station_actions[i], station != NULL && !hq && notice_read);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", ready);

  if (hq)
    /* Translators: the window's subtitle at headquarters, where no station is set up */
    name = g_strdup (_("Headquarters"));
  else if (station != NULL)
    name = g_strdup (station->name);

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_label_set_text (self->station_label, name != NULL ? name : "");
  {
    /* The station's address (地址) under its name, when it has one. */
    g_autofree char *tooltip = !hq && station != NULL && station->address != NULL && *station->address != '\0'
                               ? g_strdup_printf ("%s\n%s", name, station->address) : NULL;

    liaison_ui_set_tooltip (GTK_WIDGET (self->station_label), tooltip != NULL ? tooltip : name);
  }
  if (name != NULL)
    {
      /* Translators: the window title: the station's name, then the app's */
      g_autofree char *title = g_strdup_printf (_("%s — Liaison"), name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  /* The privacy notice comes first, once per user, whatever the desk;
   * once read, it is About's alone. */
  if (!notice_read)
    {
      liaison_privacy_notice_page_set_retention_years (self->privacy_notice_page,
                                                       liaison_ui_retention_years (self->store));
      show_page (self, "privacy-notice");
    }
  else
    {
      show_page (self, ready ? "main" : "first-run");
      if (self->privacy_notice_page != NULL)
        {
          gtk_stack_remove (self->main_stack, GTK_WIDGET (self->privacy_notice_page));
          self->privacy_notice_page = NULL;
        }
    }
  update_actor (self);
  liaison_window_update_duty_actions (self);
}

/* Wide, the view switcher hides the subtitle: show the station beside it.
 * The switcher decides while it is being allocated, so the label changes
 * after that allocation, not in the middle of it.
 *
 * At some widths the switcher fits only without the label: showing the
 * label pushes it into the title, which hides the label, which lets it
 * fit again, redrawing the header bar every frame. So a width at which
 * the label pushed the switcher out keeps the switcher, without the label
 * (the window's title still names the station), until the width changes.
 *
 * A window still settling on a busy PC can be pushed out twice too, by a
 * header that was not laid out in full yet: so the label is tried once
 * more, a few seconds later, when the header has settled. A real loop
 * hides it again at once, for good at that width. */
#define STATION_LABEL_RETRY_SECONDS 3

static void title_visible_changed_cb (LiaisonWindow *self);

static gboolean
retry_station_label_cb (gpointer user_data)
{
  LiaisonWindow *self = user_data;

  self->station_label_retry_id = 0;
  self->station_label_retried_at = self->station_label_collapses_at;
  self->station_label_collapses = 0;
  title_visible_changed_cb (self);
  return G_SOURCE_REMOVE;
}

static gboolean
update_station_label_cb (gpointer user_data)
{
  LiaisonWindow *self = user_data;
  GtkWidget *label = GTK_WIDGET (self->station_label);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean title_visible = adw_view_switcher_title_get_title_visible (self->switcher_title);

  self->station_label_idle_id = 0;
  if (title_visible)
    {
      if (gtk_widget_get_visible (label) && self->station_label_shown_at == width)
        {
          /* Once may be the window still settling; twice is the loop. */
          if (self->station_label_collapses_at == width)
            self->station_label_collapses++;
          else
            self->station_label_collapses = 1;
          self->station_label_collapses_at = width;
        }
      gtk_widget_set_visible (label, FALSE);
    }
  else if (width != self->station_label_collapses_at || self->station_label_collapses < 2)
    {
      self->station_label_shown_at = width;
      gtk_widget_set_visible (label, TRUE);
    }
  else if (self->station_label_retried_at != width && self->station_label_retry_id == 0)
    {
      self->station_label_retry_id = g_timeout_add_seconds (STATION_LABEL_RETRY_SECONDS,
                                                            retry_station_label_cb, self);
    }
  return G_SOURCE_REMOVE;
}

static void
title_visible_changed_cb (LiaisonWindow *self)
{
  if (self->station_label_idle_id == 0)
    self->station_label_idle_id = g_idle_add (update_station_label_cb, self);
}

static void
privacy_notice_read_cb (LiaisonWindow *self)
{
  g_settings_set_boolean (self->settings, "privacy-notice-read", TRUE);
  liaison_window_update_station (self);
}

static void
first_run_done_cb (LiaisonWindow *self)
{
  liaison_window_update_station (self);
  /* Translators: shown once the first-run page has set the station up */
  liaison_window_add_toast (self, _("Station set up. Welcome!"));
}

static void
store_changed_cb (LiaisonWindow *self,
                  const char    *table)
{
  if (g_strcmp0 (table, "stations") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0)
    liaison_window_update_station (self);
  else if (g_strcmp0 (table, "suggestions") == 0 || g_strcmp0 (table, "suggestion_events") == 0)
    liaison_window_update_badge (self);
  else if (g_strcmp0 (table, "deputies") == 0 || g_strcmp0 (table, "settings") == 0)
    update_actor (self);
  else if (g_strcmp0 (table, "pull_quarantine") == 0)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-aside-records",
                                   liaison_store_count_quarantined (self->store) > 0);
}

/* Errors */

/**
 * liaison_window_show_error:
 * @heading: what failed, as a title
 * @body: what it means for the clerk and what to do
 * @details: (nullable): the full reason, such as the bad rows of an import
 *
 * Shows an error dialog over the window.
 */
void
liaison_window_show_error (LiaisonWindow *self,
                           const char    *heading,
                           const char    *body,
                           const char    *details)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (LIAISON_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  /* An import error lists every bad row; keep a long list scrollable and
   * selectable, so that a clerk can copy it. */
  if (details != NULL && *details)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "monospace");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pages say what happened through these actions; none names its window. */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  liaison_window_add_toast (LIAISON_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* (heading, body, details); empty details are none. */
static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *heading;
  const char *body;
  const char *details;

  g_variant_get (parameter, "(&s&s&s)", &heading, &body, &details);
  liaison_window_show_error (LIAISON_WINDOW (widget), heading, body, details);
}

/* New and edited receptions */

static void
reception_saved_cb (LiaisonWindow *self,
                    gint64         reception_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "receptions");
  liaison_receptions_page_show_reception (self->receptions_page, reception_id);
  liaison_window_add_toast (self, _("Reception saved"));
}

static void
open_reception_editor (LiaisonWindow *self,
                       gint64         reception_id)
{
  GtkWidget *editor = liaison_reception_editor_new (GTK_WINDOW (self), self->store, reception_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (reception_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_reception_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_reception_editor (LIAISON_WINDOW (widget), 0);
}

static void
edit_reception_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_reception_editor (LIAISON_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_reception_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "receptions");
  liaison_receptions_page_show_reception (self->receptions_page, g_variant_get_int64 (parameter));
}

static void
show_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "suggestions");
  liaison_suggestions_page_show_suggestion (self->suggestions_page, g_variant_get_int64 (parameter));
}

static void
show_follow_up_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "follow-up");
}

/* Who is at the desk, and headquarters' rules */

static void
actor_switched_cb (LiaisonWindow *self)
{
  g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);
  /* Translators: a toast; %s is the person now at the desk */
  g_autofree char *message = g_strdup_printf (_("%s is at the desk"), actor->name);

  update_actor (self);
  liaison_window_add_toast (self, message);
}

static void
switch_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  LiaisonActorDialog *dialog = liaison_actor_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "switched", G_CALLBACK (actor_switched_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rules_saved_cb (LiaisonWindow *self)
{
  liaison_window_add_toast (self, _("Time limits and holidays saved; stations get them at their next sync"));
}

static void
loop_rules_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  LiaisonRulesDialog *dialog = liaison_rules_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (rules_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
points_rules_saved_cb (LiaisonWindow *self)
{
  liaison_window_add_toast (self, _("Points rules saved; stations get them at their next sync"));
}

static void
points_rules_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  LiaisonPointsRulesDialog *dialog = liaison_points_rules_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (points_rules_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quarter_closed_cb (LiaisonWindow *self,
                   const char    *message)
{
  liaison_window_add_toast (self, message);
}

static void
close_quarter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  LiaisonQuarterCloseDialog *dialog = liaison_quarter_close_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "closed", G_CALLBACK (quarter_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonWindow *self = LIAISON_WINDOW (widget);
  const char *visible = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (visible, "suggestions") == 0)
    liaison_suggestions_page_focus_search (self->suggestions_page);
  else if (g_strcmp0 (visible, "deputies") == 0)
    liaison_deputies_page_focus_search (self->deputies_page);
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "receptions");
      liaison_receptions_page_focus_search (self->receptions_page);
    }
}

/* The start: the pages out of view wait */

/* The suggestions and the roster are read, and their rows made and
 * measured, once the window has shown its first frame, or as soon as one
 * of them is brought into view (docs/benchmarks.md, "The app's start").
 * The follow-up and dashboard pages wait for their own mapping. */
static void
load_other_pages (LiaisonWindow *self)
{
  if (self->other_pages_loaded)
    return;
  self->other_pages_loaded = TRUE;
  g_clear_handle_id (&self->other_pages_idle_id, g_source_remove);
  liaison_suggestions_page_set_store (self->suggestions_page, self->store);
  liaison_deputies_page_set_store (self->deputies_page, self->store);
}

static gboolean
load_other_pages_cb (gpointer user_data)
{
  LiaisonWindow *self = LIAISON_WINDOW (user_data);

  self->other_pages_idle_id = 0;
  load_other_pages (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                LiaisonWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (!self->other_pages_loaded && self->other_pages_idle_id == 0)
    self->other_pages_idle_id = g_idle_add (load_other_pages_cb, self);
}

static void
realized_cb (LiaisonWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

/* GObject */

static gboolean
liaison_window_close_request (GtkWindow *window)
{
  LiaisonWindow *self = LIAISON_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (liaison_window_parent_class)->close_request (window);
}

static void
liaison_window_constructed (GObject *object)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  G_OBJECT_CLASS (liaison_window_parent_class)->constructed (object);

  g_return_if_fail (LIAISON_IS_STORE (self->store));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  liaison_first_run_page_set_store (self->first_run_page, self->store);
  liaison_receptions_page_set_store (self->receptions_page, self->store);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (load_other_pages), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (realized_cb), NULL);
  liaison_follow_up_page_set_store (self->follow_up_page, self->store);
  liaison_dashboard_page_set_store (self->dashboard_page, self->store);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  liaison_sync_status_set_store (self->sync_status, self->store);
  liaison_window_update_station (self);
  liaison_window_update_badge (self);
  liaison_window_update_sync_actions (self);
}

static void
liaison_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_dispose (GObject *object)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  g_clear_handle_id (&self->station_label_idle_id, g_source_remove);
  g_clear_handle_id (&self->station_label_retry_id, g_source_remove);
  g_clear_handle_id (&self->other_pages_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync_engine);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_window_parent_class)->dispose (object);
}

static void
liaison_window_class_init (LiaisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = liaison_window_constructed;
  object_class->get_property = liaison_window_get_property;
  object_class->set_property = liaison_window_set_property;
  object_class->dispose = liaison_window_dispose;
  window_class->close_request = liaison_window_close_request;

  properties[PROP_STORE] = liaison_ui_param_spec_store ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_PRIVACY_NOTICE_PAGE);
  g_type_ensure (LIAISON_TYPE_FIRST_RUN_PAGE);
  g_type_ensure (LIAISON_TYPE_RECEPTIONS_PAGE);
  g_type_ensure (LIAISON_TYPE_SUGGESTIONS_PAGE);
  g_type_ensure (LIAISON_TYPE_DEPUTIES_PAGE);
  g_type_ensure (LIAISON_TYPE_FOLLOW_UP_PAGE);
  g_type_ensure (LIAISON_TYPE_DASHBOARD_PAGE);
  g_type_ensure (LIAISON_TYPE_SYNC_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, privacy_notice_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, station_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, receptions_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, suggestions_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, deputies_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, follow_up_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, follow_up_stack_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, actor_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, actor_content);
  gtk_widget_class_bind_template_callback (widget_class, privacy_notice_read_cb);
  gtk_widget_class_bind_template_callback (widget_class, first_run_done_cb);

  gtk_widget_class_install_action (widget_class, "win.new-reception", NULL, new_reception_action);
  gtk_widget_class_install_action (widget_class, "win.edit-reception", "x", edit_reception_action);
  gtk_widget_class_install_action (widget_class, "win.show-reception", "x", show_reception_action);
  gtk_widget_class_install_action (widget_class, "win.show-suggestion", "x", show_suggestion_action);
  gtk_widget_class_install_action (widget_class, "win.show-follow-up", NULL, show_follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL, switch_user_action);
  gtk_widget_class_install_action (widget_class, "win.loop-rules", NULL, loop_rules_action);
  gtk_widget_class_install_action (widget_class, "win.points-rules", NULL, points_rules_action);
  gtk_widget_class_install_action (widget_class, "win.close-quarter", NULL, close_quarter_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  liaison_window_class_add_ledger_actions (widget_class);
  liaison_window_class_add_print_actions (widget_class);
  liaison_window_class_add_sync_actions (widget_class);
  liaison_window_class_add_duty_actions (widget_class);
  liaison_window_class_add_record_actions (widget_class);
  liaison_window_class_add_published_actions (widget_class);
  liaison_window_class_add_help_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-error", "(sss)", show_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-reception", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
liaison_window_init (LiaisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  liaison_ui_wrap_tooltips (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);

  liaison_ui_header_station_follow (GTK_WINDOW (self), self->station_label);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_changed_cb), self, G_CONNECT_SWAPPED);
  /* A new width may have room for the label the last one had not. */
  g_signal_connect_object (self, "notify::default-width",
                           G_CALLBACK (title_visible_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * liaison_window_new:
 * @app: (nullable): the application, or %NULL (tests)
 * @store: the station's store
 *
 * Returns: (transfer none): a new main window over @store.
 */
LiaisonWindow *
liaison_window_new (GtkApplication *app,
                    LiaisonStore   *store)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  return g_object_new (LIAISON_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

/**
 * liaison_window_add_toast:
 * @message: what happened, in a few words
 *
 * Shows @message briefly at the bottom of the window.
 */
void
liaison_window_add_toast (LiaisonWindow *self,
                          const char    *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (LIAISON_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
