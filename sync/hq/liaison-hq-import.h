/* liaison-hq-import.h: headquarters' reference data from CSV files. */
#pragma once

#include <gio/gio.h>

#include "liaison-hq-store.h"

G_BEGIN_DECLS

#define LIAISON_HQ_IMPORT_ERROR (liaison_hq_import_error_quark ())
GQuark liaison_hq_import_error_quark (void);

typedef enum {
  LIAISON_HQ_IMPORT_ERROR_ROWS,  /* one or more rows are bad; the message lists them by line */
} LiaisonHqImportError;

typedef enum {
  LIAISON_HQ_IMPORT_DEPUTIES,
  LIAISON_HQ_IMPORT_GROUPS,
  LIAISON_HQ_IMPORT_UNITS,
  LIAISON_HQ_IMPORT_STATIONS,
  LIAISON_HQ_IMPORT_ACTIVITIES,  /* liaison-hq-import-activities.c */
} LiaisonHqImportKind;

typedef struct {
  guint added;
  guint updated;
  guint unchanged;
  guint groups_added;  /* deputy groups made for deputies */
} LiaisonHqImportCounts;

gboolean liaison_hq_import_kind_parse (const char          *text,
                                       LiaisonHqImportKind *kind);

/* Reads @file (UTF-8, UTF-8 with BOM or GB18030; Chinese or English
 * headers; docs/hq.md lists the columns) and writes every row as a
 * record in the feed: a new one (version 1) or a new version of the live
 * record with the same name. All or nothing, in one transaction: on any
 * bad row nothing is written and @error lists the bad rows by line
 * (LIAISON_HQ_IMPORT_ERROR_ROWS; LIAISON_CSV_ERROR for the file itself). */
gboolean liaison_hq_import (LiaisonHqStore         *store,
                            LiaisonHqImportKind     kind,
                            GFile                  *file,
                            LiaisonHqImportCounts  *counts,
                            GError                **error);

/* Reads @file, headquarters' duty activities (docs/hq.md lists the
 * columns), and writes each row as an activity record with no origin
 * station: a new one, or a new version of the one headquarters holds
 * with the same kind, date and title. All or nothing, like
 * liaison_hq_import(); liaison_hq_import() calls it for
 * LIAISON_HQ_IMPORT_ACTIVITIES. */
gboolean liaison_hq_import_activities (LiaisonHqStore         *store,
                                       GFile                  *file,
                                       LiaisonHqImportCounts  *counts,
                                       GError                **error);

typedef struct {
  guint    holidays;
  guint    workdays;  /* make-up workdays (调休) */
  gboolean changed;   /* FALSE: the server already had exactly this list */
} LiaisonHqHolidayCounts;

/* Reads @file, the holiday and make-up workday list in the text form of
 * liaison_calendar_parse() ("2025-10-01,holiday,National Day",
 * "2025-09-28,workday"; UTF-8 or GB18030), and writes it as a new version
 * of the loop_rules record, keeping the time limits. All or nothing: on
 * any bad line nothing is written and @error lists the bad lines
 * (LIAISON_HQ_IMPORT_ERROR_ROWS). A file that lists no day is refused
 * too: it would clear the list. */
gboolean liaison_hq_import_holidays (LiaisonHqStore          *store,
                                     GFile                   *file,
                                     LiaisonHqHolidayCounts  *counts,
                                     GError                 **error);

G_END_DECLS
