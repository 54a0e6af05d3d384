/* liaison-file-check.h: which files a reception may carry, told by their
 * bytes.
 *
 * A file's name says nothing here: a photo named "sign-in.png" that is a
 * program, or an archive, is refused. What may come in (docs/desk.md,
 * "Files on a reception"): photos and scans (JPEG, PNG, GIF, WebP),
 * PDF, office documents (Word, Excel and PowerPoint, as .docx/.xlsx/.pptx
 * or the older .doc/.xls/.ppt) and plain text; each at most
 * LIAISON_MAX_ATTACHMENT_BYTES, the protocol's limit. GLib and GIO only.
 */
#pragma once

#include <gio/gio.h>

#include "liaison-records.h"

G_BEGIN_DECLS

#define LIAISON_FILE_ERROR (liaison_file_error_quark ())
GQuark liaison_file_error_quark (void);

typedef enum {
  LIAISON_FILE_ERROR_UNREADABLE,  /* could not be read, or is not on this computer */
  LIAISON_FILE_ERROR_EMPTY,
  LIAISON_FILE_ERROR_TOO_LARGE,   /* over LIAISON_MAX_ATTACHMENT_BYTES */
  LIAISON_FILE_ERROR_NOT_ALLOWED, /* its bytes are of a kind not taken */
} LiaisonFileError;

/* The content type of @size bytes at @data when it is one a reception
 * takes (a static string, "image/png", "application/pdf",
 * "application/vnd.openxmlformats-officedocument.wordprocessingml.document"…);
 * NULL otherwise. Only the bytes are looked at. */
const char           *liaison_file_check_sniff    (const guchar *data,
                                                   gsize         size);
/* Whether a reception's file of @content_type is shown as a thumbnail. */
gboolean              liaison_file_check_is_image (const char   *content_type);
/* Reads the file at @path for a reception: its bytes, hash, type and
 * name (@path's base name). Writes nothing. An empty file, one over the
 * limit, one that is not of a kind taken or cannot be read is refused
 * with a sentence saying so (LIAISON_FILE_ERROR). */
LiaisonReceptionFile *liaison_file_check_read     (const char   *path,
                                                   GError      **error);

G_END_DECLS
