/* liaison-chart-view.h: a chart and the same numbers as a table.
 *
 * A title, a "Chart / Table" switch that the keyboard reaches, and either
 * the bar chart of one column or the table of all of them. A click on a
 * bar, a table row or a number in it emits "activated" with the row's key
 * and the column's id: the caller opens what the number counts.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the view shows: rows of a key, a label and a cell per column. */
typedef struct _LiaisonChartTable LiaisonChartTable;

LiaisonChartTable *liaison_chart_table_new      (const char        *key_header,
                                                 guint              chart_column);
void               liaison_chart_table_free     (LiaisonChartTable *table);
void               liaison_chart_table_add_column (LiaisonChartTable *table,
                                                   const char        *name,
                                                   int                id);
void               liaison_chart_table_add_row  (LiaisonChartTable *table,
                                                 const char        *key,
                                                 const char        *label);
void               liaison_chart_table_set_cell (LiaisonChartTable *table,
                                                 guint              column,
                                                 double             value,
                                                 const char        *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonChartTable, liaison_chart_table_free)

#define LIAISON_TYPE_CHART_VIEW (liaison_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonChartView, liaison_chart_view, LIAISON, CHART_VIEW, GtkWidget)

GtkWidget *liaison_chart_view_new         (const char        *title);
void       liaison_chart_view_set_table   (LiaisonChartView  *self,
                                           LiaisonChartTable *table);
void       liaison_chart_view_show_table  (LiaisonChartView  *self,
                                           gboolean           table);
GtkWidget *liaison_chart_view_get_chart   (LiaisonChartView  *self);

G_END_DECLS
