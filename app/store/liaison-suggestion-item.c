/* liaison-suggestion-item.c: a suggestion as the list shows it. */
#define G_LOG_DOMAIN "liaison-suggestion-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy.h"
#include "liaison-suggestion-item.h"

struct _LiaisonSuggestionItem
{
  GObject parent_instance;

  /* owned */
  LiaisonSuggestion *suggestion;
  char *search;
};

G_DEFINE_FINAL_TYPE (LiaisonSuggestionItem, liaison_suggestion_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CONTENT,
  PROP_CATEGORY,
  PROP_STATUS,
  PROP_CREATED_AT,
  PROP_RAISED_BY,
  PROP_SYNC_STATE,
  PROP_STATUS_CODE,
  PROP_KIND,
  PROP_STATION,
  PROP_DEPUTY,
  PROP_ROUND,
  PROP_DUE_DATE,
  PROP_DEADLINE,
  PROP_URGENCY,
  PROP_KEY_SUPERVISION,
  PROP_REOPENED,
  PROP_REPLY_UNSEEN,
  PROP_TAKEN_UP_BY,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
liaison_suggestion_describe_status (const LiaisonSuggestion *suggestion)
{
  g_return_val_if_fail (suggestion != NULL, NULL);

  /* The same words as liaison_loop_state_describe(), from the cache. */
  if (suggestion->status == LIAISON_LOOP_STATUS_TAKEN_UP && suggestion->round > 1)
    return _("Reopened, awaiting referral");
  if (suggestion->status == LIAISON_LOOP_STATUS_TAKEN_UP &&
      suggestion->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
    return _("Awaiting referral");
  return liaison_loop_status_label (suggestion->status);
}

LiaisonDeadline
liaison_suggestion_deadline (const LiaisonSuggestion *suggestion,
                             const GDate             *today)
{
  LiaisonDeadline none = { LIAISON_DEADLINE_NONE, 0 };
  GDate local_today;

  g_return_val_if_fail (suggestion != NULL, none);

  if (!g_date_valid (&suggestion->due_date))
    return none;
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&local_today, 1);
      g_date_set_dmy (&local_today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      today = &local_today;
    }
  return liaison_deadline_status (&suggestion->due_date, today);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
liaison_suggestion_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  const LiaisonSuggestion *suggestion = LIAISON_SUGGESTION_ITEM (object)->suggestion;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, suggestion->meta.id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, suggestion->title);
      break;
    case PROP_CONTENT:
      g_value_set_string (value, suggestion->content);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, suggestion->category_name ? suggestion->category_name : "");
      break;
    case PROP_STATUS:
      g_value_set_string (value, liaison_suggestion_describe_status (suggestion));
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, suggestion->created_at);
      break;
    case PROP_RAISED_BY:
      g_value_set_string (value, suggestion->raised_by ? suggestion->raised_by : "");
      break;
    case PROP_SYNC_STATE:
      g_value_set_string (value, liaison_sync_state_label (suggestion->meta.sync_state));
      break;
    case PROP_STATUS_CODE:
      g_value_set_string (value, liaison_loop_status_to_code (suggestion->status));
      break;
    case PROP_KIND:
      g_value_set_string (value, liaison_loop_kind_label (suggestion->kind));
      break;
    case PROP_STATION:
      g_value_set_string (value, or_empty (suggestion->station_name));
      break;
    case PROP_DEPUTY:
      g_value_set_string (value, or_empty (suggestion->deputy_name));
      break;
    case PROP_ROUND:
      g_value_set_uint (value, suggestion->round);
      break;
    case PROP_DUE_DATE:
      g_value_take_string (value, liaison_date_to_iso (&suggestion->due_date));
      break;
    case PROP_DEADLINE:
      g_value_take_string (value, liaison_deadline_describe (liaison_suggestion_deadline (suggestion, NULL)));
      break;
    case PROP_URGENCY:
      g_value_set_string (value,
                          liaison_deadline_urgency_to_code (liaison_suggestion_deadline (suggestion, NULL).urgency));
      break;
    case PROP_KEY_SUPERVISION:
      g_value_set_boolean (value, suggestion->key_supervision);
      break;
    case PROP_REOPENED:
      g_value_set_boolean (value, suggestion->reopened);
      break;
    case PROP_REPLY_UNSEEN:
      g_value_set_boolean (value, suggestion->reply_unseen);
      break;
    case PROP_TAKEN_UP_BY:
      g_value_set_string (value, or_empty (suggestion->taken_up_by));
      break;
    case PROP_CONTACT:
      g_value_take_string (value, liaison_privacy_contact (suggestion->contact, LIAISON_PRIVACY_MASKED));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_suggestion_item_finalize (GObject *object)
{
  LiaisonSuggestionItem *self = LIAISON_SUGGESTION_ITEM (object);

  g_clear_pointer (&self->suggestion, liaison_suggestion_free);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (liaison_suggestion_item_parent_class)->finalize (object);
}

