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
#include "liaison-demo-private.h"
#include "liaison-store-loop.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"

#define BATCH_SIZE 2000
/* With loop histories a transaction touches many more pages: smaller
 * ones stay within SQLite's page cache instead of spilling to the WAL
 * over and over. */
#define HISTORY_BATCH_SIZE 200

#define LOCAL_STATION_NAME     "相山区东山街道人大代表联络站"
#define LOCAL_STATION_ADDRESS  "相山区东山街道人民路36号"
#define LOCAL_STATION_DISTRICT "相山区"

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

  for (guint i = 0; i < LIAISON_DEMO_N_TOPICS; i++)
    if ((gen.category_ids[i] = liaison_store_find_category (store, liaison_demo_topics[i].code)) == 0)
      {
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                     _("The category “%s” is missing from the database."), liaison_demo_topics[i].code);
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
          g_autoptr(LiaisonReception) reception = liaison_demo_make_reception (&gen);

          if (!liaison_store_save_reception (store, reception, error))
            {
              liaison_store_rollback (store);
              goto out;
            }
          for (guint s = 0; gen.histories && s < reception->suggestions->len; s++)
            {
              const LiaisonSuggestion *suggestion = g_ptr_array_index (reception->suggestions, s);

              if (!liaison_demo_history_public_opinion (&gen, reception, suggestion,
                                                        liaison_demo_units_of_category (&gen, suggestion->category_id), error))
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
      if (!liaison_demo_add_motions (&gen, MAX (3, options->n_receptions / 60), error))
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
      station->address = g_strdup (LOCAL_STATION_ADDRESS);
      if (!liaison_store_save_station (store, station, error))
        return FALSE;
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

  if (!liaison_demo_add_stations (store, rand, n_stations, station_ids, error) ||
      !liaison_demo_add_deputies (store, rand, n_deputies, station->meta.id, station_ids, error) ||
      !add_receptions (store, rand, station, options, error))
    return FALSE;
  /* A demo of the city's work has its duty record; a roster alone
   * (no receptions) does not. */
  if (options->n_receptions > 0 && !liaison_demo_add_duty_record (store, options->seed, error))
    return FALSE;
  /* At headquarters the stations' receptions and suggestions came from
   * them: synced, as a pull leaves them, not waiting to be sent, and
   * their visitors' phones masked (docs/privacy.md, "Headquarters and
   * contacts"). */
  if (liaison_store_get_sync_role (store) == LIAISON_SYNC_ROLE_HQ)
    return liaison_store_exec (store,
                               "UPDATE receptions SET sync_state = 0, sync_error = NULL, server_version = version;"
                               " UPDATE suggestions SET sync_state = 0, sync_error = NULL, server_version = version;",
                               error) &&
           liaison_store_mask_hq_phones (store, error);
  return TRUE;
}
