/* liaison-hq-web-track.c: page 2 of the public site, "/track": with the
 * receipt code a citizen sees their matter's progress in plain words
 * (liaison-hq-online-progress.h), and once a reply is there rates it at
 * "/rate" (docs/online.md, "Following a matter", "The citizen's rating").
 *
 * The code travels in a POST body only, never in a URL. Every lookup is
 * counted against the client's lookup limit before the code is looked
 * up, found or not, so codes cannot be guessed; an unknown code is told
 * so and nothing more. No answer is kept by a cache. */
#define G_LOG_DOMAIN "liaison-hq-web"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-hq-online-progress.h"
#include "liaison-hq-web-private.h"

/* A code as typed: 10 characters, dashes and spaces around them. */
#define MAX_CODE_CHARS 40

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* The answer is about one citizen's matter: no cache keeps it. */
static void
no_store (LiaisonHqWebRequest *req)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "Cache-Control", "no-store");
}

static void
append_message (GString    *body,
                const char *notice,
                const char *error)
{
  if (notice != NULL)
    liaison_hq_web_append (body, "<p id=\"notice\" role=\"status\">%s</p>\n", notice);
  if (error != NULL)
    liaison_hq_web_append (body, "<p id=\"error\" role=\"alert\">%s</p>\n", error);
}

/* The form asking for the code, @code typed before (or NULL). */
static void
append_track_form (LiaisonHqWebRequest *req,
                   GString             *body,
                   const char          *code,
                   gboolean             invalid)
{
  liaison_hq_web_append (body, "<form id=\"track-form\" method=\"post\" action=\"/track\">\n"
                               "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
                         liaison_hq_web_request_csrf (req));
  liaison_hq_web_append (body, "<div class=\"field\">\n<label for=\"code\">%s</label>\n"
                               "<p class=\"hint\" id=\"code-hint\">%s</p>\n",
                         _("Receipt code (查询码)"),
                         _("The code you were given when you raised the matter, such as ABCD-EFGH-JK."));
  liaison_hq_web_append (body, "<input type=\"text\" id=\"code\" name=\"code\" required autocomplete=\"off\""
                               " autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"%d\"",
                         MAX_CODE_CHARS);
  /* The error, when there is one, describes the field and marks it. */
  if (invalid)
    g_string_append (body, " aria-describedby=\"code-hint error\" aria-invalid=\"true\"");
  else
    g_string_append (body, " aria-describedby=\"code-hint\"");
  liaison_hq_web_append (body, " value=\"%s\">\n</div>\n", or_empty (code));
  liaison_hq_web_append (body, "<button id=\"track-button\" type=\"submit\">%s</button>\n</form>\n",
                         _("Show the progress"));
}

static void
reply_track_form (LiaisonHqWebRequest *req,
                  guint                status,
                  const char          *code,
                  const char          *error)
{
  g_autoptr(GString) body = g_string_new (NULL);

  no_store (req);
  append_message (body, NULL, error);
  if (error == NULL)
    liaison_hq_web_append (body, "<p class=\"lead\">%s</p>\n",
                           _("Enter the receipt code you were given to see what has become of your matter."));
  append_track_form (req, body, code, error != NULL);
  liaison_hq_web_reply_page (req, status, _("Follow a matter"), body->str);
}

void
liaison_hq_web_track_get (LiaisonHqWebRequest *req)
{
  reply_track_form (req, SOUP_STATUS_OK, NULL, NULL);
}

/* The rating form */

static const struct {
  LiaisonLoopRating rating;
  const char       *id;
} ratings[] = {
  { LIAISON_LOOP_RATING_SATISFIED, "rating-satisfied" },
  { LIAISON_LOOP_RATING_BASICALLY_SATISFIED, "rating-basically-satisfied" },
  { LIAISON_LOOP_RATING_UNSATISFIED, "rating-unsatisfied" },
};

