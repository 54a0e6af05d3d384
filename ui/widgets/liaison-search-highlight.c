/* liaison-search-highlight.c: marking what a search matched in a list row. */
#define G_LOG_DOMAIN "liaison-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "liaison-privacy.h"
#include "liaison-search-highlight.h"
#include "liaison-search.h"

/* Bold on a light yellow, readable on light and dark rows alike. */
#define MARK_OPEN "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"45%\">"
#define MARK_CLOSE "</span>"
/* A match further into a one-line text than this may be cut off. */
#define EARLY_CHARS 12
#define LEAD_CHARS 4

static gboolean
text_matches (const char *text,
              const char *word)
{
  gsize start, end;

  return liaison_search_find (text, 0, word, &start, &end);
}

/* Escapes @length bytes of @text into @markup, marked or not. */
static void
append_run (GString    *markup,
            const char *text,
            gssize      length,
            gboolean    marked)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  if (marked)
    g_string_append (markup, MARK_OPEN);
  g_string_append (markup, escaped);
  if (marked)
    g_string_append (markup, MARK_CLOSE);
}

/* @text as markup, its bytes marked where @mask says. */
static char *
markup_masked (const char     *text,
               const gboolean *mask)
{
  GString *markup = g_string_new (NULL);
  gsize length = strlen (text);
  gsize run = 0;

  for (gsize i = 1; i <= length; i++)
    if (i == length || mask[i] != mask[run])
      {
        append_run (markup, text + run, i - run, mask[run]);
        run = i;
      }
  return g_string_free (markup, FALSE);
}

char *
liaison_search_highlight_text (const char *text,
                               GPtrArray  *terms)
{
  g_autofree gboolean *mask = NULL;
  gsize length;

  if (text == NULL)
    return g_strdup ("");
  length = strlen (text);
  mask = g_new0 (gboolean, length + 1);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      gsize start, end, from = 0;

      while (liaison_search_find (text, from, term->text, &start, &end))
        {
          for (gsize b = start; b < end; b++)
            mask[b] = TRUE;
          from = end;
        }
    }
  return markup_masked (text, mask);
}

char *
liaison_search_highlight_format (const char *format,
                                 ...)
{
  g_autofree char *escaped = g_markup_escape_text (format, -1);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = escaped;
  va_list args;

  /* Each %s in turn, so that a format's own text is never read as markup
   * and the pieces, markup already, are not escaped twice. */
  va_start (args, format);
  while (*p)
    {
      const char *next = strstr (p, "%s");

      if (next == NULL)
        {
          g_string_append (markup, p);
          break;
        }
      g_string_append_len (markup, p, next - p);
      g_string_append (markup, va_arg (args, const char *));
      p = next + 2;
    }
  va_end (args);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

char *
liaison_search_highlight_phone (const char *phone,
                                GPtrArray  *terms)
{
  g_autofree char *masked = liaison_privacy_mask_phone (phone);
  g_autofree gboolean *mask = NULL;
  gsize length = strlen (masked);
  gsize n_digits = 0;
  gsize visible = 0;

  for (const char *p = phone ? phone : ""; *p; p++)
    n_digits += g_ascii_isdigit (*p) ? 1 : 0;
  while (visible < length && masked[length - 1 - visible] != '*')
    visible++;

  mask = g_new0 (gboolean, length + 1);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      gsize n;

      if (!liaison_search_phone_matches (term, phone))
        continue;
      /* The whole number: all of it; its end: the digits the list shows. */
      n = strlen (term->digits) >= n_digits ? length : MIN (strlen (term->digits), visible);
      for (gsize b = length - n; b < length; b++)
        mask[b] = TRUE;
    }
  return markup_masked (masked, mask);
}

char *
liaison_search_highlight_from_match (const char *text,
                                     GPtrArray  *terms)
{
  glong first = -1;
  glong from;

  if (text == NULL)
    return g_strdup ("");
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      gsize start, end;

      if (liaison_search_find (text, 0, term->text, &start, &end))
        {
          glong at = g_utf8_pointer_to_offset (text, text + start);

          if (first < 0 || at < first)
            first = at;
        }
    }
  if (first <= EARLY_CHARS)
    return g_strdup (text);
  from = first - LEAD_CHARS;
  return g_strconcat ("…", g_utf8_offset_to_pointer (text, from), NULL);
}

