/* liaison-store-search.c: the search indexes and the queries on them.
 *
 * Receptions: an FTS5 trigram index over the summary, the handling, the
 * visitors' names and communities, their phones, the deputies present,
 * the category, and the place and occasion of a mobile desk. The people are kept in receptions' search_* columns by
 * triggers on the tables they live in, so that every writer (a save, a
 * pulled page, an import) keeps the index current, and the index's
 * external content, a view, always gives back the text it was made of.
 * Suggestions: the same over their title, content, who raised them, their
 * deputies and category.
 *
 * A save writes the reception "held" (search_held = 1), out of the index,
 * and releases it once its visitors and deputies are written: indexing it
 * again at every one of them made a save's FTS5 work four to seven times
 * over, and the insert rate a third.
 *
 * A word of three characters or more is a phrase of the FTS5 query; the
 * index cannot find shorter ones, which are LIKE conditions on the rows.
 */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search.h"
#include "liaison-store-search.h"

/* The text kept for reception @id: its visitors' names and communities;
 * their phones, digits only, each followed by ";" so that a word can ask
 * for the end of a number ("5678;"); and the deputies present. */
#define VISITORS_TEXT(id)                                                           \
  "(SELECT ifnull (group_concat (trim (v.name || ' ' || v.community), ' '), '')"    \
  " FROM reception_visitors v WHERE v.reception_id = " id ")"
#define PHONES_TEXT(id)                                                             \
  "(SELECT ifnull (group_concat (replace (replace (replace (replace (replace ("     \
  "v.phone, '-', ''), ' ', ''), '+', ''), '(', ''), ')', '') || ';', ' '), '')"     \
  " FROM reception_visitors v WHERE v.reception_id = " id " AND v.phone <> '')"
#define DEPUTIES_TEXT(id)                                                           \
  "(SELECT ifnull (group_concat (d.name, ' '), '') FROM reception_deputies rd"      \
  " JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = " id ")"
/* A category as indexed: both its names, as shown in Chinese and English. */
#define CATEGORY_TEXT(id) \
  "(SELECT c.name_zh || ' ' || c.name FROM categories c WHERE c.id = " id ")"
#define SET_PEOPLE_TEXT                                      \
  " search_visitors = " VISITORS_TEXT ("receptions.id") "," \
  " search_phones = " PHONES_TEXT ("receptions.id")
#define SET_DEPUTIES_TEXT " search_deputies = " DEPUTIES_TEXT ("receptions.id")

/* The index as schema 7 made it; the mobile desk's migration (below) adds
 * the place and the occasion as one more column. */
#define RECEPTION_COLUMNS_7 "summary, handling, visitors, phones, deputies, category"
#define RECEPTION_VALUES_7(row)                                                \
  row ".id, " row ".summary, " row ".handling, " row ".search_visitors, "     \
  row ".search_phones, " row ".search_deputies, " CATEGORY_TEXT (row ".category_id")
#define PLACE_TEXT(row) "trim (" row ".place || ' ' || " row ".occasion)"
#define RECEPTION_COLUMNS RECEPTION_COLUMNS_7 ", place"
#define RECEPTION_VALUES(row) RECEPTION_VALUES_7 (row) ", " PLACE_TEXT (row)

/* A suggestion's deputies as indexed: who filed it and who took it up,
 * each name given by @filer and @taker. */
#define SUGGESTION_DEPUTIES(filer, taker) \
  "trim (ifnull (" filer ", '') || ' ' || ifnull (" taker ", ''))"
#define DEPUTY_NAME(id) "(SELECT name FROM deputies WHERE id = " id ")"
#define SUGGESTION_COLUMNS "title, content, raised_by, deputies, category"
#define SUGGESTION_VALUES(row, deputies) \
  row ".id, " row ".title, " row ".content, " row ".raised_by, " deputies ", " CATEGORY_TEXT (row ".category_id")
