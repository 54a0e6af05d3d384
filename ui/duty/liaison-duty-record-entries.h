/* liaison-duty-record-entries.h: a duty record's lists and figures in
 * words, for the record page. Plain strings, so that they can be worked
 * out off the main thread with the record. */
#pragma once

#include "liaison-duty-record.h"
#include "liaison-duty-record-section.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_DUTY_RECORD_LIST_LINES,       /* the points, line by line */
  LIAISON_DUTY_RECORD_LIST_QUARTERS,    /* the points of each quarter */
  LIAISON_DUTY_RECORD_LIST_KINDS,       /* activities by kind, with attendance */
  LIAISON_DUTY_RECORD_LIST_ACTIVITIES,
  LIAISON_DUTY_RECORD_LIST_TAKE_UPS,
  LIAISON_DUTY_RECORD_LIST_FILINGS,
  LIAISON_DUTY_RECORD_LIST_PLANNED,     /* planned duty days not done */
  LIAISON_N_DUTY_RECORD_LISTS
} LiaisonDutyRecordList;

/* The rows of @list: LiaisonDutyRecordEntry *. @station_names maps a
 * station's UUID to its name; NULL or a missing one says "another station". */
GPtrArray *liaison_duty_record_entries       (const LiaisonDutyRecord *record,
                                              LiaisonDutyRecordList    list,
                                              GHashTable              *station_names);
/* "Level · group · station · specialty", the parts the deputy has. */
char      *liaison_duty_record_describe_deputy (const LiaisonDutyRecord *record);
/* Whether the record lists nothing at all in its period. */
gboolean   liaison_duty_record_is_empty      (const LiaisonDutyRecord *record);

G_END_DECLS
