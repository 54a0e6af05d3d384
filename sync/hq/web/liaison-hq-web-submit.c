/* liaison-hq-web-submit.c: page 1 of the public site, "/": a citizen
 * picks their station (by district, or part of its name, without
 * JavaScript), a category, a title and what they want to raise, and may
 * leave a name, phone and community; the POST checks every field, stores
 * an online_submission in that station's feed and answers with the
 * receipt code (docs/online.md). */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-db.h"
#include "liaison-online-wire.h"
#include "liaison-json-member.h"
#include "liaison-hq-web-private.h"
#include "liaison-validate.h"
#include "liaison-wire-schema.h"

/* A phone as typed may carry dashes and spaces around its digits. */
#define MAX_PHONE_CHARS 20
#define MAX_UUID_CHARS 36

/* The form's values, as sent (or empty), and what is wrong with them. */
typedef struct {
  const char *station;
  const char *category;
  const char *title;
  const char *content;
  const char *name;
  const char *phone;
  const char *community;
  gboolean    consent;
  GPtrArray  *errors;      /* LiaisonFieldError */
} Form;

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Categories */

typedef struct {
  char   *uuid;
  char   *label;
  gint64  position;
} Category;

static void
category_free (Category *category)
{
  g_free (category->uuid);
  g_free (category->label);
  g_free (category);
}

static int
by_position (gconstpointer a,
             gconstpointer b)
{
  const Category *left = *(Category * const *) a;
  const Category *right = *(Category * const *) b;

  if (left->position != right->position)
    return left->position < right->position ? -1 : 1;
  return g_utf8_collate (left->label, right->label);
}

/* The live categories in their order, each by its name in the page's
 * language. */
static GPtrArray *
list_categories (LiaisonHqWebRequest  *req,
                 GError              **error)
{
  g_autoptr(GHashTable) live = liaison_hq_store_list_live (req->store, LIAISON_KIND_CATEGORY, FALSE, error);
  GPtrArray *categories;
  GHashTableIter iter;
  const char *uuid;
  JsonObject *data;

  if (live == NULL)
    return NULL;
  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, (gpointer *) &data))
    {
      Category *category = g_new0 (Category, 1);
      const char *name = json_object_get_string_member_with_default (data, "name", "");
      const char *name_zh = json_object_has_member (data, "name_zh") && !json_object_get_null_member (data, "name_zh")
                            ? json_object_get_string_member_with_default (data, "name_zh", "") : "";

      category->uuid = g_strdup (uuid);
      category->label = g_strdup (!req->english && *name_zh != '\0' ? name_zh : name);
      category->position = json_object_get_int_member_with_default (data, "position", G_MAXINT64);
      g_ptr_array_add (categories, category);
    }
  g_ptr_array_sort (categories, by_position);
  return categories;
}

/* The form */

static gboolean
has_error (const Form *form,
           const char *field)
{
  for (guint i = 0; form->errors != NULL && i < form->errors->len; i++)
    if (g_str_equal (((LiaisonFieldError *) g_ptr_array_index (form->errors, i))->field, field))
      return TRUE;
  return FALSE;
}

/* aria-invalid and the error's id on a field that has one. */
static const char *
invalid_attributes (const Form *form,
                    const char *field)
{
  return has_error (form, field) ? " aria-invalid=\"true\" aria-describedby=\"error\"" : "";
}

static gboolean
matches (const LiaisonHqWebStation *station,
         const char                *district,
         const char                *q)
{
  if (district != NULL && *district != '\0' && !g_str_equal (station->district, district))
    return FALSE;
  if (q != NULL && *q != '\0')
    {
      g_autofree char *name = g_utf8_casefold (station->name, -1);
      g_autofree char *part = g_utf8_casefold (q, -1);

      return strstr (name, g_strstrip (part)) != NULL;
    }
  return TRUE;
}

