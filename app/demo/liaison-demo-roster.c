/* liaison-demo-roster.c: the demo city's stations (its districts, towns,
 * homes and studios), deputy groups and deputies. */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include "liaison-demo-private.h"

typedef struct {
  const char *district;
  const char *const *towns;
} District;

static const char *const xiangshan_towns[] = {
  "相南街道", "西街道", "东街道", "南黎街道", "曲阳街道", "三堤口街道",
  "任圩街道", "东山街道", "渠沟镇", NULL,
};
static const char *const duji_towns[] = {
  "高岳街道", "矿山集街道", "朔里镇", "石台镇", "段园镇", NULL,
};
static const char *const lieshan_towns[] = {
  "任楼街道", "杨庄街道", "烈山镇", "宋疃镇", "古饶镇", NULL,
};
static const char *const suixi_towns[] = {
  "濉溪镇", "韩村镇", "刘桥镇", "五沟镇", "临涣镇", "双堆集镇", "铁佛镇",
  "南坪镇", "百善镇", "孙疃镇", "四铺镇", NULL,
};

static const District districts[] = {
  { "相山区", xiangshan_towns },
  { "杜集区", duji_towns },
  { "烈山区", lieshan_towns },
  { "濉溪县", suixi_towns },
};

/* Stems of community (社区) and village (村) names. */
static const char *const place_stems[] = {
  "东山", "朝阳", "金海", "南山", "建设", "惠苑", "龙华", "人民", "淮海", "古城",
  "相王", "凤凰", "桓谭", "梧桐", "沱河", "泉山", "光明", "和平", "幸福", "新华",
  "民主", "团结", "乐园", "长山", "青龙", "黎苑", "五一", "孟山", "龙山", "柳孜",
  "蔡里", "钟楼", "太平", "苏楼", "新庄", "前马", "大庄", "后营", "李楼", "张庄",
  "王集", "陈庄", "湖沟", "双龙", "杨柳", "周口", "马桥", "黄里", "岳集", "徐楼",
};

static const char *const studio_themes[] = {
  "乡村振兴", "营商环境", "民生实事", "法律服务", "教育发展", "医疗卫生",
  "生态环保", "电子商务", "矛盾调解", "产业发展", "社区治理", "老龄服务",
};

static const char *const group_names[] = {
  "农业农村", "电子商务", "教育", "医疗卫生", "法律", "生态环保", "企业发展", "社区治理",
};

