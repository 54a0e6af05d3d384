/* liaison-report-files.h: the dashboard (app/report) as a file: an XLSX
 * workbook of its figures with their definitions and every breakdown, or
 * an A4 PDF report with tables and bar charts. For `liaison report` and
 * the dashboard page's export. Both write the file whole or not at all
 * (liaison-whole-file.h), in the user's language. */
#pragma once

#include <glib.h>

#include "liaison-dashboard.h"

G_BEGIN_DECLS

/* Sheets: the figures with their definitions; by category, by month, by
 * channel, by station (headquarters only); receptions and visitors by
 * station and month. A bold, frozen header row on each; numbers as
 * numbers, rates as numbers shown as percentages. */
gboolean liaison_report_write_xlsx (LiaisonDashboard  *dashboard,
                                    const char        *path,
                                    GError           **error);
/* The figures and their definitions, then each breakdown as a table and a
 * bar chart of what it collected (receptions by station). */
gboolean liaison_report_write_pdf  (LiaisonDashboard  *dashboard,
                                    const char        *path,
                                    GError           **error);

G_END_DECLS
