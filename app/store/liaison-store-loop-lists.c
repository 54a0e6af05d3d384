/* liaison-store-loop-lists.c: what is read from the cached loop columns: the follow-up
 * lists, the unseen replies and the figures. */
#define G_LOG_DOMAIN "liaison-store-loop"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-store-private.h"

/* The follow-up lists */

/* Each list's WHERE is word for word the WHERE of its partial index in
 * migration_4 or migration_5 (liaison-store-schema.c): SQLite uses a partial
 * index only for a query whose terms include the index's own. */
#define OPEN_STATUS " g.status NOT IN ('none', 'closed', 'withdrawn')"
#define AWAITING_REPLY " g.status IN ('referred', 'in_progress')"
#define NEWEST_FIRST " ORDER BY g.created_at DESC, g.id DESC"

typedef struct {
  const char *where;  /* after "g.deleted = 0 AND"; ?1 today, ?2 today + 3, ?3 deputy id */
  const char *order;
} ListQuery;

static const ListQuery list_queries[LIAISON_N_LOOP_LISTS] = {
  [LIAISON_LOOP_LIST_TO_REFER] = {
    " g.status IN ('taken_up', 'registered') AND (g.status = 'taken_up' OR g.kind = 'deputy_suggestion')",
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_OVERDUE] = {
    AWAITING_REPLY " AND g.due_date < ?1",
    " ORDER BY g.due_date, g.id" },
  [LIAISON_LOOP_LIST_DUE_SOON] = {
    AWAITING_REPLY " AND g.due_date >= ?1 AND g.due_date <= ?2",
    " ORDER BY g.due_date, g.id" },
  /* Those awaiting a reply first, soonest due (the most overdue) at the
   * top; the others after them, newest first: the order of
   * suggestions_key_supervision_by_due (migration_5). */
  [LIAISON_LOOP_LIST_KEY_SUPERVISION] = {
    " g.key_supervision = 1 AND" OPEN_STATUS,
    " ORDER BY g.due_date IS NULL, g.due_date, g.created_at DESC, g.id DESC" },
  /* The latest rating is unsatisfied while the suggestion is open, until
   * it is rated again (docs/closed-loop.md): it stays on the list once it
   * is referred again, as the figures count it. */
  [LIAISON_LOOP_LIST_UNSATISFIED] = {
    " g.last_rating = 'unsatisfied' AND" OPEN_STATUS,
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_TO_TAKE_UP] = {
    " g.status = 'registered' AND g.kind = 'public_opinion'",
    NEWEST_FIRST },
  /* A deputy rates their own suggestion: there is no citizen to call. */
  [LIAISON_LOOP_LIST_TELL_CITIZEN] = {
    " g.status IN ('replied', 'answered_on_spot') AND g.kind = 'public_opinion'",
    NEWEST_FIRST },
  [LIAISON_LOOP_LIST_TAKEN_UP_BY] = {
    " g.taken_up_by_id = ?3 AND g.status NOT IN ('closed', 'withdrawn')",
    NEWEST_FIRST },
  /* The filer's own, and those co-signed (suggestion_co_signers, kept from
   * co_signers by triggers), each found by an index. */
  [LIAISON_LOOP_LIST_FILED_BY] = {
    " g.kind = 'deputy_suggestion' AND g.id IN (SELECT s.id FROM suggestions s"
    " WHERE s.deputy_id = ?3 AND s.deleted = 0 AND s.kind = 'deputy_suggestion'"
    " UNION ALL SELECT c.suggestion_id FROM suggestion_co_signers c"
    " WHERE c.deputy_uuid = (SELECT uuid FROM deputies WHERE id = ?3))",
    NEWEST_FIRST },
};

static void
resolve_today (const GDate *today,
               GDate       *day)
{
  if (today != NULL && g_date_valid (today))
    *day = *today;
  else
    liaison_date_set_today (day);
}

/* Binds today and today + 3 (ISO dates compare as text in date order) to
 * parameters @first and @first + 1. */
