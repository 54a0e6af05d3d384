/* liaison-privacy.c: the masking rules of liaison-privacy.h. */
#define G_LOG_DOMAIN "liaison-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-privacy.h"
#include "liaison-validate.h"

#define MIDDLE "****"

/* The length of a landline's area code in @digits (from '0'): 010 and
 * 020-029 are three digits, every other one four. */
static gsize
area_code_length (const char *digits)
{
  return digits[1] == '1' || digits[1] == '2' ? 3 : 4;
}

char *
liaison_privacy_mask_phone (const char *phone)
{
  g_autoptr(GString) digits = NULL;
  gssize dash_at = -1;
  gsize n;

  if (phone == NULL || *phone == '\0')
    return g_strdup ("");

  digits = g_string_new (NULL);
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if ((*p == '-' || *p == ' ') && dash_at < 0 && digits->len > 0)
        dash_at = (gssize) digits->len;
    }
  n = digits->len;

  if (n < 7)
    return g_strdup (MIDDLE);

  /* A landline: its area code, then the last four digits. */
  if (digits->str[0] == '0')
    {
      gsize area = dash_at >= 3 && dash_at <= 4 ? (gsize) dash_at : area_code_length (digits->str);

      if (n >= area + 5)
        return g_strdup_printf ("%.*s-" MIDDLE "%s", (int) area, digits->str, digits->str + n - 4);
    }

  /* A mobile, or any other long number: its first three and last four. */
  return g_strdup_printf ("%.3s" MIDDLE "%s", digits->str, digits->str + n - 4);
}

gboolean
liaison_privacy_may_show_phone (LiaisonPrivacyView view,
                                gboolean           consent,
                                gboolean           at_receiving_station)
{
  switch (view)
    {
    case LIAISON_PRIVACY_RECEPTION:
      return consent && at_receiving_station;
    case LIAISON_PRIVACY_TELL_CITIZEN:
    case LIAISON_PRIVACY_WITH_CONTACTS:
      return consent;
    case LIAISON_PRIVACY_MASKED:
    default:
      return FALSE;
    }
}

char *
liaison_privacy_phone (const char         *phone,
                       LiaisonPrivacyView  view,
                       gboolean            consent,
                       gboolean            at_receiving_station)
{
  if (phone == NULL || *phone == '\0')
    return g_strdup ("");
  if (liaison_privacy_may_show_phone (view, consent, at_receiving_station))
    return g_strdup (phone);
  return liaison_privacy_mask_phone (phone);
}

char *
liaison_privacy_visitor_phone (const LiaisonVisitor *visitor,
                               LiaisonPrivacyView    view,
                               gboolean              at_receiving_station)
{
  g_return_val_if_fail (visitor != NULL, g_strdup (""));

  return liaison_privacy_phone (visitor->phone, view, visitor->consent, at_receiving_station);
}

char *
liaison_privacy_contact (const char         *contact,
                         LiaisonPrivacyView  view)
{
  const char *space;
  const char *phone;
  g_autofree char *shown = NULL;
  g_autofree char *name = NULL;

  if (contact == NULL || *contact == '\0')
    return g_strdup ("");
  space = strrchr (contact, ' ');
  phone = space != NULL ? space + 1 : contact;
  if (strpbrk (phone, "0123456789") == NULL)
    return g_strdup (contact);
  shown = liaison_privacy_phone (phone, view, TRUE, FALSE);
  name = g_strndup (contact, phone - contact);
  return g_strconcat (name, shown, NULL);
}

gboolean
liaison_privacy_is_masked (const char *text)
{
  return text != NULL && strchr (text, '*') != NULL;
}

gboolean
liaison_privacy_check_reason (const char  *reason,
                              GError     **error)
{
  /* A reason of full-width spaces (U+3000, typed with a Chinese input
   * method) is as blank as one of ASCII spaces. */
  if (!liaison_text_is_blank (reason))
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Full contacts are shown only for a reason: say why with --reason TEXT "
                         "(it is written to the access log). Nothing was written."));
  return FALSE;
}
