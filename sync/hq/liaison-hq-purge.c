/* liaison-hq-purge.c: the retention purge at the server
 * (liaison-hq-purge.h, docs/privacy.md "Retention and purge").
 *
 * A purged reception keeps its version and its place in the feed: the
 * records table holds it purged from then on, so a desk that pulls it
 * for the first time never sees the names; a desk that holds it already
 * learns of the purge from the "purge" record. The rewrite leaves the
 * old text in no free page (PRAGMA secure_delete, liaison-hq-store.c)
 * and, after the checkpoint, in no WAL frame. On PostgreSQL a VACUUM
 * takes away the old row versions; what it cannot promise is in
 * docs/privacy.md. */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-access-kind.h"
#include "liaison-calendar.h"
#include "liaison-hq-purge.h"
#include "liaison-hq-store-private.h"
#include "liaison-json-depth.h"
#include "liaison-loop-rules.h"
#include "liaison-online-wire.h"
#include "liaison-purge-wire.h"
#include "liaison-retention.h"
#include "liaison-wire-schema.h"

/* The purge's questions, answered from indexes: a reception's
 * suggestions and a suggestion's events. */
static const char purge_indexes[] =
  "CREATE INDEX IF NOT EXISTS records_suggestions_by_reception ON records (json_extract (data, '$.reception'))"
  " WHERE kind = '" LIAISON_KIND_SUGGESTION "';\n"
  "CREATE INDEX IF NOT EXISTS records_events_by_suggestion ON records (json_extract (data, '$.suggestion'))"
  " WHERE kind = '" LIAISON_KIND_SUGGESTION_EVENT "';\n"
  "CREATE INDEX IF NOT EXISTS records_decisions_by_submission ON records (json_extract (data, '$.submission'))"
  " WHERE kind = '" LIAISON_KIND_ONLINE_DECISION "';\n";

/* A reception r is due by the rule: received on or before ?1, and every
 * suggestion under it closed or withdrawn before ?2. */
#define RECEPTION_DUE_RULE \
  " substr (json_extract (r.data, '$.received_at'), 1, 10) <= ?1" \
  " AND NOT EXISTS (SELECT 1 FROM records s WHERE s.kind = '" LIAISON_KIND_SUGGESTION "' AND s.deleted = 0" \
  "   AND json_extract (s.data, '$.reception') = r.uuid" \
  "   AND (NOT EXISTS (SELECT 1 FROM records e WHERE e.kind = '" LIAISON_KIND_SUGGESTION_EVENT "'" \
  "          AND json_extract (e.data, '$.suggestion') = s.uuid" \
  "          AND json_extract (e.data, '$.move') IN ('close', 'withdraw'))" \
  "        OR EXISTS (SELECT 1 FROM records e WHERE e.kind = '" LIAISON_KIND_SUGGESTION_EVENT "'" \
  "          AND json_extract (e.data, '$.suggestion') = s.uuid AND json_extract (e.data, '$.at') >= ?2)))"

/* Receptions received on or before ?1 with a visitor not yet purged,
 * under which every suggestion was closed or withdrawn before ?2 (the
 * UTC start of the day after the cutoff). Tombstones too: one may carry
 * its whole record. */
static const char due_query[] =
  "SELECT r.uuid, r.origin_station, r.version, r.deleted, r.data,"
  " substr (json_extract (r.data, '$.received_at'), 1, 10) FROM records r"
  " WHERE r.kind = '" LIAISON_KIND_RECEPTION "'"
  " AND EXISTS (SELECT 1 FROM json_each (r.data, '$.visitors') v"
  "   WHERE json_extract (v.value, '$.name') IS DISTINCT FROM ?3 OR json_extract (v.value, '$.phone') IS NOT NULL"
  "   OR json_extract (v.value, '$.community') IS NOT NULL OR json_extract (v.value, '$.consent') IS NOT 0)"
  " AND" RECEPTION_DUE_RULE
  " ORDER BY r.seq";

