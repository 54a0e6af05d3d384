/* test-mobile-desk.c: the mobile desk (流动办公桌, docs/online.md section
 * 3): a reception's place and occasion kept by the store and the form, a
 * file of schema 18 brought up to them, the wire's check of them, the
 * receptions list's filter and the dashboard's channel group, the search
 * by place, and the ledger's CSV and XLSX export read back by import, with
 * an older ledger without their columns still imported. */
#define G_LOG_DOMAIN "test-mobile-desk"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-reception-form.h"
#include "liaison-store-dashboard.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

#define PLACE    "渠沟镇太平村"
#define OCCASION "集市"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputy_id;
  gint64        category_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-mobile-desk-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, "渠沟镇人大代表联络站");
  fixture->deputy_id = liaison_test_add_deputy (fixture->store, "周明远", LIAISON_DEPUTY_LEVEL_TOWNSHIP);
  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  fixture->category_id = ((LiaisonCategory *) g_ptr_array_index (categories, 0))->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->path);
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

static LiaisonReception *
new_reception (Fixture        *fixture,
               const char     *received_at,
               LiaisonChannel  channel,
               const char     *summary,
               const char     *place,
               const char     *occasion)
{
  LiaisonReception *reception = liaison_reception_new ();
  LiaisonVisitor *visitor = liaison_visitor_new ();

  reception->received_at = g_strdup (received_at);
  reception->channel = channel;
  reception->category_id = fixture->category_id;
  g_array_append_val (reception->deputy_ids, fixture->deputy_id);
  visitor->name = g_strdup ("郑秀兰");
  visitor->community = g_strdup ("幸福里");
  g_ptr_array_add (reception->visitors, visitor);
  reception->summary = g_strdup (summary);
  reception->place = g_strdup (place);
  reception->occasion = g_strdup (occasion);
  return reception;
}

static gint64
save (Fixture        *fixture,
      const char     *received_at,
      LiaisonChannel  channel,
      const char     *summary,
      const char     *place,
      const char     *occasion)
{
  g_autoptr(LiaisonReception) reception = new_reception (fixture, received_at, channel, summary, place, occasion);
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_no_error (error);
  return reception->meta.id;
}

/* The store keeps them; the form shows them, and a save of the form after
 * another field's edit leaves them as they were. */
static void
test_store_and_form (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(LiaisonReception) saved = NULL;
  g_autoptr(LiaisonReception) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save (fixture, "2025-03-05 10:00", LIAISON_CHANNEL_MOBILE_DESK, "反映村道坑洼", PLACE, OCCASION);

  saved = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->place, ==, PLACE);
  g_assert_cmpstr (saved->occasion, ==, OCCASION);

  liaison_reception_form_load (form, saved);
  g_assert_cmpstr (liaison_reception_form_get_place (form), ==, PLACE);
  g_assert_cmpstr (liaison_reception_form_get_occasion (form), ==, OCCASION);
  g_assert_false (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_occasion (form, "院坝会");
  g_assert_true (liaison_reception_form_is_dirty (form));
  liaison_reception_form_set_occasion (form, OCCASION);
  liaison_reception_form_set_summary (form, "反映村道坑洼，雨天积水");
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);

  again = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->summary, ==, "反映村道坑洼，雨天积水");
  g_assert_cmpstr (again->place, ==, PLACE);
  g_assert_cmpstr (again->occasion, ==, OCCASION);
}

/* Too long a place is a field error, named, and nothing is saved. */
static void
test_too_long (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *long_place = g_strnfill (LIAISON_MAX_PLACE_CHARS + 1, 'x');
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(LiaisonReception) built = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LiaisonReception) reception = new_reception (fixture, "2025-03-05 10:00", LIAISON_CHANNEL_MOBILE_DESK,
                                                         "反映村道坑洼", long_place, OCCASION);
  g_autoptr(GError) error = NULL;

  g_assert_false (liaison_store_save_reception (fixture->store, reception, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, 0);

  liaison_reception_form_load (form, reception);
  built = liaison_reception_form_build (form, NULL, &problems);
  g_assert_null (built);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpstr (((LiaisonFieldError *) g_ptr_array_index (problems, 0))->field, ==, "place");
}

