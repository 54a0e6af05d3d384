/* test-reception-files.c: files kept with a reception, in a real store:
 * what comes in is told by its bytes and capped at the protocol's size;
 * nothing is written before the reception is saved, a file taken off
 * leaves no bytes behind, and an edit that does not touch the files
 * keeps them. */
#define G_LOG_DOMAIN "test-reception-files"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-file-check.h"
#include "liaison-protocol.h"
#include "liaison-reception-form.h"
#include "liaison-store.h"
#include "liaison-store-attachments.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  char         *attachments;  /* the store's attachments folder */
  LiaisonStore *store;
  gint64        deputy_id;
  gint64        category_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-reception-files-XXXXXX");
  path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->attachments = g_strconcat (path, "-attachments", NULL);
  fixture->store = liaison_test_open_store (path);
  liaison_test_set_station (fixture->store, "东山社区代表联络站", LIAISON_STATION_KIND_STATION, "相山区");
  fixture->deputy_id = liaison_test_add_deputy (fixture->store, "王建国", LIAISON_DEPUTY_LEVEL_CITY);
  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  fixture->category_id = ((LiaisonCategory *) categories->pdata[0])->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->attachments);
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

static char *
data_file (const char *name)
{
  g_autofree char *relative = g_build_filename ("reception-files", name, NULL);

  return liaison_test_data_path (relative);
}

/* What is in the attachments folder: "" when it is empty or was never made. */
static char *
list_attachments (Fixture *fixture)
{
  if (!g_file_test (fixture->attachments, G_FILE_TEST_IS_DIR))
    return g_strdup ("");
  return liaison_test_list_dir (fixture->attachments);
}

static void
assert_attachments (Fixture    *fixture,
                    const char *expected)
{
  g_autofree char *listed = list_attachments (fixture);

  g_assert_cmpstr (listed, ==, expected);
}

