/* liaison-reception-form.c: the reception editor's logic, without widgets. */
#define G_LOG_DOMAIN "liaison-reception-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-reception-form.h"

typedef struct {
  char     *name;
  char     *phone;
  char     *community;
  char     *party_size;
  gboolean  consent;
} FormVisitor;

typedef struct {
  LiaisonSuggestion *saved;      /* the stored record, for its meta; NULL if new */
  char              *title;
  char              *content;
  char              *raised_by;  /* NULL: the first visitor's name */
  gint64             category_id;
} FormSuggestion;

struct _LiaisonReceptionForm
{
  GObject            parent_instance;

  /* the record being edited: id 0 until it is first saved */
  LiaisonRecordMeta  meta;
  gint64             station_id;

  /* what the clerk typed */
  char              *date;
  char              *time;
  LiaisonChannel     channel;
  gint64             category_id;
  GArray            *deputy_ids;
  GPtrArray         *visitors;     /* FormVisitor * */
  char              *summary;
  gboolean           handled_on_spot;
  char              *handling;
  GPtrArray         *suggestions;  /* FormSuggestion * */

  /* the form as loaded or last saved, to tell whether it changed */
  char              *clean_snapshot;
  GPtrArray         *field_errors;  /* LiaisonFieldError *, of the last save */
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionForm, liaison_reception_form, G_TYPE_OBJECT)

static void
form_visitor_free (FormVisitor *visitor)
{
  g_free (visitor->name);
  g_free (visitor->phone);
  g_free (visitor->community);
  g_free (visitor->party_size);
  g_free (visitor);
}

static FormVisitor *
form_visitor_new (void)
{
  FormVisitor *visitor = g_new0 (FormVisitor, 1);

  visitor->name = g_strdup ("");
  visitor->phone = g_strdup ("");
  visitor->community = g_strdup ("");
  visitor->party_size = g_strdup ("1");
  return visitor;
}

static void
form_suggestion_free (FormSuggestion *suggestion)
{
  g_clear_pointer (&suggestion->saved, liaison_suggestion_free);
  g_free (suggestion->title);
  g_free (suggestion->content);
  g_free (suggestion->raised_by);
  g_free (suggestion);
}

static void
meta_copy (LiaisonRecordMeta       *dest,
           const LiaisonRecordMeta *src)
{
  dest->id = src->id;
  dest->uuid = g_strdup (src->uuid);
  dest->version = src->version;
  dest->updated_at = g_strdup (src->updated_at);
  dest->origin_station_uuid = g_strdup (src->origin_station_uuid);
  dest->deleted = src->deleted;
  dest->sync_state = src->sync_state;
  dest->sync_error = g_strdup (src->sync_error);
}

static void
meta_clear (LiaisonRecordMeta *meta)
{
  g_free (meta->uuid);
  g_free (meta->updated_at);
  g_free (meta->origin_station_uuid);
  g_free (meta->sync_error);
  memset (meta, 0, sizeof *meta);
  meta->sync_state = LIAISON_SYNC_STATE_PENDING;
}

