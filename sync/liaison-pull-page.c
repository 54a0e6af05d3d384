/* liaison-pull-page.c: takes a pull page's changes that are not valid
 * UTF-8 out of the page (liaison-pull-page.h). */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-pull-page.h"
#include "liaison-store-quarantine.h"

typedef struct {
  gsize start;
  gsize end;  /* one past its last byte */
} Span;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
add_span (GArray     *spans,
          const char *data,
          gssize      start,
          gsize       end)
{
  Span span;

  if (start < 0)
    return;
  while (end > (gsize) start && is_space (data[end - 1]))
    end--;
  span.start = (gsize) start;
  span.end = end;
  g_array_append_val (spans, span);
}

/* Finds the top-level "changes" array (its '[' and ']') and the byte span
 * of each of its elements. Strings are skipped whole, so a bracket or a
 * comma inside one is not structure. */
static gboolean
split_changes (const char *data,
               gsize       length,
               gsize      *open,
               gsize      *close,
               GArray     *spans)
{
  gsize key_start = 0;
  gsize key_end = 0;
  gssize element = -1;
  gboolean in_changes = FALSE;
  gboolean found = FALSE;
  gsize depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (is_space (c))
        continue;
      if (in_changes && depth == 2 && element < 0 && c != ',' && c != ']')
        element = (gssize) i;
      switch (c)
        {
        case '"':
          {
            gsize start = i;

            for (i++; i < length && data[i] != '"'; i++)
              if (data[i] == '\\')
                i++;
            if (i >= length)
              return FALSE;
            if (depth == 1)
              {
                key_start = start + 1;
                key_end = i;
              }
          }
          break;
        case '{':
        case '[':
          if (c == '[' && depth == 1 && !found && key_end - key_start == strlen ("changes") &&
              memcmp (data + key_start, "changes", strlen ("changes")) == 0)
            {
              in_changes = found = TRUE;
              *open = i;
            }
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return FALSE;
          depth--;
          if (in_changes && depth == 1)
            {
              add_span (spans, data, element, i);
              in_changes = FALSE;
              *close = i;
            }
          break;
        case ',':
          if (in_changes && depth == 2)
            {
              add_span (spans, data, element, i);
              element = -1;
            }
          break;
        default:
          break;
        }
    }
  return found && !in_changes && depth == 0;
}

GBytes *
liaison_pull_page_take_invalid (GBytes    *body,
                                GPtrArray *set_aside)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GString) page = NULL;
  const char *data;
  gsize length = 0;
  gsize open = 0;
  gsize close = 0;
  gboolean first = TRUE;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &length);
  if (data == NULL || g_utf8_validate_len (data, length, NULL))
    return NULL;
  if (!split_changes (data, length, &open, &close, spans))
    return NULL;

  page = g_string_sized_new (length);
  g_string_append_len (page, data, (gssize) open + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      const char *text = data + span->start;
      gsize text_length = span->end - span->start;

      if (!g_utf8_validate_len (text, text_length, NULL))
        {
          g_ptr_array_add (set_aside, liaison_quarantined_new_bytes (
            text, text_length, _("Its text is not valid UTF-8, so it cannot be read.")));
          continue;
        }
      if (!first)
        g_string_append_c (page, ',');
      g_string_append_len (page, text, (gssize) text_length);
      first = FALSE;
    }
  g_string_append_len (page, data + close, (gssize) (length - close));
  return g_string_free_to_bytes (g_steal_pointer (&page));
}
