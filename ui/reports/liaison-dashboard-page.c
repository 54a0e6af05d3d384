/* liaison-dashboard-page.c: the dashboard (数据看板).
 *
 * A period (remembered in GSettings' dashboard-period, as the period's
 * code), its six figures as cards, and its breakdowns as charts with their
 * tables. liaison_dashboard_compute() runs in a thread on a connection of
 * its own, with a spinner; a store change computes again half a second
 * after the last one (a sync writes many tables at once), and not at all
 * while the page is not on screen. Every number opens its items in the
 * page's second view (LiaisonDashboardItems), for the dashboard's own
 * period and "today", so the list holds as many rows as the number says.
 */
#define G_LOG_DOMAIN "liaison-dashboard-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-chart-view.h"
#include "liaison-dashboard-items.h"
#include "liaison-dashboard-page.h"
#include "liaison-dashboard-page-private.h"
#include "liaison-figure-card.h"
#include "liaison-period-picker.h"
#include "liaison-store-watch.h"
#include "liaison-ui-util.h"

/* A store change waits this long for the next before computing again. */
#define RECOMPUTE_DELAY_MS 500

typedef struct {
  LiaisonBreakdown  breakdown;
  gboolean          receptions;  /* receptions and visitors, not suggestions */
  const char       *title;
} ChartInfo;

static const ChartInfo chart_infos[] = {
  { LIAISON_BREAKDOWN_CATEGORY, FALSE, N_("Suggestions by Category") },
  { LIAISON_BREAKDOWN_MONTH, FALSE, N_("Suggestions by Month") },
  { LIAISON_BREAKDOWN_CHANNEL, FALSE, N_("Suggestions by Channel") },
  { LIAISON_BREAKDOWN_STATION, FALSE, N_("Suggestions by Station") },
  { LIAISON_BREAKDOWN_STATION, TRUE, N_("Receptions and Visitors by Station") },
  { LIAISON_BREAKDOWN_MONTH, TRUE, N_("Receptions and Visitors by Month") },
};

#define N_CHARTS G_N_ELEMENTS (chart_infos)

/* The cards, in their order: a count is a figure, a rate a rate. */
typedef struct {
  gboolean is_rate;
  int      which;
} CardInfo;

static const CardInfo card_infos[] = {
  { FALSE, LIAISON_FIGURE_COLLECTED },
  { FALSE, LIAISON_FIGURE_RESOLVED },
  { TRUE, LIAISON_RATE_RESOLUTION },
  { TRUE, LIAISON_RATE_SATISFACTION },
  { TRUE, LIAISON_RATE_IN_TIME },
  { FALSE, LIAISON_FIGURE_OVERDUE },
};

#define N_CARDS G_N_ELEMENTS (card_infos)

struct _LiaisonDashboardPage
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore     *store;
  GSettings        *settings;
  GCancellable     *cancellable;  /* the computation under way */
  LiaisonDashboard *dashboard;    /* the last one computed */
  guint             recompute_id;
  gboolean          stale;        /* the store changed while the page was not shown */
  GWeakRef          return_focus; /* what had the focus when a number's items opened */

  /* borrowed */
  LiaisonFigureCard *cards[N_CARDS];
  LiaisonChartView  *charts[N_CHARTS];

  /* template children */
  GtkStack              *stack;
  LiaisonPeriodPicker   *period_picker;
  GtkSpinner            *spinner;
  GtkMenuButton         *export_button;
  GtkLabel              *error_label;
  GtkFlowBox            *figures_box;
  GtkBox                *charts_box;
  LiaisonDashboardItems *items;
};

G_DEFINE_FINAL_TYPE (LiaisonDashboardPage, liaison_dashboard_page, ADW_TYPE_BIN)

/* Computing, in a thread */

typedef struct {
  char          *path;
  LiaisonPeriod  period;
} ComputeRequest;

