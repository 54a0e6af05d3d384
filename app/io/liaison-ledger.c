/* liaison-ledger.c: a station's ledger (台账) as CSV: its error domain and
 * the export (CSV here, XLSX in liaison-ledger-xlsx.c), which writes what the imports (liaison-ledger-receptions.c,
 * liaison-ledger-roster.c) read. Import reads the whole file, checks every
 * row, and writes only when every row is good, in one transaction.
 */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-contacts-log.h"
#include "liaison-ledger-private.h"
#include "liaison-ledger-visitors.h"
#include "liaison-validate.h"
#include "liaison-whole-file.h"

G_DEFINE_QUARK (liaison-ledger-error-quark, liaison_ledger_error)

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
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

/* Checks the export's dates: both dates, in order. */
static gboolean
parse_period (const char  *from_date,
              const char  *to_date,
              char       **from,
              char       **to,
              GError     **error)
{
  if ((*from = parse_date (from_date, TRUE, error)) == NULL ||
      (*to = parse_date (to_date, FALSE, error)) == NULL)
    return FALSE;
  if (strcmp (*from, *to) > 0)
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_DATES,
                   _("The first day to export, %s, is after the last day, %s."), *from, *to);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
liaison_ledger_export_rows (LiaisonStore  *store,
                            const char    *from,
                            const char    *to,
                            LiaisonPrivacyView  view,
                            guint         *n_contacts,
                            GError       **error)
{
  g_autoptr(GPtrArray) receptions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) category_names = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (n_contacts != NULL)
    *n_contacts = 0;
  categories = liaison_store_list_categories (store, error);
  if (categories == NULL)
    return NULL;
  category_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < categories->len; i++)
    {
      LiaisonCategory *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (category_names, &category->id, category->name_zh);
    }

  receptions = liaison_store_list_receptions_between (store, from, to, error);
  if (receptions == NULL)
    return NULL;

  rows = g_ptr_array_new_full (receptions->len, (GDestroyNotify) g_strfreev);
  for (guint r = 0; r < receptions->len; r++)
    {
      LiaisonReception *reception = g_ptr_array_index (receptions, r);
      g_autoptr(GString) names = g_string_new (NULL);
      const char *category = g_hash_table_lookup (category_names, &reception->category_id);
      char **cells = g_new0 (char *, N_RECEPTION_COLUMNS + 1);

      for (guint i = 0; i < reception->visitors->len; i++)
        {
          const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

          if (i > 0)
            g_string_append (names, "、");
          g_string_append (names, visitor->name ? visitor->name : "");
        }

      cells[RC_DATE] = g_strdup (reception->received_at ? reception->received_at : "");
      cells[RC_DEPUTIES] = g_strdup (reception->deputy_names ? reception->deputy_names : "");
      cells[RC_VISITOR] = g_string_free (g_steal_pointer (&names), FALSE);
      for (guint i = 0; i < reception->visitors->len; i++)
        {
          LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);
          char *shown = liaison_privacy_visitor_phone (visitor, view, FALSE);

          if (n_contacts != NULL && *shown != '\0' && g_strcmp0 (shown, visitor->phone) == 0)
            (*n_contacts)++;
          g_free (visitor->phone);
          visitor->phone = shown;
        }
      cells[RC_PHONE] = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_PHONE);
      cells[RC_PARTY_SIZE] = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_PARTY_SIZE);
      cells[RC_COMMUNITY] = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_COMMUNITY);
      cells[RC_CATEGORY] = g_strdup (category ? category : "");
      cells[RC_CONTENT] = g_strdup (reception->summary ? reception->summary : "");
      cells[RC_HANDLING] = g_strdup (reception->handling ? reception->handling : "");
      cells[RC_CHANNEL] = g_strdup (channel_names_zh[reception->channel]);
      cells[RC_CONSENT] = liaison_ledger_visitors_cell (reception->visitors, LIAISON_LEDGER_VISITOR_CONSENT);
      cells[RC_ON_SPOT] = g_strdup (reception->handled_on_spot ? "是" : "否");
      cells[RC_PLACE] = g_strdup (reception->place ? reception->place : "");
      cells[RC_OCCASION] = g_strdup (reception->occasion ? reception->occasion : "");
      g_ptr_array_add (rows, cells);
    }
  return g_steal_pointer (&rows);
}

