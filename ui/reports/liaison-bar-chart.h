/* liaison-bar-chart.h: a horizontal bar chart drawn with GtkSnapshot.
 *
 * One bar a row: its label, the bar, its value. Colours come from the
 * style (the text colour and the accent), so the chart reads in dark mode
 * as in light. To assistive technologies it is an image named by its
 * title and described by its numbers; the chart view beside it has the
 * same numbers as a table.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  char   *label;
  double  value;       /* the bar's length, against the largest */
  char   *value_text;  /* what is written after it */
} LiaisonChartBar;

LiaisonChartBar *liaison_chart_bar_new  (const char      *label,
                                         double           value,
                                         const char      *value_text);
void             liaison_chart_bar_free (LiaisonChartBar *bar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonChartBar, liaison_chart_bar_free)

#define LIAISON_TYPE_BAR_CHART (liaison_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonBarChart, liaison_bar_chart, LIAISON, BAR_CHART, GtkWidget)

GtkWidget  *liaison_bar_chart_new          (void);
void        liaison_bar_chart_set_title    (LiaisonBarChart *self,
                                            const char      *title);
void        liaison_bar_chart_set_bars     (LiaisonBarChart *self,
                                            GPtrArray       *bars);
guint       liaison_bar_chart_get_n_bars   (LiaisonBarChart *self);
char       *liaison_bar_chart_describe     (LiaisonBarChart *self);
int         liaison_bar_chart_bar_at       (LiaisonBarChart *self,
                                            double           y);

G_END_DECLS