static void
compute_request_free (ComputeRequest *request)
{
  g_free (request->path);
  g_free (request);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const ComputeRequest *request = task_data;
  g_autoptr(LiaisonStore) store = NULL;
  LiaisonDashboard *dashboard;
  GError *error = NULL;

  /* A connection of its own: the main thread's is not to be shared. */
  store = liaison_store_open (request->path, &error);
  if (store == NULL || (dashboard = liaison_dashboard_compute (store, &request->period, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, dashboard, (GDestroyNotify) liaison_dashboard_free);
}

/* Showing it */

static void
show_cards (LiaisonDashboardPage *self)
{
  for (guint i = 0; i < N_CARDS; i++)
    liaison_figure_card_set_figures (self->cards[i], self->dashboard != NULL ? &self->dashboard->total->figures : NULL);
}

static const char *
key_header (LiaisonBreakdown breakdown)
{
  switch (breakdown)
    {
    case LIAISON_BREAKDOWN_CATEGORY:
      /* Translators: a breakdown table's first column */
      return C_("breakdown", "Category");
    case LIAISON_BREAKDOWN_MONTH:
      return C_("breakdown", "Month");
    case LIAISON_BREAKDOWN_CHANNEL:
      return C_("breakdown", "Channel");
    case LIAISON_BREAKDOWN_STATION:
      return C_("breakdown", "Station");
    case LIAISON_BREAKDOWN_NONE:
    case LIAISON_N_BREAKDOWNS:
    default:
      return "";
    }
}

static void
add_count (LiaisonChartTable *table,
           guint              column,
           guint              n)
{
  g_autofree char *text = liaison_figure_card_format_count (n);

  liaison_chart_table_set_cell (table, column, n, text);
}

static void
add_rate (LiaisonChartTable *table,
          guint              column,
          guint              numerator,
          guint              denominator)
{
  g_autofree char *text = liaison_figures_format_rate (numerator, denominator);

  liaison_chart_table_set_cell (table, column, denominator > 0 ? (double) numerator / denominator : 0.0, text);
}

/* A breakdown's rows as the chart's table: suggestions' figures, or
 * receptions and visitors. */
static LiaisonChartTable *
make_table (const ChartInfo *info,
            GPtrArray       *rows)
{
  LiaisonChartTable *table = liaison_chart_table_new (key_header (info->breakdown), 0);

  if (info->receptions)
    {
      liaison_chart_table_add_column (table, liaison_figure_label (LIAISON_FIGURE_RECEPTIONS), LIAISON_FIGURE_RECEPTIONS);
      liaison_chart_table_add_column (table, liaison_figure_label (LIAISON_FIGURE_VISITORS), LIAISON_FIGURE_VISITORS);
    }
  else
    {
      liaison_chart_table_add_column (table, liaison_figure_label (LIAISON_FIGURE_COLLECTED), LIAISON_FIGURE_COLLECTED);
      liaison_chart_table_add_column (table, liaison_figure_label (LIAISON_FIGURE_RESOLVED), LIAISON_FIGURE_RESOLVED);
      liaison_chart_table_add_column (table, liaison_rate_label (LIAISON_RATE_RESOLUTION), -1);
      liaison_chart_table_add_column (table, liaison_rate_label (LIAISON_RATE_SATISFACTION), -1);
      liaison_chart_table_add_column (table, liaison_figure_label (LIAISON_FIGURE_OVERDUE), LIAISON_FIGURE_OVERDUE);
    }
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const LiaisonDashboardRow *row = g_ptr_array_index (rows, i);
      const LiaisonFigures *figures = &row->figures;

      liaison_chart_table_add_row (table, row->key, row->label);
      if (info->receptions)
        {
          add_count (table, 0, row->receptions);
          add_count (table, 1, row->visitors);
          continue;
        }
      add_count (table, 0, figures->collected);
      add_count (table, 1, figures->resolved);
      add_rate (table, 2, figures->resolved, figures->collected - MIN (figures->withdrawn, figures->collected));
      add_rate (table, 3, figures->satisfied + figures->basically_satisfied, figures->rated);
      add_count (table, 4, figures->overdue);
    }
  return table;
}

static void
show_charts (LiaisonDashboardPage *self)
{
  for (guint i = 0; i < N_CHARTS; i++)
    {
      GPtrArray *rows = self->dashboard != NULL
        ? liaison_dashboard_get_breakdown (self->dashboard, chart_infos[i].breakdown)
        : NULL;

      /* A station's desk has no breakdown by station. */
      gtk_widget_set_visible (GTK_WIDGET (self->charts[i]), rows != NULL);
      liaison_chart_view_set_table (self->charts[i], make_table (&chart_infos[i], rows));
    }
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  LiaisonDashboardPage *self;
  g_autoptr(GError) error = NULL;
  LiaisonDashboard *dashboard = g_task_propagate_pointer (G_TASK (res), &error);

  /* A newer computation replaced it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LIAISON_DASHBOARD_PAGE (source);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (dashboard == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_clear_pointer (&self->dashboard, liaison_dashboard_free);
  self->dashboard = dashboard;
  show_cards (self);
  show_charts (self);
  liaison_dashboard_page_update_export (self);
}

static void
compute (LiaisonDashboardPage *self)
{
  ComputeRequest *request;
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  self->stale = FALSE;
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  request = g_new0 (ComputeRequest, 1);
  request->path = g_strdup (liaison_store_get_path (self->store));
  liaison_period_picker_get_period (self->period_picker, &request->period);
  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_task_data (task, request, (GDestroyNotify) compute_request_free);
  g_task_set_source_tag (task, compute);
  g_task_run_in_thread (task, compute_thread);
}

static gboolean
recompute_cb (gpointer user_data)
{
  LiaisonDashboardPage *self = user_data;

  self->recompute_id = 0;
  compute (self);
  return G_SOURCE_REMOVE;
}

static void
queue_compute (LiaisonDashboardPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  self->recompute_id = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_cb, self);
}

static void
store_changed_cb (LiaisonDashboardPage *self,
                  const char           *table)
{
  static const char * const tables[] = {
    "suggestions", "suggestion_events", "receptions", "reception_visitors",
    "stations", "categories", "settings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i]) == 0)
      {
        queue_compute (self);
        return;
      }
}

/* The period */

static void
period_changed_cb (LiaisonDashboardPage *self)
{
  LiaisonPeriod period;
  g_autofree char *code = NULL;

  liaison_period_picker_get_period (self->period_picker, &period);
  code = liaison_period_to_code (&period);
  g_settings_set_string (self->settings, "dashboard-period", code);
  compute (self);
}

static void
restore_period (LiaisonDashboardPage *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "dashboard-period");
  LiaisonPeriod period;

  /* None yet, or one this version cannot read: the picker's own, this month. */
  if (code == NULL || *code == '\0' || !liaison_period_parse (code, &period, NULL))
    return;
  liaison_period_picker_set_period (self->period_picker, &period);
}

/* A number's items */

static const char *
find_label (LiaisonDashboard *dashboard,
            LiaisonBreakdown  breakdown,
            const char       *key)
{
  GPtrArray *rows = liaison_dashboard_get_breakdown (dashboard, breakdown);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const LiaisonDashboardRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row->label;
    }
  return NULL;
}

