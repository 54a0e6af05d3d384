/* liaison-hq-attachments.c: /v1/attachments/<sha256> of liaison-hq.
 *
 * Whole files are DATA_DIR/attachments/<sha256>, shared by hash. An upload
 * in progress is <sha256>.<token id>.part, one per uploading token, so that
 * one station's upload never truncates or extends another's. A station
 * reads only what headquarters replied to it and what it uploaded itself
 * (liaison-hq-store-attachments.c); to anyone else a file is absent, for
 * HEAD and for PUT too, so that no answer tells a station which of other
 * stations' files the server holds.
 */
#define G_LOG_DOMAIN "liaison-hq-attachments"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-hq-attachments.h"
#include "liaison-hq-server-private.h"
#include "liaison-hq-store-attachments.h"
#include "liaison-protocol.h"

struct _LiaisonHqAttachments
{
  LiaisonHqStore *store;  /* owned */
  char           *dir;
  LiaisonHqQuota  quota;
};

LiaisonHqAttachments *
liaison_hq_attachments_new (LiaisonHqStore *store)
{
  LiaisonHqAttachments *self = g_new0 (LiaisonHqAttachments, 1);

  self->store = g_object_ref (store);
  self->dir = g_build_filename (liaison_hq_store_get_data_dir (store), "attachments", NULL);
  self->quota.files_per_day = LIAISON_HQ_DEFAULT_FILES_PER_DAY;
  self->quota.bytes_per_day = (guint64) LIAISON_HQ_DEFAULT_MIB_PER_DAY * 1024 * 1024;
  return self;
}

void
liaison_hq_attachments_free (LiaisonHqAttachments *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_free (self->dir);
  g_free (self);
}

void
liaison_hq_attachments_set_quota (LiaisonHqAttachments *self,
                                  const LiaisonHqQuota *quota)
{
  self->quota = *quota;
}

/* The quota's options */

static gboolean
quota_value (gint64       option,
             const char  *name,
             const char  *variable,
             guint64      fallback,
             guint64     *value,
             GError     **error)
{
  const char *env = g_getenv (variable);

  if (option >= 0 && option <= G_MAXUINT32)
    {
      *value = (guint64) option;
      return TRUE;
    }
  if (option != -1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is an option, as --attachment-files-per-day */
                   _("%s takes a whole number, 0 or more (0: no limit)."), name);
      return FALSE;
    }
  if (env == NULL || *env == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (env, 10, 0, G_MAXUINT32, value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is an environment variable, then its value */
                   _("%s is “%s”; give a whole number, 0 or more (0: no limit)."), variable, env);
      return FALSE;
    }
  return TRUE;
}

gboolean
liaison_hq_quota_from_options (gint64           files_option,
                               gint64           mib_option,
                               LiaisonHqQuota  *quota,
                               GError         **error)
{
  guint64 mib = 0;

  if (!quota_value (files_option, "--attachment-files-per-day", "LIAISON_HQ_ATTACHMENT_FILES_PER_DAY",
                    LIAISON_HQ_DEFAULT_FILES_PER_DAY, &quota->files_per_day, error) ||
      !quota_value (mib_option, "--attachment-mib-per-day", "LIAISON_HQ_ATTACHMENT_MIB_PER_DAY",
                    LIAISON_HQ_DEFAULT_MIB_PER_DAY, &mib, error))
    return FALSE;
  quota->bytes_per_day = mib * 1024 * 1024;
  return TRUE;
}

/* Files */

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return -1;
  return buf.st_size;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
append_bytes (const char  *path,
              const char  *data,
              gsize        size,
              gboolean     truncate,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = truncate ? g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error)
                    : g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, NULL, error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* "bytes START-END/TOTAL" */
