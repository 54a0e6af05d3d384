/* liaison-store-purge.c: the retention purge at a desk, and the server's
 * purge records as they arrive (liaison-store-purge.h). */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-access-kind.h"
#include "liaison-calendar.h"
#include "liaison-loop-rules.h"
#include "liaison-online-wire.h"
#include "liaison-retention.h"
#include "liaison-store-access-log.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-purge.h"
#include "liaison-store-sync-private.h"

/* A reception r is due by the rule: a purge record names it, or it was
 * received on or before ?1 and every suggestion under it closed or
 * withdrawn before ?2. */
#define RECEPTION_DUE_RULE \
  " (r.uuid IN (SELECT reception_uuid FROM purges)" \
  "  OR (substr (r.received_at, 1, 10) <= ?1" \
  "      AND NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.reception_id = r.id AND s.deleted = 0" \
  "        AND (s.status NOT IN ('closed', 'withdrawn')" \
  "             OR EXISTS (SELECT 1 FROM suggestion_events e WHERE e.suggestion_uuid = s.uuid" \
  "               AND e.at >= ?2)))))"

/* Receptions to purge: ?1 the cutoff day, ?2 the UTC start of the day
 * after it, ?3 the marker. Tombstones too: they keep their visitors. */
static const char due_query[] =
  "SELECT r.id, r.uuid, substr (r.received_at, 1, 10) FROM receptions r"
  " WHERE (EXISTS (SELECT 1 FROM reception_visitors v WHERE v.reception_id = r.id"
  "          AND (v.name IS NOT ?3 OR v.phone <> '' OR v.community <> '' OR v.consent <> 0))"
  "        OR EXISTS (SELECT 1 FROM suggestions s WHERE s.reception_id = r.id"
  "          AND s.raised_by <> '' AND s.raised_by IS NOT ?3))"
  " AND" RECEPTION_DUE_RULE
  " ORDER BY r.id";

/* Online submissions to purge, the server's rule (liaison-hq-purge.c):
 * their citizen still there, and declined before ?2, still pending and
 * submitted before ?2, or accepted and their reception due. The desk
 * holds the decision and its reception, so no record tells it. */
static const char due_submissions_query[] =
  "SELECT o.uuid, substr (o.submitted_at, 1, 10) FROM online_submissions o"
  " WHERE (ifnull (o.name, '') NOT IN ('', ?3) OR ifnull (o.phone, '') <> '' OR ifnull (o.community, '') <> ''"
  "        OR o.consent <> 0)"
  " AND ((o.decision IS NULL AND o.submitted_at < ?2)"
  "      OR (o.decision = '" LIAISON_ONLINE_DECISION_DECLINED "' AND o.decided_at < ?2)"
  "      OR (o.decision = '" LIAISON_ONLINE_DECISION_ACCEPTED "' AND EXISTS (SELECT 1 FROM receptions r WHERE r.uuid = o.reception"
  "          AND" RECEPTION_DUE_RULE ")))"
  " ORDER BY o.submitted_at";

/* What one submission's purge runs, ?1 its uuid, ?2 the marker. */
static const char *const submission_steps[] = {
  "UPDATE online_submissions SET name = CASE WHEN ifnull (name, '') = '' THEN name ELSE ?2 END,"
  " phone = NULL, community = NULL, consent = 0 WHERE uuid = ?1",
  "DELETE FROM pull_quarantine WHERE uuid = ?1 AND ?2 IS NOT NULL",
  "DELETE FROM sync_conflicts WHERE uuid = ?1 AND ?2 IS NOT NULL",
};

/* What one reception's purge runs, ?1 its id, ?2 the marker. The
 * visitors' triggers rewrite the search columns and the index. The
 * steps that count what went: */