static void
open_items (LiaisonDashboardPage *self,
            LiaisonFigure         figure,
            LiaisonBreakdown      breakdown,
            const char           *key)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dashboard == NULL || figure < 0 || figure >= LIAISON_N_FIGURES)
    return;
  g_weak_ref_set (&self->return_focus, root != NULL ? gtk_root_get_focus (root) : NULL);
  liaison_dashboard_items_load (self->items, self->store, self->dashboard, figure, breakdown, key,
                                breakdown != LIAISON_BREAKDOWN_NONE ? find_label (self->dashboard, breakdown, key) : NULL);
  gtk_stack_set_visible_child_name (self->stack, "items");
  gtk_widget_grab_focus (GTK_WIDGET (self->items));
}

static void
card_open_cb (LiaisonFigureCard    *card,
              int                   figure,
              LiaisonDashboardPage *self)
{
  open_items (self, figure, LIAISON_BREAKDOWN_NONE, NULL);
}

static void
chart_activated_cb (LiaisonChartView     *chart,
                    const char           *key,
                    int                   figure,
                    LiaisonDashboardPage *self)
{
  const ChartInfo *info = g_object_get_data (G_OBJECT (chart), "info");

  open_items (self, figure, info->breakdown, key);
}

static void
items_back_cb (LiaisonDashboardPage *self)
{
  g_autoptr(GtkWidget) focus = g_weak_ref_get (&self->return_focus);

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

/* For the export (liaison-dashboard-export.c) */

LiaisonDashboard *
liaison_dashboard_page_get_dashboard (LiaisonDashboardPage *self)
{
  return self->dashboard;
}

GtkWidget *
liaison_dashboard_page_get_export_button (LiaisonDashboardPage *self)
{
  return GTK_WIDGET (self->export_button);
}

/* GObject */

/**
 * liaison_dashboard_page_set_store:
 *
 * Shows @store's figures, and follows its changes.
 */
void
liaison_dashboard_page_set_store (LiaisonDashboardPage *self,
                                  LiaisonStore         *store)
{
  g_return_if_fail (LIAISON_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (LIAISON_IS_STORE (store));

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
  else
    self->stale = TRUE;
}

/* Brought into view: catch up. */
static void
liaison_dashboard_page_map (GtkWidget *widget)
{
  LiaisonDashboardPage *self = LIAISON_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (liaison_dashboard_page_parent_class)->map (widget);
  if (self->stale)
    compute (self);
}

static void
liaison_dashboard_page_dispose (GObject *object)
{
  LiaisonDashboardPage *self = LIAISON_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->dashboard, liaison_dashboard_free);
  g_weak_ref_set (&self->return_focus, NULL);
  liaison_ui_dispose_bin_template (ADW_BIN (self), LIAISON_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (liaison_dashboard_page_parent_class)->dispose (object);
}

static void
liaison_dashboard_page_finalize (GObject *object)
{
  LiaisonDashboardPage *self = LIAISON_DASHBOARD_PAGE (object);

  g_weak_ref_clear (&self->return_focus);
  G_OBJECT_CLASS (liaison_dashboard_page_parent_class)->finalize (object);
}

static void
liaison_dashboard_page_class_init (LiaisonDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_dashboard_page_dispose;
  object_class->finalize = liaison_dashboard_page_finalize;
  widget_class->map = liaison_dashboard_page_map;

  g_type_ensure (LIAISON_TYPE_PERIOD_PICKER);
  g_type_ensure (LIAISON_TYPE_DASHBOARD_ITEMS);

  /* A named group, so that a screen reader (and the test) can go to it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDashboardPage, items);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, items_back_cb);

  liaison_dashboard_page_class_add_export (widget_class);

}

static void
liaison_dashboard_page_init (LiaisonDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->return_focus, NULL);
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dashboard"), -1);

  for (guint i = 0; i < N_CARDS; i++)
    {
      GtkWidget *card = card_infos[i].is_rate ? liaison_figure_card_new_rate (card_infos[i].which)
                                              : liaison_figure_card_new_count (card_infos[i].which);

      g_signal_connect_object (card, "open", G_CALLBACK (card_open_cb), self, 0);
      gtk_flow_box_append (self->figures_box, card);
      /* The card's buttons take the focus, not the flow box's child,
       * which is named as its card for a screen reader's table. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      card_infos[i].is_rate ? liaison_rate_label (card_infos[i].which)
                                                            : liaison_figure_label (card_infos[i].which),
                                      -1);
      self->cards[i] = LIAISON_FIGURE_CARD (card);
    }
  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *chart = liaison_chart_view_new (_(chart_infos[i].title));

      g_object_set_data (G_OBJECT (chart), "info", (gpointer) &chart_infos[i]);
      g_signal_connect_object (chart, "activated", G_CALLBACK (chart_activated_cb), self, 0);
      gtk_box_append (self->charts_box, chart);
      self->charts[i] = LIAISON_CHART_VIEW (chart);
    }
  restore_period (self);
  liaison_dashboard_page_update_export (self);
}
