/* liaison-published-window.c: the published reports' window
 * (liaison-published-window.h). */
#define G_LOG_DOMAIN "liaison-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-publish.h"
#include "liaison-published-publish.h"
#include "liaison-published-window.h"
#include "liaison-store-sync.h"

struct _LiaisonPublishedWindow
{
  AdwWindow        parent_instance;

  /* owned */
  LiaisonStore    *store;
  GtkWidget       *actions;      /* the main window: its actions */

  /* children, borrowed */
  AdwWindowTitle  *title;
  GtkWidget       *back_button;
  GtkWidget       *publish_button;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkWidget       *empty;
  GtkBox          *report_box;
};

G_DEFINE_FINAL_TYPE (LiaisonPublishedWindow, liaison_published_window, ADW_TYPE_WINDOW)

static void show_report (LiaisonPublishedWindow *self,
                         const char             *uuid);

static char *
period_label (const char *code)
{
  LiaisonPeriod period;

  if (code == NULL || !liaison_period_parse (code, &period, NULL))
    return g_strdup (code != NULL ? code : "");
  return liaison_period_label (&period);
}

/* "2025-04-15 09:30", local time. */
static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) at = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
published_line (const LiaisonPublishedHead *head)
{
  g_autofree char *when = local_time (head->published_at);

  if (head->published_by == NULL || head->published_by[0] == '\0')
    /* Translators: %s is when a report was published, "2025-04-15 09:30" */
    return g_strdup_printf (_("Published %s"), when);
  /* Translators: the first %s is when a report was published, "2025-04-15 09:30", the second who */
  return g_strdup_printf (_("Published %s by %s"), when, head->published_by);
}

static void
row_activated_cb (LiaisonPublishedWindow *self,
                  GtkListBoxRow          *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "liaison-published-uuid");

  if (uuid != NULL)
    show_report (self, uuid);
}

static void
refresh_list (LiaisonPublishedWindow *self)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  reports = liaison_store_list_published_reports (self->store, &error);
  if (reports == NULL)
    {
      gtk_widget_activate_action (self->actions, "win.show-error", "(sss)",
                                  _("Published Reports Could Not Be Read"), error->message, "");
      return;
    }
  for (guint i = 0; i < reports->len; i++)
    {
      LiaisonPublishedReport *report = g_ptr_array_index (reports, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (report->head == NULL)
        continue;
      title = period_label (report->head->period);
      subtitle = published_line (report->head);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Its name is its title (the row's own); what it says besides, its description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      g_object_set_data_full (G_OBJECT (row), "liaison-published-uuid", g_strdup (report->meta.uuid), g_free);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (self->empty, gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
}

static void
show_list (LiaisonPublishedWindow *self)
{
  refresh_list (self);
  adw_window_title_set_title (self->title, _("Published Reports"));
  adw_window_title_set_subtitle (self->title, "");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
change_activated_cb (GtkListBoxRow          *row,
                     LiaisonPublishedWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "liaison-suggestion-id"));

  if (id > 0)
    gtk_widget_activate_action (self->actions, "win.show-suggestion", "x", id);
}

static void
add_changes (LiaisonPublishedWindow *self,
             AdwExpanderRow         *expander,
             GPtrArray              *changes,
             gboolean                entered)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const LiaisonPublishedChange *change = g_ptr_array_index (changes, i);
      const char *how = entered ? _("Counted now, not when published") : _("Counted when published, not now");
      const char *title = change->title[0] != '\0' ? change->title : _("(no longer here)");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (entered ? "list-add-symbolic" : "list-remove-symbolic"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, how, -1);
      if (change->id > 0)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data (G_OBJECT (row), "liaison-suggestion-id", GSIZE_TO_POINTER ((gsize) change->id));
          g_signal_connect_object (row, "activated", G_CALLBACK (change_activated_cb), self, 0);
        }
      adw_expander_row_add_row (expander, row);
    }
}

/* One figure's row: published, now, the difference; its changed items
 * under it when it has any. */
