/* liaison-reception-form-fields.c: the reception form's fields, as the
 * editor reads and sets them: date, time, channel, category, deputies,
 * visitors, summary, handling and inline suggestions. */
#define G_LOG_DOMAIN "liaison-reception-form"

#include "config.h"

#include "liaison-privacy.h"
#include "liaison-reception-form-private.h"

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
  liaison_form_set_string (&self->date, date);
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
  liaison_form_set_string (&self->time, time);
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

  g_ptr_array_add (self->visitors, liaison_form_visitor_new ());
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
  liaison_form_set_string (&visitor->name, name);
  /* The masked text of a hidden phone is not a number: the stored one stays. */
  if (!visitor->phone_hidden || !liaison_privacy_is_masked (phone))
    {
      liaison_form_set_string (&visitor->phone, phone);
      visitor->phone_hidden = FALSE;
    }
  liaison_form_set_string (&visitor->community, community);
  liaison_form_set_string (&visitor->party_size, party_size);
  visitor->consent = consent;
}

void
liaison_reception_form_hide_phones (LiaisonReceptionForm *self,
                                    gboolean              received_here)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));

  for (guint i = 0; i < self->visitors->len; i++)
    {
      FormVisitor *visitor = g_ptr_array_index (self->visitors, i);

      visitor->phone_hidden = visitor->phone != NULL && *visitor->phone != '\0' &&
        !liaison_privacy_may_show_phone (LIAISON_PRIVACY_RECEPTION, visitor->consent, received_here);
    }
}

gboolean
liaison_reception_form_get_visitor_phone_hidden (LiaisonReceptionForm *self,
                                                 guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);
  return visitor != NULL && visitor->phone_hidden;
}

char *
liaison_reception_form_dup_visitor_shown_phone (LiaisonReceptionForm *self,
                                                guint                 index)
{
  FormVisitor *visitor = get_visitor (self, index);

  if (visitor == NULL)
    return NULL;
  return visitor->phone_hidden ? liaison_privacy_mask_phone (visitor->phone) : g_strdup (visitor->phone);
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
  liaison_form_set_string (&self->summary, summary);
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
  liaison_form_set_string (&self->handling, handling);
}

const char *
liaison_reception_form_get_place (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->place;
}

void
liaison_reception_form_set_place (LiaisonReceptionForm *self,
                                  const char           *place)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  liaison_form_set_string (&self->place, place);
}

const char *
liaison_reception_form_get_occasion (LiaisonReceptionForm *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_FORM (self), NULL);
  return self->occasion;
}

void
liaison_reception_form_set_occasion (LiaisonReceptionForm *self,
                                     const char           *occasion)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_FORM (self));
  liaison_form_set_string (&self->occasion, occasion);
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
  liaison_form_set_string (&suggestion->title, title);
  liaison_form_set_string (&suggestion->content, content);
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
  suggestion->raised_by = liaison_text_is_blank (raised_by) ? NULL : g_strdup (raised_by);
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
