/* liaison-store-online.c: the Online inbox (liaison-store-online.h): the
 * submissions pulled from the server, their decisions, accepting one as
 * a reception with its suggestion, and declining one. Schema 18. */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-loop-wire.h"
#include "liaison-online-wire.h"
#include "liaison-store-online.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-validate.h"

/* online_submissions: the columns of the contract (docs/online.md), then
 * the sync's bookkeeping (an id for the sync's generic steps, kept by the
 * pull's write). online_decisions: the decision records, this station's
 * own and those pulled from its other desks, mirrored into their
 * submission's row by trigger, whichever comes first. IF NOT EXISTS:
 * a test's store taken back to an older schema keeps them. */
const char liaison_store_online_migration[] =
  "CREATE TABLE IF NOT EXISTS online_submissions (\n"
  "  uuid TEXT PRIMARY KEY,\n"
  "  station TEXT NOT NULL,\n"
  "  category TEXT NOT NULL,\n"
  "  title TEXT NOT NULL,\n"
  "  content TEXT NOT NULL DEFAULT '',\n"
  "  name TEXT,\n"
  "  phone TEXT,\n"
  "  community TEXT,\n"
  "  consent INTEGER NOT NULL DEFAULT 0,\n"
  "  submitted_at TEXT NOT NULL,\n"
  "  decision TEXT CHECK (decision IS NULL OR decision IN ('accepted', 'declined')),\n"
  "  reason TEXT,\n"
  "  note TEXT,\n"
  "  reception TEXT,\n"
  "  suggestion TEXT,\n"
  "  decided_at TEXT,\n"
  "  decided_by TEXT,\n"
  "  id INTEGER UNIQUE,\n"
  "  version INTEGER NOT NULL DEFAULT 1,\n"
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT NOT NULL DEFAULT '',\n"
  "  origin_station_uuid TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),\n"
  "  sync_state INTEGER NOT NULL DEFAULT 0,\n"
  "  sync_error TEXT\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS online_submissions_by_time ON online_submissions (submitted_at);\n"
  "CREATE INDEX IF NOT EXISTS online_submissions_by_station ON online_submissions (station, submitted_at);\n"
  "CREATE INDEX IF NOT EXISTS online_submissions_by_sync_state ON online_submissions (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TABLE IF NOT EXISTS online_decisions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  uuid TEXT NOT NULL UNIQUE,\n"
  "  version INTEGER NOT NULL DEFAULT 1,\n"
  "  updated_at TEXT NOT NULL,\n"
  "  origin_station_uuid TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),\n"
  "  sync_state INTEGER NOT NULL DEFAULT 1,\n"
  "  sync_error TEXT,\n"
  "  server_version INTEGER NOT NULL DEFAULT 0,\n"
  "  submission TEXT NOT NULL UNIQUE,\n"
  "  station TEXT NOT NULL,\n"
  "  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'declined')),\n"
  "  reason TEXT,\n"
  "  note TEXT,\n"
  "  reception TEXT,\n"
  "  suggestion TEXT,\n"
  "  decided_at TEXT NOT NULL,\n"
  "  decided_by TEXT\n"
  ");\n"
  "CREATE INDEX IF NOT EXISTS online_decisions_by_sync_state ON online_decisions (sync_state) WHERE sync_state <> 0;\n"
  "CREATE TRIGGER IF NOT EXISTS online_decisions_mirror_insert AFTER INSERT ON online_decisions BEGIN\n"
  "  UPDATE online_submissions SET decision = NEW.decision, reason = nullif (NEW.reason, ''),\n"
  "    note = nullif (NEW.note, ''), reception = nullif (NEW.reception, ''),\n"
  "    suggestion = nullif (NEW.suggestion, ''), decided_at = NEW.decided_at,\n"
  "    decided_by = nullif (NEW.decided_by, '') WHERE uuid = NEW.submission;\n"
  "END;\n"
  "CREATE TRIGGER IF NOT EXISTS online_decisions_mirror_update AFTER UPDATE ON online_decisions BEGIN\n"
  "  UPDATE online_submissions SET decision = NEW.decision, reason = nullif (NEW.reason, ''),\n"
  "    note = nullif (NEW.note, ''), reception = nullif (NEW.reception, ''),\n"
  "    suggestion = nullif (NEW.suggestion, ''), decided_at = NEW.decided_at,\n"
  "    decided_by = nullif (NEW.decided_by, '') WHERE uuid = NEW.submission;\n"
  "END;\n"
  "CREATE TRIGGER IF NOT EXISTS online_submissions_mirror AFTER INSERT ON online_submissions BEGIN\n"
  "  UPDATE online_submissions SET (decision, reason, note, reception, suggestion, decided_at, decided_by) =\n"
  "    (SELECT d.decision, nullif (d.reason, ''), nullif (d.note, ''), nullif (d.reception, ''),\n"
  "     nullif (d.suggestion, ''), d.decided_at, nullif (d.decided_by, '')\n"
  "     FROM online_decisions d WHERE d.submission = NEW.uuid)\n"
  "  WHERE uuid = NEW.uuid AND EXISTS (SELECT 1 FROM online_decisions d WHERE d.submission = NEW.uuid);\n"
  "END;\n";

