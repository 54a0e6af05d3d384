/* liaison-json-depth.c: refuse JSON nested too deep before json-glib
 * recurses into it.
 *
 * The scan must find every bracket json-glib would recurse on, so it must
 * agree with json-glib on where each string starts and ends: a "[" that
 * the scan takes for text but json-glib for structure would slip past it.
 * json-glib 1.6 (bookworm) differs from plain JSON in four places, and
 * each is refused rather than imitated:
 * - "/" outside a string starts a comment that runs to the end of line;
 * - "'" outside a string starts a single-quoted string;
 * - "\u" with fewer than four hex digits swallows the first non-hex
 *   character after it, which can be the closing quote;
 * - a \u escape of a UTF-16 surrogate swallows the character after it, as
 *   the start of the pair's second half, even when that is the closing
 *   quote.
 * Everything else that is not plain JSON makes json-glib stop with an
 * error at that point, before it could recurse any deeper.
 */
#define G_LOG_DOMAIN "liaison-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-json-depth.h"

G_DEFINE_QUARK (liaison-json-error-quark, liaison_json_error)

static gboolean
read_hex4 (const guchar *text,
           gsize         end,
           gsize        *at,
           guint        *value)
{
  guint result = 0;

  if (end - *at < 4)
    return FALSE;
  for (guint k = 0; k < 4; k++)
    {
      if (!g_ascii_isxdigit (text[*at + k]))
        return FALSE;
      result = result * 16 + (guint) g_ascii_xdigit_value (text[*at + k]);
    }
  *at += 4;
  *value = result;
  return TRUE;
}

/* Moves *at, just past an opening quote, to just past the closing one (or
 * to the end). FALSE where json-glib 1.6 and JSON end the string in
 * different places. */
static gboolean
skip_string (const guchar *text,
             gsize         end,
             gsize        *at)
{
  while (*at < end)
    {
      guchar c = text[(*at)++];
      guint unit;

      if (c == '"')
        return TRUE;
      if (c != '\\')
        continue;
      if (*at >= end)
        break;
      /* json-glib takes one character after a backslash (octal escapes
       * take digits too, which are never quotes), except \u. */
      if (text[(*at)++] != 'u')
        continue;
      if (!read_hex4 (text, end, at, &unit))
        return FALSE;
      if (unit < 0xd800 || unit > 0xdfff || *at >= end)
        continue;
      /* A surrogate: json-glib reads the next character as the backslash
       * of the pair's second half, whatever it is. */
      if (text[*at] == '"')
        return FALSE;
      if (text[*at] != '\\')
        continue;
      (*at)++;
      if (*at >= end)
        break;
      if (text[(*at)++] == 'u' && !read_hex4 (text, end, at, &unit))
        return FALSE;
    }
  /* Unterminated: json-glib fails there. */
  return TRUE;
}

gboolean
liaison_json_check (const char  *data,
                    gssize       length,
                    guint        max_depth,
                    GError     **error)
{
  const guchar *text = (const guchar *) data;
  gsize end;
  gsize at = 0;
  guint depth = 0;

  if (data == NULL)
    return TRUE;
  end = length < 0 ? strlen (data) : (gsize) length;
  while (at < end)
    {
      guchar c = text[at++];

      switch (c)
        {
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_TOO_DEEP,
                           _("The data is nested more than %u levels deep"), max_depth);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '"':
          if (!skip_string (text, end, &at))
            goto not_plain;
          break;

        case '/':
        case '\'':
          goto not_plain;

        default:
          break;
        }
    }
  return TRUE;

not_plain:
  g_set_error_literal (error, LIAISON_JSON_ERROR, LIAISON_JSON_ERROR_NOT_PLAIN,
                       _("The data is not plain JSON: it has a comment, a single-quoted string "
                         "or a broken \\u escape"));
  return FALSE;
}

gboolean
liaison_json_load (JsonParser  *parser,
                   const char  *data,
                   gssize       length,
                   GError     **error)
{
  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);

  if (!liaison_json_check (data, length, LIAISON_JSON_MAX_DEPTH, error))
    return FALSE;
  return json_parser_load_from_data (parser, data, length, error);
}

JsonNode *
liaison_json_from_string (const char  *text,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* As json_from_string(): a tree the caller may change, NULL if empty. */
  parser = json_parser_new ();
  if (!liaison_json_load (parser, text, -1, error))
    return NULL;
  return json_parser_steal_root (parser);
}
