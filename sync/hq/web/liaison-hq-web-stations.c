/* liaison-hq-web-stations.c: the directory on the public site: the
 * stations (for the submit form's choice too), the stations page with
 * their deputies (names only, never a phone), and the privacy notice. */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-hq-web-private.h"
#include "liaison-privacy-notice.h"
#include "liaison-records.h"
#include "liaison-wire-schema.h"

static void
station_free (LiaisonHqWebStation *station)
{
  g_free (station->uuid);
  g_free (station->name);
  g_free (station->kind);
  g_free (station->district);
  g_free (station->address);
  g_free (station);
}

static const char *
text_member (JsonObject *data,
             const char *name)
{
  JsonNode *node = json_object_get_member (data, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static int
by_district_then_name (gconstpointer a,
                       gconstpointer b)
{
  const LiaisonHqWebStation *left = *(LiaisonHqWebStation * const *) a;
  const LiaisonHqWebStation *right = *(LiaisonHqWebStation * const *) b;
  int order = g_utf8_collate (left->district, right->district);

  return order != 0 ? order : g_utf8_collate (left->name, right->name);
}

GPtrArray *
liaison_hq_web_stations_list (LiaisonHqStore  *store,
                              GError         **error)
{
  g_autoptr(GHashTable) live = liaison_hq_store_list_live (store, LIAISON_KIND_STATION, FALSE, error);
  GPtrArray *stations;
  GHashTableIter iter;
  const char *uuid;
  JsonObject *data;

  if (live == NULL)
    return NULL;
  stations = g_ptr_array_new_with_free_func ((GDestroyNotify) station_free);
  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, (gpointer *) &data))
    {
      LiaisonHqWebStation *station = g_new0 (LiaisonHqWebStation, 1);
      LiaisonStationKind kind;

      station->uuid = g_strdup (uuid);
      station->name = g_strdup (text_member (data, "name"));
      station->district = g_strdup (text_member (data, "district"));
      station->address = g_strdup (text_member (data, "address"));
      station->kind = g_strdup (liaison_station_kind_from_code (text_member (data, "kind"), &kind)
                                ? liaison_station_kind_label (kind) : "");
      g_ptr_array_add (stations, station);
    }
  g_ptr_array_sort (stations, by_district_then_name);
  return stations;
}

/* Each station's deputies' names, sorted: station uuid → GPtrArray of names. */
static GHashTable *
deputies_by_station (LiaisonHqStore  *store,
                     GError         **error)
{
  g_autoptr(GHashTable) live = liaison_hq_store_list_live (store, LIAISON_KIND_DEPUTY, FALSE, error);
  GHashTable *by_station;
  GHashTableIter iter;
  JsonObject *data;

  if (live == NULL)
    return NULL;
  by_station = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &data))
    {
      const char *station = text_member (data, "station");
      GPtrArray *names;

      if (*station == '\0')
        continue;
      names = g_hash_table_lookup (by_station, station);
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_station, g_ascii_strdown (station, -1), names);
        }
      g_ptr_array_add (names, g_strdup (text_member (data, "name")));
    }
  return by_station;
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

void
liaison_hq_web_stations (LiaisonHqWebRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = liaison_hq_web_stations_list (req->store, &error);
  g_autoptr(GHashTable) deputies = stations != NULL ? deputies_by_station (req->store, &error) : NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (deputies == NULL)
    {
      g_warning ("The stations page could not be made: %s", error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Stations"),
                                  _("The list of stations could not be read. Please try again later."));
      return;
    }
  liaison_hq_web_append (body, "<p>%s</p>\n",
                         _("Every liaison station, its district and address, and the deputies who receive citizens there. "
                           "Choose the one where you live when you raise a matter."));
  if (stations->len == 0)
    liaison_hq_web_append (body, "<p id=\"notice\" role=\"status\">%s</p>\n", _("No station is listed yet."));
  liaison_hq_web_append (body, "<div class=\"table-wrap\"><table id=\"stations\">\n<caption>%s</caption>\n"
                         "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                         _("Liaison stations"), _("Station"), _("District"), _("Address"), _("Kind"), _("Deputies"));
  for (guint i = 0; i < stations->len; i++)
    {
      const LiaisonHqWebStation *station = g_ptr_array_index (stations, i);
      g_autofree char *key = g_ascii_strdown (station->uuid, -1);
      GPtrArray *names = g_hash_table_lookup (deputies, key);
      g_autofree char *raise = g_strdup_printf ("/?station=%s", station->uuid);

      liaison_hq_web_append (body, "<tr><th scope=\"row\"><a href=\"%s\">%s</a></th><td data-label=\"%s\">%s</td>"
                             "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">",
                             raise, station->name, _("District"),
                             *station->district != '\0' ? station->district : "—",
                             _("Address"), *station->address != '\0' ? station->address : "—",
                             _("Kind"), station->kind, _("Deputies"));
      if (names == NULL || names->len == 0)
        liaison_hq_web_append (body, "%s", "—");
      else
        {
          g_ptr_array_sort (names, by_name);
          g_string_append (body, "<ul class=\"deputies\">");
          for (guint j = 0; j < names->len; j++)
            liaison_hq_web_append (body, "<li>%s</li>", (const char *) g_ptr_array_index (names, j));
          g_string_append (body, "</ul>");
        }
      g_string_append (body, "</td></tr>\n");
    }
  g_string_append (body, "</tbody>\n</table></div>\n");
  liaison_hq_web_reply_page (req, SOUP_STATUS_OK, _("Stations"), body->str);
}

void
liaison_hq_web_privacy (LiaisonHqWebRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonLoopRules) rules = liaison_hq_store_get_loop_rules (req->store, NULL, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;

  if (rules == NULL)
    {
      g_warning ("The privacy notice could not be made: %s", error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, liaison_privacy_notice_title (),
                                  _("The privacy notice could not be read. Please try again later."));
      return;
    }
  text = liaison_privacy_notice_text (rules->retention_years);
  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    liaison_hq_web_append (body, "<p>%s</p>\n", g_strstrip (paragraphs[i]));
  liaison_hq_web_reply_page (req, SOUP_STATUS_OK, liaison_privacy_notice_title (), body->str);
}
