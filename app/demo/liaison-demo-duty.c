/* liaison-demo-duty.c: the demo city's duty record (docs/duty-record.md,
 * "Demo data"): a year of headquarters activities with each deputy's
 * attendance, the congress session days in January, and every station's
 * duty roster with the station duty its deputies logged.
 *
 * It draws from a GRand of its own, seeded from the demo's seed, so that
 * the stations, roster, receptions and loop histories stay exactly those
 * of the same seed without it. The activities are per year of the city,
 * not per reception: a million receptions get the same year.
 *
 * Headquarters' activities arrive as a pulled page, as the server sends
 * them (a station desk may not record those kinds); the roster and the
 * station duty go through the store's API, each as its station's record,
 * and those of other stations are marked synced, as if pulled.
 */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-calendar.h"
#include "liaison-demo-private.h"
#include "liaison-store-duty.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

/* Mixed into the demo's seed: the duty record's own random sequence. */
#define DUTY_SEED_SALT 0x64757479u  /* "duty" */
/* Days of the roster planned ahead of today (planned, not yet done). */
#define ROSTER_DAYS_AHEAD 28
#define STATION_DUTY_LOGGED_PERCENT 85

#define ORGANISER_OFFICE "市人大常委会办公室"
#define ORGANISER_DEPUTIES "市人大常委会代表工作委员会"

/* By topic, in the order of liaison_demo_topics: the deputy group most
 * concerned, the committee that organises, and the law inspected. */
typedef struct {
  const char *group;
  const char *committee;
  const char *law;
} TopicDuty;

static const TopicDuty topic_duty[LIAISON_DEMO_N_TOPICS] = {
  { "社区治理", "市人大常委会城建环保工委", "《安徽省物业管理条例》" },
  { "社区治理", "市人大社会建设委员会", "《中华人民共和国社会保险法》" },
  { "教育", "市人大教育科学文化卫生委员会", "《中华人民共和国义务教育法》" },
  { "医疗卫生", "市人大教育科学文化卫生委员会", "《中华人民共和国基本医疗卫生与健康促进法》" },
  { "社区治理", "市人大常委会城建环保工委", "《中华人民共和国道路交通安全法》" },
  { "生态环保", "市人大常委会城建环保工委", "《中华人民共和国大气污染防治法》" },
  { "农业农村", "市人大农业与农村委员会", "《中华人民共和国农产品质量安全法》" },
  { "企业发展", "市人大财政经济委员会", "《中华人民共和国中小企业促进法》" },
  { "法律", "市人大监察和司法委员会", "《中华人民共和国消防法》" },
  { "社区治理", "市人大常委会代表工作委员会", "《淮北市文明行为促进条例》" },
};

/* The "5+4" theme activities. */
static const char *const themes[] = {
  "代表进站接待群众", "优化营商环境代表在行动", "乡村振兴代表在行动", "代表助力基层治理",
  "民生实事项目代表监督", "生态环保代表在行动", "代表进社区宣讲", "代表向选民述职",
  "代表联系群众“走访日”",
};

/* Where a law-enforcement inspection goes to see the law applied. */
static const char *const inspected_districts[] = {
  "相山区、杜集区", "烈山区、濉溪县", "濉溪县、相山区", "杜集区、烈山区",
};

static const char *const group_doings[] = {
  "集中学习", "座谈交流", "专题调研", "进站接待", "走访企业", "建议督办",
};

static const char *const station_duty_titles[] = {
  "进站履职，接待群众", "驻站值班，收集社情民意", "进站接待选民", "进站履职，回访群众意见办理情况",
};

/* How many of each headquarters kind a year holds: 150+ events. */
typedef struct {
  LiaisonActivityKind kind;
  guint               per_year;
} KindCount;

static const KindCount year_counts[] = {
  { LIAISON_ACTIVITY_STANDING_COMMITTEE, 8 },
  { LIAISON_ACTIVITY_RESEARCH, 36 },
  { LIAISON_ACTIVITY_INSPECTION, 28 },
  { LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION, 12 },
  { LIAISON_ACTIVITY_THEME_ACTIVITY, 30 },
  { LIAISON_ACTIVITY_TRAINING, 6 },
  { LIAISON_ACTIVITY_GROUP_ACTIVITY, 40 },
};

