/* test-hq-files.c: who may read, probe and upload attachments at a real
 * liaison-hq on loopback, with two stations and a headquarters desk
 * (issue 9, defect 3; the fixture is tests/liaison-test-files.c).
 *
 * Station A must not read the letter headquarters sent station B by
 * listing its hash in a move of its own; HEAD tells nobody what they
 * could not GET; two stations uploading the same file at once each keep
 * their own part; a station over its daily quota gets 413 or 429, which
 * its desk says in words, in Chinese too; and files kept before uploaders
 * were recorded stay their uploader's (an older hq.db: on SQLite only).
 */
#define G_LOG_DOMAIN "test-hq-files"

#include "config.h"

#include <string.h>

#include "liaison-protocol.h"
#include "liaison-store-attachments.h"
#include "liaison-test-files.h"
#include "liaison-test-pg.h"
#include "liaison-test-util.h"

typedef LiaisonTestFiles Fixture;

/* Station A lists the hash of headquarters' letter to station B in a
 * reply move of its own, and asks for the letter: the server answers as
 * for a file it does not have, to GET and to HEAD, and A's desk does not
 * get it by syncing. B and headquarters still do. */
static void
test_steal_letter (Fixture       *fixture,
                   gconstpointer  data)
{
  const gsize size = 150 * 1024;
  g_autofree char *letter = liaison_test_files_make_bytes (size, 7);
  g_autofree char *letter_path = liaison_test_files_write_file (fixture, "答复函.pdf", letter, size);
  g_autofree char *sugg_a = liaison_test_files_log_suggestion (fixture, &fixture->a, "关于老旧小区屋面防水的建议");
  g_autofree char *sugg_b = liaison_test_files_log_suggestion (fixture, &fixture->b, "关于东山路积水的建议");
  g_autofree char *never_sha = liaison_test_files_sha ("never sent", 10);
  g_autofree char *station_a = liaison_test_files_station_uuid (&fixture->a);
  g_autofree char *status = NULL;
  g_autofree char *sha = NULL;
  LiaisonSyncCounts counts;

  liaison_test_sync_ok (fixture->a.engine);
  liaison_test_sync_ok (fixture->b.engine);
  liaison_test_sync_ok (fixture->desk.engine);
  sha = liaison_test_files_reply_with_letter (fixture, sugg_b, letter_path);
  counts = liaison_test_sync_ok (fixture->desk.engine);
  g_assert_cmpuint (counts.attachments_sent, ==, 1);
  counts = liaison_test_sync_ok (fixture->b.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 1);

  /* The attack: a move on A's own suggestion listing B's letter. The
   * server may take the move or refuse it; either way the letter stays
   * B's. */
  {
    const char *const listed[] = { sha, NULL };

    status = liaison_test_files_push_reply (fixture, fixture->token_a, "station", station_a, sugg_a, listed);
    g_assert_true (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_REJECTED));
    g_free (status);
    status = liaison_test_files_push_reply (fixture, fixture->token_a, "deputy", station_a, sugg_a, listed);
  }
  g_assert_true (g_str_equal (status, LIAISON_PUSH_APPLIED) || g_str_equal (status, LIAISON_PUSH_REJECTED));
  {
    g_autoptr(LiaisonTestAnswer) stolen = liaison_test_files_get (fixture, sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) never = liaison_test_files_get (fixture, never_sha, fixture->token_a);

    liaison_test_files_assert_error (stolen, 404, "not_found");
    /* Word for word the answer for a file the server never had. */
    g_assert_true (g_bytes_equal (stolen->body, never->body));
  }
  /* HEAD tells A nothing either. */
  liaison_test_files_assert_absent (fixture, sha, fixture->token_a);
  liaison_test_files_assert_absent (fixture, never_sha, fixture->token_a);
  /* And a PUT of a part does not say "already here". */
  {
    g_autoptr(LiaisonTestAnswer) p = liaison_test_files_put (fixture, sha, fixture->token_a, "0123456789", 0, 5, size);

    g_assert_cmpuint (p->status, ==, 202);
  }

  /* A's desk pulls its own move and asks for the file: not found, not kept. */
  liaison_test_sync_ok (fixture->a.engine);
  {
    g_autofree char *path = liaison_store_get_attachment_path (fixture->a.store, sha);

    g_assert_null (path);
  }

  /* B and headquarters read it, and HEAD says so to them. */
  {
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, sha, fixture->token_b);
    g_autoptr(LiaisonTestAnswer) got_hq = liaison_test_files_get (fixture, sha, fixture->token_hq);
    g_autoptr(LiaisonTestAnswer) head_b = liaison_test_files_head (fixture, sha, fixture->token_b);
    g_autoptr(LiaisonTestAnswer) head_hq = liaison_test_files_head (fixture, sha, fixture->token_hq);

    liaison_test_files_assert_bytes (got_b, letter, size);
    liaison_test_files_assert_bytes (got_hq, letter, size);
    g_assert_cmpuint (head_b->status, ==, 200);
    g_assert_cmpint (soup_message_headers_get_content_length (head_b->headers), ==, size);
    g_assert_cmpuint (head_hq->status, ==, 200);
  }
}