/* Online submissions whose citizen is still there, due: declined before
 * ?2, still pending and submitted before ?2 (they can reach nobody), or
 * accepted and their reception due by the rule (purged with it). */
static const char due_submissions_query[] =
  "SELECT o.uuid, o.origin_station, o.version, o.deleted, o.data,"
  " substr (json_extract (o.data, '$.submitted_at'), 1, 10) FROM records o"
  " LEFT JOIN records d ON d.kind = '" LIAISON_KIND_ONLINE_DECISION "' AND d.deleted = 0"
  "   AND json_extract (d.data, '$.submission') = o.uuid"
  " WHERE o.kind = '" LIAISON_KIND_ONLINE_SUBMISSION "'"
  " AND (coalesce (json_extract (o.data, '$.name'), '') NOT IN ('', ?3)"
  "   OR coalesce (json_extract (o.data, '$.phone'), '') <> '' OR coalesce (json_extract (o.data, '$.community'), '') <> ''"
  "   OR json_extract (o.data, '$.consent') IS NOT 0)"
  " AND ((d.uuid IS NULL AND json_extract (o.data, '$.submitted_at') < ?2)"
  "   OR (json_extract (d.data, '$.decision') = '" LIAISON_ONLINE_DECISION_DECLINED "'"
  "     AND json_extract (d.data, '$.decided_at') < ?2)"
  "   OR (json_extract (d.data, '$.decision') = '" LIAISON_ONLINE_DECISION_ACCEPTED "'"
  "     AND EXISTS (SELECT 1 FROM records r WHERE r.kind = '" LIAISON_KIND_RECEPTION "'"
  "       AND r.uuid = json_extract (d.data, '$.reception') AND" RECEPTION_DUE_RULE ")))"
  " ORDER BY o.seq";

typedef struct {
  char   *uuid;
  char   *origin;
  gint64  version;
  gboolean deleted;
  char   *data;
  char   *day;
} Due;

static void
due_free (gpointer pointer)
{
  Due *due = pointer;

  g_free (due->uuid);
  g_free (due->origin);
  g_free (due->data);
  g_free (due->day);
  g_free (due);
}

static gpointer
read_due (LiaisonHqStmt *stmt)
{
  Due *due = g_new0 (Due, 1);

  due->uuid = liaison_hq_stmt_dup_text (stmt, 0);
  due->origin = liaison_hq_stmt_dup_text (stmt, 1);
  due->version = liaison_hq_stmt_column_int64 (stmt, 2);
  due->deleted = liaison_hq_stmt_column_int64 (stmt, 3) != 0;
  due->data = liaison_hq_stmt_dup_text (stmt, 4);
  due->day = liaison_hq_stmt_dup_text (stmt, 5);
  return due;
}

/* The rows of @query (due_query or due_submissions_query) that fall
 * due before the cutoff and are not purged yet, as Due. */
static GPtrArray *
collect_due (LiaisonHqStore  *self,
             const char      *query,
             const char      *cutoff_day,
             const char      *cutoff_end,
             GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self, query, error);

  if (stmt == NULL)
    return NULL;
  liaison_hq_stmt_bind_text (stmt, 1, cutoff_day);
  liaison_hq_stmt_bind_text (stmt, 2, cutoff_end);
  liaison_hq_stmt_bind_text (stmt, 3, LIAISON_PURGED_MARKER);
  return liaison_hq_db_collect_rows (stmt, read_due, due_free,
                                  _("The records could not be read"), error);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? liaison_json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static gboolean
step_done (LiaisonHqStore  *self,
           LiaisonHqStmt   *stmt,
           GError         **error)
{
  return liaison_hq_db_step_done (stmt,
                               _("The headquarters database could not be changed"), error);
}

