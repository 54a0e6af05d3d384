/* liaison-ledger-receptions.c: the ledger's receptions imported: every row
 * checked, and written only when every row is good, in one transaction. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-ledger-private.h"
#include "liaison-ledger-visitors.h"
#include "liaison-validate.h"

/* Receptions */

static const FieldColumn reception_fields[] = {
  { "received_at", RC_DATE },     { "channel", RC_CHANNEL },       { "deputies", RC_DEPUTIES },
  { "category", RC_CATEGORY },    { "summary", RC_CONTENT },       { "handling", RC_HANDLING },
  { "place", RC_PLACE },          { "occasion", RC_OCCASION },
  { "visitors", RC_VISITOR },     { "name", RC_VISITOR },          { "phone", RC_PHONE },
  { "community", RC_COMMUNITY },  { "party_size", RC_PARTY_SIZE },
};

static gboolean
is_list_separator (gunichar c,
                   gboolean names_only)
{
  if (c == 0x3001) /* 、 */
    return TRUE;
  return !names_only && (c == ',' || c == ';' || c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */);
}

/* Splits a cell at separators; every part is trimmed and empty parts are
 * kept (an anonymous visitor between two named ones). */
static GPtrArray *
split_list (const char *text,
            gboolean    names_only)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_list_separator (c, names_only))
        {
          g_autofree char *part = g_strndup (start, p - start);

          g_ptr_array_add (parts, liaison_csv_trim (part));
          if (c == 0)
            break;
          p = g_utf8_next_char (p);
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }
  return parts;
}

typedef struct {
  LiaisonStore *store;
  GHashTable   *deputies;    /* name -> id (0: unknown) */
  GHashTable   *categories;  /* text -> id (0: unknown) */
  char         *category_names;
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->deputies, g_hash_table_unref);
  g_clear_pointer (&lookup->categories, g_hash_table_unref);
  g_clear_pointer (&lookup->category_names, g_free);
}

static gint64
lookup_cached (GHashTable   *cache,
               LiaisonStore *store,
               const char   *text,
               gint64      (*find) (LiaisonStore *, const char *))
{
  gpointer value;
  gint64 id;

  if (g_hash_table_lookup_extended (cache, text, NULL, &value))
    return *(gint64 *) value;
  id = find (store, text);
  g_hash_table_insert (cache, g_strdup (text), g_memdup2 (&id, sizeof id));
  return id;
}

static const char *
lookup_category_names (Lookup *lookup)
{
  if (lookup->category_names == NULL)
    {
      g_autoptr(GPtrArray) categories = liaison_store_list_categories (lookup->store, NULL);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; categories != NULL && i < categories->len; i++)
        {
          const LiaisonCategory *category = g_ptr_array_index (categories, i);

          if (i > 0)
            g_string_append (names, "、");
          g_string_append (names, category->name_zh);
        }
      lookup->category_names = g_string_free (g_steal_pointer (&names), FALSE);
    }
  return lookup->category_names;
}

static gboolean
field_is_reported (GHashTable *reported,
                   const char *field)
{
  const char *dot;

  if (g_hash_table_contains (reported, field))
    return TRUE;
  /* visitor.N.community is reported for the whole row as "community". */
  dot = strrchr (field, '.');
  return g_str_has_prefix (field, "visitor.") && dot != NULL &&
         g_hash_table_contains (reported, dot + 1);
}

