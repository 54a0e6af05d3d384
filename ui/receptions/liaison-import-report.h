/* liaison-import-report.h: the problems that stopped an import, one row
 * each (line, column, reason), to read, copy or save as CSV. */
#pragma once

#include <adwaita.h>

#include "liaison-import-problems.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_IMPORT_REPORT (liaison_import_report_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonImportReport, liaison_import_report, LIAISON, IMPORT_REPORT, AdwWindow)

/* @title: what failed ("The Ledger Could Not Be Imported"); @file: the
 * file imported, named in the summary and in the CSV's suggested name. */
LiaisonImportReport *liaison_import_report_new  (GtkWindow             *parent,
                                                 const char            *title,
                                                 GFile                 *file,
                                                 LiaisonImportProblems *problems);
/* What Save As… does once a file is chosen. */
gboolean             liaison_import_report_save (LiaisonImportReport   *self,
                                                 GFile                 *file,
                                                 GError               **error);

G_END_DECLS
