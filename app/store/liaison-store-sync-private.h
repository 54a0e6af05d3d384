/* liaison-store-sync-private.h: what the files of the store's side of
 * sync (liaison-store-sync*.c) share: the kinds of record, a decoded wire
 * record, a local row, and the steps one file takes and another calls. */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "liaison-store-private.h"
#include "liaison-store-sync.h"

G_BEGIN_DECLS

/* The kinds, in reference order: a record refers only to kinds before it
 * (an event names its suggestion, which comes before it in a page). */
typedef enum {
  KIND_LOOP_RULES,
  KIND_STATION,
  KIND_DEPUTY_GROUP,
  KIND_UNIT,
  KIND_CATEGORY,
  KIND_DEPUTY,
  KIND_RECEPTION,
  KIND_SUGGESTION,
  KIND_SUGGESTION_EVENT,
  KIND_ACTIVITY,     /* names deputies */
  KIND_DUTY_SHIFT,   /* names a station and a deputy */
  KIND_POINTS_RULES, /* names nothing */
  KIND_QUARTER_CLOSE, /* names deputies in its snapshot, as text only */
  KIND_PUBLISHED_REPORT,      /* names suggestions and stations, as text only */
  KIND_PUBLISHED_REPORT_PART, /* names its head: after it */
  KIND_ACCESS_LOG,            /* names records as text only */
  KIND_PURGE,                 /* names a reception as text only */
  KIND_DEPUTY_PIN,            /* names a deputy and a station as text only */
  KIND_ONLINE_SUBMISSION,     /* names a station and a category as text only */
  KIND_ONLINE_DECISION,       /* names its submission, reception and suggestion as text only */
  N_KINDS
} Kind;

/* Columns every kind's SELECT starts with (the table is aliased t). */
#define META_SELECT "t.id, t.uuid, t.version, t.updated_at, t.origin_station_uuid, t.deleted, t.server_version"
#define META_COLUMNS 7

typedef struct {
  const char      *name;
  const char      *table;
  /* NONE: each record belongs to the replica that recorded it (events) */
  LiaisonSyncRole  owner;
  /* SELECT META_SELECT, data columns ... FROM table t ... (no WHERE) */
  const char      *select;
} KindInfo;

extern const KindInfo liaison_store_sync_kinds[N_KINDS];

#define SETTING_ROLE       "sync_role"
#define SETTING_SERVER_URL "server_url"
#define SETTING_SERVER_ID  "server_id"
#define SETTING_CHECKPOINT "checkpoint"
#define SETTING_STATION    "station_uuid"
#define SETTING_SYNCED_AT  "synced_at"

/* A wire record that passed the checks. Borrows from its JsonObject. */
typedef struct {
  Kind        kind;
  JsonObject *object;
  const char *uuid;
  gint64      version;
  const char *updated_at;
  const char *origin;    /* NULL if none */
  gboolean    deleted;
  JsonObject *data;      /* NULL for a tombstone without data */
  guint       position;  /* in its page, from 1, for messages */
} Incoming;

/* A record's row here, as liaison_store_sync_find_local() reads it. */
typedef struct {
  gint64 id;
  gint64 version;
  gint64 server_version;
  int    sync_state;
} LocalRow;