#define SUGGESTION_NEW_VALUES(row) \
  SUGGESTION_VALUES (row, SUGGESTION_DEPUTIES (DEPUTY_NAME (row ".deputy_id"), DEPUTY_NAME (row ".taken_up_by_id")))
/* In a trigger on deputies, after a rename: the names the index holds. */
#define RENAMED_NAME(column) \
  "CASE WHEN g." column " = old.id THEN old.name ELSE " DEPUTY_NAME ("g." column) " END"

/* The receptions' index: its content view and table, the triggers that
 * keep it, and the category renames that write it (and the suggestions').
 * @columns and @values are the index's; @view_place the view's place
 * column, @update_of and @when_place the columns an update watches, and
 * @delete_place the place as a rename takes it out, each "" before schema
 * 19. */
#define RECEPTION_INDEX_TABLE(columns, view_place)                                       \
  /* Tombstones stay out of the index, as since schema 2. */                            \
  "CREATE VIEW reception_search_text AS SELECT r.id, r.summary, r.handling,"            \
  " r.search_visitors AS visitors, r.search_phones AS phones, r.search_deputies AS deputies," \
  " " CATEGORY_TEXT ("r.category_id") " AS category" view_place                        \
  " FROM receptions r WHERE r.deleted = 0 AND r.search_held = 0;\n"                     \
  "CREATE VIRTUAL TABLE reception_search USING fts5 (" columns ","                      \
  " content = 'reception_search_text', content_rowid = 'id', tokenize = 'trigram');\n"  \
  "INSERT INTO reception_search (reception_search) VALUES ('rebuild');\n"
#define RECEPTION_INDEX_TRIGGERS(columns, values, update_of, when_place)                \
  "CREATE TRIGGER receptions_search_insert AFTER INSERT ON receptions"                  \
  " WHEN new.deleted = 0 AND new.search_held = 0 BEGIN\n"                               \
  "  INSERT INTO reception_search (rowid, " columns ")\n"                               \
  "    VALUES (" values ("new") ");\n"                                                  \
  "END;\n"                                                                              \
  "CREATE TRIGGER receptions_search_delete AFTER DELETE ON receptions"                  \
  " WHEN old.deleted = 0 AND old.search_held = 0 BEGIN\n"                               \
  "  INSERT INTO reception_search (reception_search, rowid, " columns ")\n"             \
  "    VALUES ('delete', " values ("old") ");\n"                                        \
  "END;\n"                                                                              \
  /* Only a real change: a save rewrites every column, and the visitors                \
   * and deputies it writes again come back to the same text. */                       \
  "CREATE TRIGGER receptions_search_update\n"                                           \
  "  AFTER UPDATE OF summary, handling," update_of " search_visitors, search_phones, search_deputies," \
  " category_id, deleted, search_held ON receptions\n"                                  \
  "  WHEN old.summary IS NOT new.summary OR old.handling IS NOT new.handling" when_place \
  " OR old.search_visitors IS NOT new.search_visitors OR old.search_phones IS NOT new.search_phones" \
  " OR old.search_deputies IS NOT new.search_deputies OR old.category_id IS NOT new.category_id" \
  " OR old.deleted IS NOT new.deleted OR old.search_held IS NOT new.search_held BEGIN\n" \
  "  INSERT INTO reception_search (reception_search, rowid, " columns ")\n"             \
  "    SELECT 'delete', " values ("old") " WHERE old.deleted = 0 AND old.search_held = 0;\n" \
  "  INSERT INTO reception_search (rowid, " columns ")\n"                               \
  "    SELECT " values ("new") " WHERE new.deleted = 0 AND new.search_held = 0;\n"      \
  "END;\n"
