/* liaison-first-run-page.c: sets up the station on a fresh database.
 *
 * Shown instead of the main views until the database knows which station
 * it belongs to; emits ::done once it does.
 */
#define G_LOG_DOMAIN "liaison-first-run-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-first-run-page.h"
#include "liaison-ui-util.h"

struct _LiaisonFirstRunPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;

  /* template children */
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwEntryRow *district_row;
  GtkLabel    *error_label;
  GtkButton   *start_button;
};

G_DEFINE_FINAL_TYPE (LiaisonFirstRunPage, liaison_first_run_page, ADW_TYPE_BIN)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
name_changed_cb (LiaisonFirstRunPage *self)
{
  liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row), NULL);
}

static void
start_clicked_cb (LiaisonFirstRunPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->name_row));
  g_autofree char *district = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->district_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);

  g_return_if_fail (self->store != NULL);

  if (*name == '\0')
    {
      liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row), _("Enter the station’s name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (kind >= LIAISON_N_STATION_KINDS)
    kind = LIAISON_STATION_KIND_STATION;

  if (!liaison_store_set_local_station (self->store, name, kind, district, &error))
    {
      liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row), error->message);
      return;
    }
  liaison_ui_show_message (self->error_label, GTK_WIDGET (self->name_row), NULL);
  g_signal_emit (self, signals[DONE], 0);
}

/**
 * liaison_first_run_page_set_store:
 *
 * Sets the store the page sets up.
 */
void
liaison_first_run_page_set_store (LiaisonFirstRunPage *self,
                                  LiaisonStore        *store)
{
  g_return_if_fail (LIAISON_IS_FIRST_RUN_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));

  g_set_object (&self->store, store);
}

static void
liaison_first_run_page_dispose (GObject *object)
{
  LiaisonFirstRunPage *self = LIAISON_FIRST_RUN_PAGE (object);

  /* AdwBin holds its child; let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_FIRST_RUN_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (liaison_first_run_page_parent_class)->dispose (object);
}

static void
liaison_first_run_page_class_init (LiaisonFirstRunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_first_run_page_dispose;

  /**
   * LiaisonFirstRunPage::done:
   *
   * The station has been set up.
   */
  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-first-run-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonFirstRunPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFirstRunPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFirstRunPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFirstRunPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonFirstRunPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
}

static void
liaison_first_run_page_init (LiaisonFirstRunPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LIAISON_N_STATION_KINDS; i++)
    gtk_string_list_append (kinds, liaison_station_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, LIAISON_STATION_KIND_STATION);
}