/* Writes @data over the record's, at the same version and seq. */
static gboolean
rewrite_in_place (LiaisonHqStore  *self,
                  const char      *kind,
                  const char      *uuid,
                  gint64           version,
                  gboolean         deleted,
                  JsonObject      *data,
                  GError         **error)
{
  g_autofree char *data_json = liaison_hq_store_canonical_data (data);
  g_autofree char *digest = liaison_hq_store_digest_of (data, deleted, version);
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self,
    "UPDATE records SET data = ?1, digest = ?2 WHERE kind = ?3 AND uuid = ?4", error);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, data_json);
  liaison_hq_stmt_bind_text (stmt, 2, digest);
  liaison_hq_stmt_bind_text (stmt, 3, kind);
  liaison_hq_stmt_bind_text (stmt, 4, uuid);
  return step_done (self, stmt, error);
}

/* Asked of each engine's own catalogue: on PostgreSQL a query of a table
 * that is not there would fail the whole transaction. */
static gboolean
table_exists (LiaisonHqStore *self,
              const char     *name)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    liaison_hq_db_is_postgresql (liaison_hq_store_get_db (self))
      ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema () AND table_name = ?"
      : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, name);
  return liaison_hq_stmt_step (stmt) == LIAISON_HQ_DB_ROW;
}

/* The other copies of @uuid's text: a record set aside by `liaison-hq
 * check --quarantine`, and what a desk reported it set aside. */
static gboolean
forget_copies (LiaisonHqStore  *self,
               const char      *uuid,
               GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self, "DELETE FROM quarantine WHERE uuid = ?", error);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (!table_exists (self, "set_aside_reports"))
    return TRUE;
  g_clear_pointer (&stmt, liaison_hq_stmt_free);
  stmt = liaison_hq_store_prepare (self, "DELETE FROM set_aside_reports WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, uuid);
  return step_done (self, stmt, error);
}

static gboolean
purge_suggestions (LiaisonHqStore  *self,
                   const char      *reception,
                   guint           *n_suggestions,
                   GError         **error)
{
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_store_prepare (self,
    "SELECT uuid, version, deleted, data FROM records WHERE kind = '" LIAISON_KIND_SUGGESTION "'"
    " AND json_extract (data, '$.reception') = ?", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (due_free);

  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, reception);
  while (liaison_hq_stmt_step (stmt) == LIAISON_HQ_DB_ROW)
    {
      Due *row = g_new0 (Due, 1);

      row->uuid = liaison_hq_stmt_dup_text (stmt, 0);
      row->version = liaison_hq_stmt_column_int64 (stmt, 1);
      row->deleted = liaison_hq_stmt_column_int64 (stmt, 2) != 0;
      row->data = liaison_hq_stmt_dup_text (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Due *row = g_ptr_array_index (rows, i);
      g_autoptr(JsonObject) data = parse_object (row->data);

      if (data != NULL && liaison_purge_wire_suggestion (data))
        {
          if (!rewrite_in_place (self, LIAISON_KIND_SUGGESTION, row->uuid, row->version, row->deleted, data, error))
            return FALSE;
          (*n_suggestions)++;
        }
      if (!forget_copies (self, row->uuid, error))
        return FALSE;
    }
  return TRUE;
}

/* Purges one due reception and writes its purge record; counts what
 * went in @report. */
static gboolean
purge_one (LiaisonHqStore        *self,
           const Due             *due,
           const char            *now,
           LiaisonHqPurgeReport  *report,
           GError               **error)
{
  g_autoptr(JsonObject) data = parse_object (due->data);
  g_autoptr(JsonObject) purge = json_object_new ();
  g_autofree char *purge_uuid = liaison_purge_wire_uuid (due->uuid);
  g_autoptr(JsonObject) known = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data == NULL)
    return TRUE;
  report->n_visitors += liaison_purge_wire_reception (data);
  if (!rewrite_in_place (self, LIAISON_KIND_RECEPTION, due->uuid, due->version, due->deleted, data, error) ||
      !purge_suggestions (self, due->uuid, &report->n_suggestions, error) ||
      !forget_copies (self, due->uuid, error))
    return FALSE;

  /* One record a reception, version 1 for ever (the wire's rule). */
  known = liaison_hq_store_get_data (self, LIAISON_KIND_PURGE, purge_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (known != NULL || due->origin == NULL || !json_object_has_member (data, "station"))
    return TRUE;
  json_object_set_string_member (purge, "reception", due->uuid);
  json_object_set_string_member (purge, "station", json_object_get_string_member (data, "station"));
  json_object_set_string_member (purge, "purged_at", now);
  return liaison_hq_store_save_record (self, LIAISON_KIND_PURGE, purge_uuid, due->origin, purge,
                                       NULL, NULL, error);
}

/* Widens the purge's days, *@first_day..*@last_day, to @day. */
static void
widen_days (char       **first_day,
            char       **last_day,
            const char  *day)
{
  if (day == NULL)
    return;
  if (*first_day == NULL || strcmp (day, *first_day) < 0)
    {
      g_free (*first_day);
      *first_day = g_strdup (day);
    }
  if (*last_day == NULL || strcmp (day, *last_day) > 0)
    {
      g_free (*last_day);
      *last_day = g_strdup (day);
    }
}

/* Rewrites the due online submissions in place (no purge record: each
 * desk applies the same rule to its copy); widens the days. */
static gboolean
purge_submissions (LiaisonHqStore        *self,
                   const char            *cutoff_day,
                   const char            *cutoff_end,
                   LiaisonHqPurgeReport  *report,
                   char                 **first_day,
                   char                 **last_day,
                   GError               **error)
{
  g_autoptr(GPtrArray) due = collect_due (self, due_submissions_query, cutoff_day, cutoff_end, error);

  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      const Due *one = g_ptr_array_index (due, i);
      g_autoptr(JsonObject) data = parse_object (one->data);

      if (data == NULL || !liaison_purge_wire_online_submission (data))
        continue;
      if (!rewrite_in_place (self, LIAISON_KIND_ONLINE_SUBMISSION, one->uuid, one->version, one->deleted, data,
                             error) ||
          !forget_copies (self, one->uuid, error))
        return FALSE;
      report->n_submissions++;
      widen_days (first_day, last_day, one->day);
    }
  return TRUE;
}

