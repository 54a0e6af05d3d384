/* liaison-store.h: one station's SQLite file.
 *
 * The store owns the connection, runs migrations when it opens, and is the
 * only place that speaks SQL. Everything else reads and writes through the
 * functions below. Writes emit ::changed so that models can refresh.
 */
#pragma once

#include <gio/gio.h>

#include "liaison-records.h"
#include "liaison-paged-list.h"

G_BEGIN_DECLS

#define LIAISON_STORE_ERROR (liaison_store_error_quark ())
GQuark liaison_store_error_quark (void);

typedef enum {
  LIAISON_STORE_ERROR_OPEN,       /* the file cannot be opened or is not a database */
  LIAISON_STORE_ERROR_TOO_NEW,    /* written by a newer Liaison */
  LIAISON_STORE_ERROR_FAILED,     /* SQLite refused; the message says why */
  LIAISON_STORE_ERROR_NOT_FOUND,
  LIAISON_STORE_ERROR_INVALID,    /* the record broke a rule; nothing was written */
  LIAISON_STORE_ERROR_NO_STATION, /* this station has not been set up yet */
  LIAISON_STORE_ERROR_READ_ONLY,  /* another owns the record (headquarters): nothing was written */
} LiaisonStoreError;

/* The schema version this program writes (PRAGMA user_version). */
#define LIAISON_STORE_SCHEMA_VERSION 21

#define LIAISON_TYPE_STORE (liaison_store_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonStore, liaison_store, LIAISON, STORE, GObject)

/* $XDG_DATA_HOME/liaison/station.db */
char         *liaison_store_default_path       (void);
/* Creates the file and its folder if missing, then migrates it. */
LiaisonStore *liaison_store_open               (const char    *path,
                                                GError       **error);
const char   *liaison_store_get_path           (LiaisonStore  *self);
int           liaison_store_get_schema_version (LiaisonStore  *self);

/* Nested calls are counted; only the outermost commits. */
gboolean      liaison_store_begin              (LiaisonStore  *self,
                                                GError       **error);
gboolean      liaison_store_commit             (LiaisonStore  *self,
                                                GError       **error);
void          liaison_store_rollback           (LiaisonStore  *self);
/* While @bulk, a long run of writes (a pull's pages) has a larger page
 * cache; FALSE puts back the size before and frees the rest. */
void          liaison_store_set_bulk_writes    (LiaisonStore  *self,
                                                gboolean       bulk);

/* Runs @sql (no parameters, no user text): for tests, tools and benchmarks. */
gboolean      liaison_store_exec               (LiaisonStore  *self,
                                                const char    *sql,
                                                GError       **error);
gint64        liaison_store_query_int          (LiaisonStore  *self,
                                                const char    *sql,
                                                GError       **error);

/* This station. NULL until the first-run page (or enrollment) sets it. */
LiaisonStation *liaison_store_get_local_station (LiaisonStore  *self);
gboolean        liaison_store_set_local_station (LiaisonStore  *self,
                                                 const char    *name,
                                                 LiaisonStationKind kind,
                                                 const char    *district,
                                                 GError       **error);

/* Stations and groups (reference data: headquarters will own these). */
/* The live station @uuid's id; 0 if there is none. */
gint64        liaison_store_find_station_by_uuid (LiaisonStore *self,
                                                  const char   *uuid);
gboolean      liaison_store_save_station       (LiaisonStore  *self,
                                                LiaisonStation *station,
                                                GError       **error);
GPtrArray    *liaison_store_list_stations      (LiaisonStore  *self,
                                                GError       **error);
gboolean      liaison_store_save_deputy_group  (LiaisonStore  *self,
                                                LiaisonDeputyGroup *group,
                                                GError       **error);
GPtrArray    *liaison_store_list_deputy_groups (LiaisonStore  *self,
                                                GError       **error);
/* Returns the group's id, creating it when no live group has that name. */
gint64        liaison_store_ensure_deputy_group (LiaisonStore *self,
                                                 const char   *name,
                                                 GError      **error);

/* Deputies. @search matches the name (NULL: all), sorted by pinyin-free
 * Unicode collation of the name. */
gboolean      liaison_store_save_deputy        (LiaisonStore  *self,
                                                LiaisonDeputy *deputy,
                                                GError       **error);
/* Whether the deputy @id belongs to headquarters' roster as far as this
 * desk goes: it came from headquarters' server (its server_version) and
 * this desk is not headquarters'. liaison_store_save_deputy () refuses to
 * change such a deputy (LIAISON_STORE_ERROR_READ_ONLY) and passes an
 * unchanged save. */
gboolean      liaison_store_deputy_is_hq_owned (LiaisonStore  *self,
                                                gint64         id);
LiaisonDeputy *liaison_store_get_deputy        (LiaisonStore  *self,
                                                gint64         id,
                                                GError       **error);
GPtrArray    *liaison_store_list_deputies      (LiaisonStore  *self,
                                                const char    *search,
                                                GError       **error);
/* 0 when no live deputy has exactly that name. */
gint64        liaison_store_find_deputy        (LiaisonStore  *self,
                                                const char    *name);
