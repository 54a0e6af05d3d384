/* liaison-ledger-duplicates.c: a ledger's rows that the store already
 * holds (the same time, visitors and content), found with one look-up on
 * the file's dates, and how they are reported. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-ledger-private.h"
#include "liaison-validate.h"

/* What makes two receptions the same visit: the time as the store spells
 * it, every visitor's name in order (anonymous ones as empty names), and
 * what was raised. The separators are control characters no cell holds. */
static char *
reception_key (const LiaisonReception *reception)
{
  g_autofree char *received_at = liaison_normalize_datetime (reception->received_at);
  GString *key = g_string_new (received_at != NULL ? received_at : reception->received_at);

  g_string_append_c (key, '\x1f');
  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      if (i > 0)
        g_string_append_c (key, '\x1e');
      g_string_append (key, visitor->name != NULL ? visitor->name : "");
    }
  g_string_append_c (key, '\x1f');
  g_string_append (key, reception->summary != NULL ? reception->summary : "");
  return g_string_free (key, FALSE);
}

gboolean
liaison_ledger_skip_imported_receptions (LiaisonStore  *store,
                                         GPtrArray     *records,
                                         GArray        *lines,
                                         GArray        *already,
                                         GError       **error)
{
  g_autoptr(GHashTable) held = NULL;   /* key -> how many live receptions have it */
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint kept = 0;

  for (guint i = 0; i < records->len; i++)
    {
      const LiaisonReception *reception = g_ptr_array_index (records, i);
      g_autofree char *day = liaison_normalize_datetime (reception->received_at);

      if (day == NULL)
        continue;
      day[10] = '\0';
      if (from == NULL || strcmp (day, from) < 0)
        {
          g_free (from);
          from = g_strdup (day);
        }
      if (to == NULL || strcmp (day, to) > 0)
        {
          g_free (to);
          to = g_strdup (day);
        }
    }
  if (from == NULL)
    return TRUE;

  /* One look-up on received_at (indexed) for the file's days. */
  existing = liaison_store_list_receptions_between (store, from, to, error);
  if (existing == NULL)
    return FALSE;
  held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < existing->len; i++)
    {
      char *key = reception_key (g_ptr_array_index (existing, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (held, key));

      g_hash_table_insert (held, key, GUINT_TO_POINTER (n + 1));
    }

  /* A row the store holds k times: its first k copies in the file are
   * already imported, any more are new visits. */
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *key = reception_key (g_ptr_array_index (records, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (held, key));

      if (n > 0)
        {
          g_hash_table_insert (held, g_steal_pointer (&key), GUINT_TO_POINTER (n - 1));
          g_array_append_val (already, g_array_index (lines, guint, i));
          continue;
        }
      if (kept != i)
        {
          gpointer record = records->pdata[kept];

          records->pdata[kept] = records->pdata[i];
          records->pdata[i] = record;
          g_array_index (lines, guint, kept) = g_array_index (lines, guint, i);
        }
      kept++;
    }
  g_ptr_array_set_size (records, kept);
  g_array_set_size (lines, kept);
  return TRUE;
}

char *
liaison_ledger_already_imported_text (GArray *already)
{
  GString *text = g_string_new (NULL);
  guint listed;

  g_return_val_if_fail (already != NULL, NULL);

  if (already->len == 0)
    return g_string_free (text, FALSE);
  g_string_append_printf (text, ngettext ("already imported: %u row", "already imported: %u rows", already->len),
                          already->len);
  for (listed = 0; listed < already->len && listed < LIAISON_IMPORT_MAX_LISTED_ROWS; listed++)
    {
      g_string_append_c (text, '\n');
      /* Translators: a ledger's row that the station already holds; %u is its line in the file */
      g_string_append_printf (text, _("line %u: already imported"), g_array_index (already, guint, listed));
    }
  /* A whole ledger imported again is thousands of lines: the first ones
   * say what happened, as the bad rows' message does. */
  if (already->len > listed)
    g_string_append_printf (text, ngettext ("\n…and %u more row already imported.", "\n…and %u more rows already imported.", already->len - listed),
                            already->len - listed);
  return g_string_free (text, FALSE);
}
