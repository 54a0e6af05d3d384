/* liaison-ledger-private.h: what the ledger's files (its columns, the
 * import of receptions and of the roster, the export) share with each
 * other and with no one else. */
#pragma once

#include "liaison-csv.h"
#include "liaison-import-problems.h"
#include "liaison-ledger.h"
#include "liaison-privacy.h"

G_BEGIN_DECLS

/* Reading a file: through the project's one CSV reader (liaison-csv.c). */

typedef LiaisonCsvRow CsvRow;
typedef LiaisonCsvColumn ColumnSpec;

/* Columns */

typedef enum {
  RC_DATE,
  RC_DEPUTIES,
  RC_VISITOR,
  RC_PHONE,
  RC_PARTY_SIZE,
  RC_COMMUNITY,
  RC_CATEGORY,
  RC_CONTENT,
  RC_HANDLING,
  RC_CHANNEL,
  RC_CONSENT,
  RC_ON_SPOT,
  RC_PLACE,     /* the mobile desk's place and occasion, last: a ledger */
  RC_OCCASION,  /* without them (older ones) reads as before */
  N_RECEPTION_COLUMNS
} ReceptionColumn;

typedef enum {
  DC_NAME,
  DC_LEVEL,
  DC_GROUP,
  DC_STATION,
  DC_SPECIALTY,
  DC_PHONE,
  N_DEPUTY_COLUMNS
} DeputyColumn;

/* Which column a validation error is about: liaison_reception_check() and
 * liaison_deputy_check() name fields, a problem names the file's column. */
typedef struct {
  const char *field;  /* a visitor's "visitor.N.phone" is looked up as "phone" */
  int         column;
} FieldColumn;

extern const ColumnSpec liaison_ledger_reception_columns[N_RECEPTION_COLUMNS];
extern const ColumnSpec liaison_ledger_deputy_columns[N_DEPUTY_COLUMNS];

/* The file's column of a validation error's @field through @map, or -1. */
int        liaison_ledger_field_column     (const char        *field,
                                            const FieldColumn *map,
                                            guint              n_map,
                                            const int         *column);
/* What the file calls @column, for messages. */
char      *liaison_ledger_column_name      (const CsvRow      *header,
                                            int                column);
/* Adds why a row is bad, about @column (-1: the row as a whole). */
void       liaison_ledger_add_reason       (GPtrArray         *reasons,
                                            const CsvRow      *header,
                                            int                column,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (4, 5);
void       liaison_ledger_add_empty_reason (GPtrArray         *reasons,
                                            const CsvRow      *header,
                                            int                column);
/* Reads the file and its header, with the ledger's error codes. */
GPtrArray *liaison_ledger_read_rows        (GFile             *file,
                                            const ColumnSpec  *specs,
                                            guint              n_specs,
                                            int               *index,
                                            GError           **error);

/* An import's start: @problems emptied, *@n_imported (may be NULL) 0, and
 * the file read as liaison_ledger_read_rows() reads it. */
GPtrArray *liaison_ledger_start_import     (GFile                 *file,
                                            const ColumnSpec      *specs,
                                            guint                  n_specs,
                                            int                   *index,
                                            LiaisonImportProblems *problems,
                                            guint                 *n_imported,
                                            GError               **error);

/* Makes the record of a file's @row, or NULL with why in @reasons. */
typedef gpointer (*LedgerRowFunc)  (gpointer           data,
                                    const CsvRow      *header,
                                    const CsvRow      *row,
                                    GPtrArray         *reasons);
/* Saves a record made by a LedgerRowFunc. */
typedef gboolean (*LedgerSaveFunc) (LiaisonStore      *store,
                                    gpointer           record,
                                    GError           **error);

/* Takes the records the store already holds out of @records (and their
 * file lines out of @lines, one per record), adding those lines to
 * @already. */
typedef gboolean (*LedgerSkipFunc) (LiaisonStore      *store,
                                    GPtrArray         *records,
                                    GArray            *lines,
                                    GArray            *already,
                                    GError           **error);

/* The import's all or nothing: makes the record of every row of @rows
 * after the header with @make (a bad row's reasons go to @problems); then,
 * unless a row was bad, saves them all with @save in one transaction, or
 * none, with @error naming the line that could not be saved. With @skip
 * (may be NULL), the records it takes out are not saved and their lines
 * go to @already (guint, may be NULL). The records are freed with
 * @free_record; @n_imported (may be NULL) counts those saved. */
gboolean   liaison_ledger_import_rows      (LiaisonStore          *store,
                                            GFile                 *file,
                                            GPtrArray             *rows,
                                            LedgerRowFunc          make,
                                            gpointer               data,
                                            GDestroyNotify         free_record,
                                            LedgerSaveFunc         save,
                                            LedgerSkipFunc         skip,
                                            GArray                *already,
                                            LiaisonImportProblems *problems,
                                            guint                 *n_imported,
                                            GError               **error);

/* liaison-ledger-duplicates.c: a LedgerSkipFunc for receptions. A record
 * is already imported when a live reception has the same received_at,
 * the same visitors' names in order and the same summary; when the store
 * holds k such receptions, the first k such records are. */
gboolean   liaison_ledger_skip_imported_receptions (LiaisonStore  *store,
                                                    GPtrArray     *records,
                                                    GArray        *lines,
                                                    GArray        *already,
                                                    GError       **error);

/* The export */

/* The export's rows for receptions received between @from and @to
 * ("YYYY-MM-DD", inclusive), oldest first: each a GStrv of
 * N_RECEPTION_COLUMNS cells as the CSV writes them, phones without the
 * CSV's tab; a visitor's phone as @view shows it (liaison-privacy.h:
 * masked, or with full contacts in full for a visitor who agreed to be
 * contacted). @n_contacts (may be NULL) gets how many phones are in full.
 * NULL with @error if the store fails. */
GPtrArray *liaison_ledger_export_rows      (LiaisonStore      *store,
                                            const char        *from,
                                            const char        *to,
                                            LiaisonPrivacyView view,
                                            guint             *n_contacts,
                                            GError           **error);
/* Writes @rows (liaison_ledger_export_rows()) under the columns' Chinese
 * names as a workbook at @path (liaison-ledger-xlsx.c). */
gboolean   liaison_ledger_write_xlsx       (GPtrArray         *rows,
                                            const char        *path,
                                            GError           **error);
/* The same rows as the CSV file's text: UTF-8 with a BOM, CRLF, a phone
 * after a tab. */
GString   *liaison_ledger_rows_to_csv      (GPtrArray         *rows);

G_END_DECLS
