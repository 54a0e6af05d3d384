/* liaison-print-form.c: the reception registration form (接待登记表) as
 * an A4 document: the station over the title; when, how and the deputies
 * present; the visitors, their phones masked unless they agreed to be
 * contacted; what was raised and the suggestions logged with it; how it
 * was handled; lines to sign on. The blank form is the same with empty
 * boxes. */
#define G_LOG_DOMAIN "liaison-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-contacts-log.h"
#include "liaison-print-form.h"
#include "liaison-privacy.h"
#include "liaison-whole-file.h"

/* The fields' grid: a name, its value, a name, its value. */
static const LiaisonPdfColumn grid[] = {
  { NULL, 1.25, LIAISON_PDF_ALIGN_START },
  { NULL, 2.4,  LIAISON_PDF_ALIGN_START },
  { NULL, 1.25, LIAISON_PDF_ALIGN_START },
  { NULL, 2.4,  LIAISON_PDF_ALIGN_START },
};

#define N_BLANK_VISITORS 4
#define ROW_HEIGHT       24.0

char *
liaison_print_page_label (guint    page,
                          guint    n_pages,
                          gpointer user_data)
{
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

static void
add_field_row (LiaisonPdf *pdf,
               const char *name,
               const char *value,
               double      min_height)
{
  const char *cells[] = { name, value != NULL ? value : "", NULL, NULL };

  liaison_pdf_add_tall_row (pdf, cells, LIAISON_PDF_ROW_FIELDS, min_height);
}

static void
add_visitors (LiaisonPdf             *pdf,
              const LiaisonReception *reception,
              LiaisonPrivacyView      view)
{
  const LiaisonPdfColumn columns[] = {
    /* Translators: the number of a row in a printed table, 序号 */
    { _("No."), 0.55, LIAISON_PDF_ALIGN_CENTER },
    { _("Name"), 1.4, LIAISON_PDF_ALIGN_START },
    { _("Contact phone"), 1.7, LIAISON_PDF_ALIGN_START },
    { _("Community"), 2.0, LIAISON_PDF_ALIGN_START },
    /* Translators: how many people came, 人数 */
    { _("People"), 0.65, LIAISON_PDF_ALIGN_CENTER },
    { _("May be contacted"), 1.0, LIAISON_PDF_ALIGN_CENTER },
  };
  guint n = reception != NULL ? reception->visitors->len : N_BLANK_VISITORS;

  liaison_pdf_add_heading (pdf, 2, _("Visitors"));
  liaison_pdf_begin_table (pdf, columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < n; i++)
    {
      const LiaisonVisitor *visitor = reception != NULL ? g_ptr_array_index (reception->visitors, i) : NULL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *phone = visitor != NULL ? liaison_privacy_visitor_phone (visitor, view, FALSE) : NULL;
      g_autofree char *party = visitor != NULL ? g_strdup_printf ("%d", MAX (visitor->party_size, 1)) : NULL;
      const char *name = NULL;
      const char *cells[G_N_ELEMENTS (columns)];

      if (visitor != NULL)
        name = visitor->name != NULL && *visitor->name ? visitor->name : _("Anonymous");
      cells[0] = visitor != NULL ? number : "";
      cells[1] = name;
      cells[2] = phone;
      cells[3] = visitor != NULL ? visitor->community : NULL;
      cells[4] = party;
      cells[5] = visitor != NULL ? (visitor->consent ? _("Yes") : _("No")) : NULL;
      liaison_pdf_add_tall_row (pdf, cells, LIAISON_PDF_ROW_PLAIN, ROW_HEIGHT);
    }
  liaison_pdf_end_table (pdf);
}

/* The suggestions logged with the reception, one a paragraph. */
static char *
suggestions_text (const LiaisonReception *reception)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < reception->suggestions->len; i++)
    {
      const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. %s", i + 1, suggestion->title != NULL ? suggestion->title : "");
      if (suggestion->category_name != NULL && *suggestion->category_name)
        /* Translators: a printed suggestion's category after its title, "（城乡建设）" */
        g_string_append_printf (text, _(" (%s)"), suggestion->category_name);
      if (suggestion->content != NULL && *suggestion->content)
        g_string_append_printf (text, "\n%s", suggestion->content);
    }
  if (text->len == 0)
    g_string_append (text, _("None"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The form of @reception, or the blank one when it is NULL. */
static LiaisonPdf *
form_new (const LiaisonReception *reception,
          const char             *station_name,
          LiaisonPrivacyView      view)
{
  g_autoptr(LiaisonPdf) pdf = liaison_pdf_new (_("Reception Registration Form"), "Liaison " PACKAGE_VERSION);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (now, "%Y-%m-%d %H:%M");
  /* Translators: at the foot of a printed form, "打印时间：2025-03-05 09:30" */
  g_autofree char *footer = g_strdup_printf (_("Printed %s"), printed);
  g_autofree char *date = NULL;
  g_autofree char *suggestions = NULL;
  const char *time = NULL;
  const char *signatures[] = {
    _("Signature of the deputies"),
    _("Registered by"),
    _("Date"),
  };

  if (reception != NULL && reception->received_at != NULL)
    {
      /* "YYYY-MM-DD HH:MM": the day and the time in boxes of their own. */
      const char *space = strchr (reception->received_at, ' ');

      date = space != NULL ? g_strndup (reception->received_at, space - reception->received_at)
                           : g_strdup (reception->received_at);
      time = space != NULL ? space + 1 : "";
    }

  liaison_pdf_set_footer (pdf, footer, liaison_print_page_label, NULL);
  liaison_pdf_add_page_title (pdf, station_name, _("Reception Registration Form"));

  liaison_pdf_begin_table (pdf, grid, G_N_ELEMENTS (grid), FALSE);
  {
    const char *when[] = { _("Reception date"), date, _("Reception time"), time };
    const char *how[] = {
      _("Channel"), reception != NULL ? liaison_channel_label (reception->channel) : NULL,
      _("Category"), reception != NULL ? reception->category_name : NULL,
    };

    /* A NULL value would widen the name before it: "" keeps the box. */
    for (guint i = 0; i < G_N_ELEMENTS (how); i++)
      {
        if (how[i] == NULL)
          how[i] = "";
        if (when[i] == NULL)
          when[i] = "";
      }
    liaison_pdf_add_tall_row (pdf, when, LIAISON_PDF_ROW_FIELDS, ROW_HEIGHT);
    liaison_pdf_add_tall_row (pdf, how, LIAISON_PDF_ROW_FIELDS, ROW_HEIGHT);
    add_field_row (pdf, _("Deputies present"), reception != NULL ? reception->deputy_names : NULL, ROW_HEIGHT);
  }
  liaison_pdf_end_table (pdf);

  add_visitors (pdf, reception, view);

  liaison_pdf_add_heading (pdf, 2, _("What Was Raised and How It Was Handled"));
  liaison_pdf_begin_table (pdf, grid, G_N_ELEMENTS (grid), FALSE);
  if (reception != NULL)
    suggestions = suggestions_text (reception);
  /* On paper, more room to write by hand. */
  add_field_row (pdf, _("What was raised"), reception != NULL ? reception->summary : NULL,
                 reception != NULL ? 110 : 120);
  add_field_row (pdf, _("Suggestions"), suggestions, reception != NULL ? 70 : 75);
  add_field_row (pdf, _("Handled on the spot"),
                 reception != NULL ? (reception->handled_on_spot ? _("Yes") : _("No")) : _("□ Yes    □ No"),
                 ROW_HEIGHT);
  add_field_row (pdf, _("How it was handled"), reception != NULL ? reception->handling : NULL,
                 reception != NULL ? 90 : 100);
  liaison_pdf_end_table (pdf);

  liaison_pdf_add_signature_lines (pdf, signatures, G_N_ELEMENTS (signatures));
  return g_steal_pointer (&pdf);
}

LiaisonPdf *
liaison_print_form_new (const LiaisonReception *reception,
                        LiaisonPrivacyView      view)
{
  g_return_val_if_fail (reception != NULL, NULL);
  return form_new (reception, reception->station_name, view);
}

LiaisonPdf *
liaison_print_blank_form_new (const char *station_name)
{
  return form_new (NULL, station_name, LIAISON_PRIVACY_MASKED);
}

LiaisonPdf *
liaison_print_form_for_uuid (LiaisonStore  *store,
                             const char    *uuid,
                             const char    *contacts_reason,
                             GError       **error)
{
  gint64 id = liaison_store_find_reception_by_uuid (store, uuid);
  g_autoptr(LiaisonReception) reception = NULL;

  if (contacts_reason != NULL && !liaison_privacy_check_reason (contacts_reason, error))
    return NULL;
  if (id == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _("There is no reception %s in this database."), uuid);
      return NULL;
    }
  reception = liaison_store_get_reception (store, id, error);
  if (reception == NULL)
    return NULL;
  return liaison_print_form_with_contacts (store, reception, contacts_reason, error);
}

LiaisonPdf *
liaison_print_form_with_contacts (LiaisonStore            *store,
                                  const LiaisonReception  *reception,
                                  const char              *contacts_reason,
                                  GError                 **error)
{
  guint n_contacts = 0;

  if (contacts_reason == NULL)
    return liaison_print_form_new (reception, LIAISON_PRIVACY_MASKED);
  for (guint i = 0; i < reception->visitors->len; i++)
    {
      const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);

      if (visitor->phone != NULL && *visitor->phone != '\0' &&
          liaison_privacy_may_show_phone (LIAISON_PRIVACY_WITH_CONTACTS, visitor->consent, FALSE))
        n_contacts++;
    }
  if (!liaison_contacts_log (store, TRUE, reception->meta.uuid, n_contacts, contacts_reason, error))
    return NULL;
  return liaison_print_form_new (reception, LIAISON_PRIVACY_WITH_CONTACTS);
}

LiaisonPdf *
liaison_print_blank_form_for (LiaisonStore *store)
{
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (store);

  return liaison_print_blank_form_new (station != NULL ? station->name : NULL);
}

static gboolean
write_pdf (const char  *temporary,
           gpointer     pdf,
           GError     **error)
{
  return liaison_pdf_write (pdf, temporary, error);
}

gboolean
liaison_print_write_pdf (LiaisonPdf  *pdf,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (pdf != NULL && path != NULL, FALSE);
  return liaison_write_whole_file (path, write_pdf, pdf, error);
}
