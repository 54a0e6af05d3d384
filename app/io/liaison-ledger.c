/* liaison-ledger.c: a station's ledger (台账) as CSV, in and out.
 *
 * Import reads the whole file, checks every row, and writes only when
 * every row is good, in one transaction. Export writes what import reads.
 */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-ledger.h"
#include "liaison-ledger-visitors.h"
#include "liaison-validate.h"

G_DEFINE_QUARK (liaison-ledger-error-quark, liaison_ledger_error)

/* Reading a file: through the project's one CSV reader (liaison-csv.c). */

typedef LiaisonCsvRow CsvRow;
typedef LiaisonCsvColumn ColumnSpec;

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Columns */

typedef enum {
  RC_DATE,
  RC_DEPUTIES,
  RC_VISITOR,
  RC_PHONE,
  RC_PARTY_SIZE,
  RC_COMMUNITY,
  RC_CATEGORY,
  RC_CONTENT,
  RC_HANDLING,
  RC_CHANNEL,
  RC_CONSENT,
  RC_ON_SPOT,
  N_RECEPTION_COLUMNS
} ReceptionColumn;

static const ColumnSpec reception_columns[N_RECEPTION_COLUMNS] = {
  [RC_DATE]       = { "接待日期", "date",       "接待时间|日期|received_at|reception date", TRUE },
  [RC_DEPUTIES]   = { "接待代表", "deputies",   "代表|deputy", TRUE },
  [RC_VISITOR]    = { "来访人",   "visitor",    "来访群众|visitors", FALSE },
  [RC_PHONE]      = { "联系电话", "phone",      "电话", FALSE },
  [RC_PARTY_SIZE] = { "人数",     "party size", "来访人数|party_size", FALSE },
  [RC_COMMUNITY]  = { "所在社区", "community",  "社区", TRUE },
  [RC_CATEGORY]   = { "类别",     "category",   "类型", TRUE },
  [RC_CONTENT]    = { "反映内容", "content",    "summary", TRUE },
  [RC_HANDLING]   = { "办理情况", "handling",   "", FALSE },
  [RC_CHANNEL]    = { "接待方式", "channel",    "", FALSE },
  [RC_CONSENT]    = { "同意联系", "consent",    "", FALSE },
  [RC_ON_SPOT]    = { "当场办结", "handled on the spot", "handled_on_spot|on the spot", FALSE },
};

typedef enum {
  DC_NAME,
  DC_LEVEL,
  DC_GROUP,
  DC_STATION,
  DC_SPECIALTY,
  DC_PHONE,
  N_DEPUTY_COLUMNS
} DeputyColumn;

static const ColumnSpec deputy_columns[N_DEPUTY_COLUMNS] = {
  [DC_NAME]      = { "姓名",     "name",      "代表姓名", TRUE },
  [DC_LEVEL]     = { "层级",     "level",     "代表层级|级别", TRUE },
  [DC_GROUP]     = { "代表小组", "group",     "小组|deputy group", FALSE },
  [DC_STATION]   = { "联络站",   "station",   "", FALSE },
  [DC_SPECIALTY] = { "专业",     "specialty", "", FALSE },
  [DC_PHONE]     = { "电话",     "phone",     "联系电话", FALSE },
};

/* Which column a validation error is about: liaison_reception_check() and
 * liaison_deputy_check() name fields, a problem names the file's column. */
typedef struct {
  const char *field;  /* a visitor's "visitor.N.phone" is looked up as "phone" */
  int         column;
} FieldColumn;

static const FieldColumn reception_fields[] = {
  { "received_at", RC_DATE },     { "channel", RC_CHANNEL },       { "deputies", RC_DEPUTIES },
  { "category", RC_CATEGORY },    { "summary", RC_CONTENT },       { "handling", RC_HANDLING },
  { "visitors", RC_VISITOR },     { "name", RC_VISITOR },          { "phone", RC_PHONE },
  { "community", RC_COMMUNITY },  { "party_size", RC_PARTY_SIZE },
};