static const struct {
  const char *code;
  const char *label;
} decline_reasons[] = {
  [LIAISON_ONLINE_DECLINE_SPAM] = { LIAISON_ONLINE_REASON_SPAM, N_("Spam or advertising") },
  [LIAISON_ONLINE_DECLINE_DUPLICATE] = { LIAISON_ONLINE_REASON_DUPLICATE, N_("Duplicate of an earlier matter") },
  [LIAISON_ONLINE_DECLINE_OUT_OF_REMIT] = { LIAISON_ONLINE_REASON_OUT_OF_REMIT, N_("Not within the station’s remit") },
};

const char *
liaison_online_decline_reason_to_code (LiaisonOnlineDeclineReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (decline_reasons), NULL);
  return decline_reasons[reason].code;
}

gboolean
liaison_online_decline_reason_from_code (const char                 *code,
                                         LiaisonOnlineDeclineReason *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (decline_reasons); i++)
    if (g_strcmp0 (code, decline_reasons[i].code) == 0)
      {
        if (reason != NULL)
          *reason = i;
        return TRUE;
      }
  return FALSE;
}

const char *
liaison_online_decline_reason_label (LiaisonOnlineDeclineReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (decline_reasons), NULL);
  return _(decline_reasons[reason].label);
}

void
liaison_online_submission_free (LiaisonOnlineSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->uuid);
  g_free (submission->station);
  g_free (submission->station_name);
  g_free (submission->category);
  g_free (submission->category_name);
  g_free (submission->title);
  g_free (submission->content);
  g_free (submission->name);
  g_free (submission->phone);
  g_free (submission->community);
  g_free (submission->submitted_at);
  g_free (submission->note);
  g_free (submission->reception);
  g_free (submission->suggestion);
  g_free (submission->decided_at);
  g_free (submission->decided_by);
  g_free (submission);
}

#define SUBMISSION_SELECT                                                              \
  "SELECT o.uuid, o.station, s.name, o.category, c.name, o.title, o.content, o.name,"  \
  " o.phone, o.community, o.consent, o.submitted_at, o.decision, o.reason, o.note,"     \
  " o.reception, o.suggestion, o.decided_at, o.decided_by FROM online_submissions o"   \
  " LEFT JOIN stations s ON s.uuid = o.station AND s.deleted = 0"                      \
  " LEFT JOIN categories c ON c.uuid = o.category AND c.deleted = 0"

static gpointer
read_submission (sqlite3_stmt *stmt)
{
  LiaisonOnlineSubmission *submission = g_new0 (LiaisonOnlineSubmission, 1);
  const char *category_name = (const char *) sqlite3_column_text (stmt, 4);
  const char *decision = (const char *) sqlite3_column_text (stmt, 12);

  submission->uuid = liaison_db_column_text (stmt, 0);
  submission->station = liaison_db_column_text (stmt, 1);
  submission->station_name = liaison_db_column_text_or_null (stmt, 2);
  submission->category = liaison_db_column_text (stmt, 3);
  submission->category_name = category_name != NULL && *category_name != '\0'
                              ? g_strdup (g_dgettext (GETTEXT_PACKAGE, category_name)) : NULL;
  submission->title = liaison_db_column_text (stmt, 5);
  submission->content = liaison_db_column_text (stmt, 6);
  submission->name = liaison_db_column_text_or_null (stmt, 7);
  submission->phone = liaison_db_column_text_or_null (stmt, 8);
  submission->community = liaison_db_column_text_or_null (stmt, 9);
  submission->consent = sqlite3_column_int (stmt, 10) != 0;
  submission->submitted_at = liaison_db_column_text (stmt, 11);
  if (g_strcmp0 (decision, LIAISON_ONLINE_DECISION_ACCEPTED) == 0)
    submission->state = LIAISON_ONLINE_ACCEPTED;
  else if (g_strcmp0 (decision, LIAISON_ONLINE_DECISION_DECLINED) == 0)
    submission->state = LIAISON_ONLINE_DECLINED;
  else
    submission->state = LIAISON_ONLINE_PENDING;
  liaison_online_decline_reason_from_code ((const char *) sqlite3_column_text (stmt, 13), &submission->reason);
  submission->note = liaison_db_column_text_or_null (stmt, 14);
  submission->reception = liaison_db_column_text_or_null (stmt, 15);
  submission->suggestion = liaison_db_column_text_or_null (stmt, 16);
  submission->decided_at = liaison_db_column_text_or_null (stmt, 17);
  submission->decided_by = liaison_db_column_text_or_null (stmt, 18);
  return submission;
}