static LiaisonSuggestion *
suggestion_copy (const LiaisonSuggestion *suggestion)
{
  LiaisonSuggestion *copy = liaison_suggestion_new ();

  meta_copy (&copy->meta, &suggestion->meta);
  copy->reception_id = suggestion->reception_id;
  copy->station_id = suggestion->station_id;
  copy->category_id = suggestion->category_id;
  copy->title = g_strdup (suggestion->title);
  copy->content = g_strdup (suggestion->content);
  copy->raised_by = g_strdup (suggestion->raised_by);
  copy->status = suggestion->status;
  copy->created_at = g_strdup (suggestion->created_at);
  copy->category_name = g_strdup (suggestion->category_name);
  copy->reception_received_at = g_strdup (suggestion->reception_received_at);
  return copy;
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* A trimmed copy, or NULL when there is nothing but spaces. */
static char *
strip_or_null (const char *text)
{
  if (is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

static void
append_field (GString    *snapshot,
              const char *text)
{
  g_string_append (snapshot, text != NULL ? text : "");
  g_string_append_c (snapshot, '\x1f');
}

/* Everything the clerk can change, as one string: two forms hold the same
 * input exactly when their snapshots are equal. */
static char *
take_snapshot (LiaisonReceptionForm *self)
{
  GString *snapshot = g_string_new (NULL);

  append_field (snapshot, self->date);
  append_field (snapshot, self->time);
  g_string_append_printf (snapshot, "%d\x1f%" G_GINT64_FORMAT "\x1f", self->channel, self->category_id);
  for (guint i = 0; i < self->deputy_ids->len; i++)
    g_string_append_printf (snapshot, "%" G_GINT64_FORMAT ",", g_array_index (self->deputy_ids, gint64, i));
  g_string_append_c (snapshot, '\x1e');
  for (guint i = 0; i < self->visitors->len; i++)
    {
      const FormVisitor *visitor = g_ptr_array_index (self->visitors, i);

      append_field (snapshot, visitor->name);
      append_field (snapshot, visitor->phone);
      append_field (snapshot, visitor->community);
      append_field (snapshot, visitor->party_size);
      g_string_append_printf (snapshot, "%d\x1e", visitor->consent ? 1 : 0);
    }
  append_field (snapshot, self->summary);
  g_string_append_printf (snapshot, "%d\x1f", self->handled_on_spot ? 1 : 0);
  append_field (snapshot, self->handling);
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      const FormSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);

      g_string_append_printf (snapshot, "%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f",
                              suggestion->saved ? suggestion->saved->meta.id : 0,
                              suggestion->category_id);
      append_field (snapshot, suggestion->title);
      append_field (snapshot, suggestion->content);
      append_field (snapshot, suggestion->raised_by);
      g_string_append_c (snapshot, '\x1e');
    }
  return g_string_free (snapshot, FALSE);
}

static void
mark_clean (LiaisonReceptionForm *self)
{
  g_free (self->clean_snapshot);
  self->clean_snapshot = take_snapshot (self);
}

static void
reset_fields (LiaisonReceptionForm *self)
{
  meta_clear (&self->meta);
  self->station_id = 0;
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->time, g_free);
  self->channel = LIAISON_CHANNEL_WALK_IN;
  self->category_id = 0;
  g_array_set_size (self->deputy_ids, 0);
  g_ptr_array_set_size (self->visitors, 0);
  g_free (self->summary);
  self->summary = g_strdup ("");
  self->handled_on_spot = FALSE;
  g_free (self->handling);
  self->handling = g_strdup ("");
  g_ptr_array_set_size (self->suggestions, 0);
  g_ptr_array_set_size (self->field_errors, 0);
}

static void
liaison_reception_form_finalize (GObject *object)
{
  LiaisonReceptionForm *self = (LiaisonReceptionForm *) object;

  meta_clear (&self->meta);
  g_free (self->date);
  g_free (self->time);
  g_array_unref (self->deputy_ids);
  g_ptr_array_unref (self->visitors);
  g_free (self->summary);
  g_free (self->handling);
  g_ptr_array_unref (self->suggestions);
  g_free (self->clean_snapshot);
  g_ptr_array_unref (self->field_errors);

  G_OBJECT_CLASS (liaison_reception_form_parent_class)->finalize (object);
}

static void
liaison_reception_form_class_init (LiaisonReceptionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_reception_form_finalize;
}

static void
liaison_reception_form_init (LiaisonReceptionForm *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) form_visitor_free);
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) form_suggestion_free);
  self->field_errors = liaison_field_errors_new ();

  reset_fields (self);
  self->date = g_date_time_format (now, "%Y-%m-%d");
  self->time = g_date_time_format (now, "%H:%M");
  g_ptr_array_add (self->visitors, form_visitor_new ());
  mark_clean (self);
}

/**
 * liaison_reception_form_new:
 *
 * Returns: a form for a new reception, dated now, walk-in, with one empty
 * visitor.
 */
LiaisonReceptionForm *
liaison_reception_form_new (void)
{
  return g_object_new (LIAISON_TYPE_RECEPTION_FORM, NULL);
}

