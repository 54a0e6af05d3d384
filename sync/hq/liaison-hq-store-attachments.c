/* liaison-hq-store-attachments.c: who may read which attachment, and each
 * station's uploads per day. */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-hq-store-attachments.h"
#include "liaison-hq-store-private.h"
#include "liaison-protocol.h"

#define UPLOADER_HQ "hq"

static const char attachments_schema[] =
  /* Who uploaded each whole file: a station's uuid or "hq". A file is
   * stored once, by hash; every uploader that sent its bytes is here. */
  "CREATE TABLE IF NOT EXISTS attachment_uploads (\n"
  "  sha256 TEXT NOT NULL,\n"
  "  uploader TEXT NOT NULL,\n"
  "  token_id TEXT NOT NULL,\n"
  "  at TEXT NOT NULL,\n"
  "  PRIMARY KEY (sha256, uploader)\n"
  ") WITHOUT ROWID;\n"
  /* Per uploader and server-local day: files completed, bytes received. */
  "CREATE TABLE IF NOT EXISTS attachment_usage (\n"
  "  uploader TEXT NOT NULL,\n"
  "  day TEXT NOT NULL,\n"
  "  files INTEGER NOT NULL DEFAULT 0,\n"
  "  bytes INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (uploader, day)\n"
  ") WITHOUT ROWID;\n";

/* Files uploaded before uploaders were recorded: a station's own upload
 * came before the first move that listed it (the client sends files
 * first), so the station of the earliest event listing a hash, when that
 * event is not headquarters', uploaded it. Headquarters' letters stay
 * headquarters'; a station's later event naming them gains nothing. */
#define ATTACHMENTS_DONE "INSERT INTO meta (key, value) VALUES ('attachment_uploads', 'from_feed');\n"

static const char attachments_from_feed[] =
  "WITH listed AS (\n"
  "  SELECT a.value AS sha256, r.seq AS seq, r.origin_station AS station,\n"
  "         json_extract (r.data, '$.role') AS role\n"
  "  FROM records AS r, json_each (r.data, '$.attachments') AS a\n"
  "  WHERE r.kind = '" LIAISON_KIND_SUGGESTION_EVENT "' AND a.type = 'text'),\n"
  "first AS (SELECT sha256, MIN (seq) AS seq FROM listed GROUP BY sha256)\n"
  "INSERT INTO attachment_uploads (sha256, uploader, token_id, at)\n"
  "  SELECT l.sha256, l.station, '', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')\n"
  "  FROM listed AS l JOIN first AS f ON l.sha256 = f.sha256 AND l.seq = f.seq\n"
  "  WHERE l.station IS NOT NULL AND l.role IS DISTINCT FROM 'hq'\n"
  "  ON CONFLICT DO NOTHING;\n"
  ATTACHMENTS_DONE;

gboolean
liaison_hq_store_open_attachments (LiaisonHqStore  *self,
                                   GError         **error)
{
  LiaisonHqStmt *stmt;
  gboolean done;
  int rc;

  if (!liaison_hq_store_begin (self, error))
    return FALSE;
  if (!liaison_hq_store_exec (self, attachments_schema, error))
    goto fail;
  stmt = liaison_hq_store_prepare_cached (self, "SELECT 1 FROM meta WHERE key = 'attachment_uploads'", error);
  if (stmt == NULL)
    goto fail;
  rc = liaison_hq_stmt_step (stmt);
  done = rc == LIAISON_HQ_DB_ROW;
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    {
      liaison_hq_store_db_error (self, error, _("The headquarters database could not be read"));
      goto fail;
    }
  /* A PostgreSQL store is made new, uploaders recorded from the start. */
  if (!done && !liaison_hq_store_exec (self, liaison_hq_db_is_postgresql (liaison_hq_store_get_db (self))
                                               ? ATTACHMENTS_DONE : attachments_from_feed, error))
    goto fail;
  return liaison_hq_store_commit (self, error);

fail:
  liaison_hq_store_rollback (self);
  return FALSE;
}

const char *
liaison_hq_attachment_uploader (const LiaisonHqToken *token)
{
  if (token->role == LIAISON_HQ_ROLE_HQ)
    return UPLOADER_HQ;
  /* A station token always names its station; an id keeps a broken one
   * apart from every station. */
  return token->station_uuid != NULL ? token->station_uuid : token->id;
}

