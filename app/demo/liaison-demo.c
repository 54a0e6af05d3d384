/* liaison-demo.c: a realistic demo database for a Huaibei-like city.
 *
 * Everything comes from one GRand seeded by the options, so the same seed
 * gives the same stations, roster and receptions (dates count back from
 * today). All writes go through the store API, in batches of transactions
 * so that a million receptions stay feasible.
 *
 * Each suggestion then lives its loop (docs/closed-loop.md): every move is
 * added with liaison_store_add_suggestion_event() (the other side's with
 * liaison_store_add_received_event(), as if pulled), timed after the one
 * before it and never after now, so the rules hold and the history stops
 * where "now" cuts it: old items are closed, recent ones are still being
 * handled. The handling units arrive as headquarters would send them, as
 * a pulled page.
 */
#define G_LOG_DOMAIN "liaison-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-demo.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

#define BATCH_SIZE 2000
/* With loop histories a transaction touches many more pages: smaller
 * ones stay within SQLite's page cache instead of spilling to the WAL
 * over and over. */
#define HISTORY_BATCH_SIZE 200

#define LOCAL_STATION_NAME     "相山区东山街道人大代表联络站"
#define LOCAL_STATION_DISTRICT "相山区"

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

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
  "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
  "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "付", "方", "白", "邹", "孟", "秦",
};

static const char *const given_chars[] = {
  "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
  "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "建", "国", "华", "红",
  "文", "玉", "志", "海", "春", "燕", "宏", "林", "云", "峰", "晓", "亮", "辉", "鹏",
  "婷", "雪", "琳", "梅", "飞", "斌", "宇", "浩", "凯", "佳", "欣", "子", "思", "雨",
  "德", "福", "昌", "荣", "成", "庆", "永", "新", "振", "金", "长", "保", "民", "安",
};

static const char *const mobile_prefixes[] = {
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
  "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
  "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
};

/* Where this station's visitors live. */
static const char *const communities[] = {
  "东山社区", "朝阳社区", "金海社区", "南山社区", "建设社区", "惠苑社区", "龙华社区",
  "古城社区", "孟山社区", "东湖社区", "相山社区", "人民路社区", "渠沟镇钟楼村", "渠沟镇太平村",
};

/* Places a problem is about. */
#define ESTATES "金色家园小区", "翡翠城小区", "相王府小区", "绿地新都会小区", "御景园小区", \
  "东湖花园", "南湖小区", "百大花园", "凤凰城小区", "世纪花园", "东山苑小区", "华府名都小区", \
  "阳光花园", "孟山新村", "朝阳新村", "惠黎小区", "矿工新村", "电厂宿舍", "和顺嘉园"
#define ROADS "人民路", "淮海路", "孟山路", "古城路", "相山路", "长山路", "东山路", "梅苑路", \
  "桓谭路", "沱河路", "龙华路", "黎苑路", "人民路与淮海路交叉口", "东山路与孟山路交叉口"
#define VILLAGES "渠沟镇钟楼村", "渠沟镇太平村", "大庄村", "后营村", "李楼村", "张庄村", \
  "王集村", "陈庄村", "湖沟村"
#define COMMUNITIES "东山社区", "朝阳社区", "金海社区", "南山社区", "建设社区", "惠苑社区", \
  "龙华社区", "古城社区"

/* Problems come as "problem|wish|wish...": each with what people ask for. */
typedef struct {
  const char        *code;     /* category code, as seeded by the store */
  guint              weight;   /* out of 100 */
  const char *const *places;
  const char *const *problems;
  const char *const *units;
} Topic;

