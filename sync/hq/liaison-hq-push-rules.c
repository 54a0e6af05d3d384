/* liaison-hq-push-rules.c: what headquarters refuses in a push beyond the
 * wire schema (app/liaison-wire-schema.c), which every end shares: rules
 * that need the server's records or the pusher's token. */
#define G_LOG_DOMAIN "liaison-hq-push-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-activity.h"
#include "liaison-hq-store-private.h"
#include "liaison-loop.h"
#include "liaison-protocol.h"
#include "liaison-quarter.h"
#include "liaison-validate.h"

/* A station token records the station's and its deputies' moves; the
 * moves that are headquarters' whatever the suggestion's kind (refer,
 * start, reply, close, supervise) it may not push under any role. */
static gboolean
is_hq_only_move (const char *code)
{
  LiaisonLoopMove move;

  return liaison_loop_move_from_code (code, &move) &&
         move < LIAISON_N_LOOP_MOVES &&
         liaison_loop_move_role (LIAISON_LOOP_KIND_PUBLIC_OPINION, move) == LIAISON_LOOP_ROLE_HQ &&
         liaison_loop_move_role (LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, move) == LIAISON_LOOP_ROLE_HQ;
}

/* The first column of @sql's first row with ?1 = @first and, if not NULL,
 * ?2 = @second; *@text is NULL when no row matches. */
static gboolean
lookup_text (LiaisonHqStore  *self,
             const char      *sql,
             const char      *first,
             const char      *second,
             char           **text,
             GError         **error)
{
  LiaisonHqStmt *stmt = liaison_hq_store_prepare_cached (self, sql, error);
  int rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  liaison_hq_stmt_bind_text (stmt, 1, first);
  if (second != NULL)
    liaison_hq_stmt_bind_text (stmt, 2, second);
  rc = liaison_hq_stmt_step (stmt);
  if (rc == LIAISON_HQ_DB_ROW)
    *text = liaison_hq_stmt_dup_text (stmt, 0);
  liaison_hq_stmt_reset (stmt);
  if (rc != LIAISON_HQ_DB_ROW && rc != LIAISON_HQ_DB_DONE)
    return liaison_hq_store_db_error (self, error, _("The records could not be read"));
  return TRUE;
}

/* The kind of another record holding @uuid, or NULL. */
static gboolean
other_kind_of_uuid (LiaisonHqStore  *self,
                    const char      *kind,
                    const char      *uuid,
                    char           **other,
                    GError         **error)
{
  return lookup_text (self, "SELECT kind FROM records WHERE uuid = ?1 AND kind <> ?2 LIMIT 1",
                      uuid, kind, other, error);
}

/* The station of the reception @uuid on the server (NULL if it is not
 * here yet: a station sends its receptions before their suggestions). */
static gboolean
reception_station (LiaisonHqStore  *self,
                   const char      *uuid,
                   char           **station,
                   GError         **error)
{
  return lookup_text (self,
                      "SELECT origin_station FROM records WHERE kind = '" LIAISON_KIND_RECEPTION "' AND uuid = ?1",
                      uuid, NULL, station, error);
}

/* Headquarters records its kinds of activity, a station its station_duty,
 * either one group_activity and other (liaison_activity_kind_owner ()).
 * An activity stays its recorder's: a station changes only its own (the
 * push checks the stored record's station), headquarters only its own,
 * which have no station. */
