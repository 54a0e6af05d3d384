/* liaison-chart-view.c: a chart and the same numbers as a table.
 *
 * The table is a boxed list: a header row, then a row per key whose
 * accessible name reads the whole line ("教育: 收集 12, 办结 10"), with
 * a button per number that opens what it counts. Its widgets are built
 * again whenever the table changes; a breakdown has tens of rows, not
 * thousands.
 */
#define G_LOG_DOMAIN "liaison-chart-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-bar-chart.h"
#include "liaison-chart-view.h"

#define MAX_COLUMNS 8

typedef struct {
  char   *key;
  char   *label;
  double  values[MAX_COLUMNS];
  char   *texts[MAX_COLUMNS];
} TableRow;

struct _LiaisonChartTable
{
  char      *key_header;
  guint      chart_column;
  guint      n_columns;
  char      *names[MAX_COLUMNS];
  int        ids[MAX_COLUMNS];
  GPtrArray *rows;  /* (element-type TableRow) */
};

static void
table_row_free (TableRow *row)
{
  g_free (row->key);
  g_free (row->label);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (row->texts[i]);
  g_free (row);
}

/**
 * liaison_chart_table_new:
 * @key_header: the first column's header: what the rows are ("Category")
 * @chart_column: the column the bars draw
 */
LiaisonChartTable *
liaison_chart_table_new (const char *key_header,
                         guint       chart_column)
{
  LiaisonChartTable *table = g_new0 (LiaisonChartTable, 1);

  table->key_header = g_strdup (key_header);
  table->chart_column = chart_column;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  return table;
}

void
liaison_chart_table_free (LiaisonChartTable *table)
{
  if (table == NULL)
    return;
  g_free (table->key_header);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (table->names[i]);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/**
 * liaison_chart_table_add_column:
 * @id: what "activated" says for a click on this column's numbers; a
 *   negative id is a column whose numbers open nothing (a rate)
 */
void
liaison_chart_table_add_column (LiaisonChartTable *table,
                                const char        *name,
                                int                id)
{
  g_return_if_fail (table->n_columns < MAX_COLUMNS);

  table->names[table->n_columns] = g_strdup (name);
  table->ids[table->n_columns] = id;
  table->n_columns++;
}

void
liaison_chart_table_add_row (LiaisonChartTable *table,
                             const char        *key,
                             const char        *label)
{
  TableRow *row = g_new0 (TableRow, 1);

  row->key = g_strdup (key != NULL ? key : "");
  row->label = g_strdup (label != NULL ? label : "");
  g_ptr_array_add (table->rows, row);
}

/* The cell of @column on the last row added. */
void
liaison_chart_table_set_cell (LiaisonChartTable *table,
                              guint              column,
                              double             value,
                              const char        *text)
{
  TableRow *row;

  g_return_if_fail (table->rows->len > 0);
  g_return_if_fail (column < table->n_columns);

  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  row->values[column] = value;
  g_free (row->texts[column]);
  row->texts[column] = g_strdup (text);
}

/* The widget */

struct _LiaisonChartView
{
  GtkWidget parent_instance;

  /* owned */
  char              *title;
  LiaisonChartTable *table;
  gboolean           table_stale;  /* the list does not show the table yet */

  /* borrowed: children */
  GtkWidget       *header;
  GtkLabel        *title_label;
  GtkToggleButton *chart_toggle;
  GtkToggleButton *table_toggle;
  GtkStack        *stack;
  LiaisonBarChart *chart;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (LiaisonChartView, liaison_chart_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_activated (LiaisonChartView *self,
                guint             row_index,
                guint             column)
{
  TableRow *row;

  if (self->table == NULL || row_index >= self->table->rows->len || column >= self->table->n_columns ||
      self->table->ids[column] < 0)
    return;
  row = g_ptr_array_index (self->table->rows, row_index);
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, row->key, self->table->ids[column]);
}

static void
bar_activated_cb (LiaisonChartView *self,
                  guint             index)
{
  emit_activated (self, index, self->table != NULL ? self->table->chart_column : 0);
}

static void
row_activated_cb (LiaisonChartView *self,
                  GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row) - 1;  /* after the header */

  if (index >= 0)
    emit_activated (self, index, self->table->chart_column);
}

static void
cell_clicked_cb (GtkButton        *button,
                 LiaisonChartView *self)
{
  emit_activated (self,
                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row")),
                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column")));
}

static void fill_table (LiaisonChartView *self);

/* The table's rows are built when it is shown: a page of charts would
 * otherwise carry hundreds of hidden rows and buttons. */
static void
toggled_cb (LiaisonChartView *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_toggle);

  if (table && self->table_stale)
    fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
}

/* Table */

static GtkWidget *
make_cell_label (const char   *text,
                 gboolean      first,
                 GtkSizeGroup *group)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), first ? 0.0f : 1.0f);
  gtk_label_set_wrap (GTK_LABEL (label), first);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, first);
  if (!first)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), 7);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (group != NULL)
    gtk_size_group_add_widget (group, label);
  return label;
}