#define STRV(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const Topic topics[] = {
  { "urban_construction", 25, STRV (ESTATES, COMMUNITIES),
    STRV ("道路积水严重|尽快疏通排水管网|将排水改造纳入年度计划",
          "路灯长期不亮|尽快组织维修|加强日常巡查",
          "电梯经常故障|督促物业整改|尽快更换老旧电梯",
          "楼顶漏水|尽快组织维修|使用专项维修资金维修",
          "下水道堵塞|尽快组织疏通|加强日常维护",
          "违章搭建占用消防通道|依法拆除违章建筑|协调相关部门处理",
          "老旧小区改造进度慢|加快施工进度|公开改造计划和工期",
          "雨污管网不通|实施雨污分流改造|纳入老旧小区改造计划",
          "停车位不足|增设停车位|规划建设立体停车场",
          "物业服务不到位|督促物业整改|依法更换物业公司",
          "外墙瓷砖脱落|尽快排除安全隐患|组织专业人员检修",
          "冬季供暖不热|督促供热公司排查|保障室内温度达标"),
    STRV ("市住房城乡建设局", "市城市管理局", "相山区住房城乡建设局", "东山街道办事处") },
  { "social_security", 12, STRV (COMMUNITIES, "", ""),
    STRV ("养老保险转移接续手续复杂|简化办事流程|实现网上办理",
          "灵活就业人员医保缴费不便|开通线上缴费渠道|加强政策宣传",
          "低保申请审核时间长|缩短审核时限|公开办理进度",
          "高龄津贴发放不及时|按月及时发放|帮助协调尽快解决",
          "失业保险金领取流程不清楚|加强政策宣传|在社区设立咨询点",
          "残疾人补贴未到账|帮助协调尽快解决|核实发放名单",
          "农民工工资被拖欠|督促企业按时足额发放工资|依法查处欠薪行为"),
    STRV ("市人力资源社会保障局", "市医疗保障局", "市民政局", "市残联") },
  { "education", 10, STRV ("东山路小学", "市第二实验小学", "孟山中学", "金海幼儿园", "相山区实验中学"),
    STRV ("上下学时段门口交通拥堵|安排交警和志愿者疏导|错峰放学",
          "周边校外培训机构收费不规范|规范收费行为|加强监管",
          "学位紧张|增加学位供给|加快新校区建设",
          "课后托管服务不足|延长课后服务时间|丰富托管内容",
          "食堂饭菜质量差|加强食品安全监管|让家长参与监督",
          "周边小摊贩多|加强校园周边治理|取缔无证摊点",
          "学区划分不合理|公开学区划分依据|听取家长意见"),
    STRV ("市教育局", "相山区教育局", "市市场监管局") },
  { "health", 10, STRV ("东山社区卫生服务中心", "市人民医院", "相山区中医院", "市妇幼保健院"),
    STRV ("常用药品种类少|增加常用药品种类|与上级医院实行用药衔接",
          "挂号难|优化预约挂号流程|增加专家号源",
          "家庭医生签约服务不到位|落实家庭医生上门服务|公开签约医生联系方式",
          "慢性病用药报销手续繁琐|简化报销手续|提高报销比例",
          "周边停车难|增设停车位|错时开放周边单位停车场",
          "夜间急诊等候时间长|增加夜间值班医生|优化急诊流程"),
    STRV ("市卫生健康委", "市医疗保障局", "市人民医院") },
  { "transport", 12, STRV (ROADS),
    STRV ("公交线路少、班次间隔长|增开公交线路|加密高峰时段班次",
          "雨后道路积水|改造排水设施|及时清理雨水井",
          "红绿灯时间设置不合理|优化信号灯配时|增设行人过街信号灯",
          "人行道被车辆占用|加强交通秩序整治|设置隔离桩",
          "路面破损坑洼多|尽快修补路面|加强道路养护",
          "车速过快缺少减速带|增设减速带和警示标志|加强测速执法",
          "共享单车乱停放|划定停放区域|督促运营企业及时清理"),
    STRV ("市交通运输局", "市公安局交警支队", "市公交集团") },
  { "environment", 10, STRV (ESTATES, "沱河", "龙河", "东湖公园", "相山公园"),
    STRV ("餐馆油烟扰民|督促安装油烟净化设施|加强执法检查",
          "夜间施工噪音大|限定施工时间|依法查处违规施工",
          "河道有异味|开展河道清淤治理|排查沿河排污口",
          "垃圾清运不及时|增加垃圾清运频次|增设分类垃圾桶",
          "工地扬尘严重|落实扬尘管控措施|加强执法检查",
          "绿化带缺乏管护|加强绿化养护|补种苗木",
          "周边企业排放异味|开展环境监测|依法查处超标排放"),
    STRV ("市生态环境局", "市城市管理局", "市水利局") },
  { "agriculture", 6, STRV (VILLAGES),
    STRV ("农田灌溉沟渠淤塞|组织清淤疏通|纳入农田水利建设计划",
          "村内道路年久失修|纳入农村道路建设计划|尽快修缮",
          "土地流转费用未按时支付|督促按合同支付|规范土地流转管理",
          "农产品销售渠道少|搭建电商销售平台|组织产销对接",
          "缺乏农业技术指导|派农技人员下乡指导|开展种植技术培训",
          "饮用水水质差|开展水质检测|接入城镇供水管网",
          "高标准农田建设质量有问题|组织工程质量复查|督促施工单位返工"),
    STRV ("市农业农村局", "市水利局", "渠沟镇人民政府") },
  { "enterprise", 5, STRV ("辖区小微企业", "东山工业园区企业", "辖区个体工商户", "凤凰山经济开发区企业"),
    STRV ("融资难、融资贵|加大信贷支持|设立应急转贷资金",
          "办事审批环节多|推行一网通办|压缩审批时限",
          "用工招聘困难|组织专场招聘会|加强职业技能培训",
          "对惠企政策不了解|开展政策解读|推行惠企政策免申即享",
          "用电成本高|协调降低用能成本|落实电价优惠政策",
          "周边道路配套不完善|完善园区道路配套|增开通勤公交"),
    STRV ("市发展改革委", "市经济和信息化局", "市数据资源局", "市人力资源社会保障局") },
  { "public_safety", 6, STRV (ESTATES),
    STRV ("监控设施损坏|尽快修复监控|增设监控点位",
          "电动车在楼道充电存在隐患|建设集中充电桩|开展消防安全宣传",
          "夜间治安巡逻少|加强夜间巡逻|增设警务室",
          "老年人遭遇电信诈骗|加强防诈骗宣传|开展进社区反诈讲座",
          "老旧电线私拉乱接|开展安全隐患排查|更换老化线路",
          "消防通道被堵塞|清理消防通道|设置禁停标志"),
    STRV ("市公安局", "市消防救援支队", "市应急管理局") },
  { "other", 4, STRV (COMMUNITIES, "", ""),
    STRV ("政务服务大厅办事排队久|增加服务窗口|推行预约办理",
          "社区活动场所不足|建设社区活动中心|开放闲置用房",
          "老年人使用智能手机困难|开展智能手机培训|保留线下办理渠道",
          "12345热线回复不及时|提高热线办理质量|限时答复",
          "公共厕所数量少|增建公共厕所|推动沿街单位厕所对外开放"),
    STRV ("市政务服务管理局", "东山街道办事处", "市数据资源局") },
};

