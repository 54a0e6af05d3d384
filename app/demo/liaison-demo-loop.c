/* liaison-demo-loop.c: the demo suggestions' loop histories: each move
 * added through the store, timed after the one before and never after now,
 * and deputies' own suggestions with theirs. */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include <string.h>

#include "liaison-demo-private.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

/* Loop histories */

/* Who makes the moves. */
static const char *const station_staff[] = { "刘芳", "陈静", "王丽" };
static const char *const hq_staff[] = { "代表工委 张敏", "代表工委 孙涛", "代表工委 周婷" };

/* Replies: the text before and after the unit's name. */
static const char *const reply_templates[][2] = {
  { "经现场核查，", "已组织施工队处理，问题已解决，并已向群众反馈。" },
  { "", "已将该问题列入本年度工作计划，预计下月底前完成整改。" },
  { "经", "调查核实，已督促相关责任单位限期整改，整改情况将持续跟踪。" },
  { "", "已会同属地街道现场办公，制定了解决方案，目前已完成主体工作。" },
  { "", "答复：该事项涉及政策规定，已向群众当面解释，并协助办理相关手续。" },
};

static const char *const withdraw_reasons[] = {
  "群众来电表示问题已自行解决，申请撤回。",
  "经核实为重复登记，予以撤回。",
  "群众表示已通过12345热线反映并得到处理。",
};

static const char *const supervision_notes[] = {
  "群众多次反映，列为重点督办，请承办单位加快办理。",
  "已超过办理时限，列为重点督办。",
  "涉及群众切身利益，代表工委跟踪督办。",
};

/* Deputies' own suggestions (议案建议): title, content. */
static const char *const motion_texts[][2] = {
  { "关于加快推进老旧小区改造的建议",
    "我市部分老旧小区存在管网老化、道路破损、停车难等问题，建议统筹资金，分批推进改造，并建立长效管理机制。" },
  { "关于完善农村养老服务体系的建议",
    "农村留守老人多，养老服务设施不足，建议依托村级党群服务中心建设互助养老点，落实运营补贴。" },
  { "关于优化城区公交线网的建议",
    "新建小区与主城区之间公交线路少、班次稀，建议开展公交线网优化，增开社区微循环线路。" },
  { "关于加强中小学生课后服务的建议",
    "课后服务内容单一，家长接送困难，建议丰富课后服务内容，推行弹性离校。" },
  { "关于支持煤矿塌陷区生态修复的建议",
    "采煤塌陷区综合治理任务仍然较重，建议加大生态修复投入，发展水产养殖和光伏等产业。" },
  { "关于规范电动自行车充电管理的建议",
    "居民楼道充电现象普遍，安全隐患大，建议在小区集中建设充电设施，并加强执法检查。" },
};

/* Where a suggestion's history has got to: the time of its last move,
 * local. */
typedef struct {
  Generator  *gen;
  gint64      id;
  GDateTime  *at;
  gboolean    stopped;   /* the next move would have been after now */
  const char *filer;     /* a deputy's own suggestion: the filer's uuid */
} History;

static void
history_clear (History *history)
{
  g_clear_pointer (&history->at, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (History, history_clear)

/* Starts at the register move, @created_at (UTC). */
static gboolean
history_start (History    *history,
               Generator  *gen,
               gint64      id,
               const char *created_at)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) registered = created_at != NULL ? g_date_time_new_from_iso8601 (created_at, utc) : NULL;

  history->gen = gen;
  history->id = id;
  history->stopped = registered == NULL;
  history->at = registered != NULL ? g_date_time_to_local (registered) : NULL;
  return !history->stopped;
}

/* Moves the clock on by @min_days to @max_days (office hours on a later
 * day, or a few hours later on the same one); FALSE, and the history
 * stops there, when that is after now. */