static const FieldColumn deputy_fields[] = {
  { "name", DC_NAME }, { "level", DC_LEVEL }, { "specialty", DC_SPECIALTY }, { "phone", DC_PHONE },
};

static int
field_column (const char        *field,
              const FieldColumn *map,
              guint              n_map,
              const int         *column)
{
  const char *dot = strrchr (field, '.');
  const char *key = g_str_has_prefix (field, "visitor.") && dot != NULL ? dot + 1 : field;

  for (guint i = 0; i < n_map; i++)
    if (strcmp (key, map[i].field) == 0)
      return column[map[i].column];
  return -1;
}

/* What the file calls @column, for messages. */
static char *
column_name (const CsvRow *header,
             int           column)
{
  return liaison_csv_cell (header, column);
}

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

/* Bad rows: each reason names its column, and liaison-import-problems.c
 * keeps every (line, column, reason) once and reports them. */

/* Adds why a row is bad, about @column (-1: the row as a whole). */
G_GNUC_PRINTF (4, 5)
static void
add_reason (GPtrArray    *reasons,
            const CsvRow *header,
            int           column,
            const char   *format,
            ...)
{
  g_autofree char *name = column_name (header, column);
  va_list args;

  va_start (args, format);
  liaison_import_reasons_add_valist (reasons, name, format, args);
  va_end (args);
}

static void
add_empty_reason (GPtrArray    *reasons,
                  const CsvRow *header,
                  int           column)
{
  g_autofree char *name = column_name (header, column);

  /* Translators: %s is the column's name as the file's first row gives it */
  add_reason (reasons, header, column, _("the “%s” cell is empty"), name);
}

/* Reads the file and its header. */
static GPtrArray *
read_rows (GFile              *file,
           const ColumnSpec   *specs,
           guint               n_specs,
           int                *index,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *rows = liaison_csv_read (file, specs, n_specs, index, &local_error);

  if (rows == NULL)
    {
      /* The ledger keeps its own error codes: callers and tests match them. */
      static const LiaisonLedgerError codes[] = {
        [LIAISON_CSV_ERROR_ENCODING] = LIAISON_LEDGER_ERROR_ENCODING,
        [LIAISON_CSV_ERROR_HEADER]   = LIAISON_LEDGER_ERROR_HEADER,
        [LIAISON_CSV_ERROR_SYNTAX]   = LIAISON_LEDGER_ERROR_ROWS,
        [LIAISON_CSV_ERROR_IO]       = LIAISON_LEDGER_ERROR_IO,
      };
      int code = LIAISON_LEDGER_ERROR_IO;

      if (local_error->domain == LIAISON_CSV_ERROR &&
          local_error->code >= 0 && (guint) local_error->code < G_N_ELEMENTS (codes))
        code = codes[local_error->code];
      g_set_error_literal (error, LIAISON_LEDGER_ERROR, code, local_error->message);
    }
  return rows;
}