#define CATEGORIES_RENAME(columns, values, delete_place)                                \
  "CREATE TRIGGER categories_search_rename AFTER UPDATE OF name, name_zh ON categories"  \
  " WHEN old.name IS NOT new.name OR old.name_zh IS NOT new.name_zh BEGIN\n"            \
  "  INSERT INTO reception_search (reception_search, rowid, " columns ")\n"             \
  "    SELECT 'delete', r.id, r.summary, r.handling, r.search_visitors, r.search_phones," \
  " r.search_deputies, old.name_zh || ' ' || old.name" delete_place "\n"                \
  "    FROM receptions r WHERE r.category_id = old.id AND r.deleted = 0 AND r.search_held = 0;\n" \
  "  INSERT INTO reception_search (rowid, " columns ")\n"                               \
  "    SELECT " values ("r") " FROM receptions r WHERE r.category_id = new.id"          \
  " AND r.deleted = 0 AND r.search_held = 0;\n"                                         \
  "  INSERT INTO suggestion_search (suggestion_search, rowid, " SUGGESTION_COLUMNS ")\n" \
  "    SELECT 'delete', g.id, g.title, g.content, g.raised_by,"                         \
  " " SUGGESTION_DEPUTIES (DEPUTY_NAME ("g.deputy_id"), DEPUTY_NAME ("g.taken_up_by_id")) "," \
  " old.name_zh || ' ' || old.name FROM suggestions g WHERE g.category_id = old.id;\n"   \
  "  INSERT INTO suggestion_search (rowid, " SUGGESTION_COLUMNS ")\n"                   \
  "    SELECT " SUGGESTION_NEW_VALUES ("g") " FROM suggestions g WHERE g.category_id = new.id;\n" \
  "END;\n"
#define PLACE_INDEX_ARGS_VIEW ", " PLACE_TEXT ("r") " AS place"
#define PLACE_UPDATE_OF " place, occasion,"
#define PLACE_WHEN " OR old.place IS NOT new.place OR old.occasion IS NOT new.occasion"

