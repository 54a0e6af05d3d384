/* liaison-duty-record-section.h: one list of a duty record (its points
 * lines, activities, take-ups, ...) as a titled boxed list. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* One row: what the record lists, in words. */
typedef struct {
  char *title;
  char *subtitle;  /* nullable */
  char *value;     /* nullable: the figure at the row's end, such as "+2" */
} LiaisonDutyRecordEntry;

LiaisonDutyRecordEntry *liaison_duty_record_entry_new  (const char *title,
                                                        const char *subtitle,
                                                        const char *value);
void                    liaison_duty_record_entry_free (LiaisonDutyRecordEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDutyRecordEntry, liaison_duty_record_entry_free)

#define LIAISON_TYPE_DUTY_RECORD_SECTION (liaison_duty_record_section_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonDutyRecordSection, liaison_duty_record_section, LIAISON, DUTY_RECORD_SECTION, AdwPreferencesGroup)

GtkWidget *liaison_duty_record_section_new         (const char               *title,
                                                    const char               *empty_text);
void       liaison_duty_record_section_set_entries (LiaisonDutyRecordSection *self,
                                                    GPtrArray                *entries);

G_END_DECLS