/* What a station may read: headquarters' reply letters to its own
 * suggestions, and files it uploaded itself (or whose bytes it sent); not
 * another station's upload. */
static void
test_own_files (Fixture       *fixture,
                gconstpointer  data)
{
  const gsize size = 90 * 1024;
  g_autofree char *letter = liaison_test_files_make_bytes (size, 11);
  g_autofree char *letter_path = liaison_test_files_write_file (fixture, "复函.pdf", letter, size);
  g_autofree char *photo = liaison_test_files_make_bytes (size, 13);
  g_autofree char *photo_sha = liaison_test_files_sha (photo, size);
  g_autofree char *sugg_a = liaison_test_files_log_suggestion (fixture, &fixture->a, "关于增设公交站台的建议");
  g_autofree char *sha = NULL;
  LiaisonSyncCounts counts;

  liaison_test_sync_ok (fixture->a.engine);
  liaison_test_sync_ok (fixture->desk.engine);
  sha = liaison_test_files_reply_with_letter (fixture, sugg_a, letter_path);
  liaison_test_sync_ok (fixture->desk.engine);

  /* Headquarters' reply to A's suggestion: A's desk fetches it. */
  counts = liaison_test_sync_ok (fixture->a.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 1);
  {
    g_autofree char *path = liaison_store_get_attachment_path (fixture->a.store, sha);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_nonnull (path);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, letter, size);
  }
  {
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, sha, fixture->token_b);

    liaison_test_files_assert_error (got_b, 404, "not_found");
  }

  /* A's own upload: A reads it back, B cannot see it. */
  {
    g_autoptr(LiaisonTestAnswer) p = liaison_test_files_put (fixture, photo_sha, fixture->token_a, photo, 0, size, 0);
    g_autoptr(LiaisonTestAnswer) got_a = liaison_test_files_get (fixture, photo_sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) head_a = liaison_test_files_head (fixture, photo_sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, photo_sha, fixture->token_b);
    g_autoptr(LiaisonTestAnswer) again = liaison_test_files_put (fixture, photo_sha, fixture->token_a, photo, 0, size, 0);

    g_assert_cmpuint (p->status, ==, 201);
    liaison_test_files_assert_bytes (got_a, photo, size);
    g_assert_cmpuint (head_a->status, ==, 200);
    liaison_test_files_assert_error (got_b, 404, "not_found");
    liaison_test_files_assert_absent (fixture, photo_sha, fixture->token_b);
    g_assert_cmpuint (again->status, ==, 201);
  }
  /* Bytes that are not the file prove nothing. */
  {
    g_autoptr(LiaisonTestAnswer) p = liaison_test_files_put (fixture, photo_sha, fixture->token_b, letter, 0, size, 0);
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, photo_sha, fixture->token_b);

    liaison_test_files_assert_error (p, 400, "bad_hash");
    liaison_test_files_assert_error (got_b, 404, "not_found");
  }
  /* B sends the very bytes: B has the file, and may read it. */
  {
    g_autoptr(LiaisonTestAnswer) p = liaison_test_files_put (fixture, photo_sha, fixture->token_b, photo, 0, size, 0);
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, photo_sha, fixture->token_b);

    g_assert_cmpuint (p->status, ==, 201);
    liaison_test_files_assert_bytes (got_b, photo, size);
  }
}