/* Receptions */

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
  g_autofree char *phone_name = column_name (header, column[RC_PHONE]);
  g_autofree char *party_name = column_name (header, column[RC_PARTY_SIZE]);
  g_autofree char *community_name = column_name (header, column[RC_COMMUNITY]);
  g_autofree char *consent_name = column_name (header, column[RC_CONSENT]);
  const char *visitor_cells[LIAISON_LEDGER_N_VISITOR_CELLS] = { phone, party, community, consent };
  const char *visitor_columns[LIAISON_LEDGER_N_VISITOR_CELLS] = { phone_name, party_name, community_name, consent_name };
  guint visitors_reported = 0;

  reception->station_id = station_id;

  if (*date == '\0')
    {
      add_empty_reason (reasons, header, column[RC_DATE]);
      g_hash_table_add (reported, "received_at");
    }
  reception->received_at = g_strdup (date);

  /* Deputies must already be on the roster: a typo must not invent one. */
  if (*deputies == '\0')
    {
      add_empty_reason (reasons, header, column[RC_DEPUTIES]);
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
              add_reason (reasons, header, column[RC_DEPUTIES], _("unknown deputy “%s” (add them to the roster first)"), name);
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
      add_empty_reason (reasons, header, column[RC_CATEGORY]);
      g_hash_table_add (reported, "category");
    }
  else
    {
      reception->category_id = lookup_cached (lookup->categories, lookup->store, category,
                                              liaison_store_find_category);
      if (reception->category_id == 0)
        {
          add_reason (reasons, header, column[RC_CATEGORY], _("unknown category “%s” (use one of %s)"),
                      category, lookup_category_names (lookup));
          g_hash_table_add (reported, "category");
        }
    }

  if (*content == '\0')
    {
      add_empty_reason (reasons, header, column[RC_CONTENT]);
      g_hash_table_add (reported, "summary");
    }
  reception->summary = g_strdup (content);
  reception->handling = g_strdup (handling);

  if (*community == '\0')
    {
      add_empty_reason (reasons, header, column[RC_COMMUNITY]);
      g_hash_table_add (reported, "community");
    }

  if (*channel != '\0' && !liaison_channel_parse (channel, &reception->channel))
    {
      add_reason (reasons, header, column[RC_CHANNEL], _("unknown way of reception “%s” (use 来访, 电话, 网络 or 流动办公桌)"), channel);
      g_hash_table_add (reported, "channel");
    }
  if (!liaison_ledger_parse_yes_no (on_spot, &reception->handled_on_spot))
    {
      g_autofree char *name = column_name (header, column[RC_ON_SPOT]);
      add_reason (reasons, header, column[RC_ON_SPOT], _("“%s” in the “%s” column is neither 是 nor 否"), on_spot, name);
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
        add_reason (reasons, header,
                    field_column (problem->field, reception_fields, G_N_ELEMENTS (reception_fields), column),
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

gboolean
liaison_ledger_import_receptions_with_problems (LiaisonStore          *store,
                                                GFile                 *file,
                                                guint                 *n_imported,
                                                LiaisonImportProblems *problems_out,
                                                GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) receptions = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LiaisonImportProblems) problems = problems_out != NULL ? liaison_import_problems_ref (problems_out)
                                                                   : liaison_import_problems_new ();
  Lookup lookup = { store, NULL, NULL, NULL };
  int column[N_RECEPTION_COLUMNS];
  const CsvRow *header;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  liaison_import_problems_clear (problems);

  if (n_imported != NULL)
    *n_imported = 0;

  rows = read_rows (file, reception_columns, N_RECEPTION_COLUMNS, column, error);
  if (rows == NULL)
    return FALSE;
  header = g_ptr_array_index (rows, 0);

  station = liaison_store_get_local_station (store);
  if (station == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION,
                           _("Nothing was imported: this station has not been set up yet. Open Liaison and give the station’s name first."));
      return FALSE;
    }

  lookup.deputies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  receptions = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_free);
  lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 1; i < rows->len; i++)
    {
      const CsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) reasons = liaison_import_reasons_new ();
      LiaisonReception *reception;

      reception = reception_from_row (&lookup, header, row, column, station->meta.id, now, reasons);
      if (reception != NULL)
        {
          g_ptr_array_add (receptions, reception);
          g_array_append_val (lines, row->line);
        }
      else
        liaison_import_problems_add_row (problems, row->line, reasons);
    }
  lookup_clear (&lookup);

  if (!liaison_import_problems_check (problems, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS, error))
    return FALSE;

  if (!liaison_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < receptions->len; i++)
    {
      LiaisonReception *reception = g_ptr_array_index (receptions, i);

      if (!liaison_store_save_reception (store, reception, error))
        {
          liaison_store_rollback (store);
          g_prefix_error (error, _("Nothing was imported: line %u could not be saved: "),
                          g_array_index (lines, guint, i));
          return FALSE;
        }
    }
  if (!liaison_store_commit (store, error))
    {
      g_prefix_error (error, _("Nothing was imported: "));
      return FALSE;
    }

  if (n_imported != NULL)
    *n_imported = receptions->len;
  return TRUE;
}

/* Deputies */

