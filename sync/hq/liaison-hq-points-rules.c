/* liaison-hq-points-rules.c: headquarters' points rule sets from the
 * command line (liaison-hq-points-rules.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-hq-points-rules.h"
#include "liaison-json-depth.h"
#include "liaison-points-rules.h"
#include "liaison-wire-schema.h"

/* A rule file is a few kilobytes; a megabyte is a wrong file. */
#define MAX_FILE_BYTES (1024 * 1024)

static int
compare_effective (gconstpointer a,
                   gconstpointer b)
{
  const LiaisonPointsRules *x = *(LiaisonPointsRules **) a;
  const LiaisonPointsRules *y = *(LiaisonPointsRules **) b;

  return strcmp (x->effective_from, y->effective_from);
}

GPtrArray *
liaison_hq_points_rules_list (LiaisonHqStore  *store,
                              GError         **error)
{
  g_autoptr(GHashTable) live = liaison_hq_store_list_live (store, LIAISON_KIND_POINTS_RULES, FALSE, error);
  g_autoptr(GPtrArray) rule_sets = NULL;
  GHashTableIter iter;
  gpointer value;

  if (live == NULL)
    return NULL;
  rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), value);
      g_autofree char *text = json_to_string (node, FALSE);
      LiaisonPointsRules *rules = liaison_points_rules_from_json (text, -1, error);

      if (rules == NULL)
        return NULL;
      g_ptr_array_add (rule_sets, rules);
    }
  g_ptr_array_sort (rule_sets, compare_effective);
  return g_steal_pointer (&rule_sets);
}

/* The rule sets of @text: one object, or an array of them. */
static GPtrArray *
read_rule_sets (const char  *text,
                gsize        length,
                GError     **error)
{
  g_autoptr(GPtrArray) rule_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_points_rules_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  /* Anything but an array the engine reads: it names the line of a typo. */
  if (!liaison_json_load (parser, text, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      LiaisonPointsRules *rules = liaison_points_rules_from_json (text, (gssize) length, error);

      if (rules == NULL)
        return NULL;
      g_ptr_array_add (rule_sets, rules);
      return g_steal_pointer (&rule_sets);
    }
  root = json_parser_get_root (parser);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (root), i);
      g_autofree char *element_text = json_to_string (element, FALSE);
      g_autoptr(GError) rules_error = NULL;
      LiaisonPointsRules *rules = liaison_points_rules_from_json (element_text, -1, &rules_error);

      if (rules == NULL)
        {
          /* Translators: "Rule set 2: “research” in the points rules must be a number" */
          g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                       _("Rule set %u: %s"), i + 1, rules_error->message);
          return NULL;
        }
      g_ptr_array_add (rule_sets, rules);
    }
  if (rule_sets->len == 0)
    {
      g_set_error_literal (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                           _("The file holds no rule set."));
      return NULL;
    }
  return g_steal_pointer (&rule_sets);
}

/* The uuid of the live set in force from @effective_from, or NULL. */
static char *
find_by_date (GHashTable *live,
              const char *effective_from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (json_object_get_string_member_with_default (value, "effective_from", NULL), effective_from) == 0)
      return g_strdup (key);
  return NULL;
}

gboolean
liaison_hq_points_rules_import (LiaisonHqStore  *store,
                                GFile           *file,
                                GPtrArray       *stored,
                                GPtrArray       *unchanged,
                                GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rule_sets = NULL;
  g_autoptr(GHashTable) live = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &text, &length, NULL, error))
    return FALSE;
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                   _("The file is over %d bytes: not a file of points rules."), MAX_FILE_BYTES);
      return FALSE;
    }
  rule_sets = read_rule_sets (text, length, error);
  if (rule_sets == NULL)
    return FALSE;
  for (guint i = 0; i < rule_sets->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (((LiaisonPointsRules *) g_ptr_array_index (rule_sets, i))->effective_from,
                       ((LiaisonPointsRules *) g_ptr_array_index (rule_sets, j))->effective_from))
        {
          g_set_error (error, LIAISON_POINTS_RULES_ERROR, LIAISON_POINTS_RULES_ERROR_INVALID,
                       _("Rule sets %u and %u both take effect on %s: give each date one set."),
                       j + 1, i + 1, ((LiaisonPointsRules *) g_ptr_array_index (rule_sets, i))->effective_from);
          return FALSE;
        }

  if (!liaison_hq_store_begin (store, error))
    return FALSE;
  live = liaison_hq_store_list_live (store, LIAISON_KIND_POINTS_RULES, FALSE, error);
  if (live == NULL)
    goto failed;
  for (guint i = 0; i < rule_sets->len; i++)
    {
      const LiaisonPointsRules *rules = g_ptr_array_index (rule_sets, i);
      g_autofree char *json = liaison_points_rules_to_json (rules);
      g_autofree char *uuid = find_by_date (live, rules->effective_from);
      g_autoptr(JsonNode) node = liaison_json_from_string (json, error);
      gboolean changed = FALSE;

      if (node == NULL ||
          !liaison_hq_store_save_record (store, LIAISON_KIND_POINTS_RULES, uuid, NULL,
                                         json_node_get_object (node), NULL, &changed, error))
        goto failed;
      g_ptr_array_add (changed ? stored : unchanged, g_strdup (rules->effective_from));
    }
  return liaison_hq_store_commit (store, error);

failed:
  liaison_hq_store_rollback (store);
  return FALSE;
}

static void
print_rules (const LiaisonPointsRules *rules)
{
  /* Translators: "Rule set in force from 2026-04-01 (receptions scored a quarter: at most 20):" */
  printf (_("Rule set in force from %s (receptions scored a quarter: at most %u):\n"),
          rules->effective_from, rules->reception_cap);
  for (guint r = 0; r < LIAISON_N_POINTS_RULES; r++)
    {
      g_autofree char *points = liaison_points_format_signed (rules->points[r]);

      /* Translators: "  Research attended (research): +3" */
      printf (_("  %s (%s): %s\n"), liaison_points_rule_label (r), liaison_points_rule_to_key (r), points);
    }
}

int
liaison_hq_points_rules_command (LiaisonHqStore *store,
                                 const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_autoptr(GPtrArray) rule_sets = liaison_hq_points_rules_list (store, &error);

      if (rule_sets == NULL)
        {
          fprintf (stderr, "liaison-hq: %s\n", error->message);
          return EXIT_FAILURE;
        }
      if (rule_sets->len == 0)
        printf (_("Headquarters has set no points rules: every quarter is scored with the default set.\n"));
      for (guint i = 0; i < rule_sets->len; i++)
        print_rules (g_ptr_array_index (rule_sets, i));
      return EXIT_SUCCESS;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) unchanged = g_ptr_array_new_with_free_func (g_free);

      if (!liaison_hq_points_rules_import (store, file, stored, unchanged, &error))
        {
          /* Translators: "liaison-hq: rules.json: “research” in the points rules must be a number. Nothing was stored." */
          fprintf (stderr, _("liaison-hq: %s: %s. Nothing was stored.\n"), path, error->message);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i < stored->len; i++)
        printf (_("Stored the rule set in force from %s; every station gets it at its next sync.\n"),
                (const char *) g_ptr_array_index (stored, i));
      for (guint i = 0; i < unchanged->len; i++)
        printf (_("The rule set in force from %s was already this; nothing was changed.\n"),
                (const char *) g_ptr_array_index (unchanged, i));
      return EXIT_SUCCESS;
    }
}