static inline gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static inline gboolean
node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static inline const char *
data_string (JsonObject *data,
             const char *member)
{
  JsonNode *node = json_object_get_member (data, member);

  return node_is (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/* Binds @incoming's uuid, version, updated_at and origin (left NULL when
 * it has none) to ?1 to ?4 of @stmt, as every kind's write does. */
static inline void
bind_incoming_meta (sqlite3_stmt   *stmt,
                    const Incoming *incoming)
{
  sqlite3_bind_text (stmt, 1, incoming->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, incoming->version);
  sqlite3_bind_text (stmt, 3, incoming->updated_at, -1, SQLITE_TRANSIENT);
  if (incoming->origin != NULL)
    sqlite3_bind_text (stmt, 4, incoming->origin, -1, SQLITE_TRANSIENT);
}

/* liaison-store-sync.c */
gboolean    liaison_store_sync_kind_from_name (const char      *name,
                                               Kind            *kind);
gboolean    liaison_store_sync_role_pushes    (LiaisonSyncRole  role,
                                               Kind             kind);
gboolean    liaison_store_sync_set_checkpoint (LiaisonStore    *self,
                                               gint64           seq,
                                               GError         **error);

/* liaison-store-access-log.c: an access log entry as it arrives from
 * the server, written once; a copy here only learns the server has it. */
gboolean    liaison_store_sync_write_access   (LiaisonStore    *self,
                                               const Incoming  *incoming,
                                               GError         **error);

/* liaison-store-purge.c: a purge record as it arrives from the server,
 * kept once; the purge itself runs after the sync. */
gboolean    liaison_store_sync_write_purge    (LiaisonStore    *self,
                                               const Incoming  *incoming,
                                               GError         **error);
/* liaison-store-deputy-pin.c: a deputy's PIN record as it arrives from
 * the server; and whether @local's PIN was set after @server's (the
 * last one set wins a conflict). */
gboolean    liaison_store_sync_write_deputy_pin (LiaisonStore    *self,
                                                 const Incoming  *incoming,
                                                 GError         **error);
gboolean    liaison_store_sync_pin_is_newer   (JsonObject      *local,
                                               JsonObject      *server);

/* liaison-store-sync-online.c: an online submission or decision as it
 * arrives from the server; a decision of this desk's that lost to the
 * server's (@local, as sent or as it is here) takes back the reception
 * and suggestion its accepting made; the WHERE of a push's collection
 * that holds back, for @kind, what an accepting made until its decision
 * is acknowledged ("" for other kinds). */
gboolean    liaison_store_sync_write_online   (LiaisonStore    *self,
                                               const Incoming  *incoming,
                                               GError         **error);
gboolean    liaison_store_sync_online_lost    (LiaisonStore    *self,
                                               JsonObject      *local,
                                               JsonObject      *server,
                                               GError         **error);
const char *liaison_store_sync_online_held    (Kind             kind);

/* liaison-store-sync-encode.c */
JsonObject *liaison_store_sync_encode_local   (LiaisonStore    *self,
                                               Kind             kind,
                                               const char      *uuid,
                                               GError         **error);

/* liaison-store-sync-pull.c */
gboolean    liaison_store_sync_check_incoming (JsonNode        *node,
                                               guint            position,
                                               gboolean         wire_checked,
                                               Incoming        *incoming,
                                               GError         **error);

/* liaison-store-sync-write.c */
gboolean    liaison_store_sync_find_local     (LiaisonStore    *self,
                                               Kind             kind,
                                               const char      *uuid,
                                               LocalRow        *row,
                                               GError         **error);
gboolean    liaison_store_sync_write_incoming (LiaisonStore    *self,
                                               const Incoming  *incoming,
                                               gint64           local_id,
                                               GArray          *revive,
                                               GHashTable      *loop_touched,
                                               GError         **error);
/* The local id of @uuid in @kind's table, or an invisible stand-in's for
 * a record not received yet; 0 for a NULL @uuid, -1 on error. */
gint64      liaison_store_sync_resolve_or_stand_in (LiaisonStore  *self,
                                                    Kind           kind,
                                                    const char    *uuid,
                                                    GError       **error);

/* liaison-store-sync-duty.c: the duty record's kinds (activity,
 * duty_shift). */
gboolean    liaison_store_sync_encode_duty    (LiaisonStore    *self,
                                               Kind             kind,
                                               sqlite3_stmt    *stmt,
                                               JsonObject      *data,
                                               GError         **error);
gboolean    liaison_store_sync_write_duty     (LiaisonStore    *self,
                                               const Incoming  *incoming,
                                               gint64           local_id,
                                               GError         **error);

/* liaison-store-sync-published.c: a published report's head and parts,
 * their data kept as the record's data JSON. */
gboolean    liaison_store_sync_write_published (LiaisonStore    *self,
                                                const Incoming  *incoming,
                                                GError         **error);

/* liaison-store-sync-conflict.c */
gboolean    liaison_store_sync_settle_conflict (LiaisonStore     *self,
                                                LiaisonSyncRole   role,
                                                const Incoming   *server,
                                                const LocalRow   *row,
                                                JsonObject       *local,
                                                GHashTable       *loop_touched,
                                                GError          **error);

/* liaison-store-sync-touched.c */
GHashTable *liaison_store_sync_loop_touched_new (void);
void        liaison_store_sync_touch_loop       (GHashTable              *loop_touched,
                                                 const char              *uuid);
void        liaison_store_sync_touch_loop_reply (GHashTable              *loop_touched,
                                                 const char              *suggestion_uuid,
                                                 const char              *event_uuid);
void        liaison_store_sync_emit_touched     (LiaisonStore            *self,
                                                 const gboolean           touched[N_KINDS]);
void        liaison_store_sync_add_counts       (LiaisonSyncCounts       *counts,
                                                 const LiaisonSyncCounts *more);
gboolean    liaison_store_sync_refresh_loop_caches (LiaisonStore       *self,
                                                    GHashTable         *loop_touched,
                                                    const char         *this_station,
                                                    LiaisonSyncCounts  *counts,
                                                    gboolean            touched[N_KINDS],
                                                    GError            **error);

G_END_DECLS