typedef struct {
  guint          line;
  char          *name;
  LiaisonDeputyLevel level;
  char          *group;      /* NULL: column absent */
  gint64         station_id; /* -1: column absent */
  char          *specialty;  /* NULL: column absent */
  char          *phone;      /* NULL: column absent */
} RosterRow;

static void
roster_row_free (RosterRow *row)
{
  g_free (row->name);
  g_free (row->group);
  g_free (row->specialty);
  g_free (row->phone);
  g_free (row);
}

/* liaison_deputy_level_parse() and the short spellings ledgers use. */
static gboolean
parse_level (const char         *text,
             LiaisonDeputyLevel *level)
{
  static const struct {
    const char         *text;
    LiaisonDeputyLevel  level;
  } aliases[] = {
    { "全国人大", LIAISON_DEPUTY_LEVEL_NATIONAL },
    { "国家", LIAISON_DEPUTY_LEVEL_NATIONAL },
    { "省级", LIAISON_DEPUTY_LEVEL_PROVINCIAL },
    { "省人大", LIAISON_DEPUTY_LEVEL_PROVINCIAL },
    { "市级", LIAISON_DEPUTY_LEVEL_CITY },
    { "市人大", LIAISON_DEPUTY_LEVEL_CITY },
    { "县", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "区", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "县区", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "县（区）", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "县级", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "区级", LIAISON_DEPUTY_LEVEL_COUNTY },
    { "乡", LIAISON_DEPUTY_LEVEL_TOWNSHIP },
    { "镇", LIAISON_DEPUTY_LEVEL_TOWNSHIP },
    { "乡级", LIAISON_DEPUTY_LEVEL_TOWNSHIP },
    { "镇级", LIAISON_DEPUTY_LEVEL_TOWNSHIP },
  };

  if (liaison_deputy_level_parse (text, level))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (text, aliases[i].text) == 0)
      {
        *level = aliases[i].level;
        return TRUE;
      }
  return FALSE;
}

static RosterRow *
roster_row_from_row (GHashTable   *stations,
                     const CsvRow *header,
                     const CsvRow *row,
                     const int    *column,
                     GPtrArray    *reasons)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(GPtrArray) field_errors = NULL;
  g_autofree char *name = liaison_csv_cell (row, column[DC_NAME]);
  g_autofree char *level = liaison_csv_cell (row, column[DC_LEVEL]);
  g_autofree char *station = liaison_csv_cell (row, column[DC_STATION]);
  RosterRow *result;
  gboolean name_reported = FALSE;

  result = g_new0 (RosterRow, 1);
  result->line = row->line;
  result->station_id = -1;

  if (*name == '\0')
    {
      add_empty_reason (reasons, header, column[DC_NAME]);
      name_reported = TRUE;
    }
  if (*level == '\0')
    add_empty_reason (reasons, header, column[DC_LEVEL]);
  else if (!parse_level (level, &result->level))
    add_reason (reasons, header, column[DC_LEVEL], _("unknown level “%s” (use 全国, 省, 市, 县(区) or 乡镇)"), level);

  if (column[DC_GROUP] >= 0)
    result->group = liaison_csv_cell (row, column[DC_GROUP]);
  if (column[DC_SPECIALTY] >= 0)
    result->specialty = liaison_csv_cell (row, column[DC_SPECIALTY]);
  if (column[DC_PHONE] >= 0)
    result->phone = liaison_csv_cell (row, column[DC_PHONE]);
  if (column[DC_STATION] >= 0)
    {
      gpointer id;

      result->station_id = 0;
      if (*station != '\0')
        {
          if (g_hash_table_lookup_extended (stations, station, NULL, &id))
            result->station_id = *(gint64 *) id;
          else
            add_reason (reasons, header, column[DC_STATION], _("unknown station “%s”"), station);
        }
    }

  if (result->group != NULL && g_utf8_strlen (result->group, -1) > LIAISON_MAX_TITLE_CHARS)
    add_reason (reasons, header, column[DC_GROUP], _("the group’s name is longer than %d characters"), LIAISON_MAX_TITLE_CHARS);

  deputy->name = g_strdup (name);
  deputy->level = result->level;
  deputy->specialty = g_strdup (result->specialty);
  deputy->phone = g_strdup (result->phone);
  field_errors = liaison_deputy_check (deputy);
  for (guint i = 0; i < field_errors->len; i++)
    {
      const LiaisonFieldError *problem = g_ptr_array_index (field_errors, i);

      if (name_reported && strcmp (problem->field, "name") == 0)
        continue;
      add_reason (reasons, header,
                  field_column (problem->field, deputy_fields, G_N_ELEMENTS (deputy_fields), column),
                  "%s", problem->message);
    }

  result->name = g_steal_pointer (&name);
  if (reasons->len > 0)
    {
      roster_row_free (result);
      return NULL;
    }
  return result;
}

