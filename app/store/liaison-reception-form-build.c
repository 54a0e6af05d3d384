/* liaison-reception-form-build.c: the reception form parsed and checked
 * into a record, its field errors in the form's order, and saved. */
#define G_LOG_DOMAIN "liaison-reception-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-reception-form-private.h"

/* A trimmed copy, or NULL when there is nothing but spaces. */
static char *
strip_or_null (const char *text)
{
  if (liaison_text_is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

/* Parsing and checking */

static gboolean
has_error (GPtrArray  *errors,
           const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const LiaisonFieldError *error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (error->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "YYYY-MM-DD", or NULL after adding an error to "date". */
static char *
parse_date (const char *text,
            GPtrArray  *errors)
{
  g_autofree char *normalized = NULL;
  g_autofree char *stripped = NULL;

  if (liaison_text_is_blank (text))
    {
      liaison_field_errors_add (errors, "date", _("Enter the date of the visit."));
      return NULL;
    }
  normalized = liaison_normalize_datetime (text);
  if (normalized == NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      liaison_field_errors_add (errors, "date", _("“%s” is not a date; write it as 2024-03-05."), stripped);
      return NULL;
    }
  return g_strndup (normalized, 10);
}

/* "HH:MM", or NULL after adding an error to "time". Accepts 9:30, 09：30,
 * 9点30 and 0930. */
static char *
parse_time (const char *text,
            GPtrArray  *errors)
{
  g_autofree char *stripped = NULL;
  int numbers[2] = { 0, 0 };
  int digits[2] = { 0, 0 };
  int n_numbers = 0;
  int hour, minute;

  if (liaison_text_is_blank (text))
    {
      liaison_field_errors_add (errors, "time", _("Enter the time of the visit."));
      return NULL;
    }
  stripped = g_strstrip (g_strdup (text));

  for (const char *p = stripped; *p; )
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          if (n_numbers == 2)
            goto bad;
          while (g_ascii_isdigit (*p))
            {
              if (digits[n_numbers] == 4)
                goto bad;
              numbers[n_numbers] = numbers[n_numbers] * 10 + (*p - '0');
              digits[n_numbers]++;
              p++;
            }
          n_numbers++;
          continue;
        }
      if (c != ':' && c != 0xFF1A /* ： */ && c != '.' && c != ' ' &&
          c != 0x70B9 /* 点 */ && c != 0x65F6 /* 时 */ && c != 0x5206 /* 分 */)
        goto bad;
      p = g_utf8_next_char (p);
    }

  if (n_numbers == 2 && digits[0] <= 2 && digits[1] <= 2)
    {
      hour = numbers[0];
      minute = numbers[1];
    }
  else if (n_numbers == 1 && digits[0] <= 2)
    {
      hour = numbers[0];
      minute = 0;
    }
  else if (n_numbers == 1 && digits[0] >= 3)
    {
      hour = numbers[0] / 100;
      minute = numbers[0] % 100;
    }
  else
    goto bad;

  if (hour > 23 || minute > 59)
    goto bad;
  return g_strdup_printf ("%02d:%02d", hour, minute);

bad:
  liaison_field_errors_add (errors, "time", _("“%s” is not a time; write it as 09:30."), stripped);
  return NULL;
}

/* A whole number of people; FALSE for anything else. Out-of-range numbers
 * parse, so that the store's rule reports them. */
static gboolean
parse_party_size (const char *text,
                  int        *party_size)
{
  g_autofree char *stripped = NULL;
  guint64 value;

  if (liaison_text_is_blank (text))
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  for (const char *p = stripped; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT64, &value, NULL))
    value = G_MAXUINT64;
  *party_size = (int) MIN (value, (guint64) LIAISON_MAX_PARTY_SIZE + 1);
  return TRUE;
}

/* Where a field sits in the form, so that errors come top to bottom. */
static gint64
field_rank (const char *field)
{
  static const char * const top[] = {
    "date", "time", "received_at", "channel", "place", "occasion", "category", "station", "deputies", "visitors",
  };
  static const char * const visitor_parts[] = { "name", "phone", "community", "party_size" };
  static const char * const suggestion_parts[] = { "title", "content", "category", "raised_by" };
  const char * const *parts = NULL;
  guint n_parts = 0;
  gint64 base;
  const char *rest;
  char *end;
  guint64 index;

  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    if (g_strcmp0 (field, top[i]) == 0)
      return i;
  if (g_strcmp0 (field, "summary") == 0)
    return 20000000;
  if (g_strcmp0 (field, "handling") == 0)
    return 20000001;

  if (g_str_has_prefix (field, "visitor."))
    {
      base = 100;
      rest = field + strlen ("visitor.");
      parts = visitor_parts;
      n_parts = G_N_ELEMENTS (visitor_parts);
    }
  else if (g_str_has_prefix (field, "suggestion."))
    {
      base = 30000000;
      rest = field + strlen ("suggestion.");
      parts = suggestion_parts;
      n_parts = G_N_ELEMENTS (suggestion_parts);
    }
  else
    return G_MAXINT64;

  index = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != '.' || index > 1000000)
    return G_MAXINT64;
  for (guint i = 0; i < n_parts; i++)
    if (strcmp (end + 1, parts[i]) == 0)
      return base + (gint64) index * 10 + i;
  return base + (gint64) index * 10 + 9;
}