char *
liaison_hq_purge_describe (const LiaisonHqPurgeReport *report)
{
  LiaisonRetentionPurged purged = {
    .years = report->years,
    .n_receptions = report->n_receptions,
    .n_visitors = report->n_visitors,
    .n_suggestions = report->n_suggestions,
    .n_submissions = report->n_submissions,
  };

  return liaison_retention_purge_reason (&purged);
}

/* The access log entry of a purge: headquarters' own, in no station's feed. */
static gboolean
log_purge (LiaisonHqStore              *self,
           const LiaisonHqPurgeReport  *report,
           const char                  *first_day,
           const char                  *last_day,
           const char                  *now,
           GError                     **error)
{
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autofree char *what = g_strdup_printf ("%s..%s", first_day, last_day);
  g_autofree char *reason = liaison_hq_purge_describe (report);

  json_object_set_string_member (entry, "kind", liaison_access_kind_to_code (LIAISON_ACCESS_PURGE));
  json_object_set_string_member (entry, "at", now);
  json_object_set_string_member (entry, "role", "hq");
  json_object_set_string_member (entry, "actor", "liaison-hq");
  json_object_set_string_member (entry, "desk", liaison_hq_store_get_server_id (self));
  json_object_set_string_member (entry, "what", what);
  json_object_set_int_member (entry, "n_contacts", report->n_visitors + report->n_submissions);
  json_object_set_string_member (entry, "reason", reason);
  return liaison_hq_store_save_record (self, LIAISON_KIND_ACCESS_LOG, NULL, NULL, entry, NULL, NULL, error);
}

