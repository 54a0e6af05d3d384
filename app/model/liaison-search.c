/* liaison-search.c: the words of a search, shared by the store and the lists. */
#define G_LOG_DOMAIN "liaison-search"

#include "config.h"

#include <string.h>

#include "liaison-search.h"
#include "liaison-validate.h"

/* Phone words need this many digits: fewer would match most numbers. */
#define PHONE_DIGITS_MIN 4

static void
term_free (gpointer data)
{
  LiaisonSearchTerm *term = data;

  g_free (term->text);
  g_free (term->digits);
  g_free (term);
}

/* The digits of @text if it is written like (part of) a phone number:
 * digits, with the separators people type; NULL otherwise. */
static char *
phone_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' && *p != '+' && *p != '(' && *p != ')')
        return NULL;
    }
  if (digits->len < PHONE_DIGITS_MIN)
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
add_term (GPtrArray  *terms,
          const char *text,
          gsize       length)
{
  LiaisonSearchTerm *term = g_new0 (LiaisonSearchTerm, 1);

  term->text = g_strndup (text, length);
  term->digits = phone_digits (term->text);
  term->indexed = g_utf8_strlen (term->text, -1) >= 3;
  g_ptr_array_add (terms, term);
}

/* "138 1234 5678", "0561 3012345": a whole number typed in groups. */
static char *
spaced_phone (const char *query)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean spaced = FALSE;

  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        spaced = TRUE;
      else if (c < 0x80 && g_ascii_isdigit ((char) c))
        g_string_append_c (digits, (char) c);
      else if (c != '-')
        return NULL;
    }
  if (!spaced || !liaison_phone_is_valid (digits->str))
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

GPtrArray *
liaison_search_parse (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (term_free);
  g_autofree char *phone = NULL;
  const char *word = NULL;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return terms;

  phone = spaced_phone (query);
  if (phone != NULL)
    {
      add_term (terms, phone, strlen (phone));
      return terms;
    }

  for (const char *p = query; ; p = g_utf8_next_char (p))
    {
      /* g_unichar_isspace() knows the full-width space U+3000 too. */
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && word != NULL)
        {
          add_term (terms, word, p - word);
          word = NULL;
        }
      else if (!end && word == NULL)
        word = p;
      if (*p == '\0')
        break;
    }
  return terms;
}

gboolean
liaison_search_find (const char *text,
                     gsize       from,
                     const char *term,
                     gsize      *start,
                     gsize      *end)
{
  if (text == NULL || term == NULL || *term == '\0')
    return FALSE;

  /* Character by character, so that offsets stay those of @text; the
   * index folds case the same way for the letters people type. */
  for (const char *p = text + from; *p; p = g_utf8_next_char (p))
    {
      const char *t = p;
      const char *w = term;

      while (*t && *w && g_unichar_tolower (g_utf8_get_char (t)) == g_unichar_tolower (g_utf8_get_char (w)))
        {
          t = g_utf8_next_char (t);
          w = g_utf8_next_char (w);
        }
      if (*w == '\0')
        {
          *start = p - text;
          *end = t - text;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
liaison_search_phone_matches (const LiaisonSearchTerm *term,
                              const char              *phone)
{
  g_autoptr(GString) digits = NULL;

  if (term->digits == NULL || phone == NULL)
    return FALSE;
  digits = g_string_new (NULL);
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_str_has_suffix (digits->str, term->digits);
}