static void
bind_days (sqlite3_stmt *stmt,
           int           first,
           const GDate  *today)
{
  GDate day;
  GDate soon;

  resolve_today (today, &day);
  soon = day;
  g_date_add_days (&soon, 3);
  sqlite3_bind_text (stmt, first, liaison_date_to_iso (&day), -1, g_free);
  sqlite3_bind_text (stmt, first + 1, liaison_date_to_iso (&soon), -1, g_free);
}

static void
bind_list (sqlite3_stmt *stmt,
           gint64        deputy_id,
           const GDate  *today)
{
  bind_days (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 3, deputy_id);
}

GPtrArray *
liaison_store_list_loop (LiaisonStore     *self,
                         LiaisonLoopList   list,
                         gint64            deputy_id,
                         const GDate      *today,
                         guint             limit,
                         GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) list < LIAISON_N_LOOP_LISTS, NULL);

  sql = g_strconcat (LIAISON_SUGGESTION_SELECT " WHERE g.deleted = 0 AND", list_queries[list].where,
                     list_queries[list].order, " LIMIT ?4", NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_list (stmt, deputy_id, today);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  return liaison_store_collect_rows (self, stmt, liaison_store_read_suggestion,
                                     (GDestroyNotify) liaison_suggestion_free,
                                     _("Could not read the suggestions"), error);
}

guint
liaison_store_count_loop (LiaisonStore     *self,
                          LiaisonLoopList   list,
                          gint64            deputy_id,
                          const GDate      *today,
                          GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) list < LIAISON_N_LOOP_LISTS, 0);

  sql = g_strconcat ("SELECT count(*) FROM suggestions g WHERE g.deleted = 0 AND",
                     list_queries[list].where, NULL);
  stmt = liaison_store_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  bind_list (stmt, deputy_id, today);
  return liaison_store_step_count (self, stmt, _("Could not count the suggestions"), error);
}

/* Replies that arrived */

guint
liaison_store_count_unseen_replies (LiaisonStore  *self,
                                    GError       **error)
{
  gint64 count;

  g_return_val_if_fail (LIAISON_IS_STORE (self), 0);

  count = liaison_store_query_int (self,
    "SELECT count(*) FROM suggestions WHERE reply_unseen = 1 AND deleted = 0", error);
  return count > 0 ? (guint) count : 0;
}

gboolean
liaison_store_mark_reply_seen (LiaisonStore  *self,
                               gint64         suggestion_id,
                               GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);

  /* Bookkeeping of this computer, not an edit: nothing to sync. */
  stmt = liaison_store_prepare (self,
    "UPDATE suggestions SET reply_unseen = 0 WHERE id = ? AND reply_unseen = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, suggestion_id);
  if (!liaison_store_step_done (self, stmt, _("Could not mark the reply as seen"), error))
    return FALSE;
  if (sqlite3_changes (liaison_store_get_handle (self)) > 0)
    liaison_store_emit_changed (self, "suggestions");
  return TRUE;
}

/* The figures */

/* The figures come from the cached columns, which
 * liaison_store_refresh_loop_cache() writes from each replay, in two
 * queries: the suggestions of the period grouped by what the figures tell
 * apart but the deadline (a few dozen groups, read in the order of
 * suggestions_for_figures), and the deadlines of those awaiting a reply.
 * test-store-loop checks them against liaison_figures_compute() over the
 * replayed timelines. */
#define FIGURES_GROUPS_SELECT                                                          \
  "SELECT status, last_rating, key_supervision, n_replies, n_late_replies, count(*)"   \
  " FROM suggestions WHERE deleted = 0 AND status <> 'none'"                          \
  " AND registered_on >= ?1 AND registered_on <= ?2"                                  \
  " GROUP BY status, last_rating, key_supervision, n_replies, n_late_replies"
/* Named: without statistics SQLite would rather take suggestions_for_figures
 * by status and read every row awaiting a reply. */
#define FIGURES_DEADLINES_SELECT                                                       \
  "SELECT sum (g.due_date < ?3), sum (g.due_date >= ?3)"                              \
  " FROM suggestions g INDEXED BY suggestions_awaiting_reply"                         \
  " WHERE g.deleted = 0 AND" AWAITING_REPLY " AND g.due_date <= ?4"                   \
  " AND g.registered_on >= ?1 AND g.registered_on <= ?2"