static void
append_rate_form (LiaisonHqWebRequest *req,
                  GString             *body,
                  const char          *code)
{
  liaison_hq_web_append (body, "<h2>%s</h2>\n", _("Rate the reply"));
  liaison_hq_web_append (body, "<form id=\"rate-form\" method=\"post\" action=\"/rate\">\n"
                               "<input type=\"hidden\" name=\"code\" value=\"%s\">\n"
                               "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
                         code, liaison_hq_web_request_csrf (req));
  liaison_hq_web_append (body, "<fieldset class=\"rating\">\n<legend>%s</legend>\n",
                         _("How satisfied are you with the reply?"));
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    liaison_hq_web_append (body, "<div class=\"check\"><input type=\"radio\" id=\"%s\" name=\"rating\" value=\"%s\"%s>"
                                 "<label for=\"%s\">%s</label></div>\n",
                           ratings[i].id, liaison_loop_rating_to_code (ratings[i].rating),
                           i == 0 ? " required" : "", ratings[i].id,
                           liaison_loop_rating_label (ratings[i].rating));
  liaison_hq_web_append (body, "</fieldset>\n<div class=\"field\">\n<label for=\"comment\">%s"
                               " <span class=\"required\">%s</span></label>\n",
                         _("Comment"), _("(optional)"));
  liaison_hq_web_append (body, "<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"%d\"></textarea>\n"
                               "</div>\n<button id=\"rate-button\" type=\"submit\">%s</button>\n</form>\n",
                         LIAISON_HQ_RATING_COMMENT_MAX, _("Send my rating"));
}

/* The progress */

static void
append_progress (GString           *body,
                 LiaisonHqProgress *progress)
{
  if (progress->title != NULL)
    /* Translators: the citizen's own title of their matter, above its progress */
    liaison_hq_web_append (body, "<p class=\"lead\">%s%s</p>\n", _("Matter: "), progress->title);
  g_string_append (body, "<ol id=\"progress\">\n");
  for (guint i = 0; i < progress->steps->len; i++)
    {
      LiaisonHqProgressStep *step = g_ptr_array_index (progress->steps, i);

      liaison_hq_web_append (body, "<li><span class=\"step\">%s</span>", step->text);
      if (step->date != NULL)
        liaison_hq_web_append (body, " <time datetime=\"%s\">%s</time>", step->date, step->date);
      if (step->reply != NULL)
        liaison_hq_web_append (body, "\n<blockquote class=\"reply\">%s</blockquote>", step->reply);
      g_string_append (body, "</li>\n");
    }
  g_string_append (body, "</ol>\n");
  if (progress->declined)
    liaison_hq_web_append (body, "<p id=\"declined\">%s</p>\n", progress->declined_reason);
}

static void
reply_progress (LiaisonHqWebRequest *req,
                guint                status,
                const char          *code,
                const char          *submission,
                const char          *notice,
                const char          *error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaisonHqProgress) progress = liaison_hq_online_progress (req->store, submission, &local_error);
  g_autoptr(GString) body = g_string_new (NULL);

  no_store (req);
  if (progress == NULL)
    {
      g_warning ("The progress of an online submission could not be read: %s", local_error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Follow a matter"),
                                  _("The progress could not be read just now. Please try again later."));
      return;
    }
  append_message (body, notice, error);
  append_progress (body, progress);
  if (progress->rateable)
    append_rate_form (req, body, code);
  liaison_hq_web_append (body, "<p><a href=\"/track\">%s</a></p>\n", _("Follow another matter"));
  liaison_hq_web_reply_page (req, status, _("Progress of your matter"), body->str);
}

/* The checks both POSTs make, in this order: the CSRF token, the lookup
 * limit (before any lookup: a guess counts, found or not), the code.
 * Answers @req and returns NULL when one fails; else the submission. */
