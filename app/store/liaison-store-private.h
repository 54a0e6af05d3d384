/* liaison-store-private.h: for core modules that extend the store. */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "liaison-db.h"
#include "liaison-figures.h"
#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and with its bindings cleared.
 * Owned by the store: do not finalize. */
sqlite3_stmt *liaison_store_prepare      (LiaisonStore  *self,
                                          const char    *sql,
                                          GError       **error);
/* The id in the first row of @sql, a query with one text parameter bound
 * to @text ("SELECT id FROM … WHERE uuid = ?"); 0 when there is none, when
 * @text is NULL or when the query fails. */
gint64        liaison_store_find_id      (LiaisonStore  *self,
                                          const char    *sql,
                                          const char    *text);
/* The columns every synced record has, as a SELECT list for table alias
 * @t, and reading them back from column @column on. */
#define LIAISON_RECORD_SELECT(t) t ".id, " t ".uuid, " t ".version, " t ".updated_at, " \
  t ".origin_station_uuid, " t ".deleted, " t ".sync_state, " t ".sync_error"
#define LIAISON_RECORD_SELECT_COLUMNS 8
void          liaison_store_read_record_meta (sqlite3_stmt      *stmt,
                                              int                column,
                                              LiaisonRecordMeta *meta);

/* Schema 18: the Online inbox's tables (liaison-store-online.c). */
extern const char liaison_store_online_migration[];

/* Brings the schema up to LIAISON_STORE_SCHEMA_VERSION, in one
 * transaction (liaison-store-schema.c). */
gboolean      liaison_store_migrate      (LiaisonStore  *self,
                                          GError       **error);

/* Binds @text, "" for NULL; @text or SQL NULL; an id, NULL for 0
 * (liaison-store-records.c). */
