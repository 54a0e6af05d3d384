/* liaison-reception-item.c: a reception as the list shows it.
 *
 * Properties are read-only strings ready for display, so that list rows in
 * .ui templates can bind them with <lookup>.
 */
#define G_LOG_DOMAIN "liaison-reception-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-privacy.h"
#include "liaison-reception-item.h"

struct _LiaisonReceptionItem
{
  GObject parent_instance;

  /* owned */
  LiaisonReception *reception;
  char *search;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionItem, liaison_reception_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RECEIVED_AT,
  PROP_SUMMARY,
  PROP_VISITOR,
  PROP_MASKED_PHONE,
  PROP_DEPUTIES,
  PROP_CATEGORY,
  PROP_CHANNEL,
  PROP_SYNC_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_visitor (const LiaisonReception *reception)
{
  const LiaisonVisitor *visitor;
  const char *name;

  if (reception->visitors->len == 0)
    return g_strdup ("");
  visitor = g_ptr_array_index (reception->visitors, 0);
  name = (visitor->name != NULL && *visitor->name) ? visitor->name : _("Anonymous");
  if (visitor->community != NULL && *visitor->community)
    /* Translators: a visitor's name and community, "张三 · 相山区东山社区" */
    return g_strdup_printf (_("%s · %s"), name, visitor->community);
  return g_strdup (name);
}

static void
liaison_reception_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaisonReceptionItem *self = LIAISON_RECEPTION_ITEM (object);
  const LiaisonReception *reception = self->reception;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, reception->meta.id);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_string (value, reception->received_at);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, reception->summary);
      break;
    case PROP_VISITOR:
      g_value_take_string (value, describe_visitor (reception));
      break;
    case PROP_MASKED_PHONE:
      if (reception->visitors->len > 0)
        {
          const LiaisonVisitor *visitor = g_ptr_array_index (reception->visitors, 0);
          g_value_take_string (value, liaison_privacy_mask_phone (visitor->phone));
        }
      else
        g_value_set_string (value, "");
      break;
    case PROP_DEPUTIES:
      g_value_set_string (value, reception->deputy_names ? reception->deputy_names : "");
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, reception->category_name ? reception->category_name : "");
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, liaison_channel_label (reception->channel));
      break;
    case PROP_SYNC_STATE:
      g_value_set_string (value, liaison_sync_state_label (reception->meta.sync_state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_reception_item_finalize (GObject *object)
{
  LiaisonReceptionItem *self = LIAISON_RECEPTION_ITEM (object);

  g_clear_pointer (&self->reception, liaison_reception_free);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (liaison_reception_item_parent_class)->finalize (object);
}

static void
liaison_reception_item_class_init (LiaisonReceptionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = liaison_reception_item_get_property;
  object_class->finalize = liaison_reception_item_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RECEIVED_AT] = g_param_spec_string ("received-at", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_VISITOR] = g_param_spec_string ("visitor", NULL, NULL, NULL, flags);
  properties[PROP_MASKED_PHONE] = g_param_spec_string ("masked-phone", NULL, NULL, NULL, flags);
  properties[PROP_DEPUTIES] = g_param_spec_string ("deputies", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, NULL, flags);
  properties[PROP_SYNC_STATE] = g_param_spec_string ("sync-state", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_reception_item_init (LiaisonReceptionItem *self)
{
}

LiaisonReceptionItem *
liaison_reception_item_new (LiaisonReception *reception)
{
  LiaisonReceptionItem *self;

  g_return_val_if_fail (reception != NULL, NULL);

  self = g_object_new (LIAISON_TYPE_RECEPTION_ITEM, NULL);
  self->reception = reception;
  return self;
}

const LiaisonReception *
liaison_reception_item_get_reception (LiaisonReceptionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_ITEM (self), NULL);
  return self->reception;
}

gint64
liaison_reception_item_get_id (LiaisonReceptionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_ITEM (self), 0);
  return self->reception->meta.id;
}

void
liaison_reception_item_set_search (LiaisonReceptionItem *self,
                                   const char           *search)
{
  g_return_if_fail (LIAISON_IS_RECEPTION_ITEM (self));
  g_free (self->search);
  self->search = g_strdup (search);
}

const char *
liaison_reception_item_get_search (LiaisonReceptionItem *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTION_ITEM (self), NULL);
  return self->search;
}