/* Binds the period (?1, ?2) and the day (?3, ?4) of a figures query. */
static void
bind_figures (sqlite3_stmt *stmt,
              const GDate  *from,
              const GDate  *to,
              const GDate  *today)
{
  /* Every ISO date sorts after "" and before "~". */
  if (from != NULL && g_date_valid (from))
    sqlite3_bind_text (stmt, 1, liaison_date_to_iso (from), -1, g_free);
  else
    sqlite3_bind_text (stmt, 1, "", -1, SQLITE_STATIC);
  if (to != NULL && g_date_valid (to))
    sqlite3_bind_text (stmt, 2, liaison_date_to_iso (to), -1, g_free);
  else
    sqlite3_bind_text (stmt, 2, "~", -1, SQLITE_STATIC);
  bind_days (stmt, 3, today);
}

void
liaison_store_add_figures_state (LiaisonFigures   *figures,
                                 LiaisonLoopState *state,
                                 guint             count,
                                 const GDate      *day)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  LiaisonFigures group;

  state->registered_on = *day;
  g_date_clear (&state->due_date, 1);
  g_ptr_array_add (one, state);
  liaison_figures_compute (&group, one, NULL, NULL, day);
  liaison_figures_add (figures, &group, count);
}

void
liaison_store_add_figures_group (LiaisonFigures *figures,
                                 sqlite3_stmt   *stmt,
                                 const GDate    *day)
{
  LiaisonLoopState state = { 0, };

  if (!liaison_loop_status_from_code ((const char *) sqlite3_column_text (stmt, 0), &state.status))
    return;
  state.rated = liaison_loop_rating_from_code ((const char *) sqlite3_column_text (stmt, 1), &state.last_rating);
  state.key_supervision = sqlite3_column_int (stmt, 2) != 0;
  state.n_replies = (guint) sqlite3_column_int (stmt, 3);
  state.n_late_replies = (guint) sqlite3_column_int (stmt, 4);
  liaison_store_add_figures_state (figures, &state, (guint) sqlite3_column_int64 (stmt, 5), day);
}

typedef struct
{
  LiaisonFigures *figures;
  const GDate    *day;
} FiguresGroups;

static void
add_figures_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  FiguresGroups *groups = data;

  liaison_store_add_figures_group (groups->figures, stmt, groups->day);
}

gboolean
liaison_store_compute_figures (LiaisonStore    *self,
                               const GDate     *from,
                               const GDate     *to,
                               const GDate     *today,
                               LiaisonFigures  *figures,
                               GError         **error)
{
  sqlite3_stmt *stmt;
  GDate day;
  FiguresGroups groups = { figures, &day };
  int rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  resolve_today (today, &day);

  stmt = liaison_store_prepare (self, FIGURES_GROUPS_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  bind_figures (stmt, from, to, &day);
  if (!liaison_store_step_rows (self, stmt, add_figures_row, &groups,
                                _("Could not read the suggestions for the figures"), error))
    return FALSE;

  stmt = liaison_store_prepare (self, FIGURES_DEADLINES_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  bind_figures (stmt, from, to, &day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* sum() of no rows is NULL, read as 0. */
      figures->overdue = (guint) sqlite3_column_int64 (stmt, 0);
      figures->due_soon = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    goto failed;
  return TRUE;

failed:
  liaison_store_set_error (self, error, _("Could not read the suggestions for the figures"));
  return FALSE;
}

GHashTable *
liaison_store_read_lead_units (LiaisonStore *self,
                               GPtrArray    *suggestions)
{
  GHashTable *lead_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GPtrArray) units = liaison_store_list_units (self, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (names, unit->meta.uuid, unit->name);
    }
  for (guint i = 0; i < suggestions->len; i++)
    {
      LiaisonSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr(LiaisonLoopState) state = NULL;
      const char *name;

      if (!g_date_valid (&suggestion->due_date))
        continue;
      state = liaison_store_get_loop_state (self, suggestion->meta.id, NULL);
      name = state != NULL && state->lead_unit_uuid != NULL ? g_hash_table_lookup (names, state->lead_unit_uuid) : NULL;
      if (name != NULL)
        g_hash_table_insert (lead_units, &suggestion->meta.id, g_strdup (name));
    }
  return lead_units;
}
