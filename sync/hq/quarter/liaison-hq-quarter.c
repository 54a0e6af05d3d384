/* liaison-hq-quarter.c: closing a quarter from the command line, through a
 * scratch headquarters desk (liaison-hq-quarter.h). */
#define G_LOG_DOMAIN "liaison-hq-quarter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "liaison-hq-quarter.h"
#include "liaison-hq-store.h"
#include "liaison-hq-usage.h"
#include "liaison-json-depth.h"
#include "liaison-protocol.h"
#include "liaison-store-quarter.h"
#include "liaison-store-sync.h"

/* The server's own headquarters token for what the command writes: the
 * push rules hold it as they hold a headquarters desk. */
static const LiaisonHqToken command_token = {
  .id = (char *) "command",
  .role = LIAISON_HQ_ROLE_HQ,
  .name = (char *) "liaison-hq quarter",
};

/* Every record of the server, page by page, written into @desk by the
 * pull writer a headquarters desk uses. */
static gboolean
pull_everything (LiaisonHqStore  *store,
                 LiaisonStore    *desk,
                 GError         **error)
{
  gint64 since = 0;
  gboolean more = TRUE;

  while (more)
    {
      LiaisonSyncCounts counts = { 0 };
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *page;
      guint n_changes = 0, n_skipped = 0;

      text = liaison_hq_store_pull (store, &command_token, since, LIAISON_MAX_PULL_LIMIT, NULL, &n_changes,
                                    &n_skipped, error);
      if (text == NULL)
        return FALSE;
      root = liaison_json_from_string (text, error);
      if (root == NULL)
        return FALSE;
      page = json_node_get_object (root);
      since = json_object_get_int_member (page, "last_seq");
      more = json_object_get_boolean_member (page, "more");
      if (!liaison_store_apply_pulled (desk, json_object_get_array_member (page, "changes"), since, &counts, error))
        return FALSE;
      if (counts.set_aside > 0)
        g_warning ("%u records of the server were set aside by the scratch desk", counts.set_aside);
    }
  return TRUE;
}

/* The closing's records, pushed as a headquarters desk's: all taken, or
 * the first refusal's reason. */
static gboolean
push_closing (LiaisonHqStore  *store,
              LiaisonStore    *desk,
              guint           *n_records,
              GError         **error)
{
  g_autoptr(GPtrArray) pending = liaison_store_collect_pending (desk, G_MAXINT, error);
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  guint n_applied = 0;

  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      JsonObject *record = g_ptr_array_index (pending, i);

      if (g_strcmp0 (json_object_get_string_member (record, "kind"), LIAISON_KIND_QUARTER_CLOSE) == 0)
        json_array_add_object_element (records, json_object_ref (record));
    }
  results = liaison_hq_store_push (store, &command_token, records, &n_applied, error);
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_strcmp0 (json_object_get_string_member (result, "status"), LIAISON_PUSH_APPLIED) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %s is the server's reason, in English */
                       _("The server refused the closing: %s"),
                       json_object_get_string_member_with_default (result, "reason", ""));
          return FALSE;
        }
    }
  *n_records = json_array_get_length (records);
  return TRUE;
}

