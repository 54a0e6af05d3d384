/* liaison-csv.c: reading CSV files that Excel and WPS write. */
#define G_LOG_DOMAIN "liaison-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"

G_DEFINE_QUARK (liaison-csv-error-quark, liaison_csv_error)

static gboolean
is_trimmed_char (gunichar c)
{
  /* Excel users pad with ideographic and no-break spaces too. */
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF;
}

void
liaison_csv_row_free (LiaisonCsvRow *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

/* A copy of @text without leading and trailing white space. */
char *
liaison_csv_trim (const char *text)
{
  const char *start = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  while (*start && is_trimmed_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_trimmed_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
row_is_blank (const LiaisonCsvRow *row)
{
  for (guint i = 0; i < row->fields->len; i++)
    {
      g_autofree char *text = liaison_csv_trim (g_ptr_array_index (row->fields, i));

      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* RFC 4180, leniently: quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR line ends; text after a closing quote is kept. Blank rows
 * are skipped. Line breaks inside fields come out as "\n". */
GPtrArray *
liaison_csv_parse (const char  *text,
           gsize        length,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_csv_row_free);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;

  while (p < end)
    {
      LiaisonCsvRow *row = g_new0 (LiaisonCsvRow, 1);
      gboolean row_done = FALSE;

      row->line = line;
      row->fields = g_ptr_array_new_with_free_func (g_free);

      while (!row_done)
        {
          GString *field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_string_free (field, TRUE);
                      liaison_csv_row_free (row);
                      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_SYNTAX,
                                   _("Nothing was imported: the quoted text that starts on line %u is never closed with a quotation mark (\")."),
                                   quote_line);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\r' || *p == '\n')
                    {
                      if (*p == '\r' && p + 1 < end && p[1] == '\n')
                        p++;
                      p++;
                      line++;
                      g_string_append_c (field, '\n');
                      continue;
                    }
                  g_string_append_c (field, *p++);
                }
            }

          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            g_string_append_c (field, *p++);

          g_ptr_array_add (row->fields, g_string_free (field, FALSE));

          if (p < end && *p == ',')
            p++;
          else
            {
              if (p < end && *p == '\r')
                {
                  p++;
                  if (p < end && *p == '\n')
                    p++;
                }
              else if (p < end && *p == '\n')
                p++;
              line++;
              row_done = TRUE;
            }
        }

      if (row_is_blank (row))
        liaison_csv_row_free (row);
      else
        g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

void
liaison_csv_append_field (GString    *out,
                  const char *text)
{
  gboolean quote = FALSE;

  if (text == NULL)
    text = "";
  for (const char *p = text; *p; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n' || *p == '\t')
      {
        quote = TRUE;
        break;
      }
  if (*text == ' ' || (*text && text[strlen (text) - 1] == ' '))
    quote = TRUE;

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* The file's text as UTF-8: a BOM means UTF-8, valid UTF-8 is UTF-8, and
 * anything else is read as GB18030, which is what Excel and WPS write on a
 * Chinese Windows. */
char *
liaison_csv_load_text (GFile   *file,
           gsize   *length,
           GError **error)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  gsize size = 0;
  char *text;

  if (!g_file_load_contents (file, NULL, &data, &size, NULL, &local_error))
    {
      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_ENCODING,
                   _("“%s” is saved as UTF-16 (“Unicode text”), which cannot be read. In Excel or WPS, save it as “CSV UTF-8” or plain “CSV” and import it again."),
                   name);
      return NULL;
    }
  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_ENCODING,
                   _("“%s” is not a text file (it contains zero bytes). Save the file as CSV and import it again."),
                   name);
      return NULL;
    }

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (!g_utf8_validate (data + 3, size - 3, &invalid))
        {
          g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_ENCODING,
                       _("“%s” says it is UTF-8 but line %u is not valid UTF-8. Save the file again as “CSV UTF-8” and import it again."),
                       name, line_of_offset (data, invalid - data));
          return NULL;
        }
      *length = size - 3;
      return g_strndup (data + 3, size - 3);
    }

  if (g_utf8_validate (data, size, &invalid))
    {
      *length = size;
      return g_steal_pointer (&data);
    }

  text = g_convert (data, size, "UTF-8", "GB18030", NULL, length, NULL);
  if (text == NULL)
    {
      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_ENCODING,
                   _("“%s” is neither UTF-8 nor GB18030 text: line %u has bytes that are not characters in either. Save the file from Excel or WPS as “CSV UTF-8” and import it again."),
                   name, line_of_offset (data, invalid - data));
      return NULL;
    }
  return text;
}

static gboolean
header_matches (const LiaisonCsvColumn *spec,
                const char       *name)
{
  g_auto(GStrv) aliases = NULL;

  if (strcmp (name, spec->zh) == 0 || g_ascii_strcasecmp (name, spec->en) == 0)
    return TRUE;
  aliases = g_strsplit (spec->aliases, "|", -1);
  for (guint i = 0; aliases[i] != NULL; i++)
    if (*aliases[i] && g_ascii_strcasecmp (name, aliases[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
liaison_csv_map_header (const LiaisonCsvRow    *header,
                        const LiaisonCsvColumn *specs,
                        guint                   n_specs,
                        int                    *index,
                        GFile                  *file,
                        GError                **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint i = 0; i < n_specs; i++)
    index[i] = -1;

  for (guint c = 0; c < header->fields->len; c++)
    {
      g_autofree char *name = liaison_csv_trim (g_ptr_array_index (header->fields, c));

      for (guint i = 0; i < n_specs; i++)
        if (index[i] < 0 && header_matches (&specs[i], name))
          {
            index[i] = (int) c;
            break;
          }
    }

  for (guint i = 0; i < n_specs; i++)
    if (specs[i].required && index[i] < 0)
      {
        if (n_missing++ > 0)
          g_string_append (missing, _(", "));
        /* Translators: a column of a CSV file, as “接待日期” (date) */
        g_string_append_printf (missing, _("“%s” (%s)"), specs[i].zh, specs[i].en);
      }

  if (n_missing > 0)
    {
      g_autofree char *name = file_display_name (file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_HEADER,
                   ngettext ("Nothing was imported: the first row of “%s” must name the columns, and the column %s is missing.",
                             "Nothing was imported: the first row of “%s” must name the columns, and the columns %s are missing.",
                             n_missing),
                   name, missing->str);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
liaison_csv_read (GFile                  *file,
                  const LiaisonCsvColumn *columns,
                  guint                   n_columns,
                  int                    *index,
                  GError                **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize length = 0;

  text = liaison_csv_load_text (file, &length, error);
  if (text == NULL)
    return NULL;
  rows = liaison_csv_parse (text, length, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *name = file_display_name (file);

      g_set_error (error, LIAISON_CSV_ERROR, LIAISON_CSV_ERROR_HEADER,
                   _("Nothing was imported: “%s” is empty. Its first row must name the columns."),
                   name);
      return NULL;
    }
  if (!liaison_csv_map_header (g_ptr_array_index (rows, 0), columns, n_columns, index, file, error))
    return NULL;
  return g_steal_pointer (&rows);
}

char *
liaison_csv_cell (const LiaisonCsvRow *row,
                  int                  column)
{
  if (column < 0 || (guint) column >= row->fields->len)
    return g_strdup ("");
  return liaison_csv_trim (g_ptr_array_index (row->fields, column));
}