static GtkWidget *
figure_row (LiaisonPublishedWindow           *self,
            const LiaisonPublishedFigureDiff *diff)
{
  gint64 difference = (gint64) diff->live - (gint64) diff->published;
  g_autofree char *signed_difference = difference > 0 ? g_strdup_printf ("+%" G_GINT64_FORMAT, difference)
                                                      : g_strdup_printf ("%" G_GINT64_FORMAT, difference);
  /* Translators: a published figure against today's: the numbers published, now, and the difference, "+1" */
  g_autofree char *numbers = g_strdup_printf (_("Published %u · now %u · difference %s"),
                                              diff->published, diff->live, signed_difference);
  const char *label = liaison_figure_label (diff->figure);
  gboolean items = diff->entered->len + diff->left->len > 0;
  GtkWidget *row;
  GtkWidget *badge;

  if (items)
    {
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), numbers);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), numbers);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, numbers, -1);
  if (difference != 0)
    {
      badge = gtk_label_new (signed_difference);
      gtk_widget_add_css_class (badge, "numeric");
      gtk_widget_add_css_class (badge, difference > 0 ? "success" : "error");
      if (items)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  if (items)
    {
      add_changes (self, ADW_EXPANDER_ROW (row), diff->entered, TRUE);
      add_changes (self, ADW_EXPANDER_ROW (row), diff->left, FALSE);
    }
  return row;
}

static GtkWidget *
note_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
show_report (LiaisonPublishedWindow *self,
             const char             *uuid)
{
  g_autoptr(LiaisonPublishedComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *published = NULL;
  g_autofree char *intro = NULL;
  LiaisonPublishedHead *head;
  GtkWidget *child;
  GtkWidget *figures;

  comparison = liaison_published_compare (self->store, uuid, NULL, &error);
  if (comparison == NULL)
    {
      gtk_widget_activate_action (self->actions, "win.show-error", "(sss)",
                                  _("The Published Report Could Not Be Read"), error->message, "");
      return;
    }
  head = comparison->report->head;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_box))) != NULL)
    gtk_box_remove (self->report_box, child);

  title = period_label (head->period);
  published = published_line (head);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, published);
  intro = g_strdup_printf (comparison->headquarters
                           /* Translators: %s is the day the published figures stood on */
                           ? _("The city’s figures as published (as they stood on %s), against today’s.")
                           /* Translators: %s is the day the published figures stood on */
                           : _("This station’s figures as published (as they stood on %s), against today’s."),
                           head->as_of);
  gtk_box_append (self->report_box, note_label (intro));
  if (!comparison->complete)
    gtk_box_append (self->report_box,
                    note_label (_("Part of this report has not arrived here yet: the items that changed are "
                                  "listed once it has.")));
  else if (!liaison_published_comparison_any (comparison))
    gtk_box_append (self->report_box, note_label (_("Today’s figures are as published.")));

  figures = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (figures), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (figures, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (figures), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Published and today’s figures"), -1);
  for (guint f = 0; f < LIAISON_N_FIGURES; f++)
    gtk_list_box_append (GTK_LIST_BOX (figures), figure_row (self, &comparison->figures[f]));
  gtk_box_append (self->report_box, figures);

  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
published_cb (const char *uuid,
              gpointer    user_data)
{
  LiaisonPublishedWindow *self = user_data;

  refresh_list (self);
  show_report (self, uuid);
}

static void
publish_clicked_cb (LiaisonPublishedWindow *self)
{
  liaison_published_publish_ask (GTK_WINDOW (self), self->actions, self->store, published_cb, self);
}

static void
liaison_published_window_dispose (GObject *object)
{
  LiaisonPublishedWindow *self = LIAISON_PUBLISHED_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (liaison_published_window_parent_class)->dispose (object);
}

static void
liaison_published_window_class_init (LiaisonPublishedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_published_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *window = gtk_scrolled_window_new ();

  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (window), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (window), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (window, TRUE);
  return window;
}

static void
liaison_published_window_init (LiaisonPublishedWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Published Reports"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Published Reports"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the published reports"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the published reports"), -1);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (show_list), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  self->publish_button = gtk_button_new_with_mnemonic (_("_Publish…"));
  gtk_widget_add_css_class (self->publish_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->publish_button, _("Publish a period’s figures"));
  g_signal_connect_object (self->publish_button, "clicked", G_CALLBACK (publish_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->publish_button);
  gtk_box_append (GTK_BOX (box), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Published reports"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Published Reports"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Headquarters publishes a period’s figures, such as the monthly report; "
                                     "they are listed here."));
  gtk_box_append (GTK_BOX (list_box), self->empty);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->list));

  self->report_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled (list_box), "list");
  gtk_stack_add_named (self->stack, scrolled (GTK_WIDGET (self->report_box)), "report");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

LiaisonPublishedWindow *
liaison_published_window_new (GtkWindow    *parent,
                              LiaisonStore *store)
{
  LiaisonPublishedWindow *self;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self = g_object_new (LIAISON_TYPE_PUBLISHED_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actions = g_object_ref (GTK_WIDGET (parent));
  /* A station reads what headquarters published; it publishes nothing. */
  gtk_widget_set_visible (self->publish_button, liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ);
  show_list (self);
  return self;
}
