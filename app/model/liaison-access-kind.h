/* liaison-access-kind.h: the kinds of entry of the access log (访问日志,
 * docs/privacy.md), their wire codes and their names, for the desk's
 * store (app/store/liaison-store-access-log.h, which declares them with
 * the log) and liaison-hq's `audit` alike; and the UTC instant a local
 * day starts, which the log's times are read against. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LIAISON_ACCESS_EXPORT_CONTACTS,   /* an export (CSV/XLSX) with full contacts */
  LIAISON_ACCESS_PRINT_CONTACTS,    /* a print / PDF with full contacts */
  LIAISON_ACCESS_HQ_CONTACT_LOOK,   /* headquarters asked the server for one contact */
  LIAISON_ACCESS_PURGE,             /* a retention purge */
  LIAISON_N_ACCESS_KINDS
} LiaisonAccessKind;

const char *liaison_access_kind_to_code   (LiaisonAccessKind kind);  /* "export_contacts", ... */
gboolean    liaison_access_kind_from_code (const char *code, LiaisonAccessKind *kind);
const char *liaison_access_kind_label     (LiaisonAccessKind kind);  /* translated */

/* "YYYY-MM-DDTHH:MM:SSZ": the instant local midnight starts @days_after
 * days after @date (0: @date itself), so that the log's UTC times are
 * filtered by local days: at >= start of from, at < start of to + 1. */
char       *liaison_access_day_start_utc  (const GDate *date,
                                           int          days_after);

G_END_DECLS