static gboolean
history_wait (History *history,
              guint    min_days,
              guint    max_days)
{
  GRand *rand = history->gen->rand;
  guint days = min_days + (max_days > min_days ? (guint) g_rand_int_range (rand, 0, max_days - min_days + 1) : 0);
  GDateTime *next;

  if (history->stopped)
    return FALSE;
  if (days == 0)
    next = g_date_time_add_minutes (history->at, g_rand_int_range (rand, 10, 240));
  else
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (history->at, days);
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (day),
                                                             g_date_time_get_month (day),
                                                             g_date_time_get_day_of_month (day), 0, 0, 0);

      next = g_date_time_add_minutes (midnight, g_rand_int_range (rand, 8 * 60 + 30, 17 * 60 + 30));
    }
  g_date_time_unref (history->at);
  history->at = next;
  if (g_date_time_compare (next, history->gen->now) > 0)
    history->stopped = TRUE;
  return !history->stopped;
}

/* The local day of the history's time. */
static void
history_day (History *history,
             GDate   *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (history->at), g_date_time_get_month (history->at),
                  g_date_time_get_year (history->at));
}

/* Records @event (taken) at the history's time. */
static gboolean
history_add (History           *history,
             LiaisonLoopEvent  *event,
             GError           **error)
{
  g_autoptr(LiaisonLoopEvent) owned = event;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (history->at);

  /* Whole seconds, as stored and synced. */
  owned->at = g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                                   g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                                   g_date_time_get_minute (utc), g_date_time_get_second (utc));
  /* The other side's moves arrive as if pulled: a station cannot record
   * headquarters' moves, nor headquarters a station's. */
  if ((owned->role == LIAISON_LOOP_ROLE_HQ) != history->gen->hq)
    return liaison_store_add_received_event (history->gen->store, history->id, owned, error);
  /* A history that already happened: each deputy entered their PIN when
   * they made their move (liaison-store-deputy-pin.h). */
  if (owned->role == LIAISON_LOOP_ROLE_DEPUTY)
    liaison_store_set_verified_deputy (history->gen->store,
                                       owned->deputy_uuid != NULL ? owned->deputy_uuid : history->filer);
  return liaison_store_add_suggestion_event (history->gen->store, history->id, owned, error);
}

/* A move by headquarters' or the station's staff, under one of their names. */
static LiaisonLoopEvent *
staff_move (History         *history,
            LiaisonLoopRole  role,
            LiaisonLoopMove  move)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, role);

  event->actor_name = g_strdup (role == LIAISON_LOOP_ROLE_HQ ? PICK (history->gen->rand, hq_staff)
                                                             : PICK (history->gen->rand, station_staff));
  return event;
}

static LiaisonLoopEvent *
deputy_move (History         *history,
             LiaisonLoopMove  move,
             gint64           deputy_id)
{
  LiaisonLoopEvent *event = liaison_loop_event_new (move, LIAISON_LOOP_ROLE_DEPUTY);
  const LiaisonDeputy *deputy = g_hash_table_lookup (history->gen->deputies, &deputy_id);

  event->actor_name = g_strdup (deputy->name);
  event->deputy_uuid = g_strdup (deputy->meta.uuid);
  return event;
}

static char *
unit_uuid (Generator  *gen,
           const char *name)
{
  return g_strdup (g_hash_table_lookup (gen->unit_uuids, name));
}

/* Refers the item to one of @units, with the rules' due date (in @due);
 * @lead gets the lead unit's name. */
static gboolean
history_refer (History            *history,
               LiaisonLoopKind     kind,
               const char *const  *units,
               GDate              *due,
               const char        **lead,
               GError            **error)
{
  GRand *rand = history->gen->rand;
  LiaisonLoopEvent *event = staff_move (history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_REFER);
  guint n_units = strv_len (units);
  guint index = chance (rand, 75) ? 0 : (guint) g_rand_int_range (rand, 0, n_units);
  GDate day;

  history_day (history, &day);
  *lead = units[index];
  event->lead_unit_uuid = unit_uuid (history->gen, units[index]);
  if (n_units > 1 && chance (rand, 35))
    {
      event->co_unit_uuids = g_new0 (char *, 2);
      event->co_unit_uuids[0] = unit_uuid (history->gen, units[(index + 1) % n_units]);
    }
  liaison_store_default_due_date (history->gen->store, kind, &day, &event->due_date);
  *due = event->due_date;
  return history_add (history, event, error);
}

