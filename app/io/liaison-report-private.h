/* liaison-report-private.h: what the dashboard's workbook and PDF share
 * (liaison-report-table.c): their title, and the columns of a breakdown's
 * table, counts and rates alike. */
#pragma once

#include "liaison-report-files.h"

G_BEGIN_DECLS

/* Collected, withdrawn, resolved, resolution rate, rated, satisfied,
 * satisfaction rate, replied, replied in time, answered in time, overdue
 * now, receptions, visitors. */
#define LIAISON_REPORT_N_COLUMNS 13

const char *liaison_report_column_label (guint                      column);
gboolean    liaison_report_column_is_rate (guint                    column);
/* A count, or a rate as a fraction; FALSE for a rate with no value. */
gboolean    liaison_report_column_value (guint                      column,
                                         const LiaisonDashboardRow *row,
                                         double                    *value);
/* As shown: "1,234" is "1234"; a rate "87.9%" or "—". */
char       *liaison_report_column_text  (guint                      column,
                                         const LiaisonDashboardRow *row);
/* What a breakdown's first column holds: "Category", "Month", ... */
const char *liaison_report_key_header   (LiaisonBreakdown           breakdown);
/* "Figures for 2025 Q1" in the user's language. */
char       *liaison_report_title        (LiaisonDashboard          *dashboard);
/* "As on 2025-10-20; the whole city" or "...; this station only". */
char       *liaison_report_scope        (LiaisonDashboard          *dashboard);

G_END_DECLS
