/* liaison-published-snapshot.c: a published report's frozen figures and
 * their strict JSON (liaison-published-snapshot.h). */
#define G_LOG_DOMAIN "liaison-published-snapshot"

#include "config.h"

#include <string.h>

#include "liaison-calendar.h"
#include "liaison-json-depth.h"
#include "liaison-json-strict.h"
#include "liaison-published-snapshot.h"
#include "liaison-validate.h"

G_DEFINE_QUARK (liaison-published-error-quark, liaison_published_error)

/* The data nests four levels: the object, a breakdown, a row, its counts. */
#define PUBLISHED_MAX_DEPTH 8

/* NULL-terminated too, for liaison_json_has_exactly(). */
static const char *const count_codes[LIAISON_PUBLISHED_N_COUNTS + 1] = {
  "collected", "withdrawn", "resolved", "rated", "satisfied", "replied", "replied_in_time", "overdue",
  "receptions", "visitors",
};

static const char *const breakdown_codes[LIAISON_PUBLISHED_N_BREAKDOWNS] = {
  [LIAISON_PUBLISHED_BY_CATEGORY] = "by_category",
  [LIAISON_PUBLISHED_BY_MONTH] = "by_month",
  [LIAISON_PUBLISHED_BY_CHANNEL] = "by_channel",
};

const char *
liaison_published_count_code (guint count)
{
  g_return_val_if_fail (count < LIAISON_PUBLISHED_N_COUNTS, NULL);
  return count_codes[count];
}

gboolean
liaison_published_count_from_code (const char *code,
                                   guint      *count)
{
  for (guint i = 0; code != NULL && i < LIAISON_PUBLISHED_N_COUNTS; i++)
    if (strcmp (code, count_codes[i]) == 0)
      {
        *count = i;
        return TRUE;
      }
  return FALSE;
}

const char *
liaison_published_breakdown_code (LiaisonPublishedBreakdown breakdown)
{
  g_return_val_if_fail ((guint) breakdown < LIAISON_PUBLISHED_N_BREAKDOWNS, NULL);
  return breakdown_codes[breakdown];
}

LiaisonPublishedRow *
liaison_published_row_new (const char *key,
                           const char *label)
{
  LiaisonPublishedRow *row = g_new0 (LiaisonPublishedRow, 1);

  row->key = g_strdup (key != NULL ? key : "");
  row->label = g_strdup (label != NULL ? label : "");
  return row;
}

LiaisonPublishedRow *
liaison_published_row_copy (const LiaisonPublishedRow *row)
{
  LiaisonPublishedRow *copy = liaison_published_row_new (row->key, row->label);

  memcpy (copy->counts, row->counts, sizeof row->counts);
  return copy;
}

void
liaison_published_row_free (LiaisonPublishedRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

LiaisonPublishedItem *
liaison_published_item_new (const char *suggestion,
                            guint       figures)
{
  LiaisonPublishedItem *item = g_new0 (LiaisonPublishedItem, 1);

  item->suggestion = g_strdup (suggestion);
  item->figures = figures;
  return item;
}

void
liaison_published_item_free (LiaisonPublishedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->suggestion);
  g_free (item);
}

LiaisonPublishedHead *
liaison_published_head_new (void)
{
  LiaisonPublishedHead *head = g_new0 (LiaisonPublishedHead, 1);

  for (guint b = 0; b < LIAISON_PUBLISHED_N_BREAKDOWNS; b++)
    head->breakdowns[b] = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_row_free);
  return head;
}

void
liaison_published_head_free (LiaisonPublishedHead *head)
{
  if (head == NULL)
    return;
  g_free (head->period);
  g_free (head->published_at);
  g_free (head->published_by);
  g_free (head->as_of);
  liaison_published_row_free (head->total);
  for (guint b = 0; b < LIAISON_PUBLISHED_N_BREAKDOWNS; b++)
    g_clear_pointer (&head->breakdowns[b], g_ptr_array_unref);
  g_free (head);
}

LiaisonPublishedPart *
liaison_published_part_new (void)
{
  LiaisonPublishedPart *part = g_new0 (LiaisonPublishedPart, 1);

  part->items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_published_item_free);
  return part;
}

void
liaison_published_part_free (LiaisonPublishedPart *part)
{
  if (part == NULL)
    return;
  g_free (part->report);
  g_free (part->period);
  g_free (part->published_at);
  g_free (part->station);
  liaison_published_row_free (part->row);
  g_clear_pointer (&part->items, g_ptr_array_unref);
  g_free (part);
}