static gboolean
check_activity_owner (LiaisonHqStore        *self,
                      const LiaisonHqToken  *token,
                      JsonObject            *record,
                      JsonObject            *data,
                      JsonObject           **refusal,
                      GError               **error)
{
  const char *code = data != NULL ? json_object_get_string_member_with_default (data, "kind", NULL) : NULL;
  LiaisonActivityKind kind;
  g_autofree char *origin = NULL;

  if (code != NULL && liaison_activity_kind_from_code (code, &kind))
    {
      LiaisonActivityOwner owner = liaison_activity_kind_owner (kind);
      g_autofree char *reason = NULL;

      if (token->role == LIAISON_HQ_ROLE_STATION && owner == LIAISON_ACTIVITY_OWNER_HEADQUARTERS)
        reason = g_strdup_printf ("Only headquarters records %s activities.", code);
      else if (token->role == LIAISON_HQ_ROLE_HQ && owner == LIAISON_ACTIVITY_OWNER_STATION)
        reason = g_strdup_printf ("A station records its own %s activities; headquarters may not.", code);
      if (reason != NULL)
        {
          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, reason);
          return TRUE;
        }
    }
  if (token->role != LIAISON_HQ_ROLE_HQ)
    return TRUE;
  if (!lookup_text (self, "SELECT COALESCE (origin_station, '') FROM records"
                          " WHERE kind = '" LIAISON_KIND_ACTIVITY "' AND uuid = ?1",
                    json_object_get_string_member (record, "uuid"), NULL, &origin, error))
    return FALSE;
  if (origin != NULL && *origin != '\0')
    *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                         "The station that recorded this activity owns it; headquarters may not change it.");
  return TRUE;
}

/* When the quarter of @date is closed here, its label ("2025Q1") and the
 * time it was closed; *@quarter is NULL otherwise. */
static gboolean
closed_quarter_of (LiaisonHqStore  *self,
                   const char      *date,
                   char           **quarter,
                   char           **closed_at,
                   GError         **error)
{
  LiaisonQuarter q;

  *quarter = *closed_at = NULL;
  if (date == NULL || !liaison_quarter_from_date (date, &q))
    return TRUE;
  *quarter = liaison_quarter_format (q);
  if (!lookup_text (self, "SELECT min (json_extract (data, '$.closed_at')) FROM records"
                          " WHERE kind = '" LIAISON_KIND_QUARTER_CLOSE "' AND deleted = 0"
                          " AND json_extract (data, '$.quarter') = ?1",
                    *quarter, NULL, closed_at, error))
    return FALSE;
  if (*closed_at == NULL || **closed_at == '\0')
    {
      g_clear_pointer (quarter, g_free);
      g_clear_pointer (closed_at, g_free);
    }
  return TRUE;
}

/* An activity dated, or once dated, in a closed quarter changes only as a
 * correction (docs/duty-record.md, "Closing a quarter"): with a reason and
 * the time it was made, after the closing, and not the correction the
 * stored record already carries, which speaks for an earlier change. */
static gboolean
check_activity_correction (LiaisonHqStore  *self,
                           JsonObject      *record,
                           JsonObject      *data,
                           JsonObject     **refusal,
                           GError         **error)
{
  const char *uuid = json_object_get_string_member (record, "uuid");
  const char *dates[2] = { NULL, NULL };
  g_autofree char *old_date = NULL;
  g_autofree char *old_at = NULL;
  const char *reason = data != NULL ? json_object_get_string_member_with_default (data, "correction_reason", NULL) : NULL;
  const char *at = data != NULL ? json_object_get_string_member_with_default (data, "corrected_at", NULL) : NULL;

  if (!lookup_text (self, "SELECT json_extract (data, '$.date') FROM records"
                          " WHERE kind = '" LIAISON_KIND_ACTIVITY "' AND uuid = ?1", uuid, NULL, &old_date, error) ||
      !lookup_text (self, "SELECT json_extract (data, '$.corrected_at') FROM records"
                          " WHERE kind = '" LIAISON_KIND_ACTIVITY "' AND uuid = ?1", uuid, NULL, &old_at, error))
    return FALSE;
  dates[0] = data != NULL ? json_object_get_string_member_with_default (data, "date", NULL) : NULL;
  dates[1] = old_date;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *quarter = NULL;
      g_autofree char *closed_at = NULL;

      if (!closed_quarter_of (self, dates[i], &quarter, &closed_at, error))
        return FALSE;
      if (quarter == NULL)
        continue;
      if (liaison_text_is_blank (reason) ||
          at == NULL || strcmp (at, closed_at) < 0 || g_strcmp0 (at, old_at) == 0)
        {
          g_autofree char *why = g_strdup_printf ("%s is closed: a change to its activities is a correction,"
                                                  " with a correction_reason and a corrected_at of its own,"
                                                  " made after the quarter was closed (%s).", quarter, closed_at);

          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, why);
        }
      return TRUE;
    }
  return TRUE;
}