/* The same file uploaded by A and B at once, part by part, interleaved,
 * and a whole-file PUT of wrong bytes by B in the middle: each station's
 * part is its own; both finish with the file, stored once. */
static void
test_interleaved_uploads (Fixture       *fixture,
                          gconstpointer  data)
{
  const gsize size = 300 * 1024;
  g_autofree char *bytes = liaison_test_files_make_bytes (size, 7);
  g_autofree char *sha = liaison_test_files_sha (bytes, size);
  g_autofree char *third = g_strdup_printf ("%" G_GSIZE_FORMAT, size / 3);
  g_autofree char *half = g_strdup_printf ("%" G_GSIZE_FORMAT, size / 2);
  g_autofree char *two_thirds = g_strdup_printf ("%" G_GSIZE_FORMAT, 2 * (size / 3));
  g_autofree char *attachments = g_build_filename (fixture->hq.data_dir, "attachments", NULL);

  {
    g_autoptr(LiaisonTestAnswer) a1 = liaison_test_files_put (fixture, sha, fixture->token_a, bytes, 0, size / 3, size);
    g_autoptr(LiaisonTestAnswer) b1 = liaison_test_files_put (fixture, sha, fixture->token_b, bytes, 0, size / 2, size);
    g_autoptr(LiaisonTestAnswer) head_a = liaison_test_files_head (fixture, sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) head_b = liaison_test_files_head (fixture, sha, fixture->token_b);

    g_assert_cmpuint (a1->status, ==, 202);
    g_assert_cmpuint (b1->status, ==, 202);
    g_assert_cmpuint (head_a->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, third);
    g_assert_cmpuint (head_b->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_b->headers, "Liaison-Received"), ==, half);
  }
  /* B starts over without Content-Range, with bytes that are not the
   * file: B's part is dropped, A's is untouched. */
  {
    g_autofree char *wrong = g_strnfill (size, 'x');
    g_autoptr(LiaisonTestAnswer) whole = liaison_test_files_put (fixture, sha, fixture->token_b, wrong, 0, size, 0);
    g_autoptr(LiaisonTestAnswer) a2 = liaison_test_files_put (fixture, sha, fixture->token_a, bytes, size / 3, size / 3, size);
    g_autoptr(LiaisonTestAnswer) head_a = liaison_test_files_head (fixture, sha, fixture->token_a);

    liaison_test_files_assert_error (whole, 400, "bad_hash");
    g_assert_cmpuint (a2->status, ==, 202);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, two_thirds);
    liaison_test_files_assert_absent (fixture, sha, fixture->token_b);
  }
  /* B again from the start, in two parts, and finishes first. */
  {
    g_autoptr(LiaisonTestAnswer) b1 = liaison_test_files_put (fixture, sha, fixture->token_b, bytes, 0, size / 2, size);
    g_autoptr(LiaisonTestAnswer) b2 = liaison_test_files_put (fixture, sha, fixture->token_b, bytes, size / 2, size - size / 2, size);
    g_autoptr(LiaisonTestAnswer) head_a = liaison_test_files_head (fixture, sha, fixture->token_a);

    g_assert_cmpuint (b1->status, ==, 202);
    g_assert_cmpuint (b2->status, ==, 201);
    /* A has not proved it holds the file yet: its own part is all it sees. */
    g_assert_cmpuint (head_a->status, ==, 404);
    g_assert_cmpstr (soup_message_headers_get_one (head_a->headers, "Liaison-Received"), ==, two_thirds);
  }
  {
    gsize done = 2 * (size / 3);
    g_autoptr(LiaisonTestAnswer) a3 = liaison_test_files_put (fixture, sha, fixture->token_a, bytes, done, size - done, size);
    g_autoptr(LiaisonTestAnswer) got_a = liaison_test_files_get (fixture, sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) got_b = liaison_test_files_get (fixture, sha, fixture->token_b);

    g_assert_cmpuint (a3->status, ==, 201);
    liaison_test_files_assert_bytes (got_a, bytes, size);
    liaison_test_files_assert_bytes (got_b, bytes, size);
  }
  /* One file, no part left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (attachments, 0, NULL);
    guint n = 0;

    g_assert_nonnull (dir);
    for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
      {
        g_assert_cmpstr (name, ==, sha);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}
/* A server that kept files before it recorded their uploaders: at its
 * first start since, a station's file goes to the station whose move
 * listed it first, and headquarters' letter to nobody, even when a
 * station's later move lists it (as a station could push before). */