static gboolean
is_day (const char *text)
{
  GDate date;

  return text != NULL && strlen (text) == 10 && liaison_date_parse_iso (text, &date);
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
liaison_published_period_is_valid (const char *code)
{
  gsize n = code != NULL ? strlen (code) : 0;
  const char *dots;

  if (n == 4)
    return all_digits (code, 4);
  if (n == 6)
    return all_digits (code, 4) && code[4] == 'Q' && code[5] >= '1' && code[5] <= '4';
  if (n == 7)
    {
      g_autofree char *first = g_strdup_printf ("%s-01", code);

      return is_day (first);
    }
  dots = code != NULL ? strstr (code, "..") : NULL;
  if (dots != NULL && n == 22 && dots == code + 10)
    {
      g_autofree char *from = g_strndup (code, 10);

      return is_day (from) && is_day (dots + 2) && strcmp (from, dots + 2) <= 0;
    }
  return FALSE;
}

/* JSON out. */

static JsonObject *
row_to_json (const LiaisonPublishedRow *row)
{
  JsonObject *object = json_object_new ();
  JsonObject *counts = json_object_new ();

  json_object_set_string_member (object, "key", row->key);
  json_object_set_string_member (object, "label", row->label);
  for (guint i = 0; i < LIAISON_PUBLISHED_N_COUNTS; i++)
    json_object_set_int_member (counts, count_codes[i], row->counts[i]);
  json_object_set_object_member (object, "counts", counts);
  return object;
}

JsonObject *
liaison_published_head_to_json (const LiaisonPublishedHead *head)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "period", head->period);
  json_object_set_string_member (object, "published_at", head->published_at);
  json_object_set_string_member (object, "published_by", head->published_by != NULL ? head->published_by : "");
  json_object_set_string_member (object, "as_of", head->as_of);
  json_object_set_int_member (object, "parts", head->parts);
  json_object_set_object_member (object, "total", row_to_json (head->total));
  for (guint b = 0; b < LIAISON_PUBLISHED_N_BREAKDOWNS; b++)
    {
      JsonArray *rows = json_array_new ();

      for (guint i = 0; i < head->breakdowns[b]->len; i++)
        json_array_add_object_element (rows, row_to_json (g_ptr_array_index (head->breakdowns[b], i)));
      json_object_set_array_member (object, breakdown_codes[b], rows);
    }
  return object;
}

JsonObject *
liaison_published_part_to_json (const LiaisonPublishedPart *part)
{
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();

  json_object_set_string_member (object, "report", part->report);
  json_object_set_string_member (object, "period", part->period);
  json_object_set_string_member (object, "published_at", part->published_at);
  json_object_set_string_member (object, "station", part->station);
  json_object_set_int_member (object, "part", part->part);
  json_object_set_int_member (object, "parts", part->parts);
  json_object_set_object_member (object, "row", row_to_json (part->row));
  for (guint i = 0; i < part->items->len; i++)
    {
      const LiaisonPublishedItem *item = g_ptr_array_index (part->items, i);
      JsonObject *entry = json_object_new ();
      JsonArray *figures = json_array_new ();

      json_object_set_string_member (entry, "suggestion", item->suggestion);
      for (guint f = 0; f < LIAISON_PUBLISHED_N_ITEM_FIGURES; f++)
        if (item->figures & (1u << f))
          json_array_add_string_element (figures, count_codes[f]);
      json_object_set_array_member (entry, "figures", figures);
      json_array_add_object_element (items, entry);
    }
  json_object_set_array_member (object, "items", items);
  return object;
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (root, object);
  return json_to_string (root, FALSE);
}

char *
liaison_published_head_to_string (const LiaisonPublishedHead *head)
{
  return object_to_string (liaison_published_head_to_json (head));
}

char *
liaison_published_part_to_string (const LiaisonPublishedPart *part)
{
  return object_to_string (liaison_published_part_to_json (part));
}

/* JSON in. */

static const LiaisonJsonStrict strict = {
  liaison_published_error_quark, LIAISON_PUBLISHED_ERROR_INVALID, ""
};

/* A count, 0 to G_MAXINT32. */
static gboolean
get_count (JsonObject *object,
           const char *member,
           guint      *value)
{
  gint64 number;

  if (!liaison_json_get_int (object, member, 0, G_MAXINT32, &number))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

static gboolean
is_wire_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) != 20 || text[10] != 'T' || text[19] != 'Z')
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL;
}