/* A file of schema 18, with a reception, comes up to the place and
 * occasion: the reception has none, keeps the rest and is still found;
 * a place given it then is found too. */
static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaisonReception) old = NULL;
  g_autoptr(LiaisonReception) kept = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonReceptionFilter filter = { 0 };
  gint64 id;

  id = save (fixture, "2025-03-01 08:00", LIAISON_CHANNEL_MOBILE_DESK, "反映东山菜市场占道经营", NULL, NULL);
  liaison_test_undo_place_schema (fixture->store);
  g_assert_cmpint (liaison_store_get_schema_version (fixture->store), ==, 18);
  g_assert_cmpint (liaison_test_query_int (fixture->store,
    "SELECT count(*) FROM pragma_table_info('receptions') WHERE name IN ('place', 'occasion')"), ==, 0);
  g_clear_object (&fixture->store);

  fixture->store = liaison_test_open_store (fixture->path);
  g_assert_cmpint (liaison_store_get_schema_version (fixture->store), ==, LIAISON_STORE_SCHEMA_VERSION);
  old = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old->place, ==, "");
  g_assert_cmpstr (old->occasion, ==, "");
  g_assert_cmpstr (old->summary, ==, "反映东山菜市场占道经营");

  filter.search = g_strdup ("菜市场");
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &filter, &error), ==, 1);
  g_assert_no_error (error);

  g_free (old->place);
  old->place = g_strdup (PLACE);
  g_assert_true (liaison_store_save_reception (fixture->store, old, &error));
  g_assert_no_error (error);
  kept = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->place, ==, PLACE);
  g_free (filter.search);
  filter.search = g_strdup ("太平村");
  g_assert_cmpuint (liaison_store_count_receptions (fixture->store, &filter, &error), ==, 1);
  g_assert_no_error (error);
  liaison_reception_filter_clear (&filter);
}

/* Three receptions: two at the mobile desk, one at the venue. */
static void
add_three (Fixture *fixture)
{
  save (fixture, "2025-03-05 09:00", LIAISON_CHANNEL_MOBILE_DESK, "反映村道坑洼", PLACE, OCCASION);
  save (fixture, "2025-03-12 15:30", LIAISON_CHANNEL_MOBILE_DESK, "反映灌溉渠堵塞", "渠沟镇东山村", "院坝会");
  save (fixture, "2025-03-20 10:00", LIAISON_CHANNEL_WALK_IN, "反映路灯不亮", NULL, NULL);
}

static guint
count (Fixture    *fixture,
       gboolean    mobile_desk,
       const char *place,
       const char *search)
{
  LiaisonReceptionFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonPagedList) model = NULL;
  g_autoptr(GPtrArray) page = NULL;
  guint n;

  filter.mobile_desk = mobile_desk;
  filter.place = g_strdup (place);
  filter.search = g_strdup (search);
  n = liaison_store_count_receptions (fixture->store, &filter, &error);
  g_assert_no_error (error);
  /* The list's page and its model agree with the count. */
  page = liaison_store_list_receptions (fixture->store, &filter, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, n);
  model = liaison_store_new_reception_model (fixture->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  liaison_reception_filter_clear (&filter);
  return n;
}

static void
test_list_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  add_three (fixture);

  g_assert_cmpuint (count (fixture, FALSE, NULL, NULL), ==, 3);
  g_assert_cmpuint (count (fixture, TRUE, NULL, NULL), ==, 2);
  g_assert_cmpuint (count (fixture, FALSE, "太平", NULL), ==, 1);
  g_assert_cmpuint (count (fixture, TRUE, "渠沟镇", NULL), ==, 2);
  /* The occasion is a place's too: 院坝会 was held at 东山村. */
  g_assert_cmpuint (count (fixture, TRUE, "院坝", NULL), ==, 1);
  g_assert_cmpuint (count (fixture, FALSE, " 太平村 ", NULL), ==, 1);
  /* A LIKE wildcard typed is a character, not a wildcard. */
  g_assert_cmpuint (count (fixture, FALSE, "%", NULL), ==, 0);
  g_assert_cmpuint (count (fixture, TRUE, "西园", NULL), ==, 0);
  /* With a search and the other filters. */
  g_assert_cmpuint (count (fixture, TRUE, NULL, "灌溉渠"), ==, 1);
  g_assert_cmpuint (count (fixture, TRUE, "太平", "灌溉渠"), ==, 0);
}

