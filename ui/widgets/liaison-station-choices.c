/* liaison-station-choices.c: headquarters' choice of station, in a
 * dropdown, with each choice's id and uuid kept beside its name. */
#define G_LOG_DOMAIN "liaison-station-choices"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-station-choices.h"
#include "liaison-store-sync.h"

struct _LiaisonStationChoices
{
  /* borrowed */
  GtkDropDown *dropdown;

  /* owned, parallel to the dropdown's names; every station first */
  GArray      *ids;    /* gint64, 0 first */
  GPtrArray   *uuids;  /* char *, "" first */
};

/**
 * liaison_station_choices_new:
 *
 * Returns: (transfer full): the choices of @dropdown, only "Every station"
 *   until they are loaded
 */
LiaisonStationChoices *
liaison_station_choices_new (GtkDropDown *dropdown)
{
  LiaisonStationChoices *self = g_new0 (LiaisonStationChoices, 1);
  g_autoptr(GtkExpression) name_expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->dropdown = dropdown;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->uuids = g_ptr_array_new_with_free_func (g_free);
  /* Typing a station's name finds it among hundreds. */
  gtk_drop_down_set_expression (dropdown, name_expression);
  liaison_station_choices_load (self, NULL, NULL);
  return self;
}

void
liaison_station_choices_free (LiaisonStationChoices *self)
{
  g_array_unref (self->ids);
  g_ptr_array_unref (self->uuids);
  g_free (self);
}

static guint
chosen (LiaisonStationChoices *self)
{
  guint position = gtk_drop_down_get_selected (self->dropdown);

  return position < self->ids->len ? position : 0;
}

void
liaison_station_choices_load (LiaisonStationChoices *self,
                              LiaisonStore          *store,
                              const char            *select_uuid)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_uuid = g_strdup (select_uuid != NULL ? select_uuid
                                                                 : liaison_station_choices_get_uuid (self));
  gint64 none = 0;
  guint position = 0;

  g_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->uuids, 0);
  gtk_string_list_append (names, _("Every station"));
  g_array_append_val (self->ids, none);
  g_ptr_array_add (self->uuids, g_strdup (""));
  if (store != NULL && liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ)
    stations = liaison_store_list_stations (store, NULL);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      const LiaisonStation *station = g_ptr_array_index (stations, i);

      gtk_string_list_append (names, station->name);
      g_array_append_val (self->ids, station->meta.id);
      g_ptr_array_add (self->uuids, g_strdup (station->meta.uuid ? station->meta.uuid : ""));
      if (*selected_uuid != '\0' && g_strcmp0 (station->meta.uuid, selected_uuid) == 0)
        position = self->ids->len - 1;
    }

  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->dropdown, position);
}

gint64
liaison_station_choices_get_id (LiaisonStationChoices *self)
{
  return self->ids->len > 0 ? g_array_index (self->ids, gint64, chosen (self)) : 0;
}

const char *
liaison_station_choices_get_uuid (LiaisonStationChoices *self)
{
  return self->uuids->len > 0 ? g_ptr_array_index (self->uuids, chosen (self)) : "";
}