void          liaison_store_bind_text    (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
void          liaison_store_bind_text_or_null (sqlite3_stmt *stmt,
                                               int           index,
                                               const char   *text);
void          liaison_store_bind_id_or_null (sqlite3_stmt *stmt,
                                             int           index,
                                             gint64        id);
/* Starts writing a record: a new one (id 0) gets its meta and @insert_sql,
 * an existing one a new version and @update_sql. Both statements take the
 * meta as ?1 uuid, ?2 version, ?3 updated_at, ?4 origin, ?5 sync_state; the
 * caller binds its own columns after them, and the id for an update. */
sqlite3_stmt *liaison_store_begin_record_write (LiaisonStore       *self,
                                                LiaisonRecordMeta  *meta,
                                                const char         *insert_sql,
                                                const char         *update_sql,
                                                GError            **error);
/* Runs the write begun above. A new record learns its id; an update must
 * have found its live row, or the record was deleted meanwhile (@gone). A
 * broken reference is reported as @bad_reference when given. */
gboolean      liaison_store_end_record_write (LiaisonStore       *self,
                                              sqlite3_stmt       *stmt,
                                              LiaisonRecordMeta  *meta,
                                              gboolean            is_new,
                                              const char         *failed,
                                              const char         *gone,
                                              const char         *bad_reference,
                                              GError            **error);
/* Fills in the station a record belongs to: this one, unless it says. */
gboolean      liaison_store_resolve_station (LiaisonStore  *self,
                                             gint64        *station_id,
                                             GError       **error);

/* Writes @suggestion (new or edited) and refreshes its loop cache, inside
 * the caller's transaction (liaison-store-suggestions.c). */
gboolean      liaison_store_write_suggestion (LiaisonStore       *self,
                                              LiaisonSuggestion  *suggestion,
                                              GError            **error);
/* The live suggestions raised at a reception, in order. */
GPtrArray    *liaison_store_list_suggestions_of_reception (LiaisonStore  *self,
                                                           gint64         reception_id,
                                                           GError       **error);

/* The receptions' SELECT, for table alias r: the list columns and the
 * first visitor (alias v). */
#define LIAISON_RECEPTION_SELECT                                                       \
  "SELECT " LIAISON_RECORD_SELECT ("r") ", r.received_at, r.station_id, r.channel,"     \
  " r.category_id, r.summary, r.handled_on_spot, r.handling, c.name, s.name,"   \
  " (SELECT group_concat(name, '、') FROM (SELECT d.name FROM reception_deputies rd" \
  "   JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = r.id ORDER BY d.name))," \
  " v.name, v.phone, v.community, v.party_size, v.consent, r.place, r.occasion" \
  " FROM receptions r"                                                         \
  " JOIN categories c ON c.id = r.category_id"                                 \
  " LEFT JOIN stations s ON s.id = r.station_id"                               \
  " LEFT JOIN reception_visitors v ON v.reception_id = r.id AND v.position = 0"
/* A LiaisonReception from the row of the receptions' SELECT, with its first
 * visitor (liaison-store-receptions.c). */
gpointer      liaison_store_read_reception (sqlite3_stmt *stmt);
/* Reads @reception's visitors, deputies and suggestions. */
gboolean      liaison_store_read_reception_children (LiaisonStore      *self,
                                                     LiaisonReception  *reception,
                                                     GError           **error);
/* A page of the receptions @filter lists, newest first unless
 * @oldest_first. @n_matches: how many rows the filter matches, when the
 * caller knows (0 if not); it only chooses the query plan. */
GPtrArray    *liaison_store_list_reception_page (LiaisonStore                 *self,
                                                 const LiaisonReceptionFilter *filter,
                                                 guint                         offset,
                                                 guint                         limit,
                                                 gboolean                      oldest_first,
                                                 guint                         n_matches,
                                                 GError                      **error);

/* A reception's visitors and deputies (liaison-store-visitors.c), for the
 * station's saves and reads and for the records pulled and pushed alike. */

/* A LiaisonVisitor from columns name, phone, community, party_size,
 * consent of @stmt, from @column on. */
LiaisonVisitor *liaison_store_read_visitor (sqlite3_stmt *stmt,
                                            int           column);
/* A LiaisonRowFunc (liaison-db.h): adds the visitor of the row, from
 * column 0 on, to @visitors, a GPtrArray. */
void            liaison_store_row_add_visitor (sqlite3_stmt *stmt,
                                               gpointer      visitors);
/* Appends @reception_id's visitors (LiaisonVisitor *), in order, to
 * @visitors. */
gboolean      liaison_store_read_reception_visitors (LiaisonStore  *self,
                                                     gint64         reception_id,
                                                     GPtrArray     *visitors,
                                                     GError       **error);
/* Appends the ids of @reception_id's deputies, by name (as the station
 * shows them), to @deputy_ids (gint64). */
gboolean      liaison_store_read_reception_deputy_ids (LiaisonStore  *self,
                                                       gint64         reception_id,
                                                       GArray        *deputy_ids,
                                                       GError       **error);
/* Appends the uuids of @reception_id's deputies, by uuid (as the wire
 * lists them), to @deputy_uuids (char *, which the caller frees). */
gboolean      liaison_store_read_reception_deputy_uuids (LiaisonStore  *self,
                                                         gint64         reception_id,
                                                         GPtrArray     *deputy_uuids,
                                                         GError       **error);
/* Replaces a reception's visitors with @visitors (LiaisonVisitor *) and
 * forgets its deputies, for the caller to add again. */
gboolean      liaison_store_replace_visitors (LiaisonStore  *self,
                                              gint64         reception_id,
                                              GPtrArray     *visitors,
                                              GError       **error);
/* Adds @visitors to a reception that has none yet (one just written). */
gboolean      liaison_store_insert_visitors  (LiaisonStore  *self,
                                              gint64         reception_id,
                                              GPtrArray     *visitors,
                                              GError       **error);
/* The local ids a pulled page has looked up so far, by "KIND:UUID"
 * (liaison-store-sync-write.c), while that page is written; NULL when no
 * page is. liaison_store_set_sync_ids() takes @ids. */
GHashTable   *liaison_store_get_sync_ids     (LiaisonStore  *self);
void          liaison_store_set_sync_ids     (LiaisonStore  *self,
                                              GHashTable    *ids);
/* Masks each phone of @visitors (LiaisonVisitor *) in place, as
 * app/privacy does: a headquarters desk keeps them so (docs/privacy.md,
 * "Headquarters and contacts"). */
void          liaison_store_mask_visitor_phones (GPtrArray   *visitors);
/* At a headquarters desk, once: masks every visitor's phone the file still
 * holds in full (pulled before liaison-hq masked them), with
 * secure_delete on, and checkpoints the WAL, so that the numbers leave the
 * file. Nothing to do at a station, or once done. */
gboolean      liaison_store_mask_hq_phones      (LiaisonStore  *self,
                                                 GError       **error);
/* Adds the deputies @deputy_ids (gint64) to @reception_id's. A deputy not
 * on the roster is LIAISON_STORE_ERROR_INVALID; another failure says
 * @failed and why. */
gboolean      liaison_store_add_reception_deputies (LiaisonStore  *self,
                                                    gint64         reception_id,
                                                    GArray        *deputy_ids,
                                                    const char    *failed,
                                                    GError       **error);

/* The deputy whose PIN was entered at this desk since the store was
 * opened, or NULL: only liaison_store_verify_deputy_pin() and
 * liaison_store_set_deputy_pin() set it (and the demo generator, which
 * writes a history that already happened); a deputy's move made here is
 * refused without it (liaison-store-loop-moves.c). */
const char   *liaison_store_get_verified_deputy (LiaisonStore *self);
void          liaison_store_set_verified_deputy (LiaisonStore *self,
                                                 const char   *deputy_uuid);

/* The settings table: NULL when @key is not set; setting NULL removes it. */
char         *liaison_store_get_setting  (LiaisonStore  *self,
                                          const char    *key);
gboolean      liaison_store_set_setting  (LiaisonStore  *self,
                                          const char    *key,
                                          const char    *value,
                                          GError       **error);


/* A LIKE pattern (ESCAPE '\\') that matches @text anywhere. */
char         *liaison_store_like_pattern (const char    *text);

/* The store's liaison_db_step_rows() (liaison-db.h). */
gboolean      liaison_store_step_rows    (LiaisonStore     *self,
                                          sqlite3_stmt     *stmt,
                                          LiaisonRowFunc    each,
                                          gpointer          data,
                                          const char       *failed,
                                          GError          **error);
/* The store's liaison_db_collect_rows() (liaison-db.h). */
GPtrArray    *liaison_store_collect_rows (LiaisonStore     *self,
                                          sqlite3_stmt     *stmt,
                                          LiaisonRowReader  read,
                                          GDestroyNotify    free_func,
                                          const char       *failed,
                                          GError          **error);
/* Sets @error from the connection's last error, prefixed with @what. */
void          liaison_store_set_error    (LiaisonStore  *self,
                                          GError       **error,
                                          const char    *what);
/* Steps @stmt, a write, and resets it; FALSE, with @error saying @what and
 * why, unless it ran to the end. */
gboolean      liaison_store_step_done    (LiaisonStore  *self,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);
/* Steps @stmt, a "SELECT count(*)", and resets it; 0, with @error saying
 * @what and why, if it fails. */
guint         liaison_store_step_count   (LiaisonStore  *self,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);
/* Keeps @bytes as an attachment (liaison-store-attachments.h) and returns
 * their SHA-256; @at_server: as fetched from the server, not to be sent. */
char         *liaison_store_keep_attachment (LiaisonStore  *self,
                                             GBytes        *bytes,
                                             gboolean       at_server,
                                             GError       **error);
sqlite3      *liaison_store_get_handle   (LiaisonStore  *self);
void          liaison_store_emit_changed (LiaisonStore  *self,
                                          const char    *table);
/* "YYYY-MM-DDTHH:MM:SSZ", now. */
char         *liaison_store_now_utc      (void);
/* The visitors' names and communities as kept in receptions.visitors_text
 * (for search and the list), so that every writer of receptions agrees. */
char         *liaison_store_visitors_text (const LiaisonReception *reception);

/* The closed loop's files (liaison-store-loop*.c). */

/* A JSON object from @text, kept in a column or come over sync: checked
 * for depth before json-glib recurses into it. Owned by @parser. */
JsonObject   *liaison_store_parse_object (JsonParser  *parser,
                                          const char  *text,
                                          GError     **error);
/* What the register move is made of: the suggestion record itself. */
typedef struct {
  gint64           id;
  char            *uuid;
  char            *station_uuid;
  LiaisonLoopKind  kind;
  char            *raised_by;
  char            *created_at;
  char            *co_signers;   /* JSON array of uuids */
  char            *filer_name;
  char            *station_name;
} LiaisonLoopHead;

void          liaison_store_loop_head_free (LiaisonLoopHead *head);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonLoopHead, liaison_store_loop_head_free)
/* The live suggestion @id, or with @uuid (any, tombstones too); NULL and
 * @error NOT_FOUND when there is none, or FAILED. */
