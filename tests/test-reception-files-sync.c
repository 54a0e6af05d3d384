/* test-reception-files-sync.c: a reception's files over a real liaison-hq
 * on loopback. They travel as the hash-addressed attachments replies use:
 * sent before the reception, resumed where a cut line stopped them;
 * headquarters' desk fetches and opens them; another station can never
 * fetch them, even by listing their hash in a reception of its own. */
#define G_LOG_DOMAIN "test-reception-files-sync"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-file-check.h"
#include "liaison-store-attachments.h"
#include "liaison-test-files.h"
#include "liaison-test-hq-enrolled.h"
#include "liaison-test-util.h"

typedef LiaisonTestFiles Fixture;

static LiaisonReceptionFile *
read_data_file (const char *name)
{
  g_autofree char *relative = g_build_filename ("reception-files", name, NULL);
  g_autofree char *path = liaison_test_data_path (relative);
  g_autoptr(GError) error = NULL;
  LiaisonReceptionFile *file = liaison_file_check_read (path, &error);

  g_assert_no_error (error);
  return file;
}

/* A reception at @replica's station with @files (LiaisonReceptionFile *,
 * copied); returns its uuid. */
static char *
save_reception (LiaisonTestReplica *replica,
                const char         *summary,
                GPtrArray          *files)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  LiaisonVisitor *visitor = liaison_visitor_new ();
  gint64 deputy_id = liaison_test_query_int (replica->store, "SELECT min(id) FROM deputies WHERE deleted = 0");

  reception->received_at = g_strdup ("2024-03-05 09:30");
  reception->channel = LIAISON_CHANNEL_WALK_IN;
  reception->category_id = liaison_store_find_category (replica->store, "urban_construction");
  reception->summary = g_strdup (summary);
  g_array_append_val (reception->deputy_ids, deputy_id);
  visitor->name = g_strdup ("赵敏");
  visitor->community = g_strdup ("相山区东山社区");
  visitor->party_size = 12;
  g_ptr_array_add (reception->visitors, visitor);
  reception->files = liaison_reception_files_copy (files);
  liaison_store_save_reception (replica->store, reception, &error);
  g_assert_no_error (error);
  return g_strdup (reception->meta.uuid);
}

static LiaisonReception *
reception_by_uuid (LiaisonTestReplica *replica,
                   const char         *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM receptions WHERE uuid = '%s'", uuid);
  gint64 id = liaison_test_query_int (replica->store, sql);
  g_autoptr(GError) error = NULL;
  LiaisonReception *reception;

  g_assert_cmpint (id, >, 0);
  reception = liaison_store_get_reception (replica->store, id, &error);
  g_assert_no_error (error);
  return reception;
}

/* The bytes the server counted from @replica's station today. */
static gint64
bytes_counted (Fixture            *fixture,
               LiaisonTestReplica *replica)
{
  g_autofree char *station = liaison_test_files_station_uuid (replica);
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (bytes), 0) FROM attachment_usage WHERE uploader = '%s'",
                                          station);

  g_assert_null (strchr (station, '\''));
  return liaison_test_hq_count (&fixture->hq, sql);
}

static void
assert_file_here (LiaisonTestReplica         *replica,
                  const LiaisonReceptionFile *file)
{
  g_autofree char *path = liaison_store_get_attachment_path (replica->store, file->sha256);
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpmem (contents, size, g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes));
}

/* Station A logs a reception with the photo of its sign-in sheet and a
 * letter; the line was cut while the photo went up. A's sync resumes the
 * photo where it stopped and sends the letter, before the reception;
 * headquarters' desk gets the reception, its files listed, and their
 * bytes. Station B gets nothing of them: not by asking for the hash, not
 * by listing the hash in a reception of its own. */