static GtkWidget *
make_row_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_header_row (LiaisonChartView *self,
                GtkSizeGroup    **groups)
{
  LiaisonChartTable *table = self->table;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = make_row_box ();
  g_autoptr(GString) name = g_string_new (table->key_header);

  gtk_box_append (GTK_BOX (box), make_cell_label (table->key_header, TRUE, NULL));
  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkWidget *label = make_cell_label (table->names[c], FALSE, groups[c]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_box_append (GTK_BOX (box), label);
      /* Translators: between the headers of a table, as a screen reader says them */
      g_string_append (name, C_("table cells", ", "));
      g_string_append (name, table->names[c]);
    }
  gtk_widget_add_css_class (box, "heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  gtk_list_box_append (self->list, row);
}

static void
add_data_row (LiaisonChartView *self,
              guint             index,
              GtkSizeGroup    **groups)
{
  LiaisonChartTable *table = self->table;
  TableRow *data = g_ptr_array_index (table->rows, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = make_row_box ();
  /* Translators: a table row as a screen reader says it: its label, then its cells */
  g_autoptr(GString) name = g_string_new (NULL);

  g_string_printf (name, C_("table cells", "%s:"), data->label);
  gtk_box_append (GTK_BOX (box), make_cell_label (data->label, TRUE, NULL));
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *text = data->texts[c] != NULL ? data->texts[c] : "";
      /* Translators: a cell, as a screen reader says it: its column and value, "收集 12" */
      g_autofree char *cell = g_strdup_printf (C_("table cells", "%s %s"), table->names[c], text);

      if (table->ids[c] >= 0)
        {
          GtkWidget *button = gtk_button_new ();
          /* Translators: a number in a table that opens what it counts: "教育 收集 12" */
          g_autofree char *label = g_strdup_printf (C_("table cells", "%s %s"), data->label, cell);

          gtk_button_set_child (GTK_BUTTON (button), make_cell_label (text, FALSE, NULL));
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "figure-link");
          gtk_size_group_add_widget (groups[c], button);
          g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (index));
          g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (c));
          g_signal_connect_object (button, "clicked", G_CALLBACK (cell_clicked_cb), self, 0);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_box_append (GTK_BOX (box), button);
        }
      else
        gtk_box_append (GTK_BOX (box), make_cell_label (text, FALSE, groups[c]));
      g_string_append (name, c == 0 ? " " : C_("table cells", ", "));
      g_string_append (name, cell);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), table->ids[table->chart_column] >= 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  gtk_list_box_append (self->list, row);
}

static void
fill_table (LiaisonChartView *self)
{
  GtkSizeGroup *groups[MAX_COLUMNS] = { NULL };

  self->table_stale = FALSE;
  clear_list (self->list);
  if (self->table == NULL)
    return;
  for (guint c = 0; c < self->table->n_columns; c++)
    groups[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  add_header_row (self, groups);
  for (guint i = 0; i < self->table->rows->len; i++)
    add_data_row (self, i, groups);
  for (guint c = 0; c < self->table->n_columns; c++)
    g_object_unref (groups[c]);
}

static void
fill_chart (LiaisonChartView *self)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_chart_bar_free);
  guint c = self->table != NULL ? self->table->chart_column : 0;
  g_autofree char *title = NULL;

  for (guint i = 0; self->table != NULL && i < self->table->rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (self->table->rows, i);

      g_ptr_array_add (bars, liaison_chart_bar_new (row->label, row->values[c], row->texts[c]));
    }
  if (self->table != NULL && c < self->table->n_columns)
    /* Translators: a chart's accessible name: the chart's title and what its bars measure */
    title = g_strdup_printf (C_("chart name", "%s: %s"), self->title, self->table->names[c]);
  liaison_bar_chart_set_title (self->chart, title != NULL ? title : self->title);
  liaison_bar_chart_set_bars (self->chart, bars);
}