const char liaison_store_search_migration[] =
  "DROP TRIGGER receptions_search_insert;\n"
  "DROP TRIGGER receptions_search_delete;\n"
  "DROP TRIGGER receptions_search_update;\n"
  "DROP TRIGGER suggestions_search_insert;\n"
  "DROP TRIGGER suggestions_search_delete;\n"
  "DROP TRIGGER suggestions_search_update;\n"
  "DROP TABLE reception_search;\n"
  "DROP TABLE suggestion_search;\n"
  "ALTER TABLE receptions ADD COLUMN search_visitors TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE receptions ADD COLUMN search_phones TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE receptions ADD COLUMN search_deputies TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE receptions ADD COLUMN search_held INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE receptions SET" SET_PEOPLE_TEXT "," SET_DEPUTIES_TEXT ";\n"
  RECEPTION_INDEX_TABLE (RECEPTION_COLUMNS_7, "")
  "CREATE VIEW suggestion_search_text AS SELECT g.id, g.title, g.content, g.raised_by,"
  " " SUGGESTION_DEPUTIES (DEPUTY_NAME ("g.deputy_id"), DEPUTY_NAME ("g.taken_up_by_id")) " AS deputies,"
  " " CATEGORY_TEXT ("g.category_id") " AS category FROM suggestions g;\n"
  "CREATE VIRTUAL TABLE suggestion_search USING fts5 (" SUGGESTION_COLUMNS ","
  " content = 'suggestion_search_text', content_rowid = 'id', tokenize = 'trigram');\n"
  "INSERT INTO suggestion_search (suggestion_search) VALUES ('rebuild');\n"

  /* The people, from the tables they live in. */
  "CREATE TRIGGER reception_visitors_search_insert AFTER INSERT ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET" SET_PEOPLE_TEXT " WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_search_delete AFTER DELETE ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET" SET_PEOPLE_TEXT " WHERE id = old.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_search_update\n"
  "  AFTER UPDATE OF reception_id, name, phone, community ON reception_visitors BEGIN\n"
  "  UPDATE receptions SET" SET_PEOPLE_TEXT " WHERE id IN (old.reception_id, new.reception_id);\n"
  "END;\n"
  "CREATE TRIGGER reception_deputies_search_insert AFTER INSERT ON reception_deputies BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT " WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_deputies_search_delete AFTER DELETE ON reception_deputies BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT " WHERE id = old.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_deputies_search_update\n"
  "  AFTER UPDATE OF reception_id, deputy_id ON reception_deputies BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT " WHERE id IN (old.reception_id, new.reception_id);\n"
  "END;\n"

  /* The index, from receptions: the live ones that are not held. */
  RECEPTION_INDEX_TRIGGERS (RECEPTION_COLUMNS_7, RECEPTION_VALUES_7, "", "")

  "CREATE TRIGGER suggestions_search_insert AFTER INSERT ON suggestions BEGIN\n"
  "  INSERT INTO suggestion_search (rowid, " SUGGESTION_COLUMNS ")\n"
  "    VALUES (" SUGGESTION_NEW_VALUES ("new") ");\n"
  "END;\n"
  "CREATE TRIGGER suggestions_search_delete AFTER DELETE ON suggestions BEGIN\n"
  "  INSERT INTO suggestion_search (suggestion_search, rowid, " SUGGESTION_COLUMNS ")\n"
  "    VALUES ('delete', " SUGGESTION_NEW_VALUES ("old") ");\n"
  "END;\n"
  /* The loop's cache rewrites taken_up_by_id at every move: only a change
   * touches the index. */
  "CREATE TRIGGER suggestions_search_update\n"
  "  AFTER UPDATE OF title, content, raised_by, deputy_id, taken_up_by_id, category_id ON suggestions\n"
  "  WHEN old.title IS NOT new.title OR old.content IS NOT new.content"
  " OR old.raised_by IS NOT new.raised_by OR old.deputy_id IS NOT new.deputy_id"
  " OR old.taken_up_by_id IS NOT new.taken_up_by_id OR old.category_id IS NOT new.category_id BEGIN\n"
  "  INSERT INTO suggestion_search (suggestion_search, rowid, " SUGGESTION_COLUMNS ")\n"
  "    VALUES ('delete', " SUGGESTION_NEW_VALUES ("old") ");\n"
  "  INSERT INTO suggestion_search (rowid, " SUGGESTION_COLUMNS ")\n"
  "    VALUES (" SUGGESTION_NEW_VALUES ("new") ");\n"
  "END;\n"

  /* Renames, rare (a roster or categories from headquarters): the rows
   * that show the old name are indexed again. */
  "CREATE TRIGGER deputies_search_rename AFTER UPDATE OF name ON deputies"
  " WHEN old.name IS NOT new.name BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT "\n"
  "    WHERE id IN (SELECT reception_id FROM reception_deputies WHERE deputy_id = new.id);\n"
  "  INSERT INTO suggestion_search (suggestion_search, rowid, " SUGGESTION_COLUMNS ")\n"
  "    SELECT 'delete', " SUGGESTION_VALUES ("g", SUGGESTION_DEPUTIES (RENAMED_NAME ("deputy_id"),
                                                                        RENAMED_NAME ("taken_up_by_id")))
  "    FROM suggestions g WHERE g.deputy_id = new.id OR g.taken_up_by_id = new.id;\n"
  "  INSERT INTO suggestion_search (rowid, " SUGGESTION_COLUMNS ")\n"
  "    SELECT " SUGGESTION_NEW_VALUES ("g")
  "    FROM suggestions g WHERE g.deputy_id = new.id OR g.taken_up_by_id = new.id;\n"
  "END;\n"
  CATEGORIES_RENAME (RECEPTION_COLUMNS_7, RECEPTION_VALUES_7, "");

/* The mobile desk (docs/online.md): a reception's place and occasion,
 * indexed with the rest. The index and the triggers that write it are made
 * again with the column "place" (both texts); the suggestions' are
 * untouched but for categories_search_rename, which writes both. */
