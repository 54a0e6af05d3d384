/* liaison-bench-common.c: the benchmarks' made-up records, percentiles,
 * clocks and way out (liaison-bench-common.h). */
#define G_LOG_DOMAIN "liaison-bench"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "liaison-bench-common.h"

static const char *places[] = {
  "幸福里小区", "人民路", "南湖社区", "翠竹园", "凤凰山村", "相山南路", "烈山镇",
  "东山街道", "古饶镇", "淮海路", "孟山路", "高岳街道", "宋疃镇", "百善镇",
};
static const char *issues[] = {
  "道路积水", "路灯损坏", "噪音扰民", "停车困难", "垃圾清运不及时", "供暖温度不达标",
  "老旧小区加装电梯", "养老保险缴费", "医保异地报销", "学校周边交通拥堵",
  "农田灌溉用水", "公交线路调整", "物业服务质量", "农贸市场秩序",
};
static const char *asks[] = {
  "希望尽快解决", "建议相关部门协调处理", "请求督促落实", "希望代表帮助反映",
};
static const char *surnames[] = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴" };
static const char *given[] = { "伟", "芳", "秀英", "建国", "丽", "强", "敏", "军", "静", "磊" };

char *
liaison_bench_deputy_name (guint i)
{
  return g_strdup_printf ("%s%s%u", surnames[i % G_N_ELEMENTS (surnames)], given[(i / 3) % G_N_ELEMENTS (given)], i);
}

LiaisonReception *
liaison_bench_reception_new (GRand     *rand,
                             GDateTime *now,
                             GArray    *deputy_ids,
                             gint64     n_categories)
{
  LiaisonReception *reception = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();
  g_autoptr(GDateTime) made = now == NULL ? g_date_time_new_now_local () : g_date_time_ref (now);
  g_autoptr(GDateTime) when = g_date_time_add_minutes (made, -g_rand_int_range (rand, 60, 365 * 24 * 60));
  guint first = g_rand_int_range (rand, 0, deputy_ids->len);
  guint second = (first + 1 + g_rand_int_range (rand, 0, deputy_ids->len - 1)) % deputy_ids->len;

  reception->received_at = g_date_time_format (when, "%Y-%m-%d %H:%M");
  reception->channel = g_rand_int_range (rand, 0, LIAISON_N_CHANNELS);
  reception->category_id = g_rand_int_range (rand, 1, n_categories + 1);
  reception->summary = g_strdup_printf ("反映%s%s问题，%s",
                                        places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                                        issues[g_rand_int_range (rand, 0, G_N_ELEMENTS (issues))],
                                        asks[g_rand_int_range (rand, 0, G_N_ELEMENTS (asks))]);
  if (g_rand_boolean (rand))
    {
      reception->handled_on_spot = TRUE;
      reception->handling = g_strdup ("代表当场解答相关政策，并登记转交街道办理");
    }
  g_array_append_val (reception->deputy_ids, g_array_index (deputy_ids, gint64, first));
  g_array_append_val (reception->deputy_ids, g_array_index (deputy_ids, gint64, second));

  visitor->name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                               given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], NULL);
  visitor->phone = g_strdup_printf ("139%08d", g_rand_int_range (rand, 0, 100000000));
  visitor->community = g_strdup (places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
  visitor->party_size = 1;
  visitor->consent = TRUE;
  g_ptr_array_add (reception->visitors, visitor);
  return reception;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
liaison_bench_percentile (GArray *values,
                          double  fraction)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  rank = (guint) (fraction * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

double
liaison_bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

double
liaison_bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

double
liaison_bench_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

void
liaison_bench_fail (const char   *what,
                    const GError *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname (), what, error ? error->message : "failed");
  exit (1);
}