static void
test_upgrade (Fixture       *fixture,
              gconstpointer  data)
{
  const gsize size = 40 * 1024;
  g_autofree char *letter = liaison_test_files_make_bytes (size, 23);
  g_autofree char *letter_path = liaison_test_files_write_file (fixture, "答复函.pdf", letter, size);
  g_autofree char *photo = liaison_test_files_make_bytes (size, 29);
  g_autofree char *photo_sha = liaison_test_files_sha (photo, size);
  g_autofree char *sugg_a = liaison_test_files_log_suggestion (fixture, &fixture->a, "关于完善无障碍设施的建议");
  g_autofree char *sugg_b = liaison_test_files_log_suggestion (fixture, &fixture->b, "关于整治噪声扰民的建议");
  g_autofree char *station_a = liaison_test_files_station_uuid (&fixture->a);
  g_autofree char *letter_sha = NULL;
  g_autofree char *sql = NULL;

  liaison_test_sync_ok (fixture->a.engine);
  liaison_test_sync_ok (fixture->b.engine);
  liaison_test_sync_ok (fixture->desk.engine);
  letter_sha = liaison_test_files_reply_with_letter (fixture, sugg_b, letter_path);
  liaison_test_sync_ok (fixture->desk.engine);
  {
    g_autoptr(LiaisonTestAnswer) p = liaison_test_files_put (fixture, photo_sha, fixture->token_a, photo, 0, size, 0);

    g_assert_cmpuint (p->status, ==, 201);
  }

  /* What an older server kept: A's moves listing its photo and, later,
   * the letter; no uploaders. */
  liaison_test_hq_stop (&fixture->hq);
  sql = g_strdup_printf (
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned)"
    " SELECT 'suggestion_event', '%s', 1, '%s', 0, '2025-03-05T01:30:00Z',"
    "  json_object ('station', '%s', 'suggestion', '%s', 'move', 'reply', 'role', 'station',"
    "               'attachments', json_array ('%s')), 'legacy', MAX (seq) + 1, 0 FROM records;"
    "INSERT INTO records (kind, uuid, version, origin_station, deleted, updated_at, data, digest, seq, hq_owned)"
    " SELECT 'suggestion_event', '%s', 1, '%s', 0, '2025-03-05T01:31:00Z',"
    "  json_object ('station', '%s', 'suggestion', '%s', 'move', 'reply', 'role', 'station',"
    "               'attachments', json_array ('%s')), 'legacy', MAX (seq) + 1, 0 FROM records;"
    "DROP TABLE attachment_uploads; DROP TABLE attachment_usage;"
    "DELETE FROM meta WHERE key = 'attachment_uploads';",
    "6f1d3a52-7c9e-4b8a-9d21-0a4c5e6f7a81", station_a, station_a, sugg_a, photo_sha,
    "6f1d3a52-7c9e-4b8a-9d21-0a4c5e6f7a82", station_a, station_a, sugg_a, letter_sha);
  liaison_test_files_edit_server_db (fixture, sql);
  fixture->hq.port = 0;
  liaison_test_hq_start (&fixture->hq);

  {
    g_autoptr(LiaisonTestAnswer) photo_a = liaison_test_files_get (fixture, photo_sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) photo_b = liaison_test_files_get (fixture, photo_sha, fixture->token_b);
    g_autoptr(LiaisonTestAnswer) letter_a = liaison_test_files_get (fixture, letter_sha, fixture->token_a);
    g_autoptr(LiaisonTestAnswer) letter_b = liaison_test_files_get (fixture, letter_sha, fixture->token_b);

    liaison_test_files_assert_bytes (photo_a, photo, size);
    liaison_test_files_assert_error (photo_b, 404, "not_found");
    liaison_test_files_assert_error (letter_a, 404, "not_found");
    liaison_test_files_assert_bytes (letter_b, letter, size);
  }
}

