/* liaison-test-util.c: helpers shared by the tests. */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "liaison-test-util.h"

/**
 * liaison_test_make_tmp_dir:
 * @tmpl: a g_dir_make_tmp() template, e.g. "liaison-store-XXXXXX"
 *
 * Returns: (transfer full): the new folder's path
 */
char *
liaison_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/**
 * liaison_test_remove_tree:
 * @path: a file or folder
 *
 * Deletes @path and, for a folder, everything below it.
 */
void
liaison_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      liaison_test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

/**
 * liaison_test_clear_store_dir:
 * @store: (inout) (nullable): a store kept in @dir, closed first
 * @dir: (inout): a temporary folder, deleted with all it holds
 *
 * Tears down a fixture's store and its folder.
 */
void
liaison_test_clear_store_dir (LiaisonStore **store,
                              char         **dir)
{
  g_clear_object (store);
  liaison_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/**
 * liaison_test_data_path:
 * @name: a file in tests/data
 *
 * Returns: (transfer full): its path, from $LIAISON_TEST_DATA
 */
char *
liaison_test_data_path (const char *name)
{
  const char *dir = g_getenv ("LIAISON_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/**
 * liaison_test_open_store:
 * @path: the database file
 *
 * Returns: (transfer full): the store, which opened without error
 */
LiaisonStore *
liaison_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaisonStore *store = liaison_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/**
 * liaison_test_set_station:
 *
 * Sets up this station, asserting that it worked.
 */
void
liaison_test_set_station (LiaisonStore       *store,
                          const char         *name,
                          LiaisonStationKind  kind,
                          const char         *district)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_set_local_station (store, name, kind, district, &error));
  g_assert_no_error (error);
}

/**
 * liaison_test_open_store_with_station:
 * @path: the database file
 * @station_name: this station's name
 *
 * Opens a store and sets up this station as a liaison station of 相山区,
 * where the tests' stations are.
 *
 * Returns: (transfer full): the store
 */
LiaisonStore *
liaison_test_open_store_with_station (const char *path,
                                      const char *station_name)
{
  LiaisonStore *store = liaison_test_open_store (path);

  liaison_test_set_station (store, station_name, LIAISON_STATION_KIND_STATION, "相山区");
  return store;
}

/**
 * liaison_test_add_deputy:
 *
 * Saves a deputy with just a name and a level.
 *
 * Returns: the new deputy's id, which is positive
 */
gint64
liaison_test_add_deputy (LiaisonStore       *store,
                         const char         *name,
                         LiaisonDeputyLevel  level)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(GError) error = NULL;

  deputy->name = g_strdup (name);
  deputy->level = level;
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deputy->meta.id, >, 0);
  return deputy->meta.id;
}

/**
 * liaison_test_query_int:
 *
 * Returns: the integer @sql selects, which ran without error
 */
gint64
liaison_test_query_int (LiaisonStore *store,
                        const char   *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = liaison_store_query_int (store, sql, &error);

  g_assert_no_error (error);
  return n;
}

/**
 * liaison_test_count_rows:
 *
 * Returns: how many rows @table holds, tombstones included
 */
gint64
liaison_test_count_rows (LiaisonStore *store,
                         const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return liaison_test_query_int (store, sql);
}

/**
 * liaison_test_count_receptions:
 *
 * Returns: the row counts of receptions, their visitors, their deputies
 *   and their suggestions
 */
LiaisonTestCounts
liaison_test_count_receptions (LiaisonStore *store)
{
  LiaisonTestCounts counts = {
    liaison_test_count_rows (store, "receptions"),
    liaison_test_count_rows (store, "reception_visitors"),
    liaison_test_count_rows (store, "reception_deputies"),
    liaison_test_count_rows (store, "suggestions"),
  };
  return counts;
}

/**
 * liaison_test_assert_counts:
 *
 * Asserts that each of the four counts is the one expected.
 */
void
liaison_test_assert_counts (LiaisonTestCounts actual,
                            LiaisonTestCounts expected)
{
  g_assert_cmpint (actual.receptions, ==, expected.receptions);
  g_assert_cmpint (actual.visitors, ==, expected.visitors);
  g_assert_cmpint (actual.deputies, ==, expected.deputies);
  g_assert_cmpint (actual.suggestions, ==, expected.suggestions);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

GSubprocessLauncher *
liaison_test_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

LiaisonVisitor *
liaison_test_make_visitor (const char *name,
                           const char *phone,
                           const char *community)
{
  LiaisonVisitor *visitor = liaison_visitor_new ();

  visitor->name = g_strdup (name);
  visitor->phone = g_strdup (phone);
  visitor->community = g_strdup (community);
  visitor->party_size = 1;
  visitor->consent = phone != NULL && *phone;
  return visitor;
}
