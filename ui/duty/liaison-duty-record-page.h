/* liaison-duty-record-page.h: a deputy's duty record (我的履职) for a
 * quarter or a year, and the button that saves it as a duty archive. */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUTY_RECORD_PAGE (liaison_duty_record_page_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDutyRecordPage, liaison_duty_record_page, LIAISON, DUTY_RECORD_PAGE, AdwBin)

GtkWidget  *liaison_duty_record_page_new         (LiaisonStore          *store);
/* Shows the record of @deputy_uuid for the current quarter; it is read off
 * the main thread, and ::shown is emitted once it is on the page. */
void        liaison_duty_record_page_show_deputy (LiaisonDutyRecordPage *self,
                                                  const char            *deputy_uuid);

G_END_DECLS