enum { STEP_VISITORS = 0, STEP_RAISED_BY = 2 };
static const char *const purge_steps[] = {
  "UPDATE reception_visitors SET name = ?2, phone = '', community = '', consent = 0"
  " WHERE reception_id = ?1 AND (name IS NOT ?2 OR phone <> '' OR community <> '' OR consent <> 0)",
  "UPDATE receptions SET visitors_text ="
  " (SELECT ifnull (group_concat (v.name, ' '), '') FROM reception_visitors v WHERE v.reception_id = ?1)"
  " WHERE id = ?1 AND ?2 IS NOT NULL",
  "UPDATE suggestions SET raised_by = ?2 WHERE reception_id = ?1 AND raised_by <> '' AND raised_by IS NOT ?2",
  /* Other copies of the records' text: a pulled change set aside, and
   * the losing side of a conflict. */
  "DELETE FROM pull_quarantine WHERE ?2 IS NOT NULL AND (uuid = (SELECT uuid FROM receptions WHERE id = ?1)"
  " OR uuid IN (SELECT uuid FROM suggestions WHERE reception_id = ?1))",
  "DELETE FROM sync_conflicts WHERE ?2 IS NOT NULL AND (uuid = (SELECT uuid FROM receptions WHERE id = ?1)"
  " OR uuid IN (SELECT uuid FROM suggestions WHERE reception_id = ?1))",
};

typedef struct {
  gint64  id;
  char   *uuid;     /* a submission's */
  char   *day;
} Due;

static void
due_free (gpointer pointer)
{
  Due *due = pointer;

  g_free (due->uuid);
  g_free (due->day);
  g_free (due);
}

static gpointer
read_due (sqlite3_stmt *stmt)
{
  Due *due = g_new0 (Due, 1);

  due->id = sqlite3_column_int64 (stmt, 0);
  due->day = liaison_db_column_text (stmt, 2);
  return due;
}

static gpointer
read_due_submission (sqlite3_stmt *stmt)
{
  Due *due = g_new0 (Due, 1);

  due->uuid = liaison_db_column_text (stmt, 0);
  due->day = liaison_db_column_text (stmt, 1);
  return due;
}

/* Widens the purge's days, *@first_day..*@last_day, to @day. */
static void
widen_days (const char **first_day,
            const char **last_day,
            const char  *day)
{
  if (day == NULL)
    return;
  if (*first_day == NULL || g_strcmp0 (day, *first_day) < 0)
    *first_day = day;
  if (*last_day == NULL || g_strcmp0 (day, *last_day) > 0)
    *last_day = day;
}

/* Purges the citizen of each due online submission, after the
 * receptions (an accepted one goes with its reception); @due gets them. */
