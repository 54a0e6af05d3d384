/* liaison-reception-form.c: the reception editor's logic, without widgets:
 * the form object, loading a reception and telling whether it changed.
 * Its fields are in liaison-reception-form-fields.c, building and saving
 * the record in liaison-reception-form-build.c. */
#define G_LOG_DOMAIN "liaison-reception-form"

#include "config.h"

#include <string.h>

#include "liaison-reception-form-private.h"

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

FormVisitor *
liaison_form_visitor_new (void)
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

void
liaison_form_meta_copy (LiaisonRecordMeta       *dest,
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

LiaisonSuggestion *
liaison_form_suggestion_copy (const LiaisonSuggestion *suggestion)
{
  LiaisonSuggestion *copy = liaison_suggestion_new ();

  liaison_form_meta_copy (&copy->meta, &suggestion->meta);
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

void
liaison_form_set_string (char       **field,
                         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
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
  append_field (snapshot, self->place);
  append_field (snapshot, self->occasion);
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
  for (guint i = 0; i < self->files->len; i++)
    append_field (snapshot, ((const LiaisonReceptionFile *) g_ptr_array_index (self->files, i))->sha256);
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
  g_free (self->place);
  self->place = g_strdup ("");
  g_free (self->occasion);
  self->occasion = g_strdup ("");
  self->category_id = 0;
  g_array_set_size (self->deputy_ids, 0);
  g_ptr_array_set_size (self->visitors, 0);
  g_free (self->summary);
  self->summary = g_strdup ("");
  self->handled_on_spot = FALSE;
  g_free (self->handling);
  self->handling = g_strdup ("");
  g_ptr_array_set_size (self->suggestions, 0);
  g_ptr_array_set_size (self->files, 0);
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
  g_free (self->place);
  g_free (self->occasion);
  g_ptr_array_unref (self->suggestions);
  g_ptr_array_unref (self->files);
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
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reception_file_free);
  self->field_errors = liaison_field_errors_new ();

  reset_fields (self);
  self->date = g_date_time_format (now, "%Y-%m-%d");
  self->time = g_date_time_format (now, "%H:%M");
  g_ptr_array_add (self->visitors, liaison_form_visitor_new ());
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
  liaison_form_meta_copy (&self->meta, &reception->meta);
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
        FormVisitor *copy = liaison_form_visitor_new ();

        liaison_form_set_string (&copy->name, visitor->name);
        liaison_form_set_string (&copy->phone, visitor->phone);
        liaison_form_set_string (&copy->community, visitor->community);
        g_free (copy->party_size);
        copy->party_size = g_strdup_printf ("%d", visitor->party_size);
        copy->consent = visitor->consent;
        g_ptr_array_add (self->visitors, copy);
        if (i == 0)
          first_name = visitor->name;
      }
  if (self->visitors->len == 0)
    g_ptr_array_add (self->visitors, liaison_form_visitor_new ());

  liaison_form_set_string (&self->summary, reception->summary);
  self->handled_on_spot = reception->handled_on_spot;
  liaison_form_set_string (&self->handling, reception->handling);
  liaison_form_set_string (&self->place, reception->place);
  liaison_form_set_string (&self->occasion, reception->occasion);

  if (reception->suggestions != NULL)
    for (guint i = 0; i < reception->suggestions->len; i++)
      {
        const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, i);
        FormSuggestion *copy = g_new0 (FormSuggestion, 1);

        copy->saved = liaison_form_suggestion_copy (suggestion);
        copy->title = g_strdup (suggestion->title != NULL ? suggestion->title : "");
        copy->content = g_strdup (suggestion->content != NULL ? suggestion->content : "");
        copy->category_id = suggestion->category_id;
        /* A name that came from the first visitor keeps following it. */
        if (!liaison_text_is_blank (suggestion->raised_by) && g_strcmp0 (suggestion->raised_by, first_name) != 0)
          copy->raised_by = g_strdup (suggestion->raised_by);
        g_ptr_array_add (self->suggestions, copy);
      }

  if (reception->files != NULL)
    for (guint i = 0; i < reception->files->len; i++)
      g_ptr_array_add (self->files, liaison_reception_file_copy (g_ptr_array_index (reception->files, i)));

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

guint
liaison_reception_form_get_n_files (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), 0);
  return self->files->len;
}

const LiaisonReceptionFile *
liaison_reception_form_get_file (LiaisonReceptionForm *self,
                                 guint                 index)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  g_return_val_if_fail (index < self->files->len, NULL);
  return g_ptr_array_index (self->files, index);
}

gboolean
liaison_reception_form_add_file (LiaisonReceptionForm *self,
                                 LiaisonReceptionFile *file)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), FALSE);
  g_return_val_if_fail (file != NULL && file->sha256 != NULL, FALSE);

  for (guint i = 0; i < self->files->len; i++)
    if (g_str_equal (((const LiaisonReceptionFile *) g_ptr_array_index (self->files, i))->sha256, file->sha256))
      {
        liaison_reception_file_free (file);
        return FALSE;
      }
  g_ptr_array_add (self->files, file);
  return TRUE;
}

void
liaison_reception_form_remove_file (LiaisonReceptionForm *self,
                                    guint                 index)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  g_return_if_fail (index < self->files->len);
  g_ptr_array_remove_index (self->files, index);
}