GPtrArray *
liaison_store_list_online_submissions (LiaisonStore  *self,
                                       const char    *station,
                                       gboolean       pending_only,
                                       GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, SUBMISSION_SELECT
    " WHERE o.deleted = 0 AND (?1 IS NULL OR o.station = ?1) AND (?2 = 0 OR o.decision IS NULL)"
    " ORDER BY o.submitted_at DESC, o.uuid", error);
  if (stmt == NULL)
    return NULL;
  if (station != NULL)
    sqlite3_bind_text (stmt, 1, station, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, pending_only ? 1 : 0);
  return liaison_store_collect_rows (self, stmt, read_submission, (GDestroyNotify) liaison_online_submission_free,
                                     _("Could not read the online submissions"), error);
}

LiaisonOnlineSubmission *
liaison_store_get_online_submission (LiaisonStore  *self,
                                     const char    *uuid,
                                     GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  stmt = liaison_store_prepare (self, SUBMISSION_SELECT " WHERE o.uuid = lower (?1) AND o.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid != NULL ? uuid : "", -1, SQLITE_TRANSIENT);
  rows = liaison_store_collect_rows (self, stmt, read_submission, (GDestroyNotify) liaison_online_submission_free,
                                     _("Could not read the online submissions"), error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an online submission's ID */
                   _("There is no online submission “%s” at this desk."), uuid != NULL ? uuid : "");
      return NULL;
    }
  return g_steal_pointer (&rows->pdata[0]);
}

/* Whether this desk may decide on @submission: a station's desk, on a
 * pending submission of its own station. */
static gboolean
check_decidable (LiaisonStore                   *self,
                 const LiaisonOnlineSubmission  *submission,
                 GError                        **error)
{
  g_autofree char *here = NULL;

  if (submission->state == LIAISON_ONLINE_ACCEPTED)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This online submission was already accepted; nothing was changed."));
      return FALSE;
    }
  if (submission->state == LIAISON_ONLINE_DECLINED)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This online submission was already declined; nothing was changed."));
      return FALSE;
    }
  if (liaison_store_get_sync_role (self) == LIAISON_SYNC_ROLE_HQ)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                           _("Headquarters does not accept or decline online submissions: the station the citizen chose does."));
      return FALSE;
    }
  here = liaison_store_get_setting (self, "station_uuid");
  if (g_strcmp0 (here, submission->station) != 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a station's name */
                   _("This online submission was sent to another station (%s); only that station can accept or decline it."),
                   submission->station_name != NULL ? submission->station_name : submission->station);
      return FALSE;
    }
  return TRUE;
}

/* The decision record on @submission, pending for the push; the trigger
 * mirrors it into the submission's row. */