static gboolean
save_roster_row (LiaisonStore  *store,
                 RosterRow     *row,
                 GError       **error)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  gint64 id = liaison_store_find_deputy (store, row->name);

  if (id > 0)
    {
      deputy = liaison_store_get_deputy (store, id, error);
      if (deputy == NULL)
        return FALSE;
    }
  else
    {
      deputy = liaison_deputy_new ();
      deputy->name = g_strdup (row->name);
    }

  deputy->level = row->level;
  if (row->group != NULL)
    {
      deputy->group_id = 0;
      if (*row->group != '\0' &&
          (deputy->group_id = liaison_store_ensure_deputy_group (store, row->group, error)) == 0)
        return FALSE;
    }
  if (row->station_id >= 0)
    deputy->station_id = row->station_id;
  if (row->specialty != NULL)
    {
      g_free (deputy->specialty);
      deputy->specialty = g_strdup (row->specialty);
    }
  if (row->phone != NULL)
    {
      g_free (deputy->phone);
      deputy->phone = g_strdup (row->phone);
    }
  return liaison_store_save_deputy (store, deputy, error);
}

gboolean
liaison_ledger_import_deputies (LiaisonStore  *store,
                        GFile         *file,
                        guint         *n_imported,
                        GError       **error)
{
  return liaison_ledger_import_deputies_with_problems (store, file, n_imported, NULL, error);
}

gboolean
liaison_ledger_import_deputies_with_problems (LiaisonStore          *store,
                                              GFile                 *file,
                                              guint                 *n_imported,
                                              LiaisonImportProblems *problems_out,
                                              GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GHashTable) station_ids = NULL;
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(LiaisonImportProblems) problems = problems_out != NULL ? liaison_import_problems_ref (problems_out)
                                                                   : liaison_import_problems_new ();
  int column[N_DEPUTY_COLUMNS];
  const CsvRow *header;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  liaison_import_problems_clear (problems);

  if (n_imported != NULL)
    *n_imported = 0;

  rows = read_rows (file, deputy_columns, N_DEPUTY_COLUMNS, column, error);
  if (rows == NULL)
    return FALSE;
  header = g_ptr_array_index (rows, 0);

  stations = liaison_store_list_stations (store, error);
  if (stations == NULL)
    return FALSE;
  station_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < stations->len; i++)
    {
      LiaisonStation *station = g_ptr_array_index (stations, i);

      g_hash_table_insert (station_ids, station->name, &station->meta.id);
    }

  roster = g_ptr_array_new_with_free_func ((GDestroyNotify) roster_row_free);
  for (guint i = 1; i < rows->len; i++)
    {
      const CsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) reasons = liaison_import_reasons_new ();
      RosterRow *entry = roster_row_from_row (station_ids, header, row, column, reasons);

      if (entry != NULL)
        g_ptr_array_add (roster, entry);
      else
        liaison_import_problems_add_row (problems, row->line, reasons);
    }

  if (!liaison_import_problems_check (problems, file, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_ROWS, error))
    return FALSE;

  if (!liaison_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < roster->len; i++)
    {
      RosterRow *entry = g_ptr_array_index (roster, i);

      if (!save_roster_row (store, entry, error))
        {
          liaison_store_rollback (store);
          g_prefix_error (error, _("Nothing was imported: line %u could not be saved: "), entry->line);
          return FALSE;
        }
    }
  if (!liaison_store_commit (store, error))
    {
      g_prefix_error (error, _("Nothing was imported: "));
      return FALSE;
    }

  if (n_imported != NULL)
    *n_imported = roster->len;
  return TRUE;
}