/* Public */

GtkWidget *
liaison_chart_view_new (const char *title)
{
  LiaisonChartView *self = g_object_new (LIAISON_TYPE_CHART_VIEW, NULL);
  /* Translators: the accessible name of the button that shows a chart; %s is its title */
  g_autofree char *chart_name = g_strdup_printf (_("%s as a Chart"), title);
  /* Translators: the accessible name of the button that shows a chart's numbers as a table */
  g_autofree char *table_name = g_strdup_printf (_("%s as a Table"), title);
  /* Translators: the accessible name of a chart's table view */
  g_autofree char *list_name = g_strdup_printf (_("%s: Table"), title);

  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, chart_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, table_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, list_name, -1);
  fill_chart (self);
  return GTK_WIDGET (self);
}

/**
 * liaison_chart_view_set_table:
 * @table: (transfer full): the numbers
 */
void
liaison_chart_view_set_table (LiaisonChartView  *self,
                              LiaisonChartTable *table)
{
  g_return_if_fail (LIAISON_IS_CHART_VIEW (self));

  g_clear_pointer (&self->table, liaison_chart_table_free);
  self->table = table;
  fill_chart (self);
  if (gtk_toggle_button_get_active (self->table_toggle))
    fill_table (self);
  else
    {
      clear_list (self->list);
      self->table_stale = TRUE;
    }
}

void
liaison_chart_view_show_table (LiaisonChartView *self,
                               gboolean          table)
{
  g_return_if_fail (LIAISON_IS_CHART_VIEW (self));

  gtk_toggle_button_set_active (table ? self->table_toggle : self->chart_toggle, TRUE);
}

GtkWidget *
liaison_chart_view_get_chart (LiaisonChartView *self)
{
  g_return_val_if_fail (LIAISON_IS_CHART_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* GObject */

static void
liaison_chart_view_dispose (GObject *object)
{
  LiaisonChartView *self = LIAISON_CHART_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (liaison_chart_view_parent_class)->dispose (object);
}

static void
liaison_chart_view_finalize (GObject *object)
{
  LiaisonChartView *self = LIAISON_CHART_VIEW (object);

  g_free (self->title);
  g_clear_pointer (&self->table, liaison_chart_table_free);

  G_OBJECT_CLASS (liaison_chart_view_parent_class)->finalize (object);
}

static void
liaison_chart_view_class_init (LiaisonChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_chart_view_dispose;
  object_class->finalize = liaison_chart_view_finalize;

  /**
   * LiaisonChartView::activated:
   * @key: the row's key
   * @id: the column's id
   *
   * A bar, a row or a number was clicked: open what it counts.
   */
  signals[SIGNAL_ACTIVATED] = g_signal_new ("activated",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
liaison_chart_view_init (LiaisonChartView *self)
{
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0.0f);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->title_label));

  /* Translators: shows a breakdown as a bar chart */
  self->chart_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("chart view", "Chart")));
  /* Translators: shows a breakdown's numbers as a table */
  self->table_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (C_("chart view", "Table")));
  gtk_toggle_button_set_group (self->table_toggle, self->chart_toggle);
  gtk_toggle_button_set_active (self->chart_toggle, TRUE);
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->chart_toggle));
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->table_toggle));
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_valign (switcher, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), switcher);
  g_signal_connect_object (self->table_toggle, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  self->chart = LIAISON_BAR_CHART (liaison_bar_chart_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->chart), "card");
  g_signal_connect_object (self->chart, "bar-activated", G_CALLBACK (bar_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->chart), "chart");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "table");
  gtk_stack_set_visible_child_name (self->stack, "chart");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}
