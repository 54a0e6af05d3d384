/* liaison-validate.c: field rules shared by the form, the store and import. */
#define G_LOG_DOMAIN "liaison-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-retention.h"
#include "liaison-validate.h"

G_DEFINE_QUARK (liaison-validation-error-quark, liaison_validation_error)

void
liaison_field_error_free (LiaisonFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->field);
  g_free (error->message);
  g_free (error);
}

GPtrArray *
liaison_field_errors_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_field_error_free);
}

void
liaison_field_errors_add (GPtrArray  *errors,
                          const char *field,
                          const char *format,
                          ...)
{
  LiaisonFieldError *error = g_new0 (LiaisonFieldError, 1);
  va_list args;

  va_start (args, format);
  error->field = g_strdup (field);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, error);
}

gboolean
liaison_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
liaison_utf8_head (const char *text,
                   gsize       n_chars)
{
  const char *end = text;

  g_return_val_if_fail (text != NULL, NULL);

  /* Over continuation bytes to the next character, never over the NUL. */
  for (; n_chars > 0 && *end != '\0'; n_chars--)
    end = g_utf8_find_next_char (end, NULL);
  return g_strndup (text, (gsize) (end - text));
}

static void
check_length (GPtrArray  *errors,
              const char *field,
              const char *text,
              glong       max_chars)
{
  glong length;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      liaison_field_errors_add (errors, field, _("The text is not valid UTF-8."));
      return;
    }
  length = g_utf8_strlen (text, -1);
  if (length > max_chars)
    liaison_field_errors_add (errors, field,
                              ngettext ("At most %ld character is allowed; this has %ld.",
                                        "At most %ld characters are allowed; this has %ld.",
                                        max_chars),
                              max_chars, length);
}

static void
check_required (GPtrArray  *errors,
                const char *field,
                const char *text,
                const char *message)
{
  if (liaison_text_is_blank (text))
    liaison_field_errors_add (errors, field, "%s", message);
}

gboolean
liaison_phone_is_valid (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  int separators = 0;

  if (phone == NULL)
    return FALSE;

  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '-' || *p == ' ')
        {
          /* Only one separator, and only after an area code. */
          if (++separators > 1 || digits->len < 3 || digits->len > 4 || digits->str[0] != '0')
            return FALSE;
        }
      else
        return FALSE;
    }

  if (digits->len == 11 && digits->str[0] == '1' && separators == 0)
    return digits->str[1] >= '3' && digits->str[1] <= '9';

  /* Landline: a 3- or 4-digit area code starting with 0, then 7 or 8 digits. */
  if (digits->str[0] == '0' && digits->len >= 10 && digits->len <= 12)
    return digits->str[1] != '0';

  return FALSE;
}

GDateTime *
liaison_parse_local_datetime (const char *text)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);
  int year, month, day, hour, minute;

  if (normalized == NULL ||
      sscanf (normalized, "%4d-%2d-%2d %2d:%2d", &year, &month, &day, &hour, &minute) != 5)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

char *
liaison_normalize_datetime (const char *text)
{
  g_autofree char *copy = NULL;
  int numbers[6] = { 0 };
  int n_numbers = 0;
  int hour = 0, minute = 0;
  const char *p;

  if (text == NULL)
    return NULL;

  /* Split on anything that is not a digit: 2024年3月5日 9:30, 2024/3/5,
   * 2024-03-05, and Excel's 2024/3/5 9:30:00. */
  copy = g_strstrip (g_strdup (text));
  p = copy;
  while (*p)
    {
      if (g_ascii_isdigit (*p))
        {
          int value = 0;
          int digits = 0;

          while (g_ascii_isdigit (*p))
            {
              /* Before the digit, not after: a long run would overflow. */
              if (++digits > 4)
                return NULL;
              value = value * 10 + (*p - '0');
              p++;
            }
          if (n_numbers == (int) G_N_ELEMENTS (numbers))
            return NULL;
          numbers[n_numbers++] = value;
        }
      else
        p = g_utf8_next_char (p);
    }

  if (n_numbers != 3 && n_numbers != 5 && n_numbers != 6)
    return NULL;
  if (n_numbers >= 5)
    {
      hour = numbers[3];
      minute = numbers[4];
    }
  /* Seconds are checked, then dropped: a reception is logged to the minute. */
  if (numbers[0] < 1900 || !g_date_valid_dmy (numbers[2], numbers[1], numbers[0]) ||
      hour > 23 || minute > 59 || numbers[5] > 59)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", numbers[0], numbers[1], numbers[2], hour, minute);
}

