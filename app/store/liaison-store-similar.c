/* liaison-store-similar.c: earlier receptions of the same matter by the
 * same visitor, for the editor's warning while a reception is logged.
 *
 * "Similar" is the reception search index's (liaison-store-search.c) match
 * of the summary's words, any of them, in the summary column: a word of
 * three or four characters as it is, a longer word in Chinese (written
 * without spaces) as each of its runs of four characters, a longer word
 * in other scripts whole. The visitor, the station and the 90 days narrow
 * the rows before the index decides.
 */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search.h"
#include "liaison-store-private.h"

/* Enough words for any summary a clerk types; the query stays small. */
#define MAX_PHRASES 64
#define RUN_CHARS   4

/* A phone as compared: its digits only. */
#define PHONE_DIGITS_SQL(column)                                               \
  "replace (replace (replace (replace (replace (" column ", '-', ''), ' ', ''),"  \
  " '+', ''), '(', ''), ')', '')"

static char *
phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone ? phone : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/* @text without outer spaces, never NULL. */
static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static void
append_phrase (GString    *query,
               const char *start,
               const char *end,
               guint      *n)
{
  if (*n >= MAX_PHRASES)
    return;
  g_string_append (query, *n > 0 ? " OR \"" : "\"");
  for (const char *p = start; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
  (*n)++;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The FTS5 query for @summary's words, any of them, in the summary
 * column; NULL when it has none the index can find. */
static char *
summary_query (const char *summary)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GPtrArray) terms = NULL;
  GString *query = g_string_new ("summary : (");
  guint n = 0;

  /* Punctuation separates words as spaces do. */
  for (const char *p = summary ? summary : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ispunct (c) || g_unichar_isspace (c))
        g_string_append_c (words, ' ');
      else
        g_string_append_unichar (words, c);
    }
  terms = liaison_search_parse (words->str);
  for (guint i = 0; i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      glong length = g_utf8_strlen (term->text, -1);

      if (!term->indexed)
        continue;
      if (length <= RUN_CHARS || is_ascii (term->text))
        {
          append_phrase (query, term->text, term->text + strlen (term->text), &n);
          continue;
        }
      for (const char *start = term->text; length >= RUN_CHARS;
           start = g_utf8_next_char (start), length--)
        append_phrase (query, start, g_utf8_offset_to_pointer (start, RUN_CHARS), &n);
    }
  if (n == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  g_string_append_c (query, ')');
  return g_string_free (query, FALSE);
}

/* The visitors' conditions on reception_visitors x, bound as :phoneN,
 * :nameN and :communityN; FALSE when no visitor has a phone or both a
 * name and a community. */
static gboolean
append_visitors (GString   *where,
                 GPtrArray *visitors)
{
  guint n = 0;

  g_string_append (where, " AND EXISTS (SELECT 1 FROM reception_visitors x WHERE x.reception_id = r.id AND (");
  for (guint i = 0; i < visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (visitors, i);
      g_autofree char *digits = phone_digits (visitor->phone);
      g_autofree char *name = stripped (visitor->name);
      g_autofree char *community = stripped (visitor->community);

      if (*digits != '\0')
        g_string_append_printf (where, "%s" PHONE_DIGITS_SQL ("x.phone") " = :phone%u", n++ > 0 ? " OR " : "", i);
      if (*name != '\0' && *community != '\0')
        g_string_append_printf (where, "%s(x.name = :name%u AND x.community = :community%u)",
                                n++ > 0 ? " OR " : "", i, i);
    }
  g_string_append (where, "))");
  return n > 0;
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *prefix,
            guint         i,
            char         *value)
{
  g_autofree char *name = g_strdup_printf ("%s%u", prefix, i);
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, g_free);
  else
    g_free (value);
}

static void
add_id (sqlite3_stmt *stmt,
        gpointer      data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) data, id);
}


GPtrArray *
liaison_store_find_similar_receptions (LiaisonStore           *self,
                                       const LiaisonReception *reception,
                                       guint                   limit,
                                       GError                **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_free);
  g_autofree char *match = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = NULL;
  gint64 station_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (reception != NULL, NULL);

  match = summary_query (reception->summary);
  if (match == NULL || limit == 0)
    return g_steal_pointer (&found);
  sql = g_string_new ("SELECT r.id FROM receptions r WHERE r.deleted = 0 AND r.station_id = :station"
                      " AND r.id <> :exclude"
                      " AND r.received_at <= :at"
                      " AND r.received_at >= strftime ('%Y-%m-%d %H:%M', :at, :days)"
                      " AND r.id IN (SELECT rowid FROM reception_search WHERE reception_search MATCH :match)");
  if (!append_visitors (sql, reception->visitors))
    return g_steal_pointer (&found);
  g_string_append (sql, " ORDER BY r.received_at DESC, r.id DESC LIMIT :limit");

  station_id = reception->station_id;
  if (!liaison_store_resolve_station (self, &station_id, error))
    return NULL;
  stmt = liaison_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":station"), station_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":exclude"), reception->meta.id);
  if (reception->received_at != NULL && *reception->received_at != '\0')
    at = g_strdup (reception->received_at);
  else
    at = g_date_time_format (now, "%Y-%m-%d %H:%M");
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":at"), g_steal_pointer (&at), -1, g_free);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":days"),
                     g_strdup_printf ("-%d days", LIAISON_SIMILAR_DAYS), -1, g_free);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":match"), g_steal_pointer (&match), -1, g_free);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      bind_named (stmt, ":phone", i, phone_digits (visitor->phone));
      bind_named (stmt, ":name", i, stripped (visitor->name));
      bind_named (stmt, ":community", i, stripped (visitor->community));
    }
  if (!liaison_store_step_rows (self, stmt, add_id, ids, _("Could not read the receptions"), error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      LiaisonReception *earlier = liaison_store_get_reception (self, g_array_index (ids, gint64, i), error);

      if (earlier == NULL)
        return NULL;
      g_ptr_array_add (found, earlier);
    }
  return g_steal_pointer (&found);
}