gboolean
liaison_ledger_format_for_path (const char           *path,
                                const char           *name,
                                LiaisonLedgerFormat  *format,
                                GError              **error)
{
  static const char *const names[] = { [LIAISON_LEDGER_FORMAT_CSV] = "csv", [LIAISON_LEDGER_FORMAT_XLSX] = "xlsx" };
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  int named = -1, extension = -1;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (name != NULL && g_ascii_strcasecmp (name, names[i]) == 0)
        named = (int) i;
      if (dot != NULL && g_ascii_strcasecmp (dot + 1, names[i]) == 0)
        extension = (int) i;
    }
  if (name != NULL && named < 0)
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_FORMAT,
                   _("“%s” is not a format the ledger is exported in: use xlsx or csv."), name);
      return FALSE;
    }
  if ((dot != NULL && extension < 0) || (dot == NULL && named < 0))
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_FORMAT,
                   _("“%s” is not an .xlsx or .csv file: name the ledger FILE.xlsx or FILE.csv."), base);
      return FALSE;
    }
  if (named >= 0 && extension >= 0 && named != extension)
    {
      g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_FORMAT,
                   _("“%s” does not end in .%s, the format asked for: name it FILE.%s, or leave the format out."),
                   base, names[named], names[named]);
      return FALSE;
    }
  *format = named >= 0 ? (LiaisonLedgerFormat) named : (LiaisonLedgerFormat) extension;
  return TRUE;
}

static gboolean
write_xlsx (const char  *temporary,
            gpointer     rows,
            GError     **error)
{
  return liaison_ledger_write_xlsx (rows, temporary, error);
}

gboolean
liaison_ledger_export_receptions (LiaisonStore  *store,
                                  const char    *from_date,
                                  const char    *to_date,
                                  GFile         *file,
                                  guint         *n_exported,
                                  GError       **error)
{
  return liaison_ledger_export_receptions_as (store, from_date, to_date, file,
                                              LIAISON_LEDGER_FORMAT_CSV, NULL, n_exported, error);
}

gboolean
liaison_ledger_export_receptions_as (LiaisonStore         *store,
                                     const char           *from_date,
                                     const char           *to_date,
                                     GFile                *file,
                                     LiaisonLedgerFormat   format,
                                     const char           *contacts_reason,
                                     guint                *n_exported,
                                     GError              **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written;
  guint n_contacts = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (n_exported != NULL)
    *n_exported = 0;
  if (contacts_reason != NULL && !liaison_privacy_check_reason (contacts_reason, error))
    return FALSE;
  if (!parse_period (from_date, to_date, &from, &to, error))
    return FALSE;
  rows = liaison_ledger_export_rows (store, from, to,
                                     contacts_reason != NULL ? LIAISON_PRIVACY_WITH_CONTACTS : LIAISON_PRIVACY_MASKED,
                                     &n_contacts, error);
  if (rows == NULL)
    return FALSE;
  if (contacts_reason != NULL)
    {
      g_autofree char *what = g_strdup_printf ("%s..%s", from, to);

      if (!liaison_contacts_log (store, FALSE, what, n_contacts, contacts_reason, error))
        return FALSE;
    }

  if (format == LIAISON_LEDGER_FORMAT_XLSX)
    {
      const char *path = g_file_peek_path (file);

      if (path == NULL)
        {
          g_autofree char *name = file_display_name (file);

          g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO,
                       _("Could not write “%s”: a workbook is written to a local file only."), name);
          return FALSE;
        }
      written = liaison_write_whole_file (path, write_xlsx, rows, &local_error);
    }
  else
    {
      g_autoptr(GString) out = liaison_ledger_rows_to_csv (rows);

      if (!g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
        {
          g_autofree char *name = file_display_name (file);

          g_set_error (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO,
                       _("Could not write “%s”: %s"), name, local_error->message);
          return FALSE;
        }
      written = TRUE;
    }
  if (!written)
    {
      /* liaison_write_whole_file() says which file and why. */
      g_set_error_literal (error, LIAISON_LEDGER_ERROR, LIAISON_LEDGER_ERROR_IO, local_error->message);
      return FALSE;
    }

  if (n_exported != NULL)
    *n_exported = rows->len;
  return TRUE;
}
