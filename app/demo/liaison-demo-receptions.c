/* liaison-demo-receptions.c: one demo reception: when, who came, what
 * about, which deputies received them, and the suggestions it raised. */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include <string.h>

#include "liaison-demo-private.h"

/* Receptions */

/* Where this station's visitors live. */
static const char *const communities[] = {
  "东山社区", "朝阳社区", "金海社区", "南山社区", "建设社区", "惠苑社区", "龙华社区",
  "古城社区", "孟山社区", "东湖社区", "相山社区", "人民路社区", "渠沟镇钟楼村", "渠沟镇太平村",
};

static const Topic *
pick_topic (Generator *gen,
            guint     *index)
{
  guint roll = g_rand_int_range (gen->rand, 0, 100);
  guint sum = 0;

  for (guint i = 0; i < LIAISON_DEMO_N_TOPICS; i++)
    {
      sum += liaison_demo_topics[i].weight;
      if (roll < sum)
        {
          *index = i;
          return &liaison_demo_topics[i];
        }
    }
  *index = LIAISON_DEMO_N_TOPICS - 1;
  return &liaison_demo_topics[*index];
}

static const char *
pick_place (Generator   *gen,
            const Topic *topic)
{
  return pick_strv (gen->rand, topic->places);
}

static char *
make_received_at (Generator *gen)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (gen->today, -g_rand_int_range (gen->rand, 0, gen->n_days));
  g_autoptr(GDateTime) when = NULL;
  int hour = g_rand_int_range (gen->rand, 8, 18);
  int minute = g_rand_int_range (gen->rand, 0, 60);

  when = g_date_time_add_full (day, 0, 0, 0, hour, minute, 0);
  /* Never in the future: a visit today after now came the day before, at
   * the same office hour (not all at this very minute, or at night). */
  if (g_date_time_compare (when, gen->now) > 0)
    {
      GDateTime *before = g_date_time_add_days (when, -1);

      g_date_time_unref (when);
      when = before;
    }
  return g_date_time_format (when, "%Y-%m-%d %H:%M");
}

static gboolean
place_has_households (const char *place)
{
  return g_str_has_suffix (place, "小区") || g_str_has_suffix (place, "村") ||
         g_str_has_suffix (place, "社区") || g_str_has_suffix (place, "花园");
}

static char *
make_summary (Generator  *gen,
              const char *place,
              const char *problem,
              const char *wish)
{
  g_autofree char *text = NULL;

  switch (g_rand_int_range (gen->rand, 0, 5))
    {
    case 0:
      text = g_strdup_printf ("反映%s%s，希望%s。", place, problem, wish);
      break;
    case 1:
      text = g_strdup_printf ("来访群众反映%s%s，给日常生活带来不便，希望%s。", place, problem, wish);
      break;
    case 2:
      text = g_strdup_printf ("来访群众称%s%s已有一段时间，多次反映未得到解决，建议%s。",
                              place, problem, wish);
      break;
    case 3:
      text = g_strdup_printf ("群众反映%s%s，请求相关部门%s。", place, problem, wish);
      break;
    default:
      text = g_strdup_printf ("反映%s存在%s的问题，希望%s。", place, problem, wish);
      break;
    }

  switch (g_rand_int_range (gen->rand, 0, 6))
    {
    case 0:
      if (place_has_households (place))
        return g_strdup_printf ("%s涉及约%d户居民。", text, g_rand_int_range (gen->rand, 5, 300));
      return g_steal_pointer (&text);
    case 1:
      return g_strdup_printf ("%s该问题已持续%d个月。", text, g_rand_int_range (gen->rand, 1, 24));
    case 2:
      return g_strdup_printf ("%s此前已向有关部门反映过。", text);
    default:
      return g_steal_pointer (&text);
    }
}

static char *
make_handling (Generator   *gen,
               const Topic *topic,
               gboolean     on_spot)
{
  const char *unit = pick_strv (gen->rand, topic->units);

  if (on_spot)
    switch (g_rand_int_range (gen->rand, 0, 4))
      {
      case 0:
        return g_strdup ("代表现场解答了相关政策，群众表示满意。");
      case 1:
        return g_strdup_printf ("代表当场电话联系%s，对方答复一周内安排处理。", unit);
      case 2:
        return g_strdup_printf ("代表当场联系社区网格员，约定%d日内上门查看。",
                                g_rand_int_range (gen->rand, 1, 8));
      default:
        return g_strdup ("代表向群众说明了办理流程和所需材料，群众表示理解。");
      }

  switch (g_rand_int_range (gen->rand, 0, 5))
    {
    case 0:
    case 1:
      return g_strdup_printf ("已登记，拟交%s办理。", unit);
    case 2:
      return g_strdup ("已记录，代表将跟踪督办并及时答复群众。");
    default:
      return g_strdup ("");
    }
}