static gboolean
parse_content_range (const char *text,
                     guint64    *start,
                     guint64    *end,
                     guint64    *total)
{
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) range = NULL;

  if (!g_str_has_prefix (text, "bytes "))
    return FALSE;
  parts = g_strsplit (text + 6, "/", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  range = g_strsplit (parts[0], "-", 2);
  if (g_strv_length (range) != 2)
    return FALSE;
  return g_ascii_string_to_unsigned (range[0], 10, 0, G_MAXINT64, start, NULL) &&
         g_ascii_string_to_unsigned (range[1], 10, 0, G_MAXINT64, end, NULL) &&
         g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, total, NULL) &&
         *start <= *end && *end < *total;
}

/* Answers */

static void
set_received (SoupServerMessage *msg,
              goffset            received)
{
  g_autofree char *text = g_strdup_printf ("%" G_GOFFSET_FORMAT, received);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Liaison-Received", text);
}

static void
reply_stored (SoupServerMessage *msg,
              guint              status,
              const char        *sha,
              goffset            received)
{
  set_received (msg, received);
  liaison_hq_server_reply_text (msg, status,
                                g_strdup_printf ("{\"sha256\":\"%s\",\"received\":%" G_GOFFSET_FORMAT "}",
                                                 sha, received));
}

static void
reply_absent (SoupServerMessage *msg)
{
  liaison_hq_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, LIAISON_PROTOCOL_ERROR_NOT_FOUND,
                                 "The server has no such attachment for this token.");
}

static void
reply_failed (SoupServerMessage *msg,
              const char        *message)
{
  liaison_hq_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, LIAISON_PROTOCOL_ERROR_SERVER_ERROR,
                                 message);
}

/* The server's local day, "YYYY-MM-DD": quotas count by it. */
static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* 429 quota_reached, with Retry-After: the seconds to the next local midnight. */
static void
reply_quota_reached (SoupServerMessage *msg,
                     const char        *message)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              MAX (g_date_time_difference (next, now) / G_TIME_SPAN_SECOND, 1));

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", seconds);
  liaison_hq_server_reply_error (msg, LIAISON_HTTP_TOO_MANY_REQUESTS, LIAISON_PROTOCOL_ERROR_QUOTA_REACHED, message);
}

/* Whether @token may read @sha; FALSE having answered 500 when the
 * database failed (*failed set). */
static gboolean
readable (LiaisonHqAttachments *self,
          SoupServerMessage    *msg,
          const LiaisonHqToken *token,
          const char           *sha,
          gboolean             *failed)
{
  g_autoptr(GError) error = NULL;

  *failed = FALSE;
  if (liaison_hq_store_attachment_readable (self->store, token, sha, &error))
    return TRUE;
  if (error != NULL)
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_failed (msg, "The server could not read its records.");
      *failed = TRUE;
    }
  return FALSE;
}

/* GET: the bytes of a whole file the token may read; anything else is the
 * same 404 as a file the server does not have. */
static void
handle_get (LiaisonHqAttachments *self,
            SoupServerMessage    *msg,
            const char           *sha,
            const LiaisonHqToken *token)
{
  g_autofree char *final = g_build_filename (self->dir, sha, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gboolean failed;
  gsize length = 0;

  if (!readable (self, msg, token, sha, &failed))
    {
      if (!failed)
        reply_absent (msg);
      return;
    }
  /* Read whole (at most 10 MiB, what a PUT holds too) rather than mapped:
   * a file rewritten in place meanwhile, as a restore with cp does, would
   * fault a mapping and stop the server. Only whole, checked files have
   * this name. */
  if (!g_file_get_contents (final, &contents, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        reply_absent (msg);
      else
        {
          g_printerr ("liaison-hq: cannot read %s: %s\n", final, error->message);
          reply_failed (msg, "The server could not read the attachment.");
        }
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), LIAISON_PROTOCOL_HEADER, "1");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&contents), length);
}

/* HEAD: 200 and the size to a token that may read the whole file; 404
 * otherwise, with Liaison-Received when this token's upload of it has
 * begun. */
