/* liaison-ledger.h: a station's ledger (台账) as CSV, in and out. */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_LEDGER_ERROR (liaison_ledger_error_quark ())
GQuark liaison_ledger_error_quark (void);

typedef enum {
  LIAISON_LEDGER_ERROR_ENCODING,  /* neither UTF-8 nor GB18030 */
  LIAISON_LEDGER_ERROR_HEADER,    /* a required column is missing */
  LIAISON_LEDGER_ERROR_ROWS,      /* one or more rows are bad; the message lists them by line */
  LIAISON_LEDGER_ERROR_IO,
} LiaisonLedgerError;

/* Reads a ledger in UTF-8, UTF-8 with BOM or GB18030, with Chinese or
 * English headers. All or nothing: on any bad row nothing is written and
 * @error lists every bad row as "line N: reason". */
gboolean liaison_ledger_import_receptions (LiaisonStore  *store,
                                           GFile         *file,
                                           guint         *n_imported,
                                           GError       **error);
/* The deputy roster: 姓名/name, 层级/level, 代表小组/group, 联络站/station,
 * 专业/specialty, 电话/phone. Same rules. */
gboolean liaison_ledger_import_deputies   (LiaisonStore  *store,
                                           GFile         *file,
                                           guint         *n_imported,
                                           GError       **error);
/* Writes receptions with received_at in [from_date, to_date] in the
 * import's columns, UTF-8 with BOM so that Excel and WPS read it. */
gboolean liaison_ledger_export_receptions (LiaisonStore  *store,
                                           const char    *from_date,
                                           const char    *to_date,
                                           GFile         *file,
                                           guint         *n_exported,
                                           GError       **error);

G_END_DECLS