gboolean
liaison_hq_purge_run (LiaisonHqStore        *store,
                      const GDate           *today,
                      LiaisonHqPurgeReport  *report,
                      GError               **error)
{
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *cutoff_day = NULL;
  g_autofree char *cutoff_end = NULL;
  g_autofree char *now = liaison_db_now_utc ();
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  gboolean purged;

  g_return_val_if_fail (LIAISON_IS_HQ_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  memset (report, 0, sizeof *report);
  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  rules = liaison_hq_store_get_loop_rules (store, NULL, error);
  if (rules == NULL || !liaison_hq_store_exec (store, purge_indexes, error))
    goto failed;
  report->years = rules->retention_years;
  liaison_retention_cutoff (today, report->years, &report->cutoff);
  cutoff_day = liaison_date_to_iso (&report->cutoff);
  cutoff_end = liaison_access_day_start_utc (&report->cutoff, 1);

  due = collect_due (store, due_query, cutoff_day, cutoff_end, error);
  if (due == NULL)
    goto failed;

  for (guint i = 0; i < due->len; i++)
    {
      const Due *one = g_ptr_array_index (due, i);

      if (!purge_one (store, one, now, report, error))
        goto failed;
      widen_days (&first_day, &last_day, one->day);
    }
  report->n_receptions = due->len;
  /* After the receptions, in the same transaction: an accepted
   * submission goes with its reception. */
  if (!purge_submissions (store, cutoff_day, cutoff_end, report, &first_day, &last_day, error))
    goto failed;
  purged = report->n_receptions > 0 || report->n_submissions > 0;
  if (purged && !log_purge (store, report, first_day, last_day, now, error))
    goto failed;
  if (!liaison_hq_store_commit (store, error))
    goto failed;

  /* SQLite: the old text's frames leave the WAL; the file is cut to
   * nothing. PostgreSQL: the old row versions the purge's UPDATEs and
   * DELETEs left in the tables it touched go now, not whenever autovacuum
   * comes by; VACUUM (not FULL) blocks no reader or writer
   * (docs/privacy.md, "Retention and purge"). */
  if (!purged)
    return TRUE;
  if (!liaison_hq_db_is_postgresql (liaison_hq_store_get_db (store)))
    return liaison_hq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", error);
  return liaison_hq_store_exec (store, table_exists (store, "set_aside_reports")
                                         ? "VACUUM records, quarantine, set_aside_reports"
                                         : "VACUUM records, quarantine", error);

failed:
  liaison_hq_store_rollback (store);
  return FALSE;
}

static gboolean
purge_today (gpointer user_data)
{
  LiaisonHqStore *store = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  LiaisonHqPurgeReport report;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!liaison_hq_purge_run (store, &today, &report, &error))
    g_warning ("The retention purge failed, and runs again tomorrow: %s", error->message);
  else if (report.n_receptions > 0 || report.n_submissions > 0)
    /* Not translated: the journal's line, as the other serve lines. */
    g_printerr ("liaison-hq: retention purge (%u years): the visitors of %u receptions (%u visitors),"
                " the raised-by name of %u suggestions, the citizen of %u online submissions\n",
                report.years, report.n_receptions, report.n_visitors, report.n_suggestions,
                report.n_submissions);
  return G_SOURCE_CONTINUE;
}

void
liaison_hq_purge_schedule (LiaisonHqStore *store)
{
  g_return_if_fail (LIAISON_IS_HQ_STORE (store));

  purge_today (store);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 24 * 60 * 60, purge_today, g_object_ref (store), g_object_unref);
}

gboolean
liaison_hq_purge_keep (LiaisonHqStore  *store,
                       const char      *kind,
                       const char      *uuid,
                       JsonObject      *data,
                       gboolean        *changed,
                       GError         **error)
{
  g_autofree char *purge_uuid = NULL;
  g_autoptr(JsonObject) known = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *reception = uuid;

  *changed = FALSE;
  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION))
    {
      JsonNode *node = json_object_get_member (data, "reception");

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return TRUE;
      reception = json_node_get_string (node);
    }
  else if (!g_str_equal (kind, LIAISON_KIND_RECEPTION))
    return TRUE;

  purge_uuid = liaison_purge_wire_uuid (reception);
  known = liaison_hq_store_get_data (store, LIAISON_KIND_PURGE, purge_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (known == NULL)
    return TRUE;
  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION))
    *changed = liaison_purge_wire_suggestion (data);
  else
    *changed = liaison_purge_wire_reception (data) > 0;
  return TRUE;
}
