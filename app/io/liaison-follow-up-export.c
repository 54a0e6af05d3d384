/* liaison-follow-up-export.c: a follow-up list as a workbook or a CSV
 * file (see the header), through liaison-table-file.c. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-contacts-log.h"
#include "liaison-follow-up-export.h"
#include "liaison-privacy.h"
#include "liaison-suggestion-item.h"
#include "liaison-table-file.h"
#include "liaison-validate.h"
#include "liaison-whole-file.h"

static const struct {
  LiaisonLoopList  list;
  const char      *name;
  const char      *title;  /* the Follow-up page's section title */
} lists[] = {
  { LIAISON_LOOP_LIST_TELL_CITIZEN,    "tell-citizen",    N_("Tell the Citizen") },
  { LIAISON_LOOP_LIST_TAKEN_UP_BY,     NULL,              N_("Taken Up by Me") },
  { LIAISON_LOOP_LIST_FILED_BY,        NULL,              N_("My Suggestions and Motions") },
  { LIAISON_LOOP_LIST_TO_TAKE_UP,      "to-take-up",      N_("Waiting for a Deputy") },
  { LIAISON_LOOP_LIST_TO_REFER,        "to-refer",        N_("To Refer") },
  { LIAISON_LOOP_LIST_OVERDUE,         "overdue",         N_("Overdue") },
  { LIAISON_LOOP_LIST_DUE_SOON,        "due-soon",        N_("Due Within 3 Days") },
  { LIAISON_LOOP_LIST_KEY_SUPERVISION, "key-supervision", N_("Under Key Supervision") },
  { LIAISON_LOOP_LIST_UNSATISFIED,     "unsatisfied",     N_("Rated Unsatisfied") },
};

typedef enum {
  FC_REGISTERED,
  FC_TITLE,
  FC_STATION,
  FC_CATEGORY,
  FC_STATUS,
  FC_TAKEN_UP_BY,
  FC_FILED_BY,
  FC_LEAD_UNIT,
  FC_DUE,
  FC_DAYS_OVERDUE,
  FC_KEY_SUPERVISION,
  FC_CONTACT,
  N_FOLLOW_UP_COLUMNS
} FollowUpColumn;

gboolean
liaison_follow_up_list_from_name (const char      *name,
                                  LiaisonLoopList *list)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (lists); i++)
    if (lists[i].name != NULL && g_ascii_strcasecmp (name, lists[i].name) == 0)
      {
        *list = lists[i].list;
        return TRUE;
      }
  return FALSE;
}

const char *
liaison_follow_up_list_names (void)
{
  return "tell-citizen, to-take-up, to-refer, overdue, due-soon, key-supervision, unsatisfied";
}

const char *
liaison_follow_up_list_title (LiaisonLoopList list)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i].list == list)
      return _(lists[i].title);
  g_return_val_if_reached ("");
}

/* The list's name for the access log: its command-line name, else its
 * untranslated title. */
static const char *
list_log_name (LiaisonLoopList list)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i].list == list)
      return lists[i].name != NULL ? lists[i].name : lists[i].title;
  return "";
}

/* A stored UTC time as the local "YYYY-MM-DD HH:MM"; "" for none. */
static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) time = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (utc != NULL ? utc : "");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char **
suggestion_cells (const LiaisonSuggestion *suggestion,
                  const GDate             *today,
                  const char              *lead_unit,
                  LiaisonPrivacyView       view)
{
  char **cells = g_new0 (char *, N_FOLLOW_UP_COLUMNS + 1);
  LiaisonDeadline deadline = liaison_suggestion_deadline (suggestion, today);

#define TEXT(s) g_strdup ((s) != NULL ? (s) : "")
  cells[FC_REGISTERED] = local_time (suggestion->created_at);
  cells[FC_TITLE] = TEXT (suggestion->title);
  cells[FC_STATION] = TEXT (suggestion->station_name);
  cells[FC_CATEGORY] = TEXT (suggestion->category_name);
  cells[FC_STATUS] = TEXT (liaison_suggestion_describe_status (suggestion));
  cells[FC_TAKEN_UP_BY] = TEXT (suggestion->taken_up_by);
  cells[FC_FILED_BY] = TEXT (suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION ? suggestion->deputy_name : NULL);
  cells[FC_LEAD_UNIT] = TEXT (lead_unit);
  cells[FC_DUE] = g_date_valid (&suggestion->due_date) ? liaison_date_to_iso (&suggestion->due_date) : g_strdup ("");
  cells[FC_DAYS_OVERDUE] = deadline.urgency == LIAISON_DEADLINE_OVERDUE
                           ? g_strdup_printf ("%d", -deadline.days_left) : g_strdup ("");
  /* Translators: a follow-up export's 重点督办 cell for a suggestion under key supervision */
  cells[FC_KEY_SUPERVISION] = g_strdup (suggestion->key_supervision ? C_("key supervision", "Yes") : "");
  cells[FC_CONTACT] = liaison_privacy_contact (suggestion->contact, view);
#undef TEXT
  return cells;
}