static LiaisonPublishedRow *
read_row (JsonNode    *node,
          const char  *where,
          GError     **error)
{
  static const char *const names[] = { "key", "label", "counts", NULL };
  g_autoptr(LiaisonPublishedRow) row = NULL;
  JsonObject *object;
  JsonNode *counts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return liaison_json_invalid (&strict, error, "%s must be an object", where), NULL;
  object = json_node_get_object (node);
  if (!liaison_json_has_exactly (&strict, object, names, where, error))
    return NULL;
  if (liaison_json_get_string (object, "key") == NULL)
    return liaison_json_invalid (&strict, error, "%s.key must be a string", where), NULL;
  if (liaison_json_get_string (object, "label") == NULL)
    return liaison_json_invalid (&strict, error, "%s.label must be a string", where), NULL;
  row = liaison_published_row_new (liaison_json_get_string (object, "key"), liaison_json_get_string (object, "label"));
  counts = json_object_get_member (object, "counts");
  if (!JSON_NODE_HOLDS_OBJECT (counts))
    return liaison_json_invalid (&strict, error, "%s.counts must be an object", where), NULL;
  {
    g_autofree char *counts_where = g_strdup_printf ("%s.counts", where);

    if (!liaison_json_has_exactly (&strict, json_node_get_object (counts), count_codes, counts_where, error))
      return NULL;
  }
  for (guint i = 0; i < LIAISON_PUBLISHED_N_COUNTS; i++)
    if (!get_count (json_node_get_object (counts), count_codes[i], &row->counts[i]))
      return liaison_json_invalid (&strict, error, "%s.counts.%s must be a count, 0 or more",
                                   where, count_codes[i]), NULL;
  return g_steal_pointer (&row);
}

/* The members every record shares: its period and when it was published. */
static gboolean
read_period (JsonObject  *data,
             char       **period,
             char       **published_at,
             GError     **error)
{
  const char *text = liaison_json_get_string (data, "period");

  if (!liaison_published_period_is_valid (text))
    return liaison_json_invalid (&strict, error,
                                 "data.period must be a period written such as 2025-03, 2025Q1, 2025"
                                 " or 2025-01-05..2025-02-10");
  *period = g_strdup (text);
  text = liaison_json_get_string (data, "published_at");
  if (!is_wire_time (text))
    return liaison_json_invalid (&strict, error, "data.published_at must be a time YYYY-MM-DDTHH:MM:SSZ");
  *published_at = g_strdup (text);
  return TRUE;
}

LiaisonPublishedHead *
liaison_published_head_from_json (JsonObject  *data,
                                  GError     **error)
{
  static const char *const names[] = {
    "period", "published_at", "published_by", "as_of", "parts", "total", "by_category", "by_month", "by_channel",
    NULL
  };
  g_autoptr(LiaisonPublishedHead) head = liaison_published_head_new ();
  const char *text;

  g_return_val_if_fail (data != NULL, NULL);

  if (!liaison_json_has_exactly (&strict, data, names, "data", error) ||
      !read_period (data, &head->period, &head->published_at, error))
    return NULL;
  text = liaison_json_get_string (data, "published_by");
  if (text == NULL || g_utf8_strlen (text, -1) > LIAISON_MAX_NAME_CHARS)
    return liaison_json_invalid (&strict, error, "data.published_by must be a name of at most %d characters",
                                 LIAISON_MAX_NAME_CHARS), NULL;
  head->published_by = g_strdup (text);
  text = liaison_json_get_string (data, "as_of");
  if (!is_day (text))
    return liaison_json_invalid (&strict, error, "data.as_of must be a day YYYY-MM-DD"), NULL;
  head->as_of = g_strdup (text);
  if (!get_count (data, "parts", &head->parts))
    return liaison_json_invalid (&strict, error, "data.parts must be a count, 0 or more"), NULL;
  head->total = read_row (json_object_get_member (data, "total"), "data.total", error);
  if (head->total == NULL)
    return NULL;
  for (guint b = 0; b < LIAISON_PUBLISHED_N_BREAKDOWNS; b++)
    {
      JsonNode *node = json_object_get_member (data, breakdown_codes[b]);
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return liaison_json_invalid (&strict, error, "data.%s must be an array", breakdown_codes[b]), NULL;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          g_autofree char *where = g_strdup_printf ("data.%s[%u]", breakdown_codes[b], i);
          LiaisonPublishedRow *row = read_row (json_array_get_element (json_node_get_array (node), i), where, error);

          if (row == NULL)
            return NULL;
          g_ptr_array_add (head->breakdowns[b], row);
          if (!g_hash_table_add (keys, row->key))
            return liaison_json_invalid (&strict, error, "%s.key is listed twice in data.%s",
                                         where, breakdown_codes[b]), NULL;
        }
    }
  return g_steal_pointer (&head);
}