/* How many PUTs of @sha the server answered 429. */
static guint
count_refused_puts (Fixture    *fixture,
                    const char *sha)
{
  g_autofree char *log = NULL;
  g_autofree char *needle = g_strdup_printf ("method=PUT path=/v1/attachments/%s status=429 ", sha);
  guint n = 0;

  g_assert_true (g_file_get_contents (fixture->hq.log_path, &log, NULL, NULL));
  for (const char *at = strstr (log, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* Quotas: two files a day from a station (command line), 1 MiB a day
 * (environment, as from liaison-hq.conf). A file over the day's bytes is
 * 413, a file past the day's count 429, both JSON; headquarters has no
 * quota; and A's desk, whose sync meets them, sends everything else and
 * says what happened in words. */
static void
test_quota (Fixture       *fixture,
            gconstpointer  data)
{
  const gsize big_size = 1536 * 1024;
  g_autofree char *big = liaison_test_files_make_bytes (big_size, 17);
  g_autofree char *big_sha = liaison_test_files_sha (big, big_size);
  g_autofree char *big_path = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *small_sha = liaison_test_files_sha ("签到表（第三页）", strlen ("签到表（第三页）"));
  g_autofree char *one_sha = liaison_test_files_sha ("一", 3);
  g_autofree char *two_sha = liaison_test_files_sha ("二", 3);
  g_autofree char *three_sha = liaison_test_files_sha ("三", 3);
  g_autofree char *none_sha = liaison_test_files_sha ("空", 3);
  g_autofree char *sugg_a = NULL;
  g_autofree char *station_a = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  LiaisonSyncCounts counts;

  g_setenv ("LIAISON_HQ_ATTACHMENT_MIB_PER_DAY", "1", TRUE);
  liaison_test_files_set_up_with (fixture, "--attachment-files-per-day", "2", NULL);
  g_unsetenv ("LIAISON_HQ_ATTACHMENT_MIB_PER_DAY");
  big_path = liaison_test_files_write_file (fixture, "现场照片.jpg", big, big_size);
  small_path = liaison_test_files_write_file (fixture, "签到表.jpg", "签到表（第三页）", strlen ("签到表（第三页）"));

  {
    g_autoptr(LiaisonTestAnswer) one = liaison_test_files_put (fixture, one_sha, fixture->token_a, "一", 0, 3, 0);
    g_autoptr(LiaisonTestAnswer) too_big = liaison_test_files_put (fixture, big_sha, fixture->token_a, big, 0, big_size, 0);
    g_autoptr(LiaisonTestAnswer) two = liaison_test_files_put (fixture, two_sha, fixture->token_a, "二", 0, 3, 0);
    g_autoptr(LiaisonTestAnswer) three = liaison_test_files_put (fixture, three_sha, fixture->token_a, "三", 0, 3, 0);
    g_autoptr(LiaisonTestAnswer) other = liaison_test_files_put (fixture, three_sha, fixture->token_b, "三", 0, 3, 0);
    g_autofree char *hq_file = liaison_test_files_make_bytes (big_size, 19);
    g_autofree char *hq_sha = liaison_test_files_sha (hq_file, big_size);
    g_autoptr(LiaisonTestAnswer) hq_big = liaison_test_files_put (fixture, hq_sha, fixture->token_hq, hq_file, 0, big_size, 0);
    const char *retry = soup_message_headers_get_one (three->headers, "Retry-After");

    g_assert_cmpuint (one->status, ==, 201);
    liaison_test_files_assert_error (too_big, 413, LIAISON_PROTOCOL_ERROR_TOO_LARGE);
    g_assert_cmpuint (two->status, ==, 201);
    liaison_test_files_assert_error (three, 429, LIAISON_PROTOCOL_ERROR_QUOTA_REACHED);
    g_assert_nonnull (retry);
    g_assert_cmpuint (g_ascii_strtoull (retry, NULL, 10), >=, 1);
    g_assert_cmpuint (g_ascii_strtoull (retry, NULL, 10), <=, 25 * 3600);
    /* Per station: B still may; headquarters has no quota. */
    g_assert_cmpuint (other->status, ==, 201);
    g_assert_cmpuint (hq_big->status, ==, 201);
    liaison_test_files_assert_absent (fixture, three_sha, fixture->token_a);
  }

  /* A reply to A's suggestion lists files the server lacks (to A), and
   * A's desk comes to hold two of them: its sync must send them, and
   * meets the quota. */
  sugg_a = liaison_test_files_log_suggestion (fixture, &fixture->a, "关于小区加装电梯的建议");
  liaison_test_sync_ok (fixture->a.engine);
  station_a = liaison_test_files_station_uuid (&fixture->a);
  {
    const char *const listed[] = { big_sha, small_sha, none_sha, NULL };

    status = liaison_test_files_push_reply (fixture, fixture->token_hq, "hq", station_a, sugg_a, listed);
    g_assert_cmpstr (status, ==, LIAISON_PUSH_APPLIED);
  }
  liaison_test_sync_ok (fixture->a.engine);
  {
    g_autofree char *sha = liaison_store_add_attachment (fixture->a.store, big_path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sha, ==, big_sha);
  }

  /* 413: the sync ends with the sentence, and what else was waiting went. */
  g_free (liaison_test_files_log_suggestion (fixture, &fixture->a, "关于修缮健身器材的建议"));
  g_assert_false (liaison_test_sync (fixture->a.engine, &counts, &error));
  g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED);
  g_assert_nonnull (strstr (error->message, "does not take an attached file this large"));
  g_assert_cmpstr (liaison_sync_engine_get_last_error (fixture->a.engine), ==, error->message);
  g_clear_error (&error);
  g_assert_cmpuint (liaison_test_replica_unsynced (&fixture->a), ==, 0);

  /* 429, in the station's own program, in Chinese. */
  {
    g_autofree char *sha = liaison_store_add_attachment (fixture->a.store, small_path, &error);
    g_autofree char *err = NULL;
    int exit_status = 0;

    g_assert_no_error (error);
    g_assert_cmpstr (sha, ==, small_sha);
    err = liaison_test_files_sync_zh (&fixture->a, &exit_status);
    g_test_message ("liaison sync: %s", err);
    g_assert_cmpint (exit_status, !=, 0);
    g_assert_nonnull (strstr (err, "本站今天已达到上限"));
    g_assert_null (strstr (err, "quota_reached"));
  }
  {
    g_autoptr(GPtrArray) left = liaison_store_list_attachments_to_send (fixture->a.store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 2);
  }

  /* The desk meets the 429 once, then sends no file until Retry-After
   * (midnight): the next sync carries no 10 MiB to be refused again, and
   * still says why the files wait. */
  for (guint round = 0; round < 2; round++)
    {
      g_assert_false (liaison_test_sync (fixture->a.engine, &counts, &error));
      g_assert_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_ATTACHMENT_REFUSED);
      g_assert_nonnull (strstr (error->message, "reached today’s limit"));
      g_clear_error (&error);
      g_assert_cmpuint (count_refused_puts (fixture, small_sha), ==, 2);
    }
}

/* Tokens and keys go to files in a folder of our own. */
int
main (int   argc,
      char *argv[])
{
  /* Keys go to a file in a folder of our own, never a real keyring. */
  g_autofree char *config = liaison_test_private_keys ("liaison-hq-files-config-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, set_up) \
  g_test_add (path, Fixture, NULL, set_up, func, liaison_test_files_tear_down)
  ADD ("/hq-files/steal-letter", test_steal_letter, liaison_test_files_set_up);
  ADD ("/hq-files/own-files", test_own_files, liaison_test_files_set_up);
  ADD ("/hq-files/interleaved-uploads", test_interleaved_uploads, liaison_test_files_set_up);
  /* Sets up its own server, with a quota. */
  ADD ("/hq-files/quota", test_quota, NULL);
  /* An older hq.db: a PostgreSQL store records uploaders from the start. */
  if (!liaison_test_pg_wanted ())
    ADD ("/hq-files/upgrade", test_upgrade, liaison_test_files_set_up);
#undef ADD

  status = g_test_run ();
  liaison_test_remove_tree (config);
  return status;
}
