/* liaison-hq-import-activities.c: headquarters' duty activities (履职活动)
 * from a CSV file: `liaison-hq import activities`.
 *
 * One row is one activity: its date (and end date), kind, title, place
 * and the deputies who took part, each "attended" unless the name is
 * followed by （请假） or （缺席）. Every row is checked, names looked up
 * and each record put through the wire schema every desk runs, before
 * anything is written; then all of them in one transaction. The records
 * are headquarters' own (no origin station); the server routes each to
 * the stations of its deputies (liaison-hq-store-routes.c).
 *
 * An activity headquarters already holds with the same kind, date and
 * title is the same activity: a second import of a file changes it (or
 * leaves it as it is) instead of counting the deputies twice.
 */
#define G_LOG_DOMAIN "liaison-hq-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-activity.h"
#include "liaison-csv.h"
#include "liaison-hq-import.h"
#include "liaison-import-problems.h"
#include "liaison-quarter.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

enum {
  AC_DATE, AC_END_DATE, AC_KIND, AC_TITLE, AC_PLACE, AC_DEPUTIES, AC_ORGANISER, AC_NOTE,
  N_ACTIVITY_COLUMNS
};

static const LiaisonCsvColumn activity_columns[N_ACTIVITY_COLUMNS] = {
  [AC_DATE]      = { "日期",     "date",      "活动日期|开始日期|start date", TRUE },
  [AC_END_DATE]  = { "结束日期", "end_date",  "end date|截止日期", FALSE },
  [AC_KIND]      = { "类型",     "kind",      "活动类型|type", TRUE },
  [AC_TITLE]     = { "名称",     "title",     "活动名称|标题|name", TRUE },
  [AC_PLACE]     = { "地点",     "place",     "活动地点", FALSE },
  [AC_DEPUTIES]  = { "参加代表", "deputies",  "代表|参加人员|attendees", TRUE },
  [AC_ORGANISER] = { "主办单位", "organiser", "组织单位|主办|organizer", FALSE },
  [AC_NOTE]      = { "备注",     "note",      "说明", FALSE },
};

/* What the file is checked against: the deputies by name, and the
 * activities headquarters already holds. */
typedef struct {
  GHashTable *deputies;    /* name → uuid, or "" when two deputies have the name */
  GHashTable *existing;    /* "kind\ndate\ntitle" → uuid */
  GHashTable *data;        /* uuid → JsonObject, of the activities in existing */
  GHashTable *seen;        /* "kind\ndate\ntitle" → the line it is on */
  GHashTable *closed;      /* the closed quarters, "2025Q1" */
} Lookups;

typedef struct {
  char       *uuid;  /* NULL: a new activity */
  JsonObject *data;
} Planned;

static void
planned_free (Planned *planned)
{
  g_free (planned->uuid);
  json_object_unref (planned->data);
  g_free (planned);
}

static char *
activity_key (const char *kind,
              const char *date,
              const char *title)
{
  return g_strdup_printf ("%s\n%s\n%s", kind, date, title);
}