typedef struct {
  LiaisonStore *store;
  GRand        *rand;
  GPtrArray    *deputies;       /* LiaisonDeputy *, by the roster's order */
  GPtrArray    *stations;       /* LiaisonStation * */
  GDate         first;          /* a year back from today */
  GDate         today;
  JsonArray    *changes;        /* headquarters' activities, as pulled */
  guint         n_hq;           /* activities made, for their UUIDs */
  gboolean     *picked;         /* by deputy index, while one activity is made */
  GPtrArray    *groups;         /* the deputies' group names, borrowed, sorted */
} DutyDemo;

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
is_working_day (const GDate *date)
{
  return g_date_get_weekday (date) <= G_DATE_FRIDAY;
}

/* A working day in the year up to today. */
static void
random_past_day (DutyDemo *demo,
                 GDate    *date)
{
  *date = demo->first;
  g_date_add_days (date, g_rand_int_range (demo->rand, 0, g_date_days_between (&demo->first, &demo->today) + 1));
  while (!is_working_day (date))
    g_date_subtract_days (date, 1);
  if (g_date_compare (date, &demo->first) < 0)
    *date = demo->first;
}

/* The @nth of @per_year, spread over the year in order, so that numbered
 * meetings and courses come in their order. */
static void
spread_day (DutyDemo *demo,
            guint     nth,
            guint     per_year,
            GDate    *date)
{
  guint span = g_date_days_between (&demo->first, &demo->today) + 1;

  *date = demo->first;
  g_date_add_days (date, nth * span / per_year + g_rand_int_range (demo->rand, 0, MAX (1, span / per_year / 2)));
  while (!is_working_day (date))
    g_date_add_days (date, 1);
  if (g_date_compare (date, &demo->today) > 0)
    *date = demo->today;
}

/* Most attend; a few are on leave (请假) or absent (缺席). */
static LiaisonAttendance
random_attendance (GRand *rand,
                   guint  leave_percent,
                   guint  absent_percent)
{
  guint roll = g_rand_int_range (rand, 0, 100);

  if (roll < absent_percent)
    return LIAISON_ATTENDANCE_ABSENT;
  if (roll < absent_percent + leave_percent)
    return LIAISON_ATTENDANCE_LEAVE;
  return LIAISON_ATTENDANCE_ATTENDED;
}

static void
add_attendee (DutyDemo   *demo,
              JsonArray  *attendees,
              guint       index,
              LiaisonAttendance attendance)
{
  const LiaisonDeputy *deputy = g_ptr_array_index (demo->deputies, index);
  JsonObject *attendee = json_object_new ();

  demo->picked[index] = TRUE;
  json_object_set_string_member (attendee, "deputy", deputy->meta.uuid);
  json_object_set_string_member (attendee, "attendance", liaison_attendance_to_code (attendance));
  json_array_add_object_element (attendees, attendee);
}

/* @n deputies: first those of @group (NULL: none preferred) for most of
 * the places, then anyone, each listed once. */
static JsonArray *
pick_attendees (DutyDemo   *demo,
                const char *group,
                guint       n)
{
  JsonArray *attendees = json_array_new ();
  guint n_deputies = demo->deputies->len;
  guint from_group = group != NULL ? n * 3 / 4 : 0;
  guint start = g_rand_int_range (demo->rand, 0, n_deputies);

  n = MIN (n, n_deputies);
  memset (demo->picked, 0, n_deputies * sizeof (gboolean));
  /* The group's members, from a random place in the roster round. */
  for (guint k = 0; k < n_deputies && json_array_get_length (attendees) < from_group; k++)
    {
      guint i = (start + k) % n_deputies;
      const LiaisonDeputy *deputy = g_ptr_array_index (demo->deputies, i);

      if (g_strcmp0 (deputy->group_name, group) == 0 && chance (demo->rand, 60))
        add_attendee (demo, attendees, i, random_attendance (demo->rand, 8, 3));
    }
  for (guint tries = 0; json_array_get_length (attendees) < n && tries < n * 20; tries++)
    {
      guint i = g_rand_int_range (demo->rand, 0, n_deputies);

      if (!demo->picked[i])
        add_attendee (demo, attendees, i, random_attendance (demo->rand, 8, 3));
    }
  return attendees;
}

