/* liaison-follow-up-page.c: the follow-up board (跟踪督办).
 *
 * One page, whose sections depend on who is at the desk
 * (liaison_actor_get_current()). Each section is one of the store's loop
 * lists, shown as a boxed list of its first rows with a count in its
 * title; a row opens the suggestion through win.show-suggestion. The page
 * reads everything again, once per main loop turn, when suggestions or
 * their events change or someone else sits down at the desk; while it is
 * not on screen it only notes that, and reads again when it is shown.
 *
 * "Show all" stops at MAX_ROWS: headquarters' Overdue can hold thousands,
 * and a boxed list of thousands of rows stalls the window. The section
 * then says how many it left out and where to find them.
 */
#define G_LOG_DOMAIN "liaison-follow-up-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-follow-up-page.h"
#include "liaison-follow-up-saver.h"
#include "liaison-motion-editor.h"
#include "liaison-online-hq.h"
#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-store-watch.h"
#include "liaison-suggestion-row.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"

/* Rows a section shows before "Show all", and at most after it. */
#define FIRST_ROWS 10
#define MAX_ROWS 200

#define ROLE_BIT(role) (1u << (role))

typedef struct {
  const char      *id;     /* "<id>_group" and "<id>_list" in the template */
  LiaisonLoopList  list;
  guint            roles;  /* ROLE_BIT()s of the roles that see it */
  const char      *title;
  const char      *empty;  /* what an empty section means */
} SectionInfo;

/* In the order of the template. */
static const SectionInfo section_infos[] = {
  { "tell_citizen", LIAISON_LOOP_LIST_TELL_CITIZEN, ROLE_BIT (LIAISON_LOOP_ROLE_STATION),
    N_("Tell the Citizen"), N_("No reply is waiting to be passed on to a visitor.") },
  { "taken_up", LIAISON_LOOP_LIST_TAKEN_UP_BY, ROLE_BIT (LIAISON_LOOP_ROLE_DEPUTY),
    N_("Taken Up by Me"), N_("You have taken up no open suggestion.") },
  { "filed", LIAISON_LOOP_LIST_FILED_BY, ROLE_BIT (LIAISON_LOOP_ROLE_DEPUTY),
    N_("My Suggestions and Motions"), N_("You have filed no suggestion yet.") },
  { "to_take_up", LIAISON_LOOP_LIST_TO_TAKE_UP,
    ROLE_BIT (LIAISON_LOOP_ROLE_STATION) | ROLE_BIT (LIAISON_LOOP_ROLE_DEPUTY),
    N_("Waiting for a Deputy"), N_("Every citizen’s suggestion has been taken up by a deputy.") },
  { "to_refer", LIAISON_LOOP_LIST_TO_REFER, ROLE_BIT (LIAISON_LOOP_ROLE_HQ),
    N_("To Refer"), N_("No suggestion is waiting to be referred.") },
  { "overdue", LIAISON_LOOP_LIST_OVERDUE, ROLE_BIT (LIAISON_LOOP_ROLE_HQ),
    N_("Overdue"), N_("No reply is overdue.") },
  { "due_soon", LIAISON_LOOP_LIST_DUE_SOON, ROLE_BIT (LIAISON_LOOP_ROLE_HQ),
    N_("Due Within 3 Days"), N_("No reply is due within 3 days.") },
  { "key_supervision", LIAISON_LOOP_LIST_KEY_SUPERVISION, ROLE_BIT (LIAISON_LOOP_ROLE_HQ),
    N_("Under Key Supervision"), N_("No suggestion is under key supervision.") },
  { "unsatisfied", LIAISON_LOOP_LIST_UNSATISFIED, ROLE_BIT (LIAISON_LOOP_ROLE_HQ),
    N_("Rated Unsatisfied"), N_("No open suggestion was rated unsatisfied.") },
};

#define N_SECTIONS G_N_ELEMENTS (section_infos)

typedef struct {
  /* borrowed: template children */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkLabel            *more_label;  /* under the list: what "Show all" left out */

  gboolean show_all;
} Section;

