/* fuzz-common.c: setup shared by the libFuzzer harnesses. */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include <stdio.h>
#include <stdlib.h>

#include "liaison-json-depth.h"
#include "liaison-ledger.h"
#include "liaison-test-util.h"

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  if (tmp_dir != NULL)
    liaison_test_remove_tree (tmp_dir);
}

/* Only what would abort a test aborts here: criticals and warnings. */
static GLogWriterOutput
quiet_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      /* Escaped: the message may quote the input's bytes. */
      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          {
            g_autofree char *text = fields[i].length < 0 ? g_strdup (fields[i].value)
                                                         : g_strndup (fields[i].value, (gsize) fields[i].length);
            g_autofree char *escaped = g_strescape (text, NULL);

            fprintf (stderr, "GLib %s: %s\n", level & G_LOG_LEVEL_WARNING ? "WARNING" : "CRITICAL", escaped);
          }
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_init (const char *name)
{
  g_autofree char *tmpl = g_strdup_printf ("liaison-fuzz-%s-XXXXXX", name);

  if (tmp_dir != NULL)
    return;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LIAISON_NO_KEYRING", "1", TRUE);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
  tmp_dir = liaison_test_make_tmp_dir (tmpl);
  atexit (remove_tmp_dir);
}

const char *
fuzz_tmp_dir (void)
{
  return tmp_dir;
}

GFile *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);
  return g_file_new_for_path (path);
}

JsonNode *
fuzz_parse_json (const uint8_t *data,
                 size_t         size,
                 gboolean       immutable)
{
  g_autoptr(JsonParser) parser = immutable ? json_parser_new_immutable () : json_parser_new ();
  JsonNode *root;

  /* With the depth check both ends make before json-glib recurses. */
  if (size == 0 || !liaison_json_load (parser, (const char *) data, (gssize) size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL ? json_node_copy (root) : NULL;
}

LiaisonStore *
fuzz_open_store (gboolean hq)
{
  g_autofree char *path = g_build_filename (tmp_dir, hq ? "hq-desk.db" : "station.db", NULL);
  g_autofree char *roster_path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "roster.csv", NULL);
  g_autoptr(GFile) roster = g_file_new_for_path (roster_path);
  g_autoptr(LiaisonStore) store = hq ? liaison_test_open_store_with_station (path, FUZZ_STATION_NAME)
                                     : liaison_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint n = 0;

  if (hq)
    liaison_test_enroll_as_hq (store);
  else
    {
      answer = json_from_string ("{\"token\": \"0123456789abcdef0123456789abcdef\", \"role\": \"station\","
                                 " \"server_id\": \"11111111-1111-4111-8111-111111111111\","
                                 " \"station\": {\"uuid\": \"" FUZZ_STATION_UUID "\", \"name\": \"" FUZZ_STATION_NAME "\","
                                 " \"kind\": \"station\", \"district\": \"相山区\"}}", &error);
      g_assert_no_error (error);
      if (!liaison_store_adopt_enrollment (store, "http://127.0.0.1:8600", json_node_get_object (answer), &error))
        g_error ("%s", error->message);
    }
  if (!liaison_ledger_import_deputies (store, roster, &n, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&store);
}