static gboolean
load_lookups (LiaisonHqStore  *store,
              Lookups         *lookups,
              GError         **error)
{
  g_autoptr(GHashTable) deputies = liaison_hq_store_list_live (store, LIAISON_KIND_DEPUTY, FALSE, error);
  g_autoptr(GHashTable) closes = NULL;
  GHashTableIter iter;
  gpointer uuid, data;

  if (deputies == NULL)
    return FALSE;
  closes = liaison_hq_store_list_live (store, LIAISON_KIND_QUARTER_CLOSE, FALSE, error);
  if (closes == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, closes);
  while (g_hash_table_iter_next (&iter, &uuid, &data))
    g_hash_table_add (lookups->closed, g_strdup (json_object_get_string_member_with_default (data, "quarter", "")));
  lookups->data = liaison_hq_store_list_live (store, LIAISON_KIND_ACTIVITY, TRUE, error);
  if (lookups->data == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, deputies);
  while (g_hash_table_iter_next (&iter, &uuid, &data))
    {
      const char *name = json_object_get_string_member_with_default (data, "name", NULL);

      if (name == NULL)
        continue;
      /* Two deputies of one name: the file cannot say which. */
      g_hash_table_insert (lookups->deputies, g_strdup (name),
                           g_strdup (g_hash_table_contains (lookups->deputies, name) ? "" : uuid));
    }

  g_hash_table_iter_init (&iter, lookups->data);
  while (g_hash_table_iter_next (&iter, &uuid, &data))
    g_hash_table_insert (lookups->existing,
                         activity_key (json_object_get_string_member_with_default (data, "kind", ""),
                                       json_object_get_string_member_with_default (data, "date", ""),
                                       json_object_get_string_member_with_default (data, "title", "")),
                         g_strdup (uuid));
  return TRUE;
}

/* A date as Excel and people write it (2025-03-05, 2025/3/5, 2025年3月5日),
 * as YYYY-MM-DD; NULL if it is none. */
static char *
parse_date (const char *text)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);

  return normalized != NULL ? g_strndup (normalized, 10) : NULL;
}

static gboolean
is_separator (gunichar c)
{
  return c == 0x3001 /* 、 */ || c == ',' || c == 0xFF0C /* ， */ ||
         c == ';' || c == 0xFF1B /* ； */ || c == '\n' || c == '\r';
}

/* One "name" or "name（请假）" of the deputies cell, into @attendees. */
static void
add_attendee (const char  *piece,
              Lookups     *lookups,
              JsonArray   *attendees,
              GHashTable  *listed,
              const char  *column,
              GPtrArray   *reasons)
{
  g_autofree char *name = liaison_csv_trim (piece);
  LiaisonAttendance attendance = LIAISON_ATTENDANCE_ATTENDED;
  gsize length = strlen (name);
  const char *uuid;
  JsonObject *attendee;

  if (*name == '\0')
    return;
  /* A status in brackets at the end, full-width or ASCII. */
  if (g_str_has_suffix (name, ")") || g_str_has_suffix (name, "）"))
    {
      char *open = g_strrstr (name, "（");
      char *ascii_open = g_strrstr (name, "(");
      g_autofree char *status = NULL;
      g_autofree char *bare = NULL;

      if (open == NULL || (ascii_open != NULL && ascii_open > open))
        open = ascii_open;
      if (open == NULL)
        {
          /* Translators: %s is what the deputies cell holds for one deputy, such as "张伟（请假" */
          liaison_import_reasons_add (reasons, column, _("“%s” has a closing bracket but no opening one"), name);
          return;
        }
      status = g_strndup (g_utf8_next_char (open),
                          length - (g_str_has_suffix (name, ")") ? 1 : strlen ("）")) -
                          (gsize) (g_utf8_next_char (open) - name));
      if (!liaison_attendance_parse (status, &attendance))
        {
          /* Translators: the first %s is one deputy as written (张伟（迟到）), the second the word in brackets */
          liaison_import_reasons_add (reasons, column, _("“%s”: “%s” is not 请假 (on leave) or 缺席 (absent)"),
                                      name, status);
          return;
        }
      *open = '\0';
      bare = liaison_csv_trim (name);
      g_free (name);
      name = g_steal_pointer (&bare);
    }

  uuid = g_hash_table_lookup (lookups->deputies, name);
  if (uuid == NULL)
    liaison_import_reasons_add (reasons, column, _("there is no deputy “%s”: check the name, or add the deputy with “liaison-hq import deputies” first"),
                                name);
  else if (*uuid == '\0')
    liaison_import_reasons_add (reasons, column, _("two or more deputies are named “%s”: this file cannot say which one"),
                                name);
  else if (!g_hash_table_add (listed, g_strdup (uuid)))
    liaison_import_reasons_add (reasons, column, _("“%s” is listed twice"), name);
  else
    {
      attendee = json_object_new ();
      json_object_set_string_member (attendee, "deputy", uuid);
      json_object_set_string_member (attendee, "attendance", liaison_attendance_to_code (attendance));
      json_array_add_object_element (attendees, attendee);
    }
}

