/* liaison-hq-store-contacts.c: visitors' contacts at headquarters (issue
 * 13, section 3; docs/privacy.md, "Headquarters and contacts").
 *
 * The server keeps every visitor's phone in full, as the city's record.
 * A headquarters desk's pull carries them masked (app/privacy's rule, the
 * one masking code); an officer who needs one asks for it with a reason
 * (POST /v1/contact-requests), and the server logs the request as an
 * access_log record of its own, in the same transaction, before it
 * answers.
 */
#define G_LOG_DOMAIN "liaison-hq-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-access-kind.h"
#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-json-depth.h"
#include "liaison-privacy.h"
#include "liaison-protocol.h"
#include "liaison-wire-schema.h"

/* The visitors of a reception's data, or NULL when it has none (a
 * tombstone's empty data). */
static JsonArray *
visitors_of (JsonObject *data)
{
  JsonNode *node = json_object_get_member (data, "visitors");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

#define PHONE_MEMBER "\"phone\":\""

/* @text with the value of every "phone":"…" masked, the rest byte for
 * byte: for data JSON cannot read (bytes that are not UTF-8), as the
 * server's canonical writer spells the member. */
static char *
mask_phone_members (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *member;

  while ((member = strstr (p, PHONE_MEMBER)) != NULL)
    {
      const char *value = member + strlen (PHONE_MEMBER);
      const char *end = value;
      g_autofree char *phone = NULL;
      g_autofree char *masked = NULL;

      while (*end != '\0' && *end != '"')
        end += end[0] == '\\' && end[1] != '\0' ? 2 : 1;
      phone = g_strndup (value, end - value);
      masked = liaison_privacy_mask_phone (phone);
      g_string_append_len (out, p, value - p);
      g_string_append (out, masked);
      p = end;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
liaison_hq_store_mask_reception_data (const char *data_json)
{
  g_autoptr(JsonNode) root = liaison_json_from_string (data_json, NULL);
  JsonArray *visitors;
  gboolean changed = FALSE;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    /* Not readable (the server writes canonical JSON, so a damaged file or
     * a hand-made row): it goes as it is, for the desk to set aside and
     * report, each phone's text masked all the same. */
    return mask_phone_members (data_json != NULL ? data_json : "{}");
  visitors = visitors_of (json_node_get_object (root));
  /* An online submission's citizen is one, at the top of its data. */
  {
    const char *phone = json_object_get_string_member_with_default (json_node_get_object (root), "phone", NULL);

    if (phone != NULL && *phone != '\0')
      {
        g_autofree char *masked = liaison_privacy_mask_phone (phone);

        json_object_set_string_member (json_node_get_object (root), "phone", masked);
        changed = TRUE;
      }
  }
  for (guint i = 0; visitors != NULL && i < json_array_get_length (visitors); i++)
    {
      JsonNode *element = json_array_get_element (visitors, i);
      JsonObject *visitor;
      const char *phone;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      visitor = json_node_get_object (element);
      phone = json_object_get_string_member_with_default (visitor, "phone", NULL);
      if (phone == NULL || *phone == '\0')
        continue;
      {
        g_autofree char *masked = liaison_privacy_mask_phone (phone);

        json_object_set_string_member (visitor, "phone", masked);
      }
      changed = TRUE;
    }
  if (!changed)
    return g_strdup (data_json);
  return liaison_protocol_canonical_json (root);
}

/* The answer's visitors: each one's name, consent, and phone as an export
 * with full contacts shows it (app/privacy: in full only for a visitor
 * who agreed to be contacted, masked otherwise); *@n_full counts the
 * phones in full. */
static JsonArray *
answer_visitors (JsonArray *visitors,
                 guint     *n_full)
{
  JsonArray *answer = json_array_new ();

  *n_full = 0;
  for (guint i = 0; visitors != NULL && i < json_array_get_length (visitors); i++)
    {
      JsonNode *element = json_array_get_element (visitors, i);
      JsonObject *visitor;
      JsonObject *out;
      const char *phone;
      gboolean consent;
      g_autofree char *shown = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      visitor = json_node_get_object (element);
      phone = json_object_get_string_member_with_default (visitor, "phone", NULL);
      consent = json_object_get_boolean_member_with_default (visitor, "consent", FALSE);
      out = json_object_new ();
      json_object_set_string_member (out, "name", json_object_get_string_member_with_default (visitor, "name", ""));
      json_object_set_boolean_member (out, "consent", consent);
      if (phone != NULL && *phone != '\0')
        {
          shown = liaison_privacy_phone (phone, LIAISON_PRIVACY_WITH_CONTACTS, consent, FALSE);
          if (liaison_privacy_may_show_phone (LIAISON_PRIVACY_WITH_CONTACTS, consent, FALSE))
            (*n_full)++;
          json_object_set_string_member (out, "phone", shown);
        }
      else
        json_object_set_null_member (out, "phone");
      json_array_add_object_element (answer, out);
    }
  return answer;
}

/* The access_log record of this request, checked as every pushed one is
 * (liaison_wire_check_record(): a blank reason, or one over 500
 * characters, is refused there). */
static JsonObject *
access_record (const char  *uuid,
               const char  *reception_uuid,
               const char  *reason,
               const char  *actor,
               const char  *desk,
               guint        n_contacts,
               GError     **error)
{
  g_autoptr(JsonObject) record = json_object_new ();
  JsonObject *data = json_object_new ();
  g_autofree char *now = liaison_db_now_utc ();
  g_autoptr(GError) wire_error = NULL;

  json_object_set_string_member (data, "kind", liaison_access_kind_to_code (LIAISON_ACCESS_HQ_CONTACT_LOOK));
  json_object_set_string_member (data, "at", now);
  json_object_set_string_member (data, "role", "hq");
  json_object_set_string_member (data, "actor", actor);
  json_object_set_string_member (data, "desk", desk);
  json_object_set_string_member (data, "what", reception_uuid);
  json_object_set_int_member (data, "n_contacts", n_contacts);
  json_object_set_string_member (data, "reason", reason);
  json_object_set_string_member (record, "kind", LIAISON_KIND_ACCESS_LOG);
  json_object_set_string_member (record, "uuid", uuid);
  json_object_set_int_member (record, "version", 1);
  json_object_set_string_member (record, "updated_at", now);
  json_object_set_null_member (record, "origin_station");
  json_object_set_boolean_member (record, "deleted", FALSE);
  json_object_set_object_member (record, "data", data);
  if (!liaison_wire_check_record (record, &wire_error))
    {
      g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID, wire_error->message);
      return NULL;
    }
  return g_steal_pointer (&record);
}

JsonObject *
liaison_hq_store_request_contacts (LiaisonHqStore        *self,
                                   const LiaisonHqToken  *token,
                                   const char            *reception_uuid,
                                   const char            *reason,
                                   const char            *actor,
                                   const char            *desk,
                                   GError               **error)
{
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonArray) visitors = NULL;
  g_autofree char *entry_uuid = g_uuid_string_random ();
  g_autofree char *token_desk = g_strconcat ("token:", token->id, NULL);
  g_autoptr(GError) read_error = NULL;
  JsonObject *answer;
  guint n_full = 0;

  g_return_val_if_fail (token->role == LIAISON_HQ_ROLE_HQ, NULL);

  if (!liaison_hq_store_begin (self, error))
    return NULL;
  data = liaison_hq_store_get_data (self, LIAISON_KIND_RECEPTION, reception_uuid, &read_error);
  if (data == NULL)
    {
      liaison_hq_store_rollback (self);
      if (read_error != NULL)
        g_propagate_error (error, g_steal_pointer (&read_error));
      else
        g_set_error_literal (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_NOT_FOUND,
                             "There is no such reception.");
      return NULL;
    }
  visitors = answer_visitors (visitors_of (data), &n_full);
  record = access_record (entry_uuid, reception_uuid, reason,
                          actor != NULL && *actor != '\0' ? actor : token->name,
                          desk != NULL && *desk != '\0' ? desk : token_desk, n_full, error);
  if (record == NULL ||
      !liaison_hq_store_save_record (self, LIAISON_KIND_ACCESS_LOG, entry_uuid, NULL,
                                     json_object_get_object_member (record, "data"), NULL, NULL, error) ||
      !liaison_hq_store_commit (self, error))
    {
      liaison_hq_store_rollback (self);
      return NULL;
    }

  answer = json_object_new ();
  json_object_set_string_member (answer, "reception", reception_uuid);
  json_object_set_array_member (answer, "visitors", g_steal_pointer (&visitors));
  json_object_set_string_member (answer, "access_log", entry_uuid);
  json_object_set_int_member (answer, "n_contacts", n_full);
  return answer;
}