/* A closed quarter is closed once (its records are one closing's, one a
 * deputy, sharing its time) and never changed. */
static gboolean
check_quarter_close (LiaisonHqStore  *self,
                     JsonObject      *record,
                     JsonObject      *data,
                     JsonObject     **refusal,
                     GError         **error)
{
  const char *quarter = json_object_get_string_member (data, "quarter");
  g_autofree char *other_at = NULL;

  if (json_object_get_int_member (record, "version") != 1)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                           "A closed quarter's figures are never changed: version must be 1.");
      return TRUE;
    }
  if (!lookup_text (self, "SELECT json_extract (data, '$.closed_at') FROM records"
                          " WHERE kind = '" LIAISON_KIND_QUARTER_CLOSE "' AND deleted = 0"
                          " AND json_extract (data, '$.quarter') = ?1 AND json_extract (data, '$.closed_at') <> ?2"
                          " LIMIT 1",
                    quarter, json_object_get_string_member (data, "closed_at"), &other_at, error))
    return FALSE;
  if (other_at != NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s was already closed at %s.", quarter, other_at);

      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, why);
    }
  return TRUE;
}

/* A published report is never changed (docs/sync-protocol.md, "A
 * published report"): each record is version 1, and a republication is
 * a new head with new parts. A part belongs to a head here, of its
 * period and time: the desk pushes the head first. */
static gboolean
check_published (LiaisonHqStore  *self,
                 JsonObject      *record,
                 JsonObject      *data,
                 JsonObject     **refusal,
                 GError         **error)
{
  g_autofree char *head_at = NULL;

  if (json_object_get_int_member (record, "version") != 1)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                           "A published report is never changed: version must be 1;"
                                           " publish the period again instead.");
      return TRUE;
    }
  if (!g_str_equal (json_object_get_string_member (record, "kind"), LIAISON_KIND_PUBLISHED_REPORT_PART))
    return TRUE;
  if (!lookup_text (self, "SELECT json_extract (data, '$.published_at') FROM records"
                          " WHERE kind = '" LIAISON_KIND_PUBLISHED_REPORT "' AND uuid = ?1"
                          " AND json_extract (data, '$.period') = ?2",
                    json_object_get_string_member (data, "report"), json_object_get_string_member (data, "period"),
                    &head_at, error))
    return FALSE;
  if (head_at == NULL || g_strcmp0 (head_at, json_object_get_string_member (data, "published_at")) != 0)
    *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID,
                                         "data.report is not a published report of data.period"
                                         " published at data.published_at.");
  return TRUE;
}

/* A deputy's PIN (docs/sync-protocol.md, deputy_pin) goes to the feed of
 * the deputy's station as the server knows it, which data.station must
 * name: a station sets only its own deputies' PINs, headquarters any
 * (a reset). A deputy the server does not have has no PIN yet. */
static gboolean
check_deputy_pin (LiaisonHqStore        *self,
                  const LiaisonHqToken  *token,
                  JsonObject            *record,
                  JsonObject            *data,
                  JsonObject           **refusal,
                  GError               **error)
{
  const char *deputy = json_object_get_string_member (data, "deputy");
  const char *station = json_object_get_string_member (data, "station");
  g_autofree char *known = NULL;
  g_autofree char *at = NULL;

  if (!lookup_text (self, "SELECT coalesce (json_extract (data, '$.station'), '') FROM records"
                          " WHERE kind = '" LIAISON_KIND_DEPUTY "' AND uuid = ?1 AND deleted = 0",
                    deputy, NULL, &known, error))
    return FALSE;
  if (known == NULL)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID,
                                           "The deputy of this PIN is not on the server's roster.");
      return TRUE;
    }
  at = *known != '\0' ? g_steal_pointer (&known) : NULL;
  if (token->role == LIAISON_HQ_ROLE_STATION && g_strcmp0 (at, token->station_uuid) != 0)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                                           "This deputy is not at your station: only their own station"
                                           " and headquarters may set their PIN.");
      return TRUE;
    }
  if (g_strcmp0 (at, station) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("data.station must be the deputy's station (%s).",
                                                 at != NULL ? at : "null");

      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, reason);
    }
  return TRUE;
}