/**
 * liaison_reception_form_load:
 * @self: a form
 * @reception: the reception to edit, with its visitors, deputies and
 *   suggestions
 *
 * Replaces the form's contents with @reception.
 */
void
liaison_reception_form_load (LiaisonReceptionForm   *self,
                             const LiaisonReception *reception)
{
  g_autofree char *normalized = NULL;
  const char *first_name = NULL;

  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  g_return_if_fail (reception != NULL);

  reset_fields (self);
  meta_copy (&self->meta, &reception->meta);
  self->station_id = reception->station_id;

  normalized = liaison_normalize_datetime (reception->received_at);
  if (normalized != NULL)
    {
      self->date = g_strndup (normalized, 10);
      self->time = g_strdup (normalized + 11);
    }
  else
    {
      self->date = g_strdup (reception->received_at != NULL ? reception->received_at : "");
      self->time = g_strdup ("");
    }

  self->channel = reception->channel;
  self->category_id = reception->category_id;
  if (reception->deputy_ids != NULL)
    for (guint i = 0; i < reception->deputy_ids->len; i++)
      liaison_reception_form_add_deputy (self, g_array_index (reception->deputy_ids, gint64, i));

  if (reception->visitors != NULL)
    for (guint i = 0; i < reception->visitors->len; i++)
      {
        const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, i);
        FormVisitor *copy = form_visitor_new ();

        set_string (&copy->name, visitor->name);
        set_string (&copy->phone, visitor->phone);
        set_string (&copy->community, visitor->community);
        g_free (copy->party_size);
        copy->party_size = g_strdup_printf ("%d", visitor->party_size);
        copy->consent = visitor->consent;
        g_ptr_array_add (self->visitors, copy);
        if (i == 0)
          first_name = visitor->name;
      }
  if (self->visitors->len == 0)
    g_ptr_array_add (self->visitors, form_visitor_new ());

  set_string (&self->summary, reception->summary);
  self->handled_on_spot = reception->handled_on_spot;
  set_string (&self->handling, reception->handling);

  if (reception->suggestions != NULL)
    for (guint i = 0; i < reception->suggestions->len; i++)
      {
        const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
        FormSuggestion *copy = g_new0 (FormSuggestion, 1);

        copy->saved = suggestion_copy (suggestion);
        copy->title = g_strdup (suggestion->title != NULL ? suggestion->title : "");
        copy->content = g_strdup (suggestion->content != NULL ? suggestion->content : "");
        copy->category_id = suggestion->category_id;
        /* A name that came from the first visitor keeps following it. */
        if (!is_blank (suggestion->raised_by) && g_strcmp0 (suggestion->raised_by, first_name) != 0)
          copy->raised_by = g_strdup (suggestion->raised_by);
        g_ptr_array_add (self->suggestions, copy);
      }

  mark_clean (self);
}

gint64
liaison_reception_form_get_id (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);
  return self->meta.id;
}

gboolean
liaison_reception_form_is_dirty (LiaisonReceptionForm *self)
{
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), FALSE);

  snapshot = take_snapshot (self);
  return g_strcmp0 (snapshot, self->clean_snapshot) != 0;
}

const char *
liaison_reception_form_get_date (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->date;
}

void
liaison_reception_form_set_date (LiaisonReceptionForm *self,
                                 const char           *date)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  set_string (&self->date, date);
}

const char *
liaison_reception_form_get_time (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->time;
}

void
liaison_reception_form_set_time (LiaisonReceptionForm *self,
                                 const char           *time)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  set_string (&self->time, time);
}

LiaisonChannel
liaison_reception_form_get_channel (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), LIAISON_CHANNEL_WALK_IN);
  return self->channel;
}

void
liaison_reception_form_set_channel (LiaisonReceptionForm *self,
                                    LiaisonChannel        channel)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  self->channel = channel;
}

gint64
liaison_reception_form_get_category_id (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);
  return self->category_id;
}

void
liaison_reception_form_set_category_id (LiaisonReceptionForm *self,
                                        gint64                category_id)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  self->category_id = category_id;
}