/* Turns one data row into a reception, or adds to @reasons why not. */
static LiaisonReception *
reception_from_row (Lookup         *lookup,
                    const CsvRow   *header,
                    const CsvRow   *row,
                    const int      *column,
                    gint64          station_id,
                    GDateTime      *now,
                    GPtrArray      *reasons)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) field_errors = NULL;
  g_autofree char *date = liaison_csv_cell (row, column[RC_DATE]);
  g_autofree char *deputies = liaison_csv_cell (row, column[RC_DEPUTIES]);
  g_autofree char *visitor = liaison_csv_cell (row, column[RC_VISITOR]);
  g_autofree char *phone = liaison_csv_cell (row, column[RC_PHONE]);
  g_autofree char *party = liaison_csv_cell (row, column[RC_PARTY_SIZE]);
  g_autofree char *community = liaison_csv_cell (row, column[RC_COMMUNITY]);
  g_autofree char *category = liaison_csv_cell (row, column[RC_CATEGORY]);
  g_autofree char *content = liaison_csv_cell (row, column[RC_CONTENT]);
  g_autofree char *handling = liaison_csv_cell (row, column[RC_HANDLING]);
  g_autofree char *channel = liaison_csv_cell (row, column[RC_CHANNEL]);
  g_autofree char *consent = liaison_csv_cell (row, column[RC_CONSENT]);
  g_autofree char *on_spot = liaison_csv_cell (row, column[RC_ON_SPOT]);
  g_autofree char *place = liaison_csv_cell (row, column[RC_PLACE]);
  g_autofree char *occasion = liaison_csv_cell (row, column[RC_OCCASION]);
  g_autofree char *phone_name = liaison_ledger_column_name (header, column[RC_PHONE]);
  g_autofree char *party_name = liaison_ledger_column_name (header, column[RC_PARTY_SIZE]);
  g_autofree char *community_name = liaison_ledger_column_name (header, column[RC_COMMUNITY]);
  g_autofree char *consent_name = liaison_ledger_column_name (header, column[RC_CONSENT]);
  const char *visitor_cells[LIAISON_LEDGER_N_VISITOR_CELLS] = { phone, party, community, consent };
  const char *visitor_columns[LIAISON_LEDGER_N_VISITOR_CELLS] = { phone_name, party_name, community_name, consent_name };
  guint visitors_reported = 0;

  reception->station_id = station_id;

  if (*date == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[RC_DATE]);
      g_hash_table_add (reported, "received_at");
    }
  reception->received_at = g_strdup (date);

  /* Deputies must already be on the roster: a typo must not invent one. */
  if (*deputies == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[RC_DEPUTIES]);
      g_hash_table_add (reported, "deputies");
    }
  else
    {
      g_autoptr(GPtrArray) parts = split_list (deputies, FALSE);

      for (guint i = 0; i < parts->len; i++)
        {
          const char *name = g_ptr_array_index (parts, i);
          gint64 id;
          gboolean seen = FALSE;

          if (*name == '\0')
            continue;
          id = lookup_cached (lookup->deputies, lookup->store, name, liaison_store_find_deputy);
          if (id == 0)
            {
              liaison_ledger_add_reason (reasons, header, column[RC_DEPUTIES], _("unknown deputy “%s” (add them to the roster first)"), name);
              g_hash_table_add (reported, "deputies");
              continue;
            }
          for (guint j = 0; j < reception->deputy_ids->len; j++)
            seen |= g_array_index (reception->deputy_ids, gint64, j) == id;
          if (!seen)
            g_array_append_val (reception->deputy_ids, id);
        }
    }

  if (*category == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[RC_CATEGORY]);
      g_hash_table_add (reported, "category");
    }
  else
    {
      reception->category_id = lookup_cached (lookup->categories, lookup->store, category,
                                              liaison_store_find_category);
      if (reception->category_id == 0)
        {
          liaison_ledger_add_reason (reasons, header, column[RC_CATEGORY], _("unknown category “%s” (use one of %s)"),
                                     category, lookup_category_names (lookup));
          g_hash_table_add (reported, "category");
        }
    }

  if (*content == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[RC_CONTENT]);
      g_hash_table_add (reported, "summary");
    }
  reception->summary = g_strdup (content);
  reception->handling = g_strdup (handling);
  reception->place = g_strdup (place);
  reception->occasion = g_strdup (occasion);

  if (*community == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[RC_COMMUNITY]);
      g_hash_table_add (reported, "community");
    }

  if (*channel != '\0' && !liaison_channel_parse (channel, &reception->channel))
    {
      liaison_ledger_add_reason (reasons, header, column[RC_CHANNEL], _("unknown way of reception “%s” (use 来访, 电话, 网络 or 流动办公桌)"), channel);
      g_hash_table_add (reported, "channel");
    }
  if (!liaison_ledger_parse_yes_no (on_spot, &reception->handled_on_spot))
    {
      g_autofree char *name = liaison_ledger_column_name (header, column[RC_ON_SPOT]);
      liaison_ledger_add_reason (reasons, header, column[RC_ON_SPOT], _("“%s” in the “%s” column is neither 是 nor 否"), on_spot, name);
    }

  /* One row per reception: its visitor columns hold one value, or one
   * per visitor (liaison-ledger-visitors.h). */
  g_ptr_array_unref (reception->visitors);
  reception->visitors = liaison_ledger_visitors_parse (visitor, visitor_cells, visitor_columns,
                                                       reasons, &visitors_reported);
  if (visitors_reported & (1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE))
    g_hash_table_add (reported, "party_size");
  if (visitors_reported & (1u << LIAISON_LEDGER_VISITOR_COMMUNITY))
    g_hash_table_add (reported, "community");
  if (visitors_reported & (1u << LIAISON_LEDGER_VISITOR_PHONE))
    g_hash_table_add (reported, "phone");

  field_errors = liaison_reception_check (reception, now);
  for (guint i = 0; i < field_errors->len; i++)
    {
      const LiaisonFieldError *problem = g_ptr_array_index (field_errors, i);

      if (!field_is_reported (reported, problem->field))
        liaison_ledger_add_reason (reasons, header,
                                   liaison_ledger_field_column (problem->field, reception_fields, G_N_ELEMENTS (reception_fields), column),
                                   "%s", problem->message);
    }

  if (reasons->len > 0)
    return NULL;
  return g_steal_pointer (&reception);
}

