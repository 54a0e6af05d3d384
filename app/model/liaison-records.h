/* liaison-records.h: the records a station keeps, as plain structs.
 *
 * Every synced record carries a UUID made where it was created, a version,
 * the station it came from, updated_at (UTC) and a tombstone. The structs
 * below are what the store reads and writes; they own their strings.
 */
#pragma once

#include <glib.h>

#include "liaison-loop.h"

G_BEGIN_DECLS

typedef enum {
  LIAISON_STATION_KIND_HOME,    /* 人大代表之家 */
  LIAISON_STATION_KIND_STUDIO,  /* 代表工作室 */
  LIAISON_STATION_KIND_STATION, /* 代表联络站 */
  LIAISON_STATION_KIND_POINT,   /* 代表联络点 */
  LIAISON_N_STATION_KINDS
} LiaisonStationKind;

typedef enum {
  LIAISON_DEPUTY_LEVEL_NATIONAL,
  LIAISON_DEPUTY_LEVEL_PROVINCIAL,
  LIAISON_DEPUTY_LEVEL_CITY,
  LIAISON_DEPUTY_LEVEL_COUNTY,
  LIAISON_DEPUTY_LEVEL_TOWNSHIP,
  LIAISON_N_DEPUTY_LEVELS
} LiaisonDeputyLevel;

typedef enum {
  LIAISON_CHANNEL_WALK_IN,
  LIAISON_CHANNEL_PHONE,
  LIAISON_CHANNEL_ONLINE,
  LIAISON_CHANNEL_MOBILE_DESK,
  LIAISON_N_CHANNELS
} LiaisonChannel;

typedef enum {
  LIAISON_SYNC_STATE_SYNCED,
  LIAISON_SYNC_STATE_PENDING,
  LIAISON_SYNC_STATE_ERROR,
} LiaisonSyncState;

/* Stable codes, as stored in the database and written to CSV. */
const char *liaison_station_kind_to_code  (LiaisonStationKind kind);
gboolean    liaison_station_kind_from_code (const char *code, LiaisonStationKind *kind);
const char *liaison_station_kind_label    (LiaisonStationKind kind);
const char *liaison_deputy_level_to_code  (LiaisonDeputyLevel level);
gboolean    liaison_deputy_level_from_code (const char *code, LiaisonDeputyLevel *level);
const char *liaison_deputy_level_label    (LiaisonDeputyLevel level);
const char *liaison_channel_to_code       (LiaisonChannel channel);
gboolean    liaison_channel_from_code     (const char *code, LiaisonChannel *channel);
const char *liaison_channel_label         (LiaisonChannel channel);
const char *liaison_sync_state_label      (LiaisonSyncState state);
/* What a card or a record's page says of its sync: NULL once synced,
 * which is nothing to tell; the label otherwise. */
const char *liaison_sync_state_note       (LiaisonSyncState state);

/* Accepts a code, an English label or a zh_CN label ("市", "city", "City"). */
gboolean    liaison_deputy_level_parse    (const char *text, LiaisonDeputyLevel *level);
gboolean    liaison_station_kind_parse    (const char *text, LiaisonStationKind *kind);
gboolean    liaison_channel_parse         (const char *text, LiaisonChannel *channel);

/* The fields every synced record has. */
typedef struct {
  gint64            id;          /* local rowid; 0 before the first save */
  char             *uuid;
  gint64            version;
  char             *updated_at;  /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  char             *origin_station_uuid;
  gboolean          deleted;
  LiaisonSyncState  sync_state;
  char             *sync_error;
} LiaisonRecordMeta;

typedef struct {
  LiaisonRecordMeta  meta;
  char              *name;
  LiaisonStationKind kind;
  char              *district;
  char              *address;   /* 地址; "" when none */
} LiaisonStation;

typedef struct {
  LiaisonRecordMeta  meta;
  char              *name;
} LiaisonDeputyGroup;

typedef struct {
  LiaisonRecordMeta   meta;
  char               *name;
  LiaisonDeputyLevel  level;
  gint64              group_id;    /* 0: none */
  gint64              station_id;  /* 0: none */
  char               *specialty;
  char               *phone;
  /* read-only, filled by queries */
  char               *group_name;
  char               *station_name;
} LiaisonDeputy;

typedef struct {
  gint64  id;
  char   *code;     /* "urban_construction" */
  char   *name;     /* English, a msgid */
  char   *name_zh;  /* zh_CN, for CSV and search */
} LiaisonCategory;

typedef struct {
  char     *name;       /* NULL or "" for anonymous */
  char     *phone;      /* NULL or "" for none */
  char     *community;  /* 社区 / 村 */
  int       party_size;
  gboolean  consent;    /* may be contacted */
} LiaisonVisitor;