static const LiaisonTableColumn *
follow_up_columns (void)
{
  static LiaisonTableColumn columns[N_FOLLOW_UP_COLUMNS];

  /* Translated each time: the language is the user's. Translators: the
   * column headers of a follow-up list exported as a workbook */
  columns[FC_REGISTERED] = (LiaisonTableColumn) { C_("export column", "Registered"), LIAISON_TABLE_DATETIME };
  columns[FC_TITLE] = (LiaisonTableColumn) { C_("export column", "Title"), LIAISON_TABLE_TEXT };
  columns[FC_STATION] = (LiaisonTableColumn) { C_("export column", "Station"), LIAISON_TABLE_TEXT };
  columns[FC_CATEGORY] = (LiaisonTableColumn) { C_("export column", "Category"), LIAISON_TABLE_TEXT };
  columns[FC_STATUS] = (LiaisonTableColumn) { C_("export column", "Status"), LIAISON_TABLE_TEXT };
  columns[FC_TAKEN_UP_BY] = (LiaisonTableColumn) { C_("export column", "Taken up by"), LIAISON_TABLE_TEXT };
  columns[FC_FILED_BY] = (LiaisonTableColumn) { C_("export column", "Filed by"), LIAISON_TABLE_TEXT };
  columns[FC_LEAD_UNIT] = (LiaisonTableColumn) { C_("export column", "Lead unit"), LIAISON_TABLE_TEXT };
  columns[FC_DUE] = (LiaisonTableColumn) { C_("export column", "Due date"), LIAISON_TABLE_DATE };
  columns[FC_DAYS_OVERDUE] = (LiaisonTableColumn) { C_("export column", "Days overdue"), LIAISON_TABLE_COUNT };
  columns[FC_KEY_SUPERVISION] = (LiaisonTableColumn) { C_("export column", "Key supervision"), LIAISON_TABLE_TEXT };
  columns[FC_CONTACT] = (LiaisonTableColumn) { C_("export column", "Contact"), LIAISON_TABLE_TEXT };
  return columns;
}

typedef struct {
  LiaisonLoopList      list;
  LiaisonLedgerFormat  format;
  GPtrArray           *rows;
} ExportJob;

static gboolean
write_export (const char  *temporary,
              gpointer     user_data,
              GError     **error)
{
  ExportJob *job = user_data;
  g_autoptr(GString) csv = NULL;
  g_autofree char *sheet = NULL;

  if (job->format == LIAISON_LEDGER_FORMAT_XLSX)
    {
      /* A sheet's name is at most 31 characters, without []:*?/\ . */
      const char *title = liaison_follow_up_list_title (job->list);

      sheet = liaison_utf8_head (title, 31);
      g_strdelimit (sheet, "[]:*?/\\", ' ');
      return liaison_table_write_xlsx (temporary, sheet, follow_up_columns (), N_FOLLOW_UP_COLUMNS,
                                       job->rows, error);
    }
  csv = liaison_table_to_csv (follow_up_columns (), N_FOLLOW_UP_COLUMNS, job->rows);
  return g_file_set_contents (temporary, csv->str, csv->len, error);
}

gboolean
liaison_follow_up_export (LiaisonStore         *store,
                          LiaisonLoopList       list,
                          gint64                deputy_id,
                          const GDate          *today,
                          GFile                *file,
                          LiaisonLedgerFormat   format,
                          const char           *contacts_reason,
                          guint                *n_exported,
                          GError              **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GHashTable) lead_units = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) local_error = NULL;
  const char *path = g_file_peek_path (file);
  ExportJob job = { list, format, rows };
  LiaisonPrivacyView view = contacts_reason != NULL ? LIAISON_PRIVACY_WITH_CONTACTS : LIAISON_PRIVACY_MASKED;
  guint n_contacts = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (list < LIAISON_N_LOOP_LISTS, FALSE);

  if (n_exported != NULL)
    *n_exported = 0;
  if (contacts_reason != NULL && !liaison_privacy_check_reason (contacts_reason, error))
    return FALSE;
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO,
                   _("Could not write “%s”: a list is exported to a local file only."), name);
      return FALSE;
    }
  suggestions = liaison_store_list_loop (store, list, deputy_id, today, 0, error);
  if (suggestions == NULL)
    return FALSE;
  lead_units = liaison_store_read_lead_units (store, suggestions);
  for (guint i = 0; i < suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_ptr_array_add (rows, suggestion_cells (suggestion, today,
                                               g_hash_table_lookup (lead_units, &suggestion->meta.id), view));
      if (suggestion->contact != NULL && *suggestion->contact != '\0')
        n_contacts++;
    }
  if (contacts_reason != NULL &&
      !liaison_contacts_log (store, FALSE, list_log_name (list), n_contacts, contacts_reason, error))
    return FALSE;
  if (!liaison_write_whole_file (path, write_export, &job, &local_error))
    {
      /* liaison_write_whole_file() says which file and why. */
      g_set_error_literal (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO, local_error->message);
      return FALSE;
    }
  if (n_exported != NULL)
    *n_exported = rows->len;
  return TRUE;
}