gboolean
liaison_ledger_import_receptions (LiaisonStore  *store,
                        GFile         *file,
                        guint         *n_imported,
                        GError       **error)
{
  return liaison_ledger_import_receptions_with_problems (store, file, n_imported, NULL, error);
}

typedef struct
{
  Lookup      lookup;
  const int  *column;
  gint64      station_id;
  GDateTime  *now;
} ReceptionRows;

static gpointer
make_reception (gpointer      data,
                const CsvRow *header,
                const CsvRow *row,
                GPtrArray    *reasons)
{
  ReceptionRows *rows = data;

  return reception_from_row (&rows->lookup, header, row, rows->column, rows->station_id, rows->now, reasons);
}

static gboolean
save_reception (LiaisonStore  *store,
                gpointer       reception,
                GError       **error)
{
  return liaison_store_save_reception (store, reception, error);
}

gboolean
liaison_ledger_import_receptions_with_problems (LiaisonStore          *store,
                                                GFile                 *file,
                                                guint                 *n_imported,
                                                LiaisonImportProblems *problems,
                                                GError               **error)
{
  return liaison_ledger_import_receptions_full (store, file, n_imported, NULL, problems, error);
}

gboolean
liaison_ledger_import_receptions_full (LiaisonStore          *store,
                                       GFile                 *file,
                                       guint                 *n_imported,
                                       GArray                *already_imported,
                                       LiaisonImportProblems *problems_out,
                                       GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LiaisonImportProblems) problems = problems_out != NULL ? liaison_import_problems_ref (problems_out)
                                                                   : liaison_import_problems_new ();
  ReceptionRows reception_rows = { { store, NULL, NULL, NULL }, NULL, 0, now };
  int column[N_RECEPTION_COLUMNS];
  gboolean imported;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  rows = liaison_ledger_start_import (file, liaison_ledger_reception_columns, N_RECEPTION_COLUMNS, column, problems, n_imported, error);
  if (rows == NULL)
    return FALSE;

  station = liaison_store_get_local_station (store);
  if (station == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION,
                           _("Nothing was imported: this station has not been set up yet. Open Liaison and give the station’s name first."));
      return FALSE;
    }

  reception_rows.lookup.deputies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reception_rows.lookup.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reception_rows.column = column;
  reception_rows.station_id = station->meta.id;
  imported = liaison_ledger_import_rows (store, file, rows, make_reception, &reception_rows,
                                         (GDestroyNotify) liaison_reception_free, save_reception,
                                         liaison_ledger_skip_imported_receptions, already_imported, problems, n_imported, error);
  lookup_clear (&reception_rows.lookup);
  return imported;
}
