/* liaison-hq-import.c: headquarters' reference data from CSV files.
 *
 * The file is read through the project's CSV reader (app/liaison-csv.c),
 * every row is checked, and only then is anything written, in one
 * transaction.
 */
#define G_LOG_DOMAIN "liaison-hq-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-import-problems.h"
#include "liaison-hq-import.h"
#include "liaison-hq-station.h"
#include "liaison-calendar.h"
#include "liaison-protocol.h"
#include "liaison-records.h"
#include "liaison-loop-rules.h"
#include "liaison-validate.h"

G_DEFINE_QUARK (liaison-hq-import-error-quark, liaison_hq_import_error)

gboolean
liaison_hq_import_kind_parse (const char          *text,
                              LiaisonHqImportKind *kind)
{
  static const struct { const char *name; LiaisonHqImportKind kind; } kinds[] = {
    { "deputies", LIAISON_HQ_IMPORT_DEPUTIES },
    { "groups", LIAISON_HQ_IMPORT_GROUPS },
    { "units", LIAISON_HQ_IMPORT_UNITS },
    { "stations", LIAISON_HQ_IMPORT_STATIONS },
    { "activities", LIAISON_HQ_IMPORT_ACTIVITIES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Columns */

enum { GC_NAME, N_GROUP_COLUMNS };
static const LiaisonCsvColumn group_columns[N_GROUP_COLUMNS] = {
  [GC_NAME] = { "名称", "name", "小组名称|代表小组|group|deputy group", TRUE },
};

enum { SC_NAME, SC_KIND, SC_DISTRICT, SC_ADDRESS, N_STATION_COLUMNS };
static const LiaisonCsvColumn station_columns[N_STATION_COLUMNS] = {
  [SC_NAME]     = { "名称",   "name",     "站点名称|联络站|station", TRUE },
  [SC_KIND]     = { "类型",   "kind",     "站点类型|type", FALSE },
  [SC_DISTRICT] = { "区县",   "district", "所在区县|县区|区", FALSE },
  [SC_ADDRESS]  = { "地址",   "address",  "站点地址|详细地址", FALSE },
};

enum { UC_NAME, UC_KIND, N_UNIT_COLUMNS };
static const LiaisonCsvColumn unit_columns[N_UNIT_COLUMNS] = {
  [UC_NAME] = { "名称", "name", "单位名称|承办单位|unit", TRUE },
  [UC_KIND] = { "类型", "kind", "单位类型|type", TRUE },
};

enum { DC_NAME, DC_LEVEL, DC_GROUP, DC_STATION, DC_SPECIALTY, DC_PHONE, N_DEPUTY_COLUMNS };
static const LiaisonCsvColumn deputy_columns[N_DEPUTY_COLUMNS] = {
  [DC_NAME]      = { "姓名",     "name",      "代表姓名", TRUE },
  [DC_LEVEL]     = { "层级",     "level",     "代表层级|级别", TRUE },
  [DC_GROUP]     = { "代表小组", "group",     "小组|deputy group", FALSE },
  [DC_STATION]   = { "联络站",   "station",   "站点", FALSE },
  [DC_SPECIALTY] = { "专业",     "specialty", "", FALSE },
  [DC_PHONE]     = { "电话",     "phone",     "联系电话", FALSE },
};

/* Values */

typedef struct {
  const char *code;
  const char *names;  /* "|"-separated, Chinese and English */
} KindName;

static const KindName unit_kinds[] = {
  { "government",    "政府|人民政府|区政府|县政府|市政府|government" },
  { "department",    "部门|政府部门|职能部门|department" },
  { "supervision",   "监委|监察委|监察委员会|supervision|supervision commission" },
  { "court",         "法院|人民法院|court" },
  { "procuratorate", "检察院|人民检察院|procuratorate" },
  { "other",         "其他|其它|other" },
};

static const KindName station_kind_extra[] = {
  { "home",    "之家|代表之家|家" },
  { "studio",  "工作室" },
  { "station", "联络站|站" },
  { "point",   "联络点|点" },
};

static const KindName level_extra[] = {
  { "national",   "全国人大代表|全国级|国家" },
  { "provincial", "省级|省人大代表" },
  { "city",       "市级|市人大代表" },
  { "county",     "县|区|县级|区级|县区|县(区)|县（区）" },
  { "township",   "乡|镇|乡级|镇级|乡镇级" },
};

static const char *
kind_lookup (const KindName *table,
             guint           n,
             const char     *text)
{
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) names = g_strsplit (table[i].names, "|", -1);

      if (g_ascii_strcasecmp (text, table[i].code) == 0)
        return table[i].code;
      for (guint j = 0; names[j] != NULL; j++)
        if (g_ascii_strcasecmp (text, names[j]) == 0 || strcmp (text, names[j]) == 0)
          return table[i].code;
    }
  return NULL;
}

static const char *
parse_station_kind (const char *text)
{
  LiaisonStationKind kind;

  if (liaison_station_kind_parse (text, &kind))
    return liaison_station_kind_to_code (kind);
  return kind_lookup (station_kind_extra, G_N_ELEMENTS (station_kind_extra), text);
}

static const char *
parse_level (const char *text)
{
  LiaisonDeputyLevel level;

  if (liaison_deputy_level_parse (text, &level))
    return liaison_deputy_level_to_code (level);
  return kind_lookup (level_extra, G_N_ELEMENTS (level_extra), text);
}

/* Plan: what the import will write, checked before anything is. A bad row's
 * reasons name their column; liaison-import-problems.c keeps and reports
 * them, as it does for the station's ledger. */

typedef struct {
  const char *kind;
  char       *uuid;      /* NULL: a new record */
  JsonObject *data;
  char       *origin;    /* stations are their own origin */
  char       *group;     /* deputies: a group name to resolve at write time, or NULL */
} Planned;

static void
planned_free (Planned *planned)
{
  g_free (planned->uuid);
  g_free (planned->origin);
  g_free (planned->group);
  g_clear_pointer (&planned->data, json_object_unref);
  g_free (planned);
}

/* Text fields are strings on the wire, "" when empty (docs/sync-protocol.md). */
static void
set_text (JsonObject *data,
          const char *member,
          const char *text)
{
  json_object_set_string_member (data, member, text != NULL ? text : "");
}

/* The existing record named @name, or a new data object. */
static JsonObject *
start_data (LiaisonHqStore  *store,
            const char      *kind,
            const char      *name,
            char           **uuid,
            GError         **error)
{
  JsonObject *data = NULL;

  *uuid = NULL;
  if (!liaison_hq_store_find_by_name (store, kind, name, uuid, &data, error))
    {
      if (error != NULL && *error != NULL)
        return NULL;
      data = json_object_new ();
    }
  if (data == NULL)
    data = json_object_new ();
  json_object_set_string_member (data, "name", name);
  return data;
}

/* Checks a row's name and that it is not on an earlier line too. */
static char *
row_name (const LiaisonCsvRow *header,
          const LiaisonCsvRow *row,
          int                  column,
          GHashTable          *seen,
          GPtrArray           *reasons)
{
  g_autofree char *name = liaison_csv_cell (row, column);
  g_autofree char *column_name = liaison_csv_cell (header, column);
  gpointer earlier;

  if (*name == '\0')
    {
      /* Translators: %s is the column's name as the file's first row gives it */
      liaison_import_reasons_add (reasons, column_name, _("the “%s” cell is empty"), column_name);
      return NULL;
    }
  if (g_hash_table_lookup_extended (seen, name, NULL, &earlier))
    {
      liaison_import_reasons_add (reasons, column_name, _("“%s” is already on line %u"), name, GPOINTER_TO_UINT (earlier));
      return NULL;
    }
  g_hash_table_insert (seen, g_strdup (name), GUINT_TO_POINTER (row->line));
  return g_steal_pointer (&name);
}

static gboolean
plan_rows (LiaisonHqStore         *store,
           LiaisonHqImportKind     kind,
           GPtrArray              *rows,
           const int              *column,
           GPtrArray              *plan,
           LiaisonImportProblems  *problems,
           GError                **error)
{
  const LiaisonCsvRow *header = g_ptr_array_index (rows, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; i < rows->len; i++)
    {
      const LiaisonCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) reasons = liaison_import_reasons_new ();
      g_autofree char *name = NULL;
      g_autofree char *uuid = NULL;
      g_autoptr(JsonObject) data = NULL;
      g_autoptr(GError) local_error = NULL;
      Planned *planned;
      const char *record_kind = NULL;
      g_autofree char *group = NULL;

      switch (kind)
        {
        case LIAISON_HQ_IMPORT_GROUPS:
          record_kind = LIAISON_KIND_DEPUTY_GROUP;
          name = row_name (header, row, column[GC_NAME], seen, reasons);
          break;
        case LIAISON_HQ_IMPORT_STATIONS:
          record_kind = LIAISON_KIND_STATION;
          name = row_name (header, row, column[SC_NAME], seen, reasons);
          break;
        case LIAISON_HQ_IMPORT_UNITS:
          record_kind = LIAISON_KIND_UNIT;
          name = row_name (header, row, column[UC_NAME], seen, reasons);
          break;
        case LIAISON_HQ_IMPORT_DEPUTIES:
        default:
          record_kind = LIAISON_KIND_DEPUTY;
          name = row_name (header, row, column[DC_NAME], seen, reasons);
          break;
        }

      if (name != NULL)
        {
          data = start_data (store, record_kind, name, &uuid, &local_error);
          if (data == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      else
        data = json_object_new ();

      if (kind == LIAISON_HQ_IMPORT_STATIONS)
        {
          g_autofree char *kind_text = liaison_csv_cell (row, column[SC_KIND]);
          g_autofree char *district = liaison_csv_cell (row, column[SC_DISTRICT]);
          g_autofree char *address = liaison_csv_cell (row, column[SC_ADDRESS]);
          g_autofree char *column_name = liaison_csv_cell (header, column[SC_KIND]);
          g_autofree char *address_column = liaison_csv_cell (header, column[SC_ADDRESS]);
          g_autofree char *address_problem = liaison_hq_station_address_problem (address);
          const char *code = *kind_text != '\0' ? parse_station_kind (kind_text) : NULL;

          if (*kind_text != '\0' && code == NULL)
            liaison_import_reasons_add (reasons, column_name, _("“%s” is not a kind of station (之家, 工作室, 联络站, 联络点; home, studio, station, point)"),
                                        kind_text);
          if (address_problem != NULL)
            liaison_import_reasons_add (reasons, address_column, "%s", address_problem);
          /* A column the file does not have keeps what the station has. */
          liaison_hq_station_set (data, code != NULL ? code : column[SC_KIND] >= 0 ? "station" : NULL,
                                  column[SC_DISTRICT] >= 0 ? district : NULL,
                                  column[SC_ADDRESS] >= 0 ? address : NULL);
        }
      else if (kind == LIAISON_HQ_IMPORT_UNITS)
        {
          g_autofree char *kind_text = liaison_csv_cell (row, column[UC_KIND]);
          g_autofree char *column_name = liaison_csv_cell (header, column[UC_KIND]);
          const char *code = kind_lookup (unit_kinds, G_N_ELEMENTS (unit_kinds), kind_text);

          if (*kind_text == '\0')
            liaison_import_reasons_add (reasons, column_name, _("the “%s” cell is empty"), column_name);
          else if (code == NULL)
            liaison_import_reasons_add (reasons, column_name, _("“%s” is not a kind of unit (政府, 部门, 监委, 法院, 检察院, 其他; government, department, supervision, court, procuratorate, other)"),
                                        kind_text);
          else
            json_object_set_string_member (data, "kind", code);
        }
      else if (kind == LIAISON_HQ_IMPORT_DEPUTIES)
        {
          g_autofree char *level_text = liaison_csv_cell (row, column[DC_LEVEL]);
          g_autofree char *level_column = liaison_csv_cell (header, column[DC_LEVEL]);
          g_autofree char *station = liaison_csv_cell (row, column[DC_STATION]);
          g_autofree char *specialty = liaison_csv_cell (row, column[DC_SPECIALTY]);
          g_autofree char *phone = liaison_csv_cell (row, column[DC_PHONE]);
          g_autofree char *station_column = liaison_csv_cell (header, column[DC_STATION]);
          g_autofree char *phone_column = liaison_csv_cell (header, column[DC_PHONE]);
          const char *level = parse_level (level_text);

          group = liaison_csv_cell (row, column[DC_GROUP]);
          if (*level_text == '\0')
            liaison_import_reasons_add (reasons, level_column, _("the “%s” cell is empty"), level_column);
          else if (level == NULL)
            liaison_import_reasons_add (reasons, level_column, _("“%s” is not a deputy level (全国, 省, 市, 县(区), 乡镇; national, provincial, city, county, township)"),
                                        level_text);
          else
            json_object_set_string_member (data, "level", level);

          if (column[DC_STATION] >= 0)
            {
              g_autofree char *station_uuid = NULL;

              if (*station == '\0')
                json_object_set_null_member (data, "station");
              else if (liaison_hq_store_find_by_name (store, LIAISON_KIND_STATION, station,
                                                      &station_uuid, NULL, &local_error))
                json_object_set_string_member (data, "station", station_uuid);
              else if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              else
                liaison_import_reasons_add (reasons, station_column, _("there is no station “%s”: add it with “liaison-hq station add” or “liaison-hq import stations” first"),
                                            station);
            }
          else if (!json_object_has_member (data, "station"))
            json_object_set_null_member (data, "station");

          if (column[DC_SPECIALTY] >= 0 || !json_object_has_member (data, "specialty"))
            set_text (data, "specialty", specialty);
          if (column[DC_PHONE] >= 0)
            {
              if (*phone != '\0' && !liaison_phone_is_valid (phone))
                liaison_import_reasons_add (reasons, phone_column, _("“%s” is not a phone number"), phone);
              set_text (data, "phone", phone);
            }
          else if (!json_object_has_member (data, "phone"))
            set_text (data, "phone", "");

          if (column[DC_GROUP] < 0)
            {
              g_clear_pointer (&group, g_free);
              if (!json_object_has_member (data, "group"))
                json_object_set_null_member (data, "group");
            }
          else if (*group == '\0')
            {
              g_clear_pointer (&group, g_free);
              json_object_set_null_member (data, "group");
            }
        }

      if (reasons->len > 0)
        {
          liaison_import_problems_add_row (problems, row->line, reasons);
          continue;
        }

      planned = g_new0 (Planned, 1);
      planned->kind = record_kind;
      planned->uuid = g_steal_pointer (&uuid);
      planned->data = g_steal_pointer (&data);
      planned->group = g_steal_pointer (&group);
      g_ptr_array_add (plan, planned);
    }
  return TRUE;
}

static gboolean
write_plan (LiaisonHqStore        *store,
            GPtrArray             *plan,
            LiaisonHqImportCounts *counts,
            GError               **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < plan->len; i++)
    {
      Planned *planned = g_ptr_array_index (plan, i);
      g_autofree char *uuid = NULL;
      gboolean changed = FALSE;
      gboolean is_new = planned->uuid == NULL;

      if (planned->group != NULL)
        {
          const char *group_uuid = g_hash_table_lookup (groups, planned->group);

          if (group_uuid == NULL)
            {
              g_autofree char *found = NULL;
              g_autoptr(GError) local_error = NULL;

              if (!liaison_hq_store_find_by_name (store, LIAISON_KIND_DEPUTY_GROUP, planned->group,
                                                  &found, NULL, &local_error))
                {
                  g_autoptr(JsonObject) group_data = json_object_new ();

                  if (local_error != NULL)
                    {
                      g_propagate_error (error, g_steal_pointer (&local_error));
                      return FALSE;
                    }
                  json_object_set_string_member (group_data, "name", planned->group);
                  if (!liaison_hq_store_save_record (store, LIAISON_KIND_DEPUTY_GROUP, NULL, NULL,
                                                     group_data, &found, NULL, error))
                    return FALSE;
                  counts->groups_added++;
                }
              group_uuid = found;
              g_hash_table_insert (groups, g_strdup (planned->group), g_steal_pointer (&found));
            }
          json_object_set_string_member (planned->data, "group", group_uuid);
        }

      if (is_new && g_str_equal (planned->kind, LIAISON_KIND_STATION))
        {
          /* A station is its own origin, so that its uuid is known before it is saved. */
          uuid = g_uuid_string_random ();
          if (!liaison_hq_store_save_record (store, planned->kind, uuid, uuid, planned->data,
                                             NULL, &changed, error))
            return FALSE;
        }
      else if (!liaison_hq_store_save_record (store, planned->kind, planned->uuid,
                                              g_str_equal (planned->kind, LIAISON_KIND_STATION) ? planned->uuid : NULL,
                                              planned->data, &uuid, &changed, error))
        return FALSE;

      if (is_new)
        counts->added++;
      else if (changed)
        counts->updated++;
      else
        counts->unchanged++;
    }
  return TRUE;
}

gboolean
liaison_hq_import (LiaisonHqStore         *store,
                   LiaisonHqImportKind     kind,
                   GFile                  *file,
                   LiaisonHqImportCounts  *counts,
                   GError                **error)
{
  const LiaisonCsvColumn *columns;
  guint n_columns;
  int column[N_DEPUTY_COLUMNS];
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_free);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  gboolean ok;

  if (kind == LIAISON_HQ_IMPORT_ACTIVITIES)
    return liaison_hq_import_activities (store, file, counts, error);

  memset (counts, 0, sizeof *counts);
  switch (kind)
    {
    case LIAISON_HQ_IMPORT_GROUPS:
      columns = group_columns;
      n_columns = N_GROUP_COLUMNS;
      break;
    case LIAISON_HQ_IMPORT_STATIONS:
      columns = station_columns;
      n_columns = N_STATION_COLUMNS;
      break;
    case LIAISON_HQ_IMPORT_UNITS:
      columns = unit_columns;
      n_columns = N_UNIT_COLUMNS;
      break;
    case LIAISON_HQ_IMPORT_DEPUTIES:
    default:
      columns = deputy_columns;
      n_columns = N_DEPUTY_COLUMNS;
      break;
    }

  rows = liaison_csv_read (file, columns, n_columns, column, error);
  if (rows == NULL)
    return FALSE;

  /* Read and write under one lock, so that names looked up stay true. */
  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  ok = plan_rows (store, kind, rows, column, plan, problems, error) &&
       liaison_import_problems_check (problems, file, LIAISON_HQ_IMPORT_ERROR,
                                      LIAISON_HQ_IMPORT_ERROR_ROWS, error) &&
       write_plan (store, plan, counts, error) &&
       liaison_hq_store_commit (store, error);
  if (!ok)
    {
      liaison_hq_store_rollback (store);
      memset (counts, 0, sizeof *counts);
    }
  return ok;
}