static JsonArray *
parse_attendees (const char  *cell,
                 Lookups     *lookups,
                 const char  *column,
                 GPtrArray   *reasons)
{
  g_autoptr(JsonArray) attendees = json_array_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *start = cell;

  for (const char *p = cell; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || is_separator (g_utf8_get_char (p)))
        {
          g_autofree char *piece = g_strndup (start, (gsize) (p - start));

          add_attendee (piece, lookups, attendees, listed, column, reasons);
          if (*p == '\0')
            break;
          start = g_utf8_next_char (p);
        }
    }
  if (json_array_get_length (attendees) == 0 && reasons->len == 0)
    liaison_import_reasons_add (reasons, column, _("the “%s” cell names no deputy"), column);
  return g_steal_pointer (&attendees);
}

/* @text into @data's @member, unless longer than @max characters. */
static void
set_text (JsonObject  *data,
          const char  *member,
          const char  *text,
          guint        max,
          const char  *column,
          GPtrArray   *reasons)
{
  if (g_utf8_strlen (text, -1) > (glong) max)
    /* Translators: %s is a column's name, %u a number of characters */
    liaison_import_reasons_add (reasons, column, _("the “%s” cell is longer than %u characters"), column, max);
  json_object_set_string_member (data, member, text);
}

/* A row's cells and their columns' names as the header gives them (the
 * Chinese name of a column the file lacks). */
typedef struct {
  char *text[N_ACTIVITY_COLUMNS];
  char *name[N_ACTIVITY_COLUMNS];
} Cells;

