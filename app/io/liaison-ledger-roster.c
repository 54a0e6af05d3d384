/* liaison-ledger-roster.c: the deputies' roster imported from the ledger:
 * every row checked, and written only when every row is good. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-ledger-private.h"
#include "liaison-validate.h"

/* Deputies */

static const FieldColumn deputy_fields[] = {
  { "name", DC_NAME }, { "level", DC_LEVEL }, { "specialty", DC_SPECIALTY }, { "phone", DC_PHONE },
};

typedef struct {
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
  result->station_id = -1;

  if (*name == '\0')
    {
      liaison_ledger_add_empty_reason (reasons, header, column[DC_NAME]);
      name_reported = TRUE;
    }
  if (*level == '\0')
    liaison_ledger_add_empty_reason (reasons, header, column[DC_LEVEL]);
  else if (!parse_level (level, &result->level))
    liaison_ledger_add_reason (reasons, header, column[DC_LEVEL], _("unknown level “%s” (use 全国, 省, 市, 县(区) or 乡镇)"), level);

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
            liaison_ledger_add_reason (reasons, header, column[DC_STATION], _("unknown station “%s”"), station);
        }
    }

  if (result->group != NULL && g_utf8_strlen (result->group, -1) > LIAISON_MAX_TITLE_CHARS)
    liaison_ledger_add_reason (reasons, header, column[DC_GROUP], _("the group’s name is longer than %d characters"), LIAISON_MAX_TITLE_CHARS);

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
      liaison_ledger_add_reason (reasons, header,
                                 liaison_ledger_field_column (problem->field, deputy_fields, G_N_ELEMENTS (deputy_fields), column),
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

typedef struct
{
  GHashTable *station_ids;
  const int  *column;
} RosterRows;

static gpointer
make_roster_row (gpointer      data,
                 const CsvRow *header,
                 const CsvRow *row,
                 GPtrArray    *reasons)
{
  RosterRows *rows = data;

  return roster_row_from_row (rows->station_ids, header, row, rows->column, reasons);
}

static gboolean
save_roster_entry (LiaisonStore  *store,
                   gpointer       entry,
                   GError       **error)
{
  return save_roster_row (store, entry, error);
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
  g_autoptr(LiaisonImportProblems) problems = problems_out != NULL ? liaison_import_problems_ref (problems_out)
                                                                   : liaison_import_problems_new ();
  int column[N_DEPUTY_COLUMNS];
  RosterRows roster_rows = { NULL, column };

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  rows = liaison_ledger_start_import (file, liaison_ledger_deputy_columns, N_DEPUTY_COLUMNS, column, problems, n_imported, error);
  if (rows == NULL)
    return FALSE;

  stations = liaison_store_list_stations (store, error);
  if (stations == NULL)
    return FALSE;
  station_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < stations->len; i++)
    {
      LiaisonStation *station = g_ptr_array_index (stations, i);

      g_hash_table_insert (station_ids, station->name, &station->meta.id);
    }

  roster_rows.station_ids = station_ids;
  return liaison_ledger_import_rows (store, file, rows, make_roster_row, &roster_rows,
                                     (GDestroyNotify) roster_row_free, save_roster_entry,
                                     NULL, NULL, problems, n_imported, error);
}