/* The handling units (承办单位) headquarters refers items to. */
typedef struct {
  const char *name;
  const char *kind;  /* the unit kind code */
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "区住房和城乡建设局", "department" },
  { "区教育局", "department" },
  { "区卫生健康委员会", "department" },
  { "区交通运输局", "department" },
  { "东山街道办事处", "government" },
  { "区生态环境分局", "department" },
  { "区民政局", "department" },
  { "区人力资源和社会保障局", "department" },
  { "区城市管理局", "department" },
  { "区农业农村局", "department" },
  { "区市场监督管理局", "department" },
  { "区医疗保障分局", "department" },
  { "市公安局相山分局", "department" },
  { "区应急管理局", "department" },
  { "区数据资源管理局", "department" },
  { "区水利局", "department" },
  { "区发展和改革委员会", "department" },
  { "区司法局", "department" },
  { "渠沟镇人民政府", "government" },
  { "相山区人民政府", "government" },
  { "区监察委员会", "supervision" },
  { "相山区人民法院", "court" },
  { "相山区人民检察院", "procuratorate" },
  { "国网淮北供电公司相山供电中心", "other" },
};

/* Lead units by topic, in the order of topics[]; the first is the usual one. */
static const char *const *const topic_units[] = {
  STRV ("区住房和城乡建设局", "区城市管理局", "东山街道办事处"),
  STRV ("区人力资源和社会保障局", "区医疗保障分局", "区民政局"),
  STRV ("区教育局", "区市场监督管理局", "市公安局相山分局"),
  STRV ("区卫生健康委员会", "区医疗保障分局"),
  STRV ("区交通运输局", "市公安局相山分局", "区城市管理局"),
  STRV ("区生态环境分局", "区城市管理局", "区水利局"),
  STRV ("区农业农村局", "区水利局", "渠沟镇人民政府"),
  STRV ("区发展和改革委员会", "区数据资源管理局", "区人力资源和社会保障局"),
  STRV ("市公安局相山分局", "区应急管理局", "国网淮北供电公司相山供电中心"),
  STRV ("区数据资源管理局", "东山街道办事处", "区民政局"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (topic_units) == G_N_ELEMENTS (topics));

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

static guint
strv_len (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char *
pick_strv (GRand             *rand,
           const char *const *strv)
{
  return strv[g_rand_int_range (rand, 0, strv_len (strv))];
}

static gboolean
chance (GRand *rand,
        guint  percent)
{
  return (guint) g_rand_int_range (rand, 0, 100) < percent;
}

static char *
make_person_name (GRand *rand)
{
  const char *surname = PICK (rand, surnames);

  if (chance (rand, 30))
    return g_strconcat (surname, PICK (rand, given_chars), NULL);
  return g_strconcat (surname, PICK (rand, given_chars), PICK (rand, given_chars), NULL);
}

static char *
make_mobile (GRand *rand)
{
  return g_strdup_printf ("%s%08d", PICK (rand, mobile_prefixes),
                          g_rand_int_range (rand, 0, 100000000));
}

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

typedef struct {
  const char *district;
  const char *town;
} Town;

static gboolean
add_stations (LiaisonStore  *store,
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

static gboolean
add_deputies (LiaisonStore  *store,
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
          g_autofree char *name = make_person_name (rand);

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
      deputy->phone = make_mobile (rand);

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

/* Receptions */

typedef struct {
  GRand      *rand;
  GArray     *local_deputies;  /* gint64 */
  GArray     *all_deputies;    /* gint64 */
  gint64      category_ids[G_N_ELEMENTS (topics)];
  gint64      station_id;
  char       *station_uuid;
  GDateTime  *now;
  GDateTime  *today;           /* local midnight */
  guint       n_days;
  guint       suggestion_percent;
  /* the loop */
  LiaisonStore *store;
  gboolean    histories;
  gboolean    hq;              /* a headquarters replica: the stations' moves are received */
  GHashTable *deputies;        /* gint64 * id -> LiaisonDeputy *, borrowed from the roster list */
  GHashTable *unit_uuids;      /* name -> uuid */
  GPtrArray  *stations;        /* LiaisonStation *: where receptions go (hq demo: several) */
} Generator;

static const Topic *
pick_topic (Generator *gen,
            guint     *index)
{
  guint roll = g_rand_int_range (gen->rand, 0, 100);
  guint sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      sum += topics[i].weight;
      if (roll < sum)
        {
          *index = i;
          return &topics[i];
        }
    }
  *index = G_N_ELEMENTS (topics) - 1;
  return &topics[*index];
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

static void
add_deputy_once (GArray *ids,
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

static LiaisonReception *
make_reception (Generator *gen)
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

      add_deputy_once (reception->deputy_ids,
                       g_array_index (pool, gint64, g_rand_int_range (rand, 0, pool->len)));
    }

  for (guint i = 0; i < n_visitors; i++)
    {
      LiaisonVisitor *visitor = liaison_visitor_new ();
      gboolean anonymous = chance (rand, 10);
      guint size_roll = g_rand_int_range (rand, 0, 100);

      visitor->name = anonymous ? g_strdup ("") : make_person_name (rand);
      if (chance (rand, anonymous ? 50 : 92))
        visitor->phone = make_mobile (rand);
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

/* Loop histories */

/* Where a suggestion's history has got to: the time of its last move,
 * local. */
typedef struct {
  Generator  *gen;
  gint64      id;
  GDateTime  *at;
  gboolean    stopped;   /* the next move would have been after now */
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
static gboolean
history_public_opinion (Generator                *gen,
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

static const char *const *
units_of_category (Generator *gen,
                   gint64     category_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (gen->category_ids[i] == category_id)
      return topic_units[i];
  return topic_units[G_N_ELEMENTS (topics) - 1];
}

/* Deputies' own suggestions, filed at this station with co-signers, each
 * with its loop: referred straight away, replied within three months,
 * rated blind by the deputy, closed. */
static gboolean
add_motions (Generator  *gen,
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
      guint topic = g_rand_int_range (rand, 0, G_N_ELEMENTS (topics));
      guint text = g_rand_int_range (rand, 0, G_N_ELEMENTS (motion_texts));
      guint n_co_signers = g_rand_int_range (rand, 1, 4);
      gint64 filer = g_array_index (pool, gint64, g_rand_int_range (rand, 0, pool->len));
      const LiaisonDeputy *deputy = g_hash_table_lookup (gen->deputies, &filer);
      g_autoptr(GDateTime) day = g_date_time_add_days (gen->today, -g_rand_int_range (rand, 1, gen->n_days));
      g_autoptr(GDateTime) filed = g_date_time_add_minutes (day, g_rand_int_range (rand, 9 * 60, 17 * 60));
      g_autoptr(GDateTime) filed_utc = g_date_time_to_utc (filed);

      suggestion->kind = LIAISON_LOOP_KIND_DEPUTY_SUGGESTION;
      suggestion->deputy_id = filer;
      for (guint c = 0; c < n_co_signers; c++)
        {
          gint64 id = g_array_index (gen->all_deputies, gint64, g_rand_int_range (rand, 0, gen->all_deputies->len));

          if (id != filer)
            add_deputy_once (suggestion->co_signer_ids, id);
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
      if (history_wait (&history, 3, 20) &&
          !history_handle (&history, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION, topic_units[topic], error))
        return FALSE;
    }
  return TRUE;
}

/* The handling units, as headquarters' sync would deliver them. */
static gboolean
add_units (LiaisonStore  *store,
           GHashTable    *unit_uuids,
           GError       **error)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *now = liaison_store_now_utc ();
  LiaisonSyncCounts counts = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      JsonObject *change = json_object_new ();
      JsonObject *data = json_object_new ();
      g_autofree char *uuid = g_strdup_printf ("756e6974-0000-4000-8000-%012u", i + 1);

      json_object_set_string_member (data, "name", demo_units[i].name);
      json_object_set_string_member (data, "kind", demo_units[i].kind);
      json_object_set_string_member (change, "kind", "unit");
      json_object_set_string_member (change, "uuid", uuid);
      json_object_set_int_member (change, "version", 1);
      json_object_set_string_member (change, "updated_at", now);
      json_object_set_null_member (change, "origin_station");
      json_object_set_boolean_member (change, "deleted", FALSE);
      json_object_set_object_member (change, "data", data);
      json_array_add_object_element (changes, change);
    }
  /* The checkpoint stays where it is. */
  if (!liaison_store_apply_pulled (store, changes, liaison_store_get_checkpoint (store), &counts, error))
    return FALSE;

  units = liaison_store_list_units (store, error);
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_replace (unit_uuids, g_strdup (unit->name), g_strdup (unit->meta.uuid));
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    if (!g_hash_table_contains (unit_uuids, demo_units[i].name))
      {
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                     _("The handling unit “%s” is missing from the database."), demo_units[i].name);
        return FALSE;
      }
  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->local_deputies, g_array_unref);
  g_clear_pointer (&gen->all_deputies, g_array_unref);
  g_clear_pointer (&gen->station_uuid, g_free);
  g_clear_pointer (&gen->now, g_date_time_unref);
  g_clear_pointer (&gen->today, g_date_time_unref);
  g_clear_pointer (&gen->deputies, g_hash_table_unref);
  g_clear_pointer (&gen->unit_uuids, g_hash_table_unref);
  g_clear_pointer (&gen->stations, g_ptr_array_unref);
}

/* Up to a dozen of the city's stations, this one first: where a
 * headquarters demo's receptions come from. */
static GPtrArray *
pick_stations (LiaisonStore          *store,
               GRand                 *rand,
               const LiaisonStation  *local,
               GError               **error)
{
  g_autoptr(GPtrArray) all = liaison_store_list_stations (store, error);
  GPtrArray *picked;

  if (all == NULL)
    return NULL;
  picked = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_station_free);
  for (guint i = 0; i < all->len; i++)
    if (((LiaisonStation *) g_ptr_array_index (all, i))->meta.id == local->meta.id)
      g_ptr_array_add (picked, g_ptr_array_steal_index (all, i));
  while (picked->len < 12 && all->len > 0)
    g_ptr_array_add (picked, g_ptr_array_steal_index_fast (all, g_rand_int_range (rand, 0, all->len)));
  return picked;
}

static gboolean
add_receptions (LiaisonStore              *store,
                GRand                     *rand,
                const LiaisonStation      *station,
                const LiaisonDemoOptions  *options,
                GError                   **error)
{
  g_autoptr(GPtrArray) deputies = NULL;
  Generator gen = { rand, };
  gboolean ok = FALSE;
  guint done = 0;

  deputies = liaison_store_list_deputies (store, NULL, error);
  if (deputies == NULL)
    return FALSE;
  if (deputies->len == 0)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("The demo needs at least one deputy on the roster to add receptions."));
      return FALSE;
    }

  gen.store = store;
  gen.histories = options->loop_histories;
  /* The replica's role, whatever this run's options: a headquarters demo
   * run again without --hq is still headquarters. */
  gen.hq = liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ;
  gen.local_deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.all_deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.deputies = g_hash_table_new (g_int64_hash, g_int64_equal);
  gen.unit_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < deputies->len; i++)
    {
      LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

      g_array_append_val (gen.all_deputies, deputy->meta.id);
      g_hash_table_insert (gen.deputies, &deputy->meta.id, deputy);
      if (deputy->station_id == station->meta.id)
        g_array_append_val (gen.local_deputies, deputy->meta.id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if ((gen.category_ids[i] = liaison_store_find_category (store, topics[i].code)) == 0)
      {
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                     _("The category “%s” is missing from the database."), topics[i].code);
        goto out;
      }
  if (!add_units (store, gen.unit_uuids, error))
    goto out;
  if (options->hq && (gen.stations = pick_stations (store, rand, station, error)) == NULL)
    goto out;

  gen.station_id = station->meta.id;
  gen.station_uuid = g_strdup (station->meta.uuid);
  gen.now = g_date_time_new_now_local ();
  gen.today = g_date_time_new_local (g_date_time_get_year (gen.now),
                                     g_date_time_get_month (gen.now),
                                     g_date_time_get_day_of_month (gen.now), 0, 0, 0);
  gen.n_days = options->n_days > 0 ? options->n_days : 365;
  gen.suggestion_percent = options->suggestion_percent > 0 ? MIN (options->suggestion_percent, 100) : 60;

  while (done < options->n_receptions)
    {
      guint batch = MIN (gen.histories ? HISTORY_BATCH_SIZE : BATCH_SIZE, options->n_receptions - done);

      if (!liaison_store_begin (store, error))
        goto out;
      for (guint i = 0; i < batch; i++)
        {
          g_autoptr(LiaisonReception) reception = make_reception (&gen);

          if (!liaison_store_save_reception (store, reception, error))
            {
              liaison_store_rollback (store);
              goto out;
            }
          for (guint s = 0; gen.histories && s < reception->suggestions->len; s++)
            {
              const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, s);

              if (!history_public_opinion (&gen, reception, suggestion,
                                           units_of_category (&gen, suggestion->category_id), error))
                {
                  liaison_store_rollback (store);
                  goto out;
                }
            }
        }
      if (!liaison_store_commit (store, error))
        goto out;
      done += batch;
    }

  /* About one deputy's suggestion for every 60 receptions, at least 3. */
  if (gen.histories && options->n_receptions > 0)
    {
      if (!liaison_store_begin (store, error))
        goto out;
      if (!add_motions (&gen, MAX (3, options->n_receptions / 60), error))
        {
          liaison_store_rollback (store);
          goto out;
        }
      if (!liaison_store_commit (store, error))
        goto out;
    }
  ok = TRUE;