static LiaisonPublishedItem *
read_item (JsonNode    *node,
           const char  *where,
           GError     **error)
{
  static const char *const names[] = { "suggestion", "figures", NULL };
  JsonObject *object;
  JsonNode *figures;
  const char *uuid;
  guint mask = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return liaison_json_invalid (&strict, error, "%s must be an object", where), NULL;
  object = json_node_get_object (node);
  if (!liaison_json_has_exactly (&strict, object, names, where, error))
    return NULL;
  uuid = liaison_json_get_string (object, "suggestion");
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return liaison_json_invalid (&strict, error, "%s.suggestion must be a UUID", where), NULL;
  figures = json_object_get_member (object, "figures");
  if (!JSON_NODE_HOLDS_ARRAY (figures) || json_array_get_length (json_node_get_array (figures)) == 0)
    return liaison_json_invalid (&strict, error, "%s.figures must be an array of figures, not empty", where), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (figures)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (figures), i);
      guint figure;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !liaison_published_count_from_code (json_node_get_string (element), &figure) ||
          figure >= LIAISON_PUBLISHED_N_ITEM_FIGURES)
        return liaison_json_invalid (&strict, error, "%s.figures[%u] is not a figure of suggestions", where, i), NULL;
      if (mask & (1u << figure))
        return liaison_json_invalid (&strict, error, "%s.figures[%u] is listed twice", where, i), NULL;
      mask |= 1u << figure;
    }
  return liaison_published_item_new (uuid, mask);
}

LiaisonPublishedPart *
liaison_published_part_from_json (JsonObject  *data,
                                  GError     **error)
{
  static const char *const names[] = {
    "report", "period", "published_at", "station", "part", "parts", "row", "items", NULL
  };
  g_autoptr(LiaisonPublishedPart) part = liaison_published_part_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *text;
  JsonNode *items;

  g_return_val_if_fail (data != NULL, NULL);

  if (!liaison_json_has_exactly (&strict, data, names, "data", error) ||
      !read_period (data, &part->period, &part->published_at, error))
    return NULL;
  text = liaison_json_get_string (data, "report");
  if (text == NULL || !g_uuid_string_is_valid (text))
    return liaison_json_invalid (&strict, error, "data.report must be a UUID"), NULL;
  part->report = g_strdup (text);
  text = liaison_json_get_string (data, "station");
  if (text == NULL || !g_uuid_string_is_valid (text))
    return liaison_json_invalid (&strict, error, "data.station must be a UUID"), NULL;
  part->station = g_strdup (text);
  if (!get_count (data, "parts", &part->parts) || part->parts == 0)
    return liaison_json_invalid (&strict, error, "data.parts must be a count, 1 or more"), NULL;
  if (!get_count (data, "part", &part->part) || part->part >= part->parts)
    return liaison_json_invalid (&strict, error, "data.part must be a count below data.parts"), NULL;
  part->row = read_row (json_object_get_member (data, "row"), "data.row", error);
  if (part->row == NULL)
    return NULL;
  if (strcmp (part->row->key, part->station) != 0)
    return liaison_json_invalid (&strict, error, "data.row.key must be data.station"), NULL;
  items = json_object_get_member (data, "items");
  if (!JSON_NODE_HOLDS_ARRAY (items))
    return liaison_json_invalid (&strict, error, "data.items must be an array"), NULL;
  if (json_array_get_length (json_node_get_array (items)) > LIAISON_PUBLISHED_ITEMS_PER_PART)
    return liaison_json_invalid (&strict, error, "data.items holds more than %d items",
                                 LIAISON_PUBLISHED_ITEMS_PER_PART), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      g_autofree char *where = g_strdup_printf ("data.items[%u]", i);
      LiaisonPublishedItem *item = read_item (json_array_get_element (json_node_get_array (items), i), where, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (part->items, item);
      if (!g_hash_table_add (seen, item->suggestion))
        return liaison_json_invalid (&strict, error, "%s.suggestion is listed twice", where), NULL;
    }
  return g_steal_pointer (&part);
}

static JsonNode *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  if (!liaison_json_check (text, -1, PUBLISHED_MAX_DEPTH, &local_error))
    return liaison_json_invalid (&strict, error, "data: %s", local_error->message), NULL;
  node = liaison_json_from_string (text, &local_error);
  if (node == NULL)
    return liaison_json_invalid (&strict, error, "data: %s", local_error->message), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_node_unref (node);
      return liaison_json_invalid (&strict, error, "data must be an object"), NULL;
    }
  return node;
}

LiaisonPublishedHead *
liaison_published_head_from_string (const char  *text,
                                    GError     **error)
{
  g_autoptr(JsonNode) node = parse (text, error);

  return node != NULL ? liaison_published_head_from_json (json_node_get_object (node), error) : NULL;
}

LiaisonPublishedPart *
liaison_published_part_from_string (const char  *text,
                                    GError     **error)
{
  g_autoptr(JsonNode) node = parse (text, error);

  return node != NULL ? liaison_published_part_from_json (json_node_get_object (node), error) : NULL;
}