struct _LiaisonFollowUpPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;
  LiaisonActor *actor;  /* as of the last refresh */

  guint    refresh_id;
  gboolean stale;  /* something changed while the page was not shown */
  Section  sections[N_SECTIONS];

  /* template children */
  GtkLabel               *error_label;
  LiaisonOnlineOverdue   *online_overdue;
  LiaisonOnlineByStation *online_by_station;
};

G_DEFINE_FINAL_TYPE (LiaisonFollowUpPage, liaison_follow_up_page, ADW_TYPE_BIN)

static void
show_error (LiaisonFollowUpPage *self,
            const GError        *error)
{
  /* The first problem says enough; the rest are likely the same one. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return;
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Whether @info is a section of headquarters', whose rows come from
 * every station. */
static gboolean
is_hq_section (const SectionInfo *info)
{
  return info->roles == ROLE_BIT (LIAISON_LOOP_ROLE_HQ);
}

/* Whether @info's rows may wait on a unit's reply, so that such a row
 * names the lead unit that is late or about to be. */
static gboolean
names_lead_unit (const SectionInfo *info)
{
  return info->list == LIAISON_LOOP_LIST_OVERDUE || info->list == LIAISON_LOOP_LIST_DUE_SOON ||
         info->list == LIAISON_LOOP_LIST_KEY_SUPERVISION;
}

static void
show_all_cb (GtkButton *button,
             gpointer   user_data)
{
  LiaisonFollowUpPage *self = user_data;
  Section *section = g_object_get_data (G_OBJECT (button), "section");

  section->show_all = TRUE;
  liaison_follow_up_page_refresh (self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_section (LiaisonFollowUpPage *self,
              guint                index,
              const GDate         *today)
{
  const SectionInfo *info = &section_infos[index];
  Section *section = &self->sections[index];
  gboolean by_deputy = info->list == LIAISON_LOOP_LIST_TAKEN_UP_BY || info->list == LIAISON_LOOP_LIST_FILED_BY;
  gint64 deputy_id = by_deputy ? self->actor->deputy_id : 0;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) lead_units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  clear_list (section->list);

  n = liaison_store_count_loop (self->store, info->list, deputy_id, today, &error);
  if (error == NULL)
    rows = liaison_store_list_loop (self->store, info->list, deputy_id, today,
                                    section->show_all ? MAX_ROWS : FIRST_ROWS, &error);
  if (error != NULL)
    {
      show_error (self, error);
      n = 0;
    }

  /* Translators: a follow-up section's title and how many suggestions it holds */
  title = g_strdup_printf (C_("section title", "%s (%u)"), _(info->title), n);
  adw_preferences_group_set_title (section->group, title);
  adw_preferences_group_set_description (section->group, n == 0 ? _(info->empty) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);

  if (rows != NULL && names_lead_unit (info))
    lead_units = liaison_store_read_lead_units (self->store, rows);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (rows, i);
      const char *lead_unit = lead_units != NULL ? g_hash_table_lookup (lead_units, &suggestion->meta.id) : NULL;

      gtk_list_box_append (section->list,
                           liaison_suggestion_row_new (suggestion, info->list, is_hq_section (info), today, lead_unit));
    }

  if (rows != NULL && rows->len < n && !section->show_all)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (n <= MAX_ROWS)
        /* Translators: a button under the first rows of a section */
        label = g_strdup_printf (ngettext ("Show All %u Suggestion", "Show All %u Suggestions", n), n);
      else
        /* Translators: a button under the first rows of a section that holds too many to show all */
        label = g_strdup_printf (ngettext ("Show the First %u Suggestion", "Show the First %u Suggestions",
                                           MAX_ROWS),
                                 MAX_ROWS);
      button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "section", section);
      g_signal_connect_object (button, "clicked", G_CALLBACK (show_all_cb), self, 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (section->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (section->list), gtk_widget_get_first_child (GTK_WIDGET (section->list)) != NULL);

  gtk_widget_set_visible (GTK_WIDGET (section->more_label), section->show_all && rows != NULL && rows->len < n);
  if (section->show_all && rows != NULL && rows->len < n)
    {
      /* Translators: under a follow-up section cut short; the first %u is
       * how many rows are shown (200), the second how many the section
       * holds ("Showing the first 200 of 4,184.") */
      g_autofree char *more = g_strdup_printf (ngettext ("Showing the first %u of %'u. Use the Suggestions page’s search to find others.",
                                                         "Showing the first %u of %'u. Use the Suggestions page’s search to find others.",
                                                         n),
                                               rows->len, n);

      gtk_label_set_text (section->more_label, more);
    }
}

/**
 * liaison_follow_up_page_refresh:
 *
 * Reads the actor and every list of the actor's role again. (The
 * figures are the dashboard's, ui/reports/.)
 */
void
liaison_follow_up_page_refresh (LiaisonFollowUpPage *self)
{
  GDate today;

  g_return_if_fail (LIAISON_IS_FOLLOW_UP_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  if (self->store == NULL)
    return;

  g_clear_pointer (&self->actor, liaison_actor_free);
  self->actor = liaison_actor_get_current (self->store);
  liaison_date_set_today (&today);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gboolean shown = (section_infos[i].roles & ROLE_BIT (self->actor->role)) != 0;

      gtk_widget_set_visible (GTK_WIDGET (self->sections[i].group), shown);
      if (shown)
        show_section (self, i, &today);
      else
        clear_list (self->sections[i].list);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.file-suggestion",
                                 self->actor->role == LIAISON_LOOP_ROLE_DEPUTY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.duty-record",
                                 self->actor->role == LIAISON_LOOP_ROLE_DEPUTY);
}

static gboolean
refresh_cb (gpointer user_data)
{
  LiaisonFollowUpPage *self = user_data;

  self->refresh_id = 0;
  liaison_follow_up_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A sync or a move writes several tables at once: read once for all,
 * and not at all while nobody can see the page. */
static void
queue_refresh (LiaisonFollowUpPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
store_changed_cb (LiaisonFollowUpPage *self,
                  const char          *table)
{
  if (g_strcmp0 (table, "suggestions") == 0 ||
      g_strcmp0 (table, "suggestion_events") == 0 ||
      g_strcmp0 (table, "deputies") == 0 ||
      g_strcmp0 (table, "settings") == 0)
    queue_refresh (self);
}

/* Actions */

static void
file_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LiaisonFollowUpPage *self = LIAISON_FOLLOW_UP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  LiaisonMotionEditor *editor;

  if (self->store == NULL || self->actor == NULL || self->actor->role != LIAISON_LOOP_ROLE_DEPUTY)
    return;
  editor = liaison_motion_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, self->actor->deputy_id);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The deputy at the desk's own record (我的履职), which the window shows. */
static void
duty_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaisonFollowUpPage *self = LIAISON_FOLLOW_UP_PAGE (widget);
  g_autoptr(LiaisonDeputy) deputy = NULL;

  if (self->store == NULL || self->actor == NULL || self->actor->role != LIAISON_LOOP_ROLE_DEPUTY)
    return;
  deputy = liaison_store_get_deputy (self->store, self->actor->deputy_id, NULL);
  if (deputy != NULL)
    gtk_widget_activate_action (widget, "win.show-duty-record", "s", deputy->meta.uuid);
}

/* Export… on a section: every row of its list to a workbook or CSV file. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonFollowUpPage *self = LIAISON_FOLLOW_UP_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  const SectionInfo *info;
  gboolean by_deputy;

  if (self->store == NULL || self->actor == NULL || index < 0 || (guint) index >= N_SECTIONS)
    return;
  info = &section_infos[index];
  by_deputy = info->list == LIAISON_LOOP_LIST_TAKEN_UP_BY || info->list == LIAISON_LOOP_LIST_FILED_BY;
  liaison_follow_up_save (widget, self->store, info->list, by_deputy ? self->actor->deputy_id : 0, _(info->title));
}

/* The section's Export… button, beside the button its header has, if any. */
static void
add_export_button (AdwPreferencesGroup *group,
                   guint                index)
{
  GtkWidget *button = gtk_button_new_with_label (_("Export…"));
  g_autofree char *name = g_strdup_printf (_("Export “%s”…"), _(section_infos[index].title));
  GtkWidget *suffix = adw_preferences_group_get_header_suffix (group);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "export_button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "follow-up.export");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 ((gint32) index));
  liaison_ui_set_tooltip (button, _("Save every suggestion of this list as an Excel workbook or a CSV file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (suffix != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      g_object_ref (suffix);
      adw_preferences_group_set_header_suffix (group, NULL);
      gtk_box_append (GTK_BOX (box), button);
      gtk_box_append (GTK_BOX (box), suffix);
      g_object_unref (suffix);
      button = box;
    }
  adw_preferences_group_set_header_suffix (group, button);
}

/* GObject */

void
liaison_follow_up_page_set_store (LiaisonFollowUpPage *self,
                                  LiaisonStore        *store)
{
  g_return_if_fail (LIAISON_IS_FOLLOW_UP_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  liaison_online_overdue_set_store (self->online_overdue, store);
  liaison_online_by_station_set_store (self->online_by_station, store);
  queue_refresh (self);
}

/* Brought into view (its view stack page chosen): catch up before the
 * first frame, so that it never shows stale lists. */
static void
liaison_follow_up_page_map (GtkWidget *widget)
{
  LiaisonFollowUpPage *self = LIAISON_FOLLOW_UP_PAGE (widget);

  if (self->stale)
    liaison_follow_up_page_refresh (self);
  GTK_WIDGET_CLASS (liaison_follow_up_page_parent_class)->map (widget);
}

static void
liaison_follow_up_page_dispose (GObject *object)
{
  LiaisonFollowUpPage *self = LIAISON_FOLLOW_UP_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, liaison_actor_free);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_FOLLOW_UP_PAGE);

  G_OBJECT_CLASS (liaison_follow_up_page_parent_class)->dispose (object);
}

static void
liaison_follow_up_page_class_init (LiaisonFollowUpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_follow_up_page_dispose;
  widget_class->map = liaison_follow_up_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-follow-up-page.ui");
  g_type_ensure (LIAISON_TYPE_ONLINE_OVERDUE);
  g_type_ensure (LIAISON_TYPE_ONLINE_BY_STATION);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFollowUpPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFollowUpPage, online_overdue);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFollowUpPage, online_by_station);

  /* The sections' groups and lists, found by name in init. */
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autofree char *group_id = g_strconcat (section_infos[i].id, "_group", NULL);
      g_autofree char *list_id = g_strconcat (section_infos[i].id, "_list", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (group_id), FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (list_id), FALSE, 0);
    }

  gtk_widget_class_install_action (widget_class, "follow-up.file-suggestion", NULL, file_suggestion_action);
  gtk_widget_class_install_action (widget_class, "follow-up.duty-record", NULL, duty_record_action);
  gtk_widget_class_install_action (widget_class, "follow-up.export", "i", export_action);
}

