/* liaison-duty-archive.h: the one-click duty archive (履职档案): a
 * deputy's duty record as an A4 PDF, drawn with cairo and pango with the
 * Noto CJK font embedded (docs/duty-record.md, "The duty archive").
 */
#pragma once

#include <glib.h>

#include "liaison-duty-record.h"

G_BEGIN_DECLS

/* Writes @record to @path through a temporary file beside it, renamed over
 * @path only when complete: a failure leaves nothing. */
gboolean liaison_duty_archive_write (const LiaisonDutyRecord  *record,
                                     const char               *path,
                                     GError                  **error);

G_END_DECLS
