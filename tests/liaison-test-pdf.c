/* liaison-test-pdf.c: PDFs read back with pdftotext. */
#define G_LOG_DOMAIN "liaison-test"

#include "config.h"

#include <string.h>

#include "liaison-test-pdf.h"

/* Pages @first to @last (from 1), or all of them when @first is 0. */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autofree char *first_text = g_strdup_printf ("%u", first);
  g_autofree char *last_text = g_strdup_printf ("%u", last);
  const char *all[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  const char *pages[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first_text, "-l", last_text,
                          path, "-", NULL };
  const char *const *argv = first == 0 ? all : pages;
  g_autofree char *head = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[ \\t\\f]+", 0, 0, NULL);
  GString *text = g_string_new (NULL);
  gsize length = 0;
  int wait_status = 0;

  g_assert_true (g_file_get_contents (path, &head, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 5 && memcmp (head, "%PDF-", 5) == 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("pdftotext could not read %s: %s", path, err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_regex_replace_literal (spaces, lines[i], -1, 0, " ", 0, NULL);

      g_strstrip (line);
      if (line[0] != '\0')
        g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

char *
liaison_test_pdf_text (const char *path)
{
  return pdf_text (path, 0, 0);
}

char *
liaison_test_pdf_page_text (const char *path,
                            guint       page)
{
  g_assert_cmpuint (page, >, 0);
  return pdf_text (path, page, page);
}

guint
liaison_test_pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) pages = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  if (!g_regex_match (pages, out, 0, &match))
    g_error ("pdfinfo says no number of pages of %s:\n%s", path, out);
  number = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (number, NULL, 10);
}

gboolean
liaison_test_has_line (const char *text,
                       const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", text);

  return strstr (haystack, needle) != NULL;
}