static void
liaison_follow_up_page_init (LiaisonFollowUpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autofree char *group_id = g_strconcat (section_infos[i].id, "_group", NULL);
      g_autofree char *list_id = g_strconcat (section_infos[i].id, "_list", NULL);
      g_autofree char *more_id = g_strconcat (section_infos[i].id, "_more_label", NULL);
      GtkWidget *more = gtk_label_new (NULL);

      self->sections[i].group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                      LIAISON_TYPE_FOLLOW_UP_PAGE,
                                                                                      group_id));
      self->sections[i].list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                            LIAISON_TYPE_FOLLOW_UP_PAGE,
                                                                            list_id));
      g_assert (self->sections[i].group != NULL && self->sections[i].list != NULL);

      /* Under the list; tests find it by its name. */
      gtk_widget_set_name (more, more_id);
      gtk_label_set_xalign (GTK_LABEL (more), 0.0);
      gtk_label_set_wrap (GTK_LABEL (more), TRUE);
      gtk_widget_set_margin_top (more, 6);
      gtk_widget_add_css_class (more, "dim-label");
      gtk_widget_set_visible (more, FALSE);
      adw_preferences_group_add (self->sections[i].group, more);
      self->sections[i].more_label = GTK_LABEL (more);
      add_export_button (self->sections[i].group, i);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.file-suggestion", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.duty-record", FALSE);
}
