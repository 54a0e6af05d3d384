/* liaison-ledger.h: a station's ledger (台账) as CSV, in and out, and
 * out as an XLSX workbook and printed. */
#pragma once

#include "liaison-import-problems.h"
#include "liaison-pdf.h"
#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_LEDGER_ERROR (liaison_ledger_error_quark ())
GQuark liaison_ledger_error_quark (void);

typedef enum {
  LIAISON_LEDGER_ERROR_ENCODING,  /* neither UTF-8 nor GB18030 */
  LIAISON_LEDGER_ERROR_HEADER,    /* a required column is missing */
  LIAISON_LEDGER_ERROR_ROWS,      /* one or more rows are bad; the message lists them by line */
  LIAISON_LEDGER_ERROR_IO,
  LIAISON_LEDGER_ERROR_DATES,     /* the export's dates are not dates, or from is after to */
  LIAISON_LEDGER_ERROR_FORMAT,    /* the export's format is unknown, or not the file's */
} LiaisonLedgerError;

/* What an export writes: a CSV file or an XLSX workbook. */
typedef enum {
  LIAISON_LEDGER_FORMAT_CSV,
  LIAISON_LEDGER_FORMAT_XLSX,
} LiaisonLedgerFormat;

/* Reads a ledger in UTF-8, UTF-8 with BOM or GB18030, or an Excel or WPS
 * workbook (.xlsx, its first sheet read by app/xlsx into the same rows;
 * the header is its first row naming the required columns), with Chinese or
 * English headers. All or nothing: on any bad row nothing is written and
 * @error lists every bad row as "line N: reason".
 *
 * Columns (header names are trimmed; English ones match in any case):
 *   required: 接待日期/date, 接待代表/deputies, 类别/category,
 *             反映内容/content, 所在社区/community;
 *   optional: 来访人/visitor, 联系电话/phone, 人数/party size (party_size),
 *             办理情况/handling, 接待方式/channel (default walk-in),
 *             同意联系/consent (是/否, yes/no, 1/0; default no),
 *             当场办结/handled on the spot (是/否; default no),
 *             地点/place and 场合/occasion (the mobile desk's; optional,
 *             exported as the last two columns).
 * Unknown columns are ignored. Deputies are separated by 、 , ， ; or ；
 * and must already be on the roster. Several visitors may be named in
 * 来访人, separated by 、 (as export writes them): the first one gets the
 * phone, the consent and the party size less one per other visitor; the
 * others count one person each, in the same community. When 联系电话,
 * 人数, 所在社区 or 同意联系 lists one value per named visitor (separated
 * by 、), each visitor gets their own (liaison-ledger-visitors.h). */
gboolean liaison_ledger_import_receptions (LiaisonStore  *store,
                                           GFile         *file,
                                           guint         *n_imported,
                                           GError       **error);
/* The deputy roster: 姓名/name and 层级/level are required; 代表小组/group
 * (created when new), 联络站/station (an existing station's name),
 * 专业/specialty and 电话/phone (also 联系电话) are optional. A name already
 * on the roster is updated, not added again: a missing column leaves its
 * value as it was, an empty cell clears it. Same all-or-nothing rules. */
gboolean liaison_ledger_import_deputies   (LiaisonStore  *store,
                                           GFile         *file,
                                           guint         *n_imported,
                                           GError       **error);
/* The same imports, and when the rows are bad (LIAISON_LEDGER_ERROR_ROWS)
 * @problems (emptied first) holds every problem by line and column, each
 * once, for a person to read, copy or save; @error's message lists the
 * same by line. */
gboolean liaison_ledger_import_receptions_with_problems (LiaisonStore          *store,
                                                         GFile                 *file,
                                                         guint                 *n_imported,
                                                         LiaisonImportProblems *problems,
                                                         GError               **error);
gboolean liaison_ledger_import_deputies_with_problems   (LiaisonStore          *store,
                                                         GFile                 *file,
                                                         guint                 *n_imported,
                                                         LiaisonImportProblems *problems,
                                                         GError               **error);