/* Stable, so that two errors of one field keep their order. */
static void
sort_errors (GPtrArray *errors)
{
  for (guint i = 1; i < errors->len; i++)
    {
      gpointer error = errors->pdata[i];
      gint64 rank = field_rank (((LiaisonFieldError *) error)->field);
      guint j = i;

      while (j > 0 && field_rank (((LiaisonFieldError *) errors->pdata[j - 1])->field) > rank)
        {
          errors->pdata[j] = errors->pdata[j - 1];
          j--;
        }
      errors->pdata[j] = error;
    }
}

/**
 * liaison_reception_form_build:
 * @self: a form
 * @now: (nullable): the present, for the rule against future dates
 * @field_errors: (out): the problems found, when the form does not pass
 *
 * Returns: (transfer full) (nullable): the reception, or %NULL
 */
LiaisonReception *
liaison_reception_form_build (LiaisonReceptionForm  *self,
                              GDateTime             *now,
                              GPtrArray            **field_errors)
{
  g_autoptr(GPtrArray) errors = liaison_field_errors_new ();
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *first_name = NULL;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);

  if (now == NULL)
    now = current = g_date_time_new_now_local ();

  reception = liaison_reception_new ();
  liaison_form_meta_copy (&reception->meta, &self->meta);
  reception->station_id = self->station_id;

  date = parse_date (self->date, errors);
  time = parse_time (self->time, errors);
  if (date != NULL && time != NULL)
    reception->received_at = g_strdup_printf ("%s %s", date, time);

  reception->channel = self->channel;
  reception->category_id = self->category_id;
  g_array_append_vals (reception->deputy_ids, self->deputy_ids->data, self->deputy_ids->len);

  for (guint i = 0; i < self->visitors->len; i++)
    {
      const FormVisitor *form_visitor = g_ptr_array_index (self->visitors, i);
      LiaisonVisitor *visitor = liaison_visitor_new ();

      visitor->name = strip_or_null (form_visitor->name);
      visitor->phone = strip_or_null (form_visitor->phone);
      visitor->community = strip_or_null (form_visitor->community);
      visitor->consent = form_visitor->consent;
      if (!parse_party_size (form_visitor->party_size, &visitor->party_size))
        {
          g_autofree char *field = g_strdup_printf ("visitor.%u.party_size", i);

          liaison_field_errors_add (errors, field, _("Write the number of people as a whole number, such as 3."));
          visitor->party_size = 1;  /* reported once, here */
        }
      g_ptr_array_add (reception->visitors, visitor);
      if (i == 0)
        first_name = visitor->name;
    }

  reception->summary = strip_or_null (self->summary);
  /* 办理情况 belongs to every reception, not only to one handled on the
   * spot: a ledger says "referred to the water company" just as often. */
  reception->handled_on_spot = self->handled_on_spot;
  reception->handling = strip_or_null (self->handling);
  reception->place = strip_or_null (self->place);
  reception->occasion = strip_or_null (self->occasion);

  for (guint i = 0; i < self->suggestions->len; i++)
    {
      const FormSuggestion *form_suggestion = g_ptr_array_index (self->suggestions, i);
      LiaisonSuggestion *suggestion = form_suggestion->saved
        ? liaison_form_suggestion_copy (form_suggestion->saved)
        : liaison_suggestion_new ();

      g_free (suggestion->title);
      suggestion->title = strip_or_null (form_suggestion->title);
      g_free (suggestion->content);
      suggestion->content = strip_or_null (form_suggestion->content);
      suggestion->category_id = form_suggestion->category_id;
      g_free (suggestion->raised_by);
      suggestion->raised_by = liaison_text_is_blank (form_suggestion->raised_by)
        ? g_strdup (first_name)
        : strip_or_null (form_suggestion->raised_by);
      g_ptr_array_add (reception->suggestions, suggestion);
    }

  /* Always a list, maybe empty: the files saved are the form's. */
  reception->files = liaison_reception_files_copy (self->files);

  checked = liaison_reception_check (reception, now);
  for (guint i = 0; i < checked->len; i++)
    {
      LiaisonFieldError *error = g_ptr_array_index (checked, i);

      /* The store fills in this station when it saves. */
      if (reception->station_id == 0 && g_strcmp0 (error->field, "station") == 0)
        continue;
      /* A date or time that did not parse was already reported. */
      if (g_strcmp0 (error->field, "received_at") == 0 &&
          (has_error (errors, "date") || has_error (errors, "time")))
        continue;
      g_ptr_array_add (errors, g_steal_pointer (&checked->pdata[i]));
    }

  if (errors->len > 0)
    {
      sort_errors (errors);
      if (field_errors != NULL)
        *field_errors = g_steal_pointer (&errors);
      return NULL;
    }

  if (field_errors != NULL)
    *field_errors = NULL;
  return g_steal_pointer (&reception);
}