static void
test_upload_resume_scope (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaisonReceptionFile) photo = read_data_file ("site-photo.jpg");
  g_autoptr(LiaisonReceptionFile) letter = read_data_file ("letter.pdf");
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(LiaisonReception) at_desk = NULL;
  g_autoptr(LiaisonReception) at_a = NULL;
  g_autofree char *uuid = NULL;
  const char *photo_bytes = g_bytes_get_data (photo->bytes, NULL);
  gsize photo_size = g_bytes_get_size (photo->bytes);
  gsize cut = photo_size / 3;
  LiaisonSyncCounts counts;

  g_ptr_array_add (files, photo);
  g_ptr_array_add (files, letter);
  uuid = save_reception (&fixture->a, "群众来访反映小区排水不畅，附签到表照片和联名信", files);

  /* What a cut line left at the server: the first third of the photo. */
  {
    g_autoptr(LiaisonTestAnswer) part = liaison_test_files_put (fixture, photo->sha256, fixture->token_a,
                                                                photo_bytes, 0, cut, photo_size);

    g_assert_cmpuint (part->status, ==, 202);
  }
  g_assert_cmpint (bytes_counted (fixture, &fixture->a), ==, (gint64) cut);

  counts = liaison_test_sync_ok (fixture->a.engine);
  g_assert_cmpuint (counts.attachments_sent, ==, 2);
  g_assert_cmpuint (liaison_test_replica_unsynced (&fixture->a), ==, 0);
  /* Resumed: the server received each byte once. */
  g_assert_cmpint (bytes_counted (fixture, &fixture->a), ==, (gint64) (photo_size + g_bytes_get_size (letter->bytes)));
  {
    g_autoptr(GPtrArray) left = liaison_store_list_attachments_to_send (fixture->a.store, NULL);

    g_assert_cmpuint (left->len, ==, 0);
  }

  /* Headquarters opens them. */
  counts = liaison_test_sync_ok (fixture->desk.engine);
  g_assert_cmpuint (counts.attachments_received, ==, 2);
  at_desk = reception_by_uuid (&fixture->desk, uuid);
  g_assert_cmpuint (at_desk->files->len, ==, 2);
  {
    const LiaisonReceptionFile *first = g_ptr_array_index (at_desk->files, 0);
    const LiaisonReceptionFile *second = g_ptr_array_index (at_desk->files, 1);

    g_assert_cmpstr (first->sha256, ==, photo->sha256);
    g_assert_cmpstr (first->name, ==, "site-photo.jpg");
    g_assert_cmpstr (first->content_type, ==, "image/jpeg");
    g_assert_cmpint (first->size, ==, photo->size);
    g_assert_cmpstr (second->sha256, ==, letter->sha256);
    g_assert_cmpstr (second->content_type, ==, "application/pdf");
  }
  assert_file_here (&fixture->desk, photo);
  assert_file_here (&fixture->desk, letter);
  {
    g_autoptr(LiaisonTestAnswer) got = liaison_test_files_get (fixture, photo->sha256, fixture->token_hq);

    liaison_test_files_assert_bytes (got, photo_bytes, photo_size);
  }

  /* Another station asks for the photo by its hash: refused as absent,
   * and not a byte of it comes back. */
  {
    g_autoptr(LiaisonTestAnswer) got = liaison_test_files_get (fixture, photo->sha256, fixture->token_b);

    liaison_test_files_assert_error (got, 404, "not_found");
    g_assert_null (memmem (g_bytes_get_data (got->body, NULL), g_bytes_get_size (got->body),
                           photo_bytes, MIN (photo_size, 64)));
    liaison_test_files_assert_absent (fixture, photo->sha256, fixture->token_b);
  }
  /* Listing the hash in a reception of its own gains it nothing: the
   * reception syncs, the file never comes. */
  {
    g_autoptr(LiaisonReceptionFile) claimed = liaison_reception_file_copy (photo);
    g_autoptr(GPtrArray) claims = g_ptr_array_new ();
    g_autofree char *b_uuid = NULL;
    g_autoptr(LiaisonTestAnswer) got = NULL;

    g_clear_pointer (&claimed->bytes, g_bytes_unref);
    g_ptr_array_add (claims, claimed);
    b_uuid = save_reception (&fixture->b, "借用别站的照片", claims);
    counts = liaison_test_sync_ok (fixture->b.engine);
    g_assert_cmpuint (counts.attachments_sent, ==, 0);
    g_assert_cmpuint (counts.attachments_received, ==, 0);
    g_assert_null (liaison_store_get_attachment_path (fixture->b.store, photo->sha256));
    got = liaison_test_files_get (fixture, photo->sha256, fixture->token_b);
    liaison_test_files_assert_error (got, 404, "not_found");
  }

  /* A's own desk still reads its files. */
  at_a = reception_by_uuid (&fixture->a, uuid);
  g_assert_cmpuint (at_a->files->len, ==, 2);
  {
    g_autoptr(LiaisonTestAnswer) got = liaison_test_files_get (fixture, letter->sha256, fixture->token_a);

    liaison_test_files_assert_bytes (got, g_bytes_get_data (letter->bytes, NULL), g_bytes_get_size (letter->bytes));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reception-files-sync/upload-resume-scope", Fixture, NULL, liaison_test_files_set_up,
              test_upload_resume_scope, liaison_test_files_tear_down);

  return g_test_run ();
}
