/* liaison-ledger-print.c: a period's ledger (台账) to print: the export's
 * rows (liaison_ledger_export_rows(), phones as they may be shown) under
 * its columns' Chinese names, in a table that runs across A4 pages on
 * their side and repeats its header row on each (app/pdf). */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-contacts-log.h"
#include "liaison-ledger-private.h"
#include "liaison-print-form.h"

/* The printed columns: the file's, with the mobile desk's place and
 * occasion in one, 地点 ("渠沟镇太平村 · 集市"), so that the landscape page
 * keeps its headers on one line. */
#define N_PRINTED_COLUMNS RC_OCCASION

/* Each column's share of the page's width: the content and the handling
 * take the room, the yes-or-no columns little. */
static const double column_shares[N_PRINTED_COLUMNS] = {
  [RC_DATE]       = 1.45,
  [RC_DEPUTIES]   = 1.3,
  [RC_VISITOR]    = 1.1,
  [RC_PHONE]      = 1.5,
  [RC_PARTY_SIZE] = 0.75,
  [RC_COMMUNITY]  = 1.3,
  [RC_CATEGORY]   = 1.1,
  [RC_CONTENT]    = 2.6,
  [RC_HANDLING]   = 1.8,
  [RC_CHANNEL]    = 1.1,
  [RC_CONSENT]    = 1.1,
  [RC_ON_SPOT]    = 1.1,
  [RC_PLACE]      = 0.9,
};

/* A file's row as printed: its place and occasion in one cell. */
static char **
printed_row (char **cells)
{
  char **printed = g_new0 (char *, N_PRINTED_COLUMNS + 1);
  gboolean place = *cells[RC_PLACE] != '\0';
  gboolean occasion = *cells[RC_OCCASION] != '\0';

  for (guint c = 0; c < RC_PLACE; c++)
    printed[c] = g_strdup (cells[c]);
  printed[RC_PLACE] = place && occasion ? g_strdup_printf (_("%s · %s"), cells[RC_PLACE], cells[RC_OCCASION])
                                        : g_strdup (place ? cells[RC_PLACE] : cells[RC_OCCASION]);
  return printed;
}

LiaisonPdf *
liaison_ledger_print_new (LiaisonStore  *store,
                          const char    *from,
                          const char    *to,
                          const char    *contacts_reason,
                          guint         *n_rows,
                          GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LiaisonPdf) pdf = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *footer = NULL;
  g_autofree char *period = NULL;
  LiaisonPdfColumn columns[N_PRINTED_COLUMNS];
  guint n_contacts = 0;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (n_rows != NULL)
    *n_rows = 0;
  if (contacts_reason != NULL && !liaison_privacy_check_reason (contacts_reason, error))
    return NULL;
  rows = liaison_ledger_export_rows (store, from, to,
                                     contacts_reason != NULL ? LIAISON_PRIVACY_WITH_CONTACTS : LIAISON_PRIVACY_MASKED,
                                     &n_contacts, error);
  if (rows == NULL)
    return NULL;
  if (contacts_reason != NULL)
    {
      g_autofree char *what = g_strdup_printf ("%s..%s", from, to);

      if (!liaison_contacts_log (store, TRUE, what, n_contacts, contacts_reason, error))
        return NULL;
    }

  station = liaison_store_get_local_station (store);
  pdf = liaison_pdf_new (_("Reception Ledger"), "Liaison " PACKAGE_VERSION);
  liaison_pdf_set_landscape (pdf, TRUE);
  /* Translators: at the foot of a printed form, "打印时间：2025-03-05 09:30" */
  footer = g_strdup_printf (_("Printed %s"), printed);
  liaison_pdf_set_footer (pdf, footer, liaison_print_page_label, NULL);
  liaison_pdf_add_page_title (pdf, station != NULL ? station->name : NULL, _("Reception Ledger"));
  /* Translators: under the printed ledger's title: the period and how many receptions */
  period = g_strdup_printf (ngettext ("%s to %s, %u reception", "%s to %s, %u receptions", rows->len),
                            from, to, rows->len);
  liaison_pdf_add_paragraph (pdf, period);

  for (guint c = 0; c < N_PRINTED_COLUMNS; c++)
    columns[c] = (LiaisonPdfColumn) {
      liaison_ledger_reception_columns[c].zh,
      column_shares[c],
      c == RC_PARTY_SIZE ? LIAISON_PDF_ALIGN_END : LIAISON_PDF_ALIGN_START,
    };
  liaison_pdf_begin_table (pdf, columns, N_PRINTED_COLUMNS, TRUE);
  for (guint r = 0; r < rows->len; r++)
    {
      g_auto(GStrv) cells = printed_row (g_ptr_array_index (rows, r));

      liaison_pdf_add_row (pdf, (const char *const *) cells, LIAISON_PDF_ROW_PLAIN);
    }
  liaison_pdf_end_table (pdf);

  if (n_rows != NULL)
    *n_rows = rows->len;
  return g_steal_pointer (&pdf);
}
