/* liaison-xlsx-read.c: an Excel or WPS workbook's first sheet as the CSV
 * reader's rows (see the header). libgsf opens the zip; each part is read
 * whole (under LIAISON_XLSX_MAX_PART_BYTES) and libxml2's xmlReader walks
 * it as a stream, with no DTD, no entities and no network. */
#define G_LOG_DOMAIN "liaison-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "liaison-xls-read.h"
#include "liaison-xlsx-private.h"
#include "liaison-xlsx-read.h"

#define MAX_COLUMNS 16384    /* Excel's last column, XFD */
#define MAX_ROWS    1048576  /* and its last row */
#define MAX_DEPTH   32       /* a sheet's XML is six deep; more is not a workbook */
#define HEADER_ROWS 50       /* title rows looked past for the header */

typedef struct {
  GFile     *file;
  GsfInfile *zip;
  GPtrArray *strings;      /* char *: the shared strings */
  GArray    *date_styles;  /* gboolean per cell style (xf) */
  gboolean   date1904;
  char      *sheet_path;   /* the first sheet's part */
} Workbook;

static void
workbook_clear (Workbook *book)
{
  g_clear_object (&book->zip);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->date_styles, g_array_unref);
  g_clear_pointer (&book->sheet_path, g_free);
}

/* Every error says the same thing first: the file is not a workbook that
 * can be read, and what to do; @why says what was wrong. */
void
liaison_xlsx_set_unreadable (GFile       *file,
                             GError     **error,
                             const char  *why)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_ENCODING,
               /* Translators: %s is the file, the second %s why it cannot be read */
               _("Nothing was imported: “%s” could not be read as an Excel workbook: %s. Open it in Excel or WPS, save it as an .xlsx workbook and import it again."),
               name, why);
}

static gboolean
is_zip (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 magic[4] = { 0 };
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL))
    return FALSE;
  return n == 4 && memcmp (magic, "PK\003\004", 4) == 0;
}

/* TRUE when @file's name ends in @extension (".xls"), in any case. */
static gboolean
named (GFile      *file,
       const char *extension)
{
  g_autofree char *base = g_file_get_basename (file);
  const char *dot = base != NULL ? strrchr (base, '.') : NULL;

  return dot != NULL && dot != base && g_ascii_strcasecmp (dot, extension) == 0;
}

gboolean
liaison_xlsx_is_workbook (GFile *file)
{
  return named (file, ".xlsx") || named (file, ".xls") || liaison_xls_is_biff (file) || is_zip (file);
}

/* The part at @path ("xl/styles.xml"), or NULL: with @error set when it
 * is there but too big or broken, without when it is not there. */
static GBytes *
read_part (Workbook    *book,
           const char  *path,
           GError     **error)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *input = gsf_infile_child_by_aname (book->zip, (const char **) names);
  g_autofree guint8 *data = NULL;
  g_autofree char *why = NULL;
  gsf_off_t size;

  if (input == NULL)
    return NULL;
  size = gsf_input_size (input);
  /* The size the zip declares: libgsf never unpacks more than that, so a
   * zip bomb is refused here, before anything is unpacked. */
  if (size < 0 || size > LIAISON_XLSX_MAX_PART_BYTES)
    why = g_strdup_printf (_("its part “%s” unpacks to more than %d MB"),
                           path, LIAISON_XLSX_MAX_PART_BYTES / (1024 * 1024));
  else
    {
      data = g_malloc (size + 1);
      if (size > 0 && gsf_input_read (input, size, data) == NULL)
        why = g_strdup_printf (_("its part “%s” is damaged"), path);
    }
  g_object_unref (input);
  if (why != NULL)
    {
      liaison_xlsx_set_unreadable (book->file, error, why);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static gboolean
xml_failed (Workbook    *book,
            const char  *path,
            GError     **error)
{
  g_autofree char *why = g_strdup_printf (_("its part “%s” is not well-formed XML"), path);

  liaison_xlsx_set_unreadable (book->file, error, why);
  return FALSE;
}

/* Walks @bytes' XML, calling @node on each node; stops at a DTD (a
 * workbook has none) and at nesting deeper than MAX_DEPTH. */
typedef gboolean (*NodeFunc) (Workbook *book, xmlTextReaderPtr reader, gpointer data, GError **error);

static gboolean
walk_xml (Workbook    *book,
          const char  *path,
          GBytes      *bytes,
          NodeFunc     node,
          gpointer     data,
          GError     **error)
{
  gsize size = 0;
  const char *text = g_bytes_get_data (bytes, &size);
  xmlTextReaderPtr reader;
  gboolean ok = TRUE;
  int ret;

  reader = xmlReaderForMemory (text, (int) size, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return xml_failed (book, path, error);
  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
          xmlTextReaderDepth (reader) > MAX_DEPTH)
        {
          ret = -1;
          break;
        }
      ok = node (book, reader, data, error);
    }
  xmlFreeTextReader (reader);
  if (ok && ret != 0)
    return xml_failed (book, path, error);
  return ok;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  int type = xmlTextReaderNodeType (reader);

  return ((type == XML_READER_TYPE_END_ELEMENT) ||
          (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader))) &&
         strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