typedef struct {
  LiaisonRecordMeta        meta;
  gint64                   reception_id;  /* 0: stands alone */
  gint64                   station_id;
  gint64                   category_id;
  char                    *title;
  char                    *content;
  char                    *raised_by;
  char                    *created_at;    /* UTC; the register move's time */
  LiaisonLoopKind          kind;          /* a citizen's item, or a deputy's suggestion (议案建议) */
  gint64                   deputy_id;     /* deputy_suggestion: the deputy who filed it; 0 otherwise */
  GArray                  *co_signer_ids; /* gint64 deputy ids; deputy_suggestion only; never NULL */
  gboolean                 motion;        /* deputy_suggestion: a motion (议案), not a suggestion (建议) */
  /* read-only, filled by queries */
  char                    *category_name;
  char                    *reception_received_at;
  char                    *station_name;
  char                    *deputy_name;   /* the filer of a deputy_suggestion */
  /* read-only: the loop, as cached from the replay of the events
   * (docs/closed-loop.md); rewritten whenever an event is added */
  LiaisonLoopStatus        status;
  guint                    round;
  GDate                    due_date;      /* invalid unless awaiting a reply */
  gboolean                 key_supervision;
  gboolean                 reopened;      /* the latest rating was unsatisfied */
  gboolean                 reply_unseen;  /* a reply arrived here and nobody opened the page yet */
  char                    *taken_up_by;   /* the deputy's name; NULL if nobody took it up */
  char                    *contact;       /* "张三 13812345678": the first visitor who agreed to be
                                           * contacted, for "tell the citizen"; NULL otherwise */
} LiaisonSuggestion;

/* A file kept with a reception (a photo or scan of the sign-in sheet, a
 * letter): addressed by the SHA-256 of its bytes, as reply attachments
 * are (app/store/liaison-store-attachments.h). */
typedef struct {
  char   *sha256;        /* lowercase hex */
  char   *name;          /* the file's name as attached, for display */
  char   *content_type;  /* what its bytes are (app/files/liaison-file-check.h) */
  gint64  size;
  GBytes *bytes;         /* the bytes while the reception is not saved with
                          * them yet; NULL for a file in the store */
} LiaisonReceptionFile;

typedef struct {
  LiaisonRecordMeta  meta;
  char              *received_at;   /* local time, "YYYY-MM-DD HH:MM" */
  gint64             station_id;
  LiaisonChannel     channel;
  gint64             category_id;
  char              *summary;
  gboolean           handled_on_spot;
  char              *handling;
  /* Where and at what a reception away from the venue was held (the
   * mobile desk, 流动办公桌: "渠沟镇太平村", "集市"); NULL or "" for none.
   * Kept whatever the channel, shown with the mobile desk's. */
  char              *place;
  char              *occasion;
  GArray            *deputy_ids;    /* gint64, at least one */
  GPtrArray         *visitors;      /* LiaisonVisitor *, at least one */
  GPtrArray         *suggestions;   /* LiaisonSuggestion *, linked to this reception */
  GPtrArray         *files;         /* LiaisonReceptionFile *, in the order attached;
                                     * NULL: saving leaves the reception's files as they are */
  /* read-only, filled by queries */
  char              *category_name;
  char              *station_name;
  char              *deputy_names;  /* joined with 、 */
} LiaisonReception;

/* Frees the strings of @meta, not @meta itself. */
void               liaison_record_meta_clear    (LiaisonRecordMeta *meta);
/* @to gets copies of @from's strings; whatever @to held is not freed. */
void               liaison_record_meta_copy     (LiaisonRecordMeta       *to,
                                                 const LiaisonRecordMeta *from);

LiaisonVisitor    *liaison_visitor_new          (void);
LiaisonVisitor    *liaison_visitor_copy         (const LiaisonVisitor *visitor);
void               liaison_visitor_free         (LiaisonVisitor *visitor);
LiaisonReception  *liaison_reception_new        (void);
/* The place and occasion as one line, "渠沟镇太平村 · 集市"; NULL when
 * neither is set. */
char              *liaison_reception_place_text (const LiaisonReception *reception);
void               liaison_reception_free       (LiaisonReception *reception);
LiaisonReceptionFile *liaison_reception_file_new  (void);
LiaisonReceptionFile *liaison_reception_file_copy (const LiaisonReceptionFile *file);
void               liaison_reception_file_free  (LiaisonReceptionFile *file);
/* A new array of copies of @files' (NULL for NULL). */
GPtrArray         *liaison_reception_files_copy (const GPtrArray *files);
LiaisonSuggestion *liaison_suggestion_new       (void);
void               liaison_suggestion_free      (LiaisonSuggestion *suggestion);
LiaisonDeputy     *liaison_deputy_new           (void);
void               liaison_deputy_free          (LiaisonDeputy *deputy);
LiaisonDeputyGroup *liaison_deputy_group_new    (void);
void               liaison_deputy_group_free    (LiaisonDeputyGroup *group);
LiaisonStation    *liaison_station_new          (void);
void               liaison_station_free         (LiaisonStation *station);
LiaisonCategory   *liaison_category_new         (void);
void               liaison_category_free        (LiaisonCategory *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonVisitor, liaison_visitor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonReception, liaison_reception_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonReceptionFile, liaison_reception_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSuggestion, liaison_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDeputy, liaison_deputy_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDeputyGroup, liaison_deputy_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonStation, liaison_station_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonCategory, liaison_category_free)

G_END_DECLS
