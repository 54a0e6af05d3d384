/* liaison-test-hq-enrolled.c: a real liaison-hq with two stations and
 * headquarters enrolled over HTTP, and the requests the tests that speak
 * the protocol themselves make to it (test-hq, test-hq-schema,
 * test-hq-activities, test-published-hq). */
#define G_LOG_DOMAIN "liaison-test-hq-enrolled"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "liaison-test-hq-enrolled.h"
#include "liaison-wire-schema.h"

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

JsonNode *
liaison_test_hq_enrolled_request (LiaisonTestHqEnrolled *enrolled,
                                  const char            *method,
                                  const char            *path,
                                  const char            *token,
                                  const char            *body,
                                  guint                  status,
                                  gsize                 *length)
{
  g_autoptr(GBytes) bytes = NULL;
  guint got;

  bytes = liaison_test_hq_send (&enrolled->hq, enrolled->session, method, path, token, FALSE,
                                "application/json", body, body != NULL ? strlen (body) : 0, NULL,
                                &got, NULL);
  if (got != status)
    g_test_message ("%s %s: %u %.*s", method, path, got,
                    (int) MIN (g_bytes_get_size (bytes), 2000), (const char *) g_bytes_get_data (bytes, NULL));
  g_assert_cmpuint (got, ==, status);
  if (length != NULL)
    *length = g_bytes_get_size (bytes);
  return json_from_string (g_bytes_get_data (bytes, NULL), NULL);
}

JsonArray *
liaison_test_hq_enrolled_push (LiaisonTestHqEnrolled *enrolled,
                               const char            *token,
                               const char            *records)
{
  g_autofree char *body = g_strdup_printf ("{\"protocol\": 1, \"records\": [%s]}", records);
  g_autoptr(JsonNode) answer = liaison_test_hq_enrolled_request (enrolled, "POST", "/v1/push", token, body, 200,
                                                                 NULL);

  return json_array_ref (json_object_get_array_member (json_node_get_object (answer), "results"));
}

GPtrArray *
liaison_test_hq_enrolled_pull (LiaisonTestHqEnrolled *enrolled,
                               const char            *token,
                               gint64                *since)
{
  GPtrArray *feed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gboolean more = TRUE;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("/v1/pull?since=%" G_GINT64_FORMAT "&limit=1000", *since);
      g_autoptr(JsonNode) answer = liaison_test_hq_enrolled_request (enrolled, "GET", path, token, NULL, 200, NULL);
      JsonObject *page = json_node_get_object (answer);
      JsonArray *changes = json_object_get_array_member (page, "changes");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          g_autoptr(GError) error = NULL;

          g_assert_true (liaison_wire_check_record (change, &error));
          g_assert_no_error (error);
          g_ptr_array_add (feed, json_object_ref (change));
        }
      *since = json_object_get_int_member (page, "last_seq");
      more = json_object_get_boolean_member (page, "more");
    }
  return feed;
}

void
liaison_test_assert_push_result (JsonArray  *results,
                                 guint       i,
                                 const char *status,
                                 const char *code,
                                 const char *words)
{
  JsonObject *result = json_array_get_object_element (results, i);

  g_test_message ("result %u: %s %s %s", i, json_object_get_string_member (result, "status"),
                  json_object_get_string_member_with_default (result, "code", ""),
                  json_object_get_string_member_with_default (result, "reason", ""));
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
  if (code != NULL)
    g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, code);
  if (words != NULL)
    g_assert_nonnull (strstr (json_object_get_string_member (result, "reason"), words));
}