static void
handle_head (LiaisonHqAttachments *self,
             SoupServerMessage    *msg,
             const char           *sha,
             const char           *partial,
             const LiaisonHqToken *token)
{
  g_autofree char *final = g_build_filename (self->dir, sha, NULL);
  goffset whole = file_size (final);
  goffset have;
  gboolean failed = FALSE;

  if (whole >= 0 && readable (self, msg, token, sha, &failed))
    {
      SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

      soup_message_headers_replace (response, LIAISON_PROTOCOL_HEADER, "1");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_length (response, whole);
      return;
    }
  if (failed)
    return;
  have = file_size (partial);
  if (have >= 0)
    set_received (msg, have);
  reply_absent (msg);
}

/* A station's quota, before @size more bytes of a file of @total bytes
 * (a new file when @start is 0). FALSE having answered 413 or 429. */
static gboolean
check_quota (LiaisonHqAttachments *self,
             SoupServerMessage    *msg,
             const LiaisonHqToken *token,
             const char           *day,
             guint64               start,
             guint64               size,
             guint64               total)
{
  const LiaisonHqQuota *quota = &self->quota;
  g_autoptr(GError) error = NULL;
  guint64 files = 0, bytes = 0;

  if (token->role == LIAISON_HQ_ROLE_HQ)
    return TRUE;
  if (quota->bytes_per_day > 0 && total > quota->bytes_per_day)
    {
      g_autofree char *message = g_strdup_printf ("This file is larger than the %" G_GUINT64_FORMAT
                                                  " MiB a station may send in a day.",
                                                  quota->bytes_per_day / (1024 * 1024));

      liaison_hq_server_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
                                     message);
      return FALSE;
    }
  if (!liaison_hq_store_attachment_usage (self->store, liaison_hq_attachment_uploader (token), day,
                                          &files, &bytes, &error))
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_failed (msg, "The server could not read its records.");
      return FALSE;
    }
  if (quota->files_per_day > 0 && start == 0 && files >= quota->files_per_day)
    {
      g_autofree char *message = g_strdup_printf ("This station has sent its %" G_GUINT64_FORMAT
                                                  " attachments for today; more are taken after midnight, "
                                                  "server time (Retry-After).", quota->files_per_day);

      reply_quota_reached (msg, message);
      return FALSE;
    }
  if (quota->bytes_per_day > 0 && bytes + size > quota->bytes_per_day)
    {
      g_autofree char *message = g_strdup_printf ("This station has sent its %" G_GUINT64_FORMAT
                                                  " MiB of attachments for today; more are taken after "
                                                  "midnight, server time (Retry-After).",
                                                  quota->bytes_per_day / (1024 * 1024));

      reply_quota_reached (msg, message);
      return FALSE;
    }
  return TRUE;
}

/* The last @size bytes of @partial arrived: checks the hash, makes it the
 * whole file (or drops it when another token finished first: same bytes)
 * and records the uploader, the file and those bytes. */
static void
finish_upload (LiaisonHqAttachments *self,
               SoupServerMessage    *msg,
               const char           *sha,
               const char           *partial,
               const LiaisonHqToken *token,
               const char           *day,
               guint64               size,
               guint64               total)
{
  g_autofree char *final = g_build_filename (self->dir, sha, NULL);
  g_autofree char *digest = file_sha256 (partial);
  g_autoptr(GError) error = NULL;

  if (digest == NULL || !g_str_equal (digest, sha))
    {
      g_unlink (partial);
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_HASH,
                                     "The bytes do not have the SHA-256 the address names; the upload was dropped.");
      return;
    }
  if (file_size (final) >= 0)
    g_unlink (partial);
  else if (g_rename (partial, final) != 0)
    {
      g_printerr ("liaison-hq: cannot rename %s: %s\n", partial, g_strerror (errno));
      reply_failed (msg, "The server could not store the attachment.");
      return;
    }
  if (!liaison_hq_store_attachment_uploaded (self->store, token, sha, day,
                                             token->role != LIAISON_HQ_ROLE_HQ ? size : 0, &error))
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_failed (msg, "The server could not store the attachment.");
      return;
    }
  reply_stored (msg, SOUP_STATUS_CREATED, sha, (goffset) total);
}