const GArray *
liaison_reception_form_get_deputy_ids (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->deputy_ids;
}

void
liaison_reception_form_set_deputy_ids (LiaisonReceptionForm *self,
                                       const GArray         *deputy_ids)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));

  g_array_set_size (self->deputy_ids, 0);
  if (deputy_ids != NULL)
    for (guint i = 0; i < deputy_ids->len; i++)
      liaison_reception_form_add_deputy (self, g_array_index (deputy_ids, gint64, i));
}

void
liaison_reception_form_add_deputy (LiaisonReceptionForm *self,
                                   gint64                deputy_id)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));

  if (deputy_id <= 0)
    return;
  for (guint i = 0; i < self->deputy_ids->len; i++)
    if (g_array_index (self->deputy_ids, gint64, i) == deputy_id)
      return;
  g_array_append_val (self->deputy_ids, deputy_id);
}

void
liaison_reception_form_remove_deputy (LiaisonReceptionForm *self,
                                      gint64                deputy_id)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));

  for (guint i = 0; i < self->deputy_ids->len; i++)
    if (g_array_index (self->deputy_ids, gint64, i) == deputy_id)
      {
        g_array_remove_index (self->deputy_ids, i);
        return;
      }
}

guint
liaison_reception_form_get_n_visitors (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);
  return self->visitors->len;
}

guint
liaison_reception_form_add_visitor (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);

  g_ptr_array_add (self->visitors, form_visitor_new ());
  return self->visitors->len - 1;
}

void
liaison_reception_form_remove_visitor (LiaisonReceptionForm *self,
                                       guint                 index)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  g_return_if_fail (index < self->visitors->len);

  g_ptr_array_remove_index (self->visitors, index);
}

static FormVisitor *
get_visitor (LiaisonReceptionForm *self,
             guint                 index)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  g_return_val_if_fail (index < self->visitors->len, NULL);
  return g_ptr_array_index (self->visitors, index);
}

void
liaison_reception_form_set_visitor (LiaisonReceptionForm *self,
                                    guint                 index,
                                    const char           *name,
                                    const char           *phone,
                                    const char           *community,
                                    const char           *party_size,
                                    gboolean              consent)
{
  FormVisitor *visitor = get_visitor (self, index);

  if (visitor == NULL)
    return;
  set_string (&visitor->name, name);
  set_string (&visitor->phone, phone);
  set_string (&visitor->community, community);
  set_string (&visitor->party_size, party_size);
  visitor->consent = consent;
}

const char *
liaison_reception_form_get_visitor_name (LiaisonReceptionForm *self,
                                         guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor ? visitor->name : NULL;
}

const char *
liaison_reception_form_get_visitor_phone (LiaisonReceptionForm *self,
                                          guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor ? visitor->phone : NULL;
}

const char *
liaison_reception_form_get_visitor_community (LiaisonReceptionForm *self,
                                              guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor ? visitor->community : NULL;
}

const char *
liaison_reception_form_get_visitor_party_size (LiaisonReceptionForm *self,
                                               guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor ? visitor->party_size : NULL;
}

gboolean
liaison_reception_form_get_visitor_consent (LiaisonReceptionForm *self,
                                            guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor ? visitor->consent : FALSE;
}

const char *
liaison_reception_form_get_summary (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->summary;
}

void
liaison_reception_form_set_summary (LiaisonReceptionForm *self,
                                    const char           *summary)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  set_string (&self->summary, summary);
}

gboolean
liaison_reception_form_get_handled_on_spot (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), FALSE);
  return self->handled_on_spot;
}

void
liaison_reception_form_set_handled_on_spot (LiaisonReceptionForm *self,
                                            gboolean              handled)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  self->handled_on_spot = !!handled;
}

const char *
liaison_reception_form_get_handling (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->handling;
}

void
liaison_reception_form_set_handling (LiaisonReceptionForm *self,
                                     const char           *handling)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  set_string (&self->handling, handling);
}

guint
liaison_reception_form_get_n_suggestions (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);
  return self->suggestions->len;
}