static void
set_optional (JsonObject *data,
              const char *member,
              const char *text)
{
  if (text != NULL && text[0] != '\0')
    json_object_set_string_member (data, member, text);
  else
    json_object_set_null_member (data, member);
}

/* One of headquarters' activities, as the server would send it. */
static void
add_hq_activity (DutyDemo            *demo,
                 LiaisonActivityKind  kind,
                 const GDate         *date,
                 guint                n_days,
                 const char          *title,
                 const char          *place,
                 const char          *organiser,
                 JsonArray           *attendees)
{
  JsonObject *change = json_object_new ();
  JsonObject *data = json_object_new ();
  g_autofree char *uuid = g_strdup_printf ("61637479-0000-4000-8000-%012u", ++demo->n_hq);
  g_autofree char *day = format_date (date);
  g_autofree char *now = liaison_store_now_utc ();

  json_object_set_string_member (data, "kind", liaison_activity_kind_to_code (kind));
  json_object_set_string_member (data, "title", title);
  json_object_set_string_member (data, "date", day);
  /* Nothing attended ends after today. */
  n_days = MIN (n_days, (guint) g_date_days_between (date, &demo->today) + 1);
  if (n_days > 1)
    {
      GDate end = *date;
      g_autofree char *end_day = NULL;

      g_date_add_days (&end, n_days - 1);
      end_day = format_date (&end);
      json_object_set_string_member (data, "end_date", end_day);
    }
  else
    json_object_set_null_member (data, "end_date");
  set_optional (data, "place", place);
  set_optional (data, "organiser", organiser);
  json_object_set_null_member (data, "note");
  json_object_set_array_member (data, "attendees", attendees);

  json_object_set_string_member (change, "kind", "activity");
  json_object_set_string_member (change, "uuid", uuid);
  json_object_set_int_member (change, "version", 1);
  json_object_set_string_member (change, "updated_at", now);
  json_object_set_null_member (change, "origin_station");
  json_object_set_boolean_member (change, "deleted", FALSE);
  json_object_set_object_member (change, "data", data);
  json_array_add_object_element (demo->changes, change);
}

/* The text of a topic's problem, before its wishes. */
static char *
problem_text (const Topic *topic,
              GRand       *rand)
{
  const char *problem = pick_strv (rand, topic->problems);

  return g_strndup (problem, strcspn (problem, "|"));
}

static const char *
topic_place (const Topic *topic,
             GRand       *rand)
{
  for (guint tries = 0; tries < 5; tries++)
    {
      const char *place = pick_strv (rand, topic->places);

      if (place[0] != '\0')
        return place;
    }
  return "市人大常委会会议室";
}

static const char *
random_station_name (DutyDemo *demo)
{
  const LiaisonStation *station = g_ptr_array_index (demo->stations,
                                                     g_rand_int_range (demo->rand, 0, demo->stations->len));

  return station->name;
}