static gboolean
history_reply (History     *history,
               const char  *unit,
               GError     **error)
{
  LiaisonLoopEvent *event = staff_move (history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_REPLY);
  guint template = g_rand_int_range (history->gen->rand, 0, G_N_ELEMENTS (reply_templates));

  event->reply_text = g_strconcat (reply_templates[template][0], unit, reply_templates[template][1], NULL);
  event->replying_unit_uuid = unit_uuid (history->gen, unit);
  history_day (history, &event->reply_date);
  /* Two replies in five come with the unit's letter, as headquarters
   * would attach it; at a station it has arrived with the sync. Not drawn
   * from the generator, so the rest of the city stays as it was. */
  if (history->id % 5 < 2)
    {
      g_autofree char *date = liaison_date_to_iso (&event->reply_date);
      g_autofree char *letter = g_strdup_printf ("%s关于群众建议办理情况的答复\n\n%s\n\n%s\n%s\n",
                                                 unit, event->reply_text, unit, date);
      gsize length = strlen (letter);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&letter), length);
      char *sha256 = liaison_store_keep_attachment (history->gen->store, bytes, !history->gen->hq, error);

      if (sha256 == NULL)
        {
          liaison_loop_event_free (event);
          return FALSE;
        }
      event->attachments = g_new0 (char *, 2);
      event->attachments[0] = sha256;
      event->attachment_names = g_new0 (char *, 2);
      event->attachment_names[0] = g_strconcat (unit, "答复函.txt", NULL);
    }
  return history_add (history, event, error);
}

static gboolean
history_supervise (History     *history,
                   const char  *note,
                   GError     **error)
{
  LiaisonLoopEvent *event = staff_move (history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_SUPERVISE);

  event->note = g_strdup (note);
  event->key_supervision = TRUE;
  return history_add (history, event, error);
}

/* The station asks the citizen how it went; a deputy rates their own
 * suggestion blind (no name on the move). */
static gboolean
history_rate (History            *history,
              LiaisonLoopKind     kind,
              LiaisonLoopRating   rating,
              GError            **error)
{
  GRand *rand = history->gen->rand;
  LiaisonLoopRole role = liaison_loop_move_role (kind, LIAISON_LOOP_MOVE_RATE);
  LiaisonLoopEvent *event = liaison_loop_event_new (LIAISON_LOOP_MOVE_RATE, role);

  event->rating = rating;
  event->asked = chance (rand, 70) ? LIAISON_LOOP_ASKED_PHONE : LIAISON_LOOP_ASKED_IN_PERSON;
  if (role == LIAISON_LOOP_ROLE_STATION)
    {
      event->actor_name = g_strdup (PICK (rand, station_staff));
      event->rated_by = g_strdup (event->actor_name);
    }
  return history_add (history, event, error);
}

static LiaisonLoopRating
pick_rating (GRand    *rand,
             gboolean  may_be_unsatisfied)
{
  guint roll = g_rand_int_range (rand, 0, 100);

  if (may_be_unsatisfied && roll < 10)
    return LIAISON_LOOP_RATING_UNSATISFIED;
  return roll < 82 ? LIAISON_LOOP_RATING_SATISFIED : LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
}

/* From referral on: referred, perhaps started and supervised, replied
 * (mostly in time), rated, closed; an unsatisfied rating sends it round
 * once more. The history stops wherever now falls. */