guint
liaison_reception_form_add_suggestion (LiaisonReceptionForm *self)
{
  FormSuggestion *suggestion;

  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);

  suggestion = g_new0 (FormSuggestion, 1);
  suggestion->title = g_strdup ("");
  suggestion->content = g_strdup ("");
  g_ptr_array_add (self->suggestions, suggestion);
  return self->suggestions->len - 1;
}

static FormSuggestion *
get_suggestion (LiaisonReceptionForm *self,
                guint                 index)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  g_return_val_if_fail (index < self->suggestions->len, NULL);
  return g_ptr_array_index (self->suggestions, index);
}

gboolean
liaison_reception_form_remove_suggestion (LiaisonReceptionForm *self,
                                          guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);

  /* A saved suggestion has its own life (taking up, referral...); the
   * store has no way to unlink it from here. */
  if (suggestion == NULL || suggestion->saved != NULL)
    return FALSE;
  g_ptr_array_remove_index (self->suggestions, index);
  return TRUE;
}

void
liaison_reception_form_set_suggestion (LiaisonReceptionForm *self,
                                       guint                 index,
                                       const char           *title,
                                       const char           *content,
                                       gint64                category_id)
{
  FormSuggestion *suggestion = get_suggestion (self, index);

  if (suggestion == NULL)
    return;
  set_string (&suggestion->title, title);
  set_string (&suggestion->content, content);
  suggestion->category_id = category_id;
}

void
liaison_reception_form_set_suggestion_raised_by (LiaisonReceptionForm *self,
                                                 guint                 index,
                                                 const char           *raised_by)
{
  FormSuggestion *suggestion = get_suggestion (self, index);

  if (suggestion == NULL)
    return;
  g_free (suggestion->raised_by);
  suggestion->raised_by = is_blank (raised_by) ? NULL : g_strdup (raised_by);
}

gint64
liaison_reception_form_get_suggestion_id (LiaisonReceptionForm *self,
                                          guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);
  return suggestion && suggestion->saved ? suggestion->saved->meta.id : 0;
}

const char *
liaison_reception_form_get_suggestion_title (LiaisonReceptionForm *self,
                                             guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);
  return suggestion ? suggestion->title : NULL;
}

const char *
liaison_reception_form_get_suggestion_content (LiaisonReceptionForm *self,
                                               guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);
  return suggestion ? suggestion->content : NULL;
}

gint64
liaison_reception_form_get_suggestion_category_id (LiaisonReceptionForm *self,
                                                   guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);
  return suggestion ? suggestion->category_id : 0;
}

const char *
liaison_reception_form_get_suggestion_raised_by (LiaisonReceptionForm *self,
                                                 guint                 index)
{
  FormSuggestion *suggestion = get_suggestion (self, index);
  return suggestion ? suggestion->raised_by : NULL;
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

  if (is_blank (text))
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

  if (is_blank (text))
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

  if (is_blank (text))
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
    "date", "time", "received_at", "channel", "category", "station", "deputies", "visitors",
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
  meta_copy (&reception->meta, &self->meta);
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

  for (guint i = 0; i < self->suggestions->len; i++)
    {
      const FormSuggestion *form_suggestion = g_ptr_array_index (self->suggestions, i);
      LiaisonSuggestion *suggestion = form_suggestion->saved
        ? suggestion_copy (form_suggestion->saved)
        : liaison_suggestion_new ();

      g_free (suggestion->title);
      suggestion->title = strip_or_null (form_suggestion->title);
      g_free (suggestion->content);
      suggestion->content = strip_or_null (form_suggestion->content);
      suggestion->category_id = form_suggestion->category_id;
      g_free (suggestion->raised_by);
      suggestion->raised_by = is_blank (form_suggestion->raised_by)
        ? g_strdup (first_name)
        : strip_or_null (form_suggestion->raised_by);
      g_ptr_array_add (reception->suggestions, suggestion);
    }

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
   * updates them instead of adding copies. */
  liaison_reception_form_load (self, reception);
  return TRUE;
}

GPtrArray *
liaison_reception_form_get_field_errors (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->field_errors;
}
