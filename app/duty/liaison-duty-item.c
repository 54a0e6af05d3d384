/* liaison-duty-item.c: memory of a duty record's items
 * (liaison-duty-item.h). */
#define G_LOG_DOMAIN "liaison-duty-item"

#include "config.h"

#include "liaison-duty-item.h"

LiaisonDutyItem *
liaison_duty_item_new (LiaisonDutyItemKind  kind,
                       const char          *deputy_uuid,
                       const char          *date,
                       const char          *source_uuid,
                       const char          *title)
{
  LiaisonDutyItem *item = g_new0 (LiaisonDutyItem, 1);

  item->kind = kind;
  item->activity_kind = LIAISON_ACTIVITY_OTHER;
  item->attendance = LIAISON_ATTENDANCE_ATTENDED;
  item->deputy_uuid = g_strdup (deputy_uuid);
  item->date = g_strdup (date);
  item->source_uuid = g_strdup (source_uuid);
  item->title = g_strdup (title);
  return item;
}

LiaisonDutyItem *
liaison_duty_item_copy (const LiaisonDutyItem *item)
{
  LiaisonDutyItem *copy = liaison_duty_item_new (item->kind, item->deputy_uuid, item->date,
                                                 item->source_uuid, item->title);

  copy->activity_kind = item->activity_kind;
  copy->attendance = item->attendance;
  copy->end_date = g_strdup (item->end_date);
  copy->station_uuid = g_strdup (item->station_uuid);
  return copy;
}

void
liaison_duty_item_free (LiaisonDutyItem *item)
{
  if (item == NULL)
    return;
  g_free (item->deputy_uuid);
  g_free (item->date);
  g_free (item->source_uuid);
  g_free (item->title);
  g_free (item->end_date);
  g_free (item->station_uuid);
  g_free (item);
}