static gboolean
history_handle (History            *history,
                LiaisonLoopKind     kind,
                const char *const  *units,
                GError            **error)
{
  GRand *rand = history->gen->rand;

  for (guint round = 1; round <= 2; round++)
    {
      const char *lead = NULL;
      LiaisonLoopRating rating;
      GDate due, day;
      guint left, roll;

      if (round == 2 && !history_wait (history, 1, 6))
        return TRUE;
      if (!history_refer (history, kind, units, &due, &lead, error))
        return FALSE;

      if (chance (rand, 40))
        {
          if (!history_wait (history, 1, 4))
            return TRUE;
          if (!history_add (history, staff_move (history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_START), error))
            return FALSE;
        }
      if (chance (rand, 4))
        {
          if (!history_wait (history, 2, 8))
            return TRUE;
          if (!history_supervise (history, supervision_notes[chance (rand, 50) ? 0 : 2], error))
            return FALSE;
        }

      history_day (history, &day);
      left = (guint) MAX (g_date_days_between (&day, &due), 0);
      roll = g_rand_int_range (rand, 0, 100);
      if (roll < 5)
        {
          /* No reply yet: overdue, and supervised once it is. */
          if (!history_wait (history, left + 1, left + 4))
            return TRUE;
          return history_supervise (history, supervision_notes[1], error);
        }
      if (roll < 14)
        {
          /* Late. */
          if (!history_wait (history, left + 1, left + 12))
            return TRUE;
        }
      else if (!history_wait (history, MIN (2, left), MAX (MIN (2, left), left > 0 ? left - 1 : 0)))
        return TRUE;
      if (!history_reply (history, lead, error))
        return FALSE;

      if (!history_wait (history, 1, 7))
        return TRUE;
      rating = pick_rating (rand, round == 1);
      if (!history_rate (history, kind, rating, error))
        return FALSE;
      if (rating == LIAISON_LOOP_RATING_UNSATISFIED)
        continue;

      if (chance (rand, 90) && history_wait (history, 1, 10))
        return history_add (history, staff_move (history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_CLOSE), error);
      return TRUE;
    }
  return TRUE;
}

/* A citizen's item: mostly taken up by a deputy present at the visit and
 * referred; some answered on the spot; a few left alone or withdrawn. */
gboolean
liaison_demo_history_public_opinion (Generator                *gen,
                                     const LiaisonReception   *reception,
                                     const LiaisonSuggestion  *suggestion,
                                     const char *const        *units,
                                     GError                  **error)
{
  g_auto(History) history = { 0, };
  GRand *rand = gen->rand;
  gint64 deputy_id = g_array_index (reception->deputy_ids, gint64, 0);
  guint roll = g_rand_int_range (rand, 0, 100);
  LiaisonLoopEvent *event;

  if (!history_start (&history, gen, suggestion->meta.id, suggestion->created_at))
    return TRUE;

  if (reception->handled_on_spot && reception->handling != NULL && *reception->handling != '\0' && roll < 50)
    {
      gboolean rated = FALSE;

      if (!history_wait (&history, 0, 0))
        return TRUE;
      event = deputy_move (&history, LIAISON_LOOP_MOVE_ANSWER_ON_SPOT, deputy_id);
      event->answer = g_strdup (reception->handling);
      if (!history_add (&history, event, error))
        return FALSE;
      if (chance (rand, 60))
        {
          LiaisonLoopRating rating = pick_rating (rand, TRUE);

          if (!history_wait (&history, 1, 3))
            return TRUE;
          if (!history_rate (&history, LIAISON_LOOP_KIND_PUBLIC_OPINION, rating, error))
            return FALSE;
          if (rating == LIAISON_LOOP_RATING_UNSATISFIED)
            return history_handle (&history, LIAISON_LOOP_KIND_PUBLIC_OPINION, units, error);
          rated = TRUE;
        }
      if ((rated || chance (rand, 40)) && history_wait (&history, 1, 7))
        return history_add (&history, staff_move (&history, LIAISON_LOOP_ROLE_HQ, LIAISON_LOOP_MOVE_CLOSE), error);
      return TRUE;
    }

  if (roll < 4 || roll >= 97)
    {
      /* Withdrawn: before anyone took it up, or after. */
      if (roll >= 97)
        {
          if (!history_wait (&history, 0, 3))
            return TRUE;
          if (!history_add (&history, deputy_move (&history, LIAISON_LOOP_MOVE_TAKE_UP, deputy_id), error))
            return FALSE;
        }
      if (!history_wait (&history, 1, 10))
        return TRUE;
      event = staff_move (&history, LIAISON_LOOP_ROLE_STATION, LIAISON_LOOP_MOVE_WITHDRAW);
      event->reason = g_strdup (PICK (rand, withdraw_reasons));
      return history_add (&history, event, error);
    }
  if (roll < 8)
    return TRUE;  /* nobody has taken it up */

  if (!history_wait (&history, 0, 3))
    return TRUE;
  event = deputy_move (&history, LIAISON_LOOP_MOVE_TAKE_UP, deputy_id);
  if (chance (rand, 30))
    event->note = g_strdup ("已向来访群众了解详细情况，建议交相关部门办理。");
  if (!history_add (&history, event, error))
    return FALSE;
  if (!history_wait (&history, 1, 5))
    return TRUE;
  return history_handle (&history, LIAISON_LOOP_KIND_PUBLIC_OPINION, units, error);
}

