/* test-similar.c: the earlier receptions the editor warns about while a
 * reception is logged (liaison_store_find_similar_receptions), against a
 * real SQLite file: the same visitor by phone or by name and community, a
 * summary the search index matches, this station, the last 90 days, and
 * never the reception being edited. */
#define G_LOG_DOMAIN "test-similar"

#include "config.h"

#include <glib.h>

#include "liaison-store.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  LiaisonStore *store;
  gint64        other_station;
  gint64        deputy;
  gint64        lamp;     /* 赵敏, 2025-03-01: the street lamp */
  gint64        old;      /* 赵敏, 2024-10-01: the street lamp, long ago */
  gint64        away;     /* 赵敏, at another station */
} Fixture;

static LiaisonReception *
make_reception (const char     *received_at,
                const char     *summary,
                LiaisonVisitor *visitor)
{
  LiaisonReception *reception = liaison_reception_new ();

  reception->received_at = g_strdup (received_at);
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->summary = g_strdup (summary);
  g_ptr_array_add (reception->visitors, visitor);
  return reception;
}

static gint64
add_reception (Fixture        *fixture,
               gint64          station_id,
               const char     *received_at,
               const char     *summary,
               LiaisonVisitor *visitor)
{
  g_autoptr(LiaisonReception) reception = make_reception (received_at, summary, visitor);
  g_autoptr(GError) error = NULL;

  reception->station_id = station_id;
  reception->category_id = liaison_store_find_category (fixture->store, "transport");
  g_array_append_val (reception->deputy_ids, fixture->deputy);
  liaison_store_save_reception (fixture->store, reception, &error);
  g_assert_no_error (error);
  return reception->meta.id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(LiaisonStation) other = liaison_station_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-similar-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (path, "相山区东山街道代表联络站");
  fixture->deputy = liaison_test_add_deputy (fixture->store, "张伟", LIAISON_DEPUTY_LEVEL_CITY);
  other->name = g_strdup ("杜集区高岳街道代表联络站");
  other->kind = LIAISON_STATION_KIND_STATION;
  g_assert_true (liaison_store_save_station (fixture->store, other, &error));
  g_assert_no_error (error);
  fixture->other_station = other->meta.id;

  fixture->lamp = add_reception (fixture, 0, "2025-03-01 09:00", "翠竹园社区路灯不亮，夜间出行不便",
                                 liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  fixture->old = add_reception (fixture, 0, "2024-10-01 09:00", "翠竹园社区路灯不亮",
                                liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  fixture->away = add_reception (fixture, fixture->other_station, "2025-03-02 09:00", "路灯不亮已经一周",
                                 liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  /* Someone else with the same matter. */
  add_reception (fixture, 0, "2025-03-03 09:00", "路灯不亮，夜间出行不便",
                 liaison_test_make_visitor ("孙丽", "13800005678", "东山社区"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

/* The ids found for @reception, newest first, as "3 2". */
static char *
similar (Fixture          *fixture,
         LiaisonReception *reception)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = liaison_store_find_similar_receptions (fixture->store, reception, 5, &error);
  GString *ids = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  for (guint i = 0; i < found->len; i++)
    {
      LiaisonReception *earlier = g_ptr_array_index (found, i);

      g_assert_nonnull (earlier->summary);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", earlier->meta.id);
    }
  return g_string_free (ids, FALSE);
}

static void
assert_similar (Fixture          *fixture,
                LiaisonReception *reception,
                gint64            expected)
{
  g_autofree char *found = similar (fixture, reception);
  g_autofree char *want = expected ? g_strdup_printf ("%" G_GINT64_FORMAT, expected) : g_strdup ("");

  g_assert_cmpstr (found, ==, want);
}

static void
test_same_phone (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Another name, the phone written otherwise, other words around. */
  g_autoptr(LiaisonReception) now = make_reception ("2025-04-15 10:00", "小区路灯不亮了，还没修",
                                                    liaison_test_make_visitor ("赵女士", "139 1234 4321", ""));

  assert_similar (fixture, now, fixture->lamp);
}

static void
test_same_name_and_community (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LiaisonReception) now = make_reception ("2025-05-20 10:00", "夜间出行不便",
                                                    liaison_test_make_visitor ("赵敏", "", "翠竹园社区"));
  g_autoptr(LiaisonReception) elsewhere = make_reception ("2025-05-20 10:00", "夜间出行不便",
                                                          liaison_test_make_visitor ("赵敏", "", "东山社区"));

  assert_similar (fixture, now, fixture->lamp);
  /* The same name in another community is someone else. */
  assert_similar (fixture, elsewhere, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaisonReception) unrelated = make_reception ("2025-03-10 10:00", "孩子上学接送车辆拥堵",
                                                          liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  g_autoptr(LiaisonReception) too_late = make_reception ("2025-06-01 10:00", "路灯不亮",
                                                         liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  g_autoptr(LiaisonReception) stranger = make_reception ("2025-03-10 10:00", "路灯不亮",
                                                         liaison_test_make_visitor ("钱多多", "0561-3012345", "凤凰山村"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonReception) itself = liaison_store_get_reception (fixture->store, fixture->lamp, &error);
  g_autoptr(LiaisonReception) away = make_reception ("2025-03-10 10:00", "路灯不亮",
                                                     liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));

  g_assert_no_error (error);
  /* An unrelated matter. */
  assert_similar (fixture, unrelated, 0);
  /* 2025-03-01 is 92 days before 2025-06-01; 2024-10-01 too long ago. */
  assert_similar (fixture, too_late, 0);
  /* Not the same visitor: the other visitor's reception is not theirs. */
  assert_similar (fixture, stranger, 0);
  /* The reception being edited is not its own duplicate; the older one
   * is more than 90 days before it. */
  assert_similar (fixture, itself, 0);
  /* At the other station, only that station's reception. */
  away->station_id = fixture->other_station;
  assert_similar (fixture, away, fixture->away);
}

static void
test_within_days (Fixture       *fixture,
                  gconstpointer  data)
{
  /* 2024-10-01 is 89 days before 2024-12-29: found, the newest first. */
  g_autoptr(LiaisonReception) now = make_reception ("2024-12-29 10:00", "路灯不亮",
                                                    liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));
  g_autoptr(LiaisonReception) nothing = make_reception ("2025-03-10 10:00", "路灯",
                                                        liaison_test_make_visitor ("赵敏", "13912344321", "翠竹园社区"));

  assert_similar (fixture, now, fixture->old);
  /* No word the index can find: no warning. */
  assert_similar (fixture, nothing, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/similar/same-phone", Fixture, NULL, fixture_set_up, test_same_phone, fixture_tear_down);
  g_test_add ("/similar/same-name-and-community", Fixture, NULL,
              fixture_set_up, test_same_name_and_community, fixture_tear_down);
  g_test_add ("/similar/not-found", Fixture, NULL, fixture_set_up, test_not_found, fixture_tear_down);
  g_test_add ("/similar/within-days", Fixture, NULL, fixture_set_up, test_within_days, fixture_tear_down);

  return g_test_run ();
}