/**
 * liaison_reception_form_save:
 * @self: a form
 * @store: where to save
 * @error: where to put what went wrong
 *
 * Returns: %TRUE when the reception was saved
 */
gboolean
liaison_reception_form_save (LiaisonReceptionForm  *self,
                             LiaisonStore          *store,
                             GError               **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(LiaisonReception) reception = NULL;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), FALSE);
  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  g_ptr_array_set_size (self->field_errors, 0);
  /* Saving what was loaded, untouched, writes nothing: the record keeps its
   * version, so it is neither sent to headquarters again nor able to
   * overwrite someone else's newer edit there. */
  if (self->meta.id != 0 && !liaison_reception_form_is_dirty (self))
    return TRUE;
  reception = liaison_reception_form_build (self, NULL, &errors);
  if (reception == NULL)
    {
      liaison_field_errors_to_error (errors, error);
      g_ptr_array_extend_and_steal (self->field_errors, g_steal_pointer (&errors));
      return FALSE;
    }

  if (!liaison_store_save_reception (store, reception, error))
    return FALSE;

  /* The saved record has its id, and ids for new suggestions: saving again
   * updates them instead of adding copies. Phones hidden before stay hidden. */
  liaison_reception_form_load (self, reception);
  liaison_reception_form_hide_phones (self, liaison_store_received_here (store, reception));
  return TRUE;
}

GPtrArray *
liaison_reception_form_get_field_errors (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->field_errors;
}