/* The search finds a reception by its place and by its occasion, by the
 * index (three characters or more) and by the short words' LIKE. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  add_three (fixture);

  g_assert_cmpuint (count (fixture, FALSE, NULL, "太平村"), ==, 1);
  g_assert_cmpuint (count (fixture, FALSE, NULL, "渠沟镇"), ==, 2);
  g_assert_cmpuint (count (fixture, FALSE, NULL, "院坝会"), ==, 1);
  g_assert_cmpuint (count (fixture, FALSE, NULL, "集市"), ==, 1);
  g_assert_cmpuint (count (fixture, FALSE, NULL, "东山"), ==, 1);
}

/* The dashboard's receptions by channel count the mobile desk's, and the
 * rows behind that number are theirs. */
static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  LiaisonFiguresTable table = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  LiaisonFiguresCell *cell;

  add_three (fixture);
  g_date_set_dmy (&from, 1, G_DATE_MARCH, 2025);
  g_date_set_dmy (&to, 31, G_DATE_MARCH, 2025);
  g_assert_true (liaison_store_compute_figures_table (fixture->store, &from, &to, &to, 0, &table, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (table.total.receptions, ==, 3);
  cell = g_hash_table_lookup (table.by[LIAISON_FIGURES_BY_CHANNEL], liaison_channel_to_code (LIAISON_CHANNEL_MOBILE_DESK));
  g_assert_nonnull (cell);
  g_assert_cmpuint (cell->receptions, ==, 2);
  liaison_figures_table_clear (&table);

  rows = liaison_store_list_figures_receptions (fixture->store, &from, &to, 0, LIAISON_FIGURES_BY_CHANNEL,
                                                "mobile_desk", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const LiaisonReception *reception = g_ptr_array_index (rows, i);

      g_assert_cmpint (reception->channel, ==, LIAISON_CHANNEL_MOBILE_DESK);
      g_assert_true (g_str_has_prefix (reception->place, "渠沟镇"));
    }
}

/* The wire: a reception with them, without them (an older sender), with
 * null; refused when too long or not text. */
static void
test_wire (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record = NULL;
  JsonObject *record_data;
  g_autofree char *too_long_place = g_strnfill (LIAISON_MAX_PLACE_CHARS + 1, 'x');
  g_autofree char *too_long_occasion = g_strnfill (LIAISON_MAX_OCCASION_CHARS + 1, 'x');
  g_autofree char *longest_place = g_strnfill (LIAISON_MAX_PLACE_CHARS, 'x');

  save (fixture, "2025-03-05 09:00", LIAISON_CHANNEL_MOBILE_DESK, "反映村道坑洼", PLACE, OCCASION);
  save (fixture, "2025-03-20 10:00", LIAISON_CHANNEL_WALK_IN, "反映路灯不亮", NULL, NULL);
  /* Enrolled as the station it is, so that its records wait to be sent. */
  {
    g_autofree char *uuid = liaison_test_local_station_uuid (fixture->store);
    g_autofree char *json = g_strdup_printf ("{\"token\": \"t\", \"role\": \"station\", \"server_id\": \"s\","
                                             " \"station\": {\"uuid\": \"%s\", \"name\": \"渠沟镇人大代表联络站\","
                                             " \"kind\": \"station\", \"district\": \"相山区\"}}", uuid);
    g_autoptr(JsonNode) answer = json_from_string (json, &error);

    g_assert_no_error (error);
    g_assert_true (liaison_store_adopt_enrollment (fixture->store, "http://127.0.0.1:8600",
                                                   json_node_get_object (answer), &error));
    g_assert_no_error (error);
  }
  pending = liaison_store_collect_pending (fixture->store, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    {
      JsonObject *one = g_ptr_array_index (pending, i);

      if (g_strcmp0 (json_object_get_string_member (one, "kind"), "reception") != 0)
        continue;
      g_assert_true (liaison_wire_check_record (one, &error));
      g_assert_no_error (error);
      record_data = json_object_get_object_member (one, "data");
      if (json_object_has_member (record_data, "place"))
        {
          g_assert_cmpstr (json_object_get_string_member (record_data, "place"), ==, PLACE);
          g_assert_cmpstr (json_object_get_string_member (record_data, "occasion"), ==, OCCASION);
          record = one;
        }
      else
        /* Sent as before when there is none: an older server takes it. */
        g_assert_false (json_object_has_member (record_data, "occasion"));
    }
  g_assert_nonnull (record);
  record_data = json_object_get_object_member (record, "data");

  json_object_set_string_member (record_data, "place", longest_place);
  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);
  json_object_set_null_member (record_data, "place");
  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);

  json_object_set_string_member (record_data, "place", too_long_place);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "place"));
  g_clear_error (&error);

  json_object_set_int_member (record_data, "place", 7);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "place"));
  g_clear_error (&error);

  json_object_remove_member (record_data, "place");
  json_object_set_string_member (record_data, "occasion", too_long_occasion);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_assert_nonnull (strstr (error->message, "occasion"));
  g_clear_error (&error);

  json_object_set_boolean_member (record_data, "occasion", TRUE);
  g_assert_false (liaison_wire_check_record (record, &error));
  g_assert_nonnull (strstr (error->message, "occasion"));
  g_clear_error (&error);

  json_object_remove_member (record_data, "occasion");
  g_assert_true (liaison_wire_check_record (record, &error));
  g_assert_no_error (error);
}