const char liaison_store_place_migration[] =
  "ALTER TABLE receptions ADD COLUMN place TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE receptions ADD COLUMN occasion TEXT NOT NULL DEFAULT '';\n"
  "CREATE INDEX receptions_mobile_desk ON receptions (received_at, id)"
  " WHERE deleted = 0 AND channel = 'mobile_desk';\n"
  "DROP TRIGGER receptions_search_insert;\n"
  "DROP TRIGGER receptions_search_delete;\n"
  "DROP TRIGGER receptions_search_update;\n"
  "DROP TRIGGER categories_search_rename;\n"
  "DROP TABLE reception_search;\n"
  "DROP VIEW reception_search_text;\n"
  RECEPTION_INDEX_TABLE (RECEPTION_COLUMNS, PLACE_INDEX_ARGS_VIEW)
  RECEPTION_INDEX_TRIGGERS (RECEPTION_COLUMNS, RECEPTION_VALUES, PLACE_UPDATE_OF, PLACE_WHEN)
  CATEGORIES_RENAME (RECEPTION_COLUMNS, RECEPTION_VALUES, ", " PLACE_TEXT ("r"));

/* Schema 21: while a reception is held, the triggers on its visitors and
 * deputies leave it alone (each of them rewrote the reception's row, with
 * its people's text made again, at every visitor and deputy: a fifth of a
 * pull), and its release writes the people and their total once. The
 * triggers on an update of a visitor or deputy row, rare, are as they
 * were: a release writes every column they keep. */
#define NOT_HELD(id) " WHEN (SELECT search_held FROM receptions WHERE id = " id ") = 0"
#define RELEASE_SET                                                              \
  " search_held = 0," SET_PEOPLE_TEXT "," SET_DEPUTIES_TEXT ","                 \
  " visitors_total = (SELECT coalesce (sum (v.party_size), 0)"                  \
  " FROM reception_visitors v WHERE v.reception_id = receptions.id)"

const char liaison_store_held_migration[] =
  "DROP TRIGGER reception_visitors_search_insert;\n"
  "DROP TRIGGER reception_visitors_search_delete;\n"
  "DROP TRIGGER reception_deputies_search_insert;\n"
  "DROP TRIGGER reception_deputies_search_delete;\n"
  "DROP TRIGGER reception_visitors_total_insert;\n"
  "DROP TRIGGER reception_visitors_total_delete;\n"
  "CREATE TRIGGER reception_visitors_search_insert AFTER INSERT ON reception_visitors"
  NOT_HELD ("new.reception_id") " BEGIN\n"
  "  UPDATE receptions SET" SET_PEOPLE_TEXT " WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_search_delete AFTER DELETE ON reception_visitors"
  NOT_HELD ("old.reception_id") " BEGIN\n"
  "  UPDATE receptions SET" SET_PEOPLE_TEXT " WHERE id = old.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_deputies_search_insert AFTER INSERT ON reception_deputies"
  NOT_HELD ("new.reception_id") " BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT " WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_deputies_search_delete AFTER DELETE ON reception_deputies"
  NOT_HELD ("old.reception_id") " BEGIN\n"
  "  UPDATE receptions SET" SET_DEPUTIES_TEXT " WHERE id = old.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_total_insert AFTER INSERT ON reception_visitors"
  NOT_HELD ("new.reception_id") " BEGIN\n"
  "  UPDATE receptions SET visitors_total = visitors_total + new.party_size WHERE id = new.reception_id;\n"
  "END;\n"
  "CREATE TRIGGER reception_visitors_total_delete AFTER DELETE ON reception_visitors"
  NOT_HELD ("old.reception_id") " BEGIN\n"
  "  UPDATE receptions SET visitors_total = visitors_total - old.party_size WHERE id = old.reception_id;\n"
  "END;\n";

const char liaison_store_search_index_7[] =
  RECEPTION_INDEX_TABLE (RECEPTION_COLUMNS_7, "")
  RECEPTION_INDEX_TRIGGERS (RECEPTION_COLUMNS_7, RECEPTION_VALUES_7, "", "")
  CATEGORIES_RENAME (RECEPTION_COLUMNS_7, RECEPTION_VALUES_7, "");

/* Queries */

char *
liaison_store_search_normalize (const char *search)
{
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  if (terms->len == 0)
    return NULL;
  return g_strstrip (g_strdup (search));
}