/* The attribute @name in any namespace (r:id and strict OOXML's alike). */
static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), name) == 0)
      {
        value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
        break;
      }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

/* xl/workbook.xml: the first sheet's relationship, and the date system. */
static gboolean
workbook_node (Workbook         *book,
               xmlTextReaderPtr  reader,
               gpointer          data,
               GError          **error)
{
  char **rid = data;

  if (is_element (reader, "workbookPr"))
    {
      g_autofree char *date1904 = attribute (reader, "date1904");

      book->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
    }
  else if (*rid == NULL && is_element (reader, "sheet"))
    *rid = attribute (reader, "id");
  return TRUE;
}

/* xl/_rels/workbook.xml.rels: where that relationship points. */
static gboolean
rels_node (Workbook         *book,
           xmlTextReaderPtr  reader,
           gpointer          data,
           GError          **error)
{
  const char *rid = data;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;

  if (book->sheet_path != NULL || !is_element (reader, "Relationship"))
    return TRUE;
  id = attribute (reader, "Id");
  target = attribute (reader, "Target");
  if (id != NULL && target != NULL && strcmp (id, rid) == 0)
    book->sheet_path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
  return TRUE;
}

static gboolean
builtin_date_format (guint64 id)
{
  /* ECMA-376 18.8.30, and the CJK locales' built-in dates and times. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* A format code shows a date or a time when, outside quotes, brackets and
 * escaped characters, it has y, m, d, h or s. */
static gboolean
format_code_is_date (const char *code)
{
  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        {
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
        }
      else if (*p == '[')
        {
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
        }
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (strchr ("yYmMdDhHsS", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  GHashTable *custom_dates;  /* numFmtId → TRUE for custom date formats */
  gboolean    in_cell_xfs;
} StylesWalk;

static gboolean
styles_node (Workbook         *book,
             xmlTextReaderPtr  reader,
             gpointer          data,
             GError          **error)
{
  StylesWalk *walk = data;

  if (is_element (reader, "numFmt"))
    {
      g_autofree char *id = attribute (reader, "numFmtId");
      g_autofree char *code = attribute (reader, "formatCode");

      if (id != NULL && code != NULL && format_code_is_date (code))
        g_hash_table_add (walk->custom_dates, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
    }
  else if (is_element (reader, "cellXfs") && !xmlTextReaderIsEmptyElement (reader))
    walk->in_cell_xfs = TRUE;
  else if (is_end (reader, "cellXfs"))
    walk->in_cell_xfs = FALSE;
  else if (walk->in_cell_xfs && is_element (reader, "xf"))
    {
      g_autofree char *text = attribute (reader, "numFmtId");
      guint64 id = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 0;
      gboolean date = builtin_date_format (id) ||
                      g_hash_table_contains (walk->custom_dates, GUINT_TO_POINTER ((guint) id));

      g_array_append_val (book->date_styles, date);
    }
  return TRUE;
}

typedef struct {
  GString  *text;      /* the <si> being read, or NULL */
  gboolean  in_t;
  gboolean  in_phonetic;
} StringsWalk;

/* A string item's text: its <t>, or its runs' <t>s, and not the phonetic
 * reading (<rPh>) that Japanese Excel adds. Also the inline strings' <is>. */
static void
string_item_node (xmlTextReaderPtr  reader,
                  StringsWalk      *walk)
{
  if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
    walk->in_phonetic = TRUE;
  else if (is_end (reader, "rPh"))
    walk->in_phonetic = FALSE;
  else if (is_element (reader, "t") && !xmlTextReaderIsEmptyElement (reader))
    walk->in_t = TRUE;
  else if (is_end (reader, "t"))
    walk->in_t = FALSE;
  else if (walk->in_t && !walk->in_phonetic && is_text (reader))
    g_string_append (walk->text, (const char *) xmlTextReaderConstValue (reader));
}

static gboolean
strings_node (Workbook         *book,
              xmlTextReaderPtr  reader,
              gpointer          data,
              GError          **error)
{
  StringsWalk *walk = data;

  if (is_element (reader, "si"))
    walk->text = g_string_new (NULL);
  if (walk->text == NULL)
    return TRUE;
  if (is_end (reader, "si"))
    {
      g_ptr_array_add (book->strings, g_string_free (walk->text, FALSE));
      walk->text = NULL;
      *walk = (StringsWalk) { 0 };
      return TRUE;
    }
  string_item_node (reader, walk);
  return TRUE;
}

/* A serial number in the workbook's date system as the text that
 * liaison_normalize_datetime() reads, or NULL when out of range. */
static char *
serial_to_text (Workbook *book,
                double    serial)
{
  g_autoptr(GDate) date = NULL;
  double days = floor (serial);
  gint64 seconds = llround ((serial - days) * 86400.0);

  if (!(serial >= 0 && serial < 2958466))  /* 9999-12-31 */
    return NULL;
  if (seconds >= 86400)
    {
      days += 1;
      seconds -= 86400;
    }
  if (book->date1904)
    date = g_date_new_dmy (1, 1, 1904);
  else if (days < 61)
    date = g_date_new_dmy (31, 12, 1899);  /* Lotus's 1900-02-29 (60) that never was */
  else
    date = g_date_new_dmy (30, 12, 1899);
  g_date_add_days (date, (guint) days);
  if (seconds == 0)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
  if (seconds % 60 == 0)
    return g_strdup_printf ("%04u-%02u-%02u %02d:%02d", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), (int) (seconds / 3600), (int) (seconds / 60 % 60));
  return g_strdup_printf ("%04u-%02u-%02u %02d:%02d:%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), (int) (seconds / 3600), (int) (seconds / 60 % 60),
                          (int) (seconds % 60));
}

/* A number cell as text: a date when its style is a date format, whole
 * numbers as all their digits (a phone typed as a number), others as
 * written unless in exponent form. */
static char *
number_to_text (Workbook   *book,
                const char *text,
                guint       style)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (value))
    return g_strdup (text);
  if (style < book->date_styles->len && g_array_index (book->date_styles, gboolean, style))
    {
      char *date = serial_to_text (book, value);

      if (date != NULL)
        return date;
    }
  return liaison_xlsx_number_text (value, text);
}

char *
liaison_xlsx_number_text (double      value,
                          const char *written)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0.0 : value);
  if (written == NULL || strpbrk (written, "eE") != NULL)
    return g_strdup_printf ("%.15g", value);
  return g_strdup (written);
}