const char *const *
liaison_demo_units_of_category (Generator *gen,
                                gint64     category_id)
{
  for (guint i = 0; i < LIAISON_DEMO_N_TOPICS; i++)
    if (gen->category_ids[i] == category_id)
      return liaison_demo_topic_units[i];
  return liaison_demo_topic_units[LIAISON_DEMO_N_TOPICS - 1];
}

/* Deputies' own suggestions, filed at this station with co-signers, each
 * with its loop: referred straight away, replied within three months,
 * rated blind by the deputy, closed. */
gboolean
liaison_demo_add_motions (Generator  *gen,
                          guint       n,
                          GError    **error)
{
  GRand *rand = gen->rand;
  GArray *pool = gen->local_deputies->len >= 2 ? gen->local_deputies : gen->all_deputies;

  if (gen->all_deputies->len < 2)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaisonSuggestion) suggestion = liaison_suggestion_new ();
      g_auto(History) history = { 0, };
      guint topic = g_rand_int_range (rand, 0, LIAISON_DEMO_N_TOPICS);
      guint text = g_rand_int_range (rand, 0, G_N_ELEMENTS (motion_texts));
      guint n_co_signers = g_rand_int_range (rand, 1, 4);
      gint64 filer = g_array_index (pool, gint64, g_rand_int_range (rand, 0, pool->len));
      const LiaisonDeputy *deputy = g_hash_table_lookup (gen->deputies, &filer);
      int days_ago = g_rand_int_range (rand, 1, gen->n_days);
      g_autoptr(GDateTime) day = NULL;
      g_autoptr(GDateTime) filed = NULL;
      g_autoptr(GDateTime) filed_utc = NULL;

      /* The last one was filed yesterday and waits for headquarters to
       * refer it, whatever day the demo is made on: a desk always has
       * that work in front of it. */
      if (i == n - 1)
        days_ago = 1;
      day = g_date_time_add_days (gen->today, -days_ago);
      filed = g_date_time_add_minutes (day, g_rand_int_range (rand, 9 * 60, 17 * 60));
      filed_utc = g_date_time_to_utc (filed);

      suggestion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
      suggestion->deputy_id = filer;
      for (guint c = 0; c < n_co_signers; c++)
        {
          gint64 id = g_array_index (gen->all_deputies, gint64, g_rand_int_range (rand, 0, gen->all_deputies->len));

          if (id != filer)
            liaison_demo_add_deputy_once (suggestion->co_signer_ids, id);
        }
      suggestion->meta.origin_station_uuid = g_strdup (gen->station_uuid);
      suggestion->station_id = gen->station_id;
      suggestion->category_id = gen->category_ids[topic];
      suggestion->title = g_strdup (motion_texts[text][0]);
      suggestion->content = g_strdup (motion_texts[text][1]);
      suggestion->raised_by = g_strdup (deputy->name);
      suggestion->created_at = g_date_time_format (filed_utc, "%Y-%m-%dT%H:%M:%SZ");
      if (!liaison_store_save_suggestion (gen->store, suggestion, error))
        return FALSE;

      if (!history_start (&history, gen, suggestion->meta.id, suggestion->created_at))
        continue;
      history.filer = deputy->meta.uuid;
      if (history_wait (&history, 3, 20) &&
          !history_handle (&history, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, liaison_demo_topic_units[topic], error))
        return FALSE;
    }
  return TRUE;
}
