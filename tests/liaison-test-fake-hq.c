/* liaison-test-fake-hq.c: a fake headquarters on loopback (see the
 * header). */
#define G_LOG_DOMAIN "liaison-test-fake-hq"

#include "config.h"

#include "liaison-protocol.h"
#include "liaison-test-fake-hq.h"

char *
liaison_test_fake_hq_listen (SoupServer         *server,
                             SoupServerCallback  handler,
                             gpointer            user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_handler (server, NULL, handler, user_data, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

char *
liaison_test_fake_hq_enroll_answer (const char *station_uuid)
{
  g_autofree char *token = liaison_protocol_new_token ();
  g_autofree char *server_id = g_uuid_string_random ();

  return g_strdup_printf ("{\"token\": \"%s\", \"role\": \"station\", \"server_id\": \"%s\","
                          " \"station\": {\"uuid\": \"%s\", \"name\": \"假总部联络站\","
                          " \"kind\": \"station\", \"district\": \"相山区\"}}",
                          token, server_id, station_uuid);
}