/* The GET form that narrows the stations: by district, by part of a name. */
static void
append_finder (GString    *body,
               GPtrArray  *stations,
               const char *district,
               const char *q)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  liaison_hq_web_append (body, "<form id=\"find-form\" class=\"finder\" method=\"get\" action=\"/\" role=\"search\" aria-label=\"%s\">\n",
                         _("Find your station"));
  liaison_hq_web_append (body, "<div class=\"field\"><label for=\"district\">%s</label>\n"
                         "<select id=\"district\" name=\"district\"><option value=\"\">%s</option>\n",
                         _("District"), _("All districts"));
  for (guint i = 0; i < stations->len; i++)
    {
      const LiaisonHqWebStation *station = g_ptr_array_index (stations, i);

      if (*station->district == '\0' || !g_hash_table_add (seen, station->district))
        continue;
      liaison_hq_web_append (body, "<option value=\"%s\"%s>%s</option>\n", station->district,
                             g_strcmp0 (district, station->district) == 0 ? " selected" : "", station->district);
    }
  liaison_hq_web_append (body, "</select></div>\n<div class=\"field\"><label for=\"q\">%s</label>\n"
                         "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"40\" value=\"%s\"></div>\n"
                         "<button id=\"find-button\" type=\"submit\" class=\"secondary\">%s</button>\n</form>\n",
                         _("Part of the station’s name"), or_empty (q), _("Find stations"));
}