gboolean
liaison_hq_store_attachment_readable (LiaisonHqStore        *self,
                                      const LiaisonHqToken  *token,
                                      const char            *sha256,
                                      GError               **error)
{
  LiaisonHqStmt *stmt;
  int rc;

  if (token->role == LIAISON_HQ_ROLE_HQ)
    return TRUE;
  /* Headquarters' replies are filed under their suggestion's station
   * (push_one()), and only a headquarters token may push a move of role
   * "hq". A station's own moves count for nothing here: it could list any
   * hash in them. json_each matches whole array elements. */
  stmt = liaison_hq_store_prepare_cached (self,
    "SELECT 1 WHERE EXISTS (SELECT 1 FROM attachment_uploads WHERE sha256 = ?2 AND uploader = ?1)"
    " OR EXISTS (SELECT 1 FROM records AS r, json_each (r.data, '$.attachments') AS a"
    "  WHERE r.kind = '" LIAISON_KIND_SUGGESTION_EVENT "' AND r.origin_station = ?1 AND r.deleted = 0"
    "  AND json_extract (r.data, '$.role') = 'hq' AND json_extract (r.data, '$.move') = 'reply'"
    "  AND a.value = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, liaison_hq_attachment_uploader (token));
  liaison_hq_stmt_bind_text (stmt, 2, sha256);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc == LIAISON_HQ_DB_ROW)
    return TRUE;
  if (rc != LIAISON_HQ_DB_DONE)
    liaison_hq_store_db_error (self, error, _("The records could not be read"));
  return FALSE;
}

gboolean
liaison_hq_store_attachment_usage (LiaisonHqStore  *self,
                                   const char      *uploader,
                                   const char      *day,
                                   guint64         *files,
                                   guint64         *bytes,
                                   GError         **error)
{
  LiaisonHqStmt *stmt;
  int rc;

  *files = 0;
  *bytes = 0;
  stmt = liaison_hq_store_prepare_cached (self,
    "SELECT files, bytes FROM attachment_usage WHERE uploader = ?1 AND day = ?2", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uploader);
  liaison_hq_stmt_bind_text (stmt, 2, day);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_ROW)
    {
      *files = (guint64) MAX (liaison_hq_stmt_column_int64 (stmt, 0), 0);
      *bytes = (guint64) MAX (liaison_hq_stmt_column_int64 (stmt, 1), 0);
    }
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (self, error, _("The headquarters database could not be read"));
  return TRUE;
}

static gboolean
count_usage (LiaisonHqStore  *self,
             const char      *uploader,
             const char      *day,
             gint64           files,
             gint64           bytes,
             GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO attachment_usage (uploader, day, files, bytes) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (uploader, day) DO UPDATE SET files = attachment_usage.files + excluded.files,"
    " bytes = attachment_usage.bytes + excluded.bytes", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uploader);
  liaison_hq_stmt_bind_text (stmt, 2, day);
  liaison_hq_stmt_bind_int64 (stmt, 3, files);
  liaison_hq_stmt_bind_int64 (stmt, 4, bytes);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (self, error, _("The headquarters database could not be changed"));
  return TRUE;
}

gboolean
liaison_hq_store_attachment_received (LiaisonHqStore  *self,
                                      const char      *uploader,
                                      const char      *day,
                                      guint64          bytes,
                                      GError         **error)
{
  return count_usage (self, uploader, day, 0, (gint64) MIN (bytes, (guint64) G_MAXINT64), error);
}

gboolean
liaison_hq_store_attachment_uploaded (LiaisonHqStore        *self,
                                      const LiaisonHqToken  *token,
                                      const char            *sha256,
                                      const char            *day,
                                      guint64                bytes,
                                      GError               **error)
{
  const char *uploader = liaison_hq_attachment_uploader (token);
  LiaisonHqStmt *stmt;
  int rc;

  if (!liaison_hq_store_begin (self, error))
    return FALSE;
  stmt = liaison_hq_store_prepare_cached (self,
    "INSERT INTO attachment_uploads (sha256, uploader, token_id, at)"
    " VALUES (?1, ?2, ?3, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    goto fail;
  liaison_hq_stmt_bind_text (stmt, 1, sha256);
  liaison_hq_stmt_bind_text (stmt, 2, uploader);
  liaison_hq_stmt_bind_text (stmt, 3, token->id);
  rc = liaison_hq_stmt_step (stmt);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    {
      liaison_hq_store_db_error (self, error, _("The headquarters database could not be changed"));
      goto fail;
    }
  if (!count_usage (self, uploader, day, 1, (gint64) MIN (bytes, (guint64) G_MAXINT64), error))
    goto fail;
  return liaison_hq_store_commit (self, error);

fail:
  liaison_hq_store_rollback (self);
  return FALSE;
}