/* 0 when no live deputy has that uuid. */
gint64        liaison_store_find_deputy_by_uuid (LiaisonStore *self,
                                                 const char   *uuid);

/* Categories: seeded by the first migration. */
GPtrArray    *liaison_store_list_categories    (LiaisonStore  *self,
                                                GError       **error);
/* Matches the code, the English name or the zh_CN name; 0 if none. */
gint64        liaison_store_find_category      (LiaisonStore  *self,
                                                const char    *text);

/* Receptions. Saving checks the record (liaison_reception_check) and writes
 * it with its visitors, deputies and inline suggestions in one transaction,
 * or writes nothing. A new record gets its id, uuid and version here. */
gboolean      liaison_store_save_reception     (LiaisonStore  *self,
                                                LiaisonReception *reception,
                                                GError       **error);
LiaisonReception *liaison_store_get_reception  (LiaisonStore  *self,
                                                gint64         id,
                                                GError       **error);
/* Whether @reception was received at this desk's station (the one place
 * its visitors' consenting phones may show in full, liaison-privacy.h). */
gboolean      liaison_store_received_here      (LiaisonStore  *self,
                                                const LiaisonReception *reception);
/* 0 when no live reception has that uuid. */
gint64        liaison_store_find_reception_by_uuid (LiaisonStore *self,
                                                    const char   *uuid);
gboolean      liaison_store_delete_reception   (LiaisonStore  *self,
                                                gint64         id,
                                                GError       **error);

typedef struct {
  char   *search;       /* full text; NULL or "" for none */
  char   *from_date;    /* "YYYY-MM-DD", inclusive; NULL for open */
  char   *to_date;      /* "YYYY-MM-DD", inclusive; NULL for open */
  gint64  deputy_id;    /* 0 for any */
  gint64  category_id;  /* 0 for any */
  gint64  station_id;   /* 0 for any: headquarters sees every station's */
  gboolean mobile_desk; /* only the receptions at the mobile desk (流动办公桌) */
  char   *place;        /* part of the place or occasion; NULL or "" for any */
} LiaisonReceptionFilter;

void          liaison_reception_filter_clear   (LiaisonReceptionFilter *filter);

guint         liaison_store_count_receptions   (LiaisonStore  *self,
                                                const LiaisonReceptionFilter *filter,
                                                GError       **error);
/* Newest first. Returns LiaisonReception * with the list columns filled
 * (visitors holds the first visitor only, deputy_names is set). */
GPtrArray    *liaison_store_list_receptions    (LiaisonStore  *self,
                                                const LiaisonReceptionFilter *filter,
                                                guint          offset,
                                                guint          limit,
                                                GError       **error);
/* Full records with received_at in [from, to] (dates, inclusive), oldest
 * first: for export. */
GPtrArray    *liaison_store_list_receptions_between (LiaisonStore *self,
                                                     const char   *from_date,
                                                     const char   *to_date,
                                                     GError      **error);
/* Receptions that look like an earlier visit of the same matter by the
 * same visitor, to warn (never to block) while @reception is logged: live
 * receptions at its station (this one when it has none), received in the
 * 90 days up to its received_at (now when it has none), not @reception
 * itself (its meta.id), that share a visitor with it (the same phone,
 * digits only, or the same name and community) and whose summary the FTS5
 * index matches with one of its summary's words (a word of 3 or 4
 * characters, or any run of 4 characters of a longer word in Chinese).
 * Newest first, at most @limit. Returns: (element-type LiaisonReception):
 * full records; empty when it has no visitor or word to go by. */
#define LIAISON_SIMILAR_DAYS 90
GPtrArray    *liaison_store_find_similar_receptions (LiaisonStore           *self,
                                                     const LiaisonReception *reception,
                                                     guint                   limit,
                                                     GError                **error);
/* A GListModel of LiaisonReceptionItem, newest first, that reads pages on
 * demand and reloads itself when receptions change. */
LiaisonPagedList *liaison_store_new_reception_model (LiaisonStore *self,
                                                     const LiaisonReceptionFilter *filter);

/* Suggestions. */
gboolean      liaison_store_save_suggestion    (LiaisonStore  *self,
                                                LiaisonSuggestion *suggestion,
                                                GError       **error);
LiaisonSuggestion *liaison_store_get_suggestion (LiaisonStore *self,
                                                 gint64        id,
                                                 GError      **error);
guint         liaison_store_count_suggestions  (LiaisonStore  *self,
                                                const char    *search,
                                                GError       **error);
GPtrArray    *liaison_store_list_suggestions   (LiaisonStore  *self,
                                                const char    *search,
                                                guint          offset,
                                                guint          limit,
                                                GError       **error);
/* A GListModel of LiaisonSuggestionItem, newest first. */
LiaisonPagedList *liaison_store_new_suggestion_model (LiaisonStore *self,
                                                      const char   *search);
/* Where the live suggestion @id stands in that list with no search;
 * G_MAXUINT when it is not there. */
guint         liaison_store_suggestion_position (LiaisonStore  *self,
                                                 gint64         id,
                                                 GError       **error);

G_END_DECLS
