/* liaison-dashboard-items.c: the items behind one of the dashboard's
 * numbers.
 *
 * liaison_dashboard_list_items() runs in a thread on a connection of its
 * own, for the same period and the same "today" as the dashboard the
 * number was read from, so the list holds as many rows as the number
 * says. Suggestions are the Follow-up page's rows
 * (liaison_suggestion_row_new), which open the suggestion; receptions
 * open the reception. A list of thousands shows PAGE_ROWS at a time with
 * a button for the next ones, since a boxed list of thousands of rows
 * stalls the window.
 */
#define G_LOG_DOMAIN "liaison-dashboard-items"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dashboard-items.h"
#include "liaison-figure-card.h"
#include "liaison-suggestion-row.h"
#include "liaison-ui-a11y.h"

#define PAGE_ROWS 200

struct _LiaisonDashboardItems
{
  GtkWidget parent_instance;

  /* owned */
  GCancellable *cancellable;
  GPtrArray    *items;       /* LiaisonSuggestion or LiaisonReception */
  LiaisonFigure figure;
  gboolean      receptions;  /* what items holds */
  gboolean      headquarters;
  GDate         today;
  guint         shown;       /* rows in the list */

  /* borrowed: children */
  GtkLabel   *title_label;
  GtkLabel   *count_label;
  GtkLabel   *error_label;
  GtkSpinner *spinner;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonDashboardItems, liaison_dashboard_items, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Loading, in a thread */

typedef struct {
  char             *path;
  LiaisonPeriod     period;
  GDate             today;
  LiaisonFigure     figure;
  LiaisonBreakdown  breakdown;
  char             *key;
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->path);
  g_free (request->key);
  g_free (request);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const LoadRequest *request = task_data;
  g_autoptr(LiaisonStore) store = NULL;
  GPtrArray *items;
  GError *error = NULL;

  /* A connection of its own: the main thread's is not to be shared. */
  store = liaison_store_open (request->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  items = liaison_dashboard_list_items (store, &request->period, &request->today, request->figure,
                                        request->breakdown, request->key, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

/* Rows */

static GtkWidget *
make_reception_row (LiaisonDashboardItems  *self,
                    const LiaisonReception *reception)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *visitors = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *place = liaison_reception_place_text (reception);
  guint people = 0;

  for (guint i = 0; reception->visitors != NULL && i < reception->visitors->len; i++)
    people += MAX (((LiaisonVisitor *) g_ptr_array_index (reception->visitors, i))->party_size, 1);

  g_ptr_array_add (parts, reception->received_at);
  if (self->headquarters && reception->station_name != NULL && *reception->station_name != '\0')
    g_ptr_array_add (parts, reception->station_name);
  if (reception->category_name != NULL && *reception->category_name != '\0')
    g_ptr_array_add (parts, reception->category_name);
  /* A mobile desk's place and occasion, "渠沟镇太平村 · 集市" */
  if (place != NULL)
    g_ptr_array_add (parts, place);
  if (people > 0)
    {
      /* Translators: in a reception's row: how many people came */
      visitors = g_strdup_printf (ngettext ("%u visitor", "%u visitors", people), people);
      g_ptr_array_add (parts, visitors);
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (C_("row parts", " · "), (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reception->summary != NULL ? reception->summary : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-reception");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (reception->meta.id));
  liaison_ui_a11y_name_from_texts (row);
  return row;
}

static void show_more_cb (LiaisonDashboardItems *self);

static void
show_rows (LiaisonDashboardItems *self)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->list));
  guint end = MIN (self->shown + PAGE_ROWS, self->items->len);

  /* The "show more" row goes; the next page takes its place. */
  if (last != NULL && g_object_get_data (G_OBJECT (last), "more") != NULL)
    gtk_list_box_remove (self->list, last);
  for (guint i = self->shown; i < end; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      GtkWidget *row = self->receptions
        ? make_reception_row (self, item)
        : liaison_suggestion_row_new (item, LIAISON_N_LOOP_LISTS, self->headquarters, &self->today, NULL);

      gtk_list_box_append (self->list, row);
    }
  self->shown = end;

  if (self->shown < self->items->len)
    {
      guint left = self->items->len - self->shown;
      guint next = MIN (left, PAGE_ROWS);
      /* Translators: a button under a long list of a number's items */
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More (%u Left)", "Show %u More (%u Left)", next),
                                                next, left);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (show_more_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (row), "more", GINT_TO_POINTER (TRUE));
      gtk_list_box_append (self->list, row);
    }
}

static void
show_more_cb (LiaisonDashboardItems *self)
{
  show_rows (self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  LiaisonDashboardItems *self;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  /* Another number replaced it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LIAISON_DASHBOARD_ITEMS (source);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (items == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  self->items = items;
  count = liaison_figure_card_format_count (items->len);
  if (self->figure == LIAISON_FIGURE_VISITORS)
    {
      guint visitors = liaison_dashboard_items_count (self->figure, items);
      g_autofree char *people = liaison_figure_card_format_count (visitors);

      /* Translators: the visitors a dashboard's number counts, and the
       * receptions that held them: "52 人次，来自 20 次接待" */
      text = g_strdup_printf (ngettext ("%s visitor in %s receptions", "%s visitors in %s receptions", visitors),
                              people, count);
    }
  else if (self->receptions)
    /* Translators: how many receptions a dashboard's number holds */
    text = g_strdup_printf (ngettext ("%s reception", "%s receptions", items->len), count);
  else
    /* Translators: how many suggestions a dashboard's number holds */
    text = g_strdup_printf (ngettext ("%s suggestion", "%s suggestions", items->len), count);
  gtk_label_set_text (self->count_label, text);
  show_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), items->len > 0);
}