typedef struct {
  GPtrArray  *rows;
  GPtrArray  *fields;     /* the row being read */
  guint       row;        /* its number, from 1 */
  guint       column;     /* the cell being read, from 0 */
  char       *type;       /* its t="" */
  guint       style;      /* its s="" */
  GString    *value;      /* its <v>, or its inline string */
  gboolean    in_v;
  StringsWalk inline_walk;
  gsize       n_cells;
} SheetWalk;

/* "BC12" → 54 (from 0), or -1. */
static int
column_of (const char *reference)
{
  int column = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return -1;
    }
  return p == reference ? -1 : column - 1;
}

static gboolean
too_large (Workbook  *book,
           GError   **error)
{
  liaison_xlsx_set_unreadable (book->file, error,
                  _("its first sheet is larger than Excel’s own limits, or has more than four million cells"));
  return FALSE;
}

static gboolean
finish_cell (Workbook   *book,
             SheetWalk  *walk,
             GError    **error)
{
  const char *type = walk->type != NULL ? walk->type : "n";
  const char *raw = walk->value->str;
  gsize added;
  char *text;

  if (strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (raw, &end, 10);

      if (*raw == '\0' || *end != '\0' || index >= book->strings->len)
        {
          g_autofree char *why = g_strdup_printf (_("row %u refers to text that the workbook does not have"), walk->row);

          liaison_xlsx_set_unreadable (book->file, error, why);
          return FALSE;
        }
      text = g_strdup (g_ptr_array_index (book->strings, index));
    }
  else if (strcmp (type, "b") == 0)
    text = g_strdup (strcmp (raw, "1") == 0 ? "TRUE" : "FALSE");
  else if (strcmp (type, "n") == 0 && *raw != '\0')
    text = number_to_text (book, raw, walk->style);
  else
    text = g_strdup (raw);  /* inlineStr, str (a formula's text), e (#N/A), d (ISO 8601) */

  added = walk->column + 1 > walk->fields->len ? walk->column + 1 - walk->fields->len : 0;
  if (walk->column >= MAX_COLUMNS || walk->n_cells + added > LIAISON_XLSX_MAX_CELLS)
    {
      g_free (text);
      return too_large (book, error);
    }
  while (walk->fields->len < walk->column)
    {
      g_ptr_array_add (walk->fields, g_strdup (""));
      walk->n_cells++;
    }
  if (walk->column < walk->fields->len)
    {
      g_free (g_ptr_array_index (walk->fields, walk->column));  /* a cell given twice: the last wins */
      g_ptr_array_index (walk->fields, walk->column) = text;
    }
  else
    {
      g_ptr_array_add (walk->fields, text);
      walk->n_cells++;
    }
  return TRUE;
}