GPtrArray *
liaison_suggestion_check (const LiaisonSuggestion *suggestion,
                          const char              *field_prefix)
{
  GPtrArray *errors = liaison_field_errors_new ();
  g_autofree char *title = g_strconcat (field_prefix ? field_prefix : "", "title", NULL);
  g_autofree char *content = g_strconcat (field_prefix ? field_prefix : "", "content", NULL);
  g_autofree char *raised_by = g_strconcat (field_prefix ? field_prefix : "", "raised_by", NULL);
  g_autofree char *category = g_strconcat (field_prefix ? field_prefix : "", "category", NULL);

  check_required (errors, title, suggestion->title, _("Give the suggestion a title."));
  check_length (errors, title, suggestion->title, LIAISON_MAX_TITLE_CHARS);
  check_required (errors, content, suggestion->content, _("Write what the suggestion says."));
  check_length (errors, content, suggestion->content, LIAISON_MAX_CONTENT_CHARS);
  check_length (errors, raised_by, suggestion->raised_by, LIAISON_MAX_NAME_CHARS);
  if (suggestion->category_id <= 0)
    liaison_field_errors_add (errors, category, _("Choose a category."));

  if ((guint) suggestion->kind >= LIAISON_N_LOOP_KINDS)
    {
      g_autofree char *kind = g_strconcat (field_prefix ? field_prefix : "", "kind", NULL);

      liaison_field_errors_add (errors, kind, _("Choose whether this is a citizen’s item or a deputy’s suggestion."));
    }
  else if (suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    {
      g_autofree char *deputy = g_strconcat (field_prefix ? field_prefix : "", "deputy", NULL);
      g_autofree char *co_signers = g_strconcat (field_prefix ? field_prefix : "", "co_signers", NULL);
      guint n = suggestion->co_signer_ids != NULL ? suggestion->co_signer_ids->len : 0;

      if (suggestion->deputy_id <= 0)
        liaison_field_errors_add (errors, deputy, _("Choose the deputy who files the suggestion."));
      for (guint i = 0; i < n; i++)
        {
          gint64 id = g_array_index (suggestion->co_signer_ids, gint64, i);
          gboolean repeated = FALSE;

          for (guint j = 0; j < i; j++)
            repeated |= g_array_index (suggestion->co_signer_ids, gint64, j) == id;
          if (id <= 0)
            liaison_field_errors_add (errors, co_signers, _("Choose each co-signing deputy from the list."));
          else if (id == suggestion->deputy_id)
            liaison_field_errors_add (errors, co_signers,
                                      _("The deputy who files the suggestion cannot also co-sign it."));
          else if (repeated)
            liaison_field_errors_add (errors, co_signers, _("A deputy can co-sign a suggestion only once."));
          else
            continue;
          break;
        }
    }
  else if (suggestion->co_signer_ids != NULL && suggestion->co_signer_ids->len > 0)
    {
      g_autofree char *co_signers = g_strconcat (field_prefix ? field_prefix : "", "co_signers", NULL);

      liaison_field_errors_add (errors, co_signers, _("Only a deputy’s suggestion has co-signers."));
    }
  if (suggestion->motion && suggestion->kind != LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    {
      g_autofree char *motion = g_strconcat (field_prefix ? field_prefix : "", "motion", NULL);

      liaison_field_errors_add (errors, motion, _("Only a deputy’s suggestion can be a motion."));
    }
  return errors;
}

GPtrArray *
liaison_reception_check (const LiaisonReception *reception,
                         GDateTime              *now)
{
  GPtrArray *errors = liaison_field_errors_new ();
  g_autoptr(GDateTime) received = NULL;

  if (liaison_text_is_blank (reception->received_at))
    liaison_field_errors_add (errors, "received_at", _("Enter the date of the visit."));
  else if ((received = liaison_parse_local_datetime (reception->received_at)) == NULL)
    liaison_field_errors_add (errors, "received_at",
                              _("“%s” is not a date; write it as 2024-03-05 09:30."),
                              reception->received_at);
  else if (now != NULL && g_date_time_compare (received, now) > 0)
    liaison_field_errors_add (errors, "received_at", _("The date of the visit cannot be in the future."));

  if ((guint) reception->channel >= LIAISON_N_CHANNELS)
    liaison_field_errors_add (errors, "channel", _("Choose how the citizen came."));

  if (reception->station_id <= 0)
    liaison_field_errors_add (errors, "station", _("This station has not been set up yet."));

  /* A matter sent online (docs/online.md) met no deputy on duty. */
  if (reception->channel != LIAISON_CHANNEL_ONLINE &&
      (reception->deputy_ids == NULL || reception->deputy_ids->len == 0))
    liaison_field_errors_add (errors, "deputies", _("Add at least one deputy who was on duty."));

  if (reception->category_id <= 0)
    liaison_field_errors_add (errors, "category", _("Choose a category."));

  check_required (errors, "summary", reception->summary, _("Write down what was raised."));
  check_length (errors, "summary", reception->summary, LIAISON_MAX_SUMMARY_CHARS);

  if (reception->handled_on_spot)
    check_required (errors, "handling", reception->handling,
                    _("Say how it was handled on the spot."));
  check_length (errors, "handling", reception->handling, LIAISON_MAX_HANDLING_CHARS);
  check_length (errors, "place", reception->place, LIAISON_MAX_PLACE_CHARS);
  check_length (errors, "occasion", reception->occasion, LIAISON_MAX_OCCASION_CHARS);

  if (reception->visitors == NULL || reception->visitors->len == 0)
    liaison_field_errors_add (errors, "visitors", _("Add at least one visitor."));
  else
    for (guint i = 0; i < reception->visitors->len; i++)
      {
        const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);
        g_autofree char *name = g_strdup_printf ("visitor.%u.name", i);
        g_autofree char *phone = g_strdup_printf ("visitor.%u.phone", i);
        g_autofree char *community = g_strdup_printf ("visitor.%u.community", i);
        g_autofree char *party = g_strdup_printf ("visitor.%u.party_size", i);

        check_length (errors, name, visitor->name, LIAISON_MAX_NAME_CHARS);
        if (!liaison_text_is_blank (visitor->phone) && !liaison_phone_is_valid (visitor->phone))
          liaison_field_errors_add (errors, phone,
                                    _("“%s” is not a phone number: use an 11-digit mobile number or a landline with its area code, such as 0561-3012345."),
                                    visitor->phone);
        if (visitor->consent && liaison_text_is_blank (visitor->phone))
          liaison_field_errors_add (errors, phone, _("A visitor who may be contacted needs a phone number."));
        /* A visitor the retention period purged has none any more, and a
         * citizen writing online may leave it out. */
        if (g_strcmp0 (visitor->name, LIAISON_PURGED_MARKER) != 0 && reception->channel != LIAISON_CHANNEL_ONLINE)
          check_required (errors, community, visitor->community,
                          _("Enter the visitor’s community or village."));
        check_length (errors, community, visitor->community, LIAISON_MAX_COMMUNITY_CHARS);
        if (visitor->party_size < 1 || visitor->party_size > LIAISON_MAX_PARTY_SIZE)
          liaison_field_errors_add (errors, party,
                                    _("The party size must be between 1 and %d."), LIAISON_MAX_PARTY_SIZE);
      }

  if (reception->suggestions != NULL)
    for (guint i = 0; i < reception->suggestions->len; i++)
      {
        g_autofree char *prefix = g_strdup_printf ("suggestion.%u.", i);
        g_autoptr(GPtrArray) more = liaison_suggestion_check (g_ptr_array_index (reception->suggestions, i), prefix);

        g_ptr_array_extend_and_steal (errors, g_steal_pointer (&more));
      }

  return errors;
}

GPtrArray *
liaison_deputy_check (const LiaisonDeputy *deputy)
{
  GPtrArray *errors = liaison_field_errors_new ();

  check_required (errors, "name", deputy->name, _("Enter the deputy’s name."));
  check_length (errors, "name", deputy->name, LIAISON_MAX_NAME_CHARS);
  if ((guint) deputy->level >= LIAISON_N_DEPUTY_LEVELS)
    liaison_field_errors_add (errors, "level", _("Choose the deputy’s level."));
  check_length (errors, "specialty", deputy->specialty, LIAISON_MAX_COMMUNITY_CHARS);
  if (!liaison_text_is_blank (deputy->phone) && !liaison_phone_is_valid (deputy->phone))
    liaison_field_errors_add (errors, "phone",
                              _("“%s” is not a phone number: use an 11-digit mobile number or a landline with its area code, such as 0561-3012345."),
                              deputy->phone);
  return errors;
}

gboolean
liaison_field_errors_to_error (GPtrArray  *field_errors,
                               GError    **error)
{
  const LiaisonFieldError *first;

  if (field_errors == NULL || field_errors->len == 0)
    return TRUE;

  first = g_ptr_array_index (field_errors, 0);
  g_set_error_literal (error, LIAISON_VALIDATION_ERROR, LIAISON_VALIDATION_ERROR_INVALID,
                       first->message);
  return FALSE;
}