/* Specialties by group, then for deputies in no group. */
static const char *const group_specialties[][3] = {
  { "农业技术推广", "家庭农场经营", "农民专业合作社" },
  { "电商运营", "直播带货", "物流管理" },
  { "中学教育", "小学教育", "职业教育" },
  { "临床医学", "护理", "公共卫生" },
  { "律师", "基层司法", "人民调解" },
  { "环境工程", "林业", "水利" },
  { "企业管理", "财务会计", "煤矿安全" },
  { "社区工作", "党建", "养老服务" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (group_specialties) == G_N_ELEMENTS (group_names));

static const char *const other_specialties[] = {
  "村党支部书记", "个体工商户", "工程师", "教师", "医生", "公务员", "退伍军人", "新闻媒体",
};

/* Stations */

static char *
make_station_name (GRand              *rand,
                   const char         *district,
                   const char         *town,
                   LiaisonStationKind  kind)
{
  switch (kind)
    {
    case LIAISON_STATION_KIND_HOME:
      return g_strconcat (district, town, "人大代表之家", NULL);
    case LIAISON_STATION_KIND_STUDIO:
      return g_strconcat (town, PICK (rand, studio_themes), "代表工作室", NULL);
    case LIAISON_STATION_KIND_STATION:
      return g_strconcat (town, PICK (rand, place_stems),
                          g_str_has_suffix (town, "镇") ? "村" : "社区", "代表联络站", NULL);
    case LIAISON_STATION_KIND_POINT:
    case LIAISON_N_STATION_KINDS:
    default:
      return g_strconcat (town, PICK (rand, place_stems),
                          g_str_has_suffix (town, "镇") ? "村" : "社区", "代表联络点", NULL);
    }
}

/* Where it is (地址): a road named after a place stem and a number, both
 * from the station's name, so that the demo's random draws stay as they
 * were. */
static char *
make_station_address (const char *district,
                      const char *town,
                      const char *name)
{
  guint hash = g_str_hash (name);
  static const char *const roads[] = { "路", "大道", "街" };

  return g_strdup_printf ("%s%s%s%s%u号", district, town,
                          place_stems[hash % G_N_ELEMENTS (place_stems)],
                          roads[(hash / G_N_ELEMENTS (place_stems)) % G_N_ELEMENTS (roads)],
                          1 + (hash / 1000) % 198);
}

typedef struct {
  const char *district;
  const char *town;
} Town;

gboolean
liaison_demo_add_stations (LiaisonStore  *store,
                           GRand         *rand,
                           guint          n_stations,
                           GPtrArray     *station_ids,
                           GError       **error)
{
  g_autoptr(GPtrArray) existing = liaison_store_list_stations (store, error);
  g_autoptr(GHashTable) existing_names = NULL;
  g_autoptr(GHashTable) made_names = NULL;
  g_autoptr(GArray) towns = g_array_new (FALSE, FALSE, sizeof (Town));
  guint n_made = 0;
  guint attempts = 0;

  if (existing == NULL)
    return FALSE;
  existing_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    g_hash_table_add (existing_names, ((LiaisonStation *) g_ptr_array_index (existing, i))->name);
  made_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    for (guint t = 0; districts[d].towns[t] != NULL; t++)
      {
        Town town = { districts[d].district, districts[d].towns[t] };
        g_array_append_val (towns, town);
      }

  if (!liaison_store_begin (store, error))
    return FALSE;

  /* The local station is one of the city's. Every town has a home; the
   * rest is a mix of studios, stations and points. */
  while (n_made + 1 < n_stations && attempts++ < n_stations * 20)
    {
      g_autoptr(LiaisonStation) station = liaison_station_new ();
      const Town *town;

      if (n_made < towns->len)
        {
          town = &g_array_index (towns, Town, n_made);
          station->kind = LIAISON_STATION_KIND_HOME;
        }
      else
        {
          guint roll = g_rand_int_range (rand, 0, 100);

          town = &g_array_index (towns, Town, g_rand_int_range (rand, 0, towns->len));
          station->kind = roll < 15 ? LIAISON_STATION_KIND_STUDIO
                        : roll < 65 ? LIAISON_STATION_KIND_STATION
                        : LIAISON_STATION_KIND_POINT;
        }
      station->name = make_station_name (rand, town->district, town->town, station->kind);
      station->district = g_strdup (town->district);
      station->address = make_station_address (town->district, town->town, station->name);

      /* Made twice in this run: draw again. Made by an earlier run with
       * the same seed: count it, so that a second run adds nothing. */
      if (g_hash_table_contains (made_names, station->name))
        continue;
      g_hash_table_add (made_names, g_strdup (station->name));
      n_made++;
      if (g_hash_table_contains (existing_names, station->name))
        continue;
      if (!liaison_store_save_station (store, station, error))
        {
          liaison_store_rollback (store);
          return FALSE;
        }
    }

  if (!liaison_store_commit (store, error))
    return FALSE;

  {
    g_autoptr(GPtrArray) all = liaison_store_list_stations (store, error);

    if (all == NULL)
      return FALSE;
    for (guint i = 0; i < all->len; i++)
      {
        gint64 *id = g_new (gint64, 1);

        *id = ((LiaisonStation *) g_ptr_array_index (all, i))->meta.id;
        g_ptr_array_add (station_ids, id);
      }
  }
  return TRUE;
}

/* Deputies */

gboolean
liaison_demo_add_deputies (LiaisonStore  *store,
                           GRand         *rand,
                           guint          n_deputies,
                           gint64         local_station_id,
                           GPtrArray     *station_ids,
                           GError       **error)
{
  gint64 group_ids[G_N_ELEMENTS (group_names)];
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!liaison_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (group_names); i++)
    if ((group_ids[i] = liaison_store_ensure_deputy_group (store, group_names[i], error)) == 0)
      goto failed;

  for (guint i = 0; i < n_deputies; i++)
    {
      g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
      guint roll = g_rand_int_range (rand, 0, 1000);

      /* Names on a roster are unique, so that a ledger can name them. */
      for (guint tries = 0;; tries++)
        {
          g_autofree char *name = liaison_demo_make_person_name (rand);

          /* Only a roster far bigger than a city's runs out of names. */
          if (tries > 100)
            {
              g_autofree char *plain = g_steal_pointer (&name);
              name = g_strdup_printf ("%s%u", plain, i);
            }

          if (!g_hash_table_contains (names, name))
            {
              deputy->name = g_strdup (name);
              g_hash_table_add (names, g_steal_pointer (&name));
              break;
            }
        }

      if (roll < 15)
        deputy->level = LIAISON_DEPUTY_LEVEL_NATIONAL;
      else if (roll < 90)
        deputy->level = LIAISON_DEPUTY_LEVEL_PROVINCIAL;
      else if (roll < 620)
        deputy->level = LIAISON_DEPUTY_LEVEL_CITY;
      else
        deputy->level = LIAISON_DEPUTY_LEVEL_COUNTY;

      if (chance (rand, 65))
        {
          guint group = g_rand_int_range (rand, 0, G_N_ELEMENTS (group_names));

          deputy->group_id = group_ids[group];
          deputy->specialty = g_strdup (PICK (rand, group_specialties[group]));
        }
      else
        deputy->specialty = g_strdup (PICK (rand, other_specialties));

      /* A few on duty here, the others across the city. */
      if (i % 24 == 0 || station_ids->len == 0)
        deputy->station_id = local_station_id;
      else
        deputy->station_id = *(gint64 *) g_ptr_array_index (station_ids,
                                                            g_rand_int_range (rand, 0, station_ids->len));
      deputy->phone = liaison_demo_make_mobile (rand);

      if (liaison_store_find_deputy (store, deputy->name) != 0)
        continue;
      if (!liaison_store_save_deputy (store, deputy, error))
        goto failed;
    }

  return liaison_store_commit (store, error);

failed:
  liaison_store_rollback (store);
  return FALSE;
}