gboolean
liaison_store_search_uses_index (const char *search)
{
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  for (guint i = 0; i < terms->len; i++)
    if (((LiaisonSearchTerm *) g_ptr_array_index (terms, i))->indexed)
      return TRUE;
  return FALSE;
}

gboolean
liaison_store_search_index_only (const char *search)
{
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  for (guint i = 0; i < terms->len; i++)
    if (!((LiaisonSearchTerm *) g_ptr_array_index (terms, i))->indexed)
      return FALSE;
  return terms->len > 0;
}

/* An FTS5 phrase of @text followed by @tail, quotes doubled, so that what
 * the user types is never read as FTS5 syntax. */
static void
append_phrase (GString    *query,
               const char *text,
               const char *tail)
{
  g_string_append_c (query, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append (query, tail);
  g_string_append_c (query, '"');
}

/* The FTS5 query for the indexed words of @terms, all of them; NULL when
 * there are none. With @phones, a word with digits looks in the text
 * columns, never at the middle of a phone number, and a phone word also at
 * the end of one. */
static char *
fts_query (GPtrArray *terms,
           gboolean   phones)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      gboolean text_columns = phones && strpbrk (term->text, "0123456789;") != NULL;

      if (!term->indexed)
        continue;
      if (query->len > 0)
        g_string_append (query, " AND ");
      if (text_columns && term->digits != NULL)
        g_string_append_c (query, '(');
      if (text_columns)
        g_string_append (query, "{summary handling visitors deputies category place} : ");
      append_phrase (query, term->text, "");
      if (text_columns && term->digits != NULL)
        {
          g_string_append (query, " OR phones : ");
          append_phrase (query, term->digits, ";");
          g_string_append_c (query, ')');
        }
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/* One LIKE condition per short word; @columns are the row's text columns,
 * @others conditions with the parameter written as %1$s. */
static void
append_short_terms (GString            *where,
                    GPtrArray          *terms,
                    const char * const *columns,
                    const char * const *others)
{
  guint n = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *name = NULL;

      if (term->indexed)
        continue;
      name = g_strdup_printf (":like%u", n++);
      g_string_append (where, " AND (");
      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (where, "%s%s LIKE %s ESCAPE '\\'", c > 0 ? " OR " : "", columns[c], name);
      for (guint c = 0; others[c] != NULL; c++)
        {
          g_autoptr(GString) other = g_string_new (others[c]);

          g_string_replace (other, "%1$s", name, 0);
          g_string_append_printf (where, " OR %s", other->str);
        }
      g_string_append_c (where, ')');
    }
}

static void
bind_terms (sqlite3_stmt *stmt,
            GPtrArray    *terms,
            gboolean      phones)
{
  g_autofree char *query = fts_query (terms, phones);
  guint n = 0;
  int index = sqlite3_bind_parameter_index (stmt, ":search");

  if (index > 0 && query != NULL)
    sqlite3_bind_text (stmt, index, query, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < terms->len; i++)
    {
      const LiaisonSearchTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *name = NULL;

      if (term->indexed)
        continue;
      name = g_strdup_printf (":like%u", n++);
      index = sqlite3_bind_parameter_index (stmt, name);
      if (index > 0)
        sqlite3_bind_text (stmt, index, liaison_store_like_pattern (term->text), -1, g_free);
    }
}

#define CATEGORY_LIKE "IN (SELECT id FROM categories WHERE name_zh LIKE %1$s ESCAPE '\\' OR name LIKE %1$s ESCAPE '\\')"
#define DEPUTY_LIKE "IN (SELECT id FROM deputies WHERE name LIKE %1$s ESCAPE '\\')"

void
liaison_store_search_append_receptions (GString    *where,
                                        const char *search)
{
  static const char * const columns[] = {
    "r.summary", "r.handling", "r.search_visitors", "r.search_deputies", "r.place", "r.occasion", NULL
  };
  static const char * const others[] = { "r.category_id " CATEGORY_LIKE, NULL };
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  if (liaison_store_search_uses_index (search))
    g_string_append (where, " AND r.id IN (SELECT rowid FROM reception_search"
                            " WHERE reception_search MATCH :search)");
  append_short_terms (where, terms, columns, others);
}