/* Holidays */

gboolean
liaison_hq_import_holidays (LiaisonHqStore          *store,
                            GFile                   *file,
                            LiaisonHqHolidayCounts  *counts,
                            GError                 **error)
{
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(LiaisonCalendar) calendar = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  gboolean changed = FALSE;
  gsize length = 0;

  memset (counts, 0, sizeof *counts);
  text = liaison_csv_load_text (file, &length, error);
  if (text == NULL)
    return FALSE;
  calendar = liaison_calendar_parse (text, &parse_error);
  if (calendar == NULL)
    {
      g_set_error (error, LIAISON_HQ_IMPORT_ERROR, LIAISON_HQ_IMPORT_ERROR_ROWS,
                   /* Translators: the lines that follow say what is wrong, one per line */
                   _("Nothing was imported: “%s” has lines that are not a holiday or a make-up workday. "
                     "Correct them and import the file again.\n%s"),
                   name, parse_error->message);
      return FALSE;
    }
  if (calendar->holidays->len == 0 && calendar->workdays->len == 0)
    {
      g_set_error (error, LIAISON_HQ_IMPORT_ERROR, LIAISON_HQ_IMPORT_ERROR_ROWS,
                   _("Nothing was imported: “%s” lists no day. Each line is a date and “holiday” or "
                     "“workday” (休 or 班), e.g. “2025-10-01,holiday,National Day” or “2026-10-01,休,国庆节”."), name);
      return FALSE;
    }

  /* Read and write under one lock: the limits kept are the latest. */
  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  rules = liaison_hq_store_get_loop_rules (store, NULL, error);
  if (rules == NULL)
    goto fail;
  liaison_calendar_free (rules->calendar);
  rules->calendar = g_steal_pointer (&calendar);
  if (!liaison_hq_store_save_loop_rules (store, rules, &changed, error) ||
      !liaison_hq_store_commit (store, error))
    goto fail;

  counts->holidays = rules->calendar->holidays->len;
  counts->workdays = rules->calendar->workdays->len;
  counts->changed = changed;
  return TRUE;

fail:
  liaison_hq_store_rollback (store);
  return FALSE;
}
