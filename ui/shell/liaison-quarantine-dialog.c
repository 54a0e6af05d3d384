/* liaison-quarantine-dialog.c: the records set aside from pulls, one
 * expandable row each (liaison-quarantine-dialog.h). */
#define G_LOG_DOMAIN "liaison-quarantine-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-quarantine-dialog.h"
#include "liaison-store-quarantine.h"
#include "liaison-validate.h"

/* The text as it came can be long (a reception with many visitors); the
 * row shows its start, and the whole of it went to headquarters. */
#define MAX_SHOWN_TEXT 2000

struct _LiaisonQuarantineDialog
{
  AdwWindow parent_instance;

  /* owned */
  LiaisonStore *store;

  /* template children */
  GtkLabel   *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonQuarantineDialog, liaison_quarantine_dialog, ADW_TYPE_WINDOW)

static const char *
kind_label (const char *kind)
{
  static const struct {
    const char *kind;
    const char *label;
  } labels[] = {
    { "reception", N_("Reception") },
    { "suggestion", N_("Suggestion") },
    { "suggestion_event", N_("Suggestion step") },
    { "deputy", N_("Deputy") },
    { "deputy_group", N_("Deputy group") },
    { "station", N_("Station") },
    { "unit", N_("Handling unit") },
    { "category", N_("Category") },
    { "loop_rules", N_("Time limits and holidays") },
    { "points_rules", N_("Points rules") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return _("Record of unknown kind");
}

/* "2026-12-04T19:02:19Z" as local time, "2026-12-04 15:02". */
static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) at = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc != NULL ? utc : "");
}

static GtkWidget *
entry_row (const LiaisonQuarantined *entry)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *text_label;
  g_autofree char *title = NULL;
  g_autofree char *when = local_time (entry->set_aside_at);
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: a record set aside: its kind, then its ID */
  title = g_strdup_printf (_("%s · %s"), kind_label (entry->kind),
                           *entry->uuid != '\0' ? entry->uuid : _("no ID"));
  if (entry->reported_at != NULL)
    /* Translators: %s is a date and time */
    status = g_strdup_printf (_("Set aside %s · headquarters was told"), when);
  else
    /* Translators: %s is a date and time */
    status = g_strdup_printf (_("Set aside %s · headquarters will be told at the next sync"), when);
  subtitle = g_strdup_printf ("%s\n%s", entry->reason, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  accessible = g_strdup_printf ("%s. %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (g_utf8_strlen (entry->text, -1) > MAX_SHOWN_TEXT)
    {
      g_autofree char *start = liaison_utf8_head (entry->text, MAX_SHOWN_TEXT);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (entry->text);
  text_label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_widget_set_margin_top (text_label, 8);
  gtk_widget_set_margin_bottom (text_label, 8);
  gtk_widget_set_margin_start (text_label, 12);
  gtk_widget_set_margin_end (text_label, 12);
  gtk_widget_add_css_class (text_label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The record as headquarters sent it"), -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_label);
  return row;
}

static void
fill (LiaisonQuarantineDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = liaison_store_list_quarantined (self->store, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (entries == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  if (entries->len == 0)
    gtk_label_set_text (self->summary_label, _("No record from headquarters has been set aside."));
  else
    {
      g_autofree char *summary = g_strdup_printf (
        ngettext ("Headquarters sent %u record this desk cannot use. It was set aside and everything else was "
                  "saved; sync goes on. Headquarters is told, and a corrected version replaces it when it comes.",
                  "Headquarters sent %u records this desk cannot use. They were set aside and everything else was "
                  "saved; sync goes on. Headquarters is told, and a corrected version replaces each when it comes.",
                  entries->len),
        entries->len);

      gtk_label_set_text (self->summary_label, summary);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), entries->len > 0);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, entry_row (g_ptr_array_index (entries, i)));
}

static void
store_changed_cb (LiaisonQuarantineDialog *self,
                  const char              *table)
{
  if (g_strcmp0 (table, "pull_quarantine") == 0)
    fill (self);
}

LiaisonQuarantineDialog *
liaison_quarantine_dialog_new (GtkWindow    *parent,
                               LiaisonStore *store)
{
  LiaisonQuarantineDialog *self = g_object_new (LIAISON_TYPE_QUARANTINE_DIALOG,
                                                "transient-for", parent, NULL);

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}

static void
liaison_quarantine_dialog_dispose (GObject *object)
{
  LiaisonQuarantineDialog *self = LIAISON_QUARANTINE_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_QUARANTINE_DIALOG);
  G_OBJECT_CLASS (liaison_quarantine_dialog_parent_class)->dispose (object);
}

static void
liaison_quarantine_dialog_class_init (LiaisonQuarantineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_quarantine_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-quarantine-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonQuarantineDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonQuarantineDialog, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_quarantine_dialog_init (LiaisonQuarantineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
