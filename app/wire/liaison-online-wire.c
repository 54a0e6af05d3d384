/* liaison-online-wire.c: the online channel's record kinds on the wire:
 * their rules beyond the field table (liaison-wire-kinds.c) and the
 * decision's derived uuid. */
#define G_LOG_DOMAIN "liaison-wire-schema"

#include "config.h"

#include "liaison-online-wire.h"
#include "liaison-validate.h"

gboolean
liaison_online_wire_is_kind (const char *kind)
{
  return g_strcmp0 (kind, LIAISON_KIND_ONLINE_SUBMISSION) == 0 ||
         g_strcmp0 (kind, LIAISON_KIND_ONLINE_DECISION) == 0;
}

gboolean
liaison_online_reason_is_known (const char *code)
{
  return g_strcmp0 (code, LIAISON_ONLINE_REASON_SPAM) == 0 ||
         g_strcmp0 (code, LIAISON_ONLINE_REASON_DUPLICATE) == 0 ||
         g_strcmp0 (code, LIAISON_ONLINE_REASON_OUT_OF_REMIT) == 0;
}

/* A text member as the field table let it through: a string, or NULL
 * for null or "" (the wire's two spellings of none). */
static const char *
text_or_none (JsonObject *data,
              const char *member)
{
  JsonNode *node = json_object_get_member (data, member);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  text = json_node_get_string (node);
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
submission_problem (JsonObject *data)
{
  const char *phone = text_or_none (data, "phone");

  if (liaison_text_is_blank (json_object_get_string_member (data, "title")))
    return g_strdup ("data.title must not be blank");
  if (json_object_get_boolean_member (data, "consent") && phone == NULL)
    return g_strdup ("data.phone must be given when data.consent is true");
  return NULL;
}

static char *
decision_problem (JsonObject *record,
                  JsonObject *data)
{
  const char *decision = json_object_get_string_member (data, "decision");
  const char *reason = text_or_none (data, "reason");
  gboolean has_reception = text_or_none (data, "reception") != NULL;
  gboolean has_suggestion = text_or_none (data, "suggestion") != NULL;
  g_autofree char *expected = liaison_online_decision_uuid (json_object_get_string_member (data, "submission"));

  if (!g_str_equal (json_object_get_string_member (record, "uuid"), expected))
    return g_strdup_printf ("uuid must be %s: a submission has one online_decision record", expected);
  if (g_str_equal (decision, LIAISON_ONLINE_DECISION_ACCEPTED))
    {
      if (reason != NULL)
        return g_strdup ("data.reason must be null when the submission is accepted");
      if (!has_reception || !has_suggestion)
        return g_strdup ("data.reception and data.suggestion must be given when the submission is accepted");
    }
  else if (g_str_equal (decision, LIAISON_ONLINE_DECISION_DECLINED))
    {
      if (!liaison_online_reason_is_known (reason))
        return g_strdup ("data.reason must be spam, duplicate or out_of_remit when the submission is declined");
      if (has_reception || has_suggestion)
        return g_strdup ("data.reception and data.suggestion must be null when the submission is declined");
    }
  else
    return g_strdup ("data.decision must be accepted or declined");
  return NULL;
}

char *
liaison_online_wire_problem (const char *kind,
                             JsonObject *record,
                             JsonObject *data)
{
  if (g_strcmp0 (kind, LIAISON_KIND_ONLINE_SUBMISSION) == 0)
    return submission_problem (data);
  if (g_strcmp0 (kind, LIAISON_KIND_ONLINE_DECISION) == 0)
    return decision_problem (record, data);
  return NULL;
}