/* One of the year's headquarters activities of @kind, the @nth of it. */
static void
make_hq_activity (DutyDemo            *demo,
                  LiaisonActivityKind  kind,
                  guint                nth,
                  guint                per_year)
{
  guint t = g_rand_int_range (demo->rand, 0, LIAISON_DEMO_N_TOPICS);
  const Topic *topic = &liaison_demo_topics[t];
  const TopicDuty *duty = &topic_duty[t];
  g_autofree char *problem = problem_text (topic, demo->rand);
  g_autofree char *title = NULL;
  const char *place, *organiser, *group = NULL;
  guint n_days = 1, n;
  GDate date;

  random_past_day (demo, &date);
  switch (kind)
    {
    case LIAISON_ACTIVITY_STANDING_COMMITTEE:
      /* The term's meetings so far: a number past twenty. */
      spread_day (demo, nth, per_year, &date);
      title = g_strdup_printf ("列席市第十七届人大常委会第%u次会议", nth + 21);
      place = "市人大常委会会议室";
      organiser = ORGANISER_OFFICE;
      n = g_rand_int_range (demo->rand, 8, 14);
      break;
    case LIAISON_ACTIVITY_RESEARCH:
      title = g_strdup_printf ("关于“%s”的专题调研", problem);
      place = topic_place (topic, demo->rand);
      organiser = duty->committee;
      group = duty->group;
      n = g_rand_int_range (demo->rand, 8, 14);
      break;
    case LIAISON_ACTIVITY_INSPECTION:
      title = g_strdup_printf ("视察“%s”办理情况", problem);
      place = topic_place (topic, demo->rand);
      organiser = duty->committee;
      group = duty->group;
      n = g_rand_int_range (demo->rand, 8, 13);
      break;
    case LIAISON_ACTIVITY_LAW_ENFORCEMENT_INSPECTION:
      title = g_strdup_printf ("%s执法检查", duty->law);
      place = PICK (demo->rand, inspected_districts);
      organiser = duty->committee;
      group = duty->group;
      n = g_rand_int_range (demo->rand, 10, 16);
      n_days = g_rand_int_range (demo->rand, 1, 3);
      break;
    case LIAISON_ACTIVITY_THEME_ACTIVITY:
      title = g_strdup_printf ("“5+4”主题活动：%s", PICK (demo->rand, themes));
      place = random_station_name (demo);
      organiser = ORGANISER_DEPUTIES;
      n = g_rand_int_range (demo->rand, 8, 13);
      break;
    case LIAISON_ACTIVITY_TRAINING:
      spread_day (demo, nth, per_year, &date);
      title = g_strdup_printf ("市人大代表履职学习培训班（第%u期）", nth + 1);
      place = "中共淮北市委党校";
      organiser = ORGANISER_DEPUTIES;
      n = g_rand_int_range (demo->rand, 30, 50);
      n_days = g_rand_int_range (demo->rand, 2, 4);
      break;
    case LIAISON_ACTIVITY_GROUP_ACTIVITY:
    default:
      if (demo->groups->len == 0)
        return;
      {
        /* Each group in turn; its members, with a few guests. */
        const char *group_name = g_ptr_array_index (demo->groups, nth % demo->groups->len);
        g_autofree char *group_organiser = g_strdup_printf ("%s专业代表小组", group_name);

        title = g_strdup_printf ("%s专业代表小组%s活动", group_name, PICK (demo->rand, group_doings));
        n = g_rand_int_range (demo->rand, 10, 18);
        add_hq_activity (demo, LIAISON_ACTIVITY_GROUP_ACTIVITY, &date, 1, title, random_station_name (demo),
                         group_organiser, pick_attendees (demo, group_name, n));
        return;
      }
    }
  add_hq_activity (demo, kind, &date, n_days, title, place, organiser, pick_attendees (demo, group, n));
}

/* The congress session: four days in the latest January already over,
 * one record a day, every deputy; a handful on leave, one or two absent. */
static void
make_session_days (DutyDemo *demo)
{
  static const char *const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char *const day_names[] = { "一", "二", "三", "四" };
  GDateYear year = g_date_get_year (&demo->today);
  GDate first;

  g_date_set_dmy (&first, 8, G_DATE_JANUARY, year);
  g_date_add_days (&first, G_N_ELEMENTS (day_names) - 1);
  if (g_date_compare (&first, &demo->today) > 0)
    year--;
  g_date_set_dmy (&first, 8, G_DATE_JANUARY, year);

  for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
    {
      JsonArray *attendees = json_array_new ();
      /* The seventeenth congress met first in January 2022. */
      g_autofree char *title = g_strdup_printf ("出席市第十七届人民代表大会第%s次会议（第%s天）",
                                                numbers[CLAMP (year - 2022, 0, (int) G_N_ELEMENTS (numbers) - 1)],
                                                day_names[d]);
      GDate date = first;

      g_date_add_days (&date, d);
      for (guint i = 0; i < demo->deputies->len; i++)
        add_attendee (demo, attendees, i, random_attendance (demo->rand, 3, d == 2 ? 1 : 0));
      add_hq_activity (demo, LIAISON_ACTIVITY_CONGRESS_SESSION, &date, 1, title, "淮北市会议中心",
                       ORGANISER_OFFICE, attendees);
    }
}