static void
liaison_suggestion_item_class_init (LiaisonSuggestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = liaison_suggestion_item_get_property;
  object_class->finalize = liaison_suggestion_item_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_RAISED_BY] = g_param_spec_string ("raised-by", NULL, NULL, NULL, flags);
  properties[PROP_SYNC_STATE] = g_param_spec_string ("sync-state", NULL, NULL, NULL, flags);
  /* The loop, for the follow-up lists; see liaison-store-loop.h. */
  properties[PROP_STATUS_CODE] = g_param_spec_string ("status-code", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_STATION] = g_param_spec_string ("station", NULL, NULL, NULL, flags);
  properties[PROP_DEPUTY] = g_param_spec_string ("deputy", NULL, NULL, NULL, flags);
  properties[PROP_ROUND] = g_param_spec_uint ("round", NULL, NULL, 0, G_MAXUINT, 1, flags);
  /* "YYYY-MM-DD", or "" unless awaiting a reply */
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  /* "3 days left", "Overdue by 2 days": read against today when asked */
  properties[PROP_DEADLINE] = g_param_spec_string ("deadline", NULL, NULL, NULL, flags);
  /* liaison_deadline_urgency_to_code(): a style class for the colour */
  properties[PROP_URGENCY] = g_param_spec_string ("urgency", NULL, NULL, NULL, flags);
  properties[PROP_KEY_SUPERVISION] = g_param_spec_boolean ("key-supervision", NULL, NULL, FALSE, flags);
  properties[PROP_REOPENED] = g_param_spec_boolean ("reopened", NULL, NULL, FALSE, flags);
  properties[PROP_REPLY_UNSEEN] = g_param_spec_boolean ("reply-unseen", NULL, NULL, FALSE, flags);
  properties[PROP_TAKEN_UP_BY] = g_param_spec_string ("taken-up-by", NULL, NULL, NULL, flags);
  /* "name phone" of a visitor who agreed to be contacted, its phone
   * masked as a list shows it (the Tell the Citizen row asks app/privacy
   * for it in full), or "" */
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_suggestion_item_init (LiaisonSuggestionItem *self)
{
}

LiaisonSuggestionItem *
liaison_suggestion_item_new (LiaisonSuggestion *suggestion)
{
  LiaisonSuggestionItem *self;

  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_SUGGESTION_ITEM, NULL);
  self->suggestion = suggestion;
  return self;
}

const LiaisonSuggestion *
liaison_suggestion_item_get_suggestion (LiaisonSuggestionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_ITEM (self), NULL);
  return self->suggestion;
}

gint64
liaison_suggestion_item_get_id (LiaisonSuggestionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_ITEM (self), 0);
  return self->suggestion->meta.id;
}

void
liaison_suggestion_item_set_search (LiaisonSuggestionItem *self,
                                    const char            *search)
{
  g_return_if_fail (LIAISON_IS_SUGGESTION_ITEM (self));
  g_free (self->search);
  self->search = g_strdup (search);
}

const char *
liaison_suggestion_item_get_search (LiaisonSuggestionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_SUGGESTION_ITEM (self), NULL);
  return self->search;
}