/**
 * liaison_dashboard_items_load:
 * @dashboard: the dashboard the number was read from: its period, its
 *   "today" and whether it is headquarters'
 * @key: (nullable): the breakdown row's key; %NULL with %LIAISON_BREAKDOWN_NONE
 * @key_label: (nullable): that row's label, for the title
 *
 * Lists the items of @figure in @dashboard's period, in the breakdown's
 * row @key, from a thread.
 */
void
liaison_dashboard_items_load (LiaisonDashboardItems  *self,
                              LiaisonStore           *store,
                              const LiaisonDashboard *dashboard,
                              LiaisonFigure           figure,
                              LiaisonBreakdown        breakdown,
                              const char             *key,
                              const char             *key_label)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  g_return_if_fail (LIAISON_IS_DASHBOARD_ITEMS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->cancellable = g_cancellable_new ();
  self->figure = figure;
  self->receptions = figure == LIAISON_FIGURE_RECEPTIONS || figure == LIAISON_FIGURE_VISITORS;
  self->headquarters = dashboard->headquarters;
  self->today = dashboard->today;
  self->shown = 0;

  g_ptr_array_add (parts, g_strdup (liaison_figure_label (figure)));
  if (key_label != NULL && *key_label != '\0')
    g_ptr_array_add (parts, g_strdup (key_label));
  g_ptr_array_add (parts, liaison_period_label (&dashboard->period));
  g_ptr_array_add (parts, NULL);
  title = g_strjoinv (C_("row parts", " · "), (char **) parts->pdata);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_text (self->count_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  clear_list (self->list);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  request->path = g_strdup (liaison_store_get_path (store));
  request->period = dashboard->period;
  request->today = dashboard->today;
  request->figure = figure;
  request->breakdown = breakdown;
  request->key = g_strdup (key);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_set_source_tag (task, liaison_dashboard_items_load);
  g_task_run_in_thread (task, load_thread);
}

GtkWidget *
liaison_dashboard_items_new (void)
{
  return g_object_new (LIAISON_TYPE_DASHBOARD_ITEMS, NULL);
}

/* GObject */

static void
back_clicked_cb (LiaisonDashboardItems *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
liaison_dashboard_items_dispose (GObject *object)
{
  LiaisonDashboardItems *self = LIAISON_DASHBOARD_ITEMS (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (liaison_dashboard_items_parent_class)->dispose (object);
}

static void
liaison_dashboard_items_class_init (LiaisonDashboardItemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_dashboard_items_dispose;

  signals[SIGNAL_BACK] = g_signal_new ("back",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboarditems");
}

static void
liaison_dashboard_items_init (LiaisonDashboardItems *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *back = gtk_button_new ();
  GtkWidget *back_content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  gtk_box_append (GTK_BOX (back_content), gtk_image_new_from_icon_name ("go-previous-symbolic"));
  /* Translators: goes back from a number's items to the dashboard */
  gtk_box_append (GTK_BOX (back_content), gtk_label_new (_("Dashboard")));
  gtk_button_set_child (GTK_BUTTON (back), back_content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the Dashboard"), -1);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_name (back, "items_back_button");
  gtk_box_append (GTK_BOX (header), back);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0.0f);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading"), -1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->spinner));
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0.0f);
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "items_count_label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->count_label), GTK_WIDGET (self));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->error_label), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "items_list");
  /* Named by the number's title once one is opened. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The Items Behind a Number"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}