static void
finish_row (SheetWalk *walk)
{
  gboolean blank = TRUE;

  for (guint i = 0; blank && i < walk->fields->len; i++)
    {
      g_autofree char *trimmed = liaison_csv_trim (g_ptr_array_index (walk->fields, i));

      blank = *trimmed == '\0';
    }
  if (!blank)
    {
      LiaisonCsvRow *row = g_new0 (LiaisonCsvRow, 1);

      row->line = walk->row;
      row->fields = g_steal_pointer (&walk->fields);
      g_ptr_array_add (walk->rows, row);
    }
  g_clear_pointer (&walk->fields, g_ptr_array_unref);
}

static gboolean
sheet_node (Workbook         *book,
            xmlTextReaderPtr  reader,
            gpointer          data,
            GError          **error)
{
  SheetWalk *walk = data;

  if (is_element (reader, "row"))
    {
      g_autofree char *r = attribute (reader, "r");
      guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : walk->row + 1;

      if (number < 1 || number > MAX_ROWS)
        return too_large (book, error);
      walk->row = (guint) number;
      walk->column = 0;
      walk->fields = g_ptr_array_new_with_free_func (g_free);
    }
  if (is_end (reader, "row"))
    {
      if (walk->fields != NULL)
        finish_row (walk);
      return TRUE;
    }
  if (walk->fields == NULL)
    return TRUE;

  if (is_element (reader, "c"))
    {
      g_autofree char *r = attribute (reader, "r");
      g_autofree char *s = attribute (reader, "s");

      if (r != NULL)
        {
          int column = column_of (r);

          if (column < 0)
            return too_large (book, error);
          walk->column = (guint) column;
        }
      g_free (walk->type);
      walk->type = attribute (reader, "t");
      walk->style = s != NULL ? (guint) MIN (g_ascii_strtoull (s, NULL, 10), G_MAXUINT) : 0;
      g_string_truncate (walk->value, 0);
      walk->inline_walk = (StringsWalk) { .text = walk->value };
      walk->in_v = FALSE;
    }
  if (is_end (reader, "c"))
    {
      if (!finish_cell (book, walk, error))
        return FALSE;
      walk->column++;
      return TRUE;
    }
  if (is_element (reader, "v") && !xmlTextReaderIsEmptyElement (reader))
    walk->in_v = TRUE;
  else if (is_end (reader, "v"))
    walk->in_v = FALSE;
  else if (walk->in_v && is_text (reader))
    g_string_append (walk->value, (const char *) xmlTextReaderConstValue (reader));
  else
    string_item_node (reader, &walk->inline_walk);
  return TRUE;
}