/* The import of receptions, where a row that matches a live reception
 * exactly (the same received date and time, the same visitors' names in
 * order, the same content) is not written again: its line goes to
 * @already_imported (guint, may be NULL; appended to, in file order) and
 * it is not counted in @n_imported. When the store holds k such
 * receptions, the file's first k such rows are already imported and any
 * more are written: two identical rows in one file are two visits. An
 * already imported row is not a bad row. */
gboolean liaison_ledger_import_receptions_full (LiaisonStore          *store,
                                                GFile                 *file,
                                                guint                 *n_imported,
                                                GArray                *already_imported,
                                                LiaisonImportProblems *problems,
                                                GError               **error);
/* "already imported: N rows" and a "line N: already imported" line for
 * each of @already (lines as liaison_ledger_import_receptions_full() gives
 * them), translated; "" when it is empty. */
char    *liaison_ledger_already_imported_text (GArray *already);
/* Writes receptions with received_at in [from_date, to_date] (dates,
 * inclusive, in any spelling liaison_normalize_datetime() accepts) in the
 * import's columns with their Chinese names, oldest first, UTF-8 with BOM
 * and CRLF so that Excel and WPS read it. One row per reception: every
 * visitor's name joined with 、 (anonymous ones as empty names); the first
 * visitor's phone and consent, the community and the total party size
 * when the other visitors add nothing to them, else one value per visitor
 * joined with 、, so that import gives back every visitor as they were.
 * Phones are masked (liaison-privacy.h, 138****5678): a masked phone
 * imports as no phone. Phones are written after a tab so that Excel keeps them as text; import
 * trims it. Not written: inline suggestions (they have their own life),
 * the record's sync metadata, and the minutes' order of deputies (they
 * are written by name). */
gboolean liaison_ledger_export_receptions (LiaisonStore  *store,
                                           const char    *from_date,
                                           const char    *to_date,
                                           GFile         *file,
                                           guint         *n_exported,
                                           GError       **error);

/* The format of an export to @path: @name ("csv" or "xlsx", in any case)
 * when given, else the one @path's extension (.csv or .xlsx) says. FALSE,
 * with LIAISON_LEDGER_ERROR_FORMAT, when @name is neither, when @path has
 * another extension, or when @name and the extension disagree; a @path
 * without an extension takes @name's format. */
gboolean liaison_ledger_format_for_path   (const char           *path,
                                           const char           *name,
                                           LiaisonLedgerFormat  *format,
                                           GError              **error);
/* liaison_ledger_export_receptions() in @format: the CSV as it writes
 * it; the XLSX workbook (liaison-ledger-xlsx.c) with the same columns and
 * cells, one sheet, a bold frozen header row, columns as wide as their
 * text, 接待日期 a date and time, a single 人数 a number, phones text.
 * The file is written whole or not at all. With @contacts_reason (not
 * NULL) the export is one with full contacts: a visitor who agreed to be
 * contacted has their phone in full, the others stay masked, and an
 * access-log entry with the reason is written first; a blank reason is
 * refused and nothing is written. */
gboolean liaison_ledger_export_receptions_as (LiaisonStore        *store,
                                              const char          *from_date,
                                              const char          *to_date,
                                              GFile               *file,
                                              LiaisonLedgerFormat  format,
                                              const char          *contacts_reason,
                                              guint               *n_exported,
                                              GError             **error);

/* The ledger of the receptions received from @from to @to ("YYYY-MM-DD",
 * inclusive, checked by the caller) to print (liaison-ledger-print.c):
 * a table on A4 pages on their side with the export's columns under their
 * Chinese names, its header row on every page, every phone masked; with
 * @contacts_reason (not NULL), in full for a visitor who agreed to be
 * contacted, after an access-log entry with the reason (a blank one is
 * refused). @n_rows (may be NULL) is how many receptions it lists. NULL
 * with @error if the store fails. */
LiaisonPdf *liaison_ledger_print_new (LiaisonStore  *store,
                                      const char    *from,
                                      const char    *to,
                                      const char    *contacts_reason,
                                      guint         *n_rows,
                                      GError       **error);

G_END_DECLS
