/* liaison-csv.h: reading CSV files that Excel and WPS write.
 *
 * One CSV reader for the project: the station's ledger and liaison-hq's
 * imports both read through it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIAISON_CSV_ERROR (liaison_csv_error_quark ())
GQuark liaison_csv_error_quark (void);

typedef enum {
  LIAISON_CSV_ERROR_ENCODING,  /* neither UTF-8 nor GB18030, UTF-16, binary */
  LIAISON_CSV_ERROR_HEADER,    /* empty file, or a required column is missing */
  LIAISON_CSV_ERROR_SYNTAX,    /* a quoted field is never closed; the message gives its line */
  LIAISON_CSV_ERROR_IO,
} LiaisonCsvError;

typedef struct {
  guint      line;    /* physical line where the row starts; the header is 1 */
  GPtrArray *fields;  /* char *, untrimmed */
} LiaisonCsvRow;

void liaison_csv_row_free (LiaisonCsvRow *row);

/* A column that an import knows, by its Chinese and English names. */
typedef struct {
  const char *zh;       /* the name export writes */
  const char *en;       /* the English name, for messages too; matches in any case */
  const char *aliases;  /* more accepted names, "|"-separated */
  gboolean    required;
} LiaisonCsvColumn;

/* A copy of @text without leading and trailing white space, including the
 * ideographic and no-break spaces that Excel users pad with. */
char      *liaison_csv_trim       (const char *text);
/* The file's text as UTF-8: a BOM means UTF-8, valid UTF-8 is UTF-8, and
 * anything else is read as GB18030 (what Excel and WPS write on a Chinese
 * Windows). UTF-16 and binary files are refused with a message that says
 * how to save the file. */
char      *liaison_csv_load_text  (GFile       *file,
                                   gsize       *length,
                                   GError     **error);
/* RFC 4180, leniently: quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR line ends. Blank rows are skipped. Returns
 * LiaisonCsvRow *s, or NULL with LIAISON_CSV_ERROR_SYNTAX. */
GPtrArray *liaison_csv_parse      (const char  *text,
                                   gsize        length,
                                   GError     **error);
/* Loads @file, parses it and maps its first row onto @columns: @index gets
 * one entry per column, the field's position or -1 when absent. A missing
 * required column or an empty file is LIAISON_CSV_ERROR_HEADER, with every
 * missing column named. Row 0 of the result is the header. */
GPtrArray *liaison_csv_read       (GFile                  *file,
                                   const LiaisonCsvColumn *columns,
                                   guint                   n_columns,
                                   int                    *index,
                                   GError                **error);
/* Fills @index (one entry per column; -1 when absent) from @header, a
 * file's row that names the columns. A missing required column is
 * LIAISON_CSV_ERROR_HEADER, with every missing column named. */
gboolean   liaison_csv_map_header (const LiaisonCsvRow    *header,
                                   const LiaisonCsvColumn *columns,
                                   guint                   n_columns,
                                   int                    *index,
                                   GFile                  *file,
                                   GError                **error);
/* The trimmed text of @column in @row; "" when the column is absent
 * (-1) or the row is short. */
char      *liaison_csv_cell       (const LiaisonCsvRow *row,
                                   int                  column);
/* Appends @text as one CSV field, quoted when it has to be. */
void       liaison_csv_append_field (GString    *out,
                                     const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonCsvRow, liaison_csv_row_free)

G_END_DECLS