static gboolean
open_workbook (Workbook  *book,
               GError   **error)
{
  g_autofree char *path = g_file_get_path (book->file);
  GsfInput *input = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autofree char *rid = NULL;
  StylesWalk styles = { 0 };
  StringsWalk strings = { 0 };
  gboolean ok;

  if (path == NULL)
    {
      liaison_xlsx_set_unreadable (book->file, error, _("it is not a local file"));
      return FALSE;
    }
  input = gsf_input_stdio_new (path, &local_error);
  if (input == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (book->file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_IO,
                   _("Nothing was imported: “%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }
  book->zip = gsf_infile_zip_new (input, NULL);
  g_object_unref (input);
  if (book->zip == NULL)
    {
      liaison_xlsx_set_unreadable (book->file, error, _("it is not a zip archive, as an .xlsx workbook is"));
      return FALSE;
    }

  part = read_part (book, "xl/workbook.xml", error);
  if (part == NULL)
    {
      if (error == NULL || *error == NULL)
        liaison_xlsx_set_unreadable (book->file, error, _("it has no list of sheets (xl/workbook.xml)"));
      return FALSE;
    }
  if (!walk_xml (book, "xl/workbook.xml", part, workbook_node, &rid, error))
    return FALSE;
  g_clear_pointer (&part, g_bytes_unref);
  part = read_part (book, "xl/_rels/workbook.xml.rels", error);
  if (part == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (part != NULL && rid != NULL &&
      !walk_xml (book, "xl/_rels/workbook.xml.rels", part, rels_node, rid, error))
    return FALSE;
  if (book->sheet_path == NULL)
    {
      liaison_xlsx_set_unreadable (book->file, error, _("it has no sheet"));
      return FALSE;
    }

  g_clear_pointer (&part, g_bytes_unref);
  part = read_part (book, "xl/styles.xml", error);
  if (part == NULL && error != NULL && *error != NULL)
    return FALSE;
  styles.custom_dates = g_hash_table_new (NULL, NULL);
  ok = part == NULL || walk_xml (book, "xl/styles.xml", part, styles_node, &styles, error);
  g_hash_table_unref (styles.custom_dates);
  if (!ok)
    return FALSE;

  g_clear_pointer (&part, g_bytes_unref);
  part = read_part (book, "xl/sharedStrings.xml", error);
  if (part == NULL && error != NULL && *error != NULL)
    return FALSE;
  ok = part == NULL || walk_xml (book, "xl/sharedStrings.xml", part, strings_node, &strings, error);
  if (strings.text != NULL)
    g_string_free (strings.text, TRUE);
  return ok;
}

GPtrArray *
liaison_xlsx_parse (GFile   *file,
                    GError **error)
{
  Workbook book = { .file = file };
  SheetWalk walk = { 0 };
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean ok = FALSE;

  book.strings = g_ptr_array_new_with_free_func (g_free);
  book.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (!open_workbook (&book, error))
    goto out;
  part = read_part (&book, book.sheet_path, error);
  if (part == NULL)
    {
      if (error == NULL || *error == NULL)
        liaison_xlsx_set_unreadable (file, error, _("its first sheet is missing"));
      goto out;
    }

  walk.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_csv_row_free);
  walk.value = g_string_new (NULL);
  ok = walk_xml (&book, book.sheet_path, part, sheet_node, &walk, error);
  rows = g_steal_pointer (&walk.rows);
  g_clear_pointer (&walk.fields, g_ptr_array_unref);
  g_string_free (walk.value, TRUE);
  g_free (walk.type);

out:
  workbook_clear (&book);
  return ok ? g_steal_pointer (&rows) : NULL;
}

/* The bytes decide, then the name: an .xls workbook renamed .xlsx (or the
 * other way round) is still read, and a file named .xls whose bytes are
 * neither is refused as not being one. */
static GPtrArray *
parse_any (GFile   *file,
           GError **error)
{
  if (liaison_xls_is_biff (file))
    return liaison_xls_parse (file, error);
  if (!is_zip (file) && named (file, ".xls"))
    return liaison_xls_parse (file, error);
  return liaison_xlsx_parse (file, error);
}

GPtrArray *
liaison_xlsx_read (GFile                  *file,
                   const LiaisonCsvColumn *columns,
                   guint                   n_columns,
                   int                    *index,
                   GError                **error)
{
  g_autoptr(GPtrArray) rows = parse_any (file, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_HEADER,
                   _("Nothing was imported: the first sheet of “%s” is empty. Its first row must name the columns."),
                   name);
      return NULL;
    }
  /* Title rows above the header, merged or not: the header is the first
   * row that names every required column. */
  for (guint i = 0; i < MIN (rows->len, HEADER_ROWS); i++)
    if (liaison_csv_map_header (g_ptr_array_index (rows, i), columns, n_columns, index, file, NULL))
      {
        g_ptr_array_remove_range (rows, 0, i);
        return g_steal_pointer (&rows);
      }
  /* None does: the first row's missing columns, as for a CSV file. */
  liaison_csv_map_header (g_ptr_array_index (rows, 0), columns, n_columns, index, file, error);
  return NULL;
}
