/* liaison-store-published.h: published reports in the station's store
 * (docs/reports.md, "Published reports").
 *
 * Headquarters publishes a period's figures: a head record (the city's
 * figures) and, per station, part records (the station's figures and
 * which of its suggestions each figure counted), frozen as
 * app/model/liaison-published-snapshot.h writes them. They sync like any
 * headquarters record, but a part goes only to its station. Nothing
 * changes or deletes them once written (schema 12's triggers): a period
 * published again is another publication, and the earlier one stays.
 */
#pragma once

#include "liaison-published-snapshot.h"
#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct {
  LiaisonRecordMeta     meta;
  char                 *data;  /* the head's data as stored, byte for byte */
  LiaisonPublishedHead *head;  /* NULL if the stored data no longer reads (a file edited by hand) */
} LiaisonPublishedReport;

void liaison_published_report_free (LiaisonPublishedReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPublishedReport, liaison_published_report_free)

/* Keeps @head and @parts (LiaisonPublishedPart *) as a new publication,
 * to sync, in one transaction. Fills in @head's published_at (now),
 * published_by (the name at the desk) and parts, and each part's report,
 * period and published_at. Refused with LIAISON_STORE_ERROR_INVALID,
 * nothing written: at a station desk, or for a period that is not one. */
LiaisonPublishedReport *liaison_store_save_published_report  (LiaisonStore          *store,
                                                              LiaisonPublishedHead  *head,
                                                              GPtrArray             *parts,
                                                              GError               **error);
/* Every publication here (LiaisonPublishedReport *), the latest first. */
GPtrArray              *liaison_store_list_published_reports (LiaisonStore          *store,
                                                              GError               **error);
/* The publication @uuid, or NULL with LIAISON_STORE_ERROR_NOT_FOUND. */
LiaisonPublishedReport *liaison_store_get_published_report   (LiaisonStore          *store,
                                                              const char            *uuid,
                                                              GError               **error);
/* The parts of the publication @report here (LiaisonPublishedPart *), by
 * station then part; only @station's unless it is NULL. A part whose
 * stored data no longer reads is left out, with a warning. */
GPtrArray              *liaison_store_list_published_parts   (LiaisonStore          *store,
                                                              const char            *report,
                                                              const char            *station,
                                                              GError               **error);

/* This desk's own station (its uuid, as the server knows it), or NULL at
 * a desk that has none (headquarters). */
char                   *liaison_store_published_own_station  (LiaisonStore          *store);
/* The live suggestion @uuid here: its local id, title and station's uuid
 * (any may be NULL); FALSE if it is not here, or deleted. */
gboolean                liaison_store_published_find_suggestion (LiaisonStore       *store,
                                                                 const char         *uuid,
                                                                 gint64             *id,
                                                                 char              **title,
                                                                 char              **station,
                                                                 GError            **error);

G_END_DECLS
