/* liaison-print-operation.h: a document of app/print or the ledger's
 * (a LiaisonPdf) through GtkPrintOperation: the system's print dialog,
 * its preview, and its Print to File, which writes the PDF. */
#pragma once

#include <gtk/gtk.h>

#include "liaison-pdf.h"

G_BEGIN_DECLS

/* A print operation of @pdf (taken), named @job_name: begin-print sets
 * its pages, draw-page draws each (liaison_pdf_draw_page()) on A4,
 * upright or on its side (@landscape), in points from the paper's
 * corner. The caller may set export-filename and run it with
 * GTK_PRINT_OPERATION_ACTION_EXPORT to write the PDF. */
GtkPrintOperation *liaison_print_operation_new (LiaisonPdf  *pdf,
                                                const char  *job_name,
                                                gboolean     landscape);

/* Runs a print operation of @pdf (taken) over @parent with the print
 * dialog (preview and Print to File included); says on @parent's
 * win.show-error action why it could not print. */
void               liaison_print_run           (GtkWidget   *parent,
                                                LiaisonPdf  *pdf,
                                                const char  *job_name,
                                                gboolean     landscape);

G_END_DECLS
