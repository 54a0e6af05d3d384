/* fuzz-replay.c: a harness without libFuzzer, for the suite.
 *
 * Linked with one harness of tests/fuzz, it runs every input of the
 * corpus folder given as its argument once, a test case each, so that
 * the inputs the fuzzers once crashed on (regress-*) stay fixed in both
 * normal build trees, under GCC and under ASan and UBSan, without clang.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include <string.h>

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *corpus;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  corpus = argv[1];
  LLVMFuzzerInitialize (&argc, &argv);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *base = g_path_get_basename (corpus);
      g_autofree char *test_path = g_strdup_printf ("/%s/%s", base, (char *) g_ptr_array_index (names, i));

      g_test_add_data_func_full (test_path, g_build_filename (corpus, g_ptr_array_index (names, i), NULL),
                                 replay, g_free);
    }
  return g_test_run ();
}