static gboolean
purge_submissions (LiaisonStore  *self,
                   const char    *cutoff_day,
                   const char    *cutoff_end,
                   GPtrArray    **due,
                   GError       **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self, due_submissions_query, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cutoff_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, LIAISON_PURGED_MARKER, -1, SQLITE_STATIC);
  *due = liaison_store_collect_rows (self, stmt, read_due_submission, due_free,
                                     _("Could not read the online submissions to purge"), error);
  if (*due == NULL)
    return FALSE;
  for (guint i = 0; i < (*due)->len; i++)
    {
      const Due *one = g_ptr_array_index (*due, i);

      for (guint j = 0; j < G_N_ELEMENTS (submission_steps); j++)
        {
          stmt = liaison_store_prepare (self, submission_steps[j], error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, one->uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, LIAISON_PURGED_MARKER, -1, SQLITE_STATIC);
          if (!liaison_store_step_done (self, stmt, _("Could not purge an online submission’s citizen"), error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Purges reception @id; counts its visitors and the suggestions whose
 * "raised by" went in @purged. */
static gboolean
purge_one (LiaisonStore            *self,
           gint64                   id,
           LiaisonRetentionPurged  *purged,
           GError                 **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (purge_steps); i++)
    {
      sqlite3_stmt *stmt = liaison_store_prepare (self, purge_steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, LIAISON_PURGED_MARKER, -1, SQLITE_STATIC);
      if (!liaison_store_step_done (self, stmt, _("Could not purge a reception’s visitors"), error))
        return FALSE;
      if (i == STEP_VISITORS)
        purged->n_visitors += (guint) sqlite3_changes (liaison_store_get_handle (self));
      else if (i == STEP_RAISED_BY)
        purged->n_suggestions += (guint) sqlite3_changes (liaison_store_get_handle (self));
    }
  return TRUE;
}

gboolean
liaison_store_purge_expired (LiaisonStore            *self,
                             const GDate             *today,
                             LiaisonRetentionPurged  *purged,
                             GError                 **error)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autofree char *cutoff_day = NULL;
  g_autofree char *cutoff_end = NULL;
  g_autofree char *what = NULL;
  g_autofree char *reason = NULL;
  const char *first_day = NULL;
  const char *last_day = NULL;
  sqlite3_stmt *stmt;
  GDate cutoff;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  *purged = (LiaisonRetentionPurged) { 0 };
  rules = liaison_store_get_loop_rules (self, error);
  if (rules == NULL)
    return FALSE;
  purged->years = rules->retention_years;
  liaison_retention_cutoff (today, rules->retention_years, &cutoff);
  cutoff_day = liaison_date_to_iso (&cutoff);
  cutoff_end = liaison_access_day_start_utc (&cutoff, 1);

  if (!liaison_store_begin (self, error))
    return FALSE;
  stmt = liaison_store_prepare (self, due_query, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, cutoff_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cutoff_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, LIAISON_PURGED_MARKER, -1, SQLITE_STATIC);
  due = liaison_store_collect_rows (self, stmt, read_due, due_free,
                                    _("Could not read the receptions to purge"), error);
  if (due == NULL)
    goto failed;

  for (guint i = 0; i < due->len; i++)
    {
      const Due *one = g_ptr_array_index (due, i);

      if (!purge_one (self, one->id, purged, error))
        goto failed;
      widen_days (&first_day, &last_day, one->day);
    }
  if (!purge_submissions (self, cutoff_day, cutoff_end, &submissions, error))
    goto failed;
  if (due->len == 0 && submissions->len == 0)
    {
      liaison_store_rollback (self);
      return TRUE;
    }
  for (guint i = 0; i < submissions->len; i++)
    widen_days (&first_day, &last_day, ((const Due *) g_ptr_array_index (submissions, i))->day);

  /* An FTS5 'delete' leaves the old entry in its segment until a merge:
   * merge them all, so that no purged word stays in the index. */
  if (!liaison_store_exec (self, "INSERT INTO reception_search (reception_search) VALUES ('optimize');"
                                 "INSERT INTO suggestion_search (suggestion_search) VALUES ('optimize');", error))
    goto failed;

  what = g_strdup_printf ("%s..%s", first_day, last_day);
  purged->n_receptions = due->len;
  purged->n_submissions = submissions->len;
  reason = liaison_retention_purge_reason (purged);
  {
    LiaisonAccessEntry entry = {
      .kind = LIAISON_ACCESS_PURGE,
      .what = what,
      .n_contacts = purged->n_visitors + submissions->len,
      .reason = reason,
    };

    if (!liaison_store_log_access (self, &entry, error))
      goto failed;
  }
  if (!liaison_store_commit (self, error))
    goto failed;

  liaison_store_emit_changed (self, "receptions");
  liaison_store_emit_changed (self, "suggestions");
  if (submissions->len > 0)
    liaison_store_emit_changed (self, "online");
  /* The old text's frames leave the WAL, and the file is cut to nothing. */
  return liaison_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);

failed:
  liaison_store_rollback (self);
  *purged = (LiaisonRetentionPurged) { .years = purged->years };
  return FALSE;
}

/* Sync (liaison-store-sync-private.h) */

gboolean
liaison_store_sync_write_purge (LiaisonStore    *self,
                                const Incoming  *incoming,
                                GError         **error)
{
  sqlite3_stmt *stmt = liaison_store_prepare (self,
    "INSERT INTO purges (uuid, version, updated_at, origin_station_uuid, sync_state, server_version,"
    " reception_uuid, station_uuid, purged_at) VALUES (?1, ?2, ?3, ?4, 0, ?2, ?5, ?6, ?7)"
    " ON CONFLICT (uuid) DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;
  bind_incoming_meta (stmt, incoming);
  /* The wire's check let it in: every member is there, a string. */
  liaison_store_bind_text (stmt, 5, data_string (incoming->data, "reception"));
  liaison_store_bind_text (stmt, 6, data_string (incoming->data, "station"));
  liaison_store_bind_text (stmt, 7, data_string (incoming->data, "purged_at"));
  return liaison_store_step_done (self, stmt, _("Could not save a record received from the server"), error);
}