static void
append_text_field (GString    *body,
                   const Form *form,
                   const char *field,
                   const char *label,
                   const char *hint,
                   const char *value,
                   guint       max_chars,
                   const char *extra)
{
  liaison_hq_web_append (body, "<div class=\"field\"><label for=\"%s\">%s</label>\n", field, label);
  if (hint != NULL)
    liaison_hq_web_append (body, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", field, hint);
  liaison_hq_web_append (body, "<input id=\"%s\" name=\"%s\" type=\"text\" maxlength=\"%u\" value=\"%s\"",
                         field, field, max_chars, or_empty (value));
  g_string_append (body, extra);
  if (hint != NULL)
    liaison_hq_web_append (body, " aria-describedby=\"%s-hint\"", field);
  g_string_append (body, invalid_attributes (form, field));
  g_string_append (body, "></div>\n");
}

static void
append_form (LiaisonHqWebRequest *req,
             GString             *body,
             GPtrArray           *stations,
             GPtrArray           *categories,
             const Form          *form,
             const char          *district,
             const char          *q)
{
  guint n_shown = 0;
  const char *group = NULL;

  for (guint i = 0; i < stations->len; i++)
    n_shown += matches (g_ptr_array_index (stations, i), district, q) ? 1 : 0;
  if (n_shown == 0 && ((district != NULL && *district != '\0') || (q != NULL && *q != '\0')))
    {
      liaison_hq_web_append (body, "<p id=\"notice\" role=\"status\">%s</p>\n",
                             _("No station matches; all stations are listed below."));
      district = NULL;
      q = NULL;
    }

  liaison_hq_web_append (body, "<form id=\"submit-form\" method=\"post\" action=\"/\" novalidate>\n"
                         "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
                         liaison_hq_web_request_csrf (req));
  liaison_hq_web_append (body, "<div class=\"field\"><label for=\"station\">%s <span class=\"required\">%s</span></label>\n"
                         "<select id=\"station\" name=\"station\" required%s>\n<option value=\"\">%s</option>\n",
                         _("Station"), _("(required)"), invalid_attributes (form, "station"), _("Choose a station"));
  for (guint i = 0; i < stations->len; i++)
    {
      const LiaisonHqWebStation *station = g_ptr_array_index (stations, i);
      gboolean chosen = form->station != NULL && g_ascii_strcasecmp (form->station, station->uuid) == 0;

      if (!chosen && !matches (station, district, q))
        continue;
      if (group == NULL || !g_str_equal (group, station->district))
        {
          if (group != NULL)
            g_string_append (body, "</optgroup>\n");
          group = station->district;
          liaison_hq_web_append (body, "<optgroup label=\"%s\">\n", *group != '\0' ? group : _("Other"));
        }
      liaison_hq_web_append (body, "<option value=\"%s\"%s>%s</option>\n", station->uuid,
                             chosen || n_shown == 1 ? " selected" : "", station->name);
    }
  if (group != NULL)
    g_string_append (body, "</optgroup>\n");
  g_string_append (body, "</select></div>\n");

  liaison_hq_web_append (body, "<div class=\"field\"><label for=\"category\">%s <span class=\"required\">%s</span></label>\n"
                         "<select id=\"category\" name=\"category\" required%s>\n<option value=\"\">%s</option>\n",
                         _("Category"), _("(required)"), invalid_attributes (form, "category"), _("Choose a category"));
  for (guint i = 0; i < categories->len; i++)
    {
      const Category *category = g_ptr_array_index (categories, i);

      liaison_hq_web_append (body, "<option value=\"%s\"%s>%s</option>\n", category->uuid,
                             g_strcmp0 (form->category, category->uuid) == 0 ? " selected" : "", category->label);
    }
  g_string_append (body, "</select></div>\n");

  append_text_field (body, form, "title", _("Title (required)"), NULL, form->title, LIAISON_MAX_TITLE_CHARS, " required");
  liaison_hq_web_append (body, "<div class=\"field\"><label for=\"content\">%s</label>\n"
                         "<p class=\"hint\" id=\"content-hint\">%s</p>\n"
                         "<textarea id=\"content\" name=\"content\" rows=\"8\" maxlength=\"%u\" required aria-describedby=\"content-hint\"%s>%s</textarea></div>\n",
                         _("What you want to raise (required)"),
                         _("Say what happened, where, and what you would like done."),
                         LIAISON_MAX_CONTENT_CHARS, invalid_attributes (form, "content"), or_empty (form->content));

  liaison_hq_web_append (body, "<fieldset class=\"contact\"><legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
                         _("Your contact details (optional)"),
                         _("Only the station sees them, to call you back about this matter."));
  append_text_field (body, form, "name", _("Name"), NULL, form->name, LIAISON_MAX_NAME_CHARS, " autocomplete=\"name\"");
  append_text_field (body, form, "phone", _("Phone"), _("A mobile number (11 digits) or a landline with its area code."),
                     form->phone, MAX_PHONE_CHARS, " inputmode=\"tel\" autocomplete=\"tel\"");
  append_text_field (body, form, "community", _("Community or village"), NULL, form->community,
                     LIAISON_MAX_COMMUNITY_CHARS, "");
  liaison_hq_web_append (body, "<div class=\"field check\"><input id=\"consent\" name=\"consent\" type=\"checkbox\" value=\"1\"%s%s>\n"
                         "<label for=\"consent\">%s</label></div>\n</fieldset>\n",
                         form->consent ? " checked" : "", invalid_attributes (form, "consent"),
                         _("The station may contact me about this matter."));
  /* The honeypot: hidden from people (and from screen readers), filled by bots. */
  liaison_hq_web_append (body, "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">%s</label>"
                         "<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>\n",
                         _("Leave this empty"));
  liaison_hq_web_append (body, "<p class=\"hint\">%s <a href=\"/privacy\">%s</a></p>\n"
                         "<button id=\"submit-button\" type=\"submit\">%s</button>\n</form>\n",
                         _("How your details are kept:"), _("Privacy notice"), _("Send"));
}

static void
reply_form (LiaisonHqWebRequest *req,
            guint                status,
            const Form          *form,
            const char          *district,
            const char          *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = liaison_hq_web_stations_list (req->store, &error);
  g_autoptr(GPtrArray) categories = stations != NULL ? list_categories (req, &error) : NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (categories == NULL)
    {
      g_warning ("The submit page could not be made: %s", error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Raise a matter"),
                                  _("The form could not be made. Please try again later."));
      return;
    }
  if (form->errors != NULL && form->errors->len > 0)
    {
      g_string_append (body, "<div class=\"errors\"><p id=\"error\" role=\"alert\">");
      for (guint i = 0; i < form->errors->len; i++)
        liaison_hq_web_append (body, "%s%s", i > 0 ? " " : "",
                               ((LiaisonFieldError *) g_ptr_array_index (form->errors, i))->message);
      g_string_append (body, "</p></div>\n");
    }
  else
    liaison_hq_web_append (body, "<p class=\"lead\">%s</p>\n",
                           _("Raise a matter with the deputies of your liaison station. "
                             "You get a receipt code to follow it on this site."));
  append_finder (body, stations, district, q);
  append_form (req, body, stations, categories, form, district, q);
  liaison_hq_web_reply_page (req, status, _("Raise a matter"), body->str);
}

void
liaison_hq_web_submit_get (LiaisonHqWebRequest *req)
{
  Form form = { 0 };

  form.station = liaison_hq_web_field (req, "station");
  reply_form (req, SOUP_STATUS_OK, &form, liaison_hq_web_field (req, "district"), liaison_hq_web_field (req, "q"));
}

/* Checking */

/* @text trimmed, or NULL when it is blank. */
static char *
trimmed (const char *text)
{
  if (liaison_text_is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

static gboolean
has_control (const char *text,
             gboolean    newlines_allowed)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20 && !(newlines_allowed && (*p == '\n' || *p == '\r' || *p == '\t')))
      return TRUE;
  return FALSE;
}

/* A one-line text field: its length, and no control characters. */
static void
check_line (GPtrArray  *errors,
            const char *field,
            const char *label,
            const char *value,
            guint       max_chars,
            gboolean    required)
{
  if (value == NULL)
    {
      if (required)
        liaison_field_errors_add (errors, field, _("%s: please fill it in."), label);
      return;
    }
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    liaison_field_errors_add (errors, field, _("%s: at most %u characters, please shorten it."), label, max_chars);
  else if (has_control (value, FALSE))
    liaison_field_errors_add (errors, field, _("%s: it may only be one line of text."), label);
}

static gboolean
is_live (LiaisonHqStore *store,
         const char     *kind,
         const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;

  if (uuid == NULL || strlen (uuid) > MAX_UUID_CHARS || !g_uuid_string_is_valid (uuid))
    return FALSE;
  data = liaison_hq_store_get_data (store, kind, uuid, &error);
  return data != NULL;
}

static void
check_form (LiaisonHqWebRequest *req,
            Form                *form,
            const char          *consent)
{
  GPtrArray *errors = form->errors;

  if (form->station == NULL)
    liaison_field_errors_add (errors, "station", "%s", _("Station: please choose the station where you live."));
  else if (!is_live (req->store, LIAISON_KIND_STATION, form->station))
    liaison_field_errors_add (errors, "station", "%s", _("Station: there is no such station; please choose one from the list."));
  if (form->category == NULL)
    liaison_field_errors_add (errors, "category", "%s", _("Category: please choose one."));
  else if (!is_live (req->store, LIAISON_KIND_CATEGORY, form->category))
    liaison_field_errors_add (errors, "category", "%s", _("Category: there is no such category; please choose one from the list."));
  check_line (errors, "title", _("Title"), form->title, LIAISON_MAX_TITLE_CHARS, TRUE);
  if (form->content == NULL)
    liaison_field_errors_add (errors, "content", "%s", _("What you want to raise: please fill it in."));
  else if (g_utf8_strlen (form->content, -1) > LIAISON_MAX_CONTENT_CHARS)
    liaison_field_errors_add (errors, "content", _("What you want to raise: at most %u characters, please shorten it."),
                              LIAISON_MAX_CONTENT_CHARS);
  else if (has_control (form->content, TRUE))
    liaison_field_errors_add (errors, "content", "%s", _("What you want to raise: it holds characters that are not text."));
  check_line (errors, "name", _("Name"), form->name, LIAISON_MAX_NAME_CHARS, FALSE);
  check_line (errors, "phone", _("Phone"), form->phone, MAX_PHONE_CHARS, FALSE);
  if (form->phone != NULL && !has_error (form, "phone") && !liaison_phone_is_valid (form->phone))
    liaison_field_errors_add (errors, "phone", "%s",
                              _("Phone: give a mobile number (11 digits) or a landline with its area code, such as 0571-87654321."));
  check_line (errors, "community", _("Community or village"), form->community, LIAISON_MAX_COMMUNITY_CHARS, FALSE);
  if (consent != NULL && !g_str_equal (consent, "1"))
    liaison_field_errors_add (errors, "consent", "%s", _("Contact: the answer to “may the station contact me” could not be read."));
  else if (form->consent && form->phone == NULL)
    liaison_field_errors_add (errors, "phone", "%s", _("Phone: to be contacted, please give a phone number."));
}

/* The phone's digits: one phone however it is typed. */
static char *
phone_key (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static void
reply_receipt (LiaisonHqWebRequest *req,
               const char          *code,
               const char          *station_name)
{
  g_autoptr(GString) body = g_string_new (NULL);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "Cache-Control", "no-store");
  liaison_hq_web_append (body, "<p id=\"notice\" role=\"status\">%s</p>\n", station_name);
  liaison_hq_web_append (body, "<div class=\"receipt\"><p>%s</p>\n<p class=\"code\"><strong id=\"receipt-code\">%s</strong></p></div>\n",
                         _("Your receipt code:"), code);
  liaison_hq_web_append (body, "<p class=\"keep\">%s</p>\n",
                         _("Keep this code: write it down or take a picture of this page. It is the only way to follow "
                           "your matter here, and no one can give it to you again."));
  liaison_hq_web_append (body, "<p><a href=\"/track\">%s</a> · <a href=\"/\">%s</a></p>\n",
                         _("Follow a matter"), _("Raise another matter"));
  liaison_hq_web_reply_page (req, SOUP_STATUS_OK, _("Received"), body->str);
}

void
liaison_hq_web_submit_post (LiaisonHqWebRequest *req)
{
  LiaisonHqWebLimits *limits = liaison_hq_web_get_limits (req->web);
  g_autoptr(GPtrArray) errors = liaison_field_errors_new ();
  g_autofree char *title = trimmed (liaison_hq_web_field (req, "title"));
  g_autofree char *name = trimmed (liaison_hq_web_field (req, "name"));
  g_autofree char *phone = trimmed (liaison_hq_web_field (req, "phone"));
  g_autofree char *community = trimmed (liaison_hq_web_field (req, "community"));
  g_autofree char *content = trimmed (liaison_hq_web_field (req, "content"));
  g_autofree char *station = trimmed (liaison_hq_web_field (req, "station"));
  g_autofree char *category = trimmed (liaison_hq_web_field (req, "category"));
  const char *consent = liaison_hq_web_field (req, "consent");
  const char *website = liaison_hq_web_field (req, "website");
  Form form = { station, category, title, content, name, phone, community, consent != NULL, errors };
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *code = NULL;
  g_autofree char *submitted_at = NULL;
  g_autoptr(JsonObject) station_data = NULL;
  guint retry_after = 0;

  if (!liaison_hq_web_request_csrf_ok (req))
    {
      liaison_field_errors_add (errors, "csrf", "%s",
                                _("This form has expired or did not come from this site. Nothing was sent: "
                                  "please check it and send it again."));
      reply_form (req, SOUP_STATUS_FORBIDDEN, &form, NULL, NULL);
      return;
    }
  if (website != NULL && *website != '\0')
    {
      g_message ("online submission refused: the honeypot field was filled");
      liaison_hq_web_reply_error (req, SOUP_STATUS_BAD_REQUEST, _("Could not be accepted"),
                                  _("Your matter could not be accepted."));
      return;
    }
  if (!liaison_hq_web_limits_allow_submit (limits, req->client, &retry_after))
    {
      g_autofree char *wait = liaison_hq_web_describe_wait (retry_after);
      g_autofree char *message = g_strdup_printf (_("Too many matters were sent from your network in the last hour. "
                                                    "Nothing was sent; please try again %s."), wait);

      liaison_hq_web_reply_too_many (req, retry_after, message);
      return;
    }

  check_form (req, &form, consent);
  if (errors->len > 0)
    {
      reply_form (req, SOUP_STATUS_BAD_REQUEST, &form, NULL, NULL);
      return;
    }
  if (phone != NULL)
    {
      g_autofree char *key = phone_key (phone);

      if (!liaison_hq_web_limits_allow_phone (limits, key, &retry_after))
        {
          g_autofree char *wait = liaison_hq_web_describe_wait (retry_after);
          g_autofree char *message = g_strdup_printf (_("Too many matters were sent with this phone number today. "
                                                        "Nothing was sent; please try again %s, or call your station."), wait);

          liaison_hq_web_reply_too_many (req, retry_after, message);
          return;
        }
    }

  submitted_at = liaison_db_now_utc ();
  data = json_object_new ();
  json_object_set_string_member (data, "station", station);
  json_object_set_string_member (data, "category", category);
  json_object_set_string_member (data, "title", title);
  json_object_set_string_member (data, "content", content);
  liaison_json_set_string_or_null (data, "name", name);
  liaison_json_set_string_or_null (data, "phone", phone);
  liaison_json_set_string_or_null (data, "community", community);
  json_object_set_boolean_member (data, "consent", form.consent);
  json_object_set_string_member (data, "submitted_at", submitted_at);
  code = liaison_hq_store_add_online_submission (req->store, station, data, &uuid, &error);
  if (code == NULL)
    {
      g_warning ("An online submission could not be stored: %s", error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, _("Not sent"),
                                  _("Your matter could not be stored just now. Nothing was sent; please try again later."));
      return;
    }
  /* Never the name, phone or community; only the code's first letters. */
  g_message ("online submission %s: station %s, category %s, code %.4s…, title %ld and content %ld characters",
             uuid, station, category, code, g_utf8_strlen (title, -1), g_utf8_strlen (content, -1));

  station_data = liaison_hq_store_get_data (req->store, LIAISON_KIND_STATION, station, NULL);
  {
    g_autofree char *sent = g_strdup_printf (_("Your matter was received and goes to %s."),
                                             station_data != NULL
                                             ? json_object_get_string_member_with_default (station_data, "name", "")
                                             : station);

    reply_receipt (req, code, sent);
  }
}
