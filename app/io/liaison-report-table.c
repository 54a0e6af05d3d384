/* liaison-report-table.c: the columns of the dashboard's tables, as the
 * workbook and the PDF both show them. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-report-private.h"

typedef struct {
  gboolean rate;
  int      which;  /* a LiaisonFigure or a LiaisonRate */
} Column;

static const Column columns[LIAISON_REPORT_N_COLUMNS] = {
  { FALSE, LIAISON_FIGURE_COLLECTED },
  { FALSE, LIAISON_FIGURE_WITHDRAWN },
  { FALSE, LIAISON_FIGURE_RESOLVED },
  { TRUE, LIAISON_RATE_RESOLUTION },
  { FALSE, LIAISON_FIGURE_RATED },
  { FALSE, LIAISON_FIGURE_SATISFIED },
  { TRUE, LIAISON_RATE_SATISFACTION },
  { FALSE, LIAISON_FIGURE_REPLIED },
  { FALSE, LIAISON_FIGURE_REPLIED_IN_TIME },
  { TRUE, LIAISON_RATE_IN_TIME },
  { FALSE, LIAISON_FIGURE_OVERDUE },
  { FALSE, LIAISON_FIGURE_RECEPTIONS },
  { FALSE, LIAISON_FIGURE_VISITORS },
};

const char *
liaison_report_column_label (guint column)
{
  g_return_val_if_fail (column < LIAISON_REPORT_N_COLUMNS, "");
  return columns[column].rate ? liaison_rate_label (columns[column].which)
                              : liaison_figure_label (columns[column].which);
}

gboolean
liaison_report_column_is_rate (guint column)
{
  g_return_val_if_fail (column < LIAISON_REPORT_N_COLUMNS, FALSE);
  return columns[column].rate;
}

gboolean
liaison_report_column_value (guint                      column,
                             const LiaisonDashboardRow *row,
                             double                    *value)
{
  guint numerator, denominator;

  g_return_val_if_fail (column < LIAISON_REPORT_N_COLUMNS, FALSE);

  if (!columns[column].rate)
    {
      *value = liaison_dashboard_row_count (row, columns[column].which);
      return TRUE;
    }
  *value = 0;
  if (!liaison_rate_parts (columns[column].which, &row->figures, &numerator, &denominator))
    return FALSE;
  *value = (double) numerator / denominator;
  return TRUE;
}

char *
liaison_report_column_text (guint                      column,
                            const LiaisonDashboardRow *row)
{
  g_return_val_if_fail (column < LIAISON_REPORT_N_COLUMNS, g_strdup (""));

  if (columns[column].rate)
    return liaison_rate_format (columns[column].which, &row->figures);
  return g_strdup_printf ("%u", liaison_dashboard_row_count (row, columns[column].which));
}

const char *
liaison_report_key_header (LiaisonBreakdown breakdown)
{
  switch (breakdown)
    {
    case LIAISON_BREAKDOWN_CATEGORY:
      return _("Category");
    case LIAISON_BREAKDOWN_MONTH:
      return _("Month");
    case LIAISON_BREAKDOWN_CHANNEL:
      return _("Channel");
    case LIAISON_BREAKDOWN_STATION:
      return _("Station");
    case LIAISON_BREAKDOWN_NONE:
    case LIAISON_N_BREAKDOWNS:
    default:
      return "";
    }
}

char *
liaison_report_title (LiaisonDashboard *dashboard)
{
  g_autofree char *period = liaison_period_label (&dashboard->period);

  /* Translators: %s is a period, such as "2025 Q1" */
  return g_strdup_printf (_("Figures for %s"), period);
}

char *
liaison_report_scope (LiaisonDashboard *dashboard)
{
  g_autofree char *today = liaison_date_to_iso (&dashboard->today);

  return g_strdup_printf (dashboard->headquarters
                            /* Translators: %s is a date, such as 2025-10-20 */
                            ? _("As they stand on %s; the whole city.")
                            : _("As they stand on %s; this station’s own."),
                          today);
}