static gboolean
add_hq_activities (DutyDemo  *demo,
                   GError   **error)
{
  LiaisonSyncCounts counts = { 0 };

  make_session_days (demo);
  for (guint k = 0; k < G_N_ELEMENTS (year_counts); k++)
    for (guint nth = 0; nth < year_counts[k].per_year; nth++)
      make_hq_activity (demo, year_counts[k].kind, nth, year_counts[k].per_year);
  /* The checkpoint stays where it is. */
  return liaison_store_apply_pulled (demo->store, demo->changes, liaison_store_get_checkpoint (demo->store),
                                     &counts, error);
}

/* One planned duty day, and, if it is over, most often the station duty
 * the deputy logged that day. */
static gboolean
plan_duty_day (DutyDemo              *demo,
               const LiaisonStation  *station,
               const LiaisonDeputy   *deputy,
               const GDate           *date,
               GError               **error)
{
  g_autoptr(LiaisonDutyShift) shift = liaison_duty_shift_new ();
  g_autoptr(LiaisonActivity) activity = NULL;

  shift->meta.origin_station_uuid = g_strdup (station->meta.uuid);
  shift->station_uuid = g_strdup (station->meta.uuid);
  shift->deputy_uuid = g_strdup (deputy->meta.uuid);
  shift->date = format_date (date);
  if (!liaison_store_save_duty_shift (demo->store, shift, error))
    return FALSE;
  /* Today's and the coming days' are planned, not done; a few past ones
   * were never logged. */
  if (g_date_compare (date, &demo->today) >= 0 || !chance (demo->rand, STATION_DUTY_LOGGED_PERCENT))
    return TRUE;

  activity = liaison_activity_new ();
  activity->meta.origin_station_uuid = g_strdup (station->meta.uuid);
  activity->kind = LIAISON_ACTIVITY_STATION_DUTY;
  activity->title = g_strdup (PICK (demo->rand, station_duty_titles));
  activity->date = g_strdup (shift->date);
  activity->place = g_strdup (station->name);
  g_ptr_array_add (activity->attendees, liaison_attendee_new (deputy->meta.uuid, LIAISON_ATTENDANCE_ATTENDED));
  return liaison_store_save_activity (demo->store, activity, error);
}

/* Day @day of @date's month, or the first working day after it. */
static gboolean
is_station_day (const GDate *date,
                guint        day)
{
  GDate planned;

  g_date_set_dmy (&planned, (GDateDay) day, g_date_get_month (date), g_date_get_year (date));
  while (!is_working_day (&planned))
    g_date_add_days (&planned, 1);
  return g_date_compare (&planned, date) == 0;
}

/* A station's roster: its deputies in turn, every working day at the
 * local station, twice a month at the others. */