LiaisonLoopHead *liaison_store_load_loop_head (LiaisonStore  *self,
                                               gint64         id,
                                               const char    *uuid,
                                               GError       **error);
/* The timeline, register move first; @refused (may be NULL) gets the uuids
 * of the moves made here that the server refused, read in the same pass. */
GPtrArray    *liaison_store_load_timeline (LiaisonStore           *self,
                                           const LiaisonLoopHead  *head,
                                           GPtrArray              *refused,
                                           GError                **error);
/* liaison_loop_replay() of @events without the moves in @refused, which
 * go to ->rejected (liaison_store_replay_timeline()). */
LiaisonLoopState *liaison_store_replay_without (GPtrArray *events,
                                                GPtrArray *refused);

/* Rewrites the loop columns of the suggestion @suggestion_uuid (status,
 * loop_round, due_date, key_supervision, reopened, taken_up_by_id, and for
 * the figures registered_on, last_rating, n_replies, n_late_replies) from
 * the replay of its timeline; nothing when there is no such suggestion (its
 * events came first). Inside the caller's transaction. Emits nothing. */
gboolean      liaison_store_refresh_loop_cache (LiaisonStore *self,
                                                const char   *suggestion_uuid,
                                                GError      **error);
/* The same, giving the replay's state too (NULL when there is no such
 * suggestion yet). */