static LiaisonReceptionFile *
read_ok (const char *name)
{
  g_autofree char *path = data_file (name);
  g_autoptr(GError) error = NULL;
  LiaisonReceptionFile *file = liaison_file_check_read (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static LiaisonReceptionForm *
complete_form (Fixture *fixture)
{
  LiaisonReceptionForm *form = liaison_reception_form_new ();

  liaison_reception_form_set_date (form, "2024-03-05");
  liaison_reception_form_set_time (form, "09:30");
  liaison_reception_form_set_category_id (form, fixture->category_id);
  liaison_reception_form_add_deputy (form, fixture->deputy_id);
  liaison_reception_form_set_visitor (form, 0, "张三", "13812345678", "相山区东山社区", "2", TRUE);
  liaison_reception_form_set_summary (form, "小区路灯坏了三个月无人修理");
  return form;
}

static LiaisonReception *
get_reception (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaisonReception *reception = liaison_store_get_reception (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reception->files);
  return reception;
}

static void
save_ok (Fixture              *fixture,
         LiaisonReceptionForm *form)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
}

/* Refused with @code, and the message names the file. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  LiaisonReceptionFile *file = liaison_file_check_read (path, &error);

  g_assert_null (file);
  g_assert_error (error, LIAISON_FILE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

/* The kinds taken are told by the bytes; a name says nothing. */
static void
test_sniff (Fixture       *fixture,
            gconstpointer  data)
{
  const struct {
    const char *name;
    const char *type;
  } taken[] = {
    { "sign-in-sheet.png", "image/png" },
    { "site-photo.jpg", "image/jpeg" },
    { "letter.pdf", "application/pdf" },
    { "letter.txt", "text/plain" },
    { "sign-in.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  };
  g_autofree char *zip = data_file ("really-a-zip.png");
  g_autofree char *exe = g_build_filename (fixture->dir, "photo.png", NULL);
  g_autofree char *disguised = g_build_filename (fixture->dir, "scan.txt", NULL);
  g_autofree char *png = data_file ("sign-in-sheet.png");
  g_autofree char *png_bytes = NULL;
  char program[512] = { 'M', 'Z', 0x90, 0 };
  gsize png_size = 0;

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(LiaisonReceptionFile) file = read_ok (taken[i].name);
      g_autofree char *path = data_file (taken[i].name);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      gsize size = 0;

      g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, size);
      g_assert_cmpstr (file->content_type, ==, taken[i].type);
      g_assert_cmpstr (file->name, ==, taken[i].name);
      g_assert_cmpint (file->size, ==, (gint64) size);
      g_assert_cmpmem (g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes), contents, size);
      g_assert_cmpstr (file->sha256, ==, sha256);
    }
  g_assert_true (liaison_file_check_is_image ("image/png"));
  g_assert_false (liaison_file_check_is_image ("application/pdf"));

  /* A zip archive named .png, and a Windows program named .png. */
  assert_refused (zip, LIAISON_FILE_ERROR_NOT_ALLOWED);
  memcpy (program + 0x80, "PE\0\0", 4);
  program[0x3c] = (char) 0x80;
  g_assert_true (g_file_set_contents (exe, program, sizeof program, NULL));
  assert_refused (exe, LIAISON_FILE_ERROR_NOT_ALLOWED);
  /* The other way round: a PNG named .txt is taken, as a PNG. */
  g_assert_true (g_file_get_contents (png, &png_bytes, &png_size, NULL));
  g_assert_true (g_file_set_contents (disguised, png_bytes, (gssize) png_size, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonReceptionFile) file = liaison_file_check_read (disguised, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (file->content_type, ==, "image/png");
  }
  /* Nothing was written to the store. */
  assert_attachments (fixture, "");
}

/* The protocol's cap: LIAISON_MAX_ATTACHMENT_BYTES is taken, one byte
 * more is not; an empty file is not. */
static void
test_size_cap (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *png = data_file ("sign-in-sheet.png");
  g_autofree char *head = NULL;
  g_autofree char *big = g_malloc0 (LIAISON_MAX_ATTACHMENT_BYTES + 1);
  g_autofree char *at_cap = g_build_filename (fixture->dir, "scan-at-cap.png", NULL);
  g_autofree char *over = g_build_filename (fixture->dir, "scan-too-big.png", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.png", NULL);
  gsize head_size = 0;

  g_assert_true (g_file_get_contents (png, &head, &head_size, NULL));
  memcpy (big, head, head_size);
  g_assert_true (g_file_set_contents (at_cap, big, LIAISON_MAX_ATTACHMENT_BYTES, NULL));
  g_assert_true (g_file_set_contents (over, big, LIAISON_MAX_ATTACHMENT_BYTES + 1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaisonReceptionFile) file = liaison_file_check_read (at_cap, &error);

    g_assert_no_error (error);
    g_assert_cmpint (file->size, ==, LIAISON_MAX_ATTACHMENT_BYTES);
  }
  assert_refused (over, LIAISON_FILE_ERROR_TOO_LARGE);
  assert_refused (empty, LIAISON_FILE_ERROR_EMPTY);
  assert_attachments (fixture, "");
}

/* Attached and saved: the bytes are in the store under their hash, the
 * reception lists them, and the sync has them to send. */
static void
test_attach_and_save (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form (fixture);
  g_autoptr(LiaisonReceptionFile) photo = read_ok ("sign-in-sheet.png");
  g_autoptr(LiaisonReceptionFile) letter = read_ok ("letter.pdf");
  g_autoptr(LiaisonReception) saved = NULL;
  g_autoptr(GPtrArray) to_send = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (liaison_reception_form_add_file (form, liaison_reception_file_copy (photo)));
  g_assert_true (liaison_reception_form_add_file (form, liaison_reception_file_copy (letter)));
  /* The same bytes again are listed once. */
  g_assert_false (liaison_reception_form_add_file (form, liaison_reception_file_copy (photo)));
  g_assert_cmpuint (liaison_reception_form_get_n_files (form), ==, 2);
  /* Not saved yet: nothing on disk. */
  assert_attachments (fixture, "");

  save_ok (fixture, form);
  expected = g_strcmp0 (letter->sha256, photo->sha256) < 0
    ? g_strdup_printf ("%s %s", letter->sha256, photo->sha256)
    : g_strdup_printf ("%s %s", photo->sha256, letter->sha256);
  assert_attachments (fixture, expected);

  saved = get_reception (fixture, liaison_reception_form_get_id (form));
  g_assert_cmpuint (saved->files->len, ==, 2);
  {
    const LiaisonReceptionFile *first = g_ptr_array_index (saved->files, 0);
    const LiaisonReceptionFile *second = g_ptr_array_index (saved->files, 1);
    g_autofree char *path = liaison_store_get_attachment_path (fixture->store, first->sha256);
    g_autofree char *contents = NULL;
    gsize size = 0;

    g_assert_cmpstr (first->sha256, ==, photo->sha256);
    g_assert_cmpstr (first->name, ==, "sign-in-sheet.png");
    g_assert_cmpstr (first->content_type, ==, "image/png");
    g_assert_cmpint (first->size, ==, photo->size);
    g_assert_null (first->bytes);
    g_assert_cmpstr (second->name, ==, "letter.pdf");
    g_assert_cmpstr (second->content_type, ==, "application/pdf");
    g_assert_nonnull (path);
    g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
    g_assert_cmpmem (contents, size, g_bytes_get_data (photo->bytes, NULL), g_bytes_get_size (photo->bytes));
  }
  to_send = liaison_store_list_attachments_to_send (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_send->len, ==, 2);
}

/* Taken off before saving, or the editor closed unsaved: nothing stays on
 * disk. */
static void
test_detach_before_save (Fixture       *fixture,
                         gconstpointer  data)
{
  {
    g_autoptr(LiaisonReceptionForm) form = complete_form (fixture);

    g_assert_true (liaison_reception_form_add_file (form, read_ok ("sign-in-sheet.png")));
    g_assert_true (liaison_reception_form_add_file (form, read_ok ("letter.txt")));
    liaison_reception_form_remove_file (form, 0);
    liaison_reception_form_remove_file (form, 0);
    save_ok (fixture, form);
    g_assert_cmpuint (liaison_reception_form_get_n_files (form), ==, 0);
  }
  assert_attachments (fixture, "");
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "attachments"), ==, 0);
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "attachment_refs"), ==, 0);
  {
    /* Cancel: the form goes unsaved. */
    g_autoptr(LiaisonReceptionForm) form = complete_form (fixture);

    g_assert_true (liaison_reception_form_add_file (form, read_ok ("site-photo.jpg")));
  }
  assert_attachments (fixture, "");
  g_assert_cmpint (liaison_test_count_rows (fixture->store, "receptions"), ==, 1);
}