static gboolean
plan_station (DutyDemo              *demo,
              const LiaisonStation  *station,
              GPtrArray             *deputies,
              gboolean               local,
              guint                  index,
              GError               **error)
{
  GDate last = demo->today, date = demo->first;
  guint turn = 0;

  g_date_add_days (&last, ROSTER_DAYS_AHEAD);
  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      gboolean planned = is_working_day (&date) &&
                         (local || is_station_day (&date, 3 + index % 10) || is_station_day (&date, 17 + index % 10));

      if (planned &&
          !plan_duty_day (demo, station, g_ptr_array_index (deputies, turn++ % deputies->len), &date, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_rosters (DutyDemo  *demo,
             GError   **error)
{
  g_autoptr(LiaisonStation) local = liaison_store_get_local_station (demo->store);

  for (guint s = 0; s < demo->stations->len; s++)
    {
      const LiaisonStation *station = g_ptr_array_index (demo->stations, s);
      g_autoptr(GPtrArray) deputies = g_ptr_array_new ();

      for (guint i = 0; i < demo->deputies->len; i++)
        if (((LiaisonDeputy *) g_ptr_array_index (demo->deputies, i))->station_id == station->meta.id)
          g_ptr_array_add (deputies, g_ptr_array_index (demo->deputies, i));
      if (deputies->len > 0 &&
          !plan_station (demo, station, deputies, local != NULL && local->meta.id == station->meta.id, s, error))
        return FALSE;
    }
  return TRUE;
}

/* Other stations' roster and station duty came from them, synced; at
 * headquarters every station's did. This station's own wait to be sent. */
static gboolean
mark_received (DutyDemo  *demo,
               GError   **error)
{
  g_autofree char *local = liaison_store_get_setting (demo->store, "station_uuid");
  gboolean hq = liaison_store_get_sync_role (demo->store) == LIAISON_SYNC_ROLE_HQ;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE activities SET sync_state = 0, sync_error = NULL, server_version = version"
    " WHERE sync_state <> 0 AND (%d OR origin_station_uuid IS NOT '%s');"
    " UPDATE duty_shifts SET sync_state = 0, sync_error = NULL, server_version = version"
    " WHERE sync_state <> 0 AND (%d OR origin_station_uuid IS NOT '%s');",
    hq, local != NULL ? local : "", hq, local != NULL ? local : "");

  return liaison_store_exec (demo->store, sql, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

gboolean
liaison_demo_add_duty_record (LiaisonStore  *store,
                              guint32        seed,
                              GError       **error)
{
  DutyDemo demo = { store, };
  gboolean ok = FALSE;
  gint64 existing;

  /* Once per database: a second run of the demo adds receptions, not a
   * second year. */
  existing = liaison_store_query_int (store, "SELECT count(*) FROM activities", error);
  if (existing != 0)
    return existing > 0;

  demo.deputies = liaison_store_list_deputies (store, NULL, error);
  demo.stations = demo.deputies != NULL ? liaison_store_list_stations (store, error) : NULL;
  if (demo.stations == NULL)
    goto out;
  ok = demo.deputies->len == 0 || demo.stations->len == 0;
  if (ok)
    goto out;

  demo.rand = g_rand_new_with_seed (seed ^ DUTY_SEED_SALT);
  demo.changes = json_array_new ();
  demo.picked = g_new0 (gboolean, demo.deputies->len);
  demo.groups = g_ptr_array_new ();
  for (guint i = 0; i < demo.deputies->len; i++)
    {
      const char *group = ((LiaisonDeputy *) g_ptr_array_index (demo.deputies, i))->group_name;

      if (group != NULL && group[0] != '\0' && !g_ptr_array_find_with_equal_func (demo.groups, group, g_str_equal, NULL))
        g_ptr_array_add (demo.groups, (gpointer) group);
    }
  g_ptr_array_sort (demo.groups, compare_names);
  liaison_date_set_today (&demo.today);
  demo.first = demo.today;
  g_date_subtract_days (&demo.first, 364);

  if (!add_hq_activities (&demo, error) || !liaison_store_begin (store, error))
    goto out;
  if (!add_rosters (&demo, error) || !mark_received (&demo, error))
    {
      liaison_store_rollback (store);
      goto out;
    }
  ok = liaison_store_commit (store, error) && liaison_demo_close_quarter (store, &demo.today, error);

out:
  g_clear_pointer (&demo.rand, g_rand_free);
  g_clear_pointer (&demo.changes, json_array_unref);
  g_clear_pointer (&demo.picked, g_free);
  g_clear_pointer (&demo.groups, g_ptr_array_unref);
  g_clear_pointer (&demo.deputies, g_ptr_array_unref);
  g_clear_pointer (&demo.stations, g_ptr_array_unref);
  return ok;
}