out:
  generator_clear (&gen);
  return ok;
}

gboolean
liaison_demo_generate (LiaisonStore              *store,
                       const LiaisonDemoOptions  *options,
                       GError                   **error)
{
  static const LiaisonDemoOptions defaults = { 0, };
  g_autoptr(GRand) rand = NULL;
  g_autoptr(LiaisonStation) station = NULL;
  g_autoptr(GPtrArray) station_ids = g_ptr_array_new_with_free_func (g_free);
  guint n_stations, n_deputies;

  g_return_val_if_fail (LIAISON_IS_STORE (store), FALSE);

  if (options == NULL)
    options = &defaults;
  n_stations = options->n_stations > 0 ? options->n_stations : 267;
  n_deputies = options->n_deputies > 0 ? options->n_deputies : 330;
  rand = g_rand_new_with_seed (options->seed);

  station = liaison_store_get_local_station (store);
  if (station == NULL)
    {
      if (!liaison_store_set_local_station (store, LOCAL_STATION_NAME, LIAISON_STATION_KIND_STATION,
                                            LOCAL_STATION_DISTRICT, error))
        return FALSE;
      station = liaison_store_get_local_station (store);
      if (station == NULL)
        {
          g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NO_STATION,
                               _("The demo station could not be set up."));
          return FALSE;
        }
    }

  /* Headquarters is enrolled, not made: a replica that syncs with a
   * server as a station stays one. */
  if (options->hq && liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_STATION)
    {
      g_set_error_literal (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                           _("This database syncs with headquarters as a station, so it cannot be made a headquarters demo."));
      return FALSE;
    }

  /* A headquarters replica with no server: it shows headquarters' screens
   * and never syncs. Made first, so that its own moves are recorded as
   * headquarters' desk records them. */
  if (options->hq &&
      !liaison_store_set_setting (store, "sync_role", liaison_sync_role_to_code (LIAISON_SYNC_ROLE_HQ), error))
    return FALSE;

  if (!add_stations (store, rand, n_stations, station_ids, error) ||
      !add_deputies (store, rand, n_deputies, station->meta.id, station_ids, error) ||
      !add_receptions (store, rand, station, options, error))
    return FALSE;
  /* At headquarters the stations' receptions and suggestions came from
   * them: synced, as a pull leaves them, not waiting to be sent. */
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ)
    return liaison_store_exec (store,
                               "UPDATE receptions SET sync_state = 0, sync_error = NULL, server_version = version;"
                               " UPDATE suggestions SET sync_state = 0, sync_error = NULL, server_version = version;",
                               error);
  return TRUE;
}