static gboolean
write_decision (LiaisonStore                   *self,
                const LiaisonOnlineSubmission  *submission,
                const char                     *decision,
                const char                     *reason,
                const char                     *note,
                const char                     *reception,
                const char                     *suggestion,
                const char                     *actor,
                GError                        **error)
{
  g_autofree char *uuid = liaison_online_decision_uuid (submission->uuid);
  g_autofree char *now = liaison_store_now_utc ();
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO online_decisions (uuid, version, updated_at, origin_station_uuid, sync_state, submission,"
    " station, decision, reason, note, reception, suggestion, decided_at, decided_by)"
    " VALUES (?1, 1, ?2, ?3, 1, ?4, ?3, ?5, ?6, ?7, ?8, ?9, ?2, ?10)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, submission->station, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, submission->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, decision, -1, SQLITE_STATIC);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_STATIC);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 7, note, -1, SQLITE_TRANSIENT);
  if (reception != NULL)
    sqlite3_bind_text (stmt, 8, reception, -1, SQLITE_TRANSIENT);
  if (suggestion != NULL)
    sqlite3_bind_text (stmt, 9, suggestion, -1, SQLITE_TRANSIENT);
  /* Within what the wire lets a name hold. */
  if (actor != NULL && *actor != '\0')
    {
      g_autofree char *name = g_utf8_substring (actor, 0, MIN (g_utf8_strlen (actor, -1), LIAISON_MAX_NAME_CHARS));

      sqlite3_bind_text (stmt, 10, name, -1, SQLITE_TRANSIENT);
    }
  return liaison_store_step_done (self, stmt, _("Could not save the decision on the online submission"), error);
}

/* The local time of wire time @at, as a reception's received_at. */
static char *
local_time_of (const char *at)
{
  g_autoptr(GDateTime) utc = liaison_loop_parse_at (at);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gint64
category_id_of (LiaisonStore *self,
                const char   *uuid)
{
  return liaison_store_find_id (self, "SELECT id FROM categories WHERE uuid = ? AND deleted = 0", uuid);
}

/* The reception (channel online) and its suggestion that accepting
 * @submission makes, not saved yet. */
static LiaisonReception *
reception_of (LiaisonStore                   *self,
              const LiaisonOnlineSubmission  *submission,
              GError                        **error)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();

  reception->station_id = liaison_store_find_station_by_uuid (self, submission->station);
  reception->category_id = category_id_of (self, submission->category);
  reception->received_at = local_time_of (submission->submitted_at);
  reception->channel = LIAISON_CHANNEL_ONLINE;
  reception->summary = g_strdup (submission->title);
  visitor->name = g_strdup (submission->name != NULL ? submission->name : "");
  visitor->phone = g_strdup (submission->phone != NULL ? submission->phone : "");
  visitor->community = g_strdup (submission->community != NULL ? submission->community : "");
  visitor->party_size = 1;
  visitor->consent = submission->consent && submission->phone != NULL;
  g_ptr_array_add (reception->visitors, visitor);

  suggestion->station_id = reception->station_id;
  suggestion->category_id = reception->category_id;
  suggestion->title = g_strdup (submission->title);
  /* What the citizen wrote; the title, if they wrote nothing more. */
  suggestion->content = g_strdup (!liaison_text_is_blank (submission->content) ? submission->content
                                                                                : submission->title);
  suggestion->raised_by = g_strdup (submission->name != NULL ? submission->name : "");
  suggestion->kind = LIAISON_LOOP_KIND_PUBLIC_OPINION;
  g_ptr_array_add (reception->suggestions, suggestion);

  if (reception->station_id <= 0 || reception->category_id <= 0 || reception->received_at == NULL)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This online submission names a station or category this desk does not have yet; sync, then try again."));
      return NULL;
    }
  return g_steal_pointer (&reception);
}

gboolean
liaison_store_accept_online_submission (LiaisonStore  *self,
                                        const char    *uuid,
                                        const char    *actor,
                                        char         **reception_uuid,
                                        char         **suggestion_uuid,
                                        GError       **error)
{
  g_autoptr(LiaisonOnlineSubmission) submission = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  const LiaisonSuggestion *suggestion;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if (!liaison_store_begin (self, error))
    return FALSE;
  submission = liaison_store_get_online_submission (self, uuid, error);
  if (submission == NULL || !check_decidable (self, submission, error))
    goto failed;
  reception = reception_of (self, submission, error);
  if (reception == NULL || !liaison_store_save_reception (self, reception, error))
    goto failed;
  suggestion = g_ptr_array_index (reception->suggestions, 0);
  if (!write_decision (self, submission, LIAISON_ONLINE_DECISION_ACCEPTED, NULL, NULL,
                       reception->meta.uuid, suggestion->meta.uuid, actor, error))
    goto failed;
  liaison_store_emit_changed (self, "suggestions");
  liaison_store_emit_changed (self, "online");
  if (!liaison_store_commit (self, error))
    return FALSE;
  if (reception_uuid != NULL)
    *reception_uuid = g_strdup (reception->meta.uuid);
  if (suggestion_uuid != NULL)
    *suggestion_uuid = g_strdup (suggestion->meta.uuid);
  return TRUE;

failed:
  liaison_store_rollback (self);
  return FALSE;
}

gboolean
liaison_store_decline_online_submission (LiaisonStore                *self,
                                         const char                  *uuid,
                                         LiaisonOnlineDeclineReason   reason,
                                         const char                  *note,
                                         const char                  *actor,
                                         GError                     **error)
{
  g_autoptr(LiaisonOnlineSubmission) submission = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  if ((guint) reason >= G_N_ELEMENTS (decline_reasons))
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("Choose why the online submission is declined: spam, a duplicate, or not within the station’s remit."));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > LIAISON_MAX_HANDLING_CHARS)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("The note may be at most %d characters long."), LIAISON_MAX_HANDLING_CHARS);
      return FALSE;
    }
  if (!liaison_store_begin (self, error))
    return FALSE;
  submission = liaison_store_get_online_submission (self, uuid, error);
  if (submission == NULL || !check_decidable (self, submission, error) ||
      !write_decision (self, submission, LIAISON_ONLINE_DECISION_DECLINED, decline_reasons[reason].code,
                       trimmed, NULL, NULL, actor, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  liaison_store_emit_changed (self, "online");
  return liaison_store_commit (self, error);
}