/* Export */

/* The zh_CN names of the channels, so that the file reads the same in
 * any locale; liaison_channel_parse() accepts them back. */
static const char *const channel_names_zh[] = { "来访", "电话", "网络", "流动办公桌" };
G_STATIC_ASSERT (G_N_ELEMENTS (channel_names_zh) == LIAISON_N_CHANNELS);

static char *
parse_date (const char  *text,
            gboolean     is_start,
            GError     **error)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);

  if (normalized == NULL)
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_DATES,
                   is_start ? _("The first day to export, “%s”, is not a date; write it as 2024-03-05.")
                            : _("The last day to export, “%s”, is not a date; write it as 2024-03-05."),
                   text ? text : "");
      return NULL;
    }
  normalized[10] = '\0';
  return g_steal_pointer (&normalized);
}

gboolean
liaison_ledger_export_receptions (LiaisonStore  *store,
                                  const char    *from_date,
                                  const char    *to_date,
                                  GFile         *file,
                                  guint         *n_exported,
                                  GError       **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) receptions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) category_names = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (n_exported != NULL)
    *n_exported = 0;

  if ((from = parse_date (from_date, TRUE, error)) == NULL ||
      (to = parse_date (to_date, FALSE, error)) == NULL)
    return FALSE;
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_DATES,
                   _("The first day to export, %s, is after the last day, %s."), from, to);
      return FALSE;
    }

  categories = liaison_store_list_categories (store, error);
  if (categories == NULL)
    return FALSE;
  category_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < categories->len; i++)
    {
      LiaisonCategory *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (category_names, &category->id, category->name_zh);
    }

  receptions = liaison_store_list_receptions_between (store, from, to, error);
  if (receptions == NULL)
    return FALSE;

  out = g_string_new ("\xEF\xBB\xBF");
  for (guint i = 0; i < N_RECEPTION_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      liaison_csv_append_field (out, reception_columns[i].zh);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < receptions->len; r++)
    {
      const LiaisonReception *reception = g_ptr_array_index (receptions, r);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *phones = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_PHONE);
      g_autofree char *phone = NULL;
      g_autofree char *party = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_PARTY_SIZE);
      g_autofree char *community = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_COMMUNITY);
      g_autofree char *consent = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_CONSENT);
      const char *fields[N_RECEPTION_COLUMNS];

      for (guint i = 0; i < reception->visitors->len; i++)
        {
          const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

          if (i > 0)
            g_string_append (names, "、");
          g_string_append (names, visitor->name ? visitor->name : "");
        }
      /* A tab keeps Excel from reading the number as a number. */
      if (*phones != '\0')
        phone = g_strconcat ("\t", phones, NULL);

      fields[RC_DATE] = reception->received_at;
      fields[RC_DEPUTIES] = reception->deputy_names;
      fields[RC_VISITOR] = names->str;
      fields[RC_PHONE] = phone;
      fields[RC_PARTY_SIZE] = party;
      fields[RC_COMMUNITY] = community;
      fields[RC_CATEGORY] = g_hash_table_lookup (category_names, &reception->category_id);
      fields[RC_CONTENT] = reception->summary;
      fields[RC_HANDLING] = reception->handling;
      fields[RC_CHANNEL] = channel_names_zh[reception->channel];
      fields[RC_CONSENT] = consent;
      fields[RC_ON_SPOT] = reception->handled_on_spot ? "是" : "否";

      for (guint i = 0; i < N_RECEPTION_COLUMNS; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          liaison_csv_append_field (out, fields[i]);
        }
      g_string_append (out, "\r\n");
    }

  if (!g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_autofree char *name = file_display_name (file);

      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (n_exported != NULL)
    *n_exported = receptions->len;
  return TRUE;
}
