/* online-pull.c: a pull page applied to a desk's database the way the sync
 * engine applies one (liaison_store_apply_pulled()), for the AT-SPI tests
 * of the Online inbox (tests/a11y/test-online-inbox.py) to bring a
 * citizen's online submission to a desk as the server's feed would.
 *
 *     online-pull DATABASE PAGE.json
 *
 * PAGE.json is the page's "changes", a JSON array of wire records. The
 * checkpoint stays where it was. Prints how many changes were received.
 */
#define G_LOG_DOMAIN "online-pull"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <json-glib/json-glib.h>

#include "liaison-locale.h"
#include "liaison-store-sync.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts = { 0 };
  JsonNode *root;

  setlocale (LC_ALL, "");
  liaison_locale_init ();
  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s DATABASE PAGE.json\n", argv[0]);
      return 2;
    }
  if (!json_parser_load_from_file (parser, argv[2], &error) ||
      (store = liaison_store_open (argv[1], &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      fprintf (stderr, "%s: not a JSON array of changes\n", argv[2]);
      return 1;
    }
  if (!liaison_store_apply_pulled (store, json_node_get_array (root), liaison_store_get_checkpoint (store),
                                   &counts, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%u received, %u set aside\n", counts.received, counts.set_aside);
  return counts.set_aside == 0 ? 0 : 1;
}