typedef struct {
  char     *data_dir;
  char     *by;
  char    **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_free (options->by);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse (int       argc,
       char    **argv,
       Options  *options,
       GError  **error)
{
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir, N_("The server's data folder"), N_("DIR") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &options->by, N_("Who closes the quarter"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;
  if (options->data_dir == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Which data folder? Give --data-dir DIR."));
      return FALSE;
    }
  return TRUE;
}

static int
command_close (LiaisonHqStore *store,
               LiaisonQuarter  quarter,
               const char     *by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) desk = NULL;
  g_autoptr(LiaisonQuarterClose) close = NULL;
  g_autoptr(JsonNode) enrollment = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *label = NULL;
  LiaisonPoints total = 0;
  guint n_records = 0;
  int status = EXIT_FAILURE;

  dir = g_dir_make_tmp ("liaison-hq-quarter-XXXXXX", &error);
  if (dir == NULL)
    return liaison_hq_fail (error);
  path = g_build_filename (dir, "desk.db", NULL);
  desk = liaison_store_open (path, &error);
  enrollment = json_from_string ("{\"token\": \"scratch-desk-of-liaison-hq-quarter\", \"role\": \"hq\","
                                 " \"server_id\": \"00000000-0000-4000-8000-000000000000\", \"station\": null}", NULL);
  if (desk == NULL ||
      !liaison_store_adopt_enrollment (desk, "http://localhost/", json_node_get_object (enrollment), &error) ||
      !pull_everything (store, desk, &error))
    goto out;
  close = liaison_store_close_quarter (desk, quarter, by != NULL ? by : "liaison-hq", NULL, &error);
  if (close == NULL || !push_closing (store, desk, &n_records, &error))
    goto out;

  for (guint i = 0; i < close->snapshot->deputies->len; i++)
    total += ((LiaisonSnapshotDeputy *) g_ptr_array_index (close->snapshot->deputies, i))->total;
  label = liaison_quarter_label (quarter);
  {
    g_autofree char *points = liaison_points_format (total);

    /* Translators: "2025, first quarter closed: 330 deputies, 1234.5 points in all." */
    printf (ngettext ("%s closed: %u deputy, %s points in all.\n",
                      "%s closed: %u deputies, %s points in all.\n", close->snapshot->deputies->len),
            label, close->snapshot->deputies->len, points);
  }
  printf (_("Stations receive it at their next sync.\n"));
  status = EXIT_SUCCESS;

out:
  if (error != NULL)
    liaison_hq_fail (error);
  g_clear_object (&desk);
  if (path != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return status;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The closed quarters: "2025Q1  2025-04-02T01:00:00Z  陈静". */
static int
command_list (LiaisonHqStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) closes = liaison_hq_store_list_live (store, LIAISON_KIND_QUARTER_CLOSE, FALSE, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer value;

  if (closes == NULL)
    return liaison_hq_fail (error);
  /* One record a deputy: one line a quarter. */
  g_hash_table_iter_init (&iter, closes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *data = value;
      const char *quarter = json_object_get_string_member_with_default (data, "quarter", "");

      if (!g_hash_table_add (seen, g_strdup (quarter)))
        continue;
      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\t%s", quarter,
                                               json_object_get_string_member_with_default (data, "closed_at", ""),
                                               json_object_get_string_member_with_default (data, "closed_by", "")));
    }
  g_ptr_array_sort (lines, compare_lines);
  if (lines->len == 0)
    printf (_("No quarter is closed.\n"));
  for (guint i = 0; i < lines->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (lines, i));
  return EXIT_SUCCESS;
}

int
liaison_hq_quarter_command (int    argc,
                            char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStore) store = NULL;
  const char *what = argc >= 2 ? argv[1] : NULL;
  guint n_rest;

  if (g_strcmp0 (what, "close") != 0 && g_strcmp0 (what, "list") != 0)
    return liaison_hq_usage_error (_("“liaison-hq quarter” takes “close” or “list”."));
  if (!parse (argc - 1, argv + 1, &options, &error))
    return liaison_hq_usage_error ("%s", error->message);
  n_rest = options.rest != NULL ? g_strv_length (options.rest) : 0;
  if (g_str_equal (what, "list") && n_rest > 0)
    return liaison_hq_usage_error (_("“liaison-hq quarter list” takes no quarter."));
  if (g_str_equal (what, "close") && n_rest != 1)
    return liaison_hq_usage_error (_("Which quarter? Give it as 2025Q1."));

  store = liaison_hq_store_open (options.data_dir, &error);
  if (store == NULL)
    return liaison_hq_fail (error);
  if (g_str_equal (what, "list"))
    return command_list (store);
  {
    LiaisonQuarter quarter;

    if (!liaison_quarter_parse (options.rest[0], &quarter, &error))
      return liaison_hq_fail (error);
    return command_close (store, quarter, options.by);
  }
}
