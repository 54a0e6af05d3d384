/* liaison-published-snapshot.h: a published report's frozen figures
 * (docs/reports.md, "Published reports").
 *
 * Headquarters publishes a period's dashboard (the monthly report, say):
 * the figures of that moment are frozen and sync to the desks. A
 * publication is a head record (the city's total and its breakdowns by
 * category, month and channel) and, for every station, one or more part
 * records: the station's own figures and, for each suggestion of its that
 * the figures counted, which figures counted it. A part goes only to its
 * station, so a station sees the head and its own part.
 *
 * This file is the frozen figures' data and JSON, read strictly (no member
 * missing or unknown), below the wire so that both ends check a record
 * with it. Computing and comparing them is app/publish/.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LIAISON_PUBLISHED_ERROR (liaison_published_error_quark ())
GQuark liaison_published_error_quark (void);

typedef enum {
  LIAISON_PUBLISHED_ERROR_INVALID,  /* the message names the member, in English (a wire message) */
} LiaisonPublishedError;

/* The counts a row holds, in the order of the dashboard's LiaisonFigure
 * (app/report/liaison-dashboard.h): the suggestions' eight, then
 * receptions and visitors. */
#define LIAISON_PUBLISHED_N_COUNTS       10
#define LIAISON_PUBLISHED_N_ITEM_FIGURES 8   /* the first eight count suggestions */

/* "collected", "withdrawn", "resolved", "rated", "satisfied", "replied",
 * "replied_in_time", "overdue", "receptions", "visitors". */
const char *liaison_published_count_code      (guint        count);
gboolean    liaison_published_count_from_code (const char  *code,
                                               guint       *count);

/* The breakdowns of the head, and their members' names. */
typedef enum {
  LIAISON_PUBLISHED_BY_CATEGORY,
  LIAISON_PUBLISHED_BY_MONTH,
  LIAISON_PUBLISHED_BY_CHANNEL,
  LIAISON_PUBLISHED_N_BREAKDOWNS
} LiaisonPublishedBreakdown;

const char *liaison_published_breakdown_code (LiaisonPublishedBreakdown breakdown);  /* "by_category" … */

/* At most this many items in one part record, so that a part stays well
 * under what a record may carry on the wire (LIAISON_MAX_RECORD_DATA_BYTES:
 * an item is at most some 160 bytes). */
#define LIAISON_PUBLISHED_ITEMS_PER_PART 300

/* One row of figures: the total (key ""), a category (its code), a month
 * ("YYYY-MM"), a channel (its code, or "deputy"), a station (its uuid). */
typedef struct {
  char   *key;
  char   *label;                                /* as the publishing desk showed it */
  guint   counts[LIAISON_PUBLISHED_N_COUNTS];
} LiaisonPublishedRow;

typedef struct {
  char   *period;       /* the period's code: "2025-03", "2025Q1", "2025", "2025-01-05..2025-02-10" */
  char   *published_at; /* "YYYY-MM-DDTHH:MM:SSZ" */
  char   *published_by; /* the name at the desk; "" for none */
  char   *as_of;        /* the day the figures stood on, "YYYY-MM-DD" */
  guint   parts;        /* how many part records the publication has */
  LiaisonPublishedRow *total;
  GPtrArray *breakdowns[LIAISON_PUBLISHED_N_BREAKDOWNS];  /* LiaisonPublishedRow * */
} LiaisonPublishedHead;

/* A suggestion the figures counted: bit f of @figures is set when count f
 * (f < LIAISON_PUBLISHED_N_ITEM_FIGURES) counted it. */
typedef struct {
  char  *suggestion;
  guint  figures;
} LiaisonPublishedItem;

typedef struct {
  char   *report;       /* the head's uuid */
  char   *period;
  char   *published_at;
  char   *station;      /* the station's uuid */
  guint   part;         /* 0 … parts − 1: a station's items may take several */
  guint   parts;        /* the station's parts */
  LiaisonPublishedRow *row;  /* the station's figures (key: its uuid), in every part */
  GPtrArray *items;     /* LiaisonPublishedItem * */
} LiaisonPublishedPart;

LiaisonPublishedRow  *liaison_published_row_new   (const char                *key,
                                                   const char                *label);
LiaisonPublishedRow  *liaison_published_row_copy  (const LiaisonPublishedRow *row);
void                  liaison_published_row_free  (LiaisonPublishedRow       *row);
LiaisonPublishedItem *liaison_published_item_new  (const char                *suggestion,
                                                   guint                      figures);
void                  liaison_published_item_free (LiaisonPublishedItem      *item);

LiaisonPublishedHead *liaison_published_head_new  (void);
void                  liaison_published_head_free (LiaisonPublishedHead      *head);
LiaisonPublishedPart *liaison_published_part_new  (void);
void                  liaison_published_part_free (LiaisonPublishedPart      *part);

/* Whether @code is a period written as the dashboard writes one. */
gboolean              liaison_published_period_is_valid (const char *code);

/* The record's data, as JSON; the text is what the store keeps, the same
 * bytes at every desk for the same publication. */
JsonObject           *liaison_published_head_to_json     (const LiaisonPublishedHead *head);
char                 *liaison_published_head_to_string   (const LiaisonPublishedHead *head);
JsonObject           *liaison_published_part_to_json     (const LiaisonPublishedPart *part);
char                 *liaison_published_part_to_string   (const LiaisonPublishedPart *part);
/* Strict: an unknown or missing member, a wrong type or code, a count out
 * of range, a suggestion listed twice fails, the member named. The
 * strings are depth-checked (liaison-json-depth.h) before they are parsed. */
LiaisonPublishedHead *liaison_published_head_from_json   (JsonObject  *data,
                                                          GError     **error);
LiaisonPublishedHead *liaison_published_head_from_string (const char  *text,
                                                          GError     **error);
LiaisonPublishedPart *liaison_published_part_from_json   (JsonObject  *data,
                                                          GError     **error);
LiaisonPublishedPart *liaison_published_part_from_string (const char  *text,
                                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPublishedRow, liaison_published_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPublishedHead, liaison_published_head_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonPublishedPart, liaison_published_part_free)

G_END_DECLS