void
liaison_demo_add_deputy_once (GArray *ids,
                              gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

/* The register move: a little after the visit, in UTC. */
static char *
registered_at (Generator  *gen,
               const char *received_at)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = g_strdup_printf ("%.10sT%s:00", received_at, received_at + 11);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, local);
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return NULL;
  later = g_date_time_add_minutes (when, g_rand_int_range (gen->rand, 5, 40));
  if (g_date_time_compare (later, gen->now) > 0)
    return NULL;
  utc = g_date_time_to_utc (later);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

LiaisonReception *
liaison_demo_make_reception (Generator *gen)
{
  LiaisonReception *reception = liaison_reception_new ();
  GRand *rand = gen->rand;
  guint topic_index = 0;
  const Topic *topic = pick_topic (gen, &topic_index);
  const char *place = pick_place (gen, topic);
  g_auto(GStrv) issue = g_strsplit (pick_strv (rand, topic->problems), "|", -1);
  guint n_wishes = g_strv_length (issue) - 1;
  const char *problem = issue[0];
  const char *wish = issue[1 + g_rand_int_range (rand, 0, n_wishes)];
  guint n_deputies = chance (rand, 60) ? 1 : chance (rand, 75) ? 2 : 3;
  guint n_visitors = chance (rand, 85) ? 1 : 2;
  guint roll = g_rand_int_range (rand, 0, 100);

  if (gen->stations != NULL && gen->stations->len > 0)
    {
      const LiaisonStation *station = g_ptr_array_index (gen->stations,
                                                         g_rand_int_range (rand, 0, gen->stations->len));

      reception->meta.origin_station_uuid = g_strdup (station->meta.uuid);
      reception->station_id = station->meta.id;
    }
  else
    {
      reception->meta.origin_station_uuid = g_strdup (gen->station_uuid);
      reception->station_id = gen->station_id;
    }
  reception->received_at = make_received_at (gen);
  reception->category_id = gen->category_ids[topic_index];
  reception->channel = roll < 70 ? LIAISON_CHANNEL_WALK_IN
                     : roll < 80 ? LIAISON_CHANNEL_PHONE
                     : roll < 90 ? LIAISON_CHANNEL_ONLINE
                     : LIAISON_CHANNEL_MOBILE_DESK;

  /* Mostly the deputies on duty here; now and then one from elsewhere. */
  for (guint i = 0; i < n_deputies; i++)
    {
      GArray *pool = gen->local_deputies->len > 0 && chance (rand, 85)
                     ? gen->local_deputies : gen->all_deputies;

      liaison_demo_add_deputy_once (reception->deputy_ids,
                                    g_array_index (pool, gint64, g_rand_int_range (rand, 0, pool->len)));
    }

  for (guint i = 0; i < n_visitors; i++)
    {
      LiaisonVisitor *visitor = liaison_visitor_new ();
      gboolean anonymous = chance (rand, 10);
      guint size_roll = g_rand_int_range (rand, 0, 100);

      visitor->name = anonymous ? g_strdup ("") : liaison_demo_make_person_name (rand);
      if (chance (rand, anonymous ? 50 : 92))
        visitor->phone = liaison_demo_make_mobile (rand);
      visitor->consent = visitor->phone != NULL && chance (rand, 78);
      visitor->community = g_strdup (PICK (rand, communities));
      visitor->party_size = size_roll < 80 ? 1
                          : size_roll < 95 ? g_rand_int_range (rand, 2, 5)
                          : g_rand_int_range (rand, 5, 31);
      g_ptr_array_add (reception->visitors, visitor);
    }

  reception->summary = make_summary (gen, place, problem, wish);
  reception->handled_on_spot = chance (rand, 30);
  reception->handling = make_handling (gen, topic, reception->handled_on_spot);

  if (chance (rand, gen->suggestion_percent))
    {
      LiaisonSuggestion *suggestion = liaison_suggestion_new ();
      const LiaisonVisitor *first = g_ptr_array_index (reception->visitors, 0);

      suggestion->meta.origin_station_uuid = g_strdup (reception->meta.origin_station_uuid);
      suggestion->station_id = reception->station_id;
      suggestion->category_id = reception->category_id;
      suggestion->created_at = registered_at (gen, reception->received_at);
      suggestion->title = g_strdup_printf ("关于解决%s%s问题的建议", place, problem);
      suggestion->content = g_strdup_printf ("群众反映%s%s。建议由%s牵头，%s，并及时向群众反馈办理结果。",
                                             place, problem, pick_strv (rand, topic->units),
                                             issue[1 + g_rand_int_range (rand, 0, n_wishes)]);
      suggestion->raised_by = g_strdup (first->name);
      g_ptr_array_add (reception->suggestions, suggestion);
    }
  return reception;
}