gboolean      liaison_store_refresh_loop_cache_full (LiaisonStore      *self,
                                                     const char        *suggestion_uuid,
                                                     LiaisonLoopState **state,
                                                     GError           **error);

/* @object as compact JSON text, as the store keeps it in a column. */
char         *liaison_store_json_text (JsonObject *object);

/* Records @event (as liaison_store_add_suggestion_event() does: the same
 * rule check, the same cache refresh) as if it had been pulled from
 * headquarters: already synced, and whatever role this replica has. For
 * the demo, which writes the other side's moves into one file. */
gboolean      liaison_store_add_received_event (LiaisonStore     *self,
                                                gint64            suggestion_id,
                                                LiaisonLoopEvent *event,
                                                GError          **error);

/* Every LiaisonSuggestion field, the loop cache included, for table alias
 * g; and its row reader (a LiaisonSuggestion *). */
#define LIAISON_SUGGESTION_SELECT                                                \
  "SELECT " LIAISON_RECORD_SELECT ("g") ", g.reception_id, g.station_id, g.category_id," \
  " g.title, g.content, g.raised_by, g.created_at, c.name, r.received_at,"        \
  " g.kind, g.deputy_id,"                                                         \
  " (SELECT group_concat (id) FROM (SELECT d.id FROM json_each (g.co_signers) j"  \
  "   JOIN deputies d ON d.uuid = j.value ORDER BY j.key)),"                      \
  " st.name, fd.name, g.status, g.loop_round, g.due_date, g.key_supervision,"     \
  " g.reopened, g.reply_unseen, td.name,"                                         \
  " (SELECT trim (v.name || ' ' || v.phone) FROM reception_visitors v"            \
  "   WHERE v.reception_id = g.reception_id AND v.consent = 1"                    \
  "   ORDER BY v.position LIMIT 1), g.motion"                                     \
  " FROM suggestions g JOIN categories c ON c.id = g.category_id"                 \
  " LEFT JOIN receptions r ON r.id = g.reception_id"                              \
  " LEFT JOIN stations st ON st.id = g.station_id"                                \
  " LEFT JOIN deputies fd ON fd.id = g.deputy_id"                                 \
  " LEFT JOIN deputies td ON td.id = g.taken_up_by_id"
gpointer      liaison_store_read_suggestion (sqlite3_stmt *stmt);

/* Adds @count suggestions alike to @figures, by the figures' own rules
 * (liaison_figures_compute() on one state standing for them), from the
 * row of @stmt: status, last_rating, key_supervision, n_replies,
 * n_late_replies and @count in columns 0 to 5 (liaison-store-loop-lists.c).
 * Their deadline is left out: overdue and due soon are the caller's to
 * count. Every query of the figures reads its groups with this. */
void          liaison_store_add_figures_group (LiaisonFigures *figures,
                                               sqlite3_stmt   *stmt,
                                               const GDate    *day);
/* The same, the group given as @state's status, rated and last_rating,
 * key_supervision, n_replies and n_late_replies (its dates are set here). */
void          liaison_store_add_figures_state (LiaisonFigures   *figures,
                                               LiaisonLoopState *state,
                                               guint             count,
                                               const GDate      *day);

G_END_DECLS