/* PUT: the whole file, or a part of it with Content-Range. */
static void
handle_put (LiaisonHqAttachments *self,
            SoupServerMessage    *msg,
            const char           *sha,
            const char           *partial,
            const LiaisonHqToken *token)
{
  g_autofree char *final = g_build_filename (self->dir, sha, NULL);
  g_autofree char *day = today ();
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *range_header = soup_message_headers_get_one (headers, "Content-Range");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint64 start = 0, end = 0, total = 0;
  gboolean failed = FALSE;
  goffset have;
  gsize size = 0;
  const char *data;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      g_printerr ("liaison-hq: cannot create %s: %s\n", self->dir, g_strerror (errno));
      reply_failed (msg, "The server could not store the attachment.");
      return;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &size);

  if (range_header == NULL)
    {
      if (size == 0)
        {
          liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                         "An attachment cannot be empty.");
          return;
        }
      start = 0;
      total = size;
      end = size - 1;
    }
  else if (!parse_content_range (range_header, &start, &end, &total) || end - start + 1 != size)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                     "Content-Range must be \"bytes START-END/TOTAL\" and match the body.");
      return;
    }
  if (total > LIAISON_MAX_ATTACHMENT_BYTES)
    {
      liaison_hq_server_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, LIAISON_PROTOCOL_ERROR_TOO_LARGE,
                                     "An attachment may be at most 10 MiB.");
      return;
    }

  /* Addressed by content: a token that may read it is done. Any other
   * uploads it like a file the server does not have, and once its bytes
   * prove it holds the file, may read it. */
  if (file_size (final) >= 0 && readable (self, msg, token, sha, &failed))
    {
      reply_stored (msg, SOUP_STATUS_CREATED, sha, file_size (final));
      return;
    }
  if (failed)
    return;

  have = range_header != NULL ? MAX (file_size (partial), 0) : 0;
  if ((guint64) have != start)
    {
      set_received (msg, have);
      liaison_hq_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, LIAISON_PROTOCOL_ERROR_BAD_REQUEST,
                                     "The range does not start where the received part ends (see Liaison-Received).");
      return;
    }
  if (!check_quota (self, msg, token, day, start, size, total))
    return;
  if (!append_bytes (partial, data, size, start == 0, &error))
    {
      g_printerr ("liaison-hq: cannot write %s: %s\n", partial, error->message);
      reply_failed (msg, "The server could not store the attachment.");
      return;
    }
  if (end + 1 == total)
    {
      finish_upload (self, msg, sha, partial, token, day, size, total);
      return;
    }
  /* A part kept for later counts now; the last part counts only with a
   * file that matched its hash (a refused request writes nothing). */
  if (token->role != LIAISON_HQ_ROLE_HQ &&
      !liaison_hq_store_attachment_received (self->store, liaison_hq_attachment_uploader (token), day,
                                             size, &error))
    {
      g_printerr ("liaison-hq: %s\n", error->message);
      reply_failed (msg, "The server could not store the attachment.");
      return;
    }
  reply_stored (msg, SOUP_STATUS_ACCEPTED, sha, (goffset) end + 1);
}

void
liaison_hq_attachments_handle (LiaisonHqAttachments *self,
                               SoupServerMessage    *msg,
                               const char           *sha256,
                               const LiaisonHqToken *token)
{
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *part_name = g_strdup_printf ("%s.%s.part", sha256, token->id);
  g_autofree char *partial = g_build_filename (self->dir, part_name, NULL);

  if (g_str_equal (method, "GET"))
    handle_get (self, msg, sha256, token);
  else if (g_str_equal (method, "HEAD"))
    handle_head (self, msg, sha256, partial, token);
  else
    handle_put (self, msg, sha256, partial, token);
}