/* A decision on an online submission (docs/sync-protocol.md,
 * online_decision) is the chosen station's alone: a station token of the
 * submission's station, on a submission the server has. What an accepted
 * one made, if the server has it yet, is that station's: the desk sends
 * them after the decision is taken, so that two desks deciding at once
 * leave one reception. */
static gboolean
check_online_decision (LiaisonHqStore        *self,
                       const LiaisonHqToken  *token,
                       JsonObject            *record,
                       JsonObject            *data,
                       JsonObject           **refusal,
                       GError               **error)
{
  static const char *const made[][2] = {
    { "reception", LIAISON_KIND_RECEPTION },
    { "suggestion", LIAISON_KIND_SUGGESTION },
  };
  g_autofree char *station = NULL;

  if (token->role != LIAISON_HQ_ROLE_STATION)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                           "The station the citizen chose decides on an online submission;"
                                           " headquarters may not.");
      return TRUE;
    }
  if (!lookup_text (self, "SELECT coalesce (json_extract (data, '$.station'), '') FROM records"
                          " WHERE kind = '" LIAISON_KIND_ONLINE_SUBMISSION "' AND uuid = ?1 AND deleted = 0",
                    json_object_get_string_member (data, "submission"), NULL, &station, error))
    return FALSE;
  if (station == NULL)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID,
                                           "The online submission decided on is not on the server.");
      return TRUE;
    }
  if (g_strcmp0 (station, token->station_uuid) != 0 ||
      g_strcmp0 (json_object_get_string_member (data, "station"), token->station_uuid) != 0)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                                           "This online submission was sent to another station.");
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      const char *uuid = json_object_get_string_member_with_default (data, made[i][0], NULL);
      g_autofree char *sql = NULL;
      g_autofree char *origin = NULL;

      if (uuid == NULL || *uuid == '\0')
        continue;
      sql = g_strdup_printf ("SELECT coalesce (origin_station, '') FROM records WHERE kind = '%s' AND uuid = ?1",
                             made[i][1]);
      if (!lookup_text (self, sql, uuid, NULL, &origin, error))
        return FALSE;
      if (origin != NULL && g_strcmp0 (origin, token->station_uuid) != 0)
        {
          g_autofree char *reason = g_strdup_printf ("The decision's %s belongs to another station.", made[i][0]);

          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION, reason);
          return TRUE;
        }
    }
  return TRUE;
}

