/* liaison-suggestion-item.c: a suggestion as the list shows it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-suggestion-item.h"

struct _LiaisonSuggestionItem
{
  GObject parent_instance;

  /* owned */
  LiaisonSuggestion *suggestion;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
      g_value_set_string (value, liaison_suggestion_status_label (suggestion->status));
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_suggestion_item_finalize (GObject *object)
{
  LiaisonSuggestionItem *self = LIAISON_SUGGESTION_ITEM (object);

  g_clear_pointer (&self->suggestion, liaison_suggestion_free);
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
