/* liaison-access-log-window.c: the access log's window
 * (liaison-access-log-window.h). */
#define G_LOG_DOMAIN "liaison-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-access-log-window.h"
#include "liaison-calendar.h"
#include "liaison-store-access-log.h"
#include "liaison-validate.h"

struct _LiaisonAccessLogWindow
{
  AdwWindow     parent_instance;

  /* owned */
  LiaisonStore *store;

  /* children, borrowed */
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkDropDown  *kind_drop;
  GtkLabel     *problem;
  GtkLabel     *count;
  GtkListBox   *list;
  GtkWidget    *empty;
};

G_DEFINE_FINAL_TYPE (LiaisonAccessLogWindow, liaison_access_log_window, ADW_TYPE_WINDOW)

/* "2025-04-15 09:30", local time. */
static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) at = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc != NULL ? utc : "");
}

/* @entry's day: TRUE with @date cleared when blank (no bound), TRUE with
 * @date set for a date, FALSE otherwise. */
static gboolean
entry_day (GtkEntry *entry,
           GDate    *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *normalized = NULL;

  g_date_clear (date, 1);
  if (liaison_text_is_blank (text))
    return TRUE;
  normalized = liaison_normalize_datetime (text);
  if (normalized == NULL)
    return FALSE;
  normalized[10] = '\0';
  return liaison_date_parse_iso (normalized, date);
}

static void
show_problem (LiaisonAccessLogWindow *self,
              GtkEntry               *entry,
              const char             *message)
{
  gtk_label_set_text (self->problem, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
clear_problem (LiaisonAccessLogWindow *self)
{
  GtkEntry *entries[] = { self->from_entry, self->to_entry };

  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entries[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Where @desk is: a station's name, or headquarters. */
static const char *
desk_place (GHashTable *stations,
            const char *desk,
            const char *role)
{
  const char *name = desk != NULL ? g_hash_table_lookup (stations, desk) : NULL;

  if (name != NULL)
    return name;
  return g_strcmp0 (role, "hq") == 0 ? _("Headquarters") : _("Another desk");
}

static GtkWidget *
entry_row (GHashTable         *stations,
           LiaisonAccessEntry *entry)
{
  g_autofree char *when = local_time (entry->at);
  const char *who = entry->actor_name != NULL && entry->actor_name[0] != '\0' ? entry->actor_name : _("(no name)");
  const char *what = entry->what != NULL ? entry->what : "";
  /* Translators: an access log row's title: the kind of look, who, and the station, "Export with contacts · 刘芳 · 东山联络站" */
  g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), liaison_access_kind_label (entry->kind), who,
                                            desk_place (stations, entry->desk_uuid, entry->role));
  g_autofree char *contacts = g_strdup_printf (ngettext ("%u contact", "%u contacts", entry->n_contacts),
                                               entry->n_contacts);
  /* Translators: an access log row's subtitle: when, how many contacts, what (a period or records), and the reason */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s\nReason: %s"), when, contacts, what, entry->reason);
  /* Translators: what a screen reader says of an access log row: title, when, contacts, what, reason */
  g_autofree char *name = g_strdup_printf (_("%s, %s, %s, %s. Reason: %s"), title, when, contacts, what,
                                           entry->reason);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
refresh (LiaisonAccessLogWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->kind_drop);
  GtkWidget *child;
  GDate from, to;

  clear_problem (self);
  if (!entry_day (self->from_entry, &from))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as 2024-03-05."),
                                                  gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));

      show_problem (self, self->from_entry, message);
      return;
    }
  if (!entry_day (self->to_entry, &to))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as 2024-03-05."),
                                                  gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));

      show_problem (self, self->to_entry, message);
      return;
    }
  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    {
      show_problem (self, self->to_entry, _("The last day is before the first day."));
      return;
    }

  entries = liaison_store_list_access_log (self->store, g_date_valid (&from) ? &from : NULL,
                                           g_date_valid (&to) ? &to : NULL,
                                           selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1
                                                                                                  : (int) selected - 1,
                                           &error);
  if (entries == NULL)
    {
      show_problem (self, NULL, error->message);
      return;
    }
  stations = liaison_store_list_stations (self->store, NULL);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      LiaisonStation *station = g_ptr_array_index (stations, i);

      g_hash_table_insert (names, station->meta.uuid, station->name);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, entry_row (names, g_ptr_array_index (entries, i)));
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u entry", "%u entries", entries->len), entries->len);

    gtk_label_set_text (self->count, count);
  }
  gtk_widget_set_visible (self->empty, entries->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), entries->len > 0);
}

static void
store_changed_cb (LiaisonStore           *store,
                  const char             *table,
                  LiaisonAccessLogWindow *self)
{
  refresh (self);
}

static void
liaison_access_log_window_dispose (GObject *object)
{
  LiaisonAccessLogWindow *self = LIAISON_ACCESS_LOG_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_access_log_window_parent_class)->dispose (object);
}

static void
liaison_access_log_window_class_init (LiaisonAccessLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_access_log_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* A labelled date entry of the filter bar: its label names it. */
static GtkEntry *
date_entry (GtkBox     *bar,
            const char *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "2025-01-01");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (bar, label);
  gtk_box_append (bar, entry);
  return GTK_ENTRY (entry);
}

static void
liaison_access_log_window_init (LiaisonAccessLogWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind_label = gtk_label_new_with_mnemonic (_("_Kind"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *note;

  gtk_window_set_title (GTK_WINDOW (self), _("Access Log"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 640);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Access Log"), ""));
  gtk_box_append (GTK_BOX (box), header);

  note = gtk_label_new (_("Every export or print with full contacts, every contact looked up at headquarters and "
                          "every purge, with who, when and why. Entries are never changed or deleted."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (content), note);

  self->from_entry = date_entry (GTK_BOX (bar), _("_First day"));
  self->to_entry = date_entry (GTK_BOX (bar), _("_Last day"));
  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < LIAISON_N_ACCESS_KINDS; i++)
    gtk_string_list_append (kinds, liaison_access_kind_label (i));
  self->kind_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (kind_label), GTK_WIDGET (self->kind_drop));
  gtk_widget_set_margin_start (kind_label, 12);
  gtk_box_append (GTK_BOX (bar), kind_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_drop));
  self->count = GTK_LABEL (gtk_label_new (""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->count), TRUE);
  gtk_label_set_xalign (self->count, 1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (content), bar);

  self->problem = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->problem, 0);
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem with the filter"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->problem));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Access log entries"), -1);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "security-medium-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Entries"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("No contact was seen in full for these days and kind."));
  gtk_box_append (GTK_BOX (content), self->empty);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_drop, "notify::selected", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

LiaisonAccessLogWindow *
liaison_access_log_window_new (GtkWindow    *parent,
                               LiaisonStore *store)
{
  LiaisonAccessLogWindow *self;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self = g_object_new (LIAISON_TYPE_ACCESS_LOG_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::access_log", G_CALLBACK (store_changed_cb), self, 0);
  refresh (self);
  return self;
}