void
liaison_store_search_bind_receptions (sqlite3_stmt *stmt,
                                      const char   *search)
{
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  bind_terms (stmt, terms, TRUE);
}

gboolean
liaison_store_search_release (LiaisonStore  *self,
                              gint64         reception_id,
                              GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "UPDATE receptions SET" RELEASE_SET " WHERE id = ? AND search_held = 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reception_id);
  return liaison_store_step_done (self, stmt, _("Could not save the reception"), error);
}

gboolean
liaison_store_search_release_pulled (LiaisonStore  *self,
                                     GArray        *ids,
                                     GError       **error)
{
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;

  if (ids->len == 0)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');
  stmt = liaison_store_prepare (self, "UPDATE receptions SET deleted = 0," RELEASE_SET
                                      " WHERE id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->str, (int) list->len, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, _("Could not save a reception received from the server"), error);
}

gboolean
liaison_store_search_read_visitors (LiaisonStore  *self,
                                    GPtrArray     *receptions,
                                    GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "SELECT name, phone, community, party_size, consent FROM reception_visitors"
    " WHERE reception_id = ? ORDER BY position", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < receptions->len; i++)
    {
      LiaisonReception *reception = g_ptr_array_index (receptions, i);

      g_ptr_array_set_size (reception->visitors, 0);
      sqlite3_bind_int64 (stmt, 1, reception->meta.id);
      if (!liaison_store_step_rows (self, stmt, liaison_store_row_add_visitor, reception->visitors,
                                    _("Could not read the receptions"), error))
        return FALSE;
    }
  return TRUE;
}

/* Suggestions */

static char *
suggestion_where (const char *search)
{
  static const char * const columns[] = { "g.title", "g.content", "g.raised_by", NULL };
  static const char * const others[] = {
    "g.category_id " CATEGORY_LIKE, "g.deputy_id " DEPUTY_LIKE, "g.taken_up_by_id " DEPUTY_LIKE, NULL
  };
  GString *where = g_string_new (" WHERE g.deleted = 0");
  g_autoptr(GPtrArray) terms = liaison_search_parse (search);

  if (liaison_store_search_uses_index (search))
    g_string_append (where, " AND g.id IN (SELECT rowid FROM suggestion_search"
                            " WHERE suggestion_search MATCH :search)");
  append_short_terms (where, terms, columns, others);
  return g_string_free (where, FALSE);
}

guint
liaison_store_count_suggestions (LiaisonStore  *self,
                                 const char    *search,
                                 GError       **error)
{
  g_autofree char *query = liaison_store_search_normalize (search);
  g_autofree char *where = suggestion_where (query);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM suggestions g", where, NULL);
  g_autoptr(GPtrArray) terms = liaison_search_parse (query);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return 0;
  bind_terms (stmt, terms, FALSE);
  return liaison_store_step_count (self, stmt, _("Could not count the suggestions"), error);
}

GPtrArray *
liaison_store_list_suggestions (LiaisonStore  *self,
                                const char    *search,
                                guint          offset,
                                guint          limit,
                                GError       **error)
{
  g_autofree char *query = liaison_store_search_normalize (search);
  g_autofree char *where = suggestion_where (query);
  g_autofree char *sql = g_strconcat (LIAISON_SUGGESTION_SELECT, where,
                                      " ORDER BY g.created_at DESC, g.id DESC LIMIT :limit OFFSET :offset", NULL);
  g_autoptr(GPtrArray) terms = liaison_search_parse (query);
  sqlite3_stmt *stmt = liaison_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  bind_terms (stmt, terms, FALSE);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  return liaison_store_collect_rows (self, stmt, (LiaisonRowReader) liaison_store_read_suggestion,
                                     (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}
