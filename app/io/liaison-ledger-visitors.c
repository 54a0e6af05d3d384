/* liaison-ledger-visitors.c: a reception's visitors in the ledger's one row. */
#define G_LOG_DOMAIN "liaison-ledger"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-import-problems.h"
#include "liaison-ledger-visitors.h"
#include "liaison-privacy.h"
#include "liaison-records.h"
#include "liaison-validate.h"

#define SEPARATOR "、"

gboolean
liaison_ledger_parse_yes_no (const char *text,
                             gboolean   *value)
{
  static const char *const yes[] = { "是", "yes", "y", "1", "true", "同意", "√" };
  static const char *const no[] = { "否", "no", "n", "0", "false", "不同意", "×" };

  if (*text == '\0')
    {
      *value = FALSE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

static char *
visitor_value (const LiaisonVisitor     *visitor,
               LiaisonLedgerVisitorCell  cell)
{
  switch (cell)
    {
    case LIAISON_LEDGER_VISITOR_PHONE:
      return g_strdup (visitor->phone ? visitor->phone : "");
    case LIAISON_LEDGER_VISITOR_PARTY_SIZE:
      return g_strdup_printf ("%d", visitor->party_size);
    case LIAISON_LEDGER_VISITOR_COMMUNITY:
      return g_strdup (visitor->community ? visitor->community : "");
    case LIAISON_LEDGER_VISITOR_CONSENT:
      return g_strdup (visitor->consent ? "是" : "否");
    case LIAISON_LEDGER_N_VISITOR_CELLS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Whether the one value that import spreads over the visitors gives them
 * back as they are: only the first has a phone or consents, every one
 * lives in the first one's community, and the others came alone. */
static gboolean
single_value_suffices (const GPtrArray          *visitors,
                       LiaisonLedgerVisitorCell  cell)
{
  const LiaisonVisitor *first = g_ptr_array_index (visitors, 0);

  for (guint i = 1; i < visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (visitors, i);

      switch (cell)
        {
        case LIAISON_LEDGER_VISITOR_PHONE:
          if (visitor->phone != NULL && *visitor->phone)
            return FALSE;
          break;
        case LIAISON_LEDGER_VISITOR_PARTY_SIZE:
          if (visitor->party_size != 1)
            return FALSE;
          break;
        case LIAISON_LEDGER_VISITOR_COMMUNITY:
          if (g_strcmp0 (visitor->community ? visitor->community : "",
                         first->community ? first->community : "") != 0)
            return FALSE;
          break;
        case LIAISON_LEDGER_VISITOR_CONSENT:
          if (visitor->consent)
            return FALSE;
          break;
        case LIAISON_LEDGER_N_VISITOR_CELLS:
        default:
          g_return_val_if_reached (TRUE);
        }
    }
  return TRUE;
}

char *
liaison_ledger_visitors_cell (const GPtrArray          *visitors,
                              LiaisonLedgerVisitorCell  cell)
{
  g_autoptr(GString) text = NULL;
  int total = 0;

  g_return_val_if_fail (visitors != NULL, NULL);

  if (visitors->len == 0)
    return g_strdup (cell == LIAISON_LEDGER_VISITOR_PARTY_SIZE ? "1" :
                     cell == LIAISON_LEDGER_VISITOR_CONSENT ? "否" : "");

  if (single_value_suffices (visitors, cell))
    {
      if (cell != LIAISON_LEDGER_VISITOR_PARTY_SIZE)
        return visitor_value (g_ptr_array_index (visitors, 0), cell);
      for (guint i = 0; i < visitors->len; i++)
        total += ((const LiaisonVisitor *) g_ptr_array_index (visitors, i))->party_size;
      return g_strdup_printf ("%d", MAX (total, 1));
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < visitors->len; i++)
    {
      g_autofree char *value = visitor_value (g_ptr_array_index (visitors, i), cell);

      if (i > 0)
        g_string_append (text, SEPARATOR);
      g_string_append (text, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Splits at 、; every part is trimmed and empty parts are kept (an
 * anonymous visitor between two named ones). */
static GPtrArray *
split_at_separator (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = g_strsplit (text, SEPARATOR, -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    g_ptr_array_add (parts, liaison_csv_trim (pieces[i]));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (""));
  return parts;
}

/* A reason about @column, for the import's list of problems; takes @reason. */
static void
add_reason (GPtrArray  *reasons,
            const char *column,
            char       *reason)
{
  liaison_import_reasons_add (reasons, column, "%s", reason);
  g_free (reason);
}

/* The values of @cell, one per visitor, or NULL when the cell holds one
 * value for the whole row. Adds a reason when it lists a wrong number. */
static GPtrArray *
per_visitor_values (const char *text,
                    const char *column_name,
                    guint       n_visitors,
                    GPtrArray  *reasons)
{
  g_autoptr(GPtrArray) parts = NULL;

  if (n_visitors < 2 || strstr (text, SEPARATOR) == NULL)
    return NULL;
  parts = split_at_separator (text);
  if (parts->len != n_visitors)
    {
      add_reason (reasons, column_name,
                  g_strdup_printf (ngettext ("the “%s” cell lists %u values for %u visitor: give one value, or one for each visitor separated by 、",
                                             "the “%s” cell lists %u values for %u visitors: give one value, or one for each visitor separated by 、",
                                             n_visitors),
                                   column_name, parts->len, n_visitors));
      return NULL;
    }
  return g_steal_pointer (&parts);
}

static gboolean
parse_party_size (const char *text,
                  guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 1, LIAISON_MAX_PARTY_SIZE, value, NULL);
}

GPtrArray *
liaison_ledger_visitors_parse (const char         *names_cell,
                               const char * const *cells,
                               const char * const *column_names,
                               GPtrArray          *reasons,
                               guint              *reported)
{
  GPtrArray *visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_visitor_free);
  g_autoptr(GPtrArray) names = split_at_separator (names_cell);
  GPtrArray *lists[LIAISON_LEDGER_N_VISITOR_CELLS] = { NULL, };
  const char *party = cells[LIAISON_LEDGER_VISITOR_PARTY_SIZE];
  guint64 party_size = 1;
  guint n = names->len;

  *reported = 0;
  for (guint c = 0; c < LIAISON_LEDGER_N_VISITOR_CELLS; c++)
    {
      guint before = reasons->len;

      lists[c] = per_visitor_values (cells[c], column_names[c], n, reasons);
      if (reasons->len > before)
        *reported |= 1u << c;
    }

  for (guint i = 0; i < n; i++)
    {
      LiaisonVisitor *visitor = liaison_visitor_new ();
      const char *consent;

      visitor->name = g_strdup (g_ptr_array_index (names, i));
      visitor->community = g_strdup (lists[LIAISON_LEDGER_VISITOR_COMMUNITY]
                                     ? g_ptr_array_index (lists[LIAISON_LEDGER_VISITOR_COMMUNITY], i)
                                     : cells[LIAISON_LEDGER_VISITOR_COMMUNITY]);
      if (lists[LIAISON_LEDGER_VISITOR_PHONE] != NULL)
        visitor->phone = g_strdup (g_ptr_array_index (lists[LIAISON_LEDGER_VISITOR_PHONE], i));
      else if (i == 0)
        visitor->phone = g_strdup (cells[LIAISON_LEDGER_VISITOR_PHONE]);
      /* A masked phone (138****5678: an export without full contacts, or
       * a visitor who did not agree to be contacted) is no number to keep. */
      if (liaison_privacy_is_masked (visitor->phone))
        g_clear_pointer (&visitor->phone, g_free);

      consent = lists[LIAISON_LEDGER_VISITOR_CONSENT] != NULL
        ? g_ptr_array_index (lists[LIAISON_LEDGER_VISITOR_CONSENT], i)
        : i == 0 ? cells[LIAISON_LEDGER_VISITOR_CONSENT] : "";
      if (!liaison_ledger_parse_yes_no (consent, &visitor->consent) &&
          !(*reported & (1u << LIAISON_LEDGER_VISITOR_CONSENT)))
        {
          add_reason (reasons, column_names[LIAISON_LEDGER_VISITOR_CONSENT],
                      g_strdup_printf (_("“%s” in the “%s” column is neither 是 nor 否"),
                                       consent, column_names[LIAISON_LEDGER_VISITOR_CONSENT]));
          *reported |= 1u << LIAISON_LEDGER_VISITOR_CONSENT;
        }

      visitor->party_size = 1;
      if (lists[LIAISON_LEDGER_VISITOR_PARTY_SIZE] != NULL)
        {
          const char *size = g_ptr_array_index (lists[LIAISON_LEDGER_VISITOR_PARTY_SIZE], i);
          guint64 value;

          if (parse_party_size (size, &value))
            visitor->party_size = (int) value;
          else if (!(*reported & (1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE)))
            {
              add_reason (reasons, column_names[LIAISON_LEDGER_VISITOR_PARTY_SIZE],
                          g_strdup_printf (_("the party size “%s” is not a number from 1 to %d"),
                                           size, LIAISON_MAX_PARTY_SIZE));
              *reported |= 1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE;
            }
        }
      g_ptr_array_add (visitors, visitor);
    }

  /* One total: the first visitor brought everyone the others did not. */
  if (lists[LIAISON_LEDGER_VISITOR_PARTY_SIZE] == NULL &&
      !(*reported & (1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE)))
    {
      if (*party != '\0' && !parse_party_size (party, &party_size))
        {
          add_reason (reasons, column_names[LIAISON_LEDGER_VISITOR_PARTY_SIZE],
                      g_strdup_printf (_("the party size “%s” is not a number from 1 to %d"),
                                       party, LIAISON_MAX_PARTY_SIZE));
          *reported |= 1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE;
          party_size = n;
        }
      else if (party_size < n)
        {
          add_reason (reasons, column_names[LIAISON_LEDGER_VISITOR_PARTY_SIZE],
                      g_strdup_printf (ngettext ("the party size is %u but %u visitor is named",
                                                 "the party size is %u but %u visitors are named",
                                                 n),
                                       (guint) party_size, n));
          *reported |= 1u << LIAISON_LEDGER_VISITOR_PARTY_SIZE;
          party_size = n;
        }
      ((LiaisonVisitor *) g_ptr_array_index (visitors, 0))->party_size = (int) (party_size - (n - 1));
    }
  for (guint c = 0; c < LIAISON_LEDGER_N_VISITOR_CELLS; c++)
    g_clear_pointer (&lists[c], g_ptr_array_unref);
  return visitors;
}