/* Editing a reception and saving it without touching its files keeps
 * them; taking one off a saved reception deletes its bytes, unless
 * another reception lists them. */
static void
test_round_trip_and_remove (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaisonReceptionForm) form = complete_form (fixture);
  g_autoptr(LiaisonReceptionForm) other = complete_form (fixture);
  g_autoptr(LiaisonReceptionForm) editing = liaison_reception_form_new ();
  g_autoptr(LiaisonReceptionFile) photo = read_ok ("sign-in-sheet.png");
  g_autoptr(LiaisonReceptionFile) letter = read_ok ("letter.pdf");
  g_autoptr(LiaisonReception) saved = NULL;
  g_autoptr(LiaisonReception) edited = NULL;
  g_autoptr(LiaisonReception) trimmed = NULL;
  gint64 id;

  g_assert_true (liaison_reception_form_add_file (form, liaison_reception_file_copy (photo)));
  g_assert_true (liaison_reception_form_add_file (form, liaison_reception_file_copy (letter)));
  save_ok (fixture, form);
  id = liaison_reception_form_get_id (form);
  /* The letter is kept with another reception too. */
  liaison_reception_form_set_summary (other, "路灯的事，第二次来访");
  g_assert_true (liaison_reception_form_add_file (other, liaison_reception_file_copy (letter)));
  save_ok (fixture, other);

  /* Loaded as the editor loads it, a summary changed, saved. */
  saved = get_reception (fixture, id);
  liaison_reception_form_load (editing, saved);
  g_assert_false (liaison_reception_form_is_dirty (editing));
  liaison_reception_form_set_summary (editing, "小区路灯坏了三个月无人修理，已联系物业");
  save_ok (fixture, editing);
  edited = get_reception (fixture, id);
  g_assert_cmpstr (edited->summary, ==, "小区路灯坏了三个月无人修理，已联系物业");
  g_assert_cmpuint (edited->files->len, ==, 2);
  g_assert_cmpstr (((LiaisonReceptionFile *) edited->files->pdata[0])->sha256, ==, photo->sha256);
  g_assert_cmpstr (((LiaisonReceptionFile *) edited->files->pdata[1])->sha256, ==, letter->sha256);
  g_assert_cmpstr (((LiaisonReceptionFile *) edited->files->pdata[1])->name, ==, "letter.pdf");

  /* Removing a file marks the form changed; saved, its bytes go. */
  liaison_reception_form_remove_file (editing, 0);
  g_assert_true (liaison_reception_form_is_dirty (editing));
  liaison_reception_form_remove_file (editing, 0);
  save_ok (fixture, editing);
  trimmed = get_reception (fixture, id);
  g_assert_cmpuint (trimmed->files->len, ==, 0);
  g_assert_null (liaison_store_get_attachment_path (fixture->store, photo->sha256));
  /* The letter stays: the other reception lists it. */
  assert_attachments (fixture, letter->sha256);
  g_assert_nonnull (liaison_store_get_attachment_path (fixture->store, letter->sha256));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reception-files/sniff", test_sniff);
  ADD ("/reception-files/size-cap", test_size_cap);
  ADD ("/reception-files/attach-and-save", test_attach_and_save);
  ADD ("/reception-files/detach-before-save", test_detach_before_save);
  ADD ("/reception-files/round-trip-and-remove", test_round_trip_and_remove);
#undef ADD

  return g_test_run ();
}
