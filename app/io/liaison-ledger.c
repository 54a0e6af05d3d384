/* liaison-ledger.c: a station's ledger (台账) as CSV: its error domain and
 * the export, which writes what the imports (liaison-ledger-receptions.c,
 * liaison-ledger-roster.c) read. Import reads the whole file, checks every
 * row, and writes only when every row is good, in one transaction.
 */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-ledger-private.h"
#include "liaison-ledger-visitors.h"
#include "liaison-validate.h"

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
      liaison_csv_append_field (out, liaison_ledger_reception_columns[i].zh);
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
