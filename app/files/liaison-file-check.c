/* liaison-file-check.c: which files a reception may carry, told by their
 * bytes (see the header). */
#define G_LOG_DOMAIN "liaison-file-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-file-check.h"
#include "liaison-protocol.h"

G_DEFINE_QUARK (liaison-file-error-quark, liaison_file_error)

/* Types shared-mime-info tells from the bytes alone, taken as they are. */
static const char *const plain_types[] = {
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
};

static gboolean
contains (const guchar *data,
          gsize         size,
          const void   *needle,
          gsize         needle_size)
{
  return memmem (data, size, needle, needle_size) != NULL;
}

/* An Office Open XML document is a zip archive whose parts name it; the
 * magic of shared-mime-info says only "zip". Any other archive is not
 * taken. */
static const char *
office_open_xml (const guchar *data,
                 gsize         size)
{
  static const struct {
    const char *part;
    const char *type;
  } kinds[] = {
    { "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  };

  if (size < 4 || memcmp (data, "PK\003\004", 4) != 0 ||
      !contains (data, size, "[Content_Types].xml", strlen ("[Content_Types].xml")))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (contains (data, size, kinds[i].part, strlen (kinds[i].part)))
      return kinds[i].type;
  return NULL;
}

/* A compound file (.doc, .xls, .ppt, but also installers) is told by the
 * stream its program reads, named in UTF-16 in its directory. */
static const char *
compound_document (const guchar *data,
                   gsize         size)
{
  static const guchar magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  static const struct {
    const char *stream;
    const char *type;
  } kinds[] = {
    { "WordDocument", "application/msword" },
    { "Workbook", "application/vnd.ms-excel" },
    { "PowerPoint Document", "application/vnd.ms-powerpoint" },
  };

  if (size < sizeof magic || memcmp (data, magic, sizeof magic) != 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize length = strlen (kinds[i].stream);
      g_autofree guchar *utf16 = g_new0 (guchar, 2 * length);

      for (gsize j = 0; j < length; j++)
        utf16[2 * j] = (guchar) kinds[i].stream[j];
      if (contains (data, size, utf16, 2 * length))
        return kinds[i].type;
    }
  return NULL;
}

const char *
liaison_file_check_sniff (const guchar *data,
                          gsize         size)
{
  g_autofree char *guessed = NULL;
  const char *office;

  if (data == NULL || size == 0)
    return NULL;
  office = office_open_xml (data, size);
  if (office == NULL)
    office = compound_document (data, size);
  if (office != NULL)
    return office;
  /* No file name: the bytes alone decide. */
  guessed = g_content_type_guess (NULL, data, size, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (plain_types); i++)
    if (g_strcmp0 (guessed, plain_types[i]) == 0)
      return plain_types[i];
  return NULL;
}

gboolean
liaison_file_check_is_image (const char *content_type)
{
  return content_type != NULL && g_str_has_prefix (content_type, "image/");
}

LiaisonReceptionFile *
liaison_file_check_read (const char  *path,
                         GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  LiaisonReceptionFile *file;
  const char *type;
  gsize size;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, LIAISON_FILE_ERROR, LIAISON_FILE_ERROR_UNREADABLE,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }
  size = g_mapped_file_get_length (mapped);
  if (size == 0)
    {
      g_set_error (error, LIAISON_FILE_ERROR, LIAISON_FILE_ERROR_EMPTY,
                   _("“%s” is empty; attach the file itself."), display);
      return NULL;
    }
  if (size > LIAISON_MAX_ATTACHMENT_BYTES)
    {
      g_set_error (error, LIAISON_FILE_ERROR, LIAISON_FILE_ERROR_TOO_LARGE,
                   _("“%s” is larger than 10 MB; attach a smaller file or scan it at a lower resolution."),
                   display);
      return NULL;
    }
  type = liaison_file_check_sniff ((const guchar *) g_mapped_file_get_contents (mapped), size);
  if (type == NULL)
    {
      g_set_error (error, LIAISON_FILE_ERROR, LIAISON_FILE_ERROR_NOT_ALLOWED,
                   _("“%s” is not a photo, a PDF, an office document or plain text, whatever its name says; "
                     "a reception keeps only those."), display);
      return NULL;
    }

  /* A copy, not the mapping: the file may change on disk before the
   * reception is saved. */
  contents = g_memdup2 (g_mapped_file_get_contents (mapped), size);
  file = liaison_reception_file_new ();
  file->bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  file->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->bytes);
  file->name = g_steal_pointer (&display);
  file->content_type = g_strdup (type);
  file->size = (gint64) size;
  return file;
}