static void
cells_clear (Cells *cells)
{
  for (guint i = 0; i < N_ACTIVITY_COLUMNS; i++)
    {
      g_clear_pointer (&cells->text[i], g_free);
      g_clear_pointer (&cells->name[i], g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cells, cells_clear)

/* A plain record's: an import is no correction of a closed quarter. */
static const char * const correction_members[] = { "correction_reason", "corrected_by", "corrected_at" };

/* The row's activity, or NULL with its reasons. */
static Planned *
plan_row (const LiaisonCsvRow *header,
          const LiaisonCsvRow *row,
          const int           *column,
          Lookups             *lookups,
          GPtrArray           *reasons)
{
  g_auto(Cells) c = { { NULL } };
  g_autofree char *date = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *key = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonArray) attendees = NULL;
  LiaisonActivityKind kind = LIAISON_ACTIVITY_OTHER;
  const char *uuid;
  gpointer earlier;
  Planned *planned;

  for (guint i = 0; i < N_ACTIVITY_COLUMNS; i++)
    {
      c.text[i] = liaison_csv_cell (row, column[i]);
      c.name[i] = column[i] >= 0 ? liaison_csv_cell (header, column[i]) : g_strdup (activity_columns[i].zh);
    }

  date = parse_date (c.text[AC_DATE]);
  if (*c.text[AC_DATE] == '\0')
    liaison_import_reasons_add (reasons, c.name[AC_DATE], _("the “%s” cell is empty"), c.name[AC_DATE]);
  else if (date == NULL)
    liaison_import_reasons_add (reasons, c.name[AC_DATE], _("“%s” is not a date (such as 2025-03-05)"), c.text[AC_DATE]);
  else
    {
      LiaisonQuarter quarter;
      g_autofree char *code = NULL;

      /* A closed quarter changes only by a correction, with its reason, at
       * a headquarters desk: an import has none. */
      if (liaison_quarter_from_date (date, &quarter) &&
          g_hash_table_contains (lookups->closed, code = liaison_quarter_format (quarter)))
        liaison_import_reasons_add (reasons, c.name[AC_DATE],
                                    _("%s is closed: its activities are corrected at a headquarters desk, with a reason, not imported"),
                                    code);
    }
  if (*c.text[AC_END_DATE] != '\0')
    {
      end_date = parse_date (c.text[AC_END_DATE]);
      if (end_date == NULL)
        liaison_import_reasons_add (reasons, c.name[AC_END_DATE], _("“%s” is not a date (such as 2025-03-05)"),
                                    c.text[AC_END_DATE]);
      else if (date != NULL && strcmp (end_date, date) < 0)
        liaison_import_reasons_add (reasons, c.name[AC_END_DATE], _("the activity ends (%s) before it begins (%s)"),
                                    end_date, date);
    }

  if (*c.text[AC_KIND] == '\0')
    liaison_import_reasons_add (reasons, c.name[AC_KIND], _("the “%s” cell is empty"), c.name[AC_KIND]);
  else if (!liaison_activity_kind_parse (c.text[AC_KIND], &kind))
    liaison_import_reasons_add (reasons, c.name[AC_KIND], _("“%s” is not a kind of activity (出席人代会, 列席常委会会议, 调研, 视察, 执法检查, 主题活动, 代表小组活动, 履职学习培训, 其他, or their codes)"),
                                c.text[AC_KIND]);
  else if (liaison_activity_kind_owner (kind) == LIAISON_ACTIVITY_OWNER_STATION)
    liaison_import_reasons_add (reasons, c.name[AC_KIND], _("“%s” is recorded by the station where the deputy served, not imported at headquarters"),
                                c.text[AC_KIND]);

  if (*c.text[AC_TITLE] == '\0')
    liaison_import_reasons_add (reasons, c.name[AC_TITLE], _("the “%s” cell is empty"), c.name[AC_TITLE]);

  attendees = parse_attendees (c.text[AC_DEPUTIES], lookups, c.name[AC_DEPUTIES], reasons);

  if (reasons->len > 0)
    return NULL;

  key = activity_key (liaison_activity_kind_to_code (kind), date, c.text[AC_TITLE]);
  if (g_hash_table_lookup_extended (lookups->seen, key, NULL, &earlier))
    {
      liaison_import_reasons_add (reasons, NULL, _("the same activity (kind, date and title) is already on line %u"),
                                  GPOINTER_TO_UINT (earlier));
      return NULL;
    }
  g_hash_table_insert (lookups->seen, g_strdup (key), GUINT_TO_POINTER (row->line));

  /* The same activity again: the file's columns replace what it had, the
   * others (and a correction's reason) stay. Its data is changed in
   * place: saving compares it with the stored text, and no other row
   * has its key. */
  uuid = g_hash_table_lookup (lookups->existing, key);
  data = uuid != NULL ? json_object_ref (g_hash_table_lookup (lookups->data, uuid)) : json_object_new ();

  json_object_set_string_member (data, "kind", liaison_activity_kind_to_code (kind));
  set_text (data, "title", c.text[AC_TITLE], LIAISON_MAX_TITLE_CHARS, c.name[AC_TITLE], reasons);
  json_object_set_string_member (data, "date", date);
  if (column[AC_END_DATE] >= 0 || !json_object_has_member (data, "end_date"))
    json_object_set_string_member (data, "end_date", end_date != NULL ? end_date : "");
  if (column[AC_PLACE] >= 0 || !json_object_has_member (data, "place"))
    set_text (data, "place", c.text[AC_PLACE], LIAISON_MAX_TITLE_CHARS, c.name[AC_PLACE], reasons);
  if (column[AC_ORGANISER] >= 0 || !json_object_has_member (data, "organiser"))
    set_text (data, "organiser", c.text[AC_ORGANISER], LIAISON_MAX_TITLE_CHARS, c.name[AC_ORGANISER], reasons);
  if (column[AC_NOTE] >= 0 || !json_object_has_member (data, "note"))
    set_text (data, "note", c.text[AC_NOTE], LIAISON_MAX_CONTENT_CHARS, c.name[AC_NOTE], reasons);
  json_object_set_array_member (data, "attendees", g_steal_pointer (&attendees));
  for (guint i = 0; i < G_N_ELEMENTS (correction_members); i++)
    if (!json_object_has_member (data, correction_members[i]))
      json_object_set_string_member (data, correction_members[i], "");

  /* What every desk will check: so that the server never holds a record
   * a desk refuses. The checks above give the reasons in words first. */
  if (reasons->len == 0)
    {
      g_autoptr(JsonObject) record = json_object_new ();
      g_autoptr(GError) wire_error = NULL;

      json_object_set_string_member (record, "kind", LIAISON_KIND_ACTIVITY);
      json_object_set_string_member (record, "uuid", uuid != NULL ? uuid : "00000000-0000-4000-8000-000000000000");
      json_object_set_int_member (record, "version", 1);
      json_object_set_string_member (record, "updated_at", "2000-01-01T00:00:00Z");
      json_object_set_object_member (record, "data", json_object_ref (data));
      if (!liaison_wire_check_record (record, &wire_error))
        liaison_import_reasons_add (reasons, NULL, "%s", wire_error->message);
    }
  if (reasons->len > 0)
    return NULL;

  planned = g_new0 (Planned, 1);
  planned->uuid = g_strdup (uuid);
  planned->data = g_steal_pointer (&data);
  return planned;
}

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->deputies, g_hash_table_unref);
  g_clear_pointer (&lookups->existing, g_hash_table_unref);
  g_clear_pointer (&lookups->data, g_hash_table_unref);
  g_clear_pointer (&lookups->seen, g_hash_table_unref);
  g_clear_pointer (&lookups->closed, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

gboolean
liaison_hq_import_activities (LiaisonHqStore         *store,
                              GFile                  *file,
                              LiaisonHqImportCounts  *counts,
                              GError                **error)
{
  int column[N_ACTIVITY_COLUMNS];
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_free);
  g_autoptr(LiaisonImportProblems) problems = liaison_import_problems_new ();
  g_auto(Lookups) lookups = {
    .deputies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };

  memset (counts, 0, sizeof *counts);
  rows = liaison_csv_read (file, activity_columns, N_ACTIVITY_COLUMNS, column, error);
  if (rows == NULL)
    return FALSE;

  /* Read and write under one lock, so that names looked up stay true. */
  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  if (!load_lookups (store, &lookups, error))
    goto fail;

  for (guint i = 1; i < rows->len; i++)
    {
      const LiaisonCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) reasons = liaison_import_reasons_new ();
      Planned *planned = plan_row (g_ptr_array_index (rows, 0), row, column, &lookups, reasons);

      if (planned != NULL)
        g_ptr_array_add (plan, planned);
      else
        liaison_import_problems_add_row (problems, row->line, reasons);
    }
  if (!liaison_import_problems_check (problems, file, LIAISON_HQ_IMPORT_ERROR,
                                      LIAISON_HQ_IMPORT_ERROR_ROWS, error))
    goto fail;

  for (guint i = 0; i < plan->len; i++)
    {
      Planned *planned = g_ptr_array_index (plan, i);
      gboolean changed = FALSE;

      if (!liaison_hq_store_save_record (store, LIAISON_KIND_ACTIVITY, planned->uuid, NULL,
                                         planned->data, NULL, &changed, error))
        goto fail;
      if (planned->uuid == NULL)
        counts->added++;
      else if (changed)
        counts->updated++;
      else
        counts->unchanged++;
    }
  if (!liaison_hq_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  liaison_hq_store_rollback (store);
  memset (counts, 0, sizeof *counts);
  return FALSE;
}
