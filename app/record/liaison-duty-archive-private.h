/* liaison-duty-archive-private.h: the archive's parts, shared by the
 * files that draw them. */
#pragma once

#include "liaison-duty-archive.h"
#include "liaison-pdf.h"

G_BEGIN_DECLS

/* The record's lists, each in full, under its own heading
 * (liaison-duty-archive-lists.c). */
void liaison_duty_archive_add_points_lines (LiaisonPdf              *pdf,
                                            const LiaisonDutyRecord *record);
void liaison_duty_archive_add_lists        (LiaisonPdf              *pdf,
                                            const LiaisonDutyRecord *record);

/* "2025-03-30 – 2025-04-02", or the one day. */
char *liaison_duty_archive_days            (const char              *from,
                                            const char              *to);

G_END_DECLS
