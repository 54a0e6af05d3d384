/* liaison-categories.c: the standard categories both stores seed. */
#define G_LOG_DOMAIN "liaison-categories"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-categories.h"

static const LiaisonCategorySeed category_seeds[] = {
  { "urban_construction", N_("Urban construction"),            "城乡建设" },
  { "social_security",    N_("Social security"),               "社会保障" },
  { "education",          N_("Education"),                     "教育" },
  { "health",             N_("Health"),                        "医疗卫生" },
  { "transport",          N_("Transport"),                     "交通出行" },
  { "environment",        N_("Environment"),                   "生态环境" },
  { "agriculture",        N_("Agriculture and rural affairs"), "农业农村" },
  { "enterprise",         N_("Enterprise services"),           "企业服务" },
  { "public_safety",      N_("Public safety"),                 "公共安全" },
  { "other",              N_("Other"),                         "其他" },
};

const LiaisonCategorySeed *
liaison_category_seeds (guint *n_seeds)
{
  g_return_val_if_fail (n_seeds != NULL, NULL);

  *n_seeds = G_N_ELEMENTS (category_seeds);
  return category_seeds;
}

char *
liaison_category_seed_uuid (guint index)
{
  return g_strdup_printf ("6c1a7e00-0000-4000-8000-%012u", index + 1);
}
