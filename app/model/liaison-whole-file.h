/* liaison-whole-file.h: writing a file whole or not at all: the writer
 * fills a temporary file beside the target, which is renamed over it only
 * when the writer succeeds, so that a failure leaves neither a partial
 * file nor a changed old one. The reports (CSV, XLSX, PDF) and the duty
 * archive write this way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fills @temporary, a closed empty file beside the target. */
typedef gboolean (*LiaisonWholeFileWriter) (const char  *temporary,
                                            gpointer     user_data,
                                            GError     **error);

/* Calls @write on a temporary file beside @path, then renames it over
 * @path, readable by all as a shared report is. On failure the temporary
 * file is removed, @path is untouched, and @error (G_FILE_ERROR) says
 * "Could not write “PATH”: why", translated. */
gboolean liaison_write_whole_file (const char              *path,
                                   LiaisonWholeFileWriter   write,
                                   gpointer                 user_data,
                                   GError                 **error);

G_END_DECLS