gboolean
liaison_hq_push_rules_check (LiaisonHqStore        *self,
                             const LiaisonHqToken  *token,
                             JsonObject            *record,
                             const char            *data_json,
                             JsonObject           **refusal,
                             GError               **error)
{
  const char *kind = json_object_get_string_member (record, "kind");
  const char *uuid = json_object_get_string_member (record, "uuid");
  gint64 version = json_object_get_int_member (record, "version");
  gint64 base_version = json_object_get_int_member_with_default (record, "base_version", 0);
  JsonNode *data_node = json_object_get_member (record, "data");
  JsonObject *data = data_node != NULL && JSON_NODE_HOLDS_OBJECT (data_node) ? json_node_get_object (data_node) : NULL;
  g_autofree char *other_kind = NULL;

  *refusal = NULL;

  /* A version far ahead would leave the next edits no room (2^63 − 1). */
  if (version - base_version > LIAISON_MAX_VERSION_STEP)
    {
      g_autofree char *reason = g_strdup_printf ("version may be at most base_version + %d.",
                                                 LIAISON_MAX_VERSION_STEP);

      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, reason);
      return TRUE;
    }

  /* Every desk receives every headquarters-owned record, and each page is
   * capped in bytes: one record may not fill it. */
  if (data != NULL && data_json != NULL)
    {
      gsize size = strlen (data_json);
      int limit = g_str_equal (kind, LIAISON_KIND_QUARTER_CLOSE) ? LIAISON_MAX_QUARTER_CLOSE_DATA_BYTES
                                                                 : LIAISON_MAX_RECORD_DATA_BYTES;

      if (size > (gsize) limit)
        {
          g_autofree char *reason = g_strdup_printf ("data is %" G_GSIZE_FORMAT " bytes, over the %d bytes a record may hold.",
                                                     size, limit);

          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, reason);
          return TRUE;
        }
    }

  /* A desk keys records by uuid within a kind; the same uuid under two
   * kinds would make a reference name either. */
  if (!other_kind_of_uuid (self, kind, uuid, &other_kind, error))
    return FALSE;
  if (other_kind != NULL)
    {
      g_autofree char *reason = g_strdup_printf ("The uuid is already used by a record of kind %s.", other_kind);

      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_INVALID, reason);
      return TRUE;
    }

  /* A citizen's online rating is written by the server alone, for the
   * public site (sync/hq/liaison-hq-online-progress.c): no token may
   * push one, a station's or headquarters'. */
  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT) && data != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (data, "role", NULL),
                 liaison_loop_role_to_code (LIAISON_LOOP_ROLE_CITIZEN)) == 0)
    {
      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY,
                                           "Only the server records a citizen's online rating (role citizen).");
      return TRUE;
    }

  if (token->role == LIAISON_HQ_ROLE_STATION && g_str_equal (kind, LIAISON_KIND_SUGGESTION_EVENT) &&
      data != NULL && is_hq_only_move (json_object_get_string_member_with_default (data, "move", NULL)))
    {
      g_autofree char *reason = g_strdup_printf ("Only headquarters may record a %s move.",
                                                 json_object_get_string_member (data, "move"));

      *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_READ_ONLY, reason);
      return TRUE;
    }

  /* A suggestion names a reception of its own station, or a desk would
   * show another station's visitors under it. */
  if (g_str_equal (kind, LIAISON_KIND_SUGGESTION) && data != NULL &&
      json_object_get_string_member_with_default (data, "reception", NULL) != NULL)
    {
      g_autofree char *station = NULL;
      const char *own = token->role == LIAISON_HQ_ROLE_STATION
                        ? token->station_uuid
                        : json_object_get_string_member_with_default (data, "station", NULL);

      if (!reception_station (self, json_object_get_string_member (data, "reception"), &station, error))
        return FALSE;
      if (station != NULL && g_strcmp0 (station, own) != 0)
        {
          *refusal = liaison_hq_push_rejected (record, LIAISON_REJECT_NOT_YOUR_STATION,
                                               "The suggestion's reception belongs to another station.");
          return TRUE;
        }
    }

  if (g_str_equal (kind, LIAISON_KIND_ONLINE_DECISION) && data != NULL)
    return check_online_decision (self, token, record, data, refusal, error);
  if (g_str_equal (kind, LIAISON_KIND_DEPUTY_PIN) && data != NULL)
    return check_deputy_pin (self, token, record, data, refusal, error);

  /* A station's token is refused headquarters' kinds by the push itself. */
  if (g_str_equal (kind, LIAISON_KIND_QUARTER_CLOSE) && token->role == LIAISON_HQ_ROLE_HQ && data != NULL)
    return check_quarter_close (self, record, data, refusal, error);
  if ((g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT) || g_str_equal (kind, LIAISON_KIND_PUBLISHED_REPORT_PART)) &&
      token->role == LIAISON_HQ_ROLE_HQ && data != NULL)
    return check_published (self, record, data, refusal, error);

  if (g_str_equal (kind, LIAISON_KIND_ACTIVITY))
    {
      if (!check_activity_owner (self, token, record, data, refusal, error))
        return FALSE;
      if (*refusal != NULL)
        return TRUE;
      return check_activity_correction (self, record, data, refusal, error);
    }
  return TRUE;
}