/* "Label: …text…" with its matches marked, for the line of other hits. */
static void
add_elsewhere (GString    *line,
               const char *format,
               const char *markup)
{
  g_autofree char *part = liaison_search_highlight_format (format, markup, NULL);

  if (line->len > 0)
    g_string_append (line, "   ");
  g_string_append (line, part);
}

static char *
one_line (const char *text,
          GPtrArray  *terms)
{
  g_autofree char *from = liaison_search_highlight_from_match (text, terms);

  g_strdelimit (from, "\r\n\t", ' ');
  return liaison_search_highlight_text (from, terms);
}

char *
liaison_search_highlight_reception_elsewhere (const LiaisonReception *reception,
                                              GPtrArray              *terms)
{
  GString *line = g_string_new (NULL);
  guint n_visitors = reception->visitors->len;
  g_autofree gboolean *visitor_added = g_new0 (gboolean, n_visitors + 1);
  g_autofree gboolean *phone_added = g_new0 (gboolean, n_visitors + 1);
  gboolean handling_added = FALSE;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      const LiaisonVisitor *first = n_visitors > 0 ? g_ptr_array_index (reception->visitors, 0) : NULL;

      /* Shown in the row already: the summary, the first visitor, the
       * deputies, the category and a mobile desk's place. */
      if (text_matches (reception->summary, term->text) ||
          text_matches (reception->place, term->text) ||
          text_matches (reception->occasion, term->text) ||
          text_matches (reception->deputy_names, term->text) ||
          text_matches (reception->category_name, term->text) ||
          (first != NULL && (text_matches (first->name, term->text) ||
                             text_matches (first->community, term->text) ||
                             liaison_search_phone_matches (term, first->phone))))
        continue;

      if (!handling_added && text_matches (reception->handling, term->text))
        {
          g_autofree char *markup = one_line (reception->handling, terms);

          /* Translators: where a search matched, under a reception in the list: "办理情况：…转物业…" */
          add_elsewhere (line, _("Handling: %s"), markup);
          handling_added = TRUE;
        }
      for (guint v = 1; v < n_visitors; v++)
        {
          const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, v);

          if (!visitor_added[v] && (text_matches (visitor->name, term->text) ||
                                    text_matches (visitor->community, term->text)))
            {
              g_autofree char *name = liaison_search_highlight_text (visitor->name && *visitor->name
                                                                     ? visitor->name : _("Anonymous"), terms);
              g_autofree char *community = liaison_search_highlight_text (visitor->community, terms);
              g_autofree char *who = visitor->community && *visitor->community
                ? liaison_search_highlight_format (_("%s · %s"), name, community, NULL)
                : g_strdup (name);

              /* Translators: where a search matched: another visitor of the reception, "来访人：李四 · 东山社区" */
              add_elsewhere (line, _("Visitor: %s"), who);
              visitor_added[v] = TRUE;
            }
          if (!phone_added[v] && liaison_search_phone_matches (term, visitor->phone))
            {
              g_autofree char *phone = liaison_search_highlight_phone (visitor->phone, terms);

              /* Translators: where a search matched: a visitor's phone, masked, "电话：138****5678" */
              add_elsewhere (line, _("Phone: %s"), phone);
              phone_added[v] = TRUE;
            }
        }
    }
  if (line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

char *
liaison_search_highlight_suggestion_elsewhere (const LiaisonSuggestion *suggestion,
                                               GPtrArray               *terms)
{
  GString *line = g_string_new (NULL);
  gboolean filer_added = FALSE;
  gboolean taker_added = FALSE;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);

      /* Shown in the row already: title, content, category, who raised it. */
      if (text_matches (suggestion->title, term->text) ||
          text_matches (suggestion->content, term->text) ||
          text_matches (suggestion->category_name, term->text) ||
          text_matches (suggestion->raised_by, term->text))
        continue;
      if (!filer_added && text_matches (suggestion->deputy_name, term->text))
        {
          g_autofree char *name = liaison_search_highlight_text (suggestion->deputy_name, terms);

          add_elsewhere (line, _("Filed by %s"), name);
          filer_added = TRUE;
        }
      if (!taker_added && text_matches (suggestion->taken_up_by, term->text))
        {
          g_autofree char *name = liaison_search_highlight_text (suggestion->taken_up_by, terms);

          add_elsewhere (line, _("Taken up by %s"), name);
          taker_added = TRUE;
        }
    }
  if (line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

void
liaison_search_highlight_set_row (GtkWidget  *row,
                                  const char *key,
                                  const char *markup)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), key);

  gtk_label_set_markup (label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (label), markup != NULL);
}
