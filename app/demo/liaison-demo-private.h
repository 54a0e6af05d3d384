/* liaison-demo-private.h: what the demo generator's files (words, roster,
 * receptions, loop histories, the top level) share with each other and
 * with no one else. */
#pragma once

#include "liaison-demo.h"
#include "liaison-store-loop.h"

G_BEGIN_DECLS

/* The topics visitors raise (liaison-demo-text.c), in the order of the
 * seeded categories they belong to. */
#define LIAISON_DEMO_N_TOPICS 10

/* Problems come as "problem|wish|wish...": each with what people ask for. */
typedef struct {
  const char        *code;     /* category code, as seeded by the store */
  guint              weight;   /* out of 100 */
  const char *const *places;
  const char *const *problems;
  const char *const *units;
} Topic;

/* One run of the generator: its random source, the roster, the categories
 * and what the loop histories need. */
typedef struct {
  GRand      *rand;
  GArray     *local_deputies;  /* gint64 */
  GArray     *all_deputies;    /* gint64 */
  gint64      category_ids[LIAISON_DEMO_N_TOPICS];
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

/* Random picks */

static inline guint
strv_len (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static inline const char *
pick_strv (GRand             *rand,
           const char *const *strv)
{
  return strv[g_rand_int_range (rand, 0, strv_len (strv))];
}

static inline gboolean
chance (GRand *rand,
        guint  percent)
{
  return (guint) g_rand_int_range (rand, 0, 100) < percent;
}

extern const Topic *const liaison_demo_topics;                 /* LIAISON_DEMO_N_TOPICS */
/* Lead units by topic; the first is the usual one. */
extern const char *const *const *const liaison_demo_topic_units; /* LIAISON_DEMO_N_TOPICS */

/* liaison-demo-text.c: people's names and mobile numbers. */
char             *liaison_demo_make_person_name        (GRand *rand);
char             *liaison_demo_make_mobile             (GRand *rand);

/* liaison-demo-roster.c: the city's stations, groups and deputies. */
gboolean          liaison_demo_add_stations            (LiaisonStore  *store,
                                                        GRand         *rand,
                                                        guint          n_stations,
                                                        GPtrArray     *station_ids,
                                                        GError       **error);
gboolean          liaison_demo_add_deputies            (LiaisonStore  *store,
                                                        GRand         *rand,
                                                        guint          n_deputies,
                                                        gint64         local_station_id,
                                                        GPtrArray     *station_ids,
                                                        GError       **error);

/* liaison-demo-receptions.c: one reception, and its suggestions. */
LiaisonReception *liaison_demo_make_reception          (Generator *gen);
void              liaison_demo_add_deputy_once         (GArray    *ids,
                                                        gint64     id);

/* liaison-demo-loop.c: the suggestions' loop histories. */
gboolean          liaison_demo_history_public_opinion  (Generator                *gen,
                                                        const LiaisonReception   *reception,
                                                        const LiaisonSuggestion  *suggestion,
                                                        const char *const        *units,
                                                        GError                  **error);
const char *const *liaison_demo_units_of_category      (Generator *gen,
                                                        gint64     category_id);
gboolean          liaison_demo_add_motions             (Generator  *gen,
                                                        guint       n,
                                                        GError    **error);

/* liaison-demo-duty.c: a year of the city's duty record (activities,
 * session days, duty rosters), once per database, from its own GRand
 * seeded from @seed. */
gboolean          liaison_demo_add_duty_record         (LiaisonStore  *store,
                                                        guint32        seed,
                                                        GError       **error);

/* liaison-demo-quarter.c: the latest quarter fully over before @today,
 * closed by headquarters and synced (at a station, as pulled). */
gboolean          liaison_demo_close_quarter           (LiaisonStore  *store,
                                                        const GDate   *today,
                                                        GError       **error);

G_END_DECLS
