/* liaison-test-hq-enrolled.c: a real liaison-hq with two stations and
 * headquarters enrolled over HTTP, shared by test-hq and test-hq-schema. */
#define G_LOG_DOMAIN "liaison-test-hq-enrolled"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-test-hq-enrolled.h"

/* Enrolls with @code; the token, and the station's uuid in @station
 * unless it is NULL. */
static char *
enroll (LiaisonTestHqEnrolled  *enrolled,
        const char             *code,
        char                  **station)
{
  g_autofree char *body = g_strdup_printf ("{\"protocol\": 1, \"code\": \"%s\"}", code);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  guint status;

  bytes = liaison_test_hq_send (&enrolled->hq, enrolled->session, "POST", "/v1/enroll", NULL, FALSE,
                                "application/json", body, strlen (body), NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  answer = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  g_assert_nonnull (answer);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
  object = json_node_get_object (answer);
  if (station != NULL)
    *station = g_strdup (json_object_get_string_member (json_object_get_object_member (object, "station"), "uuid"));
  return g_strdup (json_object_get_string_member (object, "token"));
}

void
liaison_test_hq_enrolled_set_up (LiaisonTestHqEnrolled *enrolled,
                                 const char            *tmpl)
{
  g_autofree char *code_a = NULL;
  g_autofree char *code_b = NULL;
  g_autofree char *code_hq = NULL;

  liaison_test_hq_init (&enrolled->hq, tmpl);
  enrolled->session = soup_session_new ();
  code_a = liaison_test_hq_station_code (&enrolled->hq, "东山联络站");
  code_b = liaison_test_hq_station_code (&enrolled->hq, "西山联络站");
  code_hq = liaison_test_hq_user_code (&enrolled->hq, "代表工委");
  liaison_test_hq_start (&enrolled->hq);
  enrolled->token_a = enroll (enrolled, code_a, &enrolled->station_a);
  enrolled->token_b = enroll (enrolled, code_b, &enrolled->station_b);
  enrolled->token_hq = enroll (enrolled, code_hq, NULL);
}

void
liaison_test_hq_enrolled_clear (LiaisonTestHqEnrolled *enrolled)
{
  g_clear_object (&enrolled->session);
  liaison_test_hq_clear (&enrolled->hq);
  g_free (enrolled->station_a);
  g_free (enrolled->station_b);
  g_free (enrolled->token_a);
  g_free (enrolled->token_b);
  g_free (enrolled->token_hq);
}