static char *
rows_text (LiaisonStore *store)
{
  return liaison_test_query_text (store,
    "SELECT group_concat (received_at || '|' || channel || '|' || summary || '|' || place || '|' || occasion, '\n')"
    " FROM (SELECT * FROM receptions WHERE deleted = 0 ORDER BY received_at)");
}

/* Export as @format, import into a new station with the same roster. */
static void
export_import (Fixture             *fixture,
               LiaisonLedgerFormat  format,
               const char          *name)
{
  Fixture target = { NULL, };
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (liaison_ledger_export_receptions_as (fixture->store, "2025-03-01", "2025-03-31", file, format,
                                                      NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  fixture_set_up (&target, NULL);
  g_assert_true (liaison_ledger_import_receptions (target.store, file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  before = rows_text (fixture->store);
  after = rows_text (target.store);
  g_test_message ("%s", after);
  g_assert_nonnull (strstr (before, PLACE "|" OCCASION));
  g_assert_cmpstr (before, ==, after);
  fixture_tear_down (&target, NULL);
}

static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "older.csv", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autofree char *places = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  add_three (fixture);
  export_import (fixture, LIAISON_LEDGER_FORMAT_CSV, "ledger.csv");
  export_import (fixture, LIAISON_LEDGER_FORMAT_XLSX, "ledger.xlsx");

  /* A ledger from before the mobile desk's columns: imported, no place. */
  g_assert_true (g_file_set_contents (old_path,
    "接待日期,接待代表,来访人,联系电话,所在社区,类别,反映内容,接待方式\r\n"
    "2025-04-01 09:00,周明远,钱建华,13800001111,东山社区,城乡建设,反映停车难,流动办公桌\r\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_ledger_import_receptions (fixture->store, old_file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  places = liaison_test_query_text (fixture->store,
    "SELECT place || '|' || occasion || '|' || channel FROM receptions WHERE summary = '反映停车难'");
  g_assert_cmpstr (places, ==, "||mobile_desk");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/mobile-desk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store-and-form", test_store_and_form);
  ADD ("too-long", test_too_long);
  ADD ("migrate", test_migrate);
  ADD ("list-filter", test_list_filter);
  ADD ("search", test_search);
  ADD ("dashboard", test_dashboard);
  ADD ("wire", test_wire);
  ADD ("ledger", test_ledger);
#undef ADD

  return g_test_run ();
}