static char *
look_up (LiaisonHqWebRequest *req,
         const char          *code)
{
  g_autoptr(GError) error = NULL;
  guint retry_after = 0;
  char *submission;

  if (!liaison_hq_web_request_csrf_ok (req))
    {
      reply_track_form (req, SOUP_STATUS_FORBIDDEN, NULL,
                        _("This form has expired or did not come from this site. Nothing was sent: "
                          "please check it and send it again."));
      return NULL;
    }
  if (!liaison_hq_web_limits_allow_lookup (liaison_hq_web_get_limits (req->web), req->client, &retry_after))
    {
      g_autofree char *wait = liaison_hq_web_describe_wait (retry_after);
      /* Translators: %s is a wait, "in about 40 minutes" */
      g_autofree char *message = g_strdup_printf (_("Too many receipt codes were tried from your network in the "
                                                    "last hour. Please try again %s."), wait);

      no_store (req);
      liaison_hq_web_reply_too_many (req, retry_after, message);
      return NULL;
    }
  if (code == NULL || g_utf8_strlen (code, -1) > MAX_CODE_CHARS || !liaison_hq_receipt_code_is_wellformed (code))
    {
      reply_track_form (req, SOUP_STATUS_BAD_REQUEST, NULL,
                        _("A receipt code has 10 letters and digits, such as ABCD-EFGH-JK. "
                          "Please check the code and enter it again."));
      return NULL;
    }
  submission = liaison_hq_store_find_online_submission (req->store, code, &error);
  if (error != NULL)
    {
      g_warning ("A receipt code could not be looked up: %s", error->message);
      liaison_hq_web_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, _("Follow a matter"),
                                  _("The progress could not be read just now. Please try again later."));
      return NULL;
    }
  if (submission == NULL)
    {
      reply_track_form (req, SOUP_STATUS_NOT_FOUND, code, _("There is no matter with this receipt code."));
      return NULL;
    }
  return submission;
}

void
liaison_hq_web_track_post (LiaisonHqWebRequest *req)
{
  const char *code = liaison_hq_web_field (req, "code");
  g_autofree char *submission = look_up (req, code);

  if (submission != NULL)
    reply_progress (req, SOUP_STATUS_OK, code, submission, NULL, NULL);
}

void
liaison_hq_web_rate_post (LiaisonHqWebRequest *req)
{
  const char *code = liaison_hq_web_field (req, "code");
  const char *rating_code = liaison_hq_web_field (req, "rating");
  const char *comment = liaison_hq_web_field (req, "comment");
  g_autofree char *submission = look_up (req, code);
  g_autoptr(GError) error = NULL;
  LiaisonLoopRating rating;

  if (submission == NULL)
    return;
  if (rating_code == NULL || !liaison_loop_rating_from_code (rating_code, &rating) ||
      g_strcmp0 (liaison_loop_rating_to_code (rating), rating_code) != 0)
    {
      reply_progress (req, SOUP_STATUS_BAD_REQUEST, code, submission, NULL,
                      _("Choose satisfied, basically satisfied or unsatisfied."));
      return;
    }
  if (!liaison_hq_online_comment_ok (comment, &error))
    {
      reply_progress (req, SOUP_STATUS_BAD_REQUEST, code, submission, NULL, error->message);
      return;
    }
  if (!liaison_hq_online_rate (req->store, submission, rating, comment, &error))
    {
      gboolean refused = g_error_matches (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID);

      if (!refused)
        g_warning ("A citizen's rating could not be recorded: %s", error->message);
      reply_progress (req, refused ? SOUP_STATUS_CONFLICT : SOUP_STATUS_INTERNAL_SERVER_ERROR, code, submission,
                      NULL, refused ? error->message : _("Your rating could not be recorded just now. "
                                                         "Please try again later."));
      return;
    }
  g_message ("A citizen rated online submission %s: %s", submission, rating_code);
  reply_progress (req, SOUP_STATUS_OK, code, submission,
                  rating == LIAISON_LOOP_RATING_UNSATISFIED
                  ? _("Thank you: your rating was recorded, and your matter will be handled again.")
                  : _("Thank you: your rating was recorded."),
                  NULL);
}
